#!/usr/bin/env bash
# Mozilla's add-on linter (web-ext lint) over the built Firefox package: fails on errors, prints
# warnings (Preact's own innerHTML support and our import() of the call pop-up are flagged as
# "unsafe" patterns; neither writes data as HTML).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${CTI_OUT_DIR:-.output}/firefox-mv2"
[ -f "$dir/manifest.json" ] || { echo "run 'npm run build' first" >&2; exit 2; }
report="$(npx web-ext lint --source-dir "$dir" --self-hosted --output json 2>/dev/null || true)"
node -e '
  const r = JSON.parse(process.argv[1]);
  for (const kind of ["errors", "warnings", "notices"])
    for (const m of r[kind]) console.log(`${kind.slice(0, -1)}: ${m.code} ${m.file ?? ""} ${m.message}`);
  console.log(`web-ext lint: ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.notices} notices`);
  process.exit(r.summary.errors > 0 ? 1 : 0);
' "$report"
