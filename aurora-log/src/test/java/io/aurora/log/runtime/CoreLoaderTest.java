package io.aurora.log.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.HostAndPort;
import io.aurora.log.LogOptions;
import io.aurora.log.codec.RecordCodec;
import io.aurora.log.core.ReplicaMetadata;
import io.aurora.log.core.ReplicaCore;
import io.aurora.log.core.ReplicaId;
import io.aurora.log.core.Slot;
import io.aurora.log.core.Status;
import io.aurora.log.core.Value;
import io.aurora.log.core.quorum.Ballot;
import io.aurora.log.storage.MemoryLogStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoreLoaderTest {
  private static final HostAndPort SELF = HostAndPort.fromParts("127.0.0.1", 1);
  private static final ReplicaId ID = ReplicaId.of("127.0.0.1:1");

  @Test
  void load_keepsOnlyTheConfiguredLatestLearnedValuesInMemory() {
    Ballot b = new Ballot(3, "x#i0");
    MemoryLogStorage storage = new MemoryLogStorage();
    storage.putMetadata(RecordCodec.encodeMetadata(
        new ReplicaMetadata(Status.VOTING, "i0", b, 1, 100, 0, Set.of(ID))));
    for (long p = 1; p <= 102; p++) {
      storage.put(p, RecordCodec.encodeSlot(new Slot(p, b,
          Value.append(("v" + p).getBytes(StandardCharsets.UTF_8)))));
    }
    LogOptions options = LogOptions.of(1, Path.of("unused"), SELF, List.of(SELF))
        .withLearnedValuesInMemory(10);
    assertThat(CoreLoader.config(options, ID).learnedValuesInMemory()).isEqualTo(10);

    ReplicaCore core = CoreLoader.load(options, ID, storage);
    assertThat(core.learnedUpTo()).isEqualTo(100);
    assertThat(core.learnedInMemoryFrom()).isEqualTo(91);
    assertThat(core.learnedValue(90)).isEmpty();
    assertThat(core.learnedValue(91))
        .contains(Value.append("v91".getBytes(StandardCharsets.UTF_8)));
    assertThat(CoreLoader.load(LogOptions.of(1, Path.of("unused"), SELF, List.of(SELF)), ID,
        storage).learnedInMemoryFrom()).as("the default keeps all 100").isEqualTo(1);
  }
}
