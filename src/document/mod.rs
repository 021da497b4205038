//! The document: text split into paragraphs, sentences and tokens.
//!
//! This is the first stage of the pipeline (`text -> Document -> passes ->
//! annotation -> output`). Like spaCy's `Doc`, it owns no copies of the text:
//! every unit is a byte [`Span`] into the input, so later passes can move
//! between layers (a token's sentence, a sentence's paragraph) by index.
//!
//! ```text
//! text ──paragraphs──▶ [Span] ──tokenize──▶ [Token] ──sentences──▶ [Sentence]
//! ```

pub mod chars;
pub mod parts;
mod span;
mod tokenize;

pub use span::{sort_stably, Span};
pub use tokenize::{is_abbreviation, Token, TokenKind};

use chars::{is_quote_mark, is_space, is_terminal};

/// A sentence: its span and the tokens it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index range into [`Document::tokens`].
    pub tokens: (usize, usize),
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
}

/// A paragraph: its span (trimmed of surrounding whitespace) and contents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// Index range into [`Document::tokens`].
    pub tokens: (usize, usize),
    /// Index range into [`Document::sentences`].
    pub sentences: (usize, usize),
}

/// The analysed text. Built once by [`Document::new`]; read by every pass.
#[derive(Debug)]
pub struct Document<'t> {
    pub text: &'t str,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Whether the text starts here: false for a later part of a long text
    /// ([`parts`]), whose first paragraph is no headline or title.
    pub opens_text: bool,
}

impl<'t> Document<'t> {
    /// Segments `text` into paragraphs, tokens and sentences.
    pub fn new(text: &'t str) -> Document<'t> {
        Document::part(text, true)
    }

    /// [`Document::new`] for a part of a longer text ([`parts`]):
    /// `opens_text` says whether it is the first.
    pub fn part(text: &'t str, opens_text: bool) -> Document<'t> {
        let para_spans = paragraphs(text);
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut paragraphs = Vec::with_capacity(para_spans.len());
        let mut sentences = Vec::new();
        for span in para_spans {
            let t0 = tokens.len();
            tokenize::tokenize_into(text, span, &mut tokens);
            let s0 = sentences.len();
            split_sentences(text, &tokens, t0, paragraphs.len(), &mut sentences);
            paragraphs.push(Paragraph { span, tokens: (t0, tokens.len()), sentences: (s0, sentences.len()) });
        }
        // Spare room returned in place (no copy): the token estimate's and
        // the sentences' doubling. In WASM, whose memory never shrinks,
        // later passes reuse it.
        tokens.shrink_to_fit();
        sentences.shrink_to_fit();
        Document { text, paragraphs, sentences, tokens, opens_text }
    }

    /// The paragraph that may be the text's headline or title: the first,
    /// where the text starts.
    pub fn first_paragraph(&self) -> Option<&Paragraph> {
        self.paragraphs.first().filter(|_| self.opens_text)
    }

    /// Whether paragraph `pi` is the text's headline: a short first
    /// paragraph (at most 40 tokens) with more after it.
    pub fn is_headline_paragraph(&self, pi: usize) -> bool {
        pi == 0 && self.opens_text && self.paragraphs.len() > 1 && self.paragraphs[0].tokens.1 - self.paragraphs[0].tokens.0 <= 40
    }

    /// The text of token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> &'t str {
        self.tokens[i].span.slice(self.text)
    }

    /// The index of the first token starting at or after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// The index of the sentence containing byte `pos`, or the nearest one before it.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.start <= pos);
        i.checked_sub(1)
    }

    /// The index of the paragraph containing byte `pos`, or the nearest one before it.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.start <= pos);
        i.checked_sub(1)
    }
}

