//! What the legacy-encoding tests share: the shared data folder, a JSONL text reader (no serde),
//! the case-table escapes, and glibc `iconv` as a subprocess.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// `../shared` beside the repository, if it is there.
pub fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}

/// Prints why a test is skipped.
pub fn skip(why: &str) {
    eprintln!("SKIPPED: {why}");
}

/// The `text` fields of a JSONL file, with `id` when there is one.
pub fn jsonl_texts(path: &std::path::Path) -> Vec<(String, String)> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    data.lines()
        .filter_map(|l| {
            Some((
                json_field(l, "id").unwrap_or_default(),
                json_field(l, "text")?,
            ))
        })
        .collect()
}

/// The string value of `"key": "..."` in one JSON object line.
pub fn json_field(line: &str, key: &str) -> Option<String> {
    let pat = format!("\"{key}\":");
    let mut at = line.find(&pat)? + pat.len();
    let b = line.as_bytes();
    while b.get(at) == Some(&b' ') {
        at += 1;
    }
    if b.get(at) != Some(&b'"') {
        return None;
    }
    let mut chars = line[at + 1..].chars();
    let mut out = String::new();
    let mut pending_high: Option<u32> = None;
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => {
                let e = chars.next()?;
                let simple = match e {
                    'n' => Some('\n'),
                    't' => Some('\t'),
                    'r' => Some('\r'),
                    'b' => Some('\u{8}'),
                    'f' => Some('\u{c}'),
                    '/' => Some('/'),
                    '\\' => Some('\\'),
                    '"' => Some('"'),
                    'u' => None,
                    _ => return None,
                };
                if let Some(s) = simple {
                    out.push(s);
                    continue;
                }
                let hex: String = chars.by_ref().take(4).collect();
                let u = u32::from_str_radix(&hex, 16).ok()?;
                if (0xD800..0xDC00).contains(&u) {
                    pending_high = Some(u);
                } else if (0xDC00..0xE000).contains(&u) {
                    let h = pending_high.take()?;
                    out.push(char::from_u32(
                        0x10000 + ((h - 0xD800) << 10) + (u - 0xDC00),
                    )?);
                } else {
                    out.push(char::from_u32(u)?);
                }
            }
            _ => out.push(c),
        }
    }
    None
}

/// Undoes the case tables' escapes (`\t \n \r \\ \xNN`): the shared reader's.
#[allow(unused_imports)]
pub use common::unescape;

#[path = "../common/mod.rs"]
mod common;

/// Runs `iconv -f from -t to` on `input`; `None` when iconv is missing or refuses the input.
pub fn iconv(from: &str, to: &str, input: &[u8]) -> Option<Vec<u8>> {
    let mut child = Command::new("iconv")
        .args(["-f", from, "-t", to])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let data = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let out = child.wait_with_output().ok()?;
    let _ = writer.join();
    out.status.success().then_some(out.stdout)
}

/// Whether glibc iconv runs here with `charset`.
pub fn has_iconv(charset: &str) -> bool {
    iconv("UTF-8", charset, b"a").is_some()
}

/// Splits text into sentences (ending in . ! ? … followed by a space, or at a line end).
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let mut start = 0;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            if matches!(c, '.' | '!' | '?' | '…')
                && chars.get(k + 1).is_some_and(|&(_, n)| n == ' ')
                && chars
                    .get(k + 2)
                    .is_some_and(|&(_, n)| n.is_uppercase() || n.is_numeric())
            {
                let end = i + c.len_utf8();
                let s = line[start..end].trim();
                if !s.is_empty() {
                    out.push(s.to_string());
                }
                start = end;
            }
        }
        let s = line[start..].trim();
        if !s.is_empty() {
            out.push(s.to_string());
        }
    }
    out
}

/// A small deterministic generator (SplitMix64) for choosing samples.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Whether `c` is an upper-case letter with a tone mark (TCVN3 has no code for it).
pub fn is_toned_capital(c: char) -> bool {
    c.is_uppercase() && {
        let mut toned = false;
        unicode_normalization::char::decompose_canonical(c, |d| {
            toned |= matches!(d, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
        });
        toned
    }
}
