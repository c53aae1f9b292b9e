//! Words, numbers, dates, codes and abbreviations.
//!
//! A token that starts with a letter or a digit is read in two steps. First the *blob*: atoms
//! (maximal runs of digits, or of letters) joined either directly (`8h30`: digits, letters,
//! digits) or by one inner mark (`. , - / : & '`) that has a letter or digit right after it. A
//! mark followed by anything else (space, punctuation, end) is not inner: `Nội,` and `2019.`
//! end before it. Then the grammar decides how many atoms of the blob make the first token and
//! what kind it is; the atoms left over are read again from the mark that follows.

use super::abbrev::{is_all_caps, is_known, is_one_char, roman_value};
use super::chars::{char_at, is_letter, starts_atom};
use super::memo::{is_syllable, kind_at};
use super::web;
use crate::segment::PreTokenKind as K;

/// The most atoms read ahead for one token. A longer blob is cut after this many (a chain like
/// `1-2-3-…` is then read in pieces); it keeps the scan linear on any input.
const MAX_ATOMS: usize = 16;

#[derive(Clone, Copy, Default)]
struct Atom {
    start: usize,
    end: usize,
    digits: bool,
}

/// Atoms read ahead from a token start.
struct Blob<'a> {
    text: &'a str,
    atoms: [Atom; MAX_ATOMS],
    n: usize,
    /// Whether letter atom `i` is a Vietnamese syllable, once asked.
    syllable: [Option<bool>; MAX_ATOMS],
}

/// Reads the token that starts with a letter or an ASCII digit at `start`: its end and kind.
#[inline(always)]
pub(super) fn scan_word(text: &str, start: usize) -> (usize, K) {
    let b = text.as_bytes();
    // The common case first: one atom that nothing joins to what follows (a syllable before a
    // space or a comma, a number before a space).
    let digits = b[start].is_ascii_digit();
    let end = if digits {
        start + b[start..].iter().take_while(|x| x.is_ascii_digit()).count()
    } else {
        skip_letters(text, start)
    };
    match b.get(end) {
        // Before a space or a line end: the most common case of all.
        None | Some(b' ' | b'\n') => {}
        Some(b'@' | b'_' | b'+' | b'%' | b'.' | b'-' | b':') => {
            return scan_rare(text, start, end);
        }
        Some(_) if continues(text, end) => return scan_rare(text, start, end),
        Some(_) => {}
    }
    if digits {
        // (`%` took the rare path; `‰` is checked here.)
        (percent_end(text, end), K::Number)
    } else {
        (end, kind_at(text, start, end))
    }
}

/// A run of letters that nothing joins to what follows, with the period after it when it is a
/// known abbreviation that takes one (`TP.`, `TS.`, `Q.`).
fn lone_word(text: &str, start: usize, end: usize) -> (usize, K) {
    let kind = kind_at(text, start, end);
    let b = text.as_bytes();
    if kind != K::Syllable
        && b.get(end) == Some(&b'.')
        && b.get(end + 1) != Some(&b'.')
        && text.get(start..end + 1).is_some_and(is_known)
    {
        return (end + 1, K::Abbreviation);
    }
    (end, kind)
}

/// The token at `start`, whose first atom ends at `end` before a mark that may join it to more
/// (or make it an email address, or a number with its `%`).
#[inline(never)]
fn scan_rare(text: &str, start: usize, end: usize) -> (usize, K) {
    let b = text.as_bytes();
    // http://, https://, ftp://, www.
    if matches!(b.get(end), Some(b':' | b'.'))
        && matches!(end - start, 3..=5)
        && let Some(e) = web::url_end(text, start)
    {
        return (e, K::Url);
    }
    if b[start].is_ascii_alphanumeric()
        && matches!(b.get(end), Some(b'@' | b'_' | b'+' | b'%' | b'.' | b'-'))
        && let Some(e) = web::email_end(text, start)
    {
        return (e, K::Email);
    }
    if !continues(text, end) {
        if b[start].is_ascii_digit() {
            return (percent_end(text, end), K::Number);
        }
        return lone_word(text, start, end);
    }
    let mut blob = Blob::scan(text, start);
    if b[start].is_ascii_alphanumeric() {
        let end = blob.atoms[blob.n - 1].end;
        if matches!(b.get(end), Some(b'@' | b'_' | b'+' | b'%' | b'.' | b'-'))
            && let Some(e) = web::email_end(text, start)
        {
            return (e, K::Email);
        }
        if blob.n >= 2
            && blob.has_domain_ending()
            && let Some(e) = web::domain_url_end(text, start)
        {
            return (e, K::Url);
        }
    }
    blob.classify()
}

