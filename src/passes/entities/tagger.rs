//! The named-entity tagger: a greedy left-to-right averaged perceptron over
//! hashed features, one tag per word (IO encoding: `O`, `PER`, `LOC`, `ORG`,
//! `MISC`).
//!
//! Weights are trained by `examples/train_tagger.rs` on CoNLL-2003 train and
//! half of GUM dev (see `data/README.md`) and embedded from
//! `data/ner-model.bin`: a header (`NER2`, bucket count, tag count, codebook
//! size), a codebook of weight values, then one code byte per bucket and tag.
//! A feature is a string hashed (FNV-1a) into one of the buckets; a bucket
//! holds one weight per tag.
//!
//! Features: the word, its lower case, shape, prefixes and suffixes, the
//! neighbouring words and shapes, sentence start, headline (all caps or
//! title case), gazetteer matches (from [`super::gazetteer`]), the first-name
//! and surname lists, title, organisation and place words, and document-wide
//! cues: whether the word is seen in lower case elsewhere (a common word),
//! whether it is seen capitalised mid-sentence (a name), and the tags the
//! same word already received in the document. Body sentences are tagged
//! before headlines, so a headline word sees how the body tagged it.
//! Decoding is one pass, linear in the number of tokens.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::document::{Document, TokenKind};
use crate::lexicon;

use super::{gazetteer, names};

/// The tags, in weight order.
pub const TAGS: [&str; 5] = ["O", "PER", "LOC", "ORG", "MISC"];
pub const NT: usize = TAGS.len();
pub const O: u8 = 0;
pub const PER: u8 = 1;
pub const LOC: u8 = 2;
pub const ORG: u8 = 3;
pub const MISC: u8 = 4;

const MODEL: &[u8] = include_bytes!("../../../data/ner-model.bin");

/// Read-only weights: `buckets × NT` one-byte codes into a codebook of
/// weight values (the embedded blob), or floats (training).
pub struct Model<'a> {
    pub buckets: usize,
    pub weights: Weights<'a>,
}

pub enum Weights<'a> {
    Coded { codebook: Vec<f32>, codes: &'a [u8] },
    F32(&'a [f32]),
}

impl Model<'_> {
    #[inline]
    fn add(&self, bucket: u32, scores: &mut [f32; NT]) {
        let o = bucket as usize * NT;
        match &self.weights {
            Weights::Coded { codebook, codes } => {
                if let Some(row) = codes.get(o..o + NT) {
                    for (s, &c) in scores.iter_mut().zip(row) {
                        *s += codebook.get(c as usize).copied().unwrap_or(0.0);
                    }
                }
            }
            Weights::F32(w) => {
                if let Some(row) = w.get(o..o + NT) {
                    for (s, &v) in scores.iter_mut().zip(row) {
                        *s += v;
                    }
                }
            }
        }
    }
}

/// The embedded model, parsed once. A malformed blob gives an empty model
/// (every token `O`) rather than a panic.
pub fn model() -> &'static Model<'static> {
    static M: OnceLock<Model<'static>> = OnceLock::new();
    M.get_or_init(|| parse(MODEL).unwrap_or(Model { buckets: 0, weights: Weights::F32(&[]) }))
}

/// Format: `NER2`, u32 buckets, u32 tags, u32 codebook size K (≤ 256),
/// K × f32 codebook, then `buckets × tags` code bytes (little-endian).
fn parse(b: &[u8]) -> Option<Model<'_>> {
    let u32_at = |o: usize| -> Option<usize> { Some(u32::from_le_bytes(b.get(o..o + 4)?.try_into().ok()?) as usize) };
    if b.get(0..4)? != b"NER2" {
        return None;
    }
    let (buckets, nt, k) = (u32_at(4)?, u32_at(8)?, u32_at(12)?);
    if nt != NT || k > 256 || buckets == 0 {
        return None;
    }
    let codebook: Vec<f32> = (0..k).map(|i| Some(f32::from_le_bytes(b.get(16 + 4 * i..20 + 4 * i)?.try_into().ok()?))).collect::<Option<_>>()?;
    let codes = b.get(16 + 4 * k..)?;
    if codes.len() != buckets.checked_mul(NT)? {
        return None;
    }
    Some(Model { buckets, weights: Weights::Coded { codebook, codes } })
}

