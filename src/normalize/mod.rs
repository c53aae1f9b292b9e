//! Normalization: one canonical form of Vietnamese text, with offsets back to the original.
//!
//! [`normalize`] (or a configured [`Normalizer`]) makes text NFC, repairs combining marks in the
//! wrong order, puts every Vietnamese syllable's tone where the chosen [`ToneStyle`] puts it
//! (which also repairs misplaced tones: hòan → hoàn), replaces look-alike letters inside
//! Vietnamese words (Ð U+00D0 → Đ), removes invisible characters, turns Unicode spaces into
//! plain spaces and full-width ASCII into ASCII. Text that is already canonical comes back
//! borrowed, without allocating.
//!
//! ```
//! use std::borrow::Cow;
//! use vntext::normalize::{normalize, Normalizer};
//! use vntext::syllable::ToneStyle;
//!
//! assert_eq!(normalize("Uỷ ban nhân dân tỉnh Khánh Hoà"), "Ủy ban nhân dân tỉnh Khánh Hòa");
//! assert!(matches!(normalize("Tiếng Việt"), Cow::Borrowed(_)));
//! let reformed = Normalizer::new().style(ToneStyle::Reformed);
//! assert_eq!(reformed.normalize("hòa thủy khỏe"), "hoà thuỷ khoẻ");
//! ```
//!
//! Every change is recorded by [`Normalizer::normalize_with_offsets`] as an [`Edit`], so later
//! stages can report spans in the caller's original text through the [`OffsetMap`].

mod fold;
pub mod legacy;
mod offsets;

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

pub use fold::{fold, fold_into};
pub use offsets::{Changes, Edit, OffsetMap};

use crate::span::Span;
use crate::syllable::{self, Letter, Tone, ToneStyle};

/// Normalizes `text` with the default settings (traditional tone placement).
///
/// ```
/// assert_eq!(vntext::normalize::normalize("hòan thành"), "hoàn thành");
/// ```
pub fn normalize(text: &str) -> Cow<'_, str> {
    Normalizer::new().normalize(text)
}

/// Normalization settings. Cheap to copy, `Send + Sync`.
///
/// ```
/// use vntext::normalize::Normalizer;
/// use vntext::syllable::ToneStyle;
///
/// // The settings are built in const context, so they can live in a `const` or a `static`.
/// const REFORMED: Normalizer = Normalizer::new().style(ToneStyle::Reformed);
/// assert_eq!(REFORMED.normalize("Khánh Hòa, Thủy"), "Khánh Hoà, Thuỷ");
/// assert_eq!(Normalizer::default(), Normalizer::new());
/// assert_eq!(Normalizer::new().normalize("Khánh Hoà, Thuỷ"), "Khánh Hòa, Thủy");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Normalizer {
    style: ToneStyle,
    tones: bool,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new()
    }
}

/// Normalized text with the map of its offsets back to the original, from
/// [`Normalizer::normalize_with_offsets`].
///
/// ```
/// use vntext::normalize::Normalizer;
///
/// let n = Normalizer::new().normalize_with_offsets("Uỷ ban nhân dân tỉnh Khánh Hoà");
/// assert_eq!(n.text(), "Ủy ban nhân dân tỉnh Khánh Hòa");
/// // One edit for Uỷ, one for Hoà.
/// assert_eq!(n.map().edits().len(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    map: OffsetMap,
}

impl<'a> Normalized<'a> {
    /// The normalized text.
    ///
    /// ```
    /// let n = vntext::normalize::Normalizer::new().normalize_with_offsets("hòan thành");
    /// assert_eq!(n.text(), "hoàn thành");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The offset map from the normalized text to the original.
    ///
    /// ```
    /// let original = "Ha\u{300} Nội";
    /// let n = vntext::normalize::Normalizer::new().normalize_with_offsets(original);
    /// assert_eq!(n.text(), "Hà Nội");
    /// // "Nội" is at byte 4 of the text and byte 5 of the original (à was two characters).
    /// assert_eq!(n.map().to_original_start(4), 5);
    /// ```
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// Takes the text and the map apart.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use vntext::normalize::Normalizer;
    ///
    /// let n = Normalizer::new();
    /// // Clean text: borrowed, and nothing to map.
    /// let (text, map) = n.normalize_with_offsets("Tiếng Việt").into_parts();
    /// assert!(matches!(text, Cow::Borrowed("Tiếng Việt")));
    /// assert!(map.is_identity());
    ///
    /// // Tiếng decomposed: composed, and mapped.
    /// let (text, map) = n.normalize_with_offsets("Tie\u{302}\u{301}ng Việt").into_parts();
    /// assert_eq!(text, "Tiếng Việt");
    /// assert!(!map.is_identity());
    /// ```
    pub fn into_parts(self) -> (Cow<'a, str>, OffsetMap) {
        (self.text, self.map)
    }
}

