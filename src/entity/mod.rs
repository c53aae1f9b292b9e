//! Entity extraction: dates with their values, provinces across the 2025 reorganisation,
//! districts, wards, regions and foreign places, organizations with their abbreviations
//! expanded, titles, and the people who hold them.
//!
//! ```
//! use vntext::entity::{EntityKind, Extractor};
//!
//! let x = Extractor::new();
//! let text = "Ngày 24/7/2019, Thứ trưởng Bộ Nội vụ Trần Thị Hà làm việc tại tỉnh Hà Nam.";
//! let entities = x.extract(text);
//! let date = entities.iter().find(|e| e.kind == EntityKind::Date).unwrap();
//! assert_eq!(date.text, "Ngày 24/7/2019");
//! let province = entities.iter().find(|e| e.kind == EntityKind::Province).unwrap();
//! assert_eq!(&text[province.span.range()], "tỉnh Hà Nam");
//! // Hà Nam was merged into Ninh Bình on 2025-07-01.
//! let json = serde_json::to_string(province).unwrap();
//! assert!(json.contains(r#""current":"Ninh Bình""#));
//! ```
//!
//! Spans are byte offsets into the text given (not the normalized one), always on character
//! boundaries. Nested entities are all reported (a title contains its organization, an
//! organization its place), in text order: by start, the longer first.

mod calendar;
mod date;
mod gazetteer;
mod people;
mod tokens;

use std::sync::{Arc, LazyLock};

use serde::Serialize;
use serde::ser::SerializeStruct;

pub use calendar::Day;
pub use date::{DateValue, Grain};
pub use gazetteer::{OrganizationValue, PlaceValue, ProvinceValue, RegionValue};
pub use people::{PersonValue, Role, TitleValue};

use crate::normalize::Normalizer;
use crate::span::Span;
use gazetteer::Gazetteer;
use tokens::Tok;

/// What an entity is.
///
/// ```
/// use vntext::entity::{EntityKind, Extractor};
///
/// let kinds: Vec<EntityKind> =
///     Extractor::new().extract("Ngày 2/9, tỉnh Hà Nam").iter().map(|e| e.kind).collect();
/// assert_eq!(kinds, [EntityKind::Date, EntityKind::Province]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EntityKind {
    /// A date, a period or a range of dates.
    Date,
    /// A province or centrally governed city (of either era).
    Province,
    /// A district, ward, city, foreign country or named place.
    Place,
    /// A region (Đồng bằng sông Hồng).
    Region,
    /// An organization.
    Organization,
    /// A title with the organization written right after it.
    Title,
    /// A person.
    Person,
}

impl EntityKind {
    /// The name used in JSON (`date`, `province`, …).
    ///
    /// ```
    /// use vntext::entity::EntityKind;
    ///
    /// assert_eq!(EntityKind::Organization.as_str(), "organization");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Date => "date",
            EntityKind::Province => "province",
            EntityKind::Place => "place",
            EntityKind::Region => "region",
            EntityKind::Organization => "organization",
            EntityKind::Title => "title",
            EntityKind::Person => "person",
        }
    }
}

/// The resolved value of an entity; in JSON, the inner value alone.
///
/// ```
/// use vntext::entity::{Extractor, Value};
///
/// let entities = Extractor::new().extract("ngày 1/7/2025");
/// let Value::Date(d) = &entities[0].value else { panic!() };
/// assert_eq!(d.from.unwrap().to_string(), "2025-07-01");
/// let json = serde_json::to_string(&entities[0].value).unwrap();
/// assert!(json.starts_with(r#"{"from":"2025-07-01","to":"2025-07-01""#));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Value {
    /// Of a date.
    Date(DateValue),
    /// Of a province.
    Province(ProvinceValue),
    /// Of a place.
    Place(PlaceValue),
    /// Of a region.
    Region(RegionValue),
    /// Of an organization.
    Organization(OrganizationValue),
    /// Of a title.
    Title(TitleValue),
    /// Of a person.
    Person(PersonValue),
}

/// An entity found in a text; serialized as `{"type", "start", "end", "text", "value"}`.
///
/// ```
/// use vntext::entity::{EntityKind, Extractor};
///
/// let text = "Sở Y tế tỉnh Hà Nam";
/// let org = &Extractor::new().extract(text)[0];
/// assert_eq!(org.kind, EntityKind::Organization);
/// assert_eq!(&text[org.span.range()], org.text);
/// let json = serde_json::to_value(org).unwrap();
/// assert_eq!(json["type"], "organization");
/// assert_eq!(json["end"], text.len());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity<'a> {
    /// What it is.
    pub kind: EntityKind,
    /// Its byte span in the text given to [`Extractor::extract`].
    pub span: Span,
    /// The text of the mention (`&text[span.range()]`).
    pub text: &'a str,
    /// What it resolves to.
    pub value: Value,
}

impl Serialize for Entity<'_> {
    /// As `{"type", "start", "end", "text", "value"}`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Entity", 5)?;
        st.serialize_field("type", &self.kind)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.serialize_field("text", self.text)?;
        st.serialize_field("value", &self.value)?;
        st.end()
    }
}

/// Finds entities. Built once (the gazetteers are compiled on first use and shared), cheap to
/// clone, `Send + Sync`.
///
/// ```
/// use vntext::entity::{EntityKind, Extractor};
///
/// let x = Extractor::new();
/// // Typed without diacritics, the province is still found.
/// let entities = x.extract("hop tai tinh Quang Ninh");
/// assert!(entities.iter().any(|e| e.kind == EntityKind::Province));
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    gazetteer: Arc<Gazetteer>,
    normalizer: Normalizer,
    reference: Option<Day>,
}

