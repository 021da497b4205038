//! The WebAssembly bindings: a thin layer over [`crate::annotate`].
//!
//! `annotate(text, options?)` returns a plain JavaScript object in the shape
//! of the JSON contract (`null` for a missing speaker, never `undefined`),
//! and throws an `Error` with a clear message on bad input.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::options::Options;

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
#[wasm_bindgen(js_name = annotate, unchecked_return_type = "Annotation")]
pub fn annotate_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnnotateOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    if !text.is_string() {
        let what = if text.is_undefined() { "undefined".to_string() } else { text.js_typeof().as_string().unwrap_or_default() };
        return Err(JsError::new(&format!("annotate: text must be a string, got {what}")));
    }
    // Refuse before copying into WASM memory: a UTF-16 unit is at least one
    // UTF-8 byte, so more units than the limit is surely too large.
    let units = text.unchecked_ref::<js_sys::JsString>().length() as usize;
    if units > MAX_INPUT_BYTES {
        return Err(too_large(units));
    }
    let text = text.as_string().unwrap_or_default();
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_large(text.len()));
    }
    let options = parse_options("annotate", options)?;
    let ann = crate::annotate(&text, &options);
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    ann.serialize(&ser).map_err(|e| JsError::new(&format!("annotate: {e}")))
}

/// The annotation as a JSON string, byte for byte what the command line writes.
#[wasm_bindgen(js_name = annotateJson)]
pub fn annotate_json(text: &str, options: JsValue) -> Result<String, JsError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_large(text.len()));
    }
    let options = parse_options("annotateJson", options)?;
    Ok(crate::annotate(text, &options).to_json())
}

/// The input limit in bytes of UTF-8, for the page to state and check.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> usize {
    MAX_INPUT_BYTES
}

fn too_large(size: usize) -> JsError {
    let mb = |n: usize| n as f64 / (1024.0 * 1024.0);
    JsError::new(&format!("annotate: text is {:.1} MB, above the limit of {:.0} MB", mb(size), mb(MAX_INPUT_BYTES)))
}

/// Options from a JS object, through JSON so that unknown or misspelt
/// fields are refused (`deny_unknown_fields`) rather than ignored.
fn parse_options(who: &str, options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    let value: serde_json::Value =
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("{who}: bad options: {e}")))?;
    serde_json::from_value(value).map_err(|e| JsError::new(&format!("{who}: bad options: {e}")))
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
