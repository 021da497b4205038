//! The attribution pass: who said each quotation.
//!
//! A sieve of rules, most precise first; the first rule that finds a cue
//! decides, and its name sets the confidence ([`Rule::confidence`], its
//! precision on PolNeAR train, capped for partial quotations):
//!
//! 0. **listed** – a quotation listed after another with `and` or `or` in
//!    the same sentence shares its attribution (`went on about “A,” and
//!    “B” and “C,” Melanie said yes`).
//! 1. **according** – `according to X` in the same sentence (`according
//!    to calculations by X`: X), or `as X put it` (`…, as a Homeland
//!    Security memo put it`).
//! 2. **after** – a cue right after the quotation: `“…,” X said`,
//!    `“…,” said X`, `“…” — X`, `“…” ― X`, `“…,” X, director of … and a
//!    professor at …, said`; not a new clause (`“…” and said`, `“…” until
//!    Haley said`). For a partial quotation only when the cue is adjacent,
//!    and an inverted `said X` only after a comma; without a comma, no
//!    speaker further on (`“it gets me mad” every time he thinks`) unless
//!    set off by a comma or `as`. A cue in the passive is its agent's
//!    (`“poison pill” measures added by Republicans`), after or before.
//! 3. **unsourced** – a name given in the passive with no agent and no cue
//!    in its clause (`it was labeled “Mostly True.”`): no speaker.
//!
//!    3a. **parenthetical** (confidence of *before*) – an attribution set off
//!    by commas before the quotation in its sentence names the source of
//!    the whole sentence: `CNN, Cruz said, called the announcement “…”`;
//!    not after an opening phrase (`In 2010, he warned …`).
//! 4. **before** – a cue earlier in the sentence that opens the quotation:
//!    `X said: “…”`, `X said that … “…”`, `X was heard saying, “…”`. The
//!    cue's speaker must be a plausible phrase (not `better`, `via email`,
//!    `a statement`); an infinitive's object (`asked Biden to continue`) is
//!    no speaker; `…, adding`, `by announcing` and `and said` take the
//!    subject of the sentence's first cue, or the phrase opening it (a
//!    name after a preposition is no subject: `its opposition to Donald
//!    Trump, arguing`). PolNeAR
//!    credits the outer source, so the subject of an earlier cue whose
//!    complement holds the nearer cue wins (`Trump said that Romney begged
//!    him … and “…”`), and so does the sentence's opening subject when the
//!    cue's own speaker is further in the same clause; not across a
//!    relative or adverbial clause (`an explosion that X described as`), a
//!    comma, a dash, a coordinated `but he said` or `though he said`, or
//!    out of a leading subordinate clause. A gerund or coordinated cue
//!    after a clause of its own (`, and he …`, `when X …`, whose verb is
//!    no cue) takes that clause's subject (`…, and he closed by urging
//!    “…”`). A subject with a relative clause is the noun before `who`
//!    (`an official who spoke anonymously to discuss strategy said`).
//! 5. **dash line** – the paragraph after the quotation is a signature:
//!    `- Bernie Sanders.`
//! 6. **possessive** – a noun of speech and its owner just before the
//!    quotation: `Contrary to his claim that people would “…”`.
//! 7. **colon** – a name and a colon right before the quotation:
//!    `Frank Newport and Jim Harter: “…”`; else a transcript's speaker label
//!    opening the paragraph (`"WALLACE: But, Governor, …`).
//! 8. **closing** (confidence of *after*) – a cue that closes the sentence
//!    after a comma: `The program was a “good thing” …, he remarked.`, `…,
//!    said Brad Bannon, a Democratic pollster.`
//! 9. **subject** (lead) – no cue, but the sentence opens with its subject,
//!    a name, pronoun or role, or a text (`The piece used one of her quotes
//!    as its headline: “…”`): `He also shared a report … “…”`.
//! 10. **paragraph** – no cue in the quotation's sentence: the speaker of
//!     the previous quotation in the paragraph (`“…,” he said. “…”`), or of
//!     the previous sentence's first cue with a speaker (`X told Bloomberg.
//!     “…”`; `X said she was angered by the media declaring …`: X).
//! 11. **intro** – the previous paragraph ends with a colon that introduces
//!     the quotation: `Caddell continued:`, or names its subject: `On July
//!     6, X made the following comment:`.
//! 12. **carry** – a paragraph that is only a quotation takes the speaker of
//!     the previous paragraph's quotation, or that paragraph's subject.
//! 13. **subject** – no cue at all: a quotation inside a sentence whose
//!     subject is a person or organisation (`Clinton cracked, “…”`) is
//!     theirs, with low confidence; the subject of the main clause, after
//!     a leading participial phrase or subordinate clause (`Preceded at the
//!     lectern by X, the sheriff, Trump launched into …`).
//!
//! Last, a quotation no rule attributes shares the attribution of the next
//! quotation in its sentence when a cue after that one names its speaker
//! (`a “good thing” that yielded “frankly good information,” he remarked`).
//!
//! The speaker is a mention: a name, a pronoun, or a noun phrase such as
//! `South Korea’s presidential office`; of a person and where they work,
//! the person (`Dr. Friederike Otto of Imperial College London`). Its
//! entity is the resolved person or organisation (pronouns resolve to the
//! nearest compatible person; a surname the recogniser missed but tagged
//! elsewhere is that person). An organisation named by a rule that loses
//! is not kept.

use std::cell::Cell;

use rustc_hash::FxHashMap as HashMap;

use crate::document::chars::{is_dash_token, is_listed, is_listed_lower, is_quote_mark, pack, Case};
use crate::document::{Document, Span, TokenKind};
use crate::lexicon::{self, Gender};
use crate::passes::entities::{self, Entities, Entity, EntityKind, Mention};
use crate::passes::quotes::kind::quote_mask;
use crate::passes::quotes::{Quote, QuoteKind};

/// Which rule found the attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    After,
    Dash,
    Before,
    According,
    Colon,
    Possessive,
    Paragraph,
    Intro,
    Carry,
    Subject,
}

impl Rule {
    /// How far the rule is trusted: its precision on PolNeAR train
    /// (speaker mention right), rounded; 0.1 less when the speaker resolves
    /// to no entity. See [`Rule::partial_confidence`] for partial quotations.
    pub fn confidence(self) -> f64 {
        match self {
            Rule::After => 0.95,
            Rule::Dash => 0.9,
            Rule::Before => 0.9,
            Rule::According => 0.85,
            Rule::Colon => 0.85,
            Rule::Possessive => 0.6,
            Rule::Paragraph => 0.95,
            Rule::Intro => 0.9,
            Rule::Carry => 0.8,
            Rule::Subject => 0.75,
        }
    }

    /// The cap on [`Rule::confidence`] for a partial quotation, where some
    /// rules are far less sure: a cue after a few quoted words inside a
    /// sentence is often another clause's (0.81 on train), and the previous
    /// quotation's speaker is often not a partial quotation's (0.46).
    pub fn partial_confidence(self) -> f64 {
        match self {
            Rule::After => 0.8,
            Rule::Dash => 0.5,
            Rule::Paragraph => 0.45,
            _ => 1.0,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::After => "after",
            Rule::Dash => "dash",
            Rule::Before => "before",
            Rule::According => "according",
            Rule::Colon => "colon",
            Rule::Possessive => "possessive",
            Rule::Paragraph => "paragraph",
            Rule::Intro => "intro",
            Rule::Carry => "carry",
            Rule::Subject => "subject",
        }
    }
}

/// The speaker mention of a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub span: Span,
    pub entity: Option<usize>,
}

/// Who said a quotation, found by which cue and rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Attribution {
    pub speaker: Option<Speaker>,
    pub cue: Option<Span>,
    pub rule: Option<Rule>,
    pub confidence: f64,
}

impl Attribution {
    const NONE: Attribution = Attribution { speaker: None, cue: None, rule: None, confidence: 0.0 };
}

/// Token ranges with context shared by the rules.
struct Ctx<'a, 'd> {
    doc: &'a Document<'d>,
    ents: &'a mut Entities,
    /// For each token, whether it lies inside a quotation (marks included).
    in_quote: Vec<bool>,
    /// [`Ctx::is_cue`] per token, filled as asked (0 not yet, 1 no, 2 yes):
    /// the rules scan the same sentence many times for each quotation.
    cue: Vec<Cell<u8>>,
    /// The last word of each person's name (`Trump`), to its entity, for a
    /// surname the recogniser left untagged somewhere (`Mr. Trump hardly
    /// clarified …`); `usize::MAX` when two people share it.
    surnames: HashMap<&'d str, usize>,
}

impl<'a, 'd> Ctx<'a, 'd> {
    fn new(doc: &'a Document<'d>, ents: &'a mut Entities, quotes: &[Quote]) -> Self {
        let in_quote = quote_mask(doc, quotes);
        let mut surnames: HashMap<&'d str, usize> = HashMap::default();
        for m in &ents.mentions {
            if ents.entities[m.entity].kind != EntityKind::Person {
                continue;
            }
            let last = doc.tok(m.tokens.1 - 1);
            if last.chars().count() > 2 && last.starts_upper() && last.chars().all(char::is_alphabetic) {
                let e = surnames.entry(last).or_insert(m.entity);
                if *e != m.entity && *e != usize::MAX && ents.entities[*e].name != ents.entities[m.entity].name && !ents.entities[*e].name.ends_with(&ents.entities[m.entity].name) && !ents.entities[m.entity].name.ends_with(&ents.entities[*e].name) {
                    *e = usize::MAX;
                }
            }
        }
        Ctx { doc, ents, in_quote, cue: vec![Cell::new(0); doc.tokens.len()], surnames }
    }

    /// The person a capitalised word outside every mention names, by a
    /// surname seen elsewhere in the text.
    fn known_name(&self, t: usize) -> Option<usize> {
        if self.ents.mention_at_token(t).is_some() || self.in_quote[t] {
            return None;
        }
        self.surnames.get(self.doc.tok(t)).copied().filter(|&e| e != usize::MAX)
    }

    /// The mention over token `t` when it names a person or organisation,
    /// who can speak (not a place).
    fn speaker_mention(&self, t: usize) -> Option<&Mention> {
        self.ents.mention_at_token(t).filter(|m| self.ents.entities[m.entity].kind != EntityKind::Location)
    }

    /// The person a phrase names before the organisation `m` that they are
    /// of, at or from (`Friederike Otto of Imperial College London`, `Dr.
    /// Ng at the University of Hong Kong`), within the phrase opening at `a`.
    fn affiliated_person(&self, m: &Mention, a: usize) -> Option<&Mention> {
        let mut k = m.tokens.0;
        if k > a && self.tok(k - 1).eq_ignore_ascii_case("the") {
            k -= 1;
        }
        if k < a + 2 || !matches!(self.tok(k - 1), "of" | "at" | "from") || self.ents.entities[m.entity].kind == EntityKind::Person {
            return None;
        }
        self.speaker_mention(k - 2)
            .filter(|p| p.tokens.0 >= a && p.tokens.1 == k - 1 && self.ents.entities[p.entity].kind == EntityKind::Person)
    }

    /// Rule 4, first case: a gerund cue after a preposition opening the
    /// sentence, its phrase closed by the comma that ends the quotation, is
    /// the main clause's subject's: `After saying her foot was “so
    /// swollen,” she was …`, `In declaring the statements “not Christian,”
    /// the pope …`.
    fn opening_gerund(&mut self, q: &Quote, si: usize, qs: usize) -> Option<Option<Attribution>> {
        let doc = self.doc;
        let (lo, hi) = doc.sentences[si].tokens;
        let a = self.after_conjunctions(lo, qs);
        let opens = a + 1 < qs
            && matches!(self.tok(a).to_ascii_lowercase().as_str(), "in" | "after" | "before" | "while" | "by" | "upon" | "since" | "despite" | "when")
            && self.tok(a + 1).ends_with("ing")
            && self.is_cue(a + 1);
        let e = doc.token_at_or_after(q.span.end);
        if !opens || !(q.inner.slice(doc.text).ends_with(',') || (e < hi && self.tok(e) == ",")) {
            return None;
        }
        let m = if e < hi && self.tok(e) == "," { e + 1 } else { e };
        let np = self.np_right(m, hi).filter(|&np| self.plausible_speaker(np))?;
        Some(self.found(Rule::Before, doc.tokens[a + 1].span, np))
    }

    /// Whether tokens `a..b` are a dateline: an upper-case place opening a
    /// paragraph, then capitalised words, numbers and punctuation up to the
    /// dash at `b` (`WASHINGTON, Dec. 8 (UPI) —`, `SEOUL, Oct. 7 —`).
    fn is_dateline(&self, (a, b): (usize, usize)) -> bool {
        let doc = self.doc;
        let place = self.tok(a);
        b < doc.tokens.len()
            && is_dash_token(self.tok(b))
            && place.len() >= 3
            && place.chars().all(|c| c.is_uppercase() || c == '.')
            && (a..b).all(|t| !self.tok(t).starts_lower())
            && self.opens_paragraph(a)
    }

    /// Whether the quotation follows `that` after a cue in its sentence
    /// (`claimed on Tuesday that “…”`): it is what that cue reports.
    fn cue_complement(&self, q: &Quote) -> bool {
        let qs = self.doc.token_at_or_after(q.span.start);
        let Some(si) = self.doc.sentence_at(q.span.start) else { return false };
        let lo = self.doc.sentences[si].tokens.0;
        qs > lo + 1 && self.tok(qs - 1) == "that" && (lo.max(qs.saturating_sub(6))..qs - 1).any(|t| !self.in_quote[t] && self.is_cue(t))
    }

    /// Whether token `a` opens its paragraph.
    fn opens_paragraph(&self, a: usize) -> bool {
        entities::opens_paragraph(self.doc, a)
    }

    /// [`entities::is_run_in_heading`].
    fn is_run_in_heading(&self, span: (usize, usize)) -> bool {
        entities::is_run_in_heading(self.doc, span)
    }

    /// The span of an untagged surname at `t` with the titles before it
    /// (`Mr. Trump`).
    fn known_name_tokens(&self, t: usize, lo: usize) -> (usize, usize) {
        let mut a = t;
        while a > lo && lexicon::is_person_title(self.doc.tok(a - 1)) {
            a -= 1;
        }
        (a, t + 1)
    }
}

/// Attributes every quotation; scare quotes get no speaker. Organisations
/// named by a speaker phrase (`the ministry`) are added to `ents`.
pub fn attribute(doc: &Document, quotes: &[Quote], ents: &mut Entities) -> Vec<Attribution> {
    let mut ctx = Ctx::new(doc, ents, quotes);
    let mut out: Vec<Attribution> = Vec::with_capacity(quotes.len());
    for (qi, q) in quotes.iter().enumerate() {
        if q.kind == QuoteKind::Scare {
            out.push(Attribution::NONE);
            continue;
        }
        // `according to X` names the outer source even when the sentence
        // also has `Y said`: it goes first.
        // A partial quotation inside `X said … “…” …` belongs to the cue
        // before it, unless the cue right after it says otherwise.
        // `“A,” X said. “B.” She added…`: B continues X's quotation; the next
        // sentence's cue is for what follows.
        // Only when that cue came after the previous quotation: after `X
        // said that … “A.” “B?” Clinton said.` the cue after B is B's own.
        let continues = qi > 0 && {
            let prev = &quotes[qi - 1];
            let pa = doc.paragraph_at(prev.span.start);
            pa.is_some()
                && pa == doc.paragraph_at(q.span.start)
                && out[qi - 1].speaker.is_some()
                && out[qi - 1].cue.is_none_or(|c| c.start >= prev.span.end)
        };
        // Rules that lose may have named an organisation (`the ministry
        // said` while `according to X` wins): only the winner's is kept.
        let mark = ctx.ents.entities.len();
        let after = ctx.after(q, !continues);
        let adjacent = after.is_some_and(|a| {
            a.cue.is_some_and(|c| doc.token_at_or_after(c.start) <= doc.token_at_or_after(q.span.end) + 5)
        });
        // `Trump claimed on Tuesday that “…,” one of the prosecutors said`:
        // a quotation that is the complement of a cue before it is that
        // cue's, unless the cue after it is right beside it.
        let after_first = adjacent || (q.kind != QuoteKind::Partial && !ctx.cue_complement(q));
        // `as Trump went on about “A,” and “B” and “C,” Melanie said yes`:
        // quotations listed with `and` or `or` share their attribution.
        let listed = qi > 0 && out[qi - 1].speaker.is_some() && {
            let (a, b) = (doc.token_at_or_after(quotes[qi - 1].span.end), doc.token_at_or_after(q.span.start));
            a < b && b - a <= 3 && doc.sentence_at(quotes[qi - 1].span.start) == doc.sentence_at(q.span.start)
                && (a..b).all(|t| matches!(ctx.tok(t), "," | "and" | "or")) && (a..b).any(|t| matches!(ctx.tok(t), "and" | "or"))
        };
        let found = (if listed { Some(out[qi - 1]) } else { None })
            .or_else(|| ctx.according(q))
            .or(if after_first { after } else { None })
            // `it was labeled “Mostly True.”`: a name given by no one in
            // the text; no speaker rather than a guess.
            .or_else(|| ctx.unsourced_name(q).then_some(Attribution::NONE))
            .or_else(|| ctx.parenthetical(q))
            .or_else(|| ctx.before(q))
            .or(after)
            .or_else(|| ctx.dash_line(q))
            .or_else(|| ctx.possessive(q))
            .or_else(|| ctx.colon(q))
            .or_else(|| ctx.label(q))
            .or_else(|| ctx.closing(q))
            .or_else(|| ctx.leading_subject(q))
            .or_else(|| ctx.paragraph(q, qi, quotes, &out))
            .or_else(|| ctx.intro(q))
            .or_else(|| ctx.carry(q, qi, quotes, &out))
            .or_else(|| ctx.subject(q));
        let found = found.map(|mut a| {
            if let (Some(rule), QuoteKind::Partial) = (a.rule, q.kind) {
                a.confidence = a.confidence.min(rule.partial_confidence());
            }
            a
        });
        out.push(found.map_or(Attribution::NONE, |a| ctx.keep_new_entity(a, mark)));
    }
    // `The program was a “good thing” that yielded “frankly good
    // information,” he remarked`: a quotation no rule attributes shares
    // that of the next one in its sentence when a cue after that one names
    // its speaker (last first, so that a chain of them all share it).
    for qi in (0..quotes.len().saturating_sub(1)).rev() {
        let (q, next) = (&quotes[qi], &quotes[qi + 1]);
        let later_cue = out[qi + 1].cue.is_some_and(|c| c.start >= next.span.end);
        if q.kind != QuoteKind::Scare && out[qi].speaker.is_none() && later_cue && doc.sentence_at(q.span.start) == doc.sentence_at(next.span.start) {
            out[qi] = out[qi + 1];
        }
    }
    out
}

