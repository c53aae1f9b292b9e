//! Titles and people: a title head (`Thứ trưởng`) with the organization or place written right
//! after it, person names (a surname then capitalized syllables, or any capitalized name after
//! a cue: ông, bà, đồng chí, a title), and the links between them: chains of titles after a
//! name, titles before a name, signature blocks (`TM. CHÍNH PHỦ / THỦ TƯỚNG / Nguyễn Tấn
//! Dũng`) and bylines (a name on its own line, its organization on the next).

use std::collections::HashMap;

use serde::Serialize;

use super::gazetteer::{Gazetteer, Kind, Stream, person_cue};
use super::tokens::{Gap, Tok, W};
use super::{EntityKind, Found, Value};
use crate::segment::PreTokenKind;
use crate::segment::model::Shape;

/// A title with the organization written after it.
///
/// ```
/// use vntext::entity::{EntityKind, Extractor, Value};
///
/// let entities = Extractor::new().extract("Thứ trưởng Bộ Nội vụ Trần Thị Hà");
/// let title = entities.iter().find(|e| e.kind == EntityKind::Title).unwrap();
/// let Value::Title(t) = &title.value else { panic!() };
/// assert_eq!(t.title, "Thứ trưởng");
/// assert_eq!(t.organization.as_deref(), Some("Bộ Nội vụ"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TitleValue {
    /// The title as written (`Thứ trưởng`, `Trưởng Ban`).
    pub title: String,
    /// The organization as written right after it, if any.
    pub organization: Option<String>,
    /// The organization's canonical name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_name: Option<String>,
}

/// One office a person holds.
///
/// ```
/// use vntext::entity::{EntityKind, Extractor, Value};
///
/// let text = "ông Nguyễn Văn Thắng, Phó Chủ tịch UBND tỉnh Quảng Ninh";
/// let entities = Extractor::new().extract(text);
/// let person = entities.iter().find(|e| e.kind == EntityKind::Person).unwrap();
/// let Value::Person(p) = &person.value else { panic!() };
/// assert_eq!(p.roles[0].title, "Phó Chủ tịch");
/// assert_eq!(
///     p.roles[0].organization_name.as_deref(),
///     Some("Ủy ban nhân dân tỉnh Quảng Ninh")
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Role {
    /// The title as written.
    pub title: String,
    /// The organization as written (null when none is written).
    pub organization: Option<String>,
    /// The organization's canonical name.
    pub organization_name: Option<String>,
}

/// A person.
///
/// ```
/// use vntext::entity::{EntityKind, Extractor, Value};
///
/// let entities = Extractor::new().extract("Bộ trưởng Bộ Nội vụ Phạm Thị Thanh Trà phát biểu.");
/// let person = entities.iter().find(|e| e.kind == EntityKind::Person).unwrap();
/// let Value::Person(p) = &person.value else { panic!() };
/// assert_eq!(p.name, "Phạm Thị Thanh Trà");
/// assert_eq!(p.roles[0].title, "Bộ trưởng");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonValue {
    /// The name as written.
    pub name: String,
    /// The offices linked to the name in the text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// The organization of a byline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
}

/// A title found in the text (token ranges).
#[derive(Clone, Debug)]
struct TitleAt {
    start: usize,
    end: usize,
    value: TitleValue,
    /// Where a signature block names the organization (`TM. CHÍNH PHỦ`).
    block_org: Option<(String, Option<String>)>,
}

