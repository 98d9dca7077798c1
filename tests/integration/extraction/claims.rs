//! Claims, denials and accusations: who speaks, what they say of an event, and what that makes of it.

use super::*;

#[test]
fn a_claimed_and_denied_shipment_is_disputed_never_asserted() {
    for (lang, text) in [
        (Lang::De, "Den USA zufolge hat Nordkorea Waffen an Russland geliefert, Russland hat dies zurückgewiesen."),
        (Lang::En, "The White House said North Korea delivered weapons to Russia. Moscow rejected the accusation."),
        // Told in the present.
        (
            Lang::De,
            "Die USA werfen Nordkorea vor, Waffen an Russland geliefert zu haben. Moskau weist die Vorwürfe zurück.",
        ),
        (Lang::En, "The White House says North Korea delivered weapons to Russia. Moscow rejects the accusations."),
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
fn news_agencies_report_and_never_take_part() {
    let x = read(Lang::En, "According to Reuters, Lavrov met Putin.");
    assert!(!has_role(&x, EventKind::Meeting, Role::Participant, "agency-reuters"));
    assert!(x.claims.iter().any(|c| names(&c.speakers) == ["agency-reuters"]));
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
fn the_subject_of_a_reported_clause_is_not_its_source() {
    let x = read(Lang::En, "A spokesman said Antony Blinken would travel to Kyiv next week.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-antony-blinken"), "{:?}", events(&x));
    assert!(x.claims.iter().all(|c| names(&c.speakers) != ["person-antony-blinken"]));
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
fn a_state_sending_its_envoy_attends_the_meeting_just_reported() {
    let x = read(
        Lang::De,
        "Am Donnerstag ist ein Treffen der Außenminister Frankreichs und Russlands in Wien geplant. \
         China wird seinen Vize-Außenminister entsenden.",
    );
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "state-chn"), "{:?}", events(&x));
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
fn in_english_the_speaker_stands_before_the_verb_when_the_subject_slot_is_filled() {
    let x = read(Lang::En, "The report claimed the elder Biden used his influence to have a prosecutor fired.");
    assert!(!x.claims.iter().any(|c| c.speakers.iter().any(|s| s.to_string().contains("biden"))), "{:?}", x.claims);
    let x = read(Lang::En, "Germany will send tanks to Ukraine, said Scholz.");
    assert!(x.claims.iter().any(|c| c.speakers.iter().any(|s| s.to_string().contains("scholz"))), "{:?}", x.claims);
}

#[test]
fn the_scene_of_a_report_is_told_by_the_article_and_a_press_conference_is_no_meeting() {
    let x = read(Lang::En, "Zelensky said in a meeting with Honcharuk that he would give the government a chance.");
    assert_eq!(events(&x).first().map(|e| e.1), Some(Factuality::Asserted), "{:?}", events(&x));
    let x = read(Lang::En, "Prime Minister Ardern said at a press conference that the gun laws should change.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
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
fn a_name_that_modifies_a_noun_is_not_the_accused() {
    let x = read(Lang::En, "The President of France blamed the opposition for violence in several US cities.");
    assert!(
        x.events.iter().all(|e| e.fillers(Role::Participant).all(|k| k.to_string() != "state-usa")),
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
fn a_source_named_by_title_and_name_speaks_and_takes_no_part() {
    for (lang, text) in [
        (Lang::De, "Laut Kreml-Sprecher Peskow wird Putin im Oktober nach Peking reisen."),
        (Lang::En, "According to Kremlin spokesman Dmitry Peskov, Putin will visit Beijing in October."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-vladimir-putin"), "{text}: {:?}", events(&x));
        assert!(!has_role(&x, EventKind::Visit, Role::Visitor, "person-dmitry-peskov"), "{text}: {:?}", events(&x));
        let speakers: Vec<String> = x.claims.iter().flat_map(|c| c.speakers.iter().map(|s| s.to_string())).collect();
        assert!(speakers.contains(&"person-dmitry-peskov".to_string()), "{text}: {speakers:?}");
    }
}

#[test]
fn officials_and_ministries_of_a_state_speak_for_it() {
    let x = read(Lang::De, "Russland habe dem Iran Kampfjets geliefert, sagten US-Beamte am Montag.");
    let speakers: Vec<String> = x.claims.iter().flat_map(|c| c.speakers.iter().map(|s| s.to_string())).collect();
    assert_eq!(speakers.len(), 1, "{speakers:?}");
    // The day of the saying is not the day of the shipment.
    assert!(x.events.iter().all(|e| e.time.is_none()), "{:?}", events(&x));
    for (lang, text) in [
        (Lang::De, "Das iranische Außenministerium dementierte, Drohnen an Russland geliefert zu haben."),
        (Lang::En, "The Iranian foreign ministry denied sending drones to Russia."),
    ] {
        let x = read(lang, text);
        let ev = events(&x);
        assert_eq!(ev.len(), 1, "{text}: {ev:?}");
        assert_eq!(ev[0].1, Factuality::Denied, "{text}");
        assert!(x.claims.iter().any(|c| c.stance == Stance::Denies), "{text}");
    }
}

#[test]
fn in_a_quotation_i_is_its_speaker_and_we_the_state_of_the_speaker_s_office() {
    for (lang, text) in [
        (Lang::En, "\"I will travel to Kyiv next week,\" Scholz said."),
        (Lang::De, "„Ich werde nächste Woche nach Kiew reisen“, sagte Scholz."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-olaf-scholz"), "{text}: {:?}", events(&x));
    }
    for (lang, text) in [
        (Lang::En, "\"We will send more tanks to Ukraine,\" Scholz said on Monday."),
        (Lang::De, "„Wir werden weitere Panzer an die Ukraine liefern“, sagte Scholz am Montag."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-deu"), "{text}: {:?}", events(&x));
    }
    // Two people outside the quotation: whose "I" it is stays open.
    let x = read(Lang::En, "\"I will travel to Kyiv,\" Scholz told Macron.");
    assert!(!events(&x).iter().any(|e| e.0 == EventKind::Visit), "{:?}", events(&x));
}

#[test]
fn who_claims_an_attack_as_its_own_affirms_it_did_it() {
    for (lang, text) in [
        (Lang::En, "Hamas claimed responsibility for the attack in Tel Aviv."),
        (Lang::De, "Die Hamas bekannte sich zu dem Bombenanschlag in Tel Aviv."),
        (Lang::De, "Die Hamas hat die Verantwortung für den Anschlag in Tel Aviv übernommen."),
    ] {
        let x = read(lang, text);
        let act = x.events.iter().position(|e| e.is_live() && e.kind == EventKind::Act).expect(text);
        let claimer: Vec<String> = x.events[act].fillers(Role::Participant).map(|k| k.to_string()).collect();
        assert_eq!(claimer.len(), 1, "{text}: {:?}", events(&x));
        assert!(x.events[act].fillers(Role::Location).any(|k| k.to_string() == "place-tel-aviv"), "{text}");
        let claim = x.claims.iter().find(|c| c.target == act).expect(text);
        assert_eq!((claim.stance, claim.speakers[0].to_string()), (Stance::Affirms, claimer[0].clone()), "{text}");
        assert!(!claim.accusation, "{text}");
    }
    // Professing a belief or an alliance claims no act.
    let x = read(Lang::De, "Scholz bekannte sich zur Nato.");
    assert!(x.claims.is_empty() && events(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn charging_and_holding_responsible_accuse() {
    for (lang, text) in [
        (Lang::En, "Poland charged Russia with supporting the separatists."),
        (Lang::De, "Polen machte Russland für den Angriff verantwortlich."),
    ] {
        let x = read(lang, text);
        let act = x.events.iter().position(|e| e.is_live() && e.kind == EventKind::Act).expect(text);
        assert!(x.events[act].fillers(Role::Participant).any(|k| k.to_string() == "state-rus"), "{text}");
        let claim = x.claims.iter().find(|c| c.target == act).expect(text);
        assert_eq!(claim.speakers[0].to_string(), "state-pol", "{text}");
        assert!(claim.accusation, "{text}");
    }
}

#[test]
fn who_denies_a_meeting_between_two_others_is_no_party_of_it() {
    for (lang, text) in [
        (Lang::En, "Warsaw denied reports of a meeting between Macron and Putin."),
        (Lang::De, "Warschau dementierte Berichte über ein Treffen zwischen Macron und Putin."),
    ] {
        let x = read(lang, text);
        let meeting = x.events.iter().find(|e| e.is_live() && e.kind == EventKind::Meeting).expect("a meeting");
        let mut parties: Vec<String> = meeting.fillers(Role::Participant).map(|k| k.to_string()).collect();
        parties.sort();
        assert_eq!(parties, ["person-emmanuel-macron", "person-vladimir-putin"], "{text}");
    }
    // One who mediates between two parties is a party.
    let x = read(Lang::En, "The Arab League undertook a mediation mission between Syria and Lebanon.");
    assert!(has_role(&x, EventKind::Meeting, Role::Participant, "org-arab-league"), "{:?}", events(&x));
}

#[test]
fn what_one_is_accused_of_having_done_is_reported_never_planned_or_asserted() {
    for text in [
        "Russland wird von den USA beschuldigt, Waffen nach Syrien geliefert zu haben.",
        "Russland wird vorgeworfen, Waffen nach Syrien geliefert zu haben.",
    ] {
        let ev = events(&read(Lang::De, text));
        assert!(!ev.is_empty() && ev.iter().all(|e| e.1 == Factuality::Reported), "{text}: {ev:?}");
    }
    // A purpose after a plan is still planned.
    let ev = events(&read(Lang::De, "Macron will nach Warschau reisen, um Tusk zu treffen."));
    assert!(!ev.is_empty() && ev.iter().all(|e| e.1 == Factuality::Planned), "{ev:?}");
}

#[test]
fn a_denial_of_reports_disputes_what_they_tell_and_a_verb_joined_to_it_speaks_on_its_own() {
    for (lang, text) in [
        (Lang::En, "Tehran rejected reports that Iran had supplied drones to Russia."),
        (Lang::En, "Iran rejected reports that it had supplied drones to Russia."),
        (Lang::De, "Teheran wies Berichte zurück, wonach Iran Drohnen an Russland geliefert habe."),
    ] {
        let x = read(lang, text);
        let ev = events(&x);
        assert_eq!(ev.len(), 1, "{text}: {ev:?}");
        assert_eq!(ev[0].1, Factuality::Disputed, "{text}: {ev:?}");
        assert!(x.claims.iter().all(|c| c.stance == Stance::Denies && names(&c.speakers) == ["state-irn"]), "{text}");
    }
    let x = read(
        Lang::De,
        "Der Kreml wies den Bericht zurück und warf der Ukraine vor, das Kraftwerk beschossen zu haben.",
    );
    let claim = x.claims.iter().find(|c| c.stance == Stance::Affirms).expect("an accusation");
    assert_eq!(names(&claim.speakers), ["gov-kremlin"]);
    assert!(x.events[claim.target].fillers(Role::Participant).any(|k| k.to_string() == "state-ukr"));
}
