#!/usr/bin/env bash
# Runs the demo under dotnet watch with hot module replacement: open http://localhost:5173 and edit
# samples/HmrDemo/wwwroot/js/*.js. Extra arguments go to dotnet watch (e.g. --non-interactive).
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet watch run --project samples/HmrDemo "$@"
