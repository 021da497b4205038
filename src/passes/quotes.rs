//! The quote pass: quotation-mark stretches, paired and classified.
//!
//! It works in three steps, each linear in the input:
//!
//! 1. **Marks.** Every character that can be a quotation mark is given a
//!    [`Family`] (which marks pair with which) and a [`Role`] (opening,
//!    closing, or either) read from its neighbours, the way CommonMark reads
//!    emphasis delimiters: a mark followed by a letter can open, one preceded
//!    by a letter can close. Apostrophes (`Korea’s`, `’90s`, `rock ’n’ roll`)
//!    are dropped here.
//! 2. **Pairing.** Marks are matched with a stack inside each paragraph. A
//!    stray closing mark is ignored; an opening mark left unclosed ends at the
//!    end of its paragraph, unless the next paragraph opens with the same
//!    family of mark, which is the convention for a quotation running over
//!    several paragraphs. A mistake therefore never spreads past a paragraph.
//! 3. **Kind.** Each outermost quotation is `direct`, `partial` (a fragment
//!    inside reported speech) or `scare` (a term, title or nickname). Nested
//!    quotations stay inside their outer quotation.

use crate::document::chars::{is_space, is_terminal, is_word_char};
use crate::document::{Document, Span, TokenKind};
use crate::lexicon;

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
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        marks.clear();
        collect_marks(text, para.span, &mut marks);
        let mut from = 0;
        let mut stack: Vec<Mark> = Vec::new();
        let mut counts = [0usize; FAMILIES];
        // Paragraphs covered by the quotation at the bottom of the stack.
        let mut paras_of_bottom = 1;
        if let Some((open, n)) = carry.take() {
            // The paragraph re-opens the quotation: its first mark continues it.
            let reopens = marks.first().is_some_and(|m| {
                m.family == open.family && m.role != Role::Close && m.span.start == para.span.start
            });
            if reopens {
                from = 1;
                stack.push(open);
                counts[open.family.index()] += 1;
                paras_of_bottom = n + 1;
            } else {
                let prev = doc.paragraphs[pi - 1].span;
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
        let last = doc.paragraphs.last().expect("a carried quote has a paragraph").span;
        quotes.push(make_quote(text, open.span.start, last.end, false, n));
    }
    // Marks around nothing (`""`) quote nothing.
    quotes.retain(|q| q.inner.slice(text).chars().any(is_word_char));
    quotes.sort_by_key(|q| q.span.start);
    for q in &mut quotes {
        q.kind = classify(doc, q);
    }
    quotes
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

/// Step 1: the quotation marks of one paragraph, with family and role.
fn collect_marks(text: &str, para: Span, out: &mut Vec<Mark>) {
    let s = para.slice(text);
    let base = para.start;
    let mut prev: Option<char> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, d)| d);
        let len = c.len_utf8();
        let mut push = |family, role, extra: usize, possessive| {
            out.push(Mark { span: Span::new(base + i, base + i + len + extra), family, role, possessive });
        };
        match c {
            '"' | '\u{FF02}' => {
                if let Some(role) = flank(prev, next) {
                    push(Family::Double, role, 0, false);
                }
            }
            '\u{201C}' | '\u{201F}' => match flank(prev, next) {
                // `„…“`: a closing mark in German typography.
                Some(Role::Close) => push(Family::Double, Role::Close, 0, false),
                Some(_) => push(Family::Double, Role::Open, 0, false),
                None => {}
            },
            '\u{201D}' => match flank(prev, next) {
                // `”…”` in Swedish, or typed the wrong way round.
                Some(Role::Open) => push(Family::Double, Role::Open, 0, false),
                Some(_) => push(Family::Double, Role::Close, 0, false),
                None => {}
            },
            '\u{201E}' => push(Family::Double, Role::Open, 0, false),
            '\u{201A}' => push(Family::Single, Role::Open, 0, false),
            '\u{00AB}' | '\u{2039}' => {
                let fam = if c == '\u{00AB}' { Family::Guillemet } else { Family::SingleGuillemet };
                // `»…«` (German, Danish): `«` after a word and before a space closes.
                let closes = prev.is_some_and(|p| !is_space(p)) && next.is_none_or(|n| is_space(n) || !is_word_char(n));
                push(fam, if closes { Role::Close } else { Role::Open }, 0, false);
            }
            '\u{00BB}' | '\u{203A}' => {
                let fam = if c == '\u{00BB}' { Family::Guillemet } else { Family::SingleGuillemet };
                let opens = prev.is_none_or(is_space) && next.is_some_and(|n| !is_space(n));
                push(fam, if opens { Role::Open } else { Role::Close }, 0, false);
            }
            '\u{300C}' => push(Family::Corner, Role::Open, 0, false),
            '\u{300D}' => push(Family::Corner, Role::Close, 0, false),
            '\u{300E}' => push(Family::WhiteCorner, Role::Open, 0, false),
            '\u{300F}' => push(Family::WhiteCorner, Role::Close, 0, false),
            '`' if next == Some('`') => {
                iter.next();
                out.push(Mark { span: Span::new(base + i, base + i + 2), family: Family::Double, role: Role::Open, possessive: false });
                prev = Some('`');
                continue;
            }
            '\'' | '\u{2019}' | '\u{2018}' if next == Some(c) || (c == '\'' && next == Some('\u{2019}')) => {
                // Doubled single marks stand for a double mark: `''…''`, `‘‘…’’`.
                let (_, d) = iter.next().expect("peeked");
                let after = iter.peek().map(|&(_, e)| e);
                let role = match c {
                    '\u{2018}' => Some(Role::Open),
                    '\u{2019}' => flank(prev, after).map(|r| if r == Role::Open { Role::Open } else { Role::Close }),
                    _ => flank(prev, after),
                };
                if let Some(role) = role {
                    out.push(Mark {
                        span: Span::new(base + i, base + i + len + d.len_utf8()),
                        family: Family::Double,
                        role,
                        possessive: false,
                    });
                }
                prev = Some(d);
                continue;
            }
            '\'' | '\u{2019}' | '\u{2018}' | '`' => {
                if let Some((role, possessive)) = single_role(c, prev, &s[i + len..]) {
                    push(Family::Single, role, 0, possessive);
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
}

/// The role of a symmetric mark from its neighbours, or `None` for a mark
/// standing alone between spaces.
fn flank(prev: Option<char>, next: Option<char>) -> Option<Role> {
    let space_before = prev.is_none_or(|p| is_space(p) || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/'));
    let space_after = next.is_none_or(|n| is_space(n));
    let punct_after = next.is_some_and(|n| !is_word_char(n) && !is_space(n));
    match (space_before, space_after) {
        (true, true) => None,
        (true, false) => Some(Role::Open),
        (false, true) => Some(Role::Close),
        // Between two non-space characters: `word"word` or `,"said`.
        (false, false) if punct_after => Some(Role::Close),
        (false, false) if prev.is_some_and(|p| !is_word_char(p)) => Some(Role::Either),
        (false, false) => Some(Role::Either),
    }
}

/// The role of a single mark (`'`, `‘`, `’`), or `None` for an apostrophe.
/// The `bool` is set for a possible plural possessive (`students’`).
fn single_role(c: char, prev: Option<char>, rest: &str) -> Option<(Role, bool)> {
    let next = rest.chars().next();
    let letter_before = prev.is_some_and(|p| p.is_alphanumeric());
    let letter_after = next.is_some_and(|n| n.is_alphanumeric());
    // Inside a word: `Korea’s`, `don’t`, `O’Brien`.
    if letter_before && letter_after {
        return None;
    }
    // Elisions at the start of a word: `’90s`, `’em`, `rock ’n’ roll`.
    if !letter_before && letter_after && starts_elision(rest) {
        return None;
    }
    match flank(prev, next)? {
        Role::Open if c == '\u{2019}' => Some((Role::Open, false)),
        Role::Open => Some((Role::Open, false)),
        Role::Close if c == '\u{2018}' => Some((Role::Close, false)),
        Role::Close => {
            let possessive = matches!(prev, Some('s' | 'S' | 'z')) && next.is_some_and(is_space);
            Some((Role::Close, possessive))
        }
        Role::Either => None,
    }
}

/// Words that lose their first letters to an apostrophe: `’em`, `’90s`.
fn starts_elision(rest: &str) -> bool {
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    if word.len() == 2 && word.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let after_digits = word.trim_start_matches(|c: char| c.is_ascii_digit());
    if word.len() >= 3 && after_digits == "s" {
        return true;
    }
    matches!(word.as_str(), "em" | "n" | "til" | "till" | "cause" | "tis" | "twas" | "bout" | "round" | "nuff" | "s")
}

/// Step 3: direct, partial or scare.
fn classify(doc: &Document, q: &Quote) -> QuoteKind {
    let text = doc.text;
    let inner = q.inner.slice(text);
    let words = inner.split(|c: char| is_space(c)).filter(|w| w.chars().any(char::is_alphanumeric)).count();
    let ends_punct = inner.chars().next_back().is_some_and(|c| is_terminal(c) || matches!(c, ',' | ';' | ':'));
    let first_alpha = inner.chars().find(|c| c.is_alphanumeric());
    let starts_upper = first_alpha.is_some_and(char::is_uppercase);

    // Where the quotation stands in its sentence.
    let Some(si) = doc.sentence_at(q.span.start) else { return QuoteKind::Direct };
    let sent = doc.sentences[si];
    let ti = doc.token_at_or_after(q.span.start);
    let words_before = doc.tokens[sent.tokens.0..ti.min(sent.tokens.1)]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count();
    let prev_word = doc.tokens[sent.tokens.0..ti.min(sent.tokens.1)]
        .iter()
        .rev()
        .find(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.slice(text));
    let after = &text[q.span.end..doc.paragraphs[doc.paragraph_at(q.span.end.saturating_sub(1)).unwrap_or(0)].span.end.max(q.span.end)];
    let cue_after = cue_follows(after);
    let cue_before = prev_word.is_some_and(|w| lexicon::is_speech_verb(w) || matches!(w, "as" | "that" | "of"));
    let ends_sentence_or_para = q.span.end >= sent.span.end
        || after.trim_start().starts_with(|c: char| is_terminal(c) || c == ',' || c == '\n');

    if words <= 3 && !ends_punct && !cue_after && !cue_before && !starts_upper_speech(inner, starts_upper, words) {
        return QuoteKind::Scare;
    }
    if words <= 2 && !ends_punct && !cue_after && !cue_before && !ends_sentence_or_para {
        return QuoteKind::Scare;
    }
    if words_before > 0 && !starts_upper {
        return QuoteKind::Partial;
    }
    QuoteKind::Direct
}

/// A capitalised short quotation is speech when it ends a sentence-like
/// utterance ("No!", "Yes, sir"); a capitalised title ("Jaws") is not.
fn starts_upper_speech(inner: &str, starts_upper: bool, words: usize) -> bool {
    starts_upper && words >= 2 && inner.chars().next_back().is_some_and(|c| is_terminal(c))
}

/// Whether text right after a quotation starts with an attribution:
/// `, he said`, `said Kim`, `— Kim`.
fn cue_follows(after: &str) -> bool {
    let rest = after.trim_start_matches(|c: char| is_space(c) || matches!(c, ',' | '—' | '–'));
    let mut words = rest.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|w| !w.is_empty());
    (0..5).any(|_| words.next().is_some_and(lexicon::is_speech_verb))
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
            ("typographic", "He said “we will win the vote today.” Then", &["“we will win the vote today.”"]),
            ("german low-9", "Er sagte „wir gewinnen heute die Wahl“ dann", &["„wir gewinnen heute die Wahl“"]),
            ("german single", "Er sagte ‚wir gewinnen heute‘ dann", &["‚wir gewinnen heute‘"]),
            ("french spaced", "Il a dit « nous allons gagner » hier", &["« nous allons gagner »"]),
            ("french tight", "Il a dit «nous allons gagner» hier", &["«nous allons gagner»"]),
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
