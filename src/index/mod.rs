//! A Tantivy full-text index of Vietnamese documents (feature `index`, on by default):
//! the `vi` and `vi_folded` analyzers, an indexer that adds the entities of each document as
//! facets and dates, and a searcher for queries typed with or without diacritics.
//!
//! ```
//! use vntext::index::{Document, Indexer, Query, Searcher};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let mut indexer = Indexer::create_or_open(dir.path()).unwrap();
//! indexer
//!     .add(&Document {
//!         id: "1".into(),
//!         title: "Hội nghị".into(),
//!         text: "Ngày 24/7/2019, UBND tỉnh Hà Nam họp tại Hà Nội.".into(),
//!         date: None,
//!         url: None,
//!     })
//!     .unwrap();
//! indexer.commit().unwrap();
//! let searcher = Searcher::open(dir.path()).unwrap();
//! // Without diacritics, and filtered by a province merged in 2025 (Hà Nam → Ninh Bình).
//! let hits = searcher.search(&Query::new("ha noi").province("Ninh Bình")).unwrap();
//! assert_eq!(hits[0].id, "1");
//! ```

mod analyzer;
mod corpus;
mod export;

use std::collections::HashMap;
use std::fmt;
use std::ops::{Bound, Range};
use std::path::Path;
use std::sync::LazyLock;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query as TQuery, RangeQuery};
use tantivy::query::{EmptyQuery, TermQuery};
use tantivy::schema::{
    DateOptions, FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions, Value as _,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

pub use analyzer::{VI, VI_FOLDED, ViTokenStream, ViTokenizer, register};
pub use corpus::{Document, Skipped, read_corpus};
pub use export::{Exported, ExportedEntity, export_document};

use crate::entity::{Day, Entity, Extractor, Value};
use crate::normalize::{Normalizer, fold};
use crate::segment::{PreTokenKind, pretokenize};

/// What can go wrong with an index.
///
/// ```
/// use vntext::index::{IndexError, Searcher};
///
/// // An empty folder holds no index.
/// let dir = tempfile::tempdir()?;
/// let err = Searcher::open(dir.path()).unwrap_err();
/// assert!(matches!(err, IndexError::Tantivy(_)));
/// assert!(err.to_string().starts_with("index: "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum IndexError {
    /// From Tantivy (a corrupt or locked index, a full disk …).
    Tantivy(tantivy::TantivyError),
    /// A file or folder that could not be read or written.
    Io(std::io::Error),
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::Tantivy(e) => write!(f, "index: {e}"),
            IndexError::Io(e) => write!(f, "index: {e}"),
        }
    }
}

impl std::error::Error for IndexError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            IndexError::Tantivy(e) => Some(e),
            IndexError::Io(e) => Some(e),
        }
    }
}

impl From<tantivy::TantivyError> for IndexError {
    fn from(e: tantivy::TantivyError) -> Self {
        IndexError::Tantivy(e)
    }
}

impl From<std::io::Error> for IndexError {
    fn from(e: std::io::Error) -> Self {
        IndexError::Io(e)
    }
}

/// The fields of the schema.
///
/// ```
/// use vntext::index::schema;
///
/// let (schema, fields) = schema();
/// assert_eq!(schema.get_field_name(fields.title), "title");
/// assert_eq!(schema.get_field_name(fields.body_folded), "body_folded");
/// // Exact words are stored (for snippets), folded keys only indexed.
/// assert!(schema.get_field_entry(fields.body).is_stored());
/// assert!(!schema.get_field_entry(fields.body_folded).is_stored());
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// Document id (raw, stored).
    pub id: Field,
    /// Title, exact words (stored).
    pub title: Field,
    /// Title, folded keys.
    pub title_folded: Field,
    /// Body, exact words (stored: snippets).
    pub body: Field,
    /// Body, folded keys.
    pub body_folded: Field,
    /// The first sentence of the body, folded keys (what a document is about: the subject
    /// of an encyclopedia article, a news item's lead).
    pub lead_folded: Field,
    /// URL (stored).
    pub url: Field,
    /// The document's own date, when the corpus gives one.
    pub doc_date: Field,
    /// The dates found in the text (first and last day of each).
    pub date: Field,
    /// Provinces named, as their current unit (`/Ninh Bình`).
    pub province: Field,
    /// Provinces named, as written (`/Hà Nam`).
    pub province_written: Field,
    /// Officials named (people with a title).
    pub official: Field,
    /// Organizations named (canonical names).
    pub organization: Field,
}

/// The schema of a vntext index.
///
/// To build the index yourself (in memory here), register the analyzers on it:
///
/// ```
/// use tantivy::Index;
/// use vntext::index::{Searcher, register, schema};
///
/// let index = Index::create_in_ram(schema().0);
/// register(&index);
/// let searcher = Searcher::from_index(&index)?;
/// assert_eq!(searcher.num_docs(), 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |tokenizer: &str, stored: bool| {
        let o = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        if stored { o.set_stored() } else { o }
    };
    let date = DateOptions::from(INDEXED).set_stored().set_fast();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", text(VI, true)),
        title_folded: b.add_text_field("title_folded", text(VI_FOLDED, false)),
        body: b.add_text_field("body", text(VI, true)),
        body_folded: b.add_text_field("body_folded", text(VI_FOLDED, false)),
        lead_folded: b.add_text_field("lead_folded", text(VI_FOLDED, false)),
        url: b.add_text_field("url", STORED),
        doc_date: b.add_date_field("doc_date", date.clone()),
        date: b.add_date_field("date", date | FAST),
        province: b.add_facet_field("province", FacetOptions::default().set_stored()),
        province_written: b.add_facet_field("province_written", FacetOptions::default()),
        official: b.add_facet_field("official", FacetOptions::default().set_stored()),
        organization: b.add_facet_field("organization", FacetOptions::default().set_stored()),
    };
    (b.build(), fields)
}

