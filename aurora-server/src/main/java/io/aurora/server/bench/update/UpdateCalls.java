package io.aurora.server.bench.update;

import io.aurora.api.TaskQueries;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import io.aurora.scheduling.thrift.AuroraAdminService;
import io.aurora.server.bench.Await;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The update calls the benchmark makes, failing on a response that is not OK. */
final class UpdateCalls {
  private final AuroraAdminService service;
  private final Await poll = new Await(Duration.ofMillis(10));

  UpdateCalls(AuroraAdminService service) {
    this.service = service;
  }

  AuroraAdminService service() {
    return service;
  }

  Response check(String call, Response response) {
    if (response.getResponseCode() != ResponseCode.OK) {
      throw new IllegalStateException(call + ": " + response.getResponseCode() + " "
          + response.getDetails());
    }
    return response;
  }

  JobUpdateKey start(JobUpdateRequest request) {
    Response r = check("startJobUpdate", service.startJobUpdate(request, "aurora-bench"));
    return r.getResult().getStartJobUpdateResult().getKey();
  }

  JobUpdateStatus status(JobUpdateKey key) {
    List<JobUpdateSummary> summaries = check("getJobUpdateSummaries",
        service.getJobUpdateSummaries(new JobUpdateQuery().setKey(key)))
        .getResult().getGetJobUpdateSummariesResult().getUpdateSummaries();
    if (summaries.isEmpty()) {
      throw new IllegalStateException("update " + key.getId() + " is gone");
    }
    return summaries.get(0).getState().getStatus();
  }

  JobUpdateDetails details(JobUpdateKey key) {
    return check("getJobUpdateDetails", service.getJobUpdateDetails(key, null))
        .getResult().getGetJobUpdateDetailsResult().getDetails();
  }

  JobUpdateStatus awaitEnd(JobUpdateKey key, Duration timeout, PrintStream progress)
      throws Exception {
    return poll.until("update " + key.getId() + " to end", timeout, () -> {
      JobUpdateStatus status = status(key);
      return Set.of(JobUpdateStatus.ROLLED_FORWARD, JobUpdateStatus.ROLLED_BACK,
          JobUpdateStatus.ABORTED, JobUpdateStatus.ERROR, JobUpdateStatus.FAILED)
          .contains(status) ? Optional.of(status) : Optional.empty();
    });
  }

  void awaitStatus(JobUpdateKey key, JobUpdateStatus wanted, Duration timeout,
      PrintStream progress) throws Exception {
    JobUpdateStatus seen = poll.until("update " + key.getId() + " to reach " + wanted, timeout,
        () -> {
          JobUpdateStatus status = status(key);
          return status == wanted || !isActive(status) ? Optional.of(status) : Optional.empty();
        });
    if (seen != wanted) {
      throw new IllegalStateException("update " + key.getId() + " ended " + seen
          + " before reaching " + wanted);
    }
    progress.printf("update %s is %s%n", key.getId(), wanted);
  }

  private static boolean isActive(JobUpdateStatus status) {
    return switch (status) {
      case ROLLED_FORWARD, ROLLED_BACK, ABORTED, ERROR, FAILED -> false;
      default -> true;
    };
  }

  /**
   * Why an update ended as it did: its last update event and the events of the tasks of the
   * instance its message names (for a run that went wrong).
   */
  String whyEnded(JobUpdateKey key, JobKey job) {
    JobUpdateDetails details = details(key);
    List<JobUpdateEvent> events = details.getUpdateEvents();
    JobUpdateEvent last = events.get(events.size() - 1);
    StringBuilder out = new StringBuilder(last.getStatus() + " \"" + last.getMessage() + "\"");
    Matcher instance = Pattern.compile("instance (\\d+)").matcher(String.valueOf(
        events.stream().filter(e -> e.getStatus() == JobUpdateStatus.ROLLING_BACK)
            .map(JobUpdateEvent::getMessage).findFirst().orElse(last.getMessage())));
    if (instance.find()) {
      int id = Integer.parseInt(instance.group(1));
      for (ScheduledTask t : check("getTasksStatus", service.getTasksStatus(
          TaskQueries.byJob(job).instances(id).build())).getResult().getScheduleStatusResult()
          .getTasks()) {
        out.append("\n  task ").append(t.getAssignedTask().getTaskId()).append(" on ")
            .append(t.getAssignedTask().getSlaveHost());
        for (TaskEvent e : t.getTaskEvents()) {
          out.append("\n    ").append(e.getStatus()).append(' ').append(e.getMessage());
        }
      }
    }
    return out.toString();
  }
}
