//! Trees: reading an analysed sentence: children, the subjects, objects and obliques of a verb
//! (through conjunctions), passives, case markers and the span of a phrase.

use super::Word;
use super::ud::{Rel, Sub, Upos};

/// Does a dependent with this relation belong to the description of its head noun?
fn describes(rel: Rel) -> bool {
    !matches!(
        rel,
        Rel::Acl | Rel::Conj | Rel::Cc | Rel::Punct | Rel::Appos | Rel::Parataxis | Rel::Advcl | Rel::Ccomp | Rel::Dep
    )
}

/// An analysed sentence with each word's children at hand.
pub struct Tree<'a> {
    words: &'a [Word],
    children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    /// Indexes the children of every word.
    pub fn new(words: &'a [Word]) -> Tree<'a> {
        let mut children = vec![Vec::new(); words.len()];
        for (i, w) in words.iter().enumerate() {
            if let Some(h) = w.head.filter(|&h| h < words.len() && h != i) {
                children[h].push(i);
            }
        }
        Tree { words, children }
    }

    /// The words.
    pub fn words(&self) -> &'a [Word] {
        self.words
    }

    /// The root word.
    pub fn root(&self) -> Option<usize> {
        self.words.iter().position(|w| w.head.is_none())
    }

    /// The children of a word, left to right.
    pub fn children(&self, i: usize) -> &[usize] {
        &self.children[i]
    }

    /// The children of a word with a universal relation (any subtype).
    pub fn dependents(&self, i: usize, rel: Rel) -> impl Iterator<Item = usize> + '_ {
        self.children[i].iter().copied().filter(move |&c| self.words[c].deprel.rel == rel)
    }

    /// A word with the words conjoined to it ("Peru, Chile and Ecuador").
    pub fn with_conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() {
            let more: Vec<usize> = self.dependents(out[k], Rel::Conj).filter(|c| !out.contains(c)).collect();
            out.extend(more);
            k += 1;
        }
        out
    }

    /// The verb a conjoined verb shares its arguments with ("arrived and met": "met" → "arrived").
    fn first_conjunct(&self, mut i: usize) -> usize {
        let mut steps = 0;
        while self.words[i].deprel.rel == Rel::Conj && steps < self.words.len() {
            match self.words[i].head {
                Some(h) => i = h,
                None => break,
            }
            steps += 1;
        }
        i
    }

    /// The arguments of a verb by one relation, with their conjuncts; a conjoined verb without its
    /// own takes its first conjunct's.
    fn arguments(&self, verb: usize, rel: Rel) -> Vec<usize> {
        let own: Vec<usize> = self.dependents(verb, rel).collect();
        let own = if own.is_empty() && rel == Rel::Nsubj {
            let first = self.first_conjunct(verb);
            if first == verb { own } else { self.dependents(first, rel).collect() }
        } else {
            own
        };
        own.into_iter().flat_map(|a| self.with_conjuncts(a)).collect()
    }

    /// The subjects of a verb (also of a passive).
    pub fn subjects(&self, verb: usize) -> Vec<usize> {
        self.arguments(verb, Rel::Nsubj)
    }

    /// The direct objects of a verb.
    pub fn objects(&self, verb: usize) -> Vec<usize> {
        self.arguments(verb, Rel::Obj)
    }

    /// The obliques of a verb, each with its case marker ("in Berlin", "von der Regierung").
    pub fn obliques(&self, verb: usize) -> Vec<(usize, Option<usize>)> {
        self.arguments(verb, Rel::Obl).into_iter().map(|o| (o, self.case_marker(o))).collect()
    }

    /// The preposition or postposition of a noun ("nach", "zufolge", "by").
    pub fn case_marker(&self, noun: usize) -> Option<usize> {
        self.dependents(noun, Rel::Case).next()
    }

    /// A verb in the passive: a passive auxiliary or a passive subject hangs from it.
    pub fn is_passive(&self, verb: usize) -> bool {
        self.children[verb].iter().any(|&c| self.words[c].deprel.sub == Sub::Pass)
    }

    /// The word of `first..last` whose head lies outside it: the head of a name or phrase.
    pub fn head_of(&self, first: usize, last: usize) -> Option<usize> {
        let last = last.min(self.words.len());
        (first..last).find(|&i| self.words[i].head.is_none_or(|h| h < first || h >= last))
    }

    /// The words that describe the name at `first..last`, nearest first: the title it stands in
    /// apposition to ("der israelische Außenminister Silvan Shalom"), and its own appositions and
    /// compound titles ("Ana Ruiz, die Leiterin der spanischen Zollbehörde", "Prime Minister
    /// Tomas Berg"), each with its modifiers, but without the name, clauses, conjuncts and further
    /// appositions.
    pub fn descriptions(&self, first: usize, last: usize) -> Vec<usize> {
        let Some(mut head) = self.head_of(first, last) else {
            return Vec::new();
        };
        // "Mirza Asif Baig" with only "Asif Baig" found: the proper nouns the name hangs from
        // are part of it.
        let mut first = first;
        while matches!(self.words[head].deprel.rel, Rel::Flat | Rel::Appos)
            && let Some(up) = self.words[head].head.filter(|&h| h < first && self.words[h].upos == Upos::Propn)
        {
            first = up;
            head = up;
        }
        let inside = |i: usize| (first..last).contains(&i);
        let mut roots = Vec::new();
        if matches!(self.words[head].deprel.rel, Rel::Appos | Rel::Flat)
            && let Some(title) = self.words[head].head.filter(|&g| g < self.words.len() && !inside(g))
            && self.words[title].upos == Upos::Noun
        {
            roots.push(title);
        }
        let mut own: Vec<usize> = (first..last.min(self.words.len()))
            .flat_map(|i| self.children[i].iter().copied())
            .filter(|&c| !inside(c) && matches!(self.words[c].deprel.rel, Rel::Appos | Rel::Compound))
            .filter(|&c| self.words[c].upos == Upos::Noun)
            .collect();
        own.sort_by_key(|&c| if c < first { first - c } else { c - last + 1 });
        roots.extend(own);
        roots.extend(self.misread_apposition(head, last));
        let mut out: Vec<usize> = Vec::new();
        for root in roots {
            let mut queue = std::collections::VecDeque::from([root]);
            while let Some(w) = queue.pop_front() {
                if out.contains(&w) || inside(w) || out.len() > self.words.len() {
                    continue;
                }
                out.push(w);
                queue.extend(
                    self.children[w].iter().copied().filter(|&c| !inside(c) && describes(self.words[c].deprel.rel)),
                );
            }
        }
        out
    }

    /// "Tomas Berg, the Prime Minister of Norland, met …" read as a second subject, "…, erklärte
    /// Mirza Asif Baig, der Leiter der Delegation." read as a conjunct: a noun phrase without a
    /// verb of its own, set off by a comma right after a name and hanging from the name's verb,
    /// is the name's apposition.
    fn misread_apposition(&self, head: usize, last: usize) -> Option<usize> {
        self.words.get(last).filter(|w| w.upos == Upos::Punct)?;
        let verb = self.words[head].head?;
        if !matches!(self.words[head].deprel.rel, Rel::Nsubj | Rel::Obj) {
            return None;
        }
        let clause_of_its_own = |n: usize| {
            self.children[n].iter().any(|&c| matches!(self.words[c].deprel.rel, Rel::Nsubj | Rel::Cop | Rel::Aux))
        };
        self.children[verb].iter().copied().find(|&n| {
            n > last
                && self.words[n].upos == Upos::Noun
                && matches!(self.words[n].deprel.rel, Rel::Nsubj | Rel::Obj | Rel::Conj | Rel::Appos | Rel::Parataxis)
                && (last..=last + 1).contains(&self.span(n).0)
                && !clause_of_its_own(n)
        })
    }

    /// The first and last word of a word's phrase (its subtree), as positions.
    pub fn span(&self, i: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        let mut seen = 0;
        while let Some(w) = stack.pop() {
            seen += 1;
            if seen > self.words.len() {
                break;
            }
            lo = lo.min(w);
            hi = hi.max(w);
            stack.extend(self.children[w].iter().copied());
        }
        (lo, hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ud::{Deprel, Feats, Upos};

    fn word(head: Option<usize>, rel: &str) -> Word {
        Word { lemma: String::new(), upos: Upos::X, feats: Feats::default(), head, deprel: Deprel::parse(rel) }
    }

    /// "Peru und Chile trafen Japan und lieferten Weizen nach Lima ."
    fn sentence() -> Vec<Word> {
        vec![
            word(Some(3), "nsubj"), // 0 Peru
            word(Some(2), "cc"),    // 1 und
            word(Some(0), "conj"),  // 2 Chile
            word(None, "root"),     // 3 trafen
            word(Some(3), "obj"),   // 4 Japan
            word(Some(6), "cc"),    // 5 und
            word(Some(3), "conj"),  // 6 lieferten
            word(Some(6), "obj"),   // 7 Weizen
            word(Some(9), "case"),  // 8 nach
            word(Some(6), "obl"),   // 9 Lima
            word(Some(3), "punct"), // 10 .
        ]
    }

    #[test]
    fn arguments_reach_through_conjunctions() {
        let words = sentence();
        let t = Tree::new(&words);
        assert_eq!(t.root(), Some(3));
        assert_eq!(t.subjects(3), [0, 2]);
        assert_eq!(t.subjects(6), [0, 2], "a conjoined verb shares its first conjunct's subjects");
        assert_eq!(t.objects(6), [7]);
        assert_eq!(t.obliques(6), [(9, Some(8))]);
        assert!(!t.is_passive(3));
        assert_eq!(t.span(6), (5, 9));
        assert_eq!(t.span(0), (0, 2));
    }

    /// The forms of `text`'s words that describe the name at `first..last`, by the compiled model.
    fn described(lang: crate::article::Lang, text: &str, first: usize, last: usize) -> Vec<String> {
        let forms: Vec<&str> = text.split(' ').collect();
        let words = crate::syntax::model(lang).expect("a model").analyse(&forms);
        Tree::new(&words).descriptions(first, last).into_iter().map(|i| forms[i].to_string()).collect()
    }

    #[test]
    fn a_name_is_described_by_its_title_and_appositions_not_by_its_neighbours() {
        use crate::article::Lang;
        let ruiz =
            described(Lang::De, "Ana Ruiz , die Leiterin der spanischen Zollbehörde , traf den Minister .", 0, 2);
        assert!(ruiz.contains(&"Leiterin".into()) && ruiz.contains(&"spanischen".into()), "{ruiz:?}");
        assert!(!ruiz.contains(&"Minister".into()), "{ruiz:?}");
        let text = "Bei einem Treffen zwischen dem israelischen Außenminister Silvan Shalom und seinem Amtskollegen Khursheed Kasuri wurde gesprochen .";
        let shalom = described(Lang::De, text, 7, 9);
        assert!(shalom.contains(&"israelischen".into()), "{shalom:?}");
        let kasuri = described(Lang::De, text, 12, 14);
        assert!(kasuri.contains(&"Amtskollegen".into()), "{kasuri:?}");
        assert!(!kasuri.contains(&"israelischen".into()), "a conjunct's title is not the name's: {kasuri:?}");
        let baig = described(Lang::De, "Das sagte Mirza Asif Baig , der Leiter der pakistanischen Delegation .", 3, 5);
        assert!(baig.contains(&"pakistanischen".into()), "a name found in part is described as a whole: {baig:?}");
        let text = "Zu einer Einigung sei es nicht gekommen , erklärte Mirza Asif Baig , der Leiter der pakistanischen Delegation .";
        let baig = described(Lang::De, text, 10, 12);
        assert!(baig.contains(&"pakistanischen".into()), "a name found in part is described as a whole: {baig:?}");
        let berg = described(Lang::En, "Mr. Tomas Berg , the Prime Minister of Norland , met the envoy .", 1, 3);
        assert!(berg.contains(&"Minister".into()) && berg.contains(&"Norland".into()), "{berg:?}");
        assert!(!berg.contains(&"envoy".into()), "{berg:?}");
    }

    #[test]
    fn passives_and_odd_heads() {
        let words =
            vec![word(Some(2), "nsubj:pass"), word(Some(2), "aux:pass"), word(None, "root"), word(Some(9), "dep")];
        let t = Tree::new(&words);
        assert!(t.is_passive(2));
        assert_eq!(t.children(2), [0, 1]);
        assert_eq!(t.span(3), (3, 3), "a head out of range is no child");
    }
}
