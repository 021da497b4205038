#!/usr/bin/env bash
# Runs `annotate --jsonl` over the development sets in ../shared/data and
# prints score.py's table for each.
#   scripts/eval.sh            dev sets + seed
#   scripts/eval.sh --train    also the train sets
#   EVAL_ERRORS=5 scripts/eval.sh   show 5 errors per layer
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${SHARED_DIR:-../shared}/data
SCORE=${SHARED_DIR:-../shared}/eval/score.py
OUT=${EVAL_OUT:-eval-out}  # separate dirs let parallel sessions evaluate at once
mkdir -p "$OUT"
cargo build --release --quiet --bin annotate
BIN=${CARGO_TARGET_DIR:-target}/release/annotate

sets=(seed-gold.json polnear-dev.jsonl conll2003-dev.jsonl gum-dev.jsonl)
[ "${1:-}" = "--train" ] && sets+=(polnear-train.jsonl.gz conll2003-train.jsonl)

for f in "${sets[@]}"; do
  gold="$DATA/$f"
  [ -f "$gold" ] || { echo "eval: missing $gold" >&2; exit 1; }
  name=${f%%.*}
  # Gold files are JSON Lines, except the seed (one object): feed id+text.
  python3 - "$gold" > "$OUT/$name.in.jsonl" <<'PY'
import gzip, json, sys
p = sys.argv[1]
raw = (gzip.open(p, "rt", encoding="utf-8") if p.endswith(".gz") else open(p, encoding="utf-8")).read()
docs = [json.loads(raw)] if p.endswith(".json") else [json.loads(l) for l in raw.splitlines() if l.strip()]
for d in docs:
    print(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False))
PY
  "$BIN" --jsonl < "$OUT/$name.in.jsonl" > "$OUT/$name.sys.jsonl"
  echo "== $f"
  python3 "$SCORE" "$gold" "$OUT/$name.sys.jsonl" ${EVAL_ERRORS:+--errors "$EVAL_ERRORS"}
  echo
done

# The entity tagger trains on the even-numbered half of GUM dev
# (data/README.md): its odd half is the held-out GUM figure to trust.
python3 - "$DATA/gum-dev.jsonl" "$OUT/gum-dev.sys.jsonl" "$OUT" <<'PY'
import json, sys
gold, sys_out, out = sys.argv[1:]
docs = [l for l in open(gold, encoding="utf-8") if l.strip()]
odd = [l for k, l in enumerate(docs) if k % 2 == 1]
ids = {json.loads(l)["id"] for l in odd}
with open(f"{out}/gum-dev-odd.gold.jsonl", "w", encoding="utf-8") as f:
    f.writelines(l if l.endswith("\n") else l + "\n" for l in odd)
with open(f"{out}/gum-dev-odd.sys.jsonl", "w", encoding="utf-8") as f:
    f.writelines(l for l in open(sys_out, encoding="utf-8") if l.strip() and json.loads(l)["id"] in ids)
PY
echo "== gum-dev.jsonl, odd half only (held out from the tagger's training)"
python3 "$SCORE" "$OUT/gum-dev-odd.gold.jsonl" "$OUT/gum-dev-odd.sys.jsonl"
