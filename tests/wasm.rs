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

/// The message of the `Error` that `annotate` threw.
fn thrown_message(text: JsValue, options: JsValue) -> String {
    let err: JsValue = annotate_js(text, options).expect_err("annotate should throw").into();
    assert!(err.is_instance_of::<js_sys::Error>(), "a thrown Error, not {err:?}");
    err.unchecked_into::<js_sys::Error>().message().into()
}

#[wasm_bindgen_test]
fn every_non_string_is_refused_with_its_type() {
    let object = JSON::parse(r#"{"text": "Kim said."}"#).unwrap();
    let array = js_sys::Array::of1(&JsValue::from_str("x")).into();
    // `new String("x")`: a string object, not a string.
    let string_object = js_sys::Function::new_no_args("return new String('x')").call0(&JsValue::NULL).unwrap();
    let cases: Vec<(JsValue, &str)> = vec![
        (JsValue::UNDEFINED, "got undefined"),
        (JsValue::NULL, "got object"),
        (JsValue::from_f64(3.0), "got number"),
        (JsValue::from_f64(f64::NAN), "got number"),
        (JsValue::TRUE, "got boolean"),
        (object, "got object"),
        (array, "got object"),
        (string_object, "got object"),
        (js_sys::Symbol::for_("x").into(), "got symbol"),
        (js_sys::BigInt::from(7u32).into(), "got bigint"),
        (js_sys::Function::new_no_args("return 1").into(), "got function"),
    ];
    for (bad, want) in cases {
        let msg = thrown_message(bad, JsValue::UNDEFINED);
        assert!(msg.starts_with("annotate: text must be a string"), "{msg}");
        assert!(msg.contains(want), "{msg} (want {want})");
    }
}

#[wasm_bindgen_test]
fn malformed_options_are_refused() {
    // A misspelt key or an array is refused too, as natively.
    for opts in [
        r#"{"offsets": "miles"}"#,
        r#"{"offsets": 16}"#,
        r#"{"offsets": null}"#,
        r#""utf16""#,
        "7",
        "true",
        r#"{"offset": "codepoint"}"#,
        "[1]",
    ] {
        let result = annotate_js(JsValue::from_str("x"), JSON::parse(opts).unwrap());
        assert!(result.is_err(), "options {opts} accepted");
        let msg = thrown_message(JsValue::from_str("x"), JSON::parse(opts).unwrap());
        assert!(msg.starts_with("annotate: bad options"), "{opts}: {msg}");
    }
    // null and undefined mean the defaults.
    assert!(annotate_js(JsValue::from_str("x"), JsValue::NULL).is_ok());
}

#[wasm_bindgen_test]
fn oversized_text_is_refused_and_the_next_call_works() {
    let limit = annotator::wasm::MAX_INPUT_BYTES;
    // One byte over the limit, built in JavaScript (the caller's side).
    let big = JsString::from("x").repeat((limit + 1) as i32);
    let msg = thrown_message(big.into(), JsValue::UNDEFINED);
    assert!(msg.contains("above the limit of 64 MB"), "{msg}");
    // The limit is in UTF-8 bytes: 23 M "“" are 23 M JavaScript units but
    // 69 MB of UTF-8.
    let big = JsString::from("“").repeat(23 * 1024 * 1024);
    let msg = thrown_message(big.into(), JsValue::UNDEFINED);
    assert!(msg.contains("above the limit"), "{msg}");
    // The module still works afterwards.
    let ann = js_annotate("“Still here,” said Kim.");
    assert_eq!(js_sys::Array::from(&get(&ann, "quotes")).length(), 1);
}

#[wasm_bindgen_test]
fn codepoint_offsets_on_request() {
    let opts = JSON::parse(r#"{"offsets": "codepoint"}"#).unwrap();
    let ann = annotate_js(JsValue::from_str("😀 “Hello there, friends,” Kim said."), opts).unwrap();
    let q = js_sys::Array::from(&get(&ann, "quotes")).get(0);
    assert_eq!(get(&q, "start").as_f64(), Some(2.0));
    assert_eq!(get(&ann, "offsets").as_string().as_deref(), Some("codepoint"));
}
