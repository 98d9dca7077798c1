//! Events told by nouns: who takes part, read from the noun's own phrase and from the verb it
//! hangs on.

use super::*;

fn participants(x: &Extraction) -> Vec<Vec<String>> {
    x.events
        .iter()
        .filter(|e| e.is_live() && e.kind == EventKind::Meeting)
        .map(|e| {
            let mut p: Vec<String> = e.fillers(Role::Participant).map(|k| k.to_string()).collect();
            p.sort();
            p
        })
        .collect()
}

/// Each sentence tells one meeting of the French and the Russian foreign minister (2023).
fn the_two_foreign_ministers_meet(texts: &[&str]) {
    for text in texts {
        let x = read(Lang::De, text);
        assert_eq!(
            participants(&x),
            [["person-catherine-colonna", "person-sergey-lavrov"]],
            "{text}: {:?}",
            events(&x)
        );
    }
}

#[test]
fn every_party_in_a_meeting_noun_s_genitive_takes_part() {
    the_two_foreign_ministers_meet(&[
        "Das Treffen der Außenminister Frankreichs und Russlands fand in Wien statt.",
        "Nach einem Treffen der Außenminister Frankreichs und Russlands wurde ein Abkommen geschlossen.",
    ]);
    let x = read(Lang::De, "Nach Gesprächen Frankreichs und Russlands in Wien wurde ein Abkommen geschlossen.");
    assert_eq!(participants(&x), [["state-fra", "state-rus"]], "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Meeting, Role::Location, "place-vienna"), "{:?}", events(&x));
}

#[test]
fn whom_a_person_belongs_to_is_no_party_of_the_meeting() {
    // "der Präsident Frankreichs" is Macron; France is not a second party.
    let x = read(Lang::De, "Nach Gesprächen mit Putin reiste der Präsident Frankreichs ab.");
    assert_eq!(participants(&x), [["person-emmanuel-macron", "person-vladimir-putin"]], "{:?}", events(&x));
    // The spokesman of a government at a discussion meets no one.
    let x = read(Lang::De, "Der Sprecher der Regierung Frankreichs äußerte sich bei der Diskussion.");
    assert!(participants(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn who_attends_takes_part_wherever_the_subject_stands() {
    the_two_foreign_ministers_meet(&[
        "An den Gesprächen nehmen die Außenminister Frankreichs und Russlands teil.",
        "Die Außenminister Frankreichs und Russlands werden an den Gesprächen teilnehmen.",
    ]);
}

/// Each sentence tells the G20 summit and, apart from it, the talks of the chancellor and the
/// Chinese president held there.
fn two_leaders_meet_at_the_g20_summit(lang: Lang, texts: &[&str]) {
    for text in texts {
        let x = read(lang, text);
        let mut found = participants(&x);
        found.sort();
        assert_eq!(
            found,
            [vec!["org-g20"], vec!["person-olaf-scholz", "person-xi-jinping"]],
            "{text}: {:?}",
            events(&x)
        );
    }
}

#[test]
fn the_summit_of_a_body_the_parties_meet_at_is_a_meeting_of_its_own() {
    two_leaders_meet_at_the_g20_summit(
        Lang::En,
        &[
            "Scholz met Xi at the G20 summit.",
            "On the sidelines of the G20 summit, Scholz met Xi.",
            "Ahead of the G20 summit, Scholz held talks with Xi.",
        ],
    );
    two_leaders_meet_at_the_g20_summit(
        Lang::De,
        &[
            "Scholz traf Xi auf dem G20-Gipfel.",
            "Scholz traf sich auf dem G20-Gipfel mit Xi.",
            "Am Rande des G20-Gipfels traf Scholz Xi.",
        ],
    );
    // A meeting noun of no body is the meeting told by the verb.
    let x = read(Lang::En, "Scholz met Xi for talks in Beijing.");
    assert_eq!(participants(&x), [["person-olaf-scholz", "person-xi-jinping"]], "{:?}", events(&x));
    // Behind "of" with nothing at its edge, the summit is a name only.
    assert!(events(&read(Lang::En, "Members of the G7 Summit, let's discuss this emergency.")).is_empty());
}

#[test]
fn talks_that_set_the_scene_of_a_journey_are_not_held_at_its_end() {
    for (lang, text) in [
        (Lang::En, "The President of France flew to Kyiv after a debate in parliament."),
        (Lang::En, "The President of France flew to Kyiv amid talks on tank deliveries."),
        (Lang::De, "Der Präsident Frankreichs flog nach einer Debatte im Parlament nach Kiew."),
    ] {
        let x = read(lang, text);
        assert!(participants(&x).iter().all(|p| !p.contains(&"state-ukr".to_string())), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-kyiv"), "{text}: {:?}", events(&x));
    }
    // Talks one travels for are held with the state travelled to.
    let x = read(Lang::En, "The President of France flew to Kyiv for talks.");
    assert_eq!(participants(&x), [["person-emmanuel-macron", "state-ukr"]], "{:?}", events(&x));
}

#[test]
fn a_visit_after_an_adjective_of_plan_or_rank_is_a_noun() {
    for (text, fact) in [
        ("The President of France's planned visit to Warsaw was postponed.", Factuality::Cancelled),
        ("The President of France's first visit to Warsaw was postponed.", Factuality::Cancelled),
        ("The President of France's possible visit to Warsaw.", Factuality::Hypothetical),
    ] {
        let x = read(Lang::En, text);
        assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-warsaw"), "{text}: {:?}", events(&x));
        assert!(events(&x).iter().all(|e| e.1 == fact), "{text}: {:?}", events(&x));
    }
}

#[test]
fn a_tour_of_a_state_goes_there() {
    for text in ["Steinmeier began a tour of Japan on Monday.", "Steinmeier's four-day tour of Japan began on Monday."]
    {
        let x = read(Lang::En, text);
        assert!(has_role(&x, EventKind::Visit, Role::Destination, "state-jpn"), "{text}: {:?}", events(&x));
        assert!(!has_role(&x, EventKind::Visit, Role::Visitor, "state-jpn"), "{text}: {:?}", events(&x));
    }
    // The visit of a person is theirs.
    let x = read(Lang::En, "The visit of Steinmeier to Japan began on Monday.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-frank-walter-steinmeier"), "{:?}", events(&x));
}

#[test]
fn a_meeting_that_sets_the_scene_of_what_two_do_together_is_theirs() {
    for (lang, text) in [
        (Lang::En, "At their meeting in Rome, Meloni and Scholz signed a deal."),
        (Lang::En, "After their meeting in Rome, Meloni and Scholz signed a deal."),
        (Lang::De, "Nach ihrem Treffen in Rom unterzeichneten Meloni und Scholz ein Abkommen."),
    ] {
        let x = read(lang, text);
        assert_eq!(participants(&x), [["person-giorgia-meloni", "person-olaf-scholz"]], "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Meeting, Role::Location, "place-rome"), "{text}: {:?}", events(&x));
    }
    // One who acts alone after a meeting names no meeting of one.
    let x = read(Lang::En, "After the meeting in Rome, Meloni signed a deal.");
    assert!(participants(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn a_visit_fronted_without_a_comma_is_made_by_the_subject_its_pronoun_points_to() {
    for (lang, text) in [
        (Lang::De, "Während seines Besuchs in Peking traf Scholz Xi Jinping."),
        (Lang::De, "Bei seinem Besuch in Peking traf Scholz Xi Jinping."),
        (Lang::En, "During his visit to Beijing, Scholz met Xi Jinping."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-olaf-scholz"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-beijing"), "{text}: {:?}", events(&x));
    }
    // A visit with a genitive of its own is not the subject's.
    let x = read(Lang::De, "Im Vorfeld des Besuchs der Delegation in Athen hat der IWF keine Stellungnahme abgegeben.");
    assert!(!has_role(&x, EventKind::Visit, Role::Visitor, "org-imf"), "{:?}", events(&x));
}

#[test]
fn a_sentence_opened_by_a_preposition_and_a_possessive_sets_the_scene_of_its_subject() {
    let x = read(Lang::En, "On his visit to Kenya, Scholz spoke about trade.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-olaf-scholz"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "state-ken"), "{:?}", events(&x));
    // Without the possessive, "on" names a topic.
    let x = read(Lang::En, "On the visit to Kenya, Scholz said nothing.");
    assert!(!has_role(&x, EventKind::Visit, Role::Visitor, "person-olaf-scholz"), "{:?}", events(&x));
}

#[test]
fn a_meeting_said_to_take_place_at_a_place_the_gazetteer_lacks_is_held_there() {
    for (lang, text) in [
        (
            Lang::En,
            "Scholz and Macron met in Paris on Tuesday. The next meeting is scheduled for October 22 in Neustrelitz.",
        ),
        (
            Lang::En,
            "Scholz and Macron met in Paris on Tuesday. Their next meeting will take place on October 22 in Neustrelitz.",
        ),
        (
            Lang::De,
            "Scholz und Macron trafen sich am Dienstag in Paris. Das nächste Treffen soll am 22. Oktober in Neustrelitz stattfinden.",
        ),
    ] {
        let x = read(lang, text);
        let planned: Vec<_> = events(&x).into_iter().filter(|e| e.1 == Factuality::Planned).collect();
        assert_eq!(planned.len(), 1, "{text}: {:?}", events(&x));
        assert!(planned[0].2.iter().any(|r| r.starts_with("Location=") && r.contains("neustrelitz")), "{planned:?}");
        assert!(planned[0].2.contains(&"Participant=person-olaf-scholz".to_string()), "{planned:?}");
    }
    // Scheduling something else says nothing of where the meeting is.
    let x = read(
        Lang::En,
        "Scholz and Macron met in Paris on Tuesday. Scholz scheduled a town hall in Neustrelitz for the day the next meeting was to be held.",
    );
    assert_eq!(events(&x).len(), 1, "{:?}", events(&x));
}

#[test]
fn who_is_on_a_visit_makes_it_also_as_a_relative_clause_s_antecedent() {
    for (lang, text) in [
        (Lang::En, "Modi is on a three-day visit to Germany."),
        (Lang::De, "Modi ist zu einem dreitägigen Besuch in Deutschland."),
        (Lang::En, "Modi, who is on a two-day visit to Germany, met Scholz on Monday."),
        (Lang::De, "Modi, der sich zu einem zweitägigen Besuch in Deutschland aufhält, traf am Montag Scholz."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-narendra-modi"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Visit, Role::Destination, "state-deu"), "{text}: {:?}", events(&x));
    }
}

#[test]
fn an_invitation_names_its_inviter_in_the_genitive_and_where_to_and_the_visit_is_to_come() {
    for (lang, text) in [
        (Lang::De, "Lula nahm eine Einladung Bidens nach Washington an."),
        (Lang::En, "Lula accepted Biden's invitation to Washington."),
        (Lang::En, "Lula accepted an invitation from Biden to visit Washington."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Invitation, Role::Inviter, "person-joe-biden"), "{text}: {:?}", events(&x));
        let visits: Vec<_> = events(&x).into_iter().filter(|e| e.0 == EventKind::Visit).collect();
        assert_eq!(visits.len(), 1, "{text}: {:?}", events(&x));
        assert_eq!(visits[0].1, Factuality::Planned, "{text}");
        assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-washington"), "{text}: {visits:?}");
    }
}
