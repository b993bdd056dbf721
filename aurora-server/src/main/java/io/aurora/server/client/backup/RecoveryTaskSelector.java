package io.aurora.server.client.backup;

import io.aurora.gen.TaskQuery;
import io.aurora.server.client.cli.ClientFailure;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The tasks a recovery verb acts on, as an operator names them: {@code ROLE}, {@code ROLE/ENV} or
 * {@code ROLE/ENV/NAME}, and task ids; no selector and no ids means every task.
 */
final class RecoveryTaskSelector {
  private RecoveryTaskSelector() {}

  static TaskQuery query(Optional<String> selector, List<String> taskIds) {
    TaskQuery query = new TaskQuery();
    if (selector.isPresent()) {
      String[] parts = selector.get().split("/", -1);
      if (parts.length > 3 || List.of(parts).stream().anyMatch(String::isEmpty)) {
        throw ClientFailure.invalidParameter("expected ROLE, ROLE/ENV or ROLE/ENV/NAME, got '"
            + selector.get() + "'");
      }
      query.setRole(parts[0]);
      if (parts.length > 1) {
        query.setEnvironment(parts[1]);
      }
      if (parts.length > 2) {
        query.setJobName(parts[2]);
      }
    }
    if (taskIds != null && !taskIds.isEmpty()) {
      query.setTaskIds(new LinkedHashSet<>(taskIds));
    }
    return query;
  }

  static boolean selectsAll(TaskQuery query) {
    return !query.isSetRole() && !query.isSetTaskIds();
  }
}
