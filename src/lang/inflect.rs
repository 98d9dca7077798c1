//! Inflection: the forms of a trigger's lemmas, made by the language's paradigm rules and
//! checked against its lexicon, so a trigger word is listed once as a lemma and matched in
//! every regular form.

use super::{Frame, TriggerGroup};
use crate::syntax::lexicon::Lexicon;
use serde::Deserialize;
use std::collections::BTreeSet;

/// One way a language makes a form from a lemma: the lemma's `drop` ending (empty: any lemma)
/// gives way to `add`, after `prefix`, with the stem's last letter written twice when `double`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inflection {
    #[serde(default)]
    drop: String,
    #[serde(default)]
    add: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    double: bool,
    /// The form made is a participle ("geliefert", "delivered").
    #[serde(default)]
    participle: bool,
}

/// The inflection rules of a language, by word class.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paradigms {
    /// How verbs inflect ("liefer|n" → "liefer|te", "deliver" → "deliver|ed").
    #[serde(default)]
    pub verb: Vec<Inflection>,
    /// How nouns inflect ("Lieferung" → "Lieferung|en", "delivery" → "deliver|ies").
    #[serde(default)]
    pub noun: Vec<Inflection>,
}

/// The shortest stem a rule leaves: shorter ones make words of their own, never forms.
const MIN_STEM: usize = 3;

impl Inflection {
    fn apply(&self, lemma: &str) -> Option<String> {
        let stem = lemma.strip_suffix(self.drop.as_str())?;
        if stem.chars().count() < MIN_STEM {
            return None;
        }
        let mut form = self.prefix.clone() + stem;
        if self.double {
            form.push(stem.chars().last()?);
        }
        form.push_str(&self.add);
        Some(form)
    }
}

/// A form made from a lemma, and whether it is a participle.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Made {
    pub form: String,
    pub participle: bool,
}

impl Paradigms {
    /// The forms of a lemma in a word class: those its rules propose and the lexicon gives
    /// back to the lemma ("lieferte" → "liefern"; never "Besuch|er", a word of its own, nor
    /// "reis|e|e"), the lemma itself first.
    pub fn forms(&self, lemma: &str, verb: bool, lexicon: &Lexicon, capitalise: bool) -> Vec<Made> {
        let rules = if verb { &self.verb } else { &self.noun };
        let belongs = |form: &str| {
            let written = if capitalise { capitalised(form) } else { form.to_string() };
            lexicon.lemma(&written).is_some_and(|l| l.to_lowercase() == lemma)
        };
        let mut made = BTreeSet::new();
        for rule in rules {
            if let Some(form) = rule.apply(lemma)
                && form != lemma
                && belongs(&form)
            {
                made.insert(Made { form, participle: rule.participle });
            }
        }
        std::iter::once(Made { form: lemma.to_string(), participle: false }).chain(made).collect()
    }
}

fn capitalised(form: &str) -> String {
    let mut chars = form.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Adds to every group its lemmas and the forms they make that no group lists by hand: a
/// listed form keeps the groups that list it, whatever the paradigms would make of it.
pub fn expand(groups: &mut [TriggerGroup], paradigms: &Paradigms, lexicon: &Lexicon, nouns_capitalized: bool) {
    let listed: BTreeSet<String> = groups.iter().flat_map(|g| g.forms.iter().cloned()).collect();
    for group in groups {
        let verb = group.frame.is_verb();
        let capitalise = nouns_capitalized && !verb;
        for lemma in std::mem::take(&mut group.lemmas) {
            for made in paradigms.forms(&lemma, verb, lexicon, capitalise) {
                let is_lemma = made.form == lemma;
                if group.forms.contains(&made.form) || (!is_lemma && listed.contains(&made.form)) {
                    continue;
                }
                if made.participle {
                    group.participles.push(made.form.clone());
                }
                group.forms.push(made.form);
            }
            group.lemmas.push(lemma);
        }
    }
}

impl Frame {
    /// A verb's frame, not a noun's.
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Frame::Go | Frame::Host | Frame::Meet | Frame::Invite | Frame::Ship | Frame::Receive | Frame::Arrive
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(drop: &str, add: &str) -> Inflection {
        Inflection { drop: drop.into(), add: add.into(), prefix: String::new(), double: false, participle: false }
    }

    #[test]
    fn a_rule_applies_only_to_its_ending() {
        assert_eq!(rule("en", "te").apply("liefern"), None);
        assert_eq!(rule("n", "te").apply("liefern").as_deref(), Some("lieferte"));
        assert_eq!(rule("y", "ied").apply("supply").as_deref(), Some("supplied"));
        assert_eq!(rule("", "s").apply("visit").as_deref(), Some("visits"));
    }

    #[test]
    fn prefixes_and_doubled_letters() {
        let ge = Inflection { prefix: "ge".into(), participle: true, ..rule("en", "t") };
        assert_eq!(ge.apply("reisen").as_deref(), Some("gereist"));
        let doubled = Inflection { double: true, ..rule("", "ed") };
        assert_eq!(doubled.apply("ship").as_deref(), Some("shipped"));
    }

    #[test]
    fn a_short_stem_is_no_form() {
        assert_eq!(rule("en", "t").apply("tun"), None);
        assert_eq!(rule("", "s").apply("go"), None);
    }
}
