#!/usr/bin/env bash
# Runs a 3-member etcd cluster on 127.0.0.1 (Debian's etcd-server, fsync on as by default; data in
# a temporary directory) and drives it with `aurora-bench log-peer -target=etcd`, passing on the
# arguments (e.g. -entry_bytes=1024 -concurrency=256 -duration=20secs). Prints the driver's summary
# and JSON line, then stops the members and deletes their data.
# Ports: client ETCD_BASE_PORT+1..3 (default 23791-23793), peer ETCD_BASE_PORT+11..13.
set -euo pipefail
. "$(dirname "$0")/common.sh"

ensure_installed etcd etcd-server etcd-client
ensure_installed etcdctl etcd-client

base=${ETCD_BASE_PORT:-23790}
client_ports=($((base + 1)) $((base + 2)) $((base + 3)))
peer_ports=($((base + 11)) $((base + 12)) $((base + 13)))
require_free_ports "${client_ports[@]}" "${peer_ports[@]}"

WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/aurora-bench-etcd.XXXXXX")
trap 'stop_started; rm -rf "$WORK_DIR"' EXIT
trap 'exit 130' INT TERM

cluster=""
for i in 0 1 2; do
  cluster="${cluster:+$cluster,}m$i=http://127.0.0.1:${peer_ports[$i]}"
done
endpoints=""
for i in 0 1 2; do
  endpoints="${endpoints:+$endpoints,}127.0.0.1:${client_ports[$i]}"
  etcd --name "m$i" --data-dir "$WORK_DIR/m$i" \
    --listen-client-urls "http://127.0.0.1:${client_ports[$i]}" \
    --advertise-client-urls "http://127.0.0.1:${client_ports[$i]}" \
    --listen-peer-urls "http://127.0.0.1:${peer_ports[$i]}" \
    --initial-advertise-peer-urls "http://127.0.0.1:${peer_ports[$i]}" \
    --initial-cluster "$cluster" --initial-cluster-state new \
    --initial-cluster-token aurora-log-bench --logger zap \
    >"$WORK_DIR/m$i.log" 2>&1 &
  STARTED_PIDS+=($!)
done
log "started etcd members ${STARTED_PIDS[*]} on $endpoints, data in $WORK_DIR"
wait_until 60 "a healthy etcd cluster" etcdctl --endpoints="$endpoints" endpoint health

"$AURORA_BENCH" log-peer -target=etcd -endpoints="$endpoints" -dir="$WORK_DIR" \
  -replicas=3 -quorum=2 "$@"
