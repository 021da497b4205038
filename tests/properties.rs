//! Property tests: whatever the text, `annotate` does not panic, and its
//! output keeps the contract in every offset unit (spans in bounds, on
//! character boundaries, `text` equal to the slice; arrays sorted; quotes
//! disjoint; speaker entities exist) and is the same on every run.
//!
//! Two generators: arbitrary Unicode (weighted towards the characters the
//! analysis cares about), and news-like text assembled from fragments
//! (names, titles, speech verbs, every quotation-mark style, apostrophes,
//! emoji, CJK, right-to-left scripts, combining marks, every line ending,
//! NBSP and zero-width characters).
//!
//! 256 cases per property by default; `PROPTEST_CASES=5000 cargo test
//! --release --test properties` for a longer run.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use annotator::{annotate, Annotation, OffsetUnit, Options};
use proptest::prelude::*;

const UNITS: [OffsetUnit; 3] = [OffsetUnit::Utf16, OffsetUnit::Codepoint, OffsetUnit::Utf8];

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

/// Annotates `text` in every unit, twice, and checks everything.
fn check_all(text: &str) {
    let mut quote_texts: Option<Vec<String>> = None;
    let mut mention_texts: Option<Vec<Vec<String>>> = None;
    for unit in UNITS {
        let ann = annotate(text, &Options::with_offsets(unit));
        common::check_invariants(text, &ann);
        check_extra(&ann);
        let again = annotate(text, &Options::with_offsets(unit));
        assert!(ann == again, "second run differs in {unit}");
        assert_eq!(ann.to_json(), again.to_json(), "second run's JSON differs in {unit}");
        // The unit changes the numbers, never what is found.
        let qs: Vec<String> = ann.quotes.iter().map(|q| q.text.clone()).collect();
        let ms: Vec<Vec<String>> = ann.entities.iter().map(|e| e.mentions.iter().map(|m| m.text.clone()).collect()).collect();
        if let Some(prev) = &quote_texts {
            assert_eq!(prev, &qs, "quotes differ between units ({unit})");
        }
        if let Some(prev) = &mention_texts {
            assert_eq!(prev, &ms, "entities differ between units ({unit})");
        }
        quote_texts = Some(qs);
        mention_texts = Some(ms);
    }
}

/// What `check_invariants` leaves implicit: quotes and mentions are not
/// empty, no confidence without a speaker, and the JSON round-trips.
fn check_extra(ann: &Annotation) {
    for q in &ann.quotes {
        assert!(q.start < q.end, "empty or inverted quote [{}, {})", q.start, q.end);
        assert!(q.end <= ann.length);
        if q.speaker.is_none() {
            assert_eq!(q.confidence, 0.0, "confidence without a speaker");
        }
    }
    for e in &ann.entities {
        for m in &e.mentions {
            assert!(m.start < m.end, "empty mention of {}", e.name);
            assert!(m.end <= ann.length);
        }
    }
    let back: Annotation = serde_json::from_str(&ann.to_json()).expect("output JSON parses");
    assert_eq!(back.to_json(), ann.to_json(), "JSON round-trip");
}

// ---------------------------------------------------------------------------
// Generators

/// Characters the analysis treats specially, plus the awkward ones.
const SPECIAL_CHARS: &[char] = &[
    '"', '\'', '“', '”', '‘', '’', '„', '‚', '«', '»', '‹', '›', '「', '」', '『', '』', '〝', '〞', '＂', '`', '´', //
    '.', ',', ':', ';', '!', '?', '—', '–', '-', '…', '(', ')', '[', ']', '<', '>', '&', '/', '\\', //
    ' ', '\n', '\r', '\t', '\u{a0}', '\u{2009}', '\u{202f}', '\u{3000}', '\u{2028}', '\u{2029}', '\u{85}', '\u{b}', '\u{c}', //
    '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{fffd}', '\u{0}', //
    '\u{301}', '\u{308}', '\u{20e3}', '\u{fe0f}', '\u{1f3fd}', '\u{1f1f0}', '\u{1f1f7}', '😀', '👨', '👍', '𝐁', //
    'é', 'ß', 'İ', 'ı', 'ǅ', 'Ω', 'Я', '中', '国', '한', 'ا', 'ل', 'ש', '\u{200f}', '\u{202e}', //
    'K', 'i', 'm', 'S', 's', 'a', 'd', 'U', 'N', 'M', 'r', 'D',
];

fn unicode_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::sample::select(SPECIAL_CHARS),
        2 => proptest::char::range(' ', '~'),
        2 => any::<char>(),
    ]
}

/// Arbitrary Unicode strings: fully random, and weighted towards the
/// characters above.
fn unicode_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(unicode_char(), 0..400).prop_map(|v| v.into_iter().collect()),
    ]
}

const NAMES: &[&str] = &[
    "Kim Jong Un", "Mike Pompeo", "Moon Jae-in", "Angela Merkel", "Emmanuel Macron", "Zoë Müller", "José Álvarez",
    "O’Brien", "Sarah O'Neil", "Jean-Luc Picard", "Kim", "Pompeo", "Merkel", "Ms. Smith", "Mr. Biden", "Dr. Ruth Westheimer",
    "President Trump", "Prime Minister Abe", "Secretary of State Mike Pompeo", "the minister", "a spokesman", "officials",
    "he", "she", "they", "He", "She", "It", "金正恩", "محمد بن سلمان", "בנימין נתניהו", "U.S. officials", "the U.N.",
];

const PLACES: &[&str] = &[
    "Seoul", "Pyongyang", "Washington", "Paris", "Tokyo", "Berlin", "Cairo", "Jerusalem", "New York", "São Paulo",
    "the U.S.", "North Korea", "Beijing", "Zürich", "Kraków", "Québec",
];

