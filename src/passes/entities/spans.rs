//! Spans: the `(first token, end, tag, headline)` runs every rule reads and
//! rewrites, and the document lookups they share (lines, sentences, the
//! words a text writes in lower case). Spans stay sorted by start and never
//! overlap; [`merge`], [`without_overlaps`] and [`join_pairs`] keep them so.

use super::*;

/// Joins each span to the one before it where `join` says so: `join(prev,
/// next)` gives the tag of the span made of both, or `None` to keep them
/// apart. `prev` may itself be made of spans joined already.
pub(super) fn join_pairs(spans: Vec<TypedSpan>, mut join: impl FnMut(TypedSpan, TypedSpan) -> Option<u8>) -> Vec<TypedSpan> {
    let mut out: Vec<TypedSpan> = Vec::with_capacity(spans.len());
    for sp in spans {
        if let Some(prev) = out.last_mut() {
            if let Some(tag) = join(*prev, sp) {
                *prev = (prev.0, sp.1, tag, prev.3);
                continue;
            }
        }
        out.push(sp);
    }
    out
}

/// Whether token `a` is in the document's title: a first paragraph of one
/// sentence set in title case ([`tagger::is_title_case`]). Unlike [`tagger::is_headline`]
/// (which must stay what the weights were trained with), a closing period
/// is allowed: `Clinton Plan for Taxes Is Expansive but Complex.` (Later
/// one-line paragraphs in capitals are mostly tables of names and results.)
pub(super) fn title_case_line(doc: &Document, a: usize) -> bool {
    let (s0, s1) = sentence_of(doc, a);
    doc.first_paragraph().is_some_and(|p| p.tokens == (s0, s1)) && tagger::is_title_case(doc, (s0, s1))
}

/// The words the document writes in lower case. A capitalised word whose
/// lower case is among them is a common word capitalised in a name or a
/// heading, not a name of its own.
pub(super) fn lower_case_words<'d>(doc: &'d Document) -> HashSet<&'d str> {
    (0..doc.tokens.len())
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word && doc.tok(k).starts_lower())
        .map(|k| doc.tok(k))
        .collect()
}

/// [`lower_case_words`], gathered the first time a rule asks: most
/// documents never need them.
pub(super) struct LowerWords<'d> {
    doc: &'d Document<'d>,
    words: OnceCell<HashSet<&'d str>>,
}

impl<'d> LowerWords<'d> {
    pub(super) fn new(doc: &'d Document<'d>) -> LowerWords<'d> {
        LowerWords { doc, words: OnceCell::new() }
    }

    /// Whether the document writes `lower` (a word in lower case) so.
    // (Not inlined: called from many rules, one copy is smaller.)
    #[inline(never)]
    pub(super) fn has(&self, lower: &str) -> bool {
        self.words.get_or_init(|| lower_case_words(self.doc)).contains(lower)
    }
}

