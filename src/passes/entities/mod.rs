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
//! names are kept without coordinates. Bare surnames (`Pompeo`, `Kim`) link to the full
//! names, so every mention of a person points at one entity. A one-word
//! person linked to no full name is kept only with support beyond the tagger
//! (a name list, a title or first name before it, or a second mention).

pub mod citations;
pub mod gazetteer;
mod headings;
pub mod names;
pub mod tagger;

use std::cell::OnceCell;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::document::chars::{ascii_lower, is_dash_token, Case};
use crate::document::{Document, Span, TokenKind};
use crate::lexicon::{self, Gender};
use gazetteer::Place;

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

impl Entities {
    /// The mention covering token `ti`, if any.
    pub fn mention_at_token(&self, ti: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.tokens.0 <= ti);
        let m = self.mentions.get(i.checked_sub(1)?)?;
        (ti < m.tokens.1).then_some(m)
    }

    /// Adds a mention of a new or existing entity, keyed by `(kind, key)`.
    fn add(&mut self, index: &mut HashMap<(EntityKind, String), usize>, kind: EntityKind, key: String, m: Span, tokens: (usize, usize)) -> usize {
        let id = *index.entry((kind, key.clone())).or_insert_with(|| {
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
    let spans = particle_names(doc, short_firm_names(doc, company_names(doc, &lower, names_end_at_in(doc, typed_spans(doc, &tags, &headlines)))));
    let spans = possessive_names(doc, national_bodies(doc, spans));
    let spans = first_names_before_persons(doc, &lower, joined_names(doc, &lower, consistent(doc, &tags, &lower, split_names(doc, open_ended_names(doc, spans)))));
    let spans = known_places(doc, places_by_preposition(doc, owning_names(doc, employers(doc, agree_types(doc, kin_owners(doc, cited_persons(doc, &tags, spans)))))));
    let spans = places_by_region(doc, &lower, datelines(doc, headings::heading_names(doc, &lower, address_forms(doc, whole_place_names(doc, spans)))));
    let (spans, acronyms) = acronyms(doc, persons_by_role(doc, spans));
    let mut out = Entities::default();
    let mut index: HashMap<(EntityKind, String), usize> = HashMap::default();

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
    let mut endings: HashMap<String, Option<usize>> = HashMap::default();
    for (a, b, key, headline) in fulls {
        if let Some(&Some(id)) = endings.get(key.as_str()).filter(|_| !index.contains_key(&(EntityKind::Person, key.clone()))) {
            let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
            out.entities[id].mentions.push(span);
            out.mentions.push(Mention { span, entity: id, tokens: (a, b) });
            continue;
        }
        let id = add_person(doc, &mut out, &mut index, (a, b), key.clone(), headline);
        for (i, _) in key.match_indices(' ').filter(|&(i, _)| key[i + 1..].contains(' ')) {
            let e = endings.entry(key[i + 1..].to_string()).or_insert(Some(id));
            if *e != Some(id) {
                *e = None;
            }
        }
    }
    let parts = name_parts(&out);
    let mut seen: HashMap<&str, usize> = HashMap::default();
    for (_, _, key, _) in &singles {
        *seen.entry(key.as_str()).or_insert(0) += 1;
    }
    let repeated: HashSet<String> = seen.into_iter().filter(|&(_, n)| n >= 2).map(|(k, _)| k.to_string()).collect();
    for (a, b, key, headline) in singles {
        let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
        if let Some(&id) = parts.get(key.as_str()) {
            out.entities[id].mentions.push(span);
            out.mentions.push(Mention { span, entity: id, tokens: (a, b) });
        } else if repeated.contains(&key) || lone_name_supported(doc, a) || citations::is_cited(doc, a) {
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
                let key = if b - a == 1 { acronyms.get(key.as_str()).cloned().or_else(|| firms.get(key.as_str()).cloned().flatten()).unwrap_or(key) } else { key };
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
/// - a single word equal to the surname of a full name found in the document
///   is that person wherever it is written (`Pompeo’s`, `against Trump`),
///   unless the gazetteer knows it as a place.
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
        if t == tagger::PER && b - a >= 2 && !headline {
            let last = doc.tok(b - 1);
            if last.chars().count() > 1 && tagger::is_capitalised(last) {
                surnames.insert(last);
            }
        }
    }
    if surnames.is_empty() {
        return spans;
    }
    let in_span = covered(doc, &spans);
    let mut extra: Vec<(usize, usize, u8, bool)> = Vec::new();
    for i in 0..doc.tokens.len() {
        // (Every surname is capitalised: a cheap test before the set's.)
        let surname = || tagger::is_capitalised(doc.tok(i)) && surnames.contains(doc.tok(i));
        if tags[i] == tagger::O && !in_span[i] && doc.tokens[i].kind == TokenKind::Word && surname() {
            extra.push((i, i + 1, tagger::PER, false));
        }
    }
    for sp in spans.iter_mut() {
        let (a, b, t, _) = *sp;
        if t != tagger::PER && b - a == 1 && surnames.contains(doc.tok(a)) && gazetteer::lookup(doc.tok(a)).is_none() {
            sp.2 = tagger::PER;
        }
    }
    merge(spans, extra)
}

/// One run of capitalised words is one name, but the tagger types each word
/// on its own and can split a run into a person and something else. Two
/// spans that touch (no punctuation, no line break between) become one:
/// - a person when the run starts with a first name (`Niall` + `Quinn`,
///   `Andy` + `Caddick`): a first name before a person's name is part of it,
///   and a lone word after a first name is a surname (not a word that makes
///   a name an organisation or a place: `Robin Airlines` stays apart);
/// - an organisation when a person's name that does not start with a first
///   name runs into an organisation (`Vrije` + `Universiteit Amsterdam`,
///   `Beavertail` + `Cactus`, `Pirelli` + `Group`): the organisation's name
///   ends the run, and the word before it is part of that name, not a person.
/// A regnal number stays out (`Elizabeth II`), and headlines are left alone.
fn joined_names(doc: &Document, lower_words: &LowerWords, spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let first_name = |k: usize| names::is_first_name(&tagger::title_case(doc.tok(k)));
    // The organisation's own name, not a surname the tagger read as one
    // (`Saeed` + `Anwar`): several words, a word that makes an organisation,
    // or a common noun the document also writes in lower case (`Cactus`).
    let seen_lower = |w: &str| {
        let lower = w.to_lowercase();
        lower != w && lower_words.has(&lower)
    };
    let org_name = |(a, b): (usize, usize)| b - a >= 2 || tagger::is_org_word(doc.tok(a)) || seen_lower(doc.tok(a));
    let plain_word = |k: usize| {
        let w = doc.tok(k);
        // (Nor an honour named after a person: `César Award`, `Nobel Prize`.)
        !tagger::is_org_word(w) && !tagger::is_place_word(w) && !is_roman_numeral(w) && !seen_lower(w) && !matches!(w, "Award" | "Awards" | "Prize" | "Medal" | "Trophy")
    };
    // Words the document uses as a person's name on their own: surnames in use.
    // (Each with the token where the document first writes it so; and
    // those it writes so more than once.)
    let mut lone_persons: HashMap<&str, usize> = HashMap::default();
    let mut repeated: HashSet<&str> = HashSet::default();
    for s in spans.iter().filter(|s| s.2 == tagger::PER && s.1 - s.0 == 1 && !s.3) {
        if lone_persons.contains_key(doc.tok(s.0)) {
            repeated.insert(doc.tok(s.0));
        } else {
            lone_persons.insert(doc.tok(s.0), s.0);
        }
    }
    join_pairs(spans, |(a, b, t, headline), sp| {
        // Not in headlines: title case makes every word a candidate
        // (`Clinton Plan`, `Trump Was`).
        let touch = sp.0 == b && !headline && !sp.3 && !line_break_before(doc, b) && !title_case_line(doc, a);
        let mixed = (t == tagger::PER) != (sp.2 == tagger::PER) && t != tagger::O && sp.2 != tagger::O;
        if !(touch && mixed) {
            None
        } else if t != tagger::PER {
            // An organisation or place, then a person: only a first
            // name joins (a nationality never does: `German Anke Huber`),
            // or a plain word before a surname the document uses on its
            // own after it, typed an organisation (`Bukayo` + `Saka`, then
            // `Saka scored`): a first name the lists do not know, in the
            // full name that introduces a person.
            let before_surname = t == tagger::ORG && sp.1 - sp.0 == 1 && repeated.contains(doc.tok(sp.0)) && lone_persons.get(doc.tok(sp.0)) == Some(&sp.0) && plain_word(a) && place_of(doc, a, b, false).is_none();
            (t != tagger::MISC && b - a == 1 && (first_name(a) || before_surname)).then_some(tagger::PER)
        } else if b - a == 1 && first_name(a) {
            (sp.1 - sp.0 == 1 && plain_word(sp.0)).then_some(tagger::PER)
        } else if sp.2 == tagger::ORG && !first_name(a) && org_name((sp.0, sp.1)) {
            Some(tagger::ORG)
        } else {
            None
        }
    })
}

/// An owner of kin is a person: `Gauff's father`, `Clooney's wife`. The
/// tagger, not knowing a name, may type it an organisation (`Coco Gauff won
/// the final`); a name that owns a father, a wife or a son is a person's,
/// and [`agree_types`] then gives its full name the same type. Not a place,
/// which may own its sons and daughters.
fn kin_owners(doc: &Document, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    for sp in spans.iter_mut() {
        let (a, b, t, headline) = *sp;
        if (t == tagger::ORG || t == tagger::MISC) && !headline && b + 1 < n && matches!(doc.tok(b), "’s" | "'s") && lexicon::kin_gender(doc.tok(b + 1)).is_some() && place_of(doc, a, b, false).is_none() {
            sp.2 = tagger::PER;
        }
    }
    spans
}

/// A name the tagger typed an organisation or place is a person's where a
/// role names them: a person noun right before it (`prime minister
/// Yoshihiko Noda`, `analyst Koichi Nakano`: [`lexicon::is_title_noun`]) or
/// heading the phrase after it, a comma and `a`, `an` or `the` (`Koichi
/// Nakano, a political scientist at`: [`lexicon::is_person_noun`]). The tagger, trained on 1996 wire
/// copy, reads many Japanese, Chinese and African names so. Not a name of
/// four words or more, nor one ending in an organisation or place word
/// (`Sophia University, a private school`), nor one the gazetteer knows
/// whole. A person's surname that is also a city's, alone before a speech
/// verb, is the person (`Noda said`).
fn persons_by_role(doc: &Document, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    // The head of `a political scientist at`: the last of up to three
    // lower-case words, before a comma, a stop or a preposition (not `the
    // candidate boasted`, `a secessionist group`, `a group of activist`).
    let role_after = |b: usize| {
        if !(b + 2 < n && doc.tok(b) == "," && matches!(doc.tok(b + 1), "a" | "an" | "the")) {
            return false;
        }
        let ends = |k: usize| k >= n || matches!(doc.tok(k), "," | "." | ";" | "at" | "of" | "for" | "in" | "with" | "who" | "from" | "and");
        let mut k = b + 2;
        while k < n && k < b + 5 && doc.tok(k).starts_lower() && !ends(k) {
            k += 1;
        }
        k > b + 2 && ends(k) && lexicon::is_person_noun(doc.tok(k - 1))
    };
    let title_at = |k: usize| doc.tokens[k].kind == TokenKind::Word && lexicon::is_title_noun(doc.tok(k));
    let name_word = |w: &str| tagger::is_capitalised(w) || has_article_prefix(w);
    for i in 0..spans.len() {
        let (a, b, t, headline) = spans[i];
        if !(t == tagger::ORG || t == tagger::LOC) || headline || b - a > 3 || !(a..b).all(|k| name_word(doc.tok(k))) {
            continue;
        }
        // (The role first: it is rare, the gazetteer lookup is not cheap.)
        let role = (a > 0 && title_at(a - 1) && !line_break_before(doc, a)) || role_after(b);
        let last = doc.tok(b - 1);
        if role && !(tagger::is_org_word(last) || tagger::is_place_word(last) || is_place_suffix(last) || place_of(doc, a, b, false).is_some()) {
            spans[i].2 = tagger::PER;
            // `Majed al-Ansari`: a given name the lists lack, left untagged
            // before a surname with an Arabic article, is part of the name.
            let free = |k: usize| i == 0 || spans[i - 1].1 <= k;
            if has_article_prefix(doc.tok(a)) && a > 0 && free(a - 1) && tagger::is_capitalised(doc.tok(a - 1)) && !is_function_word(doc.tok(a - 1)) && !line_break_before(doc, a) {
                spans[i].0 = a - 1;
            }
        }
    }
    let surnames: HashSet<&str> = spans.iter().filter(|sp| sp.2 == tagger::PER && sp.1 - sp.0 >= 2 && !sp.3).map(|sp| doc.tok(sp.1 - 1)).collect();
    // A person's surname alone is the person where the tagger made it an
    // organisation (`al-Ansari said`, `Romney`), when it is a word of a
    // name (not `PAC` of a misread `Ready for Hillary PAC`), and where it
    // made it the town the gazetteer knows by it, before a speech verb
    // (`Noda said`).
    for sp in spans.iter_mut() {
        let (a, b, t, headline) = *sp;
        if b - a != 1 || headline || !surnames.contains(doc.tok(a)) {
            continue;
        }
        let w = doc.tok(a);
        if (t == tagger::ORG && w.chars().any(char::is_lowercase) && !tagger::is_org_word(w)) || (t == tagger::LOC && b < n && lexicon::is_speech_verb(doc.tok(b)) && place_of(doc, a, b, false).is_some_and(|p| p.feature == gazetteer::Feature::City)) {
            sp.2 = tagger::PER;
        }
    }
    spans
}

/// A name with an Arabic article joined to it (`al-Ansari`, `el-Sisi`).
fn has_article_prefix(w: &str) -> bool {
    ["al-", "el-", "Al-", "El-"].iter().any(|p| w.strip_prefix(p).is_some_and(tagger::is_capitalised))
}

/// Acronyms a text defines: a name, then in brackets the initials of its
/// capitalised words (`Caribbean Disaster Emergency Management Agency
/// (CDEMA)`; an upper-case word gives all its letters: `Chinese Chamber of
/// Commerce to the EU (CCCEU)`). The name is found by the initials, back
/// from the bracket over capitalised words, linking words and commas, so
/// that a name the tagger cut in pieces is made whole (`Office for the
/// Coordination of Humanitarian Affairs (OCHA)`, `National Heart, Lung, and
/// Blood Institute (NHLBI)`), with all of a tagged name it starts inside
/// (`United Nations Office ...`). It is an organisation, and so is every
/// mention of the acronym in the text, whatever the tagger made of it or
/// whether it saw it at all; the map gives the name's key for each acronym,
/// so that all mentions are one entity. Only where the tagger saw an
/// organisation in the words (not `the number of cases (NOC)`, nor a law,
/// a treaty or a disease: `Affordable Care Act (ACA)`).
fn acronyms(doc: &Document, spans: Vec<TypedSpan>) -> (Vec<TypedSpan>, HashMap<String, String>) {
    let n = doc.tokens.len();
    let link = |w: &str| matches!(w, "of" | "for" | "the" | "and" | "on" | "to" | "in" | "&" | "de" | "la" | "du" | "des" | "," | "'" | "’");
    let shaped = |w: &str| w.len() >= 2 && w.len() <= 10 && w.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'&') && w.bytes().any(|c| c.is_ascii_uppercase());
    let mut found: Vec<TypedSpan> = Vec::new();
    let mut defined: HashMap<String, String> = HashMap::default();
    for p in 2..n.saturating_sub(2) {
        if doc.tok(p) != "(" {
            continue;
        }
        let acronym = doc.tok(p + 1);
        if doc.tok(p + 2) != ")" || !shaped(acronym) || line_break_before(doc, p) || found.last().is_some_and(|f| f.1 > p) {
            continue;
        }
        // Back from the bracket: the initials read so far, right to left.
        let (s0, mut k, mut initials, mut start) = (sentence_of(doc, p).0, p, String::new(), None);
        while k > s0 && p - k < 16 && !line_break_before(doc, k) && initials.len() < acronym.len() {
            k -= 1;
            let w = doc.tok(k);
            if link(w) {
                continue;
            }
            if doc.tokens[k].kind != TokenKind::Word || !w.starts_upper() {
                break;
            }
            let letters: String = if shaped(w) { w.to_string() } else { w.chars().take(1).flat_map(char::to_uppercase).collect() };
            initials.insert_str(0, &letters);
            if initials == acronym {
                start = Some(k);
            }
        }
        let Some(mut a) = start else { continue };
        if matches!(doc.tok(p - 1), "Act" | "Treaty" | "Amendment") {
            continue;
        }
        // (Token by token, each a binary search: linear in the text.)
        let tagged = (a..p).any(|k| span_at(&spans, k).is_some_and(|sp| sp.2 == tagger::ORG));
        if !tagged {
            continue;
        }
        // A tagged name the words start inside belongs to them.
        if let Some(sp) = span_at(&spans, a) {
            a = sp.0;
        }
        found.push((a, p, tagger::ORG, false));
        defined.insert(acronym.to_string(), span_key(doc, a, p, false));
    }
    if found.is_empty() {
        return (spans, defined);
    }
    let spans = merge(without_overlaps(spans, &found), found);
    // The acronym's mentions: one-word spans become the organisation, and
    // untagged words join them.
    let in_span = covered(doc, &spans);
    let extra: Vec<TypedSpan> = (0..n).filter(|&k| !in_span[k] && doc.tokens[k].kind == TokenKind::Word && defined.contains_key(doc.tok(k))).map(|k| (k, k + 1, tagger::ORG, false)).collect();
    let mut spans = spans;
    for sp in spans.iter_mut() {
        if sp.1 - sp.0 == 1 && defined.contains_key(doc.tok(sp.0)) {
            sp.2 = tagger::ORG;
        }
    }
    (merge(spans, extra), defined)
}

/// A name ends before `in` or `at`, which the tagger, trained on names
/// like `Organisation for Security and Cooperation in Europe`, runs on
/// over: `European Central Bank in Frankfurt` is a bank and a place. What
/// follows is a place if the gazetteer knows it or it is several words
/// after `in` (not `Cruz at Tea Party`). Not where a lower-case word comes earlier in the
/// name (that `Cooperation in Europe`).
fn names_end_at_in(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let cut = |&(a, b, _, _): &TypedSpan| {
        (a + 1..b).take_while(|&k| !doc.tok(k - 1).starts_lower()).find(|&k| matches!(doc.tok(k), "in" | "at"))
    };
    if !spans.iter().any(|sp| cut(sp).is_some()) {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len() + 1);
    for sp in spans {
        match cut(&sp) {
            Some(k) => {
                out.push((sp.0, k, sp.2, sp.3));
                // (Not a word cut from its place: `Stonewall Inn in New` of `New York`.)
                if k + 1 < sp.1 && (place_of(doc, k + 1, sp.1, sp.3).is_some() || (sp.1 - k > 2 && doc.tok(k) == "in")) {
                    out.push((k + 1, sp.1, tagger::LOC, sp.3));
                }
            }
            None => out.push(sp),
        }
    }
    out
}

/// A run of capitalised words ending in a word that only names of firms
/// and institutions end on (`Capital`, `Partners`, `LLP`, `International`)
/// is one organisation, whatever the tagger made of its parts, which are
/// often ordinary surnames or words: `Sequoia Capital` read as a person,
/// `Blake Moreton` + `LLP`, untagged `Amnesty` + `International`. The run
/// takes in the spans and the untagged capitalised words touching it on the
/// left, up to a function or calendar word (`But`, `Monday`), an adjective
/// (`Boston-based`), a sentence's first word that the document also writes
/// in lower case (`Both`), a line break or anything not a capitalised word.
/// Not in headlines, where every word is capitalised, nor where the name
/// runs on (`Berlin International` + `Film Festival`). An untagged company
/// word right after a name ends it (`Capital` + `Economics`, `Pfizer` +
/// `Inc.`).
fn company_names(doc: &Document, lower: &LowerWords, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    // A capitalised word that may be part of a name (not `Louis-based`).
    let name_word = |k: usize| {
        let w = doc.tok(k);
        doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(&w[w.bytes().rposition(|c| c == b'-').map_or(0, |i| i + 1)..])
    };
    let is_company_word = |k: usize| COMPANY_WORDS.binary_search(&doc.tok(k)).is_ok();
    let runs_on = |b: usize| b < doc.tokens.len() && !line_break_before(doc, b) && name_word(b);
    // An untagged company word right after a name ends it (`Capital` +
    // `Economics`).
    let mut spans = spans;
    for k in 0..spans.len() {
        let b = spans[k].1;
        let free = spans.get(k + 1).map_or(true, |n| n.0 > b);
        if free && !spans[k].3 && runs_on(b) && is_company_word(b) && !runs_on(b + 1) {
            spans[k].1 = b + 1;
        }
    }
    let ends_company = |sp: &TypedSpan| is_company_word(sp.1 - 1) && !sp.3 && !runs_on(sp.1);
    if !spans.iter().any(ends_company) {
        return spans;
    }
    let mut out: Vec<TypedSpan> = Vec::with_capacity(spans.len());
    for sp in spans {
        if !ends_company(&sp) {
            out.push(sp);
            continue;
        }
        let mut a = sp.0;
        while a > 0 && !line_break_before(doc, a) && name_word(a - 1) {
            let w = doc.tok(a - 1);
            let first = sentence_of(doc, a - 1).0 == a - 1;
            if let Some(prev) = out.last().filter(|p| p.1 == a) {
                a = prev.0;
                out.pop();
            } else if !is_function_word(w) && !tagger::is_calendar_word(w) && !(first && lower.has(&w.to_lowercase())) {
                a -= 1;
            } else {
                break;
            }
        }
        out.push(if a + 1 < sp.1 { (a, sp.1, tagger::ORG, false) } else { sp });
    }
    out
}

/// The firms named in full (several words, the last a [`COMPANY_WORDS`]
/// word: `Brightline Systems`), by their first word (`Brightline`): the
/// full name, or `None` when two firms share the word. Not a word that
/// names a place (`Texas` of `Texas Instruments`) nor a function word.
fn firm_names<'d>(doc: &'d Document, spans: &[TypedSpan]) -> HashMap<&'d str, Option<String>> {
    let mut firms: HashMap<&str, Option<String>> = HashMap::default();
    for &(a, b, t, headline) in spans {
        let first = doc.tok(a);
        if t == tagger::ORG && b - a >= 2 && !headline && COMPANY_WORDS.binary_search(&doc.tok(b - 1)).is_ok() && !is_function_word(first) && gazetteer::lookup(first).is_none() {
            let full = span_key(doc, a, b, false);
            firms.entry(first).and_modify(|f| if f.as_deref() != Some(full.as_str()) { *f = None }).or_insert(Some(full));
        }
    }
    firms
}

