#!/usr/bin/env bash
# Firefox's WebRTC never offers a 127.0.0.1 candidate (media.peerconnection.ice.loopback has no
# effect in Firefox ESR 153), and gathers no candidate at all in a namespace without a default
# route. This gives the loopback interface one more address and a default route through it: the
# namespace still has no interface but loopback, so nothing can leave it, and Firefox offers a
# host candidate (10.254.0.1) that rtpengine on 127.0.0.1 reaches over loopback.
# Only inside the lab's namespace (scripts/lab/in-netns.sh): never touch the host's network.
set -euo pipefail
[ "${LAB_NETNS:-}" = 1 ] || { echo "firefox-ice: run inside scripts/lab/in-netns.sh" >&2; exit 2; }
ip addr replace 10.254.0.1/32 dev lo
ip route replace default dev lo src 10.254.0.1
