#!/usr/bin/env bash
# Starts one Aurora scheduler on this machine with embedded defaults: ZooKeeper inside the process
# (-zk_in_proc), an embedded Mesos master with local agents (-mesos_master_address=local), and a
# one-replica log (quorum 1). State lives under ./aurora-data/, the unpacked zip under ./dist-local/.
# Extra arguments are passed to the scheduler as flags (e.g. ./run-local.sh -http_port=9081).
# Ports on 127.0.0.1: HTTP 8081, Thrift 8082, log replica 8083, ZooKeeper 8084 (AURORA_HTTP_PORT,
# AURORA_THRIFT_PORT, LIBPROCESS_PORT, AURORA_ZK_PORT change them). Ctrl-C stops the scheduler,
# the embedded master and every task it started; starting again recovers the jobs from the log.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd -P)

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
zip="aurora-dist/target/aurora-scheduler-${version}.zip"
if [ ! -f "$zip" ]; then
  echo "== building $zip"
  ./mvnw -B -q -DskipTests package
fi

home="dist-local/aurora-scheduler-${version}"
if [ ! -d "$home" ] || [ "$zip" -nt "$home" ]; then
  echo "== unpacking into dist-local/"
  rm -rf dist-local
  mkdir -p dist-local
  unzip -q "$zip" -d dist-local
fi

data="$root/aurora-data"
mkdir -p "$data/log" "$data/backups"

export LIBPROCESS_IP=${LIBPROCESS_IP:-127.0.0.1}
export LIBPROCESS_PORT=${LIBPROCESS_PORT:-8083}

exec "$home/bin/aurora-scheduler" \
  -cluster_name=local \
  -zk_in_proc \
  -zk_endpoints="127.0.0.1:${AURORA_ZK_PORT:-8084}" \
  -ip=127.0.0.1 \
  -serverset_path=/aurora/scheduler \
  -mesos_master_address=local \
  -native_log_quorum_size=1 \
  -native_log_file_path="$data/log" \
  -native_log_zk_group_path=/aurora/replicated-log \
  -backup_dir="$data/backups" \
  -http_port="${AURORA_HTTP_PORT:-8081}" \
  -thrift_port="${AURORA_THRIFT_PORT:-8082}" \
  "$@"
