//! Persons: rules that make a person's name whole and give it its type
//! (first names, particles, roles, forms of address, citations, owners of
//! kin), and the linking of surnames and genders once the spans are final.

use super::*;

/// One run of capitalised words is one name, but the tagger types each word
/// on its own and can split a run into a person and something else. Two
/// spans that touch (no punctuation, no line break between) become one:
/// - a person when the run starts with a first name (`Niall` + `Quinn`,
///   `Andy` + `Caddick`): a first name before a person's name is part of it,
///   whatever its type but a nationality's (`Donald`, read as MISC, +
///   `Trump`), and a lone word after a first name is a surname (not a word
///   that makes a name an organisation or a place: `Robin Airlines` stays
///   apart), even both read as MISC (`Donald` + `Trump`);
/// - a person when a plain word the tagger read as an organisation comes
///   before a full name without a first name (`Eusebius` + `Sophronius
///   Hieronymus`): the first of three names;
/// - an organisation when a person's name that does not start with a first
///   name runs into an organisation (`Vrije` + `Universiteit Amsterdam`,
///   `Beavertail` + `Cactus`, `Pirelli` + `Group`): the organisation's name
///   ends the run, and the word before it is part of that name, not a person.
///
/// A regnal number stays out (`Elizabeth II`), and headlines are left alone.
pub(super) fn joined_names(doc: &Document, lower_words: &LowerWords, spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let first_name = |k: usize| names::is_first_name(&tagger::title_case(doc.tok(k)));
    // (Or one the census alone knows: `Donald`.)
    let any_first_name = |k: usize| first_name(k) || names::census(doc.tok(k)).first;
    // (`John-Christian`, `Jean-Claude`: first names joined, whatever the
    // tagger typed them; not a nationality, `African-American`.)
    let joined_first_names = |k: usize| doc.tok(k).contains('-') && doc.tok(k).split('-').all(|p| names::is_first_name(&tagger::title_case(p)));
    // The organisation's own name, not a surname the tagger read as one
    // (`Saeed` + `Anwar`): several words, a word that makes an organisation,
    // or a common noun the document also writes in lower case (`Cactus`).
    let seen_lower = |w: &str| {
        let lower = w.to_lowercase();
        lower != w && lower_words.has(&lower)
    };
    let org_name = |(a, b): (usize, usize)| b - a >= 2 || tagger::is_org_word(doc.tok(a)) || seen_lower(doc.tok(a));
    let plain_word = |k: usize| {
        let w = doc.tok(k);
        // (Nor an honour named after a person: `César Award`, `Nobel Prize`.)
        !tagger::is_org_word(w) && !tagger::is_place_word(w) && !is_roman_numeral(w) && !seen_lower(w) && !matches!(w, "Award" | "Awards" | "Prize" | "Medal" | "Trophy")
    };
    // Words the document uses as a person's name on their own: surnames in use.
    // (Each with the token where the document first writes it so; and
    // those it writes so more than once.)
    let mut lone_persons: HashMap<&str, usize> = HashMap::default();
    let mut repeated: HashSet<&str> = HashSet::default();
    for s in spans.iter().filter(|s| s.2 == tagger::PER && s.1 - s.0 == 1 && !s.3) {
        if lone_persons.contains_key(doc.tok(s.0)) {
            repeated.insert(doc.tok(s.0));
        } else {
            lone_persons.insert(doc.tok(s.0), s.0);
        }
    }
    // A name after a role (`spokeswoman`) or before a speech verb is a person's.
    let introduced = |a: usize, b: usize| {
        (a > 0 && doc.tok(a - 1).starts_lower() && lexicon::is_role_noun(doc.tok(a - 1))) || (b < doc.tokens.len() && lexicon::is_finite_speech_verb(doc.tok(b)))
    };
    // A word read as MISC that may still be part of a person's name: no
    // nationality (`German`, `European`), creed (`Christian`), party or
    // function word.
    let may_be_name = |w: &str| !is_function_word(w) && !is_creed_word(w) && !is_party_word(w) && !is_demonym(w) && !tagger::demonym_suffix(&w.to_lowercase());
    // Names of one word, whatever their type, by how often the document has them.
    let mut lone_words: HashMap<&str, usize> = HashMap::default();
    for s in spans.iter().filter(|s| s.1 - s.0 == 1 && !s.3) {
        *lone_words.entry(doc.tok(s.0)).or_insert(0) += 1;
    }
    join_pairs(spans, |(a, b, t, headline), sp| {
        // Not in headlines: title case makes every word a candidate
        // (`Clinton Plan`, `Trump Was`).
        let touch = sp.0 == b && !headline && !sp.3 && !line_break_before(doc, b) && !title_case_line(doc, a);
        let mixed = (t == tagger::PER) != (sp.2 == tagger::PER) && t != tagger::O && sp.2 != tagger::O;
        // (Or two persons, a first name and a word: the tagger typed the
        // second otherwise and `consistent` made it the surname it is.)
        // (Or a word the tagger took for a place the gazetteer does not
        // know, and that the document names on its own elsewhere: `Donald` +
        // `Trump`, read as a place in some articles; not `Han` + `Dynasty`.)
        // (Or both typed MISC, a first name and a plain word: `Donald` +
        // `Trump`, where the tagger took the name for a word like
        // `Trumpism`; not a party, a creed or a nationality: `Christian
        // Democrats`.
        // Not a plural or an adjective's ending (`Winter Olympics`,
        // `Virginia Democratic`), nor a place's name first (`Atlanta
        // Games`).)
        let misc_pair = touch && t == tagger::MISC && sp.2 == tagger::MISC && may_be_name(doc.tok(a)) && {
            let w = doc.tok(sp.0);
            may_be_name(w) && !w.ends_with('s') && !w.ends_with("ic") && is_title_word(w) && gazetteer::lookup(w).is_none()
                && gazetteer::lookup(doc.tok(a)).is_none()
        };
        let first_and_surname = touch
            && (t == tagger::PER || misc_pair)
            && b - a == 1
            && sp.1 - sp.0 == 1
            && (sp.2 == tagger::PER
                || misc_pair
                || (sp.2 == tagger::LOC && lone_words.get(doc.tok(sp.0)).is_some_and(|&n| n >= 2) && place_of(doc, sp.0, sp.1, false).is_none()))
            && any_first_name(a)
            && plain_word(sp.0);
        if !(touch && (mixed || first_and_surname)) {
            None
        } else if first_and_surname {
            Some(tagger::PER)
        } else if t != tagger::PER {
            // An organisation or place, then a person: only a first
            // name joins (a nationality never does: `German Anke Huber`),
            // or a plain word before a surname the document uses on its
            // own after it, typed an organisation (`Bukayo` + `Saka`, then
            // `Saka scored`): a first name the lists do not know, in the
            // full name that introduces a person.
            // (The surname alone may come first in a title line: `Kenya's
            // Kipchoge returns`, then `Eliud Kipchoge will race`.)
            let introduces = lone_persons.get(doc.tok(sp.0)).is_some_and(|&f| f == sp.0 || (doc.paragraph_at(doc.tokens[f].span.start) == Some(0) && doc.paragraph_at(doc.tokens[sp.0].span.start) != Some(0)));
            let before_surname = t == tagger::ORG && sp.1 - sp.0 == 1 && repeated.contains(doc.tok(sp.0)) && introduces && plain_word(a) && place_of(doc, a, b, false).is_none();
            // (Or a plain word the tagger read as an organisation before a
            // full name that starts with no first name: the first of three
            // names, `Eusebius` + `Sophronius Hieronymus`, `Amer` + `Hishem
            // Ali Mohammed`. A name that starts with a first name starts
            // there: `Follow Rebecca Mansour`, `Actress Danai Gurira`. No
            // title, role, acronym, known organisation or `-ing` word
            // (`Copying Beethoven` is a film), nor the end of a longer name
            // (`Minister of Trade and Industry Tungky Ariwibowo`).)
            let before_full_name = || {
                let w = doc.tok(a);
                t == tagger::ORG
                    && sp.1 - sp.0 >= 2
                    && !(doc.tok(sp.0).starts_upper() && any_first_name(sp.0))
                    && plain_word(a)
                    && w.chars().any(char::is_lowercase)
                    && !lexicon::is_person_title(w)
                    && !lexicon::is_role_noun(w)
                    && !lexicon::is_person_noun(&w.to_ascii_lowercase())
                    && !is_known_organisation(w)
                    && !w.ends_with("ing")
                    && !is_brand_shape(w)
                    && !(a > 0 && matches!(doc.tok(a - 1), "of" | "and" | "&" | "for" | "the"))
                    && place_of(doc, a, b, false).is_none()
            };
            // (A first name read as MISC joins too, unless a nationality's
            // or creed's word: `Donald` + `Trump`; not `German Anke Huber`.)
            let misc_first = t == tagger::MISC && any_first_name(a) && plain_word(a) && may_be_name(doc.tok(a));
            (b - a == 1 && ((t != tagger::MISC && (first_name(a) || before_surname || before_full_name())) || misc_first || joined_first_names(a))).then_some(tagger::PER)
        } else if b - a == 1 && first_name(a) {
            (sp.1 - sp.0 == 1 && plain_word(sp.0)).then_some(tagger::PER)
        } else if b - a == 1 && sp.2 == tagger::ORG && sp.1 - sp.0 == 1 && plain_word(sp.0) && place_of(doc, sp.0, sp.1, false).is_none() && (names::in_table(&tagger::title_case(doc.tok(a))) || (names::census(doc.tok(a)).first && lone_words.get(doc.tok(sp.0)).is_some_and(|&n| n >= 2) && !doc.tokens.get(sp.1).is_some_and(|_| tagger::is_capitalised(doc.tok(sp.1)))) || introduced(a, sp.1)) {
            // One word the tagger read as a person's, then one it read as an
            // organisation's, which makes no organisation: a first name
            // the lists know as a word too, or only the census knows before
            // a word the document names on its own elsewhere too, ending the
            // run of capitals (`Donald` + `Trump`, where its other `Trump`s
            // led the tagger astray; not `Clinton` + `Global` + `Initiative`),
            // or none knows in a name introduced as a
            // person's, and a surname (`Pat` + `Caddell`, `spokeswoman
            // Melezia` + `Figueroa said`).
            Some(tagger::PER)
        } else if sp.2 == tagger::ORG && !first_name(a) && org_name((sp.0, sp.1)) {
            Some(tagger::ORG)
        } else {
            None
        }
    })
}

