package io.aurora.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.Resource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuroraClientTest {
  private static final Path HELLO = Path.of("..", "docs", "examples", "hello-world.json");

  @Test
  void jobFile_helloWorld_readsIntoAJobConfigurationWithTheCommandLineKey() throws Exception {
    JobKey key = AuroraClient.jobKey("local/www/prod/hello");
    JobConfiguration job = AuroraClient.jobFile(HELLO, key);

    assertThat(job.getKey()).isEqualTo(new JobKey("www", "prod", "hello"));
    assertThat(job.getOwner().getUser()).isEqualTo("www");
    assertThat(job.getInstanceCount()).isEqualTo(1);
    assertThat(job.getTaskConfig().getResources())
        .contains(Resource.numCpus(0.1), Resource.ramMb(32), Resource.diskMb(32));
    // The inline Thermos object becomes the executor data's JSON text.
    assertThat(job.getTaskConfig().getExecutorConfig().getData())
        .startsWith("{\"task\":").contains("\"cmdline\":\"echo hello world; sleep 60; echo bye\"");
  }

  @Test
  void idlJson_unknownFieldOrWrongType_namesThePath() {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThatThrownBy(() -> IdlJson.read(json.readTree("{\"taskConfig\":{\"cpu\":1}}"),
        JobConfiguration.class)).hasMessageContaining("$.taskConfig.cpu")
        .hasMessageContaining("no field");
    assertThatThrownBy(() -> IdlJson.read(json.readTree("{\"instanceCount\":\"two\"}"),
        JobConfiguration.class)).hasMessageContaining("$.instanceCount: expected an integer");
  }

  @Test
  void jobKeyAndInstances_parseOrRefuse() {
    assertThat(AuroraClient.instances("0,2-4")).isEqualTo(Set.of(0, 2, 3, 4));
    assertThatThrownBy(() -> AuroraClient.jobKey("www/prod/hello"))
        .hasMessageContaining("CLUSTER/ROLE/ENV/NAME");
  }

  @Test
  void run_withoutACommand_printsUsageAndExitsTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = AuroraClient.run(new String[] {"job"}, Map.of(),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Usage: aurora");
  }
}
