//! Stage 2: words and punctuation, with byte offsets.
//!
//! The tokenizer is deliberately simple and lossless: every non-space
//! character belongs to exactly one token, and a token never crosses a
//! paragraph. Words keep their inner hyphens and apostrophes (`Jae-In`,
//! `O’Brien`, `don’t`), but a possessive `’s` is split off so that `Korea’s`
//! yields the place `Korea`. Abbreviations keep their final period (`U.S.`,
//! `Mr.`, `N.`) so the sentence splitter does not break after them.

use super::chars::{ascii_lower, is_apostrophe, is_space, is_word_char};
use super::span::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, digits and inner joiners: `Pompeo`, `Jae-In`, `U.S.`, `3.5`.
    Word,
    /// One punctuation or symbol character, or a possessive `’s`.
    Punct,
}

/// One token: its byte span and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Abbreviations that keep their period. Lower-cased, without the period,
/// sorted (binary search). With the AP state abbreviations (`Del.`, `Pa.`)
/// but not those that are also words at a sentence's end (`Ill.`, `Miss.`,
/// `Wash.`, `Mass.`).
const ABBREVIATIONS: &[&str] = &[
    "adm", "ala", "ald", "apr", "ariz", "ark", "assn", "aug", "ave", "bros", "calif", "capt",
    "cmdr", "co", "col", "colo", "conn", "corp", "cpl", "dec", "del", "dept", "dr", "e.g", "esq",
    "etc", "feb", "fig", "fla", "fr", "ft", "ga", "gen", "gov", "hon", "i.e", "inc", "ind", "jan",
    "jr", "jul", "jun", "kan", "ky", "lt", "ltd", "maj", "mar", "md", "messrs", "mich", "minn",
    "mo", "mont", "mr", "mrs", "ms", "mt", "neb", "nev", "nov", "oct", "okla", "ore", "pa", "penn",
    "ph.d", "pres", "prof", "rep", "reps", "rev", "sen", "sens", "sep", "sept", "sgt", "sr", "st",
    "supt", "tenn", "tex", "va", "vs", "vt", "wis", "wyo",
];

/// Whether a word followed by `.` is an abbreviation that keeps the period.
pub fn is_abbreviation(word: &str) -> bool {
    // A party label ends in its state's abbreviation: `D-N.Y.`, `R-Pa.`.
    let word = match word.rsplit_once('-') {
        Some((party, state)) if !party.is_empty() && party.len() <= 3 && party.bytes().all(|b| b.is_ascii_uppercase()) => state,
        _ => word,
    };
    let mut chars = word.chars();
    // Initials and letter-dot-letter abbreviations: `J`, `N`, `U.S`, `U.N`.
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic();
    }
    let dotted = word.split('.').all(|p| {
        let mut cs = p.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
    });
    if dotted {
        return true;
    }
    // Lower-cased on the stack (this runs at every sentence end); no entry
    // is longer than 6 bytes.
    let mut buf = [0u8; 6];
    let Some(lower) = ascii_lower(word.as_bytes(), &mut buf) else { return false };
    ABBREVIATIONS.binary_search_by(|a| a.as_bytes().cmp(lower)).is_ok()
}

/// Splits `text[para]` into tokens, appending them to `out`.
pub fn tokenize_into(text: &str, para: Span, out: &mut Vec<Token>) {
    let base = para.start;
    let s = para.slice(text);
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        let next = i + c.len_utf8();
        if is_space(c) {
            i = next;
            continue;
        }
        if !is_word_char(c) {
            // A possessive `’s` / `'s` right after a word is one token.
            if is_apostrophe(c) && ends_word(s, i) {
                let rest = &s[next..];
                if (rest.starts_with('s') || rest.starts_with('S')) && !char_at(s, next + 1).is_some_and(is_word_char) {
                    out.push(Token { span: Span::new(base + i, base + next + 1), kind: TokenKind::Punct });
                    i = next + 1;
                    continue;
                }
            }
            out.push(Token { span: Span::new(base + i, base + next), kind: TokenKind::Punct });
            i = next;
            continue;
        }
        // A word: extend over word characters and inner joiners.
        let start = i;
        let mut end = next;
        let mut prev = c;
        loop {
            // ASCII letters and digits, the bulk of words, a byte at a time.
            let run = s.as_bytes()[end..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            if run > 0 {
                end += run;
                prev = s.as_bytes()[end - 1] as char;
            }
            let Some(d) = char_at(s, end) else { break };
            let d_end = end + d.len_utf8();
            if is_word_char(d) {
                end = d_end;
                prev = d;
                continue;
            }
            let after = char_at(s, d_end);
            let joins = match d {
                // Hyphen only between word characters: `Jae-In`, not `U.S.-North`.
                '-' | '\u{2010}' | '\u{2011}' | '&' => prev.is_alphanumeric() && after.is_some_and(|a| a.is_alphanumeric()),
                // `U.S`, `3.5`, `e.g`: a period between letters or digits.
                ',' => prev.is_ascii_digit() && after.is_some_and(|a| a.is_ascii_digit()),
                '.' => after.is_some_and(|a| a.is_alphanumeric()) && {
                    // Only short segments join (`U.S`, `3.5`, the `N.Y` of
                    // `D-N.Y.`), not `end.Next`.
                    let seg = s[start..end].rsplit(['.', '-']).next().unwrap_or("");
                    seg.chars().count() <= 2 || prev.is_ascii_digit()
                },
                // Inner apostrophes, but not a possessive `’s`.
                c if is_apostrophe(c) && c != '`' => {
                    after.is_some_and(|a| a.is_alphabetic())
                        && !(matches!(after, Some('s' | 'S')) && !char_at(s, d_end + 1).is_some_and(is_word_char))
                        && prev.is_alphabetic()
                }
                _ => false,
            };
            if !joins {
                break;
            }
            prev = d;
            end = d_end;
        }
        // A trailing period stays with an abbreviation.
        // `No. 2`, `Nos. 3 and 4`: a number sign, before a number only.
        let number_sign = matches!(&s[start..end], "No" | "Nos") && s[end..].strip_prefix(". ").is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        // `DECATUR, Ill.`, `Cambridge, Mass., Dec. 11`: a state's abbreviation
        // that is also a word keeps its period only after a capitalised word
        // and a comma, and not before a closing quotation mark (`“Good
        // night, Miss.”`, `“Thanks, Miss.”`).
        let state_word = matches!(&s[start..end], "Ill" | "Mass" | "Miss" | "Wash")
            && s[..start].strip_suffix(", ").and_then(|p| p.rsplit(' ').next()).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
            && !s[end..].starts_with(".\"") && !s[end..].starts_with(".”");
        if s[end..].starts_with('.') && (number_sign || state_word || is_abbreviation(&s[start..end])) {
            // `U.S.` keeps its period; `end.` before more word chars does not matter.
            if !char_at(s, end + 1).is_some_and(is_word_char) {
                end += 1;
            }
        }
        out.push(Token { span: Span::new(base + start, base + end), kind: TokenKind::Word });
        i = end;
    }
}

