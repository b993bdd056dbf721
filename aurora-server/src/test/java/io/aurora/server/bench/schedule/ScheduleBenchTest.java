package io.aurora.server.bench.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.JobConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.Value;
import org.junit.jupiter.api.Test;

class ScheduleBenchTest {
  @Test
  void badFlags_areRefusedWithStatusOne() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = new ScheduleBench().run(List.of("-tasks=5", "-jobs=10"),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("-tasks >= -jobs");
  }

  @Test
  void workload_spreadsTasksOverJobs_withTheConstraintMix() {
    Workload w = new Workload(1000, 1005, 10, true);
    List<JobConfiguration> jobs = w.jobConfigs();
    assertThat(jobs).hasSize(10);
    assertThat(jobs.stream().mapToInt(JobConfiguration::getInstanceCount).sum()).isEqualTo(1005);
    assertThat(jobs.get(0).getTaskConfig().getConstraints()).extracting(c -> c.getName())
        .containsExactly("dedicated");
    assertThat(jobs.get(1).getTaskConfig().getConstraints()).extracting(c -> c.getName())
        .containsExactly("zone");
    assertThat(jobs.get(4).getTaskConfig().getConstraints()).extracting(c -> c.getName())
        .containsExactly("host");
    assertThat(jobs.get(9).getTaskConfig().getConstraints()).isEmpty();
    assertThat(w.attributes(10)).containsEntry("dedicated", "*/bench").containsEntry("zone", "z0");
    assertThat(w.attributes(11)).doesNotContainKey("dedicated").containsEntry("rack", "r11");
    assertThat(w.attributeTemplate()).isEqualTo("zone:z#%5;rack:r#%20");
  }

  @Test
  void leftovers_subtractScalarsAndPorts() {
    Offer offer = Offer.newBuilder().setId(OfferID.newBuilder().setValue("o"))
        .setFrameworkId(FrameworkID.newBuilder().setValue("f"))
        .setAgentId(AgentID.newBuilder().setValue("a")).setHostname("h")
        .addResources(scalar("cpus", 4)).addResources(ports(31000, 31009)).build();
    TaskInfo task = TaskInfo.newBuilder().setName("t").setTaskId(TaskID.newBuilder().setValue("t"))
        .setAgentId(AgentID.newBuilder().setValue("a"))
        .addResources(scalar("cpus", 1.5)).addResources(ports(31003, 31003)).build();
    Offer rest = Leftovers.after(offer, List.of(task)).build();
    assertThat(rest.getResources(0).getScalar().getValue()).isEqualTo(2.5);
    assertThat(rest.getResources(1).getRanges().getRangeList())
        .extracting(r -> r.getBegin() + "-" + r.getEnd()).containsExactly("31000-31002", "31004-31009");
  }

  private static Resource scalar(String name, double value) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value)).build();
  }

  private static Resource ports(long begin, long end) {
    return Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
        .setRanges(Value.Ranges.newBuilder().addRange(Value.Range.newBuilder().setBegin(begin)
            .setEnd(end))).build();
  }
}
