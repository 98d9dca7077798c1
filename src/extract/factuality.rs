//! Factuality: what a sentence commits to about an event (modality, negation, plans, the scene an
//! event noun sets).

use super::Reader;
use super::attribution::Attribution;
use super::clauses::Clause;
use super::phrases::{listed, phrase_in};
use super::triggers::Trigger;
use crate::lang::{Frame, RoleHint};
use crate::mentions::Mention;
use crate::model::Factuality;
use crate::text::{Token, TokenKind};
use crate::time::{PartialDate, TimeValue};

impl<'a> Reader<'a> {
    /// "erklärte die Bereitschaft, in Gespräche einzutreten", "offered to negotiate": an
    /// infinitive clause takes the plan or possibility of the clause it completes.
    pub(super) fn infinitive_modality(
        &self,
        tokens: &[Token],
        clauses: &[Clause],
        clause: usize,
    ) -> Option<Factuality> {
        let marker = self.rules.infinitive_marker.as_deref()?;
        let c = &clauses[clause];
        let infinitive = tokens[c.first..c.last].windows(2).any(|w| w[0].lower() == marker && !w[1].is_capitalized())
            || tokens[c.first..c.last].iter().any(|t| {
                let lower = t.lower();
                !t.is_capitalized()
                    && lower.len() > marker.len() + 4
                    && lower.ends_with("en")
                    && lower.find(marker).is_some_and(|at| at > 0)
            });
        if !infinitive || clause == 0 {
            return None;
        }
        // "wird beschuldigt, Waffen geliefert zu haben": a perfect infinitive tells what was done
        // before, whatever the clause before it says of the future.
        let perfect = tokens[c.first..c.last]
            .windows(2)
            .any(|w| w[0].lower() == marker && self.rules.time.perfect_auxiliaries.iter().any(|a| a == w[1].lower()));
        let before: Vec<&str> =
            tokens[clauses[clause - 1].first..clauses[clause - 1].last].iter().map(Token::lower).collect();
        self.rules
            .cue_lists()
            .into_iter()
            .find(|(cues, _)| cues.iter().any(|cue| phrase_in(&before, cue)))
            .map(|(_, f)| f)
            // "will nach Peking reisen, um Xi zu treffen": a purpose of what is still to come.
            // "Russland wird vorgeworfen, Waffen geliefert zu haben": what one is accused of is
            // reported, never asserted, whether or not the accuser is named.
            .or_else(|| {
                self.rules.cues.accuse.iter().any(|cue| phrase_in(&before, cue)).then_some(Factuality::Reported)
            })
            .or_else(|| {
                let future = !perfect && self.rules.cues.future_aux.iter().any(|cue| phrase_in(&before, cue));
                future.then_some(Factuality::Planned)
            })
    }

    /// Whether the clause, or a relative clause right after it, says the meeting takes place.
    pub(super) fn occurs(&self, tokens: &[Token], clauses: &[Clause], clause: usize) -> bool {
        let says = |c: &Clause| {
            (c.first..c.last).any(|k| {
                let w = tokens[k].lower();
                self.rules.occur_words.contains(w)
                    || (self.rules.occur_participles.contains(w) && self.auxiliary_before(tokens, c, k))
            })
        };
        says(&clauses[clause]) || clauses.get(clause + 1).is_some_and(|next| next.relative && says(next))
    }

    /// A relative clause right after `clause` says in the future that the meeting takes place.
    pub(super) fn occurs_later(&self, tokens: &[Token], clauses: &[Clause], clause: usize) -> bool {
        clauses.get(clause + 1).is_some_and(|next| {
            let words = &tokens[next.first..next.last];
            next.relative
                && words.iter().any(|t| self.rules.occur_words.contains(t.lower()))
                && words.iter().any(|t| self.rules.cues.future_aux.iter().any(|a| a == t.lower()))
        })
    }

