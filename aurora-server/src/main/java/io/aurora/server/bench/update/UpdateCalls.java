package io.aurora.server.bench.update;

import io.aurora.gen.JobUpdateDetails;
import io.aurora.gen.JobUpdateKey;
import io.aurora.gen.JobUpdateQuery;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.gen.JobUpdateSummary;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.scheduling.thrift.AuroraAdminService;
import io.aurora.server.bench.Await;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
}
