//! Places: rules that find and type place names in context (a region after
//! a comma, a preposition before, a dateline, a place suffix), and the
//! choice of the gazetteer reading each place gets (second readings near
//! other places of a country, namesakes far from their region).

use super::*;

/// A name written before a comma and a region or country is a place the
/// gazetteer may not know (`Maple Grove, Minnesota,`, `Port Arthur, Texas.`,
/// `FUNAFUTI, Tuvalu —`), whatever the tagger made of its words, and so are
/// its other mentions: persons and firms are not placed so. The name is the
/// run of capitalised words before the comma (up to four, in its sentence
/// and line, not over a function or calendar word). The region must end the
/// phrase (a comma, a stop, a dash, a bracket: not `Greg Abbott, Texas
/// governor` nor `Jordan, Georgia's coach`), and the name must not follow a
/// title (`Gov. Greg Abbott, Texas.`), nor be a person's name, a first
/// name both name lists know and a surname (`Mary Johnson, Ohio`; `Maple`
/// of `Maple Grove` and `Port` of `Port Arthur` are not in both), an
/// organisation's (`Durham University,
/// England`) or an acronym outside a dateline (`CNRS, France`).
/// Names that are also first names are places so too (`Warren, Michigan`,
/// `Aurora`, `Carmel`, `Preston`: measured, the rule lost no person).
pub(super) fn places_by_region(doc: &Document, lower: &LowerWords, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    let ends_phrase = |k: usize| k >= n || line_break_before(doc, k) || matches!(doc.tok(k), "," | "." | ";" | ":" | ")" | "(" | "?" | "!") || is_dash_token(doc.tok(k));
    // (A state's abbreviation whose period ends the sentence too ends the
    // phrase: `in Selma, Ala. But`, `CONCORD, N.H. - Sen.`, `KIRKLAND,
    // Wash. 1996-08-26`.)
    let abbreviated = |sp: &TypedSpan| sp.1 - sp.0 == 1 && sp.1 < n && is_state_abbreviation(doc, sp.0) && !doc.tok(sp.1).starts_lower();
    let region = |sp: &TypedSpan| {
        sp.2 == tagger::LOC && (ends_phrase(sp.1) || abbreviated(sp)) && place_of(doc, sp.0, sp.1, sp.3).is_some_and(|p| matches!(p.feature, gazetteer::Feature::Admin1 | gazetteer::Feature::Country))
    };
    // (Not an earlier town's state: `Decatur, Ill. Pekin, Ill.`)
    let name_word = |k: usize| {
        let w = doc.tok(k);
        doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(w) && !is_function_word(w) && !tagger::is_calendar_word(w) && !is_state_abbreviation(doc, k)
    };
    let mut found: Vec<TypedSpan> = Vec::new();
    for sp in spans.iter().filter(|sp| region(sp)) {
        let c = sp.0;
        if c < 2 || doc.tok(c - 1) != "," || line_break_before(doc, c) {
            continue;
        }
        let (b, s0) = (c - 1, sentence_of(doc, c).0);
        let mut a = b;
        while a > s0 && b - a < 4 && name_word(a - 1) && !line_break_before(doc, a) {
            a -= 1;
        }
        // A sentence's first word that the text also writes in lower case, or
        // a participle, is no part of the name (`Visiting Richmond, Virginia,`).
        if a == s0 && a < b && (lower.has(&doc.tok(a).to_lowercase()) || doc.tok(a).ends_with("ing")) {
            a += 1;
        }
        let caps = |k: usize| !doc.tok(k).chars().any(char::is_lowercase);
        // (A person signing or pictured: `Mary Johnson, Ohio`.)
        let person = b - a >= 2 && names::is_first_name(doc.tok(a)) && names::census(doc.tok(a)).first && names::census(doc.tok(b - 1)).surname;
        if a == b
            || person
            || (a > 0 && lexicon::is_person_title(doc.tok(a - 1)))
            || (a..b).any(|k| lexicon::is_person_title(doc.tok(k)))
            || tagger::is_org_word(doc.tok(b - 1))
            || ((a..b).all(caps) && !opens_paragraph(doc, a))
        {
            continue;
        }
        // Not a span the run cuts into.
        if span_at(&spans, a).is_some_and(|f| f.0 < a) {
            continue;
        }
        if !span_at(&spans, b - 1).is_some_and(|l| l.1 == b && l.2 == tagger::LOC && l.0 == a) {
            found.push((a, b, tagger::LOC, false));
        }
    }
    if found.is_empty() {
        return spans;
    }
    // The name's other mentions follow (`Maple Grove` after `MAPLE GROVE, Minnesota —`).
    let keys: HashSet<String> = found.iter().map(|sp| span_key(doc, sp.0, sp.1, false).to_lowercase()).collect();
    let mut spans = without_overlaps(spans, &found);
    for sp in spans.iter_mut() {
        if sp.2 != tagger::LOC && keys.contains(&span_key(doc, sp.0, sp.1, sp.3).to_lowercase()) {
            sp.2 = tagger::LOC;
        }
    }
    merge(spans, found)
}