    /// An event dated the article's own day, told in the present ("kommen am Sonntag zusammen",
    /// "meets … today"): what the day still holds.
    pub(super) fn on_the_day_in_present(&self, tokens: &[Token], clause: &Clause, time: Option<&TimeValue>) -> bool {
        let (Some(time), Some(reference)) = (time, self.reference) else { return false };
        let today =
            matches!(reference, PartialDate::Day(_)) && time.bounds() == (reference.first_day(), reference.last_day());
        today
            && self.tagged(tokens).is_some_and(|tags| {
                tags.get(clause.first..clause.last.min(tags.len())).is_some_and(|t| self.stretch_in_present(t))
            })
    }

    pub(super) fn factuality(
        &self,
        trigger: &Trigger<'_>,
        tokens: &[Token],
        mentions: &[Mention],
        clause: &Clause,
        attribution: &Attribution,
    ) -> Factuality {
        let lower = self.cue_words(tokens, mentions);
        let noun = !trigger.group.frame.is_verb();
        let governed = noun
            && (mentions.iter().any(|m| m.first == trigger.at && m.hint == Some(RoleHint::Of))
                || self.governing_hint(tokens, trigger.at) == Some(RoleHint::Of)
                || self.genitive_attribute(tokens, trigger.at));
        // A noun that a "von"/"of" phrase hangs on another noun is presupposed ("die Ergebnisse von
        // Putins Besuch"): only its own modifiers count. Other nouns share the clause's modality.
        let (from, to) = if governed {
            (trigger.at.saturating_sub(4).max(clause.first), trigger.at + 1)
        } else {
            // "said during a visit to Kyiv that the US would send …": what follows a subordinator
            // is another clause's modality.
            let inner = (trigger.at + 1..clause.last).find(|&k| self.rules.subordinators.contains(tokens[k].lower()));
            // "rejected claims that it had shipped …": what stands before the subordinator that opens
            // the trigger's clause is the main clause's.
            let opens =
                (clause.first..trigger.at).rev().find(|&k| self.rules.subordinators.contains(tokens[k].lower()));
            (opens.unwrap_or(clause.first), inner.unwrap_or(clause.last))
        };
        let window = &lower[from..to];
        let lists = self.rules.cue_lists();
        // "Auf einem Treffen in Innsbruck einigten sie sich nicht": a meeting noun that sets the
        // scene is neither negated, refused nor called off by what happens at it.
        // "After talks with X, Y said …": a phrase of setting that opens the sentence.
        let fronted = noun
            && clause.first == 0
            && clause.last < tokens.len()
            && tokens.first().is_some_and(|t| self.rules.setting_prepositions.contains(t.lower()));
        let setting = noun && (fronted || self.sets_the_scene(tokens, trigger.at));
        // "Blinkens Ankunft war nicht angekündigt worden": what is not made known neither
        // failed to happen nor is still to come.
        let negated = || self.rules.cues.negation.iter().any(|c| phrase_in(window, c));
        let verb_of = |lemmas: &[String]| window.iter().any(|w| !w.is_empty() && self.verb_lemma_in(w, lemmas));
        let undisclosed = noun && negated() && verb_of(&self.rules.cues.disclosure_lemmas);
        // "Ein Treffen sei nicht geplant", "will not travel", "keine Pläne für einen Besuch": a plan
        // the clause negates is denied.
        let plan = || {
            if !governed && !setting && !undisclosed && negated() { Factuality::Denied } else { Factuality::Planned }
        };
        // Called off or refused, for the whole clause.
        for (cues, value) in &lists[..2] {
            if !setting && cues.iter().any(|c| phrase_in(window, c)) {
                return *value;
            }
        }
        // "the debate, which was slated for …, has been cancelled": a verb of calling off or
        // refusing whose subject or object the tree makes the event noun, wherever it stands.
        if noun
            && !setting
            && let Some(value) = self.called_off_in_tree(tokens, &lower, trigger.at)
        {
            return value;
        }
        // "ein geplanter Besuch", "a possible meeting": adjectives speak for their noun only.
        if noun {
            let before = &lower[trigger.at.saturating_sub(3).max(clause.first)..trigger.at];
            if self.rules.cues.hypothetical_adjectives.iter().any(|c| before.contains(&c.as_str())) {
                return Factuality::Hypothetical;
            }
            if self.rules.cues.planned_adjectives.iter().any(|c| before.contains(&c.as_str())) {
                return plan();
            }
        }
        // "zu Gesprächen eingeladen", "invited for talks": what one is invited to is still to come.
        if noun && self.invited_to(tokens, clause, trigger.at) {
            return plan();
        }
        // "Scholz announced a visit to Kyiv", "versprach Waffenlieferungen": an event noun a
        // verb of announcing takes as its object is still to come.
        if noun && !governed && !setting && !undisclosed && verb_of(&self.rules.cues.announce_lemmas) {
            return Factuality::Planned;
        }
        // "hat bei einem Besuch in Bagdad den Abzug angekündigt": what is announced at a scene is
        // not the scene.
        for (cues, value) in &lists[2..] {
            let scene_or_undisclosed = (setting || undisclosed) && *value == Factuality::Planned;
            if !scene_or_undisclosed && cues.iter().any(|c| phrase_in(window, c)) {
                return if *value == Factuality::Planned { plan() } else { *value };
            }
        }
        if !governed && self.rules.cues.hearsay.iter().any(|c| phrase_in(window, c)) {
            return Factuality::Reported;
        }
        // "sollte … weitertransportiert werden": a participle with a passive infinitive after it is
        // planned by another auxiliary ("dass sie geliefert werden" alone is not).
        let aux_after = (trigger.at + 1..to).find(|&k| listed(&self.rules.cues.future_aux, lower[k]));
        let passive_infinitive = trigger.participle
            && aux_after.is_some_and(|a| (from..to).any(|k| k != a && listed(&self.rules.cues.future_aux, lower[k])));
        if !governed
            && (!trigger.participle || passive_infinitive)
            && self.rules.cues.future_aux.iter().any(|a| window.contains(&a.as_str()))
        {
            return plan();
        }
        // "bis zum G-20-Gipfel", "until the summit": a deadline is still ahead.
        if noun && lower[trigger.at.saturating_sub(3)..trigger.at].iter().any(|w| listed(&self.rules.cues.deadline, w))
        {
            return plan();
        }
        if self.rules.cues.preparation.iter().any(|p| {
            lower[trigger.at.saturating_sub(4)..trigger.at].iter().any(|w| w == p || w.starts_with(p.as_str()))
        }) {
            return plan();
        }
        if !governed && !setting && !undisclosed && negated() {
            return Factuality::Denied;
        }
        let reported_speech = !governed && self.rules.cues.reported_speech.iter().any(|c| window.contains(&c.as_str()));
        // "Bei einem Treffen der NATO-Außenminister sagte Rice, …": the scene of a report, in the
        // reporting verb's own clause, is told by the article, not by the speaker.
        let scene_of_report =
            setting && attribution.verb_at.is_some_and(|v| clause.first <= v && (v < clause.last || fronted));
        if scene_of_report && !reported_speech {
            return Factuality::Asserted;
        }
        if attribution.speaker.is_some() || attribution.sourced || reported_speech {
            return Factuality::Reported;
        }
        Factuality::Asserted
    }

