#!/usr/bin/env bash
# Markup edits under dotnet watch in headless Chromium: the time from saving Pages/Index.cshtml of the .NET 10 webapp
# template to the page showing the edit, Hmr.Build's morph (Hmr:MorphMarkup=true) against dotnet watch's own reload
# (Hmr:MorphMarkup=false) on the same app, and whether the page kept its state (typed text, a script's counter).
# Packs Hmr.Build from this repository into a temporary feed under a version unique to the run, then runs driver.mjs,
# which prints a table and writes results/<name>.json.
#   bench/markup/run.sh [--edits 10] [--rounds 2] [--name NAME]   (edits per mode and round: 20 per mode by default)
# Leaves nothing running; removes its temporary folder and its package from the NuGet cache (KEEP=1 keeps the folder,
# with the build's and servers' logs). Record results in docs/benchmarks.md ("## Markup edits").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

[ -x /usr/bin/chromium ] || { echo "needs /usr/bin/chromium (apt-get install -y chromium)" >&2; exit 1; }
# Exact versions from package-lock.json; playwright-core downloads no browser.
[ -d "$here/node_modules/playwright-core" ] || (cd "$here" && npm ci --no-audit --no-fund)

# Hmr.Build packed under a version of its own (bench/pack-temporary.sh): sets $version and $tmp.
source "$repo/bench/pack-temporary.sh" markup

cd "$here"
node driver.mjs --work "$tmp" --feed "$tmp/feed" --version "$version" --sdk "$(dotnet --version)" "$@"
