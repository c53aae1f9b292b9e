//! The Vietnamese syllable: onset, medial, nucleus, coda and tone.
//!
//! This module is the one place that knows the spelling rules of Vietnamese syllables and where
//! their tone marks go. [`Syllable::parse`] takes a written syllable apart; [`is_valid`] says
//! whether a word is a well-formed Vietnamese syllable; [`Syllable::render`] writes it back with
//! its tone in either [`ToneStyle`].
//!
//! ```
//! use vntext::syllable::{Syllable, Tone, ToneStyle};
//!
//! let s: Syllable = "hoà".parse().unwrap();
//! assert_eq!((s.onset(), s.medial(), s.nucleus(), s.coda()), ("h", "o", "a", ""));
//! assert_eq!(s.tone(), Tone::Grave);
//! assert_eq!(s.render(ToneStyle::Traditional), "hòa");
//! assert_eq!(s.render(ToneStyle::Reformed), "hoà");
//!
//! // qu- and gi- are onsets; in gìn the i is the vowel.
//! let q: Syllable = "quốc".parse().unwrap();
//! assert_eq!((q.onset(), q.nucleus(), q.coda()), ("qu", "ô", "c"));
//! let g: Syllable = "gìn".parse().unwrap();
//! assert_eq!((g.onset(), g.nucleus(), g.coda()), ("g", "i", "n"));
//! ```

mod letter;

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

pub(crate) use letter::{
    Letter, code_of, fold_letter, is_marked_vowel_code, is_vowel_code, key_fold_upper, letter,
    lower_key,
};

use crate::error::ParseSyllableError;

/// The six tones of Vietnamese, named by their mark.
///
/// ```
/// use vntext::syllable::{Syllable, Tone};
///
/// assert_eq!(Syllable::parse("Nguyễn")?.tone(), Tone::Tilde);
/// assert_eq!(Syllable::parse("thuở")?.tone(), Tone::Hook);
/// assert_eq!(Syllable::parse("dân")?.tone(), Tone::Level);
/// assert_eq!(Tone::Dot as u8, 5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tone {
    /// Thanh ngang: no mark (`a`).
    Level = 0,
    /// Thanh huyền: grave accent (`à`).
    Grave = 1,
    /// Thanh sắc: acute accent (`á`).
    Acute = 2,
    /// Thanh hỏi: hook above (`ả`).
    Hook = 3,
    /// Thanh ngã: tilde (`ã`).
    Tilde = 4,
    /// Thanh nặng: dot below (`ạ`).
    Dot = 5,
}

impl Tone {
    /// All tones, in the order of their discriminants.
    ///
    /// ```
    /// use vntext::normalize::normalize;
    /// use vntext::syllable::Tone;
    ///
    /// // ma with each tone: ghost, but, mother, grave, horse, rice seedling.
    /// let words: Vec<String> = Tone::ALL
    ///     .iter()
    ///     .map(|t| {
    ///         let mut word = String::from("ma");
    ///         word.extend(t.combining_mark());
    ///         normalize(&word).into_owned()
    ///     })
    ///     .collect();
    /// assert_eq!(words, ["ma", "mà", "má", "mả", "mã", "mạ"]);
    /// ```
    pub const ALL: [Tone; 6] = [
        Tone::Level,
        Tone::Grave,
        Tone::Acute,
        Tone::Hook,
        Tone::Tilde,
        Tone::Dot,
    ];

    /// The combining character of this tone's mark, or `None` for the level tone.
    ///
    /// ```
    /// assert_eq!(vntext::syllable::Tone::Dot.combining_mark(), Some('\u{0323}'));
    /// ```
    pub fn combining_mark(self) -> Option<char> {
        match self {
            Tone::Level => None,
            Tone::Grave => Some('\u{0300}'),
            Tone::Acute => Some('\u{0301}'),
            Tone::Hook => Some('\u{0309}'),
            Tone::Tilde => Some('\u{0303}'),
            Tone::Dot => Some('\u{0323}'),
        }
    }

