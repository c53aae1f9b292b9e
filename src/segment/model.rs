//! The segmentation model: a syllable tagger (does a word start at this token?) with hashed
//! n-gram, shape and lexicon features, one weight table for accented text and one for text
//! typed without diacritics.
//!
//! File format (little endian), version 4 (1 and 2 hashed features and stored the lexicon
//! differently, 3 had no prefix flags):
//! ```text
//! magic "VNSEGMD1" | u32 version | u32 bits
//! for each of the two variants (accented, folded):
//!     u32 lexicon slots (a power of two) | slots × u32 (open addressing, 0 = empty):
//!         bits 2..32 of a sequence key's fingerprint | bit 1: begins a longer entry | bit 0: entry
//!     2^bits × i16 weights
//! ```

use std::borrow::Cow;
use std::fmt;

use crate::syllable;

/// The file's magic bytes.
pub const MAGIC: &[u8; 8] = b"VNSEGMD1";
/// The format version this build reads and writes.
pub const VERSION: u32 = 4;
/// The longest lexicon entry, in tokens.
pub const MAX_WORD: usize = 4;

/// The shape of a token, a feature of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Shape {
    /// All lower case letters.
    Lower = 0,
    /// A capital then lower case.
    Title = 1,
    /// All capitals (2+ letters).
    Upper = 2,
    /// Starts with a digit.
    Number = 3,
    /// Punctuation.
    Punct = 4,
    /// Anything else.
    Other = 5,
}

/// The shape of `token`.
pub fn shape(token: &str) -> Shape {
    let mut chars = token.chars();
    let Some(first) = chars.next() else {
        return Shape::Other;
    };
    if first.is_ascii_digit() {
        return Shape::Number;
    }
    if first.is_ascii_punctuation() || matches!(first, '…' | '–' | '—' | '“' | '”') {
        return Shape::Punct;
    }
    if !first.is_alphabetic() {
        return Shape::Other;
    }
    let is_upper = |c: char| -> Option<bool> {
        if c.is_ascii() {
            return c.is_ascii_alphabetic().then(|| c.is_ascii_uppercase());
        }
        match syllable::letter(c) {
            Some(l) => Some(l.upper),
            None if c.is_uppercase() => Some(true),
            None if c.is_lowercase() => Some(false),
            None => None,
        }
    };
    let (mut upper, mut lower, mut n) = (0, 0, 1);
    for c in chars {
        n += 1;
        match is_upper(c) {
            Some(true) => upper += 1,
            Some(false) => lower += 1,
            None => {}
        }
    }
    match (is_upper(first) == Some(true), upper, lower) {
        (true, _, 0) if n >= 2 => Shape::Upper,
        (true, 0, _) => Shape::Title,
        (false, 0, _) => Shape::Lower,
        _ => Shape::Other,
    }
}

#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

#[inline]
pub(crate) fn finish(h: u64) -> u64 {
    let h = h ^ (h >> 33);
    let h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// The key of a token: a hash of its lower-cased text (folded when `folded`).
pub fn token_key(token: &str, folded: bool) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15u64;
    for c in token.chars() {
        if c.is_ascii() {
            h = mix(h, c.to_ascii_lowercase() as u64);
        } else if folded && let Some(a) = syllable::fold_letter(c) {
            h = mix(h, a as u64);
        } else if let Some(k) = syllable::lower_key(c) {
            h = mix(h, k as u64);
        } else {
            for l in c.to_lowercase() {
                h = mix(h, l as u64);
            }
        }
    }
    finish(h) | 1
}

pub(crate) const SEQUENCE_SEED: u64 = 0x2545_f491_4f6c_dd1d;

