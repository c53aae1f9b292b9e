//! The shared normalization case tables (../shared/data/normalize), read directly.
//!
//! Rows of category `tone`, `unicode` and `fold` are checked here; the `legacy:*` and
//! `mojibake:*` rows need decoding first and are checked in tests/legacy.rs. Every row is
//! accounted for: the test fails if a row has a category neither file knows.

mod common;

use vntext::normalize::{Normalizer, fold, normalize};
use vntext::syllable::ToneStyle;

#[test]
fn extended_cases_traditional_reformed_and_fold() {
    let cases = common::extended_cases();
    assert!(cases.len() >= 89, "only {} cases read", cases.len());
    let reformed = Normalizer::new().style(ToneStyle::Reformed);
    let mut failures = Vec::new();
    let mut checked = 0;
    for c in &cases {
        let unicode_row = matches!(c.category.as_str(), "tone" | "unicode" | "fold");
        let legacy_row = c.category.starts_with("legacy:") || c.category.starts_with("mojibake:");
        assert!(
            unicode_row || legacy_row,
            "line {}: unknown category {}",
            c.line,
            c.category
        );
        // Fold is defined on any text: check it on every row's expected output, and on the
        // input of Unicode rows.
        if fold(&c.traditional) != c.fold {
            failures.push(format!(
                "line {}: fold({:?}) = {:?}, want {:?}",
                c.line,
                c.traditional,
                fold(&c.traditional),
                c.fold
            ));
        }
        if !unicode_row {
            continue;
        }
        checked += 1;
        let got = normalize(&c.input);
        if got != c.traditional {
            failures.push(format!(
                "line {} [{}]: normalize({:?}) = {:?}, want {:?} ({})",
                c.line, c.category, c.input, got, c.traditional, c.note
            ));
        }
        let got = reformed.normalize(&c.input);
        if got != c.reformed {
            failures.push(format!(
                "line {} [{}]: reformed({:?}) = {:?}, want {:?}",
                c.line, c.category, c.input, got, c.reformed
            ));
        }
        let got = fold(&c.input);
        if got != c.fold {
            failures.push(format!(
                "line {} [{}]: fold({:?}) = {:?}, want {:?}",
                c.line, c.category, c.input, got, c.fold
            ));
        }
        // Normalizing is idempotent and the two styles convert into each other.
        let n = normalize(&c.input);
        assert_eq!(normalize(&n), n, "line {}: not idempotent", c.line);
        assert_eq!(
            normalize(&reformed.normalize(&c.input)),
            n,
            "line {}: styles",
            c.line
        );
    }
    assert!(checked >= 70, "only {checked} Unicode rows checked");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn basic_cases_table() {
    let cases = common::basic_cases();
    assert!(cases.len() >= 89, "only {} cases read", cases.len());
    let mut failures = Vec::new();
    for (line, input, traditional, folded, note) in &cases {
        if note.contains("[legacy:") || note.contains("[mojibake:") {
            continue; // decoded in tests/legacy.rs
        }
        if normalize(input) != *traditional {
            failures.push(format!(
                "line {line}: normalize({input:?}) = {:?}, want {traditional:?}",
                normalize(input)
            ));
        }
        if fold(input) != *folded {
            failures.push(format!(
                "line {line}: fold({input:?}) = {:?}, want {folded:?}",
                fold(input)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
