package io.aurora.server.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurora.server.client.config.jobschema.Templates;
import io.aurora.server.client.config.jobschema.Templates.Reference;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ports a job asks the scheduler for, as Aurora's client counts them: the announce portmap
 * with its aliases followed ({@code "aurora": "http"} makes {@code aurora} another name of
 * {@code http}), every value of it that is not a number, and every {@code {{thermos.ports[NAME]}}}
 * the task uses that the portmap does not name. A number in the portmap is a static port, which
 * only a dedicated job may use.
 */
final class AuroraPorts {
  private AuroraPorts() {}

  /**
   * The port names to allocate for {@code job} (resolved).
   *
   * @param dedicated whether the job has a {@code dedicated} constraint
   * @throws IllegalArgumentException for a portmap cycle, or a static port in a shared job
   */
  static Set<String> requested(JsonNode job, boolean dedicated) {
    Map<String, String> portmap = new LinkedHashMap<>();
    JsonNode announce = job.get("announce");
    if (announce != null && announce.has("portmap")) {
      announce.get("portmap").fields().forEachRemaining(e ->
          portmap.put(e.getKey(), e.getValue().asText()));
    }
    Set<String> ports = new TreeSet<>();
    boolean staticPort = false;
    for (String name : portmap.keySet()) {
      String port = resolve(name, portmap);
      if (isNumber(port)) {
        staticPort = true;
      } else {
        ports.add(port);
      }
    }
    for (String name : referenced(job.get("task"))) {
      if (!portmap.containsKey(name)) {
        ports.add(name);
      }
    }
    if (staticPort && !dedicated) {
      throw new IllegalArgumentException("Job must be dedicated in order to specify static ports!");
    }
    return ports;
  }

  private static String resolve(String name, Map<String, String> portmap) {
    Set<String> seen = new LinkedHashSet<>();
    String port = name;
    while (portmap.containsKey(port) && !isNumber(port)) {
      if (!seen.add(port)) {
        throw new IllegalArgumentException("announce.portmap has a cycle: "
            + String.join(" -> ", seen) + " -> " + port);
      }
      port = portmap.get(port);
    }
    return port;
  }

  private static boolean isNumber(String port) {
    return port.strip().matches("\\d{1,5}");
  }

  /** The NAMEs of every {@code {{thermos.ports[NAME]}}} in {@code node}. */
  static Set<String> referenced(JsonNode node) {
    Set<String> names = new TreeSet<>();
    collect(node, names);
    return names;
  }

  private static void collect(JsonNode node, Set<String> names) {
    if (node == null) {
      return;
    }
    if (node.isContainerNode()) {
      node.elements().forEachRemaining(child -> collect(child, names));
    } else if (node.isTextual()) {
      for (Templates.Part part : Templates.split(node.textValue())) {
        if (part instanceof Reference r) {
          try {
            List<String> steps = r.steps();
            if (steps.size() == 3 && steps.get(0).equals("thermos") && steps.get(1).equals("ports")) {
              names.add(steps.get(2));
            }
          } catch (IllegalArgumentException e) {
            // Not an address: the interpolation has already said so.
          }
        }
      }
    }
  }
}
