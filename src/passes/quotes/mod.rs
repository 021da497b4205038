//! The quote pass: quotation-mark stretches, paired and classified.
//!
//! It works in three steps, each linear in the input:
//!
//! 1. **Marks.** Every character that can be a quotation mark is given a
//!    `Family` (which marks pair with which) and a `Role` (opening,
//!    closing, or either) read from its neighbours, the way CommonMark reads
//!    emphasis delimiters: a mark followed by a letter can open, one preceded
//!    by a letter can close. Apostrophes (`Korea’s`, `’90s`, `rock ’n’ roll`)
//!    are dropped here.
//! 2. **Pairing.** Marks are matched with a stack inside each paragraph (a
//!    line that starts with a quotation mark counts as a paragraph of its
//!    own). A stray closing mark is ignored; an opening double mark while
//!    another is open means the earlier one was stray, and it is dropped; an
//!    opening mark left unclosed ends at the end of its paragraph, unless the
//!    next paragraph opens with the same family of mark, which is the
//!    convention for a quotation running over several paragraphs. A mistake
//!    therefore never spreads past a paragraph.
//! 3. **Kind.** Each outermost quotation is `direct`, `partial` (a fragment
//!    inside reported speech) or `scare` (a term, title or nickname). Nested
//!    quotations stay inside their outer quotation.

use crate::document::chars::{is_space, is_word_char};
use crate::document::{Document, Span};
pub mod kind;
mod marks;

use marks::collect_marks;

/// Which marks pair with which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// `"` `“ ”` `„` and the doubled stand-ins ``` `` ``` `''`.
    Double,
    /// `'` `‘ ’` `‚`.
    Single,
    /// `« »`.
    Guillemet,
    /// `‹ ›`.
    SingleGuillemet,
    /// `「 」`.
    Corner,
    /// `『 』`.
    WhiteCorner,
}

const FAMILIES: usize = 6;

impl Family {
    fn index(self) -> usize {
        self as usize
    }
}

/// What a mark can do, judged from its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    span: Span,
    family: Family,
    role: Role,
    /// A single closing mark right after an `s` (`the students’ union`):
    /// a plural possessive unless no other mark could close the quote.
    possessive: bool,
}

/// How a quotation is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Reported words in quotation marks.
    Direct,
    /// A few quoted words inside a sentence of reported speech.
    Partial,
    /// Marks that flag a term, a title or a nickname rather than speech.
    Scare,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
}

/// One outermost quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included (or to the
    /// end of the paragraph when the quotation is never closed).
    pub span: Span,
    /// The words between the marks, trimmed.
    pub inner: Span,
    pub kind: QuoteKind,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Number of paragraphs the quotation covers.
    pub paragraphs: usize,
}

/// Finds every outermost quotation of `doc`, sorted by start.
pub fn find(doc: &Document) -> Vec<Quote> {
    let text = doc.text;
    let mut quotes = Vec::new();
    // An open double quotation carried into the next paragraph.
    let mut carry: Option<(Mark, usize)> = None;
    let mut marks = Vec::new();
    let paras = pairing_paragraphs(doc);
    for (pi, para) in paras.iter().enumerate() {
        marks.clear();
        collect_marks(text, *para, &mut marks);
        let mut from = 0;
        let mut stack: Vec<Mark> = Vec::new();
        let mut counts = [0usize; FAMILIES];
        // Paragraphs covered by the quotation at the bottom of the stack.
        let mut paras_of_bottom = 1;
        if let Some((open, n)) = carry.take() {
            // The paragraph re-opens the quotation: its first mark continues it.
            let reopens = marks.first().is_some_and(|m| {
                m.family == open.family && m.role != Role::Close && m.span.start == para.start
            });
            if reopens {
                from = 1;
                stack.push(open);
                counts[open.family.index()] += 1;
                paras_of_bottom = n + 1;
            } else {
                let prev = paras[pi - 1];
                quotes.push(make_quote(text, open.span.start, prev.end, false, n));
            }
        }
        let next_single_close = next_single_closers(&marks);
        for (mi, &m) in marks.iter().enumerate().skip(from) {
            let f = m.family.index();
            let closes = match m.role {
                Role::Close => true,
                Role::Open => false,
                Role::Either => stack.last().is_some_and(|top| top.family == m.family),
            };
            if closes {
                if counts[f] == 0 {
                    continue; // stray closing mark
                }
                if m.possessive && next_single_close[mi].is_some() {
                    continue; // `the students’ union’`: a later mark closes
                }
                let open = loop {
                    let top = stack.pop().expect("counts say a mark of this family is open");
                    counts[top.family.index()] -= 1;
                    if top.family == m.family {
                        break top;
                    }
                };
                if stack.is_empty() {
                    quotes.push(make_quote(text, open.span.start, m.span.end, true, paras_of_bottom));
                    paras_of_bottom = 1;
                }
            } else {
                if m.possessive {
                    continue;
                }
                // English does not nest double marks in double marks: an
                // opening double mark while one is open means the earlier one
                // was stray (`"Trump said, “Only Rosie.” But…`, a paragraph
                // mark left over from a transcript). It is dropped, with
                // anything opened after it.
                if m.family == Family::Double && counts[f] > 0 {
                    let at = stack.iter().rposition(|o| o.family == Family::Double).expect("counted");
                    for o in stack.drain(at..) {
                        counts[o.family.index()] -= 1;
                    }
                }
                if stack.is_empty() {
                    paras_of_bottom = 1;
                }
                stack.push(m);
                counts[f] += 1;
            }
        }
        // Unclosed at the end of the paragraph: only a double-type mark at the
        // bottom of the stack can run on; single marks are too often
        // apostrophes to trust unclosed.
        if let Some(&bottom) = stack.first() {
            if bottom.family != Family::Single {
                carry = Some((bottom, paras_of_bottom));
            } else if let Some(pos) = stack.iter().position(|m| m.family != Family::Single) {
                carry = Some((stack[pos], 1));
            }
        }
    }
    if let Some((open, n)) = carry {
        let last = *paras.last().expect("a carried quote has a paragraph");
        quotes.push(make_quote(text, open.span.start, last.end, false, n));
    }
    // Marks around nothing (`""`) quote nothing.
    quotes.retain(|q| q.inner.slice(text).chars().any(is_word_char));
    crate::document::sort_stably(&mut quotes, |q| q.span.start as u128);
    kind::classify_all(doc, &mut quotes);
    quotes
}