impl<'a> Blob<'a> {
    fn scan(text: &'a str, start: usize) -> Blob<'a> {
        let b = text.as_bytes();
        let mut blob = Blob {
            text,
            atoms: [Atom::default(); MAX_ATOMS],
            n: 0,
            syllable: [None; MAX_ATOMS],
        };
        let mut i = start;
        loop {
            let atom_start = i;
            let digits = b[i].is_ascii_digit();
            if digits {
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
            } else {
                i = skip_letters(text, i);
            }
            blob.atoms[blob.n] = Atom {
                start: atom_start,
                end: i,
                digits,
            };
            blob.n += 1;
            if blob.n == MAX_ATOMS || i >= b.len() {
                break;
            }
            // Straight on into an atom of the other kind (letters after digits or after).
            if char_at(text, i).is_some_and(starts_atom) {
                continue;
            }
            let joint = match b[i] {
                b'.' | b',' | b'-' | b'/' | b':' | b'&' | b'\'' => 1,
                // ’ (U+2019) as an apostrophe.
                0xE2 if b.get(i + 1..i + 3) == Some(&[0x80, 0x99]) => 3,
                _ => break,
            };
            if char_at(text, i + joint).is_some_and(starts_atom) {
                i += joint;
            } else {
                break;
            }
        }
        blob
    }

    /// The text of atom `i`.
    #[inline]
    fn s(&self, i: usize) -> &'a str {
        self.text
            .get(self.atoms[i].start..self.atoms[i].end)
            .unwrap_or("")
    }

