//! Trains the entity tagger and writes `data/ner-model.bin`.
//!
//! ```sh
//! cargo run --release --example train_tagger -- [--buckets N] [--epochs N] [--min-count N] [--prune N] [--levels N] [--out PATH] TRAIN.jsonl...
//! cargo run --release --example train_tagger -- --repack OLD.bin [--out PATH]
//! cargo run --release --example train_tagger -- --requantize MODEL.bin --levels N [--out PATH]
//! ```
//!
//! `--repack` rewrites a model in the earlier `NER2` format (one code byte
//! per bucket and tag) as `NER3`, the same weights with the codes packed:
//! the committed model was trained as `NER2` (see `data/README.md`).
//!
//! `--requantize` stores an `NER3` model's weights again with `--levels`
//! levels a sign (fewer levels, a smaller gzip), without training: the
//! weights are the model's own, each rounded to the nearest new level.
//!
//! Each input is a JSON Lines gold file from `../shared/data` (format in its
//! README): `persons` → PER, `locations` → LOC, and for CoNLL
//! `meta.other_entities` → ORG / MISC. Offsets are code points. A file
//! argument may end in `@even` or `@odd` to keep only every other document
//! (for a held-out half). Files without `meta.other_entities` (GUM) are
//! partially labelled: only persons and locations are known. Deterministic: the same inputs give the same bytes.
//!
//! The same inputs include the code the features read beyond the tagger:
//! the tokenizer's abbreviations and the lexicon's speech verbs and titles
//! among others, so a change there changes the bytes. `data/README.md` says
//! which commit's code reproduces the shipped weights.

use std::io::Write;

use annotator::passes::entities::tagger::{self, train::Example};

fn cp_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn load(arg: &str, out: &mut Vec<Example>) {
    let (path, half) = match arg.rsplit_once('@') {
        Some((p, h)) if h == "even" || h == "odd" => (p, Some(h == "odd")),
        _ => (arg, None),
    };
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    for (k, line) in raw.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        if let Some(odd) = half {
            if (k % 2 == 1) != odd {
                continue;
            }
        }
        let d: serde_json::Value = serde_json::from_str(line).expect("json");
        let text = d["text"].as_str().expect("text").to_string();
        let map = cp_to_byte(&text);
        let mut spans = Vec::new();
        let mut push = |v: &serde_json::Value, tag: u8| {
            let (Some(s), Some(e)) = (v["start"].as_u64(), v["end"].as_u64()) else { return };
            let (s, e) = (s as usize, e as usize);
            if s < e && e < map.len() {
                spans.push((map[s], map[e], tag));
            }
        };
        for (key, tag) in [("persons", tagger::PER), ("locations", tagger::LOC)] {
            for v in d[key].as_array().into_iter().flatten() {
                push(v, tag);
            }
        }
        for v in d["meta"]["other_entities"].as_array().into_iter().flatten() {
            let tag = match v["type"].as_str() {
                Some("ORG") => tagger::ORG,
                Some("MISC") => tagger::MISC,
                _ => continue,
            };
            push(v, tag);
        }
        let partial = d["meta"].get("other_entities").is_none();
        out.push(Example { text, spans, partial });
    }
}

fn main() {
    let mut buckets = 1 << 16;
    let mut epochs = 8;
    let mut min_count = 3;
    let mut prune = 0f32;
    let mut levels = 15usize;
    let mut out_path = "data/ner-model.bin".to_string();
    let mut examples = Vec::new();
    let mut repack = None;
    let mut requantize = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--buckets" => buckets = args.next().and_then(|v| v.parse().ok()).expect("--buckets N"),
            "--epochs" => epochs = args.next().and_then(|v| v.parse().ok()).expect("--epochs N"),
            "--min-count" => min_count = args.next().and_then(|v| v.parse().ok()).expect("--min-count N"),
            "--prune" => prune = args.next().and_then(|v| v.parse().ok()).expect("--prune N"),
            "--levels" => levels = args.next().and_then(|v| v.parse().ok()).expect("--levels N"),
            "--out" => out_path = args.next().expect("--out PATH"),
            "--repack" => repack = Some(args.next().expect("--repack OLD.bin")),
            "--requantize" => requantize = Some(args.next().expect("--requantize MODEL.bin")),
            _ => load(&a, &mut examples),
        }
    }
    if let Some(old) = repack {
        let b = std::fs::read(&old).unwrap_or_else(|e| panic!("{old}: {e}"));
        assert_eq!(b.get(0..4), Some(&b"NER2"[..]), "{old}: not an NER2 model");
        let k = u32::from_le_bytes(b[12..16].try_into().unwrap()) as usize;
        let mut out = b"NER3".to_vec();
        out.extend_from_slice(&b[4..16 + 4 * k]);
        out.extend(tagger::pack_codes(&b[16 + 4 * k..], k / 2));
        std::fs::write(&out_path, &out).expect("write model");
        eprintln!("wrote {out_path}: {} bytes", out.len());
        return;
    }
    if let Some(old) = requantize {
        let b = std::fs::read(&old).unwrap_or_else(|e| panic!("{old}: {e}"));
        let (buckets, w) = tagger::decode_weights(&b).unwrap_or_else(|| panic!("{old}: not an NER3 model"));
        let bytes = tagger::serialise(buckets, &w, 0.0, levels);
        std::fs::write(&out_path, &bytes).expect("write model");
        eprintln!("wrote {out_path}: {} bytes, {levels} levels", bytes.len());
        return;
    }
    eprintln!("{} documents, {} buckets, {} epochs", examples.len(), buckets, epochs);
    let w = tagger::train::train(&examples, buckets, epochs, min_count, &mut |s| eprintln!("{s}"));
    let bytes = tagger::serialise(buckets, &w, prune, levels);
    // (One level byte per non-zero code, after the header and the sign patterns.)
    let nonzero = bytes.len() - (16 + 4 * (2 * levels.clamp(1, 127) + 1)) - buckets;
    std::fs::File::create(&out_path).and_then(|mut f| f.write_all(&bytes)).expect("write model");
    eprintln!("wrote {out_path}: {} bytes, {} non-zero weights", bytes.len(), nonzero);
}
