//! The named-entity tagger: a greedy left-to-right averaged perceptron over
//! hashed features, one tag per word (IO encoding: `O`, `PER`, `LOC`, `ORG`,
//! `MISC`).
//!
//! Weights are trained by `examples/train_tagger.rs` on CoNLL-2003 train and
//! half of GUM dev (see `data/README.md`) and embedded from
//! `data/ner-model.bin`: a header (`NER3`, bucket count, tag count, codebook
//! size), a codebook of weight values, then a code per bucket and tag,
//! packed (see [`pack_codes`]).
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

use std::hash::BuildHasher;
use std::sync::OnceLock;

use rustc_hash::FxBuildHasher;

use crate::document::chars::{is_listed_lower, pack, Case};
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

/// Read-only weights, made from [`Weights`] and not keeping them (the
/// embedded blob's codes are unpacked into a buffer that is dropped).
pub struct Model {
    pub buckets: usize,
    /// The weights decoded for tagging, one [`Row`] per bucket: adding a
    /// feature is then one aligned load per four tags instead of a code and
    /// a codebook read per tag.
    rows: Vec<Row>,
    /// `buckets - 1` when `buckets` is a power of two (the embedded model's
    /// 2^15), else `0`: [`bucket`] with its test for a power of two made once.
    mask: u64,
}

/// Weights as stored: `buckets × NT` one-byte codes into a codebook of
/// weight values (the embedded blob), or floats.
pub enum Weights<'a> {
    /// The codebook padded to 256 entries (a code past its end weighs 0), so
    /// any byte indexes it without a check.
    Coded { codebook: Box<[f32; 256]>, codes: Vec<u8> },
    F32(&'a [f32]),
}

/// Lanes of a [`Row`] and of the scores: the tags, padded with zeros to two
/// SSE (or one AVX) vector. Each lane is summed on its own, in feature order,
/// so adding whole rows gives the tags bit for bit the sums of adding each
/// weight in turn.
const LANES: usize = 8;

/// One bucket's weights, a weight per tag and zeros after.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Copy, Default)]
#[repr(C, align(32))]
struct Row([f32; LANES]);

/// In WASM, without SIMD, a bucket's weights are the tags' alone: five adds
/// a feature rather than eight, and 20 bytes a bucket rather than 32 (the
/// model's 2^15 buckets take 640 KB of linear memory rather than 1 MB).
/// Reading the one-byte codes instead would save the rest, but costs a
/// codebook load per tag: 6 % more instructions per token in V8.
#[cfg(target_arch = "wasm32")]
#[derive(Clone, Copy, Default)]
struct Row([f32; NT]);

/// Scores being summed, one lane per tag (see [`LANES`]).
type Scores = [f32; LANES];

impl Row {
    #[inline(always)]
    fn add_to(&self, scores: &mut Scores) {
        for (s, w) in scores.iter_mut().zip(&self.0) {
            *s += w;
        }
    }
}

impl Model {
    fn new(buckets: usize, weights: Weights<'_>) -> Model {
        let rows = (0..buckets)
            .map(|b| {
                let mut r = Row::default();
                for (t, w) in r.0[..NT].iter_mut().enumerate() {
                    *w = match &weights {
                        Weights::Coded { codebook, codes } => codebook[codes[b * NT + t] as usize],
                        Weights::F32(f) => f[b * NT + t],
                    };
                }
                r
            })
            .collect();
        let mask = if buckets.is_power_of_two() { buckets as u64 - 1 } else { 0 };
        Model { buckets, rows, mask }
    }

    /// [`Model::add`] for each bucket of `buckets`, in order. Not inlined:
    /// on its own, the loop keeps the scores in vector registers and adds
    /// whole rows (inlined into the tagger, it was compiled lane by lane).
    #[inline(never)]
    fn add_all(&self, buckets: &[u32], scores: &mut Scores) {
        for &b in buckets {
            self.add(b, scores);
        }
    }

    /// Adds the weights of feature bucket `bucket` to `scores`. A token's
    /// features must be added in model order: the order fixes the rounding.
    #[inline]
    fn add(&self, bucket: u32, scores: &mut Scores) {
        if let Some(row) = self.rows.get(bucket as usize) {
            row.add_to(scores);
        }
    }
}

/// The embedded model, parsed once. A malformed blob gives an empty model
/// (every token `O`) rather than a panic.
pub fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| parse(MODEL).unwrap_or(Model::new(0, Weights::F32(&[]))))
}

/// Format: `NER3`, u32 buckets, u32 tags, u32 codebook size K = 2L + 1
/// (odd, ≤ 255), K × f32 codebook (`0`, then `L` positive levels, then their
/// negatives), all little-endian; then the codes packed by [`pack_codes`].
fn parse(b: &[u8]) -> Option<Model> {
    let (buckets, codebook, codes) = parse_coded(b)?;
    Some(Model::new(buckets, Weights::Coded { codebook, codes }))
}

/// The bucket count, codebook and code bytes of an `NER3` blob (see [`parse`]).
fn parse_coded(b: &[u8]) -> Option<(usize, Box<[f32; 256]>, Vec<u8>)> {
    let u32_at = |o: usize| -> Option<usize> { Some(u32::from_le_bytes(b.get(o..o + 4)?.try_into().ok()?) as usize) };
    if b.get(0..4)? != b"NER3" {
        return None;
    }
    let (buckets, nt, k) = (u32_at(4)?, u32_at(8)?, u32_at(12)?);
    if nt != NT || k > 255 || k % 2 == 0 || buckets == 0 {
        return None;
    }
    let mut codebook = Box::new([0f32; 256]);
    for (i, c) in codebook.iter_mut().enumerate().take(k) {
        *c = f32::from_le_bytes(b.get(16 + 4 * i..20 + 4 * i)?.try_into().ok()?);
    }
    let codes = unpack_codes(b.get(16 + 4 * k..)?, buckets, k / 2)?;
    Some((buckets, codebook, codes))
}

/// The weights of an `NER3` blob as floats, bucket by bucket and tag by
/// tag, with its bucket count: what [`serialise`] takes, to store a model
/// again with fewer levels (`examples/train_tagger.rs --requantize`).
pub fn decode_weights(b: &[u8]) -> Option<(usize, Vec<f32>)> {
    let (buckets, codebook, codes) = parse_coded(b)?;
    Some((buckets, codes.iter().map(|&c| codebook[c as usize]).collect()))
}

/// Packs one code byte per bucket and tag (`0`, `1..=levels` positive,
/// `levels + 1..=2 levels` negative) in two streams that gzip well: per
/// bucket, the signs of its five weights as one base-3 byte (0 none, 1
/// positive, 2 negative; the first tag is the top digit), then, per
/// non-zero weight in order, its level less one. Zeros and the sign
/// patterns that recur make the first stream small; the levels, mostly 1,
/// the second: the model at 21 levels gzipped to 41.8 KB instead of 46.4
/// KB as plain code bytes (at today's 17 levels, 39.6 KB).
pub fn pack_codes(codes: &[u8], levels: usize) -> Vec<u8> {
    let levels = levels as u8;
    let sign = |c: u8| match c {
        0 => 0,
        c if c <= levels => 1,
        _ => 2,
    };
    let mut out: Vec<u8> = codes.chunks(NT).map(|r| r.iter().fold(0, |p, &c| p * 3 + sign(c))).collect();
    out.extend(codes.iter().filter(|&&c| c != 0).map(|&c| (c - 1) % levels));
    out
}

/// The code bytes back from [`pack_codes`]; `None` unless `b` holds exactly
/// `buckets` patterns and their levels.
fn unpack_codes(b: &[u8], buckets: usize, levels: usize) -> Option<Vec<u8>> {
    let (signs, mut mags) = (b.get(..buckets)?, b.get(buckets..)?.iter());
    let mut codes = vec![0u8; buckets.checked_mul(NT)?];
    for (row, &p) in codes.chunks_mut(NT).zip(signs) {
        for (t, c) in row.iter_mut().enumerate() {
            let s = p as usize / 3usize.pow((NT - 1 - t) as u32) % 3;
            if s != 0 {
                let m = *mags.next()? as usize;
                if m >= levels {
                    return None;
                }
                *c = (1 + m + if s == 2 { levels } else { 0 }) as u8;
            }
        }
    }
    mags.next().is_none().then_some(codes)
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
    out.extend_from_slice(b"NER3");
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
    let codes: Vec<u8> = weights
        .iter()
        .map(|&w| {
            let q = (w.abs() / step).round() as usize;
            if w.abs() <= prune || q == 0 {
                return 0;
            }
            let k = q.min(levels) - 1;
            if w > 0.0 { 1 + k as u8 } else { 1 + (levels + k) as u8 }
        })
        .collect();
    out.extend(pack_codes(&codes, levels));
    out
}

/// FNV-1a over feature parts: a template byte, then bytes and strings (each
/// string closed by `0xff`). The model's buckets are defined by these exact
/// bytes, so any way of computing a feature must feed the same sequence.
#[derive(Clone, Copy)]
struct H(u64);