    /// The text from atom `i` to atom `j` (inclusive).
    #[inline]
    fn span(&self, i: usize, j: usize) -> &'a str {
        self.text
            .get(self.atoms[i].start..self.atoms[j].end)
            .unwrap_or("")
    }

    #[inline]
    fn digits(&self, i: usize) -> bool {
        self.atoms[i].digits
    }

    /// The mark joining atom `i - 1` to atom `i`: 0 when they touch, `'` for ’ as well.
    #[inline]
    fn joint(&self, i: usize) -> u8 {
        let at = self.atoms[i - 1].end;
        if at == self.atoms[i].start {
            0
        } else {
            match self.text.as_bytes()[at] {
                0xE2 => b'\'',
                x => x,
            }
        }
    }

    /// Whether letter atom `i` spells a Vietnamese syllable.
    fn is_syllable(&mut self, i: usize) -> bool {
        match self.syllable[i] {
            Some(v) => v,
            None => {
                let v = is_syllable(self.s(i));
                self.syllable[i] = Some(v);
                v
            }
        }
    }

    /// Whether letter atom `i` is a Vietnamese syllable of two letters or more: such a word is
    /// never glued to its neighbours (a single letter like `ô` or `A` may be).
    fn is_long_syllable(&mut self, i: usize) -> bool {
        !is_one_char(self.s(i)) && self.is_syllable(i)
    }

    /// Whether letter atom `i` may be part of an abbreviation: a single letter, a known
    /// abbreviation, or an all-caps word that is not a syllable.
    fn is_abbreviation_like(&mut self, i: usize) -> bool {
        let s = self.s(i);
        is_one_char(s) || is_known(s) || (is_all_caps(s) && !self.is_syllable(i))
    }

    /// Whether the byte at `at` is a period that may end an abbreviation (not the first of
    /// several: `v.v...` ends in an ellipsis).
    fn period_at(&self, at: usize) -> bool {
        let b = self.text.as_bytes();
        b.get(at) == Some(&b'.') && b.get(at + 1) != Some(&b'.')
    }

    /// Whether the blob may hold a bare domain: an atom of small ASCII letters after a dot that
    /// is a known top-level domain (`chinhphu.vn`, `moh.gov.vn/a`).
    fn has_domain_ending(&self) -> bool {
        (1..self.n).any(|i| !self.digits(i) && self.joint(i) == b'.' && web::is_tld(self.s(i)))
    }

    fn classify(&mut self) -> (usize, K) {
        if self.n >= 2 {
            if let Some(r) = self.clock_h().or_else(|| self.roman_date()) {
                return r;
            }
            if let Some(k) = self.code_len() {
                return (self.atoms[k - 1].end, K::Code);
            }
        }
        if self.digits(0) {
            self.numeric()
        } else {
            self.letters()
        }
    }

    /// `8h`, `14h`, `8h30`, `8H05`: a clock time with `h` (giờ).
    fn clock_h(&self) -> Option<(usize, K)> {
        if !(self.digits(0) && self.joint(1) == 0 && matches!(self.s(1), "h" | "H")) {
            return None;
        }
        let hour = small(self.s(0), 2)?;
        if hour > 24 {
            return None;
        }
        if self.n >= 3 && self.joint(2) == 0 && small(self.s(2), 2).is_some_and(|m| m <= 59) {
            return Some((self.atoms[2].end, K::Date));
        }
        Some((self.atoms[1].end, K::Date))
    }

    /// `II/2019` (quý II/2019, tháng XII/2019): a Roman numeral up to XII over a year.
    fn roman_date(&self) -> Option<(usize, K)> {
        if self.digits(0) || self.joint(1) != b'/' || !self.digits(1) || self.s(1).len() != 4 {
            return None;
        }
        let v = roman_value(self.s(0))?;
        (v <= 12 && is_year(self.s(1), true)).then(|| (self.atoms[1].end, K::Date))
    }

    /// The number of atoms of an identifier mixing letters and digits, or `None`: document
    /// numbers (`06/2012/QH13`, `72/2002/QĐ-TTg`), models and codes (`COVID-19`, `H5N1`, `4G`,
    /// `m3`, `g/cm3`, `29A-123.45`).
    ///
    /// Atoms join directly, by `/` or `-`, or by `.` between digits. A letter atom ends the code
    /// when it is a Vietnamese syllable of two letters or more (`5/ngày`, `năm2019`) unless it
    /// is a known abbreviation (`CA`), and when it is a unit written straight after a number
    /// (`5km`, `4g`, `100m2`): small letters after digits stay in the code only as one letter
    /// between digits (`2x2`, `1m30`).
    fn code_len(&mut self) -> Option<usize> {
        let mut k = 0;
        let (mut letters, mut digits) = (false, false);
        for i in 0..self.n {
            if i > 0 {
                let ok = match self.joint(i) {
                    0 | b'/' | b'-' => true,
                    b'.' => self.digits(i - 1) && self.digits(i),
                    _ => false,
                };
                if !ok {
                    break;
                }
            }
            if self.digits(i) {
                digits = true;
            } else {
                if !self.is_code_letters(i) {
                    break;
                }
                letters = true;
            }
            k = i + 1;
        }
        (letters && digits).then_some(k)
    }

    fn is_code_letters(&mut self, i: usize) -> bool {
        let s = self.s(i);
        let one = is_one_char(s);
        if i > 0 && self.joint(i) == 0 && s.starts_with(|c: char| c.is_lowercase()) {
            // A unit after a number (5km, 4g, 100m2), or one letter between digits (2x2).
            let digits_next = i + 1 < self.n && self.joint(i + 1) == 0;
            return one && digits_next && !(s == "m" && matches!(self.s(i + 1), "2" | "3"));
        }
        one || !self.is_syllable(i) || is_known(s)
    }

    /// A token starting with digits and no letters: a date, a clock time or a number.
    fn numeric(&self) -> (usize, K) {
        let mut m = 1;
        while m < self.n
            && self.digits(m)
            && matches!(self.joint(m), b'.' | b',' | b'/' | b':' | b'-')
        {
            m += 1;
        }
        let j1 = if m >= 2 { self.joint(1) } else { 0 };
        if m >= 3
            && j1 == self.joint(2)
            && matches!(j1, b'/' | b'-' | b'.')
            && is_date3(self.s(0), self.s(1), self.s(2), j1)
        {
            return (self.atoms[2].end, K::Date);
        }
        if j1 == b':' && is_clock(self.s(0), self.s(1)) {
            if m >= 3 && self.joint(2) == b':' && small(self.s(2), 2).is_some_and(|s| s <= 59) {
                return (self.atoms[2].end, K::Date);
            }
            return (self.atoms[1].end, K::Date);
        }
        if j1 == b'/' && is_date2(self.s(0), self.s(1)) {
            return (self.atoms[1].end, K::Date);
        }
        // Day and month with a hyphen (15-11), as news write them; not before a percent sign.
        if j1 == b'-'
            && m == 2
            && is_date2(self.s(0), self.s(1))
            && percent_end(self.text, self.atoms[1].end) == self.atoms[1].end
        {
            return (self.atoms[1].end, K::Date);
        }
        // A fraction or ratio (1/500, 3:2), or digits grouped by . and , (10.000, 1.234,5).
        let e = if matches!(j1, b'/' | b':') {
            2
        } else {
            let mut e = 1;
            while e < m && matches!(self.joint(e), b'.' | b',') {
                e += 1;
            }
            // A range (1.500-2.000, 2019-2020, 5-10%) is one token, as the treebank writes it.
            if e < m && self.joint(e) == b'-' {
                e += 1;
                while e < m && matches!(self.joint(e), b'.' | b',') {
                    e += 1;
                }
            }
            e
        };
        (percent_end(self.text, self.atoms[e - 1].end), K::Number)
    }

    /// A token starting with letters, not a code: an abbreviation (`TP.HCM`, `v.v.`, `Q.1`,
    /// `KH&ĐT`), a foreign compound (`Coca-Cola`, `km/h`) or one word.
    fn letters(&mut self) -> (usize, K) {
        // The letter atoms joined by inner marks.
        let mut g = 1;
        while g < self.n
            && !self.digits(g)
            && matches!(self.joint(g), b'.' | b'-' | b'/' | b'&' | b'\'')
        {
            g += 1;
        }
        // One word (the common case), unless it may start a numbered abbreviation (Q.1).
        let numbered = self.n >= 2 && self.joint(1) == b'.' && self.digits(1);
        if g == 1 && !numbered {
            return self.word(0);
        }
        if g >= 2 && is_known(self.span(0, g - 1)) {
            return (self.abbreviation_end(g), K::Abbreviation);
        }
        if self.is_abbreviation_like(0) {
            let mut p = 1;
            while p < g
                && matches!(self.joint(p), b'.' | b'-' | b'/' | b'&')
                && self.is_abbreviation_like(p)
            {
                p += 1;
            }
            let dotted = (1..p).all(|i| self.joint(i) == b'.');
            // Q.1, P.12: a dotted abbreviation numbering a district or ward.
            if dotted && p < self.n && self.joint(p) == b'.' && self.digits(p) {
                return (self.atoms[p].end, K::Abbreviation);
            }
            if p >= 2 {
                return (self.abbreviation_end(p), K::Abbreviation);
            }
        }
        if g >= 2
            && (1..g).all(|i| matches!(self.joint(i), b'-' | b'/' | b'\''))
            && (0..g).all(|i| !self.is_long_syllable(i))
        {
            return (self.atoms[g - 1].end, K::Foreign);
        }
        // One consonant and an apostrophe before a syllable: names of the Central Highlands
        // (K'Bang, H'Leo, R'Lấp, M'Nông).
        if g >= 2
            && self.joint(1) == b'\''
            && is_one_char(self.s(0))
            && !self.is_syllable(0)
            && self.is_syllable(1)
        {
            return (self.atoms[1].end, K::Foreign);
        }
        self.word(0)
    }

    /// The first atom alone, a word of letters, with the period after it when it is a known
    /// abbreviation that takes one (`TP.`, `TS.`, `Q.`).
    fn word(&mut self, i: usize) -> (usize, K) {
        lone_word(self.text, self.atoms[i].start, self.atoms[i].end)
    }

    /// The end of an abbreviation made of the first `p` atoms, with the period after it when
    /// it takes one: after a dotted group ending in one letter (`v.v.`, `Th.S.`) or when the
    /// last word with its period is known (`PGS.TS.`); never after `TP.HCM`, whose period ends
    /// the sentence.
    fn abbreviation_end(&self, p: usize) -> usize {
        let end = self.atoms[p - 1].end;
        let dotted = (1..p).all(|i| self.joint(i) == b'.');
        let takes_period = dotted
            && self.period_at(end)
            && (is_one_char(self.s(p - 1))
                || self
                    .text
                    .get(self.atoms[p - 1].start..end + 1)
                    .is_some_and(is_known));
        if takes_period { end + 1 } else { end }
    }
}

