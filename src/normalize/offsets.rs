//! Mapping byte offsets of normalized text back to the caller's original text.

use crate::span::Span;

/// What kinds of repair an edit made. A single edit (one word, or one character between words)
/// may combine several.
///
/// A set of flags: combine them with `|` (or [`union`](Changes::union)) and test them with
/// [`contains`](Changes::contains).
///
/// ```
/// use vntext::normalize::{Changes, Normalizer};
///
/// // Ð (U+00D0) for Đ, a no-break space, and the reformed Hoà.
/// let n = Normalizer::new().normalize_with_offsets("Ðiều\u{A0}1 Khánh Hoà");
/// assert_eq!(n.text(), "Điều 1 Khánh Hòa");
/// let all = n.map().edits().iter().fold(Changes::empty(), |all, e| all | e.changes);
/// assert_eq!(all, Changes::LOOK_ALIKE | Changes::SPACE | Changes::TONE_STYLE);
/// assert!(!all.contains(Changes::NFC));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Changes(u16);

impl Changes {
    /// Unicode composition (NFC) of decomposed or non-canonical characters.
    ///
    /// ```
    /// use vntext::normalize::{Changes, Normalizer};
    ///
    /// // Tiếng with its marks decomposed (e + U+0302 + U+0301).
    /// let n = Normalizer::new().normalize_with_offsets("Tie\u{302}\u{301}ng");
    /// assert_eq!(n.text(), "Tiếng");
    /// assert_eq!(n.map().edits()[0].changes, Changes::NFC);
    /// ```
    pub const NFC: Changes = Changes(1);
    /// Combining marks in the wrong order (a tone mark before the circumflex, breve or horn).
    ///
    /// ```
    /// use vntext::normalize::{Changes, Normalizer};
    ///
    /// // The acute typed before the circumflex: NFC alone would not compose them to ế.
    /// let n = Normalizer::new().normalize_with_offsets("Tie\u{301}\u{302}ng");
    /// assert_eq!(n.text(), "Tiếng");
    /// assert!(n.map().edits()[0].changes.contains(Changes::MARK_ORDER));
    /// ```
    pub const MARK_ORDER: Changes = Changes(1 << 1);
    /// A tone mark moved between the two accepted placements (hoà ↔ hòa).
    ///
    /// ```
    /// use vntext::normalize::{Changes, Normalizer};
    ///
    /// let n = Normalizer::new().normalize_with_offsets("Khánh Hoà");
    /// assert_eq!(n.text(), "Khánh Hòa");
    /// assert_eq!(n.map().edits()[0].changes, Changes::TONE_STYLE);
    /// ```
    pub const TONE_STYLE: Changes = Changes(1 << 2);
    /// A tone mark moved from a vowel that never carries it (hòan → hoàn).
    ///
    /// ```
    /// use vntext::normalize::{Changes, Normalizer};
    ///
    /// let n = Normalizer::new().normalize_with_offsets("hòan thành");
    /// assert_eq!(n.text(), "hoàn thành");
    /// assert_eq!(n.map().edits()[0].changes, Changes::TONE_REPAIR);
    /// ```
    pub const TONE_REPAIR: Changes = Changes(1 << 3);
    /// A look-alike letter replaced (Ð U+00D0 → Đ, Cyrillic о → o inside a Vietnamese word).
    ///
    /// ```
    /// use vntext::normalize::{Changes, Normalizer};
    ///
    /// // Toàn with a Cyrillic о (U+043E).
    /// let n = Normalizer::new().normalize_with_offsets("Nguyễn Văn T\u{43E}àn");
    /// assert_eq!(n.text(), "Nguyễn Văn Toàn");
    /// assert_eq!(n.map().edits()[0].changes, Changes::LOOK_ALIKE);
    /// ```
    pub const LOOK_ALIKE: Changes = Changes(1 << 4);
    /// An invisible character removed (zero-width space, BOM, soft hyphen).
    ///
    /// ```
    /// use vntext::normalize::{Changes, Normalizer};
    ///
    /// let n = Normalizer::new().normalize_with_offsets("Nguy\u{200B}ễn");
    /// assert_eq!(n.text(), "Nguyễn");
    /// assert_eq!(n.map().edits()[0].changes, Changes::INVISIBLE);
    /// ```
    pub const INVISIBLE: Changes = Changes(1 << 5);
    /// A Unicode space (no-break, ideographic, thin …) replaced by a plain space.
    ///
    /// ```
    /// use vntext::normalize::{Changes, Normalizer};
    ///
    /// let n = Normalizer::new().normalize_with_offsets("Hà\u{A0}Nội");
    /// assert_eq!(n.text(), "Hà Nội");
    /// assert_eq!(n.map().edits()[0].changes, Changes::SPACE);
    /// ```
    pub const SPACE: Changes = Changes(1 << 6);
    /// A full-width ASCII character replaced by its ASCII form.
    ///
    /// ```
    /// use vntext::normalize::{Changes, Normalizer};
    ///
    /// let n = Normalizer::new().normalize_with_offsets("Điều １");
    /// assert_eq!(n.text(), "Điều 1");
    /// assert_eq!(n.map().edits()[0].changes, Changes::FULL_WIDTH);
    /// ```
    pub const FULL_WIDTH: Changes = Changes(1 << 7);

