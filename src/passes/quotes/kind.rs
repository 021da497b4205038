//! Step 3: whether a quotation reports speech (`direct`, `partial`) or flags
//! a term, title or nickname (`scare`).
//!
//! News puts a writer's own words in quotation marks for two reasons: to
//! report what someone said, and to hold a word at arm's length (the
//! “historic” summit, the show “Fuller House”). The same two words can be
//! either; the sentence around them decides. A small logistic model weighs
//! what the sentence shows: a speech verb near the quotation or elsewhere in
//! the sentence, `according to`, Title Case, length, closing punctuation,
//! first-person words inside, the words just before and after, and what kind
//! of text the article is (news reports speech in sentence after sentence;
//! an essay or a guide quotes terms with no one saying them). Its weights
//! are learned by `scripts/train_quote_kind.py` from the PolNeAR training
//! articles and the even half of GUM dev, and embedded from
//! `data/quote-kind.tsv`. A few rules beside it cover what the training
//! data hardly shows: terms in single marks, nicknames, split and signed
//! quotations, speech only imagined, and headline quotations.
//!
//! Speech is then `partial` when the quotation starts in lower case after
//! other words of its sentence, and `direct` otherwise.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::{Quote, QuoteKind};
use crate::document::chars::{ascii_lower, is_dash_token, is_space, is_terminal, Case};
use crate::document::{Document, TokenKind};
use crate::lexicon;

const WEIGHTS: &str = include_str!("../../../data/quote-kind.tsv");

/// Sentences a text needs before the share of them with a speech cue says
/// what kind of text it is (news or not; see `doc_cued` in [`features`]).
const MIN_SENTENCES_FOR_KIND: usize = 8;

/// The model: bias, decision threshold and feature weights.
struct Model {
    bias: f64,
    threshold: f64,
    /// Feature -> its weight's index in `weights`. (A `usize` map: the type
    /// the name and place tables have, for one copy of the hash table's
    /// code less in the WASM module.)
    index: HashMap<&'static str, usize>,
    weights: Vec<f64>,
}

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = Model { bias: 0.0, threshold: 0.5, index: HashMap::default(), weights: Vec::new() };
        for line in WEIGHTS.lines().filter(|l| !l.starts_with('#')) {
            let Some((f, w)) = line.split_once('\t') else { continue };
            let w = parse_weight(w).unwrap_or(0.0);
            match f {
                "<bias>" => m.bias = w,
                "<threshold>" => m.threshold = w,
                _ => {
                    m.index.insert(f, m.weights.len());
                    m.weights.push(w);
                }
            }
        }
        m
    })
}

/// A weight as the trainer writes it, a decimal with a point (`-0.1234`),
/// read without the standard library's float parser, whose tables cost
/// the WASM module 4 KB gzip: the digits as an integer over a power of ten.
/// Both are exact (up to 15 digits), so the quotient is the nearest `f64`,
/// as `str::parse` gives.
fn parse_weight(s: &str) -> Option<f64> {
    let (negative, s) = s.strip_prefix('-').map_or((false, s), |rest| (true, rest));
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = || int.bytes().chain(frac.bytes());
    if int.len() + frac.len() == 0 || int.len() + frac.len() > 15 || !digits().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = digits().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    let v = n as f64 / 10f64.powi(frac.len() as i32);
    Some(if negative { -v } else { v })
}

/// The model's probability that a quotation with these features is speech.
pub fn speech_probability(features: &[String]) -> f64 {
    probability(features.iter().map(String::as_str))
}

/// [`speech_probability`] of features given as `&str`s (weights summed in order).
fn probability<'a>(features: impl Iterator<Item = &'a str>) -> f64 {
    let m = model();
    let z: f64 = m.bias + features.filter_map(|f| m.index.get(f).map(|&i| m.weights[i])).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// The probability above which a quotation counts as speech (chosen by
/// cross-validation on the training articles).
pub fn speech_threshold() -> f64 {
    model().threshold
}

/// Classifies every quotation in place.
pub(super) fn classify_all(doc: &Document, quotes: &mut [Quote]) {
    let ctx = Context::new(doc, quotes);
    let all = every_quote_features(doc, quotes, &ctx);
    let british = single_marks_for_speech(doc, quotes, &all);
    let mut kinds = Vec::with_capacity(quotes.len());
    for (qi, (q, f)) in quotes.iter().zip(&all).enumerate() {
        let speech = rule_decision(doc, qi, q, &ctx, f, british).unwrap_or_else(|| probability(f.iter()) >= speech_threshold());
        kinds.push(if speech { speech_kind(doc, q, &ctx) } else { QuoteKind::Scare });
    }
    // A headline quotes the words its article then reports (`Agree to
    // Second Summit ‘As Soon as Possible’` over `… “as soon as possible,” the
    // office said`): speech when the same words are speech below, in lower
    // case there (a title or a name keeps its capitals in the body: `‘13th’`,
    // `“The 411”`). The training articles have no judged headlines, so this
    // is a rule.
    for qi in 0..quotes.len() {
        if kinds[qi] == QuoteKind::Scare && ctx.repeated[qi] && is_headline_echo(doc, quotes, &kinds, qi) {
            kinds[qi] = speech_kind(doc, &quotes[qi], &ctx);
        }
    }
    // A quotation split by its cue goes on as it began: `"… tonight," he
    // said, "and I want to read …"` is direct speech throughout, though
    // its second part starts in lower case after other words.
    for qi in 1..quotes.len() {
        if kinds[qi] == QuoteKind::Partial && kinds[qi - 1] == QuoteKind::Direct && is_continuation(doc, &quotes[qi - 1], &quotes[qi]) {
            kinds[qi] = QuoteKind::Direct;
        }
    }
    for (q, kind) in quotes.iter_mut().zip(kinds) {
        q.kind = kind;
    }
}

/// Whether quotation `qi` is in the headline, not in lower case, and its
/// words come again below as speech in lower case (`kinds` as classified).
fn is_headline_echo(doc: &Document, quotes: &[Quote], kinds: &[QuoteKind], qi: usize) -> bool {
    let starts_lower = |q: &Quote| q.inner.slice(doc.text).chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase);
    let q = &quotes[qi];
    if !in_headline(doc, q) || starts_lower(q) {
        return false;
    }
    let key = quote_key(doc, q);
    quotes.iter().zip(kinds).any(|(o, &kind)| {
        kind != QuoteKind::Scare && starts_lower(o) && !in_headline(doc, o) && quote_key(doc, o) == key
    })
}

/// A naming verb (see [`is_naming_verb`]) or `refer to`, in any case.
fn is_naming_cue(w: &str) -> bool {
    is_naming_verb(w) || ["refer", "refers", "referred", "referring"].iter().any(|v| w.eq_ignore_ascii_case(v))
}

/// Speech only imagined: a saying verb right before the quotation (a comma
/// or colon between at most) after a modal or `rather than` (`you might
/// say: “…”`, `rather than saying, “…”`, `or simply saying “…”`, `I was
/// going to say “…”`). Guides and speeches put the words a reader could use
/// in quotation marks; nobody said them. Not `went on to say`, which
/// reports. The training articles have almost none, so this is a rule.
fn is_imagined_speech(doc: &Document, q: &Quote) -> bool {
    let ti = doc.token_at_or_after(q.span.start);
    let Some(si) = doc.sentence_at(q.span.start) else { return false };
    let lo = doc.sentences[si].tokens.0;
    let mut k = ti;
    if k > lo && matches!(doc.tok(k - 1), "," | ":") {
        k -= 1;
    }
    let saying = ["say", "saying", "ask", "asking", "tell", "telling"];
    if k <= lo || !saying.iter().any(|v| doc.tok(k - 1).eq_ignore_ascii_case(v)) {
        return false;
    }
    let before: Vec<String> = (lo..k - 1).rev().filter(|&j| doc.tokens[j].kind == TokenKind::Word).take(2).map(|j| doc.tok(j).to_ascii_lowercase()).collect();
    match before.first().map(String::as_str) {
        Some("might" | "could" | "would" | "should" | "can" | "may" | "than" | "simply") => true,
        Some("to") => before.get(1).is_some_and(|w| w == "going"),
        _ => false,
    }
}

/// Whether a quotation lies in the article's headline: a short first
/// paragraph (at most 40 tokens) with more after it.
fn in_headline(doc: &Document, q: &Quote) -> bool {
    doc.paragraph_at(q.span.start).is_some_and(|pi| doc.is_headline_paragraph(pi))
}

/// A quotation's features, `name=value` strings kept end to end in one
/// buffer (a quotation has some thirty; one allocation each would cost more
/// than working them out).
#[derive(Default)]
struct Features {
    text: String,
    ends: Vec<usize>,
}

impl Features {
    /// Adds the feature made of `parts`, concatenated.
    fn add(&mut self, parts: &[&str]) {
        for p in parts {
            self.text.push_str(p);
        }
        self.ends.push(self.text.len());
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(a, &b)| &self.text[a..b])
    }
}