/// Every rule's answer for every quotation (for training a ranker; see
/// `examples/speaker_candidates.rs`), with the sieve's choice first.
pub fn proposals(doc: &Document, quotes: &[Quote], ents: &mut Entities) -> Vec<Vec<Attribution>> {
    let chosen = attribute(doc, quotes, ents);
    let mut ctx = Ctx::new(doc, ents, quotes);
    quotes
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            let all = [
                ctx.closing(q),
                ctx.leading_subject(q),
                ctx.according(q),
                ctx.after(q, true),
                ctx.before(q),
                ctx.colon(q),
                ctx.paragraph(q, qi, quotes, &chosen),
                ctx.intro(q),
                ctx.carry(q, qi, quotes, &chosen),
            ];
            std::iter::once(chosen[qi]).chain(all.into_iter().flatten()).collect()
        })
        .collect()
}

impl Ctx<'_, '_> {
    /// Drops the organisations added since entity `mark` except the one
    /// the chosen attribution `a` names, which becomes entity `mark`.
    fn keep_new_entity(&mut self, mut a: Attribution, mark: usize) -> Attribution {
        let ents = &mut self.ents.entities;
        match a.speaker.as_mut() {
            Some(Speaker { entity: Some(id), .. }) if *id >= mark => {
                ents.swap(mark, *id);
                ents.truncate(mark + 1);
                *id = mark;
            }
            _ => ents.truncate(mark),
        }
        a
    }

    fn tok(&self, i: usize) -> &str {
        self.doc.tok(i)
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
    }

    /// Whether token `i` is a speech verb used as a verb: lower-case (a
    /// capitalised `States` or `Post` is a name), outside quotations.
    fn is_cue(&self, i: usize) -> bool {
        match self.cue[i].get() {
            0 => {
                let yes = self.compute_cue(i);
                self.cue[i].set(1 + yes as u8);
                yes
            }
            c => c == 2,
        }
    }

    fn compute_cue(&self, i: usize) -> bool {
        let t = self.tok(i);
        // `She went on: “…”`.
        if t == "on" && i > 0 && matches!(self.tok(i - 1), "went" | "goes" | "go" | "going") && !self.in_quote[i] {
            return true;
        }
        // `Bennett shot back`, `her husband cut in`, `Ryan weighed in`.
        if i + 1 < self.doc.tokens.len() && !self.in_quote[i] && lexicon::is_particle_cue(t, self.tok(i + 1)) {
            return true;
        }
        // `her campaign would continue to break barriers`: not `she continued`.
        if matches!(t, "continue" | "continues" | "continued" | "continuing")
            && (i + 1..self.doc.tokens.len()).take(2).find(|&k| self.is_word(k)).is_some_and(|k| self.tok(k) == "to")
        {
            return false;
        }
        // `Democrats are to blame`: an idiom, not speech.
        if t == "blame" && i >= 2 && self.tok(i - 1) == "to" && matches!(self.tok(i - 2), "is" | "are" | "was" | "were" | "be") {
            return false;
        }
        self.is_word(i)
            && !self.in_quote[i]
            && lexicon::is_speech_verb(t)
            // `the post`, `her statement`, `Trump's comments`: a noun.
            && !(i > 0 && (is_determiner(self.tok(i - 1)) || matches!(self.tok(i - 1), "’s" | "'s")))
            // `Sanders’ comments`: a possessive apostrophe, not a closing mark.
            && !(i > 1 && matches!(self.tok(i - 1), "’" | "'") && !self.in_quote[i - 1] && self.tok(i - 2).ends_with('s'))
            && !self.is_noun_use(i)
            && !self.is_modifier(i)
            && (t.starts_with(|c: char| c.is_lowercase())
                || self.doc.sentence_at(self.doc.tokens[i].span.start).is_some_and(|s| self.doc.sentences[s].tokens.0 == i))
    }

    fn found(&mut self, rule: Rule, cue: Span, np: (usize, usize)) -> Option<Attribution> {
        let speaker = self.speaker_of(np);
        let mut confidence = rule.confidence();
        if speaker.entity.is_none() {
            confidence -= 0.1;
        }
        Some(Attribution { speaker: Some(speaker), cue: Some(cue), rule: Some(rule), confidence })
    }

    /// Rule 1: a cue right after the quotation, in the same sentence.
    fn after(&mut self, q: &Quote, next_sentence: bool) -> Option<Attribution> {
        let doc = self.doc;
        let start = doc.token_at_or_after(q.span.end);
        let si = doc.sentence_at(q.span.end.saturating_sub(1))?;
        // `“Why?” Trump asked.`: the quotation's `?` ended the sentence, and
        // the attribution is the next one, in the same paragraph.
        let mut sent_end = doc.sentences[si].tokens.1;
        // Only for a quotation that ends in `?` or `!`, or opens its own
        // sentence: after `X said “….” He added…` the next cue is new speech.
        let asks = q.inner.slice(doc.text).ends_with(['?', '!']);
        let opens = doc.sentence_at(q.span.start).is_some_and(|s| doc.sentences[s].tokens.0 == doc.token_at_or_after(q.span.start));
        if next_sentence
            && (asks || opens)
            && sent_end == start
            && si + 1 < doc.sentences.len()
            && doc.sentences[si + 1].paragraph == doc.sentences[si].paragraph
        {
            // Only an attribution at the very start of that sentence counts:
            // a cue in its first words, or after the phrase that opens it
            // (`US Senator Jeff Sessions said`, `Miller, a retired worker,
            // said`, `Scott's niece, state Del. Marcia Price (D-Newport
            // News), shouted`), which may be long: the phrase is its speaker.
            let (a, b) = doc.sentences[si + 1].tokens;
            // (A cue word inside the phrase, `state Del.`, is a noun there.)
            let cues = || (a..b.min(a + 28)).filter(|&k| self.is_cue(k));
            let late = cues().next().is_some_and(|k| k >= a + 4);
            for k in cues().filter(|_| late) {
                if let Some(np) = self.np_left(k, a).filter(|&np| self.opens_sentence(np, a) && self.strong_speaker(np)) {
                    return self.found(Rule::After, doc.tokens[k].span, np);
                }
            }
            if is_dash_token(self.tok(a)) || cues().next().is_some_and(|k| k < a + 4) {
                sent_end = b;
            }
        }
        let end = sent_end.min(start + 20);
        let mut i = start;
        let mut dash = false;
        // `“…,” said X` has a comma; a partial quotation without one runs on
        // into its own clause: `the ad “unmistakably” suggests that …`.
        let mut comma = q.kind != QuoteKind::Partial || q.inner.slice(doc.text).ends_with([',', '?', '!']);
        while i < end && !self.is_word(i) {
            let t = self.tok(i);
            if is_dash_token(t) {
                dash = true;
            } else if t == "," {
                comma = true;
            } else if !(matches!(t, "-") || t.chars().all(is_quote_mark)) {
                return None; // `.”` then a new clause: not an attribution
            }
            i += 1;
        }
        if i >= end || self.in_quote[i] {
            return None;
        }
        // `said X` (inverted): a finite verb, not `describing X`; not after
        // a partial quotation that is a cue's complement (`whom colleagues
        // call “the Cassandra of Wall Street,” told an audience`).
        let complement = q.kind == QuoteKind::Partial && {
            let qs = doc.token_at_or_after(q.span.start);
            qs > 0 && !self.in_quote[qs - 1] && self.is_cue(qs - 1)
        };
        if self.is_cue(i) && lexicon::is_finite_speech_verb(self.tok(i)) && (comma || dash) && !complement {
            let np = self.np_right(i + 1, end)?;
            return self.found(Rule::After, doc.tokens[i].span, np);
        }
        // `“…,” Leonard E. Burman, director of … and a professor at …,
        // said`: a name and a long apposition closed by a comma and the cue.
        if let Some(m) = self.speaker_mention(i).filter(|m| m.tokens.0 == i) {
            let (a, b) = m.tokens;
            let far = doc.sentences[si].tokens.1.min(i + 48);
            if b < far && self.tok(b) == "," {
                let cue = (b + 1..far).take_while(|&t| !self.in_quote[t]).find(|&t| self.is_cue(t));
                if let Some(k) = cue.filter(|&k| k > i + 16 && self.tok(k - 1) == ",") {
                    return self.found(Rule::After, doc.tokens[k].span, (a, b));
                }
            }
        }
        // `— X` (a dash and a name, no verb).
        let np_end = (i..end).find(|&k| !self.is_word(k) && self.tok(k) != "’s" && self.tok(k) != "'s").unwrap_or(end);
        // `X said` / `X, a doctor, said`.
        let mut k = i;
        while k < end && k <= i + 16 {
            if self.in_quote[k] {
                break;
            }
            if k > i && self.is_cue(k) {
                // `“…” and said`, `“…” until Haley said`, `“…” of Trump, whom
                // he called`: a new clause, not the quotation's attribution.
                // A parenthesis before the speaker is fine: `“…,” as his
                // father dreamed, Mr. Turry said`, `“…” since …, said X`.
                // `“poison pill” measures added by Republicans`: a passive
                // cue's agent.
                if let Some(np) = self.passive_agent(k, end) {
                    return self.found(Rule::After, doc.tokens[k].span, np);
                }
                let np = self.np_left(k, i);
                let inverted = self.tok(k - 1) == "," && lexicon::is_finite_speech_verb(self.tok(k));
                if is_clause_break(self.tok(i)) && !inverted && np.is_none_or(|np| np.0 > i && self.tok(np.0 - 1) != ",") {
                    return None;
                }
                // `Obama said “it gets me mad” every time he thinks about
                // …`: after a partial quotation with no comma, a speaker
                // further on is in a clause of the sentence's own; not one
                // set off by a comma or `as` (`a “regional” candidate, as
                // X suggested`, `“in homage to” Lazar, Song wrote`).
                if q.kind == QuoteKind::Partial && !comma && !dash && np.is_some_and(|np| np.0 > i && !matches!(self.tok(np.0 - 1), "," | "as")) {
                    return None;
                }
                // `X, a doctor, said` first; then `“…” to Mr. Sanders, said
                // David Axelrod`: inverted after a comma.
                if let Some(np) = np {
                    return self.found(Rule::After, doc.tokens[k].span, np);
                }
                if self.tok(k - 1) == "," && lexicon::is_finite_speech_verb(self.tok(k)) {
                    if let Some(np) = self.np_right(k + 1, end) {
                        return self.found(Rule::After, doc.tokens[k].span, np);
                    }
                }
                let np = self.sentence_subject(k)?;
                return self.found(Rule::After, doc.tokens[k].span, np);
            }
            k += 1;
        }
        if dash && np_end > i {
            // A name after the dash, not `— just as he did`.
            let np = self.np_right(i, np_end).filter(|&np| self.strong_speaker(np) || self.tok(np.0).starts_upper())?;
            return self.found(Rule::Dash, doc.tokens[start].span, np);
        }
        None
    }

    /// Whether the phrase `np` opens the sentence that starts at token `a`:
    /// it starts there, or it is a name in apposition to the few words that
    /// do (`Scott's niece, Marcia Price,`).
    fn opens_sentence(&self, np: (usize, usize), a: usize) -> bool {
        np.0 == a
            || (np.0 > a + 1
                && np.0 <= a + 6
                && self.tok(np.0 - 1) == ","
                && (a..np.0 - 1).all(|t| (self.is_word(t) && !self.is_cue(t)) || matches!(self.tok(t), "’s" | "'s")))
    }

    /// Rule 2a: an attribution set off by commas inside the quotation's
    /// sentence, before it, names the source of the whole sentence: `CNN,
    /// Cruz said, called the announcement “…”`, `Cost estimates, he added,
    /// were “…”`. A pronoun or a name between two commas, its cue, and at
    /// most a few words (`in a telephone interview`) before the second.
    fn parenthetical(&mut self, q: &Quote) -> Option<Attribution> {
        let doc = self.doc;
        let qs = doc.token_at_or_after(q.span.start);
        let si = doc.sentence_at(q.span.start)?;
        let lo = doc.sentences[si].tokens.0;
        let mut found = None;
        for c in lo + 2..qs {
            if self.in_quote[c] || !self.is_cue(c) || !lexicon::is_finite_speech_verb(self.tok(c)) {
                continue;
            }
            let a = c - 1;
            let np = if is_subject_pronoun(self.tok(a)) {
                (a, c)
            } else if let Some(m) = self.speaker_mention(a).filter(|m| m.tokens.1 == c) {
                m.tokens
            } else {
                continue;
            };
            if np.0 <= lo + 1 || self.tok(np.0 - 1) != "," {
                continue;
            }
            // `In 2010, he warned …`, `Later in the broadcast, Swanson
            // praised …`: the first comma closes an opening phrase, and the
            // name after it is the sentence's subject, not a parenthesis.
            let first = self.tok(lo).to_ascii_lowercase();
            let opener = is_subordinator(&first) || matches!(first.as_str(), "over" | "later" | "earlier" | "after" | "before" | "for" | "with" | "by" | "from" | "last" | "this" | "since");
            if opener && !(lo..np.0 - 1).any(|t| self.tok(t) == ",") {
                continue;
            }
            let close = (c + 1..qs.min(c + 7)).find(|&t| self.tok(t) == ",");
            if close.is_some_and(|e| (c + 1..e).all(|t| !self.in_quote[t] && self.is_word(t) && !self.is_cue(t))) {
                found = Some((c, np));
            }
        }
        let (c, np) = found?;
        self.found(Rule::Before, doc.tokens[c].span, np)
    }

