//! Byte offsets to the caller's unit, converted once for the whole output.
//!
//! The converter collects every offset the output needs, sorts them, and
//! walks the text once, so its cost is linear in the text plus `n log n` in
//! the number of offsets, and its memory is proportional to the offsets, not
//! to the text (a per-byte table would cost 4–8 bytes per input byte).

use crate::options::OffsetUnit;

/// Maps byte offsets of one text to another unit.
pub struct OffsetMap {
    unit: OffsetUnit,
    /// Sorted, unique byte offsets and their converted values.
    bytes: Vec<usize>,
    converted: Vec<usize>,
}

impl OffsetMap {
    /// Prepares conversion of `offsets` (byte offsets on char boundaries).
    pub fn new(text: &str, unit: OffsetUnit, mut offsets: Vec<usize>) -> OffsetMap {
        if unit == OffsetUnit::Utf8 {
            return OffsetMap { unit, bytes: Vec::new(), converted: Vec::new() };
        }
        // (The crate's one sort routine, not a second copy for `usize`: see
        // `sort_stably`.)
        crate::document::sort_stably(&mut offsets, |&o| o as u128);
        offsets.dedup();
        let mut converted = Vec::with_capacity(offsets.len());
        let mut pos = 0; // byte position reached
        let mut count = 0; // converted units before `pos`
        for &target in &offsets {
            let chunk = &text[pos..target];
            count += match unit {
                OffsetUnit::Utf16 => utf16_len(chunk),
                OffsetUnit::Codepoint => chunk.chars().count(),
                OffsetUnit::Utf8 => unreachable!(),
            };
            pos = target;
            converted.push(count);
        }
        OffsetMap { unit, bytes: offsets, converted }
    }

    /// The converted value of a byte offset given to [`OffsetMap::new`].
    pub fn get(&self, byte: usize) -> usize {
        if self.unit == OffsetUnit::Utf8 {
            return byte;
        }
        let i = self.bytes.binary_search(&byte).expect("offset registered with OffsetMap::new");
        self.converted[i]
    }
}

/// Length of `s` in UTF-16 code units.
pub fn utf16_len(s: &str) -> usize {
    // Every char is one unit, plus one more for each 4-byte (non-BMP) char.
    s.chars().count() + s.bytes().filter(|&b| b >= 0xF0).count()
}

/// Length of `text` in `unit`.
pub fn length_in(text: &str, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Utf8 => text.len(),
        OffsetUnit::Utf16 => utf16_len(text),
        OffsetUnit::Codepoint => text.chars().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_agree_with_std() {
        let text = "a€😀b\u{0301}c";
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for unit in [OffsetUnit::Utf16, OffsetUnit::Codepoint, OffsetUnit::Utf8] {
            let map = OffsetMap::new(text, unit, offsets.clone());
            for &b in &offsets {
                let want = match unit {
                    OffsetUnit::Utf8 => b,
                    OffsetUnit::Codepoint => text[..b].chars().count(),
                    OffsetUnit::Utf16 => text[..b].encode_utf16().count(),
                };
                assert_eq!(map.get(b), want, "{unit} at {b}");
            }
            assert_eq!(length_in(text, unit), map.get(text.len()));
        }
    }
}
