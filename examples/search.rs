//! Searches an index made by `index_corpus`.
//!
//! ```text
//! cargo run --release --example search -- --index DIR [QUERY] [--province P] [--official O]
//!     [--organization O] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--batch]
//! ```
//! Prints the ranked hits with their snippets (the words found in [brackets]). With `--batch`
//! it reads `kind<TAB>query` lines on stdin (further columns ignored; `kind` is echoed back and
//! never changes the search; the query is plain user text, not query syntax) and writes one line
//! per input line, in order: `kind<TAB>query<TAB>id1<TAB>…<TAB>id10` (the first two fields as
//! read, then up to ten document ids, best first, no duplicates).

use std::io::{self, BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use vntext::entity::Day;
use vntext::index::{Query, Searcher};

struct Args {
    index: Option<PathBuf>,
    query: Vec<String>,
    filters: Query,
    batch: bool,
}

fn parse() -> Result<Args, String> {
    let mut a = Args {
        index: None,
        query: Vec::new(),
        filters: Query::new(""),
        batch: false,
    };
    let mut p = lexopt::Parser::from_env();
    let day = |v: Result<std::ffi::OsString, lexopt::Error>| -> Result<Day, String> {
        let v = v.map_err(|e| e.to_string())?;
        v.to_string_lossy()
            .parse::<Day>()
            .map_err(|()| format!("{}: not a date (YYYY-MM-DD)", v.to_string_lossy()))
    };
    loop {
        let arg = match p.next() {
            Ok(Some(arg)) => arg,
            Ok(None) => break,
            Err(e) => return Err(e.to_string()),
        };
        let value = |p: &mut lexopt::Parser| -> Result<String, String> {
            p.value()
                .map(|v| v.to_string_lossy().into_owned())
                .map_err(|e| e.to_string())
        };
        match arg {
            lexopt::Arg::Long("index") => a.index = Some(PathBuf::from(value(&mut p)?)),
            lexopt::Arg::Long("province") => a.filters.province = Some(value(&mut p)?),
            lexopt::Arg::Long("official") => a.filters.official = Some(value(&mut p)?),
            lexopt::Arg::Long("organization") => a.filters.organization = Some(value(&mut p)?),
            lexopt::Arg::Long("from") => a.filters.from = Some(day(p.value())?),
            lexopt::Arg::Long("to") => a.filters.to = Some(day(p.value())?),
            lexopt::Arg::Long("limit") => {
                a.filters.limit = value(&mut p)?
                    .parse()
                    .map_err(|_| "--limit takes a number".to_string())?
            }
            lexopt::Arg::Long("batch") => a.batch = true,
            lexopt::Arg::Value(v) => a.query.push(v.to_string_lossy().into_owned()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    Ok(a)
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "search: {e}\nusage: search --index DIR [QUERY] [--province P] [--official O] \
                 [--organization O] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--batch]"
            );
            return ExitCode::from(2);
        }
    };
    let Some(dir) = &args.index else {
        eprintln!("search: --index DIR is required");
        return ExitCode::from(2);
    };
    let searcher = match Searcher::open(dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("search: {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    let result = if args.batch {
        batch(&searcher, &args.filters)
    } else {
        one(&searcher, &args)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("search: {e}");
            ExitCode::FAILURE
        }
    }
}

fn one(searcher: &Searcher, args: &Args) -> io::Result<()> {
    let mut q = args.filters.clone();
    q.text = args.query.join(" ");
    let hits = searcher.search(&q).map_err(io::Error::other)?;
    let mut out = io::stdout().lock();
    if hits.is_empty() {
        writeln!(out, "no document found")?;
    }
    for (k, h) in hits.iter().enumerate() {
        writeln!(out, "{:>2}. {:.3}  {}  {}", k + 1, h.score, h.id, h.title)?;
        writeln!(out, "    {}", h.marked())?;
    }
    Ok(())
}

fn batch(searcher: &Searcher, filters: &Query) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut raw = Vec::new();
    let mut reader = io::BufReader::new(io::stdin().lock());
    loop {
        raw.clear();
        if reader.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        while matches!(raw.last(), Some(b'\n' | b'\r')) {
            raw.pop();
        }
        let line = String::from_utf8_lossy(&raw);
        let mut cols = line.splitn(3, '\t');
        let kind = cols.next().unwrap_or("");
        let text = cols.next().unwrap_or("");
        let mut q = filters.clone();
        q.text = text.to_string();
        q.limit = 10;
        let hits = searcher.search(&q).map_err(io::Error::other)?;
        write!(out, "{kind}\t{text}")?;
        let mut seen = Vec::new();
        for h in hits {
            if !seen.contains(&h.id) {
                write!(out, "\t{}", h.id)?;
                seen.push(h.id);
            }
        }
        writeln!(out)?;
    }
    out.flush()
}
