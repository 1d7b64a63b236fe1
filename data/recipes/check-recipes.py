#!/usr/bin/env python3
"""Check data/recipes/recipes-es-MX.json against the USDA SR28 tables in data/foods/.

Python 3 standard library only.  Usage:

    python3 data/recipes/check-recipes.py [--ingredients] [--quiet] [recipes.json]

Verifies the structure of every recipe (required fields, types, enumerations,
unique kebab-case ids), that every ingredient's ndb_no is an SR28 food and its
grams are > 0, that there are at least 85 recipes and at least 15 for each meal
type; then prints the nutrition per serving of each recipe (energy 208, protein
203, fat 204, carbohydrate 205, fiber 291, sodium 307, from NUT_DATA per 100 g)
and flags any recipe whose energy per serving is outside the range of one of
its meal types, or whose sodium per serving is above that meal type's limit.

--ingredients also lists each ingredient's text next to its SR28 Long_Desc, for
a person to check that the food chosen is the one the text names.

Exit status: 0 when there are no errors and no flags, 1 otherwise.
"""

import json
import lzma
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FOODS = os.path.join(HERE, "..", "foods")
DEFAULT_JSON = os.path.join(HERE, "recipes-es-MX.json")

MIN_RECIPES = 85
MIN_PER_MEAL_TYPE = 15

MEAL_TYPES = ("breakfast", "snack", "lunch", "dinner")
MEAL_TYPE_ES = {"breakfast": "desayuno", "snack": "colación",
                "lunch": "comida", "dinner": "cena"}
DIFFICULTIES = ("easy", "medium", "hard")
CUISINES = ("mexicana", "internacional", "fusion")

# Energy per serving (kcal), inclusive, by meal type.
KCAL_RANGE = {
    "breakfast": (250, 500),
    "snack": (100, 250),
    "lunch": (400, 700),
    "dinner": (250, 500),
}
# Sodium per serving (mg), upper limit by meal type: a clinic's recipe should
# leave room under a 2,000 mg/day sodium limit (WHO) for the rest of the day.
SODIUM_MAX = {
    "breakfast": 800,
    "snack": 400,
    "lunch": 900,
    "dinner": 800,
}

# Tags the checker can verify from the ingredients and the nutrition per serving.
# A recipe may carry them only when they hold (see SOURCE.md).
MEAT_FISH_GROUPS = {"0500", "0700", "1000", "1300", "1500", "1700"}  # poultry, sausages, pork, beef, fish, lamb/game
ANIMAL_GROUPS = MEAT_FISH_GROUPS | {"0100"}  # and dairy and egg products
# Mixed foods (fats, soups, dishes) whose description names an animal food.
MIXED_GROUPS = {"0400", "0600", "2100", "2200", "3500", "3600"}
ANIMAL_RE = re.compile(r"\b(chicken|beef|pork|fish|clam|shrimp|meat|gelatin|lard|tallow)\b", re.I)
GLUTEN_RE = re.compile(r"wheat|bread|pasta|spaghetti|macaroni|noodle|barley|\brye\b|\boats?\b|cracker|"
                       r"bagel|muffin|biscuit|pancake|waffle|couscous|bulgur|semolina|granola|"
                       r"tortillas, ready-to-bake or -fry, flour", re.I)
ADDED_SUGAR_NDB = {"19296", "19334", "19335", "19912", "19353", "19340", "19350"}  # honey, sugars, syrups
HONEY_NDB = {"19296"}
CHECKED_TAGS = ("vegetariano", "vegano", "sin gluten", "sin azúcar añadida", "alto en proteína",
                "alto en fibra", "bajo en grasa", "bajo en sodio", "rápido")


def tag_holds(tag, r, ns, foods, groups):
    """Whether a checked tag holds for recipe r with nutrition per serving ns."""
    ndbs = [i["ndb_no"] for i in r["ingredients"]]
    snack_only = r["meal_types"] == ["snack"]
    if tag == "vegetariano":
        return not any(groups[n] in MEAT_FISH_GROUPS or
                       (groups[n] in MIXED_GROUPS and ANIMAL_RE.search(foods[n])) for n in ndbs)
    if tag == "vegano":
        return not any(groups[n] in ANIMAL_GROUPS or n in HONEY_NDB or
                       (groups[n] in MIXED_GROUPS and ANIMAL_RE.search(foods[n])) for n in ndbs)
    if tag == "sin gluten":
        return not any(GLUTEN_RE.search(foods[n]) for n in ndbs)
    if tag == "sin azúcar añadida":
        return not any(n in ADDED_SUGAR_NDB for n in ndbs)
    if tag == "alto en proteína":  # >= 20 g per serving (>= 10 g for a snack)
        return ns["protein"] >= (10 if snack_only else 20)
    if tag == "alto en fibra":  # >= 8 g per serving (>= 4 g for a snack)
        return ns["fiber"] >= (4 if snack_only else 8)
    if tag == "bajo en grasa":  # fat gives <= 25 % of the energy
        return ns["kcal"] > 0 and ns["fat"] * 9 <= 0.25 * ns["kcal"]
    if tag == "bajo en sodio":  # <= 140 mg per serving
        return ns["sodium"] <= 140
    if tag == "rápido":  # ready in 20 minutes or less
        return r["prep_time_min"] + r["cook_time_min"] <= 20
    raise KeyError(tag)