/// Serialises weights in the embedded format, quantised uniformly: the
/// codebook holds `0` and `±k × max / levels` for `k` in `1..=levels`
/// (`levels` at most 127). Few distinct bytes give a small gzip; weights
/// smaller than half a step (or than `prune`) become zero.
pub fn serialise(buckets: usize, weights: &[f32], prune: f32, levels: usize) -> Vec<u8> {
    let levels = levels.clamp(1, 127);
    let max = weights.iter().fold(0f32, |m, &w| m.max(w.abs()));
    let step = if max > 0.0 { max / levels as f32 } else { 1.0 };
    let centres: Vec<f32> = (1..=levels).map(|k| k as f32 * step).collect();
    let mut out = Vec::with_capacity(16 + 8 * levels + weights.len());
    out.extend_from_slice(b"NER2");
    out.extend_from_slice(&(buckets as u32).to_le_bytes());
    out.extend_from_slice(&(NT as u32).to_le_bytes());
    out.extend_from_slice(&((2 * levels + 1) as u32).to_le_bytes());
    out.extend_from_slice(&0f32.to_le_bytes());
    for &c in &centres {
        out.extend_from_slice(&c.to_le_bytes());
    }
    for &c in &centres {
        out.extend_from_slice(&(-c).to_le_bytes());
    }
    for &w in weights {
        let q = (w.abs() / step).round() as usize;
        if w.abs() <= prune || q == 0 {
            out.push(0);
            continue;
        }
        let k = q.min(levels) - 1;
        out.push(if w > 0.0 { 1 + k as u8 } else { 1 + (levels + k) as u8 });
    }
    out
}

/// FNV-1a over feature parts.
#[derive(Clone, Copy)]
struct H(u64);

impl H {
    fn new(template: u8) -> H {
        H(0xcbf2_9ce4_8422_2325).byte(template)
    }
    fn byte(self, b: u8) -> H {
        H((self.0 ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
    }
    fn str(self, s: &str) -> H {
        let mut h = self;
        for &b in s.as_bytes() {
            h = h.byte(b);
        }
        h.byte(0xff)
    }
    fn bucket(self, n: usize) -> u32 {
        bucket(self.0, n)
    }
}

/// The bucket of a feature hash (a final mix so that low bits depend on every byte).
fn bucket(h: u64, n: usize) -> u32 {
    let mut x = h;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    (x % n.max(1) as u64) as u32
}

/// Per-token information computed once per document.
pub struct TokenInfo {
    /// Lower-cased word (`"<p>"` for punctuation keeps its text).
    pub lower: String,
    pub shape: String,
    pub is_word: bool,
    pub cap: bool,
    pub headline: bool,
    pub sent_start: bool,
    /// Gazetteer match covering this token: (feature, begins, single-token).
    pub gaz: Option<(gazetteer::Feature, bool, bool)>,
}

/// Word shape: `Xx`, `XX`, `x`, `d`, with runs collapsed (`U.S.` → `X.X.`).
fn shape(w: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut n = 0;
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
            n += 1;
            if n > 8 {
                break;
            }
        }
    }
    out
}

/// `NORTH KOREA` → `North Korea`.
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// Whether a sentence is a headline, where case says little: set in
/// capitals (`SOCCER - JAPAN GET LUCKY WIN`), or a whole paragraph in title
/// case (`Seoul: US, N. Korea Agree to Second Summit`) — every word of four
/// letters or more capitalised, at least three of them, no closing period.
pub fn is_headline(doc: &Document, (a, b): (usize, usize)) -> bool {
    is_all_caps(doc, (a, b)) || is_title_line(doc, (a, b))
}

fn is_title_line(doc: &Document, (a, b): (usize, usize)) -> bool {
    if a >= b || doc.tok(b - 1) == "." {
        return false;
    }
    let whole_paragraph = doc.paragraph_at(doc.tokens[a].span.start).is_some_and(|p| doc.paragraphs[p].tokens == (a, b));
    if !whole_paragraph {
        return false;
    }
    let mut long = 0;
    for k in a..b {
        let w = doc.tok(k);
        if doc.tokens[k].kind != TokenKind::Word || w.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        if !is_capitalised(w) {
            return false;
        }
        long += 1;
    }
    long >= 3
}

