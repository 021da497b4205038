//! Step 3: whether a quotation reports speech (`direct`, `partial`) or flags
//! a term, title or nickname (`scare`).
//!
//! News puts a writer's own words in quotation marks for two reasons: to
//! report what someone said, and to hold a word at arm's length (the
//! “historic” summit, the show “Fuller House”). The same two words can be
//! either, so the sentence decides: a short quotation in a sentence that
//! reports speech (a speech verb outside the quotation, `according to`) is
//! a partial quotation of that speech; without one it is a scare quote.
//! Titles are recognised by their Title Case.

use super::{Quote, QuoteKind};
use crate::document::chars::{is_space, is_terminal};
use crate::document::{Document, TokenKind};
use crate::lexicon;

/// Classifies every quotation in place.
pub(super) fn classify_all(doc: &Document, quotes: &mut [Quote]) {
    let mut in_quote = vec![false; doc.tokens.len()];
    for q in quotes.iter() {
        let a = doc.token_at_or_after(q.span.start);
        let b = doc.token_at_or_after(q.span.end);
        in_quote[a..b].iter_mut().for_each(|x| *x = true);
    }
    for q in quotes.iter_mut() {
        q.kind = classify(doc, q, &in_quote);
    }
}

/// What the words inside a quotation look like.
struct Inner {
    words: usize,
    /// Words that are not small function words.
    content: usize,
    /// Content words that start with a capital.
    capitalised: usize,
    starts_upper: bool,
    /// Ends with `.`, `!`, `?`, `…`, `,`, `;` or `:` inside the marks.
    ends_punct: bool,
}

fn inner_shape(inner: &str) -> Inner {
    let mut shape = Inner { words: 0, content: 0, capitalised: 0, starts_upper: false, ends_punct: false };
    for (k, w) in inner.split(is_space).filter(|w| w.chars().any(char::is_alphanumeric)).enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        shape.words += 1;
        let upper = w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if k == 0 {
            shape.starts_upper = upper;
        }
        if !is_small_word(w) {
            shape.content += 1;
            if upper {
                shape.capitalised += 1;
            }
        }
    }
    shape.ends_punct = inner.chars().next_back().is_some_and(|c| is_terminal(c) || matches!(c, ',' | ';' | ':'));
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

fn classify(doc: &Document, q: &Quote, in_quote: &[bool]) -> QuoteKind {
    let text = doc.text;
    let shape = inner_shape(q.inner.slice(text));

    let ti = doc.token_at_or_after(q.span.start);
    let tj = doc.token_at_or_after(q.span.end);
    let (Some(si), Some(sj)) = (doc.sentence_at(q.span.start), doc.sentence_at(q.span.end.saturating_sub(1))) else {
        return QuoteKind::Direct;
    };
    let (lo, hi) = (doc.sentences[si].tokens.0, doc.sentences[sj].tokens.1);
    let word = |k: usize| (doc.tokens[k].kind == TokenKind::Word).then(|| doc.tok(k));

    // A cue right next to the quotation: `said “…”`, `“…,” he said`.
    let prev_word = (lo..ti).rev().find_map(word);
    let cue_before = prev_word.is_some_and(|w| is_cue_word(w) || matches!(w, "as" | "that"));
    let cue_after = (tj..hi.min(tj + 6)).filter_map(word).any(|w| is_cue_word(w) && w.starts_with(char::is_lowercase));
    // A cue anywhere in the sentence, outside any quotation.
    let cue_in_sentence = cue_before
        || cue_after
        || (lo..hi).any(|k| {
            !in_quote[k]
                && word(k).is_some_and(|w| {
                    (is_cue_word(w) && w.starts_with(char::is_lowercase))
                        || (w.eq_ignore_ascii_case("according") && k + 1 < hi && doc.tok(k + 1) == "to")
                })
        });
    // A quotation that opens its paragraph is speech unless it is a title.
    let opens_paragraph = doc.paragraph_at(q.span.start).is_some_and(|p| doc.paragraphs[p].span.start == q.span.start);

    // Headline quotations are speech set in Title Case (`Summit ‘As Soon as
    // Possible’`): only a word or two stays a scare quote there.
    let pi = doc.sentences[si].paragraph;
    let in_headline = pi == 0 && doc.paragraphs.len() > 1 && {
        let (a, b) = doc.paragraphs[0].tokens;
        b - a <= 40
    };
    let title_like = shape.content > 0 && shape.words <= 8 && shape.capitalised * 4 >= shape.content * 3;
    let short = shape.words <= 4;
    if in_headline {
        if shape.words <= 2 && !cue_in_sentence {
            return QuoteKind::Scare;
        }
    } else {
        if title_like && !(cue_before || cue_after) && !(opens_paragraph && shape.words >= 3) {
            return QuoteKind::Scare;
        }
        if short && !cue_in_sentence && !opens_paragraph && !(shape.ends_punct && shape.starts_upper) {
            return QuoteKind::Scare;
        }
    }
    let words_before = (lo..ti).filter(|&k| doc.tokens[k].kind == TokenKind::Word).count();
    if words_before > 0 && !shape.starts_upper {
        return QuoteKind::Partial;
    }
    QuoteKind::Direct
}

/// Speech verbs, and the naming verbs that quote a word (`called them
/// “deplorables”`).
fn is_cue_word(w: &str) -> bool {
    lexicon::is_speech_verb(w)
        || matches!(
            w.to_ascii_lowercase().as_str(),
            "call" | "calls" | "called" | "calling" | "dub" | "dubs" | "dubbed" | "dubbing" | "label" | "labels"
                | "labeled" | "labelled" | "labeling" | "term" | "termed" | "brand" | "branded" | "branding"
                | "describe" | "described" | "describes" | "describing" | "deem" | "deemed" | "nickname" | "nicknamed"
        )
}
