//! Closed word lists the passes share: speech verbs, titles, pronouns.
//!
//! Speech verbs are listed by lemma and inflected here, so the list stays
//! readable and every tense is covered (`say`, `says`, `said`, `saying`).

use rustc_hash::FxHashSet as HashSet;

use crate::document::chars::{ascii_lower, Case};
use std::sync::OnceLock;

/// `word` with its ASCII letters lower-cased into `buf`, as a `str`; `None`
/// when it does not fit. The word lists below are ASCII, so a word that
/// does not fit the list's longest entry is in none of them.
fn lower_on_stack<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    ascii_lower(word.as_bytes(), buf).and_then(|l| std::str::from_utf8(l).ok())
}

/// Speech and communication verbs by lemma.
///
/// Notation: `lemma` inflects regularly; `lemma+` doubles its final
/// consonant (`admit` → `admitted`); `lemma:past:participle` lists irregular
/// forms (the participle may be omitted when equal to the past). Where US
/// and British spelling differ, both entries: `marvel` (`marveled`) and
/// `marvel+` (`marvelled`).
const SPEECH_VERBS: &[&str] = &[
    "accuse", "acknowledge", "add", "admit+", "advise", "affirm", "agree", "allege", "announce",
    "answer", "argue", "ask", "assail", "assert", "assure", "aver", "bark", "beam", "beg+",
    "believe", "bellow", "bemoan", "blame", "blast", "blog+", "boast", "boo", "boom", "brag+",
    "brand", "call", "caution", "chant", "characterise", "characterize", "charge", "cheer", "chide",
    "chime", "chuckle", "cite", "claim", "clarify", "comment", "complain", "concede", "conclude",
    "concur+", "confess", "confide", "confirm", "contend", "continue", "counter", "criticise",
    "criticize", "crow", "cry", "deadpan", "declare", "decry", "demand", "demur", "denounce",
    "deny", "deride", "describe", "disclose", "dismiss", "dub+", "echo", "elaborate", "email",
    "emphasise", "emphasize", "estimate", "exclaim", "exhort", "explain", "express", "find:found",
    "fume", "gasp", "gloat", "gripe", "groan", "grouse", "grumble", "gush", "hail", "hint",
    "holler", "huff", "implore", "imply", "indicate", "inform", "inquire", "insist", "instruct",
    "interject", "intone", "issue", "jeer", "joke", "label", "lambaste", "lament", "lash", "laud",
    "laugh", "lecture", "maintain", "marvel", "marvel+", "mention", "mock", "muse", "mutter",
    "needle", "note", "object", "observe", "offer", "opine", "pen+", "plead", "pledge", "ponder",
    "portray", "post", "praise", "pray", "predict", "press", "proclaim", "promise", "pronounce",
    "propose", "protest", "query", "quip+", "quiz", "quote", "rail", "rant", "rave", "react",
    "read:read", "reason", "reassure", "rebut+", "recall", "recite", "recommend", "recount",
    "refer+", "reflect", "reiterate", "relate", "relay", "release", "remark", "remember", "remind",
    "repeat", "reply", "report", "respond", "retaliate", "retort", "retweet", "reveal", "ridicule",
    "riff", "say:said", "scoff", "scold", "scream", "shout", "show:showed:shown", "shrug+", "sigh",
    "signal", "sing:sang:sung", "slam+", "snap+", "sneer", "sniff", "snipe", "speak:spoke:spoken",
    "specify", "speculate", "state", "stress", "suggest", "summarise", "summarize", "surmise",
    "swear:swore:sworn", "taunt", "tease", "tell:told", "term", "testify", "text", "thank",
    "theorise", "theorize", "think:thought", "threaten", "thunder", "tout", "tweet", "underline",
    "underscore", "urge", "vent", "volunteer", "vow", "warn", "whisper", "wonder",
    "write:wrote:written", "yell",
];

