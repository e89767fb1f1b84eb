#!/usr/bin/env python3
"""Grows the built-in classification lists from real published budgets.

Usage: yusuan audit ../shared/corpus/budgets/*.pdf --out DIR, then
       python3 scripts/catalogue-from-corpus.py DIR

Reads the audit's JSON files and adds to src/Yusuan.Core/Catalogue/Data every 功能分类 code (2…, 3/5/7 digits) and 部门
(3…) or 政府 (5…) 经济分类 code printed with a name in a coded table, that the list does not have yet, with source `corpus`
and the fiscal years it was seen in. A code is taken only when its parent is in the list or taken too, its name is text
(no figures) and the documents that print it agree on the name (else the name most of them print, if at least two agree).
Codes already listed are left as they are: an official list still extends or replaces the built-in one at run time.
"""
import collections, csv, glob, json, os, re, sys

ROOT = os.path.join(os.path.dirname(__file__), "..", "src", "Yusuan.Core", "Catalogue", "Data")
FUNCTION_TABLES = {"T02", "T03", "T07", "T10", "T11"}
ECONOMIC_TABLES = {"T04", "T08"}
NAME = re.compile(r"^[\u4e00-\u9fff（）()、“”\"·—\-：:]{2,40}$")
ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\d+[.．、])\s*")


def clean(name):
    return ORDINAL.sub("", name).replace(" ", "").replace("\u3000", "")


def harvest(folder):
    seen = {"function": collections.defaultdict(lambda: (collections.Counter(), set())),
            "department": collections.defaultdict(lambda: (collections.Counter(), set())),
            "government": collections.defaultdict(lambda: (collections.Counter(), set()))}
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        disclosure = json.load(open(path, encoding="utf-8")).get("disclosure")
        if not disclosure:
            continue
        year = disclosure.get("fiscalYear")
        for table in disclosure.get("tables", []):
            kind = "function" if table["id"] in FUNCTION_TABLES else "economic" if table["id"] in ECONOMIC_TABLES else None
            if kind is None:
                continue
            names = {}
            for row in table.get("rows", []):
                code, name = row.get("code"), clean(row.get("name") or "")
                if not code or not code.isdigit() or len(code) not in (3, 5, 7) or not NAME.match(name):
                    continue
                if kind == "function" and code[0] == "2":
                    names[("function", code)] = name
                elif kind == "economic" and code[0] == "3" and len(code) in (3, 5):
                    names[("department", code)] = name
                elif kind == "economic" and code[0] == "5" and len(code) in (3, 5):
                    names[("government", code)] = name
            for (list_name, code), name in names.items():
                counter, years = seen[list_name][code]
                counter[name] += 1
                years.add(year)
    return seen


def years_text(years):
    years = sorted(y for y in years if y)
    return " ".join(str(y) for y in years)


def grow(file_name, seen):
    path = os.path.join(ROOT, file_name)
    # Split on newlines only: a stray carriage return inside a field is dropped, never taken as a line end.
    lines = [l for l in open(path, encoding="utf-8", newline="").read().replace("\r", "").split("\n") if l]
    comments = [l for l in lines if l.startswith("#")]
    rows = list(csv.reader([l for l in lines if not l.startswith("#")]))
    header, body = rows[0], rows[1:]
    if "seen" not in header:
        header.append("seen")
        body = [r + [""] for r in body]
    known = {r[0] for r in body}
    added = []
    for code in sorted(seen, key=lambda c: (len(c), c)):
        counter, years = seen[code]
        if code in known:
            continue
        (name, count), *rest = counter.most_common()
        if rest and (count < 2 or count == rest[0][1]):
            continue
        parent = "" if len(code) == 3 else code[:-2]
        if parent and parent not in known:
            continue
        row = [code, name, str((len(code) - 1) // 2), parent, "corpus", years_text(years)]
        body.append(row)
        known.add(code)
        added.append(row)
    body.sort(key=lambda r: r[0])
    if not any("corpus =" in c for c in comments):
        comments.append("# corpus = codes printed in the real published budgets of shared/corpus (scripts/catalogue-from-corpus.py); seen = the fiscal years they were printed in")
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("\n".join(comments) + "\n")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(body)
    return added


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    seen = harvest(sys.argv[1])
    for file_name, key in (("function-codes.csv", "function"), ("department-economic-codes.csv", "department"), ("government-economic-codes.csv", "government")):
        added = grow(file_name, seen[key])
        print(f"{file_name}: {len(added)} codes added")


if __name__ == "__main__":
    main()
