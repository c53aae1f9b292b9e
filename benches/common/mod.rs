//! What the benches share: the bundled corpus.

use std::path::Path;

/// The text fields of a bundled JSONL corpus file (`rel` under corpus/).
pub fn corpus_texts(rel: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(rel);
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect()
}

/// The input sizes of the growth benches, in KiB (16 KiB to 10 MiB).
#[allow(dead_code)] // not every bench uses it
pub const GROWTH_KIB: [usize; 4] = [16, 256, 1024, 10240];

/// `text` repeated (joined by spaces) and cut to about `len` bytes, on a char boundary.
#[allow(dead_code)] // not every bench uses it
pub fn prefix_repeated(text: &str, len: usize) -> String {
    let mut line = String::with_capacity(len + text.len() + 1);
    while line.len() < len {
        line.push_str(text);
        line.push(' ');
    }
    let mut end = len;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    line.truncate(end);
    line
}
