//! Time: publication dates with their honest precision, and resolution of relative expressions.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::fmt;

/// A calendar date known to a day, a month or a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartialDate {
    /// Only the year is known.
    Year(i32),
    /// Year and month are known.
    Month(i32, u32),
    /// The day is known.
    Day(NaiveDate),
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, also when a time of day follows
    /// (`2023-10-18T12:00:00`, `2023-10-18 12:00:00`), as news-please writes it.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let text = text.trim();
        let date_part = text.split(['T', ' ']).next().unwrap_or(text);
        let parts: Vec<&str> = date_part.split('-').collect();
        let num = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
        };
        match parts.as_slice() {
            [y] => Some(PartialDate::Year(num(y, 4)? as i32)),
            [y, m] => {
                let (y, m) = (num(y, 4)? as i32, num(m, 2)?);
                (1..=12).contains(&m).then_some(PartialDate::Month(y, m))
            }
            [y, m, d] => NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?).map(PartialDate::Day),
            _ => None,
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        match self {
            PartialDate::Year(y) | PartialDate::Month(y, _) => y,
            PartialDate::Day(d) => d.year(),
        }
    }

    /// The first day this date may denote.
    pub fn first_day(self) -> NaiveDate {
        match self {
            PartialDate::Year(y) => ymd(y, 1, 1),
            PartialDate::Month(y, m) => ymd(y, m, 1),
            PartialDate::Day(d) => d,
        }
    }

    /// The last day this date may denote.
    pub fn last_day(self) -> NaiveDate {
        match self {
            PartialDate::Year(y) => ymd(y, 12, 31),
            PartialDate::Month(y, m) => last_of_month(y, m),
            PartialDate::Day(d) => d,
        }
    }

    /// The whole window this date denotes.
    pub fn window(self) -> TimeValue {
        match self {
            PartialDate::Day(d) => TimeValue::Day(d),
            _ => TimeValue::Window { earliest: self.first_day(), latest: self.last_day(), edtf: self.to_string() },
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            PartialDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

/// When an event took place, as precisely as the text allows.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimeValue {
    /// A known day.
    Day(NaiveDate),
    /// The event spans this interval (both ends known).
    Span { start: NaiveDate, end: NaiveDate },
    /// The event lies somewhere inside this window; `edtf` is its EDTF form.
    Window { earliest: NaiveDate, latest: NaiveDate, edtf: String },
}

impl TimeValue {
    /// The EDTF string for `kgx:when`.
    pub fn edtf(&self) -> String {
        match self {
            TimeValue::Day(d) => iso(*d),
            TimeValue::Span { start, end } => format!("{}/{}", iso(*start), iso(*end)),
            TimeValue::Window { edtf, .. } => edtf.clone(),
        }
    }

    /// Widens the latest end of a window or day by `days - 1` days (a visit of `days` days that
    /// starts inside the window ends inside the widened one).
    pub fn lasting(self, days: u32) -> TimeValue {
        let extra = Days::new(u64::from(days.saturating_sub(1)));
        match self {
            TimeValue::Day(d) if days > 1 => TimeValue::Span { start: d, end: d + extra },
            TimeValue::Window { earliest, latest, .. } if days > 1 => {
                let latest = latest + extra;
                TimeValue::Window { earliest, latest, edtf: format!("{}/{}", iso(earliest), iso(latest)) }
            }
            other => other,
        }
    }

    /// A value that ends on a given day and lasted a number of days ("wrapped up a three-day
    /// visit on Monday").
    pub fn lasting_until(self, days: u32) -> TimeValue {
        let extra = Days::new(u64::from(days.saturating_sub(1)));
        match self {
            TimeValue::Day(d) if days > 1 => TimeValue::Span { start: d - extra, end: d },
            TimeValue::Window { earliest, latest, .. } if days > 1 => {
                let earliest = earliest - extra;
                TimeValue::Window { earliest, latest, edtf: format!("{}/{}", iso(earliest), iso(latest)) }
            }
            other => other,
        }
    }

    /// Shifts the whole value back by a number of months, keeping its precision as a window.
    pub fn months_before(&self, months: u32) -> TimeValue {
        let (from, to) = self.bounds();
        let earliest = from.checked_sub_months(Months::new(months)).unwrap_or(from);
        let latest = to.checked_sub_months(Months::new(months)).unwrap_or(to);
        window_between(earliest, latest)
    }

    /// The first and last day the value may cover.
    pub fn bounds(&self) -> (NaiveDate, NaiveDate) {
        match self {
            TimeValue::Day(d) => (*d, *d),
            TimeValue::Span { start, end } => (*start, *end),
            TimeValue::Window { earliest, latest, .. } => (*earliest, *latest),
        }
    }
}

/// A window between two days, named by the most compact EDTF form that covers it.
pub fn window_between(earliest: NaiveDate, latest: NaiveDate) -> TimeValue {
    if earliest == latest {
        return TimeValue::Day(earliest);
    }
    let same_month = earliest.year() == latest.year() && earliest.month() == latest.month();
    let edtf = if same_month && earliest.day() == 1 && latest == last_of_month(latest.year(), latest.month()) {
        format!("{:04}-{:02}", earliest.year(), earliest.month())
    } else if earliest.year() == latest.year() && earliest.ordinal() == 1 && latest.month() == 12 && latest.day() == 31
    {
        format!("{:04}", earliest.year())
    } else {
        format!("{}/{}", iso(earliest), iso(latest))
    };
    TimeValue::Window { earliest, latest, edtf }
}

/// The weekday at or before the reference (a past "am Mittwoch"), as a window when the
/// reference itself is only a window.
pub fn last_weekday(reference: PartialDate, weekday: Weekday) -> TimeValue {
    let back = |d: NaiveDate| {
        let diff = (7 + d.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        d - Days::new(u64::from(diff))
    };
    window_between(back(reference.first_day()), back(reference.last_day()))
}

/// The weekday after the reference (a future "next Monday").
pub fn next_weekday(reference: PartialDate, weekday: Weekday) -> TimeValue {
    let forward = |d: NaiveDate| {
        let diff = (7 + weekday.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
        d + Days::new(u64::from(if diff == 0 { 7 } else { diff }))
    };
    window_between(forward(reference.first_day()), forward(reference.last_day()))
}

/// The calendar week (Monday to Sunday) `offset` weeks from the reference's week ("nächste
/// Woche", "last week"); a reference known only to a month or a year gives the window of every
/// such week.
pub fn calendar_week(reference: PartialDate, offset: i64) -> TimeValue {
    let monday = |d: NaiveDate| shift_days(d - Days::new(u64::from(d.weekday().num_days_from_monday())), 7 * offset);
    let first = monday(reference.first_day());
    let last = monday(reference.last_day());
    window_between(first, last + Days::new(6))
}

/// The reference's calendar week from its Monday up to the reference ("earlier this week").
pub fn week_so_far(reference: PartialDate) -> TimeValue {
    let (monday, _) = calendar_week(reference, 0).bounds();
    window_between(monday.min(reference.last_day()), reference.last_day())
}

/// A season of three months starting in `month` of `year` ("im Sommer 2023"); a winter runs
/// into the next year.
pub fn season(year: i32, month: u32) -> Option<TimeValue> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let (end_year, end_month) = if month + 2 > 12 { (year + 1, month + 2 - 12) } else { (year, month + 2) };
    Some(window_between(first, last_of_month(end_year, end_month)))
}

/// The weekend (Saturday and Sunday) of the reference's calendar week, `offset` weeks on
/// ("this weekend", "am vergangenen Wochenende").
pub fn weekend(reference: PartialDate, offset: i64) -> TimeValue {
    let (first, last) = calendar_week(reference, offset).bounds();
    window_between(last.min(first + Days::new(5)), last)
}

/// A third of a month: 1 is its beginning (days 1–10), 2 its middle (11–20), 3 its end (21 to
/// the last day): "Anfang Mai", "mid-June", "late July".
pub fn part_of_month(year: i32, month: u32, part: u32) -> Option<TimeValue> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = last_of_month(year, month);
    let (from, to) = match part {
        1 => (first, ymd(year, month, 10)),
        2 => (ymd(year, month, 11), ymd(year, month, 20)),
        3 => (ymd(year, month, 21), last),
        _ => return None,
    };
    Some(window_between(from, to))
}

/// The reference moved by a number of days, keeping its precision as a window.
pub fn days_from(reference: &TimeValue, days: i64) -> TimeValue {
    let (from, to) = reference.bounds();
    match reference {
        TimeValue::Span { .. } => TimeValue::Span { start: shift_days(from, days), end: shift_days(to, days) },
        _ => window_between(shift_days(from, days), shift_days(to, days)),
    }
}

/// The part of the reference's month before it (`later` false: "earlier this month") or after it
/// (`later` true: "later this month"); the whole month when the reference is no day.
pub fn rest_of_month(reference: PartialDate, later: bool) -> TimeValue {
    let month = PartialDate::Month(reference.year(), reference.first_day().month());
    match reference {
        PartialDate::Day(d) if later => window_between(d, month.last_day()),
        PartialDate::Day(d) => window_between(month.first_day(), d),
        _ => month.window(),
    }
}

/// The reference's year moved by `offset` years ("im vergangenen Jahr", "next year").
pub fn year_from(reference: PartialDate, offset: i32) -> TimeValue {
    PartialDate::Year(reference.year() + offset).window()
}

fn shift_days(d: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 { d + Days::new(days as u64) } else { d - Days::new(days.unsigned_abs()) }
}

/// The month before the reference's month ("im vergangenen Monat", "last month").
pub fn previous_month(reference: PartialDate) -> TimeValue {
    month_window_shift(reference, -1)
}

/// The month after the reference's month ("next month").
pub fn next_month(reference: PartialDate) -> TimeValue {
    month_window_shift(reference, 1)
}

fn month_window_shift(reference: PartialDate, by: i32) -> TimeValue {
    let shift = |d: NaiveDate| {
        let m = d.year() * 12 + d.month0() as i32 + by;
        (m.div_euclid(12), m.rem_euclid(12) as u32 + 1)
    };
    let (y1, m1) = shift(reference.first_day());
    let (y2, m2) = shift(reference.last_day());
    window_between(ymd(y1, m1, 1), last_of_month(y2, m2))
}

/// Which way from the reference a date without a year lies, by what its sentence tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    /// Told in a past tense ("visited in March"): on or before the reference.
    Past,
    /// Told as to come ("will visit in March"): on or after the reference.
    Coming,
    /// Nothing tells: nearest the reference (a report looks back or ahead a few weeks).
    Nearest,
}

