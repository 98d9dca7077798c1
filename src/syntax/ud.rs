//! Universal Dependencies vocabulary: parts of speech, morphological features and relations as closed sets.

use std::fmt;

/// A universal part of speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[repr(u8)]
pub enum Upos {
    /// Adjective.
    Adj,
    /// Adposition.
    Adp,
    /// Adverb.
    Adv,
    /// Auxiliary.
    Aux,
    /// Coordinating conjunction.
    Cconj,
    /// Determiner.
    Det,
    /// Interjection.
    Intj,
    /// Noun.
    Noun,
    /// Numeral.
    Num,
    /// Particle.
    Part,
    /// Pronoun.
    Pron,
    /// Proper noun.
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction.
    Sconj,
    /// Symbol.
    Sym,
    /// Verb.
    Verb,
    /// Other.
    #[default]
    X,
}

impl Upos {
    /// Every part of speech, in class-index order.
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The CoNLL-U spelling.
    pub fn as_str(self) -> &'static str {
        const NAMES: [&str; 17] = [
            "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
            "SCONJ", "SYM", "VERB", "X",
        ];
        NAMES[self as usize]
    }

    /// Reads the CoNLL-U spelling.
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|u| u.as_str() == s)
    }

    /// The class index (0..17).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A morphological attribute kgexport predicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Attr {
    /// Nominative, accusative, dative, genitive.
    Case,
    /// Singular, plural.
    Number,
    /// Masculine, feminine, neuter.
    Gender,
    /// First, second, third person.
    Person,
    /// Present, past.
    Tense,
    /// Indicative, subjunctive, imperative, conditional.
    Mood,
    /// Finite, infinitive, participle, gerund.
    VerbForm,
    /// Positive, comparative, superlative.
    Degree,
    /// Kind of pronoun or determiner.
    PronType,
    /// Definite or indefinite article.
    Definite,
    /// Possessive.
    Poss,
    /// Reflexive.
    Reflex,
    /// Passive participle.
    Voice,
    /// Negative polarity.
    Polarity,
    /// Cardinal or ordinal number.
    NumType,
}

impl Attr {
    /// Every attribute, in the order FEATS are written (alphabetical, as CoNLL-U asks).
    pub const ALL: [Attr; 15] = [
        Attr::Case,
        Attr::Definite,
        Attr::Degree,
        Attr::Gender,
        Attr::Mood,
        Attr::NumType,
        Attr::Number,
        Attr::Person,
        Attr::Polarity,
        Attr::Poss,
        Attr::PronType,
        Attr::Reflex,
        Attr::Tense,
        Attr::VerbForm,
        Attr::Voice,
    ];

    /// The CoNLL-U name.
    pub fn name(self) -> &'static str {
        match self {
            Attr::Case => "Case",
            Attr::Number => "Number",
            Attr::Gender => "Gender",
            Attr::Person => "Person",
            Attr::Tense => "Tense",
            Attr::Mood => "Mood",
            Attr::VerbForm => "VerbForm",
            Attr::Degree => "Degree",
            Attr::PronType => "PronType",
            Attr::Definite => "Definite",
            Attr::Poss => "Poss",
            Attr::Reflex => "Reflex",
            Attr::Voice => "Voice",
            Attr::Polarity => "Polarity",
            Attr::NumType => "NumType",
        }
    }

    /// The values it may take (index + 1 is the stored value; 0 means absent).
    pub fn values(self) -> &'static [&'static str] {
        match self {
            Attr::Case => &["Nom", "Acc", "Dat", "Gen"],
            Attr::Number => &["Sing", "Plur", "Ptan"],
            Attr::Gender => &["Masc", "Fem", "Neut", "Masc,Neut", "Fem,Masc,Neut"],
            Attr::Person => &["1", "2", "3"],
            Attr::Tense => &["Pres", "Past", "Fut"],
            Attr::Mood => &["Ind", "Sub", "Imp", "Cnd"],
            Attr::VerbForm => &["Fin", "Inf", "Part", "Ger"],
            Attr::Degree => &["Pos", "Cmp", "Sup"],
            Attr::PronType => {
                &["Art", "Prs", "Dem", "Ind", "Int", "Rel", "Tot", "Neg", "Rcp", "Emp", "Dem,Rel", "Int,Rel"]
            }
            Attr::Definite => &["Def", "Ind"],
            Attr::Poss => &["Yes"],
            Attr::Reflex => &["Yes"],
            Attr::Voice => &["Pass", "Act"],
            Attr::Polarity => &["Neg", "Pos"],
            Attr::NumType => &["Card", "Ord", "Frac", "Mult"],
        }
    }

    fn parse(name: &str) -> Option<Attr> {
        Attr::ALL.into_iter().find(|a| a.name() == name)
    }

    /// Position in [`Feats`].
    pub fn slot(self) -> usize {
        self as usize
    }
}

/// Morphological features: one value index per attribute (0: absent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Feats([u8; 15]);

impl Feats {
    /// The value of an attribute, if any.
    pub fn get(&self, attr: Attr) -> Option<&'static str> {
        let v = self.0[attr.slot()];
        (v > 0).then(|| attr.values()[usize::from(v) - 1])
    }

    /// The raw value index (0: absent).
    pub fn raw(&self, attr: Attr) -> u8 {
        self.0[attr.slot()]
    }

    /// Sets the raw value index (0: absent).
    pub fn set_raw(&mut self, attr: Attr, value: u8) {
        self.0[attr.slot()] = value;
    }

    /// Has this attribute with this value.
    pub fn is(&self, attr: Attr, value: &str) -> bool {
        self.get(attr) == Some(value)
    }

    /// Reads a CoNLL-U FEATS column; attributes and values outside the closed sets are dropped.
    pub fn parse(column: &str) -> Feats {
        let mut feats = Feats::default();
        for pair in column.split('|') {
            let Some((name, value)) = pair.split_once('=') else { continue };
            let Some(attr) = Attr::parse(name) else { continue };
            if let Some(i) = attr.values().iter().position(|v| *v == value) {
                feats.0[attr.slot()] = u8::try_from(i + 1).unwrap_or(0);
            }
        }
        feats
    }
}

