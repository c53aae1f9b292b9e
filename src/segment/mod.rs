//! Word segmentation: syllables and other tokens, then words.
//!
//! The [`pretokenize()`] pass splits text into Vietnamese syllables, foreign words, numbers,
//! dates and times, URLs, emails, hashtags and mentions, abbreviations, punctuation and symbols,
//! each with its byte span. The [`Segmenter`] groups them into words with a tagger trained on
//! UD Vietnamese VTB, for text with or without diacritics.
//!
//! ```
//! use vntext::segment::Segmenter;
//!
//! let seg = Segmenter::new();
//! let words: Vec<&str> = seg.segment("Thứ trưởng Bộ Nội vụ").map(|w| w.text).collect();
//! assert_eq!(words, ["Thứ trưởng", "Bộ", "Nội vụ"]);
//! ```

#[doc(hidden)]
pub mod model;
mod pretokenize;
mod segmenter;

pub use model::ModelError;
pub use pretokenize::{PreToken, PreTokenKind, PreTokens, pretokenize};
pub(crate) use segmenter::is_lexicon_word;
pub use segmenter::{Segmenter, SegmenterBuilder, Word, WordKind, Words};