fn fields_of(schema: &Schema) -> Result<Fields, IndexError> {
    let f = |n: &str| schema.get_field(n).map_err(IndexError::from);
    Ok(Fields {
        id: f("id")?,
        title: f("title")?,
        title_folded: f("title_folded")?,
        body: f("body")?,
        body_folded: f("body_folded")?,
        lead_folded: f("lead_folded")?,
        url: f("url")?,
        doc_date: f("doc_date")?,
        date: f("date")?,
        province: f("province")?,
        province_written: f("province_written")?,
        official: f("official")?,
        organization: f("organization")?,
    })
}

/// Opens the index in `dir`, or creates it (and the folder) when there is none, with the
/// analyzers registered.
///
/// # Errors
/// When the folder cannot be created or holds something that is not a vntext index.
///
/// ```
/// use vntext::index::open_or_create;
///
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("chỉ mục");
/// let (index, fields) = open_or_create(&path)?;
/// assert!(path.join("meta.json").exists());
/// assert_eq!(index.schema().get_field_name(fields.body), "body");
/// // The second time, the same index is opened.
/// let (again, _) = open_or_create(&path)?;
/// assert_eq!(again.schema(), index.schema());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn open_or_create(dir: &Path) -> Result<(Index, Fields), IndexError> {
    std::fs::create_dir_all(dir)?;
    let index = if dir.join("meta.json").exists() {
        Index::open_in_dir(dir)?
    } else {
        Index::create_in_dir(dir, schema().0)?
    };
    register(&index);
    let fields = fields_of(&index.schema())?;
    Ok((index, fields))
}

fn to_datetime(d: Day) -> DateTime {
    DateTime::from_timestamp_secs(d.to_days() * 86_400)
}

/// A document ready to be added: analysis and entity extraction done (this is the part that
/// can run on many threads: see [`Indexer::prepare`]).
///
/// ```
/// use vntext::index::{Document, Indexer};
///
/// let mut indexer = Indexer::in_ram(1)?;
/// let doc = Document {
///     id: "hn".into(),
///     title: "Thủ đô".into(),
///     text: "Hà Nội là thủ đô của Việt Nam.".into(),
///     date: None,
///     url: None,
/// };
/// let prepared = indexer.prepare(&doc);
/// indexer.add_prepared(prepared)?;
/// indexer.commit()?;
/// assert_eq!(indexer.index().reader()?.searcher().num_docs(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Prepared {
    id: String,
    doc: TantivyDocument,
}

/// Adds documents to an index. Adding a document whose id is already there replaces it;
/// documents are committed in batches.
///
/// ```
/// use vntext::index::{Indexer, Searcher};
/// # use vntext::index::Document;
/// # fn doc(id: &str, title: &str, text: &str) -> Document {
/// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
/// # }
///
/// let mut indexer = Indexer::in_ram(1)?;
/// indexer.add(&doc("1", "Thời tiết", "Hà Nội mưa to."))?;
/// indexer.add(&doc("2", "Giao thông", "Đường phố Đà Nẵng thông thoáng."))?;
/// // The same id again: the document is replaced, not added.
/// indexer.add(&doc("1", "Thời tiết", "Hà Nội nắng nóng."))?;
/// indexer.commit()?;
/// let searcher = Searcher::from_index(indexer.index())?;
/// assert_eq!(searcher.num_docs(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Indexer {
    index: Index,
    writer: IndexWriter,
    fields: Fields,
    extractor: Extractor,
    /// Documents added since the last commit.
    pending: usize,
    /// Commit after this many documents (0: only when asked).
    batch: usize,
}

/// Documents per commit, by default.
///
/// ```
/// use vntext::index::{BATCH, Indexer};
///
/// assert_eq!(BATCH, 10_000);
/// // Commit more often (or only when asked, with 0).
/// let indexer = Indexer::in_ram(1)?.batch_size(BATCH / 10);
/// # drop(indexer);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const BATCH: usize = 10_000;

impl fmt::Debug for Indexer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Indexer").finish_non_exhaustive()
    }
}

