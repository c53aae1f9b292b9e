//! A pre-analyzed export for search engines beyond one machine: per document the segmented
//! text (the syllables of a word joined by `_`, words separated by spaces), the folded text,
//! and the entities with byte and UTF-16 offsets (Elasticsearch and OpenSearch count in UTF-16
//! code units). Index it with a whitespace analyzer: see docs/elasticsearch.md.

use serde::Serialize;

use super::Document;
use crate::entity::{Extractor, Value};
use crate::normalize::{fold, normalize};
use crate::segment::{Segmenter, WordKind};

/// One entity of an exported document.
///
/// Offsets in bytes for Rust, in UTF-16 code units for Elasticsearch:
///
/// ```
/// use vntext::entity::Extractor;
/// use vntext::index::{Document, export_document};
/// use vntext::segment::Segmenter;
///
/// let text = "😀 Tỉnh Hà Nam";
/// let doc = Document {
///     id: "1".into(),
///     title: String::new(),
///     text: text.into(),
///     date: None,
///     url: None,
/// };
/// let e = export_document(&doc, &Segmenter::new(), &Extractor::new());
/// let province = e.entities.iter().find(|x| x.kind == "province").unwrap();
/// assert_eq!(province.text, "Tỉnh Hà Nam");
/// assert_eq!((province.start, province.end), (5, text.len()));
/// assert_eq!((province.start_utf16, province.end_utf16), (3, text.encode_utf16().count()));
/// let json = serde_json::to_value(province)?;
/// assert_eq!(json["type"], "province");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExportedEntity {
    /// `date`, `province`, `place`, `region`, `organization`, `title` or `person`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The mention as written.
    pub text: String,
    /// Byte offsets into the document's text.
    pub start: usize,
    /// Byte offset of the end (exclusive).
    pub end: usize,
    /// UTF-16 offsets into the document's text.
    pub start_utf16: usize,
    /// UTF-16 offset of the end (exclusive).
    pub end_utf16: usize,
    /// The resolved value (as in the `entities` example).
    pub value: Value,
}

/// One exported document.
///
/// ```
/// use vntext::entity::{Day, Extractor};
/// use vntext::index::{Document, export_document};
/// use vntext::segment::Segmenter;
///
/// let doc = Document {
///     id: "1".into(),
///     title: "Hòa bình".into(),
///     text: "Nhân dân mong muốn hoà bình.".into(),
///     date: Day::new(2015, 3, 2),
///     url: None,
/// };
/// let e = export_document(&doc, &Segmenter::new(), &Extractor::new());
/// assert_eq!(e.date.as_deref(), Some("2015-03-02"));
/// let json = serde_json::to_value(&e)?;
/// assert_eq!(json["folded"], e.folded);
/// assert!(json.get("url").is_none()); // left out when absent
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Exported {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its date (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The text as written.
    pub text: String,
    /// The normalized words of the text, lower case, syllables of a word joined by `_`.
    pub segmented: String,
    /// The folded words (no diacritics, đ → d), syllables joined by `_`.
    pub folded: String,
    /// The entities of the text.
    pub entities: Vec<ExportedEntity>,
}

/// Analyzes `doc` for export.
///
/// ```
/// use vntext::entity::Extractor;
/// use vntext::index::{Document, export_document};
/// use vntext::segment::Segmenter;
///
/// let doc = Document {
///     id: "1".into(),
///     title: "Tin".into(),
///     text: "Uỷ ban nhân dân tỉnh Hà Nam bàn về hoà bình.".into(),
///     date: None,
///     url: None,
/// };
/// let e = export_document(&doc, &Segmenter::new(), &Extractor::new());
/// assert_eq!(e.segmented, "ủy_ban nhân_dân tỉnh hà_nam bàn về hòa_bình");
/// assert_eq!(e.folded, "uy_ban nhan_dan tinh ha_nam ban ve hoa_binh");
/// assert!(e.entities.iter().any(|x| x.kind == "organization"));
/// ```
pub fn export_document(doc: &Document, segmenter: &Segmenter, extractor: &Extractor) -> Exported {
    let mut segmented = String::with_capacity(doc.text.len() + 16);
    let mut folded = String::with_capacity(doc.text.len() + 16);
    for w in segmenter.segment(&doc.text) {
        if matches!(w.kind, WordKind::Punctuation | WordKind::Symbol) {
            continue;
        }
        let word: Vec<&str> = w.text.split_whitespace().collect();
        let key = normalize(&word.join("_")).to_lowercase();
        if !segmented.is_empty() {
            segmented.push(' ');
            folded.push(' ');
        }
        folded.push_str(&fold(&key));
        segmented.push_str(&key);
    }
    // UTF-16 offsets: one pass over the characters, in the order of the byte offsets asked.
    let entities = extractor.extract(&doc.text);
    let mut marks: Vec<usize> = entities
        .iter()
        .flat_map(|e| [e.span.start, e.span.end])
        .collect();
    marks.sort_unstable();
    marks.dedup();
    let mut utf16 = std::collections::HashMap::with_capacity(marks.len());
    let (mut units, mut next) = (0usize, 0usize);
    for (b, c) in doc.text.char_indices().chain([(doc.text.len(), ' ')]) {
        while next < marks.len() && marks[next] <= b {
            utf16.insert(marks[next], units);
            next += 1;
        }
        units += c.len_utf16();
    }
    let entities = entities
        .into_iter()
        .map(|e| ExportedEntity {
            kind: e.kind.as_str(),
            text: e.text.to_string(),
            start: e.span.start,
            end: e.span.end,
            start_utf16: utf16.get(&e.span.start).copied().unwrap_or(0),
            end_utf16: utf16.get(&e.span.end).copied().unwrap_or(0),
            value: e.value,
        })
        .collect();
    Exported {
        id: doc.id.clone(),
        title: doc.title.clone(),
        url: doc.url.clone(),
        date: doc.date.map(|d| d.to_string()),
        text: doc.text.clone(),
        segmented,
        folded,
        entities,
    }
}