impl H {
    const fn new(template: u8) -> H {
        H(0xcbf2_9ce4_8422_2325).byte(template)
    }
    const fn byte(self, b: u8) -> H {
        H((self.0 ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
    }
    fn str(self, s: &str) -> H {
        self.bytes(s.as_bytes())
    }
    fn bytes(self, s: &[u8]) -> H {
        let mut h = self;
        for &b in s {
            h = h.byte(b);
        }
        h.byte(0xff)
    }
    fn bucket(self, n: usize) -> u32 {
        bucket(self.0, n)
    }

    /// `H::new(t).str(s)` for each template `t`, in one pass over `s`: the
    /// chains are independent, so their multiplications overlap.
    fn str_many<const K: usize>(templates: [u8; K], s: &str) -> [H; K] {
        let mut hs = templates.map(H::new);
        for &b in s.as_bytes() {
            for h in &mut hs {
                *h = h.byte(b);
            }
        }
        hs.map(|h| h.byte(0xff))
    }
}

/// The bucket of a feature hash (a final mix so that low bits depend on every byte).
#[inline]
fn bucket(h: u64, n: usize) -> u32 {
    let x = mix(h);
    let n = n.max(1) as u64;
    // The same value as `x % n`; a mask when `n` is a power of two (the
    // embedded model's 2^15), since a 64-bit division per feature is slow.
    if n.is_power_of_two() {
        (x & (n - 1)) as u32
    } else {
        (x % n) as u32
    }
}

/// The final mix of [`bucket`].
#[inline(always)]
fn mix(h: u64) -> u64 {
    let mut x = h;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x
}

/// A feature's hash and its bucket among `n` (worked out once, for
/// features read again and again: a form's own, or one of few values).
#[derive(Clone, Copy)]
struct Feat {
    h: u64,
    b: u32,
}

impl Feat {
    fn new(h: u64, n: usize) -> Feat {
        Feat { h, b: bucket(h, n) }
    }
}

/// Where a token's features go, in model order: their hashes (training
/// counts and buckets them itself), or their weights (tagging adds them).
trait Sink {
    /// A feature by its hash.
    fn hash(&mut self, h: u64);
    /// A feature whose bucket is known.
    fn feat(&mut self, f: Feat);
    /// A feature whose bucket is known, and whose hash `h` works out (when
    /// it is wanted: training, not tagging).
    fn keyed(&mut self, b: u32, h: impl FnOnce() -> u64);
}

/// The hashes, for [`Context::static_features`].
struct Hashes<F>(F);

impl<F: FnMut(u64)> Sink for Hashes<F> {
    #[inline]
    fn hash(&mut self, h: u64) {
        (self.0)(h)
    }
    #[inline]
    fn feat(&mut self, f: Feat) {
        (self.0)(f.h)
    }
    #[inline]
    fn keyed(&mut self, _: u32, h: impl FnOnce() -> u64) {
        (self.0)(h())
    }
}

/// The weights, summed into `scores` (see [`Row`]).
struct Scorer<'m> {
    rows: &'m [Row],
    /// [`Model::mask`].
    mask: u64,
    scores: Scores,
}

impl<'m> Scorer<'m> {
    fn new(m: &'m Model, scores: Scores) -> Scorer<'m> {
        Scorer { rows: &m.rows, mask: m.mask, scores }
    }
}

impl Sink for Scorer<'_> {
    #[inline]
    fn hash(&mut self, h: u64) {
        let b = if self.mask != 0 { (mix(h) & self.mask) as u32 } else { bucket(h, self.rows.len()) };
        self.feat(Feat { h, b })
    }
    #[inline]
    fn feat(&mut self, f: Feat) {
        if let Some(row) = self.rows.get(f.b as usize) {
            row.add_to(&mut self.scores);
        }
    }
    #[inline]
    fn keyed(&mut self, b: u32, _: impl FnOnce() -> u64) {
        if let Some(row) = self.rows.get(b as usize) {
            row.add_to(&mut self.scores);
        }
    }
}

/// The features that take few values, hashed and bucketed once per context.
/// The names are the template numbers; the indices are the bytes hashed
/// after the template byte (see [`Context::context_features`]).
struct Fixed {
    f0: Feat,
    f6: Feat,
    f8: Feat,
    /// By gazetteer feature, begins, single.
    f18: [[[Feat; 2]; 2]; gazetteer::FEATURES],
    f19: Feat,
    /// By side (previous, next) and gazetteer feature.
    f20: [[Feat; gazetteer::FEATURES]; 2],
    f21: [Feat; 2],
    f22: Feat,
    f23: Feat,
    f24: Feat,
    f25: Feat,
    f26: Feat,
    /// By distance 1..=3.
    f27: [Feat; 3],
    f28: Feat,
    f29: Feat,
    f30: Feat,
    f31: [[Feat; 2]; 2],
    f32: [[Feat; 2]; 2],
    f33: Feat,
    f34: Feat,
    f41: [Feat; 3],
    f42: Feat,
    f43: [Feat; 2],
    f44: [[[Feat; 2]; 2]; 2],
    f45: Feat,
    f46: Feat,
    /// By distance 1..=2.
    f47: [Feat; 2],
}

impl Fixed {
    fn new(n: usize) -> Fixed {
        let f = |h: H| Feat::new(h.0, n);
        let c = |t: u8| f(H::new(t));
        let b = |t: u8, x: u8| f(H::new(t).byte(x));
        let b2 = |t: u8, x: u8, y: u8| f(H::new(t).byte(x).byte(y));
        let feats = gazetteer::Feature::ALL;
        Fixed {
            f0: c(0),
            f6: c(6),
            f8: c(8),
            f18: std::array::from_fn(|g| {
                std::array::from_fn(|begin| {
                    std::array::from_fn(|single| f(H::new(18).str(feats[g].as_str()).byte(begin as u8).byte(single as u8)))
                })
            }),
            f19: c(19),
            f20: std::array::from_fn(|side| {
                let k: isize = if side == 0 { -1 } else { 1 };
                std::array::from_fn(|g| f(H::new(20).byte(k as u8).str(feats[g].as_str())))
            }),
            f21: std::array::from_fn(|x| b(21, x as u8)),
            f22: c(22),
            f23: c(23),
            f24: c(24),
            f25: c(25),
            f26: c(26),
            f27: std::array::from_fn(|k| b(27, k as u8 + 1)),
            f28: c(28),
            f29: c(29),
            f30: c(30),
            f31: std::array::from_fn(|x| std::array::from_fn(|y| b2(31, x as u8, y as u8))),
            f32: std::array::from_fn(|x| std::array::from_fn(|y| b2(32, x as u8, y as u8))),
            f33: c(33),
            f34: c(34),
            f41: std::array::from_fn(|x| b(41, x as u8)),
            f42: c(42),
            f43: std::array::from_fn(|x| b(43, x as u8)),
            f44: std::array::from_fn(|x| {
                std::array::from_fn(|y| std::array::from_fn(|z| f(H::new(44).byte(x as u8).byte(y as u8).byte(z as u8))))
            }),
            f45: c(45),
            f46: c(46),
            f47: std::array::from_fn(|k| b(47, k as u8 + 1)),
        }
    }
}

/// An open-addressing table of string ids `0..len` (the strings kept by
/// its owner): `id + 1` per slot, `0` when empty; the length is a power of
/// two, at least twice the ids'. For [`Interner`] and [`FormIds`].
struct IdSlots(Vec<u32>);

impl IdSlots {
    /// Room for about `n` ids before it grows.
    fn with_capacity(n: usize) -> IdSlots {
        IdSlots(vec![0; (2 * n + 2).next_power_of_two().max(64)])
    }

    /// The id of `s` among the `len` strings that `get` gives by id; if it
    /// is none of them, `None`, and `s` takes id `len` (which the owner
    /// then stores).
    #[inline]
    fn find<'s>(&mut self, s: &[u8], len: usize, get: impl Fn(u32) -> &'s [u8]) -> Option<u32> {
        if 2 * (len + 1) > self.0.len() {
            // Twice the size (or, after `Interner::freeze`, enough again).
            let size = (2 * self.0.len()).max((2 * (len + 1)).next_power_of_two());
            let mut slots = vec![0u32; size];
            for id in 0..len as u32 {
                let mut k = FxBuildHasher.hash_one(get(id)) as usize & (size - 1);
                while slots[k] != 0 {
                    k = (k + 1) & (size - 1);
                }
                slots[k] = id + 1;
            }
            self.0 = slots;
        }
        let mask = self.0.len() - 1;
        let mut k = FxBuildHasher.hash_one(s) as usize & mask;
        loop {
            match self.0[k] {
                0 => break,
                id if get(id - 1) == s => return Some(id - 1),
                _ => k = (k + 1) & mask,
            }
        }
        self.0[k] = len as u32 + 1;
        None
    }
}

/// Distinct strings, each stored once in one buffer and numbered in order
/// of first appearance: an open-addressing table of ids, so interning
/// allocates nothing per string.
struct Interner {
    text: String,
    /// String `id` is `text[bounds[id]..bounds[id + 1]]` (`bounds[0]` is 0).
    bounds: Vec<usize>,
    slots: IdSlots,
}

impl Interner {
    /// An interner with room for about `n` strings before it grows.
    fn with_capacity(n: usize) -> Interner {
        let mut bounds = Vec::with_capacity(n + 1);
        bounds.push(0);
        Interner { text: String::new(), bounds, slots: IdSlots::with_capacity(n) }
    }

    fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    /// Frees what only interning needs (the table of ids, 4 bytes for each
    /// of at least twice the strings) and the buffers' spare room, once
    /// every string is in: they stay readable by id.
    fn freeze(&mut self) {
        self.slots = IdSlots(Vec::new());
        self.text.shrink_to_fit();
        self.bounds.shrink_to_fit();
    }

    fn get(&self, id: u32) -> &str {
        let id = id as usize;
        &self.text[self.bounds[id]..self.bounds[id + 1]]
    }

    /// [`Interner::get`] as bytes (no char-boundary checks: for hashing).
    #[inline]
    fn bytes(&self, id: u32) -> &[u8] {
        let id = id as usize;
        &self.text.as_bytes()[self.bounds[id]..self.bounds[id + 1]]
    }

    /// The id of `s`.
    fn intern(&mut self, s: &str) -> u32 {
        let len = self.len();
        let (text, bounds) = (self.text.as_bytes(), &self.bounds);
        if let Some(id) = self.slots.find(s.as_bytes(), len, |id| &text[bounds[id as usize]..bounds[id as usize + 1]]) {
            return id;
        }
        self.text.push_str(s);
        self.bounds.push(self.text.len());
        len as u32
    }
}

