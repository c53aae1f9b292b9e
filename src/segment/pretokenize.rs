//! The pre-tokenizer.

use crate::span::Span;

/// What a pre-token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PreTokenKind {
    /// A Vietnamese syllable.
    Syllable,
    /// Anything else that is not yet classified.
    Other,
}

/// One pre-token: a slice of the input with its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PreToken<'a> {
    /// The text of the token.
    pub text: &'a str,
    /// Its byte span in the input.
    pub span: Span,
    /// What it is.
    pub kind: PreTokenKind,
}

/// An iterator over the pre-tokens of a text.
#[derive(Clone, Debug)]
pub struct PreTokens<'a> {
    text: &'a str,
    pos: usize,
}

/// Splits `text` into pre-tokens.
pub fn pretokenize(text: &str) -> PreTokens<'_> {
    PreTokens { text, pos: 0 }
}

impl<'a> Iterator for PreTokens<'a> {
    type Item = PreToken<'a>;

    fn next(&mut self) -> Option<PreToken<'a>> {
        let rest = &self.text[self.pos..];
        let start = self.pos + (rest.len() - rest.trim_start().len());
        if start >= self.text.len() {
            self.pos = self.text.len();
            return None;
        }
        let len = self.text[start..]
            .find(char::is_whitespace)
            .unwrap_or(self.text.len() - start);
        self.pos = start + len;
        Some(PreToken {
            text: &self.text[start..start + len],
            span: Span::new(start, start + len),
            kind: PreTokenKind::Other,
        })
    }
}
