package io.aurora.server.flags;

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

  public double thermosExecutorCpu() {
    return thermosExecutorCpu;
  }

  public DataSize thermosExecutorRam() {
    return thermosExecutorRam;
  }
}