/// What the rules beside the model decide, if anything: `Some(false)` for a
/// term in single marks or a nickname (never speech), `Some(true)` for the
/// first part of a split quotation or a signed one (always speech, whatever
/// the model says), `None` to leave it to the model.
fn rule_decision(doc: &Document, qi: usize, q: &Quote, ctx: &Context, f: &Features, british: bool) -> Option<bool> {
    if (is_single(doc, q) && !british && single_is_term(f)) || is_nickname(doc, q) || is_imagined_speech(doc, q) || is_so_called(doc, q) {
        Some(false)
    } else if ctx.split_first[qi] || is_signed(doc, q) {
        Some(true)
    } else {
        None
    }
}

/// Whether the quotation is in single marks (`‘…’`, `'…'`).
fn is_single(doc: &Document, q: &Quote) -> bool {
    let s = q.span.slice(doc.text);
    s.starts_with(['‘', '’', '‚']) || (s.starts_with('\'') && !s.starts_with("''"))
}

/// Whether the article quotes speech in single marks, as British copy does
/// (`The Chancellor said: ‘We have delivered.’`): more of its quotations
/// with a cue beside them are in single marks than in double. Then a
/// stretch in single marks is read as any quotation is (`families were
/// still ‘worse off’`, a partial quotation), not as a term.
fn single_marks_for_speech(doc: &Document, quotes: &[Quote], features: &[Features]) -> bool {
    let (mut single, mut double) = (0, 0);
    for (q, f) in quotes.iter().zip(features) {
        if f.iter().any(|x| matches!(x, "cue_before" | "cue_after" | "colon")) {
            if is_single(doc, q) {
                single += 1;
            } else {
                double += 1;
            }
        }
    }
    single > double
}

/// A quotation right after `so-called` is a term, whoever used it first
/// (`the so-called “gas price brake”`): the writer marks the words as
/// someone else's name for a thing, not as reported speech.
fn is_so_called(doc: &Document, q: &Quote) -> bool {
    let ti = doc.token_at_or_after(q.span.start);
    let is = |k: usize, w: &str| doc.tok(k).eq_ignore_ascii_case(w);
    (ti >= 1 && is(ti - 1, "so-called")) || (ti >= 2 && is(ti - 2, "so") && is(ti - 1, "called"))
}

/// American copy quotes speech in double marks; a stretch in single marks
/// outside a headline, with no cue right beside it, is a term or a title
/// (`'All Bets Are Off.'` as a subheading). The training data marks no
/// single quotes, so this is a rule, not a learned weight. British-style
/// speech (`‘We will,’ he said`) keeps its cue and stays speech.
fn single_is_term(features: &Features) -> bool {
    let has = |name: &str| features.iter().any(|f| f == name);
    !has("headline") && !has("cue_before") && !has("cue_after") && !has("colon")
}

/// A quotation signed by a name after a dash in its paragraph: `“The most
/// unqualified child to ever run for president.” ― Francisco Herrero`.
/// Speech by the convention itself, however little the words show it.
fn is_signed(doc: &Document, q: &Quote) -> bool {
    let tj = doc.token_at_or_after(q.span.end);
    let Some(pi) = doc.paragraph_at(q.span.start) else { return false };
    tj + 1 < doc.paragraphs[pi].tokens.1
        && is_dash_token(doc.tok(tj))
        && doc.tokens[tj + 1].kind == TokenKind::Word
        && doc.tok(tj + 1).starts_upper()
        && q.inner.slice(doc.text).ends_with(|c: char| is_terminal(c) || c == ',')
}

/// A nickname inside a name: one or two capitalised words in quotation
/// marks between two capitalised words (`Marcia “Cia” Price`, `Robert C.
/// "Bobby" Scott`). Never speech, whatever the sentence says.
fn is_nickname(doc: &Document, q: &Quote) -> bool {
    let inner = q.inner.slice(doc.text);
    // (Three words are too many already: no need to count on.)
    let words = space_separated(inner).take(3).count();
    if !q.closed || words == 0 || words > 2 || !inner.starts_upper() || inner.ends_with(|c: char| !c.is_alphanumeric()) {
        return false;
    }
    let capitalised = |k: usize| doc.tokens[k].kind == TokenKind::Word && doc.tok(k).starts_upper();
    let (ti, tj) = (doc.token_at_or_after(q.span.start), doc.token_at_or_after(q.span.end));
    ti > 0 && capitalised(ti - 1) && tj < doc.tokens.len() && capitalised(tj)
}

/// For each token, whether it lies inside a quotation (marks included).
pub fn quote_mask(doc: &Document, quotes: &[Quote]) -> Vec<bool> {
    let mut in_quote = vec![false; doc.tokens.len()];
    for q in quotes {
        let a = doc.token_at_or_after(q.span.start);
        let b = doc.token_at_or_after(q.span.end);
        in_quote[a..b].iter_mut().for_each(|x| *x = true);
    }
    in_quote
}

/// The features of every quotation (for training; see `examples/quote_features.rs`).
pub fn all_features(doc: &Document, quotes: &[Quote]) -> Vec<Vec<String>> {
    features_and_rules(doc, quotes).into_iter().map(|(f, _)| f).collect()
}

/// The features of every quotation with what the rules beside the model
/// decide for it (`Some(speech)`, or `None` when the model decides): the
/// training script reports the annotator's decisions from these.
pub fn features_and_rules(doc: &Document, quotes: &[Quote]) -> Vec<(Vec<String>, Option<bool>)> {
    let ctx = Context::new(doc, quotes);
    let all = every_quote_features(doc, quotes, &ctx);
    let british = single_marks_for_speech(doc, quotes, &all);
    quotes
        .iter()
        .zip(&all)
        .enumerate()
        .map(|(qi, (q, f))| (f.iter().map(str::to_string).collect(), rule_decision(doc, qi, q, &ctx, f, british)))
        .collect()
}

/// The features of every quotation.
fn every_quote_features(doc: &Document, quotes: &[Quote], ctx: &Context) -> Vec<Features> {
    quotes
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            let mut f = Features::default();
            features(doc, qi, q, ctx, &mut f);
            f
        })
        .collect()
}

/// What the article shows around its quotations, counted once so that
/// each quotation's features cost time independent of its sentence's length.
struct Context {
    /// Words, speech cues outside quotations, cues with a subject just
    /// before them (`he said`), cues followed by `that`, and `according to`.
    words: Positions,
    cues: Positions,
    cues_with_subject: Positions,
    cues_that: Positions,
    according: Positions,
    /// Quotations starting before each sentence (prefix sums; one more entry
    /// than sentences).
    starts_by_sentence: Vec<usize>,
    /// Quotations starting in each paragraph.
    starts_by_paragraph: Vec<usize>,
    /// By quotation: whether the same words are quoted more than once.
    repeated: Vec<bool>,
    /// By quotation: whether a speech cue stands right beside it (see
    /// [`cue_beside`]).
    cue_beside: Vec<bool>,
    /// How many quotations have a cue beside them (counted once: each
    /// quotation asks about all the others).
    cued_quotes: usize,
    /// Sentences in the article with a speech cue outside quotations.
    cued_sentences: usize,
    /// By quotation: whether it is the first part of a quotation split by
    /// its attribution (`“A,” he said, “B.”`). Always speech: so it is in
    /// every such case in the PolNeAR training articles.
    split_first: Vec<bool>,
}

