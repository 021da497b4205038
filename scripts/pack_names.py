#!/usr/bin/env python3
"""Packs the two name lists into data/names.bin, the one form embedded in
the annotator (`src/passes/entities/names.rs` reads it):

    data/first-names.tsv   Moby first names with gender (scripts/gen_names.sh)
    data/census-names.tsv  US Census 1990 first names and surnames
                           (scripts/gen_census_names.py)

    python3 scripts/pack_names.py [--out data/names.bin]

Both lists are merged on the lower-case name, which halves the gzip size
of the two tables (3,700 names are on both, and one sorted front-coded list
compresses far better than two text tables). Every Moby name is capitalised
per hyphen-separated part (`Anne-Marie`), which the script checks, so the
lower-case key gives back the exact Moby spelling.

Layout: b"NAM1", u32 count N, N flag bytes, then the N names sorted by
bytes and front-coded as in gazetteer.bin (`u8 length shared with the
previous name, the rest, "\\n"`), in columns so that gzip does well.
Flags: 1 Moby female list, 2 Moby male list (both: either gender), 4 census
female first name, 8 census male first name, 16 common surname.
Deterministic: the same lists give the same bytes.
"""
import argparse, pathlib, re, struct

from pack_gazetteer import front_code

MOBY = {"f": 1, "m": 2, "u": 3}
CENSUS = {"f": 4, "m": 8, "s": 16}


def rows(path):
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        yield line.rstrip("\n").split("\t")


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(root / "data/names.bin"))
    args = ap.parse_args()
    flags = {}
    for name, g in rows(root / "data/first-names.tsv"):
        assert re.fullmatch(r"[A-Z][a-z]+(-[A-Z][a-z]+)*", name), name
        flags[name.lower()] = MOBY[g]
    for name, fl in rows(root / "data/census-names.tsv"):
        assert name == name.lower() and "\n" not in name, name
        flags[name] = flags.get(name, 0) | sum(CENSUS[c] for c in fl)
    names = sorted(flags, key=str.encode)
    out = bytearray(b"NAM1" + struct.pack("<I", len(names)))
    out += bytes(flags[n] for n in names)
    out += front_code([n.encode() for n in names])
    pathlib.Path(args.out).write_bytes(bytes(out))
    print(f"{args.out}: {len(names)} names, {len(out)} bytes")


if __name__ == "__main__":
    main()
