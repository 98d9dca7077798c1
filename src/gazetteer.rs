//! The gazetteer: states, places, governments, agencies, organisations, people and titles,
//! loaded from the TSV files in `data/gazetteer/` (compiled in) and indexed for matching.

use crate::article::Lang;
use crate::lang::{CaselessSieve, Sieve};
use crate::model::{EntityKind, PositionType};
use crate::text;
use chrono::NaiveDate;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

mod tables;

pub use tables::{Additions, GazetteerError, Origin, Table};

/// One curated entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Shared identity, also the IRI slug (`state-prk`, `person-sergey-lavrov`).
    pub key: String,
    /// What it is.
    pub kind: EntityKind,
    /// German label.
    pub label_de: String,
    /// English label.
    pub label_en: String,
    /// Its own ISO-3 code (states).
    pub iso: Option<String>,
    /// The state it belongs to.
    pub country: Option<String>,
    /// Curated Wikidata id.
    pub qid: Option<String>,
}

impl Entry {
    /// The state it is (its own ISO-3 code) or belongs to.
    pub fn state(&self) -> Option<&str> {
        self.iso.as_deref().or(self.country.as_deref())
    }

    /// A curated entity that is not a state: no ISO code, no verified QID.
    fn named(key: String, kind: EntityKind, label_de: &str, label_en: &str, country: Option<String>) -> Entry {
        Entry { key, kind, label_de: label_de.into(), label_en: label_en.into(), iso: None, country, qid: None }
    }
}

/// An office held from one day to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tenure {
    /// Index of the person in `entries`.
    pub person: usize,
    /// The office.
    pub position: PositionType,
    /// State (ISO-3) or organisation key.
    pub of: String,
    /// First day.
    pub from: NaiveDate,
    /// Last day, if it ended.
    pub to: Option<NaiveDate>,
}

/// A title word ("Außenminister") and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    /// The office.
    pub position: PositionType,
    /// The state the title itself implies ("Bundeskanzler" → DEU).
    pub iso: Option<String>,
}

/// All curated knowledge, indexed.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Every entry.
    pub entries: Vec<Entry>,
    /// Offices held.
    pub tenures: Vec<Tenure>,
    /// Full forms, by first token: (tokens, entry index).
    forms: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// Surname forms (one token) to person entries.
    surnames: HashMap<String, Vec<usize>>,
    /// Demonyms, by first lower-case token: (lower-case tokens, ISO-3).
    demonyms: HashMap<String, Vec<(Vec<String>, String)>>,
    /// Title forms, by first token: (tokens, title).
    titles: HashMap<String, Vec<(Vec<String>, Title)>>,
    /// Keys of capital cities, which stand for their state's government ("Moscow denied").
    capitals: HashSet<String>,
    /// Given names that start a person's name.
    given_names: HashSet<String>,
    /// ISO-3 to the state's entry.
    states: HashMap<String, usize>,
    /// Sieves of the first tokens of the forms, demonyms and titles: most words open none.
    sieves: Sieves,
    /// ISO-3 → the last words (lower case) of the forms of the state's government bodies, each
    /// with its entry.
    governments: HashMap<String, Vec<(String, usize)>>,
}

/// Sieves of the first tokens the gazetteer's forms, demonyms and titles are looked up by (the
/// last two also in lower case).
#[derive(Debug, Default)]
struct Sieves {
    forms: Sieve,
    demonyms: CaselessSieve,
    titles: CaselessSieve,
}

/// A match of a gazetteer form in a token sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormMatch {
    /// Entry index.
    pub entry: usize,
    /// Number of tokens matched.
    pub len: usize,
}

static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();

/// The gazetteer: the built-in data, with the user's additions when [`install`] ran first.
pub fn get() -> &'static Gazetteer {
    GAZETTEER.get_or_init(|| Gazetteer::load(&Additions::default()).expect("the built-in gazetteer is valid"))
}

/// Makes the gazetteer the built-in data with `additions` merged over it; call it once, before
/// any article is read. Fails on a row that names an unknown state, person, office or date form.
pub fn install(additions: &Additions) -> Result<(), GazetteerError> {
    let gazetteer = Gazetteer::load(additions)?;
    GAZETTEER.set(gazetteer).map_err(|_| GazetteerError {
        file: String::new(),
        line: 0,
        message: "the gazetteer was read before the additions were installed".into(),
    })
}

fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn opt(cell: &str) -> Option<String> {
    let cell = cell.trim();
    (!cell.is_empty()).then(|| cell.to_string())
}

fn tokens_of(form: &str) -> Vec<String> {
    // The words are kept for the whole run: collected in place into the tokens' buffer, they
    // would keep its room for several tokens too.
    let mut words: Vec<String> =
        text::tokenize(form, crate::lang::rules(Lang::De)).into_iter().map(|t| t.text).collect();
    words.shrink_to_fit();
    words
}

/// The entity key of the state with this ISO-3 code.
pub fn state_key(iso: &str) -> String {
    format!("state-{}", iso.to_lowercase())
}

impl Gazetteer {
    /// The built-in tables with `additions` merged over them.
    fn load(additions: &Additions) -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer::default();
        for (c, origin) in additions.rows(Table::States) {
            let iso = c[0].to_string();
            let index = g.push(
                Entry {
                    key: state_key(&iso),
                    kind: EntityKind::State,
                    label_de: c[2].into(),
                    label_en: c[3].into(),
                    iso: Some(iso.clone()),
                    country: None,
                    qid: opt(c[1]),
                },
                c[4],
            );
            g.states.insert(iso.clone(), index);
            for stem in list(c[5]) {
                for ending in ["", "e", "en", "er", "es", "em"] {
                    g.add_demonym(&format!("{stem}{ending}"), &iso);
                }
            }
            for form in list(c[6]) {
                g.add_demonym(form, &iso);
            }
            check(origin, !c[2].trim().is_empty() && !c[3].trim().is_empty(), || "a state needs both labels".into())?;
        }
        for (c, origin) in additions.rows(Table::Regions) {
            let country = g.country(c[3], origin)?;
            g.push(Entry::named(format!("region-{}", c[0]), EntityKind::Place, c[1], c[2], country), c[4]);
        }
        for (c, origin) in additions.rows(Table::Cities) {
            let country = g.country(c[3], origin)?;
            check(origin, matches!(c[5], "yes" | "no"), || format!("capital must be yes or no, not {:?}", c[5]))?;
            if c[5] == "yes" {
                g.capitals.insert(format!("place-{}", c[0]));
            }
            g.push(Entry::named(format!("place-{}", c[0]), EntityKind::Place, c[1], c[2], country), c[4]);
        }
        for (c, origin) in additions.rows(Table::Governments) {
            let country = g.country(c[3], origin)?;
            g.push(Entry::named(format!("gov-{}", c[0]), EntityKind::Government, c[1], c[2], country), c[4]);
        }
        for (c, origin) in additions.rows(Table::Agencies) {
            let country = g.country(c[2], origin)?;
            g.push(Entry::named(format!("agency-{}", c[0]), EntityKind::NewsAgency, c[1], c[1], country), c[3]);
        }
        for (c, _) in additions.rows(Table::Organizations) {
            g.push(Entry::named(format!("org-{}", c[0]), EntityKind::Igo, c[1], c[2], None), c[3]);
        }
        for (c, _) in additions.rows(Table::Groups) {
            g.push(Entry::named(format!("group-{}", c[0]), EntityKind::Organization, c[1], c[2], None), c[3]);
        }
        for (c, origin) in additions.rows(Table::Parties) {
            let country = g.country(c[3], origin)?;
            g.push(Entry::named(format!("party-{}", c[0]), EntityKind::Organization, c[1], c[2], country), c[4]);
        }
        let mut person_index = HashMap::default();
        for (c, origin) in additions.rows(Table::Persons) {
            let country = g.country(c[3], origin)?;
            let index = g.push(Entry::named(format!("person-{}", c[0]), EntityKind::Person, c[1], c[2], country), c[4]);
            for surname in list(c[5]) {
                g.surnames.entry(surname.to_string()).or_default().push(index);
            }
            person_index.insert(c[0].to_string(), index);
        }
        for (c, origin) in additions.rows(Table::Positions) {
            let person = person_index.get(c[0]).copied();
            check(origin, person.is_some(), || format!("unknown person {:?} (not in persons.tsv)", c[0]))?;
            let position = parse_position(c[1]);
            check(origin, position.is_some(), || format!("unknown position {:?}; use one of {POSITIONS}", c[1]))?;
            let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            let from = day(c[3]);
            check(origin, from.is_some(), || format!("bad date {:?}: write YYYY-MM-DD", c[3]))?;
            check(origin, c[4].is_empty() || day(c[4]).is_some(), || format!("bad date {:?}: write YYYY-MM-DD", c[4]))?;
            let of = c[2].to_string();
            check(origin, origin.is_none() || g.state(&of).is_some() || g.by_key(&of).is_some(), || {
                format!("unknown state or body {of:?}")
            })?;
            if let (Some(person), Some(position), Some(from)) = (person, position, from) {
                g.tenures.push(Tenure { person, position, of, from, to: day(c[4]) });
            }
        }
        for (c, origin) in additions.rows(Table::Titles) {
            let position = parse_position(c[2]);
            check(origin, position.is_some(), || format!("unknown position {:?}; use one of {POSITIONS}", c[2]))?;
            let iso = g.country(c[3], origin)?;
            let tokens = tokens_of(c[0]);
            if let (Some(first), Some(position)) = (tokens.first().cloned(), position) {
                g.titles.entry(first).or_default().push((tokens, Title { position, iso }));
            }
        }
        for (c, _) in additions.rows(Table::GivenNames) {
            g.given_names.insert(c[0].to_string());
        }
        g.governments = g.government_forms();
        g.sieves = Sieves {
            forms: Sieve::of(g.forms.keys().map(String::as_str)),
            demonyms: CaselessSieve::of(g.demonyms.keys().map(String::as_str)),
            titles: CaselessSieve::of(g.titles.keys().map(String::as_str)),
        };
        Ok(g)
    }

    /// A country cell: empty, or the ISO-3 code of a loaded state.
    fn country(&self, cell: &str, origin: Option<&Origin>) -> Result<Option<String>, GazetteerError> {
        let country = opt(cell);
        let known = country.as_deref().is_none_or(|iso| self.states.contains_key(iso));
        check(origin, known, || format!("unknown state {cell:?} (not in states.tsv)"))?;
        Ok(country)
    }

    /// The state (ISO-3) a capital city stands for when it speaks ("Moskau wies zurück").
    pub fn capital_country(&self, key: &str) -> Option<&str> {
        if !self.capitals.contains(key) {
            return None;
        }
        self.by_key(key)?.country.as_deref()
    }

    /// Is this a given name that starts a person's name?
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    fn push(&mut self, entry: Entry, forms: &str) -> usize {
        let index = self.entries.len();
        let labels = [entry.label_de.clone(), entry.label_en.clone()];
        self.entries.push(entry);
        for form in list(forms).map(str::to_string).chain(labels) {
            let tokens = tokens_of(&form);
            let Some(first) = tokens.first().cloned() else {
                continue;
            };
            let bucket = self.forms.entry(first).or_default();
            if !bucket.iter().any(|(t, i)| *t == tokens && *i == index) {
                bucket.push((tokens, index));
            }
        }
        index
    }

    fn add_demonym(&mut self, form: &str, iso: &str) {
        let tokens: Vec<String> = tokens_of(form).into_iter().map(|t| t.to_lowercase()).collect();
        if let Some(first) = tokens.first().cloned() {
            self.demonyms.entry(first).or_default().push((tokens, iso.to_string()));
        }
    }

    /// The longest full form starting at `words[0]`. Ties go to the first-loaded entry.
    pub fn match_form(&self, words: &[&str]) -> Option<FormMatch> {
        let first = *words.first()?;
        if !self.sieves.forms.may_hold(first) {
            return None;
        }
        let candidates = self.forms.get(first)?;
        candidates
            .iter()
            .filter(|(tokens, _)| tokens.len() <= words.len() && tokens.iter().zip(words).all(|(a, b)| a == b))
            .max_by(|(a, ia), (b, ib)| a.len().cmp(&b.len()).then(ib.cmp(ia)))
            .map(|(tokens, entry)| FormMatch { entry: *entry, len: tokens.len() })
    }

    /// The one person whose full form of two or more tokens begins with `first` and ends with
    /// `last` ("Ali Khamenei" for "Ali Hosseini Khamenei": a middle name the form leaves out).
    pub fn match_first_and_last(&self, first: &str, last: &str) -> Option<usize> {
        let mut people = self.forms.get(first)?.iter().filter(|(tokens, entry)| {
            tokens.len() >= 2
                && tokens.last().is_some_and(|t| t == last)
                && self.entries[*entry].kind == EntityKind::Person
        });
        let (_, one) = people.next()?;
        people.all(|(_, other)| other == one).then_some(*one)
    }

    /// The person a lone surname denotes, if exactly one.
    pub fn match_surname(&self, word: &str) -> Option<usize> {
        match self.surnames.get(word)?.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The longest demonym starting at `words[0]`: (ISO-3, tokens matched).
    pub fn match_demonym(&self, words: &[&str]) -> Option<(String, usize)> {
        let first = words.first()?;
        if !self.sieves.demonyms.may_hold(first) {
            return None;
        }
        // Most words are no demonym: look the first one up before lower-casing the rest.
        let candidates = match self.demonyms.get(*first) {
            Some(c) => c,
            None => match text::lower_case(first) {
                Cow::Owned(lower) => self.demonyms.get(&lower)?,
                Cow::Borrowed(_) => return None,
            },
        };
        let lower: Vec<Cow<'_, str>> = words.iter().take(3).map(|w| text::lower_case(w)).collect();
        candidates
            .iter()
            .filter(|(tokens, _)| tokens.len() <= lower.len() && tokens.iter().zip(&lower).all(|(a, b)| a == b))
            .max_by_key(|(tokens, _)| tokens.len())
            .map(|(tokens, iso)| (iso.clone(), tokens.len()))
    }

    /// The title a word is, if any.
    pub fn title(&self, word: &str) -> Option<&Title> {
        self.match_title(&[word]).filter(|(_, len)| *len == 1).map(|(t, _)| t)
    }

    /// The longest title starting at `words[0]` ("Foreign Minister", "Secretary of State").
    pub fn match_title(&self, words: &[&str]) -> Option<(&Title, usize)> {
        let first = *words.first()?;
        if !self.sieves.titles.may_hold(first) {
            return None;
        }
        let lower = text::lower_case(first);
        let exact = self.titles.get(first).into_iter().flatten();
        let folded = (lower != first).then(|| self.titles.get(&*lower)).flatten().into_iter().flatten();
        exact
            .chain(folded)
            .filter(|(tokens, _)| {
                tokens.len() <= words.len()
                    && tokens.iter().zip(words).all(|(a, b)| a == b || text::same_in_lower_case(a, b))
            })
            .max_by_key(|(tokens, _)| tokens.len())
            .map(|(tokens, title)| (title, tokens.len()))
    }

    /// The state entry of an ISO-3 code.
    pub fn state(&self, iso: &str) -> Option<&Entry> {
        self.states.get(iso).map(|&i| &self.entries[i])
    }

    /// The curated government body of a state (ISO-3) that a noun names ("Regierung",
    /// "Außenministerium"), by index.
    pub fn government_of(&self, iso: &str, noun: &str) -> Option<usize> {
        // Which of the state's bodies: the one form whose last word is the noun ("ukrainische
        // Regierung" for "Regierung", not the defence ministry listed first); none where several
        // or none fit ("ministry" of a state with two ministries).
        let noun = noun.to_lowercase();
        let mut found: Vec<usize> = self
            .governments
            .get(iso)
            .into_iter()
            .flatten()
            .filter(|(last, _)| *last == noun)
            .map(|(_, e)| *e)
            .collect();
        found.sort_unstable();
        found.dedup();
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The last words (lower case) of the forms of each state's government bodies, by ISO-3.
    fn government_forms(&self) -> HashMap<String, Vec<(String, usize)>> {
        let mut by_state: HashMap<String, Vec<(String, usize)>> = HashMap::default();
        for (tokens, e) in self.forms.values().flatten() {
            let entry = &self.entries[*e];
            if let (EntityKind::Government, Some(iso), Some(last)) = (entry.kind, &entry.country, tokens.last()) {
                by_state.entry(iso.clone()).or_default().push((last.to_lowercase(), *e));
            }
        }
        by_state
    }

    /// Entry by key.
    pub fn by_key(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// The people holding an office in a state on a day.
    pub fn holders(&self, position: PositionType, of: &str, on: NaiveDate) -> Vec<usize> {
        self.tenures
            .iter()
            .filter(|t| t.position == position && t.of == of && t.from <= on && t.to.is_none_or(|to| on <= to))
            .map(|t| t.person)
            .collect()
    }

    /// The one person holding an office on a day, anywhere, whose name ends in `surname`
    /// ("Außenminister Straw" in 2005).
    pub fn holder_named(&self, position: PositionType, surname: &str, on: NaiveDate) -> Option<usize> {
        let ends = |label: &str| label.rsplit(' ').next().is_some_and(|last| last == surname);
        let mut found = self
            .tenures
            .iter()
            .filter(|t| t.position == position && t.from <= on && t.to.is_none_or(|to| on <= to))
            .map(|t| t.person)
            .filter(|&p| ends(&self.entries[p].label_de) || ends(&self.entries[p].label_en));
        let one = found.next()?;
        found.all(|p| p == one).then_some(one)
    }

    /// The offices a person holds on a day.
    pub fn offices(&self, person: usize, on: NaiveDate) -> Vec<&Tenure> {
        self.tenures.iter().filter(|t| t.person == person && t.from <= on && t.to.is_none_or(|to| on <= to)).collect()
    }
}

/// The position names a row may use.
const POSITIONS: &str =
    "HeadOfState, HeadOfGovernment, ForeignMinister, DefenceMinister, SpecialEnvoy, Spokesperson, Ambassador, Minister";

/// Fails for a user's row when `ok` is false; a built-in row that fails is a bug in the data.
fn check(origin: Option<&Origin>, ok: bool, message: impl FnOnce() -> String) -> Result<(), GazetteerError> {
    match (ok, origin) {
        (true, _) => Ok(()),
        (false, Some(origin)) => Err(GazetteerError::at(origin, message())),
        (false, None) => panic!("data/gazetteer: {}", message()),
    }
}

/// Reads a position type name.
pub fn parse_position(name: &str) -> Option<PositionType> {
    use PositionType::*;
    Some(match name {
        "HeadOfState" => HeadOfState,
        "HeadOfGovernment" => HeadOfGovernment,
        "ForeignMinister" => ForeignMinister,
        "DefenceMinister" => DefenceMinister,
        "SpecialEnvoy" => SpecialEnvoy,
        "Spokesperson" => Spokesperson,
        "Ambassador" => Ambassador,
        "Minister" => Minister,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_government_is_found_by_its_state_and_noun_as_every_form_tried_finds_it() {
        let g = get();
        let scanned = |iso: &str, noun: &str| {
            let mut found: Vec<usize> = g
                .forms
                .values()
                .flatten()
                .filter(|(tokens, e)| {
                    let entry = &g.entries[*e];
                    entry.kind == EntityKind::Government
                        && entry.country.as_deref() == Some(iso)
                        && tokens.last().is_some_and(|w| w.to_lowercase() == noun.to_lowercase())
                })
                .map(|(_, e)| *e)
                .collect();
            found.sort_unstable();
            found.dedup();
            if let [one] = found.as_slice() { Some(*one) } else { None }
        };
        let nouns = ["Regierung", "regierung", "Außenministerium", "government", "Ministry", "Kreml", "Haus"];
        let mut some = 0;
        for iso in g.states.keys() {
            for noun in nouns {
                assert_eq!(g.government_of(iso, noun), scanned(iso, noun), "{iso} {noun}");
                some += usize::from(scanned(iso, noun).is_some());
            }
        }
        assert!(some > 0);
    }

    #[test]
    fn every_file_loads_and_keys_are_unique() {
        let g = get();
        let mut keys: Vec<&str> = g.entries.iter().map(|e| e.key.as_str()).collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n, "duplicate gazetteer keys");
        assert!(g.state("PRK").is_some() && g.state("RUS").is_some() && g.state("USA").is_some());
    }

    #[test]
    fn countries_refer_to_known_states() {
        let g = get();
        for e in &g.entries {
            if let Some(c) = &e.country {
                assert!(g.state(c).is_some(), "{} names unknown state {c}", e.key);
            }
        }
    }

    #[test]
    fn finds_inflected_forms_and_demonyms() {
        let g = get();
        let m = g.match_form(&["Nordkoreas"]).expect("genitive form");
        assert_eq!(g.entries[m.entry].iso.as_deref(), Some("PRK"));
        assert_eq!(g.match_demonym(&["nordkoreanischen"]), Some(("PRK".into(), 1)));
        assert_eq!(g.match_demonym(&["North", "Korean", "leader"]), Some(("PRK".into(), 2)));
    }
}
