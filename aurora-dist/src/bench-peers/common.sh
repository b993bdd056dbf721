# Sourced by the bench-peers scripts: where things are, installing peers, waiting for ports,
# stopping what was started. Bash, because /dev/tcp is how we talk to ports without extra tools.

BENCH_PEERS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
AURORA_HOME=$(cd "$BENCH_PEERS_DIR/.." && pwd -P)
AURORA_BENCH="$AURORA_HOME/bin/aurora-bench"
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi

# PIDs of the servers this script started; stop_started kills them (trap it on EXIT).
STARTED_PIDS=()

log() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; }
die() { log "$*"; exit 1; }

# ensure_installed CHECK_PATH PACKAGE...: installs the Debian packages unless CHECK_PATH exists.
ensure_installed() {
  local check=$1; shift
  if [ -e "$check" ] || command -v "$check" >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" != 0 ]; then
    die "$check not found; install it with: sudo apt-get install $*"
  fi
  log "installing $* (Debian packages)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2 \
    || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2; } \
    || die "could not install $*"
}

# port_in_use PORT: true if something listens on 127.0.0.1:PORT.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_free_ports() {
  local p
  for p in "$@"; do
    if port_in_use "$p"; then die "port $p on 127.0.0.1 is in use (set the base port variable to move)"; fi
  done
}

# wait_until SECONDS DESCRIPTION COMMAND...: retries COMMAND every 0.2 s.
wait_until() {
  local seconds=$1 what=$2; shift 2
  local tries=$((seconds * 5))
  while ! "$@" >/dev/null 2>&1; do
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || die "timed out after ${seconds}s waiting for $what"
    check_started_alive
    sleep 0.2
  done
}

check_started_alive() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    kill -0 "$pid" 2>/dev/null || die "server process $pid exited early; see the logs in ${WORK_DIR:-its work dir}"
  done
}

# Kills every process this script started and waits for them.
stop_started() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED_PIDS[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  STARTED_PIDS=()
}

# json_get KEY JSON_LINE: a number or string value of a flat JSON object.
json_get() {
  printf '%s' "$2" | sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"}]*\).*/\1/p"
}
