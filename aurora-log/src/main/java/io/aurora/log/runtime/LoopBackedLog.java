package io.aurora.log.runtime;

import io.aurora.log.ElectionFailedException;
import io.aurora.log.LogClosedException;
import io.aurora.log.LogException;
import io.aurora.log.LogOptions;
import io.aurora.log.QuorumMisconfiguredException;
import io.aurora.log.Reader;
import io.aurora.log.ReplicatedLog;
import io.aurora.log.Writer;
import io.aurora.log.core.Status;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A {@link ReplicatedLog} backed by a running {@link ReplicaLoop}. */
public final class LoopBackedLog implements ReplicatedLog {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LoopBackedLog.class);
  private final ReplicaLoop loop;

  public LoopBackedLog(ReplicaLoop loop) {
    this.loop = loop;
  }

  /**
   * Tries up to {@code electionRetries} elections of {@code electionTimeout} each. A replica that is
   * still recovering waits between attempts; a misconfigured quorum fails at once.
   */
  @Override
  public Writer elect() throws LogException {
    LogOptions options = loop.options();
    long timeoutMs = options.electionTimeout().toMillis() + 4 * options.tickInterval().toMillis();
    LogException last = null;
    for (int attempt = 0; attempt < options.electionRetries(); attempt++) {
      if (loop.isClosed()) {
        throw new LogClosedException("log is closed");
      }
      try {
        long generation = loop.elect().get(timeoutMs, TimeUnit.MILLISECONDS);
        return new LoopWriter(loop, generation);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof QuorumMisconfiguredException
            || e.getCause() instanceof LogClosedException) {
          throw (LogException) e.getCause();
        }
        last = e.getCause() instanceof LogException le ? le
            : new LogException("election failed", e.getCause());
      } catch (TimeoutException e) {
        last = new ElectionFailedException("election did not finish within " + timeoutMs + " ms");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LogException("interrupted while electing", e);
      }
      LOG.info("election attempt {} of {} failed: {}", attempt + 1, options.electionRetries(),
          last.getMessage());
      backOff(options, loop.status() != Status.VOTING);
    }
    throw new ElectionFailedException("no election won in " + options.electionRetries()
        + " attempts: " + (last == null ? "" : last.getMessage()), last);
  }

  /** Waits on the loop's scheduler (not a sleep in logic): random, so duelling writers part. */
  private void backOff(LogOptions options, boolean recovering) throws LogException {
    long tick = options.tickInterval().toMillis();
    long delay = recovering ? Math.min(1000, options.electionTimeout().toMillis())
        : tick * (2 + ThreadLocalRandom.current().nextLong(6));
    try {
      loop.scheduler().schedule(() -> null, delay, TimeUnit.MILLISECONDS).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogException("interrupted while electing", e);
    } catch (ExecutionException | java.util.concurrent.RejectedExecutionException e) {
      throw new LogClosedException("log is closed");
    }
  }

  @Override
  public Reader reader() {
    return new LoopReader(loop);
  }

  /**
   * This replica's status: EMPTY, STARTING, RECOVERING or VOTING. Only a VOTING replica counts
   * towards a quorum; a replica restarted with an empty directory stays RECOVERING until it has
   * copied the log from a quorum.
   */
  public String replicaStatus() {
    return loop.status().name();
  }

  /** This replica's address as its peers know it. */
  public String replicaId() {
    return loop.self().value();
  }

  @Override
  public void close() {
    loop.close();
  }
}
