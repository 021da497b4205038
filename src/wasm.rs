//! The WebAssembly bindings: a thin layer over [`crate::annotate`].
//!
//! `annotate(text, options?)` returns a plain JavaScript object in the shape
//! of the JSON contract (`null` for a missing speaker, never `undefined`),
//! and throws an `Error` with a clear message on bad input.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::options::{OffsetUnit, Options};

/// Texts above this size are refused: the page and the worker stay usable.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** The unit of every `start`/`end`: JavaScript string indices by default. */
export type OffsetUnit = "utf16" | "codepoint" | "utf8";
export interface AnnotateOptions { offsets?: OffsetUnit }
export interface TextSpan { start: number; end: number; text: string }
export interface Speaker extends TextSpan { entity: number | null }
export interface Quote extends TextSpan {
  kind: "direct" | "partial" | "scare" | "indirect";
  speaker: Speaker | null;
  cue: TextSpan | null;
  confidence: number;
}
export interface Geo { country: string; lat: number; lon: number; feature: string }
export interface Entity {
  id: number;
  type: "person" | "location" | "organization";
  name: string;
  mentions: TextSpan[];
  geo?: Geo;
}
export interface Annotation {
  version: 1;
  offsets: OffsetUnit;
  length: number;
  quotes: Quote[];
  entities: Entity[];
}
"#;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Annotates `text`. Throws an `Error` if `text` is not a string, is too
/// large, or `options` is malformed.
///
/// The object is `JSON.parse` of [`annotate_json`]'s string: V8 builds it
/// faster than one call into JavaScript per field would, and the module
/// needs no second serialiser (serde-wasm-bindgen was about 8 KB of code).
#[wasm_bindgen(js_name = annotate, unchecked_return_type = "Annotation")]
pub fn annotate_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnnotateOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let json = annotated_json("annotate", &text, options)?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("annotate: output is not JSON"))
}

/// The annotation as a JSON string, byte for byte what the command line writes.
#[wasm_bindgen(js_name = annotateJson)]
pub fn annotate_json(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue, options: JsValue) -> Result<String, JsError> {
    annotated_json("annotateJson", &text, options)
}

/// The JSON annotation of the JavaScript string `text` (see [`input_text`]
/// and [`parse_options`]; `who` names the caller in errors).
fn annotated_json(who: &str, text: &JsValue, options: JsValue) -> Result<String, JsError> {
    let text = input_text(who, text)?;
    let options = parse_options(who, options)?;
    let ann = crate::annotate(&text, &options);
    // The input goes before the JSON is written: WASM memory never shrinks,
    // so what is live then is part of the peak.
    drop(text);
    Ok(ann.to_json())
}

#[wasm_bindgen]
extern "C" {
    /// The platform's `TextEncoder`, its `encode` taking the JavaScript
    /// string itself (web-sys's takes a `&str`, already a copy in WASM).
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &JsValue) -> js_sys::Uint8Array;
}

/// The UTF-8 of the JavaScript string `text`, in exactly its size of WASM
/// memory; an `Error` for `who` to throw if it is no string or too large.
///
/// Not wasm-bindgen's `&str` or `as_string`: they reserve the string's
/// UTF-16 length, then, from the first non-ASCII character on (a curly
/// quote in the first line of news text), three bytes a unit, then shrink.
/// WASM memory never shrinks: that left a high-water mark of about four
/// bytes a byte of text before any analysis, and holes the analysis did
/// not fill (66.3 rather than 60.2 MB in the end for a text of 10 MB, 321
/// rather than 285 MB for 50 MB).
/// Here the string is encoded on the JavaScript side (`TextEncoder`, which
/// turns a lone surrogate into U+FFFD as wasm-bindgen's `encodeInto` does)
/// and copied in once; a text over the limit never enters WASM memory
/// (23 M `“`, 69 MB of UTF-8, used to leave 97 MB of it).
fn input_text(who: &str, text: &JsValue) -> Result<String, JsError> {
    if !text.is_string() {
        let what = if text.is_undefined() { "undefined".to_string() } else { text.js_typeof().as_string().unwrap_or_default() };
        return Err(JsError::new(&format!("{who}: text must be a string, got {what}")));
    }
    // Refuse before copying into WASM memory: a UTF-16 unit is at least one
    // UTF-8 byte, so more units than the limit is surely too large.
    let units = text.unchecked_ref::<js_sys::JsString>().length() as usize;
    if units > MAX_INPUT_BYTES {
        return Err(too_large(who, units));
    }
    let utf8 = TextEncoder::new().encode(text);
    let len = utf8.length() as usize;
    if len > MAX_INPUT_BYTES {
        return Err(too_large(who, len));
    }
    let mut bytes = vec![0; len];
    utf8.copy_to(&mut bytes);
    String::from_utf8(bytes).map_err(|_| JsError::new(&format!("{who}: TextEncoder gave invalid UTF-8")))
}

/// The input limit in bytes of UTF-8, for the page to state and check.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> usize {
    MAX_INPUT_BYTES
}

fn too_large(who: &str, size: usize) -> JsError {
    // Tenths of a MB in integers: `{:.1}` on an f64 would link the float
    // formatting code (about 15 KB) into the module for this one message.
    let tenths = |n: usize| (n as u64 * 10 + (1 << 19)) >> 20;
    let (t, l) = (tenths(size), tenths(MAX_INPUT_BYTES));
    JsError::new(&format!("{who}: text is {}.{} MB, above the limit of {} MB", t / 10, t % 10, l / 10))
}

/// Options from a JS object: `{offsets: "utf16" | "codepoint" | "utf8"}`,
/// every field optional. Unknown or misspelt fields are refused rather than
/// ignored, as `serde(deny_unknown_fields)` refuses them natively. Read by
/// hand: serde-wasm-bindgen and serde_json's `Value` for one field cost
/// about 10 KB of code.
fn parse_options(who: &str, options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    let bad = |why: &str| JsError::new(&format!("{who}: bad options: {why}"));
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(bad("expected an object such as {offsets: \"utf16\"}"));
    }
    let mut parsed = Options::default();
    for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if key != "offsets" {
            return Err(bad(&format!("unknown field `{key}`, expected `offsets`")));
        }
        let value = js_sys::Reflect::get(&options, &JsValue::from_str("offsets")).unwrap_or(JsValue::UNDEFINED);
        parsed.offsets = match value.as_string().as_deref() {
            Some("utf16") => OffsetUnit::Utf16,
            Some("codepoint") => OffsetUnit::Codepoint,
            Some("utf8") => OffsetUnit::Utf8,
            _ => return Err(bad("offsets must be \"utf16\", \"codepoint\" or \"utf8\"")),
        };
    }
    Ok(parsed)
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