impl Indexer {
    /// An indexer on the index in `dir` (created when there is none), with Tantivy's
    /// default number of indexing threads.
    ///
    /// # Errors
    /// See [`open_or_create`]; also when another writer holds the index's lock.
    ///
    /// ```
    /// use vntext::index::{Indexer, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let dir = tempfile::tempdir()?;
    /// let mut indexer = Indexer::create_or_open(dir.path())?;
    /// indexer.add(&doc("1", "Bão số 3", "Bão số 3 đổ bộ vào Quảng Ninh."))?;
    /// indexer.commit()?;
    /// // One writer at a time: a second indexer on the same folder is refused.
    /// assert!(Indexer::create_or_open(dir.path()).is_err());
    /// assert_eq!(Searcher::open(dir.path())?.num_docs(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn create_or_open(dir: &Path) -> Result<Indexer, IndexError> {
        Self::with_threads(dir, 0)
    }

    /// The same with `threads` indexing threads (0: Tantivy's default).
    ///
    /// # Errors
    /// See [`Indexer::create_or_open`].
    ///
    /// ```
    /// use vntext::index::{Indexer, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let dir = tempfile::tempdir()?;
    /// let mut indexer = Indexer::with_threads(dir.path(), 1)?;
    /// indexer.add(&doc("1", "Lũ lụt", "Mưa lớn gây lũ ở Thừa Thiên Huế."))?;
    /// indexer.commit()?;
    /// drop(indexer); // releases the lock: the index can be reopened
    /// let mut indexer = Indexer::with_threads(dir.path(), 2)?;
    /// indexer.add(&doc("2", "Nắng nóng", "Nghệ An nắng nóng gay gắt."))?;
    /// indexer.commit()?;
    /// assert_eq!(Searcher::open(dir.path())?.num_docs(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_threads(dir: &Path, threads: usize) -> Result<Indexer, IndexError> {
        let (index, fields) = open_or_create(dir)?;
        let writer = if threads == 0 {
            index.writer(200_000_000)?
        } else {
            index.writer_with_num_threads(threads, threads * 100_000_000)?
        };
        Ok(Indexer {
            index,
            writer,
            fields,
            extractor: Extractor::new(),
            pending: 0,
            batch: BATCH,
        })
    }

    /// An indexer on a new index in memory (for benchmarks and tests), with `threads`
    /// indexing threads (at least one).
    ///
    /// # Errors
    /// When Tantivy cannot start its threads.
    ///
    /// ```
    /// use vntext::index::{Indexer, Query, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// indexer.add(&doc("1", "Du lịch", "Vịnh Hạ Long đón nhiều du khách."))?;
    /// indexer.commit()?;
    /// let searcher = Searcher::from_index(indexer.index())?;
    /// assert_eq!(searcher.search(&Query::new("ha long"))?[0].id, "1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn in_ram(threads: usize) -> Result<Indexer, IndexError> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        register(&index);
        let threads = threads.max(1);
        let writer = index.writer_with_num_threads(threads, threads * 100_000_000)?;
        Ok(Indexer {
            index,
            writer,
            fields,
            extractor: Extractor::new(),
            pending: 0,
            batch: BATCH,
        })
    }

    /// Commits after every `batch` documents (0: only on [`Indexer::commit`]).
    ///
    /// ```
    /// use vntext::index::{Indexer, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?.batch_size(2);
    /// let searcher = Searcher::from_index(indexer.index())?;
    /// indexer.add(&doc("1", "Một", "Tin thứ nhất."))?;
    /// indexer.add(&doc("2", "Hai", "Tin thứ hai."))?; // the second: a commit
    /// indexer.add(&doc("3", "Ba", "Tin thứ ba."))?;
    /// searcher.reload()?;
    /// assert_eq!(searcher.num_docs(), 2);
    /// indexer.commit()?;
    /// searcher.reload()?;
    /// assert_eq!(searcher.num_docs(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn batch_size(mut self, batch: usize) -> Indexer {
        self.batch = batch;
        self
    }

    /// The underlying Tantivy index.
    ///
    /// ```
    /// use vntext::index::{Indexer, VI};
    ///
    /// let indexer = Indexer::in_ram(1)?;
    /// // The analyzers are registered on it.
    /// assert!(indexer.index().tokenizers().get(VI).is_some());
    /// assert!(indexer.index().schema().get_field("body_folded").is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Extracts the entities of `doc` and builds its index document (thread-safe: `&self`).
    ///
    /// Prepare on several threads, add on one:
    ///
    /// ```
    /// use vntext::index::{Indexer, Query, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let docs = [
    ///     doc("1", "Y tế", "Sở Y tế tỉnh Hà Nam kiểm tra an toàn thực phẩm."),
    ///     doc("2", "Giáo dục", "Sở Giáo dục tỉnh Nam Định tổ chức thi tuyển sinh."),
    /// ];
    /// let mut indexer = Indexer::in_ram(1)?;
    /// let ix = &indexer;
    /// let prepared = std::thread::scope(|s| {
    ///     let tasks: Vec<_> = docs.iter().map(|d| s.spawn(move || ix.prepare(d))).collect();
    ///     tasks.into_iter().map(|t| t.join().unwrap()).collect::<Vec<_>>()
    /// });
    /// for p in prepared {
    ///     indexer.add_prepared(p)?;
    /// }
    /// indexer.commit()?;
    /// // The provinces were extracted: Hà Nam and Nam Định are both part of Ninh Bình now.
    /// let searcher = Searcher::from_index(indexer.index())?;
    /// assert_eq!(searcher.search(&Query::new("sở").province("Ninh Bình"))?.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prepare(&self, doc: &Document) -> Prepared {
        let f = &self.fields;
        let mut d = TantivyDocument::default();
        d.add_text(f.id, &doc.id);
        d.add_text(f.title, &doc.title);
        d.add_text(f.title_folded, &doc.title);
        d.add_text(f.body, &doc.text);
        d.add_text(f.body_folded, &doc.text);
        d.add_text(f.lead_folded, lead(&doc.text));
        if let Some(url) = &doc.url {
            d.add_text(f.url, url);
        }
        if let Some(day) = doc.date {
            d.add_date(f.doc_date, to_datetime(day));
        }
        let mut seen: HashMap<(Field, String), ()> = HashMap::new();
        let mut facet = |d: &mut TantivyDocument, field: Field, name: &str| {
            if !name.is_empty() && seen.insert((field, name.to_string()), ()).is_none() {
                d.add_facet(field, Facet::from_path([name]));
            }
        };
        let mut dates = Vec::new();
        for text in [&doc.title, &doc.text] {
            for e in self.extractor.extract(text) {
                add_entity(&mut d, f, &e, &mut facet, &mut dates);
            }
        }
        dates.sort();
        dates.dedup();
        for day in dates {
            d.add_date(f.date, to_datetime(day));
        }
        Prepared {
            id: doc.id.clone(),
            doc: d,
        }
    }

    /// Adds a prepared document, replacing any document with its id.
    ///
    /// # Errors
    /// When Tantivy refuses the document (the index is being closed).
    ///
    /// ```
    /// use vntext::index::{Indexer, Query, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// let p = indexer.prepare(&doc("a", "Bản cũ", "Cầu Long Biên được sửa chữa."));
    /// indexer.add_prepared(p)?;
    /// let p = indexer.prepare(&doc("a", "Bản mới", "Cầu Long Biên hoàn thành sửa chữa."));
    /// indexer.add_prepared(p)?; // same id: replaces the first
    /// indexer.commit()?;
    /// let searcher = Searcher::from_index(indexer.index())?;
    /// let hits = searcher.search(&Query::new("cau long bien"))?;
    /// assert_eq!(hits.len(), 1);
    /// assert_eq!(hits[0].title, "Bản mới");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_prepared(&mut self, p: Prepared) -> Result<(), IndexError> {
        self.writer
            .delete_term(Term::from_field_text(self.fields.id, &p.id));
        self.writer.add_document(p.doc)?;
        self.pending += 1;
        if self.batch > 0 && self.pending >= self.batch {
            self.commit()?;
        }
        Ok(())
    }

    /// Prepares and adds `doc`.
    ///
    /// # Errors
    /// See [`Indexer::add_prepared`].
    ///
    /// ```
    /// use vntext::index::{Document, Indexer, Query, Searcher};
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// indexer.add(&Document {
    ///     id: "1".into(),
    ///     title: "Kinh tế".into(),
    ///     text: "Xuất khẩu gạo tăng mạnh.".into(),
    ///     date: None,
    ///     url: Some("https://example.invalid/1".into()),
    /// })?;
    /// indexer.commit()?;
    /// let hits = Searcher::from_index(indexer.index())?.search(&Query::new("xuat khau gao"))?;
    /// assert_eq!(hits[0].title, "Kinh tế");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, doc: &Document) -> Result<(), IndexError> {
        let p = self.prepare(doc);
        self.add_prepared(p)
    }

    /// Makes the documents added so far durable and visible to new searchers.
    ///
    /// # Errors
    /// When the index cannot be written.
    ///
    /// ```
    /// use vntext::index::{Indexer, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// let searcher = Searcher::from_index(indexer.index())?;
    /// indexer.add(&doc("1", "Thể thao", "Đội tuyển Việt Nam thắng 2-0."))?;
    /// searcher.reload()?;
    /// assert_eq!(searcher.num_docs(), 0); // not committed yet
    /// indexer.commit()?;
    /// searcher.reload()?;
    /// assert_eq!(searcher.num_docs(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn commit(&mut self) -> Result<(), IndexError> {
        self.writer.commit()?;
        self.pending = 0;
        Ok(())
    }
}

