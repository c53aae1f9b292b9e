//! The byte tables of the single-byte encodings, written from their published standards:
//!
//! - TCVN3 (ABC): TCVN 5712:1993, the VN3 set. VN3 gives codes to the lower-case toned vowels and
//!   to Ă Â Ê Ô Ơ Ư Đ only; the positions it leaves free in 0xA0..=0xFF hold the capitals and
//!   combining tone marks of the VN1 set of the same standard, which is how they are read here.
//! - VISCII: RFC 1456, Table 1 (VISCII 1.1), including the six capitals in C0 positions.
//! - Windows-1258: Microsoft's code page (precomposed letters plus five combining tone marks);
//!   the five codes it leaves undefined are read as the C1 controls of the same value, as the
//!   WHATWG Encoding Standard reads them.
//! - Windows-1252, 0x80..=0x9F: Microsoft's code page (the undefined codes read as C1 controls,
//!   as above). Used for the mojibake repair and for the 0x80..=0x9F bytes of TCVN3 and VNI text,
//!   where Windows put its typographic quotes and dashes.
//!
//! The VNI table lives in `vni.rs`, beside the code that reads its two-byte letters.
//!
//! The tests check every table against glibc `iconv` (TCVN5712-1, VISCII, CP1258) and
//! `encoding_rs` (windows-1258, windows-1252).

/// Windows-1252, bytes 0x80..=0x9F.
pub(super) const CP1252_80: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
    '\u{8F}', //
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// TCVN3, bytes 0xA0..=0xFF (VN3, with the VN1 capitals and combining marks in VN3's gaps).
pub(super) const TCVN3_A0: [char; 96] = [
    '\u{A0}', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ', //
    '\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ',
    'ẵ', 'ắ', 'Ẵ', //
    'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ', //
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò', //
    'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù', //
    'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố',
];

/// VISCII, bytes 0x80..=0xFF.
pub(super) const VISCII_80: [char; 128] = [
    'Ạ', 'Ắ', 'Ằ', 'Ặ', 'Ấ', 'Ầ', 'Ẩ', 'Ậ', 'Ẽ', 'Ẹ', 'Ế', 'Ề', 'Ể', 'Ễ', 'Ệ', 'Ố', //
    'Ồ', 'Ổ', 'Ỗ', 'Ộ', 'Ợ', 'Ớ', 'Ờ', 'Ở', 'Ị', 'Ỏ', 'Ọ', 'Ỉ', 'Ủ', 'Ũ', 'Ụ', 'Ỳ', //
    'Õ', 'ắ', 'ằ', 'ặ', 'ấ', 'ầ', 'ẩ', 'ậ', 'ẽ', 'ẹ', 'ế', 'ề', 'ể', 'ễ', 'ệ', 'ố', //
    'ồ', 'ổ', 'ỗ', 'Ỡ', 'Ơ', 'ộ', 'ờ', 'ở', 'ị', 'Ự', 'Ứ', 'Ừ', 'Ử', 'ơ', 'ớ', 'Ư', //
    'À', 'Á', 'Â', 'Ã', 'Ả', 'Ă', 'ẳ', 'ẵ', 'È', 'É', 'Ê', 'Ẻ', 'Ì', 'Í', 'Ĩ', 'ỳ', //
    'Đ', 'ứ', 'Ò', 'Ó', 'Ô', 'ạ', 'ỷ', 'ừ', 'ử', 'Ù', 'Ú', 'ỹ', 'ỵ', 'Ý', 'ỡ', 'ư', //
    'à', 'á', 'â', 'ã', 'ả', 'ă', 'ữ', 'ẫ', 'è', 'é', 'ê', 'ẻ', 'ì', 'í', 'ĩ', 'ỉ', //
    'đ', 'ự', 'ò', 'ó', 'ô', 'õ', 'ỏ', 'ọ', 'ụ', 'ù', 'ú', 'ũ', 'ủ', 'ý', 'ợ', 'Ữ',
];

