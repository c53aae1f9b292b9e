//! Legacy Vietnamese encodings (TCVN3, VNI, VIQR, VISCII, CP1258) and their detection.
//!
//! Before Unicode, Vietnamese was written in a dozen 8-bit and 7-bit encodings; much of the
//! older administrative text still comes in TCVN3 (ABC) or VNI, and web text is often UTF-8 that
//! was once read as Windows-1252 (mojibake: "Cá»™ng hoÃ " for "Cộng hoà"). This module reads
//! them all:
//!
//! - [`decode`] reads bytes in a named [`Encoding`];
//! - [`detect`] reads them in every encoding they could be in and ranks the readings by how many
//!   valid Vietnamese syllables each yields ([`Detection`], with a confidence for short, uncertain
//!   inputs);
//! - [`decode_bytes`] detects and decodes in one call, refusing bytes that are not text in any
//!   of them ([`DecodeError`]); [`decode_bytes_lossy`] never refuses;
//! - [`encode`] writes text in a legacy encoding.
//!
//! Decoding is not normalization: the output is NFC with the tone marks where the text had them
//! (hoà stays hoà). Pass it to [`normalize`](crate::normalize::normalize) to unify them.
//!
//! ```
//! use vntext::normalize::legacy::{decode, decode_bytes, Encoding};
//!
//! // TCVN3 bytes, as a Latin-1 viewer shows them: "Céng hoµ x· héi chñ nghÜa ViÖt Nam".
//! let tcvn3 = b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam";
//! assert_eq!(decode(tcvn3, Encoding::Tcvn3), "Cộng hoà xã hội chủ nghĩa Việt Nam");
//!
//! let d = decode_bytes(tcvn3).unwrap();
//! assert_eq!(d.encoding, Encoding::Tcvn3);
//! assert_eq!(d.text, "Cộng hoà xã hội chủ nghĩa Việt Nam");
//!
//! // Clean UTF-8 comes back as it is, borrowed.
//! let d = decode_bytes("Độc lập - Tự do - Hạnh phúc".as_bytes()).unwrap();
//! assert_eq!((d.encoding, d.text.as_ref()), (Encoding::Utf8, "Độc lập - Tự do - Hạnh phúc"));
//! ```
//!
//! ## TCVN3 and capitals
//!
//! TCVN3 has no codes for toned capitals: documents drew them with a capitals-only font over the
//! lower-case codes. The decoder infers their case from the word and its neighbours (CéNG HOµ →
//! CỘNG HOÀ; a toned letter that starts a sentence becomes a capital; "Ủy ban", which the
//! statutes capitalize, keeps its capital). Other toned capitals inside a sentence, like the Ấ of
//! "Ấn Độ", are not in the bytes and come back small. [`encode`] writes toned capitals with the
//! lower-case codes, as TCVN3 text always did.
//!
//! ```
//! use vntext::normalize::legacy::{decode, Encoding};
//! assert_eq!(decode(b"C\xe9NG HO\xb5 X\xb7 H\xe9I", Encoding::Tcvn3), "CỘNG HOÀ XÃ HỘI");
//! assert_eq!(decode(b"c\xf1a \xf1y ban", Encoding::Tcvn3), "của Ủy ban");
//! ```
//!
//! ## How well detection works
//!
//! Measured by `tests/legacy_detection.rs` on 340 paragraphs and 160 short strings (names,
//! places, headlines, all-capitals phrases) from the statutes, Wikipedia and the gazetteer, each
//! written in every encoding: 99.7–100 % of paragraphs and 100 % of short strings come back
//! exact (TCVN3: up to the case of toned capitals), and none of the clean texts (NFC, NFD, the
//! other tone placement, without diacritics) is changed. Short strings are where readings can
//! tie ("Lớp" in VISCII reads "Lắp" in TCVN3); [`Detection::confidence`] says so: every short
//! string detected with confidence 0.9 or more was right.

mod case;
mod compose;
mod mojibake;
mod score;
mod single;
mod tables;
mod viqr;
mod vni;

