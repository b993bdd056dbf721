package io.aurora.http.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurora.gen.GetTierConfigResult;
import io.aurora.gen.PendingReason;
import io.aurora.gen.RoleSummary;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskQuery;
import io.aurora.gen.TierConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aurora's JSON operator pages that the API can answer: {@code /tiers}, {@code /quotas} and
 * {@code /pendingtasks}, in Aurora's shapes.
 */
final class OperatorJson {
  private final ApiReader api;
  private final ObjectMapper json = new ObjectMapper();

  OperatorJson(ApiReader api) {
    this.api = api;
  }

  /** {@code {"default": "...", "tiers": {"name": {"preemptible": b, "revocable": b}}}}. */
  String tiers() throws UiException {
    GetTierConfigResult r = api.read(a -> a.getTierConfigs()).getGetTierConfigResult();
    ObjectNode out = json.createObjectNode().put("default", r.getDefaultTierName());
    ObjectNode tiers = out.putObject("tiers");
    List<TierConfig> sorted = new ArrayList<>(r.getTiers());
    sorted.sort(java.util.Comparator.comparing(TierConfig::getName));
    for (TierConfig t : sorted) {
      Map<String, String> s = t.getSettings();
      tiers.putObject(t.getName())
          .put("preemptible", Boolean.parseBoolean(s.getOrDefault("preemptible", "false")))
          .put("revocable", Boolean.parseBoolean(s.getOrDefault("revocable", "false")));
    }
    return out.toString();
  }

  /** {@code {"role": {"cpu_cores": d, "ram_mb": n, "disk_mb": n}}}, of one role or all. */
  String quotas(String role) throws UiException {
    List<String> roles = new ArrayList<>();
    if (role != null) {
      roles.add(role);
    } else {
      for (RoleSummary s : api.read(a -> a.getRoleSummary()).getRoleSummaryResult().getSummaries()) {
        roles.add(s.getRole());
      }
      roles.sort(null);
    }
    ObjectNode out = json.createObjectNode();
    for (String r : roles) {
      ResourceFormat.Totals q = ResourceFormat.of(
          api.read(a -> a.getQuota(r)).getGetQuotaResult().getQuota());
      if (role != null && q.isZero()) {
        continue;
      }
      out.putObject(r).put("cpu_cores", q.cpus()).put("ram_mb", q.ramMb())
          .put("disk_mb", q.diskMb());
    }
    return out.toString();
  }

  /**
   * One entry per pending job: {@code name} ({@code role/env/job}), {@code taskIds}, and
   * {@code reason}, the distinct pending reasons in Java list syntax ({@code "[Insufficient: CPU]"}).
   */
  String pendingTasks() throws UiException {
    TaskQuery pending = new TaskQuery().setStatuses(EnumSet.of(ScheduleStatus.PENDING));
    List<ScheduledTask> tasks = api.read(a -> a.getTasksWithoutConfigs(pending))
        .getScheduleStatusResult().getTasks();
    Map<String, String> reasons = new HashMap<>();
    for (PendingReason r : api.read(a -> a.getPendingReason(new TaskQuery()))
        .getGetPendingReasonResult().getReasons()) {
      reasons.put(r.getTaskId(), r.getReason());
    }
    Map<String, List<String>> ids = new TreeMap<>();
    Map<String, java.util.TreeSet<String>> why = new TreeMap<>();
    for (ScheduledTask t : tasks) {
      var k = t.getAssignedTask().getTask().getJob();
      String name = k.getRole() + "/" + k.getEnvironment() + "/" + k.getName();
      ids.computeIfAbsent(name, n -> new ArrayList<>()).add(t.getAssignedTask().getTaskId());
      String reason = reasons.getOrDefault(t.getAssignedTask().getTaskId(), "");
      java.util.TreeSet<String> set = why.computeIfAbsent(name, n -> new java.util.TreeSet<>());
      if (!reason.isEmpty()) {
        set.add(reason);
      }
    }
    ArrayNode out = json.createArrayNode();
    ids.forEach((name, list) -> {
      ObjectNode o = out.addObject().put("name", name);
      ArrayNode arr = o.putArray("taskIds");
      list.stream().sorted().forEach(arr::add);
      o.put("reason", why.get(name).toString());
    });
    return out.toString();
  }
}