    /// No change.
    ///
    /// ```
    /// use vntext::normalize::Changes;
    ///
    /// assert!(Changes::empty().is_empty());
    /// assert_eq!(Changes::empty(), Changes::default());
    /// ```
    pub const fn empty() -> Changes {
        Changes(0)
    }

    /// Whether every kind in `other` is in `self`.
    ///
    /// ```
    /// use vntext::normalize::Changes;
    ///
    /// let c = Changes::NFC | Changes::MARK_ORDER;
    /// assert!(c.contains(Changes::NFC));
    /// assert!(c.contains(Changes::NFC | Changes::MARK_ORDER));
    /// assert!(!c.contains(Changes::NFC | Changes::TONE_STYLE));
    /// assert!(c.contains(Changes::empty()));
    /// ```
    pub const fn contains(self, other: Changes) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether no kind is set.
    ///
    /// ```
    /// use vntext::normalize::{Changes, Normalizer};
    ///
    /// assert!(Changes::empty().is_empty());
    /// let n = Normalizer::new().normalize_with_offsets("Uỷ ban");
    /// assert!(n.map().edits().iter().all(|e| !e.changes.is_empty()));
    /// ```
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The kinds of both (the same as `|`, and usable in const context).
    ///
    /// ```
    /// use vntext::normalize::Changes;
    ///
    /// const TONES: Changes = Changes::TONE_STYLE.union(Changes::TONE_REPAIR);
    /// assert_eq!(TONES, Changes::TONE_STYLE | Changes::TONE_REPAIR);
    /// assert!(TONES.contains(Changes::TONE_REPAIR) && !TONES.contains(Changes::NFC));
    /// ```
    #[must_use]
    pub const fn union(self, other: Changes) -> Changes {
        Changes(self.0 | other.0)
    }

    /// Each kind with its name, for reports.
    ///
    /// ```
    /// use vntext::normalize::{Changes, Normalizer};
    ///
    /// let n = Normalizer::new().normalize_with_offsets("Ðiều\u{A0}1 Khánh Hoà");
    /// let all = n.map().edits().iter().fold(Changes::empty(), |all, e| all | e.changes);
    /// let names: Vec<&str> = Changes::NAMED
    ///     .iter()
    ///     .filter(|&&(kind, _)| all.contains(kind))
    ///     .map(|&(_, name)| name)
    ///     .collect();
    /// assert_eq!(names, ["tone-style", "look-alike", "space"]);
    /// ```
    pub const NAMED: [(Changes, &'static str); 8] = [
        (Changes::NFC, "nfc"),
        (Changes::MARK_ORDER, "mark-order"),
        (Changes::TONE_STYLE, "tone-style"),
        (Changes::TONE_REPAIR, "tone-repair"),
        (Changes::LOOK_ALIKE, "look-alike"),
        (Changes::INVISIBLE, "invisible"),
        (Changes::SPACE, "space"),
        (Changes::FULL_WIDTH, "full-width"),
    ];
}

impl std::ops::BitOr for Changes {
    type Output = Changes;
    fn bitor(self, rhs: Changes) -> Changes {
        self.union(rhs)
    }
}

impl std::ops::BitOrAssign for Changes {
    fn bitor_assign(&mut self, rhs: Changes) {
        *self = self.union(rhs);
    }
}

/// One replaced stretch: `original` bytes of the input became `normalized` bytes of the output.
///
/// An edit covers only the characters that changed: in Hoà → Hòa, the H stays outside it.
///
/// ```
/// use vntext::normalize::{Changes, Normalizer};
///
/// let original = "ông Hoà đi";
/// let n = Normalizer::new().normalize_with_offsets(original);
/// let edit = n.map().edits()[0];
/// assert_eq!(&original[edit.original.range()], "oà");
/// assert_eq!(&n.text()[edit.normalized.range()], "òa");
/// assert_eq!(edit.changes, Changes::TONE_STYLE);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The replaced bytes in the original text.
    pub original: Span,
    /// Their replacement in the normalized text.
    pub normalized: Span,
    /// What the edit repaired.
    pub changes: Changes,
}

