package io.aurora.scheduling.testing;

import com.google.protobuf.ByteString;
import io.aurora.api.TaskQueries;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.assign.TaskAssigner;
import io.aurora.scheduling.assign.TaskInfoBuilder;
import io.aurora.scheduling.crontrigger.CronOptions;
import io.aurora.scheduling.crontrigger.CronTriggers;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.mesos.FakeDriver;
import io.aurora.scheduling.offers.OfferBook;
import io.aurora.scheduling.offers.OfferOptions;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.runtime.AfterCommitActions;
import io.aurora.scheduling.runtime.LaunchFailures;
import io.aurora.scheduling.runtime.SchedulerEvents;
import io.aurora.scheduling.runtime.SchedulingLoop;
import io.aurora.scheduling.runtime.StatusUpdateBatcher;
import io.aurora.scheduling.runtime.TaskTimers;
import io.aurora.scheduling.runtime.TimerOptions;
import io.aurora.scheduling.state.RescheduleCalculator;
import io.aurora.scheduling.state.RescheduleOptions;
import io.aurora.scheduling.timer.TimerQueue;
import io.aurora.scheduling.updater.JobUpdateController;
import io.aurora.scheduling.updater.UpdateOptions;
import io.aurora.scheduling.write.StateChanges;
import io.aurora.scheduling.write.StateManager;
import io.aurora.scheduling.write.StateWriter;
import io.aurora.scheduling.write.TaskIds;
import io.aurora.storage.Storage;
import io.aurora.storage.mem.MemStorage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;

/**
 * The scheduling runtime wired on real in-memory storage, the fake driver and a fake clock, with
 * every executor synchronous: tests drive it step by step.
 */
public final class SchedulerHarness {
  public final FakeClock clock = new FakeClock();
  public final FakeDriver driver = new FakeDriver();
  public final Storage storage;
  public final StateManager stateManager;
  /** Writes through the harness's after-commit actions. */
  public final StateWriter writer;
  public final OfferBook offers;
  public final SchedulingLoop loop;
  public final StatusUpdateBatcher statusUpdates;
  public final TimerQueue timers = new TimerQueue();
  public final TaskTimers taskTimers;
  public final AfterCommitActions afterCommit;
  public final SchedulerEvents events;
  public final LaunchFailures launchFailures;
  /** Where the job updater's counters go. */
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  /**
   * The job updater, fed the changes of every write; its passes run on {@link #updateExecutor}
   * once {@link #startUpdates} is called (as the runtime starts it when it leads).
   */
  public final JobUpdateController updates;
  /** Runs the updater's passes on the calling thread, one after the other. */
  public final TrampolineExecutor updateExecutor = new TrampolineExecutor();
  private final AtomicLong offerSeq = new AtomicLong();
  /**
   * Task and update ids count up across every harness of the JVM: two harnesses over one log (a
   * leader and its successor) must not hand out the same task id.
   */
  private static final AtomicLong UUID_SEQ = new AtomicLong();

  public SchedulerHarness() {
    this(new MemStorage());
  }

  public SchedulerHarness(Storage storage) {
    this(storage, UpdateOptions.DEFAULTS);
  }

  /** A harness whose updater has {@code updateOptions} (update affinity). */
  public SchedulerHarness(Storage storage, UpdateOptions updateOptions) {
    this(storage, updateOptions, io.aurora.scheduling.sla.SlaRules.DEFAULTS);
  }

  /** A harness whose updater checks SLA-aware updates with {@code sla}. */
  public SchedulerHarness(Storage storage, UpdateOptions updateOptions,
      io.aurora.scheduling.sla.SlaRules sla) {
    this.storage = storage;
    RescheduleCalculator penalties = new RescheduleCalculator(RescheduleOptions.DEFAULTS);
    stateManager = new StateManager(clock,
        new TaskIds(() -> new UUID(0, UUID_SEQ.incrementAndGet())), penalties, "scheduler-host");
    offers = new OfferBook(driver, clock, new Random(1), OfferOptions.DEFAULTS);
    writer = writerOn(storage);
    taskTimers = new TaskTimers(writer, driver, clock, timers, TimerOptions.DEFAULTS, penalties);
    afterCommit = new AfterCommitActions(driver, taskTimers, () -> { });
    updates = new JobUpdateController(writer, clock, timers, registry, updateOptions,
        () -> new UUID(1, UUID_SEQ.incrementAndGet()), sla);
    loop = new SchedulingLoop(writer, offers,
        new TaskAssigner(FilterChain.standard(), Scorer.OFFER_ORDER),
        new TaskInfoBuilder(ExecutorSettings.DEFAULTS), ExecutorSettings.DEFAULTS, driver, clock,
        updates.agentHolds());
    statusUpdates = new StatusUpdateBatcher(writer, driver, Runnable::run, 1000);
    launchFailures = new LaunchFailures(writer, driver, offers);
    events = new SchedulerEvents(writer, offers, statusUpdates, () -> { }, () -> { }, () -> { },
        launchFailures::markLost);
    driver.subscribe(Optional.empty(), events);
    driver.deliverSubscribed();
  }

