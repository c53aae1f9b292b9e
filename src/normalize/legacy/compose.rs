//! Character classes and composition for decoded text, with fast paths for the Latin and
//! Vietnamese letters that make up nearly all of it.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

/// Whether `c` is a letter (`char::is_alphabetic`, answered without a table lookup for the
/// Latin and Vietnamese ranges).
#[inline]
pub(super) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7F}' => false,
        '\u{C0}'..='\u{24F}' => c != '×' && c != '÷',
        '\u{1E00}'..='\u{1EFF}' => true,
        '\u{2000}'..='\u{206F}' | '\u{FFFD}' => false,
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is a capital (`char::is_uppercase`, fast for Latin and Vietnamese letters).
#[inline]
pub(super) fn is_upper(c: char) -> bool {
    match c {
        'A'..='Z' => true,
        '\0'..='\u{BF}' => false,
        '\u{C0}'..='\u{DE}' => c != '×',
        '\u{DF}'..='\u{FF}' => false,
        // The Vietnamese block: capitals at even code points.
        '\u{1EA0}'..='\u{1EF9}' => (c as u32).is_multiple_of(2),
        _ => c.is_uppercase(),
    }
}

/// Whether `c` is a small letter (`char::is_lowercase`, fast for Latin and Vietnamese letters).
#[inline]
pub(super) fn is_lower(c: char) -> bool {
    match c {
        'a'..='z' | 'ª' | 'µ' | 'º' => true,
        '\0'..='\u{BF}' => false,
        '\u{C0}'..='\u{DE}' => false,
        '\u{DF}'..='\u{FF}' => c != '÷',
        '\u{1EA0}'..='\u{1EF9}' => !(c as u32).is_multiple_of(2),
        _ => c.is_lowercase(),
    }
}

/// Whether `c` is a combining mark (general category M).
#[inline]
pub(super) fn is_mark(c: char) -> bool {
    match c {
        '\0'..='\u{2FF}' => false,
        '\u{300}'..='\u{36F}' => true,
        '\u{1E00}'..='\u{1EFF}' | '\u{2000}'..='\u{206F}' | '\u{FFFD}' => false,
        _ => unicode_normalization::char::is_combining_mark(c),
    }
}

/// Text being decoded, composed as it is written: a combining mark joins the letter before it
/// when Unicode has the composed letter; a letter with marks that do not join it directly (â +
/// dot below = ậ; marks after a consonant) is normalized when its cluster ends.
///
/// Every character other than a mark must be an NFC-stable starter that never composes with
/// the character before it, as all the characters of the legacy tables are; then the text,
/// cluster by cluster, is NFC.
pub(super) struct Composer {
    out: String,
    /// Where the current cluster (a starter and the marks after it) starts.
    cluster: usize,
    /// Whether the current cluster holds marks that did not compose.
    raw: bool,
}

impl Composer {
    pub(super) fn with_capacity(n: usize) -> Composer {
        Composer {
            out: String::with_capacity(n),
            cluster: 0,
            raw: false,
        }
    }

    /// Appends a character that is not a combining mark; returns its byte offset.
    #[inline]
    pub(super) fn push(&mut self, c: char) -> usize {
        self.close();
        self.cluster = self.out.len();
        self.out.push(c);
        self.cluster
    }

    /// Appends a string of characters, combining marks composed.
    #[inline]
    pub(super) fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            if is_mark(c) {
                self.push_mark(c);
            } else {
                self.push(c);
            }
        }
    }

    /// Appends a combining mark, composing it with the letter before it.
    pub(super) fn push_mark(&mut self, m: char) {
        if !self.raw
            && let Some(last) = self.out.chars().next_back()
            && let Some(x) = compose(last, m)
        {
            self.out.truncate(self.out.len() - last.len_utf8());
            self.out.push(x);
            return;
        }
        self.raw = true;
        self.out.push(m);
    }

    /// Normalizes the current cluster if it needs it.
    fn close(&mut self) {
        if self.raw {
            let mut chars = ['\0'; 16];
            let mut n = 0;
            for c in self.out[self.cluster..].chars() {
                if n == chars.len() {
                    // Too many marks for the small path.
                    let c = self.out.split_off(self.cluster);
                    self.out.extend(c.nfc());
                    self.raw = false;
                    return;
                }
                chars[n] = c;
                n += 1;
            }
            self.out.truncate(self.cluster);
            nfc_cluster(&chars[..n], &mut self.out);
            self.raw = false;
        }
    }

    /// The text, in NFC.
    pub(super) fn finish(mut self) -> String {
        self.close();
        self.out
    }
}

/// Writes the NFC form of one cluster (a starter and the marks after it) to `out`: decompose,
/// put the marks in canonical order, compose each with the starter unless a mark before it
/// blocks it.
fn nfc_cluster(cluster: &[char], out: &mut String) {
    let mut chars = ['\0'; 24];
    let mut n = 0;
    let mut fits = true;
    for &c in cluster {
        decompose_canonical(c, |d| {
            if n < chars.len() {
                chars[n] = d;
                n += 1;
            } else {
                fits = false;
            }
        });
    }
    if !fits || n == 0 || canonical_combining_class(chars[0]) != 0 {
        out.extend(cluster.iter().collect::<String>().nfc());
        return;
    }
    let marks = &mut chars[1..n];
    marks.sort_by_key(|&d| canonical_combining_class(d));
    let mut starter = chars[0];
    let mut kept = ['\0'; 24];
    let mut k = 0;
    let mut last_kept = 0u8;
    for &m in &chars[1..n] {
        let class = canonical_combining_class(m);
        let blocked = k > 0 && last_kept >= class;
        if !blocked && let Some(x) = compose(starter, m) {
            starter = x;
            continue;
        }
        kept[k] = m;
        k += 1;
        last_kept = class;
    }
    out.push(starter);
    out.extend(&kept[..k]);
}
