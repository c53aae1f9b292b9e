//! Hostile input: very long lines without spaces, runs of combining marks, random bytes, odd
//! punctuation, many lines, empty documents, broken JSONL lines, and index folders that are
//! missing or not writable. Nothing panics, every span is on a character boundary inside the
//! input, and nothing is lost without being reported. (Cost over growing inputs is measured by
//! the growth benches, not here.)

use proptest::prelude::*;
use vntext::entity::Extractor;
use vntext::normalize::legacy::{decode_bytes, decode_bytes_lossy, detect};
use vntext::normalize::{fold, normalize};
use vntext::segment::Segmenter;

/// Every span ordered, on char boundaries, inside `text`; words cover each non-space byte once.
fn check_segmentation(text: &str) {
    let mut covered = vec![false; text.len()];
    let mut last = 0;
    for w in Segmenter::new().segment(text) {
        assert!(w.span.start >= last && w.span.end <= text.len());
        assert!(text.is_char_boundary(w.span.start) && text.is_char_boundary(w.span.end));
        for b in &mut covered[w.span.range()] {
            assert!(!*b, "a byte covered twice");
            *b = true;
        }
        last = w.span.end;
    }
    for (i, c) in text.char_indices() {
        // Spaces, and the invisible characters normalization removes (zero-width space and
        // (non-)joiners, word joiner, BOM, soft hyphen), are not words.
        if !c.is_whitespace()
            && !matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            )
        {
            assert!(covered[i], "byte {i} ({c:?}) not covered");
        }
    }
}

fn check_entities(text: &str) {
    for e in Extractor::new().extract(text) {
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        assert_eq!(&text[e.span.range()], e.text);
    }
}

fn check_all(text: &str) {
    let n = normalize(text);
    assert_eq!(normalize(&n), n, "normalize is idempotent");
    let f = fold(text);
    assert_eq!(fold(&f), f, "fold is idempotent");
    check_segmentation(text);
    check_entities(text);
}

#[test]
fn a_long_line_without_spaces() {
    // 10 MB: letters, digits and slashes with no space; and one single run of letters.
    let unit = "ViệtNamhòabình2019/07/24";
    let text = unit.repeat(10_000_000 / unit.len());
    check_all(&text);
    let letters = "hòa".repeat(10_000_000 / 4);
    check_all(&letters);
}

#[test]
fn runs_of_combining_marks() {
    // 1 MB of marks stacked on one letter, and 1 MB of marks with no letter at all.
    let text = format!("a{}b Hà Nội", "\u{301}\u{323}\u{302}".repeat(1_000_000 / 6));
    check_all(&text);
    let only_marks = "\u{300}".repeat(1_000_000 / 2);
    check_all(&only_marks);
}

#[test]
fn odd_punctuation_and_symbols() {
    let text = "...,,,;;;!!!???---–––———“”‘’«»()[]{}<>/\\\\|@#$%^&*_+=~`".repeat(2_000);
    check_all(&text);
    check_all(&"ngày/./tháng/-/năm 24//7//2019 :: TP..HCM ..UBND.. T.P. ".repeat(500));
}

#[test]
fn many_lines_and_empty_text() {
    let text = "Ngày 24/7/2019, UBND tỉnh Hà Nam họp.\n".repeat(100_000);
    check_all(&text);
    for t in ["", " ", "\n\n\t  \r\n", "\u{feff}", "\u{200b}\u{200b}"] {
        check_all(t);
    }
}

#[test]
fn random_bytes_through_the_byte_entry_point() {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    for len in [0usize, 1, 7, 100, 4096, 65_536] {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        let lossy = decode_bytes_lossy(&bytes);
        check_all(&lossy.text);
        let _ = detect(&bytes);
        if let Ok(d) = decode_bytes(&bytes) {
            check_all(&d.text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_text(s in "\\PC{0,200}") {
        check_all(&s);
    }

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let d = decode_bytes_lossy(&bytes);
        check_all(&d.text);
    }
}

#[cfg(feature = "index")]
mod index {
    use vntext::index::{Document, IndexError, Indexer, Searcher, read_corpus};

    #[test]
    fn a_missing_or_unwritable_index_folder_is_a_typed_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nothing-here");
        assert!(matches!(
            Searcher::open(&missing),
            Err(IndexError::Tantivy(_) | IndexError::Io(_))
        ));
        // A file where the folder should be.
        let file = dir.path().join("a-file");
        std::fs::write(&file, "x").unwrap();
        assert!(Indexer::create_or_open(&file).is_err());
        // A read-only folder (root ignores permissions: then this only checks no panic).
        let ro = dir.path().join("ro");
        std::fs::create_dir(&ro).unwrap();
        let mut perms = std::fs::metadata(&ro).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&ro, perms).unwrap();
        let _ = Indexer::create_or_open(&ro.join("index"));
    }

    #[test]
    fn a_large_jsonl_file_with_broken_and_empty_documents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.jsonl");
        let mut s = String::new();
        for i in 0..100_000 {
            match i % 10_000 {
                17 => s.push_str("{\"id\": \"broken\"\n"),
                18 => s.push('\n'),
                19 => s.push_str(&format!(
                    "{{\"id\":\"{i}\",\"title\":\"\",\"text\":\"\"}}\n"
                )),
                _ => s.push_str(&format!(
                    "{{\"id\":\"{i}\",\"title\":\"T\",\"text\":\"Hà Nội {i}\"}}\n"
                )),
            }
        }
        std::fs::write(&path, s).unwrap();
        let (docs, skipped) = read_corpus(&path).unwrap();
        assert_eq!(skipped.len(), 10, "the broken lines, each reported");
        assert_eq!(docs.len(), 100_000 - 20, "blank lines are not documents");
        // Empty and whitespace-only documents index without complaint.
        let index = dir.path().join("index");
        let mut ix = Indexer::with_threads(&index, 1).unwrap();
        for text in ["", "   ", "\n\t"] {
            ix.add(&Document {
                id: format!("empty{}", text.len()),
                title: String::new(),
                text: text.into(),
                date: None,
                url: None,
            })
            .unwrap();
        }
        ix.commit().unwrap();
        assert_eq!(Searcher::open(&index).unwrap().num_docs(), 3);
    }
}
