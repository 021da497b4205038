//! Step 3: whether a quotation reports speech (`direct`, `partial`) or flags
//! a term, title or nickname (`scare`).
//!
//! News puts a writer's own words in quotation marks for two reasons: to
//! report what someone said, and to hold a word at arm's length (the
//! “historic” summit, the show “Fuller House”). The same two words can be
//! either; the sentence around them decides. A small logistic model weighs
//! what the sentence shows: a speech verb near the quotation or elsewhere in
//! the sentence, `according to`, Title Case, length, closing punctuation,
//! first-person words inside, the words just before and after. Its weights
//! are learned by `scripts/train_quote_kind.py` from the PolNeAR training
//! articles and embedded from `data/quote-kind.tsv`.
//!
//! Speech is then `partial` when the quotation starts in lower case after
//! other words of its sentence, and `direct` otherwise.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{Quote, QuoteKind};
use crate::document::chars::{is_space, is_terminal};
use crate::document::{Document, TokenKind};
use crate::lexicon;

const WEIGHTS: &str = include_str!("../../../data/quote-kind.tsv");

/// The model: bias, decision threshold and feature weights.
struct Model {
    bias: f64,
    threshold: f64,
    weights: HashMap<&'static str, f64>,
}

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = Model { bias: 0.0, threshold: 0.5, weights: HashMap::new() };
        for line in WEIGHTS.lines().filter(|l| !l.starts_with('#')) {
            let Some((f, w)) = line.split_once('\t') else { continue };
            let w: f64 = w.parse().unwrap_or(0.0);
            match f {
                "<bias>" => m.bias = w,
                "<threshold>" => m.threshold = w,
                _ => {
                    m.weights.insert(f, w);
                }
            }
        }
        m
    })
}

/// The model's probability that a quotation with these features is speech.
pub fn speech_probability(features: &[String]) -> f64 {
    let m = model();
    let z: f64 = m.bias + features.iter().filter_map(|f| m.weights.get(f.as_str())).sum::<f64>();
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
    let all: Vec<Vec<String>> = quotes.iter().map(|q| features(doc, q, &ctx)).collect();
    for (q, f) in quotes.iter_mut().zip(all) {
        let speech = speech_probability(&f) >= speech_threshold() && !(is_single(doc, q) && single_is_term(&f));
        q.kind = if speech { speech_kind(doc, q, &ctx) } else { QuoteKind::Scare };
    }
}

/// Whether the quotation is in single marks (`‘…’`, `'…'`).
fn is_single(doc: &Document, q: &Quote) -> bool {
    let s = q.span.slice(doc.text);
    s.starts_with(['‘', '’', '‚']) || (s.starts_with('\'') && !s.starts_with("''"))
}

/// American copy quotes speech in double marks; a stretch in single marks
/// outside a headline, with no cue right beside it, is a term or a title
/// (`'All Bets Are Off.'` as a subheading). The training data marks no
/// single quotes, so this is a rule, not a learned weight. British-style
/// speech (`‘We will,’ he said`) keeps its cue and stays speech.
fn single_is_term(features: &[String]) -> bool {
    let has = |name: &str| features.iter().any(|f| f == name);
    !has("headline") && !has("cue_before") && !has("cue_after") && !has("colon")
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
    let ctx = Context::new(doc, quotes);
    quotes.iter().map(|q| features(doc, q, &ctx)).collect()
}

/// What the article shows around its quotations, counted once so that
/// each quotation's features cost time independent of its sentence's length.
struct Context {
    /// Whether each token is a speech or naming cue outside quotations.
    cue: Vec<bool>,
    /// Prefix counts over tokens (one more entry than tokens): words, speech
    /// cues outside quotations, cues with a subject just before them
    /// (`he said`), cues followed by `that`, and `according to`.
    words: Vec<u32>,
    cues: Vec<u32>,
    cues_with_subject: Vec<u32>,
    cues_that: Vec<u32>,
    according: Vec<u32>,
    /// Quotations starting before each sentence (prefix sums; one more entry
    /// than sentences).
    starts_by_sentence: Vec<usize>,
    /// Quotations starting in each paragraph.
    starts_by_paragraph: Vec<usize>,
    /// How often the same words are quoted.
    keys: HashMap<String, usize>,
}

