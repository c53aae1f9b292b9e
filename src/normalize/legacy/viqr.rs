//! VIQR (RFC 1456): Vietnamese in ASCII, each mark typed after its letter.
//!
//! Marks: `(` breve, `^` circumflex, `+` horn, `'` acute, `` ` `` grave, `?` hook above,
//! `~` tilde, `.` dot below; `dd` is đ and `DD` (or `Dd`) Đ. As RFC 1456 says, a mark character
//! is a mark if and only if it combines with the letter before it into a Vietnamese letter;
//! a backslash before it keeps it literal (`gi\?` is "gi?").
//!
//! Two choices of ours, where the RFC leaves room: `dd` and `Dd` are đ/Đ only at the start of a
//! word (English "address" keeps its d's), `DD` anywhere (abbreviations such as NĐ-CP are
//! written NDD-CP); and a backslash before `d`, `D` or another backslash is an escape too, so
//! every text has one encoding that decodes back to it.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

/// Whether `c` is one of VIQR's mark characters.
#[inline]
pub(super) fn is_mark_char(c: char) -> bool {
    matches!(c, '(' | '^' | '+' | '\'' | '`' | '?' | '~' | '.')
}

/// Whether a backslash before `c` is an escape.
#[inline]
fn is_escapable(c: char) -> bool {
    is_mark_char(c) || matches!(c, 'd' | 'D' | '\\')
}

/// The combining character a VIQR mark stands for.
fn mark_of(c: char) -> Option<char> {
    Some(match c {
        '(' => '\u{306}',
        '^' => '\u{302}',
        '+' => '\u{31B}',
        '\'' => '\u{301}',
        '`' => '\u{300}',
        '?' => '\u{309}',
        '~' => '\u{303}',
        '.' => '\u{323}',
        _ => return None,
    })
}

/// A Vietnamese vowel letter taken apart: base (ASCII), quality mark, tone mark.
fn parts(c: char) -> Option<(char, Option<char>, Option<char>)> {
    let mut base = None;
    let mut hat = None;
    let mut tone = None;
    let mut ok = true;
    decompose_canonical(c, |d| match d {
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'A' | 'E' | 'I' | 'O' | 'U' | 'Y' if base.is_none() => {
            base = Some(d)
        }
        '\u{302}' | '\u{306}' | '\u{31B}' if hat.is_none() => hat = Some(d),
        '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' if tone.is_none() => {
            tone = Some(d)
        }
        _ => ok = false,
    });
    let base = base.filter(|_| ok)?;
    // Only the Vietnamese pairs: â ê ô, ă, ơ ư.
    let fits = matches!(
        (base.to_ascii_lowercase(), hat),
        (_, None)
            | ('a' | 'e' | 'o', Some('\u{302}'))
            | ('a', Some('\u{306}'))
            | ('o' | 'u', Some('\u{31B}'))
    );
    fits.then_some((base, hat, tone))
}

/// Puts a letter together from its parts (marks in canonical order: the horn, then the dot
/// below, then the marks above, as ợ = ơ + dot and ặ = ạ + breve decompose).
fn build(base: char, hat: Option<char>, tone: Option<char>) -> Option<char> {
    let mut marks = [hat, tone];
    marks.sort_by_key(|m| m.map_or(0, canonical_combining_class));
    let mut c = base;
    for m in marks.into_iter().flatten() {
        c = compose(c, m)?;
    }
    Some(c)
}

/// The letter `prev` becomes with the VIQR mark character `m`, if it is a Vietnamese letter.
pub(super) fn combine(prev: char, m: char) -> Option<char> {
    let (base, hat, tone) = parts(prev)?;
    let mark = mark_of(m)?;
    let (hat, tone) = match mark {
        '\u{302}' | '\u{306}' | '\u{31B}' => {
            if hat.is_some() {
                return None;
            }
            (Some(mark), tone)
        }
        _ => {
            if tone.is_some() {
                return None;
            }
            (hat, Some(mark))
        }
    };
    let (base2, hat2, _) = parts(build(base, hat, None)?)?;
    debug_assert_eq!(base2, base);
    build(base, hat2, tone)
}

/// Whether the decoder reads `a` followed by `b` as đ/Đ.
#[inline]
fn pairs(a: char, b: char, word_start: bool) -> bool {
    match (a, b) {
        ('D', 'D') => true,
        ('D', 'd') | ('d', 'd') => word_start,
        _ => false,
    }
}

