//! Indexes a corpus and runs a few sample searches: the main job.
//!
//! ```text
//! cargo run --release --example index_corpus -- [--corpus PATH] [--index DIR] [--threads N]
//! ```
//! PATH is a JSONL file (one document per line: `id`, `title`, `text`, optional `date`,
//! `url`), a .txt file, or a folder read recursively (each .txt file is one document, each
//! .jsonl file as above). Defaults: the bundled `corpus/` and an index in
//! `target/vntext-index`. Documents are analyzed on all cores (entity extraction in parallel,
//! Tantivy's own indexing threads for the analyzers); documents that cannot be read are
//! counted and listed, never dropped silently. Indexing the same corpus again replaces each
//! document by its id.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use vntext::entity::Day;
use vntext::index::{Indexer, Query, Searcher, read_corpus};

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut corpus = root.join("corpus");
    let mut index_dir = root.join("target").join("vntext-index");
    let mut threads = 0usize;
    let mut parser = lexopt::Parser::from_env();
    loop {
        match parser.next() {
            Ok(None) => break,
            Ok(Some(lexopt::Arg::Long("corpus"))) => match parser.value() {
                Ok(v) => corpus = PathBuf::from(v),
                Err(e) => return usage(&e.to_string()),
            },
            Ok(Some(lexopt::Arg::Long("index"))) => match parser.value() {
                Ok(v) => index_dir = PathBuf::from(v),
                Err(e) => return usage(&e.to_string()),
            },
            Ok(Some(lexopt::Arg::Long("threads"))) => {
                match parser.value().map(|v| v.to_string_lossy().parse::<usize>()) {
                    Ok(Ok(n)) => threads = n,
                    _ => return usage("--threads takes a number"),
                }
            }
            Ok(Some(arg)) => return usage(&arg.unexpected().to_string()),
            Err(e) => return usage(&e.to_string()),
        }
    }
    match run(&corpus, &index_dir, threads) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("index_corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(msg: &str) -> ExitCode {
    eprintln!(
        "index_corpus: {msg}\nusage: index_corpus [--corpus PATH] [--index DIR] [--threads N]"
    );
    ExitCode::from(2)
}

fn run(
    corpus: &std::path::Path,
    index_dir: &std::path::Path,
    threads: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let t0 = Instant::now();
    let (docs, skipped) = read_corpus(corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let bytes: usize = docs.iter().map(|d| d.text.len() + d.title.len()).sum();
    println!(
        "corpus {}: {} documents, {:.2} MB, {} skipped",
        corpus.display(),
        docs.len(),
        bytes as f64 / 1e6,
        skipped.len()
    );
    for s in &skipped {
        println!("  skipped {s}");
    }
    let mut indexer = Indexer::with_threads(index_dir, threads)?;
    let bar = ProgressBar::new(docs.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents {per_sec} {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let t1 = Instant::now();
    for chunk in docs.chunks(256) {
        let prepared: Vec<_> = chunk.par_iter().map(|d| indexer.prepare(d)).collect();
        for p in prepared {
            indexer.add_prepared(p)?;
        }
        bar.inc(chunk.len() as u64);
    }
    indexer.commit()?;
    bar.finish_and_clear();
    let secs = t1.elapsed().as_secs_f64();
    println!(
        "indexed {} documents in {:.2} s: {:.0} documents/s, {:.2} MB/s (index: {})",
        docs.len(),
        secs,
        docs.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        index_dir.display()
    );

    let searcher = Searcher::open(index_dir)?;
    println!("{} documents in the index", searcher.num_docs());
    let samples = [
        ("without diacritics", Query::new("ha noi")),
        ("with diacritics", Query::new("Hà Nội")),
        ("a phrase", Query::new("\"bộ nội vụ\"")),
        (
            "a pre-2025 province (Hà Nam, now part of Ninh Bình)",
            Query::new("ủy ban nhân dân").province("Hà Nam"),
        ),
        (
            "dates in July 2019",
            Query::new("hội nghị").dates(Day::new(2019, 7, 1), Day::new(2019, 7, 31)),
        ),
    ];
    for (what, q) in samples {
        println!("\n{what}: {:?}", q.text);
        let hits = searcher.search(&q.limit(3))?;
        for h in hits {
            println!("  {:.2}  {}  {}", h.score, h.id, h.title);
            println!("        {}", h.marked());
        }
    }
    println!("\ntotal {:.2} s", t0.elapsed().as_secs_f64());
    Ok(())
}
