//! Shipments: who sends what to whom, by verbs, nouns and carriers, and where it goes.

use super::*;

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
fn goods_pledged_or_promised_are_a_shipment_still_to_come() {
    for (lang, text) in [
        (Lang::De, "Deutschland hat der Ukraine weitere Panzer zugesagt."),
        (Lang::De, "Scholz versprach, weitere Panzer an die Ukraine zu liefern."),
        (Lang::En, "Germany has pledged more tanks to Ukraine."),
        (Lang::En, "Germany pledged to send more tanks to Ukraine."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-ukr"), "{text}: {:?}", events(&x));
        assert!(events(&x).iter().all(|e| e.1 == Factuality::Planned), "{text}: {:?}", events(&x));
    }
}

#[test]
fn subjects_joined_before_the_verb_all_send_and_none_gets() {
    let x = read(Lang::En, "China, Iran, and Russia have pledged weapons to Syria.");
    for state in ["state-chn", "state-irn", "state-rus"] {
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, state), "{state}: {:?}", events(&x));
        assert!(!has_role(&x, EventKind::Shipment, Role::Recipient, state), "{state}: {:?}", events(&x));
    }
    let x = read(Lang::En, "China, Iran, and Russia have pledged funds.");
    assert!(!has_role(&x, EventKind::Shipment, Role::Recipient, "state-irn"), "{:?}", events(&x));
}

#[test]
fn supplying_with_goods_and_leaving_goods_to_someone_ship_them() {
    for text in ["Der Iran versorgt Russland mit Drohnen.", "Die USA überließen der Ukraine 31 Panzer."] {
        let x = read(Lang::De, text);
        assert!(events(&x).iter().any(|e| e.0 == EventKind::Shipment), "{text}: {:?}", events(&x));
    }
    // Without goods, or to no actor, nothing is shipped.
    for text in ["Er überließ ihm das Wort.", "Die Polizei versorgte die Verletzten mit Decken."] {
        let x = read(Lang::De, text);
        assert!(!events(&x).iter().any(|e| e.0 == EventKind::Shipment), "{text}: {:?}", events(&x));
    }
}

#[test]
fn a_demonym_on_the_goods_a_carrier_brings_is_where_they_come_from() {
    for (lang, text) in [
        (Lang::En, "A ship carrying Ukrainian grain arrived in Istanbul on Monday."),
        (Lang::De, "Ein Schiff mit ukrainischem Getreide ist am Montag in Istanbul eingetroffen."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Origin, "state-ukr"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Shipment, Role::Destination, "place-istanbul"), "{text}: {:?}", events(&x));
    }
}

#[test]
fn goods_that_reach_an_actor_are_shipped_to_it_by_whom_they_come_from() {
    for (lang, text) in [
        (Lang::En, "Weapons from Iran reached Hezbollah via Syria."),
        (Lang::De, "Waffen aus dem Iran erreichten die Hisbollah über Syrien."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-irn"), "{text}: {:?}", events(&x));
        assert!(events(&x).iter().any(|e| e.2.iter().any(|r| r.starts_with("Recipient="))), "{text}: {:?}", events(&x));
    }
    // What reaches a level is no shipment.
    let x = read(Lang::En, "Grain prices reached a record high on Monday.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn a_vehicle_that_changes_hands_is_the_goods_and_one_sent_is_not() {
    for (lang, text, supplier, recipient) in [
        (Lang::De, "Frankreich übergab dem Irak zehn Hubschrauber.", "state-fra", "state-irq"),
        (Lang::En, "France handed over ten helicopters to Iraq.", "state-fra", "state-irq"),
        (Lang::De, "Russland verkaufte Chile zwei Schiffe.", "state-rus", "state-chl"),
        (Lang::En, "Russia sold two ships to Chile.", "state-rus", "state-chl"),
        (Lang::De, "Deutschland lieferte Israel U-Boote.", "state-deu", "state-isr"),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, supplier), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Shipment, Role::Recipient, recipient), "{text}: {:?}", events(&x));
    }
    // Sending a ship moves one's own.
    for (lang, text) in
        [(Lang::De, "Italien schickte ein Schiff nach Libyen."), (Lang::En, "Italy sent a ship to Libya.")]
    {
        let x = read(lang, text);
        assert!(events(&x).iter().all(|e| e.0 != EventKind::Shipment), "{text}: {:?}", events(&x));
    }
}

