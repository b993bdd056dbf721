package io.aurora.server.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurora.api.TaskQueries;
import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.Response;
import io.aurora.gen.ResponseCode;
import io.aurora.gen.ResponseDetail;
import io.aurora.gen.ScheduleStatus;
import io.aurora.gen.ScheduledTask;
import io.aurora.gen.TaskEvent;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TJSONProtocol;
import org.apache.thrift.protocol.TProtocol;

/**
 * {@code bin/aurora}: a small client of a scheduler's {@code /api}.
 *
 * <pre>
 * aurora [--scheduler=URL | --zk=HOST:PORT,... [--serverset=/aurora/scheduler]] [--binary] COMMAND
 *   job create CLUSTER/ROLE/ENV/NAME FILE   FILE: a JobConfiguration as JSON with the IDL's names
 *   job status CLUSTER/ROLE/ENV/NAME        active tasks per status
 *   job kill   CLUSTER/ROLE/ENV/NAME [INSTANCES]  e.g. 0,2-4; all when omitted
 *   task list  CLUSTER/ROLE/ENV/NAME        every task: instance, status, host, id
 * </pre>
 *
 * Without {@code --scheduler} or {@code --zk} it uses {@code $AURORA_SCHEDULER_URL}, else
 * {@code http://127.0.0.1:8081} (the address {@code ./run-local.sh} serves).
 */
public final class AuroraClient {
  static final String USAGE = String.join("\n",
      "Usage: aurora [--scheduler=URL | --zk=HOST:PORT,... [--serverset=PATH]] [--binary] COMMAND",
      "  job create CLUSTER/ROLE/ENV/NAME FILE",
      "  job status CLUSTER/ROLE/ENV/NAME",
      "  job kill   CLUSTER/ROLE/ENV/NAME [INSTANCES]",
      "  task list  CLUSTER/ROLE/ENV/NAME");
  private static final String BINARY = "application/vnd.apache.thrift.binary";
  private static final String JSON = "application/vnd.apache.thrift.json";

  private final PrintStream out;
  private final AuroraAdmin.Iface api;

