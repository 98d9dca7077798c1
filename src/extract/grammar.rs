//! What the rules read in the sentence's tags and tree (`crate::analysis`: made at most once per
//! sentence, and only when a rule asks).

use super::Reader;
use super::clauses::Clause;
use super::phrases::phrase_in;
use crate::lang::RoleHint;
use crate::mentions::Mention;
use crate::model::EntityKind;
use crate::syntax::tree::Tree;
use crate::syntax::ud::{Attr, Rel, Upos};
use crate::syntax::{Tagged, Word};
use crate::text::Token;
use std::rc::Rc;

/// How far a word's chain of heads is followed.
const MAX_CLIMB: usize = 12;

impl<'a> Reader<'a> {
    /// The sentence's words with their tree; `None` without the grammar.
    pub(super) fn parsed(&self, tokens: &[Token]) -> Option<Rc<Vec<Word>>> {
        self.analysis.words(tokens)
    }

    /// The sentence's words with their parts of speech and features; `None` without the grammar.
    pub(super) fn tagged(&self, tokens: &[Token]) -> Option<Rc<Vec<Tagged>>> {
        self.analysis.tags(tokens)
    }

    /// The sentence's words with their tree where its tags leave a question `open`: the tree's
    /// parts of speech and features are the tags', so a question the tags answer builds no tree
    /// (and the tags are what the tree is built on). `None` without the grammar or where the tags
    /// answer.
    pub(super) fn parsed_where(&self, tokens: &[Token], open: impl Fn(&[Tagged]) -> bool) -> Option<Rc<Vec<Word>>> {
        open(&self.tagged(tokens)?).then(|| self.parsed(tokens)).flatten()
    }

    /// Whether the word at `at`, read as a verb alone or joined with the particle that closes its
    /// clause ("kündigte … an": "ankündigte"), has one of `lemmas`.
    pub(super) fn clause_verb_lemma_in(&self, tokens: &[Token], at: usize, clause: &Clause, lemmas: &[String]) -> bool {
        let verb = tokens[at].lower();
        let particle = tokens[at + 1..clause.last.max(at + 1)]
            .iter()
            .rev()
            .find(|t| t.kind == crate::text::TokenKind::Word)
            .map(Token::lower);
        self.verb_lemma_in(verb, lemmas) || particle.is_some_and(|p| self.verb_lemma_in(&format!("{p}{verb}"), lemmas))
    }

    /// Whether a word, read as a verb, has one of `lemmas` (the lemma from the thread's memo of
    /// the grammar, worked out once while the thread keeps meeting the word).
    pub(super) fn verb_lemma_in(&self, word: &str, lemmas: &[String]) -> bool {
        self.grammar.is_some_and(|g| g.lemma_in(word, Upos::Verb, lemmas))
    }

    /// How many steps up the tree lead from the word at `at` to the word at `head`, passing no
    /// other verb than one that modifies a noun ("the meeting, which was planned for …").
    pub(super) fn steps_under(words: &[Word], at: usize, head: usize) -> Option<usize> {
        let mut i = at;
        for step in 0..MAX_CLIMB {
            if i == head {
                return Some(step);
            }
            let w = words.get(i)?;
            if step > 0 && w.upos == Upos::Verb && w.deprel.rel != Rel::Acl {
                return None;
            }
            i = w.head?;
        }
        None
    }

    /// Whether the verb that governs the word at `at` stands above the word at `trigger` across a
    /// complement clause: `at` modifies a report or an announcement of the event.
    pub(super) fn above_complement(words: &[Word], at: usize, trigger: usize) -> bool {
        let Some(verb) = Self::verb_above(words, at) else {
            return false;
        };
        let mut i = trigger;
        let mut crossed = false;
        for _ in 0..MAX_CLIMB {
            if i == verb {
                return crossed;
            }
            let Some(w) = words.get(i) else { return false };
            crossed |= w.deprel.rel == Rel::Ccomp;
            let Some(h) = w.head else { return false };
            i = h;
        }
        false
    }

