package io.aurora.server.client.config.jobschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** References resolve as pystachio scopes them; what the executor binds is left for it. */
class InterpolatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void scopes_innermostFirst() throws Exception {
    JsonNode job = resolve("{\"role\":\"www\",\"environment\":\"prod\",\"cluster\":\"c\","
        + "\"contact\":\"{{role}}@{{cluster}}\",\"task\":{\"name\":\"t\",\"processes\":["
        + "{\"name\":\"p1\",\"cmdline\":\"{{name}} {{task.name}} {{role}} {{environment}}\"},"
        + "{\"name\":\"p2\",\"cmdline\":\"{{processes[0].name}} {{mesos.role}} {{mesos.cluster}}"
        + " {{thermos.user}}\"}],\"resources\":{\"cpu\":1,\"ram\":1,\"disk\":1}}}");

    assertThat(job.get("name").asText()).as("job name defaults to task.name").isEqualTo("t");
    assertThat(job.get("contact").asText()).isEqualTo("www@c");
    assertThat(job.at("/task/processes/0/cmdline").asText()).isEqualTo("p1 t www prod");
    assertThat(job.at("/task/processes/1/cmdline").asText()).isEqualTo("p1 www c www");
  }

  @Test
  void executorReferences_stay() throws Exception {
    String cmd = "{{mesos.instance}} {{mesos.hostname}} {{thermos.ports[http]}} "
        + "{{thermos.task_id}} {{&role}}";
    JsonNode job = resolve("{\"role\":\"r\",\"environment\":\"e\",\"cluster\":\"c\",\"task\":"
        + "{\"processes\":[{\"name\":\"p\",\"cmdline\":\"" + cmd + "\"}]}}");
    assertThat(job.at("/task/processes/0/cmdline").asText()).isEqualTo(
        "{{mesos.instance}} {{mesos.hostname}} {{thermos.ports[http]}} {{thermos.task_id}} {{role}}");
  }

  @Test
  void numbersResolveAsPythonPrintsThem_andTextBecomesNumbers() throws Exception {
    JsonNode job = resolve("{\"role\":\"r\",\"environment\":\"e\",\"cluster\":\"c\","
        + "\"priority\":\"{{instances}}\",\"instances\":4,\"task\":{\"processes\":[{\"name\":"
        + "\"p\",\"cmdline\":\"{{resources.cpu}} {{resources.ram}} {{instances}}\"}],"
        + "\"resources\":{\"cpu\":1,\"ram\":1048576,\"disk\":1}}}");
    assertThat(job.at("/task/processes/0/cmdline").asText()).isEqualTo("1.0 1048576 4");
    assertThat(job.get("priority").isIntegralNumber()).isTrue();
    assertThat(job.get("priority").intValue()).isEqualTo(4);
  }

  @Test
  void referencesToStructs_andBadAddresses_areErrors() {
    assertThatThrownBy(() -> resolve("{\"role\":\"r\",\"environment\":\"e\",\"cluster\":\"c\","
        + "\"contact\":\"{{task}}\",\"task\":{\"processes\":[{\"name\":\"p\",\"cmdline\":\"x\"}]}}"))
        .hasMessage("contact: {{task}} names a struct, list or map, not a value");
    assertThatThrownBy(() -> resolve("{\"role\":\"r\",\"environment\":\"e\",\"cluster\":\"c\","
        + "\"contact\":\"{{a..b}}\",\"task\":{\"processes\":[{\"name\":\"p\",\"cmdline\":\"x\"}]}}"))
        .hasMessageContaining("'{{a..b}}' is not a reference");
  }

  private static JsonNode resolve(String json) throws Exception {
    JsonNode normalized = SchemaReader.normalize(JSON.readTree(json), JobSchema.JOB, "", true);
    JsonNode interpolated = Interpolator.interpolate(normalized, JobSchema.JOB);
    return SchemaReader.coerce(interpolated, JobSchema.JOB, "");
  }
}
