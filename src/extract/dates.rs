//! Time expressions in a sentence: relative words, weekdays, calendar dates and ranges of them,
//! each resolved against the article's publication date.

use super::Reader;
use super::phrases::{listed, phrase_ends_at};
use super::time::{Resolve, TimeExpr, day_month_digits, digits_date, weekday};
use crate::lang::{RoleHint, TimePhrase, TimeWord, TimeWords};
use crate::text::{Token, TokenKind};
use crate::time::{self, Heading, PartialDate, TimeValue};
use chrono::Datelike;

impl<'a> Reader<'a> {
    /// The sentence's time expressions; `lower` holds its words in lower case.
    /// The time expressions of a sentence (`tells`: a word of it is one a trigger group lists).
    pub(super) fn time_expressions(&self, tokens: &[Token], lower: &[&str], tells: bool) -> Vec<TimeExpr> {
        let Some(reference) = self.reference else {
            return Vec::new();
        };
        let mut out = Vec::new();
        // In the order of `TimeWords::relative`.
        let relative: [Resolve; 17] = [
            |r| Some(time::calendar_week(r, 0)),
            |r| Some(time::week_so_far(r)),
            |r| Some(days_after(r, -1)),
            |r| Some(r.window()),
            |r| Some(days_after(r, 1)),
            |r| Some(time::previous_month(r)),
            |r| Some(time::next_month(r)),
            |r| Some(time::calendar_week(r, -1)),
            |r| Some(time::calendar_week(r, 1)),
            |r| Some(time::weekend(r, 0)),
            |r| Some(time::weekend(r, -1)),
            |r| Some(time::weekend(r, 1)),
            |r| Some(time::rest_of_month(r, false)),
            |r| Some(time::rest_of_month(r, true)),
            |r| Some(time::year_from(r, -1)),
            |r| Some(time::year_from(r, 0)),
            |r| Some(time::year_from(r, 1)),
        ];
        // The index gives the phrases list by list, each at every place it stands ("teilte
        // gestern mit, … seien gestern gelandet": each occurrence is an expression), then those
        // of the story's day, then those of a month before.
        let hits = self.rules.time_index.find(lower);
        // Whether the sentence speaks of the future: a future auxiliary or a word of plans.
        let speaks_of_future = hits.iter().any(|h| *h.tag == TimePhrase::Future);
        let future = || speaks_of_future;
        let mut month_before_seen = None;
        for hit in &hits {
            let (first, last) = (hit.at, hit.at + hit.text.split(' ').count());
            match *hit.tag {
                TimePhrase::Relative(n) => {
                    if !self.capitalised_noun(tokens, first, hit.text)
                        && let Some(value) = relative[n](reference)
                    {
                        // "met at the weekend", "traf sich am Wochenende" told in the past on a
                        // weekday: the weekend before.
                        let passed = n == TimeWords::THIS_WEEKEND
                            && value.bounds().0 > reference.last_day()
                            && self.heading(tokens, future(), first) == Heading::Past;
                        let value = if passed { time::weekend(reference, -1) } else { value };
                        out.push(TimeExpr { first, last, value, anchors_following: false });
                    }
                }
                TimePhrase::StoryDay(days) => {
                    if let Some(story) = &self.story {
                        let value = time::days_from(story, i64::from(days));
                        out.push(TimeExpr { first, last, value, anchors_following: false });
                    }
                }
                TimePhrase::ReferenceDay(days) => {
                    if !self.capitalised_noun(tokens, first, hit.text) {
                        let value = time::days_from(&reference.window(), i64::from(days));
                        out.push(TimeExpr { first, last, value, anchors_following: false });
                    }
                }
                // The first place only.
                TimePhrase::MonthBefore if month_before_seen != Some(hit.phrase) => {
                    month_before_seen = Some(hit.phrase);
                    let value = reference.window().months_before(1);
                    out.push(TimeExpr { first, last, value, anchors_following: true });
                }
                TimePhrase::MonthBefore | TimePhrase::Future => {}
            }
        }
        // The count of days at each word ("zwei Wochen": 14), read once for both kinds of span.
        // What each word is to the time rules, looked up once.
        let said: Vec<TimeWord> = lower.iter().map(|w| self.rules.time_word(w)).collect();
        let counted: Vec<Option<u32>> = (0..lower.len()).map(|i| self.days_counted(tokens, &said, i)).collect();
        out.extend(self.spans_before_an_event(lower, &counted, reference));
        out.extend(self.spans_ago(lower, &counted, reference));
        out.extend(self.weekdays(tokens, lower, &said, reference, &future, tells));
        out.extend(self.calendar_dates(tokens, lower, &said, reference, &future));
        let out = self.weekdays_in_their_week(lower, &said, out);
        without_nested(out)
    }

