//! Graph: turns an extraction into sorted RDF triples. The only place that mints instance IRIs;
//! the ontology terms that model values map to are in `terms`, the key of a happening in `happening`,
//! the output order of triples in `order`.

use crate::article::Article;
use crate::model::{Claim, Entity, EntityId, EntityKind, Extraction, Span, Stance};
use crate::time::{TimeValue, iso};
use crate::vocab::{self, kgx, oa, prov, schema};
use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, Triple};
use std::collections::{BTreeMap, BTreeSet};

mod base;
mod happening;
mod order;
mod terms;
use base::is_web_address;
pub use base::{Base, BaseError};
use happening::happening_key;
pub use order::sort_triples;
use terms::{
    category_concept, category_slug, entity_class, event_class, event_codes, factuality_concept, position_concept,
    position_slug, role_property, transport_concept,
};

/// The triples extracted from one article: its own named graph, and the descriptions of the
/// shared actors it refers to, which belong in the one actors graph every article shares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleGraph {
    key: String,
    name: NamedNode,
    triples: Vec<Triple>,
    actors_name: NamedNode,
    actors: Vec<Triple>,
}

impl ArticleGraph {
    /// The article key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The graph name (`graph/{key}`).
    pub fn name(&self) -> &NamedNode {
        &self.name
    }

    /// The triples of the article's own graph, sorted and without duplicates.
    pub fn triples(&self) -> &[Triple] {
        &self.triples
    }

    /// The name of the graph that describes the actors of every article ([`actors_graph`]).
    pub fn actors_name(&self) -> &NamedNode {
        &self.actors_name
    }

    /// The descriptions (classes, labels, ISO code, country, `schema:sameAs`) of the actors the
    /// article refers to whose IRIs other articles share (curated and named ones), sorted and
    /// without duplicates: they go into the actors graph, merged with those of other articles.
    /// An actor local to the article is described in the article's own graph.
    pub fn actors(&self) -> &[Triple] {
        &self.actors
    }

    /// The article's triples and its actors' descriptions, sorted and without duplicates.
    pub fn all_triples(&self) -> Vec<Triple> {
        let mut all: Vec<Triple> = self.triples.iter().chain(&self.actors).cloned().collect();
        sort_triples(&mut all);
        all
    }
}

/// The name of the one graph that describes the shared actors of every article (`graph/actors`).
/// Article keys are hexadecimal, so no article graph has this name.
pub fn actors_graph(base: &Base) -> NamedNode {
    base.iri("graph", "actors")
}

/// Builds the graph of one article.
pub fn build(article: &Article, extraction: &Extraction, base: &Base) -> ArticleGraph {
    let key = article.key();
    let countries = extraction
        .entities
        .iter()
        .filter(|e| matches!(e.key, EntityId::Named { .. }) && !e.country_from_story)
        .filter_map(|e| Some((&e.key, e.country.as_deref()?)))
        .collect();
    let mut b = Builder {
        base,
        key: key.clone(),
        article,
        countries,
        triples: Vec::with_capacity(TRIPLES_AN_ARTICLE + TRIPLES_AN_EVENT * extraction.events.len()),
        actors: Vec::new(),
        mentions: BTreeSet::new(),
    };
    b.article(extraction);
    for entity in &extraction.entities {
        b.entity(entity);
    }
    let live: Vec<usize> = (0..extraction.events.len()).filter(|&i| extraction.events[i].is_live()).collect();
    for &i in &live {
        b.event(extraction, i);
    }
    for (i, claim) in extraction.claims.iter().enumerate() {
        b.claim(extraction, i, claim);
    }
    b.mentions();
    let (mut triples, mut actors) = (b.triples, b.actors);
    sort_triples(&mut triples);
    sort_triples(&mut actors);
    ArticleGraph { name: base.iri("graph", &key), key, triples, actors_name: actors_graph(base), actors }
}

