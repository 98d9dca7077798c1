//! Time: time expressions in a sentence, calendar dates, the time and duration of each event.

use super::clauses::{Clause, clause_of};
use super::{Reader, SentenceState};
use crate::text::{Token, TokenKind};
use crate::time::{PartialDate, TimeValue};
use chrono::Weekday;

/// Resolves a relative time word against the reference date.
pub(super) type Resolve = fn(PartialDate) -> Option<TimeValue>;

/// A time expression found in a sentence.
#[derive(Clone, Debug)]
pub(super) struct TimeExpr {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) value: TimeValue,
    /// "einen Monat nach …": the value belongs to the event named after it.
    pub(super) anchors_following: bool,
}

pub(super) fn weekday(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

impl<'a> Reader<'a> {
    /// When the event of the trigger at `at` happened, from the sentence's time expressions.
    pub(super) fn event_time(&self, st: &SentenceState<'_, 'a>, at: usize, clause: usize) -> Option<TimeValue> {
        let (tokens, times, clauses) = (st.tokens, &st.times, &st.clauses);
        let (triggers, attribution) = (&st.triggers, &st.attribution);
        let c = &clauses[clause];
        let mut report_times = Vec::new();
        // The expression the tree puts under the trigger, nearest first; one that a verb above
        // the trigger's complement clause governs dates that verb ("announced on Sunday that he
        // would visit"), not the event.
        // The tree is asked only where the clause rules below could choose wrongly: several
        // expressions, one outside the trigger's clause, or a sentence that reports.
        let own: Vec<&TimeExpr> = times.iter().filter(|t| !t.anchors_following).collect();
        // "Der am Dienstag verletzte Spieler": a determiner that a lower-case word follows
        // opens an attribute the expression may stand in.
        let in_attribute = |t: &TimeExpr| {
            self.rules.extended_attributes
                && (t.first.saturating_sub(2)..t.first).any(|d| {
                    self.rules.determiners.contains(tokens[d].lower())
                        && tokens.get(d + 1).is_some_and(|n| !n.is_capitalized())
                })
        };
        let ambiguous = own.len() > 1
            || own.iter().any(|t| t.first < c.first || t.last > c.last || in_attribute(t))
            || attribution.verb_clause.is_some()
            || !attribution.report_clauses.is_empty();
        if let Some(words) = ambiguous.then(|| self.parsed(tokens)).flatten() {
            let tree = crate::syntax::tree::Tree::new(&words);
            let heads: Vec<Option<usize>> = times.iter().map(|t| tree.head_of(t.first, t.last)).collect();
            // "…, kündigte Scholz am Mittwoch an": a time in the reporting clause dates the report.
            let reports = |t: &TimeExpr| {
                let k = clause_of(clauses, t.first);
                k != clause && attribution.reports_in(k)
            };
            let nearest = times
                .iter()
                .zip(&heads)
                .filter(|(t, _)| !t.anchors_following && !reports(t))
                .filter(|(_, h)| !h.is_some_and(|h| self.inside_attribute(tokens, &words, h, at)))
                .filter_map(|(t, h)| Some((Self::steps_under(&words, (*h)?, at)?, t)))
                .min_by_key(|(steps, _)| *steps);
            if let Some((_, t)) = nearest {
                return Some(t.value.clone());
            }
            report_times = heads
                .iter()
                .map(|h| {
                    h.is_some_and(|h| {
                        Self::above_complement(&words, h, at) || self.inside_attribute(tokens, &words, h, at)
                    })
                })
                .collect();
        }
        let usable: Vec<&TimeExpr> = times
            .iter()
            .enumerate()
            .filter(|&(k, t)| !t.anchors_following && report_times.get(k) != Some(&true))
            .map(|(_, t)| t)
            .collect();
        // The clause's own expression, else one in a clause with no trigger of its own.
        if let Some(t) = usable.iter().find(|t| t.first >= c.first && t.last <= c.last) {
            return Some(t.value.clone());
        }
        let bare = |t: &&&TimeExpr| {
            let k = clause_of(clauses, t.first);
            // The time of a reporting clause dates the report, not the event.
            // "eine Talkshow auf, die am 16. Dezember ausgestrahlt wird": a relative clause dates
            // its own noun, the trigger only where it is that noun ("die Reise, die am Montag beginnt").
            let of_trigger =
                !clauses[k].relative || (clauses[k].first.saturating_sub(3)..clauses[k].first).contains(&at);
            !triggers.iter().any(|g| clause_of(clauses, g.at) == k)
                && of_trigger
                && clauses[k].complement == c.complement
                && !attribution.reports_in(k)
                && attribution.deny_clause != Some(k)
        };
        // "reiste am Montag nach Indien, um Modi zu treffen": an infinitive after a comma is
        // done when the clause before it is.
        let infinitive = clause > 0
            && at > c.first
            && self.rules.infinitive_marker.as_deref().is_some_and(|marker| tokens[at - 1].lower() == marker);
        // Only a clause that tells an event of its own, not one that reports or denies.
        let before = |t: &&&TimeExpr| {
            let k = clause_of(clauses, t.first);
            infinitive
                && k + 1 == clause
                && triggers.iter().any(|g| clause_of(clauses, g.at) == k)
                && !attribution.reports_in(k)
                && attribution.deny_clause != Some(k)
        };
        usable.iter().find(bare).or_else(|| usable.iter().find(before)).map(|t| t.value.clone())
    }

    /// "zweitägiger Besuch", "three-day visit"; else "for three days", "drei Tage lang",
    /// "dauerte zwei Tage" in the trigger's clause.
    pub(super) fn duration_before(&self, tokens: &[Token], at: usize, clause: &Clause) -> Option<u32> {
        let adjective = tokens[at.saturating_sub(2)..at].iter().find_map(|t| {
            let lower = t.lower();
            self.rules.durations.iter().find(|(w, _)| lower.starts_with(w.as_str())).map(|(_, d)| *d)
        });
        adjective.or_else(|| self.lasting(tokens, clause))
    }

    /// The clause tells an end ("wrapped up", "beendete", "schloss … ab"): a verb of ending, also
    /// with the particle that closes the clause.
    pub(super) fn told_as_ending(&self, tokens: &[Token], clause: &Clause) -> bool {
        (clause.first..clause.last).any(|k| {
            tokens[k].kind == crate::text::TokenKind::Word
                && !tokens[k].is_capitalized()
                && self.clause_verb_lemma_in(tokens, k, clause, &self.rules.cues.ending_lemmas)
        })
    }

    /// "<count> <unit>" marked as a duration ("for three days", "drei Tage lang"), in days.
    fn lasting(&self, tokens: &[Token], clause: &Clause) -> Option<u32> {
        let tw = &self.rules.time;
        let words = &tokens[clause.first..clause.last];
        (0..words.len().saturating_sub(1)).find_map(|i| {
            let count = tw.counts.get(words[i].lower()).copied().or_else(|| {
                (words[i].kind == crate::text::TokenKind::Number).then(|| words[i].text.parse::<u32>().ok()).flatten()
            })?;
            let unit = *tw.day_units.get(words[i + 1].lower())?;
            let before = i > 0 && tw.lasting_before.iter().any(|w| w == words[i - 1].lower());
            let after = words.get(i + 2).is_some_and(|t| tw.lasting_after.iter().any(|w| w == t.lower()));
            (before || after).then_some(count * unit).filter(|&d| (1..=60).contains(&d))
        })
    }

    /// "Das kommt einen Monat nach der Russland-Reise": the trip lies a month before, when the
    /// sentence tells the present.
    pub(super) fn anchor_following_times(&mut self, tokens: &[Token], times: &[TimeExpr], created: &[(usize, usize)]) {
        if !times.iter().any(|t| t.anchors_following) || !self.tells_present(tokens) {
            return;
        }
        for t in times.iter().filter(|t| t.anchors_following) {
            if let Some((event, _)) = created.iter().find(|(_, at)| *at >= t.last) {
                self.out.events[*event].time = Some(t.value.clone());
            }
        }
    }

    /// "Dabei lud er Putin ein": events of this sentence happen during the previous one's.
    pub(super) fn inherit_time_from_previous(&mut self, tokens: &[Token], created: &[(usize, usize)]) {
        let Some(first) = tokens.first() else { return };
        if !self.rules.time.during_previous.iter().any(|w| w == first.lower()) {
            return;
        }
        let Some(&previous) = self.last_sentence_events.last() else {
            return;
        };
        let previous_time = self.out.events[previous].time.clone();
        for (event, _) in created {
            if self.out.events[*event].time.is_none() {
                self.out.events[*event].time = previous_time.clone();
            }
        }
    }
}

/// "12.10.2023": day, month and year in digits joined by dots.
pub(super) fn digits_date(token: &Token) -> Option<PartialDate> {
    if token.kind != TokenKind::Number {
        return None;
    }
    let mut parts = token.text.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() > 2 || m.len() > 2 || y.len() != 4 {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).map(PartialDate::Day)
}

/// "12.10": a day and a month in digits, day first.
pub(super) fn day_month_digits(token: &Token) -> Option<(u32, u32)> {
    if token.kind != TokenKind::Number {
        return None;
    }
    let (d, m) = token.text.split_once('.')?;
    let (day, month) = (d.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (d.len() <= 2 && m.len() <= 2 && (1..=31).contains(&day) && (1..=12).contains(&month)).then_some((day, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_count_from_monday() {
        assert_eq!(weekday(1), Weekday::Mon);
        assert_eq!(weekday(5), Weekday::Fri);
        assert_eq!(weekday(7), Weekday::Sun);
    }
}
