//! When events happened: every date the text gives, resolved against the article's publication
//! date, and none the text does not give. Each case is a general pattern of the language, on an
//! invented article published on Wednesday, 18 October 2023.

use kgexport::article::{Article, Lang};
use kgexport::model::{EventKind, Extraction};
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
        discriminator: None,
    };
    kgexport::analyse(&article, None)
}

/// The EDTF date of each live event of a class, in text order.
fn dates(x: &Extraction, kind: EventKind) -> Vec<Option<String>> {
    x.events.iter().filter(|e| e.is_live() && e.kind == kind).map(|e| e.time.as_ref().map(|t| t.edtf())).collect()
}

fn day(d: &str) -> Vec<Option<String>> {
    vec![Some(d.to_string())]
}

#[test]
fn next_week_and_last_week_are_calendar_weeks() {
    let x = read(Lang::De, "Der Präsident Frankreichs wird nächste Woche Polen besuchen.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-23/2023-10-29"));
    let x = read(Lang::En, "The President of France visited Poland last week.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-09/2023-10-15"));
}

#[test]
fn two_weekdays_joined_are_a_span() {
    let x = read(Lang::De, "Der Präsident Frankreichs besuchte am Montag und Dienstag Polen.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-16/2023-10-17"));
    let x = read(Lang::En, "The President of France visited Poland on Monday and Tuesday.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-16/2023-10-17"));
}

#[test]
fn a_part_of_a_month_is_a_third_of_it() {
    let x = read(Lang::En, "In late July, the President of France visited Poland.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-07-21/2023-07-31"));
    let x = read(Lang::De, "Anfang Juli besuchte der Präsident Frankreichs Polen.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-07-01/2023-07-10"));
}

#[test]
fn weekends_and_the_rest_of_the_month() {
    let x = read(Lang::En, "The President of France visited Poland last weekend.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-14/2023-10-15"));
    let x = read(Lang::En, "The President of France will visit Poland later this month.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-18/2023-10-31"));
    let x = read(Lang::De, "Der Präsident Frankreichs besuchte im vergangenen Jahr Polen.");
    assert_eq!(dates(&x, EventKind::Visit), day("2022"));
}

#[test]
fn tomorrow_is_an_adverb_not_the_noun_morning() {
    let x = read(Lang::De, "Der Präsident Frankreichs wird morgen Polen besuchen.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-19"));
    let x = read(Lang::De, "Der Präsident Frankreichs besuchte am Morgen Polen.");
    assert_eq!(dates(&x, EventKind::Visit), vec![None]);
}

#[test]
fn a_span_of_days_after_an_event_dates_it_before_the_report() {
    let x = read(Lang::En, "This comes a week after the President of France visited Poland.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-11"));
    let x = read(Lang::De, "Dies geschieht zwei Wochen nachdem der Präsident Frankreichs Polen besuchte.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-04"));
}

#[test]
fn later_events_of_the_story_happen_on_the_lead_s_day() {
    let x = read(
        Lang::En,
        "Yesterday, the President of France arrived in Warsaw. He met the Prime Minister of Poland at the palace.",
    );
    assert_eq!(dates(&x, EventKind::Meeting), day("2023-10-17"));
    let x = read(
        Lang::De,
        "Der Präsident Frankreichs hat am Dienstag in Warschau eine Rede gehalten. Er traf dort den Ministerpräsidenten Polens.",
    );
    assert_eq!(dates(&x, EventKind::Meeting), day("2023-10-17"));
}

#[test]
fn the_story_s_day_never_dates_a_plan_or_the_present() {
    let x = read(
        Lang::En,
        "Yesterday, the President of France arrived in Warsaw. He will meet the Prime Minister of Poland in Berlin.",
    );
    assert_eq!(dates(&x, EventKind::Meeting), vec![None]);
    let x = read(Lang::En, "The President of France visited Poland. He met the Prime Minister of Poland.");
    assert_eq!(dates(&x, EventKind::Meeting), vec![None], "no date in the text, no date in the graph");
}

