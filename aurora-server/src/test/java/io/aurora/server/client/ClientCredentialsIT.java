package io.aurora.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.ResponseCode;
import io.aurora.server.client.cli.ClientContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.thrift.protocol.TJSONProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TIOStreamTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/aurora}'s credentials over real HTTP: a loopback scheduler that wants HTTP Basic
 * {@code alice:s3cret} and answers 401 otherwise; behind it a {@link ScriptedScheduler}.
 */
class ClientCredentialsIT {
  private static final String GOOD = "Basic " + Base64.getEncoder()
      .encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));

  private final ScriptedScheduler scheduler = new ScriptedScheduler();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer server;
  @TempDir Path home;

  @BeforeEach
  void serve() throws Exception {
    AuroraAdmin.Processor<AuroraAdmin.Iface> processor =
        new AuroraAdmin.Processor<>(scheduler.iface());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api", exchange -> {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(String.valueOf(authorization));
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!GOOD.equals(authorization)) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
        exchange.sendResponseHeaders(401, -1);
        exchange.close();
        return;
      }
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      try {
        TProtocol protocol = new TJSONProtocol(
            new TIOStreamTransport(new ByteArrayInputStream(body), reply));
        processor.process(protocol, protocol);
      } catch (Exception e) {
        throw new java.io.IOException(e);
      }
      exchange.sendResponseHeaders(200, reply.size());
      exchange.getResponseBody().write(reply.toByteArray());
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> line = new ArrayList<>(List.of(
        "--scheduler=http://127.0.0.1:" + server.getAddress().getPort()));
    line.addAll(List.of(args));
    ConnectionOptions options = new ConnectionOptions();
    ClientContext context = new ClientContext(
        new ThriftConnector(options, Map.of("HOME", home.toString())),
        new PrintWriter(out, true), new PrintWriter(err, true), false, pause -> { },
        UUID::randomUUID, ZoneOffset.UTC);
    int exit = AuroraClient.commandLine(options, context).execute(line.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private void answerDeschedule() {
    scheduler.answer("descheduleCronJob", ScriptedScheduler.response(ResponseCode.OK, null));
  }

  @Test
  void withoutCredentials_a401_saysHowToSupplyThem_inOneLine() {
    Run run = run("cron", "deschedule", "local/www/prod/hello");
    assertThat(run.exit).isEqualTo(30);
    assertThat(run.err).hasLineCount(1).contains("HTTP 401")
        .contains("add 'machine 127.0.0.1 login USER password PASSWORD' to ~/.netrc, or pass "
            + "--auth-user=USER --password-file=FILE");
    assertThat(authorizations).containsExactly("null");
  }

  @Test
  void theNetrcEntryForTheHost_isSent() throws Exception {
    Files.writeString(home.resolve(".netrc"), "machine other.example login bob password x\n"
        + "machine 127.0.0.1\n  login alice\n  password s3cret\n");
    answerDeschedule();
    Run run = run("cron", "deschedule", "local/www/prod/hello");
    assertThat(run.exit).as(run.err).isZero();
    assertThat(authorizations).containsExactly(GOOD);
  }

  @Test
  void userAndPasswordFile_winOverNetrc_andAWrongPasswordIsNamedNotShown() throws Exception {
    Files.writeString(home.resolve(".netrc"), "default login alice password wrong\n");
    Path password = home.resolve("password");
    Files.writeString(password, "s3cret\n");
    answerDeschedule();
    assertThat(run("--auth-user=alice", "--password-file=" + password, "cron", "deschedule",
        "local/www/prod/hello").exit).isZero();

    Run wrong = run("cron", "deschedule", "local/www/prod/hello");   // the netrc default entry
    assertThat(wrong.exit).isEqualTo(30);
    assertThat(wrong.err).hasLineCount(1)
        .contains("refused the credentials of user alice (from ~/.netrc)").doesNotContain("wrong");
  }

  @Test
  void authFailed_printsTheMissingPermission() throws Exception {
    Files.writeString(home.resolve(".netrc"), "machine 127.0.0.1 login alice password s3cret\n");
    scheduler.answer("descheduleCronJob", ScriptedScheduler.response(ResponseCode.AUTH_FAILED, null,
        "User alice is not permitted to call descheduleCronJob: missing permission "
            + "thrift.AuroraSchedulerManager:descheduleCronJob:www:prod:hello"));
    Run run = run("cron", "deschedule", "local/www/prod/hello");
    assertThat(run.exit).isNotZero();
    assertThat(run.err).contains("AUTH_FAILED")
        .contains("missing permission thrift.AuroraSchedulerManager:descheduleCronJob:www:prod:hello");
  }

  @Test
  void aPasswordFileThatCannotBeRead_isAUsageError_namingTheFile() {
    Run run = run("--auth-user=alice", "--password-file=/no/such/file", "cron", "deschedule",
        "local/www/prod/hello");
    assertThat(run.exit).isEqualTo(io.aurora.server.client.cli.ExitCodes.USAGE);
    assertThat(run.err).contains("cannot read --password-file /no/such/file");
  }
}
