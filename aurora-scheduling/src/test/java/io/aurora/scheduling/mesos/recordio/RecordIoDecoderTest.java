package io.aurora.scheduling.mesos.recordio;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordIoDecoderTest {
  /** The heartbeat record from the Mesos scheduler HTTP API documentation. */
  private static final String HEARTBEAT = "20\n{\"type\":\"HEARTBEAT\"}";

  private final RecordIoDecoder decoder = new RecordIoDecoder(1 << 20);

  @Test
  void decode_docHeartbeatExample() {
    List<byte[]> records = decoder.decode(HEARTBEAT.getBytes(UTF_8));
    assertThat(records).hasSize(1);
    assertThat(new String(records.get(0), UTF_8)).isEqualTo("{\"type\":\"HEARTBEAT\"}");
    assertThat(decoder.atRecordBoundary()).isTrue();
  }

  @Test
  void encode_matchesDocExample() {
    assertThat(new String(RecordIoEncoder.encode("{\"type\":\"HEARTBEAT\"}".getBytes(UTF_8)), UTF_8))
        .isEqualTo(HEARTBEAT);
  }

  @Test
  void decode_oneByteAtATime() {
    byte[] stream = (HEARTBEAT + HEARTBEAT).getBytes(UTF_8);
    List<byte[]> records = new ArrayList<>();
    for (int i = 0; i < stream.length; i++) {
      records.addAll(decoder.decode(stream, i, 1));
      if (i == 2) {
        assertThat(decoder.atRecordBoundary()).isFalse();
      }
    }
    assertThat(records).hasSize(2);
  }

  @Test
  void decode_randomChunking_roundTripsRandomRecords() {
    Random random = new Random(42);
    List<byte[]> sent = new ArrayList<>();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (int i = 0; i < 200; i++) {
      byte[] record = new byte[1 + random.nextInt(3000)];
      random.nextBytes(record);   // binary, may contain '\n' and digits: framing must not care
      sent.add(record);
      stream.writeBytes(RecordIoEncoder.encode(record));
    }
    byte[] all = stream.toByteArray();
    List<byte[]> received = new ArrayList<>();
    int pos = 0;
    while (pos < all.length) {
      int n = Math.min(all.length - pos, 1 + random.nextInt(5000));
      received.addAll(decoder.decode(all, pos, n));
      pos += n;
    }
    assertThat(received).hasSameSizeAs(sent);
    for (int i = 0; i < sent.size(); i++) {
      assertThat(received.get(i)).isEqualTo(sent.get(i));
    }
  }

  @Test
  void decode_rejectsZeroLength() {
    assertThatThrownBy(() -> decoder.decode("0\n".getBytes(UTF_8)))
        .isInstanceOf(RecordIoException.class).hasMessageContaining("outside");
  }

  @Test
  void decode_rejectsNonDigitHeader_andStaysFailed() {
    assertThatThrownBy(() -> decoder.decode("2x\n{}".getBytes(UTF_8)))
        .isInstanceOf(RecordIoException.class).hasMessageContaining("0x78");
    assertThatThrownBy(() -> decoder.decode(HEARTBEAT.getBytes(UTF_8)))
        .isInstanceOf(RecordIoException.class).hasMessageContaining("already failed");
  }

  @Test
  void decode_rejectsEmptyHeader() {
    assertThatThrownBy(() -> decoder.decode("\n".getBytes(UTF_8)))
        .isInstanceOf(RecordIoException.class).hasMessageContaining("empty");
  }

  @Test
  void decode_rejectsTooLongRecordBeforeBuffering() {
    RecordIoDecoder small = new RecordIoDecoder(10);
    assertThatThrownBy(() -> small.decode("11\n".getBytes(UTF_8)))
        .isInstanceOf(RecordIoException.class).hasMessageContaining("11 outside 1..10");
    assertThatThrownBy(() -> new RecordIoDecoder(1 << 20).decode(
        "99999999999999999999999\n".getBytes(UTF_8)))
        .isInstanceOf(RecordIoException.class);
  }

  @Test
  void encode_rejectsEmptyRecord() {
    assertThatThrownBy(() -> RecordIoEncoder.encode(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
