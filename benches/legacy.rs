//! Legacy decoding throughput over the bundled corpus (corpus/): detection on paragraphs and
//! on short strings, decoding in each named encoding.
//!
//! Run: `cargo bench --bench legacy -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

mod common;

use common::corpus_texts;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use vntext::normalize::legacy::{Encoding, decode, decode_bytes, encode};

/// The legacy encodings (and mojibake) detection is measured on: all but plain UTF-8.
fn encodings() -> impl Iterator<Item = Encoding> {
    Encoding::ALL.into_iter().filter(|&e| e != Encoding::Utf8)
}

/// Lines every encoding can write, in two sizes: paragraphs (12+ words) and short strings
/// (2–5 words).
fn inputs() -> (Vec<String>, Vec<String>, String) {
    let mut texts = corpus_texts("vlc-laws/sample.jsonl");
    texts.extend(corpus_texts("cc-by-sa/viwiki-2017-sample.jsonl"));
    let writable = |s: &str| Encoding::ALL.iter().all(|&e| encode(s, e).is_some());
    let mut paragraphs = Vec::new();
    let mut short = Vec::new();
    for line in texts.iter().flat_map(|t| t.lines()).map(str::trim) {
        let words = line.split_whitespace().count();
        if line.is_ascii() || !writable(line) {
            continue;
        }
        if words >= 12 && paragraphs.len() < 400 {
            paragraphs.push(line.to_string());
        } else if (2..=5).contains(&words) && short.len() < 400 {
            short.push(line.to_string());
        }
    }
    let all = texts.join("\n");
    (paragraphs, short, all)
}

fn bench_detect(c: &mut Criterion) {
    let (paragraphs, short, _) = inputs();
    for (set, texts) in [("paragraphs", &paragraphs), ("short", &short)] {
        let mut g = c.benchmark_group(format!("detect-{set}"));
        for e in encodings() {
            let encoded: Vec<Vec<u8>> = texts.iter().filter_map(|t| encode(t, e)).collect();
            let bytes: usize = encoded.iter().map(Vec::len).sum();
            g.throughput(Throughput::Bytes(bytes as u64));
            g.bench_with_input(BenchmarkId::from_parameter(e.name()), &encoded, |b, enc| {
                b.iter(|| {
                    let mut right = 0;
                    for bytes in enc {
                        let d = decode_bytes(black_box(bytes)).expect("decodable");
                        right += (d.encoding == e) as usize;
                    }
                    // Detection must have worked, or the timing means nothing.
                    assert!(
                        right * 100 >= enc.len() * 90,
                        "{e}: {right} of {}",
                        enc.len()
                    );
                    right
                })
            });
        }
        // Clean UTF-8 takes the borrowed path.
        let utf8: Vec<&[u8]> = texts.iter().map(|t| t.as_bytes()).collect();
        let bytes: usize = utf8.iter().map(|b| b.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter("utf-8-clean"),
            &utf8,
            |b, enc| {
                b.iter(|| {
                    for bytes in enc {
                        let d = decode_bytes(black_box(bytes)).expect("decodable");
                        assert_eq!(d.encoding, Encoding::Utf8);
                    }
                })
            },
        );
        g.finish();
    }
}

fn bench_decode(c: &mut Criterion) {
    let (_, _, all) = inputs();
    let mut g = c.benchmark_group("decode");
    for e in Encoding::ALL {
        // The whole corpus sample, or the lines this encoding can write.
        let text: String = all
            .lines()
            .filter(|l| encode(l, e).is_some())
            .collect::<Vec<_>>()
            .join("\n");
        let Some(bytes) = encode(&text, e) else {
            continue;
        };
        let want = decode(&bytes, e).len();
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(e.name()), &bytes, |b, bytes| {
            b.iter(|| {
                let out = decode(black_box(bytes), e);
                assert_eq!(out.len(), want);
                out.len()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench_detect, bench_decode);
criterion_main!(benches);
