//! PLOVER-style JSON Lines (`-f plover`): one object per event with the PLOVER event fields as
//! far as they apply (`id`, `date`, `event_type`, `mode`, `context`, `actor`, `actor_country`,
//! `recipient`, `recipient_country`, `location`), then kgexport's own: class, codes, factuality,
//! dates, every role, claims, evidence and article. Fields in README.md.

use super::records::{EventRecord, ROLES, Records};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

#[derive(Serialize)]
struct ActorRef {
    label: String,
    iri: String,
    country: Option<String>,
}

#[derive(Serialize)]
struct ClaimOut {
    stance: String,
    speakers: Vec<ActorRef>,
    evidence: Option<String>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    key: &'a str,
    url: Option<&'a str>,
    headline: Option<&'a str>,
    published: Option<&'a str>,
}

#[derive(Serialize)]
struct PloverEvent<'a> {
    id: &'a str,
    date: Option<&'a str>,
    date_source: Option<&'static str>,
    event_type: Option<&'a str>,
    mode: Option<&'static str>,
    context: Vec<&'static str>,
    actor: Option<String>,
    actor_country: Option<String>,
    recipient: Option<String>,
    recipient_country: Option<String>,
    location: Option<String>,
    location_country: Option<String>,
    event_class: &'a str,
    also: Vec<&'a str>,
    cameo: Vec<&'a str>,
    factuality: &'a str,
    when: Option<&'a str>,
    start_date: Option<&'a str>,
    end_date: Option<&'a str>,
    earliest_date: Option<&'a str>,
    latest_date: Option<&'a str>,
    roles: BTreeMap<&'static str, Vec<ActorRef>>,
    claims: Vec<ClaimOut>,
    evidence: Option<&'a str>,
    happening: Option<&'a str>,
    article: ArticleOut<'a>,
}

/// The source and target roles of a class, PLOVER's actor and recipient.
fn sides(e: &EventRecord) -> (Vec<&str>, Vec<&str>) {
    match e.class() {
        "Visit" => {
            let hosts: Vec<&str> = e.fillers("host").collect();
            (e.fillers("visitor").collect(), if hosts.is_empty() { e.fillers("destination").collect() } else { hosts })
        }
        "Invitation" => (e.fillers("inviter").collect(), e.fillers("invitee").collect()),
        "Shipment" => (e.fillers("supplier").collect(), e.fillers("recipient").collect()),
        _ => {
            let mut all: Vec<&str> = e.fillers("participant").collect();
            let rest = if all.len() > 1 { all.split_off(1) } else { Vec::new() };
            (all, rest)
        }
    }
}

/// PLOVER's mode, where one follows from what kgexport knows.
fn mode(e: &EventRecord) -> Option<&'static str> {
    let cameo = e.codes_of("CAMEO");
    match e.class() {
        "Visit" if e.codes_of("PLOVER").contains(&"CONSULT") => Some("visit"),
        "Meeting" if e.fillers("participant").count() > 2 => Some("multilateral"),
        "Shipment" if cameo.contains(&"072") => Some("military"),
        "Shipment" if cameo.contains(&"073") => Some("humanitarian"),
        _ => None,
    }
}

/// PLOVER's context: diplomatic for visits, meetings and invitations; for shipments the kind of
/// goods.
fn context(e: &EventRecord) -> Vec<&'static str> {
    let cameo = e.codes_of("CAMEO");
    match e.class() {
        "Visit" | "Meeting" | "Invitation" => vec!["diplomatic"],
        "Shipment" if cameo.contains(&"072") => vec!["military"],
        "Shipment" if cameo.contains(&"073") => vec!["humanitarian"],
        "Shipment" => vec!["economic"],
        _ => vec![],
    }
}

fn joined(iris: &[&str], f: impl Fn(&str) -> Option<String>) -> Option<String> {
    let parts: Vec<String> = iris.iter().filter_map(|i| f(i)).collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Writes one JSON object per event and line.
pub(crate) fn write(records: &Records, out: &mut dyn Write) -> io::Result<()> {
    for e in &records.events {
        let actor_ref = |iri: &str| ActorRef {
            label: records.label(iri).to_string(),
            iri: iri.to_string(),
            country: records.country(iri),
        };
        let (actor, recipient) = sides(e);
        let location: Vec<&str> = e.fillers("location").collect();
        let label = |i: &str| Some(records.label(i).to_string());
        let country = |i: &str| records.country(i);
        let (date, date_source) = match (&e.start, &e.published) {
            (Some(d), _) => (Some(d.as_str()), Some("event")),
            (None, Some(p)) => (Some(p.as_str()), Some("article")),
            (None, None) => (None, None),
        };
        let class = e.class();
        let record = PloverEvent {
            id: &e.iri,
            date,
            date_source,
            event_type: e.codes_of("PLOVER").first().copied(),
            mode: mode(e),
            context: context(e),
            actor: joined(&actor, label),
            actor_country: joined(&actor, country),
            recipient: joined(&recipient, label),
            recipient_country: joined(&recipient, country),
            location: joined(&location, label),
            location_country: joined(&location, country),
            event_class: class,
            also: e.classes.iter().map(String::as_str).filter(|c| *c != class).collect(),
            cameo: e.codes_of("CAMEO"),
            factuality: &e.factuality,
            when: e.when.as_deref(),
            start_date: e.start.as_deref(),
            end_date: e.end.as_deref(),
            earliest_date: e.earliest.as_deref(),
            latest_date: e.latest.as_deref(),
            roles: ROLES
                .iter()
                .map(|(role, column)| (*column, e.fillers(role).map(actor_ref).collect::<Vec<_>>()))
                .filter(|(_, v)| !v.is_empty())
                .collect(),
            claims: e
                .claims
                .iter()
                .map(|c| ClaimOut {
                    stance: c.stance.clone(),
                    speakers: c.speakers.iter().map(|s| actor_ref(s)).collect(),
                    evidence: c.evidence.clone(),
                })
                .collect(),
            evidence: e.evidence.as_deref(),
            happening: e.happening.as_deref(),
            article: ArticleOut {
                key: &e.article,
                url: e.url.as_deref(),
                headline: e.headline.as_deref(),
                published: e.published.as_deref(),
            },
        };
        serde_json::to_writer(&mut *out, &record).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
