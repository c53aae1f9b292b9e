//! The pre-analyzed export agrees with the library's own analysis: its words are the `vi`
//! analyzer's words, its folded words the `vi_folded` analyzer's, and every entity's byte and
//! UTF-16 offsets slice the text to the mention.
#![cfg(feature = "index")]

use tantivy_tokenizer_api::{TokenStream, Tokenizer};
use vntext::entity::Extractor;
use vntext::index::{Document, ViTokenizer, export_document};
use vntext::segment::Segmenter;

fn analyzer_words(folded: bool, text: &str) -> Vec<String> {
    // The analyzer emits a compound, then its syllables; single syllables alone. Rebuild the
    // words: a compound token, or a syllable that is not part of the previous compound.
    let mut t = ViTokenizer::new(Segmenter::new(), folded);
    let mut s = t.token_stream(text);
    let mut words = Vec::new();
    let mut covered_until = 0;
    while s.advance() {
        let k = s.token();
        if k.position_length > 1 {
            words.push(k.text.clone());
            covered_until = k.offset_to;
        } else if k.offset_from >= covered_until {
            words.push(k.text.clone());
        }
    }
    words
}

#[test]
fn export_matches_the_analyzers_and_offsets_slice_the_text() {
    let text = "😀 Ngày 24/7/2019, Thứ trưởng Bộ Nội vụ Trần Thị Hà làm việc với UBND tỉnh Hà Nam; \
                hoà bình, Uỷ ban nhân dân TP.HCM 𝔘 và Đồng bằng sông Hồng.";
    let doc = Document {
        id: "x".into(),
        title: "Tiêu đề".into(),
        text: text.into(),
        date: None,
        url: None,
    };
    let e = export_document(&doc, &Segmenter::new(), &Extractor::new());
    let seg: Vec<String> = e.segmented.split(' ').map(str::to_string).collect();
    assert_eq!(seg, analyzer_words(false, text));
    let fol: Vec<String> = e.folded.split(' ').map(str::to_string).collect();
    assert_eq!(fol, analyzer_words(true, text));
    assert!(seg.contains(&"thứ_trưởng".to_string()), "{seg:?}");
    assert!(seg.contains(&"hòa_bình".to_string()), "{seg:?}");
    assert!(e.entities.len() >= 6, "{:?}", e.entities);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for x in &e.entities {
        assert_eq!(&text[x.start..x.end], x.text);
        assert_eq!(
            String::from_utf16(&utf16[x.start_utf16..x.end_utf16]).unwrap(),
            x.text
        );
    }
    let json = serde_json::to_string(&e).unwrap();
    assert!(json.contains("\"start_utf16\""));
}