    /// The tone a combining mark stands for (U+0340/U+0341, the deprecated tone marks, count).
    ///
    /// ```
    /// use vntext::syllable::Tone;
    ///
    /// // ữ decomposed: u, the horn (a quality mark, not a tone), the tilde.
    /// let nfd = "u\u{31B}\u{303}";
    /// let tones: Vec<Option<Tone>> = nfd.chars().map(Tone::from_combining_mark).collect();
    /// assert_eq!(tones, [None, None, Some(Tone::Tilde)]);
    /// assert_eq!(Tone::from_combining_mark('\u{0341}'), Some(Tone::Acute));
    /// ```
    pub fn from_combining_mark(c: char) -> Option<Tone> {
        match c {
            '\u{0300}' | '\u{0340}' => Some(Tone::Grave),
            '\u{0301}' | '\u{0341}' => Some(Tone::Acute),
            '\u{0309}' => Some(Tone::Hook),
            '\u{0303}' => Some(Tone::Tilde),
            '\u{0323}' => Some(Tone::Dot),
            _ => None,
        }
    }
}

/// Where the tone mark goes in the open syllables spelled with oa, oe and uy, the only place
/// where the two conventions in use differ.
///
/// ```
/// use vntext::normalize::Normalizer;
/// use vntext::syllable::{Syllable, ToneStyle};
///
/// assert_eq!(ToneStyle::default(), ToneStyle::Traditional);
/// let thuy = Syllable::parse("Thủy")?;
/// assert_eq!(thuy.render(ToneStyle::Traditional), "thủy");
/// assert_eq!(thuy.render(ToneStyle::Reformed), "thuỷ");
/// // With a coda, or a vowel with its own mark, both put the tone in the same place.
/// let reformed = Normalizer::new().style(ToneStyle::Reformed);
/// assert_eq!(reformed.normalize("Thủy hoàn toàn thuở"), "Thuỷ hoàn toàn thuở");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ToneStyle {
    /// The placement most Vietnamese text uses (hòa, thủy, khỏe): 89.5 % of the statutes and
    /// 86.5 % of Wikipedia's open oa/oe/uy syllables. The default.
    #[default]
    Traditional,
    /// The placement of the Ministry of Education rules (Quyết định 1989/QĐ-BGDĐT, 2018) on the
    /// main vowel (hoà, thuỷ, khoẻ).
    Reformed,
}

/// The longest syllable the parser takes, in letters (nghiêng, khuyếch have 7).
const MAX_LETTERS: usize = 8;

/// Rimes that need no glide, as written after most onsets (from the spelling rules of
/// Vietnamese orthography).
const PLAIN_RIMES: &str = "a ai ao au ay am an ang anh ap at ac ach \
    ăm ăn ăng ăp ăt ăc âm ân âng âp ât âc âu ây \
    e eo em en eng ep et ec ê êu êm ên ênh êp êt êch \
    i iu ia im in inh ip it ich iêu iêm iên iêng iêp iêt iêc \
    o oi om on ong op ot oc oong ooc ô ôi ôm ôn ông ôp ôt ôc ơ ơi ơm ơn ơp ơt \
    u ui um un ung up ut uc ua uôi uôm uôn uông uôt uôc \
    ư ưi ưu ưm ưn ưng ưt ưc ưa ươi ươu ươm ươn ương ươp ươt ươc";

/// Rimes with a w-glide (o before a/ă/e, u before â/ê/y/ơ).
const GLIDE_RIMES: &str = "oa oai oay oan oang oanh oat oac oach oam oap oao \
    oăn oăng oăt oăc oăm oăp oe oen oet oeo oem \
    uân uâng uât uây uê uênh uêch uên uêt uêu \
    uy uyn uynh uych uyt uya uyên uyêt uyu uyp uơ";

/// Rimes written after qu- without the glide's u (quí, quít, quốc, quấc, quàu).
const QU_EXTRA_RIMES: &str = "i it in ich inh au ôc âc";

/// The rime tables, each a sorted list of packed rimes.
struct Rimes {
    plain: Vec<u64>,
    glide: Vec<u64>,
    qu_extra: Vec<u64>,
}

