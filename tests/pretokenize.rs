//! The pre-tokenizer: a table of cases per kind, the seed article, the bundled corpus, and
//! properties on arbitrary text.

use proptest::prelude::*;
use vntext::segment::PreTokenKind::{self, *};
use vntext::segment::{PreToken, pretokenize};

fn tokens(text: &str) -> Vec<(&str, PreTokenKind)> {
    pretokenize(text).map(|t| (t.text, t.kind)).collect()
}

/// `t!(name, input, [(token, Kind), ...])`: the tokens of `input`, in order, with their kinds.
macro_rules! t {
    ($name:ident, $input:expr, [$(($tok:expr, $kind:ident)),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<(&str, PreTokenKind)> = vec![$(($tok, $kind)),*];
            assert_eq!(tokens($input), want, "input: {:?}", $input);
        }
    };
}

/// Inputs that are one token of the given kind.
const WHOLE: &[(&str, PreTokenKind)] = &[
    // Syllables, any case, either tone placement.
    ("Hà", Syllable),
    ("nghiêng", Syllable),
    ("NGHĨA", Syllable),
    ("hoà", Syllable),
    ("hòa", Syllable),
    ("quốc", Syllable),
    ("a", Syllable),
    ("CA", Syllable),
    ("VI", Syllable),
    // Foreign words.
    ("iPhone", Foreign),
    ("Zoé", Foreign),
    ("COVID", Foreign),
    ("NATO", Foreign),
    ("ASEAN", Foreign),
    ("km", Foreign),
    ("B", Foreign),
    ("café", Foreign),
    ("北京", Foreign),
    ("北京大学", Foreign),
    ("Coca-Cola", Foreign),
    ("E-marketing", Foreign),
    ("km/h", Foreign),
    ("O'Neill", Foreign),
    ("d’Ivoire", Foreign),
    ("K'Bang", Foreign),
    ("H'Leo", Foreign),
    ("R'Lấp", Foreign),
    // Numbers.
    ("10.000", Number),
    ("1.234,5", Number),
    ("3,5%", Number),
    ("8%", Number),
    ("0,5‰", Number),
    ("5‰", Number),
    ("-2", Number),
    ("+4", Number),
    ("-0.6667", Number),
    ("1.234.567", Number),
    ("3.5", Number),
    ("1/500", Number),
    ("72/2002", Number),
    ("3:2", Number),
    ("1:500", Number),
    ("II", Number),
    ("XIV", Number),
    ("XXI", Number),
    ("²", Number),
    ("٢٠١٩", Number),
    // Dates and times.
    ("24/7/2019", Date),
    ("25/07/2019", Date),
    ("24-7-2019", Date),
    ("24.7.2019", Date),
    ("24/7/19", Date),
    ("2019-07-24", Date),
    ("7/2019", Date),
    ("12/2019", Date),
    ("24/7", Date),
    ("1/2", Date),
    ("29/2/2020", Date),
    ("II/2019", Date),
    ("I/2019", Date),
    ("8h30", Date),
    ("8h", Date),
    ("14h", Date),
    ("8H05", Date),
    ("8:30", Date),
    ("08:30:15", Date),
    // Codes: document numbers, models, plates.
    ("72/2002/QĐ-TTg", Code),
    ("06/2012/QH13", Code),
    ("51/2001/QH10", Code),
    ("01/2019/TT-BNV", Code),
    ("123/QĐ-UBND", Code),
    ("24-NQ/TW", Code),
    ("03/2008/PL-UBTVQH12", Code),
    ("12/QĐ-CA", Code),
    ("COVID-19", Code),
    ("SARS-CoV-2", Code),
    ("H5N1", Code),
    ("U23", Code),
    ("U-17", Code),
    ("QH13", Code),
    ("T2", Code),
    ("4G", Code),
    ("A4", Code),
    ("m3", Code),
    ("m2", Code),
    ("cm3", Code),
    ("g/cm3", Code),
    ("2x2", Code),
    ("29A-123.45", Code),
    ("MiG-21", Code),
    // Web forms.
    ("https://vi.wikipedia.org/wiki/Hà_Nội", Url),
    ("http://example.com/a_(b)", Url),
    ("https://vi.wikipedia.org/wiki/A_(B_(C))", Url),
    ("HTTP://EXAMPLE.COM", Url),
    ("ftp://ftp.example.org/pub", Url),
    ("www.chinhphu.vn", Url),
    ("chinhphu.vn", Url),
    ("moh.gov.vn", Url),
    ("24h.com.vn", Url),
    ("thuvienphapluat.vn/van-ban/Luat-2012", Url),
    ("lienhe@chinhphu.vn", Email),
    ("nguyen_van.a+tin@mail.example.com.vn", Email),
    ("#HàNội", Hashtag),
    ("#covid19", Hashtag),
    ("#Việt_Nam", Hashtag),
    ("@vnexpress", Mention),
    ("@nguyen.van.a", Mention),
    // Abbreviations.
    ("TP.HCM", Abbreviation),
    ("Tp.HCM", Abbreviation),
    ("UBND", Abbreviation),
    ("HĐND", Abbreviation),
    ("TĐKT", Abbreviation),
    ("TP", Abbreviation),
    ("v.v.", Abbreviation),
    ("Q.1", Abbreviation),
    ("P.12", Abbreviation),
    ("PGS.TS", Abbreviation),
    ("PGS.TS.", Abbreviation),
    ("GS.TSKH", Abbreviation),
    ("TS.", Abbreviation),
    ("TP.", Abbreviation),
    ("Th.S", Abbreviation),
    ("Th.S.", Abbreviation),
    ("ThS", Abbreviation),
    ("TTg", Abbreviation),
    ("T.Ư", Abbreviation),
    ("U.S.A.", Abbreviation),
    ("KT-XH", Abbreviation),
    ("QĐ-TTg", Abbreviation),
    ("KH&ĐT", Abbreviation),
    ("LĐ-TB&XH", Abbreviation),
    ("VH-TT&DL", Abbreviation),
    ("HIV/AIDS", Abbreviation),
    ("TT-Huế", Abbreviation),
    ("đ/c", Abbreviation),
    ("WTO", Abbreviation),
    ("TCN", Abbreviation),
    // Punctuation runs.
    ("...", Punctuation),
    ("…", Punctuation),
    ("?!", Punctuation),
    ("!!!", Punctuation),
    ("--", Punctuation),
    ("---------------", Punctuation),
    ("./.", Punctuation),
    (",", Punctuation),
    ("“", Punctuation),
    ("–", Punctuation),
    // Symbols.
    ("%", Symbol),
    ("$", Symbol),
    ("€", Symbol),
    ("©", Symbol),
    ("°", Symbol),
    ("==", Symbol),
    ("&", Symbol),
    ("😀", Symbol),
    ("👍🏽", Symbol),
    ("❤️", Symbol),
    ("👨‍👩‍👧", Symbol),
    ("🇻🇳", Symbol),
    ("#", Symbol),
    ("@", Symbol),
];

