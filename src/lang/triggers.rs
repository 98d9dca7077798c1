//! Triggers as data: the words that name an event, the frame that finds its arguments, and the
//! conditions a word must meet to be one; the forms of the noun groups by form, for the heads of
//! closed compounds.

use super::sieve::Sieve;
use crate::model::EventKind;
use rustc_hash::FxHashMap;
use serde::Deserialize;

/// How a trigger's arguments are found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frame {
    /// The subject travels to the object or to a place ("besuchte", "arrived in").
    Go,
    /// The subject receives the object as a guest ("empfing", "hosted").
    Host,
    /// A noun naming a trip ("Besuch", "visit"): visitor by possessor, "von", compound.
    VisitNoun,
    /// The subject meets the object or "mit" someone ("traf", "met with").
    Meet,
    /// A noun naming talks ("Gespräche", "talks", "summit").
    MeetNoun,
    /// The subject invites the object ("lud … ein", "invited").
    Invite,
    /// A noun naming an invitation ("Einladung", "invitation").
    InviteNoun,
    /// The subject ships goods to a recipient ("lieferte", "shipped").
    Ship,
    /// A noun naming a delivery ("Lieferung", "arms sale").
    ShipNoun,
    /// The subject receives goods from a supplier ("received weapons from").
    Receive,
    /// Goods or their carrier arrive ("Ein Hilfskonvoi der UN erreichte Aleppo", "the ship with
    /// grain docked in Istanbul"): a shipment told by its arrival.
    Arrive,
}

/// One group of trigger words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerGroup {
    /// The event class.
    pub kind: EventKind,
    /// How arguments are found.
    pub frame: Frame,
    /// Lemmas (lower case) whose regular forms the language's paradigms make at load.
    #[serde(default)]
    pub lemmas: Vec<String>,
    /// Surface forms (lower case): the irregular ones, and any a lemma does not give.
    #[serde(default)]
    pub forms: Vec<String>,
    /// The forms that are participles (a future auxiliary does not make these planned).
    #[serde(default)]
    pub participles: Vec<String>,
    /// Words that, later in the clause, make the form part of another verb ("sprach … aus").
    #[serde(default)]
    pub not_with: Vec<String>,
    /// Words one of which must come right before the form ("phone call").
    #[serde(default)]
    pub preceded_by: Vec<String>,
    /// Words one of which must come right after the form ("the call with Zelensky").
    #[serde(default)]
    pub followed_by: Vec<String>,
    /// Words that, right before the form, make it another noun ("press conference").
    #[serde(default)]
    pub not_after: Vec<String>,
    /// Fewest participants a meeting needs (default 2; a summit may name only one).
    #[serde(default)]
    pub min_participants: Option<usize>,
    /// A separable particle that must follow in the same clause ("lud … ein").
    #[serde(default)]
    pub particle: Option<String>,
    /// Words one of which must stand in the clause: the reflexive of "hielt sich … auf", the
    /// light verb of "machte … Station".
    #[serde(default)]
    pub needs_word: Vec<String>,
    /// Prepositions of a topic after which the needed or following word may be missing where the
    /// verb's subjects are joined: their parties are one another ("X und Y sprachen über den
    /// Handel").
    #[serde(default)]
    pub reciprocal: Vec<String>,
    /// A weak verb that makes an event only at a named place ("sich in Brüssel angenähert").
    #[serde(default)]
    pub needs_place: bool,
    /// Being awaited: the subject of its passive is the one who comes ("wird in Berlin erwartet").
    #[serde(default)]
    pub awaited: bool,
    /// A verb of moving that ships where goods are what it moves ("flew aid to Turkey").
    #[serde(default)]
    pub goods_moved: bool,
}

/// The forms of the noun groups, for the words that end in one ("Staats|besuch",
/// "Waffen|lieferungen"): a word's tails of the forms' lengths are looked up, not every form
/// tried against the word.
#[derive(Debug, Default)]
pub struct NounTails {
    /// Form → the noun groups that list it, in the groups' order.
    groups: FxHashMap<String, Vec<usize>>,
    /// The forms' lengths in bytes, each once, shortest first.
    lengths: Vec<usize>,
    sieve: Sieve,
}

impl NounTails {
    /// The forms of the groups whose frame is a noun's.
    pub fn new(groups: &[TriggerGroup]) -> NounTails {
        let mut tails = NounTails::default();
        for (g, group) in groups.iter().enumerate().filter(|(_, group)| !group.frame.is_verb()) {
            for form in &group.forms {
                let listed = tails.groups.entry(form.clone()).or_default();
                if listed.last() != Some(&g) {
                    listed.push(g);
                }
            }
        }
        tails.lengths = tails.groups.keys().map(String::len).collect();
        tails.lengths.sort_unstable();
        tails.lengths.dedup();
        tails.sieve = Sieve::of(tails.groups.keys().map(String::as_str));
        tails
    }

    /// Each noun group with a form `word` ends in, with the form's length, where the form is more
    /// than `margin` bytes shorter than the word; by group, then shorter forms first.
    pub fn ending(&self, word: &str, margin: usize) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for &len in self.lengths.iter().take_while(|&&len| word.len() > len + margin) {
            let start = word.len() - len;
            if !word.is_char_boundary(start) {
                continue;
            }
            let tail = &word[start..];
            if !self.sieve.may_hold(tail) {
                continue;
            }
            if let Some(groups) = self.groups.get(tail) {
                found.extend(groups.iter().map(|&g| (g, len)));
            }
        }
        found.sort_unstable();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(frame: &str, forms: &[&str]) -> TriggerGroup {
        toml::from_str(&format!("kind = \"Visit\"\nframe = \"{frame}\"\nforms = {forms:?}")).unwrap()
    }

    #[test]
    fn the_noun_groups_a_word_ends_in_are_those_every_form_tried_finds() {
        let groups = [
            group("visit_noun", &["besuch"]),
            group("go", &["besuch"]),
            group("meet_noun", &["gipfel", "treffen"]),
            group("visit_noun", &["besuche", "besuch"]),
        ];
        let tails = NounTails::new(&groups);
        for word in ["staatsbesuch", "staatsbesuche", "g20-gipfel", "gipfel", "arbeitstreffen", "xbesuch", "ü", ""] {
            let mut expected: Vec<(usize, usize)> = groups
                .iter()
                .enumerate()
                .filter(|(_, g)| !g.frame.is_verb())
                .flat_map(|(k, g)| g.forms.iter().map(move |f| (k, f)))
                .filter(|(_, f)| word.len() > f.len() + 2 && word.ends_with(f.as_str()))
                .map(|(k, f)| (k, f.len()))
                .collect();
            expected.sort_unstable();
            expected.dedup();
            assert_eq!(tails.ending(word, 2), expected, "{word}");
        }
    }
}
