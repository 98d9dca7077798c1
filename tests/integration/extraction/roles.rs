//! Roles: who visits, meets, invites or ships what to whom, and where, in the turns of news.

use super::*;

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
fn a_meeting_that_sets_the_scene_is_not_negated_by_what_fails_at_it() {
    let x = read(Lang::De, "Die EU-Außenminister haben sich auf einem Treffen in Brüssel nicht geeinigt.");
    let ev = events(&x);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].1, Factuality::Asserted, "{ev:?}");
}

#[test]
fn talks_on_a_journey_are_between_the_traveller_and_the_state_travelled_to() {
    let x = read(Lang::De, "Außenministerin Annalena Baerbock ist zu Gesprächen in Peking eingetroffen.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-annalena-baerbock"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "state-chn"), "{:?}", events(&x));
    let x = read(Lang::De, "Die Delegation war mit Plänen für ein Gespräch nach Äthiopien gereist.");
    assert!(
        x.events
            .iter()
            .filter(|e| e.is_live() && e.kind == EventKind::Meeting)
            .all(|e| e.factuality == Factuality::Planned)
    );
}

#[test]
fn whoever_comes_along_joins_the_visit() {
    let x = read(
        Lang::De,
        "Verteidigungsminister Boris Pistorius besuchte am Montag die Truppen in Kundus. Dabei wurde er von \
         seiner Frau Julia Schwanholz und dem Moderator Johannes B. Kerner begleitet.",
    );
    let visit = x.events.iter().find(|e| e.is_live() && e.kind == EventKind::Visit).expect("visit");
    let visitors: Vec<String> = visit.fillers(Role::Visitor).map(|v| v.to_string()).collect();
    assert!(visitors.contains(&"person-boris-pistorius".to_string()), "{visitors:?}");
    assert!(visitors.iter().any(|v| v.contains("julia-schwanholz")), "{visitors:?}");
    assert!(visitors.iter().any(|v| v.contains("kerner")), "{visitors:?}");
}

#[test]
fn a_city_adjective_places_a_meeting_said_to_take_place_there() {
    let x = read(
        Lang::De,
        "Die Zeitung berief sich auf eine Senatorin, in deren Washingtoner Haus das Treffen zwischen Barack Obama \
         und Hillary Clinton stattgefunden habe.",
    );
    assert!(has_role(&x, EventKind::Meeting, Role::Location, "place-washington"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-barack-obama"), "{:?}", events(&x));
}

#[test]
fn a_preposition_closing_the_clause_is_a_separable_particle() {
    let x = read(Lang::De, "Serbien sprach dem Kosovo zu, für sich selbst sprechen zu dürfen.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
    let x = read(Lang::De, "Merkel sprach mit Putin zu Fragen der Sicherheit.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-vladimir-putin"), "{:?}", events(&x));
}

#[test]
fn a_meeting_without_parties_continues_the_talks_before_it_or_is_none() {
    let x = read(
        Lang::De,
        "Pakistan und Indien verhandelten in Lahore. Die nächste Gesprächsrunde wird in Delhi stattfinden.",
    );
    let delhi: Vec<_> = x
        .events
        .iter()
        .filter(|e| e.is_live() && e.fillers(Role::Location).any(|l| l.to_string() == "place-delhi"))
        .collect();
    assert_eq!(delhi.len(), 1, "{:?}", events(&x));
    assert!(delhi[0].fillers(Role::Participant).any(|p| p.to_string() == "state-ind"), "{:?}", events(&x));
    let x = read(Lang::De, "Die nächste Gesprächsrunde wird in Delhi stattfinden.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn a_visit_that_sets_the_scene_was_made_by_the_clause_subject() {
    let x = read(
        Lang::De,
        "Der italienische Außenminister Massimo D'Alema hat heute bei einem Besuch in Bagdad den Abzug der Truppen angekündigt.",
    );
    let ev = events(&x);
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-baghdad"), "{ev:?}");
    assert!(ev.iter().any(|e| e.0 == EventKind::Visit && e.2.iter().any(|r| r.starts_with("Visitor="))), "{ev:?}");
    // What is announced during the visit is planned, not the visit.
    assert_eq!(ev[0].1, Factuality::Asserted, "{ev:?}");
}

#[test]
fn a_guest_at_a_gathering_visits_whoever_holds_it() {
    let x =
        read(Lang::De, "Al Gore war zu Gast beim „2. Deutschen Klimakongress der EnBW Energie Baden-Württemberg AG“.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-al-gore"), "{:?}", events(&x));
    assert!(
        has_role(&x, EventKind::Visit, Role::Host, "named-org-enbw-energie-baden-wuerttemberg"),
        "{:?}",
        events(&x)
    );
    let x = read(Lang::De, "Merkel war am Montag zu Gast in Paris.");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-paris"), "{:?}", events(&x));
}

#[test]
fn a_meeting_right_after_an_arrival_is_where_the_visitor_arrived() {
    let x =
        read(Lang::En, "Qasem Soleimani arrived in Baghdad on Thursday. He was being met by Abu Mahdi al-Muhandis.");
    assert!(has_role(&x, EventKind::Meeting, Role::Location, "place-baghdad"), "{:?}", events(&x));
}

#[test]
fn a_phrase_beyond_the_finite_verb_is_not_the_event_nouns_partner() {
    let x = read(
        Lang::De,
        "Die EU sprach am Montag mit Peru. Die Verhandlungen mit Peru sind seit langem ein Streitpunkt zwischen SPD und CDU.",
    );
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "state-per"), "{:?}", events(&x));
    assert!(!has_role(&x, EventKind::Meeting, Role::Participant, "party-deu-spd"), "{:?}", events(&x));
}