    /// Rule 2: the nearest cue before the quotation in its sentence.
    fn before(&mut self, q: &Quote) -> Option<Attribution> {
        let doc = self.doc;
        let qs = doc.token_at_or_after(q.span.start);
        let si = doc.sentence_at(q.span.start)?;
        let lo = doc.sentences[si].tokens.0;
        if let Some(found) = self.opening_gerund(q, si, qs) {
            return found;
        }
        let mut best: Option<(usize, (usize, usize))> = None;
        let main = self.main_clause_start(lo, qs);
        let mut k = qs;
        while k > lo {
            k -= 1;
            if !self.is_cue(k) {
                continue;
            }
            // `When Sanders accused Clinton …, she said “…”`: a cue in the
            // leading subordinate clause is not the source of the main one.
            if best.is_some() && k < main {
                break;
            }
            let Some(np) = self.cue_subject(k, lo, qs) else { continue };
            let pronoun = np.1 - np.0 == 1 && lexicon::pronoun(self.tok(np.0)).is_some();
            if best.is_some() {
                // `Abe said he thinks … “…”`, `Flynn said Trump was right
                // when he said “…”`: the named subject of an earlier cue is
                // the source the attribution is credited to.
                if !pronoun {
                    // Not over a coordinated clause of its own: `X, the
                    // police chief, said that …, but he said that … “…”`,
                    // `X said …, though he said, “…”`.
                    let inner = best.map_or(k, |(_, b)| b.0);
                    if inner > k + 1 && matches!(self.tok(inner - 1), "but" | "yet" | ";" | "though" | "although") {
                        break;
                    }
                    best = Some((k, np));
                    break;
                }
                // `he told ABC that he agrees …`: the outer pronoun, when
                // the inner cue is in its complement, not in a clause of its
                // own (`when I emailed him, he replied`, `which he called`).
                let b = best.map_or(k, |(_, b)| b.0);
                if (k + 1..b).all(|t| self.in_quote[t] || !(self.tok(t) == "," || is_clause_break(self.tok(t)) && self.tok(t) != "that")) {
                    best = Some((k, np));
                }
                continue;
            }
            best = Some((k, np));
            // A pronoun subject of a clause of its own is final too.
            if !pronoun || self.own_clause_subject(lo, k) == Some(np) {
                break;
            }
        }
        let (mut cue, mut np) = best?;
        // `X praised the plan, and he closed by urging “…”`: the speaker of
        // a clause of its own is not in an earlier cue's complement.
        let own = self.own_clause_subject(lo, cue) == Some(np);
        // `Trump said that Romney begged him … and “…”`, `Clinton
        // acknowledged that she misspoke when she claimed that Comey
        // characterized as “…”`: the source is the subject of the
        // sentence's first cue, whose complement holds the nearer cues.
        if own {
        } else if let Some((j, outer)) = self.outer_cue(lo, cue, np) {
            (cue, np) = (j, outer);
        } else if let Some(subject) = self.leading_np(si, qs) {
            // `Mr. Trump tries to turn the interruptions to his advantage,
            // shouting “…”`: the sentence's subject, when the cue's own
            // speaker is further in, in the same clause.
            // Not after `when`, `what` or `then`: `Trump tweaked his promise
            // when he announced …`, `what it calls “…”`.
            // Nor in a relative clause of its own: `an explosion that Mayor
            // Bill de Blasio described as “…”`.
            let own = (subject.1..np.0).any(|t| {
                matches!(self.tok(t).to_ascii_lowercase().as_str(), "when" | "what" | "then" | "so" | "one")
                    || (self.tok(t) == "that" && t + 1 == np.0 && t > 0 && self.is_word(t - 1) && !self.is_cue(t - 1) && !lexicon::is_verb_filler(self.tok(t - 1)))
            });
            if np.0 > subject.1 && !own && self.same_clause(subject.1, np) {
                np = subject;
            }
        }
        self.found(Rule::Before, doc.tokens[cue].span, np)
    }

    /// Whether the quotation is a name given in the passive with no agent
    /// (`what is being criticized as a “…”`, `it was labeled “…”`, `will be
    /// dubbed the “…”`), with no cue before it in the sentence and no `by`
    /// after it. (Not a participle after a noun, `a class called “…”`:
    /// PolNeAR credits the sentence's subject with those as often as no one.)
    fn unsourced_name(&self, q: &Quote) -> bool {
        let doc = self.doc;
        let qs = doc.token_at_or_after(q.span.start);
        let Some(si) = doc.sentence_at(q.span.start) else { return false };
        let (lo, hi) = doc.sentences[si].tokens;
        let mut j = qs;
        while j > lo && matches!(self.tok(j - 1), "a" | "an" | "the" | "as") {
            j -= 1;
        }
        if j <= lo + 1 {
            return false;
        }
        let p = j - 1;
        let participle = self.tok(p);
        if !matches!(
            participle,
            "called" | "labeled" | "labelled" | "dubbed" | "termed" | "described" | "branded" | "known" | "considered"
                | "deemed" | "criticized" | "criticised" | "billed" | "nicknamed" | "characterized" | "characterised"
                | "named" | "titled"
        ) {
            return false;
        }
        let mut b = p;
        while b > lo && (self.tok(b - 1).ends_with("ly") || matches!(self.tok(b - 1), "being" | "been" | "be" | "informally" | "often" | "widely" | "sometimes" | "also")) {
            b -= 1;
        }
        let before = self.tok(b - 1);
        let passive = matches!(before, "is" | "was" | "are" | "were" | "be" | "been" | "being") || (b < p && matches!(self.tok(b), "be" | "been" | "being"));
        if !passive && !(b == p && j == qs && self.reduced_relative(lo, p)) {
            return false;
        }
        let ends = doc.token_at_or_after(q.span.end);
        !(lo..b).any(|t| self.is_cue(t)) && !(ends..hi.min(ends + 4)).any(|t| self.tok(t) == "by")
    }

    /// Whether the participle at `p` ends a noun phrase that it modifies:
    /// `a box labeled “…”`, `an account called “…”` (a determiner, then
    /// lower-case words), not a subject and its verb (`Trump labeled`).
    fn reduced_relative(&self, lo: usize, p: usize) -> bool {
        (lo..p).rev().take(3).find(|&t| is_determiner(self.tok(t))).is_some_and(|d| {
            d + 1 < p
                && (d + 1..p).all(|t| {
                    let w = self.tok(t);
                    self.is_word(t) && w.starts_lower() && !lexicon::ends_noun_phrase(w) && !self.is_cue(t) && lexicon::pronoun(w).is_none()
                })
        })
    }

    /// The first token at or after `a` (before `hi`) past the conjunctions
    /// that open a sentence (`And`, `But`, `Yet`, `So`).
    fn after_conjunctions(&self, mut a: usize, hi: usize) -> usize {
        while a < hi && matches!(self.tok(a), "And" | "But" | "Yet" | "So" | "and" | "but") {
            a += 1;
        }
        a
    }

    /// Where the main clause of the sentence starting at `lo` begins: after
    /// a leading subordinate clause and its comma (`When Trump announced his
    /// candidacy, he …`), else at `lo`.
    fn main_clause_start(&self, lo: usize, hi: usize) -> usize {
        let mut a = self.after_conjunctions(lo, hi);
        let mut main = lo;
        // `Once in my early 20s, when my mother mentioned the devil …, I
        // laughed and said`: one opening phrase after another.
        while a < hi && is_subordinator(self.tok(a)) && !matches!(self.tok(a).to_ascii_lowercase().as_str(), "in" | "on" | "at" | "during") {
            match (a..hi).find(|&t| self.tok(t) == ",") {
                Some(c) => {
                    main = c + 1;
                    a = c + 1;
                }
                None => break,
            }
        }
        main
    }

    /// The first cue of the sentence starting at `lo` whose complement
    /// holds the cue at `inner` with speaker `np`: before it, not in a
    /// leading subordinate clause (`When I emailed him, he replied`), with
    /// no other quotation or coordinated clause between.
    fn outer_cue(&self, lo: usize, inner: usize, np: (usize, usize)) -> Option<(usize, (usize, usize))> {
        let mut start = lo;
        if is_subordinator(self.tok(lo)) {
            start = (lo..inner).find(|&t| self.tok(t) == ",")? + 1;
        }
        let j = (start..inner.min(np.0)).find(|&j| self.is_cue(j) && !self.is_infinitive(j))?;
        let outer = self.np_left(j, start).filter(|&o| self.strong_speaker(o))?;
        if outer.1 - outer.0 == 1 && matches!(self.tok(outer.0), "who" | "which") {
            return None;
        }
        // The outer cue in a subordinate clause of its own (`after the
        // interview concluded, Maher stated`), or a parenthesis (`Over the
        // years, she said, email …`).
        let clause = (start..j).rev().find(|&t| self.tok(t) == ",").map_or(start, |t| t + 1);
        if (clause..j).any(|t| is_subordinator(self.tok(t)) && !matches!(self.tok(t), "in" | "on" | "at"))
            || self.tok(j + 1) == ","
        {
            return None;
        }
        self.same_clause(j + 1, np).then_some((j, outer))
    }

    /// Whether the speaker phrase `np` of an inner cue is in the same
    /// clause as the words from `from` on, not in one of its own (`… which
    /// he noted`, `after Clinton argued`, `as the heckler yelled`, `— Frank
    /// cites`) or after a comma (`He believes, he said, that …`).
    fn same_clause(&self, from: usize, np: (usize, usize)) -> bool {
        !((from..np.0).any(|t| self.in_quote[t] || matches!(self.tok(t), ";" | ":" | "—" | "–" | "―" | "--" | "-" | "(" | ")") || is_relative(self.tok(t)))
            || matches!(self.tok(np.0 - 1), "," | "and" | "but" | "or"))
    }

    /// The speaker phrase of the cue at `k` in a sentence starting at `lo`,
    /// the quotation starting at `qs`; `None` when the cue has no plausible
    /// speaker (`a film called “…”`, `asked Biden to continue`).
    fn cue_subject(&self, k: usize, lo: usize, qs: usize) -> Option<(usize, usize)> {
        // `…, telling CNBC: “…”` / `… and says “…”`: the subject of the
        // clause before, which is the subject of its own cue when it has one
        // (`Manafort said, adding that …`).
        // Also `… by announcing that …`, `after saying …`: a gerund's
        // subject is the clause's.
        // `… at one point calling the mayor a “liar”`: a phrase after a
        // preposition that names no speaker is no gerund's subject either.
        let adverbial = || {
            self.np_left(k, lo).is_some_and(|np| {
                np.0 > lo
                    && matches!(self.tok(np.0 - 1), "at" | "in" | "on" | "for" | "during" | "after" | "before" | "with" | "from")
                    && (np.0..np.1).all(|t| self.tok(t).starts_lower())
                    && !self.strong_speaker(np)
            })
        };
        // (`… “that person,” telling Fox 35 …`: the comma inside the marks.)
        let quoted_comma = k > lo + 1 && self.tok(k - 1).chars().all(is_quote_mark) && self.tok(k - 2) == ",";
        let bare = self.tok(k).ends_with("ing") && k > lo && (matches!(self.tok(k - 1), "," | "by" | "after" | "while" | "before") || quoted_comma || adverbial());
        let conj = k > lo && matches!(self.tok(k - 1), "and" | "but");
        if bare || conj {
            // The first cue of the sentence with a speaker, not a relative
            // clause's (`an architect who said …, saying`).
            let main = self.main_clause_start(lo, k).min(k - 1);
            if let Some(np) = self.own_clause_subject(main, k) {
                return Some(np);
            }
            let earlier = (main..k - 1)
                .filter(|&j| self.is_cue(j) && !self.is_infinitive(j))
                .find_map(|j| self.np_left(j, lo).filter(|&np| self.strong_speaker(np)))
                .filter(|&(a, b)| !(b - a == 1 && matches!(self.tok(a), "who" | "which")));
            if let Some(np) = earlier {
                return Some(np);
            }
            // `In August, several environmental groups granted Mr. Clarke an
            // extension, saying …`: the phrase opening the sentence, before
            // its first named person.
            let si = self.doc.sentence_at(self.doc.tokens[lo].span.start)?;
            if let Some(np) = self.leading_np(si, k) {
                return Some(np);
            }
            if let Some(np) = self.sentence_subject(k) {
                // `The conservative publication has been outspoken in its
                // opposition to Donald Trump, arguing …`: a name after a
                // preposition is an object; the phrase opening the sentence
                // is the subject even when no role noun heads it.
                // `Trump told Newsmax …, adding`, Trump missed by the
                // recogniser: nor is a cue's object, and no speaker is better.
                if np.0 > lo && self.is_cue(np.0 - 1) {
                    return self.leading_np_with(si, k, false).filter(|&l| l.1 <= np.0 && self.strong_speaker(l));
                }
                let object = np.0 > lo && matches!(self.tok(np.0 - 1), "to" | "on" | "against" | "for" | "with" | "of" | "at" | "about" | "from");
                if object {
                    if let Some(lead) = self.leading_np_with(si, k, false).filter(|&l| l.1 <= np.0) {
                        return Some(lead);
                    }
                }
                return Some(np);
            }
        }
        if let Some(np) = self.passive_agent(k, qs) {
            return Some(np);
        }
        // `asked Biden to continue`, `would like Trump to explain`: the word
        // before an infinitive cue is its object, not its speaker.
        if self.is_infinitive(k) {
            return None;
        }
        // `said Pompeo: “…”`: an inverted subject, when it is a name.
        self.np_left(k, lo).filter(|&np| self.plausible_speaker(np)).or_else(|| {
            self.np_right(k + 1, qs).filter(|&(a, _)| self.speaker_mention(a).is_some())
        })
    }

    /// The subject of the last clause of its own between `from` and the
    /// gerund or coordinated cue at `k`, opened by `, and`, `, but`, `,
    /// while`, `, though`, `when` or `where`, whose verb is no cue: `Mr.
    /// Obama decried the “…,” and he foreshadowed the theme … by urging
    /// “…”`, `Clinton spoke down the street, where about 50 protesters had
    /// gathered, chanting “…”`. That subject did what the cue reports, not
    /// the speaker of an earlier cue. The subject is a pronoun or a name.
    fn own_clause_subject(&self, from: usize, k: usize) -> Option<(usize, usize)> {
        let mut found = None;
        for t in from.max(1)..k.saturating_sub(2) {
            if self.in_quote[t] {
                continue;
            }
            let w = self.tok(t).to_ascii_lowercase();
            let comma = self.tok(t - 1) == ",";
            // (`…, with Donald Trump tweeting that … and asking`: the
            // gerunds' own subject, whatever they are.)
            let with = comma && w == "with";
            if !((comma && matches!(w.as_str(), "and" | "but" | "though" | "although" | "while")) || with || matches!(w.as_str(), "when" | "where")) {
                continue;
            }
            let a = t + 1;
            let np = if is_subject_pronoun(self.tok(a)) {
                (a, a + 1)
            } else if let Some(m) = self.speaker_mention(a).filter(|m| m.tokens.0 == a) {
                m.tokens
            } else {
                continue;
            };
            let v = np.1;
            let verb = v < k && self.is_word(v) && !self.in_quote[v] && self.tok(v).starts_lower();
            if verb && (!(v..k).any(|j| !self.in_quote[j] && self.is_cue(j)) || (with && self.tok(v).ends_with("ing"))) {
                found = Some(np);
            }
        }
        found
    }

    /// The agent of a cue in the passive, `by` and a phrase that can
    /// speak before `hi`: `measures added by Republicans`, `was told by
    /// aides that “…”`. The phrase ends with the first word that makes it a
    /// speaker (`by many Jewish leaders go beyond …`: `many Jewish
    /// leaders`), or with the name that capitalised words after it
    /// introduce (`by FBI Director James Comey`).
    fn passive_agent(&self, k: usize, hi: usize) -> Option<(usize, usize)> {
        if !(self.tok(k).ends_with("ed") || self.tok(k) == "told") || k + 2 >= hi || self.tok(k + 1) != "by" {
            return None;
        }
        let (a, b) = self.np_right(k + 2, hi)?;
        let mut e = (a + 1..=b).find(|&e| self.strong_speaker((a, e)))?;
        while e < b && self.is_word(e) && self.tok(e).starts_upper() {
            e += 1;
        }
        Some((a, e))
    }

    /// Whether the cue at `k` is an infinitive after an object: `to` before
    /// it (adverbs between), and before `to` no verb that makes it the
    /// subject's own (`went on to say`, `wants to explain`).
    fn is_infinitive(&self, k: usize) -> bool {
        let mut j = k;
        while j > 0 && self.is_word(j - 1) && self.tok(j - 1).ends_with("ly") {
            j -= 1;
        }
        if j < 2 || self.tok(j - 1) != "to" {
            return false;
        }
        let w = self.tok(j - 2);
        !(lexicon::is_verb_filler(w) || (self.is_word(j - 2) && w.ends_with("ed") && !w.starts_upper()))
    }

    /// Whether a phrase surely names who spoke: it holds a person or
    /// organisation mention, is a pronoun, or is headed by a role or group
    /// noun (`the spokeswoman`, `supporters`).
    fn strong_speaker(&self, (a, b): (usize, usize)) -> bool {
        if (a..b).any(|t| self.speaker_mention(t).is_some() || self.known_name(t).is_some()) {
            return true;
        }
        let head = self.tok(b - 1);
        // `issued a statement saying`: the statement is what was said.
        if matches!(self.tok(a), "a" | "an" | "A" | "An") && matches!(head, "statement" | "speech" | "interview" | "post" | "tweet" | "video" | "letter") {
            return false;
        }
        (b - a == 1 && (lexicon::pronoun(head).is_some() || matches!(head, "who" | "which")))
            || lexicon::is_role_noun(head)
            || lexicon::is_speaker_noun(head)
            // Texts that speak: `The piece used one of her quotes as its
            // headline: “…”`, `the passage continued`.
            || matches!(head.to_ascii_lowercase().as_str(), "piece" | "story" | "column" | "passage" | "transcript" | "footnote" | "narrator" | "headline" | "caption" | "sign" | "banner" | "release")
    }

