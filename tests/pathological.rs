//! Pathological input: huge runs of quotation marks, text without
//! whitespace, a million one-word paragraphs, quotes nested 10,000 deep, a
//! 1 MB word. Asserts behaviour, never time: no panic, no stack overflow,
//! the contract holds in every unit, and the output stays sane (bounded by
//! the input, quotes disjoint).
//!
//! Full sizes in release builds (`make test-release`: `cargo test --release
//! --test pathological`); a debug build (`cargo test`) runs the same inputs
//! at 1/20 of the size unless `PATHOLOGICAL_FULL=1`. Timings are measured
//! separately with the release command line (see the closing notes of
//! issue 8), not asserted here.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use annotator::Annotation;

const MB: usize = 1024 * 1024;

/// `n` scaled down in debug builds.
fn size(n: usize) -> usize {
    if cfg!(debug_assertions) && std::env::var_os("PATHOLOGICAL_FULL").is_none() {
        n / 20
    } else {
        n
    }
}

/// `pattern` repeated up to `bytes` bytes (cut on a character boundary).
fn fill(pattern: &str, bytes: usize) -> String {
    let mut s = pattern.repeat(bytes / pattern.len() + 1);
    let mut cut = bytes.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// The contract in every unit (`common::check_every_unit`), plus sanity:
/// the output stays bounded by the input.
fn annotate_all(text: &str) -> Annotation {
    let ann8 = common::check_every_unit(text);
    let want = ann8.spans();
    // Sane: the output is bounded by the input.
    let spans_total: usize = want.iter().map(|(s, e, _)| e - s).sum();
    assert!(ann8.quotes.len() <= text.len(), "more quotes than bytes");
    let quoted: usize = ann8.quotes.iter().map(|q| q.end - q.start).sum();
    assert!(quoted <= text.len(), "quotes overlap");
    assert!(spans_total <= 4 * text.len() + 16, "spans repeat the text too often: {spans_total} bytes for {}", text.len());
    ann8
}

#[test]
fn ten_mb_of_quotation_marks() {
    // Every style mixed, then a single ASCII mark repeated.
    let text = fill("\"“”'‘’«»„‚「」‹›", size(10 * MB));
    let ann = annotate_all(&text);
    for q in &ann.quotes {
        assert!(text[q.start..q.end].chars().count() >= 2, "a quote holds at least its marks");
    }
    let text = fill("\"", size(10 * MB));
    annotate_all(&text);
}

#[test]
fn ten_mb_without_whitespace() {
    let text = fill("Kim“said”Seoul,Pompeo:“We’re”fine.U.S.—", size(10 * MB));
    assert!(!text.chars().any(char::is_whitespace));
    annotate_all(&text);
    let text = fill("abcdefghijklmnopqrstuvwxyz0123456789", size(10 * MB));
    let ann = annotate_all(&text);
    assert!(ann.quotes.is_empty());
}

#[test]
fn a_million_one_word_paragraphs() {
    let n = size(1_000_000);
    let text = "word\n\n".repeat(n);
    let ann = annotate_all(&text);
    assert!(ann.quotes.is_empty());
    // A name in every paragraph: one entity (or none), not a million.
    let text = "Kim\n\n".repeat(n);
    let ann = annotate_all(&text);
    assert!(ann.quotes.is_empty());
    assert!(ann.entities.len() <= 1, "{} entities for one repeated name", ann.entities.len());
    // Single newlines (no blank line anywhere: every line is a paragraph).
    let text = "Seoul\r\n".repeat(n / 2) + &"said\r".repeat(n / 2);
    annotate_all(&text);
}

#[test]
fn quotes_nested_ten_thousand_deep() {
    let depth = 10_000;
    let text = "“".repeat(depth) + "x" + &"”".repeat(depth);
    let ann = annotate_all(&text);
    assert!(ann.quotes.len() <= depth);
    // Alternating double and single marks with words between, and a cue.
    let text = "“a ‘b ".repeat(depth / 2) + "x" + &"’ c” d".repeat(depth / 2) + " Kim said.";
    annotate_all(&text);
    // Guillemets and ASCII marks, which open and close with the same character.
    let text = "« ".repeat(depth) + "x" + &" »".repeat(depth);
    annotate_all(&text);
    let text = "\" '".repeat(depth / 2) + "x" + &"' \"".repeat(depth / 2);
    annotate_all(&text);
    // Deep nesting that never closes.
    let text = "“".repeat(depth) + "x";
    annotate_all(&text);
}

#[test]
fn quotes_with_cues_in_one_run_on_sentence() {
    // Every quotation has a cue beside it and no full stop ends the
    // sentence: attribution looks across sentences, so this is its worst case.
    let n = size(50_000);
    let text: String = (0..n).map(|i| format!("he said \"word{i}\" and ")).collect();
    let ann = annotate_all(&text);
    assert_eq!(ann.quotes.len(), n);
    let text: String = (0..n).map(|i| format!("He said \"word{i}\". ")).collect();
    annotate_all(&text);
}

#[test]
fn a_one_mb_single_word() {
    let text = "a".repeat(MB);
    let ann = annotate_all(&text);
    assert!(ann.quotes.is_empty() && ann.entities.is_empty());
    // A capitalised word, a hyphenated one, a dotted one, an apostrophe run.
    for pat in ["Kim", "Jae-", "U.S.", "’s", "\u{301}"] {
        let text = "Q".to_string() + &fill(pat, MB);
        annotate_all(&text);
    }
}