/// A word the document uses to name a kind of thing is no person: after
/// `The Beavertail Cactus` (a name that `joined_names` made of a word and a
/// noun the document also writes in lower case), `grow Beavertail cactus`
/// and `Beavertail can be done` name the plant. A one-word person that
/// opens such a name elsewhere, that no name list knows, and that ends no
/// person's full name nor stands once where a person's name does (after a
/// title, before a speech verb or a possessive), is MISC wherever it
/// stands alone.
pub(super) fn kind_names(doc: &Document, lower_words: &LowerWords, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    // (Most documents have no lone person that also opens another name.)
    let lone: HashSet<&str> = spans.iter().filter(|s| s.2 == tagger::PER && s.1 - s.0 == 1).map(|s| doc.tok(s.0)).collect();
    if lone.is_empty() {
        return spans;
    }
    let kinds: HashSet<&str> = spans
        .iter()
        .filter(|s| s.2 != tagger::PER && s.1 - s.0 == 2 && lone.contains(doc.tok(s.0)) && {
            let noun = doc.tok(s.0 + 1);
            let lower = noun.to_lowercase();
            // (Not a person's own team or times: `Obama Administration`.)
            let persons_noun = matches!(
                lower.as_str(),
                "administration" | "cabinet" | "camp" | "campaign" | "doctrine" | "era" | "family" | "foundation" | "government" | "presidency" | "regime" | "team" | "years"
            );
            lower != noun && !persons_noun && lower_words.has(&lower)
        })
        .map(|s| doc.tok(s.0))
        .filter(|w| {
            let c = names::census(w);
            !(c.first || c.surname || names::in_table(w))
        })
        .collect();
    if kinds.is_empty() {
        return spans;
    }
    // A word written once as a person's name is (`President Obama`,
    // `Obama’s response`, `Obama said`), whatever the `Obama
    // Administration` elsewhere.
    let possessive = |b: usize| b < doc.tokens.len() && matches!(doc.tok(b), "’s" | "'s");
    let persons: HashSet<&str> = spans
        .iter()
        .filter(|s| s.2 == tagger::PER && (s.1 - s.0 >= 2 || lone_name_in_context(doc, s.0) || possessive(s.1)))
        .map(|s| doc.tok(s.1 - 1))
        .collect();
    for sp in spans.iter_mut() {
        if sp.2 == tagger::PER && sp.1 - sp.0 == 1 && kinds.contains(doc.tok(sp.0)) && !persons.contains(doc.tok(sp.0)) {
            sp.2 = tagger::MISC;
        }
    }
    spans
}

/// An owner of kin is a person: `Gauff's father`, `Clooney's wife`; so is
/// a name that is born, dies or marries (see [`lives_as_person`]). The
/// tagger, not knowing a name, may type it an organisation (`Coco Gauff won
/// the final`, `Pachomius` throughout a saint's life); such a mention is a
/// person's, and [`agree_types`] then gives the name that type wherever
/// else the document writes it, however often the tagger said otherwise.
/// Not a place, which may own its sons and daughters.
pub(super) fn kin_owners(doc: &Document, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    for sp in spans.iter_mut() {
        let (a, b, t, headline) = *sp;
        if (t == tagger::ORG || t == tagger::MISC) && !headline && lives_as_person(doc, (a, b)) && place_of(doc, a, b, false).is_none() {
            sp.2 = tagger::PER;
        }
    }
    spans
}

/// Whether the words after a name ending at `b` say a person's life: it
/// owns kin (`Gauff's father`) or is born, dies, marries, resigns
/// (`In 348 Pachomius died`), or, a name of at most two plain words,
/// speaks of itself as `she` or `he` (`DuVernay said she felt`; not `the
/// Republican Party of Wyoming said he`). A firm or a country does none of
/// these.
fn lives_as_person(doc: &Document, (a, b): (usize, usize)) -> bool {
    let n = doc.tokens.len();
    let at = |k: usize| if k < n { doc.tok(k) } else { "" };
    let plain = || b - a <= 2 && (a..b).all(|k| tagger::is_capitalised(doc.tok(k)) && !tagger::is_org_word(doc.tok(k)));
    (matches!(at(b), "’s" | "'s") && lexicon::kin_gender(at(b + 1)).is_some())
        || (lexicon::is_finite_speech_verb(at(b)) && matches!(at(b + 1), "she" | "he") && plain())
        || matches!(at(b), "died" | "dies" | "married" | "resigned")
        || (at(b) == "was" && matches!(at(b + 1), "born" | "buried" | "baptized" | "baptised" | "ordained" | "knighted"))
}

/// A name the tagger typed an organisation or place is a person's where a
/// role names them: a person noun right before it (`prime minister
/// Yoshihiko Noda`, `analyst Koichi Nakano`: [`lexicon::is_title_noun`]) or
/// heading the phrase after it, a comma and `a`, `an` or `the` (`Koichi
/// Nakano, a political scientist at`: [`lexicon::is_person_noun`]). The tagger, trained on 1996 wire
/// copy, reads many Japanese, Chinese and African names so. Not a name of
/// four words or more, nor one ending in an organisation or place word
/// (`Sophia University, a private school`), nor one the gazetteer knows
/// whole. A person's surname that is also a city's, alone before a speech
/// verb, is the person (`Noda said`).
pub(super) fn persons_by_role(doc: &Document, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    // The head of `a political scientist at`: the last of up to three
    // lower-case words, before a comma, a stop or a preposition (not `the
    // candidate boasted`, `a secessionist group`, `a group of activist`).
    let role_after = |b: usize| {
        if !(b + 2 < n && doc.tok(b) == "," && matches!(doc.tok(b + 1), "a" | "an" | "the")) {
            return false;
        }
        let ends = |k: usize| k >= n || matches!(doc.tok(k), "," | "." | ";" | "at" | "of" | "for" | "in" | "with" | "who" | "from" | "and");
        let mut k = b + 2;
        while k < n && k < b + 5 && doc.tok(k).starts_lower() && !ends(k) {
            k += 1;
        }
        k > b + 2 && ends(k) && lexicon::is_person_noun(doc.tok(k - 1))
    };
    let title_at = |k: usize| doc.tokens[k].kind == TokenKind::Word && lexicon::is_title_noun(doc.tok(k));
    let name_word = |w: &str| tagger::is_capitalised(w) || has_article_prefix(w);
    for i in 0..spans.len() {
        let (a, b, t, headline) = spans[i];
        if !(t == tagger::ORG || t == tagger::LOC) || headline || b - a > 3 || !(a..b).all(|k| name_word(doc.tok(k))) {
            continue;
        }
        // (The role first: it is rare, the gazetteer lookup is not cheap.)
        let role = (a > 0 && title_at(a - 1) && !line_break_before(doc, a)) || role_after(b);
        let last = doc.tok(b - 1);
        if role && !(tagger::is_org_word(last) || tagger::is_place_word(last) || is_place_suffix(last) || place_of(doc, a, b, false).is_some()) {
            spans[i].2 = tagger::PER;
            // `Majed al-Ansari`: a given name the lists lack, left untagged
            // before a surname with an Arabic article, is part of the name.
            let free = |k: usize| i == 0 || spans[i - 1].1 <= k;
            if has_article_prefix(doc.tok(a)) && a > 0 && free(a - 1) && tagger::is_capitalised(doc.tok(a - 1)) && !is_function_word(doc.tok(a - 1)) && !line_break_before(doc, a) {
                spans[i].0 = a - 1;
            }
        }
    }
    let surnames: HashSet<&str> = spans.iter().filter(|sp| sp.2 == tagger::PER && sp.1 - sp.0 >= 2 && !sp.3).map(|sp| doc.tok(sp.1 - 1)).collect();
    // A person's surname alone is the person where the tagger made it an
    // organisation (`al-Ansari said`, `Romney`), when it is a word of a
    // name (not `PAC` of a misread `Ready for Hillary PAC`), and where it
    // made it the town the gazetteer knows by it, before a speech verb
    // (`Noda said`).
    for sp in spans.iter_mut() {
        let (a, b, t, headline) = *sp;
        if b - a != 1 || headline || !surnames.contains(doc.tok(a)) || names_family(doc, a) {
            continue;
        }
        let w = doc.tok(a);
        if (t == tagger::ORG && w.chars().any(char::is_lowercase) && !tagger::is_org_word(w)) || (t == tagger::LOC && b < n && lexicon::is_speech_verb(doc.tok(b)) && place_of(doc, a, b, false).is_some_and(|p| p.feature == gazetteer::Feature::City)) {
            sp.2 = tagger::PER;
        }
    }
    spans
}

/// A name with an Arabic article joined to it (`al-Ansari`, `el-Sisi`).
pub(super) fn has_article_prefix(w: &str) -> bool {
    ["al-", "el-", "Al-", "El-"].iter().any(|p| w.strip_prefix(p).is_some_and(tagger::is_capitalised))
}

/// A person's name with a lower-case particle is one name: `André Corrêa
/// do Lago`, `Ursula von der Leyen`, `Osama bin Laden`, which the tagger
/// cuts at the particle into a person, an organisation and nothing. The
/// capitalised words around the particles (up to three before, one after)
/// are a person when the first is a census first name (not Moby's, which
/// also lists `Happy`, `Vale` and `El`), or, with a particle of
/// Germanic or Arabic names (`van`, `von`, `bin`, `al`), when the tagger
/// read one of them as a person's: places (`Rio Grande do Sul`) and
/// institutions (`Universidad Nacional de Educación`) have neither, and a
/// place or institution named after a person stays one (`Charles de Gaulle
/// Airport`), as does a name the gazetteer knows or one opened by a place
/// word (`Santiago de Cuba`, `Santa Maria de Pocosol`).
pub(super) fn particle_names(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let particle = |k: usize| matches!(doc.tok(k), "de" | "da" | "do" | "dos" | "das" | "du" | "del" | "della" | "di" | "van" | "von" | "der" | "den" | "ter" | "bin" | "ibn" | "al" | "la");
    // A capitalised word in the same line as the token before it.
    let word = |k: usize| doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(doc.tok(k));
    let joined = |k: usize| !line_break_before(doc, k);
    let mut found: Vec<TypedSpan> = Vec::new();
    let mut i = 1;
    while i + 1 < doc.tokens.len() {
        let mut j = i;
        while j < doc.tokens.len() && j < i + 3 && particle(j) && joined(j) {
            j += 1;
        }
        // (`la` only after another particle: `de la`.)
        if j == i || doc.tok(i) == "la" || j >= doc.tokens.len() || !word(j) || !joined(j) || !word(i - 1) {
            i = j.max(i + 1);
            continue;
        }
        let mut a = i - 1;
        while a > 0 && a + 3 > i && joined(a) && word(a - 1) && !is_function_word(doc.tok(a - 1)) && !lexicon::is_person_title(doc.tok(a - 1)) {
            a -= 1;
        }
        let tagged = |k: usize| span_at(&spans, k).is_some_and(|sp| sp.2 == tagger::PER);
        // Romance particles also join the words of places and institutions
        // (`Palacio del Gobierno`, `Correio de Manha`): only after a first name.
        let romance = (i..j).any(|k| doc.tok(k).starts_with('d') || doc.tok(k) == "la");
        let last = doc.tok(j);
        let named_after = doc.tokens.get(j + 1).is_some_and(|_| {
            let next = tagger::title_case(doc.tok(j + 1));
            tagger::is_place_word(&next) || tagger::is_org_word(&next)
        });
        let place = tagger::is_place_word(doc.tok(a)) || place_of(doc, a, j + 1, false).is_some();
        if last.len() > 1 && !is_function_word(last) && !named_after && !place && (names::census(doc.tok(a)).first || (!romance && (a..=j).any(tagged))) {
            found.push((a, j + 1, tagger::PER, span_at(&spans, a).is_some_and(|sp| sp.3)));
        }
        i = j + 1;
    }
    if found.is_empty() {
        return spans;
    }
    merge(without_overlaps(spans, &found), found)
}

