//! Mentions: finds the actors and places a sentence names and resolves each to one entity. The
//! `Resolver` is one context whose `impl` is spread over the files below, one concern each;
//! `RECOGNISERS` lists what is tried at a word, in priority order.

mod affiliation;
mod anaphora;
mod companies;
mod focus;
mod groups;
pub mod ids;
mod known;
mod names;
mod places;
mod prepositions;
mod table;
mod titles;

pub use table::EntityTable;

use crate::analysis::SentenceAnalysis;
use crate::gazetteer::{self, Gazetteer};
use crate::lang::{Gender, RoleHint, Rules};
use crate::model::{EntityId, EntityKind, Span};
use crate::text::{Sentence, Token, TokenKind};
use chrono::NaiveDate;
use prepositions::inherit_coordinated_hints;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// How a mention relates to the words around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionForm {
    /// A name or description that can fill a role.
    Argument,
    /// A modifier only: a demonym, a genitive before a title, a compound prefix.
    Modifier,
    /// The first part of a hyphenated compound ("Putin-Besuch").
    CompoundPrefix,
    /// A pronoun resolved to a person.
    Pronoun,
}

/// An entity mention in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// First token.
    pub first: usize,
    /// After the last token.
    pub last: usize,
    /// The entity.
    pub entity: EntityId,
    /// The entity kind.
    pub kind: EntityKind,
    /// How it is used.
    pub form: MentionForm,
    /// What the governing preposition says, if any.
    pub hint: Option<RoleHint>,
    /// The governing preposition's token, if any.
    pub prep: Option<usize>,
    /// Followed by a possessive marker or is a genitive.
    pub possessive: bool,
}

/// Context for resolving mentions in one article.
pub struct Resolver<'a> {
    rules: &'a Rules,
    gaz: &'static Gazetteer,
    lang_tag: &'static str,
    /// The day offices are resolved on.
    on: NaiveDate,
    /// The entity table being built.
    pub table: EntityTable,
    /// Unknown people by surname.
    surnames: HashMap<String, EntityId>,
    /// The last person mentioned (for pronouns).
    pub last_person: Option<EntityId>,
    /// The last organisation, government, agency or state named (for "they").
    last_group: Option<(EntityId, EntityKind)>,
    /// The first person the last sentence was about (for "er" in the next).
    previous_subject: Option<EntityId>,
    /// Two people the last sentence opened with ("Scholz and Macron"), for "they".
    previous_pair: Option<[EntityId; 2]>,
    /// The last state mentioned, also through a demonym or a city (for "das Land").
    last_state: Option<EntityId>,
    /// The last organisation or intergovernmental body named (for "die Organisation").
    last_organization: Option<(EntityId, EntityKind)>,
    /// Companies known in this article, by the first word of their name ("Daimler").
    companies: HashMap<String, EntityId>,
    /// The grammar, to read what describes a name.
    grammar: Option<&'static crate::syntax::Model>,
    /// Unknown persons whose first mention has been read for a description.
    introduced: HashSet<EntityId>,
    /// Who a role noun named with a name stands for ("Der Geschäftsführer …, Gerd-Jürgen
    /// Bruckschen" makes a later "der Geschäftsführer" Bruckschen), by the noun's base form.
    role_holders: HashMap<String, EntityId>,
    /// How often each state is named, for the state the article is about.
    state_counts: focus::StateCounts,
    /// Persons named as a counterpart: of another state than the one they face.
    counterparts: HashSet<EntityId>,
    /// The gender a person noun gave each person so far (`None`: nouns disagreed).
    genders: HashMap<EntityId, Option<Gender>>,
    /// The persons each pronoun of this sentence might mean, best first, by its token.
    pronoun_candidates: Vec<(usize, Vec<EntityId>)>,
}

