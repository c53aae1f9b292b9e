//! Byte spans into the caller's original text.

use std::ops::Range;

/// A half-open range of byte offsets `start..end` into the caller's original `&str`, always on
/// char boundaries.
///
/// ```
/// use vntext::Span;
///
/// let text = "Hà Nội";
/// let ha = Span::new(0, 3);
/// assert_eq!(&text[ha.range()], "Hà");
/// // From a `Range`, as `str::find` gives offsets.
/// let start = text.find("Nội").unwrap();
/// let noi = Span::from(start..text.len());
/// assert_eq!((noi.start, noi.end), (4, 9));
/// assert!(ha < noi);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// ```
    /// use vntext::Span;
    ///
    /// const NOI: Span = Span::new(4, 9);
    /// assert_eq!(&"Hà Nội"[NOI.range()], "Nội");
    /// ```
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    ///
    /// ```
    /// // "Nội" is three characters but five bytes (ộ takes three).
    /// let noi = vntext::Span::new(4, 9);
    /// assert_eq!(noi.len(), 5);
    /// assert_eq!("Hà Nội"[noi.range()].chars().count(), 3);
    /// ```
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    ///
    /// ```
    /// use vntext::Span;
    ///
    /// assert!(Span::new(4, 4).is_empty());
    /// assert!(!Span::new(4, 9).is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range`, to slice the original text: `&text[span.range()]`.
    ///
    /// ```
    /// let text = "Hà Nội";
    /// assert_eq!(&text[vntext::Span::new(4, 9).range()], "Nội");
    /// ```
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}
