//! Legacy encodings: the shared case table, the byte tables against glibc iconv and
//! encoding_rs, round trips on the shared corpus, and properties.

mod legacy_support;

use std::borrow::Cow;
use std::path::PathBuf;

use legacy_support::{has_iconv, iconv, is_toned_capital, jsonl_texts, shared, skip, unescape};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vntext::normalize::legacy::{
    Encoding, decode, decode_bytes, decode_bytes_lossy, detect, encode,
};
use vntext::normalize::normalize;

fn nfc(s: &str) -> String {
    s.nfc().collect()
}

// ---------------------------------------------------------------------------------------------
// The shared case table

/// One `legacy:*` / `mojibake:*` row.
struct Row {
    input: String,
    new_style: String,
    qd1989: String,
    category: String,
}

fn rows() -> Vec<Row> {
    let local = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/legacy_cases.tsv");
    let path = match shared() {
        Some(s) => s.join("data/normalize/cases_extended.tsv"),
        None => {
            skip("../shared is absent: reading the copy in tests/data/legacy_cases.tsv");
            local
        }
    };
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let rows: Vec<Row> = data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("input\t"))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f.len() >= 5 && (f[4].starts_with("legacy:") || f[4].starts_with("mojibake:")))
        .map(|f| Row {
            input: unescape(f[0]),
            new_style: unescape(f[1]),
            qd1989: unescape(f[3]),
            category: f[4].to_string(),
        })
        .collect();
    assert!(
        rows.len() >= 15,
        "{}: only {} legacy rows",
        path.display(),
        rows.len()
    );
    rows
}

/// A character as the byte a Windows-1252 (or Latin-1) viewer showed it as.
fn cp1252_byte(c: char) -> u8 {
    if (c as u32) < 0x100 {
        return c as u8;
    }
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
    assert!(
        !unmappable && bytes.len() == 1,
        "{c:?} has no Windows-1252 byte"
    );
    bytes[0]
}

#[test]
fn case_table_rows_decode_detect_and_normalize() {
    for row in rows() {
        let (bytes, encoding) = match row.category.as_str() {
            "legacy:viqr" => (row.input.clone().into_bytes(), Encoding::Viqr),
            "mojibake:utf8-as-cp1252" | "mojibake:utf8-as-latin1" => {
                // The README's direction: the shown text, encoded with the code page, is the
                // original UTF-8.
                let original: Vec<u8> = row.input.chars().map(cp1252_byte).collect();
                assert_eq!(
                    decode(&original, Encoding::Utf8),
                    row.qd1989,
                    "{}",
                    row.input
                );
                // The mojibake as it reaches us: the shown text, in UTF-8.
                (row.input.clone().into_bytes(), Encoding::Utf8AsCp1252)
            }
            cat => {
                let name = cat.trim_start_matches("legacy:").trim_end_matches("-H");
                let e = Encoding::from_name(name).unwrap_or_else(|| panic!("unknown {cat}"));
                (row.input.chars().map(cp1252_byte).collect(), e)
            }
        };
        let decoded = decode(&bytes, encoding);
        assert_eq!(
            decoded, row.qd1989,
            "decode {} {:?}",
            row.category, row.input
        );
        let d = detect(&bytes);
        assert_eq!(
            (d.best().encoding(), d.best().text()),
            (encoding, row.qd1989.as_str()),
            "detect {} {:?}",
            row.category,
            row.input
        );
        let auto = decode_bytes(&bytes).expect("decodable");
        assert_eq!(auto.text, row.qd1989, "decode_bytes {}", row.category);
        assert_eq!(
            normalize(&decoded),
            row.new_style,
            "normalize {}",
            row.category
        );
    }
}

#[test]
fn case_table_copy_matches_the_shared_table() {
    let Some(shared) = shared() else {
        return skip("../shared is absent: cannot compare tests/data/legacy_cases.tsv");
    };
    let src = std::fs::read_to_string(shared.join("data/normalize/cases_extended.tsv")).unwrap();
    let want: Vec<&str> = src
        .lines()
        .filter(|l| l.contains("\tlegacy:") || l.contains("\tmojibake:"))
        .collect();
    let copy = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/legacy_cases.tsv"),
    )
    .unwrap();
    let have: Vec<&str> = copy
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("input\t"))
        .collect();
    assert_eq!(have, want, "tests/data/legacy_cases.tsv is stale");
}

