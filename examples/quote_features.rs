//! Dumps the quote-kind features of every quotation found in gold JSON Lines
//! (stdin), labelled from the gold: 1 = a gold quote, 0 = a gold non-quote
//! (scare quote, title). Stretches the gold does not judge are skipped.
//! `rule` is what the rules beside the model decide (true = speech, false =
//! not speech, null = the model decides).
//!
//! Used by `scripts/train_quote_kind.py`; not part of the library.

use std::io::{self, BufRead, Write};

use annotator::passes::quotes::{self, kind};
use annotator::Document;

fn main() {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line.expect("stdin");
        if line.trim().is_empty() {
            continue;
        }
        let gold: serde_json::Value = serde_json::from_str(&line).expect("gold JSON line");
        let text = gold["text"].as_str().expect("text");
        let spans = |key: &str| -> Vec<(usize, usize)> {
            gold[key]
                .as_array()
                .map(|a| a.iter().map(|s| (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize)).collect())
                .unwrap_or_default()
        };
        let (gq, gn) = (spans("quotes"), spans("nonquotes"));
        // Byte offset -> code point offset.
        let mut cp = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (b, c) in text.char_indices() {
            cp[b] = n;
            n += 1;
            for k in 1..c.len_utf8() {
                cp[b + k] = n;
            }
        }
        cp[text.len()] = n;
        let doc = Document::new(text);
        let found = quotes::find(&doc);
        let feats = kind::features_and_rules(&doc, &found);
        for (q, (f, rule)) in found.iter().zip(feats) {
            let (s, e) = (cp[q.span.start], cp[q.span.end]);
            let hit = |v: &[(usize, usize)]| v.iter().any(|&(a, b)| a < e && s < b);
            let y = if hit(&gq) {
                1
            } else if hit(&gn) {
                0
            } else {
                continue;
            };
            serde_json::to_writer(&mut out, &serde_json::json!({"y": y, "f": f, "rule": rule, "doc": gold["id"], "start": s, "end": e})).unwrap();
            out.write_all(b"\n").unwrap();
        }
    }
}
