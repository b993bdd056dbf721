package io.aurora.storage.backup;

import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskQuery;
import io.aurora.gen.storage.Op;
import io.aurora.gen.storage.RemoveTasks;
import io.aurora.gen.storage.Snapshot;
import io.aurora.storage.StorageException;
import io.aurora.storage.mem.StoreState;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one backup staged for recovery: loaded whole into its own in-memory state, apart from the
 * live storage, where an operator can query it and delete tasks from it before committing it or
 * unloading it. Staging is all or nothing: a backup that cannot be read entirely (truncated,
 * corrupt, not a backup) leaves nothing staged. Thread-safe; calls are serialized.
 */
public final class RecoveryStage {
  /** What {@link #commit} hands over: the staged state and the backup's timestamp. */
  public record Staged(String backup, StoreState state, long timestampMs) {
    public Staged {
      Objects.requireNonNull(backup, "backup");
      Objects.requireNonNull(state, "state");
    }
  }

  /** Makes a staged state the live state; see {@code DurableStorage.restore}. */
  @FunctionalInterface
  public interface Committer {
    void commit(Staged staged);
  }

  private final BackupDirectory backups;
  private Staged staged;

  public RecoveryStage(BackupDirectory backups) {
    this.backups = Objects.requireNonNull(backups, "backups");
  }

  /** Loads backup {@code name} as the staged recovery. */
  public synchronized void stage(String name) {
    if (name == null || !name.startsWith(BackupDirectory.PREFIX) || name.contains("/")) {
      throw new RecoveryException("Not a backup name: " + name + " (names start with "
          + BackupDirectory.PREFIX + "; listBackups shows them)");
    }
    if (staged != null) {
      throw new RecoveryException("A recovery is already staged (" + staged.backup()
          + "); unload it before staging another");
    }
    if (!Files.isRegularFile(backups.dir().resolve(name))) {
      throw new RecoveryException("No backup named " + name + " in " + backups.dir()
          + " (listBackups shows the available ones)");
    }
    Snapshot snapshot;
    StoreState state;
    try {
      snapshot = backups.read(name);
      state = StoreState.fromSnapshot(snapshot);
    } catch (StorageException | IllegalStateException | IllegalArgumentException
        | NullPointerException e) {
      throw new RecoveryException("Backup " + name + " is truncated or corrupt; nothing was"
          + " staged: " + e.getMessage(), e);
    }
    staged = new Staged(name, state, snapshot.getTimestampMs());
  }

  /** The staged backup's name, if one is staged. */
  public synchronized Optional<String> stagedBackup() {
    return Optional.ofNullable(staged).map(Staged::backup);
  }

  /** The staged tasks {@code query} selects. */
  public synchronized List<ScheduledTask> query(TaskQuery query) {
    return requireStaged().state().stores().taskStore().fetchTasks(query);
  }

  /** Deletes the staged tasks {@code query} selects; returns how many. */
  public synchronized int deleteTasks(TaskQuery query) {
    Staged current = requireStaged();
    Set<String> ids = new LinkedHashSet<>();
    for (ScheduledTask task : current.state().stores().taskStore().fetchTasks(query)) {
      ids.add(task.getAssignedTask().getTaskId());
    }
    if (!ids.isEmpty()) {
      StoreState state = current.state();
      staged = new Staged(current.backup(),
          state.apply(List.of(Op.removeTasks(new RemoveTasks(ids))), state.logPosition()),
          current.timestampMs());
    }
    return ids.size();
  }

  /**
   * Hands the staged state to {@code committer}; once it returns, nothing is staged any more. If it
   * throws, the recovery stays staged.
   */
  public synchronized void commit(Committer committer) {
    Staged current = requireStaged();
    committer.commit(current);
    staged = null;
  }

  /** Discards the staged recovery, if any; returns the name of the backup it held. */
  public synchronized Optional<String> unload() {
    Optional<String> was = stagedBackup();
    staged = null;
    return was;
  }

  private Staged requireStaged() {
    if (staged == null) {
      throw new RecoveryException("No recovery is staged; stage a backup first");
    }
    return staged;
  }
}