impl Normalizer {
    /// The default settings: traditional tone placement, tones unified (the same as
    /// [`normalize`]).
    ///
    /// ```
    /// use vntext::normalize::Normalizer;
    ///
    /// let n = Normalizer::new();
    /// assert_eq!(n.normalize("Uỷ ban nhân dân"), "Ủy ban nhân dân");
    /// assert_eq!(n.normalize("khoẻ mạnh"), "khỏe mạnh");
    /// ```
    pub const fn new() -> Normalizer {
        Normalizer {
            style: ToneStyle::Traditional,
            tones: true,
        }
    }

    /// Chooses where tones go (traditional hòa by default, or reformed hoà).
    ///
    /// ```
    /// use vntext::normalize::Normalizer;
    /// use vntext::syllable::ToneStyle;
    ///
    /// let reformed = Normalizer::new().style(ToneStyle::Reformed);
    /// assert_eq!(reformed.normalize("Ủy ban, sức khỏe"), "Uỷ ban, sức khoẻ");
    /// // Only the open oa, oe and uy syllables differ: a misplaced tone is repaired either way.
    /// assert_eq!(reformed.normalize("hòan thành"), "hoàn thành");
    /// ```
    #[must_use]
    pub const fn style(mut self, style: ToneStyle) -> Normalizer {
        self.style = style;
        self
    }

    /// Whether to move tone marks at all (default true). With `false` the text is only made
    /// NFC and cleaned, and the tone placement stays as written.
    ///
    /// ```
    /// use vntext::normalize::Normalizer;
    ///
    /// // Hoà written decomposed (a + U+0300), with a zero-width space in Khánh.
    /// let text = "Kh\u{200B}ánh Hoa\u{300}";
    /// let keep = Normalizer::new().unify_tones(false);
    /// assert_eq!(keep.normalize(text), "Khánh Hoà");
    /// assert_eq!(Normalizer::new().normalize(text), "Khánh Hòa");
    /// ```
    #[must_use]
    pub const fn unify_tones(mut self, yes: bool) -> Normalizer {
        self.tones = yes;
        self
    }

    /// Normalizes `text`; borrowed when it is already canonical.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use vntext::normalize::Normalizer;
    ///
    /// let n = Normalizer::new();
    /// assert!(matches!(n.normalize("Đà Nẵng"), Cow::Borrowed(_)));
    /// // NFD input is composed: an owned string.
    /// let nfd = "Đa\u{300} Na\u{306}\u{303}ng";
    /// assert!(matches!(n.normalize(nfd), Cow::Owned(s) if s == "Đà Nẵng"));
    /// ```
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        normalize_with(text, self)
    }

    /// Normalizes `text` and records every change in an [`OffsetMap`].
    ///
    /// ```
    /// use vntext::Span;
    /// use vntext::normalize::{Changes, Normalizer};
    ///
    /// // A no-break space and the reformed Hoà.
    /// let original = "tỉnh\u{A0}Khánh Hoà";
    /// let n = Normalizer::new().normalize_with_offsets(original);
    /// assert_eq!(n.text(), "tỉnh Khánh Hòa");
    /// let kinds: Vec<Changes> = n.map().edits().iter().map(|e| e.changes).collect();
    /// assert_eq!(kinds, [Changes::SPACE, Changes::TONE_STYLE]);
    ///
    /// // A span found in the normalized text, back in the original.
    /// let start = n.text().find("Khánh").unwrap();
    /// let span = n.map().to_original(Span::new(start, n.text().len()));
    /// assert_eq!(&original[span.range()], "Khánh Hoà");
    /// ```
    pub fn normalize_with_offsets<'a>(&self, text: &'a str) -> Normalized<'a> {
        let mut map = OffsetMap::default();
        let text = run(text, self, Some(&mut map));
        Normalized { text, map }
    }
}