#[test]
fn the_next_day_counts_from_the_story_s_last_date() {
    let x = read(
        Lang::En,
        "On Monday, the President of France arrived in Warsaw. The next day he met the Prime Minister of Poland.",
    );
    assert_eq!(dates(&x, EventKind::Meeting), day("2023-10-17"));
    let x = read(
        Lang::De,
        "Am Montag traf der Präsident Frankreichs in Warschau ein. Am nächsten Tag sprach er mit dem Ministerpräsidenten Polens.",
    );
    assert_eq!(dates(&x, EventKind::Meeting), day("2023-10-17"));
}

#[test]
fn a_date_inside_the_event_s_own_phrase_beats_the_date_of_the_report() {
    for (lang, text) in [
        (
            Lang::En,
            "The ministry announced on Friday a visit of the President of France to Poland, which is planned for October 25.",
        ),
        (Lang::En, "On Friday the ministry announced that the President of France will visit Poland on October 25."),
        (
            Lang::De,
            "Der für den 25. Oktober geplante Besuch des Präsidenten Frankreichs in Polen wurde am Freitag angekündigt.",
        ),
    ] {
        let x = read(lang, text);
        assert_eq!(dates(&x, EventKind::Visit), day("2023-10-25"), "{text}");
    }
}

#[test]
fn a_weekday_is_past_when_its_own_predicate_is() {
    let x = read(Lang::En, "On Sunday, the President of France visited Poland. He said troops would leave.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-15"));
}

#[test]
fn the_date_of_an_announcement_does_not_date_what_it_announces() {
    for (lang, text) in [
        (Lang::En, "Late on Sunday, the President of France announced that he would visit Poland."),
        (Lang::De, "Am Sonntag kündigte der Präsident Frankreichs an, dass er Polen besuchen werde."),
    ] {
        assert_eq!(dates(&read(lang, text), EventKind::Visit), vec![None], "{text}");
    }
}

#[test]
fn a_definite_event_noun_names_a_happening_already_told_and_takes_no_story_date() {
    let x = read(
        Lang::En,
        "Yesterday, the President of France arrived in Warsaw.\n\nIn March, he had a phone call with the Prime Minister of Poland. He described the call with the Prime Minister of Poland as friendly.",
    );
    let meetings = dates(&x, EventKind::Meeting);
    assert!(meetings.iter().all(|d| d.as_deref() != Some("2023-10-17")), "{meetings:?}");
}

#[test]
fn a_stated_length_makes_a_dated_event_a_span() {
    let x = read(Lang::De, "Der Präsident Frankreichs besuchte Polen am Montag drei Tage lang.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-16/2023-10-18"));
    let x = read(Lang::En, "The President of France visited Poland for three days from Monday.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-16/2023-10-18"));
    // A visit one arrives for lasts as long as its noun says.
    let x = read(Lang::En, "Scholz arrived in Paris on Monday for a two-day visit.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-16/2023-10-17"));
    // Also where the verb closes the clause after the noun it is for.
    let x = read(Lang::De, "Scholz ist am Montag zu einem zweitägigen Besuch in Paris eingetroffen.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-16/2023-10-17"));
    // A visit before the journey lends it no length.
    let x = read(Lang::De, "Nach seinem zweitägigen Besuch in Indien reiste Scholz am Montag nach Pakistan.");
    assert!(dates(&x, EventKind::Visit).contains(&Some("2023-10-16".to_string())), "{:?}", dates(&x, EventKind::Visit));
    let x = read(Lang::En, "The President of France met the Prime Minister of Poland on Monday for two hours.");
    assert_eq!(dates(&x, EventKind::Meeting), day("2023-10-16"), "hours are no days");
}