use std::borrow::Cow;
use std::fmt;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::error::DecodeError;
use score::Counts;

/// A text encoding this module reads.
///
/// ```
/// use vntext::normalize::legacy::{decode, Encoding};
///
/// let vni = Encoding::from_name("VNI-Windows").unwrap();
/// assert_eq!(vni, Encoding::Vni);
/// assert_eq!(vni.to_string(), "vni");
/// assert_eq!(decode(b"Vie\xe4t Nam", vni), "Việt Nam");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 (any normalization form; decoded to NFC).
    Utf8,
    /// UTF-8 that was read as Windows-1252 (or Latin-1) and written out again as UTF-8: the
    /// bytes are the UTF-8 of "Cá»™ng hoÃ ", decoded to "Cộng hoà".
    Utf8AsCp1252,
    /// TCVN 5712:1993 VN3, the "ABC" fonts (.VnTime): one byte per letter, no toned capitals.
    Tcvn3,
    /// VNI-Windows (the VNI fonts): a base letter then a byte for its marks.
    Vni,
    /// VIQR (RFC 1456): ASCII with marks typed after letters (`Vie^.t Nam`).
    Viqr,
    /// VISCII (RFC 1456): one byte per letter, capitals included.
    Viscii,
    /// Windows-1258: precomposed letters plus combining tone marks.
    Cp1258,
}

impl Encoding {
    /// Every encoding, in the order detection prefers them when readings tie.
    ///
    /// ```
    /// use vntext::normalize::legacy::{decode, encode, Encoding};
    ///
    /// let text = "Tiếng Việt có dấu";
    /// for e in Encoding::ALL {
    ///     let bytes = encode(text, e).unwrap();
    ///     assert_eq!(decode(&bytes, e), text, "{e}");
    ///     assert_eq!(Encoding::from_name(e.name()), Some(e));
    /// }
    /// ```
    pub const ALL: [Encoding; 7] = [
        Encoding::Utf8,
        Encoding::Utf8AsCp1252,
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viqr,
        Encoding::Viscii,
        Encoding::Cp1258,
    ];