pub(crate) fn normalize_with<'a>(text: &'a str, n: &Normalizer) -> Cow<'a, str> {
    run(text, n, None)
}

/// What a character is to the scanner.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Part of a word (a letter, a combining mark, an invisible joiner inside a word).
    Word,
    /// Anything else.
    Other,
}

/// Decodes the non-ASCII character starting at `i` of the valid UTF-8 `bytes`.
#[inline(always)]
fn decode_char(bytes: &[u8], i: usize) -> (char, usize) {
    let (u, len) = decode_cp(bytes, i);
    (char::from_u32(u).unwrap_or('\u{FFFD}'), len)
}

/// Decodes the code point of the non-ASCII character starting at `i` of the valid UTF-8
/// `bytes`.
#[inline(always)]
fn decode_cp(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = bytes[i] as u32;
    let cont = |k: usize| bytes.get(i + k).map_or(0, |&b| b as u32 & 0x3F);
    let (u, len) = if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    };
    (u, len)
}

#[inline]
fn class(c: char) -> Class {
    if is_invisible(c) {
        return Class::Word;
    }
    // General punctuation (dashes, quotes, ellipsis) is common and never a letter.
    if ('\u{2010}'..='\u{205E}').contains(&c) {
        return Class::Other;
    }
    if c.is_alphabetic() || is_combining(c) {
        Class::Word
    } else {
        Class::Other
    }
}

/// Combining marks: the Unicode general categories M*.
#[inline]
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
        || (c > '\u{036F}' && unicode_normalization::char::is_combining_mark(c))
}

/// Invisible characters that are removed anywhere: zero-width space, word joiner, BOM (zero
/// width no-break space), soft hyphen.
#[inline]
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Zero-width (non-)joiners: removed inside words, kept elsewhere (emoji sequences use them).
#[inline]
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// Unicode spaces that become a plain space.
#[inline]
fn is_space_variant(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// The ASCII character of a full-width form (U+FF01..U+FF5E).
#[inline]
fn full_width_to_ascii(c: char) -> Option<char> {
    if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
        char::from_u32(c as u32 - 0xFEE0)
    } else {
        None
    }
}

/// The letter a look-alike stands for, when written inside a Vietnamese word.
#[inline]
fn look_alike(c: char) -> Option<char> {
    Some(match c {
        // Eth and African D: the usual stand-ins for Đ/đ.
        '\u{00D0}' | '\u{0189}' => 'Đ',
        '\u{00F0}' | '\u{0256}' => 'đ',
        // Cyrillic letters that look like Latin ones.
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'х' => 'x',
        'у' => 'y',
        'і' => 'i',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        _ => return None,
    })
}

/// Whether `c`, alone, is in its final form (NFC-stable and nothing of ours to replace).
#[inline]
fn char_is_final(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    if syllable::letter(c).is_some() {
        return true;
    }
    // Dashes, quotes, bullets, ellipsis: NFC-stable, nothing to replace.
    if ('\u{2010}'..='\u{2027}').contains(&c) || ('\u{2030}'..='\u{205E}').contains(&c) {
        return true;
    }
    if is_combining(c)
        || is_invisible(c)
        || is_space_variant(c)
        || full_width_to_ascii(c).is_some()
        || look_alike(c).is_some()
    {
        return false;
    }
    is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// The output being built: borrowed until the first change.
struct Out<'a, 'm> {
    text: &'a str,
    out: Option<String>,
    /// Bytes of `text` already copied or replaced.
    done: usize,
    map: Option<&'m mut OffsetMap>,
}

impl<'a> Out<'a, '_> {
    /// Replaces `text[start..end]` by `with` (which differs from it).
    fn replace(&mut self, start: usize, end: usize, with: &str, changes: Changes) {
        // Trim what did not change, so the edit covers only the changed characters.
        let old = &self.text[start..end];
        let prefix = common_prefix(old, with);
        let suffix = common_suffix(&old[prefix..], &with[prefix..]);
        let (start, end) = (start + prefix, end - suffix);
        let with = &with[prefix..with.len() - suffix];
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.text.len() + 16));
        out.push_str(&self.text[self.done..start]);
        let norm_start = out.len();
        out.push_str(with);
        if let Some(map) = self.map.as_deref_mut() {
            map.push(Edit {
                original: Span::new(start, end),
                normalized: Span::new(norm_start, norm_start + with.len()),
                changes,
            });
        }
        self.done = end;
    }

    fn finish(mut self) -> Cow<'a, str> {
        match self.out.take() {
            None => Cow::Borrowed(self.text),
            Some(mut out) => {
                out.push_str(&self.text[self.done..]);
                Cow::Owned(out)
            }
        }
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = 0;
    for (x, y) in a.chars().zip(b.chars()) {
        if x != y {
            break;
        }
        n += x.len_utf8();
    }
    n
}