/// Single forms of verbs whose other forms are mostly nouns: `the judge
/// ruled that …`, but `the Supreme Court ruling`, `the rules`.
const SPEECH_VERB_FORMS: &[&str] = &["ruled"];

/// Whether `verb particle` is a phrasal speech verb: `shot back`, `fired
/// back`, `cut in`, `weighed in`, `spoke up`, `points out`.
pub fn is_particle_cue(verb: &str, particle: &str) -> bool {
    match particle {
        "out" => matches!(verb, "point" | "points" | "pointed" | "pointing"),
        "back" => matches!(verb, "shot" | "shoots" | "shoot" | "fired" | "fires" | "fire" | "hit" | "hits" | "wrote" | "writes" | "pushed" | "pushes"),
        "in" => matches!(verb, "cut" | "cuts" | "weighed" | "weighs" | "chimed" | "chimes" | "piped" | "pipes" | "jumped" | "jumps"),
        "up" => matches!(verb, "spoke" | "speaks" | "piped" | "pipes" | "summed" | "sums"),
        _ => false,
    }
}

/// All inflected forms of [`SPEECH_VERBS`], lower-case.
fn speech_verb_forms() -> &'static HashSet<String> {
    static FORMS: OnceLock<HashSet<String>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut set = HashSet::with_capacity_and_hasher(SPEECH_VERBS.len() * 4, Default::default());
        for entry in SPEECH_VERBS {
            for form in inflect(entry) {
                set.insert(form);
            }
        }
        set.extend(SPEECH_VERB_FORMS.iter().map(|f| f.to_string()));
        set
    })
}

/// Every form [`is_speech_verb`] accepts, lower-case: for a pass that
/// builds a quicker first test over them (see `passes::quotes::kind`).
pub fn all_speech_verb_forms() -> impl Iterator<Item = &'static str> {
    speech_verb_forms().iter().map(String::as_str)
}

/// The forms of one lexicon entry: base, third person, past, participle, gerund.
fn inflect(entry: &str) -> Vec<String> {
    let mut parts = entry.split(':');
    let lemma_spec = parts.next().unwrap_or_default();
    let irregular: Vec<&str> = parts.collect();
    let double = lemma_spec.ends_with('+');
    let lemma = lemma_spec.trim_end_matches('+');
    let last = lemma.chars().last().unwrap_or('a');
    let before_last = lemma.chars().rev().nth(1).unwrap_or('a');
    let vowel = |c: char| "aeiou".contains(c);

    let third = if lemma.ends_with('s') || lemma.ends_with("sh") || lemma.ends_with("ch") || lemma.ends_with('x') || lemma.ends_with('z') {
        format!("{lemma}es")
    } else if last == 'y' && !vowel(before_last) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}s")
    };
    let stem_doubled = if double { format!("{lemma}{last}") } else { lemma.to_string() };
    let past = if last == 'e' {
        format!("{lemma}d")
    } else if last == 'y' && !vowel(before_last) {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else {
        format!("{stem_doubled}ed")
    };
    let gerund = if last == 'e' && !lemma.ends_with("ee") {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else {
        format!("{stem_doubled}ing")
    };
    let mut forms = vec![lemma.to_string(), third, gerund];
    match irregular.as_slice() {
        [] => forms.push(past),
        [p] => forms.push(p.to_string()),
        [p, pp, ..] => {
            forms.push(p.to_string());
            forms.push(pp.to_string());
        }
    }
    forms
}

/// Whether `word` (any case) is a form of a speech or communication verb.
pub fn is_speech_verb(word: &str) -> bool {
    if word.len() > 16 || word.is_empty() {
        return false;
    }
    let set = speech_verb_forms();
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        set.contains(word)
    } else if word.is_ascii() {
        // Lower-case into a stack buffer: no allocation on the hot path.
        let mut buf = [0u8; 16];
        lower_on_stack(word, &mut buf).is_some_and(|w| set.contains(w))
    } else {
        set.contains(&word.to_lowercase())
    }
}

