//! The seed article (corpus/seed_article.txt): a real provincial news item.

use vntext::normalize::{Changes, Normalizer, fold};

fn seed() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/seed_article.txt");
    std::fs::read_to_string(path).expect("read corpus/seed_article.txt")
}

#[test]
fn normalize_changes_only_the_no_break_spaces() {
    let text = seed();
    let n = Normalizer::new().normalize_with_offsets(&text);
    let edits = n.map().edits();
    // The page left nine no-break spaces; every word is already NFC with traditional placement.
    assert_eq!(edits.len(), 9);
    for e in edits {
        assert_eq!(e.changes, Changes::SPACE);
        assert_eq!(&text[e.original.range()], "\u{00A0}");
        assert_eq!(&n.text()[e.normalized.range()], " ");
    }
    // Spans found in the normalized text map back onto the same words in the original.
    let at = n
        .text()
        .find("Trần Thị Hà, Thứ trưởng Bộ Nội vụ")
        .expect("official");
    let span = n.map().to_original((at..at + "Trần Thị Hà".len()).into());
    assert_eq!(&text[span.range()], "Trần Thị Hà");
}

#[test]
fn fold_gives_the_search_key() {
    let text = seed();
    let key = fold(&text);
    assert!(key.contains("dong chi tran thi ha, thu truong bo noi vu"));
    assert!(key.contains("tinh quang ninh"));
    // Every letter is ASCII; only the quotation marks “ ” stay as they are.
    assert!(key.chars().all(|c| c.is_ascii() || !c.is_alphabetic()));
}

#[test]
fn reformed_placement_moves_only_open_oa_oe_uy() {
    let text = seed();
    let reformed = Normalizer::new()
        .style(vntext::syllable::ToneStyle::Reformed)
        .normalize_with_offsets(&text);
    let moved: Vec<&str> = reformed
        .map()
        .edits()
        .iter()
        .filter(|e| e.changes.contains(Changes::TONE_STYLE))
        .map(|e| &reformed.text()[e.normalized.range()])
        .collect();
    // văn hóa, lan tỏa, văn hóa, cấp ủy.
    assert_eq!(moved, ["oá", "oả", "oá", "uỷ"]);
}
