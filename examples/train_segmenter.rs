//! Trains the word-segmentation model from the gold UD VTB treebank and the silver
//! segmentations of ../shared/data/silver, with a lexicon induced from the silver data plus the
//! Wiktionary headwords and the treebank's words.
//!
//! ```text
//! cargo run --release --example train_segmenter -- [--shared ../shared/data] [--out data/segmenter.bin]
//!     [--no-dev] [--epochs 2] [--gold-weight 10] [--silver-lines N] [--bits 18] [--min-count 1]
//!     [--split-weight 0] [--rdr-only] [--no-gold-lexicon] [--no-tune-bias]
//!     [--bias-accented -4250] [--bias-folded -500]
//! ```
//! `--no-dev` keeps UD VTB dev out of training (the model for measuring): the decision
//! threshold is then tuned on dev and printed. Without it dev is trained on too (the model that
//! ships) and the thresholds given by `--bias-accented`/`--bias-folded` (defaults: the last
//! measured ones) are applied. Dev F1 is printed after each epoch either way.
//!
//! Silver labels: a boundary where at least two of the three teachers put one; positions where
//! they disagree count `--split-weight` (0: skipped).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;
use vntext::normalize::normalize;
use vntext::segment::model::{
    Lexicon, MAX_WORD, Model, Sentence, Variant, bias_feature, features, token_key,
};
use vntext::segment::pretokenize;

struct Args {
    shared: PathBuf,
    out: PathBuf,
    dev: bool,
    epochs: usize,
    gold_weight: usize,
    silver_lines: usize,
    bits: u32,
    min_count: u32,
    rdr_only: bool,
    gold_lexicon: bool,
    split_weight: f32,
    tune_bias: bool,
    bias_accented: i32,
    bias_folded: i32,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut a = Args {
        shared: PathBuf::from("../shared/data"),
        out: PathBuf::from("data/segmenter.bin"),
        dev: true,
        epochs: 2,
        gold_weight: 10,
        silver_lines: usize::MAX,
        bits: 18,
        min_count: 1,
        rdr_only: false,
        gold_lexicon: true,
        split_weight: 0.0,
        tune_bias: true,
        bias_accented: -4250,
        bias_folded: -500,
    };
    let mut p = lexopt::Parser::from_env();
    while let Some(arg) = p.next()? {
        match arg {
            Long("shared") => a.shared = p.value()?.into(),
            Long("out") => a.out = p.value()?.into(),
            Long("no-dev") => a.dev = false,
            Long("epochs") => a.epochs = p.value()?.parse()?,
            Long("gold-weight") => a.gold_weight = p.value()?.parse()?,
            Long("silver-lines") => a.silver_lines = p.value()?.parse()?,
            Long("bits") => a.bits = p.value()?.parse()?,
            Long("min-count") => a.min_count = p.value()?.parse()?,
            Long("rdr-only") => a.rdr_only = true,
            Long("no-gold-lexicon") => a.gold_lexicon = false,
            Long("no-tune-bias") => a.tune_bias = false,
            Long("bias-accented") => a.bias_accented = p.value()?.parse()?,
            Long("bias-folded") => a.bias_folded = p.value()?.parse()?,
            Long("split-weight") => a.split_weight = p.value()?.parse()?,
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(a)
}

/// A training sentence: its tokens (normalized text) and, per token, whether a word starts
/// there and how much that label counts (0 = unknown).
struct Example {
    tokens: Vec<String>,
    starts: Vec<bool>,
    weight: Vec<f32>,
}

/// Non-whitespace character index of each token start, for the tokens of `text`.
fn token_char_starts(text: &str) -> (Vec<String>, Vec<usize>, Vec<usize>) {
    let mut tokens = Vec::new();
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    let mut count = 0usize;
    let mut at = 0usize;
    for t in pretokenize(text) {
        count += text[at..t.span.start]
            .chars()
            .filter(|c| !c.is_whitespace())
            .count();
        starts.push(count);
        count += t.text.chars().filter(|c| !c.is_whitespace()).count();
        ends.push(count);
        at = t.span.end;
        tokens.push(t.text.to_string());
    }
    (tokens, starts, ends)
}

/// The word starts (non-whitespace char indices) of a segmented line (`a_b c`), and its
/// characters without whitespace and `_`.
fn word_starts(segmented: &str) -> (Vec<usize>, String) {
    let mut starts = Vec::new();
    let mut chars = String::new();
    let mut count = 0;
    for w in segmented.split_whitespace() {
        starts.push(count);
        for c in w.chars().filter(|&c| c != '_') {
            chars.push(c);
            count += 1;
        }
    }
    (starts, chars)
}

fn nows(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn gz_lines(path: &Path) -> impl Iterator<Item = String> + use<> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    BufReader::new(GzDecoder::new(f))
        .lines()
        .map(|l| l.expect("read line"))
}

/// Gold sentences of a CoNLL-U file: (text, words).
fn conllu(path: &Path) -> Vec<(String, Vec<String>)> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    let mut text = String::new();
    let mut words = Vec::new();
    for line in data.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !words.is_empty() {
                if text.is_empty() {
                    text = words.join(" ");
                }
                out.push((std::mem::take(&mut text), std::mem::take(&mut words)));
            }
            continue;
        }
        if let Some(t) = line.strip_prefix("# text = ") {
            text = t.to_string();
        } else if !line.starts_with('#') {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() > 1 && !f[0].contains(['-', '.']) {
                words.push(f[1].to_string());
            }
        }
    }
    out
}

