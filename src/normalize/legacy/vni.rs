//! VNI-Windows: a base letter followed by a byte that the VNI fonts draw as its marks.
//!
//! The layout, as published with the VNI fonts: the tone marks are the bytes of ù (acute),
//! ø (grave), û (hook), õ (tilde) and ï (dot below); â is the circumflex and á à å ã ä the
//! circumflex with a tone; ê is the breve and é è ú ü ë the breve with a tone; ô and ö are ơ and
//! ư; ñ is đ; the i's with tones (í ì æ ó ò) and ỵ (î) are single bytes. Each has a capital twin
//! 0x20 lower (Ù, Â, Ô, Ñ, ...), used after a capital letter. Bytes VNI does not use read as
//! Windows-1252.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::decompose_canonical;

use super::compose::{Composer, is_mark};
use super::tables::cp1252_high;

/// What bytes 0xC0..=0xFF stand for (upper-case half, then lower-case half). Two marks are
/// listed in canonical order (the dot below first), so that they compose one by one.
const VNI_C0: [&str; 64] = [
    // 0xC0: circumflex + grave, + acute, alone, + tilde, + dot, + hook; Ỉ; (Ç)
    "\u{302}\u{300}",
    "\u{302}\u{301}",
    "\u{302}",
    "\u{302}\u{303}",
    "\u{323}\u{302}",
    "\u{302}\u{309}",
    "Ỉ",
    "Ç",
    // 0xC8: breve + grave, + acute, alone, + dot; Ì Í Ỵ; dot below
    "\u{306}\u{300}",
    "\u{306}\u{301}",
    "\u{306}",
    "\u{323}\u{306}",
    "Ì",
    "Í",
    "Ỵ",
    "\u{323}",
    // 0xD0: (Ð) Đ Ị Ĩ Ơ tilde Ư (×)
    "Ð",
    "Đ",
    "Ị",
    "Ĩ",
    "Ơ",
    "\u{303}",
    "Ư",
    "×",
    // 0xD8: grave, acute, breve + hook, hook, breve + tilde, (Ý Þ ß)
    "\u{300}",
    "\u{301}",
    "\u{306}\u{309}",
    "\u{309}",
    "\u{306}\u{303}",
    "Ý",
    "Þ",
    "ß",
    // 0xE0: the same, lower case
    "\u{302}\u{300}",
    "\u{302}\u{301}",
    "\u{302}",
    "\u{302}\u{303}",
    "\u{323}\u{302}",
    "\u{302}\u{309}",
    "ỉ",
    "ç",
    "\u{306}\u{300}",
    "\u{306}\u{301}",
    "\u{306}",
    "\u{323}\u{306}",
    "ì",
    "í",
    "ỵ",
    "\u{323}",
    "ð",
    "đ",
    "ị",
    "ĩ",
    "ơ",
    "\u{303}",
    "ư",
    "÷",
    "\u{300}",
    "\u{301}",
    "\u{306}\u{309}",
    "\u{309}",
    "\u{306}\u{303}",
    "ý",
    "þ",
    "ÿ",
];

/// Decodes VNI bytes to NFC text.
pub(super) fn decode(bytes: &[u8]) -> String {
    let mut out = Composer::with_capacity(bytes.len() + bytes.len() / 2);
    for &b in bytes {
        if b < 0x80 {
            out.push(b as char);
        } else if b < 0xC0 {
            out.push(cp1252_high(b));
        } else {
            out.push_str(VNI_C0[(b - 0xC0) as usize]);
        }
    }
    out.finish()
}

