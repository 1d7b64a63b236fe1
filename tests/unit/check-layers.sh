#!/usr/bin/env bash
# The layer rules of ARCHITECTURE.md that a grep can check.
#
# Each rule is a function that prints what breaks it (file:line:text), one per
# line, and prints nothing when the tree follows it; `rules` lists them in the
# order they run.  To add a rule, write the function and append its name:
#
#   no_foo_in_bar () { grep -rn 'foo' src/bar || true; }
#   rules+=(no_foo_in_bar)
set -euo pipefail
src=${1:?source dir}
cd "$src"
rules=()

# headers_of LAYER...: the names of the headers that live in src/LAYER/.
headers_of () {
  local layer
  for layer in "$@"; do
    ls "src/$layer"/*.h
  done | xargs -n1 basename | sort -u
}

# includes_from LAYER FORBIDDEN_LAYER...: every #include in a file of
# src/LAYER/ of a header that lives in one of the FORBIDDEN_LAYERs (compared
# by file name, so "store/bz-store.h" counts as bz-store.h).
includes_from () {
  local layer=$1; shift
  local forbidden
  forbidden=$(headers_of "$@")
  { grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' "src/$layer" || true; } |
    awk -v forbidden="$forbidden" '
      BEGIN { n = split (forbidden, h, "\n"); for (i = 1; i <= n; i++) bad[h[i]] = 1 }
      {
        text = $0
        sub (/^[^:]*:[0-9]+:/, "", text)
        if (match (text, /[<"][^">]+[">]/))
          {
            name = substr (text, RSTART + 1, RLENGTH - 2)
            sub (/.*\//, "", name)
            if (name in bad)
              print
          }
      }'
}

# 1. src/gui talks to services only: it includes no store or server header.
gui_includes_no_store_or_server () { includes_from gui store server; }
rules+=(gui_includes_no_store_or_server)

# 2. All SQL lives in src/store repositories: no sqlite3 symbol or type, and no
#    SQL statement text, anywhere else.
no_sqlite_outside_store () {
  grep -rnE 'sqlite3|"(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|BEGIN|COMMIT) ' src \
    --include='*.c' --include='*.h' | grep -v '^src/store/' || true
}
rules+=(no_sqlite_outside_store)

failed=0
for rule in "${rules[@]}"; do
  out=$("$rule")
  if [[ -n $out ]]; then
    echo "FAIL $rule:"
    echo "$out" | sed 's/^/  /'
    failed=$((failed + 1))
  else
    echo "ok   $rule"
  fi
done
echo "$(( ${#rules[@]} - failed )) passed, $failed failed"
(( failed == 0 ))
