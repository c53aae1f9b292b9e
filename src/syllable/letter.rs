//! Vietnamese letters: a precomposed character taken apart into its base letter, its tone and
//! its case, and put back together.
//!
//! This file owns the table of the 134 toned vowels (12 vowels × 6 tones, two cases, minus the
//! toneless ones that are plain letters) and of đ/Đ. Everything else in the crate that needs to
//! know which character carries which tone asks here.

use super::Tone;

/// The twelve Vietnamese vowel letters and đ, each with its six tones, lower case then upper case.
/// Row order gives the base code (see [`Base`]); column order is [`Tone`]'s order.
const ROWS: [&str; 26] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
    "đđđđđđ",
    "AÀÁẢÃẠ",
    "ĂẰẮẲẴẶ",
    "ÂẦẤẨẪẬ",
    "EÈÉẺẼẸ",
    "ÊỀẾỂỄỆ",
    "IÌÍỈĨỊ",
    "OÒÓỎÕỌ",
    "ÔỒỐỔỖỘ",
    "ƠỜỚỞỠỢ",
    "UÙÚỦŨỤ",
    "ƯỪỨỬỮỰ",
    "YỲÝỶỸỴ",
    "ĐĐĐĐĐĐ",
];

/// Number of rows per case in [`ROWS`].
const PER_CASE: usize = 13;

/// The base letters of the rows, in the byte alphabet used by the syllable parser: plain vowels
/// are themselves, the modified ones get an upper-case ASCII code (ă=A, â=B, ê=E, ô=O, ơ=P, ư=U,
/// đ=D). Upper-case ASCII never occurs otherwise, because the parser folds case first.
pub(crate) const BASE_CODES: [u8; PER_CASE] = [
    b'a', b'A', b'B', b'e', b'E', b'i', b'o', b'O', b'P', b'u', b'U', b'y', b'D',
];

/// The lower-case toneless letter for each base code of [`BASE_CODES`].
const BASE_CHARS: [char; PER_CASE] = [
    'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'đ',
];

/// The ASCII letter each row folds to.
const FOLD_CHARS: [u8; PER_CASE] = [
    b'a', b'a', b'a', b'e', b'e', b'i', b'o', b'o', b'o', b'u', b'u', b'y', b'd',
];

/// A letter taken apart: `code` is the parser's byte for the toneless lower-case letter
/// (`a`..`z` for ASCII letters, see [`BASE_CODES`] for the others).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Letter {
    pub code: u8,
    pub tone: Tone,
    pub upper: bool,
}

/// Packed table entry: bits 0..8 = parser byte of the base letter, bits 8..11 = tone, bit 11 =
/// upper case, bits 12..16 = row within its case (for folding); 0 = not a Vietnamese letter.
const fn pack(row: usize, tone: usize) -> u16 {
    let case_row = row % PER_CASE;
    let upper = (row >= PER_CASE) as u16;
    (BASE_CODES[case_row] as u16) | ((tone as u16) << 8) | (upper << 11) | ((case_row as u16) << 12)
}