    /// "bei einem Treffen", "during a visit": an event noun governed by a preposition of place
    /// is the scene of what its clause tells.
    pub(super) fn sets_the_scene(&self, tokens: &[Token], at: usize) -> bool {
        self.governing_hint(tokens, at) == Some(RoleHint::Location)
    }

    /// "on the sidelines of the summit", "ahead of the talks": the word before the preposition that
    /// governs an event noun places a scene at the event's edge.
    pub(super) fn at_the_edge_of(&self, tokens: &[Token], at: usize) -> bool {
        self.governed_noun(tokens, at)
            && (at.saturating_sub(4)..at)
                .rev()
                .find(|&k| self.rules.prepositions.contains_key(tokens[k].lower()))
                .is_some_and(|k| k > 0 && self.rules.edge_words.contains(tokens[k - 1].lower()))
    }

    /// "for talks", "zu Gesprächen": an event noun governed by a preposition of purpose.
    pub(super) fn for_purpose(&self, tokens: &[Token], at: usize) -> bool {
        self.governed_noun(tokens, at)
            && tokens[at.saturating_sub(4)..at]
                .iter()
                .rev()
                .find(|t| self.rules.prepositions.contains_key(t.lower()))
                .is_some_and(|t| self.rules.purpose_prepositions.contains(t.lower()))
    }

