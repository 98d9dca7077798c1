//! Actors: names, titles and offices, counterparts, groups, companies and outlets, and the states they belong to.

use super::*;

#[test]
fn an_apposition_does_not_cut_a_meeting_from_its_place() {
    let x = read(Lang::En, "The Taliban met on Monday with Zalmay Khalilzad, a US peace envoy, in Qatar.");
    assert!(has_role(&x, EventKind::Meeting, Role::Location, "state-qat"), "{:?}", events(&x));
}

#[test]
fn a_demand_to_cancel_a_sale_names_the_seller_not_the_one_who_demands() {
    let x = read(Lang::En, "China demanded that the US cancel plans to sell weapons to Taiwan.");
    let ev = events(&x);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_ne!(ev[0].1, Factuality::Asserted);
    assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-usa"), "{ev:?}");
    assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-twn"), "{ev:?}");
    assert!(!has_role(&x, EventKind::Shipment, Role::Supplier, "state-chn"), "{ev:?}");
}

#[test]
fn extended_attributes_and_office_nouns_leave_the_phrase_its_preposition() {
    let x = read(
        Lang::De,
        "Gestern fand ein Treffen zwischen dem als Kandidat für das Amt des US-Präsidenten feststehenden \
         Barack Obama und seiner Rivalin Hillary Clinton statt.",
    );
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-barack-obama"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-hillary-clinton"), "{:?}", events(&x));
    assert!(!has_role(&x, EventKind::Meeting, Role::Participant, "person-joe-biden"), "{:?}", events(&x));
}

#[test]
fn a_closed_compound_of_a_name_and_a_visit_is_a_visit() {
    let x = read(Lang::De, "Verteidigungsminister Boris Pistorius sprach bei seinem Japanbesuch über Rüstung.");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "state-jpn"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-boris-pistorius"), "{:?}", events(&x));
}

#[test]
fn the_two_named_before_are_a_pair() {
    let x = read(
        Lang::De,
        "Bundeskanzler Olaf Scholz empfing den französischen Präsidenten Emmanuel Macron. Die beiden Politiker \
         trafen sich danach in Potsdam.",
    );
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-olaf-scholz"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-emmanuel-macron"), "{:?}", events(&x));
    let x = read(Lang::En, "Russia and China signed a treaty. The two countries will hold talks next week.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "state-rus"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "state-chn"), "{:?}", events(&x));
}

#[test]
fn a_truncated_compound_of_titles_is_one_group() {
    let x = read(Lang::De, "Die Beratungen der EU-Außen- und Europaminister finden am Montag statt.");
    let ev = events(&x);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert!(ev[0].2.iter().any(|r| r.starts_with("Participant=local-group-eu-aussen")), "{ev:?}");
}

#[test]
fn a_meeting_that_sets_the_scene_at_a_named_place_stands_with_one_party() {
    let x = read(Lang::De, "Innenminister Thomas de Maizière nannte am Montag in Dakar bei einem Treffen das Ziel.");
    assert!(has_role(&x, EventKind::Meeting, Role::Location, "place-dakar"), "{:?}", events(&x));
    let x = read(Lang::De, "Innenminister Thomas de Maizière nannte am Montag bei einem Treffen das Ziel.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn coming_to_terms_is_a_meeting_only_at_a_named_place() {
    let x = read(Lang::De, "Serbien und Kosovo haben sich am Freitag in Brüssel angenähert.");
    assert!(has_role(&x, EventKind::Meeting, Role::Location, "place-brussels"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "state-srb"), "{:?}", events(&x));
    let x = read(Lang::De, "Serbien und Kosovo haben sich am Freitag angenähert.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn a_role_noun_is_a_person_and_the_one_named_with_it() {
    let x = read(
        Lang::De,
        "Der Geschäftsführer der Entsorgungsfirma, Gerd-Jürgen Bruckschen, schwieg lange. \
         In einem Gespräch mit dem Umweltminister wies der Geschäftsführer alle Vorwürfe zurück.",
    );
    let ev = events(&x);
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "local-umweltminister"), "{ev:?}");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "named-person-gerd-juergen-bruckschen"), "{ev:?}");
    // The meeting sets the scene: it is not what is denied at it.
    assert!(ev.iter().any(|e| e.0 == EventKind::Meeting && e.1 == Factuality::Asserted), "{ev:?}");
    let denier: Vec<String> =
        x.claims.iter().filter(|c| c.stance == Stance::Denies).map(|c| c.speakers[0].to_string()).collect();
    assert_eq!(denier, ["named-person-gerd-juergen-bruckschen"]);
}