/// A document's distinct token texts, numbered in order of first
/// appearance: like [`Interner`], but the strings stay in the text.
struct FormIds<'t> {
    words: Vec<&'t str>,
    slots: IdSlots,
}

impl<'t> FormIds<'t> {
    fn with_capacity(n: usize) -> FormIds<'t> {
        FormIds { words: Vec::with_capacity(n), slots: IdSlots::with_capacity(n) }
    }

    /// The id of `w`, numbering it if new.
    fn id(&mut self, w: &'t str) -> u32 {
        let (len, words) = (self.words.len(), &self.words);
        if let Some(id) = self.slots.find(w.as_bytes(), len, |id| words[id as usize].as_bytes()) {
            return id;
        }
        self.words.push(w);
        len as u32
    }
}

/// Per-token information computed once per document: 6 bytes a token
/// (a document of 1 MB has some 200,000 tokens). Packed to 2-byte
/// alignment (8 bytes with the `u32`'s; unaligned loads cost nothing on
/// x86 or in WASM).
#[derive(Clone, Copy)]
#[repr(C, packed(2))]
pub struct TokenInfo {
    /// Index into the document's distinct surface forms.
    form: u32,
    /// `WORD`, `CAP`, `HEADLINE`, `SENT_START` in the low four bits; the
    /// [`Lookups::bits`] of the form as its features read it in the high
    /// four ([`TokenInfo::look`]).
    flags: u8,
    /// Gazetteer match covering this token, packed in a byte (see
    /// [`TokenInfo::gaz`]); `0` for none.
    gaz: u8,
}

const WORD: u8 = 1;
const CAP: u8 = 2;
const HEADLINE: u8 = 4;
const SENT_START: u8 = 8;

impl TokenInfo {
    /// The gazetteer match covering this token: (feature, begins, single-token).
    #[cfg(test)]
    fn gaz(&self) -> Option<(gazetteer::Feature, bool, bool)> {
        let g = self.gaz.checked_sub(1)?;
        Some((gazetteer::Feature::ALL[(g >> 2) as usize % gazetteer::FEATURES], g & 2 != 0, g & 1 != 0))
    }

    fn set_gaz(&mut self, feature: gazetteer::Feature, begins: bool, single: bool) {
        self.gaz = 1 + ((feature as u8) << 2 | (begins as u8) << 1 | single as u8);
    }

    /// [`Lookups::bits`] of the form as the features read it.
    #[inline]
    fn look(&self) -> u8 {
        self.flags >> 4
    }

    fn set_look(&mut self, bits: u8) {
        self.flags = (self.flags & 0x0f) | bits << 4;
    }

    /// A word token (not punctuation).
    #[inline]
    pub fn is_word(&self) -> bool {
        self.flags & WORD != 0
    }
    /// Its first character is upper case.
    #[inline]
    pub fn cap(&self) -> bool {
        self.flags & CAP != 0
    }
    /// In a headline sentence ([`is_headline`]).
    #[inline]
    pub fn headline(&self) -> bool {
        self.flags & HEADLINE != 0
    }
    /// The first word of its sentence.
    #[inline]
    pub fn sent_start(&self) -> bool {
        self.flags & SENT_START != 0
    }
}

/// What the name and word lists say about one spelling of a word.
#[derive(Clone, Copy, Default)]
struct Lookups {
    in_table: bool,
    first_name: bool,
    person_title: bool,
    org_word: bool,
    place_word: bool,
}

const IN_TABLE: u8 = 1;
const PERSON_TITLE: u8 = 2;
const ORG_WORD: u8 = 4;
const PLACE_WORD: u8 = 8;

impl Lookups {
    /// The flags the features of neighbouring tokens read (`first_name` is
    /// read only for the token itself).
    fn bits(self) -> u8 {
        (self.in_table as u8 * IN_TABLE)
            | (self.person_title as u8 * PERSON_TITLE)
            | (self.org_word as u8 * ORG_WORD)
            | (self.place_word as u8 * PLACE_WORD)
    }

    fn of(w: &str) -> Lookups {
        Lookups::with_entry(w, names::Entry::of_lower(&w.to_lowercase()))
    }

    /// [`Lookups::of`] `w`, given the name lists' entry of its lower case.
    fn with_entry(w: &str, entry: names::Entry) -> Lookups {
        // Every title, organisation and place word starts with an ASCII
        // capital: most words need no look at those lists.
        let capital = w.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
        Lookups {
            in_table: entry.in_table(w),
            first_name: entry.is_first_name(w),
            person_title: capital && lexicon::is_person_title(w),
            org_word: capital && is_org_word(w),
            place_word: capital && is_place_word(w),
        }
    }
}

/// A distinct surface form of the document (`Korea`, `KOREA` and `korea`
/// are three): everything about a token that does not depend on its
/// neighbours, worked out once per form rather than once per token. Its
/// own features' hashes are not kept: they are read once per form and
/// position (see `tag_context`), and hashed then (24 bytes a form less).
struct Form {
    lower: u32,
    shape: u32,
    cap: bool,
    /// The first character is lower case.
    starts_lower: bool,
    hyphen: bool,
    calendar: bool,
    /// A short abbreviation (`Gen.`, `U.S.`): feature 35.
    abbrev: bool,
    /// No upper-case letter anywhere (`said`, `1996`, not `al-Aqsa`): such
    /// a word after an `O` starts no name (see [`decode`]).
    no_upper: bool,
    /// The lists as written (filled in once the lower-case forms are
    /// analysed), and (for headline tokens) title-cased.
    plain: Lookups,
    title: Option<Lookups>,
}

/// A distinct lower-case form, with the features that read only it as a
/// neighbour. Kept small (40 bytes): a long text has tens of thousands of
/// them. The neighbour features, read for every token, are kept as buckets
/// (training hashes the text again: [`Sink::keyed`]); the word's own
/// features (2, 7 and its affixes) are hashed where read, once per form
/// (see `tag_context`).
struct LowerForm {
    /// Features 9, 10, 11, 12: the bucket of the form under each template.
    b9: u32,
    b10: u32,
    b11: u32,
    b12: u32,
    /// Features 13 and 14 pair two forms: the hash state after this one.
    s13: H,
    s14: H,
    /// The name lists' entry of the form (its census view, and the Moby
    /// view of each spelling).
    names: names::Entry,
    speech_verb: bool,
    demonym: bool,
}

impl LowerForm {
    fn new(l: &str, n: usize) -> LowerForm {
        let [h9, h10, h11, h12, s13, s14] = H::str_many([9, 10, 11, 12, 13, 14], l);
        LowerForm {
            b9: h9.bucket(n),
            b10: h10.bucket(n),
            b11: h11.bucket(n),
            b12: h12.bucket(n),
            s13,
            s14,
            names: names::Entry::of_lower(l),
            speech_verb: lexicon::is_speech_verb(l),
            demonym: demonym_suffix(l),
        }
    }

    fn census(&self) -> names::Census {
        self.names.census()
    }
}

/// Features 4 and 5 of a lower-case form `l`: its prefixes and suffixes of
/// 1–4 characters when it is longer, each prefix before the suffix of its
/// length.
fn affixes(l: &str, mut emit: impl FnMut(u64)) {
    let b = l.as_bytes();
    if l.is_ascii() {
        // A character is a byte.
        let len = b.len();
        for k in 1..=4usize.min(len.saturating_sub(1)) {
            emit(H::new(4).byte(k as u8).bytes(&b[..k]).0);
            emit(H::new(5).byte(k as u8).bytes(&b[len - k..]).0);
        }
    } else {
        // The byte offset of each character.
        let at: Vec<usize> = l.char_indices().map(|(i, _)| i).collect();
        let len = at.len();
        for k in 1..=4usize.min(len.saturating_sub(1)) {
            emit(H::new(4).byte(k as u8).bytes(&b[..at[k]]).0);
            emit(H::new(5).byte(k as u8).bytes(&b[at[len - k]..]).0);
        }
    }
}

/// A distinct shape key (a word shape, `HL` or `<s>`), with the hash states
/// of the shape features.
struct ShapeForm {
    f3: Feat,
    f40: Feat,
    s15: H,
    s16: H,
    s17: H,
}

impl ShapeForm {
    fn new(s: &str, n: usize) -> ShapeForm {
        ShapeForm {
            f3: Feat::new(H::new(3).str(s).0, n),
            f40: Feat::new(H::new(40).str(s).0, n),
            s15: H::new(15).str(s),
            s16: H::new(16).str(s),
            s17: H::new(17).str(s),
        }
    }
}

/// Word shape: `Xx`, `XX`, `x`, `d`, with runs collapsed (`U.S.` → `X.X.`).
#[cfg(test)]
fn shape(w: &str) -> String {
    let mut out = String::new();
    shape_into(w, &mut out);
    out
}

/// The word shape of `w` (`Xx`, `XX`, `x`, `d`, runs collapsed: see the
/// tests' `shape`), written into `out` (cleared first).
fn shape_into(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        // The same, byte by byte (nearly every word).
        let mut last = 0u8;
        let mut n = 0;
        for &c in w.as_bytes() {
            let k = match c {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                _ => c,
            };
            if k != last {
                out.push(k as char);
                last = k;
                n += 1;
                if n > 8 {
                    break;
                }
            }
        }
        return;
    }
    let mut last = '\0';
    let mut n = 0;
    for c in w.chars() {
        let k = if c.is_ascii() {
            // The same classes as below, without the Unicode tables.
            match c {
                'A'..='Z' => 'X',
                'a'..='z' => 'x',
                '0'..='9' => 'd',
                _ => c,
            }
        } else if c.is_uppercase() {
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
}

/// `NORTH KOREA` → `North Korea`.
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    title_case_into(s, &mut out);
    out
}

