#!/usr/bin/env python3
"""Check data/foods/es-MX-names.tsv (Spanish (Mexico) names for USDA SR28 foods).

Verifies that:
  - the file is valid UTF-8 and starts with the header "ndb_no<TAB>name_es<TAB>note";
  - every row has 2 or 3 tab-separated fields (the note may be empty or absent);
  - every ndb_no is 5 digits and exists in FOOD_DES.txt.xz;
  - no ndb_no appears twice;
  - no name is empty or has leading/trailing blanks;
  - there are at least MIN_ROWS rows;
  - every ndb_no quoted in src/services/bz-demo.c (a "NNNNN" string) is present.

Prints the number of rows per SR28 food group and exits 0 on success, 1 on
any error.  Standard library only.

Usage: python3 data/foods/check-es-names.py [names.tsv] [FOOD_DES.txt.xz] [bz-demo.c]
"""

import csv
import io
import lzma
import os
import re
import sys

MIN_ROWS = 1600
HEADER = ["ndb_no", "name_es", "note"]

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def read_food_des(path):
    """Return ({ndb_no: (group, long_desc)}, {group: group name})."""
    foods = {}
    with lzma.open(path, "rb") as f:
        text = f.read().decode("latin-1")
    for line in text.splitlines():
        if not line.strip():
            continue
        fields = [x.strip("~") for x in line.split("^")]
        foods[fields[0]] = (fields[1], fields[2])
    groups = {}
    gpath = os.path.join(os.path.dirname(path), "FD_GROUP.txt")
    if os.path.exists(gpath):
        with open(gpath, "rb") as f:
            for line in f.read().decode("latin-1").splitlines():
                if line.strip():
                    code, name = [x.strip("~") for x in line.split("^")[:2]]
                    groups[code] = name
    return foods, groups


def demo_ndbs(path):
    with open(path, "r", encoding="utf-8") as f:
        return sorted(set(re.findall(r'"([0-9]{5})"', f.read())))


def main(argv):
    names_path = argv[1] if len(argv) > 1 else os.path.join(HERE, "es-MX-names.tsv")
    des_path = argv[2] if len(argv) > 2 else os.path.join(HERE, "FOOD_DES.txt.xz")
    demo_path = argv[3] if len(argv) > 3 else os.path.join(ROOT, "src", "services", "bz-demo.c")

    errors = []
    foods, groups = read_food_des(des_path)

    with open(names_path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print("FAIL: %s is not valid UTF-8: %s" % (names_path, e))
        return 1
    if text.startswith("\ufeff"):
        errors.append("file starts with a byte-order mark")
    if "\r" in text:
        errors.append("file has CR characters (use LF line ends)")

    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    if not rows or rows[0] != HEADER:
        errors.append("header must be %r, got %r" % ("\t".join(HEADER), rows[0] if rows else None))
    body = rows[1:]

    seen = {}
    per_group = {}
    for lineno, row in enumerate(body, start=2):
        if len(row) not in (2, 3):
            errors.append("line %d: expected 2 or 3 fields, got %d: %r" % (lineno, len(row), row))
            continue
        ndb, name = row[0], row[1]
        if not re.fullmatch(r"[0-9]{5}", ndb):
            errors.append("line %d: ndb_no %r is not 5 digits" % (lineno, ndb))
            continue
        if ndb not in foods:
            errors.append("line %d: ndb_no %s is not in FOOD_DES" % (lineno, ndb))
        if ndb in seen:
            errors.append("line %d: ndb_no %s duplicates line %d" % (lineno, ndb, seen[ndb]))
        seen[ndb] = lineno
        if not name.strip():
            errors.append("line %d: empty name for %s" % (lineno, ndb))
        elif name != name.strip() or "  " in name:
            errors.append("line %d: stray blanks in name %r" % (lineno, name))
        if ndb in foods:
            g = foods[ndb][0]
            per_group[g] = per_group.get(g, 0) + 1

    if len(seen) < MIN_ROWS:
        errors.append("only %d rows, need at least %d" % (len(seen), MIN_ROWS))

    demo = demo_ndbs(demo_path)
    missing = [n for n in demo if n not in seen]
    for n in missing:
        errors.append("ndb_no %s used in %s is missing" % (n, os.path.relpath(demo_path, ROOT)))

    print("rows per food group:")
    for g in sorted(per_group):
        print("  %s  %-40s %5d" % (g, groups.get(g, "?"), per_group[g]))
    print("  total %48d" % len(seen))
    print("demo foods (%s): %d, present: %d" % (os.path.relpath(demo_path, ROOT), len(demo), len(demo) - len(missing)))

    if errors:
        for e in errors[:200]:
            print("ERROR: " + e)
        if len(errors) > 200:
            print("... and %d more errors" % (len(errors) - 200))
        print("FAIL: %d errors" % len(errors))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