#[test]
fn titles_resolve_surnames_and_genitive_states_to_office_holders() {
    let text = "Außenminister Straw traf den Außenminister Frankreichs in Paris.";
    let x = read(Lang::De, text);
    let x2005 = read_on(Lang::De, "2005-06-06", text);
    assert!(has_role(&x2005, EventKind::Meeting, Role::Participant, "person-jack-straw"), "{:?}", events(&x2005));
    // No person is named "Frankreichs"; and in 2023 no Straw is foreign minister.
    assert!(!x2005.entities.iter().any(|e| e.labels.iter().any(|(_, l)| l == "Frankreichs")));
    assert!(!has_role(&x, EventKind::Meeting, Role::Participant, "person-jack-straw"), "{:?}", events(&x));
}

#[test]
fn an_apposition_with_a_demonym_gives_an_unknown_person_a_country() {
    let x = read(Lang::De, "Dina Mufti, Sprecher des äthiopischen Außenministeriums, traf den Präsidenten Kenias.");
    let mufti = x.entities.iter().find(|e| e.labels.iter().any(|(_, l)| l == "Dina Mufti"));
    assert_eq!(mufti.and_then(|e| e.country.as_deref()), Some("ETH"));
}

#[test]
fn companies_are_known_by_their_legal_form_or_a_company_noun() {
    let x = read(
        Lang::De,
        "Die Daimler AG bekommt Batterien vom US-Elektroautobauer Tesla Motors. Daimler zahlt. \
         Die Wiener Linien GmbH & Co. KG schweigt.",
    );
    let label = |key: &str| {
        x.entities.iter().find(|e| e.key.to_string() == key).map(|e| (e.labels[0].1.clone(), e.country.clone()))
    };
    assert_eq!(label("named-org-daimler"), Some(("Daimler AG".to_string(), None)));
    assert_eq!(label("named-org-tesla-motors"), Some(("Tesla Motors".to_string(), Some("USA".to_string()))));
    assert!(x.entities.iter().any(|e| e.labels[0].1 == "Linien GmbH & Co. KG"), "{:?}", x.entities);
    let daimler = x.entities.iter().find(|e| e.key.to_string() == "named-org-daimler").expect("Daimler");
    assert_eq!(daimler.mentions.len(), 2, "the later 'Daimler' is the same company");
    // A common noun after a company noun is no company.
    let x = read(Lang::De, "Im Jahr 2010 erzielte das Unternehmen Umsatzerlöse von drei Milliarden Euro.");
    assert!(!x.entities.iter().any(|e| e.kind == EntityKind::Organization), "{:?}", x.entities);
}

#[test]
fn a_known_surname_before_an_unknown_name_is_a_given_name() {
    let x = read(Lang::En, "US delegation head Sharon Hayes met Chinese officials in Bali.");
    assert!(!x.entities.iter().any(|e| e.key.to_string() == "person-ariel-sharon"), "{:?}", x.entities);
}

#[test]
fn a_named_facility_keeps_its_name_and_its_city_country() {
    let x = read(Lang::En, "The strike hit Baghdad International Airport, where Soleimani was arriving by plane.");
    let airport = x.entities.iter().find(|e| e.labels.iter().any(|(_, l)| l == "Baghdad International Airport"));
    assert_eq!(airport.and_then(|a| a.country.as_deref()), Some("IRQ"), "{:?}", x.entities);
}

#[test]
fn only_a_place_or_a_state_is_a_landmark() {
    let x = read(Lang::En, "Protesters gathered in Washington near the White House as Biden met Trump.");
    assert!(
        x.entities.iter().all(|e| e.near.as_ref().map(|n| n.to_string()).as_deref() != Some("gov-white-house")),
        "{:?}",
        x.entities
    );
}

#[test]
fn an_apposition_or_a_title_gives_an_unknown_person_country_and_office() {
    let x = read(Lang::De, "Ana Ruiz, die Leiterin der spanischen Zollbehörde, traf am Montag den Minister.");
    assert_eq!(described(&x, "Ana Ruiz").0.as_deref(), Some("ESP"));
    let x = read(Lang::De, "Die SPD-Politikerin Eva Kern besuchte am Montag Paris.");
    assert_eq!(described(&x, "Eva Kern").0.as_deref(), Some("DEU"), "a party's state");
    let x = read(
        Lang::De,
        "Zu einer Einigung sei es nicht gekommen, erklärte Mirza Asif Baig, der Leiter der pakistanischen Delegation.",
    );
    assert_eq!(described(&x, "Asif Baig").0.as_deref(), Some("PAK"));
    let x = read(Lang::En, "Mr. Tomas Berg, the Prime Minister of Norway, met the envoy on Monday.");
    assert_eq!(
        described(&x, "Tomas Berg"),
        (Some("NOR".into()), vec![(PositionType::HeadOfGovernment, Some("NOR".into()))])
    );
}

