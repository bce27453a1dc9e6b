# Sourced by the browser benchmarks' run.sh (pageload, markup): packs src/Hmr.Build of this repository into a
# temporary feed, under a version unique to the run so the NuGet cache never serves a stale Hmr.Build, built into the
# run's own artifacts folder (never the tree's bin/ and obj/). On exit the version leaves the NuGet cache and the
# temporary folder is removed (KEEP=1 keeps it, with the logs).
#   repo=<repository root>; source "$repo/bench/pack-temporary.sh" <name>
# Sets $version and $tmp; the feed is $tmp/feed.
stamp="$(date -u +%Y%m%d%H%M%S).$$"
version="0.1.0-$1.$stamp"
tmp="$(mktemp -d "/tmp/hmr-$1-XXXXXX")"
trap 'rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/hmr.build/$version"; [ "${KEEP:-0}" = 1 ] && echo "kept $tmp" || rm -rf "$tmp"' EXIT

echo "dotnet pack src/Hmr.Build as $version"
if ! dotnet pack "$repo/src/Hmr.Build" -c Release -o "$tmp/feed" -p:PackageVersion="$version" -p:UseArtifactsOutput=true \
     -p:ArtifactsPath="$tmp/pack-artifacts" -nodeReuse:false -p:UseSharedCompilation=false >"$tmp/pack.log" 2>&1; then
  tail -40 "$tmp/pack.log"; exit 1
fi
