package io.aurora.server.client.update;

import io.aurora.gen.GetJobUpdateDetailsResult;
import io.aurora.gen.GetJobUpdateSummariesResult;
import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.JobInstanceUpdateEvent;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdate;
import io.aurora.gen.JobUpdateAction;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateInstructions;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.JobUpdateState;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.QueueJobUpdateStrategy;
import io.aurora.gen.Range;
import io.aurora.gen.Response;
import io.aurora.gen.Result;
import io.aurora.gen.TaskConfig;
import io.aurora.server.client.ScriptedScheduler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Thrift update structs as the scheduler fills them, for the update verbs' tests. */
final class UpdateFixtures {
  static final JobKey JOB = new JobKey("www", "prod", "hello");
  /** When the fixtures' updates were created: 2023-11-14T22:13:20Z. */
  static final long T0 = 1_700_000_000_000L;

  private UpdateFixtures() {}

  static JobUpdateKey key(String id) {
    return new JobUpdateKey(JOB.deepCopy(), id);
  }

  static JobUpdateSummary summary(String id, JobUpdateStatus status, long created) {
    return new JobUpdateSummary().setKey(key(id)).setUser("alice")
        .setState(new JobUpdateState(status, created, created + 60_000));
  }

  static Response summaries(JobUpdateSummary... summaries) {
    return ScriptedScheduler.ok(Result.getJobUpdateSummariesResult(
        new GetJobUpdateSummariesResult(new ArrayList<>(List.of(summaries)))));
  }

  /** Details of update {@code id} over instances 0-3 (desired) and 0-2 (initial). */
  static JobUpdateDetails details(String id, JobUpdateStatus status,
      JobInstanceUpdateEvent... instanceEvents) {
    JobUpdateSettings settings = new JobUpdateSettings().setUpdateGroupSize(2)
        .setMaxPerInstanceFailures(1).setMaxFailedInstances(1).setMinWaitInInstanceRunningMs(45_000)
        .setRollbackOnFailure(true).setWaitForBatchCompletion(false)
        .setUpdateStrategy(JobUpdateStrategy.queueStrategy(new QueueJobUpdateStrategy(2)));
    Set<InstanceTaskConfig> initial = new HashSet<>();
    initial.add(new InstanceTaskConfig(new TaskConfig(), ranges(new Range(0, 2))));
    JobUpdateInstructions instructions = new JobUpdateInstructions(initial,
        new InstanceTaskConfig(new TaskConfig(), ranges(new Range(0, 3))), settings);
    List<JobUpdateEvent> updateEvents = new ArrayList<>();
    updateEvents.add(new JobUpdateEvent(JobUpdateStatus.ROLLING_FORWARD, T0).setUser("alice")
        .setMessage("deploy 42"));
    if (status != JobUpdateStatus.ROLLING_FORWARD) {
      updateEvents.add(new JobUpdateEvent(status, T0 + 60_000).setMessage("Latest failure: "
          + "instance 3 exited."));
    }
    return new JobUpdateDetails(new JobUpdate(summary(id, status, T0), instructions),
        updateEvents, new ArrayList<>(List.of(instanceEvents)));
  }

  static Response detailsResponse(JobUpdateDetails... details) {
    return ScriptedScheduler.ok(Result.getJobUpdateDetailsResult(
        new GetJobUpdateDetailsResult().setDetailsList(new ArrayList<>(List.of(details)))));
  }

  static JobInstanceUpdateEvent event(int instance, long offsetMs, JobUpdateAction action) {
    return new JobInstanceUpdateEvent(instance, T0 + offsetMs, action);
  }

  static Set<Range> ranges(Range... ranges) {
    return new HashSet<>(List.of(ranges));
  }
}