    /// Whether the word at `at` modifies a noun's attribute rather than the trigger: climbing
    /// its heads meets an adjective or participle that modifies a noun before the trigger ("Der
    /// am Dienstag verletzte Spieler reist nach Sardinien": Tuesday is when he was hurt), unless
    /// that noun names an event ("die heute stattfindende Konferenz" dates the conference and
    /// what happens at it).
    pub(super) fn inside_attribute(&self, tokens: &[Token], words: &[Word], at: usize, trigger: usize) -> bool {
        let mut i = at;
        for _ in 0..MAX_CLIMB {
            if i == trigger {
                return false;
            }
            let Some(w) = words.get(i) else { return false };
            let Some(h) = w.head else { return false };
            if w.deprel.rel == Rel::Amod && h != trigger {
                return !tokens.get(h).is_some_and(|t| self.is_event_noun(t.lower()));
            }
            i = h;
        }
        false
    }

    /// Whether a stretch of tagged words is told in the past: a finite verb in a past tense
    /// ("besuchte", "visited"), or a perfect ("hat … besucht", "has visited"). Treebanks differ
    /// in what they mark: a participle says so, or is past without a mood.
    pub(super) fn told_in_past(&self, tags: &[Tagged]) -> bool {
        let participle = |t: &Tagged| {
            t.feats.is(Attr::VerbForm, "Part") || (t.feats.is(Attr::Tense, "Past") && t.feats.get(Attr::Mood).is_none())
        };
        let finite_past = tags.iter().any(|t| t.is_finite_verb() && t.feats.is(Attr::Tense, "Past"));
        finite_past
            || tags.iter().enumerate().any(|(k, t)| {
                t.upos == Upos::Aux
                    && self.rules.time.perfect_auxiliaries.contains(&t.lemma)
                    && tags[k + 1..].iter().any(|p| p.upos == Upos::Verb && participle(p))
            })
    }

    /// Whether a stretch of tagged words is told in the present: a finite full verb in the
    /// present tense ("kommen … zusammen", "meets"; an auxiliary may form a perfect), and
    /// nothing told in the past.
    pub(super) fn stretch_in_present(&self, tags: &[Tagged]) -> bool {
        let present =
            tags.iter().any(|t| t.upos == Upos::Verb && t.is_finite_verb() && t.feats.is(Attr::Tense, "Pres"));
        present && !self.told_in_past(tags)
    }

    /// The verb whose subject a verb without one of its own shares: the verb a gerund or
    /// participle modifies ("criticised the move, accusing Y of …") or its first conjunct
    /// ("kritisierte … und warf Y vor"). `None` where the verb has a subject or stands alone.
    pub(super) fn subject_shared_with(&self, tokens: &[Token], at: usize) -> Option<usize> {
        let words = self.parsed_where(tokens, |tags| tags.get(at).is_some_and(|t| t.upos == Upos::Verb))?;
        let tree = Tree::new(&words);
        if tree.dependents(at, Rel::Nsubj).next().is_some() {
            return None;
        }
        let w = &words[at];
        let non_finite = w.feats.is(Attr::VerbForm, "Ger") || w.feats.is(Attr::VerbForm, "Part");
        let head = w.head.filter(|&h| words[h].upos == Upos::Verb)?;
        match w.deprel.rel {
            Rel::Advcl if non_finite => Some(head),
            // "… und warf Y vor": a conjunct joined by a coordinator, not one read across a comma.
            Rel::Conj if tree.dependents(at, Rel::Cc).next().is_some() => Some(head),
            _ => None,
        }
    }

    /// The first verb above a word.
    pub(super) fn verb_above(words: &[Word], at: usize) -> Option<usize> {
        let mut i = at;
        for _ in 0..MAX_CLIMB {
            i = words.get(i)?.head?;
            if words[i].upos == Upos::Verb {
                return Some(i);
            }
        }
        None
    }

    /// Whether the predicate that governs the word at `at` is told as future or planned: the
    /// first verb above it, with its auxiliaries and the verb it completes ("will visit on
    /// Monday", "plans to visit on Monday"), holds a cue of the future or of a plan.
    pub(super) fn governed_as_future(&self, tokens: &[Token], lower: &[&str], at: usize) -> Option<bool> {
        let words = self.parsed(tokens)?;
        let verb = Self::verb_above(&words, at)?;
        let tree = Tree::new(&words);
        let mut around = vec![verb];
        if matches!(words[verb].deprel.rel, Rel::Xcomp)
            && let Some(h) = words[verb].head
        {
            around.push(h);
        }
        let with_aux: Vec<usize> = around
            .iter()
            .flat_map(|&v| std::iter::once(v).chain(tree.dependents(v, Rel::Aux)).chain(tree.dependents(v, Rel::Mark)))
            .collect();
        let (first, last) = (with_aux.iter().min().copied()?, with_aux.iter().max().copied()?);
        let span = &lower[first..=last.min(lower.len() - 1)];
        let cues = &self.rules.cues;
        Some(cues.future_aux.iter().chain(&cues.planned).any(|c| phrase_in(span, c)))
    }