/// Whether `word` is a finite speech verb that can sit right next to its
/// subject's name (`said Caddell`, `Caddell told`): a past form or a
/// third-person present, not a bare form that is also a noun (`text`, `post`).
pub fn is_finite_speech_verb(word: &str) -> bool {
    if !is_speech_verb(word) {
        return false;
    }
    // (A speech verb is at most 16 bytes: lower-cased on the stack when ASCII.)
    let mut buf = [0u8; 16];
    let owned;
    let w = match lower_on_stack(word, &mut buf) {
        Some(w) if word.is_ascii() => w,
        _ => {
            owned = word.to_lowercase();
            owned.as_str()
        }
    };
    w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")) || matches!(w, "said" | "told" | "wrote" | "spoke" | "thought" | "swore" | "shot" | "read")
}

/// The words of [`is_noun_like_cue`], sorted for a binary search: less code than a `match`.
const NOUN_LIKE_CUES: &[&str] = &[
    "answer", "blast", "boast", "boom", "brand", "call", "chant", "charge", "cheer", "claim", "comment", "comments",
    "counter", "cry", "demand", "email", "estimate", "find", "groan", "hail", "issue", "joke", "label", "laugh",
    "lecture", "mock", "note", "object", "offer", "plead", "pledge", "post", "praise", "press", "promise", "protest",
    "question", "quote", "rant", "rave", "reason", "reflect", "release", "remark", "repeat", "reply", "report",
    "scream", "shout", "show", "sigh", "signal", "slam", "state", "statement", "taunt", "term", "text", "thank",
    "tweet", "vent", "vow", "warn", "whisper", "yell",
];

/// Speech verbs that are just as often nouns (`an email`, `a call`), whose
/// bare and `-s` forms need a look at the words before them.
pub fn is_noun_like_cue(base: &str) -> bool {
    NOUN_LIKE_CUES.binary_search(&base).is_ok()
}

/// The title words that introduce a person later called by a role noun:
/// `the top U.S. diplomat` was introduced as `Secretary of State …`.
pub fn titles_for_role(role: &str) -> Option<&'static [&'static str]> {
    Some(match role {
        "diplomat" => &["Secretary", "Minister", "Ambassador", "Envoy"],
        "president" => &["President"],
        "senator" => &["Sen.", "Senator"],
        "governor" => &["Gov.", "Governor"],
        "mayor" => &["Mayor"],
        "minister" | "premier" => &["Minister", "Premier"],
        "chancellor" => &["Chancellor"],
        "secretary" => &["Secretary"],
        "chairman" | "chairwoman" | "chair" => &["Chairman", "Chairwoman", "Chair", "Chairperson"],
        "leader" => &["Leader", "Chairman", "President", "Premier", "Minister"],
        "ambassador" | "envoy" => &["Ambassador", "Envoy"],
        "general" | "commander" => &["Gen.", "General", "Commander", "Adm.", "Admiral"],
        "judge" | "justice" => &["Judge", "Justice"],
        "congressman" | "congresswoman" | "lawmaker" | "representative" => {
            &["Rep.", "Representative", "Congressman", "Congresswoman", "Sen.", "Senator"]
        }
        "king" | "monarch" => &["King"],
        "queen" => &["Queen"],
        "pope" | "pontiff" => &["Pope"],
        "spokesman" | "spokeswoman" | "spokesperson" => &["Spokesman", "Spokeswoman", "Spokesperson"],
        "prosecutor" | "attorney" => &["Attorney", "Prosecutor"],
        "director" => &["Director"],
        "prime" => &["Prime"],
        _ => return None,
    })
}

/// Number of distinct speech-verb lemmas (for tests and documentation).
pub fn speech_verb_lemmas() -> usize {
    fn lemma(entry: &'static str) -> &'static str {
        entry.split(':').next().unwrap_or_default().trim_end_matches('+')
    }
    SPEECH_VERBS.len() - SPEECH_VERBS.windows(2).filter(|w| lemma(w[0]) == lemma(w[1])).count()
}

/// Grammatical gender, where a word or name tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Female,
    Male,
}

