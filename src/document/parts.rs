//! Stage 0, for long texts only: cutting the text into parts of about a
//! megabyte, each analysed as a document of its own.
//!
//! Every pass sweeps its whole document, some of them several times, and
//! looks words up by position in arrays as long as the text (about 20
//! bytes of them per byte of text). Over a text of 10 MB those sweeps and
//! lookups reach far more memory than over one of a megabyte, and each byte
//! then costs a quarter more (`make bench`, scaling). Cut into parts, a
//! text of any length costs what its parts cost, and the memory in use at
//! once is one part's, not the whole text's.
//!
//! A part ends at a paragraph break where it can (a blank line or a
//! paragraph separator, else a line break), so sentences and, almost
//! always, quotations stay whole; a text with no line break for a quarter
//! of a megabyte is cut between two characters, wherever they are. The
//! output merges the parts' annotations ([`crate::output::merge`]): what
//! links mentions across the text (a surname to the full name written
//! before it) then links them within each part only, which is a megabyte of
//! text, hundreds of articles' worth. A quotation running over a cut
//! becomes two, and a part's first paragraph is read without the one before
//! it.

use std::ops::Range;

/// The size a text is cut into parts of (bytes of UTF-8): about a
/// megabyte, where the fixed cost of a document no longer counts and its
/// arrays are still small.
pub const PART_BYTES: usize = 1 << 20;

/// How far past its size a part may run to end at a paragraph or line
/// break (a quarter of the size) before any character boundary will do.
const SLACK_DIVISOR: usize = 4;

/// The byte ranges of `text`'s parts, in order, covering it exactly: one
/// range for a text of up to one and a half times `part_bytes`, else parts
/// of at least `part_bytes` each but the last, which holds what remains
/// (from a quarter to one and a half times `part_bytes`).
///
/// ```
/// use annotator::document::parts::cut;
/// let text = "One paragraph.\n\nAnother one.\n\nA third.";
/// assert_eq!(cut(text, 1000), vec![0..text.len()]);
/// assert_eq!(cut(text, 14), vec![0..16, 16..30, 30..text.len()]);
/// ```
pub fn cut(text: &str, part_bytes: usize) -> Vec<Range<usize>> {
    let part_bytes = part_bytes.max(1);
    let mut parts = Vec::with_capacity(text.len() / part_bytes + 1);
    let mut start = 0;
    while text.len() - start > part_bytes + part_bytes / 2 {
        let end = cut_after(text, start + part_bytes, part_bytes / SLACK_DIVISOR);
        parts.push(start..end);
        start = end;
    }
    parts.push(start..text.len());
    parts
}

/// Where to end a part that should end at `at` or at most `slack` bytes
/// later: right after the first paragraph break there (a blank line, which
/// may hold spaces or tabs, or U+2029, as [`super::paragraphs`] reads
/// them), else the first line break (`\n`, `\r`, `\r\n`); else at the first
/// character boundary at or after `at`.
fn cut_after(text: &str, at: usize, slack: usize) -> usize {
    let b = text.as_bytes();
    let end = (at + slack).min(b.len());
    // The length of a line break at `i`, 0 for none.
    let line_break = |i: usize| match b.get(i) {
        Some(b'\r') if b.get(i + 1) == Some(&b'\n') => 2,
        Some(b'\n' | b'\r') => 1,
        _ => 0,
    };
    let mut first_line = None;
    // (From two bytes before `at`, to find a blank line that ends there.
    // Only ASCII bytes and a whole U+2029 are matched: every end is a
    // character boundary.)
    let mut i = at.saturating_sub(2);
    while i < end {
        if b[i..].starts_with("\u{2029}".as_bytes()) && i + 3 >= at {
            return i + 3;
        }
        let n = line_break(i);
        if n == 0 {
            i += 1;
            continue;
        }
        let mut j = i + n;
        while j < end && matches!(b[j], b' ' | b'\t') {
            j += 1;
        }
        let m = line_break(j);
        if m > 0 && j + m >= at {
            return j + m;
        }
        if first_line.is_none() && i + n >= at {
            first_line = Some(i + n);
        }
        i += n;
    }
    first_line.unwrap_or_else(|| (at..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, size: usize) -> Vec<&str> {
        cut(text, size).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn parts_end_at_the_best_break_in_reach() {
        // Parts of 20 bytes may run 5 bytes longer to end at a break.
        let a20 = "a".repeat(20);
        let table: Vec<(&str, String, Vec<String>)> = vec![
            ("a short text is one part", "Hello there.".into(), vec!["Hello there.".into()]),
            ("an empty text is one empty part", String::new(), vec![String::new()]),
            ("a blank line", format!("{a20} b\n\n{}", "c".repeat(18)), vec![format!("{a20} b\n\n"), "c".repeat(18)]),
            ("a blank line before a line break", format!("{a20}\nb\n\n{}", "c".repeat(20)), vec![format!("{a20}\nb\n\n"), "c".repeat(20)]),
            ("else a line break", format!("{a20} b\n{}", "c".repeat(18)), vec![format!("{a20} b\n"), "c".repeat(18)]),
            ("a blank line of CRLFs and spaces", format!("{a20}\r\n \r\n{}", "c".repeat(20)), vec![format!("{a20}\r\n \r\n"), "c".repeat(20)]),
            ("a CRLF pair stays whole", format!("{a20}\r\nb{}", "c".repeat(20)), vec![format!("{a20}\r\n"), format!("b{}", "c".repeat(20))]),
            ("a carriage return alone", format!("{a20}\rb\r\rc{}", "c".repeat(20)), vec![format!("{a20}\rb\r\r"), format!("c{}", "c".repeat(20))]),
            ("a paragraph separator", format!("{a20}\u{2029}{}", "c".repeat(20)), vec![format!("{a20}\u{2029}"), "c".repeat(20)]),
            ("else between characters, even inside a word", format!("{a20}a {}", "b".repeat(22)), vec![a20.clone(), format!("a {}", "b".repeat(22))]),
            ("else between characters", "é".repeat(30), vec!["é".repeat(10), "é".repeat(10), "é".repeat(10)]),
            ("never inside a character", "é".repeat(30).replacen('é', "e", 1), vec![format!("e{}", "é".repeat(10)), "é".repeat(10), "é".repeat(9)]),
            ("up to one and a half parts stay one", format!("{a20}\n\nbbbbbbb"), vec![format!("{a20}\n\nbbbbbbb")]),
            ("the last part holds what remains", format!("{a20}\n\n{}", "b".repeat(9)), vec![format!("{a20}\n\n"), "b".repeat(9)]),
        ];
        for (name, text, expected) in table {
            assert_eq!(pieces(&text, 20), expected, "{name}");
        }
    }

    #[test]
    fn the_documented_example() {
        let text = "One paragraph.\n\nAnother one.\n\nA third.";
        assert_eq!(cut(text, 1000), vec![0..text.len()]);
        assert_eq!(cut(text, 14), vec![0..16, 16..30, 30..text.len()]);
    }

    #[test]
    fn parts_cover_the_text_in_order() {
        let text = "Word “quoted” and more, ünïcödé 😀 text.\n".repeat(300);
        for size in [1, 7, 64, 1000, 5000] {
            let parts = cut(&text, size);
            assert_eq!(parts[0].start, 0);
            assert_eq!(parts.last().unwrap().end, text.len());
            for w in parts.windows(2) {
                assert_eq!(w[0].end, w[1].start);
                assert!(w[0].len() >= size);
            }
            assert!(parts.iter().all(|r| text.is_char_boundary(r.start) && !r.is_empty()), "size {size}");
        }
    }
}