#[test]
fn whole_tokens() {
    let mut failures = Vec::new();
    for &(input, kind) in WHOLE {
        let got = tokens(input);
        if got != [(input, kind)] {
            failures.push(format!("{input:?}: want {kind:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// Words glued to punctuation.
t!(
    punctuation_after_words,
    "Hà Nội, (Hà Đông) năm 2019. Xong!",
    [
        ("Hà", Syllable),
        ("Nội", Syllable),
        (",", Punctuation),
        ("(", Punctuation),
        ("Hà", Syllable),
        ("Đông", Syllable),
        (")", Punctuation),
        ("năm", Syllable),
        ("2019", Number),
        (".", Punctuation),
        ("Xong", Syllable),
        ("!", Punctuation),
    ]
);
t!(
    sentences_run_together,
    "năm 2019.Trong khi Nội.Ngày",
    [
        ("năm", Syllable),
        ("2019", Number),
        (".", Punctuation),
        ("Trong", Syllable),
        ("khi", Syllable),
        ("Nội", Syllable),
        (".", Punctuation),
        ("Ngày", Syllable),
    ]
);
t!(
    spaced_hyphen,
    "kinh tế - xã hội",
    [
        ("kinh", Syllable),
        ("tế", Syllable),
        ("-", Punctuation),
        ("xã", Syllable),
        ("hội", Syllable),
    ]
);
t!(
    unspaced_hyphen_between_syllables,
    "Thanh-Hóa, ô-xy, Trung-Nhật",
    [
        ("Thanh", Syllable),
        ("-", Punctuation),
        ("Hóa", Syllable),
        (",", Punctuation),
        ("ô", Syllable),
        ("-", Punctuation),
        ("xy", Syllable),
        (",", Punctuation),
        ("Trung", Syllable),
        ("-", Punctuation),
        ("Nhật", Syllable),
    ]
);
t!(
    abbreviation_then_word,
    "TĐKT-Sở Nội vụ, TP.Hồ Chí Minh, PGS.TS.Nguyễn",
    [
        ("TĐKT", Abbreviation),
        ("-", Punctuation),
        ("Sở", Syllable),
        ("Nội", Syllable),
        ("vụ", Syllable),
        (",", Punctuation),
        ("TP.", Abbreviation),
        ("Hồ", Syllable),
        ("Chí", Syllable),
        ("Minh", Syllable),
        (",", Punctuation),
        ("PGS.TS.", Abbreviation),
        ("Nguyễn", Syllable),
    ]
);
t!(
    sentence_period_after_abbreviation,
    "của UBND. Ở TP.HCM. Hết v.v...",
    [
        ("của", Syllable),
        ("UBND", Abbreviation),
        (".", Punctuation),
        ("Ở", Syllable),
        ("TP.HCM", Abbreviation),
        (".", Punctuation),
        ("Hết", Syllable),
        ("v.v", Abbreviation),
        ("...", Punctuation),
    ]
);
t!(
    initials_are_not_abbreviations,
    "Nguyễn Văn A. J. Smith",
    [
        ("Nguyễn", Syllable),
        ("Văn", Syllable),
        ("A", Syllable),
        (".", Punctuation),
        ("J", Foreign),
        (".", Punctuation),
        ("Smith", Foreign),
    ]
);
t!(
    numbers_never_span_spaces,
    "10 000 người",
    [("10", Number), ("000", Number), ("người", Syllable)]
);
t!(
    ranges_whole,
    "2019-2020, 5-10%, 1.000-3.000, ngày 15-11, 8h30-9h",
    [
        ("2019-2020", Number),
        (",", Punctuation),
        ("5-10%", Number),
        (",", Punctuation),
        ("1.000-3.000", Number),
        (",", Punctuation),
        ("ngày", Syllable),
        ("15-11", Date),
        (",", Punctuation),
        ("8h30", Date),
        ("-", Punctuation),
        ("9h", Date),
    ]
);
t!(
    units_split_from_numbers,
    "5km 100m2 20kg 1st 100.000đ/tháng",
    [
        ("5", Number),
        ("km", Foreign),
        ("100", Number),
        ("m2", Code),
        ("20", Number),
        ("kg", Foreign),
        ("1", Number),
        ("st", Foreign),
        ("100.000", Number),
        ("đ", Foreign),
        ("/", Punctuation),
        ("tháng", Syllable),
    ]
);
t!(
    syllable_glued_to_number,
    "năm2019 Điều15",
    [
        ("năm", Syllable),
        ("2019", Number),
        ("Điều", Syllable),
        ("15", Number),
    ]
);
t!(
    sign_only_after_space,
    "nhiệt độ -2 độ, 3 -2, (-5)",
    [
        ("nhiệt", Syllable),
        ("độ", Syllable),
        ("-2", Number),
        ("độ", Syllable),
        (",", Punctuation),
        ("3", Number),
        ("-2", Number),
        (",", Punctuation),
        ("(", Punctuation),
        ("-5", Number),
        (")", Punctuation),
    ]
);
t!(
    not_dates,
    "31/4/2019 13/13 24.7",
    [
        ("31/4", Number),
        ("/", Punctuation),
        ("2019", Number),
        ("13/13", Number),
        ("24.7", Number),
    ]
);
t!(
    document_number_in_text,
    "Luật số: 06/2012/QH13; Quyết định 72/2002/QĐ-TTg.",
    [
        ("Luật", Syllable),
        ("số", Syllable),
        (":", Punctuation),
        ("06/2012/QH13", Code),
        (";", Punctuation),
        ("Quyết", Syllable),
        ("định", Syllable),
        ("72/2002/QĐ-TTg", Code),
        (".", Punctuation),
    ]
);
t!(
    url_and_email_in_text,
    "Xem https://chinhphu.vn/a?b=1. Gửi lienhe@moh.gov.vn, www.vbc.com.vn)",
    [
        ("Xem", Syllable),
        ("https://chinhphu.vn/a?b=1", Url),
        (".", Punctuation),
        ("Gửi", Syllable),
        ("lienhe@moh.gov.vn", Email),
        (",", Punctuation),
        ("www.vbc.com.vn", Url),
        (")", Punctuation),
    ]
);
t!(
    url_in_brackets,
    "(xem https://a.vn/b_(c)), [www.d.vn].",
    [
        ("(", Punctuation),
        ("xem", Syllable),
        ("https://a.vn/b_(c)", Url),
        (")", Punctuation),
        (",", Punctuation),
        ("[", Punctuation),
        ("www.d.vn", Url),
        ("]", Punctuation),
        (".", Punctuation),
    ]
);
t!(
    hashtags_and_mentions,
    "#1 @ #HàNội @vtv24: C#",
    [
        ("#", Symbol),
        ("1", Number),
        ("@", Symbol),
        ("#HàNội", Hashtag),
        ("@vtv24", Mention),
        (":", Punctuation),
        ("C", Foreign),
        ("#", Symbol),
    ]
);
t!(
    brackets_stand_alone,
    "((a)) “Chung sức”",
    [
        ("(", Punctuation),
        ("(", Punctuation),
        ("a", Syllable),
        (")", Punctuation),
        (")", Punctuation),
        ("“", Punctuation),
        ("Chung", Syllable),
        ("sức", Syllable),
        ("”", Punctuation),
    ]
);
t!(
    symbols,
    "30°C, 100$ + 5€ = ?",
    [
        ("30", Number),
        ("°", Symbol),
        ("C", Foreign),
        (",", Punctuation),
        ("100", Number),
        ("$", Symbol),
        ("+", Symbol),
        ("5", Number),
        ("€", Symbol),
        ("=", Symbol),
        ("?", Punctuation),
    ]
);
t!(
    quarter_and_roman,
    "quý II/2019, Chương IV",
    [
        ("quý", Syllable),
        ("II/2019", Date),
        (",", Punctuation),
        ("Chương", Syllable),
        ("IV", Number),
    ]
);
t!(
    calendar_line,
    "CN T2 T3",
    [("CN", Abbreviation), ("T2", Code), ("T3", Code)]
);
t!(
    apostrophe_as_quote,
    "'Hà Nội' là",
    [
        ("'", Punctuation),
        ("Hà", Syllable),
        ("Nội", Syllable),
        ("'", Punctuation),
        ("là", Syllable),
    ]
);
t!(
    whitespace_of_all_kinds,
    "\u{00A0}Hà\u{3000}Nội\t\r\n",
    [("Hà", Syllable), ("Nội", Syllable)]
);
t!(empty, "", []);
t!(only_spaces, " \n\u{2003} ", []);

#[test]
fn spans_point_into_the_input() {
    let text = "Ngày 24/7/2019, tại TP Hạ Long";
    for t in pretokenize(text) {
        assert_eq!(&text[t.span.range()], t.text);
    }
    let t: Vec<PreToken<'_>> = pretokenize(text).collect();
    assert_eq!((t[1].span.start, t[1].span.end), (6, 15));
}

#[test]
fn rest_is_what_is_left() {
    let mut it = pretokenize("Hà Nội.");
    it.next();
    assert_eq!(it.rest(), " Nội.");
}

fn seed() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/seed_article.txt");
    std::fs::read_to_string(path).expect("read corpus/seed_article.txt")
}

#[test]
fn seed_article() {
    let text = seed();
    let toks = tokens(&text);
    let has = |tok: &str, kind: PreTokenKind| toks.contains(&(tok, kind));
    for (tok, kind) in [
        ("24/7/2019", Date),
        ("25/07/2019", Date),
        ("TP", Abbreviation),
        ("UBND", Abbreviation),
        ("8%", Number),
        ("./.", Punctuation),
        ("TĐKT", Abbreviation),
        ("T2", Code),
        ("CN", Abbreviation),
        ("“", Punctuation),
    ] {
        assert!(has(tok, kind), "{tok:?} as {kind:?}");
    }
    // Every letter token of the article is a Vietnamese syllable or an abbreviation.
    assert!(
        toks.iter().all(|&(_, k)| k != Foreign),
        "{:?}",
        toks.iter().filter(|t| t.1 == Foreign).collect::<Vec<_>>()
    );
    // "Hồng./." ends the text body: the word, then the end mark.
    let at = toks.iter().position(|t| t.0 == "./.").unwrap();
    assert_eq!(toks[at - 1], ("Hồng", Syllable));
    // "TP Hạ Long": the abbreviation, then the two syllables.
    let at = toks.iter().position(|t| t.0 == "TP").unwrap();
    assert_eq!(
        &toks[at..at + 3],
        [("TP", Abbreviation), ("Hạ", Syllable), ("Long", Syllable)]
    );
}

/// The `text` fields of a bundled JSONL corpus.
fn corpus_texts(rel: &str) -> Vec<String> {
    let path = format!("{}/corpus/{rel}", env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect()
}

/// Checks the invariants of the token stream of `text` (see [`check`]).
fn check_invariants(text: &str) -> Result<(), String> {
    let mut at = 0;
    for t in pretokenize(text) {
        let (s, e) = (t.span.start, t.span.end);
        if s < at || e <= s {
            return Err(format!("span {s}..{e} after {at}"));
        }
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            return Err(format!("span {s}..{e} off a char boundary"));
        }
        if &text[s..e] != t.text {
            return Err(format!("text {:?} is not the span {s}..{e}", t.text));
        }
        if t.text.chars().any(char::is_whitespace) {
            return Err(format!("whitespace inside {:?}", t.text));
        }
        if let Some(c) = text[at..s].chars().find(|c| !c.is_whitespace()) {
            return Err(format!("{c:?} before {s} is in no token"));
        }
        at = e;
    }
    if let Some(c) = text[at..].chars().find(|c| !c.is_whitespace()) {
        return Err(format!("{c:?} after the last token is in no token"));
    }
    Ok(())
}

#[test]
fn corpus_tokens_cover_the_text() {
    for rel in ["vlc-laws/sample.jsonl", "cc-by-sa/viwiki-2017-sample.jsonl"] {
        let texts = corpus_texts(rel);
        assert!(!texts.is_empty(), "{rel}");
        for text in &texts {
            let norm = vntext::normalize::normalize(text);
            check_invariants(&norm).unwrap();
            check_invariants(text).unwrap();
        }
    }
}

#[test]
fn corpus_kinds() {
    let texts = corpus_texts("vlc-laws/sample.jsonl");
    let text = vntext::normalize::normalize(&texts[0]).into_owned();
    let toks = tokens(&text);
    for (tok, kind) in [
        ("06/2012/QH13", Code),
        ("51/2001/QH10", Code),
        ("18", Number),
        ("Luật", Syllable),
    ] {
        assert!(toks.contains(&(tok, kind)), "{tok:?} as {kind:?}");
    }
    // Syllables are most of a Vietnamese statute.
    let syllables = toks.iter().filter(|t| t.1 == Syllable).count();
    assert!(
        syllables * 10 > toks.len() * 8,
        "{syllables} of {}",
        toks.len()
    );
}

#[test]
fn types_are_send_sync() {
    fn is<T: Send + Sync + Clone>() {}
    is::<PreToken<'static>>();
    is::<vntext::segment::PreTokens<'static>>();
}

/// Pieces of text that exercise every path of the scanner.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "Hà",
            "Nội",
            "TP.HCM",
            "v.v.",
            "Q.1",
            "UBND",
            "24/7/2019",
            "8h30",
            "10.000",
            "3,5%",
            "72/2002/QĐ-TTg",
            "COVID-19",
            "https://a.vn/x",
            "a@b.vn",
            "#tag",
            "@me",
            "./.",
            "...",
            "?!",
            "--",
            "“",
            "”",
            "(",
            ")",
            "-",
            "+",
            ".",
            ",",
            "/",
            ":",
            "&",
            "'",
            "’",
            "%",
            "😀",
            "\u{200D}",
            "\u{FE0F}",
            "🇻",
            "\u{0301}",
            "²",
            "e\u{0301}",
            "\u{00A0}",
            " ",
            "\n",
            "\u{3000}",
            "www.",
            "http://",
            "0",
            "12",
            "h",
            "m",
            "Ư",
            "đ",
            "x",
            "IV",
        ])
        .prop_map(str::to_string),
        "\\PC{0,3}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn tokens_cover_arbitrary_text(s in "\\PC*") {
        prop_assert_eq!(check_invariants(&s), Ok(()));
    }

    #[test]
    fn tokens_cover_pieced_text(parts in prop::collection::vec(piece(), 0..24)) {
        let s = parts.concat();
        prop_assert_eq!(check_invariants(&s), Ok(()));
    }

    #[test]
    fn tokens_cover_any_chars(s in any::<String>()) {
        prop_assert_eq!(check_invariants(&s), Ok(()));
    }
}

/// Long runs of what joins or repeats: every one must be read in one pass over the text (a
/// quadratic scan would make this test crawl).
#[test]
fn long_runs_cover_the_text() {
    let n = 20_000;
    let cases = [
        "a-".repeat(n),
        "Hà-".repeat(n),
        "1.".repeat(n),
        "1/".repeat(n),
        "TP.".repeat(n),
        "a_".repeat(n),
        "a.".repeat(n) + "@b.vn",
        "ab.".repeat(n) + "vn",
        "x".repeat(4 * n),
        "ạ".repeat(4 * n),
        "8h".repeat(n),
        "#".repeat(4 * n),
        "#a".repeat(n),
        "@a.".repeat(n),
        ".".repeat(4 * n),
        "-".repeat(4 * n),
        "\u{200D}😀".repeat(n),
        "🇻".repeat(n),
        "https://".to_string() + &"a(".repeat(n),
        "https://a".to_string() + &")".repeat(4 * n),
        "https://a".to_string() + &".)".repeat(n),
        "www.".repeat(n),
        "e\u{301}".repeat(n),
    ];
    for text in &cases {
        check_invariants(text).unwrap_or_else(|e| panic!("{}…: {e}", &text[..12]));
    }
}
