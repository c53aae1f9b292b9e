//! Extracts entities, one JSON object per input line.
//!
//! ```text
//! cargo run --release --example entities -- [--reference-date YYYY-MM-DD]
//! ```
//! Reads stdin line by line and writes, per line,
//! `{"entities":[{"type":T,"start":S,"end":E,"text":"...","value":{...}}]}` with byte offsets
//! into that line, entities in text order, nested ones included. `--reference-date` resolves
//! relative dates (`hôm qua`, `năm nay`) and dates written without a year.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use vntext::entity::{Day, Extractor};

fn main() -> ExitCode {
    let mut extractor = Extractor::new();
    let mut parser = lexopt::Parser::from_env();
    loop {
        match parser.next() {
            Ok(None) => break,
            Ok(Some(lexopt::Arg::Long("reference-date"))) => {
                let v = parser.value().map(|v| v.to_string_lossy().into_owned());
                match v.as_deref().map(str::parse::<Day>) {
                    Ok(Ok(day)) => extractor = extractor.with_reference_date(day),
                    _ => return usage("--reference-date takes YYYY-MM-DD"),
                }
            }
            Ok(Some(arg)) => return usage(&arg.unexpected().to_string()),
            Err(e) => return usage(&e.to_string()),
        }
    }
    match run(&extractor) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("entities: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("entities: {msg}\nusage: entities [--reference-date YYYY-MM-DD]");
    ExitCode::from(2)
}

fn run(extractor: &Extractor) -> io::Result<()> {
    let mut reader = io::BufReader::new(io::stdin().lock());
    let mut out = BufWriter::new(io::stdout().lock());
    let mut raw = Vec::new();
    loop {
        raw.clear();
        if reader.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        while matches!(raw.last(), Some(b'\n' | b'\r')) {
            raw.pop();
        }
        let text = String::from_utf8_lossy(&raw);
        let entities = extractor.extract(&text);
        let line = serde_json::json!({ "entities": entities });
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
