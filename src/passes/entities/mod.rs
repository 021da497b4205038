//! The entity pass: persons, locations and organisations.
//!
//! Capitalised runs of tokens (*chunks*) are read left to right. Inside a
//! chunk, the longest gazetteer match is a place, a title (`President`,
//! `Sen.`) marks the name after it as a person, a closing organisation word
//! (`Ministry`, `Times`) makes the chunk an organisation, and a run that
//! starts with a known first name is a person. A second sweep links the
//! bare surnames (`Pompeo`, `Kim`) to the persons already found, so every
//! mention of a person points at one entity.

pub mod gazetteer;
pub mod names;

use std::collections::HashMap;

use crate::document::{Document, Span, TokenKind};
use crate::lexicon::{self, Gender};
use gazetteer::Place;

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

    /// Sorts entities by first mention and mentions by start, renumbering.
    fn finish(mut self) -> Entities {
        for e in &mut self.entities {
            e.mentions.sort();
            e.mentions.dedup();
        }
        let mut order: Vec<usize> = (0..self.entities.len()).collect();
        order.sort_by_key(|&i| (self.entities[i].mentions.first().copied(), self.entities[i].kind));
        let mut new_id = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old] = new;
        }
        let mut slots: Vec<Option<Entity>> = self.entities.into_iter().map(Some).collect();
        let entities = order.iter().map(|&old| slots[old].take().expect("each entity once")).collect();
        let mut mentions = self.mentions;
        for m in &mut mentions {
            m.entity = new_id[m.entity];
        }
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        mentions.dedup_by_key(|m| m.span);
        Entities { entities, mentions }
    }
}

/// A capitalised run inside a chunk, not yet known to be a person.
struct NameRun {
    tokens: (usize, usize),
    after_title: bool,
    sentence_start: bool,
}

/// Finds the entities of `doc`.
pub fn recognise(doc: &Document) -> Entities {
    let mut out = Entities::default();
    let mut index: HashMap<(EntityKind, String), usize> = HashMap::new();
    let mut runs: Vec<NameRun> = Vec::new();

    for sent in &doc.sentences {
        let headline = is_all_caps(doc, sent.tokens);
        let (mut i, end) = sent.tokens;
        while i < end {
            if !starts_chunk(doc, i, headline) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < end && continues_chunk(doc, j, end, headline) {
                j += 1;
            }
            segment_chunk(doc, (i, j), sent.tokens.0, headline, &mut out, &mut index, &mut runs);
            i = j;
        }
    }

    // Full names first: several words after a title or starting with a
    // first name. Single words wait until the full names are known.
    let mut pending = Vec::new();
    for run in runs {
        let (a, b) = run.tokens;
        let evidence = b - a >= 2 && (run.after_title || names::is_first_name(doc.tok(a)));
        if evidence {
            add_person(doc, &mut out, &mut index, run.tokens);
        } else {
            pending.push(run);
        }
    }
    // Parts of known names: the last word wins, then the first name seen.
    let mut parts: HashMap<String, usize> = HashMap::new();
    for (id, e) in out.entities.iter().enumerate() {
        if e.kind == EntityKind::Person {
            for part in e.name.split(' ').filter(|p| p.chars().count() > 1) {
                parts.entry(part.to_string()).or_insert(id);
            }
        }
    }
    for (id, e) in out.entities.iter().enumerate() {
        if e.kind == EntityKind::Person {
            if let Some(last) = e.name.rsplit(' ').next() {
                parts.insert(last.to_string(), id);
            }
        }
    }
    let mut new_names: Vec<(usize, usize)> = Vec::new();
    for run in pending {
        let (a, b) = run.tokens;
        if b - a == 1 {
            if let Some(&id) = parts.get(doc.tok(a)) {
                let span = doc.tokens[a].span;
                out.entities[id].mentions.push(span);
                out.mentions.push(Mention { span, entity: id, tokens: run.tokens });
                continue;
            }
        }
        let first = doc.tok(a);
        let titled = run.after_title || (names::is_first_name(first) && !run.sentence_start);
        // A name right next to a speech verb: `said Caddell`, `Caddell told`.
        let before = a.checked_sub(1).map(|k| doc.tok(k));
        let after = (b < doc.tokens.len()).then(|| doc.tok(b));
        let speaks = before.is_some_and(lexicon::is_finite_speech_verb) || after.is_some_and(lexicon::is_finite_speech_verb);
        if titled || (speaks && b - a <= 3 && !is_function_word(first)) {
            new_names.push(run.tokens);
        }
    }
    for t in new_names {
        add_person(doc, &mut out, &mut index, t);
    }
    out.finish()
}

