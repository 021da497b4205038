//! Author names in academic citations.
//!
//! Scholarly prose names people in a fixed frame: `Moretti (2013)`,
//! `(Charmaz, 2006)`, `Hartsell-Gundy et al., 2015`, `Benioff & Weiss,
//! 2013`. The words are mostly surnames no name list holds and the tagger,
//! trained on news, has rarely seen in that frame; the frame itself is the
//! evidence. [`is_cited`] reads it around one token, so the entity pass can
//! type such a word as a person and keep it although it is written once.

use crate::document::{Document, TokenKind};

use super::gazetteer::{self, Feature};
use super::tagger;

/// Whether token `i` is an author's surname in a citation. From `i`, a list
/// of authors (one-word surnames, joined by `,`, `&` or `and`)
/// must end in the citation's frame:
///
/// - a year in brackets (not a range): `Alarcos (1966)`, `Sapir’s (1971)`, `Paraíso, (2000)`;
/// - `et al.`: `Hartsell-Gundy et al., 2015`;
/// - a year inside an open bracket: `(Moretti, 2013)`, `(Milekic 2010)`,
///   `(Thorell, Lindqvist, Nutley, Bohlin, & Klingberg, 2009)`; outside
///   brackets only when `)` or `;` follows the year.
///
/// Countries and other large regions are left out (`(China, 2010)` cites a
/// place's statistics more often than a person); so are words in capitals
/// (`(WHO, 2020)`), days and months.
pub fn is_cited(doc: &Document, i: usize) -> bool {
    // Most words are not capitalised, and most capitalised ones are followed
    // by no part of the frame: those tests first, as they cost less than the
    // surname's (which asks the gazetteer).
    let capitalised = i < doc.tokens.len() && doc.tokens[i].kind == TokenKind::Word && tagger::is_capitalised(doc.tok(i));
    if !capitalised || !frame_follows(doc, i) || !surname_like(doc, i) {
        return false;
    }
    let year_ends = |j: usize| open_bracket_before(doc, i) || matches!(tok(doc, j + 1), ")" | ";");
    let mut author = i;
    for _ in 0..MAX_AUTHORS {
        // One word a surname: two capitalised words before a year are
        // more often a title (`Leap Year (2010)`) than `Domínguez Caparrós`.
        let mut j = author + 1;
        if matches!(tok(doc, j), "’s" | "'s") {
            j += 1;
        }
        let next = match tok(doc, j) {
            // A range is a life or a reign, not a publication: `Gordon of Auchleuchries (1635 – 1699)`.
            "(" => return is_year(tok(doc, j + 1)) && !matches!(tok(doc, j + 2), "–" | "-" | "—"),
            "et" => return matches!(tok(doc, j + 1), "al." | "al"),
            y if is_year(y) => return year_ends(j),
            "," => match tok(doc, j + 1) {
                y if is_year(y) => return year_ends(j + 1),
                "(" => return is_year(tok(doc, j + 2)),
                "&" | "and" => j + 2,
                _ => j + 1,
            },
            "&" | "and" => j + 1,
            _ => return false,
        };
        if !surname_like(doc, next) {
            return false;
        }
        author = next;
    }
    false
}

/// Whether what follows token `i` (after a possessive `’s`) can go on an
/// author list or close it, as [`is_cited`] reads it: a bracket, `et`, a
/// year, a comma, `&` or `and`.
fn frame_follows(doc: &Document, i: usize) -> bool {
    let mut j = i + 1;
    if matches!(tok(doc, j), "’s" | "'s") {
        j += 1;
    }
    let next = tok(doc, j);
    matches!(next, "(" | "et" | "," | "&" | "and") || is_year(next)
}

/// The longest author list read (`Boot, Kramer, Simons, Fabiani, & Gratton`).
const MAX_AUTHORS: usize = 8;

