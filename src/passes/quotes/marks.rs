//! Step 1: quotation marks, with the family they pair in and the role their
//! neighbours give them.

use super::{Family, Mark, Role};
use crate::document::chars::{is_space, is_word_char};
use crate::document::Span;

/// Bytes that can start a character [`collect_marks`] acts on: the ASCII
/// marks and `<`, and the lead bytes of the other marks (`«` `»` are
/// `C2 xx`; `‘’‚‛“”„‟‹›` are `E2 80 xx`; `「」『』` `E3 80 xx`; `＂` `EF BC 82`).
static LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = [b'"', b'\'', b'`', b'<', 0xC2, 0xE2, 0xE3, 0xEF];
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// Step 1: the quotation marks of one paragraph, with family and role.
///
/// Only characters that start with a [`LEAD`] byte are looked at; the
/// others matter only as neighbours, read back from the text when a mark
/// needs them. A mark's `prev` is the character before it, and `prev_solid`
/// the last one before it that is not a space (markup skipped over ends in
/// `>`, so it is never a space).
pub(super) fn collect_marks(text: &str, para: Span, out: &mut Vec<Mark>) {
    let s = para.slice(text);
    let b = s.as_bytes();
    let base = para.start;
    let mut i = 0;
    while let Some(lead) = next_lead(b, i) {
        i = lead;
        let Some(c) = s[i..].chars().next() else { break };
        let len = c.len_utf8();
        // Marks inside markup (`<tweet tweet-id="…">`) are attribute quotes.
        if c == '<' {
            if let Some(close) = markup_end(&s[i..]) {
                i += close;
                continue;
            }
        }
        let prev = s[..i].chars().next_back();
        let prev_solid = || s[..i].chars().rev().find(|&p| !is_space(p));
        let next = s[i + len..].chars().next();
        // Bytes to the next character that counts (past a doubled mark's second half).
        let mut step = len;
        let mut push = |family, role, possessive, len| {
            out.push(Mark { span: Span::new(base + i, base + i + len), family, role, possessive });
        };
        match c {
            '"' | '\u{FF02}' => {
                if let Some(role) = flank(prev, next).or_else(|| spaced_close(prev_solid())) {
                    push(Family::Double, role, false, len);
                }
            }
            '\u{201C}' | '\u{201F}' => match flank(prev, next) {
                // `„…“`: a closing mark in German typography.
                Some(Role::Close) => push(Family::Double, Role::Close, false, len),
                Some(_) => push(Family::Double, Role::Open, false, len),
                // `“ You know…`: an opening mark typed with a space after it.
                None if prev.is_some_and(is_space) && next_solid(&s[i + len..]).is_some_and(char::is_alphanumeric) => {
                    push(Family::Double, Role::Open, false, len)
                }
                None => {}
            },
            '\u{201D}' => match flank(prev, next) {
                // `”…”` in Swedish, or typed the wrong way round.
                Some(Role::Open) => push(Family::Double, Role::Open, false, len),
                Some(_) => push(Family::Double, Role::Close, false, len),
                None => {
                    if let Some(role) = spaced_close(prev_solid()) {
                        push(Family::Double, role, false, len);
                    }
                }
            },
            '\u{201E}' => push(Family::Double, Role::Open, false, len),
            '\u{201A}' => push(Family::Single, Role::Open, false, len),
            '\u{00AB}' | '\u{2039}' => {
                let fam = if c == '\u{00AB}' { Family::Guillemet } else { Family::SingleGuillemet };
                // `»…«` (German, Danish): `«` after a word and before a space closes.
                let closes = prev.is_some_and(|p| !is_space(p)) && next.is_none_or(|n| is_space(n) || !is_word_char(n));
                push(fam, if closes { Role::Close } else { Role::Open }, false, len);
            }
            '\u{00BB}' | '\u{203A}' => {
                let fam = if c == '\u{00BB}' { Family::Guillemet } else { Family::SingleGuillemet };
                // `»…«` opens before its first word; `« … »,` (French, a
                // space inside) closes before the punctuation that follows.
                let opens = prev.is_none_or(is_space) && next.is_some_and(|n| !is_space(n) && !matches!(n, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '…'));
                push(fam, if opens { Role::Open } else { Role::Close }, false, len);
            }
            '\u{300C}' => push(Family::Corner, Role::Open, false, len),
            '\u{300D}' => push(Family::Corner, Role::Close, false, len),
            '\u{300E}' => push(Family::WhiteCorner, Role::Open, false, len),
            '\u{300F}' => push(Family::WhiteCorner, Role::Close, false, len),
            '`' if next == Some('`') => {
                push(Family::Double, Role::Open, false, 2);
                step = 2;
            }
            // `,'''` closes a single quotation inside a doubled one: the
            // first mark is the single, the last two the double.
            '\'' if next == Some('\'') && s[i + 1..].starts_with("''") && prev.is_some_and(|p| !is_space(p)) => {
                push(Family::Single, Role::Close, false, len);
            }
            '\'' | '\u{2019}' | '\u{2018}' if next == Some(c) || (c == '\'' && next == Some('\u{2019}')) => {
                // Doubled single marks stand for a double mark: `''…''`, `‘‘…’’`.
                let d = next.expect("matched");
                step = len + d.len_utf8();
                let after = s[i + step..].chars().next();
                let role = match c {
                    '\u{2018}' => Some(Role::Open),
                    '\u{2019}' => flank(prev, after)
                        .map(|r| if r == Role::Open { Role::Open } else { Role::Close })
                        .or_else(|| spaced_close(prev_solid())),
                    _ => flank(prev, after).or_else(|| spaced_close(prev_solid())),
                };
                if let Some(role) = role {
                    push(Family::Double, role, false, step);
                }
            }
            '\'' | '\u{2019}' | '\u{2018}' | '`' => {
                if let Some((role, possessive)) = single_role(c, prev, &s[i + len..]) {
                    push(Family::Single, role, possessive, len);
                }
            }
            _ => {}
        }
        i += step;
    }
}

