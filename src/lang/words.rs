//! Word lists of a language's rules: cues of modality and attribution, and time words.

use super::{PhraseIndex, Rules};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// Modality and attribution cues, each a list of lower-case phrases; "a … b" means a, later b.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cues {
    /// Future auxiliaries that make an infinitive planned ("wird", "will", "soll").
    pub future_aux: Vec<String>,
    /// Words that make an event planned by themselves ("geplant", "plans to").
    pub planned: Vec<String>,
    /// Words that make an event hypothetical ("könnte", "might").
    pub hypothetical: Vec<String>,
    /// Adjectives that make the noun after them planned ("geplanten", "upcoming").
    #[serde(default)]
    pub planned_adjectives: Vec<String>,
    /// Adjectives that make the noun after them possible ("möglichen", "potential").
    #[serde(default)]
    pub hypothetical_adjectives: Vec<String>,
    /// Cancellation ("abgesagt", "cancelled").
    pub cancelled: Vec<String>,
    /// Refusal ("lehnte … ab", "refused").
    pub refused: Vec<String>,
    /// Negation ("nicht", "did not").
    pub negation: Vec<String>,
    /// Reporting verbs whose subject is the speaker ("berichtete", "said").
    pub report_verbs: Vec<String>,
    /// Lemmas of reporting verbs: any form of them reports ("sagen", "mitteilen", "say").
    #[serde(default)]
    pub report_lemmas: Vec<String>,
    /// Lemmas of verbs that make known ("ankündigen", "announce", "confirm"): negated, they
    /// leave the event an event noun names as it was ("the visit was not announced").
    #[serde(default)]
    pub disclosure_lemmas: Vec<String>,
    /// Lemmas of verbs that announce or promise ("ankündigen", "promise"): an event noun they
    /// take as object is still to come.
    #[serde(default)]
    pub announce_lemmas: Vec<String>,
    /// Lemmas of verbs that end something ("beenden", "conclude"): an event of some days they
    /// date ends on that date.
    #[serde(default)]
    pub ending_lemmas: Vec<String>,
    /// Lemmas of accusing verbs: any form of them accuses ("beschuldigen", "accuse").
    #[serde(default)]
    pub accuse_lemmas: Vec<String>,
    /// Attribution words after the speaker ("zufolge").
    pub report_after_speaker: Vec<String>,
    /// Attribution words before the speaker ("laut", "according to").
    pub report_before_speaker: Vec<String>,
    /// Denials ("wies … zurück", "denied").
    pub deny: Vec<String>,
    /// Accusations, claims with an accused party ("warf … vor", "accused").
    #[serde(default)]
    pub accuse: Vec<String>,
    /// Claiming an act as one's own ("bekannte sich zu", "claimed responsibility"): the subject
    /// affirms it did it.
    #[serde(default)]
    pub responsibility: Vec<String>,
    /// Nouns of an act one of which must follow a claim of responsibility within a few words,
    /// where its phrase also professes a belief ("bekannte sich zum Anschlag", not "zur Nato"); a
    /// closed compound counts by its last part. Empty: none needed.
    #[serde(default)]
    pub responsibility_acts: Vec<String>,
    /// Reported-speech verb forms (German Konjunktiv I: "habe", "sei").
    #[serde(default)]
    pub reported_speech: Vec<String>,
    /// What passes on what others say: a modal with a perfect infinitive ("soll … geliefert haben"),
    /// a hedging adverb or adjective ("reportedly", "angeblich").
    #[serde(default)]
    pub hearsay: Vec<String>,
    /// Words of habit that make a clause no event ("usually", "üblicherweise").
    #[serde(default)]
    pub generic: BTreeSet<String>,
    /// Passive auxiliaries ("wurde", "worden", "was").
    pub passive_aux: Vec<String>,
    /// Nouns of an event's preparation ("Vorbereitung"): a following event is planned.
    #[serde(default)]
    pub preparation: Vec<String>,
    /// Words that make the event noun after them a deadline still ahead ("bis zum Gipfel").
    #[serde(default)]
    pub deadline: Vec<String>,
}