fn common_suffix(a: &str, b: &str) -> usize {
    let mut n = 0;
    for (x, y) in a.chars().rev().zip(b.chars().rev()) {
        if x != y {
            break;
        }
        n += x.len_utf8();
    }
    n
}

/// The scanner: finds words and other characters, and replaces what is not canonical.
///
/// A fast pass skips ASCII eight bytes at a time and looks at each other character once: a
/// character that may need a change (a toned vowel next to another vowel, anything not in its
/// final form) sends the scanner back to the start of its word, from where [`unit`] processes
/// whole words and characters exactly.
fn run<'a>(text: &'a str, n: &Normalizer, map: Option<&mut OffsetMap>) -> Cow<'a, str> {
    let mut out = Out {
        text,
        out: None,
        done: 0,
        map,
    };
    let bytes = text.as_bytes();
    let mut scratch = String::new();
    // Everything before `i` is final or replaced; `j` is the fast pass's position.
    let mut i = 0;
    let mut j = 0;
    while j < bytes.len() {
        j += ascii_prefix_len(&bytes[j..]);
        if j >= bytes.len() {
            break;
        }
        let (u, len) = decode_cp(bytes, j);
        let suspicious = match syllable::code_of(u) {
            Some((code, toned)) => toned && n.tones && crowded(bytes, j, len, code),
            None => {
                let c = char::from_u32(u).unwrap_or('\u{FFFD}');
                !char_is_final(c) || is_joiner(c)
            }
        };
        if !suspicious {
            j += len;
            continue;
        }
        // Back to the start of the word, and one character more (a unit boundary).
        let mut k = j;
        while k > i {
            let (c, start) = char_before(text, k);
            if !is_word_char(c) {
                break;
            }
            k = start;
        }
        if k > i {
            k = char_before(text, k).1;
        }
        i = k;
        while i <= j && i < bytes.len() {
            i = unit(text, i, n, &mut out, &mut scratch);
        }
        j = i;
    }
    out.finish()
}

/// The character ending at byte `end` (> 0) of `text`, and its start.
#[inline]
fn char_before(text: &str, end: usize) -> (char, usize) {
    let start = prev_char_start(text.as_bytes(), end);
    (text[start..end].chars().next().unwrap_or('\0'), start)
}

/// The start of the character ending at byte `end` (> 0) of the valid UTF-8 `bytes`.
#[inline]
fn prev_char_start(bytes: &[u8], end: usize) -> usize {
    let mut k = end - 1;
    while k > 0 && bytes[k] & 0xC0 == 0x80 {
        k -= 1;
    }
    k
}

/// Whether `c` can stand inside a word.
#[inline]
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphabetic()
        || syllable::letter(c).is_some()
        || class(c) == Class::Word
        || is_joiner(c)
}

/// The parser byte of the letter at byte `i`, if a letter starts there.
#[inline]
fn code_at(bytes: &[u8], i: usize) -> Option<u8> {
    let b = *bytes.get(i)?;
    if b < 0x80 {
        (ASCII_CLASS[b as usize] != 0).then_some(b | 0x20)
    } else {
        syllable::code_of(decode_cp(bytes, i).0).map(|(code, _)| code)
    }
}

/// Whether the toned vowel `code` at `j..j + len` has a neighbour that could make its tone
/// misplaced. A toned ă â ê ô ơ ư with no marked vowel after it is always in place.
#[inline]
fn crowded(bytes: &[u8], j: usize, len: usize, code: u8) -> bool {
    let next = code_at(bytes, j + len);
    if syllable::is_marked_vowel_code(code) && !next.is_some_and(syllable::is_marked_vowel_code) {
        return false;
    }
    let prev = if j == 0 {
        None
    } else {
        code_at(bytes, prev_char_start(bytes, j))
    };
    prev.is_some_and(syllable::is_vowel_code) || next.is_some_and(syllable::is_vowel_code)
}

