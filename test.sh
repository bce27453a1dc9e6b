#!/usr/bin/env bash
# Runs the whole test suite, installing first what the tests need when it is missing:
# Debian's Chromium (browser tests) and the npm packages the tests compare against.
# Ends with one line: "N passed, N failed, N skipped". Exit code: dotnet test's.
set -uo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing Debian's chromium for the browser tests"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# npm folders the tests use: the reference tools (es-module-lexer, Vite) and the real packages that resolution and
# bundling are checked against. Tests only: the product never needs Node.
for folder in tests/reference tests/Hmr.Bundler.Tests/packages tests/Hmr.EndToEnd.Tests/vite; do
  # Missing, or older than the lock file (a package added since): npm ci again.
  if [ -f "$folder/package.json" ] && { [ ! -d "$folder/node_modules" ] || [ "$folder/package-lock.json" -nt "$folder/node_modules/.package-lock.json" ]; }; then
    echo "test.sh: installing the npm packages of $folder (tests only)"
    (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error) || echo "test.sh: npm install in $folder failed"
  fi
done

# dotnet watch takes one inotify instance per watched folder; the browser tests run several apps in a row, and
# Debian's default of 128 instances per user is soon used up by them and the IDE-style watchers of the tests.
if [ -r /proc/sys/fs/inotify/max_user_instances ] && [ "$(cat /proc/sys/fs/inotify/max_user_instances)" -lt 1024 ]; then
  as_root sysctl -q -w fs.inotify.max_user_instances=1024 >/dev/null 2>&1 || echo "test.sh: could not raise fs.inotify.max_user_instances"
fi

results="$PWD/artifacts/test-results"
rm -rf "$results"
# Build everything once (benchmarks included, so they never rot), then run the test projects one after another: the
# browser and fault tests under dotnet watch last, with the machine's cores to themselves.
code=0
dotnet build Hmr.Build.sln -c Release -nologo -v:q || code=$?
if [ "$code" -eq 0 ]; then
  for project in Hmr.Core.Tests Hmr.Bundler.Tests Hmr.Runtime.Tests Hmr.Build.Tests Hmr.EndToEnd.Tests; do
    dotnet test "tests/$project" -c Release --no-build --logger "trx;LogFileName=$project.trx" \
      --results-directory "$results" "$@" || code=$?
  done
fi

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a build or host failure counts too
echo "$passed passed, $failed failed, $skipped skipped"
exit $code