    /// Whether a phrase can name who spoke: not a lone adverb or adjective
    /// (`better`, `overnight`), a prepositional phrase (`via email`,
    /// `despite admitting`) or a time (`the years`, `a statement`).
    fn plausible_speaker(&self, (a, b): (usize, usize)) -> bool {
        if self.strong_speaker((a, b)) {
            return true;
        }
        let first = self.tok(a);
        let lower = first.to_ascii_lowercase();
        let head = self.tok(b - 1);
        if b - a == 1
            && first.starts_lower()
            && !(first.ends_with('s') || matches!(first, "another" | "others" | "many" | "some" | "both" | "one" | "most" | "all" | "few" | "none"))
        {
            return false;
        }
        if matches!(
            lower.as_str(),
            "via" | "despite" | "upon" | "with" | "without" | "after" | "before" | "during" | "for" | "from" | "in"
                | "on" | "at" | "by" | "about" | "like" | "unlike" | "than" | "as" | "if" | "while" | "when" | "using"
        ) {
            return false;
        }
        if is_time_word(head) || head == "overnight" {
            return false;
        }
        !(matches!(lower.as_str(), "a" | "an") && matches!(head, "statement" | "speech" | "interview" | "post" | "tweet" | "video" | "letter"))
    }

    /// Rule 3: `according to X` in the sentence of the quotation.
    fn according(&mut self, q: &Quote) -> Option<Attribution> {
        let doc = self.doc;
        let si = doc.sentence_at(q.span.start)?;
        let sj = doc.sentence_at(q.span.end.saturating_sub(1))?;
        let (lo, hi) = (doc.sentences[si].tokens.0, doc.sentences[sj].tokens.1);
        for k in lo..hi.saturating_sub(2) {
            if !self.in_quote[k] && self.tok(k).eq_ignore_ascii_case("according") && self.tok(k + 1) == "to" {
                let mut np = self.np_right(k + 2, hi)?;
                // `according to audio provided by Wyoming Public Radio`,
                // `calculations by Amy Glasmeier`: the agent is the source.
                if np.1 + 1 < hi && self.tok(np.1) == "by" {
                    np = self.np_right(np.1 + 1, hi).filter(|&a| self.strong_speaker(a)).unwrap_or(np);
                }
                let cue = doc.tokens[k].span.cover(doc.tokens[k + 1].span);
                return self.found(Rule::According, cue, np);
            }
        }
        // `as X put it`: `…, as a Homeland Security memo put it`, `As Ms.
        // Simonyan put it in a statement …, RT is “…”`.
        for k in lo..hi.saturating_sub(3) {
            if self.in_quote[k] || !self.tok(k).eq_ignore_ascii_case("as") {
                continue;
            }
            // (The name may have an apposition: `As John Cornyn, the No. 2 in
            // the GOP leadership, put it`.)
            let Some(p) = (k + 2..hi.min(k + 20)).find(|&p| matches!(self.tok(p), "put" | "puts") && self.tok(p + 1) == "it") else { continue };
            if let Some(np) = self.np_left(p, k + 1).filter(|&np| np.0 == k + 1 && self.plausible_speaker(np)) {
                let cue = doc.tokens[p].span.cover(doc.tokens[p + 1].span);
                return self.found(Rule::According, cue, np);
            }
        }
        None
    }

    /// Rule 2a: a quotation that ends its paragraph, signed on a line of
    /// its own: `“…”` / `- Bernie Sanders.` / `— Michelle Marks, Philadelphia.`
    fn dash_line(&mut self, q: &Quote) -> Option<Attribution> {
        let doc = self.doc;
        let pi = doc.paragraph_at(q.span.end.saturating_sub(1))?;
        let para = doc.paragraphs[pi];
        if pi + 1 >= doc.paragraphs.len() || doc.token_at_or_after(q.span.end) < para.tokens.1 {
            return None;
        }
        let (a, b) = doc.paragraphs[pi + 1].tokens;
        if b <= a + 1 || b - a > 16 || !(is_dash_token(self.tok(a)) || self.tok(a) == "-") {
            return None;
        }
        let end = (a + 1..b).find(|&t| matches!(self.tok(t), "," | "." | ";" | "(")).unwrap_or(b);
        // A name, not a heading between dashes (`– An immigrant himself –`).
        if (a + 1..b).any(|t| is_dash_token(self.tok(t)) || self.tok(t) == "-") {
            return None;
        }
        let np = self.np_right(a + 1, end).filter(|&np| self.strong_speaker(np))?;
        self.found(Rule::Dash, doc.tokens[a].span, np)
    }

    /// Rule 2b: a transcript's speaker label opens the paragraph of the
    /// quotation, inside or outside its marks: `"PENCE: Well, …"`,
    /// `"WALLACE: But, Governor, … as “The Wall Street Journal” wrote`.
    fn label(&mut self, q: &Quote) -> Option<Attribution> {
        let doc = self.doc;
        let pi = doc.paragraph_at(q.span.start)?;
        let (a, b) = doc.paragraphs[pi].tokens;
        let mut t = a;
        while t < b && !self.is_word(t) && self.tok(t).chars().all(is_quote_mark) {
            t += 1;
        }
        let c = (t + 1..b.min(t + 5)).find(|&k| self.tok(k) == ":")?;
        if c >= doc.token_at_or_after(q.span.end) {
            return None;
        }
        let words = (t..c).all(|k| self.is_word(k) && self.tok(k).starts_upper() || self.tok(k) == ".");
        let first = self.tok(t);
        let caps = first.len() > 1 && first.chars().all(|ch| ch.is_uppercase() || ch == '.');
        let person = self.ents.mention_at_token(t).is_some_and(|m| m.tokens.1 == c && self.ents.entities[m.entity].kind == EntityKind::Person);
        // Not a heading: `UPDATE:`, `EDITOR'S NOTE:`.
        let heading = matches!(first, "UPDATE" | "UPDATED" | "NOTE" | "EDITOR" | "EDITORS" | "BREAKING" | "WATCH" | "READ" | "CORRECTION" | "CLARIFICATION" | "VIDEO" | "PHOTOS" | "RELATED");
        if !words || !(caps || person) || heading {
            return None;
        }
        self.found(Rule::Colon, doc.tokens[c].span, (t, c))
    }

    /// Rule 3a: no cue, but a noun of speech owned by the speaker just
    /// before the quotation: `Contrary to his claim that people would “…”`,
    /// `Bolton's view that …`, `over her remark that “…”`.
    fn possessive(&mut self, q: &Quote) -> Option<Attribution> {
        let doc = self.doc;
        let qs = doc.token_at_or_after(q.span.start);
        let si = doc.sentence_at(q.span.start)?;
        let lo = doc.sentences[si].tokens.0;
        // The noun, then at most `that`, `of`, `on` and a few words of the
        // complement before the quotation.
        let noun = (lo.max(qs.saturating_sub(8))..qs).rev().find(|&k| {
            !self.in_quote[k] && lexicon::is_speech_noun(self.tok(k))
        })?;
        // Not `played down Trump's comments as “…”`: that names them.
        if (noun + 1..qs).any(|t| self.in_quote[t] || matches!(self.tok(t), "," | ";" | ":" | "—" | "–" | "(" | ")" | "as")) {
            return None;
        }
        // The owner: `his`, `her`, `their`, or `X's`, an adjective or two
        // before the noun (`his past comments`, `Bornstein's earlier missive`).
        let mut o = noun;
        while o > lo && o + 3 > noun && self.is_word(o - 1) && self.tok(o - 1).starts_lower() && !matches!(self.tok(o - 1), "his" | "her" | "their" | "its") {
            o -= 1;
        }
        if o == lo {
            return None;
        }
        let w = self.tok(o - 1);
        let np = if matches!(w, "his" | "her" | "their") {
            (o - 1, o)
        } else if matches!(w, "’s" | "'s" | "’" | "'") && o >= lo + 2 {
            let m = self.speaker_mention(o - 2)?;
            m.tokens
        } else {
            return None;
        };
        let speaker = self.speaker_of(np);
        Some(Attribution { speaker: Some(speaker), cue: Some(doc.tokens[noun].span), rule: Some(Rule::Possessive), confidence: Rule::Possessive.confidence() })
    }

    /// Rule 4: `Frank Newport and Jim Harter: “…”`.
    fn colon(&mut self, q: &Quote) -> Option<Attribution> {
        let doc = self.doc;
        let qs = doc.token_at_or_after(q.span.start);
        let si = doc.sentence_at(q.span.start)?;
        let lo = doc.sentences[si].tokens.0;
        if qs < lo + 2 || self.tok(qs - 1) != ":" {
            return None;
        }
        let np = self.np_left(qs - 1, lo)?;
        // Only a name: `The reason:` is not a speaker; nor is the medium
        // the words came in (`saying in a post on Twitter:`).
        let named = (np.0..np.1).any(|t| self.speaker_mention(t).is_some());
        if !named || (np.0 > lo && matches!(self.tok(np.0 - 1), "on" | "in" | "via" | "at")) {
            return None;
        }
        self.found(Rule::Colon, doc.tokens[qs - 1].span, np)
    }

    /// Rule 5: no cue in the quotation's sentence; the paragraph so far has one.
    fn paragraph(&mut self, q: &Quote, qi: usize, quotes: &[Quote], done: &[Attribution]) -> Option<Attribution> {
        let doc = self.doc;
        let si = doc.sentence_at(q.span.start)?;
        let pi = doc.sentences[si].paragraph;
        // The previous quotation of this paragraph, when attributed.
        if qi > 0 && doc.paragraph_at(quotes[qi - 1].span.start) == Some(pi) {
            let a = done[qi - 1];
            if a.speaker.is_some() {
                return Some(Attribution { rule: Some(Rule::Paragraph), confidence: Rule::Paragraph.confidence(), ..a });
            }
        }
        // A cue in the previous sentence of the paragraph: `X told Bloomberg
        // in May. “…”`; its first, whose complement holds the others (`X
        // said she was angered by the media declaring …`).
        if si == 0 || doc.sentences[si - 1].paragraph != pi {
            return None;
        }
        let (lo, hi) = doc.sentences[si - 1].tokens;
        for k in lo..hi {
            if self.is_cue(k) {
                let np = self.np_left(k, lo).or_else(|| {
                    lexicon::is_finite_speech_verb(self.tok(k)).then(|| self.np_right(k + 1, hi)).flatten()
                });
                if let Some(np) = np {
                    return self.found(Rule::Paragraph, doc.tokens[k].span, np);
                }
            }
        }
        None
    }

    /// Rule 6: the previous paragraph ends with a colon: `Caddell continued:`.
    fn intro(&mut self, q: &Quote) -> Option<Attribution> {
        let doc = self.doc;
        let pi = doc.paragraph_at(q.span.start)?;
        if pi == 0 || doc.paragraphs[pi].span.start != q.span.start {
            return None;
        }
        let prev = doc.paragraphs[pi - 1];
        let (lo, hi) = prev.tokens;
        if hi == lo || self.tok(hi - 1) != ":" {
            return None;
        }
        let lo = doc.sentences[prev.sentences.1 - 1].tokens.0.max(lo);
        for k in (lo..hi - 1).rev() {
            if self.is_cue(k) {
                if let Some(np) = self.np_left(k, lo).or_else(|| self.np_right(k + 1, hi - 1)) {
                    return self.found(Rule::Intro, doc.tokens[k].span, np);
                }
            }
        }
        // `On July 6, Sanders made the following comment:`: the subject of
        // the introducing sentence.
        let last = prev.sentences.1 - 1;
        if let Some(np) = self.leading_np(last, hi - 1) {
            if lexicon::pronoun(self.tok(np.0)).is_none_or(|_| np.1 - np.0 == 1) {
                let speaker = self.speaker_of(np);
                return Some(Attribution {
                    speaker: Some(speaker),
                    cue: Some(doc.tokens[hi - 1].span),
                    rule: Some(Rule::Intro),
                    confidence: Rule::Intro.confidence() - 0.1,
                });
            }
        }
        // `From Chairwoman X:`: the phrase itself names the speaker.
        let start = if self.tok(lo).eq_ignore_ascii_case("from") { lo + 1 } else { lo };
        if hi - 1 - start <= 6 {
            if let Some(np) = self.np_right(start, hi - 1) {
                if self.ents.mention_at_token(np.0).is_some() || self.ents.mention_at_token(np.1 - 1).is_some() {
                    let cue = doc.tokens[hi - 1].span;
                    return self.found(Rule::Intro, cue, np);
                }
            }
        }
        None
    }

    /// Rule 7: a paragraph that is only a quotation, with no cue.
    fn carry(&mut self, q: &Quote, qi: usize, quotes: &[Quote], done: &[Attribution]) -> Option<Attribution> {
        let doc = self.doc;
        let pi = doc.paragraph_at(q.span.start)?;
        let para = doc.paragraphs[pi];
        if pi == 0 || para.span.start != q.span.start || q.span.end < para.span.end.saturating_sub(1) {
            return None;
        }
        let prev = doc.paragraphs[pi - 1];
        // The previous paragraph's last quotation, when attributed.
        if qi > 0 && prev.span.contains(quotes[qi - 1].span) {
            let a = done[qi - 1];
            if let Some(speaker) = a.speaker {
                return Some(Attribution { speaker: Some(speaker), cue: a.cue, rule: Some(Rule::Carry), confidence: Rule::Carry.confidence() });
            }
            return None;
        }
        // Otherwise the subject of the previous paragraph's first sentence, when a person.
        let s0 = doc.sentences[prev.sentences.0];
        let m = *self.ents.mention_at_token(s0.tokens.0)?;
        if self.ents.entities[m.entity].kind != EntityKind::Person {
            return None;
        }
        Some(Attribution {
            speaker: Some(Speaker { span: m.span, entity: Some(m.entity) }),
            cue: None,
            rule: Some(Rule::Carry),
            confidence: Rule::Carry.confidence(),
        })
    }

    /// Whether a word that is both a noun and a speech verb (`email`,
    /// `calls`, `reports`) is used as a noun here: a determiner or
    /// preposition a few words before it (`her private email`, `a nervous
    /// call`), with nothing but adjectives between. An `-ed` word right
    /// after a determiner is an adjective (`her recovered emails`, `a
    /// prepared text`), and adjectives may be coordinated (`Trump’s absurd
    /// and factually inaccurate claim`, `another, more sympathetic tweet`).
    fn is_noun_use(&self, i: usize) -> bool {
        let t = self.tok(i).to_ascii_lowercase();
        let base = t.strip_suffix('s').filter(|_| !t.ends_with("ss")).unwrap_or(&t);
        let base = base.strip_suffix('e').filter(|b| b.ends_with("ss") || b.ends_with("ch") || b.ends_with("sh")).unwrap_or(base);
        if !lexicon::is_noun_like_cue(base) {
            return false;
        }
        // At most three words before it; one `and` or comma between two
        // lower-case words, and adverbs of adjectives, do not count.
        let (mut words, mut joined) = (0, false);
        let mut k = i;
        while k > 0 && words < 3 {
            k -= 1;
            let w = self.tok(k);
            let lower = |t: usize| self.is_word(t) && self.tok(t).starts_lower();
            if (w == "," || w == "and") && !joined && k + 1 < i && k > 0 && lower(k - 1) && lower(k + 1) {
                joined = true;
                continue;
            }
            if !self.is_word(k) {
                return matches!(w, "’s" | "'s");
            }
            if is_determiner(w) || matches!(w, "in" | "of" | "on" | "for" | "with" | "from" | "by" | "to" | "at" | "about") {
                return true;
            }
            // `whom her aides call`, `its critics charge`: a plural noun
            // right before the bare form is its subject.
            let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") && w != "news";
            if k + 1 == i && plural && w.starts_lower() && base == t {
                return false;
            }
            // An adverb of an adjective (`factually inaccurate`), not of the
            // verb (`he publicly claims`), does not count.
            if w.ends_with("ly") && w.starts_lower() && k + 1 < i && self.is_word(k + 1) {
                continue;
            }
            // A verb or a subject pronoun before it makes it a verb; not an
            // adjective in `-ed` after a determiner (`The Associated Press
            // warns`: a name, not an adjective).
            let adjective = w.ends_with("ed") && w.starts_lower() && k > 0 && is_determiner(self.tok(k - 1));
            if lexicon::pronoun(w).is_some() || lexicon::is_verb_filler(w) || (w.ends_with("ed") && !adjective) {
                return false;
            }
            words += 1;
        }
        false
    }

