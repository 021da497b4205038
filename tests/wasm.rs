//! The WASM API in real browsers (`wasm-pack test --headless --chrome --firefox`).
//!
//! The JavaScript-facing `annotate` must return exactly the annotation the
//! native API returns (held in `tests/fixtures/*.utf16.json`, which
//! `tests/fixtures_match.rs` checks natively), and in JavaScript
//! `text.slice(start, end)` must equal every span's `text`.
#![cfg(target_arch = "wasm32")]

use annotator::wasm::annotate_js;
use js_sys::{JsString, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("fixtures/seed.txt");
const SEED_JSON: &str = include_str!("fixtures/seed.utf16.json");
const UNICODE: &str = include_str!("fixtures/unicode.txt");
const UNICODE_JSON: &str = include_str!("fixtures/unicode.utf16.json");

fn js_annotate(text: &str) -> JsValue {
    annotate_js(JsValue::from_str(text), JsValue::UNDEFINED).unwrap_or_else(|e| panic!("annotate threw: {:?}", JsValue::from(e)))
}

/// The JS object through `JSON.stringify`.
fn stringify(v: &JsValue) -> String {
    JSON::stringify(v).unwrap().into()
}

/// A committed fixture in the native command line's compact form.
fn native_json(fixture: &str) -> String {
    let v: annotator::Annotation = serde_json::from_str(fixture).unwrap();
    v.to_json()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// Checks `text.slice(start, end) === span.text` with JavaScript's own slice.
fn check_slices(text: &str, ann: &JsValue) -> usize {
    let js_text = JsString::from(text);
    let mut checked = 0;
    let mut check = |span: &JsValue| {
        if span.is_null() || span.is_undefined() {
            return;
        }
        let start = get(span, "start").as_f64().unwrap() as u32;
        let end = get(span, "end").as_f64().unwrap() as u32;
        let want = get(span, "text").as_string().unwrap();
        let got: String = js_text.slice(start, end).into();
        assert_eq!(got, want, "slice({start}, {end})");
        checked += 1;
    };
    for q in js_sys::Array::from(&get(ann, "quotes")).iter() {
        check(&q);
        check(&get(&q, "speaker"));
        check(&get(&q, "cue"));
    }
    for e in js_sys::Array::from(&get(ann, "entities")).iter() {
        for m in js_sys::Array::from(&get(&e, "mentions")).iter() {
            check(&m);
        }
    }
    checked
}

#[wasm_bindgen_test]
fn seed_matches_native() {
    let ann = js_annotate(SEED);
    // Byte for byte what the native API writes.
    assert_eq!(stringify(&ann), native_json(SEED_JSON));
    assert_eq!(js_sys::Array::from(&get(&ann, "quotes")).length(), 8);
    assert!(check_slices(SEED, &ann) > 50);
}

#[wasm_bindgen_test]
fn emoji_and_non_bmp_match_native() {
    let ann = js_annotate(UNICODE);
    assert_eq!(stringify(&ann), native_json(UNICODE_JSON));
    assert!(check_slices(UNICODE, &ann) > 5);
    // `length` is the JavaScript string length (UTF-16 units).
    assert_eq!(get(&ann, "length").as_f64().unwrap() as u32, JsString::from(UNICODE).length());
}

#[wasm_bindgen_test]
fn missing_speaker_is_null_not_undefined() {
    let ann = js_annotate("The “historic” summit.");
    let q = js_sys::Array::from(&get(&ann, "quotes")).get(0);
    assert_eq!(get(&q, "kind").as_string().as_deref(), Some("scare"));
    assert!(get(&q, "speaker").is_null());
}

#[wasm_bindgen_test]
fn bad_input_throws_an_error_with_a_message() {
    for bad in [JsValue::UNDEFINED, JsValue::from_f64(3.0), JsValue::NULL] {
        let err = annotate_js(bad, JsValue::UNDEFINED).expect_err("non-string text");
        let err: JsValue = err.into();
        assert!(err.is_instance_of::<js_sys::Error>());
        let msg: String = err.unchecked_into::<js_sys::Error>().message().into();
        assert!(msg.contains("text must be a string"), "{msg}");
    }
    let opts = JSON::parse(r#"{"offsets": "miles"}"#).unwrap();
    let err: JsValue = annotate_js(JsValue::from_str("x"), opts).expect_err("bad unit").into();
    let msg: String = err.unchecked_into::<js_sys::Error>().message().into();
    assert!(msg.contains("bad options"), "{msg}");
}

#[wasm_bindgen_test]
fn codepoint_offsets_on_request() {
    let opts = JSON::parse(r#"{"offsets": "codepoint"}"#).unwrap();
    let ann = annotate_js(JsValue::from_str("😀 “Hello there, friends,” Kim said."), opts).unwrap();
    let q = js_sys::Array::from(&get(&ann, "quotes")).get(0);
    assert_eq!(get(&q, "start").as_f64(), Some(2.0));
    assert_eq!(get(&ann, "offsets").as_string().as_deref(), Some("codepoint"));
}