/// A gold sentence as an example (None when the tokens do not line up with the text).
fn gold_example(text: &str, words: &[String], weight: f32) -> Option<Example> {
    let text = normalize(text).into_owned();
    let seg: Vec<String> = words
        .iter()
        .map(|w| normalize(&w.replace(' ', "_")).into_owned())
        .collect();
    let (starts, chars) = word_starts(&seg.join(" "));
    if chars != nows(&text) {
        return None;
    }
    let (tokens, tstarts, _) = token_char_starts(&text);
    let set: std::collections::HashSet<usize> = starts.into_iter().collect();
    let labels = tstarts.iter().map(|s| set.contains(s)).collect();
    Some(Example {
        weight: vec![weight; tokens.len()],
        tokens,
        starts: labels,
    })
}

struct Data {
    gold: Vec<Example>,
    silver: Vec<Example>,
    /// Multi-token words with their counts, from the silver agreement.
    words: HashMap<Vec<String>, u32>,
}

fn load_silver(dir: &Path, limit: usize, rdr_only: bool, split_weight: f32, data: &mut Data) {
    let units = gz_lines(&dir.join("units.txt.gz"));
    let rdr = gz_lines(&dir.join("rdr.txt.gz"));
    let pyvi = gz_lines(&dir.join("pyvi.txt.gz"));
    let uts = gz_lines(&dir.join("underthesea.txt.gz"));
    let (mut kept, mut skipped) = (0usize, 0usize);
    for (((u, r), p), t) in units.zip(rdr).zip(pyvi).zip(uts).take(limit) {
        if u.contains('_') {
            skipped += 1;
            continue;
        }
        let text = normalize(&u).into_owned();
        let target = nows(&text);
        let teachers: Vec<(Vec<usize>, String)> = [r, p, t]
            .iter()
            .map(|s| word_starts(&normalize(s)))
            .collect();
        if teachers.iter().any(|(_, c)| *c != target) {
            skipped += 1;
            continue;
        }
        let (tokens, tstarts, tends) = token_char_starts(&text);
        let sets: Vec<std::collections::HashSet<usize>> = teachers
            .iter()
            .map(|(s, _)| s.iter().copied().collect())
            .collect();
        let mut starts = Vec::with_capacity(tokens.len());
        let mut weight = Vec::with_capacity(tokens.len());
        for &s in &tstarts {
            let votes = sets.iter().filter(|set| set.contains(&s)).count();
            if rdr_only {
                starts.push(sets[0].contains(&s));
                weight.push(if votes == 0 || votes == 3 { 1.0 } else { 0.5 });
            } else {
                starts.push(votes >= 2);
                weight.push(if votes == 0 || votes == 3 {
                    1.0
                } else {
                    split_weight
                });
            }
        }
        // Words all three teachers agree on, in our tokens.
        let mut i = 0;
        while i < tokens.len() {
            let mut j = i + 1;
            while j < tokens.len() && !starts[j] {
                j += 1;
            }
            let agreed =
                (i..j).all(|k| weight[k] == 1.0) && (j == tokens.len() || weight[j] == 1.0);
            if agreed && j - i >= 2 && j - i <= MAX_WORD {
                let w: Vec<String> = tokens[i..j].iter().map(|t| t.to_lowercase()).collect();
                if w.iter().all(|t| t.chars().all(char::is_alphabetic)) {
                    *data.words.entry(w).or_default() += 1;
                }
            }
            i = j;
        }
        let _ = tends;
        data.silver.push(Example {
            tokens,
            starts,
            weight,
        });
        kept += 1;
    }
    eprintln!("silver: {kept} lines kept, {skipped} skipped (characters differ or '_' in text)");
}

/// The lexicon entries (token-key sequences) for one variant.
fn lexicon_keys(entries: &[Vec<String>], folded: bool) -> Vec<Vec<u64>> {
    entries
        .iter()
        .map(|e| e.iter().map(|t| token_key(t, folded)).collect())
        .collect()
}