/// The paragraphs quotations are paired in: the document's paragraphs, cut
/// again at a line break followed by a quotation mark. Copy that separates
/// most paragraphs with blank lines sometimes separates a few with a single
/// line break; a line that starts with a mark is such a paragraph (a quote
/// running on re-opens it, and then continues as across paragraphs).
fn pairing_paragraphs(doc: &Document) -> Vec<Span> {
    let text = doc.text;
    let mut out = Vec::with_capacity(doc.paragraphs.len());
    for para in &doc.paragraphs {
        let s = para.span.slice(text);
        let mut start = 0;
        for (i, _) in s.match_indices('\n') {
            let line = s[i + 1..].trim_start_matches(is_space);
            if line.starts_with(crate::document::chars::is_quote_mark) {
                let end = s[..i].trim_end_matches(is_space).len();
                if end > start {
                    out.push(Span::new(para.span.start + start, para.span.start + end));
                }
                start = s.len() - line.len();
            }
        }
        out.push(Span::new(para.span.start + start, para.span.end));
    }
    out
}

/// For each mark, whether a later single-family closing mark exists in the
/// paragraph before the next single-family opening mark.
fn next_single_closers(marks: &[Mark]) -> Vec<Option<usize>> {
    let mut out = vec![None; marks.len()];
    let mut next: Option<usize> = None;
    for (i, m) in marks.iter().enumerate().rev() {
        out[i] = next;
        if m.family == Family::Single {
            match m.role {
                Role::Close | Role::Either => next = Some(i),
                Role::Open => next = None,
            }
        }
    }
    out
}

fn make_quote(text: &str, start: usize, end: usize, closed: bool, paragraphs: usize) -> Quote {
    let span = Span::new(start, end);
    let inner = inner_span(text, span);
    Quote { span, inner, kind: QuoteKind::Direct, closed, paragraphs }
}

