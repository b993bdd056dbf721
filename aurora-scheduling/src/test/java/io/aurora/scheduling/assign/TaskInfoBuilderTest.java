package io.aurora.scheduling.assign;

import static io.aurora.scheduling.filter.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.AssignedTask;
import io.aurora.gen.Metadata;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.resources.ExecutorSettings;
import io.aurora.scheduling.resources.Revocability;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.Label;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.junit.jupiter.api.Test;

class TaskInfoBuilderTest {

  @Test
  void build_followsAuroraMapping() throws Exception {
    TaskConfig config = config("www", "hello", 1.5, 256, 512, "http", "admin")
        .setTier("preferred")
        .setMetadata(Set.of(new Metadata("owner", "me")));
    AssignedTask task = new AssignedTask()
        .setTaskId("www-prod-hello-3-uuid")
        .setSlaveId("agent-1")
        .setSlaveHost("host-1")
        .setInstanceId(3)
        .setTask(config)
        .setAssignedPorts(Map.of("http", 31000, "admin", 31001));
    ExecutorSettings executor =
        new ExecutorSettings(0.25, 128, "/usr/share/aurora/thermos_executor.pex", List.of(), "--x");

    TaskInfo info = new TaskInfoBuilder(executor).build(task);

    assertThat(info.getTaskId().getValue()).isEqualTo("www-prod-hello-3-uuid");
    assertThat(info.getName()).isEqualTo("www/prod/hello");
    assertThat(info.getAgentId().getValue()).isEqualTo("agent-1");
    assertThat(scalar(info.getResourcesList(), "cpus")).isEqualTo(1.5);
    assertThat(scalar(info.getResourcesList(), "mem")).isEqualTo(256);
    assertThat(scalar(info.getResourcesList(), "disk")).isEqualTo(512);
    Resource ports = info.getResourcesList().stream().filter(r -> r.getName().equals("ports"))
        .findFirst().orElseThrow();
    assertThat(ports.getRanges().getRangeList()).extracting(r -> r.getBegin())
        .containsExactlyInAnyOrder(31000L, 31001L);
    assertThat(info.getExecutor().getName()).isEqualTo("AuroraExecutor");
    assertThat(info.getExecutor().getExecutorId().getValue()).isEqualTo("thermos-www-prod-hello-3-uuid");
    assertThat(info.getExecutor().getCommand().getValue())
        .isEqualTo("${MESOS_SANDBOX=.}/thermos_executor.pex --x");
    assertThat(info.getExecutor().getCommand().getUrisList()).extracting(u -> u.getValue())
        .containsExactly("/usr/share/aurora/thermos_executor.pex");
    assertThat(scalar(info.getExecutor().getResourcesList(), "cpus")).isEqualTo(0.25);
    assertThat(scalar(info.getExecutor().getResourcesList(), "mem")).isEqualTo(128);
    assertThat(info.getExecutor().getLabels().getLabelsList()).extracting(Label::getValue)
        .containsExactly("www.prod.hello.3");
    assertThat(info.getLabels().getLabelsList()).extracting(Label::getKey)
        .containsExactlyInAnyOrder("org.apache.aurora.tier", "org.apache.aurora.metadata.owner");

    AssignedTask decoded = new AssignedTask();
    new TDeserializer(new TBinaryProtocol.Factory()).deserialize(decoded, info.getData().toByteArray());
    assertThat(decoded).isEqualTo(task);
    assertThat(decoded.getTask().getExecutorConfig().getName()).isEqualTo("AuroraExecutor");
  }

  @Test
  void revocableTier_marksTaskAndExecutorCpusRevocable_andLabelsTheTier() {
    TaskConfig config = config("www", "batch", 2, 256, 512).setTier("revocable");
    AssignedTask task = new AssignedTask().setTaskId("t1").setSlaveId("agent-1")
        .setSlaveHost("host-1").setInstanceId(0).setTask(config);

    TaskInfo info = new TaskInfoBuilder(ExecutorSettings.DEFAULTS, Revocability.DEFAULTS).build(task);

    assertThat(revocable(info.getResourcesList())).containsExactly("cpus");
    assertThat(revocable(info.getExecutor().getResourcesList())).containsExactly("cpus");
    assertThat(info.getLabels().getLabelsList())
        .containsExactly(Label.newBuilder().setKey("org.apache.aurora.tier").setValue("revocable").build());

    TaskInfo withRam = new TaskInfoBuilder(ExecutorSettings.DEFAULTS,
        new Revocability(true, true, Set.of("revocable"))).build(task);
    assertThat(revocable(withRam.getResourcesList())).containsExactlyInAnyOrder("cpus", "mem");
    assertThat(revocable(withRam.getExecutor().getResourcesList()))
        .containsExactlyInAnyOrder("cpus", "mem");
  }

  @Test
  void nonRevocableTier_usesNoRevocableResources() {
    TaskConfig config = config("www", "web", 2, 256, 512).setTier("preemptible");
    AssignedTask task = new AssignedTask().setTaskId("t2").setSlaveId("agent-1")
        .setSlaveHost("host-1").setInstanceId(0).setTask(config);

    TaskInfo info = new TaskInfoBuilder(ExecutorSettings.DEFAULTS,
        new Revocability(true, true, Set.of("revocable"))).build(task);

    assertThat(revocable(info.getResourcesList())).isEmpty();
    assertThat(revocable(info.getExecutor().getResourcesList())).isEmpty();
    assertThat(info.getLabels().getLabels(0).getValue()).isEqualTo("preemptible");
  }

  private static List<String> revocable(List<Resource> resources) {
    return resources.stream().filter(Resource::hasRevocable).map(Resource::getName).toList();
  }

  private static double scalar(List<Resource> resources, String name) {
    return resources.stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow()
        .getScalar().getValue();
  }
}
