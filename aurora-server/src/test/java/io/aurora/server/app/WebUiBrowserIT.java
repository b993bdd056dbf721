package io.aurora.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aurora.api.JobKeys;
import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateRequest;
import io.aurora.gen.JobUpdateSettings;
import io.aurora.gen.Resource;
import io.aurora.gen.ResourceAggregate;
import io.aurora.gen.Response;
import io.aurora.server.localmesos.LocalMesos;
import io.aurora.server.localmesos.LocalMesosOptions;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web UI in a real browser: Debian's chromium, driven by Debian's chromedriver (both at their
 * Debian paths; nothing is downloaded), against a scheduler in local mode whose tasks are real
 * processes. Skipped only where {@code /usr/bin/chromium} is absent; CI installs it.
 * Screenshots go to {@code target/ui-screenshots/}.
 */
class WebUiBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "ui-screenshots");

  @TempDir Path dir;

  @Test
  void pagesShowJobsTasksQuotaAndOperatorViews_andStayCurrentWithoutAReload() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (.ci/run installs them)");
    Files.createDirectories(SHOTS);
    try (TestingServer zk = new TestingServer();
        LocalMesos mesos = LocalMesos.start(LocalMesosOptions.defaults(dir.resolve("mesos")),
            Clock.systemUTC())) {
      SchedulerComponent component = SchedulerScenario.component(zk.getConnectString(),
          mesos.address(), dir);
      component.lifecycle().start();
      WebDriver browser = null;
      try {
        await("ACTIVE").atMost(SchedulerScenario.WAIT)
            .until(() -> component.lifecycle().state() == LifecycleState.ACTIVE);
        String http = "http://127.0.0.1:" + component.lifecycle().httpPort();
        AuroraAdmin.Client api = SchedulerScenario.client(http, SchedulerScenario.JSON);
        SchedulerScenario.assertOk(api.setQuota("www", new ResourceAggregate().setResources(
            new HashSet<>(List.of(Resource.numCpus(4), Resource.ramMb(1536),
                Resource.diskMb(2048))))));
        JobKey hello = JobKeys.from("www", "prod", "hello");
        JobKey huge = JobKeys.from("www", "devel", "huge");

        browser = chromium();
        // The role list, before the jobs exist: then the jobs appear.
        browser.get(http + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/scheduler");
        JobConfiguration service = SchedulerScenario.job(hello).setInstanceCount(2);
        service.getTaskConfig().setIsService(true);
        SchedulerScenario.assertOk(api.createJob(service));
        JobConfiguration big = SchedulerScenario.job(huge);
        big.getTaskConfig().setResources(new HashSet<>(List.of(
            Resource.numCpus(512), Resource.ramMb(16), Resource.diskMb(16))));
        SchedulerScenario.assertOk(api.createJob(big));
        browser.get(http + "/scheduler");
        WebElement role = browser.findElement(By.cssSelector("tr[data-role='www']"));
        assertThat(role.getText()).contains("www").contains("2");
        shot(browser, "roles");

        // The job page, opened once: its instances go PENDING -> RUNNING without a reload.
        browser.get(http + "/scheduler/www/prod/hello");
        mark(browser);
        WebDriver b = browser;
        await("both instances RUNNING in the page").atMost(SchedulerScenario.WAIT).until(() ->
            b.findElements(By.cssSelector("table.active tr[data-status='RUNNING']")).size() == 2);
        assertThat(marked(browser)).as("the page refreshed in place").isTrue();
        assertThat(browser.findElement(By.cssSelector("table.config")).getText())
            .contains("hello: echo hello; sleep 60").contains("cpus 0.1");
        assertThat(browser.findElement(By.cssSelector("svg.timeline"))).isNotNull();
        shot(browser, "job");

        // A killed instance moves to the terminated table, still without a reload.
        SchedulerScenario.assertOk(api.killTasks(hello, Set.of(1), "killed by the browser test"));
        await("instance 1 KILLED in the page").atMost(SchedulerScenario.WAIT).until(() ->
            !b.findElements(By.cssSelector("table.terminated tr[data-status='KILLED']")).isEmpty());
        assertThat(marked(browser)).isTrue();
        assertThat(browser.findElements(By.cssSelector("table.active tr"))).hasSize(2);

        // An update, followed on its page until it has rolled forward.
        JobConfiguration next = SchedulerScenario.job(hello);
        next.getTaskConfig().setJob(hello).setIsService(true);
        next.getTaskConfig().getExecutorConfig().setData(next.getTaskConfig().getExecutorConfig()
            .getData().replace("echo hello", "echo updated"));
        Response started = api.startJobUpdate(new JobUpdateRequest(next.getTaskConfig(), 2,
            new JobUpdateSettings().setUpdateGroupSize(2).setMinWaitInInstanceRunningMs(1000)),
            "from the browser test");
        SchedulerScenario.assertOk(started);
        String updateId = started.getResult().getStartJobUpdateResult().getKey().getId();
        browser.get(http + "/scheduler/www/prod/hello/update/" + updateId);
        mark(browser);
        await("the update ROLLED_FORWARD in the page").atMost(SchedulerScenario.WAIT).until(() ->
            b.findElement(By.tagName("main")).getText().contains("ROLLED_FORWARD"));
        assertThat(marked(browser)).isTrue();
        assertThat(browser.findElement(By.cssSelector("p.progress")).getText())
            .contains("2 / 2 instances updated (100%)");
        shot(browser, "update");
        browser.get(http + "/updates");
        assertThat(browser.findElement(By.cssSelector("table.updates")).getText())
            .contains("www/prod/hello").contains(updateId);
        shot(browser, "updates");

        // A pending reason.
        browser.get(http + "/scheduler/www/devel/huge");
        await("the pending reason").atMost(SchedulerScenario.WAIT).until(() ->
            b.findElement(By.cssSelector("table.active tr[data-status='PENDING'] td.message"))
                .getText().contains("Insufficient"));
        shot(browser, "pending");

        // The role's quota and consumption.
        browser.get(http + "/scheduler/www");
        String quota = browser.findElement(By.cssSelector("tr[data-row='Quota']")).getText();
        assertThat(quota).contains("4").contains("1.50GiB").contains("2.00GiB");
        assertThat(browser.findElement(By.cssSelector("table.jobs")).getText())
            .contains("hello").contains("huge");
        shot(browser, "role");

        // Operator pages.
        browser.get(http + "/utilization");
        assertThat(browser.findElement(By.cssSelector("table.utilization")).getText())
            .contains("total consumed").contains("free pool consumed");
        shot(browser, "utilization");
        assertThat(SchedulerScenario.get(http, "/tiers")).contains("\"default\"")
            .contains("\"preferred\"");
        assertThat(SchedulerScenario.get(http, "/quotas")).contains("\"www\"")
            .contains("\"cpu_cores\":4.0");
        assertThat(SchedulerScenario.get(http, "/pendingtasks")).contains("www/devel/huge")
            .contains("Insufficient");
        // Held offers come and go (WebUiPagesIT checks their shape); the page is a JSON array.
        assertThat(SchedulerScenario.get(http, "/offers")).startsWith("[").endsWith("]");
        browser.get(http + "/agents");
        assertThat(browser.findElements(By.cssSelector("table.agents tbody tr"))).isNotEmpty();
        shot(browser, "agents");

        // Versioned assets are cached for a long time; the leader serves the pages itself.
        String css = browser.findElement(By.cssSelector("link[rel=stylesheet]")).getAttribute("href");
        HttpResponse<Void> asset = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(css)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue(
            "public, max-age=31536000, immutable");
      } finally {
        if (browser != null) {
          browser.quit();
        }
        component.lifecycle().stop();
      }
    }
  }

  private static WebDriver chromium() {
    // Both paths given: Selenium Manager (which would download) has nothing to look up.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
            "--disable-gpu", "--window-size=1280,900");
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 900));
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    return driver;
  }

  /** Sets a variable that a reload would lose. */
  private static void mark(WebDriver browser) {
    ((JavascriptExecutor) browser).executeScript("window.auroraTestMark = 42;");
  }

  private static boolean marked(WebDriver browser) {
    Object v = ((JavascriptExecutor) browser).executeScript("return window.auroraTestMark;");
    return v != null && ((Number) v).intValue() == 42;
  }

  private static void shot(WebDriver browser, String name) throws Exception {
    File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
