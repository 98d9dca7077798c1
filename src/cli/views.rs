//! The options of the DOT views and the network formats (`--view`, `--focus`, `--depth`,
//! `--since`, `--until`).

use kgexport::export::{Options, View};
use kgexport::time::PartialDate;

/// How the DOT and GraphML outputs draw the graph.
#[derive(Debug, clap::Args)]
pub struct ViewArgs {
    /// DOT view: `article` (one cluster per article; the default up to 100 articles with events)
    /// or `network` (actors and who dealt with whom, across articles; the default beyond).
    #[arg(long, value_name = "VIEW", value_parser = parse_view)]
    pub view: Option<View>,

    /// Network view and GraphML: only the actors within --depth links of this one: its IRI,
    /// relative IRI (entity/state-rus) or label, else every actor whose label holds the text.
    #[arg(long, value_name = "ACTOR")]
    pub focus: Option<String>,

    /// Links from the --focus actor (default 1).
    #[arg(long, value_name = "N", requires = "focus")]
    pub depth: Option<usize>,

    /// Network view and GraphML: only events that may fall on or after this date, YYYY[-MM[-DD]]
    /// (an event without a date of its own counts at its article's publication date).
    #[arg(long, value_name = "DATE", value_parser = super::values::parse_date)]
    pub since: Option<PartialDate>,

    /// Network view and GraphML: only events that may fall on or before this date.
    #[arg(long, value_name = "DATE", value_parser = super::values::parse_date)]
    pub until: Option<PartialDate>,
}

impl ViewArgs {
    /// The exporters' options; an error when they contradict each other.
    pub fn options(&self) -> Result<Options, String> {
        let narrows = self.focus.is_some() || self.since.is_some() || self.until.is_some();
        if self.view == Some(View::Article) && narrows {
            return Err("--focus, --since and --until draw the network view; drop --view article".into());
        }
        if let (Some(since), Some(until)) = (self.since, self.until)
            && since.first_day() > until.last_day()
        {
            return Err(format!("--since {since} is after --until {until}"));
        }
        Ok(Options {
            view: self.view,
            focus: self.focus.clone(),
            depth: self.depth,
            since: self.since,
            until: self.until,
        })
    }
}

fn parse_view(text: &str) -> Result<View, String> {
    View::parse(text).ok_or_else(|| format!("unknown view {text:?} (expected network or article)"))
}
