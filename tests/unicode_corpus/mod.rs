//! The Unicode corpus: short news-like texts around the characters that
//! break naive offset code. Checked natively (`tests/unicode.rs`, every
//! offset unit) and in Chromium and Firefox (`tests/wasm_unicode.rs`, with
//! JavaScript's own `String.prototype.slice`).
#![allow(dead_code)]

/// (name, text).
pub const CASES: &[(&str, &str)] = &[
    (
        "emoji ZWJ sequences",
        "👨‍👩‍👧‍👦 “We are a family 👩‍❤️‍💋‍👨, all of us,” said Mike Pompeo in Seoul. 🧑🏽‍🚀 and 🏳️‍🌈 and 🐻‍❄️ waited in Tokyo.",
    ),
    (
        "flags and tag sequences",
        "🇰🇷🇺🇸🇯🇵 Kim Jong Un said “🇰🇵 comes first, always” in Pyongyang. 🏴󠁧󠁢󠁳󠁣󠁴󠁿 “Scotland 🏴󠁧󠁢󠁥󠁮󠁧󠁿 too,” said Angela Merkel.",
    ),
    ("skin tones", "👍🏻👍🏼👍🏽👍🏾👍🏿 “Great 👋🏿 work, everyone,” said Angela Merkel in Berlin. 🤝🏽 Moon Jae-in nodded."),
    ("keycaps and variation selectors", "1️⃣ “One step at a time,” said Kim in Seoul. #️⃣ *️⃣ ☺︎ ☺️ “Two,” said Pompeo."),
    (
        "CJK",
        "金正恩は「核実験を中止する」と述べた。“我们很高兴，”Moon Jae-in said in Beijing. 문재인 대통령은 “평화가 왔다”라고 말했다 in Seoul. 『二重』",
    ),
    ("Arabic", "قال محمد «نحن سعداء جدا» في القاهرة. “We are very happy,” said Mohammed bin Salman in Cairo. ١٢٣ ـــ"),
    ("Hebrew", "אמר נתניהו \"שלום עכשיו\" בירושלים. “Peace now,” said Benjamin Netanyahu in Jerusalem.\u{200f} ״גרשיים״"),
    (
        "bidi controls",
        "\u{202e}“reversed text here,” said Kim\u{202c} in \u{2067}Paris\u{2069}. \u{200e}“Left,” \u{200f}said Pompeo.",
    ),
    (
        "combining marks",
        "Zoe\u{308} Mu\u{308}ller said “cafe\u{301} au lait, s\u{30c}e\u{301}f” in Zu\u{308}rich. Z\u{335}\u{321}a\u{337}l\u{336}g\u{334}o\u{338} “t\u{301}\u{302}\u{303}e\u{304}s\u{305}t\u{306},” Kim said. \u{301}“x”",
    ),
    ("CRLF", "“First of all,” Kim said.\r\n\r\n“Second,” Pompeo said in Seoul.\r\nA line.\r\n“Third\r\nline,” said Moon Jae-in.\r\n"),
    ("lone CR", "“First of all,” Kim said.\r\r“Second,” Pompeo said in Seoul.\rA line.\r“Third\rline,” said Moon Jae-in.\r"),
    ("mixed line endings", "Seoul\n\r\n\r“One,” Kim said.\n\r“Two,” Pompeo said.\u{2028}“Three,” Moon said.\u{2029}“Four,” he said.\u{85}End"),
    (
        "NBSP and narrow NBSP",
        "«\u{a0}Nous allons gagner\u{a0}», a déclaré Emmanuel\u{a0}Macron à Paris.\u{a0}“Yes\u{202f}!” said Mr.\u{a0}Macron. « Oui\u{202f}» dit-il.",
    ),
    (
        "zero-width spaces",
        "Kim\u{200b}Jong\u{200b}Un said “zero\u{200b}width\u{200d}joiner\u{feff}here\u{2060}too” in Se\u{200b}oul. \u{200c}“Non-joiner,” Pompeo said.",
    ),
    ("byte-order mark", "\u{feff}“Start of the file,” said Kim in Seoul.\u{feff}\n\n\u{feff}“Again,” said Pompeo."),
    ("non-BMP letters", "𝐊𝐢𝐦 said “𝒳 marks 𝔱𝔥𝔢 spot” in 𐐀𐐨𐑌 Seoul. “𝟙𝟚𝟛,” said Kim Jong Un. 𠜎𠜱𠝹 “𠱓,” he said."),
    ("replacement and controls", "“\u{fffd}bad\u{fffd} bytes,” said Kim in Seoul. “a\u{0}b\u{7}c\u{1b}[0m,” said Pompeo.\u{7f}"),
    ("full-width", "＂Ｋｉｍ ｓａｉｄ ｓｏ＂ said Kim in Ｓｅｏｕｌ. “ｆｕｌｌ，” said Pompeo。"),
    ("apostrophes", "“It’s the ’90s, rock ’n’ roll,” said O’Brien in Seoul. ‘Ma’am,’ Kim’s aide said. 'Don't,' said O'Neil."),
    ("quote styles", "„Ja,“ sagte Merkel in Berlin. ‚Nein,‘ sagte er. »Doch,« sagte Kim. ‹Oui,› dit Macron. 「はい」と言った。〝Yes〞 said Moon."),
];
