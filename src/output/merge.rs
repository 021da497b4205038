//! The annotation of a long text from the annotations of its parts
//! ([`crate::document::parts`]).
//!
//! Each part's offsets count from the part's start, in the output unit; the
//! part before it is exactly its `length` long in that unit, so shifting by
//! the lengths before it makes them count from the text's start, with no
//! second conversion. An entity of a later part is the first entity before
//! it of the same type and name (a place's canonical name, a person's
//! fullest name in its part), and keeps that one's `geo`. (The first part's
//! entities stay as that part has them: there, the speakers attribution
//! names by a phrase, `the ministry`, are one entity per quotation.)
//! Entities stay in the order of their first mention, each entity's
//! mentions and the quotes by start.

use rustc_hash::FxHashMap as HashMap;

use super::{Annotation, Entity, TextSpan};

/// Joins the annotations of a text's parts, given in order.
///
/// # Panics
///
/// If `parts` is empty (and, in debug builds, if the parts disagree on the
/// offset unit).
pub fn merge(parts: impl IntoIterator<Item = Annotation>) -> Annotation {
    let mut parts = parts.into_iter();
    let mut out = parts.next().expect("a text has at least one part");
    // (One string per key: a map type the crate already has.)
    let key = |e: &Entity| [e.kind.as_str(), "\n", &e.name].concat();
    let mut ids: HashMap<String, usize> = HashMap::default();
    for e in &out.entities {
        ids.entry(key(e)).or_insert(e.id);
    }
    for part in parts {
        debug_assert_eq!(part.offsets, out.offsets, "the parts of a text share the offset unit");
        let base = out.length;
        let shift = |s: &mut TextSpan| {
            s.start += base;
            s.end += base;
        };
        // The part's entity ids, to the merged ones.
        let mut to_merged = Vec::with_capacity(part.entities.len());
        for mut e in part.entities {
            e.mentions.iter_mut().for_each(shift);
            let next = out.entities.len();
            let id = *ids.entry(key(&e)).or_insert(next);
            if id == next {
                e.id = id;
                out.entities.push(e);
            } else {
                // In order, once each: two entities of this part that join
                // the same one interleave their mentions, and may share one
                // (a speaker of two quotations).
                let m = &mut out.entities[id].mentions;
                for t in e.mentions {
                    if let Err(i) = m.binary_search_by_key(&(t.start, t.end), |x| (x.start, x.end)) {
                        m.insert(i, t);
                    }
                }
            }
            to_merged.push(id);
        }
        for mut q in part.quotes {
            q.start += base;
            q.end += base;
            if let Some(c) = &mut q.cue {
                shift(c);
            }
            if let Some(s) = &mut q.speaker {
                s.start += base;
                s.end += base;
                s.entity = s.entity.map(|e| to_merged[e]);
            }
            out.quotes.push(q);
        }
        out.length += part.length;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::options::OffsetUnit;
    use crate::{annotate, Annotation, Options};

    /// The annotation of `text` cut into parts of `size` bytes.
    fn in_parts(text: &str, size: usize, unit: OffsetUnit) -> Annotation {
        crate::annotate_in_parts(text, &Options { offsets: unit }, size)
    }

    const ARTICLE: &str = "Kim Jong Un met Moon Jae-in in Pyongyang 😀.\n\n\
        “We agreed to meet again,” Moon said in Seoul.\n\n\
        Mike Pompeo flew to Pyongyang. “It was productive,” Pompeo told reporters in Tokyo.\n\n\
        Moon said the talks were “historic.”\n\n";

    #[test]
    fn parts_join_into_one_annotation() {
        let text = ARTICLE.repeat(3);
        for unit in [OffsetUnit::Utf16, OffsetUnit::Codepoint, OffsetUnit::Utf8] {
            let whole = annotate(&text, &Options { offsets: unit });
            for size in [40, 150, ARTICLE.len()] {
                let ann = in_parts(&text, size, unit);
                assert_eq!(ann.length, whole.length, "{unit:?} {size}");
                // Every span is in bounds and its text is the input's slice there.
                let mut byte_at = std::collections::HashMap::new();
                let mut u = 0;
                for (b, c) in text.char_indices() {
                    byte_at.insert(u, b);
                    u += match unit {
                        OffsetUnit::Utf8 => c.len_utf8(),
                        OffsetUnit::Utf16 => c.len_utf16(),
                        OffsetUnit::Codepoint => 1,
                    };
                }
                byte_at.insert(u, text.len());
                let byte_at = |u: usize| byte_at[&u];
                for (s, e, t) in ann.spans() {
                    assert_eq!(&text[byte_at(s)..byte_at(e)], t, "{unit:?} {size}");
                }
                // Sorted quotes; entities in order of first mention, ids their
                // indices; speakers resolved to persons or organisations.
                assert!(ann.quotes.windows(2).all(|w| w[0].start <= w[1].start));
                assert!(ann.entities.windows(2).all(|w| w[0].mentions[0].start <= w[1].mentions[0].start));
                assert!(ann.entities.iter().enumerate().all(|(i, e)| e.id == i));
                for q in &ann.quotes {
                    if let Some(id) = q.speaker.as_ref().and_then(|s| s.entity) {
                        let e = &ann.entities[id];
                        assert!(e.kind == "person" || e.kind == "organization", "{}", e.name);
                    }
                }
            }
            // Cut where each article ends, the parts find what each article
            // alone finds, and an entity of several parts is one entity.
            let ann = in_parts(&text, ARTICLE.len(), unit);
            let alone: Vec<Annotation> = (0..3).map(|k| crate::annotate_part(ARTICLE, &Options { offsets: unit }, k == 0)).collect();
            let base = alone[0].length;
            let mut expected: Vec<(usize, usize, String, String)> = Vec::new();
            for (k, a) in alone.iter().enumerate() {
                for e in &a.entities {
                    expected.extend(e.mentions.iter().map(|m| (m.start + k * base, m.end + k * base, e.kind.clone(), e.name.clone())));
                }
            }
            let mut found: Vec<(usize, usize, String, String)> =
                ann.entities.iter().flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end, e.kind.clone(), e.name.clone()))).collect();
            expected.sort();
            found.sort();
            assert_eq!(found, expected, "{unit:?}");
            assert_eq!(ann.quotes.len(), alone.iter().map(|a| a.quotes.len()).sum::<usize>());
            let distinct: std::collections::BTreeSet<_> = alone.iter().flat_map(|a| a.entities.iter().map(|e| (&e.kind, &e.name))).collect();
            assert_eq!(ann.entities.len(), distinct.len(), "{unit:?}: an entity in several parts is one");
            // Each quote keeps its speaker, now pointing into the merged entities.
            let speaker = |a: &Annotation, q: &crate::output::Quote| q.speaker.as_ref().and_then(|s| s.entity).map(|e| a.entities[e].name.clone());
            let expected: Vec<_> = alone.iter().flat_map(|a| a.quotes.iter().map(move |q| speaker(a, q))).collect();
            let found: Vec<_> = ann.quotes.iter().map(|q| speaker(&ann, q)).collect();
            assert_eq!(found, expected, "{unit:?}");
            assert!(found.iter().any(Option::is_some));
        }
    }

    #[test]
    fn one_part_is_the_whole_annotation() {
        let opts = Options::default();
        let one = crate::annotate_part(ARTICLE, &opts, true);
        assert_eq!(in_parts(ARTICLE, ARTICLE.len(), opts.offsets), one);
        assert_eq!(super::merge([one.clone()]), one);
    }

    #[test]
    fn an_entity_joins_the_first_of_its_name_before_it() {
        use crate::output::{Entity, TextSpan};
        let span = |start: usize| TextSpan { start, end: start + 1, text: "x".into() };
        let entity = |id: usize, name: &str, at: &[usize]| Entity {
            id,
            kind: "organization".into(),
            name: name.into(),
            mentions: at.iter().map(|&s| span(s)).collect(),
            geo: None,
        };
        let part = |entities: Vec<Entity>| Annotation { version: 1, offsets: OffsetUnit::Utf16, length: 10, quotes: Vec::new(), entities };
        // Two `the ministry` in the first part stay two; both of the second
        // part's join the first of them, their mentions in order, once each.
        let ann = super::merge([
            part(vec![entity(0, "the ministry", &[1]), entity(1, "the ministry", &[5])]),
            part(vec![entity(0, "the ministry", &[2, 7]), entity(1, "the ministry", &[4, 7]), entity(2, "Acme", &[8])]),
        ]);
        let got: Vec<(usize, &str, Vec<usize>)> = ann.entities.iter().map(|e| (e.id, e.name.as_str(), e.mentions.iter().map(|m| m.start).collect())).collect();
        assert_eq!(got, vec![(0, "the ministry", vec![1, 12, 14, 17]), (1, "the ministry", vec![5]), (2, "Acme", vec![18])]);
        assert_eq!(ann.length, 20);
    }
}