NUTRIENTS = (  # (Nutr_No, key, unit)
    ("208", "kcal", "kcal"),
    ("203", "protein", "g"),
    ("204", "fat", "g"),
    ("205", "carbohydrate", "g"),
    ("291", "fiber", "g"),
    ("307", "sodium", "mg"),
)

REQUIRED = {
    "id": str, "name": str, "description": str, "meal_types": list,
    "servings": int, "prep_time_min": int, "cook_time_min": int,
    "difficulty": str, "cuisine": str, "ingredients": list,
    "instructions": list, "tags": list,
}
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NDB_RE = re.compile(r"^[0-9]{5}$")


def sr28_lines(name):
    """Lines of an SR28 file (xz-compressed or plain), split on '^', '~' stripped."""
    path = os.path.join(FOODS, name + ".txt.xz")
    if os.path.exists(path):
        raw = lzma.open(path).read()
    else:
        with open(os.path.join(FOODS, name + ".txt"), "rb") as f:
            raw = f.read()
    text = raw.decode("latin-1").replace("\r\n", "\n").replace("\r", "\n")
    for line in text.split("\n"):
        if line:
            yield [field.strip("~") for field in line.split("^")]


def load_sr28():
    foods = {}
    groups = {}
    for f in sr28_lines("FOOD_DES"):
        foods[f[0]] = f[2]  # Long_Desc
        groups[f[0]] = f[1]  # FdGrp_Cd
    wanted = {n for n, _, _ in NUTRIENTS}
    values = {}
    for f in sr28_lines("NUT_DATA"):
        if f[1] in wanted:
            values.setdefault(f[0], {})[f[1]] = float(f[2])
    return foods, groups, values


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def is_number(v):
    return (isinstance(v, (int, float)) and not isinstance(v, bool)
            and v == v and v not in (float("inf"), float("-inf")))


def check_recipe(r, i, foods, errors):
    where = "recipe %d" % i
    if not isinstance(r, dict):
        errors.append("%s: not an object" % where)
        return False
    if isinstance(r.get("id"), str):
        where = "recipe %d (%s)" % (i, r["id"])
    ok = True
    for key, typ in REQUIRED.items():
        if key not in r:
            errors.append("%s: missing field %r" % (where, key))
            ok = False
        elif typ is int and not is_int(r[key]):
            errors.append("%s: %r must be an integer" % (where, key))
            ok = False
        elif typ is not int and not isinstance(r[key], typ):
            errors.append("%s: %r must be a %s" % (where, key, typ.__name__))
            ok = False
    for key in r:
        if key not in REQUIRED:
            errors.append("%s: unknown field %r" % (where, key))
    if not ok:
        return False

    if not ID_RE.match(r["id"]):
        errors.append("%s: id is not kebab-case" % where)
    for key in ("name", "description"):
        if not r[key].strip():
            errors.append("%s: %r is empty" % (where, key))
    mt = r["meal_types"]
    if not mt:
        errors.append("%s: meal_types is empty" % where)
    if len(set(map(str, mt))) != len(mt):
        errors.append("%s: meal_types repeats a value" % where)
    for m in mt:
        if m not in MEAL_TYPES:
            errors.append("%s: meal type %r not one of %s" % (where, m, ", ".join(MEAL_TYPES)))
            ok = False
    if r["servings"] < 1:
        errors.append("%s: servings must be >= 1" % where)
        ok = False
    for key in ("prep_time_min", "cook_time_min"):
        if r[key] < 0:
            errors.append("%s: %r must be >= 0" % (where, key))
    if r["difficulty"] not in DIFFICULTIES:
        errors.append("%s: difficulty %r not one of %s" % (where, r["difficulty"], ", ".join(DIFFICULTIES)))
    if r["cuisine"] not in CUISINES:
        errors.append("%s: cuisine %r not one of %s" % (where, r["cuisine"], ", ".join(CUISINES)))
    if not r["ingredients"]:
        errors.append("%s: no ingredients" % where)
        ok = False
    for j, ing in enumerate(r["ingredients"], 1):
        w = "%s ingredient %d" % (where, j)
        if not isinstance(ing, dict):
            errors.append("%s: not an object" % w)
            ok = False
            continue
        for key in ing:
            if key not in ("ndb_no", "grams", "text"):
                errors.append("%s: unknown field %r" % (w, key))
        ndb = ing.get("ndb_no")
        if not isinstance(ndb, str) or not NDB_RE.match(ndb):
            errors.append("%s: ndb_no must be a 5-digit string" % w)
            ok = False
        elif ndb not in foods:
            errors.append("%s: ndb_no %s is not an SR28 food" % (w, ndb))
            ok = False
        g = ing.get("grams")
        if not is_number(g) or g <= 0:
            errors.append("%s: grams must be a number > 0" % w)
            ok = False
        t = ing.get("text")
        if not isinstance(t, str) or not t.strip():
            errors.append("%s: text missing or empty" % w)
    if not r["instructions"]:
        errors.append("%s: no instructions" % where)
    for s in r["instructions"]:
        if not isinstance(s, str) or not s.strip():
            errors.append("%s: an instruction is not a non-empty string" % where)
    for t in r["tags"]:
        if not isinstance(t, str) or not t.strip():
            errors.append("%s: a tag is not a non-empty string" % where)
    if len(set(t for t in r["tags"] if isinstance(t, str))) != len(r["tags"]):
        errors.append("%s: tags repeat a value" % where)
    return ok


