package io.aurora.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.CronCollisionPolicy;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.Resource;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.TaskConfig;
import io.aurora.server.bench.failover.ChildProcess;
import io.aurora.server.client.HttpThriftTransport;
import io.aurora.server.client.credentials.BasicCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TJSONProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.layered.TFramedTransport;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security from the unzipped distribution: {@code bin/aurora-scheduler} with HTTP Basic and the
 * shipped {@code conf/shiro.ini}, and ZooKeeper digest credentials. Over {@code /api} (JSON and
 * binary), the Thrift TCP port and {@code bin/aurora}: who may change what, the audit lines, the
 * ACLs an unauthenticated ZooKeeper client sees, and no password in any output.
 */
class SecurityDistIT {
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final JobKey JOB = new JobKey("www", "prod", "hello");
  private static final String ZK_PASSWORD = "zk-s3cret-digest";
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private static final Pattern STARTED =
      Pattern.compile("Thrift on port (\\d+), ZooKeeper (\\S+),");

  @TempDir Path tmp;

  @Test
  void basicWithTheShippedIni_overApi_theThriftPort_andTheClient_withZooKeeperAcls()
      throws Exception {
    Path home = DistZip.unpack(tmp);
    Path data = tmp.resolve("data");
    LocalScheduler local = LocalScheduler.start(home, data, "sectest", List.of(
        "-http_authentication_mechanism=BASIC",
        "-shiro_ini_path=" + home.resolve("conf/shiro.ini"),
        "-zk_digest_credentials=aurora:" + ZK_PASSWORD));
    String url = local.url();
    ChildProcess scheduler = local.process();
    try {
      await("the scheduler to lead").atMost(STARTUP).pollInterval(Duration.ofMillis(500))
          .until(() -> status(url + "/leaderhealth") == 200);
      Matcher started = await("the start line").atMost(Duration.ofSeconds(30))
          .until(() -> STARTED.matcher(scheduler.output()), Matcher::find);
      int thriftPort = Integer.parseInt(started.group(1));
      String zk = started.group(2);

      // /api, JSON: anonymous may read but not change; the engineer may; the viewer may not.
      AuroraAdmin.Client anonymous = api(url, false, null);
      assertThat(anonymous.getRoleSummary().getResponseCode()).isEqualTo(ResponseCode.OK);
      assertThat(catchMessage(() -> anonymous.scheduleCronJob(template())))
          .contains("HTTP 401");
      Response viewer = api(url, false, "viewer:change-me-viewer").scheduleCronJob(template());
      assertThat(viewer.getResponseCode()).isEqualTo(ResponseCode.AUTH_FAILED);
      assertThat(viewer.getDetails().get(0).getMessage())
          .contains("thrift.AuroraSchedulerManager:scheduleCronJob:www:prod:hello");
      Response engineer =
          api(url, false, "engineer:change-me-engineer").scheduleCronJob(template());
      assertThat(engineer.getResponseCode()).as("%s", engineer.getDetails())
          .isEqualTo(ResponseCode.OK);

      // /api, binary: a wrong password is 401; the admin may set quota, the engineer may not.
      assertThat(catchMessage(() -> api(url, true, "root:wrong").getRoleSummary()))
          .contains("HTTP 401");
      assertThat(api(url, true, "engineer:change-me-engineer")
          .setQuota("www", new io.aurora.gen.ResourceAggregate().setResources(new HashSet<>()))
          .getResponseCode()).isEqualTo(ResponseCode.AUTH_FAILED);

      // The Thrift TCP port carries no credentials: reads only.
      try (TSocket socket = new TSocket("127.0.0.1", thriftPort)) {
        socket.open();
        AuroraAdmin.Client tcp =
            new AuroraAdmin.Client(new TBinaryProtocol(new TFramedTransport(socket)));
        assertThat(tcp.getJobSummary("www").getResponseCode()).isEqualTo(ResponseCode.OK);
        assertThat(tcp.descheduleCronJob(JOB).getResponseCode())
            .isEqualTo(ResponseCode.AUTH_FAILED);
      }

      // bin/aurora: without credentials one line and exit 30; with ~/.netrc it works.
      Path userHome = tmp.resolve("home");
      Files.createDirectories(userHome);
      ChildProcessRun none = aurora(home, userHome, url, "cron", "deschedule", "local/www/prod/hello");
      assertThat(none.exit).as(none.output).isEqualTo(30);
      assertThat(none.output).contains("~/.netrc").contains("--auth-user");
      Files.writeString(userHome.resolve(".netrc"),
          "machine 127.0.0.1 login deployer password change-me-deployer\n");
      ChildProcessRun deployer =
          aurora(home, userHome, url, "cron", "deschedule", "local/www/prod/hello");
      assertThat(deployer.exit).isNotZero();
      assertThat(deployer.output).contains(
          "missing permission thrift.AuroraSchedulerManager:descheduleCronJob:www:prod:hello");
      Files.writeString(userHome.resolve(".netrc"),
          "machine 127.0.0.1 login root password change-me-root\n");
      ChildProcessRun root =
          aurora(home, userHome, url, "cron", "deschedule", "local/www/prod/hello");
      assertThat(root.exit).as(root.output).isZero();

      // The audit log, in the scheduler's output (conf/logback.xml routes nothing elsewhere).
      await("the audit lines").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(scheduler.output())
              .contains("user=viewer method=scheduleCronJob target=www/prod/hello "
                  + "result=AUTH_FAILED")
              .contains("user=engineer method=scheduleCronJob target=www/prod/hello result=OK")
              .contains("user=engineer method=setQuota target=www result=AUTH_FAILED")
              .contains("user=anonymous method=descheduleCronJob target=www/prod/hello "
                  + "result=AUTH_FAILED")
              .contains("user=root method=descheduleCronJob target=www/prod/hello result=OK"));

      // ZooKeeper, as a client without credentials sees it.
      try (CuratorFramework open = CuratorFrameworkFactory.newClient(zk, new RetryOneTime(100))) {
        open.start();
        assertThat(open.blockUntilConnected(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        List<String> checked = new ArrayList<>();
        for (String parent : List.of("/aurora/scheduler", "/aurora/replicated-log")) {
          for (String child : open.getChildren().forPath(parent)) {
            String path = parent + "/" + child;
            assertCreatorAllWorldRead(open.getACL().forPath(path), path);
            checked.add(path);
          }
        }
        assertThat(checked).anyMatch(p -> p.startsWith("/aurora/scheduler/member_"))
            .anyMatch(p -> p.contains("-lock-"))
            .anyMatch(p -> p.startsWith("/aurora/replicated-log/"));
        String member = checked.stream().filter(p -> p.contains("member_")).findFirst().get();
        assertThat(new String(open.getData().forPath(member))).contains("serviceEndpoint");
        try {
          open.setData().forPath(member, new byte[0]);
          throw new AssertionError("an unauthenticated client changed " + member);
        } catch (KeeperException.NoAuthException expected) {
          // as it should be
        }
      }

      // No password anywhere: logs, /vars, client output.
      String vars = get(url + "/vars") + get(url + "/vars.json");
      for (String secret : List.of(ZK_PASSWORD, "change-me-root", "change-me-engineer",
          "change-me-deployer", "change-me-viewer")) {
        assertThat(scheduler.output()).doesNotContain(secret);
        assertThat(vars).doesNotContain(secret);
        assertThat(none.output + deployer.output + root.output).doesNotContain(secret);
      }
    } catch (Throwable t) {
      throw new AssertionError(t + "\nscheduler output:\n" + scheduler.tail(80), t);
    } finally {
      scheduler.kill();
    }
  }

  private static void assertCreatorAllWorldRead(List<ACL> acl, String path) {
    assertThat(acl).as(path).hasSize(2);
    assertThat(acl.get(0)).as(path)
        .isEqualTo(new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE));
    assertThat(acl.get(1).getPerms()).as(path).isEqualTo(ZooDefs.Perms.ALL);
    assertThat(acl.get(1).getId().getScheme()).as(path).isEqualTo("digest");
    assertThat(acl.get(1).getId().getId()).as(path).startsWith("aurora:")
        .doesNotContain(ZK_PASSWORD);
  }

