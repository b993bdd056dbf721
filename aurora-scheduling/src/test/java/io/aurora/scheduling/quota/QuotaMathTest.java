package io.aurora.scheduling.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.Constraint;
import io.aurora.gen.Resource;
import io.aurora.gen.TaskConfig;
import io.aurora.gen.TaskConstraint;
import io.aurora.gen.ValueConstraint;
import io.aurora.scheduling.filter.Fixtures;
import io.aurora.scheduling.resources.ResourceBag;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuotaMathTest {
  static TaskConfig prod(double cpus, long ram, long disk) {
    return Fixtures.config("www", "web", cpus, ram, disk, "http").setProduction(true);
  }

  @Test
  void charged_countsOnlyProductionSharedCpuRamDisk() {
    TaskConfig prod = prod(0.5, 128, 10);
    prod.getResources().add(Resource.numGpus(2));
    assertThat(QuotaMath.charged(prod, 3)).isEqualTo(new ResourceBag(1.5, 384, 30, 0, 0));
    assertThat(QuotaMath.charged(prod(1, 1, 1).setProduction(false), 3)).isEqualTo(ResourceBag.EMPTY);
    TaskConfig dedicated = prod(1, 1, 1);
    dedicated.getConstraints().add(new Constraint("dedicated",
        TaskConstraint.value(new ValueConstraint(false, Set.of("www/web")))));
    assertThat(QuotaMath.charged(dedicated, 3)).isEqualTo(ResourceBag.EMPTY);
  }

  @Test
  void larger_isPerResource() {
    assertThat(QuotaMath.larger(new ResourceBag(2, 10, 5, 0, 0), new ResourceBag(1, 20, 5, 0, 0)))
        .isEqualTo(new ResourceBag(2, 20, 5, 0, 0));
  }

  @Test
  void shortage_namesEveryResourceOverAndByHowMuch() {
    ResourceBag quota = new ResourceBag(2, 1024, 100, 0, 0);
    assertThat(QuotaMath.shortage(quota, new ResourceBag(2, 1024, 100, 0, 0))).isEmpty();
    // Sums of 0.1 must not be refused by rounding.
    assertThat(QuotaMath.shortage(new ResourceBag(0.3, 0, 0, 0, 0),
        new ResourceBag(0.1 + 0.1 + 0.1, 0, 0, 0, 0))).isEmpty();
    assertThat(QuotaMath.shortage(quota, new ResourceBag(3.5, 1536, 100, 0, 0))).hasValue(
        "Insufficient resource quota: CPU quota exceeded by 1.5 cores (quota 2, would use 3.5); "
            + "RAM quota exceeded by 512 MB (quota 1024 MB, would use 1536 MB)");
    assertThat(QuotaMath.shortage(quota, new ResourceBag(0, 0, 101, 0, 0))).hasValue(
        "Insufficient resource quota: DISK quota exceeded by 1 MB (quota 100 MB, would use 101 MB)");
  }

  @Test
  void aggregate_roundTripsThreeResources() {
    ResourceBag bag = new ResourceBag(1.25, 512, 2048, 0, 0);
    assertThat(QuotaMath.aggregate(bag).getResources()).hasSize(3);
    assertThat(QuotaMath.of(QuotaMath.aggregate(bag))).isEqualTo(bag);
    assertThat(QuotaMath.of(null)).isEqualTo(ResourceBag.EMPTY);
  }

  @Test
  void grows_whenAnyResourceIncreases() {
    ResourceBag base = new ResourceBag(1, 10, 10, 0, 0);
    assertThat(QuotaMath.grows(base, base)).isFalse();
    assertThat(QuotaMath.grows(base, new ResourceBag(0.5, 5, 11, 0, 0))).isTrue();
    assertThat(QuotaMath.grows(base, new ResourceBag(0.5, 5, 5, 0, 0))).isFalse();
  }
}