  /**
   * A writer on {@code other} (a wrapped or failing storage) with this harness's state manager
   * and after-commit actions.
   */
  public StateWriter writerOn(Storage other) {
    return new StateWriter(other, stateManager, this::actOnCommit);
  }

  /**
   * Cron triggers over {@code writer} on this harness's clock and timers, writing on the caller's
   * thread (tests call {@link CronTriggers#start} when they want it to lead).
   */
  public CronTriggers cronOn(StateWriter writer, CronOptions options, MeterRegistry registry) {
    return new CronTriggers(writer, clock, timers, Runnable::run, options, registry);
  }

  private void actOnCommit(StateChanges changes) {
    afterCommit.afterCommit(changes);
    updates.onCommit(changes);
  }

  /** Starts the job updater: recovers the active updates in storage and evaluates them. */
  public void startUpdates() {
    updates.start(updateExecutor);
  }

  /** Inserts PENDING tasks for the instances, in one write; returns their ids. */
  public List<String> insertPending(TaskConfig config, Set<Integer> instances) {
    return writer.write((s, changes) ->
        stateManager.insertPendingTasks(s, config, instances, changes));
  }

  /** Offers an agent {@code agent} on host {@code host} with the given capacity. */
  public Offer offer(String agent, double cpus, long memMb, String... attrKeyValue) {
    Offer.Builder o = Offer.newBuilder()
        .setId(OfferID.newBuilder().setValue("offer-" + offerSeq.incrementAndGet()))
        .setFrameworkId(FrameworkID.newBuilder().setValue("fake-framework"))
        .setAgentId(AgentID.newBuilder().setValue(agent))
        .setHostname(agent + ".example")
        .addResources(scalar("cpus", cpus))
        .addResources(scalar("mem", memMb))
        .addResources(scalar("disk", 100_000))
        .addResources(Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
            .setRanges(Value.Ranges.newBuilder()
                .addRange(Value.Range.newBuilder().setBegin(31000).setEnd(31999))));
    for (int i = 0; i + 1 < attrKeyValue.length; i += 2) {
      o.addAttributes(Attribute.newBuilder().setName(attrKeyValue[i]).setType(Value.Type.TEXT)
          .setText(Value.Text.newBuilder().setValue(attrKeyValue[i + 1])));
    }
    Offer offer = o.build();
    driver.deliverOffers(List.of(offer));
    return offer;
  }

  /** Delivers a status update from the task's agent (with a uuid, so it must be acknowledged). */
  public void update(String taskId, TaskState state) {
    String agent = task(taskId).map(t -> t.getAssignedTask().getSlaveId()).orElse("agent-x");
    driver.deliverUpdate(status(taskId, agent == null ? "agent-x" : agent, state,
        UUID.randomUUID().toString()));
  }

  /** A Mesos status update of {@code taskId} from {@code agentId}, with {@code uuid} (UTF-8). */
  public static TaskStatus status(String taskId, String agentId, TaskState state, String uuid) {
    return TaskStatus.newBuilder()
        .setTaskId(TaskID.newBuilder().setValue(taskId))
        .setAgentId(AgentID.newBuilder().setValue(agentId))
        .setState(state)
        .setUuid(ByteString.copyFromUtf8(uuid))
        .build();
  }

  /** Advances the clock and runs the timers that became due. */
  public void advance(Duration d) {
    clock.advance(d);
    timers.runDue(clock.instant());
  }

  public Optional<ScheduledTask> task(String id) {
    return storage.read(s -> s.taskStore().fetchTask(id));
  }

  public List<ScheduledTask> tasks(ScheduleStatus... statuses) {
    return storage.read(s -> s.taskStore().fetchTasks(statuses.length == 0
        ? TaskQueries.all().build()
        : TaskQueries.byStatuses(statuses[0], statuses).build()));
  }

  public List<String> ids(ScheduleStatus... statuses) {
    List<String> out = new ArrayList<>();
    tasks(statuses).forEach(t -> out.add(t.getAssignedTask().getTaskId()));
    return out;
  }

  private static Resource scalar(String name, double v) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(v)).build();
  }
}
