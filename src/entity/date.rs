//! The date grammar: full and partial dates, ranges, periods (halves, quarters, the first or
//! last months of a year), weekdays, lunar dates and deictic forms, with their values.

use std::sync::LazyLock;

use serde::Serialize;

use super::calendar::Day;
use super::tokens::{Gap, Tok, W, small_number};
use crate::segment::PreTokenKind;
use crate::segment::model::Shape;

/// How precise a date value is.
///
/// ```
/// use vntext::entity::{Extractor, Grain, Value};
///
/// let grains: Vec<Grain> = Extractor::new()
///     .extract("quý II/2019 và 6 tháng đầu năm 2020")
///     .into_iter()
///     .filter_map(|e| match e.value {
///         Value::Date(d) => Some(d.grain),
///         _ => None,
///     })
///     .collect();
/// assert_eq!(grains, [Grain::Quarter, Grain::HalfYear]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Grain {
    /// One day.
    #[default]
    Day,
    /// A calendar month.
    Month,
    /// A quarter.
    Quarter,
    /// The first or second half of a year.
    HalfYear,
    /// A calendar year.
    Year,
    /// From one date to another.
    Range,
    /// Another span (the first nine months of a year, a decade, a week).
    Period,
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The value of a date: an inclusive ISO range when it is known, else what is known.
///
/// ```
/// use vntext::entity::{Day, Extractor, Grain, Value};
///
/// let x = Extractor::new();
/// let Value::Date(d) = &x.extract("trong tháng 7/2019")[0].value else { panic!() };
/// assert_eq!(d.grain, Grain::Month);
/// assert_eq!((d.from, d.to), (Day::new(2019, 7, 1), Day::new(2019, 7, 31)));
///
/// // Without a year, what is written is kept as a partial ISO date.
/// let Value::Date(d) = &x.extract("ngày 24/7")[0].value else { panic!() };
/// assert_eq!((d.from, d.partial.as_deref()), (None, Some("--07-24")));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DateValue {
    /// First day (inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Day>,
    /// Last day (inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Day>,
    /// How precise it is.
    pub grain: Grain,
    /// When the year is unknown: `--MM-DD`, `--MM` or a range of those (`--07-24/--07-26`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<String>,
    /// A period whose year is unknown: `first-half`, `second-half`, `Q1` … `Q4`,
    /// `first-9-months`, `last-3-months`, `early`, `late`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Relative forms: `-1d`, `0d`, `+1w`, `-1m`, `-1y`, `weekday` … (resolved into
    /// `from`/`to` only against a reference date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative: Option<String>,
    /// A lunar-calendar date as written (`--01-15`, `2020-01-01`, `--08`): not converted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lunar: Option<String>,
    /// The weekday named with it (`Mon` … `Sun`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<&'static str>,
    /// Part of the day or of the period: `morning`, `noon`, `afternoon`, `evening`, `night`,
    /// `early`, `middle`, `late`, `same-period`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<&'static str>,
    /// A clock time written with the date (`14:30`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Day, month and year as far as they are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Parts {
    d: Option<u32>,
    m: Option<u32>,
    y: Option<i32>,
}

impl Parts {
    fn valid(&self) -> bool {
        match (self.d, self.m) {
            (Some(d), Some(m)) => Day::new(self.y.unwrap_or(2000), m, d).is_some(),
            (Some(d), None) => (1..=31).contains(&d),
            (None, Some(m)) => (1..=12).contains(&m),
            (None, None) => false,
        }
    }
}

/// What a date mention says, before its year is filled from the context and relative forms
/// are resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Spec {
    Day(Parts),
    DayRange(Parts, Parts),
    Month {
        m: u32,
        y: Option<i32>,
    },
    MonthRange {
        m1: u32,
        y1: i32,
        m2: u32,
        y2: i32,
    },
    Year(i32),
    YearRange(i32, i32),
    FirstMonths {
        n: u32,
        y: Option<i32>,
    },
    LastMonths {
        n: u32,
        y: Option<i32>,
    },
    Quarter {
        q: u32,
        y: Option<i32>,
    },
    Half {
        h: u32,
        y: Option<i32>,
    },
    Decade(i32),
    /// Unit `d`, `w`, `m` or `y`, count.
    Relative {
        unit: u8,
        n: i32,
    },
    Weekday {
        wd: u32,
        date: Option<Parts>,
        week: i32,
    },
    Lunar {
        d: Option<u32>,
        m: Option<u32>,
        y: Option<i32>,
    },
}

impl Spec {
    /// The year written in the mention.
    fn year(&self) -> Option<i32> {
        match *self {
            Spec::Day(p) => p.y,
            Spec::DayRange(_, b) => b.y,
            Spec::Month { y, .. }
            | Spec::FirstMonths { y, .. }
            | Spec::LastMonths { y, .. }
            | Spec::Quarter { y, .. }
            | Spec::Half { y, .. } => y,
            Spec::Year(y) => Some(y),
            Spec::YearRange(_, b) => Some(b),
            Spec::MonthRange { y2, .. } => Some(y2),
            Spec::Weekday { date, .. } => date.and_then(|p| p.y),
            _ => None,
        }
    }

    /// A period that takes its year from the sentence when it has none.
    fn wants_year(&self) -> bool {
        matches!(
            *self,
            Spec::FirstMonths { y: None, .. }
                | Spec::LastMonths { y: None, .. }
                | Spec::Quarter { y: None, .. }
                | Spec::Half { y: None, .. }
        )
    }
}

/// A date mention: token range `start..end` and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub spec: Spec,
    pub part: Option<&'static str>,
    pub time: Option<String>,
}