static RIMES: LazyLock<Rimes> = LazyLock::new(|| Rimes {
    plain: rime_table(PLAIN_RIMES),
    glide: rime_table(GLIDE_RIMES),
    qu_extra: rime_table(QU_EXTRA_RIMES),
});

fn rime_table(words: &str) -> Vec<u64> {
    let mut v: Vec<u64> = words
        .split_whitespace()
        .map(|w| {
            let codes: Vec<u8> = w.chars().filter_map(letter).map(|l| l.code).collect();
            pack(&[], &codes)
        })
        .collect();
    v.sort_unstable();
    v
}

/// Packs up to eight parser bytes (a prefix then a body) into one integer.
#[inline]
fn pack(prefix: &[u8], body: &[u8]) -> u64 {
    let mut x = 0u64;
    for &b in prefix.iter().chain(body) {
        x = (x << 8) | b as u64;
    }
    x
}

#[inline]
fn has(table: &[u64], key: u64) -> bool {
    table.binary_search(&key).is_ok()
}

/// Where the parts of a syllable lie in its letters (indices into the letter array).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Shape {
    /// End of the onset (start of the vowels).
    pub onset_end: usize,
    /// End of the vowel run (start of the consonant coda).
    pub vowels_end: usize,
    /// Whether the first vowel is a w-glide (hoa, thuy, quy counts it in the onset).
    pub glide: bool,
}

/// The length of the onset at the start of `c`, or `None` when `c` starts with a consonant
/// cluster that is not a Vietnamese onset.
#[inline]
fn onset_len(c: &[u8]) -> Option<usize> {
    let vowel_at = |i: usize| c.get(i).is_some_and(|&b| letter::is_vowel_code(b));
    let n = match c {
        [b'n', b'g', b'h', ..] => 3,
        [b'g', b'i', ..] => {
            if vowel_at(2) {
                2
            } else {
                // gì, gìn: the i is the vowel.
                1
            }
        }
        [b'q', b'u', ..] => 2,
        [b'n', b'g' | b'h', ..]
        | [b'c' | b'g' | b'k' | b'p' | b't', b'h', ..]
        | [b't', b'r', ..] => 2,
        [
            b'b' | b'c' | b'd' | b'D' | b'g' | b'h' | b'k' | b'l' | b'm' | b'n' | b'p',
            ..,
        ]
        | [b'r' | b's' | b't' | b'v' | b'x', ..] => 1,
        [first, ..] if letter::is_vowel_code(*first) => 0,
        _ => return None,
    };
    Some(n)
}

/// Whether `c` is a consonant coda.
#[inline]
fn is_coda(c: &[u8]) -> bool {
    matches!(
        c,
        [] | [b'c']
            | [b'm']
            | [b'n']
            | [b'p']
            | [b't']
            | [b'c', b'h']
            | [b'n', b'g']
            | [b'n', b'h']
    )
}

/// Whether a syllable ending in the consonant coda `coda` may carry `tone`: the stops c, ch, p
/// and t take only the acute and the dot below.
#[inline]
fn tone_fits_coda(coda: &[u8], tone: Tone) -> bool {
    !matches!(coda, [b'c'] | [b'p'] | [b't'] | [b'c', b'h'])
        || matches!(tone, Tone::Acute | Tone::Dot)
}

