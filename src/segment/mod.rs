//! Word segmentation: syllables and other tokens, then words.
//!
//! The [`pretokenize()`] pass splits text into Vietnamese syllables, foreign words, numbers,
//! dates and times, URLs, emails, hashtags and mentions, abbreviations, punctuation and symbols,
//! each with its byte span.

#[doc(hidden)]
pub mod model;
mod pretokenize;
mod segmenter;

pub use pretokenize::{PreToken, PreTokenKind, PreTokens, pretokenize};
pub(crate) use segmenter::is_lexicon_word;
pub use segmenter::{Segmenter, SegmenterBuilder, Word, WordKind, Words};
