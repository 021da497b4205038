//! Organisations: rules that make an organisation's name whole (firms,
//! acronyms, national bodies, possessives, institutions of a place) and
//! tell an organisation from a person or place by what surrounds it
//! (owners, employers).

use super::*;

/// Acronyms a text defines: a name, then in brackets the initials of its
/// capitalised words (`Caribbean Disaster Emergency Management Agency
/// (CDEMA)`; an upper-case word gives all its letters: `Chinese Chamber of
/// Commerce to the EU (CCCEU)`). The name is found by the initials, back
/// from the bracket over capitalised words, linking words and commas, so
/// that a name the tagger cut in pieces is made whole (`Office for the
/// Coordination of Humanitarian Affairs (OCHA)`, `National Heart, Lung, and
/// Blood Institute (NHLBI)`), with all of a tagged name it starts inside
/// (`United Nations Office ...`). It is an organisation, and so is every
/// mention of the acronym in the text, whatever the tagger made of it or
/// whether it saw it at all; the map gives the name's key for each acronym,
/// so that all mentions are one entity. Only where the tagger saw an
/// organisation in the words (not `the number of cases (NOC)`, nor a law,
/// a treaty or a disease: `Affordable Care Act (ACA)`).
pub(super) fn acronyms(doc: &Document, spans: Vec<TypedSpan>) -> (Vec<TypedSpan>, HashMap<String, String>) {
    let n = doc.tokens.len();
    let link = |w: &str| matches!(w, "of" | "for" | "the" | "and" | "on" | "to" | "in" | "&" | "de" | "la" | "du" | "des" | "," | "'" | "’");
    let shaped = |w: &str| w.len() >= 2 && w.len() <= 10 && w.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'&') && w.bytes().any(|c| c.is_ascii_uppercase());
    let mut found: Vec<TypedSpan> = Vec::new();
    let mut defined: HashMap<String, String> = HashMap::default();
    for p in 2..n.saturating_sub(2) {
        if doc.tok(p) != "(" {
            continue;
        }
        let acronym = doc.tok(p + 1);
        if doc.tok(p + 2) != ")" || !shaped(acronym) || line_break_before(doc, p) || found.last().is_some_and(|f| f.1 > p) {
            continue;
        }
        // Back from the bracket: the initials read so far, right to left.
        let (s0, mut k, mut initials, mut start) = (sentence_of(doc, p).0, p, String::new(), None);
        while k > s0 && p - k < 16 && !line_break_before(doc, k) && initials.len() < acronym.len() {
            k -= 1;
            let w = doc.tok(k);
            if link(w) {
                continue;
            }
            if doc.tokens[k].kind != TokenKind::Word || !w.starts_upper() {
                break;
            }
            let letters: String = if shaped(w) { w.to_string() } else { w.chars().take(1).flat_map(char::to_uppercase).collect() };
            initials.insert_str(0, &letters);
            if initials == acronym {
                start = Some(k);
            }
        }
        let Some(mut a) = start else { continue };
        if matches!(doc.tok(p - 1), "Act" | "Treaty" | "Amendment") {
            continue;
        }
        // (Token by token, each a binary search: linear in the text.)
        let tagged = (a..p).any(|k| span_at(&spans, k).is_some_and(|sp| sp.2 == tagger::ORG));
        if !tagged {
            continue;
        }
        // A tagged name the words start inside belongs to them.
        if let Some(sp) = span_at(&spans, a) {
            a = sp.0;
        }
        found.push((a, p, tagger::ORG, false));
        defined.insert(acronym.to_string(), span_key(doc, a, p, false));
    }
    if found.is_empty() {
        return (spans, defined);
    }
    let spans = merge(without_overlaps(spans, &found), found);
    // The acronym's mentions: one-word spans become the organisation, and
    // untagged words join them.
    let in_span = covered(doc, &spans);
    let extra: Vec<TypedSpan> = (0..n).filter(|&k| !in_span[k] && doc.tokens[k].kind == TokenKind::Word && defined.contains_key(doc.tok(k))).map(|k| (k, k + 1, tagger::ORG, false)).collect();
    let mut spans = spans;
    for sp in spans.iter_mut() {
        if sp.1 - sp.0 == 1 && defined.contains_key(doc.tok(sp.0)) {
            sp.2 = tagger::ORG;
        }
    }
    (merge(spans, extra), defined)
}

/// A name ends before `in` or `at`, which the tagger, trained on names
/// like `Organisation for Security and Cooperation in Europe`, runs on
/// over: `European Central Bank in Frankfurt` is a bank and a place. What
/// follows is a place if the gazetteer knows it or it is several words
/// after `in` (not `Cruz at Tea Party`). Not where a lower-case word comes earlier in the
/// name (that `Cooperation in Europe`).
pub(super) fn names_end_at_in(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let cut = |&(a, b, _, _): &TypedSpan| {
        (a + 1..b).take_while(|&k| !doc.tok(k - 1).starts_lower()).find(|&k| matches!(doc.tok(k), "in" | "at"))
    };
    if !spans.iter().any(|sp| cut(sp).is_some()) {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len() + 1);
    for sp in spans {
        match cut(&sp) {
            Some(k) => {
                out.push((sp.0, k, sp.2, sp.3));
                // (Not a word cut from its place: `Stonewall Inn in New` of `New York`.)
                if k + 1 < sp.1 && (place_of(doc, k + 1, sp.1, sp.3).is_some() || (sp.1 - k > 2 && doc.tok(k) == "in")) {
                    out.push((k + 1, sp.1, tagger::LOC, sp.3));
                }
            }
            None => out.push(sp),
        }
    }
    out
}

/// A run of capitalised words ending in a word that only names of firms
/// and institutions end on (`Capital`, `Partners`, `LLP`, `International`)
/// is one organisation, whatever the tagger made of its parts, which are
/// often ordinary surnames or words: `Sequoia Capital` read as a person,
/// `Blake Moreton` + `LLP`, untagged `Amnesty` + `International`. The run
/// takes in the spans and the untagged capitalised words touching it on the
/// left, up to a function or calendar word (`But`, `Monday`), an adjective
/// (`Boston-based`), a sentence's first word that the document also writes
/// in lower case (`Both`), a line break or anything not a capitalised word.
/// Not in headlines, where every word is capitalised, nor where the name
/// runs on (`Berlin International` + `Film Festival`). An untagged company
/// word right after a name ends it (`Capital` + `Economics`, `Pfizer` +
/// `Inc.`).
pub(super) fn company_names(doc: &Document, lower: &LowerWords, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    // A capitalised word that may be part of a name (not `Louis-based`).
    let name_word = |k: usize| {
        let w = doc.tok(k);
        doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(&w[w.bytes().rposition(|c| c == b'-').map_or(0, |i| i + 1)..])
    };
    let is_company_word = |k: usize| COMPANY_WORDS.binary_search(&doc.tok(k)).is_ok();
    let runs_on = |b: usize| b < doc.tokens.len() && !line_break_before(doc, b) && name_word(b);
    // An untagged company word right after a name ends it (`Capital` +
    // `Economics`).
    let mut spans = spans;
    for k in 0..spans.len() {
        let b = spans[k].1;
        let free = spans.get(k + 1).is_none_or(|n| n.0 > b);
        if free && !spans[k].3 && runs_on(b) && is_company_word(b) && !runs_on(b + 1) {
            spans[k].1 = b + 1;
        }
    }
    let ends_company = |sp: &TypedSpan| is_company_word(sp.1 - 1) && !sp.3 && !runs_on(sp.1);
    if !spans.iter().any(ends_company) {
        return spans;
    }
    let mut out: Vec<TypedSpan> = Vec::with_capacity(spans.len());
    for sp in spans {
        if !ends_company(&sp) {
            out.push(sp);
            continue;
        }
        let mut a = sp.0;
        while a > 0 && !line_break_before(doc, a) && name_word(a - 1) {
            let w = doc.tok(a - 1);
            let first = sentence_of(doc, a - 1).0 == a - 1;
            if let Some(prev) = out.last().filter(|p| p.1 == a) {
                a = prev.0;
                out.pop();
            } else if !is_function_word(w) && !tagger::is_calendar_word(w) && !(first && lower.has(&w.to_lowercase())) {
                a -= 1;
            } else {
                break;
            }
        }
        out.push(if a + 1 < sp.1 { (a, sp.1, tagger::ORG, false) } else { sp });
    }
    out
}