/// Personal pronouns that can be the subject of a speech verb, with the
/// gender they carry and whether they are plural.
pub fn pronoun(word: &str) -> Option<(Option<Gender>, bool)> {
    Some(match word {
        "he" | "He" | "HE" | "him" | "his" => (Some(Gender::Male), false),
        "she" | "She" | "SHE" | "her" => (Some(Gender::Female), false),
        "I" | "i" => (None, false),
        "we" | "We" | "they" | "They" => (None, true),
        "it" | "It" => (None, false),
        _ => return None,
    })
}

/// The words of [`is_person_title`], sorted for a binary search: less code than a `match`.
const PERSON_TITLES: &[&str] = &[
    "Adm.", "Admiral", "Ambassador", "Archbishop", "Assemblyman", "Assemblywoman", "Attorney", "Ayatollah", "Bishop",
    "CEO", "Capt.", "Captain", "Cardinal", "Chair", "Chairman", "Chairperson", "Chairwoman", "Chancellor", "Chief",
    "Coach", "Col.", "Colonel", "Commissioner", "Congressman", "Congresswoman", "Corporal", "Councilman",
    "Councilwoman", "Crown", "Dame", "Defence", "Defense", "Deputy", "Detective", "Director", "Dr", "Dr.", "Emir",
    "Emperor", "Empress", "Father", "Finance", "First", "Foreign", "Gen.", "General", "Gov.", "Governor", "Grand",
    "Health", "Imam", "Inspector", "Interior", "Judge", "Justice", "Justices", "King", "Lady", "Lawmaker", "Leader",
    "Lieutenant", "Lord", "Lt.", "Maj.", "Marshal", "Mayor", "Minister", "Miss", "Mr", "Mr.", "Mrs", "Mrs.", "Ms",
    "Ms.", "Officer", "Pope", "Premier", "President", "Prime", "Prince", "Princess", "Prof.", "Professor", "Queen",
    "Rabbi", "Rep.", "Representative", "Rev.", "Reverend", "Secretary", "Sen.", "Senator", "Senior", "Sergeant",
    "Sgt.", "Sheikh", "Sheriff", "Sir", "Speaker", "State", "Sultan", "Superintendent", "Supreme", "Trade", "Vice",
];

/// The gender a kinship noun gives the person it names (`father`, `wife`).
pub fn kin_gender(word: &str) -> Option<Gender> {
    match word {
        "father" | "son" | "brother" | "husband" | "grandfather" | "grandson" | "uncle" | "nephew" | "boyfriend" => Some(Gender::Male),
        "mother" | "daughter" | "sister" | "wife" | "grandmother" | "granddaughter" | "aunt" | "niece" | "girlfriend" => Some(Gender::Female),
        _ => None,
    }
}

/// Titles and honorifics that precede a person's name. Case-sensitive;
/// abbreviations with their period.
pub fn is_person_title(word: &str) -> bool {
    PERSON_TITLES.binary_search(&word).is_ok()
}

/// Title words that, on their own before a name, make it a person
/// (`Foreign` or `State` alone do not).
pub fn is_strong_title(word: &str) -> bool {
    is_person_title(word)
        && !matches!(
            word,
            "Vice" | "Foreign" | "Defense" | "Defence" | "Interior" | "Finance" | "State" | "Trade" | "Health"
                | "First" | "Crown" | "Grand" | "Supreme" | "Senior" | "Prime" | "Deputy" | "Chief" | "Leader"
                | "Attorney" | "Chair" | "Director" | "Speaker" | "Justice" | "Officer"
        )
}

