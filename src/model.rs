//! The extraction model: entities, events and claims as plain values, before any RDF.

use crate::time::TimeValue;
use serde::Deserialize;

/// The event classes kgexport extracts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum EventKind {
    /// A visitor travels to a host or destination.
    Visit,
    /// Talks, consultations, summits.
    Meeting,
    /// An inviter invites an invitee.
    Invitation,
    /// Goods move from a supplier to a recipient.
    Shipment,
    /// Any other act, known only as the content of a claim ("X accused Y of …").
    Act,
}

impl EventKind {
    /// Every kind, in a fixed order.
    pub const ALL: [EventKind; 4] = [EventKind::Visit, EventKind::Meeting, EventKind::Invitation, EventKind::Shipment];

    /// The class name, as in the ontology.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Visit => "Visit",
            EventKind::Meeting => "Meeting",
            EventKind::Invitation => "Invitation",
            EventKind::Shipment => "Shipment",
            EventKind::Act => "Event",
        }
    }
}

/// What the article commits to about an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Factuality {
    /// Stated in the article's own voice.
    Asserted,
    /// Attributed to a source, uncontested.
    Reported,
    /// Affirmed by one source, denied by another.
    Disputed,
    /// Denied, or negated.
    Denied,
    /// Future, intended, invited to.
    Planned,
    /// Possible, conditional.
    Hypothetical,
    /// Called off.
    Cancelled,
    /// Refused by a party.
    Refused,
}

impl Factuality {
    /// The concept name, as in the ontology.
    pub fn name(self) -> &'static str {
        match self {
            Factuality::Asserted => "Asserted",
            Factuality::Reported => "Reported",
            Factuality::Disputed => "Disputed",
            Factuality::Denied => "Denied",
            Factuality::Planned => "Planned",
            Factuality::Hypothetical => "Hypothetical",
            Factuality::Cancelled => "Cancelled",
            Factuality::Refused => "Refused",
        }
    }

    /// Happened or said to have happened (as opposed to planned, possible, called off).
    pub fn is_realis(self) -> bool {
        matches!(self, Factuality::Asserted | Factuality::Reported | Factuality::Disputed | Factuality::Denied)
    }

    /// Which values may describe the same happening, for merging mentions of one event.
    pub fn family(self) -> u8 {
        match self {
            Factuality::Asserted | Factuality::Reported | Factuality::Disputed | Factuality::Denied => 0,
            Factuality::Planned | Factuality::Hypothetical => 1,
            Factuality::Cancelled => 2,
            Factuality::Refused => 3,
        }
    }
}

/// A claim's stance towards its target event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stance {
    /// Says it happened (or will).
    Affirms,
    /// Says it did not.
    Denies,
}

/// How goods travel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum TransportMode {
    /// By ship.
    Sea,
    /// By train.
    Rail,
    /// By aircraft.
    Air,
    /// By lorry.
    Road,
}

/// What is shipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum MaterielCategory {
    /// Arms.
    Weapons,
    /// Ammunition.
    Munitions,
    /// Military equipment other than arms.
    MilitaryEquipment,
    /// Relief goods.
    HumanitarianAid,
    /// Food and grain.
    Food,
    /// Oil, gas, fuel.
    Fuel,
    /// Any other goods.
    Goods,
}

/// A kind of office.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum PositionType {
    /// President, monarch, supreme leader.
    HeadOfState,
    /// Prime minister, chancellor.
    HeadOfGovernment,
    /// Foreign minister, secretary of state.
    ForeignMinister,
    /// Defence minister.
    DefenceMinister,
    /// Special envoy or representative.
    SpecialEnvoy,
    /// Spokesperson.
    Spokesperson,
    /// Ambassador.
    Ambassador,
    /// Any other minister.
    Minister,
}

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    /// A natural person.
    Person,
    /// A sovereign state.
    State,
    /// A city, region or facility.
    Place,
    /// A government or executive body.
    Government,
    /// A news agency or outlet.
    NewsAgency,
    /// An international organisation.
    Igo,
    /// Any other organisation.
    Organization,
    /// A plural or generic actor named by what its members are ("die Separatisten", "Moroccan
    /// diplomats", "die EU-Außenminister"): never a person.
    Group,
}

