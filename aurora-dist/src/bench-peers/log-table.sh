#!/usr/bin/env bash
# Prints the markdown table of compare-log.sh, and the issue's targets met or missed, from the JSON
# lines of the three runs: log-table.sh OURS.json ETCD.json ZOOKEEPER.json (each file's last line).
set -euo pipefail
. "$(dirname "$0")/common.sh"
[ $# -eq 3 ] || die "usage: log-table.sh OURS.json ETCD.json ZOOKEEPER.json"

ours=$(tail -n 1 "$1")
etcd=$(tail -n 1 "$2")
zk=$(tail -n 1 "$3")

echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load average$(uptime | sed 's/.*load average//')"
echo "Load: $(json_get entry_bytes "$ours")-byte entries, $(json_get concurrency "$ours") outstanding, 3 replicas, quorum 2, fsync on"
echo
echo "| system | appends/s | p50 ms | p99 ms | p999 ms | sequential p50 ms | raw fsync p50 ms |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for line in "$ours" "$etcd" "$zk"; do
  printf '| %s | %.0f | %.2f | %.2f | %.2f | %.3f | %.3f |\n' "$(json_get target "$line")" \
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
    -v seq="$(json_get seq_p50_ms "$ours")" -v zkseq="$(json_get seq_p50_ms "$zk")" '
function verdict(ok) { return ok ? "met" : "MISSED" }
BEGIN {
  if (etcd + 0 > zk + 0) { best = etcd; best99 = etcd99 } else { best = zk; best99 = zk99 }
  printf "throughput: %.2fx the faster peer (target >= 2x): %s\n", ours / best, verdict(ours >= 2 * best)
  printf "p99: %.2f ms vs %.2f ms of the faster peer (target: no worse): %s\n", p99, best99, verdict(p99 + 0 <= best99 + 0)
  printf "sequential p50: %.2fx ZooKeeper (target <= 0.6x): %s\n", seq / zkseq, verdict(seq <= 0.6 * zkseq)
}'
echo
echo "$ours"
echo "$etcd"
echo "$zk"