/// The character starting at byte `i` of `s` (a char boundary), if any;
/// ASCII, nearly all of news text, without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(b as char)
    } else {
        s[i..].chars().next()
    }
}

/// Whether position `i` of `s` directly follows a word character.
fn ends_word(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize_into(s, Span::new(0, s.len()), &mut v);
        v.iter().map(|t| t.span.slice(s)).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("plain", "Kim met Pompeo.", &["Kim", "met", "Pompeo", "."]),
            ("possessive", "South Korea’s office", &["South", "Korea", "’s", "office"]),
            ("inner apostrophe", "don’t O'Brien", &["don’t", "O'Brien"]),
            ("hyphen name", "Moon Jae-In said", &["Moon", "Jae-In", "said"]),
            ("abbreviation", "U.S. Secretary", &["U.S.", "Secretary"]),
            ("abbrev hyphen", "U.S.-North Korea", &["U.S.", "-", "North", "Korea"]),
            ("initial", "N. Korea", &["N.", "Korea"]),
            ("title", "Mr. Smith", &["Mr.", "Smith"]),
            ("state", "state Del. Marcia Price, Casey (Pa.)", &["state", "Del.", "Marcia", "Price", ",", "Casey", "(", "Pa.", ")"]),
            ("not a state abbreviation", "fell ill. Then", &["fell", "ill", ".", "Then"]),
            ("state that is a word", "DECATUR, Ill. — Cambridge, Mass., Dec", &["DECATUR", ",", "Ill.", "—", "Cambridge", ",", "Mass.", ",", "Dec"]),
            ("word, not a state", "went to Mass. Then Miss. Ill. Wash.", &["went", "to", "Mass", ".", "Then", "Miss", ".", "Ill", ".", "Wash", "."]),
            ("Texas", "Beaumont, Tex., a city", &["Beaumont", ",", "Tex.", ",", "a", "city"]),
            ("vocative, not a state", "“Good night, Miss.” “Thanks, Miss.”", &["“", "Good", "night", ",", "Miss", ".", "”", "“", "Thanks", ",", "Miss", ".", "”"]),
            ("party label", "Schumer (D-N.Y.) said", &["Schumer", "(", "D-N.Y.", ")", "said"]),
            ("party label, state", "Casey (D-Pa.) Then", &["Casey", "(", "D-Pa.", ")", "Then"]),
            ("hyphen then sentence end", "a well-known. Then", &["a", "well-known", ".", "Then"]),
            ("hashtag", "#Pyongyang @StateDept", &["#", "Pyongyang", "@", "StateDept"]),
            ("numbers", "3.5 million, 1,000", &["3.5", "million", ",", "1,000"]),
            ("quotes", "“as soon,”", &["“", "as", "soon", ",", "”"]),
            ("sentence end", "ended. Next", &["ended", ".", "Next"]),
            ("emoji", "hi 👋🏽 there", &["hi", "👋🏽", "there"]),
            ("plural possessive", "students’ union", &["students", "’", "union"]),
        ];
        for (name, text, want) in cases {
            assert_eq!(&toks(text), want, "{name}");
        }
    }

    #[test]
    fn abbreviations_sorted() {
        let mut sorted = ABBREVIATIONS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, ABBREVIATIONS, "ABBREVIATIONS must stay sorted for binary search");
    }
}