#[test]
fn a_former_office_gives_a_country_but_no_office_and_no_holder() {
    let x = read(Lang::De, "Der ehemalige Außenminister Perus, Luis Vega, besuchte am Montag Berlin.");
    assert_eq!(described(&x, "Luis Vega"), (Some("PER".into()), vec![]));
    let x = read(Lang::En, "The former foreign minister of Peru, Luis Vega, visited Berlin on Monday.");
    assert_eq!(described(&x, "Luis Vega"), (Some("PER".into()), vec![]));
    let x = read(Lang::De, "Der frühere Präsident Frankreichs besuchte am Montag Berlin.");
    assert!(
        !x.entities.iter().any(|e| e.known && e.kind == EntityKind::Person),
        "not the office's holder: {:?}",
        x.entities
    );
    let x = read(Lang::De, "Der Präsident Frankreichs besuchte am Montag Berlin.");
    assert!(x.entities.iter().any(|e| e.known && e.kind == EntityKind::Person), "the holder: {:?}", x.entities);
}

#[test]
fn plural_actors_are_groups_with_their_state_and_never_persons() {
    let x = read(Lang::En, "Moroccan diplomats met the envoy in Rabat on Monday.");
    let group =
        x.entities.iter().find(|e| e.labels.iter().any(|(_, l)| l.contains("diplomats"))).expect("the diplomats");
    assert_eq!((group.kind, group.country.as_deref()), (EntityKind::Group, Some("MAR")));
    let x = read(Lang::De, "Die EU-Außenminister trafen sich am Montag in Brüssel.");
    assert!(x.entities.iter().any(|e| e.kind == EntityKind::Group), "{:?}", x.entities);
    assert!(!x.entities.iter().any(|e| e.kind == EntityKind::Person), "{:?}", x.entities);
}

#[test]
fn a_title_set_off_after_a_name_describes_that_person_and_names_no_one_else() {
    let x = read(Lang::En, "Tomas Berg, the Prime Minister of Norway, met the envoy on Monday.");
    assert_eq!(
        described(&x, "Tomas Berg"),
        (Some("NOR".into()), vec![(PositionType::HeadOfGovernment, Some("NOR".into()))])
    );
    let people: Vec<_> = x.entities.iter().filter(|e| e.kind == EntityKind::Person && e.known).collect();
    assert!(people.is_empty(), "not Norway's real prime minister: {people:?}");
    assert!(!x.entities.iter().any(|e| e.labels.iter().any(|(_, l)| l.contains("Prime Minister"))), "{:?}", x.entities);
}

#[test]
fn the_two_leaders_are_two_named_together_never_two_strangers() {
    let x = read(
        Lang::En,
        "Olaf Scholz met Xi Jinping in Beijing. Ana Ruiz spoke in Rabat. The two leaders held talks again in Shanghai.",
    );
    let in_shanghai: Vec<_> = x
        .events
        .iter()
        .filter(|e| e.is_live() && e.fillers(Role::Location).any(|l| l.to_string() == "place-shanghai"))
        .collect();
    assert_eq!(in_shanghai.len(), 1, "{:?}", events(&x));
    let people: Vec<String> = in_shanghai[0].fillers(Role::Participant).map(|p| p.to_string()).collect();
    assert!(people.contains(&"person-olaf-scholz".to_string()), "{people:?}");
    assert!(people.contains(&"person-xi-jinping".to_string()), "{people:?}");
    // Named apart, two people are no pair: the meeting stays without them.
    let x = read(
        Lang::De,
        "Ana Ruiz sprach in Rabat. Olaf Scholz sprach in Berlin. Die beiden Politiker führten Gespräche.",
    );
    assert!(!has_role(&x, EventKind::Meeting, Role::Participant, "person-olaf-scholz"), "{:?}", events(&x));
}

