//! Sentence-level behaviour of the extractor in both languages: roles, modality, claims, denials.
//! Each case is a general pattern, not an article.

use kgexport::article::{Article, Lang};
use kgexport::model::{EntityId, EntityKind, EventKind, Extraction, Factuality, PositionType, Role, Stance};
use kgexport::time::PartialDate;

/// Entity ids in their string form, for comparing with expected keys.
fn names(ids: &[EntityId]) -> Vec<String> {
    ids.iter().map(|id| id.to_string()).collect()
}

fn read(lang: Lang, text: &str) -> Extraction {
    read_on(lang, "2023-10-18", text)
}

/// An article of `date`: offices are resolved on that day.
fn read_on(lang: Lang, date: &str, text: &str) -> Extraction {
    let article = Article {
        origin: "test".into(),
        id: None,
        title: None,
        url: None,
        date: PartialDate::parse(date),
        lang: Some(lang),
        text: text.into(),
        discriminator: None,
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
    x.events.iter().any(|e| e.is_live() && e.kind == kind && e.fillers(role).any(|k| k.to_string() == key))
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
        let stances: Vec<(Stance, String)> = x.claims.iter().map(|c| (c.stance, c.speakers[0].to_string())).collect();
        assert!(stances.contains(&(Stance::Denies, "state-rus".to_string())), "{lang:?}: {stances:?}");
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
    assert!(x.claims.iter().any(|c| c.stance == Stance::Affirms && names(&c.speakers) == ["state-usa"]));
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
    assert!(x.claims.iter().any(|c| names(&c.speakers) == ["agency-reuters"]));
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
fn a_report_without_a_named_source_is_never_asserted() {
    let x = read(Lang::De, "Dem Bericht zufolge hat Nordkorea Artilleriegranaten an Russland geliefert.");
    let ev = events(&x);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].1, Factuality::Reported, "{ev:?}");
}

#[test]
fn a_denial_answers_only_what_concerns_the_denier() {
    let x = read(
        Lang::De,
        "Der iranische Präsident nahm eine Einladung nach Brasilien an. Moskau dementierte den Bericht.",
    );
    assert!(x.claims.iter().all(|c| c.stance != Stance::Denies || x.events[c.target].kind != EventKind::Invitation));
}

