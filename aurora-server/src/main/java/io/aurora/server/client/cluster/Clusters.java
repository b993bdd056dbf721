package io.aurora.server.client.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.server.client.cli.ClientFailure;
import io.aurora.server.client.cli.JsonSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The clusters of the {@code clusters.json} files that exist, by name. The top level of a file is
 * a JSON array of cluster objects, or an object whose values are cluster objects (its keys are
 * ignored), as Aurora's client accepts; objects without a {@code name} are skipped. The shape of
 * each file is checked when it is read; a cluster's fields when that cluster is looked up, so a
 * typo in one cluster does not stop commands on another (Aurora's client checks fields the same
 * lazy way). Unknown fields are kept out of the way: Aurora keeps them for its plugins, and so do
 * we, by ignoring them.
 */
public final class Clusters {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A cluster's raw object and the file it came from. */
  private record Entry(Path file, JsonNode node) {}

  private final List<Path> looked;
  private final List<Path> read;
  private final Map<String, Entry> entries;

  private Clusters(List<Path> looked, List<Path> read, Map<String, Entry> entries) {
    this.looked = List.copyOf(looked);
    this.read = List.copyOf(read);
    this.entries = Map.copyOf(entries);
  }

  /**
   * Reads {@code files} in order (a later file's cluster replaces an earlier one of the same name);
   * files that do not exist are skipped.
   *
   * @throws ClientFailure with exit status 3 naming a file that cannot be read or is malformed
   */
  public static Clusters read(List<Path> files) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<Path> read = new ArrayList<>();
    for (Path file : files) {
      if (!Files.exists(file)) {
        continue;
      }
      read.add(file);
      parse(file).forEach((name, node) -> entries.put(name, new Entry(file, node)));
    }
    return new Clusters(files, read, entries);
  }

  /** The files that existed and were read, in order. */
  public List<Path> files() {
    return read;
  }

  /** The names of every cluster, in no particular order. */
  public java.util.Set<String> names() {
    return entries.keySet();
  }

  /**
   * The cluster called {@code name}, its fields checked and defaulted; empty when no file names it.
   *
   * @throws ClientFailure with exit status 3 naming the file when a field has the wrong type or
   *     the cluster says neither where its ZooKeeper nor where its scheduler is
   */
  public Optional<ClusterConfig> find(String name) {
    Entry entry = entries.get(name);
    return entry == null ? Optional.empty() : Optional.of(config(name, entry));
  }

  /**
   * The cluster called {@code name}.
   *
   * @throws ClientFailure with exit status 3 when no file names it, saying which files were read
   */
  public ClusterConfig get(String name) {
    return find(name).orElseThrow(() -> ClientFailure.invalidConfiguration(
        "unknown cluster '" + name + "': " + whereLooked()));
  }

  /** Where the clusters came from, in words, for a message about a missing cluster. */
  public String whereLooked() {
    if (read.isEmpty()) {
      return "no clusters.json found (looked for " + join(looked) + ")";
    }
    return "not in " + join(read) + (names().isEmpty() ? " (no clusters there)"
        : " (clusters there: " + names().stream().sorted().collect(Collectors.joining(", ")) + ")");
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(" and "));
  }

  private static Map<String, JsonNode> parse(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw ClientFailure.invalidConfiguration(JsonSyntax.describe(file, e));
    } catch (IOException e) {
      throw ClientFailure.invalidConfiguration("cannot read " + file + ": " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw ClientFailure.invalidConfiguration(file + " is empty: expected a JSON list of clusters");
    }
    List<JsonNode> clusters = new ArrayList<>();
    if (root.isArray() || root.isObject()) {
      root.elements().forEachRemaining(clusters::add);
    } else {
      throw ClientFailure.invalidConfiguration(file
          + ": expected a JSON list of clusters (or an object of clusters), got " + kind(root));
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (int i = 0; i < clusters.size(); i++) {
      JsonNode cluster = clusters.get(i);
      if (!cluster.isObject()) {
        throw ClientFailure.invalidConfiguration(file + ": cluster " + (i + 1)
            + " is not an object but " + kind(cluster));
      }
      JsonNode name = cluster.get("name");
      if (name == null || name.isNull()) {
        continue;
      }
      if (!name.isTextual()) {
        throw ClientFailure.invalidConfiguration(file + ": cluster " + (i + 1)
            + ": name must be a string, got " + name);
      }
      out.put(name.textValue(), cluster);
    }
    return out;
  }

  private static ClusterConfig config(String name, Entry entry) {
    Fields fields = new Fields(entry.file(), name, entry.node());
    ClusterConfig config = new ClusterConfig(name, fields.text("zk"),
        fields.integer("zk_port").orElse(ClusterConfig.DEFAULT_ZK_PORT),
        fields.text("scheduler_zk_path").orElse(ClusterConfig.DEFAULT_ZK_PATH),
        fields.text("scheduler_uri").filter(u -> !u.isBlank()), fields.text("proxy_url"),
        fields.text("auth_mechanism").orElse(ClusterConfig.UNAUTHENTICATED), entry.file());
    if (config.zk().isEmpty() && config.schedulerUri().isEmpty()) {
      throw ClientFailure.invalidConfiguration(entry.file() + ": cluster '" + name
          + "' has neither zk nor scheduler_uri, so its scheduler cannot be found");
    }
    return config;
  }

  /** Reads one cluster's typed fields, naming the file and cluster in every complaint. */
  private record Fields(Path file, String cluster, JsonNode node) {
    Fields {
      Objects.requireNonNull(node, "node");
    }

    Optional<String> text(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      if (!value.isTextual()) {
        throw bad(field, "a string", value);
      }
      return Optional.of(value.textValue());
    }

    Optional<Integer> integer(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      if (value.canConvertToInt() && value.isIntegralNumber()) {
        return Optional.of(value.intValue());
      }
      if (value.isTextual() && value.textValue().strip().matches("\\d{1,9}")) {
        return Optional.of(Integer.parseInt(value.textValue().strip()));
      }
      throw bad(field, "an integer", value);
    }

    private ClientFailure bad(String field, String what, JsonNode value) {
      return ClientFailure.invalidConfiguration(file + ": cluster '" + cluster + "': " + field
          + " must be " + what + ", got " + value);
    }
  }

  private static String kind(JsonNode node) {
    return node.isTextual() ? "a string" : node.isNumber() ? "a number"
        : node.isBoolean() ? "a boolean" : node.isArray() ? "a list" : node.isNull() ? "null"
        : "an object";
  }
}
