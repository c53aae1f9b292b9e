//! The segmenter: normalize, pre-tokenize, tag, and group tokens into words with spans in the
//! original text.

use std::cell::RefCell;
use std::path::Path;
use std::sync::Arc;

use std::sync::LazyLock;

use super::model::{MAX_WORD, Model, ModelError, Sentence, Variant, token_key};
use super::pretokenize::{PreTokenKind, pretokenize};
use crate::normalize::Normalizer;
use crate::span::Span;

/// What a word is.
///
/// ```
/// use vntext::segment::{Segmenter, WordKind};
///
/// let kinds: Vec<(&str, WordKind)> = Segmenter::new()
///     .segment("Ngày 24/7/2019, giá tăng 3,5% (xem chinhphu.vn)")
///     .map(|w| (w.text, w.kind))
///     .collect();
/// assert_eq!(
///     kinds,
///     [
///         ("Ngày", WordKind::Word), ("24/7/2019", WordKind::Date), (",", WordKind::Punctuation),
///         ("giá", WordKind::Word), ("tăng", WordKind::Word), ("3,5%", WordKind::Number),
///         ("(", WordKind::Punctuation), ("xem", WordKind::Word), ("chinhphu.vn", WordKind::Url),
///         (")", WordKind::Punctuation),
///     ]
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WordKind {
    /// A Vietnamese word of one or more syllables.
    Word,
    /// A number (10.000, 3,5%).
    Number,
    /// A date or time.
    Date,
    /// A URL.
    Url,
    /// An email address.
    Email,
    /// Punctuation.
    Punctuation,
    /// A word that is not Vietnamese.
    Foreign,
    /// Anything else: symbols, abbreviations, codes.
    Symbol,
}

/// A word: a slice of the caller's original text.
///
/// ```
/// use vntext::segment::{Segmenter, WordKind};
///
/// // Decomposed input (NFD): the word is still a slice of the text as given.
/// let text = "Ho\u{300}a bi\u{300}nh";
/// let word = Segmenter::new().segment(text).next().unwrap();
/// assert_eq!(word.text, text);
/// assert_eq!((word.span.start, word.span.end), (0, text.len()));
/// assert_eq!(word.kind, WordKind::Word);
/// assert_eq!(word.syllables, 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The text, as written in the original (syllables separated by their spaces).
    pub text: &'a str,
    /// Its byte span in the original text.
    pub span: Span,
    /// What it is.
    pub kind: WordKind,
    /// How many tokens (syllables) it has.
    pub syllables: usize,
}

/// The embedded model (see data/README.md for its sources and the command that regenerates it).
static EMBEDDED: &[u8] = include_bytes!("../../data/segmenter.bin");

/// Whether the token keys (lower-case [`token_key`]s) form a word of the embedded lexicon.
pub(crate) fn is_lexicon_word(keys: &[u64]) -> bool {
    EMBEDDED_MODEL
        .accented
        .lexicon
        .contains(super::model::sequence_key(keys))
}

static EMBEDDED_MODEL: LazyLock<Arc<Model<'static>>> = LazyLock::new(|| {
    // The embedded file is checked by the test suite; a broken build is the only way to get here
    // with an invalid one.
    Arc::new(Model::from_bytes(EMBEDDED).expect("the embedded segmentation model is valid"))
});

/// A word segmenter. Built once, cheap to clone, `Send + Sync`.
///
/// ```
/// use vntext::segment::Segmenter;
///
/// let seg = Segmenter::new();
/// let words: Vec<&str> = seg.segment("Thứ trưởng Bộ Nội vụ").map(|w| w.text).collect();
/// assert_eq!(words, ["Thứ trưởng", "Bộ", "Nội vụ"]);
/// ```
#[derive(Clone, Debug)]
pub struct Segmenter {
    model: Arc<Model<'static>>,
    normalizer: Normalizer,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

/// Builds a [`Segmenter`] with a user lexicon.
///
/// ```
/// use vntext::segment::SegmenterBuilder;
///
/// let seg = SegmenterBuilder::new().words(["xoài cát", "hòa_lộc"]).build();
/// let words: Vec<&str> = seg.segment("xoài cát hòa lộc ngon").map(|w| w.text).collect();
/// assert!(words.contains(&"xoài cát"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct SegmenterBuilder {
    model: Option<Arc<Model<'static>>>,
    words: Vec<String>,
}