/// Processes the unit (word, or other character with its marks) starting at `i`, replacing it
/// when it is not canonical; returns its end.
fn unit(
    text: &str,
    i: usize,
    n: &Normalizer,
    out: &mut Out<'_, '_>,
    scratch: &mut String,
) -> usize {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 && ASCII_CLASS[b as usize] == 0 && !starts_with_combining(bytes, i + 1) {
        // ASCII punctuation, digits, spaces: final.
        return i + 1;
    }
    // i is on a char boundary: only whole characters are stepped over.
    let c = if b < 0x80 {
        b as char
    } else {
        decode_char(bytes, i).0
    };
    if c.is_ascii_alphabetic() || syllable::letter(c).is_some() || class(c) == Class::Word {
        let (end, canonical) = scan_word(text, i, n);
        let word = &text[i..end];
        if !canonical {
            scratch.clear();
            let changes = normalize_word(word, n, scratch);
            if scratch != word {
                out.replace(i, end, scratch, changes);
            }
        }
        end
    } else {
        // The character with the combining marks that follow it (=◌̸ composes to ≠).
        let mut end = i + c.len_utf8();
        while let Some(m) = text[end..]
            .chars()
            .next()
            .filter(|&m| is_combining(m) || is_invisible(m))
        {
            end += m.len_utf8();
        }
        if end > i + c.len_utf8() || !char_is_final(c) {
            scratch.clear();
            let changes = normalize_other(&text[i..end], scratch);
            if scratch.as_str() != &text[i..end] {
                out.replace(i, end, scratch, changes);
            }
        }
        end
    }
}

/// The length of the ASCII prefix of `bytes`, eight bytes at a time.
#[inline]
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&bytes[i..i + 8]);
        let high = u64::from_le_bytes(chunk) & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] < 0x80 {
        i += 1;
    }
    i
}

const NO_LETTER: Letter = Letter {
    code: 0,
    tone: Tone::Level,
    upper: false,
};

/// ASCII bytes for the word scanner: 0 = not a letter, 1 = consonant, 2 = vowel.
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            t[b] = match c.to_ascii_lowercase() {
                b'a' | b'e' | b'i' | b'o' | b'u' | b'y' => 2,
                _ => 1,
            };
        }
        b += 1;
    }
    t
};

/// Whether combining marks (perhaps behind invisible characters) start at `i` of the valid
/// UTF-8 `bytes`: they then belong to the character before `i`.
#[inline]
fn starts_with_combining(bytes: &[u8], mut i: usize) -> bool {
    while i < bytes.len() && bytes[i] >= 0x80 {
        let (c, len) = decode_char(bytes, i);
        if is_combining(c) {
            return true;
        }
        if !is_invisible(c) {
            return false;
        }
        i += len;
    }
    false
}

/// Scans the word starting at `start`: returns its end and whether it is already in its final
/// form. This is the hot path of clean text: one pass, no allocation; the syllable is only
/// parsed when its tone mark stands next to another vowel, where it could be misplaced.
#[inline]
fn scan_word(text: &str, start: usize, n: &Normalizer) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut count = 0usize;
    let mut toned = 0usize;
    let mut toned_at = 0usize;
    let mut vietnamese = true;
    let mut clean = true;
    // Whether the toned vowel has a vowel beside it.
    let mut crowded = false;
    let mut prev_vowel = false;
    let mut prev_toned = false;
    let mut codes = [0u8; 8];
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        let (code, tone) = if b < 0x80 {
            if ASCII_CLASS[b as usize] == 0 {
                break;
            }
            i += 1;
            (b | 0x20, false)
        } else {
            let (u, len) = decode_cp(bytes, i);
            match syllable::code_of(u) {
                Some(l) => {
                    i += len;
                    l
                }
                None => {
                    let c = char::from_u32(u).unwrap_or('\u{FFFD}');
                    let inside = class(c) == Class::Word
                        || (is_joiner(c)
                            && text[i + len..]
                                .chars()
                                .next()
                                .is_some_and(|n| class(n) == Class::Word));
                    if !inside {
                        break;
                    }
                    clean &= char_is_final(c) && !is_joiner(c);
                    vietnamese = false;
                    i += len;
                    continue;
                }
            }
        };
        let vowel = syllable::is_vowel_code(code);
        if tone {
            toned += 1;
            toned_at = count;
            crowded |= prev_vowel;
        } else if prev_toned && vowel {
            crowded = true;
        }
        prev_vowel = vowel;
        prev_toned = tone;
        if count < codes.len() {
            codes[count] = code;
        }
        count += 1;
    }
    if !clean {
        return (i, false);
    }
    if !(n.tones && vietnamese && toned == 1 && crowded && count <= codes.len()) {
        return (i, true);
    }
    if syllable::tone_in_place(&codes[..count], toned_at, n.style) == Some(true) {
        return (i, true);
    }
    let mut letters = [NO_LETTER; 8];
    let Some(count) = syllable::letters_of(&text[start..i], &mut letters) else {
        return (i, true);
    };
    (i, tone_is_placed(&letters[..count], n.style))
}

