//! The pre-tokenizer: text into syllables, foreign words, numbers, dates, codes, URLs, emails,
//! hashtags, mentions, abbreviations, punctuation and symbols, before words are made.
//!
//! [`pretokenize`] reads any `&str` (normalized text gives the best kinds: see
//! [`normalize`](crate::normalize::normalize)) and yields [`PreToken`]s that borrow it, in
//! order, never overlapping, each with its byte [`Span`] into the text it was given. Whitespace
//! separates tokens and is never inside one; every other character is in exactly one token.
//! It never fails, never panics and allocates nothing per token.
//!
//! ```
//! use vntext::segment::{PreTokenKind::*, pretokenize};
//!
//! let text = "Ngày 24/7/2019, UBND TP.HCM chi 1.234,5 tỷ đồng (tăng 3,5%)...";
//! let tokens: Vec<_> = pretokenize(text).map(|t| (t.text, t.kind)).collect();
//! assert_eq!(
//!     tokens,
//!     [
//!         ("Ngày", Syllable), ("24/7/2019", Date), (",", Punctuation), ("UBND", Abbreviation),
//!         ("TP.HCM", Abbreviation), ("chi", Syllable), ("1.234,5", Number), ("tỷ", Syllable),
//!         ("đồng", Syllable), ("(", Punctuation), ("tăng", Syllable), ("3,5%", Number),
//!         (")", Punctuation), ("...", Punctuation),
//!     ]
//! );
//! ```
//!
//! # How tokens are cut
//!
//! - **Across spaces, never.** `10 000` is two numbers and `Hà Nội` two syllables: joining
//!   words is the segmenter's work.
//! - **Inner marks.** A `.`, `,`, `-`, `/`, `:`, `&` or `'` joins its neighbours only when a
//!   letter or digit follows it at once; then the grammar below decides whether the joined
//!   form is one token. So `Nội,` `(Hà` `năm 2019.` split off their punctuation, while the
//!   period inside `TP.HCM` or `v.v.` stays. A sentence-final period after a syllable or a
//!   number is [`Punctuation`](PreTokenKind::Punctuation).
//! - **Hyphens.** A spaced hyphen (`kinh tế - xã hội`) is punctuation. An unspaced one between
//!   Vietnamese syllables splits too (`Thanh-Hóa` is `Thanh` `-` `Hóa`; the segmenter joins the
//!   word); it stays inside abbreviations (`KT-XH`, `QĐ-TTg`), codes (`COVID-19`) and foreign
//!   compounds with no Vietnamese syllable of two letters or more (`Coca-Cola`, `E-marketing`).
//!   Between numbers it makes one token, as the treebank writes them: a range (`2019-2020`,
//!   `1.500-2.000`, `5-10%`, a [`Number`](PreTokenKind::Number)) or a date (`24-7-2019`, and a
//!   day and month `15-11`).
//! - **Letters glued to digits.** A number followed by a unit splits (`5km` is `5` `km`, `100m2`
//!   is `100` `m2`, ordinals `1st` are `1` `st`); a clock time stays (`8h30`); other mixes are
//!   codes (`4G`, `2x2`, `H5N1`, `m3`). A Vietnamese syllable glued to a number splits
//!   (`năm2019`).
//! - **Punctuation runs.** A run of sentence-final marks is one token (`...`, `?!`, `!!!`, `…`),
//!   and so is the end mark of Vietnamese official documents `./.`; any other mark repeated is
//!   one token (`--`, `----------`, `,,`); brackets and quotation marks stand alone (`((` is two
//!   tokens). `v.v...` is the abbreviation `v.v` then the ellipsis `...`.
//! - **Symbols.** A run of one repeated ASCII symbol is one token (`==`, `++`); any other symbol
//!   stands alone with its modifiers (variation selectors, skin tones, keycaps, joined emoji
//!   sequences, flag pairs).
//! - **Other scripts.** A run of letters of any script is one token: `北京大学` is one
//!   [`Foreign`](PreTokenKind::Foreign) token (finer boundaries in text that is not Vietnamese
//!   are left to later stages); digits of other scripts and signs like `²` `½` are numbers of
//!   their own.
//! - **Signs.** `-` or `+` right before a digit, at the start of the text or after whitespace or
//!   an opening bracket, belongs to the number (`-2`, `+4`, `-0,5`).
//!
//! # Cost
//!
//! One pass over the bytes, with ASCII and Vietnamese letters read without decoding, and no
//! allocation per token. Telling a syllable from a foreign word asks
//! [`syllable::is_valid`](crate::syllable::is_valid); the answer for each word is remembered
//! in a per-thread memo of 128 KiB, allocated the first time a thread pre-tokenizes.

