//! Shipments: who sends and who gets goods, and where they go, by a verb or a noun, and receiving.

use super::{Parties, actor_or_capital_in, capital_state};
use crate::extract::Reader;
use crate::lang::{Frame, RoleHint};
use crate::mentions::{Mention, MentionForm};
use crate::model::{EntityId, EntityKind, Event, Role};
use crate::text::TokenKind;

impl<'a> Reader<'a> {
    /// "lieferte X an Y", "shipped to Y": who sends, who gets, from where and to where.
    pub(super) fn ship(&self, cx: &Parties<'_>, event: &mut Event) -> Option<()> {
        // "von der Deponie Schönberg … transportiert": a place is where it comes from, not who;
        // a capital stands for its state ("Berlin will deliver tanks").
        let gaz = crate::gazetteer::get();
        // "Jordanian planes parachuted medicine", "a UN convoy brought food": whose carrier
        // moves the goods sends them.
        let supplier = self.carrier_owner_before(cx).or_else(|| {
            self.subject(cx).filter(|s| !cx.mentions.iter().any(|m| m.entity == *s && m.kind == EntityKind::Place))
        });
        let supplier = supplier.or_else(|| {
            cx.in_clause
                .iter()
                .find(|m| {
                    m.first < cx.at
                        && m.hint.is_none()
                        && matches!(m.form, MentionForm::Argument | MentionForm::Pronoun)
                        && m.kind.is_place()
                })
                .and_then(|m| capital_state(gaz, &m.entity))
        });
        // "China, Iran and Russia have pledged funds": every joined subject sends, none gets.
        let before: Vec<&Mention> = cx.bare_actors.iter().copied().filter(|m| m.first < cx.at).collect();
        let joined = if cx.passive { Vec::new() } else { self.coordinated_subjects(cx.tokens, &before) };
        let joined = if supplier.as_ref().is_some_and(|s| joined.contains(s)) { joined } else { Vec::new() };
        if let Some(s) = &supplier {
            event.add_role(Role::Supplier, s);
            for other in joined.iter().filter(|o| *o != s) {
                event.add_role(Role::Supplier, other);
            }
        }
        let recipient =
            cx.hinted(&[RoleHint::Recipient]).into_iter().find(|m| m.kind.is_actor()).or_else(|| {
                if cx.passive { None } else { cx.object(&supplier).filter(|o| !joined.contains(&o.entity)) }
            });
        // "to Hamas", "to Ukraine", "to Kyiv": an actor it goes to gets it; a capital, its state.
        let destined = || {
            let to = cx.hinted(&[RoleHint::Recipient, RoleHint::Destination]);
            to.iter()
                .find(|m| m.kind.is_actor())
                .map(|m| m.entity.clone())
                .or_else(|| to.iter().find_map(|m| capital_state(gaz, &m.entity)))
        };
        // "Washington has sent Kyiv tanks": a capital no preposition governs, other than the
        // supplier's, stands for the state that gets them.
        let capital_object = || {
            cx.in_clause
                .iter()
                .filter(|m| m.hint.is_none() && m.form == MentionForm::Argument && m.kind.is_place())
                .filter_map(|m| capital_state(gaz, &m.entity))
                .find(|state| supplier.as_ref() != Some(state))
        };
        if let Some(r) = recipient {
            event.add_role(Role::Recipient, &r.entity);
        } else if let Some(d) = destined().filter(|d| supplier.as_ref() != Some(d)) {
            event.add_role(Role::Recipient, &d);
        } else if let Some(state) = capital_object().filter(|_| !cx.passive) {
            event.add_role(Role::Recipient, &state);
        }
        if cx.passive
            && !event.roles.iter().any(|(r, _)| *r == Role::Recipient)
            && let Some(r) = cx.bare_actors.first()
        {
            event.add_role(Role::Recipient, &r.entity);
        }
        // "von der Deponie Schönberg zur Müllverbrennungsanlage Stapelfeld transportiert":
        // places it leaves and reaches; a place it is handled "in" before it goes.
        let place = |hints: &[RoleHint]| cx.hinted(hints).into_iter().find(|m| m.kind == EntityKind::Place);
        if let Some(o) = place(&[RoleHint::Source, RoleHint::Of]) {
            event.add_role(Role::Origin, &o.entity);
        }
        if let Some(d) = place(&[RoleHint::Destination]) {
            event.add_role(Role::Destination, &d.entity);
            if let Some(o) = place(&[RoleHint::Location]).filter(|o| o.first < d.first)
                && !event.roles.iter().any(|(r, _)| *r == Role::Origin)
            {
                event.add_role(Role::Origin, &o.entity);
            }
        }
        Some(())
    }

