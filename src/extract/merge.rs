//! Merging: mentions of one happening become one event; invitations are linked to the visits they
//! invite to.

use super::Reader;
use crate::mentions::ids;
use crate::model::{Claim, EntityId, Event, EventKind, Factuality, Role, Stance};
use crate::time::TimeValue;

fn same_happening(a: &Event, b: &Event, entities: &[crate::model::Entity]) -> bool {
    if a.kind != b.kind || a.factuality.family() != b.factuality.family() {
        return false;
    }
    let set = |e: &Event, role: Role| -> Vec<EntityId> {
        let mut v: Vec<EntityId> = e.fillers(role).cloned().collect();
        v.sort();
        v
    };
    let compatible_places = || {
        let (da, db) = (set(a, Role::Destination), set(b, Role::Destination));
        da.is_empty()
            || db.is_empty()
            || da.iter().any(|x| db.iter().any(|y| x == y || inside(x, y, entities) || inside(y, x, entities)))
    };
    let times = match (&a.time, &b.time) {
        (Some(x), Some(y)) => {
            let ((a0, a1), (b0, b1)) = (x.bounds(), y.bounds());
            a0 <= b1 && b0 <= a1
        }
        _ => true,
    };
    let parties = match a.kind {
        EventKind::Act => set(a, Role::Participant) == set(b, Role::Participant),
        EventKind::Visit => {
            !set(a, Role::Visitor).is_empty() && set(a, Role::Visitor) == set(b, Role::Visitor) && compatible_places()
        }
        EventKind::Invitation => {
            set(a, Role::Inviter) == set(b, Role::Inviter) && set(a, Role::Invitee) == set(b, Role::Invitee)
        }
        EventKind::Shipment => {
            set(a, Role::Supplier) == set(b, Role::Supplier)
                && set(a, Role::Recipient) == set(b, Role::Recipient)
                && !set(a, Role::Supplier).is_empty()
        }
        EventKind::Meeting => {
            let (pa, pb) = (set(a, Role::Participant), set(b, Role::Participant));
            // Two shared parties, or the very same ones ("the AU summit" twice).
            pa.iter().filter(|x| pb.contains(x)).count() >= 2 || (!pa.is_empty() && pa == pb)
        }
    };
    parties && times
}

/// Is place `x` inside state `y`?
pub(super) fn inside(x: &EntityId, y: &EntityId, entities: &[crate::model::Entity]) -> bool {
    entities.iter().any(|e| e.key == *x && e.country.as_deref().is_some_and(|c| *y == ids::state(c)))
}

fn narrower(a: Option<TimeValue>, b: Option<TimeValue>) -> Option<TimeValue> {
    match (a, b) {
        (Some(x), Some(y)) => {
            let width = |t: &TimeValue| {
                let (s, e) = t.bounds();
                (e - s).num_days()
            };
            Some(if width(&y) < width(&x) { y } else { x })
        }
        (x, y) => x.or(y),
    }
}

fn merged_factuality(a: Factuality, b: Factuality) -> Factuality {
    use Factuality::*;
    match (a, b) {
        (Planned, _) | (_, Planned) => Planned,
        (Asserted, _) | (_, Asserted) => Asserted,
        (x, _) => x,
    }
}

impl<'a> Reader<'a> {
    /// Merges mentions of the same happening: same class, same key parties, compatible places,
    /// times and factuality family.
    pub(super) fn merge_events(&mut self) {
        let n = self.out.events.len();
        for j in 0..n {
            if !self.out.events[j].is_live() || self.out.events[j].sub_event_of.is_some() {
                continue;
            }
            let target = (0..j).find(|&i| {
                self.out.events[i].is_live()
                    && self.out.events[i].sub_event_of.is_none()
                    && same_happening(&self.out.events[i], &self.out.events[j], &self.out.entities)
            });
            if let Some(i) = target {
                let other = self.out.events[j].clone();
                self.out.events[j].merged_into = Some(i);
                let e = &mut self.out.events[i];
                for (role, key) in &other.roles {
                    if !(matches!(role, Role::Destination) && e.fillers(Role::Destination).next().is_some()) {
                        e.add_role(*role, key);
                    }
                }
                e.evidence.extend(other.evidence);
                e.items.extend(other.items);
                e.items.sort();
                e.items.dedup();
                e.transport = e.transport.or(other.transport);
                e.time = narrower(e.time.take(), other.time);
                e.factuality = merged_factuality(e.factuality, other.factuality);
            }
        }
        let resolve = |events: &[Event], mut i: usize| {
            while let Some(next) = events[i].merged_into {
                i = next;
            }
            i
        };
        let events = self.out.events.clone();
        for c in &mut self.out.claims {
            c.target = resolve(&events, c.target);
        }
        for e in &mut self.out.events {
            if let Some(p) = e.sub_event_of {
                e.sub_event_of = Some(resolve(&events, p));
            }
        }
        // Claims that became identical collapse.
        let mut seen = Vec::new();
        let claims = std::mem::take(&mut self.out.claims);
        let mut remap = Vec::new();
        for c in claims {
            // A claim about an event that was dropped goes with it.
            if !events[c.target].is_live() {
                remap.push(usize::MAX);
                continue;
            }
            let key = (c.speakers.clone(), c.stance, c.target);
            match seen.iter().position(|(k, _): &((Vec<EntityId>, Stance, usize), usize)| *k == key) {
                Some(p) => {
                    let kept = seen[p].1;
                    remap.push(kept);
                    let kept_claim: &mut Claim = &mut self.out.claims[kept];
                    if kept_claim.responds_to.is_none() {
                        kept_claim.responds_to = c.responds_to;
                    }
                }
                None => {
                    remap.push(self.out.claims.len());
                    seen.push((key, self.out.claims.len()));
                    self.out.claims.push(c);
                }
            }
        }
        let count = self.out.claims.len();
        for c in &mut self.out.claims {
            c.responds_to = c.responds_to.map(|r| remap[r]).filter(|&r| r < count);
        }
        let own: Vec<usize> = (0..self.out.claims.len()).collect();
        for i in own {
            if self.out.claims[i].responds_to == Some(i) {
                self.out.claims[i].responds_to = None;
            }
        }
    }

