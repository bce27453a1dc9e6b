#!/usr/bin/env bash
# Save-to-callback latency, Hmr.Build under dotnet watch vs Vite 7, same module files, headless Chromium.
# Packs Hmr.Build from this repository into a temporary feed under a version unique to the run (so the NuGet cache
# never serves a stale package), then runs driver.mjs. Extra arguments go to the driver, e.g.
#   bench/latency/run.sh --edits 50 --graphs demo,chain,tree --settle-variant 5
# Leaves nothing running; removes its temporary folder and its package from the NuGet cache (KEEP=1 keeps the folder,
# with the servers' logs).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

[ -x /usr/bin/chromium ] || { echo "needs /usr/bin/chromium (apt-get install -y chromium)" >&2; exit 1; }
# Exact versions from package-lock.json; no browser download (playwright-core has none).
[ -d "$here/node_modules/vite" ] && [ -d "$here/node_modules/playwright-core" ] || (cd "$here" && npm install --no-audit --no-fund)  # not `npm ci`: the registry here omits vite's optional platform packages, which `npm ci` insists on

version="0.1.0-bench.$(date -u +%Y%m%d%H%M%S).$$"
work="$(mktemp -d /tmp/hmr-latency-XXXXXX)"
cleanup() {
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/hmr.build/$version"
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "packing Hmr.Build $version"
dotnet pack "$repo/src/Hmr.Build/Hmr.Build.csproj" -c Release -o "$work/feed" -p:PackageVersion="$version" \
  -nodeReuse:false -p:UseSharedCompilation=false >"$work/pack.log" 2>&1 || { tail -40 "$work/pack.log"; exit 1; }

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$here"
node driver.mjs --work "$work" --feed "$work/feed" --version "$version" --sdk "$(dotnet --version)" "$@"
