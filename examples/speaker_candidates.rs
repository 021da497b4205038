//! Dumps every attribution rule's speaker for each gold quote with a gold
//! speaker (gold JSON Lines on stdin): how often some rule finds the right
//! speaker, and how often the sieve's choice does. Development aid.

use std::io::{self, BufRead};

use annotator::passes::{attribution, entities, quotes};
use annotator::Document;

fn main() {
    let (mut total, mut chosen_ok, mut any_ok) = (0, 0, 0);
    for line in io::stdin().lock().lines() {
        let line = line.expect("stdin");
        if line.trim().is_empty() {
            continue;
        }
        let gold: serde_json::Value = serde_json::from_str(&line).expect("gold JSON line");
        let text = gold["text"].as_str().expect("text");
        let cp: Vec<usize> = {
            let mut v = vec![0usize; text.len() + 1];
            let mut n = 0;
            for (b, c) in text.char_indices() {
                for k in 0..c.len_utf8() {
                    v[b + k] = n;
                }
                n += 1;
            }
            v[text.len()] = n;
            v
        };
        let doc = Document::new(text);
        let qs = quotes::find(&doc);
        let mut ents = entities::recognise(&doc);
        let props = attribution::proposals(&doc, &qs, &mut ents);
        for g in gold["quotes"].as_array().unwrap() {
            let Some(sp) = g["speaker"].as_object() else { continue };
            let (gs, ge) = (sp["start"].as_u64().unwrap() as usize, sp["end"].as_u64().unwrap() as usize);
            let (qs0, qe0) = (g["start"].as_u64().unwrap() as usize, g["end"].as_u64().unwrap() as usize);
            let Some(qi) = qs.iter().position(|q| cp[q.span.start] < qe0 && qs0 < cp[q.span.end]) else { continue };
            if qs[qi].kind == quotes::QuoteKind::Scare {
                continue;
            }
            total += 1;
            let ok = |a: &attribution::Attribution| a.speaker.is_some_and(|s| cp[s.span.start] < ge && gs < cp[s.span.end]);
            let p = &props[qi];
            if std::env::var_os("DUMP").is_some() {
                // One JSON line per quote: gold and chosen speaker (code points),
                // the rule, and every proposal, for error analysis in a script.
                let span_cp = |s: annotator::document::Span| [cp[s.start], cp[s.end]];
                let row = serde_json::json!({
                    "id": gold["id"],
                    "quote": span_cp(qs[qi].span),
                    "kind": format!("{:?}", qs[qi].kind),
                    "gold": [gs, ge],
                    "sys": p[0].speaker.map(|s| span_cp(s.span)),
                    "rule": p[0].rule.map(|r| r.as_str()),
                    "ok": ok(&p[0]),
                    "props": p[1..].iter().map(|a| serde_json::json!({
                        "rule": a.rule.map(|r| r.as_str()),
                        "sys": a.speaker.map(|s| span_cp(s.span)),
                        "ok": ok(a),
                    })).collect::<Vec<_>>(),
                });
                println!("{row}");
            }
            if ok(&p[0]) {
                chosen_ok += 1;
            }
            if p.iter().any(ok) {
                any_ok += 1;
                if !ok(&p[0]) && std::env::var_os("SHOW_SWAPS").is_some() {
                    let rules: Vec<String> = p.iter().map(|a| format!("{}{}", a.rule.map_or("-", |r| r.as_str()), if ok(a) { "+" } else { "" })).collect();
                    println!("SWAP {}", rules.join(" "));
                    if std::env::var_os("SHOW_SWAP_TEXT").is_some() {
                        let q = &qs[qi];
                        let lo = q.span.start.saturating_sub(100);
                        let lo = (0..=lo).rev().find(|&b| text.is_char_boundary(b)).unwrap_or(0);
                        let hi = (q.span.end + 100).min(text.len());
                        let hi = (hi..=text.len()).find(|&b| text.is_char_boundary(b)).unwrap_or(text.len());
                        let got: Vec<&str> = p.iter().filter_map(|a| a.speaker.map(|s| s.span.slice(text))).collect();
                        println!("   GOT={got:?} :: {}", text[lo..hi].replace('\n', "⏎"));
                    }
                }
            } else if std::env::var_os("SHOW_MISSES").is_some() {
                let q = &qs[qi];
                let lo = q.span.start.saturating_sub(160);
                let lo = (0..=lo).rev().find(|&b| text.is_char_boundary(b)).unwrap_or(0);
                let gold_text: String = text.chars().skip(gs).take(ge - gs).collect();
                let got: Vec<&str> = p.iter().filter_map(|a| a.speaker.map(|s| s.span.slice(text))).collect();
                println!("GOLD={gold_text:?} GOT={got:?} :: {}", text[lo..q.span.end].replace('\n', "⏎"));
            }
        }
    }
    println!("quotes with gold speaker: {total}; sieve right: {chosen_ok}; some rule right: {any_ok}");
}
