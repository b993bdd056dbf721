package io.aurora.server.client.cli;

/**
 * The exit statuses of {@code bin/aurora}: Aurora's client's table (its {@code EXIT_*} constants),
 * so scripts written against Aurora's client read ours the same way.
 */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** The command line could not be parsed (picocli's usage errors). */
  public static final int USAGE = 2;
  /** A job file, its settings or a cluster are wrong. */
  public static final int INVALID_CONFIGURATION = 3;
  /**
   * The command ran but its goal was not reached (an update rolled back, kill batches or restarted
   * instances failed beyond {@code --max-total-failures}, a created job has no tasks), or a job
   * file is used with the wrong verb: no cronSchedule for {@code cron schedule}, one for {@code
   * job create} or {@code update start} (Aurora's client's "cron misuse").
   */
  public static final int COMMAND_FAILURE = 4;
  /**
   * An argument names nothing usable (no such job or active instance, no such update, no active
   * update, no such cron job), or a number option is out of range ({@code job kill}, {@code job
   * restart}, {@code job add}).
   */
  public static final int INVALID_PARAMETER = 6;
  /** The scheduler could not be reached or answered garbage. */
  public static final int NETWORK_ERROR = 7;
  /** A wait ran out of time ({@code job kill --no-batching}: tasks not ended in time). */
  public static final int TIMEOUT = 9;
  /** The scheduler answered with a response code other than OK. */
  public static final int API_ERROR = 10;
  /** An update ended ABORTED, ERROR or FAILED, or something unexpected happened. */
  public static final int UNKNOWN_ERROR = 20;
  /** The scheduler refused our credentials (HTTP 401 or 403). */
  public static final int AUTH_ERROR = 30;
  /** The command was interrupted. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