/// A firm named in full once (`Brightline Systems`, `Northvale
/// Semiconductor`) is then named by its first word (`Brightline`), which the
/// tagger, knowing neither, reads as a person or a place: that word alone is
/// the firm (and `recognise` links it to the full name).
fn short_firm_names(doc: &Document, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let firms = firm_names(doc, &spans);
    if firms.is_empty() {
        return spans;
    }
    for sp in spans.iter_mut() {
        // (Not an adjective: `British` of `British Airways`.)
        if sp.1 - sp.0 == 1 && !sp.3 && sp.2 != tagger::MISC && firms.get(doc.tok(sp.0)).is_some_and(Option::is_some) {
            sp.2 = tagger::ORG;
        }
    }
    spans
}

/// A person's name with a lower-case particle is one name: `André Corrêa
/// do Lago`, `Ursula von der Leyen`, `Osama bin Laden`, which the tagger
/// cuts at the particle into a person, an organisation and nothing. The
/// capitalised words around the particles (up to three before, one after)
/// are a person when the first is a census first name (not Moby's, which
/// also lists `Happy`, `Vale` and `El`), or, with a particle of
/// Germanic or Arabic names (`van`, `von`, `bin`, `al`), when the tagger
/// read one of them as a person's: places (`Rio Grande do Sul`) and
/// institutions (`Universidad Nacional de Educación`) have neither, and a
/// place or institution named after a person stays one (`Charles de Gaulle
/// Airport`), as does a name the gazetteer knows or one opened by a place
/// word (`Santiago de Cuba`, `Santa Maria de Pocosol`).
fn particle_names(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let particle = |k: usize| matches!(doc.tok(k), "de" | "da" | "do" | "dos" | "das" | "du" | "del" | "della" | "di" | "van" | "von" | "der" | "den" | "ter" | "bin" | "ibn" | "al" | "la");
    // A capitalised word in the same line as the token before it.
    let word = |k: usize| doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(doc.tok(k));
    let joined = |k: usize| !line_break_before(doc, k);
    let mut found: Vec<TypedSpan> = Vec::new();
    let mut i = 1;
    while i + 1 < doc.tokens.len() {
        let mut j = i;
        while j < doc.tokens.len() && j < i + 3 && particle(j) && joined(j) {
            j += 1;
        }
        // (`la` only after another particle: `de la`.)
        if j == i || doc.tok(i) == "la" || j >= doc.tokens.len() || !word(j) || !joined(j) || !word(i - 1) {
            i = j.max(i + 1);
            continue;
        }
        let mut a = i - 1;
        while a > 0 && a + 3 > i && joined(a) && word(a - 1) && !is_function_word(doc.tok(a - 1)) && !lexicon::is_person_title(doc.tok(a - 1)) {
            a -= 1;
        }
        let tagged = |k: usize| span_at(&spans, k).is_some_and(|sp| sp.2 == tagger::PER);
        // Romance particles also join the words of places and institutions
        // (`Palacio del Gobierno`, `Correio de Manha`): only after a first name.
        let romance = (i..j).any(|k| doc.tok(k).starts_with('d') || doc.tok(k) == "la");
        let last = doc.tok(j);
        let named_after = doc.tokens.get(j + 1).is_some_and(|_| {
            let next = tagger::title_case(doc.tok(j + 1));
            tagger::is_place_word(&next) || tagger::is_org_word(&next)
        });
        let place = tagger::is_place_word(doc.tok(a)) || place_of(doc, a, j + 1, false).is_some();
        if last.len() > 1 && !is_function_word(last) && !named_after && !place && (names::census(doc.tok(a)).first || (!romance && (a..=j).any(tagged))) {
            found.push((a, j + 1, tagger::PER, span_at(&spans, a).is_some_and(|sp| sp.3)));
        }
        i = j + 1;
    }
    if found.is_empty() {
        return spans;
    }
    merge(without_overlaps(spans, &found), found)
}

/// A country or first-level region named together with a sport or a public
/// service is a national body, not the place: `Tennis Australia`, `Health
/// Canada`, `Sport England`, `Air France` before it ([`SECTOR_WORDS`]),
/// `USA Gymnastics` after it (when no capitalised word runs on: `the England
/// Cricket Board` is another name). The tagger, trained on 1996 wire copy,
/// types the place a location and leaves the word alone. Not in headlines
/// or title-case lines, where every word is capitalised.
fn national_bodies(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    let is_sector = |k: usize| SECTOR_WORDS.binary_search(&doc.tok(k)).is_ok();
    // A sector word in no name of several words, in the place's line.
    let sector = |k: usize, place: usize| {
        doc.tokens[k].kind == TokenKind::Word && is_sector(k) && span_at(&spans, k).map_or(true, |sp| sp.1 - sp.0 == 1) && !line_break_before(doc, k.max(place))
    };
    let capitalised_word = |k: usize| k < n && doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(doc.tok(k)) && !line_break_before(doc, k);
    let region = |a: usize, b: usize| place_of(doc, a, b, false).is_some_and(|p| matches!(p.feature, gazetteer::Feature::Country | gazetteer::Feature::Admin1));
    let mut found: Vec<TypedSpan> = Vec::new();
    let mut retyped: Vec<usize> = Vec::new();
    for (i, &(a, b, t, headline)) in spans.iter().enumerate() {
        if t != tagger::LOC || headline || title_case_line(doc, a) {
            continue;
        }
        // The tagger may have typed both words a place.
        if b - a >= 2 && ((is_sector(a) && region(a + 1, b)) || (is_sector(b - 1) && region(a, b - 1))) {
            retyped.push(i);
            continue;
        }
        let before = a > 0 && sector(a - 1, a);
        let after = !before && b < n && sector(b, b) && !capitalised_word(b + 1);
        if (before || after) && region(a, b) {
            found.push(if before { (a - 1, b, tagger::ORG, false) } else { (a, b + 1, tagger::ORG, false) });
        }
    }
    let mut spans = spans;
    for i in retyped {
        spans[i].2 = tagger::ORG;
    }
    if found.is_empty() {
        return spans;
    }
    merge(without_overlaps(spans, &found), found)
}

/// Sports and public services that name national bodies with a place (see
/// [`national_bodies`]), sorted for a binary search. (Not `Visit` nor
/// `Invest`, verbs in a headline: `Pope to Visit Ireland`.)
const SECTOR_WORDS: &[&str] = &[
    "Air", "Athletics", "Basketball", "Cricket", "Cycling", "Elections", "Football", "Golf", "Gymnastics", "Health", "Heritage",
    "Hockey", "Netball", "Parks", "Rowing", "Rugby", "Sailing", "Screen", "Skating", "Soccer", "Sport", "Sports", "Statistics",
    "Swimming", "Tennis", "Tourism", "Transport", "Triathlon", "Volleyball",
];

