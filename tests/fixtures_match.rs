//! The committed annotations in `tests/fixtures/*.json` are what the native
//! API produces today. The browser tests (`tests/wasm.rs`) compare the WASM
//! API against the same files, so native and WASM are held to one answer.
//!
//! After an intended change of output: `UPDATE_FIXTURES=1 cargo test --test fixtures_match`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use annotator::{annotate, OffsetUnit, Options};

const FIXTURES: &[&str] = &["seed", "unicode"];

#[test]
fn native_output_matches_committed_fixtures() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    for name in FIXTURES {
        let text = common::fixture(&format!("{name}.txt"));
        let ann = annotate(&text, &Options::default());
        common::check_invariants(&text, &ann);
        let json = serde_json::to_string_pretty(&ann).unwrap() + "\n";
        let path = common::root().join(format!("tests/fixtures/{name}.utf16.json"));
        if update {
            std::fs::write(&path, &json).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_FIXTURES=1)", path.display()));
        assert!(json == want, "{name}: output differs from {} (run with UPDATE_FIXTURES=1 if intended)", path.display());
    }
}

#[test]
fn every_offset_unit_slices_to_the_same_text() {
    for name in FIXTURES {
        let text = common::fixture(&format!("{name}.txt"));
        let mut texts = Vec::new();
        for unit in [OffsetUnit::Utf16, OffsetUnit::Codepoint, OffsetUnit::Utf8] {
            let ann = annotate(&text, &Options::with_offsets(unit));
            common::check_invariants(&text, &ann);
            texts.push(ann.quotes.iter().map(|q| q.text.clone()).collect::<Vec<_>>());
        }
        assert!(texts.windows(2).all(|w| w[0] == w[1]));
    }
}

#[test]
fn output_is_deterministic() {
    let text = common::fixture("seed.txt");
    let a = annotate(&text, &Options::default()).to_json();
    for _ in 0..3 {
        assert_eq!(annotate(&text, &Options::default()).to_json(), a);
    }
}
