#!/usr/bin/env bash
# Build task benchmark: generates a web project with N modules (default 2500, about 16 MB of JS with a realistic
# import fan-out), packs Hmr.Build, then measures
#   1. a cold `dotnet build`: the task's own time, from its summary line, and the whole build's wall time;
#   2. a no-op build: the analysis target must be skipped (no summary line);
#   3. one edited module: only it is re-parsed.
# Usage: bench/build/run.sh [modules]     Results go to stdout; record them in docs/benchmarks.md ("## Build task").
# KEEP=1 keeps the work folder, for bench/build/ab.sh (A/B of the task's Hmr.Core.dll in the same app and package).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
modules="${1:-2500}"
work="$(mktemp -d /tmp/hmr-bench-build.XXXXXX)"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT   # KEEP=1 leaves the generated project for a look
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off UseSharedCompilation=false

echo "packing Hmr.Build..."
dotnet pack "$repo/Hmr.Build.sln" -c Release -o "$work/feed" -v:q -nologo >/dev/null
package="$(ls "$work/feed"/Hmr.Build.*.nupkg)"
version="$(basename "$package" .nupkg)"; version="${version#Hmr.Build.}"
# The generated app restores into a package folder of its own: never a Hmr.Build cached by an earlier run.
export NUGET_PACKAGES="$work/packages"

app="$work/app"
mkdir -p "$app/wwwroot/js"
cat > "$app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup><PackageReference Include="Hmr.Build" Version="$version" /></ItemGroup>
</Project>
XML
echo 'var app = WebApplication.CreateBuilder(args).Build(); app.UseStaticFiles(); app.Run();' > "$app/Program.cs"
cat > "$app/nuget.config" <<XML
<configuration><packageSources><clear /><add key="feed" value="$work/feed" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>
XML
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' > "$app/$f"; done

echo "generating $modules modules..."
# Module i lives in feature folder i%50 and imports up to 4 earlier modules (a DAG, as real apps are), one through the
# import map, sometimes one dynamically; every 10th accepts HMR. Bodies carry strings, templates, regexes and comments
# (the lexer's hard cases) and are padded to about 6.5 KB.
awk -v n="$modules" -v root="$app/wwwroot" -f "$(dirname "$0")/generate.awk"
bytes=$(find "$app/wwwroot" -name '*.js' -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "generated: $(find "$app/wwwroot" -name '*.js' | wc -l) modules, $bytes bytes"

build() { (cd "$app" && dotnet build -v:n -nologo "$@" 2>&1); }
summary() { grep -oE 'Hmr: [0-9]+ modules, [0-9]+ imports, [0-9]+ bytes analysed in [0-9]+ ms \([0-9]+ re-parsed\)' || true; }

(cd "$app" && dotnet restore -nologo -v:q >/dev/null)
start=$(date +%s%N); cold="$(build --no-restore)"; end=$(date +%s%N)
echo "cold build:    $(echo "$cold" | summary)   [whole build $(( (end - start) / 1000000 )) ms]"
echo "$cold" | grep -E ': (error|warning) ' | sort -u | head -5 || true

start=$(date +%s%N); noop="$(build --no-restore)"; end=$(date +%s%N)
if grep -q 'Skipping target "HmrAnalyzeModules"' <<<"$noop" && [ -z "$(summary <<<"$noop")" ]; then
  echo "no-op build:   analysis skipped   [whole build $(( (end - start) / 1000000 )) ms]"
else
  echo "no-op build:   ANALYSIS RAN: $(echo "$noop" | summary)"; echo "$noop" | grep -E -A3 'HmrAnalyzeModules|_HmrCollect' | head -20; exit 1
fi

echo "// edited $(date +%s%N)" >> "$app/wwwroot/js/f7/m7.js"
edit="$(build --no-restore)"
echo "one edit:      $(echo "$edit" | summary)"

# More cold builds (COLD_RUNS, default 5 in all): the artifact is deleted before each, so the task analyses every module
# in a fresh MSBuild process; the median says more than one run on a shared machine.
runs="${COLD_RUNS:-5}"; times="$(echo "$cold" | summary | grep -oE '[0-9]+ ms' | grep -oE '[0-9]+')"
for ((r = 2; r <= runs; r++)); do
  rm -rf "$app"/obj/Debug/*/hmr
  t="$(build --no-restore | summary | grep -oE 'in [0-9]+ ms' | grep -oE '[0-9]+')"
  times="$times $t"
done
echo "cold task times (ms): $times   median $(tr ' ' '\n' <<<"$times" | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}')"
echo "load: $(uptime | sed 's/.*load average/load average/')"
echo "machine: $(nproc) cores, $(dotnet --version) SDK"