impl EntityKind {
    /// Can act: take part in events, speak.
    pub fn is_actor(self) -> bool {
        !matches!(self, EntityKind::Place)
    }

    /// A place one can travel to.
    pub fn is_place(self) -> bool {
        matches!(self, EntityKind::Place | EntityKind::State)
    }
}

/// A span of the article text, in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// After the last code point.
    pub end: usize,
    /// Sentence index.
    pub sentence: usize,
}

/// An office held, as the article or the gazetteer shows it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// Which office.
    pub kind: PositionType,
    /// In which state (ISO-3) or organisation (gazetteer key).
    pub of: Option<String>,
}

/// Who an entity is: a curated gazetteer entry, shared across articles, or one known only from
/// the article. `mentions::ids` alone makes them; `graph.rs` turns them into IRIs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum EntityId {
    /// A gazetteer key (`north-korea`, `sergey-lavrov`).
    Known(String),
    /// Known by its full name, not curated: the same name and kind in any article is one entity
    /// (its IRI adds the entity's country when the article gives one).
    Named {
        /// Person or organisation.
        class: NamedClass,
        /// The normalised name: ASCII, lower case, dashes between.
        slug: String,
    },
    /// Known only from the article: what kind of local entity, and a slug unique within it.
    Local {
        /// What kind of local entity.
        class: LocalClass,
        /// ASCII, lower case, dashes between.
        slug: String,
    },
}

/// The kinds of entity known by a full name across articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NamedClass {
    /// A person with a given name and a surname.
    Person,
    /// A company or other organisation with a name.
    Organization,
}

impl NamedClass {
    /// What the string form puts before the slug, after `named-`.
    pub const fn prefix(self) -> &'static str {
        match self {
            NamedClass::Person => "person-",
            NamedClass::Organization => "org-",
        }
    }
}

/// The kinds of entity known only from an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LocalClass {
    /// A person by name, by the title that describes them or by a role noun.
    Person,
    /// People known by a noun and the state they act for ("Moroccan diplomats").
    People,
    /// A company.
    Org,
    /// A group acting together ("die EU-Außenminister", "US-Medien").
    Group,
    /// A place or facility.
    Place,
    /// The unnamed counterpart from a state ("seinem nordkoreanischen Amtskollegen").
    Counterpart,
}

impl LocalClass {
    /// What the string form puts before the slug, after `local-`.
    pub const fn prefix(self) -> &'static str {
        match self {
            LocalClass::Person | LocalClass::People => "",
            LocalClass::Org => "org-",
            LocalClass::Group => "group-",
            LocalClass::Place => "place-",
            LocalClass::Counterpart => "counterpart-",
        }
    }
}

impl EntityId {
    /// The gazetteer key, for a curated entity.
    pub fn known_key(&self) -> Option<&str> {
        match self {
            EntityId::Known(key) => Some(key),
            EntityId::Named { .. } | EntityId::Local { .. } => None,
        }
    }

    /// Its identity holds beyond the article: a curated entity or one known by its full name.
    pub fn is_shared(&self) -> bool {
        !matches!(self, EntityId::Local { .. })
    }

    /// A group known only from the article.
    pub fn is_local_group(&self) -> bool {
        matches!(self, EntityId::Local { class: LocalClass::Group, .. })
    }

    /// The string form in two parts: `local-` with the class prefix (empty for a curated key),
    /// then the key or slug.
    fn parts(&self) -> (&'static str, &'static str, &str) {
        match self {
            EntityId::Known(key) => ("", "", key),
            EntityId::Named { class, slug } => ("named-", class.prefix(), slug),
            EntityId::Local { class, slug } => ("local-", class.prefix(), slug),
        }
    }
}