#[test]
fn goods_sent_to_a_place_the_gazetteer_lacks_go_there() {
    for (lang, text, place) in [
        (Lang::En, "The United States sent weapons to Kobani.", "Kobani"),
        (Lang::De, "Die USA schickten Waffen nach Kobane.", "Kobane"),
        (Lang::En, "Turkey delivered food to the town of Madaya.", "Madaya"),
        (Lang::En, "A UN convoy carrying food reached the besieged town of Madaya.", "Madaya"),
    ] {
        let x = read(lang, text);
        let shipment = x.events.iter().find(|e| e.is_live() && e.kind == EventKind::Shipment);
        let destination = shipment.and_then(|e| e.fillers(Role::Destination).next()).expect(text);
        let label = x.entities.iter().find(|e| &e.key == destination).map(|e| e.labels[0].1.clone());
        assert_eq!(label.as_deref(), Some(place), "{text}: {:?}", events(&x));
    }
    // Goods going nowhere named, or to a group named by a modifier, are no shipment.
    // After an article without a place noun, a name may be an organisation's.
    for text in [
        "The United States sent weapons in March.",
        "Russia sent weapons to Wagner fighters.",
        "Canada handed over medicine to the Red Cedar in Bam.",
    ] {
        let x = read(Lang::En, text);
        assert!(events(&x).is_empty(), "{text}: {:?}", events(&x));
    }
    // A relative day after the name does not make it a modifier.
    let x = read(Lang::En, "Lavrov flew to Tomsk yesterday.");
    assert!(
        x.events.iter().any(|e| e.is_live() && e.kind == EventKind::Visit && e.fillers(Role::Destination).count() == 1)
    );
}

#[test]
fn goods_a_verb_of_moving_moves_are_shipped_and_no_one_travels() {
    for (lang, text) in [
        (Lang::En, "France flew tons of medicine to Ukraine."),
        (Lang::En, "Several tons of medicine were flown to Ukraine by France."),
        (Lang::De, "Frankreich flog Medikamente in die Ukraine."),
        (Lang::De, "Mehrere Tonnen Medikamente wurden von Frankreich in die Ukraine geflogen."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-fra"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-ukr"), "{text}: {:?}", events(&x));
        assert!(!x.events.iter().any(|e| e.kind == EventKind::Visit && e.is_live()), "{text}: {:?}", events(&x));
    }
    // Goods carried along by a traveller are not what the verb moves: a visit.
    for (lang, text) in [
        (Lang::En, "The President of France flew to Kyiv on Monday."),
        (Lang::De, "Macron flog mit Medikamenten nach Kiew."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "person-emmanuel-macron"), "{text}: {:?}", events(&x));
        assert!(!x.events.iter().any(|e| e.kind == EventKind::Shipment && e.is_live()), "{text}: {:?}", events(&x));
    }
}

#[test]
fn a_capital_that_approves_deliveries_stands_for_its_state() {
    for (lang, text) in [
        (Lang::En, "Paris approved the sale of fighter jets to Poland."),
        (Lang::De, "Paris genehmigte den Verkauf von Kampfjets an Polen."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-fra"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-pol"), "{text}: {:?}", events(&x));
    }
}

#[test]
fn whose_carrier_moves_goods_sends_them_and_goods_brought_or_exported_are_shipped() {
    for (lang, text, supplier, destination) in [
        (Lang::En, "Jordanian planes parachuted medicine into Gaza on Saturday.", "state-jor", "place-gaza-strip"),
        (Lang::En, "A UN aid convoy brought medicine to Aleppo.", "org-un", "place-aleppo"),
        (Lang::En, "The UN brought food to Aleppo.", "org-un", "place-aleppo"),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, supplier), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Shipment, Role::Destination, destination), "{text}: {:?}", events(&x));
    }
    for (lang, text) in [
        (Lang::De, "Deutschland will Waffen in die Türkei ausführen."),
        (Lang::De, "Deutschland führt Waffen in die Türkei aus."),
        (Lang::En, "Germany brought weapons to Turkey."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-deu"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-tur"), "{text}: {:?}", events(&x));
    }
    // Carrying out a plan, or bringing a message, moves no goods; a carrier with no owner names
    // no supplier.
    for (lang, text) in [
        (Lang::De, "Deutschland führt den Plan in der Türkei aus."),
        (Lang::En, "Germany brought a message to Turkey."),
        (Lang::En, "The convoy brought medicine to Aleppo."),
    ] {
        let x = read(lang, text);
        assert!(!x.events.iter().any(|e| e.kind == EventKind::Shipment), "{text}: {:?}", events(&x));
    }
}

