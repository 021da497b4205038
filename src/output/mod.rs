//! The output boundary: the annotation in the JSON contract
//! (`ANNOTATION_FORMAT.md`, version 1), offsets in the caller's unit.
//!
//! This is the only place where byte offsets become another unit. The types
//! here are plain data (serde both ways) so the native API, the command line
//! and the WASM API all produce the same JSON, byte for byte.

mod merge;
pub mod offsets;

use serde::{Deserialize, Serialize};

use crate::document::Span;
use crate::options::OffsetUnit;
use crate::passes::Analysis;
pub use merge::merge;
use offsets::OffsetMap;

/// The contract version this crate writes.
pub const VERSION: u32 = 1;

/// The annotation of one text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    pub version: u32,
    pub offsets: OffsetUnit,
    /// Length of the input in `offsets` units.
    pub length: usize,
    /// Sorted by `start`.
    pub quotes: Vec<Quote>,
    /// Sorted by the start of their first mention; `id` is the index.
    pub entities: Vec<Entity>,
}

/// A span of the input with its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `direct`, `partial` or `scare`.
    pub kind: String,
    pub speaker: Option<Speaker>,
    pub cue: Option<TextSpan>,
    /// How far the attribution is trusted, 0–1 (0 when there is no speaker).
    #[serde(serialize_with = "js_number")]
    pub confidence: f64,
}

/// The mention that names or refers to a quotation's speaker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `entities[].id` of the resolved person or organisation.
    pub entity: Option<usize>,
}

/// A person, place or organisation and all its mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: usize,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub mentions: Vec<TextSpan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<Geo>,
}

/// Where a place is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    /// ISO 3166-1 alpha-2 code; empty for continents and regions.
    pub country: String,
    #[serde(serialize_with = "js_number")]
    pub lat: f64,
    #[serde(serialize_with = "js_number")]
    pub lon: f64,
    /// `country`, `admin1`, `city`, `continent` or `region`.
    pub feature: String,
}

/// Builds the annotation from the passes' results, converting offsets.
pub fn build(text: &str, analysis: &Analysis, unit: OffsetUnit) -> Annotation {
    // Entities in output order: by first mention; drop any without mentions.
    let ents = &analysis.entities.entities;
    let mut order: Vec<usize> = (0..ents.len()).filter(|&i| !ents[i].mentions.is_empty()).collect();
    crate::document::sort_stably(&mut order, |&i| ents[i].mentions[0].sort_key(ents[i].kind as u8));
    let mut new_id = vec![None; ents.len()];
    for (n, &i) in order.iter().enumerate() {
        new_id[i] = Some(n);
    }

    // Every offset the output needs, converted in one sweep.
    let mut all = Vec::with_capacity(2 + 6 * analysis.quotes.len() + 2 * analysis.entities.mentions.len());
    all.push(text.len());
    let mut add = |s: Span| {
        all.push(s.start);
        all.push(s.end);
    };
    for (q, a) in analysis.quotes.iter().zip(&analysis.attributions) {
        add(q.span);
        if let Some(s) = a.speaker {
            add(s.span);
        }
        if let Some(c) = a.cue {
            add(c);
        }
    }
    for &i in &order {
        ents[i].mentions.iter().copied().for_each(&mut add);
    }
    let map = OffsetMap::new(text, unit, all);
    let span = |s: Span| TextSpan { start: map.get(s.start), end: map.get(s.end), text: s.slice(text).to_string() };

    let quotes = analysis
        .quotes
        .iter()
        .zip(&analysis.attributions)
        .map(|(q, a)| {
            let speaker = a.speaker.map(|s| {
                let t = span(s.span);
                Speaker { start: t.start, end: t.end, text: t.text, entity: s.entity.and_then(|e| new_id[e]) }
            });
            Quote {
                start: map.get(q.span.start),
                end: map.get(q.span.end),
                text: q.span.slice(text).to_string(),
                kind: q.kind.as_str().to_string(),
                cue: a.cue.map(span),
                confidence: if speaker.is_some() { (a.confidence * 100.0).round() / 100.0 } else { 0.0 },
                speaker,
            }
        })
        .collect();

    let entities = order
        .iter()
        .enumerate()
        .map(|(id, &i)| {
            let e = &ents[i];
            Entity {
                id,
                kind: e.kind.as_str().to_string(),
                name: e.name.clone(),
                mentions: e.mentions.iter().map(|&m| span(m)).collect(),
                geo: e.place.map(|p| Geo {
                    country: p.country.to_string(),
                    lat: p.lat,
                    lon: p.lon,
                    feature: p.feature.as_str().to_string(),
                }),
            }
        })
        .collect();

    Annotation { version: VERSION, offsets: unit, length: map.get(text.len()), quotes, entities }
}

/// Writes a number the way JavaScript's `JSON.stringify` does: integral
/// values without a fraction (`0`, not `0.0`), so native and WASM output
/// are the same bytes.
fn js_number<S: serde::Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        s.serialize_i64(*x as i64)
    } else {
        s.serialize_f64(*x)
    }
}

impl Annotation {
    /// Every span of the annotation as `(start, end, text)`: each quote with
    /// its speaker and cue, then every entity mention. For checks that treat
    /// all spans alike (tests, the fuzz target).
    pub fn spans(&self) -> Vec<(usize, usize, &str)> {
        let mut out = Vec::new();
        for q in &self.quotes {
            out.push((q.start, q.end, q.text.as_str()));
            if let Some(s) = &q.speaker {
                out.push((s.start, s.end, s.text.as_str()));
            }
            if let Some(c) = &q.cue {
                out.push((c.start, c.end, c.text.as_str()));
            }
        }
        for e in &self.entities {
            out.extend(e.mentions.iter().map(|m| (m.start, m.end, m.text.as_str())));
        }
        out
    }

    /// The annotation as compact JSON (the contract's wire form).
    pub fn to_json(&self) -> String {
        // Sized up front: a big annotation's buffer is then not regrown and
        // copied (in WASM, whose memory never shrinks, that copy is peak memory).
        let mut buf = Vec::with_capacity(self.json_len_estimate());
        // (Writing to a `Vec` cannot fail, nor can serde_json write anything
        // but UTF-8. Neither error is formatted: in WASM, formatting one
        // would pull in every serde_json and I/O error message, 1 KB gzip.)
        if serde_json::to_writer(&mut buf, self).is_err() {
            unreachable!("annotation serialises");
        }
        String::from_utf8(buf).unwrap_or_else(|_| unreachable!("serde_json writes UTF-8"))
    }

    /// About the length of [`Annotation::to_json`]: the texts, plus room for
    /// the keys, numbers and escapes around them.
    fn json_len_estimate(&self) -> usize {
        let span = |t: &str| t.len() + t.len() / 16 + 48;
        let quotes: usize = self
            .quotes
            .iter()
            .map(|q| span(&q.text) + q.speaker.as_ref().map_or(0, |s| span(&s.text)) + q.cue.as_ref().map_or(0, |c| span(&c.text)) + 96)
            .sum();
        let entities: usize = self.entities.iter().map(|e| span(&e.name) + e.mentions.iter().map(|m| span(&m.text)).sum::<usize>() + 160).sum();
        128 + quotes + entities
    }
}