/// The firms named in full (several words, the last a [`COMPANY_WORDS`]
/// word: `Brightline Systems`), by their first word (`Brightline`): the
/// full name, or an empty one when two firms share the word. Not a word
/// that names a place (`Texas` of `Texas Instruments`) nor a function word.
/// (Keyed by owned strings: the map type of [`acronyms`], for one copy of
/// the hash table's code less.)
pub(super) fn firm_names(doc: &Document, spans: &[TypedSpan]) -> HashMap<String, String> {
    let mut firms: HashMap<String, String> = HashMap::default();
    for &(a, b, t, headline) in spans {
        let first = doc.tok(a);
        if t == tagger::ORG && b - a >= 2 && !headline && COMPANY_WORDS.binary_search(&doc.tok(b - 1)).is_ok() && !is_function_word(first) && gazetteer::lookup(first).is_none() {
            let full = span_key(doc, a, b, false);
            firms.entry(first.to_string()).and_modify(|f| if *f != full { f.clear() }).or_insert(full);
        }
    }
    firms
}

/// Two names joined by `&` are one firm: `Douglas & Lomason`, `Procter &
/// Gamble`, whatever the tagger made of each (often two persons). Each side
/// is one capitalised word, in one line; not in headlines, not two first
/// names, not a citation's authors.
pub(super) fn ampersand_firms(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    let word = |k: usize| k < n && doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(doc.tok(k)) && !is_function_word(doc.tok(k));
    // Pairs the document cites somewhere with a reference or a year after
    // them (`Carrano & Biewener [7]`): authors wherever they appear.
    let reference = |k: usize| k + 1 < n && matches!(doc.tok(k), "[" | "(") && doc.tok(k + 1).starts_with(|c: char| c.is_ascii_digit());
    // (Keyed `left&right`: a set of strings, as elsewhere, costs the WASM
    // module less than a set of pairs would.)
    let pair = |k: usize| format!("{}&{}", doc.tok(k - 1), doc.tok(k + 1));
    let cited_pairs: HashSet<String> = (1..n.saturating_sub(2)).filter(|&k| doc.tok(k) == "&" && reference(k + 2)).map(pair).collect();
    let mut found: Vec<TypedSpan> = Vec::new();
    for k in 1..n.saturating_sub(1) {
        if doc.tok(k) != "&" || !word(k - 1) || !word(k + 1) || line_break_before(doc, k) || line_break_before(doc, k + 1) {
            continue;
        }
        // (Nor a street corner: `44th St & Tatum`.)
        if (!cited_pairs.is_empty() && cited_pairs.contains(&pair(k))) || is_place_suffix(doc.tok(k - 1)) {
            continue;
        }
        // (Not a longer name running through: `Bank of Boston & Trust`,
        // `Hillary & Chelsea Clinton`; nor two first names, `Bill & Hillary`;
        // nor the authors of a citation, `Carrano & Biewener, 2001`.)
        let inside = |j: usize| span_at(&spans, j).is_some_and(|sp| sp.3 || sp.1 - sp.0 > 1 || sp.2 == tagger::LOC);
        let runs_on = word(k + 2) && !line_break_before(doc, k + 2);
        let first_names = names::in_table(doc.tok(k - 1)) && names::in_table(doc.tok(k + 1));
        let cited = citations::is_cited(doc, k - 1) || citations::is_cited(doc, k + 1);
        if inside(k - 1) || inside(k + 1) || runs_on || first_names || cited || found.last().is_some_and(|f| f.1 > k - 1) {
            continue;
        }
        found.push((k - 1, k + 2, tagger::ORG, false));
    }
    if found.is_empty() {
        return spans;
    }
    merge(without_overlaps(spans, &found), found)
}

/// A name a noun for a firm introduces is the firm's, wherever the document
/// writes it alone: `tyre and cables giant Pirelli`, `the carmaker Lada`,
/// then `Pirelli is linking with …`. The tagger reads many firms named after
/// their founders as persons. Not a place (`the bank in Frankfurt`).
pub(super) fn firms_by_noun(doc: &Document, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let firm_noun = |k: usize| {
        matches!(
            doc.tok(k),
            "giant" | "maker" | "carmaker" | "automaker" | "chipmaker" | "conglomerate" | "retailer" | "insurer" | "manufacturer" | "carrier"
                | "airline" | "brokerage" | "lender" | "supplier" | "firm" | "company"
        )
    };
    let named: HashSet<&str> = spans
        .iter()
        .filter(|sp| sp.1 - sp.0 == 1 && !sp.3 && sp.0 > 0 && firm_noun(sp.0 - 1) && sp.2 != tagger::LOC && place_of(doc, sp.0, sp.1, false).is_none())
        .map(|sp| doc.tok(sp.0))
        .collect();
    if named.is_empty() {
        return spans;
    }
    for sp in spans.iter_mut() {
        if sp.1 - sp.0 == 1 && sp.2 == tagger::PER && named.contains(doc.tok(sp.0)) {
            sp.2 = tagger::ORG;
        }
    }
    spans
}

/// A firm named in full once (`Brightline Systems`, `Northvale
/// Semiconductor`) is then named by its first word (`Brightline`), which the
/// tagger, knowing neither, reads as a person or a place: that word alone is
/// the firm (and `recognise` links it to the full name).
pub(super) fn short_firm_names(doc: &Document, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let firms = firm_names(doc, &spans);
    if firms.is_empty() {
        return spans;
    }
    for sp in spans.iter_mut() {
        // (Not an adjective: `British` of `British Airways`.)
        if sp.1 - sp.0 == 1 && !sp.3 && sp.2 != tagger::MISC && firms.get(doc.tok(sp.0)).is_some_and(|f| !f.is_empty()) {
            sp.2 = tagger::ORG;
        }
    }
    spans
}

/// Names of well-known organisations, one per line in [`org_key`] form,
/// sorted: generated by scripts/gen_organisations.mjs from the lexicon of
/// the npm package compromise (MIT licence; see data/README.md).
const KNOWN_ORGANISATIONS: &str = include_str!("../../../data/organisations.txt");

/// The lookup form of a name, in `buf`: ASCII lower case, hyphens as
/// spaces, no full stops, no spaces around `&`, typographic apostrophes
/// straight (`Coca-Cola` → `coca cola`, `AT & T` → `at&t`, `Ben & Jerry’s`
/// → `ben&jerry's`). None for a name no entry can be (too long, not ASCII).
fn org_key<'b>(name: &str, buf: &'b mut [u8; 32]) -> Option<&'b [u8]> {
    let bytes = name.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < bytes.len() {
        let b = match bytes[i] {
            b'.' => {
                i += 1;
                continue;
            }
            b'-' => b' ',
            c if c.is_ascii_whitespace() => b' ',
            c if c.is_ascii() => c.to_ascii_lowercase(),
            // `’` and `‘` (E2 80 99, E2 80 98); no entry has another non-ASCII letter.
            _ if matches!(bytes[i..], [0xE2, 0x80, 0x98 | 0x99, ..]) => {
                i += 2;
                b'\''
            }
            _ => return None,
        };
        i += 1;
        // (One space, none around `&`.)
        if n > 0 && buf[n - 1] == b' ' && matches!(b, b' ' | b'&') {
            n -= 1;
        } else if b == b' ' && (n == 0 || buf[n - 1] == b'&') {
            continue;
        }
        *buf.get_mut(n)? = b;
        n += 1;
    }
    Some(&buf[..n])
}

/// Where the names starting with each letter begin in
/// [`KNOWN_ORGANISATIONS`] (`a` to `z`, then the end; names starting with a
/// digit come before `a`): worked out at compile time, so that a lookup
/// searches one letter's few names.
const ORGANISATION_LETTERS: [usize; 27] = {
    let text = KNOWN_ORGANISATIONS.as_bytes();
    let mut starts = [text.len(); 27];
    let (mut i, mut letter) = (0, 0);
    while i < text.len() {
        // (At a line's start: every letter up to this line's starts here.)
        while letter < 26 && text[i] >= b'a' + letter as u8 {
            starts[letter] = i;
            letter += 1;
        }
        while text[i] != b'\n' {
            i += 1;
        }
        i += 1;
    }
    starts
};

