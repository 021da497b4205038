//! The Unicode corpus (`tests/unicode_corpus/`) and hostile strings through
//! the WASM API in Chromium and Firefox (`wasm-pack test --headless --chrome
//! --firefox`): every span's `text` equals JavaScript's own
//! `String.prototype.slice` of the input; lone UTF-16 surrogates (which only
//! JavaScript strings can hold) become U+FFFD without shifting any offset;
//! deep nesting does not overflow the WASM stack.
#![cfg(target_arch = "wasm32")]

mod unicode_corpus;

use annotator::wasm::annotate_js;
use js_sys::{Array, JsString, Reflect, JSON};
use unicode_corpus::CASES;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn annotate_with(text: &JsString, options: &str) -> JsValue {
    let opts = if options.is_empty() { JsValue::UNDEFINED } else { JSON::parse(options).unwrap() };
    annotate_js(text.into(), opts).unwrap_or_else(|e| panic!("annotate threw: {:?}", JsValue::from(e)))
}

/// Every span of an annotation object: (start, end, text).
fn spans(ann: &JsValue) -> Vec<(u32, u32, String)> {
    let mut out = Vec::new();
    let mut add = |span: &JsValue| {
        if span.is_null() || span.is_undefined() {
            return;
        }
        let start = get(span, "start").as_f64().unwrap() as u32;
        let end = get(span, "end").as_f64().unwrap() as u32;
        out.push((start, end, get(span, "text").as_string().unwrap()));
    };
    for q in Array::from(&get(ann, "quotes")).iter() {
        add(&q);
        add(&get(&q, "speaker"));
        add(&get(&q, "cue"));
    }
    for e in Array::from(&get(ann, "entities")).iter() {
        for m in Array::from(&get(&e, "mentions")).iter() {
            add(&m);
        }
    }
    out
}

/// `text.slice(start, end) === span.text` for every span, with JavaScript's
/// slice; `length` is the JavaScript length. Returns the number of spans.
fn check_js_slices(case: &str, text: &JsString, ann: &JsValue) -> usize {
    assert_eq!(get(ann, "length").as_f64().unwrap() as u32, text.length(), "{case}: length");
    let spans = spans(ann);
    for (start, end, want) in &spans {
        assert!(start < end && *end <= text.length(), "{case}: [{start}, {end}) out of bounds");
        let got: String = text.slice(*start, *end).into();
        assert_eq!(&got, want, "{case}: slice({start}, {end})");
    }
    spans.len()
}

#[wasm_bindgen_test]
fn unicode_corpus_slices_in_javascript() {
    let mut total = 0;
    for (name, text) in CASES {
        let js = JsString::from(*text);
        let ann = annotate_with(&js, "");
        total += check_js_slices(name, &js, &ann);
        // Byte for byte what the native code path writes.
        let native = annotator::annotate(text, &annotator::Options::default()).to_json();
        assert_eq!(String::from(JSON::stringify(&ann).unwrap()), native, "{name}: JS object differs from native JSON");
    }
    assert!(total > CASES.len(), "only {total} spans checked");
}