    /// What the preposition before a noun (within four words) says, if one governs it.
    pub(super) fn governing_hint(&self, tokens: &[Token], at: usize) -> Option<RoleHint> {
        if !self.governed_noun(tokens, at) {
            return None;
        }
        tokens[at.saturating_sub(4)..at]
            .iter()
            .rev()
            .find_map(|t| self.rules.prepositions.get(t.lower()).and_then(|h| h.first().copied()))
    }

    pub(super) fn governed_noun(&self, tokens: &[Token], at: usize) -> bool {
        let mut k = at;
        for _ in 0..4 {
            if k == 0 {
                return false;
            }
            k -= 1;
            let lower = tokens[k].lower();
            if self.rules.prepositions.get(lower).is_some_and(|h| !h.is_empty()) {
                return !self
                    .rules
                    .cues
                    .preparation
                    .iter()
                    .any(|p| k > 0 && tokens[k - 1].lower().starts_with(p.as_str()));
            }
            if tokens[k].kind == TokenKind::Punct {
                return false;
            }
            // The noun phrase starts at its determiner: only a preposition right before it governs
            // ("in Kunduz einen Besuch": "in" governs Kunduz, not the visit).
            if self.rules.determiners.contains(lower) {
                return k > 0 && self.rules.prepositions.contains_key(tokens[k - 1].lower());
            }
            // Another noun or name in between ends the phrase.
            if tokens[k].is_capitalized() && k + 1 < at {
                return false;
            }
        }
        false
    }

    /// The words cues are read from, in lower case: a name ("Theresa May") or a month written
    /// as one inside a sentence ("on 3 May") is no cue, and stands as an empty word.
    fn cue_words<'t>(&self, tokens: &'t [Token], mentions: &[Mention]) -> Vec<&'t str> {
        tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let named = t.is_capitalized() && mentions.iter().any(|m| m.first <= i && i < m.last);
                let month = i > 0 && t.is_capitalized() && self.rules.is_month(&t.text);
                if named || month { "" } else { t.lower() }
            })
            .collect()
    }

    /// A verb of calling off or refusing ("cancelled", "sagte … ab") whose subject or object,
    /// in the sentence's tree, is the event noun at `at`. The tree is read only when such a verb
    /// stands in the sentence.
    fn called_off_in_tree(&self, tokens: &[Token], lower: &[&str], at: usize) -> Option<Factuality> {
        let lists = self.rules.cue_lists();
        let verbs: Vec<(usize, Factuality)> = lists[..2]
            .iter()
            .flat_map(|(cues, value)| {
                cues.iter().filter_map(move |c| {
                    let head = c.split(' ').next()?;
                    Some((head, *value))
                })
            })
            .flat_map(|(head, value)| {
                lower.iter().enumerate().filter(move |(k, w)| **w == head && *k != at).map(move |(k, _)| (k, value))
            })
            .collect();
        if verbs.is_empty() {
            return None;
        }
        let words = self.parsed(tokens)?;
        let tree = crate::syntax::tree::Tree::new(&words);
        verbs
            .into_iter()
            .find(|&(v, _)| tree.subjects(v).contains(&at) || tree.objects(v).contains(&at))
            .map(|(_, f)| f)
    }
}

impl Reader<'_> {
    /// An event noun behind a preposition of aim ("zu", "to", "for") in a clause that invites.
    fn invited_to(&self, tokens: &[Token], clause: &Clause, at: usize) -> bool {
        const REACH: usize = 3;
        // Not one that also sets a scene ("nach den Gesprächen": after them).
        let aimed = tokens[at.saturating_sub(REACH).max(clause.first)..at].iter().any(|t| {
            !self.rules.setting_prepositions.contains(t.lower())
                && self
                    .rules
                    .prepositions
                    .get(t.lower())
                    .is_some_and(|h| matches!(h.first(), Some(RoleHint::Destination | RoleHint::Topic)))
        });
        aimed
            && self.frame_words(tokens, clause.first..clause.last, &[Frame::Invite, Frame::InviteNoun]).any(|k| k != at)
    }
}