impl Context {
    fn new(doc: &Document, quotes: &[Quote]) -> Self {
        let mut per_sentence = vec![0usize; doc.sentences.len() + 1];
        let mut starts_by_paragraph = vec![0usize; doc.paragraphs.len()];
        let mut keys = HashMap::new();
        for q in quotes {
            if let Some(si) = doc.sentence_at(q.span.start) {
                per_sentence[si + 1] += 1;
                starts_by_paragraph[doc.sentences[si].paragraph] += 1;
            }
            *keys.entry(quote_key(doc, q)).or_insert(0) += 1;
        }
        for i in 1..per_sentence.len() {
            per_sentence[i] += per_sentence[i - 1];
        }
        let in_quote = quote_mask(doc, quotes);
        let n = doc.tokens.len();
        let is_word = |k: usize| doc.tokens[k].kind == TokenKind::Word;
        // Looked up once a token: three of the counts below ask it.
        let cue: Vec<bool> = (0..n)
            .map(|k| is_word(k) && !in_quote[k] && doc.tok(k).starts_with(char::is_lowercase) && is_cue_word(doc.tok(k)))
            .collect();
        let is_cue = |k: usize| cue[k];
        let sentence_start = {
            let mut v = vec![0usize; n];
            for sent in &doc.sentences {
                v[sent.tokens.0..sent.tokens.1].iter_mut().for_each(|x| *x = sent.tokens.0);
            }
            v
        };
        // A subject right before a cue: among the three tokens before it in
        // its sentence, a pronoun, a capitalised word or a speaker noun.
        let has_subject = |k: usize| {
            (sentence_start[k]..k).rev().take(3).filter(|&j| is_word(j) && !in_quote[j]).any(|j| {
                let w = doc.tok(j);
                lexicon::pronoun(w).is_some()
                    || w.starts_with(char::is_uppercase)
                    || lexicon::is_speaker_noun(&w.to_lowercase())
            })
        };
        let prefix = |pred: &dyn Fn(usize) -> bool| {
            let mut v = Vec::with_capacity(n + 1);
            v.push(0u32);
            for k in 0..n {
                v.push(v[k] + pred(k) as u32);
            }
            v
        };
        let words = prefix(&is_word);
        let cues = prefix(&is_cue);
        let cues_with_subject = prefix(&|k| is_cue(k) && has_subject(k));
        let cues_that = prefix(&|k| is_cue(k) && k + 1 < n && doc.tok(k + 1) == "that");
        let according = prefix(&|k| k + 1 < n && doc.tok(k).eq_ignore_ascii_case("according") && doc.tok(k + 1) == "to");
        Context {
            cue,
            words,
            cues,
            cues_with_subject,
            cues_that,
            according,
            starts_by_sentence: per_sentence,
            starts_by_paragraph,
            keys,
        }
    }

    /// How many of the tokens `a..b` a prefix count counts.
    fn count(prefix: &[u32], a: usize, b: usize) -> usize {
        if b <= a {
            0
        } else {
            (prefix[b] - prefix[a]) as usize
        }
    }
}

