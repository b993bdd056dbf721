package io.aurora.scheduling.update;

import java.util.List;

/**
 * The batch strategies: instances go in batches, and the next batch starts only when every
 * instance of the current one has finished. {@code sizes} are the successive batch sizes, the last
 * one repeating: one size is Aurora's batch strategy, several its variable batch strategy.
 *
 * <p>Which batch comes next is worked out from the number of finished instances, so a batch
 * interrupted (by a failover that forgets instances finished without events) resumes with what
 * is left of it rather than a whole new batch.
 */
public record BatchPicker(List<Integer> sizes, boolean autopause) implements InstancePicker {
  public BatchPicker {
    sizes = List.copyOf(sizes);
    if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1)) {
      throw new IllegalArgumentException("batch sizes must be positive and not empty: " + sizes);
    }
  }

  @Override
  public int startNow(int inFlight, int finished) {
    if (inFlight > 0) {
      return 0;
    }
    long batchEnd = 0;
    int i = 0;
    while (true) {
      batchEnd += sizes.get(Math.min(i, sizes.size() - 1));
      if (batchEnd > finished) {
        return (int) (batchEnd - finished);
      }
      if (i >= sizes.size() - 1) {
        // Only the last size repeats from here: jump to the batch that holds `finished`.
        long last = sizes.get(sizes.size() - 1);
        long behind = finished - batchEnd;
        return (int) (last - behind % last);
      }
      i++;
    }
  }
}
