//! The generator of `src/normalize/legacy/syllable_freq.tsv`, the syllable frequency classes
//! detection uses to break ties between readings that all spell valid syllables (thêm / thờm).
//!
//! `cargo test --test legacy_tables` regenerates the table in memory from ../shared and fails
//! when the checked-in file differs; `VNTEXT_REGENERATE=1 cargo test --test legacy_tables`
//! writes it.
//!
//! Sources: the statutes of ../shared/data/corpus/vlc-laws/docs.jsonl (not protected by
//! copyright; the 32 documents of sample.jsonl, which the detection test reads, are left out)
//! give the counts; ../shared/data/lexicon/infore_tts_syllables.txt (MIT, a syllable list from
//! the InfoRe speech corpus) marks the syllables attested in speech that the statutes lack.

mod legacy_support;

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use legacy_support::{json_field, jsonl_texts, shared, skip};
use unicode_normalization::UnicodeNormalization;
use vntext::normalize::Normalizer;
use vntext::syllable::{ToneStyle, is_valid};

const HEADER: &str = "\
# vntext syllable frequency classes, format 1. GENERATED: do not edit.
# Regenerate: VNTEXT_REGENERATE=1 cargo test --test legacy_tables
# Line: syllable (NFC, lower case; both tone placements of oa/oe/uy listed) TAB class.
# Class: 2 + floor(log2(count)) (at most 15) for a syllable counted in the Vietnamese statutes of
# ../shared/data/corpus/vlc-laws/docs.jsonl (not protected by copyright; the documents of
# sample.jsonl left out); 1 for a syllable only attested in the InfoRe speech-corpus syllable
# list (../shared/data/lexicon/infore_tts_syllables.txt, MIT licence).
";

fn table_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/normalize/legacy/syllable_freq.tsv")
}

/// Adds `w` and its other tone placement.
fn both_placements(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    for style in [ToneStyle::Traditional, ToneStyle::Reformed] {
        let o = Normalizer::new().style(style).normalize(w).into_owned();
        if !out.contains(&o) && is_valid(&o) {
            out.push(o);
        }
    }
    out
}

fn generate(shared: &std::path::Path) -> String {
    let laws = shared.join("data/corpus/vlc-laws");
    let held_out: HashSet<String> = std::fs::read_to_string(laws.join("sample.jsonl"))
        .unwrap()
        .lines()
        .filter_map(|l| json_field(l, "id"))
        .collect();
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for (id, text) in jsonl_texts(&laws.join("docs.jsonl")) {
        if held_out.contains(&id) {
            continue;
        }
        let text: String = text.nfc().collect::<String>().to_lowercase();
        for w in text.split(|c: char| !(c.is_alphabetic() || ('\u{300}'..='\u{36F}').contains(&c)))
        {
            if !w.is_empty() && is_valid(w) {
                *counts.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    let mut classes: BTreeMap<String, u32> = BTreeMap::new();
    for (w, n) in &counts {
        let class = (2 + n.ilog2()).min(15);
        for v in both_placements(w) {
            let c = classes.entry(v).or_default();
            *c = (*c).max(class);
        }
    }
    let infore =
        std::fs::read_to_string(shared.join("data/lexicon/infore_tts_syllables.txt")).unwrap();
    for w in infore.lines() {
        let w: String = w.trim().nfc().collect::<String>().to_lowercase();
        if !w.is_empty() && is_valid(&w) {
            for v in both_placements(&w) {
                classes.entry(v).or_insert(1);
            }
        }
    }
    let mut out = String::from(HEADER);
    for (w, c) in classes {
        out.push_str(&format!("{w}\t{c}\n"));
    }
    out
}

#[test]
fn syllable_frequency_table_is_current() {
    let Some(shared) = shared() else {
        return skip("../shared is absent: cannot regenerate the syllable frequency table");
    };
    let fresh = generate(&shared);
    let path = table_path();
    if std::env::var_os("VNTEXT_REGENERATE").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        println!("wrote {} ({} lines)", path.display(), fresh.lines().count());
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == fresh,
        "{} is stale: run VNTEXT_REGENERATE=1 cargo test --test legacy_tables",
        path.display()
    );
}
