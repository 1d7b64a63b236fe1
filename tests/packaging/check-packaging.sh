#!/usr/bin/env bash
# Packaging checks (suite 'packaging', issue 12): the desktop files, the AppStream
# metainfo and the GSettings schema validate; the Flatpak manifest parses and names a
# checksummed source for every module; and `meson install` into a scratch DESTDIR gives
# the files a desktop needs and a balanzad that starts from there with its foods and
# recipes and answers /health.
# usage: check-packaging.sh SOURCE_DIR BUILD_DIR
set -uo pipefail
src=$1; build=$2
pass=0; fail=0
ok () { echo "ok   $1"; pass=$((pass + 1)); }
bad () { echo "FAIL $1"; fail=$((fail + 1)); }
scratch=$(mktemp -d); trap 'kill $srv 2>/dev/null; rm -rf "$scratch"' EXIT; srv=

# desktop-file-validate prints errors, warnings and hints; only hints are allowed.
for f in "$build"/data/org.balanza.Balanza.desktop "$build"/data/org.balanza.Balanza.Kiosk.desktop; do
  out=$(desktop-file-validate "$f" 2>&1)
  if [[ -f $f ]] && ! grep -qE ': (error|warning):' <<<"$out"; then ok "desktop-file-validate $(basename "$f")"
  else bad "desktop-file-validate $(basename "$f"): $out"; fi
done

# appstreamcli: no errors and no warnings (infos and pedantic notes are allowed: Debian 12's
# appstream 0.16.1 reports <developer id> as an unknown tag, newer ones require it).
out=$(appstreamcli validate --no-net --explain "$build/data/org.balanza.Balanza.metainfo.xml" 2>&1); rc=$?
if [[ $rc -eq 0 ]] && ! grep -qE '^(E|W):' <<<"$out"; then ok "appstreamcli validate"
else bad "appstreamcli validate: $out"; fi

out=$(glib-compile-schemas --strict --dry-run "$src/data" 2>&1)
if [[ $? -eq 0 ]]; then ok "glib-compile-schemas --strict"; else bad "glib-compile-schemas: $out"; fi

out=$(flatpak-builder --show-manifest "$src/flatpak/org.balanza.Balanza.json" 2>&1)
if [[ $? -eq 0 ]]; then ok "flatpak-builder --show-manifest"; else bad "flatpak-builder --show-manifest: $out"; fi
# Every module's sources: an archive with a URL and a SHA-256, or a directory that exists.
out=$(python3 - "$src/flatpak" <<'PY'
import json, os, re, sys
base = sys.argv[1]
m = json.load(open(os.path.join(base, "org.balanza.Balanza.json")))
problems = []
for mod in m["modules"]:
    srcs = mod.get("sources") or []
    if not srcs:
        problems.append(f"{mod['name']}: no sources")
    for s in srcs:
        if s["type"] == "dir":
            if not os.path.isfile(os.path.join(base, s["path"], "meson.build")):
                problems.append(f"{mod['name']}: {s['path']} is not the project")
        elif not (s.get("url", "").startswith("https://") and re.fullmatch(r"[0-9a-f]{64}", s.get("sha256", ""))):
            problems.append(f"{mod['name']}: source without an https URL and a SHA-256")
print("\n".join(problems))
PY
)
if [[ -z $out ]]; then ok "flatpak modules name checksummed sources"; else bad "flatpak sources: $out"; fi
# The camera comes through the Camera portal (bz-camera-portal.c): no device but the GPU,
# no host file system, no PipeWire socket of its own.
out=$(python3 - "$src/flatpak" <<'PY'
import json, os, sys
m = json.load(open(os.path.join(sys.argv[1], "org.balanza.Balanza.json")))
args = m.get("finish-args", [])
bad = [a for a in args if (a.startswith("--device=") and a != "--device=dri")
       or a.startswith("--filesystem=") or "pipewire" in a]
print(" ".join(bad))
PY
)
if [[ -z $out ]]; then ok "flatpak finish-args: the camera through the portal only"; else bad "flatpak finish-args grant $out"; fi

# meson install into a scratch DESTDIR.
dest=$scratch/root
if meson install -C "$build" --no-rebuild --destdir "$dest" >"$scratch/install.log" 2>&1; then ok "meson install"
else bad "meson install: $(tail -n 5 "$scratch/install.log")"; fi
prefix=$(meson introspect "$build" --buildoptions | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
root=$dest$prefix
missing=()
for f in bin/balanzad share/applications/org.balanza.Balanza.desktop share/applications/org.balanza.Balanza.Kiosk.desktop \
         share/metainfo/org.balanza.Balanza.metainfo.xml \
         share/icons/hicolor/scalable/apps/org.balanza.Balanza.svg \
         share/icons/hicolor/symbolic/apps/org.balanza.Balanza-symbolic.svg \
         share/glib-2.0/schemas/org.balanza.Balanza.gschema.xml lib/systemd/system/balanzad.service \
         share/balanza/foods/FOOD_DES.txt.xz share/balanza/foods/es-MX-names.tsv \
         share/balanza/recipes/recipes-es-MX.json share/locale/es/LC_MESSAGES/balanza.mo; do
  [[ -e $root/$f ]] || missing+=("$f")
done
if [[ -x $build/src/gui/balanza && ! -x $root/bin/balanza ]]; then missing+=(bin/balanza); fi
if ((${#missing[@]} == 0)); then ok "installed files"; else bad "not installed: ${missing[*]}"; fi
grep -q "^ExecStart=$prefix/bin/balanzad " "$root/lib/systemd/system/balanzad.service" 2>/dev/null \
  && ok "balanzad.service runs the installed balanzad" || bad "balanzad.service ExecStart"

# The installed balanzad, finding its data through XDG_DATA_DIRS like a packaged one.
XDG_DATA_DIRS=$root/share BALANZA_FOODS_DIR= BALANZA_RECIPES_FILE= \
  "$root/bin/balanzad" --data-dir "$scratch/data" --port 0 --bind 127.0.0.1 --demo >"$scratch/run.log" 2>&1 &
srv=$!
for _ in $(seq 600); do grep -q 'listening' "$scratch/run.log" && break; kill -0 $srv 2>/dev/null || break; sleep 0.2; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$scratch/run.log" | head -1)
if [[ -n $port ]] && curl -sf "http://127.0.0.1:$port/health" >/dev/null; then ok "installed balanzad answers /health"
else bad "installed balanzad: $(tail -n 3 "$scratch/run.log")"; fi
if grep -q "$root/share/balanza/foods" "$scratch/run.log" || [[ -n $port ]]; then :; fi
kill $srv 2>/dev/null; wait $srv 2>/dev/null; srv=

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