// ---------------------------------------------------------------------------------------------
// The byte tables

/// The 134 Vietnamese letters beyond ASCII (12 vowels × 6 tones × 2 cases, less the plain
/// ASCII vowels, plus đ Đ).
fn vietnamese_letters() -> Vec<char> {
    let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
    let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];
    let mut out = vec!['đ', 'Đ'];
    for v in vowels {
        for t in tones {
            let lower: String = format!("{v}{t}").nfc().collect();
            let c = lower.chars().next().unwrap();
            if !c.is_ascii() {
                out.push(c);
                out.extend(c.to_uppercase());
            }
        }
    }
    assert_eq!(out.len(), 134);
    out
}

#[test]
fn every_vietnamese_letter_round_trips_in_every_encoding() {
    for e in Encoding::ALL {
        for c in vietnamese_letters() {
            let s = format!("x {c} y");
            let bytes = encode(&s, e).unwrap_or_else(|| panic!("{e}: cannot write {c}"));
            let back = decode(&bytes, e);
            if e == Encoding::Tcvn3 && c.is_uppercase() {
                assert_eq!(back.to_lowercase(), s.to_lowercase(), "{e} {c}");
            } else {
                assert_eq!(back, s, "{e} {c}");
            }
        }
    }
}

#[test]
fn tcvn3_positions_match_iconv() {
    if !has_iconv("TCVN5712-1") {
        return skip("iconv with TCVN5712-1 is not available");
    }
    // Each byte alone, after a space (so that the combining marks have something to follow).
    for b in 0xA0..=0xFFu8 {
        let input = [b' ', b];
        let want = iconv("TCVN5712-1", "UTF-8", &input).expect("iconv");
        let want = nfc(std::str::from_utf8(&want).unwrap());
        let have = decode(&input, Encoding::Tcvn3);
        // Case inference may raise a lone toned letter at the start of the text.
        assert_eq!(have.to_lowercase(), want.to_lowercase(), "byte {b:#04X}");
    }
    // Every lower-case letter and the seven capitals TCVN3 has, encoded as glibc does.
    let letters: String = vietnamese_letters()
        .into_iter()
        .filter(|c| c.is_lowercase() || "ĂÂÊÔƠƯĐ".contains(*c))
        .collect();
    let want = iconv("UTF-8", "TCVN5712-1", letters.as_bytes()).expect("iconv");
    assert_eq!(encode(&letters, Encoding::Tcvn3).unwrap(), want);
}

#[test]
fn viscii_matches_iconv() {
    if !has_iconv("VISCII") {
        return skip("iconv with VISCII is not available");
    }
    let all: Vec<u8> = (1..=0xFFu8).collect();
    let want = iconv("VISCII", "UTF-8", &all).expect("iconv");
    assert_eq!(
        decode(&all, Encoding::Viscii),
        std::str::from_utf8(&want).unwrap()
    );
    let letters: String = vietnamese_letters().into_iter().collect();
    let want = iconv("UTF-8", "VISCII", letters.as_bytes()).expect("iconv");
    assert_eq!(encode(&letters, Encoding::Viscii).unwrap(), want);
}

