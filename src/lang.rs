//! Language rules as data: `data/lang/<tag>.toml`, compiled in and parsed once per language.
//!
//! Nothing outside this module asks which language it is working on; it asks the rules.

use crate::article::Lang;
use crate::model::{Factuality, MaterielCategory, TransportMode};
use serde::Deserialize;
pub use sieve::{CaselessSieve, Sieve};
use std::collections::BTreeSet;
use std::sync::LazyLock;
pub use word_set::{WordMap, WordSet};

mod frames;
mod inflect;
mod phrase_index;
mod sieve;
mod triggers;
mod word_set;
mod words;

pub use frames::{FrameSlots, Slot};
pub use inflect::Paradigms;
pub use phrase_index::{PhraseHit, PhraseIndex};
pub use triggers::{Frame, NounTails, TriggerGroup};
pub use words::{Cues, TimePhrase, TimeWord, TimeWords};

/// All rules of one language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Nouns are capitalised (German): a capitalised trigger form is a noun, a lower-case one a verb.
    pub nouns_capitalized: bool,
    /// Nouns join into closed compounds (German "Luftabwehrraketen"): a listed noun also counts
    /// as the last part of a longer word.
    pub closed_compounds: bool,
    /// Elements that link the parts of a closed compound ("s" in "Staatsbesuch").
    #[serde(default)]
    pub compound_linking: Vec<String>,
    /// A separable verb particle stands before the verb in its lemma ("ein" + "laden" →
    /// "einladen"); else after it, with a space ("hand over").
    #[serde(default)]
    pub particle_first: bool,
    /// A hyphenated word the lexicon does not know is tagged and parsed as its last part, its
    /// head ("Waffen-Lieferungen" as "Lieferungen"); else as written (a compound modifier such
    /// as "six-year" is no noun however it ends).
    #[serde(default)]
    pub hyphenated_by_last_part: bool,
    /// Noun phrases carry extended attributes with their own prepositions ("dem für das Amt
    /// feststehenden Obama"): the phrase's preposition stands before its first determiner.
    pub extended_attributes: bool,
    /// Infinitives and participles close the clause ("wird China besuchen"): an object may stand
    /// before its verb.
    pub verb_final: bool,
    /// A day may follow its month ("September 7"); where it may not, a number after a month is
    /// no day of it ("bis Ende März 14 Panzer").
    #[serde(default)]
    pub day_after_month: bool,
    /// Lemmas of verbs whose object is a topic, never a party ("besprechen", "discuss").
    #[serde(default)]
    pub topic_verbs: WordSet,
    /// Prepositions of time or setting that open a sentence with the scene of its clause ("after",
    /// "during", "nach"): an event noun in such a phrase was made by the clause's subject.
    #[serde(default)]
    pub setting_prepositions: WordSet,
    /// Prepositions of purpose ("for talks", "zu Gesprächen"): an event noun in such a phrase
    /// happens where its clause's subject is or goes.
    #[serde(default)]
    pub purpose_prepositions: WordSet,
    /// Nouns and adverbs that place a scene at an event's edge ("on the sidelines of", "ahead of"):
    /// the event behind their "of" is real, not a mere name.
    #[serde(default)]
    pub edge_words: WordSet,
    /// Abbreviations that keep their dot ("Dr.", "z.").
    pub abbreviations: WordSet,
    /// Month names (lower case) to their number.
    pub months: WordMap<u32>,
    /// Weekday names (lower case) to 1 = Monday … 7 = Sunday.
    pub weekdays: WordMap<u32>,
    /// Determiners and other noun-phrase openers.
    pub determiners: WordSet,
    /// Prepositions to the role hints they mark.
    pub prepositions: WordMap<Vec<RoleHint>>,
    /// Coordinators inside a noun phrase list ("und", "and").
    pub coordinators: WordSet,
    /// Relative pronouns that open a relative clause after a comma.
    pub relative_pronouns: WordSet,
    /// Subordinators that open a complement clause ("dass", "that").
    pub subordinators: WordSet,
    /// Pronouns of the first person singular ("ich", "I"): in a quotation, its speaker.
    #[serde(default)]
    pub first_person_singular: WordSet,
    /// Pronouns of the first person plural ("wir", "we"): in a quotation, the speaker's state.
    #[serde(default)]
    pub first_person_plural: WordSet,
    /// Articles that are also relative pronouns ("das"): one where no noun follows.
    #[serde(default)]
    pub article_relatives: WordSet,
    /// Personal pronouns that refer to a person ("er", "he").
    pub person_pronouns: WordSet,
    /// The gender of person and possessive pronouns that have one ("er", "she", "his"): they
    /// point back only to a person of that gender or of none known.
    #[serde(default)]
    pub pronoun_genders: WordMap<Gender>,
    /// Person nouns whose gender the word itself says ("Mr", "queen", "Frau").
    #[serde(default)]
    pub person_noun_genders: WordMap<Gender>,
    /// The suffix that makes a feminine person noun of another ("Kanzler|in"): with both forms
    /// known as person nouns, the longer is feminine and the shorter masculine.
    #[serde(default)]
    pub feminine_suffix: Option<String>,
    /// Possessive pronouns that refer to a person ("seinem Besuch", "his visit").
    #[serde(default)]
    pub possessive_pronouns: WordSet,
    /// Pronouns that refer to a group: the last organisation or state named ("they").
    #[serde(default)]
    pub group_pronouns: WordSet,
    /// Phrases that refer back to the last state named ("das Land", "the country").
    pub state_anaphors: Vec<String>,
    /// Phrases that point back to the last organisation named ("die Hilfsorganisation", "the
    /// organisation").
    #[serde(default)]
    pub organization_anaphors: Vec<String>,
    /// Nouns for a counterpart in office ("Amtskollege", "counterpart").
    pub counterpart_nouns: WordSet,
    /// Nouns for a colleague, a counterpart in office only right after another state's demonym
    /// ("seinen saudischen Kollegen", "his Saudi colleague").
    #[serde(default)]
    pub colleague_nouns: WordSet,
    /// Nouns naming a facility that becomes a place ("Munitionslager", "depot").
    pub facility_nouns: WordSet,
    /// Nouns for a ship's flag ("Flagge", "flag").
    pub flag_nouns: WordSet,
    /// First parts of closed compounds whose head is a noun trigger ("staats" in "Staatsbesuch").
    pub compound_heads: WordSet,
    /// Adjectives that stand only before a noun ("first", "historic"): a trigger form that may be
    /// a verb or a noun ("visit") is a noun after them, as after a planned or possible one.
    #[serde(default)]
    pub attributive_adjectives: WordSet,
    /// First parts that never make a meeting compound ("presse" in "Pressekonferenz").
    #[serde(default)]
    pub compound_excluded: WordSet,
    /// The infinitive marker ("zu", "to"); German also writes it inside the verb ("einzutreten").
    #[serde(default)]
    pub infinitive_marker: Option<String>,
    /// Verbs of attending, with which a subject takes part in a summit ("attend", "teilnehmen").
    #[serde(default)]
    pub attend_words: WordSet,
    /// Words that say a meeting takes place ("stattfinden", "take place"): with a place named, the
    /// meeting stands even when its parties are not.
    #[serde(default)]
    pub occur_words: WordSet,
    /// Words of going back that go with a verb of travel ("flew back", "flog … zurück"): a
    /// return, no visit.
    #[serde(default)]
    pub return_words: WordSet,
    /// Prepositions by which one is on a visit ("is on a visit to", "zu einem Besuch in"): the
    /// subject makes it.
    #[serde(default)]
    pub on_visit_prepositions: WordSet,
    /// Nouns of reports and allegations ("Berichte", "claims"): what a denial of them rejects is
    /// someone else's report.
    #[serde(default)]
    pub report_nouns: WordSet,
    /// Participles that say a meeting takes place only in the passive ("is scheduled for Monday";
    /// "Biden scheduled a town hall" says nothing of the meeting).
    #[serde(default)]
    pub occur_participles: WordSet,
    /// Words of accompanying ("begleitet", "accompanied"): whoever comes along "von"/"by" joins
    /// the visit of the one accompanied.
    #[serde(default)]
    pub accompany_words: WordSet,
    /// The ending that makes a city name an adjective ("Washingtoner Haus"), if the language has one.
    #[serde(default)]
    pub place_adjective_ending: Option<String>,
    /// Nouns for sources that are groups of people ("Medien", "media"): cited by a report cue,
    /// they speak as a group of their own.
    #[serde(default)]
    pub source_nouns: WordSet,
    /// Words that close a company's name ("Daimler AG", "Tesla Inc."), as written.
    #[serde(default)]
    pub legal_forms: WordSet,
    /// Nouns after which a name is a company's ("der Konzern Siemens", "carmaker Tesla"); also
    /// the last part of a closed compound ("US-Elektroautobauer Tesla Motors").
    #[serde(default)]
    pub company_nouns: WordSet,
    /// Nouns for news outlets that a name follows ("die Zeitung Haaretz", "the broadcaster RNE"):
    /// the name is a news agency; also the last part of a closed compound ("Rundfunksender IRIB").
    #[serde(default)]
    pub outlet_nouns: WordSet,
    /// Endings of common nouns that a name after a company noun does not have where every noun
    /// is capitalised ("das Unternehmen Umsatzerlöse erzielte").
    #[serde(default)]
    pub common_noun_endings: WordSet,
    /// Nouns that describe an unnamed person who acts ("ein ehemaliger Angestellter", "dem
    /// Umweltminister"), each form with its base form.
    #[serde(default)]
    pub role_nouns: WordMap<String>,
    /// Nouns for a visiting party ("mission", "delegation"): "received a mission from X".
    #[serde(default)]
    pub visiting_nouns: WordSet,
    /// Nouns of a way still being gone ("auf dem Weg zum Flughafen", "on the way to"): a place
    /// behind them is not where a verb of arriving arrives.
    #[serde(default)]
    pub way_nouns: WordSet,
    /// Nouns of quantity after which "of"/"von" marks no role ("a group of diplomats").
    #[serde(default)]
    pub quantity_nouns: WordSet,
    /// Words of leading before "by"/"von" ("a delegation led by X", "unter Leitung von X"): the
    /// leader stands for what it leads, and the preposition marks no role.
    #[serde(default)]
    pub leader_words: WordSet,
    /// Nouns for an office itself ("das Amt des Präsidenten", "the office of president"): a title
    /// after them names the office, not whoever holds it.
    #[serde(default)]
    pub office_nouns: WordSet,
    /// Nouns for kinds of place that introduce a place name ("the town of X", "die Provinz X").
    #[serde(default)]
    pub place_nouns: WordSet,
    /// Event nouns that join a name before them into one closed word ("Japanbesuch",
    /// "Chinareise"): the name is a part in the event.
    #[serde(default)]
    pub name_compound_tails: Vec<String>,
    /// Titles that end a closed compound and make it a title of their office
    /// ("Wirtschaftsminister", "Gesundheitsministerin" are ministers), as the title table spells
    /// them.
    #[serde(default)]
    pub title_compound_tails: Vec<String>,
    /// Words for "the two" ("beiden", "both"): with a pair noun they name the last two actors.
    #[serde(default)]
    pub pair_words: WordSet,
    /// Word endings that keep a lower-case word inside a noun phrase after an event noun
    /// (adjectives and nouns: "der Gespräche über den künftigen Status").
    #[serde(default)]
    pub phrase_word_endings: Vec<String>,
    /// Nouns a pair word makes the last two persons ("Politiker", "leaders").
    #[serde(default)]
    pub pair_person_nouns: WordSet,
    /// Nouns a pair word makes the last two states ("Länder", "countries").
    #[serde(default)]
    pub pair_state_nouns: WordSet,
    /// Definite articles and demonstratives ("die Konferenz", "the summit"): an event noun with
    /// one and no parties of its own refers back.
    #[serde(default)]
    pub definite_determiners: WordSet,
    /// Genitive articles that link a noun to the noun phrase after it ("des", "eines").
    #[serde(default)]
    pub genitive_determiners: WordSet,
    /// Prepositions of place that point where to before the listed articles ("in die Ukraine",
    /// "in das Land": the accusative of direction, where "in der Ukraine" is a place).
    #[serde(default)]
    pub directional_articles: WordMap<BTreeSet<String>>,
    /// Relative adverbs of place that open a clause about the place before ("wo", "where").
    #[serde(default)]
    pub place_relatives: WordSet,
    /// Duration adjective prefixes to days ("zweitägig" = 2).
    pub durations: WordMap<u32>,
    /// Words that introduce a name without naming an office ("leader", "Dr.", "Herr").
    pub name_introducers: WordSet,
    /// Lower-case particles inside names ("de", "van", "al").
    pub name_particles: WordSet,
    /// Adjectives of a region or bloc of states ("Western", "westliche", "Arab"): before an actor
    /// noun they name a group of no one state ("Western governments").
    #[serde(default)]
    pub region_adjectives: WordSet,
    /// Nouns for people or groups that become actors with a demonym or a state's genitive
    /// before them ("Moroccan diplomats", "Romania's government"), with the kind they make.
    pub actor_nouns: WordMap<ActorNoun>,
    /// Words (lower case) that are never part of a person's name.
    pub not_names: WordSet,
    /// Endings that turn a demonym stem into an adjective ("", "e", "en").
    pub demonym_endings: Vec<String>,
    /// Genitive endings of names ("s").
    pub genitive_endings: Vec<String>,
    /// Possessive markers that follow a name ("'s").
    pub possessive_markers: WordSet,
    /// Lemmas (lower case) that make an office someone else's: a past one ("ehemalig", "former"),
    /// a coming one ("designiert", "incoming") or a deputy's ("stellvertretend", "deputy"). The person is described by it, but does not
    /// hold it.
    #[serde(default)]
    pub former_words: WordSet,
    /// Materiel nouns (lower case, matched as word or compound part) to their category.
    pub materiel: WordMap<MaterielCategory>,
    /// Transport nouns (lower case) to their mode.
    pub transport: WordMap<TransportMode>,
    /// Modality and attribution cues.
    pub cues: Cues,
    /// Relative time words.
    pub time: TimeWords,
    /// Event triggers.
    pub triggers: Vec<TriggerGroup>,
    /// How trigger lemmas inflect.
    #[serde(default)]
    pub paradigms: Paradigms,
    /// Words that mark language detection (frequent function words).
    pub detection_words: WordSet,
    /// Visit nouns of going around a place ("tour"): the state or place their "of" names is where
    /// one goes ("a tour of Japan"), not who goes.
    #[serde(default)]
    pub tour_nouns: WordSet,
    /// Nouns for what carries goods ("Konvoi", "convoy", "ship"), matched as a word or, where
    /// nouns close into compounds, as its last part: their arrival is a shipment's.
    #[serde(default)]
    pub carrier_nouns: WordSet,
    /// Vehicles that carry goods only when the clause names them ("Flugzeug", "plane"): "Drei
    /// Flugzeuge mit Hilfsgütern landeten in Rangun".
    #[serde(default)]
    pub vehicle_nouns: WordSet,
    /// Lemmas of verbs by which what they take as object changes hands ("übergeben", "sell"): a
    /// vehicle or carrier they take is the goods ("übergab zehn Hubschrauber"), where "sent a
    /// ship" moves one's own.
    #[serde(default)]
    pub handover_lemmas: Vec<String>,
    /// Which dependent of a trigger fills which role, frame by frame.
    #[serde(default)]
    pub frames: Vec<FrameSlots>,
    /// Trigger form → indices of the groups that list it (built at load).
    #[serde(skip)]
    pub trigger_index: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// The sieve of the forms `trigger_index` lists (built at load).
    #[serde(skip)]
    pub trigger_sieve: Sieve,
    /// The forms of the noun groups, for the heads of closed compounds (built at load).
    #[serde(skip)]
    pub noun_tails: NounTails,
    /// The time phrases and cues of the future each sentence is searched for (built at load).
    #[serde(skip)]
    pub time_index: PhraseIndex<TimePhrase>,
    /// Every cue phrase, for the cues a sentence holds (built at load).
    #[serde(skip)]
    pub cue_index: PhraseIndex<()>,
    /// Word → what it is to the time rules (built at load; see `Rules::time_word`).
    #[serde(skip)]
    pub time_words: rustc_hash::FxHashMap<String, TimeWord>,
    /// The sieve of the words `time_words` lists (built at load).
    #[serde(skip)]
    pub time_sieve: Sieve,
    /// The sieve of the first words of the state and organisation anaphors (built at load).
    #[serde(skip)]
    pub anaphor_sieve: Sieve,
}

