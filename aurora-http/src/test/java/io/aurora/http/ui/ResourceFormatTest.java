package io.aurora.http.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurora.gen.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceFormatTest {
  @Test
  void megabytes_useTheLargestUnitAboveOne_withTwoDecimals() {
    assertThat(ResourceFormat.megabytes(0)).isEqualTo("0.00MiB");
    assertThat(ResourceFormat.megabytes(512)).isEqualTo("512.00MiB");
    assertThat(ResourceFormat.megabytes(1536)).isEqualTo("1.50GiB");
    assertThat(ResourceFormat.megabytes(3L * 1024 * 1024)).isEqualTo("3.00TiB");
  }

  @Test
  void cpus_dropTrailingZeros() {
    assertThat(ResourceFormat.cpus(4)).isEqualTo("4");
    assertThat(ResourceFormat.cpus(0.1)).isEqualTo("0.1");
    assertThat(ResourceFormat.cpus(2.25)).isEqualTo("2.25");
  }

  @Test
  void totals_addUpEachKind_andIgnorePorts() {
    ResourceFormat.Totals t = ResourceFormat.of(List.of(Resource.numCpus(0.5), Resource.numCpus(1),
        Resource.ramMb(128), Resource.diskMb(64), Resource.namedPort("http")));
    assertThat(t).isEqualTo(new ResourceFormat.Totals(1.5, 128, 64));
    assertThat(t.times(2)).isEqualTo(new ResourceFormat.Totals(3, 256, 128));
  }

  @Test
  void quotaUse_isTheFullestDimension() {
    ResourceFormat.Totals quota = new ResourceFormat.Totals(4, 1024, 1024);
    assertThat(QuotaPanel.usePercent(new ResourceFormat.Totals(1, 768, 0), quota)).isEqualTo("75%");
    assertThat(QuotaPanel.usePercent(ResourceFormat.Totals.ZERO, ResourceFormat.Totals.ZERO))
        .isEqualTo("-");
    assertThat(QuotaPanel.usePercent(new ResourceFormat.Totals(1, 0, 0), ResourceFormat.Totals.ZERO))
        .isEqualTo("no quota");
  }
}
