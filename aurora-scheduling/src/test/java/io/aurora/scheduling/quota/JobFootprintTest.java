package io.aurora.scheduling.quota;

import static io.aurora.scheduling.quota.QuotaMathTest.prod;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.InstanceTaskConfig;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobUpdateInstructions;
import io.aurora.gen.Range;
import io.aurora.gen.TaskConfig;
import io.aurora.scheduling.resources.ResourceBag;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobFootprintTest {
  private static final TaskConfig SMALL = prod(1, 100, 10);
  private static final TaskConfig BIG = prod(2, 50, 10);

  private static JobFootprint tasks(int count, TaskConfig config) {
    Map<Integer, TaskConfig> tasks = new java.util.HashMap<>();
    for (int i = 0; i < count; i++) {
      tasks.put(i, config);
    }
    return new JobFootprint(tasks, java.util.Optional.empty(), java.util.Optional.empty());
  }

  private static InstanceTaskConfig group(TaskConfig config, int first, int last) {
    return new InstanceTaskConfig(config, Set.of(new Range(first, last)));
  }

  @Test
  void activeTasks_sum() {
    assertThat(tasks(3, SMALL).resources()).isEqualTo(new ResourceBag(3, 300, 30, 0, 0));
    assertThat(JobFootprint.NONE.resources()).isEqualTo(ResourceBag.EMPTY);
  }

  @Test
  void update_countsTheLargerOfOldAndNew_perResource_inPlaceOfTheTasksItCovers() {
    // 4 tasks; the update moves 0-1 to BIG and adds instance 4; 2-3 are outside its scope.
    JobUpdateInstructions update = new JobUpdateInstructions()
        .setInitialState(Set.of(group(SMALL, 0, 1)))
        .setDesiredState(new InstanceTaskConfig(BIG, Set.of(new Range(0, 1), new Range(4, 4))));
    ResourceBag footprint = tasks(4, SMALL).withUpdate(update).resources();
    // old 2 x SMALL = (2, 200, 20); new 3 x BIG = (6, 150, 30); larger = (6, 200, 30); plus 2-3.
    assertThat(footprint).isEqualTo(new ResourceBag(8, 400, 50, 0, 0));
  }

  @Test
  void update_thatOnlyRemoves_countsTheOldFootprint() {
    JobUpdateInstructions update = new JobUpdateInstructions()
        .setInitialState(Set.of(group(SMALL, 2, 3)));
    assertThat(tasks(4, SMALL).withUpdate(update).resources())
        .isEqualTo(new ResourceBag(4, 400, 40, 0, 0));
  }

  @Test
  void cronTemplate_countsItsInstances_orTheRunningTasksIfMore() {
    JobConfiguration template = new JobConfiguration().setTaskConfig(SMALL).setInstanceCount(2);
    assertThat(JobFootprint.NONE.withCron(template).resources())
        .isEqualTo(new ResourceBag(2, 200, 20, 0, 0));
    assertThat(tasks(3, SMALL).withCron(template).resources())
        .isEqualTo(new ResourceBag(3, 300, 30, 0, 0));
    JobConfiguration nonProd = new JobConfiguration()
        .setTaskConfig(prod(1, 1, 1).setProduction(false)).setInstanceCount(5);
    assertThat(JobFootprint.NONE.withCron(nonProd).resources()).isEqualTo(ResourceBag.EMPTY);
  }

  @Test
  void withMoreTasks_addsInstances() {
    assertThat(tasks(1, SMALL).withMoreTasks(Map.of(1, BIG, 2, BIG)).resources())
        .isEqualTo(new ResourceBag(5, 200, 30, 0, 0));
  }
}