impl SegmenterBuilder {
    /// A builder starting from the embedded model.
    ///
    /// ```
    /// use vntext::segment::{Segmenter, SegmenterBuilder};
    ///
    /// // Without words, the same segmenter as `Segmenter::new()`.
    /// let a: Vec<_> = SegmenterBuilder::new().build().segment("Bộ Nội vụ").collect();
    /// let b: Vec<_> = Segmenter::new().segment("Bộ Nội vụ").collect();
    /// assert_eq!(a, b);
    /// ```
    pub fn new() -> SegmenterBuilder {
        SegmenterBuilder::default()
    }

    /// Uses the model file at `path` instead of the embedded one.
    ///
    /// # Errors
    /// An I/O error, or `InvalidData` when the file is not a valid model.
    ///
    /// ```
    /// use vntext::segment::SegmenterBuilder;
    ///
    /// let dir = tempfile::tempdir()?;
    /// let path = dir.path().join("model.bin");
    /// std::fs::write(&path, b"not a model")?;
    /// let err = SegmenterBuilder::new().model_file(&path).unwrap_err();
    /// assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    /// assert!(SegmenterBuilder::new().model_file(dir.path().join("missing")).is_err());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn model_file(mut self, path: impl AsRef<Path>) -> std::io::Result<SegmenterBuilder> {
        let bytes = std::fs::read(path)?;
        let model = Model::from_bytes(&bytes)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?
            .into_owned();
        self.model = Some(Arc::new(model));
        Ok(self)
    }

    /// Adds words to the lexicon (each a word of 2 to 4 syllables, written with spaces or `_`
    /// between them; shorter and longer entries do not change segmentation).
    ///
    /// ```
    /// use vntext::segment::Segmenter;
    ///
    /// let text = "xoài cát hòa lộc ngon";
    /// let plain: Vec<&str> = Segmenter::new().segment(text).map(|w| w.text).collect();
    /// assert!(!plain.contains(&"xoài cát"));
    /// let seg = Segmenter::builder().words(["xoài_cát"]).build();
    /// let words: Vec<&str> = seg.segment(text).map(|w| w.text).collect();
    /// assert!(words.contains(&"xoài cát"));
    /// ```
    pub fn words<I, S>(mut self, words: I) -> SegmenterBuilder
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.words
            .extend(words.into_iter().map(|w| w.as_ref().replace('_', " ")));
        self
    }

    /// Adds the words of a lexicon file: one word per line, UTF-8; empty lines and lines
    /// starting with `#` are skipped.
    ///
    /// # Errors
    /// An I/O error, or `InvalidData` when the file is not UTF-8.
    ///
    /// ```
    /// use vntext::segment::Segmenter;
    ///
    /// let dir = tempfile::tempdir()?;
    /// let path = dir.path().join("lexicon.txt");
    /// std::fs::write(&path, "# fruit\nxoài cát\n\n")?;
    /// let seg = Segmenter::builder().lexicon_file(&path)?.build();
    /// assert_eq!(seg.segment("xoài cát hòa lộc").next().unwrap().text, "xoài cát");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn lexicon_file(self, path: impl AsRef<Path>) -> std::io::Result<SegmenterBuilder> {
        let text = std::fs::read_to_string(path)?;
        let words: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        Ok(self.words(words))
    }

    /// Builds the segmenter.
    ///
    /// ```
    /// use vntext::segment::Segmenter;
    ///
    /// let seg = Segmenter::builder().words(["Cụm thi đua"]).build();
    /// assert!(seg.segment("Cụm thi đua các tỉnh").count() >= 2);
    /// ```
    pub fn build(self) -> Segmenter {
        let base = self.model.unwrap_or_else(|| EMBEDDED_MODEL.clone());
        if self.words.is_empty() {
            return Segmenter {
                model: base,
                normalizer: Normalizer::new(),
            };
        }
        let mut model: Model<'static> = (*base).clone().into_owned();
        let normalizer = Normalizer::new();
        for w in &self.words {
            let w = normalizer.normalize(w);
            let tokens: Vec<&str> = pretokenize(&w).map(|t| t.text).collect();
            if !(2..=MAX_WORD).contains(&tokens.len()) {
                continue;
            }
            for (folded, variant) in [(false, &mut model.accented), (true, &mut model.folded)] {
                let keys: Vec<u64> = tokens.iter().map(|t| token_key(t, folded)).collect();
                variant.lexicon.insert(&keys);
            }
        }
        Segmenter {
            model: Arc::new(model),
            normalizer,
        }
    }
}