/// Takes the toneless lower-case letters `c` of a syllable apart, or `None` when they do not
/// spell a Vietnamese syllable.
pub(crate) fn shape(c: &[u8]) -> Option<Shape> {
    if c.is_empty() || c.len() > MAX_LETTERS {
        return None;
    }
    let onset_end = onset_len(c)?;
    let vowels_end = onset_end
        + c[onset_end..]
            .iter()
            .take_while(|&&b| letter::is_vowel_code(b))
            .count();
    if vowels_end == onset_end || !is_coda(&c[vowels_end..]) {
        return None;
    }
    let rime = &c[onset_end..];
    let rimes = &*RIMES;
    let onset = &c[..onset_end];
    let glide = match onset {
        b"qu" => {
            if has(&rimes.qu_extra, pack(&[], rime)) {
                false
            } else if has(&rimes.glide, pack(b"o", rime)) || has(&rimes.glide, pack(b"u", rime)) {
                true
            } else {
                return None;
            }
        }
        b"gi" => {
            if has(&rimes.plain, pack(&[], rime)) || has(&rimes.plain, pack(b"i", rime)) {
                false
            } else {
                return None;
            }
        }
        _ => {
            if has(&rimes.plain, pack(&[], rime)) {
                false
            } else if has(&rimes.glide, pack(&[], rime)) {
                true
            } else if rime == b"y" {
                // lý, kỹ, Thy: open i spelled y.
                false
            } else if rime.len() >= 2
                && rime[0] == b'y'
                && rime[1] == b'E'
                && has(&rimes.plain, pack(b"i", &rime[1..]))
            {
                // yên, yêu, yết: iê spelled yê.
                false
            } else {
                return None;
            }
        }
    };
    Some(Shape {
        onset_end,
        vowels_end,
        glide,
    })
}

/// The index (into the letters) of the vowel that carries the tone, in `style`.
pub(crate) fn tone_index(c: &[u8], s: Shape, style: ToneStyle) -> usize {
    let (vs, ve) = (s.onset_end, s.vowels_end);
    let v = &c[vs..ve];
    if let Some(i) = v.iter().rposition(|&b| letter::is_marked_vowel_code(b)) {
        return vs + i;
    }
    if ve < c.len() {
        return ve - 1;
    }
    match v {
        [_] => vs,
        [b'o', b'a'] | [b'o', b'e'] | [b'u', b'y'] if style == ToneStyle::Reformed => vs + 1,
        [_, _] => vs,
        _ => vs + 1,
    }
}

/// Whether the tone at `at` is where `style` puts it, judged from the spelling alone (`codes`:
/// parser bytes of the letters) without checking that the word is a valid syllable:
/// `Some(true)` when it is, `None` when that cannot be told this way (the caller then runs
/// [`analyze`]).
#[inline]
pub(crate) fn tone_in_place(codes: &[u8], at: usize, style: ToneStyle) -> Option<bool> {
    let onset_end = onset_len(codes)?;
    let vowels_end = onset_end
        + codes[onset_end..]
            .iter()
            .take_while(|&&b| letter::is_vowel_code(b))
            .count();
    if at < onset_end || at >= vowels_end {
        return None;
    }
    let s = Shape {
        onset_end,
        vowels_end,
        glide: false,
    };
    (tone_index(codes, s, style) == at).then_some(true)
}

/// What [`analyze`] finds in a word of letters.
pub(crate) struct Analysis {
    /// Where the word's one tone mark is now (`None` when it has no tone mark).
    pub current: Option<usize>,
    /// Where the chosen style puts it.
    pub target: usize,
}

/// Analyzes a word given as letters: `None` when it is not a valid Vietnamese syllable (bad
/// spelling, more than one tone mark, a tone a stop coda does not take).
pub(crate) fn analyze(letters: &[Letter], style: ToneStyle) -> Option<Analysis> {
    if letters.is_empty() || letters.len() > MAX_LETTERS {
        return None;
    }
    // A capital right after a small letter at the end (ThủyA) marks two words run together.
    if let [.., a, b] = letters
        && b.upper
        && !a.upper
    {
        return None;
    }
    let mut codes = [0u8; MAX_LETTERS];
    let mut current = None;
    for (i, l) in letters.iter().enumerate() {
        codes[i] = l.code;
        if l.tone != Tone::Level {
            if current.is_some() {
                return None;
            }
            current = Some(i);
        }
    }
    let codes = &codes[..letters.len()];
    let s = shape(codes)?;
    let tone = current.map_or(Tone::Level, |i| letters[i].tone);
    if !tone_fits_coda(&codes[s.vowels_end..], tone) {
        return None;
    }
    Some(Analysis {
        current,
        target: tone_index(codes, s, style),
    })
}