/// The key and the shape of a token in one pass (what [`token_key`] and [`shape`] give).
#[inline]
pub fn token_info(token: &str, folded: bool) -> (u64, Shape) {
    let bytes = token.as_bytes();
    // Plain ASCII words and punctuation, the most common tokens, without decoding.
    if token.is_ascii() {
        let mut h = 0x9e37_79b9_7f4a_7c15u64;
        let (mut upper, mut lower) = (0usize, 0usize);
        for &b in bytes {
            h = mix(h, b.to_ascii_lowercase() as u64);
            upper += b.is_ascii_uppercase() as usize;
            lower += b.is_ascii_lowercase() as usize;
        }
        let first = bytes.first().copied().unwrap_or(b' ');
        let shape = if first.is_ascii_digit() {
            Shape::Number
        } else if first.is_ascii_punctuation() {
            Shape::Punct
        } else if !first.is_ascii_alphabetic() {
            Shape::Other
        } else if first.is_ascii_uppercase() {
            if lower == 0 && bytes.len() >= 2 {
                Shape::Upper
            } else if upper == 1 {
                Shape::Title
            } else {
                Shape::Other
            }
        } else if upper == 0 {
            Shape::Lower
        } else {
            Shape::Other
        };
        return (finish(h) | 1, shape);
    }
    let (key, _, shape) = non_ascii_info::<false>(token, folded);
    (key, shape)
}

/// The lower-case key, the folded key and the shape of a token in one pass.
#[inline]
pub fn token_keys(token: &str) -> (u64, u64, Shape) {
    if token.is_ascii() {
        let (key, shape) = token_info(token, false);
        return (key, key, shape);
    }
    non_ascii_info::<true>(token, false)
}

/// [`token_info`] for text with non-ASCII characters; with `BOTH`, the folded key as well.
fn non_ascii_info<const BOTH: bool>(token: &str, folded: bool) -> (u64, u64, Shape) {
    let mut h = 0x9e37_79b9_7f4a_7c15u64;
    let mut h2 = h;
    let (mut upper, mut lower, mut n) = (0usize, 0usize, 0usize);
    let mut first: Option<(char, Option<bool>)> = None;
    for c in token.chars() {
        let case = if c.is_ascii() {
            h = mix(h, c.to_ascii_lowercase() as u64);
            if BOTH {
                h2 = mix(h2, c.to_ascii_lowercase() as u64);
            }
            c.is_ascii_alphabetic().then(|| c.is_ascii_uppercase())
        } else if let Some((key, fold, up)) = syllable::key_fold_upper(c) {
            h = mix(h, if folded { fold as u64 } else { key as u64 });
            if BOTH {
                h2 = mix(h2, fold as u64);
            }
            Some(up)
        } else {
            for l in c.to_lowercase() {
                h = mix(h, l as u64);
                if BOTH {
                    h2 = mix(h2, l as u64);
                }
            }
            if c.is_uppercase() {
                Some(true)
            } else if c.is_lowercase() {
                Some(false)
            } else {
                None
            }
        };
        n += 1;
        if first.is_none() {
            first = Some((c, case));
        } else {
            match case {
                Some(true) => upper += 1,
                Some(false) => lower += 1,
                None => {}
            }
        }
    }
    let shape = match first {
        None => Shape::Other,
        Some((c, _)) if c.is_ascii_digit() => Shape::Number,
        Some((c, _)) if c.is_ascii_punctuation() || matches!(c, '…' | '–' | '—' | '“' | '”') => {
            Shape::Punct
        }
        Some((c, _)) if !c.is_alphabetic() => Shape::Other,
        Some((_, case)) => match (case == Some(true), upper, lower) {
            (true, _, 0) if n >= 2 => Shape::Upper,
            (true, 0, _) => Shape::Title,
            (false, 0, _) => Shape::Lower,
            _ => Shape::Other,
        },
    };
    (finish(h) | 1, finish(h2) | 1, shape)
}

/// The key of a sequence of token keys (a lexicon entry).
pub fn sequence_key(keys: &[u64]) -> u64 {
    let mut h = SEQUENCE_SEED;
    for &k in keys {
        h = mix(h, k);
    }
    finish(h) | 1
}