impl Rules {
    /// The slots of a frame; none where the language gives it none.
    pub fn slots(&self, frame: Frame) -> &[Slot] {
        self.frames.iter().find(|f| f.frame == frame).map_or(&[], |f| &f.slots)
    }

    /// The trigger groups that list a form.
    pub fn groups_of(&self, form: &str) -> impl Iterator<Item = &TriggerGroup> + Clone {
        let listed = if self.trigger_sieve.may_hold(form) { self.trigger_index.get(form) } else { None };
        listed.into_iter().flatten().map(|&g| &self.triggers[g])
    }
}

/// The grammatical gender of a pronoun or a person noun ("er", "Kanzlerin").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum Gender {
    Masc,
    Fem,
}

impl Gender {
    /// The gender a word's morphology gives (UD `Gender`), if it is one a person has.
    pub fn of_feature(value: Option<&str>) -> Option<Gender> {
        match value {
            Some("Masc") => Some(Gender::Masc),
            Some("Fem") => Some(Gender::Fem),
            _ => None,
        }
    }
}

/// What kind of actor an actor noun makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum ActorNoun {
    /// One person or several ("minister", "diplomats").
    Person,
    /// A government body ("government", "Regierung").
    Government,
    /// An organisation ("delegation", "forces").
    Organization,
    /// People acting together as a group, an actor even without a state ("the rebels", "die
    /// Separatisten").
    Group,
}

