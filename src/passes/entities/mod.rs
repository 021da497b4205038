//! The entity pass: persons, locations and organisations.
//!
//! A learned tagger ([`tagger`], an averaged perceptron over hashed
//! features: word shape, affixes, neighbours, gazetteer, name lists, titles,
//! headline case, and the tags the same word already got in the document)
//! marks every token `PER`, `LOC`, `ORG`, `MISC` or `O`. Rules then read the
//! runs of equal tags in context: a name right before a nationality word is
//! a demonym (`North Korean`), a handle is no name, a MISC span that is a
//! known place is a location, and a bare surname of a full name found in
//! the document is that person wherever it appears. The gazetteer gives
//! every location its `geo` when it knows the place; other place-like
//! names are kept without coordinates. Bare surnames (`Pompeo`, `Kim`) link
//! to the full names, so every mention of a person points at one entity. A
//! one-word person linked to no full name is kept only with support beyond
//! the tagger (a name list, a title or first name before it, or a second
//! mention).
//!
//! The rules are stages over sorted spans ([`recognise`] runs them in
//! order), grouped by what they decide: `organisations` (firms, acronyms,
//! national bodies, institutions and their owners), `persons` (whole
//! names, roles, forms of address, then surnames and genders), `places`
//! (place names in context and the reading of each), with the span
//! arithmetic they share in `spans`. The data they read are [`gazetteer`],
//! [`names`] and [`citations`]; `headings` finds the names of headings.

pub mod citations;
pub mod gazetteer;
mod headings;
pub mod names;
mod organisations;
mod persons;
mod places;
mod spans;
pub mod tagger;

use std::cell::OnceCell;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::document::chars::{is_dash_token, is_listed, is_listed_lower, is_quote_mark, pack, Case};
use crate::document::{Document, Span, TokenKind};
use crate::lexicon::{self, Gender};
use gazetteer::Place;
use organisations::*;
use persons::*;
use places::*;
use spans::*;
// (The attribution pass reads headings as the entity pass does.)
pub(crate) use spans::{is_run_in_heading, opens_paragraph};

/// A span of the entity pass: `(first token, end, tag, headline)`.
type TypedSpan = (usize, usize, u8, bool);

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Location,
    Organization,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Location => "location",
            EntityKind::Organization => "organization",
        }
    }
}

/// One resolved entity and every place the text mentions it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub kind: EntityKind,
    /// The fullest name seen (persons, organisations) or the canonical name (places).
    pub name: String,
    /// Sorted by start.
    pub mentions: Vec<Span>,
    pub place: Option<&'static Place>,
    pub gender: Option<Gender>,
}

/// A mention and the entity it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub entity: usize,
    /// Token index range.
    pub tokens: (usize, usize),
}

/// The result of the pass: entities, and all mentions sorted by start.
#[derive(Clone, Debug, Default)]
pub struct Entities {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
}

/// The key of an entity in the index [`Entities::add`] keeps: its kind's
/// letter, then its name. (A string rather than a `(kind, name)` pair: the
/// map type the crate has already, for one copy of the hash table's code
/// less in the WASM module.)
fn index_key(kind: EntityKind, key: &str) -> String {
    let letter = match kind {
        EntityKind::Person => 'P',
        EntityKind::Location => 'L',
        EntityKind::Organization => 'O',
    };
    let mut k = String::with_capacity(key.len() + 1);
    k.push(letter);
    k.push_str(key);
    k
}

impl Entities {
    /// The mention covering token `ti`, if any.
    pub fn mention_at_token(&self, ti: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.tokens.0 <= ti);
        let m = self.mentions.get(i.checked_sub(1)?)?;
        (ti < m.tokens.1).then_some(m)
    }

    /// Adds a mention of a new or existing entity, keyed by `(kind, key)`
    /// (see [`index_key`]).
    fn add(&mut self, index: &mut HashMap<String, usize>, kind: EntityKind, key: String, m: Span, tokens: (usize, usize)) -> usize {
        let id = *index.entry(index_key(kind, &key)).or_insert_with(|| {
            self.entities.push(Entity { kind, name: key, mentions: Vec::new(), place: None, gender: None });
            self.entities.len() - 1
        });
        self.entities[id].mentions.push(m);
        self.mentions.push(Mention { span: m, entity: id, tokens });
        id
    }

    /// Sorts and dedups each entity's mentions and the flat mention list.
    /// Entities keep their creation order: the output orders them (with the
    /// organisations attribution adds) once, by first mention.
    fn finish(mut self) -> Entities {
        for e in &mut self.entities {
            crate::document::sort_stably(&mut e.mentions, |s| s.sort_key(0));
            e.mentions.dedup();
        }
        crate::document::sort_stably(&mut self.mentions, |m| m.span.sort_key(0));
        self.mentions.dedup_by_key(|m| m.span);
        self
    }
}