/// The first sentence of a text (at most about 300 bytes).
fn lead(text: &str) -> &str {
    let text = text.trim_start();
    let mut end = text.len().min(300);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = text[..end]
        .find(". ")
        .or_else(|| text[..end].find('\n'))
        .map_or(end, |k| k + 1);
    &text[..cut]
}

fn add_entity(
    d: &mut TantivyDocument,
    f: &Fields,
    e: &Entity<'_>,
    facet: &mut impl FnMut(&mut TantivyDocument, Field, &str),
    dates: &mut Vec<Day>,
) {
    match &e.value {
        Value::Date(v) => {
            if let (Some(a), Some(b)) = (v.from, v.to) {
                dates.push(a);
                if b != a {
                    dates.push(b);
                }
            }
        }
        Value::Province(p) => {
            facet(d, f.province, &p.current);
            facet(d, f.province_written, &p.name);
        }
        Value::Place(p) => {
            if let Some(prov) = &p.province {
                facet(d, f.province_written, prov);
            }
        }
        Value::Organization(o) => facet(d, f.organization, &o.name),
        Value::Person(p) if !p.roles.is_empty() => facet(d, f.official, &p.name),
        _ => {}
    }
}

/// A search: the words typed (with or without diacritics, in either tone placement; phrases
/// in double quotes) and optional filters.
///
/// ```
/// use vntext::entity::Day;
/// use vntext::index::Query;
///
/// let q = Query::new("\"ủy ban nhân dân\" kế hoạch")
///     .province("Hà Nam")
///     .dates(Day::new(2024, 1, 1), Day::new(2024, 12, 31))
///     .limit(5);
/// assert_eq!(q.province.as_deref(), Some("Hà Nam"));
/// assert_eq!(q.limit, 5);
/// assert_eq!(Query::new("hà nội").limit, 10);
/// assert_eq!(Query::default().limit, 10);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// The text typed.
    pub text: String,
    /// Only documents about this province (any era: a pre-2025 name finds its current unit).
    pub province: Option<String>,
    /// Only documents naming this official (the name as written, normalized).
    pub official: Option<String>,
    /// Only documents naming this organization (canonical or as written).
    pub organization: Option<String>,
    /// Only documents mentioning a date on or after this day.
    pub from: Option<Day>,
    /// Only documents mentioning a date on or before this day.
    pub to: Option<Day>,
    /// How many hits (10 by default).
    pub limit: usize,
}

