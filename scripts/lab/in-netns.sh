#!/usr/bin/env bash
# Run a command inside a fresh network namespace that has only loopback, so no
# lab traffic (SIP, RTP, the browser) can ever leave 127.0.0.1.
#   scripts/lab/in-netns.sh npx vitest run --config tests/lab/vitest.config.ts
# When the command ends, whatever it left running in the namespace (daemons,
# a browser) is stopped: those processes were all started by this command and
# would otherwise live on in an unreachable namespace.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 command [args...]" >&2; exit 2; }
if [ "${LAB_NETNS:-}" = 1 ]; then exec "$@"; fi # already inside one

inner='
set -u
ip link set lo up
ns="$(readlink /proc/self/ns/net)"
leftovers() {
  local p
  for p in /proc/[0-9]*; do
    p="${p#/proc/}"
    [ "$p" = "$$" ] && continue
    [ "$p" = "$BASHPID" ] && continue
    [ "$(readlink "/proc/$p/ns/net" 2>/dev/null)" = "$ns" ] && echo "$p"
  done
  return 0
}
cleanup() {
  local pids i
  pids="$(leftovers)"
  [ -n "$pids" ] || return 0
  echo "in-netns: stopping leftover processes: $(echo $pids)" >&2
  kill -TERM $pids 2>/dev/null || true
  for i in $(seq 30); do
    pids="$(leftovers)"; [ -n "$pids" ] || return 0; sleep 0.1
  done
  kill -KILL $pids 2>/dev/null || true
}
trap cleanup EXIT
trap "exit 130" INT TERM
"$@"
'
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
exec $SUDO unshare -n -- env LAB_NETNS=1 bash -c "$inner" in-netns "$@"
