//! Events told by verbs: which verbs and turns make a visit or a meeting, and what they need
//! around them.

use super::*;

fn kinds(x: &Extraction) -> Vec<EventKind> {
    events(x).into_iter().map(|e| e.0).collect()
}

#[test]
fn setting_off_for_a_named_place_is_a_visit() {
    for text in ["Macron ist am Dienstag nach Peking aufgebrochen.", "Macron brach am Dienstag nach Peking auf."] {
        let x = read(Lang::De, text);
        assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-beijing"), "{text}: {:?}", events(&x));
    }
    // Breaking a door open goes nowhere.
    let x = read(Lang::De, "Die Polizei hat die Tür aufgebrochen.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn conferring_with_someone_is_a_meeting_and_advising_is_not() {
    let x = read(Lang::De, "Macron beriet sich am Dienstag mit Xi Jinping.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-xi-jinping"), "{:?}", events(&x));
    let x = read(Lang::De, "Macron berät die Regierung.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn joined_subjects_that_speak_about_a_topic_speak_with_one_another() {
    for (lang, text) in
        [(Lang::De, "Macron und Xi sprachen über den Handel."), (Lang::En, "Macron and Xi spoke about trade.")]
    {
        let x = read(lang, text);
        assert!(
            has_role(&x, EventKind::Meeting, Role::Participant, "person-emmanuel-macron"),
            "{text}: {:?}",
            events(&x)
        );
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-xi-jinping"), "{text}: {:?}", events(&x));
    }
    // One speaker about a topic, or two who declare against something, meet no one.
    for (lang, text) in [
        (Lang::De, "Macron sprach über den Handel."),
        (Lang::En, "Macron spoke about trade."),
        (Lang::De, "Macron und Scholz sprachen sich gegen Zölle aus."),
    ] {
        let x = read(lang, text);
        assert!(!kinds(&x).contains(&EventKind::Meeting), "{text}: {:?}", events(&x));
    }
}

#[test]
fn the_leader_of_a_delegation_travels_with_it() {
    for (lang, text) in [
        (Lang::En, "A delegation led by the President of France will travel to Warsaw."),
        (Lang::De, "Eine Delegation unter Leitung von Emmanuel Macron wird nach Warschau reisen."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-emmanuel-macron"), "{text}: {:?}", events(&x));
    }
    // Headed for a place is a way, not a leader.
    let x = read(
        Lang::En,
        "On Thursday, the President of France was flying from Tomsk headed for Warsaw when he fell ill.",
    );
    assert!(!has_role(&x, EventKind::Visit, Role::Destination, "place-warsaw"), "{:?}", events(&x));
}

#[test]
fn a_guest_received_at_a_named_place_visits_it_whoever_hosts() {
    for (lang, text) in [
        (Lang::De, "Macron wurde in Warschau mit allen Ehren empfangen."),
        (Lang::En, "Macron was received in Warsaw with full honours."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-emmanuel-macron"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-warsaw"), "{text}: {:?}", events(&x));
    }
    // A thing received is no guest.
    assert!(events(&read(Lang::En, "Macron received the award in Warsaw.")).is_empty());
}

#[test]
fn a_name_that_modifies_the_noun_welcomed_is_no_guest() {
    let x = read(Lang::En, "The President of France welcomed the IAEA decision.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
    // A word of time after the guest is no noun the guest modifies.
    let x = read(Lang::En, "The President of France hosted Putin yesterday.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-vladimir-putin"), "{:?}", events(&x));
}

#[test]
fn a_place_set_before_the_subjects_is_where_they_meet_and_no_list_with_them() {
    for (lang, text) in [
        (Lang::En, "In Rome, Meloni and Scholz met."),
        (Lang::En, "In Rome, Meloni and Scholz talked about migration."),
        (Lang::De, "In Rom haben Meloni und Scholz über Migration gesprochen."),
        (Lang::De, "Meloni und Scholz haben in Rom über Migration gesprochen."),
    ] {
        let x = read(lang, text);
        assert!(
            has_role(&x, EventKind::Meeting, Role::Participant, "person-giorgia-meloni"),
            "{text}: {:?}",
            events(&x)
        );
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-olaf-scholz"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Meeting, Role::Location, "place-rome"), "{text}: {:?}", events(&x));
    }
    // People listed after a preposition stay in its list.
    let x = read(Lang::En, "In Rome, Scholz met with Macron, Meloni and Sunak.");
    for person in ["person-emmanuel-macron", "person-giorgia-meloni", "person-rishi-sunak"] {
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, person), "{person}: {:?}", events(&x));
    }
}

