//! URLs, bare domains, emails, hashtags and mentions.

use super::chars::{char_at, is_ascii_space, is_letter};

/// Top-level domains that make `name.tld` a bare domain (sorted; binary-searched). Only these:
/// a dotted word must not turn into a domain by accident (`v.v`, `TP.HCM`, `Node.js`).
const TLDS: [&str; 33] = [
    "ai", "app", "asia", "au", "biz", "ca", "cn", "co", "com", "de", "dev", "edu", "eu", "fr",
    "gov", "info", "int", "io", "jp", "kr", "me", "mil", "net", "online", "org", "ru", "site",
    "tv", "uk", "us", "vn", "xyz", "zone",
];

/// The longest domain name read (RFC 1035).
const MAX_DOMAIN: usize = 253;

/// The longest local part of an email address read (RFC 5321).
const MAX_LOCAL: usize = 64;

/// Whether `s` is one of the [`TLDS`].
#[inline]
pub(super) fn is_tld(s: &str) -> bool {
    (2..=6).contains(&s.len()) && TLDS.binary_search(&s).is_ok()
}

/// Whether `b` starts with `prefix`, ASCII case-insensitively.
#[inline]
fn starts_with_ci(b: &[u8], prefix: &[u8]) -> bool {
    b.len() >= prefix.len() && b[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The end of a URL starting at `start` with a scheme (`http://`, `https://`, `ftp://`) or
/// `www.`, or `None`.
pub(super) fn url_end(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes().get(start..)?;
    let body = if starts_with_ci(b, b"https://") {
        8
    } else if starts_with_ci(b, b"http://") {
        7
    } else if starts_with_ci(b, b"ftp://") {
        6
    } else if starts_with_ci(b, b"www.") && b.get(4).is_some_and(u8::is_ascii_alphanumeric) {
        4
    } else {
        return None;
    };
    let end = url_tail(text, start, start + body);
    (end > start + body).then_some(end)
}

/// The end of a URL whose first `from - start` bytes are read: up to whitespace, angle brackets
/// or quotation marks, less the final punctuation of the sentence around it (a closing bracket
/// stays when the URL opened it: `…/Foo_(bar)`).
fn url_tail(text: &str, start: usize, from: usize) -> usize {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if is_ascii_space(x) || matches!(x, b'<' | b'>' | b'"' | b'`' | b'{' | b'}' | b'|') {
                break;
            }
            i += 1;
        } else {
            let Some(c) = char_at(text, i) else { break };
            if c.is_whitespace() || matches!(c, '“' | '”' | '‘' | '’' | '«' | '»' | '…')
            {
                break;
            }
            i += c.len_utf8();
        }
    }
    // Trim what ends the sentence rather than the URL.
    let (mut parens, mut brackets) = (0isize, 0isize);
    for &x in &b[start..i] {
        match x {
            b'(' => parens += 1,
            b')' => parens -= 1,
            b'[' => brackets += 1,
            b']' => brackets -= 1,
            _ => {}
        }
    }
    while i > from {
        let trim = match b[i - 1] {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*' => true,
            // A closing bracket the URL did not open.
            b')' if parens < 0 => {
                parens += 1;
                true
            }
            b']' if brackets < 0 => {
                brackets += 1;
                true
            }
            _ => false,
        };
        if !trim {
            break;
        }
        i -= 1;
    }
    i
}

/// The end of the domain name starting at `start` (labels of ASCII letters, digits and hyphens
/// joined by dots, at least two labels), or `None`. With `known_tld` the last label must be one
/// of [`TLDS`]; otherwise any two letters or more.
fn domain_end(text: &str, start: usize, known_tld: bool) -> Option<usize> {
    let b = text.as_bytes();
    let limit = b.len().min(start.saturating_add(MAX_DOMAIN));
    let mut i = start;
    let mut labels = 0;
    let mut last;
    loop {
        let label = i;
        while i < limit && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            i += 1;
        }
        if i == label {
            return None;
        }
        labels += 1;
        last = label;
        if i + 1 < limit && b[i] == b'.' && b[i + 1].is_ascii_alphanumeric() {
            i += 1;
        } else {
            break;
        }
    }
    // The name must end where the word ends (not `abc.vnđ`).
    if char_at(text, i).is_some_and(|c| c.is_alphanumeric() || is_letter(c)) {
        return None;
    }
    let tld = text.get(last..i)?;
    let ok = if known_tld {
        is_tld(tld)
    } else {
        tld.len() >= 2 && tld.bytes().all(|x| x.is_ascii_alphabetic())
    };
    (labels >= 2 && ok).then_some(i)
}

/// The end of a bare domain with an optional port and path (`chinhphu.vn`,
/// `thuvienphapluat.vn/van-ban`), or `None`.
pub(super) fn domain_url_end(text: &str, start: usize) -> Option<usize> {
    let end = domain_end(text, start, true)?;
    let b = text.as_bytes();
    let more = match b.get(end) {
        Some(b'/') => true,
        Some(b':') => b.get(end + 1).is_some_and(u8::is_ascii_digit),
        _ => false,
    };
    Some(if more {
        url_tail(text, start, end)
    } else {
        end
    })
}

/// The end of an email address starting at `start`, or `None`.
pub(super) fn email_end(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let limit = b.len().min(start + MAX_LOCAL);
    let mut i = start;
    while i < limit && (b[i].is_ascii_alphanumeric() || b"._%+-".contains(&b[i])) {
        i += 1;
    }
    if i == start || b.get(i) != Some(&b'@') || b[i - 1] == b'.' {
        return None;
    }
    domain_end(text, i + 1, false)
}

/// The end of a hashtag (`#` then letters, digits and `_`, with at least one letter) starting
/// at `start`, or `None`.
pub(super) fn hashtag_end(text: &str, start: usize) -> Option<usize> {
    let mut i = start + 1;
    let mut letters = false;
    while let Some(c) = char_at(text, i) {
        if is_letter(c) {
            letters = true;
        } else if !(c.is_ascii_digit() || c == '_') {
            break;
        }
        i += c.len_utf8();
    }
    letters.then_some(i)
}

/// The end of a mention (`@` then letters, digits and `_`, with inner dots) starting at
/// `start`, or `None`.
pub(super) fn mention_end(text: &str, start: usize) -> Option<usize> {
    let word = |c: char| is_letter(c) || c.is_ascii_digit() || c == '_';
    let mut i = start + 1;
    while let Some(c) = char_at(text, i) {
        if word(c) {
            i += c.len_utf8();
        } else if c == '.' && i > start + 1 && char_at(text, i + 1).is_some_and(word) {
            i += 1;
        } else {
            break;
        }
    }
    (i > start + 1).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tlds_are_sorted() {
        assert!(TLDS.windows(2).all(|w| w[0] < w[1]));
    }
}