/// The lower-case byte of a tone mark (acute, grave, hook, tilde, dot below), or of the
/// circumflex (`^`) or breve (`(`) combined with a tone (`None` = no tone).
fn mark_byte(hat: Option<char>, tone: Option<char>) -> Option<u8> {
    Some(match (hat, tone) {
        (None, Some('\u{301}')) => 0xF9,
        (None, Some('\u{300}')) => 0xF8,
        (None, Some('\u{309}')) => 0xFB,
        (None, Some('\u{303}')) => 0xF5,
        (None, Some('\u{323}')) => 0xEF,
        (Some('\u{302}'), None) => 0xE2,
        (Some('\u{302}'), Some('\u{301}')) => 0xE1,
        (Some('\u{302}'), Some('\u{300}')) => 0xE0,
        (Some('\u{302}'), Some('\u{309}')) => 0xE5,
        (Some('\u{302}'), Some('\u{303}')) => 0xE3,
        (Some('\u{302}'), Some('\u{323}')) => 0xE4,
        (Some('\u{306}'), None) => 0xEA,
        (Some('\u{306}'), Some('\u{301}')) => 0xE9,
        (Some('\u{306}'), Some('\u{300}')) => 0xE8,
        (Some('\u{306}'), Some('\u{309}')) => 0xFA,
        (Some('\u{306}'), Some('\u{303}')) => 0xFC,
        (Some('\u{306}'), Some('\u{323}')) => 0xEB,
        _ => return None,
    })
}

/// Writes one Vietnamese letter (base vowel, quality mark, tone) in VNI, or `false`.
fn encode_letter(c: char, out: &mut Vec<u8>) -> bool {
    let mut base = None;
    let mut hat = None;
    let mut tone = None;
    let mut ok = true;
    decompose_canonical(c, |d| match d {
        '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' if tone.is_none() => {
            tone = Some(d)
        }
        '\u{302}' | '\u{306}' | '\u{31B}' if hat.is_none() => hat = Some(d),
        _ if base.is_none() && d.is_ascii_alphabetic() => base = Some(d),
        _ => ok = false,
    });
    let Some(base) = base.filter(|_| ok && (hat.is_some() || tone.is_some())) else {
        return false;
    };
    let upper = base.is_ascii_uppercase();
    // Capital mark bytes sit 0x20 below the small ones.
    let case = |b: u8| if upper { b - 0x20 } else { b };
    let lower = base.to_ascii_lowercase();
    let start = out.len();
    let done = match (lower, hat, tone) {
        ('i', None, Some(t)) => {
            let b = match t {
                '\u{300}' => 0xEC,
                '\u{301}' => 0xED,
                '\u{309}' => 0xE6,
                '\u{303}' => 0xF3,
                _ => 0xF2,
            };
            out.push(case(b));
            true
        }
        ('y', None, Some('\u{323}')) => {
            out.push(case(0xEE));
            true
        }
        ('o' | 'u', Some('\u{31B}'), t) => {
            out.push(case(if lower == 'o' { 0xF4 } else { 0xF6 }));
            match t {
                None => true,
                Some(_) => mark_byte(None, t).map(|m| out.push(case(m))).is_some(),
            }
        }
        ('a' | 'e' | 'o', Some('\u{302}'), _) | ('a', Some('\u{306}'), _) | (_, None, _)
            if matches!(lower, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') =>
        {
            out.push(base as u8);
            mark_byte(hat, tone).map(|m| out.push(case(m))).is_some()
        }
        _ => false,
    };
    if !done {
        out.truncate(start);
    }
    done
}

/// Encodes `text` (made NFC first) in VNI.
pub(super) fn encode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 4);
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        match c {
            'đ' => out.push(0xF1),
            'Đ' => out.push(0xD1),
            // A combining mark left alone (after a consonant, a digit...).
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' | '\u{302}' | '\u{306}' => {
                let (hat, tone) = if matches!(c, '\u{302}' | '\u{306}') {
                    (Some(c), None)
                } else {
                    (None, Some(c))
                };
                out.push(mark_byte(hat, tone)?);
            }
            _ => {
                if !encode_letter(c, &mut out) {
                    out.push(plain_byte(c)?);
                }
            }
        }
    }
    Some(out)
}

/// The byte of a character VNI reads as itself (Windows-1252 in 0x80..=0xBF, the few Latin-1
/// letters VNI leaves alone above).
fn plain_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0xA0..0xC0).contains(&u) {
        return Some(u as u8);
    }
    if let Some(i) = super::tables::CP1252_80.iter().position(|&x| x == c) {
        return Some(0x80 + i as u8);
    }
    VNI_C0
        .iter()
        .position(|s| {
            let mut it = s.chars();
            it.next() == Some(c) && it.next().is_none() && !is_mark(c)
        })
        .map(|i| 0xC0 + i as u8)
}