impl Context {
    fn new(doc: &Document, quotes: &[Quote]) -> Self {
        let mut per_sentence = vec![0usize; doc.sentences.len() + 1];
        let mut starts_by_paragraph = vec![0usize; doc.paragraphs.len()];
        for q in quotes {
            if let Some(si) = doc.sentence_at(q.span.start) {
                per_sentence[si + 1] += 1;
                starts_by_paragraph[doc.sentences[si].paragraph] += 1;
            }
        }
        let repeated = repeated_quotes(doc, quotes);
        let mut split_first = vec![false; quotes.len()];
        for (i, pair) in quotes.windows(2).enumerate() {
            let (a, b) = (doc.token_at_or_after(pair[0].span.end), doc.token_at_or_after(pair[1].span.start));
            split_first[i] = pair[0].inner.slice(doc.text).ends_with(',')
                && a < b
                && b - a <= 8
                && doc.tok(b - 1) == ","
                && doc.sentence_at(pair[0].span.start) == doc.sentence_at(pair[1].span.start)
                && (a..b).any(|k| lexicon::is_speech_verb(doc.tok(k)))
                // A speaker between the two parts: not `on “Morning Joe,”
                // adding, “…”`.
                && (a..b).any(|k| doc.tokens[k].kind == TokenKind::Word && !lexicon::is_speech_verb(doc.tok(k)));
        }
        for i in 1..per_sentence.len() {
            per_sentence[i] += per_sentence[i - 1];
        }
        let in_quote = quote_mask(doc, quotes);
        let n = doc.tokens.len();
        let is_word = |k: usize| doc.tokens[k].kind == TokenKind::Word;
        // A subject right before a cue: among the three tokens before it in
        // its sentence (from `start`), a pronoun, a capitalised word or a
        // speaker noun.
        let has_subject = |k: usize, start: usize| {
            (start..k).rev().take(3).filter(|&j| is_word(j) && !in_quote[j]).any(|j| {
                let w = doc.tok(j);
                lexicon::pronoun(w).is_some()
                    || w.starts_upper()
                    // (The speaker nouns are ASCII: so is the lower case of an ASCII word.)
                    || if w.is_ascii() { lexicon::is_speaker_noun(w) } else { lexicon::is_speaker_noun(&w.to_lowercase()) }
            })
        };
        // The positions, in one pass over the tokens and their sentences;
        // each token's cue test is made once (three of the lists ask it).
        let (mut non_words, mut cues, mut cues_with_subject, mut cues_that, mut according) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut sentences = doc.sentences.iter().peekable();
        let mut sentence_start = 0;
        // A token's text is sliced out only where a test reads it (slicing
        // checks both ends are character boundaries: every token's text and
        // its next token's, sliced each time, cost more than the tests).
        let next_is = |k: usize, s: &str| k + 1 < n && doc.tok(k + 1) == s;
        for (k, (t, &quoted)) in doc.tokens.iter().zip(&in_quote).enumerate() {
            while let Some(s) = sentences.next_if(|s| s.tokens.0 <= k) {
                sentence_start = s.tokens.0;
            }
            let at = k as u32;
            if t.kind != TokenKind::Word {
                non_words.push(at);
            } else if !quoted {
                let w = doc.tok(k);
                if starts_lower(w) && is_cue_word(w) {
                    cues.push(at);
                    if has_subject(k, sentence_start) {
                        cues_with_subject.push(at);
                    }
                    if next_is(k, "that") {
                        cues_that.push(at);
                    }
                }
            }
            if t.span.len() == "according".len() && doc.tok(k).eq_ignore_ascii_case("according") && next_is(k, "to") {
                according.push(at);
            }
        }
        let cued_sentences = doc.sentences.iter().filter(|s| has_cue(&cues, s.tokens.0, s.tokens.1)).count();
        let cues = Positions::of(cues);
        let cue_beside: Vec<bool> = quotes.iter().map(|q| cue_beside(doc, q, &cues)).collect();
        let cued_quotes = cue_beside.iter().filter(|&&c| c).count();
        Context {
            words: Positions { at: non_words, complement: true },
            cues,
            cue_beside,
            cued_quotes,
            cued_sentences,
            cues_with_subject: Positions::of(cues_with_subject),
            cues_that: Positions::of(cues_that),
            according: Positions::of(according),
            starts_by_sentence: per_sentence,
            starts_by_paragraph,
            repeated,
            split_first,
        }
    }
}

/// Whether a sorted list of positions has one in `a..b`.
fn has_cue(at: &[u32], a: usize, b: usize) -> bool {
    let i = at.partition_point(|&k| (k as usize) < a);
    at.get(i).is_some_and(|&k| (k as usize) < b)
}

/// Whether a speech cue stands right beside a quotation in its sentence:
/// among the three tokens before it or the six after it (`he said, “…”`,
/// `“…,” she said`).
fn cue_beside(doc: &Document, q: &Quote, cues: &Positions) -> bool {
    let (Some(si), Some(sj)) = (doc.sentence_at(q.span.start), doc.sentence_at(q.span.end.saturating_sub(1))) else {
        return false;
    };
    let (lo, hi) = (doc.sentences[si].tokens.0, doc.sentences[sj].tokens.1);
    let (ti, tj) = (doc.token_at_or_after(q.span.start), doc.token_at_or_after(q.span.end));
    cues.count(lo.max(ti.saturating_sub(3)), ti) > 0 || cues.count(tj, hi.min(tj + 6)) > 0
}

/// The tokens that have some property, as their sorted positions: counting
/// them in a range is two binary searches, and an article's cues take a few
/// bytes where a count per token would take four bytes a token.
struct Positions {
    at: Vec<u32>,
    /// The positions are of the tokens *without* the property (words are
    /// most tokens: their complement, punctuation, is the shorter list).
    complement: bool,
}

impl Positions {
    fn of(mut at: Vec<u32>) -> Self {
        at.shrink_to_fit();
        Positions { at, complement: false }
    }

    /// How many of the tokens `a..b` have the property.
    fn count(&self, a: usize, b: usize) -> usize {
        if b <= a {
            return 0;
        }
        let below = |x: usize| self.at.partition_point(|&k| (k as usize) < x);
        let listed = below(b) - below(a);
        if self.complement {
            b - a - listed
        } else {
            listed
        }
    }

    /// The positions in `a..b`, in order (of a list that is not a complement).
    fn within(&self, a: usize, b: usize) -> &[u32] {
        debug_assert!(!self.complement);
        if b <= a {
            return &[];
        }
        let below = |x: usize| self.at.partition_point(|&k| (k as usize) < x);
        &self.at[below(a)..below(b)]
    }

    /// Whether token `k` has the property.
    fn contains(&self, k: usize) -> bool {
        self.at.binary_search(&(k as u32)).is_ok() != self.complement
    }
}

/// The quoted words, lower-cased, without closing punctuation.
fn quote_key(doc: &Document, q: &Quote) -> String {
    key_words(doc, q).to_lowercase()
}

/// The quoted words without closing punctuation: [`quote_key`] before
/// lower-casing.
fn key_words<'t>(doc: &Document<'t>, q: &Quote) -> &'t str {
    q.inner.slice(doc.text).trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// By quotation: whether another has the same [`quote_key`]. Only
/// quotations whose keys are as long as another's are lower-cased and
/// compared (most quotations are unlike any other in length).
fn repeated_quotes(doc: &Document, quotes: &[Quote]) -> Vec<bool> {
    let lens: Vec<usize> = quotes.iter().map(|q| lower_len(key_words(doc, q))).collect();
    let mut same_len: HashMap<usize, usize> = HashMap::default();
    for &n in &lens {
        *same_len.entry(n).or_insert(0) += 1;
    }
    let keys: Vec<Option<String>> = quotes.iter().zip(&lens).map(|(q, n)| (same_len[n] > 1).then(|| quote_key(doc, q))).collect();
    let mut same_key: HashMap<&str, usize> = HashMap::default();
    for key in keys.iter().flatten() {
        *same_key.entry(key).or_insert(0) += 1;
    }
    keys.iter().map(|key| key.as_deref().is_some_and(|k| same_key[k] > 1)).collect()
}

/// The length in bytes of `s.to_lowercase()`, without building it: a
/// character's lower case can be longer or shorter than itself (`İ` is
/// `i̇`, the Kelvin sign `K` is `k`), an ASCII one's never.
fn lower_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.chars().map(|c| if c.is_ascii() { 1 } else { c.to_lowercase().map(char::len_utf8).sum() }).sum()
}

/// What the words inside a quotation look like.
struct Inner {
    words: usize,
    /// Words that are not small function words.
    content: usize,
    /// Content words that start with a capital.
    capitalised: usize,
    starts_upper: bool,
    first_person: bool,
}

fn inner_shape(inner: &str) -> Inner {
    let mut shape = Inner { words: 0, content: 0, capitalised: 0, starts_upper: false, first_person: false };
    for (k, w) in space_separated(inner).filter(|w| w.chars().any(char::is_alphanumeric)).enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        shape.words += 1;
        let upper = w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if k == 0 {
            shape.starts_upper = upper;
        }
        // The word before any apostrophe (`we’re`): its ASCII letters, when
        // an apostrophe or nothing follows them (the listed words are ASCII).
        let letters = w.bytes().take_while(u8::is_ascii_alphabetic).count();
        let (base, rest) = w.split_at(letters);
        let base_only = rest.is_empty() || rest.starts_with(['’', '\'']);
        if base_only && matches!(base, "I" | "we" | "We" | "me" | "my" | "My" | "our" | "Our" | "us" | "you" | "You" | "your" | "Your") {
            shape.first_person = true;
        }
        if !is_small_word(w) {
            shape.content += 1;
            if upper {
                shape.capitalised += 1;
            }
        }
    }
    shape
}

/// The pieces of `s` between spaces, empty ones left out: `s.split(is_space)`
/// less its empty pieces, read a byte at a time where the text is ASCII
/// (`split` with a closure decodes every character, and a quotation's
/// words are read like this twice over).
fn space_separated(s: &str) -> impl Iterator<Item = &str> {
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = loop {
            if i == s.len() {
                return None;
            }
            match space_at(s, i) {
                (true, len) => i += len,
                (false, _) => break i,
            }
        };
        while i < s.len() {
            match space_at(s, i) {
                (true, _) => break,
                (false, len) => i += len,
            }
        }
        Some(&s[start..i])
    })
}