impl Cues {
    /// The lists of cue phrases, matched as runs of words (not the lemma lists, nor the
    /// adjectives and words of habit matched one word at a time).
    pub fn phrase_lists(&self) -> [&[String]; 17] {
        [
            &self.future_aux,
            &self.planned,
            &self.hypothetical,
            &self.cancelled,
            &self.refused,
            &self.negation,
            &self.report_verbs,
            &self.report_after_speaker,
            &self.report_before_speaker,
            &self.deny,
            &self.accuse,
            &self.responsibility,
            &self.reported_speech,
            &self.hearsay,
            &self.passive_aux,
            &self.preparation,
            &self.deadline,
        ]
    }
}

/// Relative time words.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeWords {
    /// "gestern", "yesterday".
    pub yesterday: Vec<String>,
    /// "heute", "today".
    pub today: Vec<String>,
    /// "vergangenen Monat", "last month".
    pub last_month: Vec<String>,
    /// "nächsten Monat", "next month".
    pub next_month: Vec<String>,
    /// "vergangene Woche", "last week".
    pub last_week: Vec<String>,
    /// "nächste Woche", "next week".
    pub next_week: Vec<String>,
    /// "einen Monat nach", "a month after": the event after it lies a month before the anchor.
    pub month_before_anchor: Vec<String>,
    /// Lemmas of the auxiliaries that form a perfect with a participle ("haben", "sein"; "have"):
    /// such a clause tells the past.
    #[serde(default)]
    pub perfect_auxiliaries: Vec<String>,
    /// Range openers ("zwischen", "between", "vom", "from").
    pub range_open: Vec<String>,
    /// Range joiners ("und", "and", "bis", "to", "until").
    pub range_join: Vec<String>,
    /// Words that introduce a year ("im Jahr", "zuletzt").
    pub year_markers: Vec<String>,
    /// "Anfang der Woche", "earlier this week": the reference's week up to the reference.
    #[serde(default)]
    pub earlier_this_week: Vec<String>,
    /// Seasons by the month they start in ("Sommer" 6, "summer" 6): three months each.
    #[serde(default)]
    pub seasons: BTreeMap<String, u32>,
    /// Words that make the date after them the start of a stretch that lasts until the
    /// reference ("seit Januar", "since January").
    #[serde(default)]
    pub since: Vec<String>,
    /// Adverbs that place a sentence inside the previous sentence's event ("dabei", "there").
    pub during_previous: Vec<String>,
    /// "morgen", "tomorrow".
    #[serde(default)]
    pub tomorrow: Vec<String>,
    /// "am Wochenende", "this weekend": the weekend of the reference's week.
    #[serde(default)]
    pub this_weekend: Vec<String>,
    /// "am vergangenen Wochenende", "last weekend".
    #[serde(default)]
    pub last_weekend: Vec<String>,
    /// "am kommenden Wochenende", "next weekend".
    #[serde(default)]
    pub next_weekend: Vec<String>,
    /// "Anfang des Monats", "earlier this month": the reference's month up to the reference.
    #[serde(default)]
    pub earlier_this_month: Vec<String>,
    /// "Ende des Monats", "later this month": the reference's month from the reference on.
    #[serde(default)]
    pub later_this_month: Vec<String>,
    /// "im vergangenen Jahr", "last year".
    #[serde(default)]
    pub last_year: Vec<String>,
    /// "in diesem Jahr", "this year".
    #[serde(default)]
    pub this_year: Vec<String>,
    /// "im kommenden Jahr", "next year".
    #[serde(default)]
    pub next_year: Vec<String>,
    /// Words before a month name that name a third of it: 1 its beginning, 2 its middle, 3 its
    /// end ("Anfang", "Mitte", "Ende"; "early", "mid", "late").
    #[serde(default)]
    pub month_parts: BTreeMap<String, u32>,
    /// Phrases that date an event by the story's last date, moved by so many days ("am selben
    /// Tag" 0, "am nächsten Tag" 1, "that day" 0, "the day before" -1).
    #[serde(default)]
    pub story_day_offsets: BTreeMap<String, i32>,
    /// Count words before a unit ("einen", "zwei"; "a", "two").
    #[serde(default)]
    pub counts: BTreeMap<String, u32>,
    /// Units of time in days ("Tage" 1, "Wochen" 7; "days" 1, "weeks" 7).
    #[serde(default)]
    pub day_units: BTreeMap<String, u32>,
    /// Words that make "<count> <unit>" right after them how long the clause's event lasts
    /// ("for three days", "dauerte drei Tage").
    #[serde(default)]
    pub lasting_before: Vec<String>,
    /// Words that make "<count> <unit>" right before them how long the event lasts ("drei Tage
    /// lang").
    #[serde(default)]
    pub lasting_after: Vec<String>,
    /// Words after "<count> <unit>" that put the event named next that long before the
    /// reference ("zwei Wochen nach dem Gipfel", "a week after the summit").
    #[serde(default)]
    pub after_words: Vec<String>,
    /// The reference's calendar week ("this week", "diese Woche").
    #[serde(default)]
    pub this_week: Vec<String>,
    /// Words before "<count> <unit>" that put the event that long before the reference ("vor
    /// zwei Wochen").
    #[serde(default)]
    pub ago_before: Vec<String>,
    /// Words after "<count> <unit>" that put the event that long before the reference ("two
    /// weeks ago").
    #[serde(default)]
    pub ago_after: Vec<String>,
    /// Words before "<count> <unit>" that put the event that long after the reference ("in zwei
    /// Wochen", "in two weeks").
    #[serde(default)]
    pub ahead_before: Vec<String>,
    /// Phrases that date an event by the reference, moved by so many days ("übermorgen" 2,
    /// "vorgestern" -2; "the day after tomorrow" 2).
    #[serde(default)]
    pub reference_day_offsets: BTreeMap<String, i32>,
    /// Parts of a day that make one word with a weekday before them ("Dienstagabend").
    #[serde(default)]
    pub weekday_parts: Vec<String>,
}

