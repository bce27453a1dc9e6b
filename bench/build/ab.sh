#!/usr/bin/env bash
# Interleaved A/B of the task's Hmr.Core.dll: same generated app, same package, only the Hmr.Core.dll the task loads on
# this machine swapped (tasks/net10.0/runtimes/<rid>/lib/net10.0/, or tasks/net10.0/ without one), cold builds (artifact deleted, fresh MSBuild process) in rotating order, so every variant sees the same load.
# Usage: KEEP=1 bench/build/run.sh        (keeps its work folder, printed at the end as /tmp/hmr-bench-build.*)
#        bench/build/ab.sh <work folder> <rounds> <label>=<path to Hmr.Core.dll> ...
# Results go to stdout; record them in docs/benchmarks.md ("## Build task").
set -euo pipefail
work="$1"; rounds="$2"; shift 2
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off UseSharedCompilation=false
export NUGET_PACKAGES="$work/packages"
tasks="$(ls -d "$work"/packages/hmr.build/*/tasks/net10.0)"
rid="$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')"
task_core="$tasks/runtimes/$rid/lib/net10.0/Hmr.Core.dll"
[ -f "$task_core" ] || task_core="$tasks/Hmr.Core.dll"
echo "swapping $task_core"
declare -A times
echo "load before: $(uptime | sed 's/.*load average/load average/')"
for ((r = 0; r < rounds; r++)); do
  variants=("$@")
  for ((i = 0; i < ${#variants[@]}; i++)); do
    variant="${variants[$(( (i + r) % ${#variants[@]} ))]}"
    label="${variant%%=*}"
    cp "${variant#*=}" "$task_core"
    rm -rf "$work"/app/obj/Debug/*/hmr
    t="$(cd "$work/app" && dotnet build --no-restore -v:n -nologo 2>&1 | grep -oE 'analysed in [0-9]+ ms' | grep -oE '[0-9]+' || echo failed)"
    times[$label]="${times[$label]:-} $t"
  done
done
for variant in "$@"; do
  label="${variant%%=*}"
  echo "$label: ${times[$label]}   median $(tr ' ' '\n' <<<"${times[$label]}" | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}')"
done
echo "load after: $(uptime | sed 's/.*load average/load average/')"
