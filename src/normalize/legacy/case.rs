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
//!    nearest word on each side that has two or more cased letters, not crossing a line end,
//!    a digit or `. : ; / ( )`, is all capitals ("TP. Hå CHÝ MINH", "CH¢U ¸") — at least one such word must exist;
//! 4. a toned letter that starts a word at the start of a sentence (the start of the text or
//!    of a line, after `.`, `!`, `?`, `…`, after a list marker such as `a)` or a dash between
//!    spaces) is a capital ("ë ®©y" → "Ở đây").
//!
//! Measured on the statutes and Wikipedia, rule 4 is right 97 % of the time; a capital that
//! starts a proper noun inside a sentence (Ủy ban, Ấn Độ, Châu Á) is not in the bytes and stays
//! small.

use super::compose::{is_letter, is_lower, is_mark, is_upper};

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
    /// The stretch of text between barriers (line ends, `. : ; / ( )`, digits) the word is
    /// in: neighbours are looked for in it.
    group: usize,
    /// Whether a digit touches the word ("QH13"): a code, not a word to take the case from.
    touches_digit: bool,
}

impl Word {
    fn all_caps(&self) -> bool {
        self.lower == 0 && self.upper >= 2
    }

    fn informative(&self) -> bool {
        self.upper + self.lower >= 2 && !self.touches_digit
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
pub(super) fn infer(text: String, caseless: &[usize]) -> String {
    if caseless.is_empty() {
        return text;
    }
    let words = words(&text, caseless);
    let mut fixes = vec![Fix::None; words.len()];
    for (k, w) in words.iter().enumerate() {
        if !w.caseless {
            continue;
        }
        let caps_word = w.upper >= 2 || w.upper_inside;
        fixes[k] = if w.lower == 0 && (caps_word || neighbours_all_caps(&words, k)) {
            Fix::Upper
        } else if w.first_caseless && w.sentence_start {
            Fix::First
        } else {
            Fix::None
        };
    }
    if fixes.iter().all(|&f| f == Fix::None) {
        return text;
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

/// Whether the nearest informative words of the word's stretch, left and right, are all
/// capitals (and there is at least one).
fn neighbours_all_caps(words: &[Word], k: usize) -> bool {
    let group = words[k].group;
    let left = words[..k]
        .iter()
        .rev()
        .take_while(|w| w.group == group)
        .find(|w| w.informative());
    let right = words[k + 1..]
        .iter()
        .take_while(|w| w.group == group)
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
    let mut group = 0;
    let mut current: Option<Word> = None;
    // Whether the text since the last word ends a sentence.
    let mut sentence_start = true;
    // Tokens (words, numbers) on this line so far, and the length of the last one: a list
    // marker ("a)", "2)") is a short first token.
    let mut tokens_on_line = 0;
    let mut token_len = 0;
    let mut in_number = false;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let is_caseless = marks.peek().is_some_and(|&&k| k == i);
        if is_caseless {
            marks.next();
        }
        if is_letter(c) || is_mark(c) {
            if current.is_none() {
                tokens_on_line += 1;
                token_len = 0;
                in_number = false;
            }
            token_len += 1;
            let w = current.get_or_insert_with(|| Word {
                start: i,
                end: i,
                upper: 0,
                lower: 0,
                upper_inside: false,
                first_caseless: is_caseless,
                caseless: false,
                sentence_start,
                group,
                touches_digit: prev.is_some_and(|p| p.is_numeric()),
            });
            w.end = i + c.len_utf8();
            if is_caseless {
                w.caseless = true;
            } else if is_upper(c) {
                w.upper += 1;
                if i > w.start {
                    w.upper_inside = true;
                }
            } else if is_lower(c) {
                w.lower += 1;
            }
            prev = Some(c);
            continue;
        }
        if let Some(mut w) = current.take() {
            w.touches_digit |= c.is_numeric();
            words.push(w);
            sentence_start = false;
        }
        if matches!(
            c,
            '\n' | '.' | '!' | '?' | ':' | ';' | '/' | '(' | ')' | '[' | ']'
        ) || c.is_numeric()
        {
            group += 1;
        }
        match c {
            '\n' => {
                tokens_on_line = 0;
                sentence_start = true;
            }
            '.' | '!' | '?' | '…' => sentence_start = true,
            // A list marker: "a) ", "2) " first on its line.
            ')' if tokens_on_line == 1 && token_len <= 3 => sentence_start = true,
            // A dash standing alone between spaces: a list item or a heading's separator.
            '-' | '–' | '—'
                if prev.is_none_or(char::is_whitespace)
                    && text[i + c.len_utf8()..].starts_with(char::is_whitespace) =>
            {
                sentence_start = true
            }
            // A digit after a full stop (1.000, 2.5) does not end a sentence.
            _ if c.is_alphanumeric() => {
                if !in_number {
                    tokens_on_line += 1;
                    token_len = 0;
                    in_number = true;
                }
                token_len += 1;
                sentence_start = false;
            }
            _ => in_number = false,
        }
        prev = Some(c);
    }
    if let Some(w) = current.take() {
        words.push(w);
    }
    words
}