/// Whether `name` is a well-known organisation's ([`KNOWN_ORGANISATIONS`]):
/// a binary search over the lines of its first letter's names, in the text
/// as it is embedded.
pub(super) fn is_known_organisation(name: &str) -> bool {
    let mut buf = [0; 32];
    let Some(key) = org_key(name, &mut buf) else { return false };
    let text = KNOWN_ORGANISATIONS.as_bytes();
    let (mut lo, mut hi) = match key.first() {
        Some(&c @ b'a'..=b'z') => (ORGANISATION_LETTERS[usize::from(c - b'a')], ORGANISATION_LETTERS[usize::from(c - b'a') + 1]),
        _ => (0, ORGANISATION_LETTERS[0]),
    };
    while lo < hi {
        // The line holding the middle byte, from its start.
        let mid = lo + (hi - lo) / 2;
        let start = text[lo..mid].iter().rposition(|&c| c == b'\n').map_or(lo, |i| lo + i + 1);
        let end = start + text[start..].iter().position(|&c| c == b'\n').unwrap_or(text.len() - start);
        match text[start..end].cmp(key) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// A well-known organisation's name the tagger typed a person or a place
/// is the organisation: `Twitter announced`, `Netflix`'s shows, `YouTube`
/// (the tagger learned from 1996 wire copy, and these names read like a
/// surname or a town), and so are two touching names that make one
/// (`USA` and `Today`). Not a word after a title (`Vice President Ford`),
/// nor the surname of a person named in full in the document (`Michael
/// Dell` … `Dell said`).
pub(super) fn known_organisations(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let text = |a: usize, b: usize| &doc.text[doc.tokens[a].span.start..doc.tokens[b - 1].span.end];
    // Two touching names that are one known name together (`USA` + `Today`).
    let mut spans = join_pairs(spans, |(a, b, _, headline), sp| {
        (sp.0 == b && sp.3 == headline && !line_break_before(doc, b) && is_known_organisation(text(a, sp.1))).then_some(tagger::ORG)
    });
    let surname = |w: &str| spans.iter().any(|s| s.2 == tagger::PER && s.1 - s.0 >= 2 && doc.tok(s.1 - 1) == w);
    let mut retyped = Vec::new();
    for (i, &(a, b, t, _)) in spans.iter().enumerate() {
        if t == tagger::ORG || !doc.tok(a).starts_upper() {
            continue;
        }
        if !is_known_organisation(text(a, b)) || (b - a == 1 && ((a > 0 && lexicon::is_person_title(doc.tok(a - 1))) || surname(doc.tok(a)))) {
            continue;
        }
        retyped.push(i);
    }
    for i in retyped {
        spans[i].2 = tagger::ORG;
    }
    spans
}

/// A country or first-level region named together with a sport or a public
/// service is a national body, not the place: `Tennis Australia`, `Health
/// Canada`, `Sport England`, `Air France` before it ([`SECTOR_WORDS`]),
/// `USA Gymnastics` after it (when no capitalised word runs on: `the England
/// Cricket Board` is another name). The tagger, trained on 1996 wire copy,
/// types the place a location and leaves the word alone. Not in headlines
/// or title-case lines, where every word is capitalised.
pub(super) fn national_bodies(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    let is_sector = |k: usize| SECTOR_WORDS.binary_search(&doc.tok(k)).is_ok();
    // A sector word in no name of several words, in the place's line.
    let sector = |k: usize, place: usize| {
        doc.tokens[k].kind == TokenKind::Word && is_sector(k) && span_at(&spans, k).is_none_or(|sp| sp.1 - sp.0 == 1) && !line_break_before(doc, k.max(place))
    };
    let capitalised_word = |k: usize| k < n && doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(doc.tok(k)) && !line_break_before(doc, k);
    let region = |a: usize, b: usize| place_of(doc, a, b, false).is_some_and(|p| matches!(p.feature, gazetteer::Feature::Country | gazetteer::Feature::Admin1));
    let mut found: Vec<TypedSpan> = Vec::new();
    let mut retyped: Vec<usize> = Vec::new();
    for (i, &(a, b, t, headline)) in spans.iter().enumerate() {
        if t != tagger::LOC || headline || title_case_line(doc, a) {
            continue;
        }
        // The tagger may have typed both words a place.
        if b - a >= 2 && ((is_sector(a) && region(a + 1, b)) || (is_sector(b - 1) && region(a, b - 1))) {
            retyped.push(i);
            continue;
        }
        let before = a > 0 && sector(a - 1, a);
        let after = !before && b < n && sector(b, b) && !capitalised_word(b + 1);
        if (before || after) && region(a, b) {
            found.push(if before { (a - 1, b, tagger::ORG, false) } else { (a, b + 1, tagger::ORG, false) });
        }
    }
    let mut spans = spans;
    for i in retyped {
        spans[i].2 = tagger::ORG;
    }
    if found.is_empty() {
        return spans;
    }
    merge(without_overlaps(spans, &found), found)
}

/// Sports and public services that name national bodies with a place (see
/// [`national_bodies`]), sorted for a binary search. (Not `Visit` nor
/// `Invest`, verbs in a headline: `Pope to Visit Ireland`.)
pub(super) const SECTOR_WORDS: &[&str] = &[
    "Air", "Athletics", "Basketball", "Cricket", "Cycling", "Elections", "Football", "Golf", "Gymnastics", "Health", "Heritage",
    "Hockey", "Netball", "Parks", "Rowing", "Rugby", "Sailing", "Screen", "Skating", "Soccer", "Sport", "Sports", "Statistics",
    "Swimming", "Tennis", "Tourism", "Transport", "Triathlon", "Volleyball",
];

/// A name with a possessive in it is one name: `Central Unitary Workers'
/// Union`, `Women's Hospital`, `Brigham and Women's Hospital`, which the
/// tagger cuts at the possessive. The possessive is a plural's (`Workers'`)
/// or one of the plurals without `s` (`Women's`, `Children's`, `People's`,
/// `Boatmen's`),
/// and the words after it, up to four capitalised words in its line, end in
/// an organisation or facility word (`Union`, `Hospital`), the first such
/// word one of the first two. Not after a person's name, a word the name
/// lists know or a place (`Trump's Justice Department`, `Sanders' Senate`,
/// `China's Foreign Ministry`): they own the institution, they do not name
/// it, as a party owns a house (`Democrats' Senate`). The name takes in the
/// capitalised words before the possessive (and one more name over `and`:
/// `Brigham and`), and keeps the type the tagger gave its last word, an
/// organisation where it gave none.
pub(super) fn possessive_names(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    // A capitalised word in the line of the token before it.
    let word = |k: usize| doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(doc.tok(k)) && (k == 0 || !line_break_before(doc, k));
    let mut found: Vec<TypedSpan> = Vec::new();
    for k in 1..n.saturating_sub(1) {
        let (owner, mark) = (doc.tok(k - 1), doc.tok(k));
        let touches = doc.tokens[k - 1].span.end == doc.tokens[k].span.start;
        let possessive = match mark {
            "'" | "’" => owner.ends_with('s'),
            "'s" | "’s" => matches!(owner, "Women" | "Children" | "People") || (owner.ends_with("men") && owner.len() >= 3),
            _ => false,
        };
        if !(possessive && touches && word(k - 1) && owner.chars().any(char::is_lowercase)) || found.last().is_some_and(|f| f.1 > k) {
            continue;
        }
        // The words after the possessive, up to the last organisation or
        // facility word, one of the first two (not another firm's name:
        // `Gold Fields' Kloof Gold Mining Co`).
        let mut e = k + 1;
        let mut end = None;
        while e < n && e < k + 5 && word(e) {
            if (tagger::is_org_word(doc.tok(e)) || is_facility(doc.tok(e))) && (end.is_some() || e <= k + 2) {
                end = Some(e + 1);
            }
            e += 1;
        }
        let Some(end) = end else { continue };
        // (Nor a house owned by a party: `Democrats' Senate`.)
        if matches!(doc.tok(end - 1), "Senate" | "Congress" | "Parliament" | "Assembly" | "Cabinet" | "Administration") {
            continue;
        }
        let owner_span = span_at(&spans, k - 1);
        let named = || {
            let c = names::census(owner);
            c.first || c.surname || names::in_table(owner)
        };
        if owner_span.is_some_and(|sp| sp.2 == tagger::PER || sp.3) || named() || place_of(doc, k - 1, k, false).is_some() {
            continue;
        }
        let mut a = owner_span.map_or(k - 1, |sp| sp.0);
        while a > 0 && span_at(&spans, a - 1).is_none() && word(a - 1) && !is_function_word(doc.tok(a - 1)) && sentence_of(doc, a - 1).0 != a - 1 {
            a -= 1;
        }
        if a >= 2 && matches!(doc.tok(a - 1), "and" | "&") && word(a - 2) && !line_break_before(doc, a - 1) && span_at(&spans, a - 2).is_none_or(|sp| sp.1 - sp.0 == 1 && sp.2 != tagger::PER) {
            a -= 2;
        }
        // (A span running on past the name keeps the name from being taken.)
        if span_at(&spans, end - 1).is_some_and(|sp| sp.1 > end) || span_at(&spans, a).is_some_and(|sp| sp.0 < a) {
            continue;
        }
        let tag = span_at(&spans, end - 1).map_or(tagger::ORG, |sp| if sp.2 == tagger::LOC { tagger::LOC } else { tagger::ORG });
        found.push((a, end, tag, false));
    }
    if found.is_empty() {
        return spans;
    }
    merge(without_overlaps(spans, &found), found)
}

/// Abbreviations of common nouns, which the tagger, trained on 1996 wire
/// copy, takes for organisations (`AI`, `CEO`, `EVs`, `KC` after a
/// barrister's name, `SB` of a bill's number), sorted for a binary search.
pub(super) const COMMON_ACRONYMS: &[&str] = &[
    "AGI", "AI", "API", "APIs", "CEO", "CEOs", "CFO", "COO", "CPI", "CPU", "CTO", "DNA", "ESG", "ETF", "ETFs", "EV", "EVs", "GDP", "GPS", "GPU",
    "GPUs", "HB", "HIV", "ICU", "IPO", "IPOs", "IVF", "KC", "LGBT", "LGBTQ", "LLM", "LLMs", "MP", "MPs", "MRI", "NFT", "NFTs", "PC", "PhD", "QC",
    "RNA", "SB", "SUV", "SUVs", "TV", "VAR", "VAT", "VPN",
];

/// Words that only names of firms and institutions end on (see
/// [`company_names`]), sorted for a binary search: less code than a `match`.
pub(super) const COMPANY_WORDS: &[&str] = &[
    "Advisers", "Advisors", "Airlines", "Airways", "Analytics", "Associates", "Bancorp", "Biosciences",
    "Broadcasting", "Capital", "Chemical", "Chemicals", "Coal", "Communications", "Consulting", "Corp", "Corp.",
    "Economics", "Electric", "Energy", "Enterprises", "Entertainment", "Foods", "GmbH", "Group", "Holdings", "Inc",
    "Inc.", "Industries", "Instruments", "Insurance", "International", "Investments", "LLC", "LLP", "Laboratories",
    "Labs", "Logistics", "Ltd", "Ltd.", "Management", "Media", "Mining", "Motors", "Networks", "Oil", "PLC",
    "Partners", "Petroleum", "Pharma", "Pharmaceuticals", "Plc", "Resources", "Securities", "Semiconductor",
    "Software", "Solutions", "Steel", "Studios", "Systems", "Technologies", "Therapeutics", "Ventures",
];

/// A place or organisation name the tagger split into two touching spans
/// of different types is one name: a place when the gazetteer knows the
/// whole (`New` + `York City`, typed an organisation and a place), an
/// organisation when the second part ends in an organisation word (`New
/// York` + `University`, `Boston` + `College`), or a place opens an
/// organisation of several words with one such word in it
/// (`Massachusetts` + `Institute of Technology`) or is cut from the rest
/// of a place (`New` + `Hampshire GOP`). Persons are [`joined_names`]'
/// business.
pub(super) fn split_names(doc: &Document, spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let named = |t: u8| t == tagger::LOC || t == tagger::ORG;
    // `Rio Grande` + `do` + `Sul`, `Bosnia` + `and` + `Herzegovina`: two
    // names around a lower-case linking word, one place in the gazetteer.
    let linked = |b: usize, sp: TypedSpan| {
        sp.0 == b + 1 && matches!(doc.tok(b), "do" | "da" | "dos" | "das" | "de" | "del" | "di" | "du" | "des" | "of" | "and" | "et")
    };
    join_pairs(spans, |(a, b, t, headline), sp| {
        // `European` + `Space Agency`, `Australian` + `National University`:
        // a nationality opening an institution's name is part of it (not an
        // adjective, `Miami-based`, nor a party's, `Democratic Congress`).
        let nationality = |w: &str| !w.contains('-') && !matches!(w, "Democratic" | "Republican" | "Conservative" | "Liberal" | "Socialist");
        if t == tagger::MISC && sp.2 == tagger::ORG && sp.0 == b && b - a == 1 && !headline && !line_break_before(doc, b) && nationality(doc.tok(a)) && tagger::is_org_word(doc.tok(sp.1 - 1)) {
            return Some(tagger::ORG);
        }
        if linked(b, sp) && named(t) && named(sp.2) && !line_break_before(doc, b) && !line_break_before(doc, sp.0) {
            place_of(doc, a, sp.1, headline).map(|_| tagger::LOC)
        } else if !(sp.0 == b && t != sp.2 && named(t) && named(sp.2) && !line_break_before(doc, b)) {
            None
        } else if place_of(doc, a, sp.1, headline).is_some() {
            Some(tagger::LOC)
        } else if sp.2 == tagger::ORG
            && (tagger::is_org_word(doc.tok(sp.1 - 1))
                || (t == tagger::LOC && sp.1 - sp.0 >= 2 && ((sp.0..sp.1).any(|k| tagger::is_org_word(doc.tok(k))) || place_of(doc, a, sp.0 + 1, headline).is_some())))
        {
            Some(tagger::ORG)
        } else {
            None
        }
    })
}

/// No name ends in `of`. An institution's name the tagger ended on a
/// linking word (`Bank of` + `England` typed a place, `University of` +
/// `Texas`) runs on through the name that follows it, and is an
/// organisation, as the issue asks of place names inside organisations'.
/// Other names before `of` stay apart from the one after: a team or a
/// company and its home (`Nasr of Saudi Arabia`, `Bestop Inc of Boulder`,
/// as CoNLL reads them). The dangling linking word itself is dropped. The
/// same holds when the tagger left the linking word out of both names
/// (`Institute` + `for` + `Fiscal Studies`).
pub(super) fn open_ended_names(doc: &Document, spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let links = |k: usize| matches!(doc.tok(k), "of" | "for" | "de" | "du" | "del" | "della" | "di" | "des" | "and" | "&");
    // An organisation word that names an institution, not a company's
    // legal form (`Inc`, `Co`, `Group`: those are followed by the home town).
    let institution = |w: &str| {
        tagger::is_org_word(w)
            && !matches!(
                w,
                "Corporation" | "Corp." | "Corp" | "Company" | "Co." | "Co" | "Inc." | "Inc" | "Ltd." | "Ltd" | "Group" | "Holdings" | "Industries"
                    | "Plc" | "PLC" | "AG" | "SA" | "NV" | "Bhd" | "GmbH" | "LLC" | "Club" | "United" | "City" | "Rovers" | "Athletic" | "FC"
            )
    };
    let mut out = join_pairs(spans, |(a, b, t, _), sp| {
        let joins = t == tagger::ORG
            && b - a >= 2
            && links(b - 1)
            && institution(doc.tok(b - 2))
            && sp.0 == b
            && sp.2 != tagger::O
            && !line_break_before(doc, sp.0);
        // The linking word left out of both (`Institute` + `for` + `Fiscal Studies`).
        let joins_over = t == tagger::ORG
            && institution(doc.tok(b - 1))
            && sp.0 == b + 1
            && matches!(doc.tok(b), "of" | "for")
            && matches!(sp.2, tagger::ORG | tagger::LOC)
            && !line_break_before(doc, b)
            && !line_break_before(doc, sp.0);
        (joins || joins_over).then_some(tagger::ORG)
    });
    for sp in &mut out {
        while sp.1 - sp.0 >= 2 && links(sp.1 - 1) {
            sp.1 -= 1;
        }
    }
    out
}

/// Words that end an institution's name (`Kennedy Center`, `Gates
/// Foundation`, `Council on Foreign Relations`). Not the tagger's
/// [`tagger::is_org_word`], which must stay what the weights were trained
/// with, and not the words of a facility (`Museum`, `Library`, `Hospital`),
/// a place to GUM.
fn is_institution_head(w: &str) -> bool {
    is_listed(INSTITUTION_HEADS, w)
}

/// The words of [`is_institution_head`], packed and sorted for a binary search.
const INSTITUTION_HEADS: &[u128] = &[
    pack(b"Academy"), pack(b"Agency"), pack(b"Association"), pack(b"Bureau"), pack(b"Caucus"), pack(b"Center"),
    pack(b"Centre"), pack(b"Commission"), pack(b"Committee"), pack(b"Conference"), pack(b"Convention"),
    pack(b"Council"), pack(b"Department"), pack(b"Federation"), pack(b"Foundation"), pack(b"Fund"),
    pack(b"Institute"), pack(b"Institution"), pack(b"Ministry"), pack(b"Society"),
];

/// An institution's name is one organisation, however the tagger cut it:
/// the capitalised words before a head word ([`is_institution_head`]),
/// with initials and `and` between names (`John F. Kennedy Center`, `Bill
/// and Melinda Gates Foundation`, `George W. Bush Presidential Center`:
/// the tagger reads a person and a lone `Center`), and after the head a
/// linking word and the capitalised words it links (`Commission on
/// Presidential Debates`, `Center for Strategic and International
/// Studies`, `Committee on Ways and Means`). A place before the name stays
/// a place ([`split_names`] decides whether it opens the name), and the
/// name starts at its first word the tagger saw as a name (not
/// `Yesterday`); a head inside a place's name is a facility's (`Wolstein
/// Center`), left alone. Headlines are left alone: title case makes every word a
/// candidate.
pub(super) fn institution_names(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    let word = |k: usize| doc.tokens[k].kind == TokenKind::Word;
    // (Not `Brussels-based`, an adjective.)
    let name_word = |k: usize| {
        let w = doc.tok(k);
        word(k) && tagger::is_capitalised(w) && !is_function_word(w) && !w.rsplit_once('-').is_some_and(|(_, end)| end.starts_lower())
    };
    let initial = |k: usize| {
        let w = doc.tok(k).as_bytes();
        w.len() == 2 && w[0].is_ascii_uppercase() && w[1] == b'.'
    };
    let and = |k: usize| matches!(doc.tok(k), "and" | "&");
    let tag_at = |k: usize| span_at(&spans, k).map(|sp| sp.2);
    let headline_at = |k: usize| span_at(&spans, k).is_some_and(|sp| sp.3) || title_case_line(doc, k);
    // (A head the tagger read as the end of a place's name is a
    // facility's: `Wolstein Center`; a lone one is only misread.)
    let facility = |k: usize| span_at(&spans, k).is_some_and(|sp| sp.2 == tagger::LOC && sp.0 < k);
    // (Over `and`, only a person's name of one word: `Bill and Melinda Gates`.)
    let one_word = |j: usize| span_at(&spans, j).is_none_or(|sp| sp.2 != tagger::PER || sp.1 - sp.0 == 1);
    // (Not on into a title and the person holding it: `Department of
    // Homeland Security Secretary Kirstjen Nielsen`.)
    let person_from = |e: usize| lexicon::is_strong_title(doc.tok(e)) || span_at(&spans, e).is_some_and(|sp| sp.0 == e && sp.2 == tagger::PER && sp.1 - sp.0 >= 2);
    let mut found: Vec<TypedSpan> = Vec::new();
    let mut k = 0;
    // Where the last name looked at ended: the next does not reach back past it.
    let mut floor = 0;
    while k < n {
        if !doc.tok(k).starts_with(|c: char| c.is_ascii_uppercase()) || !is_institution_head(doc.tok(k)) || !word(k) || headline_at(k) || facility(k) {
            k += 1;
            continue;
        }
        // The last head of a run of capitals ends the name (`Congressional
        // Black Caucus Foundation`, `State Department Refugee Processing Center`).
        let mut j = k + 1;
        while j < n && !line_break_before(doc, j) && (name_word(j) || initial(j)) {
            if is_institution_head(doc.tok(j)) && !facility(j) {
                k = j;
            }
            j += 1;
        }
        // Back over the name's words, not into a place, nor over `and` into
        // another institution's name or a person's of several words
        // (`Urban Institute and Brookings Institution`, `President Kevin
        // Roberts and Cato Institute`; but `Bill and Melinda Gates`).
        let mut a = k;
        while a > floor && !line_break_before(doc, a) && tag_at(a - 1) != Some(tagger::LOC) {
            if name_word(a - 1) || initial(a - 1) {
                a -= 1;
            } else if a >= floor + 2 && and(a - 1) && name_word(a - 2) && one_word(a - 2) && tag_at(a - 2) != Some(tagger::LOC) && !is_institution_head(doc.tok(a - 2)) {
                a -= 2;
            } else {
                break;
            }
        }
        while a < k && tag_at(a).is_none() {
            a += 1;
        }
        // On over a linking word and what it links.
        let mut b = k + 1;
        if b + 1 < n && matches!(doc.tok(b), "of" | "for" | "on") && !line_break_before(doc, b) {
            let start = b + 1 + (doc.tok(b + 1) == "the") as usize;
            let mut e = start;
            while e < n
                && e - start < 8
                && !line_break_before(doc, e)
                && !tagger::is_calendar_word(doc.tok(e))
                && !(e > start && person_from(e))
                && (name_word(e) || (e > start && and(e) && e + 1 < n && name_word(e + 1)))
            {
                e += 1;
            }
            // (`on` a place is what a body debates, not its name: `the
            // Council on Iran`.)
            if e > start && !(doc.tok(b) == "on" && place_of(doc, start, e, false).is_some()) {
                b = e;
            }
        }
        // An organisation the tagger saw around it is kept whole (`Level I
        // Trauma Center`, `Center of Research for Development`).
        for j in [a, b - 1] {
            if let Some(sp) = span_at(&spans, j).filter(|sp| sp.2 == tagger::ORG) {
                (a, b) = (a.min(sp.0), b.max(sp.1));
            }
        }
        // Something to mend: a name the tagger cut or typed otherwise (not
        // in a headline, nor reaching back into the last name).
        let whole = span_at(&spans, k).is_some_and(|sp| sp.0 == a && sp.1 == b && sp.2 == tagger::ORG);
        if a >= floor && b - a >= 2 && !whole && (a..b).any(|j| tag_at(j).is_some()) && !(a..b).any(|j| span_at(&spans, j).is_some_and(|sp| sp.3)) {
            found.push((a, b, tagger::ORG, false));
        }
        k = b;
        floor = b;
    }
    if found.is_empty() {
        return spans;
    }
    merge(without_overlaps(spans, &found), found)
}

/// A plural of capitals (`GPUs`, `NGOs`, `CDs`): things or kinds, no name.
pub(super) fn is_plural_acronym(w: &str) -> bool {
    let bytes = w.as_bytes();
    bytes.len() >= 3 && bytes[bytes.len() - 1] == b's' && bytes[..bytes.len() - 1].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) && bytes[0].is_ascii_uppercase()
}

/// A one-word MISC span (a product, an event, a nationality: not shown)
/// that owns something is an organisation: `Google's ties to Anthropic`,
/// where the tagger, knowing no company of 1996 by that name, reads
/// `Google` as a product. Not after a determiner, where the owner is a
/// person called by a nationality (`the German's serve`), nor a word
/// ending like a demonym, nor a function word (`Here's`). Its other
/// one-word MISC mentions (`in Google`) follow it, and so do those of a
/// word the tagger types an organisation elsewhere.
pub(super) fn owning_names(doc: &Document, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let one_word_misc = |&(a, b, t, headline): &TypedSpan| {
        t == tagger::MISC && b - a == 1 && !headline && !is_function_word(doc.tok(a)) && !tagger::demonym_suffix(&doc.tok(a).to_lowercase())
    };
    let owner = |a: usize| {
        matches!(doc.tokens.get(a + 1).map(|_| doc.tok(a + 1)), Some("’s" | "'s"))
            && !(a > 0 && doc.tok(a - 1).eq_ignore_ascii_case("the"))
            && doc.tok(a).chars().nth(1).is_some_and(char::is_lowercase)
    };
    let orgs: HashSet<&str> = spans
        .iter()
        .filter(|sp| (sp.2 == tagger::ORG && sp.1 - sp.0 == 1 && !sp.3) || (one_word_misc(sp) && owner(sp.0)))
        .map(|sp| doc.tok(sp.0))
        .collect();
    if orgs.is_empty() {
        return spans;
    }
    // A word in a person's name is that person's (`Donald Trump’s`).
    let in_persons: HashSet<&str> = spans.iter().filter(|sp| sp.2 == tagger::PER).flat_map(|sp| (sp.0..sp.1).map(|k| doc.tok(k))).collect();
    for sp in spans.iter_mut() {
        let after_name = sp.0 > 0 && tagger::is_capitalised(doc.tok(sp.0 - 1)) && doc.tokens[sp.0 - 1].kind == TokenKind::Word;
        if one_word_misc(sp) && !after_name && orgs.contains(doc.tok(sp.0)) && !in_persons.contains(doc.tok(sp.0)) {
            sp.2 = tagger::ORG;
        }
    }
    spans
}

/// Where people work is an organisation: a name after a role and `at`
/// (`a lawyer at Clifford Chance`, `analysts at Goldman Sachs and Morgan
/// Stanley`) that the tagger read as a person's, with the names listed
/// after it with `and`. Not before a possessive (`aides at Trump's rally`).
/// Likewise a club or firm before a role and a person's name (`Chelsea
/// coach Enzo Maresca`).
pub(super) fn employers(doc: &Document, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let role_at = |a: usize| {
        a >= 2 && doc.tok(a - 1) == "at" && {
            let w = doc.tok(a - 2);
            (w.starts_lower() || sentence_of(doc, a).0 == a - 2) && (lexicon::is_role_noun(w) || lexicon::is_speaker_noun(w))
        }
    };
    let owned = |b: usize| doc.tokens.get(b).is_some_and(|_| matches!(doc.tok(b), "’s" | "'s" | "’" | "'"));
    // `Chelsea coach Enzo Maresca`: a one-word "person" before a role and a
    // person's name is the organisation they work for, when the document
    // names it as an organisation elsewhere and never as a person.
    let orgs: HashSet<&str> = spans.iter().filter(|s| s.2 == tagger::ORG && s.1 - s.0 == 1).map(|s| doc.tok(s.0)).collect();
    let mut persons: HashMap<&str, usize> = HashMap::default();
    for s in spans.iter().filter(|s| s.2 == tagger::PER && s.1 - s.0 == 1) {
        *persons.entry(doc.tok(s.0)).or_insert(0) += 1;
    }
    let role = |w: &str| {
        w.starts_lower()
            && (lexicon::is_role_noun(w)
                || matches!(w, "coach" | "boss" | "captain" | "striker" | "forward" | "winger" | "midfielder" | "defender" | "goalkeeper" | "player"))
    };
    let mut team = vec![false; spans.len()];
    for k in 0..spans.len().saturating_sub(1) {
        let ((a, b, t, _), next) = (spans[k], spans[k + 1]);
        team[k] = t == tagger::PER && b - a == 1 && next.0 == b + 1 && next.2 == tagger::PER && role(doc.tok(b)) && orgs.contains(doc.tok(a));
    }
    for k in 0..spans.len() {
        if team[k] && persons.get(doc.tok(spans[k].0)) == Some(&1) {
            spans[k].2 = tagger::ORG;
        }
    }
    for k in 0..spans.len() {
        let (a, b, t, headline) = spans[k];
        // A place stays one (`staff at Valley Forge`, `a doctor at Pontiac
        // Osteopathic Hospital`), except one word the gazetteer does not know
        // after a job of firms (`an analyst at Bernstein`).
        let firm = b - a == 1 && a >= 2 && is_firm_job(doc.tok(a - 2)) && place_of(doc, a, b, headline).is_none();
        if headline || (t == tagger::LOC && !firm) || !role_at(a) || owned(b) {
            continue;
        }
        spans[k].2 = tagger::ORG;
        // The rest of the name, which the tagger left out (`Capital` +
        // `Economics`): capitalised words up to the next span.
        let next_start = spans.get(k + 1).map_or(usize::MAX, |n| n.0);
        let mut b = b;
        while b < next_start && b < doc.tokens.len() && doc.tokens[b].kind == TokenKind::Word && tagger::is_capitalised(doc.tok(b)) && !line_break_before(doc, b) && !is_function_word(doc.tok(b)) {
            b += 1;
        }
        spans[k].1 = b;
        let mut end = b;
        for next in spans.iter_mut().skip(k + 1) {
            let listed = next.0 == end + 1 && matches!(doc.tok(end), "and" | ",");
            if !listed || next.2 == tagger::LOC || owned(next.1) {
                break;
            }
            next.2 = tagger::ORG;
            end = next.1;
        }
    }
    spans
}

/// Jobs done at firms, whose `at` names the firm.
fn is_firm_job(w: &str) -> bool {
    matches!(
        w.strip_suffix('s').unwrap_or(w),
        "analyst" | "economist" | "strategist" | "banker" | "trader" | "manager" | "executive" | "partner" | "lawyer" | "researcher" | "engineer" | "employee"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::entities::tests::*;

    #[test]
    fn organisation_keys() {
        for (name, key) in [
            ("Coca-Cola", Some("coca cola")),
            ("AT & T", Some("at&t")),
            ("AT&T", Some("at&t")),
            ("Ben & Jerry’s", Some("ben&jerry's")),
            ("J.P. Morgan", Some("jp morgan")),
            ("Twitter\nInc", Some("twitter inc")),
            ("Nestlé", None),
            ("A Very Long Name Of Some Organisation", None),
        ] {
            let mut buf = [0; 32];
            assert_eq!(org_key(name, &mut buf), key.map(str::as_bytes), "{name}");
        }
        // The first and last entries, and names between entries.
        let first = KNOWN_ORGANISATIONS.lines().next().unwrap();
        let last = KNOWN_ORGANISATIONS.lines().last().unwrap();
        assert!(is_known_organisation(first) && is_known_organisation(last));
        assert!(KNOWN_ORGANISATIONS.lines().all(is_known_organisation));
        for name in ["", "a", "twitte", "twitterx", "zzzz", "Mike Pompeo"] {
            assert!(!is_known_organisation(name), "{name}");
        }
        assert!(KNOWN_ORGANISATIONS.lines().zip(KNOWN_ORGANISATIONS.lines().skip(1)).all(|(a, b)| a < b), "not sorted");
    }

    #[test]
    fn known_organisations_are_organisations() {
        check_rule(
            known_organisations,
            &[
                // Typed a place or a person by the tagger.
                ("Twitter announced it . Netflix said", &[(0, 1, LOC), (4, 5, PER)], &[(0, 1, ORG), (4, 5, ORG)]),
                ("shares of Procter & Gamble fell", &[(2, 5, PER)], &[(2, 5, ORG)]),
                // Cut in two by the tagger.
                ("He told USA Today .", &[(2, 3, LOC), (3, 4, ORG)], &[(2, 4, ORG)]),
                // A title before it, or a person named in full: a person.
                ("Vice President Ford spoke", &[(2, 3, PER)], &[(2, 3, PER)]),
                ("Michael Dell founded it . Dell said", &[(0, 2, PER), (5, 6, PER)], &[(0, 2, PER), (5, 6, PER)]),
                // Not a known name, or lower case.
                ("Pompeo said", &[(0, 1, PER)], &[(0, 1, PER)]),
            ],
        );
    }

    #[test]
    fn owners_are_organisations() {
        check_rule(
            owning_names,
            &[
                // An owner, and its other mentions.
                ("Google's ties to OpenAI . in Google", &[(0, 1, MISC), (4, 5, MISC), (7, 8, MISC)], &[(0, 1, ORG), (4, 5, MISC), (7, 8, ORG)]),
                // A word typed an organisation elsewhere.
                ("Google said . investing in Google", &[(0, 1, ORG), (5, 6, MISC)], &[(0, 1, ORG), (5, 6, ORG)]),
                // Not a nationality, nor a word of a person's name.
                ("the German's serve", &[(1, 2, MISC)], &[(1, 2, MISC)]),
                ("Italian's win", &[(0, 1, MISC)], &[(0, 1, MISC)]),
                ("Donald Trump's team . Trump's plan", &[(0, 2, PER), (5, 6, MISC)], &[(0, 2, PER), (5, 6, MISC)]),
            ],
        );
    }

    #[test]
    fn workplaces_are_organisations() {
        check_rule(
            employers,
            &[
                ("a lawyer at Clifford Chance said", &[(3, 5, PER)], &[(3, 5, ORG)]),
                ("chief economist at Capital Economics .", &[(3, 4, ORG)], &[(3, 5, ORG)]),
                // At the start of a sentence, and the names listed after.
                ("Analysts at Goldman Sachs and Morgan Stanley said", &[(2, 4, ORG), (5, 7, PER)], &[(2, 4, ORG), (5, 7, ORG)]),
                // Not a person's event, a place, or a person met there.
                ("aides at Trump's rally", &[(2, 3, PER)], &[(2, 3, PER)]),
                ("a doctor at Boston said", &[(3, 4, LOC)], &[(3, 4, LOC)]),
                // One unknown word after a job of firms is a firm, not a
                // place; a known place stays one.
                ("an analyst at Bernstein wrote", &[(3, 4, LOC)], &[(3, 4, ORG)]),
                ("an analyst at Boston said", &[(3, 4, LOC)], &[(3, 4, LOC)]),
                ("staff at Valley Forge", &[(2, 4, LOC)], &[(2, 4, LOC)]),
                ("she smiled at Clifford Chance", &[(3, 5, PER)], &[(3, 5, PER)]),
                // A club named as one elsewhere, before a role and a person.
                ("Chelsea lost . Chelsea coach Enzo Maresca said", &[(0, 1, ORG), (3, 4, PER), (5, 7, PER)], &[(0, 1, ORG), (3, 4, ORG), (5, 7, PER)]),
                // ... not a person named as one elsewhere too.
                ("Trump Inc . Trump adviser Kellyanne Conway . Trump said", &[(0, 1, ORG), (3, 4, PER), (5, 7, PER), (8, 9, PER)], &[(0, 1, ORG), (3, 4, PER), (5, 7, PER), (8, 9, PER)]),
            ],
        );
    }

    #[test]
    fn split_names_are_one() {
        check_rule(
            split_names,
            &[
                ("mayor of New York City .", &[(2, 3, ORG), (3, 5, LOC)], &[(2, 5, LOC)]),
                ("at New York University .", &[(1, 3, LOC), (3, 4, ORG)], &[(1, 4, ORG)]),
                // A place opening an organisation's name of several words,
                // one an organisation word, or a place cut in two.
                ("at Massachusetts Institute of Technology", &[(1, 2, LOC), (2, 5, ORG)], &[(1, 5, ORG)]),
                ("the New Hampshire GOP", &[(1, 2, LOC), (2, 4, ORG)], &[(1, 4, ORG)]),
                ("a US West Coast tour", &[(1, 2, LOC), (2, 4, ORG)], &[(1, 2, LOC), (2, 4, ORG)]),
                // Two names side by side stay two; so do a person and a place.
                ("in Paris Reuters said", &[(1, 2, LOC), (2, 3, ORG)], &[(1, 2, LOC), (2, 3, ORG)]),
                ("New\nYork City", &[(0, 1, ORG), (1, 3, LOC)], &[(0, 1, ORG), (1, 3, LOC)]),
                ("Mayor Adams Brooklyn", &[(1, 2, PER), (2, 3, LOC)], &[(1, 2, PER), (2, 3, LOC)]),
                // Around a linking word, when the gazetteer knows the whole.
                ("state of Rio Grande do Sul .", &[(2, 4, LOC), (5, 6, LOC)], &[(2, 6, LOC)]),
                ("Bosnia and Herzegovina", &[(0, 1, LOC), (2, 3, ORG)], &[(0, 3, LOC)]),
                ("Paris and London", &[(0, 1, LOC), (2, 3, LOC)], &[(0, 1, LOC), (2, 3, LOC)]),
                // A nationality opening an institution's name; not a party's adjective.
                ("the Australian National University said", &[(1, 2, MISC), (2, 4, ORG)], &[(1, 4, ORG)]),
                ("the Democratic Party said", &[(1, 2, MISC), (2, 3, ORG)], &[(1, 2, MISC), (2, 3, ORG)]),
                ("the Australian Open said", &[(1, 2, MISC), (2, 3, ORG)], &[(1, 2, MISC), (2, 3, ORG)]),
            ],
        );
    }

    #[test]
    fn names_do_not_end_in_of() {
        check_rule(
            open_ended_names,
            &[
                ("the Bank of England said", &[(1, 3, ORG), (3, 4, LOC)], &[(1, 4, ORG)]),
                ("the University of Texas", &[(1, 3, ORG), (3, 4, PER)], &[(1, 4, ORG)]),
                ("the Bank of the West", &[(1, 3, ORG), (4, 5, LOC)], &[(1, 2, ORG), (4, 5, LOC)]),
                // A team or a company, then its home: two names.
                ("Nasr of Saudi Arabia", &[(0, 2, ORG), (2, 4, LOC)], &[(0, 1, ORG), (2, 4, LOC)]),
                ("Bestop Inc of Boulder", &[(0, 3, ORG), (3, 4, LOC)], &[(0, 2, ORG), (3, 4, LOC)]),
                // A place or person before the linking word stays as it is.
                ("Mayor of London", &[(0, 2, PER), (2, 3, LOC)], &[(0, 1, PER), (2, 3, LOC)]),
                ("Bank of\nEngland", &[(0, 2, ORG), (2, 3, LOC)], &[(0, 1, ORG), (2, 3, LOC)]),
                // The linking word in neither span.
                ("The Institute for Fiscal Studies said", &[(1, 2, ORG), (3, 5, ORG)], &[(1, 5, ORG)]),
                ("Inter of Milan", &[(0, 1, ORG), (2, 3, LOC)], &[(0, 1, ORG), (2, 3, LOC)]),
            ],
        );
    }

    #[test]
    fn institutions_are_whole() {
        check_rule(
            institution_names,
            &[
                // A person's name before the head, initials and `and` in it.
                ("at the John F. Kennedy Center on Monday today", &[(2, 5, PER), (5, 6, LOC)], &[(2, 6, ORG)]),
                ("the Bill and Melinda Gates Foundation paid today", &[(1, 2, PER), (3, 5, PER), (5, 6, ORG)], &[(1, 6, ORG)]),
                ("The George W. Bush Presidential Center runs today", &[(1, 4, PER), (4, 5, MISC), (5, 6, ORG)], &[(1, 6, ORG)]),
                // A linking word and the capitals it links, not a day, nor `on` a place.
                ("the Commission on Presidential Debates said today", &[(1, 2, ORG), (3, 4, PER), (4, 5, ORG)], &[(1, 5, ORG)]),
                ("the Center for Strategic and International Studies said today", &[(1, 4, ORG), (5, 7, ORG)], &[(1, 7, ORG)]),
                ("the Society of the Cincinnati met today", &[(1, 2, ORG), (4, 5, LOC)], &[(1, 5, ORG)]),
                ("the Council on Iran met today", &[(1, 2, ORG), (3, 4, LOC)], &[(1, 2, ORG), (3, 4, LOC)]),
                ("the Commission on Tuesday said today", &[(1, 2, ORG)], &[(1, 2, ORG)]),
                // The last head of a run ends it; another institution before `and` stays apart.
                ("the Congressional Black Caucus Foundation said today", &[(1, 4, ORG), (4, 5, PER)], &[(1, 5, ORG)]),
                ("the Urban Institute and Brookings Institution said today", &[(1, 3, ORG), (4, 5, PER), (5, 6, ORG)], &[(1, 3, ORG), (4, 6, ORG)]),
                // Not into a place before it, nor from an untagged word, nor an adjective in `-based`.
                ("in Boston Harvard Center today", &[(1, 2, LOC), (2, 3, PER), (3, 4, ORG)], &[(1, 2, LOC), (2, 4, ORG)]),
                ("Yesterday Harvard Center said today", &[(1, 2, PER), (2, 3, ORG)], &[(1, 3, ORG)]),
                ("the Brussels-based Egmont Foundation said today", &[(2, 3, PER), (3, 4, ORG)], &[(2, 4, ORG)]),
                // A facility's head (in a place's name) and a tagged whole are left alone;
                // a longer tagged organisation is kept whole.
                ("the Wolstein Center for the Browns today", &[(1, 3, LOC), (5, 6, ORG)], &[(1, 3, LOC), (5, 6, ORG)]),
                ("a Level I Trauma Center in today", &[(1, 5, ORG)], &[(1, 5, ORG)]),
                ("the Center of Research for Development in today", &[(1, 6, ORG)], &[(1, 6, ORG)]),
                // Not over `and` into a person's name of several words or the
                // name before; not on into a title and its holder.
                ("the Heritage Foundation President Kevin Roberts and Cato Institute said today", &[(1, 2, PER), (2, 3, ORG), (4, 6, PER), (7, 8, PER), (8, 9, ORG)], &[(1, 3, ORG), (4, 6, PER), (7, 9, ORG)]),
                ("the Department of Homeland Security Secretary Kirstjen Nielsen said today", &[(1, 5, ORG), (6, 8, PER)], &[(1, 5, ORG), (6, 8, PER)]),
                ("the Council of Economic Advisers Chairman Kevin Hassett said today", &[(1, 2, ORG), (3, 5, MISC), (6, 8, PER)], &[(1, 5, ORG), (6, 8, PER)]),
                // One capitalised word and no head, or across a line: nothing.
                // (Each text has a long word in lower case: a line in
                // title case may be a title, which the rule leaves alone.)
                ("the Foundation said today", &[(1, 2, ORG)], &[(1, 2, ORG)]),
                ("John Smith\nFoundation", &[(0, 2, PER), (2, 3, ORG)], &[(0, 2, PER), (2, 3, ORG)]),
            ],
        );
    }

    #[test]
    fn word_lists_are_sorted() {
        assert!(COMPANY_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(COMMON_ACRONYMS.windows(2).all(|w| w[0] < w[1]));
        assert!(SECTOR_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(INSTITUTION_HEADS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn national_bodies_are_organisations() {
        check_rule(
            national_bodies,
            &[
                ("said Tennis Australia chief", &[(2, 3, LOC)], &[(1, 3, ORG)]),
                ("officials from Health Canada met", &[(2, 3, ORG), (3, 4, LOC)], &[(2, 4, ORG)]),
                // The tagger typed both words a place.
                ("said Tennis Australia", &[(1, 3, LOC)], &[(1, 3, ORG)]),
                ("USA Gymnastics apologised", &[(0, 1, LOC)], &[(0, 2, ORG)]),
                // Not where another name runs on, nor with a city, nor over a line break.
                ("the England Cricket Board said", &[(1, 2, LOC)], &[(1, 2, LOC)]),
                ("Tennis Melbourne won", &[(1, 2, LOC)], &[(1, 2, LOC)]),
                ("Tennis\nAustralia won", &[(1, 2, LOC)], &[(1, 2, LOC)]),
                ("he played tennis in Australia", &[(4, 5, LOC)], &[(4, 5, LOC)]),
            ],
        );
    }

    #[test]
    fn ampersand_firms_are_one() {
        check_rule(
            ampersand_firms,
            &[
                ("Shares of Douglas & Lomason rose", &[(2, 3, PER), (4, 5, ORG)], &[(2, 5, ORG)]),
                ("Procter & Gamble said", &[], &[(0, 3, ORG)]),
                // Not two first names, a name running on, a street corner, or cited authors.
                ("Bill & Hillary came", &[(0, 1, PER), (2, 3, PER)], &[(0, 1, PER), (2, 3, PER)]),
                ("Hillary & Chelsea Clinton came", &[(0, 1, PER), (2, 4, PER)], &[(0, 1, PER), (2, 4, PER)]),
                ("at 44th St & Tatum", &[(4, 5, PER)], &[(4, 5, PER)]),
                ("as Carrano & Biewener [7] found . Carrano & Biewener agreed", &[(1, 2, PER), (3, 4, PER), (9, 10, PER), (11, 12, PER)], &[(1, 2, PER), (3, 4, PER), (9, 10, PER), (11, 12, PER)]),
            ],
        );
    }

    #[test]
    fn firms_by_noun_are_firms() {
        check_rule(
            firms_by_noun,
            &[
                ("the cables giant Pirelli said . Pirelli rose", &[(3, 4, PER), (6, 7, PER)], &[(3, 4, ORG), (6, 7, ORG)]),
                // Not a place, nor a name no firm noun introduces.
                ("the carmaker Detroit . Detroit grew", &[(2, 3, LOC), (4, 5, LOC)], &[(2, 3, LOC), (4, 5, LOC)]),
                ("the senator Pirelli said", &[(2, 3, PER)], &[(2, 3, PER)]),
            ],
        );
    }

    #[test]
    fn possessive_names_are_whole() {
        check_rule(
            possessive_names,
            &[
                ("the Central Unitary Workers' Union said", &[(1, 4, ORG), (5, 6, ORG)], &[(1, 6, ORG)]),
                ("at Brigham and Women's Hospital in Boston", &[(1, 2, LOC), (5, 6, LOC), (7, 8, LOC)], &[(1, 6, LOC), (7, 8, LOC)]),
                ("the Teachers' Federation struck", &[(1, 2, ORG), (3, 4, ORG)], &[(1, 4, ORG)]),
                ("Boatmen's Bancshares Inc. agreed", &[(0, 1, ORG), (2, 4, ORG)], &[(0, 4, ORG)]),
                // Owners: a name the lists know, a place, a person, a party and its house.
                ("Sanders' Senate record", &[(0, 1, ORG), (2, 3, ORG)], &[(0, 1, ORG), (2, 3, ORG)]),
                ("Texas' Department of Health", &[(0, 1, LOC), (2, 3, ORG), (4, 5, ORG)], &[(0, 1, LOC), (2, 3, ORG), (4, 5, ORG)]),
                ("the Democrats' Senate majority", &[(1, 2, ORG), (3, 4, ORG)], &[(1, 2, ORG), (3, 4, ORG)]),
                // Not another firm's name after the possessive, nor a plain word.
                ("Gold Fields' Kloof Gold Mining Co said", &[(0, 2, ORG), (3, 7, ORG)], &[(0, 2, ORG), (3, 7, ORG)]),
                ("the Workers' Day march", &[(1, 2, ORG)], &[(1, 2, ORG)]),
            ],
        );
    }

    #[test]
    fn company_names_are_whole() {
        let rule = |doc: &Document, spans| company_names(doc, &LowerWords::new(doc), spans);
        check_rule(
            rule,
            &[
                ("The fund , Sequoia Capital , led", &[(3, 5, PER)], &[(3, 5, ORG)]),
                ("a lawyer at Blake Moreton LLP said", &[(3, 5, PER), (5, 6, ORG)], &[(3, 6, ORG)]),
                // Untagged capitalised words join, also a sentence's first.
                ("Amnesty International said", &[(1, 2, ORG)], &[(0, 2, ORG)]),
                // An untagged company word after a name ends it; not one
                // that runs on into another name.
                ("economist at Capital Economics said", &[(2, 3, ORG)], &[(2, 4, ORG)]),
                ("shares of Pfizer Inc. fell", &[(2, 3, PER)], &[(2, 4, ORG)]),
                ("the Oxford Energy Policy Forum", &[(1, 2, LOC)], &[(1, 2, LOC)]),
                // Not a function word, an adjective or a word the text also writes in lower case.
                ("But Apex Holdings fell", &[(1, 3, ORG)], &[(1, 3, ORG)]),
                ("Boston-based Reagan Communications", &[(1, 3, ORG)], &[(1, 3, ORG)]),
                ("Shares of Apex Holdings fell . Shares rose", &[(2, 4, ORG)], &[(2, 4, ORG)]),
                ("Premier Apex Holdings fell . premier", &[(1, 3, ORG)], &[(1, 3, ORG)]),
                // Not where the name runs on, nor over a line break.
                ("the Berlin International Film Festival", &[(1, 3, ORG), (3, 5, MISC)], &[(1, 3, ORG), (3, 5, MISC)]),
                ("Report\nApex Capital rose", &[(1, 3, ORG)], &[(1, 3, ORG)]),
                // Other names are left alone.
                ("John Smith said", &[(0, 2, PER)], &[(0, 2, PER)]),
            ],
        );
    }

    #[test]
    fn short_firm_names_are_the_firm() {
        check_rule(
            short_firm_names,
            &[
                ("Brightline Systems rose . Shares of Brightline jumped", &[(0, 2, ORG), (6, 7, PER)], &[(0, 2, ORG), (6, 7, ORG)]),
                ("Patriot Coal sold . Then Patriot filed", &[(0, 2, ORG), (5, 6, PER)], &[(0, 2, ORG), (5, 6, ORG)]),
                // Not a place's name, an adjective, or a word two firms share.
                ("Texas Instruments rose in Texas", &[(0, 2, ORG), (4, 5, LOC)], &[(0, 2, ORG), (4, 5, LOC)]),
                ("British Airways rose . British fliers", &[(0, 2, ORG), (4, 5, MISC)], &[(0, 2, ORG), (4, 5, MISC)]),
                ("Apex Capital and Apex Partners . Apex", &[(0, 2, ORG), (3, 5, ORG), (6, 7, PER)], &[(0, 2, ORG), (3, 5, ORG), (6, 7, PER)]),
            ],
        );
        // The short name is a mention of the firm.
        let text = "Brightline Systems rose. Shares of Brightline jumped.";
        let ents = recognise(&Document::new(text));
        let firm: Vec<&str> = ents.entities.iter().filter(|e| e.mentions.len() == 2).map(|e| e.name.as_str()).collect();
        assert_eq!(firm, ["Brightline Systems"]);
    }

    #[test]
    fn names_end_before_in() {
        check_rule(
            names_end_at_in,
            &[
                ("the European Central Bank in Frankfurt said", &[(1, 6, ORG)], &[(1, 4, ORG), (5, 6, LOC)]),
                ("at Penn State University in State College today", &[(1, 7, ORG)], &[(1, 4, ORG), (5, 7, LOC)]),
                ("the Stonewall Inn in New York", &[(1, 5, ORG), (5, 6, LOC)], &[(1, 3, ORG), (5, 6, LOC)]),
                ("the Organisation for Security and Cooperation in Europe", &[(1, 8, ORG)], &[(1, 8, ORG)]),
                ("at Troy University in", &[(1, 4, ORG)], &[(1, 3, ORG)]),
                ("rally of Cruz at Tea Party", &[(2, 6, ORG)], &[(2, 3, ORG)]),
            ],
        );
    }
}