/// The entity labelled `label`: its country and its offices (kind and state).

#[test]
fn what_a_meeting_discusses_is_its_topic_not_a_party() {
    for (lang, text) in [
        (Lang::En, "The President of France met the Prime Minister of Poland to discuss NATO."),
        (Lang::De, "Der Präsident Frankreichs traf den Ministerpräsidenten Polens, um die NATO zu besprechen."),
    ] {
        let x = read(lang, text);
        assert!(!has_role(&x, EventKind::Meeting, Role::Participant, "org-nato"), "{text}: {:?}", events(&x));
        assert_eq!(events(&x).len(), 1, "{text}");
    }
    let x = read(Lang::En, "The President of France met the Prime Minister of Poland and NATO officials.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "org-nato"), "{:?}", events(&x));
}

#[test]
fn talks_in_an_adjunct_are_held_by_the_subject_of_its_clause() {
    for (lang, text) in [
        (Lang::De, "Nach dreistündigen Verhandlungen mit Benjamin Netanjahu reiste Abdel Fattah al-Sisi ab."),
        (Lang::En, "After talks with Benjamin Netanyahu, Abdel Fattah al-Sisi left for Cairo."),
        (Lang::En, "Following talks with Benjamin Netanyahu, Abdel Fattah al-Sisi said the region needed calm."),
    ] {
        let x = read(lang, text);
        let meetings: Vec<_> = events(&x).into_iter().filter(|e| e.0 == EventKind::Meeting).collect();
        assert_eq!(meetings.len(), 1, "{lang:?}: {:?}", events(&x));
        // Told by the article, not by the one who speaks after them.
        assert_eq!(meetings[0].1, Factuality::Asserted, "{lang:?}: {meetings:?}");
        assert_eq!(meetings[0].2.len(), 2, "{lang:?}: {meetings:?}");
        assert!(meetings[0].2.iter().any(|r| r.contains("netanyahu")), "{lang:?}: {meetings:?}");
        assert!(meetings[0].2.iter().any(|r| r.contains("sisi")), "{lang:?}: {meetings:?}");
    }
}

#[test]
fn a_possessive_pronoun_in_a_fronted_phrase_points_to_the_subject_after_it() {
    let context = "Benjamin Netanyahu spoke in Jerusalem. ";
    for (lang, text, visitor_of_kyiv) in [
        (Lang::En, "After his visit to Kyiv, Olaf Scholz flew to Warsaw.", true),
        (Lang::En, "Following his meeting with Xi Jinping, Olaf Scholz flew to Shanghai.", false),
    ] {
        let x = read(lang, &format!("{context}{text}"));
        let ev = events(&x);
        assert!(ev.iter().all(|e| !e.2.iter().any(|r| r.contains("netanyahu"))), "{lang:?}: {ev:?}");
        assert!(ev.iter().any(|e| e.2.iter().any(|r| r.contains("scholz"))), "{lang:?}: {ev:?}");
        if visitor_of_kyiv {
            assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-kyiv"), "{ev:?}");
        } else {
            assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-xi-jinping"), "{ev:?}");
        }
    }
}

#[test]
fn a_place_behind_an_event_noun_is_the_noun_s_and_the_verb_keeps_its_own() {
    let x = read(Lang::De, "Nach seinem Besuch in Kiew reiste Olaf Scholz nach Warschau.");
    let visits: Vec<_> = events(&x).into_iter().filter(|e| e.0 == EventKind::Visit).collect();
    assert_eq!(visits.len(), 2, "{visits:?}");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-kyiv"), "{visits:?}");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-warsaw"), "{visits:?}");
    // With no other place, the verb still goes where the phrase says.
    let x = read(Lang::De, "Eine sudanesische Delegation war mit Plänen für ein Gespräch nach Äthiopien gereist.");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "state-eth"), "{:?}", events(&x));
}

