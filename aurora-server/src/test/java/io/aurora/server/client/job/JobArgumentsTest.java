package io.aurora.server.client.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurora.gen.JobKey;
import io.aurora.server.client.ClientHarness;
import io.aurora.server.client.cli.InstanceSpec;
import io.aurora.server.client.cli.JobPath;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The job verbs' argument forms: JOB[/INSTANCES] and CLUSTER[/ROLE[/ENV[/NAME]]] patterns. */
class JobArgumentsTest {
  @Test
  void jobInstances_parsesAJobWithOrWithoutInstances() {
    JobInstances all = JobInstances.parse("local/www/prod/hello");
    assertThat(all.job()).isEqualTo(new JobPath("local", "www", "prod", "hello"));
    assertThat(all.instances()).isEmpty();
    assertThat(JobInstances.parse("local/www/prod/hello/*").instances()).isEmpty();
    JobInstances some = JobInstances.parse("local/www/prod/hello/0-2,5");
    assertThat(some.instances()).map(InstanceSpec::ids).contains(new TreeSet<>(Set.of(0, 1, 2, 5)));
    assertThat(some).hasToString("local/www/prod/hello/0-2,5");
  }

  @Test
  void jobInstances_badForms_sayWhatIsWrong() {
    assertThatThrownBy(() -> JobInstances.parse("www/prod/hello"))
        .hasMessage("expected CLUSTER/ROLE/ENV/NAME[/INSTANCES], got 'www/prod/hello'");
    assertThatThrownBy(() -> JobInstances.parse("local/www/prod/hello/0/1"))
        .hasMessageContaining("expected CLUSTER/ROLE/ENV/NAME[/INSTANCES]");
    assertThatThrownBy(() -> JobInstances.parse("local/www/prod/hello/x"))
        .hasMessageContaining("'x' in 'x' is not an id or a range");
    assertThatThrownBy(() -> JobInstances.parse("local/www/pr od/hello/1"))
        .hasMessageContaining("'pr od'");
  }

  @Test
  void jobPattern_missingPartsAndWildcardsMatchEverything() {
    JobKey hello = new JobKey("www", "prod", "hello");
    assertThat(JobPattern.parse("local").matches(hello)).isTrue();
    assertThat(JobPattern.parse("local/www").matches(hello)).isTrue();
    assertThat(JobPattern.parse("local/www/devel").matches(hello)).isFalse();
    assertThat(JobPattern.parse("local/w*/p?od/*lo").matches(hello)).isTrue();
    assertThat(JobPattern.parse("local/w*/p?od/*la").matches(hello)).isFalse();
    assertThat(JobPattern.parse("local/www.a/prod").matches(new JobKey("wwwxa", "prod", "n")))
        .as("a dot is a dot, not a regex wildcard").isFalse();
  }

  @Test
  void jobPattern_knowsTheRoleToAskForAndWhenItNamesOneJob() {
    assertThat(JobPattern.parse("local/www/*").exactRole()).contains("www");
    assertThat(JobPattern.parse("local/w*").exactRole()).isEmpty();
    assertThat(JobPattern.parse("local").exactRole()).isEmpty();
    assertThat(JobPattern.parse("local/www/prod/hello").exactJob())
        .contains(new JobPath("local", "www", "prod", "hello"));
    assertThat(JobPattern.parse("local/www/prod/h*").exactJob()).isEmpty();
    assertThat(JobPattern.parse("local/www/prod").exactJob()).isEmpty();
    assertThat(JobPattern.parse("local/www/prod")).hasToString("local/www/prod");
  }

  @Test
  void jobPattern_badForms_sayWhatIsWrong() {
    assertThatThrownBy(() -> JobPattern.parse("local/www/prod/hello/0"))
        .hasMessage("expected CLUSTER[/ROLE[/ENV[/NAME]]], got 'local/www/prod/hello/0'");
    assertThatThrownBy(() -> JobPattern.parse("local//prod"))
        .hasMessageContaining("expected CLUSTER[/ROLE[/ENV[/NAME]]]");
    assertThatThrownBy(() -> JobPattern.parse("local/w w"))
        .hasMessageContaining("'w w' in 'local/w w' is not a valid role, environment or name");
  }

  @Test
  void everyJobVerb_hasHelpThatFitsATerminal() {
    for (String verb : List.of("create", "status", "list", "inspect", "diff", "add", "restart",
        "kill", "killall", "open")) {
      ClientHarness client = new ClientHarness();
      assertThat(client.run("job", verb, "--help")).as(verb).isZero();
      assertThat(client.out()).as(verb).startsWith("Usage: aurora job " + verb);
      assertThat(client.out().lines()).as(verb).allMatch(line -> line.length() <= 80);
    }
    ClientHarness job = new ClientHarness();
    assertThat(job.run("job", "--help")).isZero();
    assertThat(job.out()).contains("create", "killall", "restart", "diff", "open");
  }

  @Test
  void killBatches_areAscendingRunsOfTheBatchSize() {
    SortedSet<Integer> ids = new TreeSet<>(Set.of(7, 0, 2, 3, 4));
    assertThat(KillBatches.batches(ids, 2)).containsExactly(new TreeSet<>(Set.of(0, 2)),
        new TreeSet<>(Set.of(3, 4)), new TreeSet<>(Set.of(7)));
    assertThat(KillBatches.batches(ids, 10)).containsExactly(ids);
  }
}