/// A first name the tagger left out, right before a person's name, is part
/// of it: `Hillary` of `Hillary Clinton spoke out Tuesday`, where the first
/// word of a sentence (capitalised whatever it is) was read as no name.
/// Only a word both name lists give as a first name and that is no common
/// word (not `Will`, `May`, `Price`: the document writes none of them in
/// lower case), no title (`Dame`), no day or month, in the same line,
/// outside headlines.
pub(super) fn first_names_before_persons(doc: &Document, lower_words: &LowerWords, mut spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let first_name = |w: &str| {
        names::is_first_name(w)
            && names::census(w).first
            && !lexicon::is_person_title(w)
            && !is_function_word(w)
            && !tagger::is_calendar_word(w)
            && !lower_words.has(&w.to_lowercase())
    };
    let mut prev_end = 0;
    for sp in spans.iter_mut() {
        let (a, _, t, headline) = *sp;
        let k = a.wrapping_sub(1);
        if t == tagger::PER
            && !headline
            && a > prev_end
            && doc.tokens[k].kind == TokenKind::Word
            && sentence_of(doc, k) == sentence_of(doc, a)
            && !line_break_before(doc, a)
            && tagger::is_capitalised(doc.tok(k))
            && first_name(doc.tok(k))
        {
            sp.0 = k;
        }
        prev_end = sp.1;
    }
    spans
}

/// The regnal number one belongs to a sovereign's name: `Queen Elizabeth I`,
/// `King Baudouin I born`. The tagger reads `I` as the pronoun and stops
/// before it (it keeps `II`, `VIII`); without it, `Elizabeth I` would be one
/// person with `Elizabeth II`. The name follows a sovereign's title, or
/// starts with one, and `I` is on the same line.
pub(super) fn regnal_ones(doc: &Document, mut spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let sovereign = |k: usize| matches!(doc.tok(k), "King" | "Queen" | "Emperor" | "Empress" | "Tsar" | "Czar" | "Pope" | "Shah" | "Sultan" | "Kaiser");
    let n = doc.tokens.len();
    for k in 0..spans.len() {
        let (a, b, t, _) = spans[k];
        let titled = (a > 0 && sovereign(a - 1)) || (b - a >= 2 && sovereign(a));
        // (Not the pronoun after all: `meeting Queen Elizabeth I felt calm`.)
        let pronoun = b + 1 < n
            && matches!(
                doc.tok(b + 1),
                "am" | "said" | "say" | "told" | "asked" | "felt" | "feel" | "think" | "thought" | "know" | "knew" | "have" | "had" | "saw" | "want" | "wanted"
                    | "will" | "would" | "can" | "could" | "hope" | "believe" | "guess" | "met" | "mean"
            );
        if t == tagger::PER && titled && b < n && doc.tok(b) == "I" && !pronoun && !line_break_before(doc, b) && spans.get(k + 1).is_none_or(|s| s.0 > b) {
            spans[k].1 = b + 1;
        }
    }
    spans
}

/// A first name that is also a place or a firm, right before a surname,
/// is a person's: `Chad Ogea`, `Georgia Smith`, `Victoria Beckham`, `Bill
/// Ackman`. The tagger types the first word by the place or firm it knows
/// and leaves the surname alone or makes it a name of its own. The first
/// word is a census first name, not in capitals, not a continent or region
/// (`Asia Minor`); the next, on the same line after one space, is a
/// capitalised word alone (untagged, or a one-word span of its own) that
/// reads as a surname: a person's by the tagger or a surname by the census,
/// and no place, firm, title, function or calendar word, no plural (`Star
/// Wars`), no place the gazetteer knows, with no capitalised word running
/// on after it (`Jordan River Park`). (The document's lower-case words
/// are no test here: `bill` does not make `Bill Ackman` a word.)
pub(super) fn place_named_persons(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    let capitalised = |k: usize| k < n && doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(doc.tok(k));
    // (Not in capitals: `MYRTLE BEACH`.)
    let plain = |w: &str| w.len() > 2 && w.bytes().skip(1).any(|c| c.is_ascii_lowercase()) && !is_function_word(w) && !tagger::is_calendar_word(w);
    // (A new vector rather than removals from this one: a long text of such
    // names stays linear.)
    let mut out: Vec<TypedSpan> = Vec::with_capacity(spans.len());
    let mut i = 0;
    while i < spans.len() {
        let (a, b, t, headline) = spans[i];
        let (x, y) = (doc.tok(a), if b < n { doc.tok(b) } else { "" });
        i += 1;
        // (A continent or region is no one's first name: `Asia Minor`.)
        let first = matches!(t, tagger::LOC | tagger::ORG)
            && !headline
            && b == a + 1
            && names::census(x).first
            && gazetteer::lookup(x).is_none_or(|p| p.feature.is_territory())
            && plain(x);
        let surname = first
            && capitalised(b)
            && !capitalised(b + 1)
            && &doc.text[doc.tokens[a].span.end..doc.tokens[b].span.start] == " "
            && !(y.ends_with('s') && !y.ends_with("ss"))
            && !lexicon::is_person_title(y)
            && !tagger::is_place_word(y)
            && !tagger::is_org_word(y)
            && gazetteer::lookup(y).is_none()
            && plain(y);
        // The surname stands alone, a person's by the tagger or a surname
        // by the census.
        let next = spans.get(i).filter(|sp| sp.0 == b).copied();
        if !surname || next.is_some_and(|sp| sp.1 != b + 1 || sp.3) || !(next.is_some_and(|sp| sp.2 == tagger::PER) || names::census(y).surname) {
            out.push(spans[i - 1]);
            continue;
        }
        if next.is_some() {
            i += 1;
        }
        out.push((a, b + 1, tagger::PER, false));
    }
    out
}

/// Authors in citations are persons ([`citations::is_cited`]): a one-word
/// organisation span becomes a person, and an untagged word a new one.
/// Places, works and teams stay: `in Paris (1927)`, the films `Watchmen
/// (2009)` and `Match Point (2005)`, and `Pittsburgh Pirates (2012)` have
/// the frame of a citation.
pub(super) fn cited_persons(doc: &Document, tags: &[u8], mut spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    // Citations hold a year: documents without a 4-digit number have none.
    if !doc.text.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit)) {
        return spans;
    }
    let covered = covered(doc, &spans);
    // (Nor a team after its town: `Pittsburgh Pirates (2012)` in a
    // player's career.)
    let mut town_before = vec![false; doc.tokens.len()];
    for s in spans.iter().filter(|s| s.2 == tagger::LOC && s.1 < doc.tokens.len() && !line_break_before(doc, s.1)) {
        town_before[s.1] = true;
    }
    // (Nor the last word of a longer title-case name: films in a career,
    // `Match Point (2005)`, `Cemetery Junction (2010)`. An author may come
    // after a first name or a title, or open the sentence: `In Chomsky
    // (1965)`, `Professor Moretti (2013)`.)
    let ends_title = |i: usize| {
        i > 0
            && doc.tokens[i - 1].kind == TokenKind::Word
            && tagger::is_capitalised(doc.tok(i - 1))
            && !line_break_before(doc, i)
            && has_word_before(doc, i - 1)
            && !names::is_first_name(doc.tok(i - 1))
            && !lexicon::is_person_title(doc.tok(i - 1))
    };
    // (The citation's test first: it is rare.)
    let kept = |i: usize| citations::is_cited(doc, i) && !town_before[i] && !ends_title(i);
    for sp in spans.iter_mut() {
        if sp.1 - sp.0 == 1 && sp.2 == tagger::ORG && kept(sp.0) {
            sp.2 = tagger::PER;
        }
    }
    let extra: Vec<_> = (0..doc.tokens.len())
        .filter(|&i| tags[i] == tagger::O && !covered[i] && kept(i))
        .map(|i| (i, i + 1, tagger::PER, false))
        .collect();
    merge(spans, extra)
}

/// Forms of address are persons: `Madam Speaker`, `Mr. President`, `Madam
/// Chair` name the person holding the office, and neither word alone is
/// that person's name (the tagger, seeing a title, keeps one or the other).
/// Spans over the two words give way.
pub(super) fn address_forms(doc: &Document, spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    let mut forms: Vec<(usize, usize, u8, bool)> = Vec::new();
    for i in 0..doc.tokens.len().saturating_sub(1) {
        let is_address = matches!(doc.tok(i), "Madam" | "Madame" | "Mister" | "Mr." | "Mr")
            && doc.tokens[i + 1].kind == TokenKind::Word
            && lexicon::is_person_title(doc.tok(i + 1))
            && !matches!(doc.tok(i + 1), "Mr." | "Mr" | "Mrs." | "Ms." | "Miss" | "Dr." | "Sir" | "Lady" | "Lord")
            // `Mr. President Obama`: the title of a name, not an address.
            && !(i + 2 < doc.tokens.len() && tagger::is_capitalised(doc.tok(i + 2)) && doc.tokens[i + 2].kind == TokenKind::Word);
        if is_address && !line_break_before(doc, i + 1) {
            forms.push((i, i + 2, tagger::PER, false));
        }
    }
    if forms.is_empty() {
        return spans;
    }
    // (`forms` is in token order and no two overlap: a title word is no
    // form of address.)
    merge(without_overlaps(spans, &forms), forms)
}

/// A title the tagger cut from the name after it is no name of its own:
/// `Queen` of `Queen Letizia`, typed an organisation (the band),
/// `President` of `President Moon`. One title word, any type but person,
/// right before a person on the same line, is dropped.
///
/// A title that has become part of what the person is called is kept in
/// the name, tagged or not ([`is_name_bound_title`]): `Emperor Norton`,
/// `Empress Jingū`, `Shah Abbas`.
pub(super) fn titles_before_persons(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let title_before = |k: usize, &(a, b, t, _): &TypedSpan| {
        t != tagger::PER && b == a + 1 && spans.get(k + 1).is_some_and(|n| n.0 == b && n.2 == tagger::PER) && lexicon::is_person_title(doc.tok(a)) && !line_break_before(doc, b)
    };
    let bound = |&(a, _, t, _): &TypedSpan| t == tagger::PER && a > 0 && is_name_bound_title(doc.tok(a - 1)) && !line_break_before(doc, a);
    if !spans.iter().enumerate().any(|(k, sp)| title_before(k, sp) || bound(sp)) {
        return spans;
    }
    let mut out: Vec<TypedSpan> = Vec::with_capacity(spans.len());
    for (k, &sp) in spans.iter().enumerate() {
        if title_before(k, &sp) {
            continue;
        }
        let mut sp = sp;
        // (The title's own span, if the tagger made one, goes; inside a
        // longer name, the title is left to it.)
        if bound(&sp) && out.last().is_none_or(|p| p.1 < sp.0 || (p.0 == sp.0 - 1 && p.1 == sp.0)) {
            if out.last().is_some_and(|p| p.1 == sp.0) {
                out.pop();
            }
            sp.0 -= 1;
        }
        out.push(sp);
    }
    out
}