/// What a preposition says about the noun phrase it governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleHint {
    /// Where to ("nach", "to").
    Destination,
    /// Where ("in", "at").
    Location,
    /// Together with ("mit", "with").
    With,
    /// To whom ("an", "to").
    Recipient,
    /// From whom or where ("von", "aus", "from").
    Source,
    /// By whom, in a passive ("von", "by").
    Agent,
    /// Of whom ("von" after a noun, "of").
    Of,
    /// Between ("zwischen", "between").
    Between,
    /// Near ("nahe", "near").
    Near,
    /// About, for ("über", "für", "about"): never an argument.
    Topic,
}

static DE: LazyLock<Rules> = LazyLock::new(|| load(include_str!("../data/lang/de.toml"), Lang::De));
static EN: LazyLock<Rules> = LazyLock::new(|| load(include_str!("../data/lang/en.toml"), Lang::En));

fn load(source: &str, lang: Lang) -> Rules {
    let mut rules: Rules = toml::from_str(source)
        .unwrap_or_else(|e| panic!("data/lang/{}.toml is invalid (see lang::tests): {e}", lang.tag()));
    for group in &mut rules.triggers {
        for form in group.forms.iter_mut().chain(group.participles.iter_mut()).chain(group.lemmas.iter_mut()) {
            *form = form.to_lowercase();
        }
    }
    let lexicon = crate::syntax::lexicon(lang);
    inflect::expand(&mut rules.triggers, &rules.paradigms, &lexicon, rules.nouns_capitalized);
    for (g, group) in rules.triggers.iter().enumerate() {
        for form in &group.forms {
            rules.trigger_index.entry(form.clone()).or_default().push(g);
        }
    }
    rules.time_index = words::time_index(&rules.time, &rules.cues);
    rules.cue_index = words::cue_index(&rules.cues);
    rules.time_words = words::time_word_table(&rules);
    rules.trigger_sieve = Sieve::of(rules.trigger_index.keys().map(String::as_str));
    rules.noun_tails = NounTails::new(&rules.triggers);
    rules.time_sieve = Sieve::of(rules.time_words.keys().map(String::as_str));
    let anaphors = rules.state_anaphors.iter().chain(&rules.organization_anaphors);
    rules.anaphor_sieve = Sieve::of(anaphors.filter_map(|phrase| phrase.split(' ').next()));
    rules
}

