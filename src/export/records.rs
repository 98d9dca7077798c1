//! The events of the article graphs read back as flat records (one per event, with its article,
//! actors, dates, claims and first evidence quote): what the tables, the network view and the
//! article view's labels are made from. Reads only triples, so every view counts exactly the
//! events the RDF holds.

use crate::graph::ArticleGraph;
use crate::time::PartialDate;
use crate::vocab::{KGX, kgx, oa, schema};
use oxrdf::vocab::{rdf, rdfs};
use oxrdf::{NamedOrBlankNode, Term, Triple};
use std::collections::{BTreeMap, BTreeSet};

/// The event classes, as local names in `kgx:` (a `kgx:Claim` is a statement, not one of them).
pub(crate) const EVENT_CLASSES: &[&str] = &["Event", "Invitation", "Meeting", "Shipment", "Visit"];

/// The role properties, in the order the tables list them: (property local name, column name).
pub(crate) const ROLES: &[(&str, &str)] = &[
    ("visitor", "visitor"),
    ("host", "host"),
    ("destination", "destination"),
    ("inviter", "inviter"),
    ("invitee", "invitee"),
    ("supplier", "supplier"),
    ("recipient", "recipient"),
    ("participant", "participant"),
    ("location", "location"),
    ("origin", "origin"),
    ("vesselFlag", "vessel_flag"),
];

/// What kind of actor a node is, for shapes and tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum ActorKind {
    /// A sovereign state.
    State,
    /// A natural person.
    Person,
    /// A group (`kgx:Group`).
    Group,
    /// An organisation, government, agency or intergovernmental organisation.
    Organisation,
    /// A place.
    Place,
}

impl ActorKind {
    /// The name used in tables and legends.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Person => "person",
            ActorKind::Group => "group",
            ActorKind::Organisation => "organisation",
            ActorKind::Place => "place",
        }
    }

    fn of(classes: &BTreeSet<String>) -> Option<ActorKind> {
        let has = |c: &str| classes.contains(c);
        if has("State") {
            Some(ActorKind::State)
        } else if has("Person") {
            Some(ActorKind::Person)
        } else if has("Group") {
            Some(ActorKind::Group)
        } else if ["Organization", "Government", "NewsAgency", "IntergovernmentalOrganization", "Actor"]
            .iter()
            .any(|c| has(c))
        {
            Some(ActorKind::Organisation)
        } else if has("Place") {
            Some(ActorKind::Place)
        } else {
            None
        }
    }
}

/// An actor or place, as described anywhere in the graphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Actor {
    /// Its IRI.
    pub iri: String,
    /// Its display label (English first), else the end of its IRI.
    pub label: String,
    /// Every label, for matching `--focus`.
    pub labels: Vec<String>,
    /// Its kind.
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-3 code of its own (a state) or of its `kgx:country`.
    pub country: Option<String>,
}

/// A claim about an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ClaimRecord {
    /// The claim's IRI.
    pub iri: String,
    /// `Affirms` or `Denies`.
    pub stance: String,
    /// Who makes it.
    pub speakers: Vec<String>,
    /// The sentence it comes from.
    pub evidence: Option<String>,
}

/// One event, flat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EventRecord {
    /// The event's IRI.
    pub iri: String,
    /// The article key.
    pub article: String,
    /// The article's URL.
    pub url: Option<String>,
    /// The article's headline.
    pub headline: Option<String>,
    /// The article's publication date as written (`YYYY[-MM[-DD]]`).
    pub published: Option<String>,
    /// The event classes (local names, sorted).
    pub classes: Vec<String>,
    /// `kgx:eventType` codes (`CAMEO:042`, `PLOVER:CONSULT`), sorted.
    pub codes: Vec<String>,
    /// The factuality concept's local name.
    pub factuality: String,
    /// `kgx:when` (EDTF).
    pub when: Option<String>,
    /// `kgx:startDate`.
    pub start: Option<String>,
    /// `kgx:endDate`.
    pub end: Option<String>,
    /// `kgx:earliestDate`.
    pub earliest: Option<String>,
    /// `kgx:latestDate`.
    pub latest: Option<String>,
    /// (role property, actor IRI), in the order of [`ROLES`], then by IRI.
    pub roles: Vec<(&'static str, String)>,
    /// Claims about it, in IRI order.
    pub claims: Vec<ClaimRecord>,
    /// The first evidence quote (earliest in the text).
    pub evidence: Option<String>,
    /// Its `kgx:Happening`, if linked.
    pub happening: Option<String>,
}

