//! The gazetteers (provinces of both eras, districts, wards, regions, foreign places,
//! ministries and organizations, titles, surnames) compiled into one table of token-sequence
//! keys, matched over a key stream of the text where abbreviations are expanded (`UBND` →
//! `ủy ban nhân dân`, `TĐKT` → `thi đua khen thưởng`) and dashes and commas inside names are
//! skipped, so that `Ban TĐKT Trung ương`, `Ban Thi đua khen thưởng Trung ương` and `Ban Thi
//! đua - Khen thưởng Trung ương` are one organization.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use serde::Serialize;

use super::tokens::{self, Gap, Tok, W};
use super::{EntityKind, Found, Value};
use crate::normalize::Normalizer;
use crate::segment::PreTokenKind;
use crate::segment::model::{SEQUENCE_SEED, Shape, finish, mix};

/// A province or centrally governed city.
///
/// ```
/// use vntext::entity::{Extractor, Value};
///
/// let entities = Extractor::new().extract("tỉnh Hà Nam");
/// let Value::Province(p) = &entities[0].value else { panic!() };
/// assert_eq!(p.name, "Hà Nam");
/// assert_eq!(p.era, "pre-2025");
/// assert_eq!(p.current, "Ninh Bình");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProvinceValue {
    /// Its name (`Hà Nam`).
    pub name: String,
    /// Its code in the era given (codes are reused across eras).
    pub code: String,
    /// `pre-2025`, `current`, `both` or `pre-2008`.
    pub era: &'static str,
    /// The unit it is part of now (`Ninh Bình` for Hà Nam).
    pub current: String,
}

/// A district, ward, city, foreign country or named place.
///
/// ```
/// use vntext::entity::{EntityKind, Extractor, Value};
///
/// let entities = Extractor::new().extract("tại thành phố Hạ Long, tỉnh Quảng Ninh");
/// let place = entities.iter().find(|e| e.kind == EntityKind::Place).unwrap();
/// let Value::Place(p) = &place.value else { panic!() };
/// assert_eq!(p.province.as_deref(), Some("Quảng Ninh"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlaceValue {
    /// Its full name (`Thành phố Hạ Long`, `Phường Ba Đình`, `Trung Quốc`, `cầu Long Biên`).
    pub name: String,
    /// `district (pre-2025)`, `ward (pre-2025)`, `ward (2025)`, `country`, `foreign city`,
    /// `street`, `bridge`, …
    pub level: String,
    /// The province it is in, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
}

/// A region.
///
/// ```
/// use vntext::entity::{Extractor, Value};
///
/// let entities = Extractor::new().extract("các tỉnh Đồng bằng sông Hồng");
/// let region = entities.iter().find_map(|e| match &e.value {
///     Value::Region(r) => Some(r),
///     _ => None,
/// });
/// assert_eq!(region.unwrap().code.as_deref(), Some("DBSH"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegionValue {
    /// Its code (`DBSH`), for the six socio-economic regions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Its name (`Đồng bằng sông Hồng`).
    pub name: String,
}

/// An organization.
///
/// ```
/// use vntext::entity::{Extractor, Value};
///
/// // Abbreviations are expanded to the canonical name.
/// let entities = Extractor::new().extract("UBND tỉnh Quảng Ninh");
/// let Value::Organization(o) = &entities[0].value else { panic!() };
/// assert_eq!(o.name, "Ủy ban nhân dân tỉnh Quảng Ninh");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrganizationValue {
    /// The canonical, expanded name (`Ủy ban nhân dân tỉnh Quảng Ninh`).
    pub name: String,
    /// What it is (`ministry`, `provincial department`, `provincial people's committee`, …).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// Hashes that are already keys.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;
type KeySet = HashSet<u64, BuildHasherDefault<KeyHasher>>;

/// What a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Province,
    District,
    Ward,
    Region,
    Foreign,
    Org,
    /// A type word before a place name; the value says which.
    PlaceType(PlaceType),
    /// A type word before a named place (`đường`, `cầu`): index into [`NAMED_PLACES`].
    NamedPlace,
    Title,
    /// A city or town (pre-2025 district level) written without its type word: index into
    /// the districts.
    City,
    /// The first words of an organization's name (`Bộ`, `Tổng cục`, `Đảng`): index into
    /// [`ORG_HEADS`].
    OrgHead,
}

/// Type words of administrative units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PlaceType {
    Province,
    City,
    District,
    Urban,
    Town,
    Ward,
    Commune,
    Townlet,
    /// `nước`, `Vương quốc`, `Liên bang` before a country.
    Country,
    /// A historical or other unit (`châu`, `phủ`, `trấn`) before a name.
    Other,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    pub kind: Kind,
    pub id: u32,
    exact: u64,
    /// The exact key when the entry is itself written without diacritics (else 0).
    fold_exact: u64,
}

/// The entries of one key sequence, and whether it begins a longer one.
#[derive(Clone, Debug, Default)]
struct Node {
    entries: Vec<Entry>,
    prefix: bool,
}

/// One key of the stream: a token's key or one word of an abbreviation's expansion.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SKey {
    exact: u64,
    fold: u64,
    /// The token it comes from.
    pub tok: u32,
    /// Whether it is the last key of its token.
    last: bool,
    ascii: bool,
}

const BREAK: SKey = SKey {
    exact: 0,
    fold: 0,
    tok: u32::MAX,
    last: true,
    ascii: true,
};

/// The key stream of a text.
#[derive(Debug, Default)]
pub(crate) struct Stream {
    /// The text is typed without diacritics: keys match on their folded form.
    pub loose: bool,
    pub keys: Vec<SKey>,
    /// Per token, the range of its matches (main table) in `memo_hits` once computed.
    memo: RefCell<Vec<(u32, u32)>>,
    /// (end token, entry) of the matches of the tokens asked so far.
    memo_hits: RefCell<Vec<(u32, Entry)>>,
    /// Per token, the index of its first key (`u32::MAX` when it has none).
    pub first: Vec<u32>,
}

/// A compiled organization.
#[derive(Clone, Debug)]
pub(crate) struct Org {
    pub name: String,
    pub kind: Option<String>,
    /// It may be followed by the place it belongs to (`Sở Nội vụ tỉnh Quảng Ninh`).
    pub takes_place: bool,
}

/// Named places written with their type word.
pub(crate) const NAMED_PLACES: &[(&str, &str)] = &[
    ("đường", "street"),
    ("phố", "street"),
    ("cầu", "bridge"),
    ("chợ", "market"),
    ("sân bay", "airport"),
    ("cảng hàng không", "airport"),
    ("cửa khẩu", "border gate"),
    ("cảng", "port"),
    ("ga", "station"),
    ("bến xe", "bus station"),
    ("sông", "river"),
    ("hồ", "lake"),
    ("núi", "mountain"),
    ("vịnh", "bay"),
    ("đảo", "island"),
    ("quần đảo", "archipelago"),
    ("đèo", "pass"),
    ("khu công nghiệp", "industrial zone"),
    ("khu kinh tế", "economic zone"),
    ("vườn quốc gia", "national park"),
    ("quảng trường", "square"),
    ("quốc lộ", "highway"),
    ("tỉnh lộ", "road"),
    ("cao tốc", "expressway"),
];

