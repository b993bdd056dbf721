package io.aurora.scheduling.update;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.BatchJobUpdateStrategy;
import io.aurora.gen.JobUpdateStrategy;
import io.aurora.gen.QueueJobUpdateStrategy;
import io.aurora.gen.VariableBatchJobUpdateStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstancePickerTest {
  @Test
  void queue_keepsGroupSizeInFlight() {
    InstancePicker q = InstancePicker.of(JobUpdateStrategy.queueStrategy(
        new QueueJobUpdateStrategy(3)));
    assertThat(q.startNow(0, 0)).isEqualTo(3);
    assertThat(q.startNow(2, 1)).isEqualTo(1);
    assertThat(q.startNow(3, 5)).isZero();
    assertThat(q.autopause()).isFalse();
  }

  @Test
  void batch_startsAWholeBatchOnlyWhenNothingIsInFlight() {
    InstancePicker b = InstancePicker.of(JobUpdateStrategy.batchStrategy(
        new BatchJobUpdateStrategy(3, true)));
    assertThat(b.startNow(0, 0)).isEqualTo(3);
    assertThat(b.startNow(1, 2)).isZero();
    assertThat(b.startNow(0, 3)).isEqualTo(3);
    // A batch left half done (a failover forgot instances finished without events) is completed.
    assertThat(b.startNow(0, 4)).isEqualTo(2);
    assertThat(b.autopause()).isTrue();
  }

  @Test
  void variableBatch_goesThroughTheSizes_andRepeatsTheLast() {
    InstancePicker v = InstancePicker.of(JobUpdateStrategy.varBatchStrategy(
        new VariableBatchJobUpdateStrategy(List.of(1, 2, 5), false)));
    assertThat(v.startNow(0, 0)).isEqualTo(1);
    assertThat(v.startNow(0, 1)).isEqualTo(2);
    assertThat(v.startNow(0, 3)).isEqualTo(5);
    assertThat(v.startNow(0, 8)).isEqualTo(5);
    assertThat(v.startNow(0, 13)).isEqualTo(5);
    assertThat(v.startNow(0, 10)).isEqualTo(3);
    assertThat(v.startNow(2, 8)).isZero();
  }
}
