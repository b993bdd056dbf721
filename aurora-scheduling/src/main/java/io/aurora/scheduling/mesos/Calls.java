package io.aurora.scheduling.mesos;

import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * Builds the v1 scheduler {@link Call} messages behind each {@link Driver} method. Pure; shared by
 * the HTTP client and the test fake so both send exactly the same messages.
 */
public final class Calls {
  private Calls() {}

  /**
   * SUBSCRIBE. For a failover both {@code framework_id} and {@code framework_info.id} carry the
   * stored id: the master rejects the call if only one of them is set.
   */
  public static Call subscribe(FrameworkInfo info, Optional<FrameworkID> frameworkId) {
    Call.Builder call = Call.newBuilder().setType(Call.Type.SUBSCRIBE);
    FrameworkInfo.Builder withId = info.toBuilder().clearId();
    frameworkId.ifPresent(id -> {
      call.setFrameworkId(id);
      withId.setId(id);
    });
    return call.setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(withId)).build();
  }

  /** ACCEPT with operations and filters. */
  public static Call accept(
      FrameworkID frameworkId, List<OfferID> offerIds, List<Offer.Operation> operations,
      Filters filters) {
    return base(frameworkId, Call.Type.ACCEPT)
        .setAccept(Call.Accept.newBuilder()
            .addAllOfferIds(offerIds).addAllOperations(operations).setFilters(filters))
        .build();
  }

  /** DECLINE with filters. */
  public static Call decline(FrameworkID frameworkId, List<OfferID> offerIds, Filters filters) {
    return base(frameworkId, Call.Type.DECLINE)
        .setDecline(Call.Decline.newBuilder().addAllOfferIds(offerIds).setFilters(filters))
        .build();
  }

  /** ACCEPT_INVERSE_OFFERS: the framework agrees to the agents' maintenance. */
  public static Call acceptInverseOffers(FrameworkID frameworkId, List<OfferID> inverseOfferIds,
      Filters filters) {
    return base(frameworkId, Call.Type.ACCEPT_INVERSE_OFFERS)
        .setAcceptInverseOffers(Call.AcceptInverseOffers.newBuilder()
            .addAllInverseOfferIds(inverseOfferIds).setFilters(filters))
        .build();
  }

  /** KILL of one task, optionally naming its agent. */
  public static Call kill(FrameworkID frameworkId, TaskID taskId, Optional<AgentID> agentId) {
    Call.Kill.Builder kill = Call.Kill.newBuilder().setTaskId(taskId);
    agentId.ifPresent(kill::setAgentId);
    return base(frameworkId, Call.Type.KILL).setKill(kill).build();
  }

  /**
   * ACKNOWLEDGE of an update, or empty if the update has no uuid (and so must not be
   * acknowledged).
   */
  public static Optional<Call> acknowledge(FrameworkID frameworkId, TaskStatus status) {
    if (!status.hasUuid() || !status.hasAgentId()) {
      return Optional.empty();
    }
    return Optional.of(base(frameworkId, Call.Type.ACKNOWLEDGE)
        .setAcknowledge(Call.Acknowledge.newBuilder()
            .setAgentId(status.getAgentId())
            .setTaskId(status.getTaskId())
            .setUuid(status.getUuid()))
        .build());
  }

  /** RECONCILE; an empty list asks for every task the master knows (implicit). */
  public static Call reconcile(FrameworkID frameworkId, List<Call.Reconcile.Task> tasks) {
    return base(frameworkId, Call.Type.RECONCILE)
        .setReconcile(Call.Reconcile.newBuilder().addAllTasks(tasks))
        .build();
  }

  /** REVIVE for the roles (empty = all). */
  public static Call revive(FrameworkID frameworkId, List<String> roles) {
    return base(frameworkId, Call.Type.REVIVE)
        .setRevive(Call.Revive.newBuilder().addAllRoles(roles))
        .build();
  }

  /** SUPPRESS for the roles (empty = all). */
  public static Call suppress(FrameworkID frameworkId, List<String> roles) {
    return base(frameworkId, Call.Type.SUPPRESS)
        .setSuppress(Call.Suppress.newBuilder().addAllRoles(roles))
        .build();
  }

  /** TEARDOWN. */
  public static Call teardown(FrameworkID frameworkId) {
    return base(frameworkId, Call.Type.TEARDOWN).build();
  }

  private static Call.Builder base(FrameworkID frameworkId, Call.Type type) {
    return Call.newBuilder().setFrameworkId(frameworkId).setType(type);
  }
}