#[wasm_bindgen_test]
fn unicode_corpus_in_codepoint_and_utf8_units() {
    // Code points: slice the array of code points (Array.from(text)).
    for (name, text) in CASES {
        let js = JsString::from(*text);
        let cps = Array::from(&js);
        let ann = annotate_with(&js, r#"{"offsets":"codepoint"}"#);
        assert_eq!(get(&ann, "length").as_f64().unwrap() as u32, cps.length(), "{name}");
        for (start, end, want) in spans(&ann) {
            let got: String = cps.slice(start, end).join("").into();
            assert_eq!(got, want, "{name}: code points [{start}, {end})");
        }
        let ann = annotate_with(&js, r#"{"offsets":"utf8"}"#);
        assert_eq!(get(&ann, "length").as_f64().unwrap() as usize, text.len(), "{name}");
        for (start, end, want) in spans(&ann) {
            assert_eq!(text.get(start as usize..end as usize), Some(want.as_str()), "{name}: bytes [{start}, {end})");
        }
    }
}

/// A JavaScript string from UTF-16 code units (lone surrogates allowed).
fn from_units(units: &[u16]) -> JsString {
    // String.fromCharCode(...units)
    JsString::from_char_code(units)
}

#[wasm_bindgen_test]
fn lone_surrogates_become_replacement_characters_without_shifting_offsets() {
    let cases: &[&[u16]] = &[
        &[0xD800],
        &[0xDC00],
        &[0xDC00, 0xD800],
        &[0xD83D],                 // the high half of an emoji, alone
        &[0xD83D, 0xD83D, 0xDE00], // a lone high, then a real pair (😀)
        &[0xDE00, 0xD83D],
    ];
    let sentences = [
        "“We had a good trip{} to Pyongyang,” said Mike Pompeo in Seoul.",
        "{}“Before the quote,” said Kim Jong Un.",
        "“After the quote,” said Kim Jong Un.{}",
        "“Inside,” said Mike{} Pompeo in Se{}oul. “Again{},” he said.",
        "{}{}{}",
    ];
    let mut checked = 0;
    for lone in cases {
        for template in sentences {
            // The same text twice: with the lone surrogates, and with U+FFFD
            // written in their place (what the README promises).
            let mut raw: Vec<u16> = Vec::new();
            let mut replaced: Vec<u16> = Vec::new();
            for (i, piece) in template.split("{}").enumerate() {
                if i > 0 {
                    raw.extend_from_slice(lone);
                    replaced.extend(String::from_utf16_lossy(lone).encode_utf16());
                }
                raw.extend(piece.encode_utf16());
                replaced.extend(piece.encode_utf16());
            }
            assert_eq!(raw.len(), replaced.len(), "U+FFFD is one unit per lone surrogate");
            let js_raw = from_units(&raw);
            let js_replaced = from_units(&replaced);
            assert_eq!(js_raw.length() as usize, raw.len());
            let ann_raw = annotate_with(&js_raw, "");
            let ann_replaced = annotate_with(&js_replaced, "");
            let what = format!("{lone:04X?} in {template:?}");
            // Same offsets, same texts: nothing shifted.
            assert_eq!(
                String::from(JSON::stringify(&ann_raw).unwrap()),
                String::from(JSON::stringify(&ann_replaced).unwrap()),
                "{what}"
            );
            // The offsets index the original JavaScript string: its slice
            // equals the span text once lone surrogates read as U+FFFD.
            assert_eq!(get(&ann_raw, "length").as_f64().unwrap() as u32, js_raw.length(), "{what}: length");
            for (start, end, want) in spans(&ann_raw) {
                let piece = &raw[start as usize..end as usize];
                assert_eq!(String::from_utf16_lossy(piece), want, "{what}: [{start}, {end})");
                let got: String = js_replaced.slice(start, end).into();
                assert_eq!(got, want, "{what}: slice({start}, {end})");
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "only {checked} spans checked");
}

#[wasm_bindgen_test]
fn quotes_nested_ten_thousand_deep_do_not_overflow_the_stack() {
    // The WASM stack is 128 KiB (.cargo/config.toml): recursion over nesting would trap here.
    let text = "“".repeat(10_000) + "x" + &"”".repeat(10_000) + " “a ‘b ".repeat(5_000).as_str() + "y" + &"’ c”".repeat(5_000);
    let js = JsString::from(text.as_str());
    let ann = annotate_with(&js, "");
    check_js_slices("nested", &js, &ann);
    // And the module still answers afterwards.
    let js = JsString::from("“Still fine,” said Kim in Seoul.");
    let ann = annotate_with(&js, "");
    assert_eq!(check_js_slices("after nested", &js, &ann) >= 2, true);
}

#[wasm_bindgen_test]
fn a_megabyte_of_quotation_marks_and_a_megabyte_word() {
    for text in ["\"“”'‘’«»„‚「」".repeat(30_000), "a".repeat(1 << 20), "Kim\n\n".repeat(100_000)] {
        let js = JsString::from(text.as_str());
        let ann = annotate_with(&js, "");
        check_js_slices("big", &js, &ann);
    }
}