/// The words of [`is_role_noun`], sorted for a binary search: less code than a `match`.
const ROLE_NOUNS: &[&str] = &[
    "adviser", "advisor", "agency", "aide", "aides", "ambassador", "analyst", "analysts", "army", "attorney",
    "authorities", "campaign", "candidate", "ceo", "chairman", "chairwoman", "chief", "commander", "committee",
    "company", "critics", "department", "diplomat", "director", "doctor", "envoy", "executive", "expert", "experts",
    "firm", "government", "governor", "group", "judge", "lawmaker", "lawmakers", "lawyer", "lawyers", "leader",
    "leaders", "man", "manager", "mayor", "military", "minister", "ministry", "nominee", "office", "officer",
    "officers", "official", "officials", "organizers", "people", "person", "police", "poll", "president",
    "prosecutor", "prosecutors", "report", "representative", "researchers", "residents", "scientists", "secretary",
    "senator", "source", "sources", "spokesman", "spokesmen", "spokespeople", "spokesperson", "spokeswoman",
    "statement", "study", "survey", "voter", "voters", "witnesses", "woman",
];

/// Lower-case nouns that name a role and can head a speaker phrase
/// (`the spokeswoman said`, `officials said`).
pub fn is_role_noun(word: &str) -> bool {
    ROLE_NOUNS.binary_search(&word.to_ascii_lowercase().as_str()).is_ok()
}

/// The words of [`is_person_noun`], sorted for a binary search.
const PERSON_NOUNS: &[&str] = &[
    "actor", "actress", "adviser", "advisor", "aide", "ambassador", "analyst", "attorney", "author", "brother",
    "businessman", "businesswoman", "candidate", "captain", "chairman", "chairwoman", "coach", "columnist",
    "commander", "congressman", "congresswoman", "consultant", "councillor", "councilman", "councilwoman", "daughter",
    "defender", "detective", "diplomat", "director", "doctor", "economist", "editor", "engineer", "entrepreneur",
    "envoy", "executive", "expert", "farmer", "father", "founder", "goalkeeper", "governor", "historian", "husband",
    "journalist", "judge", "lawmaker", "lawyer", "leader", "lecturer", "legislator", "manager", "mayor", "midfielder",
    "minister", "mother", "nominee", "novelist", "nurse", "officer", "official", "physician", "poet", "politician",
    "pollster", "premier", "president", "professor", "prosecutor", "publisher", "reporter", "researcher", "resident",
    "scholar", "scientist", "secretary", "senator", "sheriff", "singer", "sister", "son", "spokesman", "spokesperson",
    "spokeswoman", "strategist", "striker", "student", "surgeon", "teacher", "veteran", "widow", "wife", "writer",
];

/// Lower-case singular nouns that name a person by what they do or are:
/// after a name and a comma (`Koichi Nakano, a political scientist`) or
/// right before it (`prime minister Yoshihiko Noda`) they make the name a
/// person's. Words ending in `-ist` are such nouns too (`economist`).
pub fn is_person_noun(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ist") && word.bytes().all(|b| b.is_ascii_lowercase()))
        || PERSON_NOUNS.binary_search(&word).is_ok()
}

/// [`is_person_noun`]s that also make a title right before a name
/// (`analyst Koichi Nakano`), not those that are as often adjectives or
/// firms' roles there (`the official China Daily`, `lead manager Goldman
/// Sachs`, `state engineer Comelf`, `veteran New Hampshire GOP leader`,
/// `nationalist Swiss People's Party`: no word in `-ist` but those listed).
pub fn is_title_noun(word: &str) -> bool {
    is_person_noun(word)
        && !matches!(word, "official" | "manager" | "leader" | "veteran" | "resident" | "executive" | "premier" | "expert" | "engineer")
        && (!word.ends_with("ist") || matches!(word, "economist" | "strategist" | "columnist" | "novelist" | "scientist" | "journalist"))
}

