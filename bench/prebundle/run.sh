#!/usr/bin/env bash
# Bundling time of dependency pre-bundling, Hmr.Build's optimizer side by side with Vite 7's, interleaved rounds on the
# same installed packages (tests/Hmr.Bundler.Tests/packages; install them with `npm ci` there, and Vite here with
# `npm ci` in bench/prebundle). Each round starts a fresh process per tool: cold runs (output deleted first), then no-op
# runs. Usage: bench/prebundle/run.sh [rounds=2] [coldRuns=5] [noopRuns=10]. Record results in docs/benchmarks.md
# ("## Bundling time").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rounds="${1:-2}"; cold="${2:-5}"; noop="${3:-10}"
dotnet build "$repo/bench/Hmr.Bench" -c Release -v:q -nologo >/dev/null
for round in $(seq 1 "$rounds"); do
  echo "== round $round: Hmr.Build (load $(cut -d' ' -f1-3 /proc/loadavg))"
  dotnet "$repo/bench/Hmr.Bench/bin/Release/net10.0/Hmr.Bench.dll" prebundle "$cold" "$noop"
  echo "== round $round: Vite $(node -p "require('$here/node_modules/vite/package.json').version") (load $(cut -d' ' -f1-3 /proc/loadavg))"
  node "$here/vite-optimize.mjs" "$cold" "$noop"
done
