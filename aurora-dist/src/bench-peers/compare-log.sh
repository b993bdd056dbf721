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

mkdir -p "$WORK_DIR/log"
run aurora-log "$AURORA_BENCH" log -replicas=3 -quorum=2 -dir="$WORK_DIR/log" "$@"
run etcd "$BENCH_PEERS_DIR/etcd-cluster.sh" "$@"
run zookeeper "$BENCH_PEERS_DIR/zookeeper-ensemble.sh" "$@"

ours=$(cat "$WORK_DIR/aurora-log.json")
etcd=$(cat "$WORK_DIR/etcd.json")
zk=$(cat "$WORK_DIR/zookeeper.json")

echo
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load average$(uptime | sed 's/.*load average//')"
echo "Load: $(json_get entry_bytes "$ours")-byte entries, $(json_get concurrency "$ours") outstanding, 3 replicas, quorum 2, fsync on"
echo
echo "| system | appends/s | p50 ms | p99 ms | p999 ms | sequential p50 ms | raw fsync p50 ms |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for name in aurora-log etcd zookeeper; do
  line=$(cat "$WORK_DIR/$name.json")
  printf '| %s | %.0f | %.2f | %.2f | %.2f | %.3f | %.3f |\n' "$name" \
    "$(json_get appends_per_sec "$line")" "$(json_get p50_ms "$line")" \
    "$(json_get p99_ms "$line")" "$(json_get p999_ms "$line")" \
    "$(json_get seq_p50_ms "$line")" "$(json_get fsync_p50_ms "$line")"
done
echo
# The issue's targets: >= 2x the faster peer's rate with a p99 no worse, and a sequential p50 of at
# most 0.6x ZooKeeper's.
awk -v ours="$(json_get appends_per_sec "$ours")" -v etcd="$(json_get appends_per_sec "$etcd")" \
    -v zk="$(json_get appends_per_sec "$zk")" -v p99="$(json_get p99_ms "$ours")" \
    -v etcd99="$(json_get p99_ms "$etcd")" -v zk99="$(json_get p99_ms "$zk")" \
    -v seq="$(json_get seq_p50_ms "$ours")" -v zkseq="$(json_get seq_p50_ms "$zk")" 'BEGIN {
  best = etcd > zk ? etcd : zk; best99 = etcd > zk ? etcd99 : zk99
  printf "throughput: %.2fx the faster peer (target >= 2x): %s\n", ours / best, ours >= 2 * best ? "met" : "MISSED"
  printf "p99: %.2f ms vs %.2f ms of the faster peer (target: no worse): %s\n", p99, best99, p99 <= best99 ? "met" : "MISSED"
  printf "sequential p50: %.2fx ZooKeeper'"'"'s (target <= 0.6x): %s\n", seq / zkseq, seq <= 0.6 * zkseq ? "met" : "MISSED"
}'
echo
echo "$ours"
echo "$etcd"
echo "$zk"
