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
//! A text over a megabyte and a half goes through it in parts of about a
//! megabyte ([`document::parts`]), whose annotations the output joins.
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
    annotate_in_parts(text, options, document::parts::PART_BYTES)
}

/// [`annotate`] with parts of `part_bytes` (tests cut small texts).
fn annotate_in_parts(text: &str, options: &Options, part_bytes: usize) -> Annotation {
    let parts = document::parts::cut(text, part_bytes);
    if parts.len() == 1 {
        return annotate_part(text, options, true);
    }
    output::merge(parts.into_iter().enumerate().map(|(k, r)| annotate_part(&text[r], options, k == 0)))
}

/// The annotation of one part of a text, offsets counted from its start;
/// `opens_text`: whether it is the first part. (Not inlined: one copy of
/// the pipeline for both calls.)
#[inline(never)]
fn annotate_part(text: &str, options: &Options, opens_text: bool) -> Annotation {
    let doc = Document::part(text, opens_text);
    output::build(text, &passes::analyse(&doc), options.offsets)
}