#[test]
fn cp1258_matches_iconv_and_encoding_rs() {
    let all: Vec<u8> = (1..=0xFFu8).collect();
    // encoding_rs decodes Windows-1258 without composing; compare after NFC.
    let (want, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(&all);
    assert_eq!(decode(&all, Encoding::Cp1258), nfc(&want));
    if !has_iconv("CP1258") {
        return skip("iconv with CP1258 is not available");
    }
    let defined: Vec<u8> = (1..=0xFFu8)
        .filter(|b| ![0x81, 0x8A, 0x8D, 0x8E, 0x8F, 0x90, 0x9A, 0x9D, 0x9E].contains(b))
        .collect();
    for &b in &defined {
        let input = [b'a', b];
        let want = iconv("CP1258", "UTF-8", &input).expect("iconv");
        assert_eq!(
            decode(&input, Encoding::Cp1258),
            nfc(std::str::from_utf8(&want).unwrap()),
            "{b:#04X}"
        );
    }
    let letters: String = vietnamese_letters().into_iter().collect();
    let want = iconv("UTF-8", "CP1258", letters.as_bytes()).expect("iconv");
    assert_eq!(encode(&letters, Encoding::Cp1258).unwrap(), want);
}

#[test]
fn windows_1252_part_matches_encoding_rs() {
    // The mojibake of every character of Windows-1252's upper half.
    let high: Vec<u8> = (0x80..=0xFFu8).collect();
    let (upper, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&high);
    for c in upper.chars() {
        let s = c.to_string();
        let moji = encode(&s, Encoding::Utf8AsCp1252).unwrap();
        let (want, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(s.as_bytes());
        assert_eq!(std::str::from_utf8(&moji).unwrap(), want, "{c:?}");
        assert_eq!(decode(&moji, Encoding::Utf8AsCp1252), s, "{c:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Round trips on the shared corpus

/// The lines of the two corpus samples.
fn corpus_lines() -> Option<Vec<String>> {
    let shared = shared()?;
    let mut lines = Vec::new();
    for rel in [
        "data/corpus/vlc-laws/sample.jsonl",
        "data/corpus/viwiki-2017/sample.jsonl",
    ] {
        for (_, text) in jsonl_texts(&shared.join(rel)) {
            lines.extend(
                text.lines()
                    .map(|l| nfc(l.trim_end_matches('\r')))
                    .filter(|l| !l.trim().is_empty()),
            );
        }
    }
    Some(lines)
}

#[test]
fn corpus_round_trips_in_every_encoding() {
    let Some(lines) = corpus_lines() else {
        return skip("../shared is absent: no corpus to round-trip");
    };
    println!(
        "{:<15} {:>7} {:>9} {:>7}",
        "encoding", "lines", "written", "exact"
    );
    for e in Encoding::ALL {
        let (mut written, mut exact, mut folded) = (0, 0, 0);
        let mut bad = Vec::new();
        for line in &lines {
            let Some(bytes) = encode(line, e) else {
                continue;
            };
            written += 1;
            let back = decode(&bytes, e);
            if back == *line {
                exact += 1;
                folded += 1;
            } else if e == Encoding::Tcvn3 && back.to_lowercase() == line.to_lowercase() {
                folded += 1;
            } else if bad.len() < 3 {
                bad.push((line.clone(), back));
            }
        }
        println!(
            "{:<15} {:>7} {:>9} {:>7}",
            e.name(),
            lines.len(),
            written,
            exact
        );
        assert!(bad.is_empty(), "{e}: {bad:#?}");
        assert_eq!(folded, written, "{e}");
        // Most lines are writable: VISCII and VIQR lack typographic quotes and dashes.
        assert!(
            written * 10 >= lines.len() * 7,
            "{e}: only {written} of {} lines written",
            lines.len()
        );
        if e == Encoding::Tcvn3 {
            println!(
                "  tcvn3 exact with case: {exact} of {written} (the rest differ in the case of a toned capital)"
            );
        }
    }
}

#[test]
fn corpus_encodings_match_iconv_byte_for_byte() {
    let Some(lines) = corpus_lines() else {
        return skip("../shared is absent: no corpus for the iconv cross-check");
    };
    for (e, charset) in [
        (Encoding::Tcvn3, "TCVN5712-1"),
        (Encoding::Viscii, "VISCII"),
        (Encoding::Cp1258, "CP1258"),
    ] {
        if !has_iconv(charset) {
            skip(&format!("iconv with {charset} is not available"));
            continue;
        }
        // The lines both sides can write: for TCVN3, the positions TCVN3 shares with TCVN 5712
        // VN1 (no toned capitals, no Windows-1252 punctuation in 0x80..=0x9F).
        let chosen: Vec<&String> = lines
            .iter()
            .filter(|l| match encode(l, e) {
                None => false,
                Some(b) => {
                    e != Encoding::Tcvn3
                        || (!l.chars().any(is_toned_capital)
                            && !b.iter().any(|&x| (0x80..0xA0).contains(&x)))
                }
            })
            .collect();
        let joined = chosen
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let ours = encode(&joined, e).unwrap();
        let theirs = iconv("UTF-8", charset, joined.as_bytes()).unwrap_or_else(|| {
            panic!(
                "iconv refused the {} lines we wrote in {charset}",
                chosen.len()
            )
        });
        if ours != theirs {
            let at = ours
                .iter()
                .zip(&theirs)
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            panic!(
                "{charset}: first difference at byte {at}: ours {:02X?} iconv {:02X?}",
                &ours[at.saturating_sub(4)..(at + 8).min(ours.len())],
                &theirs[at.saturating_sub(4)..(at + 8).min(theirs.len())]
            );
        }
        // And iconv reads our bytes back to the text.
        let back = iconv(charset, "UTF-8", &ours).expect("iconv");
        assert_eq!(
            nfc(std::str::from_utf8(&back).unwrap()),
            joined,
            "{charset} decode"
        );
        println!(
            "{charset}: {} lines, {} bytes identical to iconv",
            chosen.len(),
            ours.len()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Behaviour

#[test]
fn clean_utf8_is_borrowed_and_unchanged() {
    let s = "Độc lập - Tự do - Hạnh phúc";
    let d = decode_bytes(s.as_bytes()).unwrap();
    assert!(matches!(d.text, Cow::Borrowed(_)));
    assert_eq!(
        (d.encoding, d.lossy, d.confidence),
        (Encoding::Utf8, false, 1.0)
    );
    // NFD input comes back NFC.
    let nfd: String = s.nfd().collect();
    assert_eq!(decode_bytes(nfd.as_bytes()).unwrap().text, s);
    // Plain English stays as it is, even with VIQR-like punctuation.
    for s in [
        "What's up? I'm fine.",
        "Ho va ten: Nguyen Van A.",
        "e.g. (see above)",
    ] {
        assert_eq!(decode_bytes(s.as_bytes()).unwrap().text, s, "{s}");
    }
}

#[test]
fn viqr_escapes_and_dd() {
    assert_eq!(
        decode(
            b"O^ng te^n gi`\\? To^i te^n la` Tra^`n Va(n Hie^'u\\.",
            Encoding::Viqr
        ),
        "Ông tên gì? Tôi tên là Trần Văn Hiếu."
    );
    assert_eq!(
        decode(b"Nghi. ddi.nh so^' 30/2020/NDD-CP", Encoding::Viqr),
        "Nghị định số 30/2020/NĐ-CP"
    );
    // English words keep their d's; a literal mark after a vowel is escaped on the way out.
    assert_eq!(decode(b"address", Encoding::Viqr), "address");
    assert_eq!(
        encode("Đi đâu? Ở đó.", Encoding::Viqr).unwrap(),
        b"DDi dda^u\\? O+? ddo'."
    );
    assert_eq!(encode("Hà Nội.", Encoding::Viqr).unwrap(), b"Ha` No^.i\\.");
    for s in [
        "ADD đĐ",
        "a\\'b",
        "d\\d",
        "DĐ Dd dd",
        "(a(b))",
        "I'm",
        "x^",
        "Hà Nội...",
    ] {
        let bytes = encode(s, Encoding::Viqr).unwrap();
        assert_eq!(
            decode(&bytes, Encoding::Viqr),
            s,
            "{s:?} -> {:?}",
            String::from_utf8_lossy(&bytes)
        );
    }
}

#[test]
fn mojibake_repair_keeps_what_it_cannot_repair() {
    let moji = "Cá»™ng hoÃ\u{a0} xÃ£ há»™i — Việt Nam Ã";
    assert_eq!(
        decode(moji.as_bytes(), Encoding::Utf8AsCp1252),
        "Cộng hoà xã hội — Việt Nam Ã"
    );
}

#[test]
fn tcvn3_case_inference() {
    let t = |bytes: &[u8], want: &str| assert_eq!(decode(bytes, Encoding::Tcvn3), want);
    // All other letters capitals.
    t(b"C\xe9NG HO\xb5 X\xb7 H\xe9I", "CỘNG HOÀ XÃ HỘI");
    // One capital, at the start: title case unless the neighbours are capitals.
    t(b"H\xb5 N\xe9i", "Hà Nội");
    t(b"TP. H\xe5 CH\xdd MINH", "TP. HỒ CHÍ MINH");
    t(b"CH\xa2U \xb8", "CHÂU Á");
    // A capital inside the word.
    t(b"\xf1Y BAN", "ỦY BAN");
    // Start of a sentence.
    t(b"\xeb \xae\xa9y. \xeb \xae\xe3", "Ở đây. Ở đó");
    // Inside a sentence the case is not in the bytes, except for the pairs the statutes
    // capitalize there.
    t(b"c\xf1a \xf1y quy\xd2n", "của ủy quyền");
    t(b"c\xf1a \xf1y ban", "của Ủy ban");
}

#[test]
fn undecodable_bytes_are_an_error_or_lossy() {
    let binary = b"\x00\x01\x02\xff\xfe\x80\x81 binary \x07";
    let err = decode_bytes(binary).unwrap_err();
    assert_eq!(err.valid_up_to(), 3);
    assert!(err.to_string().contains("invalid at byte 3"));
    let lossy = decode_bytes_lossy(binary);
    assert!(lossy.lossy);
    assert!(lossy.text.contains('\u{fffd}'));
    // UTF-8 with one broken byte is not a legacy encoding either.
    let mut bytes = "Cộng hoà xã hội chủ nghĩa Việt Nam".as_bytes().to_vec();
    bytes[3] = 0xFF;
    assert!(decode_bytes(&bytes).is_err());
    let d = decode_bytes_lossy(&bytes);
    assert!(d.lossy && d.text.ends_with("xã hội chủ nghĩa Việt Nam"));
}

#[test]
fn encoding_names_round_trip() {
    for e in Encoding::ALL {
        assert_eq!(Encoding::from_name(e.name()), Some(e));
        assert_eq!(e.to_string(), e.name());
    }
    assert_eq!(Encoding::from_name("UTF8"), Some(Encoding::Utf8));
    assert_eq!(Encoding::from_name("latin-1"), None);
}

#[test]
fn legacy_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<vntext::normalize::legacy::Detection>();
    check::<vntext::normalize::legacy::Decoded<'static>>();
    check::<vntext::DecodeError>();
}

// ---------------------------------------------------------------------------------------------
// Properties

/// Syllables to build random Vietnamese text from (every tone, most rimes).
const SYLLABLES: &[&str] = &[
    "cộng", "hoà", "hòa", "xã", "hội", "chủ", "nghĩa", "việt", "nam", "độc", "lập", "tự", "do",
    "hạnh", "phúc", "người", "nước", "quốc", "gia", "thuỷ", "thủy", "khoẻ", "khuyết", "nguyễn",
    "trần", "lê", "phạm", "ủy", "ban", "nhân", "dân", "tỉnh", "thành", "phố", "đà", "nẵng", "sẵn",
    "ở", "ấy", "ăn", "uống", "giữ", "gìn", "quyết", "định", "điều", "khoản", "luật", "yêu", "oẳn",
    "ngoặt", "khuỷu", "thuở", "ượt", "ầm", "ĩ", "ạ", "ờ", "ừ", "ỡm", "ngõ", "ngã", "ngó",
];

fn vietnamese_text() -> impl Strategy<Value = String> {
    let word = (0..SYLLABLES.len(), 0..10u8).prop_map(|(i, case)| {
        let s = SYLLABLES[i];
        match case {
            0 => s.to_uppercase(),
            1 => {
                let mut c = s.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
            _ => s.to_string(),
        }
    });
    let sep = prop_oneof![
        Just(" "),
        Just(", "),
        Just(". "),
        Just("? "),
        Just(" - "),
        Just("\n"),
        Just(" (1) "),
    ];
    prop::collection::vec((word, sep), 1..12).prop_map(|v| {
        // Sentences (and items after a dash) start with a capital, as real text does.
        let mut s = String::new();
        let mut start = true;
        for (w, sep) in v {
            if start {
                let mut c = w.chars();
                s.extend(c.next().into_iter().flat_map(char::to_uppercase).chain(c));
            } else {
                s.push_str(&w);
            }
            s.push_str(sep);
            start = sep.contains(['.', '?', '\n', '-']);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn decoding_and_detecting_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        for e in Encoding::ALL {
            let s = decode(&bytes, e);
            prop_assert!(unicode_normalization::is_nfc(&s), "{e} output not NFC");
        }
        let d = detect(&bytes);
        prop_assert!((0.0..=1.0).contains(&d.confidence()));
        let _ = decode_bytes(&bytes);
        let _ = decode_bytes_lossy(&bytes);
    }

    #[test]
    fn cp1258_composition_is_nfc_of_encoding_rs(bytes in prop::collection::vec(
        prop_oneof![any::<u8>(), Just(0xCC), Just(0xD2), Just(0xDE), Just(0xEC), Just(0xF2)], 0..40)) {
        // Marks after anything: composed, reordered, or left alone, but canonically the same.
        let ours = decode(&bytes, Encoding::Cp1258);
        let (theirs, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(&bytes);
        prop_assert_eq!(&ours, &nfc(&theirs));
    }

    #[test]
    fn viqr_like_text_never_panics(s in "[aeiouyAEOUdDnh '`?~.(^+\\\\]{0,40}") {
        let text = decode(s.as_bytes(), Encoding::Viqr);
        prop_assert!(unicode_normalization::is_nfc(&text));
        let d = detect(s.as_bytes());
        prop_assert!((0.0..=1.0).contains(&d.confidence()));
        // Whatever VIQR text decodes to, writing it again and reading it back gives it.
        if let Some(bytes) = encode(&text, Encoding::Viqr) {
            prop_assert_eq!(decode(&bytes, Encoding::Viqr), text);
        }
    }

    #[test]
    fn arbitrary_text_never_panics_when_encoded(s in "\\PC{0,40}") {
        for e in Encoding::ALL {
            if let Some(bytes) = encode(&s, e) {
                let _ = decode(&bytes, e);
            }
        }
    }

    #[test]
    fn decode_inverts_encode_on_vietnamese_text(text in vietnamese_text()) {
        for e in Encoding::ALL {
            let bytes = encode(&text, e);
            prop_assert!(bytes.is_some(), "{e} cannot write {text:?}");
            let back = decode(&bytes.unwrap_or_default(), e);
            if e == Encoding::Tcvn3 {
                // Toned capitals are written small; their case comes back only where the
                // word or the sentence shows it.
                prop_assert_eq!(back.to_lowercase(), text.to_lowercase(), "{}", e);
                // Exact when no toned capital was lost and no all-capitals word makes a toned
                // neighbour look like a capital.
                let all_caps = text.split(|c: char| !c.is_alphabetic()).any(|w| {
                    w.chars().count() >= 2 && w.chars().all(|c| !c.is_lowercase())
                });
                // Nor a pair the statutes capitalize inside sentences (Ủy ban).
                let pair = text.contains("ủy ban") || text.contains("ủy viên");
                if !text.chars().any(is_toned_capital) && !all_caps && !pair {
                    prop_assert_eq!(&back, &text, "{}", e);
                }
            } else {
                prop_assert_eq!(&back, &text, "{}", e);
            }
        }
    }
}

#[test]
fn clean_unicode_in_any_script_comes_back_unchanged() {
    for s in [
        "Hà Nội, ngày 18 tháng 6 năm 2012",
        "Thuỷ điện Hoà Bình — “khoẻ” và 30°C",
        "中华人民共和国 và Việt Nam",
        "Россия và Việt Nam",
        "Ελλάδα",
        "François Hollande, São Paulo, Dvořák",
        "Ðiều 1 (look-alike Ð)",
        "emoji 🇻🇳 👍",
        "",
    ] {
        let d = decode_bytes(s.as_bytes()).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), (s, Encoding::Utf8), "{s}");
        assert_eq!(detect(s.as_bytes()).best().text(), s, "{s}");
    }
}
