package io.aurora.server.flags;

import io.aurora.scheduling.resources.ExecutorSettings;
import java.util.List;
import picocli.CommandLine.Option;

/** Resources the executor adds to every task. */
public final class ExecutorFlags implements FlagGroup {
  @Option(names = "-thermos_executor_cpu", defaultValue = "0.25",
      description = "CPUs added to each task for its executor.")
  private double thermosExecutorCpu;

  @Option(names = "-thermos_executor_ram", defaultValue = "128MB",
      description = "Memory added to each task for its executor.")
  private DataSize thermosExecutorRam;

  @Override
  public String title() {
    return "Executor";
  }

  /** The executor's per-task overhead ({@code io.aurora.scheduling.resources}), memory in whole MB. */
  public ExecutorSettings toExecutorSettings() {
    return new ExecutorSettings(thermosExecutorCpu, thermosExecutorRam.bytes() >> 20, "", List.of(), "");
  }
}
