//! Reading a corpus: a JSONL file (one document per line: `id`, `title`, `text`, optional
//! `date` and `url`), a `.txt` file (one document), or a folder read recursively (each `.txt`
//! file a document whose id is its path relative to the folder and whose title is its first
//! line; each `.jsonl` file as above). A document that cannot be read is reported with its
//! place and reason, never dropped silently.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::entity::Day;

/// A document to index.
///
/// ```
/// use vntext::entity::Day;
/// use vntext::index::{Document, Indexer, Query, Searcher};
///
/// let doc = Document {
///     id: "vnexpress-1".into(),
///     title: "Khánh thành cầu".into(),
///     text: "Cầu Mỹ Thuận 2 được khánh thành tại Vĩnh Long.".into(),
///     date: Day::new(2023, 12, 22),
///     url: Some("https://example.invalid/cau-my-thuan-2".into()),
/// };
/// let mut indexer = Indexer::in_ram(1)?;
/// indexer.add(&doc)?;
/// indexer.commit()?;
/// let hits = Searcher::from_index(indexer.index())?.search(&Query::new("my thuan"))?;
/// assert_eq!(hits[0].id, "vnexpress-1");
/// assert_eq!(hits[0].title, doc.title);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Its identifier (unique in the index: indexing a document again replaces it).
    pub id: String,
    /// Its title (may be empty).
    pub title: String,
    /// Its text.
    pub text: String,
    /// Its date, when the corpus gives one as an ISO day (`2019-07-25`, or a timestamp that
    /// starts with one); a date in another form is left out, the document kept.
    pub date: Option<Day>,
    /// Where it comes from.
    pub url: Option<String>,
}

/// A document that could not be read: where, and why.
///
/// ```
/// use vntext::index::read_corpus;
///
/// let dir = tempfile::tempdir()?;
/// let file = dir.path().join("tin.jsonl");
/// std::fs::write(&file, "{\"id\": \"1\", \"title\": \"Không có nội dung\"}\n")?;
/// let (docs, skipped) = read_corpus(&file)?;
/// assert!(docs.is_empty());
/// assert_eq!(skipped[0].place, "tin.jsonl:1");
/// assert_eq!(skipped[0].reason, "no \"text\"");
/// assert_eq!(skipped[0].to_string(), "tin.jsonl:1: no \"text\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// A JSONL file with a broken line: the other lines are read, the broken one is reported.
///
/// ```
/// use vntext::entity::Day;
/// use vntext::index::read_corpus;
///
/// let dir = tempfile::tempdir()?;
/// let file = dir.path().join("bao.jsonl");
/// std::fs::write(
///     &file,
///     concat!(
///         r#"{"id": "1", "title": "Một", "text": "Hội nghị tại Đà Nẵng.", "date": "2020-02-01"}"#,
///         "\n",
///         r#"{"id": "2", "title": "Hai", "text": "Thiếu dấu ngoặc"#,
///         "\n",
///         r#"{"id": 3, "text": "Hội thảo tại Huế."}"#,
///         "\n",
///     ),
/// )?;
/// let (docs, skipped) = read_corpus(&file)?;
/// let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
/// assert_eq!(ids, ["1", "3"]);
/// assert_eq!(docs[0].date, Day::new(2020, 2, 1));
/// assert_eq!(skipped.len(), 1);
/// assert_eq!(skipped[0].place, "bao.jsonl:2");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A folder: each `.txt` file is a document titled by its first line.
///
/// ```
/// use vntext::index::read_corpus;
///
/// let dir = tempfile::tempdir()?;
/// std::fs::create_dir(dir.path().join("thoi-su"))?;
/// std::fs::write(dir.path().join("thoi-su/a.txt"), "Tin bão\nBão số 3 vào Quảng Ninh.")?;
/// let (docs, skipped) = read_corpus(dir.path())?;
/// assert!(skipped.is_empty());
/// assert_eq!(docs[0].title, "Tin bão");
/// assert!(docs[0].id.ends_with("a.txt"));
/// assert!(read_corpus(&dir.path().join("không có")).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    let mut seen = HashSet::new();
    if let Ok(c) = std::fs::canonicalize(dir) {
        seen.insert(c);
    }
    collect_files_in(dir, out, skipped, &mut seen);
}

/// Walks `dir`; a folder reached twice (through a symbolic link) is read once, so a link loop
/// ends.
fn collect_files_in(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    skipped: &mut Vec<Skipped>,
    seen: &mut HashSet<PathBuf>,
) {
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
    for entry in entries {
        let p = match entry {
            Ok(entry) => entry.path(),
            Err(e) => {
                skipped.push(Skipped {
                    place: dir.display().to_string(),
                    reason: format!("folder entry not readable: {e}"),
                });
                continue;
            }
        };
        if p.is_dir() {
            let first_visit = std::fs::canonicalize(&p).map_or(true, |c| seen.insert(c));
            if first_visit {
                collect_files_in(&p, out, skipped, seen);
            }
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

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_loop_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("tin");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("a.txt"), "Tin bão\nBão số 3.").unwrap();
        std::os::unix::fs::symlink(dir.path(), sub.join("vòng")).unwrap();
        let (docs, skipped) = read_corpus(dir.path()).unwrap();
        assert_eq!(docs.len(), 1);
        assert!(skipped.is_empty());
    }

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