/// The first byte at or after `i` that is a [`LEAD`] byte. A quotation
/// mark comes about once in a hundred bytes of news, so the bytes are read
/// eight at a time (one `u64`), and a word is looked into byte by byte only
/// when it may hold a lead: a byte above `0x7F`, or one of the four ASCII
/// leads. (`x - 0x01…01 & !x & 0x80…80` is non-zero exactly when a byte of
/// `x` is zero, and `v ^ 0x22…22` has a zero byte where `v` has a `"`.)
fn next_lead(b: &[u8], mut i: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let has_zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let may_hold_lead = |v: u64| {
        v & HIGH
            | has_zero_byte(v ^ (ONES * u64::from(b'"')))
            | has_zero_byte(v ^ (ONES * u64::from(b'\'')))
            | has_zero_byte(v ^ (ONES * u64::from(b'`')))
            | has_zero_byte(v ^ (ONES * u64::from(b'<')))
            != 0
    };
    while i < b.len() {
        let end = b.len().min(i + 8);
        if let Ok(word) = <[u8; 8]>::try_from(&b[i..end]) {
            if !may_hold_lead(u64::from_le_bytes(word)) {
                i = end;
                continue;
            }
        }
        if let Some(k) = b[i..end].iter().position(|&c| LEAD[c as usize]) {
            return Some(i + k);
        }
        i = end;
    }
    None
}

/// The role of a symmetric mark from its neighbours, or `None` for a mark
/// standing alone between spaces.
fn flank(prev: Option<char>, next: Option<char>) -> Option<Role> {
    let space_before = prev.is_none_or(|p| is_space(p) || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/'));
    let space_after = next.is_none_or(is_space);
    let punct_after = next.is_some_and(|n| !is_word_char(n) && !is_space(n));
    match (space_before, space_after) {
        // After a dash and before a space, the dash ends the quoted words
        // (an elided word `n------"`, a broken-off `and then—" he`).
        (true, true) if prev.is_some_and(|p| matches!(p, '—' | '–' | '-')) && next.is_some() => Some(Role::Close),
        (true, true) => None,
        (true, false) => Some(Role::Open),
        (false, true) => Some(Role::Close),
        // Between two non-space characters: `word"word` or `,"said`.
        (false, false) if punct_after => Some(Role::Close),
        (false, false) => Some(Role::Either),
    }
}

/// A double mark standing between spaces after the end of a clause closes a
/// quotation typed with a space before its closing mark: `this, " he said`,
/// `the term 'Manhattan poor,' ''`.
fn spaced_close(prev_solid: Option<char>) -> Option<Role> {
    prev_solid.filter(|p| matches!(p, ',' | '.' | '?' | '!' | '…' | '\'' | '’')).map(|_| Role::Close)
}

fn next_solid(rest: &str) -> Option<char> {
    rest.chars().find(|&c| !is_space(c))
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


/// The length of a markup tag at the start of `s` (`<a href="…">`,
/// `</tweet>`), or `None` when `<` does not open one.
fn markup_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !(b.len() > 2 && (b[1].is_ascii_alphabetic() || b[1] == b'/')) {
        return None;
    }
    let limit = b.len().min(4000);
    let end = b[1..limit].iter().position(|&c| c == b'>' || c == b'<' || c == b'\n')? + 1;
    (b[end] == b'>').then_some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_lead_finds_what_a_byte_scan_finds() {
        // Each lead at every offset of a word and near the end, and bytes
        // that only look like leads eight at a time (`é` is `C3 A9`).
        let mut texts: Vec<String> = ["", "plain text without any marks at all", "café résumé naïve über façade", "ab"]
            .iter()
            .map(|t| t.to_string())
            .collect();
        for lead in ["\"", "'", "`", "<", "«", "“", "「", "＂"] {
            for at in 0..18 {
                texts.push(format!("{}{lead}{}", "x".repeat(at), "é".repeat(at % 5)));
            }
        }
        for t in &texts {
            let b = t.as_bytes();
            for from in 0..=b.len() {
                let want = (from..b.len()).find(|&i| LEAD[b[i] as usize]);
                assert_eq!(next_lead(b, from), want, "{t:?} from {from}");
            }
        }
    }
}
