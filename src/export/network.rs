//! The actor network: the events of every article aggregated into one edge per pair of actors
//! and event class (visit: visitor → host, else destination; meeting: between participants;
//! invitation: inviter → invitee; shipment: supplier → recipient), with counts, factualities,
//! articles and the first evidence quote. Drawn by the DOT network view and written as GraphML.

use super::Options;
use super::records::{ActorKind, EventRecord, Records};
use crate::time::iso;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::io;

/// An actor in the network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Node {
    /// Its IRI.
    pub iri: String,
    /// Its label.
    pub label: String,
    /// Its kind (state, person, group, organisation, place).
    pub kind: ActorKind,
    /// ISO code of its state.
    pub country: Option<String>,
    /// Events it takes part in (through the edges drawn).
    pub events: usize,
}

/// Every event of one class between two actors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Edge {
    /// Index of the source node.
    pub from: usize,
    /// Index of the target node.
    pub to: usize,
    /// The event class (`Visit`, `Meeting`, `Invitation`, `Shipment`).
    pub class: &'static str,
    /// False for meetings, which have no direction.
    pub directed: bool,
    /// The events' IRIs, sorted.
    pub events: Vec<String>,
    /// Events per factuality.
    pub factualities: BTreeMap<String, usize>,
    /// The keys of the articles that report them.
    pub articles: BTreeSet<String>,
    /// The first evidence quote (first article by key, first in its text).
    pub evidence: Option<String>,
}

impl Edge {
    /// How many events the edge stands for.
    pub(crate) fn count(&self) -> usize {
        self.events.len()
    }

    /// The factuality most of its events have; a tie goes to the less certain one (the later in
    /// [`FACTUALITY_ORDER`]).
    pub(crate) fn majority(&self) -> &str {
        let rank = |f: &str| FACTUALITY_ORDER.iter().position(|x| *x == f).unwrap_or(FACTUALITY_ORDER.len());
        self.factualities.iter().max_by_key(|(f, n)| (**n, rank(f))).map_or("Asserted", |(f, _)| f.as_str())
    }

    /// `Asserted 2, Planned 1`.
    pub(crate) fn split(&self) -> String {
        self.factualities.iter().map(|(f, n)| format!("{f} {n}")).collect::<Vec<_>>().join(", ")
    }
}

/// Factualities from the most to the least certain.
pub(crate) const FACTUALITY_ORDER: &[&str] =
    &["Asserted", "Reported", "Planned", "Hypothetical", "Disputed", "Denied", "Cancelled", "Refused"];

/// The aggregated network.
#[derive(Clone, Debug, Default)]
pub(crate) struct Network {
    /// Actors, by IRI.
    pub nodes: Vec<Node>,
    /// Edges, by source IRI, target IRI and class.
    pub edges: Vec<Edge>,
    /// Events read (inside the time window, if any).
    pub events: usize,
    /// Events that gave at least one edge of the network drawn.
    pub events_drawn: usize,
    /// Articles read.
    pub articles: usize,
    /// What was asked for: the window and the focus, for the title.
    pub scope: String,
}