impl Segmenter {
    /// A segmenter with the embedded model (trained on UD Vietnamese VTB and the silver data).
    /// The model is read once per process, without copying.
    ///
    /// ```
    /// use vntext::segment::Segmenter;
    ///
    /// // Text typed without diacritics is segmented too.
    /// let words: Vec<&str> =
    ///     Segmenter::new().segment("Thu truong Bo Noi vu").map(|w| w.text).collect();
    /// assert_eq!(words, ["Thu truong", "Bo", "Noi vu"]);
    /// ```
    pub fn new() -> Segmenter {
        SegmenterBuilder::new().build()
    }

    /// Identifies the model and lexicon: two segmenters with the same identity segment alike.
    #[cfg(feature = "index")]
    pub(crate) fn identity(&self) -> usize {
        Arc::as_ptr(&self.model) as usize
    }

    /// A builder, to add a user lexicon or use another model file.
    ///
    /// ```
    /// use vntext::segment::Segmenter;
    ///
    /// let seg = Segmenter::builder().words(["hòa lộc"]).build();
    /// assert_eq!(seg.segment("xoài hòa lộc").last().unwrap().text, "hòa lộc");
    /// ```
    pub fn builder() -> SegmenterBuilder {
        SegmenterBuilder::new()
    }

    /// A segmenter with the model read from `path` (a file written by the training program).
    ///
    /// # Errors
    /// An I/O error, or [`ModelError`] (as `InvalidData`) when the file is not a valid model.
    ///
    /// ```
    /// use vntext::segment::Segmenter;
    ///
    /// let missing = Segmenter::from_model_file("/no/such/model.bin").unwrap_err();
    /// assert_eq!(missing.kind(), std::io::ErrorKind::NotFound);
    /// ```
    pub fn from_model_file(path: impl AsRef<Path>) -> std::io::Result<Segmenter> {
        Ok(SegmenterBuilder::new().model_file(path)?.build())
    }

    /// A segmenter with the model in `bytes`.
    ///
    /// # Errors
    /// [`ModelError`] when the bytes are not a valid model.
    ///
    /// ```
    /// use vntext::segment::Segmenter;
    ///
    /// let err = Segmenter::from_model_bytes(b"VNSEGMD1 but truncated").unwrap_err();
    /// assert!(err.to_string().starts_with("invalid segmentation model"));
    /// ```
    pub fn from_model_bytes(bytes: &[u8]) -> Result<Segmenter, ModelError> {
        let model = Model::from_bytes(bytes)?.into_owned();
        Ok(Segmenter {
            model: Arc::new(model),
            normalizer: Normalizer::new(),
        })
    }

