package io.aurora.gen;

import static io.aurora.gen.ThriftStructs.roundTrip;
import static io.aurora.gen.ThriftStructs.unsetFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.thrift.TBase;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TJSONProtocol;
import org.apache.thrift.protocol.TProtocolFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every main API struct, fully populated, survives TBinaryProtocol (the Thrift TCP port, the log)
 * and TJSONProtocol (the /api HTTP endpoint used by Aurora's Python client) unchanged.
 */
class ApiRoundTripTest {

  static Stream<Arguments> structsAndProtocols() {
    Stream<TBase<?, ?>> structs = Stream.of(
        FullyPopulated.taskConfig(),
        FullyPopulated.scheduledTask(),
        FullyPopulated.jobConfiguration(),
        FullyPopulated.tasksResponse(),
        FullyPopulated.updateDetailsResponse(),
        FullyPopulated.jobUpdateDetails(),
        FullyPopulated.hostAttributes(),
        FullyPopulated.hostMaintenanceRequest());
    return structs.flatMap(s -> Stream.of(
        Arguments.of(s.getClass().getSimpleName(), s, new TBinaryProtocol.Factory()),
        Arguments.of(s.getClass().getSimpleName(), s, new TJSONProtocol.Factory())));
  }

  @ParameterizedTest(name = "{0} via {2}")
  @MethodSource("structsAndProtocols")
  void roundTrip_preservesEveryField(String name, TBase<?, ?> struct, TProtocolFactory protocol)
      throws Exception {
    assertThat(unsetFields(struct)).as("fixture must set every field").isEmpty();

    TBase<?, ?> copy = roundTrip(struct, protocol);

    assertThat(copy).isEqualTo(struct).isNotSameAs(struct);
    assertThat(unsetFields(copy)).isEmpty();
  }

  @Test
  void taskConfig_defaultContainer_isAnEmptyMesosContainer() {
    TaskConfig config = new TaskConfig();

    assertThat(config.getContainer()).isEqualTo(Container.mesos(new MesosContainer()));
  }

  @Test
  void decoding_skipsFieldIdsItDoesNotKnow() throws Exception {
    // Old readers must skip ids they lack (that is what makes adding fields safe).
    // InstanceTaskConfig and ConfigGroup share id 1 (a TaskConfig); ConfigGroup has no id 2,
    // so it must be skipped.
    InstanceTaskConfig sent = new InstanceTaskConfig(FullyPopulated.taskConfig(),
        java.util.Set.of(new Range(0, 4)));
    byte[] bytes = new TSerializer(new TBinaryProtocol.Factory()).serialize(sent);
    ConfigGroup received = new ConfigGroup();

    new TDeserializer(new TBinaryProtocol.Factory()).deserialize(received, bytes);

    assertThat(received.getConfig()).isEqualTo(sent.getTask());
    assertThat(received.isSetInstances()).isFalse();
  }
}