/// What the decoder learned: the text, and how many marks it applied (for detection).
pub(super) struct Viqr {
    pub text: String,
    /// Marks applied inside a word (followed by a letter), marks that plain text rarely puts
    /// after a vowel (`( ^ + ` ~ '`), marks on a letter that already has one, and đ pairs.
    pub strong: usize,
    /// `.` and `?` applied to a bare vowel at the end of a word, where they could also be
    /// punctuation ("gui." is gụi or "gui.").
    pub weak: usize,
    /// Escapes (`\.`) seen: only a VIQR writer puts them.
    pub escapes: usize,
}

/// Decodes VIQR text.
pub(super) fn decode(text: &str) -> Viqr {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    // The last output character, when it came from a letter (marks may combine with it), and
    // where it starts in `out`.
    let mut last: Option<(char, usize)> = None;
    let (mut strong, mut weak, mut escapes) = (0, 0, 0);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\\'
            && let Some(n) = next.filter(|&n| is_escapable(n))
        {
            out.push(n);
            last = None;
            escapes += 1;
            i += 2;
            continue;
        }
        if is_mark_char(c) {
            if let Some((p, at)) = last
                && let Some(q) = combine(p, c)
            {
                out.truncate(at);
                out.push(q);
                last = Some((q, at));
                // Inside a word: a letter follows, perhaps after more marks ("a^`u").
                let inside = chars[i + 1..]
                    .iter()
                    .find(|&&n| !is_mark_char(n))
                    .is_some_and(|n| n.is_ascii_alphabetic());
                // A `.` or `?` after a bare vowel at the end of a word may be punctuation.
                if inside || !matches!(c, '.' | '?') || !p.is_ascii() {
                    strong += 1;
                } else {
                    weak += 1;
                }
                i += 1;
                continue;
            }
            out.push(c);
            last = None;
            i += 1;
            continue;
        }
        if let Some(n) = next {
            let word_start = !out.chars().next_back().is_some_and(char::is_alphabetic);
            if pairs(c, n, word_start) {
                out.push(if c == 'd' { 'đ' } else { 'Đ' });
                last = None;
                strong += 1;
                i += 2;
                continue;
            }
        }
        let at = out.len();
        out.push(c);
        last = c.is_alphabetic().then_some((c, at));
        i += 1;
    }
    let text = if out.is_ascii() {
        out
    } else {
        out.nfc().collect()
    };
    Viqr {
        text,
        strong,
        weak,
        escapes,
    }
}

/// The first character the encoder writes for `c`.
fn first_out(c: char) -> char {
    match c {
        'đ' => 'd',
        'Đ' => 'D',
        _ => parts(c).map_or(c, |(base, _, _)| base),
    }
}

/// Encodes `text` (made NFC first) in VIQR, escaping what would otherwise be read as a mark.
pub(super) fn encode(text: &str) -> Option<Vec<u8>> {
    let chars: Vec<char> = text.nfc().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 3);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let word_start = !prev.is_some_and(char::is_alphabetic);
        match c {
            'đ' | 'Đ' => {
                if c == 'đ' && !word_start {
                    // "dd" inside a word is read as two d's.
                    return None;
                }
                out.push_str(if c == 'đ' { "dd" } else { "DD" });
            }
            '\\' => {
                if next.is_some_and(|n| is_escapable(first_out(n))) {
                    out.push_str("\\\\");
                } else {
                    out.push('\\');
                }
            }
            'd' | 'D' => {
                if next.is_some_and(|n| pairs(c, first_out(n), word_start)) {
                    out.push('\\');
                }
                out.push(c);
            }
            _ if is_mark_char(c) => {
                if prev.is_some_and(|p| p.is_alphabetic() && combine(p, c).is_some()) {
                    out.push('\\');
                }
                out.push(c);
            }
            _ if c.is_ascii() => out.push(c),
            _ => {
                let (base, hat, tone) = parts(c)?;
                out.push(base);
                for m in [hat, tone].into_iter().flatten() {
                    out.push(match m {
                        '\u{306}' => '(',
                        '\u{302}' => '^',
                        '\u{31B}' => '+',
                        '\u{301}' => '\'',
                        '\u{300}' => '`',
                        '\u{309}' => '?',
                        '\u{303}' => '~',
                        _ => '.',
                    });
                }
            }
        }
    }
    Some(out.into_bytes())
}