/// About the triples an article makes besides its events and mentions, and an event makes: room
/// made at once, not grown into.
const TRIPLES_AN_ARTICLE: usize = 64;
const TRIPLES_AN_EVENT: usize = 24;

/// The triples each mention makes at most.
const TRIPLES_A_MENTION: usize = 12;

struct Builder<'a> {
    base: &'a Base,
    key: String,
    article: &'a Article,
    /// The countries of entities known by name, which their IRIs carry.
    countries: BTreeMap<&'a EntityId, &'a str>,
    triples: Vec<Triple>,
    /// The descriptions of shared actors, for the actors graph.
    actors: Vec<Triple>,
    mentions: BTreeSet<(usize, usize, usize)>,
}

impl Builder<'_> {
    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.triples.push(Triple::new(NamedOrBlankNode::NamedNode(s.clone()), p.into_owned(), o.into()));
    }

    /// Adds a triple that describes an entity: to the actors graph when other articles share the
    /// entity's IRI, else to the article's graph.
    fn describe(&mut self, id: &EntityId, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        let triple = Triple::new(NamedOrBlankNode::NamedNode(s.clone()), p.into_owned(), o.into());
        if id.is_shared() { self.actors.push(triple) } else { self.triples.push(triple) }
    }

    fn article_iri(&self) -> NamedNode {
        self.base.iri("article", &self.key)
    }

    fn article(&mut self, extraction: &Extraction) {
        let a = self.article_iri();
        let article = self.article;
        self.add(&a, rdf::TYPE, kgx::ARTICLE.into_owned());
        if let Some(id) = &article.id {
            self.add(&a, schema::IDENTIFIER, Literal::new_simple_literal(id));
        }
        if let Some(title) = &article.title {
            self.add(&a, schema::HEADLINE, Literal::new_simple_literal(title));
        }
        // Only a web address becomes an IRI: `javascript:`, `file:` or a broken address stays text.
        if let Some(url) = &article.url {
            match NamedNode::new(url.as_str()).ok().filter(|_| is_web_address(url)) {
                Some(iri) => self.add(&a, schema::URL, iri),
                None => self.add(&a, schema::URL, Literal::new_simple_literal(url)),
            }
        }
        self.add(&a, schema::IN_LANGUAGE, Literal::new_simple_literal(&extraction.lang));
        if let Some(date) = article.date {
            let datatype = match date {
                crate::time::PartialDate::Year(_) => xsd::G_YEAR,
                crate::time::PartialDate::Month(..) => xsd::G_YEAR_MONTH,
                crate::time::PartialDate::Day(_) => xsd::DATE,
            };
            self.add(&a, schema::DATE_PUBLISHED, Literal::new_typed_literal(date.to_string(), datatype));
        }
        self.add(&a, kgx::TEXT_SHA256, Literal::new_simple_literal(article.text_sha256()));
        let g = self.base.iri("graph", &self.key);
        self.add(&g, rdf::TYPE, kgx::ARTICLE_GRAPH.into_owned());
        self.add(&g, prov::WAS_DERIVED_FROM, a);
    }

    /// A curated entity's IRI is its gazetteer key; a local one's names the article too.
    fn entity_iri(&self, id: &EntityId) -> NamedNode {
        match id {
            EntityId::Known(key) => self.known_iri(key),
            EntityId::Named { class, slug } => {
                let country = self.countries.get(id).map(|c| format!("-{}", c.to_lowercase())).unwrap_or_default();
                self.base.iri("entity", &format!("named-{}{slug}{country}", class.prefix()))
            }
            EntityId::Local { .. } => self.base.iri("entity", &format!("local-{}-{}", self.key, local_part(id))),
        }
    }

    /// The IRI of a curated entity, by its gazetteer key.
    fn known_iri(&self, key: &str) -> NamedNode {
        self.base.iri("entity", key)
    }

    fn entity(&mut self, e: &Entity) {
        let s = self.entity_iri(&e.key);
        let id = &e.key;
        self.describe(id, &s, rdf::TYPE, entity_class(e.kind).into_owned());
        if e.kind == EntityKind::Igo {
            // Stated too, for consumers that do not reason over rdfs:subClassOf.
            self.describe(id, &s, rdf::TYPE, kgx::ORGANIZATION.into_owned());
        }
        for (tag, label) in &e.labels {
            if let Ok(l) = Literal::new_language_tagged_literal(label, tag) {
                self.describe(id, &s, rdfs::LABEL, l);
            }
        }
        if let Some(iso) = &e.iso {
            self.describe(id, &s, kgx::ISO_CODE, Literal::new_simple_literal(iso));
        }
        if let Some(country) = &e.country {
            let state = self.known_iri(&crate::gazetteer::state_key(country));
            // The story's state is what this article implies, never shared with other articles.
            if e.country_from_story {
                self.add(&s, kgx::COUNTRY, state)
            } else {
                self.describe(id, &s, kgx::COUNTRY, state)
            }
        }
        if let Some(qid) = &e.qid {
            let wikidata = NamedNode::new_unchecked(format!("http://www.wikidata.org/entity/{qid}"));
            self.describe(id, &s, schema::SAME_AS, wikidata);
        }
        // What the article says of the actor stays in its graph: where it is, that the article
        // mentions it, the first mention, the offices it holds as of the article's date.
        if let Some(near) = &e.near {
            let n = self.entity_iri(near);
            self.add(&s, kgx::NEAR, n);
        }
        if !e.mentions.is_empty() {
            let a = self.article_iri();
            self.add(&s, kgx::MENTIONED_IN, a);
        }
        // The first mention is the entity's evidence; its later mentions are in the event
        // sentences that use it. (Every mention would double the output for little gain.)
        if let Some(span) = e.mentions.iter().min() {
            let m = self.mention(*span);
            self.add(&s, kgx::EVIDENCE, m);
        }
        let slug = local_part(&e.key);
        for p in &e.positions {
            let of = p.of.clone().unwrap_or_default();
            let h = self
                .base
                .iri("position", &format!("{}-{slug}-{}-{}", self.key, position_slug(p.kind), of.to_lowercase()));
            self.add(&s, kgx::HOLDS, h.clone());
            self.add(&h, rdf::TYPE, kgx::POSITION_HOLDING.into_owned());
            self.add(&h, kgx::POSITION_TYPE, position_concept(p.kind).into_owned());
            if let Some(of) = &p.of {
                let target = if of.len() == 3 && of.chars().all(|c| c.is_ascii_uppercase()) {
                    crate::gazetteer::state_key(of)
                } else {
                    format!("org-{of}")
                };
                let t = self.known_iri(&target);
                self.add(&h, kgx::POSITION_IN, t);
            }
            if let Some(date) = self.article.date {
                let datatype = match date {
                    crate::time::PartialDate::Day(_) => xsd::DATE,
                    crate::time::PartialDate::Month(..) => xsd::G_YEAR_MONTH,
                    crate::time::PartialDate::Year(_) => xsd::G_YEAR,
                };
                self.add(&h, kgx::AS_OF, Literal::new_typed_literal(date.to_string(), datatype));
            }
        }
    }

    fn event_iri(&self, extraction: &Extraction, i: usize) -> NamedNode {
        let e = &extraction.events[i];
        let n = extraction.events[..i].iter().filter(|o| o.kind == e.kind && o.trigger == e.trigger).count();
        let suffix = if n == 0 { String::new() } else { format!("-{n}") };
        self.base.iri("event", &format!("{}-{}-{}{suffix}", self.key, e.kind.name().to_lowercase(), e.trigger.start))
    }

    fn event(&mut self, extraction: &Extraction, i: usize) {
        let e = &extraction.events[i];
        let s = self.event_iri(extraction, i);
        self.add(&s, rdf::TYPE, event_class(e.kind).into_owned());
        for kind in &e.also {
            self.add(&s, rdf::TYPE, event_class(*kind).into_owned());
        }
        self.add(&s, kgx::FACTUALITY, factuality_concept(e.factuality).into_owned());
        let a = self.article_iri();
        self.add(&s, kgx::APPEARS_IN, a);
        for code in event_codes(e) {
            self.add(&s, kgx::EVENT_TYPE, Literal::new_simple_literal(code));
        }
        for (role, key) in &e.roles {
            let o = self.entity_iri(key);
            self.add(&s, role_property(*role), o);
        }
        if let Some(t) = &e.time {
            self.time(&s, t);
        }
        for span in &e.evidence {
            let m = self.mention(*span);
            self.add(&s, kgx::EVIDENCE, m);
        }
        if let Some(mode) = e.transport {
            self.add(&s, kgx::TRANSPORT_MODE, transport_concept(mode).into_owned());
        }
        for category in &e.items {
            let m =
                self.base.iri("materiel", &format!("{}-{}-{}", self.key, e.trigger.start, category_slug(*category)));
            self.add(&s, kgx::ITEM, m.clone());
            self.add(&m, rdf::TYPE, kgx::MATERIEL.into_owned());
            self.add(&m, kgx::CATEGORY, category_concept(*category).into_owned());
        }
        if let Some(parent) = e.sub_event_of {
            let p = self.event_iri(extraction, parent);
            self.add(&s, kgx::SUB_EVENT_OF, p);
        }
        if let Some(target) = e.invited_to {
            let t = self.event_iri(extraction, target);
            self.add(&s, kgx::INVITED_TO, t);
        }
        if let Some(key) = happening_key(e, &extraction.entities) {
            let h = self.base.iri("happening", &key);
            self.add(&s, kgx::HAPPENING_OF, h.clone());
            self.add(&h, rdf::TYPE, kgx::HAPPENING.into_owned());
        }
    }

    fn time(&mut self, s: &NamedNode, t: &TimeValue) {
        self.add(s, kgx::WHEN, Literal::new_typed_literal(t.edtf(), vocab::EDTF));
        let date = |d| Literal::new_typed_literal(iso(d), xsd::DATE);
        match t {
            TimeValue::Day(d) => {
                self.add(s, kgx::START_DATE, date(*d));
                self.add(s, kgx::END_DATE, date(*d));
            }
            TimeValue::Span { start, end } => {
                self.add(s, kgx::START_DATE, date(*start));
                self.add(s, kgx::END_DATE, date(*end));
            }
            TimeValue::Window { earliest, latest, .. } => {
                self.add(s, kgx::EARLIEST_DATE, date(*earliest));
                self.add(s, kgx::LATEST_DATE, date(*latest));
            }
        }
    }

    fn claim(&mut self, extraction: &Extraction, i: usize, c: &Claim) {
        let target = self.event_iri(extraction, c.target);
        let s = self.claim_iri(extraction, i);
        self.add(&s, rdf::TYPE, kgx::CLAIM.into_owned());
        self.add(
            &s,
            kgx::STANCE,
            if c.stance == Stance::Affirms { kgx::AFFIRMS.into_owned() } else { kgx::DENIES.into_owned() },
        );
        self.add(&s, kgx::CLAIM_TARGET, target);
        self.add(&s, kgx::FACTUALITY, kgx::ASSERTED.into_owned());
        let a = self.article_iri();
        self.add(&s, kgx::APPEARS_IN, a);
        for speaker in &c.speakers {
            let sp = self.entity_iri(speaker);
            self.add(&s, kgx::SPEAKER, sp);
        }
        if let Some(r) = c.responds_to {
            let r = self.claim_iri(extraction, r);
            self.add(&s, kgx::RESPONDS_TO, r);
        }
        let m = self.mention(c.evidence);
        self.add(&s, kgx::EVIDENCE, m);
        // Denials are CAMEO 016 and accusations CAMEO 112; a plain report has no code.
        let codes: &[&str] = match (c.stance, c.accusation) {
            (Stance::Denies, _) => &["CAMEO:016"],
            (Stance::Affirms, true) => &["CAMEO:112", "PLOVER:ACCUSE"],
            (Stance::Affirms, false) => &[],
        };
        for code in codes {
            self.add(&s, kgx::EVENT_TYPE, Literal::new_simple_literal(*code));
        }
    }

    fn claim_iri(&self, extraction: &Extraction, i: usize) -> NamedNode {
        let c = &extraction.claims[i];
        let stance = if c.stance == Stance::Affirms { "affirms" } else { "denies" };
        let target = &extraction.events[c.target];
        self.base.iri(
            "claim",
            &format!(
                "{}-{}-{}-{}-{}",
                self.key,
                stance,
                target.kind.name().to_lowercase(),
                target.trigger.start,
                c.evidence.start
            ),
        )
    }

    fn mention(&mut self, span: Span) -> NamedNode {
        self.mentions.insert((span.start, span.end, span.sentence));
        self.mention_iri(span.start, span.end)
    }

    fn mention_iri(&self, start: usize, end: usize) -> NamedNode {
        self.base.iri("mention", &format!("{}-{start}-{end}", self.key))
    }

    /// Every mention used, with both Web Annotation selectors.
    fn mentions(&mut self) {
        let chars: Vec<char> = self.article.text.chars().collect();
        let a = self.article_iri();
        self.triples.reserve(TRIPLES_A_MENTION * self.mentions.len());
        for (start, end, sentence) in std::mem::take(&mut self.mentions) {
            let m = self.mention_iri(start, end);
            let slice =
                |from: usize, to: usize| chars[from.min(chars.len())..to.min(chars.len())].iter().collect::<String>();
            self.add(&m, rdf::TYPE, kgx::MENTION.into_owned());
            self.add(&m, oa::HAS_SOURCE, a.clone());
            self.add(
                &m,
                kgx::SENTENCE_INDEX,
                Literal::new_typed_literal(sentence.to_string(), xsd::NON_NEGATIVE_INTEGER),
            );
            let pos = NamedNode::new_unchecked(format!("{}#position", m.as_str()));
            let quote = NamedNode::new_unchecked(format!("{}#quote", m.as_str()));
            self.add(&m, oa::HAS_SELECTOR, pos.clone());
            self.add(&m, oa::HAS_SELECTOR, quote.clone());
            self.add(&pos, rdf::TYPE, oa::TEXT_POSITION_SELECTOR.into_owned());
            self.add(&pos, oa::START, Literal::new_typed_literal(start.to_string(), xsd::NON_NEGATIVE_INTEGER));
            self.add(&pos, oa::END, Literal::new_typed_literal(end.to_string(), xsd::NON_NEGATIVE_INTEGER));
            self.add(&quote, rdf::TYPE, oa::TEXT_QUOTE_SELECTOR.into_owned());
            self.add(&quote, oa::EXACT, Literal::new_simple_literal(slice(start, end)));
            let prefix = slice(start.saturating_sub(32), start);
            if !prefix.is_empty() {
                self.add(&quote, oa::PREFIX, Literal::new_simple_literal(prefix));
            }
            let suffix = slice(end, end + 32);
            if !suffix.is_empty() {
                self.add(&quote, oa::SUFFIX, Literal::new_simple_literal(suffix));
            }
        }
    }
}

/// An entity id without the `local-` of a local one: a gazetteer key, or the class prefix and slug.
fn local_part(id: &EntityId) -> String {
    match id {
        EntityId::Known(key) => key.clone(),
        EntityId::Named { class, slug } => format!("named-{}{slug}", class.prefix()),
        EntityId::Local { class, slug } => format!("{}{slug}", class.prefix()),
    }
}
