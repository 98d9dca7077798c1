//! Modality: plans, refusals, cancellations, habits and what is still to come.

use super::*;

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
fn a_plan_the_clause_negates_is_denied() {
    for (lang, text) in [
        (Lang::De, "Ein Treffen zwischen Macron und Putin sei nicht geplant, sagte ein Sprecher."),
        (Lang::En, "No meeting between Macron and Putin is planned, a spokesman said."),
        (Lang::En, "Macron will not travel to Moscow."),
        (Lang::De, "Es gebe keine Pläne für einen Besuch Macrons in Moskau, erklärte der Élysée-Palast."),
    ] {
        let ev = events(&read(lang, text));
        assert!(!ev.is_empty() && ev.iter().all(|e| e.1 == Factuality::Denied), "{text}: {ev:?}");
    }
    // Without the negation, a plan.
    let ev = events(&read(Lang::En, "A meeting between Macron and Putin is planned, a spokesman said."));
    assert!(!ev.is_empty() && ev.iter().all(|e| e.1 == Factuality::Planned), "{ev:?}");
}

#[test]
fn habits_and_references_are_no_events() {
    assert!(events(&read(Lang::En, "G7 meetings usually center on politics.")).is_empty());
    assert!(events(&read(Lang::En, "Members of the G7 Summit, let's discuss this emergency.")).is_empty());
}

#[test]
fn a_german_future_visit_with_its_object_before_the_verb_is_planned() {
    let x = read(Lang::De, "Bundeskanzlerin Angela Merkel wird im November China besuchen.");
    let ev = events(&x);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].1, Factuality::Planned);
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-angela-merkel"), "{ev:?}");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "state-chn"), "{ev:?}");
}

#[test]
fn whoever_is_invited_to_visit_is_the_visitor_and_the_visit_is_planned() {
    for (lang, text) in [
        (Lang::En, "Iran has invited Saudi King Salman to visit Tehran."),
        (Lang::De, "Der Iran hat den saudischen König Salman eingeladen, Teheran zu besuchen."),
    ] {
        let x = read(lang, text);
        let visits: Vec<_> = x.events.iter().filter(|e| e.is_live() && e.kind == EventKind::Visit).collect();
        assert_eq!(visits.len(), 1, "{lang:?}: {:?}", events(&x));
        assert_eq!(visits[0].factuality, Factuality::Planned, "{lang:?}");
        assert!(visits[0].fillers(Role::Visitor).all(|v| v.to_string() != "state-irn"), "{lang:?}: {:?}", events(&x));
        let invitation = x.events.iter().find(|e| e.is_live() && e.kind == EventKind::Invitation).expect("invitation");
        assert!(invitation.invited_to.is_some(), "{lang:?}");
    }
}

