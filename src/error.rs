//! Error types. Processing text never fails; only parsers of a single item and decoders of raw
//! bytes return these.

use std::fmt;

/// The text given to [`Syllable::parse`](crate::syllable::Syllable::parse) is not one valid
/// Vietnamese syllable.
///
/// ```
/// use vntext::syllable::Syllable;
///
/// let err = Syllable::parse("Zoé").unwrap_err();
/// assert_eq!(err.to_string(), r#"not a Vietnamese syllable: "Zoé""#);
/// // Two syllables are not one.
/// assert!("Hà Nội".parse::<Syllable>().is_err());
/// ```
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
///
/// ```
/// use vntext::normalize::legacy::decode_bytes;
///
/// // "Việt Nam" in UTF-8, then binary garbage.
/// let err = decode_bytes(b"Vi\xe1\xbb\x87t Nam\xff\xfe\x00\x00").unwrap_err();
/// assert_eq!(err.valid_up_to(), 10);
/// assert!(err.to_string().contains("invalid at byte 10"));
/// ```
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
    ///
    /// ```
    /// let bytes = b"\xc4\x90\xc3\xa0 \x00\x01\xff\xfe\x80";
    /// let err = vntext::normalize::legacy::decode_bytes(bytes).unwrap_err();
    /// // "Đà " is valid UTF-8, and so are the NUL and U+0001 after it; 0xFF is not.
    /// assert_eq!(err.valid_up_to(), 7);
    /// assert_eq!(std::str::from_utf8(&bytes[..err.valid_up_to()]), Ok("Đà \0\u{1}"));
    /// ```
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