#[test]
fn goods_go_to_any_actor_and_a_capital_stands_for_its_state() {
    for (lang, text, supplier, recipient) in [
        (Lang::En, "Iran sent weapons to Hamas.", "state-irn", "group-hamas"),
        (Lang::En, "A spokesman said Berlin would deliver more tanks to Kyiv.", "state-deu", "state-ukr"),
        (Lang::De, "Berlin liefert weitere Panzer an Kiew.", "state-deu", "state-ukr"),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, supplier), "{lang:?}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Shipment, Role::Recipient, recipient), "{lang:?}: {:?}", events(&x));
    }
    // A port that is no capital is where the goods go, not who gets them.
    let x = read(Lang::En, "Ukraine shipped grain to Odesa.");
    assert!(has_role(&x, EventKind::Shipment, Role::Destination, "place-odesa"), "{:?}", events(&x));
    assert!(!x.events.iter().any(|e| e.fillers(Role::Recipient).next().is_some()), "{:?}", events(&x));
}

#[test]
fn a_title_set_off_after_a_name_describes_that_person_who_keeps_the_verb() {
    for (lang, text) in [
        (Lang::En, "Tomas Berg, the Prime Minister of Norway, visited Madrid on Tuesday."),
        (Lang::En, "Tomas Berg, Norway's prime minister, visited Madrid on Tuesday."),
        (Lang::En, "Tomas Berg, the head of the Norwegian customs agency, visited Madrid on Tuesday."),
        (Lang::De, "Tomas Berg, der Ministerpräsident Norwegens, besuchte am Dienstag Madrid."),
    ] {
        let x = read(lang, text);
        let ev = events(&x);
        assert_eq!(ev.len(), 1, "{text}: {ev:?}");
        assert_eq!(ev[0].2, vec!["Destination=place-madrid", "Visitor=named-person-tomas-berg"], "{text}");
    }
}

#[test]
fn a_name_in_the_genitive_after_a_delivery_noun_supplies() {
    let x = read(Lang::De, "Die Waffenlieferungen Russlands an Syrien gehen weiter.");
    assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-rus"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-syr"), "{:?}", events(&x));
}

#[test]
fn rebels_and_separatists_are_a_group_of_the_article_that_can_receive_and_meet() {
    for (lang, text) in [
        (Lang::En, "Iran sent weapons to the rebels."),
        (Lang::En, "The separatists received weapons from Iran."),
        (Lang::De, "Der Iran schickte Waffen an die Rebellen."),
        (Lang::De, "Die Separatisten erhielten Waffen aus dem Iran."),
    ] {
        let x = read(lang, text);
        let recipients: Vec<String> =
            x.events.iter().flat_map(|e| e.fillers(Role::Recipient)).map(|k| k.to_string()).collect();
        assert_eq!(recipients.len(), 1, "{text}: {:?}", events(&x));
        assert!(recipients[0].starts_with("local-group-"), "{text}: {recipients:?}");
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-irn"), "{text}: {:?}", events(&x));
        let group = x.entities.iter().find(|e| e.key.to_string() == recipients[0]).expect("the group is described");
        assert_eq!(group.kind, EntityKind::Group, "{text}");
    }
    // A known group named before the noun stays that group.
    let x = read(Lang::En, "Taliban rebels met US envoys in Doha.");
    assert!(x.entities.iter().all(|e| !e.key.to_string().starts_with("local-group-")), "{:?}", events(&x));
    // Met by them, not meeting them: no meeting of one side.
    let x = read(Lang::De, "Die Truppen trafen auf erheblichen Widerstand durch Aufständische.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn two_known_names_side_by_side_are_two_people() {
    for text in
        ["Gestern traf Putin Macron.", "Am Montag traf Macron Putin.", "Der Kreml sagte, dass Putin Macron traf."]
    {
        let x = read(Lang::De, text);
        assert!(
            has_role(&x, EventKind::Meeting, Role::Participant, "person-emmanuel-macron"),
            "{text}: {:?}",
            events(&x)
        );
        assert!(
            has_role(&x, EventKind::Meeting, Role::Participant, "person-vladimir-putin"),
            "{text}: {:?}",
            events(&x)
        );
    }
}

#[test]
fn awaited_somewhere_or_crossing_into_a_country_is_a_visit() {
    let x = read(Lang::En, "The President of France is expected in Warsaw next week.");
    assert_eq!(events(&x).len(), 1, "{:?}", events(&x));
    assert_eq!(events(&x)[0].1, Factuality::Planned);
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-warsaw"), "{:?}", events(&x));
    let x = read(Lang::En, "The President of France crossed into Poland on Tuesday.");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "state-pol"), "{:?}", events(&x));
    for text in ["A decision is expected in the coming weeks.", "Rain is expected in Warsaw."] {
        assert!(events(&read(Lang::En, text)).is_empty(), "{text}");
    }
}

