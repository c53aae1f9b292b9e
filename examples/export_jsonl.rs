//! Writes a pre-analyzed JSONL export of a corpus for Elasticsearch or OpenSearch.
//!
//! ```text
//! cargo run --release --example export_jsonl -- [--corpus PATH] > export.jsonl
//! ```
//! One JSON object per document: `id`, `title`, `url`, `date`, `text`, `segmented` (normalized
//! lower-case words, syllables joined by `_`), `folded` (the same without diacritics) and
//! `entities` (type, text, byte and UTF-16 offsets, value). docs/elasticsearch.md has an index
//! mapping that indexes it with a whitespace analyzer. Documents that cannot be read are
//! listed on stderr.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use vntext::entity::Extractor;
use vntext::index::{export_document, read_corpus};
use vntext::segment::Segmenter;

fn main() -> ExitCode {
    let mut corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut p = lexopt::Parser::from_env();
    loop {
        match p.next() {
            Ok(None) => break,
            Ok(Some(lexopt::Arg::Long("corpus"))) => match p.value() {
                Ok(v) => corpus = PathBuf::from(v),
                Err(e) => return fail(&e.to_string()),
            },
            Ok(Some(a)) => return fail(&a.unexpected().to_string()),
            Err(e) => return fail(&e.to_string()),
        }
    }
    let (docs, skipped) = match read_corpus(&corpus) {
        Ok(x) => x,
        Err(e) => return fail(&format!("{}: {e}", corpus.display())),
    };
    for s in &skipped {
        eprintln!("export_jsonl: skipped {s}");
    }
    let segmenter = Segmenter::new();
    let extractor = Extractor::new();
    let mut out = BufWriter::new(io::stdout().lock());
    for chunk in docs.chunks(256) {
        let lines: Vec<String> = chunk
            .par_iter()
            .map(|d| {
                serde_json::to_string(&export_document(d, &segmenter, &extractor))
                    .unwrap_or_default()
            })
            .collect();
        for l in lines {
            if writeln!(out, "{l}").is_err() {
                return ExitCode::SUCCESS;
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    eprintln!(
        "export_jsonl: {} documents, {} skipped",
        docs.len(),
        skipped.len()
    );
    ExitCode::SUCCESS
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("export_jsonl: {msg}\nusage: export_jsonl [--corpus PATH]");
    ExitCode::FAILURE
}
