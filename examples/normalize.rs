//! Normalizes (or folds, or decodes) Vietnamese text, one line at a time.
//!
//! ```text
//! cargo run --release --example normalize -- [--style traditional|reformed] [--fold]
//! cargo run --release --example normalize -- --decode auto|tcvn3|vni|viqr|viscii|cp1258 --base64 [--style S]
//! ```
//!
//! Reads stdin line by line and writes exactly one line per input line (a line break inside a
//! decoded text becomes a space). Without `--decode`, each line is UTF-8 text: it is normalized
//! (traditional tone placement unless `--style reformed`), or folded to its search key with
//! `--fold`. With `--decode`, each line holds raw bytes (base64-encoded with `--base64`) in the
//! named legacy encoding, or `auto` to detect it; the output is the decoded text in NFC with the
//! tone placement as written, normalized as well when `--style` is given.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use vntext::normalize::legacy::{self, Encoding};
use vntext::normalize::{Normalizer, fold};
use vntext::syllable::ToneStyle;

struct Args {
    style: Option<ToneStyle>,
    fold: bool,
    /// `None`: the input is UTF-8 text; `Some(None)`: detect; `Some(Some(e))`: decode as `e`.
    decode: Option<Option<Encoding>>,
    base64: bool,
}

const USAGE: &str = "usage: normalize [--style traditional|reformed] [--fold] \
    [--decode auto|tcvn3|vni|viqr|viscii|cp1258|utf-8|utf8-as-cp1252] [--base64]";

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut args = Args {
        style: None,
        fold: false,
        decode: None,
        base64: false,
    };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("style") => {
                let v = parser.value()?.string()?;
                args.style = Some(match v.as_str() {
                    "traditional" => ToneStyle::Traditional,
                    "reformed" => ToneStyle::Reformed,
                    _ => return Err(format!("--style: unknown style {v:?}").into()),
                });
            }
            Long("fold") => args.fold = true,
            Long("base64") => args.base64 = true,
            Long("decode") => {
                let v = parser.value()?.string()?;
                args.decode = Some(if v == "auto" {
                    None
                } else {
                    Some(
                        Encoding::from_name(&v)
                            .ok_or_else(|| format!("--decode: unknown encoding {v:?}"))?,
                    )
                });
            }
            Short('h') | Long("help") => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            _ => return Err(arg.unexpected()),
        }
    }
    if args.base64 && args.decode.is_none() {
        return Err("--base64 goes with --decode".into());
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("normalize: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("normalize: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> io::Result<()> {
    let normalizer = Normalizer::new().style(args.style.unwrap_or_default());
    let stdin = io::stdin().lock();
    let mut reader = io::BufReader::with_capacity(1 << 16, stdin);
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        number += 1;
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        let text: String = match args.decode {
            None => {
                let text = String::from_utf8_lossy(&line);
                if args.fold {
                    fold(&text).into_owned()
                } else {
                    normalizer.normalize(&text).into_owned()
                }
            }
            Some(encoding) => {
                let bytes = if args.base64 {
                    match STANDARD.decode(line.trim_ascii()) {
                        Ok(b) => b,
                        Err(e) => {
                            eprintln!(
                                "normalize: line {number}: not base64 ({e}); wrote an empty line"
                            );
                            writeln!(out)?;
                            continue;
                        }
                    }
                } else {
                    line.clone()
                };
                let decoded = match encoding {
                    Some(e) => legacy::decode(&bytes, e),
                    None => legacy::decode_bytes_lossy(&bytes).text.into_owned(),
                };
                if args.fold {
                    fold(&decoded).into_owned()
                } else if args.style.is_some() {
                    normalizer.normalize(&decoded).into_owned()
                } else {
                    decoded
                }
            }
        };
        if text.contains(['\n', '\r']) {
            out.write_all(text.replace(['\n', '\r'], " ").as_bytes())?;
        } else {
            out.write_all(text.as_bytes())?;
        }
        out.write_all(b"\n")?;
    }
    out.flush()
}
