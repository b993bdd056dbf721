package io.aurora.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.scheduling.crontrigger.CronOptions;
import io.aurora.scheduling.offers.OfferOrder;
import io.aurora.scheduling.preemptor.PreemptionOptions;
import io.aurora.scheduling.runtime.PlacementOptions;
import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.scheduling.thrift.ApiOptions;
import io.aurora.server.flags.FlagDefinition;
import io.aurora.server.flags.FlagSet;
import io.aurora.server.flags.ServerFlags;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServerCommandLineTest {
  static final String[] REQUIRED = {
    "-cluster_name=devcluster",
    "-serverset_path=/aurora/scheduler",
    "-mesos_master_address=zk://127.0.0.1:2181/mesos",
    "-native_log_file_path=/var/lib/aurora/db",
    "-native_log_zk_group_path=/aurora/replicated-log",
    "-backup_dir=/var/lib/aurora/backups",
    "-zk_endpoints=127.0.0.1:2181",
  };

  /**
   * Aurora's names and defaults (reference section 7), plus the flags we add (the two
   * {@code -http_api_*}). Three defaults
   * differ from Aurora's on purpose: the placement rate limits (40.0 attempts/s, 5 tasks per
   * attempt, 3 attempts per write in Aurora) would cap placement at 200 tasks/s; see
   * {@code PlacementOptions.DEFAULTS}.
   */
  private static final Map<String, String> AURORA_DEFAULTS = new LinkedHashMap<>();

  static {
    String[][] table = {
      {"-cluster_name", "required"}, {"-serverset_path", "required"}, {"-serverset_endpoint_name", "http"},
      {"-http_port", "0"}, {"-thrift_port", "0"}, {"-ip", "unset"}, {"-hostname", "unset"},
      {"-viz_job_url_prefix", "\"\""}, {"-enable_cors_for", "unset"}, {"-mesos_driver", "SCHEDULER_DRIVER"},
      {"-http_api_threads", "8"}, {"-http_api_max_in_flight", "64"},
      {"-max_registration_delay", "1mins"}, {"-max_leading_duration", "1days"}, {"-async_worker_threads", "8"},
      {"-max_status_update_batch_size", "1000"}, {"-max_task_event_batch_size", "300"},
      {"-stat_sampling_interval", "1secs"}, {"-stat_retention_period", "1hrs"},
      {"-async_slot_stat_update_interval", "1mins"}, {"-async_task_stat_update_interval", "1hrs"},
      {"-zk_endpoints", "unset"}, {"-zk_chroot_path", "unset"}, {"-zk_session_timeout", "15secs"},
      {"-zk_connection_timeout", "10secs"}, {"-zk_digest_credentials", "unset"}, {"-zk_in_proc", "false"},
      {"-mesos_master_address", "required"}, {"-framework_name", "Aurora"}, {"-executor_user", "root"},
      {"-framework_failover_timeout", "21days"}, {"-framework_authentication_file", "unset"},
      {"-framework_announce_principal", "false"}, {"-mesos_role", "unset"},
      {"-receive_revocable_resources", "false"}, {"-allow_gpu_resource", "false"}, {"-partition_aware", "false"},
      {"-native_log_quorum_size", "1"}, {"-native_log_file_path", "required"},
      {"-native_log_zk_group_path", "required"}, {"-native_log_election_timeout", "15secs"},
      {"-native_log_election_retries", "20"}, {"-native_log_read_timeout", "5secs"},
      {"-native_log_write_timeout", "3secs"}, {"-dlog_snapshot_interval", "1hrs"},
      {"-dlog_max_entry_size", "512KB"}, {"-backup_dir", "required"}, {"-backup_interval", "1hrs"},
      {"-max_saved_backups", "48"},
      {"-max_schedule_attempts_per_sec", "10000.0"}, {"-max_tasks_per_schedule_attempt", "1000"},
      {"-scheduling_max_batch_size", "1000"}, {"-first_schedule_delay", "1ms"},
      {"-initial_schedule_penalty", "1secs"}, {"-max_schedule_penalty", "1mins"},
      {"-flapping_task_threshold", "5mins"}, {"-initial_flapping_task_delay", "30secs"},
      {"-max_flapping_task_delay", "5mins"}, {"-max_reschedule_task_delay_on_startup", "30secs"},
      {"-offer_reservation_duration", "3mins"}, {"-min_offer_hold_time", "5mins"},
      {"-enable_preemptor", "true"}, {"-preemption_delay", "3mins"},
      {"-preemption_slot_hold_time", "5mins"}, {"-preemption_slot_search_initial_delay", "3mins"},
      {"-preemption_slot_search_interval", "1mins"},
      {"-preemption_reservation_max_batch_size", "5"},
      {"-offer_hold_jitter_window", "1mins"}, {"-hold_offers_forever", "false"},
      {"-offer_filter_duration", "5secs"}, {"-offer_order", "RANDOM"},
      {"-enable_update_affinity", "false"}, {"-update_affinity_reservation_hold_time", "3mins"},
      {"-offer_static_ban_cache_max_size", String.valueOf(Long.MAX_VALUE)},
      {"-unavailability_threshold", "6mins"}, {"-enable_revocable_cpus", "true"},
      {"-enable_revocable_ram", "false"}, {"-tier_config", "unset"},
      {"-transient_task_state_timeout", "5mins"}, {"-initial_task_kill_retry_interval", "15secs"},
      {"-reconciliation_initial_delay", "1mins"}, {"-reconciliation_schedule_spread", "30mins"},
      {"-reconciliation_explicit_interval", "60mins"}, {"-reconciliation_implicit_interval", "60mins"},
      {"-reconciliation_explicit_batch_size", "1000"}, {"-reconciliation_explicit_batch_interval", "5secs"},
      {"-history_prune_threshold", "2days"}, {"-history_min_retention_threshold", "1hrs"},
      {"-history_max_per_job_threshold", "100"}, {"-job_update_history_per_job_threshold", "10"},
      {"-job_update_history_pruning_interval", "15mins"}, {"-job_update_history_pruning_threshold", "30days"},
      {"-max_tasks_per_job", "4000"}, {"-allowed_job_environments", "^(prod|devel|test|staging\\d*)$"},
      {"-max_update_instance_failures", "20000"},
      {"-thermos_executor_cpu", "0.25"}, {"-thermos_executor_ram", "128MB"},
      {"-cron_timezone", "GMT"}, {"-cron_scheduler_num_threads", "10"},
      {"-cron_scheduling_max_batch_size", "1000"}, {"-cron_start_initial_backoff", "5secs"},
      {"-cron_start_max_backoff", "1mins"},
      {"-http_authentication_mechanism", "NONE"}, {"-shiro_ini_path", "unset"},
      {"-shiro_realm_modules", "INI_AUTHNZ"},
      {"-shiro_credentials_matcher", "org.apache.shiro.authc.credential.SimpleCredentialsMatcher"},
      {"-shiro_after_auth_filter", "unset"}, {"-kerberos_server_principal", "unset"},
      {"-kerberos_server_keytab", "unset"},
      {"-host_maintenance_polling_interval", "1mins"},
      {"-min_required_instances_for_sla_check", "20"}, {"-sla_aware_kill_non_prod", "false"},
      {"-sla_coordinator_timeout", "1mins"}, {"-max_parallel_coordinated_maintenance", "10"},
      {"-max_sla_duration_secs", "2hrs"},
    };
    for (String[] row : table) {
      AURORA_DEFAULTS.put(row[0], row[1]);
    }
  }

  static String[] with(String... extra) {
    List<String> args = new ArrayList<>(Arrays.asList(REQUIRED));
    args.addAll(Arrays.asList(extra));
    return args.toArray(new String[0]);
  }

  static ServerOptions options(String... extra) {
    ServerCommandLine.Outcome outcome = ServerCommandLine.parse(with(extra));
    assertThat(outcome).isInstanceOf(ServerCommandLine.Run.class);
    return ((ServerCommandLine.Run) outcome).options();
  }

  static String failure(String... args) {
    ServerCommandLine.Outcome outcome = ServerCommandLine.parse(args);
    assertThat(outcome).isInstanceOf(ServerCommandLine.Fail.class);
    String message = ((ServerCommandLine.Fail) outcome).message();
    assertThat(message).doesNotContain("\n").doesNotContain("Exception");
    return message;
  }

  @Test
  void everyAuroraFlag_existsWithAurorasDefault() {
    Map<String, String> actual = ServerCommandLine.definitions().definitions().stream()
        .collect(Collectors.toMap(FlagDefinition::name, FlagDefinition::defaultText));
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(AURORA_DEFAULTS);
  }

  @Test
  void defaults_mapOntoOptionRecords() {
    ServerOptions o = options();
    ServerFlags f = o.serverFlags();
    assertThat(o.clusterName()).isEqualTo("devcluster");
    assertThat(o.thriftPort()).isZero();
    assertThat(o.asyncWorkerThreads()).isEqualTo(8);
    assertThat(f.core().toAdminServerConfig().port()).isZero();
    assertThat(f.core().toAdminServerConfig().apiThreads()).isEqualTo(8);
    assertThat(f.core().toAdminServerConfig().corsOrigin()).isEmpty();
    assertThat(f.zooKeeper().zkEndpoints()).containsExactly("127.0.0.1:2181");
    assertThat(f.zooKeeper().toZooKeeperConfig("127.0.0.1:2181").sessionTimeout())
        .isEqualTo(Duration.ofSeconds(15));
    assertThat(f.storage().toStorageOptions().snapshotInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(f.storage().toStorageOptions().maxEntrySizeBytes()).isEqualTo(512 * 1024);
    assertThat(f.storage().toStorageOptions().backupDir()).isEqualTo(Path.of("/var/lib/aurora/backups"));
    SchedulerRuntimeOptions runtime = f.toSchedulerRuntimeOptions("box");
    assertThat(runtime.placement()).isEqualTo(PlacementOptions.DEFAULTS);
    assertThat(runtime.reschedule().maxFlappingDelay()).isEqualTo(Duration.ofMinutes(5));
    assertThat(runtime.offers().order()).containsExactly(OfferOrder.RANDOM);
    assertThat(runtime.reconcile().explicitInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(runtime.prune().pruneThreshold()).isEqualTo(Duration.ofDays(2));
    assertThat(runtime.executor().ramMb()).isEqualTo(128);
    assertThat(runtime.preemption()).isEqualTo(PreemptionOptions.DEFAULTS);
    ApiOptions api = f.toApiOptions();
    assertThat(api.maxTasksPerJob()).isEqualTo(4000);
    assertThat(api.allowedJobEnvironments().matcher("staging42").matches()).isTrue();
    assertThat(f.storage().nativeLogQuorumSize()).isEqualTo(1);
    assertThat(f.mesos().frameworkFailoverTimeout()).isEqualTo(Duration.ofDays(21));
    assertThat(runtime.cron()).isEqualTo(new CronOptions(ZoneId.of("GMT"), Duration.ofSeconds(5),
        Duration.ofMinutes(1), 10, 1000));
  }

  @Test
  void maintenanceFlags_reachTheirOptions_andBadValuesNameTheFlag() {
    io.aurora.scheduling.maintenance.MaintenanceOptions m = options(
        "-host_maintenance_polling_interval=5secs", "-unavailability_threshold=10mins",
        "-min_required_instances_for_sla_check=3", "-sla_aware_kill_non_prod=true",
        "-sla_coordinator_timeout=10secs", "-max_parallel_coordinated_maintenance=2")
        .serverFlags().toSchedulerRuntimeOptions("box").maintenance();
    assertThat(m).isEqualTo(new io.aurora.scheduling.maintenance.MaintenanceOptions(
        Duration.ofSeconds(5), Duration.ofMinutes(10),
        new io.aurora.scheduling.sla.SlaRules(3, true),
        new io.aurora.scheduling.slacoord.CoordinatorOptions(Duration.ofSeconds(10), 2)));
    assertThat(options().serverFlags().toSchedulerRuntimeOptions("box").maintenance())
        .isEqualTo(io.aurora.scheduling.maintenance.MaintenanceOptions.DEFAULTS);
    assertThat(failure(with("-max_parallel_coordinated_maintenance=0")))
        .startsWith("-max_parallel_coordinated_maintenance");
    assertThat(failure(with("-min_required_instances_for_sla_check=-1")))
        .startsWith("-min_required_instances_for_sla_check");
  }

  @Test
  void cronFlags_reachTheirOptions_andABadZoneIsOneClearLine() {
    CronOptions cron = options("-cron_timezone=America/New_York", "-cron_start_initial_backoff=2secs",
        "-cron_start_max_backoff=30secs", "-cron_scheduler_num_threads=4",
        "-cron_scheduling_max_batch_size=50").serverFlags().toSchedulerRuntimeOptions("box").cron();
    assertThat(cron).isEqualTo(new CronOptions(ZoneId.of("America/New_York"),
        Duration.ofSeconds(2), Duration.ofSeconds(30), 4, 50));
    assertThat(failure(with("-cron_timezone=Mars/Olympus"))).isEqualTo(
        "-cron_timezone: 'Mars/Olympus' is not a time zone (use a zone id such as GMT, UTC or"
            + " America/New_York)");
    assertThat(failure(with("-cron_start_max_backoff=1secs"))).startsWith("-cron_start_max_backoff");
    assertThat(failure(with("-cron_scheduler_num_threads=0"))).startsWith("-cron_scheduler_num_threads");
  }

  @Test
  void givenValues_reachTheRecords() {
    ServerOptions o = options("-http_port=8081", "-thrift_port", "8082", "-native_log_quorum_size=3",
        "-min_offer_hold_time=10mins", "-offer_order=CPU,MEMORY", "-hold_offers_forever",
        "-thermos_executor_ram=256MB", "-zk_chroot_path=/prod", "-enable_cors_for=https://ui.example.com",
        "-hostname=aurora1.example.com", "-dlog_max_entry_size=1MB");
    ServerFlags f = o.serverFlags();
    assertThat(f.core().toAdminServerConfig().port()).isEqualTo(8081);
    assertThat(f.core().toAdminServerConfig().corsOrigin()).contains("https://ui.example.com");
    assertThat(o.thriftPort()).isEqualTo(8082);
    assertThat(f.storage().nativeLogQuorumSize()).isEqualTo(3);
    SchedulerRuntimeOptions runtime = f.toSchedulerRuntimeOptions("box");
    assertThat(runtime.offers().minOfferHoldTime()).isEqualTo(Duration.ofMinutes(10));
    assertThat(runtime.offers().order()).containsExactly(OfferOrder.CPU, OfferOrder.MEMORY);
    assertThat(runtime.offers().holdOffersForever()).isTrue();
    assertThat(runtime.executor().ramMb()).isEqualTo(256);
    assertThat(f.zooKeeper().toZooKeeperConfig("127.0.0.1:2181").chrootPath()).contains("/prod");
    assertThat(o.hostname()).isEqualTo(Optional.of("aurora1.example.com"));
    assertThat(f.storage().toStorageOptions().maxEntrySizeBytes()).isEqualTo(1L << 20);
  }

  @Test
  void flagSet_listsEveryFlagWithItsCurrentValue() {
    FlagSet flags = options("-http_port=8081", "-zk_digest_credentials=aurora:secret").flags();
    assertThat(flags.values().keySet()).containsExactlyInAnyOrderElementsOf(AURORA_DEFAULTS.keySet());
    assertThat(flags.values())
        .containsEntry("-http_port", "8081")
        .containsEntry("-reconciliation_explicit_interval", "1hrs")
        .containsEntry("-zk_digest_credentials", FlagSet.REDACTED)
        .containsEntry("-cluster_name", "devcluster");
    assertThat(flags.values().values()).noneMatch(v -> v.contains("secret"));
  }

  @Test
  void zkEndpoints_areRequiredUnlessZooKeeperRunsInProcess() {
    String[] withoutZk = Arrays.copyOf(REQUIRED, REQUIRED.length - 1);
    assertThat(failure(withoutZk)).contains("-zk_endpoints").contains("-zk_in_proc");
    List<String> inProc = new ArrayList<>(Arrays.asList(withoutZk));
    inProc.add("-zk_in_proc");
    assertThat(ServerCommandLine.parse(inProc.toArray(new String[0]))).isInstanceOf(ServerCommandLine.Run.class);
  }

  @Test
  void missingRequiredFlags_areAllNamed() {
    assertThat(failure("-zk_in_proc")).startsWith("missing required flags -cluster_name, -serverset_path,")
        .contains("-mesos_master_address", "-native_log_file_path", "-native_log_zk_group_path", "-backup_dir");
  }

  @Test
  void contradictoryValues_failWithOneLineNamingTheFlag() {
    assertThat(failure(with("-native_log_quorum_size=0")))
        .isEqualTo("-native_log_quorum_size must be at least 1, got 0 (use floor(N/2)+1 for N schedulers)");
    assertThat(failure(with("-max_flapping_task_delay=1secs")))
        .isEqualTo("-max_flapping_task_delay (1secs) must not be shorter than -initial_flapping_task_delay (30secs)");
    assertThat(failure(with("-min_offer_hold_time=-5mins")))
        .isEqualTo("-min_offer_hold_time must not be negative, got -5mins");
    assertThat(failure(with("-max_schedule_penalty=1ms"))).startsWith("-max_schedule_penalty (1ms)");
    assertThat(failure(with("-http_port=70000"))).contains("-http_port").contains("65535");
    assertThat(failure(with("-allowed_job_environments=(prod"))).startsWith("-allowed_job_environments");
    assertThat(failure(with("-zk_endpoints=localhost"))).contains("host:port");
    assertThat(failure(with("-history_prune_threshold=1mins"))).startsWith("-history_prune_threshold");
  }

  @Test
  void malformedValues_failWithOneLineNamingTheFlag() {
    assertThat(failure(with("-http_port=abc"))).isEqualTo("flag -http_port: expected an integer, got 'abc'");
    assertThat(failure(with("-dlog_snapshot_interval=5parsecs")))
        .startsWith("flag -dlog_snapshot_interval: expected a duration");
    assertThat(failure(with("-offer_order=CPU,NOPE"))).startsWith("flag -offer_order: expected");
    assertThat(failure(with("-no_such_flag"))).startsWith("unknown flag -no_such_flag");
  }

  @Test
  void help_listsEveryFlagWithDefaultAndDescription() {
    ServerCommandLine.Outcome outcome = ServerCommandLine.parse("-help");
    assertThat(outcome).isInstanceOf(ServerCommandLine.Help.class);
    String text = ((ServerCommandLine.Help) outcome).text();
    for (FlagDefinition d : ServerCommandLine.definitions().definitions()) {
      assertThat(text).contains("  " + d.usage() + " ");
      assertThat(text).contains("[" + d.defaultText() + "] " + d.description() + "\n");
      assertThat(d.description()).as(d.name()).isNotBlank().doesNotContain("\n");
    }
  }

  @Test
  void oddInputs_endInOneLineNeverAnException() {
    String[][] odd = {
      {"-zk_endpoints="}, {"-cluster_name="}, {"-offer_order="}, {"-http_port=99999999999"},
      {"-thermos_executor_cpu=NaN"}, {"-dlog_max_entry_size=0B"}, {"-zk_chroot_path=relative"},
      {"-native_log_zk_group_path=relative"}, {"-mesos_master_address= "}, {"-zk_digest_credentials=nocolon"},
      {"-max_saved_backups=-1"}, {"-zk_session_timeout=0secs"}, {"-=x"}, {"-"}, {"--"}, {"-http_port="},
      {"-backup_dir="}, {"-native_log_file_path="},
    };
    for (String[] args : odd) {
      ServerCommandLine.Outcome outcome = ServerCommandLine.parse(with(args));
      if (!args[0].equals("--")) {
        assertThat(outcome).as(args[0]).isInstanceOf(ServerCommandLine.Fail.class);
      }
      if (outcome instanceof ServerCommandLine.Fail) {
        assertThat(((ServerCommandLine.Fail) outcome).message()).as(args[0]).isNotBlank().doesNotContain("\n");
      }
    }
  }
}
