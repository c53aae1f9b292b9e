//! Normalize over every document of the shared corpus (../shared/data/corpus), checking that
//! only what the rules must change is changed, and counting each kind of change.

mod common;

use std::collections::BTreeMap;

use vntext::normalize::{Changes, Normalizer, fold};
use vntext::syllable::{Syllable, ToneStyle};

/// The whole word around `span` (letters and combining marks on either side).
fn word_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let is_word = |c: char| c.is_alphabetic() || ('\u{0300}'..='\u{036F}').contains(&c);
    let s = text[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c))
        .last()
        .map_or(start, |(i, _)| i);
    let e = end
        + text[end..]
            .chars()
            .take_while(|&c| is_word(c))
            .map(char::len_utf8)
            .sum::<usize>();
    (s, e)
}

#[derive(Default)]
struct Report {
    docs: usize,
    bytes: usize,
    changed_docs: usize,
    kinds: BTreeMap<&'static str, usize>,
    problems: Vec<String>,
    repairs: Vec<String>,
}

fn check_corpus(file: &str, normalizer: &Normalizer, report: &mut Report) {
    let Some(path) = common::shared_file(file) else {
        return;
    };
    for (id, text) in common::jsonl_texts(&path) {
        report.docs += 1;
        report.bytes += text.len();
        let n = normalizer.normalize_with_offsets(&text);
        if n.map().is_identity() {
            continue;
        }
        report.changed_docs += 1;
        let norm = n.text();
        for e in n.map().edits() {
            for (kind, name) in Changes::NAMED {
                if e.changes.contains(kind) {
                    *report.kinds.entry(name).or_default() += 1;
                }
            }
            let before = &text[e.original.range()];
            let after = &norm[e.normalized.range()];
            let mut problem = None;
            if e.changes.contains(Changes::TONE_REPAIR) && report.repairs.len() < 40 {
                let (ws, we) = word_around(&text, e.original.start, e.original.end);
                let (ns, ne) = word_around(norm, e.normalized.start, e.normalized.end);
                report
                    .repairs
                    .push(format!("{} -> {}", &text[ws..we], &norm[ns..ne]));
            }
            // Every change keeps the search key, except a Cyrillic look-alike.
            if fold(before) != fold(after) && !e.changes.contains(Changes::LOOK_ALIKE) {
                problem = Some("search key changed");
            }
            // A moved tone: the same syllable (onset, rime, tone) before and after, and the
            // old placement was not the style's.
            if e.changes.contains(Changes::TONE_STYLE) || e.changes.contains(Changes::TONE_REPAIR) {
                let (ws, we) = word_around(&text, e.original.start, e.original.end);
                let (ns, ne) = word_around(norm, e.normalized.start, e.normalized.end);
                let (old_word, new_word) = (&text[ws..we], &norm[ns..ne]);
                match (Syllable::parse(old_word), Syllable::parse(new_word)) {
                    (Ok(a), Ok(b)) => {
                        if a != b {
                            problem = Some("tone move changed the syllable");
                        }
                        if new_word.to_lowercase() != b.render(ToneStyle::Traditional)
                            && new_word.to_lowercase() != b.render(ToneStyle::Reformed)
                        {
                            problem = Some("result is in neither placement");
                        }
                    }
                    _ => problem = Some("tone moved in a word that is not one syllable"),
                }
            }
            if let Some(p) = problem {
                report.problems.push(format!(
                    "{file} {id} @{}: {before:?} -> {after:?}: {p}",
                    e.original.start
                ));
            }
        }
    }
}

#[test]
fn corpus_changes_are_the_ones_the_rules_require() {
    let files = [
        "corpus/vlc-laws/docs.jsonl",
        "corpus/vlc-laws/sample.jsonl",
        "corpus/viwiki-2017/bench_20mb.jsonl",
        "corpus/viwiki-2017/sample.jsonl",
    ];
    for (style, name) in [
        (ToneStyle::Traditional, "traditional"),
        (ToneStyle::Reformed, "reformed"),
    ] {
        let normalizer = Normalizer::new().style(style);
        let mut total = Report::default();
        for f in files {
            let mut r = Report::default();
            check_corpus(f, &normalizer, &mut r);
            if r.docs == 0 {
                continue;
            }
            println!(
                "{name:<11} {f:<36} {:>5} docs {:>6.1} MB, {:>4} changed; {:?}",
                r.docs,
                r.bytes as f64 / 1e6,
                r.changed_docs,
                r.kinds
            );
            total.docs += r.docs;
            total.problems.extend(r.problems);
            if style == ToneStyle::Traditional && !r.repairs.is_empty() {
                println!("  tone repairs: {}", r.repairs.join(", "));
            }
            for (k, v) in r.kinds {
                *total.kinds.entry(k).or_default() += v;
            }
        }
        if total.docs == 0 {
            return; // no shared corpus here (skipped, reason printed)
        }
        assert!(
            total.problems.is_empty(),
            "{} unexpected changes, first ones:\n{}",
            total.problems.len(),
            total.problems[..total.problems.len().min(30)].join("\n")
        );
        // The corpus is known to need every kind of repair below (its README counts them).
        for kind in ["nfc", "tone-style", "look-alike"] {
            assert!(
                total.kinds.get(kind).copied().unwrap_or(0) > 0,
                "{name}: no {kind} change found"
            );
        }
    }
}