struct Trainer {
    w: Vec<f32>,
    u: Vec<f32>,
    step: f32,
    bits: u32,
}

impl Trainer {
    fn new(bits: u32) -> Trainer {
        Trainer {
            w: vec![0.0; 1 << bits],
            u: vec![0.0; 1 << bits],
            step: 1.0,
            bits,
        }
    }

    fn train(&mut self, s: &Sentence, ex: &Example) {
        let mut f = [0u64; vntext::segment::model::FEATURES];
        for i in 1..s.len() {
            let wgt = ex.weight[i];
            if wgt > 0.0 {
                features(s, i, ex.starts[i - 1], &mut f);
                let score: f32 = f
                    .iter()
                    .map(|&h| self.w[Variant::index(h, self.bits)])
                    .sum();
                let y = if ex.starts[i] { 1.0 } else { -1.0 };
                if score * y <= 0.0 {
                    for &h in &f {
                        let k = Variant::index(h, self.bits);
                        self.w[k] += y * wgt;
                        self.u[k] += self.step * y * wgt;
                    }
                }
            }
            self.step += 1.0;
        }
    }

    fn averaged(&self) -> Vec<i16> {
        let avg: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| w - u / self.step)
            .collect();
        let max = avg.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-9);
        avg.iter()
            .map(|&x| (x / max * 32767.0).round() as i16)
            .collect()
    }
}

/// Word-level F1 of a variant on gold examples (words as token-index spans).
fn evaluate(v: &Variant<'_>, dev: &[Example], folded: bool) -> (f64, f64, f64) {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    let mut tags = Vec::new();
    for ex in dev {
        let toks: Vec<&str> = ex.tokens.iter().map(String::as_str).collect();
        let s = Sentence::new(&toks, folded, &v.lexicon);
        v.tag(&s, &mut tags);
        let spans = |b: &[bool]| -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            let mut st = 0;
            for i in 1..=b.len() {
                if i == b.len() || b[i] {
                    out.push((st, i));
                    st = i;
                }
            }
            out
        };
        let p = spans(&tags);
        let mut g = ex.starts.clone();
        if let Some(first) = g.first_mut() {
            *first = true;
        }
        let g = spans(&g);
        let gs: std::collections::HashSet<_> = g.iter().collect();
        tp += p.iter().filter(|x| gs.contains(x)).count();
        np += p.len();
        ng += g.len();
    }
    let pr = tp as f64 / np.max(1) as f64;
    let rc = tp as f64 / ng.max(1) as f64;
    (
        pr * 100.0,
        rc * 100.0,
        200.0 * pr * rc / (pr + rc).max(1e-9),
    )
}

