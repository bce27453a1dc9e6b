#!/usr/bin/env bash
# Runs the demo under dotnet watch with hot module replacement: open http://localhost:5173 and edit
# samples/HmrDemo/wwwroot/js/*.js. Extra arguments go to dotnet watch (e.g. --non-interactive).
# The demo's npm package (dayjs) is fetched first from its lock file, with no Node (samples/npm-fetch.cs).
set -euo pipefail
cd "$(dirname "$0")"
dotnet run samples/npm-fetch.cs -- samples/HmrDemo
exec dotnet watch run --project samples/HmrDemo "$@"
