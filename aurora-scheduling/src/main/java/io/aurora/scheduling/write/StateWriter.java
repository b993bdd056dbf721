package io.aurora.scheduling.write;

import io.aurora.storage.MutableStoreProvider;
import io.aurora.storage.Storage;
import java.util.Objects;

/**
 * The one way scheduling code changes stored state: {@link #write} runs the work in one storage
 * write with a fresh {@link StateChanges}, and once that write is durable hands the changes to the
 * {@link AfterCommit} actions (work that changes no task leaves them empty). If the work or the write fails, nothing it did is kept and no
 * action runs.
 *
 * <p>No batching here: concurrent writers simply call {@link #write}, and the durable storage
 * commits the transactions that arrive together in one log append (group commit).
 */
public final class StateWriter {
  /** Work done in one write: reads and changes {@code stores}, records its changes in {@code out}. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(MutableStoreProvider stores, StateChanges out);
  }

  private final Storage storage;
  private final StateManager stateManager;
  private final AfterCommit afterCommit;

  public StateWriter(Storage storage, StateManager stateManager, AfterCommit afterCommit) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.stateManager = Objects.requireNonNull(stateManager, "stateManager");
    this.afterCommit = Objects.requireNonNull(afterCommit, "afterCommit");
  }

  /**
   * Runs {@code work} in one write; returns its result once durable and acted on. Not to be called
   * from inside another write's work: the inner write would join the outer transaction and act on
   * its changes before they are durable.
   */
  public <T> T write(Work<T> work) {
    Objects.requireNonNull(work, "work");
    StateChanges changes = new StateChanges();
    T result = storage.write(stores -> work.apply(stores, changes));
    afterCommit.afterCommit(changes);
    return result;
  }

  /** The transitions the work performs, for work that needs them. */
  public StateManager stateManager() {
    return stateManager;
  }

  /** The storage written to (reads outside a write go here too). */
  public Storage storage() {
    return storage;
  }
}
