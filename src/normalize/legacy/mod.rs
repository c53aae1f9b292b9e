//! Legacy Vietnamese encodings (TCVN3, VNI, VIQR, VISCII, CP1258) and their detection.

use crate::error::DecodeError;

/// Decodes raw bytes to text.
///
/// # Errors
/// [`DecodeError`] when the bytes are not valid UTF-8.
pub fn decode_bytes(bytes: &[u8]) -> Result<String, DecodeError> {
    std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|e| DecodeError {
            valid_up_to: e.valid_up_to(),
        })
}
