//! Entity extraction: the seed article's expected entities, every form of the date table, the
//! synthetic government probe, and robustness on arbitrary input.

mod common;

use proptest::prelude::*;
use serde_json::{Value as Json, json};
use vntext::entity::{Day, Entity, EntityKind, Extractor};

/// Whether `actual` has everything `expected` has (objects: every key, recursively; arrays:
/// the same length, element by element). Extra fields are allowed.
fn contains(actual: &Json, expected: &Json) -> bool {
    match (actual, expected) {
        (Json::Object(a), Json::Object(e)) => e
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|av| contains(av, v))),
        (Json::Array(a), Json::Array(e)) => {
            a.len() == e.len() && a.iter().zip(e).all(|(x, y)| contains(x, y))
        }
        _ => actual == expected,
    }
}

/// Text with every kind of whitespace (the article has no-break spaces) as one plain space.
fn plain(s: &str) -> String {
    s.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn to_json(e: &Entity<'_>) -> Json {
    serde_json::to_value(e).expect("entities serialize")
}

#[test]
fn seed_article_has_every_expected_entity() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/seed_article.txt"
    ))
    .expect("read the seed article");
    let expected: Json = serde_json::from_str(
        &std::fs::read_to_string(common::table(
            "ner/seed_expected.json",
            "seed_expected.json",
        ))
        .expect("read seed_expected.json"),
    )
    .expect("parse seed_expected.json");
    let entities = Extractor::new().extract(&text);
    for e in &entities {
        assert_eq!(&text[e.span.range()], e.text, "span slices the text");
    }
    let mut failures = Vec::new();
    for exp in expected["entities"].as_array().expect("entities") {
        let mention = exp["text"].as_str().expect("text");
        let kind = exp["type"].as_str().expect("type");
        assert!(
            plain(&text).contains(mention),
            "{mention:?} is in the article"
        );
        let ok = entities.iter().any(|e| {
            plain(e.text) == mention
                && e.kind.as_str() == kind
                && contains(&to_json(e)["value"], &exp["value"])
        });
        if !ok {
            let seen: Vec<Json> = entities
                .iter()
                .filter(|e| plain(e.text) == mention)
                .map(to_json)
                .collect();
            failures.push(format!(
                "{kind} {mention:?}: expected {}, found {seen:?}",
                exp["value"]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every occurrence of the region counts, in both spellings.
    let regions: Vec<&str> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Region)
        .map(|e| e.text)
        .collect();
    let occurrences =
        text.matches("đồng bằng Sông Hồng").count() + text.matches("Đồng bằng sông Hồng").count();
    assert_eq!(regions.len(), occurrences, "{regions:?}");
    // The calendar widget's day numbers and weekday abbreviations are not dates.
    let widget = text.find("CN T2 T3").expect("the calendar widget");
    assert!(
        entities.iter().all(|e| e.span.start < widget),
        "nothing in the calendar grid"
    );
}

/// (expression of the table, sentence of the table, the date mentions expected in it as (text,
/// value)). An empty list: not a date.
fn date_cases() -> Vec<(&'static str, Vec<(&'static str, Json)>)> {
    let day = |d: &str| json!({"from": d, "to": d, "grain": "day"});
    let span = |a: &str, b: &str, g: &str| json!({"from": a, "to": b, "grain": g});
    vec![
        ("25/07/2019", vec![("ngày 25/07/2019", day("2019-07-25"))]),
        (
            "Ngày 24/7/2019",
            vec![("Ngày 24/7/2019", day("2019-07-24"))],
        ),
        ("24-7-2019", vec![("ngày 24-7-2019", day("2019-07-24"))]),
        ("24.7.2019", vec![("ngày 24.7.2019", day("2019-07-24"))]),
        (
            "ngày 24 tháng 7 năm 2019",
            vec![("ngày 24 tháng 7 năm 2019", day("2019-07-24"))],
        ),
        (
            "Hà Nội, ngày 12 tháng 6 năm 2025",
            vec![("ngày 12 tháng 6 năm 2025", day("2025-06-12"))],
        ),
        (
            "24/7",
            vec![("24/7", json!({"partial": "--07-24", "part": "morning"}))],
        ),
        (
            "24 - 7",
            vec![
                ("24 - 7", json!({"partial": "--07-24"})),
                ("31 - 7", json!({"partial": "--07-31"})),
            ],
        ),
        (
            "sáng 24/7",
            vec![("24/7", json!({"partial": "--07-24", "part": "morning"}))],
        ),
        (
            "tháng 7/2019",
            vec![("tháng 7/2019", span("2019-07-01", "2019-07-31", "month"))],
        ),
        (
            "Tháng 2, 2020",
            vec![("Tháng 2, 2020", span("2020-02-01", "2020-02-29", "month"))],
        ),
        (
            "tháng 2 năm 2020",
            vec![(
                "tháng 2 năm 2020",
                span("2020-02-01", "2020-02-29", "month"),
            )],
        ),
        (
            "tháng Giêng",
            vec![("tháng Giêng", json!({"lunar": "--01", "grain": "month"}))],
        ),
        (
            "năm 2019",
            vec![("năm 2019", span("2019-01-01", "2019-12-31", "year"))],
        ),
        (
            "giai đoạn 2021-2025",
            vec![("2021-2025", span("2021-01-01", "2025-12-31", "range"))],
        ),
        (
            "nhiệm kỳ 2020-2025",
            vec![("2020-2025", span("2020-01-01", "2025-12-31", "range"))],
        ),
        (
            "thời kỳ 2021-2030, tầm nhìn đến năm 2050",
            vec![
                ("2021-2030", span("2021-01-01", "2030-12-31", "range")),
                ("năm 2050", span("2050-01-01", "2050-12-31", "year")),
            ],
        ),
        (
            "6 tháng đầu năm 2019",
            vec![(
                "6 tháng đầu năm 2019",
                span("2019-01-01", "2019-06-30", "half-year"),
            )],
        ),
        (
            "6 tháng cuối năm",
            vec![(
                "6 tháng cuối năm 2019",
                span("2019-07-01", "2019-12-31", "half-year"),
            )],
        ),
        (
            "9 tháng năm 2020",
            vec![(
                "9 tháng năm 2020",
                span("2020-01-01", "2020-09-30", "period"),
            )],
        ),
        (
            "quý I/2020",
            vec![("quý I/2020", span("2020-01-01", "2020-03-31", "quarter"))],
        ),
        (
            "quý II năm 2020",
            vec![(
                "quý II năm 2020",
                span("2020-04-01", "2020-06-30", "quarter"),
            )],
        ),
        (
            "quý 3/2021",
            vec![("quý 3/2021", span("2021-07-01", "2021-09-30", "quarter"))],
        ),
        (
            "nửa đầu năm 2020",
            vec![(
                "Nửa đầu năm 2020",
                span("2020-01-01", "2020-06-30", "half-year"),
            )],
        ),
        (
            "cuối tháng 7",
            vec![("cuối tháng 7", json!({"partial": "--07", "part": "late"}))],
        ),
        (
            "đầu năm 2020",
            vec![(
                "đầu năm 2020",
                json!({"from": "2020-01-01", "to": "2020-12-31", "part": "early"}),
            )],
        ),
        (
            "từ ngày 24 đến 26/7/2019",
            vec![(
                "ngày 24 đến 26/7/2019",
                span("2019-07-24", "2019-07-26", "range"),
            )],
        ),
        (
            "từ 24/7 đến 31/7",
            vec![
                ("24/7", json!({"partial": "--07-24"})),
                ("31/7", json!({"partial": "--07-31"})),
            ],
        ),
        (
            "24-26/7",
            vec![(
                "24-26/7",
                json!({"partial": "--07-24/--07-26", "grain": "range"}),
            )],
        ),
        (
            "từ ngày 1/7/2025",
            vec![("ngày 1/7/2025", day("2025-07-01"))],
        ),
        (
            "đến hết ngày 28/2/2025",
            vec![("ngày 28/2/2025", day("2025-02-28"))],
        ),
        (
            "Thứ Hai (24/7)",
            vec![(
                "Thứ Hai (24/7)",
                json!({"partial": "--07-24", "weekday": "Mon"}),
            )],
        ),
        (
            "thứ Sáu, ngày 26/7/2019",
            vec![(
                "thứ Sáu, ngày 26/7/2019",
                json!({"from": "2019-07-26", "to": "2019-07-26", "weekday": "Fri"}),
            )],
        ),
        (
            "Thứ Hai",
            vec![(
                "Thứ Hai tuần sau",
                json!({"weekday": "Mon", "relative": "weekday+1w"}),
            )],
        ),
        (
            "T2",
            vec![
                ("T2", json!({"weekday": "Mon"})),
                ("T6", json!({"weekday": "Fri"})),
            ],
        ),
        (
            "Chủ nhật",
            vec![(
                "Chủ nhật tuần này",
                json!({"weekday": "Sun", "relative": "weekday"}),
            )],
        ),
        ("hôm qua", vec![("Hôm qua", json!({"relative": "-1d"}))]),
        ("hôm nay", vec![("Hôm nay", json!({"relative": "0d"}))]),
        ("ngày mai", vec![("Ngày mai", json!({"relative": "+1d"}))]),
        (
            "tuần trước",
            vec![("Tuần trước", json!({"relative": "-1w"}))],
        ),
        ("năm ngoái", vec![("năm ngoái", json!({"relative": "-1y"}))]),
        (
            "cùng kỳ năm trước",
            vec![(
                "cùng kỳ năm trước",
                json!({"relative": "-1y", "part": "same-period"}),
            )],
        ),
        ("thời gian tới", vec![]),
        (
            "mùng 1 Tết",
            vec![("Mùng 1 Tết", json!({"lunar": "--01-01", "grain": "day"}))],
        ),
        (
            "Tết Nguyên đán Canh Tý 2020",
            vec![(
                "Tết Nguyên đán Canh Tý 2020",
                json!({"lunar": "2020-01-01"}),
            )],
        ),
        (
            "rằm tháng Giêng",
            vec![
                ("Rằm tháng Giêng", json!({"lunar": "--01-15"})),
                ("năm nay", json!({"relative": "0y"})),
            ],
        ),
        (
            "ngày 15 tháng 8 âm lịch",
            vec![("Ngày 15 tháng 8 âm lịch", json!({"lunar": "--08-15"}))],
        ),
        (
            "dịp lễ 30/4 - 1/5",
            vec![(
                "30/4 - 1/5",
                json!({"partial": "--04-30/--05-01", "grain": "range"}),
            )],
        ),
        (
            "Quốc khánh 2/9",
            vec![("2/9", json!({"partial": "--09-02"}))],
        ),
        (
            "14h30 ngày 24/7",
            vec![("ngày 24/7", json!({"partial": "--07-24", "time": "14:30"}))],
        ),
        ("8 giờ 30 phút", vec![]),
        (
            "những năm 1990",
            vec![("những năm 1990", span("1990-01-01", "1999-12-31", "period"))],
        ),
        ("Nghị quyết 202/2025/QH15", vec![]),
        ("2/3 số đại biểu", vec![]),
    ]
}

#[test]
fn every_form_of_the_date_table_has_its_value() {
    let table = std::fs::read_to_string(common::table(
        "gazetteer/date_expressions.tsv",
        "date_expressions.tsv",
    ))
    .expect("read date_expressions.tsv");
    let cases = date_cases();
    let x = Extractor::new();
    let mut rows = 0;
    let mut failures = Vec::new();
    for line in table.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (expression, sentence) = (cols[1], cols[2]);
        rows += 1;
        let Some((_, expected)) = cases.iter().find(|(e, _)| *e == expression) else {
            failures.push(format!("no expectation written for {expression:?}"));
            continue;
        };
        let dates: Vec<Json> = x
            .extract(sentence)
            .iter()
            .filter(|e| e.kind == EntityKind::Date)
            .map(to_json)
            .collect();
        let ok = dates.len() == expected.len()
            && dates
                .iter()
                .zip(expected)
                .all(|(d, (text, value))| d["text"] == *text && contains(&d["value"], value));
        if !ok {
            failures.push(format!(
                "{sentence:?}: expected {expected:?}, found {dates:?}"
            ));
        }
    }
    assert_eq!(rows, 54, "the table has 54 forms");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn relative_dates_resolve_against_a_reference_date() {
    let x = Extractor::new().with_reference_date(Day::new(2019, 7, 25).unwrap());
    let value = |s: &str| -> Json {
        let e = x.extract(s);
        let d = e.iter().find(|e| e.kind == EntityKind::Date).expect(s);
        to_json(d)["value"].clone()
    };
    assert!(contains(
        &value("Hôm qua, UBND tỉnh đã họp."),
        &json!({"from": "2019-07-24", "to": "2019-07-24", "relative": "-1d"})
    ));
    assert!(contains(
        &value("So với năm ngoái, thu ngân sách tăng."),
        &json!({"from": "2018-01-01", "to": "2018-12-31"})
    ));
    // 2019-07-25 is a Thursday: Monday of the next week is 2019-07-29.
    assert!(contains(
        &value("Thứ Hai tuần sau sẽ họp."),
        &json!({"from": "2019-07-29", "weekday": "Mon"})
    ));
    assert!(contains(
        &value("Sáng 24/7, đoàn công tác làm việc với tỉnh."),
        &json!({"from": "2019-07-24", "to": "2019-07-24"})
    ));
    assert!(contains(
        &value("Tuần trước, Sở Y tế đã báo cáo."),
        &json!({"from": "2019-07-15", "to": "2019-07-21"})
    ));
}

#[test]
fn provinces_resolve_across_the_2025_reorganisation() {
    let x = Extractor::new();
    let province = |s: &str| -> Json {
        let e = x.extract(s);
        let p = e
            .iter()
            .find(|e| e.kind == EntityKind::Province)
            .unwrap_or_else(|| panic!("a province in {s:?}: {e:?}"));
        to_json(p)
    };
    let p = province("Đoàn công tác làm việc tại tỉnh Hà Nam.");
    assert_eq!(p["text"], "tỉnh Hà Nam");
    assert!(contains(
        &p["value"],
        &json!({"name": "Hà Nam", "code": "35", "era": "pre-2025", "current": "Ninh Bình"})
    ));
    let p = province("Hội nghị tại TP.HCM.");
    assert!(contains(
        &p["value"],
        &json!({"name": "Hồ Chí Minh", "era": "both"})
    ));
    let p = province("Sở Y tế Thừa Thiên Huế thông báo.");
    assert_eq!(p["value"]["name"], "Huế");
    // Typed without diacritics, with the spaced punctuation of tokenized corpora.
    let p = province("doan cong tac den tinh Quang Ninh");
    assert_eq!(p["value"]["name"], "Quảng Ninh");
    let p = province("Hội nghị tại tp . HCM hôm qua");
    assert_eq!(p["value"]["name"], "Hồ Chí Minh");
    // A person called Hà Nam is not a province.
    let e = x.extract("Ông Nguyễn Hà Nam phát biểu.");
    assert!(e.iter().all(|e| e.kind != EntityKind::Province), "{e:?}");
    // "Trung ương" alone is not a place.
    let e = x.extract("sự quan tâm của Bộ ngành Trung ương");
    assert!(
        e.iter().all(|e| !matches!(
            e.kind,
            EntityKind::Province | EntityKind::Place | EntityKind::Region
        )),
        "{e:?}"
    );
}

#[test]
fn officials_with_their_roles() {
    let x = Extractor::new();
    let person = |s: &str| -> Json {
        let e = x.extract(s);
        let p = e
            .iter()
            .find(|e| e.kind == EntityKind::Person)
            .unwrap_or_else(|| panic!("a person in {s:?}: {e:?}"));
        to_json(p)
    };
    let p = person("Bộ trưởng Bộ Tài chính Nguyễn Văn A đã ký.");
    assert_eq!(p["text"], "Nguyễn Văn A");
    assert!(contains(
        &p["value"]["roles"],
        &json!([{"title": "Bộ trưởng", "organization": "Bộ Tài chính"}])
    ));
    let p = person("TM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\nNguyễn Tấn Dũng");
    assert!(contains(
        &p["value"],
        &json!({"name": "Nguyễn Tấn Dũng", "roles": [{"title": "THỦ TƯỚNG", "organization": "CHÍNH PHỦ"}]})
    ));
    let p = person("CHỦ TỊCH QUỐC HỘI\n\nNguyễn Sinh Hùng");
    assert!(contains(
        &p["value"],
        &json!({"roles": [{"title": "CHỦ TỊCH", "organization": "QUỐC HỘI"}]})
    ));
    let p = person("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nLê Văn Bình");
    assert!(contains(
        &p["value"],
        &json!({"roles": [{"title": "THỨ TRƯỞNG", "organization": null}]})
    ));
}

#[test]
fn government_probe_scores() {
    // The synthetic probe (15 sentences) checked entity by entity, strict spans.
    let Some(path) = common::shared_file("ner/gov_probe.jsonl") else {
        return;
    };
    let x = Extractor::new();
    let map = |k: EntityKind| match k {
        EntityKind::Province | EntityKind::Place | EntityKind::Region => "LOC",
        EntityKind::Person => "PER",
        EntityKind::Organization => "ORG",
        EntityKind::Title => "TITLE",
        EntityKind::Date => "DATE",
        _ => "OTHER",
    };
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let doc: Json = serde_json::from_str(line).unwrap();
        let text = doc["text"].as_str().unwrap();
        let char_of = |b: usize| text[..b].chars().count() as u64;
        let mut gold: Vec<(u64, u64, String)> = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["start"].as_u64().unwrap(),
                    e["end"].as_u64().unwrap(),
                    e["type"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let mut sys: Vec<(u64, u64, String)> = x
            .extract(text)
            .iter()
            .map(|e| {
                (
                    char_of(e.span.start),
                    char_of(e.span.end),
                    map(e.kind).into(),
                )
            })
            .collect();
        sys.sort();
        sys.dedup();
        gold.sort();
        let hits = sys.iter().filter(|s| gold.contains(s)).count();
        tp += hits;
        fp += sys.len() - hits;
        fn_ += gold.len() - hits;
    }
    let f1 = 2.0 * tp as f64 / (2 * tp + fp + fn_) as f64;
    eprintln!("gov probe: tp {tp} fp {fp} fn {fn_} F1 {f1:.3}");
    assert!(f1 >= 0.95, "micro F1 {f1:.3}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_are_char_boundaries_on_any_input(s in "\\PC{0,80}") {
        for e in Extractor::new().extract(&s) {
            prop_assert!(s.is_char_boundary(e.span.start) && s.is_char_boundary(e.span.end));
            prop_assert_eq!(&s[e.span.range()], e.text);
        }
    }

    #[test]
    fn no_panic_on_vietnamese_like_input(
        words in proptest::collection::vec(
            "(ngày|tháng|năm|quý|Thứ|Hai|tỉnh|TP|UBND|Bộ|Nội|vụ|Nguyễn|Văn|,|-|/|\\.|\\n|[0-9]{1,4}|[0-9]{1,2}/[0-9]{1,2}(/[0-9]{4})?|I|IV|đến|từ|Hà|Nam|ông|Trưởng|Ban|TM\\.|CHÍNH|PHỦ)",
            0..30,
        )
    ) {
        let s = words.join(" ");
        for e in Extractor::new().extract(&s) {
            prop_assert_eq!(&s[e.span.range()], e.text);
        }
    }
}