fn shuffle<T>(v: &mut [T], seed: &mut u64) {
    for i in (1..v.len()).rev() {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = (*seed >> 33) as usize % (i + 1);
        v.swap(i, j);
    }
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("train_segmenter: {e}");
            std::process::exit(2);
        }
    };
    let t0 = std::time::Instant::now();
    let mut data = Data {
        gold: Vec::new(),
        silver: Vec::new(),
        words: HashMap::new(),
    };
    let ud = args.shared.join("ud-vtb");
    let mut gold_bad = 0;
    let mut gold_sents = conllu(&ud.join("train.conllu"));
    let dev_sents = conllu(&ud.join("dev.conllu"));
    if args.dev {
        gold_sents.extend(dev_sents.iter().cloned());
    }
    for (text, words) in &gold_sents {
        match gold_example(text, words, 1.0) {
            Some(e) => data.gold.push(e),
            None => gold_bad += 1,
        }
    }
    let dev: Vec<Example> = dev_sents
        .iter()
        .filter_map(|(t, w)| gold_example(t, w, 1.0))
        .collect();
    let dev_folded: Vec<Example> = dev
        .iter()
        .map(|e| Example {
            tokens: e
                .tokens
                .iter()
                .map(|t| vntext::normalize::fold(t).into_owned())
                .collect(),
            starts: e.starts.clone(),
            weight: e.weight.clone(),
        })
        .collect();
    eprintln!(
        "gold: {} sentences ({} skipped: tokens do not line up); dev {} sentences",
        data.gold.len(),
        gold_bad,
        dev.len()
    );
    load_silver(
        &args.shared.join("silver"),
        args.silver_lines,
        args.rdr_only,
        args.split_weight,
        &mut data,
    );
    // The lexicon: words the three teachers agree on (seen twice or more), and the Wiktionary
    // headwords of 2..=MAX_WORD syllables.
    let mut entries: Vec<Vec<String>> = data
        .words
        .iter()
        .filter(|&(_, &c)| c >= args.min_count)
        .map(|(w, _)| w.clone())
        .collect();
    let wikt = std::fs::read_to_string(args.shared.join("lexicon/wiktionary_headwords.txt"))
        .unwrap_or_default();
    for line in wikt.lines() {
        let w: Vec<String> = normalize(line.trim())
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        if (2..=MAX_WORD).contains(&w.len()) && w.iter().all(|t| vntext::syllable::is_valid(t)) {
            entries.push(w);
        }
    }
    if args.gold_lexicon {
        // The treebank's own multi-syllable words (of the sentences trained on).
        for (_, words) in &gold_sents {
            for w in words {
                let t: Vec<String> = normalize(w)
                    .split_whitespace()
                    .map(str::to_lowercase)
                    .collect();
                if (2..=MAX_WORD).contains(&t.len()) {
                    entries.push(t);
                }
            }
        }
    }
    eprintln!(
        "lexicon: {} entries; data loaded in {:.1?}",
        entries.len(),
        t0.elapsed()
    );

    let mut variants = Vec::new();
    for folded in [false, true] {
        let lexicon = Lexicon::build(&lexicon_keys(&entries, folded));
        let fold_tokens = |e: &Example| -> Vec<String> {
            if folded {
                e.tokens
                    .iter()
                    .map(|t| vntext::normalize::fold(t).into_owned())
                    .collect()
            } else {
                e.tokens.clone()
            }
        };
        let prep = |e: &Example| -> Sentence {
            let toks = fold_tokens(e);
            let refs: Vec<&str> = toks.iter().map(String::as_str).collect();
            Sentence::new(&refs, folded, &lexicon)
        };
        let gold: Vec<Sentence> = data.gold.iter().map(prep).collect();
        let silver: Vec<Sentence> = data.silver.iter().map(prep).collect();
        let mut order: Vec<(bool, usize)> = (0..silver.len()).map(|i| (false, i)).collect();
        for _ in 0..args.gold_weight {
            order.extend((0..gold.len()).map(|i| (true, i)));
        }
        let mut trainer = Trainer::new(args.bits);
        let mut seed = 42u64;
        for epoch in 0..args.epochs {
            shuffle(&mut order, &mut seed);
            for &(is_gold, i) in &order {
                if is_gold {
                    trainer.train(&gold[i], &data.gold[i]);
                } else {
                    trainer.train(&silver[i], &data.silver[i]);
                }
            }
            let v = Variant::new(lexicon.clone(), trainer.averaged());
            let (p, r, f) = evaluate(&v, if folded { &dev_folded } else { &dev }, folded);
            eprintln!(
                "{} epoch {}: dev P {p:.2} R {r:.2} F1 {f:.2} ({:.1?})",
                if folded { "folded  " } else { "accented" },
                epoch + 1,
                t0.elapsed()
            );
        }
        // The decision threshold, tuned on dev and folded into the bias weight.
        let mut weights = trainer.averaged();
        if args.dev || !args.tune_bias {
            // With dev in the training data it cannot tune anything: use the shifts measured
            // by the last run without dev.
            if args.dev {
                let bias = Variant::index(bias_feature(), args.bits);
                let shift = if folded {
                    args.bias_folded
                } else {
                    args.bias_accented
                };
                weights[bias] = (weights[bias] as i32 + shift).clamp(-32767, 32767) as i16;
                eprintln!("bias shifted by {shift} (from the run without dev)");
            }
        } else if args.tune_bias {
            let bias = Variant::index(bias_feature(), args.bits);
            let base = weights[bias] as i32;
            let mut best = (f64::MIN, 0i32);
            for shift in (-9000..=3000).step_by(250) {
                let mut w = weights.clone();
                w[bias] = (base + shift).clamp(-32767, 32767) as i16;
                let v = Variant::new(lexicon.clone(), w);
                let (_, _, f) = evaluate(&v, if folded { &dev_folded } else { &dev }, folded);
                if f > best.0 {
                    best = (f, shift);
                }
            }
            weights[bias] = (base + best.1).clamp(-32767, 32767) as i16;
            eprintln!(
                "{} bias shifted by {}: dev F1 {:.2}",
                if folded { "folded  " } else { "accented" },
                best.1,
                best.0
            );
        }
        variants.push(Variant::new(lexicon, weights));
    }
    let folded = variants.pop().expect("folded");
    let accented = variants.pop().expect("accented");
    let model = Model { accented, folded };
    let bytes = model.to_bytes();
    if let Some(dir) = args.out.parent() {
        std::fs::create_dir_all(dir).expect("create output folder");
    }
    std::fs::write(&args.out, &bytes).expect("write model");
    eprintln!(
        "wrote {} ({} bytes) in {:.1?}",
        args.out.display(),
        bytes.len(),
        t0.elapsed()
    );
}