/// A dateline is a place: the words in capitals that open a paragraph of a
/// news story, then a dash, a comma, a bracket or a date (`BOSTON —`, `SEOUL,
/// Oct. 7 —`, `PARIS (Reuters) -`, `ST. LOUIS 1996-08-30`), when the
/// gazetteer knows them as a place.
/// The tagger finds most datelines in a story's first paragraph, but misses
/// or mistypes them after a title and a byline (`BOSTON` as an
/// organisation, `WASHINGTON` as nothing).
pub(super) fn datelines(doc: &Document, spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let capitals = |k: usize| {
        let w = doc.tok(k);
        doc.tokens[k].kind == TokenKind::Word && w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let mut found = Vec::new();
    for p in &doc.paragraphs {
        let (a, end) = p.tokens;
        let mut e = a;
        while e < end && e < a + 4 && capitals(e) {
            e += 1;
        }
        let closes = |k: usize| k < end && (is_dash_token(doc.tok(k)) || matches!(doc.tok(k), "," | "(" | "-") || is_iso_date(doc.tok(k)));
        if e > a && closes(e) && (a + 1..e).all(|j| !line_break_before(doc, j)) && matches!(tagger::gazetteer_at(doc, a, e, true), Some((len, _)) if a + len == e) {
            found.push((a, e, tagger::LOC, false));
        }
    }
    if found.is_empty() {
        return spans;
    }
    merge(without_overlaps(spans, &found), found)
}

/// A known place the tagger read as an organisation even after a
/// preposition of place (`spoken in Phoenix`, `near Isfahan`) is a place,
/// there and wherever else the document names it as an organisation: in a
/// travel guide or a profile of a city, the name is the topic, and the
/// tagger's memory of its first decision carries one mistake through the
/// text. `to` and `from` are no evidence (`lost to Metz`, `a move to
/// Aberdeen` name clubs), and a team named after its city stays a team
/// where no such phrase reads the name as an organisation.
pub(super) fn places_by_preposition(doc: &Document, mut spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let mut names: HashSet<&str> = HashSet::default();
    for &(a, b, t, headline) in &spans {
        // (`in Metz's home win`: the preposition governs what follows the possessive.)
        let possessive = doc.tokens.get(b).is_some_and(|_| matches!(doc.tok(b), "’s" | "'s" | "’" | "'"));
        if t == tagger::ORG
            && b - a == 1
            && !headline
            && !possessive
            && a > 0
            && matches!(doc.tok(a - 1), "in" | "near" | "outside" | "around" | "across" | "within" | "throughout")
            && place_of(doc, a, b, headline).is_some_and(|p| p.feature.is_territory())
        {
            names.insert(doc.tok(a));
        }
    }
    for sp in spans.iter_mut() {
        if sp.2 == tagger::ORG && sp.1 - sp.0 == 1 && names.contains(doc.tok(sp.0)) {
            sp.2 = tagger::LOC;
        }
    }
    // `streets in Faenza and Cesena`: a name listed after a place that
    // follows the preposition is a place too, outside sport (`in Essex and
    // Kent`, two counties' teams).
    let mut listed = false;
    for k in 1..spans.len() {
        let ((a0, b0, t0, _), (a, b, t, headline)) = (spans[k - 1], spans[k]);
        let after_in = listed || (a0 > 0 && matches!(doc.tok(a0 - 1), "in" | "near" | "across" | "throughout"));
        listed = t0 == tagger::LOC
            && after_in
            && a == b0 + 1
            && matches!(doc.tok(b0), "and" | "or" | ",")
            && matches!(t, tagger::ORG | tagger::LOC)
            && b - a == 1
            && !headline
            && !doc.tokens.get(b).is_some_and(|_| matches!(doc.tok(b), "’s" | "'s"))
            && !sporting(doc, sentence_of(doc, a));
        if listed {
            spans[k].2 = tagger::LOC;
        }
    }
    spans
}

/// A country, first-level subdivision or city the gazetteer knows, read
/// as an organisation, is a place, unless the document reads like a sports
/// report, where cities and countries name teams (`Cincinnati beat
/// Pittsburgh 5-3`), or the sentence does.
pub(super) fn known_places(doc: &Document, mut spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let known = |&(a, b, t, headline): &(usize, usize, u8, bool)| {
        t == tagger::ORG
            && !headline
            && place_of(doc, a, b, headline).is_some_and(|p| p.feature.is_territory())
    };
    // (Most documents have no such span: the sentences are read only when one does.)
    if !spans.iter().any(known) {
        return spans;
    }
    let sport = doc.sentences.iter().filter(|s| sporting(doc, s.tokens)).count();
    if sport * 3 >= doc.sentences.len() {
        return spans;
    }
    for sp in spans.iter_mut() {
        if known(sp) && !sporting(doc, sentence_of(doc, sp.0)) {
            sp.2 = tagger::LOC;
        }
    }
    spans
}

/// Whether a sentence reads like a sports report: a number (a result, a
/// table row), or a word of playing and scoring that politics does not
/// share (not `won`, `race`, `rally`, `final`, `played a role`: `Clinton
/// won Iowa` is the state).
pub(super) fn sporting(doc: &Document, (s0, s1): (usize, usize)) -> bool {
    (s0..s1).any(|k| {
        let w = doc.tok(k);
        is_score_like(w) || is_listed_lower(SPORT_WORDS, w)
    })
}

/// The words of [`sporting`], lower-case, packed and sorted for a binary
/// search: less code than a `match`, and integer comparisons.
const SPORT_WORDS: &[u128] = &[
    pack(b"beat"), pack(b"beating"), pack(b"beats"), pack(b"champions"), pack(b"championship"), pack(b"club"),
    pack(b"coach"), pack(b"cup"), pack(b"defeat"), pack(b"defeated"), pack(b"defeats"), pack(b"draw"), pack(b"drew"),
    pack(b"fans"), pack(b"game"), pack(b"games"), pack(b"goal"), pack(b"goals"), pack(b"innings"), pack(b"league"),
    pack(b"match"), pack(b"matches"), pack(b"midfielder"), pack(b"player"), pack(b"players"), pack(b"score"),
    pack(b"scored"), pack(b"season"), pack(b"semifinal"), pack(b"squad"), pack(b"stadium"), pack(b"striker"),
    pack(b"team"), pack(b"tournament"), pack(b"transfer"), pack(b"v"), pack(b"vs"), pack(b"wickets"),
];

/// Whether a number could be a result or a table entry (`3`, `5-3`,
/// `1.`): a year (`1635`, `2001`) or a count with thousands separators
/// (`181,000`) dates or measures a place instead, as in a travel guide or
/// a biography.
pub(super) fn is_score_like(w: &str) -> bool {
    let b = w.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    // (`1920s` is a decade.)
    let digits = b.strip_suffix(b"s").unwrap_or(b);
    let year = digits.len() == 4 && digits.iter().all(u8::is_ascii_digit) && matches!(b[0], b'1' | b'2');
    !year && !w.contains(',')
}

/// The words of [`is_place_suffix`] besides natural features, sorted for a
/// binary search: less code than a `match`.
const PLACE_SUFFIXES: &[&str] = &[
    "Abbey", "Arena", "Ave", "Ave.", "Avenue", "Beach", "Blvd", "Blvd.", "Boulevard", "Bridge", "Castle", "Cathedral",
    "Cliffs", "Coast", "Drive", "Expressway", "Forest", "Gallery", "Gardens", "Hall", "Harbor", "Harbour", "Heights",
    "Highway", "Hill", "Hills", "Lane", "Lodge", "Mosque", "Museum", "Palace", "Park", "Parkway", "Plaza", "Rd",
    "Rd.", "Road", "Springs", "Square", "St", "St.", "Stadium", "Station", "Street", "Temple", "Terrace", "Tower",
    "Trail", "Turnpike", "Zoo",
];

/// Words that end a place or facility name: `Naqsh-e Jahan Square`,
/// `Sonoran Desert`, `Washington St`.
pub(super) fn is_place_suffix(w: &str) -> bool {
    is_natural_feature(w) || PLACE_SUFFIXES.binary_search(&w).is_ok()
}

/// The words of [`is_site`], packed and sorted for a binary search: less
/// code than a `match`, and integer comparisons.
const SITES: &[u128] = &[
    pack(b"Airport"), pack(b"Arena"), pack(b"Bridge"), pack(b"Plaza"), pack(b"Square"), pack(b"Stadium"),
];

/// Words ending the name of a site that is a place whoever runs it: an
/// organisation's name ending so is a place (`LaGuardia Airport`), where a
/// `Center` or a `Museum` is often the institution.
fn is_site(w: &str) -> bool {
    is_listed(SITES, w)
}

/// The words of [`is_facility`], packed and sorted for a binary search: less
/// code than a `match`, and integer comparisons.
const FACILITIES: &[u128] = &[
    pack(b"Airport"), pack(b"Arena"), pack(b"Bridge"), pack(b"Center"), pack(b"Centre"), pack(b"Field"),
    pack(b"Gallery"), pack(b"Hall"), pack(b"Hospital"), pack(b"Library"), pack(b"Memorial"), pack(b"Museum"),
    pack(b"Park"), pack(b"Plaza"), pack(b"Square"), pack(b"Stadium"), pack(b"Tower"),
];

/// Words ending the name of a building or site, which is often named after
/// a person.
pub(super) fn is_facility(w: &str) -> bool {
    is_listed(FACILITIES, w)
}

/// The words of [`is_natural_feature`], packed and sorted for a binary search: less
/// code than a `match`, and integer comparisons.
const NATURAL_FEATURES: &[u128] = &[
    pack(b"Bay"), pack(b"Canyon"), pack(b"Creek"), pack(b"Desert"), pack(b"Falls"), pack(b"Glacier"),
    pack(b"Island"), pack(b"Islands"), pack(b"Lagoon"), pack(b"Mountains"), pack(b"Ocean"), pack(b"Peninsula"),
    pack(b"Reef"), pack(b"River"), pack(b"Rivers"), pack(b"Sea"), pack(b"Strait"), pack(b"Valley"), pack(b"Volcano"),
];

/// Words ending the name of a natural feature: a place, whatever the tagger
/// says (`Thwaites Glacier`, `Mekong River`), where a building or a road
/// may be an institution's name.
pub(super) fn is_natural_feature(w: &str) -> bool {
    is_listed(NATURAL_FEATURES, w)
}

/// A place name the tagger cut short is made whole:
/// - a place that starts with the word ending a name takes in the
///   capitalised words right before it (`Naqsh-e Jahan` + `Square`, read as
///   a person and a place);
/// - a place followed by such a word takes it in (`Washington` + `St`);
/// - a facility's name takes in a person's name right before it
///   (`Kennedy` + `Space Center`).
///
/// Spans inside the words taken in give way.
pub(super) fn whole_place_names(doc: &Document, spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let name_word = |k: usize| {
        let w = doc.tok(k);
        doc.tokens[k].kind == TokenKind::Word
            && (tagger::is_capitalised(w) || (w.starts_with(|c: char| c.is_ascii_digit()) && w.ends_with(['t', 'd', 'h'])))
            && !is_function_word(w)
            && !tagger::is_calendar_word(w)
    };
    let mut out: Vec<(usize, usize, u8, bool)> = Vec::with_capacity(spans.len());
    let mut k = 0;
    while k < spans.len() {
        let (mut a, mut b, mut t, headline) = spans[k];
        // A "person" ending in a street or building word is a place named
        // after one (`Anderson Ave`, `Englewood Cliffs`), unless the word is
        // also a surname (`Damon Hill`, `Gary Hall`).
        // So is one that starts with a word opening place names (`Port
        // Hutt`, `Fort Lee`, `Mount Hagen`).
        let named_after = t == tagger::PER && b - a >= 2 && !headline && {
            let last = doc.tok(b - 1);
            (is_place_suffix(last) && !names::census(last).surname) || matches!(doc.tok(a), "Port" | "Fort" | "Mount" | "Mt." | "Lake" | "Cape")
        };
        if named_after || (t == tagger::ORG && b - a >= 2 && !headline && (is_natural_feature(doc.tok(b - 1)) || is_site(doc.tok(b - 1)))) {
            t = tagger::LOC;
        }
        if t == tagger::LOC && !headline {
            let (s0, s1) = sentence_of(doc, a);
            if is_place_suffix(doc.tok(a)) {
                while a > s0 && name_word(a - 1) && !line_break_before(doc, a) {
                    a -= 1;
                }
            }
            while b < s1 && is_place_suffix(doc.tok(b)) && !line_break_before(doc, b) {
                b += 1;
            }
            // Spans already emitted inside the extension give way; later ones are skipped below.
            while out.last().is_some_and(|p| p.0 >= a) {
                out.pop();
            }
        }
        // A facility named after a person takes the name in (`Kennedy` +
        // `Space Center`, `John F. Kennedy` + `International Airport`).
        if (t == tagger::LOC || t == tagger::ORG) && !headline && b - a >= 2 && is_facility(doc.tok(b - 1)) && !line_break_before(doc, a) {
            if let Some(p) = out.last().filter(|p| p.1 == a && p.2 == tagger::PER && !p.3) {
                a = p.0;
                out.pop();
            }
        }
        out.push((a, b, t, headline));
        k += 1;
        while k < spans.len() && spans[k].0 < b {
            k += 1;
        }
    }
    out
}

/// The gazetteer entry for a location span: the whole span, or without a
/// leading `the`. None for a river named like a place (`the Reno river`
/// near Bologna is not Reno, Nevada).
pub(super) fn place_of(doc: &Document, a: usize, b: usize, headline: bool) -> Option<&'static Place> {
    if b < doc.tokens.len() && doc.tok(b) == "river" {
        return None;
    }
    let mut a = a;
    if b - a > 1 && doc.tok(a).eq_ignore_ascii_case("the") {
        a += 1;
    }
    let end = sentence_of(doc, a).1.max(b);
    match tagger::gazetteer_at(doc, a, end, headline) {
        Some((len, p)) if a + len == b => Some(p),
        _ => {
            let key = span_key(doc, a, b, headline);
            gazetteer::lookup(&key).or_else(|| gazetteer::lookup(&tagger::title_case(&key)))
        }
    }
}