#[test]
fn a_former_office_holder_is_not_the_holder_even_with_a_demonym_between() {
    for (lang, text) in [
        (Lang::En, "The former German chancellor travelled to Paris."),
        (Lang::De, "Der frühere deutsche Bundeskanzler reiste nach Paris."),
    ] {
        let x = read(lang, text);
        assert_eq!(events(&x).len(), 1, "{text}: {:?}", events(&x));
        assert!(!has_role(&x, EventKind::Visit, Role::Visitor, "person-olaf-scholz"), "{text}: {:?}", events(&x));
    }
}

#[test]
fn a_bare_plural_visit_noun_names_a_kind_of_trip_not_one() {
    let x = read(Lang::En, "Chris Fallows runs a company that conducts cage diving and shark viewing trips.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
    for (lang, text) in [
        (Lang::En, "Olaf Scholz made two trips to Paris this year."),
        (Lang::En, "The Pope's visits to Africa drew crowds."),
    ] {
        let x = read(lang, text);
        assert!(events(&x).iter().any(|e| e.0 == EventKind::Visit), "{text}: {:?}", events(&x));
    }
}

#[test]
fn an_office_of_several_states_is_held_by_one_person_for_each() {
    for (lang, text) in [
        (Lang::De, "Die Außenminister Deutschlands und Frankreichs trafen sich in Paris."),
        (Lang::De, "Der deutsche und der französische Außenminister trafen sich in Paris."),
        (Lang::En, "The foreign ministers of Germany and France met in Paris."),
        (Lang::En, "The German and French foreign ministers met in Paris."),
    ] {
        let x = read(lang, text);
        for person in ["person-annalena-baerbock", "person-catherine-colonna"] {
            assert!(has_role(&x, EventKind::Meeting, Role::Participant, person), "{text}: {:?}", events(&x));
        }
    }
    // A listed set whose holders the gazetteer lacks: one described person per state.
    let x = read(Lang::En, "Foreign ministers from Peru, Chile and Ecuador met in Lima.");
    let parties = x.events.iter().filter(|e| e.is_live()).map(|e| e.fillers(Role::Participant).count()).max();
    assert_eq!(parties, Some(3), "{:?}", events(&x));
}

#[test]
fn a_truncated_compound_of_places_names_both() {
    let x = read(Lang::De, "Die Gespräche zwischen Nord- und Südkorea wurden am Mittwoch in Seoul fortgesetzt.");
    for state in ["state-prk", "state-kor"] {
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, state), "{state}: {:?}", events(&x));
    }
}

#[test]
fn a_colleague_from_another_state_is_a_counterpart() {
    let x = read(Lang::De, "Der iranische Außenminister traf in New York seinen saudischen Kollegen.");
    let ev = events(&x);
    assert!(ev.iter().any(|e| e.0 == EventKind::Meeting && e.2.len() >= 2), "{ev:?}");
    let x = read(Lang::En, "Iran's foreign minister met his Saudi colleague in New York.");
    let ev = events(&x);
    assert!(ev.iter().any(|e| e.0 == EventKind::Meeting && e.2.len() >= 2), "{ev:?}");
    // A colleague without a state is no counterpart.
    let x = read(Lang::De, "Der iranische Außenminister lobte seinen Kollegen.");
    assert!(x.entities.iter().all(|e| !e.key.to_string().contains("counterpart")), "{:?}", x.entities);
}

#[test]
fn what_the_text_names_without_a_state_is_of_the_state_the_story_is_about() {
    let text = "Spanien fordert Hilfe für seine Landwirte. Außenministerin Trinidad Jiménez sagte in \
                Madrid, die spanischen Bauern hätten Millionen verloren. Die Regierung Spaniens prüft \
                Entschädigungen für die Betriebe bei der Stadt Almería.";
    let x = read(Lang::De, text);
    assert_eq!(described(&x, "Trinidad Jiménez"), (Some("ESP".into()), vec![(PositionType::ForeignMinister, None)]));
    // A story about two states in like measure leaves the state out.
    let text = "Spanien und Portugal fordern Hilfe. Außenministerin Trinidad Jiménez sagte in Madrid und \
                Lissabon, Spanien und Portugal hätten Millionen verloren.";
    let x = read(Lang::De, text);
    assert_eq!(described(&x, "Trinidad Jiménez").0, None);
    // A counterpart is of another state.
    let text = "Spanien fordert Hilfe. Die spanische Außenministerin Ana Ruiz traf in Madrid ihren \
                Amtskollegen Pedro Silva. Spanien und Madrid stehen vor Problemen.";
    let x = read(Lang::De, text);
    assert_eq!(described(&x, "Pedro Silva").0, None);
}

