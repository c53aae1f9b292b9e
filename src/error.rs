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
/// neither valid UTF-8 nor plausibly text in one of the legacy Vietnamese encodings.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodeError {
    valid_up_to: usize,
}

impl DecodeError {
    pub(crate) fn new(valid_up_to: usize) -> Self {
        DecodeError { valid_up_to }
    }

    /// The length of the longest prefix of the bytes that is valid UTF-8.
    pub fn valid_up_to(&self) -> usize {
        self.valid_up_to
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "bytes are neither UTF-8 (invalid at byte {}) nor text in a legacy Vietnamese encoding",
            self.valid_up_to
        )
    }
}

impl std::error::Error for DecodeError {}
