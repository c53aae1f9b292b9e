//! Reading a corpus: a JSONL file (one document per line: `id`, `title`, `text`, optional
//! `date` and `url`), a `.txt` file (one document), or a folder read recursively (each `.txt`
//! file a document whose id is its path relative to the folder and whose title is its first
//! line; each `.jsonl` file as above). A document that cannot be read is reported with its
//! place and reason, never dropped silently.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::entity::Day;

/// A document to index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Its identifier (unique in the index: indexing a document again replaces it).
    pub id: String,
    /// Its title (may be empty).
    pub title: String,
    /// Its text.
    pub text: String,
    /// Its date, when the corpus gives one.
    pub date: Option<Day>,
    /// Where it comes from.
    pub url: Option<String>,
}

/// A document that could not be read: where, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The file (and line, for JSONL) of the document.
    pub place: String,
    /// Why it was skipped.
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.reason)
    }
}

/// The documents of `path` and the ones that could not be read, in file order.
///
/// # Errors
/// An I/O error when `path` itself cannot be read (a missing file or folder).
pub fn read_corpus(path: &Path) -> std::io::Result<(Vec<Document>, Vec<Skipped>)> {
    let mut docs = Vec::new();
    let mut skipped = Vec::new();
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        let mut files = Vec::new();
        collect_files(path, &mut files, &mut skipped);
        files.sort();
        for f in files {
            let rel = f
                .strip_prefix(path)
                .unwrap_or(&f)
                .to_string_lossy()
                .into_owned();
            read_file(&f, &rel, &mut docs, &mut skipped);
        }
    } else {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        read_file(path, &name, &mut docs, &mut skipped);
    }
    Ok((docs, skipped))
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            skipped.push(Skipped {
                place: dir.display().to_string(),
                reason: format!("folder not readable: {e}"),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_dir() {
            collect_files(&p, out, skipped);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("txt" | "jsonl")
        ) {
            out.push(p);
        }
    }
}

fn read_file(path: &Path, rel: &str, docs: &mut Vec<Document>, skipped: &mut Vec<Skipped>) {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            skipped.push(Skipped {
                place: rel.to_string(),
                reason: format!("not readable: {e}"),
            });
            return;
        }
    };
    if path.extension().and_then(|e| e.to_str()) == Some("jsonl") {
        for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
            let place = format!("{rel}:{}", n + 1);
            let line = match std::str::from_utf8(line) {
                Ok(l) => l.trim(),
                Err(e) => {
                    skipped.push(Skipped {
                        place,
                        reason: format!("invalid UTF-8: {e}"),
                    });
                    continue;
                }
            };
            if line.is_empty() {
                continue;
            }
            match parse_json_doc(line) {
                Ok(d) => docs.push(d),
                Err(reason) => skipped.push(Skipped { place, reason }),
            }
        }
        return;
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            let title = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .trim()
                .to_string();
            docs.push(Document {
                id: rel.to_string(),
                title,
                text,
                date: None,
                url: None,
            });
        }
        Err(e) => skipped.push(Skipped {
            place: rel.to_string(),
            reason: format!("invalid UTF-8: {}", e.utf8_error()),
        }),
    }
}

/// One JSONL document.
fn parse_json_doc(line: &str) -> Result<Document, String> {
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))?;
    let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let id = match v.get("id") {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err("no \"id\"".into()),
    };
    let text = field("text").ok_or("no \"text\"")?;
    let date = field("date").and_then(|d| {
        // `2019-07-25`, or the first 10 characters of a longer timestamp.
        d.get(..10).unwrap_or(&d).parse::<Day>().ok()
    });
    Ok(Document {
        id,
        title: field("title").unwrap_or_default(),
        text,
        date,
        url: field("url"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_lines_that_cannot_be_read_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.jsonl");
        std::fs::write(
            &p,
            b"{\"id\":\"a\",\"title\":\"A\",\"text\":\"x\",\"date\":\"2019-07-25\"}\n{broken\n\n{\"id\":\"b\",\"text\":\"y\"}\n\xff\xfe\n{\"title\":\"no id\",\"text\":\"z\"}\n",
        )
        .unwrap();
        let (docs, skipped) = read_corpus(&p).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].date, Day::new(2019, 7, 25));
        assert_eq!(skipped.len(), 3, "{skipped:?}");
        assert!(skipped[0].place.ends_with("c.jsonl:2"));
        assert!(read_corpus(&dir.path().join("missing")).is_err());
    }

    #[test]
    fn folders_are_read_recursively() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/a.txt"), "Tiêu đề\nNội dung.").unwrap();
        std::fs::write(dir.path().join("b.txt"), b"\xff bad").unwrap();
        std::fs::write(dir.path().join("ignored.md"), "x").unwrap();
        let (docs, skipped) = read_corpus(dir.path()).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].title, "Tiêu đề");
        assert!(docs[0].id.ends_with("a.txt"));
        assert_eq!(skipped.len(), 1);
    }
}
