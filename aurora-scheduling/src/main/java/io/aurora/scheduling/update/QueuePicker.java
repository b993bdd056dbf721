package io.aurora.scheduling.update;

/**
 * The queue strategy: keep up to {@code groupSize} instances in flight, starting the next one as
 * soon as any finishes. No batches, so nothing to pause after.
 */
public record QueuePicker(int groupSize) implements InstancePicker {
  public QueuePicker {
    if (groupSize < 1) {
      throw new IllegalArgumentException("groupSize must be positive: " + groupSize);
    }
  }

  @Override
  public int startNow(int inFlight, int finished) {
    return Math.max(0, groupSize - inFlight);
  }

  @Override
  public boolean autopause() {
    return false;
  }
}
