//! The WebAssembly bindings: a thin layer over [`crate::annotate`].
//!
//! `annotate(text, options?)` returns a plain JavaScript object in the shape
//! of the JSON contract (`null` for a missing speaker, never `undefined`),
//! and throws an `Error` with a clear message on bad input.

use serde::Serialize;
use wasm_bindgen::prelude::*;

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
    let Some(text) = text.as_string() else {
        let what = if text.is_undefined() { "undefined".to_string() } else { text.js_typeof().as_string().unwrap_or_default() };
        return Err(JsError::new(&format!("annotate: text must be a string, got {what}")));
    };
    if text.len() > MAX_INPUT_BYTES {
        return Err(JsError::new(&format!(
            "annotate: text is {} MB, above the limit of {} MB",
            text.len() / (1024 * 1024),
            MAX_INPUT_BYTES / (1024 * 1024)
        )));
    }
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("annotate: bad options: {e}")))?
    };
    let ann = crate::annotate(&text, &options);
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    ann.serialize(&ser).map_err(|e| JsError::new(&format!("annotate: {e}")))
}

/// The annotation as a JSON string, byte for byte what the command line writes.
#[wasm_bindgen(js_name = annotateJson)]
pub fn annotate_json(text: &str, options: JsValue) -> Result<String, JsError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("annotateJson: bad options: {e}")))?
    };
    Ok(crate::annotate(text, &options).to_json())
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