impl EventRecord {
    /// The main class: the first of Visit, Shipment, Invitation, Meeting, Event it has.
    pub(crate) fn class(&self) -> &str {
        ["Visit", "Shipment", "Invitation", "Meeting"]
            .into_iter()
            .find(|c| self.classes.iter().any(|x| x == c))
            .unwrap_or("Event")
    }

    /// The actors in one role.
    pub(crate) fn fillers<'a>(&'a self, role: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.roles.iter().filter(move |(r, _)| *r == role).map(|(_, iri)| iri.as_str())
    }

    /// The codes of one scheme without the prefix (`CAMEO`, `PLOVER`).
    pub(crate) fn codes_of(&self, scheme: &str) -> Vec<&str> {
        self.codes.iter().filter_map(|c| c.strip_prefix(scheme)?.strip_prefix(':')).collect()
    }

    /// The first and last day the event may cover: its own dates, else its article's
    /// publication date. `None` when neither is known.
    pub(crate) fn days(&self) -> Option<(String, String)> {
        let from = self.start.as_ref().or(self.earliest.as_ref());
        let to = self.end.as_ref().or(self.latest.as_ref());
        if let (Some(from), Some(to)) = (from, to) {
            return Some((from.clone(), to.clone()));
        }
        let published = PartialDate::parse(self.published.as_deref()?)?;
        Some((crate::time::iso(published.first_day()), crate::time::iso(published.last_day())))
    }
}

/// The events and actors of a set of article graphs.
#[derive(Debug, Default)]
pub(crate) struct Records {
    /// Every event, by article key, then by position in the text.
    pub events: Vec<EventRecord>,
    /// Every actor and place described, by IRI.
    pub actors: BTreeMap<String, Actor>,
}

impl Records {
    /// The label of an actor (the end of its IRI when it is not described).
    pub(crate) fn label<'a>(&'a self, iri: &'a str) -> &'a str {
        self.actors.get(iri).map_or_else(|| iri.rsplit('/').next().unwrap_or(iri), |a| a.label.as_str())
    }

    /// The ISO code of an actor's state.
    pub(crate) fn country(&self, iri: &str) -> Option<String> {
        self.actors.get(iri).and_then(|a| a.country.clone()).or_else(|| iso_of_state_iri(iri))
    }
}

/// Reads every event and actor of the graphs.
pub(crate) fn read(graphs: &[ArticleGraph]) -> Records {
    let mut records = Records::default();
    let mut countries: BTreeMap<String, String> = BTreeMap::new();
    let mut isos: BTreeMap<String, String> = BTreeMap::new();
    // Per actor: its classes and its labels (not English first).
    type Described = (BTreeSet<String>, Vec<(bool, String)>);
    let mut described: BTreeMap<String, Described> = BTreeMap::new();
    for g in graphs {
        let triples = g.all_triples();
        let by_subject = group(&triples);
        for (subject, ts) in &by_subject {
            let classes = classes(ts);
            if ActorKind::of(&classes).is_some() {
                let entry = described.entry(subject.to_string()).or_default();
                entry.0.extend(classes.iter().cloned());
                for t in ts.iter().filter(|t| t.predicate == rdfs::LABEL) {
                    if let Term::Literal(l) = &t.object {
                        entry.1.push((l.language().unwrap_or("") != "en", l.value().to_string()));
                    }
                }
                if let Some(iso) = literal(ts, kgx::ISO_CODE.as_str()) {
                    isos.insert(subject.to_string(), iso);
                }
                if let Some(country) = object(ts, kgx::COUNTRY.as_str()) {
                    countries.insert(subject.to_string(), country);
                }
            }
        }
        records.events.extend(read_article(g.key(), &by_subject));
    }
    for (iri, (classes, mut labels)) in described {
        labels.sort();
        labels.dedup();
        let kind = ActorKind::of(&classes).expect("only actors are described");
        let country = isos
            .get(&iri)
            .cloned()
            .or_else(|| countries.get(&iri).and_then(|c| isos.get(c).cloned().or_else(|| iso_of_state_iri(c))));
        let label =
            labels.first().map_or_else(|| iri.rsplit('/').next().unwrap_or(&iri).to_string(), |(_, l)| l.clone());
        let labels = labels.into_iter().map(|(_, l)| l).collect();
        records.actors.insert(iri.clone(), Actor { iri, label, labels, kind, country });
    }
    records
}

