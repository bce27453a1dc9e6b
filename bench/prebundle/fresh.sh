#!/usr/bin/env bash
# Bundling time as a build pays it: one cold run in a fresh process, the way each `dotnet build` runs the
# BundleDependencies task in a new MSBuild process (JIT included). Side by side, alternating, N rounds of:
#   ours, IL:         Hmr.Bench prebundle 1 0 with the assemblies as compiled (what the package shipped before)
#   ours, packaged:   the same, with the ReadyToRun images of Hmr.Core, Hmr.Bundler and Acornima that the package
#                     ships for this platform (packed from this tree into a temporary folder)
#   Vite:             vite-optimize.mjs 1 0 (a fresh Node process)
# Usage: bench/prebundle/fresh.sh [rounds=7]. Needs `npm ci` in tests/Hmr.Bundler.Tests/packages and bench/prebundle.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rounds="${1:-7}"
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)"
# Under the repository's bin folder: Hmr.Bench finds the packages from its own place.
work="$repo/bench/Hmr.Bench/bin/fresh-$$"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/bench/Hmr.Bench" -c Release -v:q -nologo >/dev/null
dotnet pack "$repo/src/Hmr.Build/Hmr.Build.csproj" -c Release -o "$work/feed" -v:q -nologo >/dev/null
cp -r "$repo/bench/Hmr.Bench/bin/Release/net10.0" "$work/il"
cp -r "$work/il" "$work/packaged"
(cd "$work" && unzip -q -o feed/*.nupkg "tasks/net10.0/runtimes/$rid/lib/net10.0/*" -d pkg)
cp "$work/pkg/tasks/net10.0/runtimes/$rid/lib/net10.0/"*.dll "$work/packaged/"
echo "images for $rid: $(ls "$work/pkg/tasks/net10.0/runtimes/$rid/lib/net10.0/" | tr '\n' ' ')"

first() { sed -n 's/.*first (with JIT) \([0-9]*\).*/\1/p'; }
for round in $(seq 1 "$rounds"); do
  il=$(dotnet "$work/il/Hmr.Bench.dll" prebundle 1 0 | first)
  packaged=$(dotnet "$work/packaged/Hmr.Bench.dll" prebundle 1 0 | first)
  vite=$(node "$here/vite-optimize.mjs" 1 0 | first)
  echo "round $round: ours IL $il ms, ours packaged $packaged ms, Vite $vite ms (load $(cut -d' ' -f1 /proc/loadavg))"
done