mod abbrev;
mod chars;
mod memo;
mod web;
mod word;

use std::iter::FusedIterator;

use crate::span::Span;
use chars::{
    Mark, char_at, is_ascii_space, is_letter, is_regional_indicator, is_symbol_extender, mark,
};

/// What a pre-token is.
///
/// ```
/// use vntext::segment::{PreTokenKind, pretokenize};
///
/// let kinds: Vec<PreTokenKind> =
///     pretokenize("UBND TP.HCM: 10.000 người, #HàNội www.chinhphu.vn").map(|t| t.kind).collect();
/// assert_eq!(
///     kinds,
///     [
///         PreTokenKind::Abbreviation, PreTokenKind::Abbreviation, PreTokenKind::Punctuation,
///         PreTokenKind::Number, PreTokenKind::Syllable, PreTokenKind::Punctuation,
///         PreTokenKind::Hashtag, PreTokenKind::Url,
///     ]
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PreTokenKind {
    /// A Vietnamese syllable: letters that spell one well-formed syllable, in any case and
    /// either tone placement (`Hà`, `nội`, `NGHĨA`, `hoà`, `a`). An all-caps word that spells a
    /// syllable is a syllable (`LUẬT`, `CA`), since headings are written in capitals.
    Syllable,
    /// A word of letters that is not a Vietnamese syllable, of any script (`iPhone`, `Zoé`,
    /// `COVID`, `km`, `北京`), including foreign compounds with a hyphen, slash or apostrophe
    /// (`Coca-Cola`, `km/h`, `O'Neill`), names of the Central Highlands with an apostrophe
    /// (`K'Bang`, `H'Leo`) and single consonants (`B`, `đ`). Text that is not in
    /// NFC (a mark apart from its letter) comes out foreign: normalize first.
    Foreign,
    /// A number: digits grouped by `.` and `,` (`10.000`, `1.234,5`, `3.5`), with its `%` or `‰`
    /// (`3,5%`) and a sign (`-2`); a fraction or ratio that is not a date (`1/500`, `72/2002`,
    /// `3:2`); a Roman numeral of two letters or more made of I, V, X, L, C that is not a
    /// syllable (`II`, `XIV`, `XXI`; but `VI`, `XI` are syllables, one letter `I` or `V` is
    /// not a number). A number never spans a space (`10 000` is two numbers).
    Number,
    /// A date or a clock time: `24/7/2019`, `24-7-2019`, `24.7.2019` (two-digit years except
    /// with dots), `2019-07-24`, `7/2019`, `24/7` (any valid day/month pair with `/`, so `1/2`
    /// is a date, not a half), `II/2019` (a Roman month or quarter over a year), `8h30`, `14h`,
    /// `8:30`, `08:30:15`. Day and month are checked (`31/4` is not a date).
    Date,
    /// An identifier mixing letters and digits, joined directly or by `/`, `-` (and `.` between
    /// digits): document numbers (`72/2002/QĐ-TTg`, `06/2012/QH13`, `01/2019/TT-BNV`),
    /// models, plates and codes (`COVID-19`, `H5N1`, `U23`, `4G`, `A4`, `m3`, `g/cm3`,
    /// `29A-123.45`, `T2`). Never a date even when it starts like one.
    Code,
    /// A URL: with a scheme (`https://…`, `ftp://…`), from `www.`, or a bare domain with a
    /// known top-level domain (`chinhphu.vn`, `thuvienphapluat.vn/van-ban`); the sentence's
    /// final punctuation after it is not part of it.
    Url,
    /// An email address (`lienhe@chinhphu.vn`).
    Email,
    /// A hashtag: `#` and letters, digits or `_`, with a letter (`#HàNội`, `#covid19`).
    Hashtag,
    /// A mention: `@` and letters, digits, `_` and inner dots (`@vnexpress`).
    Mention,
    /// An abbreviation kept whole: a known one (`TP`, `UBND`, `TTg`, `ThS`, `TT-Huế`, from the
    /// gazetteer's list), an all-caps word that is not a syllable and reads as letters (`UBND`,
    /// `HĐND`, `TĐKT`, `WTO`: up to three letters, or at most one vowel, or three consonants
    /// in a row; `COVID`, `NATO` are foreign), a group of such words and single letters joined
    /// by `.`, `-`, `/` or `&` (`TP.HCM`, `PGS.TS`, `Th.S`, `v.v`, `KH&ĐT`, `HIV/AIDS`,
    /// `QĐ-TTg`), with a number after a dot (`Q.1`, `P.12`). A period after it is part of it
    /// when the abbreviation takes one (`v.v.`, `TS.`, `TP.`, `PGS.TS.`) but not after a word
    /// that never does (`UBND.` `TP.HCM.` end a sentence).
    Abbreviation,
    /// Punctuation: see the module documentation for how runs are cut (`...`, `?!`, `--`,
    /// `./.`, `,`, `(`, `“`).
    Punctuation,
    /// A symbol: `%` `$` `€` `©` `+` `=` `°` `&` `#` `@` (when not a hashtag or mention),
    /// emoji, mathematical and other signs.
    Symbol,
}

