//! The generators of the legacy module's data, both from ../shared:
//!
//! - `data/syllable_freq.tsv`: the syllable frequency classes detection uses to
//!   break ties between readings that all spell valid syllables (thêm / thờm);
//! - `data/title_case.tsv`: the word pairs whose toned first letter is a capital
//!   inside a sentence (Ủy ban), which TCVN3's bytes cannot say.
//!
//! `cargo test --test legacy_tables` regenerates them in memory and fails when a checked-in file
//! differs; `VNTEXT_REGENERATE=1 cargo test --test legacy_tables` writes them.
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
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/syllable_freq.tsv")
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

/// The statutes (NFC), without the held-out sample.
fn statutes(shared: &std::path::Path) -> Vec<String> {
    let laws = shared.join("data/corpus/vlc-laws");
    let held_out: HashSet<String> = std::fs::read_to_string(laws.join("sample.jsonl"))
        .unwrap()
        .lines()
        .filter_map(|l| json_field(l, "id"))
        .collect();
    jsonl_texts(&laws.join("docs.jsonl"))
        .into_iter()
        .filter(|(id, _)| !held_out.contains(id))
        .map(|(_, text)| text.nfc().collect())
        .collect()
}

fn generate(shared: &std::path::Path) -> String {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for text in statutes(shared) {
        let text = text.to_lowercase();
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

const TITLE_HEADER: &str = "\
# vntext title-case pairs, format 1. GENERATED: do not edit.
# Regenerate: VNTEXT_REGENERATE=1 cargo test --test legacy_tables
# Line: word TAB next word (NFC, lower case; both tone placements of the first) TAB times
# written with a capital TAB times small. A pair is listed when, inside a sentence of the
# Vietnamese statutes of ../shared/data/corpus/vlc-laws/docs.jsonl (not protected by copyright;
# the documents of sample.jsonl left out), its first word, which starts with a toned vowel
# (no TCVN3 capital), is capitalized at least 5 times and in at least 3 of 4 cases.
";

/// Whether `c` carries a tone mark.
fn toned(c: char) -> bool {
    let mut t = false;
    unicode_normalization::char::decompose_canonical(c, |d| {
        t |= matches!(d, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
    });
    t
}

fn generate_title_pairs(shared: &std::path::Path) -> String {
    let trim = |t: &str| t.trim_matches(|c: char| !c.is_alphabetic()).to_string();
    let mut pairs: BTreeMap<(String, String), (u64, u64)> = BTreeMap::new();
    for text in statutes(shared) {
        for line in text.lines() {
            let toks: Vec<&str> = line.split_whitespace().collect();
            for i in 1..toks.len().saturating_sub(1) {
                let prev = toks[i - 1];
                // Not at the start of a sentence or a list item.
                let marker = prev.len() <= 4 && prev.ends_with(')');
                if prev.ends_with(['.', '!', '?', ':', '…'])
                    || marker
                    || matches!(prev, "-" | "–" | "—")
                {
                    continue;
                }
                let (tok, next) = (toks[i], trim(toks[i + 1]));
                let mut chars = tok.chars();
                let Some(first) = chars.next() else { continue };
                let wanted = first.is_alphabetic()
                    && toned(first)
                    && chars.all(char::is_lowercase)
                    && !next.is_empty()
                    && next.chars().all(char::is_lowercase);
                if !wanted {
                    continue;
                }
                let e = pairs.entry((tok.to_lowercase(), next)).or_default();
                if first.is_uppercase() {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
            }
        }
    }
    let mut out = String::from(TITLE_HEADER);
    let mut lines = Vec::new();
    for ((w, next), (title, small)) in pairs {
        if title >= 5 && 4 * title >= 3 * (title + small) {
            for v in both_placements(&w) {
                lines.push(format!("{v}\t{next}\t{title}\t{small}\n"));
            }
        }
    }
    lines.sort();
    lines.dedup();
    out.extend(lines);
    out
}

/// Compares a generated file with the checked-in one, or writes it.
fn check_or_write(path: PathBuf, fresh: &str) {
    if std::env::var_os("VNTEXT_REGENERATE").is_some() {
        std::fs::write(&path, fresh).unwrap();
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

#[test]
fn syllable_frequency_table_is_current() {
    let Some(shared) = shared() else {
        return skip("../shared is absent: cannot regenerate the syllable frequency table");
    };
    check_or_write(table_path(), &generate(&shared));
}

#[test]
fn title_case_pairs_are_current() {
    let Some(shared) = shared() else {
        return skip("../shared is absent: cannot regenerate the title-case pairs");
    };
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/title_case.tsv");
    check_or_write(path, &generate_title_pairs(&shared));
}
