//! Segments Vietnamese text into words, one line at a time.
//!
//! ```text
//! cargo run --release --example segment -- [--model PATH]
//! ```
//! Reads stdin line by line and writes one line per input line: the words separated by one
//! space, the syllables of a multi-syllable word joined by `_` (`Ông Nguyễn_Văn_An đến Hà_Nội .`).
//! Without `--model` it uses the embedded model; `--model` loads a model file written by the
//! training program (train_segmenter), e.g. one trained without dev for measuring.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use vntext::segment::Segmenter;

fn main() -> ExitCode {
    let mut model = None;
    let mut parser = lexopt::Parser::from_env();
    loop {
        match parser.next() {
            Ok(None) => break,
            Ok(Some(lexopt::Arg::Long("model"))) => match parser.value() {
                Ok(v) => model = Some(std::path::PathBuf::from(v)),
                Err(e) => return usage(&e.to_string()),
            },
            Ok(Some(arg)) => return usage(&arg.unexpected().to_string()),
            Err(e) => return usage(&e.to_string()),
        }
    }
    let t0 = std::time::Instant::now();
    let segmenter = match &model {
        None => Segmenter::new(),
        Some(path) => match Segmenter::from_model_file(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("segment: {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        },
    };
    let load = t0.elapsed();
    let t1 = std::time::Instant::now();
    match run(&segmenter) {
        Ok(()) => {
            eprintln!(
                "WS_TIMING load_s={:.4} seg_s={:.4}",
                load.as_secs_f64(),
                t1.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("segment: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("segment: {msg}\nusage: segment [--model PATH]");
    ExitCode::from(2)
}

fn run(segmenter: &Segmenter) -> io::Result<()> {
    let mut reader = io::BufReader::with_capacity(1 << 16, io::stdin().lock());
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut raw = Vec::new();
    let mut line = String::new();
    loop {
        raw.clear();
        if reader.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        while matches!(raw.last(), Some(b'\n' | b'\r')) {
            raw.pop();
        }
        // Valid UTF-8 (the common case) is checked by the faster validator first.
        let text = match std::str::from_utf8(&raw) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(_) => String::from_utf8_lossy(&raw),
        };
        line.clear();
        for (k, w) in segmenter.segment(&text).enumerate() {
            if k > 0 {
                line.push(' ');
            }
            // The syllables of a word joined by '_' (one '_' for any run of spaces).
            let mut rest = w.text;
            while let Some(gap) = rest.find(char::is_whitespace) {
                line.push_str(&rest[..gap]);
                line.push('_');
                rest = rest[gap..].trim_start();
            }
            line.push_str(rest);
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    out.flush()
}