/// [`title_case`] of `s`, appended to `out`.
fn title_case_into(s: &str, out: &mut String) {
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
}

/// `w.to_lowercase()`, written into `out` (cleared first); ASCII words,
/// nearly all of them, without allocating.
fn lower_into(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        out.push_str(w);
        out.make_ascii_lowercase();
    } else {
        // `str::to_lowercase` knows context rules (final sigma) that a
        // char-by-char mapping does not.
        out.push_str(&w.to_lowercase());
    }
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
    whole_paragraph && is_title_case(doc, (a, b))
}

/// Whether tokens `a..b` are set in title case: every word of four letters
/// or more capitalised, at least three of them.
pub(super) fn is_title_case(doc: &Document, (a, b): (usize, usize)) -> bool {
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
        let (alphabetic, lower) = letters(doc.tok(k));
        if !alphabetic {
            continue;
        }
        words += 1;
        if !lower {
            upper += 1;
        }
        // Done once even every word left being in capitals would not reach
        // 80 % (most sentences: by their sixth word in lower case).
        let most = words + (b - k - 1);
        if (most - (words - upper)) * 10 < most * 8 {
            return false;
        }
    }
    words >= 3 && upper * 10 >= words * 8
}

/// Whether `w` has a letter, and whether it has a lower-case one.
fn letters(w: &str) -> (bool, bool) {
    if w.is_ascii() {
        (w.bytes().any(|c| c.is_ascii_alphabetic()), w.bytes().any(|c| c.is_ascii_lowercase()))
    } else {
        (w.chars().any(char::is_alphabetic), w.chars().any(char::is_lowercase))
    }
}

pub(super) fn is_capitalised(w: &str) -> bool {
    w.starts_upper()
}

/// The words of [`is_org_word`], sorted for a binary search: less code than a `match`.
const ORG_WORDS: &[&str] = &[
    "AG", "Administration", "Agency", "Airlines", "Airport", "Airways", "Alliance", "Army", "Assembly", "Association",
    "Athletic", "Authority", "Bank", "Bhd", "Board", "Bureau", "Cabinet", "Caucus", "Center", "Centre", "Church",
    "City", "Club", "Co", "Co.", "Coalition", "College", "Commission", "Committee", "Company", "Congress", "Corp",
    "Corp.", "Corporation", "Corps", "Council", "Court", "Department", "Exchange", "FC", "Federation", "Force",
    "Forces", "Foundation", "Fund", "GmbH", "Group", "Guard", "Herald", "Holdings", "Hospital", "Inc", "Inc.",
    "Industries", "Institute", "Journal", "LLC", "League", "Ltd", "Ltd.", "Magazine", "Media", "Ministries",
    "Ministry", "Motors", "Movement", "NV", "Navy", "Network", "News", "Office", "Organisation", "Organization",
    "PLC", "Parliament", "Party", "Plc", "Police", "Post", "Press", "Radio", "Reserve", "Rovers", "SA", "School",
    "Secretariat", "Senate", "Service", "Services", "Society", "Television", "Times", "Tribunal", "Tribune", "Trust",
    "Union", "United", "University", "Watch",
];

/// Words that make a capitalised chunk an organisation.
pub fn is_org_word(w: &str) -> bool {
    ORG_WORDS.binary_search(&w).is_ok()
}

/// The words of [`is_place_word`], sorted for a binary search: less code than a `match`.
const PLACE_WORDS: &[&str] = &[
    "Abbey", "Arena", "Ave.", "Avenue", "Bay", "Beach", "Blvd.", "Boulevard", "Bridge", "Canyon", "Cape", "Castle",
    "Cathedral", "Coast", "County", "Creek", "Desert", "District", "Drive", "Expressway", "Falls", "Forest", "Fort",
    "Gallery", "Garden", "Gardens", "Gulf", "Hall", "Harbor", "Harbour", "Heights", "Highway", "Hill", "Hills",
    "Island", "Islands", "Isle", "Kingdom", "Lake", "Lane", "Marae", "Minster", "Mosque", "Mount", "Mountain",
    "Mountains", "Mt.", "Museum", "Ocean", "Palace", "Park", "Parkway", "Peninsula", "Plaza", "Port", "Province",
    "Quarter", "Rd.", "Region", "Republic", "Rio", "River", "Rivers", "Road", "San", "Santa", "Sea", "Sierra",
    "Springs", "Square", "St.", "Stadium", "State", "Station", "Strait", "Straits", "Street", "Temple", "Tower",
    "Trail", "Turnpike", "Valley", "Zoo",
];

/// Words that head or open a place or facility name (`Fort Lee`, `Main
/// Street`, `Casamance River`, `Mount Kenya`).
pub fn is_place_word(w: &str) -> bool {
    PLACE_WORDS.binary_search(&w).is_ok()
}

/// Days and months.
pub fn is_calendar_word(w: &str) -> bool {
    // Every entry has at least 3 letters and starts with one of these (in
    // either case): most words fail this before any comparison.
    if w.len() < 3 || !matches!(w.as_bytes()[0] | 0x20, b'a' | b'd' | b'f' | b'j' | b'm' | b'n' | b'o' | b's' | b't' | b'w') {
        return false;
    }
    is_listed_lower(CALENDAR_WORDS, w.trim_end_matches('.'))
}

/// The words of [`is_calendar_word`], lower-case, packed and sorted for a
/// binary search: less code than a `match`, and integer comparisons.
const CALENDAR_WORDS: &[u128] = &[
    pack(b"apr"), pack(b"april"), pack(b"aug"), pack(b"august"), pack(b"dec"), pack(b"december"), pack(b"feb"),
    pack(b"february"), pack(b"friday"), pack(b"jan"), pack(b"january"), pack(b"jul"), pack(b"july"), pack(b"jun"),
    pack(b"june"), pack(b"mar"), pack(b"march"), pack(b"may"), pack(b"monday"), pack(b"nov"), pack(b"november"),
    pack(b"oct"), pack(b"october"), pack(b"saturday"), pack(b"sep"), pack(b"sept"), pack(b"september"),
    pack(b"sunday"), pack(b"thursday"), pack(b"tuesday"), pack(b"wednesday"),
];

/// Demonyms and nationality adjectives end like this; a cue for MISC.
pub fn demonym_suffix(l: &str) -> bool {
    l.len() > 4 && (l.ends_with("ian") || l.ends_with("ese") || l.ends_with("ish") || l.ends_with("ean") || l.ends_with("can"))
}


/// The longest gazetteer match starting at token `i` (within its sentence end `end`).
///
/// A candidate is the text of tokens `i..i + len` with each gap written as
/// one space, looked up as written and, in headlines, title-cased.
pub fn gazetteer_at(doc: &Document, i: usize, end: usize, headline: bool) -> Option<(usize, &'static gazetteer::Place)> {
    if doc.tokens[i].kind != TokenKind::Word || !is_capitalised(doc.tok(i)) {
        return None;
    }
    let toks = &doc.tokens;
    let max = (end - i).min(5);
    // Tokens `i..glued` touch. A longer candidate holds a space, so it can
    // only be a name whose first word is that glued text: most capitalised
    // words start no such name, and their longer candidates need no lookup.
    let mut glued = i + 1;
    while glued < i + max && toks[glued].span.start == toks[glued - 1].span.end {
        glued += 1;
    }
    let head = &doc.text[toks[i].span.start..toks[glued - 1].span.end];
    let mut buf = String::new();
    let multi = gazetteer::starts_multiword(head);
    let multi_title = headline && {
        title_case_into(head, &mut buf);
        gazetteer::starts_multiword(&buf)
    };
    for len in (1..=max).rev() {
        let last = i + len - 1;
        if toks[last].kind != TokenKind::Word && !matches!(doc.tok(last), "." | "’" | "'") {
            continue;
        }
        let spaced = i + len > glued;
        if spaced && !multi && !multi_title {
            continue;
        }
        // The candidate is the text itself when every gap is one space.
        let plain_gaps = (i + 1..=last).all(|k| {
            let gap = toks[k].span.start - toks[k - 1].span.end;
            gap == 0 || (gap == 1 && doc.text.as_bytes()[toks[k - 1].span.end] == b' ')
        });
        let owned;
        let s: &str = if plain_gaps {
            &doc.text[toks[i].span.start..toks[last].span.end]
        } else {
            let mut s = String::new();
            for k in i..=last {
                if k > i && toks[k].span.start > toks[k - 1].span.end {
                    s.push(' ');
                }
                s.push_str(doc.tok(k));
            }
            owned = s;
            &owned
        };
        if !spaced || multi {
            if let Some(p) = gazetteer::lookup(s) {
                return Some((len, p));
            }
        }
        if headline && (!spaced || multi_title) {
            buf.clear();
            title_case_into(s, &mut buf);
            if let Some(p) = gazetteer::lookup(&buf) {
                return Some((len, p));
            }
        }
    }
    None
}

