package com.example.consumer;

import com.google.gson.Strictness;
import io.aurora.scheduling.runtime.SchedulerRuntimeOptions;
import io.aurora.server.embedded.EmbeddedScheduler;
import java.nio.file.Path;

/**
 * Compiles only with aurora-server's EmbeddedScheduler, aurora-scheduling's options, and gson 2.11
 * or later (Strictness), which the import must give over protobuf-java-util's 2.8.9.
 */
public final class Consumer {
  public static void main(String[] args) {
    EmbeddedScheduler scheduler = EmbeddedScheduler.builder(Path.of(args[0]), args[1])
        .scheduling(SchedulerRuntimeOptions.DEFAULTS.withSchedulerHost("consumer"))
        .build();
    System.out.println(scheduler + " " + Strictness.STRICT);
  }
}
