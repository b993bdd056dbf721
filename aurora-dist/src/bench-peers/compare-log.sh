#!/usr/bin/env bash
# Runs our replicated log (`aurora-bench log`), a 3-member etcd cluster and a 3-server ZooKeeper
# ensemble back to back on this machine with the same load, and prints their results as a markdown
# table followed by the JSON lines. Arguments go to all three, e.g.
#   bench-peers/compare-log.sh -entry_bytes=1024 -concurrency=256 -duration=20secs -warmup=5secs
# Everything runs on 127.0.0.1 with fsync on; every process started is stopped at the end.
set -euo pipefail
. "$(dirname "$0")/common.sh"

WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/aurora-bench-compare.XXXXXX")
trap 'rm -rf "$WORK_DIR"' EXIT
trap 'exit 130' INT TERM

# run NAME COMMAND...: runs one benchmark, shows its output, keeps its JSON line.
run() {
  local name=$1; shift
  log "---- $name: $*"
  "$@" | tee "$WORK_DIR/$name.out"
  tail -n 1 "$WORK_DIR/$name.out" >"$WORK_DIR/$name.json"
  case $(cat "$WORK_DIR/$name.json") in
    "{"*) ;;
    *) die "$name printed no JSON line" ;;
  esac
}

log "machine: $(nproc) cores; at start:$(uptime | sed "s/.*,  *load/ load/")"
mkdir -p "$WORK_DIR/log"
run aurora-log "$AURORA_BENCH" log -replicas=3 -quorum=2 -dir="$WORK_DIR/log" "$@"
run etcd "$BENCH_PEERS_DIR/etcd-cluster.sh" "$@"
run zookeeper "$BENCH_PEERS_DIR/zookeeper-ensemble.sh" "$@"

echo
"$BENCH_PEERS_DIR/log-table.sh" "$WORK_DIR/aurora-log.json" "$WORK_DIR/etcd.json" \
  "$WORK_DIR/zookeeper.json"