#[test]
fn the_one_invited_for_a_visit_makes_it_and_a_bare_place_receives_it() {
    for (lang, text) in
        [(Lang::De, "Xi lud Putin zu einem Besuch in China ein."), (Lang::En, "Xi invited Putin for a visit to China.")]
    {
        let x = read(lang, text);
        let visits: Vec<_> = events(&x).into_iter().filter(|e| e.0 == EventKind::Visit).collect();
        assert_eq!(visits.len(), 1, "{lang:?}: {visits:?}");
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-vladimir-putin"), "{lang:?}: {visits:?}");
    }
    for (lang, text) in [
        (Lang::De, "Die spanische Ministerin Ana Ruiz stattete Rabat am Montag einen Besuch ab."),
        (Lang::En, "The Spanish minister Ana Ruiz paid Rabat a visit on Monday."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-rabat"), "{lang:?}: {:?}", events(&x));
    }
}

#[test]
fn a_state_after_the_verb_of_a_paid_visit_is_where_it_goes_never_who_makes_it() {
    let x = read(Lang::De, "Olaf Scholz stattete China einen dreitägigen Besuch ab.");
    assert_eq!(events(&x)[0].2, vec!["Destination=state-chn", "Visitor=person-olaf-scholz"], "{:?}", events(&x));
    // No one named makes it: no visit, rather than one by China.
    let x = read(Lang::De, "Der Kanzler stattete China einen Besuch ab.");
    assert!(!has_role(&x, EventKind::Visit, Role::Visitor, "state-chn"), "{:?}", events(&x));
}

#[test]
fn flying_driving_and_arriving_are_going_and_one_flown_somewhere_makes_no_visit() {
    for (lang, text, fact) in [
        (Lang::De, "Der Präsident Frankreichs flog am Montag nach Polen.", Factuality::Asserted),
        (Lang::De, "Der Präsident Frankreichs ist nach Polen geflogen.", Factuality::Asserted),
        (Lang::De, "Der Präsident Frankreichs wird nach Polen fliegen.", Factuality::Planned),
        (Lang::De, "Der Präsident Frankreichs fuhr nach Polen.", Factuality::Asserted),
        (Lang::De, "Der Präsident Frankreichs kam am Montag in Polen an.", Factuality::Asserted),
        (Lang::En, "The President of France has flown to Poland.", Factuality::Asserted),
    ] {
        let x = read(lang, text);
        let ev = events(&x);
        assert_eq!(ev.len(), 1, "{text}: {ev:?}");
        assert_eq!(ev[0].1, fact, "{text}");
        assert!(has_role(&x, EventKind::Visit, Role::Destination, "state-pol"), "{text}: {ev:?}");
    }
    for (lang, text) in [
        (Lang::De, "Der Präsident Frankreichs fuhr mit seiner Rede fort."),
        (Lang::En, "The President of France was flown to a hospital in Warsaw."),
    ] {
        assert!(events(&read(lang, text)).is_empty(), "{text}");
    }
}

#[test]
fn a_relative_clause_s_subject_pronoun_and_a_verb_after_it_take_the_antecedent() {
    for (lang, text) in [
        (Lang::De, "Olaf Scholz, der am Montag in Paris eintraf, traf dort Emmanuel Macron."),
        (Lang::En, "Olaf Scholz, who arrived in Paris on Monday, met Emmanuel Macron there."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-olaf-scholz"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-emmanuel-macron"), "{text}");
    }
    for (lang, text) in [
        (Lang::De, "Olaf Scholz traf Emmanuel Macron, der ihn in Paris empfing."),
        (Lang::En, "Olaf Scholz met Emmanuel Macron, who received him in Paris."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Host, "person-emmanuel-macron"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-olaf-scholz"), "{text}: {:?}", events(&x));
    }
}

#[test]
fn a_relative_pronoun_as_object_stands_for_the_antecedent() {
    for (lang, text) in [
        (Lang::De, "Olaf Scholz traf Emmanuel Macron, den er am Montag in Berlin empfing."),
        (Lang::En, "Olaf Scholz met Emmanuel Macron, whom he received in Berlin on Monday."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Host, "person-olaf-scholz"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-emmanuel-macron"), "{text}: {:?}", events(&x));
    }
}

#[test]
fn holding_a_summit_sitting_down_and_eating_together_are_meetings() {
    for (lang, text) in [
        (Lang::En, "Joe Biden and Xi Jinping held a virtual summit on Monday."),
        (Lang::De, "Joe Biden und Xi Jinping hielten am Montag einen virtuellen Gipfel ab."),
        (Lang::En, "Joe Biden sat down with Xi Jinping in San Francisco."),
        (Lang::En, "Joe Biden and Xi Jinping had lunch together in San Francisco."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-joe-biden"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-xi-jinping"), "{text}: {:?}", events(&x));
    }
}

#[test]
fn a_place_after_where_one_comes_from_is_the_destination_unless_it_locates_an_unknown_origin() {
    for (lang, text) in [
        (Lang::En, "The President of France flew from Berlin to Warsaw."),
        (Lang::En, "The President of France arrived from Berlin in Warsaw."),
        (Lang::De, "Der Präsident Frankreichs reiste aus Berlin nach Warschau."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-warsaw"), "{text}: {:?}", events(&x));
    }
    let x = read(Lang::En, "The President of France was flying from Tomsk in Siberia.");
    let destinations: Vec<String> =
        x.events.iter().flat_map(|e| e.fillers(Role::Destination)).map(|k| k.to_string()).collect();
    assert!(destinations.iter().all(|d| !d.contains("siberia")), "{destinations:?}");
    // The same phrase with Siberia as a destination would have named it.
    let x = read(Lang::En, "The President of France flew to Siberia.");
    assert!(x.events.iter().flat_map(|e| e.fillers(Role::Destination)).any(|k| k.to_string().contains("siberia")));
}

#[test]
fn the_end_of_a_way_still_being_gone_is_not_where_one_arrives() {
    let x = read(Lang::En, "The President of France was on his way to Kyiv when he arrived in Warsaw.");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-warsaw"), "{:?}", events(&x));
    assert!(!has_role(&x, EventKind::Visit, Role::Destination, "place-kyiv"), "{:?}", events(&x));
}

#[test]
fn a_trigger_given_as_a_lemma_holds_in_forms_no_one_listed() {
    for (lang, text, kind) in [
        (Lang::De, "Olaf Scholz konferierte am Montag in Berlin mit Emmanuel Macron.", EventKind::Meeting),
        (Lang::De, "Nach mehreren Sitzungen mit Emmanuel Macron reiste Olaf Scholz ab.", EventKind::Meeting),
        (Lang::De, "Frankreich sendet der Ukraine weitere Raketen.", EventKind::Shipment),
        (Lang::En, "Olaf Scholz and Emmanuel Macron are negotiating in Geneva.", EventKind::Meeting),
        (Lang::En, "Germany is dispatching tanks to Ukraine.", EventKind::Shipment),
    ] {
        let x = read(lang, text);
        assert!(events(&x).iter().any(|e| e.0 == kind), "{text}: {:?}", events(&x));
    }
}

#[test]
fn a_proper_noun_after_a_preposition_of_place_is_a_place_of_its_own() {
    // Where every noun is capitalised, the tagger's proper noun names a place the gazetteer lacks.
    let x = read(Lang::De, "Olaf Scholz reiste am Montag nach Tomsk.");
    assert!(events(&x).iter().any(|e| e.0 == EventKind::Visit), "{:?}", events(&x));
    let x = read(Lang::De, "Olaf Scholz reiste nach Gesprächen mit Emmanuel Macron ab.");
    assert!(events(&x).iter().all(|e| e.0 != EventKind::Visit), "{:?}", events(&x));
    // The name after that place is not governed by the preposition: it takes part.
    for text in [
        "Olaf Scholz traf in Tomsk Emmanuel Macron.",
        "Olaf Scholz traf in Tomsk den französischen Präsidenten Emmanuel Macron.",
    ] {
        let x = read(Lang::De, text);
        assert!(
            has_role(&x, EventKind::Meeting, Role::Participant, "person-emmanuel-macron"),
            "{text}: {:?}",
            events(&x)
        );
    }
    // A name's own first part is no place ("von Abu Mahdi al-Muhandis").
    let x = read(Lang::De, "Olaf Scholz wurde dort von Abu Mahdi al-Muhandis empfangen.");
    assert!(
        events(&x).iter().any(|e| e.0 == EventKind::Visit && e.2.iter().any(|r| r.starts_with("Host="))),
        "{:?}",
        events(&x)
    );
}

#[test]
fn one_awaited_somewhere_is_to_come_there() {
    let x = read(Lang::De, "Der Außenminister des Iran, Manutschehr Mottaki, wird am Donnerstag in Berlin erwartet.");
    let visits: Vec<_> = events(&x).into_iter().filter(|e| e.0 == EventKind::Visit).collect();
    assert_eq!(visits.len(), 1, "{:?}", events(&x));
    assert_eq!(visits[0].1, Factuality::Planned);
    assert!(visits[0].2.contains(&"Destination=place-berlin".to_string()), "{visits:?}");
    // Who awaits goes nowhere; nor does what is awaited.
    for text in
        ["Scholz erwartet in Berlin den Ministerpräsidenten.", "Ein Ergebnis wird am Montag in Berlin erwartet."]
    {
        let x = read(Lang::De, text);
        assert!(
            events(&x).iter().all(|e| !e.2.iter().any(|r| r == "Destination=place-berlin")),
            "{text}: {:?}",
            events(&x)
        );
    }
}

#[test]
fn a_place_a_verb_of_going_takes_as_its_object_comes_first() {
    let x = read(Lang::En, "Pompeo is scheduled to visit Seoul and Tokyo after his stop in Pyongyang.");
    for place in ["place-seoul", "place-tokyo"] {
        assert!(has_role(&x, EventKind::Visit, Role::Destination, place), "{place}: {:?}", events(&x));
    }
    assert!(!has_role(&x, EventKind::Visit, Role::Destination, "place-pyongyang"), "{:?}", events(&x));
    // A state in the genitive before a noun is whose it is, not where one goes.
    let x = read(Lang::De, "Genau dahin flog Serbiens Torwart Vladimir Stojković und konnte den Ball abwehren.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
    // Welcomed to a place: the guest came there; a missile is materiel in the singular too.
    let x = read(
        Lang::En,
        "German Chancellor Angela Merkel welcomed French President Emmanuel Macron to Berlin on Monday.",
    );
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-berlin"), "{:?}", events(&x));
    let x = read(Lang::En, "Russia has sold S-400 missile systems to Turkey despite objections from NATO.");
    assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-tur"), "{:?}", events(&x));
}

#[test]
fn who_hosts_a_gathering_takes_part_in_it() {
    let x = read(Lang::En, "The United Kingdom will host the next climate summit in Glasgow in November.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "state-gbr"), "{:?}", events(&x));
    let x = read(Lang::De, "Die Schweiz hat im Juni eine Friedenskonferenz in Bürgenstock ausgerichtet.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "state-che"), "{:?}", events(&x));
    // Aligning a policy hosts nobody.
    let x = read(Lang::De, "Die Schweiz richtete ihre Politik neu aus.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn a_host_welcoming_a_guest_before_a_gathering_does_not_take_part_in_it() {
    for (lang, text) in [
        (Lang::De, "Modi empfing Biden vor dem G20-Gipfel in Neu-Delhi."),
        (Lang::En, "Modi welcomed Biden to New Delhi before the G20 summit."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Host, "person-narendra-modi"), "{text}: {:?}", events(&x));
        assert!(
            !has_role(&x, EventKind::Meeting, Role::Participant, "person-narendra-modi"),
            "{text}: {:?}",
            events(&x)
        );
    }
    // Hosting the gathering itself still makes the host a party.
    let x = read(Lang::En, "India will host the G20 summit in New Delhi.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "state-ind"), "{:?}", events(&x));
}

#[test]
fn the_tree_fills_what_the_rules_of_a_class_leave_open() {
    // A passive: its subject is where one goes, "von" names who goes.
    let x = read(Lang::De, "Kiew wurde am Montag vom französischen Präsidenten besucht.");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-kyiv"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-emmanuel-macron"), "{:?}", events(&x));
}

#[test]
fn a_finite_verb_ends_the_phrase_a_preposition_governs() {
    // "Im Winter besuchte Scholz …": the subject after the verb is no object of "im".
    for text in ["Im Winter besuchte Scholz Paris.", "Im Urlaub hatte Scholz Paris besucht."] {
        let x = read(Lang::De, text);
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-olaf-scholz"), "{text}: {:?}", events(&x));
    }
    // A participle in an attribute stays inside the phrase.
    let x = read(
        Lang::De,
        "Am Donnerstag fand ein Treffen zwischen dem inzwischen als Kandidat für das Amt des US-Präsidenten \
         feststehenden Barack Obama und Hillary Clinton statt.",
    );
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-barack-obama"), "{:?}", events(&x));
}

#[test]
fn talks_one_travels_or_stays_for_are_held_where_the_clause_is() {
    for (lang, text) in [
        (Lang::En, "Scholz flew to Paris on Monday for talks with Macron."),
        (Lang::En, "Scholz was in Paris on Monday for talks with Macron."),
        (Lang::De, "Scholz reiste am Montag zu Gesprächen mit Macron nach Paris."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Meeting, Role::Location, "place-paris"), "{text}: {:?}", events(&x));
    }
}

#[test]
fn a_visit_its_clause_s_subject_is_on_goes_where_the_clause_stands() {
    for (lang, text, place) in [
        (Lang::En, "Scholz is in Paris for a visit.", "place-paris"),
        (Lang::De, "Scholz ist derzeit in Indien zu Besuch.", "state-ind"),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-olaf-scholz"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Visit, Role::Destination, place), "{text}: {:?}", events(&x));
    }
}

#[test]
fn a_trip_through_a_state_goes_there() {
    let x = read(Lang::De, "Scholz befindet sich auf einer dreitägigen Reise durch Kenia.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-olaf-scholz"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "state-ken"), "{:?}", events(&x));
    assert!(!has_role(&x, EventKind::Visit, Role::Visitor, "state-ken"), "{:?}", events(&x));
}

#[test]
fn a_guest_hosted_for_talks_is_a_visitor_and_takes_part() {
    let x = read(Lang::En, "Macron hosted Scholz for talks.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-olaf-scholz"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Visit, Role::Host, "person-emmanuel-macron"), "{:?}", events(&x));
    let parties: Vec<String> = x
        .events
        .iter()
        .filter(|e| e.is_live())
        .flat_map(|e| e.fillers(Role::Participant).map(|p| p.to_string()).collect::<Vec<_>>())
        .collect();
    assert!(parties.contains(&"person-olaf-scholz".to_string()), "{parties:?}");
    assert!(parties.contains(&"person-emmanuel-macron".to_string()), "{parties:?}");
    // Hosting the meeting itself is no visit.
    let x = read(Lang::En, "Macron hosted a meeting between Scholz and Meloni.");
    assert!(!events(&x).iter().any(|e| e.0 == EventKind::Visit), "{:?}", events(&x));
}

#[test]
fn stays_stops_and_meals_are_visits_and_meetings() {
    for (lang, text, place) in [
        (Lang::De, "Scholz hielt sich am Montag in Warschau auf.", "place-warsaw"),
        (Lang::De, "Macron machte am Montag Station in Warschau.", "place-warsaw"),
        (Lang::De, "Scholz legte auf dem Weg nach Indien einen Zwischenstopp in Katar ein.", "state-qat"),
        (Lang::En, "Scholz made a stopover in Qatar on his way to India.", "state-qat"),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Destination, place), "{text}: {:?}", events(&x));
    }
    // Holding up is no staying: the reflexive makes the stay.
    let x = read(Lang::De, "Die Polizei hielt den Konvoi am Montag in Warschau auf.");
    assert!(!events(&x).iter().any(|e| e.0 == EventKind::Visit), "{:?}", events(&x));
    let x = read(Lang::De, "Scholz frühstückte am Montag mit Macron.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-emmanuel-macron"), "{:?}", events(&x));
}