/// What [`gazetteer_at`] finds at a capitalised word that touches no next
/// token, as far as the word alone (and whether it is in a headline) decides it.
#[derive(Clone, Copy)]
enum Lone {
    /// Not asked yet.
    Unknown,
    /// The word starts a name of several words: the neighbours decide.
    Multi,
    /// No longer name starts with the word (nor, in a headline, with its
    /// title case): the word's own match, if any (in a headline, as written
    /// or else title-cased).
    Single(Option<&'static gazetteer::Place>),
}

/// [`gazetteer_at`] token `i` (a capitalised word that touches no next
/// token; `end` ends its sentence), remembering in `memo`, for the token's
/// form and `headline`, what the word alone decides. With no name of
/// several words starting with the word (or in a headline with its title
/// case), every longer candidate is skipped and the answer is the word's
/// own entry.
fn lone_match(memo: &mut Lone, doc: &Document, i: usize, end: usize, headline: bool) -> Option<(usize, &'static gazetteer::Place)> {
    if let Lone::Unknown = memo {
        let w = doc.tok(i);
        let title = headline.then(|| title_case(w));
        let multi = gazetteer::starts_multiword(w) || title.as_deref().is_some_and(gazetteer::starts_multiword);
        *memo = if multi { Lone::Multi } else { Lone::Single(gazetteer::lookup(w).or_else(|| title.as_deref().and_then(gazetteer::lookup))) };
    }
    match *memo {
        Lone::Single(p) => p.map(|p| (1, p)),
        _ => gazetteer_at(doc, i, end, headline),
    }
}

/// Everything the features read about a document, computed once: per-token
/// flags, the distinct forms with their precomputed hashes, and the
/// document-wide evidence about words.
pub struct Context {
    pub info: Vec<TokenInfo>,
    forms: Vec<Form>,
    lowers: Vec<LowerForm>,
    shapes: Vec<ShapeForm>,
    /// By lower-case form: seen written in lower case; seen capitalised but
    /// neither first in a sentence nor in a headline.
    lower_seen: Vec<bool>,
    cap_mid: Vec<bool>,
    /// The texts of the lower-case forms and shape keys, by id.
    lower_text: Interner,
    shape_text: Interner,
    /// Sentences as token ranges, and whether each is a headline.
    pub sentences: Vec<((usize, usize), bool)>,
    /// The features of few values, bucketed for the model this context was
    /// built for (training reads only their hashes).
    fixed: Fixed,
    /// `[lower-case form, shape]` of each form (by [`TokenInfo::form`]): what
    /// [`Context::near`] reads of the neighbours, apart from the larger
    /// [`Form`]s.
    keys: Vec<[u32; 2]>,
    /// `[lower-case form, shape key]` of `<s>`, past either end of the text
    /// (see [`Context::near`]).
    outside: [u32; 2],
    /// The shape key of every headline token.
    headline_shape: u32,
    /// The shape-pair features of each pair of shape keys `(x, y)` that
    /// neighbours in the text, at `x * shapes + y`, when the document has
    /// at most [`PAIR_SHAPES`] shape keys (an article has a few dozen).
    pairs: Vec<ShapePair>,
}

/// `[lower-case form, shape key]` of token `k - 2` (the shape key is `HL` in
/// headlines), `outside` past either end of the text: token `i`'s
/// neighbourhood is `k` in `i..i + 5`. Worked out where read rather than
/// kept per token: a table of them was 8 bytes a token, the largest part of
/// the tagger's memory with [`Context::info`] (1.5 MB of a 1 MB text in WASM).
#[inline]
fn near(info: &[TokenInfo], keys: &[[u32; 2]], outside: [u32; 2], headline_shape: u32, k: usize) -> [u32; 2] {
    match k.checked_sub(2).and_then(|i| info.get(i)) {
        Some(t) => {
            let [lower, shape] = keys[t.form as usize];
            [lower, if t.headline() { headline_shape } else { shape }]
        }
        None => outside,
    }
}

/// The most shape keys for which [`Context::pairs`] is kept (64 KB).
const PAIR_SHAPES: usize = 64;

/// Shape keys `x` then `y` under the shape-pair templates: the hash state
/// of template 15 after both (the next shape follows), and the buckets of
/// 16 and 17. [`ShapePair::UNSET`] where the pair was not seen.
#[derive(Clone, Copy)]
struct ShapePair {
    s15: H,
    b16: u32,
    b17: u32,
}

impl ShapePair {
    const UNSET: ShapePair = ShapePair { s15: H(0), b16: u32::MAX, b17: u32::MAX };
}

impl Context {
    /// The context of `doc` for the embedded model.
    pub fn new(doc: &Document) -> Context {
        Context::with_buckets(doc, model().buckets)
    }

    /// The context of `doc`, with the buckets of a model of `n` buckets.
    fn with_buckets(doc: &Document, n: usize) -> Context {
        // The distinct forms first, then their analyses, in vectors of the
        // exact size: the analyses are large, and doubling would leave slack.
        // An article has about one distinct form per two tokens: room for
        // that from the start saves rehashing the map as it grows (capped,
        // so that a long text's map grows rather than starts large).
        let mut form_ids = FormIds::with_capacity((doc.tokens.len() / 2).min(1 << 13));
        let mut info = Vec::with_capacity(doc.tokens.len());
        for (i, t) in doc.tokens.iter().enumerate() {
            let form = form_ids.id(doc.tok(i));
            info.push(TokenInfo { form, flags: if t.kind == TokenKind::Word { WORD } else { 0 }, gaz: 0 });
        }
        let words = form_ids.words;
        // (At most one lower-case form per form, and few shapes.)
        let mut lower_text = Interner::with_capacity(words.len() + 1);
        let mut shape_text = Interner::with_capacity(32);
        let outside = (lower_text.intern("<s>"), shape_text.intern("<s>"));
        let headline_shape = shape_text.intern("HL");
        let mut buf = String::new();
        let mut forms: Vec<Form> = Vec::with_capacity(words.len());
        for &w in &words {
            lower_into(w, &mut buf);
            let lower = lower_text.intern(&buf);
            shape_into(w, &mut buf);
            let shape = shape_text.intern(&buf);
            forms.push(Form {
                lower,
                shape,
                cap: is_capitalised(w),
                starts_lower: w.chars().next().is_some_and(char::is_lowercase),
                hyphen: w.contains('-'),
                calendar: is_calendar_word(w),
                abbrev: w.ends_with('.') && w.len() <= 4,
                no_upper: !w.chars().any(char::is_uppercase),
                plain: Lookups::default(),
                title: None,
            });
        }
        lower_text.freeze();
        shape_text.freeze();
        let lowers: Vec<LowerForm> = (0..lower_text.len() as u32).map(|id| LowerForm::new(lower_text.get(id), n)).collect();
        for (f, &w) in forms.iter_mut().zip(&words) {
            f.plain = Lookups::with_entry(w, lowers[f.lower as usize].names);
        }
        drop(words);
        let shapes: Vec<ShapeForm> = (0..shape_text.len() as u32).map(|id| ShapeForm::new(shape_text.get(id), n)).collect();
        for t in &mut info {
            if forms[t.form as usize].cap {
                t.flags |= CAP;
            }
        }

        // A capitalised word touching no next token matches a place of its
        // own or starts a longer name: both depend on the word alone (and on
        // whether it is in a headline), so they are asked once per form and
        // headline (see `lone_match`).
        let mut lone: Vec<[Lone; 2]> = vec![[Lone::Unknown; 2]; forms.len()];
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        for s in &doc.sentences {
            let (a, b) = s.tokens;
            let headline = is_headline(doc, s.tokens);
            sentences.push((s.tokens, headline));
            // First word token of the sentence, after opening quotes or brackets.
            let mut first = true;
            for k in a..b {
                if headline {
                    info[k].flags |= HEADLINE;
                }
                if first && info[k].is_word() {
                    info[k].flags |= SENT_START;
                    first = false;
                }
                if headline {
                    // Name lookups in headlines read the title-cased form.
                    let f = &mut forms[info[k].form as usize];
                    if f.title.is_none() {
                        let w = doc.tok(k);
                        buf.clear();
                        title_case_into(w, &mut buf);
                        // An ASCII word's title case has its lower case, whose
                        // name-list entry is known.
                        f.title = Some(if w.is_ascii() { Lookups::with_entry(&buf, lowers[f.lower as usize].names) } else { Lookups::of(&buf) });
                    }
                }
            }
            let mut i = a;
            while i < b {
                // A match starts at a capitalised word (as `gazetteer_at` checks).
                let found = if !(info[i].is_word() && info[i].cap()) {
                    None
                } else if i + 1 == b || doc.tokens[i + 1].span.start != doc.tokens[i].span.end {
                    lone_match(&mut lone[info[i].form as usize][headline as usize], doc, i, b, headline)
                } else {
                    gazetteer_at(doc, i, b, headline)
                };
                if let Some((len, p)) = found {
                    for k in i..i + len {
                        info[k].set_gaz(p.feature, k == i, len == 1);
                    }
                    i += len;
                } else {
                    i += 1;
                }
            }
        }

        let mut lower_seen = vec![false; lowers.len()];
        let mut cap_mid = vec![false; lowers.len()];
        for t in &mut info {
            let f = &forms[t.form as usize];
            t.set_look(if t.headline() { f.title.unwrap_or_default() } else { f.plain }.bits());
            if !t.is_word() || t.headline() {
                continue;
            }
            if f.starts_lower {
                lower_seen[f.lower as usize] = true;
            } else if t.cap() && !t.sent_start() {
                cap_mid[f.lower as usize] = true;
            }
        }
        let outside = [outside.0, outside.1];
        let keys: Vec<[u32; 2]> = forms.iter().map(|f| [f.lower, f.shape]).collect();
        let shape_at = |k: usize| near(&info, &keys, outside, headline_shape, k)[1];
        let ns = shapes.len();
        let mut pairs = Vec::new();
        if ns <= PAIR_SHAPES {
            pairs = vec![ShapePair::UNSET; ns * ns];
            for (i, t) in info.iter().enumerate() {
                if !t.is_word() {
                    continue;
                }
                let [sp, key, sn] = [shape_at(i + 1), shape_at(i + 2), shape_at(i + 3)];
                for (x, y) in [(sp, key), (key, sn)] {
                    let e = &mut pairs[x as usize * ns + y as usize];
                    if e.b16 == u32::MAX {
                        let (sx, text) = (&shapes[x as usize], shape_text.bytes(y));
                        *e = ShapePair { s15: sx.s15.bytes(text), b16: sx.s16.bytes(text).bucket(n), b17: sx.s17.bytes(text).bucket(n) };
                    }
                }
            }
        }
        Context {
            info,
            forms,
            lowers,
            shapes,
            lower_seen,
            cap_mid,
            lower_text,
            shape_text,
            sentences,
            fixed: Fixed::new(n),
            keys,
            outside,
            headline_shape,
            pairs,
        }
    }