#[test]
fn a_meeting_said_to_take_place_somewhere_stands_without_parties_and_keeps_its_future() {
    let x = read(Lang::De, "Pakistan hofft auf die nächste Gesprächsrunde, die in Delhi stattfinden wird.");
    let meetings: Vec<_> = x.events.iter().filter(|e| e.is_live() && e.kind == EventKind::Meeting).collect();
    assert_eq!(meetings.len(), 1, "{:?}", events(&x));
    assert_eq!(meetings[0].factuality, Factuality::Planned);
    assert!(meetings[0].fillers(Role::Location).any(|l| l.to_string() == "place-delhi"), "{:?}", events(&x));
    let x = read(Lang::De, "Beim Treffen in Innsbruck wurde nicht geklärt, wer die Führung übernimmt.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn a_planned_meeting_at_another_place_is_not_an_earlier_one() {
    let x = read(
        Lang::De,
        "Die G8-Staaten trafen sich in Moskau. Das Treffen in Pittsburgh ist für den 24. und 25. Dezember geplant.",
    );
    let meetings: Vec<_> = x.events.iter().filter(|e| e.is_live() && e.kind == EventKind::Meeting).collect();
    assert!(
        meetings
            .iter()
            .all(|m| !(m.factuality.is_realis()
                && m.fillers(Role::Location).any(|l| l.to_string() == "place-pittsburgh"))),
        "{:?}",
        events(&x)
    );
    assert!(meetings.iter().any(|m| m.factuality == Factuality::Planned), "{:?}", events(&x));
}

#[test]
fn a_verb_of_calling_off_whose_subject_is_the_event_noun_cancels_it_wherever_it_stands() {
    for (lang, text) in [
        (
            Lang::En,
            "The commission announced on Friday that the second debate between the President of France and the Prime Minister of Poland, which was slated for October 25, has been cancelled.",
        ),
        (
            Lang::En,
            "The meeting between the President of France and the Prime Minister of Poland, planned for next week, was cancelled.",
        ),
        (
            Lang::De,
            "Das für nächste Woche geplante Treffen des Präsidenten Frankreichs mit dem Ministerpräsidenten Polens wurde abgesagt.",
        ),
    ] {
        let x = read(lang, text);
        let facts: Vec<Factuality> = events(&x).into_iter().map(|(_, f, _)| f).collect();
        assert_eq!(facts, vec![Factuality::Cancelled], "{text}");
    }
}

#[test]
fn a_purpose_of_a_journey_still_to_come_is_planned_and_putting_off_calls_off() {
    let x = read(Lang::De, "Olaf Scholz will im Dezember nach Peking reisen, um Xi Jinping zu treffen.");
    assert!(x.events.iter().filter(|e| e.is_live()).all(|e| e.factuality == Factuality::Planned), "{:?}", events(&x));
    let x = read(Lang::De, "Olaf Scholz verschob seinen Besuch in Paris.");
    assert_eq!(events(&x)[0].1, Factuality::Cancelled, "{:?}", events(&x));
}

#[test]
fn what_one_is_invited_to_is_still_to_come() {
    let x = read(Lang::De, "Olaf Scholz hat Emmanuel Macron zu Gesprächen nach Berlin eingeladen.");
    let planned: Vec<_> = events(&x).into_iter().filter(|e| e.0 != EventKind::Invitation).map(|e| e.1).collect();
    assert!(!planned.is_empty() && planned.iter().all(|f| *f == Factuality::Planned), "{:?}", events(&x));
    // Talks held before an invitation was made are no plan.
    let x = read(Lang::De, "Nach den Gesprächen mit Emmanuel Macron lud Olaf Scholz Joe Biden nach Berlin ein.");
    assert!(events(&x).iter().any(|e| e.0 == EventKind::Meeting && e.1 == Factuality::Asserted), "{:?}", events(&x));
}

#[test]
fn told_in_the_present_on_its_own_day_an_event_is_still_to_come() {
    // 15 October 2023 is a Sunday.
    let x = read_on(
        Lang::De,
        "2023-10-15",
        "Die Außenminister der Afrikanischen Union kommen am Sonntag in Addis Abeba zusammen.",
    );
    assert!(events(&x).iter().any(|e| e.0 == EventKind::Meeting && e.1 == Factuality::Planned), "{:?}", events(&x));
    let x = read_on(
        Lang::De,
        "2023-10-15",
        "Die Außenminister der Afrikanischen Union kamen am Sonntag in Addis Abeba zusammen.",
    );
    assert!(events(&x).iter().any(|e| e.0 == EventKind::Meeting && e.1 == Factuality::Asserted), "{:?}", events(&x));
    let x = read_on(Lang::En, "2023-10-15", "Biden meets Xi in San Francisco today.");
    assert!(events(&x).iter().any(|e| e.0 == EventKind::Meeting && e.1 == Factuality::Planned), "{:?}", events(&x));
}

#[test]
fn an_event_noun_not_made_known_is_not_denied() {
    let x = read(Lang::En, "Blinken's arrival in Kyiv on Tuesday was not announced in advance.");
    assert!(events(&x).iter().any(|e| e.0 == EventKind::Visit), "{:?}", events(&x));
    assert!(events(&x).iter().all(|e| e.1 != Factuality::Denied), "{:?}", events(&x));
    // What did not take place is denied.
    let x = read(Lang::En, "The visit by Blinken to Kyiv on Tuesday did not take place.");
    assert!(events(&x).iter().any(|e| e.0 == EventKind::Visit && e.1 == Factuality::Denied), "{:?}", events(&x));
}

#[test]
fn who_announces_or_promises_an_event_noun_makes_it_and_it_is_still_to_come() {
    for (lang, text, kind, role, key) in [
        (Lang::De, "Scholz kündigte einen Besuch in Kiew an.", EventKind::Visit, Role::Visitor, "person-olaf-scholz"),
        (Lang::En, "Scholz announced a visit to Kyiv.", EventKind::Visit, Role::Visitor, "person-olaf-scholz"),
        (Lang::En, "Russia announced arms deliveries to Syria.", EventKind::Shipment, Role::Supplier, "state-rus"),
        (
            Lang::De,
            "Russland versprach Waffenlieferungen an die Ukraine.",
            EventKind::Shipment,
            Role::Supplier,
            "state-rus",
        ),
        (
            Lang::De,
            "Scholz kündigte Gespräche mit Macron an.",
            EventKind::Meeting,
            Role::Participant,
            "person-olaf-scholz",
        ),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, kind, role, key), "{text}: {:?}", events(&x));
        assert!(events(&x).iter().all(|e| e.1 == Factuality::Planned), "{text}: {:?}", events(&x));
    }
    // Who announces an event between others takes no part in it.
    let x = read(Lang::En, "The commission announced talks between Scholz and Macron.");
    let parties: Vec<String> =
        x.events.iter().flat_map(|e| e.fillers(Role::Participant).map(|p| p.to_string()).collect::<Vec<_>>()).collect();
    assert_eq!(parties.len(), 2, "{parties:?}");
}

#[test]
fn what_one_is_going_to_do_is_planned() {
    for text in ["Scholz is going to meet Macron.", "The Pentagon is going to send tanks to Ukraine."] {
        let x = read(Lang::En, text);
        let ev = events(&x);
        assert_eq!(ev.len(), 1, "{text}: {ev:?}");
        assert_eq!(ev[0].1, Factuality::Planned, "{text}");
    }
    // Met before going on: the meeting happened.
    let x = read(Lang::En, "Scholz met Macron on Monday before going to Paris.");
    assert!(events(&x).iter().any(|e| e.0 == EventKind::Meeting && e.1 == Factuality::Asserted), "{:?}", events(&x));
}
