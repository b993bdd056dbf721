package io.aurora.http.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.JobKeys;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.TaskConfig;
import io.aurora.http.AdminHooks;
import io.aurora.http.AdminServer;
import io.aurora.http.AdminServerConfig;
import io.aurora.http.FakeLeaderLocator;
import io.aurora.http.LeaderPages;
import io.aurora.scheduling.crontrigger.CronOptions;
import io.aurora.scheduling.crontrigger.CronTriggers;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.reconcile.ReconcileOptions;
import io.aurora.scheduling.reconcile.TaskReconciler;
import io.aurora.scheduling.testing.SchedulerHarness;
import io.aurora.scheduling.thrift.AdminApi;
import io.aurora.scheduling.thrift.ApiOptions;
import io.aurora.scheduling.thrift.AuroraAdminService;
import io.aurora.scheduling.thrift.CronApi;
import io.aurora.scheduling.thrift.JobsApi;
import io.aurora.scheduling.thrift.QuotaApi;
import io.aurora.scheduling.thrift.ReadApi;
import io.aurora.scheduling.thrift.TierSettings;
import io.aurora.scheduling.thrift.UpdateReadApi;
import io.aurora.scheduling.thrift.UpdatesApi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UI's pages over HTTP, against the real API on a {@link SchedulerHarness}. */
class WebUiPagesIT {
  private final SchedulerHarness h = new SchedulerHarness();
  private final FakeLeaderLocator leader = FakeLeaderLocator.leading();
  private final HttpClient client = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private AuroraAdminService api;
  private AdminServer server;