/// A set of lexicon entries: open addressing over sequence keys. Each slot holds 30 bits of
/// the key's fingerprint and two flags: the sequence is an entry, and it is the beginning of a
/// longer entry (so that a lookup stops as soon as no longer entry can follow).
#[derive(Clone)]
pub struct Lexicon<'a> {
    slots: Cow<'a, [u8]>,
    mask: usize,
    /// Occupied slots.
    used: usize,
}

impl fmt::Debug for Lexicon<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lexicon({} slots)", self.mask + 1)
    }
}

/// A slot flag: the sequence is a lexicon entry.
pub const ENTRY: u32 = 1;
/// A slot flag: the sequence begins a longer entry.
pub const PREFIX: u32 = 2;
const FLAGS: u32 = ENTRY | PREFIX;

/// The fingerprint a lexicon stores for a sequence key (its two low bits are the flags).
#[inline]
fn fingerprint(key: u64) -> u32 {
    (key >> 32) as u32 & !FLAGS
}

/// The sequence keys of the prefixes of `entry` (lengths 2 and up), the last the entry's own.
fn prefix_keys(entry: &[u64]) -> impl Iterator<Item = u64> + '_ {
    let mut h = SEQUENCE_SEED;
    entry.iter().enumerate().filter_map(move |(i, &k)| {
        h = mix(h, k);
        (i >= 1).then_some(finish(h) | 1)
    })
}

