//! An annotator for news articles: every quotation, who said it, and the
//! persons and places named.
//!
//! The pipeline, in one line:
//!
//! ```text
//! text ─▶ Document (paragraphs, sentences, tokens; byte offsets)
//!      ─▶ passes (quotes ─▶ entities ─▶ attribution)
//!      ─▶ output (offsets converted once) ─▶ JSON
//! ```
//!
//! ```
//! use annotator::{annotate, Options};
//! let ann = annotate("“We agreed,” Kim said in Seoul.", &Options::default());
//! assert_eq!(ann.quotes[0].text, "“We agreed,”");
//! assert_eq!(ann.quotes[0].speaker.as_ref().unwrap().text, "Kim");
//! ```

pub mod document;
pub mod lexicon;
pub mod options;
pub mod output;
pub mod passes;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use document::{Document, Span};
pub use options::{OffsetUnit, Options, UnknownOffsetUnit};
pub use output::Annotation;

/// Annotates `text`: quotes with speakers and cues, and entities.
///
/// Deterministic: the same text and options give the same annotation.
pub fn annotate(text: &str, options: &Options) -> Annotation {
    let doc = Document::new(text);
    let analysis = passes::analyse(&doc);
    output::build(text, &analysis, options.offsets)
}
