//! A per-thread memo of [`is_valid`]: Vietnamese text repeats a few thousand syllables, and
//! telling one apart from a foreign word is the costliest step of the pre-tokenizer.

use std::cell::Cell;

use crate::syllable::is_valid;

/// Slots in the memo (a power of two). 4,096 × 16 bytes: the common syllables of a text stay
/// in the processor's cache.
const SLOTS: usize = 4096;

/// The longest word memoized, in bytes (every slot keeps a 16th byte for the answer).
const MAX_KEY: usize = 15;

thread_local! {
    /// Direct-mapped: slot = hash of the word; each slot holds the word's bytes (up to 15, zero
    /// padded) and, in the top byte, 1 for a syllable or 2 for not one (0 = empty).
    static MEMO: Box<[Cell<u128>]> = (0..SLOTS).map(|_| Cell::new(0)).collect();
}

/// Whether `text[start..end]` (a run of letters) is one well-formed Vietnamese syllable
/// ([`is_valid`]), remembered.
#[inline(always)]
pub(super) fn is_syllable_at(text: &str, start: usize, end: usize) -> bool {
    let len = end.wrapping_sub(start);
    if len == 0 || len > MAX_KEY {
        return is_valid(text.get(start..end).unwrap_or(""));
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
    MEMO.try_with(|m| {
        let cell = m.get(slot)?;
        let entry = cell.get();
        if entry & !(0xFF << 120) == key && entry >> 120 != 0 {
            return Some(entry >> 120 == 1);
        }
        let v = is_valid(text.get(start..end).unwrap_or(""));
        cell.set(key | (if v { 1u128 } else { 2 }) << 120);
        Some(v)
    })
    .ok()
    .flatten()
    .unwrap_or_else(|| is_valid(text.get(start..end).unwrap_or("")))
}

/// Whether `word` is one well-formed Vietnamese syllable, remembered.
#[inline]
pub(super) fn is_syllable(word: &str) -> bool {
    is_syllable_at(word, 0, word.len())
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
            }
            let mut at = 0;
            for w in words {
                assert_eq!(is_syllable_at(&text, at, at + w.len()), is_valid(w), "{w}");
                at += w.len() + 1;
            }
        }
    }
}
