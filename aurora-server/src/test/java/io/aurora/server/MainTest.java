package io.aurora.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void help_printsFlagsAndExitsZero() {
    assertThat(run("-help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: aurora-scheduler").contains("-http_port");
    assertThat(err()).isEmpty();
  }

  @Test
  void unknownFlag_exitsOneWithOneLine() {
    assertThat(run("-no_such_flag")).isEqualTo(1);
    assertThat(err()).isEqualTo("aurora-scheduler: unknown flag -no_such_flag (run with -help to list every flag)"
        + System.lineSeparator());
  }

  @Test
  void malformedPort_exitsOneWithOneLine() {
    assertThat(run("-http_port=abc")).isEqualTo(1);
    assertThat(err()).isEqualTo("aurora-scheduler: flag -http_port: expected an integer, got 'abc'"
        + System.lineSeparator());
  }

  @Test
  void localMaster_withQuorumAboveOne_isRefusedWithTheCommandToRunInstead() {
    assertThat(run("-cluster_name=local", "-serverset_path=/aurora/scheduler",
        "-mesos_master_address=local", "-native_log_quorum_size=2", "-zk_in_proc",
        "-native_log_file_path=/tmp/never-created/log",
        "-native_log_zk_group_path=/aurora/replicated-log",
        "-backup_dir=/tmp/never-created/backups")).isEqualTo(1);
    assertThat(err()).contains("-native_log_quorum_size=1").contains("bin/aurora-local-mesos");
    assertThat(err().lines().count()).isEqualTo(1);
  }

  private static final String[] REQUIRED = {"-cluster_name=local",
      "-serverset_path=/aurora/scheduler", "-mesos_master_address=local", "-zk_in_proc",
      "-native_log_file_path=/tmp/never-created/log",
      "-native_log_zk_group_path=/aurora/replicated-log",
      "-backup_dir=/tmp/never-created/backups"};

  private int runWith(String... extra) {
    String[] args = java.util.Arrays.copyOf(REQUIRED, REQUIRED.length + extra.length);
    System.arraycopy(extra, 0, args, REQUIRED.length, extra.length);
    return run(args);
  }

  @Test
  void negotiate_isRefusedWithOneLine_neverAFallbackToNoAuthentication() {
    assertThat(runWith("-http_authentication_mechanism=NEGOTIATE")).isEqualTo(1);
    assertThat(err()).isEqualTo("aurora-scheduler: -http_authentication_mechanism=NEGOTIATE "
        + "(Kerberos) is not supported yet; use BASIC with -shiro_ini_path, or NONE"
        + System.lineSeparator());
  }

  @Test
  void basic_withoutAnIniFile_orWithAMissingOne_isRefusedWithOneLine() {
    assertThat(runWith("-http_authentication_mechanism=BASIC")).isEqualTo(1);
    assertThat(err()).contains("needs -shiro_ini_path").hasLineCount(1);
    err.reset();
    assertThat(runWith("-http_authentication_mechanism=BASIC",
        "-shiro_ini_path=/no/such/shiro.ini")).isEqualTo(1);
    assertThat(err()).isEqualTo("aurora-scheduler: -shiro_ini_path: cannot read "
        + "/no/such/shiro.ini (NoSuchFileException)" + System.lineSeparator());
  }

  @Test
  void kerberosRealm_andAfterAuthFilter_areRefused() {
    assertThat(runWith("-shiro_realm_modules=KERBEROS5_AUTHN")).isEqualTo(1);
    assertThat(err()).contains("KERBEROS5_AUTHN (Kerberos) is not supported yet");
    err.reset();
    assertThat(runWith("-shiro_after_auth_filter=com.example.Filter")).isEqualTo(1);
    assertThat(err()).contains("-shiro_after_auth_filter is not supported");
  }
}