/// Whether the sentence is set in capitals.
pub fn is_all_caps(doc: &Document, (a, b): (usize, usize)) -> bool {
    let mut upper = 0;
    let mut words = 0;
    for k in a..b {
        if doc.tokens[k].kind != TokenKind::Word {
            continue;
        }
        let w = doc.tok(k);
        if !w.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if !w.chars().any(char::is_lowercase) {
            upper += 1;
        }
    }
    words >= 3 && upper * 10 >= words * 8
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The longest gazetteer match starting at token `i` (within its sentence end `end`).
pub fn gazetteer_at(doc: &Document, i: usize, end: usize, headline: bool) -> Option<(usize, &'static gazetteer::Place)> {
    if doc.tokens[i].kind != TokenKind::Word || !is_capitalised(doc.tok(i)) {
        return None;
    }
    let max = (end - i).min(5);
    let mut s = String::new();
    for len in (1..=max).rev() {
        let last = &doc.tokens[i + len - 1];
        if last.kind != TokenKind::Word && !matches!(doc.tok(i + len - 1), "." | "’" | "'") {
            continue;
        }
        s.clear();
        for k in i..i + len {
            if k > i && doc.tokens[k].span.start > doc.tokens[k - 1].span.end {
                s.push(' ');
            }
            s.push_str(doc.tok(k));
        }
        if let Some(p) = gazetteer::lookup(&s) {
            return Some((len, p));
        }
        if headline {
            if let Some(p) = gazetteer::lookup(&title_case(&s)) {
                return Some((len, p));
            }
        }
    }
    None
}

/// Computes the per-token information of `doc`.
pub fn token_info(doc: &Document) -> Vec<TokenInfo> {
    let mut info: Vec<TokenInfo> = doc
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let w = doc.tok(i);
            TokenInfo {
                lower: w.to_lowercase(),
                shape: shape(w),
                is_word: t.kind == TokenKind::Word,
                cap: is_capitalised(w),
                headline: false,
                sent_start: false,
                gaz: None,
            }
        })
        .collect();
    for s in &doc.sentences {
        let (a, b) = s.tokens;
        let headline = is_headline(doc, s.tokens);
        // First word token of the sentence, after opening quotes or brackets.
        let mut first = true;
        let mut i = a;
        while i < b {
            info[i].headline = headline;
            if first && info[i].is_word {
                info[i].sent_start = true;
                first = false;
            }
            i += 1;
        }
        let mut i = a;
        while i < b {
            if let Some((len, p)) = gazetteer_at(doc, i, b, headline) {
                for k in i..i + len {
                    info[k].gaz = Some((p.feature, k == i, len == 1));
                }
                i += len;
            } else {
                i += 1;
            }
        }
    }
    info
}

/// Document-wide evidence about words.
pub struct DocStats {
    /// Lower-cased words seen written in lower case.
    lower_seen: HashSet<String>,
    /// Words seen capitalised but not first in a sentence nor in a headline.
    cap_mid: HashSet<String>,
}

pub fn doc_stats(doc: &Document, info: &[TokenInfo]) -> DocStats {
    let mut lower_seen = HashSet::new();
    let mut cap_mid = HashSet::new();
    for (i, t) in info.iter().enumerate() {
        if !t.is_word || t.headline {
            continue;
        }
        let w = doc.tok(i);
        if w.chars().next().is_some_and(char::is_lowercase) {
            lower_seen.insert(t.lower.clone());
        } else if t.cap && !t.sent_start {
            cap_mid.insert(t.lower.clone());
        }
    }
    DocStats { lower_seen, cap_mid }
}

