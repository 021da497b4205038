"""Top source lines of a `callgrind_annotate --auto=yes` listing.

    python3 hot_lines.py LISTING PREFIX [N]

Each line's cost is its own instructions plus those of the calls made from it
(the `=>` rows under it), for files under PREFIX (the crate root).
"""
import re
import sys

listing, prefix = sys.argv[1], sys.argv[2]
top = int(sys.argv[3]) if len(sys.argv) > 3 else 30
total = None
path, line, cost = None, 0, {}
for row in open(listing, encoding="utf-8", errors="replace"):
    row = row.rstrip("\n")
    m = re.match(r"^\s*([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", row)
    if m and total is None:
        total = int(m.group(1).replace(",", ""))
    m = re.match(r"^-- (?:Auto|User)-annotated source: (.*)$", row)
    if m:
        path, line = m.group(1).strip(), 0
        continue
    m = re.match(r"^-- line (\d+) -+$", row)
    if m:
        line = int(m.group(1)) - 1
        continue
    if path is None or row.startswith("--") or "events annotated" in row or "unidentified lines" in row:
        continue
    m = re.match(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s?(.*)$", row)
    if m and m.group(2).lstrip().startswith("=>"):
        key = (path, line)  # a call made from the line above
    elif m or re.match(r"^\s*\.(\s|$)", row):
        line += 1
        if not m:
            continue
        key = (path, line)
    else:
        continue
    cost[key] = cost.get(key, 0) + int(m.group(1).replace(",", ""))

sources = {}
# callgrind_annotate names a file as it was given: absolute, or relative to
# the crate root (`src/...`, as profile.sh passes them). Both count.
rows = sorted(((v, k) for k, v in cost.items() if k[0].startswith(prefix) or not k[0].startswith("/")), reverse=True)[:top]
for v, (p, n) in rows:
    if p not in sources:
        try:
            sources[p] = open(p, encoding="utf-8").read().splitlines()
        except OSError:
            sources[p] = []
    text = sources[p][n - 1].strip() if 0 < n <= len(sources[p]) else ""
    pct = f"{100 * v / total:5.1f}%" if total else ""
    shown = p[len(prefix):] if p.startswith(prefix) else p
    print(f"{v:>14,} {pct} {shown}:{n}  {text[:90]}")
