//! Triggers: the words that name an event (verbs, nouns, compound heads) and what kind of word
//! stands where.

use super::Reader;
use super::clauses::{Clause, clause_of};
use super::goods::goods_words;
use crate::lang::{Frame, TriggerGroup};
use crate::model::EventKind;
use crate::text::{Token, TokenKind};

/// A trigger found in a sentence.
#[derive(Clone, Debug)]
pub(super) struct Trigger<'r> {
    pub(super) at: usize,
    pub(super) group: &'r TriggerGroup,
    pub(super) participle: bool,
    /// The compound's first part, when the trigger is the head of one ("Waffen|lieferungen").
    pub(super) compound_head: Option<String>,
}

/// A form that needs a word right after it ("left for", "the call with") has it at `at + 1`.
fn followed_as_needed(g: &TriggerGroup, tokens: &[Token], at: usize) -> bool {
    g.followed_by.is_empty() || tokens.get(at + 1).is_some_and(|n| g.followed_by.iter().any(|w| w == n.lower()))
}

impl<'a> Reader<'a> {
    pub(super) fn triggers(&self, tokens: &[Token], clauses: &[Clause]) -> Vec<Trigger<'a>> {
        let mut found = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let lower = t.lower();
            if let Some(trigger) = self.trigger_at(lower, i, tokens, clauses) {
                found.push(trigger);
            }
        }
        // "haben sich auf einem Treffen in Brüssel nicht geeinigt": a weak verb adds nothing to an
        // event its clause names.
        let strong: Vec<(usize, EventKind)> =
            found.iter().filter(|t| !t.group.needs_place).map(|t| (clause_of(clauses, t.at), t.group.kind)).collect();
        found.retain(|t| !t.group.needs_place || !strong.contains(&(clause_of(clauses, t.at), t.group.kind)));
        found
    }

    fn trigger_at(&self, lower: &str, i: usize, tokens: &[Token], clauses: &[Clause]) -> Option<Trigger<'a>> {
        let clause = &clauses[clause_of(clauses, i)];
        let later = |w: &String| tokens[i + 1..clause.last].iter().any(|t| t.lower() == *w);
        let before_ok = |g: &TriggerGroup| {
            (g.preceded_by.is_empty() || (i > 0 && g.preceded_by.iter().any(|w| w == tokens[i - 1].lower())))
                && !(i > 0 && g.not_after.iter().any(|w| w == tokens[i - 1].lower()))
                && (followed_as_needed(g, tokens, i) || self.joined_subjects(tokens, i, &g.reciprocal))
        };
        // A word that is also a preposition ("sprach … zu", "traf … an") is a separable particle
        // only where it closes the clause.
        let last_word = tokens[i + 1..clause.last].iter().rev().find(|t| t.kind == TokenKind::Word).map(Token::lower);
        let excluded = |w: &String| {
            if self.rules.prepositions.contains_key(w.as_str()) { last_word == Some(w.as_str()) } else { later(w) }
        };
        let word_needed = |g: &TriggerGroup| {
            g.needs_word.is_empty()
                || tokens[clause.first..clause.last].iter().any(|t| g.needs_word.iter().any(|w| w == t.lower()))
                || self.joined_subjects(tokens, i, &g.reciprocal)
        };
        let particle_ok = |g: &TriggerGroup| {
            g.particle.as_ref().is_none_or(&later) && !g.not_with.iter().any(excluded) && before_ok(g) && word_needed(g)
        };
        // A separable verb with its particle first, then plain forms.
        let capitalized = tokens[i].is_capitalized() && i > 0;
        // (Asked only of a word some trigger group lists.)
        let noun_context = || {
            i > 0 && {
                let prev = tokens[i - 1].lower();
                self.rules.determiners.contains(prev)
                    || self.rules.possessive_markers.contains(&tokens[i - 1].text)
                    || self.rules.compound_heads.contains(prev)
                    || self.rules.attributive_adjectives.contains(prev)
                    || self
                        .rules
                        .cues
                        .planned_adjectives
                        .iter()
                        .chain(&self.rules.cues.hypothetical_adjectives)
                        .any(|a| a == prev)
                    || self.rules.durations.keys().any(|d| prev.starts_with(d.as_str()))
            }
        };
        // Only a form that is both a verb and a noun ("visit", "meeting") needs telling apart.
        let groups = self.rules.groups_of(lower);
        let ambiguous = {
            let mut kinds = groups.clone().map(|g| g.frame.is_verb());
            let first = kinds.next();
            kinds.any(|k| Some(k) != first)
        };
        // A shipment verb needs goods in its clause ("received weapons from" but not "received
        // a mission from").
        let goods = || {
            goods_words(tokens, clause).any(|t| self.materiel(t.lower()).is_some())
                || self.vehicles_handed_over(tokens, i)
        };
        // Goods arrive only with their carrier ("the convoy reached Aleppo", not "Scholz reached Kyiv").
        // Or goods named before the verb arrive themselves ("Weapons from Iran reached Hezbollah").
        let carrier = || {
            self.carrier_in(tokens, clause.first, clause.last).is_some()
                || self.goods_before(tokens, clause.first, i).is_some()
        };
        let class_ok = |g: &TriggerGroup| {
            if g.frame == Frame::Arrive {
                return carrier();
            }
            if g.goods_moved {
                return self.goods_moved(tokens, i);
            }
            if g.kind == EventKind::Shipment && g.frame.is_verb() && !goods() {
                return false;
            }
            if !ambiguous && !self.rules.nouns_capitalized {
                // "Jordan's visiting King", "the visiting delegation": a verb form used as an adjective.
                return !(g.frame.is_verb() && noun_context() && lower.ends_with("ing"));
            }
            if self.rules.nouns_capitalized {
                i == 0 || g.frame.is_verb() != capitalized
            } else {
                g.frame.is_verb() != noun_context()
            }
        };
        let exact = groups
            .filter(|g| particle_ok(g) && class_ok(g))
            .max_by_key(|g| (g.particle.is_some(), g.frame == Frame::Arrive || g.goods_moved));
        if let Some(group) = exact
            && (group.frame.is_verb() || !self.rules.cues.preparation.iter().any(|p| p == lower))
        {
            return Some(Trigger {
                at: i,
                group,
                participle: group.participles.iter().any(|p| p == lower),
                compound_head: None,
            });
        }
        // Compounds: "Putin-Besuch", "Staatsbesuch", "Waffenlieferungen".
        if lower.len() < 7 {
            return None;
        }
        let (head, rest) = match crate::text::split_last_hyphen(lower) {
            Some((head, rest)) => (head.to_string(), rest.to_string()),
            None => {
                // The first noun group with a form the word ends in after a head it allows.
                let (g, _) = self.rules.noun_tails.ending(lower, 2).into_iter().find(|&(g, len)| {
                    self.allowed_compound(&lower[..lower.len() - len], self.rules.triggers[g].frame)
                })?;
                let group = &self.rules.triggers[g];
                let form = group.forms.iter().filter(|f| lower.ends_with(f.as_str())).max_by_key(|f| f.len())?;
                return Some(Trigger {
                    at: i,
                    group,
                    participle: false,
                    compound_head: Some(lower[..lower.len() - form.len()].to_string()),
                });
            }
        };
        let group = self.rules.groups_of(&rest).find(|g| !g.frame.is_verb())?;
        Some(Trigger { at: i, group, participle: false, compound_head: Some(head) })
    }

    /// Which first parts make a closed compound a trigger: goods ("Waffen|lieferung"), listed
    /// heads ("Staats|besuch"), and for meetings any but the excluded ("Migrations|konferenz",
    /// not "Presse|konferenz").
    fn allowed_compound(&self, head: &str, frame: Frame) -> bool {
        let head = head.trim_end_matches('-');
        // "Japan|besuch": a known name closed onto the noun.
        let named = || {
            let mut chars = head.chars();
            let capitalised: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
            crate::gazetteer::get().match_form(&[capitalised.as_str()]).is_some()
        };
        self.rules.materiel.keys().any(|m| head == m || head.starts_with(m.as_str()))
            || (frame == Frame::VisitNoun && !self.rules.name_compound_tails.is_empty() && named())
            || self.rules.compound_heads.contains(head)
            || (frame == Frame::MeetNoun
                && head.chars().count() >= 3
                && !self.rules.compound_excluded.iter().any(|x| head.starts_with(x.as_str())))
    }

    /// Where in a stretch of the sentence a word of one of the frames stands ("lud", "hosted",
    /// "erhielt").
    pub(super) fn frame_words<'t>(
        &'t self,
        tokens: &'t [Token],
        stretch: std::ops::Range<usize>,
        frames: &'t [Frame],
    ) -> impl Iterator<Item = usize> + 't {
        stretch.filter(move |&k| {
            self.rules
                .groups_of(tokens[k].lower())
                .any(|g| frames.contains(&g.frame) && followed_as_needed(g, tokens, k))
        })
    }

    /// Where a meeting noun stands within three words after a verb ("host a meeting", "empfing
    /// zu Gesprächen").
    pub(super) fn meeting_noun_after(&self, tokens: &[Token], at: usize, clause: &Clause) -> Option<usize> {
        (at + 1..clause.last.min(at + 4)).find(|&k| {
            let lower = tokens[k].lower();
            self.rules.triggers.iter().any(|g| g.frame == Frame::MeetNoun && g.forms.iter().any(|f| f == lower))
        })
    }

    /// A participle with a passive auxiliary: anywhere in the clause where the verb closes it
    /// ("dass Waffen geliefert wurden"), else right before it ("were quickly delivered", not
    /// "Iran hosted the championship and it was boycotted").
    pub(super) fn is_passive(&self, tokens: &[Token], clause: &Clause, trigger: &Trigger<'_>) -> bool {
        const AUX_REACH: usize = 3;
        let scope = if self.rules.verb_final {
            clause.first..clause.last
        } else {
            trigger.at.saturating_sub(AUX_REACH).max(clause.first)..trigger.at
        };
        trigger.participle && tokens[scope].iter().any(|t| self.rules.cues.passive_aux.iter().any(|a| a == t.lower()))
    }

    /// A word that may be a verb: a trigger or cue of a verb, or a lower-case word that is not an
    /// adjective (German endings) or determiner.
    pub(super) fn is_verb_like(&self, t: &Token) -> bool {
        let lower = t.lower();
        !t.is_capitalized()
            && !self.rules.determiners.contains(lower)
            && !self
                .rules
                .demonym_endings
                .iter()
                .any(|e| !e.is_empty() && lower.ends_with(e.as_str()) && lower.len() > 4)
    }

    /// A noun that names an event of its own ("Gipfel", "G-20-Gipfel", "talks").
    pub(super) fn is_event_noun(&self, lower: &str) -> bool {
        let noun = |w: &str| self.rules.groups_of(w).any(|g| !g.frame.is_verb());
        noun(lower) || crate::text::split_last_hyphen(lower).is_some_and(|(_, tail)| noun(tail))
    }
}