/// Words that make a capitalised chunk an organisation.
pub fn is_org_word(w: &str) -> bool {
    matches!(
        w,
        "Department" | "Ministry" | "Office" | "Party" | "Agency" | "Council" | "Committee" | "Commission"
            | "University" | "College" | "School" | "Institute" | "Foundation" | "Association" | "Union"
            | "Bank" | "Court" | "Senate" | "Congress" | "Parliament" | "Assembly" | "Times" | "Post" | "News"
            | "Journal" | "Press" | "Herald" | "Tribune" | "Magazine" | "Network" | "Service" | "Services"
            | "Corporation" | "Corp." | "Corp" | "Company" | "Co." | "Co" | "Inc." | "Inc" | "Ltd." | "Ltd" | "Group"
            | "Organization" | "Organisation" | "Federation" | "League" | "Club" | "Airlines" | "Airways"
            | "Motors" | "Bureau" | "Administration" | "Army" | "Navy" | "Force" | "Forces" | "Police"
            | "Guard" | "Hospital" | "Church" | "Fund" | "Board" | "Authority" | "Exchange" | "Reserve"
            | "Cabinet" | "Alliance" | "Coalition" | "Movement" | "Society" | "Trust" | "Holdings"
            | "Industries" | "Media" | "Television" | "Radio" | "Watch" | "Centre" | "Center" | "Caucus"
            | "Corps" | "Secretariat" | "Tribunal" | "United" | "City" | "Rovers" | "Athletic" | "FC"
            | "Plc" | "PLC" | "AG" | "SA" | "NV" | "Bhd" | "GmbH" | "LLC" | "Ministries" | "Airport"
    )
}

/// Words that head or open a place or facility name (`Fort Lee`, `Main
/// Street`, `Casamance River`, `Mount Kenya`).
pub fn is_place_word(w: &str) -> bool {
    matches!(
        w,
        "Fort" | "Mount" | "Mt." | "Lake" | "Port" | "Cape" | "Gulf" | "Isle" | "Sierra" | "Rio" | "San" | "Santa"
            | "Street" | "St." | "Avenue" | "Ave." | "Road" | "Rd." | "Boulevard" | "Blvd." | "Lane" | "Drive"
            | "Square" | "Plaza" | "Park" | "Bridge" | "River" | "Rivers" | "Creek" | "Valley" | "Hills" | "Hill"
            | "Mountains" | "Mountain" | "Springs" | "Island" | "Islands" | "Bay" | "Beach" | "Coast" | "Sea"
            | "Ocean" | "Peninsula" | "Desert" | "Forest" | "Canyon" | "Falls" | "Harbour" | "Harbor"
            | "Highway" | "Turnpike" | "Expressway" | "Parkway" | "Trail" | "Castle" | "Palace" | "Cathedral"
            | "Abbey" | "Museum" | "Gallery" | "Station" | "Stadium" | "Arena" | "Tower" | "Hall" | "Quarter"
            | "District" | "Province" | "County" | "State" | "Region" | "Republic" | "Kingdom" | "Heights"
            | "Marae" | "Temple" | "Mosque" | "Minster" | "Garden" | "Gardens" | "Zoo" | "Strait" | "Straits"
    )
}

/// Days and months.
pub fn is_calendar_word(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.').to_ascii_lowercase().as_str(),
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "january"
            | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october"
            | "november" | "december" | "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep"
            | "sept" | "oct" | "nov" | "dec"
    )
}

/// Demonyms and nationality adjectives end like this; a cue for MISC.
fn demonym_suffix(l: &str) -> bool {
    l.len() > 4 && (l.ends_with("ian") || l.ends_with("ese") || l.ends_with("ish") || l.ends_with("ean") || l.ends_with("can"))
}

