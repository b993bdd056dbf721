package io.aurora.server.client.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurora.api.TaskQueries;
import io.aurora.api.Tasks;
import io.aurora.gen.ConfigGroup;
import io.aurora.gen.GetJobUpdateDiffResult;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.server.client.cli.ClientContext;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.InstanceSpec;
import io.aurora.server.client.cli.SchedulerCalls;
import io.aurora.server.client.cli.TextTable;
import io.aurora.server.client.config.JobFile;
import io.aurora.server.client.config.JobFileOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aurora job diff}: what an update of the job to a job file would do, per instance. The
 * file's config is completed by the scheduler ({@code populateJobConfig}, as it would store it);
 * for a service job the scheduler says which instances would be added, updated, removed or left
 * alone ({@code getJobUpdateDiff}); for a batch or cron job, which the updater does not take, the
 * client works it out from the active tasks as Aurora's client does. Each group of updated
 * instances is shown with the fields of its running config that the file changes ({@link
 * TaskConfigDiff}).
 */
@Command(name = "diff", sortOptions = false,
    description = {"Shows what an update of the job to FILE would change, per instance: "
        + "instances added, updated (with the changed fields), removed and unchanged.",
        "Exits 3 if the scheduler finds FILE invalid, 4 if it cannot work out the diff."})