/// A recogniser: tries one kind of mention at token `i` of a sentence (whose words are given);
/// on a match it records the mentions and returns the token to go on from.
type Recognise = fn(&mut Resolver<'_>, &Sentence, &[&str], usize, &mut Vec<Mention>) -> Option<usize>;

/// The recognisers tried at a word, in priority order: the first that matches wins.
const RECOGNISERS: &[Recognise] = &[
    // "die beiden Politiker": the last two persons or states named
    |r, s, _, i, out| r.pair(s, i, out),
    // "die EU-Außen- und Europaminister"
    |r, s, w, i, out| r.truncated_group(s, w, i, out),
    // "Nord- und Südkorea"
    |r, s, w, i, out| r.truncated_place(s, w, i, out),
    // "Außenminister Sergej Lawrow", "dem russischen Präsidenten"
    |r, s, w, i, out| r.title_with_name(s, w, i, out),
    // "Russian", "russische"
    |r, s, w, i, out| r.demonym(s, w, i, out),
    // a form the gazetteer knows
    |r, s, w, i, out| r.known_form(s, w, i, out),
    // "Washingtoner"
    |r, s, w, i, out| r.place_adjective(s, w, i, out),
    // "die Daimler AG", later "Daimler"
    |r, s, _, i, out| r.company(s, i, out),
    // "Al Gore": a known given name and what follows
    |r, s, w, i, out| r.given_name(s, w, i, out),
    // "Lawrows": a known or earlier-named person
    |r, s, w, i, out| r.surname(s, w, i, out),
    // "US-Diplomaten", "Hamas-Vertreter"
    |r, s, w, i, out| r.prefixed_actor_noun(s, w, i, out),
    // "Putin-Besuch", "Japanbesuch"
    |r, s, w, i, out| r.compound_prefix(s, w, i, out),
    // "er", "she"
    |r, s, _, i, out| r.person_pronoun(s, i, out),
    // "seinem Besuch", "his visit"
    |r, s, _, i, out| r.possessive_pronoun(s, i, out),
    // "they"
    |r, s, _, i, out| r.group_pronoun(s, i, out),
    // "das Land"
    |r, s, _, i, out| r.state_anaphora(s, i, out),
    // "die Hilfsorganisation"
    |r, s, _, i, out| r.organization_anaphora(s, i, out),
    // "seinem Amtskollegen Kasuri", "seinem nordkoreanischen Amtskollegen"
    |r, s, w, i, out| r.counterpart_noun(s, w, i, out),
    // "einem Munitionslager", "Baghdad International Airport"
    |r, s, _, i, out| r.facility_noun(s, i, out),
    // "der Deponie Schönberg"
    |r, s, w, i, out| r.place_noun(s, w, i, out),
    // "einer französischen Lehrerin"
    |r, s, _, i, out| r.role_noun(s, i, out),
    // "Moroccan diplomats", "Darfur rebels"
    |r, s, w, i, out| r.actor_noun_at(s, w, i, out),
];

impl<'a> Resolver<'a> {
    /// A resolver for an article in a language (with its grammar, if one was trained), with
    /// offices as of `on`.
    pub fn new(
        rules: &'a Rules,
        grammar: Option<&'static crate::syntax::Model>,
        lang_tag: &'static str,
        on: NaiveDate,
    ) -> Resolver<'a> {
        Resolver {
            rules,
            grammar,
            introduced: HashSet::default(),
            gaz: gazetteer::get(),
            lang_tag,
            on,
            table: EntityTable::default(),
            surnames: HashMap::default(),
            last_person: None,
            previous_subject: None,
            previous_pair: None,
            last_group: None,
            last_state: None,
            last_organization: None,
            role_holders: HashMap::default(),
            companies: HashMap::default(),
            state_counts: focus::StateCounts::default(),
            counterparts: HashSet::default(),
            genders: HashMap::default(),
            pronoun_candidates: Vec::new(),
        }
    }

    /// Finds the mentions of one sentence, adding their entities to the table; the grammar's
    /// reading of the sentence is shared with the events.
    pub fn sentence(&mut self, sentence: &Sentence, analysis: &SentenceAnalysis) -> Vec<Mention> {
        let tokens = &sentence.tokens;
        let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        let mut mentions = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let next = self.mention_at(sentence, &words, i, &mut mentions);
            i = next.max(i + 1);
        }
        self.quoted_first_person(tokens, &mut mentions);
        let own_objects = self.names_after_prepositions(tokens, &mentions, analysis);
        for n in 0..mentions.len() {
            let snapshot = mentions_snapshot(&mentions_before(&mentions, mentions[n].first));
            let (hint, prep) = self.governing_preposition(tokens, mentions[n].first, &snapshot, analysis);
            // "traf in Tomsk Emmanuel Macron": the preposition has a name of its own.
            let (hint, prep) = if prep.is_some_and(|p| own_objects.contains(&(p + 1)) && p + 1 < mentions[n].first) {
                (None, None)
            } else {
                (hint, prep)
            };
            mentions[n].hint = hint;
            mentions[n].prep = prep;
        }
        // "mit dem UNMIK-Leiter im Kosovo, Joachim Rücker": a name in apposition takes the
        // preposition of its title.
        for n in 0..mentions.len() {
            if mentions[n].hint.is_none()
                && mentions[n].form == MentionForm::Argument
                && let Some(title) = mentions[..n].iter().rev().find(|m| {
                    m.entity == mentions[n].entity && m.form == MentionForm::Modifier && m.last < mentions[n].first
                })
            {
                let (hint, prep) = (title.hint, title.prep);
                mentions[n].hint = hint;
                mentions[n].prep = prep;
            }
        }
        self.note_genders(tokens, &mentions);
        self.agree_pronouns(tokens, &mut mentions);
        inherit_coordinated_hints(tokens, &mut mentions, self.rules);
        self.countries_from_appositions(tokens, &mentions);
        self.affiliations(sentence, &mentions, analysis);
        if let Some(group) = mentions
            .iter()
            .rev()
            .find(|m| m.kind.is_actor() && m.kind != EntityKind::Person && m.form == MentionForm::Argument)
        {
            self.last_group = Some((group.entity.clone(), group.kind));
        }
        if let Some(org) = mentions
            .iter()
            .rev()
            .find(|m| matches!(m.kind, EntityKind::Organization | EntityKind::Igo) && m.form == MentionForm::Argument)
        {
            self.last_organization = Some((org.entity.clone(), org.kind));
        }
        // The sentence's subject: its first bare person, else the last person it names.
        let subject = mentions
            .iter()
            .find(|m| {
                m.kind == EntityKind::Person && m.form == MentionForm::Argument && !m.possessive && m.hint.is_none()
            })
            .or_else(|| {
                mentions.iter().rev().find(|m| m.kind == EntityKind::Person && m.form == MentionForm::Argument)
            });
        if let Some(subject) = subject {
            self.previous_subject = Some(subject.entity.clone());
        }
        self.previous_pair = self.subject_pair(tokens, &mentions);
        self.count_states(&mentions);
        mentions
    }

    /// "Scholz and Macron met …": two people joined as the sentence's first bare words, whom a
    /// "they" in the next sentence means.
    fn subject_pair(&self, tokens: &[Token], mentions: &[Mention]) -> Option<[EntityId; 2]> {
        let bare = |m: &&Mention| m.kind == EntityKind::Person && m.form == MentionForm::Argument && m.hint.is_none();
        let mut people = mentions.iter().filter(bare);
        let (a, b) = (people.next()?, people.next()?);
        let joined = b.first == a.last + 1 && self.rules.coordinators.contains(tokens[a.last].lower());
        let first = !mentions.iter().any(|m| m.first < a.first && m.kind.is_actor());
        (joined && first && a.entity != b.entity).then(|| [a.entity.clone(), b.entity.clone()])
    }

    /// Tries every recogniser at token `i`; returns the next token to look at.
    fn mention_at(&mut self, sentence: &Sentence, words: &[&str], i: usize, out: &mut Vec<Mention>) -> usize {
        if sentence.tokens[i].kind != TokenKind::Word {
            return i + 1;
        }
        RECOGNISERS.iter().find_map(|recognise| recognise(self, sentence, words, i, out)).unwrap_or(i + 1)
    }

    /// Records a mention span on an entity.
    pub(super) fn note(&mut self, sentence: &Sentence, first: usize, last: usize, key: &EntityId) {
        let span =
            Span { start: sentence.tokens[first].start, end: sentence.tokens[last - 1].end, sentence: sentence.index };
        if let Some(e) = self.table.get_mut(key)
            && !e.mentions.contains(&span)
        {
            e.mentions.push(span);
        }
    }

    pub(super) fn is_possessive(&self, words: &[&str], after: usize) -> bool {
        words.get(after).is_some_and(|w| self.rules.possessive_markers.contains(w))
    }
}

/// The words `first..last` as written: a space only where the text has one ("(MVA)").
pub(super) fn sentence_slice(tokens: &[Token], first: usize, last: usize) -> String {
    let mut out = String::new();
    for (k, t) in tokens[first..last].iter().enumerate() {
        if k > 0 && tokens[first + k - 1].end < t.start {
            out.push(' ');
        }
        out.push_str(&t.text);
    }
    out
}

fn mentions_before(mentions: &[Mention], first: usize) -> Vec<&Mention> {
    mentions.iter().filter(|m| m.last <= first).collect()
}

fn mentions_snapshot(mentions: &[&Mention]) -> Vec<(usize, usize, MentionForm)> {
    mentions
        .iter()
        .map(|m| {
            (
                m.first,
                m.last,
                if m.form == MentionForm::Argument && m.kind == EntityKind::State && m.possessive {
                    MentionForm::Modifier
                } else {
                    m.form
                },
            )
        })
        .collect()
}

pub(super) fn mention(first: usize, last: usize, entity: EntityId, kind: EntityKind, form: MentionForm) -> Mention {
    Mention { first, last, entity, kind, form, hint: None, prep: None, possessive: false }
}