    /// The shape-pair features of shape keys `x` then `y`, if kept.
    #[inline]
    fn pair(&self, x: u32, y: u32) -> Option<&ShapePair> {
        let ns = self.shapes.len();
        let e = self.pairs.get(x as usize * ns + y as usize)?;
        (e.b16 != u32::MAX).then_some(e)
    }

    /// `[lower-case form, shape key]` of token `k - 2`: see [`near`].
    #[inline]
    fn near(&self, k: usize) -> [u32; 2] {
        near(&self.info, &self.keys, self.outside, self.headline_shape, k)
    }

    /// The lower-case form of token `i`.
    #[inline]
    fn lower(&self, i: usize) -> u32 {
        self.keys[self.info[i].form as usize][0]
    }

    /// The shape key of token `i`: its shape, `HL` in headlines.
    #[inline]
    fn shape_key(&self, i: usize) -> u32 {
        let t = &self.info[i];
        if t.headline() {
            self.headline_shape
        } else {
            self.keys[t.form as usize][1]
        }
    }

    /// Token `i` cannot start a name (see [`decode`]'s `skip`).
    #[inline]
    fn starts_nothing(&self, i: usize) -> bool {
        let t = &self.info[i];
        !t.headline() && !t.sent_start() && self.forms[t.form as usize].no_upper
    }

    /// Capitalised word or headline word: a name candidate.
    #[inline]
    fn candidate(&self, i: usize) -> bool {
        let t = &self.info[i];
        t.is_word() && (t.cap() || t.headline())
    }

    /// The lists' view of token `k`: title-cased in headlines.
    #[inline]
    fn lookups(&self, k: usize) -> Lookups {
        let t = &self.info[k];
        let f = &self.forms[t.form as usize];
        if t.headline() {
            f.title.unwrap_or_default()
        } else {
            f.plain
        }
    }

    /// Whether token `k` (if any) has all the [`Lookups::bits`] `bits`.
    #[inline]
    fn look(&self, k: usize, bits: u8) -> bool {
        self.info.get(k).is_some_and(|t| t.look() & bits != 0)
    }

    /// The static (tag-independent) feature hashes of token `i`, in model order.
    pub fn static_features(&self, doc: &Document, i: usize, f: &mut impl FnMut(u64)) {
        let mut sink = Hashes(f);
        self.word_features(doc, i, &mut sink);
        self.context_features(doc, i, &mut sink);
    }

    /// The first static features of token `i`: the word's own, which
    /// depend only on its form and on whether it is in a headline or first
    /// in its sentence.
    #[inline]
    fn word_features(&self, doc: &Document, i: usize, f: &mut impl Sink) {
        let t = &self.info[i];
        let form = &self.forms[t.form as usize];
        let lower = self.lower_text.get(form.lower);
        let key = self.shape_key(i);
        let (headline, sent_start) = (t.headline(), t.sent_start());
        f.feat(self.fixed.f0);
        if !headline {
            f.hash(H::new(1).str(doc.tok(i)).0);
        }
        f.hash(H::new(2).str(lower).0);
        // The shape key is `HL` in headlines; feature 40 is the shape itself.
        f.feat(self.shapes[key as usize].f3);
        f.feat(self.shapes[form.shape as usize].f40);
        affixes(lower, |h| f.hash(h));
        if sent_start {
            f.feat(self.fixed.f6);
            f.hash(H::new(7).str(lower).0);
        }
        if headline {
            f.feat(self.fixed.f8);
        }
    }

