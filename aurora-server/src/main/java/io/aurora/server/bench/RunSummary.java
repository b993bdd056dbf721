package io.aurora.server.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What several runs of one benchmark measured, from the JSON line each run ended with: for every
 * key whose values differ between runs, the median, the worst and each run's value in run order;
 * keys with the same value in every run (the benchmark's parameters, such as {@code tasks}) once.
 *
 * <p>The worst of a rate (a key ending {@code _per_sec}) is its lowest value; of any other number
 * (times, heap, counts) its highest. The median of an even number of runs is the mean of the two
 * middle values. Runs are numbered from 1.
 */
public final class RunSummary {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Reads decimals exactly and writes them without exponents, as the runs wrote them. */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private final String bench;
  private final List<ObjectNode> runs;

  /** One key that varied, as summarised. */
  private record Varying(String key, List<JsonNode> each, JsonNode median, JsonNode worst, int worstRun) {}

  private RunSummary(String bench, List<ObjectNode> runs) {
    this.bench = Objects.requireNonNull(bench);
    this.runs = List.copyOf(runs);
  }

  /**
   * @param bench the benchmark's name
   * @param runs the JSON line of each run, in run order (at least one)
   */
  public static RunSummary of(String bench, List<ObjectNode> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no runs to summarise");
    }
    return new RunSummary(bench, runs);
  }

  /**
   * The JSON object on {@code line}, if the line holds one: how the JSON line a run ends with is
   * told apart from the rest of its output.
   */
  public static Optional<ObjectNode> parseLine(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(trimmed);
      return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Every key of any run, in the order first seen. */
  private Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    for (ObjectNode run : runs) {
      run.fieldNames().forEachRemaining(keys::add);
    }
    return keys;
  }

  private List<JsonNode> values(String key) {
    List<JsonNode> values = new ArrayList<>();
    for (ObjectNode run : runs) {
      values.add(run.has(key) ? run.get(key) : NODES.nullNode());
    }
    return values;
  }

  private static boolean allEqual(List<JsonNode> values) {
    return values.stream().distinct().count() == 1 && !values.get(0).isNull();
  }

  private static boolean allNumbers(List<JsonNode> values) {
    return values.stream().allMatch(JsonNode::isNumber);
  }

  /** The keys whose value is the same in every run, with that value. */
  public Map<String, JsonNode> constants() {
    Map<String, JsonNode> constants = new LinkedHashMap<>();
    for (String key : keys()) {
      List<JsonNode> values = values(key);
      if (allEqual(values)) {
        constants.put(key, values.get(0));
      }
    }
    return constants;
  }

  private List<Varying> varying() {
    List<Varying> varying = new ArrayList<>();
    for (String key : keys()) {
      List<JsonNode> values = values(key);
      if (!allEqual(values) && allNumbers(values)) {
        int worst = worstIndex(key, values);
        varying.add(new Varying(key, values, median(values), values.get(worst), worst + 1));
      }
    }
    return varying;
  }

  /** Keys that differ but are not numbers in every run (strings, or missing from a run). */
  private List<String> unsummarised() {
    List<String> keys = new ArrayList<>();
    for (String key : keys()) {
      List<JsonNode> values = values(key);
      if (!allEqual(values) && !allNumbers(values)) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** Whether the lowest value of {@code key} is its worst: true for rates ({@code _per_sec}). */
  public static boolean lowerIsWorse(String key) {
    return key.endsWith("_per_sec");
  }

  private static int worstIndex(String key, List<JsonNode> values) {
    Comparator<BigDecimal> worseFirst = lowerIsWorse(key)
        ? Comparator.naturalOrder() : Comparator.reverseOrder();
    int worst = 0;
    for (int i = 1; i < values.size(); i++) {
      if (worseFirst.compare(values.get(i).decimalValue(), values.get(worst).decimalValue()) < 0) {
        worst = i;
      }
    }
    return worst;
  }

  private static JsonNode median(List<JsonNode> values) {
    List<BigDecimal> sorted = values.stream().map(JsonNode::decimalValue).sorted().toList();
    int n = sorted.size();
    BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
        : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
    return number(median);
  }

  private static JsonNode number(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
      return NODES.numberNode(stripped.longValueExact());
    }
    return NODES.numberNode(value);
  }

  /** A value as the table shows it: numbers in plain decimal notation. */
  private static String text(JsonNode value) {
    if (value.isNumber() && !value.isIntegralNumber()) {
      return value.decimalValue().toPlainString();
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /**
   * For each run that was the worst of some key, those keys (in key order), by run number in
   * increasing order: the runs whose recordings are worth a look.
   */
  public Map<Integer, List<String>> worstRuns() {
    Map<Integer, List<String>> byRun = new TreeMap<>();
    for (Varying v : varying()) {
      byRun.computeIfAbsent(v.worstRun(), r -> new ArrayList<>()).add(v.key());
    }
    return byRun;
  }

  /**
   * The summary as one flat JSON object: {@code bench}, {@code runs}, then each key in the order
   * the runs wrote them: a constant as its value, a number that varied as {@code {"median",
   * "worst", "worst_run", "each"}}, anything else that varied as {@code {"each"}} ({@code null}
   * where a run lacked the key).
   */
  public ObjectNode json() {
    ObjectNode json = NODES.objectNode();
    json.put("bench", bench);
    json.put("runs", runs.size());
    Map<String, JsonNode> constants = constants();
    Map<String, Varying> varying = new LinkedHashMap<>();
    varying().forEach(v -> varying.put(v.key(), v));
    for (String key : keys()) {
      if (json.has(key)) {
        continue;
      }
      if (constants.containsKey(key)) {
        json.set(key, constants.get(key));
      } else if (varying.containsKey(key)) {
        Varying v = varying.get(key);
        ObjectNode entry = json.putObject(key);
        entry.set("median", v.median());
        entry.set("worst", v.worst());
        entry.put("worst_run", v.worstRun());
        entry.set("each", array(v.each()));
      } else {
        json.putObject(key).set("each", array(values(key)));
      }
    }
    return json;
  }

  /** {@link #json()} on one line. */
  public String jsonLine() {
    return toLine(json());
  }

  /** {@code json} on one line, decimals written as they were read. */
  public static String toLine(ObjectNode json) {
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  private static ArrayNode array(List<JsonNode> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  /** The summary for people: a table of the keys that varied, then those that did not. */
  public List<String> table() {
    List<Varying> varying = varying();
    List<String> lines = new ArrayList<>();
    lines.add(bench + ": " + runs.size() + (runs.size() == 1 ? " run" : " runs")
        + " (worst: the lowest of a *_per_sec rate, the highest of anything else)");
    int width = varying.stream().mapToInt(v -> v.key().length()).max().orElse(0);
    width = Math.max(width, "key".length());
    if (!varying.isEmpty()) {
      lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %12s  %12s  %5s  %s",
          "key", "median", "worst", "run", "each run"));
    }
    for (Varying v : varying) {
      List<String> each = v.each().stream().map(RunSummary::text).toList();
      lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %12s  %12s  %5d  %s", v.key(),
          text(v.median()), text(v.worst()), v.worstRun(), String.join(" ", each)));
    }
    for (String key : unsummarised()) {
      lines.add("  " + key + " differs: "
          + String.join(" ", values(key).stream().map(JsonNode::toString).toList()));
    }
    List<String> same = new ArrayList<>();
    constants().forEach((key, value) -> same.add(key + "=" + text(value)));
    if (!same.isEmpty()) {
      lines.add("  same in every run: " + String.join(" ", same));
    }
    return lines;
  }
}