    /// The encoding's name: `utf-8`, `utf8-as-cp1252`, `tcvn3`, `vni`, `viqr`, `viscii`,
    /// `cp1258`.
    ///
    /// ```
    /// use vntext::normalize::legacy::Encoding;
    ///
    /// assert_eq!(Encoding::Tcvn3.name(), "tcvn3");
    /// assert_eq!(Encoding::Utf8AsCp1252.name(), "utf8-as-cp1252");
    /// // `Display` writes the name too.
    /// assert_eq!(format!("đọc bằng {}", Encoding::Viscii), "đọc bằng viscii");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8AsCp1252 => "utf8-as-cp1252",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viqr => "viqr",
            Encoding::Viscii => "viscii",
            Encoding::Cp1258 => "cp1258",
        }
    }

    /// The encoding of a name (ASCII case ignored); also takes the common aliases `utf8`,
    /// `abc`, `tcvn`, `tcvn5712`, `vni-windows`, `windows-1258`, `mojibake`.
    ///
    /// ```
    /// use vntext::normalize::legacy::Encoding;
    /// assert_eq!(Encoding::from_name("TCVN3"), Some(Encoding::Tcvn3));
    /// assert_eq!(Encoding::from_name("windows-1258"), Some(Encoding::Cp1258));
    /// assert_eq!(Encoding::from_name("koi8-r"), None);
    /// ```
    pub fn from_name(s: &str) -> Option<Encoding> {
        let s = s.trim().to_ascii_lowercase();
        Some(match s.as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "utf8-as-cp1252" | "utf-8-as-cp1252" | "mojibake" => Encoding::Utf8AsCp1252,
            "tcvn3" | "abc" | "tcvn" | "tcvn5712" | "vn3" => Encoding::Tcvn3,
            "vni" | "vni-windows" => Encoding::Vni,
            "viqr" => Encoding::Viqr,
            "viscii" => Encoding::Viscii,
            "cp1258" | "windows-1258" => Encoding::Cp1258,
            _ => return None,
        })
    }

    /// Rank among tied readings (lower wins).
    fn priority(self) -> usize {
        Encoding::ALL
            .iter()
            .position(|&e| e == self)
            .unwrap_or(usize::MAX)
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Decodes `bytes` as `encoding`, to NFC text with the tone marks where they were written.
///
/// Never fails: bytes that are not valid in `encoding` come out as U+FFFD (UTF-8) or as the
/// character the code page puts there. In TCVN3 the case of toned letters is inferred (see the
/// [module docs](self)).
///
/// ```
/// use vntext::normalize::legacy::{decode, Encoding};
/// assert_eq!(decode(b"Vie^.t Nam", Encoding::Viqr), "Việt Nam");
/// assert_eq!(decode(b"Vie\xe4t Nam", Encoding::Vni), "Việt Nam");
/// assert_eq!(decode("Cá»™ng hoÃ\u{a0}".as_bytes(), Encoding::Utf8AsCp1252), "Cộng hoà");
/// ```
pub fn decode(bytes: &[u8], encoding: Encoding) -> String {
    match encoding {
        Encoding::Utf8 => nfc(&String::from_utf8_lossy(bytes)).into_owned(),
        Encoding::Utf8AsCp1252 => {
            let s = String::from_utf8_lossy(bytes);
            let (repaired, _) = mojibake::repair(&s);
            nfc(&repaired).into_owned()
        }
        Encoding::Tcvn3 => decode_tcvn3(bytes),
        Encoding::Vni => vni::decode(bytes),
        Encoding::Viqr => viqr::decode(&text_of(bytes)).text,
        Encoding::Viscii => single::decode(bytes, &single::VISCII),
        Encoding::Cp1258 => single::decode(bytes, &single::CP1258),
    }
}

/// TCVN3 with the case of toned letters inferred.
fn decode_tcvn3(bytes: &[u8]) -> String {
    let (text, caseless) = single::decode_tcvn3(bytes);
    // Raising a letter's case keeps the text NFC.
    case::infer(text, &caseless)
}

/// Bytes as text for VIQR: UTF-8 when they are, else one character per byte (Windows-1252).
fn text_of(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(
            bytes
                .iter()
                .map(|&b| {
                    if b < 0x80 {
                        b as char
                    } else {
                        tables::cp1252_high(b)
                    }
                })
                .collect(),
        ),
    }
}

/// `s` in NFC, borrowed when it already is. Line by line: a line end never composes with
/// anything, so only the lines that need it are normalized.
fn nfc(s: &str) -> Cow<'_, str> {
    let is_nfc = |t: &str| t.is_ascii() || is_nfc_quick(t.chars()) == IsNormalized::Yes;
    if is_nfc(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for line in s.split_inclusive('\n') {
        if is_nfc(line) {
            out.push_str(line);
        } else {
            out.extend(line.nfc());
        }
    }
    Cow::Owned(out)
}

/// Encodes `text` in `encoding`, or `None` when a character of it cannot be written there.
///
/// The text is made NFC first. TCVN3 writes a toned capital with the lower-case code (the
/// capital came from the font; [`decode`] infers it back where the word shows it). Windows-1258
/// writes a letter it lacks as its base letter and a combining tone mark, as Windows does. VIQR
/// escapes a literal mark character that would otherwise join the letter before it (`gi\?`).
///
/// ```
/// use vntext::normalize::legacy::{decode, encode, Encoding};
/// let text = "Đà Nẵng có sẵn";
/// let vni = encode(text, Encoding::Vni).unwrap();
/// assert_eq!(vni, b"\xd1a\xf8 Na\xfcng co\xf9 sa\xfcn");
/// assert_eq!(decode(&vni, Encoding::Vni), text);
/// // "u?" would read as ủ: the question mark is escaped.
/// assert_eq!(encode("Đi đâu?", Encoding::Viqr).unwrap(), b"DDi dda^u\\?");
/// assert_eq!(encode("日本", Encoding::Viscii), None);
/// ```
pub fn encode(text: &str, encoding: Encoding) -> Option<Vec<u8>> {
    match encoding {
        Encoding::Utf8 => Some(nfc(text).into_owned().into_bytes()),
        Encoding::Utf8AsCp1252 => Some(mojibake::encode(&nfc(text))),
        Encoding::Tcvn3 => single::encode_tcvn3(text),
        Encoding::Vni => vni::encode(text),
        Encoding::Viqr => viqr::encode(text),
        Encoding::Viscii => single::encode_viscii(text),
        Encoding::Cp1258 => single::encode_cp1258(text),
    }
}