  @BeforeEach
  void start() {
    ApiOptions options = new ApiOptions("ui-cluster", "http://stats/",
        ApiOptions.DEFAULT_ENVIRONMENTS, 4000, TierSettings.DEFAULTS);
    CronTriggers cron = h.cronOn(h.writer, CronOptions.DEFAULTS, new SimpleMeterRegistry());
    api = new AuroraAdminService(options,
        new ReadApi(h.storage, options, h.loop::pendingReasons, cron::nextRun),
        new UpdateReadApi(h.storage), new JobsApi(h.writer, options),
        new CronApi(h.writer, options, cron), new UpdatesApi(h.updates, options),
        new QuotaApi(h.writer), new AdminApi(h.writer,
            new TaskReconciler(h.storage, h.driver, h.clock, h.timers, ReconcileOptions.DEFAULTS),
            Optional.empty(), 1000), new SimpleMeterRegistry());
    server = new AdminServer(new AdminServerConfig("127.0.0.1", 0, 2, 16, 64 * 1024),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Map::of, leader, api,
        new AdminHooks(() -> { }, () -> { }), new LeaderPages(Map::of), Thread::new)
        .withUi(new WebUi(api, h.clock));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void root_redirectsToScheduler() throws Exception {
    HttpResponse<String> r = get("/");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValue("/scheduler");
  }

  @Test
  void rolesPage_listsRoles_withTheClusterName_andEscapesWhatTheApiHolds() throws Exception {
    create(JobKeys.from("www", "prod", "hello"), 2, "<b>bold</b>");
    HttpResponse<String> r = get("/scheduler");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(r.body()).contains("ui-cluster").contains("data-role=\"www\"")
        .contains("href=\"/scheduler/www\"");
    String job = get("/scheduler/www/prod/hello").body();
    assertThat(job).contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>");
  }

  @Test
  void jobPage_fetchesOnePageOfInstances_andLinksTheNext() throws Exception {
    create(JobKeys.from("www", "prod", "many"), 120, "x");
    String first = get("/scheduler/www/prod/many").body();
    assertThat(count(first, "<tr data-instance=")).isEqualTo(JobPage.PAGE_SIZE);
    assertThat(first).contains("Active tasks (120)").contains("1-50 of 120")
        .contains("href=\"?page=1\"");
    String last = get("/scheduler/www/prod/many?page=2").body();
    assertThat(count(last, "<tr data-instance=")).isEqualTo(20);
    assertThat(last).contains("101-120 of 120").doesNotContain("next");
  }

  @Test
  void instanceAndTaskPages_showOneInstance_linkedFromTheJobPage() throws Exception {
    create(JobKeys.from("www", "prod", "hello"), 3, "x");
    String job = get("/scheduler/www/prod/hello").body();
    Matcher task = Pattern.compile("href=\"(/scheduler/www/prod/hello/task/([^\"]+))\"").matcher(job);
    assertThat(task.find()).isTrue();
    assertThat(job).contains("href=\"/scheduler/www/prod/hello/2\"");
    String instance = get("/scheduler/www/prod/hello/2").body();
    assertThat(count(instance, "<tr data-instance=\"2\"")).isEqualTo(1);
    assertThat(instance).doesNotContain("data-instance=\"0\"").contains("Active task");
    String one = get(task.group(1)).body();
    assertThat(count(one, "<tr data-instance=")).isEqualTo(1);
    assertThat(one).contains(task.group(2));
    assertThat(get("/scheduler/www/prod/hello/7").body()).contains("Instance 7 has no tasks");
    assertThat(get("/scheduler/www/prod/hello/task/nope").body()).contains("Task not found");
    assertThat(get("/scheduler/www/prod/hello/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void anUpdateInProgress_isBannered_listed_andHasItsPage() throws Exception {
    h.startUpdates();
    JobKey key = JobKeys.from("www", "prod", "svc");
    TaskConfig config = Fixtures.config("www", "svc", 0.5, 128, 10).setJob(key.deepCopy())
        .setIsService(true);
    assertThat(api.createJob(new JobConfiguration().setKey(key.deepCopy())
        .setTaskConfig(config.deepCopy()).setInstanceCount(2)).getResponseCode())
        .isEqualTo(ResponseCode.OK);
    Response started = api.startJobUpdate(new JobUpdateRequest(config.deepCopy().setContactEmail(
        "new@example.com"), 3, new JobUpdateSettings().setUpdateGroupSize(1)), "ui test");
    assertThat(started.getResponseCode()).as("%s", started.getDetails())
        .isEqualTo(ResponseCode.OK);
    String id = started.getResult().getStartJobUpdateResult().getKey().getId();

    String job = get("/scheduler/www/prod/svc").body();
    assertThat(job).contains("class=\"banner")
        .contains("href=\"/scheduler/www/prod/svc/update/" + id + "\"");
    assertThat(get("/updates").body()).contains("Updates in progress").contains(id);
    String update = get("/scheduler/www/prod/svc/update/" + id).body();
    assertThat(update).contains("Update " + id).contains("/ 3 instances updated")
        .contains("<th>Batch size</th><td>1</td>");
    assertThat(count(update, "class=\"cell ")).isEqualTo(3);
  }

  @Test
  void fragmentRequests_getTheContentOnly() throws Exception {
    create(JobKeys.from("www", "prod", "hello"), 1, "x");
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/scheduler/www"))
        .header(PageShell.FRAGMENT_HEADER, "1").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).startsWith("<h2 class=\"crumbs\">").contains("Jobs")
        .doesNotContain("<html").doesNotContain("<script");
  }

  @Test
  void rolePage_showsQuotaInAurorasUnits() throws Exception {
    Response set = api.setQuota("www", new ResourceAggregate().setResources(new HashSet<>(List.of(
        Resource.numCpus(2.5), Resource.ramMb(1536), Resource.diskMb(512)))));
    assertThat(set.getResponseCode()).isEqualTo(ResponseCode.OK);
    create(JobKeys.from("www", "prod", "hello"), 1, "x");
    String page = get("/scheduler/www/prod").body();
    assertThat(page).contains("<th>Quota</th><td>2.5</td><td>1.50GiB</td><td>512.00MiB</td>");
    assertThat(get("/quotas").body())
        .isEqualTo("{\"www\":{\"cpu_cores\":2.5,\"ram_mb\":1536,\"disk_mb\":512}}");
    assertThat(get("/quotas?role=nobody").body()).isEqualTo("{}");
  }

  @Test
  void unknownPages_andBadMetrics_sayWhy() throws Exception {
    HttpResponse<String> missing = get("/scheduler/a/b/c/d/e/f");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("No such page");
    HttpResponse<String> badRole = get("/scheduler/bad%20role");
    assertThat(badRole.statusCode()).isEqualTo(400);
    HttpResponse<String> metric = get("/utilization/nonsense");
    assertThat(metric.statusCode()).isEqualTo(400);
    assertThat(metric.body()).contains("Invalid metric type.");
    HttpResponse<String> update = get("/scheduler/www/prod/hello/update/nope");
    assertThat(update.statusCode()).isEqualTo(404);
    assertThat(update.body()).contains("No update nope");
  }

  @Test
  void tiersAndUpdates_comeFromTheApi() throws Exception {
    assertThat(get("/tiers").body()).contains("\"default\":\"preemptible\"")
        .contains("\"preferred\":{\"preemptible\":false,\"revocable\":false}");
    assertThat(get("/updates").body()).contains("Updates in progress").contains("No updates.");
    assertThat(get("/pendingtasks").body()).isEqualTo("[]");
  }

  @Test
  void assets_areVersionedByContent_andCachedForAYear() throws Exception {
    String page = get("/scheduler").body();
    Matcher m = Pattern.compile("/assets/ui/aurora\\.[0-9a-f]{10}\\.js").matcher(page);
    assertThat(m.find()).isTrue();
    HttpResponse<String> js = get(m.group());
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(js.body()).contains("X-Aurora-Fragment");
    assertThat(get("/assets/ui/aurora.0000000000.js").statusCode()).isEqualTo(404);
  }

  @Test
  void aFollower_redirectsTheUiPagesToTheLeader() throws Exception {
    leader.follow("leader.example", 8081);
    for (String path : List.of("/scheduler/www?page=2", "/updates", "/utilization/total_consumed",
        "/tiers", "/pendingtasks")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(307);
      assertThat(r.headers().firstValue("Location")).hasValue("http://leader.example:8081" + path);
    }
    assertThat(get("/assets/ui/aurora.0000000000.css").statusCode()).isEqualTo(404);
  }

  private void create(JobKey key, int instances, String contact) throws Exception {
    TaskConfig config = Fixtures.config(key.getRole(), key.getName(), 0.5, 128, 10)
        .setJob(key.deepCopy()).setContactEmail(contact);
    Response r = api.createJob(new JobConfiguration().setKey(key.deepCopy()).setTaskConfig(config)
        .setInstanceCount(instances));
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static int count(String s, String needle) {
    return s.split(Pattern.quote(needle), -1).length - 1;
  }
}