/// The static (tag-independent) feature hashes of token `i`.
pub fn static_features(doc: &Document, info: &[TokenInfo], st: &DocStats, i: usize, out: &mut Vec<u64>) {
    let t = &info[i];
    let w = doc.tok(i);
    let mut f = |h: H| out.push(h.0);
    f(H::new(0));
    // In a headline, case says nothing: use the title-cased form for name lookups.
    let tc;
    let wn: &str = if t.headline && t.is_word {
        tc = title_case(w);
        &tc
    } else {
        w
    };
    if !t.headline {
        f(H::new(1).str(w));
    }
    f(H::new(2).str(&t.lower));
    let shape_key = if t.headline { "HL" } else { t.shape.as_str() };
    f(H::new(3).str(shape_key));
    f(H::new(40).str(&t.shape));
    // Prefixes and suffixes of 1–4 characters, sliced without allocating.
    let bounds: Vec<usize> = t.lower.char_indices().map(|(b, _)| b).chain([t.lower.len()]).collect();
    let n = bounds.len() - 1;
    for k in 1..=4usize {
        if n > k {
            f(H::new(4).byte(k as u8).str(&t.lower[..bounds[k]]));
            f(H::new(5).byte(k as u8).str(&t.lower[bounds[n - k]..]));
        }
    }
    if t.sent_start {
        f(H::new(6));
        f(H::new(7).str(&t.lower));
    }
    if t.headline {
        f(H::new(8));
    }
    // Neighbours.
    let lw = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 || j as usize >= info.len() {
            "<s>"
        } else {
            info[j as usize].lower.as_str()
        }
    };
    let shp = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 || j as usize >= info.len() {
            "<s>"
        } else if info[j as usize].headline {
            "HL"
        } else {
            info[j as usize].shape.as_str()
        }
    };
    f(H::new(9).str(lw(-1)));
    f(H::new(10).str(lw(1)));
    f(H::new(11).str(lw(-2)));
    f(H::new(12).str(lw(2)));
    f(H::new(13).str(lw(-1)).str(&t.lower));
    f(H::new(14).str(&t.lower).str(lw(1)));
    f(H::new(15).str(shp(-1)).str(shape_key).str(shp(1)));
    f(H::new(16).str(shp(-1)).str(shape_key));
    f(H::new(17).str(shape_key).str(shp(1)));
    // Gazetteer.
    if let Some((feat, begin, single)) = t.gaz {
        f(H::new(18).str(feat.as_str()).byte(begin as u8).byte(single as u8));
        f(H::new(19));
    }
    for k in [-1isize, 1] {
        let j = i as isize + k;
        if j >= 0 && (j as usize) < info.len() {
            if let Some((feat, _, _)) = info[j as usize].gaz {
                f(H::new(20).byte(k as u8).str(feat.as_str()));
            }
        }
    }
    // Names, titles, organisation words.
    if t.is_word {
        if names::in_table(wn) {
            f(H::new(21).byte(names::is_first_name(wn) as u8));
        }
        let c = names::census_lower(&t.lower);
        if c.first {
            f(H::new(41).byte(c.gender.map_or(0, |g| g as u8 + 1)));
        }
        if c.surname {
            f(H::new(42));
        }
        if i > 0 && info[i - 1].is_word && names::census_lower(&info[i - 1].lower).first {
            f(H::new(43).byte(info[i - 1].cap as u8));
        }
        if i + 1 < info.len() && info[i + 1].is_word {
            let n = names::census_lower(&info[i + 1].lower);
            if n.surname || n.first {
                f(H::new(44).byte(n.surname as u8).byte(n.first as u8).byte(info[i + 1].cap as u8));
            }
        }
        if i > 0 && info[i - 1].is_word && names::in_table(&title_if(doc, info, i - 1)) {
            f(H::new(22));
        }
        if i > 0 && lexicon::is_person_title(&title_if(doc, info, i - 1)) {
            f(H::new(23));
        }
        if i > 1 && lexicon::is_person_title(&title_if(doc, info, i - 2)) {
            f(H::new(24));
        }
        if lexicon::is_person_title(wn) {
            f(H::new(25));
        }
        if is_org_word(wn) {
            f(H::new(26));
        }
        for k in 1..=3 {
            if i + k < info.len() && is_org_word(&title_if(doc, info, i + k)) {
                f(H::new(27).byte(k as u8));
            }
        }
        if is_place_word(wn) {
            f(H::new(45));
        }
        if i > 0 && is_place_word(&title_if(doc, info, i - 1)) {
            f(H::new(46));
        }
        for k in 1..=2 {
            if i + k < info.len() && is_place_word(&title_if(doc, info, i + k)) {
                f(H::new(47).byte(k as u8));
            }
        }
        if is_calendar_word(w) {
            f(H::new(28));
        }
        if demonym_suffix(&t.lower) {
            f(H::new(29));
        }
        // Hashtag `#Pyongyang`.
        if i > 0 && doc.tok(i - 1) == "#" && doc.tokens[i - 1].span.end == doc.tokens[i].span.start {
            f(H::new(30));
        }
        // Document-wide cues.
        if t.cap || t.headline {
            if st.lower_seen.contains(&t.lower) {
                f(H::new(31).byte(t.headline as u8).byte(t.sent_start as u8));
            }
            if st.cap_mid.contains(&t.lower) {
                f(H::new(32).byte(t.headline as u8).byte(t.sent_start as u8));
            }
        }
        if lexicon::is_speech_verb(lw(1)) {
            f(H::new(33));
        }
        if w.contains('-') {
            f(H::new(34));
        }
        if w.ends_with('.') && w.len() <= 4 {
            f(H::new(35).str(w));
        }
    }
}