/// The rules of a language.
pub fn rules(lang: Lang) -> &'static Rules {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}

impl Rules {
    /// Is this word (with its dot) an abbreviation?
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word) || self.abbreviations.contains(&crate::text::lower_case(word))
    }

    /// Is this a month name?
    pub fn is_month(&self, word: &str) -> bool {
        self.months.contains_key(&crate::text::lower_case(word))
    }

    /// The word after a month's name at `at` is a capitalised word that names no month: the
    /// month's name may be a given name ("Jan Nowak").
    pub fn name_after_month(&self, tokens: &[crate::text::Token], at: usize) -> bool {
        tokens.get(at + 1).is_some_and(|t| {
            t.kind == crate::text::TokenKind::Word && t.is_capitalized() && !self.months.contains_key(t.lower())
        })
    }

    /// The factuality a cue family gives.
    pub fn cue_lists(&self) -> [(&[String], Factuality); 4] {
        [
            (&self.cues.cancelled, Factuality::Cancelled),
            (&self.cues.refused, Factuality::Refused),
            (&self.cues.hypothetical, Factuality::Hypothetical),
            (&self.cues.planned, Factuality::Planned),
        ]
    }
}

/// Guesses the language of a text from frequent function words.
pub fn detect(text: &str) -> Lang {
    let score = |lang: Lang| {
        let words = &rules(lang).detection_words;
        text.split(|c: char| !c.is_alphabetic()).take(2000).filter(|w| words.contains(&w.to_lowercase())).count()
    };
    if score(Lang::En) > score(Lang::De) { Lang::En } else { Lang::De }
}