/// The events of one article, in text order.
fn read_article(article: &str, by_subject: &BTreeMap<&str, Vec<&Triple>>) -> Vec<EventRecord> {
    let quote = |mention: &str| -> Option<(u64, String)> {
        let start = by_subject
            .get(format!("{mention}#position").as_str())
            .and_then(|ts| literal(ts, oa::START.as_str()))
            .and_then(|s| s.parse().ok())
            .unwrap_or(u64::MAX);
        let exact = literal(by_subject.get(format!("{mention}#quote").as_str())?, oa::EXACT.as_str())?;
        Some((start, exact))
    };
    let first_quote = |ts: &[&Triple]| -> (u64, Option<String>) {
        objects(ts, kgx::EVIDENCE.as_str())
            .iter()
            .filter_map(|m| quote(m))
            .min()
            .map_or((u64::MAX, None), |(s, q)| (s, Some(q)))
    };
    let (mut url, mut headline, mut published) = (None, None, None);
    let mut claims: BTreeMap<String, Vec<ClaimRecord>> = BTreeMap::new();
    for (subject, ts) in by_subject {
        let classes = classes(ts);
        if classes.contains("Article") {
            url = object(ts, schema::URL.as_str());
            headline = literal(ts, schema::HEADLINE.as_str());
            published = literal(ts, schema::DATE_PUBLISHED.as_str());
        } else if classes.contains("Claim") {
            let Some(target) = object(ts, kgx::CLAIM_TARGET.as_str()) else { continue };
            claims.entry(target).or_default().push(ClaimRecord {
                iri: subject.to_string(),
                stance: object(ts, kgx::STANCE.as_str()).map(|s| local(&s).to_string()).unwrap_or_default(),
                speakers: objects(ts, kgx::SPEAKER.as_str()),
                evidence: first_quote(ts).1,
            });
        }
    }
    let mut events: Vec<(u64, EventRecord)> = Vec::new();
    for (subject, ts) in by_subject {
        let classes = classes(ts);
        if classes.contains("Claim") || !EVENT_CLASSES.iter().any(|c| classes.contains(*c)) {
            continue;
        }
        let mut roles = Vec::new();
        for (role, _) in ROLES {
            let mut fillers = objects(ts, &format!("{KGX}{role}"));
            fillers.sort();
            roles.extend(fillers.into_iter().map(|f| (*role, f)));
        }
        let mut codes: Vec<String> =
            ts.iter().filter(|t| t.predicate == kgx::EVENT_TYPE).filter_map(|t| literal_value(&t.object)).collect();
        codes.sort();
        let (position, evidence) = first_quote(ts);
        let record = EventRecord {
            iri: subject.to_string(),
            article: article.to_string(),
            url: url.clone(),
            headline: headline.clone(),
            published: published.clone(),
            classes: classes.into_iter().filter(|c| EVENT_CLASSES.contains(&c.as_str())).collect(),
            codes,
            factuality: object(ts, kgx::FACTUALITY.as_str()).map(|f| local(&f).to_string()).unwrap_or_default(),
            when: literal(ts, kgx::WHEN.as_str()),
            start: literal(ts, kgx::START_DATE.as_str()),
            end: literal(ts, kgx::END_DATE.as_str()),
            earliest: literal(ts, kgx::EARLIEST_DATE.as_str()),
            latest: literal(ts, kgx::LATEST_DATE.as_str()),
            roles,
            claims: claims.remove(*subject).unwrap_or_default(),
            evidence,
            happening: object(ts, kgx::HAPPENING_OF.as_str()),
        };
        events.push((position, record));
    }
    events.sort_by(|a, b| (a.0, &a.1.iri).cmp(&(b.0, &b.1.iri)));
    events.into_iter().map(|(_, e)| e).collect()
}