impl TimeWords {
    /// Where `this_weekend` stands in [`TimeWords::relative`].
    pub const THIS_WEEKEND: usize = 9;

    /// The lists of relative time phrases, in the order `extract::dates` resolves them.
    pub fn relative(&self) -> [&[String]; 17] {
        [
            &self.this_week,
            &self.earlier_this_week,
            &self.yesterday,
            &self.today,
            &self.tomorrow,
            &self.last_month,
            &self.next_month,
            &self.last_week,
            &self.next_week,
            &self.this_weekend,
            &self.last_weekend,
            &self.next_weekend,
            &self.earlier_this_month,
            &self.later_this_month,
            &self.last_year,
            &self.this_year,
            &self.next_year,
        ]
    }

    /// A day named by one word relative to the reference ("gestern", "today", "tomorrow").
    pub fn is_relative_day(&self, word: &str) -> bool {
        [&self.yesterday, &self.today, &self.tomorrow].iter().any(|list| list.iter().any(|w| w == word))
    }
}

/// What a phrase of the time index stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimePhrase {
    /// A relative time phrase of the list at this place of [`TimeWords::relative`].
    Relative(usize),
    /// A phrase that dates by the story's last date, moved by so many days.
    StoryDay(i32),
    /// A phrase that dates by the reference, moved by so many days.
    ReferenceDay(i32),
    /// "einen Monat nach", "a month after": the event after it lies a month before the anchor.
    MonthBefore,
    /// A cue of the future: a future auxiliary or a word of plans.
    Future,
}

/// The phrases every sentence is searched for its time expressions: relative time phrases list by
/// list, story-day phrases, month-before phrases, then cues of the future.
pub(super) fn time_index(time: &TimeWords, cues: &Cues) -> PhraseIndex<TimePhrase> {
    let relative = time
        .relative()
        .into_iter()
        .enumerate()
        .flat_map(|(n, list)| list.iter().map(move |p| (p.as_str(), TimePhrase::Relative(n))));
    let story = time.story_day_offsets.iter().map(|(p, &days)| (p.as_str(), TimePhrase::StoryDay(days)));
    let month = time.month_before_anchor.iter().map(|p| (p.as_str(), TimePhrase::MonthBefore));
    let days = time.reference_day_offsets.iter().map(|(p, &d)| (p.as_str(), TimePhrase::ReferenceDay(d)));
    let future = cues.future_aux.iter().chain(&cues.planned).map(|p| (p.as_str(), TimePhrase::Future));
    PhraseIndex::new(relative.chain(story).chain(days).chain(month).chain(future))
}

/// What a word is to the time rules, each with its number: a month, a weekday, a count, a unit of
/// days, a season.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimeWord {
    pub month: Option<u32>,
    pub weekday: Option<u32>,
    pub count: Option<u32>,
    pub day_unit: Option<u32>,
    pub season: Option<u32>,
}

