//! Entity ids: the one place that makes them, for curated entries and for entities known only
//! from the article.

use crate::gazetteer::{self, Entry};
use crate::model::{EntityId, LocalClass};

/// A curated entry's id: its gazetteer key, shared across articles.
pub(super) fn known(entry: &Entry) -> EntityId {
    EntityId::Known(entry.key.clone())
}

/// The id of the state with this ISO-3 code.
pub fn state(iso: &str) -> EntityId {
    EntityId::Known(gazetteer::state_key(iso))
}

/// A person known only from this article, by name or by the title that describes them.
pub(super) fn person(name: &str) -> EntityId {
    local(LocalClass::Person, slug(name))
}

/// The one person of the article known only by a role noun ("einer französischen Lehrerin").
pub(super) fn role(lemma: &str) -> EntityId {
    local(LocalClass::Person, slug(lemma))
}

/// People named by a noun and the state they act for ("Moroccan diplomats").
pub(super) fn people(noun: &str, iso: &str) -> EntityId {
    local(LocalClass::People, format!("{}-{}", slug(noun), iso.to_lowercase()))
}

/// A company known only from this article.
pub(super) fn company(name: &str) -> EntityId {
    local(LocalClass::Org, slug(name))
}

/// A group known only from this article ("die EU-Außenminister", "US-Medien").
pub(super) fn group(label: &str) -> EntityId {
    local(LocalClass::Group, slug(label))
}

/// The unnamed counterpart from a state ("seinem nordkoreanischen Amtskollegen").
pub(super) fn counterpart(iso: &str) -> EntityId {
    local(LocalClass::Counterpart, iso.to_lowercase())
}

/// A place the gazetteer does not know, by its name.
pub(super) fn place(label: &str) -> EntityId {
    local(LocalClass::Place, slug(label))
}

/// A facility, by where its noun stands (sentence and code-point offset).
pub(super) fn facility(sentence: usize, offset: usize) -> EntityId {
    local(LocalClass::Place, format!("{sentence}-{offset}"))
}

fn local(class: LocalClass, slug: String) -> EntityId {
    EntityId::Local { class, slug }
}

/// An ASCII slug for IRIs: lower case, letters and digits, dashes between.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let mapped = match c {
            'ä' => "ae".to_string(),
            'ö' => "oe".to_string(),
            'ü' => "ue".to_string(),
            'ß' => "ss".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            c if c.is_alphanumeric() => format!("u{:x}", c as u32),
            _ => "-".to_string(),
        };
        if mapped == "-" {
            if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        } else {
            out.push_str(&mapped);
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Sung Kim"), "sung-kim");
        assert_eq!(slug("Außenminister Müller"), "aussenminister-mueller");
        assert_eq!(slug("  a--b  "), "a-b");
    }
}