/// Whether the one tone of `letters` is where `style` puts it, or the word is not a
/// Vietnamese syllable (and is left alone).
fn tone_is_placed(letters: &[Letter], style: ToneStyle) -> bool {
    match syllable::analyze(letters, style) {
        Some(a) => a.current.is_none_or(|cur| cur == a.target),
        None => true,
    }
}

/// Normalizes one word into `out`, returning what changed.
fn normalize_word(word: &str, n: &Normalizer, out: &mut String) -> Changes {
    let mut changes = Changes::empty();
    // 1. Invisible characters and full-width letters.
    let mut cleaned = String::with_capacity(word.len());
    let mut has_marks = false;
    let mut unstable = false;
    for c in word.chars() {
        if is_invisible(c) || is_joiner(c) {
            changes |= Changes::INVISIBLE;
        } else if let Some(a) = full_width_to_ascii(c) {
            changes |= Changes::FULL_WIDTH;
            cleaned.push(a);
        } else {
            has_marks |= is_combining(c);
            unstable |= !c.is_ascii()
                && syllable::letter(c).is_none()
                && look_alike(c).is_none()
                && !char_is_final(c);
            cleaned.push(c);
        }
    }
    // 2. Combining marks: quality marks before tone marks, then NFC.
    let composed = if has_marks || unstable {
        let (reordered, moved) = reorder_marks(&cleaned);
        if moved {
            changes |= Changes::MARK_ORDER;
        }
        let nfc: String = reordered.nfc().collect();
        if nfc != cleaned {
            changes |= Changes::NFC;
        }
        nfc
    } else {
        cleaned
    };
    // Combining marks left at the start belong to the character before the word (they are
    // what remains after an invisible character was removed): keep them out of the syllable.
    let lead = composed.len() - composed.trim_start_matches(is_combining).len();
    out.push_str(&composed[..lead]);
    let composed = composed[lead..].to_string();
    // 3. Look-alike letters, kept only when they make a Vietnamese syllable.
    let mut word = composed;
    // A word wholly in another script (Cyrillic сос) is left alone: only mixed words change.
    if word.chars().any(|c| look_alike(c).is_some())
        && word.chars().any(|c| syllable::letter(c).is_some())
    {
        let replaced: String = word.chars().map(|c| look_alike(c).unwrap_or(c)).collect();
        if syllable::is_valid(&replaced) {
            word = replaced;
            changes |= Changes::LOOK_ALIKE;
        }
    }
    // 4. Tone placement.
    if n.tones {
        let mut letters = [NO_LETTER; 8];
        if let Some(count) = syllable::letters_of(&word, &mut letters) {
            let letters = &letters[..count];
            if let Some(a) = syllable::analyze(letters, n.style)
                && let Some(cur) = a.current.filter(|&cur| cur != a.target)
            {
                let other = match n.style {
                    ToneStyle::Traditional => ToneStyle::Reformed,
                    ToneStyle::Reformed => ToneStyle::Traditional,
                };
                let style_only = syllable::analyze(letters, other).is_some_and(|o| o.target == cur);
                changes |= if style_only {
                    Changes::TONE_STYLE
                } else {
                    Changes::TONE_REPAIR
                };
                syllable::render_letters(letters, &a, out);
                return changes;
            }
        }
    }
    out.push_str(&word);
    changes
}

