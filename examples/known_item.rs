//! Known-item search on Wikipedia articles: vntext against Tantivy's default analyzer (with and
//! without ASCII folding), the articles indexed with empty titles so that only bodies count.
//!
//! ```text
//! cargo run --release --example known_item -- [--corpus PATH] [--queries N]
//! ```
//! Default corpus: `../shared/data/corpus/viwiki-2017/bench_20mb.jsonl`. For N articles taken
//! at even steps, three queries: (a) the title as typed, (b) the title without diacritics,
//! (c) an unquoted phrase of 3 to 6 syllables from the article's first sentence that is not in
//! its title and occurs in no other article. Prints MRR@10 and success@1 per engine and kind.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{
    IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value as _,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{Index, IndexWriter, ReloadPolicy, TantivyDocument};
use vntext::fold;
use vntext::index::{Document, Indexer, Query, Searcher, read_corpus};
use vntext::segment::{PreTokenKind, pretokenize};

fn main() -> ExitCode {
    let mut corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/corpus/viwiki-2017/bench_20mb.jsonl");
    let mut n_queries = 300usize;
    let mut p = lexopt::Parser::from_env();
    loop {
        match p.next() {
            Ok(None) => break,
            Ok(Some(lexopt::Arg::Long("corpus"))) => match p.value() {
                Ok(v) => corpus = PathBuf::from(v),
                Err(e) => return fail(&e.to_string()),
            },
            Ok(Some(lexopt::Arg::Long("queries"))) => {
                match p.value().map(|v| v.to_string_lossy().parse()) {
                    Ok(Ok(n)) => n_queries = n,
                    _ => return fail("--queries takes a number"),
                }
            }
            Ok(Some(a)) => return fail(&a.unexpected().to_string()),
            Err(e) => return fail(&e.to_string()),
        }
    }
    match run(&corpus, n_queries) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e.to_string()),
    }
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("known_item: {msg}\nusage: known_item [--corpus PATH] [--queries N]");
    ExitCode::FAILURE
}

/// The folded syllables (letters only) of a text.
fn syllables(text: &str) -> Vec<String> {
    let n = vntext::normalize(text);
    pretokenize(&n)
        .filter(|t| matches!(t.kind, PreTokenKind::Syllable | PreTokenKind::Foreign))
        .map(|t| fold(t.text).into_owned())
        .collect()
}

/// The raw text of syllables `a..b` of the first sentence, as written.
fn phrase_text(text: &str, a: usize, b: usize) -> Option<String> {
    let n = vntext::normalize(text).into_owned();
    let words: Vec<&str> = pretokenize(&n)
        .filter(|t| matches!(t.kind, PreTokenKind::Syllable | PreTokenKind::Foreign))
        .map(|t| t.text)
        .collect();
    Some(words.get(a..b)?.join(" "))
}

/// A window of syllables: start, end, key.
type Window = (usize, usize, u64);

fn first_sentence(text: &str) -> &str {
    let end = text.find(". ").map_or(text.len(), |k| k + 1);
    &text[..end.min(text.len())]
}