/// A name with a possessive in it is one name: `Central Unitary Workers'
/// Union`, `Women's Hospital`, `Brigham and Women's Hospital`, which the
/// tagger cuts at the possessive. The possessive is a plural's (`Workers'`)
/// or one of the plurals without `s` (`Women's`, `Children's`, `People's`),
/// and the words after it, up to four capitalised words in its line, end in
/// an organisation or facility word (`Union`, `Hospital`), the first such
/// word one of the first two. Not after a person's name, a word the name
/// lists know or a place (`Trump's Justice Department`, `Sanders' Senate`,
/// `China's Foreign Ministry`): they own the institution, they do not name
/// it, as a party owns a house (`Democrats' Senate`). The name takes in the
/// capitalised words before the possessive (and one more name over `and`:
/// `Brigham and`), and keeps the type the tagger gave its last word, an
/// organisation where it gave none.
fn possessive_names(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    // A capitalised word in the line of the token before it.
    let word = |k: usize| doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(doc.tok(k)) && (k == 0 || !line_break_before(doc, k));
    let mut found: Vec<TypedSpan> = Vec::new();
    for k in 1..n.saturating_sub(1) {
        let (owner, mark) = (doc.tok(k - 1), doc.tok(k));
        let touches = doc.tokens[k - 1].span.end == doc.tokens[k].span.start;
        let possessive = match mark {
            "'" | "’" => owner.ends_with('s'),
            "'s" | "’s" => matches!(owner, "Women" | "Children" | "People" | "Men"),
            _ => false,
        };
        if !(possessive && touches && word(k - 1) && owner.chars().any(char::is_lowercase)) || found.last().is_some_and(|f| f.1 > k) {
            continue;
        }
        // The words after the possessive, up to the last organisation or
        // facility word, one of the first two (not another firm's name:
        // `Gold Fields' Kloof Gold Mining Co`).
        let mut e = k + 1;
        let mut end = None;
        while e < n && e < k + 5 && word(e) {
            if (tagger::is_org_word(doc.tok(e)) || is_facility(doc.tok(e))) && (end.is_some() || e <= k + 2) {
                end = Some(e + 1);
            }
            e += 1;
        }
        let Some(end) = end else { continue };
        // (Nor a house owned by a party: `Democrats' Senate`.)
        if matches!(doc.tok(end - 1), "Senate" | "Congress" | "Parliament" | "Assembly" | "Cabinet" | "Administration") {
            continue;
        }
        let owner_span = span_at(&spans, k - 1);
        let named = || {
            let c = names::census(owner);
            c.first || c.surname || names::in_table(owner)
        };
        if owner_span.is_some_and(|sp| sp.2 == tagger::PER || sp.3) || named() || place_of(doc, k - 1, k, false).is_some() {
            continue;
        }
        let mut a = owner_span.map_or(k - 1, |sp| sp.0);
        while a > 0 && span_at(&spans, a - 1).is_none() && word(a - 1) && !is_function_word(doc.tok(a - 1)) && sentence_of(doc, a - 1).0 != a - 1 {
            a -= 1;
        }
        if a >= 2 && matches!(doc.tok(a - 1), "and" | "&") && word(a - 2) && !line_break_before(doc, a - 1) && span_at(&spans, a - 2).map_or(true, |sp| sp.1 - sp.0 == 1 && sp.2 != tagger::PER) {
            a -= 2;
        }
        // (A span running on past the name keeps the name from being taken.)
        if span_at(&spans, end - 1).is_some_and(|sp| sp.1 > end) || span_at(&spans, a).is_some_and(|sp| sp.0 < a) {
            continue;
        }
        let tag = span_at(&spans, end - 1).map_or(tagger::ORG, |sp| if sp.2 == tagger::LOC { tagger::LOC } else { tagger::ORG });
        found.push((a, end, tag, false));
    }
    if found.is_empty() {
        return spans;
    }
    merge(without_overlaps(spans, &found), found)
}

/// Abbreviations of common nouns, which the tagger, trained on 1996 wire
/// copy, takes for organisations (`AI`, `CEO`, `EVs`, `KC` after a
/// barrister's name, `SB` of a bill's number), sorted for a binary search.
const COMMON_ACRONYMS: &[&str] = &[
    "AGI", "AI", "API", "APIs", "CEO", "CEOs", "CFO", "COO", "CPI", "CPU", "CTO", "DNA", "ESG", "ETF", "ETFs", "EV", "EVs", "GDP", "GPS", "GPU",
    "GPUs", "HB", "HIV", "ICU", "IPO", "IPOs", "IVF", "KC", "LGBT", "LGBTQ", "LLM", "LLMs", "MP", "MPs", "MRI", "NFT", "NFTs", "PC", "PhD", "QC",
    "RNA", "SB", "SUV", "SUVs", "TV", "VAR", "VAT", "VPN",
];

/// Words that only names of firms and institutions end on (see
/// [`company_names`]), sorted for a binary search: less code than a `match`.
const COMPANY_WORDS: &[&str] = &[
    "Advisers", "Advisors", "Airlines", "Airways", "Analytics", "Associates", "Biosciences", "Broadcasting", "Capital",
    "Communications", "Consulting", "Corp", "Corp.", "Economics", "Energy", "Enterprises", "Entertainment", "GmbH", "Group",
    "Holdings", "Inc", "Inc.", "Industries", "Instruments", "Insurance", "International", "Investments", "LLC", "LLP",
    "Laboratories", "Labs", "Logistics", "Ltd", "Ltd.", "Management", "Motors", "Networks", "PLC", "Partners",
    "Pharmaceuticals", "Plc", "Resources", "Securities", "Semiconductor", "Solutions", "Studios", "Systems", "Technologies",
    "Therapeutics", "Ventures",
];

/// Joins each span to the one before it where `join` says so: `join(prev,
/// next)` gives the tag of the span made of both, or `None` to keep them
/// apart. `prev` may itself be made of spans joined already.
fn join_pairs(spans: Vec<TypedSpan>, mut join: impl FnMut(TypedSpan, TypedSpan) -> Option<u8>) -> Vec<TypedSpan> {
    let mut out: Vec<TypedSpan> = Vec::with_capacity(spans.len());
    for sp in spans {
        if let Some(prev) = out.last_mut() {
            if let Some(tag) = join(*prev, sp) {
                *prev = (prev.0, sp.1, tag, prev.3);
                continue;
            }
        }
        out.push(sp);
    }
    out
}

/// A place or organisation name the tagger split into two touching spans
/// of different types is one name: a place when the gazetteer knows the
/// whole (`New` + `York City`, typed an organisation and a place), an
/// organisation when the second part ends in an organisation word (`New
/// York` + `University`, `Boston` + `College`), or a place opens an
/// organisation of several words with one such word in it
/// (`Massachusetts` + `Institute of Technology`) or is cut from the rest
/// of a place (`New` + `Hampshire GOP`). Persons are [`joined_names`]'
/// business.
fn split_names(doc: &Document, spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let named = |t: u8| t == tagger::LOC || t == tagger::ORG;
    // `Rio Grande` + `do` + `Sul`, `Bosnia` + `and` + `Herzegovina`: two
    // names around a lower-case linking word, one place in the gazetteer.
    let linked = |b: usize, sp: TypedSpan| {
        sp.0 == b + 1 && matches!(doc.tok(b), "do" | "da" | "dos" | "das" | "de" | "del" | "di" | "du" | "des" | "of" | "and" | "et")
    };
    join_pairs(spans, |(a, b, t, headline), sp| {
        // `European` + `Space Agency`, `Australian` + `National University`:
        // a nationality opening an institution's name is part of it (not an
        // adjective, `Miami-based`, nor a party's, `Democratic Congress`).
        let nationality = |w: &str| !w.contains('-') && !matches!(w, "Democratic" | "Republican" | "Conservative" | "Liberal" | "Socialist");
        if t == tagger::MISC && sp.2 == tagger::ORG && sp.0 == b && b - a == 1 && !headline && !line_break_before(doc, b) && nationality(doc.tok(a)) && tagger::is_org_word(doc.tok(sp.1 - 1)) {
            return Some(tagger::ORG);
        }
        if linked(b, sp) && named(t) && named(sp.2) && !line_break_before(doc, b) && !line_break_before(doc, sp.0) {
            place_of(doc, a, sp.1, headline).map(|_| tagger::LOC)
        } else if !(sp.0 == b && t != sp.2 && named(t) && named(sp.2) && !line_break_before(doc, b)) {
            None
        } else if place_of(doc, a, sp.1, headline).is_some() {
            Some(tagger::LOC)
        } else if sp.2 == tagger::ORG
            && (tagger::is_org_word(doc.tok(sp.1 - 1))
                || (t == tagger::LOC && sp.1 - sp.0 >= 2 && ((sp.0..sp.1).any(|k| tagger::is_org_word(doc.tok(k))) || place_of(doc, a, sp.0 + 1, headline).is_some())))
        {
            Some(tagger::ORG)
        } else {
            None
        }
    })
}

/// No name ends in `of`. An institution's name the tagger ended on a
/// linking word (`Bank of` + `England` typed a place, `University of` +
/// `Texas`) runs on through the name that follows it, and is an
/// organisation, as the issue asks of place names inside organisations'.
/// Other names before `of` stay apart from the one after: a team or a
/// company and its home (`Nasr of Saudi Arabia`, `Bestop Inc of Boulder`,
/// as CoNLL reads them). The dangling linking word itself is dropped. The
/// same holds when the tagger left the linking word out of both names
/// (`Institute` + `for` + `Fiscal Studies`).
fn open_ended_names(doc: &Document, spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let links = |k: usize| matches!(doc.tok(k), "of" | "for" | "de" | "du" | "del" | "della" | "di" | "des" | "and" | "&");
    // An organisation word that names an institution, not a company's
    // legal form (`Inc`, `Co`, `Group`: those are followed by the home town).
    let institution = |w: &str| {
        tagger::is_org_word(w)
            && !matches!(
                w,
                "Corporation" | "Corp." | "Corp" | "Company" | "Co." | "Co" | "Inc." | "Inc" | "Ltd." | "Ltd" | "Group" | "Holdings" | "Industries"
                    | "Plc" | "PLC" | "AG" | "SA" | "NV" | "Bhd" | "GmbH" | "LLC" | "Club" | "United" | "City" | "Rovers" | "Athletic" | "FC"
            )
    };
    let mut out = join_pairs(spans, |(a, b, t, _), sp| {
        let joins = t == tagger::ORG
            && b - a >= 2
            && links(b - 1)
            && institution(doc.tok(b - 2))
            && sp.0 == b
            && sp.2 != tagger::O
            && !line_break_before(doc, sp.0);
        // The linking word left out of both (`Institute` + `for` + `Fiscal Studies`).
        let joins_over = t == tagger::ORG
            && institution(doc.tok(b - 1))
            && sp.0 == b + 1
            && matches!(doc.tok(b), "of" | "for")
            && matches!(sp.2, tagger::ORG | tagger::LOC)
            && !line_break_before(doc, b)
            && !line_break_before(doc, sp.0);
        (joins || joins_over).then_some(tagger::ORG)
    });
    for sp in &mut out {
        while sp.1 - sp.0 >= 2 && links(sp.1 - 1) {
            sp.1 -= 1;
        }
    }
    out
}

/// A name written before a comma and a region or country is a place the
/// gazetteer may not know (`Maple Grove, Minnesota,`, `Port Arthur, Texas.`,
/// `FUNAFUTI, Tuvalu —`), whatever the tagger made of its words, and so are
/// its other mentions: persons and firms are not placed so. The name is the
/// run of capitalised words before the comma (up to four, in its sentence
/// and line, not over a function or calendar word). The region must end the
/// phrase (a comma, a stop, a dash, a bracket: not `Greg Abbott, Texas
/// governor` nor `Jordan, Georgia's coach`), and the name must not follow a
/// title (`Gov. Greg Abbott, Texas.`), nor be a person's name, a first
/// name both name lists know and a surname (`Mary Johnson, Ohio`; `Maple`
/// of `Maple Grove` and `Port` of `Port Arthur` are not in both), an
/// organisation's (`Durham University,
/// England`) or an acronym outside a dateline (`CNRS, France`).
/// Names that are also first names are places so too (`Warren, Michigan`,
/// `Aurora`, `Carmel`, `Preston`: measured, the rule lost no person).
fn places_by_region(doc: &Document, lower: &LowerWords, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    let ends_phrase = |k: usize| k >= n || line_break_before(doc, k) || matches!(doc.tok(k), "," | "." | ";" | ":" | ")" | "(" | "?" | "!") || is_dash_token(doc.tok(k));
    let region = |sp: &TypedSpan| {
        sp.2 == tagger::LOC && ends_phrase(sp.1) && place_of(doc, sp.0, sp.1, sp.3).is_some_and(|p| matches!(p.feature, gazetteer::Feature::Admin1 | gazetteer::Feature::Country))
    };
    let name_word = |k: usize| {
        let w = doc.tok(k);
        doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(w) && !is_function_word(w) && !tagger::is_calendar_word(w)
    };
    let mut found: Vec<TypedSpan> = Vec::new();
    for sp in spans.iter().filter(|sp| region(sp)) {
        let c = sp.0;
        if c < 2 || doc.tok(c - 1) != "," || line_break_before(doc, c) {
            continue;
        }
        let (b, s0) = (c - 1, sentence_of(doc, c).0);
        let mut a = b;
        while a > s0 && b - a < 4 && name_word(a - 1) && !line_break_before(doc, a) {
            a -= 1;
        }
        // A sentence's first word that the text also writes in lower case, or
        // a participle, is no part of the name (`Visiting Richmond, Virginia,`).
        if a == s0 && a < b && (lower.has(&doc.tok(a).to_lowercase()) || doc.tok(a).ends_with("ing")) {
            a += 1;
        }
        let caps = |k: usize| !doc.tok(k).chars().any(char::is_lowercase);
        // (A person signing or pictured: `Mary Johnson, Ohio`.)
        let person = b - a >= 2 && names::is_first_name(doc.tok(a)) && names::census(doc.tok(a)).first && names::census(doc.tok(b - 1)).surname;
        if a == b
            || person
            || (a > 0 && lexicon::is_person_title(doc.tok(a - 1)))
            || (a..b).any(|k| lexicon::is_person_title(doc.tok(k)))
            || tagger::is_org_word(doc.tok(b - 1))
            || ((a..b).all(caps) && !opens_paragraph(doc, a))
        {
            continue;
        }
        // Not a span the run cuts into.
        if span_at(&spans, a).is_some_and(|f| f.0 < a) {
            continue;
        }
        if !span_at(&spans, b - 1).is_some_and(|l| l.1 == b && l.2 == tagger::LOC && l.0 == a) {
            found.push((a, b, tagger::LOC, false));
        }
    }
    if found.is_empty() {
        return spans;
    }
    // The name's other mentions follow (`Maple Grove` after `MAPLE GROVE, Minnesota —`).
    let keys: HashSet<String> = found.iter().map(|sp| span_key(doc, sp.0, sp.1, false).to_lowercase()).collect();
    let mut spans = without_overlaps(spans, &found);
    for sp in spans.iter_mut() {
        if sp.2 != tagger::LOC && keys.contains(&span_key(doc, sp.0, sp.1, sp.3).to_lowercase()) {
            sp.2 = tagger::LOC;
        }
    }
    merge(spans, found)
}