/// One reading of the bytes, from [`detect`].
///
/// ```
/// use vntext::normalize::legacy::{detect, Encoding};
///
/// // "Hà Nội" in VNI.
/// let d = detect(b"Ha\xf8 No\xe4i");
/// let best = d.best();
/// assert_eq!((best.encoding(), best.text()), (Encoding::Vni, "Hà Nội"));
/// assert_eq!((best.words(), best.syllables()), (2, 2));
/// assert!(!best.lossy());
/// // The other readings score lower.
/// assert!(d.candidates()[1..].iter().all(|c| c.score() < best.score()));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    encoding: Encoding,
    text: String,
    score: f32,
    counts: Counts,
    lossy: bool,
}

impl Candidate {
    /// The encoding read.
    ///
    /// ```
    /// use vntext::normalize::legacy::{detect, Encoding};
    ///
    /// assert_eq!(detect("Hà Nội".as_bytes()).best().encoding(), Encoding::Utf8);
    /// assert_eq!(detect(b"Ha\xf8 No\xe4i").best().encoding(), Encoding::Vni);
    /// ```
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The text it gives (NFC, tone marks as written).
    ///
    /// ```
    /// use vntext::normalize::legacy::detect;
    ///
    /// // NFD UTF-8 comes out NFC; the reformed hoà stays hoà.
    /// let d = detect("Kha\u{301}nh Hoa\u{300}".as_bytes());
    /// assert_eq!(d.best().text(), "Khánh Hoà");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Takes the text.
    ///
    /// ```
    /// use vntext::normalize::legacy::detect;
    ///
    /// let text: String = detect(b"\xd1a\xf8 Na\xfcng").into_best().into_text();
    /// assert_eq!(text, "Đà Nẵng");
    /// ```
    pub fn into_text(self) -> String {
        self.text
    }

    /// The score: about 2 per valid Vietnamese syllable with a diacritic and 1 per plain one,
    /// less for words that are not Vietnamese and for stray symbols. Higher is better; only
    /// differences between candidates of one input mean something.
    ///
    /// ```
    /// use vntext::normalize::legacy::{detect, Encoding};
    ///
    /// let d = detect(b"\xd1a\xf8 Na\xfcng");
    /// let score = |e: Encoding| {
    ///     d.candidates().iter().find(|c| c.encoding() == e).unwrap().score()
    /// };
    /// assert!(score(Encoding::Vni) > score(Encoding::Tcvn3));
    /// ```
    pub fn score(&self) -> f32 {
        self.score
    }

    /// How many words (runs of letters) the text has.
    ///
    /// ```
    /// let d = vntext::normalize::legacy::detect("Hà Nội và Paris, 2025".as_bytes());
    /// assert_eq!(d.best().words(), 4);
    /// ```
    pub fn words(&self) -> usize {
        self.counts.words as usize
    }

    /// How many of them are valid Vietnamese syllables.
    ///
    /// ```
    /// let d = vntext::normalize::legacy::detect("Hà Nội và Paris, 2025".as_bytes());
    /// // Paris is not one.
    /// assert_eq!((d.best().words(), d.best().syllables()), (4, 3));
    /// ```
    pub fn syllables(&self) -> usize {
        self.counts.syllables as usize
    }

