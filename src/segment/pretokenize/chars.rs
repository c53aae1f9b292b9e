//! Character classes: whitespace, letters, and how punctuation marks and symbols group.

/// The character starting at byte `i` of `text`, or `None` at the end or off a char boundary.
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// Whether the ASCII byte `b` is whitespace (the ASCII part of [`char::is_whitespace`]).
#[inline]
pub(super) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// Whether `c` belongs to a run of letters: a letter of any script, or a combining mark (so
/// that decomposed text keeps its marks on their letters).
#[inline]
pub(super) fn is_letter(c: char) -> bool {
    match c as u32 {
        // Latin-1 letters and Latin Extended-A/B (ă â đ ê ô ơ ư …), but × and ÷.
        0x00C0..=0x024F => c != '×' && c != '÷',
        // Latin Extended Additional: the toned Vietnamese vowels.
        0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic() || is_combining_mark(c),
    }
}

/// Whether `c` is a combining mark of the blocks that attach diacritics to letters and symbols.
#[inline]
pub(super) fn is_combining_mark(c: char) -> bool {
    matches!(
        c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
    )
}

/// Whether `c` starts an atom of a word: an ASCII digit or a letter.
#[inline]
pub(super) fn starts_atom(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c)
}

/// How a character that is neither a letter, a digit nor whitespace makes tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    /// A sentence-final mark (`.` `!` `?` `…`): a run of any of them is one token.
    Terminal,
    /// A bracket or quotation mark: always a token of its own.
    Bracket,
    /// Any other punctuation (`,` `;` `:` `-` `/` `–` …): a run of one repeated mark is one token.
    Other,
    /// A symbol (`%` `$` `+` `=` `©` `€` emoji …).
    Symbol,
}

/// The [`Mark`] class of `c` (which is not a letter, digit or whitespace).
pub(super) fn mark(c: char) -> Mark {
    match c {
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？' | '．' => {
            Mark::Terminal
        }
        '('
        | ')'
        | '['
        | ']'
        | '{'
        | '}'
        | '"'
        | '\''
        | '«'
        | '»'
        | '‹'
        | '›'
        | '“'
        | '”'
        | '„'
        | '‟'
        | '‘'
        | '’'
        | '‚'
        | '‛'
        | '⁅'
        | '⁆'
        | '⟦'..='⟯'
        | '〈'..='】'
        | '〔'..='〛'
        | '（'
        | '）'
        | '［'
        | '］'
        | '｛'
        | '｝'
        | '＂'
        | '＇'
        | '｟'
        | '｠'
        | '｢'
        | '｣' => Mark::Bracket,
        ',' | ';' | ':' | '-' | '/' | '\\' | '*' | '_' => Mark::Other,
        '\0'..='\x7F' => Mark::Symbol,
        // ‰ ‱ and the fraction slash read as symbols.
        '‰' | '‱' | '⁄' | '⁒' => Mark::Symbol,
        '¡'
        | '§'
        | '¶'
        | '·'
        | '¿'
        | '\u{37E}'
        | '\u{387}'
        | '‐'..='‧'
        | '‰'..='⁞'
        | '⸀'..='⹿'
        | '、'
        | '〃'
        | '〜'
        | '〰'
        | '〽'
        | '゠'
        | '・'
        | '︐'..='︙'
        | '︰'..='﹏'
        | '﹐'..='﹫'
        | '！'..='／'
        | '：'
        | '；'
        | '＠'
        | '＼'
        | '＿'
        | '｡'..='･'
        | '՚'..='՟'
        | '։'
        | '֊'
        | '־'
        | '׀'
        | '׃'
        | '׆'
        | '׳'
        | '״'
        | '،'
        | '؍'
        | '؛'
        | '؟'
        | '٪'..='٭'
        | '۔'
        | '।'
        | '॥'
        | '॰'
        | '๏'
        | '๚'
        | '๛' => Mark::Other,
        _ => Mark::Symbol,
    }
}

/// Whether `c` modifies the symbol before it and stays with it: variation selectors, emoji
/// skin tones, tag characters, combining marks (the keycap ⃣ among them).
#[inline]
pub(super) fn is_symbol_extender(c: char) -> bool {
    matches!(
        c as u32,
        0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0x0300..=0x036F | 0x20D0..=0x20FF
    )
}

/// Whether `c` is a regional indicator (two of them make a flag).
#[inline]
pub(super) fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}