/// The words of [`is_speech_noun`], sorted for a binary search: less code than a `match`.
const SPEECH_NOUNS: &[&str] = &[
    "accusation", "accusations", "admission", "allegation", "allegations", "announcement", "answer", "argument",
    "assertion", "assertions", "boast", "call", "characterization", "charge", "claim", "claims", "comment",
    "comments", "complaint", "contention", "criticism", "declaration", "demand", "description", "emphasis",
    "explanation", "insinuation", "insistence", "message", "missive", "plea", "pledge", "prediction", "promise",
    "promises", "question", "quip", "remark", "remarks", "reminder", "response", "retort", "rhetoric", "statement",
    "statements", "suggestion", "tweet", "tweets", "view", "views", "vow", "warning", "warnings", "words",
];

/// Nouns for what someone said, whose owner is its source: `his claim
/// that …`, `Bolton's view`, `her remark that …`.
pub fn is_speech_noun(word: &str) -> bool {
    SPEECH_NOUNS.binary_search(&word).is_ok()
}

/// The words of [`is_speaker_noun`], sorted for a binary search: less code than a `match`.
const SPEAKER_NOUNS: &[&str] = &[
    "activist", "activists", "ad", "advertisement", "advocates", "allies", "ally", "americans", "anchor", "article",
    "association", "associations", "audience", "author", "backers", "board", "book", "brother", "campaign",
    "candidates", "center", "challenger", "channel", "citizens", "columnist", "complaint", "congress",
    "conservatives", "consultant", "court", "critic", "crowd", "daughter", "delegate", "delegates", "democrats",
    "document", "documents", "donor", "donors", "economist", "economists", "editorial", "email", "emails",
    "environmentalists", "fans", "father", "filing", "film", "followers", "foundation", "founder", "friend",
    "friends", "governors", "groups", "historian", "host", "house", "husband", "incumbent", "indictment", "insider",
    "insiders", "institute", "journalist", "lawsuit", "letter", "liberals", "magazine", "majority", "member",
    "members", "memo", "message", "minority", "moderator", "mother", "network", "newspaper", "nominees", "observers",
    "officials", "operative", "opinion", "opponent", "opponents", "organisations", "organization", "organizations",
    "others", "outlet", "owner", "page", "paper", "participants", "party", "percent", "pollster", "post",
    "president-elect", "professor", "protester", "protesters", "reporter", "reporters", "republicans", "residents",
    "respondents", "rival", "rivals", "ruling", "scholar", "senate", "senators", "service", "sister", "site", "son",
    "speaker", "staff", "staffer", "staffers", "station", "strategist", "student", "students", "suit", "supporter",
    "supporters", "team", "tweet", "union", "unions", "video", "website", "wife", "worker", "workers", "writer",
];

/// Nouns for groups and documents that speak in the news (`supporters
/// chanted`, `the letter says`), beyond the roles of [`is_role_noun`].
pub fn is_speaker_noun(word: &str) -> bool {
    // Lower-cased on the stack: no entry is longer than 17 bytes
    // (`environmentalists`), so a longer word is none.
    let mut buf = [0u8; 17];
    let lower = lower_on_stack(word, &mut buf).unwrap_or("");
    SPEAKER_NOUNS.binary_search(&lower).is_ok()
}

/// The words of [`ends_noun_phrase`], sorted for a binary search: less code than a `match`.
const NOUN_PHRASE_ENDS: &[&str] = &[
    "about", "according", "after", "afternoon", "again", "against", "also", "and", "are", "as", "at", "be", "because",
    "been", "before", "between", "but", "by", "can", "could", "did", "do", "does", "during", "earlier", "even",
    "evening", "for", "friday", "from", "had", "has", "have", "how", "if", "in", "into", "is", "it", "just", "later",
    "may", "might", "monday", "month", "morning", "must", "night", "not", "not,", "of", "on", "once", "or", "over",
    "previously", "said", "saturday", "says", "should", "since", "so", "still", "sunday", "than", "that", "then",
    "there", "this", "through", "thursday", "to", "today", "tomorrow", "tuesday", "under", "until", "was",
    "wednesday", "week", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "without", "would", "year", "yesterday",
];