/// Maps byte offsets in normalized text back to the original text.
///
/// Outside edits, offsets shift by the length differences of the edits before them; inside an
/// edit, a start offset maps to the edit's start and an end offset to its end, so a mapped span
/// always covers whole original characters.
///
/// ```
/// use vntext::Span;
/// use vntext::normalize::Normalizer;
///
/// // "Nguyễn Văn An" in NFD, as macOS file names and some keyboards write it.
/// let original = "Nguye\u{302}\u{303}n Va\u{306}n An";
/// let n = Normalizer::new().normalize_with_offsets(original);
/// assert_eq!(n.text(), "Nguyễn Văn An");
/// assert_eq!(n.map().edits().len(), 2);
///
/// // "Văn" is at bytes 9..13 of the normalized text, and 11..16 of the original.
/// let van = Span::new(9, 13);
/// assert_eq!(&n.text()[van.range()], "Văn");
/// let span = n.map().to_original(van);
/// assert_eq!(span, Span::new(11, 16));
/// assert_eq!(&original[span.range()], "Va\u{306}n");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

impl OffsetMap {
    pub(crate) fn push(&mut self, edit: Edit) {
        self.edits.push(edit);
    }

    /// The edits, in text order.
    ///
    /// ```
    /// use vntext::normalize::{Changes, Normalizer};
    ///
    /// let n = Normalizer::new().normalize_with_offsets("Uỷ ban nhân dân tỉnh Khánh Hoà");
    /// let edits = n.map().edits();
    /// assert_eq!(edits.len(), 2);
    /// assert!(edits[0].original.end <= edits[1].original.start);
    /// assert!(edits.iter().all(|e| e.changes == Changes::TONE_STYLE));
    /// ```
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Whether normalization changed nothing.
    ///
    /// ```
    /// use vntext::normalize::Normalizer;
    ///
    /// let n = Normalizer::new();
    /// assert!(n.normalize_with_offsets("Cộng hòa").map().is_identity());
    /// assert!(!n.normalize_with_offsets("Cộng hoà").map().is_identity());
    /// ```
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// Maps a normalized offset taken as the start of a span.
    ///
    /// Where characters were removed, a start offset maps to after them.
    ///
    /// ```
    /// use vntext::normalize::Normalizer;
    ///
    /// // A zero-width space between Nguy and ễn (bytes 4..7), and Hà decomposed.
    /// let original = "Nguy\u{200B}ễn Ha\u{300}";
    /// let n = Normalizer::new().normalize_with_offsets(original);
    /// assert_eq!(n.text(), "Nguyễn Hà");
    /// // "ễn" starts at byte 4 of the text, after the zero-width space in the original.
    /// assert_eq!(n.map().to_original_start(4), 7);
    /// let ha = n.text().find("Hà").unwrap();
    /// assert_eq!(&original[n.map().to_original_start(ha)..], "Ha\u{300}");
    /// ```
    pub fn to_original_start(&self, pos: usize) -> usize {
        // The last edit starting at or before pos.
        let k = self.edits.partition_point(|e| e.normalized.start <= pos);
        if k == 0 {
            return pos;
        }
        let e = &self.edits[k - 1];
        if pos >= e.normalized.end {
            e.original.end + (pos - e.normalized.end)
        } else {
            e.original.start
        }
    }

    /// Maps a normalized offset taken as the end of a span.
    ///
    /// Where characters were removed, an end offset maps to before them.
    ///
    /// ```
    /// use vntext::normalize::Normalizer;
    ///
    /// let original = "Nguy\u{200B}ễn Ha\u{300}";
    /// let n = Normalizer::new().normalize_with_offsets(original);
    /// // "Nguy" ends at byte 4 of the text, before the zero-width space in the original.
    /// assert_eq!(n.map().to_original_end(4), 4);
    /// // The end of the text is the end of the original.
    /// assert_eq!(n.map().to_original_end(n.text().len()), original.len());
    /// ```
    pub fn to_original_end(&self, pos: usize) -> usize {
        // The last edit starting strictly before pos (a deletion at pos stays outside the span).
        let k = self.edits.partition_point(|e| e.normalized.start < pos);
        if k == 0 {
            return pos;
        }
        let e = &self.edits[k - 1];
        if pos >= e.normalized.end {
            e.original.end + (pos - e.normalized.end)
        } else {
            e.original.end
        }
    }

    /// Maps a span of the normalized text to the original text.
    ///
    /// ```
    /// use vntext::normalize::Normalizer;
    /// let original = "Ðiều\u{00A0}1 Hoà";
    /// let n = Normalizer::new().normalize_with_offsets(original);
    /// assert_eq!(n.text(), "Điều 1 Hòa");
    /// let hoa = n.text().find("Hòa").unwrap();
    /// let span = n.map().to_original((hoa..n.text().len()).into());
    /// assert_eq!(&original[span.range()], "Hoà");
    /// ```
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.to_original_start(span.start);
        let end = self.to_original_end(span.end).max(start);
        Span::new(start, end)
    }
}