impl Default for Query {
    /// An empty query, ten hits.
    fn default() -> Query {
        Query {
            text: String::new(),
            province: None,
            official: None,
            organization: None,
            from: None,
            to: None,
            limit: 10,
        }
    }
}

impl Query {
    /// A query for `text`, ten hits.
    ///
    /// Typed without diacritics, a query finds the text written with them, first:
    ///
    /// ```
    /// use vntext::index::{Indexer, Query, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// indexer.add(&doc("khong-dau", "Tin nhanh", "Uy ban nhan dan xa hop ban ke hoach."))?;
    /// indexer.add(&doc("co-dau", "Thông báo", "Ủy ban nhân dân tỉnh Hà Nam họp bàn kế hoạch."))?;
    /// indexer.add(&doc("khac", "Thể thao", "Giải bóng đá khai mạc."))?;
    /// indexer.commit()?;
    /// let searcher = Searcher::from_index(indexer.index())?;
    /// let hits = searcher.search(&Query::new("uy ban nhan dan"))?;
    /// let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    /// assert_eq!(ids, ["co-dau", "khong-dau"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(text: &str) -> Query {
        Query {
            text: text.to_string(),
            ..Query::default()
        }
    }

    /// Only documents about `province`.
    ///
    /// A name from before the 2025 merger finds the province it belongs to now:
    ///
    /// ```
    /// use vntext::index::{Indexer, Query, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// indexer.add(&doc("nb", "Nông nghiệp", "Tỉnh Ninh Bình triển khai vụ đông."))?;
    /// indexer.add(&doc("hp", "Nông nghiệp", "Thành phố Hải Phòng triển khai vụ đông."))?;
    /// indexer.commit()?;
    /// let searcher = Searcher::from_index(indexer.index())?;
    /// // Hà Nam was merged into Ninh Bình.
    /// let hits = searcher.search(&Query::new("vu dong").province("Hà Nam"))?;
    /// assert_eq!(hits.len(), 1);
    /// assert_eq!(hits[0].id, "nb");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn province(mut self, province: &str) -> Query {
        self.province = Some(province.to_string());
        self
    }

    /// Only documents naming `official`.
    ///
    /// An official is a person named with a title, matched by the name as written:
    ///
    /// ```
    /// use vntext::index::{Indexer, Query, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// indexer.add(&doc("1", "Làm việc", "Thứ trưởng Bộ Nội vụ Trần Thị Hà làm việc với tỉnh."))?;
    /// indexer.add(&doc("2", "Làm việc", "Đoàn công tác làm việc với tỉnh."))?;
    /// indexer.commit()?;
    /// let searcher = Searcher::from_index(indexer.index())?;
    /// let hits = searcher.search(&Query::new("lam viec").official("Trần Thị Hà"))?;
    /// assert_eq!(hits.len(), 1);
    /// assert_eq!(hits[0].id, "1");
    /// // The name is normalized like the text: decomposed marks and extra spaces still match.
    /// let nfd = Query::new("lam viec").official("Tra\u{0302}\u{0300}n Thị  Hà");
    /// assert_eq!(searcher.search(&nfd)?.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn official(mut self, official: &str) -> Query {
        self.official = Some(official.to_string());
        self
    }

    /// Only documents naming `organization`.
    ///
    /// Abbreviated in the text, full in the filter (or the other way round):
    ///
    /// ```
    /// use vntext::index::{Indexer, Query, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// indexer.add(&doc("1", "Họp", "UBND tỉnh Hà Nam họp bàn kế hoạch."))?;
    /// indexer.add(&doc("2", "Họp", "Sở Y tế tỉnh Hà Nam họp bàn kế hoạch."))?;
    /// indexer.commit()?;
    /// let searcher = Searcher::from_index(indexer.index())?;
    /// let q = Query::new("ke hoach").organization("Ủy ban nhân dân tỉnh Hà Nam");
    /// let hits = searcher.search(&q)?;
    /// assert_eq!(hits.len(), 1);
    /// assert_eq!(hits[0].id, "1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn organization(mut self, organization: &str) -> Query {
        self.organization = Some(organization.to_string());
        self
    }

    /// Only documents mentioning a date in `from..=to`.
    ///
    /// The dates are the ones written in the text (a day, a month, a year…):
    ///
    /// ```
    /// use vntext::entity::Day;
    /// use vntext::index::{Indexer, Query, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// indexer.add(&doc("2019", "Hội nghị", "Ngày 24/7/2019, hội nghị được tổ chức."))?;
    /// indexer.add(&doc("2015", "Hội nghị", "Tháng 3/2015, hội nghị được tổ chức."))?;
    /// indexer.commit()?;
    /// let searcher = Searcher::from_index(indexer.index())?;
    /// let q = Query::new("hoi nghi").dates(Day::new(2019, 1, 1), None);
    /// let hits = searcher.search(&q)?;
    /// assert_eq!(hits.len(), 1);
    /// assert_eq!(hits[0].id, "2019");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dates(mut self, from: Option<Day>, to: Option<Day>) -> Query {
        self.from = from;
        self.to = to;
        self
    }

    /// At most `limit` hits.
    ///
    /// ```
    /// use vntext::index::{Indexer, Query, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// for (id, city) in [("1", "Hà Nội"), ("2", "Huế"), ("3", "Cần Thơ")] {
    ///     indexer.add(&doc(id, "Thời tiết", &format!("Thời tiết {city} hôm nay.")))?;
    /// }
    /// indexer.commit()?;
    /// let searcher = Searcher::from_index(indexer.index())?;
    /// assert_eq!(searcher.search(&Query::new("thoi tiet"))?.len(), 3);
    /// assert_eq!(searcher.search(&Query::new("thoi tiet").limit(2))?.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn limit(mut self, limit: usize) -> Query {
        self.limit = limit;
        self
    }
}