fn title_if<'t>(doc: &Document<'t>, info: &[TokenInfo], k: usize) -> std::borrow::Cow<'t, str> {
    let w = doc.tok(k);
    if info[k].headline {
        std::borrow::Cow::Owned(title_case(w))
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// What the decoder needs to know about each token, besides its static features.
pub struct Seq<'a> {
    /// Sentences as token ranges, and whether each is a headline.
    pub sentences: Vec<((usize, usize), bool)>,
    pub words: &'a [bool],
    pub lower: &'a [String],
    /// Shape, `HL` in headlines.
    pub shapes: Vec<&'a str>,
    /// Capitalised word or headline word: a name candidate.
    pub candidate: Vec<bool>,
}

impl<'a> Seq<'a> {
    pub fn new(doc: &Document, info: &'a [TokenInfo], words: &'a [bool], lower: &'a [String]) -> Seq<'a> {
        let sentences = doc.sentences.iter().map(|s| (s.tokens, info.get(s.tokens.0).is_some_and(|t| t.headline))).collect();
        Seq {
            sentences,
            words,
            lower,
            shapes: info.iter().map(|t| if t.headline { "HL" } else { t.shape.as_str() }).collect(),
            candidate: info.iter().map(|t| t.is_word && (t.cap || t.headline)).collect(),
        }
    }
}

/// The greedy decoder. Body sentences are read first and headlines last, so
/// that a headline word sees how the body tagged it. `stat` gives a token's
/// static feature buckets; `step` scores a token's features and returns its tag
/// (in training it also updates the weights). Besides the previous two tags,
/// the features include the *history*: the tags this word (lower-cased)
/// already received in the document.
pub fn decode(seq: &Seq, n: usize, stat: &mut dyn FnMut(usize, &mut Vec<u32>), step: &mut dyn FnMut(usize, &[u32]) -> u8) -> Vec<u8> {
    let mut tags = vec![O; seq.words.len()];
    let mut hist: std::collections::HashMap<&str, [u16; NT]> = std::collections::HashMap::new();
    let mut feats: Vec<u32> = Vec::with_capacity(96);
    for pass_headlines in [false, true] {
        for &((a, b), headline) in &seq.sentences {
            if headline != pass_headlines {
                continue;
            }
            let (mut p1, mut p2) = (O, O);
            for i in a..b.min(seq.words.len()) {
                if !seq.words[i] {
                    p2 = p1;
                    p1 = O;
                    continue;
                }
                feats.clear();
                stat(i, &mut feats);
                let lw = seq.lower[i].as_str();
                feats.push(H::new(50).byte(p1).bucket(n));
                feats.push(H::new(51).byte(p1).byte(p2).bucket(n));
                feats.push(H::new(52).byte(p1).str(lw).bucket(n));
                feats.push(H::new(53).byte(p1).str(seq.shapes[i]).bucket(n));
                if seq.candidate[i] {
                    if let Some(c) = hist.get(lw) {
                        let top = (1..NT).fold(0, |m, t| if c[t] > c[m] { t } else { m });
                        feats.push(H::new(60).byte(top as u8).bucket(n));
                        feats.push(H::new(61).byte(top as u8).byte(headline as u8).bucket(n));
                        let kinds = c[1..].iter().filter(|&&x| x > 0).count();
                        feats.push(H::new(62).byte(top as u8).byte(kinds.min(2) as u8).bucket(n));
                    }
                }
                let t = step(i, &feats);
                tags[i] = t;
                if seq.candidate[i] {
                    let e = hist.entry(lw).or_insert([0; NT]);
                    e[t as usize] = e[t as usize].saturating_add(1);
                }
                p2 = p1;
                p1 = t;
            }
        }
    }
    tags
}

fn best(scores: &[f32; NT]) -> u8 {
    let mut b = 0;
    for t in 1..NT {
        if scores[t] > scores[b] {
            b = t;
        }
    }
    b as u8
}

/// Tags every token of `doc` with the embedded model.
pub fn tag(doc: &Document) -> Vec<u8> {
    tag_with(doc, model())
}

/// Tags every token of `doc` with `m`.
pub fn tag_with(doc: &Document, m: &Model) -> Vec<u8> {
    if m.buckets == 0 {
        return vec![O; doc.tokens.len()];
    }
    let info = token_info(doc);
    let st = doc_stats(doc, &info);
    let words: Vec<bool> = info.iter().map(|t| t.is_word).collect();
    let lower: Vec<String> = info.iter().map(|t| t.lower.clone()).collect();
    let seq = Seq::new(doc, &info, &words, &lower);
    let mut hashes = Vec::with_capacity(64);
    let mut stat = |i: usize, out: &mut Vec<u32>| {
        hashes.clear();
        static_features(doc, &info, &st, i, &mut hashes);
        out.extend(hashes.iter().map(|&h| bucket(h, m.buckets)));
    };
    let mut step = |_i: usize, feats: &[u32]| {
        let mut scores = [0f32; NT];
        for &fb in feats {
            m.add(fb, &mut scores);
        }
        best(&scores)
    };
    decode(&seq, m.buckets, &mut stat, &mut step)
}

/// Training: an averaged perceptron over the same features.
pub mod train {
    use super::*;