/// Collects the letters of `word` (NFC), or `None` when a character is not a letter.
pub(crate) fn letters_of(word: &str, out: &mut [Letter; MAX_LETTERS]) -> Option<usize> {
    let mut n = 0;
    for c in word.chars() {
        if n == MAX_LETTERS {
            return None;
        }
        out[n] = letter(c)?;
        n += 1;
    }
    Some(n)
}

/// Whether `word` (NFC, any case, either tone placement) is one well-formed Vietnamese
/// syllable.
///
/// ```
/// use vntext::syllable::is_valid;
/// assert!(is_valid("Nguyễn") && is_valid("thuở") && is_valid("hoà") && is_valid("GIÀ"));
/// assert!(!is_valid("Zoé") && !is_valid("café") && !is_valid("hóà") && !is_valid("bàt"));
/// ```
pub fn is_valid(word: &str) -> bool {
    let mut buf = [Letter {
        code: 0,
        tone: Tone::Level,
        upper: false,
    }; MAX_LETTERS];
    match letters_of(word, &mut buf) {
        Some(n) => analyze(&buf[..n], ToneStyle::Traditional).is_some(),
        None => false,
    }
}

/// Puts `letters` back together as a string, moving the tone to `target` (when the word has a
/// tone) and keeping each letter's case.
pub(crate) fn render_letters(letters: &[Letter], a: &Analysis, out: &mut String) {
    let tone = a.current.map_or(Tone::Level, |i| letters[i].tone);
    for (i, l) in letters.iter().enumerate() {
        let t = if i == a.target { tone } else { Tone::Level };
        out.push(letter::compose(l.code, t, l.upper));
    }
}

/// A parsed Vietnamese syllable, lower-cased and without its tone mark; the tone is kept apart.
///
/// ```
/// use vntext::syllable::{Syllable, Tone, ToneStyle};
///
/// let s: Syllable = "KHỎE".parse()?;
/// assert_eq!((s.onset(), s.medial(), s.nucleus(), s.coda()), ("kh", "o", "e", ""));
/// assert_eq!(s.tone(), Tone::Hook);
/// assert_eq!(s.render(ToneStyle::Reformed), "khoẻ");
/// // `Display` writes the traditional placement.
/// assert_eq!(s.to_string(), "khỏe");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Syllable {
    /// The toneless lower-case letters.
    letters: String,
    /// Byte ends of onset, medial, nucleus in `letters` (the coda runs to the end).
    onset_end: usize,
    medial_end: usize,
    nucleus_end: usize,
    tone: Tone,
    /// Parser bytes of the letters, and the shape, for rendering.
    codes: Vec<u8>,
    shape: Shape,
}