/// Finds the entities of `doc`: the tagger proposes typed spans, the
/// gazetteer gives each place its `geo`, and bare surnames are linked to
/// the full names seen in the document.
pub fn recognise(doc: &Document) -> Entities {
    let (tags, headlines) = tagger::tag_with_headlines(doc);
    // The document's lower-case words, gathered once when a rule first asks.
    let lower = LowerWords::new(doc);
    let spans = particle_names(doc, short_firm_names(doc, company_names(doc, &lower, names_end_at_in(doc, nicknamed_persons(doc, typed_spans(doc, &tags, &headlines))))));
    let spans = firms_by_noun(doc, ampersand_firms(doc, possessive_names(doc, national_bodies(doc, spans))));
    let spans = regnal_ones(doc, place_named_persons(doc, first_names_before_persons(doc, &lower, kind_names(doc, &lower, joined_names(doc, &lower, consistent(doc, &tags, &lower, split_names(doc, institution_names(doc, open_ended_names(doc, spans)))))))));
    let spans = known_places(doc, county_names(doc, places_before_site_nouns(doc, places_by_preposition(doc, owning_names(doc, employers(doc, agree_types(doc, kin_owners(doc, cited_persons(doc, &tags, spans)))))))));
    let spans = places_by_region(doc, &lower, state_abbreviations(doc, listed_places(doc, datelines(doc, headings::heading_names(doc, &lower, titles_before_persons(doc, names_after_titles(doc, &lower, address_forms(doc, whole_place_names(doc, spans)))))))));
    let (spans, acronyms) = acronyms(doc, known_organisations(doc, persons_by_role(doc, spans)));
    let mut out = Entities::default();
    let mut index: HashMap<String, usize> = HashMap::default();

    // Persons: full names first, so that later and earlier surnames link to them.
    let mut singles: Vec<(usize, usize, String, bool)> = Vec::new();
    let mut fulls: Vec<(usize, usize, String, bool)> = Vec::new();
    for &(a, b, tag, headline) in &spans {
        if tag != tagger::PER {
            continue;
        }
        let key = span_key(doc, a, b, headline);
        if b - a >= 2 {
            fulls.push((a, b, key, headline));
        } else {
            singles.push((a, b, key, headline));
        }
    }
    // A name of two words or more that ends a longer one is that person, if
    // it ends only one (`Goolagong Cawley` of `Evonne Goolagong Cawley`,
    // `Van Wyk` of `Thomas Van Wyk`): longest names first, each registering
    // its word-final parts.
    crate::document::sort_stably(&mut fulls, |f| u128::MAX - (f.1 - f.0) as u128);
    // (Ending → the one person it ends, or `SEVERAL`: a `usize` map, the
    // type `name_parts` has too, for one copy of the hash table's code.)
    const SEVERAL: usize = usize::MAX;
    let mut endings: HashMap<String, usize> = HashMap::default();
    for (a, b, key, headline) in fulls {
        if let Some(&id) = endings.get(key.as_str()).filter(|&&id| id != SEVERAL && !index.contains_key(&index_key(EntityKind::Person, &key))) {
            let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
            out.entities[id].mentions.push(span);
            out.mentions.push(Mention { span, entity: id, tokens: (a, b) });
            continue;
        }
        let id = add_person(doc, &mut out, &mut index, (a, b), key.clone(), headline);
        for (i, _) in key.match_indices(' ').filter(|&(i, _)| key[i + 1..].contains(' ')) {
            let e = endings.entry(key[i + 1..].to_string()).or_insert(id);
            if *e != id {
                *e = SEVERAL;
            }
        }
    }
    let parts = name_parts(&out);
    let mut seen: HashMap<&str, usize> = HashMap::default();
    for (_, _, key, _) in &singles {
        *seen.entry(key.as_str()).or_insert(0) += 1;
    }
    // (Repeated counts for a name written at least once inside a sentence,
    // or before a speech verb or a possessive as a name is (`Oz spoke`): a
    // word capitalised only where sentences start, `Shares of Nvidia fell`
    // under the headline `Nvidia Shares Slide`, is a word.)
    let named = |b: usize| b < doc.tokens.len() && (lexicon::is_finite_speech_verb(doc.tok(b)) || matches!(doc.tok(b), "’s" | "'s"));
    let inside: HashSet<&str> = singles.iter().filter(|s| !s.3 && (has_word_before(doc, s.0) || named(s.1))).map(|s| s.2.as_str()).collect();
    let repeated: HashSet<String> = seen.into_iter().filter(|&(k, n)| n >= 2 && inside.contains(k)).map(|(k, _)| k.to_string()).collect();
    // Where the persons found so far start (bit 1) and end (bit 2, at the
    // token after them): a lone word without support of its own waits in
    // `unsupported` for a listed neighbour among them (`listed_with_person`).
    let mut edges = vec![0u8; doc.tokens.len() + 1];
    for s in spans.iter().filter(|s| s.2 == tagger::PER && s.1 - s.0 >= 2) {
        edges[s.0] |= 1;
        edges[s.1] |= 2;
    }
    let mut unsupported = Vec::new();
    for (a, b, key, headline) in singles {
        let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
        // (A surname in capitals is the surname: `WALLACE:` in a transcript.)
        let part = parts.get(key.as_str()).or_else(|| (!key.chars().any(char::is_lowercase)).then(|| parts.get(tagger::title_case(&key).as_str())).flatten());
        if let Some(&id) = part {
            out.entities[id].mentions.push(span);
            out.mentions.push(Mention { span, entity: id, tokens: (a, b) });
        } else if repeated.contains(&key) || lone_name_supported(doc, a) || citations::is_cited(doc, a) {
            add_person(doc, &mut out, &mut index, (a, b), key, headline);
        } else {
            unsupported.push((a, b, key, headline));
            continue;
        }
        edges[a] |= 1;
        edges[b] |= 2;
    }
    for (a, b, key, headline) in unsupported {
        if listed_with_person(doc, &edges, a, b) {
            add_person(doc, &mut out, &mut index, (a, b), key, headline);
        }
    }

    let firms = firm_names(doc, &spans);
    let places: Vec<Option<&'static Place>> = spans.iter().map(|&(a, b, tag, headline)| if tag == tagger::LOC { place_of(doc, a, b, headline) } else { None }).collect();
    let places = namesakes(doc, &spans, second_readings(doc, &spans, places));
    for (&(a, b, tag, headline), &place) in spans.iter().zip(&places) {
        let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
        match tag {
            tagger::LOC => {
                // A place the gazetteer knows carries `geo`; one it does not
                // (`Wall Street`, `Fort Lee`) is kept when it looks like a
                // name, without coordinates.
                match place {
                    Some(place) => {
                        let id = out.add(&mut index, EntityKind::Location, place.canonical.to_string(), span, (a, b));
                        out.entities[id].place = Some(place);
                    }
                    None if looks_like_place_name(doc, a, b) => {
                        out.add(&mut index, EntityKind::Location, span_key(doc, a, b, headline), span, (a, b));
                    }
                    None => {}
                }
            }
            tagger::ORG => {
                let key = span_key(doc, a, b, headline);
                // A firm's short name is the firm (see `short_firm_names`),
                // an acronym the name it stands for (see `acronyms`).
                let key = if b - a == 1 { acronyms.get(key.as_str()).or_else(|| firms.get(key.as_str()).filter(|f| !f.is_empty())).cloned().unwrap_or(key) } else { key };
                out.add(&mut index, EntityKind::Organization, key, span, (a, b));
            }
            _ => {}
        }
    }
    genders_from_context(doc, &mut out);
    out.finish()
}

