"""Bad input gets a Danish message naming the row and the problem, and nothing is moved."""

import datetime

import pytest

from klynge.meetings.choices import MeetingStatus
from klynge.organisation.models import Body, Succession
from klynge.transition import actions, rules
from klynge.transition.models import TransferRecord
from tests.meetings.factories import make_meeting

HEADER = "handling;forgænger;efterfølger;ny_type;region;kommune;person;rolle;part;arkivadgang;overtager;indsatser\n"
COUNCIL = "afløsning;Klynge A;Sundhedsråd Test;Sundhedsråd;Region Testland;;;;;;;\n"


def errors_of(load, csv):
    plan = load(csv=HEADER + csv)
    data = actions.dry_run(plan)
    with pytest.raises(actions.PlanRefused):
        actions.run(plan, reason="Forsøg")
    assert not Body.objects.filter(name__startswith="Sundhedsråd").exists()
    assert TransferRecord.objects.count() == 0
    return data["errors"]


def test_a_municipality_in_two_councils_on_the_same_date_names_both_rows(reform, load):
    errors = errors_of(load, COUNCIL + "afløsning;Klynge B;Sundhedsråd Nord;Sundhedsråd;;;;;;;;\n"
                       "kommune;;Sundhedsråd Test;;;Testby Kommune;;;;;;\n"
                       "kommune;;Sundhedsråd Nord;;;999;;;;;;\n")
    assert errors == ["Række 4 og 5: Testby Kommune kan ikke høre til både Sundhedsråd Test og Sundhedsråd Nord "
                      f"den {rules.danish_date(reform.date)}."]


def test_a_municipality_already_in_another_body_on_the_date_is_refused(reform, load):
    errors = errors_of(load, "afløsning;Klynge B;Sundhedsråd Test;Sundhedsråd;;;;;;;;\n"
                       "kommune;;Sundhedsråd Test;;;Testby Kommune;;;;;;\n")
    assert errors == [f"Række 3: Testby Kommune hører allerede til Klynge A den {rules.danish_date(reform.date)}."]


def test_a_body_that_succeeds_itself_is_refused(reform, load):
    assert errors_of(load, "afløsning;Klynge A;klynge-a;;;;;;;;;\n") == [
        "Række 2: Klynge A kan ikke afløse sig selv."]


def test_a_succession_that_closes_a_cycle_is_refused(reform, load):
    Succession.objects.create(predecessor=reform.s.other_cluster, successor=reform.s.cluster)
    errors = errors_of(load, "afløsning;Klynge A;Klynge B;;;;;;;;;\n")
    assert errors == ["Række 2: afløsningerne danner en ring: Klynge B → Klynge A → Klynge B."]


def test_a_date_in_the_past_with_meetings_after_it_is_refused(reform, load):
    make_meeting(reform.s.political, date=reform.date + datetime.timedelta(days=2),
                 status=MeetingStatus.AGENDA_PUBLISHED)
    errors = errors_of(load, COUNCIL)
    assert len(errors) == 1
    assert errors[0].startswith(f"Række 2: overgangsdatoen {rules.danish_date(reform.date)} ligger i fortiden, "
                                "og Klynge A har holdt møder efter den")


def test_unknown_bodies_kinds_organisations_and_people_are_named(reform, load):
    errors = errors_of(load, "afløsning;Randersklyngen;Sundhedsråd Test;Sundhedsråd;;;;;;;;\n"
                       "afløsning;Klynge A;Sundhedsråd Test;Sundhedsråd;Region Atlantis;;;;;;;\n"
                       "afløsning;Klynge B;Sundhedsråd Syd;Sundhedsudvalg;;;;;;;;\n"
                       "kommune;;Sundhedsråd Test;;;Atlantis Kommune;;;;;;\n"
                       "medlem;;Sundhedsråd Test;;;;Ukendt Person;Medlem;;;;\n"
                       "medlem;;Sundhedsråd Test;;;;Medlem A;Dirigent;;;;\n")
    assert errors == [
        "Række 2: organet »Randersklyngen« findes ikke.",
        "Række 3: regionen »Region Atlantis« findes ikke.",
        "Række 4: organtypen »Sundhedsudvalg« findes ikke; opret den først under Administration.",
        "Række 5: kommunen »Atlantis Kommune« findes ikke.",
        "Række 6: personen »Ukendt Person« findes ikke.",
        "Række 7: ukendt rolle »Dirigent«; brug f.eks. Medlem, Formand, Medformand eller Sekretariat.",
    ]


def test_a_split_cluster_must_name_the_one_successor_taking_over_open_work(reform, load):
    errors = errors_of(load, COUNCIL + "afløsning;Klynge A;Sundhedsråd Nord;Sundhedsråd;;;;;;;;\n")
    assert errors == ["Række 2 og 3: Klynge A deles mellem flere efterfølgere; markér præcis én med overtager=ja "
                      "(den overtager åbne opgaver, sager og midler)."]


def test_csv_without_the_header_or_with_an_unknown_column_is_refused():
    with pytest.raises(rules.CsvError, match="Række 1: Første række skal være overskrifter"):
        rules.parse_csv("Klynge A;Sundhedsråd\n")
    with pytest.raises(rules.CsvError, match="Ukendt kolonne »farve«"):
        rules.parse_csv("handling;farve\nafløsning;rød\n")
    with pytest.raises(rules.CsvError, match="Filen er tom"):
        rules.parse_csv("")


def test_yes_no_and_initiative_choices_are_checked(reform, load):
    errors = errors_of(load, "afløsning;Klynge A;Sundhedsråd Test;Sundhedsråd;;;;;;måske;;\n"
                       "afløsning;Klynge B;Sundhedsråd Test;Sundhedsråd;;;;;;;;smid ud\n")
    assert errors == ["Række 2: »måske« i kolonnen arkivadgang skal være ja eller nej.",
                      "Række 3: »smid ud« i kolonnen indsatser skal være flyt eller bliv."]


def test_cycle_detection_finds_a_ring_and_nothing_in_a_tree():
    assert rules.find_cycle([("a", "b"), ("b", "c"), ("c", "a")]) == ["a", "b", "c", "a"]
    assert rules.find_cycle([("a", "c"), ("b", "c"), ("c", "d")]) is None
