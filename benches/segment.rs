//! The whole segmentation path (normalize + pre-tokenize + tag) over the bundled corpus, model
//! loading apart, and cost over growing inputs.
//!
//! Run: `cargo bench --bench segment` (CI: `-- --warm-up-time 1 --measurement-time 2`).

use std::hint::black_box;
use std::path::Path;

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use vntext::segment::Segmenter;

/// The non-empty lines of the text fields of a bundled JSONL corpus file.
fn corpus_lines(rel: &str) -> Vec<String> {
    common::corpus_texts(rel)
        .iter()
        .flat_map(|t| t.lines().map(str::to_string).collect::<Vec<_>>())
        .filter(|l| !l.trim().is_empty())
        .collect()
}

fn bench_segment(c: &mut Criterion) {
    let seg = Segmenter::new();
    let mut g = c.benchmark_group("segment");
    for (name, rel) in [
        ("laws", "vlc-laws/sample.jsonl"),
        ("wiki", "cc-by-sa/viwiki-2017-sample.jsonl"),
    ] {
        let lines = corpus_lines(rel);
        let bytes: usize = lines.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(
            BenchmarkId::new("line-by-line", name),
            &lines,
            |b, lines| {
                b.iter(|| {
                    let mut words = 0;
                    for l in lines {
                        words += seg.segment(black_box(l)).count();
                    }
                    assert!(words > bytes / 20);
                    words
                })
            },
        );
    }
    g.finish();
}

fn bench_load(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/segmenter.bin");
    let bytes = std::fs::read(&path).expect("read data/segmenter.bin");
    c.bench_function("segment/load-model-from-bytes", |b| {
        b.iter(|| {
            let s = Segmenter::from_model_bytes(black_box(&bytes)).expect("valid model");
            s.segment("Hà Nội").count()
        })
    });
}

fn bench_growth(c: &mut Criterion) {
    let seg = Segmenter::new();
    let unit = "Ngày 24/7/2019, tại TP Hạ Long, tỉnh Quảng Ninh, Cụm thi đua các tỉnh đồng bằng Sông Hồng tổ chức Hội nghị. ";
    let mut g = c.benchmark_group("segment/growth");
    g.sample_size(10);
    for kib in common::GROWTH_KIB {
        let text = unit.repeat(kib * 1024 / unit.len());
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("one-line", kib), &text, |b, t| {
            b.iter(|| {
                let n = seg.segment(black_box(t)).count();
                assert!(n > t.len() / 20);
                n
            })
        });
    }
    // One token of growing length (no space at all).
    for kib in [16usize, 256, 1024] {
        let text = "hòa".repeat(kib * 1024 / 4);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("one-token", kib), &text, |b, t| {
            b.iter(|| {
                let n = seg.segment(black_box(t)).count();
                assert_eq!(n, 1);
                n
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench_segment, bench_load, bench_growth);
criterion_main!(benches);