    /// Whether the verb that governs the word at `at` is a finite verb in the present tense
    /// ("trifft am Montag", "meets on Monday"), not a perfect ("hat … getroffen").
    pub(super) fn told_in_present(&self, tokens: &[Token], at: usize) -> Option<bool> {
        let present = |t: &Tagged| t.upos == Upos::Verb && t.feats.is(Attr::Tense, "Pres") && t.is_finite_verb();
        let words = self.parsed_where(tokens, |tags| tags.iter().any(present))?;
        let verb = Self::verb_above(&words, at)?;
        let feats = &words[verb].feats;
        // "Die Panzer sind am Montag eingetroffen": a present verb with a participle (or an
        // untagged non-finite verb) under it is a perfect, told in the past (where the tagger took
        // the auxiliary for the verb).
        let perfect = words.iter().any(|w| {
            w.head == Some(verb)
                && w.upos == Upos::Verb
                && !w.is_finite_verb()
                && !w.feats.is(Attr::VerbForm, "Inf")
                && !w.feats.is(Attr::VerbForm, "Ger")
        });
        Some(feats.is(Attr::Tense, "Pres") && words[verb].is_finite_verb() && !perfect)
    }

    /// The words a verb of discussing ("discuss", "besprechen") takes as its objects, with their
    /// conjuncts, between `first` and `last`: the topics of a meeting, never its parties. The tree
    /// is read only when such a verb stands there.
    pub(super) fn topics(&self, tokens: &[Token], first: usize, last: usize) -> Vec<usize> {
        let Some(grammar) = self.grammar else {
            return Vec::new();
        };
        let verbs: Vec<usize> = (first..last.min(tokens.len()))
            .filter(|&k| {
                let t = &tokens[k];
                t.kind == crate::text::TokenKind::Word
                    && !t.is_capitalized()
                    && self.rules.topic_verbs.contains(&grammar.lemma(t.lower(), Upos::Verb))
            })
            .collect();
        if verbs.is_empty() {
            return Vec::new();
        }
        let Some(words) = self.parsed(tokens) else {
            return Vec::new();
        };
        let tree = Tree::new(&words);
        verbs.into_iter().filter(|&v| words[v].upos == Upos::Verb).flat_map(|v| tree.objects(v)).collect()
    }

    /// "Nach Gesprächen mit X reiste Y ab", "After talks with X, Y flew home": the subjects of the
    /// verb that an event noun at `at` is an oblique of, unless its preposition names a topic
    /// ("warned against talks with X"); one that opens the sentence before a possessive pronoun
    /// sets the scene ("On his trip to China, Scholz met Xi"). Empty without the grammar.
    pub(super) fn adjunct_subjects(&self, tokens: &[Token], at: usize) -> Vec<PhraseWord> {
        let Some(words) = self.parsed_where(tokens, |tags| tags.iter().any(|t| t.upos == Upos::Verb)) else {
            return Vec::new();
        };
        Self::subjects_above_oblique(&words, at, |case| {
            let opens = case == 0 && tokens.get(1).is_some_and(|t| self.rules.possessive_pronouns.contains(t.lower()));
            opens || self.rules.prepositions.get(tokens[case].lower()).is_none_or(|h| !h.contains(&RoleHint::Topic))
        })
    }

    /// The subjects, with their conjuncts, of the verb whose oblique is the word at `at`, when
    /// `case_ok` accepts the oblique's case marker.
    fn subjects_above_oblique(words: &[Word], at: usize, case_ok: impl Fn(usize) -> bool) -> Vec<PhraseWord> {
        let Some(w) = words.get(at) else { return Vec::new() };
        let Some(verb) = w.head.filter(|&h| w.deprel.rel == Rel::Obl && words[h].upos == Upos::Verb) else {
            return Vec::new();
        };
        let tree = Tree::new(words);
        if !tree.case_marker(at).is_some_and(case_ok) {
            return Vec::new();
        }
        with_genitives(&tree, tree.subjects(verb))
    }