    /// Whether bytes had to be replaced by U+FFFD (UTF-8 with invalid sequences).
    ///
    /// ```
    /// use vntext::normalize::legacy::{detect, Encoding};
    ///
    /// // "Việt Nam" in UTF-8, with a stray 0xFF byte.
    /// let d = detect(b"Vi\xe1\xbb\x87t Nam \xff");
    /// let utf8 = d.candidates().iter().find(|c| c.encoding() == Encoding::Utf8).unwrap();
    /// assert!(utf8.lossy());
    /// assert_eq!(utf8.text(), "Việt Nam \u{FFFD}");
    /// assert!(!detect("Việt Nam".as_bytes()).best().lossy());
    /// ```
    pub fn lossy(&self) -> bool {
        self.lossy
    }
}

/// The readings of some bytes, best first, from [`detect`].
///
/// ```
/// use vntext::normalize::legacy::{detect, Encoding};
///
/// // TCVN3 bytes: "Céng hoµ x· héi chñ nghÜa ViÖt Nam" in Latin-1.
/// let tcvn3 = b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam";
/// let d = detect(tcvn3);
/// assert_eq!(d.best().encoding(), Encoding::Tcvn3);
/// assert_eq!(d.best().text(), "Cộng hoà xã hội chủ nghĩa Việt Nam");
/// assert!(d.candidates().len() > 1);
/// assert!(d.confidence() > 0.99);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Detection {
    candidates: Vec<Candidate>,
    confidence: f32,
}

impl Detection {
    /// The best reading.
    ///
    /// ```
    /// use vntext::normalize::legacy::{detect, Encoding};
    ///
    /// let d = detect(b"C\xe9ng ho\xb5 x\xb7 h\xe9i");
    /// let best = d.best();
    /// assert_eq!((best.encoding(), best.text()), (Encoding::Tcvn3, "Cộng hoà xã hội"));
    /// ```
    pub fn best(&self) -> &Candidate {
        // `detect` always leaves a reading: UTF-8, or the legacy ones when it is not UTF-8.
        &self.candidates[0]
    }

    /// Takes the best reading.
    ///
    /// ```
    /// use vntext::normalize::legacy::{detect, Encoding};
    ///
    /// let best = detect(b"C\xe9ng ho\xb5 x\xb7 h\xe9i").into_best();
    /// assert_eq!(best.encoding(), Encoding::Tcvn3);
    /// assert_eq!(best.into_text(), "Cộng hoà xã hội");
    /// ```
    pub fn into_best(mut self) -> Candidate {
        self.candidates.swap_remove(0)
    }

    /// Every reading that could be the text, best first. Readings that give the same text are
    /// listed once, under the encoding that wins ties.
    ///
    /// ```
    /// use vntext::normalize::legacy::{detect, Encoding};
    ///
    /// let d = detect(b"C\xe9ng ho\xb5 x\xb7 h\xe9i");
    /// let all = d.candidates();
    /// assert_eq!(&all[0], d.best());
    /// assert!(all.windows(2).all(|w| w[0].score() >= w[1].score()));
    /// // The VNI reading is there too, and it is not Vietnamese.
    /// let vni = all.iter().find(|c| c.encoding() == Encoding::Vni).unwrap();
    /// assert_ne!(vni.text(), "Cộng hoà xã hội");
    /// ```
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// How sure the ranking is, in `0..=1`: the best reading's share when the scores are turned
    /// into probabilities (1 when no other reading gives a different text, 0.5 for a tie of
    /// two). Paragraphs come out near 1; a two-word string may not.
    ///
    /// ```
    /// use vntext::normalize::legacy::{detect, encode, Encoding};
    ///
    /// // Plain UTF-8 has no other reading.
    /// assert_eq!(detect("Lớp học".as_bytes()).confidence(), 1.0);
    /// // In VISCII, "Lớp" also reads as a valid syllable in TCVN3 (Lắp).
    /// let viscii = encode("Lớp", Encoding::Viscii).unwrap();
    /// let d = detect(&viscii);
    /// assert!(d.confidence() < 0.9);
    /// assert!(d.candidates().iter().any(|c| c.text() == "Lớp"));
    /// ```
    pub fn confidence(&self) -> f32 {
        self.confidence
    }
}

