package io.aurora.http.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.junit.jupiter.api.Test;

class OffersJsonTest {
  @Test
  void offers_useProtoFieldNames_andNumbersForRanges() {
    Offer offer = Offer.newBuilder().setId(OfferID.newBuilder().setValue("o-1"))
        .setFrameworkId(FrameworkID.newBuilder().setValue("fw"))
        .setAgentId(AgentID.newBuilder().setValue("a-1")).setHostname("host-1")
        .addResources(Resource.newBuilder().setName("cpus").setType(Value.Type.SCALAR)
            .setScalar(Value.Scalar.newBuilder().setValue(2)))
        .addResources(Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
            .setRanges(Value.Ranges.newBuilder().addRange(
                Value.Range.newBuilder().setBegin(31000).setEnd(32000))))
        .build();
    String json = new OffersJson(() -> List.of(offer)).render();
    assertThat(json).startsWith("[{\"id\":{\"value\":\"o-1\"},\"framework_id\":{\"value\":\"fw\"},"
        + "\"agent_id\":{\"value\":\"a-1\"},\"hostname\":\"host-1\"")
        .contains("\"type\":\"SCALAR\",\"scalar\":{\"value\":2.0}")
        .contains("\"range\":[{\"begin\":31000,\"end\":32000}]");
  }
}