    /// "das Treffen der Außenminister Frankreichs und Russlands", "Gespräche Frankreichs und
    /// Russlands": the words of the noun at `at`'s attributes in the genitive, which no
    /// preposition governs, with their phrases (`with_genitives`). Empty without the grammar.
    pub(super) fn genitive_attributes(&self, tokens: &[Token], at: usize) -> Vec<PhraseWord> {
        let Some(words) = self.parsed_where(tokens, |tags| tags.iter().any(|t| t.feats.is(Attr::Case, "Gen"))) else {
            return Vec::new();
        };
        if at >= words.len() {
            return Vec::new();
        }
        let tree = Tree::new(&words);
        let own = tree.children(at).iter().copied().filter(|&d| is_genitive_attribute(&tree, d)).collect();
        with_genitives(&tree, own)
    }

    /// "X und Y sprachen über den Handel", "X and Y spoke about trade": the verb at `at` has two
    /// or more subjects joined (by the tree; a verb without a subject, its joined objects before
    /// it, as names have no case to tell them apart) and an oblique with one of `topics`,
    /// after it or, where a participle closes the clause, before it ("haben über X
    /// gesprochen"). `false` without the grammar or without topics.
    pub(super) fn joined_subjects(&self, tokens: &[Token], at: usize, topics: &[String]) -> bool {
        if topics.is_empty() {
            return false;
        }
        let Some(words) = self.parsed_where(tokens, |tags| is_verb(tags, at)) else {
            return false;
        };
        if at >= words.len() || words[at].upos != Upos::Verb {
            return false;
        }
        let tree = Tree::new(&words);
        let mut subjects = tree.subjects(at);
        if subjects.is_empty() {
            subjects = tree.objects(at).into_iter().filter(|&o| o < at).collect();
        }
        let topic = tree
            .obliques(at)
            .into_iter()
            .any(|(_, case)| case.is_some_and(|c| topics.iter().any(|t| t == tokens[c].lower())));
        subjects.len() >= 2 && topic
    }

    /// The first verb or auxiliary from `first` up to `last` (tagged; `None` without the grammar).
    pub(super) fn first_verb(&self, tokens: &[Token], first: usize, last: usize) -> Option<usize> {
        let tags = self.tagged(tokens)?;
        (first..last.min(tags.len())).find(|&i| matches!(tags[i].upos, Upos::Verb | Upos::Aux))
    }

    /// Whether a verb or an auxiliary stands between `first` and `last` (tagged; `false` without
    /// the grammar or with nothing between).
    pub(super) fn verb_between(&self, tokens: &[Token], first: usize, last: usize) -> bool {
        if first >= last {
            return false;
        }
        self.tagged(tokens).is_some_and(|tags| {
            tags.get(first..last).is_some_and(|t| t.iter().any(|t| matches!(t.upos, Upos::Verb | Upos::Aux)))
        })
    }
}

/// Whether the word at `at` is tagged a verb.
pub(super) fn is_verb(tags: &[Tagged], at: usize) -> bool {
    tags.get(at).is_some_and(|t| t.upos == Upos::Verb)
}

/// A noun's attribute in the genitive that no preposition governs ("der Außenminister
/// *Frankreichs*").
fn is_genitive_attribute(tree: &Tree<'_>, d: usize) -> bool {
    let w = &tree.words()[d];
    w.deprel.rel == Rel::Nmod && tree.case_marker(d).is_none() && w.feats.is(Attr::Case, "Gen")
}

/// A word of a phrase that names who takes part: `described` when it stands in a genitive
/// attribute of another word of the phrase ("der Geschäftsführer *der CDU*"), where it tells
/// whom a person belongs to rather than naming a party of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PhraseWord {
    pub(super) at: usize,
    pub(super) described: bool,
}