def per_serving(r, values):
    total = {key: 0.0 for _, key, _ in NUTRIENTS}
    missing = []
    for ing in r["ingredients"]:
        v = values.get(ing["ndb_no"], {})
        for num, key, _ in NUTRIENTS:
            if num in v:
                total[key] += ing["grams"] * v[num] / 100.0
            elif key in ("kcal", "protein", "fat", "carbohydrate"):
                missing.append("%s:%s" % (ing["ndb_no"], num))
    n = r["servings"]
    return {k: x / n for k, x in total.items()}, missing


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    show_ing = "--ingredients" in argv
    quiet = "--quiet" in argv
    path = args[0] if args else DEFAULT_JSON

    errors = []
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        print("ERROR: %s: %s" % (path, e))
        return 1
    if not isinstance(data, list):
        print("ERROR: %s: the top level must be an array of recipes" % path)
        return 1

    foods, groups, values = load_sr28()

    seen = {}
    good = []
    for i, r in enumerate(data, 1):
        if check_recipe(r, i, foods, errors):
            good.append(r)
        rid = r.get("id") if isinstance(r, dict) else None
        if isinstance(rid, str):
            if rid in seen:
                errors.append("recipe %d: id %r already used by recipe %d" % (i, rid, seen[rid]))
            else:
                seen[rid] = i
    names = {}
    for r in good:
        key = r["name"].strip().lower()
        if key in names:
            errors.append("%s: same name as %s" % (r["id"], names[key]))
        names[key] = r["id"]

    counts = {m: 0 for m in MEAL_TYPES}
    for r in good:
        for m in r["meal_types"]:
            counts[m] += 1
    if len(data) < MIN_RECIPES:
        errors.append("%d recipes, at least %d wanted" % (len(data), MIN_RECIPES))
    for m in MEAL_TYPES:
        if counts[m] < MIN_PER_MEAL_TYPE:
            errors.append("%d %s recipes, at least %d wanted" % (counts[m], m, MIN_PER_MEAL_TYPE))

    flags = []
    if not quiet:
        print("%-40s %-22s %5s %6s %6s %6s %6s %6s %6s" % (
            "id", "meal types", "serv", "kcal", "prot g", "fat g", "carb g", "fib g", "Na mg"))
    for r in good:
        ns, missing = per_serving(r, values)
        marks = []
        for m in r["meal_types"]:
            lo, hi = KCAL_RANGE[m]
            if not lo <= ns["kcal"] <= hi:
                marks.append("kcal %.0f outside %s %d-%d" % (ns["kcal"], MEAL_TYPE_ES[m], lo, hi))
            if ns["sodium"] > SODIUM_MAX[m]:
                marks.append("sodium %.0f mg above %s limit %d" % (ns["sodium"], MEAL_TYPE_ES[m], SODIUM_MAX[m]))
        for t in r["tags"]:
            if t in CHECKED_TAGS and not tag_holds(t, r, ns, foods, groups):
                errors.append("%s: tag %r does not hold (see SOURCE.md)" % (r["id"], t))
        if missing:
            marks.append("no SR28 value for " + ", ".join(missing))
        for mk in marks:
            flags.append("%s: %s" % (r["id"], mk))
        if not quiet:
            print("%-40s %-22s %5d %6.0f %6.1f %6.1f %6.1f %6.1f %6.0f%s" % (
                r["id"], ",".join(r["meal_types"]), r["servings"], ns["kcal"], ns["protein"],
                ns["fat"], ns["carbohydrate"], ns["fiber"], ns["sodium"],
                "   FLAG" if marks else ""))
        if show_ing:
            for ing in r["ingredients"]:
                print("    %s %7.1f g  %-45s | %s" % (
                    ing["ndb_no"], ing["grams"], ing["text"], foods[ing["ndb_no"]]))

    print()
    print("recipes: %d (%s)" % (len(data), ", ".join(
        "%s/%s %d" % (m, MEAL_TYPE_ES[m], counts[m]) for m in MEAL_TYPES)))
    for e in errors:
        print("ERROR: " + e)
    for fl in flags:
        print("FLAG: " + fl)
    if errors or flags:
        print("FAILED: %d errors, %d flags" % (len(errors), len(flags)))
        return 1
    print("OK: no errors, no flags")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
