//! Replays the inputs stored under fuzz/regressions/<target>/ (inputs the fuzzers found, and
//! seeds) through the fuzz targets' invariant checks (fuzz/checks.rs).
#![cfg(feature = "index")]

#[path = "../fuzz/checks.rs"]
mod checks;

/// A fuzz target's checks.
type Check = fn(&[u8]);

#[test]
fn stored_fuzz_inputs_still_pass() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let targets: [(&str, Check); 5] = [
        ("normalize", checks::normalize),
        ("legacy", checks::legacy),
        ("segment", checks::segment),
        ("extract", checks::extract),
        ("tokens", checks::tokens),
    ];
    let mut replayed = 0;
    for (name, check) in targets {
        let dir = root.join(name);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            panic!("{} is missing", dir.display());
        };
        for e in entries.flatten() {
            let data = std::fs::read(e.path()).expect("a stored input");
            check(&data);
            replayed += 1;
        }
        // And a few inputs every target sees.
        for data in [
            &b""[..],
            b" ",
            b"\xff\xfe\x00",
            "Ngày 24/7/2019, TP.HCM".as_bytes(),
            "a\u{301}\u{301}\u{301}".as_bytes(),
        ] {
            check(data);
        }
    }
    assert!(replayed >= 5, "the stored inputs were found");
}
