package io.aurora.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.FullyPopulated;
import io.aurora.gen.JobKey;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskQuery;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskQueriesTest {

  private static final JobKey JOB = FullyPopulated.jobKey();
  private static final JobKey OTHER_JOB = new JobKey("www-data", "prod", "other");

  /** FullyPopulated's task: instance 0 of JOB, RUNNING on agent3.example.org. */
  private final ScheduledTask task = FullyPopulated.scheduledTask();

  @Test
  void byJob_setsOnlyTheJobKeys() {
    TaskQuery query = TaskQueries.byJob(JOB).build();

    assertThat(query).isEqualTo(new TaskQuery().setJobKeys(Set.of(JOB)));
  }

  @Test
  void fluentTerms_allEndUpInTheQuery() {
    TaskQuery query = TaskQueries.byInstances(JOB, 0, 2)
        .statuses(Tasks.ACTIVE_STATES)
        .slaveHosts(List.of("h1"))
        .taskIds(List.of("t1"))
        .offset(10)
        .limit(5)
        .build();

    assertThat(query.getJobKeys()).containsExactly(JOB);
    assertThat(query.getInstanceIds()).containsExactlyInAnyOrder(0, 2);
    assertThat(query.getStatuses()).isEqualTo(Tasks.ACTIVE_STATES);
    assertThat(query.getSlaveHosts()).containsExactly("h1");
    assertThat(query.getTaskIds()).containsExactly("t1");
    assertThat(query.getOffset()).isEqualTo(10);
    assertThat(query.getLimit()).isEqualTo(5);
    assertThat(query.isSetRole()).isFalse();
  }

  @Test
  void build_returnsIndependentCopies() {
    TaskQueries.Builder builder = TaskQueries.byRole("www-data");
    TaskQuery first = builder.build();
    first.setRole("changed");

    assertThat(builder.build().getRole()).isEqualTo("www-data");
  }

  @Test
  void setters_replaceEarlierValues() {
    TaskQuery query = TaskQueries.byStatuses(ScheduleStatus.PENDING)
        .statuses(ScheduleStatus.RUNNING, ScheduleStatus.KILLING)
        .build();

    assertThat(query.getStatuses())
        .containsExactlyInAnyOrder(ScheduleStatus.RUNNING, ScheduleStatus.KILLING);
  }

  @Test
  void invalidTerms_areRejectedWithTheFieldName() {
    assertThatThrownBy(() -> TaskQueries.byJob(new JobKey("a b", "prod", "x")))
        .hasMessageContaining("role");
    assertThatThrownBy(() -> TaskQueries.all().jobName("bad/name")).hasMessageContaining("jobName");
    assertThatThrownBy(() -> TaskQueries.byInstances(JOB, -1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> TaskQueries.all().limit(0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> TaskQueries.all().offset(-1)).hasMessageContaining("offset");
  }

  @Test
  void matches_emptyQuery_matchesEverything() {
    assertThat(TaskQueries.matches(TaskQueries.all().build(), task)).isTrue();
  }

  @Test
  void matches_eachTermConstrains() {
    assertMatch(TaskQueries.byJob(JOB), true);
    assertMatch(TaskQueries.byJob(OTHER_JOB), false);
    assertMatch(TaskQueries.byJobs(List.of(OTHER_JOB, JOB)), true);
    assertMatch(TaskQueries.byRole("www-data").environment("prod").jobName("hello_world.v2"), true);
    assertMatch(TaskQueries.byRole("www-data").environment("devel"), false);
    assertMatch(TaskQueries.byInstances(JOB, 0), true);
    assertMatch(TaskQueries.byInstances(JOB, 1, 2), false);
    assertMatch(TaskQueries.byInstances(JOB), true);
    assertMatch(TaskQueries.byStatuses(ScheduleStatus.RUNNING), true);
    assertMatch(TaskQueries.byStatuses(ScheduleStatus.PENDING), false);
    assertMatch(TaskQueries.bySlaveHosts("agent3.example.org"), true);
    assertMatch(TaskQueries.bySlaveHosts("agent4.example.org"), false);
    assertMatch(TaskQueries.byTaskIds(Tasks.id(task)), true);
    assertMatch(TaskQueries.byTaskIds("nope"), false);
  }

  @Test
  void matches_termsAreAnded() {
    assertMatch(TaskQueries.byJob(JOB).statuses(ScheduleStatus.RUNNING).instances(0), true);
    assertMatch(TaskQueries.byJob(JOB).statuses(ScheduleStatus.RUNNING).instances(3), false);
  }

  @Test
  void matches_ignoresOffsetAndLimit() {
    assertMatch(TaskQueries.all().offset(100).limit(1), true);
  }

  private void assertMatch(TaskQueries.Builder query, boolean expected) {
    assertThat(TaskQueries.matches(query.build(), task)).as(query.build().toString())
        .isEqualTo(expected);
  }
}
