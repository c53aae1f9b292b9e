//! Error types. Processing text never fails; only parsers of a single item and decoders of raw
//! bytes return these.

use std::fmt;

/// The text given to [`Syllable::parse`](crate::syllable::Syllable::parse) is not one valid
/// Vietnamese syllable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseSyllableError {
    text: String,
}

impl ParseSyllableError {
    pub(crate) fn new(text: &str) -> Self {
        // Keep the message short whatever the input.
        let text = text.chars().take(32).collect();
        ParseSyllableError { text }
    }
}

impl fmt::Display for ParseSyllableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a Vietnamese syllable: {:?}", self.text)
    }
}

impl std::error::Error for ParseSyllableError {}

/// Raw bytes that could not be read as text in any supported encoding.
///
/// Returned by [`decode_bytes`](crate::normalize::legacy::decode_bytes) when the bytes are
/// neither valid UTF-8 nor plausibly one of the legacy Vietnamese encodings.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodeError {
    /// Byte offset of the first byte that is not valid UTF-8.
    pub valid_up_to: usize,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "bytes are neither UTF-8 (invalid at byte {}) nor a legacy Vietnamese encoding",
            self.valid_up_to
        )
    }
}

impl std::error::Error for DecodeError {}