    /// The rest of the static features of token `i`, after [`Context::word_features`].
    #[inline]
    fn context_features(&self, doc: &Document, i: usize, f: &mut impl Sink) {
        let info = &self.info;
        let fx = &self.fixed;
        let t = &info[i];
        let form = &self.forms[t.form as usize];
        // Neighbours: lower-case forms and shape keys, `<s>` past either end.
        let [[lw2, _], [prev, sp], [lower, key], [next, sn], [nw2, _]] = std::array::from_fn(|k| self.near(i + k));
        let low = &self.lowers[lower as usize];
        let (headline, sent_start) = (t.headline(), t.sent_start());
        let at = |k: isize| -> Option<usize> {
            let j = i as isize + k;
            (j >= 0 && (j as usize) < info.len()).then_some(j as usize)
        };
        let lf = |id: u32| &self.lowers[id as usize];
        let text = |id: u32| self.lower_text.bytes(id);
        f.keyed(lf(prev).b9, || H::new(9).bytes(text(prev)).0);
        f.keyed(lf(next).b10, || H::new(10).bytes(text(next)).0);
        f.keyed(lf(lw2).b11, || H::new(11).bytes(text(lw2)).0);
        f.keyed(lf(nw2).b12, || H::new(12).bytes(text(nw2)).0);
        f.hash(lf(prev).s13.bytes(self.lower_text.bytes(lower)).0);
        f.hash(low.s14.bytes(self.lower_text.bytes(next)).0);
        let next_text = self.shape_text.bytes(sn);
        let key_text = || self.shape_text.bytes(key);
        match (self.pair(sp, key), self.pair(key, sn)) {
            (Some(a), Some(b)) => {
                f.hash(a.s15.bytes(next_text).0);
                f.keyed(a.b16, || self.shapes[sp as usize].s16.bytes(key_text()).0);
                f.keyed(b.b17, || self.shapes[key as usize].s17.bytes(next_text).0);
            }
            _ => {
                f.hash(self.shapes[sp as usize].s15.bytes(key_text()).bytes(next_text).0);
                f.hash(self.shapes[sp as usize].s16.bytes(key_text()).0);
                f.hash(self.shapes[key as usize].s17.bytes(next_text).0);
            }
        }
        // Gazetteer.
        // (The packed match indexes the tables as it is: feature, begins, single.)
        if let Some(g) = t.gaz.checked_sub(1) {
            let g = g as usize;
            f.feat(fx.f18[g >> 2][(g >> 1) & 1][g & 1]);
            f.feat(fx.f19);
        }
        for (side, k) in [(0, -1isize), (1, 1)] {
            if let Some(j) = at(k) {
                if let Some(g) = info[j].gaz.checked_sub(1) {
                    f.feat(fx.f20[side][g as usize >> 2]);
                }
            }
        }
        if !t.is_word() {
            return;
        }
        // Names, titles, organisation words; in a headline, case says
        // nothing, so the lists are asked about the title-cased form.
        let me = t.look();
        if me & IN_TABLE != 0 {
            f.feat(fx.f21[self.lookups(i).first_name as usize]);
        }
        let c = low.census();
        if c.first {
            f.feat(fx.f41[c.gender.map_or(0, |g| g as usize + 1)]);
        }
        if c.surname {
            f.feat(fx.f42);
        }
        if i > 0 && info[i - 1].is_word() && lf(prev).census().first {
            f.feat(fx.f43[info[i - 1].cap() as usize]);
        }
        if i + 1 < info.len() && info[i + 1].is_word() {
            let n = lf(next).census();
            if n.surname || n.first {
                f.feat(fx.f44[n.surname as usize][n.first as usize][info[i + 1].cap() as usize]);
            }
        }
        if i > 0 && info[i - 1].is_word() && self.look(i - 1, IN_TABLE) {
            f.feat(fx.f22);
        }
        if i > 0 && self.look(i - 1, PERSON_TITLE) {
            f.feat(fx.f23);
        }
        if i > 1 && self.look(i - 2, PERSON_TITLE) {
            f.feat(fx.f24);
        }
        if me & PERSON_TITLE != 0 {
            f.feat(fx.f25);
        }
        if me & ORG_WORD != 0 {
            f.feat(fx.f26);
        }
        for k in 1..=3 {
            if self.look(i + k, ORG_WORD) {
                f.feat(fx.f27[k - 1]);
            }
        }
        if me & PLACE_WORD != 0 {
            f.feat(fx.f45);
        }
        if i > 0 && self.look(i - 1, PLACE_WORD) {
            f.feat(fx.f46);
        }
        for k in 1..=2 {
            if self.look(i + k, PLACE_WORD) {
                f.feat(fx.f47[k - 1]);
            }
        }
        if form.calendar {
            f.feat(fx.f28);
        }
        if low.demonym {
            f.feat(fx.f29);
        }
        // Hashtag `#Pyongyang`.
        if i > 0 && doc.tokens[i - 1].span.end == doc.tokens[i].span.start && doc.tok(i - 1) == "#" {
            f.feat(fx.f30);
        }
        // Document-wide cues.
        if t.cap() || headline {
            if self.lower_seen[lower as usize] {
                f.feat(fx.f31[headline as usize][sent_start as usize]);
            }
            if self.cap_mid[lower as usize] {
                f.feat(fx.f32[headline as usize][sent_start as usize]);
            }
        }
        if lf(next).speech_verb {
            f.feat(fx.f33);
        }
        if form.hyphen {
            f.feat(fx.f34);
        }
        if form.abbrev {
            f.hash(H::new(35).str(doc.tok(i)).0);
        }
    }
}

/// The greedy decoder. Body sentences are read first and headlines last, so
/// that a headline word sees how the body tagged it. `step` scores token `i`
/// and returns its tag (in training it also updates the weights): its
/// static features, then the buckets it is given, which depend on the tags
/// so far: the previous two tags and the *history*, the tags this word
/// (lower-cased) already received in the document.
///
/// With `skip` (tagging, not training), a word without an upper-case letter
/// that follows an `O`, outside headlines and not first in its sentence, is
/// `O` without being scored: a name does not start at `said` or `1996` (it
/// may go on through `of` or `de`, which follow a name's tag, not `O`). Two
/// thirds of a news article's words are such words: skipping them runs 19 %
/// fewer instructions end to end on PolNeAR dev, and changes no person or
/// location on PolNeAR or CoNLL dev (on GUM dev two IPA transcriptions of
/// names, `ʒan mɔʁo`, are no longer persons).
pub fn decode(cx: &Context, n: usize, skip: bool, step: &mut dyn FnMut(usize, &[u32]) -> u8) -> Vec<u8> {
    const UNSET: u32 = u32::MAX;
    let mut tags = vec![O; cx.info.len()];
    // Tag counts per lower-case form; all zero until the form is tagged.
    let mut hist: Vec<[u16; NT]> = vec![[0; NT]; cx.lower_text.len()];
    // The features of the previous tags and the history take few values:
    // their buckets are hashed once per document (per form and previous tag
    // for 52 and 53, when first needed).
    let b50: [u32; NT] = std::array::from_fn(|p| H::new(50).byte(p as u8).bucket(n));
    let b51: [[u32; NT]; NT] = std::array::from_fn(|p1| std::array::from_fn(|p2| H::new(51).byte(p1 as u8).byte(p2 as u8).bucket(n)));
    let b60: [u32; NT] = std::array::from_fn(|t| H::new(60).byte(t as u8).bucket(n));
    let b61: [[u32; 2]; NT] = std::array::from_fn(|t| std::array::from_fn(|h| H::new(61).byte(t as u8).byte(h as u8).bucket(n)));
    let b62: [[u32; 3]; NT] = std::array::from_fn(|t| std::array::from_fn(|k| H::new(62).byte(t as u8).byte(k as u8).bucket(n)));
    let mut b52: Vec<[u32; NT]> = vec![[UNSET; NT]; cx.lower_text.len()];
    let mut b53: Vec<[u32; NT]> = vec![[UNSET; NT]; cx.shape_text.len()];
    let mut feats: Vec<u32> = Vec::with_capacity(8);
    for pass_headlines in [false, true] {
        for &((a, b), headline) in &cx.sentences {
            if headline != pass_headlines {
                continue;
            }
            let (mut p1, mut p2) = (O, O);
            for i in a..b.min(cx.info.len()) {
                if !cx.info[i].is_word() {
                    p2 = p1;
                    p1 = O;
                    continue;
                }
                if skip && p1 == O && cx.starts_nothing(i) {
                    p2 = p1;
                    continue;
                }
                feats.clear();
                let (lw, sh) = (cx.lower(i) as usize, cx.shape_key(i) as usize);
                feats.push(b50[p1 as usize]);
                feats.push(b51[p1 as usize][p2 as usize]);
                let f52 = &mut b52[lw][p1 as usize];
                if *f52 == UNSET {
                    *f52 = H::new(52).byte(p1).bytes(cx.lower_text.bytes(lw as u32)).bucket(n);
                }
                feats.push(*f52);
                let f53 = &mut b53[sh][p1 as usize];
                if *f53 == UNSET {
                    *f53 = H::new(53).byte(p1).bytes(cx.shape_text.bytes(sh as u32)).bucket(n);
                }
                feats.push(*f53);
                if cx.candidate(i) {
                    let c = &hist[lw];
                    if c.iter().any(|&x| x > 0) {
                        let top = (1..NT).fold(0, |m, t| if c[t] > c[m] { t } else { m });
                        feats.push(b60[top]);
                        feats.push(b61[top][headline as usize]);
                        let kinds = c[1..].iter().filter(|&&x| x > 0).count();
                        feats.push(b62[top][kinds.min(2)]);
                    }
                }
                let t = step(i, &feats);
                tags[i] = t;
                if cx.candidate(i) {
                    let e = &mut hist[lw];
                    e[t as usize] = e[t as usize].saturating_add(1);
                }
                p2 = p1;
                p1 = t;
            }
        }
    }
    tags
}

/// The best tag of `scores` (its first `NT` lanes); the first on a tie.
fn best(scores: &[f32]) -> u8 {
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

/// [`tag`], and [`is_headline`] of every sentence (worked out on the way).
pub fn tag_with_headlines(doc: &Document) -> (Vec<u8>, Vec<bool>) {
    let m = model();
    if m.buckets == 0 {
        return (vec![O; doc.tokens.len()], doc.sentences.iter().map(|s| is_headline(doc, s.tokens)).collect());
    }
    let cx = Context::with_buckets(doc, m.buckets);
    let tags = tag_context(doc, &cx, m);
    (tags, cx.sentences.iter().map(|&(_, headline)| headline).collect())
}

/// Tags every token of `doc` with `m`.
pub fn tag_with(doc: &Document, m: &Model) -> Vec<u8> {
    if m.buckets == 0 {
        return vec![O; doc.tokens.len()];
    }
    tag_context(doc, &Context::with_buckets(doc, m.buckets), m)
}

fn tag_context(doc: &Document, cx: &Context, m: &Model) -> Vec<u8> {
    const NONE: u32 = u32::MAX;
    // The scores of a form's own features depend only on the form and on
    // whether the token is in a headline or first in its sentence: each of
    // these sums is added once, the first time it is needed. `slots` holds,
    // per form and (headline, sentence start), an index into `sums`, which
    // keeps the tags' lanes only (the padding lanes are zero). Most forms
    // take one slot, some two (first in a sentence and not).
    let mut slots: Vec<[u32; 4]> = vec![[NONE; 4]; cx.forms.len()];
    let mut sums: Vec<[f32; NT]> = Vec::with_capacity(cx.forms.len() + cx.forms.len() / 4);
    // Each feature's weights are added in model order (see [`Row`]).
    let mut step = |i: usize, dynamic: &[u32]| {
        let t = &cx.info[i];
        let slot = &mut slots[t.form as usize][2 * t.headline() as usize + t.sent_start() as usize];
        if *slot == NONE {
            let mut own = Scorer::new(m, [0.0; LANES]);
            cx.word_features(doc, i, &mut own);
            *slot = sums.len() as u32;
            sums.push(own.scores[..NT].try_into().expect("NT lanes"));
        }
        let mut scores = [0.0; LANES];
        scores[..NT].copy_from_slice(&sums[*slot as usize]);
        let mut sc = Scorer::new(m, scores);
        cx.context_features(doc, i, &mut sc);
        m.add_all(dynamic, &mut sc.scores);
        best(&sc.scores)
    };
    decode(cx, m.buckets, true, &mut step)
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
        cx: Context,
    }

    fn prepare(ex: &Example) -> Prepared {
        let doc = Document::new(&ex.text);
        let cx = Context::new(&doc);
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
            if cx.info[i].is_word() {
                cx.static_features(&doc, i, &mut |h| v.push(h));
            }
            hashes.push(v);
        }
        Prepared { hashes, feats: Vec::new(), gold, cx }
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
        let mut feats: Vec<u32> = Vec::with_capacity(96);
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
                let mut step = |i: usize, dynamic: &[u32]| {
                    clock += 1;
                    feats.clear();
                    feats.extend_from_slice(&p.feats[i]);
                    feats.extend_from_slice(dynamic);
                    let mut scores = [0f32; NT];
                    for &fb in &feats {
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
                        for &fb in &feats {
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
                decode(&p.cx, n, false, &mut step);
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
    fn word_lists_are_sorted() {
        for list in [ORG_WORDS, PLACE_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
        }
        assert!(CALENDAR_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn shapes() {
        for (w, s) in [("Pompeo", "Xx"), ("U.S.", "X.X."), ("1996", "d"), ("Jae-In", "Xx-Xx"), ("iPhone", "xXx"), ("—–—", "—–—"), ("a.b.c.d.e.f", "x.x.x.x.x"), ("Ébola", "Xx"), ("Zürich-2", "Xx-d"), ("\0A", "X")] {
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

    /// With `skip`, a word without a capital after an `O` is not scored;
    /// after a name's tag it is (`of` in `Bank of England`), and so is a
    /// word with a capital anywhere (`al-Aqsa`) or first in its sentence.
    #[test]
    fn decode_skips_lower_case_words_after_o() {
        let text = "He said the Bank of England met al-Aqsa in 1996.\n\nbut it rained";
        let doc = Document::new(text);
        let cx = Context::with_buckets(&doc, 64);
        for (skip, expected) in [
            (true, vec!["He", "said", "Bank", "of", "England", "met", "al-Aqsa", "in", "but"]),
            (false, vec!["He", "said", "the", "Bank", "of", "England", "met", "al-Aqsa", "in", "1996", "but", "it", "rained"]),
        ] {
            let mut scored = Vec::new();
            // Stands in for the model: capitalised words and `of` are ORG.
            let tags = decode(&cx, 64, skip, &mut |i, _| {
                let w = doc.tok(i);
                scored.push(w);
                if w == "of" || w.contains(char::is_uppercase) { ORG } else { O }
            });
            assert_eq!(scored, expected, "skip {skip}");
            let orgs: Vec<&str> = (0..doc.tokens.len()).filter(|&i| tags[i] == ORG).map(|i| doc.tok(i)).collect();
            assert_eq!(orgs, ["He", "Bank", "of", "England", "al-Aqsa"], "skip {skip}");
        }
    }

    /// Features with a bucket worked out ahead carry the bucket of their
    /// hash: training (hashes) and tagging (buckets) read the same features.
    #[test]
    fn known_buckets_match_hashes() {
        struct Check(usize, usize);
        impl Sink for Check {
            fn hash(&mut self, _: u64) {}
            fn feat(&mut self, f: Feat) {
                assert_eq!(f.b, bucket(f.h, self.0));
                self.1 += 1;
            }
            fn keyed(&mut self, b: u32, h: impl FnOnce() -> u64) {
                assert_eq!(b, bucket(h(), self.0));
                self.1 += 1;
            }
        }
        let text = "SEOUL - KIM MEETS MOON\n\nMr. Mike Pompeo, the U.S. Secretary of State, flew to #Pyongyang on Sunday. \
                    “North Korea is ready,” said Ri Yong Ho of the Foreign Ministry in Pyongyang.";
        let doc = Document::new(text);
        for n in [model().buckets, 1000] {
            let cx = Context::with_buckets(&doc, n);
            let mut check = Check(n, 0);
            for i in 0..doc.tokens.len() {
                cx.word_features(&doc, i, &mut check);
                cx.context_features(&doc, i, &mut check);
            }
            assert!(check.1 > 5 * doc.tokens.len(), "{}", check.1);
        }
    }

    #[test]
    fn form_ids_number_in_order_of_first_appearance() {
        let words: Vec<String> = (0..300).map(|k| format!("w{}", k % 140)).collect();
        let mut ids = FormIds::with_capacity(4);
        let got: Vec<u32> = words.iter().map(|w| ids.id(w)).collect();
        let want: Vec<u32> = (0..300).map(|k| (k % 140) as u32).collect();
        assert_eq!(got, want);
        assert_eq!(ids.words.len(), 140);
        assert_eq!(ids.words[7], "w7");
    }

    /// The remembered answer for a lone capitalised word is the full search's.
    #[test]
    fn lone_match_agrees_with_gazetteer_at() {
        for text in [
            "Paris is big, and Paris is old.",
            "He flew from New York to New Delhi, then New Mexico and New.",
            "Washington officials met in Washington, D.C., and in Washington.",
            "Sri Lanka, Sri, and Lanka. Mount Kenya is in Kenya.",
            "SOCCER - NEW YORK BEAT SRI LANKA IN NORTH KOREA , KENYA AND PARIS",
        ] {
            let doc = Document::new(text);
            let mut memo = vec![[Lone::Unknown; 2]; doc.tokens.len()];
            let end = doc.tokens.len();
            for i in 0..end {
                let lone = doc.tokens[i].kind == TokenKind::Word
                    && is_capitalised(doc.tok(i))
                    && (i + 1 == end || doc.tokens[i + 1].span.start != doc.tokens[i].span.end);
                if !lone {
                    continue;
                }
                // Twice: asked, then remembered (memo per token here, by form in use).
                for headline in [false, true] {
                    for _ in 0..2 {
                        let got = lone_match(&mut memo[i][headline as usize], &doc, i, end, headline).map(|(n, p)| (n, p.canonical));
                        let want = gazetteer_at(&doc, i, end, headline).map(|(n, p)| (n, p.canonical));
                        assert_eq!(got, want, "{text}: {} (headline {headline})", doc.tok(i));
                    }
                }
            }
        }
    }

    /// The shape pairs worked out per document give the features hashing
    /// each token's shapes gives (the path of documents with many shapes).
    #[test]
    fn shape_pairs_match_hashing() {
        let text = "SEOUL - KIM MEETS MOON\n\nMr. Mike Pompeo, the U.S. Secretary of State, flew to #Pyongyang on Sunday, 7 Oct. 2018. \
                    “North Korea is ready,” said Ri Yong-Ho (KCNA) of the Foreign Ministry in Pyongyang.";
        let doc = Document::new(text);
        let m = model();
        let cx = Context::with_buckets(&doc, m.buckets);
        assert!(!cx.pairs.is_empty());
        let mut hashed = Context::with_buckets(&doc, m.buckets);
        hashed.pairs.clear();
        for i in (0..doc.tokens.len()).filter(|&i| cx.info[i].is_word()) {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            cx.static_features(&doc, i, &mut |h| a.push(h));
            hashed.static_features(&doc, i, &mut |h| b.push(h));
            assert_eq!(a, b, "{}", doc.tok(i));
        }
        assert_eq!(tag_context(&doc, &cx, m), tag_context(&doc, &hashed, m));
    }

    #[test]
    fn calendar_words() {
        for (w, yes) in [("Monday", true), ("SEPT.", true), ("sept....", true), ("may", true), ("Dec", true), ("Mayor", false), ("Ma", false), ("", false), ("Été", false), ("1996", false), ("Obama", false)] {
            assert_eq!(is_calendar_word(w), yes, "{w}");
        }
    }

    #[test]
    fn token_info_packs_gazetteer_matches() {
        assert_eq!(std::mem::size_of::<TokenInfo>(), 6);
        assert!(std::mem::size_of::<LowerForm>() <= 40, "{}", std::mem::size_of::<LowerForm>());
        assert!(std::mem::size_of::<Form>() <= 24, "{}", std::mem::size_of::<Form>());
        for feature in gazetteer::Feature::ALL {
            for (begins, single) in [(false, false), (true, false), (false, true), (true, true)] {
                let mut t = TokenInfo { form: 0, flags: 0, gaz: 0 };
                assert_eq!(t.gaz(), None);
                t.set_gaz(feature, begins, single);
                assert_eq!(t.gaz(), Some((feature, begins, single)));
            }
        }
    }

    /// The flags and the lookup bits share a byte without touching each other.
    #[test]
    fn token_info_packs_flags_and_lookups() {
        let cases: &[(&str, u8, u8)] = &[
            ("nothing", 0, 0),
            ("word, all lookups", WORD, IN_TABLE | PERSON_TITLE | ORG_WORD | PLACE_WORD),
            ("every flag, no lookup", WORD | CAP | HEADLINE | SENT_START, 0),
            ("capitalised title in a headline", WORD | CAP | HEADLINE, PERSON_TITLE),
            ("sentence start, place word", WORD | SENT_START, PLACE_WORD | IN_TABLE),
        ];
        for &(name, flags, look) in cases {
            let mut t = TokenInfo { form: u32::MAX, flags, gaz: 0 };
            t.set_look(ORG_WORD);
            t.set_look(look);
            let got = (t.is_word(), t.cap(), t.headline(), t.sent_start(), t.look(), { t.form });
            let want = (flags & WORD != 0, flags & CAP != 0, flags & HEADLINE != 0, flags & SENT_START != 0, look, u32::MAX);
            assert_eq!(got, want, "{name}");
        }
    }

    /// After `freeze`, every string keeps its id, and interning still works.
    #[test]
    fn frozen_interner_keeps_its_ids() {
        let words: Vec<String> = (0..200).map(|k| format!("w{}", k % 70)).collect();
        let mut strings = Interner::with_capacity(4);
        let ids: Vec<u32> = words.iter().map(|w| strings.intern(w)).collect();
        strings.freeze();
        assert!(strings.slots.0.is_empty());
        assert_eq!(strings.len(), 70);
        for (w, &id) in words.iter().zip(&ids) {
            assert_eq!(strings.get(id), w);
        }
        assert_eq!(strings.intern("w5"), ids[5]);
        assert_eq!(strings.intern("new"), 70);
        assert_eq!(strings.get(70), "new");
    }

    /// A token's neighbourhood: lower-case forms and shape keys of the two
    /// tokens either side, `<s>` past the text's ends, `HL` in headlines.
    #[test]
    fn neighbourhood_of_tokens() {
        let text = "KIM MEETS MOON\n\nThe U.S. said so.";
        let doc = Document::new(text);
        let cx = Context::new(&doc);
        let key = |k: usize| {
            let [l, s] = cx.near(k);
            (cx.lower_text.get(l), cx.shape_text.get(s))
        };
        let cases: &[(&str, usize, (&str, &str))] = &[
            ("before the text", 0, ("<s>", "<s>")),
            ("just before the text", 1, ("<s>", "<s>")),
            ("headline word", 2, ("kim", "HL")),
            ("headline end", 4, ("moon", "HL")),
            ("body word", 5, ("the", "Xx")),
            ("abbreviation", 6, ("u.s.", "X.X.")),
            ("last token", 9, (".", ".")),
            ("just after the text", 10, ("<s>", "<s>")),
            ("after the text", 11, ("<s>", "<s>")),
        ];
        assert_eq!(doc.tokens.len(), 8);
        for &(name, k, want) in cases {
            assert_eq!(key(k), want, "{name}");
        }
        for i in 0..doc.tokens.len() {
            assert_eq!(cx.near(i + 2), [cx.lower(i), cx.shape_key(i)], "{}", doc.tok(i));
        }
    }

    /// Packing keeps every code: each sign pattern of a bucket, and each
    /// level, positive and negative (levels 3: codes 0..=6).
    #[test]
    fn packed_codes_round_trip() {
        let codes: Vec<u8> = (0..3u32.pow(NT as u32) * 7).flat_map(|b| (0..NT).map(move |t| ((b / 7u32.pow(t as u32 % 2) + t as u32) % 7) as u8)).collect();
        let buckets = codes.len() / NT;
        let packed = pack_codes(&codes, 3);
        assert_eq!(unpack_codes(&packed, buckets, 3).as_deref(), Some(&codes[..]));
        // A level past the codebook, a missing level or one too many is no model.
        assert_eq!(unpack_codes(&packed, buckets, 2), None);
        assert_eq!(unpack_codes(&packed[..packed.len() - 1], buckets, 3), None);
        assert_eq!(unpack_codes(&[&packed[..], &[0]].concat(), buckets, 3), None);
    }

    #[test]
    fn quantised_round_trip() {
        let w = [0.5f32, -1.0, 0.0, 0.25, 1.0, 3.0, -3.0, 0.01, 2.0, -0.5];
        let b = serialise(2, &w, 0.0, 4);
        let m = parse(&b).expect("parses");
        assert_eq!(m.buckets, 2);
        let mut s = [0f32; LANES];
        m.add(1, &mut s);
        // Signs and order survive quantisation.
        assert!(s[0] > 2.0 && s[1] < -2.0 && s[4] < 0.0 && s[3] > 1.0, "{s:?}");
        for cut in 0..b.len() {
            assert!(parse(&b[..cut]).is_none());
        }
    }
}
