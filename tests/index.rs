//! The index on disk: search with and without diacritics, tone placements, phrases, filters
//! by province (across the 2025 reorganisation) and date, snippets, re-indexing, a corpus with
//! a broken line, and an index closed and reopened.
#![cfg(feature = "index")]

use vntext::entity::Day;
use vntext::fold;
use vntext::index::{Document, Indexer, Query, Searcher, read_corpus};

fn doc(id: &str, title: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        title: title.into(),
        text: text.into(),
        date: None,
        url: None,
    }
}

fn corpus() -> Vec<Document> {
    vec![
        doc(
            "accented",
            "Hội nghị",
            "Ngày 24/7/2019, hội nghị sơ kết được tổ chức tại Hà Nội với đại diện Bộ Nội vụ.",
        ),
        doc(
            "unaccented",
            "Tin nhanh",
            "Hom nay doan cong tac den ha noi de lam viec voi cac bo nganh.",
        ),
        doc(
            "ninh-binh",
            "Nông nghiệp",
            "UBND tỉnh Ninh Bình triển khai kế hoạch sản xuất vụ đông năm 2021.",
        ),
        doc(
            "peace",
            "Hòa bình",
            "Nhân dân mong muốn hòa bình và hợp tác; tháng 3/2015 hội thảo về hoà giải được tổ chức.",
        ),
        doc(
            "words-apart",
            "Bộ máy",
            "Bộ trưởng chỉ đạo công tác nội bộ, phân công nhiệm vụ cho từng đơn vị.",
        ),
    ]
}

fn ids(s: &Searcher, q: &Query) -> Vec<String> {
    s.search(q).unwrap().into_iter().map(|h| h.id).collect()
}

fn build(dir: &std::path::Path) {
    let mut ix = Indexer::with_threads(dir, 1).unwrap();
    for d in corpus() {
        ix.add(&d).unwrap();
    }
    ix.commit().unwrap();
}

#[test]
fn search_with_and_without_diacritics_phrases_filters_snippets() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path());
    let s = Searcher::open(dir.path()).unwrap();
    assert_eq!(s.num_docs(), 5);

    // Typed without diacritics: both documents, the one written with them first.
    let hits = ids(&s, &Query::new("ha noi"));
    assert_eq!(
        hits.first().map(String::as_str),
        Some("accented"),
        "{hits:?}"
    );
    assert!(hits.contains(&"unaccented".to_string()), "{hits:?}");
    // Typed with them: the same first hit.
    assert_eq!(ids(&s, &Query::new("Hà Nội"))[0], "accented");

    // Either tone placement finds the same documents.
    assert_eq!(
        ids(&s, &Query::new("hoà bình")),
        ids(&s, &Query::new("hòa bình"))
    );
    assert_eq!(ids(&s, &Query::new("hoà bình"))[0], "peace");

    // A phrase: its words next to each other (not in `words-apart`, which has all three).
    let phrase = ids(&s, &Query::new("\"bộ nội vụ\""));
    assert_eq!(phrase, ["accented"]);
    assert!(ids(&s, &Query::new("bộ nội vụ")).contains(&"words-apart".to_string()));

    // A province named before 2025 (Hà Nam, now part of Ninh Bình) finds its current unit.
    let by_province = ids(&s, &Query::new("kế hoạch").province("Hà Nam"));
    assert_eq!(by_province, ["ninh-binh"]);
    assert!(ids(&s, &Query::new("kế hoạch").province("Quảng Ninh")).is_empty());

    // Dates mentioned in the text.
    let july = ids(
        &s,
        &Query::new("hội nghị").dates(Day::new(2019, 7, 1), Day::new(2019, 7, 31)),
    );
    assert_eq!(july, ["accented"]);
    let spring_2015 = ids(
        &s,
        &Query::new("hội thảo").dates(Day::new(2015, 1, 1), Day::new(2015, 6, 30)),
    );
    assert_eq!(spring_2015, ["peace"]);

    // Snippets: every highlighted byte range of the text is a word of the query.
    for q in ["ha noi", "Hà Nội", "hoà bình"] {
        let wanted: Vec<String> = q.split(' ').map(|w| fold(w).into_owned()).collect();
        for h in s.search(&Query::new(q)).unwrap() {
            let body = corpus().into_iter().find(|d| d.id == h.id).unwrap().text;
            assert!(!h.highlights.is_empty(), "{q}: {}", h.id);
            for r in &h.highlights {
                // A syllable of the query, or a word of several of them (Hà Nội).
                let word = &body[r.clone()];
                assert!(
                    fold(word)
                        .split_whitespace()
                        .all(|syllable| wanted.iter().any(|w| w == syllable)),
                    "{q}: highlighted {word:?} in {}",
                    h.id
                );
            }
            assert_eq!(&body[h.snippet_range.clone()], h.snippet);
        }
    }
}

#[test]
fn reindexing_replaces_and_a_reopened_index_answers_the_same() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path());
    let before = {
        let s = Searcher::open(dir.path()).unwrap();
        (ids(&s, &Query::new("ha noi")), s.num_docs())
    };
    // The same corpus again: the count does not change.
    build(dir.path());
    let s = Searcher::open(dir.path()).unwrap();
    assert_eq!(s.num_docs(), before.1);
    assert_eq!(ids(&s, &Query::new("ha noi")), before.0);
}

#[test]
fn a_jsonl_corpus_with_a_broken_line_indexes_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.jsonl");
    std::fs::write(
        &file,
        concat!(
            "{\"id\":\"1\",\"title\":\"Một\",\"text\":\"Hội nghị tại Đà Nẵng.\"}\n",
            "{\"id\":\"2\",\"title\":\"Hai\",\"text\":\"Thiếu dấu ngoặc\"\n",
            "{\"id\":\"3\",\"title\":\"Ba\",\"text\":\"Hội thảo tại Huế.\",\"date\":\"2020-02-01\"}\n",
        ),
    )
    .unwrap();
    let (docs, skipped) = read_corpus(&file).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0].place.ends_with("c.jsonl:2"), "{}", skipped[0]);
    let index = dir.path().join("index");
    let mut ix = Indexer::with_threads(&index, 1).unwrap();
    for d in &docs {
        ix.add(d).unwrap();
    }
    ix.commit().unwrap();
    let s = Searcher::open(&index).unwrap();
    assert_eq!(s.num_docs(), 2);
    assert_eq!(ids(&s, &Query::new("da nang")), ["1"]);
}

#[test]
fn documents_are_committed_in_batches() {
    let dir = tempfile::tempdir().unwrap();
    let mut ix = Indexer::with_threads(dir.path(), 1).unwrap().batch_size(2);
    for d in corpus() {
        ix.add(&d).unwrap();
    }
    // Five documents, batches of two: four are committed without asking.
    let s = Searcher::open(dir.path()).unwrap();
    assert_eq!(s.num_docs(), 4);
    ix.commit().unwrap();
    s.reload().unwrap();
    assert_eq!(s.num_docs(), 5);
}
