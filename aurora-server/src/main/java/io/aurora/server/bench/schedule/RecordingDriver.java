package io.aurora.server.bench.schedule;

import io.aurora.scheduling.mesos.Driver;
import io.aurora.scheduling.mesos.DriverListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * A {@link Driver} that stands in for the Mesos master in the placement figure: it records every
 * LAUNCH (the count and, per task, the time since its job's {@code createJob} call began) and, as
 * a master with no refuse filter would, offers what an accepted offer left over again at once
 * (from its own thread, never from the scheduling thread that called {@link #accept}).
 */
final class RecordingDriver implements Driver {
  private final LongSupplier nanoTime;
  private final Map<String, Long> jobStartNanos;
  private final Map<String, Offer> outstanding = new ConcurrentHashMap<>();
  private final AtomicInteger launched = new AtomicInteger();
  private final AtomicInteger accepts = new AtomicInteger();
  private final AtomicLong nextOfferId = new AtomicLong();
  private final long[] latencyNanos;
  private final ExecutorService reoffers = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "schedule-bench-reoffers");
    t.setDaemon(true);
    return t;
  });
  private volatile DriverListener listener;

  /**
   * @param jobStartNanos when each job's createJob call began, by {@code role/env/name} (the
   *     TaskInfo name); filled in by the caller as it goes
   * @param maxTasks how many task latencies to keep
   */
  RecordingDriver(LongSupplier nanoTime, Map<String, Long> jobStartNanos, int maxTasks) {
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.jobStartNanos = Objects.requireNonNull(jobStartNanos, "jobStartNanos");
    this.latencyNanos = new long[maxTasks];
  }

  /** Delivers SUBSCRIBED and then {@code offers} to the subscribed listener. */
  void deliver(FrameworkID frameworkId, List<Offer> offers) {
    listener.subscribed(frameworkId, MasterInfo.newBuilder().setId("bench").setIp(0x0100007f)
        .setPort(5050).build());
    offers.forEach(o -> outstanding.put(o.getId().getValue(), o));
    listener.offers(offers);
  }

  /** Tasks in LAUNCH operations so far. */
  int launched() {
    return launched.get();
  }

  /** ACCEPT calls so far. */
  int accepts() {
    return accepts.get();
  }

  /** Each launched task's time from its job's createJob call to its ACCEPT, in nanoseconds. */
  long[] latencies() {
    return java.util.Arrays.copyOf(latencyNanos, Math.min(launched.get(), latencyNanos.length));
  }

  @Override
  public void subscribe(Optional<FrameworkID> frameworkId, DriverListener newListener) {
    this.listener = Objects.requireNonNull(newListener, "listener");
  }

  @Override
  public void accept(List<OfferID> offerIds, List<Offer.Operation> operations, Filters filters) {
    long now = nanoTime.getAsLong();
    accepts.incrementAndGet();
    List<TaskInfo> tasks = new ArrayList<>();
    for (Offer.Operation op : operations) {
      if (op.getType() == Offer.Operation.Type.LAUNCH) {
        tasks.addAll(op.getLaunch().getTaskInfosList());
      }
    }
    for (TaskInfo task : tasks) {
      int slot = launched.getAndIncrement();
      Long start = jobStartNanos.get(task.getName());
      if (slot < latencyNanos.length && start != null) {
        latencyNanos[slot] = now - start;
      }
    }
    for (OfferID id : offerIds) {
      Offer offer = outstanding.remove(id.getValue());
      if (offer != null) {
        Offer rest = Leftovers.after(offer, tasks)
            .setId(OfferID.newBuilder().setValue("bench-" + nextOfferId.incrementAndGet()))
            .build();
        outstanding.put(rest.getId().getValue(), rest);
        reoffers.execute(() -> listener.offers(List.of(rest)));
      }
    }
  }

  @Override
  public void decline(List<OfferID> offerIds, Filters filters) {
    offerIds.forEach(id -> outstanding.remove(id.getValue()));
  }

  @Override
  public void kill(TaskID taskId, Optional<AgentID> agentId) {}

  @Override
  public void acknowledge(TaskStatus status) {}

  @Override
  public void reconcile(List<Call.Reconcile.Task> tasks) {}

  @Override
  public void reconcileAll() {}

  @Override
  public void revive(List<String> roles) {}

  @Override
  public void suppress(List<String> roles) {}

  @Override
  public void teardown() {
    stop();
  }

  @Override
  public void stop() {
    reoffers.shutdownNow();
  }
}