/// Countries and major foreign cities (name, level, aliases).
const FOREIGN: &[(&str, &str, &[&str])] = &[
    ("Mỹ", "country", &["Hoa Kỳ", "Hợp chủng quốc Hoa Kỳ"]),
    ("Trung Quốc", "country", &[]),
    ("Nhật Bản", "country", &[]),
    ("Hàn Quốc", "country", &["Đại Hàn Dân Quốc"]),
    ("Triều Tiên", "country", &["Bắc Triều Tiên"]),
    ("Nga", "country", &["Liên bang Nga", "Liên Xô"]),
    ("Pháp", "country", &["Cộng hòa Pháp"]),
    ("Đức", "country", &["Cộng hòa Liên bang Đức", "CHLB Đức"]),
    ("Vương quốc Anh", "country", &["nước Anh", "Anh Quốc"]),
    ("Ý", "country", &["Italia"]),
    ("Tây Ban Nha", "country", &[]),
    ("Bồ Đào Nha", "country", &[]),
    ("Hà Lan", "country", &[]),
    ("Bỉ", "country", &[]),
    ("Thụy Sĩ", "country", &[]),
    ("Thụy Điển", "country", &[]),
    ("Na Uy", "country", &[]),
    ("Đan Mạch", "country", &[]),
    ("Phần Lan", "country", &[]),
    ("Ba Lan", "country", &[]),
    ("Séc", "country", &["Cộng hòa Séc", "Tiệp Khắc"]),
    ("Hungary", "country", &["Hung-ga-ri"]),
    ("Ukraine", "country", &["Ukraina"]),
    ("Lào", "country", &[]),
    ("Campuchia", "country", &["Cam-pu-chia"]),
    ("Thái Lan", "country", &[]),
    ("Malaysia", "country", &["Ma-lai-xi-a"]),
    ("Singapore", "country", &["Xin-ga-po"]),
    ("Indonesia", "country", &["In-đô-nê-xi-a"]),
    ("Philippines", "country", &["Phi-líp-pin", "Philippin"]),
    ("Myanmar", "country", &["Miến Điện"]),
    ("Ấn Độ", "country", &[]),
    ("Úc", "country", &["Australia", "Ô-xtrây-li-a"]),
    ("New Zealand", "country", &[]),
    ("Canada", "country", &[]),
    ("Mexico", "country", &[]),
    ("Brazil", "country", &[]),
    ("Argentina", "country", &[]),
    ("Cuba", "country", &[]),
    ("Ai Cập", "country", &[]),
    ("Nam Phi", "country", &[]),
    ("Israel", "country", &[]),
    ("Iran", "country", &[]),
    ("Iraq", "country", &[]),
    ("Thổ Nhĩ Kỳ", "country", &[]),
    ("Mông Cổ", "country", &[]),
    ("Đài Loan", "country", &[]),
    (
        "Việt Nam",
        "country",
        &["Cộng hòa xã hội chủ nghĩa Việt Nam"],
    ),
    ("Việt Nam Cộng hòa", "historical state", &[]),
    ("Việt Nam Dân chủ Cộng hòa", "historical state", &[]),
    ("Quốc gia Việt Nam", "historical state", &[]),
    ("Dinh Độc Lập", "landmark", &["Dinh Thống Nhất"]),
    ("Nhà Trắng", "landmark", &[]),
    ("Điện Kremlin", "landmark", &["Kremlin"]),
    ("Bắc Kinh", "foreign city", &[]),
    ("Thượng Hải", "foreign city", &[]),
    ("Quảng Châu", "foreign city", &[]),
    ("Hồng Kông", "foreign city", &["Hương Cảng"]),
    ("Tokyo", "foreign city", &["Tô-ky-ô"]),
    ("Seoul", "foreign city", &["Xơ-un"]),
    ("Bình Nhưỡng", "foreign city", &[]),
    ("Moskva", "foreign city", &["Mát-xcơ-va", "Moscow"]),
    ("Washington", "foreign city", &["Oa-sinh-tơn"]),
    ("New York", "foreign city", &[]),
    ("Paris", "foreign city", &["Pa-ri"]),
    ("London", "foreign city", &["Luân Đôn"]),
    ("Berlin", "foreign city", &[]),
    ("Viêng Chăn", "foreign city", &["Vientiane"]),
    ("Phnôm Pênh", "foreign city", &["Phnom Penh", "Nông Pênh"]),
    ("Bangkok", "foreign city", &["Băng Cốc"]),
    ("Kuala Lumpur", "foreign city", &[]),
    ("Jakarta", "foreign city", &["Gia-các-ta"]),
    ("Manila", "foreign city", &[]),
    ("Niger", "country", &[]),
    ("Nigeria", "country", &[]),
    ("Kenya", "country", &[]),
    ("Ethiopia", "country", &[]),
    ("Algérie", "country", &["Algeria", "An-giê-ri"]),
    ("Maroc", "country", &["Morocco"]),
    ("Angola", "country", &[]),
    ("Mozambique", "country", &[]),
    ("Ả Rập Xê Út", "country", &["Saudi Arabia", "Arab Saudi"]),
    ("Syria", "country", &["Xy-ri"]),
    ("Liban", "country", &["Lebanon"]),
    ("Jordan", "country", &[]),
    ("Palestine", "country", &[]),
    ("Afghanistan", "country", &["Áp-ga-ni-xtan"]),
    ("Pakistan", "country", &[]),
    ("Bangladesh", "country", &[]),
    ("Sri Lanka", "country", &[]),
    ("Nepal", "country", &[]),
    ("Bhutan", "country", &[]),
    ("Kazakhstan", "country", &[]),
    ("Uzbekistan", "country", &[]),
    ("Belarus", "country", &["Belarút"]),
    ("Romania", "country", &["Rumani"]),
    ("Bulgaria", "country", &["Bungari"]),
    ("Hy Lạp", "country", &[]),
    ("Áo", "country", &[]),
    ("Ireland", "country", &["Ai Len", "Ai-len"]),
    ("Scotland", "country", &[]),
    ("Iceland", "country", &["Băng Đảo"]),
    ("Serbia", "country", &[]),
    ("Croatia", "country", &[]),
    ("Nam Tư", "country", &[]),
    ("Chile", "country", &["Chi-lê"]),
    ("Peru", "country", &["Pê-ru"]),
    ("Colombia", "country", &[]),
    ("Venezuela", "country", &[]),
    ("Bolivia", "country", &[]),
    ("Uruguay", "country", &[]),
    ("Paraguay", "country", &[]),
    ("Ecuador", "country", &[]),
    ("Nicaragua", "country", &[]),
    ("Panama", "country", &[]),
    ("Brunei", "country", &[]),
    ("Đông Timor", "country", &["Timor-Leste"]),
    ("Bắc Triều Tiên", "country", &[]),
    ("Qatar", "country", &[]),
    ("Kuwait", "country", &["Cô-oét"]),
    ("Yemen", "country", &[]),
    ("Oman", "country", &[]),
    ("Libya", "country", &[]),
    ("Tunisia", "country", &[]),
    ("Sudan", "country", &["Xu-đăng"]),
    ("Zimbabwe", "country", &[]),
    ("Tanzania", "country", &[]),
    ("Uganda", "country", &[]),
    ("Senegal", "country", &[]),
    ("Ghana", "country", &[]),
    ("Cameroon", "country", &[]),
    ("Madagascar", "country", &[]),
    ("Mông Cổ", "country", &[]),
    ("Hoa Kỳ", "country", &[]),
    ("Osaka", "foreign city", &[]),
    ("Kyoto", "foreign city", &[]),
    ("Fukuoka", "foreign city", &[]),
    ("Đài Bắc", "foreign city", &["Taipei"]),
    ("Thâm Quyến", "foreign city", &[]),
    ("Nam Ninh", "foreign city", &[]),
    ("Côn Minh", "foreign city", &[]),
    ("Vladivostok", "foreign city", &[]),
    (
        "Sankt-Peterburg",
        "foreign city",
        &["Saint Petersburg", "Leningrad"],
    ),
    ("Geneva", "foreign city", &["Genève", "Giơ-ne-vơ"]),
    ("Bruxelles", "foreign city", &["Brussels"]),
    ("Roma", "foreign city", &["Rome"]),
    ("Madrid", "foreign city", &[]),
    ("Viên", "foreign city", &["Vienna", "Wien"]),
    ("Praha", "foreign city", &["Prague"]),
    ("Warszawa", "foreign city", &["Warsaw", "Vác-sa-va"]),
    ("Budapest", "foreign city", &[]),
    ("Sydney", "foreign city", &[]),
    ("Canberra", "foreign city", &[]),
    ("Ottawa", "foreign city", &[]),
    ("Los Angeles", "foreign city", &[]),
    ("San Francisco", "foreign city", &[]),
    ("Chicago", "foreign city", &[]),
    ("Havana", "foreign city", &["La Habana"]),
    ("New Delhi", "foreign city", &["Delhi"]),
    ("Yangon", "foreign city", &["Rangoon"]),
    ("Luang Prabang", "foreign city", &["Luông Pha Băng"]),
    ("Biển Đông", "sea", &[]),
    ("Hoàng Sa", "archipelago", &["quần đảo Hoàng Sa"]),
    ("Trường Sa", "archipelago", &["quần đảo Trường Sa"]),
    ("Đông Dương", "historical region", &[]),
    ("Bắc Kỳ", "historical region", &[]),
    ("Trung Kỳ", "historical region", &[]),
    ("Nam Kỳ", "historical region", &["Nam Kì"]),
    ("Đông Nam Á", "region abroad", &[]),
    ("châu Âu", "region abroad", &["Châu Âu"]),
    ("châu Á", "region abroad", &["Châu Á"]),
    ("châu Phi", "region abroad", &["Châu Phi"]),
    ("châu Mỹ", "region abroad", &["Châu Mỹ"]),
];

/// Abbreviations expanded in the key stream (case as written in the text is ignored).
const EXPAND_KINDS: &[&str] = &[
    "org",
    "org part",
    "title",
    "place prefix",
    "place",
    "place (pre-2025)",
    "region",
    "org part (pre-2025)",
    "place prefix (pre-2025)",
];