/// A word right after a title is the name it introduces, where the tagger
/// left it out (`and Senator WARNOCK.`, `Constantine the Great`): a
/// capitalised word no span covers, after a title word that makes a person
/// on its own ([`lexicon::is_strong_title`]) on the same line, or before
/// an epithet (`the Great`, `the Elder`, `the Younger`). Not a word the
/// document also writes in lower case (`President Elect`), nor a word of
/// an organisation's or a place's name, nor a place. With it go a second
/// such word (`Chairman Reince Priebus`) or the person's name it opens
/// (`Reince` + `Priebus`), outside title-case lines.
pub(super) fn names_after_titles(doc: &Document, lower_words: &LowerWords, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    let mut cov: Option<Vec<bool>> = None;
    let mut found: Vec<TypedSpan> = Vec::new();
    for k in 1..n {
        let w = doc.tok(k);
        if doc.tokens[k].kind != TokenKind::Word || !w.starts_upper() || w.len() < 2 {
            continue;
        }
        // (Titles are capitalised: a byte test before the list's.)
        let titled = doc.tok(k - 1).as_bytes().first().is_some_and(u8::is_ascii_uppercase) && lexicon::is_strong_title(doc.tok(k - 1)) && !line_break_before(doc, k);
        let epithet = k + 2 < n && doc.tok(k + 1) == "the" && matches!(doc.tok(k + 2), "Great" | "Elder" | "Younger");
        if !(titled || epithet) {
            continue;
        }
        // (Past a name of two words found just before.)
        if found.last().is_some_and(|f: &TypedSpan| f.1 > k) {
            continue;
        }
        let cov = cov.get_or_insert_with(|| covered(doc, &spans));
        let plain = |k: usize| {
            let w = doc.tok(k);
            let lower = w.to_lowercase();
            doc.tokens[k].kind == TokenKind::Word
                && is_name_shaped(w)
                && !lexicon::is_person_title(w)
                && !is_function_word(w)
                && !tagger::is_calendar_word(w)
                && !tagger::is_org_word(w)
                && !tagger::is_place_word(w)
                && gazetteer::lookup(w).is_none()
                && !(lower != w && lower_words.has(&lower))
        };
        if cov[k] || !plain(k) {
            continue;
        }
        // (A first name the tagger left out before the rest of the name
        // joins it: `Chairman Reince` + `Priebus`.)
        if cov.get(k + 1).is_some_and(|&c| c) && !line_break_before(doc, k + 1) && !tagger::is_title_case(doc, sentence_of(doc, k)) {
            if let Some(j) = span_index(&spans, k + 1).filter(|&j| spans[j].0 == k + 1 && spans[j].2 == tagger::PER) {
                found.push((k, spans[j].1, tagger::PER, spans[j].3));
            }
            continue;
        }
        // (And a name of two words the tagger left out: `Chairman Reince
        // Priebus`; not in a title-case line, where every word is
        // capitalised: `Mr. Trump Goes to Washington`.)
        let next_word = k + 1 < n && !cov[k + 1] && plain(k + 1) && !line_break_before(doc, k + 1) && !tagger::is_title_case(doc, sentence_of(doc, k));
        found.push((k, k + 1 + usize::from(next_word), tagger::PER, false));
    }
    if found.is_empty() {
        return spans;
    }
    // (A joined name replaces the span it starts.)
    let spans = without_overlaps(spans, &found);
    merge(spans, found)
}

/// A title that has become part of a person's name: a monarch's (`Emperor
/// Norton`, `Empress Jingū`, `Tsar Peter`, `Shah Abbas`), `Madame` (`Madame
/// Tussaud`), a saint's `St` without its period (`St Jerome`, as British
/// English writes it) and a Coptic abbot's `Apa`. News and encyclopedias keep them
/// with the name, where `President`, `Senator` or `Dr.` stay outside it.
pub(super) fn is_name_bound_title(w: &str) -> bool {
    matches!(w, "Apa" | "Emperor" | "Empress" | "Madame" | "Shah" | "St" | "Tsar" | "Tsarina" | "Tsaritsa" | "Tsarevich" | "Tsarevna")
}

/// A name with a nickname in quotation marks inside it is one person's
/// name: `Hector "Macho" Camacho`, `Marcia “Cia” Price`, `Roberto "Hands
/// of Stone" Duran`. The tagger reads the words on either side of the
/// marks apart (`Hector` a place, `Camacho` another), so the name is put
/// together here: a person's name or a first name right before the
/// opening mark, one to three words hugged by the marks, the first and the
/// last capitalised, and a person's name or a surname right after the
/// closing mark, outside headlines (whose every word is capitalised).
pub(super) fn nicknamed_persons(doc: &Document, spans: Vec<TypedSpan>) -> Vec<TypedSpan> {
    let n = doc.tokens.len();
    let t = |k: usize| &doc.tokens[k];
    let cap = |k: usize| t(k).kind == TokenKind::Word && tagger::is_capitalised(doc.tok(k));
    let mark = |k: usize| t(k).kind != TokenKind::Word && doc.tok(k).starts_with(is_quote_mark);
    let mut found: Vec<TypedSpan> = Vec::new();
    for k in 1..n.saturating_sub(3) {
        if !mark(k) || !cap(k - 1) || !cap(k + 1) || t(k - 1).span.end == t(k).span.start || t(k).span.end != t(k + 1).span.start || line_break_before(doc, k) {
            continue;
        }
        let Some(c) = (k + 2..(k + 5).min(n - 1)).find(|&j| mark(j)) else { continue };
        if t(c - 1).span.end != t(c).span.start || t(c).span.end == t(c + 1).span.start || !cap(c - 1) || !cap(c + 1) || line_break_before(doc, c + 1) {
            continue;
        }
        // A person's span is taken in whole; a one-word span of another
        // type is the tagger's misreading (`Hector` a place); a longer one
        // is a name of its own (`Acme Hector`): then no rule applies.
        let (at_before, at_after) = (span_at(&spans, k - 1), span_at(&spans, c + 1));
        if [at_before, at_after].iter().flatten().any(|sp| sp.2 != tagger::PER && sp.1 - sp.0 > 1) {
            continue;
        }
        let after = at_after.filter(|sp| sp.2 == tagger::PER);
        if after.is_none() && !names::census(doc.tok(c + 1)).surname {
            continue;
        }
        let before = at_before.filter(|sp| sp.2 == tagger::PER);
        let person_before = before.is_some() || names::census(doc.tok(k - 1)).first;
        if !person_before || tagger::is_headline(doc, sentence_of(doc, k)) || found.last().is_some_and(|f| f.1 > k - 1) {
            continue;
        }
        let a = before.map_or(k - 1, |sp| sp.0);
        let b = after.map_or(c + 2, |sp| sp.1);
        found.push((a, b, tagger::PER, false));
    }
    merge(without_overlaps(spans, &found), found)
}

/// Whether the one-word span at `a`, typed `t` (not a person), may be a
/// full name's surname written alone: not a place the gazetteer knows, a
/// party's member (`Democrats`, ending a name by mistake), a nationality
/// the tagger read as one, nor a family (`the Bernoulli family`).
pub(super) fn may_be_lone_surname(doc: &Document, a: usize, t: u8) -> bool {
    let w = doc.tok(a);
    gazetteer::lookup(w).is_none() && !is_party_word(w) && !is_nationality(doc, a, t) && !names_family(doc, a)
}

/// Whether the one-word span at `a`, typed `t`, is a nationality the tagger
/// read as one: MISC, and a demonym of a country, subdivision, continent or
/// region the gazetteer knows (`European`, `Albanian`, `Italian`,
/// `Chinese`). It is no surname, even when a name the tagger made ends with
/// it (`Ten European countries`); `Guardian`, `Christian` name no place.
pub(super) fn is_nationality(doc: &Document, a: usize, t: u8) -> bool {
    t == tagger::MISC && is_demonym(doc.tok(a))
}

/// Whether `w` is the demonym of a place that is not a city: `-n` (`Korean`,
/// `American`, `German` of `Germany`), `-an` (`European`), `-ian` of `-y`
/// or `-a` (`Italian`, `Canadian`, `Brazilian`), `-ese` (`Japanese`,
/// `Chinese`), and the nouns of a few (`Finn`, `Swede`, `Scot`).
fn is_demonym(w: &str) -> bool {
    if !w.is_ascii() || w.len() < 4 {
        return false;
    }
    if matches!(w, "Finn" | "Swede" | "Dane" | "Pole" | "Scot" | "Turk" | "Thai") {
        return true;
    }
    // (Ending, bytes cut, then added: the place's name. Each ending has its
    // own stems: `Mary` is no demonym of Maryland, nor `Holt` of Holland.)
    const FORMS: [(&str, usize, &str); 8] =
        [("n", 1, ""), ("n", 0, "y"), ("an", 2, ""), ("ian", 3, "y"), ("ian", 3, "a"), ("ian", 3, ""), ("ese", 3, ""), ("ese", 3, "a")];
    let mut buf = String::new();
    FORMS.iter().any(|&(end, cut, add)| {
        w.ends_with(end) && {
            buf.clear();
            buf.push_str(&w[..w.len() - cut]);
            buf.push_str(add);
            gazetteer::lookup(&buf).is_some_and(|place| place.feature != gazetteer::Feature::City)
        }
    })
}