/// One pre-token: a slice of the input with its byte span.
///
/// ```
/// use vntext::segment::{PreTokenKind, pretokenize};
///
/// let text = "Ngày 24/7/2019";
/// let date = pretokenize(text).nth(1).unwrap();
/// assert_eq!(date.text, "24/7/2019");
/// assert_eq!(date.kind, PreTokenKind::Date);
/// assert_eq!(&text[date.span.range()], date.text);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PreToken<'a> {
    /// The text of the token (`&input[span.range()]`).
    pub text: &'a str,
    /// Its byte span in the input.
    pub span: Span,
    /// What it is.
    pub kind: PreTokenKind,
}

/// An iterator over the pre-tokens of a text, made by [`pretokenize`].
///
/// ```
/// use vntext::segment::pretokenize;
///
/// assert_eq!(pretokenize("Hà Nội, 2025").count(), 4);
/// ```
#[derive(Clone, Debug)]
pub struct PreTokens<'a> {
    text: &'a str,
    pos: usize,
}

/// Splits `text` into pre-tokens.
///
/// ```
/// use vntext::segment::{PreTokenKind::*, pretokenize};
///
/// let text = "Hội nghị lúc 8h30 tại TP. Hạ Long, theo Quyết định 72/2002/QĐ-TTg./.";
/// let tokens: Vec<_> = pretokenize(text).map(|t| (t.text, t.kind)).collect();
/// assert_eq!(
///     tokens,
///     [
///         ("Hội", Syllable), ("nghị", Syllable), ("lúc", Syllable), ("8h30", Date),
///         ("tại", Syllable), ("TP.", Abbreviation), ("Hạ", Syllable), ("Long", Syllable),
///         (",", Punctuation), ("theo", Syllable), ("Quyết", Syllable), ("định", Syllable),
///         ("72/2002/QĐ-TTg", Code), ("./.", Punctuation),
///     ]
/// );
///
/// // Spans are byte offsets into `text`.
/// let long = pretokenize(text).find(|t| t.text == "Long").unwrap();
/// assert_eq!(&text[long.span.range()], "Long");
/// assert_eq!(long.span.start, 38);
/// ```
pub fn pretokenize(text: &str) -> PreTokens<'_> {
    PreTokens { text, pos: 0 }
}

impl<'a> PreTokens<'a> {
    /// The text not read yet (from the end of the last token).
    ///
    /// ```
    /// use vntext::segment::pretokenize;
    ///
    /// let mut tokens = pretokenize("Khánh Hòa, 2025");
    /// tokens.next();
    /// assert_eq!(tokens.rest(), " Hòa, 2025");
    /// ```
    pub fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }
}

impl<'a> Iterator for PreTokens<'a> {
    type Item = PreToken<'a>;

    fn next(&mut self) -> Option<PreToken<'a>> {
        let text = self.text;
        let b = text.as_bytes();
        let mut i = self.pos;
        // Skip whitespace.
        loop {
            let &x = b.get(i)?;
            if x < 0x80 {
                if !is_ascii_space(x) {
                    break;
                }
                i += 1;
            } else {
                match char_at(text, i) {
                    Some(c) if c.is_whitespace() => i += c.len_utf8(),
                    _ => break,
                }
            }
        }
        let (mut end, mut kind) = scan_token(text, i);
        let token = match text.get(i..end) {
            Some(t) if end > i => t,
            _ => {
                // Never reached; a safe step forward if it were.
                end = i + char_at(text, i).map_or(1, char::len_utf8);
                kind = PreTokenKind::Symbol;
                text.get(i..end).unwrap_or("")
            }
        };
        self.pos = end;
        Some(PreToken {
            text: token,
            span: Span::new(i, end),
            kind,
        })
    }
}

