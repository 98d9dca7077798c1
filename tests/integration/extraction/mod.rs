//! Sentence-level behaviour of the extractor in both languages, one file per side: the roles of
//! events, their modality, claims and denials, and the actors. Each case is a general pattern of
//! the language on an invented sentence, not an article.

mod actors;
mod claims;
mod modality;
mod nouns;
mod offices;
mod reported;
mod roles;
mod shipments;
mod verbs;

use kgexport::article::{Article, Lang};
use kgexport::model::{EntityId, EntityKind, EventKind, Extraction, Factuality, PositionType, Role, Stance};
use kgexport::time::PartialDate;

/// Entity ids in their string form, for comparing with expected keys.
pub(super) fn names(ids: &[EntityId]) -> Vec<String> {
    ids.iter().map(|id| id.to_string()).collect()
}

pub(super) fn read(lang: Lang, text: &str) -> Extraction {
    read_on(lang, "2023-10-18", text)
}

/// An article of `date`: offices are resolved on that day.
pub(super) fn read_on(lang: Lang, date: &str, text: &str) -> Extraction {
    let article = Article {
        origin: "test".into(),
        id: None,
        title: None,
        url: None,
        date: PartialDate::parse(date),
        lang: Some(lang),
        text: text.into(),
        discriminator: None,
    };
    kgexport::analyse(&article, None)
}

/// The live events as (class, factuality, sorted "role=entity" strings).
pub(super) fn events(x: &Extraction) -> Vec<(EventKind, Factuality, Vec<String>)> {
    x.events
        .iter()
        .filter(|e| e.is_live())
        .map(|e| {
            let mut roles: Vec<String> = e.roles.iter().map(|(r, k)| format!("{r:?}={k}")).collect();
            roles.sort();
            (e.kind, e.factuality, roles)
        })
        .collect()
}

/// Every participant of the live events, as ids in their string form.
pub(super) fn all_participants(x: &Extraction) -> Vec<String> {
    x.events.iter().filter(|e| e.is_live()).flat_map(|e| e.fillers(Role::Participant)).map(|k| k.to_string()).collect()
}

pub(super) fn has_role(x: &Extraction, kind: EventKind, role: Role, key: &str) -> bool {
    x.events.iter().any(|e| e.is_live() && e.kind == kind && e.fillers(role).any(|k| k.to_string() == key))
}

pub(super) fn described(x: &Extraction, label: &str) -> (Option<String>, Vec<(PositionType, Option<String>)>) {
    let e = x
        .entities
        .iter()
        .find(|e| e.labels.iter().any(|(_, l)| l == label))
        .unwrap_or_else(|| panic!("{label}: {:?}", x.entities));
    assert_eq!(e.kind, EntityKind::Person, "{label}");
    (e.country.clone(), e.positions.iter().map(|p| (p.kind, p.of.clone())).collect())
}
