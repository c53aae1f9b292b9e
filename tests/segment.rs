//! Word segmentation: the golden segmentation of the seed article, span coverage, text typed
//! without diacritics, and no panic on arbitrary input.
//!
//! The golden file is a snapshot of the embedded model's output; after retraining, review the
//! differences and rewrite it with `VNTEXT_BLESS=1 cargo test --test segment`.

mod common;

use proptest::prelude::*;
use vntext::segment::{Segmenter, WordKind};

/// Words of a line in the command-line format: syllables joined by `_`, words by a space.
fn line(seg: &Segmenter, text: &str) -> String {
    seg.segment(text)
        .map(|w| w.text.split_whitespace().collect::<Vec<_>>().join("_"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every non-whitespace byte lies in exactly one word, words are in order, spans are on char
/// boundaries and each word's text is its span.
fn check_cover(seg: &Segmenter, text: &str) -> Result<(), String> {
    let mut at = 0;
    for w in seg.segment(text) {
        let s = w.span;
        if s.start < at || s.end > text.len() || s.start >= s.end {
            return Err(format!("bad span {s:?} after {at} in {text:?}"));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("span {s:?} off a char boundary in {text:?}"));
        }
        if &text[s.range()] != w.text {
            return Err(format!("text {:?} is not its span {s:?}", w.text));
        }
        if !text[at..s.start].chars().all(char::is_whitespace) {
            return Err(format!(
                "bytes {at}..{} left out of every word: {:?}",
                s.start,
                &text[at..s.start]
            ));
        }
        if w.text.starts_with(char::is_whitespace) || w.text.ends_with(char::is_whitespace) {
            return Err(format!("word {:?} starts or ends with a space", w.text));
        }
        at = s.end;
    }
    if !text[at..].chars().all(char::is_whitespace) {
        return Err(format!("the end {:?} is in no word", &text[at..]));
    }
    Ok(())
}

#[test]
fn seed_article_golden() {
    let seg = Segmenter::new();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/seed_article.txt"
    ))
    .expect("read the seed article");
    let got: String = text.lines().map(|l| line(&seg, l) + "\n").collect();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seed_segmented.txt");
    if std::env::var_os("VNTEXT_BLESS").is_some() {
        std::fs::write(path, &got).expect("write the golden file");
    }
    let want = std::fs::read_to_string(path).expect("read tests/data/seed_segmented.txt");
    let diffs: Vec<String> = got
        .lines()
        .zip(want.lines())
        .enumerate()
        .filter(|(_, (g, w))| g != w)
        .map(|(i, (g, w))| format!("line {}:\n  got  {g}\n  want {w}", i + 1))
        .collect();
    assert!(
        diffs.is_empty() && got.lines().count() == want.lines().count(),
        "{}",
        diffs.join("\n")
    );
    // What a reader expects of it, independently of the snapshot.
    for must in [
        "Thứ_trưởng Bộ Nội_vụ",
        "Trần_Thị_Hà",
        "tỉnh Quảng_Ninh",
        "Hội_nghị",
        "24/7/2019",
    ] {
        assert!(got.contains(must), "{must} not in the segmentation");
    }
}

#[test]
fn kinds_and_syllable_counts() {
    let seg = Segmenter::new();
    let words: Vec<_> = seg
        .segment("Ngày 24/7/2019, UBND tỉnh chi 10.000 đồng (3,5%) tại https://chinhphu.vn")
        .collect();
    let find = |t: &str| {
        words
            .iter()
            .find(|w| w.text == t)
            .unwrap_or_else(|| panic!("{t} not a word: {words:?}"))
    };
    assert_eq!(find("24/7/2019").kind, WordKind::Date);
    assert_eq!(find("10.000").kind, WordKind::Number);
    assert_eq!(find(",").kind, WordKind::Punctuation);
    assert_eq!(find("https://chinhphu.vn").kind, WordKind::Url);
    assert_eq!(find("UBND").kind, WordKind::Word);
    let hn = seg.segment("Hà Nội").next().expect("a word");
    assert_eq!(
        (hn.text, hn.syllables, hn.kind),
        ("Hà Nội", 2, WordKind::Word)
    );
}

#[test]
fn text_without_diacritics() {
    let seg = Segmenter::new();
    assert_eq!(line(&seg, "thu truong bo noi vu"), "thu_truong bo noi_vu");
    // The same words as the accented text, for phrases of government news.
    for accented in [
        "Phó Chủ tịch Thường trực Hội đồng Thi đua khen thưởng Trung ương",
        "Cụm thi đua các tỉnh đồng bằng sông Hồng sơ kết công tác 6 tháng đầu năm",
        "tỉnh Quảng Ninh tổ chức Hội nghị",
    ] {
        let folded = vntext::normalize::fold(accented);
        assert_eq!(
            line(&seg, &folded),
            vntext::normalize::fold(&line(&seg, accented)),
            "{folded}"
        );
    }
}

#[test]
fn spans_cover_the_corpus() {
    let seg = Segmenter::new();
    let mut docs = 0;
    for file in [
        "corpus/vlc-laws/sample.jsonl",
        "corpus/cc-by-sa/viwiki-2017-sample.jsonl",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        for (id, text) in common::jsonl_texts(&path).into_iter().take(40) {
            for l in text.lines() {
                check_cover(&seg, l).unwrap_or_else(|e| panic!("{file} {id}: {e}"));
            }
            docs += 1;
        }
    }
    assert!(docs >= 60);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_text_is_covered(s in "\\PC{0,60}|[a-zA-ZàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐ .,;:!?()/%-]{0,80}") {
        let seg = Segmenter::new();
        prop_assert!(check_cover(&seg, &s).is_ok(), "{:?}", check_cover(&seg, &s));
    }
}
