#!/usr/bin/env bash
# The Spanish catalogue is complete, current and used at run time.
#   1. every source file with marked strings is listed in po/POTFILES.in;
#   2. every msgid xgettext finds today is translated in po/es.po (msgcmp), none fuzzy;
#   3. balanzad, run with LANGUAGE=es, prints its help in Spanish.
set -euo pipefail
src=${1:?source dir}; balanzad=$(realpath "${2:?balanzad}")
cd "$src"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "1/3 POTFILES.in lists every file with marked strings"
missing=$( { grep -rlE '\b(N?_|C_|NC_|g_dngettext|ngettext) ?\("' src --include='*.c' --include='*.h' | grep -v '^src/.*-resources'
             grep -rl 'translatable="yes"' ui --include='*.ui'; } | sort -u | comm -23 - <(sort -u po/POTFILES.in) )
if [[ -n "$missing" ]]; then echo "not in po/POTFILES.in:"; echo "$missing"; exit 1; fi
echo "2/3 every message is translated"
grep '\.c$\|\.h$' po/POTFILES.in > "$tmp/c"
grep '\.ui$' po/POTFILES.in > "$tmp/ui"
xgettext -o "$tmp/c.pot" --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 -f "$tmp/c"
xgettext -o "$tmp/ui.pot" --from-code=UTF-8 -f "$tmp/ui"
msgcat -o "$tmp/all.pot" "$tmp/c.pot" "$tmp/ui.pot"
msgcmp po/es.po "$tmp/all.pot"
stats=$(msgfmt --check --statistics -o /dev/null po/es.po 2>&1)
echo "$stats"
if grep -qE 'fuzzy|untranslated' <<<"$stats"; then exit 1; fi
echo "3/3 the binary speaks Spanish"
out=$(env LANG=C.UTF-8 LC_ALL= LANGUAGE=es "$balanzad" --help)
grep -q 'Servidor de la API de Balanza' <<<"$out" || { echo "$out"; exit 1; }
echo "1 passed, 0 failed"
