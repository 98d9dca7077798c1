//! Time: time expressions in a sentence, calendar dates, the time and duration of each event.

use super::Reader;
use super::attribution::Attribution;
use super::clauses::{Clause, clause_of};
use super::phrases::{phrase_ends_at, phrase_in, phrase_position};
use super::triggers::Trigger;
use crate::text::{Token, TokenKind};
use crate::time::{self, PartialDate, TimeValue};
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
    pub(super) fn time_expressions(&self, tokens: &[Token]) -> Vec<TimeExpr> {
        let Some(reference) = self.reference else {
            return Vec::new();
        };
        let lower: Vec<String> = tokens.iter().map(|t| t.lower().to_string()).collect();
        let mut out = Vec::new();
        let tw = &self.rules.time;
        let relative: [(&[String], Resolve); 6] = [
            (&tw.yesterday, |r| {
                Some(match r {
                    PartialDate::Day(d) => TimeValue::Day(d - chrono::Days::new(1)),
                    other => other.window(),
                })
            }),
            (&tw.today, |r| Some(r.window())),
            (&tw.last_month, |r| Some(time::previous_month(r))),
            (&tw.next_month, |r| Some(time::next_month(r))),
            (&tw.last_week, |r| {
                Some(time::window_between(r.first_day() - chrono::Days::new(13), r.last_day() - chrono::Days::new(1)))
            }),
            (&tw.next_week, |r| {
                Some(time::window_between(r.first_day() + chrono::Days::new(1), r.last_day() + chrono::Days::new(13)))
            }),
        ];
        for (phrases, resolve) in relative {
            for p in phrases {
                if let Some(at) = phrase_position(&lower, p)
                    && let Some(value) = resolve(reference)
                {
                    out.push(TimeExpr { first: at, last: at + p.split(' ').count(), value, anchors_following: false });
                }
            }
        }
        for p in &tw.month_before_anchor {
            if let Some(at) = phrase_position(&lower, p) {
                out.push(TimeExpr {
                    first: at,
                    last: at + p.split(' ').count(),
                    value: reference.window().months_before(1),
                    anchors_following: true,
                });
            }
        }
        let future = self.rules.cues.future_aux.iter().chain(&self.rules.cues.planned).any(|c| phrase_in(&lower, c));
        for (i, w) in lower.iter().enumerate() {
            if let Some(&n) = self.rules.weekdays.get(w) {
                let weekday = weekday(n);
                let value = if future {
                    time::next_weekday(reference, weekday)
                } else {
                    time::last_weekday(reference, weekday)
                };
                out.push(TimeExpr { first: i, last: i + 1, value, anchors_following: false });
            }
        }
        out.extend(self.calendar_dates(tokens, &lower, reference, future));
        out.sort_by_key(|t| t.first);
        out
    }

    /// "7. September", "September 7", "7 September 2023", "im Juni", "2018", and ranges of them.
    fn calendar_dates(
        &self,
        tokens: &[Token],
        lower: &[String],
        reference: PartialDate,
        future: bool,
    ) -> Vec<TimeExpr> {
        let mut dates: Vec<(usize, usize, PartialDate)> = Vec::new();
        let mut spans: Vec<TimeExpr> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let day_num = |t: &Token| {
                (t.kind == TokenKind::Number && t.text.len() <= 2)
                    .then(|| t.text.parse::<u32>().ok())
                    .flatten()
                    .filter(|d| (1..=31).contains(d))
            };
            let year_at = |k: usize| {
                tokens
                    .get(k)
                    .filter(|t| t.kind == TokenKind::Number && t.text.len() == 4)
                    .and_then(|t| t.text.parse::<i32>().ok())
                    .filter(|y| (1900..=2100).contains(y))
            };
            let month_at =
                |k: usize| lower.get(k).and_then(|w| self.rules.months.get(w.trim_end_matches('.'))).copied();
            // Day first: "7. September (2023)", "7 September".
            if let Some(day) = day_num(&tokens[i]) {
                let k = if tokens.get(i + 1).is_some_and(|t| t.is('.')) { i + 2 } else { i + 1 };
                // Two days of one month: "am 10. und 11. Juli", "24 and 25 September".
                if lower.get(k).is_some_and(|w| self.rules.time.range_join.contains(w))
                    && let Some(second) = tokens.get(k + 1).and_then(day_num)
                {
                    let m = if tokens.get(k + 2).is_some_and(|t| t.is('.')) { k + 3 } else { k + 2 };
                    if let Some(month) = month_at(m) {
                        let (year, end) = match year_at(m + 1) {
                            Some(y) => (Some(y), m + 2),
                            None => (None, m + 1),
                        };
                        if let (Some(PartialDate::Day(a)), Some(PartialDate::Day(b))) = (
                            self.full_date(reference, year, month, day),
                            self.full_date(reference, year, month, second),
                        ) && a <= b
                        {
                            spans.push(TimeExpr {
                                first: i,
                                last: end,
                                value: TimeValue::Span { start: a, end: b },
                                anchors_following: false,
                            });
                            i = end;
                            continue;
                        }
                    }
                }
                if let Some(month) = month_at(k) {
                    let (year, end) = match year_at(k + 1) {
                        Some(y) => (Some(y), k + 2),
                        None => (None, k + 1),
                    };
                    if let Some(date) = self.full_date(reference, year, month, day) {
                        dates.push((i, end, date));
                        i = end;
                        continue;
                    }
                }
            }
            if let Some(month) = month_at(i) {
                // Month first: "September 7(, 2023)", or a month alone "im Juni", "in June 2019".
                if let Some(day) = tokens.get(i + 1).and_then(day_num) {
                    let k = if tokens.get(i + 2).is_some_and(|t| t.is(',')) { i + 3 } else { i + 2 };
                    let (year, end) = match year_at(k) {
                        Some(y) => (Some(y), k + 1),
                        None => (None, i + 2),
                    };
                    if let Some(date) = self.full_date(reference, year, month, day) {
                        dates.push((i, end, date));
                        i = end;
                        continue;
                    }
                }
                if tokens[i].is_capitalized() {
                    let (date, end) = match year_at(i + 1) {
                        Some(y) => (PartialDate::Month(y, month), i + 2),
                        None => {
                            let TimeValue::Window { earliest, .. } =
                                time::month_in_reference_year(reference, month, future)
                            else {
                                unreachable!("a month is a window")
                            };
                            (PartialDate::Month(chrono::Datelike::year(&earliest), month), i + 1)
                        }
                    };
                    dates.push((i, end, date));
                    i = end;
                    continue;
                }
            }
            if let Some(y) = year_at(i) {
                let marked = i > 0
                    && (self.rules.time.year_markers.iter().any(|m| phrase_ends_at(lower, m, i))
                        || self.rules.prepositions.contains_key(&lower[i - 1]));
                if marked {
                    dates.push((i, i + 1, PartialDate::Year(y)));
                }
            }
            i += 1;
        }
        let mut out: Vec<TimeExpr> = spans;
        let mut used = vec![false; dates.len()];
        // Ranges: "zwischen dem 7. September und dem 1. Oktober", "from May 3 to May 5".
        for n in 0..dates.len().saturating_sub(1) {
            let (a, b) = (&dates[n], &dates[n + 1]);
            let between = &lower[a.1..b.0];
            let joined = between.iter().any(|w| self.rules.time.range_join.contains(w)) && between.len() <= 3;
            let opened = (a.0 >= 1 && self.rules.time.range_open.contains(&lower[a.0 - 1]))
                || (a.0 >= 2 && self.rules.time.range_open.contains(&lower[a.0 - 2]));
            if joined && opened {
                let (start, end) = (a.2.first_day(), b.2.last_day());
                if start <= end {
                    let value = if matches!(a.2, PartialDate::Day(_)) && matches!(b.2, PartialDate::Day(_)) {
                        TimeValue::Span { start, end }
                    } else {
                        time::window_between(start, end)
                    };
                    out.push(TimeExpr { first: a.0, last: b.1, value, anchors_following: false });
                    used[n] = true;
                    used[n + 1] = true;
                }
            }
        }
        for (n, (first, last, date)) in dates.into_iter().enumerate() {
            if !used[n] {
                out.push(TimeExpr { first, last, value: date.window(), anchors_following: false });
            }
        }
        out
    }

    fn full_date(&self, reference: PartialDate, year: Option<i32>, month: u32, day: u32) -> Option<PartialDate> {
        match year {
            Some(y) => chrono::NaiveDate::from_ymd_opt(y, month, day).map(PartialDate::Day),
            None => time::day_in_reference_year(reference, month, day).map(PartialDate::Day),
        }
    }

    pub(super) fn event_time(
        &self,
        times: &[TimeExpr],
        clauses: &[Clause],
        clause: usize,
        triggers: &[Trigger<'_>],
        attribution: &Attribution,
    ) -> Option<TimeValue> {
        let c = &clauses[clause];
        let usable = |t: &&TimeExpr| !t.anchors_following;
        // The clause's own expression, else one in a clause with no trigger of its own.
        if let Some(t) = times.iter().filter(usable).find(|t| t.first >= c.first && t.last <= c.last) {
            return Some(t.value.clone());
        }
        let bare = |t: &&TimeExpr| {
            let k = clause_of(clauses, t.first);
            // The time of a reporting clause dates the report, not the event.
            !triggers.iter().any(|g| clause_of(clauses, g.at) == k)
                && clauses[k].complement == c.complement
                && attribution.verb_clause != Some(k)
                && attribution.deny_clause != Some(k)
        };
        times.iter().filter(usable).find(bare).map(|t| t.value.clone())
    }

    /// "zweitägiger Besuch", "three-day visit".
    pub(super) fn duration_before(&self, tokens: &[Token], at: usize) -> Option<u32> {
        tokens[at.saturating_sub(2)..at].iter().find_map(|t| {
            let lower = t.lower();
            self.rules.durations.iter().find(|(w, _)| lower.starts_with(w.as_str())).map(|(_, d)| *d)
        })
    }

    /// "einen Monat nach der Russland-Reise": the trip lies a month before.
    pub(super) fn anchor_following_times(&mut self, _tokens: &[Token], times: &[TimeExpr], created: &[(usize, usize)]) {
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
