//! The Unicode corpus (`tests/unicode_corpus/`) natively: the contract in
//! every offset unit, the same findings in every unit, the same output on
//! every run. The browser half is `tests/wasm_unicode.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod unicode_corpus;

use annotator::{annotate, OffsetUnit, Options};
use unicode_corpus::CASES;

#[test]
fn unicode_corpus_keeps_the_contract_in_every_unit() {
    let mut quotes = 0;
    for (name, text) in CASES {
        let mut found: Option<Vec<String>> = None;
        for unit in [OffsetUnit::Utf16, OffsetUnit::Codepoint, OffsetUnit::Utf8] {
            let ann = annotate(text, &Options::with_offsets(unit));
            let ok = std::panic::catch_unwind(|| common::check_invariants(text, &ann));
            assert!(ok.is_ok(), "case {name:?} in {unit}");
            assert_eq!(ann, annotate(text, &Options::with_offsets(unit)), "case {name:?}: second run differs");
            let texts: Vec<String> = ann.quotes.iter().map(|q| q.text.clone()).collect();
            if let Some(prev) = &found {
                assert_eq!(prev, &texts, "case {name:?}: quotes differ in {unit}");
            }
            found = Some(texts);
        }
        quotes += found.map_or(0, |f| f.len());
    }
    // Not a quality test, but the corpus must exercise quotes at all.
    assert!(quotes >= CASES.len(), "only {quotes} quotes in {} cases", CASES.len());
}

/// Every case with each paragraph break spelled every way.
#[test]
fn unicode_corpus_with_every_line_ending() {
    for (name, text) in CASES {
        for nl in ["\r\n", "\r", "\u{2028}", "\u{85}"] {
            let t = text.replace('\n', nl);
            for unit in [OffsetUnit::Utf16, OffsetUnit::Codepoint, OffsetUnit::Utf8] {
                let ann = annotate(&t, &Options::with_offsets(unit));
                let ok = std::panic::catch_unwind(|| common::check_invariants(&t, &ann));
                assert!(ok.is_ok(), "case {name:?} with {nl:?} in {unit}");
            }
        }
    }
}
