package io.aurora.log;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.net.HostAndPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to open a replica: parsed once (from the scheduler's {@code -native_log_*} flags) and handed to
 * the runtime.
 *
 * @param quorumSize how many replicas (this one included) must accept a write; must be a strict
 *     majority of all replicas that can ever run ({@code -native_log_quorum_size})
 * @param dataDir the replica's directory ({@code -native_log_file_path})
 * @param localAddress where this replica listens for its peers (see {@link #replicaAddress})
 * @param peers the other replicas, when discovery is static (may include this one; it is ignored)
 * @param zkGroupPath the ZooKeeper group the replicas register in ({@code -native_log_zk_group_path}),
 *     used instead of {@code peers} when present
 * @param electionTimeout how long one election attempt may take
 * @param electionRetries how many attempts {@link ReplicatedLog#elect()} makes
 * @param writeTimeout how long an append may wait for a quorum before it fails
 * @param readTimeout how long a catch-up read may wait
 * @param tickInterval how long one logical tick of the protocol lasts (retries, heartbeats)
 * @param learnedValuesInMemory how many of the latest learned entries a replica keeps in memory
 *     (for readers that follow the end of the log and for peers catching up); older entries are
 *     read back from disk, so memory no longer grows with the untruncated log
 */
public record LogOptions(
    int quorumSize,
    Path dataDir,
    HostAndPort localAddress,
    List<HostAndPort> peers,
    Optional<String> zkGroupPath,
    Duration electionTimeout,
    int electionRetries,
    Duration writeTimeout,
    Duration readTimeout,
    Duration tickInterval,
    int learnedValuesInMemory) {

  /** Learned entries kept in memory unless set otherwise (about 4 MiB of 1 KiB entries). */
  public static final int DEFAULT_LEARNED_VALUES_IN_MEMORY = 4096;

  /**
   * The length of one logical tick. Retries and heartbeats are counted in ticks, so this bounds how
   * soon a lost message is resent; 50 ms is well under the default timeouts (seconds) and costs a
   * few wake-ups a second. Aurora's log has no such setting, so it is not a flag.
   */
  public static final Duration DEFAULT_TICK_INTERVAL = Duration.ofMillis(50);

  /**
   * One replica (quorum 1, no peers) in {@code ./log}, listening on 127.0.0.1 on any free port,
   * with Aurora's default timeouts: a single scheduler's durable log. Set the directory with
   * {@link #withDataDir}; a replicated setup sets {@link #withQuorum} and its address.
   */
  public static final LogOptions DEFAULTS = of(1, Path.of("log"),
      HostAndPort.fromParts("127.0.0.1", 0), List.of());

  public LogOptions {
    checkArgument(quorumSize >= 1, "quorum size must be >= 1: %s", quorumSize);
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(localAddress, "localAddress");
    peers = List.copyOf(peers);
    Objects.requireNonNull(zkGroupPath, "zkGroupPath");
    checkArgument(electionRetries >= 1, "election retries must be >= 1: %s", electionRetries);
    checkPositive(electionTimeout, "electionTimeout");
    checkPositive(writeTimeout, "writeTimeout");
    checkPositive(readTimeout, "readTimeout");
    checkPositive(tickInterval, "tickInterval");
    checkArgument(learnedValuesInMemory >= 1, "learned values in memory must be >= 1: %s",
        learnedValuesInMemory);
  }

  /** Options that keep {@link #DEFAULT_LEARNED_VALUES_IN_MEMORY} learned entries in memory. */
  public LogOptions(int quorumSize, Path dataDir, HostAndPort localAddress,
      List<HostAndPort> peers, Optional<String> zkGroupPath, Duration electionTimeout,
      int electionRetries, Duration writeTimeout, Duration readTimeout, Duration tickInterval) {
    this(quorumSize, dataDir, localAddress, peers, zkGroupPath, electionTimeout, electionRetries,
        writeTimeout, readTimeout, tickInterval, DEFAULT_LEARNED_VALUES_IN_MEMORY);
  }

  /**
   * Options with Aurora's default timeouts (election 15 s x 20 attempts, write 3 s, read 5 s) and
   * {@link #DEFAULT_TICK_INTERVAL}, for a static list of peers.
   */
  public static LogOptions of(int quorumSize, Path dataDir, HostAndPort localAddress,
      List<HostAndPort> peers) {
    return new LogOptions(quorumSize, dataDir, localAddress, peers, Optional.empty(),
        Duration.ofSeconds(15), 20, Duration.ofSeconds(3), Duration.ofSeconds(5),
        DEFAULT_TICK_INTERVAL);
  }

  /** These options with the replica's files in {@code dir}. */
  public LogOptions withDataDir(Path dir) {
    return new LogOptions(quorumSize, dir, localAddress, peers, zkGroupPath, electionTimeout,
        electionRetries, writeTimeout, readTimeout, tickInterval, learnedValuesInMemory);
  }

  /** These options listening for peers on {@code address} (port 0: any free port). */
  public LogOptions withLocalAddress(HostAndPort address) {
    return new LogOptions(quorumSize, dataDir, address, peers, zkGroupPath, electionTimeout,
        electionRetries, writeTimeout, readTimeout, tickInterval, learnedValuesInMemory);
  }

  /** These options with a quorum of {@code size} among this replica and a static {@code peers}. */
  public LogOptions withQuorum(int size, List<HostAndPort> peerAddresses) {
    return new LogOptions(size, dataDir, localAddress, peerAddresses, zkGroupPath,
        electionTimeout, electionRetries, writeTimeout, readTimeout, tickInterval,
        learnedValuesInMemory);
  }

  public LogOptions withZkGroupPath(String path) {
    return new LogOptions(quorumSize, dataDir, localAddress, List.of(), Optional.of(path),
        electionTimeout, electionRetries, writeTimeout, readTimeout, tickInterval,
        learnedValuesInMemory);
  }

  public LogOptions withTimeouts(Duration election, int retries, Duration write, Duration read) {
    return new LogOptions(quorumSize, dataDir, localAddress, peers, zkGroupPath, election, retries,
        write, read, tickInterval, learnedValuesInMemory);
  }

  public LogOptions withTickInterval(Duration tick) {
    return new LogOptions(quorumSize, dataDir, localAddress, peers, zkGroupPath, electionTimeout,
        electionRetries, writeTimeout, readTimeout, tick, learnedValuesInMemory);
  }

  /** These options keeping the latest {@code n} learned entries in memory (older ones on disk). */
  public LogOptions withLearnedValuesInMemory(int n) {
    return new LogOptions(quorumSize, dataDir, localAddress, peers, zkGroupPath, electionTimeout,
        electionRetries, writeTimeout, readTimeout, tickInterval, n);
  }

  /**
   * The replica address from {@code LIBPROCESS_IP}/{@code LIBPROCESS_PORT} in {@code env}, as Aurora
   * deployments set them, else {@code fallback}.
   */
  public static HostAndPort replicaAddress(Map<String, String> env, HostAndPort fallback) {
    String ip = env.get("LIBPROCESS_IP");
    String port = env.get("LIBPROCESS_PORT");
    String host = ip == null || ip.isBlank() ? fallback.getHost() : ip.trim();
    int p = port == null || port.isBlank() ? fallback.getPort() : Integer.parseInt(port.trim());
    return HostAndPort.fromParts(host, p);
  }

  private static void checkPositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    checkArgument(!d.isNegative() && !d.isZero(), "%s must be positive: %s", name, d);
  }
}