/// Whether the atom ending at `end` goes on: into an atom of the other kind (`8h`, `m3`), or
/// through an inner mark followed by a letter or digit (`TP.HCM`, `10.000`, `Thanh-Hóa`).
#[inline]
fn continues(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    let Some(&x) = b.get(end) else {
        return false;
    };
    let joint = match x {
        b' ' | b'\n' => return false,
        b'.' | b',' | b'-' | b'/' | b':' | b'&' | b'\'' => 1,
        0xE2 if b.get(end + 1..end + 3) == Some(&[0x80, 0x99]) => 3,
        b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => return true,
        0x80.. => return char_at(text, end).is_some_and(starts_atom),
        _ => return false,
    };
    char_at(text, end + joint).is_some_and(starts_atom)
}

/// The end of a number ending at `end`, with the `%` or `‰` right after it.
#[inline]
fn percent_end(text: &str, end: usize) -> usize {
    let rest = &text.as_bytes()[end..];
    if rest.first() == Some(&b'%') {
        end + 1
    } else if rest.starts_with("‰".as_bytes()) {
        end + "‰".len()
    } else {
        end
    }
}

/// Skips the letters (and combining marks) from `i`.
#[inline(always)]
fn skip_letters(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if !x.is_ascii_alphabetic() {
                break;
            }
            i += 1;
        } else if (0xC3..=0xC6).contains(&x)
            && !(x == 0xC3 && matches!(b.get(i + 1), Some(0x97 | 0xB7)))
        {
            // U+00C0..U+01BF: Latin letters (ă đ ơ ư …) but × and ÷.
            i += 2;
        } else if x == 0xE1 && matches!(b.get(i + 1), Some(0xB8..=0xBB)) {
            // U+1E00..U+1EFF: the toned Vietnamese vowels.
            i += 3;
        } else {
            match char_at(text, i) {
                Some(c) if is_letter(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The value of a run of at most `max` ASCII digits.
#[inline]
fn small(s: &str, max: usize) -> Option<u32> {
    if s.is_empty() || s.len() > max {
        return None;
    }
    s.bytes().try_fold(0u32, |v, d| {
        d.is_ascii_digit().then(|| v * 10 + (d - b'0') as u32)
    })
}

fn is_day(s: &str) -> bool {
    small(s, 2).is_some_and(|d| (1..=31).contains(&d))
}

fn is_month(s: &str) -> bool {
    small(s, 2).is_some_and(|m| (1..=12).contains(&m))
}

/// A year of four digits starting 1 or 2, or (when `short` is allowed) of two digits.
fn is_year(s: &str, short: bool) -> bool {
    (s.len() == 4 && matches!(s.as_bytes()[0], b'1' | b'2')) || (short && s.len() == 2)
}

/// Whether day `d` exists in month `m` (29 February allowed).
fn day_fits(d: &str, m: &str) -> bool {
    match (small(d, 2), small(m, 2)) {
        (Some(d), Some(2)) => d <= 29,
        (Some(d), Some(4 | 6 | 9 | 11)) => d <= 30,
        (Some(_), Some(_)) => true,
        _ => false,
    }
}

/// `24/7/2019`, `24-7-19`, `24.7.2019` (day first; a two-digit year except with dots), or
/// `2019-07-24` (year first).
fn is_date3(a: &str, b: &str, c: &str, sep: u8) -> bool {
    if a.len() == 4 {
        return is_year(a, false) && is_month(b) && is_day(c) && day_fits(c, b);
    }
    is_day(a) && is_month(b) && day_fits(a, b) && is_year(c, sep != b'.')
}

/// `24/7` (day and month) or `7/2019` (month and year).
fn is_date2(a: &str, b: &str) -> bool {
    (is_day(a) && is_month(b) && day_fits(a, b)) || (is_month(a) && is_year(b, false))
}

/// `8:30`, `23:05`: hours up to 24, two-digit minutes.
fn is_clock(h: &str, m: &str) -> bool {
    small(h, 2).is_some_and(|h| h <= 24) && m.len() == 2 && small(m, 2).is_some_and(|m| m <= 59)
}
