package io.aurora.server.client;

import io.aurora.server.client.cli.ClientContext;
import io.aurora.scheduling.testing.FakeClock;
import io.aurora.server.client.cli.SchedulerHandle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs {@code bin/aurora} command lines in-process against a {@link ScriptedScheduler}: output and
 * errors are captured, pauses are recorded instead of slept (each moves the harness's clock on by
 * its length), update ids and the local time zone are fixed, and whether stdout is a terminal is
 * the test's choice.
 */
public final class ClientHarness {
  /** The update id every {@code update start} of this harness sends. */
  public static final UUID UPDATE_ID = UUID.fromString("11111111-2222-3333-4444-555555555555");
  /** The web base the fake scheduler reports. */
  public static final URI WEB = URI.create("http://scheduler.example:8081/");
  /** The user's time zone in every harness: not the machine's, so outputs are the same anywhere. */
  public static final ZoneId LOCAL_ZONE = ZoneId.of("Europe/Paris");
  /** The harness clock's time before any pause: 2023-11-14T23:13:20Z. */
  public static final Instant NOW = Instant.ofEpochMilli(1_700_003_600_000L);

  public final FakeClock clock = new FakeClock(NOW);

  public final ScriptedScheduler scheduler = new ScriptedScheduler();
  public final List<Duration> pauses = new ArrayList<>();
  public final List<Optional<String>> clusters = new ArrayList<>();
  private final boolean interactive;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  public ClientHarness() {
    this(false);
  }

  public ClientHarness(boolean interactive) {
    this.interactive = interactive;
  }

  /** Runs one command line; returns its exit status. */
  public int run(String... args) {
    ClientContext context = new ClientContext(
        cluster -> {
          clusters.add(cluster);
          return new SchedulerHandle(scheduler.iface(), WEB);
        },
        new PrintWriter(out, true), new PrintWriter(err, true), interactive,
        pause -> {
          pauses.add(pause);
          clock.advance(pause);
        }, () -> UPDATE_ID, LOCAL_ZONE, clock);
    return AuroraClient.commandLine(new ConnectionOptions(), context).execute(args);
  }

  /** How many times a command looked up a scheduler. */
  public int connects() {
    return clusters.size();
  }

  public String out() {
    return out.toString();
  }

  public String err() {
    return err.toString();
  }
}