/// Abbreviations never expanded: ambiguous or mostly something else.
const NO_EXPAND: &[&str] = &["TTg", "CP", "HN", "CA", "QH", "TT", "CT", "TP", "Q.", "BCT"];

/// Title heads: a title is one of these, then the organization written after it.
const TITLE_HEADS: &[&str] = &[
    "Tổng Bí thư",
    "Bí thư",
    "Phó Bí thư",
    "Bí thư thứ nhất",
    "Phó Bí thư Thường trực",
    "Ủy viên",
    "Ủy viên Thường vụ",
    "Ủy viên dự khuyết",
    "Thường trực",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Phó Chủ tịch Thường trực",
    "Quyền Chủ tịch",
    "Chủ tịch nước",
    "Phó Chủ tịch nước",
    "Chủ nhiệm",
    "Phó Chủ nhiệm",
    "Thủ tướng",
    "Phó Thủ tướng",
    "Phó Thủ tướng Thường trực",
    "Quyền Thủ tướng",
    "Bộ trưởng",
    "Quyền Bộ trưởng",
    "Thứ trưởng",
    "Thứ trưởng Thường trực",
    "Tổng Thư ký",
    "Phó Tổng Thư ký",
    "Chánh án",
    "Phó Chánh án",
    "Viện trưởng",
    "Phó Viện trưởng",
    "Tổng Kiểm toán",
    "Phó Tổng Kiểm toán",
    "Tổng Thanh tra",
    "Phó Tổng Thanh tra",
    "Chánh Thanh tra",
    "Thống đốc",
    "Phó Thống đốc",
    "Chánh Văn phòng",
    "Phó Chánh Văn phòng",
    "Vụ trưởng",
    "Phó Vụ trưởng",
    "Cục trưởng",
    "Phó Cục trưởng",
    "Tổng Cục trưởng",
    "Phó Tổng Cục trưởng",
    "Chi cục trưởng",
    "Giám đốc",
    "Phó Giám đốc",
    "Tổng Giám đốc",
    "Phó Tổng Giám đốc",
    "Trưởng Ban",
    "Phó Trưởng Ban",
    "Trưởng Ban Thường trực",
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Trưởng đoàn",
    "Phó Trưởng đoàn",
    "Đại biểu",
    "Hiệu trưởng",
    "Phó Hiệu trưởng",
    "Đại sứ",
    "Tổng Lãnh sự",
    "Tư lệnh",
    "Phó Tư lệnh",
    "Chính ủy",
    "Tổng Tham mưu trưởng",
    "Chỉ huy trưởng",
    "Trưởng Công an",
    "Người phát ngôn",
    "Tổng thống",
    "Phó Tổng thống",
    "Vua",
    "Hoàng đế",
    "Tỉnh trưởng",
    "Dân biểu",
    "Nghị sĩ",
    "Thượng nghị sĩ",
    "Thị trưởng",
    "Toàn quyền",
    "Tổng Biên tập",
    "Phó Tổng Biên tập",
    "Bí thư Trung ương Đảng",
    "Ủy viên Trung ương Đảng",
];

/// Words an organization's name starts with, and the type they give.
const ORG_HEADS: &[(&str, Option<&str>)] = &[
    ("Bộ", Some("ministry")),
    ("Tổng cục", Some("general department")),
    ("Cục", Some("department")),
    ("Chi cục", Some("department")),
    ("Vụ", Some("department")),
    ("Ban", None),
    ("Ban Thường vụ", Some("party")),
    ("Ban Chấp hành", Some("party")),
    ("Đảng", Some("party")),
    ("Đảng bộ", Some("party")),
    ("Mặt trận", None),
    ("Hội đồng", None),
    ("Ủy ban", None),
    ("Viện", None),
    ("Học viện", Some("academy")),
    ("Trường Đại học", Some("university")),
    ("Trường Cao đẳng", Some("college")),
    ("Trường Trung học", Some("school")),
    ("Trường Tiểu học", Some("school")),
    ("Trường THPT", Some("school")),
    ("Trường THCS", Some("school")),
    ("Đại học", Some("university")),
    ("Công ty", Some("company")),
    ("Tập đoàn", Some("company")),
    ("Tổng công ty", Some("company")),
    ("Ngân hàng", Some("bank")),
    ("Trung tâm", None),
    ("Hội", Some("association")),
    ("Hiệp hội", Some("association")),
    ("Liên đoàn", None),
    ("Liên hiệp", None),
    ("Văn phòng", None),
    ("Thanh tra", None),
    ("Tòa án", Some("court")),
    ("Viện kiểm sát", Some("procuracy")),
    ("Sở", Some("provincial department")),
    ("Phòng", None),
    ("Đài", Some("broadcaster")),
    ("Báo", Some("newspaper")),
    ("Tạp chí", Some("journal")),
    ("Nhà xuất bản", Some("publisher")),
    ("Bệnh viện", Some("hospital")),
    ("Quân khu", Some("military")),
    ("Quân đoàn", Some("military")),
    ("Sư đoàn", Some("military")),
    ("Bộ Tư lệnh", Some("military")),
    ("Quỹ", None),
    ("Tổ chức", None),
    ("Chính phủ", Some("government")),
    ("Quốc hội", Some("National Assembly")),
];

/// Organizations the tables leave out: (name, type, aliases).
const EXTRA_ORGS: &[(&str, Option<&str>, &[&str])] = &[
    (
        "Đảng Cộng sản Việt Nam",
        Some("party"),
        &["ĐCSVN", "Đảng Cộng sản"],
    ),
    (
        "Ban Chấp hành Trung ương Đảng",
        Some("party"),
        &[
            "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam",
            "Ban Chấp hành Trung ương",
        ],
    ),
    ("Mặt trận Tổ quốc Việt Nam", None, &["Mặt trận Tổ quốc"]),
    (
        "Quân đội nhân dân Việt Nam",
        Some("military"),
        &["Quân đội nhân dân"],
    ),
    ("Công an nhân dân", None, &[]),
    (
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        None,
        &["Đoàn TNCS Hồ Chí Minh"],
    ),
    (
        "Liên Hợp Quốc",
        Some("international"),
        &["Liên hợp quốc", "LHQ"],
    ),
    (
        "ASEAN",
        Some("international"),
        &["Hiệp hội các quốc gia Đông Nam Á"],
    ),
];

/// Vietnamese surnames (the first syllable of most names).
const SURNAMES: &[&str] = &[
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đào",
    "Đoàn",
    "Vương",
    "Trịnh",
    "Trương",
    "Lâm",
    "Phùng",
    "Mai",
    "Tô",
    "Tạ",
    "Hà",
    "Lương",
    "Đinh",
    "Cao",
    "Lưu",
    "Kiều",
    "Châu",
    "Thái",
    "Văn",
    "Quách",
    "Chu",
    "Đàm",
    "Tăng",
    "La",
    "Lại",
    "Triệu",
    "Từ",
    "Thân",
    "Hầu",
    "Nghiêm",
    "Giáp",
    "Khúc",
    "Mạc",
    "Tôn",
    "Diệp",
    "Âu",
    "Viên",
    "Khổng",
    "Mẫn",
    "Ninh",
    "Lục",
    "Ông",
    "Kim",
    "Bế",
    "Nông",
    "Lò",
    "Quàng",
    "Sầm",
    "Hứa",
    "Doãn",
    "Đồng",
    "Lã",
    "Phí",
    "Vi",
    "Bạch",
    "Trang",
    "Thạch",
    "Danh",
    "Y",
    "Hoàng",
    "Chế",
    "Cù",
    "Nhữ",
    "Ôn",
    "Tống",
    "Uông",
    "Mã",
    "Lục",
    "Khuất",
    "Biện",
    "Đường",
    "Cầm",
    "Hoa",
    "Lữ",
];

/// Minimal CSV reader: quoted fields with commas and doubled quotes.
fn csv_rows(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut fields = Vec::new();
            let mut cur = String::new();
            let mut quoted = false;
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '"' if quoted && chars.peek() == Some(&'"') => {
                        cur.push('"');
                        chars.next();
                    }
                    '"' => quoted = !quoted,
                    ',' if !quoted => fields.push(std::mem::take(&mut cur)),
                    _ => cur.push(c),
                }
            }
            fields.push(cur);
            fields
        })
}

fn field(row: &[String], i: usize) -> &str {
    row.get(i).map(|s| s.trim()).unwrap_or("")
}

