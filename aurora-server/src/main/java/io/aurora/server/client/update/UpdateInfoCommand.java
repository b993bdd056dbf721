package io.aurora.server.client.update;

import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateInstructions;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.Range;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora update info}: one update's status, who started it, its settings, its events and
 * its instances' events.
 */
@Command(name = "info", sortOptions = false,
    description = "Shows an update: status, settings, events and the "
    + "events of each instance.")
final class UpdateInfoCommand implements Callable<Integer> {
  @Parameters(paramLabel = "KEY-OR-JOB", converter = UpdateTarget.Converter.class,
      description = "CLUSTER/ROLE/ENV/NAME/UPDATE_ID, or CLUSTER/ROLE/ENV/NAME for the job's "
          + "active update (else its most recent one).")
  UpdateTarget target;

  private final ClientContext context;

  UpdateInfoCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    UpdateLookup lookup = new UpdateLookup(context.scheduler(target.job().cluster()));
    JobUpdateKey key = lookup.activeOrLatest(target);
    JobUpdateDetails details = lookup.details(key);
    PrintWriter out = context.out();
    JobUpdateSummary summary = details.getUpdate().getSummary();
    JobUpdateInstructions instructions = details.getUpdate().getInstructions();
    out.println("Update:         " + UpdateText.key(target.job().cluster(), key));
    out.println("Status:         " + summary.getState().getStatus());
    out.println("Started by:     " + (summary.getUser() == null ? "-" : summary.getUser()));
    out.println("Created:        " + UpdateText.time(summary.getState().getCreatedTimestampMs()));
    out.println("Last modified:  " + UpdateText.time(summary.getState().getLastModifiedTimestampMs()));
    out.println("Progress:       " + UpdateTally.of(details));
    if (instructions != null) {
      out.println("Instances:      " + (instructions.getDesiredState() == null ? "none (removed)"
          : UpdateText.ranges(instructions.getDesiredState().getInstances()))
          + " (before: " + UpdateText.ranges(initialRanges(instructions)) + ")");
      if (instructions.getSettings() != null) {
        out.println("Settings:       " + settings(instructions.getSettings()));
      }
    }
    if (summary.getMetadataSize() > 0) {
      out.println("Metadata:       " + summary.getMetadata().stream()
          .map(m -> m.getKey() + "=" + m.getValue()).sorted().collect(Collectors.joining(", ")));
    }
    out.println();
    out.println("Update events:");
    TextTable events = new TextTable("  TIME", "STATUS", "USER", "MESSAGE");
    List<JobUpdateEvent> updateEvents = details.getUpdateEvents() == null
        ? List.of() : details.getUpdateEvents();
    for (JobUpdateEvent e : updateEvents) {
      events.row("  " + UpdateText.time(e.getTimestampMs()), e.getStatus(), e.getUser(),
          e.getMessage());
    }
    events.print(out);
    out.println();
    out.println("Instance events:");
    TextTable instances = new TextTable("  TIME", "INSTANCE", "ACTION", "MESSAGE");
    List<JobInstanceUpdateEvent> instanceEvents = details.getInstanceEvents() == null
        ? new ArrayList<>() : new ArrayList<>(details.getInstanceEvents());
    instanceEvents.sort(Comparator.comparingLong(JobInstanceUpdateEvent::getTimestampMs));
    for (JobInstanceUpdateEvent e : instanceEvents) {
      instances.row("  " + UpdateText.time(e.getTimestampMs()), e.getInstanceId(), e.getAction(),
          e.getMessage());
    }
    instances.print(out);
    return 0;
  }

  private static List<Range> initialRanges(JobUpdateInstructions instructions) {
    List<Range> ranges = new ArrayList<>();
    if (instructions.getInitialState() != null) {
      for (InstanceTaskConfig initial : instructions.getInitialState()) {
        if (initial.getInstances() != null) {
          ranges.addAll(initial.getInstances());
        }
      }
    }
    return ranges;
  }

  /** The settings in words, e.g. {@code batches of 2 (queue), watch 45 s, ...}. */
  static String settings(JobUpdateSettings s) {
    List<String> parts = new ArrayList<>();
    parts.add(strategy(s));
    parts.add("watch " + seconds(s.getMinWaitInInstanceRunningMs()));
    parts.add("max failures per instance " + s.getMaxPerInstanceFailures());
    parts.add("max failed instances " + s.getMaxFailedInstances());
    parts.add(s.isRollbackOnFailure() ? "rollback on failure" : "no rollback");
    if (s.getUpdateOnlyTheseInstancesSize() > 0) {
      parts.add("only instances " + UpdateText.ranges(s.getUpdateOnlyTheseInstances()));
    }
    if (s.isSetBlockIfNoPulsesAfterMs()) {
      parts.add("blocks without a pulse for " + seconds(s.getBlockIfNoPulsesAfterMs()));
    }
    if (s.isSlaAware()) {
      parts.add("SLA aware");
    }
    return String.join(", ", parts);
  }

  private static String seconds(long millis) {
    return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0)) + " s";
  }

  private static String strategy(JobUpdateSettings s) {
    JobUpdateStrategy strategy = s.getUpdateStrategy();
    if (strategy != null && strategy.isSetQueueStrategy()) {
      return "queue of " + strategy.getQueueStrategy().getGroupSize();
    }
    if (strategy != null && strategy.isSetBatchStrategy()) {
      return "batches of " + strategy.getBatchStrategy().getGroupSize()
          + (strategy.getBatchStrategy().isAutopauseAfterBatch() ? ", pausing after each" : "");
    }
    if (strategy != null && strategy.isSetVarBatchStrategy()) {
      return "batches of " + strategy.getVarBatchStrategy().getGroupSizes().stream()
          .map(String::valueOf).collect(Collectors.joining(","))
          + (strategy.getVarBatchStrategy().isAutopauseAfterBatch() ? ", pausing after each" : "");
    }
    return (s.isWaitForBatchCompletion() ? "batches of " : "queue of ") + s.getUpdateGroupSize();
  }
}
