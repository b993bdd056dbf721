package io.aurora.log.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.log.transport.PeerAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaticReplicaGroupTest {
  @Test
  void parse_commaSeparatedList_andTellsTheListenerOnce() {
    StaticReplicaGroup group = StaticReplicaGroup.parse("h1:1, h2:2,,h1:1 ");
    Set<PeerAddress> expected = Set.of(new PeerAddress("h1", 1), new PeerAddress("h2", 2));
    assertThat(group.members()).isEqualTo(expected);

    List<Set<PeerAddress>> told = new ArrayList<>();
    group.start(told::add);
    assertThat(told).containsExactly(expected);
    group.close();
  }
}
