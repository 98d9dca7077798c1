//! The terms of the ontology that the values of the model map to: the classes of entities and
//! events, the properties of roles, the concepts of factuality, transport, materiel and positions
//! (and their slugs), and the CAMEO and PLOVER codes of an event. Vocabulary only: `graph.rs`
//! mints the instance IRIs.

use crate::model::{EntityKind, Event, EventKind, Factuality, MaterielCategory, PositionType, Role, TransportMode};
use crate::vocab::kgx;
use oxrdf::NamedNodeRef;

pub(super) fn entity_class(kind: EntityKind) -> NamedNodeRef<'static> {
    match kind {
        EntityKind::Person => kgx::PERSON,
        EntityKind::State => kgx::STATE,
        EntityKind::Place => kgx::PLACE,
        EntityKind::Government => kgx::GOVERNMENT,
        EntityKind::NewsAgency => kgx::NEWS_AGENCY,
        EntityKind::Igo => kgx::INTERGOVERNMENTAL_ORGANIZATION,
        EntityKind::Organization => kgx::ORGANIZATION,
        EntityKind::Group => kgx::GROUP,
    }
}

pub(super) fn event_class(kind: EventKind) -> NamedNodeRef<'static> {
    match kind {
        EventKind::Visit => kgx::VISIT,
        EventKind::Meeting => kgx::MEETING,
        EventKind::Invitation => kgx::INVITATION,
        EventKind::Shipment => kgx::SHIPMENT,
        EventKind::Act => kgx::EVENT,
    }
}

/// CAMEO and PLOVER codes where the mapping is clear (event-extraction anchors §1.8).
pub(super) fn event_codes(e: &Event) -> Vec<&'static str> {
    match (e.kind, e.factuality) {
        (EventKind::Visit | EventKind::Meeting, Factuality::Refused) => {
            vec!["CAMEO:125", "PLOVER:REJECT"]
        }
        (EventKind::Visit | EventKind::Meeting, Factuality::Cancelled) => {
            vec!["CAMEO:160", "PLOVER:SANCTION"]
        }
        (EventKind::Visit | EventKind::Meeting, Factuality::Planned) => {
            vec!["CAMEO:036", "PLOVER:AGREE"]
        }
        (EventKind::Visit, _)
            if e.fillers(Role::Host).next().is_some() && e.fillers(Role::Visitor).next().is_none() =>
        {
            vec!["CAMEO:043", "PLOVER:CONSULT"]
        }
        (EventKind::Visit, _) => vec!["CAMEO:042", "PLOVER:CONSULT"],
        (EventKind::Meeting, _) => vec!["CAMEO:040", "PLOVER:CONSULT"],
        (EventKind::Invitation, _) => vec!["CAMEO:036", "PLOVER:AGREE"],
        (EventKind::Shipment, _)
            if e.items.iter().any(|c| {
                matches!(
                    c,
                    MaterielCategory::Weapons | MaterielCategory::Munitions | MaterielCategory::MilitaryEquipment
                )
            }) =>
        {
            vec!["CAMEO:072", "PLOVER:AID"]
        }
        (EventKind::Shipment, _) if e.items.contains(&MaterielCategory::HumanitarianAid) => {
            vec!["CAMEO:073", "PLOVER:AID"]
        }
        (EventKind::Shipment, _) => vec!["PLOVER:AID"],
        (EventKind::Act, _) => vec![],
    }
}

pub(super) fn role_property(role: Role) -> NamedNodeRef<'static> {
    match role {
        Role::Participant => kgx::PARTICIPANT,
        Role::Visitor => kgx::VISITOR,
        Role::Host => kgx::HOST,
        Role::Inviter => kgx::INVITER,
        Role::Invitee => kgx::INVITEE,
        Role::Supplier => kgx::SUPPLIER,
        Role::Recipient => kgx::RECIPIENT,
        Role::Location => kgx::LOCATION,
        Role::Origin => kgx::ORIGIN,
        Role::Destination => kgx::DESTINATION,
        Role::VesselFlag => kgx::VESSEL_FLAG,
    }
}

pub(super) fn factuality_concept(f: Factuality) -> NamedNodeRef<'static> {
    match f {
        Factuality::Asserted => kgx::ASSERTED,
        Factuality::Reported => kgx::REPORTED,
        Factuality::Disputed => kgx::DISPUTED,
        Factuality::Denied => kgx::DENIED,
        Factuality::Planned => kgx::PLANNED,
        Factuality::Hypothetical => kgx::HYPOTHETICAL,
        Factuality::Cancelled => kgx::CANCELLED,
        Factuality::Refused => kgx::REFUSED,
    }
}

pub(super) fn transport_concept(m: TransportMode) -> NamedNodeRef<'static> {
    match m {
        TransportMode::Sea => kgx::SEA,
        TransportMode::Rail => kgx::RAIL,
        TransportMode::Air => kgx::AIR,
        TransportMode::Road => kgx::ROAD,
    }
}

pub(super) fn category_concept(c: MaterielCategory) -> NamedNodeRef<'static> {
    match c {
        MaterielCategory::Weapons => kgx::WEAPONS,
        MaterielCategory::Munitions => kgx::MUNITIONS,
        MaterielCategory::MilitaryEquipment => kgx::MILITARY_EQUIPMENT,
        MaterielCategory::HumanitarianAid => kgx::HUMANITARIAN_AID,
        MaterielCategory::Food => kgx::FOOD,
        MaterielCategory::Fuel => kgx::FUEL,
        MaterielCategory::Goods => kgx::GOODS,
    }
}

pub(super) fn category_slug(c: MaterielCategory) -> String {
    category_concept(c).as_str().rsplit('#').next().unwrap_or("").to_lowercase()
}

pub(super) fn position_concept(p: PositionType) -> NamedNodeRef<'static> {
    match p {
        PositionType::HeadOfState => kgx::HEAD_OF_STATE,
        PositionType::HeadOfGovernment => kgx::HEAD_OF_GOVERNMENT,
        PositionType::ForeignMinister => kgx::FOREIGN_MINISTER,
        PositionType::DefenceMinister => kgx::DEFENCE_MINISTER,
        PositionType::SpecialEnvoy => kgx::SPECIAL_ENVOY,
        PositionType::Spokesperson => kgx::SPOKESPERSON,
        PositionType::Ambassador => kgx::AMBASSADOR,
        PositionType::Minister => kgx::MINISTER,
    }
}

pub(super) fn position_slug(p: PositionType) -> String {
    position_concept(p).as_str().rsplit('#').next().unwrap_or("").to_lowercase()
}