/// How near (km) a place of its country must be for a city to be read in
/// that country rather than the first: a region's centre or a city in the
/// same part of the country (Manchester, New Hampshire is 100 km from the
/// state's centre; Washington, D.C. 650 km).
pub(super) const NEAR_KM: f64 = 800.0;

/// The place each name means where the gazetteer knows a second reading
/// (`Georgia`: the country or the US state; `Newcastle`: in Australia,
/// South Africa or England): the reading in the country of the place named
/// right after it (`NEWCASTLE, England`) or, for a region or country, of the
/// city right before it (`Atlanta, Georgia`), else the one
/// in the country of most of the document's other cities and regions, two
/// at least (`Georgia` beside `Florida` and `Texas`), a city only with one
/// of them within [`NEAR_KM`], else the first. A reading fixed by a place
/// beside one mention holds for every mention of the name. `places` holds
/// each span's place, as [`place_of`] reads it.
pub(super) fn second_readings(doc: &Document, spans: &[(usize, usize, u8, bool)], mut places: Vec<Option<&'static Place>>) -> Vec<Option<&'static Place>> {
    let ambiguous = |p: &Option<&'static Place>| p.is_some_and(|p| gazetteer::second_readings(p).next().is_some());
    if !places.iter().any(ambiguous) {
        return places;
    }
    // Distinct cities and regions per country (`Toronto` named twice is one).
    let mut seen: HashSet<&str> = HashSet::default();
    let mut evidence: HashMap<&str, usize> = HashMap::default();
    let mut known: Vec<&Place> = Vec::new();
    for p in places.iter().filter(|p| !ambiguous(p)).flatten() {
        if matches!(p.feature, gazetteer::Feature::City | gazetteer::Feature::Admin1) && seen.insert(p.canonical) {
            *evidence.entry(p.country).or_default() += 1;
            known.push(p);
        }
    }
    // A city read in another country needs a place of that country near it:
    // `Manchester` beside `New Hampshire` is the American city, while
    // `Vancouver` in a story on Iowa and Washington stays in Canada.
    // (Once per reading: a long text repeats its ambiguous names.)
    // (Keyed by the entry's id: readings share canonical names.)
    // (0 or 1: a `usize` map, a type the crate has already, for one copy of
    // the hash table's code less.)
    let mut nearness: HashMap<usize, usize> = HashMap::default();
    let mut near = |r: &'static Place| {
        r.feature != gazetteer::Feature::City
            || *nearness.entry(usize::from(r.id)).or_insert_with(|| usize::from(known.iter().any(|p| p.country == r.country && gazetteer::km(p, r) <= NEAR_KM))) == 1
    };
    // The readings a place named beside the name fixes, by the first
    // reading's id: they hold for the name's other mentions too
    // (`VALENCIA, Spain` under the headline `Floods in Valencia`).
    // (By id, to id: a `usize` map, a type the crate has already.)
    let mut fixed: HashMap<usize, usize> = HashMap::default();
    let mut guessed: Vec<(usize, &'static Place)> = Vec::new();
    for k in 0..places.len() {
        let Some(first) = places[k].filter(|_| ambiguous(&places[k])) else { continue };
        let b = spans[k].1;
        let next = places.get(k + 1).copied().flatten().filter(|_| spans[k + 1].0 == b + 1 && doc.tok(b) == ",");
        // (A region after its city: `Atlanta, Georgia`.)
        let a = spans[k].0;
        let prev = k.checked_sub(1).and_then(|j| places[j].filter(|_| spans[j].1 + 1 == a && doc.tok(a - 1) == ","));
        let readings = || std::iter::once(first).chain(gazetteer::second_readings(first));
        let beside = |n: Option<&Place>| n.and_then(|n| readings().find(|r| r.country == n.country));
        places[k] = Some(match beside(next).or_else(|| beside(prev.filter(|_| first.feature != gazetteer::Feature::City))) {
            Some(r) => {
                fixed.entry(usize::from(first.id)).or_insert(usize::from(r.id));
                r
            }
            None => {
                guessed.push((k, first));
                let weight = |r: &Place| evidence.get(r.country).copied().unwrap_or(0);
                // (Strictly more, and two places at least: the first of
                // equals wins, and one Canadian city in a world tour's
                // list does not move `London` to Ontario.)
                readings().fold(first, |best, r| if weight(r) > weight(best) && weight(r) >= 2 && near(r) { r } else { best })
            }
        });
    }
    if !fixed.is_empty() {
        for (k, first) in guessed {
            if let Some(&r) = fixed.get(&usize::from(first.id)) {
                places[k] = Some(gazetteer::place(r as u16));
            }
        }
    }
    places
}

/// How far (km) a city may lie from the centre of the region written after
/// it: Texas and Queensland hold their cities within 900 km of the centre;
/// Alexandria, Virginia is 1,500 km from Louisiana's.
pub(super) const FAR_FROM_REGION_KM: f64 = 1200.0;

/// A place written before a comma and a region of another country, or far
/// from it, is a namesake the gazetteer does not know (`Paris, Texas`,
/// `Dublin, Ohio`, `Alexandria, Louisiana`): it stays a place, without the
/// far-off coordinates. Only a city (`Sardinia, Corsica and Cyprus` lists regions)
/// before a first-level region (a city before a country may be listed
/// under another code: `Hong Kong, China`).
pub(super) fn namesakes(doc: &Document, spans: &[TypedSpan], mut places: Vec<Option<&'static Place>>) -> Vec<Option<&'static Place>> {
    for k in 0..places.len().saturating_sub(1) {
        let (Some(p), Some(n)) = (places[k], places[k + 1]) else { continue };
        let b = spans[k].1;
        let elsewhere = p.country != n.country || gazetteer::km(p, n) > FAR_FROM_REGION_KM;
        if spans[k + 1].0 == b + 1 && doc.tok(b) == "," && n.feature == gazetteer::Feature::Admin1 && elsewhere && p.feature == gazetteer::Feature::City {
            places[k] = None;
        }
    }
    places
}

/// A tagged place outside the gazetteer is kept only when every word is a
/// capitalised Latin-script word (or a joining `of`/`the`/`de`): no junk
/// from symbols, scripts the tagger never saw, or repeated names.
pub(super) fn looks_like_place_name(doc: &Document, a: usize, b: usize) -> bool {
    let words: Vec<&str> = (a..b).map(|k| doc.tok(k)).collect();
    let distinct = words.windows(2).all(|w| w[0] != w[1]);
    // `Singapore Summit`, `Paris Agreement`: events and documents, not places.
    let event = words.last().is_some_and(|w| {
        matches!(
            *w,
            "Summit" | "Conference" | "Games" | "Cup" | "War" | "Festival" | "Olympics" | "Award" | "Awards" | "Prize"
                | "Trophy" | "Agreement" | "Accord" | "Accords" | "Treaty" | "Convention" | "Talks" | "Forum" | "Open"
                | "Championship" | "Championships" | "Series" | "Show" | "Declaration" | "Protocol" | "Process"
        )
    });
    // `State` of `Secretary of State` (the department) and of `State of the
    // Union` (the address), and that `Union`, are no places.
    let tok = |k: usize| doc.tokens.get(k).map_or("", |t| t.span.slice(doc.text));
    let office = a >= 2 && tok(a - 1) == "of" && matches!(tok(a - 2), "Secretary" | "secretary" | "Department" | "department" | "departments");
    let address = (tok(a) == "State" && tok(a + 1) == "of" && tok(a + 2) == "the" && tok(a + 3) == "Union")
        || (tok(a) == "Union" && a >= 3 && tok(a - 3) == "State" && tok(a - 2) == "of");
    if event || (b == a + 1 && ((tok(a) == "State" && office) || address)) {
        return false;
    }
    distinct
        && words.first().is_some_and(|w| {
            // (`St. Albans`, `Mt. Vernon`: a short first word only so.)
            w.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && (w.chars().filter(|c| c.is_alphabetic()).count() >= 3 || (words.len() > 1 && matches!(*w, "St." | "Ste." | "Ft." | "Mt.")))
        })
        && words.iter().all(|w| {
            matches!(*w, "of" | "the" | "and" | "de" | "la" | "del" | "-" | "&" | "'s" | "’s" | "'" | "’")
                || (w.chars().next().is_some_and(|c| c.is_uppercase()) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
        })
}

#[cfg(test)]
pub(super) fn looks_like_place_name_text(name: &str) -> bool {
    let doc = Document::new(name);
    looks_like_place_name(&doc, 0, doc.tokens.len())
}

/// A date written `1996-08-30`.
fn is_iso_date(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// A name right before a noun for a site is the site's place: `Kosevo
/// stadium`, `the Pamir mountains`, `Qalandia camp`, `Sharqiyah province`.
/// The tagger, seeing an unknown capitalised word, makes it an organisation
/// or leaves it. One capitalised word, typed an organisation or untagged
/// (not a nationality or creed: `Roman Catholic church`), in the noun's line.
pub(super) fn places_before_site_nouns(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    let site = |k: usize| {
        k < n && matches!(doc.tok(k), "stadium" | "province" | "mountains" | "sanatorium" | "prison" | "camp" | "checkpoint" | "port" | "mosque" | "valley")
    };
    let mut spans = spans;
    let mut found: Vec<TypedSpan> = Vec::new();
    for k in 1..n.saturating_sub(1) {
        if !site(k + 1) || line_break_before(doc, k + 1) || doc.tokens[k].kind != TokenKind::Word || !tagger::is_capitalised(doc.tok(k)) || is_function_word(doc.tok(k)) {
            continue;
        }
        // (A single word, not the last of a longer name.)
        if doc.tokens[k - 1].kind == TokenKind::Word && tagger::is_capitalised(doc.tok(k - 1)) && !line_break_before(doc, k) {
            continue;
        }
        match span_index(&spans, k) {
            Some(j) if spans[j] == (k, k + 1, tagger::ORG, false) => spans[j].2 = tagger::LOC,
            Some(_) => {}
            None if sentence_of(doc, k).0 != k => found.push((k, k + 1, tagger::LOC, false)),
            None => {}
        }
    }
    merge(spans, found)
}

/// A name before `County` or `Parish` is the county's, one place: `Maricopa
/// County`, `Jefferson County`. The tagger reads the name on its own (an
/// organisation, a person) and `County` as a place alone. The name is one
/// to three capitalised words on the line, untagged or a span that ends at
/// `County`.
pub(super) fn county_names(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    let mut found: Vec<TypedSpan> = Vec::new();
    for k in 0..n.saturating_sub(1) {
        if !matches!(doc.tok(k + 1), "County" | "Parish") || line_break_before(doc, k + 1) || !tagger::is_capitalised(doc.tok(k)) || is_function_word(doc.tok(k)) {
            continue;
        }
        let a = match span_index(&spans, k).map(|j| spans[j]) {
            Some((a, b, _, _)) if b == k + 1 && b - a <= 3 => a,
            Some(_) => continue,
            // Untagged words: back over up to two more (`Palm Beach County`).
            None => {
                let mut a = k;
                while a + 2 > k && a > 0 && span_index(&spans, a - 1).is_none() && tagger::is_capitalised(doc.tok(a - 1)) && doc.tokens[a - 1].kind == TokenKind::Word && !is_function_word(doc.tok(a - 1)) && !line_break_before(doc, a) {
                    a -= 1;
                }
                a
            }
        };
        let end = match span_index(&spans, k + 1).map(|j| spans[j]) {
            Some((c, b, t, _)) if c == k + 1 && (t == tagger::LOC || b == k + 2) => b,
            Some(_) => continue,
            None => k + 2,
        };
        if found.last().is_none_or(|f| f.1 <= a) {
            found.push((a, end, tagger::LOC, false));
        }
    }
    if found.is_empty() {
        return spans;
    }
    merge(without_overlaps(spans, &found), found)
}

/// A US state's abbreviation after a town and a comma is the state:
/// `Mount Prospect, Ill. Eksili donated`, `KIRKLAND, Wash. 1996-08-26`,
/// `of Ashton, Md.` (the tagger reads an abbreviation ending a sentence as
/// no name, or one alone as a person). [`places_by_region`] then reads the
/// town before it. Not at a line's end (`RICHMOND, Va.` over a dateline's
/// date, where CoNLL's gold, cutting the period as a sentence's end, has
/// `Va`), nor in a compound (`Glenview, Ill.-based`).
pub(super) fn state_abbreviations(doc: &Document, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    let mut extra: Vec<TypedSpan> = Vec::new();
    for k in 2..n {
        if doc.tok(k - 1) != "," || !is_state_abbreviation(doc, k) || line_break_before(doc, k) || (k + 1 < n && (line_break_before(doc, k + 1) || (doc.tok(k + 1) == "-" && doc.tokens[k + 1].span.start == doc.tokens[k].span.end))) {
            continue;
        }
        match span_index(&spans, k) {
            None => extra.push((k, k + 1, tagger::LOC, false)),
            Some(j) if spans[j].0 == k && spans[j].1 == k + 1 => spans[j].2 = tagger::LOC,
            Some(_) => {}
        }
    }
    merge(spans, extra)
}

/// `Ill.`, `Md.`: a US state's abbreviation the gazetteer knows.
fn is_state_abbreviation(doc: &Document, k: usize) -> bool {
    let w = doc.tok(k);
    w.len() > 2 && w.ends_with('.') && gazetteer::lookup(w).is_some_and(|p| p.feature == gazetteer::Feature::Admin1 && p.country == "US")
}

/// A name listed among known places is a place too: `bordered by
/// Edgewater, Englewood Cliffs, Leonia and Palisades Park`, `Tulsa, Sand
/// Springs, Sapulpa, Jenks, and Broken Arrow`. The tagger reads an unknown
/// town in such a list as an organisation or leaves it, and the
/// preposition rules see no preposition before it. A list is three names
/// or more, commas between them and `and` or `or` before the last, at
/// least two of them places the gazetteer knows as countries, regions or
/// cities and none a person (but a lone word with nothing around it to
/// support the tagger's reading: the unknown town, even one named like a
/// person); its organisations (none with a
/// word of an organisation's name: `Bank`), those lone words and its
/// untagged capitalised words become places. Not in sport, where a list of
/// cities is a list of teams, nor in headlines.
pub(super) fn listed_places(doc: &Document, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let mut found: Vec<TypedSpan> = Vec::new();
    let cov = covered(doc, &spans);
    // A lone word the tagger calls a person with nothing around it to say
    // so (see `lone_name_in_context`), and no full name's surname: an
    // unknown town's name as often, even one the name lists know
    // (`Peoria, Chandler, and Gilbert`).
    let surnames: HashSet<&str> = spans.iter().filter(|s| s.2 == tagger::PER && s.1 - s.0 >= 2).map(|s| doc.tok(s.1 - 1)).collect();
    let weak_person = |a: usize, b: usize| b - a == 1 && !lone_name_in_context(doc, a) && !surnames.contains(doc.tok(a));
    // A member: a span (by index) or an untagged capitalised word.
    #[derive(Clone, Copy)]
    enum Member {
        Span(usize),
        Word(usize),
    }
    let bounds = |m: Member, spans: &[TypedSpan]| match m {
        Member::Span(j) => (spans[j].0, spans[j].1),
        Member::Word(k) => (k, k + 1),
    };
    // (Most tokens are neither: the cheap tests first.)
    let member_at = |k: usize, spans: &[TypedSpan]| -> Option<Member> {
        if cov[k] {
            return span_index(spans, k).filter(|&j| spans[j].0 == k).map(Member::Span);
        }
        let w = doc.tok(k);
        (doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(w) && !is_function_word(w) && !tagger::is_calendar_word(w))
            .then_some(Member::Word(k))
    };
    // The member after one ending at `b`, after `,`, `and`, `or`, `, and`
    // or `, or`; and whether `and` or `or` came before it.
    let next_member = |b: usize, s1: usize, spans: &[TypedSpan]| -> Option<(Member, bool)> {
        let mut k = b;
        if k < s1 && doc.tok(k) == "," {
            k += 1;
        }
        let joined = k < s1 && matches!(doc.tok(k), "and" | "or");
        k += usize::from(joined);
        (k > b && k < s1 && !line_break_before(doc, k)).then(|| member_at(k, spans).map(|m| (m, joined))).flatten()
    };
    for s in &doc.sentences {
        let (s0, s1) = s.tokens;
        // (Only a sentence with two places can hold such a list: most have none.)
        let (i0, i1) = (spans.partition_point(|sp| sp.0 < s0), spans.partition_point(|sp| sp.0 < s1));
        if spans[i0..i1].iter().filter(|sp| sp.2 == tagger::LOC).nth(1).is_none() {
            continue;
        }
        let mut k = s0;
        while k < s1 {
            let Some(first) = member_at(k, &spans) else {
                k += 1;
                continue;
            };
            // Commas between the members, `and` or `or` before the last
            // (`Santa Barbara, California, Dole said` is no list).
            let mut list = vec![first];
            let mut closed = false;
            while let Some((m, joined)) = next_member(bounds(*list.last().unwrap(), &spans).1, s1, &spans) {
                list.push(m);
                if joined {
                    closed = true;
                    break;
                }
            }
            k = bounds(*list.last().unwrap(), &spans).1;
            if !closed {
                continue;
            }
            if list.len() < 3 {
                continue;
            }
            let mut known = 0;
            let mut fit = true;
            for &m in &list {
                if let Member::Span(j) = m {
                    let (a, b, t, headline) = spans[j];
                    fit &= (t != tagger::PER || weak_person(a, b)) && !headline;
                    known += usize::from(t == tagger::LOC && place_of(doc, a, b, headline).is_some_and(|p| p.feature.is_territory()));
                }
            }
            if !fit || known < 2 || sporting(doc, (s0, s1)) {
                continue;
            }
            for m in list {
                match m {
                    Member::Span(j) => {
                        let (a, b, t, _) = spans[j];
                        if (t == tagger::ORG && (a..b).all(|i| !tagger::is_org_word(doc.tok(i)))) || (t == tagger::PER && weak_person(a, b)) {
                            spans[j].2 = tagger::LOC;
                        }
                    }
                    Member::Word(i) => found.push((i, i + 1, tagger::LOC, false)),
                }
            }
        }
    }
    merge(spans, found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::entities::tests::*;

    #[test]
    fn offices_and_addresses_are_no_places() {
        let text = "the Secretary of State gave the State of the Union address in the State of Ohio";
        let doc = Document::new(text);
        let at = |n: usize, w: &str| doc.tokens.iter().enumerate().filter(|(_, t)| t.span.slice(text) == w).nth(n).unwrap().0;
        assert!(!looks_like_place_name(&doc, at(0, "State"), at(0, "State") + 1));
        assert!(!looks_like_place_name(&doc, at(1, "State"), at(1, "State") + 1));
        assert!(!looks_like_place_name(&doc, at(0, "Union"), at(0, "Union") + 1));
        assert!(looks_like_place_name(&doc, at(2, "State"), at(2, "State") + 1));
    }

    #[test]
    fn county_names_are_one_place() {
        check_rule(
            county_names,
            &[
                ("on Maricopa County now", &[(1, 2, ORG), (2, 3, LOC)], &[(1, 3, LOC)]),
                ("from Jefferson County in", &[(1, 2, PER)], &[(1, 3, LOC)]),
                ("in Palm Beach County now", &[], &[(1, 4, LOC)]),
                ("Los Angeles County and Orleans Parish", &[(0, 2, LOC), (2, 3, LOC), (4, 5, LOC), (5, 6, ORG)], &[(0, 3, LOC), (4, 6, LOC)]),
                ("Westchester County Airport", &[(1, 3, LOC)], &[(0, 3, LOC)]),
                // Not a county already whole, not across a line, not `The County`.
                ("in Brown County now", &[(1, 3, LOC)], &[(1, 3, LOC)]),
                ("Jefferson\nCounty", &[(0, 1, PER)], &[(0, 1, PER)]),
                ("The County Council", &[(1, 3, ORG)], &[(1, 3, ORG)]),
            ],
        );
    }

    #[test]
    fn state_abbreviations_after_towns() {
        check_rule(
            |doc, spans| places_by_region(doc, &LowerWords::new(doc), state_abbreviations(doc, spans)),
            &[
                // The state, and the town before it: untagged, or a short organisation.
                ("in Mount Prospect, Ill. Eksili left", &[], &[(1, 3, LOC), (4, 5, LOC)]),
                ("KIRKLAND, Wash. 1996", &[(0, 1, ORG)], &[(0, 1, LOC), (2, 3, LOC)]),
                ("of Ashton, Md., who", &[(1, 2, PER), (3, 4, PER)], &[(1, 2, LOC), (3, 4, LOC)]),
                ("Ann Lee, Md., who", &[(0, 2, PER), (3, 4, PER)], &[(0, 2, PER), (3, 4, LOC)]),
                ("in Flint , Mich. , he", &[(1, 2, LOC)], &[(1, 2, LOC), (3, 4, LOC)]),
                // Not at a line's end, in a compound, or a firm's name.
                ("RICHMOND , Va.\n1996", &[(0, 1, LOC)], &[(0, 1, LOC)]),
                ("the Glenview , Ill.-based firm", &[], &[]),
                ("at Acme Bank, Ill. now", &[(1, 3, ORG)], &[(1, 3, ORG), (4, 5, LOC)]),
                // Two towns in a row: the first's state is no part of the second town.
                ("a Decatur, Ill. Pekin, Ill. .", &[], &[(1, 2, LOC), (3, 4, LOC), (4, 5, LOC), (6, 7, LOC)]),
            ],
        );
    }

    #[test]
    fn listed_places_are_places() {
        check_rule(
            listed_places,
            &[
                // An organisation, an untagged word, a lone "person" among known places.
                ("They live in Boston , Leonia and Chicago .", &[(3, 4, LOC), (5, 6, ORG), (7, 8, LOC)], &[(3, 4, LOC), (5, 6, LOC), (7, 8, LOC)]),
                ("Towns are Tulsa , Sapulpa , Zibrowt , and Denver .", &[(2, 3, LOC), (6, 7, PER), (9, 10, LOC)], &[(2, 3, LOC), (4, 5, LOC), (6, 7, LOC), (9, 10, LOC)]),
                // A known town named like a person, nothing around it to say it is one.
                ("cities of Tempe , Peoria , Chandler , and Gilbert to form", &[(2, 3, LOC), (4, 5, LOC), (6, 7, PER), (9, 10, PER)], &[(2, 3, LOC), (4, 5, LOC), (6, 7, LOC), (9, 10, LOC)]),
                ("to Tempe , Peoria and Chandler said", &[(1, 2, LOC), (3, 4, LOC), (5, 6, PER)], &[(1, 2, LOC), (3, 4, LOC), (5, 6, PER)]),
                ("Ann Chandler met . Tempe , Peoria and Chandler", &[(0, 2, PER), (4, 5, LOC), (6, 7, LOC), (8, 9, PER)], &[(0, 2, PER), (4, 5, LOC), (6, 7, LOC), (8, 9, PER)]),
                // No `and` before the last: a clause goes on (`…, Garrity said`).
                ("to Boston and Chicago , Garrity said .", &[(1, 2, LOC), (3, 4, LOC), (5, 6, PER)], &[(1, 2, LOC), (3, 4, LOC), (5, 6, PER)]),
                ("in Santa Barbara , California , Dole said", &[(1, 3, LOC), (4, 5, LOC), (6, 7, PER)], &[(1, 3, LOC), (4, 5, LOC), (6, 7, PER)]),
                // A person named in full, a bank, one known place, a sports result.
                ("Boston , Mary Smith and Chicago", &[(0, 1, LOC), (2, 4, PER), (5, 6, LOC)], &[(0, 1, LOC), (2, 4, PER), (5, 6, LOC)]),
                ("Boston , Barclays Bank and Chicago", &[(0, 1, LOC), (2, 4, ORG), (5, 6, LOC)], &[(0, 1, LOC), (2, 4, ORG), (5, 6, LOC)]),
                ("Boston , Leonia and Acme", &[(0, 1, LOC), (2, 3, ORG), (4, 5, ORG)], &[(0, 1, LOC), (2, 3, ORG), (4, 5, ORG)]),
                ("Boston beat Leonia , Chicago and Denver", &[(0, 1, LOC), (2, 3, ORG), (4, 5, LOC), (6, 7, LOC)], &[(0, 1, LOC), (2, 3, ORG), (4, 5, LOC), (6, 7, LOC)]),
            ],
        );
    }

    #[test]
    fn word_lists_are_sorted() {
        assert!(PLACE_SUFFIXES.windows(2).all(|w| w[0] < w[1]));
        assert!(SPORT_WORDS.windows(2).all(|w| w[0] < w[1]));
        for list in [NATURAL_FEATURES, FACILITIES, SITES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn places_before_site_nouns_are_places() {
        check_rule(
            places_before_site_nouns,
            &[
                ("in the nearby Pamir mountains", &[(3, 4, ORG)], &[(3, 4, LOC)]),
                ("in the eastern Sharqiyah province", &[], &[(3, 4, LOC)]),
                // Not a nationality or a longer name, a sentence's first word, or another noun.
                ("the Roman Catholic church", &[(1, 3, MISC)], &[(1, 3, MISC)]),
                ("the Xinhua Lanzhou prison", &[(1, 2, ORG), (2, 3, ORG)], &[(1, 2, ORG), (2, 3, ORG)]),
                ("Riverside prison staff", &[], &[]),
                ("the Qorvath plant", &[(1, 2, ORG)], &[(1, 2, ORG)]),
            ],
        );
    }

    #[test]
    fn datelines_are_places() {
        check_rule(
            datelines,
            &[
                // After a title and a byline; a comma, a bracket or a hyphen closes it too.
                ("Storm Hits Town\n\nBy Maria Lopez\n\nBOSTON — A storm hit .", &[(0, 1, ORG), (4, 6, PER), (6, 7, ORG)], &[(0, 1, ORG), (4, 6, PER), (6, 7, LOC)]),
                ("Vote\n\nWASHINGTON, Dec. 8 — The Senate voted .", &[], &[(1, 2, LOC)]),
                ("Vote\n\nNEW YORK (Reuters) - Stocks fell .", &[(1, 2, ORG), (4, 5, ORG)], &[(1, 3, LOC), (4, 5, ORG)]),
                // A date closes it in wire copy.
                ("Deal done .\nST. LOUIS 1996-08-30\nShares rose .", &[(4, 5, LOC)], &[(3, 5, LOC)]),
                // Not a word the gazetteer does not know, not in the middle of a paragraph, nor without the dash.
                ("Vote\n\nUPDATE — The Senate voted .", &[], &[]),
                ("He said BOSTON — was cold .", &[], &[]),
                ("Vote\n\nBOSTON fans cheered .", &[], &[]),
            ],
        );
    }

    #[test]
    fn a_place_after_in_is_a_place() {
        check_rule(
            places_by_preposition,
            &[
                ("Phoenix is hot . Spanish is spoken in Phoenix", &[(0, 1, ORG), (8, 9, ORG)], &[(0, 1, LOC), (8, 9, LOC)]),
                // `to` names clubs as often as places.
                ("Metz won . They lost to Metz", &[(0, 1, ORG), (6, 7, ORG)], &[(0, 1, ORG), (6, 7, ORG)]),
                // The preposition governs what follows a possessive.
                ("Metz won . a goal in Metz's win", &[(0, 1, ORG), (6, 7, ORG)], &[(0, 1, ORG), (6, 7, ORG)]),
                // Not a place the gazetteer knows.
                ("Quorvath won . a goal in Quorvath", &[(0, 1, ORG), (6, 7, ORG)], &[(0, 1, ORG), (6, 7, ORG)]),
                // A name listed after a place after `in`, outside sport.
                ("streets in Faenza , Lugo and Cesena flooded", &[(2, 3, LOC), (4, 5, ORG), (6, 7, ORG)], &[(2, 3, LOC), (4, 5, LOC), (6, 7, LOC)]),
                ("he played in Essex and Kent 3-1", &[(3, 4, LOC), (5, 6, ORG)], &[(3, 4, LOC), (5, 6, ORG)]),
                ("rallies in Ohio and Clinton won", &[(2, 3, LOC), (4, 5, PER)], &[(2, 3, LOC), (4, 5, PER)]),
            ],
        );
    }

    #[test]
    fn a_river_is_not_the_city_it_is_named_like() {
        let doc = Document::new("the Reno river flooded Reno");
        assert!(place_of(&doc, 1, 2, false).is_none());
        assert_eq!(place_of(&doc, 4, 5, false).map(|p| p.country), Some("US"));
    }

    #[test]
    fn known_places_outside_sport() {
        check_rule(
            known_places,
            &[
                ("The old bazaar of Isfahan is famous . Isfahan has many mosques .", &[(4, 5, ORG), (8, 9, ORG)], &[(4, 5, LOC), (8, 9, LOC)]),
                // A sentence of sport keeps the team.
                ("The view is fine . Cincinnati beat Pittsburgh last night .", &[(5, 6, ORG), (7, 8, ORG)], &[(5, 6, ORG), (7, 8, ORG)]),
                // So does a document of sport, even in a sentence without a score.
                ("Ajax 3 Utrecht 1 . Feyenoord 2 Breda 0 . Utrecht thanked its supporters .", &[(0, 1, ORG), (2, 3, ORG), (12, 13, ORG)], &[(0, 1, ORG), (2, 3, ORG), (12, 13, ORG)]),
                // Years, decades and counts are no scores.
                ("In 2001 the population of York was 181,000 .", &[(5, 6, ORG)], &[(5, 6, LOC)]),
                ("In the 1920s Isfahan boomed .", &[(3, 4, ORG)], &[(3, 4, LOC)]),
                ("Isfahan lost 2-1 .", &[(0, 1, ORG)], &[(0, 1, ORG)]),
                ("Isfahan 2 Tabriz 1 .", &[(0, 1, ORG), (2, 3, ORG)], &[(0, 1, ORG), (2, 3, ORG)]),
                // Winning a state, or playing a role, is politics.
                ("The view is fine . Clinton won Iowa and played a role in Ohio .", &[(5, 6, PER), (7, 8, ORG), (13, 14, ORG)], &[(5, 6, PER), (7, 8, LOC), (13, 14, LOC)]),
                // Not a name the gazetteer does not know as a country, region or city.
                ("Quorvath is famous .", &[(0, 1, ORG)], &[(0, 1, ORG)]),
            ],
        );
    }

    #[test]
    fn places_named_by_their_region() {
        let rule = |doc: &Document, spans| places_by_region(doc, &LowerWords::new(doc), spans);
        check_rule(
            rule,
            &[
                ("the mayor of Maple Grove, Minnesota, said", &[(3, 5, PER), (6, 7, LOC)], &[(3, 5, LOC), (6, 7, LOC)]),
                ("near Hope, British Columbia.", &[(3, 5, LOC)], &[(1, 2, LOC), (3, 5, LOC)]),
                ("MAPLE GROVE, Minnesota — Maple Grove voted", &[(1, 2, LOC), (3, 4, LOC), (5, 7, PER)], &[(0, 2, LOC), (3, 4, LOC), (5, 7, LOC)]),
                ("He moved to St. Albans, England, in 1990", &[(3, 4, ORG), (4, 5, LOC), (6, 7, LOC)], &[(3, 5, LOC), (6, 7, LOC)]),
                // Not after a title, nor a person with a first name, nor
                // where the region goes on, nor an organisation or an acronym.
                ("Gov. Greg Abbott, Texas.", &[(1, 3, PER), (4, 5, LOC)], &[(1, 3, PER), (4, 5, LOC)]),
                ("said Greg Abbott, Texas governor", &[(1, 3, PER), (4, 5, LOC)], &[(1, 3, PER), (4, 5, LOC)]),
                ("at Durham University, England", &[(1, 3, ORG), (4, 5, LOC)], &[(1, 3, ORG), (4, 5, LOC)]),
                ("signed Mary Johnson, Ohio.", &[(1, 3, PER), (4, 5, LOC)], &[(1, 3, PER), (4, 5, LOC)]),
                ("or Port Arthur, Texas, left", &[(1, 3, PER), (4, 5, LOC)], &[(1, 3, LOC), (4, 5, LOC)]),
                ("She works at CNRS, France.", &[(3, 4, ORG), (5, 6, LOC)], &[(3, 4, ORG), (5, 6, LOC)]),
                // A sentence's participle is no part of the name.
                ("Visiting Richmond, Virginia, he spoke", &[(1, 2, PER), (3, 4, LOC)], &[(1, 2, LOC), (3, 4, LOC)]),
            ],
        );
    }

    #[test]
    fn place_names_made_whole() {
        check_rule(
            whole_place_names,
            &[
                // A person and a place become one place.
                ("north of Naqsh-e Jahan Square in the old quarter", &[(2, 4, PER), (4, 5, LOC)], &[(2, 5, LOC)]),
                ("go along Washington St to the station", &[(2, 3, LOC)], &[(2, 4, LOC)]),
                ("the nearby 44th Street Station", &[(3, 4, LOC)], &[(2, 5, LOC)]),
                // Not over a sentence's function word, nor a line break.
                ("The Square is busy", &[(1, 2, LOC)], &[(1, 2, LOC)]),
                ("Isfahan\nSquare", &[(1, 2, LOC)], &[(1, 2, LOC)]),
                // Other kinds are left alone.
                ("Smith Hall spoke", &[(0, 2, PER)], &[(0, 2, PER)]),
                // A "person" opening with `Port` is a place.
                ("Port Hutt boasts a view", &[(0, 2, PER)], &[(0, 2, LOC)]),
                // A natural feature typed an organisation; not a building.
                ("the Thwaites Glacier melts", &[(1, 3, ORG)], &[(1, 3, LOC)]),
                ("the Carnegie Hall board", &[(1, 3, ORG)], &[(1, 3, ORG)]),
                // An airport or a stadium is a place whoever runs it; a
                // `Center` may be the institution.
                ("flights to LaGuardia Airport resumed", &[(2, 4, ORG)], &[(2, 4, LOC)]),
                ("the Kennedy Center board", &[(1, 3, ORG)], &[(1, 3, ORG)]),
                // A facility named after a person takes the name in; a
                // person before another kind of name does not.
                ("launched from Kennedy Space Center today", &[(2, 3, PER), (3, 5, LOC)], &[(2, 5, LOC)]),
                ("at John F. Kennedy International Airport", &[(1, 4, PER), (4, 6, ORG)], &[(1, 6, LOC)]),
                ("told Smith Space Agency staff", &[(1, 2, PER), (2, 4, ORG)], &[(1, 2, PER), (2, 4, ORG)]),
                ("Smith\nSpace Center", &[(0, 1, PER), (1, 3, LOC)], &[(0, 1, PER), (1, 3, LOC)]),
            ],
        );
    }
}
