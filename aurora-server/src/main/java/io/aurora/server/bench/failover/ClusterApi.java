package io.aurora.server.bench.failover;

import io.aurora.gen.AuroraAdmin;
import io.aurora.gen.ExecutorConfig;
import io.aurora.gen.Identity;
import io.aurora.gen.JobConfiguration;
import io.aurora.gen.JobKey;
import io.aurora.gen.Resource;
import io.aurora.server.client.HttpThriftTransport;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.thrift.protocol.TJSONProtocol;
import org.apache.thrift.transport.TTransportException;

/** The scheduler's {@code /api} in TJSON over HTTP, and the small jobs the failover runs create. */
public final class ClusterApi {
  private ClusterApi() {}

  /** A client of {@code http}'s {@code /api} (redirects to the leader are followed). */
  public static AuroraAdmin.Client client(String http, Duration timeout) throws TTransportException {
    return new AuroraAdmin.Client(new TJSONProtocol(new HttpThriftTransport(
        URI.create(http + "/api"), "application/vnd.apache.thrift.json", timeout)));
  }

  /** A service job of {@code instances} tasks needing 0.01 CPU, 1 MB of RAM and disk each. */
  public static JobConfiguration job(JobKey key, int instances) {
    String thermos = "{\"task\":{\"name\":\"idle\",\"processes\":[{\"name\":\"idle\","
        + "\"cmdline\":\"sleep 3600\"}]}}";
    Set<Resource> resources = new HashSet<>(List.of(
        Resource.numCpus(0.01), Resource.ramMb(1), Resource.diskMb(1)));
    io.aurora.gen.TaskConfig task = new io.aurora.gen.TaskConfig()
        .setIsService(true)
        .setMaxTaskFailures(1)
        .setPriority(0)
        .setResources(resources)
        .setConstraints(new HashSet<>())
        .setExecutorConfig(new ExecutorConfig("AuroraExecutor", thermos));
    return new JobConfiguration().setKey(key).setOwner(new Identity().setUser(key.getRole()))
        .setTaskConfig(task).setInstanceCount(instances);
  }
}
