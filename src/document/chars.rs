//! Character classes shared by the tokenizer and the passes.
//!
//! Kept as plain `match`es rather than regex classes: they run once per
//! character of the input, and a `match` compiles to a few comparisons
//! without pulling Unicode tables into the WASM bundle.

/// Apostrophe-like marks: they may be quotation marks or apostrophes, and
/// only their neighbours tell which.
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}')
}

/// Every character that can act as a quotation mark in some convention.
#[inline]
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{00AB}' // «
            | '\u{00BB}' // »
            | '\u{2018}' // ‘
            | '\u{2019}' // ’
            | '\u{201A}' // ‚
            | '\u{201B}' // ‛
            | '\u{201C}' // “
            | '\u{201D}' // ”
            | '\u{201E}' // „
            | '\u{201F}' // ‟
            | '\u{2039}' // ‹
            | '\u{203A}' // ›
            | '\u{300C}' // 「
            | '\u{300D}' // 」
            | '\u{300E}' // 『
            | '\u{300F}' // 』
            | '\u{FF02}' // ＂
    )
}

/// Dashes used as punctuation (not the ASCII hyphen inside words).
#[inline]
pub fn is_dash(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}')
}

/// A token that is a dash between words: em, en, horizontal bar, or a
/// doubled hyphen (`“…” — X`, `Gingrich — mentioned by … — told`).
#[inline]
pub fn is_dash_token(t: &str) -> bool {
    matches!(t, "—" | "–" | "―" | "--")
}

/// Punctuation and symbols that never belong inside a word token.
#[inline]
pub fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    is_quote_mark(c)
        || matches!(c,
            '\u{00A1}'..='\u{00BF}'      // Latin-1 punctuation and symbols (¡ § « » ¿ …)
            | '\u{00D7}' | '\u{00F7}'
            | '\u{2000}'..='\u{206F}'    // General Punctuation (dashes, …, ‰, •)
            | '\u{20A0}'..='\u{20CF}'    // currency symbols
            | '\u{2100}'..='\u{2BFF}'    // letterlike, arrows, maths, boxes, shapes
            | '\u{3000}'..='\u{303F}'    // CJK punctuation 。、「」
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FE50}'..='\u{FE6F}'
            | '\u{FF01}'..='\u{FF0F}'    // fullwidth ASCII punctuation
            | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}'
        )
}

/// Whitespace, including the no-break and zero-width spaces that text copied
/// from web pages is full of.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// A character that can be part of a word token: letters, digits, combining
/// marks, emoji and anything else that is neither space nor punctuation.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        // Every other ASCII character is space, punctuation or control.
        return c.is_ascii_alphanumeric();
    }
    !is_space(c) && !is_punct(c) && !c.is_control()
}

/// Sentence-final punctuation.
#[inline]
pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}' | '\u{3002}' | '\u{FF01}' | '\u{FF1F}')
}

/// `bytes` with ASCII letters lower-cased, written into `buf`; `None` when
/// they do not fit. Word lists are matched this way without allocating:
/// a buffer as long as the list's longest entry turns away longer words
/// before any comparison.
pub fn ascii_lower<'b>(bytes: &[u8], buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let lower = buf.get_mut(..bytes.len())?;
    for (d, &b) in lower.iter_mut().zip(bytes) {
        *d = b.to_ascii_lowercase();
    }
    Some(lower)
}

/// A word of at most 16 bytes as one integer that sorts as the word does
/// (its bytes big-endian, zeros after): a sorted list of packed words is
/// searched with integer comparisons, not a string comparison each step.
/// `const`, so the lists are packed at compile time (where a word over 16
/// bytes fails the build).
pub const fn pack(word: &[u8]) -> u128 {
    assert!(word.len() <= 16, "a packed word has at most 16 bytes");
    let mut x = 0u128;
    let mut i = 0;
    while i < 16 {
        x = (x << 8) | if i < word.len() { word[i] as u128 } else { 0 };
        i += 1;
    }
    x
}

/// [`pack`] of `word` with ASCII letters lower-cased; `None` for a word
/// longer than 16 bytes.
pub fn pack_lower(word: &[u8]) -> Option<u128> {
    let mut buf = [0u8; 16];
    ascii_lower(word, &mut buf)?;
    Some(u128::from_be_bytes(buf))
}