    /// "Waffenlieferungen an X", "the sale of Y": who sends and who gets, read around the noun.
    pub(super) fn ship_noun(&self, cx: &Parties<'_>, event: &mut Event) -> Option<()> {
        let supplier = self
            .possessor(cx.tokens, &cx.in_clause, cx.at)
            .or_else(|| cx.prefix.filter(|m| m.kind.is_actor()))
            .or_else(|| {
                self.after_noun(cx, &[RoleHint::Source, RoleHint::Of, RoleHint::Agent])
                    .into_iter()
                    .find(|m| m.kind.is_actor())
            })
            .or_else(|| self.demonym_before(&cx.in_clause, cx.at))
            // "die Munitionslieferungen der USA": a genitive right after the noun.
            .or_else(|| self.genitive_after(cx.tokens, &cx.in_clause, cx.at))
            // "die Waffenlieferungen Russlands": a name in the genitive right after it.
            .or_else(|| {
                cx.in_clause.iter().copied().find(|m| m.first == cx.at + 1 && m.possessive && m.kind.is_actor())
            })
            // "US ammunition deliveries": a state named before the goods the noun is of.
            .or_else(|| {
                cx.in_clause.iter().copied().find(|m| {
                    m.kind == EntityKind::State
                        && m.hint.is_none()
                        && m.last < cx.at
                        && cx.tokens[m.last..cx.at].iter().all(|t| self.materiel(t.lower()).is_some())
                })
            });
        if let Some(s) = supplier {
            event.add_role(Role::Supplier, &s.entity);
        } else if !self.governed_noun(cx.tokens, cx.at)
            && !self.clause_receives(cx)
            && let Some(s) = cx
                .bare_actors
                .iter()
                .find(|m| m.first < cx.at && m.kind != EntityKind::NewsAgency)
                .map(|m| m.entity.clone())
                // "Washington approved the sale of jets": a capital stands for its state.
                .or_else(|| actor_or_capital_in(cx.mentions, cx.c, |m| m.first < cx.at && !m.kind.is_actor()))
        {
            // "Die Bundesregierung genehmigte die Lieferung von Panzern an die Ukraine": the one
            // who approves, begins or stops deliveries makes them.
            event.add_role(Role::Supplier, &s);
        }
        if let Some(r) =
            self.after_noun(cx, &[RoleHint::Recipient, RoleHint::Destination]).into_iter().find(|m| m.kind.is_actor())
        {
            event.add_role(Role::Recipient, &r.entity);
        }
        if let Some(o) = self.after_noun(cx, &[RoleHint::Source]).into_iter().find(|m| m.kind == EntityKind::Place) {
            event.add_role(Role::Origin, &o.entity);
        }
        Some(())
    }

    /// A verb of receiving stands in the trigger's clause ("erhielt eine Lieferung").
    fn clause_receives(&self, cx: &Parties<'_>) -> bool {
        self.frame_words(cx.tokens, cx.c.first..cx.c.last, &[Frame::Receive]).next().is_some()
    }

    /// "erhielt X von Y", "received from Y": who gets and who sends.
    pub(super) fn receive(&self, cx: &Parties<'_>, event: &mut Event) -> Option<()> {
        let recipient = self.subject(cx);
        if let Some(r) = &recipient {
            event.add_role(Role::Recipient, r);
        }
        let from = cx.hinted(&[RoleHint::Source, RoleHint::Of]);
        // "received weapons from Pyongyang": a capital stands for its state.
        let capital = || from.iter().find_map(|m| capital_state(crate::gazetteer::get(), &m.entity));
        if let Some(s) = from.iter().find(|m| m.kind.is_actor()) {
            event.add_role(Role::Supplier, &s.entity);
        } else if let Some(state) = capital().filter(|s| Some(s) != recipient.as_ref()) {
            event.add_role(Role::Supplier, &state);
        } else if let Some(s) = cx.in_clause.iter().find(|m| {
            // "Russland hat iranische Drohnen erhalten": the goods' demonym is the supplier.
            m.kind == EntityKind::State
                && m.form == MentionForm::Modifier
                && cx.tokens.get(m.last).is_some_and(|t| self.materiel(t.lower()).is_some())
                && Some(&m.entity) != recipient.as_ref()
        }) {
            event.add_role(Role::Supplier, &s.entity);
        }
        Some(())
    }
}

