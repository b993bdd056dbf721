package io.aurora.http;

import io.aurora.http.redirect.LeaderEndpoint;
import io.aurora.http.redirect.LeaderLocator;
import java.util.Optional;

/** A leader view the test sets: leading, following a known leader, or no leader. */
public final class FakeLeaderLocator implements LeaderLocator {
  private volatile boolean leading;
  private volatile Optional<LeaderEndpoint> other = Optional.empty();

  public static FakeLeaderLocator leading() {
    FakeLeaderLocator l = new FakeLeaderLocator();
    l.lead();
    return l;
  }

  public void lead() {
    leading = true;
    other = Optional.empty();
  }

  public void follow(String host, int port) {
    leading = false;
    other = Optional.of(new LeaderEndpoint(host, port));
  }

  public void noLeader() {
    leading = false;
    other = Optional.empty();
  }

  @Override
  public boolean isLeader() {
    return leading;
  }

  @Override
  public Optional<LeaderEndpoint> otherLeader() {
    return other;
  }
}
