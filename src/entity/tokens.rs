//! The token view the entity grammars work on: pre-tokens of the normalized text with their
//! lower-case and folded keys, their shape and what separates them from the previous token.

use std::sync::LazyLock;

use crate::segment::model::{Shape, token_key, token_keys};
use crate::segment::{PreTokenKind, pretokenize};
use crate::span::Span;

/// What separates a token from the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Nothing: the tokens touch (`TP.` + `HCM` in `TP.HCM` would be one token; `24` + `/`).
    None,
    /// Spaces or tabs.
    Space,
    /// At least one line break.
    Line,
}

/// One pre-token with what the grammars ask of it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok<'a> {
    /// Its text in the normalized string.
    pub text: &'a str,
    /// Its byte span in the normalized string.
    pub span: Span,
    /// Its pre-token kind.
    pub kind: PreTokenKind,
    /// Key of the lower-cased text.
    pub exact: u64,
    /// Key of the folded lower-cased text (no diacritics, đ → d).
    pub fold: u64,
    /// Letter case shape.
    pub shape: Shape,
    /// Whether the text is ASCII (a word typed without diacritics).
    pub ascii: bool,
    /// What comes between it and the previous token.
    pub gap: Gap,
    /// The whole text is typed without diacritics: words match their accented forms.
    pub loose: bool,
}

impl Tok<'_> {
    /// Whether this token is the word `w` (case-insensitive; a token typed without diacritics
    /// matches the accented word).
    #[inline]
    pub fn is(&self, w: W) -> bool {
        let (e, f) = CUES[w as usize];
        self.exact == e || (self.loose && self.ascii && self.fold == f)
    }

    /// Whether it is one of `ws`.
    #[inline]
    pub fn is_any(&self, ws: &[W]) -> bool {
        ws.iter().any(|&w| self.is(w))
    }

    /// Whether it starts with a capital letter.
    #[inline]
    pub fn capitalized(&self) -> bool {
        matches!(self.shape, Shape::Title | Shape::Upper)
    }

    /// Whether it is a letter word (a syllable or a foreign word).
    #[inline]
    pub fn is_word(&self) -> bool {
        matches!(self.kind, PreTokenKind::Syllable | PreTokenKind::Foreign)
    }

    /// The value of an all-digit token of at most 4 digits.
    #[inline]
    pub fn number(&self) -> Option<u32> {
        small_number(self.text)
    }
}

/// The value of an all-digit string of 1 to 4 digits.
pub(crate) fn small_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Splits `text` into tokens (`text` should be normalized).
pub(crate) fn tokens<'a>(text: &'a str, out: &mut Vec<Tok<'a>>) {
    out.clear();
    let mut prev_end = 0;
    for t in pretokenize(text) {
        let between = text.get(prev_end..t.span.start).unwrap_or("");
        let gap = if between.is_empty() {
            Gap::None
        } else if between.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
            Gap::Line
        } else {
            Gap::Space
        };
        prev_end = t.span.end;
        let ascii = t.text.is_ascii();
        let (exact, fold, shape) = token_keys(t.text);
        out.push(Tok {
            text: t.text,
            span: t.span,
            kind: t.kind,
            exact,
            fold,
            shape,
            ascii,
            gap,
            loose: false,
        });
    }
    // Text typed without diacritics: fewer than one word in ten has a mark.
    let (mut words, mut marked) = (0usize, 0usize);
    for t in out.iter() {
        if t.kind == PreTokenKind::Syllable || t.kind == PreTokenKind::Foreign {
            words += 1;
            marked += !t.ascii as usize;
        }
    }
    let loose = marked * 10 < words;
    for t in out.iter_mut() {
        t.loose = loose;
    }
}

/// The key pair (lower-case, folded) of a word or phrase of one token.
pub(crate) fn word_keys(w: &str) -> (u64, u64) {
    (token_key(w, false), token_key(w, true))
}

macro_rules! words {
    ($($name:ident = $text:expr),* $(,)?) => {
        /// Cue words of the grammars.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum W { $($name),* }
        const WORD_TEXTS: &[&str] = &[$($text),*];
    };
}

words! {
    Ngay = "ngày", Thang = "tháng", Nam = "năm", Quy = "quý", Nua = "nửa", Dau = "đầu",
    Cuoi = "cuối", Giua = "giữa", Mung = "mùng", Mong = "mồng", Hom = "hôm", Qua = "qua",
    Nay = "nay", Mai = "mai", Kia = "kia", Tuan = "tuần", Truoc = "trước", Sau = "sau",
    Toi = "tới", Ngoai = "ngoái", Den = "đến", Tu = "từ", Thu = "thứ", Chu = "chủ",
    Nhat = "nhật", Hai = "hai", Ba = "ba", Tu4 = "tư", Sau6 = "sáu", Bay = "bảy", Cung = "cùng",
    Ky = "kỳ", Ky2 = "kì", Tet = "tết", Ram = "rằm", Gieng = "giêng", Chap = "chạp", Am = "âm",
    Lich = "lịch", Nhung = "những", Thap = "thập", Nien = "niên", Sang = "sáng",
    Chieu = "chiều", Trua = "trưa", Toi3 = "tối", Dem = "đêm", Luc = "lúc", Vao = "vào",
    Dip = "dịp", Le = "lễ", Khanh = "khánh", Nguyen = "nguyên", Dan = "đán", Het = "hết",
    Mot = "một", Bon = "bốn", Chin = "chín", Muoi = "mười", Ngay2 = "này", Ong = "ông",
    Ba2 = "bà", Anh = "anh", Chi = "chị", Co = "cô", Chu2 = "chú", Bac = "bác", Cac = "các", Phia = "phía",
    Huong = "hướng", Va = "và", La = "là", Lam = "làm", Chuc = "chức", Cuu = "cựu", Mat = "mất", Sinh = "sinh", Tam = "tám", Em = "em",
    Cu = "cụ", Dong = "đồng", Chi2 = "chí", Kiem = "kiêm", TM = "tm",
}

impl W {
    /// Its (lower-case, folded) keys.
    pub fn keys(self) -> (u64, u64) {
        CUES[self as usize]
    }
}

static CUES: LazyLock<Vec<(u64, u64)>> =
    LazyLock::new(|| WORD_TEXTS.iter().map(|w| word_keys(w)).collect());
