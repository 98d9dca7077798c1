//! Events and claims from one article's sentences: finds triggers, fills their roles from the
//! mentions around them, reads modality and attribution, links denials to what they deny, and
//! merges mentions of one happening. `extract` reads each sentence (`Reader::read`), runs the
//! passes of `SENTENCE_PASSES` over it in order, and ends the article with `ARTICLE_PASSES`.
//! One file per concern; the roles of each event class live in `roles/`.

mod attribution;
mod claims;
mod clauses;
mod dates;
mod factuality;
mod frames;
mod goods;
mod grammar;
mod legs;
mod meetings;
mod merge;
mod parties;
mod phrases;
mod places;
mod reported;
mod roles;
mod story;
mod time;
mod triggers;

use crate::analysis::SentenceAnalysis;
use crate::lang::{Frame, RoleHint, Rules};
use crate::mentions::{Mention, Resolver};
use crate::model::{EntityId, EventKind, Extraction, Factuality, Role, Span};
use crate::text::Sentence;
use crate::text::Token;
use crate::time::PartialDate;
use attribution::Attribution;
use clauses::{Clause, clause_of};
use time::TimeExpr;
use triggers::Trigger;

/// A pass over one sentence.
#[derive(Clone, Copy, Debug)]
enum SentencePass {
    /// The events its triggers tell (`roles::event`), with factuality, time and evidence.
    Events,
    /// The legs of a shipment ("über X nach Y").
    ShipmentLegs,
    /// Places the gazetteer lacks, for visits and meetings that need one.
    UnknownPlaces,
    /// A place that goes on from one event to the next.
    ContinuedPlaces,
    /// A meeting told by a verb and a noun in one sentence is one meeting.
    MergeVerbAndNounMeetings,
    MeetingsDuringVisits,
    MeetingsOnArrival,
    /// A meeting during a visit (told by a noun) of one of its parties: each takes the other's place.
    PlacesOfVisitAndMeeting,
    /// "the meeting", "dabei": a meeting of the last sentence's events.
    MeetingAnaphora,
    InheritTimeFromPrevious,
    /// "einen Monat nach …": a time that belongs to the event named after it.
    AnchorFollowingTimes,
    /// Undated events told in the past take the story's date; the sentence's own date moves it.
    StoryTime,
    Affirmations,
    Denials,
    /// "die Lieferungen hätten nie stattgefunden".
    NonOccurrence,
    /// Only in a sentence that told no event.
    Attendance,
    /// Only in a sentence that told no event.
    Companions,
    /// The sentence's events become the last sentence's events.
    RememberEvents,
    NearPlaces,
}

/// The pass order over a sentence: each pass reads what the ones before it made.
const SENTENCE_PASSES: [SentencePass; 19] = [
    SentencePass::Events,
    SentencePass::ShipmentLegs,
    SentencePass::UnknownPlaces,
    SentencePass::ContinuedPlaces,
    SentencePass::MergeVerbAndNounMeetings,
    SentencePass::MeetingsDuringVisits,
    SentencePass::MeetingsOnArrival,
    SentencePass::PlacesOfVisitAndMeeting,
    SentencePass::MeetingAnaphora,
    SentencePass::InheritTimeFromPrevious,
    SentencePass::AnchorFollowingTimes,
    SentencePass::StoryTime,
    SentencePass::Affirmations,
    SentencePass::Denials,
    SentencePass::NonOccurrence,
    SentencePass::Attendance,
    SentencePass::Companions,
    SentencePass::RememberEvents,
    SentencePass::NearPlaces,
];

/// A pass over the whole article, after its last sentence.
#[derive(Clone, Copy, Debug)]
enum ArticlePass {
    /// "dreitägige Reise": a duration extends its event's time.
    Durations,
    MeetingsWithoutParties,
    MergeEvents,
    /// Invitations linked to the visits they invite to.
    Invitations,
    /// Affirmed and denied events become disputed, denied or reported.
    ApplyClaims,
    InheritLegFactuality,
}

/// The pass order over an article.
const ARTICLE_PASSES: [ArticlePass; 6] = [
    ArticlePass::Durations,
    ArticlePass::MeetingsWithoutParties,
    ArticlePass::MergeEvents,
    ArticlePass::Invitations,
    ArticlePass::ApplyClaims,
    ArticlePass::InheritLegFactuality,
];