    /// Whether an `-ing` word is a noun or modifies the noun after it:
    /// after a determiner and an adjective, before a lower-case word (`his
    /// lucrative speaking tour`, `a verbal lashing she gave`), not after a
    /// noun that can speak (`the crowd chanting slogans`).
    fn is_modifier(&self, i: usize) -> bool {
        let t = self.tok(i);
        if !t.ends_with("ing") || i < 2 || i + 1 >= self.doc.tokens.len() {
            return false;
        }
        let (adj, next) = (self.tok(i - 1), self.tok(i + 1));
        let lower = |k: usize, w: &str| self.is_word(k) && !self.in_quote[k] && w.starts_lower();
        is_determiner(self.tok(i - 2))
            && lower(i - 1, adj)
            && lower(i + 1, next)
            && !lexicon::is_role_noun(adj)
            && !lexicon::is_speaker_noun(adj)
            && !lexicon::ends_noun_phrase(next)
            && !is_determiner(next)
    }

    /// Rule 4a: the sentence ends with its attribution, set off by a comma,
    /// after other words than the quotation (`The program was a “good
    /// thing” that yielded results, he remarked.`).
    fn closing(&mut self, q: &Quote) -> Option<Attribution> {
        let doc = self.doc;
        let start = doc.token_at_or_after(q.span.end);
        let si = doc.sentence_at(q.span.end.saturating_sub(1))?;
        let hi = doc.sentences[si].tokens.1;
        // The first cue after the quotation and its speaker phrase, or else
        // the last (`“…” that would respond to requests from X, Y wrote`).
        let cues = || (start + 1..hi).filter(|&k| !self.in_quote[k] && self.is_cue(k));
        let (first, last) = (cues().next()?, cues().next_back()?);
        let (k, np) = self.closing_speaker(first, start, hi).map(|np| (first, np)).or_else(|| self.closing_speaker(last, start, hi).map(|np| (last, np)))?;
        self.found(Rule::After, doc.tokens[k].span, np)
    }

    /// The speaker of the cue at `k` that closes the sentence ending at
    /// `hi`, the quotation before `start`: `, X said` or `, said X`, with
    /// nothing after but a few words of time or place, or an apposition to
    /// the inverted speaker.
    fn closing_speaker(&self, k: usize, start: usize, hi: usize) -> Option<(usize, usize)> {
        let before = self.np_left(k, start).filter(|&np| np.0 > start && self.tok(np.0 - 1) == "," && self.strong_speaker(np));
        // Or inverted: `…, forcing her to fend off both, said Brad Bannon, a
        // Democratic pollster.`
        let inverted = || {
            (self.tok(k - 1) == "," && lexicon::is_finite_speech_verb(self.tok(k))).then(|| self.np_right(k + 1, hi)).flatten().filter(|&np| self.strong_speaker(np))
        };
        let np = before.or_else(inverted)?;
        let from = if np.0 > k { np.1 } else { k + 1 };
        let tail = (from..hi).take_while(|&t| !matches!(self.tok(t), "." | "!" | "?" | ";")).count();
        if (tail > 6 && !(np.0 > k && self.tok(from) == ",")) || (from..from + tail).any(|t| self.in_quote[t]) {
            return None;
        }
        Some(np)
    }

    /// Rule 5a: no cue, but the quotation's sentence opens with its subject,
    /// a name, pronoun or role (`He also shared a report … “…”`, `The
    /// statement talked about giving voters the right to “…”`): theirs,
    /// rather than the previous sentence's speaker.
    fn leading_subject(&mut self, q: &Quote) -> Option<Attribution> {
        let doc = self.doc;
        let qs = doc.token_at_or_after(q.span.start);
        let si = doc.sentence_at(q.span.start)?;
        let np = self.leading_np(si, qs)?;
        let speaker = self.speaker_of(np);
        Some(Attribution { speaker: Some(speaker), cue: None, rule: Some(Rule::Subject), confidence: Rule::Subject.confidence() })
    }

    /// The subject that opens sentence `si`, before token `qs`: a person or
    /// organisation, a pronoun, or a role phrase.
    fn leading_np(&self, si: usize, qs: usize) -> Option<(usize, usize)> {
        self.leading_np_with(si, qs, true)
    }

    /// [`Ctx::leading_np`]; with `strong` false, a phrase that only can
    /// name a speaker ([`Ctx::plausible_speaker`]) will do.
    fn leading_np_with(&self, si: usize, qs: usize, strong: bool) -> Option<(usize, usize)> {
        let lo = self.doc.sentences[si].tokens.0;
        let mut a = lo;
        // `And then he promised …`, `Instead, the statement …`, `On her
        // Facebook page, Palin posted …`.
        while a < qs && matches!(self.tok(a).to_ascii_lowercase().as_str(), "and" | "but" | "so" | "then" | "yet" | "still" | "instead" | "meanwhile" | "later" | "also" | "now" | ",") {
            a += 1;
        }
        // `CONGRESS HAS INVESTIGATED HIM — Oz's advice …`: a run-in
        // heading; `WASHINGTON, Dec. 8 (UPI) — …`: a dateline.
        if let Some(dash) = (a + 3..qs.min(a + 12)).find(|&t| self.is_run_in_heading((a, t)) || self.is_dateline((a, t))) {
            a = dash + 1;
        }
        // `Conversely, PolitiFact rated …`: a sentence adverb and its comma.
        if a + 2 < qs && self.tok(a + 1) == "," && self.tok(a).ends_with("ly") && self.tok(a).starts_upper() && self.ents.mention_at_token(a).is_none() {
            a += 2;
        }
        // `As The Post's Ruth Marcus puts it, …`, `As Clinton told the Daily
        // News, …`: the attribution clause names the source.
        if a + 2 < qs && self.tok(a).eq_ignore_ascii_case("as") {
            if let Some(c) = (a + 1..qs.min(a + 16)).find(|&t| self.tok(t) == ",") {
                if let Some(k) = (a + 2..c).find(|&k| self.is_cue(k) || matches!(self.tok(k), "put" | "puts")) {
                    if let Some(np) = self.np_left(k, a + 1).filter(|&np| self.strong_speaker(np)) {
                        return Some(np);
                    }
                }
            }
        }
        if a < qs && self.ents.mention_at_token(a).is_none() && lexicon::pronoun(self.tok(a)).is_none() {
            if let Some(c) = (a..qs.min(a + 20)).find(|&t| self.tok(t) == ",") {
                // `In one exchange between Clinton and Mills, Mills forwards`,
                // `Filling in for Sanders, West landed …`, `Ever since she
                // endorsed Clinton, Ms. Warren has been …`.
                let first = self.tok(a);
                let opener = is_subordinator(first)
                    || matches!(first.to_ascii_lowercase().as_str(), "on" | "in" | "at" | "after" | "with" | "for" | "by" | "from" | "ever")
                    || (first.ends_with("ing") && first.len() > 5);
                let names = (a..c).any(|t| self.ents.mention_at_token(t).is_some_and(|m| self.ents.entities[m.entity].kind == EntityKind::Person));
                // A title before the name: `…, President Obama is rolling out`.
                let mut n = c + 1;
                while n + 1 < qs && lexicon::is_person_title(self.tok(n)) {
                    n += 1;
                }
                let subject_follows = n < qs
                    && (lexicon::pronoun(self.tok(n)).is_some()
                        || self.ents.mention_at_token(n).is_some_and(|m| m.tokens.0 == n && self.ents.entities[m.entity].kind == EntityKind::Person));
                if opener && (!names || subject_follows) {
                    a = c + 1;
                    // `On July 6, 2015, Sanders …`: the year after the date.
                    if a + 1 < qs && self.tok(a).bytes().all(|b| b.is_ascii_digit()) && self.tok(a + 1) == "," {
                        a += 2;
                    }
                }
            }
        }
        if a + 1 >= qs || self.in_quote[a] || is_subordinator(self.tok(a)) {
            return None;
        }
        let np = if lexicon::pronoun(self.tok(a)).is_some() {
            // `it` only as the subject of a verb in the past (`Meanwhile, it
            // attacked Trump, saying …`), not `It is …`, `It's …`.
            let it_acts = matches!(self.tok(a), "it" | "It") && {
                let v = self.tok(a + 1);
                v.ends_with("ed") && v.starts_lower() || self.is_cue(a + 1)
            };
            if matches!(self.tok(a), "his" | "her" | "him") || matches!(self.tok(a), "it" | "It") && !it_acts {
                return None;
            }
            (a, a + 1)
        } else if let Some(m) = self.ents.mention_at_token(a).filter(|m| m.tokens.0 == a) {
            if self.ents.entities[m.entity].kind == EntityKind::Location {
                return None;
            }
            m.tokens
        } else {
            // `The Rove ad hits Clinton`: the phrase ends before its verb.
            let (a, b) = self.np_right(a, qs)?;
            let b = (a + 1..b)
                .find(|&t| {
                    let w = self.tok(t);
                    w.starts_lower() && (w.ends_with('s') || w.ends_with("ed")) && !is_determiner(self.tok(t - 1))
                        && !lexicon::is_role_noun(w) && !lexicon::is_speaker_noun(w)
                })
                .unwrap_or(b);
            // `Carly Fiorina threw her support behind Sen. Ted Cruz`: the
            // subject ends with its first name, wherever the tagger began it.
            let b = (a..b)
                .find_map(|t| {
                    self.speaker_mention(t)
                        .map(|m| m.tokens.1.min(b))
                        .or_else(|| self.known_name(t).map(|_| t + 1))
                })
                .unwrap_or(b);
            if !(if strong { self.strong_speaker((a, b)) } else { self.plausible_speaker((a, b)) }) {
                return None;
            }
            (a, b)
        };
        Some(np)
    }

    /// Rule 8: the subject of the quotation's sentence, when it comes first.
    fn subject(&mut self, q: &Quote) -> Option<Attribution> {
        let doc = self.doc;
        let qs = doc.token_at_or_after(q.span.start);
        let si = doc.sentence_at(q.span.start)?;
        if doc.sentences[si].tokens.0 >= qs {
            return None;
        }
        let np = self.sentence_subject(qs)?;
        let speaker = self.speaker_of(np);
        speaker.entity?;
        Some(Attribution { speaker: Some(speaker), cue: None, rule: Some(Rule::Subject), confidence: Rule::Subject.confidence() })
    }

    /// The subject phrase ending just before the cue at `cue`, not before `lo`.
    fn np_left(&self, cue: usize, lo: usize) -> Option<(usize, usize)> {
        let mut k = cue;
        // Skip auxiliaries and adverbs: `Kim was heard saying`, `he later said`.
        while k > lo && self.is_word(k - 1) && lexicon::is_verb_filler(self.tok(k - 1)) && lexicon::pronoun(self.tok(k - 1)).is_none() {
            k -= 1;
        }
        // `Sen. Chuck Schumer (D-N.Y.) said`: a parenthesis after the name;
        // `Gingrich — mentioned by Newsmax as … — told`: one between dashes.
        if k > lo + 1 && self.tok(k - 1) == ")" {
            if let Some(open) = (lo.max(k.saturating_sub(10))..k - 1).rev().find(|&t| self.tok(t) == "(") {
                k = open;
            }
        } else if k > lo + 2 && is_dash_token(self.tok(k - 1)) {
            if let Some(open) = (lo + 1..k - 2).rev().take(24).find(|&t| is_dash_token(self.tok(t)) && !self.in_quote[t]) {
                k = open;
            }
        }
        if k == lo {
            return None;
        }
        // A pronoun subject: `he said`, `it stated`, `who told`.
        if self.is_word(k - 1) && (lexicon::pronoun(self.tok(k - 1)).is_some() || matches!(self.tok(k - 1), "who" | "which")) {
            return Some((k - 1, k));
        }
        // Commas before the verb: an apposition; the second may close a
        // quotation in it (`Hale, whom colleagues call “the Cassandra of
        // Wall Street,” told`), and commas inside quotations do not count.
        let quoted_comma = k >= lo + 2 && self.in_quote[k - 1] && self.tok(k - 1).chars().all(is_quote_mark) && self.tok(k - 2) == ",";
        if self.tok(k - 1) == "," || quoted_comma {
            let mut j = k - 1;
            let floor = lo.max(k.saturating_sub(40));
            let to_comma = |mut j: usize| {
                while j > floor && (self.tok(j - 1) != "," || self.in_quote[j - 1]) {
                    j -= 1;
                }
                j
            };
            j = to_comma(j);
            // `Swanson, who is a pastor at the Reformation Church of
            // Elizabeth, Colorado, slammed`: a place after a comma belongs
            // to the phrase before it.
            if j > floor + 1 && self.ents.mention_at_token(j).is_some_and(|m| m.tokens == (j, k - 1) && self.ents.entities[m.entity].kind == EntityKind::Location) {
                j = Some(to_comma(j - 1)).filter(|&i| i > floor).unwrap_or(j);
            }
            if j > floor && j < k - 1 {
                let first = self.tok(j);
                let descriptive = matches!(first.to_ascii_lowercase().as_str(), "a" | "an" | "the" | "who" | "whose" | "which" | "who's")
                    || first.starts_lower()
                    // `Ramos, 58, told`: an age.
                    || (j..k - 1).all(|t| self.tok(t).chars().all(|c| c.is_ascii_digit()));
                // `In the email, Ash described the move as a “breach,”
                // adding`: a clause, not an apposition, ends in the quotation.
                if quoted_comma && !descriptive {
                    return None;
                }
                let is_name = (j..k - 1).all(|t| {
                    self.tok(t).starts_upper() || matches!(self.tok(t), "’s" | "'s" | "." | "-" | "of")
                });
                if !descriptive && is_name && self.speaker_mention(j).is_some() {
                    // `X, the editor in chief of the Vatican's newspaper,
                    // L'Osservatore Romano, said`: the name names the
                    // description, which is X's, a person's name before it.
                    let p = j - 1;
                    let outer = (floor..p).rev().take_while(|&t| self.tok(t) != "," || self.in_quote[t]).last();
                    if let Some(d) = outer.filter(|&d| d > lo + 1 && d < p && self.tok(d - 1) == ",") {
                        let first = self.tok(d);
                        let described = matches!(first, "a" | "an" | "the") || first.starts_lower();
                        let person = self.ents.mention_at_token(d - 2).filter(|m| m.tokens.1 == d - 1 && self.ents.entities[m.entity].kind == EntityKind::Person);
                        if let Some(m) = person.filter(|_| described) {
                            return Some(m.tokens);
                        }
                    }
                    // `Ms. Merkel's spokesman, Steffen Seibert, wrote`: the name.
                    return Some((j, k - 1));
                }
                // `X, a doctor at Y, said` / `Jeff Weaver, Sanders’ campaign manager, said`: X.
                k = j - 1;
                // `Cecelia Purner, 67, a retired … in Allentown, Pa., said`: an age before.
                if k > lo + 2 && self.tok(k - 1).bytes().all(|c| c.is_ascii_digit()) && self.tok(k - 2) == "," {
                    k -= 2;
                }
                // `Marco Rubio, whose hometown, Miami, is projected to …,
                // argues`: a verb ends a relative clause opened further
                // back; the subject is before its `, whose`.
                if matches!(first, "is" | "was" | "are" | "were" | "has" | "had") {
                    if let Some(r) = (floor + 1..k).rev().find(|&t| matches!(self.tok(t), "who" | "whose" | "which") && self.tok(t - 1) == ",") {
                        k = r - 1;
                    }
                }
                // `Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said`.
                if k > lo + 1 && self.tok(k - 1) == ")" {
                    if let Some(open) = (lo.max(k.saturating_sub(10))..k - 1).rev().find(|&t| self.tok(t) == "(") {
                        k = open;
                    }
                }
            } else {
                return None;
            }
        }
        // `Beck, who has in the past described`: step over a time phrase.
        if k > lo + 1 && is_time_word(self.tok(k - 1)) {
            let mut j = k - 1;
            while j > lo && (self.is_word(j - 1) && (is_determiner(self.tok(j - 1)) || is_time_word(self.tok(j - 1)))) {
                j -= 1;
            }
            if j > lo && matches!(self.tok(j - 1), "in" | "on" | "at" | "during" | "over" | "last" | "this" | "earlier" | "later") {
                j -= 1;
                while j > lo && self.is_word(j - 1) && lexicon::is_verb_filler(self.tok(j - 1)) && lexicon::pronoun(self.tok(j - 1)).is_none() {
                    j -= 1;
                }
                if j > lo && self.is_word(j - 1) && (lexicon::pronoun(self.tok(j - 1)).is_some() || matches!(self.tok(j - 1), "who" | "which")) {
                    return Some((j - 1, j));
                }
                k = j;
            }
        }
        let end = k;
        let mut start = k;
        while start > lo && start + 8 > end {
            let t = self.tok(start - 1);
            // A name is part of the phrase even when it spells a function
            // word (`Will described`, `May said`).
            let named = self.speaker_mention(start - 1).is_some();
            let ok = if self.is_word(start - 1) {
                // `the mother of three`, `Secretary of State`: `of` joins nouns.
                let of = t == "of" && start < end && start >= lo + 2 && self.is_word(start - 2) && !lexicon::ends_noun_phrase(self.tok(start - 2));
                // `meddling the congressman said`: a participle is no part of the subject.
                let participle = t.ends_with("ing") && t.starts_lower() && t.len() > 4 && !named;
                (named || of || !lexicon::ends_noun_phrase(t)) && !participle && !self.is_cue(start - 1) && !self.in_quote[start - 1]
            } else {
                matches!(t, "’s" | "'s" | "’" | "&")
            };
            if !ok {
                break;
            }
            start -= 1;
            if lexicon::pronoun(t).is_some() {
                break;
            }
        }
        if start >= end || !self.is_word(start) {
            return None;
        }
        // `a White House official who spoke anonymously to discuss strategy
        // said`, `The man who shot the deputy said`: the phrase ends a
        // relative clause, whose noun, before `who`, is the subject.
        if let Some(np) = self.relative_head((start, end), lo) {
            return Some(np);
        }
        // `Protesters marching through the streets chanted`, `Officials in
        // Washington said`: the phrase is a place; who spoke comes before it.
        if start >= lo + 2 && matches!(self.tok(start - 1), "through" | "in" | "at" | "from" | "outside" | "near" | "across" | "around" | "inside") {
            let mut j = start - 1;
            let w = self.tok(j - 1);
            if w.ends_with("ing") && w.starts_lower() && j >= lo + 2 {
                j -= 1;
            }
            let person = (start..end).any(|t| self.ents.mention_at_token(t).is_some_and(|m| self.ents.entities[m.entity].kind == EntityKind::Person));
            if !person && self.is_word(j - 1) && !self.is_cue(j - 1) {
                let mut a = j;
                while a > lo && a + 4 > j && self.is_word(a - 1) && !lexicon::ends_noun_phrase(self.tok(a - 1)) && !self.is_cue(a - 1) && !self.in_quote[a - 1] {
                    a -= 1;
                }
                if a < j && self.strong_speaker((a, j)) && lexicon::pronoun(self.tok(a)).is_none() {
                    return Some((a, end));
                }
            }
        }
        Some((start, end))
    }

