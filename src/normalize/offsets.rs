//! Mapping byte offsets of normalized text back to the caller's original text.

use crate::span::Span;

/// What kinds of repair an edit made. A single edit (one word, or one character between words)
/// may combine several.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Changes(u16);

impl Changes {
    /// Unicode composition (NFC) of decomposed or non-canonical characters.
    pub const NFC: Changes = Changes(1);
    /// Combining marks in the wrong order (a tone mark before the circumflex, breve or horn).
    pub const MARK_ORDER: Changes = Changes(1 << 1);
    /// A tone mark moved between the two accepted placements (hoà ↔ hòa).
    pub const TONE_STYLE: Changes = Changes(1 << 2);
    /// A tone mark moved from a vowel that never carries it (hòan → hoàn).
    pub const TONE_REPAIR: Changes = Changes(1 << 3);
    /// A look-alike letter replaced (Ð U+00D0 → Đ, Cyrillic о → o inside a Vietnamese word).
    pub const LOOK_ALIKE: Changes = Changes(1 << 4);
    /// An invisible character removed (zero-width space, BOM, soft hyphen).
    pub const INVISIBLE: Changes = Changes(1 << 5);
    /// A Unicode space (no-break, ideographic, thin …) replaced by a plain space.
    pub const SPACE: Changes = Changes(1 << 6);
    /// A full-width ASCII character replaced by its ASCII form.
    pub const FULL_WIDTH: Changes = Changes(1 << 7);

    /// No change.
    pub const fn empty() -> Changes {
        Changes(0)
    }

    /// Whether every kind in `other` is in `self`.
    pub const fn contains(self, other: Changes) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether no kind is set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The kinds of both.
    #[must_use]
    pub const fn union(self, other: Changes) -> Changes {
        Changes(self.0 | other.0)
    }

    /// Each kind with its name, for reports.
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

impl OffsetMap {
    pub(crate) fn push(&mut self, edit: Edit) {
        self.edits.push(edit);
    }

    /// The edits, in text order.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Whether normalization changed nothing.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// Maps a normalized offset taken as the start of a span.
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