/// A dateline is a place: the words in capitals that open a paragraph of a
/// news story, then a dash, a comma or a bracket (`BOSTON —`, `SEOUL, Oct.
/// 7 —`, `PARIS (Reuters) -`), when the gazetteer knows them as a place.
/// The tagger finds most datelines in a story's first paragraph, but misses
/// or mistypes them after a title and a byline (`BOSTON` as an
/// organisation, `WASHINGTON` as nothing).
fn datelines(doc: &Document, spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let capitals = |k: usize| {
        let w = doc.tok(k);
        doc.tokens[k].kind == TokenKind::Word && w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let mut found = Vec::new();
    for p in &doc.paragraphs {
        let (a, end) = p.tokens;
        let mut e = a;
        while e < end && e < a + 4 && capitals(e) {
            e += 1;
        }
        let closes = |k: usize| k < end && (is_dash_token(doc.tok(k)) || matches!(doc.tok(k), "," | "(" | "-"));
        if e > a && closes(e) && (a + 1..e).all(|j| !line_break_before(doc, j)) && matches!(tagger::gazetteer_at(doc, a, e, true), Some((len, _)) if a + len == e) {
            found.push((a, e, tagger::LOC, false));
        }
    }
    if found.is_empty() {
        return spans;
    }
    merge(without_overlaps(spans, &found), found)
}

/// A first name the tagger left out, right before a person's name, is part
/// of it: `Hillary` of `Hillary Clinton spoke out Tuesday`, where the first
/// word of a sentence (capitalised whatever it is) was read as no name.
/// Only a word both name lists give as a first name and that is no common
/// word (not `Will`, `May`, `Price`: the document writes none of them in
/// lower case), no title (`Dame`), no day or month, in the same line,
/// outside headlines.
fn first_names_before_persons(doc: &Document, lower_words: &LowerWords, mut spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let first_name = |w: &str| {
        names::is_first_name(w)
            && names::census(w).first
            && !lexicon::is_person_title(w)
            && !is_function_word(w)
            && !tagger::is_calendar_word(w)
            && !lower_words.has(&w.to_lowercase())
    };
    let mut prev_end = 0;
    for sp in spans.iter_mut() {
        let (a, _, t, headline) = *sp;
        let k = a.wrapping_sub(1);
        if t == tagger::PER
            && !headline
            && a > prev_end
            && doc.tokens[k].kind == TokenKind::Word
            && sentence_of(doc, k) == sentence_of(doc, a)
            && !line_break_before(doc, a)
            && tagger::is_capitalised(doc.tok(k))
            && first_name(doc.tok(k))
        {
            sp.0 = k;
        }
        prev_end = sp.1;
    }
    spans
}

/// Whether token `a` is in the document's title: a first paragraph of one
/// sentence set in title case ([`tagger::is_title_case`]). Unlike [`tagger::is_headline`]
/// (which must stay what the weights were trained with), a closing period
/// is allowed: `Clinton Plan for Taxes Is Expansive but Complex.` (Later
/// one-line paragraphs in capitals are mostly tables of names and results.)
fn title_case_line(doc: &Document, a: usize) -> bool {
    let (s0, s1) = sentence_of(doc, a);
    doc.paragraphs.first().is_some_and(|p| p.tokens == (s0, s1)) && tagger::is_title_case(doc, (s0, s1))
}

/// The words the document writes in lower case. A capitalised word whose
/// lower case is among them is a common word capitalised in a name or a
/// heading, not a name of its own.
fn lower_case_words<'d>(doc: &'d Document) -> HashSet<&'d str> {
    (0..doc.tokens.len())
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word && doc.tok(k).starts_lower())
        .map(|k| doc.tok(k))
        .collect()
}

/// [`lower_case_words`], gathered the first time a rule asks: most
/// documents never need them.
struct LowerWords<'d> {
    doc: &'d Document<'d>,
    words: OnceCell<HashSet<&'d str>>,
}

impl<'d> LowerWords<'d> {
    fn new(doc: &'d Document<'d>) -> LowerWords<'d> {
        LowerWords { doc, words: OnceCell::new() }
    }

    /// Whether the document writes `lower` (a word in lower case) so.
    fn has(&self, lower: &str) -> bool {
        self.words.get_or_init(|| lower_case_words(self.doc)).contains(lower)
    }
}

/// `II`, `III`, `IV`, ...: the number of a monarch or pope.
fn is_roman_numeral(w: &str) -> bool {
    w.len() <= 5 && w.len() >= 2 && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// Whether token `a` opens its paragraph.
pub(crate) fn opens_paragraph(doc: &Document, a: usize) -> bool {
    doc.paragraph_at(doc.tokens[a].span.start).is_some_and(|p| doc.paragraphs[p].tokens.0 == a)
}

/// Whether tokens `a..b` are a run-in heading, not a name: three or more
/// upper-case words opening a paragraph, then a dash (`CONGRESS HAS
/// INVESTIGATED HIM — Oz's dubious medical advice …`). The tagger, seeing
/// capitals, reads such a heading as an organisation.
pub(crate) fn is_run_in_heading(doc: &Document, (a, b): (usize, usize)) -> bool {
    b - a >= 3
        && b < doc.tokens.len()
        && (is_dash_token(doc.tok(b)) || doc.tok(b) == "-")
        && (a..b).all(|t| !doc.tok(t).chars().any(char::is_lowercase))
        && opens_paragraph(doc, a)
}

/// For each token, whether one of `spans` covers it.
fn covered(doc: &Document, spans: &[(usize, usize, u8, bool)]) -> Vec<bool> {
    let mut v = vec![false; doc.tokens.len()];
    for &(a, b, _, _) in spans {
        v[a..b].iter_mut().for_each(|x| *x = true);
    }
    v
}

/// The span of `spans` (sorted by start, not overlapping) holding token `k`.
fn span_at(spans: &[TypedSpan], k: usize) -> Option<&TypedSpan> {
    let i = spans.partition_point(|sp| sp.0 <= k);
    i.checked_sub(1).map(|i| &spans[i]).filter(|sp| k < sp.1)
}

/// `spans` without those overlapping any of `found`, in one pass: both are
/// sorted by start and neither overlaps itself (so `found`'s ends rise too).
/// (A scan of `found` per span would take time quadratic in a long text.)
fn without_overlaps(spans: Vec<TypedSpan>, found: &[TypedSpan]) -> Vec<TypedSpan> {
    let mut f = 0;
    spans
        .into_iter()
        .filter(|sp| {
            while f < found.len() && found[f].1 <= sp.0 {
                f += 1;
            }
            !(f < found.len() && found[f].0 < sp.1)
        })
        .collect()
}

/// `spans` and `extra` (both sorted by start, not overlapping each other) as one sorted list.
fn merge(spans: Vec<(usize, usize, u8, bool)>, extra: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    if extra.is_empty() {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len() + extra.len());
    let mut next = 0;
    for e in extra {
        while next < spans.len() && spans[next].0 < e.0 {
            out.push(spans[next]);
            next += 1;
        }
        out.push(e);
    }
    out.extend_from_slice(&spans[next..]);
    out
}

/// Authors in citations are persons ([`citations::is_cited`]): a one-word
/// organisation span becomes a person, and an untagged word a new one.
/// Places and works stay: `in Paris (1927)` and the film `Watchmen (2009)`
/// have the frame of a citation.
fn cited_persons(doc: &Document, tags: &[u8], mut spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    // Citations hold a year: documents without a 4-digit number have none.
    if !doc.text.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit)) {
        return spans;
    }
    let covered = covered(doc, &spans);
    for sp in spans.iter_mut() {
        if sp.1 - sp.0 == 1 && sp.2 == tagger::ORG && citations::is_cited(doc, sp.0) {
            sp.2 = tagger::PER;
        }
    }
    let extra: Vec<_> = (0..doc.tokens.len())
        .filter(|&i| tags[i] == tagger::O && !covered[i] && citations::is_cited(doc, i))
        .map(|i| (i, i + 1, tagger::PER, false))
        .collect();
    merge(spans, extra)
}

/// A known place the tagger read as an organisation even after a
/// preposition of place (`spoken in Phoenix`, `near Isfahan`) is a place,
/// there and wherever else the document names it as an organisation: in a
/// travel guide or a profile of a city, the name is the topic, and the
/// tagger's memory of its first decision carries one mistake through the
/// text. `to` and `from` are no evidence (`lost to Metz`, `a move to
/// Aberdeen` name clubs), and a team named after its city stays a team
/// where no such phrase reads the name as an organisation.
fn places_by_preposition(doc: &Document, mut spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let mut names: HashSet<&str> = HashSet::default();
    for &(a, b, t, headline) in &spans {
        // (`in Metz's home win`: the preposition governs what follows the possessive.)
        let possessive = doc.tokens.get(b).is_some_and(|_| matches!(doc.tok(b), "’s" | "'s" | "’" | "'"));
        if t == tagger::ORG && b - a == 1 && !headline && !possessive && a > 0 && matches!(doc.tok(a - 1), "in" | "near" | "outside" | "around" | "across" | "within" | "throughout") {
            if place_of(doc, a, b, headline).is_some_and(|p| matches!(p.feature, gazetteer::Feature::City | gazetteer::Feature::Admin1 | gazetteer::Feature::Country)) {
                names.insert(doc.tok(a));
            }
        }
    }
    if names.is_empty() {
        return spans;
    }
    for sp in spans.iter_mut() {
        if sp.2 == tagger::ORG && sp.1 - sp.0 == 1 && names.contains(doc.tok(sp.0)) {
            sp.2 = tagger::LOC;
        }
    }
    spans
}

/// A country, first-level subdivision or city the gazetteer knows, read
/// as an organisation, is a place, unless the document reads like a sports
/// report, where cities and countries name teams (`Cincinnati beat
/// Pittsburgh 5-3`), or the sentence does.
fn known_places(doc: &Document, mut spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let known = |&(a, b, t, headline): &(usize, usize, u8, bool)| {
        t == tagger::ORG
            && !headline
            && place_of(doc, a, b, headline).is_some_and(|p| matches!(p.feature, gazetteer::Feature::City | gazetteer::Feature::Admin1 | gazetteer::Feature::Country))
    };
    // (Most documents have no such span: the sentences are read only when one does.)
    if !spans.iter().any(known) {
        return spans;
    }
    let sport = doc.sentences.iter().filter(|s| sporting(doc, s.tokens)).count();
    if sport * 3 >= doc.sentences.len() {
        return spans;
    }
    for sp in spans.iter_mut() {
        if known(sp) && !sporting(doc, sentence_of(doc, sp.0)) {
            sp.2 = tagger::LOC;
        }
    }
    spans
}

/// Whether a sentence reads like a sports report: a number (a result, a
/// table row), or a word of playing and scoring.
fn sporting(doc: &Document, (s0, s1): (usize, usize)) -> bool {
    (s0..s1).any(|k| {
        let w = doc.tok(k);
        // Lower-cased on the stack: no word of the list is longer than 12 bytes.
        let mut buf = [0u8; 12];
        let lower = ascii_lower(w.as_bytes(), &mut buf);
        is_score_like(w)
            || matches!(
                lower.and_then(|l| std::str::from_utf8(l).ok()).unwrap_or(""),
                "beat" | "beats" | "beating" | "lost" | "lose" | "loses" | "losing" | "won" | "win" | "wins" | "defeat" | "defeated" | "defeats"
                    | "drew" | "draw" | "play" | "played" | "plays" | "playing" | "vs" | "v" | "game" | "games" | "match" | "matches" | "season"
                    | "league" | "coach" | "team" | "club" | "cup" | "scored" | "score" | "goal" | "goals" | "striker" | "midfielder" | "champions"
                    | "championship" | "tournament" | "final" | "semifinal" | "innings" | "wickets" | "runs" | "signed" | "transfer" | "players"
                    | "player" | "squad" | "fans" | "stadium" | "series" | "rally" | "race"
            )
    })
}

/// Whether a number could be a result or a table entry (`3`, `5-3`,
/// `1.`): a year (`1635`, `2001`) or a count with thousands separators
/// (`181,000`) dates or measures a place instead, as in a travel guide or
/// a biography.
fn is_score_like(w: &str) -> bool {
    let b = w.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    // (`1920s` is a decade.)
    let digits = b.strip_suffix(b"s").unwrap_or(b);
    let year = digits.len() == 4 && digits.iter().all(u8::is_ascii_digit) && matches!(b[0], b'1' | b'2');
    !year && !w.contains(',')
}

/// Forms of address are persons: `Madam Speaker`, `Mr. President`, `Madam
/// Chair` name the person holding the office, and neither word alone is
/// that person's name (the tagger, seeing a title, keeps one or the other).
/// Spans over the two words give way.
fn address_forms(doc: &Document, spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let mut forms: Vec<(usize, usize, u8, bool)> = Vec::new();
    for i in 0..doc.tokens.len().saturating_sub(1) {
        let is_address = matches!(doc.tok(i), "Madam" | "Madame" | "Mister" | "Mr." | "Mr")
            && doc.tokens[i + 1].kind == TokenKind::Word
            && lexicon::is_person_title(doc.tok(i + 1))
            && !matches!(doc.tok(i + 1), "Mr." | "Mr" | "Mrs." | "Ms." | "Miss" | "Dr." | "Sir" | "Lady" | "Lord")
            // `Mr. President Obama`: the title of a name, not an address.
            && !(i + 2 < doc.tokens.len() && tagger::is_capitalised(doc.tok(i + 2)) && doc.tokens[i + 2].kind == TokenKind::Word);
        if is_address && !line_break_before(doc, i + 1) {
            forms.push((i, i + 2, tagger::PER, false));
        }
    }
    if forms.is_empty() {
        return spans;
    }
    // (`forms` is in token order and no two overlap: a title word is no
    // form of address.)
    merge(without_overlaps(spans, &forms), forms)
}

/// Words that end a place or facility name: `Naqsh-e Jahan Square`,
/// `Sonoran Desert`, `Washington St`.
fn is_place_suffix(w: &str) -> bool {
    is_natural_feature(w)
        || matches!(
            w,
            "Street" | "St" | "St." | "Avenue" | "Ave" | "Ave." | "Road" | "Rd" | "Rd." | "Boulevard" | "Blvd" | "Blvd."
                | "Lane" | "Drive" | "Square" | "Plaza" | "Park" | "Bridge" | "Hills" | "Hill" | "Springs" | "Beach"
                | "Coast" | "Forest" | "Harbour" | "Harbor" | "Highway" | "Turnpike" | "Expressway" | "Parkway" | "Trail"
                | "Castle" | "Palace" | "Cathedral" | "Abbey" | "Museum" | "Gallery" | "Station" | "Stadium" | "Arena"
                | "Tower" | "Hall" | "Lodge" | "Temple" | "Mosque" | "Gardens" | "Zoo" | "Terrace" | "Cliffs" | "Heights"
        )
}

/// Words ending the name of a building or site, which is often named after
/// a person.
fn is_facility(w: &str) -> bool {
    matches!(
        w,
        "Center" | "Centre" | "Airport" | "Stadium" | "Arena" | "Tower" | "Hall" | "Bridge" | "Library" | "Museum"
            | "Memorial" | "Hospital" | "Park" | "Square" | "Plaza" | "Gallery" | "Field"
    )
}

