//! The `vi` and `vi_folded` analyzers: normalized, lower-cased words (or their folded keys),
//! each word of several syllables emitted as a whole (`cộng_hòa`) and as its syllables at
//! consecutive positions, with byte offsets into the original text and no length cut.

use std::cell::RefCell;
use std::fmt;
use std::hash::Hasher;
use std::rc::Rc;

use tantivy::Index;
use tantivy::tokenizer::TextAnalyzer;
use tantivy_tokenizer_api::{Token, TokenStream, Tokenizer};

use crate::normalize::Normalizer;
use crate::segment::{Segmenter, WordKind};
use crate::span::Span;

/// The name of the analyzer of exact fields.
///
/// ```
/// use tantivy::schema::FieldType;
/// use vntext::index::{VI, schema};
///
/// assert_eq!(VI, "vi");
/// let (schema, fields) = schema();
/// let FieldType::Str(options) = schema.get_field_entry(fields.body).field_type() else {
///     unreachable!()
/// };
/// assert_eq!(options.get_indexing_options().unwrap().tokenizer(), VI);
/// ```
pub const VI: &str = "vi";
/// The name of the analyzer of folded fields.
///
/// ```
/// use tantivy::tokenizer::TokenStream;
/// use vntext::index::{Indexer, VI_FOLDED};
///
/// let indexer = Indexer::in_ram(1)?;
/// let mut analyzer = indexer.index().tokenizers().get(VI_FOLDED).unwrap();
/// let mut stream = analyzer.token_stream("Đường Hồ Chí Minh");
/// let mut keys = Vec::new();
/// stream.process(&mut |t| keys.push(t.text.clone()));
/// assert!(keys.contains(&"duong".to_string()));
/// assert!(keys.iter().all(|k| k.is_ascii()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const VI_FOLDED: &str = "vi_folded";

/// Registers the `vi` and `vi_folded` analyzers on `index`. An index stores only the names of
/// its analyzers: call this each time an index is created or opened, before writing or
/// searching.
///
/// ```
/// use tantivy::Index;
/// use tantivy::tokenizer::TokenStream;
/// use vntext::index::{VI, register, schema};
///
/// let index = Index::create_in_ram(schema().0);
/// assert!(index.tokenizers().get(VI).is_none());
/// register(&index);
/// let mut analyzer = index.tokenizers().get(VI).unwrap();
/// let mut stream = analyzer.token_stream("Hoà bình");
/// let mut keys = Vec::new();
/// stream.process(&mut |t| keys.push(t.text.clone()));
/// // One tone placement; the word, then its syllables.
/// assert_eq!(keys, ["hòa_bình", "hòa", "bình"]);
/// ```
pub fn register(index: &Index) {
    let segmenter = Segmenter::new();
    index.tokenizers().register(
        VI,
        TextAnalyzer::from(ViTokenizer::new(segmenter.clone(), false)),
    );
    index.tokenizers().register(
        VI_FOLDED,
        TextAnalyzer::from(ViTokenizer::new(segmenter, true)),
    );
}

/// The tokenizer behind `vi` (exact) and `vi_folded` (folded keys).
///
/// ```
/// use tantivy::tokenizer::{TokenStream, Tokenizer};
/// use vntext::index::ViTokenizer;
/// use vntext::segment::Segmenter;
///
/// let mut tokenizer = ViTokenizer::new(Segmenter::new(), false);
/// let mut stream = tokenizer.token_stream("Thứ trưởng Bộ Nội vụ.");
/// let mut keys = Vec::new();
/// while stream.advance() {
///     keys.push(stream.token().text.clone());
/// }
/// assert_eq!(keys, ["thứ_trưởng", "thứ", "trưởng", "bộ", "nội_vụ", "nội", "vụ"]);
/// ```
#[derive(Clone, Debug)]
pub struct ViTokenizer {
    segmenter: Segmenter,
    normalizer: Normalizer,
    folded: bool,
}

impl ViTokenizer {
    /// A tokenizer using `segmenter`; `folded` gives the folded keys (no diacritics, đ → d).
    ///
    /// ```
    /// use tantivy::tokenizer::{TokenStream, Tokenizer};
    /// use vntext::index::ViTokenizer;
    /// use vntext::segment::Segmenter;
    ///
    /// let mut folded = ViTokenizer::new(Segmenter::new(), true);
    /// let mut stream = folded.token_stream("Đồng bằng sông Hồng");
    /// let mut keys = Vec::new();
    /// stream.process(&mut |t| keys.push(t.text.clone()));
    /// assert!(keys.contains(&"dong_bang".to_string()));
    /// assert!(keys.contains(&"song".to_string()));
    /// ```
    pub fn new(segmenter: Segmenter, folded: bool) -> ViTokenizer {
        ViTokenizer {
            segmenter,
            normalizer: Normalizer::new(),
            folded,
        }
    }

