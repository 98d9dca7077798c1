//! Titles and offices: which words make a title, whose office it names, who holds it, and what a
//! title followed by a list of states stands for.

use super::*;

#[test]
fn a_month_s_name_before_a_surname_is_a_given_name_and_no_date() {
    for (lang, text) in [
        (Lang::De, "Der polnische Außenminister Jan Nowak besuchte Deutschland."),
        (Lang::En, "Polish Foreign Minister Jan Nowak visited Germany."),
        (Lang::En, "Jan Nowak, Poland's foreign minister, visited Germany."),
    ] {
        let x = read(lang, text);
        let visit = x.events.iter().find(|e| e.is_live() && e.kind == EventKind::Visit).expect(text);
        let visitor: Vec<String> = visit.fillers(Role::Visitor).map(|k| k.to_string()).collect();
        assert_eq!(visitor, ["named-person-jan-nowak"], "{text}");
        assert_eq!(visit.time, None, "{text}");
        assert_eq!(
            described(&x, "Jan Nowak"),
            (Some("POL".into()), vec![(PositionType::ForeignMinister, Some("POL".into()))])
        );
    }
    // After a preposition, or with no name after it, it is the month.
    for (lang, text) in [(Lang::En, "In May Merkel visited China."), (Lang::De, "Im Mai besuchte Merkel China.")] {
        let x = read(lang, text);
        let visit = x.events.iter().find(|e| e.is_live() && e.kind == EventKind::Visit).expect(text);
        assert_eq!(visit.time.as_ref().map(|t| t.bounds().0.to_string()), Some("2023-05-01".into()), "{text}");
    }
}

#[test]
fn a_closed_compound_ending_in_a_title_is_that_title() {
    let x = read(Lang::De, "Der polnische Finanzminister besuchte Berlin.");
    assert_eq!(
        described(&x, "Finanzminister"),
        (Some("POL".into()), vec![(PositionType::Minister, Some("POL".into()))])
    );
    let x = read(Lang::De, "Die norwegische Gesundheitsministerin Kari Berg besuchte Berlin.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "named-person-kari-berg"), "{:?}", events(&x));
    assert_eq!(described(&x, "Kari Berg"), (Some("NOR".into()), vec![(PositionType::Minister, Some("NOR".into()))]));
}

#[test]
fn a_lower_case_word_between_a_demonym_and_a_title_keeps_the_state() {
    for (lang, text) in [
        (Lang::En, "The Polish economy minister Adam Nowak visited Germany."),
        (Lang::De, "Der polnische neue Minister Adam Nowak besuchte Deutschland."),
    ] {
        let x = read(lang, text);
        assert!(has_role(&x, EventKind::Visit, Role::Visitor, "named-person-adam-nowak"), "{text}: {:?}", events(&x));
        assert_eq!(described(&x, "Adam Nowak").0.as_deref(), Some("POL"), "{text}");
    }
    // A coordinator joins another state's title.
    let x = read(Lang::En, "Polish and German ministers met in Warsaw.");
    let parties = x.events.iter().filter(|e| e.is_live()).flat_map(|e| e.fillers(Role::Participant)).count();
    assert_eq!(parties, 2, "{:?}", events(&x));
}

#[test]
fn a_deputy_or_a_coming_holder_does_not_hold_the_office() {
    for (lang, text, holder) in [
        (Lang::De, "Der polnische stellvertretende Außenminister besuchte Berlin.", "person-zbigniew-rau"),
        (Lang::En, "The Polish deputy foreign minister visited Berlin.", "person-zbigniew-rau"),
        (Lang::De, "Der polnische Vize-Außenminister besuchte Berlin.", "person-zbigniew-rau"),
        (Lang::En, "The US Vice President visited Kenya.", "person-joe-biden"),
        (Lang::En, "The incoming US president visited Kenya.", "person-joe-biden"),
        (Lang::De, "Der designierte US-Präsident besuchte Kenia.", "person-joe-biden"),
    ] {
        let x = read(lang, text);
        assert!(!has_role(&x, EventKind::Visit, Role::Visitor, holder), "{text}: {:?}", events(&x));
    }
    let x = read(Lang::De, "Der polnische Vize-Außenminister besuchte Berlin.");
    assert_eq!(described(&x, "Vize-Außenminister"), (Some("POL".into()), vec![]));
}

#[test]
fn a_former_holder_named_once_is_not_who_the_bare_title_means_later() {
    let x = read(
        Lang::De,
        "Der ehemalige Präsident Bolivar Ruiz traf Scholz in Berlin. Der Präsident reiste dann nach Paris.",
    );
    assert!(!has_role(&x, EventKind::Visit, Role::Visitor, "named-person-bolivar-ruiz"), "{:?}", events(&x));
    let x = read(Lang::De, "Der Präsident Bolivar Ruiz traf Scholz in Berlin. Der Präsident reiste dann nach Paris.");
    assert!(has_role(&x, EventKind::Visit, Role::Visitor, "named-person-bolivar-ruiz"), "{:?}", events(&x));
}

#[test]
fn a_title_from_listed_states_is_one_holder_for_each() {
    for (lang, text, label) in [
        (Lang::En, "Foreign ministers from Peru, Chile and Ecuador met in Lima.", "Foreign minister from Chile"),
        (Lang::De, "Außenminister aus Peru, Chile und Ecuador trafen sich in Lima.", "Außenminister aus Chile"),
    ] {
        let x = read(lang, text);
        let parties = all_participants(&x);
        assert_eq!(parties.len(), 3, "{text}: {:?}", events(&x));
        assert!(!parties.iter().any(|p| p.starts_with("state-")), "{text}: {parties:?}");
        assert_eq!(described(&x, label).0.as_deref(), Some("CHL"), "{text}");
    }
}

#[test]
fn a_body_named_before_a_title_and_a_name_is_whose_office_it_is_not_who_speaks() {
    let x = read(Lang::En, "UN Secretary-General Antonio Guterres said that Russia had attacked the port.");
    let claim = x.claims.iter().find(|c| c.stance == Stance::Affirms).expect("a claim");
    assert_eq!(names(&claim.speakers), ["person-antonio-guterres"]);
    // Who speaks during a visit made it: the visit is told, not reported.
    let x = read(
        Lang::En,
        "During a visit to Geneva last week, UN Secretary-General Antonio Guterres stressed that patents must not harm \
         poorer countries.",
    );
    let visit = x.events.iter().find(|e| e.is_live() && e.kind == EventKind::Visit).expect("a visit");
    assert_eq!(visit.factuality, Factuality::Asserted, "{:?}", events(&x));
}
