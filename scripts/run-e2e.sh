#!/usr/bin/env bash
# The end-to-end suites, run inside the loopback-only namespace (see scripts/lab/in-netns.sh):
# first the lab's own self-check (PBX + WebRTC without the extension), so a broken lab is told
# apart from a broken extension, then the extension's e2e suite against the BUILT extension.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f "${CTI_OUT_DIR:-.output}/chrome-mv3/manifest.json" ] || { echo "run 'npm run build' first" >&2; exit 2; }
npx vitest run --config tests/lab/vitest.config.ts
npx vitest run --config tests/e2e/vitest.config.ts
# Firefox last: its suite needs the namespace's loopback to carry one more address (see there).
bash scripts/lab/firefox-ice.sh
npx vitest run --config tests/e2e-firefox/vitest.config.ts