#[test]
fn this_week_and_some_weeks_or_days_ago() {
    for (lang, text, when) in [
        (Lang::En, "The President of France visited Poland this week.", "2023-10-16/2023-10-22"),
        (Lang::De, "Der Präsident Frankreichs besuchte diese Woche Polen.", "2023-10-16/2023-10-22"),
        (Lang::En, "The President of France visited Poland two weeks ago.", "2023-10-02/2023-10-08"),
        (Lang::De, "Der Präsident Frankreichs besuchte vor zwei Wochen Polen.", "2023-10-02/2023-10-08"),
        (Lang::En, "The President of France visited Poland three days ago.", "2023-10-15"),
        (Lang::De, "Der Präsident Frankreichs besuchte vor drei Tagen Polen.", "2023-10-15"),
    ] {
        assert_eq!(dates(&read(lang, text), EventKind::Visit), day(when), "{text}");
    }
}

#[test]
fn a_weekday_with_a_part_of_the_day_is_that_day() {
    let x = read(Lang::De, "Der Präsident Frankreichs besuchte Polen am Dienstagabend.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-17"));
}

#[test]
fn a_month_is_no_modal_verb_and_a_name_no_cue() {
    use kgexport::model::Factuality;
    for text in ["The President of France visited Poland on 3 May.", "The President of France visited Poland on May 3."]
    {
        let x = read(Lang::En, text);
        assert_eq!(dates(&x, EventKind::Visit), day("2023-05-03"), "{text}");
        assert!(x.events.iter().all(|e| e.factuality == Factuality::Asserted), "{text}");
    }
    let x = read(Lang::En, "Theresa May visited Poland on Tuesday.");
    assert!(x.events.iter().any(|e| e.is_live() && e.factuality == Factuality::Asserted), "{:?}", x.events);
    let x = read(Lang::En, "The President of France may visit Poland.");
    assert!(x.events.iter().all(|e| e.factuality != Factuality::Asserted));
}

#[test]
fn a_later_date_beside_an_invitation_made_is_the_visit_s() {
    for (lang, text) in [
        (Lang::En, "The President of France invited the Prime Minister of Poland to Paris for talks next month."),
        (Lang::De, "Der Präsident Frankreichs lud den Ministerpräsidenten Polens für nächsten Monat nach Paris ein."),
    ] {
        let x = read(lang, text);
        assert_eq!(dates(&x, EventKind::Invitation), vec![None], "{text}");
        assert_eq!(dates(&x, EventKind::Visit), day("2023-11"), "{text}");
        let invitation = x.events.iter().find(|e| e.kind == EventKind::Invitation).expect("an invitation");
        assert_eq!(invitation.factuality, kgexport::model::Factuality::Asserted, "{text}");
    }
    // Without a visit to take it, the later date is still not the invitation's.
    let x = read(Lang::En, "The President of France invited the Prime Minister of Poland for talks next month.");
    assert_eq!(dates(&x, EventKind::Invitation), vec![None]);
}

#[test]
fn a_weekday_in_the_present_tense_is_the_coming_one() {
    for (lang, text, when) in [
        (Lang::De, "Der Präsident Frankreichs trifft am Montag Kim.", "2023-10-23"),
        (Lang::En, "The President of France meets Kim on Monday.", "2023-10-23"),
        (Lang::De, "Der Präsident Frankreichs hat am Montag Kim getroffen.", "2023-10-16"),
        (Lang::En, "The President of France met Kim on Monday.", "2023-10-16"),
    ] {
        assert_eq!(dates(&read(lang, text), EventKind::Meeting), day(when), "{text}");
    }
    // A finite verb known by its mood alone ("reist": Mood=Ind, Tense=Pres) is finite too.
    for (text, when) in [
        ("Scholz reist am Montag nach Warschau.", "2023-10-23"),
        ("Scholz reiste am Montag nach Warschau.", "2023-10-16"),
    ] {
        assert_eq!(dates(&read(Lang::De, text), EventKind::Visit), day(when), "{text}");
    }
}

#[test]
fn a_date_in_the_clause_that_announces_dates_the_announcement() {
    let x = read(Lang::De, "Deutschland wird Panzer an die Ukraine liefern, kündigte Olaf Scholz am Mittwoch an.");
    assert_eq!(dates(&x, EventKind::Shipment), vec![None]);
}

