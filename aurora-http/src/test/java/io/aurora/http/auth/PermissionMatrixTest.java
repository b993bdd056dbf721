package io.aurora.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import io.aurora.scheduling.auth.ApiMethods;
import io.aurora.scheduling.auth.AuditLog;
import io.aurora.scheduling.auth.Caller;
import io.aurora.scheduling.auth.Callers;
import io.aurora.scheduling.auth.SecuredApi;
import io.aurora.scheduling.testing.SchedulerHarness;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing method, called by every user of {@link SecurityFixtures#INI} through the
 * real API: who gets AUTH_FAILED and who gets through to the service (whatever the service then
 * answers), and what the audit log and the task events record.
 */
class PermissionMatrixTest {
  private final SchedulerHarness h = new SchedulerHarness();
  private final List<String> audit = new CopyOnWriteArrayList<>();
  private final SecuredApi secured =
      new SecuredApi(SecurityFixtures.service(h), new AuditLog(audit::add));
  private final BasicAuthenticator authenticator = SecurityFixtures.authenticator();

  private Caller login(String user, String password) {
    String header = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    Authentication a = authenticator.authenticate(header);
    assertThat(a).as(user).isInstanceOf(Authentication.Accepted.class);
    return ((Authentication.Accepted) a).caller();
  }

  /** The methods {@code caller} was refused among all state-changing calls on {@code job}. */
  private Set<String> refused(Caller caller, io.aurora.gen.JobKey job) throws Exception {
    AuroraAdmin.Iface api = secured.forCaller(caller);
    Set<String> refused = new TreeSet<>();
    for (Map.Entry<String, SecurityFixtures.ApiCall> call
        : SecurityFixtures.mutatingCalls(job).entrySet()) {
      Response r = call.getValue().call(api);
      assertThat(r.getServerInfo()).as(call.getKey()).isNotNull();
      if (r.getResponseCode() == ResponseCode.AUTH_FAILED) {
        refused.add(call.getKey());
      }
    }
    return refused;
  }

  private static Set<String> methods(Predicate<ApiMethods.Access> which) {
    return SecurityFixtures.mutatingCalls(SecurityFixtures.WEB).keySet().stream()
        .filter(m -> which.test(ApiMethods.access(m).orElseThrow()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyIfaceMethod_isClassified_andEveryMutatingOneIsExercised() throws Exception {
    Set<String> iface = Arrays.stream(AuroraAdmin.Iface.class.getMethods()).map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(iface).allSatisfy(m -> assertThat(ApiMethods.access(m)).as(m).isPresent());
    Set<String> mutating = iface.stream().filter(ApiMethods::requiresAuthentication)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(SecurityFixtures.mutatingCalls(SecurityFixtures.WEB).keySet())
        .containsExactlyInAnyOrderElementsOf(mutating);
    assertThat(mutating).hasSize(32).contains("listBackups", "killTasks", "setQuota");
  }

  @Test
  void admin_isRefusedNothing() throws Exception {
    assertThat(refused(login("root", "secret"), SecurityFixtures.WEB)).isEmpty();
  }

  @Test
  void engineer_mayCallEveryJobMethod_butNoAdminMethod() throws Exception {
    assertThat(refused(login("engineer", "w0rk"), SecurityFixtures.OTHER))
        .isEqualTo(methods(a -> a == ApiMethods.Access.ADMIN));
  }

  @Test
  void backupService_mayOnlyListBackups() throws Exception {
    Set<String> expected = methods(a -> true);
    expected.remove("listBackups");
    assertThat(refused(login("backupsvc", "b4ckup"), SecurityFixtures.WEB)).isEqualTo(expected);
  }

  @Test
  void deployer_mayKillItsOneJob_andNothingElse() throws Exception {
    Caller deployer = login("deployer", "d3ploy");
    Set<String> onWeb = methods(a -> true);
    onWeb.remove("killTasks");
    assertThat(refused(deployer, SecurityFixtures.WEB)).isEqualTo(onWeb);
    assertThat(refused(deployer, SecurityFixtures.OTHER)).isEqualTo(methods(a -> true));

    Response r = secured.forCaller(deployer).killTasks(SecurityFixtures.OTHER, Set.of(), null);
    assertThat(r.getDetails().get(0).getMessage()).isEqualTo("User deployer is not permitted to "
        + "call killTasks: missing permission thrift.AuroraSchedulerManager:killTasks:ads:prod:other");
  }

  @Test
  void userWithoutRole_isRefusedEverything() throws Exception {
    assertThat(refused(login("nobody", "n0b0dy"), SecurityFixtures.WEB))
        .isEqualTo(methods(a -> true));
  }

  @Test
  void anonymous_isRefusedEverythingMutating_butReads() throws Exception {
    AuroraAdmin.Iface api = secured.forCaller(Callers.ANONYMOUS);
    assertThat(refused(Callers.ANONYMOUS, SecurityFixtures.WEB)).isEqualTo(methods(a -> true));
    Response kill = api.killTasks(SecurityFixtures.WEB, Set.of(), null);
    assertThat(kill.getDetails().get(0).getMessage()).startsWith("Authentication required");
    assertThat(api.getRoleSummary().getResponseCode()).isEqualTo(ResponseCode.OK);
    assertThat(api.getJobs("ads").getResponseCode()).isEqualTo(ResponseCode.OK);
  }

  @Test
  void unsecured_isRefusedNothing_andRecordedAsUnsecure() throws Exception {
    assertThat(refused(Callers.UNSECURED, SecurityFixtures.WEB)).isEmpty();
    assertThat(audit).contains("user=UNSECURE method=killTasks target=ads/prod/web result=OK");
  }

  @Test
  void aKeyThatIsNotMadeOfIdentifiers_cannotShiftThePermission() throws Exception {
    // "web:x" would otherwise ask for killTasks:ads:prod:web:x, which the deployer's grant implies.
    io.aurora.gen.JobKey sneaky = new io.aurora.gen.JobKey("ads", "prod", "web:x");
    Response r = secured.forCaller(login("deployer", "d3ploy")).killTasks(sneaky, Set.of(), null);
    assertThat(r.getResponseCode()).isEqualTo(ResponseCode.INVALID_REQUEST);
    Response missing = secured.forCaller(login("deployer", "d3ploy")).killTasks(null, Set.of(), null);
    assertThat(missing.getResponseCode()).isEqualTo(ResponseCode.INVALID_REQUEST);
  }

  @Test
  void aKill_recordsTheUserInTheTaskEvent_andTheAuditLog() throws Exception {
    h.insertPending(SecurityFixtures.config(SecurityFixtures.WEB), Set.of(0));
    h.offer("agent-1", 16, 16384);
    h.loop.runOnce();   // assigned: a kill now goes through KILLING (a pending task is deleted)
    Response r = secured.forCaller(login("deployer", "d3ploy"))
        .killTasks(SecurityFixtures.WEB, Set.of(), "rolling back by hand");
    assertThat(r.getResponseCode()).as("%s", r.getDetails()).isEqualTo(ResponseCode.OK);
    List<String> messages = new ArrayList<>();
    for (ScheduledTask t : h.tasks()) {
      for (TaskEvent e : t.getTaskEvents()) {
        if (e.getStatus() == ScheduleStatus.KILLING || e.getStatus() == ScheduleStatus.KILLED) {
          messages.add(e.getMessage());
        }
      }
    }
    assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("Killed by deployer"));
    assertThat(audit).containsExactly(
        "user=deployer method=killTasks target=ads/prod/web result=OK");
  }

  @Test
  void refusals_areAudited_andReadsAreNot() throws Exception {
    AuroraAdmin.Iface api = secured.forCaller(login("backupsvc", "b4ckup"));
    api.getRoleSummary();
    api.setQuota("ads", new io.aurora.gen.ResourceAggregate());
    assertThat(audit).containsExactly(
        "user=backupsvc method=setQuota target=ads result=AUTH_FAILED");
  }

  @Test
  void anUpdate_recordsTheUserInItsSummaryAndEvents() throws Exception {
    h.startUpdates();
    AuroraAdmin.Iface engineer = secured.forCaller(login("engineer", "w0rk"));
    io.aurora.gen.JobUpdateSettings settings = new io.aurora.gen.JobUpdateSettings()
        .setUpdateGroupSize(1).setMaxPerInstanceFailures(0).setMaxFailedInstances(0)
        .setMinWaitInInstanceRunningMs(1000).setRollbackOnFailure(true);
    Response started = engineer.startJobUpdate(new io.aurora.gen.JobUpdateRequest(
        SecurityFixtures.config(SecurityFixtures.WEB), 1, settings), "by hand");
    assertThat(started.getResponseCode()).as("%s", started.getDetails())
        .isEqualTo(ResponseCode.OK);
    io.aurora.gen.JobUpdateKey key = started.getResult().getStartJobUpdateResult().getKey();
    assertThat(secured.forCaller(login("root", "secret")).pauseJobUpdate(key, "hold")
        .getResponseCode()).isEqualTo(ResponseCode.OK);

    Response details = engineer.getJobUpdateDetails(key, null);
    io.aurora.gen.JobUpdateDetails d =
        details.getResult().getGetJobUpdateDetailsResult().getDetailsList().get(0);
    assertThat(d.getUpdate().getSummary().getUser()).isEqualTo("engineer");
    assertThat(d.getUpdateEvents()).extracting(io.aurora.gen.JobUpdateEvent::getUser)
        .containsExactly("engineer", "root");
  }
}
