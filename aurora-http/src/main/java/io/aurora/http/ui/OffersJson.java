package io.aurora.http.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.mesos.v1.Protos.Offer;

/**
 * {@code /offers}: the held Mesos v1 offers as a JSON array, in Aurora's shape: proto field names
 * (snake_case), unset fields left out, enums by name, and 64-bit integers as JSON numbers (the
 * protobuf JSON mapping would quote them).
 */
final class OffersJson {
  private final ObjectMapper json = new ObjectMapper();
  private final JsonFormat.Printer printer =
      JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
  private final Supplier<List<Offer>> offers;

  OffersJson(Supplier<List<Offer>> offers) {
    this.offers = offers;
  }

  String render() {
    ArrayNode out = json.createArrayNode();
    List<Offer> held = new ArrayList<>(offers.get());
    held.sort(java.util.Comparator.comparing(Offer::getHostname)
        .thenComparing(o -> o.getId().getValue()));
    for (Offer o : held) {
      try {
        out.add(unquoteIntegers(json.readTree(printer.print(o))));
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("offer " + o.getId().getValue() + " cannot be printed", e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.toString();
  }

  /** The JSON mapping quotes int64/uint64 values; Aurora printed them as numbers. */
  private static JsonNode unquoteIntegers(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<Map.Entry<String, JsonNode>> copy = new ArrayList<>();
      fields.forEachRemaining(copy::add);
      for (Map.Entry<String, JsonNode> f : copy) {
        JsonNode v = f.getValue();
        if (v.isTextual() && INTEGER_FIELDS.contains(f.getKey()) && v.asText().matches("-?\\d+")) {
          object.put(f.getKey(), Long.parseLong(v.asText()));
        } else {
          unquoteIntegers(v);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(OffersJson::unquoteIntegers);
    }
    return node;
  }

  /** The 64-bit integer fields an offer can carry (ranges, times, durations). */
  private static final java.util.Set<String> INTEGER_FIELDS =
      java.util.Set.of("begin", "end", "nanoseconds");
}
