//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file under `tests/fixtures/`.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/fixtures").join(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// The shared development data folder (`../shared/data`, or `$SHARED_DIR/data`).
pub fn shared_data() -> PathBuf {
    std::env::var_os("SHARED_DIR").map(PathBuf::from).unwrap_or_else(|| root().join("../shared")).join("data")
}

/// Converts a code-point offset of `text` to a byte offset.
pub fn cp_to_byte(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

use annotator::{Annotation, OffsetUnit};

/// The slice `[start, end)` of `text` in `unit`, or `None` when out of
/// bounds or not on a character boundary.
pub fn slice_in(text: &str, unit: OffsetUnit, start: usize, end: usize) -> Option<String> {
    if start > end {
        return None;
    }
    match unit {
        OffsetUnit::Utf8 => text.get(start..end).map(str::to_string),
        OffsetUnit::Codepoint => {
            let n = text.chars().count();
            (end <= n).then(|| text.chars().skip(start).take(end - start).collect())
        }
        OffsetUnit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            let piece = units.get(start..end)?;
            String::from_utf16(piece).ok()
        }
    }
}

/// Checks the contract's invariants on one annotation: spans in bounds and
/// equal to their text, arrays sorted, quotes disjoint, entity ids valid.
pub fn check_invariants(text: &str, ann: &Annotation) {
    let unit = ann.offsets;
    let check = |what: &str, s: usize, e: usize, t: &str| {
        let got = slice_in(text, unit, s, e);
        assert_eq!(got.as_deref(), Some(t), "{what} [{s},{e}) in {unit}");
    };
    assert_eq!(ann.version, 1);
    let len = match unit {
        OffsetUnit::Utf8 => text.len(),
        OffsetUnit::Codepoint => text.chars().count(),
        OffsetUnit::Utf16 => text.encode_utf16().count(),
    };
    assert_eq!(ann.length, len, "length");
    let mut prev_end = 0;
    for (i, q) in ann.quotes.iter().enumerate() {
        check("quote", q.start, q.end, &q.text);
        assert!(q.start >= prev_end, "quote {i} overlaps or is out of order");
        prev_end = q.end;
        assert!(matches!(q.kind.as_str(), "direct" | "partial" | "scare"), "{}", q.kind);
        assert!((0.0..=1.0).contains(&q.confidence));
        if let Some(s) = &q.speaker {
            check("speaker", s.start, s.end, &s.text);
            if let Some(id) = s.entity {
                assert!(id < ann.entities.len(), "speaker entity {id} exists");
            }
        }
        if let Some(c) = &q.cue {
            check("cue", c.start, c.end, &c.text);
        }
    }
    let mut prev_first = 0;
    for (i, e) in ann.entities.iter().enumerate() {
        assert_eq!(e.id, i, "entity ids are indices");
        assert!(!e.mentions.is_empty());
        assert!(e.mentions[0].start >= prev_first, "entities sorted by first mention");
        prev_first = e.mentions[0].start;
        let mut prev = 0;
        for m in &e.mentions {
            check("mention", m.start, m.end, &m.text);
            assert!(m.start >= prev, "mentions sorted");
            prev = m.start;
        }
        assert!(matches!(e.kind.as_str(), "person" | "location" | "organization"));
        // Only locations carry `geo` (a place outside the gazetteer has none).
        assert!(e.geo.is_none() || e.kind == "location", "geo on locations only: {}", e.name);
    }
}

/// Annotates `text` in every offset unit and checks the contract: the full
/// `check_invariants` in UTF-8 (slices there are O(1)), then every span of
/// the UTF-16 and code-point annotations against the UTF-8 one converted
/// through prefix tables, so a 10 MB text stays linear to check. Everything
/// but the offsets must be the same in every unit. Returns the UTF-8
/// annotation. Shared by the pathological tests and the fuzz target.
pub fn check_every_unit(text: &str) -> Annotation {
    use annotator::{annotate, Options};
    let ann8 = annotate(text, &Options::with_offsets(OffsetUnit::Utf8));
    check_invariants(text, &ann8);
    for q in &ann8.quotes {
        assert!(q.start < q.end, "empty quote [{}, {})", q.start, q.end);
    }
    // Byte offset -> UTF-16 and code-point offsets (`usize::MAX` inside a
    // character, so a span cut inside one fails the comparison).
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
    let want = ann8.spans();
    for (unit, table) in [(OffsetUnit::Utf16, &utf16), (OffsetUnit::Codepoint, &cp)] {
        let ann = annotate(text, &Options::with_offsets(unit));
        assert_eq!(ann.offsets, unit);
        assert_eq!(ann.length, table[text.len()], "length in {unit}");
        let got = ann.spans();
        assert_eq!(got.len(), want.len(), "number of spans in {unit}");
        for (&(s8, e8, t8), &(s, e, t)) in want.iter().zip(&got) {
            assert_eq!((table[s8], table[e8], t8), (s, e, t), "span [{s8}, {e8}) bytes in {unit}");
        }
        assert_eq!(ann.quotes.len(), ann8.quotes.len());
        assert_eq!(ann.entities.len(), ann8.entities.len());
        for (a, b) in ann.quotes.iter().zip(&ann8.quotes) {
            assert_eq!((&a.kind, a.confidence), (&b.kind, b.confidence));
            assert_eq!(a.speaker.as_ref().map(|s| s.entity), b.speaker.as_ref().map(|s| s.entity));
        }
        for (a, b) in ann.entities.iter().zip(&ann8.entities) {
            assert_eq!((a.id, &a.kind, &a.name, &a.geo), (b.id, &b.kind, &b.name, &b.geo));
        }
    }
    ann8
}
