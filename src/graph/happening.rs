//! The cross-article identity of a reported happening: the key that links the events of several
//! articles reporting the same visit, meeting, invitation or shipment. `graph.rs` makes the
//! `happening/{key}` IRI from it.

use crate::model::{Entity, EntityId, EntityKind, Event, EventKind, Factuality, Role};
use sha2::Digest;

/// The cross-article identity of what an event reports: its class, the curated actors of its key
/// roles (a destination counted as its state), its month, and whether it was called off. `None`
/// when a key actor is local to the article or the month is unknown: then nothing links it.
pub(super) fn happening_key(e: &Event, entities: &[Entity]) -> Option<String> {
    let (start, end) = e.time.as_ref()?.bounds();
    if (end - start).num_days() > 31 {
        return None;
    }
    let state_of = |key: &EntityId| -> Option<String> {
        let entity = entities.iter().find(|x| x.key == *key)?;
        match &entity.country {
            Some(c) if entity.kind == EntityKind::Place => Some(crate::gazetteer::state_key(c)),
            _ => Some(entity.key.to_string()),
        }
    };
    let roles: &[Role] = match e.kind {
        EventKind::Visit => &[Role::Visitor, Role::Destination, Role::Host],
        EventKind::Meeting => &[Role::Participant],
        EventKind::Invitation => &[Role::Inviter, Role::Invitee],
        EventKind::Shipment => &[Role::Supplier, Role::Recipient],
        EventKind::Act => return None,
    };
    let mut parts: Vec<String> = Vec::new();
    for role in roles {
        for key in e.fillers(*role) {
            let known = entities.iter().find(|x| x.key == *key).is_some_and(|x| x.key.is_shared());
            if !known {
                return None;
            }
            let key = if matches!(role, Role::Destination | Role::Host) { state_of(key)? } else { key.to_string() };
            parts.push(format!("{role:?}={key}"));
        }
    }
    parts.sort();
    parts.dedup();
    if parts.len() < 2 {
        return None;
    }
    let called_off = matches!(e.factuality, Factuality::Cancelled | Factuality::Refused);
    let text = format!("{}|{}|{}|{}", e.kind.name(), parts.join("|"), start.format("%Y-%m"), called_off);
    let digest = sha2::Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    Some(format!("{}-{}", e.kind.name().to_lowercase(), hex))
}
