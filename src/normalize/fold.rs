//! The search key: lower case, every diacritic removed, đ → d.

use std::borrow::Cow;

use unicode_normalization::char::decompose_canonical;

use super::{full_width_to_ascii, is_combining, is_invisible, is_joiner, is_space_variant};
use crate::syllable::fold_letter;

/// Folds `text` to its search key: lower case, every diacritic removed, đ/Đ → d.
///
/// NFC and NFD input, either tone placement and the look-alikes of Đ (Ð U+00D0, Ɖ U+0189) give
/// the same key; invisible characters are dropped, Unicode spaces become plain spaces and
/// full-width ASCII becomes ASCII. Borrowed when `text` is already a key (lower-case ASCII).
///
/// ```
/// use vntext::normalize::fold;
/// assert_eq!(fold("Đường Lê Lợi, TP. Hồ Chí Minh"), "duong le loi, tp. ho chi minh");
/// assert_eq!(fold("hòa"), fold("hoa\u{0300}"));
/// assert_eq!(fold("Ðiều 1"), "dieu 1");
/// ```
pub fn fold(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    match bytes
        .iter()
        .position(|&b| b >= 0x80 || b.is_ascii_uppercase())
    {
        None => Cow::Borrowed(text),
        Some(_) => {
            let mut out = String::with_capacity(text.len());
            fold_into(text, &mut out);
            Cow::Owned(out)
        }
    }
}

/// Appends the search key of `text` to `out` (see [`fold`]).
///
/// Reusing one buffer saves an allocation per call.
///
/// ```
/// use vntext::normalize::fold_into;
///
/// let mut key = String::from("tp ");
/// fold_into("Đà Nẵng", &mut key);
/// assert_eq!(key, "tp da nang");
///
/// key.clear();
/// fold_into("Uỷ ban nhân dân", &mut key);
/// assert_eq!(key, "uy ban nhan dan");
/// ```
pub fn fold_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut buf: Vec<u8> = std::mem::take(out).into_bytes();
    buf.reserve(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            buf.push(b.to_ascii_lowercase());
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or('\0');
        i += c.len_utf8();
        if let Some(a) = fold_letter(c) {
            buf.push(a);
        } else {
            fold_other(c, &mut buf);
        }
    }
    // Only whole characters were pushed, so this never fails; fall back to lossy to stay
    // panic-free all the same.
    *out = match String::from_utf8(buf) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
}

/// Folds a character that is not a Vietnamese letter.
fn fold_other(c: char, buf: &mut Vec<u8>) {
    if is_combining(c) || is_invisible(c) || is_joiner(c) {
        return;
    }
    if is_space_variant(c) {
        buf.push(b' ');
        return;
    }
    if let Some(a) = full_width_to_ascii(c) {
        buf.push((a as u8).to_ascii_lowercase());
        return;
    }
    let mut decomposed = false;
    decompose_canonical(c, |d| {
        decomposed = true;
        if !is_combining(d) {
            fold_base(d, buf);
        }
    });
    if !decomposed {
        fold_base(c, buf);
    }
}

/// Folds a character without combining marks.
fn fold_base(c: char, buf: &mut Vec<u8>) {
    if let Some(a) = fold_letter(c) {
        buf.push(a);
        return;
    }
    let ascii = match c {
        // Look-alikes of đ, and letters with no canonical decomposition that a key still
        // wants in ASCII.
        '\u{00D0}' | '\u{00F0}' | '\u{0189}' | '\u{0256}' => b'd',
        'ø' | 'Ø' => b'o',
        'ł' | 'Ł' => b'l',
        _ => {
            let mut tmp = [0u8; 4];
            for l in c.to_lowercase() {
                buf.extend_from_slice(l.encode_utf8(&mut tmp).as_bytes());
            }
            return;
        }
    };
    buf.push(ascii);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds() {
        assert_eq!(fold("ĐƯỜNG PHỐ"), "duong pho");
        assert_eq!(fold("Ｈà Ｎội"), "ha noi");
        assert_eq!(fold("café"), "cafe");
        assert_eq!(fold("Nguy\u{200B}ễn"), "nguyen");
        assert_eq!(fold("Hà\u{00A0}Nội"), "ha noi");
        assert!(matches!(fold("ha noi 2024"), Cow::Borrowed(_)));
        assert_eq!(fold("Çà \u{212B}"), "ca a");
    }
}