/// Normalizes one character outside words (with the combining marks and invisible characters
/// after it) into `out`.
fn normalize_other(unit: &str, out: &mut String) -> Changes {
    let mut changes = Changes::empty();
    let mut chars = unit.chars();
    let first = chars.next().unwrap_or(' ');
    let mut visible = String::with_capacity(unit.len());
    if is_invisible(first) {
        changes |= Changes::INVISIBLE;
    } else if is_space_variant(first) {
        changes |= Changes::SPACE;
        visible.push(' ');
    } else if let Some(a) = full_width_to_ascii(first) {
        changes |= Changes::FULL_WIDTH;
        visible.push(a);
    } else {
        visible.push(first);
    }
    for c in chars {
        if is_invisible(c) {
            changes |= Changes::INVISIBLE;
        } else {
            visible.push(c);
        }
    }
    let (reordered, moved) = reorder_marks(&visible);
    if moved {
        changes |= Changes::MARK_ORDER;
    }
    let before = out.len();
    out.extend(reordered.nfc());
    if out[before..] != *visible {
        changes |= Changes::NFC;
    }
    changes
}

/// Whether a combining mark changes a vowel's quality (circumflex, breve, horn).
fn is_quality_mark(c: char) -> bool {
    matches!(c, '\u{0302}' | '\u{0306}' | '\u{031B}')
}

/// Decomposes `word` and, in each run of combining marks, moves the quality marks before the
/// tone marks (NFC does not reorder marks of the same combining class: é + ◌̂ stays apart).
fn reorder_marks(word: &str) -> (String, bool) {
    let decomposed: Vec<char> = word.nfd().collect();
    let mut out = String::with_capacity(word.len() + 8);
    let mut moved = false;
    let mut i = 0;
    while i < decomposed.len() {
        let c = decomposed[i];
        if !is_combining(c) {
            out.push(c);
            i += 1;
            continue;
        }
        let run_end = decomposed[i..]
            .iter()
            .position(|&m| !is_combining(m))
            .map_or(decomposed.len(), |p| i + p);
        let run = &decomposed[i..run_end];
        // Only a tone mark typed before a quality mark of the same combining class is out of
        // order: canonical order already puts the dot below (class 220) before ◌̂ and ◌̆
        // (230), and ◌̛ (216) before the tones above, and NFC composes those as they are.
        let mut tone_classes = [false; 256];
        let misordered = run.iter().any(|&m| {
            let class = usize::from(canonical_combining_class(m));
            if Tone::from_combining_mark(m).is_some() {
                tone_classes[class] = true;
            }
            is_quality_mark(m) && tone_classes[class]
        });
        if misordered {
            moved = true;
            out.extend(run.iter().filter(|&&m| is_quality_mark(m)));
            out.extend(run.iter().filter(|&&m| !is_quality_mark(m)));
            i = run_end;
            continue;
        }
        out.extend(run);
        i = run_end;
    }
    (out, moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrowed_when_clean() {
        for s in [
            "",
            "Tiếng Việt",
            "Quốc hội",
            "hoàn thành",
            "Zoé",
            "abc 123",
            "người",
        ] {
            assert!(matches!(normalize(s), Cow::Borrowed(_)), "{s}");
        }
    }

    #[test]
    fn edits_are_tight() {
        let n = Normalizer::new().normalize_with_offsets("ông Hoà đi");
        let e = n.map().edits();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].original, Span::new(6, 9));
        assert!(e[0].changes.contains(Changes::TONE_STYLE));
        assert_eq!(n.text(), "ông Hòa đi");
    }

    #[test]
    fn reorders_marks() {
        assert_eq!(normalize("e\u{0301}\u{0302}"), "ế");
        assert_eq!(normalize("a\u{0300}\u{0306}n"), "ằn");
        let kinds = |s: &str| {
            let n = Normalizer::new().normalize_with_offsets(s);
            n.map()
                .edits()
                .iter()
                .fold(Changes::empty(), |c, e| c | e.changes)
        };
        // Typed in the wrong order: a repair.
        assert!(kinds("Vie\u{0301}\u{0302}t").contains(Changes::MARK_ORDER));
        assert!(kinds("e\u{0323}\u{0301}\u{0302}").contains(Changes::MARK_ORDER));
        // Canonical decomposition (dot below before ◌̂, horn before the tone) is only NFC.
        for nfd in [
            "Vie\u{0323}\u{0302}t",
            "ngu\u{031B}o\u{031B}\u{0300}i",
            "ma\u{0323}\u{0306}t",
        ] {
            assert_eq!(kinds(nfd), Changes::NFC, "{nfd:?}");
        }
    }
}
