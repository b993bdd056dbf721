/**
 * The coordinator SLA policy: an HTTP POST to the job's coordinator, whose JSON answer says
 * whether a task may go down ({@link io.aurora.scheduling.slacoord.SlaCoordinator}). One check per
 * coordinator at a time, a bounded number in flight, a timeout; the answer is acted on while the
 * coordinator's lock is held, so that the coordinator never sees two of its tasks go down at
 * once through this scheduler.
 */
package io.aurora.scheduling.slacoord;