static GAZETTEER: LazyLock<Arc<Gazetteer>> = LazyLock::new(|| Arc::new(Gazetteer::embedded()));

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// An entity in token coordinates, before it is mapped back to the original text.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub kind: EntityKind,
    /// Token range.
    pub start: usize,
    pub end: usize,
    pub value: Value,
}

/// The entity of `found` (sorted by start) that starts at token `i`.
pub(crate) fn starting_at(found: &[Found], i: usize) -> Option<&Found> {
    let k = found.partition_point(|f| f.start < i);
    found.get(k).filter(|f| f.start == i)
}

/// The indices of the entities of `found` (sorted by start, not overlapping) that overlap the
/// tokens `a..b`.
pub(crate) fn overlapping(found: &[Found], a: usize, b: usize) -> std::ops::Range<usize> {
    let lo = found.partition_point(|f| f.end <= a);
    let hi = found.partition_point(|f| f.start < b);
    lo..hi.max(lo)
}

impl Extractor {
    /// An extractor with the embedded gazetteers.
    ///
    /// ```
    /// use vntext::entity::Extractor;
    ///
    /// assert!(Extractor::new().extract("").is_empty());
    /// ```
    pub fn new() -> Extractor {
        Extractor {
            gazetteer: GAZETTEER.clone(),
            normalizer: Normalizer::new(),
            reference: None,
        }
    }

    /// The same extractor resolving relative dates (`hôm qua`, `năm nay`, `Thứ Hai`) and
    /// years left out (`24/7`) against `day`.
    ///
    /// ```
    /// use vntext::entity::{Day, Extractor, Value};
    ///
    /// let x = Extractor::new().with_reference_date(Day::new(2019, 7, 26).unwrap());
    /// let Value::Date(d) = &x.extract("hôm qua")[0].value else { panic!() };
    /// assert_eq!(d.from.unwrap().to_string(), "2019-07-25");
    /// let Value::Date(d) = &x.extract("ngày 24/7")[0].value else { panic!() };
    /// assert_eq!(d.from.unwrap().to_string(), "2019-07-24");
    /// ```
    pub fn with_reference_date(mut self, day: Day) -> Extractor {
        self.reference = Some(day);
        self
    }

    /// The entities of `text`, in text order (by start; at one start, the longer first).
    ///
    /// ```
    /// use vntext::entity::{EntityKind, Extractor};
    ///
    /// let text = "Giám đốc Sở Tài chính tỉnh Hà Nam";
    /// let kinds: Vec<(EntityKind, &str)> =
    ///     Extractor::new().extract(text).iter().map(|e| (e.kind, e.text)).collect();
    /// // The title contains its organization, the organization its province.
    /// assert_eq!(kinds[0], (EntityKind::Title, text));
    /// assert!(kinds.contains(&(EntityKind::Organization, "Sở Tài chính tỉnh Hà Nam")));
    /// assert!(kinds.contains(&(EntityKind::Province, "tỉnh Hà Nam")));
    /// ```
    pub fn extract<'a>(&self, text: &'a str) -> Vec<Entity<'a>> {
        let normalized = self.normalizer.normalize_with_offsets(text);
        let norm = normalized.text();
        let map = normalized.map();
        let mut toks: Vec<Tok<'_>> = Vec::new();
        tokens::tokens(norm, &mut toks);
        let found = self.find(norm, &toks);
        let mut out: Vec<Entity<'a>> = Vec::with_capacity(found.len());
        for f in found {
            if f.start >= f.end || f.end > toks.len() {
                continue;
            }
            let nspan = Span::new(toks[f.start].span.start, toks[f.end - 1].span.end);
            let span = map.to_original(nspan);
            let Some(text) = text.get(span.range()) else {
                continue;
            };
            if text.is_empty() {
                continue;
            }
            out.push(Entity {
                kind: f.kind,
                span,
                text,
                value: f.value,
            });
        }
        out.sort_by(|a, b| {
            (a.span.start, std::cmp::Reverse(a.span.end), a.kind).cmp(&(
                b.span.start,
                std::cmp::Reverse(b.span.end),
                b.kind,
            ))
        });
        out.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
        out
    }

    fn find(&self, norm: &str, toks: &[Tok<'_>]) -> Vec<Found> {
        let mut out = Vec::new();
        // Dates.
        let mut dates = Vec::new();
        date::scan(toks, &mut dates);
        let values = date::resolve_all(toks, &dates, self.reference);
        let mut taken = vec![false; toks.len()];
        for (m, v) in dates.iter().zip(values) {
            for t in &mut taken[m.start..m.end] {
                *t = true;
            }
            out.push(Found {
                kind: EntityKind::Date,
                start: m.start,
                end: m.end,
                value: Value::Date(v),
            });
        }
        // Places and organizations, then titles and people.
        let mut stream = gazetteer::Stream::default();
        self.gazetteer.stream(toks, &mut stream);
        let mut places = self.gazetteer.places(toks, &stream, &taken);
        let orgs = self.gazetteer.organizations(toks, &stream, &taken, &places);
        let (people, dropped) =
            people::find(norm, toks, &stream, &taken, &self.gazetteer, &places, &orgs);
        let mut k = 0;
        places.retain(|_| {
            k += 1;
            !dropped.contains(&(k - 1))
        });
        out.extend(places);
        out.extend(orgs);
        out.extend(people);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_sync_and_cheap_to_clone() {
        fn assert_send_sync<T: Send + Sync + Clone>() {}
        assert_send_sync::<Extractor>();
    }
}
