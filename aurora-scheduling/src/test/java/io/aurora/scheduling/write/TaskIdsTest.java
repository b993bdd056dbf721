package io.aurora.scheduling.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.api.JobKeys;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskIdsTest {
  @Test
  void newId_followsAuroraFormat_andReplacesUnsafeCharacters() {
    UUID uuid = new UUID(1, 2);
    String id = new TaskIds(() -> uuid).newId(JobKeys.from("www.data", "prod", "hello"), 7);
    assertThat(id).isEqualTo("www-data-prod-hello-7-" + uuid);
    assertThat(id).matches("[\\w-]+");
  }
}
