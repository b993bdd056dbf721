package io.aurora.server.client.cron;

import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobStats;
import io.aurora.gen.JobSummary;
import io.aurora.gen.Response;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.JobPath;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code aurora cron show}: a cron job's schedule, collision policy and next run, from the
 * scheduler's {@code getJobSummary} of the job's role. The next run is printed in the user's zone
 * and in the zone the scheduler reads schedules in; the API does not carry that zone (the
 * scheduler's {@code -cron_timezone}), so {@code --cron-timezone} gives it, GMT by default as on
 * the scheduler.
 */
@Command(name = "show", sortOptions = false,
    description = {"Shows a cron job: its schedule, collision policy, next run and tasks.",
        "The next run is shown in your time zone and in the zone the scheduler reads schedules "
        + "in (its -cron_timezone flag). The scheduler's API does not tell that zone, so "
        + "give it with --cron-timezone when the scheduler does not run with the default, GMT."})
final class CronShowCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
  private static final String LABEL = "%-19s%s%n";

  @Parameters(paramLabel = "CLUSTER/ROLE/ENV/NAME", converter = JobPath.Converter.class,
      description = "The job.")
  JobPath job;

  @Option(names = "--cron-timezone", paramLabel = "ZONE", defaultValue = "GMT",
      converter = ZoneConverter.class,
      description = "The scheduler's -cron_timezone, e.g. UTC, America/New_York or GMT+02:00 "
          + "(default: ${DEFAULT-VALUE}, the scheduler's default).")
  ZoneId cronZone;

  private final ClientContext context;

  CronShowCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    Response r = context.scheduler(job.cluster()).ok(api -> api.getJobSummary(job.role()));
    JobSummary summary = find(r).orElseThrow(() -> ClientFailure.invalidParameter(
        "no cron job " + job.job() + ": the scheduler has no job of that name"));
    JobConfiguration config = summary.getJob();
    if (!config.isSetCronSchedule() || config.getCronSchedule().isBlank()) {
      throw ClientFailure.invalidParameter(
          job.job() + " is not a cron job: it has no cronSchedule");
    }
    PrintWriter out = context.out();
    out.printf(LABEL, "Job:", job);
    out.printf(LABEL, "Schedule:", config.getCronSchedule());
    out.printf(LABEL, "Collision policy:", config.isSetCronCollisionPolicy()
        ? config.getCronCollisionPolicy() : CronCollisionPolicy.KILL_EXISTING + " (default)");
    if (summary.isSetNextCronRunMs()) {
      Instant next = Instant.ofEpochMilli(summary.getNextCronRunMs());
      out.printf(LABEL, "Next run:", time(next, context.localZone()) + " (local)");
      out.printf(LABEL, "", time(next, cronZone) + " (cron time zone)");
    } else {
      out.printf(LABEL, "Next run:", "none given by the scheduler");
    }
    out.printf(LABEL, "Instances:", config.getInstanceCount());
    if (summary.isSetStats()) {
      JobStats s = summary.getStats();
      out.printf(LABEL, "Tasks:", s.getPendingTaskCount() + " pending, " + s.getActiveTaskCount()
          + " active, " + s.getFinishedTaskCount() + " finished, " + s.getFailedTaskCount()
          + " failed");
    }
    out.flush();
    return ExitCodes.OK;
  }

  private Optional<JobSummary> find(Response r) {
    Set<JobSummary> summaries = r.isSetResult() && r.getResult().isSetJobSummaryResult()
        ? r.getResult().getJobSummaryResult().getSummaries() : null;
    if (summaries == null) {
      return Optional.empty();
    }
    return summaries.stream()
        .filter(s -> s.getJob() != null && job.jobKey().equals(s.getJob().getKey()))
        .findFirst();
  }

  /**
   * {@code 2026-05-01 14:05:00 +02:00  Europe/Paris}: an offset and the zone's id, not an
   * abbreviation such as CEST, which depends on the locale and can be ambiguous.
   */
  static String time(Instant at, ZoneId zone) {
    return TIME.format(at.atZone(zone)) + "  " + zone.getId();
  }

  /** picocli's converter: a zone Java does not know is a usage error that says what would do. */
  static final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        // As the scheduler reads -cron_timezone, so that its value can be copied here as it is.
        return ZoneId.of(value, ZoneId.SHORT_IDS);
      } catch (DateTimeException e) {
        throw new TypeConversionException("'" + value + "' is not a time zone: give a zone id "
            + "such as GMT, UTC, America/New_York or GMT+02:00");
      }
    }
  }
}
