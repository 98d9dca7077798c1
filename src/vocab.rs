//! Ontology terms (`ontology/kgx.ttl`) as constants, and the prefix table every serializer shares.
//!
//! `kgx.ttl` is the source of truth; `tests/ontology.rs` fails when the two drift apart.

use oxrdf::NamedNodeRef;

/// The `kgx:` namespace.
pub const KGX: &str = "https://w3id.org/kgexport/ns#";

/// Declares `kgx:` terms as `NamedNodeRef` constants plus a sorted list of all of them.
macro_rules! kgx_terms {
    ($($name:ident = $local:literal;)*) => {
        $(
            #[doc = concat!("`kgx:", $local, "`")]
            pub const $name: NamedNodeRef<'static> =
                NamedNodeRef::new_unchecked(concat!("https://w3id.org/kgexport/ns#", $local));
        )*
        /// Every `kgx:` term the code knows, by local name.
        pub const ALL: &[&str] = &[$($local),*];
    };
}

/// The kgexport vocabulary.
pub mod kgx {
    use super::NamedNodeRef;

    kgx_terms! {
        // Classes.
        ACTOR = "Actor";
        ARTICLE = "Article";
        ARTICLE_GRAPH = "ArticleGraph";
        CLAIM = "Claim";
        EVENT = "Event";
        GOVERNMENT = "Government";
        GROUP = "Group";
        HAPPENING = "Happening";
        INTERGOVERNMENTAL_ORGANIZATION = "IntergovernmentalOrganization";
        INVITATION = "Invitation";
        MATERIEL = "Materiel";
        MEETING = "Meeting";
        MENTION = "Mention";
        NEWS_AGENCY = "NewsAgency";
        ORGANIZATION = "Organization";
        PERSON = "Person";
        PLACE = "Place";
        POSITION_HOLDING = "PositionHolding";
        SHIPMENT = "Shipment";
        STATE = "State";
        STATEMENT = "Statement";
        VISIT = "Visit";
        // Concept schemes.
        FACTUALITY_SCHEME = "FactualityScheme";
        MATERIEL_CATEGORY_SCHEME = "MaterielCategoryScheme";
        POSITION_TYPE_SCHEME = "PositionTypeScheme";
        STANCE_SCHEME = "StanceScheme";
        TRANSPORT_MODE_SCHEME = "TransportModeScheme";
        // Factuality.
        ASSERTED = "Asserted";
        CANCELLED = "Cancelled";
        DENIED = "Denied";
        DISPUTED = "Disputed";
        HYPOTHETICAL = "Hypothetical";
        PLANNED = "Planned";
        REFUSED = "Refused";
        REPORTED = "Reported";
        // Stance.
        AFFIRMS = "Affirms";
        DENIES = "Denies";
        // Transport mode.
        AIR = "Air";
        RAIL = "Rail";
        ROAD = "Road";
        SEA = "Sea";
        // Materiel category.
        FOOD = "Food";
        FUEL = "Fuel";
        GOODS = "Goods";
        HUMANITARIAN_AID = "HumanitarianAid";
        MILITARY_EQUIPMENT = "MilitaryEquipment";
        MUNITIONS = "Munitions";
        WEAPONS = "Weapons";
        // Position type.
        AMBASSADOR = "Ambassador";
        DEFENCE_MINISTER = "DefenceMinister";
        FOREIGN_MINISTER = "ForeignMinister";
        HEAD_OF_GOVERNMENT = "HeadOfGovernment";
        HEAD_OF_STATE = "HeadOfState";
        MINISTER = "Minister";
        SPECIAL_ENVOY = "SpecialEnvoy";
        SPOKESPERSON = "Spokesperson";
        // Object properties.
        APPEARS_IN = "appearsIn";
        CATEGORY = "category";
        CLAIM_TARGET = "claimTarget";
        COUNTRY = "country";
        DESTINATION = "destination";
        EVIDENCE = "evidence";
        FACTUALITY = "factuality";
        HAPPENING_OF = "happening";
        HOLDS = "holds";
        HOST = "host";
        INVITED_TO = "invitedTo";
        INVITEE = "invitee";
        INVITER = "inviter";
        ITEM = "item";
        LOCATION = "location";
        MENTIONED_IN = "mentionedIn";
        NEAR = "near";
        ORIGIN = "origin";
        PARTICIPANT = "participant";
        POSITION_IN = "positionIn";
        POSITION_TYPE = "positionType";
        PREPARES_FOR = "preparesFor";
        RECIPIENT = "recipient";
        RESPONDS_TO = "respondsTo";
        SPEAKER = "speaker";
        STANCE = "stance";
        SUB_EVENT_OF = "subEventOf";
        SUPPLIER = "supplier";
        TRANSPORT_MODE = "transportMode";
        VESSEL_FLAG = "vesselFlag";
        VISITOR = "visitor";
        // Datatype properties.
        AS_OF = "asOf";
        CONFIDENCE = "confidence";
        EARLIEST_DATE = "earliestDate";
        END_DATE = "endDate";
        EVENT_TYPE = "eventType";
        ISO_CODE = "isoCode";
        LATEST_DATE = "latestDate";
        QUANTITY = "quantity";
        QUOTE = "quote";
        SENTENCE_INDEX = "sentenceIndex";
        START_DATE = "startDate";
        TEXT_SHA256 = "textSha256";
        WHEN = "when";
    }
}