#[test]
fn goods_promised_with_a_separable_verb_of_saying_are_a_planned_shipment() {
    let x = read(Lang::De, "Die USA sagten Israel weitere Waffen zu.");
    let ev = events(&x);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].1, Factuality::Planned);
    assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-usa"), "{ev:?}");
    assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-isr"), "{ev:?}");
    // Saying without the particle reports.
    let x = read(Lang::De, "Die USA sagten, Iran habe Waffen an Russland geliefert.");
    assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-irn"), "{:?}", events(&x));
    assert!(x.claims.iter().any(|c| c.speakers[0].to_string() == "state-usa"), "{:?}", x.claims);
}

#[test]
fn weapon_systems_named_by_their_names_are_goods() {
    for (lang, text, supplier) in [
        (Lang::De, "Die Bundeswehr hat zwei weitere Patriot-Systeme an die Ukraine übergeben.", "gov-bundeswehr"),
        (Lang::En, "The US sent HIMARS to Ukraine.", "state-usa"),
        (Lang::De, "Deutschland liefert IRIS-T an die Ukraine.", "state-deu"),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, supplier), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-ukr"), "{text}: {:?}", events(&x));
    }
    // Patriotic greetings are no Patriot systems.
    let x = read(Lang::En, "The minister sent patriotic greetings to Ukraine.");
    assert!(events(&x).is_empty(), "{:?}", events(&x));
}

#[test]
fn a_measure_of_goods_names_goods() {
    for (lang, text) in [
        (Lang::En, "Japan will send 300 tonnes of rice to North Korea."),
        (Lang::En, "Japan shipped 300 tons of fertilizer to North Korea."),
        (Lang::De, "Japan schickte 300 Tonnen Reis nach Nordkorea."),
        (Lang::De, "Japan schickte Dünger nach Nordkorea."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Shipment, Role::Supplier, "state-jpn"), "{text}: {:?}", events(&x));
        assert!(has_role(&x, EventKind::Shipment, Role::Recipient, "state-prk"), "{text}: {:?}", events(&x));
    }
    // A trip is no rice.
    let x = read(Lang::De, "Japan schickte seine Minister auf eine Reise nach Nordkorea.");
    assert!(events(&x).iter().all(|e| e.0 != EventKind::Shipment), "{:?}", events(&x));
}

#[test]
fn gas_and_oil_are_goods_and_stopping_or_cutting_off_deliveries_calls_them_off() {
    for (lang, text) in [
        (Lang::En, "Russia cut off gas supplies to Poland."),
        (Lang::En, "Iran has stopped gas exports to Turkey."),
        (Lang::De, "Russland stellte die Gaslieferungen an Polen ein."),
        (Lang::De, "Russland hat die Öllieferungen an Polen eingestellt."),
    ] {
        let ev = events(&read(lang, text));
        assert_eq!(ev.len(), 1, "{text}: {ev:?}");
        assert_eq!((ev[0].0, ev[0].1), (EventKind::Shipment, Factuality::Cancelled), "{text}: {ev:?}");
    }
    // Weighing a delivery is a plan, not a report of one.
    for (lang, text) in [
        (Lang::En, "Washington said Beijing was considering sending weapons to Moscow."),
        (Lang::De, "Washington erklärte, Peking erwäge, Waffen nach Moskau zu schicken."),
    ] {
        let ev = events(&read(lang, text));
        assert!(!ev.is_empty() && ev.iter().all(|e| e.1 == Factuality::Planned), "{text}: {ev:?}");
    }
}
