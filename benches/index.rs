//! Indexing the bundled corpus in memory: the `vi` analyzers with entity extraction against
//! Tantivy's default analyzer on the same text, with one indexing thread and with all cores.
//!
//! Run: `cargo bench --bench index` (CI: `-- --warm-up-time 1 --measurement-time 2`).

use std::hint::black_box;

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use tantivy::schema::{STORED, STRING, Schema, TEXT};
use tantivy::{Index, IndexWriter, TantivyDocument};
use vntext::index::{Document, Indexer};

fn docs(rel: &str) -> Vec<Document> {
    common::corpus_texts(rel)
        .into_iter()
        .enumerate()
        .map(|(k, text)| Document {
            id: k.to_string(),
            title: String::new(),
            text,
            date: None,
            url: None,
        })
        .collect()
}

fn vntext_index(docs: &[Document], threads: usize) -> u64 {
    let mut ix = Indexer::in_ram(threads).expect("an index in memory");
    if threads == 1 {
        for d in docs {
            let p = ix.prepare(d);
            ix.add_prepared(p).expect("added");
        }
    } else {
        for chunk in docs.chunks(64) {
            let prepared: Vec<_> = chunk.par_iter().map(|d| ix.prepare(d)).collect();
            for p in prepared {
                ix.add_prepared(p).expect("added");
            }
        }
    }
    ix.commit().expect("committed");
    docs.len() as u64
}

fn default_index(docs: &[Document], threads: usize) -> u64 {
    let mut b = Schema::builder();
    let id = b.add_text_field("id", STRING | STORED);
    let title = b.add_text_field("title", TEXT | STORED);
    let body = b.add_text_field("body", TEXT | STORED);
    let index = Index::create_in_ram(b.build());
    let threads = threads.max(1);
    let mut w: IndexWriter = index
        .writer_with_num_threads(threads, threads * 100_000_000)
        .expect("a writer");
    for d in docs {
        let mut doc = TantivyDocument::default();
        doc.add_text(id, &d.id);
        doc.add_text(title, &d.title);
        doc.add_text(body, &d.text);
        w.add_document(doc).expect("added");
    }
    w.commit().expect("committed");
    docs.len() as u64
}

fn bench_index(c: &mut Criterion) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut g = c.benchmark_group("index");
    g.sample_size(10);
    for (name, rel) in [
        ("wiki", "cc-by-sa/viwiki-2017-sample.jsonl"),
        ("laws", "vlc-laws/sample.jsonl"),
    ] {
        let docs = docs(rel);
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        for threads in [1, cores] {
            let label = format!("{name}/{threads}-thread");
            g.bench_with_input(BenchmarkId::new("vntext", &label), &docs, |b, docs| {
                b.iter(|| vntext_index(black_box(docs), threads))
            });
            g.bench_with_input(
                BenchmarkId::new("tantivy-default", &label),
                &docs,
                |b, docs| b.iter(|| default_index(black_box(docs), threads)),
            );
        }
    }
    g.finish();
}

criterion_group!(benches, bench_index);
criterion_main!(benches);