/// Context rules over the tagger's spans:
/// - a name right before a MISC word is the start of a demonym
///   (`North Korean`), not a person or place;
/// - a run-in heading is no name ([`is_run_in_heading`]);
/// - a name after `Hurricane`, `Typhoon`, `Cyclone` or `Storm` is a storm;
/// - a word after `@` is a handle, `R-Utah` a party and state, a name
///   ending in `Act` or `Amendment` a law, a lone function word or plural
///   of capitals no name, whatever its tag (`The`; `Her` opening `Her
///   husband, Peter Dunstan`, tagged a person; `GPUs`), and a common word in a run of capitals (`WATCH FULL
///   VIDEO`) no organisation or place;
/// - a lone word tagged as an organisation in a title-case headline or the
///   document's title ([`title_case_line`]) is not one;
/// - a MISC span that is exactly a gazetteer place is a location (`U.S.` in
///   `U.S.-North Korea summit`);
/// - a name opened by a title bound to it is a person's (`Apa Horsiesios`,
///   [`is_name_bound_title`]); a word after an ordinal inside a sentence is
///   a work or a role (`his First Symphony`), and a name before `family`,
///   `clan` or `dynasty` a family ([`names_family`]): neither is a person;
/// - a single word equal to the surname of a full name found in the document
///   is that person wherever it is written (`Pompeo’s`, `against Trump`,
///   and in capitals before a colon, as a transcript names its speakers:
///   `WALLACE:`),
///   unless the gazetteer knows it as a place, it is a nationality the
///   tagger read as one ([`is_nationality`]) or it names a family.
fn consistent(doc: &Document, tags: &[u8], lower_words: &LowerWords, mut spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    spans.retain(|&(a, b, _, _)| !is_run_in_heading(doc, (a, b)));
    let capitals = |k: usize| {
        let w = doc.tok(k);
        doc.tokens[k].kind == TokenKind::Word && w.len() > 1 && w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_uppercase)
    };
    // A word in a run of capitals (`WATCH FULL VIDEO`, `ASSOCIATE PROFESSOR`)
    // that the document also writes in lower case is a word, not a name.
    let shouted = |a: usize| {
        capitals(a)
            && ((a > 0 && capitals(a - 1) && !line_break_before(doc, a)) || (a + 1 < doc.tokens.len() && capitals(a + 1) && !line_break_before(doc, a + 1)))
            && place_of(doc, a, a + 1, true).is_none()
            && lower_words.has(&doc.tok(a).to_lowercase())
    };
    for k in 0..spans.len() {
        let (a, b, t, headline) = spans[k];
        if t != tagger::MISC && spans.get(k + 1).is_some_and(|n| n.0 == b && n.2 == tagger::MISC) {
            spans[k].2 = tagger::MISC;
        }
        // In a title-case headline, a lone capitalised word tagged as an
        // organisation is most often a verb or noun (`Agree`, `Second`).
        if t == tagger::ORG && b - a == 1 && (headline || title_case_line(doc, a)) && doc.tok(a).chars().any(char::is_lowercase) {
            spans[k].2 = tagger::MISC;
        }
        // `Apa Horsiesios`, `Shah Abbas`: a name that opens with a title
        // bound to it is a person's, whatever the tagger typed it (not
        // `Emperor Norton Bridge`, nor a business or a town: `Madame
        // Tussauds New York`, `St Helens`).
        if t != tagger::PER
            && b - a >= 2
            && !headline
            && !matches!(doc.tok(a), "Madame" | "St")
            && is_name_bound_title(doc.tok(a))
            && (a + 1..b).all(|j| tagger::is_capitalised(doc.tok(j)) && !tagger::is_org_word(doc.tok(j)) && !tagger::is_place_word(doc.tok(j)) && gazetteer::lookup(doc.tok(j)).is_none())
        {
            spans[k].2 = tagger::PER;
        }
        // `his First Symphony`, `as First Lady`: a word after an ordinal
        // inside a sentence is a work, a part or a role, no person (a
        // sentence's `First` is an adverb: `First Chang approached`).
        if t == tagger::PER
            && b - a == 1
            && a > 0
            && matches!(doc.tok(a - 1), "First" | "Second" | "Third" | "Fourth" | "Fifth" | "Sixth" | "Seventh" | "Eighth" | "Ninth" | "Tenth")
            && has_word_before(doc, a - 1)
            && !line_break_before(doc, a)
        {
            spans[k].2 = tagger::MISC;
        }
        // `the Bernoulli family`, `the Tudor dynasty`: a family, no one
        // person.
        if b - a == 1 && names_family(doc, a) {
            spans[k].2 = tagger::MISC;
        }
        // `PolitiFact`, `HuffPost`, `SurveyMonkey`: a brand's shape, no person's.
        if t == tagger::PER && b - a == 1 && is_brand_shape(doc.tok(a)) {
            spans[k].2 = tagger::ORG;
        }
        // `@StateDept` is a handle, not a name (`#Pyongyang` is a place).
        if a > 0 && doc.tok(a - 1) == "@" && doc.tokens[a - 1].span.end == doc.tokens[a].span.start {
            spans[k].2 = tagger::MISC;
        }
        // `Hurricane Irma`, `Storm Delia`: a storm, named like a person.
        // (`Storm` opening a person's name is a first name: `Storm Hunter`.)
        if (a > 0 && is_storm_word(doc.tok(a - 1))) || (b - a >= 2 && is_storm_word(doc.tok(a)) && !doc.tok(a).eq_ignore_ascii_case("storm")) {
            spans[k].2 = tagger::MISC;
        }
        // `Jason Chaffetz (R-Utah)`, `John Mica, R-Fla.`: a politician's
        // party and state, no name of its own; `the Fifth Amendment`, `the
        // Affordable Care Act`: a law.
        if (b - a == 1 && matches!(doc.tok(a).as_bytes(), [b'R' | b'D' | b'I', b'-', c, ..] if c.is_ascii_uppercase()))
            || (t != tagger::PER && matches!(doc.tok(b - 1), "Amendment" | "Act" | "Constitution"))
            || (b - a == 1 && (is_function_word(doc.tok(a)) || is_plural_acronym(doc.tok(a))))
            || (b - a == 1 && t != tagger::PER && (shouted(a) || COMMON_ACRONYMS.binary_search(&doc.tok(a)).is_ok()))
            || (b - a == 1 && matches!(t, tagger::PER | tagger::LOC) && is_party_word(doc.tok(a)))
            // (`Muslims`, and a lone letter: `D` of `(D)`, `R`.)
            || (b - a == 1 && t == tagger::ORG && (is_creed_word(doc.tok(a)) || (doc.tok(a).len() == 1 && doc.tok(a).as_bytes()[0].is_ascii_uppercase())))
        {
            spans[k].2 = tagger::MISC;
        }
        if t == tagger::MISC {
            if let Some(p) = place_of(doc, a, b, headline) {
                if p.feature != gazetteer::Feature::Region || b - a > 1 {
                    spans[k].2 = tagger::LOC;
                }
            }
        }
    }
    let mut surnames: HashSet<&str> = HashSet::default();
    for &(a, b, t, headline) in &spans {
        // (Not in the title, whose title case runs words into names:
        // `Super PACs Target Latino Voters.`; nor a people's name.)
        if t == tagger::PER && b - a >= 2 && !headline && !title_case_line(doc, a) {
            let last = doc.tok(b - 1);
            if last.chars().count() > 1 && tagger::is_capitalised(last) && !is_party_word(last) {
                surnames.insert(last);
            }
        }
    }
    if surnames.is_empty() {
        return spans;
    }
    // (Also in capitals before a colon, as a transcript names its speakers: `WALLACE:`.)
    let is_surname = |k: usize| {
        let w = doc.tok(k);
        surnames.contains(w) || (w.len() > 1 && doc.tokens.get(k + 1).is_some_and(|_| doc.tok(k + 1) == ":") && !w.chars().any(char::is_lowercase) && surnames.contains(tagger::title_case(w).as_str()))
    };
    let in_span = covered(doc, &spans);
    let mut extra: Vec<(usize, usize, u8, bool)> = Vec::new();
    for i in 0..doc.tokens.len() {
        // (Every surname is capitalised: a cheap test before the set's.)
        let surname = || tagger::is_capitalised(doc.tok(i)) && is_surname(i);
        if tags[i] == tagger::O && !in_span[i] && doc.tokens[i].kind == TokenKind::Word && surname() && !names_family(doc, i) {
            extra.push((i, i + 1, tagger::PER, false));
        }
    }
    for sp in spans.iter_mut() {
        let (a, b, t, _) = *sp;
        if t != tagger::PER && b - a == 1 && is_surname(a) && may_be_lone_surname(doc, a, t) {
            sp.2 = tagger::PER;
        }
    }
    merge(spans, extra)
}

