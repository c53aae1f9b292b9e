//! The case of TCVN3's toned letters, inferred from their words.
//!
//! TCVN3 (VN3) has no codes for toned capitals: a document drew them with a capitals-only font
//! (.VnTimeH) over the lower-case codes. So a decoded toned letter may have been a capital. The
//! rules, from the surest to the weakest:
//!
//! 1. the other letters of its word are capitals, at least two of them, or one that is not the
//!    word's first letter: a capital ("CéNG" → CỘNG, "ñY" → ỦY);
//! 2. its word has a small letter: small ("Trêng" → trường), unless rule 4 applies;
//! 3. its word has at most one capital, its first letter (or none: "¸", "ë"): a capital when the
//!    nearest word on each side (on the same line) that has two or more cased letters is all
//!    capitals ("TP. Hå CHÝ MINH", "CH¢U ¸") — at least one such word must exist;
//! 4. a toned letter that starts a word at the start of a sentence (the start of the text or
//!    of a line, or after `.`, `!`, `?`, `…`) is a capital ("ë ®©y" → "Ở đây").

use super::single::is_mark;

/// What one word says about its case.
struct Word {
    start: usize,
    end: usize,
    /// Capitals and small letters among the letters whose case the bytes give.
    upper: u32,
    lower: u32,
    /// Whether a capital sits after the first letter.
    upper_inside: bool,
    /// Whether the first letter is one of the caseless ones.
    first_caseless: bool,
    /// Whether the word has caseless letters.
    caseless: bool,
    /// Whether the word starts a sentence.
    sentence_start: bool,
    line: usize,
}

impl Word {
    fn all_caps(&self) -> bool {
        self.lower == 0 && self.upper >= 2
    }

    fn informative(&self) -> bool {
        self.upper + self.lower >= 2
    }
}

/// What to do with a word's caseless letters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fix {
    None,
    /// Capitalize every caseless letter.
    Upper,
    /// Capitalize the first letter only.
    First,
}

/// Applies the rules to `text`, where `caseless` lists the byte offsets of the letters whose case
/// the bytes do not give (in increasing order).
pub(super) fn infer(text: &str, caseless: &[usize]) -> String {
    if caseless.is_empty() {
        return text.to_owned();
    }
    let words = words(text, caseless);
    let mut fixes = vec![Fix::None; words.len()];
    for (k, w) in words.iter().enumerate() {
        if !w.caseless {
            continue;
        }
        fixes[k] = if w.lower == 0 && (w.upper >= 2 || w.upper_inside) {
            Fix::Upper
        } else if w.lower == 0 && w.upper <= 1 && neighbours_all_caps(&words, k) {
            Fix::Upper
        } else if w.first_caseless && w.sentence_start {
            Fix::First
        } else {
            Fix::None
        };
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut next_fix = words.iter().zip(&fixes).filter(|(_, f)| **f != Fix::None);
    let mut current = next_fix.next();
    let mut marks = caseless.iter().peekable();
    for (i, c) in text.char_indices() {
        while current.is_some_and(|(w, _)| w.end <= i) {
            current = next_fix.next();
        }
        let is_caseless = marks.peek().is_some_and(|&&k| k == i);
        if is_caseless {
            marks.next();
        }
        let fix = match current {
            Some((w, f)) if w.start <= i && is_caseless => match f {
                Fix::Upper => true,
                Fix::First => i == w.start,
                Fix::None => false,
            },
            _ => false,
        };
        if fix {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether the nearest informative words on the line, left and right, are all capitals (and
/// there is at least one).
fn neighbours_all_caps(words: &[Word], k: usize) -> bool {
    let line = words[k].line;
    let left = words[..k]
        .iter()
        .rev()
        .take_while(|w| w.line == line)
        .find(|w| w.informative());
    let right = words[k + 1..]
        .iter()
        .take_while(|w| w.line == line)
        .find(|w| w.informative());
    let mut any = false;
    for w in [left, right].into_iter().flatten() {
        if !w.all_caps() {
            return false;
        }
        any = true;
    }
    any
}

/// The words of `text` (runs of letters and combining marks) with their case counts.
fn words(text: &str, caseless: &[usize]) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut marks = caseless.iter().peekable();
    let mut line = 0;
    let mut current: Option<Word> = None;
    // Whether the text since the last word ends a sentence.
    let mut sentence_start = true;
    for (i, c) in text.char_indices() {
        let is_caseless = marks.peek().is_some_and(|&&k| k == i);
        if is_caseless {
            marks.next();
        }
        if c.is_alphabetic() || is_mark(c) {
            let w = current.get_or_insert_with(|| Word {
                start: i,
                end: i,
                upper: 0,
                lower: 0,
                upper_inside: false,
                first_caseless: is_caseless,
                caseless: false,
                sentence_start,
                line,
            });
            w.end = i + c.len_utf8();
            if is_caseless {
                w.caseless = true;
            } else if c.is_uppercase() {
                w.upper += 1;
                if i > w.start {
                    w.upper_inside = true;
                }
            } else if c.is_lowercase() {
                w.lower += 1;
            }
            continue;
        }
        if let Some(w) = current.take() {
            words.push(w);
            sentence_start = false;
        }
        match c {
            '\n' => {
                line += 1;
                sentence_start = true;
            }
            '.' | '!' | '?' | '…' => sentence_start = true,
            // A digit after a full stop (1.000, 2.5) does not end a sentence.
            _ if c.is_alphanumeric() => sentence_start = false,
            _ => {}
        }
    }
    if let Some(w) = current.take() {
        words.push(w);
    }
    words
}
