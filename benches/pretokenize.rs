//! Pre-tokenizer throughput over the bundled corpus (corpus/), on normalized text: the input the
//! segmenter gives it.
//!
//! Run: `cargo bench --bench pretokenize` (CI: `-- --warm-up-time 1 --measurement-time 3`).

use std::hint::black_box;

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use vntext::normalize::normalize;
use vntext::segment::{PreTokenKind, pretokenize};

/// The text fields of a bundled JSONL corpus file, joined by blank lines.
fn corpus_text(rel: &str) -> String {
    common::corpus_texts(rel).join("\n\n")
}

fn inputs() -> Vec<(&'static str, String)> {
    vec![
        (
            "laws",
            normalize(&corpus_text("vlc-laws/sample.jsonl")).into_owned(),
        ),
        (
            "wiki",
            normalize(&corpus_text("cc-by-sa/viwiki-2017-sample.jsonl")).into_owned(),
        ),
    ]
}

fn bench_pretokenize(c: &mut Criterion) {
    let mut g = c.benchmark_group("pretokenize");
    for (name, text) in inputs() {
        // The counts every run must reproduce, so the work cannot be skipped.
        let tokens = pretokenize(&text).count();
        let syllables = pretokenize(&text)
            .filter(|t| t.kind == PreTokenKind::Syllable)
            .count();
        assert!(
            syllables * 10 > tokens * 7,
            "{name}: {syllables} of {tokens}"
        );
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("tokens", name), &text, |b, t| {
            b.iter(|| {
                let (mut n, mut s, mut bytes) = (0, 0, 0);
                for tok in pretokenize(black_box(t)) {
                    n += 1;
                    s += (tok.kind == PreTokenKind::Syllable) as usize;
                    bytes += tok.span.len();
                }
                assert_eq!((n, s), (tokens, syllables));
                bytes
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench_pretokenize);
criterion_main!(benches);
