//! The syllable parser against the inventory generated from the spelling rules.

mod common;

use vntext::normalize::{Normalizer, normalize};
use vntext::syllable::{Syllable, ToneStyle, is_valid};

fn inventory() -> Vec<String> {
    let path = common::table("lexicon/syllables_generated.txt", "syllables_generated.txt");
    std::fs::read_to_string(path)
        .expect("read syllables_generated.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_generated_syllable_is_valid_and_canonical() {
    let all = inventory();
    assert!(all.len() > 15_000, "{} syllables", all.len());
    let reformed = Normalizer::new().style(ToneStyle::Reformed);
    let mut bad = Vec::new();
    for s in &all {
        if !is_valid(s) {
            bad.push(format!("{s}: not valid"));
            continue;
        }
        // Already in the traditional placement: normalize leaves it alone, in any case.
        if normalize(s) != *s {
            bad.push(format!("{s}: normalize gives {}", normalize(s)));
        }
        let upper = s.to_uppercase();
        if normalize(&upper) != upper {
            bad.push(format!("{upper}: normalize gives {}", normalize(&upper)));
        }
        // The reformed rendering normalizes back, and reformed normalization agrees with it.
        let p = Syllable::parse(s).expect("valid");
        assert_eq!(p.render(ToneStyle::Traditional), *s);
        let r = p.render(ToneStyle::Reformed);
        if reformed.normalize(s) != r {
            bad.push(format!(
                "{s}: reformed normalize gives {}, render {r}",
                reformed.normalize(s)
            ));
        }
        if normalize(&r) != *s {
            bad.push(format!("{r}: back to traditional gives {}", normalize(&r)));
        }
    }
    assert!(
        bad.is_empty(),
        "{} problems:\n{}",
        bad.len(),
        bad[..bad.len().min(40)].join("\n")
    );
}

#[test]
fn styles_differ_only_in_open_oa_oe_uy() {
    for s in inventory() {
        let p = Syllable::parse(&s).expect("valid");
        let (t, r) = (
            p.render(ToneStyle::Traditional),
            p.render(ToneStyle::Reformed),
        );
        if t != r {
            let rime = format!("{}{}{}", p.medial(), p.nucleus(), p.coda());
            assert!(
                ["oa", "oe", "uy"].contains(&rime.as_str()),
                "{s}: {t} vs {r} ({rime})"
            );
        }
    }
}

#[test]
fn foreign_and_malformed_words_are_invalid() {
    for w in [
        "Zoé", "Chloé", "café", "José", "André", "Guðrún", "hóà", "bàt", "iPhone", "xyz", "ngoaa",
    ] {
        assert!(!is_valid(w), "{w}");
    }
}