/// The quoted words, lower-cased, without closing punctuation.
fn quote_key(doc: &Document, q: &Quote) -> String {
    q.inner.slice(doc.text).trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
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
    for (k, w) in inner.split(is_space).filter(|w| w.chars().any(char::is_alphanumeric)).enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        shape.words += 1;
        let upper = w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if k == 0 {
            shape.starts_upper = upper;
        }
        let base = w.split(['’', '\'']).next().unwrap_or(w);
        if matches!(base, "I" | "we" | "We" | "me" | "my" | "My" | "our" | "Our" | "us" | "you" | "You" | "your" | "Your") {
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
fn word_feature(w: &str) -> String {
    if w.chars().any(|c| c.is_ascii_digit()) {
        return "<num>".into();
    }
    if w.starts_with(char::is_uppercase) && !w.chars().all(|c| !c.is_lowercase()) {
        // Capitalised words are names more often than not: keep a few function words.
        let lower = w.to_lowercase();
        return if lexicon::ends_noun_phrase(&lower) { lower } else { "<Cap>".into() };
    }
    w.to_lowercase()
}

/// The features of one quotation, as `name=value` strings.
fn features(doc: &Document, q: &Quote, ctx: &Context) -> Vec<String> {
    let text = doc.text;
    let inner_text = q.inner.slice(text);
    let shape = inner_shape(inner_text);
    let mut f: Vec<String> = Vec::with_capacity(24);
    let mut add = |s: String| f.push(s);

    add(format!("words={}", bucket(shape.words)));
    let title = shape.content > 0 && shape.capitalised * 4 >= shape.content * 3;
    if title {
        add(format!("title&words={}", bucket(shape.words.min(7))));
    }
    if shape.starts_upper {
        add("upper".into());
    }
    if shape.first_person {
        add("first_person".into());
    }
    let last = inner_text.chars().next_back().unwrap_or(' ');
    add(format!(
        "end={}",
        match last {
            '.' | '…' => ".",
            ',' => ",",
            '?' | '!' => "?!",
            ';' | ':' => ";",
            c if c.is_alphanumeric() => "w",
            _ => "p",
        }
    ));
    let mark = q.span.slice(text).chars().next().unwrap_or(' ');
    add(format!(
        "mark={}",
        match mark {
            '"' => "straight",
            '“' | '”' | '„' => "curly",
            '\'' if q.span.slice(text).starts_with("''") => "doubled",
            '`' => "doubled",
            '‘' | '’' | '\'' | '‚' => "single",
            _ => "other",
        }
    ));
    if !q.closed {
        add("unclosed".into());
    }
    if q.paragraphs > 1 {
        add("multipara".into());
    }
    if inner_text.contains(['“', '"', '‘']) {
        add("nested".into());
    }

    let ti = doc.token_at_or_after(q.span.start);
    let tj = doc.token_at_or_after(q.span.end);
    let (Some(si), Some(sj)) = (doc.sentence_at(q.span.start), doc.sentence_at(q.span.end.saturating_sub(1))) else {
        return f;
    };
    let (lo, hi) = (doc.sentences[si].tokens.0, doc.sentences[sj].tokens.1);
    let pi = doc.sentences[si].paragraph;
    let para = doc.paragraphs[pi];
    let is_word = |k: usize| doc.tokens[k].kind == TokenKind::Word;
    let is_cue = |k: usize| ctx.cue[k];
    let cues = |a: usize, b: usize| Context::count(&ctx.cues, a, b) > 0;

    // Position in sentence and paragraph.
    let words_before = Context::count(&ctx.words, lo, ti);
    add(format!("before={}", bucket(words_before.min(5))));
    let words_after = Context::count(&ctx.words, tj, hi);
    add(format!("after={}", bucket(words_after.min(5))));
    if para.span.start == q.span.start {
        add("opens_para".into());
    }
    if q.span.end >= para.span.end.saturating_sub(1) {
        add("closes_para".into());
    }
    if pi == 0 && doc.paragraphs.len() > 1 && para.tokens.1 - para.tokens.0 <= 40 {
        add("headline".into());
    }

    // Words around the quotation.
    let prev = (lo..ti).rev().find(|&k| is_word(k));
    let next = (tj..hi).find(|&k| is_word(k));
    if let Some(k) = prev {
        add(format!("prev={}", word_feature(doc.tok(k))));
        if let Some(k2) = (lo..k).rev().find(|&k2| is_word(k2)) {
            add(format!("prev2={}", word_feature(doc.tok(k2))));
        }
    } else {
        add("prev=<s>".into());
    }
    if let Some(k) = next {
        add(format!("next={}", word_feature(doc.tok(k))));
    } else {
        add("next=</s>".into());
    }
    if ti > 0 && ti - 1 >= lo && !is_word(ti - 1) {
        add(format!("prevpunct={}", doc.tok(ti - 1)));
    }
    if tj < hi && !is_word(tj) {
        add(format!("nextpunct={}", doc.tok(tj)));
    }

    // Speech cues.
    let cue_before = prev.is_some_and(|k| (ti - k) <= 3 && is_cue(k));
    let cue_after = cues(tj, hi.min(tj + 6));
    let cue_near_before = cues(lo.max(ti.saturating_sub(8)), ti);
    let cue_sentence = cues(lo, hi);
    let according = Context::count(&ctx.according, lo, hi.saturating_sub(1)) > 0;
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
            add(name.into());
        }
    }
    if !cue_sentence && !according {
        add(format!("nocue&words={}", bucket(shape.words.min(7))));
    }
    // The hand-written rule this model grew from, as one more feature: a
    // Title Case stretch with no cue beside it, or a short one with no cue
    // in its sentence, is a scare quote (outside headlines).
    let headline = pi == 0 && doc.paragraphs.len() > 1 && para.tokens.1 - para.tokens.0 <= 40;
    let opens_para = para.span.start == q.span.start;
    let ends_punct = matches!(last, '.' | '…' | ',' | '?' | '!' | ';' | ':');
    let rule_scare = if headline {
        shape.words <= 2 && !cue_sentence
    } else {
        (title && !(cue_before || cue_after) && !(opens_para && shape.words >= 3))
            || (shape.words <= 4 && !cue_sentence && !opens_para && !(ends_punct && shape.starts_upper))
    };
    if rule_scare {
        add("rule_scare".into());
    }
    // The sentence before or after in the paragraph has a cue (`X said. “…”`).
    let near_sentence_cue = [si.checked_sub(1), Some(sj + 1)].into_iter().flatten().any(|s| {
        s < doc.sentences.len() && doc.sentences[s].paragraph == pi && {
            let (a, b) = doc.sentences[s].tokens;
            cues(a, b)
        }
    });
    if near_sentence_cue {
        add("cue_near_sentence".into());
    }

    // Where the sentence's speech cues stand, and whether one has a subject
    // (`he said`, `Trump called`): a term quoted inside reported speech is
    // part of the report; one in the writer's own sentence is not.
    let size = match shape.words {
        0..=2 => "s",
        3..=5 => "m",
        _ => "l",
    };
    let cue_left = cues(lo, ti);
    let cue_right = cues(tj, hi);
    let cue_subject = Context::count(&ctx.cues_with_subject, lo, hi) > 0;
    let cue_that = Context::count(&ctx.cues_that, lo, ti) > 0;
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
            add(format!("{name}&size={size}"));
        }
    }
    if cue_that {
        add("cue_that".into());
    }
    if cue_subject {
        add("cue_subject".into());
    }
    // Words that name what follows as a term or a work.
    let before_words: Vec<String> =
        (lo..ti).rev().filter(|&k| is_word(k)).take(3).map(|k| doc.tok(k).to_lowercase()).collect();
    let naming = before_words.iter().any(|w| {
        matches!(
            w.as_str(),
            "so-called" | "called" | "dubbed" | "term" | "terms" | "word" | "words" | "phrase" | "slogan" | "motto"
                | "label" | "labeled" | "labelled" | "nickname" | "nicknamed" | "named" | "titled" | "entitled"
                | "known" | "hashtag" | "brand" | "branded" | "termed"
        )
    });
    if naming {
        add(format!("naming&size={size}"));
    }
    let work = before_words.iter().take(2).any(|w| {
        matches!(
            w.as_str(),
            "book" | "film" | "movie" | "show" | "song" | "album" | "series" | "program" | "programme" | "column"
                | "article" | "essay" | "memoir" | "novel" | "play" | "musical" | "headline" | "documentary"
                | "episode" | "op-ed" | "editorial" | "ad" | "poem" | "report" | "magazine" | "newspaper" | "segment"
                | "sitcom" | "podcast" | "blog" | "website" | "campaign" | "initiative" | "act" | "bill" | "operation"
        )
    });
    if work {
        add("work".into());
    }
    if before_words.first().is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your" | "this" | "that")) {
        add(format!("det_before&size={size}"));
    }
    // What the inside looks like: a clause (a subject pronoun or an
    // auxiliary), several sentences.
    let inner_words: Vec<&str> = inner_text
        .split(is_space)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .filter(|w| !w.is_empty())
        .collect();
    let clause = inner_words.iter().any(|w| {
        let l = w.to_lowercase();
        let base = l.split(['’', '\'']).next().unwrap_or("");
        matches!(
            base,
            "i" | "we" | "you" | "he" | "she" | "they" | "it" | "is" | "are" | "was" | "were" | "will" | "would"
                | "can" | "could" | "should" | "have" | "has" | "had" | "do" | "does" | "did" | "don" | "won" | "am"
                | "must" | "may" | "might" | "there" | "that"
        ) || l.contains("n’t") || l.contains("n't")
    });
    if clause {
        add(format!("clause&size={size}"));
    }
    let inner_sentences = inner_text
        .char_indices()
        .filter(|&(i, c)| matches!(c, '.' | '?' | '!') && inner_text[i + 1..].starts_with(' '))
        .count();
    if inner_sentences > 0 {
        add(format!("inner_sentences={}", inner_sentences.min(3)));
    }
    // Other quotations in the sentence and the paragraph, and the same words
    // quoted elsewhere in the article (a title or nickname comes back).
    let others_sentence = (ctx.starts_by_sentence[sj + 1] - ctx.starts_by_sentence[si]).saturating_sub(1);
    if others_sentence > 0 {
        add(format!("others_sentence={}", others_sentence.min(2)));
    }
    let others_para = ctx.starts_by_paragraph[pi].saturating_sub(1);
    add(format!("others_para={}", bucket(others_para.min(3))));
    if ctx.keys.get(&quote_key(doc, q)).is_some_and(|&n| n > 1) {
        add(format!("repeated&size={size}"));
    }
    if words_before == 0 && words_after == 0 {
        add("whole_sentence".into());
    }
    let question = doc.sentences[sj].span.slice(text).trim_end().ends_with('?');
    if question && !inner_text.ends_with('?') {
        add("in_question".into());
    }
    f
}

