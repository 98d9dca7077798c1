//! Clauses: a sentence cut into runs of tokens between commas and other breaks (and before a
//! coordinator that joins a main clause of its own), and the clause a word stands in.

use super::Reader;
use super::triggers::Trigger;
use crate::mentions::Mention;
use crate::syntax::ud::Upos;
use crate::text::{Token, TokenKind};

/// A clause: a run of tokens between commas and other breaks.
#[derive(Clone, Debug)]
pub(super) struct Clause {
    pub(super) first: usize,
    pub(super) last: usize,
    /// Opens with a relative pronoun: its subject is the noun before the comma.
    pub(super) relative: bool,
    /// Opens with a subordinator ("dass", "that").
    pub(super) complement: bool,
}

pub(super) fn clause_of(clauses: &[Clause], at: usize) -> usize {
    clauses
        .iter()
        .position(|c| c.first <= at && at < c.last)
        .or_else(|| clauses.iter().rposition(|c| c.first <= at))
        .unwrap_or(0)
}

impl<'a> Reader<'a> {
    pub(super) fn clauses(&self, tokens: &[Token], mentions: &[Mention]) -> Vec<Clause> {
        let mut clauses = Vec::new();
        let mut first = 0;
        for (i, t) in tokens.iter().enumerate() {
            // "Washington, D.C.": a comma inside a name does not end a clause.
            let inside_name = mentions.iter().any(|m| m.first < i && i + 1 < m.last);
            let breaks = t.kind == TokenKind::Punct
                && matches!(t.text.as_str(), "," | ";" | ":" | "–" | "—")
                && !inside_name
                && !(t.is(',') && self.list_comma(tokens, i));
            if breaks {
                if i > first {
                    clauses.push(self.clause(tokens, first, i));
                }
                first = i + 1;
            } else if i > first && self.joins_main_clause(tokens, mentions, first, i) {
                // The coordinator opens the clause it joins.
                clauses.push(self.clause(tokens, first, i));
                first = i;
            }
        }
        if first < tokens.len() {
            clauses.push(self.clause(tokens, first, tokens.len()));
        }
        if clauses.is_empty() {
            clauses.push(Clause { first: 0, last: tokens.len(), relative: false, complement: false });
        }
        clauses
    }

    /// "Erdogan hosted Putin in Ankara and Scholz met Meloni in Rome": where the subject stands
    /// before its verb, a coordinator followed by a name and a finite verb, after a finite verb of
    /// the clause so far, joins a main clause of its own ("Scholz and Macron met" joins names).
    fn joins_main_clause(&self, tokens: &[Token], mentions: &[Mention], first: usize, at: usize) -> bool {
        if self.rules.verb_final || !self.rules.coordinators.contains(tokens[at].lower()) {
            return false;
        }
        // "and then Meloni flew": an adverb may stand before the name.
        let Some(name) = mentions.iter().find(|m| (m.first == at + 1 || m.first == at + 2) && m.kind.is_actor()) else {
            return false;
        };
        // "between Trump and Biden would be": names joined to a name are one phrase.
        if mentions.iter().any(|m| m.last == at && m.kind.is_actor()) {
            return false;
        }
        if tokens.get(name.last).is_none_or(|t| t.kind != TokenKind::Word || t.is_capitalized()) {
            return false;
        }
        self.tagged(tokens).is_some_and(|tags| {
            (name.first == at + 1 || tags.get(at + 1).is_some_and(|t| t.upos == Upos::Adv))
                && tags.get(name.last).is_some_and(|t| t.is_finite_verb())
                && tags.get(first..at).is_some_and(|before| before.iter().any(|t| t.is_finite_verb()))
        })
    }