const VERBS: &[&str] = &[
    "said", "says", "told reporters", "added", "explained", "insisted", "asked", "wrote", "tweeted", "warned",
    "said on Tuesday", "told the BBC", "declared", "according to", "in a statement", ":",
];

const WORDS: &[&str] = &[
    "the", "talks", "were", "productive", "we", "will", "never", "give", "up", "it’s", "don't", "’90s", "rock ’n’ roll",
    "Ma’am", "the ’80s", "5'11\"", "12\"", "O’Hara’s", "summit", "historic", "peace", "nuclear", "deal", "war", "it",
    "and", "but", "that", "there", "was", "no", "agreement", "😀", "👨‍👩‍👧", "🇰🇷", "👍🏽", "🏳️‍🌈", "1️⃣", "中国", "明日は雨",
    "진짜", "مرحبا", "שלום", "cafe\u{301}", "Zoe\u{308}", "a\u{200b}b", "x\u{feff}y", "&amp;", "<b>", "</p>", "—", "…",
];

/// Quotation styles: (open, close).
const QUOTES: &[(&str, &str)] = &[
    ("“", "”"), ("\"", "\""), ("'", "'"), ("‘", "’"), ("«", "»"), ("« ", " »"), ("»", "«"), ("„", "“"), ("‚", "‘"),
    ("「", "」"), ("『", "』"), ("‹", "›"), ("”", "”"), ("“", ""), ("", "”"), ("〝", "〞"), ("＂", "＂"), ("``", "''"),
];

const SEPARATORS: &[&str] = &[
    " ", " ", " ", ", ", ". ", ".\n\n", "\n", "\r\n", "\r", "\r\n\r\n", "\r\r", "\n\n", "\u{a0}", "\u{200b}", "\u{2028}",
    " — ", ": ", "; ", "? ", "! ", "\t", "  ", "\u{3000}",
];

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    proptest::sample::select(list).prop_map(str::to_string)
}

/// A few words, possibly with a name or place among them.
fn words() -> impl Strategy<Value = String> {
    proptest::collection::vec(prop_oneof![6 => pick(WORDS), 1 => pick(NAMES), 1 => pick(PLACES)], 1..8).prop_map(|w| w.join(" "))
}

/// A quotation in some style, sometimes nested, sometimes unclosed.
fn quotation() -> impl Strategy<Value = String> {
    let leaf = (proptest::sample::select(QUOTES), words()).prop_map(|((o, c), w)| format!("{o}{w}{c}"));
    leaf.prop_recursive(3, 8, 3, |inner| {
        (proptest::sample::select(QUOTES), words(), inner, words()).prop_map(|((o, c), a, q, b)| format!("{o}{a} {q} {b},{c}"))
    })
}

/// One sentence-like fragment.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (quotation(), pick(VERBS), pick(NAMES)).prop_map(|(q, v, n)| format!("{q} {v} {n}.")),
        3 => (quotation(), pick(NAMES), pick(VERBS)).prop_map(|(q, n, v)| format!("{q} {n} {v}.")),
        3 => (pick(NAMES), pick(VERBS), quotation()).prop_map(|(n, v, q)| format!("{n} {v} {q}")),
        1 => (pick(NAMES), pick(VERBS), words(), quotation(), words()).prop_map(|(n, v, a, q, b)| format!("{n} {v} {a} {q} {b}.")),
        2 => (pick(NAMES), words(), pick(PLACES)).prop_map(|(n, w, p)| format!("{n} {w} in {p}.")),
        2 => words().prop_map(|w| format!("{w}.")),
        1 => quotation(),
        1 => pick(WORDS),
        1 => proptest::collection::vec(unicode_char(), 1..20).prop_map(|v| v.into_iter().collect()),
    ]
}

/// News-like text: fragments joined by every kind of separator.
fn news_text() -> impl Strategy<Value = String> {
    proptest::collection::vec((fragment(), pick(SEPARATORS)), 0..25).prop_map(|parts| {
        let mut s = String::new();
        for (f, sep) in parts {
            s.push_str(&f);
            s.push_str(&sep);
        }
        s
    })
}

// ---------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_unicode_keeps_the_contract(text in unicode_text()) {
        check_all(&text);
    }

    #[test]
    fn news_like_text_keeps_the_contract(text in news_text()) {
        check_all(&text);
    }

    /// A paragraph of the seed article with arbitrary text spliced in at an
    /// arbitrary character position: real quotes and speakers next to junk.
    #[test]
    fn seed_with_splices_keeps_the_contract(pos in any::<prop::sample::Index>(), junk in unicode_text(), frag in fragment()) {
        let seed = common::fixture("seed.txt");
        let head: String = seed.chars().take(800).collect();
        let at = pos.index(head.chars().count() + 1);
        let b = common::cp_to_byte(&head, at);
        let text = format!("{}{junk}{frag}{}", &head[..b], &head[b..]);
        check_all(&text);
    }
}

// ---------------------------------------------------------------------------
// A few fixed cases the generators hit only by luck.

#[test]
fn tiny_and_degenerate_inputs() {
    for text in [
        "", " ", "\n", "\r", "\r\n", "\u{feff}", "\u{200b}", "\u{a0}", "\"", "“", "”", "'", "’", "«", "»", "「", "\"\"", "“”", "''",
        "\"\"\"", "“““", "”””", "'''", "‘’‘’", "«»«»", ".", "..", ":", "\u{0}", "\u{fffd}", "😀", "🇰🇷", "👨‍👩‍👧", "é", "e\u{301}",
        "\u{301}", "\u{301}\u{301}\u{301}", "\"\u{301}\"", "“\r”", "“\n\n”", "Kim said", "said Kim", "Kim:", ": \"x\"",
    ] {
        check_all(text);
    }
}