/// A plural of capitals (`GPUs`, `NGOs`, `CDs`): things or kinds, no name.
fn is_plural_acronym(w: &str) -> bool {
    let bytes = w.as_bytes();
    bytes.len() >= 3 && bytes[bytes.len() - 1] == b's' && bytes[..bytes.len() - 1].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) && bytes[0].is_ascii_uppercase()
}

/// Words that name a storm before its given name (`Hurricane Irma`).
fn is_storm_word(w: &str) -> bool {
    matches!(w, "Hurricane" | "Typhoon" | "Cyclone" | "Storm" | "HURRICANE" | "TYPHOON" | "CYCLONE" | "STORM")
}

/// Words ending the name of a natural feature: a place, whatever the tagger
/// says (`Thwaites Glacier`, `Mekong River`), where a building or a road
/// may be an institution's name.
fn is_natural_feature(w: &str) -> bool {
    matches!(
        w,
        "River" | "Rivers" | "Creek" | "Valley" | "Mountains" | "Island" | "Islands" | "Bay" | "Sea" | "Ocean" | "Peninsula"
            | "Desert" | "Canyon" | "Falls" | "Strait" | "Glacier" | "Volcano" | "Reef" | "Lagoon"
    )
}

/// A place name the tagger cut short is made whole:
/// - a place that starts with the word ending a name takes in the
///   capitalised words right before it (`Naqsh-e Jahan` + `Square`, read as
///   a person and a place);
/// - a place followed by such a word takes it in (`Washington` + `St`);
/// - a facility's name takes in a person's name right before it
///   (`Kennedy` + `Space Center`).
///
/// Spans inside the words taken in give way.
fn whole_place_names(doc: &Document, spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let name_word = |k: usize| {
        let w = doc.tok(k);
        doc.tokens[k].kind == TokenKind::Word
            && (tagger::is_capitalised(w) || (w.starts_with(|c: char| c.is_ascii_digit()) && w.ends_with(['t', 'd', 'h'])))
            && !is_function_word(w)
            && !tagger::is_calendar_word(w)
    };
    let mut out: Vec<(usize, usize, u8, bool)> = Vec::with_capacity(spans.len());
    let mut k = 0;
    while k < spans.len() {
        let (mut a, mut b, mut t, headline) = spans[k];
        // A "person" ending in a street or building word is a place named
        // after one (`Anderson Ave`, `Englewood Cliffs`), unless the word is
        // also a surname (`Damon Hill`, `Gary Hall`).
        let named_after = t == tagger::PER && b - a >= 2 && !headline && {
            let last = doc.tok(b - 1);
            is_place_suffix(last) && !names::census(last).surname
        };
        if named_after || (t == tagger::ORG && b - a >= 2 && !headline && is_natural_feature(doc.tok(b - 1))) {
            t = tagger::LOC;
        }
        if t == tagger::LOC && !headline {
            let (s0, s1) = sentence_of(doc, a);
            if is_place_suffix(doc.tok(a)) {
                while a > s0 && name_word(a - 1) && !line_break_before(doc, a) {
                    a -= 1;
                }
            }
            while b < s1 && is_place_suffix(doc.tok(b)) && !line_break_before(doc, b) {
                b += 1;
            }
            // Spans already emitted inside the extension give way; later ones are skipped below.
            while out.last().is_some_and(|p| p.0 >= a) {
                out.pop();
            }
        }
        // A facility named after a person takes the name in (`Kennedy` +
        // `Space Center`, `John F. Kennedy` + `International Airport`).
        if (t == tagger::LOC || t == tagger::ORG) && !headline && b - a >= 2 && is_facility(doc.tok(b - 1)) && !line_break_before(doc, a) {
            if let Some(p) = out.last().filter(|p| p.1 == a && p.2 == tagger::PER && !p.3) {
                a = p.0;
                out.pop();
            }
        }
        out.push((a, b, t, headline));
        k += 1;
        while k < spans.len() && spans[k].0 < b {
            k += 1;
        }
    }
    out
}

/// One name, one type: the tagger decides each occurrence of a name on its
/// own, and an unfamiliar name (`Pachomius`, `Dvořák`) comes out a person in
/// some sentences and an organisation in others. An organisation span is a
/// person when the same text is more often a person in the
/// document (a club or firm named like a person stays one: `Rotor`, once a
/// person in a headline), or when it is a run of plain capitalised words
/// ending in a person's name (`Antonín Dvořák` beside `Dvořák`). Only
/// organisations change: a name that is both a person and a place
/// (`Washington`) is told apart by context.
fn agree_types(doc: &Document, mut spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    // Per name: occurrences as a person minus occurrences as an organisation.
    let mut names: HashMap<String, i32> = HashMap::default();
    let mut last_words: HashSet<&str> = HashSet::default();
    for &(a, b, t, headline) in &spans {
        if t == tagger::ORG {
            *names.entry(span_key(doc, a, b, headline)).or_insert(0) -= 1;
        }
        if t == tagger::PER {
            *names.entry(span_key(doc, a, b, headline)).or_insert(0) += 1;
            let last = doc.tok(b - 1);
            if !headline && last.chars().count() > 1 && tagger::is_capitalised(last) {
                last_words.insert(last);
            }
        }
    }
    for sp in spans.iter_mut() {
        let (a, b, t, headline) = *sp;
        if t != tagger::ORG {
            continue;
        }
        let plain_name = b - a >= 2
            && last_words.contains(doc.tok(b - 1))
            && (a..b).all(|k| {
                let w = doc.tok(k);
                doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(w) && !tagger::is_org_word(w) && !tagger::is_place_word(w)
            });
        if plain_name || names.get(&span_key(doc, a, b, headline)).is_some_and(|&n| n > 0) {
            sp.2 = tagger::PER;
        }
    }
    spans
}

/// A one-word MISC span (a product, an event, a nationality: not shown)
/// that owns something is an organisation: `Google's ties to Anthropic`,
/// where the tagger, knowing no company of 1996 by that name, reads
/// `Google` as a product. Not after a determiner, where the owner is a
/// person called by a nationality (`the German's serve`), nor a word
/// ending like a demonym, nor a function word (`Here's`). Its other
/// one-word MISC mentions (`in Google`) follow it, and so do those of a
/// word the tagger types an organisation elsewhere.
fn owning_names(doc: &Document, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let one_word_misc = |&(a, b, t, headline): &TypedSpan| {
        t == tagger::MISC && b - a == 1 && !headline && !is_function_word(doc.tok(a)) && !tagger::demonym_suffix(&doc.tok(a).to_lowercase())
    };
    let owner = |a: usize| {
        matches!(doc.tokens.get(a + 1).map(|_| doc.tok(a + 1)), Some("’s" | "'s"))
            && !(a > 0 && doc.tok(a - 1).eq_ignore_ascii_case("the"))
            && doc.tok(a).chars().nth(1).is_some_and(char::is_lowercase)
    };
    let orgs: HashSet<&str> = spans
        .iter()
        .filter(|sp| (sp.2 == tagger::ORG && sp.1 - sp.0 == 1 && !sp.3) || (one_word_misc(sp) && owner(sp.0)))
        .map(|sp| doc.tok(sp.0))
        .collect();
    if orgs.is_empty() {
        return spans;
    }
    // A word in a person's name is that person's (`Donald Trump’s`).
    let in_persons: HashSet<&str> = spans.iter().filter(|sp| sp.2 == tagger::PER).flat_map(|sp| (sp.0..sp.1).map(|k| doc.tok(k))).collect();
    for sp in spans.iter_mut() {
        let after_name = sp.0 > 0 && tagger::is_capitalised(doc.tok(sp.0 - 1)) && doc.tokens[sp.0 - 1].kind == TokenKind::Word;
        if one_word_misc(sp) && !after_name && orgs.contains(doc.tok(sp.0)) && !in_persons.contains(doc.tok(sp.0)) {
            sp.2 = tagger::ORG;
        }
    }
    spans
}

/// Where people work is an organisation: a name after a role and `at`
/// (`a lawyer at Clifford Chance`, `analysts at Goldman Sachs and Morgan
/// Stanley`) that the tagger read as a person's, with the names listed
/// after it with `and`. Not before a possessive (`aides at Trump's rally`).
/// Likewise a club or firm before a role and a person's name (`Chelsea
/// coach Enzo Maresca`).
fn employers(doc: &Document, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let role_at = |a: usize| {
        a >= 2 && doc.tok(a - 1) == "at" && {
            let w = doc.tok(a - 2);
            (w.starts_lower() || sentence_of(doc, a).0 == a - 2) && (lexicon::is_role_noun(w) || lexicon::is_speaker_noun(w))
        }
    };
    let owned = |b: usize| doc.tokens.get(b).is_some_and(|_| matches!(doc.tok(b), "’s" | "'s" | "’" | "'"));
    // `Chelsea coach Enzo Maresca`: a one-word "person" before a role and a
    // person's name is the organisation they work for, when the document
    // names it as an organisation elsewhere and never as a person.
    let orgs: HashSet<&str> = spans.iter().filter(|s| s.2 == tagger::ORG && s.1 - s.0 == 1).map(|s| doc.tok(s.0)).collect();
    let mut persons: HashMap<&str, usize> = HashMap::default();
    for s in spans.iter().filter(|s| s.2 == tagger::PER && s.1 - s.0 == 1) {
        *persons.entry(doc.tok(s.0)).or_insert(0) += 1;
    }
    let role = |w: &str| {
        w.starts_lower()
            && (lexicon::is_role_noun(w)
                || matches!(w, "coach" | "boss" | "captain" | "striker" | "forward" | "winger" | "midfielder" | "defender" | "goalkeeper" | "player"))
    };
    let mut team = vec![false; spans.len()];
    for k in 0..spans.len().saturating_sub(1) {
        let ((a, b, t, _), next) = (spans[k], spans[k + 1]);
        team[k] = t == tagger::PER && b - a == 1 && next.0 == b + 1 && next.2 == tagger::PER && role(doc.tok(b)) && orgs.contains(doc.tok(a));
    }
    for k in 0..spans.len() {
        if team[k] && persons.get(doc.tok(spans[k].0)) == Some(&1) {
            spans[k].2 = tagger::ORG;
        }
    }
    for k in 0..spans.len() {
        let (a, b, t, headline) = spans[k];
        if headline || t == tagger::LOC || !role_at(a) || owned(b) {
            continue;
        }
        spans[k].2 = tagger::ORG;
        // The rest of the name, which the tagger left out (`Capital` +
        // `Economics`): capitalised words up to the next span.
        let next_start = spans.get(k + 1).map_or(usize::MAX, |n| n.0);
        let mut b = b;
        while b < next_start && b < doc.tokens.len() && doc.tokens[b].kind == TokenKind::Word && tagger::is_capitalised(doc.tok(b)) && !line_break_before(doc, b) && !is_function_word(doc.tok(b)) {
            b += 1;
        }
        spans[k].1 = b;
        let mut end = b;
        for next in spans.iter_mut().skip(k + 1) {
            let listed = next.0 == end + 1 && matches!(doc.tok(end), "and" | ",");
            if !listed || next.2 == tagger::LOC || owned(next.1) {
                break;
            }
            next.2 = tagger::ORG;
            end = next.1;
        }
    }
    spans
}

/// The sentence token range holding token `i`. (Not inlined, nor is
/// `line_break_before`: the rules call both from some thirty places, and one
/// copy of each saves 0.3 KB gzip of the WASM module for 0.2 % more
/// instructions.)
#[inline(never)]
fn sentence_of(doc: &Document, i: usize) -> (usize, usize) {
    let k = doc.sentences.partition_point(|s| s.tokens.0 <= i);
    k.checked_sub(1).map_or((i, i + 1), |k| doc.sentences[k].tokens)
}

/// Runs of equal non-`O` tags over word tokens: `(first, end, tag, headline)`.
/// Leading title words are dropped from persons (`President` in `President Moon`).
/// `headlines` holds [`tagger::is_headline`] of each sentence.
fn typed_spans(doc: &Document, tags: &[u8], headlines: &[bool]) -> Vec<(usize, usize, u8, bool)> {
    let mut out = Vec::new();
    for (s, &headline) in doc.sentences.iter().zip(headlines) {
        let (mut i, end) = s.tokens;
        while i < end {
            let t = tags[i];
            if t == tagger::O || doc.tokens[i].kind != TokenKind::Word {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < end && tags[j] == t && doc.tokens[j].kind == TokenKind::Word && !line_break_before(doc, j) {
                j += 1;
            }
            let mut a = i;
            if t == tagger::PER {
                while a + 1 < j && (lexicon::is_person_title(doc.tok(a)) || is_function_word(doc.tok(a))) {
                    a += 1;
                }
            } else if t == tagger::ORG && a + 1 < j && doc.tok(a) == "The" && ((s.tokens.0..a).all(|k| doc.tokens[k].kind != TokenKind::Word) || matches!(doc.tok(a - 1), "—" | "–" | "--" | ":")) {
                // `The` opening a sentence (or following a dateline's dash)
                // is no part of the organisation after it (`The Justice
                // Department`, `BRUSSELS — The European Commission`); within a sentence its
                // capital says it is (`the staff of The Onion`). Places keep
                // it: their names have it more often (`The Oval`, `The Hague`).
                a += 1;
            }
            out.push((a, j, t, headline));
            i = j;
        }
    }
    out
}

#[inline(never)]
fn line_break_before(doc: &Document, j: usize) -> bool {
    doc.text[doc.tokens[j - 1].span.end..doc.tokens[j].span.start].contains('\n')
}

/// The entity key of a span: its text with spaces normalised, title-cased in headlines.
fn span_key(doc: &Document, a: usize, b: usize, headline: bool) -> String {
    let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
    let s = normalise_space(span.slice(doc.text));
    // (A title-case headline writes names as the text does: `EU`, `AI`.)
    if headline && tagger::is_all_caps(doc, sentence_of(doc, a)) {
        tagger::title_case(&s)
    } else {
        s
    }
}

/// The gazetteer entry for a location span: the whole span, or without a leading `the`.
fn place_of(doc: &Document, a: usize, b: usize, headline: bool) -> Option<&'static Place> {
    let mut a = a;
    if b - a > 1 && doc.tok(a).eq_ignore_ascii_case("the") {
        a += 1;
    }
    let end = sentence_of(doc, a).1.max(b);
    match tagger::gazetteer_at(doc, a, end, headline) {
        Some((len, p)) if a + len == b => Some(p),
        _ => {
            let key = span_key(doc, a, b, headline);
            gazetteer::lookup(&key).or_else(|| gazetteer::lookup(&tagger::title_case(&key)))
        }
    }
}

/// How near (km) a place of its country must be for a city to be read in
/// that country rather than the first: a region's centre or a city in the
/// same part of the country (Manchester, New Hampshire is 100 km from the
/// state's centre; Washington, D.C. 650 km).
const NEAR_KM: f64 = 800.0;