#[test]
fn an_office_of_an_organisation_s_states_is_a_group_of_it() {
    let x = read(Lang::De, "Die Verteidigungsminister der NATO-Staaten berieten am Donnerstag in Brüssel.");
    assert!(
        events(&x).iter().any(|e| e.0 == EventKind::Meeting && e.2.iter().any(|r| r.starts_with("Participant="))),
        "{:?}",
        events(&x)
    );
    // States of no organisation stay no group of one.
    let x = read(Lang::De, "Die Verteidigungsminister der Nachbarstaaten berieten am Donnerstag in Brüssel.");
    assert!(!x.entities.iter().any(|e| e.key.to_string() == "org-nato"), "{:?}", x.entities);
}

#[test]
fn the_leaders_of_several_states_are_a_group_for_each() {
    for text in [
        "The leaders of Turkey and Greece met on Friday.",
        "An earthquake struck Turkey and Greece on Friday. The leaders of the two countries spoke by telephone on Friday night.",
    ] {
        let x = read(Lang::En, text);
        let meeting = events(&x).into_iter().find(|e| e.0 == EventKind::Meeting);
        let parties = meeting.map_or(0, |e| e.2.iter().filter(|r| r.starts_with("Participant=")).count());
        assert_eq!(parties, 2, "{text}: {:?}", events(&x));
        let countries: Vec<Option<String>> =
            x.entities.iter().filter(|e| e.kind == EntityKind::Group).map(|e| e.country.clone()).collect();
        assert!(countries.contains(&Some("TUR".into())) && countries.contains(&Some("GRC".into())), "{countries:?}");
    }
    // Without two states named before, "the two countries" names none.
    let x = read(Lang::En, "The leaders of the two countries spoke by telephone on Friday night.");
    assert!(events(&x).iter().all(|e| e.0 != EventKind::Meeting), "{:?}", events(&x));
}

#[test]
fn representatives_of_states_are_groups_and_a_state_s_government_is_its_curated_one() {
    for (lang, text) in [
        (Lang::De, "Vertreter Russlands und der Ukraine verhandelten am Montag in Istanbul."),
        (Lang::En, "Representatives of Russia and Ukraine met in Istanbul on Monday."),
    ] {
        let x = read(lang, text);
        let meeting = events(&x).into_iter().find(|e| e.0 == EventKind::Meeting).expect("a meeting");
        let parties: Vec<&String> = meeting.2.iter().filter(|r| r.starts_with("Participant=")).collect();
        assert_eq!(parties.len(), 2, "{text}: {meeting:?}");
    }
    for (lang, text) in [
        (Lang::De, "Die Regierung der Türkei hat Waffen an Aserbaidschan geliefert."),
        (Lang::En, "The government of Turkey delivered weapons to Azerbaijan."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "gov-tur-government"), "{text}: {:?}", events(&x));
    }
}

#[test]
fn a_people_noun_whose_compound_names_a_state_or_a_body_acts_for_it() {
    let x = read(Lang::De, "US-Diplomaten trafen am Montag in Genf russische Unterhändler.");
    let meeting = events(&x).into_iter().find(|e| e.0 == EventKind::Meeting).expect("a meeting");
    assert_eq!(meeting.2.iter().filter(|r| r.starts_with("Participant=")).count(), 2, "{meeting:?}");
    assert!(
        x.entities.iter().any(|e| e.kind == EntityKind::Group && e.country.as_deref() == Some("USA")),
        "{:?}",
        x.entities
    );
    let x = read(Lang::De, "Hamas-Vertreter reisten am Montag nach Kairo.");
    assert!(
        events(&x).iter().any(|e| e.0 == EventKind::Visit && e.2.iter().any(|r| r.starts_with("Visitor="))),
        "{:?}",
        events(&x)
    );
    // A compound of a name and an event noun stays what it was.
    let x = read(Lang::De, "Der Putin-Besuch in Peking endete am Montag.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-vladimir-putin"), "{:?}", events(&x));
}

