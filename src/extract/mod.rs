//! Events and claims: finds triggers, fills their roles from the mentions around them, reads
//! modality and attribution, and links denials to what they deny.

mod attribution;
mod claims;
mod clauses;
mod factuality;
mod goods;
mod legs;
mod meetings;
mod merge;
mod parties;
mod phrases;
mod places;
mod roles;
mod time;
mod triggers;

use crate::lang::{Frame, RoleHint, Rules};
use crate::mentions::{Mention, Resolver};
use crate::model::{EntityId, EventKind, Extraction, Factuality, Role, Span};
use crate::text::Sentence;
use crate::time::PartialDate;
use clauses::clause_of;

/// Per-article state while reading sentence by sentence.
struct Reader<'a> {
    rules: &'a Rules,
    /// The grammar, to read which noun a phrase belongs to.
    grammar: Option<&'static crate::syntax::Model>,
    reference: Option<PartialDate>,
    out: Extraction,
    /// The most recent event of each sentence, for "dabei" and for denials.
    last_sentence_events: Vec<usize>,
    /// Durations found per event.
    durations: Vec<(usize, u32)>,
    /// The source of the last sentence, which reported speech in the next one continues.
    previous_speaker: Option<EntityId>,
}

/// Reads every sentence of an article.
pub fn extract(
    sentences: &[Sentence],
    resolver: &mut Resolver<'_>,
    rules: &Rules,
    grammar: Option<&'static crate::syntax::Model>,
    reference: Option<PartialDate>,
) -> Extraction {
    let mut reader = Reader {
        rules,
        grammar,
        reference,
        out: Extraction::default(),
        last_sentence_events: Vec::new(),
        durations: Vec::new(),
        previous_speaker: None,
    };
    for sentence in sentences {
        let mentions = resolver.sentence(sentence);
        reader.sentence(sentence, &mentions, resolver);
    }
    reader.finish(std::mem::take(&mut resolver.table).into_vec())
}

impl<'a> Reader<'a> {
    fn sentence(&mut self, sentence: &Sentence, mentions: &[Mention], resolver: &mut Resolver<'_>) {
        let tokens = &sentence.tokens;
        let clauses = self.clauses(tokens, mentions);
        let times = self.time_expressions(tokens);
        let triggers = self.triggers(tokens, &clauses);
        let mut attribution = self.attribution(tokens, mentions, &clauses);
        if attribution.speaker.is_none()
            && attribution.sourced
            && let Some((first, last, state)) = self.unnamed_source(tokens, mentions)
        {
            // "Berichten verschiedener US-Medien zufolge": the media speak as a group.
            let country = state.map(|s| resolver.iso_of(&s)).filter(|iso| !iso.is_empty());
            attribution.speaker = Some(resolver.source_group(sentence, first, last, country));
            attribution.speaker_mentions.push(first);
        }
        self.continue_reported_speech(tokens, &mut attribution);
        let sentence_span = Span { start: sentence.start(), end: sentence.end(), sentence: sentence.index };
        let mut created = Vec::new();
        for trigger in &triggers {
            let clause = clause_of(&clauses, trigger.at);
            let Some(mut event) = self.event(trigger, tokens, mentions, &clauses, clause, &attribution) else {
                continue;
            };
            // "Members of the G7 Summit", "the results of the talks": a meeting named only as a
            // reference behind "of" is no report of one, unless it names its parties.
            if trigger.group.frame == Frame::MeetNoun
                && self.governing_hint(tokens, trigger.at) == Some(RoleHint::Of)
                && event.fillers(Role::Participant).count() < 2
            {
                continue;
            }
            // "G7 meetings usually center on politics": a habit, not an event.
            let c = &clauses[clause];
            if tokens[c.first..c.last].iter().any(|t| self.rules.cues.generic.contains(t.lower())) {
                continue;
            }
            event.factuality = self.factuality(trigger, tokens, mentions, &clauses[clause], &attribution);
            if matches!(event.factuality, Factuality::Asserted | Factuality::Reported)
                && let Some(inherited) = self.infinitive_modality(tokens, &clauses, clause)
            {
                event.factuality = inherited;
            }
            // "die Gesprächsrunde, die in Delhi stattfinden wird": the future of where it takes place.
            if event.factuality.is_realis() && self.occurs_later(tokens, &clauses, clause) {
                event.factuality = Factuality::Planned;
            }
            // "invited X to visit Tehran": a visit one is invited to is still to come.
            if event.kind == EventKind::Visit
                && event.factuality.is_realis()
                && self.invited_subject(tokens, mentions, &clauses, clause, trigger.at).is_some()
            {
                event.factuality = Factuality::Planned;
            }
            event.time = self.event_time(&times, &clauses, clause, &triggers, &attribution);
            // A date after publication can only be a plan ("nächste Woche", "on 15 October").
            if let (Some(t), Some(r)) = (&event.time, self.reference)
                && t.bounds().0 > r.last_day()
                && matches!(event.factuality, Factuality::Asserted | Factuality::Reported)
            {
                event.factuality = Factuality::Planned;
            }
            event.evidence.push(sentence_span);
            event.trigger =
                Span { start: tokens[trigger.at].start, end: tokens[trigger.at].end, sentence: sentence.index };
            let index = self.out.events.len();
            if let Some(days) = self.duration_before(tokens, trigger.at) {
                self.durations.push((index, days));
            }
            self.out.events.push(event);
            created.push((index, trigger.at));
        }
        self.shipment_legs(tokens, mentions, &mut created, sentence_span);
        self.unknown_places(sentence, mentions, &clauses, &mut created, resolver);
        self.continued_places(tokens, mentions, &clauses, &triggers, &created);
        self.merge_verb_and_noun_meetings(tokens, &clauses, &triggers, &mut created);
        self.meetings_during_visits(&mut created);
        self.meetings_on_arrival(&created);
        self.meeting_anaphora(tokens, &mut created);
        self.inherit_time_from_previous(tokens, &created);
        self.anchor_following_times(tokens, &times, &created);
        self.affirmations(tokens, mentions, &clauses, &attribution, &created, sentence_span);
        // "In einem Gespräch mit X wies Y die Vorwürfe zurück": a meeting that sets the scene is
        // not what is denied at it.
        let deniable: Vec<(usize, usize)> = created
            .iter()
            .copied()
            .filter(|&(e, at)| {
                self.out.events[e].kind != EventKind::Meeting
                    || !self.sets_the_scene(tokens, at)
                    || !self.rules.groups_of(tokens[at].lower()).any(|g| g.frame == Frame::MeetNoun)
            })
            .collect();
        self.denials(&clauses, &attribution, &deniable, sentence_span, resolver);
        self.non_occurrence(tokens, &clauses, &attribution, sentence_span);
        if created.is_empty() {
            self.attendance(tokens, mentions, &attribution, sentence_span);
            self.companions(tokens, mentions, sentence_span);
        }
        if !created.is_empty() {
            self.last_sentence_events = created.iter().map(|(i, _)| *i).collect();
        }
        self.near_places(tokens, mentions, resolver);
    }

    fn finish(mut self, entities: Vec<crate::model::Entity>) -> Extraction {
        self.out.entities = entities;
        for (event, days) in std::mem::take(&mut self.durations) {
            let e = &mut self.out.events[event];
            e.time = e.time.take().map(|t| t.lasting(days));
        }
        self.meetings_without_parties();
        self.merge_events();
        self.invitations();
        self.apply_claims();
        self.inherit_leg_factuality();
        self.out
    }
}
