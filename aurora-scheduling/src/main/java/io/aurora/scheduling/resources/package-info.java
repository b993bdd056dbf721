/**
 * Resource arithmetic for placement: {@link io.aurora.scheduling.resources.ResourceBag} (cpus, ram,
 * disk, gpus, port count), what a task needs including executor overhead, and port ranges.
 * Pure values; no storage or Mesos calls.
 */
package io.aurora.scheduling.resources;
