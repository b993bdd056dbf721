package io.aurora.scheduling.timer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Timers as data: actions due at instants, run by whoever calls {@link #runDue} with the current
 * time (a periodic executor in production, the test after advancing its clock). Thread-safe;
 * actions run on the caller's thread, outside the lock.
 */
public final class TimerQueue {
  private record Timer(Instant due, long seq, Runnable action) {}

  private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> {
    int c = a.due().compareTo(b.due());
    return c != 0 ? c : Long.compare(a.seq(), b.seq());
  });
  private long seq;

  /** Schedules {@code action} to run at or after {@code due}. */
  public synchronized void schedule(Instant due, Runnable action) {
    timers.add(new Timer(Objects.requireNonNull(due), seq++, Objects.requireNonNull(action)));
  }

  /** Runs every action due at {@code now} (including ones they schedule); returns how many. */
  public int runDue(Instant now) {
    int ran = 0;
    while (true) {
      List<Runnable> due = new ArrayList<>();
      synchronized (this) {
        while (!timers.isEmpty() && !timers.peek().due().isAfter(now)) {
          due.add(timers.poll().action());
        }
      }
      if (due.isEmpty()) {
        return ran;
      }
      for (Runnable r : due) {
        r.run();
        ran++;
      }
    }
  }

  /** Number of pending timers. */
  public synchronized int size() {
    return timers.size();
  }
}