/// Decodes the UTF-8 character starting at `i` of `b` (which must be valid UTF-8).
const fn decode_at(b: &[u8], i: usize) -> (u32, usize) {
    let x = b[i] as u32;
    if x < 0x80 {
        (x, 1)
    } else if x < 0xE0 {
        (((x & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
    } else if x < 0xF0 {
        (
            ((x & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F),
            3,
        )
    } else {
        (
            ((x & 0x07) << 18)
                | ((b[i + 1] as u32 & 0x3F) << 12)
                | ((b[i + 2] as u32 & 0x3F) << 6)
                | (b[i + 3] as u32 & 0x3F),
            4,
        )
    }
}

/// Builds the lookup table for the code points `start..start + N`.
const fn build<const N: usize>(start: u32) -> [u16; N] {
    let mut table = [0u16; N];
    let mut row = 0;
    while row < ROWS.len() {
        let bytes = ROWS[row].as_bytes();
        let mut i = 0;
        let mut tone = 0;
        while i < bytes.len() {
            let (c, len) = decode_at(bytes, i);
            // đ rows repeat the letter: keep the toneless entry only.
            let is_d = row % PER_CASE == PER_CASE - 1;
            if c >= start && c < start + N as u32 && (!is_d || tone == 0) {
                table[(c - start) as usize] = pack(row, tone);
            }
            i += len;
            tone += 1;
        }
        row += 1;
    }
    table
}

/// Builds the table of composed characters, `[row][tone]`.
const fn build_compose() -> [[char; 6]; 26] {
    let mut out = ['\0'; 6];
    let mut table = [out; 26];
    let mut row = 0;
    while row < ROWS.len() {
        let bytes = ROWS[row].as_bytes();
        let mut i = 0;
        let mut tone = 0;
        while i < bytes.len() {
            let (c, len) = decode_at(bytes, i);
            out[tone] = match char::from_u32(c) {
                Some(c) => c,
                None => '\0',
            };
            i += len;
            tone += 1;
        }
        table[row] = out;
        row += 1;
    }
    table
}

const LATIN_START: u32 = 0x00C0;
const LATIN_LEN: usize = 0x01B1 - 0x00C0;
const VIET_START: u32 = 0x1EA0;
const VIET_LEN: usize = 0x1EFA - 0x1EA0;

static LATIN: [u16; LATIN_LEN] = build::<LATIN_LEN>(LATIN_START);
static VIET: [u16; VIET_LEN] = build::<VIET_LEN>(VIET_START);
static COMPOSE: [[char; 6]; 26] = build_compose();

/// The packed table entry of `c`, or 0 when `c` is not a precomposed Vietnamese letter.
#[inline]
fn entry(c: char) -> u16 {
    entry_cp(c as u32)
}

/// [`entry`] by code point.
#[inline]
fn entry_cp(u: u32) -> u16 {
    if (LATIN_START..LATIN_START + LATIN_LEN as u32).contains(&u) {
        LATIN[(u - LATIN_START) as usize]
    } else if (VIET_START..VIET_START + VIET_LEN as u32).contains(&u) {
        VIET[(u - VIET_START) as usize]
    } else {
        0
    }
}

/// Takes `c` apart, or `None` when it is not a letter of the Vietnamese alphabet (ASCII letters
/// count: f, j, w and z are letters of loanwords and are returned too).
#[inline]
pub(crate) fn letter(c: char) -> Option<Letter> {
    if c.is_ascii_alphabetic() {
        return Some(Letter {
            code: c.to_ascii_lowercase() as u8,
            tone: Tone::Level,
            upper: c.is_ascii_uppercase(),
        });
    }
    let e = entry(c);
    if e == 0 {
        return None;
    }
    let tone = match (e >> 8) & 7 {
        0 => Tone::Level,
        1 => Tone::Grave,
        2 => Tone::Acute,
        3 => Tone::Hook,
        4 => Tone::Tilde,
        _ => Tone::Dot,
    };
    Some(Letter {
        code: e as u8,
        tone,
        upper: e & 0x800 != 0,
    })
}

/// The parser byte and whether it carries a tone, for the non-ASCII code point `u`, or `None`
/// when it is not a precomposed Vietnamese letter. The scanner's fast path.
#[inline]
pub(crate) fn code_of(u: u32) -> Option<(u8, bool)> {
    let e = entry_cp(u);
    if e == 0 {
        None
    } else {
        Some((e as u8, e & 0x700 != 0))
    }
}

/// A number that identifies the lower-case form of the precomposed Vietnamese letter `c` (its
/// base letter and tone), or `None` when `c` is not one. Never equal to an ASCII code.
#[inline]
pub(crate) fn lower_key(c: char) -> Option<u32> {
    let e = entry(c);
    if e == 0 {
        None
    } else {
        Some(0x1_0000 | (e & 0x7FF) as u32)
    }
}

/// For a precomposed Vietnamese letter: its [`lower_key`], its [`fold_letter`] and whether it
/// is upper case, from one table lookup.
#[inline]
pub(crate) fn key_fold_upper(c: char) -> Option<(u32, u8, bool)> {
    let e = entry(c);
    if e == 0 {
        None
    } else {
        Some((
            0x1_0000 | (e & 0x7FF) as u32,
            FOLD_CHARS[((e >> 12) as usize) % PER_CASE],
            e & 0x800 != 0,
        ))
    }
}

/// The ASCII letter a precomposed Vietnamese letter folds to (lower case), if `c` is one.
#[inline]
pub(crate) fn fold_letter(c: char) -> Option<u8> {
    let e = entry(c);
    if e == 0 {
        None
    } else {
        Some(FOLD_CHARS[((e >> 12) as usize) % PER_CASE])
    }
}

/// Whether `code` (a parser byte) is a vowel.
#[inline]
pub(crate) fn is_vowel_code(code: u8) -> bool {
    matches!(
        code,
        b'a' | b'A' | b'B' | b'e' | b'E' | b'i' | b'o' | b'O' | b'P' | b'u' | b'U' | b'y'
    )
}

/// Whether `code` is a vowel carrying a quality mark (ă â ê ô ơ ư).
#[inline]
pub(crate) fn is_marked_vowel_code(code: u8) -> bool {
    matches!(code, b'A' | b'B' | b'E' | b'O' | b'P' | b'U')
}

/// Puts a letter back together.
pub(crate) fn compose(code: u8, tone: Tone, upper: bool) -> char {
    if let Some(row) = BASE_CODES.iter().position(|&b| b == code) {
        let row = if upper { row + PER_CASE } else { row };
        let t = if code == b'D' { 0 } else { tone as usize };
        return COMPOSE[row][t];
    }
    // An ASCII consonant (the parser never gives a tone to one).
    let c = code as char;
    if upper { c.to_ascii_uppercase() } else { c }
}

/// The lower-case toneless letter of a parser byte, for display.
pub(crate) fn base_char(code: u8) -> char {
    match BASE_CODES.iter().position(|&b| b == code) {
        Some(row) => BASE_CHARS[row],
        None => code as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_round_trips() {
        for (row, s) in ROWS.iter().enumerate() {
            for (tone, c) in s.chars().enumerate() {
                let l = letter(c).unwrap_or_else(|| panic!("{c} not found"));
                assert_eq!(l.upper, row >= PER_CASE, "{c}");
                let t = if row % PER_CASE == PER_CASE - 1 {
                    0
                } else {
                    tone
                };
                assert_eq!(l.tone as usize, t, "{c}");
                assert_eq!(compose(l.code, l.tone, l.upper), c);
            }
        }
    }

    #[test]
    fn non_vietnamese_letters_are_not_found() {
        for c in ['ç', 'ñ', 'ö', 'ð', 'Ð', 'ÿ', 'ß', 'ǎ', '1', ' '] {
            assert_eq!(letter(c), None, "{c}");
        }
        assert_eq!(fold_letter('Ự'), Some(b'u'));
        assert_eq!(fold_letter('Đ'), Some(b'd'));
        assert_eq!(fold_letter('é'), Some(b'e'));
    }
}