impl Syllable {
    /// Parses one written syllable (NFC or NFD, any case, either tone placement).
    ///
    /// # Errors
    /// [`ParseSyllableError`] when the text is not one valid Vietnamese syllable.
    ///
    /// ```
    /// use vntext::syllable::{Syllable, Tone, ToneStyle};
    ///
    /// let s = Syllable::parse("thuở")?;
    /// assert_eq!((s.onset(), s.medial(), s.nucleus(), s.coda()), ("th", "u", "ơ", ""));
    /// assert_eq!(s.tone(), Tone::Hook);
    /// // ơ has its own mark: the tone sits on it in both styles.
    /// assert_eq!(s.render(ToneStyle::Traditional), "thuở");
    /// assert_eq!(s.render(ToneStyle::Reformed), "thuở");
    ///
    /// // NFD and a misplaced tone are taken too.
    /// assert_eq!(Syllable::parse("thuo\u{31B}\u{309}")?, s);
    /// assert_eq!(Syllable::parse("hòan")?.render(ToneStyle::Traditional), "hoàn");
    ///
    /// assert!(Syllable::parse("café").is_err());
    /// assert!(Syllable::parse("bàt").is_err()); // a stop coda takes only the acute or the dot
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(text: &str) -> Result<Syllable, ParseSyllableError> {
        let composed: std::borrow::Cow<'_, str> = if text.chars().any(is_combining_vietnamese) {
            crate::normalize::normalize_with(text, &crate::normalize::Normalizer::new())
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        let err = || ParseSyllableError::new(text);
        let mut buf = [Letter {
            code: 0,
            tone: Tone::Level,
            upper: false,
        }; MAX_LETTERS];
        let n = letters_of(&composed, &mut buf).ok_or_else(err)?;
        let letters = &buf[..n];
        analyze(letters, ToneStyle::Traditional).ok_or_else(err)?;
        let codes: Vec<u8> = letters.iter().map(|l| l.code).collect();
        let shape = shape(&codes).ok_or_else(err)?;
        let tone = letters
            .iter()
            .map(|l| l.tone)
            .find(|&t| t != Tone::Level)
            .unwrap_or(Tone::Level);
        // Split the vowel run into medial, nucleus and a final semivowel.
        let (vs, ve) = (shape.onset_end, shape.vowels_end);
        let medial_at = if shape.glide && &codes[..vs] != b"qu" {
            vs + 1
        } else {
            vs
        };
        let mut nucleus_at = ve;
        if ve == codes.len()
            && ve - medial_at >= 2
            && matches!(codes[ve - 1], b'i' | b'y' | b'o' | b'u')
        {
            nucleus_at = ve - 1;
        }
        let letters_s: String = codes.iter().map(|&c| letter::base_char(c)).collect();
        let byte_at = |k: usize| -> usize {
            codes[..k]
                .iter()
                .map(|&c| letter::base_char(c).len_utf8())
                .sum()
        };
        let ends = [byte_at(vs), byte_at(medial_at), byte_at(nucleus_at)];
        Ok(Syllable {
            letters: letters_s,
            onset_end: ends[0],
            medial_end: ends[1],
            nucleus_end: ends[2],
            tone,
            codes,
            shape,
        })
    }

    /// The initial consonant(s), with qu- and gi- counted as onsets (`""` when there is none).
    ///
    /// ```
    /// use vntext::syllable::Syllable;
    ///
    /// assert_eq!(Syllable::parse("nghiêng")?.onset(), "ngh");
    /// assert_eq!(Syllable::parse("Quốc")?.onset(), "qu");
    /// assert_eq!(Syllable::parse("giữ")?.onset(), "gi");
    /// assert_eq!(Syllable::parse("ăn")?.onset(), "");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn onset(&self) -> &str {
        &self.letters[..self.onset_end]
    }

    /// The w-glide (`o` in hoa, `u` in thuy), or `""`.
    ///
    /// ```
    /// use vntext::syllable::Syllable;
    ///
    /// assert_eq!(Syllable::parse("hoàng")?.medial(), "o");
    /// assert_eq!(Syllable::parse("thuyền")?.medial(), "u");
    /// // In qu- the u belongs to the onset.
    /// assert_eq!(Syllable::parse("quyền")?.medial(), "");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn medial(&self) -> &str {
        &self.letters[self.onset_end..self.medial_end]
    }

    /// The main vowel or diphthong, without its tone (`ươ` in người).
    ///
    /// ```
    /// use vntext::syllable::Syllable;
    ///
    /// assert_eq!(Syllable::parse("người")?.nucleus(), "ươ");
    /// assert_eq!(Syllable::parse("Việt")?.nucleus(), "iê");
    /// assert_eq!(Syllable::parse("Nẵng")?.nucleus(), "ă");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn nucleus(&self) -> &str {
        &self.letters[self.medial_end..self.nucleus_end]
    }

    /// The final consonant or semivowel (`ng`, `i` in người), or `""`.
    ///
    /// ```
    /// use vntext::syllable::Syllable;
    ///
    /// assert_eq!(Syllable::parse("người")?.coda(), "i");
    /// assert_eq!(Syllable::parse("tiếng")?.coda(), "ng");
    /// assert_eq!(Syllable::parse("khuỷu")?.coda(), "u");
    /// assert_eq!(Syllable::parse("hoà")?.coda(), "");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn coda(&self) -> &str {
        &self.letters[self.nucleus_end..]
    }

    /// The tone.
    ///
    /// ```
    /// use vntext::syllable::{Syllable, Tone};
    ///
    /// assert_eq!(Syllable::parse("Việt")?.tone(), Tone::Dot);
    /// assert_eq!(Syllable::parse("Nam")?.tone(), Tone::Level);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tone(&self) -> Tone {
        self.tone
    }

    /// Writes the syllable in lower case with its tone where `style` puts it.
    ///
    /// ```
    /// use vntext::syllable::{Syllable, ToneStyle};
    ///
    /// let hoa = Syllable::parse("HOÀ")?;
    /// assert_eq!(hoa.render(ToneStyle::Traditional), "hòa");
    /// assert_eq!(hoa.render(ToneStyle::Reformed), "hoà");
    /// // A coda fixes the place in both styles.
    /// let hoan = Syllable::parse("hoàn")?;
    /// assert_eq!(hoan.render(ToneStyle::Traditional), hoan.render(ToneStyle::Reformed));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render(&self, style: ToneStyle) -> String {
        let target = tone_index(&self.codes, self.shape, style);
        self.codes
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let t = if i == target { self.tone } else { Tone::Level };
                letter::compose(c, t, false)
            })
            .collect()
    }
}