/// Words that cannot be inside a speaker noun phrase: they end it.
pub fn ends_noun_phrase(word: &str) -> bool {
    NOUN_PHRASE_ENDS.binary_search(&word.to_ascii_lowercase().as_str()).is_ok()
}

/// The words of [`is_verb_filler`], sorted for a binary search: less code than a `match`.
const VERB_FILLERS: &[&str] = &[
    "able", "again", "already", "also", "also,", "always", "appeared", "are", "as", "be", "been", "began", "begins",
    "being", "can", "continued", "continues", "could", "decided", "did", "do", "does", "earlier", "even", "first",
    "further", "go", "goes", "going", "had", "has", "have", "heard", "is", "just", "later", "may", "might", "never",
    "not", "now", "often", "on", "once", "only", "previously", "privately", "publicly", "quick", "quoted", "recently",
    "repeatedly", "reported", "reportedly", "seemed", "should", "simply", "sought", "started", "still", "then", "to",
    "tried", "tries", "used", "wanted", "wants", "was", "went", "were", "will", "would",
];

/// Auxiliaries and adverbs that may stand between a subject and its speech
/// verb (`Kim was heard saying`, `Pompeo had said`, `he later told`).
pub fn is_verb_filler(word: &str) -> bool {
    // `Will` and `May` are names when capitalised.
    if word.starts_upper() {
        return false;
    }
    let w = word.to_ascii_lowercase();
    VERB_FILLERS.binary_search(&w.as_str()).is_ok() || (w.len() > 4 && w.ends_with("ly"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        for list in [PERSON_TITLES, ROLE_NOUNS, PERSON_NOUNS, SPEAKER_NOUNS, NOUN_PHRASE_ENDS, VERB_FILLERS, NOUN_LIKE_CUES, SPEECH_NOUNS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
        }
    }

    #[test]
    fn word_lists_in_any_case() {
        // (word, speaker noun, finite speech verb)
        let cases: &[(&str, bool, bool)] = &[
            ("supporters", true, false),
            ("Supporters", true, false),
            ("ENVIRONMENTALISTS", true, false),
            ("environmentalistss", false, false),
            ("said", false, true),
            ("Said", false, true),
            ("TOLD", false, true),
            ("tweeted", false, true),
            ("says", false, true),
            ("say", false, false),
            ("saying", false, false),
            ("café", false, false),
            ("", false, false),
        ];
        for &(w, noun, finite) in cases {
            assert_eq!(is_speaker_noun(w), noun, "{w}: speaker noun");
            assert_eq!(is_finite_speech_verb(w), finite, "{w}: finite speech verb");
        }
    }

    #[test]
    fn at_least_a_hundred_speech_verbs_in_every_tense() {
        assert!(speech_verb_lemmas() >= 100, "{}", speech_verb_lemmas());
        for w in [
            "said", "says", "saying", "say", "told", "tweeted", "tweets", "added", "asked", "warned",
            "insisted", "wrote", "written", "recalled", "admitted", "quipped", "replied", "cries",
            "stressed", "noting", "Said", "SAID", "testified", "shrugged", "riffed", "marveled", "marvelled",
            "echoed",
        ] {
            assert!(is_speech_verb(w), "{w}");
        }
        for w in ["the", "Korea", "sailed", "", "summit", "rifffed"] {
            assert!(!is_speech_verb(w), "{w}");
        }
    }

    #[test]
    fn roles_map_to_titles() {
        assert!(titles_for_role("diplomat").unwrap().contains(&"Secretary"));
        assert!(titles_for_role("senator").unwrap().contains(&"Sen."));
        assert!(titles_for_role("table").is_none());
    }

    #[test]
    fn lemma_list_is_sorted_and_unique() {
        let mut v: Vec<&str> = SPEECH_VERBS.to_vec();
        v.sort_unstable();
        v.dedup();
        assert_eq!(v, SPEECH_VERBS);
    }
}
