package io.aurora.server.client.update;

import io.aurora.api.JobKeys;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code aurora update list}: a table of updates (job, id, status, user, created, last modified),
 * most recently created first, selected by {@code getJobUpdateSummaries} with a {@code
 * JobUpdateQuery}. The query has no environment field, so an environment alone is filtered here, as
 * Aurora's client does.
 */
@Command(name = "list", sortOptions = false,
    description = "Lists updates, most recently created first.")
final class UpdateListCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "CLUSTER[/ROLE[/ENV[/NAME]]]",
      converter = Scope.Converter.class,
      description = "Whose updates (default: every job of the scheduler).")
  Scope scope = new Scope(Optional.empty(), List.of());

  @Option(names = "--status", paramLabel = "S", split = ",",
      description = "Only these statuses: names such as ROLLING_FORWARD, or the groups active, "
          + "inactive, paused, blocked, succeeded, failed, all.")
  List<String> statuses = new ArrayList<>();

  @Option(names = "--user", paramLabel = "U", description = "Only updates started by this user.")
  String user;

  @Spec
  CommandSpec spec;

  private final ClientContext context;

  UpdateListCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  /** The positional argument: a cluster and up to three of role, environment, name. */
  record Scope(Optional<String> cluster, List<String> parts) {
    Scope {
      Objects.requireNonNull(cluster, "cluster");
      parts = List.copyOf(parts);
    }

    Optional<String> part(int index) {
      return index < parts.size() ? Optional.of(parts.get(index)) : Optional.empty();
    }

    static final class Converter implements ITypeConverter<Scope> {
      @Override
      public Scope convert(String value) {
        String[] words = value.split("/", -1);
        if (words.length > 4 || Arrays.stream(words).anyMatch(String::isEmpty)) {
          throw new TypeConversionException(
              "expected CLUSTER[/ROLE[/ENV[/NAME]]], got '" + value + "'");
        }
        List<String> parts = Arrays.asList(words).subList(1, words.length);
        for (String part : parts) {
          if (!JobKeys.isGoodIdentifier(part)) {
            throw new TypeConversionException("'" + part + "' in '" + value
                + "' is not a valid role, environment or name");
          }
        }
        return new Scope(Optional.of(words[0]), parts);
      }
    }
  }

  @Override
  public Integer call() {
    JobUpdateQuery query = new JobUpdateQuery();
    scope.part(0).ifPresent(query::setRole);
    if (scope.parts().size() == 3) {
      query.setJobKey(new JobKey(scope.parts().get(0), scope.parts().get(1), scope.parts().get(2)));
    }
    if (user != null) {
      query.setUser(user);
    }
    if (!statuses.isEmpty()) {
      EnumSet<JobUpdateStatus> wanted = EnumSet.noneOf(JobUpdateStatus.class);
      for (String word : statuses) {
        try {
          wanted.addAll(UpdateStatuses.parse(word));
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), "--status: " + e.getMessage());
        }
      }
      query.setUpdateStatuses(wanted);
    }
    List<JobUpdateSummary> found = new ArrayList<>(
        new UpdateLookup(context.scheduler(scope.cluster())).summaries(query));
    Optional<String> environment = scope.part(1);
    found.removeIf(s -> environment.isPresent()
        && !environment.get().equals(s.getKey().getJob().getEnvironment()));
    if (found.isEmpty()) {
      context.out().println("No updates found.");
      context.out().flush();
      return 0;
    }
    found.sort(Comparator.comparingLong((JobUpdateSummary s) -> s.getState().getCreatedTimestampMs())
        .reversed());
    TextTable table = new TextTable("JOB", "UPDATE ID", "STATUS", "USER", "CREATED",
        "LAST MODIFIED");
    for (JobUpdateSummary s : found) {
      String job = scope.cluster().map(c -> c + "/").orElse("") + UpdateText.job(s.getKey().getJob());
      table.row(job, s.getKey().getId(), s.getState().getStatus(), s.getUser(),
          UpdateText.time(s.getState().getCreatedTimestampMs()),
          UpdateText.time(s.getState().getLastModifiedTimestampMs()));
    }
    table.print(context.out());
    return 0;
  }
}