impl FromStr for Syllable {
    type Err = ParseSyllableError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Syllable::parse(s)
    }
}

impl fmt::Display for Syllable {
    /// Writes the syllable in the traditional placement, lower case.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(ToneStyle::Traditional))
    }
}

/// Whether `c` is one of the combining marks Vietnamese letters decompose into.
fn is_combining_vietnamese(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> (String, String, String, String, Tone) {
        let p = Syllable::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        (
            p.onset().into(),
            p.medial().into(),
            p.nucleus().into(),
            p.coda().into(),
            p.tone(),
        )
    }

    #[test]
    fn parts_of_syllables() {
        let t = |s: &str, o: &str, m: &str, n: &str, c: &str| {
            let (po, pm, pn, pc, _) = parts(s);
            assert_eq!(
                (po.as_str(), pm.as_str(), pn.as_str(), pc.as_str()),
                (o, m, n, c),
                "{s}"
            );
        };
        t("người", "ng", "", "ươ", "i");
        t("quốc", "qu", "", "ô", "c");
        t("quý", "qu", "", "y", "");
        t("quá", "qu", "", "a", "");
        t("già", "gi", "", "a", "");
        t("gì", "g", "", "i", "");
        t("giếng", "gi", "", "ê", "ng");
        t("hoàn", "h", "o", "a", "n");
        t("thuở", "th", "u", "ơ", "");
        t("khuỷu", "kh", "u", "y", "u");
        t("nghiêng", "ngh", "", "iê", "ng");
        t("yêu", "", "", "yê", "u");
        t("uyên", "", "u", "yê", "n");
        t("của", "c", "", "ua", "");
        t("ai", "", "", "a", "i");
    }

    #[test]
    fn tone_placement_rules() {
        let both = |s: &str, trad: &str, reformed: &str| {
            let p = Syllable::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(p.render(ToneStyle::Traditional), trad, "{s}");
            assert_eq!(p.render(ToneStyle::Reformed), reformed, "{s}");
        };
        both("hoà", "hòa", "hoà");
        both("thủy", "thủy", "thuỷ");
        both("khoẻ", "khỏe", "khoẻ");
        both("hòan", "hoàn", "hoàn");
        both("họat", "hoạt", "hoạt");
        both("thọai", "thoại", "thoại");
        both("qúy", "quý", "quý");
        both("gìa", "già", "già");
        both("ngừơi", "người", "người");
        both("khủyu", "khuỷu", "khuỷu");
        both("mía", "mía", "mía");
        both("cuả", "của", "của");
        both("huýt", "huýt", "huýt");
    }

    #[test]
    fn invalid_syllables() {
        for s in [
            "zoé", "chloé", "café", "hóà", "bàt", "", "x", "qun", "ngh", "aaa", "tp", "hcm",
        ] {
            assert!(Syllable::parse(s).is_err(), "{s}");
        }
    }
}