/// One name, one type: the tagger decides each occurrence of a name on its
/// own, and an unfamiliar name (`Pachomius`, `Dvořák`) comes out a person in
/// some sentences and an organisation in others. An organisation span is a
/// person when the same text is more often a person in the
/// document (a club or firm named like a person stays one: `Rotor`, once a
/// person in a headline), or when it is a run of plain capitalised words
/// ending in a person's name (`Antonín Dvořák` beside `Dvořák`). Besides
/// organisations, only a full name's surname alone typed a place or MISC
/// changes (`Donald Trump` … `at Trump`: names the pass joined after
/// `consistent` read the surnames): a name that is both a person and a
/// place the gazetteer knows (`Washington`) is told apart by context.
///
/// A mention that lives as a person ([`lives_as_person`]) outweighs any
/// count, and one the tagger left untagged (`In 348 Pachomius died`) is
/// then that person's mention too. A person of a place read as one
/// organisation (`Theodorus of Tabennese`) is split in two where the
/// document names the person three times or introduces them as someone's
/// kin or friend (`his friend Bonosus of Sardica`).
pub(super) fn agree_types(doc: &Document, mut spans: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    // Per name: occurrences as a person minus occurrences as an organisation.
    // (Signed counts kept in a `usize` map, two's complement, read back as
    // `isize`: a type the crate has already, for one copy of the hash
    // table's code less.)
    let mut names: HashMap<String, usize> = HashMap::default();
    let count = |n: &usize| *n as isize;
    let mut last_words: HashSet<&str> = HashSet::default();
    let mut first_words: HashSet<&str> = HashSet::default();
    for &(a, b, t, headline) in &spans {
        if t == tagger::PER && b - a >= 2 && !headline {
            first_words.insert(doc.tok(a));
        }
        if t == tagger::ORG {
            let n = names.entry(span_key(doc, a, b, headline)).or_insert(0);
            *n = n.wrapping_sub(1);
        }
        if t == tagger::PER {
            // (A mention that lives as a person outweighs any count.)
            let votes = if !headline && lives_as_person(doc, (a, b)) { 1000 } else { 1 };
            let n = names.entry(span_key(doc, a, b, headline)).or_insert(0);
            *n = n.wrapping_add(votes);
            let last = doc.tok(b - 1);
            if !headline && last.chars().count() > 1 && tagger::is_capitalised(last) {
                last_words.insert(last);
            }
        }
    }
    // So does a person of a place introduced as someone's kin or friend
    // (`his friend Bonosus of Sardica`, read as one organisation): see
    // `person_of_place` below.
    // (One word each side of `of`, both plain capitalised words, read as
    // one organisation: the shape of a person of a place.)
    let of_place = |&(a, b, t, headline): &TypedSpan| {
        t == tagger::ORG && !headline && b == a + 3 && doc.tok(a + 1) == "of" && [a, a + 2].iter().all(|&k| tagger::is_capitalised(doc.tok(k)) && !tagger::is_org_word(doc.tok(k)))
    };
    for &(a, b, t, headline) in &spans {
        if of_place(&(a, b, t, headline)) && a >= 2 && matches!(doc.tok(a - 2), "his" | "her" | "their" | "my" | "our" | "your") && {
            let w = doc.tok(a - 1);
            w == "friend" || lexicon::kin_gender(w).is_some()
        } {
            let n = names.entry(doc.tok(a).to_string()).or_insert(0);
            *n = n.wrapping_add(1000);
        }
    }
    // So does a lone capitalised word the tagger left out (`In 348
    // Pachomius died`), which is then that person too.
    let mut untagged: Vec<usize> = Vec::new();
    if !names.is_empty() {
        let in_span = covered(doc, &spans);
        for k in 0..doc.tokens.len().saturating_sub(1) {
            if in_span[k] || doc.tokens[k].kind != TokenKind::Word || !tagger::is_capitalised(doc.tok(k)) {
                continue;
            }
            if let Some(n) = names.get_mut(doc.tok(k)).filter(|_| lives_as_person(doc, (k, k + 1))) {
                *n = n.wrapping_add(1000);
                untagged.push(k);
            }
        }
    }
    // The surnames of the full names, as `consistent` reads them before the
    // pass joins names the tagger split (`Donald` + `Trump`).
    let surnames: HashSet<&str> = spans.iter().filter(|s| s.2 == tagger::PER && s.1 - s.0 >= 2 && !s.3).map(|s| doc.tok(s.1 - 1)).collect();
    for sp in spans.iter_mut() {
        let (a, b, t, headline) = *sp;
        // A full name's surname alone is that person ([`may_be_lone_surname`]:
        // not `European integration` after `Ten European countries` taken
        // for a name).
        if matches!(t, tagger::LOC | tagger::MISC) && b - a == 1 && !headline && surnames.contains(doc.tok(a)) && may_be_lone_surname(doc, a, t) {
            sp.2 = tagger::PER;
            continue;
        }
        if t != tagger::ORG {
            continue;
        }
        let plain_name = b - a >= 2
            && last_words.contains(doc.tok(b - 1))
            && (a..b).all(|k| {
                let w = doc.tok(k);
                doc.tokens[k].kind == TokenKind::Word && tagger::is_capitalised(w) && !tagger::is_org_word(w) && !tagger::is_place_word(w)
            });
        // `Eliud Kipchoge …` then `“Eliud remains an inspiration”`: a
        // person's given name alone.
        let w = doc.tok(a);
        let given = b - a == 1 && first_words.contains(w) && w.chars().skip(1).all(char::is_lowercase) && names::is_first_name(w) && !tagger::is_org_word(w) && !tagger::is_place_word(w) && place_of(doc, a, b, headline).is_none();
        if plain_name || given || names.get(&span_key(doc, a, b, headline)).is_some_and(|n| count(n) > 0) {
            sp.2 = tagger::PER;
        }
    }
    // `Theodorus of Tabennese`, read as one organisation, where the
    // document's `Theodorus` is a person (three times at least, not once
    // by mistake: `Game of Thrones`): the person of a place (a saint, a
    // noble), split into the two. One word each side of `of`, both plain
    // capitalised words.
    let person_of_place = |sp: &TypedSpan| of_place(sp) && names.get(doc.tok(sp.0)).is_some_and(|n| count(n) >= 3);
    let mut out = Vec::with_capacity(spans.len());
    for sp in spans {
        if person_of_place(&sp) {
            out.push((sp.0, sp.0 + 1, tagger::PER, false));
            out.push((sp.0 + 2, sp.1, tagger::LOC, false));
        } else {
            out.push(sp);
        }
    }
    let found: Vec<TypedSpan> = untagged.into_iter().filter(|&k| names.get(doc.tok(k)).is_some_and(|n| count(n) > 0)).map(|k| (k, k + 1, tagger::PER, false)).collect();
    if found.is_empty() {
        out
    } else {
        merge(out, found)
    }
}

/// The gender of a person whose first name tells none, from the word
/// before a mention: a title (`Mr. Nakano`, `Ms. Tóibín`) or a kinship
/// noun after its owner, with or without a comma (`Gauff's father, Corey`,
/// `his daughter Lensey`). Pronouns then find them (`"Nothing," he said`).
pub(super) fn genders_from_context(doc: &Document, out: &mut Entities) {
    let title = |w: &str| match w {
        "Mr." | "Mr" => Some(Gender::Male),
        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" => Some(Gender::Female),
        _ => None,
    };
    for m in &out.mentions {
        let a = m.tokens.0;
        let e = &mut out.entities[m.entity];
        if e.kind != EntityKind::Person || e.gender.is_some() || a == 0 {
            continue;
        }
        // A kinship noun only after an owner (`Gauff's father, Corey`, `his
        // sister Ann`), where it names this person, not one it is said of.
        let k = if doc.tok(a - 1) == "," { a - 1 } else { a };
        let owned = k >= 2 && matches!(doc.tok(k - 2), "’s" | "'s" | "his" | "her" | "their" | "my" | "our");
        e.gender = title(doc.tok(a - 1)).or_else(|| if owned { lexicon::kin_gender(doc.tok(k - 1)) } else { None });
    }
}

/// Parts of known full names, for linking bare surnames: the last word wins,
/// then the first full name seen with that word.
pub(super) fn name_parts(out: &Entities) -> HashMap<String, usize> {
    let mut parts: HashMap<String, usize> = HashMap::default();
    for (id, e) in out.entities.iter().enumerate() {
        if e.kind == EntityKind::Person && e.name.contains(' ') {
            for part in e.name.split(' ').filter(|p| p.chars().count() > 1) {
                parts.entry(part.to_string()).or_insert(id);
            }
        }
    }
    // (First seen among last words too: in an obituary of `Eleanor Vance`,
    // `Ms. Vance` is she, not her daughter `Catriona Vance`, named later.)
    let mut lasts: HashSet<&str> = HashSet::default();
    for (id, e) in out.entities.iter().enumerate() {
        if e.kind == EntityKind::Person && e.name.contains(' ') {
            if let Some(last) = e.name.rsplit(' ').next().filter(|&last| lasts.insert(last)) {
                parts.insert(last.to_string(), id);
            }
        }
    }
    parts
}

/// Adds a person's mention under `key`; the entity's id.
pub(super) fn add_person(doc: &Document, out: &mut Entities, index: &mut HashMap<String, usize>, (a, b): (usize, usize), key: String, headline: bool) -> usize {
    let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
    let id = out.add(index, EntityKind::Person, key, span, (a, b));
    if out.entities[id].gender.is_none() && b - a >= 2 {
        let first = if headline { tagger::title_case(doc.tok(a)) } else { doc.tok(a).to_string() };
        out.entities[id].gender = names::gender(&first);
    }
    id
}

/// Whether a one-word person, linked to no full name and written once, has
/// support beyond the tagger: a name list knows the word, or a title, a
/// first name or a person noun comes right before it (`Chairwoman Nancy
/// Pelosi` tagged as `Pelosi` alone; `his publisher, Simrock`), a speech
/// verb follows it, or it is a player in a match record ([`in_score_record`]). Unsupported lone words are mostly works, groups and
/// foreign common nouns (`Symphony`, `Lab`, `Vrije`).
pub(super) fn lone_name_supported(doc: &Document, a: usize) -> bool {
    let w = doc.tok(a);
    let c = names::census(w);
    c.surname || c.first || names::in_table(w) || lone_name_in_context(doc, a)
}

/// Whether a one-word person has support in its context, not only in the
/// name lists (see [`lone_name_supported`]). `Chandler` and `Gilbert` are
/// surnames, but `Peoria, Chandler, and Gilbert` has nothing more to say
/// they are persons.
pub(super) fn lone_name_in_context(doc: &Document, a: usize) -> bool {
    let before = if a > 0 { doc.tok(a - 1) } else { "" };
    // (Or a person noun: `his publisher, Simrock`, `his daughter Lensey`;
    // not a first name the tagger cut from its surname: `adviser Vafa
    // Gulizade`.)
    let runs_on = a + 1 < doc.tokens.len() && doc.tokens[a + 1].kind == TokenKind::Word && tagger::is_capitalised(doc.tok(a + 1));
    let noun_before = !runs_on && ((a >= 1 && lexicon::is_title_noun(before)) || (a >= 2 && before == "," && lexicon::is_person_noun(doc.tok(a - 2))));
    // (Or a speech verb after it: `“…,” Borkus said.`)
    let speaks = a + 1 < doc.tokens.len() && lexicon::is_finite_speech_verb(doc.tok(a + 1));
    lexicon::is_person_title(before) || names::is_first_name(before) || noun_before || speaks || in_score_record(doc, a)
}

/// Whether the one-word name `a..b` stands in a list next to a person:
/// `X, Y`, `X and Y`, `X, and Y` or `X & Y`, on either side. `edges` marks
/// the persons' first tokens (bit 1) and the tokens right after them (bit
/// 2). Lists name alike things, and lists of names without first names are
/// common (`Morris and Goscinny`, a team sheet). Joined by a comma alone,
/// the word must also end (or open) the list on its other side: in
/// `Governor Pence, I’ve got to ask`, a clause starts after the comma.
pub(super) fn listed_with_person(doc: &Document, edges: &[u8], a: usize, b: usize) -> bool {
    let n = doc.tokens.len();
    let and = |k: usize| k < n && matches!(doc.tok(k), "and" | "&");
    let comma = |k: usize| k < n && doc.tok(k) == ",";
    let bounds = |k: usize| k >= n || matches!(doc.tok(k), "," | "." | ";" | ":" | "(" | ")" | "and" | "&") || doc.tokens[k].kind != TokenKind::Word;
    // Back from `a` over `and`, then `,`; on from `b` over `,`, then `and`.
    let mut k = a;
    let before_and = k > 0 && and(k - 1);
    k -= before_and as usize;
    k -= (k > 0 && comma(k - 1)) as usize;
    // (Or a person's name goes on: `Shigeki` + `Maruyama`, read apart.)
    let before = k < a && edges[k] & 2 != 0 && (before_and || bounds(b) || edges[b] & 1 != 0);
    let mut k = b;
    k += comma(k) as usize;
    let after_and = and(k);
    k += after_and as usize;
    before || (k > b && edges[k] & 1 != 0 && (after_and || a == 0 || bounds(a - 1)))
}