/// Stage 1: paragraph spans, trimmed of whitespace.
///
/// Text with blank lines is split at blank lines (news copy, where a hard
/// line break may only wrap a line); text without any blank line is split at
/// every line break (one paragraph per line, as in wire copy and CoNLL).
pub fn paragraphs(text: &str) -> Vec<Span> {
    // Lines as trimmed spans; `None` for a blank line. U+2029 (paragraph
    // separator) counts as a blank line of its own.
    let mut lines: Vec<Option<Span>> = Vec::new();
    let line_span = |start: usize, end: usize| {
        let line = &text[start..end];
        let lead = line.len() - line.trim_start_matches(is_space).len();
        let trimmed = line.trim_matches(is_space);
        (!trimmed.is_empty()).then(|| Span::new(start + lead, start + lead + trimmed.len()))
    };
    // Scanned as bytes: no line break's UTF-8 bytes occur inside another
    // character's.
    let bytes = text.as_bytes();
    let mut line_start = 0;
    let mut i = 0;
    loop {
        i = next_break_byte(bytes, i);
        if i == bytes.len() {
            break;
        }
        let len = match bytes[i] {
            b'\n' | b'\r' => 1,
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0xA9]) => 3, // U+2029
            _ => {
                i += 1;
                continue;
            }
        };
        lines.push(line_span(line_start, i));
        let mut next = i + len;
        if bytes[i] == b'\r' && bytes.get(next) == Some(&b'\n') {
            next += 1;
        }
        if len == 3 {
            lines.push(None);
        }
        line_start = next;
        i = next;
    }
    lines.push(line_span(line_start, text.len()));

    let first = lines.iter().position(Option::is_some);
    let last = lines.iter().rposition(Option::is_some);
    let has_blank_line = match (first, last) {
        (Some(f), Some(l)) => lines[f..l].iter().any(Option::is_none),
        _ => false,
    };
    let mut out: Vec<Span> = Vec::new();
    let mut joining = false;
    for line in lines {
        match line {
            Some(span) if joining && has_blank_line => {
                let last = out.last_mut().expect("joining implies a paragraph");
                last.end = span.end;
            }
            Some(span) => {
                out.push(span);
                joining = true;
            }
            None => joining = false,
        }
    }
    out
}

/// The first index at or after `i` holding a byte that may start a line
/// break (`\n`, `\r`, or 0xE2, the lead byte of U+2029), or `bytes.len()`.
fn next_break_byte(bytes: &[u8], i: usize) -> usize {
    memchr::memchr3(b'\n', b'\r', 0xE2, &bytes[i..]).map_or(bytes.len(), |k| i + k)
}

/// The longest sentence, in tokens. Real sentences stay far below it: the
/// longest in the PolNeAR, CoNLL-2003 and GUM data has 220 tokens.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Stage 3: sentence boundaries inside one paragraph's tokens.
///
/// A sentence ends after `.`, `!`, `?` or `…` (plus any closing quotation
/// marks and brackets) when the next token starts a new sentence: an
/// upper-case letter, a digit or an opening mark.
fn split_sentences(text: &str, tokens: &[Token], t0: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let n = tokens.len();
    if t0 == n {
        return;
    }
    let mut first = t0;
    let mut i = t0;
    while i < n {
        let tok = tokens[i].span.slice(text);
        let mut end_here = false;
        let mut last = i;
        let ends_terminal = tok.chars().all(is_terminal)
            || (tokens[i].kind == TokenKind::Word && tok.ends_with('.') && tok.len() > 2 && tok[..tok.len() - 1].contains('.'));
        if ends_terminal && i + 1 < n {
            // Absorb closing marks and brackets: `done.”` / `done.)`.
            let mut j = i + 1;
            while j < n && tokens[j].span.start == tokens[j - 1].span.end {
                let t = tokens[j].span.slice(text);
                let c = t.chars().next().unwrap_or(' ');
                if is_quote_mark(c) || matches!(c, ')' | ']') || t.chars().all(is_terminal) {
                    last = j;
                    j += 1;
                } else {
                    break;
                }
            }
            if j < n {
                let next = tokens[j].span.slice(text);
                let c = next.chars().next().unwrap_or(' ');
                let starts = c.is_uppercase() || c.is_ascii_digit() || is_quote_mark(c) || matches!(c, '(' | '[' | '—' | '-');
                // After a dotted abbreviation (`U.S.`), only clear sentence starters count.
                let abbrev = tokens[i].kind == TokenKind::Word;
                end_here = starts && (!abbrev || is_sentence_starter(next));
            }
        }
        // A run-on "sentence" (logs, lists, text without full stops) is cut
        // every MAX_SENTENCE_TOKENS tokens: later passes look across whole
        // sentences, and this keeps their work per token bounded.
        if !end_here && i + 1 - first >= MAX_SENTENCE_TOKENS && i + 1 < n {
            end_here = true;
        }
        if end_here {
            out.push(Sentence {
                span: Span::new(tokens[first].span.start, tokens[last].span.end),
                tokens: (first, last + 1),
                paragraph,
            });
            first = last + 1;
            i = last + 1;
        } else {
            i += 1;
        }
    }
    if first < n {
        out.push(Sentence { span: Span::new(tokens[first].span.start, tokens[n - 1].span.end), tokens: (first, n), paragraph });
    }
}

