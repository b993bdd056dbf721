package io.aurora.scheduling.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdateOrderTest {
  // Before: 0, 1, 2, 5, 6; after: 0..4. Added 3, 4; updated 0, 1, 2; removed 5, 6.
  private static final Set<Integer> INITIAL = Set.of(6, 0, 5, 2, 1);
  private static final Set<Integer> DESIRED = Set.of(4, 3, 2, 1, 0);

  @Test
  void forward_addsFirst_thenUpdates_thenRemoves() {
    assertThat(UpdateOrder.forward(INITIAL, DESIRED)).containsExactly(3, 4, 0, 1, 2, 5, 6);
  }

  @Test
  void rollback_recreatesRemovedFirst_revertsUpdatedFromTheTop_thenKillsAdded() {
    assertThat(UpdateOrder.rollback(INITIAL, DESIRED)).containsExactly(6, 5, 2, 1, 0, 4, 3);
  }
}
