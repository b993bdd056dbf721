package com.example.consumer;

import com.google.gson.Strictness;
import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;

/** Compiles only when the import gave gson 2.11 or later (Strictness) and aurora-scheduling. */
public final class Consumer {
  public static void main(String[] args) {
    System.out.println(SchedulerRuntimeOptions.DEFAULTS.schedulerHost() + " " + Strictness.STRICT);
  }
}
