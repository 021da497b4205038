//! The analysis passes, run in order over a [`Document`]:
//!
//! 1. [`quotes`] – quotation-mark stretches, paired and classified;
//! 2. [`entities`] – persons, places and organisations;
//! 3. [`attribution`] – the speaker and cue of each quotation.
//!
//! Each pass reads the document and the results of the passes before it,
//! and works in byte offsets; [`crate::output`] converts them at the end.

pub mod attribution;
pub mod entities;
pub mod quotes;

use crate::document::Document;

/// Everything the passes found, in byte offsets.
#[derive(Debug)]
pub struct Analysis {
    pub quotes: Vec<quotes::Quote>,
    /// One per quote, same order.
    pub attributions: Vec<attribution::Attribution>,
    pub entities: entities::Entities,
}

/// Runs every pass over `doc`.
pub fn analyse(doc: &Document) -> Analysis {
    let quotes = quotes::find(doc);
    let mut entities = entities::recognise(doc);
    let attributions = attribution::attribute(doc, &quotes, &mut entities);
    Analysis { quotes, attributions, entities }
}