/// schema.org terms.
pub mod schema {
    use oxrdf::NamedNodeRef;
    /// `schema:datePublished`
    pub const DATE_PUBLISHED: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://schema.org/datePublished");
    /// `schema:headline`
    pub const HEADLINE: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://schema.org/headline");
    /// `schema:identifier`
    pub const IDENTIFIER: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://schema.org/identifier");
    /// `schema:inLanguage`
    pub const IN_LANGUAGE: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://schema.org/inLanguage");
    /// `schema:sameAs`
    pub const SAME_AS: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://schema.org/sameAs");
    /// `schema:url`
    pub const URL: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("https://schema.org/url");
}

/// W3C Web Annotation terms.
pub mod oa {
    use oxrdf::NamedNodeRef;
    /// `oa:end`
    pub const END: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#end");
    /// `oa:exact`
    pub const EXACT: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#exact");
    /// `oa:hasSelector`
    pub const HAS_SELECTOR: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#hasSelector");
    /// `oa:hasSource`
    pub const HAS_SOURCE: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#hasSource");
    /// `oa:prefix`
    pub const PREFIX: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#prefix");
    /// `oa:start`
    pub const START: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#start");
    /// `oa:suffix`
    pub const SUFFIX: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#suffix");
    /// `oa:TextPositionSelector`
    pub const TEXT_POSITION_SELECTOR: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#TextPositionSelector");
    /// `oa:TextQuoteSelector`
    pub const TEXT_QUOTE_SELECTOR: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("http://www.w3.org/ns/oa#TextQuoteSelector");
}

/// PROV-O terms.
pub mod prov {
    use oxrdf::NamedNodeRef;
    /// `prov:wasDerivedFrom`
    pub const WAS_DERIVED_FROM: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("http://www.w3.org/ns/prov#wasDerivedFrom");
}

/// The EDTF datatype of `kgx:when`.
pub const EDTF: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("http://id.loc.gov/datatypes/edtf/EDTF");

/// Prefixes shared by Turtle, TriG and DOT. Instance prefixes are added from the base IRI.
pub const PREFIXES: &[(&str, &str)] = &[
    ("edtf", "http://id.loc.gov/datatypes/edtf/"),
    ("kgx", KGX),
    ("oa", "http://www.w3.org/ns/oa#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("schema", "https://schema.org/"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// Instance IRI folders below the base IRI, with the prefix name each gets in Turtle.
pub const INSTANCE_FOLDERS: &[(&str, &str)] = &[
    ("art", "article/"),
    ("claim", "claim/"),
    ("ent", "entity/"),
    ("ev", "event/"),
    ("hp", "happening/"),
    ("gr", "graph/"),
    ("mn", "mention/"),
];