/// One hit.
///
/// ```
/// use vntext::index::{Indexer, Query, Searcher};
/// # use vntext::index::Document;
/// # fn doc(id: &str, title: &str, text: &str) -> Document {
/// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
/// # }
///
/// let text = "Sáng nay, Hà Nội có mưa rào.";
/// let mut indexer = Indexer::in_ram(1)?;
/// indexer.add(&doc("1", "Thời tiết", text))?;
/// indexer.commit()?;
/// let hit = &Searcher::from_index(indexer.index())?.search(&Query::new("ha noi"))?[0];
/// assert_eq!(hit.title, "Thời tiết");
/// assert!(hit.score > 0.0);
/// assert_eq!(&text[hit.snippet_range.clone()], hit.snippet);
/// // The words found, however they were typed.
/// assert_eq!(&text[hit.highlights[0].clone()], "Hà Nội");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The document's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its score.
    pub score: f32,
    /// A passage of its text around the words found.
    pub snippet: String,
    /// Byte ranges of the words found, in the document's text (`body[range]`).
    pub highlights: Vec<Range<usize>>,
    /// Where `snippet` is in the document's text.
    pub snippet_range: Range<usize>,
}

impl Hit {
    /// The snippet on one line, the words found in `[brackets]`.
    ///
    /// ```
    /// use vntext::index::{Indexer, Query, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// indexer.add(&doc("1", "Giao thông", "Cầu Thăng Long\nđược sửa chữa xong."))?;
    /// indexer.commit()?;
    /// let hits = Searcher::from_index(indexer.index())?.search(&Query::new("sua chua"))?;
    /// assert_eq!(hits[0].marked(), "Cầu Thăng Long được [sửa chữa] xong");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn marked(&self) -> String {
        let base = self.snippet_range.start;
        let part = |a: usize, b: usize| self.snippet.get(a - base..b - base).unwrap_or("");
        let mut out = String::new();
        let mut pos = base;
        for r in &self.highlights {
            if r.start < pos || r.end > self.snippet_range.end {
                continue;
            }
            out.push_str(part(pos, r.start));
            out.push('[');
            out.push_str(part(r.start, r.end));
            out.push(']');
            pos = r.end;
        }
        out.push_str(part(pos, self.snippet_range.end));
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// `text` as entity values write names: normalized, single spaces.
fn as_written(text: &str) -> String {
    let text = crate::normalize::normalize(text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Searches an index.
///
/// ```
/// use vntext::index::{Indexer, Query, Searcher};
/// # use vntext::index::Document;
/// # fn doc(id: &str, title: &str, text: &str) -> Document {
/// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
/// # }
///
/// let dir = tempfile::tempdir()?;
/// let mut indexer = Indexer::with_threads(dir.path(), 1)?;
/// indexer.add(&doc("1", "Hòa bình", "Nhân dân mong muốn hoà bình."))?;
/// indexer.commit()?;
/// let searcher = Searcher::open(dir.path())?;
/// // Either tone placement, with or without diacritics.
/// for typed in ["hòa bình", "hoà bình", "hoa binh"] {
///     assert_eq!(searcher.search(&Query::new(typed))?[0].id, "1");
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Searcher {
    reader: IndexReader,
    fields: Fields,
    extractor: Extractor,
    normalizer: Normalizer,
}

impl fmt::Debug for Searcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Searcher").finish_non_exhaustive()
    }
}

/// Accented syllables by their folded key, most frequent first (from the embedded syllable
/// frequencies): `ha` → hà, hạ, há, hả …
static VARIANTS: LazyLock<HashMap<String, Vec<String>>> = LazyLock::new(|| {
    let tsv = include_str!("../../data/syllable_freq.tsv");
    let mut by_key: HashMap<String, Vec<(u32, String)>> = HashMap::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let mut it = line.split('\t');
        let (Some(s), Some(c)) = (it.next(), it.next()) else {
            continue;
        };
        let Ok(class) = c.trim().parse::<u32>() else {
            continue;
        };
        let key = fold(s).into_owned();
        if key != s {
            by_key.entry(key).or_default().push((class, s.to_string()));
        }
    }
    by_key
        .into_iter()
        .map(|(k, mut v)| {
            v.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            (k, v.into_iter().take(6).map(|(_, s)| s).collect())
        })
        .collect()
});

/// The words of a query: (exact key, folded key) per syllable, grouped in phrases.
#[derive(Debug, Default)]
struct Parsed {
    /// Quoted phrases.
    phrases: Vec<Vec<(String, String)>>,
    /// Words outside quotes.
    loose: Vec<(String, String)>,
}