/// Whether the character at byte `i` of `s` (a character boundary) is a
/// space, and its length in bytes.
#[inline]
fn space_at(s: &str, i: usize) -> (bool, usize) {
    match s.as_bytes()[i] {
        c if c.is_ascii() => (c == b' ' || (b'\t'..=b'\r').contains(&c), 1),
        _ => wide_space_at(s, i),
    }
}

/// [`space_at`] for a character outside ASCII (decoded: kept out of line).
#[cold]
fn wide_space_at(s: &str, i: usize) -> (bool, usize) {
    s[i..].chars().next().map_or((false, 1), |c| (is_space(c), c.len_utf8()))
}

/// Whether a quotation nests another: it holds an opening double mark or
/// a `‘`. Found with `memchr` (`"` and the lead byte `E2` of `“` and `‘`,
/// `E2 80 9C` and `E2 80 98`) rather than by decoding every character.
fn has_nested_mark(inner: &str) -> bool {
    let b = inner.as_bytes();
    memchr::memchr2_iter(b'"', 0xE2, b).any(|i| b[i] == b'"' || matches!(b.get(i + 1..i + 3), Some([0x80, 0x9C | 0x98])))
}

/// The sentence ends inside a quotation: `.`, `?` or `!` followed by a space.
fn inner_sentence_ends(inner: &str) -> usize {
    let b = inner.as_bytes();
    memchr::memchr3_iter(b'.', b'?', b'!', b).filter(|&i| b.get(i + 1) == Some(&b' ')).count()
}

/// Words a title leaves in lower case.
fn is_small_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "the" | "and" | "or" | "nor" | "but" | "of" | "in" | "on" | "at" | "to" | "for" | "by" | "with"
            | "from" | "as" | "vs" | "via" | "per" | "into" | "up"
    )
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4 => "4",
        5..=6 => "5-6",
        7..=10 => "7-10",
        11..=20 => "11-20",
        _ => "21+",
    }
}

/// A word as a feature value: lower-cased, or its shape when rare-looking.
fn word_feature(w: &str) -> Cow<'_, str> {
    if w.chars().any(|c| c.is_ascii_digit()) {
        return "<num>".into();
    }
    if w.starts_upper() && !w.chars().all(|c| !c.is_lowercase()) {
        // Capitalised words are names more often than not: keep a few function words.
        let lower = lower(w);
        return if lexicon::ends_noun_phrase(&lower) { lower } else { "<Cap>".into() };
    }
    lower(w)
}

