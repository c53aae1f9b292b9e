//! Entity extraction from raw text (its own normalization and pre-tokenization included) over
//! the bundled corpus, one document at a time, and the one-time compilation of the gazetteers.
//!
//! Run: `cargo bench --bench entities` (CI: `-- --warm-up-time 1 --measurement-time 2`).

use std::hint::black_box;

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use vntext::entity::Extractor;

fn bench_extract(c: &mut Criterion) {
    let x = Extractor::new();
    let mut g = c.benchmark_group("entities");
    for (name, rel) in [
        ("laws", "vlc-laws/sample.jsonl"),
        ("wiki", "cc-by-sa/viwiki-2017-sample.jsonl"),
        ("seed", "seed_article.txt"),
    ] {
        let docs = if rel.ends_with(".txt") {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/seed_article.txt");
            vec![std::fs::read_to_string(path).expect("read the seed article")]
        } else {
            common::corpus_texts(rel)
        };
        let bytes: usize = docs.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(BenchmarkId::new("extract", name), &docs, |b, docs| {
            b.iter(|| {
                let mut n = 0;
                for d in docs {
                    n += x.extract(black_box(d)).len();
                }
                assert!(n > 0);
                n
            })
        });
    }
    g.finish();
}

/// Cost over growing inputs: one line of corpus text from 16 KiB to 4 MiB (linear cost shows
/// as a flat throughput).
fn bench_growth(c: &mut Criterion) {
    let x = Extractor::new();
    let text: String = common::corpus_texts("cc-by-sa/viwiki-2017-sample.jsonl")
        .join(" ")
        .replace('\n', " ");
    let mut g = c.benchmark_group("entities/growth");
    g.sample_size(10);
    for kib in common::GROWTH_KIB {
        let line = common::prefix_repeated(&text, kib * 1024);
        g.throughput(Throughput::Bytes(line.len() as u64));
        g.bench_with_input(BenchmarkId::new("one-line", kib), &line, |b, line| {
            b.iter(|| x.extract(black_box(line)).len())
        });
    }
    g.finish();
}

criterion_group!(benches, bench_extract, bench_growth);
criterion_main!(benches);