/// The quotation without its outer marks and surrounding space.
fn inner_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let trimmed_start = s.trim_start_matches(|c: char| crate::document::chars::is_quote_mark(c) || is_space(c));
    let a = span.start + (s.len() - trimmed_start.len());
    let trimmed = trimmed_start.trim_end_matches(|c: char| crate::document::chars::is_quote_mark(c) || is_space(c));
    let b = a + trimmed.len();
    Span::new(a, b.max(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(&str, &'static str)> {
        let doc = Document::new(text);
        find(&doc).into_iter().map(|q| (q.span.slice(text), q.kind.as_str())).collect()
    }

    fn just_spans(text: &str) -> Vec<&str> {
        spans(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn conventions() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("straight", r#"He said "we will win the vote today." Then left."#, &[r#""we will win the vote today.""#]),
            ("closing after a dash", r#"ready to "shoot any n------" who came, and "we will—" he began."#, &[r#""shoot any n------""#, r#""we will—""#]),
            ("typographic", "He said “we will win the vote today.” Then", &["“we will win the vote today.”"]),
            ("german low-9", "Er sagte „wir gewinnen heute die Wahl“ dann", &["„wir gewinnen heute die Wahl“"]),
            ("german single", "Er sagte ‚wir gewinnen heute‘ dann", &["‚wir gewinnen heute‘"]),
            ("french spaced", "Il a dit « nous allons gagner » hier", &["« nous allons gagner »"]),
            ("french tight", "Il a dit «nous allons gagner» hier", &["«nous allons gagner»"]),
            // A spaced closing mark before punctuation, with plain, no-break and narrow no-break spaces.
            ("french spaced, comma after", "« Nous ne céderons pas », a déclaré Macron. Il a ajouté : « La France est forte. »", &["« Nous ne céderons pas »", "« La France est forte. »"]),
            ("french no-break spaces", "«\u{a0}Nous gagnerons\u{a0}». Puis «\u{202f}oui\u{202f}»!", &["«\u{a0}Nous gagnerons\u{a0}»", "«\u{202f}oui\u{202f}»"]),
            ("german guillemets", "Er sagte »wir gewinnen heute« dann", &["»wir gewinnen heute«"]),
            ("single guillemets", "Il a dit ‹ nous allons gagner › hier", &["‹ nous allons gagner ›"]),
            ("corner", "彼は「明日は雨が降るでしょう」と言った", &["「明日は雨が降るでしょう」"]),
            ("white corner", "彼は『明日は雨』と言った", &["『明日は雨』"]),
            ("doubled apostrophes", "He said ''we will win the vote today.'' Then", &["''we will win the vote today.''"]),
            ("backticks", "He said ``we will win the vote today.'' Then", &["``we will win the vote today.''"]),
            ("wrong way round", "He said ”we will win the vote today.” Then", &["”we will win the vote today.”"]),
            ("single typographic", "Summit ‘As Soon as Possible’", &["‘As Soon as Possible’"]),
            ("straight single", "He said 'we will win the vote today.' Then", &["'we will win the vote today.'"]),
        ];
        for (name, text, want) in cases {
            assert_eq!(&just_spans(text), want, "{name}");
        }
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("possessive", "South Korea’s office and Korea's", &[]),
            ("contraction", "I don’t know, it's fine", &[]),
            ("decade", "back in the ’90s and '80s", &[]),
            ("rock n roll", "rock ’n’ roll and ’em", &[]),
            ("plural possessive", "the students’ union met", &[]),
            ("o'clock ma'am", "at five o’clock, Ma’am", &[]),
            ("possessive inside quote", "the ‘the students’ union’ said", &["‘the students’ union’"]),
            ("apostrophe in quote", "He said “Korea’s future is bright.” Then", &["“Korea’s future is bright.”"]),
        ];
        for (name, text, want) in cases {
            assert_eq!(&just_spans(text), want, "{name}");
        }
    }

    #[test]
    fn nesting_and_paragraphs() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("nested", "He said “she told me ‘no way’ and left.” Then", &["“she told me ‘no way’ and left.”"]),
            (
                "multi-paragraph",
                "He said: “First part of it.\n\n“Second part of it.”\n\nAfter.",
                &["“First part of it.\n\n“Second part of it.”"],
            ),
            (
                "unclosed stays in paragraph",
                "He said “we will never stop\n\nNext paragraph has “its own quote here.”",
                &["“we will never stop", "“its own quote here.”"],
            ),
            ("stray close", "a stray” mark and “a real quote here.”", &["“a real quote here.”"]),
            ("lone open at end", "text ends with “", &[]),
            ("crash input 1", "\"\"=", &[]),
            ("crash input 2", "\"Bob.\"\n\n\"What.\"", &["\"Bob.\"", "\"What.\""]),
            (
                "line break as paragraph",
                "“First part of it.\n“Second part,” he said. Then\nmore.\n\nNext.",
                &["“First part of it.\n“Second part,”"],
            ),
            ("wrapped line", "He said “we will\nwin the vote.” Then\n\nNext.", &["“we will\nwin the vote.”"]),
            ("stray opening mark", "\"Trump said, “Only Rosie.” But she went on.", &["“Only Rosie.”"]),
            ("spaced closing mark", "\"It is a disgrace, \" Trump said.", &["\"It is a disgrace, \""]),
            ("spaced doubled close", "''I hate the term 'Manhattan poor,' '' she said", &["''I hate the term 'Manhattan poor,' ''"]),
            ("spaced opening mark", "He said “ you know, it is fine.” Then", &["“ you know, it is fine.”"]),
            ("lone spaced mark", "five \" six", &[]),
        ];
        for (name, text, want) in cases {
            assert_eq!(&just_spans(text), want, "{name}");
        }
    }

    #[test]
    fn kinds() {
        let cases: &[(&str, &str, &str)] = &[
            ("direct", "“We will win the vote today,” he said.", "direct"),
            ("partial", "They agreed to meet “as soon as possible,” the office said.", "partial"),
            ("scare term", "the “historic” summit was held", "scare"),
            ("film title", "he watched the film “Jaws” last night", "scare"),
            ("called", "she called them “deplorables.”", "partial"),
            ("british speech", "‘We will win the vote,’ he said.", "direct"),
            ("single-quoted subheading", "The vote went well.\n\n'All Bets Are Off.'\n\nThen it rained.", "scare"),
        ];
        for (name, text, want) in cases {
            let got = spans(text);
            assert_eq!(got.len(), 1, "{name}: {got:?}");
            assert_eq!(got[0].1, *want, "{name}");
        }
    }

    #[test]
    fn only_quote_marks_is_fine() {
        let text = "“”\"'‘’«»".repeat(1000);
        let _ = spans(&text);
        let text = "“".repeat(10_000);
        assert!(spans(&text).len() <= 1);
    }
}