/// What the passes over one sentence share.
struct SentenceState<'s, 'r> {
    sentence: &'s Sentence,
    tokens: &'s [Token],
    mentions: &'s [Mention],
    clauses: Vec<Clause>,
    times: Vec<TimeExpr>,
    triggers: Vec<Trigger<'r>>,
    attribution: Attribution,
    /// The sentence as evidence.
    span: Span,
    /// The events the sentence made so far, with their trigger's position.
    created: Vec<(usize, usize)>,
}

/// How long an event lasted, from its date: on ("began a three-day visit on Monday") or up to
/// it ("wrapped up a three-day visit on Monday").
struct Lasting {
    event: usize,
    days: u32,
    ends: bool,
}

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
    durations: Vec<Lasting>,
    /// The source of the last sentence, which reported speech in the next one continues.
    previous_speaker: Option<EntityId>,
    /// The date the article's lead gives its story.
    lead: Option<crate::time::TimeValue>,
    /// The story's last date: the lead's, or the last one a sentence of this paragraph gave.
    story: Option<crate::time::TimeValue>,
    /// Still in the article's first paragraph.
    in_lead: bool,
    /// The tags and tree of the sentence being read, shared with the mentions.
    analysis: SentenceAnalysis,
}

/// Reads every sentence of an article.
pub fn extract(
    sentences: &[Sentence],
    resolver: &mut Resolver<'_>,
    rules: &Rules,
    grammar: Option<&'static crate::syntax::Model>,
    reference: Option<PartialDate>,
) -> Extraction {
    let mut reader = Reader::new(rules, grammar, reference);
    for sentence in sentences {
        let analysis = SentenceAnalysis::new(grammar, sentence);
        let mentions = {
            let _mentions = crate::stages::enter(crate::stages::Stage::Mentions);
            resolver.sentence(sentence, &analysis)
        };
        reader.sentence(sentence, &mentions, analysis, resolver);
    }
    resolver.place_in_focus();
    reader.finish(std::mem::take(&mut resolver.table).into_vec())
}

impl<'a> Reader<'a> {
    fn new(rules: &'a Rules, grammar: Option<&'static crate::syntax::Model>, reference: Option<PartialDate>) -> Self {
        Reader {
            rules,
            grammar,
            reference,
            out: Extraction::default(),
            last_sentence_events: Vec::new(),
            durations: Vec::new(),
            previous_speaker: None,
            lead: None,
            story: None,
            in_lead: true,
            analysis: SentenceAnalysis::of_tokens(grammar, &[]),
        }
    }

    /// Reads one sentence: what every pass shares (`read`), then the passes in `SENTENCE_PASSES`.
    fn sentence(
        &mut self,
        sentence: &Sentence,
        mentions: &[Mention],
        analysis: SentenceAnalysis,
        resolver: &mut Resolver<'_>,
    ) {
        self.analysis = analysis;
        self.story_at(sentence);
        let mut st = self.read(sentence, mentions, resolver);
        for pass in SENTENCE_PASSES {
            self.run(pass, &mut st, resolver);
        }
    }

