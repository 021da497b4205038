//! Byte spans into the input text.

use std::ops::Range;

/// A half-open byte range `[start, end)` into the document text.
///
/// Every stage of the pipeline speaks in byte offsets, because that is what
/// Rust's `str` indexes with; the output boundary converts them once into the
/// unit the caller asked for (see [`crate::output`]). A span is always on
/// `char` boundaries: stages build spans only from offsets they got from
/// `char_indices` or from other spans.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The slice of `text` this span covers.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Whether `other` lies entirely inside `self`.
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the byte offset `pos` lies inside `self`.
    #[inline]
    pub const fn contains_pos(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// This span as a [`sort_stably`] key: by start, then end, then `rank`.
    #[inline]
    pub fn sort_key(self, rank: u8) -> u128 {
        (self.start as u128) << 72 | (self.end as u128) << 8 | rank as u128
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Sorts `items` by `key`, keeping equal items in their order, as
/// `sort_by_key` does, but with one sort routine for the whole crate: a
/// `sort_by_key` per element type put a copy of the sort routine each into
/// the WASM module (four copies, 7 KB gzip).
pub fn sort_stably<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    // (Most lists come in order: no allocation then.)
    if items.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    let mut keys: Vec<(u128, usize)> = items.iter().map(key).zip(0..).collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keys.into_iter().filter_map(|(_, i)| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(2, 6);
        assert!(a.overlaps(Span::new(5, 9)));
        assert!(!a.overlaps(Span::new(6, 9)), "half-open: touching is not overlapping");
        assert!(a.contains(Span::new(2, 6)));
        assert!(!a.contains(Span::new(1, 3)));
        assert_eq!(a.cover(Span::new(8, 9)), Span::new(2, 9));
        assert_eq!(Span::new(3, 5).slice("abcdefg"), "de");
    }

    #[test]
    fn sorts_stably_by_key() {
        let mut v = vec![(Span::new(5, 9), 'a'), (Span::new(1, 4), 'b'), (Span::new(5, 9), 'c'), (Span::new(1, 2), 'd'), (Span::new(5, 6), 'e')];
        sort_stably(&mut v, |x| x.0.sort_key(0));
        assert_eq!(v.iter().map(|x| x.1).collect::<String>(), "dbeac");
        // The rank breaks ties between equal spans; equal keys keep their order.
        let mut v = vec![(Span::new(1, 2), 2u8, 'a'), (Span::new(1, 2), 1, 'b'), (Span::new(1, 2), 2, 'c')];
        sort_stably(&mut v, |x| x.0.sort_key(x.1));
        assert_eq!(v.iter().map(|x| x.2).collect::<String>(), "bac");
        let mut empty: Vec<Span> = Vec::new();
        sort_stably(&mut empty, |s| s.sort_key(0));
        assert!(empty.is_empty());
    }
}