/// How strongly score differences count in [`Detection::confidence`] (score units).
const TEMPERATURE: f32 = 1.5;

/// Whether `s` could be VIQR: no letters beyond ASCII, and a character a VIQR reading changes.
fn viqr_possible(s: &str) -> bool {
    let marks = s.contains(['(', '^', '+', '\'', '`', '?', '~', '.', '\\'])
        || s.contains("dd")
        || s.contains("DD")
        || s.contains("Dd");
    marks && !s.chars().any(|c| !c.is_ascii() && compose::is_letter(c))
}

/// Whether valid UTF-8 `s` is plainly text to take as it is, without trying other readings:
/// every character beyond ASCII is a Latin or Vietnamese letter in its composed form or common
/// punctuation (all NFC as they stand), no control character, and no mojibake signature (a
/// character from Â to ô, a UTF-8 lead byte read as Windows-1252, followed by one of the
/// characters continuation bytes read as). Legacy bytes that happen to be valid UTF-8 decode to
/// other scripts ("Đồng" in VISCII is the bytes of Cyrillic "а"), so they are not plain.
fn plainly_text(s: &str) -> bool {
    let mut after_lead = false;
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}') {
                return false;
            }
            after_lead = false;
            continue;
        }
        let continuation = ('\u{80}'..='\u{BF}').contains(&c) || tables::CP1252_80.contains(&c);
        if after_lead && continuation {
            return false;
        }
        after_lead = ('\u{C2}'..='\u{F4}').contains(&c);
        let plain = matches!(c,
            '\u{A0}'..='\u{17F}' | 'Ơ' | 'ơ' | 'Ư' | 'ư' | '\u{1EA0}'..='\u{1EF9}'
            | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '€' | '₫');
        if !plain {
            return false;
        }
    }
    true
}

/// Non-ASCII characters of valid UTF-8 that text plausibly has: Latin letters and marks,
/// general punctuation, the no-break space. Readings from UTF-8 get a point for each, because
/// legacy bytes are almost never valid UTF-8 by chance.
fn utf8_evidence(s: &str) -> u32 {
    s.chars()
        .filter(|&c| {
            matches!(c,
                '\u{A0}' | '\u{C0}'..='\u{24F}' | '\u{300}'..='\u{36F}' | '\u{1E00}'..='\u{1EFF}'
                | '\u{2000}'..='\u{206F}' | '€' | '₫')
        })
        .count() as u32
}

