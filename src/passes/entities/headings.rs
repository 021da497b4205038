//! Names in a title-case title, read against the body of the document.
//!
//! In `Elizabeth Warren Hammers Wells Fargo CEO` every word is capitalised,
//! so capitals say nothing about where a name starts or ends, and the
//! tagger, trained mostly on running text, runs names into the verbs and
//! nouns around them (`Elizabeth Warren Hammers`, `Clinton Speaks`), or
//! takes a run of common words for an organisation (`Up The Absurd Double
//! Standard Clinton And Trump Face`). The heading is the first thing a
//! reader sees, so these errors are the most visible ones.
//!
//! The body, set in ordinary case, knows better: a news story names in its
//! text the people, places and organisations of its heading. So a name
//! found in a heading is kept where the body supports it:
//!
//! - the same name is found in the body: kept, with the body's type
//!   (`Trump` in `Trump’s East European Achilles Heel` is the body's
//!   person, not a place);
//! - the gazetteer knows the whole name as a place: kept;
//! - otherwise it is cut down to its runs of words that are found in names
//!   in the body (`Elizabeth Warren Hammers` → `Elizabeth Warren`,
//!   `Chris Christie Calls Hillary Clinton` → `Chris Christie`, `Hillary
//!   Clinton`), each typed as the body types it;
//! - with no such word, it is dropped, unless it reads as a person's full
//!   name the body does not contradict ([`full_name_at`]: a first name of
//!   both name lists, then a census surname or after a title, and no word
//!   the body writes in lower case: `Jill Stein` in a title the body does
//!   not name her in). A listed first name also stays before a surname the
//!   body knows (`Jill Stein`, where the body says `Ms. Stein`), and such a
//!   full name is found in the title even where the tagger split it.
//!
//! Only the document's title (its first paragraph) is read this way, and
//! only when set in title case: in sentence case, capitals mean what they
//! mean in the body; a title in capitals is left to the tagger's own
//! headline features.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::document::chars::Case;
use crate::document::{Document, TokenKind};
use crate::lexicon;

use super::{covered, is_function_word, merge, names, place_of, sentence_of, span_key, tagger, LowerWords, TypedSpan};

/// The tokens of the document's title when it is set in title case: the
/// first paragraph, one sentence whose longer words are all capitalised,
/// not in capitals throughout. (Only the first: further lines in title case
/// are as often rows of a table, `Michael Schumacher ( Germany ) Ferrari`,
/// whose names the body need not repeat.)
fn title_case_title(doc: &Document) -> Option<(usize, usize)> {
    let title = doc.first_paragraph()?.tokens;
    (title.1 > title.0 && sentence_of(doc, title.0) == title && tagger::is_title_case(doc, title) && !tagger::is_all_caps(doc, title)).then_some(title)
}

/// What the body (every span outside title-case headings) says about names.
struct Body<'d> {
    /// Each name's text with the tags it was given.
    names: HashMap<String, [u16; tagger::NT]>,
    /// Each word of a name with the tags of the names holding it. (Keyed
    /// by owned strings: the type of `names`, for one copy of the hash
    /// table's code less in the WASM module.)
    words: HashMap<String, [u16; tagger::NT]>,
    /// The first and last words of persons' names (`Hillary`, `Clinton`).
    person_ends: HashSet<&'d str>,
}

