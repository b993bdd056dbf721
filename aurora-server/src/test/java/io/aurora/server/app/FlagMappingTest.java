package io.aurora.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.scheduling.offers.OfferOrder;
import io.aurora.scheduling.runtime.PlacementOptions;
import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.server.ServerCommandLine;
import io.aurora.server.ServerOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;
import org.junit.jupiter.api.Test;

class FlagMappingTest {
  private static ServerOptions parse(String... extra) {
    String[] base = {"-cluster_name=test", "-serverset_path=/aurora/scheduler", "-zk_in_proc",
        "-mesos_master_address=local", "-native_log_file_path=/tmp/x/log",
        "-native_log_zk_group_path=/aurora/log", "-backup_dir=/tmp/x/backups"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    ServerCommandLine.Outcome outcome = ServerCommandLine.parse(args);
    assertThat(outcome).isInstanceOf(ServerCommandLine.Run.class);
    return ((ServerCommandLine.Run) outcome).options();
  }

  @Test
  void map_carriesFlagsIntoEveryRecord() {
    DaemonConfig c = FlagMapping.map(
        parse("-native_log_quorum_size=2", "-http_port=8081", "-thrift_port=8082", "-ip=127.0.0.1",
            "-native_log_write_timeout=7secs", "-partition_aware=true", "-mesos_role=aurora",
            "-max_registration_delay=30secs", "-zk_session_timeout=4secs",
            "-enable_cors_for=https://ui.example.com", "-http_api_threads=3",
            "-http_api_max_in_flight=9", "-offer_order=DISK"),
        Map.of("LIBPROCESS_PORT", "8083"), "127.0.0.1:2181", "127.0.0.1:5050", "box");

    assertThat(c.advertisedHost()).isEqualTo("127.0.0.1");
    assertThat(c.log().quorumSize()).isEqualTo(2);
    assertThat(c.log().localAddress().toString()).isEqualTo("127.0.0.1:8083");
    assertThat(c.log().zkGroupPath()).contains("/aurora/log");
    assertThat(c.log().writeTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(c.admin().port()).isEqualTo(8081);
    assertThat(c.admin().bindAddress()).isEqualTo("127.0.0.1");
    assertThat(c.admin().corsOrigin()).contains("https://ui.example.com");
    assertThat(c.admin().apiThreads()).isEqualTo(3);
    assertThat(c.admin().apiMaxInFlight()).isEqualTo(9);
    assertThat(c.scheduling().offers().order()).containsExactly(OfferOrder.DISK);
    assertThat(c.thrift().bindAddress().getPort()).isEqualTo(8082);
    assertThat(c.framework().role()).isEqualTo("aurora");
    assertThat(c.framework().capabilities()).containsExactly(Capability.Type.PARTITION_AWARE);
    assertThat(c.framework().webuiUrl()).contains("http://127.0.0.1:8081");
    assertThat(c.maxRegistrationDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.mesosMaster()).isEqualTo("127.0.0.1:5050");
    assertThat(c.zooKeeper().connectString()).isEqualTo("127.0.0.1:2181");
    assertThat(c.zooKeeper().sessionTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(c.api().clusterName()).isEqualTo("test");
    assertThat(c.scheduling().schedulerHost()).isEqualTo("127.0.0.1");
    assertThat(c.scheduling().executor().ramMb()).isEqualTo(128);
  }

  @Test
  void map_carriesThePlacementRateLimitsAndTheStartupDelayIntoTheRuntime() {
    DaemonConfig c = FlagMapping.map(
        parse("-max_schedule_attempts_per_sec=40.0", "-max_tasks_per_schedule_attempt=5",
            "-scheduling_max_batch_size=3", "-initial_schedule_penalty=2secs",
            "-max_reschedule_task_delay_on_startup=10secs"),
        Map.of(), "127.0.0.1:2181", "m:5050", "box");

    PlacementOptions placement = c.scheduling().placement();
    assertThat(placement.maxScheduleAttemptsPerSec()).isEqualTo(40.0);
    assertThat(placement.maxTasksPerScheduleAttempt()).isEqualTo(5);
    assertThat(placement.maxBatchSize()).isEqualTo(3);
    assertThat(placement.initialSchedulePenalty()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.scheduling().maxStartupScheduleDelay())
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void map_defaultPlacementFlags_areThePlacementDefaults() {
    DaemonConfig c = FlagMapping.map(parse(), Map.of(), "127.0.0.1:2181", "m:5050", "box");

    assertThat(c.scheduling().placement()).isEqualTo(PlacementOptions.DEFAULTS);
    assertThat(c.scheduling().maxStartupScheduleDelay())
        .isEqualTo(SchedulerRuntimeOptions.DEFAULTS.maxStartupScheduleDelay());
  }

  @Test
  void map_withoutIpOrHostname_advertisesTheMachineAndListensEverywhere() {
    DaemonConfig c = FlagMapping.map(parse(), Map.of(), "127.0.0.1:2181", "m:5050", "box");
    assertThat(c.advertisedHost()).isEqualTo("box");
    assertThat(c.framework().webuiUrl()).as("no link to a port not yet chosen").isEmpty();
    assertThat(c.admin().bindAddress()).isEqualTo("0.0.0.0");
    assertThat(c.log().localAddress().toString()).isEqualTo("box:0");
  }

  @Test
  void extraVars_listEveryFlagWithoutDashAndTheUptime() {
    ServerOptions options = parse("-http_port=8081");
    Clock clock = Clock.fixed(Instant.ofEpochMilli(65_000), ZoneOffset.UTC);
    Map<String, Object> vars = new ExtraVars(options.flags(), clock, 2_000).get();
    assertThat(vars).containsEntry("http_port", "8081").containsEntry("cluster_name", "test")
        .containsEntry("jvm_uptime_secs", 63L);
    assertThat(vars).hasSize(options.flags().values().size() + 1);
  }
}