/// `w` in lower case, borrowed when it is already (most words are: the
/// word lists are matched for every quotation without allocating).
fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// The features of quotation `qi` (`q`), as `name=value` strings, into `f`.
fn features(doc: &Document, qi: usize, q: &Quote, ctx: &Context, f: &mut Features) {
    let text = doc.text;
    let inner_text = q.inner.slice(text);
    let shape = inner_shape(inner_text);
    let mut add = |parts: &[&str]| f.add(parts);

    add(&["words=", bucket(shape.words)]);
    let title = shape.content > 0 && shape.capitalised * 4 >= shape.content * 3;
    if title {
        add(&["title&words=", bucket(shape.words.min(7))]);
    }
    if shape.starts_upper {
        add(&["upper"]);
    }
    if shape.first_person {
        add(&["first_person"]);
    }
    let last = inner_text.chars().next_back().unwrap_or(' ');
    add(&[
        "end=",
        match last {
            '.' | '…' => ".",
            ',' => ",",
            '?' | '!' => "?!",
            ';' | ':' => ";",
            c if c.is_alphanumeric() => "w",
            _ => "p",
        },
    ]);
    let mark = q.span.slice(text).chars().next().unwrap_or(' ');
    add(&[
        "mark=",
        match mark {
            '"' => "straight",
            '“' | '”' | '„' => "curly",
            '\'' if q.span.slice(text).starts_with("''") => "doubled",
            '`' => "doubled",
            '‘' | '’' | '\'' | '‚' => "single",
            _ => "other",
        },
    ]);
    if !q.closed {
        add(&["unclosed"]);
    }
    if q.paragraphs > 1 {
        add(&["multipara"]);
    }
    if has_nested_mark(inner_text) {
        add(&["nested"]);
    }

    let ti = doc.token_at_or_after(q.span.start);
    let tj = doc.token_at_or_after(q.span.end);
    let (Some(si), Some(sj)) = (doc.sentence_at(q.span.start), doc.sentence_at(q.span.end.saturating_sub(1))) else {
        return;
    };
    let (lo, hi) = (doc.sentences[si].tokens.0, doc.sentences[sj].tokens.1);
    let pi = doc.sentences[si].paragraph;
    let para = doc.paragraphs[pi];
    let is_word = |k: usize| doc.tokens[k].kind == TokenKind::Word;
    let is_cue = |k: usize| ctx.cues.contains(k);
    let cues = |a: usize, b: usize| ctx.cues.count(a, b) > 0;

    // Position in sentence and paragraph.
    let words_before = ctx.words.count(lo, ti);
    add(&["before=", bucket(words_before.min(5))]);
    let words_after = ctx.words.count(tj, hi);
    add(&["after=", bucket(words_after.min(5))]);
    if para.span.start == q.span.start {
        add(&["opens_para"]);
    }
    if q.span.end >= para.span.end.saturating_sub(1) {
        add(&["closes_para"]);
    }
    if doc.is_headline_paragraph(pi) {
        add(&["headline"]);
    }

    // Words around the quotation.
    let prev = (lo..ti).rev().find(|&k| is_word(k));
    let next = (tj..hi).find(|&k| is_word(k));
    if let Some(k) = prev {
        add(&["prev=", &word_feature(doc.tok(k))]);
        if let Some(k2) = (lo..k).rev().find(|&k2| is_word(k2)) {
            add(&["prev2=", &word_feature(doc.tok(k2))]);
        }
    } else {
        add(&["prev=<s>"]);
    }
    if let Some(k) = next {
        add(&["next=", &word_feature(doc.tok(k))]);
    } else {
        add(&["next=</s>"]);
    }
    if ti > lo && !is_word(ti - 1) {
        add(&["prevpunct=", doc.tok(ti - 1)]);
    }
    if tj < hi && !is_word(tj) {
        add(&["nextpunct=", doc.tok(tj)]);
    }

    // Speech cues.
    let cue_before = prev.is_some_and(|k| (ti - k) <= 3 && is_cue(k));
    let cue_after = cues(tj, hi.min(tj + 6));
    let cue_near_before = cues(lo.max(ti.saturating_sub(8)), ti);
    let cue_sentence = cues(lo, hi);
    let according = ctx.according.count(lo, hi.saturating_sub(1)) > 0;
    let colon = ti > lo && doc.tok(ti - 1) == ":";
    for (on, name) in [
        (cue_before, "cue_before"),
        (cue_after, "cue_after"),
        (cue_near_before, "cue_near_before"),
        (cue_sentence, "cue_sentence"),
        (according, "according"),
        (colon, "colon"),
    ] {
        if on {
            add(&[name]);
        }
    }
    if !cue_sentence && !according {
        add(&["nocue&words=", bucket(shape.words.min(7))]);
    }
    // The hand-written rule this model grew from, as one more feature: a
    // Title Case stretch with no cue beside it, or a short one with no cue
    // in its sentence, is a scare quote (outside headlines).
    let headline = doc.is_headline_paragraph(pi);
    let opens_para = para.span.start == q.span.start;
    let ends_punct = matches!(last, '.' | '…' | ',' | '?' | '!' | ';' | ':');
    let rule_scare = if headline {
        shape.words <= 2 && !cue_sentence
    } else {
        (title && !(cue_before || cue_after) && !(opens_para && shape.words >= 3))
            || (shape.words <= 4 && !cue_sentence && !opens_para && !(ends_punct && shape.starts_upper))
    };
    if rule_scare {
        add(&["rule_scare"]);
    }
    // The sentence before or after in the paragraph has a cue (`X said. “…”`).
    let near_sentence_cue = [si.checked_sub(1), Some(sj + 1)].into_iter().flatten().any(|s| {
        s < doc.sentences.len() && doc.sentences[s].paragraph == pi && {
            let (a, b) = doc.sentences[s].tokens;
            cues(a, b)
        }
    });
    if near_sentence_cue {
        add(&["cue_near_sentence"]);
    }
    let size = match shape.words {
        0..=2 => "s",
        3..=5 => "m",
        _ => "l",
    };
    // No speech cue in the sentence or the sentences beside it: how a term
    // or a slogan sits in an essay (`breaking up sequences like “noun +
    // adjective”`), where reported speech nearly always has one.
    if !cue_sentence && !according && !near_sentence_cue {
        add(&["nocue_near&size=", size]);
    }

    // What kind of text the article is. News reports speech in sentence
    // after sentence (`he said`), and most of its quotations have a cue
    // beside them; an essay, a guide or a biography quotes terms, titles and
    // slogans with no one saying them. These features mark only an article
    // that looks unlike news, so that news and a text too short to tell (a
    // pasted paragraph) share the model's baseline.
    let sentences = doc.sentences.len().max(1);
    let long = sentences >= MIN_SENTENCES_FOR_KIND;
    let cued_percent = ctx.cued_sentences * 100 / sentences;
    if long && cued_percent < 40 {
        add(&[
            "doc_cued=",
            match cued_percent {
                0..=9 => "0-9",
                10..=19 => "10-19",
                20..=29 => "20-29",
                _ => "30-39",
            },
        ]);
    }
    let others = ctx.cue_beside.len() - 1;
    let others_cued = ctx.cued_quotes - usize::from(ctx.cue_beside[qi]);
    if long && others >= 2 && others_cued * 3 < others {
        add(&["doc_quotes_uncued&size=", size]);
    }

    // Where the sentence's speech cues stand, and whether one has a subject
    // (`he said`, `Trump called`): a term quoted inside reported speech is
    // part of the report; one in the writer's own sentence is not.
    let cue_left = cues(lo, ti);
    let cue_right = cues(tj, hi);
    let cue_subject = ctx.cues_with_subject.count(lo, hi) > 0;
    // The sentence's only cues name or describe (`called`, `described as`,
    // `refer to`): news reports what a person called something, an essay
    // gives the name a field uses (`Researchers call this effect “…”`). The
    // kind of text decides, so the feature comes with it.
    if cue_sentence && ctx.cues.within(lo, hi).iter().all(|&k| is_naming_cue(doc.tok(k as usize))) {
        add(&["naming_cues_only&size=", size]);
        if long && cued_percent < 30 {
            add(&["naming_cues_only&doc=other"]);
        }
    }
    let cue_that = ctx.cues_that.count(lo, ti) > 0;
    for (on, name) in [
        (cue_left, "cue_left"),
        (cue_right, "cue_right"),
        (cue_subject, "cue_subject"),
        (cue_that, "cue_that"),
        (cue_before, "cue_before"),
        (cue_after, "cue_after"),
        (cue_sentence, "cue_sentence"),
        (according, "according"),
    ] {
        if on {
            add(&[name, "&size=", size]);
        }
    }
    if cue_that {
        add(&["cue_that"]);
    }
    if cue_subject {
        add(&["cue_subject"]);
    }
    // Words that name what follows as a term or a work.
    let before_words: Vec<Cow<str>> = (lo..ti).rev().filter(|&k| is_word(k)).take(3).map(|k| lower(doc.tok(k))).collect();
    let naming = before_words.iter().any(|w| {
        matches!(
            &**w,
            "so-called" | "called" | "dubbed" | "term" | "terms" | "word" | "words" | "phrase" | "slogan" | "motto"
                | "label" | "labeled" | "labelled" | "nickname" | "nicknamed" | "named" | "titled" | "entitled"
                | "known" | "hashtag" | "brand" | "branded" | "termed"
        )
    });
    if naming {
        add(&["naming&size=", size]);
    }
    // Further back in the sentence (up to six words), the words that
    // introduce a term: `referred to quinoa as “…”`, `the technical term for
    // this type of sequence is “…”`, `a word like “…”`.
    let term_words = (lo..ti).rev().filter(|&k| is_word(k)).take(6).any(|k| is_term_word(&lower(doc.tok(k))));
    if term_words {
        add(&["term_context&size=", size]);
    }
    // An example or a case in point: `e.g. “…”`, `such as “…”`, `like “…”`.
    if before_words.first().is_some_and(|w| matches!(&**w, "like" | "e.g" | "eg" | "i.e" | "ie"))
        || before_words.get(..2).is_some_and(|w| matches!((&*w[1], &*w[0]), ("such", "as") | ("for", "example") | ("for", "instance")))
    {
        add(&["example_before&size=", size]);
    }
    // In parentheses of its own: `(“other-initiated”)`, a gloss.
    if ti > lo && doc.tok(ti - 1) == "(" && tj < hi && doc.tok(tj) == ")" {
        add(&["in_parens"]);
    }
    // A definition after it: `“X” means …`, `“X” refers to …`, `“X” is a …`.
    let after2: Vec<Cow<str>> = (tj..hi).filter(|&k| is_word(k)).take(2).map(|k| lower(doc.tok(k))).collect();
    if tj < hi && is_word(tj) && after2.first().is_some_and(|w| matches!(&**w, "means" | "meant" | "refers" | "denotes" | "stands"))
        || (after2.len() == 2 && matches!(&*after2[0], "is" | "was") && matches!(&*after2[1], "a" | "an" | "the" | "used" | "defined"))
    {
        add(&["definition_after&size=", size]);
    }
    if before_words.iter().take(2).any(|w| is_work_noun(w)) {
        add(&["work"]);
    }
    // The quotation modifies the noun right after it, inside one noun
    // phrase: the “Off Message” podcast, “quack” medical cures, the
    // “confidential” level. Speech ends before the words that go on.
    let after_words = || (tj..hi).filter(|&k| is_word(k)).take(2).map(|k| doc.tok(k));
    if after_words().any(|w| is_work_noun(&lower(w))) {
        add(&["work_after"]);
    }
    let adjacent_next = next.filter(|&k| k == tj && last.is_alphanumeric()).map(|k| doc.tok(k));
    if adjacent_next.is_some_and(|w| {
        starts_lower(w) && !lexicon::ends_noun_phrase(w) && !is_cue_word(w) && !w.ends_with("ly") && w.len() > 2
    }) {
        add(&["premodifier&size=", size]);
    }
    if before_words.first().is_some_and(|w| matches!(&**w, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your" | "this" | "that")) {
        add(&["det_before&size=", size]);
    }
    // What the inside looks like: a clause (a subject pronoun or an
    // auxiliary), several sentences.
    let clause = space_separated(inner_text)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .filter(|w| !w.is_empty())
        .any(clause_word);
    if clause {
        add(&["clause&size=", size]);
    }
    let inner_sentences = inner_sentence_ends(inner_text);
    if inner_sentences > 0 {
        add(&["inner_sentences=", bucket(inner_sentences.min(3))]);
    }
    // Other quotations in the sentence and the paragraph, and the same words
    // quoted elsewhere in the article (a title or nickname comes back).
    let others_sentence = (ctx.starts_by_sentence[sj + 1] - ctx.starts_by_sentence[si]).saturating_sub(1);
    if others_sentence > 0 {
        add(&["others_sentence=", bucket(others_sentence.min(2))]);
    }
    let others_para = ctx.starts_by_paragraph[pi].saturating_sub(1);
    add(&["others_para=", bucket(others_para.min(3))]);
    if ctx.repeated[qi] {
        add(&["repeated&size=", size]);
    }
    if words_before == 0 && words_after == 0 {
        add(&["whole_sentence"]);
    }
    let question = doc.sentences[sj].span.slice(text).trim_end().ends_with('?');
    if question && !inner_text.ends_with('?') {
        add(&["in_question"]);
    }
}

/// Words that introduce a term or name a word as a word (lower case):
/// `the term`, `known as`, `referred to … as`, `translated … as`.
fn is_term_word(w: &str) -> bool {
    matches!(
        w,
        "term" | "terms" | "termed" | "word" | "words" | "phrase" | "phrases" | "expression" | "expressions" | "concept"
            | "notion" | "so-called" | "called" | "dubbed" | "known" | "refer" | "refers" | "referred" | "translated"
            | "translates" | "translation" | "named" | "nicknamed" | "coded" | "labelled" | "labeled" | "meaning"
            | "definition" | "dubbing" | "motto" | "slogan" | "verb" | "noun" | "adjective"
    )
}

/// The words of [`is_work_noun`], sorted for a binary search: less code than a `match`.
const WORK_NOUNS: &[&str] = &[
    "act", "ad", "album", "anthem", "article", "bill", "blog", "book", "campaign", "column", "doctrine",
    "documentary", "editorial", "episode", "essay", "film", "hat", "headline", "headlines", "hymn", "initiative",
    "label", "level", "loophole", "magazine", "memoir", "movie", "musical", "newspaper", "novel", "op-ed",
    "operation", "plan", "play", "podcast", "poem", "policy", "program", "programme", "report", "rule", "segment",
    "series", "show", "sign", "sitcom", "slogan", "song", "strategy", "t-shirt", "tax", "tour", "website",
];

/// Nouns for works, programmes and their parts, whose titles are quoted
/// (`the book “…”`, `the “…” podcast`). Lower case.
fn is_work_noun(w: &str) -> bool {
    WORK_NOUNS.binary_search(&w).is_ok()
}

/// A word that makes a clause of a quotation: a subject pronoun, an
/// auxiliary (before any apostrophe: `we’re`, `don't`), or a negation `n’t`.
fn clause_word(w: &str) -> bool {
    let is_clause_base = |base: &[u8]| {
        matches!(
            base,
            b"i" | b"we" | b"you" | b"he" | b"she" | b"they" | b"it" | b"is" | b"are" | b"was" | b"were" | b"will"
                | b"would" | b"can" | b"could" | b"should" | b"have" | b"has" | b"had" | b"do" | b"does" | b"did"
                | b"don" | b"won" | b"am" | b"must" | b"may" | b"might" | b"there" | b"that"
        )
    };
    if !w.is_ascii() {
        // Unicode lower case (rare): as the ASCII path, on an owned copy.
        let l = w.to_lowercase();
        let base = l.split(['’', '\'']).next().unwrap_or("");
        return is_clause_base(base.as_bytes()) || l.contains("n’t") || l.contains("n't");
    }
    // ASCII: lower-cased on the stack (no entry is longer than 6 bytes).
    let b = w.as_bytes();
    let base = b.split(|&c| c == b'\'').next().unwrap_or(b"");
    let mut buf = [0u8; 6];
    let base_is = ascii_lower(base, &mut buf).is_some_and(is_clause_base);
    base_is || b.windows(3).any(|t| t[0].eq_ignore_ascii_case(&b'n') && t[1] == b'\'' && t[2].eq_ignore_ascii_case(&b't'))
}

/// Whether `next` goes on with `prev` across a short cue: `prev`'s words end
/// in a comma, and between the two is one clause of a few words ending in a
/// comma, with no stop (`"…," he said, "…"`).
fn is_continuation(doc: &Document, prev: &Quote, next: &Quote) -> bool {
    let gap = &doc.text[prev.span.end..next.span.start];
    let words = gap.split(is_space).filter(|w| !w.is_empty()).count();
    prev.inner.slice(doc.text).trim_end().ends_with(',') && gap.trim_end().ends_with(',') && (1..=5).contains(&words) && !gap.contains(['.', '!', '?', ';', '\n'])
}

/// `direct` or `partial` for a quotation that reports speech.
fn speech_kind(doc: &Document, q: &Quote, ctx: &Context) -> QuoteKind {
    let inner = q.inner.slice(doc.text);
    let starts_upper = inner.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase);
    let ti = doc.token_at_or_after(q.span.start);
    let words_before = doc
        .sentence_at(q.span.start)
        .map(|si| ctx.words.count(doc.sentences[si].tokens.0, ti))
        .unwrap_or(0);
    let ends_sentence = inner.chars().next_back().is_some_and(is_terminal);
    if words_before > 0 && (!starts_upper || !ends_sentence && inner.split(is_space).take(4).count() <= 3) {
        QuoteKind::Partial
    } else {
        QuoteKind::Direct
    }
}