    /// The key of one syllable or word as this tokenizer indexes it.
    ///
    /// ```
    /// use vntext::index::ViTokenizer;
    /// use vntext::segment::Segmenter;
    ///
    /// let exact = ViTokenizer::new(Segmenter::new(), false);
    /// let folded = ViTokenizer::new(Segmenter::new(), true);
    /// assert_eq!(exact.key("Hoà"), "hòa");
    /// assert_eq!(exact.key("Uỷ"), "ủy");
    /// assert_eq!(folded.key("Đường"), "duong");
    /// assert_eq!(folded.key("HCM"), "hcm");
    /// ```
    pub fn key(&self, text: &str) -> String {
        let mut out = String::new();
        self.push_key(text, &mut out);
        out
    }
}

/// The words of a text: each indexable word's span and the range of its syllables.
#[derive(Debug, Default)]
struct Words {
    /// (word span, first syllable, number of syllables).
    words: Vec<(Span, u32, u32)>,
    syllables: Vec<Span>,
}

/// The words of the last text segmented on this thread: the `vi` and `vi_folded` fields of a
/// document hold the same text and are analyzed one after the other, so the second reuses the
/// first's segmentation.
struct LastWords {
    /// The segmenter that found them (its identity), the text's hash and its length.
    key: (usize, u64, usize),
    words: Rc<Words>,
}

thread_local! {
    static LAST: RefCell<Option<LastWords>> = const { RefCell::new(None) };
}

fn text_hash(text: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    h.write(text.as_bytes());
    h.finish()
}

/// The indexable words of `text` with their syllables (punctuation and symbols left out).
fn words_of(segmenter: &Segmenter, text: &str) -> Words {
    let mut out = Words::default();
    for w in segmenter.segment(text) {
        if matches!(w.kind, WordKind::Punctuation | WordKind::Symbol) {
            continue;
        }
        let first = out.syllables.len() as u32;
        let mut start = None;
        for (k, c) in w.text.char_indices() {
            match (c.is_whitespace(), start) {
                (false, None) => start = Some(k),
                (true, Some(s)) => {
                    out.syllables
                        .push(Span::new(w.span.start + s, w.span.start + k));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.syllables.push(Span::new(w.span.start + s, w.span.end));
        }
        let n = out.syllables.len() as u32 - first;
        if n > 0 {
            out.words.push((w.span, first, n));
        }
    }
    out
}

impl Tokenizer for ViTokenizer {
    type TokenStream<'a> = ViTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ViTokenStream<'a> {
        let key = (self.segmenter.identity(), text_hash(text), text.len());
        let words = LAST.with(|last| {
            let mut last = last.borrow_mut();
            match last.as_ref() {
                Some(l) if l.key == key => l.words.clone(),
                _ => {
                    let words = Rc::new(words_of(&self.segmenter, text));
                    *last = Some(LastWords {
                        key,
                        words: words.clone(),
                    });
                    words
                }
            }
        });
        ViTokenStream {
            text,
            tokenizer: self,
            words,
            word: 0,
            part: 0,
            position: 0,
            token: Token::default(),
        }
    }
}

/// The tokens of one text, made one at a time into one reused token.
///
/// A word of several syllables comes first, spanning them all, then its syllables at
/// consecutive positions; offsets are bytes of the text given:
///
/// ```
/// use tantivy::tokenizer::{TokenStream, Tokenizer};
/// use vntext::index::ViTokenizer;
/// use vntext::segment::Segmenter;
///
/// let text = "Ủy ban nhân dân";
/// let mut tokenizer = ViTokenizer::new(Segmenter::new(), true);
/// let mut stream = tokenizer.token_stream(text);
/// assert!(stream.advance());
/// let t = stream.token();
/// assert_eq!(t.text, "uy_ban");
/// assert_eq!((t.position, t.position_length), (0, 2));
/// assert_eq!(&text[t.offset_from..t.offset_to], "Ủy ban");
/// assert!(stream.advance());
/// assert_eq!(stream.token().text, "uy");
/// assert_eq!(&text[stream.token().offset_from..stream.token().offset_to], "Ủy");
/// ```
pub struct ViTokenStream<'a> {
    text: &'a str,
    tokenizer: &'a ViTokenizer,
    words: Rc<Words>,
    /// The word being emitted.
    word: usize,
    /// Within it: 0 = the whole word (when it has several syllables), then 1.. its syllables.
    part: usize,
    /// Position of the word's first syllable.
    position: usize,
    token: Token,
}

impl fmt::Debug for ViTokenStream<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ViTokenStream")
            .field("word", &self.word)
            .field("token", &self.token)
            .finish_non_exhaustive()
    }
}