fn add_person(doc: &Document, out: &mut Entities, index: &mut HashMap<(EntityKind, String), usize>, (a, b): (usize, usize)) {
    let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
    let key = normalise_space(span.slice(doc.text));
    let id = out.add(index, EntityKind::Person, key, span, (a, b));
    if out.entities[id].gender.is_none() {
        out.entities[id].gender = names::gender(doc.tok(a));
    }
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

/// Whether the sentence is set in capitals (a headline), where case says nothing.
fn is_all_caps(doc: &Document, (a, b): (usize, usize)) -> bool {
    let mut upper = 0;
    let mut words = 0;
    for k in a..b {
        if doc.tokens[k].kind != TokenKind::Word {
            continue;
        }
        let w = doc.tok(k);
        if !w.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if !w.chars().any(char::is_lowercase) {
            upper += 1;
        }
    }
    words >= 3 && upper * 10 >= words * 8
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn starts_chunk(doc: &Document, i: usize, _headline: bool) -> bool {
    let t = doc.tokens[i];
    t.kind == TokenKind::Word && is_capitalised(doc.tok(i)) && !preceded_by_handle(doc, i)
}

/// `@StateDept` is a handle, not a name.
fn preceded_by_handle(doc: &Document, i: usize) -> bool {
    i > 0 && doc.tok(i - 1) == "@" && doc.tokens[i - 1].span.end == doc.tokens[i].span.start
}

/// Whether token `j` continues the chunk before it.
fn continues_chunk(doc: &Document, j: usize, end: usize, headline: bool) -> bool {
    let t = doc.tokens[j];
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = doc.tok(j);
    // A line break between tokens ends a chunk.
    let gap = &doc.text[doc.tokens[j - 1].span.end..t.span.start];
    if gap.contains('\n') || gap.is_empty() && doc.tokens[j - 1].kind != TokenKind::Word {
        return false;
    }
    if is_capitalised(w) {
        return !headline || doc.tokens[j - 1].kind == TokenKind::Word;
    }
    // Particles and `of` join capitalised words: `Secretary of State`, `Ludwig van Beethoven`.
    let joins = matches!(w, "of" | "van" | "von" | "de" | "der" | "den" | "bin" | "ibn" | "al" | "da" | "del" | "di" | "du" | "la" | "le" | "dos" | "das" | "ter");
    joins && j + 1 < end && is_capitalised(doc.tok(j + 1)) && doc.tokens[j + 1].kind == TokenKind::Word
}

/// Capitalised words that start sentences and are not names.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "The" | "A" | "An" | "But" | "And" | "Or" | "In" | "On" | "At" | "For" | "After" | "Before" | "When"
            | "While" | "If" | "This" | "That" | "These" | "Those" | "It" | "He" | "She" | "They" | "We"
            | "I" | "His" | "Her" | "Their" | "Our" | "Its" | "There" | "Here" | "Following" | "As" | "So"
            | "Yet" | "Still" | "Some" | "Many" | "Most" | "All" | "No" | "Not" | "Now" | "Then" | "Also"
            | "With" | "By" | "From" | "To" | "Of" | "During" | "Since" | "Until" | "Although" | "Though"
            | "Because" | "However" | "Meanwhile" | "Instead" | "Like" | "Unlike" | "About" | "Why" | "What"
            | "How" | "Who" | "Where" | "Which" | "Read" | "Posted" | "Under" | "More" | "Last" | "Next"
            | "Other" | "Another" | "Each" | "Every" | "Both" | "Either" | "Neither" | "My" | "Your" | "You"
            | "Asked" | "Even" | "Just" | "Only" | "Over" | "Among" | "Despite" | "Earlier" | "Later"
    ) || is_calendar_word(w)
}

/// Days and months: capitalised, never persons.
fn is_calendar_word(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday" | "January"
            | "February" | "March" | "April" | "May" | "June" | "July" | "August" | "September" | "October"
            | "November" | "December" | "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept"
            | "Oct" | "Nov" | "Dec" | "Today" | "Yesterday" | "Tomorrow"
    )
}