#[test]
fn a_journey_to_places_joined_under_one_preposition_goes_to_each() {
    for (lang, text) in [
        (Lang::En, "Scholz travelled to Rome, Paris and Madrid."),
        (Lang::De, "Scholz reiste nach Rom, Paris und Madrid."),
    ] {
        let x = read(lang, text);
        for place in ["place-rome", "place-paris", "place-madrid"] {
            assert!(has_role(&x, EventKind::Visit, Role::Destination, place), "{text} {place}: {:?}", events(&x));
        }
    }
    // Where one comes from or passes through is not where one goes.
    let x = read(Lang::En, "Scholz flew from Berlin to Rome.");
    assert!(!has_role(&x, EventKind::Visit, Role::Destination, "place-berlin"), "{:?}", events(&x));
}

#[test]
fn one_who_headed_to_a_place_went_there_and_one_who_heads_there_has_yet_to() {
    let x = read(Lang::En, "Scholz headed to Kyiv on Tuesday.");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-kyiv"), "{:?}", events(&x));
    let x = read(Lang::En, "The statement comes a day before Scholz heads to Kyiv.");
    assert!(x.events.iter().all(|e| e.factuality != Factuality::Asserted), "{:?}", events(&x));
}

#[test]
fn a_verb_without_a_subject_of_its_own_speaks_for_the_subject_it_shares() {
    for (lang, text) in [
        (Lang::En, "The Kremlin rejected the report, accusing the Ukrainian president of shelling the plant."),
        (Lang::En, "The Kremlin rejected the report and accused the Ukrainian president of shelling the plant."),
        (
            Lang::De,
            "Der Kreml kritisierte den Bericht und warf dem ukrainischen Präsidenten vor, das Kraftwerk beschossen zu haben.",
        ),
    ] {
        let x = read(lang, text);
        let claim = x.claims.iter().find(|c| c.stance == Stance::Affirms).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(names(&claim.speakers), ["gov-kremlin"], "{text}");
        let accused: Vec<String> = x.events[claim.target].fillers(Role::Participant).map(|k| k.to_string()).collect();
        assert_eq!(accused, ["person-volodymyr-zelensky"], "{text}");
    }
}

#[test]
fn a_meal_together_is_a_meeting_and_going_back_is_no_visit() {
    for text in [
        "Macron und Scholz aßen am Montag in Hamburg gemeinsam zu Abend.",
        "Scholz aß am Montag mit Macron zu Mittag.",
        "Nach einem Abendessen mit Macron sprach Scholz vor der Presse.",
    ] {
        let x = read(Lang::De, text);
        assert!(
            has_role(&x, EventKind::Meeting, Role::Participant, "person-emmanuel-macron"),
            "{text}: {:?}",
            events(&x)
        );
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-olaf-scholz"), "{text}: {:?}", events(&x));
    }
    // Eating alone is nothing.
    assert!(events(&read(Lang::De, "Scholz aß am Abend Fisch.")).is_empty());
    for (lang, text) in [
        (Lang::De, "Nach dem Treffen flog Scholz nach Berlin zurück."),
        (Lang::En, "After the meeting, Scholz flew back to Berlin."),
    ] {
        let x = read(lang, text);
        assert!(!events(&x).iter().any(|e| e.0 == EventKind::Visit), "{text}: {:?}", events(&x));
    }
    // "back" as a verb of its own clause leaves the journey a visit.
    let x = read(Lang::En, "Scholz flew to Kyiv to back Ukraine's bid.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-olaf-scholz"), "{:?}", events(&x));
}

