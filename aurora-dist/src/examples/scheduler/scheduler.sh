#!/usr/bin/env bash
# Operator script for one Aurora scheduler (see docs/deploying.md). Copy it to each scheduler
# host, set the values below, and run it under a supervisor (systemd, runit, supervisord) that
# restarts the scheduler whenever it exits: a scheduler that loses leadership or ZooKeeper exits
# on purpose.
#
# Every scheduler of a cluster must use the same -native_log_quorum_size: a majority of the
# schedulers, floor(N/2)+1 (1 -> 1, 3 -> 2, 5 -> 3, 7 -> 4). The scheduler-1.sh, scheduler-3.sh
# and scheduler-5.sh next to this file are this script filled in for those cluster sizes.
set -euo pipefail

# Where the zip was unpacked.
AURORA_HOME=${AURORA_HOME:-/usr/local/aurora-scheduler}

# Number of schedulers in the cluster; the log quorum follows from it.
SCHEDULERS=3
QUORUM=$(( SCHEDULERS / 2 + 1 ))

# The log replica listens on LIBPROCESS_IP:LIBPROCESS_PORT; the other schedulers must reach it.
export LIBPROCESS_IP=${LIBPROCESS_IP:?set LIBPROCESS_IP to the address of this host that the other schedulers reach}
export LIBPROCESS_PORT=8083

JAVA_OPTS=(
  -server
  -Xms4g
  -Xmx4g
  -XX:+UseG1GC
  -XX:+ExitOnOutOfMemoryError
  -Djava.io.tmpdir=/var/lib/aurora/tmp
)

AURORA_FLAGS=(
  -cluster_name=example
  -http_port=8081
  -thrift_port=8082
  -zk_endpoints=zk1.example.com:2181,zk2.example.com:2181,zk3.example.com:2181
  -serverset_path=/aurora/scheduler
  -mesos_master_address=zk://zk1.example.com:2181,zk2.example.com:2181,zk3.example.com:2181/mesos
  -native_log_quorum_size=$QUORUM
  -native_log_file_path=/var/lib/aurora/scheduler/db
  -native_log_zk_group_path=/aurora/replicated-log
  -backup_dir=/var/lib/aurora/scheduler/backups
  -max_registration_delay=1mins
  -framework_failover_timeout=21days
)

# The launcher reads JAVA_OPTS as one space-separated string; exec keeps this process's id, so
# the supervisor watches the JVM itself and ps shows every flag.
JAVA_OPTS="${JAVA_OPTS[*]}" exec "$AURORA_HOME/bin/aurora-scheduler" "${AURORA_FLAGS[@]}" "$@"