final class JobDiffCommand implements Callable<Integer> {
  /** The kinds of change, in the order they are shown. */
  private static final List<String> KINDS = List.of("add", "update", "remove", "unchanged");

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME[/INSTANCES]",
      converter = JobInstances.Converter.class,
      description = "The job, and optionally the only instances an update would touch.")
  JobInstances target;

  @Parameters(index = "1", paramLabel = "FILE", description = "The job file, as for job create.")
  Path file;

  @Option(names = "--write-json", description = "Print JSON for scripts instead of tables.")
  boolean writeJson;

  @Mixin
  JobFileOptions files = new JobFileOptions();

  private final ClientContext context;

  JobDiffCommand(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    SchedulerCalls scheduler = context.scheduler(target.job().cluster());
    JobFile read = files.read(file, target.job(), scheduler);
    JobConfiguration job = read.job();
    Response populated = scheduler.call(api -> api.populateJobConfig(job));
    if (populated.getResponseCode() != ResponseCode.OK) {
      throw ClientFailure.invalidConfiguration("the scheduler refuses " + file + ": "
          + SchedulerCalls.describe(populated));
    }
    TaskConfig proposed = populated.getResult().getPopulateJobResult().getTaskConfig();
    GetJobUpdateDiffResult diff = proposed.isIsService() && !read.hasCronSchedule()
        ? schedulerDiff(scheduler, job) : clientDiff(scheduler, proposed, job.getInstanceCount());
    Map<String, List<ConfigGroup>> groups = new LinkedHashMap<>();
    groups.put("add", sorted(diff.getAdd()));
    groups.put("update", sorted(diff.getUpdate()));
    groups.put("remove", sorted(diff.getRemove()));
    groups.put("unchanged", sorted(diff.getUnchanged()));
    PrintWriter out = context.out();
    if (writeJson) {
      out.println(StructJson.pretty(json(groups, proposed)));
    } else {
      print(out, groups, proposed);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private GetJobUpdateDiffResult schedulerDiff(SchedulerCalls scheduler, JobConfiguration job) {
    JobUpdateRequest request = new JobUpdateRequest()
        .setTaskConfig(job.getTaskConfig().deepCopy())
        .setInstanceCount(job.getInstanceCount())
        .setSettings(new JobUpdateSettings());
    target.instances().ifPresent(i ->
        request.getSettings().setUpdateOnlyTheseInstances(new HashSet<>(i.ranges())));
    Response r = scheduler.call(api -> api.getJobUpdateDiff(request));
    if (r.getResponseCode() != ResponseCode.OK) {
      throw new ClientFailure(ExitCodes.COMMAND_FAILURE,
          "the scheduler cannot work out the diff: " + SchedulerCalls.describe(r));
    }
    return r.getResult().getGetJobUpdateDiffResult();
  }

  /**
   * The diff of the active tasks against {@code proposed} over {@code count} instances (limited to
   * the instances asked for, if any), worked out here.
   */
  private GetJobUpdateDiffResult clientDiff(SchedulerCalls scheduler, TaskConfig proposed,
      int count) {
    Response r = scheduler.ok(api -> api.getTasksStatus(
        TaskQueries.byJob(target.job().jobKey()).statuses(Tasks.ACTIVE_STATES).build()));
    List<ScheduledTask> tasks = r.getResult().getScheduleStatusResult().getTasks();
    Map<Integer, ScheduledTask> active = InstanceTasks.newestByInstance(
        tasks == null ? List.of() : tasks);
    Set<Integer> scope = target.instances().map(i -> (Set<Integer>) i.ids()).orElse(null);
    Map<String, Map<TaskConfig, SortedSet<Integer>>> byKind = new LinkedHashMap<>();
    KINDS.forEach(kind -> byKind.put(kind, new LinkedHashMap<>()));
    active.forEach((id, task) -> {
      TaskConfig config = task.getAssignedTask().getTask();
      String kind;
      if (scope != null && !scope.contains(id)) {
        kind = "unchanged"; // outside the instances asked about: an update leaves it alone
      } else if (id >= count) {
        kind = "remove";
      } else {
        kind = config.equals(proposed) ? "unchanged" : "update";
      }
      byKind.get(kind).computeIfAbsent(config, c -> new TreeSet<>()).add(id);
    });
    for (int id = 0; id < count; id++) {
      if (!active.containsKey(id) && (scope == null || scope.contains(id))) {
        byKind.get("add").computeIfAbsent(proposed, c -> new TreeSet<>()).add(id);
      }
    }
    return new GetJobUpdateDiffResult(groups(byKind.get("add")), groups(byKind.get("remove")),
        groups(byKind.get("update")), groups(byKind.get("unchanged")));
  }

  private void print(PrintWriter out, Map<String, List<ConfigGroup>> groups, TaskConfig proposed) {
    out.println("An update of " + target.job() + " to " + file + " would change:");
    TextTable table = new TextTable("CHANGE", "INSTANCES");
    groups.forEach((kind, list) -> {
      SortedSet<Integer> ids = new TreeSet<>();
      list.forEach(g -> ids.addAll(InstanceSpec.idsOf(g.getInstances())));
      if (!ids.isEmpty()) {
        table.row(kind, new InstanceSpec(ids));
      }
    });
    if (table.size() == 0) {
      out.println("nothing: the job has no instances and the file none");
      return;
    }
    table.print(out);
    for (ConfigGroup group : groups.get("update")) {
      out.println();
      out.println("update " + new InstanceSpec(InstanceSpec.idsOf(group.getInstances())) + ":");
      for (TaskConfigDiff.Change change : TaskConfigDiff.between(group.getConfig(), proposed)) {
        out.println("  " + change.field());
        change.before().ifPresent(v -> out.println("    - " + StructJson.compact(v)));
        change.after().ifPresent(v -> out.println("    + " + StructJson.compact(v)));
      }
    }
  }

  private ObjectNode json(Map<String, List<ConfigGroup>> groups, TaskConfig proposed) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("job", target.job().toString());
    groups.forEach((kind, list) -> {
      if (!kind.equals("update")) {
        ArrayNode ids = node.putArray(kind);
        list.stream().flatMap(g -> InstanceSpec.idsOf(g.getInstances()).stream()).sorted()
            .forEach(ids::add);
      }
    });
    ArrayNode updates = node.putArray("update");
    for (ConfigGroup group : groups.get("update")) {
      ObjectNode update = updates.addObject();
      ArrayNode ids = update.putArray("instances");
      InstanceSpec.idsOf(group.getInstances()).forEach(ids::add);
      ArrayNode changes = update.putArray("changes");
      for (TaskConfigDiff.Change change : TaskConfigDiff.between(group.getConfig(), proposed)) {
        ObjectNode c = changes.addObject().put("field", change.field());
        c.set("before", change.before().orElse(null));
        c.set("after", change.after().orElse(null));
      }
    }
    return node;
  }

  private static Set<ConfigGroup> groups(Map<TaskConfig, SortedSet<Integer>> byConfig) {
    Set<ConfigGroup> out = new HashSet<>();
    byConfig.forEach((config, ids) ->
        out.add(new ConfigGroup(config, new HashSet<>(new InstanceSpec(ids).ranges()))));
    return out;
  }

  private static List<ConfigGroup> sorted(Set<ConfigGroup> groups) {
    List<ConfigGroup> out = new ArrayList<>(groups == null ? Set.of() : groups);
    out.sort(Comparator.comparingInt(g -> InstanceSpec.idsOf(g.getInstances()).isEmpty() ? 0
        : InstanceSpec.idsOf(g.getInstances()).first()));
    return out;
  }
}