impl Heading {
    /// Whether a span from `first` to `last` may lie this way from the reference.
    fn allows(self, reference: PartialDate, first: NaiveDate, last: NaiveDate) -> bool {
        match self {
            Heading::Past => first <= reference.last_day(),
            Heading::Coming => last >= reference.first_day(),
            Heading::Nearest => true,
        }
    }
}

/// A day and month without a year, placed in the year that brings it nearest to the reference
/// the way its sentence heads.
pub fn day_in_reference_year(reference: PartialDate, month: u32, day: u32, heading: Heading) -> Option<NaiveDate> {
    let middle = middle_of(reference);
    [reference.year() - 1, reference.year(), reference.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .filter(|&d| heading.allows(reference, d, d))
        .min_by_key(|d| (*d - middle).num_days().abs())
}

/// A month without a year, placed like [`day_in_reference_year`].
pub fn month_in_reference_year(reference: PartialDate, month: u32, heading: Heading) -> TimeValue {
    let middle = middle_of(reference);
    let year = [reference.year() - 1, reference.year(), reference.year() + 1]
        .into_iter()
        .filter(|&y| {
            let m = PartialDate::Month(y, month);
            heading.allows(reference, m.first_day(), m.last_day())
        })
        .min_by_key(|&y| (PartialDate::Month(y, month).first_day() - middle).num_days().abs())
        .unwrap_or(reference.year());
    PartialDate::Month(year, month).window()
}

fn middle_of(reference: PartialDate) -> NaiveDate {
    let (a, b) = (reference.first_day(), reference.last_day());
    a + Days::new(((b - a).num_days() / 2) as u64)
}

/// `YYYY-MM-DD`.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid calendar date")
}