impl FusedIterator for PreTokens<'_> {}

/// Reads the token starting at `i` (not whitespace): its end and kind.
#[inline(always)]
fn scan_token(text: &str, i: usize) -> (usize, PreTokenKind) {
    let b = text.as_bytes();
    let x = b[i];
    if x.is_ascii_alphanumeric() {
        // (A URL is found there too: `http`, `ftp` and `www` are words followed by `:` or `.`.)
        return word::scan_word(text, i);
    }
    let Some(c) = char_at(text, i) else {
        return (i + 1, PreTokenKind::Symbol);
    };
    if x >= 0x80 {
        if is_letter(c) {
            return word::scan_word(text, i);
        }
        if c.is_numeric() {
            // Digits of other scripts, superscripts, fractions (², ½, ٣): a number of their own.
            let mut e = i;
            while let Some(c) = char_at(text, e).filter(|c| c.is_numeric() && !c.is_ascii()) {
                e += c.len_utf8();
            }
            return (e, PreTokenKind::Number);
        }
    }
    match x {
        b'#' => {
            if let Some(e) = web::hashtag_end(text, i) {
                return (e, PreTokenKind::Hashtag);
            }
        }
        b'@' => {
            if let Some(e) = web::mention_end(text, i) {
                return (e, PreTokenKind::Mention);
            }
        }
        _ => {}
    }
    if matches!(c, '-' | '+' | '−')
        && b.get(i + c.len_utf8()).is_some_and(u8::is_ascii_digit)
        && sign_may_start(text, i)
    {
        let (e, kind) = word::scan_word(text, i + c.len_utf8());
        if kind == PreTokenKind::Number {
            return (e, kind);
        }
    }
    marks(text, i, c)
}

/// Whether a sign at `i` may start a number: at the start, after whitespace or an opening
/// bracket.
fn sign_may_start(text: &str, i: usize) -> bool {
    match text.get(..i).and_then(|s| s.chars().next_back()) {
        None => true,
        Some(p) => p.is_whitespace() || matches!(p, '(' | '['),
    }
}

/// Reads punctuation or a symbol `c` starting at `i`.
#[inline(never)]
fn marks(text: &str, i: usize, c: char) -> (usize, PreTokenKind) {
    let mut e = i + c.len_utf8();
    match mark(c) {
        Mark::Terminal => {
            while let Some(d) = char_at(text, e).filter(|&d| mark_is_terminal(d)) {
                e += d.len_utf8();
            }
            if text[..e].ends_with('.') && text[e..].starts_with("/.") {
                e += 2;
            }
            (e, PreTokenKind::Punctuation)
        }
        Mark::Bracket => (e, PreTokenKind::Punctuation),
        Mark::Other => (same_run(text, e, c), PreTokenKind::Punctuation),
        Mark::Symbol if c.is_ascii() => (same_run(text, e, c), PreTokenKind::Symbol),
        Mark::Symbol => {
            if is_regional_indicator(c)
                && let Some(d) = char_at(text, e).filter(|&d| is_regional_indicator(d))
            {
                e += d.len_utf8();
            }
            loop {
                match char_at(text, e) {
                    Some(d) if is_symbol_extender(d) => e += d.len_utf8(),
                    Some('\u{200D}') => match char_at(text, e + 3) {
                        Some(d) if is_joinable_symbol(d) => e += 3 + d.len_utf8(),
                        _ => break,
                    },
                    _ => break,
                }
            }
            (e, PreTokenKind::Symbol)
        }
    }
}

fn mark_is_terminal(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace() && mark(c) == Mark::Terminal
}

/// Whether `c` may follow a zero-width joiner inside an emoji sequence.
fn is_joinable_symbol(c: char) -> bool {
    !c.is_ascii()
        && !c.is_whitespace()
        && !is_letter(c)
        && !c.is_numeric()
        && mark(c) == Mark::Symbol
}

/// The end of the run of `c` repeated from `e`.
fn same_run(text: &str, mut e: usize, c: char) -> usize {
    while text[e..].starts_with(c) {
        e += c.len_utf8();
    }
    e
}