#[test]
fn arriving_and_being_due_somewhere_are_visits() {
    for (lang, text) in [
        (Lang::En, "Blinken's arrival in Kyiv on Tuesday surprised observers."),
        (Lang::De, "Blinkens Ankunft in Kiew am Dienstag überraschte Beobachter."),
        (Lang::En, "Blinken is due in Kyiv next week."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-kyiv"), "{text}: {:?}", events(&x));
    }
    let x = read(Lang::En, "Blinken is due in Kyiv next week.");
    assert!(events(&x).iter().all(|e| e.1 == Factuality::Planned), "{:?}", events(&x));
}

#[test]
fn a_clause_that_opens_with_its_verb_has_its_subject_before_an_apposition() {
    for (lang, text) in [
        (Lang::En, "Olaf Scholz, the German chancellor, met Emmanuel Macron on Monday."),
        (Lang::En, "Tomas Berg, a Norwegian diplomat, met Emmanuel Macron on Monday."),
        (Lang::De, "Tomas Berg, der Ministerpräsident Norwegens, traf am Montag Emmanuel Macron."),
    ] {
        let x = read(lang, text);
        let parties: Vec<String> = x
            .events
            .iter()
            .filter(|e| e.is_live() && e.kind == EventKind::Meeting)
            .flat_map(|e| e.fillers(Role::Participant).map(|p| p.to_string()).collect::<Vec<_>>())
            .collect();
        assert_eq!(parties.len(), 2, "{text}: {parties:?}");
        assert!(parties.contains(&"person-emmanuel-macron".to_string()), "{text}: {parties:?}");
        assert!(!parties.iter().any(|p| p.contains("diplomat")), "{text}: {parties:?}");
    }
}

#[test]
fn speaking_of_something_is_no_meeting() {
    let x = read(Lang::De, "Scholz und Merkel sprachen am Montag von einem Dammbruch.");
    assert!(!events(&x).iter().any(|e| e.0 == EventKind::Meeting), "{:?}", events(&x));
    let x = read(Lang::De, "Scholz sprach am Montag mit Merkel.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-angela-merkel"), "{:?}", events(&x));
}