/// Words that make a capitalised chunk an organisation.
fn is_org_word(w: &str) -> bool {
    matches!(
        w,
        "Department" | "Ministry" | "Office" | "Party" | "Agency" | "Council" | "Committee" | "Commission"
            | "University" | "College" | "School" | "Institute" | "Foundation" | "Association" | "Union"
            | "Bank" | "Court" | "Senate" | "Congress" | "Parliament" | "Assembly" | "Times" | "Post" | "News"
            | "Journal" | "Press" | "Herald" | "Tribune" | "Magazine" | "Network" | "Service" | "Services"
            | "Corporation" | "Corp." | "Company" | "Co." | "Inc." | "Ltd." | "Group" | "Organization"
            | "Organisation" | "Federation" | "League" | "Club" | "Airlines" | "Airways" | "Motors" | "Bureau"
            | "Administration" | "Army" | "Navy" | "Force" | "Forces" | "Police" | "Guard" | "Hospital"
            | "Church" | "Fund" | "Board" | "Authority" | "Exchange" | "Reserve" | "Cabinet" | "Alliance"
            | "Coalition" | "Movement" | "Society" | "Trust" | "Holdings" | "Industries" | "Media"
            | "Television" | "Radio" | "Watch" | "Reuters" | "Bloomberg" | "Senators" | "Democrats"
            | "Republicans" | "Centre" | "Center" | "Caucus" | "Corps" | "Secretariat" | "Tribunal"
    )
}

/// An acronym used as a name: `NYPD`, `FBI`, `U.N.`.
fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && w.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
}

/// The longest gazetteer match starting at token `i` within `[i, end)`.
fn place_at(doc: &Document, i: usize, end: usize, headline: bool) -> Option<(usize, &'static Place)> {
    let max = (end - i).min(5);
    for len in (1..=max).rev() {
        let span = Span::new(doc.tokens[i].span.start, doc.tokens[i + len - 1].span.end);
        let s = span.slice(doc.text);
        let key;
        let s = if s.contains(|c: char| c.is_whitespace() && c != ' ') || s.contains("  ") {
            key = normalise_space(s);
            key.as_str()
        } else {
            s
        };
        if let Some(p) = gazetteer::lookup(s) {
            return Some((len, p));
        }
        if headline {
            if let Some(p) = gazetteer::lookup(&title_case(s)) {
                return Some((len, p));
            }
        }
    }
    None
}

/// `NORTH KOREA` → `North Korea`.
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// Splits one chunk `[a, b)` into places, organisations and name runs.
#[allow(clippy::too_many_arguments)]
fn segment_chunk(
    doc: &Document,
    (a, b): (usize, usize),
    sent_start: usize,
    headline: bool,
    out: &mut Entities,
    index: &mut HashMap<(EntityKind, String), usize>,
    runs: &mut Vec<NameRun>,
) {
    let mut i = a;
    // A capitalised function word at the start of a sentence is not a name.
    while i < b && is_function_word(doc.tok(i)) {
        i += 1;
    }
    if i >= b {
        return;
    }
    // Organisations: the chunk ends in an organisation word, or is an acronym.
    if !headline && (i + 1 < b && (a..b).any(|k| is_org_word(doc.tok(k)))) {
        let span = Span::new(doc.tokens[i].span.start, doc.tokens[b - 1].span.end);
        // A leading place stays a separate place only when the organisation
        // word comes right after it (`North Korea Ministry`) is still one org.
        out.add(index, EntityKind::Organization, normalise_space(span.slice(doc.text)), span, (i, b));
        return;
    }
    let mut after_title = false;
    while i < b {
        if let Some((len, place)) = place_at(doc, i, b, headline) {
            let span = Span::new(doc.tokens[i].span.start, doc.tokens[i + len - 1].span.end);
            let id = out.add(index, EntityKind::Location, place.canonical.to_string(), span, (i, i + len));
            out.entities[id].place = Some(place);
            i += len;
            after_title = false;
            continue;
        }
        let w = doc.tok(i);
        if headline {
            i += 1;
            continue;
        }
        if lexicon::is_person_title(w) || (after_title && w == "of") {
            after_title = true;
            i += 1;
            continue;
        }
        if is_acronym(w) && !names::is_first_name(w) && w != "I" {
            let span = doc.tokens[i].span;
            out.add(index, EntityKind::Organization, w.to_string(), span, (i, i + 1));
            i += 1;
            continue;
        }
        let mut j = i + 1;
        // A name runs to the next title; a place name inside it belongs to
        // the name (`George Washington`).
        while j < b && !lexicon::is_person_title(doc.tok(j)) {
            j += 1;
        }
        let titled = after_title && (a..i).any(|k| lexicon::is_strong_title(doc.tok(k)));
        runs.push(NameRun { tokens: (i, j), after_title: titled, sentence_start: i == sent_start });
        after_title = false;
        i = j;
    }
}
