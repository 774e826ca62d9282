#!/usr/bin/env bash
# Installs the local PBX lab toolchain (Debian packages only). Idempotent and a
# fast no-op when everything is present. Daemons are never auto-started: the
# lab runs them itself (scripts/lab/pbx.sh) inside a loopback-only netns.
set -euo pipefail

missing=()
command -v kamailio >/dev/null 2>&1 || missing+=(kamailio)
[ -f /usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so ] || missing+=(kamailio-websocket-modules)
command -v rtpengine >/dev/null 2>&1 || missing+=(rtpengine-daemon)
command -v sipp >/dev/null 2>&1 || missing+=(sip-tester)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr) # the Firefox (MV2) e2e suite
command -v ss >/dev/null 2>&1 || missing+=(iproute2) # pbx.sh checks listening ports with ss
# tcpdump counts the RTP packets that reach sipp's media port (sipp has no counter for it).
command -v tcpdump >/dev/null 2>&1 || missing+=(tcpdump)
# A private D-Bus session carries the desktop's notifications in the journal's reminder test.
command -v dbus-daemon >/dev/null 2>&1 || missing+=(dbus-daemon)
# CRM suites run Chromium headed on a virtual display and answer its permission prompt by keyboard.
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v xdotool >/dev/null 2>&1 || missing+=(xdotool)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "lab install: missing ${missing[*]}; installing" >&2
if [ "${LAB_NETNS:-}" = 1 ]; then
  # Inside scripts/lab/in-netns.sh there is no network, so apt cannot work.
  echo "lab install: cannot install inside the loopback-only netns; run scripts/lab/install.sh first" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# policy-rc.d exit 101 = "don't start services" while packages install.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod +x "$policy"
  created_policy=1
fi
cleanup() { [ "$created_policy" -eq 1 ] && $SUDO rm -f "$policy"; true; }
trap cleanup EXIT

$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  kamailio kamailio-websocket-modules rtpengine-daemon sip-tester chromium firefox-esr tcpdump iproute2 \
  dbus-daemon xvfb xdotool

