#!/usr/bin/env bash
# Start/stop the lab PBX daemons (Kamailio + rtpengine) on 127.0.0.1.
#   scripts/lab/pbx.sh start|stop|restart|status [kamailio|rtpengine|all]
# PID files and logs live in ${LAB_DIR:-.lab} (relative to the repo root).
# Run it inside a loopback-only netns (scripts/lab/in-netns.sh).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LAB_DIR="${LAB_DIR:-.lab}"
case "$LAB_DIR" in /*) ;; *) LAB_DIR="$ROOT/$LAB_DIR" ;; esac
mkdir -p "$LAB_DIR/run"

STOP_TIMEOUT="${STOP_TIMEOUT:-5}"    # seconds between TERM and KILL
START_TIMEOUT="${START_TIMEOUT:-10}" # seconds to wait for the listening ports

# name -> "proto:port ..." that must be listening once it is up
ports_of() {
  case "$1" in
    kamailio) echo "udp:5060 tcp:8088" ;;
    rtpengine) echo "udp:2223" ;;
  esac
}

pidfile() { echo "$LAB_DIR/$1.pid"; }
logfile() { echo "$LAB_DIR/$1.log"; }

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# PID files are shared by everyone using this LAB_DIR, but a lab only reaches
# daemons in its own network namespace: never touch one in another namespace.
same_netns() { [ "$(readlink "/proc/$1/ns/net" 2>/dev/null)" = "$(readlink /proc/self/ns/net)" ]; }

read_pid() {
  local f; f="$(pidfile "$1")"
  [ -f "$f" ] && cat "$f" || true
}

# PIDs of processes listening on 127.0.0.1:<port> (any proto), from ss.
listeners() {
  local proto="$1" port="$2" flag=-lnpu
  [ "$proto" = tcp ] && flag=-lnpt
  ss $flag "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u || true
}

listening() {
  local proto="$1" port="$2" flag=-lnu
  [ "$proto" = tcp ] && flag=-lnt
  ss $flag "sport = :$port" 2>/dev/null | grep -q "127.0.0.1:$port"
}

kill_pid() {
  local pid="$1" i
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
    alive "$pid" || return 0
    sleep 0.1
  done
  echo "pbx: $pid ignored TERM for ${STOP_TIMEOUT}s, sending KILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 20; i++)); do alive "$pid" || return 0; sleep 0.1; done
}

stop_one() {
  local name="$1" pid spec
  pid="$(read_pid "$name")"
  # A stale PID file may name a reused PID: only stop our own program.
  if alive "$pid" && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != "$name" ]; then
    pid=""
  fi
  if alive "$pid" && ! same_netns "$pid"; then
    echo "pbx: $name pid $pid runs in another network namespace; leaving it alone" \
      "(use a separate LAB_DIR per concurrent lab)" >&2
  else
    kill_pid "$pid"
    rm -f "$(pidfile "$name")"
  fi
  # Leftovers from an earlier run whose PID file got lost: only a process of the
  # same program holding our port is stopped, never anything else.
  for spec in $(ports_of "$name"); do
    for pid in $(listeners "${spec%%:*}" "${spec##*:}"); do
      if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]; then
        echo "pbx: stopping leftover $name pid $pid on $spec" >&2
        kill_pid "$pid"
      fi
    done
  done
  # Kamailio children can outlive a KILLed main process for a moment.
  for spec in $(ports_of "$name"); do
    for ((i = 0; i < 30; i++)); do
      listening "${spec%%:*}" "${spec##*:}" || break
      sleep 0.1
    done
  done
}

launch() {
  local name="$1"
  case "$name" in
    kamailio)
      # -DD: stay in the foreground (we background it), -E: log to stderr.
      exec kamailio -DD -E -f "$HERE/kamailio.cfg" -Y "$LAB_DIR/run" -m 64 -M 8
      ;;
    rtpengine)
      # Userspace only (--table=-1); no system config file.
      exec rtpengine --config-file=none --foreground --log-stderr --log-level=6 \
        --table=-1 --interface=127.0.0.1 --listen-ng=127.0.0.1:2223 \
        --port-min=30000 --port-max=30999 --delete-delay=0 --num-threads=2
      ;;
  esac
}

start_one() {
  local name="$1" pid spec i ok log
  stop_one "$name"
  log="$(logfile "$name")"
  # Logs are appended across restarts (tests restart Kamailio); keep them bounded.
  if [ -f "$log" ] && [ "$(stat -c %s "$log")" -gt $((20 << 20)) ]; then mv -f "$log" "$log.old"; fi
  echo "=== start $(date -Is) ===" >>"$log"
  # setsid: own process group, so a test runner's Ctrl-C does not hit it.
  setsid bash -c "$(declare -f launch); HERE='$HERE' LAB_DIR='$LAB_DIR'; launch $name" \
    </dev/null >>"$log" 2>&1 &
  pid=$!
  echo "$pid" >"$(pidfile "$name")"
  for ((i = 0; i < START_TIMEOUT * 10; i++)); do
    if ! alive "$pid"; then break; fi
    ok=1
    for spec in $(ports_of "$name"); do
      listening "${spec%%:*}" "${spec##*:}" || ok=0
    done
    if [ "$ok" = 1 ]; then
      echo "pbx: $name up (pid $pid, log $log)"
      return 0
    fi
    sleep 0.1
  done
  echo "pbx: $name FAILED to start (ports: $(ports_of "$name")); last log lines:" >&2
  tail -n 40 "$log" >&2 || true
  kill_pid "$pid"
  rm -f "$(pidfile "$name")"
  return 1
}

status_one() {
  local name="$1" pid
  pid="$(read_pid "$name")"
  if alive "$pid" && same_netns "$pid"; then echo "$name: running (pid $pid)"; return 0; fi
  echo "$name: stopped"
  return 1
}

cmd="${1:-}"
target="${2:-all}"
case "$target" in
  all) names="rtpengine kamailio" ;;
  kamailio | rtpengine) names="$target" ;;
  *) echo "unknown daemon: $target" >&2; exit 2 ;;
esac

rc=0
case "$cmd" in
  start) for n in $names; do start_one "$n"; done ;;
  stop) for n in $names; do stop_one "$n"; done ;;
  restart) for n in $names; do stop_one "$n"; start_one "$n"; done ;;
  status) for n in $names; do status_one "$n" || rc=1; done ;;
  *) echo "usage: $0 start|stop|restart|status [kamailio|rtpengine|all]" >&2; exit 2 ;;
esac
exit $rc
