#!/usr/bin/env bash
# Operator script for one scheduler of a cluster of 3 schedulers (see docs/deploying.md).
# With three schedulers the quorum is 2: the cluster survives the loss of one.
# Run it under a supervisor that restarts the scheduler whenever it exits.
set -euo pipefail

# Where the zip was unpacked.
AURORA_HOME=${AURORA_HOME:-/usr/local/aurora-scheduler}

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
  -native_log_quorum_size=2
  -native_log_file_path=/var/lib/aurora/scheduler/db
  -native_log_zk_group_path=/aurora/replicated-log
  -backup_dir=/var/lib/aurora/scheduler/backups
  -max_registration_delay=1mins
  -framework_failover_timeout=21days
)

# The launcher reads JAVA_OPTS as one space-separated string; exec keeps this process's id, so
# the supervisor watches the JVM itself and ps shows every flag.
JAVA_OPTS="${JAVA_OPTS[*]}" exec "$AURORA_HOME/bin/aurora-scheduler" "${AURORA_FLAGS[@]}" "$@"