/// The pairs an event links: (class, from, to, directed).
fn pairs(e: &EventRecord) -> Vec<(&'static str, String, String, bool)> {
    let mut out = Vec::new();
    let cross = |out: &mut Vec<_>, class: &'static str, from: Vec<&str>, to: Vec<&str>| {
        for a in &from {
            for b in &to {
                if a != b {
                    out.push((class, a.to_string(), b.to_string(), true));
                }
            }
        }
    };
    for class in &e.classes {
        match class.as_str() {
            "Visit" => {
                let hosts: Vec<&str> = e.fillers("host").collect();
                let to = if hosts.is_empty() { e.fillers("destination").collect() } else { hosts };
                cross(&mut out, "Visit", e.fillers("visitor").collect(), to);
            }
            "Invitation" => {
                cross(&mut out, "Invitation", e.fillers("inviter").collect(), e.fillers("invitee").collect())
            }
            "Shipment" => {
                cross(&mut out, "Shipment", e.fillers("supplier").collect(), e.fillers("recipient").collect())
            }
            "Meeting" => {
                let people: Vec<&str> = e.fillers("participant").collect();
                for (i, a) in people.iter().enumerate() {
                    for b in &people[i + 1..] {
                        let (a, b) = if a < b { (a, b) } else { (b, a) };
                        if a != b {
                            out.push(("Meeting", a.to_string(), b.to_string(), false));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Aggregates the events into the network, keeping the time window and the ego network asked for.
///
/// # Errors
/// When `--focus` names no actor of the network.
pub(crate) fn build(records: &Records, options: &Options) -> io::Result<Network> {
    let window = (options.since.map(|d| iso(d.first_day())), options.until.map(|d| iso(d.last_day())));
    let in_window = |e: &EventRecord| -> bool {
        if window.0.is_none() && window.1.is_none() {
            return true;
        }
        let Some((from, to)) = e.days() else { return false };
        window.0.as_ref().is_none_or(|lo| to >= *lo) && window.1.as_ref().is_none_or(|hi| from <= *hi)
    };
    type Key = (String, String, &'static str);
    let mut edges: BTreeMap<Key, (bool, Vec<&EventRecord>)> = BTreeMap::new();
    let mut network = Network {
        articles: records.events.iter().map(|e| &e.article).collect::<BTreeSet<_>>().len(),
        ..Network::default()
    };
    for e in records.events.iter().filter(|e| in_window(e)) {
        network.events += 1;
        for (class, from, to, directed) in pairs(e) {
            edges.entry((from, to, class)).or_insert((directed, Vec::new())).1.push(e);
        }
    }
    let mut keep: Option<BTreeSet<&str>> = None;
    if let Some(focus) = &options.focus {
        // The actors with this IRI or label; failing that, those whose label holds the text.
        let wanted = focus.to_lowercase();
        let mut neighbours: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (a, b, _) in edges.keys() {
            neighbours.entry(a).or_default().insert(b);
            neighbours.entry(b).or_default().insert(a);
        }
        let in_network = |iri: &str| neighbours.contains_key(iri);
        let matching = |loose: bool| -> Vec<&str> {
            records
                .actors
                .values()
                .filter(|a| {
                    a.iri == *focus
                        || (focus.contains('/') && a.iri.ends_with(&format!("/{}", focus.trim_start_matches('/'))))
                        || a.labels.iter().any(|l| {
                            let l = l.to_lowercase();
                            l == wanted || (loose && l.contains(&wanted))
                        })
                })
                .map(|a| a.iri.as_str())
                .filter(|iri| in_network(iri))
                .collect()
        };
        let exact = matching(false);
        let seeds = if exact.is_empty() { matching(true) } else { exact };
        if seeds.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("--focus {focus:?}: no actor of the network has this IRI or label"),
            ));
        }
        let mut near: BTreeMap<&str, usize> = seeds.iter().map(|s| (*s, 0)).collect();
        let mut queue: VecDeque<&str> = seeds.into_iter().collect();
        while let Some(n) = queue.pop_front() {
            let d = near[n];
            if d >= options.depth.unwrap_or(1) {
                continue;
            }
            for &other in neighbours.get(n).into_iter().flatten() {
                if !near.contains_key(other) {
                    near.insert(other, d + 1);
                    queue.push_back(other);
                }
            }
        }
        keep = Some(near.into_keys().collect());
    }
    let kept = |iri: &str| keep.as_ref().is_none_or(|k| k.contains(iri));
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut iris: BTreeSet<&str> = BTreeSet::new();
    for (a, b, _) in edges.keys().filter(|(a, b, _)| kept(a) && kept(b)) {
        iris.insert(a);
        iris.insert(b);
    }
    for iri in iris {
        index.insert(iri, network.nodes.len());
        let actor = records.actors.get(iri);
        network.nodes.push(Node {
            iri: iri.to_string(),
            label: records.label(iri).to_string(),
            kind: actor.map_or(ActorKind::Organisation, |a| a.kind),
            country: records.country(iri),
            events: 0,
        });
    }
    let mut drawn: BTreeSet<&str> = BTreeSet::new();
    let mut per_node: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); network.nodes.len()];
    for ((a, b, class), (directed, events)) in &edges {
        let (Some(&from), Some(&to)) = (index.get(a.as_str()), index.get(b.as_str())) else { continue };
        let mut edge = Edge {
            from,
            to,
            class,
            directed: *directed,
            events: Vec::new(),
            factualities: BTreeMap::new(),
            articles: BTreeSet::new(),
            evidence: None,
        };
        for e in events {
            edge.events.push(e.iri.clone());
            *edge.factualities.entry(e.factuality.clone()).or_default() += 1;
            edge.articles.insert(e.article.clone());
            if edge.evidence.is_none() {
                edge.evidence = e.evidence.clone();
            }
            drawn.insert(&e.iri);
            per_node[from].insert(&e.iri);
            per_node[to].insert(&e.iri);
        }
        edge.events.sort();
        edge.events.dedup();
        network.edges.push(edge);
    }
    for (node, events) in network.nodes.iter_mut().zip(per_node) {
        node.events = events.len();
    }
    network.events_drawn = drawn.len();
    let mut scope = Vec::new();
    if let Some(focus) = &options.focus {
        scope.push(format!("around {focus} (depth {})", options.depth.unwrap_or(1)));
    }
    match (&options.since, &options.until) {
        (Some(s), Some(u)) => scope.push(format!("{s} to {u}")),
        (Some(s), None) => scope.push(format!("from {s}")),
        (None, Some(u)) => scope.push(format!("until {u}")),
        (None, None) => {}
    }
    network.scope = scope.join(", ");
    Ok(network)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(iri: &str, classes: &[&str], roles: &[(&'static str, &str)], factuality: &str) -> EventRecord {
        EventRecord {
            iri: iri.into(),
            article: "a1".into(),
            url: None,
            headline: None,
            published: Some("2023-10".into()),
            classes: classes.iter().map(|c| c.to_string()).collect(),
            codes: vec![],
            factuality: factuality.into(),
            when: None,
            start: None,
            end: None,
            earliest: None,
            latest: None,
            roles: roles.iter().map(|(r, a)| (*r, a.to_string())).collect(),
            claims: vec![],
            evidence: Some(format!("quote of {iri}")),
            happening: None,
        }
    }

    fn records(events: Vec<EventRecord>) -> Records {
        Records { events, actors: BTreeMap::new() }
    }

    #[test]
    fn a_visit_goes_to_its_host_before_its_destination() {
        let e = event("v", &["Visit"], &[("visitor", "x/a"), ("host", "x/b"), ("destination", "x/c")], "Asserted");
        assert_eq!(pairs(&e), vec![("Visit", "x/a".into(), "x/b".into(), true)]);
        let e = event("v", &["Visit"], &[("visitor", "x/a"), ("destination", "x/c")], "Asserted");
        assert_eq!(pairs(&e), vec![("Visit", "x/a".into(), "x/c".into(), true)]);
    }

    #[test]
    fn a_meeting_links_every_pair_of_participants_once_without_direction() {
        let e = event("m", &["Meeting"], &[("participant", "x/c"), ("participant", "x/a"), ("participant", "x/b")], "");
        let got: Vec<(String, String)> =
            pairs(&e).into_iter().map(|(_, a, b, d)| (a, b, d)).filter(|t| !t.2).map(|(a, b, _)| (a, b)).collect();
        assert_eq!(got, vec![("x/a".into(), "x/b".into()), ("x/a".into(), "x/c".into()), ("x/b".into(), "x/c".into())]);
    }

    #[test]
    fn edges_count_events_and_take_the_majority_factuality() {
        let r = records(vec![
            event("e1", &["Shipment"], &[("supplier", "x/a"), ("recipient", "x/b")], "Disputed"),
            event("e2", &["Shipment"], &[("supplier", "x/a"), ("recipient", "x/b")], "Asserted"),
            event("e3", &["Shipment"], &[("supplier", "x/a"), ("recipient", "x/b")], "Disputed"),
            event("e4", &["Visit"], &[("visitor", "x/a"), ("destination", "x/c")], "Planned"),
        ]);
        let n = build(&r, &Options::default()).unwrap();
        assert_eq!((n.nodes.len(), n.edges.len(), n.events, n.events_drawn), (3, 2, 4, 4));
        let shipment = n.edges.iter().find(|e| e.class == "Shipment").unwrap();
        assert_eq!((shipment.count(), shipment.majority()), (3, "Disputed"));
        assert_eq!(shipment.evidence.as_deref(), Some("quote of e1"));
    }

    #[test]
    fn a_tie_goes_to_the_less_certain_factuality() {
        let r = records(vec![
            event("e1", &["Visit"], &[("visitor", "x/a"), ("host", "x/b")], "Asserted"),
            event("e2", &["Visit"], &[("visitor", "x/a"), ("host", "x/b")], "Cancelled"),
        ]);
        assert_eq!(build(&r, &Options::default()).unwrap().edges[0].majority(), "Cancelled");
    }

    #[test]
    fn focus_and_depth_keep_the_ego_network_and_a_window_keeps_its_events() {
        let mut late = event("e3", &["Visit"], &[("visitor", "x/c"), ("host", "x/d")], "Asserted");
        late.published = Some("2024-01-05".into());
        let r = Records {
            events: vec![
                event("e1", &["Visit"], &[("visitor", "x/a"), ("host", "x/b")], "Asserted"),
                event("e2", &["Visit"], &[("visitor", "x/b"), ("host", "x/c")], "Asserted"),
                late,
            ],
            actors: ["a", "b", "c", "d"]
                .iter()
                .map(|k| {
                    let iri = format!("x/{k}");
                    let a = super::super::records::Actor {
                        iri: iri.clone(),
                        label: k.to_uppercase(),
                        labels: vec![k.to_uppercase()],
                        kind: ActorKind::Person,
                        country: None,
                    };
                    (iri, a)
                })
                .collect(),
        };
        let focus = |f: &str, depth| Options { focus: Some(f.into()), depth: Some(depth), ..Options::default() };
        assert_eq!(build(&r, &focus("a", 1)).unwrap().nodes.len(), 2);
        assert_eq!(build(&r, &focus("A", 2)).unwrap().nodes.len(), 3);
        assert_eq!(build(&r, &focus("x/a", 3)).unwrap().nodes.len(), 4);
        assert_eq!(build(&r, &focus("d", 1)).unwrap().nodes.len(), 2, "a label, whatever its case");
        assert!(build(&r, &focus("nobody", 1)).is_err());
        let window = Options {
            since: crate::time::PartialDate::parse("2024"),
            until: crate::time::PartialDate::parse("2024-01-31"),
            ..Options::default()
        };
        let n = build(&r, &window).unwrap();
        assert_eq!((n.events, n.edges.len(), n.nodes[0].label.as_str()), (1, 1, "C"));
    }
}
