package io.aurora.gen;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Instances of the main API structs with every field set (checked by {@link ThriftStructs}), so a
 * round trip exercises every field's encoding.
 */
public final class FullyPopulated {

  private FullyPopulated() {}

  public static JobKey jobKey() {
    return new JobKey("www-data", "prod", "hello_world.v2");
  }

  public static TaskConfig taskConfig() {
    return new TaskConfig()
        .setJob(jobKey())
        .setOwner(new Identity().setUser("alice"))
        .setIsService(true)
        .setPriority(7)
        .setMaxTaskFailures(3)
        .setProduction(true)
        .setTier("preferred")
        .setResources(Set.of(
            Resource.numCpus(1.25),
            Resource.ramMb(512),
            Resource.diskMb(1024),
            Resource.namedPort("http"),
            Resource.numGpus(1)))
        .setConstraints(Set.of(
            new Constraint("rack", TaskConstraint.value(
                new ValueConstraint(true, Set.of("r1", "r2")))),
            new Constraint("host", TaskConstraint.limit(new LimitConstraint(1)))))
        .setMesosFetcherUris(Set.of(new MesosFetcherURI("https://example.org/app.tgz")
            .setExtract(true)
            .setCache(false)
            .setOutputFile("app.tgz")))
        .setTaskLinks(Map.of("http", "http://%host%:%port:http%"))
        .setContactEmail("team@example.org")
        .setExecutorConfig(new ExecutorConfig(apiConstants.AURORA_EXECUTOR_NAME,
            "{\"name\": \"hello\", \"processes\": [{\"cmdline\": \"echo \u00e9 \u2603\"}]}"))
        .setMetadata(Set.of(new Metadata("owner-team", "infra")))
        .setPartitionPolicy(new PartitionPolicy(true).setDelaySecs(30))
        .setSlaPolicy(SlaPolicy.percentageSlaPolicy(new PercentageSlaPolicy(95.5, 600)))
        .setContainer(Container.mesos(new MesosContainer()
            .setImage(Image.docker(new DockerImage("library/ubuntu", "22.04")))
            .setVolumes(List.of(new Volume("/data", "/var/data", Mode.RO)))));
  }

  public static ScheduledTask scheduledTask() {
    AssignedTask assigned = new AssignedTask()
        .setTaskId("1700000000000-www-data-prod-hello_world.v2-0-6f1c")
        .setSlaveId("agent-7c2e-S3")
        .setSlaveHost("agent3.example.org")
        .setTask(taskConfig())
        .setAssignedPorts(Map.of("http", 31_000, "admin", 31_001))
        .setInstanceId(0);
    return new ScheduledTask()
        .setAssignedTask(assigned)
        .setStatus(ScheduleStatus.RUNNING)
        .setFailureCount(2)
        .setTimesPartitioned(1)
        .setTaskEvents(List.of(
            new TaskEvent(1_700_000_000_000L, ScheduleStatus.PENDING)
                .setMessage("created").setScheduler("scheduler1"),
            new TaskEvent(1_700_000_001_000L, ScheduleStatus.RUNNING)
                .setMessage("started").setScheduler("scheduler1")))
        .setAncestorId("1699999999000-www-data-prod-hello_world.v2-0-aa01");
  }

  public static JobConfiguration jobConfiguration() {
    return new JobConfiguration()
        .setKey(jobKey())
        .setOwner(new Identity().setUser("alice"))
        .setCronSchedule("*/5 * * * *")
        .setCronCollisionPolicy(CronCollisionPolicy.CANCEL_NEW)
        .setTaskConfig(taskConfig())
        .setInstanceCount(3);
  }

  public static JobUpdateKey jobUpdateKey() {
    return new JobUpdateKey(jobKey(), "8a4c3f5e-4bd1-4c6e-9f2a-0c2f3e1d9b77");
  }

  public static JobUpdateSettings jobUpdateSettings() {
    return new JobUpdateSettings()
        .setUpdateGroupSize(2)
        .setMaxPerInstanceFailures(1)
        .setMaxFailedInstances(1)
        .setMinWaitInInstanceRunningMs(30_000)
        .setRollbackOnFailure(true)
        .setUpdateOnlyTheseInstances(Set.of(new Range(0, 1)))
        .setWaitForBatchCompletion(false)
        .setBlockIfNoPulsesAfterMs(60_000)
        .setSlaAware(true)
        .setUpdateStrategy(JobUpdateStrategy.varBatchStrategy(
            new VariableBatchJobUpdateStrategy(List.of(1, 2, 5), true)));
  }

  public static JobUpdateDetails jobUpdateDetails() {
    JobUpdateSummary summary = new JobUpdateSummary()
        .setKey(jobUpdateKey())
        .setUser("alice")
        .setState(new JobUpdateState(JobUpdateStatus.ROLLING_FORWARD, 1_700_000_000_000L,
            1_700_000_005_000L))
        .setMetadata(Set.of(new Metadata("ticket", "OPS-1")));
    JobUpdateInstructions instructions = new JobUpdateInstructions()
        .setInitialState(Set.of(new InstanceTaskConfig(taskConfig(), Set.of(new Range(0, 2)))))
        .setDesiredState(new InstanceTaskConfig(taskConfig().setPriority(8),
            Set.of(new Range(0, 2))))
        .setSettings(jobUpdateSettings());
    return new JobUpdateDetails()
        .setUpdate(new JobUpdate(summary, instructions))
        .setUpdateEvents(List.of(new JobUpdateEvent(JobUpdateStatus.ROLLING_FORWARD,
            1_700_000_000_000L).setUser("alice").setMessage("go")))
        .setInstanceEvents(List.of(new JobInstanceUpdateEvent(0, 1_700_000_004_000L,
            JobUpdateAction.INSTANCE_UPDATING).setMessage("updating 0")));
  }

  public static Response tasksResponse() {
    return new Response()
        .setResponseCode(ResponseCode.OK)
        .setServerInfo(new ServerInfo("devcluster", "http://stats.example.org/"))
        .setResult(Result.scheduleStatusResult(new ScheduleStatusResult(List.of(scheduledTask()))))
        .setDetails(List.of(new ResponseDetail("deprecated field production used")));
  }

  public static Response updateDetailsResponse() {
    return tasksResponse().setResult(Result.getJobUpdateDetailsResult(
        new GetJobUpdateDetailsResult(jobUpdateDetails(), List.of(jobUpdateDetails()))));
  }

  public static HostAttributes hostAttributes() {
    return new HostAttributes("agent3.example.org", Set.of(new Attribute("rack", Set.of("r1"))))
        .setMode(MaintenanceMode.DRAINING)
        .setSlaveId("agent-7c2e-S3");
  }

  public static HostMaintenanceRequest hostMaintenanceRequest() {
    return new HostMaintenanceRequest("agent3.example.org",
        SlaPolicy.countSlaPolicy(new CountSlaPolicy(2, 300)), 3_600, 1_700_000_000_000L);
  }

  public static ResourceAggregate quota() {
    return new ResourceAggregate(Set.of(Resource.numCpus(100), Resource.ramMb(262_144),
        Resource.diskMb(1_048_576)));
  }
}