impl TimeWord {
    /// The word names a time (a month, weekday, unit of days or season), not a mere count.
    pub fn names_time(&self) -> bool {
        self.month.is_some() || self.weekday.is_some() || self.day_unit.is_some() || self.season.is_some()
    }
}

/// The table of [`Rules::time_word`]: every word of the months, weekdays, counts, units of days and
/// seasons.
pub(super) fn time_word_table(rules: &Rules) -> FxHashMap<String, TimeWord> {
    let mut table: FxHashMap<String, TimeWord> = FxHashMap::default();
    let time = &rules.time;
    type Fill = fn(&mut TimeWord, u32);
    let maps: [(std::collections::btree_map::Iter<'_, String, u32>, Fill); 5] = [
        (rules.months.iter(), |t, n| t.month = Some(n)),
        (rules.weekdays.iter(), |t, n| t.weekday = Some(n)),
        (time.counts.iter(), |t, n| t.count = Some(n)),
        (time.day_units.iter(), |t, n| t.day_unit = Some(n)),
        (time.seasons.iter(), |t, n| t.season = Some(n)),
    ];
    for (map, set) in maps {
        for (word, &n) in map {
            set(table.entry(word.clone()).or_default(), n);
        }
    }
    table
}

impl Rules {
    /// What a word (lower case) is to the time rules: one lookup for all of them.
    pub fn time_word(&self, word: &str) -> TimeWord {
        if !self.time_sieve.may_hold(word) {
            return TimeWord::default();
        }
        self.time_words.get(word).copied().unwrap_or_default()
    }
}

/// Every cue phrase of [`Cues::phrase_lists`], in list order.
pub(super) fn cue_index(cues: &Cues) -> PhraseIndex<()> {
    PhraseIndex::new(cues.phrase_lists().into_iter().flatten().map(|p| (p.as_str(), ())))
}

#[cfg(test)]
mod tests {
    use super::{TimePhrase, TimeWord};
    use crate::article::Lang;
    use crate::lang::rules;

    #[test]
    fn a_time_word_says_what_each_list_says_of_it() {
        for lang in Lang::ALL {
            let rules = rules(lang);
            let t = &rules.time;
            let words = rules.months.keys().chain(rules.weekdays.keys()).chain(t.counts.keys());
            for w in words.chain(t.day_units.keys()).chain(t.seasons.keys()).map(String::as_str).chain(["xyz", ""]) {
                let expected = TimeWord {
                    month: rules.months.get(w).copied(),
                    weekday: rules.weekdays.get(w).copied(),
                    count: t.counts.get(w).copied(),
                    day_unit: t.day_units.get(w).copied(),
                    season: t.seasons.get(w).copied(),
                };
                assert_eq!(rules.time_word(w), expected, "{lang:?}: {w:?}");
            }
        }
    }

    #[test]
    fn the_weekend_s_place_among_the_relative_phrases_is_known() {
        for lang in Lang::ALL {
            let t = &rules(lang).time;
            assert!(std::ptr::eq(t.relative()[super::TimeWords::THIS_WEEKEND], t.this_weekend.as_slice()), "{lang:?}");
        }
    }

    #[test]
    fn every_time_phrase_is_found_in_its_own_words_with_its_tag() {
        for lang in Lang::ALL {
            let rules = rules(lang);
            let tagged = rules
                .time
                .relative()
                .into_iter()
                .enumerate()
                .flat_map(|(n, list)| list.iter().map(move |p| (p.as_str(), TimePhrase::Relative(n))));
            let story = rules.time.story_day_offsets.iter().map(|(p, &d)| (p.as_str(), TimePhrase::StoryDay(d)));
            let days = rules.time.reference_day_offsets.iter().map(|(p, &d)| (p.as_str(), TimePhrase::ReferenceDay(d)));
            for (phrase, tag) in tagged.chain(story).chain(days) {
                let words: Vec<&str> = phrase.split(' ').collect();
                assert!(
                    rules.time_index.find(&words).iter().any(|h| h.at == 0 && h.text == phrase && *h.tag == tag),
                    "{lang:?}: {phrase:?} is found as {tag:?}"
                );
            }
        }
    }
}
