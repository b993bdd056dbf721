package io.aurora.server.client.quota;

import static io.aurora.server.client.ScriptedScheduler.ok;
import static io.aurora.server.client.ScriptedScheduler.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.GetQuotaResult;
import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.Result;
import io.aurora.server.client.ClientHarness;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code aurora quota get} and {@code aurora admin set-quota} against a scripted scheduler. */
class QuotaCommandTest {
  private final ClientHarness client = new ClientHarness();

  private static ResourceAggregate aggregate(double cpus, long ram, long disk) {
    return new ResourceAggregate(Set.of(Resource.numCpus(cpus), Resource.ramMb(ram),
        Resource.diskMb(disk)));
  }

  @Test
  void get_printsQuotaConsumptionAndFree() {
    client.scheduler.answer("getQuota", ok(Result.getQuotaResult(
        new GetQuotaResult(aggregate(8, 16384, 204800))
            .setProdSharedConsumption(aggregate(2.5, 1536, 1024))
            .setNonProdSharedConsumption(aggregate(100, 100, 100)))));

    assertThat(client.run("quota", "get", "local/www")).isEqualTo(0);

    assertThat(client.scheduler.calls("getQuota").get(0).arg(0)).isEqualTo("www");
    assertThat(client.clusters).containsExactly(Optional.of("local"));
    assertThat(client.out()).isEqualTo(String.join("\n",
        "Quota of role www in local:",
        "RESOURCE  QUOTA    PROD CONSUMPTION  FREE",
        "CPU       8 cores  2.5 cores         5.5 cores",
        "RAM       16GB     1536MB            14848MB",
        "Disk      200GB    1GB               199GB",
        ""));
    assertThat(client.err()).isEmpty();
  }

  @Test
  void get_writeJson_printsTheResultAsOneLineOfJson() throws Exception {
    client.scheduler.answer("getQuota", ok(Result.getQuotaResult(
        new GetQuotaResult(aggregate(8, 16384, 204800))
            .setProdSharedConsumption(aggregate(2.5, 1536, 1024)))));

    assertThat(client.run("quota", "get", "local/www", "--write-json")).isEqualTo(0);

    String out = client.out();
    assertThat(out).endsWith("\n").doesNotContain("RESOURCE");
    assertThat(out.strip()).doesNotContain("\n");
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
    assertThat(json.fieldNames()).toIterable().containsExactly("quota", "prodSharedConsumption");
    assertThat(json.path("quota").path("resources")).extracting(Object::toString)
        .containsExactlyInAnyOrder("{\"numCpus\":8.0}", "{\"ramMb\":16384}", "{\"diskMb\":204800}");
    assertThat(json.path("prodSharedConsumption").path("resources").toString())
        .contains("{\"numCpus\":2.5}").contains("{\"ramMb\":1536}");
  }

  @Test
  void get_badRolePath_isAUsageError_andCallsNothing() {
    assertThat(client.run("quota", "get", "local/www/prod")).isEqualTo(2);
    assertThat(client.err()).contains("expected CLUSTER/ROLE, got 'local/www/prod'");
    assertThat(client.scheduler.calls()).isEmpty();
  }

  @Test
  void setQuota_sendsCoresAndMegabytes() {
    client.scheduler.answer("setQuota", ok(null));

    assertThat(client.run("admin", "set-quota", "local/www", "2.5", "4GB", "512MB"))
        .isEqualTo(0);

    var call = client.scheduler.calls("setQuota").get(0);
    assertThat(call.arg(0)).isEqualTo("www");
    assertThat(call.arg(1)).isEqualTo(aggregate(2.5, 4096, 512));
    assertThat(client.out())
        .isEqualTo("set the quota of role www in local to 2.5 cores, 4GB RAM, 512MB disk\n");
  }

  @Test
  void setQuota_refusedByTheScheduler_exitsTenWithItsMessage() {
    client.scheduler.answer("setQuota", response(ResponseCode.INVALID_REQUEST, null,
        "Quota of role www would be below its current production consumption: ramMb 256 < 512"));

    assertThat(client.run("admin", "set-quota", "local/www", "1", "256MB", "1GB")).isEqualTo(10);

    assertThat(client.err()).contains("INVALID_REQUEST: Quota of role www would be below")
        .contains("ramMb 256 < 512");
    assertThat(client.out()).isEmpty();
  }

  @Test
  void setQuota_sizeWithoutAUnit_isAUsageError() {
    assertThat(client.run("admin", "set-quota", "local/www", "1", "4096", "1GB")).isEqualTo(2);
    assertThat(client.err()).contains("a size with a unit such as 512MB, 4GB or 1TB")
        .contains("'4096'");
    assertThat(client.scheduler.calls()).isEmpty();
  }

  @Test
  void megabytes_acceptAuroraUnits() {
    assertThat(Megabytes.parse("512MB")).isEqualTo(512);
    assertThat(Megabytes.parse("4gb")).isEqualTo(4096);
    assertThat(Megabytes.parse("10m")).isEqualTo(10);
    assertThat(Megabytes.parse("1.5GB")).isEqualTo(1536);
    assertThat(Megabytes.parse("1TB")).isEqualTo(1024 * 1024);
    assertThat(Megabytes.parse("2048KB")).isEqualTo(2);
    assertThatThrownBy(() -> Megabytes.parse("1KB")).hasMessageContaining("whole number of MB");
    assertThatThrownBy(() -> Megabytes.parse("-1GB")).hasMessageContaining("expected");
  }
}