#[test]
fn a_state_joined_in_the_genitive_by_its_determiner_has_its_own_office_holder() {
    let x = read(Lang::De, "Die Außenminister Deutschlands und der Ukraine trafen sich am Montag in Berlin.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-dmytro-kuleba"), "{:?}", events(&x));
    // A state in the nominative after the coordinator is a party of its own.
    let x = read(Lang::De, "Der Außenminister Deutschlands und Frankreich verhandelten am Montag.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "state-fra"), "{:?}", events(&x));
}

#[test]
fn a_pronoun_points_back_to_a_person_of_its_gender_or_to_none() {
    for (lang, text) in [
        (
            Lang::De,
            "Bundeskanzlerin Angela Merkel sprach am Montag mit Emmanuel Macron. Am Dienstag flog er nach Warschau.",
        ),
        (Lang::En, "Mrs. Ruiz met Emmanuel Macron on Monday. On Tuesday he flew to Warsaw."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-emmanuel-macron"), "{text}: {:?}", events(&x));
    }
    // No "er" is known: the visit has no visitor, never the speaker.
    for text in [
        "Die Sprecherin sagte, er werde am Montag nach Paris reisen.",
        "Wie die Sprecherin mitteilte, wurde er in Miami, wo er sich aufhielt, am Freitag gesehen.",
    ] {
        let x = read(Lang::De, text);
        assert!(
            !x.events
                .iter()
                .any(|e| e.is_live() && e.kind == EventKind::Visit && e.fillers(Role::Visitor).next().is_some()),
            "{text}: {:?}",
            events(&x)
        );
    }
}

#[test]
fn a_known_person_after_a_title_keeps_the_whole_name() {
    let x = read(Lang::En, "Prime Minister Theresa May met Emmanuel Macron on Monday.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-theresa-may"), "{:?}", events(&x));
}

#[test]
fn the_organisation_points_back_to_the_last_organisation_named() {
    for text in [
        "Das Rote Kreuz teilte mit, drei Flugzeuge der Organisation seien am Montag mit 110 Tonnen Hilfsgütern in Kairo gelandet.",
        "Das Rote Kreuz ist seit Jahren vor Ort. Drei Flugzeuge der Hilfsorganisation sind am Montag mit 110 Tonnen Hilfsgütern in Kairo gelandet.",
    ] {
        let x = read(Lang::De, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "org-icrc"), "{text}: {:?}", events(&x));
    }
    // With no organisation named, the noun is no one.
    let x = read(Lang::De, "Drei Flugzeuge der Organisation sind am Montag mit Hilfsgütern in Kairo gelandet.");
    assert!(!x.events.iter().any(|e| e.is_live() && e.fillers(Role::Supplier).next().is_some()), "{:?}", events(&x));
}

#[test]
fn a_government_noun_names_the_state_s_body_its_forms_end_in() {
    let x = read(Lang::De, "Die Regierung der Ukraine bestätigte, Raketen aus den USA erhalten zu haben.");
    assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "gov-ukr-government"), "{:?}", events(&x));
    let x = read(Lang::De, "Das ukrainische Außenministerium bestätigte, Raketen aus den USA erhalten zu haben.");
    assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "gov-ukr-foreign-ministry"), "{:?}", events(&x));
    // An intelligence service of a state speaks for it as a body of its own.
    let x = read(Lang::En, "Ukrainian intelligence says Russia received missiles from Iran.");
    let speakers: Vec<String> = x.claims.iter().flat_map(|c| c.speakers.iter().map(|s| s.to_string())).collect();
    assert_eq!(speakers.len(), 1, "{speakers:?}");
    assert!(x.entities.iter().any(|e| e.country.as_deref() == Some("UKR") && e.kind == EntityKind::Government));
}

#[test]
fn a_common_noun_after_a_name_in_the_genitive_is_no_part_of_the_name() {
    let x = read(Lang::De, "Die Meldung kritisierte Tomas Bergs Politik als Minister.");
    let labels: Vec<&str> = x.entities.iter().flat_map(|e| e.labels.iter().map(|(_, l)| l.as_str())).collect();
    assert!(labels.contains(&"Tomas Berg"), "{labels:?}");
    assert!(!labels.iter().any(|l| l.contains("Politik")), "{labels:?}");
    // A given name ending like a genitive keeps the surname after it.
    let x = read(Lang::De, "Thomas Müller traf den Präsidenten Frankreichs.");
    let labels: Vec<&str> = x.entities.iter().flat_map(|e| e.labels.iter().map(|(_, l)| l.as_str())).collect();
    assert!(labels.contains(&"Thomas Müller"), "{labels:?}");
}