/// Reads `bytes` in every encoding they could be in and ranks the readings.
///
/// Each reading is scored by the valid Vietnamese syllables it yields (common syllables counting
/// more than rare ones), against the words that are not Vietnamese and the symbols no Vietnamese
/// text has. Valid UTF-8 that is plainly text (Latin and Vietnamese letters, common punctuation,
/// no mojibake signature) is taken as UTF-8 without trying anything else, and the legacy
/// encodings are tried on valid UTF-8 only when no UTF-8 reading comes out clean.
///
/// ```
/// use vntext::normalize::legacy::{detect, Encoding};
///
/// let d = detect("Hà Nội".as_bytes());
/// assert_eq!(d.best().encoding(), Encoding::Utf8);
/// assert_eq!(d.confidence(), 1.0);
///
/// let d = detect(b"Ha\xf8 No\xe4i");
/// assert_eq!((d.best().encoding(), d.best().text()), (Encoding::Vni, "Hà Nội"));
/// ```
pub fn detect(bytes: &[u8]) -> Detection {
    let mut cands: Vec<Candidate> = Vec::with_capacity(7);
    let push = |cands: &mut Vec<Candidate>, encoding, text: String, bonus: f32, lossy| {
        let counts = score::count(&text);
        let score = counts.value() + bonus;
        cands.push(Candidate {
            encoding,
            text,
            score,
            counts,
            lossy,
        });
    };
    match std::str::from_utf8(bytes) {
        Ok(s) if !viqr_possible(s) && plainly_text(s) => {
            push(&mut cands, Encoding::Utf8, s.to_owned(), 0.0, false);
        }
        Ok(s) => {
            let text = nfc(s).into_owned();
            let ascii = s.is_ascii();
            let evidence = utf8_evidence(s) as f32;
            let viqr = viqr_possible(s);
            // Against a VIQR reading, the plain one keeps words whole ("Du+o+ng").
            let counts = score::count_words(&text, viqr);
            cands.push(Candidate {
                encoding: Encoding::Utf8,
                score: counts.value() + evidence,
                text,
                counts,
                lossy: false,
            });
            if !ascii {
                let (repaired, n) = mojibake::repair(s);
                if n > 0 {
                    // Clean text almost never holds characters whose Windows-1252 bytes are
                    // valid UTF-8: each repaired character is evidence.
                    let text = nfc(&repaired).into_owned();
                    let bonus = evidence + 2.0 * n as f32;
                    push(&mut cands, Encoding::Utf8AsCp1252, text, bonus, false);
                }
            }
            if viqr {
                let v = viqr::decode(s);
                // What plain text would not have: marks glued inside words, escapes. Marks that
                // may be punctuation count against, and alone they are no evidence at all.
                if v.strong + v.escapes > 0 {
                    let bonus = (v.strong + v.escapes) as f32 - 1.5 * v.weak as f32;
                    push(&mut cands, Encoding::Viqr, v.text, bonus, false);
                }
            }
            // Legacy bytes are almost never valid UTF-8 by chance: try them only when no
            // UTF-8 reading came out clean.
            if !ascii && !cands.iter().any(|c| c.counts.clean()) {
                push_legacy(&mut cands, bytes, &push);
            }
        }
        Err(_) => {
            // UTF-8 with a few broken sequences is a reading; bytes with more broken sequences
            // than valid ones are not.
            let lossy = String::from_utf8_lossy(bytes);
            let replaced = lossy.matches('\u{FFFD}').count();
            let valid = lossy.chars().filter(|c| !c.is_ascii()).count() - replaced;
            if valid >= replaced {
                // Each replaced sequence also splits a word into pieces that may each look
                // like a syllable: count it heavily.
                let text = nfc(&lossy).into_owned();
                push(
                    &mut cands,
                    Encoding::Utf8,
                    text,
                    -4.0 * replaced as f32,
                    true,
                );
            }
            push_legacy(&mut cands, bytes, &push);
        }
    }
    rank(cands)
}

/// Adds the readings of the single-byte encodings.
fn push_legacy(
    cands: &mut Vec<Candidate>,
    bytes: &[u8],
    push: &impl Fn(&mut Vec<Candidate>, Encoding, String, f32, bool),
) {
    for e in [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viscii,
        Encoding::Cp1258,
    ] {
        push(cands, e, decode(bytes, e), 0.0, false);
    }
}

/// Sorts readings best first, drops those that repeat a text, and computes the confidence.
fn rank(mut cands: Vec<Candidate>) -> Detection {
    cands.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.encoding.priority().cmp(&b.encoding.priority()))
    });
    let mut kept: Vec<Candidate> = Vec::with_capacity(cands.len());
    for c in cands {
        if !kept.iter().any(|k| k.text == c.text) {
            kept.push(c);
        }
    }
    let best = kept.first().map_or(0.0, |c| c.score);
    let total: f32 = kept
        .iter()
        .map(|c| ((c.score - best) / TEMPERATURE).exp())
        .sum();
    let confidence = if total > 0.0 {
        (1.0 / total).clamp(0.0, 1.0)
    } else {
        1.0
    };
    Detection {
        candidates: kept,
        confidence,
    }
}