    /// The noun phrase before a restrictive relative clause (`who` or
    /// `which` and no comma) that the words before `start` continue: the
    /// subject of the verb after that clause. Not across a comma, a
    /// quotation or other punctuation, and not when the phrase from
    /// `start` to `end` is the clause's own subject (`one which historian
    /// John Baick calls`) rather than its verb and object (`who shot the
    /// deputy`: a lower-case first word, then a determiner or `-ed`). A
    /// role with a name before it in apposition is that name (`Geoff
    /// Garin, a pollster who is working with …, said`).
    fn relative_head(&self, (start, end): (usize, usize), lo: usize) -> Option<(usize, usize)> {
        let w = (lo.max(start.saturating_sub(12))..start)
            .rev()
            .take_while(|&t| self.is_word(t) && !self.in_quote[t])
            .find(|&t| matches!(self.tok(t), "who" | "which"))?;
        let first = self.tok(start);
        let verb = first.starts_lower() && (first.ends_with("ed") || (start + 1..end).any(|t| is_determiner(self.tok(t))));
        if (w + 1 == start && !verb) || w <= lo || !self.is_word(w - 1) || self.in_quote[w - 1] {
            return None;
        }
        let np = self.np_left(w, lo).filter(|&np| self.plausible_speaker(np))?;
        if np.0 > lo + 1 && self.tok(np.0 - 1) == "," {
            if let Some(m) = self.speaker_mention(np.0 - 2).filter(|m| m.tokens.1 == np.0 - 1) {
                return Some(m.tokens);
            }
        }
        Some(np)
    }

    /// The subject of the sentence holding token `k`: its first person or
    /// organisation mention, or personal pronoun, before `k`.
    fn sentence_subject(&self, k: usize) -> Option<(usize, usize)> {
        let si = self.doc.sentence_at(self.doc.tokens[k].span.start)?;
        let lo = self.doc.sentences[si].tokens.0;
        for t in self.subject_clause_start(lo, k)..k {
            if self.in_quote[t] {
                continue;
            }
            if let Some(m) = self.speaker_mention(t).filter(|m| m.tokens.0 == t) {
                return Some(m.tokens);
            }
            if self.known_name(t).is_some() {
                return Some(self.known_name_tokens(t, lo));
            }
            if matches!(lexicon::pronoun(self.tok(t)), Some((_, _))) && !matches!(self.tok(t), "it" | "It" | "her" | "his" | "him") {
                return Some((t, t + 1));
            }
        }
        None
    }

    /// Where the main clause begins in the sentence from `lo` to `k`, for
    /// finding its subject: after a leading participial phrase or
    /// subordinate clause, at the first comma followed by a name or
    /// pronoun (`Preceded at the lectern by X, the sheriff, Trump
    /// launched …`: not X, nor the apposition after the first comma); else
    /// at `lo`.
    fn subject_clause_start(&self, lo: usize, k: usize) -> usize {
        let a = self.after_conjunctions(lo, k);
        if a >= k {
            return lo;
        }
        let first = self.tok(a);
        let participle = first.starts_upper()
            && first.len() > 4
            && (first.ends_with("ed") || first.ends_with("ing"))
            && self.ents.mention_at_token(a).is_none();
        if !(participle || is_subordinator(first)) {
            return lo;
        }
        (a + 1..k)
            .filter(|&c| self.tok(c) == "," && !self.in_quote[c])
            .find(|&c| {
                let mut n = c + 1;
                while n + 1 < k && lexicon::is_person_title(self.tok(n)) {
                    n += 1;
                }
                n < k && (is_subject_pronoun(self.tok(n)) || self.speaker_mention(n).is_some_and(|m| m.tokens.0 == n))
            })
            .map_or(lo, |c| c + 1)
    }

    /// The phrase starting at `k` (after an inverted cue or `according to`).
    fn np_right(&self, k: usize, hi: usize) -> Option<(usize, usize)> {
        // `shouted to the crowd`, `suggests that Phoenix …`: no subject.
        if k < hi
            && matches!(
                self.tok(k),
                "to" | "at" | "in" | "on" | "for" | "with" | "that" | "of" | "about" | "from" | "by" | "into" | "during" | "after" | "before" | "as" | "via" | "over"
            )
        {
            return None;
        }
        let mut end = k;
        while end < hi && end < k + 8 {
            let t = self.tok(end);
            let ok = if self.is_word(end) {
                (end == k || !lexicon::ends_noun_phrase(t)) && !self.is_cue(end) && !self.in_quote[end]
            } else {
                matches!(t, "’s" | "'s" | "&")
            };
            if !ok {
                break;
            }
            end += 1;
            if end == k + 1 && lexicon::pronoun(t).is_some() {
                break;
            }
        }
        (end > k && self.is_word(k) && !is_quote_mark(self.tok(k).chars().next().unwrap_or(' '))).then_some((k, end))
    }

    /// The speaker mention for a noun phrase: a person or organisation
    /// mention inside it, a pronoun, or the phrase itself.
    fn speaker_of(&mut self, (a, b): (usize, usize)) -> Speaker {
        let doc = self.doc;
        // The person or organisation mention nearest the end of the phrase;
        // not the owner of its head (`Hillary Clinton’s right-hand woman`).
        let owner = |m: &Mention| m.tokens.1 + 1 < b && matches!(self.tok(m.tokens.1), "’s" | "'s" | "’");
        for k in (a..b).rev() {
            if let Some(m) = self.speaker_mention(k).filter(|m| m.tokens.0 >= a) {
                if owner(m) {
                    break;
                }
                // A platform before what was posted on it names no speaker:
                // `her Twitter account`, `Bush's Facebook post`.
                if m.tokens.1 < b && self.ents.entities[m.entity].kind == EntityKind::Organization && is_medium_noun(self.tok(m.tokens.1)) {
                    continue;
                }
                // `Dr. Friederike Otto of Imperial College London said`: the
                // person, not where they work.
                let m = self.affiliated_person(m, a).unwrap_or(m);
                return Speaker { span: m.span, entity: Some(m.entity) };
            }
        }
        if let Some((k, e)) = (a..b).rev().find_map(|k| self.known_name(k).map(|e| (k, e))) {
            let (s, t) = self.known_name_tokens(k, a);
            return Speaker { span: doc.tokens[s].span.cover(doc.tokens[t - 1].span), entity: Some(e) };
        }
        let span = doc.tokens[a].span.cover(doc.tokens[b - 1].span);
        // `Marco Rubio of Florida, who mused`: `who` names the person before it.
        if b - a == 1 && matches!(self.tok(a), "who" | "which") {
            let entity = (a >= 2 && self.tok(a - 1) == ",")
                .then(|| (a.saturating_sub(8)..a - 1).rev().find_map(|t| self.ents.mention_at_token(t)))
                .flatten()
                .filter(|m| self.ents.entities[m.entity].kind != EntityKind::Location)
                .map(|m| m.entity);
            return Speaker { span, entity };
        }
        if b - a == 1 {
            if let Some((gender, plural)) = lexicon::pronoun(self.tok(a)) {
                let entity = if plural {
                    None
                } else if self.tok(a).eq_ignore_ascii_case("it") {
                    self.resolve_it(span.start)
                } else {
                    self.resolve_pronoun(span.start, gender)
                };
                return Speaker { span, entity };
            }
        }
        // An institution named by a phrase: `the ministry`, `South Korea’s presidential office`.
        let head = self.tok(b - 1).to_ascii_lowercase();
        let institution = matches!(
            head.as_str(),
            "office" | "ministry" | "department" | "government" | "agency" | "committee" | "campaign" | "company"
                | "administration" | "council" | "commission" | "police" | "military" | "army" | "spokesman"
                | "spokeswoman" | "spokesperson"
        );
        if institution && !matches!(head.as_str(), "spokesman" | "spokeswoman" | "spokesperson") {
            let name = span.slice(doc.text).to_string();
            let id = self.ents.entities.len();
            self.ents.entities.push(Entity { kind: EntityKind::Organization, name, mentions: vec![span], place: None, gender: None });
            return Speaker { span, entity: Some(id) };
        }
        // A role: `the top U.S. diplomat`, `the president`: the person last
        // introduced with a matching title.
        let entity = self.resolve_role(&head, span.start);
        Speaker { span, entity }
    }

    /// The person most recently introduced with a title that fits `role`
    /// (`diplomat` fits `Secretary of State`, `senator` fits `Sen.`).
    fn resolve_role(&self, role: &str, pos: usize) -> Option<usize> {
        let titles = lexicon::titles_for_role(role)?;
        let doc = self.doc;
        let i = self.ents.mentions.partition_point(|m| m.span.start < pos);
        self.ents.mentions[..i].iter().rev().take(80).find_map(|m| {
            if self.ents.entities[m.entity].kind != EntityKind::Person {
                return None;
            }
            // The capitalised title words right before the mention.
            let a = m.tokens.0;
            let lo = a.saturating_sub(6);
            let titled = (lo..a).rev().take_while(|&k| doc.tokens[k].kind == TokenKind::Word && doc.tok(k).starts_upper() || doc.tok(k) == "of").any(|k| titles.contains(&doc.tok(k)));
            titled.then_some(m.entity)
        })
    }

    /// The mentions before `pos`, nearest first, as far back as a pronoun
    /// looks (40 mentions).
    fn mentions_before(&self, pos: usize) -> impl Iterator<Item = &Mention> + '_ {
        let i = self.ents.mentions.partition_point(|m| m.span.start < pos);
        self.ents.mentions[..i].iter().rev().take(40)
    }

    /// The organisation `it` speaks for (`The ministry … said … it said`):
    /// the nearest organisation named before, outside quotations, in this
    /// sentence or the two before; never a person (more often `it` is a
    /// report or a document, and then no one). A place speaks only as a
    /// country (`Japan said`).
    fn resolve_it(&self, pos: usize) -> Option<usize> {
        let here = self.doc.sentence_at(pos)?;
        self.mentions_before(pos)
            .take_while(|m| self.doc.sentence_at(m.span.start).is_some_and(|s| s + 2 >= here))
            .filter(|m| !self.in_quote[m.tokens.0])
            .find(|m| {
                let e = &self.ents.entities[m.entity];
                e.kind == EntityKind::Organization || e.place.is_some_and(|p| p.feature == crate::passes::entities::gazetteer::Feature::Country)
            })
            .map(|m| m.entity)
    }

    /// The person mentioned last before `pos` whose gender agrees, outside
    /// quotations if there is one (in `“I voted for Trump twice,” she said`,
    /// `she` is the voter named before, not the name she quoted), or rather
    /// the first such person in that mention's sentence, its subject.
    fn resolve_pronoun(&self, pos: usize, gender: Option<Gender>) -> Option<usize> {
        let candidates = || {
            self.mentions_before(pos).filter(|m| {
                let e = &self.ents.entities[m.entity];
                e.kind == EntityKind::Person && (gender.is_none() || e.gender.is_none() || e.gender == gender)
            })
        };
        let nearest = candidates().find(|m| !self.in_quote[m.tokens.0]).or_else(|| candidates().next())?;
        // Of the persons in the sentence of the nearest, the first: the
        // subject (`Justice Sonia Sotomayor, joined by Justice Elena Kagan,
        // dissented. … she wrote`), when it is outside quotations too.
        let (lo, _) = self.doc.sentences.get(self.doc.sentence_at(nearest.span.start)?)?.tokens;
        // (Not one after a preposition: `Over at Morgan Stanley, analyst
        // Joseph Moore was skeptical. He said`.)
        let after_preposition = |m: &Mention| {
            let mut k = m.tokens.0;
            while k > lo && lexicon::is_person_title(self.tok(k - 1)) {
                k -= 1;
            }
            k > lo && matches!(self.tok(k - 1), "at" | "in" | "from" | "by" | "with" | "of" | "for" | "to" | "on" | "about" | "against")
        };
        // (Nor an owner: `Gauff's father, Corey, watched. … he said` is the father.)
        let owner = |m: &Mention| matches!(self.doc.tokens.get(m.tokens.1).map(|t| t.span.slice(self.doc.text)), Some("’s" | "'s"));
        let first = candidates().take_while(|m| m.tokens.0 >= lo).filter(|m| !self.in_quote[m.tokens.0] && !after_preposition(m) && !owner(m)).last();
        Some(first.unwrap_or(nearest).entity)
    }
}

/// The words of [`is_determiner`], packed and sorted for a binary search: less
/// code than a `match`, and integer comparisons.
const DETERMINERS: &[u128] = &[
    pack(b"A"), pack(b"An"), pack(b"Her"), pack(b"His"), pack(b"Its"), pack(b"The"), pack(b"Their"), pack(b"These"),
    pack(b"This"), pack(b"Those"), pack(b"a"), pack(b"an"), pack(b"another"), pack(b"any"), pack(b"each"),
    pack(b"every"), pack(b"her"), pack(b"his"), pack(b"its"), pack(b"my"), pack(b"no"), pack(b"our"), pack(b"some"),
    pack(b"that"), pack(b"the"), pack(b"their"), pack(b"these"), pack(b"this"), pack(b"those"), pack(b"your"),
];

/// Words that make the next word a noun: `the post`, `her statement`.
fn is_determiner(w: &str) -> bool {
    is_listed(DETERMINERS, w)
}

/// Nouns for what is posted on a platform or a site: `Twitter account`, `Facebook post`.
fn is_medium_noun(w: &str) -> bool {
    matches!(w, "account" | "post" | "page" | "feed" | "tweet" | "video" | "channel" | "blog" | "website" | "livestream")
}

/// The lower-case personal pronouns that can be a clause's subject.
fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "I" | "we")
}

/// The words of [`is_clause_break`], packed and sorted for a binary search: less
/// code than a `match`, and integer comparisons.
const CLAUSE_BREAKS: &[u128] = &[
    pack(b"about"), pack(b"after"), pack(b"although"), pack(b"and"), pack(b"because"), pack(b"before"), pack(b"but"),
    pack(b"by"), pack(b"for"), pack(b"if"), pack(b"in"), pack(b"including"), pack(b"of"), pack(b"on"), pack(b"or"),
    pack(b"since"), pack(b"so"), pack(b"than"), pack(b"that"), pack(b"then"), pack(b"though"), pack(b"to"),
    pack(b"until"), pack(b"when"), pack(b"where"), pack(b"whether"), pack(b"which"), pack(b"while"), pack(b"who"),
    pack(b"whom"), pack(b"with"), pack(b"without"),
];

/// Words that open a new clause or a phrase that is no subject: after a
/// quotation, `and said`, `until X said`, `for proposing`.
fn is_clause_break(w: &str) -> bool {
    is_listed_lower(CLAUSE_BREAKS, w)
}

