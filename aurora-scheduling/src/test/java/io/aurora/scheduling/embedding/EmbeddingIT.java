package io.aurora.scheduling.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.api.JobKeys;
import io.aurora.api.TaskQueries;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.Resource;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.filter.FeasibilityCheck;
import io.aurora.scheduling.filter.FilterChain;
import io.aurora.scheduling.filter.HostOffer;
import io.aurora.scheduling.filter.PlacementContext;
import io.aurora.scheduling.filter.TaskRequest;
import io.aurora.scheduling.filter.Veto;
import io.aurora.scheduling.mesos.FakeDriver;
import io.aurora.scheduling.rank.Scorer;
import io.aurora.scheduling.runtime.SchedulerRuntime;
import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.scheduling.runtime.StatusUpdateBatcher;
import io.aurora.scheduling.thrift.ApiOptions;
import io.aurora.scheduling.thrift.AuroraAdminService;
import io.aurora.storage.Storage;
import io.aurora.storage.mem.MemStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A small custom scheduler built from the public API of aurora-storage and aurora-scheduling
 * alone: in-memory storage, the standard filter plus a custom check, a custom scorer, the runtime
 * on a real executor, the Thrift API, and the fake driver standing in for Mesos.
 */
class EmbeddingIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService statusUpdateThreads =
      Executors.newFixedThreadPool(StatusUpdateBatcher.DEFAULT_IN_FLIGHT);

  @AfterEach
  void stop() {
    executor.shutdownNow();
    statusUpdateThreads.shutdownNow();
  }

  /** Our own rule: never place on hosts whose attribute "state" is "quarantined". */
  static final class NoQuarantine implements FeasibilityCheck {
    @Override
    public Optional<Veto> check(TaskRequest task, HostOffer host, PlacementContext context) {
      return host.values("state").contains("quarantined")
          ? Optional.of(Veto.custom("Host is quarantined", 50_000)) : Optional.empty();
    }

    @Override
    public boolean isStatic() {
      return true;
    }
  }

  @Test
  void customScheduler_placesTasksWithItsOwnCheckAndScorer() {
    Storage storage = new MemStorage();
    FakeDriver driver = new FakeDriver();
    // Prefer hosts in zone "a".
    Scorer zoneA = (task, offer) -> offer.values("zone").contains("a") ? 1 : 0;
    SchedulerRuntime runtime = new SchedulerRuntime(storage, driver, Clock.systemUTC(),
        new Random(1), SchedulerRuntimeOptions.DEFAULTS, FilterChain.standard(new NoQuarantine()),
        zoneA, () -> { }, new SimpleMeterRegistry(), statusUpdateThreads);
    AuroraAdminService api = AuroraAdminService.of(ApiOptions.defaults("embedded"), storage,
        runtime, Optional.empty(), new SimpleMeterRegistry());
    driver.subscribe(Optional.empty(), runtime.listener());
    driver.deliverSubscribed();
    // An update that arrives before start() (for a task nobody knows) is kept and handled later.
    driver.deliverUpdate(TaskStatus.newBuilder().setTaskId(TaskID.newBuilder().setValue("early"))
        .setAgentId(AgentID.newBuilder().setValue("agent-x")).setState(TaskState.TASK_RUNNING)
        .setUuid(com.google.protobuf.ByteString.copyFromUtf8("early")).build());
    runtime.start(executor);
    await().atMost(WAIT).until(() -> driver.calls(Call.Type.KILL).size() == 1);

    Set<Resource> resources = new HashSet<>(Set.of(
        Resource.numCpus(1), Resource.ramMb(256), Resource.diskMb(64)));
    JobConfiguration job = new JobConfiguration()
        .setKey(JobKeys.from("team", "prod", "svc"))
        .setInstanceCount(4)
        .setTaskConfig(new TaskConfig().setIsService(true).setResources(resources)
            .setExecutorConfig(new ExecutorConfig("AuroraExecutor", "{}")));
    assertThat(api.createJob(job).getResponseCode()).isEqualTo(ResponseCode.OK);

    driver.deliverOffers(List.of(
        offer("o1", "quarantined-host", "b", "quarantined"),
        offer("o2", "zone-b-host", "b", "ok"),
        offer("o3", "zone-a-host", "a", "ok")));

    await().atMost(WAIT).until(() -> !driver.calls(Call.Type.ACCEPT).isEmpty());
    Call accept = driver.calls(Call.Type.ACCEPT).get(0);
    assertThat(accept.getAccept().getOfferIds(0).getValue()).isEqualTo("o3");
    List<TaskInfo> launched = accept.getAccept().getOperations(0).getLaunch().getTaskInfosList();
    assertThat(launched).hasSize(4);

    for (TaskInfo info : launched) {
      driver.deliverUpdate(TaskStatus.newBuilder().setTaskId(info.getTaskId())
          .setAgentId(info.getAgentId()).setState(TaskState.TASK_RUNNING)
          .setUuid(com.google.protobuf.ByteString.copyFromUtf8(info.getTaskId().getValue()))
          .build());
    }
    await().atMost(WAIT).until(() -> running(api) == 4);
    await().atMost(WAIT).until(() -> driver.calls(Call.Type.ACKNOWLEDGE).size() == 5);
    assertThat(driver.calls(Call.Type.ACCEPT)).extracting(c -> c.getAccept().getOfferIds(0).getValue())
        .doesNotContain("o1");
  }

  private static long running(AuroraAdminService api) {
    List<ScheduledTask> tasks = api.getTasksStatus(TaskQueries.byStatuses(ScheduleStatus.RUNNING)
        .build()).getResult().getScheduleStatusResult().getTasks();
    return tasks.size();
  }

  private static Offer offer(String id, String host, String zone, String state) {
    return Offer.newBuilder()
        .setId(OfferID.newBuilder().setValue(id))
        .setFrameworkId(FrameworkID.newBuilder().setValue("fw"))
        .setAgentId(AgentID.newBuilder().setValue("agent-" + host))
        .setHostname(host)
        .addResources(scalar("cpus", 8))
        .addResources(scalar("mem", 8192))
        .addResources(scalar("disk", 8192))
        .addAttributes(text("zone", zone))
        .addAttributes(text("state", state))
        .build();
  }

  private static org.apache.mesos.v1.Protos.Resource scalar(String name, double v) {
    return org.apache.mesos.v1.Protos.Resource.newBuilder().setName(name)
        .setType(Value.Type.SCALAR).setScalar(Value.Scalar.newBuilder().setValue(v)).build();
  }

  private static Attribute text(String name, String value) {
    return Attribute.newBuilder().setName(name).setType(Value.Type.TEXT)
        .setText(Value.Text.newBuilder().setValue(value)).build();
  }

}
