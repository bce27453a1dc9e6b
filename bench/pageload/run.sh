#!/usr/bin/env bash
# Page load in headless Chromium, Hmr.Build under dotnet watch side by side with Vite 7's dev server, one page importing
# a dozen npm packages by bare name (site.mjs). Packs Hmr.Build from this repository into a temporary feed under a
# version unique to the run, then runs driver.mjs, which prints a table and writes results/<name>.json.
#   PACKAGES=<node_modules folder> bench/pageload/run.sh [--loads 15] [--reloads 1] [--name NAME] [--without react+react-dom]
# PACKAGES defaults to tests/Hmr.Bundler.Tests/packages/node_modules (`npm ci` there). Vite comes from bench/prebundle
# (`npm ci` there). Leaves nothing running; removes its temporary folder and its package from the NuGet cache (KEEP=1
# keeps the folder, with the build's and servers' logs). Record results in docs/benchmarks.md ("## Page load").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
packages="${PACKAGES:-$repo/tests/Hmr.Bundler.Tests/packages/node_modules}"

[ -x /usr/bin/chromium ] || { echo "needs /usr/bin/chromium (apt-get install -y chromium)" >&2; exit 1; }
[ -d "$packages/react-dom" ] || { echo "no packages in $packages: run npm ci in tests/Hmr.Bundler.Tests/packages or set PACKAGES" >&2; exit 1; }
# Exact versions from the package-lock.json files; playwright-core downloads no browser.
[ -d "$here/node_modules/playwright-core" ] || (cd "$here" && npm ci --no-audit --no-fund)
[ -d "$here/../prebundle/node_modules/vite" ] || (cd "$here/../prebundle" && npm ci --no-audit --no-fund)

# Hmr.Build packed under a version of its own (bench/pack-temporary.sh): sets $version and $tmp.
source "$repo/bench/pack-temporary.sh" pageload

cd "$here"
node driver.mjs --work "$tmp" --feed "$tmp/feed" --version "$version" --sdk "$(dotnet --version)" \
  --packages "$(realpath "$packages")" "$@"