fn run(corpus: &std::path::Path, n_queries: usize) -> Result<(), Box<dyn std::error::Error>> {
    let (docs, skipped) = read_corpus(corpus)?;
    eprintln!("{} articles, {} skipped", docs.len(), skipped.len());
    // Queries.
    let step = (docs.len() / n_queries.max(1)).max(1);
    let picked: Vec<&Document> = docs
        .iter()
        .step_by(step)
        .filter(|d| !d.title.trim().is_empty())
        .take(n_queries)
        .collect();
    // (c) candidates: windows of the first sentence without title syllables' run, unique.
    // Per picked article: the syllable windows (start, end, key) that may serve as (c).
    let mut candidates: Vec<Vec<Window>> = Vec::new();
    let key = |s: &[String]| -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        s.hash(&mut h);
        h.finish()
    };
    let mut wanted: HashSet<u64> = HashSet::new();
    for d in picked.iter() {
        let sent = syllables(first_sentence(&d.text));
        let title = fold(&d.title).into_owned();
        let mut c = Vec::new();
        for len in [4, 5, 3, 6] {
            for a in 1..sent.len().saturating_sub(len) {
                let w = &sent[a..a + len];
                if title.contains(&w.join(" ")) {
                    continue;
                }
                let h = key(w);
                c.push((a, a + len, h));
                wanted.insert(h);
            }
        }
        candidates.push(c);
    }
    // How many articles hold each candidate.
    let counts: HashMap<u64, usize> = docs
        .par_iter()
        .map(|d| {
            let s = syllables(&d.text);
            let mut found: HashSet<u64> = HashSet::new();
            for len in 3..=6 {
                for w in s.windows(len) {
                    let h = key(w);
                    if wanted.contains(&h) {
                        found.insert(h);
                    }
                }
            }
            found
                .into_iter()
                .map(|h| (h, 1usize))
                .collect::<HashMap<u64, usize>>()
        })
        .reduce(HashMap::new, |mut a, b| {
            for (h, n) in b {
                *a.entry(h).or_default() += n;
            }
            a
        });
    let mut queries: Vec<(&str, String, String)> = Vec::new(); // (kind, query, target id)
    for (k, d) in picked.iter().enumerate() {
        queries.push(("a", d.title.clone(), d.id.clone()));
        queries.push(("b", fold(&d.title).into_owned(), d.id.clone()));
        let sent = first_sentence(&d.text);
        if let Some(&(a, b, _)) = candidates[k].iter().find(|c| counts.get(&c.2) == Some(&1))
            && let Some(p) = phrase_text(sent, a, b)
        {
            queries.push(("c", p, d.id.clone()));
        }
    }
    eprintln!("{} queries", queries.len());

    // vntext.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut ix = Indexer::in_ram(cores)?;
    for chunk in docs.chunks(256) {
        let prepared: Vec<_> = chunk
            .par_iter()
            .map(|d| {
                let mut d = d.clone();
                d.title.clear();
                ix.prepare(&d)
            })
            .collect();
        for p in prepared {
            ix.add_prepared(p)?;
        }
    }
    ix.commit()?;
    let vn = Searcher::from_index(ix.index())?;
    vn.reload()?;
    let vn_results: Vec<Vec<String>> = queries
        .par_iter()
        .map(|(_, q, _)| {
            vn.search(&Query::new(q).limit(10))
                .map(|h| h.into_iter().map(|h| h.id).collect())
                .unwrap_or_default()
        })
        .collect();

    // Tantivy's default analyzer, with and without ASCII folding.
    let plain = |folding: bool| -> Result<Vec<Vec<String>>, Box<dyn std::error::Error>> {
        let mut b = Schema::builder();
        let id = b.add_text_field("id", STRING | STORED);
        let opts = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("plain")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let body = b.add_text_field("body", opts);
        let index = Index::create_in_ram(b.build());
        let builder = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser);
        let analyzer = if folding {
            builder.filter(AsciiFoldingFilter).build()
        } else {
            builder.build()
        };
        index.tokenizers().register("plain", analyzer);
        let mut w: IndexWriter = index.writer(200_000_000)?;
        for d in &docs {
            let mut doc = TantivyDocument::default();
            doc.add_text(id, &d.id);
            doc.add_text(body, &d.text);
            w.add_document(doc)?;
        }
        w.commit()?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        let parser = QueryParser::for_index(&index, vec![body]);
        let mut out = Vec::new();
        for (_, q, _) in &queries {
            // Plain user text: query syntax characters are spaces.
            let clean: String = q
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                .collect();
            let (query, _) = parser.parse_query_lenient(&clean);
            let top = searcher.search(&query, &TopDocs::with_limit(10).order_by_score())?;
            let mut ids = Vec::new();
            for (_, addr) in top {
                let doc: TantivyDocument = searcher.doc(addr)?;
                ids.push(
                    doc.get_first(id)
                        .and_then(|v| v.as_str())
                        .unwrap_or("")
                        .to_string(),
                );
            }
            out.push(ids);
        }
        Ok(out)
    };
    if std::env::var_os("KNOWN_ITEM_MISSES").is_some() {
        for ((k, q, target), ids) in queries.iter().zip(vn_results.iter()) {
            if ids.first() != Some(target) {
                let rank = ids.iter().position(|i| i == target).map_or(0, |r| r + 1);
                let first = docs.iter().find(|d| Some(&d.id) == ids.first());
                eprintln!(
                    "miss {k} {q:?} rank {rank} first: {:?}",
                    first.map(|d| d.title.as_str())
                );
            }
        }
    }
    let default = plain(false)?;
    let folding = plain(true)?;

    println!("| engine | kind | queries | MRR@10 | success@1 |");
    println!("|---|---|---|---|---|");
    for (name, results) in [
        ("vntext", &vn_results),
        ("tantivy default", &default),
        ("tantivy default + AsciiFoldingFilter", &folding),
    ] {
        for kind in ["a", "b", "c"] {
            let (mut n, mut rr, mut s1) = (0usize, 0f64, 0usize);
            for ((k, _, target), ids) in queries.iter().zip(results.iter()) {
                if *k != kind {
                    continue;
                }
                n += 1;
                if let Some(r) = ids.iter().position(|i| i == target) {
                    rr += 1.0 / (r + 1) as f64;
                    s1 += (r == 0) as usize;
                }
            }
            let label = match kind {
                "a" => "(a) title",
                "b" => "(b) title without diacritics",
                _ => "(c) phrase from the first sentence",
            };
            println!(
                "| {name} | {label} | {n} | {:.3} | {:.3} |",
                rr / n.max(1) as f64,
                s1 as f64 / n.max(1) as f64
            );
        }
    }
    Ok(())
}