#[test]
fn the_word_a_going_verb_needs_after_it_governs_where_it_goes() {
    let x = read(Lang::En, "Scholz left for India on Monday.");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "state-ind"), "{:?}", events(&x));
    // Without that word the verb goes nowhere, and makes no journey of a meeting noun.
    let x =
        read(Lang::En, "Biden left the campaign trail a few days before the debate to prepare at his Delaware house.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn an_infinitive_after_a_fronted_phrase_keeps_its_clause_s_subject() {
    let x = read(Lang::En, "On Monday, Scholz said he planned to travel to India.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-olaf-scholz"), "{:?}", events(&x));
    // After a clause with a verb, an infinitive shares that clause's subject.
    let x = read(Lang::De, "Die USA werfen Nordkorea vor, Waffen an Russland geliefert zu haben.");
    assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-prk"), "{:?}", events(&x));
}

#[test]
fn a_meeting_during_a_visit_of_its_party_shares_the_visit_s_place() {
    let x = read(Lang::En, "Scholz met Modi during his visit to India on Monday.");
    assert!(has_role(&x, EventKind::Meeting, Role::Location, "state-ind"), "{:?}", events(&x));
    let x = read(Lang::De, "Bei seiner Reise traf Scholz Modi in Neu-Delhi.");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-new-delhi"), "{:?}", events(&x));
}
