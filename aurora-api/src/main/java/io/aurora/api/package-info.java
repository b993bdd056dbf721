/**
 * Small pure helpers over the generated Thrift types: job key validation and text form
 * ({@link io.aurora.api.JobKeys}), task query building and matching
 * ({@link io.aurora.api.TaskQueries}), and task status groups ({@link io.aurora.api.Tasks}).
 *
 * <p>No I/O, threads or clocks (aurora-server's {@code ArchitectureTest} checks it).
 */
package io.aurora.api;