/// Text decoded from bytes of an encoding found by detection, from [`decode_bytes`] or
/// [`decode_bytes_lossy`].
///
/// ```
/// use std::borrow::Cow;
/// use vntext::normalize::legacy::{decode_bytes, Encoding};
///
/// // UTF-8 that was read as Windows-1252 once.
/// let d = decode_bytes("Cá»™ng hoÃ\u{A0} xÃ£ há»™i".as_bytes())?;
/// assert_eq!(d.text, "Cộng hoà xã hội");
/// assert_eq!(d.encoding, Encoding::Utf8AsCp1252);
/// assert!(!d.lossy);
/// assert!(d.confidence > 0.9);
///
/// // Clean UTF-8 is borrowed.
/// let d = decode_bytes("Cộng hòa xã hội".as_bytes())?;
/// assert!(matches!(d.text, Cow::Borrowed("Cộng hòa xã hội")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Decoded<'a> {
    /// The text: NFC, tone marks as written; borrowed from the input when that was clean NFC
    /// UTF-8.
    pub text: Cow<'a, str>,
    /// The encoding the bytes were read in.
    pub encoding: Encoding,
    /// Whether bytes had to be replaced by U+FFFD.
    pub lossy: bool,
    /// How sure the detection was, in `0..=1` (see [`Detection::confidence`]).
    pub confidence: f32,
}

/// Detects the encoding of `bytes` and decodes them.
///
/// Clean NFC UTF-8 comes back borrowed, without trying anything else.
///
/// # Errors
/// [`DecodeError`] when the bytes are not valid UTF-8 and the best legacy reading does not look
/// like text: it has control characters, or stray symbols (£, ¸, ™ inside words) that its
/// Vietnamese syllables do not outweigh.
///
/// ```
/// use vntext::normalize::legacy::{decode_bytes, Encoding};
/// let d = decode_bytes(b"\xd1a\xf8 Na\xfcng").unwrap();
/// assert_eq!((d.encoding, d.text.as_ref()), (Encoding::Vni, "Đà Nẵng"));
/// assert!(decode_bytes(b"\x00\x01\xff\xfe binary").is_err());
/// ```
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if let Ok(s) = std::str::from_utf8(bytes)
        && !viqr_possible(s)
        && (plainly_text(s) || (is_nfc_quick(s.chars()) == IsNormalized::Yes && score::is_clean(s)))
    {
        return Ok(Decoded {
            text: Cow::Borrowed(s),
            encoding: Encoding::Utf8,
            lossy: false,
            confidence: 1.0,
        });
    }
    let detection = detect(bytes);
    let confidence = detection.confidence();
    let best = detection.into_best();
    // Text: no control characters, and either no stray symbols or clearly Vietnamese.
    let c = &best.counts;
    let plausible = !best.lossy && c.broken == 0 && (c.junk == 0 || c.marked >= c.invalid + c.junk);
    if std::str::from_utf8(bytes).is_err() && !plausible {
        let valid_up_to = match std::str::from_utf8(bytes) {
            Ok(_) => bytes.len(),
            Err(e) => e.valid_up_to(),
        };
        return Err(DecodeError::new(valid_up_to));
    }
    let text = match (best.encoding, std::str::from_utf8(bytes)) {
        (Encoding::Utf8, Ok(s)) if s == best.text => Cow::Borrowed(s),
        _ => Cow::Owned(best.text),
    };
    Ok(Decoded {
        text,
        encoding: best.encoding,
        lossy: best.lossy,
        confidence,
    })
}

/// Like [`decode_bytes`], but never fails: bytes that are not text in any encoding are read as
/// UTF-8 with U+FFFD for the invalid sequences, and `lossy` is set.
///
/// ```
/// use vntext::normalize::legacy::decode_bytes_lossy;
/// let d = decode_bytes_lossy(b"Vi\xe1\xbb\x87t \xff");
/// assert!(d.lossy);
/// assert_eq!(d.text, "Việt \u{fffd}");
/// ```
pub fn decode_bytes_lossy(bytes: &[u8]) -> Decoded<'_> {
    match decode_bytes(bytes) {
        Ok(d) => d,
        Err(_) => Decoded {
            text: Cow::Owned(nfc(&String::from_utf8_lossy(bytes)).into_owned()),
            encoding: Encoding::Utf8,
            lossy: true,
            confidence: 0.0,
        },
    }
}