    /// An invitation to a place invites to a planned visit there, shared with other mentions of it.
    pub(super) fn invitations(&mut self) {
        for i in 0..self.out.events.len() {
            let e = &self.out.events[i];
            if e.kind != EventKind::Invitation || !e.is_live() {
                continue;
            }
            let Some(destination) = e.fillers(Role::Destination).next().cloned() else {
                // "invited X to visit Tehran": the visit told in the same sentence.
                let invitee = e.fillers(Role::Invitee).next().cloned();
                let sentence = e.evidence.first().map(|s| s.sentence);
                let told = self.out.events.iter().position(|v| {
                    v.kind == EventKind::Visit
                        && v.is_live()
                        && !v.factuality.is_realis()
                        && v.evidence.first().map(|s| s.sentence) == sentence
                        && invitee.as_ref().is_some_and(|i| v.fillers(Role::Visitor).any(|x| x == i))
                });
                self.out.events[i].invited_to = told;
                self.date_ahead_to_visit(i, told);
                continue;
            };
            let invitees: Vec<EntityId> = e.fillers(Role::Invitee).cloned().collect();
            self.out.events[i].roles.retain(|(r, _)| *r != Role::Destination);
            let Some(invitee) = invitees.first() else {
                continue;
            };
            let existing = self.out.events.iter().position(|v| {
                v.kind == EventKind::Visit
                    && v.is_live()
                    && !v.factuality.is_realis()
                    && v.fillers(Role::Visitor).any(|x| x == invitee)
                    && v.fillers(Role::Destination).all(|d| {
                        *d == destination
                            || self.out.entities.iter().any(|en| {
                                en.key == destination && en.country.as_deref().map(ids::state).as_ref() == Some(d)
                            })
                    })
            });
            let visit = match existing {
                Some(v) => {
                    self.out.events[v].add_role(Role::Destination, &destination);
                    v
                }
                None => {
                    let invitation = &self.out.events[i];
                    let mut visit = Event::new(
                        EventKind::Visit,
                        Factuality::Planned,
                        invitation.trigger,
                        invitation.evidence.clone(),
                    );
                    visit.add_role(Role::Visitor, invitee);
                    visit.add_role(Role::Destination, &destination);
                    self.out.events.push(visit);
                    self.out.events.len() - 1
                }
            };
            self.out.events[i].invited_to = Some(visit);
            self.date_ahead_to_visit(i, Some(visit));
        }
    }

    /// "invited Scholz to Paris for talks next month": an invitation told as made was made by
    /// the article's day; a date after it is the visit's it invites to (if one is known), never
    /// the invitation's.
    fn date_ahead_to_visit(&mut self, invitation: usize, visit: Option<usize>) {
        let Some(reference) = self.reference else { return };
        let e = &self.out.events[invitation];
        if !e.factuality.is_realis() || e.time.as_ref().is_none_or(|t| t.bounds().0 <= reference.last_day()) {
            return;
        }
        let time = self.out.events[invitation].time.take();
        if let Some(v) = visit.filter(|&v| self.out.events[v].time.is_none()) {
            self.out.events[v].time = time;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::PartialDate;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> TimeValue {
        TimeValue::Day(NaiveDate::from_ymd_opt(y, m, d).expect("valid"))
    }

    #[test]
    fn the_narrower_of_two_times_wins() {
        let month = PartialDate::Month(2024, 5).window();
        assert_eq!(narrower(Some(month.clone()), Some(day(2024, 5, 3))), Some(day(2024, 5, 3)));
        assert_eq!(narrower(Some(day(2024, 5, 3)), Some(month.clone())), Some(day(2024, 5, 3)));
        // Of two as wide, the first stays.
        assert_eq!(narrower(Some(day(2024, 5, 3)), Some(day(2024, 5, 4))), Some(day(2024, 5, 3)));
        assert_eq!(narrower(None, Some(month.clone())), Some(month));
        assert_eq!(narrower(None, None), None);
    }

    #[test]
    fn a_plan_outweighs_a_statement_and_a_statement_the_rest() {
        use Factuality::*;
        assert_eq!(merged_factuality(Reported, Planned), Planned);
        assert_eq!(merged_factuality(Planned, Asserted), Planned);
        assert_eq!(merged_factuality(Reported, Asserted), Asserted);
        assert_eq!(merged_factuality(Asserted, Denied), Asserted);
        assert_eq!(merged_factuality(Denied, Reported), Denied);
    }
}