    /// A training document: text and gold token tags (one per token).
    pub struct Example {
        pub text: String,
        /// Byte spans with tags.
        pub spans: Vec<(usize, usize, u8)>,
        /// Only persons and locations are annotated (GUM): a token outside
        /// them may be `O`, `ORG` or `MISC`, and only a `PER`/`LOC` guess
        /// there is an error.
        pub partial: bool,
    }

    /// Gold value for "any of `O`, `ORG`, `MISC`".
    const NOT_PER_LOC: u8 = 255;

    struct Prepared {
        hashes: Vec<Vec<u64>>,
        feats: Vec<Vec<u32>>,
        gold: Vec<u8>,
        sentences: Vec<((usize, usize), bool)>,
        words: Vec<bool>,
        lower: Vec<String>,
        shapes: Vec<String>,
        candidate: Vec<bool>,
    }

    fn prepare(ex: &Example) -> Prepared {
        let doc = Document::new(&ex.text);
        let info = token_info(&doc);
        let st = doc_stats(&doc, &info);
        let mut gold = vec![if ex.partial { NOT_PER_LOC } else { O }; doc.tokens.len()];
        for (i, t) in doc.tokens.iter().enumerate() {
            for &(s, e, tag) in &ex.spans {
                if t.span.start >= s && t.span.end <= e {
                    gold[i] = tag;
                }
            }
        }
        let mut hashes = Vec::with_capacity(doc.tokens.len());
        for i in 0..doc.tokens.len() {
            let mut v = Vec::new();
            if info[i].is_word {
                static_features(&doc, &info, &st, i, &mut v);
            }
            hashes.push(v);
        }
        let words: Vec<bool> = info.iter().map(|t| t.is_word).collect();
        let lower: Vec<String> = info.iter().map(|t| t.lower.clone()).collect();
        let seq = Seq::new(&doc, &info, &words, &lower);
        Prepared {
            hashes,
            feats: Vec::new(),
            gold,
            sentences: seq.sentences,
            shapes: seq.shapes.iter().map(|s| s.to_string()).collect(),
            candidate: seq.candidate,
            words,
            lower,
        }
    }