/// Whether the first character of `w` is lower case.
fn starts_lower(w: &str) -> bool {
    w.starts_lower()
}

/// Speech verbs, and the naming verbs that quote a word (`called them
/// “deplorables”`). This runs on every word outside quotations: a
/// [`CueFilter`] turns most of them away before the lexicon is asked.
fn is_cue_word(w: &str) -> bool {
    CueFilter::get().may_be_cue(w) && (lexicon::is_speech_verb(w) || is_naming_verb(w))
}

/// The verbs that name what they quote, lower case (see [`is_naming_verb`]).
const NAMING_VERBS: &[&str] = &[
    "call", "calls", "called", "calling", "dub", "dubs", "dubbed", "dubbing", "label", "labels", "labeled",
    "labelled", "labeling", "term", "termed", "brand", "branded", "branding", "describe", "described", "describes",
    "describing", "deem", "deemed", "nickname", "nicknamed",
];

/// A naming verb in any case (`called`, `Dubbed`), compared without
/// allocating. The verbs are ASCII, so only an ASCII word can be one.
fn is_naming_verb(w: &str) -> bool {
    let mut buf = [0u8; 10];
    ascii_lower(w.as_bytes(), &mut buf).is_some_and(|lower| NAMING_VERBS.iter().any(|v| v.as_bytes() == lower))
}

/// A quick first test for [`is_cue_word`], which would otherwise hash every
/// word of an article into the lexicon's table: a Bloom filter over a
/// cue's length and its first two and last two bytes. A word that passes
/// may still be no cue (about one word in a hundred does); an ASCII word
/// that fails is none. Bytes are folded with `| 0x20`, which sends an ASCII
/// letter of either case to its lower case and leaves lower-casing nothing
/// else to change, so a word is tested as it stands, unlowered. A word with
/// other characters always passes: its Unicode lower case can be shorter
/// (`K`, the Kelvin sign, is `k`). Most words (`the`, `of`, `to`) fail,
/// for a few instructions each.
struct CueFilter {
    /// `1 << FILTER_BITS` bits, two set per cue.
    bits: Vec<u64>,
    /// The longest cue, in bytes: a longer ASCII word is no cue.
    longest: usize,
}

/// The filter's size: 2^15 bits (4 KB) keep about one bit in ten set.
const FILTER_BITS: u32 = 15;

