/**
 * The Thrift API ({@code AuroraAdmin}): {@link io.aurora.scheduling.thrift.AuroraAdminService}
 * is a thin facade that delegates each method to an area ({@link io.aurora.scheduling.thrift.ReadApi},
 * {@link io.aurora.scheduling.thrift.UpdateReadApi}, {@link io.aurora.scheduling.thrift.UpdatesApi},
 * {@link io.aurora.scheduling.thrift.JobsApi},
 * {@link io.aurora.scheduling.thrift.QuotaApi}, {@link io.aurora.scheduling.thrift.AdminApi},
 * {@link io.aurora.scheduling.thrift.BackupApi}, {@link io.aurora.scheduling.thrift.MaintenanceApi})
 * and turns outcomes into {@code Response}s: {@link io.aurora.scheduling.thrift.InvalidRequestException}
 * becomes INVALID_REQUEST, {@link io.aurora.scheduling.thrift.JobUpdatingException}
 * JOB_UPDATING_ERROR, a transient storage failure ERROR_TRANSIENT, anything else ERROR; every
 * response carries {@code serverInfo}.
 */
package io.aurora.scheduling.thrift;