/// The words of [`is_subordinator`], packed and sorted for a binary search: less
/// code than a `match`, and integer comparisons.
const SUBORDINATORS: &[u128] = &[
    pack(b"after"), pack(b"although"), pack(b"as"), pack(b"asked"), pack(b"at"), pack(b"because"), pack(b"before"),
    pack(b"despite"), pack(b"during"), pack(b"if"), pack(b"in"), pack(b"like"), pack(b"on"), pack(b"once"),
    pack(b"since"), pack(b"though"), pack(b"unless"), pack(b"unlike"), pack(b"until"), pack(b"when"),
    pack(b"whereas"), pack(b"whether"), pack(b"while"),
];

/// Words that open a subordinate clause at the start of a sentence.
fn is_subordinator(w: &str) -> bool {
    is_listed_lower(SUBORDINATORS, w)
}

/// The words of [`is_relative`], packed and sorted for a binary search: less
/// code than a `match`, and integer comparisons.
const RELATIVES: &[u128] = &[
    pack(b"after"), pack(b"although"), pack(b"as"), pack(b"because"), pack(b"before"), pack(b"if"), pack(b"since"),
    pack(b"though"), pack(b"until"), pack(b"where"), pack(b"whereas"), pack(b"which"), pack(b"while"), pack(b"who"),
    pack(b"whom"), pack(b"whose"), pack(b"with"),
];

/// Words that open a relative or adverbial clause inside a sentence: a cue
/// after them is that clause's, not in the complement of a cue before.
fn is_relative(w: &str) -> bool {
    is_listed_lower(RELATIVES, w)
}

/// The words of [`is_time_word`], packed and sorted for a binary search: less
/// code than a `match`, and integer comparisons.
const TIME_WORDS: &[u128] = &[
    pack(b"afternoon"), pack(b"april"), pack(b"august"), pack(b"day"), pack(b"days"), pack(b"debate"),
    pack(b"december"), pack(b"evening"), pack(b"february"), pack(b"friday"), pack(b"interview"), pack(b"january"),
    pack(b"july"), pack(b"june"), pack(b"march"), pack(b"monday"), pack(b"month"), pack(b"months"), pack(b"morning"),
    pack(b"night"), pack(b"november"), pack(b"october"), pack(b"past"), pack(b"rally"), pack(b"saturday"),
    pack(b"september"), pack(b"speech"), pack(b"statement"), pack(b"sunday"), pack(b"thursday"), pack(b"time"),
    pack(b"tuesday"), pack(b"wednesday"), pack(b"week"), pack(b"weekend"), pack(b"weeks"), pack(b"year"),
    pack(b"years"),
];

/// Nouns of time that head adverbial phrases, not subjects.
fn is_time_word(w: &str) -> bool {
    // A year: `who in 2010 said`.
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && (w.starts_with("19") || w.starts_with("20")) {
        return true;
    }
    is_listed_lower(TIME_WORDS, w)
}

#[cfg(test)]
mod tests {
    use crate::{annotate, Options};