impl<'d> Body<'d> {
    fn new(doc: &'d Document, spans: &[TypedSpan], heading: &[bool]) -> Body<'d> {
        let mut body = Body { names: HashMap::default(), words: HashMap::default(), person_ends: HashSet::default() };
        for (&(a, b, tag, headline), _) in spans.iter().zip(heading).filter(|(_, &h)| !h) {
            body.names.entry(span_key(doc, a, b, headline)).or_default()[tag as usize] += 1;
            if tag == tagger::PER {
                body.person_ends.extend([doc.tok(a), doc.tok(b - 1)]);
            }
            for k in a..b {
                if doc.tokens[k].kind == TokenKind::Word {
                    body.words.entry(doc.tok(k).to_string()).or_default()[tag as usize] += 1;
                }
            }
        }
        body
    }

    /// The body's usual tag for the name `key`, if it names it.
    fn tag_of_name(&self, key: &str) -> Option<u8> {
        self.names.get(key).map(most)
    }

    /// The usual tag of the names holding `word`, if any does.
    fn tag_of_word(&self, word: &str) -> Option<u8> {
        self.words.get(word).map(most)
    }
}

/// The tag counted most often (the first on a tie).
fn most(counts: &[u16; tagger::NT]) -> u8 {
    (1..tagger::NT).fold(0, |m, t| if counts[t] > counts[m] { t } else { m }) as u8
}

/// Reads the names found in title-case headings against the body (see the
/// module's documentation); spans elsewhere are left as they are.
pub(super) fn heading_names(doc: &Document, lower: &LowerWords, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let Some(title) = title_case_title(doc) else { return spans };
    let heading: Vec<bool> = spans.iter().map(|sp| (title.0..title.1).contains(&sp.0)).collect();
    if !heading.contains(&true) {
        return spans;
    }
    let body = Body::new(doc, &spans, &heading);
    let covered = covered(doc, &spans);
    let mut out = Vec::with_capacity(spans.len());
    for (sp, h) in spans.into_iter().zip(heading) {
        if !h {
            out.push(sp);
            continue;
        }
        let (a, b, tag, headline) = sp;
        if let Some(t) = body.tag_of_name(&span_key(doc, a, b, headline)) {
            out.push((a, b, t, headline));
        } else if place_of(doc, a, b, headline).is_some() {
            out.push(sp);
        } else {
            let runs = supported_runs(doc, (a, b), headline, &body);
            if runs.is_empty() {
                if reads_as_full_name(doc, sp, lower) {
                    out.push(sp);
                }
                continue;
            }
            let mut taken = a;
            for (k, &(mut r0, mut r1)) in runs.iter().enumerate() {
                let next = runs.get(k + 1).map_or(b, |r| r.0);
                // Words next to the run that make it a name the body
                // writes, which the tagger left out (`Hillary` of `Hillary
                // Clinton Speaks`, tagged `Clinton Speaks`).
                let (s0, s1) = sentence_of(doc, r0);
                let free = |k: usize| if (a..b).contains(&k) { k >= taken && k < next } else { !covered[k] };
                while r0 > s0 && free(r0 - 1) && body.names.contains_key(&span_key(doc, r0 - 1, r1, headline)) {
                    r0 -= 1;
                }
                while r1 < s1 && free(r1) && body.names.contains_key(&span_key(doc, r0, r1 + 1, headline)) {
                    r1 += 1;
                }
                // A listed first name before a surname the body knows
                // (`Jill Stein`, where the body says `Ms. Stein`).
                if r0 > taken && tag == tagger::PER && names::is_first_name(doc.tok(r0 - 1)) && !lower.has(&doc.tok(r0 - 1).to_lowercase()) {
                    r0 -= 1;
                }
                taken = r1;
                // The body's type of the run; else a person's, if its last
                // word ends a person's name in the body (`Mitt Romney` where
                // the body says `Romney`, `Clinton` where it also has the
                // `Clinton Foundation`); else that of the names holding it.
                let last = doc.tok(r1 - 1);
                let t = body
                    .tag_of_name(&span_key(doc, r0, r1, headline))
                    .or_else(|| body.person_ends.contains(last).then_some(tagger::PER))
                    .or_else(|| body.tag_of_word(last))
                    .unwrap_or(tag);
                out.push((r0, r1, t, headline));
            }
        }
    }
    let full = full_names(doc, title, &out, lower);
    if full.is_empty() {
        out
    } else {
        merge(out, full)
    }
}

/// Persons' full names in the title (tokens `title`) that no kept span
/// covers, read from the name lists alone ([`full_name_at`]: `Jill
/// Stein`). The tagger
/// splits such names in title case (`Jill` an organisation, `Stein` a
/// person, where the body has only `the Green Party candidate`).
fn full_names(doc: &Document, title: (usize, usize), out: &[TypedSpan], lower: &LowerWords) -> Vec<TypedSpan> {
    let covered = covered(doc, out);
    let mut found = Vec::new();
    let mut k = title.0;
    while k + 1 < title.1 {
        if !covered[k] && !covered[k + 1] && full_name_at(doc, (k, k + 2), lower) {
            found.push((k, k + 2, tagger::PER, false));
            k += 2;
        } else {
            k += 1;
        }
    }
    found
}

/// The runs of tokens `a..b` made of words found in the body's names. Two
/// runs one word apart join where the body writes them so (`Bank of
/// America`, `Clinton And Trump` stay two). A run of one word is a name the
/// body writes alone, or the first or last word of a person's name
/// (`Clinton`, `Hillary`); a word from inside a longer name (`Black` of
/// `Congressional Black Caucus`) is no name alone.
fn supported_runs(doc: &Document, (a, b): (usize, usize), headline: bool, body: &Body) -> Vec<(usize, usize)> {
    let supported = |k: usize| {
        let w = doc.tok(k);
        doc.tokens[k].kind == TokenKind::Word && !w.starts_lower() && !is_function_word(w) && body.words.contains_key(w)
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut k = a;
    while k < b {
        if !supported(k) {
            k += 1;
            continue;
        }
        let start = k;
        while k < b && supported(k) {
            k += 1;
        }
        match runs.last_mut() {
            Some(last) if last.1 + 1 == start && body.names.contains_key(&span_key(doc, last.0, k, headline)) => last.1 = k,
            _ => runs.push((start, k)),
        }
    }
    let alone = |k: usize| body.names.contains_key(doc.tok(k)) || body.person_ends.contains(doc.tok(k));
    runs.retain(|&(r0, r1)| r1 - r0 > 1 || alone(r0));
    runs
}

/// A person's full name with no support in the body, kept all the same: a
/// first name (of both name lists) and a surname (of the census's) or a
/// title before it (`From Chairwoman Nancy Pelosi:`), and no word the body
/// writes in lower case (`Will Tell` is not a name where the body has
/// `tell`; `Storm Hits` is none, `hits` being no surname).
fn reads_as_full_name(doc: &Document, (a, b, tag, _): TypedSpan, lower: &LowerWords) -> bool {
    tag == tagger::PER && b - a >= 2 && full_name_at(doc, (a, b), lower)
}

/// Whether tokens `a..b` read as a person's full name by the lists alone
/// (see [`reads_as_full_name`]); the last word is no first name of its own.
fn full_name_at(doc: &Document, (a, b): (usize, usize), lower: &LowerWords) -> bool {
    let (first, last) = (doc.tok(a), doc.tok(b - 1));
    names::is_first_name(first)
        && names::census(first).first
        && ((names::census(last).surname && !names::census(last).first) || (a > 0 && lexicon::is_person_title(doc.tok(a - 1))))
        && (a..b).all(|k| doc.tokens[k].kind == TokenKind::Word && !lower.has(&doc.tok(k).to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::super::recognise;
    use super::*;

    /// `(name, text, persons, locations, organisations)`: the mentions of
    /// each type, in text order.
    #[test]
    fn heading_names_read_against_the_body() {
        use super::super::EntityKind::{Location, Organization, Person};
        let cases: &[(&str, &str, &[&str], &[&str], &[&str])] = &[
            (
                "a verb run into a name is cut off",
                "Elizabeth Warren Hammers Bank Chief Over Fake Accounts\n\nSenator Elizabeth Warren questioned the chief executive on Tuesday. Warren said the bank had failed its customers.",
                &["Elizabeth Warren", "Elizabeth Warren", "Warren"],
                &[],
                &[],
            ),
            (
                "two names joined by a verb are split",
                "Chris Christie Calls Hillary Clinton A Disgrace Over Police Comments\n\nNew Jersey Gov. Chris Christie attacked Hillary Clinton on Monday. Christie said Clinton was wrong.",
                &["Chris Christie", "Hillary Clinton", "Chris Christie", "Hillary Clinton", "Christie", "Clinton"],
                &["New Jersey"],
                &[],
            ),
            (
                "common words with no name in the body are no name",
                "Germany Warns of Hard Winter as Energy Prices Soar\n\nThe government in Berlin said on Thursday that prices would rise further.",
                &[],
                &["Germany", "Berlin"],
                &[],
            ),
            (
                "a full name the body does not repeat stays; common words do not",
                "Jill Stein Removed From Debate Site By Police\n\nThe candidate was escorted out on Monday, the Green Party said.",
                &["Jill Stein"],
                &[],
                &["Green Party"],
            ),
            (
                "a title before a name the lists do not hold as a surname",
                "From Chairwoman Nancy Pelosi:\n\n“We will pass the bill this week.”",
                &["Nancy Pelosi"],
                &[],
                &[],
            ),
            (
                "two names joined by And stay two",
                "One Tweet Sums Up The Double Standard Clinton And Trump Face\n\nHillary Clinton and Donald Trump met on Monday. Clinton spoke first, then Trump.",
                &["Clinton", "Trump", "Hillary Clinton", "Donald Trump", "Clinton", "Trump"],
                &[],
                &[],
            ),
            (
                "sentence case headings are left to the tagger",
                "Warren hammers bank chief over fake accounts\n\nSenator Elizabeth Warren questioned the chief executive on Tuesday.",
                &["Warren", "Elizabeth Warren"],
                &[],
                &[],
            ),
        ];
        for (name, text, persons, locations, orgs) in cases {
            let doc = Document::new(text);
            let ents = recognise(&doc);
            let of = |kind| -> Vec<&str> {
                ents.mentions.iter().filter(|m| ents.entities[m.entity].kind == kind).map(|m| m.span.slice(text)).collect()
            };
            assert_eq!(of(Person), *persons, "{name}: persons");
            assert_eq!(of(Location), *locations, "{name}: locations");
            assert_eq!(of(Organization), *orgs, "{name}: organisations");
        }
    }
}
