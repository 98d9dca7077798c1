//! Entity ids: the one place that makes them, for curated entries and for entities known only
//! from the article.

use crate::gazetteer::{self, Entry};
use crate::model::{EntityId, LocalClass, NamedClass};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A curated entry's id: its gazetteer key, shared across articles.
pub(super) fn known(entry: &Entry) -> EntityId {
    EntityId::Known(entry.key.clone())
}

/// The id of the state with this ISO-3 code.
pub fn state(iso: &str) -> EntityId {
    EntityId::Known(gazetteer::state_key(iso))
}

/// A person the gazetteer does not know, by name: one identity across articles for a full name
/// (given name and surname), local to the article for a single name.
pub(super) fn person(name: &str) -> EntityId {
    if name.split_whitespace().count() >= 2 {
        EntityId::Named { class: NamedClass::Person, slug: name_slug(name) }
    } else {
        local(LocalClass::Person, slug(name))
    }
}

/// A person known only from this article by the title that describes them ("der Präsident
/// Armeniens").
pub(super) fn described(label: &str) -> EntityId {
    local(LocalClass::Person, slug(label))
}

/// The one person of the article known only by a role noun ("einer französischen Lehrerin").
pub(super) fn role(lemma: &str) -> EntityId {
    local(LocalClass::Person, slug(lemma))
}

/// People named by a noun and the state they act for ("Moroccan diplomats").
pub(super) fn people(noun: &str, iso: &str) -> EntityId {
    local(LocalClass::People, format!("{}-{}", slug(noun), iso.to_lowercase()))
}

/// A company the gazetteer does not know, by its name: one identity across articles.
pub(super) fn company(name: &str) -> EntityId {
    EntityId::Named { class: NamedClass::Organization, slug: name_slug(name) }
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

/// A name normalised for identity: accents dropped from Latin letters ("Tadić" and "Tadic" are one
/// name; German umlauts are spelt out, "Müller" is "mueller"), then slugged.
pub fn name_slug(name: &str) -> String {
    let folded: String = name
        .chars()
        .flat_map(|c| {
            let keep = matches!(c, 'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' | 'ß');
            let decomposed: Vec<char> = if keep { vec![c] } else { std::iter::once(c).nfd().collect() };
            let base_is_latin = decomposed.first().is_some_and(char::is_ascii_alphabetic);
            decomposed.into_iter().filter(move |&d| !(base_is_latin && is_combining_mark(d)))
        })
        .collect();
    slug(&folded.nfc().collect::<String>())
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

    #[test]
    fn full_names_are_one_identity_and_single_names_stay_local() {
        assert_eq!(person("Boris Tadić"), person("Boris Tadic"));
        assert_eq!(person("Erdoğan Teziç").to_string(), "named-person-erdogan-tezic");
        assert_eq!(person("Jürgen Müller").to_string(), "named-person-juergen-mueller");
        assert!(person("Ana Ruiz").is_shared());
        assert!(!person("Ruiz").is_shared(), "a surname alone never leaves its article");
        assert!(!described("Präsident Armeniens").is_shared());
        assert_eq!(name_slug("Владимир Зеленский"), slug("Владимир Зеленский"), "non-Latin letters are kept");
    }
}