/// The compiled gazetteers.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    map: KeyMap<Node>,
    /// Districts and wards, matched only after their type word (a much larger table).
    units: KeyMap<Node>,
    /// Abbreviation (fold key of the text without dots) → the keys of its expansion.
    expansions: KeyMap<Vec<(u64, u64)>>,
    pub provinces: Vec<ProvinceValue>,
    /// The pre-2025 type of each province (for `TP X`).
    province_is_city: Vec<bool>,
    pub districts: Vec<PlaceValue>,
    district_type: Vec<PlaceType>,
    pub wards: Vec<PlaceValue>,
    ward_type: Vec<PlaceType>,
    pub regions: Vec<RegionValue>,
    pub foreign: Vec<PlaceValue>,
    pub orgs: Vec<Org>,
    pub titles: Vec<String>,
    surnames: KeySet,
    surnames_fold: KeySet,
    /// First keys of the place entries that may start in lower case (type words, regions).
    starters: KeySet,
    /// First keys of the titles.
    title_starters: KeySet,
}

macro_rules! data {
    ($f:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/gazetteer/", $f))
    };
}

impl Gazetteer {
    /// Compiles the embedded tables.
    pub fn embedded() -> Gazetteer {
        let mut g = Gazetteer::default();
        let norm = Normalizer::new();
        // Abbreviations first: entries are compiled through the same expansion.
        for row in csv_rows(data!("abbreviations.csv")) {
            let (abbr, exp, kind) = (field(&row, 0), field(&row, 1), field(&row, 2));
            if !EXPAND_KINDS.contains(&kind) || NO_EXPAND.contains(&abbr) || exp.contains('|') {
                continue;
            }
            let exp = norm.normalize(exp);
            let mut toks = Vec::new();
            tokens::tokens(&exp, &mut toks);
            let keys: Vec<(u64, u64)> = toks
                .iter()
                .filter(|t| t.is_word())
                .map(|t| (t.exact, t.fold))
                .collect();
            g.expansions.insert(abbrev_key(abbr), keys);
        }
        // Everyday forms the table leaves out.
        for (abbr, exp) in [
            ("TP", "thành phố"),
            ("Tp", "thành phố"),
            ("TPHCM", "thành phố Hồ Chí Minh"),
            ("HCM", "Hồ Chí Minh"),
            ("TW", "Trung ương"),
            ("Q", "quận"),
        ] {
            let exp = norm.normalize(exp);
            let mut toks = Vec::new();
            tokens::tokens(&exp, &mut toks);
            let keys = toks.iter().map(|t| (t.exact, t.fold)).collect();
            g.expansions.insert(abbrev_key(abbr), keys);
        }

        // Provinces, grouped by name.
        let mut by_name: Vec<(String, Vec<Vec<String>>)> = Vec::new();
        for row in csv_rows(data!("provinces.csv")) {
            let name = field(&row, 2).to_string();
            match by_name.iter_mut().find(|(n, _)| *n == name) {
                Some((_, rows)) => rows.push(row),
                None => by_name.push((name, vec![row])),
            }
        }
        for (name, rows) in &by_name {
            let era_of = |r: &Vec<String>| field(r, 1).to_string();
            let pre = rows.iter().find(|r| era_of(r) != "current");
            let cur = rows.iter().find(|r| era_of(r) == "current");
            let era = match (pre, cur) {
                (Some(_), Some(_)) => "both",
                (None, Some(_)) => "current",
                (Some(r), None) if field(r, 1) == "pre-2008" => "pre-2008",
                _ => "pre-2025",
            };
            let code = cur.or(pre).map(|r| field(r, 0)).unwrap_or("");
            let current = match (cur, pre) {
                (Some(_), _) => name.clone(),
                (None, Some(r)) => field(r, 8).to_string(),
                _ => String::new(),
            };
            let id = g.provinces.len() as u32;
            g.provinces.push(ProvinceValue {
                name: name.clone(),
                code: code.to_string(),
                era,
                current,
            });
            g.province_is_city
                .push(rows.iter().any(|r| field(r, 4).starts_with("thành phố")));
            let mut names: Vec<String> = vec![name.clone()];
            for r in rows {
                names.push(field(r, 3).to_string());
                names.extend(field(r, 12).split('|').map(str::to_string));
                names.extend(field(r, 13).split('|').map(str::to_string));
                names.push(field(r, 14).to_string());
            }
            names.sort();
            names.dedup();
            for n in names {
                // Two-letter codes (HN) are too ambiguous; full names with their type word
                // are matched as type word + name.
                if n.len() < 3 || n == "Thủ đô" {
                    continue;
                }
                g.add(&norm, &n, Kind::Province, id);
            }
        }
        // Districts (pre-2025).
        let province_by_code: HashMap<String, String> = by_name
            .iter()
            .flat_map(|(_, rows)| rows.iter())
            .filter(|r| field(r, 1) == "pre-2025")
            .map(|r| (field(r, 0).to_string(), field(r, 2).to_string()))
            .collect();
        for row in csv_rows(data!("districts_pre2025.csv")) {
            let id = g.districts.len() as u32;
            let t = match field(&row, 3) {
                "Quận" => PlaceType::Urban,
                "Huyện" => PlaceType::District,
                "Thị xã" => PlaceType::Town,
                _ => PlaceType::City,
            };
            g.districts.push(PlaceValue {
                name: field(&row, 1).to_string(),
                level: "district (pre-2025)".into(),
                province: Some(field(&row, 5).to_string()),
            });
            g.district_type.push(t);
            // A short name may carry a disambiguation: `Cao Lãnh (Thành phố)`.
            let short = short_name(field(&row, 2));
            g.add(&norm, short, Kind::District, id);
            // Cities and towns are written without their type word too (Nha Trang, Móng Cái).
            if matches!(t, PlaceType::City | PlaceType::Town) && short.contains(' ') {
                g.add(&norm, short, Kind::City, id);
            }
        }
        for (file, pre) in [
            (data!("wards_pre2025.csv"), true),
            (data!("wards_2025.csv"), false),
        ] {
            for row in csv_rows(file) {
                let id = g.wards.len() as u32;
                let t = match field(&row, 3) {
                    "Phường" => PlaceType::Ward,
                    "Thị trấn" => PlaceType::Townlet,
                    _ => PlaceType::Commune,
                };
                let province = if pre {
                    province_by_code.get(field(&row, 5)).cloned()
                } else {
                    Some(field(&row, 5).to_string())
                };
                g.wards.push(PlaceValue {
                    name: field(&row, 1).to_string(),
                    level: if pre {
                        "ward (pre-2025)"
                    } else {
                        "ward (2025)"
                    }
                    .into(),
                    province,
                });
                g.ward_type.push(t);
                g.add(&norm, short_name(field(&row, 2)), Kind::Ward, id);
            }
        }
        // Regions.
        for row in csv_rows(data!("regions.csv")) {
            let (code, name) = (field(&row, 0), field(&row, 3));
            if name.is_empty() || g.regions.iter().any(|r| r.name == name) {
                continue;
            }
            let id = g.regions.len() as u32;
            g.regions.push(RegionValue {
                code: (!code.is_empty()).then(|| code.to_string()),
                name: name.to_string(),
            });
            g.add(&norm, name, Kind::Region, id);
            for a in field(&row, 4)
                .split('|')
                .filter(|a| !a.is_empty() && !a.starts_with("phía"))
            {
                g.add(&norm, a, Kind::Region, id);
            }
            if let Some(abbr) = [("DBSH", "ĐBSH"), ("DBSCL", "ĐBSCL"), ("DNB", "ĐNB")]
                .iter()
                .find(|(c, _)| *c == code)
            {
                g.add(&norm, abbr.1, Kind::Region, id);
            }
        }
        // Foreign places.
        for &(name, level, aliases) in FOREIGN {
            let id = g.foreign.len() as u32;
            g.foreign.push(PlaceValue {
                name: name.to_string(),
                level: level.to_string(),
                province: None,
            });
            g.add(&norm, name, Kind::Foreign, id);
            for a in aliases {
                g.add(&norm, a, Kind::Foreign, id);
            }
        }
        // Type words.
        for (w, t) in [
            ("tỉnh", PlaceType::Province),
            ("thành phố", PlaceType::City),
            ("TP", PlaceType::City),
            ("T.P", PlaceType::City),
            ("huyện", PlaceType::District),
            ("quận", PlaceType::Urban),
            ("thị xã", PlaceType::Town),
            ("phường", PlaceType::Ward),
            ("xã", PlaceType::Commune),
            ("thị trấn", PlaceType::Townlet),
            ("nước", PlaceType::Country),
            ("vương quốc", PlaceType::Country),
            ("liên bang", PlaceType::Country),
            ("hợp chủng quốc", PlaceType::Country),
            ("đế quốc", PlaceType::Country),
            ("châu", PlaceType::Other),
            ("phủ", PlaceType::Other),
            ("trấn", PlaceType::Other),
            ("xứ", PlaceType::Other),
            ("tổng", PlaceType::Other),
            ("làng", PlaceType::Other),
            ("thôn", PlaceType::Other),
            ("ấp", PlaceType::Other),
            ("thủ đô", PlaceType::Other),
            ("vùng", PlaceType::Other),
            ("miền", PlaceType::Other),
        ] {
            g.add(&norm, w, Kind::PlaceType(t), 0);
        }
        for (i, (w, _)) in NAMED_PLACES.iter().enumerate() {
            g.add(&norm, w, Kind::NamedPlace, i as u32);
        }
        // Organizations: ministries, then the rest.
        for row in csv_rows(data!("ministries.csv")) {
            let name = field(&row, 0);
            if g.orgs.iter().any(|o| o.name == name) {
                continue;
            }
            let kind = match field(&row, 1) {
                "bộ" => "ministry",
                "cơ quan ngang bộ" => "ministry-level agency",
                _ => "government agency",
            };
            let id = g.add_org(name, Some(kind), false);
            for a in field(&row, 5).split('|').filter(|a| a.len() > 2) {
                g.add(&norm, a, Kind::Org, id);
            }
            g.add(&norm, name, Kind::Org, id);
        }
        for row in csv_rows(data!("organizations.csv")) {
            let name = field(&row, 0);
            let kind = field(&row, 1);
            let pattern = field(&row, 4);
            let takes_place = pattern.contains("<province>");
            let typ = if kind.starts_with("provincial department") {
                Some("provincial department")
            } else if kind.starts_with("party") {
                Some("party")
            } else if kind == "National Assembly" {
                Some("National Assembly body")
            } else if kind.starts_with("provincial body") {
                Some("local body")
            } else {
                None
            };
            let id = g.add_org(name, typ, takes_place);
            g.add(&norm, name, Kind::Org, id);
            for a in field(&row, 3).split('|').filter(|a| a.chars().count() > 2) {
                g.add(&norm, a, Kind::Org, id);
            }
            // The central council and board are also written without "Trung ương".
            if let Some(short) = name.strip_suffix(" Trung ương")
                && name.contains("Thi đua")
            {
                g.add(&norm, short, Kind::Org, id);
            }
        }
        // Titles.
        for t in TITLE_HEADS {
            let id = g.titles.len() as u32;
            g.titles.push(t.to_string());
            g.add(&norm, t, Kind::Title, id);
        }
        for (k, (h, _)) in ORG_HEADS.iter().enumerate() {
            g.add(&norm, h, Kind::OrgHead, k as u32);
        }
        for &(name, kind, aliases) in EXTRA_ORGS {
            let id = match g.orgs.iter().position(|o| o.name == name) {
                Some(id) => id as u32,
                None => g.add_org(name, kind, false),
            };
            g.add(&norm, name, Kind::Org, id);
            for a in aliases {
                g.add(&norm, a, Kind::Org, id);
            }
        }
        for s in SURNAMES {
            let (e, f) = tokens::word_keys(s);
            g.surnames.insert(e);
            g.surnames_fold.insert(f);
        }
        g
    }

