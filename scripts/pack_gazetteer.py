#!/usr/bin/env python3
"""Packs data/gazetteer.tsv (see data/README.md) into data/gazetteer.bin,
the compact form embedded in the annotator.

    python3 scripts/pack_gazetteer.py [--in data/gazetteer.tsv] [--out data/gazetteer.bin]

Layout (little-endian), columnar so that gzip does well;
`src/passes/entities/gazetteer.rs` reads it:

    b"GAZ5", u32 places P, u32 aliases A
    P bytes        feature (0 country, 1 admin1, 2 city, 3 continent, 4 region),
                   + 8 when the canonical name is itself a name of this place,
                   + 16 when its ASCII fold (below) is one too
    u8 C, C × 2 bytes  the ISO country codes used, ASCII, sorted ("\0\0" = none)
    P bytes        each place's country, an index into those codes
    P × i16        latitude × 100 (0.01°, about a kilometre: a city's point,
                   not a survey; 3 decimals cost 14 KB gzip more)
    P × i16        longitude × 100
    P canonical names, sorted by bytes, front-coded (below)
    A × u16        place of each alias
    A aliases (names that differ from their place's canonical name), sorted
                   by bytes, front-coded
    u16 F, F lines  the ASCII fold of each character that has one: the
                   character, its ASCII letters (maybe none), "\n"
    u16 R, R × (u16, u16)  second readings: a place, and another place its
                   names may mean (`Georgia` the country, and the US state),
                   sorted by the first place, in the table's order of the
                   rows for its name. A second reading is a place of its own with no
                   names (its rows follow its name's first row in the table)

An alias that is the ASCII fold of its place's canonical name (`Sao Paulo`
for `São Paulo`: 1,175 of the 1,873 aliases) is not stored: the place gets
flag 16 and the annotator folds the canonical name itself, character by
character with the fold table, which is `gen_gazetteer.ascii_fold` of each
character (NFKD without combining marks, plus its own table). A fold that
is also any other row's name stays stored, so that the table's order of
insertion still decides between them. 7.7 KB gzip less.

Front coding: u8 length shared with the previous string, the rest, "\n".
Population only ranks places while the table is generated (gen_gazetteer.py),
so it is not packed.

A place is a distinct (canonical, feature, country, lat, lon);
places are sorted by canonical name, then the other fields. Deterministic:
the same table gives the same bytes.
"""
import argparse, pathlib, struct, sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from gen_gazetteer import ascii_fold  # noqa: E402

FEATURES = ["country", "admin1", "city", "continent", "region"]


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser()
    ap.add_argument("--in", dest="inp", default=str(root / "data/gazetteer.tsv"))
    ap.add_argument("--out", default=str(root / "data/gazetteer.bin"))
    args = ap.parse_args()
    rows = []
    seconds = []  # (name, place): the second readings, after their name's first row
    for line in open(args.inp, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name, feature, country, lat, lon, pop, canonical = line.rstrip("\n").split("\t")
        place = (canonical, FEATURES.index(feature), country, round(float(lat) * 100), round(float(lon) * 100))
        if rows and rows[-1][0] == name or seconds and seconds[-1][0] == name:
            seconds.append((name, place))
        else:
            rows.append((name, place))
    places = sorted({p for _, p in rows + seconds}, key=lambda p: (p[0].encode(),) + p[1:])
    index = {p: i for i, p in enumerate(places)}
    assert len(places) < 65536
    is_name = {index[p] for n, p in rows if n == p[0]}
    # Fold table: every non-ASCII character of a canonical name that folds.
    chars = sorted({c for p in places for c in p[0] if ord(c) > 127})
    fold_table = {c: ascii_fold(c) for c in chars if ascii_fold(c) is not None}

    def fold(name):
        if name.isascii() or any(ord(c) > 127 and c not in fold_table for c in name):
            return None
        return "".join(fold_table.get(c, c) for c in name)

    assert all(fold(p[0]) in (None, ascii_fold(p[0])) for p in places)
    row_names = {}
    for n, p in rows:
        row_names.setdefault(n, set()).add(index[p])
    folded = {i for i, p in enumerate(places) if fold(p[0]) and row_names.get(fold(p[0])) == {i}}
    aliases = sorted(((n.encode(), index[p]) for n, p in rows if n != p[0] and not (index[p] in folded and n == fold(p[0]))))
    first = {n: index[p] for n, p in rows}
    # Each name's readings keep the table's order (the order to try them);
    # several names of one place (`Córdoba`, `Cordoba`) give the same pairs.
    pairs = sorted(dict.fromkeys((first[n], index[p]) for n, p in seconds), key=lambda ab: ab[0])
    out = bytearray(b"GAZ5" + struct.pack("<II", len(places), len(aliases)))
    out += bytes(p[1] + (8 if i in is_name else 0) + (16 if i in folded else 0) for i, p in enumerate(places))
    codes = sorted({p[2].encode("ascii") if p[2] else b"\0\0" for p in places})
    assert len(codes) < 256 and all(len(c) == 2 for c in codes)
    out += bytes([len(codes)]) + b"".join(codes)
    out += bytes(codes.index(p[2].encode("ascii") if p[2] else b"\0\0") for p in places)
    out += b"".join(struct.pack("<h", p[3]) for p in places)
    out += b"".join(struct.pack("<h", p[4]) for p in places)
    out += front_code([p[0].encode() for p in places])
    out += b"".join(struct.pack("<H", i) for _, i in aliases)
    out += front_code([n for n, _ in aliases])
    out += struct.pack("<H", len(fold_table))
    out += b"".join((c + f).encode() + b"\n" for c, f in fold_table.items())
    out += struct.pack("<H", len(pairs)) + b"".join(struct.pack("<HH", a, b) for a, b in pairs)
    pathlib.Path(args.out).write_bytes(bytes(out))
    print(f"{args.out}: {len(places)} places, {len(aliases)} aliases stored, {len(folded)} folds made at load, {len(rows)} names, {len(pairs)} second readings, {len(out)} bytes")


def front_code(strings):
    out, prev = bytearray(), b""
    for n in strings:
        assert b"\n" not in n
        k = 0
        while k < min(len(prev), len(n), 255) and prev[k] == n[k]:
            k += 1
        out += bytes([k]) + n[k:] + b"\n"
        prev = n
    return bytes(out)


if __name__ == "__main__":
    main()
