//! The writer targets' input read as article graphs: a base IRI, the views' options and up to
//! three articles with adversarial fields and an extraction that holds together as `analyse`
//! makes one, built by `graph::build` as the CLI builds them.

use kgexport::article::{Article, Lang};
use kgexport::export::Options;
use kgexport::graph::{self, ArticleGraph, Base};
use kgexport::model::{
    Claim, Entity, EntityId, EntityKind, Event, EventKind, Extraction, Factuality, LocalClass, MaterielCategory,
    NamedClass, Position, PositionType, Role, Span, Stance, TransportMode,
};
use kgexport::time::{PartialDate, TimeValue};

/// The fuzzer's bytes read as choices; past the end every read gives 0, so any input decodes.
/// The second field is what is left of [`REPEATS`].
struct Bytes<'a>(&'a [u8], usize);

/// The bytes all repeated pieces of one input's strings may take together: one label of
/// 16 KB, or many short ones.
const REPEATS: usize = 16 * 1024;

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let Some((&b, rest)) = self.0.split_first() else { return 0 };
        self.0 = rest;
        b
    }

    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.byte(), self.byte()])
    }

    fn bool(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    /// A number below `n` (> 0).
    fn below(&mut self, n: usize) -> usize {
        usize::from(self.byte()) % n
    }

    /// How many of something, up to `most`: one more for each odd byte, so that small counts,
    /// and small graphs that run fast, are the most common.
    fn count(&mut self, most: usize) -> usize {
        (0..most).take_while(|_| self.bool()).count()
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn maybe<T>(&mut self, value: impl FnOnce(&mut Self) -> T) -> Option<T> {
        self.bool().then(|| value(self))
    }

    /// A string, by its first byte: below 0xC0, that number modulo 48 of input bytes; 0xC0–0xFD,
    /// one of [`NASTY`] repeated up to 256 times; 0xFE, up to 16 KB of input bytes (the next
    /// two give the length); 0xFF, one of [`NASTY`] repeated up to 16,384 times. Input bytes are
    /// read as UTF-8, with U+FFFD for what is not; repeats stay within [`REPEATS`].
    fn string(&mut self) -> String {
        let first = self.byte();
        let raw = |bytes: &mut Self, len: usize| {
            let (taken, rest) = bytes.0.split_at(len.min(bytes.0.len()));
            bytes.0 = rest;
            String::from_utf8_lossy(taken).into_owned()
        };
        match first {
            0..0xc0 => raw(self, usize::from(first) % 48),
            0xfe => {
                let len = usize::from(self.u16() >> 2);
                raw(self, len)
            }
            _ => {
                let piece = self.pick(NASTY);
                let times = match first {
                    0xff => usize::from(self.u16() >> 2) + 1,
                    _ => usize::from(self.byte()) + 1,
                };
                // Long repeats share one budget per input, else most inputs would be megabytes.
                let times = times.min(self.1 / piece.len()).max(1);
                self.1 -= (times * piece.len()).min(self.1);
                piece.repeat(times)
            }
        }
    }

    /// One of `palette`, any string, or one of `palette` followed by any string.
    fn string_from(&mut self, palette: &[&str]) -> String {
        match self.below(palette.len() + 2) {
            i if i < palette.len() => palette[i].to_string(),
            i if i == palette.len() => self.string(),
            _ => {
                let prefix = self.pick(palette);
                format!("{prefix}{}", self.string())
            }
        }
    }

    /// ASCII lower-case letters, digits and dashes, as `mentions::ids` makes slugs and keys.
    fn slug(&mut self) -> String {
        const SLUGS: &[&str] = &["rus", "state-prk", "sergey-lavrov", "un", "-", "a-", "x--y", "0", ""];
        if self.bool() {
            return self.pick(SLUGS).to_string();
        }
        let len = self.below(24);
        (0..len).map(|_| char::from(b"abcdefghijklmnopqrstuvwxyz0123456789-"[self.below(37)])).collect()
    }

    /// Three upper-case ASCII letters, as an ISO 3166 alpha-3 code.
    fn iso3(&mut self) -> String {
        match self.below(4) {
            0 => "RUS".to_string(),
            1 => "PRK".to_string(),
            _ => (0..3).map(|_| char::from(b'A' + self.byte() % 26)).collect(),
        }
    }

    /// A day of the years 0–9999, as the readers' dates give.
    fn date(&mut self) -> chrono::NaiveDate {
        let year = i32::from(self.u16() % 10_000);
        let day = u32::from(self.u16() % 366) + 1;
        chrono::NaiveDate::from_yo_opt(year, day).or_else(|| chrono::NaiveDate::from_yo_opt(year, 1)).expect("a day")
    }

    /// Up to 255 days after a day (the same day at the end of the calendar).
    fn later(&mut self, day: chrono::NaiveDate) -> chrono::NaiveDate {
        let days = chrono::Days::new(u64::from(self.byte()));
        day.checked_add_days(days).unwrap_or(day)
    }

    fn partial_date(&mut self) -> PartialDate {
        let day = self.date();
        match self.below(3) {
            0 => PartialDate::Year(chrono::Datelike::year(&day)),
            1 => PartialDate::Month(chrono::Datelike::year(&day), chrono::Datelike::month(&day)),
            _ => PartialDate::Day(day),
        }
    }

    fn time(&mut self) -> TimeValue {
        match self.below(4) {
            0 => TimeValue::Day(self.date()),
            1 => {
                let start = self.date();
                TimeValue::Span { start, end: self.later(start) }
            }
            2 => self.partial_date().window(),
            _ => {
                let earliest = self.date();
                let latest = self.later(earliest);
                let edtf = self.string_from(&["2023-10", "2023-10-01/2023-10-18", "2023-10-XX", "..", "/"]);
                TimeValue::Window { earliest, latest, edtf }
            }
        }
    }

    /// A span of the text (`chars` code points), now and then a little past its end.
    fn span(&mut self, chars: usize) -> Span {
        let start = usize::from(self.u16()) % (chars + 8);
        Span { start, end: start + usize::from(self.byte()), sentence: usize::from(self.byte()) }
    }
}

/// Pieces of adversarial strings: what escapes, quotes, markup and Unicode get wrong.
const NASTY: &[&str] = &[
    "\0",
    "\r",
    "\n",
    "\r\n",
    "\t",
    "\u{7}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "\u{fffd}",
    "\u{10ffff}",
    "\u{1f600}",
    "\u{e9}",
    "e\u{301}",
    "\u{1100}\u{1161}",
    "\u{130}",
    "\u{df}",
    "\"",
    "'",
    "\\",
    "\\u0000",
    "\\n",
    "\"\"\"",
    "'''",
    "<",
    ">",
    "&",
    "&amp;",
    "]]>",
    "<!--",
    "-->",
    "{",
    "}",
    "[",
    "]",
    "@",
    "@context",
    "#",
    "%",
    "%00",
    "^^",
    "_:",
    "<>",
    ",",
    ";",
    ".",
    ":",
    "\\\"",
    "$",
    "|",
    "-",
    "--",
    "->",
    "a",
    "Ä",
];

/// Base IRIs `Base::new` takes, and prefixes of some it refuses.
const BASES: &[&str] = &[
    "http://example.org/",
    "https://ex.org/kg/",
    "http://a/",
    "https://ex.org/%C3%BC/",
    "https://ex.org/ü/",
    "http://[::1]:8080/",
];

/// Article URLs: web addresses, and what must stay text.
const URLS: &[&str] = &[
    "https://example.org/a",
    "http://ex.org/a b",
    "javascript:alert(1)",
    "file:///etc/passwd",
    "https://ex.org/\"<>",
    "HTTPS://EX.ORG/",
    "https://",
    "urn:x",
    "",
];

/// Language tags of labels, well-formed or not.
const TAGS: &[&str] = &["de", "en", "en-US", "", "x", "de-DE-1996", "EN", "de\n", "zh-Hant-TW", "x-private", "1"];

/// The base IRI, the options of the views and up to three article graphs, read from the input:
/// each article with its own id, title, URL, date, language and text (NFC, as the readers give
/// it), and an extraction that holds together as `analyse` makes one (role fillers and speakers
/// are entities of the article, event and claim references in range, spans end after they
/// start, keys and slugs as `mentions::ids` makes them), built by `graph::build`.
pub(crate) fn decode(data: &[u8]) -> (Base, Options, Vec<ArticleGraph>) {
    use unicode_normalization::UnicodeNormalization;
    let mut b = Bytes(data, REPEATS);
    let base = match b.below(4) {
        0 => Base::default(),
        1 => Base::new(b.pick(BASES)).unwrap_or_default(),
        _ => Base::new(&b.string_from(BASES)).unwrap_or_default(),
    };
    let options = Options {
        view: None,
        focus: b.maybe(|b| b.string_from(&["https://w3id.org/kgexport/id/entity/rus", "entity/state-rus", "Lawrow"])),
        depth: b.maybe(|b| b.below(4)),
        since: b.maybe(Bytes::partial_date),
        until: b.maybe(Bytes::partial_date),
    };
    let articles = 1 + b.count(2);
    let mut graphs: Vec<ArticleGraph> = (0..articles)
        .map(|i| {
            let mut article = Article {
                origin: format!("fuzz-{i}"),
                id: b.maybe(Bytes::string),
                title: b.maybe(Bytes::string),
                url: b.maybe(|b| b.string_from(URLS)),
                date: b.maybe(Bytes::partial_date),
                lang: b.maybe(|b| b.pick(&Lang::ALL)),
                text: String::new(),
                // Keys stay unique, as the CLI keeps them (`Article::discriminator`).
                discriminator: (i > 0).then(|| i.to_string()),
            };
            article.text = b.string().nfc().collect();
            let extraction = extraction(&mut b, article.text.chars().count());
            graph::build(&article, &extraction, &base)
        })
        .collect();
    graphs.sort_by(|a, b| a.key().cmp(b.key()));
    graphs.dedup_by(|a, b| a.key() == b.key());
    (base, options, graphs)
}

/// The extraction of one article of `chars` code points.
fn extraction(b: &mut Bytes, chars: usize) -> Extraction {
    let lang = b.string_from(&["de", "en"]);
    let mut entities: Vec<Entity> = Vec::new();
    for _ in 0..b.count(6) {
        let key = match b.below(3) {
            0 => EntityId::Known(b.slug()),
            1 => EntityId::Named { class: b.pick(&[NamedClass::Person, NamedClass::Organization]), slug: b.slug() },
            _ => EntityId::Local { class: b.pick(&LOCAL_CLASSES), slug: b.slug() },
        };
        let near = match b.below(3) {
            0 if !entities.is_empty() => Some(entities[b.below(entities.len())].key.clone()),
            1 => Some(EntityId::Local { class: LocalClass::Place, slug: b.slug() }),
            _ => None,
        };
        let entity = Entity {
            known: key.is_shared() && b.bool(),
            key,
            kind: b.pick(&ENTITY_KINDS),
            labels: (0..b.count(3)).map(|_| (b.string_from(TAGS), b.string())).collect(),
            country: b.maybe(Bytes::iso3),
            country_from_story: b.bool(),
            iso: b.maybe(|b| if b.bool() { b.iso3() } else { b.string() }),
            qid: b.maybe(|b| format!("Q{}", b.u16())),
            positions: (0..b.count(2))
                .map(|_| Position {
                    kind: b.pick(&POSITIONS),
                    of: b.maybe(|b| if b.bool() { b.iso3() } else { b.slug() }),
                })
                .collect(),
            near,
            mentions: (0..b.count(2)).map(|_| b.span(chars)).collect(),
        };
        entities.push(entity);
    }
    let mut events: Vec<Event> = Vec::new();
    for _ in 0..b.count(4) {
        let trigger = b.span(chars);
        let evidence = (0..b.count(2)).map(|_| b.span(chars)).collect();
        let mut event = Event::new(b.pick(&EVENT_KINDS), b.pick(&FACTUALITIES), trigger, evidence);
        if !entities.is_empty() {
            for _ in 0..b.count(4) {
                let key = entities[b.below(entities.len())].key.clone();
                event.add_role(b.pick(&ROLES), &key);
            }
        }
        event.time = b.maybe(Bytes::time);
        event.items = (0..b.count(2)).map(|_| b.pick(&MATERIEL)).collect();
        event.transport = b.maybe(|b| b.pick(&TRANSPORT));
        event.also = (0..b.count(1)).map(|_| b.pick(&EVENT_KINDS)).collect();
        events.push(event);
    }
    // References between events: to any event of the article, merged and dropped ones too.
    let count = events.len();
    for (i, event) in events.iter_mut().enumerate() {
        event.sub_event_of = b.maybe(|b| b.below(count));
        event.invited_to = b.maybe(|b| b.below(count));
        event.merged_into = b.maybe(|b| b.below(count)).filter(|&j| j != i);
        event.dropped = b.byte() == 0xff;
    }
    let mut claims: Vec<Claim> = Vec::new();
    if count > 0 {
        for _ in 0..b.count(3) {
            let speakers = if entities.is_empty() {
                Vec::new()
            } else {
                (0..b.count(2)).map(|_| entities[b.below(entities.len())].key.clone()).collect()
            };
            let responds_to = if claims.is_empty() { None } else { b.maybe(|b| b.below(claims.len())) };
            claims.push(Claim {
                speakers,
                stance: b.pick(&[Stance::Affirms, Stance::Denies]),
                target: b.below(count),
                responds_to,
                evidence: b.span(chars),
                accusation: b.bool(),
            });
        }
    }
    Extraction { lang, entities, events, claims }
}

const LOCAL_CLASSES: [LocalClass; 6] = [
    LocalClass::Person,
    LocalClass::People,
    LocalClass::Org,
    LocalClass::Group,
    LocalClass::Place,
    LocalClass::Counterpart,
];
const ENTITY_KINDS: [EntityKind; 8] = [
    EntityKind::Person,
    EntityKind::State,
    EntityKind::Place,
    EntityKind::Government,
    EntityKind::NewsAgency,
    EntityKind::Igo,
    EntityKind::Organization,
    EntityKind::Group,
];
const POSITIONS: [PositionType; 8] = [
    PositionType::HeadOfState,
    PositionType::HeadOfGovernment,
    PositionType::ForeignMinister,
    PositionType::DefenceMinister,
    PositionType::SpecialEnvoy,
    PositionType::Spokesperson,
    PositionType::Ambassador,
    PositionType::Minister,
];
const EVENT_KINDS: [EventKind; 5] =
    [EventKind::Visit, EventKind::Meeting, EventKind::Invitation, EventKind::Shipment, EventKind::Act];
const FACTUALITIES: [Factuality; 8] = [
    Factuality::Asserted,
    Factuality::Reported,
    Factuality::Disputed,
    Factuality::Denied,
    Factuality::Planned,
    Factuality::Hypothetical,
    Factuality::Cancelled,
    Factuality::Refused,
];
const ROLES: [Role; 11] = [
    Role::Participant,
    Role::Visitor,
    Role::Host,
    Role::Inviter,
    Role::Invitee,
    Role::Supplier,
    Role::Recipient,
    Role::Location,
    Role::Origin,
    Role::Destination,
    Role::VesselFlag,
];
const MATERIEL: [MaterielCategory; 7] = [
    MaterielCategory::Weapons,
    MaterielCategory::Munitions,
    MaterielCategory::MilitaryEquipment,
    MaterielCategory::HumanitarianAid,
    MaterielCategory::Food,
    MaterielCategory::Fuel,
    MaterielCategory::Goods,
];
const TRANSPORT: [TransportMode; 4] =
    [TransportMode::Sea, TransportMode::Rail, TransportMode::Air, TransportMode::Road];
