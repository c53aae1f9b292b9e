//! Properties of normalize, fold and the offset map, on arbitrary text and on text built from
//! the characters that make Vietnamese normalization hard.

use proptest::prelude::*;
use unicode_normalization::is_nfc;
use vntext::normalize::{Normalizer, fold};
use vntext::syllable::ToneStyle;

/// Pieces of messy Vietnamese text: syllables in both placements and with misplaced tones,
/// combining marks (in and out of order), look-alikes, invisible characters, odd spaces,
/// full-width forms, foreign words, punctuation.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "hòa",
            "hoà",
            "HOÀ",
            "hOà",
            "thuỷ",
            "khoẻ",
            "hòan",
            "tóan",
            "qúy",
            "gìa",
            "gìn",
            "ngừơi",
            "Nguyễn",
            "Việt",
            "Ðiều",
            "ðường",
            "Guðrún",
            "Zoé",
            "café",
            "hóà",
            "quốc",
            "khuỷu",
            "Đắk",
            "TP.HCM",
            "2024",
            "Ｖｉệｔ",
            "ｈoà",
            "Ｈ",
            "сос",
            "Cоng",
        ])
        .prop_map(str::to_string),
        prop::sample::select(vec![
            " ",
            "  ",
            "\u{00A0}",
            "\u{200B}",
            "\u{200D}",
            "\u{FEFF}",
            "\u{00AD}",
            "\u{3000}",
            "\n",
            "\t",
            ".",
            ",",
            "-",
            "\u{0301}",
            "\u{0302}",
            "\u{0300}",
            "\u{0323}",
            "\u{031B}",
            "\u{0306}",
            "\u{0303}",
            "\u{0309}",
            "\u{0341}",
            "\u{0338}",
            "=",
            "e\u{0301}\u{0302}",
            "o\u{031B}\u{0300}",
            "a\u{0306}\u{0301}",
            "😀",
            "\u{200D}😀",
        ])
        .prop_map(str::to_string),
        "[a-zA-Zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]{1,7}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn messy() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![messy(), any::<String>()]
}

/// Checks the offset map of `normalizer` on `original`: applying the edits to the original
/// gives the normalized text, and every mapped offset is a monotonic char boundary.
fn check_map(normalizer: &Normalizer, original: &str) -> Result<(), TestCaseError> {
    let n = normalizer.normalize_with_offsets(original);
    let norm = n.text();
    let map = n.map();
    // Rebuild the normalized text from the original and the edits.
    let mut rebuilt = String::new();
    let mut at = 0;
    for e in map.edits() {
        prop_assert!(e.original.start >= at && e.original.end <= original.len());
        prop_assert!(
            original.is_char_boundary(e.original.start)
                && original.is_char_boundary(e.original.end)
        );
        prop_assert!(
            norm.is_char_boundary(e.normalized.start) && norm.is_char_boundary(e.normalized.end)
        );
        rebuilt.push_str(&original[at..e.original.start]);
        prop_assert_eq!(rebuilt.len(), e.normalized.start);
        rebuilt.push_str(&norm[e.normalized.range()]);
        prop_assert_ne!(&original[e.original.range()], &norm[e.normalized.range()]);
        prop_assert!(!e.changes.is_empty());
        at = e.original.end;
    }
    rebuilt.push_str(&original[at..]);
    prop_assert_eq!(&rebuilt, norm);
    // Offsets map to char boundaries, monotonically.
    let (mut last_start, mut last_end) = (0, 0);
    for p in (0..=norm.len()).filter(|&p| norm.is_char_boundary(p)) {
        let s = map.to_original_start(p);
        let e = map.to_original_end(p);
        prop_assert!(
            original.is_char_boundary(s) && original.is_char_boundary(e),
            "{} -> {} {}",
            p,
            s,
            e
        );
        prop_assert!(s >= last_start && e >= last_end, "not monotonic at {}", p);
        prop_assert!(s <= original.len() && e <= original.len());
        last_start = s;
        last_end = e;
    }
    prop_assert_eq!(map.to_original_end(norm.len()) <= original.len(), true);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn normalize_is_idempotent_and_nfc(s in text()) {
        for style in [ToneStyle::Traditional, ToneStyle::Reformed] {
            let n = Normalizer::new().style(style);
            let once = n.normalize(&s);
            let twice = n.normalize(&once);
            prop_assert_eq!(&once, &twice);
            prop_assert!(is_nfc(&once), "not NFC: {:?}", once);
        }
    }

    #[test]
    fn fold_is_idempotent_and_ignores_normalization(s in text()) {
        let f = fold(&s);
        prop_assert_eq!(fold(&f), f.clone());
        // The key does not depend on how the text was normalized (Cyrillic look-alikes aside,
        // which fold keeps as they are).
        if !s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
            let t = Normalizer::new().normalize(&s);
            let r = Normalizer::new().style(ToneStyle::Reformed).normalize(&s);
            prop_assert_eq!(fold(&t), f.clone());
            prop_assert_eq!(fold(&r), f);
        }
    }

    #[test]
    fn offset_maps_rebuild_and_land_on_boundaries(s in text()) {
        check_map(&Normalizer::new(), &s)?;
        check_map(&Normalizer::new().style(ToneStyle::Reformed), &s)?;
    }
}
