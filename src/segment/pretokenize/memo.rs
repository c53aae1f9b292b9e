//! A per-thread memo of the kind of a word ([`is_valid`], then [`word_kind`]): Vietnamese text
//! repeats a few thousand syllables, and telling one apart from a foreign word or an
//! abbreviation is the costliest step of the pre-tokenizer.

use std::cell::RefCell;

use super::abbrev::word_kind;
use crate::segment::PreTokenKind;
use crate::syllable::is_valid;

/// Slots in the memo (a power of two). 8,192 × 16 bytes = 128 KiB per thread that
/// pre-tokenizes, allocated on first use: measured on the bundled corpus, 4,096 slots miss too
/// often on Wikipedia text, 16,384 gain nothing more.
const SLOTS: usize = 8192;

/// The longest word memoized, in bytes (every slot keeps a 16th byte for the answer).
const MAX_KEY: usize = 15;

thread_local! {
    /// Direct-mapped: slot = hash of the word; each slot holds the word's bytes (up to 15, zero
    /// padded) and, in the top byte, its kind ([`encode`]; 0 = empty). Sized on first use.
    static MEMO: RefCell<Vec<u128>> = const { RefCell::new(Vec::new()) };
}

/// The kind of a word of letters: what [`word_kind`] says, given [`is_valid`].
fn kind_of(word: &str) -> PreTokenKind {
    word_kind(word, is_valid(word))
}

/// A word kind as the memo's top byte (never 0).
fn encode(kind: PreTokenKind) -> u8 {
    match kind {
        PreTokenKind::Syllable => 1,
        PreTokenKind::Abbreviation => 2,
        PreTokenKind::Number => 3,
        _ => 4,
    }
}

/// The kind [`encode`] gave.
fn decode(code: u8) -> PreTokenKind {
    match code {
        1 => PreTokenKind::Syllable,
        2 => PreTokenKind::Abbreviation,
        3 => PreTokenKind::Number,
        _ => PreTokenKind::Foreign,
    }
}

/// The kind of the word of letters `text[start..end]` ([`word_kind`]), remembered.
#[inline(always)]
pub(super) fn kind_at(text: &str, start: usize, end: usize) -> PreTokenKind {
    let len = end.wrapping_sub(start);
    if len == 0 || len > MAX_KEY {
        return kind_of(text.get(start..end).unwrap_or(""));
    }
    // The word's bytes, zero padded: one 16-byte load when the text goes on that far.
    let key = match text.as_bytes().get(start..start + 16) {
        Some(w) => {
            let w: [u8; 16] = w.try_into().unwrap_or([0; 16]);
            u128::from_le_bytes(w) & (u128::MAX >> (8 * (16 - len)))
        }
        None => text.as_bytes()[start..end]
            .iter()
            .rev()
            .fold(0u128, |k, &x| (k << 8) | x as u128),
    };
    let h =
        ((key as u64) ^ ((key >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let slot = (h >> (64 - SLOTS.trailing_zeros())) as usize;
    let found = MEMO.try_with(|m| {
        let m = m.try_borrow().ok()?;
        let entry = *m.get(slot)?;
        let code = (entry >> 120) as u8;
        (entry & !(0xFF << 120) == key && code != 0).then_some(code)
    });
    match found {
        Ok(Some(code)) => decode(code),
        _ => remember(text.get(start..end).unwrap_or(""), key, slot),
    }
}

/// Finds the kind of `word` and keeps it in the memo.
#[cold]
#[inline(never)]
fn remember(word: &str, key: u128, slot: usize) -> PreTokenKind {
    let kind = kind_of(word);
    let _ = MEMO.try_with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            if m.len() != SLOTS {
                *m = vec![0; SLOTS];
            }
            m[slot] = key | (encode(kind) as u128) << 120;
        }
    });
    kind
}

/// Whether `word` is one well-formed Vietnamese syllable, remembered.
#[inline]
pub(super) fn is_syllable(word: &str) -> bool {
    kind_at(word, 0, word.len()) == PreTokenKind::Syllable
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memo_agrees_with_is_valid() {
        let words = [
            "Hà",
            "nội",
            "Nguyễn",
            "nghiêng",
            "iPhone",
            "Zoé",
            "UBND",
            "a",
            "trường",
            "khuyếch",
            "xxxxxxxxxxxxxxxxxxxx",
            "ngườiii",
        ];
        let text = words.join(" ");
        for _ in 0..3 {
            for w in words {
                assert_eq!(is_syllable(w), is_valid(w), "{w}");
                assert_eq!(kind_at(w, 0, w.len()), word_kind(w, is_valid(w)), "{w}");
            }
            let mut at = 0;
            for w in words {
                let kind = kind_at(&text, at, at + w.len());
                assert_eq!(kind, word_kind(w, is_valid(w)), "{w}");
                at += w.len() + 1;
            }
        }
    }
}