    /// "on Friday last week", "am Freitag vergangener Woche": a weekday next to a week names
    /// that day of that week.
    fn weekdays_in_their_week(&self, lower: &[&str], said: &[TimeWord], mut found: Vec<TimeExpr>) -> Vec<TimeExpr> {
        let week_start = |t: &TimeExpr| match t.value {
            TimeValue::Span { start, end } | TimeValue::Window { earliest: start, latest: end, .. }
                if (end - start).num_days() == 6 && start.weekday() == chrono::Weekday::Mon =>
            {
                Some(start)
            }
            _ => None,
        };
        let pairs: Vec<(usize, usize)> = (0..found.len())
            .flat_map(|d| (0..found.len()).map(move |w| (d, w)))
            .filter(|&(d, w)| {
                let (day, week) = (&found[d], &found[w]);
                matches!(day.value, TimeValue::Day(_))
                    && day.last - day.first == 1
                    && self.weekday_in(lower[day.first], said[day.first]).is_some()
                    && week_start(week).is_some()
                    && (day.last == week.first || week.last == day.first)
            })
            .collect();
        for (d, w) in pairs {
            let (Some(start), Some(n)) =
                (week_start(&found[w]), self.weekday_in(lower[found[d].first], said[found[d].first]))
            else {
                continue;
            };
            let day = start + chrono::Duration::days(i64::from(weekday(n).num_days_from_monday()));
            let (first, last) = (found[d].first.min(found[w].first), found[d].last.max(found[w].last));
            found.push(TimeExpr { first, last, value: TimeValue::Day(day), anchors_following: false });
        }
        found
    }

    /// A one-word time adverb written with a capital inside a sentence, in a language that
    /// capitalises nouns, is the noun ("am Morgen" is no "morgen").
    fn capitalised_noun(&self, tokens: &[Token], at: usize, phrase: &str) -> bool {
        self.rules.nouns_capitalized && at > 0 && !phrase.contains(' ') && tokens[at].is_capitalized()
    }

