package io.aurora.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.server.ServerCommandLine;
import io.aurora.server.ServerOptions;
import io.aurora.server.flags.DataSize;
import io.aurora.server.flags.DurationFormat;
import io.aurora.server.flags.FlagDefinition;
import io.aurora.server.flags.ServerFlags;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every flag either reaches the records the daemon is built from or says "not yet used" in its
 * help (and so in {@code docs/configuration.md}). For each flag, the test parses the base command
 * line once as is and once with a different value for that flag, assembles the daemon's records
 * both times as {@link io.aurora.server.Main} does, and requires them to differ. A new flag that
 * nothing reads fails here until it is wired or marked.
 */
class FlagReachabilityTest {
  private static final List<String> BASE = List.of("-cluster_name=test",
      "-serverset_path=/aurora/scheduler", "-zk_endpoints=127.0.0.1:2181",
      "-mesos_master_address=127.0.0.1:5050", "-native_log_file_path=/tmp/x/log",
      "-native_log_zk_group_path=/aurora/log", "-backup_dir=/tmp/x/backups");

  /** Values for flags whose type alone does not say what a valid different value is. */
  private static final Map<String, String> OTHER_VALUES = Map.ofEntries(
      Map.entry("-cluster_name", "other"),
      Map.entry("-serverset_path", "/other/scheduler"),
      Map.entry("-serverset_endpoint_name", "https"),
      Map.entry("-ip", "127.0.0.2"),
      Map.entry("-hostname", "other.example.com"),
      Map.entry("-viz_job_url_prefix", "http://viz.example.com/"),
      Map.entry("-enable_cors_for", "https://ui.example.com"),
      Map.entry("-zk_endpoints", "127.0.0.1:2182"),
      Map.entry("-zk_chroot_path", "/other"),
      Map.entry("-zk_digest_credentials", "user:secret"),
      Map.entry("-mesos_master_address", "127.0.0.1:5051"),
      Map.entry("-native_log_zk_group_path", "/other/log"),
      Map.entry("-allowed_job_environments", "^prod$"),
      Map.entry("-cron_timezone", "America/New_York"),
      Map.entry("-tier_config", resource("/flags/tiers-other.json")),
      Map.entry("-shiro_realm_modules",
          "org.apache.aurora.scheduler.http.api.security.IniShiroRealmModule"),
      Map.entry("-shiro_credentials_matcher",
          "org.apache.shiro.authc.credential.Sha256CredentialsMatcher"));

  /** Flags whose other value is only valid together with another flag. */
  private static final Map<String, List<String>> COMPANIONS = Map.of(
      "-http_authentication_mechanism", List.of("-shiro_ini_path=/tmp/x/shiro.ini"));

  private static String resource(String name) {
    try {
      return java.nio.file.Path.of(FlagReachabilityTest.class.getResource(name).toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** What {@code Main} assembles, as text: every record but the flag listing itself. */
  private static String daemon(List<String> args) {
    ServerCommandLine.Outcome outcome = ServerCommandLine.parse(args.toArray(new String[0]));
    assertThat(outcome).as("%s", args).isInstanceOf(ServerCommandLine.Run.class);
    ServerOptions options = ((ServerCommandLine.Run) outcome).options();
    ServerFlags f = options.serverFlags();
    // Without embedded services, the addresses are the flags' own (EmbeddedServices passes them on).
    DaemonConfig config = FlagMapping.map(options, Map.of(), String.join(",", f.zooKeeper().zkEndpoints()),
        f.mesos().mesosMasterAddress(), "box");
    return components(config, "server") + components(options, "flags")
        + " zk_in_proc=" + f.zooKeeper().zkInProc();
  }

  private static String components(Record record, String skipped) {
    StringBuilder out = new StringBuilder();
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      if (!c.getName().equals(skipped)) {
        try {
          out.append(c.getName()).append('=').append(c.getAccessor().invoke(record)).append('\n');
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    return out.toString();
  }

  static boolean markedUnused(FlagDefinition d) {
    String text = d.description().toLowerCase(Locale.ROOT);
    return text.contains("(not yet used") || text.startsWith("accepted for compatibility");
  }

  @Test
  void everyFlag_reachesTheDaemonsRecords_orIsMarkedNotYetUsed() {
    String base = daemon(BASE);
    List<String> unread = new ArrayList<>();
    for (FlagDefinition d : ServerCommandLine.definitions().definitions()) {
      if (markedUnused(d)) {
        continue;
      }
      List<String> args = new ArrayList<>(BASE);
      args.add(d.name() + "=" + otherValue(d));   // the last occurrence wins
      List<String> companions = COMPANIONS.getOrDefault(d.name(), List.of());
      args.addAll(companions);
      if (!companions.isEmpty()) {
        List<String> withCompanionsOnly = new ArrayList<>(BASE);
        withCompanionsOnly.addAll(companions);
        if (daemon(args).equals(daemon(withCompanionsOnly))) {
          unread.add(d.name());
        }
        continue;
      }
      if (daemon(args).equals(base)) {
        unread.add(d.name());
      }
    }
    assertThat(unread)
        .as("flags whose value reaches no record: wire them, or end their description with "
            + "\"(not yet used: arrives with ...)\"")
        .isEmpty();
  }

  @Test
  void theCheck_seesAFlagThatNothingReads() {
    // -mesos_driver is accepted for compatibility only: its value must change nothing.
    List<String> args = new ArrayList<>(BASE);
    args.add("-mesos_driver=V1_DRIVER");
    assertThat(daemon(args)).isEqualTo(daemon(BASE));
  }

  /** A valid value different from the flag's default (or from the base command line's). */
  static String otherValue(FlagDefinition d) {
    if (OTHER_VALUES.containsKey(d.name())) {
      return OTHER_VALUES.get(d.name());
    }
    String label = d.valueLabel();
    String current = d.defaultValue().orElse("");
    switch (label) {
      case "<bool>": return String.valueOf(!Boolean.parseBoolean(current));
      case "<int>": {
        long n = current.isEmpty() ? 0 : Long.parseLong(current);
        return String.valueOf(n == Long.MAX_VALUE ? n - 1 : n + 1);
      }
      case "<number>": return String.valueOf(Double.parseDouble(current) * 2 + 1);
      case "<duration>": return DurationFormat.format(DurationFormat.parse(current).multipliedBy(2));
      case "<size>": return DataSize.ofBytes(DataSize.parse(current).bytes() * 2).toString();
      case "<path>": return "/tmp/other" + d.name().replace('-', '/');
      case "<string>": return current.startsWith("/") ? current + "/other" : current + "other";
      default: break;
    }
    if (label.startsWith("<") && label.contains("|")) {
      // An enum or a list of one: the first constant that is not the current value.
      String[] constants = label.replace("<", "").replace(",...>", "").replace(">", "").split("\\|");
      return Arrays.stream(constants).filter(c -> !c.equals(current)).findFirst().orElseThrow();
    }
    throw new AssertionError("no other value known for " + d.name() + " " + label
        + ": add one to OTHER_VALUES");
  }
}
