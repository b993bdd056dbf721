package io.aurora.scheduling.filter;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * For one job: how many of its active tasks sit on hosts with each attribute value. Limit
 * constraints read it; the assigner adds to it as it places tasks within a round. Not
 * thread-safe.
 */
public final class JobAttributeCounts {
  private final Map<String, Map<String, Integer>> counts = new HashMap<>();

  /** Active tasks of the job on hosts whose {@code attribute} has {@code value}. */
  public int count(String attribute, String value) {
    return counts.getOrDefault(attribute, Map.of()).getOrDefault(value, 0);
  }

  /** Records one more task on a host with {@code attributes}. */
  public void add(Map<String, Set<String>> attributes) {
    attributes.forEach((name, values) -> {
      Map<String, Integer> byValue = counts.computeIfAbsent(name, k -> new HashMap<>());
      for (String v : values) {
        byValue.merge(v, 1, Integer::sum);
      }
    });
  }
}