/// Words that almost always start a sentence when capitalised after `U.S.`.
fn is_sentence_starter(w: &str) -> bool {
    matches!(
        w,
        "The" | "A" | "An" | "He" | "She" | "It" | "They" | "We" | "I" | "But" | "And" | "In" | "This"
            | "That" | "There" | "His" | "Her" | "Their" | "On" | "At" | "If" | "When" | "As" | "So"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(s: &str) -> Vec<&str> {
        paragraphs(s).iter().map(|p| p.slice(s)).collect()
    }

    #[test]
    fn paragraph_table() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("blank lines", "One.\n\nTwo\nwrapped.\n\n\nThree.", &["One.", "Two\nwrapped.", "Three."]),
            ("lines only", "One.\nTwo.\nThree.", &["One.", "Two.", "Three."]),
            ("crlf", "One.\r\n\r\nTwo.", &["One.", "Two."]),
            ("lone cr", "One.\r\rTwo.", &["One.", "Two."]),
            ("spaces", "  \n One. \n\n  Two.  \n ", &["One.", "Two."]),
            ("empty", "", &[]),
            ("only space", " \n\n \t", &[]),
        ];
        for (name, text, want) in cases {
            assert_eq!(&paras(text), want, "{name}");
        }
    }

    #[test]
    fn break_bytes_found_as_a_byte_loop_would() {
        let text = "A long first line of text\u{201C}quoted\u{201D}, then\r\nmore\u{2029}x\n\n12345678\r";
        let b = text.as_bytes();
        let want: Vec<usize> = (0..b.len()).filter(|&i| matches!(b[i], b'\n' | b'\r' | 0xE2)).collect();
        let mut got = Vec::new();
        let mut i = 0;
        loop {
            i = next_break_byte(b, i);
            if i == b.len() {
                break;
            }
            got.push(i);
            i += 1;
        }
        assert_eq!(got, want);
    }

    #[test]
    fn sentences() {
        let text = "Mr. Smith met Kim in the U.S. on Sunday. “It went well,” he said. He left.\n\nNew one";
        let doc = Document::new(text);
        let got: Vec<&str> = doc.sentences.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(
            got,
            ["Mr. Smith met Kim in the U.S. on Sunday.", "“It went well,” he said.", "He left.", "New one"]
        );
        assert_eq!(doc.sentences[3].paragraph, 1);
        assert_eq!(doc.sentence_at(text.find("went").unwrap()), Some(1));
    }

    #[test]
    fn closing_quote_stays_with_sentence() {
        let text = "He said “No.” Then left.";
        let doc = Document::new(text);
        let got: Vec<&str> = doc.sentences.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(got, ["He said “No.”", "Then left."]);
    }

    /// `No.` before a number is a number sign, not the end of a sentence;
    /// elsewhere it is the word.
    #[test]
    fn number_sign() {
        let text = "As the No. 2 official put it, he won. He said No. Then he left.";
        let doc = Document::new(text);
        let got: Vec<&str> = doc.sentences.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(got, ["As the No. 2 official put it, he won.", "He said No.", "Then he left."]);
    }
}
