package io.aurora.server.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.JobConfiguration;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.ExitCodes;
import io.aurora.server.client.cli.JobPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --bind NAME=VALUE fills {{NAME}} in a job file of either form before it is parsed. */
class BindingsTest {
  private static final Path FILE = Path.of("job.json");

  @TempDir
  Path dir;

  @Test
  void fill_insideStringsEscaped_outsideRaw() {
    Bindings b = Bindings.parse(List.of("count=3", "msg=say \"hi\"\\now", "profile.ver=1.2"));
    assertThat(b.fill("{\"instanceCount\": {{count}}, \"cmd\": \"echo {{msg}} {{profile.ver}}\"}",
        FILE)).isEqualTo("{\"instanceCount\": 3, \"cmd\": \"echo say \\\"hi\\\"\\\\now 1.2\"}");
  }

  @Test
  void fill_leavesWhatIsResolvedLater_andEscapes() {
    String text = "\"{{role}} {{task.name}} {{mesos.instance}} {{thermos.ports[http]}} {{&x}}\"";
    assertThat(Bindings.NONE.fill(text, FILE)).isEqualTo(text);
  }

  @Test
  void aLaterBinding_winsOverAnEarlierOne() {
    assertThat(Bindings.parse(List.of("v=1", "v=2")).fill("\"{{v}}\"", FILE)).isEqualTo("\"2\"");
  }

  @Test
  void anUnboundName_isNamed_exitThree() {
    assertThatThrownBy(() -> Bindings.parse(List.of("a=1")).fill("\"{{a}} {{b}} {{c.d}} {{b}}\"",
        FILE)).isInstanceOfSatisfying(ClientFailure.class,
            f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION))
        .hasMessage("job.json: unbound variables {{b}}, {{c.d}} (give a value with --bind "
            + "NAME=VALUE)");
  }

  @Test
  void badSpecs() {
    assertThatThrownBy(() -> Bindings.parse(List.of("novalue")))
        .hasMessage("--bind expects NAME=VALUE, got 'novalue'");
    assertThatThrownBy(() -> Bindings.parse(List.of("=x"))).hasMessageContaining("NAME=VALUE");
    assertThatThrownBy(() -> Bindings.parse(List.of("a b=x"))).hasMessageContaining("'{{a b}}'");
    assertThat(Bindings.parse(List.of("empty=")).values()).containsEntry("empty", "");
  }

  @Test
  void idlFiles_takeBindingsToo() throws Exception {
    Path file = dir.resolve("idl.json");
    Files.writeString(file, "{\"instanceCount\": {{count}}, \"cronSchedule\": \"{{when}}\"}");
    JobConfiguration job = JobFiles.read(file, JobPath.parse("c/r/e/n"),
        Bindings.parse(List.of("count=4", "when=0 * * * *")), TierSource.STOCK).job();
    assertThat(job.getInstanceCount()).isEqualTo(4);
    assertThat(job.getCronSchedule()).isEqualTo("0 * * * *");
  }

  @Test
  void auroraFiles_bindBeforeTheirOwnReferencesResolve() throws Exception {
    Path file = dir.resolve("aurora.json");
    Files.writeString(file, "{\"role\":\"r\",\"environment\":\"e\",\"cluster\":\"c\","
        + "\"instances\":\"{{n}}\",\"task\":{\"processes\":[{\"name\":\"p\",\"cmdline\":"
        + "\"run --role={{role}} --v={{version}}\"}],\"resources\":{\"cpu\":1,\"ram\":1048576,"
        + "\"disk\":1048576}}}");
    JobConfiguration job = JobFiles.read(file, JobPath.parse("c/r/e/p"),
        Bindings.parse(List.of("n=2", "version=9")), TierSource.STOCK).job();
    assertThat(job.getInstanceCount()).isEqualTo(2);
    assertThat(job.getTaskConfig().getExecutorConfig().getData())
        .contains("\"cmdline\": \"run --role=r --v=9\"");
  }
}