/// Whether the word at `a` is a player in a match record: a scorer with the
/// minute (`Bobic 61st`, `Pantic (57th, penalty)`, `(Jeffrey 7, Roest 33)`),
/// a fielder or bowler in a cricket scorecard (`c Hussain b Mullally`,
/// `Vass 9-2-35-0`), or an entrant with a country after the name
/// (`Cindana (Indonesia) 11-3`). Results name players once, by surname
/// alone.
fn in_score_record(doc: &Document, a: usize) -> bool {
    let n = doc.tokens.len();
    let minute = |k: usize| {
        k < n && {
            let w = doc.tok(k).as_bytes();
            let digits = w.iter().take_while(|b| b.is_ascii_digit()).count();
            (1..=3).contains(&digits) && matches!(&w[digits..], b"st" | b"nd" | b"rd" | b"th")
        }
    };
    // A bare minute in a list of scorers: `(Jeffrey 7, Roest 33)`.
    let listed_minute = a > 0
        && matches!(doc.tok(a - 1), "(" | ",")
        && a + 2 < n
        && doc.tok(a + 1).len() <= 3
        && doc.tok(a + 1).bytes().all(|b| b.is_ascii_digit())
        && matches!(doc.tok(a + 2), "," | ")");
    let scorer = minute(a + 1) || (a + 2 < n && doc.tok(a + 1) == "(" && minute(a + 2)) || listed_minute;
    // `c Hussain b Mullally`, and bowling figures: `Vass 9-2-35-0`.
    let figures = a + 1 < n && {
        let w = doc.tok(a + 1);
        w.split('-').count() == 4 && w.split('-').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let cricket = (a > 0 && matches!(doc.tok(a - 1), "c" | "b")) || (a + 2 < n && matches!(doc.tok(a + 1), "c" | "b") && tagger::is_capitalised(doc.tok(a + 2))) || figures;
    // An entrant's country after the name: `Cindana (Indonesia) 11-3`.
    let entrant = a + 3 < n
        && doc.tok(a + 1) == "("
        && doc.tok(a + 3) == ")"
        && place_of(doc, a + 2, a + 3, false).is_some_and(|p| p.feature == gazetteer::Feature::Country);
    scorer || cricket || entrant
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::entities::tests::*;

    #[test]
    fn demonyms_of_lands() {
        for w in ["European", "Albanian", "Korean", "American", "Italian", "Canadian", "Brazilian", "Japanese", "Chinese", "Asian", "German", "Finn", "Swede"] {
            assert!(is_demonym(w), "{w}");
        }
        for w in ["Guardian", "Christian", "Brian", "Duncan", "Reese", "Parish", "Europe", "Ian", "Mary", "Scott", "Holt", "Green", "Thain"] {
            assert!(!is_demonym(w), "{w}");
        }
    }

    #[test]
    fn nationality_is_no_surname() {
        // `Ten European` taken for a name does not make a person of
        // `European` alone, which the tagger read as a nationality.
        check_rule(
            agree_types,
            &[
                ("Ten European countries met . European integration goes on", &[(0, 2, PER), (5, 6, MISC)], &[(0, 2, PER), (5, 6, MISC)]),
                ("Mayor Don Guardian spoke . Guardian hopes so", &[(1, 3, PER), (5, 6, MISC)], &[(1, 3, PER), (5, 6, PER)]),
            ],
        );
    }

    #[test]
    fn nicknames_inside_names() {
        check_rule(
            nicknamed_persons,
            &[
                ("against Hector \"Macho\" Camacho today", &[(1, 2, LOC), (5, 6, LOC)], &[(1, 6, PER)]),
                ("legend Roberto \"Hands of Stone\" Duran climbs", &[(1, 2, PER)], &[(1, 8, PER)]),
                ("Rep. Marcia “Cia” Price said", &[(1, 2, PER)], &[(1, 6, PER)]),
                ("Jean «Bébel» Belmondo joua", &[(0, 1, PER), (4, 5, PER)], &[(0, 5, PER)]),
                // Not a title between capitalised words, nor a quotation.
                ("the show \"Politicking\" Democrats seized", &[], &[]),
                ("said Smith \"We will\" Then", &[(1, 2, PER)], &[(1, 2, PER)]),
                ("asked Smith \"Why Not\" Then", &[(1, 2, PER)], &[(1, 2, PER)]),
                ("Smith said, \"Yes\" Then", &[(0, 1, PER)], &[(0, 1, PER)]),
                // Not across a line, nor into an organisation's name.
                ("Hector\n\"Macho\" Camacho", &[], &[]),
                ("at Acme Hector \"Macho\" Camacho Inc", &[(1, 3, ORG)], &[(1, 3, ORG)]),
                ("at Hector \"Macho\" Camacho Inc", &[(5, 7, ORG)], &[(5, 7, ORG)]),
            ],
        );
    }

    #[test]
    fn lone_names_listed_with_persons() {
        let text = "Morris and Qoscinny, Breen, Qaunton, and Ann Lee met Zorv & Jim Hall in Kehl, Breisach and Freiburg. Vix and Quill. Ann Lee, Qorv got it.";
        let doc = Document::new(text);
        let at = |w: &str| doc.tokens.iter().position(|t| t.span.slice(text) == w).unwrap();
        // Morris, Breen (supported on their own), Ann Lee and Jim Hall.
        let mut edges = vec![0u8; doc.tokens.len() + 1];
        for (a, b) in [(at("Morris"), at("Morris") + 1), (at("Breen"), at("Breen") + 1), (at("Ann"), at("Lee") + 1), (at("Jim"), at("Hall") + 1)] {
            edges[a] |= 1;
            edges[b] |= 2;
        }
        for w in ["Qoscinny", "Qaunton", "Zorv"] {
            assert!(listed_with_person(&doc, &edges, at(w), at(w) + 1), "{w}");
        }
        // After a comma alone, when another person's name runs on from it
        // (`Shigeki` read apart from `Maruyama`).
        let text2 = "Ann Lee, Shigeki Maruyama and Bo Li";
        let doc2 = Document::new(text2);
        let mut edges2 = vec![0u8; doc2.tokens.len() + 1];
        for (a, b) in [(0, 2), (4, 5)] {
            edges2[a] |= 1;
            edges2[b] |= 2;
        }
        assert!(listed_with_person(&doc2, &edges2, 3, 4));
        edges2[4] = 0;
        assert!(!listed_with_person(&doc2, &edges2, 3, 4));
        // Not after a comma alone when a clause runs on.
        let last_lee = doc.tokens.iter().rposition(|t| t.span.slice(text) == "Lee").unwrap();
        edges[last_lee + 1] |= 2;
        for w in ["Breisach", "Vix", "Quill", "Qorv"] {
            assert!(!listed_with_person(&doc, &edges, at(w), at(w) + 1), "{w}");
        }
    }

    #[test]
    fn lone_names_need_support() {
        let text = "Chairwoman Nancy Pelosi and Dr. Zyx met Smith at the Lab, then Quorvath, his publisher, Xulvo, and adviser Vafa Qulizade. “Fine,” Borkus said.";
        let doc = Document::new(text);
        let at = |w: &str| doc.tokens.iter().position(|t| t.span.slice(text) == w).unwrap();
        for w in ["Pelosi", "Zyx", "Smith", "Xulvo", "Borkus"] {
            assert!(lone_name_supported(&doc, at(w)), "{w}");
        }
        for w in ["Lab", "Quorvath", "Vafa"] {
            assert!(!lone_name_supported(&doc, at(w)), "{w}");
        }
        // Players in match records: scorers with the minute, a cricket scorecard.
        let text = "Stuttgart 2 (Balakow 50th, Qobic 61st) Bremen 1 (Zotava (68th, penalty)). Ijaz c Wussain b Mullaly 61. Heerenveen 4 (Korneyv 15, Hansmo 24). Bowling: Vasz 9-2-35-0. Cindaxa (Indonesia) 11-3. Vorg 3 (Qarth) .";
        let doc = Document::new(text);
        let at = |w: &str| doc.tokens.iter().position(|t| t.span.slice(text) == w).unwrap();
        for w in ["Qobic", "Zotava", "Wussain", "Mullaly", "Ijaz", "Korneyv", "Hansmo", "Vasz", "Cindaxa"] {
            assert!(lone_name_supported(&doc, at(w)), "{w}");
        }
        for w in ["Bremen", "Heerenveen", "Vorg"] {
            assert!(!lone_name_supported(&doc, at(w)), "{w}");
        }
    }

    #[test]
    fn titles_before_persons_are_no_names() {
        check_rule(
            titles_before_persons,
            &[
                ("King Felipe and Queen Letizia came", &[(1, 2, PER), (3, 4, ORG), (4, 5, PER)], &[(1, 2, PER), (4, 5, PER)]),
                // Not before another kind, nor across a line, nor a word that is no title.
                ("Queen Elizabeth Hospital", &[(0, 1, ORG), (1, 3, LOC)], &[(0, 1, ORG), (1, 3, LOC)]),
                ("Queen\nLetizia came", &[(0, 1, ORG), (1, 2, PER)], &[(0, 1, ORG), (1, 2, PER)]),
                ("Acme Letizia came", &[(0, 1, ORG), (1, 2, PER)], &[(0, 1, ORG), (1, 2, PER)]),
                // A title bound to the name is kept in it, tagged or not.
                ("known as Emperor Norton , he", &[(3, 4, PER)], &[(2, 4, PER)]),
                ("after Empress Jingū in", &[(1, 2, ORG), (2, 3, PER)], &[(1, 3, PER)]),
                ("by Shah Abbas I", &[(1, 2, MISC), (2, 4, PER)], &[(1, 4, PER)]),
                ("Christianity . St Jerome in the", &[(3, 4, PER)], &[(2, 4, PER)]),
                ("the Emperor\nNorton", &[(2, 3, PER)], &[(2, 3, PER)]),
                ("the Acme Emperor Norton", &[(1, 3, ORG), (3, 4, PER)], &[(1, 3, ORG), (3, 4, PER)]),
            ],
        );
    }

    #[test]
    fn cited_authors_not_teams() {
        let rule = |doc: &Document, spans| cited_persons(doc, &vec![tagger::O; doc.tokens.len()], spans);
        check_rule(
            rule,
            &[
                ("as Zorbly ( 2012 ) showed", &[(1, 2, ORG)], &[(1, 2, PER)]),
                ("Teams Pittsburgh Pirates ( 2012 ) then", &[(1, 2, LOC), (2, 3, ORG)], &[(1, 2, LOC), (2, 3, ORG)]),
                // The end of a film's title is no author.
                ("in Woody Allen 's Match Point ( 2005 ) and", &[(1, 3, PER), (5, 6, ORG)], &[(1, 3, PER), (5, 6, ORG)]),
                ("in Cemetery Junction ( 2010 ) and", &[], &[]),
                // ... but an author after a title or opening the sentence is.
                ("In Chomsky ( 1965 ) the", &[], &[(1, 2, PER)]),
                ("as Professor Moretti ( 2013 ) showed", &[], &[(2, 3, PER)]),
            ],
        );
    }

    #[test]
    fn kinds_of_things_are_no_persons() {
        check_rule(
            |doc, spans| kind_names(doc, &LowerWords::new(doc), spans),
            &[
                // A word that opens a thing's name, the noun written in lower case too.
                ("The Beavertail Cactus grows . grow Beavertail cactus . Growing Beavertail can", &[(1, 3, ORG), (6, 7, PER), (10, 11, PER)], &[(1, 3, ORG), (6, 7, MISC), (10, 11, MISC)]),
                // Not a person's own team, nor a name a person's context supports, nor a listed name.
                ("The Zorbama Administration . the Zorbama administration . Zorbama left", &[(1, 3, ORG), (5, 6, PER), (8, 9, PER)], &[(1, 3, ORG), (5, 6, PER), (8, 9, PER)]),
                ("The Zorbla Cactus grows . grow Zorbla cactus . Zorbla said so", &[(1, 3, ORG), (6, 7, PER), (9, 10, PER)], &[(1, 3, ORG), (6, 7, PER), (9, 10, PER)]),
                ("The Smith Cactus grows . grow Smith cactus .", &[(1, 3, ORG), (6, 7, PER)], &[(1, 3, ORG), (6, 7, PER)]),
            ],
        );
    }

    #[test]
    fn names_after_titles_are_persons() {
        check_rule(
            |doc, spans| names_after_titles(doc, &LowerWords::new(doc), spans),
            &[
                // A name the tagger left out after a title, of one word or two.
                ("Mr. Trump , I have a deal", &[], &[(1, 2, PER)]),
                ("and Senator WARNOCK .", &[], &[(2, 3, PER)]),
                ("party Chairman Reince Priebus said", &[], &[(2, 4, PER)]),
                ("party Chairman Reince Priebus said", &[(3, 4, PER)], &[(2, 4, PER)]),
                // An epithet after it.
                ("when Constantine the Great came", &[], &[(1, 2, PER)]),
                // Not a title, a word the text writes in lower case, a place, a covered word.
                ("Lt. Gov. Ralph Northam", &[(2, 4, PER)], &[(2, 4, PER)]),
                ("the President Elect . an elect few", &[], &[]),
                ("said Senator Georgia", &[], &[]),
                ("Senator\nSmith", &[], &[]),
                // No overlap with a name just found; one word in a title-case line.
                ("met Senator Zorbo Smith the Younger there", &[], &[(2, 4, PER)]),
                ("Mr. Trump Goes To Washington", &[], &[(1, 2, PER)]),
            ],
        );
    }

    #[test]
    fn one_name_one_type() {
        check_rule(
            agree_types,
            &[
                // More often a person: every occurrence is one.
                ("Pachomius came . Pachomius left . Pachomius slept", &[(0, 1, PER), (3, 4, PER), (6, 7, ORG)], &[(0, 1, PER), (3, 4, PER), (6, 7, PER)]),
                // An occurrence the tagger left out that lives as a person is one.
                ("Pachomius came . In 348 Pachomius died", &[(0, 1, ORG)], &[(0, 1, PER), (5, 6, PER)]),
                // A club once read as a person stays a club.
                ("Rotor lost . Rotor won . Rotor", &[(0, 1, ORG), (3, 4, ORG), (6, 7, PER)], &[(0, 1, ORG), (3, 4, ORG), (6, 7, PER)]),
                // Capitalised words ending in a person's name.
                ("Antonín Dvořák wrote . Dvořák left", &[(0, 2, ORG), (4, 5, PER)], &[(0, 2, PER), (4, 5, PER)]),
                // ... but not an organisation named after one.
                ("Dvořák Foundation paid . Dvořák left", &[(0, 2, ORG), (4, 5, PER)], &[(0, 2, ORG), (4, 5, PER)]),
                // Places keep their type.
                ("Washington spoke . Washington voted . Washington", &[(0, 1, PER), (3, 4, PER), (6, 7, LOC)], &[(0, 1, PER), (3, 4, PER), (6, 7, LOC)]),
                // A full name's surname alone, typed a place or MISC, is the
                // person; not a place the gazetteer knows, nor a party.
                ("Donald Trump won . at Trump . Trump supporters", &[(0, 2, PER), (5, 6, LOC), (7, 8, MISC)], &[(0, 2, PER), (5, 6, PER), (7, 8, PER)]),
                ("George Washington spoke . in Washington", &[(0, 2, PER), (5, 6, LOC)], &[(0, 2, PER), (5, 6, LOC)]),
                ("Young Democrats met . Democrats", &[(0, 2, PER), (4, 5, MISC)], &[(0, 2, PER), (4, 5, MISC)]),
                // A person's given name alone, a first name the lists know;
                // not an acronym, nor a place the gazetteer knows.
                ("Chelsea Clinton spoke . Chelsea left", &[(0, 2, PER), (4, 5, ORG)], &[(0, 2, PER), (4, 5, PER)]),
                ("NASA Smith spoke . NASA left", &[(0, 2, PER), (4, 5, ORG)], &[(0, 2, PER), (4, 5, ORG)]),
                ("Orlando Bloom spoke . Orlando mourned", &[(0, 2, PER), (4, 5, ORG)], &[(0, 2, PER), (4, 5, ORG)]),
                // One life outweighs any count, tagged or not.
                ("Pachomius came . Pachomius left . Pachomius died", &[(0, 1, ORG), (3, 4, ORG), (6, 7, PER)], &[(0, 1, PER), (3, 4, PER), (6, 7, PER)]),
                ("Pachomius came . Pachomius left . Pachomius died", &[(0, 1, ORG), (3, 4, ORG)], &[(0, 1, PER), (3, 4, PER), (6, 7, PER)]),
                // A person of a place, read as one organisation, is split; not
                // where the first word was a person once (`Game of Thrones`).
                ("Theodorus of Tabennese . Theodorus came . Theodorus left . Theodorus slept", &[(0, 3, ORG), (4, 5, PER), (7, 8, PER), (10, 11, PER)], &[(0, 1, PER), (2, 3, LOC), (4, 5, PER), (7, 8, PER), (10, 11, PER)]),
                ("Game of Thrones . Game came", &[(0, 3, ORG), (4, 5, PER)], &[(0, 3, ORG), (4, 5, PER)]),
                // ... or introduced as someone's kin or friend, and the name alone is then the person.
                ("with his friend Bonosus of Sardica . with Bonosus to", &[(3, 6, ORG), (8, 9, ORG)], &[(3, 4, PER), (5, 6, LOC), (8, 9, PER)]),
                ("with the friend Bonosus of Sardica . with Bonosus to", &[(3, 6, ORG), (8, 9, ORG)], &[(3, 6, ORG), (8, 9, ORG)]),
            ],
        );
    }

    #[test]
    fn first_names_join_the_person_after_them() {
        check_rule(
            |doc, spans| first_names_before_persons(doc, &LowerWords::new(doc), spans),
            &[
                // A first name left out at the start of a sentence.
                ("Hillary Clinton spoke out Tuesday .", &[(1, 2, PER)], &[(0, 2, PER)]),
                // Not a word the document writes in lower case, a title, a day, or a word before a non-person.
                ("Price Max said . The price rose .", &[(1, 2, PER)], &[(1, 2, PER)]),
                ("Dame Zaha Hadid", &[(1, 3, PER)], &[(1, 3, PER)]),
                ("Tuesday Lyman said", &[(1, 2, PER)], &[(1, 2, PER)]),
                ("Hillary Foundation paid", &[(1, 2, ORG)], &[(1, 2, ORG)]),
                // Not across a line break, nor into the span before.
                ("Hillary\nClinton spoke", &[(1, 2, PER)], &[(1, 2, PER)]),
                ("Hillary Clinton", &[(0, 1, LOC), (1, 2, PER)], &[(0, 1, LOC), (1, 2, PER)]),
            ],
        );
    }

    #[test]
    fn regnal_number_one() {
        check_rule(
            regnal_ones,
            &[
                // After a sovereign's title, or with one in the name.
                ("Queen Elizabeth I born .", &[(1, 2, PER)], &[(1, 3, PER)]),
                ("Tsar Aleksei I ruled", &[(0, 2, PER)], &[(0, 3, PER)]),
                // Not without a title, not a name of one word that is the
                // title, not across a line, not into another name.
                ("Smith I said", &[(0, 1, PER)], &[(0, 1, PER)]),
                ("met Queen Elizabeth I felt calm", &[(2, 3, PER)], &[(2, 3, PER)]),
                ("Queen Elizabeth I said", &[(1, 2, PER)], &[(1, 2, PER)]),
                ("King I said", &[(0, 1, PER)], &[(0, 1, PER)]),
                ("Queen Mary\nI left", &[(1, 2, PER)], &[(1, 2, PER)]),
                ("King Zog I Ltd", &[(1, 2, PER), (2, 4, ORG)], &[(1, 2, PER), (2, 4, ORG)]),
            ],
        );
    }

    #[test]
    fn first_names_that_are_places() {
        check_rule(
            place_named_persons,
            &[
                // A place or firm's name, then a surname the tagger or the census knows.
                ("off Chad Ogea in the first", &[(1, 2, LOC), (2, 3, PER)], &[(1, 3, PER)]),
                ("met Victoria Beckham there", &[(1, 2, ORG), (2, 3, PER)], &[(1, 3, PER)]),
                ("met Georgia Smith there", &[(1, 2, LOC)], &[(1, 3, PER)]),
                // Not a surname the tagger leaves alone and the census lacks,
                // a plural, a word running on, a gazetteer place, a continent,
                // nor across a line.
                ("beat Georgia Zyxwv there", &[(1, 2, LOC)], &[(1, 2, LOC)]),
                ("saw Star Wars there", &[(1, 2, ORG), (2, 3, PER)], &[(1, 2, ORG), (2, 3, PER)]),
                ("met Georgia Smith Barney there", &[(1, 2, LOC)], &[(1, 2, LOC)]),
                ("from Georgia Paris there", &[(1, 2, LOC), (2, 3, PER)], &[(1, 2, LOC), (2, 3, PER)]),
                ("in Asia Minor", &[(1, 2, LOC), (2, 3, PER)], &[(1, 2, LOC), (2, 3, PER)]),
                ("in Georgia\nSmith said", &[(1, 2, LOC)], &[(1, 2, LOC)]),
            ],
        );
    }

    #[test]
    fn touching_names_join() {
        check_rule(
            |doc, spans| joined_names(doc, &LowerWords::new(doc), spans),
            &[
                // A first name joins the person's name after it, and a lone word after a first name.
                ("Niall Quinn scored", &[(0, 1, ORG), (1, 2, PER)], &[(0, 2, PER)]),
                ("Andy Caddick bowled", &[(0, 1, PER), (1, 2, ORG)], &[(0, 2, PER)]),
                // First names joined by a hyphen, whatever their type; not a nationality.
                ("and John-Christian Rauschenberg said", &[(1, 2, MISC), (2, 3, PER)], &[(1, 3, PER)]),
                ("the African-American Smith said", &[(1, 2, MISC), (2, 3, PER)], &[(1, 2, MISC), (2, 3, PER)]),
                ("Trevor Holland scored", &[(0, 1, PER), (1, 2, LOC)], &[(0, 2, PER)]),
                // A first name and a plain word, both read as MISC; not a plural, an adjective, a place's name.
                ("apologize to Donald Trump for it", &[(2, 3, MISC), (3, 4, MISC)], &[(2, 4, PER)]),
                // A first name read as MISC before a person; not a nationality.
                ("Scenes from Donald Trump rally", &[(2, 3, MISC), (3, 4, PER)], &[(2, 4, PER)]),
                ("beating German Tommy Haas in", &[(1, 2, MISC), (2, 4, PER)], &[(1, 2, MISC), (2, 4, PER)]),
                ("fellow Finn Juha Kankkunen in", &[(1, 2, MISC), (2, 4, PER)], &[(1, 2, MISC), (2, 4, PER)]),
                ("at the Winter Olympics now", &[(2, 3, MISC), (3, 4, MISC)], &[(2, 3, MISC), (3, 4, MISC)]),
                ("for Virginia Democratic voters", &[(1, 2, MISC), (2, 3, MISC)], &[(1, 2, MISC), (2, 3, MISC)]),
                // A plain word before a full name without a first name is its first name...
                ("in Latin , Eusebius Sophronius Hieronymus was born", &[(3, 4, ORG), (4, 6, PER)], &[(3, 6, PER)]),
                // ... not before one that has its own, nor a role, title or acronym.
                ("Follow Rebecca Mansour on", &[(0, 1, ORG), (1, 3, PER)], &[(0, 1, ORG), (1, 3, PER)]),
                ("Actress Zoltia Gurira won", &[(0, 1, ORG), (1, 3, PER)], &[(0, 1, ORG), (1, 3, PER)]),
                ("AKA Danger Mouse wrote", &[(0, 1, ORG), (1, 3, PER)], &[(0, 1, ORG), (1, 3, PER)]),
                ("Trade and Industry Tungky Ariwibowo", &[(2, 3, ORG), (3, 5, PER)], &[(2, 3, ORG), (3, 5, PER)]),
                // A person's name running into an organisation's is part of it.
                ("studying at the Vrije Universiteit Amsterdam", &[(3, 4, PER), (4, 6, ORG)], &[(3, 6, ORG)]),
                ("grow Beavertail Cactus . water the cactus", &[(1, 2, PER), (2, 3, ORG)], &[(1, 3, ORG)]),
                ("Pirelli Group", &[(0, 1, PER), (1, 2, ORG)], &[(0, 2, ORG)]),
                // A lone word that may be a surname stays apart...
                ("Saeed Anwar batted", &[(0, 1, PER), (1, 2, ORG)], &[(0, 1, PER), (1, 2, ORG)]),
                // ... unless the lists know the first word as a name (and a
                // common word), or a role or speech verb introduces the name.
                ("pollster Pat Caddell argued", &[(1, 2, PER), (2, 3, ORG)], &[(1, 3, PER)]),
                ("spokeswoman Melezia Figueroa argued", &[(1, 2, PER), (2, 3, ORG)], &[(1, 3, PER)]),
                ("then Melezia Figueroa said", &[(1, 2, PER), (2, 3, ORG)], &[(1, 3, PER)]),
                ("left Barstool Sports in", &[(1, 2, PER), (2, 3, ORG)], &[(1, 2, PER), (2, 3, ORG)]),
                // A first name only the census knows, before a word the
                // document names alone elsewhere, ending the run of capitals.
                ("over Donald Trump . Trump won . for Trump", &[(1, 2, PER), (2, 3, ORG), (4, 5, ORG), (8, 9, ORG)], &[(1, 3, PER), (4, 5, ORG), (8, 9, ORG)]),
                ("the Donald Trump", &[(1, 2, PER), (2, 3, ORG)], &[(1, 2, PER), (2, 3, ORG)]),
                // Two persons, a first name (in a list or only the census's)
                // and a word: `consistent` made the second the surname.
                ("said Republican Donald Trump favors", &[(1, 2, ORG), (2, 3, PER), (3, 4, PER)], &[(1, 2, ORG), (2, 4, PER)]),
                ("Niall Quinn scored", &[(0, 1, PER), (1, 2, PER)], &[(0, 2, PER)]),
                ("support Donald Trump because . Trump won", &[(1, 2, PER), (2, 3, LOC), (5, 6, LOC)], &[(1, 3, PER), (5, 6, LOC)]),
                ("the Western Han Dynasty ruled", &[(2, 3, PER), (3, 4, LOC)], &[(2, 3, PER), (3, 4, LOC)]),
                ("support Donald Paris because", &[(1, 2, PER), (2, 3, LOC)], &[(1, 2, PER), (2, 3, LOC)]),
                // Not a surname that is an organisation word, nor a word
                // before a person that is no first name, nor across a line.
                ("Donald Airlines flew", &[(0, 1, PER), (1, 2, PER)], &[(0, 1, PER), (1, 2, PER)]),
                ("Pirelli Smith said", &[(0, 1, PER), (1, 2, PER)], &[(0, 1, PER), (1, 2, PER)]),
                ("Donald\nTrump said", &[(0, 1, PER), (1, 2, PER)], &[(0, 1, PER), (1, 2, PER)]),
                ("Clinton Global Initiative . Global", &[(0, 1, PER), (1, 2, ORG), (4, 5, ORG)], &[(0, 1, PER), (1, 2, ORG), (4, 5, ORG)]),
                // Not an organisation or place word after a first name, nor a regnal number.
                ("Robin Airlines flew", &[(0, 1, PER), (1, 2, ORG)], &[(0, 1, PER), (1, 2, ORG)]),
                ("Queen Elizabeth II", &[(1, 2, PER), (2, 3, ORG)], &[(1, 2, PER), (2, 3, ORG)]),
                // Not across punctuation or a line break, and not a non-first-name before a person.
                ("Pirelli , Smith", &[(0, 1, PER), (2, 3, ORG)], &[(0, 1, PER), (2, 3, ORG)]),
                ("Niall\nQuinn", &[(0, 1, ORG), (1, 2, PER)], &[(0, 1, ORG), (1, 2, PER)]),
                ("Reuters Smith said", &[(0, 1, ORG), (1, 2, PER)], &[(0, 1, ORG), (1, 2, PER)]),
                // An unlisted first name typed an organisation, before a
                // surname the document then uses on its own.
                ("Bukayo Saka scored . Saka ran", &[(0, 1, ORG), (1, 2, PER), (4, 5, PER)], &[(0, 2, PER), (4, 5, PER)]),
                // ... not when the surname came alone first (another
                // person's), nor before a place, nor an organisation word.
                ("Saka ran . Bukayo Saka scored . Saka", &[(0, 1, PER), (3, 4, ORG), (4, 5, PER), (7, 8, PER)], &[(0, 1, PER), (3, 4, ORG), (4, 5, PER), (7, 8, PER)]),
                ("Bukayo Saka scored", &[(0, 1, ORG), (1, 2, PER)], &[(0, 1, ORG), (1, 2, PER)]),
                // ... but a title line may name them first.
                ("Saka ran\n\nBukayo Saka scored . Saka ran", &[(0, 1, PER), (2, 3, ORG), (3, 4, PER), (6, 7, PER)], &[(0, 1, PER), (2, 4, PER), (6, 7, PER)]),
                ("Madrid Saka scored . Saka ran", &[(0, 1, ORG), (1, 2, PER), (4, 5, PER)], &[(0, 1, ORG), (1, 2, PER), (4, 5, PER)]),
                // Not in a title-case headline, even one with a full stop.
                ("Clinton Plan for Taxes Is Expansive but Complex.", &[(0, 1, PER), (1, 2, ORG)], &[(0, 1, PER), (1, 2, ORG)]),
                ("German Anke Huber won", &[(0, 1, MISC), (1, 3, PER)], &[(0, 1, MISC), (1, 3, PER)]),
                // A common noun after a first name is no surname.
                ("the Brady Bill . a bill", &[(1, 2, PER), (2, 3, ORG)], &[(1, 2, PER), (2, 3, ORG)]),
            ],
        );
    }

    #[test]
    fn kin_owners_are_persons() {
        check_rule(
            kin_owners,
            &[
                ("Gauff's father, Corey", &[(0, 1, ORG)], &[(0, 1, PER)]),
                ("German's brother said", &[(0, 1, MISC)], &[(0, 1, PER)]),
                // Not a place, nor an owner of other things.
                ("America's sons", &[(0, 1, LOC)], &[(0, 1, LOC)]),
                ("Spain's sons", &[(0, 1, ORG)], &[(0, 1, ORG)]),
                ("CNN's business", &[(0, 1, ORG)], &[(0, 1, ORG)]),
                // Born, dead, married: a life; not a firm's `was bought`.
                ("In 348 Horsiesios died .", &[(2, 3, ORG)], &[(2, 3, PER)]),
                ("Horsiesios was born in 305", &[(0, 1, ORG)], &[(0, 1, PER)]),
                ("Acme was bought in 2005", &[(0, 1, ORG)], &[(0, 1, ORG)]),
                // Speaking of oneself as `she` or `he`: a name of at most two
                // plain words, not an organisation's (`it`).
                ("Ava DuVernay said she felt", &[(0, 2, ORG)], &[(0, 2, PER)]),
                ("DuVernay says he", &[(0, 1, ORG)], &[(0, 1, PER)]),
                ("Acme said it", &[(0, 1, ORG)], &[(0, 1, ORG)]),
                ("the Republican Party of Wyoming said he", &[(1, 5, ORG)], &[(1, 5, ORG)]),
                ("the Labour Party said he", &[(1, 3, ORG)], &[(1, 3, ORG)]),
            ],
        );
    }

    #[test]
    fn particle_names_are_whole() {
        check_rule(
            particle_names,
            &[
                // After a first name (`André` read as `Andre`), whatever the tagger made of the parts.
                ("led by André Corrêa do Lago , the", &[(2, 3, PER), (3, 4, ORG), (5, 6, PER)], &[(2, 6, PER)]),
                ("said Oscar de la Renta .", &[(1, 2, PER), (4, 5, ORG)], &[(1, 5, PER)]),
                // `von`, `bin`: a person's part is enough.
                ("Osama bin Laden was killed", &[(2, 3, ORG)], &[(2, 3, ORG)]),
                ("Osama bin Laden was killed", &[(2, 3, PER)], &[(0, 3, PER)]),
                // Not places, institutions, or what is named after a person.
                ("floods in Santiago de Cuba", &[(2, 3, LOC), (4, 5, LOC)], &[(2, 3, LOC), (4, 5, LOC)]),
                ("the Palacio del Gobierno", &[(1, 2, ORG), (3, 4, PER)], &[(1, 2, ORG), (3, 4, PER)]),
                ("at Charles de Gaulle airport", &[(1, 2, PER), (3, 4, PER)], &[(1, 2, PER), (3, 4, PER)]),
                ("Neither do I .", &[], &[]),
            ],
        );
    }

    #[test]
    fn roles_make_persons() {
        check_rule(
            persons_by_role,
            &[
                ("Koichi Nakano, a political scientist at Sophia University", &[(0, 2, ORG), (7, 9, ORG)], &[(0, 2, PER), (7, 9, ORG)]),
                ("prime minister Yoshihiko Noda said . Noda said", &[(2, 4, ORG), (6, 7, LOC)], &[(2, 4, PER), (6, 7, PER)]),
                // Not the head of the phrase, nor a role word as an adjective
                // or a firm's role, nor an organisation's name.
                ("the Oromo Liberation Front, a secessionist group .", &[(1, 4, ORG)], &[(1, 4, ORG)]),
                ("resort, now called Trump National Doral, the candidate boasted of", &[(4, 7, ORG)], &[(4, 7, ORG)]),
                ("the official China Daily newspaper", &[(2, 4, ORG)], &[(2, 4, ORG)]),
                ("lead manager Lehman Brothers International .", &[(2, 5, ORG)], &[(2, 5, ORG)]),
                ("Sophia University, a private school in Tokyo", &[(0, 2, ORG)], &[(0, 2, ORG)]),
                // A city's name alone is the person only before a speech verb.
                ("prime minister Yoshihiko Noda spoke in Noda .", &[(2, 4, ORG), (7, 8, LOC)], &[(2, 4, PER), (7, 8, LOC)]),
                // A surname with an Arabic article takes in the given name
                // before it, and its later mentions typed organisations follow.
                ("Majed al-Ansari, a spokesman for Qatar . al-Ansari said", &[(1, 2, ORG), (6, 7, LOC), (8, 9, ORG)], &[(0, 2, PER), (6, 7, LOC), (8, 9, PER)]),
            ],
        );
    }

    #[test]
    fn forms_of_address() {
        check_rule(
            address_forms,
            &[
                ("Thank you, Madam Speaker.", &[(3, 4, PER)], &[(3, 5, PER)]),
                ("It's too late, Mr. President, he said", &[(6, 7, ORG)], &[(5, 7, PER)]),
                // A title before a name is not an address.
                ("Mr. President Obama spoke", &[(2, 3, PER)], &[(2, 3, PER)]),
                ("Madam Tussaud", &[], &[]),
            ],
        );
    }
}
