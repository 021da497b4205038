//! Fuzz target: any bytes, decoded lossily as UTF-8, annotated in every
//! offset unit; panics (a crash for libFuzzer) if the output breaks the
//! contract. Run by `make fuzz` (long) and `make test` (short); see
//! `fuzz/run.sh`.
#![no_main]

use annotator::{annotate, OffsetUnit, Options};
use libfuzzer_sys::fuzz_target;

// The same invariant checks as the integration tests.
#[allow(dead_code)]
#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The full contract on UTF-8 offsets (slices there are O(1)).
    let ann8 = annotate(&text, &Options::with_offsets(OffsetUnit::Utf8));
    common::check_invariants(&text, &ann8);
    for q in &ann8.quotes {
        assert!(q.start < q.end, "empty quote [{}, {})", q.start, q.end);
    }
    // The other units: every span is the UTF-8 span converted, with the same
    // text. (`check_invariants` slices each span from scratch in these units,
    // O(length) per span, which made the target 100x slower on long inputs.)
    let (utf16, cp) = unit_tables(&text);
    let want = ann8.spans();
    for (unit, table) in [(OffsetUnit::Utf16, &utf16), (OffsetUnit::Codepoint, &cp)] {
        let ann = annotate(&text, &Options::with_offsets(unit));
        assert_eq!(ann.offsets, unit);
        assert_eq!(ann.length, table[text.len()], "length in {unit}");
        let got = ann.spans();
        assert_eq!(got.len(), want.len(), "number of spans in {unit}");
        for (&(s8, e8, t8), &(s, e, t)) in want.iter().zip(&got) {
            assert_eq!((table[s8], table[e8], t8), (s, e, t), "span [{s8}, {e8}) bytes in {unit}");
        }
        // Everything but the offsets is the same as in UTF-8.
        for (a, b) in ann.quotes.iter().zip(&ann8.quotes) {
            assert_eq!((&a.kind, a.confidence), (&b.kind, b.confidence));
            assert_eq!(a.speaker.as_ref().map(|s| s.entity), b.speaker.as_ref().map(|s| s.entity));
        }
        for (a, b) in ann.entities.iter().zip(&ann8.entities) {
            assert_eq!((a.id, &a.kind, &a.name, &a.geo), (b.id, &b.kind, &b.name, &b.geo));
        }
    }
});

/// Byte offset -> UTF-16 and code-point offsets (`usize::MAX` inside a
/// character, so a span cut inside one fails the comparison).
fn unit_tables(text: &str) -> (Vec<usize>, Vec<usize>) {
    let mut utf16 = vec![usize::MAX; text.len() + 1];
    let mut cp = vec![usize::MAX; text.len() + 1];
    let (mut u, mut c) = (0, 0);
    for (b, ch) in text.char_indices() {
        utf16[b] = u;
        cp[b] = c;
        u += ch.len_utf16();
        c += 1;
    }
    utf16[text.len()] = u;
    cp[text.len()] = c;
    (utf16, cp)
}

