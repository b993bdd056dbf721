package io.aurora.server.client;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global options that say where the scheduler is and how to speak to it. They are inherited,
 * so they may stand before or after the noun and verb ({@code aurora --zk=... job status ...} and
 * {@code aurora job status --zk=... ...} mean the same).
 */
public final class ConnectionOptions {
  /** The serverset path Aurora schedulers announce themselves under by default. */
  static final String DEFAULT_SERVERSET = "/aurora/scheduler";

  @Option(names = "--scheduler", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "The scheduler's base URL (default: $AURORA_SCHEDULER_URL, else "
          + "http://127.0.0.1:8081).")
  String scheduler;

  @Option(names = "--zk", paramLabel = "HOST:PORT,...", scope = ScopeType.INHERIT,
      description = "Find the leading scheduler in this ZooKeeper ensemble's serverset "
          + "(wins over --scheduler).")
  String zk;

  @Option(names = "--serverset", paramLabel = "PATH", scope = ScopeType.INHERIT,
      description = "The serverset path with --zk (default: " + DEFAULT_SERVERSET + ").")
  String serverset = DEFAULT_SERVERSET;

  @Option(names = "--binary", scope = ScopeType.INHERIT,
      description = "Speak Thrift's binary protocol instead of its JSON protocol.")
  boolean binary;

  // Not --user: 'aurora update list --user' (Aurora's filter by user) has that name.
  @Option(names = "--auth-user", paramLabel = "NAME", scope = ScopeType.INHERIT,
      description = "Send HTTP Basic credentials as this user (with --password-file); "
          + "without it, the scheduler host's entry in ~/.netrc is used, if any.")
  String user;

  @Option(names = "--password-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "A file whose first line is --auth-user's password.")
  java.nio.file.Path passwordFile;
}
