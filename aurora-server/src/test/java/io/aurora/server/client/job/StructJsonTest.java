package io.aurora.server.client.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.gen.Constraint;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.JobKey;
import io.aurora.gen.LimitConstraint;
import io.aurora.gen.Resource;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskConstraint;
import io.aurora.gen.TaskEvent;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON of Thrift structs for {@code --write-json}, and the field diff built on it. */
class StructJsonTest {
  @Test
  void of_writesSetFieldsInIdlOrder_enumsByName_unionsAsOneField_setsSorted() {
    TaskConfig config = new TaskConfig().setJob(new JobKey("www", "prod", "hello"))
        .setIsService(true)
        .setResources(new LinkedHashSet<>(List.of(Resource.ramMb(64), Resource.numCpus(0.5))))
        .setConstraints(new LinkedHashSet<>(List.of(new Constraint("host",
            TaskConstraint.limit(new LimitConstraint(1))))));

    assertThat(StructJson.compact(StructJson.of(config))).startsWith(
        "{\"job\":{\"role\":\"www\",\"environment\":\"prod\",\"name\":\"hello\"},"
            + "\"isService\":true,")
        .contains("\"resources\":[{\"numCpus\":0.5},{\"ramMb\":64}]")
        .contains("\"constraints\":[{\"name\":\"host\",\"constraint\":{\"limit\":{\"limit\":1}}}]")
        .doesNotContain("\"tier\"");
    assertThat(StructJson.compact(StructJson.of(new TaskEvent(5, ScheduleStatus.KILLED))))
        .isEqualTo("{\"timestamp\":5,\"status\":\"KILLED\"}");
  }

  @Test
  void pretty_isLaidOutAsPythonsJsonDumpsWithIndentTwo() throws Exception {
    JsonNode node = new ObjectMapper().readTree("{\"a\":[1,{\"b\":[]}],\"c\":{}}");

    assertThat(StructJson.pretty(node)).isEqualTo(String.join(System.lineSeparator(),
        "{", "  \"a\": [", "    1,", "    {", "      \"b\": []", "    }", "  ],", "  \"c\": {}",
        "}"));
  }

  @Test
  void taskConfigDiff_readsThermosDataAsJson_andReportsAddedAndRemovedFields() {
    TaskConfig before = new TaskConfig().setPriority(0).setExecutorConfig(
        new ExecutorConfig("AuroraExecutor", "{\"task\":{\"name\":\"a\",\"max_failures\":1}}"));
    TaskConfig after = before.deepCopy().setTier("preferred");
    after.getExecutorConfig().setData("{\"task\":{\"name\":\"b\"}}");

    List<TaskConfigDiff.Change> changes = TaskConfigDiff.between(before, after);

    assertThat(changes).extracting(TaskConfigDiff.Change::field).containsExactly(
        "executorConfig.data.task.name", "executorConfig.data.task.max_failures", "tier");
    assertThat(changes.get(1).after()).isEmpty();
    assertThat(changes.get(2).before()).isEmpty();
    assertThat(TaskConfigDiff.between(before, before.deepCopy())).isEmpty();
  }

  @Test
  void taskConfigDiff_dataThatIsNotJson_isOneLeaf() {
    TaskConfig before = new TaskConfig().setExecutorConfig(new ExecutorConfig("x", "blob-1"));
    TaskConfig after = new TaskConfig().setExecutorConfig(new ExecutorConfig("x", "blob-2"));

    assertThat(TaskConfigDiff.between(before, after)).extracting(TaskConfigDiff.Change::field)
        .containsExactly("executorConfig.data");
  }
}