  AuroraClient(AuroraAdmin.Iface api, PrintStream out) {
    this.api = api;
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs one command; returns the exit status (0 ok, 1 refused or failed, 2 usage). */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    String url = env.getOrDefault("AURORA_SCHEDULER_URL", "http://127.0.0.1:8081");
    String zk = null;
    String serverset = "/aurora/scheduler";
    String mediaType = JSON;
    List<String> rest = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--scheduler=")) {
        url = a.substring("--scheduler=".length());
      } else if (a.startsWith("--zk=")) {
        zk = a.substring("--zk=".length());
      } else if (a.startsWith("--serverset=")) {
        serverset = a.substring("--serverset=".length());
      } else if (a.equals("--binary")) {
        mediaType = BINARY;
      } else if (a.equals("--help") || a.equals("-h")) {
        out.println(USAGE);
        return 0;
      } else {
        rest.add(a);
      }
    }
    if (rest.size() < 3) {
      err.println(USAGE);
      return 2;
    }
    try {
      URI api = zk == null ? SchedulerFinder.fromUrl(url) : SchedulerFinder.fromServerset(zk, serverset);
      return new AuroraClient(connect(api, mediaType), out).command(rest);
    } catch (IllegalArgumentException e) {
      err.println("aurora: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("aurora: " + e.getMessage());
      return 1;
    }
  }

  static AuroraAdmin.Iface connect(URI api, String mediaType) throws Exception {
    HttpThriftTransport transport = new HttpThriftTransport(api, mediaType, Duration.ofSeconds(60));
    TProtocol protocol = BINARY.equals(mediaType)
        ? new TBinaryProtocol(transport) : new TJSONProtocol(transport);
    return new AuroraAdmin.Client(protocol);
  }

  int command(List<String> words) throws Exception {
    String noun = words.get(0);
    String verb = words.get(1);
    JobKey job = jobKey(words.get(2));
    switch (noun + " " + verb) {
      case "job create": {
        if (words.size() != 4) {
          throw new IllegalArgumentException("job create needs CLUSTER/ROLE/ENV/NAME FILE");
        }
        return report(api.createJob(jobFile(Path.of(words.get(3)), job)), "created " + name(job));
      }
      case "job status":
        return status(job);
      case "job kill": {
        Set<Integer> instances = words.size() > 3 ? instances(words.get(3)) : null;
        return report(api.killTasks(job, instances, "killed by bin/aurora"),
            "kill requested for " + name(job));
      }
      case "task list":
        return taskList(job);
      default:
        throw new IllegalArgumentException("unknown command '" + noun + " " + verb + "'\n" + USAGE);
    }
  }

  private int status(JobKey job) throws Exception {
    Response r = api.getTasksWithoutConfigs(TaskQueries.byJob(job).build());
    if (r.getResponseCode() != ResponseCode.OK) {
      return report(r, "");
    }
    Map<ScheduleStatus, Integer> counts = new EnumMap<>(ScheduleStatus.class);
    for (ScheduledTask t : r.getResult().getScheduleStatusResult().getTasks()) {
      counts.merge(t.getStatus(), 1, Integer::sum);
    }
    out.println(name(job) + ": " + (counts.isEmpty() ? "no tasks"
        : counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", "))));
    return 0;
  }

  private int taskList(JobKey job) throws Exception {
    Response r = api.getTasksWithoutConfigs(TaskQueries.byJob(job).build());
    if (r.getResponseCode() != ResponseCode.OK) {
      return report(r, "");
    }
    List<ScheduledTask> tasks = new ArrayList<>(r.getResult().getScheduleStatusResult().getTasks());
    tasks.sort(Comparator.comparingInt((ScheduledTask t) -> t.getAssignedTask().getInstanceId())
        .thenComparing(t -> t.getAssignedTask().getTaskId()));
    out.printf("%-9s %-10s %-20s %-24s %s%n", "INSTANCE", "STATUS", "HOST", "SINCE", "TASK ID");
    for (ScheduledTask t : tasks) {
      List<TaskEvent> events = t.getTaskEvents();
      String since = events == null || events.isEmpty() ? ""
          : Instant.ofEpochMilli(events.get(events.size() - 1).getTimestamp()).toString();
      String host = t.getAssignedTask().getSlaveHost();
      out.printf("%-9d %-10s %-20s %-24s %s%n", t.getAssignedTask().getInstanceId(), t.getStatus(),
          host == null ? "-" : host, since, t.getAssignedTask().getTaskId());
    }
    return 0;
  }

  private int report(Response r, String success) {
    if (r.getResponseCode() == ResponseCode.OK) {
      out.println(success);
      return 0;
    }
    StringBuilder message = new StringBuilder(r.getResponseCode().name());
    if (r.getDetails() != null) {
      for (ResponseDetail d : r.getDetails()) {
        message.append(": ").append(d.getMessage());
      }
    }
    throw new IllegalStateException(message.toString());
  }

  /** Reads a job file; the command line's key wins, the owner defaults to the role. */
  static JobConfiguration jobFile(Path file, JobKey job) throws java.io.IOException {
    JsonNode node = new ObjectMapper().readTree(file.toFile());
    JobConfiguration config = IdlJson.read(node, JobConfiguration.class);
    config.setKey(job);
    if (!config.isSetOwner()) {
      config.setOwner(new Identity().setUser(job.getRole()));
    }
    if (!config.isSetInstanceCount()) {
      config.setInstanceCount(1);
    }
    return config;
  }

  /** {@code CLUSTER/ROLE/ENV/NAME}; the cluster is checked by the scheduler's name only in output. */
  static JobKey jobKey(String path) {
    String[] parts = path.split("/", -1);
    if (parts.length != 4 || List.of(parts).stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("expected CLUSTER/ROLE/ENV/NAME, got '" + path + "'");
    }
    return new JobKey(parts[1], parts[2], parts[3]);
  }

  /** {@code 0,2-4} as a set. */
  static Set<Integer> instances(String spec) {
    Set<Integer> out = new HashSet<>();
    for (String part : spec.split(",")) {
      String[] range = part.split("-", 2);
      int from = Integer.parseInt(range[0].strip());
      int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
      for (int i = from; i <= to; i++) {
        out.add(i);
      }
    }
    return out;
  }

  private static String name(JobKey job) {
    return job.getRole() + "/" + job.getEnvironment() + "/" + job.getName();
  }
}
