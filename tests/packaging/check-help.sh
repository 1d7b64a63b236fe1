#!/usr/bin/env bash
# The desk's help (suite 'packaging', issue 12): every Mallard page of help/C and help/es
# validates against Mallard 1.1's RELAX NG schema (Debian's mallard-rng; without it, is
# well-formed XML), both languages have the same pages, every link points to a page that
# exists, every topic is linked from the index, the Spanish pages are not the English
# ones, and meson installs them under share/help/LANG/balanza/ (where yelp finds help:balanza).
# usage: check-help.sh SOURCE_DIR BUILD_DIR
set -uo pipefail
src=$1; build=$2
pass=0; fail=0
ok () { echo "ok   $1"; pass=$((pass + 1)); }
bad () { echo "FAIL $1"; fail=$((fail + 1)); }

rng=/usr/share/xml/mallard/1.1/mallard-1.1.rng
for lang in C es; do
  for page in "$src/help/$lang"/*.page; do
    name=$lang/$(basename "$page")
    if [[ -f $rng ]]; then
      out=$(xmllint --noout --relaxng "$rng" "$page" 2>&1) && ok "$name validates (Mallard 1.1)" || bad "$name: $out"
    else
      out=$(xmllint --noout "$page" 2>&1) && ok "$name is well-formed (no Mallard schema here)" || bad "$name: $out"
    fi
  done
done

c_pages=$(cd "$src/help/C" && ls *.page | sort)
es_pages=$(cd "$src/help/es" && ls *.page | sort)
[[ $c_pages == "$es_pages" ]] && ok "help/C and help/es have the same pages" \
  || bad "pages differ: $(diff <(echo "$c_pages") <(echo "$es_pages") | tr '\n' ' ')"
[[ $(wc -w <<<"$c_pages") -ge 7 ]] && ok "index and the desk's main tasks" || bad "too few pages: $c_pages"

# Links: xref="id" or xref="id#section" name a page of the same language; every
# topic page links to the index as its guide.
for lang in C es; do
  missing=()
  for ref in $(grep -ho 'xref="[^"#]*' "$src/help/$lang"/*.page | sed 's/xref="//' | sort -u); do
    [[ -f $src/help/$lang/$ref.page ]] || missing+=("$ref")
  done
  ((${#missing[@]} == 0)) && ok "$lang: every link has its page" || bad "$lang: links to missing pages: ${missing[*]}"
  orphans=()
  for page in "$src/help/$lang"/*.page; do
    [[ $(basename "$page") == index.page ]] && continue
    grep -q '<link type="guide" xref="index' "$page" || orphans+=("$(basename "$page")")
  done
  ((${#orphans[@]} == 0)) && ok "$lang: every topic is in the index" || bad "$lang: not in the index: ${orphans[*]}"
done

# Written in Spanish: no page of help/es shares its title with its English one, and the
# common Spanish words are there.
same=()
for page in "$src/help/es"/*.page; do
  t_es=$(grep -o '<title>[^<]*</title>' "$page" | head -1)
  t_c=$(grep -o '<title>[^<]*</title>' "$src/help/C/$(basename "$page")" | head -1)
  [[ $t_es == "$t_c" ]] && same+=("$(basename "$page")")
done
((${#same[@]} == 0)) && ok "help/es titles are Spanish" || bad "help/es pages with the English title: ${same[*]}"
n_es=$(cat "$src/help/es"/*.page | grep -oiwE 'el|la|los|las|del|para|con|que' | wc -l)
((n_es > 100)) && ok "help/es reads as Spanish ($n_es articles and prepositions)" || bad "help/es does not read as Spanish"

# Installed where yelp looks.
installed=$(meson introspect "$build" --installed 2>/dev/null)
missing=()
for lang in C es; do
  for page in $c_pages; do
    grep -q "share/help/$lang/balanza/$page\"" <<<"$installed" || missing+=("$lang/$page")
  done
done
((${#missing[@]} == 0)) && ok "meson installs every page under share/help/LANG/balanza" || bad "not installed: ${missing[*]}"

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