    fn add_org(&mut self, name: &str, kind: Option<&str>, takes_place: bool) -> u32 {
        let id = self.orgs.len() as u32;
        self.orgs.push(Org {
            name: name.to_string(),
            kind: kind.map(str::to_string),
            takes_place,
        });
        id
    }

    /// Adds `text` (a name or alias) as an entry.
    fn add(&mut self, norm: &Normalizer, text: &str, kind: Kind, id: u32) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let text = norm.normalize(text);
        let mut toks = Vec::new();
        tokens::tokens(&text, &mut toks);
        let mut s = Stream::default();
        self.stream(&toks, &mut s);
        let keys = &s.keys;
        if keys.is_empty() || keys.iter().any(|k| k.fold == 0) {
            return;
        }
        let (mut h, mut he) = (SEQUENCE_SEED, SEQUENCE_SEED);
        for (n, k) in keys.iter().enumerate() {
            h = mix(h, k.fold);
            he = mix(he, k.exact);
            if n + 1 < keys.len() {
                let map = if matches!(kind, Kind::District | Kind::Ward) {
                    &mut self.units
                } else {
                    &mut self.map
                };
                map.entry(finish(h) | 1).or_default().prefix = true;
            }
        }
        if matches!(
            kind,
            Kind::PlaceType(_) | Kind::NamedPlace | Kind::Region | Kind::Foreign
        ) {
            self.starters.insert(keys[0].fold);
        }
        if kind == Kind::Title {
            self.title_starters.insert(keys[0].fold);
        }
        let exact = finish(he) | 1;
        let entry = Entry {
            kind,
            id,
            exact,
            fold_exact: if keys.iter().all(|k| k.exact == k.fold) {
                exact
            } else {
                0
            },
        };
        let map = if matches!(kind, Kind::District | Kind::Ward) {
            &mut self.units
        } else {
            &mut self.map
        };
        let list = &mut map.entry(finish(h) | 1).or_default().entries;
        if !list
            .iter()
            .any(|e| e.kind == entry.kind && e.id == entry.id && e.exact == entry.exact)
        {
            list.push(entry);
        }
    }

    /// Builds the key stream of `toks`.
    pub fn stream(&self, toks: &[Tok<'_>], out: &mut Stream) {
        out.keys.clear();
        out.first.clear();
        out.memo.borrow_mut().clear();
        out.memo.borrow_mut().resize(toks.len(), (u32::MAX, 0));
        out.memo_hits.borrow_mut().clear();
        out.loose = toks.first().is_some_and(|t| t.loose);
        for (i, t) in toks.iter().enumerate() {
            if t.gap == Gap::Line {
                out.keys.push(BREAK);
            }
            let start = out.keys.len() as u32;
            match t.kind {
                PreTokenKind::Punctuation | PreTokenKind::Symbol => {
                    if !matches!(t.text, "-" | "–" | "," | "." | "&") {
                        out.keys.push(BREAK);
                    }
                    out.first.push(u32::MAX);
                    continue;
                }
                PreTokenKind::Abbreviation | PreTokenKind::Code | PreTokenKind::Foreign => {
                    if let Some(exp) = self.expansions.get(&abbrev_key(t.text)) {
                        let n = exp.len();
                        for (k, &(exact, fold)) in exp.iter().enumerate() {
                            out.keys.push(SKey {
                                exact,
                                fold,
                                tok: i as u32,
                                last: k + 1 == n,
                                ascii: false,
                            });
                        }
                        out.first.push(if n == 0 { u32::MAX } else { start });
                        continue;
                    }
                }
                _ => {}
            }
            out.keys.push(SKey {
                exact: t.exact,
                fold: t.fold,
                tok: i as u32,
                last: true,
                ascii: t.ascii,
            });
            out.first.push(start);
        }
    }

    /// Calls `f(end_key, entry)` for every entry matching the stream from key `p` on.
    pub fn matches(&self, s: &Stream, p: usize, f: impl FnMut(usize, &Entry)) {
        Self::matches_in(&self.map, s, p, f);
    }

    fn matches_in(map: &KeyMap<Node>, s: &Stream, p: usize, mut f: impl FnMut(usize, &Entry)) {
        let (mut h, mut he) = (SEQUENCE_SEED, SEQUENCE_SEED);
        let mut ascii = true;
        for q in p..s.keys.len().min(p + 16) {
            let k = s.keys[q];
            if k.fold == 0 {
                break;
            }
            h = mix(h, k.fold);
            he = mix(he, k.exact);
            ascii &= k.ascii;
            let key = finish(h) | 1;
            let Some(node) = map.get(&key) else {
                break;
            };
            if k.last && !node.entries.is_empty() {
                let ke = finish(he) | 1;
                // Text without diacritics matches accented names, but one short word alone
                // (Y for Ý) is too weak.
                let folded_ok = ascii && s.loose && q > p;
                for e in &node.entries {
                    if e.exact == ke || folded_ok || ascii && s.loose && e.exact == e.fold_exact {
                        f(q + 1, e);
                    }
                }
            }
            if !node.prefix {
                break;
            }
        }
    }

    /// The longest entry accepted by `ok` at token `i`: (end token, entry).
    pub fn longest(
        &self,
        s: &Stream,
        i: usize,
        mut ok: impl FnMut(&Entry) -> bool,
    ) -> Option<(usize, Entry)> {
        let (a, b) = self.hits(s, i)?;
        let hits = s.memo_hits.borrow();
        let mut best: Option<(usize, Entry)> = None;
        for &(end, e) in &hits[a..b] {
            if ok(&e) && best.is_none_or(|(b, _)| end as usize >= b) {
                best = Some((end as usize, e));
            }
        }
        best
    }

    /// The matches of the main table at token `i` (computed once per stream): a range of
    /// `s.memo_hits`.
    fn hits(&self, s: &Stream, i: usize) -> Option<(usize, usize)> {
        let p = *s.first.get(i)?;
        if p == u32::MAX {
            return None;
        }
        let (start, len) = s.memo.borrow()[i];
        if start != u32::MAX {
            return Some((start as usize, (start + len) as usize));
        }
        let mut hits = s.memo_hits.borrow_mut();
        let start = hits.len();
        self.matches(s, p as usize, |end, e| {
            hits.push((s.keys[end - 1].tok + 1, *e));
        });
        let len = hits.len() - start;
        s.memo.borrow_mut()[i] = (start as u32, len as u32);
        Some((start, start + len))
    }

    /// All entries accepted by `ok` of the longest match at token `i`.
    pub fn all_longest(
        &self,
        s: &Stream,
        i: usize,
        mut ok: impl FnMut(&Entry) -> bool,
    ) -> (usize, Vec<Entry>) {
        let Some(&p) = s.first.get(i) else {
            return (0, Vec::new());
        };
        if p == u32::MAX {
            return (0, Vec::new());
        }
        let mut best_end = 0;
        let mut out = Vec::new();
        let mut each = |end: usize, e: &Entry| {
            if !ok(e) {
                return;
            }
            if end > best_end {
                best_end = end;
                out.clear();
            }
            if end == best_end {
                out.push(*e);
            }
        };
        Self::matches_in(&self.map, s, p as usize, &mut each);
        Self::matches_in(&self.units, s, p as usize, &mut each);
        if out.is_empty() {
            return (0, out);
        }
        (s.keys[best_end - 1].tok as usize + 1, out)
    }

    /// Whether a title may start at token `i` (its first key starts one).
    pub fn starts_title(&self, s: &Stream, i: usize) -> bool {
        s.first.get(i).is_some_and(|&p| {
            s.keys
                .get(p as usize)
                .is_some_and(|k| self.title_starters.contains(&k.fold))
        })
    }

    /// Whether the token is a known surname.
    pub fn is_surname(&self, t: &Tok<'_>) -> bool {
        self.surnames.contains(&t.exact) || (t.ascii && self.surnames_fold.contains(&t.fold))
    }

    /// Places, provinces and regions.
    pub fn places(&self, toks: &[Tok<'_>], s: &Stream, taken: &[bool]) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if taken[i] || !toks[i].is_word() && toks[i].kind != PreTokenKind::Abbreviation {
                i += 1;
                continue;
            }
            // Places start with a capital, a type word or a region's first word.
            let starter = || {
                s.first.get(i).is_some_and(|&p| {
                    s.keys
                        .get(p as usize)
                        .is_some_and(|k| self.starters.contains(&k.fold))
                })
            };
            if !toks[i].capitalized() && !starter() {
                i += 1;
                continue;
            }
            if let Some(f) = self.place_at(toks, s, i, &out) {
                i = f.end;
                let listed_type = (f.start > 0 && listed(toks, f.start - 1))
                    .then(|| self.longest(s, f.start - 1, |e| matches!(e.kind, Kind::PlaceType(_))))
                    .flatten();
                out.push(f);
                // `hai tỉnh Lai Châu và Phong Thổ`, `các huyện A, B và C`: the rest of the list.
                if let Some((_, te)) = listed_type
                    && let Kind::PlaceType(t) = te.kind
                {
                    while i + 1 < toks.len()
                        && (toks[i].text == "," || toks[i].is(W::Va))
                        && toks[i + 1].capitalized()
                        && toks[i + 1].gap != Gap::Line
                    {
                        let j = i + 1;
                        let (end, cands) = self.all_longest(s, j, |e| self.fits(t, e));
                        let f = if cands.is_empty() {
                            let end = capitalized_run(toks, j);
                            if end == j {
                                break;
                            }
                            Found {
                                kind: EntityKind::Place,
                                start: j,
                                end,
                                value: Value::Place(PlaceValue {
                                    name: toks[j..end]
                                        .iter()
                                        .map(|t| t.text)
                                        .collect::<Vec<_>>()
                                        .join(" "),
                                    level: String::new(),
                                    province: None,
                                }),
                            }
                        } else {
                            self.resolve_place(toks, s, j, end, &cands, &out)
                        };
                        i = f.end;
                        out.push(f);
                    }
                }
            } else {
                i += 1;
            }
        }
        // Wards and districts of ambiguous names take the province named in the text.
        out
    }

    fn place_at(&self, toks: &[Tok<'_>], s: &Stream, i: usize, so_far: &[Found]) -> Option<Found> {
        // Everything that matches at i, in one walk: (end token, entry).
        let p = *s.first.get(i)?;
        if p == u32::MAX {
            return None;
        }
        let (a, b) = self.hits(s, i)?;
        let here: Vec<(usize, Entry)> = s.memo_hits.borrow()[a..b]
            .iter()
            .map(|&(end, e)| (end as usize, e))
            .collect();
        if here.is_empty() {
            return None;
        }
        let longest = |ok: &dyn Fn(&Entry) -> bool| -> Option<(usize, Entry)> {
            here.iter()
                .filter(|(_, e)| ok(e))
                .max_by_key(|(end, _)| *end)
                .copied()
        };
        // Type word + name.
        let mut unknown: Option<Found> = None;
        let type_word_ok = |t: PlaceType, j: usize| {
            t != PlaceType::Other
                // Not the end of a word (Chính phủ), not a title (Tổng Bí thư).
                || !(i > 0
                    && toks[i - 1].is_word()
                    && toks[i - 1].gap == Gap::Space
                    && crate::segment::is_lexicon_word(
                        &toks[i - 1..j].iter().map(|t| t.exact).collect::<Vec<_>>(),
                    ))
                    && self.longest(s, i, |e| e.kind == Kind::Title).is_none()
        };
        if let Some((mut j, e)) = longest(&|e| matches!(e.kind, Kind::PlaceType(_)))
            && let Kind::PlaceType(t) = e.kind
            && type_word_ok(t, j)
            && {
                // `5 huyện: Ba Bể, Bạch Thông`
                if listed(toks, i) && toks.get(j).is_some_and(|c| c.text == ":") {
                    j += 1;
                }
                true
            }
            && j < toks.len()
            && toks[j].gap != Gap::Line
            && (toks[j].capitalized() || toks[j].ascii && toks[i].ascii)
        {
            // `hai tỉnh Lai Châu và Phong Thổ`: each name is a place without the type word.
            let start = if listed(toks, i) { j } else { i };
            let (end, cands) = self.all_longest(s, j, |e| self.fits(t, e));
            if !cands.is_empty() {
                return Some(self.resolve_place(toks, s, start, end, &cands, so_far));
            }
            // An unknown or historical name: its capitalized words.
            let end = capitalized_run(toks, j);
            // A known name after the type word is found on its own (9 tỉnh Đồng bằng sông
            // Hồng), except a province's name for a town (thị xã Bắc Kạn).
            let district_level = matches!(
                t,
                PlaceType::District | PlaceType::Urban | PlaceType::Town | PlaceType::City
            );
            let known_after = self
                .longest(s, j, |e| match e.kind {
                    Kind::Region | Kind::Foreign | Kind::Org | Kind::OrgHead => true,
                    Kind::Province => !district_level,
                    _ => false,
                })
                .is_some();
            if end > j && t != PlaceType::Country && !known_after {
                unknown = Some(Found {
                    kind: EntityKind::Place,
                    start,
                    end,
                    value: Value::Place(PlaceValue {
                        name: toks[start..end]
                            .iter()
                            .map(|t| t.text)
                            .collect::<Vec<_>>()
                            .join(" "),
                        level: toks[i..j]
                            .iter()
                            .map(|t| t.text.to_lowercase())
                            .collect::<Vec<_>>()
                            .join(" "),
                        province: None,
                    }),
                });
            }
        }
        // Named places: đường X, cầu X.
        if let Some((j, e)) = longest(&|e| e.kind == Kind::NamedPlace)
            && j < toks.len()
            && (toks[j].is_word() && toks[j].capitalized()
                || matches!(NAMED_PLACES[e.id as usize].1, "highway" | "road" | "expressway")
                    && is_road_code(&toks[j]))
            // The type word in lower case (a capital only at a sentence start, and not a
            // surname: Hồ Chí Minh is not a lake).
            && (!toks[i].capitalized()
                || !self.is_surname(&toks[i])
                    && (i == 0
                        || toks[i].gap == Gap::Line
                        || matches!(toks[i - 1].text, "." | "!" | "?" | ":")))
        {
            // The name: capitalized words; a road's number (quốc lộ 30, đường Quốc lộ 1A).
            let mut end = j;
            if let Some((j2, e2)) = self.longest(s, j, |x| x.kind == Kind::NamedPlace)
                && matches!(
                    NAMED_PLACES[e2.id as usize].1,
                    "highway" | "road" | "expressway"
                )
                && toks.get(j2).is_some_and(|c| is_road_code(c))
            {
                end = j2 + 1;
            }
            while end < toks.len()
                && end < j + 5
                && toks[end].is_word()
                && toks[end].capitalized()
                && toks[end].gap != Gap::Line
            {
                end += 1;
            }
            let (_, level) = NAMED_PLACES[e.id as usize];
            if end == j && is_road_code(&toks[j]) {
                end = j + 1;
            }
            let text: Vec<&str> = toks[i..end].iter().map(|t| t.text).collect();
            return Some(Found {
                kind: EntityKind::Place,
                start: i,
                end,
                value: Value::Place(PlaceValue {
                    name: text.join(" "),
                    level: level.to_string(),
                    province: None,
                }),
            });
        }
        // A bare name: province, region or foreign place.
        let t = &toks[i];
        let bare = |e: &Entry| {
            matches!(
                e.kind,
                Kind::Province | Kind::Region | Kind::Foreign | Kind::City
            )
        };
        let Some((end, _)) = longest(&bare) else {
            return unknown;
        };
        let cands: Vec<Entry> = here
            .iter()
            .filter(|(j, e)| *j == end && bare(e))
            .map(|(_, e)| *e)
            .collect();
        let e = cands
            .iter()
            .copied()
            .find(|e| e.kind != Kind::City)
            .unwrap_or(cands[0]);
        let prev = i
            .checked_sub(1)
            .map(|k| &toks[k])
            .filter(|p| p.gap != Gap::Line);
        let rejected = (e.kind != Kind::Region && !t.capitalized())
            // A direction, not a region (phía Tây Bắc).
            || e.kind == Kind::Region && prev.is_some_and(|p| p.is_any(&[W::Phia, W::Huong]))
            // Part of a person's name (Nguyễn Hà Nam, ông Hà Nam, Nguyễn Đức Chung).
            || e.kind != Kind::Region
                && prev.is_some_and(|p| {
                    p.is_word()
                        && (self.is_surname(p) && p.capitalized() && p.shape != Shape::Upper
                            || person_cue(p))
                })
            // Hồ Chí Minh alone is the person; the city is written with its type word.
            || e.kind == Kind::Province && t.text == "Hồ" && end == i + 3
            // A one-word name starting a compound (Pháp lệnh, Ý kiến, Mỹ thuật).
            || end == i + 1
                && toks.get(end).is_some_and(|n| {
                    n.is_word()
                        && n.shape == Shape::Lower
                        && n.gap == Gap::Space
                        && crate::segment::is_lexicon_word(&[t.exact, n.exact])
                });
        if rejected {
            return unknown;
        }
        Some(self.found_entry(toks, i, end, e))
    }

    /// Whether entry `e` can follow the type word `t`.
    fn fits(&self, t: PlaceType, e: &Entry) -> bool {
        match (t, e.kind) {
            (PlaceType::Province, Kind::Province) => true,
            (PlaceType::City, Kind::Province) => self.province_is_city[e.id as usize],
            (PlaceType::City, Kind::District) => {
                self.district_type[e.id as usize] == PlaceType::City
            }
            (PlaceType::District | PlaceType::Urban | PlaceType::Town, Kind::District) => {
                self.district_type[e.id as usize] == t
            }
            (PlaceType::Ward | PlaceType::Commune | PlaceType::Townlet, Kind::Ward) => {
                self.ward_type[e.id as usize] == t
            }
            (PlaceType::Country, Kind::Foreign) => true,
            (PlaceType::Other, Kind::Province | Kind::District | Kind::Region | Kind::Foreign) => {
                true
            }
            _ => false,
        }
    }

    fn found_entry(&self, _toks: &[Tok<'_>], start: usize, end: usize, e: Entry) -> Found {
        let id = e.id as usize;
        let (kind, value) = match e.kind {
            Kind::Province => (
                EntityKind::Province,
                Value::Province(self.provinces[id].clone()),
            ),
            Kind::Region => (EntityKind::Region, Value::Region(self.regions[id].clone())),
            Kind::District | Kind::City => {
                (EntityKind::Place, Value::Place(self.districts[id].clone()))
            }
            Kind::Ward => (EntityKind::Place, Value::Place(self.wards[id].clone())),
            _ => (EntityKind::Place, Value::Place(self.foreign[id].clone())),
        };
        Found {
            kind,
            start,
            end,
            value,
        }
    }

    /// Picks among same-named units: the one in a province named in the text (before, or
    /// right after: `xã X, huyện Y, tỉnh Z`); a province over a district; else the first,
    /// without a province when the candidates disagree.
    fn resolve_place(
        &self,
        toks: &[Tok<'_>],
        s: &Stream,
        start: usize,
        end: usize,
        cands: &[Entry],
        so_far: &[Found],
    ) -> Found {
        if let Some(&p) = cands.iter().find(|e| e.kind == Kind::Province) {
            return self.found_entry(toks, start, end, p);
        }
        if cands.len() == 1 {
            return self.found_entry(toks, start, end, cands[0]);
        }
        let province_of = |e: &Entry| -> Option<String> {
            match e.kind {
                Kind::District => self.districts[e.id as usize].province.clone(),
                Kind::Ward => self.wards[e.id as usize].province.clone(),
                _ => None,
            }
        };
        // Provinces named around it.
        let mut named: Vec<String> = so_far
            .iter()
            .filter_map(|f| match &f.value {
                Value::Province(p) => Some(p.name.clone()),
                Value::Place(p) => p.province.clone(),
                _ => None,
            })
            .collect();
        let mut k = end;
        while k < toks.len() && k < end + 12 && toks[k].gap != Gap::Line {
            if let Some((j, e)) = self.longest(s, k, |e| e.kind == Kind::Province) {
                named.push(self.provinces[e.id as usize].name.clone());
                k = j;
            } else {
                k += 1;
            }
        }
        // Prefer the 2025 unit when it is the same name in a province named.
        let pick = named
            .iter()
            .rev()
            .find_map(|n| cands.iter().find(|e| province_of(e).as_deref() == Some(n)));
        match pick {
            Some(&e) => self.found_entry(toks, start, end, e),
            None => {
                let mut f = self.found_entry(toks, start, end, cands[0]);
                let first = province_of(&cands[0]);
                if cands.iter().any(|e| province_of(e) != first)
                    && let Value::Place(p) = &mut f.value
                {
                    p.province = None;
                }
                f
            }
        }
    }

    /// Organizations (nested places are taken from `places`).
    pub fn organizations(
        &self,
        toks: &[Tok<'_>],
        s: &Stream,
        taken: &[bool],
        places: &[Found],
    ) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if taken[i]
                || !(t.is_word() || t.kind == PreTokenKind::Abbreviation)
                || !t.capitalized()
            {
                i += 1;
                continue;
            }
            match self.org_at(toks, s, i, places) {
                Some(f) => {
                    i = f.end.max(i + 1);
                    out.push(f);
                }
                None => i += 1,
            }
        }
        // An organization inside a longer one is part of its name (Văn phòng Chính phủ).
        let spans: Vec<(usize, usize)> = out.iter().map(|f| (f.start, f.end)).collect();
        out.retain(|f| {
            !spans
                .iter()
                .any(|&(s, e)| s <= f.start && f.end <= e && (s, e) != (f.start, f.end))
        });
        out
    }

    /// The end of an organization's own name from `j`: capitalized words (a capital then the
    /// lower-case syllables of one lexicon word: `Bưu chính Viễn thông`), joined by `và`; it
    /// stops before a place, a title or a person's name.
    pub(crate) fn org_name_run(
        &self,
        toks: &[Tok<'_>],
        s: &Stream,
        j: usize,
        places: &[Found],
    ) -> usize {
        let mut e = j;
        while e < toks.len() {
            let t = &toks[e];
            let ok = (t.is_word() || t.kind == PreTokenKind::Abbreviation)
                && t.capitalized()
                && if e == j {
                    t.gap != Gap::Line
                } else {
                    t.gap == Gap::Space
                };
            if !ok
                || super::starting_at(places, e).is_some()
                || self.is_surname(t)
                    && toks
                        .get(e + 1)
                        .is_some_and(|n| n.is_word() && n.shape == Shape::Title)
                || self.longest(s, e, |x| x.kind == Kind::Title).is_some()
            {
                break;
            }
            let mut len = 1;
            for l in (2..=4).rev() {
                if e + l <= toks.len()
                    && toks[e + 1..e + l]
                        .iter()
                        .all(|n| n.is_word() && n.shape == Shape::Lower && n.gap == Gap::Space)
                {
                    let keys: Vec<u64> = toks[e..e + l].iter().map(|t| t.exact).collect();
                    if crate::segment::is_lexicon_word(&keys) {
                        len = l;
                        break;
                    }
                }
            }
            e += len;
            if toks.get(e).is_some_and(|t| t.is(W::Va))
                && toks
                    .get(e + 1)
                    .is_some_and(|n| n.is_word() && n.capitalized())
            {
                e += 1;
            }
        }
        if e > j && toks[e - 1].is(W::Va) {
            e -= 1;
        }
        e
    }

    pub(crate) fn org_at(
        &self,
        toks: &[Tok<'_>],
        s: &Stream,
        i: usize,
        places: &[Found],
    ) -> Option<Found> {
        let (mut end, mut name, mut kind, org_name, takes_place) =
            match self.longest(s, i, |e| e.kind == Kind::Org) {
                Some((end, e)) => {
                    let org = &self.orgs[e.id as usize];
                    let local = org.takes_place || org.kind.as_deref() == Some("local body");
                    (
                        end,
                        org.name.clone(),
                        org.kind.clone(),
                        org.name.as_str(),
                        local,
                    )
                }
                None => {
                    // A name the tables do not have: a head word and capitalized words.
                    if super::starting_at(places, i).is_some() {
                        return None;
                    }
                    let (hj, he) = self.longest(s, i, |e| e.kind == Kind::OrgHead)?;
                    let end = self.org_name_run(toks, s, hj, places);
                    if end == hj {
                        return None;
                    }
                    let text = toks[i..end]
                        .iter()
                        .map(|t| t.text)
                        .collect::<Vec<_>>()
                        .join(" ");
                    let kind = ORG_HEADS[he.id as usize].1.map(str::to_string);
                    (end, text, kind, "", false)
                }
            };
        // The party's name after `Đảng` (Ban Chấp hành Trung ương Đảng Cộng sản Đông Dương).
        if end > i && toks[end - 1].text.eq_ignore_ascii_case("Đảng")
            || toks[end - 1].text == "ĐẢNG"
        {
            let e = self.org_name_run(toks, s, end, places);
            if e > end {
                let more: Vec<&str> = toks[end..e].iter().map(|t| t.text).collect();
                name = format!("{name} {}", more.join(" "));
                end = e;
            }
        }
        // A place right after it is part of its name (Bộ Quốc phòng Nga, Quốc hội nước …).
        if !takes_place
            && let Some(p) = super::starting_at(places, end).filter(|_| toks[end].gap != Gap::Line)
        {
            let place_text: Vec<&str> = toks[p.start..p.end].iter().map(|t| t.text).collect();
            name = format!("{name} {}", place_text.join(" "));
            end = p.end;
        }
        // The place it belongs to: a place entity right after it, or a bare type word.
        if takes_place {
            if let Some(p) = super::starting_at(places, end) {
                let place_text: Vec<&str> = toks[p.start..p.end].iter().map(|t| t.text).collect();
                let level = match &p.value {
                    Value::Province(_) => "provincial",
                    Value::Place(v) if v.level.starts_with("district") => "district",
                    Value::Place(v) if v.level.starts_with("ward") => "commune",
                    _ => "",
                };
                name = format!("{name} {}", expand_place_words(&place_text.join(" ")));
                end = p.end;
                kind = local_kind(org_name, level, kind);
            } else if let Some((j, pe)) =
                self.longest(s, end, |e| matches!(e.kind, Kind::PlaceType(_)))
                && let Kind::PlaceType(t) = pe.kind
                && toks[end].gap != Gap::Line
            {
                let (word, level) = match t {
                    PlaceType::Province => ("tỉnh", "provincial"),
                    PlaceType::City => ("thành phố", "provincial"),
                    PlaceType::District => ("huyện", "district"),
                    PlaceType::Urban => ("quận", "district"),
                    PlaceType::Town => ("thị xã", "district"),
                    PlaceType::Ward => ("phường", "commune"),
                    PlaceType::Commune => ("xã", "commune"),
                    PlaceType::Townlet => ("thị trấn", "commune"),
                    PlaceType::Country | PlaceType::Other => ("", ""),
                };
                if !word.is_empty() && !org_name.ends_with(word) {
                    name = format!("{name} {word}");
                }
                end = j;
                kind = local_kind(org_name, level, kind);
            } else if takes_place
                && let Some((j, pe)) = self.longest(s, end, |e| e.kind == Kind::Province)
                && toks[end].capitalized()
            {
                name = format!("{name} {}", self.provinces[pe.id as usize].name);
                end = j;
            }
        }
        Some(Found {
            kind: EntityKind::Organization,
            start: i,
            end,
            value: Value::Organization(OrganizationValue { name, kind }),
        })
    }
}

/// Whether the type word at `i` follows a count (`hai tỉnh`, `các huyện`): the names after it
/// are each a place of their own.
fn listed(toks: &[Tok<'_>], i: usize) -> bool {
    i > 0
        && toks[i - 1].gap != Gap::Line
        && (toks[i - 1].number().is_some()
            || toks[i - 1].is_any(&[
                W::Hai,
                W::Ba,
                W::Bon,
                W::Nam,
                W::Sau6,
                W::Bay,
                W::Chin,
                W::Muoi,
                W::Cac,
                W::Nhung,
            ]))
}

/// A unit's short name without its disambiguation (`Cao Lãnh (Thành phố)` → `Cao Lãnh`).
fn short_name(s: &str) -> &str {
    s.split(" (").next().unwrap_or(s).trim()
}

/// A road number (`30`, `1A`).
fn is_road_code(t: &Tok<'_>) -> bool {
    t.gap == Gap::Space
        && t.text.len() <= 4
        && t.text.starts_with(|c: char| c.is_ascii_digit())
        && t.text.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The end of a run of capitalized words from `j` (at most 4, one line).
fn capitalized_run(toks: &[Tok<'_>], j: usize) -> usize {
    let mut end = j;
    while end < toks.len()
        && end < j + 4
        && toks[end].is_word()
        && toks[end].capitalized()
        && (end == j || toks[end].gap == Gap::Space)
    {
        end += 1;
    }
    end
}

fn expand_place_words(text: &str) -> String {
    for (abbr, full) in [
        ("TP.", "thành phố"),
        ("TP", "thành phố"),
        ("Tp.", "thành phố"),
    ] {
        if let Some(rest) = text.strip_prefix(abbr) {
            return format!("{full} {}", rest.trim_start());
        }
    }
    text.to_string()
}

fn local_kind(name: &str, level: &str, kind: Option<String>) -> Option<String> {
    let body = if name.starts_with("Ủy ban nhân dân") {
        "people's committee"
    } else if name.starts_with("Hội đồng nhân dân") {
        "people's council"
    } else {
        return kind;
    };
    if level.is_empty() {
        return kind;
    }
    Some(format!("{level} {body}"))
}

/// The key of an abbreviation: its folded lower-case text without dots.
fn abbrev_key(text: &str) -> u64 {
    let dotless: String = text.chars().filter(|&c| c != '.').collect();
    tokens::word_keys(&dotless).1
}

/// Words that announce a person (ông, bà, anh, chị, đồng chí …).
pub(crate) fn person_cue(t: &Tok<'_>) -> bool {
    t.is_any(&[
        W::Ong,
        W::Ba2,
        W::Anh,
        W::Chi,
        W::Co,
        W::Chu2,
        W::Bac,
        W::Em,
        W::Cu,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_reader_handles_quotes() {
        let rows: Vec<Vec<String>> =
            csv_rows("h1,h2,h3\na,\"b, c\",\"say \"\"hi\"\"\"\n").collect();
        assert_eq!(rows, vec![vec!["a", "b, c", "say \"hi\""]]);
    }

    #[test]
    fn embedded_tables_compile() {
        let g = Gazetteer::embedded();
        assert_eq!(
            g.provinces.iter().filter(|p| p.era != "pre-2008").count(),
            63,
            "the 63 pre-2025 names (the 34 current ones are among them)"
        );
        assert!(g.districts.len() > 600 && g.wards.len() > 13_000);
        let hanam = g.provinces.iter().find(|p| p.name == "Hà Nam").unwrap();
        assert_eq!(
            (hanam.era, hanam.current.as_str()),
            ("pre-2025", "Ninh Bình")
        );
    }
}