impl fmt::Display for Feats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for attr in Attr::ALL {
            if let Some(v) = self.get(attr) {
                if !first {
                    f.write_str("|")?;
                }
                first = false;
                write!(f, "{}={v}", attr.name())?;
            }
        }
        if first {
            f.write_str("_")?;
        }
        Ok(())
    }
}

/// A universal dependency relation, with its language-specific subtype.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Deprel {
    /// The universal relation.
    pub rel: Rel,
    /// The subtype after the colon.
    pub sub: Sub,
}

macro_rules! closed_labels {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub enum $name {
            $($(#[$vm])* $variant,)*
        }

        impl $name {
            /// Every label.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The CoNLL-U spelling.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// Reads the CoNLL-U spelling.
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($text => Some($name::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

closed_labels!(
    /// The universal relations of UD v2.
    Rel {
        /// Unspecified dependency (also the default).
        #[default]
        Dep = "dep",
        /// Clausal modifier of a noun.
        Acl = "acl",
        /// Adverbial clause.
        Advcl = "advcl",
        /// Adverbial modifier.
        Advmod = "advmod",
        /// Adjectival modifier.
        Amod = "amod",
        /// Apposition.
        Appos = "appos",
        /// Auxiliary.
        Aux = "aux",
        /// Case marker.
        Case = "case",
        /// Coordinating conjunction.
        Cc = "cc",
        /// Clausal complement.
        Ccomp = "ccomp",
        /// Classifier.
        Clf = "clf",
        /// Compound.
        Compound = "compound",
        /// Conjunct.
        Conj = "conj",
        /// Copula.
        Cop = "cop",
        /// Clausal subject.
        Csubj = "csubj",
        /// Determiner.
        Det = "det",
        /// Discourse element.
        Discourse = "discourse",
        /// Dislocated element.
        Dislocated = "dislocated",
        /// Expletive.
        Expl = "expl",
        /// Fixed multi-word expression.
        Fixed = "fixed",
        /// Flat multi-word expression (names).
        Flat = "flat",
        /// Goes with.
        Goeswith = "goeswith",
        /// Indirect object.
        Iobj = "iobj",
        /// List.
        List = "list",
        /// Marker.
        Mark = "mark",
        /// Nominal modifier.
        Nmod = "nmod",
        /// Nominal subject.
        Nsubj = "nsubj",
        /// Numeric modifier.
        Nummod = "nummod",
        /// Object.
        Obj = "obj",
        /// Oblique nominal.
        Obl = "obl",
        /// Orphan.
        Orphan = "orphan",
        /// Parataxis.
        Parataxis = "parataxis",
        /// Punctuation.
        Punct = "punct",
        /// Reparandum.
        Reparandum = "reparandum",
        /// Root.
        Root = "root",
        /// Vocative.
        Vocative = "vocative",
        /// Open clausal complement.
        Xcomp = "xcomp",
    }
);

closed_labels!(
    /// Relation subtypes found in the German and English treebanks.
    Sub {
        /// No subtype.
        #[default]
        None = "",
        /// Agent of a passive ("von", "by").
        Agent = "agent",
        /// Argument-like oblique.
        Arg = "arg",
        /// Descriptive modifier.
        Desc = "desc",
        /// Name.
        Name = "name",
        /// Noun-phrase adverbial.
        Npmod = "npmod",
        /// Outer subject.
        Outer = "outer",
        /// Passive.
        Pass = "pass",
        /// Possessive.
        Poss = "poss",
        /// Preconjunct.
        Preconj = "preconj",
        /// Predeterminer.
        Predet = "predet",
        /// Separable verb particle.
        Prt = "prt",
        /// Reflexive of an inherently reflexive verb.
        Pv = "pv",
        /// Relative clause.
        Relcl = "relcl",
        /// Temporal modifier.
        Tmod = "tmod",
        /// Unmarked modifier.
        Unmarked = "unmarked",
    }
);

impl Deprel {
    /// The root relation.
    pub const ROOT: Deprel = Deprel { rel: Rel::Root, sub: Sub::None };

    /// Reads `rel` or `rel:sub`; unknown subtypes keep the universal relation.
    pub fn parse(s: &str) -> Deprel {
        let (rel, sub) = s.split_once(':').unwrap_or((s, ""));
        Deprel { rel: Rel::parse(rel).unwrap_or_default(), sub: Sub::parse(sub).unwrap_or_default() }
    }
}

impl fmt::Display for Deprel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.rel.as_str())?;
        if self.sub != Sub::None {
            write!(f, ":{}", self.sub.as_str())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feats_round_trip_in_conllu_order() {
        let f = Feats::parse("Number=Plur|Case=Dat|Gender=Fem|Typo=Yes");
        assert_eq!(f.get(Attr::Case), Some("Dat"));
        assert_eq!(f.to_string(), "Case=Dat|Gender=Fem|Number=Plur");
        assert_eq!(Feats::parse("_").to_string(), "_");
    }

    #[test]
    fn relations_keep_their_subtypes() {
        for s in ["compound:prt", "nsubj:pass", "obl", "acl:relcl", "root"] {
            assert_eq!(Deprel::parse(s).to_string(), s);
        }
        assert_eq!(Deprel::parse("nmod:xyz").to_string(), "nmod");
        assert_eq!(Upos::parse("PROPN"), Some(Upos::Propn));
    }
}