impl CueFilter {
    fn get() -> &'static CueFilter {
        static FILTER: OnceLock<CueFilter> = OnceLock::new();
        FILTER.get_or_init(|| {
            let mut f = CueFilter { bits: vec![0; 1 << (FILTER_BITS - 6)], longest: 0 };
            for cue in lexicon::all_speech_verb_forms().chain(NAMING_VERBS.iter().copied()) {
                let Some((i, j)) = Self::slots(cue.as_bytes()) else { continue };
                f.bits[i / 64] |= 1 << (i % 64);
                f.bits[j / 64] |= 1 << (j % 64);
                f.longest = f.longest.max(cue.len());
            }
            f
        })
    }

    /// The two bits of a word (`None` when empty): a multiplicative hash of
    /// its length and folded end bytes.
    fn slots(b: &[u8]) -> Option<(usize, usize)> {
        let (&first, &last) = (b.first()?, b.last()?);
        let fold = |x: u8| u64::from(x | 0x20);
        let second = b.get(1).map_or(0, |&x| fold(x));
        let before_last = b.len().checked_sub(2).map_or(0, |k| fold(b[k]));
        let key = (b.len() as u64) | fold(first) << 8 | second << 16 | before_last << 24 | fold(last) << 32;
        let h = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mask = (1 << FILTER_BITS) - 1;
        Some(((h >> (64 - FILTER_BITS)) as usize, (h >> (64 - 2 * FILTER_BITS)) as usize & mask))
    }

    /// Whether `w` can be a cue (if so, the lexicon decides).
    fn may_be_cue(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let set = |i: usize| self.bits[i / 64] >> (i % 64) & 1 == 1;
        let listed = b.len() <= self.longest && Self::slots(b).is_some_and(|(i, j)| set(i) && set(j));
        listed || !w.is_ascii()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        assert!(WORK_NOUNS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn weights_read_as_the_float_parser_reads_them() {
        for w in ["0.3958", "-1.2345", "12", "0.0001", "-0.0000", "3.", ".5", "123456789.012345"] {
            assert_eq!(parse_weight(w), w.parse::<f64>().ok(), "{w}");
        }
        for bad in ["", "-", "1e-5", "1.2.3", "abc", "0x1", "1234567890.1234567"] {
            assert_eq!(parse_weight(bad), None, "{bad}");
        }
        // Every weight the model file holds.
        for line in WEIGHTS.lines().filter(|l| !l.starts_with('#')) {
            let (_, w) = line.split_once('\t').expect("feature<TAB>weight");
            assert_eq!(parse_weight(w), w.parse::<f64>().ok(), "{line}");
        }
    }

    #[test]
    fn word_tests() {
        // (word, naming verb, clause word)
        let cases: &[(&str, bool, bool)] = &[
            ("called", true, false),
            ("Dubbed", true, false),
            ("NICKNAMED", true, false),
            ("calls", true, false),
            ("recalled", false, false),
            ("nicknamedx", false, false),
            ("calléd", false, false),
            ("we", false, true),
            ("We're", false, true),
            ("we’re", false, true),
            ("don't", false, true),
            ("WON'T", false, true),
            ("isn’t", false, true),
            ("couldn't", false, true),
            ("Should", false, true),
            ("shoulder", false, false),
            ("n't", false, true),
            ("ant", false, false),
            ("Ça", false, false),
            ("", false, false),
        ];
        for &(w, naming, clause) in cases {
            assert_eq!(is_naming_verb(w), naming, "naming {w:?}");
            assert_eq!(clause_word(w), clause, "clause {w:?}");
        }
        for (w, lower) in [("said", true), ("Said", false), ("élan", true), ("Élan", false), ("1st", false), ("", false)] {
            assert_eq!(starts_lower(w), lower, "{w:?}");
        }
    }

    #[test]
    fn inner_text_scans() {
        // Each against the plain `std` expression it stands for.
        let ascii: String = (0u8..128).map(char::from).collect();
        let texts = [
            "We will win. Will we? Yes! OK.",
            "  two  spaces\tand\ttabs\n\nand\u{0B}vertical\u{0C}feed\r ",
            "no\u{A0}break\u{200B}zero\u{2060}joiner\u{FEFF}bom\u{85}next\u{3000}ideographic\u{2028}line",
            "“Nested ‘single’ and \"straight\"” — and ’ ” « only",
            "ends with a stop.",
            "Ça va… «oui». Très bien!",
            "",
            " ",
            &ascii,
        ];
        for t in texts {
            let want: Vec<&str> = t.split(is_space).filter(|w| !w.is_empty()).collect();
            assert_eq!(space_separated(t).collect::<Vec<_>>(), want, "{t:?}");
            assert_eq!(has_nested_mark(t), t.contains(['“', '"', '‘']), "{t:?}");
            let ends = t.char_indices().filter(|&(i, c)| matches!(c, '.' | '?' | '!') && t[i + 1..].starts_with(' ')).count();
            assert_eq!(inner_sentence_ends(t), ends, "{t:?}");
        }
    }

    #[test]
    fn first_person_words() {
        // (inner text, first person)
        let cases: &[(&str, bool)] = &[
            ("We’re here", true),
            ("then you'll see", true),
            ("I’m sure", true),
            ("I", true),
            ("“our” plan", true),
            ("Weird times", false),
            ("it’s late", false),
            ("us-based firms", false),
            ("mY way", false),
            ("Ourselves alone", false),
            ("we’ve’ve", true),
            ("wé", false),
        ];
        for &(inner, first_person) in cases {
            assert_eq!(inner_shape(inner).first_person, first_person, "{inner:?}");
        }
    }

    #[test]
    fn lower_case_lengths() {
        for s in ["", "Plain ASCII words", "We’re “here”", "İstanbul", "\u{212A}elvin", "ΣΟΦΟΣ ΟΔΥΣΣΕΥΣ", "Straße ẞ", "ǅemal"] {
            assert_eq!(lower_len(s), s.to_lowercase().len(), "{s:?}");
        }
    }

    #[test]
    fn repeated_quotations() {
        // (text, by quotation: the same words quoted elsewhere)
        let cases: &[(&str, &[bool])] = &[
            ("A “deal” and another “Deal.” and a “meal”.", &[true, true, false]),
            ("The “\u{212A}ing” and the “king” and “kings”.", &[true, true, false]),
            ("One “quote” only.", &[false]),
        ];
        for &(text, want) in cases {
            let doc = Document::new(text);
            let quotes = super::super::find(&doc);
            assert_eq!(repeated_quotes(&doc, &quotes), want, "{text:?}");
        }
    }

    #[test]
    fn cue_filter_passes_every_cue() {
        let f = CueFilter::get();
        for cue in lexicon::all_speech_verb_forms().chain(NAMING_VERBS.iter().copied()) {
            let capitalised = cue[..1].to_ascii_uppercase() + &cue[1..];
            for w in [cue.to_string(), cue.to_ascii_uppercase(), capitalised] {
                assert!(f.may_be_cue(&w), "{w:?}");
                assert!(is_cue_word(&w), "{w:?}");
            }
        }
        // (word, passes the filter): common words fail; a word with other
        // characters passes, as its lower case may be a cue.
        let cases: &[(&str, bool)] = &[
            ("the", false),
            ("of", false),
            ("to", false),
            ("", false),
            ("said", true),
            ("TOLD", true),
            ("as\u{212A}ed", true),
            ("ça", true),
            ("saidsaidsaidsaidsaidsaid", false),
        ];
        for &(w, passes) in cases {
            assert_eq!(f.may_be_cue(w), passes, "{w:?}");
        }
        assert!(lexicon::is_speech_verb("as\u{212A}ed") && is_cue_word("as\u{212A}ed"), "the Kelvin sign lower-cases to k");
    }

    #[test]
    fn noun_phrase_features() {
        // (name, text, feature, whether the first quotation has it)
        let cases: &[(&str, &str, &str, bool)] = &[
            ("podcast", "He spoke on the “Off Message” podcast last week.", "work_after", true),
            ("podcast modifies", "He spoke on the “Off Message” podcast last week.", "premodifier&size=s", true),
            ("adjective", "He promoted “quack” medical cures for years.", "premodifier&size=s", true),
            ("speech then cue", "“We will win,” he said on Sunday.", "premodifier&size=m", false),
            ("term then verb", "The “deal” was signed on Sunday.", "premodifier&size=s", false),
            ("term then that", "He used the “phrase” that she coined.", "premodifier&size=s", false),
            ("adverb after", "She called it “wrong” repeatedly in the interview.", "premodifier&size=s", false),
        ];
        for &(name, text, feature, expected) in cases {
            let doc = Document::new(text);
            let quotes = super::super::find(&doc);
            let features = all_features(&doc, &quotes);
            let has = features.first().is_some_and(|f| f.iter().any(|x| x == feature));
            assert_eq!(has, expected, "{name}: {:?}", features.first());
        }
    }

    #[test]
    fn term_and_genre_features() {
        // (name, text, feature, whether the first quotation has it)
        let cases: &[(&str, &str, &str, bool)] = &[
            ("no cue near", "Poets break up sequences like “noun + adjective” often.", "nocue_near&size=s", true),
            ("cue in the sentence", "He said “noun + adjective” often.", "nocue_near&size=s", false),
            ("cue in the next sentence", "It was “a disgrace” to them. So he said.", "nocue_near&size=s", false),
            ("term further back", "The term for this sequence is “open repair” today.", "term_context&size=s", true),
            ("referred to as", "The Incas referred to quinoa as “chisaya mama” once.", "term_context&size=s", true),
            ("no term word", "The Incas grew quinoa as “chisaya mama” once.", "term_context&size=s", false),
            ("like", "Use a word like “Huh” in the test.", "example_before&size=s", true),
            ("such as", "Use words such as “Huh” in the test.", "example_before&size=s", true),
            ("plain", "Use the word “Huh” in the test.", "example_before&size=s", false),
            ("in parentheses", "The other participant (“other-initiated”) repairs it.", "in_parens", true),
            ("only opened", "The other participant (“other-initiated” repairs) it.", "in_parens", false),
            ("means", "The word “tmesis” means cutting.", "definition_after&size=s", true),
            ("is a", "The word “tmesis” is a term of rhetoric.", "definition_after&size=s", true),
            ("said after", "“Tmesis,” she said.", "definition_after&size=s", false),
            ("naming cue only", "Researchers call this effect “tonic immobility” in hens.", "naming_cues_only&size=s", true),
            (
                "naming cue in an essay",
                "Hens sleep. Hens eat. Hens run. Hens sit. Hens lay. Hens peck. Hens walk. Researchers call this effect “tonic immobility” in hens.",
                "naming_cues_only&doc=other",
                true,
            ),
            ("naming cue in a short text", "Researchers call this effect “tonic immobility” in hens.", "naming_cues_only&doc=other", false),
            ("speech cue too", "He told us researchers call it “tonic immobility” in hens.", "naming_cues_only&size=s", false),
            (
                "no cue in any sentence",
                "Hens sleep. Hens eat. Hens run. Hens sit. Hens lay. Hens peck. Hens walk. Hens have “tonic immobility” in fear.",
                "doc_cued=0-9",
                true,
            ),
            ("no cue in a short text", "Hens sleep. Hens have “tonic immobility” in fear.", "doc_cued=0-9", false),
            (
                "a cue in every sentence: news, no feature",
                "He said it. She said so. He said no. She said yes. He said it. She said so. He said no. She said it was “tonic immobility” in fear.",
                "doc_cued=",
                false,
            ),
            (
                "the others have none",
                "Hens sleep. Hens eat. Hens run. Hens sit. Hens lay. Hens peck. Hens have “tonic immobility” in fear. A “hen” is a bird. The “cock” too.",
                "doc_quotes_uncued&size=s",
                true,
            ),
            (
                "the others have cues",
                "Hens sleep. Hens eat. Hens run. Hens sit. Hens lay. Hens peck. Hens have “tonic immobility” in fear. “We know,” he said. She said, “Yes.”",
                "doc_quotes_uncued&size=s",
                false,
            ),
            ("the others in a short text", "Hens have “tonic immobility” in fear. A “hen” is a bird. The “cock” too.", "doc_quotes_uncued&size=s", false),
        ];
        let mut wrong = Vec::new();
        for &(name, text, feature, expected) in cases {
            let doc = Document::new(text);
            let quotes = super::super::find(&doc);
            let features = all_features(&doc, &quotes);
            // A feature name ending in `=` stands for any value.
            let matches = |x: &String| if feature.ends_with('=') { x.starts_with(feature) } else { x == feature };
            if features.first().is_some_and(|f| f.iter().any(matches)) != expected {
                wrong.push(format!("{name}: {:?}", features.first()));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// A predicate's table over the first quotation of each text: `(name, text, expected)`.
    fn check_first_quote(cases: &[(&str, &str, bool)], predicate: fn(&Document, &Quote) -> bool) {
        for &(name, text, expected) in cases {
            let doc = Document::new(text);
            let quotes = super::super::find(&doc);
            assert_eq!(predicate(&doc, &quotes[0]), expected, "{name}");
        }
    }

    #[test]
    fn so_called_marks_a_term() {
        // (name, text, the first quotation follows `so-called`)
        let cases: &[(&str, &str, bool)] = &[
            ("hyphenated", "The so-called “gas price brake” takes effect in March.", true),
            ("two words", "The so called 'brake' takes effect.", true),
            ("capitalised", "So-called “experts” disagree.", true),
            ("called alone", "Critics called it a “watering can” approach.", false),
            ("said", "He said “we will win.”", false),
        ];
        check_first_quote(cases, is_so_called);
    }

    /// An article that quotes speech in single marks reads its other
    /// single-mark quotations as quotations too; one that quotes in double
    /// marks reads a single-mark stretch without a cue as a term.
    #[test]
    fn single_marks_follow_the_articles_convention() {
        // (name, text, kinds of the quotations in order)
        let cases: &[(&str, &str, &[QuoteKind])] = &[
            (
                "British copy",
                "The Chancellor said: 'We have delivered.' Labour said families were still 'worse off' than a year ago.\n\n'It will take time,' said an economist.",
                &[QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Direct],
            ),
            (
                "American copy",
                "The senator said: “We have delivered.”\n\nThe memo, titled 'All Bets Are Off', leaked on Monday.\n\n“It will take time,” said an economist.",
                &[QuoteKind::Direct, QuoteKind::Scare, QuoteKind::Direct],
            ),
        ];
        for (name, text, kinds) in cases {
            let doc = Document::new(text);
            let got: Vec<QuoteKind> = super::super::find(&doc).iter().map(|q| q.kind).collect();
            assert_eq!(&got, kinds, "{name}");
        }
    }

    /// A quotation split by its cue stays direct; a fragment after a cue
    /// that ends its own sentence does not follow the one before.
    #[test]
    fn split_quotations_go_on_as_they_began() {
        let cases: &[(&str, &str, &[QuoteKind])] = &[
            (
                "split",
                "“I've heard good arguments on both sides tonight,” he said, “and I want to read the traffic study before I vote.”",
                &[QuoteKind::Direct, QuoteKind::Direct],
            ),
            (
                "a new sentence",
                "“We will win,” he said. Later he promised to act “as soon as possible,” aides said.",
                &[QuoteKind::Direct, QuoteKind::Partial],
            ),
        ];
        for (name, text, kinds) in cases {
            let doc = Document::new(text);
            let got: Vec<QuoteKind> = super::super::find(&doc).iter().map(|q| q.kind).collect();
            assert_eq!(&got, kinds, "{name}");
        }
    }

    #[test]
    fn imagined_speech_is_not_speech() {
        // (name, text, the first quotation only imagines speech)
        let cases: &[(&str, &str, bool)] = &[
            ("might say", "For instance, you might say: “Hey, cool name.”", true),
            ("rather than saying", "Rather than saying, “looking for people,” joke.", true),
            ("simply saying", "Ask about their day, or simply saying “Hi!” works.", true),
            ("going to say", "And I was going to say “good afternoon,” but we are late.", true),
            ("could ask", "You could ask “Where are you from?” at first.", true),
            ("said", "He said, “We will win.”", false),
            ("went on to say", "She went on to say, “We will win.”", false),
            ("to say alone", "He rose to say “We will win.”", false),
            ("modal far back", "He would later say he was “very sorry.”", false),
            ("modal, another verb", "You might write “Dear Sir” at the top.", false),
        ];
        check_first_quote(cases, is_imagined_speech);
    }

    #[test]
    fn only_the_text_s_first_part_has_a_headline() {
        let text = "Trump Calls Plan ‘Crazy’\n\n“It is crazy,” Trump said on Monday in a long speech.";
        for (opens_text, expected) in [(true, true), (false, false)] {
            let doc = Document::part(text, opens_text);
            let quotes = super::super::find(&doc);
            let features = all_features(&doc, &quotes);
            assert_eq!(features[0].iter().any(|f| f == "headline"), expected, "opens_text {opens_text}");
            assert_eq!(in_headline(&doc, &quotes[0]), expected);
            assert!(!features[1].iter().any(|f| f == "headline"));
        }
    }

    #[test]
    fn headline_echoes() {
        // (name, text, kinds given to the quotations, whether the first echoes speech below)
        let (d, s) = (QuoteKind::Direct, QuoteKind::Scare);
        let p = QuoteKind::Partial;
        let cases: &[(&str, &str, &[QuoteKind], bool)] = &[
            (
                "words reported below",
                "Leaders Agree to Meet ‘As Soon as Possible’\n\nThey will meet “as soon as possible,” the office said.",
                &[s, p],
                true,
            ),
            (
                "below, but not speech",
                "Leaders Agree to Meet ‘As Soon as Possible’\n\nThey will meet “as soon as possible,” the office said.",
                &[s, s],
                false,
            ),
            (
                "a title keeps its capitals",
                "Ava DuVernay’s ‘13th’ Explores Prisons\n\nHer film “13th” opens today, she said.",
                &[s, d],
                false,
            ),
            (
                "other words below",
                "Leaders Agree to Meet ‘Very Soon’\n\nThey will meet “as soon as possible,” the office said.",
                &[s, p],
                false,
            ),
            (
                "not a headline",
                "The leaders agreed to meet ‘As Soon as Possible’ after a long day of talks in the capital, where officials from both sides had gathered since the morning to settle the details of an agenda that neither side would make public before the meeting itself took place.\n\nThey will meet “as soon as possible,” the office said.",
                &[s, p],
                false,
            ),
        ];
        for &(name, text, kinds, expected) in cases {
            let doc = Document::new(text);
            let quotes = super::super::find(&doc);
            assert_eq!(quotes.len(), kinds.len(), "{name}");
            assert_eq!(is_headline_echo(&doc, &quotes, kinds, 0), expected, "{name}");
        }
        // And in the annotator: the seed's headline is speech.
        let text = "Seoul: US, N. Korea Agree to Second Summit ‘As Soon as Possible’\n\nThe leaders agreed to a second summit “as soon as possible,” South Korea’s presidential office said Sunday.";
        let doc = Document::new(text);
        let quotes = super::super::find(&doc);
        assert_eq!(quotes[0].kind, QuoteKind::Direct);
    }

    #[test]
    fn nicknames_are_scare_quotes() {
        // (name, text, the first quotation is a nickname)
        let cases: &[(&str, &str, bool)] = &[
            ("inside a name", "Rep. Robert C. “Bobby” Scott said it was time.", true),
            ("inside a name after a cue", "Del. Marcia \"Cia\" Price shouted to the crowd.", true),
            ("two words", "The boxer James “Lights Out” Toney spoke.", true),
            ("after a title", "Former NFL star Joe “Mean” Greene spoke.", true),
            ("sentence, not a name", "Trump said “Wrong.” Tuesday came.", false),
            ("lower case", "John “the barber” Smith spoke.", false),
            ("three words", "John “The Big Man” Smith spoke.", false),
            ("no name after", "Trump said “Wrong” on Tuesday.", false),
        ];
        check_first_quote(cases, is_nickname);
    }

    #[test]
    fn signed_and_split_quotations_are_speech() {
        // (name, text, the kind of the first quotation)
        let cases: &[(&str, &str, QuoteKind)] = &[
            ("signed", "Readers wrote in.\n\n“The most unqualified child to ever run for president.” ― Francisco Herrero", QuoteKind::Direct),
            ("split by its attribution", "Obama spoke.\n\n''Hopefully,'' the president said, ''this museum can help us talk to each other.''", QuoteKind::Direct),
            ("a title, then a cue without a speaker", "Graham said on MSNBC's \"Morning Joe,\" adding, “he is an insider in an outsider year.”", QuoteKind::Scare),
            ("a title before a dash and a lower-case word", "He loved the film “Jaws” — and its sequels.", QuoteKind::Scare),
        ];
        for &(name, text, expected) in cases {
            let doc = Document::new(text);
            let mut quotes = super::super::find(&doc);
            classify_all(&doc, &mut quotes);
            assert_eq!(quotes[0].kind, expected, "{name}");
        }
    }

    #[test]
    fn features_list_keeps_order() {
        let mut f = Features::default();
        assert_eq!(f.iter().count(), 0);
        f.add(&["words=", "3"]);
        f.add(&["upper"]);
        f.add(&["cue_left", "&size=", "s"]);
        assert_eq!(f.iter().collect::<Vec<_>>(), ["words=3", "upper", "cue_left&size=s"]);
    }
}
