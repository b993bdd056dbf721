package io.aurora.scheduling.assign;

import io.aurora.scheduling.filter.TaskRequest;
import java.util.List;
import java.util.Objects;

/**
 * Pending tasks that share one task config, in the order they should be placed.
 *
 * @param request what each task needs
 * @param taskIds the tasks' ids
 */
public record PendingGroup(TaskRequest request, List<String> taskIds) {
  public PendingGroup {
    Objects.requireNonNull(request, "request");
    taskIds = List.copyOf(taskIds);
  }
}
