package io.aurora.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class InMemoryLogTest {
  private final InMemoryLog log = new InMemoryLog();

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void append_returnsIncreasingPositions_andReadReturnsThem() throws Exception {
    Writer w = log.elect();
    Position p1 = w.append(b("a")).get();
    Position p2 = w.append(b("b")).get();
    assertThat(p2).isGreaterThan(p1);
    Reader r = log.reader();
    assertThat(r.beginning()).isEqualTo(Position.of(1));
    assertThat(r.ending()).isEqualTo(p2);
    assertThat(r.read(r.beginning(), r.ending()))
        .containsExactly(new Entry(p1, b("a")), new Entry(p2, b("b")));
  }

  @Test
  void emptyLog_endsBeforeItBegins() throws Exception {
    Reader r = log.reader();
    assertThat(r.ending()).isEqualTo(Position.NONE);
    assertThat(r.read(r.beginning(), r.ending())).isEmpty();
  }

  @Test
  void electingAgain_demotesTheOldWriter() throws Exception {
    Writer old = log.elect();
    old.append(b("a")).get();
    Writer fresh = log.elect();
    assertThat(old.isActive()).isFalse();
    assertThatThrownBy(() -> old.append(b("x")).get())
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(WriterFailedException.class);
    assertThat(fresh.append(b("b")).get()).isEqualTo(Position.of(2));
  }

  @Test
  void truncate_removesEarlierEntries_andReadsBelowFail() throws Exception {
    Writer w = log.elect();
    w.append(b("a")).get();
    Position keep = w.append(b("b")).get();
    Position t = w.truncate(keep).get();
    Reader r = log.reader();
    assertThat(r.beginning()).isEqualTo(keep);
    assertThat(r.read(keep, t)).containsExactly(new Entry(keep, b("b")));
    assertThatThrownBy(() -> r.read(Position.of(1), keep))
        .isInstanceOf(TruncatedPositionException.class);
  }

  @Test
  void follow_deliversBacklogThenNewEntriesInOrder() throws Exception {
    Writer w = log.elect();
    w.append(b("a")).get();
    List<String> seen = new ArrayList<>();
    Reader.Subscription s = log.reader().follow(Position.of(1),
        e -> seen.add(new String(e.data(), StandardCharsets.UTF_8)), e -> seen.add("error"));
    w.append(b("b")).get();
    s.close();
    w.append(b("c")).get();
    assertThat(seen).containsExactly("a", "b");
  }

  @Test
  void follow_thatFallsBehindATruncation_endsWithTruncatedPosition() throws Exception {
    List<Runnable> queued = new ArrayList<>();
    InMemoryLog lagging = new InMemoryLog(queued::add);
    Writer w = lagging.elect();
    List<Object> seen = new ArrayList<>();
    lagging.reader().follow(Position.of(1), e -> seen.add(e.position()), seen::add);
    w.append(b("a")).get();
    Position kept = w.append(b("b")).get();
    w.truncate(kept).get();
    while (!queued.isEmpty()) {
      queued.remove(0).run();
    }
    assertThat(seen).singleElement().isInstanceOf(TruncatedPositionException.class);
  }

  @Test
  void closedLog_failsAppendsWithLogClosed() throws Exception {
    Writer w = log.elect();
    log.close();
    assertThatThrownBy(() -> w.append(b("a")).get()).hasCauseInstanceOf(LogClosedException.class);
    assertThatThrownBy(log::elect).isInstanceOf(LogClosedException.class);
  }

  @Test
  void quorumMisconfigured_namesTheRightQuorum() {
    QuorumMisconfiguredException e = new QuorumMisconfiguredException(2, 5);
    assertThat(e.requiredQuorum()).isEqualTo(3);
    assertThat(e.getMessage()).contains("-native_log_quorum_size=3");
  }
}