#[test]
fn a_passive_accusation_is_made_by_its_agent() {
    let x = read(Lang::De, "Russland wurde von den USA beschuldigt, die Wahlen manipuliert zu haben.");
    let claim = x.claims.iter().find(|c| c.stance == Stance::Affirms).expect("a claim");
    assert_eq!(names(&claim.speakers), ["state-usa"]);
    assert!(x.events[claim.target].fillers(Role::Participant).any(|k| k.to_string() == "state-rus"));
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
fn a_meeting_that_sets_the_scene_is_not_negated_by_what_fails_at_it() {
    let x = read(Lang::De, "Die EU-Außenminister haben sich auf einem Treffen in Brüssel nicht geeinigt.");
    let ev = events(&x);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].1, Factuality::Asserted, "{ev:?}");
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
fn who_speaks_during_a_visit_makes_it() {
    for (lang, text, visitor) in [
        (Lang::En, "Blinken said during a visit to Kyiv that the US would send more weapons.", "person-antony-blinken"),
        (
            Lang::De,
            "Baerbock sagte bei einem Besuch in Peking, die Beziehungen seien schwierig.",
            "person-annalena-baerbock",
        ),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, visitor), "{lang:?}: {:?}", events(&x));
        let visit = x.events.iter().find(|e| e.is_live() && e.kind == EventKind::Visit).expect("visit");
        assert!(visit.factuality.is_realis(), "{lang:?}: {:?}", visit.factuality);
    }
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
fn the_subject_of_a_reported_clause_is_not_its_source() {
    let x = read(Lang::En, "A spokesman said Antony Blinken would travel to Kyiv next week.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-antony-blinken"), "{:?}", events(&x));
    assert!(x.claims.iter().all(|c| names(&c.speakers) != ["person-antony-blinken"]));
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
fn an_accusation_is_made_by_its_subject_even_a_pronoun_never_by_its_objects() {
    let x = read(
        Lang::De,
        "Der serbische Ministerpräsident Vojislav Koštunica lehnt die Mission ab. Er wirft der Europäischen Union \
         vor, Serbien zu erpressen.",
    );
    assert!(x.claims.iter().all(|c| names(&c.speakers) != ["org-eu"]), "{:?}", x.claims);
    let x = read(Lang::De, "Nach dem Angriff beschuldigte dieser Israel und die Vereinigten Staaten.");
    assert!(
        x.claims
            .iter()
            .all(|c| !c.speakers.iter().any(|s| s.to_string() == "state-isr" || s.to_string() == "state-usa")),
        "{:?}",
        x.claims
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
fn unnamed_sources_speak_as_a_group_and_never_steal_the_subject() {
    let x = read(Lang::En, "According to diplomatic sources, Vladimir Putin will visit Pyongyang next month.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-vladimir-putin"), "{:?}", events(&x));
    let claim = x.claims.iter().find(|c| c.stance == Stance::Affirms).expect("a claim");
    assert!(claim.speakers[0].to_string().contains("diplomatic-sources"), "{:?}", claim.speakers);
    let x = read(Lang::De, "Berichten von US-Medien zufolge traf sich Barack Obama gestern mit Hillary Clinton.");
    let claim = x.claims.iter().find(|c| c.stance == Stance::Affirms).expect("a claim");
    assert!(claim.speakers[0].to_string().contains("us-medien"), "{:?}", claim.speakers);
    assert!(x.events.iter().filter(|e| e.is_live()).all(|e| e.factuality == Factuality::Reported));
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
fn a_preposition_closing_the_clause_is_a_separable_particle() {
    let x = read(Lang::De, "Serbien sprach dem Kosovo zu, für sich selbst sprechen zu dürfen.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
    let x = read(Lang::De, "Merkel sprach mit Putin zu Fragen der Sicherheit.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-vladimir-putin"), "{:?}", events(&x));
}

#[test]
fn a_state_sending_its_envoy_attends_the_meeting_just_reported() {
    let x = read(
        Lang::De,
        "Am Donnerstag ist ein Treffen der Außenminister Frankreichs und Russlands in Wien geplant. \
         China wird seinen Vize-Außenminister entsenden.",
    );
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "state-chn"), "{:?}", events(&x));
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
fn the_accused_may_stand_before_a_verb_that_closes_the_clause() {
    let x = read(Lang::De, "Spaniens Regierungschef José Zapatero hat Deutschland heute Versagen vorgeworfen.");
    assert!(has_role(&x, EventKind::Act, Role::Participant, "state-deu"), "{:?}", events(&x));
    assert!(x.claims.iter().any(|c| c.stance == Stance::Affirms && c.accusation));
}

#[test]
fn a_modal_with_a_perfect_infinitive_is_hearsay() {
    let x = read(Lang::De, "Nordkorea soll Waffen an Russland geliefert haben.");
    assert_eq!(events(&x).first().map(|e| e.1), Some(Factuality::Reported), "{:?}", events(&x));
    let x = read(Lang::De, "Nordkorea soll Waffen an Russland liefern.");
    assert_eq!(events(&x).first().map(|e| e.1), Some(Factuality::Planned), "{:?}", events(&x));
}

#[test]
fn a_hedging_adverb_passes_on_what_others_say() {
    for (lang, text) in [
        (Lang::De, "Nordkorea hat angeblich Granaten nach Russland exportiert."),
        (Lang::En, "North Korea reportedly exported shells to Russia."),
        (Lang::En, "Iran allegedly sold drones to Russia."),
    ] {
        let x = read(lang, text);
        assert_eq!(events(&x).first().map(|e| e.1), Some(Factuality::Reported), "{lang:?}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-rus"), "{lang:?}: {:?}", events(&x));
    }
}