/// The place each name means where the gazetteer knows a second reading
/// (`Georgia`: the country or the US state; `Newcastle`: in Australia,
/// South Africa or England): the reading in the country of the place named
/// right after it (`NEWCASTLE, England`) or, for a region or country, of the
/// city right before it (`Atlanta, Georgia`), else the one
/// in the country of most of the document's other cities and regions, two
/// at least (`Georgia` beside `Florida` and `Texas`), a city only with one
/// of them within [`NEAR_KM`], else the first. `places` holds each span's
/// place, as [`place_of`] reads it.
fn second_readings(doc: &Document, spans: &[(usize, usize, u8, bool)], mut places: Vec<Option<&'static Place>>) -> Vec<Option<&'static Place>> {
    let ambiguous = |p: &Option<&'static Place>| p.is_some_and(|p| gazetteer::second_readings(p).next().is_some());
    if !places.iter().any(ambiguous) {
        return places;
    }
    // Distinct cities and regions per country (`Toronto` named twice is one).
    let mut seen: HashSet<&str> = HashSet::default();
    let mut evidence: HashMap<&str, usize> = HashMap::default();
    let mut known: Vec<&Place> = Vec::new();
    for p in places.iter().filter(|p| !ambiguous(p)).flatten() {
        if matches!(p.feature, gazetteer::Feature::City | gazetteer::Feature::Admin1) && seen.insert(p.canonical) {
            *evidence.entry(p.country).or_default() += 1;
            known.push(p);
        }
    }
    // A city read in another country needs a place of that country near it:
    // `Manchester` beside `New Hampshire` is the American city, while
    // `Vancouver` in a story on Iowa and Washington stays in Canada.
    // (Once per reading: a long text repeats its ambiguous names.)
    // (Keyed by the entry's address: readings share canonical names.)
    let mut nearness: HashMap<usize, bool> = HashMap::default();
    let mut near = |r: &'static Place| {
        r.feature != gazetteer::Feature::City
            || *nearness.entry(r as *const Place as usize).or_insert_with(|| known.iter().any(|p| p.country == r.country && gazetteer::km(p, r) <= NEAR_KM))
    };
    for k in 0..places.len() {
        let Some(first) = places[k].filter(|_| ambiguous(&places[k])) else { continue };
        let b = spans[k].1;
        let next = places.get(k + 1).copied().flatten().filter(|_| spans[k + 1].0 == b + 1 && doc.tok(b) == ",");
        // (A region after its city: `Atlanta, Georgia`.)
        let a = spans[k].0;
        let prev = k.checked_sub(1).and_then(|j| places[j].filter(|_| spans[j].1 + 1 == a && doc.tok(a - 1) == ","));
        let readings = || std::iter::once(first).chain(gazetteer::second_readings(first));
        let beside = |n: Option<&Place>| n.and_then(|n| readings().find(|r| r.country == n.country));
        places[k] = Some(match beside(next).or_else(|| beside(prev.filter(|_| first.feature != gazetteer::Feature::City))) {
            Some(r) => r,
            None => {
                let weight = |r: &Place| evidence.get(r.country).copied().unwrap_or(0);
                // (Strictly more, and two places at least: the first of
                // equals wins, and one Canadian city in a world tour's
                // list does not move `London` to Ontario.)
                readings().fold(first, |best, r| if weight(r) > weight(best) && weight(r) >= 2 && near(r) { r } else { best })
            }
        });
    }
    places
}

/// How far (km) a city may lie from the centre of the region written after
/// it: Texas and Queensland hold their cities within 900 km of the centre;
/// Alexandria, Virginia is 1,500 km from Louisiana's.
const FAR_FROM_REGION_KM: f64 = 1200.0;