/// `II`, `III`, `IV`, ...: the number of a monarch or pope.
pub(super) fn is_roman_numeral(w: &str) -> bool {
    w.len() <= 5 && w.len() >= 2 && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// Whether token `a` opens its paragraph.
pub(crate) fn opens_paragraph(doc: &Document, a: usize) -> bool {
    doc.paragraph_at(doc.tokens[a].span.start).is_some_and(|p| doc.paragraphs[p].tokens.0 == a)
}

/// Whether tokens `a..b` are a run-in heading, not a name: three or more
/// upper-case words opening a paragraph, then a dash (`CONGRESS HAS
/// INVESTIGATED HIM — Oz's dubious medical advice …`). The tagger, seeing
/// capitals, reads such a heading as an organisation.
pub(crate) fn is_run_in_heading(doc: &Document, (a, b): (usize, usize)) -> bool {
    b - a >= 3
        && b < doc.tokens.len()
        && (is_dash_token(doc.tok(b)) || doc.tok(b) == "-")
        && (a..b).all(|t| !doc.tok(t).chars().any(char::is_lowercase))
        && opens_paragraph(doc, a)
}

/// For each token, whether one of `spans` covers it.
pub(super) fn covered(doc: &Document, spans: &[(usize, usize, u8, bool)]) -> Vec<bool> {
    let mut v = vec![false; doc.tokens.len()];
    for &(a, b, _, _) in spans {
        v[a..b].iter_mut().for_each(|x| *x = true);
    }
    v
}

/// The span of `spans` (sorted by start, not overlapping) holding token `k`.
pub(super) fn span_at(spans: &[TypedSpan], k: usize) -> Option<&TypedSpan> {
    span_index(spans, k).map(|i| &spans[i])
}

/// The index in `spans` of [`span_at`]'s span, for a rule that retypes it.
pub(super) fn span_index(spans: &[TypedSpan], k: usize) -> Option<usize> {
    let i = spans.partition_point(|sp| sp.0 <= k);
    i.checked_sub(1).filter(|&i| k < spans[i].1)
}

/// `spans` without those overlapping any of `found`, in one pass: both are
/// sorted by start and neither overlaps itself (so `found`'s ends rise too).
/// (A scan of `found` per span would take time quadratic in a long text.)
pub(super) fn without_overlaps(spans: Vec<TypedSpan>, found: &[TypedSpan]) -> Vec<TypedSpan> {
    let mut f = 0;
    spans
        .into_iter()
        .filter(|sp| {
            while f < found.len() && found[f].1 <= sp.0 {
                f += 1;
            }
            !(f < found.len() && found[f].0 < sp.1)
        })
        .collect()
}

/// `spans` and `extra` (both sorted by start, not overlapping each other) as one sorted list.
pub(super) fn merge(spans: Vec<(usize, usize, u8, bool)>, extra: Vec<(usize, usize, u8, bool)>) -> Vec<(usize, usize, u8, bool)> {
    if extra.is_empty() {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len() + extra.len());
    let mut next = 0;
    for e in extra {
        while next < spans.len() && spans[next].0 < e.0 {
            out.push(spans[next]);
            next += 1;
        }
        out.push(e);
    }
    out.extend_from_slice(&spans[next..]);
    out
}

/// The sentence token range holding token `i`. (Not inlined, nor is
/// `line_break_before`: the rules call both from some thirty places, and one
/// copy of each saves 0.3 KB gzip of the WASM module for 0.2 % more
/// instructions.)
#[inline(never)]
pub(super) fn sentence_of(doc: &Document, i: usize) -> (usize, usize) {
    let k = doc.sentences.partition_point(|s| s.tokens.0 <= i);
    k.checked_sub(1).map_or((i, i + 1), |k| doc.sentences[k].tokens)
}

/// Runs of equal non-`O` tags over word tokens: `(first, end, tag, headline)`.
/// Leading title words are dropped from persons (`President` in `President Moon`).
/// `headlines` holds [`tagger::is_headline`] of each sentence.
pub(super) fn typed_spans(doc: &Document, tags: &[u8], headlines: &[bool]) -> Vec<(usize, usize, u8, bool)> {
    let mut out = Vec::new();
    for (s, &headline) in doc.sentences.iter().zip(headlines) {
        let (mut i, end) = s.tokens;
        while i < end {
            let t = tags[i];
            // (A number sign, `No.` of `No. 2`, opens no name.)
            if t == tagger::O || doc.tokens[i].kind != TokenKind::Word || matches!(doc.tok(i), "No." | "Nos.") {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < end && tags[j] == t && doc.tokens[j].kind == TokenKind::Word && !line_break_before(doc, j) {
                j += 1;
            }
            let mut a = i;
            if t == tagger::PER {
                while a + 1 < j && opens_no_name(doc.tok(a)) {
                    a += 1;
                }
            } else if t == tagger::ORG && a + 1 < j && doc.tok(a) == "The" && ((s.tokens.0..a).all(|k| doc.tokens[k].kind != TokenKind::Word) || matches!(doc.tok(a - 1), "—" | "–" | "--" | ":")) {
                // `The` opening a sentence (or following a dateline's dash)
                // is no part of the organisation after it (`The Justice
                // Department`, `BRUSSELS — The European Commission`); within a sentence its
                // capital says it is (`the staff of The Onion`). Places keep
                // it: their names have it more often (`The Oval`, `The Hague`).
                a += 1;
            }
            out.push((a, j, t, headline));
            i = j;
        }
    }
    out
}

#[inline(never)]
pub(super) fn line_break_before(doc: &Document, j: usize) -> bool {
    doc.text[doc.tokens[j - 1].span.end..doc.tokens[j].span.start].contains('\n')
}

/// A capitalised word the tagger may take into a person's name that is no
/// part of it: a title (`President`), a function word or preposition
/// (`During Rosati's trip`), a noun for a person's role or party
/// (`Fullback Andre Joubert`, `Democrat Walter Mondale`). Not a kinship
/// noun, which is also a name (`Son Heung-min`). `Miss` and `Inspector`
/// stay: CoNLL's and GUM's gold both keep them with the name (`Inspector
/// Lynley`).
fn opens_no_name(w: &str) -> bool {
    (lexicon::is_person_title(w) && !matches!(w, "Miss" | "Inspector"))
        || is_function_word(w)
        || matches!(
            w,
            "During" | "Under" | "Against" | "Despite" | "Since" | "Until" | "Among" | "Without" | "Nationalist" | "Fullback" | "Winger"
                | "Forward" | "Skipper"
        )
        || is_party_word(w)
        || (w.starts_with(|c: char| c.is_ascii_uppercase()) && w.len() > 3 && {
            let lower = w.to_ascii_lowercase();
            lexicon::is_person_noun(&lower) && lexicon::kin_gender(&lower).is_none()
        })
}

/// A party or a creed, its member or a people's name (`Democrat`,
/// `Tories`, `Conservative`, `Hispanics`): never a person or a place on its
/// own, whatever the tagger reads in `Leahy, Democrat of Vermont` or `Her
/// Conservative shadow`.
pub(super) fn is_party_word(w: &str) -> bool {
    matches!(w.strip_suffix('s').unwrap_or(w), "Democrat" | "Republican" | "Tory" | "Socialist" | "Communist" | "Conservative" | "Liberal")
        || matches!(w, "Tories" | "Labour")
        || is_creed_word(w)
}

/// A creed or a people, or its members (`Muslims`, `Latinos`, `Catholic`):
/// no organisation either, unlike a party (`Democrats` may be the party).
/// (`Christians` only in the plural: `Christian` is a first name too.)
pub(super) fn is_creed_word(w: &str) -> bool {
    matches!(
        w.strip_suffix('s').unwrap_or(w),
        "Latino" | "Latina" | "Hispanic" | "Muslim" | "Catholic" | "Protestant" | "Evangelical" | "Mormon" | "Hindu" | "Sikh" | "Buddhist" | "Jew"
    ) || w == "Christians"
}

/// The entity key of a span: its text with spaces normalised, title-cased in headlines.
pub(super) fn span_key(doc: &Document, a: usize, b: usize, headline: bool) -> String {
    let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
    let s = normalise_space(span.slice(doc.text));
    // (A title-case headline writes names as the text does: `EU`, `AI`.)
    if headline && tagger::is_all_caps(doc, sentence_of(doc, a)) {
        tagger::title_case(&s)
    } else {
        s
    }
}

/// Collapses runs of whitespace to single spaces.
pub(super) fn normalise_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, w) in s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The words of [`is_function_word`], packed and sorted for a binary search: less
/// code than a `match`, and integer comparisons.
const FUNCTION_WORDS: &[u128] = &[
    pack(b"A"), pack(b"After"), pack(b"Also"), pack(b"An"), pack(b"And"), pack(b"As"), pack(b"At"), pack(b"Because"),
    pack(b"Before"), pack(b"Besides"), pack(b"Both"), pack(b"But"), pack(b"By"), pack(b"Could"), pack(b"Did"),
    pack(b"Do"), pack(b"Does"), pack(b"For"), pack(b"From"), pack(b"He"), pack(b"Hello"), pack(b"Her"), pack(b"Here"),
    pack(b"Hey"), pack(b"Hi"), pack(b"His"), pack(b"However"), pack(b"I"), pack(b"If"), pack(b"In"), pack(b"Instead"),
    pack(b"Is"), pack(b"It"), pack(b"Its"), pack(b"Just"), pack(b"Let"), pack(b"Like"), pack(b"Many"),
    pack(b"Meanwhile"), pack(b"Mostly"), pack(b"Mr"), pack(b"Mrs"), pack(b"My"), pack(b"No"), pack(b"Now"), pack(b"Of"),
    pack(b"Oh"), pack(b"Okay"), pack(b"On"), pack(b"Or"), pack(b"Our"), pack(b"She"), pack(b"Should"), pack(b"So"),
    pack(b"Still"), pack(b"Thank"), pack(b"Thanks"), pack(b"That"), pack(b"The"), pack(b"Their"), pack(b"There"),
    pack(b"These"), pack(b"They"), pack(b"This"), pack(b"Those"), pack(b"To"), pack(b"Under"), pack(b"Unless"),
    pack(b"Was"), pack(b"We"), pack(b"Well"), pack(b"What"), pack(b"When"), pack(b"While"), pack(b"Who"), pack(b"Why"),
    pack(b"Would"), pack(b"Wow"), pack(b"Yeah"), pack(b"Yes"), pack(b"Yet"), pack(b"You"), pack(b"Your"),
];

/// Capitalised words that start sentences and are not names.
pub(super) fn is_function_word(w: &str) -> bool {
    // Through a contraction too: `I’ve`, `We'll`, `Didn’t` (one token each).
    let stem = w.rsplit_once(['\'', '’']).map_or(w, |(stem, end)| match end {
        "ve" | "ll" | "d" | "m" | "re" => stem,
        "t" => stem.strip_suffix('n').unwrap_or(w),
        _ => w,
    });
    is_listed(FUNCTION_WORDS, stem)
}


/// A name's shape: letters (and a hyphen or apostrophe), the first a
/// capital (`Priebus`, `WARNOCK`, `O'Neill`). Out of line: the Unicode
/// tests are code that each call site would otherwise copy.
#[inline(never)]
pub(super) fn is_name_shaped(w: &str) -> bool {
    w.starts_upper() && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// A capital, then lower-case letters only (`Trump`; not `McCain`, `USA`,
/// `Jean-Luc`). Out of line, as [`is_name_shaped`].
#[inline(never)]
pub(super) fn is_title_word(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::entities::tests::*;

    #[test]
    fn word_lists_are_sorted() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn function_words_through_contractions() {
        for w in ["I", "I’ve", "I'm", "We’ll", "Didn’t", "Wouldn't", "She’d"] {
            assert!(is_function_word(w), "{w}");
        }
        for w in ["O’Neill", "D'Amato", "Ive", "Dint", "Smith’s"] {
            assert!(!is_function_word(w), "{w}");
        }
    }

    #[test]
    fn spans_from_tags() {
        // (text, tag of each token, spans)
        let cases: &[(&str, &[u8], &[(usize, usize, u8)])] = &[
            ("The Justice Department sued .", &[ORG, ORG, ORG, 0, 0], &[(1, 3, ORG)]),
            ("Staff of The Onion quit .", &[0, 0, ORG, ORG, 0, 0], &[(2, 4, ORG)]),
            ("The Oval was full .", &[LOC, LOC, 0, 0, 0], &[(0, 2, LOC)]),
            ("President Moon Jae-in spoke .", &[PER, PER, PER, 0, 0], &[(1, 3, PER)]),
            // A byline's `By` is no part of the name.
            ("By Jane Smith", &[PER, PER, PER], &[(1, 3, PER)]),
            // Nor a preposition, a party or a role before the name; a kinship noun may be a name.
            ("During Rosati trip", &[PER, PER, 0], &[(1, 2, PER)]),
            ("Democrat Walter Mondale lost", &[PER, PER, PER, 0], &[(1, 3, PER)]),
            ("Fullback Andre Joubert scored", &[PER, PER, PER, 0], &[(1, 3, PER)]),
            ("Pollster Ann Selzer said", &[PER, PER, PER, 0], &[(1, 3, PER)]),
            ("Son Heung-min scored", &[PER, PER, 0], &[(0, 2, PER)]),
            // Two titles both CoNLL and GUM keep in the name: `Miss`, `Inspector`.
            ("Inspector Lynley called", &[PER, PER, 0], &[(0, 2, PER)]),
            ("Miss Chaworth smiled", &[PER, PER, 0], &[(0, 2, PER)]),
        ];
        for (text, tags, want) in cases {
            let doc = Document::new(text);
            assert_eq!(doc.tokens.len(), tags.len(), "{text}");
            let headlines = vec![false; doc.sentences.len()];
            let got: Vec<(usize, usize, u8)> = typed_spans(&doc, tags, &headlines).iter().map(|s| (s.0, s.1, s.2)).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn overlaps_and_lookups_in_sorted_spans() {
        let spans = vec![(0, 2, PER, false), (3, 4, LOC, false), (5, 8, ORG, false), (9, 10, PER, false)];
        assert_eq!(without_overlaps(spans.clone(), &[(1, 4, LOC, false), (8, 9, MISC, false)]), [(5, 8, ORG, false), (9, 10, PER, false)]);
        assert_eq!(without_overlaps(spans.clone(), &[]), spans);
        assert_eq!(span_at(&spans, 6), Some(&(5, 8, ORG, false)));
        assert_eq!(span_at(&spans, 2), None);
        assert_eq!(span_at(&spans, 10), None);
    }
}
