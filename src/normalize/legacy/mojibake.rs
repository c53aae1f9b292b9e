//! UTF-8 read as Windows-1252 (or Latin-1), then written again as UTF-8: "Cá»™ng hoÃ " for
//! "Cộng hoà". The repair maps every character back to its Windows-1252 byte (Latin-1's for the
//! C1 controls a Latin-1 reader leaves) and reads those bytes as UTF-8 again, keeping the
//! characters of any stretch that does not come out as valid UTF-8.

use std::borrow::Cow;

use super::tables::{CP1252_80, cp1252_high};

/// The byte a Windows-1252 (or Latin-1) reader turned into `c`.
#[inline]
fn byte_of(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x100 {
        return Some(u as u8);
    }
    CP1252_80
        .iter()
        .position(|&x| x == c)
        .map(|i| 0x80 + i as u8)
}

/// Repairs mojibake in `text`; borrowed when nothing could be repaired. Also returns how many
/// characters the repair produced from multi-byte sequences.
pub(super) fn repair(text: &str) -> (Cow<'_, str>, usize) {
    // Only a byte in 0xC2..=0xF4 (Â..ô) can start a repairable sequence.
    if !text.chars().any(|c| ('\u{C2}'..='\u{F4}').contains(&c)) {
        return (Cow::Borrowed(text), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut repaired = 0;
    let mut run_chars: Vec<char> = Vec::new();
    let mut run_bytes: Vec<u8> = Vec::new();
    for c in text.chars() {
        match byte_of(c) {
            Some(b) => {
                run_chars.push(c);
                run_bytes.push(b);
            }
            None => {
                repaired += flush(&run_chars, &run_bytes, &mut out);
                run_chars.clear();
                run_bytes.clear();
                out.push(c);
            }
        }
    }
    repaired += flush(&run_chars, &run_bytes, &mut out);
    if repaired == 0 {
        (Cow::Borrowed(text), 0)
    } else {
        (Cow::Owned(out), repaired)
    }
}

/// Writes a run of mappable characters: its bytes read as UTF-8 where they are valid, the
/// original characters where they are not. Returns the number of repaired characters.
fn flush(chars: &[char], bytes: &[u8], out: &mut String) -> usize {
    let mut repaired = 0;
    let mut rest = bytes;
    let mut at = 0;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                repaired += s.chars().filter(|c| !c.is_ascii()).count();
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                // The valid prefix is valid UTF-8 by construction.
                if let Ok(s) = std::str::from_utf8(&rest[..good]) {
                    repaired += s.chars().filter(|c| !c.is_ascii()).count();
                    out.push_str(s);
                }
                let bad = e.error_len().unwrap_or(rest.len() - good);
                out.extend(chars.iter().skip(at + good).take(bad));
                at += good + bad;
                rest = &rest[good + bad..];
            }
        }
    }
    repaired
}

/// The mojibake of `text`: its UTF-8 bytes read as Windows-1252, written as UTF-8.
pub(super) fn encode(text: &str) -> Vec<u8> {
    let s: String = text
        .bytes()
        .map(|b| if b < 0x80 { b as char } else { cp1252_high(b) })
        .collect();
    s.into_bytes()
}