  private static AuroraAdmin.Client api(String url, boolean binary, String userColonPassword)
      throws Exception {
    Optional<BasicCredentials> credentials = Optional.ofNullable(userColonPassword).map(c ->
        new BasicCredentials(c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1),
            "test"));
    HttpThriftTransport transport = new HttpThriftTransport(URI.create(url + "/api"),
        binary ? "application/vnd.apache.thrift.binary" : "application/vnd.apache.thrift.json",
        Duration.ofSeconds(30), credentials);
    return new AuroraAdmin.Client(binary
        ? new TBinaryProtocol(transport) : new TJSONProtocol(transport));
  }

  private interface ThrowingCall {
    Object call() throws Exception;
  }

  private static String catchMessage(ThrowingCall call) {
    try {
      call.call();
      return "(no failure)";
    } catch (Exception e) {
      return String.valueOf(e.getMessage());
    }
  }

  private record ChildProcessRun(int exit, String output) {}

  private ChildProcessRun aurora(Path home, Path userHome, String url, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/aurora").toString(),
        "--scheduler=" + url));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "aurora", ".out");
    ChildProcess client = ChildProcess.start("aurora", command,
        Map.of("JAVA_HOME", System.getProperty("java.home"), "HOME", userHome.toString()), out);
    OptionalInt exit = client.exitStatus(120);
    if (exit.isEmpty()) {
      client.kill();
      throw new AssertionError(command + " did not end:\n" + client.output());
    }
    return new ChildProcessRun(exit.getAsInt(), client.output());
  }

  /** A cron template (no run is due within the test: 03:00 on the first of January). */
  private static JobConfiguration template() {
    TaskConfig task = new TaskConfig().setIsService(false).setMaxTaskFailures(1).setPriority(0)
        .setResources(new HashSet<>(List.of(
            Resource.numCpus(0.01), Resource.ramMb(1), Resource.diskMb(1))))
        .setConstraints(new HashSet<>())
        .setExecutorConfig(new ExecutorConfig("AuroraExecutor",
            "{\"task\":{\"name\":\"t\",\"processes\":[{\"name\":\"t\",\"cmdline\":\"true\"}]}}"));
    return new JobConfiguration().setKey(JOB).setOwner(new Identity().setUser("www"))
        .setTaskConfig(task).setInstanceCount(1).setCronSchedule("0 3 1 1 *")
        .setCronCollisionPolicy(CronCollisionPolicy.CANCEL_NEW);
  }

  private static int status(String uri) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5))
          .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static String get(String uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