impl<'a> Lexicon<'a> {
    /// Builds a table holding `entries`, each a sequence of 2 to [`MAX_WORD`] token keys
    /// ([`token_key`]); other lengths are ignored.
    pub fn build(entries: &[Vec<u64>]) -> Lexicon<'static> {
        let mut lexicon = Lexicon::with_slots(16);
        let mut fps: Vec<u32> = Vec::new();
        for e in entries.iter().filter(|e| (2..=MAX_WORD).contains(&e.len())) {
            let n = e.len();
            for (i, key) in prefix_keys(e).enumerate() {
                let flag = if i + 2 == n { ENTRY } else { PREFIX };
                fps.push(fingerprint(key) | flag);
            }
        }
        // One slot per fingerprint, its flags merged.
        fps.sort_unstable();
        let mut merged: Vec<u32> = Vec::with_capacity(fps.len());
        for fp in fps {
            match merged.last_mut() {
                Some(last) if *last & !FLAGS == fp & !FLAGS => *last |= fp,
                _ => merged.push(fp),
            }
        }
        lexicon.rebuild(&merged);
        lexicon
    }

    fn with_slots(slots: usize) -> Lexicon<'static> {
        Lexicon {
            slots: Cow::Owned(vec![0; slots * 4]),
            mask: slots - 1,
            used: 0,
        }
    }

    /// Refills the table with `fps` (distinct fingerprints with their flags) at load ≤ 1/2.
    fn rebuild(&mut self, fps: &[u32]) {
        let slots = (fps.len() * 2).next_power_of_two().max(16);
        let mut table = vec![0u32; slots];
        for &fp in fps {
            let mut i = (fp >> 2) as usize & (slots - 1);
            while table[i] != 0 && table[i] & !FLAGS != fp & !FLAGS {
                i = (i + 1) & (slots - 1);
            }
            table[i] |= fp;
        }
        let bytes: Vec<u8> = table.iter().flat_map(|k| k.to_le_bytes()).collect();
        self.slots = Cow::Owned(bytes);
        self.mask = slots - 1;
        self.used = fps.len();
    }

    #[inline]
    fn slot(&self, i: usize) -> u32 {
        match self.slots.get(i * 4..i * 4 + 4) {
            Some(b) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            None => 0,
        }
    }

    /// The flags ([`ENTRY`], [`PREFIX`]) of the sequence with this key, 0 when absent.
    #[inline]
    pub fn lookup(&self, key: u64) -> u32 {
        let fp = fingerprint(key);
        let mut i = (fp >> 2) as usize & self.mask;
        loop {
            let s = self.slot(i);
            if s & !FLAGS == fp {
                return s & FLAGS;
            }
            if s == 0 {
                return 0;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Whether the entry with this sequence key ([`sequence_key`]) is in the lexicon.
    #[inline]
    pub fn contains(&self, key: u64) -> bool {
        self.lookup(key) & ENTRY != 0
    }

    /// Adds an entry of 2 to [`MAX_WORD`] token keys (for user lexicons); other lengths are
    /// ignored.
    pub fn insert(&mut self, entry: &[u64]) {
        if !(2..=MAX_WORD).contains(&entry.len()) {
            return;
        }
        let n = entry.len();
        for (i, key) in prefix_keys(entry).enumerate() {
            let flag = if i + 2 == n { ENTRY } else { PREFIX };
            self.insert_fingerprint(fingerprint(key) | flag);
        }
    }

    fn insert_fingerprint(&mut self, fp: u32) {
        if (self.used + 1) * 2 > self.mask + 1 {
            let mut fps: Vec<u32> = (0..=self.mask)
                .map(|i| self.slot(i))
                .filter(|&k| k != 0)
                .collect();
            match fps.iter_mut().find(|k| **k & !FLAGS == fp & !FLAGS) {
                Some(k) => *k |= fp,
                None => fps.push(fp),
            }
            self.rebuild(&fps);
            return;
        }
        let mut i = (fp >> 2) as usize & self.mask;
        loop {
            let s = self.slot(i);
            if s == 0 || s & !FLAGS == fp & !FLAGS {
                self.used += (s == 0) as usize;
                let slots = self.slots.to_mut();
                slots[i * 4..i * 4 + 4].copy_from_slice(&(s | fp).to_le_bytes());
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// A copy that owns its table.
    pub fn into_owned(self) -> Lexicon<'static> {
        Lexicon {
            slots: Cow::Owned(self.slots.into_owned()),
            mask: self.mask,
            used: self.used,
        }
    }

    /// The raw slots (little-endian u32 fingerprints each).
    pub fn as_bytes(&self) -> &[u8] {
        &self.slots
    }

    /// Number of slots.
    pub fn slots(&self) -> usize {
        self.mask + 1
    }
}

/// What the features of a sentence are computed from: per token, its key and shape, and the
/// lexicon entries that start at it.
#[derive(Clone, Debug, Default)]
pub struct Sentence {
    /// Token keys.
    pub keys: Vec<u64>,
    /// Token shapes.
    pub shapes: Vec<Shape>,
    /// Bit `L` set when the tokens `s..s + L` form a lexicon entry (L in 2..=MAX_WORD).
    pub starts: Vec<u8>,
    /// Boundaries of forward maximum matching.
    pub fmm: Vec<bool>,
    /// Boundaries of backward maximum matching.
    pub bmm: Vec<bool>,
}

impl Sentence {
    /// Prepares the tokens of one sentence.
    pub fn new(tokens: &[&str], folded: bool, lexicon: &Lexicon<'_>) -> Sentence {
        let mut s = Sentence::default();
        s.fill(tokens.iter().copied(), folded, lexicon);
        s
    }

    /// Empties the buffers and gives back memory beyond room for `tokens` tokens (after a
    /// very long text).
    pub fn clear_and_shrink(&mut self, tokens: usize) {
        self.keys.clear();
        self.shapes.clear();
        self.starts.clear();
        self.fmm.clear();
        self.bmm.clear();
        self.keys.shrink_to(tokens);
        self.shapes.shrink_to(tokens);
        self.starts.shrink_to(tokens);
        self.fmm.shrink_to(tokens);
        self.bmm.shrink_to(tokens);
    }

    /// Refills with other tokens, reusing the buffers.
    pub fn fill<'t>(
        &mut self,
        tokens: impl Iterator<Item = &'t str>,
        folded: bool,
        lexicon: &Lexicon<'_>,
    ) {
        self.keys.clear();
        self.shapes.clear();
        for t in tokens {
            let (key, shape) = token_info(t, folded);
            self.keys.push(key);
            self.shapes.push(shape);
        }
        let n = self.keys.len();
        self.starts.clear();
        self.starts.resize(n, 0);
        for s in 0..n {
            if self.shapes[s] == Shape::Punct {
                continue;
            }
            let mut h = mix(SEQUENCE_SEED, self.keys[s]);
            for len in 2..=MAX_WORD.min(n - s) {
                if self.shapes[s + len - 1] == Shape::Punct {
                    break;
                }
                h = mix(h, self.keys[s + len - 1]);
                let flags = lexicon.lookup(finish(h) | 1);
                if flags & ENTRY != 0 {
                    self.starts[s] |= 1 << len;
                }
                if flags & PREFIX == 0 {
                    break;
                }
            }
        }
        // Forward and backward maximum matching.
        self.fmm.clear();
        self.fmm.resize(n, false);
        let mut s = 0;
        while s < n {
            self.fmm[s] = true;
            let len = longest(self.starts[s]).max(1);
            s += len;
        }
        self.bmm.clear();
        self.bmm.resize(n, false);
        let mut e = n;
        while e > 0 {
            let mut best = 1;
            for len in 2..=MAX_WORD.min(e) {
                if self.starts[e - len] & (1 << len) != 0 {
                    best = len;
                }
            }
            self.bmm[e - best] = true;
            e -= best;
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether there is no token.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

#[inline]
fn longest(mask: u8) -> usize {
    if mask == 0 {
        0
    } else {
        7 - mask.leading_zeros() as usize
    }
}

/// Number of features per position.
pub const FEATURES: usize = 20;

const START: u64 = 0x1111_1111_1111_1111;
const END: u64 = 0x2222_2222_2222_2222;

/// The hash of feature template `id` over the values `a` and `b`.
#[inline]
fn feature_hash(id: u64, a: u64, b: u64) -> u64 {
    mix(mix(id.wrapping_mul(0x9e37_79b9_7f4a_7c15), a), b)
}

/// The hash of the constant feature, whose weight is the tagger's bias.
pub fn bias_feature() -> u64 {
    feature_hash(17, 0, 0)
}

/// Computes the feature hashes of position `i` (≥ 1: does a word start at token `i`?), given
/// whether a word started at `i - 1`.
#[inline]
pub fn features(s: &Sentence, i: usize, prev_start: bool, out: &mut [u64; FEATURES]) {
    let n = s.keys.len();
    let key = |k: isize| -> u64 {
        if k < 0 {
            START
        } else if k as usize >= n {
            END
        } else {
            s.keys[k as usize]
        }
    };
    let shape = |k: isize| -> u64 {
        if k < 0 || k as usize >= n {
            9
        } else {
            s.shapes[k as usize] as u64
        }
    };
    let i_ = i as isize;
    let (w_2, w_1, w0, w1, w2) = (key(i_ - 2), key(i_ - 1), key(i_), key(i_ + 1), key(i_ + 2));
    // Lexicon: the longest entry crossing the boundary, starting at i, ending at i - 1.
    // The longest entry from a start crosses whenever any entry from there does.
    let mut cross = 0usize;
    for st in i.saturating_sub(MAX_WORD - 1)..i {
        let len = longest(s.starts[st]);
        if st + len > i {
            cross = cross.max(len);
        }
    }
    let start_len = longest(s.starts[i]);
    let mut end_len = 0;
    for len in 2..=MAX_WORD.min(i) {
        if s.starts[i - len] & (1 << len) != 0 {
            end_len = len;
        }
    }
    let lex = (cross as u64) | ((start_len as u64) << 4) | ((end_len as u64) << 8);
    let mm = (s.fmm[i] as u64) | ((s.bmm[i] as u64) << 1);
    let shapes = shape(i_ - 1) | (shape(i_) << 4) | (shape(i_ + 1) << 8);
    let f = feature_hash;
    *out = [
        f(1, w0, 0),
        f(2, w_1, 0),
        f(3, w1, 0),
        f(4, w_2, 0),
        f(5, w2, 0),
        f(6, w_1, w0),
        f(7, w0, w1),
        f(8, w_2, w_1),
        f(9, w1, w2),
        f(10, mix(w_1, w0), w1),
        f(11, mix(w_2, w_1), w0),
        f(12, shapes, 0),
        f(13, prev_start as u64, w_1),
        f(14, lex, 0),
        f(15, cross as u64, w0),
        f(16, cross as u64, w_1),
        f(17, 0, 0),
        f(18, mm, 0),
        f(19, lex, shapes),
        f(20, mm | ((cross as u64) << 2), mix(w_1, w0)),
    ];
}

/// One weight table with its lexicon.
#[derive(Clone, Debug)]
pub struct Variant<'a> {
    /// The lexicon.
    pub lexicon: Lexicon<'a>,
    weights: Cow<'a, [u8]>,
    mask: u64,
    shift: u32,
}

impl<'a> Variant<'a> {
    /// A variant from quantized weights (`2^bits` of them).
    pub fn new(lexicon: Lexicon<'a>, weights: Vec<i16>) -> Variant<'a> {
        let mask = weights.len() as u64 - 1;
        let bytes = weights.iter().flat_map(|w| w.to_le_bytes()).collect();
        Variant {
            lexicon,
            weights: Cow::Owned(bytes),
            mask,
            shift: 64 - (mask + 1).trailing_zeros(),
        }
    }

    /// The summed weights of the features `f`.
    #[inline]
    fn sum(weights: &[u8], shift: u32, f: &[u64; FEATURES]) -> i32 {
        f.iter()
            .map(|&h| {
                let i = (h >> shift) as usize * 2;
                match weights.get(i..i + 2) {
                    Some(w) => i16::from_le_bytes([w[0], w[1]]) as i32,
                    None => 0,
                }
            })
            .sum()
    }

    /// Tags a sentence: `out[i]` is true when a word starts at token `i`.
    pub fn tag(&self, s: &Sentence, out: &mut Vec<bool>) {
        out.clear();
        let weights: &[u8] = &self.weights;
        let mut f = [0u64; FEATURES];
        let mut prev = true;
        for i in 0..s.len() {
            let b = i == 0 || {
                features(s, i, prev, &mut f);
                Self::sum(weights, self.shift, &f) > 0
            };
            out.push(b);
            prev = b;
        }
    }

    /// A copy that owns its tables.
    pub fn into_owned(self) -> Variant<'static> {
        Variant {
            lexicon: self.lexicon.into_owned(),
            weights: Cow::Owned(self.weights.into_owned()),
            mask: self.mask,
            shift: self.shift,
        }
    }

    /// Index of a feature hash in a table of `2^bits` weights (for training).
    pub fn index(h: u64, bits: u32) -> usize {
        (h >> (64 - bits)) as usize
    }

    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.lexicon.slots() as u32).to_le_bytes());
        out.extend_from_slice(self.lexicon.as_bytes());
        out.extend_from_slice(&self.weights);
    }
}

/// A segmentation model: an accented and a folded variant.
#[derive(Clone, Debug)]
pub struct Model<'a> {
    /// For text with diacritics.
    pub accented: Variant<'a>,
    /// For text typed without diacritics.
    pub folded: Variant<'a>,
}

/// A model file that could not be read.
///
/// ```
/// use vntext::segment::{ModelError, Segmenter};
///
/// let err: ModelError = Segmenter::from_model_bytes(&[]).unwrap_err();
/// assert!(err.to_string().starts_with("invalid segmentation model: "));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError(pub(crate) &'static str);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid segmentation model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

impl<'a> Model<'a> {
    /// Serializes the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        let bits = (self.accented.mask + 1).trailing_zeros();
        out.extend_from_slice(&bits.to_le_bytes());
        self.accented.write(&mut out);
        self.folded.write(&mut out);
        out
    }

    /// A copy that owns its tables.
    pub fn into_owned(self) -> Model<'static> {
        Model {
            accented: self.accented.into_owned(),
            folded: self.folded.into_owned(),
        }
    }

    /// Reads a model from bytes, borrowing them (no copy).
    ///
    /// # Errors
    /// [`ModelError`] when the magic, the version or a length is wrong.
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Model<'a>, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError("not a vntext segmentation model (magic)"));
        }
        if r.u32()? != VERSION {
            return Err(ModelError("unsupported version"));
        }
        let bits = r.u32()?;
        if !(10..=26).contains(&bits) {
            return Err(ModelError("weight table size out of range"));
        }
        let accented = r.variant(bits)?;
        let folded = r.variant(bits)?;
        if r.pos != bytes.len() {
            return Err(ModelError("trailing bytes"));
        }
        Ok(Model { accented, folded })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or(ModelError("length overflow"))?;
        let s = self
            .bytes
            .get(self.pos..end)
            .ok_or(ModelError("truncated"))?;
        self.pos = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn variant(&mut self, bits: u32) -> Result<Variant<'a>, ModelError> {
        let slots = self.u32()? as usize;
        if !slots.is_power_of_two() {
            return Err(ModelError("lexicon size is not a power of two"));
        }
        let lex = self.take(slots.checked_mul(4).ok_or(ModelError("length overflow"))?)?;
        let used = lex.chunks_exact(4).filter(|b| b != &[0; 4]).count();
        if used * 2 > slots {
            return Err(ModelError("lexicon table over half full"));
        }
        let weights = self.take(2usize << bits)?;
        Ok(Variant {
            lexicon: Lexicon {
                slots: Cow::Borrowed(lex),
                mask: slots - 1,
                used,
            },
            weights: Cow::Borrowed(weights),
            mask: (1u64 << bits) - 1,
            shift: 64 - bits,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_info_agrees_with_key_and_shape() {
        for t in [
            "hà", "Hà", "HÀ", "ha", "Ha", "HA", "H", "h", "iPhone", "x2", "2x", ",", "...", "",
            "UBND", "TP.HCM", "%", "a-b", "Việt", "VIỆT", "việt", "ViỆt", "Ǆa", "αβ", "Ωmega", "…",
            "“x", "đ", "Đ", "Đà", "ĐÀ", "1à", "·à", "ß", "İ",
        ] {
            for folded in [false, true] {
                assert_eq!(
                    token_info(t, folded),
                    (token_key(t, folded), shape(t)),
                    "{t:?}"
                );
                assert_eq!(
                    token_keys(t),
                    (token_key(t, false), token_key(t, true), shape(t)),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn lexicon_flags_prefixes_and_finds_long_entries() {
        let k = |t: &str| token_key(t, false);
        let long = vec![k("ủy"), k("ban"), k("nhân"), k("dân")];
        let lex = Lexicon::build(&[long.clone(), vec![k("ủy"), k("ban")], vec![k("x")]]);
        assert_eq!(lex.lookup(sequence_key(&long[..2])), ENTRY | PREFIX);
        assert_eq!(lex.lookup(sequence_key(&long[..3])), PREFIX);
        assert_eq!(lex.lookup(sequence_key(&long)), ENTRY);
        assert_eq!(lex.lookup(sequence_key(&[k("nhân"), k("dân")])), 0);
        let s = Sentence::new(&["Ủy", "ban", "nhân", "dân", "tỉnh"], false, &lex);
        assert_eq!(s.starts[0], (1 << 2) | (1 << 4));
        assert_eq!(&s.starts[1..], &[0, 0, 0, 0]);
    }

    #[test]
    fn lexicon_insert_grows_and_keeps_entries() {
        let mut lex = Lexicon::build(&[]);
        let entries: Vec<Vec<u64>> = (0..500u64)
            .map(|i| vec![i * 7 + 1, i * 13 + 3, i * 17 + 5])
            .collect();
        for e in &entries {
            lex.insert(e);
        }
        lex.insert(&[1, 2, 3, 4, 5]); // too long: ignored
        for e in &entries {
            assert!(lex.contains(sequence_key(e)));
            assert_eq!(lex.lookup(sequence_key(&e[..2])), PREFIX);
        }
        assert!(!lex.contains(sequence_key(&[1, 2, 3, 4, 5])));
        assert!(lex.slots() >= 2 * 1000);
    }
}
