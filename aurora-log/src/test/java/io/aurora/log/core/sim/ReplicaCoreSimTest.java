package io.aurora.log.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Seeded simulations of the Paxos core. Each seed runs a few thousand steps of faults, then heals
 * everything and requires progress. A failure names its seed; rerun one with
 * {@code -Daurora.sim.seed=N}, or more seeds with {@code -Daurora.sim.seeds=N}.
 */
class ReplicaCoreSimTest {
  private static final int STEPS = Integer.getInteger("aurora.sim.steps", 3000);
  private static final int SETTLE_STEPS = 3000;
  private static final int CHECK_EVERY = Integer.getInteger("aurora.sim.checkEvery", 50);

  @Test
  void manySeeds_keepOneValuePerPosition_andEveryAcknowledgedWrite() {
    Long only = Long.getLong("aurora.sim.seed");
    int seeds = Integer.getInteger("aurora.sim.seeds", 100);
    long total = 0;
    long fromDisk = 0;
    for (long seed = only == null ? 1 : only; seed <= (only == null ? seeds : only); seed++) {
      SimWorld world = run(seed, seed % 2 == 0 ? 5 : 3);
      total += world.acked.size();
      fromDisk += world.events.getOrDefault("catchupFromDisk", 0);
    }
    assertThat(total).as("acknowledged writes over all seeds").isPositive();
    if (only == null) {
      assertThat(fromDisk).as("catch-up responses filled with evicted values from disk")
          .isPositive();
    }
  }

  private static void settle(SimWorld world, String how) {
    int i = 0;
    while (i < SETTLE_STEPS && !(world.ackedAfterHeal > 0 && world.settled())) {
      world.step();
      i++;
    }
    world.check();
    if (world.ackedAfterHeal == 0 || !world.settled()) {
      throw new AssertionError("no progress " + how + ": " + world.describe());
    }
  }

  private static SimWorld run(long seed, int replicas) {
    SimWorld world = new SimWorld(seed, replicas);
    try {
      for (int i = 0; i < STEPS; i++) {
        world.step();
        if (i % CHECK_EVERY == 0) {
          world.check();
        }
      }
      world.heal();
      world.restartAll();
      settle(world, "after healing");
      // A quorum alone must make progress.
      world.crashMinority();
      settle(world, "with only a quorum up");
      // Then everyone comes back and learns everything.
      world.restartAll();
      settle(world, "with every replica back");
      if (!world.allUp()) {
        throw new AssertionError("not every replica is up: " + world.describe());
      }
      return world;
    } catch (RuntimeException | AssertionError e) {
      throw new AssertionError("simulation failed, replay with -Daurora.sim.seed=" + seed + ": "
          + world.describe(), e);
    }
  }
}
