//! The segmenter: normalize, pre-tokenize, tag, and group tokens into words with spans in the
//! original text.

use std::path::Path;
use std::sync::Arc;

use super::model::{Model, ModelError, Sentence, Variant};
use super::pretokenize::{PreTokenKind, pretokenize};
use crate::normalize::Normalizer;
use crate::span::Span;

/// What a word is.
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

/// A word segmenter. Cheap to clone and share between threads.
#[derive(Clone, Debug)]
pub struct Segmenter {
    model: Arc<Model<'static>>,
    normalizer: Normalizer,
}

impl Segmenter {
    /// A segmenter with the model read from `path` (a file written by the training program).
    ///
    /// # Errors
    /// An I/O error, or [`ModelError`] (as `InvalidData`) when the file is not a valid model.
    pub fn from_model_file(path: impl AsRef<Path>) -> std::io::Result<Segmenter> {
        let bytes = std::fs::read(path)?;
        Segmenter::from_model_bytes(bytes)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }

    /// A segmenter with the model in `bytes`.
    ///
    /// # Errors
    /// [`ModelError`] when the bytes are not a valid model.
    pub fn from_model_bytes(bytes: Vec<u8>) -> Result<Segmenter, ModelError> {
        let model = Model::from_bytes(&bytes)?.into_owned();
        Ok(Segmenter {
            model: Arc::new(model),
            normalizer: Normalizer::new(),
        })
    }

    /// Segments `text` into words, in order, with spans into `text`.
    pub fn segment<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        let normalized = self.normalizer.normalize_with_offsets(text);
        let norm = normalized.text();
        let map = normalized.map();
        let tokens: Vec<_> = pretokenize(norm).collect();
        if tokens.is_empty() {
            return Vec::new();
        }
        // Text typed without diacritics gets the folded variant.
        let marked = tokens
            .iter()
            .filter(|t| !t.text.is_ascii() && t.text.chars().any(char::is_alphabetic))
            .count();
        let letters = tokens
            .iter()
            .filter(|t| t.text.chars().any(char::is_alphabetic))
            .count();
        let folded = letters >= 3 && marked * 10 < letters;
        let variant: &Variant<'_> = if folded {
            &self.model.folded
        } else {
            &self.model.accented
        };
        let mut sentence = Sentence::default();
        sentence.fill(tokens.iter().map(|t| t.text), folded, &variant.lexicon);
        let mut starts = Vec::with_capacity(tokens.len());
        variant.tag(&sentence, &mut starts);
        let mut words = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let mut j = i + 1;
            while j < tokens.len() && !starts[j] {
                j += 1;
            }
            let span = map.to_original(Span::new(tokens[i].span.start, tokens[j - 1].span.end));
            let kind = if j - i > 1 {
                WordKind::Word
            } else {
                kind_of(tokens[i].kind)
            };
            words.push(Word {
                text: &text[span.range()],
                span,
                kind,
                syllables: j - i,
            });
            i = j;
        }
        words
    }
}

fn kind_of(k: PreTokenKind) -> WordKind {
    match k {
        PreTokenKind::Syllable => WordKind::Word,
        _ => WordKind::Symbol,
    }
}
