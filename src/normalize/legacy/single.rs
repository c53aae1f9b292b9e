//! The table-driven single-byte encodings: TCVN3, VISCII and Windows-1258.

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{compose, decompose_canonical};

use super::compose::{Composer, is_mark};
use super::tables::{
    ByteTable, CP1258_80, TCVN3_A0, VISCII_80, VISCII_C0, ascii_plus, cp1252_high,
};

/// Whether `c` is one of the five combining tone marks.
#[inline]
pub(super) fn is_tone_mark(c: char) -> bool {
    matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
}

/// Whether `c` is a letter with a tone mark that has a capital form.
fn is_toned_letter(c: char) -> bool {
    let mut toned = false;
    decompose_canonical(c, |d| toned |= is_tone_mark(d));
    toned
}

pub(super) static TCVN3: LazyLock<ByteTable> = LazyLock::new(|| {
    let decode = ascii_plus(|b| {
        if b >= 0xA0 {
            TCVN3_A0[(b - 0xA0) as usize]
        } else {
            cp1252_high(b)
        }
    });
    // The VN1 capitals are read, never written: VN3 text writes toned capitals with the
    // lower-case codes (the capital came from the font).
    ByteTable::new(decode, |_, c| !(c.is_uppercase() && is_toned_letter(c)))
});

/// Bytes whose TCVN3 letter is a toned lower-case vowel with no capital code: the letter's case
/// is not in the bytes.
pub(super) static TCVN3_CASELESS: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut t = [false; 256];
    for (b, slot) in t.iter_mut().enumerate().skip(0xA0) {
        let c = TCVN3.char_of(b as u8);
        *slot = c.is_lowercase() && is_toned_letter(c);
    }
    t
});

pub(super) static VISCII: LazyLock<ByteTable> = LazyLock::new(|| {
    let mut decode = ascii_plus(|b| VISCII_80[(b - 0x80) as usize]);
    for (b, c) in VISCII_C0 {
        decode[b as usize] = c;
    }
    ByteTable::new(decode, |_, _| true)
});

pub(super) static CP1258: LazyLock<ByteTable> =
    LazyLock::new(|| ByteTable::new(ascii_plus(|b| CP1258_80[(b - 0x80) as usize]), |_, _| true));

/// Decodes `bytes` through `table`, to NFC.
pub(super) fn decode(bytes: &[u8], table: &ByteTable) -> String {
    let mut out = Composer::with_capacity(bytes.len() + bytes.len() / 2);
    for &b in bytes {
        let c = table.char_of(b);
        if b >= 0x80 && is_mark(c) {
            out.push_mark(c);
        } else {
            out.push(c);
        }
    }
    out.finish()
}

/// Decodes TCVN3 bytes to NFC: the text, and the byte offsets of the letters whose case the
/// bytes do not give.
pub(super) fn decode_tcvn3(bytes: &[u8]) -> (String, Vec<usize>) {
    let table = &*TCVN3;
    let caseless = &*TCVN3_CASELESS;
    let mut out = Composer::with_capacity(bytes.len() + bytes.len() / 2);
    let mut at = Vec::new();
    for &b in bytes {
        let c = table.char_of(b);
        if b >= 0x80 && is_mark(c) {
            // A mark joins the letter before it, which keeps its offset.
            out.push_mark(c);
        } else {
            let offset = out.push(c);
            if caseless[b as usize] {
                at.push(offset);
            }
        }
    }
    (out.finish(), at)
}

/// Encodes `text` (made NFC first) through `table`; `fallback` may give bytes for a character
/// the table lacks.
pub(super) fn encode(
    text: &str,
    table: &ByteTable,
    mut fallback: impl FnMut(char, &mut Vec<u8>) -> bool,
) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if let Some(b) = table.byte_of(c) {
            out.push(b);
        } else if !fallback(c, &mut out) {
            return None;
        }
    }
    Some(out)
}

/// TCVN3: a toned capital is written with its lower-case code, as TCVN3 text always was.
pub(super) fn encode_tcvn3(text: &str) -> Option<Vec<u8>> {
    let table = &*TCVN3;
    encode(text, table, |c, out| {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l != c => match table.byte_of(l) {
                Some(b) => {
                    out.push(b);
                    true
                }
                None => false,
            },
            _ => false,
        }
    })
}

/// VISCII: its six C0 positions hold capitals, so those control characters cannot be written.
pub(super) fn encode_viscii(text: &str) -> Option<Vec<u8>> {
    if text
        .bytes()
        .any(|b| VISCII_C0.iter().any(|&(code, _)| code == b))
    {
        return None;
    }
    encode(text, &VISCII, |_, _| false)
}

/// Windows-1258: a letter the code page lacks is written as its base letter (with circumflex,
/// breve or horn when it has one) followed by the combining tone mark, as Windows does.
pub(super) fn encode_cp1258(text: &str) -> Option<Vec<u8>> {
    let table = &*CP1258;
    encode(text, table, |c, out| {
        let mut base: Option<char> = None;
        let mut tones: Vec<char> = Vec::new();
        let mut ok = true;
        decompose_canonical(c, |d| {
            if is_tone_mark(d) {
                tones.push(d);
            } else {
                base = match base {
                    None => Some(d),
                    Some(b) => compose(b, d),
                };
                ok &= base.is_some();
            }
        });
        let byte = |ch: char| {
            if ch.is_ascii() {
                Some(ch as u8)
            } else {
                table.byte_of(ch)
            }
        };
        let Some(base) = base.filter(|_| ok && !tones.is_empty()) else {
            return false;
        };
        let Some(b) = byte(base) else {
            return false;
        };
        let start = out.len();
        out.push(b);
        for t in tones {
            match byte(t) {
                Some(b) => out.push(b),
                None => {
                    out.truncate(start);
                    return false;
                }
            }
        }
        true
    })
}
