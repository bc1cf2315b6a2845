"""The pure rules of improvement teams: composition warnings, deadline states and seats."""

import datetime

from klynge.improvement import rules
from klynge.improvement.rules import Seat

D = datetime.date
KOLDING = Seat("Kolding Kommune", "Kommune")
VEJLE = Seat("Vejle Kommune", "Kommune")
HOSPITAL_CHAIR = Seat("Sygehus Lillebælt", "Hospitalsenhed", chair=True)
PLO = Seat("PLO-Syddanmark", "Almen praksis")


def test_a_team_of_three_parties_with_a_chair_gives_no_warning():
    assert rules.team_warnings([HOSPITAL_CHAIR, KOLDING, PLO]) == []


def test_a_team_of_one_member_is_below_two_and_named_in_the_warning():
    warnings = rules.team_warnings([HOSPITAL_CHAIR])
    assert warnings == ["Teamet har 1 deltager; et forbedringsteam bør have 2-6 deltagere."]


def test_a_team_of_seven_is_above_six():
    seats = [HOSPITAL_CHAIR, KOLDING, PLO, VEJLE, KOLDING, PLO, VEJLE]
    assert rules.team_warnings(seats)[0] == "Teamet har 7 deltagere; et forbedringsteam bør have 2-6 deltagere."


def test_two_and_six_members_are_inside_the_bounds():
    assert rules.team_warnings([HOSPITAL_CHAIR, KOLDING]) == []
    assert rules.team_warnings([HOSPITAL_CHAIR, KOLDING, PLO, VEJLE, PLO, KOLDING]) == []


def test_members_from_one_party_only_give_a_warning_naming_the_party():
    warnings = rules.team_warnings([Seat("Kolding Kommune", "Kommune", chair=True), KOLDING])
    assert warnings == ["Alle deltagere kommer fra samme part (Kolding Kommune). Et forbedringsteam skal have "
                        "deltagere fra flere parter."]


def test_members_from_two_municipalities_only_are_warned_as_one_sector():
    warnings = rules.team_warnings([Seat("Kolding Kommune", "Kommune", chair=True), VEJLE])
    assert warnings == ["Alle deltagere kommer fra samme sektor (kommune). Forbedringsteams arbejder på tværs af "
                        "region, kommuner og almen praksis."]


def test_a_team_without_a_chair_is_told_so_but_an_empty_team_only_of_its_size():
    assert rules.team_warnings([KOLDING, PLO]) == ["Teamet har ingen formand."]
    assert rules.team_warnings([]) == ["Teamet har 0 deltagere; et forbedringsteam bør have 2-6 deltagere."]


def test_a_deadline_met_is_done_whenever_it_was_met():
    assert rules.deadline_state(D(2023, 2, 1), D(2023, 2, 3), D(2026, 1, 1)) == rules.DONE


def test_a_deadline_passed_without_being_met_is_missed_from_the_day_after():
    assert rules.deadline_state(D(2023, 2, 1), None, D(2023, 2, 2)) == rules.MISSED
    assert rules.deadline_state(D(2023, 2, 1), None, D(2023, 2, 1)) == rules.SOON


def test_a_deadline_within_fourteen_days_is_soon_and_later_beyond():
    today = D(2023, 1, 1)
    assert rules.deadline_state(D(2023, 1, 15), None, today) == rules.SOON
    assert rules.deadline_state(D(2023, 1, 16), None, today) == rules.LATER
    assert rules.STATE_LABELS[rules.MISSED] == "Overskredet"


def test_the_next_deadline_is_the_first_open_one_not_passed():
    today = D(2023, 2, 10)
    rows = [(D(2023, 2, 1), None), (D(2023, 3, 31), None), (D(2023, 2, 21), None), (D(2023, 2, 15), D(2023, 2, 9))]
    assert rules.next_deadline(rows, today) == (D(2023, 2, 21), None)
    assert rules.next_deadline([(D(2023, 2, 1), None)], today) is None


def test_seats_given_to_clusters_beyond_the_region_and_members_beyond_a_cluster_are_warned():
    warnings = rules.seat_warnings({"Region Syddanmark": 43},
                                   [("Region Syddanmark", "Lillebælt", 11), ("Region Syddanmark", "Fyn", 11),
                                    ("Region Syddanmark", "Sydvestjylland", 11),
                                    ("Region Syddanmark", "Sønderjylland", 11)],
                                   {"Lillebælt": 12, "Fyn": 11})
    assert warnings == ["Lillebælt har 12 deltagere i sine teams, men kun 11 pladser.",
                        "Klyngerne i Region Syddanmark har fået 44 pladser i alt, men regionen har kun 43."]
    assert rules.seat_warnings({"Region Syddanmark": 43}, [("Region Syddanmark", "Lillebælt", 11)]) == []
