//! Reported acts: what a source says another did, where the sentence tells no event of a class.

use super::*;

/// The reported acts of a sentence: (participants and locations, speakers of claims affirming it).
fn reported_acts(x: &Extraction) -> Vec<(Vec<String>, Vec<String>)> {
    x.events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.is_live() && e.kind == EventKind::Act && e.factuality == Factuality::Reported)
        .map(|(i, e)| {
            let roles = e.roles.iter().map(|(_, k)| k.to_string()).collect();
            let speakers = x
                .claims
                .iter()
                .filter(|c| c.target == i && c.stance == Stance::Affirms)
                .flat_map(|c| c.speakers.iter().map(|s| s.to_string()))
                .collect();
            (roles, speakers)
        })
        .collect()
}

#[test]
fn what_a_source_says_another_did_is_a_reported_act_it_affirms() {
    for (lang, text, who, speaker) in [
        (Lang::En, "The US said that Iraq had attacked the Kurds.", "state-irq", "state-usa"),
        (Lang::En, "Russia said Ukraine shelled the village.", "state-ukr", "state-rus"),
        (Lang::De, "Russland erklärte, die Ukraine habe das Dorf beschossen.", "state-ukr", "state-rus"),
        (Lang::De, "Die USA teilten mit, dass der Iran Raketen abgefeuert hat.", "state-irn", "state-usa"),
        (Lang::En, "Israel said a rocket was fired at it from Lebanon on Tuesday.", "state-lbn", "state-isr"),
    ] {
        let x = read(lang, text);
        assert_eq!(reported_acts(&x), [(vec![who.to_string()], vec![speaker.to_string()])], "{text}: {:?}", x.events);
    }
    // Not done, still to come, the speaker's own quoted words, of oneself, or of a pronoun.
    for (lang, text) in [
        (Lang::En, "Russia said Ukraine did not shell the village."),
        (Lang::En, "Russia said Ukraine will shell the village."),
        (Lang::De, "Russland erklärte, die Ukraine werde das Dorf beschießen."),
        (Lang::En, "Russia said: \"Ukraine shelled the village.\""),
        (Lang::En, "Russia said Russia shelled the village."),
        (Lang::En, "Russia said they shelled the village."),
        (Lang::En, "Ukraine shelled the village; Russia said it was a crime."),
    ] {
        let x = read(lang, text);
        assert!(reported_acts(&x).is_empty(), "{text}: {:?}", x.events);
    }
}

#[test]
fn what_a_source_phrase_attributes_to_another_is_a_reported_act() {
    for (lang, text) in [
        (Lang::En, "According to Kyiv, Russia bombed a hospital on Monday."),
        (Lang::De, "Laut Kiew hat Russland am Montag ein Krankenhaus bombardiert."),
        (Lang::De, "Nach Angaben der Ukraine hat Russland iranische Drohnen eingesetzt."),
    ] {
        let x = read(lang, text);
        assert_eq!(reported_acts(&x), [(vec!["state-rus".to_string()], vec!["state-ukr".to_string()])], "{text}");
    }
    // A source phrase of a clause below the main verb says nothing of the main verb's act.
    let x = read(
        Lang::De,
        "Russland hat die Ukraine gebeten zu helfen, weil die Armee nach Angaben Kiews überfordert ist.",
    );
    assert!(reported_acts(&x).is_empty(), "{:?}", x.events);
}

#[test]
fn a_source_with_no_evidence_of_an_event_does_not_affirm_it() {
    for (lang, text) in [
        (Lang::En, "The Pentagon said it had no evidence that China delivered weapons to Russia."),
        (Lang::De, "Das Pentagon erklärte, es gebe keine Beweise dafür, dass China Waffen an Russland geliefert habe."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-chn"), "{text}: {:?}", events(&x));
        assert!(x.claims.iter().all(|c| c.stance != Stance::Affirms), "{text}: {:?}", x.claims);
        assert!(x.events.iter().all(|e| e.factuality != Factuality::Asserted), "{text}");
    }
    let x = read(Lang::En, "The Pentagon said it had evidence that China delivered weapons to Russia.");
    assert!(x.claims.iter().any(|c| c.stance == Stance::Affirms), "{:?}", x.claims);
}
