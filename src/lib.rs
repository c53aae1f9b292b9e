//! # vntext: Vietnamese text, made searchable
//!
//! vntext repairs and normalizes Vietnamese text and gives it a search key:
//!
//! - [`normalize`](normalize::normalize): NFC, combining marks in the right order, one tone
//!   placement (hòa or hoà), look-alike and invisible characters, Unicode spaces and full-width
//!   forms; borrowed when the text is already clean, with an [`OffsetMap`](normalize::OffsetMap)
//!   back to the original bytes when it is not.
//! - [`fold`]: the search key (lower case, no diacritics, đ → d).
//! - [`syllable`]: the Vietnamese syllable taken apart (onset, medial, nucleus, coda, tone).
//! - [`legacy`](normalize::legacy): TCVN3, VNI, VIQR, VISCII and CP1258 decoding, with detection.
//!
//! ```
//! use vntext::normalize::{fold, normalize};
//!
//! let text = "Uỷ ban nhân dân tỉnh Khánh Hoà";
//! assert_eq!(normalize(text), "Ủy ban nhân dân tỉnh Khánh Hòa");
//! assert_eq!(fold(text), "uy ban nhan dan tinh khanh hoa");
//! ```
//!
//! Built on these: [`segment`] (words, with or without diacritics), [`entity`] (officials,
//! places across the 2025 merger, organizations and dates, each resolved to a value) and,
//! with the `index` feature, `index` (Tantivy analyzers, an indexer and a searcher).
//!
//! ## Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `index` | yes | the Tantivy analyzers (`vi`, `vi_folded`), the indexer and the searcher; pulls in tantivy, rayon and serde_json |
//!
//! Without default features (`vntext = { version = "0.1", default-features = false }`) the
//! normalizer, legacy decoders, syllables, segmenter and entity extractor build with three
//! small dependencies: unicode-normalization, encoding_rs and serde.
//!
//! Processing text never fails and never panics; only parsers of a single item
//! ([`Syllable::parse`](syllable::Syllable::parse)) and decoders of raw bytes return errors.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod entity;
pub mod error;
#[cfg(feature = "index")]
pub mod index;
pub mod normalize;
pub mod segment;
pub mod span;
pub mod syllable;

pub use error::{DecodeError, ParseSyllableError};
pub use normalize::{fold, normalize};
pub use span::Span;

/// The README's examples, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
