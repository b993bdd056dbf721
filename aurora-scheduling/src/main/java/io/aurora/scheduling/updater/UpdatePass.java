package io.aurora.scheduling.updater;

import io.aurora.gen.JobKey;
import io.aurora.gen.JobUpdateEvent;
import io.aurora.gen.JobUpdateStatus;
import io.aurora.scheduling.update.RoundResult;
import io.aurora.scheduling.update.UpdateProgress;
import io.aurora.scheduling.update.UpdateRound;
import io.aurora.scheduling.write.StateWriter;
import io.aurora.storage.StorageException;
import io.aurora.storage.StoreProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation pass over the updates that have marks: a round for each, decided first on a
 * read and, only if some round decided something, again inside one write that holds all their
 * kills, new tasks and events. Each round works on a copy of its update's progress made inside
 * the transaction (storage may run a write's work again), so nothing in memory changes here: the
 * caller takes the returned progress once the write is durable.
 */
final class UpdatePass {
  private static final Logger LOG = LoggerFactory.getLogger(UpdatePass.class);
  /** Aurora's message when a round fails unexpectedly. */
  static final String INTERNAL_ERROR = "Internal scheduler error";

  /** A round worked out, with the progress it leaves. */
  record Round(UpdateProgress progress, RoundResult result) {}

  /** What a pass decided, and whether it wrote. */
  record Outcome(Map<JobKey, Round> rounds, boolean wrote) {}

  private UpdatePass() {}

  /**
   * Runs a pass.
   *
   * @param work the rolling updates to evaluate, by job (left as they are)
   * @param marks what happened to their instances since the last pass
   */
  static Outcome run(StateWriter writer, Map<JobKey, UpdateProgress> work,
      DirtyInstances.Drained marks, long nowMs, SlaKillGate gate) {
    // Decide on a read first: a pass that decides nothing takes no write lock.
    Map<JobKey, Round> read =
        writer.storage().read(stores -> rounds(stores, work, marks, nowMs, gate));
    if (read.values().stream().allMatch(r -> r.result().writesNothing())) {
      return new Outcome(read, false);
    }
    Map<JobKey, Round> written = writer.write((stores, changes) -> {
      Map<JobKey, Round> rounds = rounds(stores, work, marks, nowMs, gate);
      rounds.values().forEach(r -> RoundWriter.write(stores, writer.stateManager(), changes,
          r.progress().key(), r.result()));
      return rounds;
    });
    return new Outcome(written, true);
  }

  private static Map<JobKey, Round> rounds(StoreProvider stores,
      Map<JobKey, UpdateProgress> work, DirtyInstances.Drained marks, long nowMs,
      SlaKillGate gate) {
    Map<JobKey, Round> out = new LinkedHashMap<>();
    work.forEach((job, original) -> {
      UpdateProgress p = original.copy();
      RoundResult result;
      try {
        result = gate.apply(stores, p, UpdateRound.run(p, marks.of(job),
            marks.all().contains(job), nowMs, UpdateStores.tasks(stores, job)), nowMs);
      } catch (StorageException e) {
        throw e;
      } catch (RuntimeException e) {
        // A bug must not stop every update: this one ends in ERROR, as in Aurora.
        LOG.error("Update {} failed unexpectedly", original.key().getId(), e);
        p = original.copy();
        p.moveTo(JobUpdateStatus.ERROR);
        result = new RoundResult(List.of(), List.of(), List.of(),
            List.of(new JobUpdateEvent(JobUpdateStatus.ERROR, nowMs).setMessage(INTERNAL_ERROR)),
            Map.of(), false);
      }
      out.put(job, new Round(p, result));
    });
    return out;
  }
}
