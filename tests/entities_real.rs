//! Entities on real text: the 194 annotated sentences of tests/data/entities_real.jsonl
//! (statute signature blocks and preambles, Wikipedia biographies of officials, geography and
//! history), scored per type (strict span and type) and for the (person, title,
//! organization) relations. The even items were used to tune the rules, the odd ones were
//! not: both halves are reported.
//!
//! `cargo test --release --test entities_real -- --nocapture` prints the table.

use std::collections::HashMap;

use serde_json::Value as Json;
use unicode_normalization::UnicodeNormalization;
use vntext::entity::{EntityKind, Extractor, Value};

const TYPES: [&str; 5] = ["PER", "TITLE", "ORG", "LOC", "DATE"];

fn gold_type(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Province | EntityKind::Place | EntityKind::Region => "LOC",
        EntityKind::Person => "PER",
        EntityKind::Organization => "ORG",
        EntityKind::Title => "TITLE",
        EntityKind::Date => "DATE",
        // A kind the annotation scheme does not have.
        _ => "OTHER",
    }
}

/// NFC with every run of whitespace as one space: relation parts compare by their text.
fn key(s: &str) -> String {
    let s: String = s.nfc().collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, gold: &[String], sys: &[String]) {
        let mut left: Vec<&String> = gold.iter().collect();
        for s in sys {
            match left.iter().position(|g| *g == s) {
                Some(k) => {
                    left.swap_remove(k);
                    self.tp += 1;
                }
                None => self.fp += 1,
            }
        }
        self.fn_ += left.len();
    }

    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (100.0 * p, 100.0 * r, 100.0 * f)
    }
}

#[test]
fn real_sentences_per_type_and_relations() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/entities_real.jsonl"
    );
    let data = std::fs::read_to_string(path).expect("read entities_real.jsonl");
    let x = Extractor::new();
    // [all, tuned half, held-out half] × type (and "REL").
    let mut counts: [HashMap<&str, Counts>; 3] = Default::default();
    let mut items = 0;
    for (n, line) in data.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let doc: Json = serde_json::from_str(line).expect("a JSON line");
        let text = doc["text"].as_str().expect("text");
        items += 1;
        let entities = x.extract(text);
        for e in &entities {
            assert_eq!(&text[e.span.range()], e.text);
        }
        let char_of = |b: usize| text[..b].chars().count();
        let mut gold_rel: Vec<String> = Vec::new();
        for r in doc["relations"].as_array().into_iter().flatten() {
            gold_rel.push(format!(
                "{} | {} | {}",
                key(r["person"].as_str().unwrap_or("")),
                key(r["title"].as_str().unwrap_or("")),
                key(r["organization"].as_str().unwrap_or(""))
            ));
        }
        let mut sys_rel: Vec<String> = Vec::new();
        for e in &entities {
            if let Value::Person(p) = &e.value {
                for role in &p.roles {
                    sys_rel.push(format!(
                        "{} | {} | {}",
                        key(e.text),
                        key(&role.title),
                        key(role.organization.as_deref().unwrap_or(""))
                    ));
                }
            }
        }
        for half in [0, 1 + n % 2] {
            for ty in TYPES {
                let gold: Vec<String> = doc["entities"]
                    .as_array()
                    .expect("entities")
                    .iter()
                    .filter(|g| g["type"] == ty)
                    .map(|g| format!("{}-{}", g["start"], g["end"]))
                    .collect();
                let sys: Vec<String> = entities
                    .iter()
                    .filter(|e| gold_type(e.kind) == ty)
                    .map(|e| format!("{}-{}", char_of(e.span.start), char_of(e.span.end)))
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                counts[half].entry(ty).or_default().add(&gold, &sys);
            }
            counts[half]
                .entry("REL")
                .or_default()
                .add(&gold_rel, &sys_rel);
        }
    }
    assert!(items >= 150, "at least 150 annotated items");
    println!("| type | all P | all R | all F1 | tuned half F1 | held-out half F1 |");
    println!("|---|---|---|---|---|---|");
    let mut micro = [Counts::default(), Counts::default(), Counts::default()];
    for ty in TYPES.iter().chain(["REL"].iter()) {
        let (p, r, f) = counts[0][ty].prf();
        let (_, _, f1) = counts[1][ty].prf();
        let (_, _, f2) = counts[2][ty].prf();
        println!("| {ty} | {p:.1} | {r:.1} | {f:.1} | {f1:.1} | {f2:.1} |");
        if *ty != "REL" {
            for (h, m) in micro.iter_mut().enumerate() {
                m.tp += counts[h][ty].tp;
                m.fp += counts[h][ty].fp;
                m.fn_ += counts[h][ty].fn_;
            }
        }
    }
    let (p, r, f) = micro[0].prf();
    println!(
        "| micro | {p:.1} | {r:.1} | {f:.1} | {:.1} | {:.1} |",
        micro[1].prf().2,
        micro[2].prf().2
    );
    // Regression guards below the measured figures (the target, 90 per type and for the
    // relations, is not reached on every type yet: see the README's entity section).
    assert!(f >= 80.0, "micro F1 {f:.1}");
    assert!(counts[0]["DATE"].prf().2 >= 90.0);
}