    /// Trains for `epochs` passes; returns the averaged weights (`n × NT`).
    /// Features seen fewer than `min_count` times in the data are dropped.
    pub fn train(examples: &[Example], n: usize, epochs: usize, min_count: u32, log: &mut dyn FnMut(String)) -> Vec<f32> {
        let mut data: Vec<Prepared> = examples.iter().map(prepare).collect();
        let mut count: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
        for p in &data {
            for h in p.hashes.iter().flatten() {
                *count.entry(*h).or_insert(0) += 1;
            }
        }
        let kept = count.values().filter(|&&c| c >= min_count).count();
        log(format!("{} features, {} seen at least {} times", count.len(), kept, min_count));
        for p in &mut data {
            p.feats = p.hashes.iter().map(|v| v.iter().filter(|h| count[h] >= min_count).map(|&h| bucket(h, n)).collect()).collect();
            p.hashes = Vec::new();
        }
        let len = n * NT;
        let mut w = vec![0f32; len];
        let mut total = vec![0f64; len];
        let mut stamp = vec![0u64; len];
        let mut clock: u64 = 0;
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng: u64 = 0x9e37_79b9_7f4a_7c15;
        for epoch in 0..epochs {
            // Deterministic Fisher–Yates shuffle.
            for k in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(k, (rng % (k as u64 + 1)) as usize);
            }
            let (mut right, mut all) = (0usize, 0usize);
            for &d in &order {
                let p = &data[d];
                let seq = Seq {
                    sentences: p.sentences.clone(),
                    words: &p.words,
                    lower: &p.lower,
                    shapes: p.shapes.iter().map(String::as_str).collect(),
                    candidate: p.candidate.clone(),
                };
                let mut stat = |i: usize, out: &mut Vec<u32>| out.extend_from_slice(&p.feats[i]);
                let mut step = |i: usize, feats: &[u32]| {
                    clock += 1;
                    let mut scores = [0f32; NT];
                    for &fb in feats {
                        let o = fb as usize * NT;
                        for t in 0..NT {
                            scores[t] += w[o + t];
                        }
                    }
                    let guess = best(&scores);
                    let mut g = p.gold[i];
                    if g == NOT_PER_LOC {
                        g = if guess == PER || guess == LOC {
                            [O, ORG, MISC].into_iter().fold(O, |b, t| if scores[t as usize] > scores[b as usize] { t } else { b })
                        } else {
                            guess
                        };
                    }
                    all += 1;
                    if guess == g {
                        right += 1;
                    } else {
                        for &fb in feats {
                            for (t, delta) in [(g, 1f32), (guess, -1f32)] {
                                let k = fb as usize * NT + t as usize;
                                total[k] += (clock - stamp[k]) as f64 * w[k] as f64;
                                stamp[k] = clock;
                                w[k] += delta;
                            }
                        }
                    }
                    guess
                };
                decode(&seq, n, &mut stat, &mut step);
            }
            log(format!("epoch {} accuracy {:.4}", epoch + 1, right as f64 / all.max(1) as f64));
        }
        clock += 1;
        (0..len).map(|k| ((total[k] + (clock - stamp[k]) as f64 * w[k] as f64) / clock as f64) as f32).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        for (w, s) in [("Pompeo", "Xx"), ("U.S.", "X.X."), ("1996", "d"), ("Jae-In", "Xx-Xx"), ("iPhone", "xXx")] {
            assert_eq!(shape(w), s, "{w}");
        }
    }

    #[test]
    fn embedded_model_parses_and_tags_any_input() {
        assert!(model().buckets > 0);
        for text in ["", " ", "\u{feff}", "#", "A", "Mike Pompeo flew to Seoul.", "SEOUL - KIM MEETS MOON\nx"] {
            let doc = Document::new(text);
            assert_eq!(tag(&doc).len(), doc.tokens.len());
        }
    }

    #[test]
    fn quantised_round_trip() {
        let w = [0.5f32, -1.0, 0.0, 0.25, 1.0, 3.0, -3.0, 0.01, 2.0, -0.5];
        let b = serialise(2, &w, 0.0, 4);
        let m = parse(&b).expect("parses");
        assert_eq!(m.buckets, 2);
        let mut s = [0f32; NT];
        m.add(1, &mut s);
        // Signs and order survive quantisation.
        assert!(s[0] > 2.0 && s[1] < -2.0 && s[4] < 0.0 && s[3] > 1.0, "{s:?}");
        for cut in 0..b.len() {
            assert!(parse(&b[..cut]).is_none());
        }
    }
}
