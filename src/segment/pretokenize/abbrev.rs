//! Known abbreviations, Roman numerals, and the kind of a single run of letters.

use crate::segment::PreTokenKind;
use crate::syllable::{is_vowel_code, letter};

/// Abbreviations kept whole, case-sensitive, sorted by bytes (binary-searched).
///
/// Source: `../shared/data/gazetteer/abbreviations.csv` (hand-compiled from Vietnamese news and
/// government usage; the document-number suffixes `-NQ/TW` and `/QH15` are left out, since the
/// pre-tokenizer reads document numbers as [`PreTokenKind::Code`]), plus a few forms written with
/// a period that the list does not hold: `Tp`, `Tp.`, `Th` (as in `Th.S`), `TX.`, `TT.`, `GS.`,
/// `PGS.`, `TS.`, `ThS.`, `BS.`, `KS.` and the English titles `Mr.`, `Mrs.`, `Ms.`, `Dr.`, `St.`,
/// `Jr.`, `Ltd.`, `Inc.`, `vs.`. An entry ending in a period tells which words take the period
/// after them.
const ABBREVIATIONS: [&str; 97] = [
    "BBT",
    "BCH",
    "BCT",
    "BCĐ",
    "BHXH",
    "BR-VT",
    "BS.",
    "BTV",
    "BV",
    "CA",
    "CAND",
    "CDC",
    "CP",
    "CSGT",
    "CT",
    "CV",
    "DT&TG",
    "Dr.",
    "GD&ĐT",
    "GS",
    "GS.",
    "GTVT",
    "GĐ",
    "H.",
    "HN",
    "HĐND",
    "Inc.",
    "Jr.",
    "KCN",
    "KH",
    "KH&CN",
    "KH&ĐT",
    "KKT",
    "KL",
    "KS.",
    "KT-XH",
    "Ltd.",
    "LĐ-TB&XH",
    "MTTQ",
    "Mr.",
    "Mrs.",
    "Ms.",
    "NHNN",
    "NN&MT",
    "NN&PTNT",
    "NQ",
    "NĐ",
    "P.",
    "PCT",
    "PGS",
    "PGS.",
    "PGĐ",
    "PTT",
    "Q.",
    "QH",
    "QĐ",
    "QĐND",
    "St.",
    "T.Ư",
    "TAND",
    "TGĐ",
    "THCS",
    "THPT",
    "TN&MT",
    "TP",
    "TP.",
    "TP.HCM",
    "TS",
    "TS.",
    "TT",
    "TT&TT",
    "TT-Huế",
    "TT.",
    "TTLT",
    "TTg",
    "TW",
    "TX",
    "TX.",
    "Th",
    "ThS",
    "ThS.",
    "Tp",
    "Tp.",
    "TĐKT",
    "TƯ",
    "UBND",
    "UBTVQH",
    "VH-TT&DL",
    "VKSND",
    "X.",
    "vs.",
    "ĐBQH",
    "ĐBSCL",
    "ĐBSH",
    "ĐH",
    "ĐNB",
    "đ/c",
];

