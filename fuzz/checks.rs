#![allow(dead_code)]
//! The invariants the fuzz targets check, shared with the replay of the stored regressions
//! (tests/fuzz_regressions.rs). Each takes raw bytes, as the fuzzer gives them.

use tantivy_tokenizer_api::{TokenStream, Tokenizer};
use vntext::entity::Extractor;
use vntext::index::ViTokenizer;
use vntext::normalize::legacy::{decode_bytes, decode_bytes_lossy, detect};
use vntext::normalize::{Normalizer, fold};
use vntext::segment::Segmenter;
use vntext::syllable::ToneStyle;

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// normalize and fold: idempotent in both tone styles; the offset map stays inside the text.
pub fn normalize(data: &[u8]) {
    let s = text(data);
    for style in [ToneStyle::Traditional, ToneStyle::Reformed] {
        let n = Normalizer::new().style(style);
        let once = n.normalize(&s).into_owned();
        assert_eq!(n.normalize(&once), once, "normalize is idempotent");
        let with = n.normalize_with_offsets(&s);
        assert_eq!(with.text(), once);
        for k in 0..=once.len() {
            if once.is_char_boundary(k) {
                let o = with.map().to_original_start(k);
                assert!(o <= s.len() && s.is_char_boundary(o));
            }
        }
    }
    let f = fold(&s).into_owned();
    assert_eq!(fold(&f), f, "fold is idempotent");
}

/// Legacy decoding: no panic, lossless decodings are valid text, detection is consistent.
pub fn legacy(data: &[u8]) {
    let d = decode_bytes_lossy(data);
    assert!(!d.text.contains('\0') || data.contains(&0));
    if let Ok(strict) = decode_bytes(data) {
        assert!(!strict.lossy);
    }
    let det = detect(data);
    assert!((0.0..=1.0).contains(&det.confidence()));
}

/// Segmentation: words in order, on char boundaries, covering every non-space byte once.
pub fn segment(data: &[u8]) {
    let s = text(data);
    let mut covered = vec![false; s.len()];
    let mut last = 0;
    for w in Segmenter::new().segment(&s) {
        assert!(w.span.start >= last && w.span.end <= s.len() && w.span.start < w.span.end);
        assert!(s.is_char_boundary(w.span.start) && s.is_char_boundary(w.span.end));
        assert_eq!(&s[w.span.range()], w.text);
        for b in &mut covered[w.span.range()] {
            assert!(!*b, "a byte in two words");
            *b = true;
        }
        last = w.span.end;
    }
    for (i, c) in s.char_indices() {
        // Spaces, and the invisible characters normalization removes (zero-width space and
        // (non-)joiners, word joiner, BOM, soft hyphen), are not words.
        if !c.is_whitespace()
            && !matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            )
        {
            assert!(covered[i], "byte {i} not in a word");
        }
    }
}

/// Entities: in text order, spans on char boundaries slicing the text to the mention.
pub fn extract(data: &[u8]) {
    let s = text(data);
    let mut last = 0;
    for e in Extractor::new().extract(&s) {
        assert!(e.span.start >= last, "text order");
        assert!(e.span.end <= s.len() && e.span.start < e.span.end);
        assert!(s.is_char_boundary(e.span.start) && s.is_char_boundary(e.span.end));
        assert_eq!(&s[e.span.range()], e.text);
        last = e.span.start;
    }
}

/// The index token stream: offsets valid and never going back, positions never going back.
pub fn tokens(data: &[u8]) {
    let s = text(data);
    for folded in [false, true] {
        let mut t = ViTokenizer::new(Segmenter::new(), folded);
        let mut stream = t.token_stream(&s);
        let (mut from, mut pos) = (0, 0);
        while stream.advance() {
            let k = stream.token();
            assert!(k.offset_from >= from && k.offset_from < k.offset_to && k.offset_to <= s.len());
            assert!(s.is_char_boundary(k.offset_from) && s.is_char_boundary(k.offset_to));
            assert!(k.position >= pos);
            assert!(!k.text.is_empty());
            from = k.offset_from;
            pos = k.position;
        }
    }
}
