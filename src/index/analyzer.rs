//! The `vi` and `vi_folded` analyzers: normalized, lower-cased words (or their folded keys),
//! each word of several syllables emitted as a whole (`cộng_hòa`) and as its syllables at
//! consecutive positions, with byte offsets into the original text and no length cut.

use std::cell::RefCell;
use std::hash::Hasher;

use tantivy::Index;
use tantivy::tokenizer::TextAnalyzer;
use tantivy_tokenizer_api::{Token, TokenStream, Tokenizer};

use crate::normalize::{Normalizer, fold};
use crate::segment::{Segmenter, WordKind};
use crate::span::Span;

/// The name of the analyzer of exact fields.
pub const VI: &str = "vi";
/// The name of the analyzer of folded fields.
pub const VI_FOLDED: &str = "vi_folded";

/// Registers the `vi` and `vi_folded` analyzers on `index`. An index stores only the names of
/// its analyzers: call this each time an index is created or opened, before writing or
/// searching.
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
#[derive(Clone, Debug)]
pub struct ViTokenizer {
    segmenter: Segmenter,
    normalizer: Normalizer,
    folded: bool,
}

impl ViTokenizer {
    /// A tokenizer using `segmenter`; `folded` gives the folded keys (no diacritics, đ → d).
    pub fn new(segmenter: Segmenter, folded: bool) -> ViTokenizer {
        ViTokenizer {
            segmenter,
            normalizer: Normalizer::new(),
            folded,
        }
    }

    /// The key of one syllable or word as this tokenizer indexes it.
    pub fn key(&self, text: &str) -> String {
        let n = self.normalizer.normalize(text);
        if self.folded {
            fold(&n).into_owned()
        } else {
            n.to_lowercase()
        }
    }
}

/// The words of the last text segmented on this thread: the `vi` and `vi_folded` fields of a
/// document hold the same text and are analyzed one after the other, so the second reuses the
/// first's segmentation.
struct LastWords {
    hash: u64,
    len: usize,
    /// (word span, the spans of its syllables) per indexable word.
    words: Vec<(Span, Vec<Span>)>,
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
fn words_of(segmenter: &Segmenter, text: &str) -> Vec<(Span, Vec<Span>)> {
    let mut out = Vec::new();
    for w in segmenter.segment(text) {
        if matches!(w.kind, WordKind::Punctuation | WordKind::Symbol) {
            continue;
        }
        let mut syllables = Vec::with_capacity(w.syllables);
        let mut start = None;
        for (k, c) in w.text.char_indices() {
            match (c.is_whitespace(), start) {
                (false, None) => start = Some(k),
                (true, Some(s)) => {
                    syllables.push(Span::new(w.span.start + s, w.span.start + k));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            syllables.push(Span::new(w.span.start + s, w.span.end));
        }
        if !syllables.is_empty() {
            out.push((w.span, syllables));
        }
    }
    out
}

impl Tokenizer for ViTokenizer {
    type TokenStream<'a> = ViTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ViTokenStream {
        let hash = text_hash(text);
        let words = LAST.with(|last| {
            let mut last = last.borrow_mut();
            match last.as_ref() {
                Some(l) if l.hash == hash && l.len == text.len() => l.words.clone(),
                _ => {
                    let words = words_of(&self.segmenter, text);
                    *last = Some(LastWords {
                        hash,
                        len: text.len(),
                        words: words.clone(),
                    });
                    words
                }
            }
        });
        let mut tokens = Vec::with_capacity(words.len() * 2);
        let mut position = 0;
        for (span, syllables) in &words {
            let keys: Vec<String> = syllables
                .iter()
                .map(|s| self.key(&text[s.range()]))
                .collect();
            // The word first (it starts where its first syllable does), then its syllables,
            // so that offsets never go back and the last token reaches the word's end.
            if keys.len() > 1 {
                tokens.push(Token {
                    offset_from: span.start,
                    offset_to: span.end,
                    position,
                    text: keys.join("_"),
                    position_length: keys.len(),
                });
            }
            for (k, (s, key)) in syllables.iter().zip(keys).enumerate() {
                tokens.push(Token {
                    offset_from: s.start,
                    offset_to: s.end,
                    position: position + k,
                    text: key,
                    position_length: 1,
                });
            }
            position += syllables.len();
        }
        ViTokenStream {
            tokens,
            index: usize::MAX,
        }
    }
}

/// The tokens of one text.
#[derive(Debug)]
pub struct ViTokenStream {
    tokens: Vec<Token>,
    index: usize,
}

impl TokenStream for ViTokenStream {
    fn advance(&mut self) -> bool {
        self.index = self.index.wrapping_add(1);
        self.index < self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.index.min(self.tokens.len().saturating_sub(1))]
    }

    fn token_mut(&mut self) -> &mut Token {
        let i = self.index.min(self.tokens.len().saturating_sub(1));
        &mut self.tokens[i]
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
