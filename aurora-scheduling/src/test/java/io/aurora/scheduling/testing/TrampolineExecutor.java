package io.aurora.scheduling.testing;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks on the caller's thread, at once, except that a task submitted while another runs
 * waits until that one has finished (and then runs on the same thread): like a single-thread
 * executor, without the thread. Tests stay synchronous, and work that asks for more work (an
 * evaluation pass whose write asks for another pass) does not nest.
 */
public final class TrampolineExecutor implements Executor {
  private final Queue<Runnable> queue = new ArrayDeque<>();
  private boolean running;

  @Override
  public void execute(Runnable task) {
    synchronized (this) {
      queue.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    try {
      while (true) {
        Runnable next;
        synchronized (this) {
          next = queue.poll();
          if (next == null) {
            running = false;
            return;
          }
        }
        next.run();
      }
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        running = false;
      }
      throw e;
    }
  }
}