/// The compiled-in syntax data of a language: its trained model and its lexicon tables.
#[derive(Clone, Copy)]
pub struct SyntaxData {
    /// `data/syntax/<tag>.model`, written by `kgexport-train` (empty when none was trained).
    pub model: &'static [u8],
    /// `data/syntax/<tag>.lemmas.tsv`.
    pub lemmas: &'static str,
    /// `data/syntax/<tag>.clusters.tsv`.
    pub clusters: &'static str,
}

/// The syntax data of a language.
pub fn syntax_data(lang: Lang) -> SyntaxData {
    match lang {
        Lang::De => DE_SYNTAX,
        Lang::En => EN_SYNTAX,
    }
}

// Statics, not literals in `syntax_data`: a literal is copied into every code unit the function
// is inlined in, and each copy's pages would be read (the tables are searched in place).
static DE_SYNTAX: SyntaxData = SyntaxData {
    model: include_bytes!("../data/syntax/de.model"),
    lemmas: include_str!("../data/syntax/de.lemmas.tsv"),
    clusters: include_str!("../data/syntax/de.clusters.tsv"),
};
static EN_SYNTAX: SyntaxData = SyntaxData {
    model: include_bytes!("../data/syntax/en.model"),
    lemmas: include_str!("../data/syntax/en.lemmas.tsv"),
    clusters: include_str!("../data/syntax/en.clusters.tsv"),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventKind;

    #[test]
    fn every_language_parses() {
        for lang in Lang::ALL {
            assert!(!rules(lang).triggers.is_empty(), "{lang:?} has triggers");
        }
    }

    #[test]
    fn every_event_kind_has_triggers_in_every_language() {
        for lang in Lang::ALL {
            for kind in EventKind::ALL {
                assert!(rules(lang).triggers.iter().any(|g| g.kind == kind), "{lang:?} lacks {kind:?} triggers");
            }
        }
    }

    #[test]
    fn trigger_forms_are_unique_per_language() {
        for lang in Lang::ALL {
            let mut seen = BTreeSet::new();
            for group in &rules(lang).triggers {
                let verb = group.frame.is_verb();
                for form in &group.forms {
                    assert!(
                        seen.insert((
                            group.kind,
                            form.clone(),
                            group.particle.clone(),
                            verb,
                            group.preceded_by.clone(),
                            group.followed_by.clone()
                        )),
                        "{lang:?}: trigger {form:?} listed twice"
                    );
                }
            }
        }
    }

    #[test]
    fn a_trigger_lemma_is_matched_in_its_regular_forms_and_only_those() {
        let kinds = |lang: Lang, form: &str| rules(lang).groups_of(form).map(|g| g.kind).collect::<Vec<_>>();
        for (lang, form, kind) in [
            (Lang::De, "konferierten", EventKind::Meeting),
            (Lang::De, "landet", EventKind::Visit),
            (Lang::De, "spendete", EventKind::Shipment),
            (Lang::De, "sitzungen", EventKind::Meeting),
            (Lang::En, "negotiating", EventKind::Meeting),
            (Lang::En, "dispatched", EventKind::Shipment),
            (Lang::En, "trips", EventKind::Visit),
        ] {
            assert!(kinds(lang, form).contains(&kind), "{lang:?}: {form:?} is a {kind:?} trigger");
        }
        // Words of their own that a rule would make from a lemma: "Besuch|er" is a person,
        // "reis|e|e" no word.
        for (lang, form) in [(Lang::De, "besucher"), (Lang::De, "reisee"), (Lang::En, "visitted")] {
            assert!(kinds(lang, form).is_empty(), "{lang:?}: {form:?} is no trigger");
        }
        // A participle made by a rule is one.
        assert!(rules(Lang::De).groups_of("gelandet").any(|g| g.participles.iter().any(|p| p == "gelandet")));
    }

    #[test]
    fn detects_language() {
        assert_eq!(
            detect("Der Minister ist am Mittwoch in der Hauptstadt eingetroffen und hat mit ihm gesprochen."),
            Lang::De
        );
        assert_eq!(detect("The minister arrived in the capital on Wednesday and said that he was pleased."), Lang::En);
    }
}
