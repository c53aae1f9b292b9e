//! Normalize and fold throughput over the bundled corpus (corpus/).
//!
//! Run: `cargo bench --bench normalize` (CI: `-- --warm-up-time 1 --measurement-time 2`).

use std::borrow::Cow;
use std::hint::black_box;

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use unicode_normalization::UnicodeNormalization;
use vntext::normalize::{Normalizer, fold_into};
use vntext::syllable::ToneStyle;

/// The text fields of a bundled JSONL corpus file, joined by blank lines.
fn corpus_text(rel: &str) -> String {
    common::corpus_texts(rel).join("\n\n")
}

fn inputs() -> Vec<(&'static str, String)> {
    let canonical = |s: String| Normalizer::new().normalize(&s).into_owned();
    vec![
        ("laws", canonical(corpus_text("vlc-laws/sample.jsonl"))),
        (
            "wiki",
            canonical(corpus_text("cc-by-sa/viwiki-2017-sample.jsonl")),
        ),
    ]
}

fn bench_normalize(c: &mut Criterion) {
    let normalizer = Normalizer::new();
    let mut g = c.benchmark_group("normalize");
    for (name, text) in inputs() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        // Already canonical: the common case, borrowed with no allocation.
        g.bench_with_input(BenchmarkId::new("clean", name), &text, |b, t| {
            b.iter(|| {
                let out = normalizer.normalize(black_box(t));
                assert!(matches!(out, Cow::Borrowed(_)));
                out.len()
            })
        });
        // Every open oa/oe/uy syllable in the other placement: a change every few hundred bytes.
        let reformed = Normalizer::new()
            .style(ToneStyle::Reformed)
            .normalize(&text)
            .into_owned();
        g.bench_with_input(
            BenchmarkId::new("reformed-input", name),
            &reformed,
            |b, t| {
                b.iter(|| {
                    let out = normalizer.normalize(black_box(t));
                    assert_eq!(out.len(), text.len());
                    out.len()
                })
            },
        );
        // Decomposed (NFD) text: every toned letter changes.
        let nfd: String = text.nfd().collect();
        g.throughput(Throughput::Bytes(nfd.len() as u64));
        g.bench_with_input(BenchmarkId::new("nfd-input", name), &nfd, |b, t| {
            b.iter(|| {
                let out = normalizer.normalize(black_box(t));
                assert_eq!(out.len(), text.len());
                out.len()
            })
        });
    }
    g.finish();
}

fn bench_fold(c: &mut Criterion) {
    let mut g = c.benchmark_group("fold");
    for (name, text) in inputs() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        let mut buf = String::with_capacity(text.len());
        g.bench_with_input(BenchmarkId::new("fold", name), &text, |b, t| {
            b.iter(|| {
                buf.clear();
                fold_into(black_box(t), &mut buf);
                assert!(buf.len() <= t.len());
                buf.len()
            })
        });
    }
    g.finish();
}

/// Cost over growing inputs: one line with no newline (the wiki text joined by spaces), in the
/// other tone placement so that normalize edits every few hundred bytes, and one run of letters
/// with no space at all; 16 KiB to 10 MiB. Linear cost shows as a flat throughput.
fn bench_growth(c: &mut Criterion) {
    let normalizer = Normalizer::new();
    let wiki = corpus_text("cc-by-sa/viwiki-2017-sample.jsonl").replace('\n', " ");
    let reformed = Normalizer::new()
        .style(ToneStyle::Reformed)
        .normalize(&wiki)
        .into_owned();
    let mut g = c.benchmark_group("normalize/growth");
    g.sample_size(10);
    for kib in common::GROWTH_KIB {
        let line = common::prefix_repeated(&reformed, kib * 1024);
        g.throughput(Throughput::Bytes(line.len() as u64));
        g.bench_with_input(BenchmarkId::new("one-line", kib), &line, |b, t| {
            b.iter(|| normalizer.normalize(black_box(t)).len())
        });
        let token = "Hoàhòaqúy".repeat(kib * 1024 / "Hoàhòaqúy".len());
        g.throughput(Throughput::Bytes(token.len() as u64));
        g.bench_with_input(BenchmarkId::new("one-token", kib), &token, |b, t| {
            b.iter(|| normalizer.normalize(black_box(t)).len())
        });
        // Combining marks stacked on one letter (hostile input), already normalized once.
        let stack = format!("a{}", "\u{301}\u{323}\u{302}".repeat(kib * 1024 / 6));
        let stack = normalizer.normalize(&stack).into_owned();
        g.throughput(Throughput::Bytes(stack.len() as u64));
        g.bench_with_input(BenchmarkId::new("marks", kib), &stack, |b, t| {
            b.iter(|| normalizer.normalize(black_box(t)).len())
        });
        let mut buf = String::with_capacity(line.len());
        g.throughput(Throughput::Bytes(line.len() as u64));
        g.bench_with_input(BenchmarkId::new("fold-one-line", kib), &line, |b, t| {
            b.iter(|| {
                buf.clear();
                fold_into(black_box(t), &mut buf);
                buf.len()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench_normalize, bench_fold, bench_growth);
criterion_main!(benches);