/// The triples of each named subject.
pub(crate) fn group(triples: &[Triple]) -> BTreeMap<&str, Vec<&Triple>> {
    let mut map: BTreeMap<&str, Vec<&Triple>> = BTreeMap::new();
    for t in triples {
        if let NamedOrBlankNode::NamedNode(n) = &t.subject {
            map.entry(n.as_str()).or_default().push(t);
        }
    }
    map
}

/// The `kgx:` classes of a subject, as local names.
fn classes(ts: &[&Triple]) -> BTreeSet<String> {
    ts.iter()
        .filter(|t| t.predicate == rdf::TYPE)
        .filter_map(|t| match &t.object {
            Term::NamedNode(n) => n.as_str().strip_prefix(KGX).map(str::to_string),
            _ => None,
        })
        .collect()
}

/// The end of a `kgx:` IRI (or of any IRI, after its last `#` or `/`).
pub(crate) fn local(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

fn literal_value(term: &Term) -> Option<String> {
    match term {
        Term::Literal(l) => Some(l.value().to_string()),
        _ => None,
    }
}

fn literal(ts: &[&Triple], predicate: &str) -> Option<String> {
    ts.iter().filter(|t| t.predicate.as_str() == predicate).find_map(|t| literal_value(&t.object))
}

fn objects(ts: &[&Triple], predicate: &str) -> Vec<String> {
    ts.iter()
        .filter(|t| t.predicate.as_str() == predicate)
        .filter_map(|t| match &t.object {
            Term::NamedNode(n) => Some(n.as_str().to_string()),
            _ => None,
        })
        .collect()
}

fn object(ts: &[&Triple], predicate: &str) -> Option<String> {
    objects(ts, predicate).into_iter().next()
}

/// `…/entity/state-prk` is North Korea's IRI: its code, when the state is not described.
fn iso_of_state_iri(iri: &str) -> Option<String> {
    let key = local(iri).strip_prefix("state-")?;
    (key.len() == 3 && key.bytes().all(|b| b.is_ascii_lowercase())).then(|| key.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Base;

    #[test]
    fn a_visit_is_read_back_with_its_roles_labels_countries_and_evidence() {
        let article =
            crate::article::parse_text("a.txt", "date: 2023-10-18\nlang: de\n\nLawrow besuchte Pjöngjang.").unwrap();
        let graph = crate::graph::build(&article, &crate::analyse(&article, None), &Base::default());
        let r = read(&[graph]);
        assert_eq!(r.events.len(), 1);
        let e = &r.events[0];
        assert_eq!(
            (e.class(), e.factuality.as_str(), e.published.as_deref()),
            ("Visit", "Asserted", Some("2023-10-18"))
        );
        assert_eq!(r.label(e.fillers("visitor").next().unwrap()), "Sergey Lavrov");
        let destination = e.fillers("destination").next().unwrap();
        assert_eq!((r.label(destination), r.country(destination).as_deref()), ("Pyongyang", Some("PRK")));
        assert_eq!(r.actors[destination].kind, ActorKind::Place);
        assert_eq!(e.evidence.as_deref(), Some("Lawrow besuchte Pjöngjang."));
        assert_eq!(e.codes_of("PLOVER"), vec!["CONSULT"]);
    }

    #[test]
    fn a_state_iri_names_its_code() {
        assert_eq!(iso_of_state_iri("https://w3id.org/kgexport/id/entity/state-prk").as_deref(), Some("PRK"));
        assert_eq!(iso_of_state_iri("https://w3id.org/kgexport/id/entity/person-kim"), None);
    }
}