impl Searcher {
    /// A searcher on the index in `dir`.
    ///
    /// # Errors
    /// When there is no vntext index in `dir`.
    ///
    /// ```
    /// use vntext::index::{Indexer, Query, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let dir = tempfile::tempdir()?;
    /// {
    ///     let mut indexer = Indexer::with_threads(dir.path(), 1)?;
    ///     indexer.add(&doc("1", "Văn hóa", "Lễ hội chùa Hương khai mạc."))?;
    ///     indexer.commit()?;
    /// }
    /// let searcher = Searcher::open(dir.path())?;
    /// assert_eq!(searcher.search(&Query::new("chua huong"))?[0].id, "1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open(dir: &Path) -> Result<Searcher, IndexError> {
        let index = Index::open_in_dir(dir)?;
        register(&index);
        Self::from_index(&index)
    }

    /// A searcher on an open index (its analyzers registered).
    ///
    /// # Errors
    /// When the index is not a vntext index.
    ///
    /// ```
    /// use vntext::index::{Indexer, Query, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// indexer.add(&doc("1", "Khoa học", "Vệ tinh được phóng thành công."))?;
    /// indexer.commit()?;
    /// let searcher = Searcher::from_index(indexer.index())?;
    /// assert_eq!(searcher.search(&Query::new("ve tinh"))?[0].title, "Khoa học");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_index(index: &Index) -> Result<Searcher, IndexError> {
        let fields = fields_of(&index.schema())?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Searcher {
            reader,
            fields,
            extractor: Extractor::new(),
            normalizer: Normalizer::new(),
        })
    }

    /// Sees the latest commit.
    ///
    /// # Errors
    /// When the index cannot be read.
    ///
    /// ```
    /// use vntext::index::{Indexer, Query, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// let searcher = Searcher::from_index(indexer.index())?;
    /// indexer.add(&doc("1", "Môi trường", "Trồng một tỷ cây xanh."))?;
    /// indexer.commit()?;
    /// // A searcher sees the commits made after it was opened only once reloaded.
    /// assert!(searcher.search(&Query::new("cay xanh"))?.is_empty());
    /// searcher.reload()?;
    /// assert_eq!(searcher.search(&Query::new("cay xanh"))?.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reload(&self) -> Result<(), IndexError> {
        self.reader.reload()?;
        Ok(())
    }

    /// Number of documents in the index.
    ///
    /// ```
    /// use vntext::index::{Indexer, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// indexer.add(&doc("1", "Một", "Bài thứ nhất."))?;
    /// indexer.add(&doc("2", "Hai", "Bài thứ hai."))?;
    /// indexer.commit()?;
    /// assert_eq!(Searcher::from_index(indexer.index())?.num_docs(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn parse(&self, text: &str) -> Parsed {
        let mut parsed = Parsed::default();
        for (k, part) in text.split('"').enumerate() {
            let words = self.words(part);
            if k % 2 == 1 && words.len() > 1 {
                parsed.phrases.push(words);
            } else {
                parsed.loose.extend(words);
            }
        }
        parsed
    }

    /// The syllables (and numbers, codes) of `text` as (exact key, folded key).
    fn words(&self, text: &str) -> Vec<(String, String)> {
        let n = self.normalizer.normalize(text);
        pretokenize(&n)
            .filter(|t| !matches!(t.kind, PreTokenKind::Punctuation | PreTokenKind::Symbol))
            .map(|t| {
                let exact = t.text.to_lowercase();
                let folded = fold(t.text).into_owned();
                (exact, folded)
            })
            .collect()
    }

    /// The name a filter means: what `pick` takes from the first entity of `text`, else the
    /// text as entity values are written (normalized, single spaces).
    fn resolve(&self, text: &str, pick: impl Fn(Value) -> Option<String>) -> String {
        self.extractor
            .extract(text)
            .into_iter()
            .find_map(|e| pick(e.value))
            .unwrap_or_else(|| as_written(text))
    }

    /// The query Tantivy runs for `q` (also used for the snippets).
    fn build(&self, q: &Query, all_words: bool) -> Box<dyn TQuery> {
        let f = &self.fields;
        let parsed = self.parse(&q.text);
        let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        let term = |field: Field, s: &str| -> Box<dyn TQuery> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, s),
                IndexRecordOption::WithFreqs,
            ))
        };
        let either = |a: Box<dyn TQuery>, b: Box<dyn TQuery>| -> Box<dyn TQuery> {
            Box::new(BooleanQuery::new(vec![
                (Occur::Should, a),
                (Occur::Should, b),
            ]))
        };
        let phrase = |field: Field, words: &[&str]| -> Box<dyn TQuery> {
            if words.len() == 1 {
                return term(field, words[0]);
            }
            Box::new(PhraseQuery::new(
                words
                    .iter()
                    .map(|w| Term::from_field_text(field, w))
                    .collect(),
            ))
        };
        // Every word must be there, in the body or the title, with or without diacritics (or,
        // when that finds too little, any of them).
        let word_occur = if all_words {
            Occur::Must
        } else {
            Occur::Should
        };
        for (_, folded) in &parsed.loose {
            clauses.push((
                word_occur,
                either(term(f.body_folded, folded), term(f.title_folded, folded)),
            ));
        }
        for p in &parsed.phrases {
            let folded: Vec<&str> = p.iter().map(|w| w.1.as_str()).collect();
            clauses.push((
                Occur::Must,
                either(
                    phrase(f.body_folded, &folded),
                    phrase(f.title_folded, &folded),
                ),
            ));
        }
        // What ranks first: the words as typed with their diacritics, or written with
        // diacritics when typed without; the words next to each other; in the title.
        let groups: Vec<&[(String, String)]> = std::iter::once(parsed.loose.as_slice())
            .chain(parsed.phrases.iter().map(Vec::as_slice))
            .filter(|g| !g.is_empty())
            .collect();
        for g in &groups {
            for (exact, folded) in g.iter() {
                if exact != folded {
                    clauses.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(
                            either(term(f.body, exact), term(f.title, exact)),
                            2.0,
                        )),
                    ));
                } else if let Some(vs) = VARIANTS.get(folded) {
                    let mut alts: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
                    for v in vs {
                        alts.push((Occur::Should, term(f.body, v)));
                        alts.push((Occur::Should, term(f.title, v)));
                    }
                    clauses.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(BooleanQuery::new(alts)), 1.0)),
                    ));
                }
            }
            let folded: Vec<&str> = g.iter().map(|w| w.1.as_str()).collect();
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(phrase(f.lead_folded, &folded), 6.0)),
            ));
            // Words of several syllables as the segmenter found them in the documents
            // (`ha_noi` is a word where Hà Nội is written, not where hạ and nổi meet).
            for n in 2..=4.min(g.len()) {
                for w in folded.windows(n) {
                    clauses.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(term(f.body_folded, &w.join("_")), 1.5)),
                    ));
                }
            }
            if g.len() > 1 {
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(phrase(f.body_folded, &folded), 5.0)),
                ));
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(phrase(f.title_folded, &folded), 6.0)),
                ));
                if g.iter().any(|w| w.0 != w.1) {
                    let exact: Vec<&str> = g.iter().map(|w| w.0.as_str()).collect();
                    clauses.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(phrase(f.body, &exact), 5.0)),
                    ));
                }
            } else {
                let (_, folded) = &g[0];
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(term(f.title_folded, folded), 2.0)),
                ));
            }
        }
        // Filters.
        let facet_term = |field: Field, name: &str| -> Box<dyn TQuery> {
            Box::new(TermQuery::new(
                Term::from_facet(field, &Facet::from_path([name])),
                IndexRecordOption::Basic,
            ))
        };
        if let Some(p) = &q.province {
            // Any era, any form: the unit it belongs to now.
            let current = self.resolve(p, |v| match v {
                Value::Province(v) => Some(v.current),
                _ => None,
            });
            clauses.push((Occur::Must, facet_term(f.province, &current)));
        }
        if let Some(o) = &q.official {
            // A name alone is not an entity: the name as entity values write it.
            clauses.push((Occur::Must, facet_term(f.official, &as_written(o))));
        }
        if let Some(o) = &q.organization {
            let canonical = self.resolve(o, |v| match v {
                Value::Organization(v) => Some(v.name),
                _ => None,
            });
            clauses.push((Occur::Must, facet_term(f.organization, &canonical)));
        }
        if q.from.is_some() || q.to.is_some() {
            let lower = q.from.map_or(Bound::Unbounded, |d| {
                Bound::Included(Term::from_field_date(f.date, to_datetime(d)))
            });
            let upper = q.to.map_or(Bound::Unbounded, |d| {
                Bound::Included(Term::from_field_date(f.date, to_datetime(d)))
            });
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
        }
        if clauses.iter().all(|(o, _)| *o != Occur::Must) && (all_words || parsed.loose.is_empty())
        {
            return Box::new(EmptyQuery);
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// The best hits for `q`, with snippets.
    ///
    /// # Errors
    /// When the index cannot be read.
    ///
    /// Every word is looked for first; when too few documents have them all, the ones with most
    /// of them follow. Words in double quotes must be next to each other:
    ///
    /// ```
    /// use vntext::index::{Indexer, Query, Searcher};
    /// # use vntext::index::Document;
    /// # fn doc(id: &str, title: &str, text: &str) -> Document {
    /// #     Document { id: id.into(), title: title.into(), text: text.into(), date: None, url: None }
    /// # }
    ///
    /// let mut indexer = Indexer::in_ram(1)?;
    /// indexer.add(&doc("lien", "Bộ máy", "Đại diện Bộ Nội vụ dự họp."))?;
    /// indexer.add(&doc("roi", "Bộ máy", "Bộ trưởng giao nhiệm vụ nội bộ."))?;
    /// indexer.commit()?;
    /// let searcher = Searcher::from_index(indexer.index())?;
    /// let ids = |q: &str| -> Result<Vec<String>, vntext::index::IndexError> {
    ///     Ok(searcher.search(&Query::new(q))?.into_iter().map(|h| h.id).collect())
    /// };
    /// assert_eq!(ids("bo noi vu")?, ["lien", "roi"]);
    /// assert_eq!(ids("\"bo noi vu\"")?, ["lien"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn search(&self, q: &Query) -> Result<Vec<Hit>, IndexError> {
        let query = self.build(q, true);
        let searcher = self.reader.searcher();
        let limit = q.limit.max(1);
        let mut top = searcher.search(&*query, &TopDocs::with_limit(limit).order_by_score())?;
        // Too few documents have every word: fill the list with those that have most of them.
        if top.len() < limit {
            let any = self.build(q, false);
            for hit in searcher.search(&*any, &TopDocs::with_limit(limit).order_by_score())? {
                if top.len() < limit && !top.iter().any(|(_, a)| *a == hit.1) {
                    top.push(hit);
                }
            }
        }
        // Snippets from the folded field over the stored text: the words found are marked
        // however they were typed and written.
        let mut snippets = SnippetGenerator::create(&searcher, &*query, self.fields.body_folded)?;
        snippets.set_max_num_chars(240);
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let get = |field: Field| -> String {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string()
            };
            let body = get(self.fields.body);
            let snippet = snippets.snippet(&body);
            let base = snippet.fragment_range().start;
            let mut highlights: Vec<Range<usize>> = snippet
                .highlighted()
                .iter()
                .map(|r| base + r.start..base + r.end)
                .collect();
            highlights.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
            highlights.dedup();
            hits.push(Hit {
                id: get(self.fields.id),
                title: get(self.fields.title),
                score,
                snippet: snippet.fragment().to_string(),
                highlights,
                snippet_range: snippet.fragment_range(),
            });
        }
        Ok(hits)
    }
}