/// `direct` or `partial` for a quotation that reports speech.
fn speech_kind(doc: &Document, q: &Quote, ctx: &Context) -> QuoteKind {
    let inner = q.inner.slice(doc.text);
    let starts_upper = inner.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase);
    let ti = doc.token_at_or_after(q.span.start);
    let words_before = doc
        .sentence_at(q.span.start)
        .map(|si| Context::count(&ctx.words, doc.sentences[si].tokens.0, ti))
        .unwrap_or(0);
    let ends_sentence = inner.chars().next_back().is_some_and(is_terminal);
    if words_before > 0 && (!starts_upper || !ends_sentence && inner.split(is_space).count() <= 3) {
        QuoteKind::Partial
    } else {
        QuoteKind::Direct
    }
}

/// Speech verbs, and the naming verbs that quote a word (`called them
/// “deplorables”`).
fn is_cue_word(w: &str) -> bool {
    // Naming verbs, compared without allocating: this runs on every word.
    const NAMING: &[&str] = &[
        "call", "calls", "called", "calling", "dub", "dubs", "dubbed", "dubbing", "label", "labels", "labeled",
        "labelled", "labeling", "term", "termed", "brand", "branded", "branding", "describe", "described",
        "describes", "describing", "deem", "deemed", "nickname", "nicknamed",
    ];
    lexicon::is_speech_verb(w) || (w.len() <= 10 && NAMING.iter().any(|n| w.eq_ignore_ascii_case(n)))
}