/// Whether the word at `a` names a family, not one person: `the Bernoulli
/// family`, `the Kennedy clan`, `the Tudor dynasty`.
fn names_family(doc: &Document, a: usize) -> bool {
    a > 0 && matches!(doc.tok(a - 1), "the" | "The") && a + 1 < doc.tokens.len() && matches!(doc.tok(a + 1), "family" | "clan" | "dynasty")
}

/// A word with a capital inside it after a lower-case letter, not after a
/// surname's prefix (`McCain`, `MacArthur`, `DeSantis`, `LeBron`,
/// `DuVernay`, `DiPietro`, `VandeHei`, `VanLandingham`): a brand or a
/// publication (`PolitiFact`, `HuffPost`, `BuzzFeed`, `YouTube`). ASCII
/// only: mangled text (`PeÃ±a`) has capitals inside its words.
fn is_brand_shape(w: &str) -> bool {
    // (The last part of a joined name: `Jones-McDonald`, `O'McCarthy`.)
    let w = w.rsplit(['-', '\'', '’']).next().unwrap_or(w);
    let b = w.as_bytes();
    let Some(i) = (1..b.len()).find(|&i| b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase()) else { return false };
    !matches!(&w[..i], "Mc" | "Mac" | "De" | "Del" | "Des" | "Di" | "Du" | "Da" | "Le" | "La" | "Lo" | "Van" | "Vande" | "Vander" | "Von" | "Fitz" | "St")
}