fn last_of_month(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1) - Days::new(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(PartialDate::parse("2023"), Some(PartialDate::Year(2023)));
        assert_eq!(PartialDate::parse("2023-10"), Some(PartialDate::Month(2023, 10)));
        assert_eq!(PartialDate::parse("2023-10-18 12:00:00"), Some(PartialDate::Day(ymd(2023, 10, 18))));
        assert_eq!(PartialDate::parse("2023-13"), None);
        assert_eq!(PartialDate::parse("18.10.2023"), None);
    }

    #[test]
    fn wednesday_in_a_month_is_a_window() {
        let w = last_weekday(PartialDate::Month(2023, 10), Weekday::Wed);
        assert_eq!(w.bounds(), (ymd(2023, 9, 27), ymd(2023, 10, 25)));
        let d = last_weekday(PartialDate::Day(ymd(2023, 10, 19)), Weekday::Wed);
        assert_eq!(d, TimeValue::Day(ymd(2023, 10, 18)));
    }

    #[test]
    fn previous_month_keeps_month_precision() {
        let p = previous_month(PartialDate::Month(2023, 1));
        assert_eq!(p.edtf(), "2022-12");
        assert_eq!(p.bounds(), (ymd(2022, 12, 1), ymd(2022, 12, 31)));
    }

    #[test]
    fn dates_without_a_year_fall_nearest_the_reference() {
        let r = PartialDate::Day(ymd(2023, 2, 1));
        let near = Heading::Nearest;
        assert_eq!(day_in_reference_year(r, 12, 24, near), Some(ymd(2022, 12, 24)));
        assert_eq!(day_in_reference_year(r, 1, 7, near), Some(ymd(2023, 1, 7)));
        assert_eq!(day_in_reference_year(PartialDate::Day(ymd(2006, 6, 21)), 7, 10, near), Some(ymd(2006, 7, 10)));
        assert_eq!(day_in_reference_year(PartialDate::Month(2023, 10), 9, 7, near), Some(ymd(2023, 9, 7)));
    }

    #[test]
    fn a_past_or_coming_sentence_places_a_date_without_a_year_its_way() {
        let r = PartialDate::Day(ymd(2023, 10, 18));
        assert_eq!(month_in_reference_year(r, 3, Heading::Nearest).edtf(), "2024-03");
        assert_eq!(month_in_reference_year(r, 3, Heading::Past).edtf(), "2023-03");
        assert_eq!(month_in_reference_year(r, 5, Heading::Coming).edtf(), "2024-05");
        assert_eq!(month_in_reference_year(r, 10, Heading::Past).edtf(), "2023-10");
        assert_eq!(day_in_reference_year(r, 12, 24, Heading::Past), Some(ymd(2022, 12, 24)));
        assert_eq!(day_in_reference_year(r, 9, 1, Heading::Coming), Some(ymd(2024, 9, 1)));
    }

    #[test]
    fn weeks_are_calendar_weeks() {
        // 2005-06-06 is a Monday.
        let monday = PartialDate::Day(ymd(2005, 6, 6));
        assert_eq!(calendar_week(monday, 1).bounds(), (ymd(2005, 6, 13), ymd(2005, 6, 19)));
        assert_eq!(calendar_week(monday, -1).bounds(), (ymd(2005, 5, 30), ymd(2005, 6, 5)));
        let sunday = PartialDate::Day(ymd(2005, 6, 12));
        assert_eq!(calendar_week(sunday, 0).bounds(), (ymd(2005, 6, 6), ymd(2005, 6, 12)));
        assert_eq!(weekend(PartialDate::Day(ymd(2019, 8, 24)), 0).bounds(), (ymd(2019, 8, 24), ymd(2019, 8, 25)));
        assert_eq!(weekend(monday, -1).bounds(), (ymd(2005, 6, 4), ymd(2005, 6, 5)));
    }

    #[test]
    fn parts_of_a_month_are_thirds() {
        assert_eq!(part_of_month(2019, 7, 3).map(|t| t.bounds()), Some((ymd(2019, 7, 21), ymd(2019, 7, 31))));
        assert_eq!(part_of_month(2020, 2, 1).map(|t| t.bounds()), Some((ymd(2020, 2, 1), ymd(2020, 2, 10))));
        assert_eq!(part_of_month(2020, 2, 4), None);
    }

    #[test]
    fn shifts_keep_their_precision() {
        assert_eq!(days_from(&TimeValue::Day(ymd(2020, 12, 21)), -7), TimeValue::Day(ymd(2020, 12, 14)));
        assert_eq!(days_from(&TimeValue::Day(ymd(2018, 12, 31)), 1), TimeValue::Day(ymd(2019, 1, 1)));
        let r = PartialDate::Day(ymd(2020, 10, 12));
        assert_eq!(rest_of_month(r, false).bounds(), (ymd(2020, 10, 1), ymd(2020, 10, 12)));
        assert_eq!(rest_of_month(r, true).bounds(), (ymd(2020, 10, 12), ymd(2020, 10, 31)));
        assert_eq!(year_from(r, -1).edtf(), "2019");
    }
}