    /// Weekdays, past or coming; two joined ("am Montag und Dienstag", "on Monday and Tuesday")
    /// are a span when the second follows the first within the week.
    fn weekdays(
        &self,
        tokens: &[Token],
        lower: &[&str],
        said: &[TimeWord],
        reference: PartialDate,
        future: &dyn Fn() -> bool,
        tells: bool,
    ) -> Vec<TimeExpr> {
        // A cue of the future counts for the predicate it belongs to ("announced on Sunday that
        // troops would leave" is a past Sunday).
        let ahead = |at: usize| future() && self.governed_as_future(tokens, lower, at).unwrap_or(true);
        // "Die Minister kommen am Montag zusammen", "meets on Monday": a weekday in the present
        // tense is the coming one (the reference's own weekday is that day).
        let today = |n: u32| matches!(reference, PartialDate::Day(d) if d.weekday() == weekday(n));
        // (The tree is read only in a sentence that tells an event: `tells`.)
        let coming = |n: u32, at: usize| tells && !today(n) && self.told_in_present(tokens, at).unwrap_or(false);
        let resolve = |n: u32, at: usize| {
            if ahead(at) || coming(n, at) {
                time::next_weekday(reference, weekday(n))
            } else {
                time::last_weekday(reference, weekday(n))
            }
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < lower.len() {
            let Some(n) = self.weekday_in(lower[i], said[i]) else {
                i += 1;
                continue;
            };
            let first = resolve(n, i);
            let joined = lower.get(i + 1).is_some_and(|w| listed(&self.rules.time.range_join, w));
            if joined
                && let Some(m) = said.get(i + 2).and_then(|w| w.weekday)
                && let (TimeValue::Day(a), TimeValue::Day(b)) = (&first, resolve(m, i))
                && a < &b
                && (b - *a).num_days() < 7
            {
                out.push(TimeExpr {
                    first: i,
                    last: i + 3,
                    value: TimeValue::Span { start: *a, end: b },
                    anchors_following: false,
                });
                i += 3;
                continue;
            }
            out.push(TimeExpr { first: i, last: i + 1, value: first, anchors_following: false });
            i += 1;
        }
        out
    }

    /// A count of days or weeks ("zwei Wochen", "3 days") at `i`: the number of days.
    fn days_counted(&self, tokens: &[Token], said: &[TimeWord], i: usize) -> Option<u32> {
        let n = said
            .get(i)?
            .count
            .or_else(|| (tokens[i].kind == TokenKind::Number).then(|| tokens[i].text.parse::<u32>().ok()).flatten())?;
        Some(n * said.get(i + 1)?.day_unit?)
    }

    /// "vor zwei Wochen", "three days ago": that long before the reference; "in zwei Wochen",
    /// "in two weeks": that long after it; a day counted in days, the week around it counted in
    /// weeks.
    fn spans_ago(&self, lower: &[&str], counted: &[Option<u32>], reference: PartialDate) -> Vec<TimeExpr> {
        let tw = &self.rules.time;
        let moved = |days: u32, sign: i64| {
            let around =
                if days.is_multiple_of(7) && days > 0 { time::calendar_week(reference, 0) } else { reference.window() };
            time::days_from(&around, sign * i64::from(days))
        };
        let value = |days: u32| moved(days, -1);
        let mut out = Vec::new();
        for i in 0..lower.len() {
            if listed(&tw.ago_before, lower[i])
                && let Some(days) = counted.get(i + 1).copied().flatten()
            {
                out.push(TimeExpr { first: i, last: i + 3, value: value(days), anchors_following: false });
            }
            if listed(&tw.ahead_before, lower[i])
                && let Some(days) = counted.get(i + 1).copied().flatten()
            {
                out.push(TimeExpr { first: i, last: i + 3, value: moved(days, 1), anchors_following: false });
            }
            if let Some(days) = counted[i]
                && lower.get(i + 2).is_some_and(|w| listed(&tw.ago_after, w))
            {
                out.push(TimeExpr { first: i, last: i + 3, value: value(days), anchors_following: false });
            }
        }
        out
    }

    /// The weekday a word (which `said` is to the time rules) names, alone or with a part of the
    /// day ("Dienstagabend").
    fn weekday_in(&self, word: &str, said: TimeWord) -> Option<u32> {
        said.weekday.or_else(|| {
            let part = self.rules.time.weekday_parts.iter().find(|p| word.ends_with(p.as_str()))?;
            self.rules.time_word(&word[..word.len() - part.len()]).weekday
        })
    }

    /// "zwei Wochen nach dem Besuch", "a week after the summit": the event named next lies that
    /// many days before the reference.
    fn spans_before_an_event(&self, lower: &[&str], counted: &[Option<u32>], reference: PartialDate) -> Vec<TimeExpr> {
        let tw = &self.rules.time;
        (0..lower.len().saturating_sub(2))
            .filter_map(|i| {
                let days = counted[i]?;
                listed(&tw.after_words, lower[i + 2]).then(|| TimeExpr {
                    first: i,
                    last: i + 3,
                    value: time::days_from(&reference.window(), -i64::from(days)),
                    anchors_following: true,
                })
            })
            .collect()
    }

    /// "7. September", "September 7", "7 September 2023", "im Juni", "2018", and ranges of them.
    fn calendar_dates(
        &self,
        tokens: &[Token],
        lower: &[&str],
        said: &[TimeWord],
        reference: PartialDate,
        future: &dyn Fn() -> bool,
    ) -> Vec<TimeExpr> {
        let mut dates: Vec<(usize, usize, PartialDate)> = Vec::new();
        let mut spans: Vec<TimeExpr> = Vec::new();
        // Read from the tenses only where a date lacks its year.
        let heading = |at: usize| self.heading(tokens, future(), at);
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
            // "May 2022", "the summer of 2022": a year right after, or behind "of"; with the end.
            let year_after = |k: usize| {
                year_at(k).map(|y| (y, k + 1)).or_else(|| {
                    let of = lower.get(k).and_then(|w| self.rules.prepositions.get(w));
                    of.is_some_and(|h| h.first() == Some(&RoleHint::Of)).then(|| year_at(k + 1).map(|y| (y, k + 2)))?
                })
            };
            let month_at = |k: usize| {
                let w = lower.get(k)?;
                if w.ends_with('.') { self.rules.time_word(w.trim_end_matches('.')).month } else { said[k].month }
            };
            // "12.10.2023": a date in digits, day first.
            if let Some(date) = digits_date(&tokens[i]) {
                dates.push((i, i + 1, date));
                i += 1;
                continue;
            }
            // "am 12.10.": day and month in digits, closed by a dot, after a preposition or an
            // article (a decimal number is neither).
            if let Some((day, month)) = day_month_digits(&tokens[i])
                && tokens.get(i + 1).is_some_and(|t| t.is('.') && t.start == tokens[i].end)
                && i > 0
                && (self.rules.prepositions.contains_key(lower[i - 1])
                    || self.rules.determiners.contains(lower[i - 1])
                    || listed(&self.rules.time.range_join, lower[i - 1]))
                && let Some(date) = self.full_date(reference, None, month, day, || heading(i))
            {
                dates.push((i, i + 2, date));
                i += 2;
                continue;
            }
            // Day first: "7. September (2023)", "7 September".
            if let Some(day) = day_num(&tokens[i]) {
                let k = if tokens.get(i + 1).is_some_and(|t| t.is('.')) { i + 2 } else { i + 1 };
                // Two days of one month: "am 10. und 11. Juli", "24 and 25 September".
                if lower.get(k).is_some_and(|w| listed(&self.rules.time.range_join, w))
                    && let Some(second) = tokens.get(k + 1).and_then(day_num)
                {
                    let m = if tokens.get(k + 2).is_some_and(|t| t.is('.')) { k + 3 } else { k + 2 };
                    if let Some(month) = month_at(m) {
                        let (year, end) = match year_at(m + 1) {
                            Some(y) => (Some(y), m + 2),
                            None => (None, m + 1),
                        };
                        if let Some(value) = self.two_days(reference, year, month, [day, second], || heading(i)) {
                            spans.push(TimeExpr { first: i, last: end, value, anchors_following: false });
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
                    if let Some(date) = self.full_date(reference, year, month, day, || heading(i)) {
                        dates.push((i, end, date));
                        i = end;
                        continue;
                    }
                }
            }
            if let Some(month) = month_at(i) {
                // Month first: "September 7(, 2023)", or a month alone "im Juni", "in June 2019".
                if let Some(day) = tokens.get(i + 1).and_then(day_num).filter(|_| self.rules.day_after_month) {
                    // "October 3 to 5": two days of one month.
                    if lower.get(i + 2).is_some_and(|w| listed(&self.rules.time.range_join, w))
                        && let Some(second) = tokens.get(i + 3).and_then(day_num)
                        && let Some(value) = self.two_days(reference, None, month, [day, second], || heading(i))
                    {
                        spans.push(TimeExpr { first: i, last: i + 4, value, anchors_following: false });
                        i += 4;
                        continue;
                    }
                    let k = if tokens.get(i + 2).is_some_and(|t| t.is(',')) { i + 3 } else { i + 2 };
                    let (year, end) = match year_at(k) {
                        Some(y) => (Some(y), k + 1),
                        None => (None, i + 2),
                    };
                    if let Some(date) = self.full_date(reference, year, month, day, || heading(i)) {
                        dates.push((i, end, date));
                        i = end;
                        continue;
                    }
                }
                if tokens[i].is_capitalized() && !self.month_word_is_name(tokens, lower, i) {
                    let (date, end) = match year_after(i + 1) {
                        Some((y, end)) => (PartialDate::Month(y, month), end),
                        None => (PartialDate::Month(self.month_year(reference, month, heading(i)), month), i + 1),
                    };
                    // "Ende Juli", "late July": a third of the month.
                    if let Some((first, part)) = self.month_part_before(lower, i)
                        && let Some(value) = time::part_of_month(date.year(), month, part)
                    {
                        spans.push(TimeExpr { first, last: end, value, anchors_following: false });
                    } else {
                        dates.push((i, end, date));
                    }
                    i = end;
                    continue;
                }
            }
            // "mid-June", "Mitte-Juni": a third of a month in one word.
            if let Some((part, month)) = crate::text::split_first_hyphen(lower[i])
                .and_then(|(p, m)| Some((*self.rules.time.month_parts.get(p)?, *self.rules.months.get(m)?)))
            {
                let year = year_at(i + 1);
                let y = year.unwrap_or_else(|| self.month_year(reference, month, heading(i)));
                let value = time::part_of_month(y, month, part);
                if let Some(value) = value {
                    let end = if year.is_some() { i + 2 } else { i + 1 };
                    spans.push(TimeExpr { first: i, last: end, value, anchors_following: false });
                    i = end;
                    continue;
                }
            }
            // "im Sommer", "next spring": a season after a word of the phrase, three months.
            if let Some(start) = said[i].season
                && i > 0
                && (!tokens[i - 1].is_capitalized()
                    || self.rules.prepositions.contains_key(lower[i - 1])
                    || self.rules.determiners.contains(lower[i - 1]))
            {
                let (year, end) = match year_after(i + 1) {
                    Some(found) => found,
                    None => (self.month_year(reference, start, heading(i)), i + 1),
                };
                if let Some(value) = time::season(year, start) {
                    spans.push(TimeExpr { first: i, last: end, value, anchors_following: false });
                    i = end;
                    continue;
                }
            }
            if let Some(y) = year_at(i) {
                let marked = i > 0
                    && (self.rules.time.year_markers.iter().any(|m| phrase_ends_at(lower, m, i))
                        || self.rules.prepositions.contains_key(lower[i - 1]));
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
            let joined = between.iter().any(|w| listed(&self.rules.time.range_join, w)) && between.len() <= 3;
            let opened = (a.0 >= 1 && listed(&self.rules.time.range_open, lower[a.0 - 1]))
                || (a.0 >= 2 && listed(&self.rules.time.range_open, lower[a.0 - 2]));
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
                let value = self.since_until(lower, first, &date, reference).unwrap_or_else(|| date.window());
                out.push(TimeExpr { first, last, value, anchors_following: false });
            }
        }
        out
    }

    /// "seit Januar", "since 2019": a date after a word of since starts a stretch that lasts
    /// until the reference.
    fn since_until(
        &self,
        lower: &[&str],
        first: usize,
        date: &PartialDate,
        reference: PartialDate,
    ) -> Option<TimeValue> {
        let since = &self.rules.time.since;
        let since = (first >= 1 && listed(since, lower[first - 1]))
            || (first >= 2 && listed(since, lower[first - 2]) && self.rules.determiners.contains(lower[first - 1]));
        let (start, end) = (date.first_day(), reference.last_day());
        (since && start < end).then(|| time::window_between(start, end))
    }

    /// A phrase before a month name that names a third of it ("Anfang", "the end of"): where it
    /// starts and which third.
    /// "Jan Nowak visited …", "Außenminister Jan Nowak": a month's name alone, with a capitalised
    /// word after it and no preposition, determiner or part of a month before it, is a given name.
    fn month_word_is_name(&self, tokens: &[Token], lower: &[&str], i: usize) -> bool {
        let name_after = self.rules.name_after_month(tokens, i);
        let introduced = i > 0
            && (self.rules.prepositions.contains_key(lower[i - 1])
                || self.rules.determiners.contains(lower[i - 1])
                || self.month_part_before(lower, i).is_some());
        name_after && !introduced
    }

    fn month_part_before(&self, lower: &[&str], month_at: usize) -> Option<(usize, u32)> {
        self.rules
            .time
            .month_parts
            .iter()
            .filter(|(p, _)| phrase_ends_at(lower, p, month_at))
            .map(|(p, &part)| (month_at - p.split(' ').count(), part))
            .min_by_key(|&(first, _)| first)
    }

    /// The year a month without one falls in, nearest the reference the way the sentence heads.
    fn month_year(&self, reference: PartialDate, month: u32, heading: Heading) -> i32 {
        time::month_in_reference_year(reference, month, heading).bounds().0.year()
    }

    /// Two days of one month, the first not after the second: their span.
    fn two_days(
        &self,
        reference: PartialDate,
        year: Option<i32>,
        month: u32,
        [first, second]: [u32; 2],
        heading: impl Fn() -> Heading,
    ) -> Option<TimeValue> {
        let start = self.full_date(reference, year, month, first, &heading)?.first_day();
        let end = self.full_date(reference, year, month, second, &heading)?.first_day();
        (start <= end).then_some(TimeValue::Span { start, end })
    }

    fn full_date(
        &self,
        reference: PartialDate,
        year: Option<i32>,
        month: u32,
        day: u32,
        heading: impl FnOnce() -> Heading,
    ) -> Option<PartialDate> {
        match year {
            Some(y) => chrono::NaiveDate::from_ymd_opt(y, month, day).map(PartialDate::Day),
            None => time::day_in_reference_year(reference, month, day, heading()).map(PartialDate::Day),
        }
    }

    /// Which way a date without a year at `at` lies: coming where the sentence speaks of the
    /// future, past where the verbs of its stretch between commas are told in a past tense
    /// ("besuchte", "hatte … besucht", "has visited"), else nearest the reference (the present
    /// tells both what lies ahead and, in reported speech, what happened).
    fn heading(&self, tokens: &[Token], future: bool, at: usize) -> Heading {
        if future {
            return Heading::Coming;
        }
        let Some(tags) = self.tagged(tokens) else { return Heading::Nearest };
        let stop = |t: &Token| t.is(',') || t.is(';');
        let first = tokens[..at].iter().rposition(stop).map_or(0, |k| k + 1);
        let last = tokens[at..].iter().position(stop).map_or(tokens.len(), |k| at + k);
        if self.told_in_past(&tags[first..last.min(tags.len())]) { Heading::Past } else { Heading::Nearest }
    }
}

/// The reference moved by whole days, as a day or a window.
fn days_after(reference: PartialDate, days: i64) -> TimeValue {
    time::days_from(&reference.window(), days)
}

/// The expressions in text order, without one that lies inside a longer one ("this year" in
/// "earlier this year").
fn without_nested(mut found: Vec<TimeExpr>) -> Vec<TimeExpr> {
    found.sort_by_key(|t| (t.first, std::cmp::Reverse(t.last)));
    let mut out: Vec<TimeExpr> = Vec::new();
    for t in found {
        if !out.iter().any(|o| o.first <= t.first && t.last <= o.last) {
            out.push(t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expr(first: usize, last: usize) -> TimeExpr {
        let day = chrono::NaiveDate::from_ymd_opt(2023, 10, 18).expect("a date");
        TimeExpr { first, last, value: TimeValue::Day(day), anchors_following: false }
    }

    #[test]
    fn an_expression_inside_a_longer_one_is_dropped_and_the_rest_keep_text_order() {
        // "earlier this year" (0..3) holds "this year" (1..3); "on Monday" (5..7) stands apart.
        let kept = without_nested(vec![expr(5, 7), expr(1, 3), expr(0, 3)]);
        let spans: Vec<(usize, usize)> = kept.iter().map(|t| (t.first, t.last)).collect();
        assert_eq!(spans, vec![(0, 3), (5, 7)]);
    }

    #[test]
    fn a_day_moves_by_whole_days_and_a_month_stays_a_window() {
        let day = PartialDate::Day(chrono::NaiveDate::from_ymd_opt(2023, 10, 18).expect("a date"));
        assert_eq!(days_after(day, -1).edtf(), "2023-10-17");
        assert_eq!(days_after(PartialDate::Month(2023, 10), 1).edtf(), "2023-10-02/2023-11-01");
    }
}
