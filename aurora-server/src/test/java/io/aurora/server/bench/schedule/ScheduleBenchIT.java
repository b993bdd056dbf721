package io.aurora.server.bench.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule benchmark at tiny scale: both phases complete and the JSON line is whole. */
class ScheduleBenchIT {
  @TempDir
  Path dir;

  @Test
  void tinyRun_placesAndRunsEveryTask_andEndsWithTheJsonLine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = new ScheduleBench().run(List.of("-dir=" + dir, "-agents=200", "-tasks=1000",
        "-jobs=20", "-replicas=1"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

    assertThat(status).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertThat(json.get("bench").asText()).isEqualTo("schedule");
    assertThat(json.get("agents").asInt()).isEqualTo(200);
    assertThat(json.get("tasks").asInt()).isEqualTo(1000);
    assertThat(json.get("replicas").asInt()).isEqualTo(1);
    assertThat(json.get("placed_per_sec").asDouble()).isPositive();
    assertThat(json.get("running_per_sec").asDouble()).isPositive();
    assertThat(json.get("pending_to_assigned_p99_ms").asDouble()).isPositive();
    assertThat(lines).anyMatch(l -> l.startsWith("placement: 1000 tasks on 200 agents"))
        .anyMatch(l -> l.startsWith("end to end: 1000 tasks RUNNING"));
    try (var left = Files.list(dir)) {
      assertThat(left).as("scratch directory deleted after a successful run").isEmpty();
    }
  }
}
