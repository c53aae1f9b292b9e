//! Helpers shared by the integration tests: locating the shared data and reading the case
//! tables.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The shared data folder beside the repository, when it is there.
pub fn shared_dir() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    p.is_dir().then_some(p)
}

/// A file of the shared data; `None` (with the reason printed) when ../shared is absent.
pub fn shared_file(rel: &str) -> Option<PathBuf> {
    match shared_dir() {
        Some(d) if d.join(rel).is_file() => Some(d.join(rel)),
        _ => {
            eprintln!("skipped: ../shared/data/{rel} is not present (it is in CI)");
            None
        }
    }
}

/// A small table: the shared original when present, else the copy under tests/data.
pub fn table(shared_rel: &str, local_name: &str) -> PathBuf {
    if let Some(d) = shared_dir() {
        let p = d.join(shared_rel);
        if p.is_file() {
            return p;
        }
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(local_name)
}

/// Undoes the backslash escapes of the case tables (`\t \n \r \\ \xNN`).
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                let v = u32::from_str_radix(&hex, 16).expect("bad \\x escape in a case table");
                out.push(char::from_u32(v).expect("bad \\x escape"));
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// One row of cases_extended.tsv.
#[derive(Debug, Clone)]
pub struct Case {
    pub line: usize,
    pub input: String,
    pub traditional: String,
    pub fold: String,
    pub reformed: String,
    pub category: String,
    pub note: String,
}

/// Reads cases_extended.tsv (header line first).
pub fn extended_cases() -> Vec<Case> {
    let path = table("normalize/cases_extended.tsv", "cases_extended.tsv");
    let text = std::fs::read_to_string(&path).expect("read cases_extended.tsv");
    text.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 7, "line {}: {} fields", i + 1, f.len());
            Case {
                line: i + 1,
                input: unescape(f[0]),
                traditional: unescape(f[1]),
                fold: unescape(f[2]),
                reformed: unescape(f[3]),
                category: f[4].to_string(),
                note: f[6].to_string(),
            }
        })
        .collect()
}

/// Reads cases.tsv: (line, input, traditional, fold, note).
pub fn basic_cases() -> Vec<(usize, String, String, String, String)> {
    let path = table("normalize/cases.tsv", "cases.tsv");
    let text = std::fs::read_to_string(&path).expect("read cases.tsv");
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 3, "line {}: {} fields", i + 1, f.len());
            (
                i + 1,
                unescape(f[0]),
                unescape(f[1]),
                unescape(f[2]),
                f.get(3).unwrap_or(&"").to_string(),
            )
        })
        .collect()
}

/// Reads `(id, text)` of every document of a JSONL corpus file.
pub fn jsonl_texts(path: &Path) -> Vec<(String, String)> {
    let data = std::fs::read_to_string(path).expect("read corpus");
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("corpus line is JSON");
            let field = |k: &str| {
                v.get(k)
                    .and_then(|x| x.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            (field("id"), field("text"))
        })
        .collect()
}