/// A capitalised word of letters (hyphens and apostrophes inside), not in
/// capitals, not a day or month, not a country, continent or region.
fn surname_like(doc: &Document, i: usize) -> bool {
    if i >= doc.tokens.len() || doc.tokens[i].kind != TokenKind::Word {
        return false;
    }
    let w = doc.tok(i);
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    first.is_uppercase()
        && w.chars().any(char::is_lowercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !tagger::is_calendar_word(w)
        && !gazetteer::lookup(w).is_some_and(|p| matches!(p.feature, Feature::Country | Feature::Continent | Feature::Region))
}

/// A year as citations write it: `1966`, `2013a`.
fn is_year(w: &str) -> bool {
    let b = w.as_bytes();
    let digits = match b {
        [d @ .., l] if l.is_ascii_lowercase() => d,
        d => d,
    };
    digits.len() == 4 && digits.iter().all(u8::is_ascii_digit) && matches!(digits[0], b'1' | b'2')
}

/// Whether a `(` opens before token `i` in its sentence, not closed before it.
fn open_bracket_before(doc: &Document, i: usize) -> bool {
    let start = doc.sentences.get(doc.sentences.partition_point(|s| s.tokens.0 <= i).saturating_sub(1)).map_or(0, |s| s.tokens.0);
    // Citation lists are short: a bracket further back belongs to something else.
    for k in (start.max(i.saturating_sub(24))..i).rev() {
        match doc.tok(k) {
            ")" => return false,
            "(" => return true,
            _ => {}
        }
    }
    false
}

fn tok<'t>(doc: &Document<'t>, i: usize) -> &'t str {
    if i < doc.tokens.len() {
        doc.tok(i)
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, text, the word, whether it is cited).
    const CASES: &[(&str, &str, &str, bool)] = &[
        ("year in brackets", "See Alarcos (1966) for a description.", "Alarcos", true),
        ("year with a letter", "as Smith (2013a) argues", "Smith", true),
        ("author, year in brackets", "enabling distant reading (Moretti, 2013), was", "Moretti", true),
        ("second of a list", "entails (e.g. Hartsell-Gundy et al., 2015; Mulligan, 2016; Posner, 2013)", "Mulligan", true),
        ("et al.", "entails (e.g. Hartsell-Gundy et al., 2015)", "Hartsell-Gundy", true),
        ("two authors with &", "the episode (Benioff & Weiss, 2013).", "Benioff", true),
        ("two authors with and", "as Brieber and Binderman (2013) show", "Brieber", true),
        ("diacritics", "and Luján (2006) for a review", "Luján", true),
        ("a country", "growth was slow (China, 2010).", "China", false),
        ("capitals", "the guidelines (WHO, 2020) say", "WHO", false),
        ("a comma and a year outside brackets", "In Paris, 1968 was a year of unrest.", "Paris", false),
        ("bracket closed before", "(see above) Smith, 2013, was a good year", "Smith", false),
        ("a plain name", "Smith met Jones in 2013.", "Smith", false),
        ("a year without a comma", "visit (Heidenreich & Turano 2011; Milekic 2010).", "Turano", true),
        ("a long list", "(Thorell, Lindqvist, Nutley, Bohlin, & Klingberg, 2009)", "Lindqvist", true),
        ("a possessive", "members of Sapir’s (1971) BAK group", "Sapir", true),
        ("a comma before the bracket", "Domínguez Caparrós, (2000), Paraíso, (2000)", "Paraíso", true),
        ("a film title", "starred in romantic comedy Leap Year (2010) and", "Leap", false),
        ("a life", "the Diary of General Patrick Gordon of Auchleuchries (1635 – 1699), was", "Auchleuchries", false),
        ("a list of places", "Paris, Lyon and Nice are large.", "Paris", false),
        ("a year outside brackets", "Polio and Gass 1997 to very recent work", "Polio", false),
        ("a weekday", "on Monday (2013) it rained", "Monday", false),
    ];

    #[test]
    fn citation_table() {
        for &(name, text, word, want) in CASES {
            let doc = Document::new(text);
            let i = doc.tokens.iter().position(|t| t.span.slice(text) == word).unwrap_or_else(|| panic!("{name}: no token {word}"));
            assert_eq!(is_cited(&doc, i), want, "{name}: {text}");
        }
    }

    #[test]
    fn years() {
        for (w, want) in [("1966", true), ("2013a", true), ("213", false), ("20133", false), ("3000", false), ("19x6", false), ("", false)] {
            assert_eq!(is_year(w), want, "{w}");
        }
    }
}