fn text_of<'a>(norm: &'a str, toks: &[Tok<'_>], start: usize, end: usize) -> &'a str {
    if start >= end {
        return "";
    }
    norm.get(toks[start].span.start..toks[end - 1].span.end)
        .unwrap_or("")
}

/// Finds titles and people; returns them and the indices of `places` that turned out to be
/// part of a person's name.
pub(crate) fn find(
    norm: &str,
    toks: &[Tok<'_>],
    s: &Stream,
    taken: &[bool],
    g: &Gazetteer,
    places: &[Found],
    orgs: &[Found],
) -> (Vec<Found>, Vec<usize>) {
    let mut out = Vec::new();
    let titles = titles(norm, toks, s, taken, g, places, orgs, &mut out);
    let mut dropped_places = Vec::new();
    let mut linked = vec![false; titles.len()];
    // Titles by their first token and by their end.
    let by_start: HashMap<usize, usize> = titles
        .iter()
        .enumerate()
        .map(|(k, t)| (t.start, k))
        .collect();
    let by_end: HashMap<usize, usize> =
        titles.iter().enumerate().map(|(k, t)| (t.end, k)).collect();
    // The end and roles of the last name of a `Title: A, B, C` list.
    let mut list: Option<(usize, Vec<Role>)> = None;
    let mut i = 0;
    while i < toks.len() {
        let Some((mut end, cue_before)) = name_at(toks, s, i, g, &by_start, &by_end, taken) else {
            i += 1;
            continue;
        };
        // A place starting inside the name ends it (Hà Nội | Lê Hồng Sâm).
        if let Some(p) = places[super::overlapping(places, i + 1, end)]
            .iter()
            .find(|p| p.start > i)
        {
            end = p.start;
        }
        if let Some(p) = places[super::overlapping(places, i, i + 1)].first()
            && !cue_before
        {
            i = p.end.max(i + 1);
            continue;
        }
        if end - i < 2 && !cue_before {
            i += 1;
            continue;
        }
        // A place with the same tokens stays a place unless a title or cue announces a
        // person (Chủ tịch Hồ Chí Minh).
        let overlapping: Vec<usize> = super::overlapping(places, i, end).collect();
        // A title announces a person over a place only for a Vietnamese name (Chủ tịch Hồ Chí
        // Minh), not over a country (Phó Thủ tướng Chính phủ Việt Nam).
        let person_wins = cue_before && g.is_surname(&toks[i]);
        if !overlapping.is_empty() && !person_wins {
            i = end;
            continue;
        }
        dropped_places.extend(overlapping);
        let name = text_of(norm, toks, i, end).to_string();
        let mut roles = Vec::new();
        // Titles after the name: `Name, T1, T2 - T3`, `Name - T1 kiêm T2`, with what qualifies
        // a title skipped (`khóa XII`, `(từ 2002 đến 2007)`, `nguyên`) and one description
        // before the titles (`Nguyễn Khánh, chính khách Việt Nam, Phó Thủ tướng …`).
        let mut k = end;
        let mut skipped = false;
        while is_sep(toks, k) {
            let mut t0 = k + 1;
            while t0 < toks.len() && toks[t0].is_any(&[W::Nguyen, W::Cuu]) {
                t0 += 1;
            }
            if let Some(&ti) = by_start.get(&t0) {
                roles.push(role_of(&titles[ti]));
                linked[ti] = true;
                k = titles[ti].end;
                if !is_sep(toks, k) {
                    match skip_to_sep(toks, k) {
                        Some(m) => k = m,
                        None => break,
                    }
                }
            } else if !skipped && roles.is_empty() && toks[k].text == "," {
                skipped = true;
                match skip_to_sep(toks, k + 1) {
                    Some(m) => k = m,
                    None => break,
                }
            } else {
                break;
            }
        }
        // Titles before the name: `T Name`, `T, T Name`, `THỦ TƯỚNG / Name`, `T: Name`,
        // `T … là ông Name`.
        if roles.is_empty() {
            let mut at = i;
            if at >= 2 && toks[at - 2].is(W::Dong) && toks[at - 1].is(W::Chi2) {
                at -= 2;
            } else if at >= 1 && person_cue(&toks[at - 1]) {
                at -= 1;
            }
            if at >= 1 && toks[at - 1].text == ":" {
                at -= 1;
            }
            let mut before = Vec::new();
            while let Some(&ti) = by_end.get(&at) {
                before.push(ti);
                at = titles[ti].start;
                if at >= 1 && (toks[at - 1].text == "," || is_kiem(toks, at - 1)) {
                    at -= 1;
                    continue;
                }
                // A signature block: `KT. BỘ TRƯỞNG / THỨ TRƯỞNG / Name` keeps only the
                // signer's own title.
                break;
            }
            // `Bộ trưởng hiện nay là bà Nguyễn Thị Kim Tiến`.
            if before.is_empty() && at >= 1 && toks[at - 1].is(W::La) {
                let la = at - 1;
                if let Some(ti) = titles
                    .iter()
                    .position(|t| t.end <= la && la - t.end <= 2 && t.end > 0)
                {
                    before.push(ti);
                }
            }
            // The title closest to the name is the signer's in a signature block; in a chain
            // (`Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Vương Đình Huệ`) all count.
            for &ti in before.iter().rev() {
                roles.push(role_of(&titles[ti]));
                linked[ti] = true;
            }
        }
        // `Name (sinh …) là Title`, `Name … , là Title`, `Name làm Title`, `giữ chức Title`.
        {
            let mut m = end;
            let mut depth = 0usize;
            while m < toks.len() && m < end + 40 {
                let t = &toks[m];
                if m > end && t.gap == Gap::Line {
                    break;
                }
                match t.text {
                    "(" => depth += 1,
                    ")" => depth = depth.saturating_sub(1),
                    "." | "!" | "?" | ";" if depth == 0 => break,
                    _ => {}
                }
                // Another person's name ends the subject.
                if m > end
                    && depth == 0
                    && g.is_surname(t)
                    && t.capitalized()
                    && toks.get(m + 1).is_some_and(|n| n.shape == Shape::Title)
                {
                    break;
                }
                if depth == 0 && t.is_any(&[W::La, W::Lam, W::Chuc]) {
                    let mut t0 = m + 1;
                    while t0 < toks.len() && toks[t0].is_any(&[W::Nguyen, W::Cuu, W::Mot]) {
                        t0 += 1;
                    }
                    if let Some(&ti) = by_start.get(&t0) {
                        let r = role_of(&titles[ti]);
                        if !roles.contains(&r) {
                            roles.push(r);
                        }
                        linked[ti] = true;
                    }
                }
                m += 1;
            }
        }
        // A list after a title: `Phó chủ tịch UBND huyện: Ông A, Ông B, Bà C`.
        if roles.is_empty()
            && let Some((prev_end, prev_roles)) = &list
            && toks[*prev_end..i]
                .iter()
                .all(|t| t.text == "," || person_cue(t))
            && toks[*prev_end..i].iter().any(|t| t.text == ",")
        {
            roles.clone_from(prev_roles);
        }
        let colon_list = i >= 1
            && toks[i.saturating_sub(2)..i].iter().any(|t| t.text == ":")
            && !roles.is_empty();
        list = if colon_list || list.is_some() && !roles.is_empty() {
            Some((end, roles.clone()))
        } else {
            None
        };
        // A byline: the name alone on its line, an organization on the next.
        let mut affiliation = None;
        if roles.is_empty()
            && (i == 0 || toks[i].gap == Gap::Line)
            && end < toks.len()
            && toks[end].gap == Gap::Line
            && orgs.iter().any(|o| o.start == end)
        {
            let mut e = end + 1;
            while e < toks.len() && toks[e].gap != Gap::Line {
                e += 1;
            }
            affiliation = Some(text_of(norm, toks, end, e).to_string());
        }
        out.push(Found {
            kind: EntityKind::Person,
            start: i,
            end,
            value: Value::Person(PersonValue {
                name,
                roles,
                affiliation,
            }),
        });
        i = end;
    }
    for (t, is_linked) in titles.into_iter().zip(linked) {
        let in_block = t.block_org.is_some() || toks[t.start].shape == Shape::Upper;
        let weak = ["Ủy viên", "Thường trực", "Đại biểu", "Người phát ngôn"]
            .iter()
            .any(|w| t.value.title.eq_ignore_ascii_case(w));
        if is_linked || t.value.organization.is_some() || in_block || !weak {
            out.push(Found {
                kind: EntityKind::Title,
                start: t.start,
                end: t.end,
                value: Value::Title(t.value),
            });
        }
    }
    (out, dropped_places)
}

/// A separator between a name and its titles or between titles (`,` `-` `;` `kiêm`).
fn is_sep(toks: &[Tok<'_>], k: usize) -> bool {
    k < toks.len()
        && toks[k].gap != Gap::Line
        && (matches!(toks[k].text, "," | "-" | "–" | ";") || is_kiem(toks, k))
}

/// The next separator within a few tokens of `from` on the same line and sentence, skipping
/// parentheses.
fn skip_to_sep(toks: &[Tok<'_>], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut m = from;
    while m < toks.len() && m < from + 8 && (m == from || toks[m].gap != Gap::Line) {
        match toks[m].text {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            "." | "!" | "?" | ":" if depth == 0 => return None,
            _ => {}
        }
        if depth == 0 && m > from && is_sep(toks, m) {
            return Some(m);
        }
        if depth == 0 && m == from && is_sep(toks, m) {
            return Some(m);
        }
        m += 1;
    }
    None
}

fn is_kiem(toks: &[Tok<'_>], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.is(W::Kiem))
}

fn role_of(t: &TitleAt) -> Role {
    let (organization, organization_name) = match (&t.value.organization, &t.block_org) {
        (Some(o), _) => (Some(o.clone()), t.value.organization_name.clone()),
        (None, Some((o, n))) => (Some(o.clone()), n.clone()),
        (None, None) => (None, None),
    };
    Role {
        title: t.value.title.clone(),
        organization,
        organization_name,
    }
}

#[allow(clippy::too_many_arguments)]
fn titles(
    norm: &str,
    toks: &[Tok<'_>],
    s: &Stream,
    taken: &[bool],
    g: &Gazetteer,
    places: &[Found],
    orgs: &[Found],
    extra_orgs: &mut Vec<Found>,
) -> Vec<TitleAt> {
    let mut out: Vec<TitleAt> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if taken[i] || !toks[i].is_word() || !toks[i].capitalized() && !g.starts_title(s, i) {
            i += 1;
            continue;
        }
        let Some((mut head_end, _)) = g.longest(s, i, |e| e.kind == Kind::Title) else {
            i += 1;
            continue;
        };
        // No punctuation inside a title (the key stream skips commas: `Nội vụ, Trưởng`).
        if toks[i..head_end]
            .iter()
            .any(|t| t.kind == PreTokenKind::Punctuation)
        {
            i += 1;
            continue;
        }
        // A title in lower case counts when a name or an organization follows it (`thủ tướng
        // Tanaka Kakuei`, `chủ tịch Công ty …`).
        if !toks[i].capitalized()
            && !toks
                .get(head_end)
                .is_some_and(|n| n.capitalized() && n.gap == Gap::Space && n.is_word())
        {
            i += 1;
            continue;
        }
        // Modifiers that are part of the title (Thường trực, thứ nhất, danh dự, Chuyên trách).
        while head_end + 1 < toks.len() {
            let pair = (
                toks[head_end].text.to_lowercase(),
                toks[head_end + 1].text.to_lowercase(),
            );
            let known = matches!(
                (pair.0.as_str(), pair.1.as_str()),
                ("thường", "trực")
                    | ("thứ", "nhất")
                    | ("danh", "dự")
                    | ("chuyên", "trách")
                    | ("phụ", "trách")
            );
            if !known || toks[head_end].gap == Gap::Line {
                break;
            }
            head_end += 2;
        }
        // The organization (or place) right after the head, or overlapping its last word
        // (`Trưởng Ban` + `Ban Thi đua - Khen thưởng Trung ương`).
        let mut org = orgs
            .iter()
            .filter(|o| o.start == head_end || o.start + 1 == head_end && head_end - i >= 2)
            .max_by_key(|o| o.end)
            .filter(|o| toks[o.start].gap != Gap::Line || o.start < head_end)
            .cloned();
        // An organization in lower case right after a title (Chủ tịch ủy ban nhân dân TP …).
        if org.is_none()
            && toks
                .get(head_end)
                .is_some_and(|t| t.gap == Gap::Space && t.shape == Shape::Lower)
            && let Some(o) = g.org_at(toks, s, head_end, places)
        {
            extra_orgs.push(o.clone());
            org = Some(o);
        }
        let org = org.as_ref();
        let place = super::starting_at(places, head_end).filter(|p| toks[p.start].gap != Gap::Line);
        let (end, organization, organization_name) = match (org, place) {
            (Some(o), _) => {
                let name = match &o.value {
                    Value::Organization(v) => Some(v.name.clone()),
                    _ => None,
                };
                (
                    o.end,
                    Some(text_of(norm, toks, o.start, o.end).to_string()),
                    name,
                )
            }
            (None, Some(p)) => (
                p.end,
                Some(text_of(norm, toks, p.start, p.end).to_string()),
                None,
            ),
            (None, None) => (head_end, None, None),
        };
        // A minister's portfolio without `Bộ` (Bộ trưởng Tư pháp) is part of the title.
        let (head_end, end) = if end == head_end
            && (toks[i].text.eq_ignore_ascii_case("Bộ") || toks[i].text.eq_ignore_ascii_case("Thứ"))
        {
            let e = g.org_name_run(toks, s, head_end, places);
            (e, e)
        } else {
            (head_end, end)
        };
        // The head may keep its last word when the organization overlaps it.
        let title = text_of(norm, toks, i, head_end).to_string();
        // `TM. CHÍNH PHỦ` / `KT. BỘ TRƯỞNG` just before (on the previous lines).
        let block_org = block_org(norm, toks, i, orgs, &out);
        out.push(TitleAt {
            start: i,
            end: end.max(head_end),
            value: TitleValue {
                title,
                organization,
                organization_name,
            },
            block_org,
        });
        i = head_end;
    }
    out
}

/// The organization of a signature block line `TM. X` before the title at `i`.
fn block_org(
    norm: &str,
    toks: &[Tok<'_>],
    i: usize,
    orgs: &[Found],
    titles: &[TitleAt],
) -> Option<(String, Option<String>)> {
    if toks[i].gap != Gap::Line {
        return None;
    }
    // The line before: `TM. <org>` (or `KT. <title>`, which gives no organization).
    let mut start = i.checked_sub(1)?;
    while start > 0 && toks[start].gap != Gap::Line {
        start -= 1;
    }
    let first = toks.get(start)?;
    if !(first.is(W::TM) || first.text == "TM.") {
        // Two lines up (KT. BỘ TRƯỞNG / THỨ TRƯỞNG): no organization.
        let _ = titles;
        return None;
    }
    let org_start = if toks.get(start + 1).is_some_and(|t| t.text == ".") {
        start + 2
    } else {
        start + 1
    };
    let o = orgs.iter().find(|o| o.start == org_start && o.end <= i)?;
    let name = match &o.value {
        Value::Organization(v) => Some(v.name.clone()),
        _ => None,
    };
    Some((text_of(norm, toks, o.start, o.end).to_string(), name))
}

/// A person's name at `i`: (end, announced by a cue or a title).
fn name_at(
    toks: &[Tok<'_>],
    s: &Stream,
    i: usize,
    g: &Gazetteer,
    by_start: &HashMap<usize, usize>,
    by_end: &HashMap<usize, usize>,
    taken: &[bool],
) -> Option<(usize, bool)> {
    let t = &toks[i];
    if taken[i] || !t.is_word() || !t.capitalized() {
        return None;
    }
    let cue = i > 0
        && toks[i].gap != Gap::Line
        && (person_cue(&toks[i - 1])
            || i >= 2 && toks[i - 2].is(W::Dong) && toks[i - 1].is(W::Chi2))
        || by_end.contains_key(&i)
        || i >= 1 && toks[i - 1].text == ":" && by_end.contains_key(&(i - 1))
        || i >= 2
            && toks[i - 2].text == ":"
            && person_cue(&toks[i - 1])
            && by_end.contains_key(&(i - 2));
    let upper = t.shape == Shape::Upper;
    // ông / bà announce a name; they do not start one.
    if person_cue(t) || t.is(W::Dong) && toks.get(i + 1).is_some_and(|n| n.is(W::Chi2)) {
        return None;
    }
    let surname = g.is_surname(t);
    if !surname && !cue {
        // A name without a Vietnamese surname followed by its title: `Heng Samrin, Chủ tịch`.
        let mut end = i;
        while end < toks.len()
            && end < i + 4
            && toks[end].is_word()
            && toks[end].shape == Shape::Title
            && (end == i || toks[end].gap == Gap::Space)
        {
            end += 1;
        }
        let titled = end >= i + 2
            && toks.get(end).is_some_and(|c| c.text == ",")
            && by_start.contains_key(&(end + 1));
        return titled.then_some((end, true));
    }
    // Not the start of a title, an organization or a type word.
    // (A surname is not a type word: Hồ Chí Minh is not a lake.)
    let starts_other = |k: usize| {
        let surname = g.is_surname(&toks[k]);
        g.longest(s, k, |e| match e.kind {
            Kind::Title | Kind::Org | Kind::OrgHead => true,
            Kind::PlaceType(_) | Kind::NamedPlace => !surname,
            _ => false,
        })
        .is_some()
    };
    if starts_other(i) {
        return None;
    }
    let mut end = i + 1;
    while end < toks.len()
        && end < i + 5
        && toks[end].is_word()
        && toks[end].gap != Gap::Line
        && (toks[end].shape == Shape::Title && !upper || upper && toks[end].shape == Shape::Upper)
        && !taken[end]
        && !starts_other(end)
    {
        end += 1;
    }
    let n = end - i;
    // One capitalized word is a name only after ông / bà / đồng chí (ông Hùng).
    let word_cue = i > 0
        && (person_cue(&toks[i - 1])
            || i >= 2 && toks[i - 2].is(W::Dong) && toks[i - 1].is(W::Chi2));
    if n >= 2 || word_cue && n == 1 && t.kind == PreTokenKind::Syllable && t.shape == Shape::Title {
        // A surname alone with lower-case words after is a common word (Hà, Mai, Lâm).
        return Some((end, cue));
    }
    None
}
