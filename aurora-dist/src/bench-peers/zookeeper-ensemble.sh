#!/usr/bin/env bash
# Runs a 3-server ZooKeeper ensemble on 127.0.0.1 (Debian's zookeeper package, forceSync on as by
# default; data in a temporary directory) and drives it with
# `aurora-bench log-peer -target=zookeeper`, passing on the arguments (e.g. -entry_bytes=1024
# -concurrency=256 -duration=20secs). Prints the driver's summary and JSON line, then stops the
# servers and deletes their data.
# Ports: client ZK_BASE_PORT+1..3 (default 21811-21813), quorum +11..13, election +21..23.
# ZK_HEAP sets each server's heap (default -Xmx512m).
set -euo pipefail
. "$(dirname "$0")/common.sh"

ZK_JAR=/usr/share/java/zookeeper.jar
ensure_installed "$ZK_JAR" zookeeper

base=${ZK_BASE_PORT:-21810}
client_ports=($((base + 1)) $((base + 2)) $((base + 3)))
quorum_ports=($((base + 11)) $((base + 12)) $((base + 13)))
election_ports=($((base + 21)) $((base + 22)) $((base + 23)))
require_free_ports "${client_ports[@]}" "${quorum_ports[@]}" "${election_ports[@]}"

WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/aurora-bench-zk.XXXXXX")
trap 'stop_started; rm -rf "$WORK_DIR"' EXIT
trap 'exit 130' INT TERM

# srvr_mode PORT: succeeds once the server on PORT is a leader or follower of the ensemble.
srvr_mode() {
  local reply
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'srvr' >&3
  reply=$(cat <&3)
  exec 3<&-
  case $reply in *"Mode: leader"*|*"Mode: follower"*) return 0 ;; *) return 1 ;; esac
}

endpoints=""
for i in 1 2 3; do
  dir="$WORK_DIR/zk$i"
  mkdir -p "$dir/data"
  echo "$i" >"$dir/data/myid"
  {
    echo "tickTime=2000"
    echo "initLimit=10"
    echo "syncLimit=5"
    echo "dataDir=$dir/data"
    echo "clientPort=${client_ports[$((i - 1))]}"
    echo "clientPortAddress=127.0.0.1"
    echo "admin.enableServer=false"
    echo "4lw.commands.whitelist=srvr"
    echo "maxClientCnxns=0"
    for j in 1 2 3; do
      echo "server.$j=127.0.0.1:${quorum_ports[$((j - 1))]}:${election_ports[$((j - 1))]}"
    done
  } >"$dir/zoo.cfg"
  endpoints="${endpoints:+$endpoints,}127.0.0.1:${client_ports[$((i - 1))]}"
  # Word splitting of ZK_HEAP is intended (several JVM options).
  # shellcheck disable=SC2086
  "$JAVA" ${ZK_HEAP:--Xmx512m} -cp "$ZK_JAR" \
    org.apache.zookeeper.server.quorum.QuorumPeerMain "$dir/zoo.cfg" >"$dir/server.log" 2>&1 &
  STARTED_PIDS+=($!)
done
log "started ZooKeeper servers ${STARTED_PIDS[*]} on $endpoints, data in $WORK_DIR"
for p in "${client_ports[@]}"; do
  wait_until 60 "ZooKeeper on port $p to join the ensemble" srvr_mode "$p"
done

"$AURORA_BENCH" log-peer -target=zookeeper -endpoints="$endpoints" -dir="$WORK_DIR" \
  -replicas=3 -quorum=2 "$@"
