package io.aurora.scheduling.runtime;

import io.aurora.gen.ScheduleStatus;
import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.mesos.DriverListener;
import io.aurora.scheduling.offers.OfferBook;
import io.aurora.scheduling.state.Transition;
import io.aurora.scheduling.write.StateWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives up the launches whose ACCEPT the master did not take ({@link
 * DriverListener#acceptFailed}): their tasks, still ASSIGNED, will never get a status update, so
 * instead of waiting for the transient-state timeout they become LOST at once, which reschedules
 * them through the state machine as any lost task. As in Aurora, a launch failure marks the task
 * LOST; the task event says why.
 *
 * <p>All tasks of one failed ACCEPT change in one storage write, each by compare-and-set from
 * ASSIGNED, so a task that moved on meanwhile (killed by a user, say) is left alone. The ACCEPT's
 * offers are declined: a master that refused the call still counts them as ours.
 */
public final class LaunchFailures {
  private static final Logger LOG = LoggerFactory.getLogger(LaunchFailures.class);

  /** An ACCEPT the master did not take: its offers, the tasks it launched, and why. */
  public record Failed(List<OfferID> offerIds, List<String> taskIds, String reason) {
    public Failed {
      offerIds = List.copyOf(offerIds);
      taskIds = List.copyOf(taskIds);
      Objects.requireNonNull(reason, "reason");
    }

    /** The tasks of every LAUNCH and LAUNCH_GROUP among {@code operations}. */
    public static Failed of(List<OfferID> offerIds, List<Offer.Operation> operations,
        String reason) {
      List<String> ids = new ArrayList<>();
      for (Offer.Operation op : operations) {
        List<TaskInfo> infos = switch (op.getType()) {
          case LAUNCH -> op.getLaunch().getTaskInfosList();
          case LAUNCH_GROUP -> op.getLaunchGroup().getTaskGroup().getTasksList();
          default -> List.of();
        };
        infos.forEach(t -> ids.add(t.getTaskId().getValue()));
      }
      return new Failed(offerIds, ids, reason);
    }
  }

  private final StateWriter writer;
  private final Driver driver;
  private final OfferBook offers;
  private final AtomicLong lost = new AtomicLong();

  public LaunchFailures(StateWriter writer, Driver driver, OfferBook offers) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.driver = Objects.requireNonNull(driver, "driver");
    this.offers = Objects.requireNonNull(offers, "offers");
  }

  /** Marks the failed launch's ASSIGNED tasks LOST in one write; returns how many moved. */
  public int markLost(Failed failed) {
    if (!failed.offerIds().isEmpty()) {
      driver.decline(failed.offerIds(), offers.filters());
    }
    if (failed.taskIds().isEmpty()) {
      return 0;
    }
    String message = "Task failed to launch: " + failed.reason();
    int moved = writer.write((stores, changes) -> {
      int n = 0;
      for (String id : failed.taskIds()) {
        Transition.Result result = writer.stateManager().changeState(stores, id,
            Optional.of(ScheduleStatus.ASSIGNED), ScheduleStatus.LOST, Optional.of(message),
            changes);
        n += result == Transition.Result.SUCCESS ? 1 : 0;
      }
      return n;
    });
    lost.addAndGet(moved);
    LOG.warn("{} of {} tasks failed to launch and are LOST: {}", moved, failed.taskIds().size(),
        failed.reason());
    return moved;
  }

  /** Tasks moved to LOST because their launch failed ({@code task_launch_failures}). */
  public long launchFailures() {
    return lost.get();
  }
}
