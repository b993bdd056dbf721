package io.aurora.server.bench.update;

/**
 * One measured update: how long it took from the start call (or from its rollback) to its end
 * status, and the storage work done meanwhile.
 *
 * @param seconds from the start of the measured part to the end status
 * @param instances instances the part moved
 * @param writes storage write transactions meanwhile (API calls, status batches, rounds, passes)
 * @param appends log appends meanwhile (group commits of those transactions)
 */
record UpdateRun(double seconds, int instances, long writes, long appends) {
  double rate() {
    return instances / seconds;
  }
}