#[test]
fn a_known_person_named_with_a_middle_name_is_that_person() {
    for (lang, text) in [
        (Lang::De, "Sayyid Ali Hosseini Khamenei traf am Montag Wladimir Putin."),
        (Lang::En, "Sayyid Ali Hosseini Khamenei met Vladimir Putin on Monday."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-ali-khamenei"), "{text}: {:?}", events(&x));
    }
    // Another first name is another person.
    let x = read(Lang::En, "Hassan Hosseini Khamenei met Vladimir Putin on Monday.");
    assert!(!has_role(&x, EventKind::Meeting, Role::Participant, "person-ali-khamenei"), "{:?}", events(&x));
}

#[test]
fn a_person_described_by_an_office_is_one_in_every_case() {
    let x = read(
        Lang::De,
        "Die Ermordung des saudi-arabischen Botschafters wurde geplant. Der saudi-arabische Botschafter traf \
         später Olaf Scholz.",
    );
    let people: Vec<_> =
        x.entities.iter().filter(|e| e.labels.iter().any(|(_, l)| l.starts_with("Botschafter"))).collect();
    assert_eq!(people.len(), 1, "{:?}", x.entities);
    assert_eq!(people[0].labels, [("de".to_string(), "Botschafter".to_string())]);
    assert_eq!(people[0].country.as_deref(), Some("SAU"));
}

#[test]
fn a_surname_after_a_title_with_a_country_is_that_states_office_holder() {
    for (lang, text) in [
        (Lang::De, "Steinmeier empfing den israelischen Präsidenten Herzog in Berlin."),
        (Lang::En, "Steinmeier received Israeli President Herzog in Berlin."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-isaac-herzog"), "{text}: {:?}", events(&x));
    }
    // Another state's president of that name is someone else.
    let x = read(Lang::De, "Steinmeier empfing den französischen Präsidenten Herzog in Berlin.");
    assert!(!has_role(&x, EventKind::Visit, Role::Visitor, "person-isaac-herzog"), "{:?}", events(&x));
}

#[test]
fn a_known_person_of_another_state_after_a_title_is_no_holder_of_it() {
    for text in ["Am Mittwoch traf der Bundeskanzler Macron.", "Am Mittwoch traf der Bundeskanzler Emmanuel Macron."] {
        let x = read(Lang::De, text);
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-olaf-scholz"), "{text}: {:?}", events(&x));
        assert!(
            has_role(&x, EventKind::Meeting, Role::Participant, "person-emmanuel-macron"),
            "{text}: {:?}",
            events(&x)
        );
    }
    // One of the title's state is its holder.
    let x = read(Lang::De, "Am Mittwoch traf der Bundeskanzler Olaf Scholz den Präsidenten Frankreichs.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-emmanuel-macron"), "{:?}", events(&x));
    assert_eq!(x.events.iter().filter(|e| e.is_live()).flat_map(|e| e.fillers(Role::Participant)).count(), 2);
}

#[test]
fn people_known_by_a_noun_and_their_state_are_labelled_by_both() {
    for (lang, text, label) in [
        (Lang::En, "Russian officials met Iranian diplomats in Tehran.", "diplomats (Iran)"),
        (Lang::De, "Russische Beamte trafen iranische Diplomaten in Teheran.", "Beamte (Russland)"),
    ] {
        let x = read(lang, text);
        assert!(x.entities.iter().any(|e| e.labels.iter().any(|(_, l)| l == label)), "{text}: {:?}", x.entities);
        assert_eq!(x.events.iter().filter(|e| e.is_live()).flat_map(|e| e.fillers(Role::Participant)).count(), 2);
    }
}

#[test]
fn governments_of_a_region_are_a_group_of_no_one_state() {
    for (lang, text, label) in [
        (Lang::En, "Western governments sent tanks to Ukraine.", "Western governments"),
        (Lang::De, "Westliche Regierungen schickten Panzer in die Ukraine.", "Westliche Regierungen"),
    ] {
        let x = read(lang, text);
        let group = x.entities.iter().find(|e| e.labels.iter().any(|(_, l)| l == label));
        let group = group.unwrap_or_else(|| panic!("{text}: {:?}", x.entities));
        assert_eq!((group.kind, group.country.as_deref()), (EntityKind::Group, None), "{text}");
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, &group.key.to_string()), "{text}: {:?}", events(&x));
    }
    // People of a region are no party of their own.
    let x = read(Lang::En, "African leaders have negotiated the deal.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
}