/// Finds the date mentions in `toks`.
pub(crate) fn scan(toks: &[Tok<'_>], out: &mut Vec<DateMatch>) {
    let mut i = 0;
    while i < toks.len() {
        match at(toks, i) {
            Some(mut m) => {
                decorate(toks, &mut m);
                i = m.end.max(i + 1);
                out.push(m);
            }
            None => i += 1,
        }
    }
}

/// Fills the year of periods written without one from the nearest date with a year in the same
/// sentence, then resolves every mention to its value.
pub(crate) fn resolve_all(
    toks: &[Tok<'_>],
    found: &[DateMatch],
    reference: Option<Day>,
) -> Vec<DateValue> {
    let sentence = sentence_ids(toks);
    found
        .iter()
        .map(|m| {
            let mut spec = m.spec;
            if spec.wants_year() {
                let s = sentence[m.start];
                let year = found
                    .iter()
                    .filter(|o| sentence[o.start] == s && o.spec.year().is_some())
                    .min_by_key(|o| o.start.abs_diff(m.start))
                    .and_then(|o| o.spec.year());
                if let Some(y) = year {
                    spec = with_year(spec, y);
                }
            }
            let mut v = resolve(spec, reference);
            if m.part.is_some() && v.part.is_none() {
                v.part = m.part;
            }
            v.time.clone_from(&m.time);
            v
        })
        .collect()
}

fn with_year(spec: Spec, year: i32) -> Spec {
    let y = Some(year);
    match spec {
        Spec::FirstMonths { n, .. } => Spec::FirstMonths { n, y },
        Spec::LastMonths { n, .. } => Spec::LastMonths { n, y },
        Spec::Quarter { q, .. } => Spec::Quarter { q, y },
        Spec::Half { h, .. } => Spec::Half { h, y },
        other => other,
    }
}

/// A sentence number per token: sentences end at `.`, `!`, `?` and line breaks.
fn sentence_ids(toks: &[Tok<'_>]) -> Vec<u32> {
    let mut id = 0;
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        if t.gap == Gap::Line {
            id += 1;
        }
        out.push(id);
        if t.kind == PreTokenKind::Punctuation && t.text.contains(['.', '!', '?']) {
            id += 1;
        }
    }
    out
}

fn span(a: Day, b: Day, grain: Grain) -> DateValue {
    DateValue {
        from: Some(a),
        to: Some(b),
        grain,
        ..DateValue::default()
    }
}

fn month_span(y: i32, m: u32, grain: Grain) -> DateValue {
    span(
        Day {
            year: y,
            month: m,
            day: 1,
        },
        Day::month_end(y, m),
        grain,
    )
}

fn months(y: i32, first: u32, last: u32, grain: Grain) -> DateValue {
    span(
        Day {
            year: y,
            month: first,
            day: 1,
        },
        Day::month_end(y, last),
        grain,
    )
}

fn partial_day(p: Parts) -> String {
    match (p.m, p.d) {
        (Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
        (Some(m), None) => format!("--{m:02}"),
        (None, Some(d)) => format!("---{d:02}"),
        (None, None) => String::new(),
    }
}

/// The value of a mention.
pub(crate) fn resolve(spec: Spec, reference: Option<Day>) -> DateValue {
    let ref_year = reference.map(|r| r.year);
    match spec {
        Spec::Day(p) => match (p.y.or(ref_year), p.m, p.d) {
            (Some(y), Some(m), Some(d)) => match Day::new(y, m, d) {
                Some(day) => span(day, day, Grain::Day),
                None => DateValue {
                    partial: Some(partial_day(p)),
                    ..DateValue::default()
                },
            },
            _ => DateValue {
                partial: Some(partial_day(p)),
                ..DateValue::default()
            },
        },
        Spec::DayRange(a, b) => {
            let a = Parts {
                d: a.d,
                m: a.m.or(b.m),
                y: a.y.or(b.y),
            };
            let y = b.y.or(ref_year);
            let days = y.and_then(|y| {
                let from = Day::new(a.y.unwrap_or(y), a.m?, a.d?)?;
                let to = Day::new(y, b.m?, b.d?)?;
                (from <= to).then_some((from, to))
            });
            match days {
                Some((from, to)) => span(from, to, Grain::Range),
                None => DateValue {
                    grain: Grain::Range,
                    partial: Some(format!("{}/{}", partial_day(a), partial_day(b))),
                    ..DateValue::default()
                },
            }
        }
        Spec::Month { m, y } => match y.or(ref_year) {
            Some(y) => month_span(y, m, Grain::Month),
            None => DateValue {
                grain: Grain::Month,
                partial: Some(format!("--{m:02}")),
                ..DateValue::default()
            },
        },
        Spec::Year(y) => months(y, 1, 12, Grain::Year),
        Spec::MonthRange { m1, y1, m2, y2 } => span(
            Day {
                year: y1,
                month: m1,
                day: 1,
            },
            Day::month_end(y2, m2),
            Grain::Range,
        ),
        Spec::YearRange(a, b) => span(
            Day {
                year: a,
                month: 1,
                day: 1,
            },
            Day::month_end(b, 12),
            Grain::Range,
        ),
        Spec::FirstMonths { n, y } => {
            let grain = if n == 6 {
                Grain::HalfYear
            } else {
                Grain::Period
            };
            match y {
                Some(y) => months(y, 1, n, grain),
                None => DateValue {
                    grain,
                    period: Some(if n == 6 {
                        "first-half".into()
                    } else {
                        format!("first-{n}-months")
                    }),
                    ..DateValue::default()
                },
            }
        }
        Spec::LastMonths { n, y } => {
            let grain = if n == 6 {
                Grain::HalfYear
            } else {
                Grain::Period
            };
            match y {
                Some(y) => months(y, 13 - n, 12, grain),
                None => DateValue {
                    grain,
                    period: Some(if n == 6 {
                        "second-half".into()
                    } else {
                        format!("last-{n}-months")
                    }),
                    ..DateValue::default()
                },
            }
        }
        Spec::Quarter { q, y } => match y {
            Some(y) => months(y, 3 * q - 2, 3 * q, Grain::Quarter),
            None => DateValue {
                grain: Grain::Quarter,
                period: Some(format!("Q{q}")),
                ..DateValue::default()
            },
        },
        Spec::Half { h, y } => match y {
            Some(y) => months(y, 6 * h - 5, 6 * h, Grain::HalfYear),
            None => DateValue {
                grain: Grain::HalfYear,
                period: Some(if h == 1 { "first-half" } else { "second-half" }.into()),
                ..DateValue::default()
            },
        },
        Spec::Decade(y) => span(
            Day {
                year: y,
                month: 1,
                day: 1,
            },
            Day::month_end(y + 9, 12),
            Grain::Period,
        ),
        Spec::Relative { unit, n } => {
            let rel = format!("{}{}{}", if n > 0 { "+" } else { "" }, n, unit as char);
            let mut v = match (reference, unit) {
                (Some(r), b'd') => {
                    let d = r.add_days(i64::from(n));
                    span(d, d, Grain::Day)
                }
                (Some(r), b'w') => {
                    let monday = r.add_days(7 * i64::from(n) - i64::from(r.weekday()));
                    span(monday, monday.add_days(6), Grain::Period)
                }
                (Some(r), b'm') => {
                    let d = r.add_months(n);
                    month_span(d.year, d.month, Grain::Month)
                }
                (Some(r), _) => months(r.year + n, 1, 12, Grain::Year),
                (None, u) => DateValue {
                    grain: match u {
                        b'd' => Grain::Day,
                        b'm' => Grain::Month,
                        b'y' => Grain::Year,
                        _ => Grain::Period,
                    },
                    ..DateValue::default()
                },
            };
            v.relative = Some(rel);
            v
        }
        Spec::Weekday { wd, date, week } => {
            let mut v = match date {
                Some(p) => resolve(Spec::Day(p), reference),
                None => {
                    let mut v = match reference {
                        Some(r) => {
                            let d = r.add_days(
                                7 * i64::from(week) + i64::from(wd) - i64::from(r.weekday()),
                            );
                            span(d, d, Grain::Day)
                        }
                        None => DateValue::default(),
                    };
                    v.relative = Some(if week == 0 {
                        "weekday".into()
                    } else {
                        format!("weekday{}{week}w", if week > 0 { "+" } else { "" })
                    });
                    v
                }
            };
            v.weekday = Some(WEEKDAYS[wd as usize]);
            v
        }
        Spec::Lunar { d, m, y } => {
            let lunar = match (y, m, d) {
                (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
                (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
                (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
                (None, Some(m), None) => format!("--{m:02}"),
                _ => String::new(),
            };
            DateValue {
                grain: if d.is_some() {
                    Grain::Day
                } else {
                    Grain::Month
                },
                lunar: Some(lunar),
                ..DateValue::default()
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The grammar.

fn get<'t, 'a>(toks: &'t [Tok<'a>], i: usize) -> Option<&'t Tok<'a>> {
    toks.get(i)
}

fn is(toks: &[Tok<'_>], i: usize, w: W) -> bool {
    toks.get(i).is_some_and(|t| t.is(w))
}

fn punct(toks: &[Tok<'_>], i: usize, p: &str) -> bool {
    toks.get(i).is_some_and(|t| t.text == p)
}

fn is_dash(toks: &[Tok<'_>], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| matches!(t.text, "-" | "–" | "—"))
}

/// A year written with 4 digits (or 3 after `năm`).
fn year_of(t: &Tok<'_>, three: bool) -> Option<i32> {
    let n = t.number()?;
    let ok = if three {
        t.text.len() >= 3 && n >= 100
    } else {
        t.text.len() == 4 && (1000..=2999).contains(&n)
    };
    ok.then_some(n as i32)
}

/// The numbers of a token like `24/7/2019`, `24-7`, `24.7.2019`, `I/2020`: up to 3 parts, one
/// separator kind. Roman numerals I–IV are read in the first part.
fn parts_of(text: &str) -> Option<(Vec<u32>, char)> {
    let sep = text.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let mut out = Vec::with_capacity(3);
    for (k, p) in text.split(sep).enumerate() {
        let v = match small_number(p) {
            Some(v) => v,
            None if k == 0 => roman(p)?,
            None => return None,
        };
        out.push(v);
    }
    (2..=3).contains(&out.len()).then_some((out, sep))
}

fn roman(s: &str) -> Option<u32> {
    match s {
        "I" => Some(1),
        "II" => Some(2),
        "III" => Some(3),
        "IV" => Some(4),
        _ => None,
    }
}

fn number_word(t: &Tok<'_>) -> Option<u32> {
    if let Some(n) = t.number() {
        return Some(n);
    }
    [
        (W::Mot, 1),
        (W::Hai, 2),
        (W::Ba, 3),
        (W::Bon, 4),
        (W::Sau6, 6),
        (W::Bay, 7),
        (W::Chin, 9),
        (W::Muoi, 10),
    ]
    .iter()
    .find(|(w, _)| t.exact == w.keys().0)
    .map(|&(_, n)| n)
}

/// A date-like token (`24/7/2019`, `24/7`, `7/2019`).
fn is_datey(t: &Tok<'_>) -> bool {
    matches!(t.kind, PreTokenKind::Date | PreTokenKind::Number)
}

/// A day expression at `i`: `24/7/2019`, `24-7-2019`, `24.7.2019`, `24/7`, `24 tháng 7 năm
/// 2019`, `24 tháng 7`, `24 - 7` (with `loose`), or a bare day number `24`.
fn day_at(toks: &[Tok<'_>], i: usize, loose: bool) -> Option<(usize, Parts)> {
    let t = get(toks, i)?;
    if !is_datey(t) {
        return None;
    }
    if let Some((p, _)) = parts_of(t.text) {
        let parts = match p[..] {
            [d, m, y] if (1000..=2999).contains(&y) => Parts {
                d: Some(d),
                m: Some(m),
                y: Some(y as i32),
            },
            [d, m] if m <= 12 && t.text.split(['/', '-', '.']).nth(1)?.len() <= 2 => Parts {
                d: Some(d),
                m: Some(m),
                y: None,
            },
            _ => return None,
        };
        if !parts.valid() {
            return None;
        }
        return Some((i + 1, parts));
    }
    let d = t.number()?;
    if !(1..=31).contains(&d) || t.text.len() > 2 {
        return None;
    }
    // Long form: 24 tháng 7 [năm 2019].
    if is(toks, i + 1, W::Thang)
        && let Some(m) = get(toks, i + 2).and_then(|t| t.number())
    {
        let mut parts = Parts {
            d: Some(d),
            m: Some(m),
            y: None,
        };
        let mut end = i + 3;
        if is(toks, end, W::Nam)
            && let Some(y) = get(toks, end + 1).and_then(|t| year_of(t, true))
        {
            parts.y = Some(y);
            end += 2;
        } else if punct(toks, end, "/")
            && let Some(y) = get(toks, end + 1).and_then(|t| year_of(t, false))
        {
            parts.y = Some(y);
            end += 2;
        }
        return parts.valid().then_some((end, parts));
    }
    // Spaced day-month of tokenized corpora: 24 - 7.
    if loose
        && is_dash(toks, i + 1)
        && let Some(m) = get(toks, i + 2).and_then(|t| t.number())
        && (1..=12).contains(&m)
        && get(toks, i + 2).is_some_and(|t| t.text.len() <= 2)
    {
        let parts = Parts {
            d: Some(d),
            m: Some(m),
            y: None,
        };
        return parts.valid().then_some((i + 3, parts));
    }
    Some((
        i + 1,
        Parts {
            d: Some(d),
            m: None,
            y: None,
        },
    ))
}

fn found(start: usize, end: usize, spec: Spec) -> Option<DateMatch> {
    Some(DateMatch {
        start,
        end,
        spec,
        part: None,
        time: None,
    })
}

/// After a day expression ending at `e`: a range joined by `đến`/`tới` (one mention when the
/// first part is incomplete) or by a dash (always one mention).
fn with_range(toks: &[Tok<'_>], start: usize, e: usize, first: Parts) -> Option<DateMatch> {
    let dash = is_dash(toks, e);
    let word = is(toks, e, W::Den) || is(toks, e, W::Toi);
    if dash || word && first.m.is_none() {
        let mut j = e + 1;
        if is(toks, j, W::Ngay) {
            j += 1;
        }
        if let Some((end, second)) = day_at(toks, j, true)
            && second.m.is_some()
        {
            return found(start, end, Spec::DayRange(first, second));
        }
    }
    first.m?;
    found(start, e, Spec::Day(first))
}

/// Words that announce a bare `d/m` as a date.
const DAY_CUES: &[W] = &[
    W::Ngay,
    W::Sang,
    W::Chieu,
    W::Trua,
    W::Toi3,
    W::Dem,
    W::Hom,
    W::Tu,
    W::Den,
    W::Toi,
    W::Luc,
    W::Vao,
    W::Dip,
    W::Le,
    W::Khanh,
    W::Het,
    W::Nay,
];

fn at(toks: &[Tok<'_>], i: usize) -> Option<DateMatch> {
    let t = &toks[i];
    if t.is_word() || weekday_abbrev(t).is_some() {
        return at_word(toks, i);
    }
    if !is_datey(t) {
        return None;
    }
    // Year ranges: 2021-2025, 1955–1987.
    if let Some(m) = year_range(toks, i) {
        return Some(m);
    }
    // 24-26/7[/2019]: a day range in one token plus the month.
    if let Some((p, '-')) = parts_of(t.text)
        && let [a, b] = p[..]
        && punct(toks, i + 1, "/")
        && let Some((end, second)) = day_at_month_tail(toks, i + 2, b)
    {
        let first = Parts {
            d: Some(a),
            m: None,
            y: None,
        };
        if a < b {
            return found(i, end, Spec::DayRange(first, second));
        }
    }
    if let Some((p, _)) = parts_of(t.text) {
        // m/yyyy
        if let [m, y] = p[..]
            && (1..=12).contains(&m)
            && (1000..=2999).contains(&y)
            && t.text
                .split(['/', '-', '.'])
                .nth(1)
                .is_some_and(|s| s.len() == 4)
        {
            // 7/1997-3/1998
            if is_dash(toks, i + 1)
                && let Some(n) = get(toks, i + 2)
                && let Some((q, '/')) = parts_of(n.text)
                && let [m2, y2] = q[..]
                && (1..=12).contains(&m2)
                && (y, m) <= (y2, m2)
                && y2 - y <= 200
            {
                return found(
                    i,
                    i + 3,
                    Spec::MonthRange {
                        m1: m,
                        y1: y as i32,
                        m2,
                        y2: y2 as i32,
                    },
                );
            }
            return found(
                i,
                i + 1,
                Spec::Month {
                    m,
                    y: Some(y as i32),
                },
            );
        }
        let cue = i > 0
            && (toks[i - 1].is_any(DAY_CUES) || toks[i - 1].text == "(" && weekday_before(toks, i));
        let (end, parts) = day_at(toks, i, true)?;
        if parts.y.is_some() {
            return with_range(toks, i, end, parts);
        }
        // d/m needs a cue before it or a range after it.
        let range_after = (is(toks, end, W::Den) || is(toks, end, W::Toi) || is_dash(toks, end))
            && get(toks, end + 1).is_some_and(|n| {
                day_at(toks, end + 1, false).is_some_and(|(_, p)| p.m.is_some()) && is_datey(n)
            });
        if cue || range_after {
            return with_range(toks, i, end, parts);
        }
        return None;
    }
    // Spaced d - m (tokenized text) after a cue.
    if i > 0
        && toks[i - 1].is_any(&[W::Tu, W::Den, W::Toi, W::Ngay])
        && let Some((end, parts)) = day_at(toks, i, true)
        && parts.m.is_some()
    {
        return with_range(toks, i, end, parts);
    }
    // Periods: 6 tháng đầu năm 2019, 9 tháng năm 2020.
    if let Some(m) = period_months(toks, i, i) {
        return Some(m);
    }
    // 9 tháng 1, 28 Tháng Năm, 24 tháng 7 năm 2019 (without ngày).
    if is(toks, i + 1, W::Thang)
        && let Some(d) = t
            .number()
            .filter(|d| (1..=31).contains(d) && t.text.len() <= 2)
        && let Some((end, m)) = month_number(toks, i + 2)
    {
        let mut parts = Parts {
            d: Some(d),
            m: Some(m),
            y: None,
        };
        let mut end = end;
        if is(toks, end, W::Nam)
            && let Some(y) = get(toks, end + 1).and_then(|t| year_of(t, true))
        {
            parts.y = Some(y);
            end += 2;
        }
        if parts.valid() {
            return found(i, end, Spec::Day(parts));
        }
    }
    // A bare year where a date is expected: (1935), từ 2002 đến 2007, mất 1806, a list item
    // `1928 - …`.
    let y = year_of(t, false).filter(|y| (1000..=2100).contains(y))?;
    let prev = i
        .checked_sub(1)
        .map(|k| &toks[k])
        .filter(|_| t.gap != Gap::Line);
    let next = get(toks, i + 1);
    let cue_before = prev.is_some_and(|p| {
        p.is_any(&[W::Tu, W::Den, W::Toi, W::Mat, W::Sinh]) || matches!(p.text, "(" | "m." | "s.")
    });
    let cue_after = next.is_some_and(|n| {
        n.gap != Gap::Line && (n.is(W::Den) || n.is(W::Toi) || matches!(n.text, ")" | ";"))
    });
    let line_item =
        (i == 0 || t.gap == Gap::Line) && next.is_some_and(|n| matches!(n.text, "-" | "–" | ":"));
    let unit_after = next
        .is_some_and(|n| n.is_word() && n.shape == Shape::Lower && !n.is(W::Den) && !n.is(W::Toi));
    ((cue_before || cue_after || line_item) && !unit_after)
        .then(|| found(i, i + 1, Spec::Year(y)))?
}

/// A month after `tháng`: a number (1–12) or a capitalized month name (Tháng Năm, Tháng Chạp).
fn month_number(toks: &[Tok<'_>], j: usize) -> Option<(usize, u32)> {
    let t = get(toks, j)?;
    if let Some(m) = t
        .number()
        .filter(|m| (1..=12).contains(m) && t.text.len() <= 2)
    {
        return Some((j + 1, m));
    }
    if !t.capitalized() {
        return None;
    }
    if t.is(W::Muoi) {
        if is(toks, j + 1, W::Mot) {
            return Some((j + 2, 11));
        }
        if is(toks, j + 1, W::Hai) {
            return Some((j + 2, 12));
        }
        return Some((j + 1, 10));
    }
    [
        (W::Gieng, 1),
        (W::Hai, 2),
        (W::Ba, 3),
        (W::Tu4, 4),
        (W::Nam, 5),
        (W::Sau6, 6),
        (W::Bay, 7),
        (W::Tam, 8),
        (W::Chin, 9),
        (W::Chap, 12),
    ]
    .iter()
    .find(|(w, _)| t.exact == w.keys().0)
    .map(|&(_, m)| (j + 1, m))
}

fn weekday_before(toks: &[Tok<'_>], i: usize) -> bool {
    i >= 3 && weekday_word(toks, i - 3).is_some()
}

/// `b` (already read) then `/m` or `/m/yyyy` continuing at `j` (which is the month token).
fn day_at_month_tail(toks: &[Tok<'_>], j: usize, d: u32) -> Option<(usize, Parts)> {
    let t = get(toks, j)?;
    if let Some(m) = t.number() {
        let mut parts = Parts {
            d: Some(d),
            m: Some(m),
            y: None,
        };
        let mut end = j + 1;
        if punct(toks, end, "/")
            && let Some(y) = get(toks, end + 1).and_then(|t| year_of(t, false))
        {
            parts.y = Some(y);
            end += 2;
        }
        return parts.valid().then_some((end, parts));
    }
    // 7/2019 as one token.
    let (p, '/') = parts_of(t.text)? else {
        return None;
    };
    let [m, y] = p[..] else { return None };
    let parts = Parts {
        d: Some(d),
        m: Some(m),
        y: Some(y as i32),
    };
    ((1000..=2999).contains(&y) && parts.valid()).then_some((j + 1, parts))
}

fn year_range(toks: &[Tok<'_>], i: usize) -> Option<DateMatch> {
    let t = &toks[i];
    let ok = |a: u32, b: u32| (1000..=2999).contains(&a) && a < b && b - a <= 200;
    if let Some((p, '-')) = parts_of(t.text)
        && let [a, b] = p[..]
        && t.text.len() == 9
        && ok(a, b)
    {
        return found(i, i + 1, Spec::YearRange(a as i32, b as i32));
    }
    let a = year_of(t, false)?;
    if is_dash(toks, i + 1)
        && let Some(b) = get(toks, i + 2).and_then(|t| year_of(t, false))
        && ok(a as u32, b as u32)
    {
        return found(i, i + 3, Spec::YearRange(a, b));
    }
    None
}

/// `N tháng đầu năm [Y]`, `N tháng cuối năm [Y]`, `N tháng năm Y` with N at `i`.
fn period_months(toks: &[Tok<'_>], start: usize, i: usize) -> Option<DateMatch> {
    let n = number_word(get(toks, i)?)?;
    if !(1..=12).contains(&n) || !is(toks, i + 1, W::Thang) {
        return None;
    }
    let (first, j) = if is(toks, i + 2, W::Dau) {
        (true, i + 3)
    } else if is(toks, i + 2, W::Cuoi) {
        (false, i + 3)
    } else if is(toks, i + 2, W::Nam)
        && let Some(y) = get(toks, i + 3).and_then(|t| year_of(t, false))
    {
        return found(start, i + 4, Spec::FirstMonths { n, y: Some(y) });
    } else {
        return None;
    };
    if !is(toks, j, W::Nam) {
        return None;
    }
    let (y, end) = match get(toks, j + 1).and_then(|t| year_of(t, false)) {
        Some(y) => (Some(y), j + 2),
        None => (None, j + 1),
    };
    let spec = if first {
        Spec::FirstMonths { n, y }
    } else {
        Spec::LastMonths { n, y }
    };
    found(start, end, spec)
}

fn weekday_word(toks: &[Tok<'_>], i: usize) -> Option<(usize, u32)> {
    let t = get(toks, i)?;
    if t.is(W::Chu) && is(toks, i + 1, W::Nhat) {
        return Some((i + 2, 6));
    }
    if !t.is(W::Thu) {
        return None;
    }
    let n = get(toks, i + 1)?;
    let wd = [
        (W::Hai, 0),
        (W::Ba, 1),
        (W::Tu4, 2),
        (W::Nam, 3),
        (W::Sau6, 4),
        (W::Bay, 5),
    ]
    .iter()
    .find(|(w, _)| n.is(*w))?
    .1;
    // "thứ hai" in lower case is mostly the ordinal "second".
    if !n.capitalized() {
        return None;
    }
    Some((i + 2, wd))
}

/// The words a date mention can start with (folded keys), for a quick rejection.
static STARTS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut v: Vec<u64> = [
        W::Hom,
        W::Ngay,
        W::Cung,
        W::Tuan,
        W::Thang,
        W::Nam,
        W::Thu,
        W::Chu,
        W::Mung,
        W::Mong,
        W::Ram,
        W::Tet,
        W::Quy,
        W::Nua,
        W::Dau,
        W::Giua,
        W::Cuoi,
        W::Nhung,
        W::Thap,
        W::Mot,
        W::Hai,
        W::Ba,
        W::Bon,
        W::Sau6,
        W::Bay,
        W::Chin,
        W::Muoi,
    ]
    .iter()
    .map(|&w| w.keys().1)
    .collect();
    v.sort_unstable();
    v
});

fn at_word(toks: &[Tok<'_>], i: usize) -> Option<DateMatch> {
    let t = &toks[i];
    if weekday_abbrev(t).is_none() && STARTS.binary_search(&t.fold).is_err() {
        return None;
    }
    let prev_number = i > 0 && number_word(&toks[i - 1]).is_some();
    // Deictic forms.
    if t.is(W::Hom) {
        let n = if is(toks, i + 1, W::Qua) {
            -1
        } else if is(toks, i + 1, W::Nay) {
            0
        } else if is(toks, i + 1, W::Kia) {
            -2
        } else {
            return None;
        };
        return found(i, i + 2, Spec::Relative { unit: b'd', n });
    }
    if t.is(W::Ngay) && (is(toks, i + 1, W::Mai) || is(toks, i + 1, W::Kia)) {
        let n = if is(toks, i + 1, W::Mai) { 1 } else { 2 };
        return found(i, i + 2, Spec::Relative { unit: b'd', n });
    }
    if t.is(W::Cung)
        && (is(toks, i + 1, W::Ky) || is(toks, i + 1, W::Ky2))
        && is(toks, i + 2, W::Nam)
        && is(toks, i + 3, W::Truoc)
    {
        let mut m = found(i, i + 4, Spec::Relative { unit: b'y', n: -1 })?;
        m.part = Some("same-period");
        return Some(m);
    }
    if !prev_number && (t.is(W::Tuan) || t.is(W::Thang) || t.is(W::Nam)) {
        let unit = if t.is(W::Tuan) {
            b'w'
        } else if t.is(W::Thang) {
            b'm'
        } else {
            b'y'
        };
        let n = get(toks, i + 1).and_then(|n| {
            if n.is(W::Truoc) || (unit == b'y' && n.is(W::Ngoai)) {
                Some(-1)
            } else if n.is(W::Sau) || n.is(W::Toi) {
                Some(1)
            } else if n.is(W::Ngay2) || (unit == b'y' && n.is(W::Nay)) {
                Some(0)
            } else {
                None
            }
        });
        if let Some(n) = n {
            return found(i, i + 2, Spec::Relative { unit, n });
        }
    }
    // Weekdays, alone or with their date.
    if let Some((e, wd)) = weekday_word(toks, i) {
        let mut date = None;
        let mut end = e;
        let mut week = 0;
        if punct(toks, e, ",") {
            let j = if is(toks, e + 1, W::Ngay) {
                e + 2
            } else {
                e + 1
            };
            if let Some((de, p)) = day_at(toks, j, false)
                && p.m.is_some()
            {
                date = Some(p);
                end = de;
            }
        } else if punct(toks, e, "(")
            && let Some((de, p)) = day_at(toks, e + 1, false)
            && p.m.is_some()
            && punct(toks, de, ")")
        {
            date = Some(p);
            end = de + 1;
        } else if is(toks, e, W::Ngay)
            && let Some((de, p)) = day_at(toks, e + 1, false)
            && p.m.is_some()
        {
            date = Some(p);
            end = de;
        } else if is(toks, e, W::Tuan) {
            let n = get(toks, e + 1);
            if n.is_some_and(|n| n.is(W::Sau) || n.is(W::Toi)) {
                week = 1;
                end = e + 2;
            } else if n.is_some_and(|n| n.is(W::Truoc)) {
                week = -1;
                end = e + 2;
            } else if n.is_some_and(|n| n.is(W::Ngay2)) {
                end = e + 2;
            }
        }
        return found(i, end, Spec::Weekday { wd, date, week });
    }
    // T2 - T6 (weekday abbreviations joined by a dash).
    if let Some(wd) = weekday_abbrev(t) {
        let next_is = |j: usize| get(toks, j).and_then(weekday_abbrev).is_some();
        let joined = (is_dash(toks, i + 1) && next_is(i + 2))
            || (i >= 2 && is_dash(toks, i - 1) && weekday_abbrev(&toks[i - 2]).is_some());
        if joined {
            return found(
                i,
                i + 1,
                Spec::Weekday {
                    wd,
                    date: None,
                    week: 0,
                },
            );
        }
        return None;
    }
    // Lunar: mùng 1 Tết, rằm tháng Giêng, Tết Nguyên đán [Canh Tý] [2020].
    if (t.is(W::Mung) || t.is(W::Mong))
        && let Some(d) = get(toks, i + 1).and_then(|t| t.number())
        && (1..=30).contains(&d)
    {
        if is(toks, i + 2, W::Tet) {
            return found(
                i,
                i + 3 + can_chi(toks, i + 3),
                Spec::Lunar {
                    d: Some(d),
                    m: Some(1),
                    y: None,
                },
            );
        }
        // mùng 2/9 → an ordinary day.
        if let Some((end, p)) = day_at(toks, i + 1, false)
            && p.m.is_some()
        {
            return with_range(toks, i, end, p);
        }
    }
    if t.is(W::Ram)
        && is(toks, i + 1, W::Thang)
        && let Some(m) = lunar_month(toks, i + 2)
    {
        return found(
            i,
            i + 3,
            Spec::Lunar {
                d: Some(15),
                m: Some(m),
                y: None,
            },
        );
    }
    if t.is(W::Tet) && t.capitalized() && is(toks, i + 1, W::Nguyen) && is(toks, i + 2, W::Dan) {
        let mut end = i + 3;
        // The year's name (Canh Tý) and number.
        while end < i + 5 && get(toks, end).is_some_and(|n| n.is_word() && n.capitalized()) {
            end += 1;
        }
        let y = get(toks, end).and_then(|t| year_of(t, false));
        if y.is_some() {
            end += 1;
        } else {
            end = i + 3;
        }
        return found(
            i,
            end,
            Spec::Lunar {
                d: Some(1),
                m: Some(1),
                y,
            },
        );
    }
    // ngày / mùng + a day expression, maybe a range; long forms in the lunar calendar.
    if t.is(W::Ngay) || t.is(W::Mung) || t.is(W::Mong) {
        let (end, p) = day_at(toks, i + 1, true)?;
        if p.m.is_some() && is(toks, end, W::Am) && is(toks, end + 1, W::Lich) {
            return found(
                i,
                end + 2,
                Spec::Lunar {
                    d: p.d,
                    m: p.m,
                    y: p.y,
                },
            );
        }
        return with_range(toks, i, end, p);
    }
    // Periods.
    if let Some(m) = period_months(toks, i, i) {
        return Some(m);
    }
    if t.is(W::Quy)
        && let Some(m) = quarter(toks, i)
    {
        return Some(m);
    }
    if t.is(W::Nua) && is(toks, i + 2, W::Nam) {
        let h = if is(toks, i + 1, W::Dau) {
            1
        } else if is(toks, i + 1, W::Cuoi) {
            2
        } else {
            return None;
        };
        let (y, end) = match get(toks, i + 3).and_then(|t| year_of(t, false)) {
            Some(y) => (Some(y), i + 4),
            None => (None, i + 3),
        };
        return found(i, end, Spec::Half { h, y });
    }
    // đầu / giữa / cuối + a month or a year.
    if t.is(W::Dau) || t.is(W::Giua) || t.is(W::Cuoi) {
        let part = if t.is(W::Dau) {
            "early"
        } else if t.is(W::Giua) {
            "middle"
        } else {
            "late"
        };
        if is(toks, i + 1, W::Thang) || is(toks, i + 1, W::Nam) {
            let mut m = at_word(toks, i + 1)?;
            if matches!(
                m.spec,
                Spec::Month { .. } | Spec::Year(_) | Spec::Relative { .. }
            ) {
                m.start = i;
                m.part = Some(part);
                return Some(m);
            }
        }
        return None;
    }
    if t.is(W::Thang) {
        return month(toks, i);
    }
    // những năm 1990, thập niên 1990.
    if (t.is(W::Nhung) && is(toks, i + 1, W::Nam)) || (t.is(W::Thap) && is(toks, i + 1, W::Nien)) {
        let y = get(toks, i + 2).and_then(|t| year_of(t, false))?;
        return (y % 10 == 0).then(|| found(i, i + 3, Spec::Decade(y)))?;
    }
    if t.is(W::Nam) && !prev_number {
        let n = get(toks, i + 1)?;
        if let Some(m) = year_range(toks, i + 1) {
            return found(i, m.end, m.spec);
        }
        let y = year_of(n, true)?;
        return found(i, i + 2, Spec::Year(y));
    }
    None
}

/// The length (0 or 2) of a year's name in the sexagenary cycle at `i` (Canh Tý).
fn can_chi(toks: &[Tok<'_>], i: usize) -> usize {
    const CAN: &[&str] = &[
        "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý",
    ];
    const CHI: &[&str] = &[
        "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Tị", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi",
    ];
    let ok = toks.get(i).is_some_and(|t| CAN.contains(&t.text))
        && toks.get(i + 1).is_some_and(|t| CHI.contains(&t.text));
    if ok { 2 } else { 0 }
}

fn lunar_month(toks: &[Tok<'_>], i: usize) -> Option<u32> {
    let t = get(toks, i)?;
    if t.is(W::Gieng) {
        Some(1)
    } else if t.is(W::Chap) {
        Some(12)
    } else {
        t.number().filter(|m| (1..=12).contains(m))
    }
}

fn weekday_abbrev(t: &Tok<'_>) -> Option<u32> {
    match t.text {
        "T2" => Some(0),
        "T3" => Some(1),
        "T4" => Some(2),
        "T5" => Some(3),
        "T6" => Some(4),
        "T7" => Some(5),
        "CN" => Some(6),
        _ => None,
    }
}

/// `quý I/2020`, `quý II năm 2020`, `quý 3/2021`, `quý IV`.
fn quarter(toks: &[Tok<'_>], i: usize) -> Option<DateMatch> {
    let n = get(toks, i + 1)?;
    if let Some((p, '/')) = parts_of(n.text)
        && let [q, y] = p[..]
        && (1..=4).contains(&q)
        && (1000..=2999).contains(&y)
    {
        return found(
            i,
            i + 2,
            Spec::Quarter {
                q,
                y: Some(y as i32),
            },
        );
    }
    let q = roman(n.text).or_else(|| n.number())?;
    if !(1..=4).contains(&q) {
        return None;
    }
    if is(toks, i + 2, W::Nam)
        && let Some(y) = get(toks, i + 3).and_then(|t| year_of(t, false))
    {
        return found(i, i + 4, Spec::Quarter { q, y: Some(y) });
    }
    if punct(toks, i + 2, "/")
        && let Some(y) = get(toks, i + 3).and_then(|t| year_of(t, false))
    {
        return found(i, i + 4, Spec::Quarter { q, y: Some(y) });
    }
    found(i, i + 2, Spec::Quarter { q, y: None })
}

/// `tháng 7/2019`, `tháng 2 năm 2020`, `Tháng 2, 2020`, `tháng 7`, `tháng Giêng`.
fn month(toks: &[Tok<'_>], i: usize) -> Option<DateMatch> {
    let n = get(toks, i + 1)?;
    if n.is(W::Gieng) || n.is(W::Chap) {
        let m = if n.is(W::Gieng) { 1 } else { 12 };
        return found(
            i,
            i + 2,
            Spec::Lunar {
                d: None,
                m: Some(m),
                y: None,
            },
        );
    }
    if let Some((p, '/' | '-' | '.')) = parts_of(n.text)
        && let [m, y] = p[..]
        && (1..=12).contains(&m)
        && (1000..=2999).contains(&y)
    {
        return found(
            i,
            i + 2,
            Spec::Month {
                m,
                y: Some(y as i32),
            },
        );
    }
    let m = n
        .number()
        .filter(|m| (1..=12).contains(m) && n.text.len() <= 2)?;
    if is(toks, i + 2, W::Nam)
        && let Some(y) = get(toks, i + 3).and_then(|t| year_of(t, true))
    {
        return found(i, i + 4, Spec::Month { m, y: Some(y) });
    }
    if (punct(toks, i + 2, ",") || punct(toks, i + 2, "/"))
        && let Some(y) = get(toks, i + 3).and_then(|t| year_of(t, false))
    {
        return found(i, i + 4, Spec::Month { m, y: Some(y) });
    }
    // tháng 8 âm lịch
    if is(toks, i + 2, W::Am) && is(toks, i + 3, W::Lich) {
        return found(
            i,
            i + 4,
            Spec::Lunar {
                d: None,
                m: Some(m),
                y: None,
            },
        );
    }
    // "tháng 2" alone, not a count ("2 tháng") and not followed by more numbers.
    if get(toks, i + 2).is_some_and(|t| t.kind == PreTokenKind::Number && t.gap != Gap::Line) {
        return None;
    }
    found(i, i + 2, Spec::Month { m, y: None })
}

/// Adds the part of day (`sáng 24/7`) and a clock time (`14h30 ngày 24/7`) written just before
/// a day mention.
fn decorate(toks: &[Tok<'_>], m: &mut DateMatch) {
    if !matches!(
        m.spec,
        Spec::Day(_) | Spec::DayRange(..) | Spec::Weekday { .. }
    ) || m.start == 0
    {
        return;
    }
    let mut k = m.start - 1;
    let prev = &toks[k];
    if let Some(time) = clock(prev.text) {
        m.time = Some(time);
        if k == 0 {
            return;
        }
        k -= 1;
    }
    let p = &toks[k];
    m.part = [
        (W::Sang, "morning"),
        (W::Trua, "noon"),
        (W::Chieu, "afternoon"),
        (W::Toi3, "evening"),
        (W::Dem, "night"),
    ]
    .iter()
    .find(|(w, _)| p.is(*w))
    .map(|&(_, part)| part)
    .or(m.part);
}

/// `14h30`, `8h`, `14:30` as `HH:MM`.
fn clock(s: &str) -> Option<String> {
    let (h, rest) = s.split_once(['h', 'H', ':'])?;
    let h: u32 = small_number(h)?;
    let min: u32 = if rest.is_empty() {
        0
    } else {
        small_number(rest)?
    };
    (h < 24 && min < 60 && h.to_string().len() <= 2).then(|| format!("{h:02}:{min:02}"))
}
