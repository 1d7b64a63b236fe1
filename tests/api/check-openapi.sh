#!/usr/bin/env bash
# The live /api/openapi.json passes Redocly's recommended rules with 0 errors and
# 0 warnings (npm @redocly/cli, installed into tools/node_modules by tools/dev test).
set -euo pipefail
src=${1:?source dir}; balanzad=$(realpath "${2:?balanzad}")
redocly="$src/tools/node_modules/.bin/redocly"
[[ -x $redocly ]] || { echo "missing $redocly: run tools/dev test (it installs tools/package.json)"; exit 1; }
tmp=$(mktemp -d); pid=
trap 'if [[ -n $pid ]]; then kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; fi; rm -rf "$tmp"' EXIT
"$balanzad" --data-dir "$tmp/data" --port 0 --bind 127.0.0.1 >"$tmp/out" 2>"$tmp/err" & pid=$!
for _ in $(seq 600); do grep -q 'Balanza listening' "$tmp/out" && break; sleep 0.1; done
url=$(sed -n 's/^Balanza listening on //p' "$tmp/out")
[[ -n $url ]] || { cat "$tmp/err"; exit 1; }
curl -sf "$url/api/openapi.json" -o "$tmp/openapi.json"
out=$(cd "$tmp" && NO_UPDATE_NOTIFIER=1 REDOCLY_TELEMETRY=off "$redocly" lint openapi.json --format=stylish 2>&1) || { echo "$out"; exit 1; }
echo "$out" | grep -E 'valid|error|warning' | grep -v '║'
grep -q 'Your API description is valid' <<<"$out" || { echo "$out"; exit 1; }