    #[test]
    fn word_lists_are_sorted() {
        for list in [super::TIME_WORDS, super::DETERMINERS, super::CLAUSE_BREAKS, super::SUBORDINATORS, super::RELATIVES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
    }

    /// `(name, text, expected speaker text, expected entity name)`.
    const CASES: &[(&str, &str, &str, &str)] = &[
        ("after, X said", "“We will win,” Kim Jong Un said.", "Kim Jong Un", "Kim Jong Un"),
        ("after, said X", "“We will win,” said Mike Pompeo.", "Mike Pompeo", "Mike Pompeo"),
        ("before, colon", "Secretary Mike Pompeo said: “We will win.”", "Mike Pompeo", "Mike Pompeo"),
        ("before, that", "President Moon Jae-In said that it was “a decisive step.”", "Moon Jae-In", "Moon Jae-In"),
        ("dash", "“We will win the vote today.” — Mike Pompeo", "Mike Pompeo", "Mike Pompeo"),
        // A pronoun is the subject of the sentence naming the persons before
        // it, not the last person named there.
        (
            "pronoun, the sentence's subject",
            "Justice Sonia Sotomayor, joined by Justice Elena Kagan, dissented. “Today's decision is a power grab,” she wrote.",
            "she",
            "Sonia Sotomayor",
        ),
        // Not an owner: the subject is what the owner has.
        (
            "pronoun, not the owner",
            "Coco Gauff won the final on Saturday. Gauff's father, Corey, watched from the stands. “It was special,” he said.",
            "he",
            "Corey",
        ),
        // A pronoun is the person named outside the quotation, not a name quoted.
        (
            "pronoun past a quoted name",
            "Denise Carver waited in line. “I voted for Nikki Haley twice,” she said.",
            "she",
            "Denise Carver",
        ),
        ("according to", "According to Prime Minister Shinzo Abe, “the alliance is strong.”", "Shinzo Abe", "Shinzo Abe"),
        ("told reporters", "Prime Minister Shinzo Abe told reporters: “The alliance is strong.”", "Shinzo Abe", "Shinzo Abe"),
        ("tweeted", "Mike Pompeo tweeted, “Had a good trip to Seoul today.”", "Mike Pompeo", "Mike Pompeo"),
        ("heard saying", "Kim Jong Un was heard saying, “I am really pleased today.”", "Kim Jong Un", "Kim Jong Un"),
        ("quoted as saying", "Kim Jong Un was quoted as saying “I am really pleased today.”", "Kim Jong Un", "Kim Jong Un"),
        (
            "apposition",
            "“We are ready,” Mike Pence, the vice president of the United States, said.",
            "Mike Pence",
            "Mike Pence",
        ),
        (
            "pronoun",
            "President Donald Trump arrived in Seoul. “We are ready,” he said.",
            "he",
            "Donald Trump",
        ),
        (
            "role",
            "U.S. Secretary of State Mike Pompeo arrived in Seoul. “We are ready,” the top U.S. diplomat said.",
            "the top U.S. diplomat",
            "Mike Pompeo",
        ),
        (
            "same paragraph",
            "“We are ready,” Mike Pompeo said. “The talks went well.”",
            "Mike Pompeo",
            "Mike Pompeo",
        ),
        (
            "participle after a cue",
            "Donald Trump will give a speech on trade, Paul Manafort said, adding that he would also address his “gender gap.”",
            "Paul Manafort",
            "Paul Manafort",
        ),
        (
            "infinitive cue",
            "Hillary Clinton said she would ask Joe Biden to continue the “cancer moonshot” at the White House.",
            "Hillary Clinton",
            "Hillary Clinton",
        ),
        (
            "no speaker in an adjective",
            "On Tuesday, Bernie Sanders went further, endorsing eight state legislative candidates “who embody the spirit of our political revolution.”",
            "Bernie Sanders",
            "Bernie Sanders",
        ),
        (
            "possessive before a noun",
            "Dan Weaver was not impressed with Sanders’ comments, telling reporters, “A lot of people said the governor should step down.”",
            "Dan Weaver",
            "Dan Weaver",
        ),
        (
            "a new clause after a partial quotation",
            "Donald Trump said the deadlock has “kept us safe” and Barack Obama said it was a mistake.",
            "Donald Trump",
            "Donald Trump",
        ),
        (
            "a parenthesis before the speaker",
            "“We will win,” as his father dreamed, Fred Trump said.",
            "Fred Trump",
            "Fred Trump",
        ),
        (
            "an indefinite statement is no speaker",
            "Senator Jessica Mackler issued a statement saying his comment “has no place in American democracy.”",
            "Jessica Mackler",
            "Jessica Mackler",
        ),
        (
            "outer pronoun of a complement",
            "Justice Ruth Bader Ginsburg spoke on Monday. She told ABC that she thinks Trump is a “total opportunist.”",
            "She",
            "Ruth Bader Ginsburg",
        ),
        (
            "outer cue of a complement",
            "At the rally, Donald Trump said that Mitt Romney begged him for an endorsement and “would have dropped to his knees.”",
            "Donald Trump",
            "Donald Trump",
        ),
        (
            "inner cue in a clause of its own",
            "Ted Cruz said the rally went well, after Marco Rubio argued that it was “a disaster.”",
            "Marco Rubio",
            "Marco Rubio",
        ),
        (
            "subject of a sentence without a cue",
            "Jeff Weaver spoke to reporters on Monday. Bernie Sanders also shared a report that his rival was “unfit to serve.”",
            "Bernie Sanders",
            "Bernie Sanders",
        ),
        (
            "subject after an opening phrase",
            "Sarah Palin spoke on Monday. On her Facebook page, Sarah Palin posted a photo with the words “If God is for us, who can be against us?”",
            "Sarah Palin",
            "Sarah Palin",
        ),
        // The platform the words were posted on is no speaker.
        (
            "colon after a platform",
            "Senator Ted Cruz joined the attack, saying in a post on Twitter: “The new email release is a disaster.”",
            "Ted Cruz",
            "Ted Cruz",
        ),
        (
            "sentence subject over a cue further in",
            "Senator Bernie Sanders wants to avoid giving any grist to his opponents, recalling how Hillary Clinton described the plan as “the biggest fairy tale.”",
            "Bernie Sanders",
            "Bernie Sanders",
        ),
        (
            "party in parentheses",
            "“If they did, they should be held accountable,” Sen. John Cornyn (R-Texas) said.",
            "John Cornyn",
            "John Cornyn",
        ),
        (
            "phrasal verb",
            "“They are all here for the free stuff,” Jim Bennett shot back with a laugh.",
            "Jim Bennett",
            "Jim Bennett",
        ),
        (
            "attribution closing the sentence",
            "The program was a “good thing” that yielded good information, Donald Trump remarked on Monday.",
            "Donald Trump",
            "Donald Trump",
        ),
        (
            "exclamation, then a titled name and its cue",
            "“The great state of Alabama is proud to cast its votes!” US Senator Jeff Sessions said as he launched the process.",
            "Jeff Sessions",
            "Jeff Sessions",
        ),
        (
            "horizontal bar",
            "“I just hope that this campaign gives the community the anger to go out and vote.” ― Jorge Falcon",
            "Jorge Falcon",
            "Jorge Falcon",
        ),
        (
            "long apposition",
            "“It has the important virtue of being fiscally responsible,” Leonard E. Burman, director of the centrist Urban-Brookings Tax Policy Center and a professor at the Maxwell School of Syracuse University, said of the plan.",
            "Leonard E. Burman",
            "Leonard E. Burman",
        ),
        (
            "introducing sentence without a cue",
            "On July 6, 2015, Bernie Sanders made the following comment:\n\n“For young people who have dropped out of high school, the jobless rate is over 30 percent.”",
            "Bernie Sanders",
            "Bernie Sanders",
        ),
        (
            "cue in a leading subordinate clause",
            "When Bernie Sanders accused her of being too reliant on Wall Street, Hillary Clinton said “I stood up against the behavior of the banks.”",
            "Hillary Clinton",
            "Hillary Clinton",
        ),
        (
            "party in parentheses before an apposition",
            "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said Sanders has pushed her to be a “stronger” candidate.",
            "Claire McCaskill",
            "Claire McCaskill",
        ),
        (
            "intro colon",
            "From Chairwoman Nancy Pelosi:\n\n“We will pass the bill this week.”",
            "Chairwoman Nancy Pelosi",
            "Nancy Pelosi",
        ),
        (
            "as X put it, after the quotation",
            "The main requirement is a “lawful source of investment income,” as Secretary Jeh Johnson put it.",
            "Jeh Johnson",
            "Jeh Johnson",
        ),
        (
            "as X put it, opening the sentence",
            "As Margarita Simonyan put it in a statement in July, the network is “providing a perspective you won't get elsewhere.”",
            "Margarita Simonyan",
            "Margarita Simonyan",
        ),
    ];

    /// `(name, text, index of the quotation, expected speaker text)`: the
    /// speaker mention of one quotation of the text, whatever its entity.
    const MENTIONS: &[(&str, &str, usize, &str)] = &[
        (
            "the cue closing the sentence, after another cue",
            "The department may search later. \"If State obtains more records, it intends to search them\" that would respond to requests from Judicial Watch, trial counsel Caroline Lewis Wolverton wrote in a court filing.",
            0,
            "Caroline Lewis Wolverton",
        ),
        (
            "`with X` and gerunds: X speaks",
            "Republicans were quick to chime in, with Donald Trump tweeting that it was a disaster for Clinton and asking, \"How can someone with such bad judgement be our next president?\"",
            0,
            "Donald Trump",
        ),
        (
            "an inverted cue closing the sentence, with an apposition",
            "That would create a \"summer of agony\" for Clinton, forcing her to fend off both Trump and Sanders, said Brad Bannon, a Democratic pollster and consultant.",
            0,
            "Brad Bannon",
        ),
        (
            "a quotation without a cue shares the next one's in its sentence",
            "The program was a \"good thing\" that yielded \"frankly good information,\" Trump remarked.",
            0,
            "Trump",
        ),
        (
            "a name, an age, a description ending in a town and its state, then the cue",
            "“I just don't think she's been truthful,” Cecelia Purner, 67, a retired customer service representative in Allentown, Pa., said in an interview.",
            0,
            "Cecelia Purner",
        ),
        (
            "a relative clause ending in a town and its state",
            "Swanson, who is a pastor at the Reformation Church of Elizabeth, Colorado, slammed the Girl Scouts for promoting “lesbianism and abortion” among its members.",
            0,
            "Swanson",
        ),
        (
            "a relative clause with an apposition inside it, then the cue",
            "Marco Rubio, whose hometown, Miami, is projected to be underwater, argues that such efforts will \"destroy our economy.\"",
            0,
            "Marco Rubio",
        ),
        (
            "as X, an apposition, put it",
            "Only a few senators met Garland. As John Cornyn, the No. 2 in the GOP leadership, put it: \"This person will not be confirmed.\"",
            0,
            "John Cornyn",
        ),
        (
            "a gerund cue after a quotation's comma is the subject's, not its object's",
            "The foundation did not want to address “that person,” telling Fox 35 that it is focused on “ending gun violence.”",
            1,
            "foundation",
        ),
        (
            "according to a document by its author: the author",
            "The wage is “about $12 an hour,” according to calculations by Amy Glasmeier of MIT.",
            0,
            "Amy Glasmeier",
        ),
        (
            "a person of an organisation is the speaker, not the organisation",
            "Climate scientist Dr. Friederike Otto of Imperial College London said the flood was “exactly what our models predicted.”",
            0,
            "Friederike Otto",
        ),
        (
            "a person at an organisation, inverted after the quotation",
            "“The water came too fast,” said hydrologist Anna Berg at the University of Bologna.",
            0,
            "Anna Berg",
        ),
        (
            "a cue in a clause after `though` keeps its own pronoun",
            "Senator Ann Roberts said on Monday that she would vote for the bill, though she said “the price is far too high.”",
            0,
            "she",
        ),
        (
            "an attribution set off by commas names the sentence's source",
            "The network, Ann Roberts said in an interview, called the decision “highly significant.”",
            0,
            "Ann Roberts",
        ),
        (
            "no parenthesis after an opening phrase: the cue nearest the quotation",
            "Later in the broadcast, Ann Roberts praised Tom Hale, who has vowed not to buy the cookies because of the “support of new rules.”",
            0,
            "who",
        ),
        (
            "a gerund's subject is not a name after a preposition",
            "The small quarterly has been firm in its opposition to Donald Trump, arguing he is “a danger to the party.”",
            0,
            "The small quarterly",
        ),
        (
            "no cue in a clause of its own after a partial quotation without a comma",
            "Governor Mark Ellis said the plan “works well” every time he thinks about the budget.",
            0,
            "Mark Ellis",
        ),
        (
            "a cue set off by `as` after a partial quotation",
            "The plan is a “regional” measure, as Senator Ann Roberts suggested on Monday.",
            0,
            "Ann Roberts",
        ),
        (
            "a gerund after a clause of its own takes that clause's subject",
            "Senator Ann Roberts arrived at the college in Albany, when Tom Hale interrupted her speech, shouting “no more wars!”",
            0,
            "Tom Hale",
        ),
        (
            "a gerund after `, and he …` takes that pronoun",
            "Governor Mark Ellis praised the plan, and he closed the meeting by urging “a vote this week.”",
            0,
            "he",
        ),
        (
            "a clause of its own with a cue is no own clause: the first cue's subject",
            "Governor Mark Ellis said the plan was late, adding that “a vote this week” would help.",
            0,
            "Mark Ellis",
        ),
        (
            "a cue after a question is its own, after a partial quotation attributed before it",
            "On Tuesday, the former senator Hillary Clinton said she wanted to speak “directly to white people” tonight. “How many times do we have to see this?” Donald Trump said.",
            1,
            "Donald Trump",
        ),
        (
            "a quotation after `“…,” X said.` continues X's",
            "“We are ready,” Mike Pompeo said. “The talks went well?” Moon Jae-In said that they did.",
            1,
            "Mike Pompeo",
        ),
        (
            "no inverted cue after a partial quotation without a comma",
            "City Attorney Brad Holm said in the letter that the advertisement “unmistakably and wrongfully” suggests that Phoenix supports Donald Trump.",
            0,
            "Brad Holm",
        ),
        (
            "a year between the subject and its cue",
            "Obama has had a frosty relationship with McConnell, who in 2010 said the goal was to make Obama a “one-term president.”",
            0,
            "who",
        ),
        (
            "a place phrase after the subject",
            "Protesters marching through the streets chanted “What curfew?” and kept going until nearly 2 a.m.",
            0,
            "Protesters",
        ),
        (
            "a bare participle takes the phrase opening the sentence",
            "In August, several environmental groups granted Mr. Clarke an extension on a court order, saying his “start-up capital was less than expected.”",
            0,
            "several environmental groups",
        ),
        (
            "the opening subject ends with its first name",
            "Carly Fiorina threw her support behind Sen. Ted Cruz on Wednesday, saying it is time to have a “real constitutional conservative in the White House.”",
            0,
            "Fiorina",
        ),
        (
            "a sentence adverb before the subject",
            "Donald Trump spoke first. Conversely, Bernie Sanders rated the Democratic claims as “entirely true” compared to others.",
            0,
            "Bernie Sanders",
        ),
        (
            "a long opening phrase and a titled subject",
            "With Democratic leaders increasingly worried about a lack of passion for Hillary Clinton among young black voters, President Barack Obama is rolling out a new message: “It's about me.”",
            0,
            "Barack Obama",
        ),
        (
            "a relative clause keeps its own subject",
            "Twenty-nine people were injured tonight by an explosion that Mayor Bill de Blasio described as “an intentional act.”",
            0,
            "Bill de Blasio",
        ),
        (
            "a noun of speech and its owner",
            "Donald Trump spoke on Monday. Contrary to his claim that people would “learn nothing,” there would be a wealth of information.",
            0,
            "his",
        ),
        (
            "a noun of speech owned by a name",
            "Harold Bornstein wrote a letter. Bornstein's earlier missive predicted that Trump would be “the healthiest individual ever elected.”",
            0,
            "Bornstein",
        ),
        (
            "a signature line after the quotation",
            "The debate was heated.\n\n“The idea that I would dismantle health care is just wrong.”\n\n- Bernie Sanders.",
            0,
            "Bernie Sanders",
        ),
        (
            "a surname known from elsewhere in the text opens the sentence",
            "Donald Trump and Hillary Clinton debated. Mr. Trump hardly clarified the matter, treating Mrs. Clinton's remark first as a compliment, and, when questioned after the debate, asserting, “Of course, I pay federal taxes.”",
            0,
            "Trump",
        ),
        (
            "`to blame` is no cue",
            "The Indiana governor said Democrats and the media are to blame for focusing on “he said this, he tweeted that.”",
            0,
            "The Indiana governor",
        ),
        (
            "a pronoun cue coordinated by `but` keeps its own subject",
            "Kerr Putney, the police chief, said that the video did not give definitive evidence, but he said that the footage “supports what we've heard” about it.",
            0,
            "he",
        ),
        (
            "`it` acting as the subject",
            "The newspaper endorsed Clinton. Meanwhile, it attacked Donald Trump, saying he “has offended Hispanics.”",
            0,
            "it",
        ),
        (
            "`ruled` is a cue",
            "Politifact then ruled that Donald Trump's statement about “thousands of shootings” in Chicago is true.",
            0,
            "Politifact",
        ),
        (
            "an adverb between the subject and its cue",
            "If we lived in normal times, a reader would now ask: “What? Larry King is on a Russian television outlet?”",
            0,
            "a reader",
        ),
        (
            "a main clause after two opening phrases",
            "Once in my early 20s, when my mother mentioned the devil to me while driving, I laughed and said, “I don't believe in the devil.”",
            0,
            "I",
        ),
        (
            "a gerund after `by` takes the clause's subject",
            "The fact-checkers looked at the claim. On September 27 they published the results of their check by announcing that the claim was “true.”",
            0,
            "they",
        ),
        (
            "`read` inverted after a quotation",
            "Six planes filled the skies with messages. “America is great! Trump is disgusting,” read one.",
            0,
            "one",
        ),
        (
            "a transcript's speaker label opens the paragraph",
            "Chris Wallace interviewed Mike Pence.\n\n\"WALLACE: But, Governor, I've got to ask you, because as “The Wall Street Journal” wrote, people are concerned.\n\nPENCE: Well, I think so.",
            0,
            "WALLACE",
        ),
        (
            "a label right before the quotation is its own, not the paragraph's first",
            "Jeb Bush and Hillary Clinton reject the term.\n\nClinton: \"Our goal is to defeat ISIS.\" Bush: \"The mission is to destroy ISIS.\"",
            1,
            "Bush",
        ),
        (
            "an exclamation, then a long subject phrase with an apposed name",
            "The cookout was busy.\n\n\"This is a big year for our senator!\" Scott's niece, state Del. Marcia \"Cia\" Price (D-Newport News), shouted to the crowd.",
            0,
            "Scott",
        ),
        (
            "an exclamation, then a name apposed to the opening phrase",
            "\"This is a big year!\" Scott's niece, Marcia Price, shouted to the crowd.",
            0,
            "Marcia Price",
        ),
        (
            "a run-in heading is no speaker",
            "Oz spoke.\n\nCONGRESS HAS INVESTIGATED HIM — Oz’s advice earned him the attention of Congress, where he appeared for saying that green coffee extract was a “magic weight loss cure.”",
            0,
            "Oz",
        ),
        (
            "an apposition between dashes before the cue",
            "On Friday, Gingrich — mentioned by Newsmax as the leading choice for running mate — told Bill O’Reilly of Fox News that “you have to look at it very seriously, of course.”",
            0,
            "Gingrich",
        ),
        (
            "a complement of a cue before it keeps that cue against a later one",
            "But even as Trump claimed on Tuesday that “General Petraeus got in trouble for far less,” one of the former prosecutors for David Petraeus said the two cases differ.",
            0,
            "Trump",
        ),
        (
            "an opening `Like X,` is no subject",
            "Like Corker, Menendez also rejected the notion, arguing that there is \"flexibility for the administration\" in the sanctions.",
            0,
            "Menendez",
        ),
        (
            "`continue to` is no cue",
            "She declared victory and said that her campaign would continue “to break barriers” across the nation.",
            0,
            "She",
        ),
        (
            "a gerund cue opening the sentence takes the main clause's subject",
            "Clinton noted the clot.\n\nAfter saying her right foot was “so swollen I could barely get my shoe on,” she was taken to the hospital.",
            0,
            "she",
        ),
        (
            "`In declaring … “…,”` and the main clause's subject",
            "In declaring Donald J. Trump's statements as \"not Christian,\" the Latin American pope again demonstrated his concern.",
            0,
            "pope",
        ),
        (
            "a dateline is no subject, and the owner is not the head",
            "Abedin spoke.\n\nWASHINGTON, Dec. 8 (UPI) — In response to the proposal, Hillary Clinton’s right-hand woman rallied supporters, saying: “We have to be ready to stop him.”",
            0,
            "Hillary Clinton’s right-hand woman",
        ),
        (
            "an `-ed` adjective after a determiner makes the cue word a noun",
            "Senator Ann Roberts called the mayor's claim of a “clear mandate” over her leaked emails “deeply troubling.”",
            1,
            "Ann Roberts",
        ),
        (
            "adjectives joined by a comma before a cue word make it a noun",
            "Donald Trump spoke first. Then came another, more hopeful tweet about the storm, after which he took credit for “being right all along.”",
            0,
            "Donald Trump",
        ),
        (
            "adjectives joined by `and`, one with an adverb, before a cue word make it a noun",
            "Senator Ann Roberts spoke. Her absurd and wholly inaccurate claim that the plan “works well” was denied.",
            0,
            "Ann Roberts",
        ),
        (
            "the subject after a leading participial phrase and an apposition",
            "Preceded at the podium by Sheriff Tom Hale, the county's longest-serving officer, Senator Ann Roberts launched into a lament for the “forgotten families” of the county.",
            0,
            "Ann Roberts",
        ),
        (
            "a restrictive relative clause between the subject and its cue",
            "A senior official who spoke on condition of anonymity to discuss the talks said Wednesday, “There are discussions.”",
            0,
            "A senior official",
        ),
        (
            "a relative clause of a verb and its object",
            "The man who shot the deputy said, “I was afraid for my life.”",
            0,
            "The man",
        ),
        (
            "an object relative clause keeps its own subject",
            "It was a phrase which the historian John Baick calls “a foundation of our culture.”",
            0,
            "John Baick",
        ),
        (
            "a name before a role and its relative clause in apposition",
            "Tom Hale, a Democratic pollster who is working with Priorities USA, a pro-Clinton group, said, “The damage is done.”",
            0,
            "Tom Hale",
        ),
        (
            "a naming verb in a `whom` clause has its own subject",
            "Senator Ann Roberts, whom her aides call “the iron lady of Albany,” told a crowd in Troy that the budget was “dead on arrival.”",
            0,
            "her aides",
        ),
        (
            "a `whom` clause ending in a quotation is an apposition before the cue",
            "Senator Ann Roberts, whom her aides call “the iron lady of Albany,” told a crowd in Troy that the budget was “dead on arrival.”",
            1,
            "Ann Roberts",
        ),
        (
            "no inverted cue after a partial quotation that is a cue's complement",
            "Governor Mark Ellis, citing “the unique strength of the economy,” said the state could balance its budget.",
            0,
            "Mark Ellis",
        ),
        (
            "a clause ending in a quotation and a comma is no apposition",
            "In the email, Tom Hale described the move as a “major breach of trust,” adding: “I am now informing all of our members.”",
            1,
            "Tom Hale",
        ),
        (
            "the previous sentence's first cue, not a participle in its complement",
            "Senator Ann Roberts said she was angered by the press declaring the race over before the vote. “It appeared to be an attempt at poisoning the election.”",
            0,
            "Ann Roberts",
        ),
        (
            "a name after a person's description in apposition names the description",
            "Tom Hale, a spokesman for the company, Microsoft, said the plan was “a disgrace.”",
            0,
            "Tom Hale",
        ),
        (
            "a passive cue's agent after the quotation",
            "Senate Democrats blocked the bill because of “poison pill” riders added by Republicans on other issues.",
            0,
            "Republicans",
        ),
        (
            "a passive cue's agent ends with the name its title introduces",
            "She was faulted for being “extremely careless” in the handling of classified information, as described by FBI Director James Comey.",
            0,
            "James Comey",
        ),
        (
            "a gerund after an adverbial phrase takes the clause's subject",
            "Governor Mark Ellis has feuded with the city council for months, at one point calling the council president a “liar.”",
            0,
            "Mark Ellis",
        ),
        (
            "an `-ing` word after a determiner and an adjective is a noun, no cue",
            "Senator Ann Roberts said the tax was “a disaster,” part of a verbal lashing she has given the governor all year.",
            0,
            "Ann Roberts",
        ),
        (
            "an `-ing` cue after a noun that can speak stays a cue",
            "The angry crowd chanting slogans outside shouted “USA!”",
            0,
            "The angry crowd",
        ),
        (
            "listed quotations share their attribution",
            "Kevin was drifting off, and as Donald Trump went on about “how the system is rigged,” and “wounded American families” and “our own struggling citizens,” Melanie said yes, over and over again.",
            2,
            "Donald Trump",
        ),
    ];

    /// `(name, text)`: quotations that no one in the text is said to have said.
    const UNSOURCED: &[(&str, &str)] = &[
        ("a passive label", "When PolitiFact examined the senator’s statement, it was labeled “Mostly True.”"),
        ("a noun and its label", "On her discharge papers, in a box labeled “medical problem,” a doctor had typed a diagnosis."),
        (
            "a passive name without an agent",
            "Ohio removed voters who had not cast a ballot since 2008, in what is being criticized as a “use it or lose it” approach to voting.",
        ),
    ];

    #[test]
    fn unsourced_names() {
        for (name, text) in UNSOURCED {
            let ann = annotate(text, &Options::default());
            let q = ann.quotes.iter().find(|q| q.kind != "scare").unwrap_or_else(|| panic!("{name}: no quote"));
            assert!(q.speaker.is_none(), "{name}: speaker {:?}", q.speaker);
        }
        // A heading is no speaker label.
        let ann = annotate("UPDATE: “The gun is no longer for sale.”", &Options::default());
        assert!(ann.quotes[0].speaker.is_none(), "{:?}", ann.quotes[0].speaker);
        // A heading between dashes signs nothing.
        let ann = annotate("The debate was heated.\n\n“So I think there is resistance.”\n\n– An immigrant himself –\n\nRamos lives in Miami.", &Options::default());
        assert!(ann.quotes[0].speaker.is_none(), "{:?}", ann.quotes[0].speaker);
        // With an agent, the name is theirs.
        let ann = annotate("The plan was labeled “a disaster” by Senator Marco Rubio.", &Options::default());
        assert!(ann.quotes[0].speaker.is_some(), "{:?}", ann.quotes[0]);
    }

    #[test]
    fn speaker_mentions() {
        for (name, text, qi, want) in MENTIONS {
            let ann = annotate(text, &Options::default());
            let quotes: Vec<_> = ann.quotes.iter().filter(|q| q.kind != "scare").collect();
            let q = quotes.get(*qi).unwrap_or_else(|| panic!("{name}: quotes {quotes:?}"));
            let sp = q.speaker.as_ref().unwrap_or_else(|| panic!("{name}: no speaker"));
            assert!(sp.text.contains(want) || want.contains(sp.text.as_str()), "{name}: speaker {:?}", sp.text);
        }
    }

    /// A rule that loses keeps none of the organisations it named: `the
    /// ministry said` loses to `according to`, and no `the ministry` entity
    /// is left without a mention that any quotation points at.
    #[test]
    fn losing_rule_adds_no_organisation() {
        let ann = annotate("“We will not back down,” the ministry said, according to Prime Minister Shinzo Abe.", &Options::default());
        let sp = ann.quotes[0].speaker.as_ref().expect("speaker");
        assert!(sp.text.contains("Abe"), "{:?}", sp.text);
        assert!(ann.entities.iter().all(|e| !e.name.contains("ministry")), "{:?}", ann.entities);
        // The same phrase as the winner is kept.
        let ann = annotate("“We will not back down,” the ministry said.", &Options::default());
        let e = ann.quotes[0].speaker.as_ref().and_then(|s| s.entity).expect("entity");
        assert!(ann.entities[e].name.contains("ministry"), "{:?}", ann.entities[e]);
    }

    #[test]
    fn sieve_table() {
        for (name, text, want_speaker, want_entity) in CASES {
            let ann = annotate(text, &Options::default());
            let q = ann.quotes.iter().find(|q| q.kind != "scare").unwrap_or_else(|| panic!("{name}: no quote in {:?}", ann.quotes));
            let sp = q.speaker.as_ref().unwrap_or_else(|| panic!("{name}: no speaker"));
            assert!(sp.text.contains(want_speaker) || want_speaker.contains(sp.text.as_str()), "{name}: speaker {:?}", sp.text);
            // The resolved entity names the same person (the recogniser may
            // keep or drop a first name it does not know).
            let entity = sp.entity.map(|e| ann.entities[e].name.as_str()).unwrap_or_else(|| panic!("{name}: no entity"));
            let surname = want_entity.rsplit(' ').next().unwrap();
            assert!(entity.ends_with(surname), "{name}: entity {entity:?}, want {want_entity:?}");
            assert!(q.confidence > 0.0, "{name}: confidence");
        }
    }

    /// `it` speaks for an organisation named just before, never a person.
    #[test]
    fn it_is_no_person() {
        let ann = annotate("Marco Rubio met the emir. The Qatari Foreign Ministry issued a statement. The two discussed “ways to consolidate the ceasefire,” it said.", &Options::default());
        let e = ann.quotes[0].speaker.as_ref().and_then(|s| s.entity).expect("entity");
        assert!(ann.entities[e].name.contains("Ministry"), "{:?}", ann.entities[e]);
        let ann = annotate("Senator Ted Cruz released a report. The report was long. Critics read it twice. Nothing changed. The law is “a disaster,” it said.", &Options::default());
        let sp = ann.quotes[0].speaker.as_ref().expect("speaker");
        assert_eq!((sp.text.as_str(), sp.entity), ("it", None));
    }

    #[test]
    fn orphan_quote_stays_unattributed() {
        let ann = annotate("The weather was fine.\n\n“Nobody knows who said this sentence.”", &Options::default());
        assert!(ann.quotes[0].speaker.is_none(), "{:?}", ann.quotes[0].speaker);
    }
}