    /// "The US, Russia, and Switzerland": a comma inside a list of names does not end a clause.
    /// The names after it run (capitalised words, "the") to another comma or a coordinator.
    fn list_comma(&self, tokens: &[Token], at: usize) -> bool {
        let mut k = at + 1;
        // The serial comma: ", and Switzerland".
        if tokens.get(k).is_some_and(|t| self.rules.coordinators.contains(t.lower())) {
            return tokens.get(k + 1).is_some_and(|n| n.is_capitalized())
                && tokens[..at].iter().rev().take(4).any(|t| t.is_capitalized());
        }
        let mut names = 0;
        while let Some(t) = tokens.get(k) {
            if t.is(',') || self.rules.coordinators.contains(t.lower()) {
                return names > 0 && names <= 3 && (t.is(',') || tokens.get(k + 1).is_some_and(|n| n.is_capitalized()));
            }
            if t.kind != TokenKind::Word || !(t.is_capitalized() || self.rules.determiners.contains(t.lower())) {
                return false;
            }
            names += 1;
            k += 1;
        }
        false
    }

    pub(super) fn clause(&self, tokens: &[Token], first: usize, last: usize) -> Clause {
        let opener = tokens[first].lower();
        // "der das Land besuchte", "who visited": a relative pronoun right after a comma.
        // "…, das am Montag gesendet wird": a word that is also an article is a relative pronoun
        // where no noun (capitalised) follows it.
        let article_relative = self.rules.article_relatives.contains(opener)
            && tokens.get(first + 1).is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalized());
        let relative = first > 0 && (self.rules.relative_pronouns.contains(opener) || article_relative);
        let complement = self.rules.subordinators.contains(opener);
        Clause { first, last, relative, complement }
    }

    /// "The PRC demanded that the US cancel plans to sell …": a subordinator inside the clause,
    /// with an actor between it and the trigger, opens the trigger's own clause.
    pub(super) fn inner_clause_start(&self, tokens: &[Token], mentions: &[Mention], c: &Clause, at: usize) -> usize {
        (c.first + 1..at)
            .rev()
            .find(|&i| {
                self.rules.subordinators.contains(tokens[i].lower())
                    && mentions.iter().any(|m| m.first > i && m.last < at && m.kind.is_actor())
            })
            .map_or(c.first, |i| i + 1)
    }

    /// "met with Khalilzad, a US envoy, in Qatar": a later clause that opens with a preposition
    /// continues the clause `from` when only short appositions (no relative or complement clause,
    /// no trigger) stand between them.
    pub(super) fn continues(
        &self,
        tokens: &[Token],
        clauses: &[Clause],
        triggers: &[Trigger<'_>],
        from: usize,
        to: usize,
    ) -> bool {
        const APPOSITION: usize = 6;
        let opens_with_preposition =
            |c: &Clause| self.rules.prepositions.get(tokens[c.first].lower()).is_some_and(|h| !h.is_empty());
        let plain =
            |c: &Clause| !c.relative && !c.complement && !triggers.iter().any(|t| t.at >= c.first && t.at < c.last);
        to > from
            && opens_with_preposition(&clauses[to])
            && !clauses[to].relative
            && clauses[from + 1..to].iter().all(|c| plain(c) && c.last - c.first <= APPOSITION)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Lang;

    /// The clauses of an invented English sentence, without mentions.
    fn clauses(text: &str) -> Vec<Clause> {
        let rules = crate::lang::rules(Lang::En);
        let sentences = crate::text::segment(text, rules);
        Reader::new(rules, None, None).clauses(&sentences[0].tokens, &[])
    }

    #[test]
    fn a_comma_before_a_relative_pronoun_opens_a_relative_clause() {
        let c = clauses("Merkel met Obama, who visited Berlin.");
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].first, c[0].last, c[0].relative), (0, 3, false));
        assert_eq!((c[1].first, c[1].last, c[1].relative, c[1].complement), (4, 8, true, false));
        assert_eq!(clause_of(&c, 5), 1);
        // The comma itself belongs to the clause before it.
        assert_eq!(clause_of(&c, 3), 0);
    }

    #[test]
    fn a_subordinator_opens_a_complement() {
        let c = clauses("Merkel left, because Obama stayed.");
        assert_eq!(c.len(), 2);
        assert!(c[1].complement && !c[1].relative);
    }

    #[test]
    fn commas_inside_a_list_of_names_end_no_clause() {
        let c = clauses("The US, Russia, and Switzerland met in Geneva.");
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].first, c[0].last), (0, 11));
    }
}