#[test]
fn a_date_inside_an_attribute_of_another_noun_is_not_the_events() {
    let x = read(Lang::De, "Der am Montag verletzte Minister Olaf Scholz reist nach Tomsk.");
    assert_eq!(dates(&x, EventKind::Visit), vec![None]);
    let x = read(Lang::De, "Der am Montag gewählte Präsident Emmanuel Macron traf am Dienstag Olaf Scholz.");
    assert_eq!(dates(&x, EventKind::Meeting), day("2023-10-17"));
    // An attribute of the event noun itself dates it.
    let x =
        read(Lang::De, "Olaf Scholz und Emmanuel Macron trafen sich auf dem heute in Berlin stattfindenden Gipfel.");
    assert!(
        dates(&x, EventKind::Meeting).iter().all(|d| d.as_deref() == Some("2023-10-18")),
        "{:?}",
        dates(&x, EventKind::Meeting)
    );
}

#[test]
fn a_month_without_a_year_lies_the_way_its_tense_heads() {
    // The article is of 18 October 2023: March told in a past tense is the last one.
    for (lang, text) in [
        (Lang::De, "Scholz besuchte im März Paris."),
        (Lang::De, "Scholz hatte im März Paris besucht."),
        (Lang::En, "Scholz visited Paris in March."),
        (Lang::En, "Scholz has visited Paris in March."),
    ] {
        assert_eq!(dates(&read(lang, text), EventKind::Visit), vec![Some("2023-03".to_string())], "{text}");
    }
    // Told as to come, or scheduled in a past tense, it is the next one.
    for (lang, text) in [
        (Lang::De, "Scholz wird im März Paris besuchen."),
        (Lang::En, "The debate between Joe Biden and Donald Trump, which was slated for March 3, was cancelled."),
    ] {
        let x = read(lang, text);
        let found: Vec<Option<String>> =
            x.events.iter().filter(|e| e.is_live()).map(|e| e.time.as_ref().map(|t| t.edtf())).collect();
        assert!(
            !found.is_empty() && found.iter().all(|d| d.as_deref().is_some_and(|d| d.starts_with("2024-03"))),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_date_after_since_starts_a_stretch_until_the_article() {
    for (lang, text) in [
        (Lang::En, "The United States has sent Ukraine more than 30 tanks since January."),
        (Lang::De, "Die USA haben der Ukraine seit Januar mehr als 30 Panzer geliefert."),
    ] {
        assert_eq!(dates(&read(lang, text), EventKind::Shipment), day("2023-01-01/2023-10-18"), "{text}");
    }
    // With an article before the date, and a day.
    let x = read(Lang::De, "Die USA haben der Ukraine seit dem 3. Mai mehr als 30 Panzer geliefert.");
    assert_eq!(dates(&x, EventKind::Shipment), day("2023-05-03/2023-10-18"));
    // Without the word, the month alone.
    let x = read(Lang::En, "The United States sent Ukraine more than 30 tanks in January.");
    assert_eq!(dates(&x, EventKind::Shipment), day("2023-01"));
}

#[test]
fn seasons_digits_abbreviated_months_ranges_and_the_week_so_far() {
    for (lang, text, want) in [
        // A season is three months, the one its tense heads to.
        (Lang::De, "Im Sommer hatte Scholz Indien besucht.", "2023-06-01/2023-08-31"),
        (Lang::En, "Scholz will visit India next spring.", "2024-03-01/2024-05-31"),
        (Lang::De, "Scholz wird Indien im Winter besuchen.", "2023-12-01/2024-02-29"),
        // A date in digits, day first.
        (Lang::De, "Scholz besuchte am 12.10.2023 Paris.", "2023-10-12"),
        // A month's abbreviation with its dot.
        (Lang::En, "Scholz visited Paris on Oct. 12.", "2023-10-12"),
        // Two days of one month, month first.
        (Lang::En, "Scholz visited India from October 3 to 5.", "2023-10-03/2023-10-05"),
        // Earlier this week: from its Monday to the article's day.
        (Lang::En, "Scholz visited Paris earlier this week.", "2023-10-16/2023-10-18"),
        (Lang::De, "Scholz besuchte Anfang der Woche Paris.", "2023-10-16/2023-10-18"),
    ] {
        assert_eq!(dates(&read(lang, text), EventKind::Visit), day(want), "{text}");
    }
    // A surname is no season.
    let x = read(Lang::De, "Ministerin Sommer besuchte Paris.");
    assert_eq!(dates(&x, EventKind::Visit), vec![None]);
}

#[test]
fn a_relative_clause_dates_its_own_noun() {
    let x = read(
        Lang::De,
        "Scholz zeichnete bei einem Zwischenstopp in Katar ein Interview auf, das am 16. Dezember gesendet wird.",
    );
    assert_eq!(dates(&x, EventKind::Visit), vec![None]);
    let x = read(Lang::De, "Scholz begann eine Reise nach Indien, die am Montag endete.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-16"));
}

#[test]
fn a_relative_day_said_twice_dates_both_clauses() {
    let x = read(
        Lang::De,
        "Das Rote Kreuz teilte gestern mit, drei Flugzeuge der Organisation seien gestern mit Hilfsgütern in Kairo gelandet.",
    );
    assert_eq!(dates(&x, EventKind::Shipment), day("2023-10-17"));
}

#[test]
fn an_event_of_some_days_told_as_ending_ends_on_its_date() {
    for (lang, text) in [
        (Lang::En, "Scholz wrapped up a three-day visit to India on Monday."),
        (Lang::De, "Scholz beendete am Montag seinen dreitägigen Besuch in Indien."),
    ] {
        assert_eq!(dates(&read(lang, text), EventKind::Visit), day("2023-10-14/2023-10-16"), "{text}");
    }
    let x = read(Lang::En, "Scholz began a three-day visit to India on Monday.");
    assert_eq!(dates(&x, EventKind::Visit), day("2023-10-16/2023-10-18"));
}

#[test]
fn an_infinitive_of_purpose_is_done_when_its_clause_is_but_not_what_is_announced() {
    let x = read(Lang::De, "Scholz reiste am Montag nach Indien, um Modi zu treffen.");
    assert_eq!(dates(&x, EventKind::Meeting), day("2023-10-16"));
    let x = read(Lang::De, "Scholz kündigte am Montag an, nach Indien zu reisen.");
    assert_eq!(dates(&x, EventKind::Visit), vec![None]);
}

#[test]
fn a_weekday_in_a_perfect_is_past_even_where_the_auxiliary_is_tagged_a_verb() {
    let x = read(Lang::De, "Die Panzer aus Deutschland sind am Montag in der Ukraine eingetroffen.");
    assert_eq!(dates(&x, EventKind::Shipment), day("2023-10-16"));
}

#[test]
fn days_and_weeks_ahead_a_weekday_of_a_named_week_and_a_year_behind_of() {
    for (lang, text, expected) in [
        (Lang::De, "Scholz wird Macron in zwei Wochen in Paris treffen.", "2023-10-30/2023-11-05"),
        (Lang::En, "Scholz will meet Macron in Paris in two weeks.", "2023-10-30/2023-11-05"),
        (Lang::De, "Scholz wird Macron übermorgen in Paris treffen.", "2023-10-20"),
        (Lang::En, "Scholz will meet Macron in Paris the day after tomorrow.", "2023-10-20"),
        (Lang::De, "Scholz traf Macron vorgestern in Paris.", "2023-10-16"),
        (Lang::En, "Scholz met Macron in Paris on Friday last week.", "2023-10-13"),
        (Lang::De, "Scholz traf Macron am Freitag vergangener Woche in Paris.", "2023-10-13"),
        (Lang::De, "Scholz trifft Macron am Freitag nächster Woche in Paris.", "2023-10-27"),
        (Lang::En, "Scholz met Macron in Paris in the summer of 2022.", "2022-06-01/2022-08-31"),
        (Lang::En, "Scholz met Macron in Paris in May of 2022.", "2022-05"),
        (Lang::De, "Scholz traf Macron Ende letzten Monats in Paris.", "2023-09"),
    ] {
        let x = read(lang, text);
        assert_eq!(dates(&x, EventKind::Meeting), day(expected), "{text}");
    }
}

#[test]
fn a_weekend_told_in_the_past_on_a_weekday_is_the_one_before() {
    for (lang, text) in [
        (Lang::En, "Scholz met Macron in Paris at the weekend."),
        (Lang::De, "Scholz traf Macron am Wochenende in Paris."),
    ] {
        assert_eq!(dates(&read(lang, text), EventKind::Meeting), day("2023-10-14/2023-10-15"), "{text}");
    }
    // To come, it is this week's.
    let x = read(Lang::En, "Scholz will meet Macron in Paris at the weekend.");
    assert_eq!(dates(&x, EventKind::Meeting), day("2023-10-21/2023-10-22"));
}

#[test]
fn a_day_and_month_in_digits_closed_by_a_dot_is_a_date() {
    let x = read(Lang::De, "Scholz traf Macron am 12.10. in Paris.");
    assert_eq!(dates(&x, EventKind::Meeting), day("2023-10-12"));
    let x = read(Lang::De, "Scholz trifft Macron vom 23.10. bis 25.10. in Paris.");
    assert_eq!(dates(&x, EventKind::Meeting), day("2023-10-23/2023-10-25"));
    // A price is no date.
    let x = read(Lang::De, "Scholz zahlte 12.10 Euro für ein Treffen mit Macron in Paris.");
    assert_eq!(dates(&x, EventKind::Meeting), vec![None]);
}

#[test]
fn the_time_of_a_reporting_clause_dates_the_report_whoever_speaks() {
    for (lang, text) in [
        (Lang::De, "Japan hat Waffen nach Nordkorea geschickt, teilten Beamte am Dienstag mit."),
        (Lang::De, "Japan hat Waffen nach Nordkorea geschickt, teilte ein Beamter am Dienstag mit."),
        (Lang::En, "Japan sent weapons to North Korea, officials said on Tuesday."),
    ] {
        let x = read(lang, text);
        assert_eq!(dates(&x, EventKind::Shipment), vec![None], "{text}");
        let factuality: Vec<_> = x.events.iter().filter(|e| e.is_live()).map(|e| e.factuality).collect();
        assert_eq!(factuality, [kgexport::model::Factuality::Reported], "{text}");
    }
}

#[test]
fn a_number_after_a_month_is_its_day_only_where_the_language_puts_days_there() {
    let x = read(Lang::De, "Deutschland wird bis Ende März 14 Panzer an die Ukraine liefern.");
    assert_eq!(dates(&x, EventKind::Shipment), day("2024-03-21/2024-03-31"));
    let x = read(Lang::En, "Germany will deliver tanks to Ukraine on March 14.");
    assert_eq!(dates(&x, EventKind::Shipment), day("2024-03-14"));
}

#[test]
fn a_year_after_from_or_until_dates_a_plan() {
    for (lang, text) in [
        (Lang::De, "Katar wird ab 2026 Gas an Deutschland liefern."),
        (Lang::De, "Katar wird bis 2026 Gas an Deutschland liefern."),
        (Lang::En, "Qatar will supply gas to Germany from 2026."),
    ] {
        assert_eq!(dates(&read(lang, text), EventKind::Shipment), day("2026"), "{text}");
    }
    // A number alone is no year of the event.
    let x = read(Lang::De, "Katar wird 2026 Tonnen Gas an Deutschland liefern.");
    assert_eq!(dates(&x, EventKind::Shipment), vec![None]);
}