/// The [`ABBREVIATIONS`] packed as integers ([`pack`]) and sorted, built at compile time.
const KEYS: [u128; ABBREVIATIONS.len()] = {
    let mut keys = [0u128; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = pack(ABBREVIATIONS[i].as_bytes());
        i += 1;
    }
    // Insertion sort: 97 entries, once, at compile time.
    let mut i = 1;
    while i < keys.len() {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
};

/// Up to sixteen bytes as one integer, zero padded (no entry holds a zero byte, so the packing
/// is one-to-one on the strings of 1 to 16 bytes of text).
const fn pack(b: &[u8]) -> u128 {
    let mut k = 0u128;
    let mut i = 0;
    while i < b.len() && i < 16 {
        k |= (b[i] as u128) << (8 * i);
        i += 1;
    }
    k
}

/// Whether `s` is a known abbreviation (exact, case-sensitive).
#[inline]
pub(super) fn is_known(s: &str) -> bool {
    // Every entry is 2 to 12 bytes long.
    (2..=12).contains(&s.len()) && KEYS.binary_search(&pack(s.as_bytes())).is_ok()
}

/// Whether `s` is one character.
#[inline]
pub(super) fn is_one_char(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some() && chars.next().is_none()
}

/// Whether `s` has two or more letters and none of them is lower case (`UBND`, `HĐND`).
pub(super) fn is_all_caps(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase() && chars.next().is_some() && !s.chars().any(char::is_lowercase)
}

/// The value of a well-formed Roman numeral written with I, V, X, L, C (`XIV` = 14), or `None`.
///
/// D and M are left out: `CD`, `DC`, `MC`, `MD` are far more often abbreviations.
pub(super) fn roman_value(s: &str) -> Option<u32> {
    /// Reads one decade: `nine` (IX), `four` (IV), or an optional `five` (V) and up to three
    /// `one`s (I), each worth `unit`.
    fn decade(rest: &mut &str, one: char, five: char, ten: char, unit: u32) -> u32 {
        let b = rest.as_bytes();
        let (one, five, ten) = (one as u8, five as u8, ten as u8);
        if b.len() >= 2 && b[0] == one && b[1] == ten {
            *rest = &rest[2..];
            return 9 * unit;
        }
        if b.len() >= 2 && b[0] == one && b[1] == five {
            *rest = &rest[2..];
            return 4 * unit;
        }
        let mut value = 0;
        let mut i = 0;
        if b.first() == Some(&five) {
            value += 5 * unit;
            i = 1;
        }
        let mut ones = 0;
        while ones < 3 && b.get(i) == Some(&one) {
            value += unit;
            i += 1;
            ones += 1;
        }
        *rest = &rest[i..];
        value
    }
    let mut rest = s;
    let mut value = 0;
    while value < 300 && rest.starts_with('C') {
        rest = &rest[1..];
        value += 100;
    }
    value += decade(&mut rest, 'X', 'L', 'C', 10);
    value += decade(&mut rest, 'I', 'V', 'X', 1);
    (rest.is_empty() && value > 0).then_some(value)
}

/// Whether an all-caps word that is not a Vietnamese syllable reads as letters (an acronym
/// spelled out: `UBND`, `HĐND`, `TCN`, `WTO`) rather than as a word (`COVID`, `NATO`, `ASEAN`).
///
/// Up to three letters it is always an abbreviation; longer, when it has at most one vowel or
/// three consonants in a row.
fn is_spelled_out(s: &str) -> bool {
    let mut letters = 0;
    let mut vowels = 0;
    let mut run = 0;
    let mut max_run = 0;
    for c in s.chars() {
        letters += 1;
        if letter(c).is_some_and(|l| is_vowel_code(l.code)) {
            vowels += 1;
            run = 0;
        } else {
            run += 1;
            max_run = max_run.max(run);
        }
    }
    letters <= 3 || vowels <= 1 || max_run >= 3
}

/// The kind of one run of letters, given whether it spells a Vietnamese syllable.
#[inline]
pub(super) fn word_kind(s: &str, syllable: bool) -> PreTokenKind {
    if syllable {
        return PreTokenKind::Syllable;
    }
    if is_known(s) {
        return PreTokenKind::Abbreviation;
    }
    if is_all_caps(s) {
        if roman_value(s).is_some() {
            return PreTokenKind::Number;
        }
        if is_spelled_out(s) {
            return PreTokenKind::Abbreviation;
        }
    }
    PreTokenKind::Foreign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(ABBREVIATIONS.iter().all(|a| (2..=12).contains(&a.len())));
        assert!(KEYS.windows(2).all(|w| w[0] < w[1]));
        assert!(ABBREVIATIONS.iter().all(|a| is_known(a)));
        for s in ["", "T", "UBN", "UBNDD", "ubnd", "Tp.HCM", "TP.HCMC", "đ/c."] {
            assert!(!is_known(s), "{s}");
        }
    }

    #[test]
    fn roman_numerals() {
        for (s, v) in [
            ("II", 2),
            ("IV", 4),
            ("IX", 9),
            ("XIV", 14),
            ("XXI", 21),
            ("XC", 90),
        ] {
            assert_eq!(roman_value(s), Some(v), "{s}");
        }
        for s in ["IIII", "VV", "IIV", "XIIX", "IXI", "VX", "LL", "ABC", ""] {
            assert_eq!(roman_value(s), None, "{s}");
        }
    }

    #[test]
    fn spelled_out() {
        for s in ["UBND", "HĐND", "TCN", "IOC", "VKSND", "UBTVQH", "ISBN"] {
            assert!(is_spelled_out(s), "{s}");
        }
        for s in ["COVID", "NATO", "ASEAN", "UNESCO"] {
            assert!(!is_spelled_out(s), "{s}");
        }
    }
}