/// Whether a word comes before token `a` in its sentence (not only quotation
/// marks or brackets), after a dateline's dash (`SAN FRANCISCO (Reuters) -
/// Shares of …` starts there).
fn has_word_before(doc: &Document, a: usize) -> bool {
    for k in (sentence_of(doc, a).0..a).rev() {
        if doc.tokens[k].kind == TokenKind::Word {
            return true;
        }
        if is_dash_token(doc.tok(k)) || doc.tok(k) == "-" {
            return false;
        }
    }
    false
}

/// Words that name a storm before its given name (`Hurricane Irma`).
fn is_storm_word(w: &str) -> bool {
    matches!(w, "Hurricane" | "Typhoon" | "Cyclone" | "Storm" | "HURRICANE" | "TYPHOON" | "CYCLONE" | "STORM")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A span rule's table: (text, spans as `(first token, end token, tag)`,
    /// the spans wanted after the rule).
    pub(super) type SpanCases<'a> = &'a [(&'a str, &'a [(usize, usize, u8)], &'a [(usize, usize, u8)])];

    pub(super) fn check_rule(rule: fn(&Document, Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)>, cases: SpanCases) {
        for (text, spans, want) in cases {
            let doc = Document::new(text);
            let spans: Vec<_> = spans.iter().map(|&(a, b, t)| (a, b, t, false)).collect();
            let got: Vec<(usize, usize, u8)> = rule(&doc, spans).iter().map(|s| (s.0, s.1, s.2)).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn brand_shapes() {
        for w in ["PolitiFact", "HuffPost", "BuzzFeed", "YouTube", "WaPo", "iOS"] {
            assert!(is_brand_shape(w), "{w}");
        }
        for w in ["McCain", "MacArthur", "DeSantis", "LeBron", "DuVernay", "DiPietro", "VandeHei", "VanLandingham", "O'Neill", "Smith", "NATO", "PeÃ±a", "DelBene", "DesJarlais", "LoBiondo", "Jones-McDonald"] {
            assert!(!is_brand_shape(w), "{w}");
        }
    }

    pub(super) const PER: u8 = tagger::PER;
    pub(super) const LOC: u8 = tagger::LOC;
    pub(super) const ORG: u8 = tagger::ORG;
    pub(super) const MISC: u8 = tagger::MISC;

    /// (text, mentions that must be found as `(kind, text)`, texts that must not be any mention).
    const CASES: &[(&str, &[(EntityKind, &str)], &[&str])] = &[
        (
            "Clinton-Supporting Super PACs Target Latino Voters.\n\nAbout one of every nine voters this fall is expected to be Latino. In critical swing states like Colorado, allies mobilize Latino voters.",
            &[],
            &["Latino", "Super PACs Target Latino"],
        ),
        (
            "That is false, PolitiFact said. Senator John McCain and Ron DeSantis disagreed, and HuffPost reported it.",
            &[(EntityKind::Organization, "PolitiFact"), (EntityKind::Person, "John McCain"), (EntityKind::Person, "Ron DeSantis")],
            &[],
        ),
        (
            "U.S. Secretary of State Mike Pompeo met North Korean leader Kim Jong Un in Pyongyang on Sunday.",
            &[(EntityKind::Person, "Mike Pompeo"), (EntityKind::Person, "Kim Jong Un"), (EntityKind::Location, "Pyongyang"), (EntityKind::Location, "U.S.")],
            &["North", "North Korean", "Secretary"],
        ),
        (
            "Mike Pompeo flew to Tokyo. Later, Pompeo’s aides said the talks with Japan went well.",
            &[(EntityKind::Person, "Pompeo"), (EntityKind::Location, "Tokyo"), (EntityKind::Location, "Japan")],
            &["Pompeo’s"],
        ),
        ("Had a good trip to #Pyongyang to meet with Chairman Kim. Thanks @StateDept", &[(EntityKind::Location, "Pyongyang")], &["StateDept"]),
        // A transcript names its speakers by surname, in capitals.
        ("Fox News anchor Chris Wallace moderated.\n\nWALLACE: Good evening.", &[(EntityKind::Person, "WALLACE")], &[]),
        ("SEOUL, Oct. 7 — South Korean President Moon Jae-In said on Sunday that talks would resume.", &[(EntityKind::Location, "SEOUL"), (EntityKind::Person, "Moon Jae-In")], &["Oct.", "South"]),
        (
            "Committee Chairman Jason Chaffetz (R-Utah) said. Rep. John Mica, R-Fla., agreed with Rep. Stephen Lynch (D-Mass.).",
            &[(EntityKind::Person, "Jason Chaffetz"), (EntityKind::Person, "John Mica")],
            &["R-Utah", "R-Fla.", "D-Mass"],
        ),
        (
            "He cited the Fifth Amendment and the Affordable Care Act before the Constitution.",
            &[],
            &["Fifth Amendment", "Amendment", "Affordable Care Act", "Constitution"],
        ),
        (
            "WATCH THE FULL VIDEO\n\nThe full video shows the WHO chief in Geneva.",
            &[(EntityKind::Location, "Geneva")],
            &["FULL", "VIDEO", "WATCH"],
        ),
        // Common nouns' abbreviations are no organisations; `The` after a
        // dateline's dash is no part of a name.
        (
            "BRUSSELS — The European Commission said the AI rules bind every CEO.",
            &[(EntityKind::Organization, "European Commission")],
            &["AI", "CEO", "The European Commission"],
        ),
        // Storms are named like persons; `Storm` opening a person's name is
        // a first name.
        (
            "Hurricane Irma struck Florida in 2017, and Hurricane Harvey flooded Houston, Mary Smith said. Australians Storm Hunter and Max Purcell won.",
            &[(EntityKind::Location, "Florida"), (EntityKind::Location, "Houston"), (EntityKind::Person, "Mary Smith"), (EntityKind::Person, "Storm Hunter")],
            &["Irma", "Harvey", "Hurricane Irma"],
        ),
        // A lone function word is no name, whatever the tagger made of it.
        (
            "“My husband went back for the dog, and I haven’t heard from him since.”\n\nHer husband, Peter Dunstan, later arrived at the oval with the dog, local police confirmed. Here's what we know.",
            &[(EntityKind::Person, "Peter Dunstan")],
            &["Her", "Here"],
        ),
        (
            "Nvidia sold more GPUs this year. He sold CDs, and NGOs agreed.",
            &[(EntityKind::Organization, "Nvidia")],
            &["GPUs", "CDs", "NGOs"],
        ),
    ];

    #[test]
    fn context_table() {
        for (text, want, not) in CASES {
            let doc = Document::new(text);
            let ents = recognise(&doc);
            let found: Vec<(EntityKind, &str)> = ents.mentions.iter().map(|m| (ents.entities[m.entity].kind, m.span.slice(text))).collect();
            for w in *want {
                assert!(found.contains(w), "{text}: missing {w:?} in {found:?}");
            }
            for n in *not {
                assert!(!found.iter().any(|(_, t)| t == n), "{text}: unwanted {n:?} in {found:?}");
            }
            // Every location has a gazetteer entry or looks like a place name; every mention's tokens match its span.
            for m in &ents.mentions {
                let e = &ents.entities[m.entity];
                assert!(e.kind != EntityKind::Location || e.place.is_some() || looks_like_place_name_text(&e.name), "{text}: {} without geo", e.name);
                assert_eq!(doc.tokens[m.tokens.0].span.start, m.span.start);
                assert_eq!(doc.tokens[m.tokens.1 - 1].span.end, m.span.end);
            }
        }
    }

    #[test]
    fn title_words_are_not_organisations() {
        let rule = |doc: &Document, spans| consistent(doc, &vec![tagger::O; doc.tokens.len()], &LowerWords::new(doc), spans);
        for (text, span, want) in [
            // A lone title-case word in the title, even one with a full stop.
            ("Clinton Plan for Taxes Is Expansive but Complex.\n\nIt is.", (1, 2, ORG), tagger::MISC),
            // Not in the body, nor a lone line of names further down.
            ("It is new.\n\nClinton Plan for Taxes Is Expansive but Complex.", (4, 5, ORG), ORG),
            ("Results.\n\nSurrey Glamorgan Middlesex Hampshire", (2, 3, ORG), ORG),
        ] {
            let doc = Document::new(text);
            let got = rule(&doc, vec![(span.0, span.1, span.2, false)]);
            assert_eq!(got[0].2, want, "{text}");
        }
    }

    #[test]
    fn works_and_families_are_no_persons() {
        let rule = |doc: &Document, spans| consistent(doc, &vec![tagger::O; doc.tokens.len()], &LowerWords::new(doc), spans);
        check_rule(
            rule,
            &[
                ("he wrote his First Symphony in", &[(4, 5, PER)], &[(4, 5, MISC)]),
                ("First Chang approached the net", &[(1, 2, PER)], &[(1, 2, PER)]),
                // A family is no one person.
                ("in the Bernoulli family of Basel", &[(2, 3, PER)], &[(2, 3, MISC)]),
                ("Bernoulli family members", &[(0, 1, PER)], &[(0, 1, PER)]),
            ],
        );
    }

    #[test]
    fn names_opening_with_bound_titles_are_persons() {
        let rule = |doc: &Document, spans| consistent(doc, &vec![tagger::O; doc.tokens.len()], &LowerWords::new(doc), spans);
        check_rule(
            rule,
            &[
                // The name, and its last word alone elsewhere.
                ("would leave Apa Horsiesios in charge . obedience to Horsiesios .", &[(2, 4, ORG), (9, 10, ORG)], &[(2, 4, PER), (9, 10, PER)]),
                // Not a bridge, nor a business in a town.
                ("the Emperor Norton Bridge now", &[(1, 4, LOC)], &[(1, 4, LOC)]),
                ("at Madame Tussauds New York now", &[(1, 5, LOC)], &[(1, 5, LOC)]),
                ("at Shah Tussauds York now", &[(1, 4, ORG)], &[(1, 4, ORG)]),
                ("to St Helens now", &[(1, 3, LOC)], &[(1, 3, LOC)]),
            ],
        );
    }

    #[test]
    fn genders_from_titles_and_kin() {
        let text = "Serena Williams won. Her mother, Ms. Oracene Price, watched. Gauff's father, Corey, watched too, near the widow Zyla.";
        let doc = Document::new(text);
        let ents = recognise(&doc);
        let gender = |name: &str| ents.mentions.iter().find(|m| m.span.slice(text) == name).map(|m| ents.entities[m.entity].gender);
        assert_eq!(gender("Corey"), Some(Some(Gender::Male)));
        assert_eq!(gender("Oracene Price"), Some(Some(Gender::Female)));
        // A kinship noun with no owner before it says nothing of the name.
        assert_ne!(gender("Zyla"), Some(Some(Gender::Female)));
    }

    #[test]
    fn surnames_of_two_words_link() {
        let text = "Former champion Evonne Goolagong Cawley said. Goolagong Cawley added that Thomas Van Wyk agreed, and Van Wyk said so.";
        let doc = Document::new(text);
        let ents = recognise(&doc);
        let entity = |name: &str| ents.mentions.iter().find(|m| m.span.slice(text) == name).map(|m| m.entity);
        assert_eq!(entity("Goolagong Cawley"), entity("Evonne Goolagong Cawley"));
        assert_eq!(entity("Van Wyk"), entity("Thomas Van Wyk"));
        assert!(entity("Van Wyk").is_some() && entity("Van Wyk") != entity("Goolagong Cawley"));
    }

    #[test]
    fn acronyms_are_their_organisations() {
        for (text, name, acronym) in [
            (
                "The United Nations Office for the Coordination of Humanitarian Affairs (OCHA) said aid was blocked. OCHA added that trucks waited.",
                "United Nations Office for the Coordination of Humanitarian Affairs",
                "OCHA",
            ),
            ("The National Heart, Lung, and Blood Institute (NHLBI) paid for it, and NHLBI staff agreed.", "National Heart, Lung, and Blood Institute", "NHLBI"),
            ("The Chinese Chamber of Commerce to the EU (CCCEU) objected. The CCCEU said so.", "Chinese Chamber of Commerce to the EU", "CCCEU"),
        ] {
            let doc = Document::new(text);
            let ents = recognise(&doc);
            let ids: Vec<usize> = ents.mentions.iter().filter(|m| [name, acronym].contains(&m.span.slice(text))).map(|m| m.entity).collect();
            assert_eq!(ids.len(), 3, "{text}: {:?}", ents.mentions.iter().map(|m| m.span.slice(text)).collect::<Vec<_>>());
            assert!(ids.iter().all(|&id| id == ids[0] && ents.entities[id].kind == EntityKind::Organization), "{text}");
        }
        // Not a law, nor words the tagger saw no organisation in.
        for (text, name) in [("The Affordable Care Act (ACA) passed, and the ACA stayed.", "Affordable Care Act"), ("the number of cases (NOC) rose", "NOC")] {
            let doc = Document::new(text);
            let ents = recognise(&doc);
            assert!(ents.mentions.iter().all(|m| m.span.slice(text) != name), "{text}");
        }
    }

    #[test]
    fn places_read_beside_their_region() {
        for (text, name, country) in [
            ("She grew up in Paris, Texas, and moved to Dublin, Ohio.", "Paris", None),
            ("She grew up in Paris, Texas, and moved to Dublin, Ohio.", "Dublin", None),
            ("Crews went to Alexandria, Louisiana, on Monday.", "Alexandria", None),
            ("He was born in Alexandria, Virginia, in 1950.", "Alexandria", Some("US")),
            ("Atlanta, Georgia, is hot in July.", "Georgia", Some("US")),
            ("He flew from Tbilisi, Georgia, to Paris.", "Georgia", Some("GE")),
            ("the annexation of Sardinia, Corsica and Cyprus", "Sardinia", Some("IT")),
            ("He flew to Hong Kong, China, on Monday.", "Hong Kong", Some("HK")),
        ] {
            let doc = Document::new(text);
            let ents = recognise(&doc);
            let m = ents.mentions.iter().find(|m| m.span.slice(text) == name).unwrap_or_else(|| panic!("{text}: no {name}"));
            let e = &ents.entities[m.entity];
            assert_eq!(e.kind, EntityKind::Location, "{text}: {name}");
            assert_eq!(e.place.map(|p| p.country), country, "{text}: {name}");
        }
    }

    #[test]
    fn cited_authors_are_persons() {
        let text = "Distant reading (Moretti, 2013) was not possible. Luján (2006) disagrees.";
        let ents = recognise(&Document::new(text));
        for name in ["Moretti", "Luján"] {
            assert!(ents.mentions.iter().any(|m| m.span.slice(text) == name && ents.entities[m.entity].kind == EntityKind::Person), "{name}");
        }
    }

    #[test]
    fn title_case_headlines_keep_acronyms() {
        // One entity, named as written (an all-caps headline's names are title-cased).
        let text = "EU and US Diverge on AI Rules as Brussels Begins Enforcing Act\n\nThe EU said on Monday.";
        let ents = recognise(&Document::new(text));
        let eu: Vec<&str> = ents.entities.iter().filter(|e| e.mentions.iter().any(|m| m.slice(text) == "EU")).map(|e| e.name.as_str()).collect();
        assert_eq!(eu, ["EU"]);
    }

    #[test]
    fn lone_names_written_only_where_sentences_start_are_words() {
        let persons = |text: &str| -> Vec<String> {
            let ents = recognise(&Document::new(text));
            ents.mentions.iter().filter(|m| ents.entities[m.entity].kind == EntityKind::Person).map(|m| m.span.slice(text).to_string()).collect()
        };
        let text = "Nvidia Shares Slide\n\nSAN FRANCISCO (Reuters) - Shares of Nvidia fell on Tuesday. Shares of Intel rose.";
        assert!(!persons(text).contains(&"Shares".to_string()), "{:?}", persons(text));
        // Once inside a sentence is enough.
        let text = "Zorbatin won the race on Sunday. Fans cheered as Zorbatin crossed the line.";
        assert_eq!(persons(text).iter().filter(|p| *p == "Zorbatin").count(), 2, "{:?}", persons(text));
    }

    #[test]
    fn parties_creeds_and_letters_are_no_persons_or_places() {
        // (As the tagger reads them in longer articles.)
        let cases: &[(&str, TypedSpan)] = &[
            ("Patrick Leahy , Democrat of Vermont , voted no .", (3, 4, tagger::PER, false)),
            ("Her Conservative shadow spoke .", (1, 2, tagger::LOC, false)),
            ("It hurt Hispanics more than whites .", (2, 3, tagger::PER, false)),
            // Creeds and peoples are no organisations either, nor is a lone letter.
            ("Many Muslims voted .", (1, 2, tagger::ORG, false)),
            ("Rep. Smith ( D ) voted .", (3, 4, tagger::ORG, false)),
        ];
        for &(text, span) in cases {
            let doc = Document::new(text);
            let out = consistent(&doc, &vec![tagger::O; doc.tokens.len()], &LowerWords::new(&doc), vec![span]);
            assert_eq!(out, [(span.0, span.1, tagger::MISC, false)], "{text}");
        }
        // A party stays an organisation.
        let doc = Document::new("Labour won .");
        assert_eq!(consistent(&doc, &[tagger::O; 3], &LowerWords::new(&doc), vec![(0, 1, tagger::ORG, false)]), [(0, 1, tagger::ORG, false)]);
        assert!(is_party_word("Tories") && is_party_word("Democrats") && !is_party_word("Democratic") && !is_party_word("Kansas"));
        assert!(is_creed_word("Muslims") && is_creed_word("Latino") && is_party_word("Catholics") && !is_creed_word("Democrats") && !is_creed_word("Christian") && is_creed_word("Christians"));
    }

    #[test]
    fn second_readings_follow_the_document() {
        let cases = [
            // The place named right after decides.
            ("NEWCASTLE, England — The club said on Monday it would appeal.", "Newcastle", "GB"),
            ("The floods hit Valencia, Spain, on Tuesday.", "Valencia", "ES"),
            // And for every other mention of the name, before it too.
            ("Floods in Valencia\n\nVALENCIA, Spain — Rescuers searched on Thursday. Valencia mourned.", "Valencia", "ES"),
            // Else the country of the other cities and regions.
            ("Kemp won Georgia again, and rivals won in Florida and Texas.", "Georgia", "US"),
            // Else the first reading.
            ("Georgia's president met officials in Tbilisi and Washington.", "Georgia", "GE"),
            ("Georgia held an election on Saturday.", "Georgia", "GE"),
            ("The tour plays London, then Toronto and Toronto again.", "London", "GB"),
        ];
        for (text, name, country) in cases {
            let ents = recognise(&Document::new(text));
            let m = ents.mentions.iter().find(|m| m.span.slice(text).eq_ignore_ascii_case(name)).unwrap_or_else(|| panic!("{text}: no {name}"));
            assert_eq!(ents.entities[m.entity].place.map(|p| p.country), Some(country), "{text}");
        }
    }

    #[test]
    fn linked_surname_shares_the_entity() {
        let text = "Mike Pompeo arrived in Seoul. Pompeo then met Kim.";
        let ents = recognise(&Document::new(text));
        let ids: Vec<usize> = ents.mentions.iter().filter(|m| m.span.slice(text).contains("Pompeo")).map(|m| m.entity).collect();
        assert_eq!(ids.len(), 2);
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ents.entities[ids[0]].name, "Mike Pompeo");
        assert_eq!(ents.entities[ids[0]].gender, Some(Gender::Male));
        // The first full name with the surname, not the last one named.
        let text = "Eleanor Vance died on Wednesday. Ms. Vance wrote 14 novels. She is survived by a daughter, Catriona Vance. Ms. Vance once said so.";
        let ents = recognise(&Document::new(text));
        let names: Vec<&str> = ents.mentions.iter().filter(|m| m.span.slice(text) == "Vance").map(|m| ents.entities[m.entity].name.as_str()).collect();
        assert_eq!(names, ["Eleanor Vance", "Eleanor Vance"]);
    }
}