/// A place written before a comma and a region of another country, or far
/// from it, is a namesake the gazetteer does not know (`Paris, Texas`,
/// `Dublin, Ohio`, `Alexandria, Louisiana`): it stays a place, without the
/// far-off coordinates. Only a city (`Sardinia, Corsica and Cyprus` lists regions)
/// before a first-level region (a city before a country may be listed
/// under another code: `Hong Kong, China`).
fn namesakes(doc: &Document, spans: &[TypedSpan], mut places: Vec<Option<&'static Place>>) -> Vec<Option<&'static Place>> {
    for k in 0..places.len().saturating_sub(1) {
        let (Some(p), Some(n)) = (places[k], places[k + 1]) else { continue };
        let b = spans[k].1;
        let elsewhere = p.country != n.country || gazetteer::km(p, n) > FAR_FROM_REGION_KM;
        if spans[k + 1].0 == b + 1 && doc.tok(b) == "," && n.feature == gazetteer::Feature::Admin1 && elsewhere && p.feature == gazetteer::Feature::City {
            places[k] = None;
        }
    }
    places
}

/// The gender of a person whose first name tells none, from the word
/// before a mention: a title (`Mr. Nakano`, `Ms. Tóibín`) or a kinship
/// noun after its owner, with or without a comma (`Gauff's father, Corey`,
/// `his daughter Lensey`). Pronouns then find them (`"Nothing," he said`).
fn genders_from_context(doc: &Document, out: &mut Entities) {
    let title = |w: &str| match w {
        "Mr." | "Mr" => Some(Gender::Male),
        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" => Some(Gender::Female),
        _ => None,
    };
    for m in &out.mentions {
        let a = m.tokens.0;
        let e = &mut out.entities[m.entity];
        if e.kind != EntityKind::Person || e.gender.is_some() || a == 0 {
            continue;
        }
        // A kinship noun only after an owner (`Gauff's father, Corey`, `his
        // sister Ann`), where it names this person, not one it is said of.
        let k = if doc.tok(a - 1) == "," { a - 1 } else { a };
        let owned = k >= 2 && matches!(doc.tok(k - 2), "’s" | "'s" | "his" | "her" | "their" | "my" | "our");
        e.gender = title(doc.tok(a - 1)).or_else(|| if owned { lexicon::kin_gender(doc.tok(k - 1)) } else { None });
    }
}

/// Parts of known full names, for linking bare surnames: the last word wins,
/// then the first full name seen with that word.
fn name_parts(out: &Entities) -> HashMap<String, usize> {
    let mut parts: HashMap<String, usize> = HashMap::default();
    for (id, e) in out.entities.iter().enumerate() {
        if e.kind == EntityKind::Person && e.name.contains(' ') {
            for part in e.name.split(' ').filter(|p| p.chars().count() > 1) {
                parts.entry(part.to_string()).or_insert(id);
            }
        }
    }
    // (First seen among last words too: in an obituary of `Eleanor Vance`,
    // `Ms. Vance` is she, not her daughter `Catriona Vance`, named later.)
    let mut lasts: HashSet<&str> = HashSet::default();
    for (id, e) in out.entities.iter().enumerate() {
        if e.kind == EntityKind::Person && e.name.contains(' ') {
            if let Some(last) = e.name.rsplit(' ').next().filter(|&last| lasts.insert(last)) {
                parts.insert(last.to_string(), id);
            }
        }
    }
    parts
}

/// Adds a person's mention under `key`; the entity's id.
fn add_person(doc: &Document, out: &mut Entities, index: &mut HashMap<(EntityKind, String), usize>, (a, b): (usize, usize), key: String, headline: bool) -> usize {
    let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
    let id = out.add(index, EntityKind::Person, key, span, (a, b));
    if out.entities[id].gender.is_none() && b - a >= 2 {
        let first = if headline { tagger::title_case(doc.tok(a)) } else { doc.tok(a).to_string() };
        out.entities[id].gender = names::gender(&first);
    }
    id
}

/// Whether a one-word person, linked to no full name and written once, has
/// support beyond the tagger: a name list knows the word, or a title, a
/// first name or a person noun comes right before it (`Chairwoman Nancy
/// Pelosi` tagged as `Pelosi` alone; `his publisher, Simrock`). Unsupported lone words are mostly works, groups and
/// foreign common nouns (`Symphony`, `Lab`, `Vrije`).
fn lone_name_supported(doc: &Document, a: usize) -> bool {
    let w = doc.tok(a);
    let c = names::census(w);
    let before = if a > 0 { doc.tok(a - 1) } else { "" };
    // (Or a person noun: `his publisher, Simrock`, `his daughter Lensey`;
    // not a first name the tagger cut from its surname: `adviser Vafa
    // Gulizade`.)
    let runs_on = a + 1 < doc.tokens.len() && doc.tokens[a + 1].kind == TokenKind::Word && tagger::is_capitalised(doc.tok(a + 1));
    let noun_before = !runs_on && ((a >= 1 && lexicon::is_title_noun(before)) || (a >= 2 && before == "," && lexicon::is_person_noun(doc.tok(a - 2))));
    c.surname || c.first || names::in_table(w) || lexicon::is_person_title(before) || names::is_first_name(before) || noun_before
}

/// Collapses runs of whitespace to single spaces.
fn normalise_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, w) in s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Capitalised words that start sentences and are not names.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "The" | "A" | "An" | "But" | "And" | "Or" | "In" | "On" | "At" | "By" | "For" | "After" | "Before" | "When"
            | "While" | "If" | "This" | "That" | "These" | "Those" | "It" | "He" | "She" | "They" | "We"
            | "I" | "His" | "Her" | "Their" | "Our" | "Its" | "There" | "Here" | "As" | "So" | "Mr" | "Mrs" | "Thank" | "Both" | "Besides" | "However" | "Meanwhile" | "Also"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, mentions that must be found as `(kind, text)`, texts that must not be any mention).
    const CASES: &[(&str, &[(EntityKind, &str)], &[&str])] = &[
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
    fn lone_names_need_support() {
        let text = "Chairwoman Nancy Pelosi and Dr. Zyx met Smith at the Lab, then Quorvath, his publisher, Xulvo, and adviser Vafa Qulizade.";
        let doc = Document::new(text);
        let at = |w: &str| doc.tokens.iter().position(|t| t.span.slice(text) == w).unwrap();
        for w in ["Pelosi", "Zyx", "Smith", "Xulvo"] {
            assert!(lone_name_supported(&doc, at(w)), "{w}");
        }
        for w in ["Lab", "Quorvath", "Vafa"] {
            assert!(!lone_name_supported(&doc, at(w)), "{w}");
        }
    }

    /// A span rule's table: (text, spans as `(first token, end token, tag)`,
    /// the spans wanted after the rule).
    type SpanCases<'a> = &'a [(&'a str, &'a [(usize, usize, u8)], &'a [(usize, usize, u8)])];

    fn check_rule(rule: fn(&Document, Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)>, cases: SpanCases) {
        for (text, spans, want) in cases {
            let doc = Document::new(text);
            let spans: Vec<_> = spans.iter().map(|&(a, b, t)| (a, b, t, false)).collect();
            let got: Vec<(usize, usize, u8)> = rule(&doc, spans).iter().map(|s| (s.0, s.1, s.2)).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    const PER: u8 = tagger::PER;
    const LOC: u8 = tagger::LOC;
    const ORG: u8 = tagger::ORG;
    const MISC: u8 = tagger::MISC;

    #[test]
    fn one_name_one_type() {
        check_rule(
            agree_types,
            &[
                // More often a person: every occurrence is one.
                ("Pachomius came . Pachomius left . Pachomius slept", &[(0, 1, PER), (3, 4, PER), (6, 7, ORG)], &[(0, 1, PER), (3, 4, PER), (6, 7, PER)]),
                // A club once read as a person stays a club.
                ("Rotor lost . Rotor won . Rotor", &[(0, 1, ORG), (3, 4, ORG), (6, 7, PER)], &[(0, 1, ORG), (3, 4, ORG), (6, 7, PER)]),
                // Capitalised words ending in a person's name.
                ("Antonín Dvořák wrote . Dvořák left", &[(0, 2, ORG), (4, 5, PER)], &[(0, 2, PER), (4, 5, PER)]),
                // ... but not an organisation named after one.
                ("Dvořák Foundation paid . Dvořák left", &[(0, 2, ORG), (4, 5, PER)], &[(0, 2, ORG), (4, 5, PER)]),
                // Places keep their type.
                ("Washington spoke . Washington voted . Washington", &[(0, 1, PER), (3, 4, PER), (6, 7, LOC)], &[(0, 1, PER), (3, 4, PER), (6, 7, LOC)]),
            ],
        );
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
    fn spans_from_tags() {
        // (text, tag of each token, spans)
        let cases: &[(&str, &[u8], &[(usize, usize, u8)])] = &[
            ("The Justice Department sued .", &[ORG, ORG, ORG, 0, 0], &[(1, 3, ORG)]),
            ("Staff of The Onion quit .", &[0, 0, ORG, ORG, 0, 0], &[(2, 4, ORG)]),
            ("The Oval was full .", &[LOC, LOC, 0, 0, 0], &[(0, 2, LOC)]),
            ("President Moon Jae-in spoke .", &[PER, PER, PER, 0, 0], &[(1, 3, PER)]),
            // A byline's `By` is no part of the name.
            ("By Jane Smith", &[PER, PER, PER], &[(1, 3, PER)]),
        ];
        for (text, tags, want) in cases {
            let doc = Document::new(text);
            assert_eq!(doc.tokens.len(), tags.len(), "{text}");
            let headlines = vec![false; doc.sentences.len()];
            let got: Vec<(usize, usize, u8)> = typed_spans(&doc, tags, &headlines).iter().map(|s| (s.0, s.1, s.2)).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn owners_are_organisations() {
        check_rule(
            owning_names,
            &[
                // An owner, and its other mentions.
                ("Google's ties to OpenAI . in Google", &[(0, 1, MISC), (4, 5, MISC), (7, 8, MISC)], &[(0, 1, ORG), (4, 5, MISC), (7, 8, ORG)]),
                // A word typed an organisation elsewhere.
                ("Google said . investing in Google", &[(0, 1, ORG), (5, 6, MISC)], &[(0, 1, ORG), (5, 6, ORG)]),
                // Not a nationality, nor a word of a person's name.
                ("the German's serve", &[(1, 2, MISC)], &[(1, 2, MISC)]),
                ("Italian's win", &[(0, 1, MISC)], &[(0, 1, MISC)]),
                ("Donald Trump's team . Trump's plan", &[(0, 2, PER), (5, 6, MISC)], &[(0, 2, PER), (5, 6, MISC)]),
            ],
        );
    }

    #[test]
    fn workplaces_are_organisations() {
        check_rule(
            employers,
            &[
                ("a lawyer at Clifford Chance said", &[(3, 5, PER)], &[(3, 5, ORG)]),
                ("chief economist at Capital Economics .", &[(3, 4, ORG)], &[(3, 5, ORG)]),
                // At the start of a sentence, and the names listed after.
                ("Analysts at Goldman Sachs and Morgan Stanley said", &[(2, 4, ORG), (5, 7, PER)], &[(2, 4, ORG), (5, 7, ORG)]),
                // Not a person's event, a place, or a person met there.
                ("aides at Trump's rally", &[(2, 3, PER)], &[(2, 3, PER)]),
                ("a doctor at Boston said", &[(3, 4, LOC)], &[(3, 4, LOC)]),
                ("she smiled at Clifford Chance", &[(3, 5, PER)], &[(3, 5, PER)]),
                // A club named as one elsewhere, before a role and a person.
                ("Chelsea lost . Chelsea coach Enzo Maresca said", &[(0, 1, ORG), (3, 4, PER), (5, 7, PER)], &[(0, 1, ORG), (3, 4, ORG), (5, 7, PER)]),
                // ... not a person named as one elsewhere too.
                ("Trump Inc . Trump adviser Kellyanne Conway . Trump said", &[(0, 1, ORG), (3, 4, PER), (5, 7, PER), (8, 9, PER)], &[(0, 1, ORG), (3, 4, PER), (5, 7, PER), (8, 9, PER)]),
            ],
        );
    }

    #[test]
    fn split_names_are_one() {
        check_rule(
            split_names,
            &[
                ("mayor of New York City .", &[(2, 3, ORG), (3, 5, LOC)], &[(2, 5, LOC)]),
                ("at New York University .", &[(1, 3, LOC), (3, 4, ORG)], &[(1, 4, ORG)]),
                // A place opening an organisation's name of several words,
                // one an organisation word, or a place cut in two.
                ("at Massachusetts Institute of Technology", &[(1, 2, LOC), (2, 5, ORG)], &[(1, 5, ORG)]),
                ("the New Hampshire GOP", &[(1, 2, LOC), (2, 4, ORG)], &[(1, 4, ORG)]),
                ("a US West Coast tour", &[(1, 2, LOC), (2, 4, ORG)], &[(1, 2, LOC), (2, 4, ORG)]),
                // Two names side by side stay two; so do a person and a place.
                ("in Paris Reuters said", &[(1, 2, LOC), (2, 3, ORG)], &[(1, 2, LOC), (2, 3, ORG)]),
                ("New\nYork City", &[(0, 1, ORG), (1, 3, LOC)], &[(0, 1, ORG), (1, 3, LOC)]),
                ("Mayor Adams Brooklyn", &[(1, 2, PER), (2, 3, LOC)], &[(1, 2, PER), (2, 3, LOC)]),
                // Around a linking word, when the gazetteer knows the whole.
                ("state of Rio Grande do Sul .", &[(2, 4, LOC), (5, 6, LOC)], &[(2, 6, LOC)]),
                ("Bosnia and Herzegovina", &[(0, 1, LOC), (2, 3, ORG)], &[(0, 3, LOC)]),
                ("Paris and London", &[(0, 1, LOC), (2, 3, LOC)], &[(0, 1, LOC), (2, 3, LOC)]),
                // A nationality opening an institution's name; not a party's adjective.
                ("the Australian National University said", &[(1, 2, MISC), (2, 4, ORG)], &[(1, 4, ORG)]),
                ("the Democratic Party said", &[(1, 2, MISC), (2, 3, ORG)], &[(1, 2, MISC), (2, 3, ORG)]),
                ("the Australian Open said", &[(1, 2, MISC), (2, 3, ORG)], &[(1, 2, MISC), (2, 3, ORG)]),
            ],
        );
    }

    #[test]
    fn names_do_not_end_in_of() {
        check_rule(
            open_ended_names,
            &[
                ("the Bank of England said", &[(1, 3, ORG), (3, 4, LOC)], &[(1, 4, ORG)]),
                ("the University of Texas", &[(1, 3, ORG), (3, 4, PER)], &[(1, 4, ORG)]),
                ("the Bank of the West", &[(1, 3, ORG), (4, 5, LOC)], &[(1, 2, ORG), (4, 5, LOC)]),
                // A team or a company, then its home: two names.
                ("Nasr of Saudi Arabia", &[(0, 2, ORG), (2, 4, LOC)], &[(0, 1, ORG), (2, 4, LOC)]),
                ("Bestop Inc of Boulder", &[(0, 3, ORG), (3, 4, LOC)], &[(0, 2, ORG), (3, 4, LOC)]),
                // A place or person before the linking word stays as it is.
                ("Mayor of London", &[(0, 2, PER), (2, 3, LOC)], &[(0, 1, PER), (2, 3, LOC)]),
                ("Bank of\nEngland", &[(0, 2, ORG), (2, 3, LOC)], &[(0, 1, ORG), (2, 3, LOC)]),
                // The linking word in neither span.
                ("The Institute for Fiscal Studies said", &[(1, 2, ORG), (3, 5, ORG)], &[(1, 5, ORG)]),
                ("Inter of Milan", &[(0, 1, ORG), (2, 3, LOC)], &[(0, 1, ORG), (2, 3, LOC)]),
            ],
        );
    }

    #[test]
    fn datelines_are_places() {
        check_rule(
            datelines,
            &[
                // After a title and a byline; a comma, a bracket or a hyphen closes it too.
                ("Storm Hits Town\n\nBy Maria Lopez\n\nBOSTON — A storm hit .", &[(0, 1, ORG), (4, 6, PER), (6, 7, ORG)], &[(0, 1, ORG), (4, 6, PER), (6, 7, LOC)]),
                ("Vote\n\nWASHINGTON, Dec. 8 — The Senate voted .", &[], &[(1, 2, LOC)]),
                ("Vote\n\nNEW YORK (Reuters) - Stocks fell .", &[(1, 2, ORG), (4, 5, ORG)], &[(1, 3, LOC), (4, 5, ORG)]),
                // Not a word the gazetteer does not know, not in the middle of a paragraph, nor without the dash.
                ("Vote\n\nUPDATE — The Senate voted .", &[], &[]),
                ("He said BOSTON — was cold .", &[], &[]),
                ("Vote\n\nBOSTON fans cheered .", &[], &[]),
            ],
        );
    }

    #[test]
    fn first_names_join_the_person_after_them() {
        check_rule(
            |doc, spans| first_names_before_persons(doc, &LowerWords::new(doc), spans),
            &[
                // A first name left out at the start of a sentence.
                ("Hillary Clinton spoke out Tuesday .", &[(1, 2, PER)], &[(0, 2, PER)]),
                // Not a word the document writes in lower case, a title, a day, or a word before a non-person.
                ("Price Max said . The price rose .", &[(1, 2, PER)], &[(1, 2, PER)]),
                ("Dame Zaha Hadid", &[(1, 3, PER)], &[(1, 3, PER)]),
                ("Tuesday Lyman said", &[(1, 2, PER)], &[(1, 2, PER)]),
                ("Hillary Foundation paid", &[(1, 2, ORG)], &[(1, 2, ORG)]),
                // Not across a line break, nor into the span before.
                ("Hillary\nClinton spoke", &[(1, 2, PER)], &[(1, 2, PER)]),
                ("Hillary Clinton", &[(0, 1, LOC), (1, 2, PER)], &[(0, 1, LOC), (1, 2, PER)]),
            ],
        );
    }

    #[test]
    fn touching_names_join() {
        check_rule(
            |doc, spans| joined_names(doc, &LowerWords::new(doc), spans),
            &[
                // A first name joins the person's name after it, and a lone word after a first name.
                ("Niall Quinn scored", &[(0, 1, ORG), (1, 2, PER)], &[(0, 2, PER)]),
                ("Andy Caddick bowled", &[(0, 1, PER), (1, 2, ORG)], &[(0, 2, PER)]),
                ("Trevor Holland scored", &[(0, 1, PER), (1, 2, LOC)], &[(0, 2, PER)]),
                // A person's name running into an organisation's is part of it.
                ("studying at the Vrije Universiteit Amsterdam", &[(3, 4, PER), (4, 6, ORG)], &[(3, 6, ORG)]),
                ("grow Beavertail Cactus . water the cactus", &[(1, 2, PER), (2, 3, ORG)], &[(1, 3, ORG)]),
                ("Pirelli Group", &[(0, 1, PER), (1, 2, ORG)], &[(0, 2, ORG)]),
                // A lone word that may be a surname stays apart.
                ("Saeed Anwar batted", &[(0, 1, PER), (1, 2, ORG)], &[(0, 1, PER), (1, 2, ORG)]),
                // Not an organisation or place word after a first name, nor a regnal number.
                ("Robin Airlines flew", &[(0, 1, PER), (1, 2, ORG)], &[(0, 1, PER), (1, 2, ORG)]),
                ("Queen Elizabeth II", &[(1, 2, PER), (2, 3, ORG)], &[(1, 2, PER), (2, 3, ORG)]),
                // Not across punctuation or a line break, and not a non-first-name before a person.
                ("Pirelli , Smith", &[(0, 1, PER), (2, 3, ORG)], &[(0, 1, PER), (2, 3, ORG)]),
                ("Niall\nQuinn", &[(0, 1, ORG), (1, 2, PER)], &[(0, 1, ORG), (1, 2, PER)]),
                ("Reuters Smith said", &[(0, 1, ORG), (1, 2, PER)], &[(0, 1, ORG), (1, 2, PER)]),
                // An unlisted first name typed an organisation, before a
                // surname the document then uses on its own.
                ("Bukayo Saka scored . Saka ran", &[(0, 1, ORG), (1, 2, PER), (4, 5, PER)], &[(0, 2, PER), (4, 5, PER)]),
                // ... not when the surname came alone first (another
                // person's), nor before a place, nor an organisation word.
                ("Saka ran . Bukayo Saka scored . Saka", &[(0, 1, PER), (3, 4, ORG), (4, 5, PER), (7, 8, PER)], &[(0, 1, PER), (3, 4, ORG), (4, 5, PER), (7, 8, PER)]),
                ("Bukayo Saka scored", &[(0, 1, ORG), (1, 2, PER)], &[(0, 1, ORG), (1, 2, PER)]),
                ("Madrid Saka scored . Saka ran", &[(0, 1, ORG), (1, 2, PER), (4, 5, PER)], &[(0, 1, ORG), (1, 2, PER), (4, 5, PER)]),
                // Not in a title-case headline, even one with a full stop.
                ("Clinton Plan for Taxes Is Expansive but Complex.", &[(0, 1, PER), (1, 2, ORG)], &[(0, 1, PER), (1, 2, ORG)]),
                ("German Anke Huber won", &[(0, 1, MISC), (1, 3, PER)], &[(0, 1, MISC), (1, 3, PER)]),
                // A common noun after a first name is no surname.
                ("the Brady Bill . a bill", &[(1, 2, PER), (2, 3, ORG)], &[(1, 2, PER), (2, 3, ORG)]),
            ],
        );
    }

    #[test]
    fn a_place_after_in_is_a_place() {
        check_rule(
            places_by_preposition,
            &[
                ("Phoenix is hot . Spanish is spoken in Phoenix", &[(0, 1, ORG), (8, 9, ORG)], &[(0, 1, LOC), (8, 9, LOC)]),
                // `to` names clubs as often as places.
                ("Metz won . They lost to Metz", &[(0, 1, ORG), (6, 7, ORG)], &[(0, 1, ORG), (6, 7, ORG)]),
                // The preposition governs what follows a possessive.
                ("Metz won . a goal in Metz's win", &[(0, 1, ORG), (6, 7, ORG)], &[(0, 1, ORG), (6, 7, ORG)]),
                // Not a place the gazetteer knows.
                ("Quorvath won . a goal in Quorvath", &[(0, 1, ORG), (6, 7, ORG)], &[(0, 1, ORG), (6, 7, ORG)]),
            ],
        );
    }

    #[test]
    fn known_places_outside_sport() {
        check_rule(
            known_places,
            &[
                ("The old bazaar of Isfahan is famous . Isfahan has many mosques .", &[(4, 5, ORG), (8, 9, ORG)], &[(4, 5, LOC), (8, 9, LOC)]),
                // A sentence of sport keeps the team.
                ("The view is fine . Cincinnati beat Pittsburgh last night .", &[(5, 6, ORG), (7, 8, ORG)], &[(5, 6, ORG), (7, 8, ORG)]),
                // So does a document of sport, even in a sentence without a score.
                ("Ajax 3 Utrecht 1 . Feyenoord 2 Breda 0 . Utrecht thanked its supporters .", &[(0, 1, ORG), (2, 3, ORG), (12, 13, ORG)], &[(0, 1, ORG), (2, 3, ORG), (12, 13, ORG)]),
                // Years, decades and counts are no scores.
                ("In 2001 the population of York was 181,000 .", &[(5, 6, ORG)], &[(5, 6, LOC)]),
                ("In the 1920s Isfahan boomed .", &[(3, 4, ORG)], &[(3, 4, LOC)]),
                ("Isfahan lost 2-1 .", &[(0, 1, ORG)], &[(0, 1, ORG)]),
                ("Isfahan 2 Tabriz 1 .", &[(0, 1, ORG), (2, 3, ORG)], &[(0, 1, ORG), (2, 3, ORG)]),
                // Not a name the gazetteer does not know as a country, region or city.
                ("Quorvath is famous .", &[(0, 1, ORG)], &[(0, 1, ORG)]),
            ],
        );
    }

    #[test]
    fn word_lists_are_sorted() {
        assert!(COMPANY_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(COMMON_ACRONYMS.windows(2).all(|w| w[0] < w[1]));
        assert!(SECTOR_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn kin_owners_are_persons() {
        check_rule(
            kin_owners,
            &[
                ("Gauff's father, Corey", &[(0, 1, ORG)], &[(0, 1, PER)]),
                ("German's brother said", &[(0, 1, MISC)], &[(0, 1, PER)]),
                // Not a place, nor an owner of other things.
                ("America's sons", &[(0, 1, LOC)], &[(0, 1, LOC)]),
                ("Spain's sons", &[(0, 1, ORG)], &[(0, 1, ORG)]),
                ("CNN's business", &[(0, 1, ORG)], &[(0, 1, ORG)]),
            ],
        );
    }

    #[test]
    fn national_bodies_are_organisations() {
        check_rule(
            national_bodies,
            &[
                ("said Tennis Australia chief", &[(2, 3, LOC)], &[(1, 3, ORG)]),
                ("officials from Health Canada met", &[(2, 3, ORG), (3, 4, LOC)], &[(2, 4, ORG)]),
                // The tagger typed both words a place.
                ("said Tennis Australia", &[(1, 3, LOC)], &[(1, 3, ORG)]),
                ("USA Gymnastics apologised", &[(0, 1, LOC)], &[(0, 2, ORG)]),
                // Not where another name runs on, nor with a city, nor over a line break.
                ("the England Cricket Board said", &[(1, 2, LOC)], &[(1, 2, LOC)]),
                ("Tennis Melbourne won", &[(1, 2, LOC)], &[(1, 2, LOC)]),
                ("Tennis\nAustralia won", &[(1, 2, LOC)], &[(1, 2, LOC)]),
                ("he played tennis in Australia", &[(4, 5, LOC)], &[(4, 5, LOC)]),
            ],
        );
    }

    #[test]
    fn possessive_names_are_whole() {
        check_rule(
            possessive_names,
            &[
                ("the Central Unitary Workers' Union said", &[(1, 4, ORG), (5, 6, ORG)], &[(1, 6, ORG)]),
                ("at Brigham and Women's Hospital in Boston", &[(1, 2, LOC), (5, 6, LOC), (7, 8, LOC)], &[(1, 6, LOC), (7, 8, LOC)]),
                ("the Teachers' Federation struck", &[(1, 2, ORG), (3, 4, ORG)], &[(1, 4, ORG)]),
                // Owners: a name the lists know, a place, a person, a party and its house.
                ("Sanders' Senate record", &[(0, 1, ORG), (2, 3, ORG)], &[(0, 1, ORG), (2, 3, ORG)]),
                ("Texas' Department of Health", &[(0, 1, LOC), (2, 3, ORG), (4, 5, ORG)], &[(0, 1, LOC), (2, 3, ORG), (4, 5, ORG)]),
                ("the Democrats' Senate majority", &[(1, 2, ORG), (3, 4, ORG)], &[(1, 2, ORG), (3, 4, ORG)]),
                // Not another firm's name after the possessive, nor a plain word.
                ("Gold Fields' Kloof Gold Mining Co said", &[(0, 2, ORG), (3, 7, ORG)], &[(0, 2, ORG), (3, 7, ORG)]),
                ("the Workers' Day march", &[(1, 2, ORG)], &[(1, 2, ORG)]),
            ],
        );
    }

    #[test]
    fn company_names_are_whole() {
        let rule = |doc: &Document, spans| company_names(doc, &LowerWords::new(doc), spans);
        check_rule(
            rule,
            &[
                ("The fund , Sequoia Capital , led", &[(3, 5, PER)], &[(3, 5, ORG)]),
                ("a lawyer at Blake Moreton LLP said", &[(3, 5, PER), (5, 6, ORG)], &[(3, 6, ORG)]),
                // Untagged capitalised words join, also a sentence's first.
                ("Amnesty International said", &[(1, 2, ORG)], &[(0, 2, ORG)]),
                // An untagged company word after a name ends it; not one
                // that runs on into another name.
                ("economist at Capital Economics said", &[(2, 3, ORG)], &[(2, 4, ORG)]),
                ("shares of Pfizer Inc. fell", &[(2, 3, PER)], &[(2, 4, ORG)]),
                ("the Oxford Energy Policy Forum", &[(1, 2, LOC)], &[(1, 2, LOC)]),
                // Not a function word, an adjective or a word the text also writes in lower case.
                ("But Apex Holdings fell", &[(1, 3, ORG)], &[(1, 3, ORG)]),
                ("Boston-based Reagan Communications", &[(1, 3, ORG)], &[(1, 3, ORG)]),
                ("Shares of Apex Holdings fell . Shares rose", &[(2, 4, ORG)], &[(2, 4, ORG)]),
                ("Premier Apex Holdings fell . premier", &[(1, 3, ORG)], &[(1, 3, ORG)]),
                // Not where the name runs on, nor over a line break.
                ("the Berlin International Film Festival", &[(1, 3, ORG), (3, 5, MISC)], &[(1, 3, ORG), (3, 5, MISC)]),
                ("Report\nApex Capital rose", &[(1, 3, ORG)], &[(1, 3, ORG)]),
                // Other names are left alone.
                ("John Smith said", &[(0, 2, PER)], &[(0, 2, PER)]),
            ],
        );
    }

    #[test]
    fn overlaps_and_lookups_in_sorted_spans() {
        let spans = vec![(0, 2, PER, false), (3, 4, LOC, false), (5, 8, ORG, false), (9, 10, PER, false)];
        assert_eq!(without_overlaps(spans.clone(), &[(1, 4, LOC, false), (8, 9, MISC, false)]), [(5, 8, ORG, false), (9, 10, PER, false)]);
        assert_eq!(without_overlaps(spans.clone(), &[]), spans);
        assert_eq!(span_at(&spans, 6), Some(&(5, 8, ORG, false)));
        assert_eq!(span_at(&spans, 2), None);
        assert_eq!(span_at(&spans, 10), None);
    }

    #[test]
    fn short_firm_names_are_the_firm() {
        check_rule(
            short_firm_names,
            &[
                ("Brightline Systems rose . Shares of Brightline jumped", &[(0, 2, ORG), (6, 7, PER)], &[(0, 2, ORG), (6, 7, ORG)]),
                // Not a place's name, an adjective, or a word two firms share.
                ("Texas Instruments rose in Texas", &[(0, 2, ORG), (4, 5, LOC)], &[(0, 2, ORG), (4, 5, LOC)]),
                ("British Airways rose . British fliers", &[(0, 2, ORG), (4, 5, MISC)], &[(0, 2, ORG), (4, 5, MISC)]),
                ("Apex Capital and Apex Partners . Apex", &[(0, 2, ORG), (3, 5, ORG), (6, 7, PER)], &[(0, 2, ORG), (3, 5, ORG), (6, 7, PER)]),
            ],
        );
        // The short name is a mention of the firm.
        let text = "Brightline Systems rose. Shares of Brightline jumped.";
        let ents = recognise(&Document::new(text));
        let firm: Vec<&str> = ents.entities.iter().filter(|e| e.mentions.len() == 2).map(|e| e.name.as_str()).collect();
        assert_eq!(firm, ["Brightline Systems"]);
    }

    #[test]
    fn particle_names_are_whole() {
        check_rule(
            particle_names,
            &[
                // After a first name (`André` read as `Andre`), whatever the tagger made of the parts.
                ("led by André Corrêa do Lago , the", &[(2, 3, PER), (3, 4, ORG), (5, 6, PER)], &[(2, 6, PER)]),
                ("said Oscar de la Renta .", &[(1, 2, PER), (4, 5, ORG)], &[(1, 5, PER)]),
                // `von`, `bin`: a person's part is enough.
                ("Osama bin Laden was killed", &[(2, 3, ORG)], &[(2, 3, ORG)]),
                ("Osama bin Laden was killed", &[(2, 3, PER)], &[(0, 3, PER)]),
                // Not places, institutions, or what is named after a person.
                ("floods in Santiago de Cuba", &[(2, 3, LOC), (4, 5, LOC)], &[(2, 3, LOC), (4, 5, LOC)]),
                ("the Palacio del Gobierno", &[(1, 2, ORG), (3, 4, PER)], &[(1, 2, ORG), (3, 4, PER)]),
                ("at Charles de Gaulle airport", &[(1, 2, PER), (3, 4, PER)], &[(1, 2, PER), (3, 4, PER)]),
                ("Neither do I .", &[], &[]),
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
    fn roles_make_persons() {
        check_rule(
            persons_by_role,
            &[
                ("Koichi Nakano, a political scientist at Sophia University", &[(0, 2, ORG), (7, 9, ORG)], &[(0, 2, PER), (7, 9, ORG)]),
                ("prime minister Yoshihiko Noda said . Noda said", &[(2, 4, ORG), (6, 7, LOC)], &[(2, 4, PER), (6, 7, PER)]),
                // Not the head of the phrase, nor a role word as an adjective
                // or a firm's role, nor an organisation's name.
                ("the Oromo Liberation Front, a secessionist group .", &[(1, 4, ORG)], &[(1, 4, ORG)]),
                ("resort, now called Trump National Doral, the candidate boasted of", &[(4, 7, ORG)], &[(4, 7, ORG)]),
                ("the official China Daily newspaper", &[(2, 4, ORG)], &[(2, 4, ORG)]),
                ("lead manager Lehman Brothers International .", &[(2, 5, ORG)], &[(2, 5, ORG)]),
                ("Sophia University, a private school in Tokyo", &[(0, 2, ORG)], &[(0, 2, ORG)]),
                // A city's name alone is the person only before a speech verb.
                ("prime minister Yoshihiko Noda spoke in Noda .", &[(2, 4, ORG), (7, 8, LOC)], &[(2, 4, PER), (7, 8, LOC)]),
                // A surname with an Arabic article takes in the given name
                // before it, and its later mentions typed organisations follow.
                ("Majed al-Ansari, a spokesman for Qatar . al-Ansari said", &[(1, 2, ORG), (6, 7, LOC), (8, 9, ORG)], &[(0, 2, PER), (6, 7, LOC), (8, 9, PER)]),
            ],
        );
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
    fn places_named_by_their_region() {
        let rule = |doc: &Document, spans| places_by_region(doc, &LowerWords::new(doc), spans);
        check_rule(
            rule,
            &[
                ("the mayor of Maple Grove, Minnesota, said", &[(3, 5, PER), (6, 7, LOC)], &[(3, 5, LOC), (6, 7, LOC)]),
                ("near Hope, British Columbia.", &[(3, 5, LOC)], &[(1, 2, LOC), (3, 5, LOC)]),
                ("MAPLE GROVE, Minnesota — Maple Grove voted", &[(1, 2, LOC), (3, 4, LOC), (5, 7, PER)], &[(0, 2, LOC), (3, 4, LOC), (5, 7, LOC)]),
                ("He moved to St. Albans, England, in 1990", &[(3, 4, ORG), (4, 5, LOC), (6, 7, LOC)], &[(3, 5, LOC), (6, 7, LOC)]),
                // Not after a title, nor a person with a first name, nor
                // where the region goes on, nor an organisation or an acronym.
                ("Gov. Greg Abbott, Texas.", &[(1, 3, PER), (4, 5, LOC)], &[(1, 3, PER), (4, 5, LOC)]),
                ("said Greg Abbott, Texas governor", &[(1, 3, PER), (4, 5, LOC)], &[(1, 3, PER), (4, 5, LOC)]),
                ("at Durham University, England", &[(1, 3, ORG), (4, 5, LOC)], &[(1, 3, ORG), (4, 5, LOC)]),
                ("signed Mary Johnson, Ohio.", &[(1, 3, PER), (4, 5, LOC)], &[(1, 3, PER), (4, 5, LOC)]),
                ("or Port Arthur, Texas, left", &[(1, 3, PER), (4, 5, LOC)], &[(1, 3, LOC), (4, 5, LOC)]),
                ("She works at CNRS, France.", &[(3, 4, ORG), (5, 6, LOC)], &[(3, 4, ORG), (5, 6, LOC)]),
                // A sentence's participle is no part of the name.
                ("Visiting Richmond, Virginia, he spoke", &[(1, 2, PER), (3, 4, LOC)], &[(1, 2, LOC), (3, 4, LOC)]),
            ],
        );
    }

    #[test]
    fn names_end_before_in() {
        check_rule(
            names_end_at_in,
            &[
                ("the European Central Bank in Frankfurt said", &[(1, 6, ORG)], &[(1, 4, ORG), (5, 6, LOC)]),
                ("at Penn State University in State College today", &[(1, 7, ORG)], &[(1, 4, ORG), (5, 7, LOC)]),
                ("the Stonewall Inn in New York", &[(1, 5, ORG), (5, 6, LOC)], &[(1, 3, ORG), (5, 6, LOC)]),
                ("the Organisation for Security and Cooperation in Europe", &[(1, 8, ORG)], &[(1, 8, ORG)]),
                ("at Troy University in", &[(1, 4, ORG)], &[(1, 3, ORG)]),
                ("rally of Cruz at Tea Party", &[(2, 6, ORG)], &[(2, 3, ORG)]),
            ],
        );
    }

    #[test]
    fn place_names_made_whole() {
        check_rule(
            whole_place_names,
            &[
                // A person and a place become one place.
                ("north of Naqsh-e Jahan Square in the old quarter", &[(2, 4, PER), (4, 5, LOC)], &[(2, 5, LOC)]),
                ("go along Washington St to the station", &[(2, 3, LOC)], &[(2, 4, LOC)]),
                ("the nearby 44th Street Station", &[(3, 4, LOC)], &[(2, 5, LOC)]),
                // Not over a sentence's function word, nor a line break.
                ("The Square is busy", &[(1, 2, LOC)], &[(1, 2, LOC)]),
                ("Isfahan\nSquare", &[(1, 2, LOC)], &[(1, 2, LOC)]),
                // Other kinds are left alone.
                ("Smith Hall spoke", &[(0, 2, PER)], &[(0, 2, PER)]),
                // A natural feature typed an organisation; not a building.
                ("the Thwaites Glacier melts", &[(1, 3, ORG)], &[(1, 3, LOC)]),
                ("the Carnegie Hall board", &[(1, 3, ORG)], &[(1, 3, ORG)]),
                // A facility named after a person takes the name in; a
                // person before another kind of name does not.
                ("launched from Kennedy Space Center today", &[(2, 3, PER), (3, 5, LOC)], &[(2, 5, LOC)]),
                ("at John F. Kennedy International Airport", &[(1, 4, PER), (4, 6, ORG)], &[(1, 6, ORG)]),
                ("told Smith Space Agency staff", &[(1, 2, PER), (2, 4, ORG)], &[(1, 2, PER), (2, 4, ORG)]),
                ("Smith\nSpace Center", &[(0, 1, PER), (1, 3, LOC)], &[(0, 1, PER), (1, 3, LOC)]),
            ],
        );
    }

    #[test]
    fn forms_of_address() {
        check_rule(
            address_forms,
            &[
                ("Thank you, Madam Speaker.", &[(3, 4, PER)], &[(3, 5, PER)]),
                ("It's too late, Mr. President, he said", &[(6, 7, ORG)], &[(5, 7, PER)]),
                // A title before a name is not an address.
                ("Mr. President Obama spoke", &[(2, 3, PER)], &[(2, 3, PER)]),
                ("Madam Tussaud", &[], &[]),
            ],
        );
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
    fn second_readings_follow_the_document() {
        let cases = [
            // The place named right after decides.
            ("NEWCASTLE, England — The club said on Monday it would appeal.", "Newcastle", "GB"),
            ("The floods hit Valencia, Spain, on Tuesday.", "Valencia", "ES"),
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

/// A tagged place outside the gazetteer is kept only when every word is a
/// capitalised Latin-script word (or a joining `of`/`the`/`de`): no junk
/// from symbols, scripts the tagger never saw, or repeated names.
fn looks_like_place_name(doc: &Document, a: usize, b: usize) -> bool {
    let words: Vec<&str> = (a..b).map(|k| doc.tok(k)).collect();
    let distinct = words.windows(2).all(|w| w[0] != w[1]);
    // `Singapore Summit`, `Paris Agreement`: events and documents, not places.
    let event = words.last().is_some_and(|w| {
        matches!(
            *w,
            "Summit" | "Conference" | "Games" | "Cup" | "War" | "Festival" | "Olympics" | "Award" | "Awards" | "Prize"
                | "Trophy" | "Agreement" | "Accord" | "Accords" | "Treaty" | "Convention" | "Talks" | "Forum" | "Open"
                | "Championship" | "Championships" | "Series" | "Show" | "Declaration" | "Protocol" | "Process"
        )
    });
    if event {
        return false;
    }
    distinct
        && words.first().is_some_and(|w| {
            // (`St. Albans`, `Mt. Vernon`: a short first word only so.)
            w.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && (w.chars().filter(|c| c.is_alphabetic()).count() >= 3 || (words.len() > 1 && matches!(*w, "St." | "Ste." | "Ft." | "Mt.")))
        })
        && words.iter().all(|w| {
            matches!(*w, "of" | "the" | "and" | "de" | "la" | "del" | "-" | "&" | "'s" | "’s" | "'" | "’")
                || (w.chars().next().is_some_and(|c| c.is_uppercase()) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
        })
}

#[cfg(test)]
fn looks_like_place_name_text(name: &str) -> bool {
    let doc = Document::new(name);
    looks_like_place_name(&doc, 0, doc.tokens.len())
}