    /// Segments `text` into words, in order, with spans into `text`. Every non-space byte of
    /// `text` lies in exactly one word.
    ///
    /// The words of one call are found together (the tagger looks ahead); the iterator hands
    /// them out one by one, each borrowing `text`. Memory for one call grows with the text
    /// (a few tens of bytes per word); feed very large inputs by paragraph.
    ///
    /// ```
    /// use vntext::segment::Segmenter;
    ///
    /// let text = "Ông Nguyễn Văn A, Phó Chủ tịch UBND tỉnh Quảng Ninh.";
    /// let seg = Segmenter::new();
    /// let joined: Vec<String> = seg.segment(text).map(|w| w.text.replace(' ', "_")).collect();
    /// assert_eq!(joined.join(" "), "Ông Nguyễn_Văn_A , Phó_Chủ_tịch UBND tỉnh Quảng_Ninh .");
    /// // Every word is a slice of the text at its span.
    /// assert!(seg.segment(text).all(|w| &text[w.span.range()] == w.text));
    /// ```
    pub fn segment<'a>(&self, text: &'a str) -> Words<'a> {
        let normalized = self.normalizer.normalize_with_offsets(text);
        let norm = normalized.text();
        let map = normalized.map();
        let words = SCRATCH.with(|cell| {
            let mut guard = cell.borrow_mut();
            let Scratch {
                tokens,
                sentence,
                starts,
            } = &mut *guard;
            tokens.clear();
            tokens.extend(pretokenize(norm).map(|t| (t.span, t.kind)));
            if tokens.is_empty() {
                return Vec::new();
            }
            // Text typed without diacritics gets the folded variant.
            let (mut letters, mut marked) = (0usize, 0usize);
            for &(span, kind) in tokens.iter() {
                if matches!(kind, PreTokenKind::Syllable | PreTokenKind::Foreign) {
                    letters += 1;
                    marked += !norm[span.range()].is_ascii() as usize;
                }
            }
            let folded = letters >= 3 && marked * 10 < letters;
            let variant: &Variant<'_> = if folded {
                &self.model.folded
            } else {
                &self.model.accented
            };
            sentence.fill(
                tokens.iter().map(|(span, _)| &norm[span.range()]),
                folded,
                &variant.lexicon,
            );
            variant.tag(sentence, starts);
            let mut words = Vec::with_capacity(tokens.len());
            let mut i = 0;
            while i < tokens.len() {
                let mut j = i + 1;
                while j < tokens.len() && !starts[j] {
                    j += 1;
                }
                let span = map.to_original(Span::new(tokens[i].0.start, tokens[j - 1].0.end));
                let kind = if j - i > 1 {
                    WordKind::Word
                } else {
                    kind_of(tokens[i].1)
                };
                // Normalization may have split one original character into several (a
                // decomposition): words that map onto the same original bytes become one.
                if let Some(last) = words
                    .last_mut()
                    .filter(|w: &&mut Word<'a>| span.start < w.span.end)
                {
                    let end = span.end.max(last.span.end);
                    last.span = Span::new(last.span.start, end);
                    last.text = &text[last.span.range()];
                    last.syllables += j - i;
                    i = j;
                    continue;
                }
                if span.is_empty() {
                    i = j;
                    continue;
                }
                words.push(Word {
                    text: &text[span.range()],
                    span,
                    kind,
                    syllables: j - i,
                });
                i = j;
            }
            // A very long text leaves large buffers behind: keep room for ordinary documents
            // only, so a thread does not hold on to memory after one huge input.
            if tokens.capacity() > KEEP_TOKENS {
                tokens.clear();
                tokens.shrink_to(KEEP_TOKENS);
                sentence.clear_and_shrink(KEEP_TOKENS);
                starts.clear();
                starts.shrink_to(KEEP_TOKENS);
            }
            words
        });
        Words {
            inner: words.into_iter(),
        }
    }
}

/// Tokens the per-thread buffers keep room for between calls: about 1 MiB of text, some
/// 10 MB of buffers. A longer text allocates its own each call (about 12 % slower for a 10 MiB
/// text than reusing them) and gives the memory back.
const KEEP_TOKENS: usize = 1 << 18;

/// Buffers reused between calls on one thread.
#[derive(Default)]
struct Scratch {
    tokens: Vec<(Span, PreTokenKind)>,
    sentence: Sentence,
    starts: Vec<bool>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The words of a text, in order (see [`Segmenter::segment`]).
///
/// ```
/// use vntext::segment::Segmenter;
///
/// let words = Segmenter::new().segment("Đồng bằng sông Hồng");
/// assert_eq!(words.len(), 3);
/// assert_eq!(words.rev().next().unwrap().text, "Hồng");
/// ```
#[derive(Clone, Debug)]
pub struct Words<'a> {
    inner: std::vec::IntoIter<Word<'a>>,
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        self.inner.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl ExactSizeIterator for Words<'_> {}

impl DoubleEndedIterator for Words<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back()
    }
}

fn kind_of(k: PreTokenKind) -> WordKind {
    match k {
        PreTokenKind::Syllable | PreTokenKind::Abbreviation => WordKind::Word,
        PreTokenKind::Foreign => WordKind::Foreign,
        PreTokenKind::Number => WordKind::Number,
        PreTokenKind::Date => WordKind::Date,
        PreTokenKind::Url => WordKind::Url,
        PreTokenKind::Email => WordKind::Email,
        PreTokenKind::Punctuation => WordKind::Punctuation,
        _ => WordKind::Symbol,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_loads_and_is_shared() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Segmenter>();
        let a = Segmenter::new();
        let b = Segmenter::new();
        assert!(Arc::ptr_eq(&a.model, &b.model));
    }

    #[test]
    fn user_words_join() {
        let text = "xoài cát hòa lộc ngon";
        let plain: Vec<&str> = Segmenter::new().segment(text).map(|w| w.text).collect();
        assert!(!plain.contains(&"xoài cát"), "{plain:?}");
        let with = Segmenter::builder().words(["xoài_cát"]).build();
        let joined: Vec<&str> = with.segment(text).map(|w| w.text).collect();
        assert!(joined.contains(&"xoài cát"), "{joined:?}");
    }
}