/// The six VISCII capitals that take the place of C0 control codes.
pub(super) const VISCII_C0: [(u8, char); 6] = [
    (0x02, 'Ẳ'),
    (0x05, 'Ẵ'),
    (0x06, 'Ẫ'),
    (0x14, 'Ỷ'),
    (0x19, 'Ỹ'),
    (0x1E, 'Ỵ'),
];

/// Windows-1258, bytes 0x80..=0xFF.
pub(super) const CP1258_80: [char; 128] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', '\u{8A}', '‹', 'Œ', '\u{8D}', '\u{8E}',
    '\u{8F}', //
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', '\u{9A}', '›', 'œ', '\u{9D}', '\u{9E}',
    'Ÿ', //
    '\u{A0}', '¡', '¢', '£', '¤', '¥', '¦', '§', '¨', '©', 'ª', '«', '¬', '\u{AD}', '®',
    '¯', //
    '°', '±', '²', '³', '´', 'µ', '¶', '·', '¸', '¹', 'º', '»', '¼', '½', '¾', '¿', //
    'À', 'Á', 'Â', 'Ă', 'Ä', 'Å', 'Æ', 'Ç', 'È', 'É', 'Ê', 'Ë', '\u{300}', 'Í', 'Î', 'Ï', //
    'Đ', 'Ñ', '\u{309}', 'Ó', 'Ô', 'Ơ', 'Ö', '×', 'Ø', 'Ù', 'Ú', 'Û', 'Ü', 'Ư', '\u{303}',
    'ß', //
    'à', 'á', 'â', 'ă', 'ä', 'å', 'æ', 'ç', 'è', 'é', 'ê', 'ë', '\u{301}', 'í', 'î', 'ï', //
    'đ', 'ñ', '\u{323}', 'ó', 'ô', 'ơ', 'ö', '÷', 'ø', 'ù', 'ú', 'û', 'ü', 'ư', '₫', 'ÿ',
];

/// A decoding table for one single-byte encoding: a character for every byte.
pub(super) struct ByteTable {
    decode: [char; 256],
    /// `(char, byte)` pairs sorted by char, for encoding (non-ASCII characters only).
    encode: Vec<(char, u8)>,
}

impl ByteTable {
    /// Builds the table from a full decoding map; `encodable` says which bytes an encoder may
    /// write (the others are read but never written).
    pub(super) fn new(decode: [char; 256], encodable: impl Fn(u8, char) -> bool) -> ByteTable {
        let mut encode: Vec<(char, u8)> = (0x80..=0xFFu8)
            .chain(0..0x80)
            .map(|b| (decode[b as usize], b))
            .filter(|&(c, b)| !c.is_ascii() && encodable(b, c))
            .collect();
        encode.sort_by_key(|&(c, _)| c);
        encode.dedup_by_key(|&mut (c, _)| c);
        ByteTable { decode, encode }
    }

    /// The character of byte `b`.
    #[inline]
    pub(super) fn char_of(&self, b: u8) -> char {
        self.decode[b as usize]
    }

    /// The byte of a non-ASCII character `c`, if the encoding has one.
    #[inline]
    pub(super) fn byte_of(&self, c: char) -> Option<u8> {
        self.encode
            .binary_search_by_key(&c, |&(c, _)| c)
            .ok()
            .map(|i| self.encode[i].1)
    }
}

/// ASCII for 0x00..=0x7F, the rest filled by `high`.
pub(super) fn ascii_plus(high: impl Fn(u8) -> char) -> [char; 256] {
    let mut t = ['\0'; 256];
    for (slot, b) in t.iter_mut().zip(0..=255u8) {
        *slot = if b < 0x80 { b as char } else { high(b) };
    }
    t
}

/// Windows-1252's character for a byte 0x80..=0x9F, Latin-1's for 0xA0..=0xFF.
pub(super) fn cp1252_high(b: u8) -> char {
    if (0x80..0xA0).contains(&b) {
        CP1252_80[(b - 0x80) as usize]
    } else {
        b as char
    }
}