impl<'a> Reader<'a> {
    /// "Ein Hilfskonvoi der UN erreichte Aleppo", "a ship with grain from Ukraine docked in
    /// Istanbul": whose the carrier is (a genitive, a possessor, a name or demonym before it)
    /// sends the goods; where they come from is the origin, where they arrive the destination,
    /// or its state the recipient.
    pub(super) fn arrival(&self, cx: &Parties<'_>, event: &mut Event) -> Option<()> {
        let Some(carrier) = self.carrier_in(cx.tokens, cx.c.first, cx.c.last) else {
            return self.goods_arriving(cx, event);
        };
        if let Some(s) = self.carrier_owner(cx, carrier) {
            event.add_role(Role::Supplier, &s.entity);
        }
        let place = |hints: &[RoleHint]| cx.hinted(hints).into_iter().find(|m| m.kind.is_place());
        // "a ship carrying Ukrainian grain": a demonym on the goods says where they come from.
        let of_goods = || {
            cx.in_clause.iter().copied().find(|m| {
                m.kind == EntityKind::State
                    && m.form == MentionForm::Modifier
                    && cx.tokens.get(m.last).is_some_and(|t| self.materiel(t.lower()).is_some())
            })
        };
        if let Some(o) = place(&[RoleHint::Source]).or_else(of_goods) {
            event.add_role(Role::Origin, &o.entity);
        }
        // "erreichte die Stadt Aleppo", "arrived in Gaza", "reached the port of Odesa".
        // "den Hafen von Istanbul", "the port of Odesa": the place a facility is of.
        let object_place = || {
            let places: Vec<&Mention> = cx
                .in_clause
                .iter()
                .copied()
                .filter(|m| {
                    m.kind.is_place() && m.first > cx.at.min(carrier) && matches!(m.hint, None | Some(RoleHint::Of))
                })
                .collect();
            places.iter().copied().find(|m| m.hint == Some(RoleHint::Of)).or(places.first().copied())
        };
        let Some(destination) = place(&[RoleHint::Destination, RoleHint::Location]).or_else(object_place) else {
            // "reached the town of Madaya": a place the gazetteer lacks is named later
            // (`unknown_places`).
            return self.unknown_destination_after(cx.tokens, cx.mentions, cx.at, cx.c, true).map(|_| ());
        };
        event.add_role(Role::Destination, &destination.entity);
        if destination.kind == EntityKind::State {
            event.add_role(Role::Recipient, &destination.entity);
        }
        Some(())
    }

    /// Whose the carrier at `carrier` is: a genitive after it, a possessor, or a name or demonym
    /// right before it ("der UN", "Ukraine's", "a UN convoy", "Jordanian planes").
    fn carrier_owner<'p>(&self, cx: &Parties<'p>, carrier: usize) -> Option<&'p Mention> {
        self.genitive_after(cx.tokens, &cx.in_clause, carrier)
            .or_else(|| self.possessor(cx.tokens, &cx.in_clause, carrier))
            .or_else(|| {
                cx.in_clause.iter().copied().find(|m| {
                    m.kind.is_actor()
                        && m.hint.is_none()
                        && m.last <= carrier
                        && cx.tokens[m.last..carrier].iter().all(|t| t.kind == TokenKind::Word && !t.is_capitalized())
                        && carrier - m.last <= 2
                })
            })
            .filter(|m| m.kind != EntityKind::Place)
    }

    /// The owner of a carrier that is the subject of a verb of sending: the carrier stands
    /// before the verb and no actor of the clause is named there as a noun of its own.
    fn carrier_owner_before(&self, cx: &Parties<'_>) -> Option<EntityId> {
        if cx.passive {
            return None;
        }
        let carrier = self.carrier_in(cx.tokens, cx.c.first, cx.c.last).filter(|&k| k < cx.at)?;
        let owner = self.carrier_owner(cx, carrier)?;
        let other_subject = cx.bare_actors.iter().any(|m| m.first < cx.at && m.entity != owner.entity);
        (!other_subject).then(|| owner.entity.clone())
    }

    /// "Weapons from Iran reached Hezbollah": goods that arrive themselves, sent by whom they
    /// come from, to the actor or place they reach.
    fn goods_arriving(&self, cx: &Parties<'_>, event: &mut Event) -> Option<()> {
        let from = cx.hinted(&[RoleHint::Source]);
        if let Some(s) = from.iter().find(|m| m.kind.is_actor()) {
            event.add_role(Role::Supplier, &s.entity);
        } else if let Some(o) = from.iter().find(|m| m.kind.is_place()) {
            event.add_role(Role::Origin, &o.entity);
        }
        let reached = cx
            .in_clause
            .iter()
            .copied()
            .find(|m| m.first > cx.at && m.hint.is_none() && m.form == MentionForm::Argument)
            .or_else(|| {
                cx.hinted(&[RoleHint::Destination, RoleHint::Location]).into_iter().find(|m| m.kind.is_place())
            })?;
        if reached.kind.is_actor() {
            event.add_role(Role::Recipient, &reached.entity);
        }
        if reached.kind.is_place() {
            event.add_role(Role::Destination, &reached.entity);
        }
        Some(())
    }
}