/// Ordered as the string forms are, so that sorting by id sorts as the keys always did.
impl Ord for EntityId {
    fn cmp(&self, other: &EntityId) -> std::cmp::Ordering {
        let string_form = |id: &EntityId| {
            let (local, class, rest) = id.parts();
            local.bytes().chain(class.bytes()).chain(rest.bytes()).collect::<Vec<u8>>()
        };
        let class = |id: &EntityId| match id {
            EntityId::Known(_) => (0, None, None),
            EntityId::Named { class, .. } => (1, Some(*class), None),
            EntityId::Local { class, .. } => (2, None, Some(*class)),
        };
        string_form(self).cmp(&string_form(other)).then_with(|| class(self).cmp(&class(other)))
    }
}

impl PartialOrd for EntityId {
    fn partial_cmp(&self, other: &EntityId) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The string form (`north-korea`, `local-group-us-medien`), for debugging and IRIs.
impl std::fmt::Display for EntityId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (a, b, c) = self.parts();
        write!(f, "{a}{b}{c}")
    }
}

/// An entity found in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The identity: curated (shared across articles) or local to the article.
    pub key: EntityId,
    /// Whether the key is curated (shared across articles) or local to the article.
    pub known: bool,
    /// What it is.
    pub kind: EntityKind,
    /// Labels by language tag.
    pub labels: Vec<(String, String)>,
    /// The state it belongs to (ISO-3).
    pub country: Option<String>,
    /// The country is the state the story is about, which the text does not give for this
    /// entity: it describes the entity but stays out of its IRI.
    pub country_from_story: bool,
    /// Its own ISO-3 code, for states.
    pub iso: Option<String>,
    /// Curated Wikidata id.
    pub qid: Option<String>,
    /// Offices it holds.
    pub positions: Vec<Position>,
    /// A place it lies near.
    pub near: Option<EntityId>,
    /// Where it is mentioned.
    pub mentions: Vec<Span>,
}

impl Entity {
    /// An entity known only from this article, with one label.
    pub fn local(key: EntityId, kind: EntityKind, lang: &str, label: String, country: Option<String>) -> Entity {
        Entity {
            key,
            known: false,
            kind,
            labels: vec![(lang.to_string(), label)],
            country,
            country_from_story: false,
            iso: None,
            qid: None,
            positions: Vec::new(),
            near: None,
            mentions: Vec::new(),
        }
    }

    /// Records an office the entity holds, once.
    pub fn hold(&mut self, position: Position) {
        if !self.positions.contains(&position) {
            self.positions.push(position);
        }
    }
}

/// A role in an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Role {
    /// Takes part.
    Participant,
    /// Travels.
    Visitor,
    /// Receives a visitor.
    Host,
    /// Invites.
    Inviter,
    /// Is invited.
    Invitee,
    /// Sends goods.
    Supplier,
    /// Receives goods.
    Recipient,
    /// Where.
    Location,
    /// From where.
    Origin,
    /// To where.
    Destination,
    /// Flag of the carrying ship.
    VesselFlag,
}

/// A reported event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The class.
    pub kind: EventKind,
    /// Role fillers.
    pub roles: Vec<(Role, EntityId)>,
    /// What the article commits to.
    pub factuality: Factuality,
    /// When.
    pub time: Option<TimeValue>,
    /// The trigger span, for the IRI.
    pub trigger: Span,
    /// Evidence: the sentences it was read from.
    pub evidence: Vec<Span>,
    /// What was shipped.
    pub items: Vec<MaterielCategory>,
    /// How it was shipped.
    pub transport: Option<TransportMode>,
    /// The event it is part of (index into the event list).
    pub sub_event_of: Option<usize>,
    /// The event it invites to (index).
    pub invited_to: Option<usize>,
    /// Dropped by a merge into another event.
    pub merged_into: Option<usize>,
    /// Dropped: a mention that turned out not to be an event of its own.
    pub dropped: bool,
    /// Further classes of the same node ("hosted … for a meeting": a visit that is a meeting).
    pub also: Vec<EventKind>,
}

