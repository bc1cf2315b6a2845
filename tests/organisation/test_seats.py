"""The pure seat rules (organisation/seats.py): no database."""

import datetime

from klynge.organisation import seats
from klynge.organisation.seats import Holder, Party, Rule

PLO = Rule(id=1, name="§ 10: 2 praktiserende læger udpeget af PLO", label="praktiserende læger", seats=2,
           party_kind="general_practice")
HE_MIDT = Rule(id=2, name="HE Midt deltager med 1 direktør", label="direktør", seats=1, party_id=10,
               party_name="Hospitalsenhed Midt")
FAMILY = Rule(id=3, name="1 familiechef pr. kommune", label="familiechef", seats=1, per_municipality=True,
              party_kind="municipality")
TOWNS = [Party(21, "Randers Kommune"), Party(22, "Favrskov Kommune")]


def gp(pk, role="member"):
    return Holder(id=pk, person=f"Læge {pk}", party_id=30, party_kind="general_practice", role=role)


def test_a_rule_per_municipality_expands_to_one_slot_per_municipality_in_the_cluster():
    slots = seats.expand([FAMILY], TOWNS)
    assert [(s.party_id, s.party_name, s.seats) for s in slots] == [(21, "Randers Kommune", 1),
                                                                    (22, "Favrskov Kommune", 1)]


def test_seats_are_filled_vacant_and_over_filled():
    slots = seats.expand([PLO, HE_MIDT, FAMILY], TOWNS)
    holders = [gp(1), gp(2), gp(3),
               Holder(id=4, person="Familiechef Randers", party_id=21, party_kind="municipality", role="member")]
    statuses, unmatched = seats.fill(slots, holders)
    states = [(s.slot.rule.id, s.slot.party_name, s.state, len(s.holders)) for s in statuses]
    assert states == [(1, "", "over", 3), (2, "Hospitalsenhed Midt", "vacant", 0),
                      (3, "Randers Kommune", "filled", 1), (3, "Favrskov Kommune", "vacant", 0)]
    assert unmatched == []
    assert seats.totals(statuses) == {"seats": 5, "filled": 3, "vacant": 2, "over": 1}
    assert statuses[0].state_label == "1 for mange"
    assert statuses[1].state_label == "1 ledig"


def test_substitutes_observers_and_the_secretariat_fill_no_seat():
    slots = seats.expand([PLO], [])
    statuses, unmatched = seats.fill(slots, [gp(1, "substitute"), gp(2, "secretariat"), gp(3, "observer")])
    assert statuses[0].holders == [] and unmatched == []


def test_a_member_no_rule_covers_is_outside_the_composition():
    slots = seats.expand([HE_MIDT], [])
    statuses, unmatched = seats.fill(slots, [gp(1)])
    assert unmatched == [gp(1)]


def test_a_named_party_slot_is_filled_before_a_party_kind_slot():
    hospitals = Rule(id=5, name="1 fra et hospital", label="direktør", seats=1, party_kind="hospital_unit")
    slots = seats.expand([hospitals, HE_MIDT], [])
    director = Holder(id=7, person="Direktør", party_id=10, party_kind="hospital_unit", role="member")
    statuses, _ = seats.fill(slots, [director])
    assert [len(s.holders) for s in statuses] == [0, 1]


def test_a_rule_with_a_role_takes_only_that_role():
    patients = Rule(id=6, name="2 patient- og pårørenderepræsentanter", label="repræsentanter", seats=2,
                    party_kind="patient_organisation", role="patient_representative")
    rep = Holder(id=8, person="Repræsentant", party_id=40, party_kind="patient_organisation", role="member")
    statuses, unmatched = seats.fill(seats.expand([patients], []), [rep])
    assert statuses[0].holders == [] and unmatched == [rep]


def test_adding_a_third_general_practitioner_warns_with_the_rule_named():
    slots = seats.expand([PLO], [])
    warnings = seats.warnings_for(slots, [gp(1), gp(2)], gp(3))
    assert warnings == ["Reglen “§ 10: 2 praktiserende læger udpeget af PLO” giver 2 pladser, og den er "
                        "allerede besat af Læge 1 og Læge 2."]


def test_adding_a_second_family_head_for_one_municipality_names_the_municipality():
    slots = seats.expand([FAMILY], TOWNS)
    first = Holder(id=1, person="A", party_id=22, party_kind="municipality", role="member")
    second = Holder(id=2, person="B", party_id=22, party_kind="municipality", role="member")
    [warning] = seats.warnings_for(slots, [first], second)
    assert "for Favrskov Kommune" in warning and "“1 familiechef pr. kommune”" in warning


def test_a_seat_with_room_gives_no_warning_and_no_rules_give_none():
    assert seats.warnings_for(seats.expand([PLO], []), [gp(1)], gp(2)) == []
    assert seats.warnings_for([], [gp(1), gp(2)], gp(3)) == []


def test_a_member_outside_every_rule_is_warned_about_with_the_party():
    warning = seats.warnings_for(seats.expand([HE_MIDT], []), [], gp(1), party_label="PLO-Midtjylland")
    assert warning == ["Ingen regel i sammensætningen giver plads til PLO-Midtjylland som medlem."]


def test_a_two_year_co_chair_term_splits_the_electoral_term_in_halves():
    term = (datetime.date(2026, 1, 1), datetime.date(2029, 12, 31))
    assert seats.seat_periods(*term, 2) == [(datetime.date(2026, 1, 1), datetime.date(2027, 12, 31)),
                                            (datetime.date(2028, 1, 1), datetime.date(2029, 12, 31))]
    assert seats.seat_periods(*term, 4) == [term]
    assert seats.seat_period_on(*term, 2, datetime.date(2028, 6, 1)) == (datetime.date(2028, 1, 1),
                                                                        datetime.date(2029, 12, 31))
