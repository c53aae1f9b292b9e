//! How Vietnamese a reading looks: its words are counted as valid Vietnamese syllables or not,
//! and characters no Vietnamese text has (stray symbols, control codes) are counted against it.

use crate::syllable;

use super::single::is_mark;

/// The counts behind a reading's score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Counts {
    /// Words: runs of letters and combining marks.
    pub words: u32,
    /// Words that are valid Vietnamese syllables.
    pub syllables: u32,
    /// Of them, those written with a non-ASCII letter (a diacritic or đ).
    pub marked: u32,
    /// Words with a non-ASCII letter or mark that are not Vietnamese syllables.
    pub invalid: u32,
    /// Non-ASCII letters in those invalid words.
    pub invalid_letters: u32,
    /// Symbols that Vietnamese text rarely has (Latin-1 signs, stray marks), next to a letter
    /// counting twice.
    pub junk: u32,
    /// Control characters and U+FFFD.
    pub broken: u32,
}

impl Counts {
    /// The score: good syllables up, bad words and symbols down.
    pub(super) fn value(&self) -> f32 {
        let plain = self.syllables - self.marked;
        2.0 * self.marked as f32 + plain as f32
            - 2.0 * self.invalid as f32
            - 0.5 * self.invalid_letters as f32
            - self.junk as f32
            - 3.0 * self.broken as f32
    }

    /// Whether the reading has nothing that a clean text would not have.
    pub(super) fn clean(&self) -> bool {
        self.invalid == 0 && self.junk == 0 && self.broken == 0
    }
}

/// Whether `c` is punctuation or a sign ordinary text uses.
#[inline]
fn is_ordinary(c: char) -> bool {
    c.is_ascii()
        || c.is_whitespace()
        || matches!(
            c,
            '\u{2010}'..='\u{2027}' | '€' | '₫' | '\u{A0}' | '\u{FEFF}' | '\u{200B}'
        )
}

/// Whether `c` is a control character (other than the usual white space) or U+FFFD.
#[inline]
fn is_broken(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}')) || c == '\u{FFFD}'
}

/// Whether a word (NFC) has a case pattern real words have: all small, all capitals, or a
/// capital then small letters.
fn case_fits(word: &str) -> bool {
    let mut chars = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return true;
    };
    let (mut upper, mut lower) = (0, 0);
    for c in chars {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    upper == 0 || (lower == 0 && !first.is_lowercase())
}

/// Counts the words and symbols of `text`.
pub(super) fn count(text: &str) -> Counts {
    let mut n = Counts::default();
    let mut word_start: Option<usize> = None;
    let mut prev_letter = false;
    // A junk symbol waiting to see whether a letter follows it.
    let mut pending_junk = false;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let is_letter = c.is_alphabetic() || is_mark(c);
        if is_letter {
            if word_start.is_none() {
                word_start = Some(i);
            }
            if pending_junk {
                n.junk += 1;
                pending_junk = false;
            }
            prev_letter = true;
            continue;
        }
        if let Some(s) = word_start.take() {
            word(&text[s..i], &mut n);
        }
        pending_junk = false;
        if is_broken(c) {
            n.broken += 1;
        } else if !is_ordinary(c) {
            n.junk += 1;
            if prev_letter {
                n.junk += 1;
            } else {
                pending_junk = true;
            }
        }
        prev_letter = false;
    }
    if let Some(s) = word_start {
        word(&text[s..bytes.len()], &mut n);
    }
    n
}

/// Counts one word.
fn word(w: &str, n: &mut Counts) {
    n.words += 1;
    let ascii = w.is_ascii();
    if syllable::is_valid(w) && case_fits(w) {
        n.syllables += 1;
        if !ascii {
            n.marked += 1;
        }
    } else if !ascii {
        n.invalid += 1;
        n.invalid_letters += w.chars().filter(|c| !c.is_ascii()).count() as u32;
    }
}