    /// What the passes over a sentence share, read in this order: its clauses, its time
    /// expressions, its triggers, and who speaks in it (a named source, an unnamed one, or the
    /// source of reported speech that goes on from the last sentence).
    fn read<'s>(
        &mut self,
        sentence: &'s Sentence,
        mentions: &'s [Mention],
        resolver: &mut Resolver<'_>,
    ) -> SentenceState<'s, 'a> {
        let tokens = &sentence.tokens;
        let clauses = self.clauses(tokens, mentions);
        let lower: Vec<&str> = tokens.iter().map(Token::lower).collect();
        // Whether a word of the sentence is one some trigger group lists (asked once for the rules
        // that read the grammar only where the sentence may tell an event).
        let tells = lower.iter().any(|w| self.rules.groups_of(w).next().is_some());
        let times = self.time_expressions(tokens, &lower, tells);
        let triggers = self.triggers(tokens, &clauses);
        let mut attribution = self.attribution(tokens, &lower, mentions, &clauses, tells);
        if attribution.speaker.is_none()
            && attribution.sourced
            && let Some((first, last, state)) = self.unnamed_source(tokens, &lower, mentions)
        {
            // "Berichten verschiedener US-Medien zufolge": the media speak as a group.
            let country = state.map(|s| resolver.iso_of(&s)).filter(|iso| !iso.is_empty());
            attribution.speaker = Some(resolver.source_group(sentence, first, last, country));
            attribution.speaker_mentions.push(first);
        }
        self.continue_reported_speech(tokens, &mut attribution);
        SentenceState {
            sentence,
            tokens,
            mentions,
            clauses,
            times,
            triggers,
            attribution,
            span: Span { start: sentence.start(), end: sentence.end(), sentence: sentence.index },
            created: Vec::new(),
        }
    }

    /// Runs one pass over a sentence.
    fn run(&mut self, pass: SentencePass, st: &mut SentenceState<'_, 'a>, resolver: &mut Resolver<'_>) {
        let (tokens, mentions) = (st.tokens, st.mentions);
        match pass {
            SentencePass::Events => self.events(st),
            SentencePass::ShipmentLegs => self.shipment_legs(tokens, mentions, &mut st.created, st.span),
            SentencePass::UnknownPlaces => {
                self.unknown_places(st.sentence, mentions, &st.clauses, &st.triggers, &mut st.created, resolver)
            }
            SentencePass::ContinuedPlaces => {
                self.continued_places(tokens, mentions, &st.clauses, &st.triggers, &st.created)
            }
            SentencePass::MergeVerbAndNounMeetings => {
                self.merge_verb_and_noun_meetings(tokens, mentions, &st.clauses, &st.triggers, &mut st.created)
            }
            SentencePass::MeetingsDuringVisits => self.meetings_during_visits(&mut st.created),
            SentencePass::MeetingsOnArrival => self.meetings_on_arrival(&st.created),
            SentencePass::PlacesOfVisitAndMeeting => self.places_of_visit_and_meeting(&st.created, &st.triggers),
            SentencePass::MeetingAnaphora => self.meeting_anaphora(tokens, &mut st.created),
            SentencePass::InheritTimeFromPrevious => self.inherit_time_from_previous(tokens, &st.created),
            SentencePass::AnchorFollowingTimes => self.anchor_following_times(tokens, &st.times, &st.created),
            SentencePass::StoryTime => self.continue_story(st),
            SentencePass::Affirmations => {
                self.affirmations(tokens, mentions, &st.clauses, &st.attribution, &st.created, st.span)
            }
            SentencePass::Denials => {
                // "In einem Gespräch mit X wies Y die Vorwürfe zurück": a meeting that sets the scene is
                // not what is denied at it.
                let deniable: Vec<(usize, usize)> = st
                    .created
                    .iter()
                    .copied()
                    .filter(|&(e, at)| {
                        self.out.events[e].kind != EventKind::Meeting
                            || !self.sets_the_scene(tokens, at)
                            || !self.rules.groups_of(tokens[at].lower()).any(|g| g.frame == Frame::MeetNoun)
                    })
                    .collect();
                self.denials(&st.clauses, &st.attribution, &deniable, st.span, resolver)
            }
            SentencePass::NonOccurrence => self.non_occurrence(tokens, &st.clauses, &st.attribution, st.span),
            SentencePass::Attendance if st.created.is_empty() => {
                self.attendance(tokens, mentions, &st.attribution, st.span)
            }
            SentencePass::Companions if st.created.is_empty() => self.companions(tokens, mentions, st.span),
            SentencePass::Attendance | SentencePass::Companions => {}
            SentencePass::RememberEvents => {
                if !st.created.is_empty() {
                    self.last_sentence_events = st.created.iter().map(|(i, _)| *i).collect();
                }
            }
            SentencePass::NearPlaces => self.near_places(tokens, mentions, resolver),
        }
    }

    /// The events the sentence's triggers tell, with their factuality, time and evidence.
    fn events(&mut self, st: &mut SentenceState<'_, 'a>) {
        for trigger in &st.triggers {
            let clause = clause_of(&st.clauses, trigger.at);
            let Some(mut event) = self.event(trigger, st.tokens, st.mentions, &st.clauses, clause, &st.attribution)
            else {
                continue;
            };
            // "Members of the G7 Summit", "the results of the talks": a meeting named only as a
            // reference behind "of" is no report of one, unless it names its parties or the
            // scene is at its edge ("on the sidelines of the G20 summit") or the clause says it
            // takes place ("the next round of talks will be held in Geneva").
            if trigger.group.frame == Frame::MeetNoun
                && self.governing_hint(st.tokens, trigger.at) == Some(RoleHint::Of)
                && event.fillers(Role::Participant).count() < 2
                && !self.at_the_edge_of(st.tokens, trigger.at)
                && !self.occurs(st.tokens, &st.clauses, clause)
            {
                continue;
            }
            // "G7 meetings usually center on politics": a habit, not an event.
            let c = &st.clauses[clause];
            if st.tokens[c.first..c.last].iter().any(|t| self.rules.cues.generic.contains(t.lower())) {
                continue;
            }
            event.factuality = self.factuality(trigger, st.tokens, st.mentions, &st.clauses[clause], &st.attribution);
            if matches!(event.factuality, Factuality::Asserted | Factuality::Reported)
                && let Some(inherited) = self.infinitive_modality(st.tokens, &st.clauses, clause)
            {
                event.factuality = inherited;
            }
            // "die Gesprächsrunde, die in Delhi stattfinden wird": the future of where it takes place.
            if event.factuality.is_realis() && self.occurs_later(st.tokens, &st.clauses, clause) {
                event.factuality = Factuality::Planned;
            }
            // "invited X to visit Tehran", "accepted an invitation to visit Tehran": a visit one is
            // invited to is still to come.
            if event.kind == EventKind::Visit
                && event.factuality.is_realis()
                && (self.invited_subject(st.tokens, st.mentions, &st.clauses, clause, trigger.at).is_some()
                    || self.invitation_to(st.tokens, &st.clauses[clause], trigger.at))
            {
                event.factuality = Factuality::Planned;
            }
            event.time = self.event_time(st, trigger.at, clause);
            // A date after publication can only be a plan ("nächste Woche", "on 15 October"); an
            // invitation told as made keeps its mood, and `invitations` gives the date to the visit.
            if let (Some(t), Some(r)) = (&event.time, self.reference)
                && t.bounds().0 > r.last_day()
                && event.kind != EventKind::Invitation
                && matches!(event.factuality, Factuality::Asserted | Factuality::Reported)
            {
                event.factuality = Factuality::Planned;
            }
            // "Die Minister kommen am Sonntag zusammen" on that Sunday: told in the present on
            // the day it falls on, it is still to come.
            if matches!(event.factuality, Factuality::Asserted | Factuality::Reported)
                && event.kind != EventKind::Invitation
                && self.on_the_day_in_present(st.tokens, &st.clauses[clause], event.time.as_ref())
            {
                event.factuality = Factuality::Planned;
            }
            event.evidence.push(st.span);
            event.trigger = Span {
                start: st.tokens[trigger.at].start,
                end: st.tokens[trigger.at].end,
                sentence: st.sentence.index,
            };
            let index = self.out.events.len();
            // "arrived on Monday for a two-day visit": a verb's event lasts as long as the noun
            // of its kind in its clause says, one after it or one it is for ("ist zu einem
            // zweitägigen Besuch eingetroffen").
            let noun_of_kind = || {
                st.triggers.iter().find(|t| {
                    !t.group.frame.is_verb()
                        && t.group.kind == trigger.group.kind
                        && (t.at > trigger.at || self.for_purpose(st.tokens, t.at))
                        && clause_of(&st.clauses, t.at) == clause
                })
            };
            let days = self.duration_before(st.tokens, trigger.at, &st.clauses[clause]).or_else(|| {
                trigger
                    .group
                    .frame
                    .is_verb()
                    .then(noun_of_kind)
                    .flatten()
                    .and_then(|n| self.duration_before(st.tokens, n.at, &st.clauses[clause]))
            });
            if let Some(days) = days {
                let ends = self.told_as_ending(st.tokens, &st.clauses[clause]);
                self.durations.push(Lasting { event: index, days, ends });
            }
            self.out.events.push(event);
            st.created.push((index, trigger.at));
        }
    }

    /// "ist am Dienstag zu einem zweitägigen Besuch eingetroffen": a stated length stretches the
    /// event's time, or the time of the event it was merged into; each event's once.
    fn durations(&mut self) {
        let mut stretched = Vec::new();
        for Lasting { event, days, ends } in std::mem::take(&mut self.durations) {
            let mut target = event;
            while let Some(next) = self.out.events[target].merged_into.filter(|&n| n != target) {
                target = next;
            }
            if stretched.contains(&target) {
                continue;
            }
            stretched.push(target);
            let e = &mut self.out.events[target];
            e.time = e.time.take().map(|t| if ends { t.lasting_until(days) } else { t.lasting(days) });
        }
    }

    /// Ends the article: the entities, then the passes in `ARTICLE_PASSES`.
    fn finish(mut self, entities: Vec<crate::model::Entity>) -> Extraction {
        self.out.entities = entities;
        for pass in ARTICLE_PASSES {
            match pass {
                ArticlePass::Durations => self.durations(),
                ArticlePass::MeetingsWithoutParties => self.meetings_without_parties(),
                ArticlePass::MergeEvents => self.merge_events(),
                ArticlePass::Invitations => self.invitations(),
                ArticlePass::ApplyClaims => self.apply_claims(),
                ArticlePass::InheritLegFactuality => self.inherit_leg_factuality(),
            }
        }
        self.out
    }
}