/// The actors that the words of a phrase name: any actor over a word of its own, only a person
/// or a group over a described word.
pub(super) fn actors_named<'m>(
    mentions: impl IntoIterator<Item = &'m Mention>,
    words: &[PhraseWord],
) -> Vec<&'m Mention> {
    mentions
        .into_iter()
        .filter(|m| {
            m.kind.is_actor()
                && words.iter().any(|w| {
                    m.first <= w.at
                        && w.at < m.last
                        && (!w.described || matches!(m.kind, EntityKind::Person | EntityKind::Group))
                })
        })
        .collect()
}

/// Words with the words conjoined to them and their genitive attributes, and theirs in turn:
/// the words that name who a phrase is ("die Außenminister Frankreichs und Russlands", where the
/// tree joins "Russlands" to "Frankreichs").
fn with_genitives(tree: &Tree<'_>, heads: Vec<usize>) -> Vec<PhraseWord> {
    let mut out: Vec<PhraseWord> = heads.into_iter().map(|at| PhraseWord { at, described: false }).collect();
    let mut k = 0;
    while k < out.len() {
        let PhraseWord { at, described } = out[k];
        for &c in tree.children(at) {
            let next = if is_genitive_attribute(tree, c) {
                PhraseWord { at: c, described: true }
            } else if tree.words()[c].deprel.rel == Rel::Conj {
                PhraseWord { at: c, described }
            } else {
                continue;
            };
            if !out.iter().any(|w| w.at == c) {
                out.push(next);
            }
        }
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ud::{Deprel, Feats};

    /// Words from (form, upos, head from 1, relation) rows, as CoNLL-U writes them.
    fn words(rows: &[(&str, &str, usize, &str)]) -> Vec<Word> {
        rows.iter()
            .map(|&(form, upos, head, rel)| Word {
                lemma: form.to_lowercase(),
                upos: Upos::parse(upos).expect("a UPOS"),
                feats: Feats::default(),
                head: head.checked_sub(1),
                deprel: Deprel::parse(rel),
            })
            .collect()
    }

    #[test]
    fn a_date_in_a_relative_clause_is_under_its_noun_and_a_report_s_date_above_the_complement() {
        // "They announced on Friday that the visit, which is planned for May 25, takes place."
        let w = words(&[
            ("They", "PRON", 2, "nsubj"),
            ("announced", "VERB", 0, "root"),
            ("on", "ADP", 4, "case"),
            ("Friday", "PROPN", 2, "obl"),
            ("that", "SCONJ", 15, "mark"),
            ("the", "DET", 7, "det"),
            ("visit", "NOUN", 15, "nsubj"),
            (",", "PUNCT", 11, "punct"),
            ("which", "PRON", 11, "nsubj:pass"),
            ("is", "AUX", 11, "aux:pass"),
            ("planned", "VERB", 7, "acl:relcl"),
            ("for", "ADP", 13, "case"),
            ("May", "PROPN", 11, "obl"),
            ("25", "NUM", 13, "nummod"),
            ("takes", "VERB", 2, "ccomp"),
            ("place", "NOUN", 15, "obj"),
        ]);
        let (visit, may, friday) = (6, 12, 3);
        assert_eq!(Reader::steps_under(&w, may, visit), Some(2));
        assert_eq!(Reader::steps_under(&w, friday, visit), None);
        assert!(Reader::above_complement(&w, friday, visit));
        assert!(!Reader::above_complement(&w, may, visit));
    }

    #[test]
    fn the_subject_of_the_verb_an_event_noun_is_an_oblique_of_made_it() {
        // "Nach Gesprächen mit Xi reiste Scholz ab."
        let w = words(&[
            ("Nach", "ADP", 2, "case"),
            ("Gesprächen", "NOUN", 5, "obl"),
            ("mit", "ADP", 4, "case"),
            ("Xi", "PROPN", 2, "nmod"),
            ("reiste", "VERB", 0, "root"),
            ("Scholz", "PROPN", 5, "nsubj"),
            ("ab", "ADP", 5, "compound:prt"),
            (".", "PUNCT", 5, "punct"),
        ]);
        assert_eq!(Reader::subjects_above_oblique(&w, 1, |_| true), [PhraseWord { at: 5, described: false }]);
        // A preposition of topic ("warned against talks") keeps the subject out.
        assert!(Reader::subjects_above_oblique(&w, 1, |_| false).is_empty());
        // The name behind the noun is no oblique of the verb.
        assert!(Reader::subjects_above_oblique(&w, 3, |_| true).is_empty());
    }
}
