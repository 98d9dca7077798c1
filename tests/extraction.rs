//! Sentence-level behaviour of the extractor in both languages: roles, modality, claims, denials.
//! Each case is a general pattern, not an article.

use kgexport::article::{Article, Lang};
use kgexport::model::{EventKind, Extraction, Factuality, Role, Stance};
use kgexport::time::PartialDate;

fn read(lang: Lang, text: &str) -> Extraction {
    let article = Article {
        origin: "test".into(),
        id: None,
        title: None,
        url: None,
        date: PartialDate::parse("2023-10-18"),
        lang: Some(lang),
        text: text.into(),
    };
    kgexport::analyse(&article, None)
}

/// The live events as (class, factuality, sorted "role=entity" strings).
fn events(x: &Extraction) -> Vec<(EventKind, Factuality, Vec<String>)> {
    x.events
        .iter()
        .filter(|e| e.is_live())
        .map(|e| {
            let mut roles: Vec<String> = e.roles.iter().map(|(r, k)| format!("{r:?}={k}")).collect();
            roles.sort();
            (e.kind, e.factuality, roles)
        })
        .collect()
}

fn has_role(x: &Extraction, kind: EventKind, role: Role, key: &str) -> bool {
    x.events.iter().any(|e| e.is_live() && e.kind == kind && e.fillers(role).any(|k| k == key))
}

#[test]
fn a_claimed_and_denied_shipment_is_disputed_never_asserted() {
    for (lang, text) in [
        (Lang::De, "Den USA zufolge hat Nordkorea Waffen an Russland geliefert, Russland hat dies zurückgewiesen."),
        (Lang::En, "The White House said North Korea delivered weapons to Russia. Moscow rejected the accusation."),
    ] {
        let x = read(lang, text);
        let ev = events(&x);
        assert_eq!(ev.len(), 1, "{lang:?}: {ev:?}");
        assert_eq!(ev[0].1, Factuality::Disputed, "{lang:?}");
        assert!(
            has_role(&x, EventKind::Shipment, Role::Supplier, "state-prk")
                && has_role(&x, EventKind::Shipment, Role::Recipient, "state-rus")
        );
        let stances: Vec<(Stance, &str)> = x.claims.iter().map(|c| (c.stance, c.speakers[0].as_str())).collect();
        assert!(stances.contains(&(Stance::Denies, "state-rus")), "{lang:?}: {stances:?}");
        assert!(x.claims.iter().any(|c| c.stance == Stance::Denies && c.responds_to.is_some()));
    }
}

#[test]
fn a_denied_act_told_only_in_the_denial_is_denied() {
    for (lang, text) in [
        (Lang::De, "Russland bestritt, Waffen aus Nordkorea erhalten zu haben."),
        (Lang::En, "Russia denied supplying weapons to Syria."),
    ] {
        let ev = events(&read(lang, text));
        assert_eq!(ev.len(), 1, "{lang:?}: {ev:?}");
        assert_eq!((ev[0].0, ev[0].1), (EventKind::Shipment, Factuality::Denied), "{lang:?}");
    }
}

#[test]
fn an_accusation_names_the_accused_as_supplier_and_the_accuser_as_speaker() {
    let x = read(Lang::De, "Die USA werfen Nordkorea vor, Waffen an Russland geliefert zu haben.");
    assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-prk"), "{:?}", events(&x));
    assert!(x.claims.iter().any(|c| c.stance == Stance::Affirms && c.speakers == ["state-usa"]));
}

#[test]
fn plans_and_possibilities_are_not_facts() {
    for (lang, text, expected) in [
        (Lang::En, "According to Reuters, Sergey Lavrov will visit Pyongyang next week.", Factuality::Planned),
        (Lang::De, "Offenbar ist auch ein Putin-Besuch in Pjöngjang in Vorbereitung.", Factuality::Planned),
        (
            Lang::De,
            "Zudem könnte es Gespräche über einen potenziellen Besuch Putins in Pjöngjang geben.",
            Factuality::Hypothetical,
        ),
        (Lang::En, "Putin did not meet Zelensky.", Factuality::Denied),
    ] {
        let ev = events(&read(lang, text));
        assert!(!ev.is_empty() && ev.iter().all(|e| e.1 == expected), "{text}: {ev:?}");
    }
}

#[test]
fn a_fronted_phrase_before_a_comma_does_not_take_the_subject() {
    for text in ["In Moscow, Lavrov met Putin.", "According to Reuters, Lavrov met Putin."] {
        let x = read(Lang::En, text);
        assert!(
            has_role(&x, EventKind::Meeting, Role::Participant, "person-sergey-lavrov"),
            "{text}: {:?}",
            events(&x)
        );
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-vladimir-putin"), "{text}");
    }
}

#[test]
fn news_agencies_report_and_never_take_part() {
    let x = read(Lang::En, "According to Reuters, Lavrov met Putin.");
    assert!(!has_role(&x, EventKind::Meeting, Role::Participant, "agency-reuters"));
    assert!(x.claims.iter().any(|c| c.speakers == ["agency-reuters"]));
}

#[test]
fn habits_and_references_are_no_events() {
    assert!(events(&read(Lang::En, "G7 meetings usually center on politics.")).is_empty());
    assert!(events(&read(Lang::En, "Members of the G7 Summit, let's discuss this emergency.")).is_empty());
}
