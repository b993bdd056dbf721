package io.aurora.server.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataSizeTest {
  @Test
  void parse_usesBinaryUnits() {
    assertThat(DataSize.parse("512KB").bytes()).isEqualTo(512L * 1024);
    assertThat(DataSize.parse("128MB").bytes()).isEqualTo(128L << 20);
    assertThat(DataSize.parse("1GB").bytes()).isEqualTo(1L << 30);
    assertThat(DataSize.parse("2TB").bytes()).isEqualTo(2L << 40);
    assertThat(DataSize.parse("100B").bytes()).isEqualTo(100);
    assertThat(DataSize.parse("100").bytes()).isEqualTo(100);
    assertThat(DataSize.parse("128 mb").bytes()).isEqualTo(128L << 20);
  }

  @Test
  void parse_rejectsBadText() {
    for (String bad : new String[] {"1XB", "MB", "-1MB", "1.5GB", "", "99999999999TB"}) {
      assertThatThrownBy(() -> DataSize.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void toString_usesLargestExactUnit() {
    assertThat(DataSize.ofMegabytes(128)).hasToString("128MB");
    assertThat(DataSize.ofBytes(512 * 1024)).hasToString("512KB");
    assertThat(DataSize.ofBytes(1536)).hasToString("1536B");
    assertThat(DataSize.ofBytes(0)).hasToString("0B");
    assertThat(DataSize.parse("1GB")).hasToString("1GB");
  }

  @Test
  void negativeSize_isRejected() {
    assertThatThrownBy(() -> DataSize.ofBytes(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
