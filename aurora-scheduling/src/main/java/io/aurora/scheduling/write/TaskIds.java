package io.aurora.scheduling.write;

import io.aurora.gen.JobKey;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Aurora's task id format: {@code <role>-<env>-<name>-<instanceId>-<UUID>}. */
public final class TaskIds {
  private static final Pattern UNSAFE = Pattern.compile("[^\\w-]");

  private final Supplier<UUID> uuids;

  /** Ids with random UUIDs. */
  public TaskIds() {
    this(UUID::randomUUID);
  }

  /** Ids with UUIDs from {@code uuids} (tests pass a seeded source). */
  public TaskIds(Supplier<UUID> uuids) {
    this.uuids = uuids;
  }

  /** A new id for an instance of {@code job}; characters outside {@code [\w-]} become {@code -}. */
  public String newId(JobKey job, int instanceId) {
    String raw = job.getRole() + "-" + job.getEnvironment() + "-" + job.getName() + "-"
        + instanceId + "-" + uuids.get();
    return UNSAFE.matcher(raw).replaceAll("-");
  }
}
