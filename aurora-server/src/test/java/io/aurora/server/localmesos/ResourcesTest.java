package io.aurora.server.localmesos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.junit.jupiter.api.Test;

class ResourcesTest {
  private final Resources agent = Resources.parse("cpus:4;mem:8192;ports:[31000-31009]");

  @Test
  void minusAndPlus_scalarsAndRanges() {
    Resources task = Resources.of(List.of(MesosTesting.scalar("cpus", 0.1),
        MesosTesting.scalar("mem", 32), ports(31003, 31004)));
    assertThat(agent.contains(task)).isTrue();
    Resources left = agent.minus(task);
    assertThat(left.scalar("cpus")).isEqualTo(3.9);
    assertThat(left.scalar("mem")).isEqualTo(8160.0);
    assertThat(left.contains(Resources.of(List.of(ports(31003, 31003))))).isFalse();
    assertThat(left.contains(Resources.of(List.of(ports(31005, 31009))))).isTrue();
    assertThat(left.plus(task).toString()).isEqualTo(agent.toString());
  }

  @Test
  void contains_rejectsTooMuch() {
    assertThat(agent.contains(Resources.parse("cpus:4.5"))).isFalse();
    assertThat(agent.contains(Resources.parse("gpus:1"))).isFalse();
  }

  @Test
  void offerable_needsCpuAndMemory() {
    assertThat(agent.offerable()).isTrue();
    assertThat(agent.minus(Resources.parse("cpus:4")).offerable()).isFalse();
  }

  @Test
  void toProtos_setsAllocationRole() {
    assertThat(agent.toProtos("aurora"))
        .hasSize(3)
        .allMatch(r -> r.getAllocationInfo().getRole().equals("aurora"));
  }

  private static Resource ports(long begin, long end) {
    return Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
        .setRanges(Value.Ranges.newBuilder()
            .addRange(Value.Range.newBuilder().setBegin(begin).setEnd(end)))
        .build();
  }
}