#[test]
fn an_event_said_never_to_have_happened_is_denied_by_the_source_that_goes_on() {
    let x = read(
        Lang::De,
        "Der Müll sollte von der Deponie Schönberg zur Müllverbrennungsanlage (MVA) Stapelfeld transportiert werden. \
         Nach einem Bericht des Angestellten soll die Firma trotzdem kassiert haben. \
         Die Transporte hätten jedoch nie stattgefunden.",
    );
    let ev = events(&x);
    assert_eq!(ev.len(), 1, "{ev:?}");
    // What was planned and never happened was called off, and the employee's report denies it.
    assert_eq!(ev[0].1, Factuality::Cancelled, "{ev:?}");
    assert!(has_role(&x, EventKind::Shipment, Role::Origin, "local-place-deponie-schoenberg"), "{ev:?}");
    assert!(!has_role(&x, EventKind::Shipment, Role::Supplier, "local-place-deponie-schoenberg"), "{ev:?}");
    let denials: Vec<String> =
        x.claims.iter().filter(|c| c.stance == Stance::Denies).map(|c| c.speakers[0].to_string()).collect();
    assert_eq!(denials, ["local-angestellter"]);
    let place = x.entities.iter().find(|e| e.key.to_string() == "local-place-muellverbrennungsanlage-mva-stapelfeld");
    assert_eq!(place.map(|p| p.labels[0].1.as_str()), Some("Müllverbrennungsanlage (MVA) Stapelfeld"));
    // Said by the article itself, a delivery that never happened is denied.
    let x = read(Lang::De, "Nordkorea hat Waffen an Russland geliefert. Die Lieferungen haben nie stattgefunden.");
    assert_eq!(events(&x).first().map(|e| e.1), Some(Factuality::Denied), "{:?}", events(&x));
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
fn in_english_the_speaker_stands_before_the_verb_when_the_subject_slot_is_filled() {
    let x = read(Lang::En, "The report claimed the elder Biden used his influence to have a prosecutor fired.");
    assert!(!x.claims.iter().any(|c| c.speakers.iter().any(|s| s.to_string().contains("biden"))), "{:?}", x.claims);
    let x = read(Lang::En, "Germany will send tanks to Ukraine, said Scholz.");
    assert!(x.claims.iter().any(|c| c.speakers.iter().any(|s| s.to_string().contains("scholz"))), "{:?}", x.claims);
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
fn a_meeting_right_after_an_arrival_is_where_the_visitor_arrived() {
    let x =
        read(Lang::En, "Qasem Soleimani arrived in Baghdad on Thursday. He was being met by Abu Mahdi al-Muhandis.");
    assert!(has_role(&x, EventKind::Meeting, Role::Location, "place-baghdad"), "{:?}", events(&x));
}

#[test]
fn the_scene_of_a_report_is_told_by_the_article_and_a_press_conference_is_no_meeting() {
    let x = read(Lang::En, "Zelensky said in a meeting with Honcharuk that he would give the government a chance.");
    assert_eq!(events(&x).first().map(|e| e.1), Some(Factuality::Asserted), "{:?}", events(&x));
    let x = read(Lang::En, "Prime Minister Ardern said at a press conference that the gun laws should change.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
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
fn a_phrase_beyond_the_finite_verb_is_not_the_event_nouns_partner() {
    let x = read(
        Lang::De,
        "Die EU sprach am Montag mit Peru. Die Verhandlungen mit Peru sind seit langem ein Streitpunkt zwischen SPD und CDU.",
    );
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "state-per"), "{:?}", events(&x));
    assert!(!has_role(&x, EventKind::Meeting, Role::Participant, "party-deu-spd"), "{:?}", events(&x));
}

/// The entity labelled `label`: its country and its offices (kind and state).
fn described(x: &Extraction, label: &str) -> (Option<String>, Vec<(PositionType, Option<String>)>) {
    let e = x
        .entities
        .iter()
        .find(|e| e.labels.iter().any(|(_, l)| l == label))
        .unwrap_or_else(|| panic!("{label}: {:?}", x.entities));
    assert_eq!(e.kind, EntityKind::Person, "{label}");
    (e.country.clone(), e.positions.iter().map(|p| (p.kind, p.of.clone())).collect())
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
fn a_name_after_an_outlet_noun_is_a_news_agency_with_the_state_before_it() {
    let x = read(Lang::De, "Der spanischen Tageszeitung Voz Diaria zufolge traf Merkel am Montag Macron.");
    let outlet = x.entities.iter().find(|e| e.labels.iter().any(|(_, l)| l == "Voz Diaria")).expect("the outlet");
    assert_eq!((outlet.kind, outlet.country.as_deref()), (EntityKind::NewsAgency, Some("ESP")));
    let x = read(Lang::En, "Merkel met Macron on Monday, the broadcaster Radio Lumen reported.");
    assert!(
        x.entities.iter().any(|e| e.kind == EntityKind::NewsAgency && e.labels[0].1 == "Radio Lumen"),
        "{:?}",
        x.entities
    );
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
fn a_meal_with_someone_is_a_meeting_and_handing_over_goods_a_shipment() {
    let x = read(Lang::En, "The President of France had dinner with the Prime Minister of Poland.");
    assert_eq!(events(&x).len(), 1, "{:?}", events(&x));
    assert!(x.events.iter().any(|e| e.kind == EventKind::Meeting && e.fillers(Role::Participant).count() == 2));
    let x = read(Lang::En, "The President of France handed over medicine to Ukraine.");
    assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-ukr"), "{:?}", events(&x));
    let x = read(Lang::De, "Frankreich übergab der Ukraine Medikamente.");
    assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-ukr"), "{:?}", events(&x));
    // A letter is no goods.
    let x = read(Lang::De, "Der Präsident Frankreichs übergab dem Ministerpräsidenten Polens einen Brief.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn the_source_after_according_to_ends_before_the_verb() {
    for text in [
        "Laut Ministerium lieferte Iran Drohnen an Russland.",
        "Laut dem Ministerium hat Iran Drohnen an Russland geliefert.",
    ] {
        let x = read(Lang::De, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-irn"), "{text}: {:?}", events(&x));
        assert!(x.events.iter().all(|e| e.factuality != Factuality::Asserted), "{text}: a cited source reports");
    }
    let x = read(Lang::De, "Laut TASS besuchte der Präsident Frankreichs Polen.");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "state-pol"), "{:?}", events(&x));
    assert!(
        x.claims.iter().any(|c| c.speakers.iter().any(|s| s.to_string().contains("tass"))),
        "TASS speaks: {:?}",
        x.claims
    );
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
fn a_report_that_a_denial_rejects_is_someone_else_s_and_the_event_disputed() {
    for (lang, text) in [
        (Lang::En, "Iran rejected claims that it had shipped missiles to Syria."),
        (Lang::En, "Beijing denied reports that Wang Yi had visited Moscow."),
    ] {
        let x = read(lang, text);
        let ev = events(&x);
        assert_eq!(ev.len(), 1, "{ev:?}");
        // Not refused: the refusal word belongs to the main clause, not to the reported one.
        assert_eq!(ev[0].1, Factuality::Disputed, "{ev:?}");
        // The denier never affirms what it denies.
        assert!(x.claims.iter().all(|c| c.stance == Stance::Denies), "{:?}", x.claims);
    }
}

#[test]
fn a_delivery_noun_takes_its_supplier_from_a_genitive_or_the_clause_that_approves_or_stops_it() {
    for (lang, text, supplier, recipient, fact) in [
        (
            Lang::De,
            "Die Bundesregierung genehmigte die Lieferung von Panzern an die Ukraine.",
            "gov-",
            "state-ukr",
            Factuality::Planned,
        ),
        (
            Lang::De,
            "Die Munitionslieferungen der USA an Israel gehen weiter.",
            "state-usa",
            "state-isr",
            Factuality::Asserted,
        ),
        (Lang::En, "US ammunition deliveries to Israel continued.", "state-usa", "state-isr", Factuality::Asserted),
        (Lang::En, "Germany halted arms exports to Saudi Arabia.", "state-deu", "state-sau", Factuality::Cancelled),
        (
            Lang::De,
            "Deutschland hat die Ausfuhr von Waffen nach Saudi-Arabien gestoppt.",
            "state-deu",
            "",
            Factuality::Cancelled,
        ),
    ] {
        let x = read(lang, text);
        let ev = events(&x);
        assert_eq!(ev.len(), 1, "{text}: {ev:?}");
        assert_eq!(ev[0].0, EventKind::Shipment, "{text}: {ev:?}");
        assert_eq!(ev[0].1, fact, "{text}: {ev:?}");
        assert!(ev[0].2.iter().any(|r| r.starts_with(&format!("Supplier={supplier}"))), "{text}: {ev:?}");
        if !recipient.is_empty() {
            assert!(has_role(&x, EventKind::Shipment, Role::Recipient, recipient), "{text}: {ev:?}");
        }
    }
    // Who receives a delivery does not make it.
    let x = read(Lang::De, "Die Ukraine erhielt eine Lieferung von Panzern.");
    assert!(!has_role(&x, EventKind::Shipment, Role::Supplier, "state-ukr"), "{:?}", events(&x));
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
fn any_form_of_a_reporting_verb_reports_but_declaring_a_thing_does_not() {
    for (lang, text) in [
        (Lang::De, "Der Kreml sagt, dass Putin Kim getroffen hat."),
        (Lang::De, "Der Kreml hat gesagt, dass Putin Kim getroffen hat."),
        (Lang::De, "Der Kreml betonte, dass Putin Kim getroffen hat."),
        (Lang::De, "Wie der Kreml mitteilte, traf Putin Kim."),
        (Lang::En, "The Kremlin stressed that Putin had met Kim."),
        (Lang::En, "The Kremlin confirmed that Putin met Kim."),
    ] {
        let x = read(lang, text);
        let ev = events(&x);
        assert_eq!(ev.len(), 1, "{text}: {ev:?}");
        assert_eq!(ev[0].1, Factuality::Reported, "{text}");
        assert_eq!(ev[0].2, vec!["Participant=person-kim-jong-un", "Participant=person-vladimir-putin"], "{text}");
    }
    // Declaring one's readiness is no report: who declares it takes part.
    let x = read(Lang::De, "Der Präsident Frankreichs hat die Bereitschaft erklärt, Gespräche mit Polen zu führen.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-emmanuel-macron"), "{:?}", events(&x));
}

#[test]
fn the_accused_does_what_an_accusation_names_and_an_infinitive_shares_its_subject() {
    for (lang, text) in [
        (Lang::De, "Washington wirft Pjöngjang vor, Waffen an Russland geliefert zu haben."),
        (Lang::De, "Die USA beschuldigen Nordkorea, Russland mit Waffen beliefert zu haben."),
        (Lang::En, "The US accused North Korea of supplying Russia with weapons."),
    ] {
        let x = read(lang, text);
        let ev = events(&x);
        assert_eq!(ev.len(), 1, "{text}: {ev:?}");
        assert_eq!(ev[0].1, Factuality::Reported, "{text}");
        assert_eq!(ev[0].2, vec!["Recipient=state-rus", "Supplier=state-prk"], "{text}");
    }
    // Who declares itself ready to visit is the visitor, and the visit is planned.
    let x = read(Lang::De, "Der Präsident Frankreichs erklärte sich bereit, Polen zu besuchen.");
    assert_eq!(
        events(&x),
        vec![(
            EventKind::Visit,
            Factuality::Planned,
            vec!["Destination=state-pol".to_string(), "Visitor=person-emmanuel-macron".to_string()]
        )]
    );
    // What an unnamed source claims is reported, never told by the article.
    let x = read(Lang::En, "The newspaper claimed that the President of France visited Poland.");
    assert_eq!(events(&x)[0].1, Factuality::Reported, "{:?}", events(&x));
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
fn goods_and_their_modifiers_stay_inside_a_delivery_noun_s_phrase() {
    for (text, fact) in [
        ("The United States approved the delivery of tanks to Turkey.", Factuality::Planned),
        ("The United States halted the delivery of long-range missiles to Turkey.", Factuality::Cancelled),
        ("Germany's delivery of weapons to Turkey began.", Factuality::Asserted),
    ] {
        let x = read(Lang::En, text);
        let ev = events(&x);
        assert_eq!(ev.len(), 1, "{text}: {ev:?}");
        assert_eq!(ev[0].1, fact, "{text}");
        assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-tur"), "{text}: {ev:?}");
    }
}

#[test]
fn making_goods_available_ships_them_and_a_compound_cue_cites_a_source() {
    for text in [
        "Großbritannien stellte der Ukraine Langstreckenraketen zur Verfügung.",
        "Großbritannien hat der Ukraine Luftabwehrsysteme zur Verfügung gestellt.",
    ] {
        let x = read(Lang::De, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-gbr"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-ukr"), "{text}: {:?}", events(&x));
    }
    assert!(events(&read(Lang::De, "Der Präsident Frankreichs stellte sich den Fragen der Presse.")).is_empty());
    let x = read(Lang::De, "Russland hat nach US-Angaben Granaten aus Nordkorea erhalten.");
    assert_eq!(events(&x)[0].1, Factuality::Reported, "{:?}", events(&x));
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
fn a_purpose_of_a_journey_still_to_come_is_planned_and_putting_off_calls_off() {
    let x = read(Lang::De, "Olaf Scholz will im Dezember nach Peking reisen, um Xi Jinping zu treffen.");
    assert!(x.events.iter().filter(|e| e.is_live()).all(|e| e.factuality == Factuality::Planned), "{:?}", events(&x));
    let x = read(Lang::De, "Olaf Scholz verschob seinen Besuch in Paris.");
    assert_eq!(events(&x)[0].1, Factuality::Cancelled, "{:?}", events(&x));
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
fn joined_subjects_travel_together_and_they_means_the_two_the_last_sentence_opened_with() {
    for (lang, text) in [
        (Lang::En, "Olaf Scholz and Emmanuel Macron flew to Kyiv."),
        (Lang::De, "Olaf Scholz und Emmanuel Macron reisten nach Kiew."),
        (Lang::En, "Olaf Scholz and Emmanuel Macron met in Paris. Later, they flew to Kyiv."),
    ] {
        let x = read(lang, text);
        for who in ["person-olaf-scholz", "person-emmanuel-macron"] {
            assert!(has_role(&x, EventKind::Visit, Role::Visitor, who), "{text}: {:?}", events(&x));
        }
    }
    // One named after the other is no pair: "they" stays unresolved rather than guessed.
    let x = read(Lang::En, "Olaf Scholz met Emmanuel Macron in Paris. They flew to Kyiv.");
    assert!(x.events.iter().all(|e| e.kind != EventKind::Visit || !e.is_live()), "{:?}", events(&x));
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
fn a_name_that_modifies_a_noun_is_not_the_accused() {
    let x = read(Lang::En, "The President of France blamed the opposition for violence in several US cities.");
    assert!(
        x.events.iter().all(|e| e.fillers(Role::Participant).all(|k| k.to_string() != "state-usa")),
        "{:?}",
        events(&x)
    );
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
fn common_turns_of_news_read_as_their_grammar_says() {
    // A passive of receiving a guest names the host by its agent.
    let x = read(Lang::En, "Li Qiang was received by Olaf Scholz at the Chancellery.");
    assert!(has_role(&x, EventKind::Visit, Role::Host, "person-olaf-scholz"), "{:?}", events(&x));
    // "sagte … ab" calls off; it reports nothing.
    let x = read(Lang::De, "Wang Yi sagte einen geplanten Besuch in Australien ab.");
    assert_eq!(
        events(&x).iter().map(|e| (e.0, e.1)).collect::<Vec<_>>(),
        vec![(EventKind::Visit, Factuality::Cancelled)]
    );
    // Whoever is invited to a visit makes it, also where the inviting verb closes the clause.
    let x = read(Lang::De, "Erdogan hat Putin zu einem Besuch in die Türkei eingeladen.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-vladimir-putin"), "{:?}", events(&x));
    assert!(!has_role(&x, EventKind::Visit, Role::Visitor, "person-recep-tayyip-erdogan"), "{:?}", events(&x));
    // A counterpart noun stands inside the phrase its preposition governs.
    let x = read(Lang::En, "Lavrov arrived in Beijing for talks with his Chinese counterpart Wang Yi.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-wang-yi"), "{:?}", events(&x));
    // An unnamed counterpart is the holder of the speaker's office in its state, and a guest
    // received somewhere came there.
    let x = read(Lang::En, "Polish President Duda received his Ukrainian counterpart in Warsaw.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-volodymyr-zelensky"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-warsaw"), "{:?}", events(&x));
    // Speaking with someone is meeting; speaking of something is not.
    let x = read(Lang::En, "A spokesman said Scholz had spoken with Macron by phone on Monday.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-emmanuel-macron"), "{:?}", events(&x));
    let x = read(Lang::En, "The US statement spoke of Turkey guarding captured militants.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
    // "am Rande der Vollversammlung": the occasion is no party.
    let x = read(Lang::De, "Scholz traf am Rande der UN-Vollversammlung Lula.");
    let meeting = events(&x);
    assert!(meeting.iter().all(|e| e.2.iter().all(|r| !r.contains("general-assembly"))), "{meeting:?}");
}

#[test]
fn a_verb_that_sets_the_scene_and_the_accusative_of_direction() {
    // The subject of the clause a gerund sets the scene for does what it names.
    let x = read(Lang::En, "After meeting Macron, Scholz flew on to Warsaw.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-olaf-scholz"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "person-emmanuel-macron"), "{:?}", events(&x));
    // "in die Ukraine" goes there; "in der Ukraine" happens there.
    let x = read(Lang::De, "Polen schickte Militärfahrzeuge in die Ukraine.");
    assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-ukr"), "{:?}", events(&x));
    let x = read(Lang::De, "Scholz traf in der Ukraine Selenskyj.");
    assert!(has_role(&x, EventKind::Meeting, Role::Location, "state-ukr"), "{:?}", events(&x));
    let x = read(Lang::En, "Germany will send 40 infantry fighting vehicles to Ukraine by the end of the year.");
    assert_eq!(
        events(&x).iter().map(|e| (e.0, e.1)).collect::<Vec<_>>(),
        vec![(EventKind::Shipment, Factuality::Planned)]
    );
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
fn goods_arriving_with_their_carrier_are_a_shipment() {
    for (lang, text, supplier, destination) in [
        (Lang::De, "Ein Hilfskonvoi der UN erreichte am Mittwoch die Stadt Aleppo.", "org-un", "place-aleppo"),
        (Lang::De, "Ein türkischer Hilfskonvoi traf in Aleppo ein.", "state-tur", "place-aleppo"),
        (Lang::En, "A Turkish aid convoy arrived in Aleppo on Wednesday.", "state-tur", "place-aleppo"),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, supplier), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Shipment, Role::Destination, destination), "{text}: {:?}", events(&x));
    }
    // A ship from a state to a port: where it comes from and the place the port is of.
    let x = read(Lang::De, "Das Schiff mit Weizen aus der Ukraine erreichte den Hafen von Istanbul.");
    assert!(has_role(&x, EventKind::Shipment, Role::Origin, "state-ukr"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Shipment, Role::Destination, "place-istanbul"), "{:?}", events(&x));
    // A traveller arriving by ship visits; nothing else reaching a place ships.
    for (lang, text) in [
        (Lang::En, "Scholz arrived in Kyiv by ship on Monday."),
        (Lang::De, "Die Armee erreichte die Stadt Bachmut."),
        (Lang::En, "The talks reached an agreement."),
    ] {
        let x = read(lang, text);
        assert!(events(&x).iter().all(|e| e.0 != EventKind::Shipment), "{text}: {:?}", events(&x));
    }
}

#[test]
fn who_says_or_believes_it_and_where_one_goes() {
    // A name whose noun the parse takes for the verb's object still speaks.
    let x = read(Lang::De, "Wie das Weiße Haus mitteilte, hat Nordkorea Granaten an Russland geliefert.");
    assert_eq!(events(&x).iter().map(|e| e.1).collect::<Vec<_>>(), vec![Factuality::Reported], "{:?}", events(&x));
    // A belief is a claim, and preparing to do it plans it.
    let x = read(Lang::En, "US intelligence officials believe North Korea is preparing to send weapons to Russia.");
    assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-prk"), "{:?}", events(&x));
    assert_eq!(events(&x).iter().map(|e| e.1).collect::<Vec<_>>(), vec![Factuality::Planned], "{:?}", events(&x));
    // Where one goes comes before where the report was made.
    let x = read(Lang::En, "Officials in Seoul said Kim travelled to Russia by armoured train.");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "state-rus"), "{:?}", events(&x));
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
fn a_truncated_compound_of_places_names_both() {
    let x = read(Lang::De, "Die Gespräche zwischen Nord- und Südkorea wurden am Mittwoch in Seoul fortgesetzt.");
    for state in ["state-prk", "state-kor"] {
        assert!(has_role(&x, EventKind::Meeting, Role::Participant, state), "{state}: {:?}", events(&x));
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
fn a_capital_stands_for_its_state_where_goods_come_from_and_who_denies() {
    for (lang, text) in [
        (Lang::En, "Moscow has repeatedly denied that it received weapons from Pyongyang."),
        (Lang::De, "Moskau bestreitet seit Monaten, Waffen aus Pjöngjang erhalten zu haben."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-prk"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-rus"), "{text}: {:?}", events(&x));
        assert!(events(&x).iter().all(|e| e.1 != Factuality::Asserted), "{text}: {:?}", events(&x));
    }
}

#[test]
fn a_capital_no_preposition_governs_gets_what_is_sent() {
    for (lang, text) in [
        (Lang::En, "Washington has sent Kyiv more than 30 tanks."),
        (Lang::De, "Washington hat Kiew mehr als 30 Panzer geliefert."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-usa"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-ukr"), "{text}: {:?}", events(&x));
    }
    // The supplier's own capital is no recipient.
    let x = read(Lang::En, "Washington has sent more than 30 tanks.");
    assert!(!events(&x).iter().any(|e| e.2.iter().any(|r| r.starts_with("Recipient"))), "{:?}", events(&x));
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
fn a_vehicle_with_goods_landing_is_a_shipment() {
    for (lang, text) in [
        (Lang::De, "Drei Flugzeuge der Vereinten Nationen landeten gestern mit 110 Tonnen Hilfsgütern in Rangun."),
        (Lang::De, "Ein Flugzeug der Vereinten Nationen mit Medikamenten ist am Montag in Kabul gelandet."),
        (Lang::En, "Three UN planes with 110 tonnes of aid landed in Yangon on Tuesday."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "org-un"), "{text}: {:?}", events(&x));
        assert!(!events(&x).iter().any(|e| e.0 == EventKind::Visit), "{text}: {:?}", events(&x));
    }
    // A plane without goods carries travellers: no shipment.
    let x = read(Lang::En, "Scholz's plane landed in Kyiv on Monday.");
    assert!(events(&x).iter().all(|e| e.0 != EventKind::Shipment), "{:?}", events(&x));
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
fn goods_received_without_a_source_come_from_their_demonym_and_a_passive_agent_is_its_head() {
    let x = read(Lang::En, "Russia has received hundreds of Iranian drones.");
    assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-irn"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-rus"), "{:?}", events(&x));
    // Receiving no goods ships nothing.
    let x = read(Lang::En, "Russia has received a delegation from Iran.");
    assert!(events(&x).iter().all(|e| e.0 != EventKind::Shipment), "{:?}", events(&x));
    // The agent of a passive is the person, not the demonym before the title.
    let x = read(Lang::En, "Mohammed bin Salman was welcomed by Turkish President Recep Tayyip Erdogan in Ankara.");
    assert!(has_role(&x, EventKind::Visit, Role::Host, "person-recep-tayyip-erdogan"), "{:?}", events(&x));
    // A convoy entering a place arrives there.
    let x = read(Lang::En, "A Turkish aid convoy entered Gaza on Saturday.");
    assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-tur"), "{:?}", events(&x));
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
fn the_tree_fills_what_the_rules_of_a_class_leave_open() {
    // A passive: its subject is where one goes, "von" names who goes.
    let x = read(Lang::De, "Kiew wurde am Montag vom französischen Präsidenten besucht.");
    assert!(has_role(&x, EventKind::Visit, Role::Destination, "place-kyiv"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-emmanuel-macron"), "{:?}", events(&x));
}

#[test]
fn goods_obtained_and_a_subjunctive_of_a_verb_in_ern_are_shipments() {
    let x = read(
        Lang::De,
        "Russland soll nach Erkenntnissen westlicher Geheimdienste Munition aus dem Iran bezogen haben.",
    );
    assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-irn"), "{:?}", events(&x));
    assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-rus"), "{:?}", events(&x));
    let x = read(Lang::De, "Israel hat Berichte zurückgewiesen, wonach es Waffen an die Ukraine liefere.");
    let ev = events(&x);
    assert!(
        ev.iter().any(|e| e.0 == EventKind::Shipment && matches!(e.1, Factuality::Denied | Factuality::Disputed)),
        "{ev:?}"
    );
    assert!(ev.iter().all(|e| e.1 != Factuality::Asserted), "{ev:?}");
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