#[test]
fn a_video_call_is_a_meeting_and_an_invitation_turned_down_is_refused() {
    let x = read(Lang::En, "Scholz and Zelensky held a video call on Sunday.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-volodymyr-zelensky"), "{:?}", events(&x));
    for (lang, text) in [
        (Lang::De, "Lula schlug eine Einladung nach Kiew aus."),
        (Lang::En, "Lula declined an invitation to visit Kyiv."),
    ] {
        let ev = events(&read(lang, text));
        let invitation = ev.iter().find(|e| e.0 == EventKind::Invitation).unwrap_or_else(|| panic!("{text}: {ev:?}"));
        assert_eq!(invitation.1, Factuality::Refused, "{text}");
    }
}

#[test]
fn a_plural_title_after_an_intergovernmental_body_is_a_group_acting_for_it() {
    for (lang, text) in [
        (Lang::En, "EU foreign ministers met in Brussels on Monday."),
        (Lang::De, "Die EU-Außenminister trafen sich am Montag in Brüssel."),
    ] {
        let x = read(lang, text);
        let parties = all_participants(&x);
        assert_eq!(parties.len(), 1, "{text}: {parties:?}");
        let party = x.entities.iter().find(|e| e.key.to_string() == parties[0]).expect("the party");
        assert_eq!(party.kind, EntityKind::Group, "{text}: {parties:?}");
    }
}

#[test]
fn who_speaks_after_meeting_someone_met_them() {
    for text in [
        "Biden told reporters after meeting Xi that the talks had been constructive.",
        "After meeting Xi, Biden said the talks had been constructive.",
    ] {
        let x = read(Lang::En, text);
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-joe-biden"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-xi-jinping"), "{text}: {:?}", events(&x));
    }
    // A debate the speaker tells of is not the speaker's.
    let x = read(Lang::En, "Trump said Harris attacked Biden during the debates.");
    assert!(!has_role(&x, EventKind::Meeting, Role::Participant, "person-donald-trump"), "{:?}", events(&x));
}

#[test]
fn a_host_receives_every_guest_joined_to_the_first() {
    for (lang, text) in [
        (Lang::En, "Erdogan received Putin, Zelensky and Guterres in Istanbul."),
        (Lang::De, "Erdogan empfing Putin und Selenskyj in Istanbul."),
    ] {
        let x = read(lang, text);
        for guest in ["person-vladimir-putin", "person-volodymyr-zelensky"] {
            assert!(has_role(&x, EventKind::Visit, Role::Visitor, guest), "{text}: {:?}", events(&x));
        }
    }
    // One thanked after a verb of its own is no guest.
    let x = read(Lang::En, "Erdogan hosted Putin and thanked Zelensky for his patience.");
    assert!(!has_role(&x, EventKind::Visit, Role::Visitor, "person-volodymyr-zelensky"), "{:?}", events(&x));
}

#[test]
fn a_coordinator_before_a_new_subject_and_its_verb_joins_a_clause_of_its_own() {
    for (text, visitor) in [
        ("Erdogan hosted Putin in Ankara and Scholz flew to Rome.", "person-olaf-scholz"),
        ("Scholz met Macron in Paris and then Meloni flew to Rome.", "person-giorgia-meloni"),
        ("Scholz met Macron in Paris and flew to Rome.", "person-olaf-scholz"),
    ] {
        let x = read(Lang::En, text);
        let rome = x.events.iter().find(|e| {
            e.is_live()
                && e.kind == EventKind::Visit
                && e.fillers(Role::Destination).any(|k| k.to_string() == "place-rome")
        });
        let visitors: Vec<String> = rome.expect(text).fillers(Role::Visitor).map(|k| k.to_string()).collect();
        assert_eq!(visitors, [visitor], "{text}");
    }
    let x = read(Lang::En, "Erdogan hosted Putin in Ankara and Scholz met Meloni in Rome.");
    let meeting = x.events.iter().find(|e| e.is_live() && e.kind == EventKind::Meeting).expect("a meeting");
    let mut parties: Vec<String> = meeting.fillers(Role::Participant).map(|k| k.to_string()).collect();
    parties.sort();
    assert_eq!(parties, ["person-giorgia-meloni", "person-olaf-scholz"]);
    // Names joined to a name stay one phrase.
    let x = read(Lang::En, "The debate between Trump and Biden will be held virtually, the commission announced.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-joe-biden"), "{:?}", events(&x));
}