impl ViTokenizer {
    /// Appends the key of `text` (one syllable) to `out`.
    fn push_key(&self, text: &str, out: &mut String) {
        if text.is_ascii() {
            out.extend(text.bytes().map(|b| b.to_ascii_lowercase() as char));
            return;
        }
        let n = self.normalizer.normalize(text);
        if self.folded {
            crate::normalize::fold_into(&n, out);
        } else {
            out.extend(n.chars().flat_map(char::to_lowercase));
        }
    }
}

impl TokenStream for ViTokenStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let Some(&(span, first, n)) = self.words.words.get(self.word) else {
                return false;
            };
            let (first, n) = (first as usize, n as usize);
            // Words of one syllable skip the whole-word token.
            if self.part == 0 && n == 1 {
                self.part = 1;
            }
            if self.part > n {
                self.word += 1;
                self.part = 0;
                self.position += n;
                continue;
            }
            let t = &mut self.token;
            t.text.clear();
            if self.part == 0 {
                // The word first (it starts where its first syllable does), then its syllables,
                // so that offsets never go back and the last token reaches the word's end.
                for (k, s) in self.words.syllables[first..first + n].iter().enumerate() {
                    if k > 0 {
                        t.text.push('_');
                    }
                    self.tokenizer.push_key(&self.text[s.range()], &mut t.text);
                }
                t.offset_from = span.start;
                t.offset_to = span.end;
                t.position = self.position;
                t.position_length = n;
            } else {
                let s = self.words.syllables[first + self.part - 1];
                self.tokenizer.push_key(&self.text[s.range()], &mut t.text);
                t.offset_from = s.start;
                t.offset_to = s.end;
                t.position = self.position + self.part - 1;
                t.position_length = 1;
            }
            self.part += 1;
            // A syllable whose key is empty (a lone combining mark of another script) is not
            // indexed.
            if t.text.is_empty() || t.text.split('_').any(str::is_empty) {
                continue;
            }
            return true;
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(folded: bool, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut t = ViTokenizer::new(Segmenter::new(), folded);
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            let k = s.token();
            out.push((k.text.clone(), k.position, k.offset_from, k.offset_to));
        }
        out
    }

    #[test]
    fn compounds_and_their_syllables() {
        let text = "Thứ trưởng Bộ Nội vụ.";
        let t = tokens(false, text);
        let texts: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            texts,
            ["thứ_trưởng", "thứ", "trưởng", "bộ", "nội_vụ", "nội", "vụ"]
        );
        let positions: Vec<usize> = t.iter().map(|x| x.1).collect();
        assert_eq!(positions, [0, 0, 1, 2, 3, 3, 4]);
        for (key, _, a, b) in &t {
            let orig = &text[*a..*b];
            assert_eq!(
                orig.to_lowercase().replace(' ', "_"),
                *key,
                "offsets slice the original"
            );
        }
        let f = tokens(true, "Đồng bằng sông Hồng");
        assert!(f.iter().any(|x| x.0 == "dong"));
        assert!(f.iter().all(|x| x.0.is_ascii()));
    }

    #[test]
    fn both_placements_and_decomposed_text_give_one_key() {
        let a = tokens(false, "hòa bình");
        let b = tokens(false, "hoà bình");
        let c = tokens(false, "ho\u{300}a bi\u{300}nh");
        let keys = |v: &[(String, usize, usize, usize)]| -> Vec<String> {
            v.iter().map(|x| x.0.clone()).collect()
        };
        assert_eq!(keys(&a), keys(&b));
        assert_eq!(keys(&a), keys(&c));
    }

    #[test]
    fn long_words_are_not_cut() {
        let long = "Pneumonoultramicroscopicsilicovolcanoconiosis là một từ dài";
        let t = tokens(false, long);
        assert!(t.iter().any(|x| x.0.len() > 40), "{t:?}");
    }
}
