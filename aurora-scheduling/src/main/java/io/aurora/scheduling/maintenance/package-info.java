/**
 * Host maintenance: the modes NONE, SCHEDULED, DRAINING and DRAINED stored with each host's
 * attributes, the drain requests stored beside them ({@code HostMaintenanceStore}), and the
 * leader's drain pass that moves the tasks of DRAINING hosts to DRAINING as their SLA policies
 * allow ({@link io.aurora.scheduling.maintenance.MaintenanceController}). Everything is written
 * through the {@code StateWriter}, so modes and requests survive a failover; placement keeps new
 * tasks off DRAINING and DRAINED hosts through {@code filter.MaintenanceCheck}.
 */
package io.aurora.scheduling.maintenance;