/// Whether `word` is in `list`, words [`pack`]ed and sorted. (A word with
/// a NUL byte would read as one without it; no token has one.) (Never
/// inlined, like [`is_listed_lower`]: one copy of the search in the WASM
/// module, not one per list.)
#[inline(never)]
pub fn is_listed(list: &[u128], word: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(b) = buf.get_mut(..word.len()) else { return false };
    b.copy_from_slice(word.as_bytes());
    list.binary_search(&u128::from_be_bytes(buf)).is_ok()
}

/// [`is_listed`] in any ASCII case: `list` holds lower-case words.
#[inline(never)]
pub fn is_listed_lower(list: &[u128], word: &str) -> bool {
    pack_lower(word.as_bytes()).is_some_and(|k| list.binary_search(&k).is_ok())
}

/// Whether a word starts with an upper- or lower-case letter: `w.starts_upper()`
/// for `w.starts_with(char::is_uppercase)`. ASCII is tested inline; other
/// letters out of line, so that the Unicode case tables are not inlined at
/// each of the passes' many such tests (1 KB gzip of the WASM module each
/// way).
pub trait Case {
    fn starts_upper(&self) -> bool;
    fn starts_lower(&self) -> bool;
}

impl Case for str {
    #[inline]
    fn starts_upper(&self) -> bool {
        starts(self, u8::is_ascii_uppercase, char::is_uppercase)
    }

    #[inline]
    fn starts_lower(&self) -> bool {
        starts(self, u8::is_ascii_lowercase, char::is_lowercase)
    }
}

#[inline]
fn starts(s: &str, ascii: fn(&u8) -> bool, class: fn(char) -> bool) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii() => ascii(b),
        Some(_) => first_is(s, class),
        None => false,
    }
}

#[inline(never)]
fn first_is(s: &str, class: fn(char) -> bool) -> bool {
    s.chars().next().is_some_and(class)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_words_sort_as_the_words() {
        let words: [&[u8]; 7] = [b"", b"a", b"ab", b"abc", b"b", b"september", b"zzzzzzzzzzzzzzzz"];
        assert!(words.windows(2).all(|w| w[0] < w[1] && pack(w[0]) < pack(w[1])));
        assert_eq!(pack_lower(b"SePtember"), Some(pack(b"september")));
        assert_eq!(pack_lower(b"seventeen letters"), None);
        let list = [pack(b"Bay"), pack(b"Sea"), pack(b"after")];
        assert!(is_listed(&list, "Sea") && !is_listed(&list, "sea") && !is_listed(&list, "Seas") && !is_listed(&list, "Sea Sea Sea Sea Sea"));
        assert!(is_listed_lower(&list, "AFTER") && !is_listed_lower(&list, "Bay"));
    }

    #[test]
    fn classes() {
        for c in ['"', '“', '”', '„', '«', '»', '‹', '›', '「', '』', '\'', '’'] {
            assert!(is_quote_mark(c), "{c:?}");
            assert!(is_punct(c), "{c:?}");
        }
        for c in ['a', 'É', '김', '٣', '\u{0301}', '😀'] {
            assert!(is_word_char(c), "{c:?}");
        }
        for c in [' ', '\u{00A0}', '\u{200B}', '\n', '\r'] {
            assert!(is_space(c), "{c:?}");
            assert!(!is_word_char(c), "{c:?}");
        }
        assert!(is_dash('—') && is_dash('–') && !is_dash('-'));
        for c in (0u8..128).map(char::from) {
            assert_eq!(is_word_char(c), !is_space(c) && !is_punct(c) && !c.is_control(), "{c:?}");
        }
    }

    #[test]
    fn case_of_the_first_letter() {
        for w in ["Seoul", "Élysée", "Örebro", "Σ", "A"] {
            assert!(w.starts_upper() && !w.starts_lower(), "{w}");
        }
        for w in ["said", "émigré", "ß", "a"] {
            assert!(w.starts_lower() && !w.starts_upper(), "{w}");
        }
        for w in ["", "2024", "“Yes”", "김", "-"] {
            assert!(!w.starts_upper() && !w.starts_lower(), "{w}");
            assert_eq!(w.starts_upper(), w.starts_with(char::is_uppercase));
        }
    }
}
