package io.aurora.scheduling.timer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Consumer;

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
  private volatile Consumer<Instant> onEarliest = due -> { };

  /**
   * Calls {@code listener} with a timer's due time whenever a newly scheduled timer is due before
   * every other pending one, outside the lock: the owner of the clock can then run
   * {@link #runDue} right at that time instead of at its next periodic check.
   */
  public void onEarliest(Consumer<Instant> listener) {
    this.onEarliest = Objects.requireNonNull(listener, "listener");
  }

  /** Schedules {@code action} to run at or after {@code due}. */
  public void schedule(Instant due, Runnable action) {
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(action, "action");
    boolean earliest;
    synchronized (this) {
      Timer timer = new Timer(due, seq++, action);
      timers.add(timer);
      earliest = timers.peek() == timer;
    }
    if (earliest) {
      onEarliest.accept(due);
    }
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

  /**
   * Moves every pending timer by {@code by}: after the wall clock jumped by {@code by}, timers
   * keep the time left until they are due (see {@link ClockJumps}). Order is unchanged.
   */
  public synchronized void shift(Duration by) {
    if (by.isZero() || timers.isEmpty()) {
      return;
    }
    List<Timer> all = new ArrayList<>(timers);
    timers.clear();
    for (Timer t : all) {
      timers.add(new Timer(t.due().plus(by), t.seq(), t.action()));
    }
  }

  /** Number of pending timers. */
  public synchronized int size() {
    return timers.size();
  }
}