impl Event {
    /// A new event with no roles yet, read from one sentence.
    pub fn new(kind: EventKind, factuality: Factuality, trigger: Span, evidence: Vec<Span>) -> Event {
        Event {
            kind,
            roles: Vec::new(),
            factuality,
            time: None,
            trigger,
            evidence,
            items: Vec::new(),
            transport: None,
            sub_event_of: None,
            invited_to: None,
            merged_into: None,
            dropped: false,
            also: Vec::new(),
        }
    }

    /// Still an event of its own (not merged, not dropped).
    pub fn is_live(&self) -> bool {
        self.merged_into.is_none() && !self.dropped
    }
}

impl Event {
    /// The fillers of a role.
    pub fn fillers(&self, role: Role) -> impl Iterator<Item = &EntityId> {
        self.roles.iter().filter(move |(r, _)| *r == role).map(|(_, k)| k)
    }

    /// Adds a filler once.
    pub fn add_role(&mut self, role: Role, key: &EntityId) {
        if !self.roles.iter().any(|(r, k)| *r == role && k == key) {
            self.roles.push((role, key.clone()));
        }
    }
}

/// A claim: a speaker affirms or denies an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// Who says it.
    pub speakers: Vec<EntityId>,
    /// Affirms or denies.
    pub stance: Stance,
    /// The event it is about (index).
    pub target: usize,
    /// The claim it answers (index).
    pub responds_to: Option<usize>,
    /// The sentence it was read from.
    pub evidence: Span,
    /// An accusation (CAMEO 112), not a plain report.
    pub accusation: bool,
}

/// Everything extracted from one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extraction {
    /// The language tag the article was read in.
    pub lang: String,
    /// Entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Events; merged ones stay with `merged_into` set.
    pub events: Vec<Event>,
    /// Claims.
    pub claims: Vec<Claim>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_ids_print_and_sort_as_their_string_forms() {
        let local = |class, slug: &str| EntityId::Local { class, slug: slug.to_string() };
        let ids = [
            EntityId::Known("state-rus".into()),
            local(LocalClass::Group, "us-medien"),
            local(LocalClass::Person, "sung-kim"),
            local(LocalClass::Place, "3-120"),
            local(LocalClass::Counterpart, "prk"),
            local(LocalClass::Org, "daimler"),
            local(LocalClass::People, "diplomats-mar"),
            EntityId::Known("agency-reuters".into()),
        ];
        let mut by_id = ids.to_vec();
        by_id.sort();
        let mut by_string: Vec<String> = ids.iter().map(ToString::to_string).collect();
        by_string.sort();
        assert_eq!(by_id.iter().map(ToString::to_string).collect::<Vec<_>>(), by_string);
        assert_eq!(by_string[0], "agency-reuters");
        assert!(by_string.contains(&"local-counterpart-prk".to_string()));
        assert!(by_string.contains(&"local-place-3-120".to_string()));
        assert!(local(LocalClass::Group, "us-medien").is_local_group());
        assert_eq!(EntityId::Known("state-rus".into()).known_key(), Some("state-rus"));
        assert_eq!(local(LocalClass::Person, "sung-kim").known_key(), None);
    }

    #[test]
    fn an_office_is_held_once_per_state() {
        let key = EntityId::Local { class: LocalClass::Person, slug: "ministerin".into() };
        let mut e = Entity::local(key, EntityKind::Person, "de", "Ministerin".into(), None);
        let p = Position { kind: PositionType::HeadOfGovernment, of: Some("POL".into()) };
        e.hold(p.clone());
        e.hold(p.clone());
        e.hold(Position { kind: PositionType::HeadOfGovernment, of: Some("FRA".into()) });
        assert_eq!(e.positions.len(), 2);
        assert_eq!(e.positions[0], p);
    }
}
