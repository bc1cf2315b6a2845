"""A body's composition: seat rules as dated versions, the body page's seats, the membership warning."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from klynge.organisation import composition
from klynge.organisation.choices import OrganisationKind, Role
from klynge.organisation.models import CompositionVersion, Membership, Organisation, Person, SeatRule

D = datetime.date


@pytest.fixture
def plo(structure):
    return Organisation.objects.create(name="PLO-Testland", kind=OrganisationKind.GENERAL_PRACTICE)


@pytest.fixture
def rules(structure, plo):
    version = CompositionVersion.objects.create(body=structure.political, valid_from=D(2022, 7, 1),
                                                source="Kommissorium § 10")
    SeatRule.objects.create(version=version, position=1, label="praktiserende læger", seats=2,
                            party_kind=OrganisationKind.GENERAL_PRACTICE, appointed_by=plo,
                            source_text="§ 10: 2 praktiserende læger udpeget af PLO")
    SeatRule.objects.create(version=version, position=2, label="familiechef", seats=1, per_municipality=True,
                            source_text="1 familiechef pr. kommune")
    return version


def _gp(structure, plo, name):
    return Membership.objects.create(person=Person.objects.create(name=name), body=structure.political,
                                     role=Role.MEMBER, organisation=plo, start=D(2022, 7, 1))


def test_a_seat_rule_with_no_party_is_refused_in_danish_and_nothing_is_saved(structure, rules, secretariat_user,
                                                                             login):
    client = login(secretariat_user)
    before = SeatRule.objects.count()
    response = client.post(f"/organer/{structure.political.slug}/sammensaetning/regel/ny/",
                           {"label": "direktør", "seats": "1", "source_text": "1 direktør"})
    assert response.status_code == 200
    assert "Reglen mangler en part: vælg en bestemt part, en partstype eller “pr. kommune”." \
        in response.content.decode()
    assert SeatRule.objects.count() == before


def test_a_rule_per_municipality_expands_to_the_municipalities_of_the_cluster(structure, rules):
    state = composition.status(structure.political, D(2024, 1, 1))
    assert [(s.slot.rule.name, s.slot.party_name) for s in state.statuses] == [
        ("§ 10: 2 praktiserende læger udpeget af PLO", "Almen praksis"),
        ("1 familiechef pr. kommune", "Testby Kommune")]
    assert state.totals == {"seats": 3, "filled": 0, "vacant": 3, "over": 0}


def test_the_body_page_shows_seats_filled_vacant_and_over_filled(structure, rules, plo, client):
    for name in ("Læge Et", "Læge To", "Læge Tre"):
        _gp(structure, plo, name)
    page = client.get(f"/organer/{structure.political.slug}/").content.decode()
    section = page.split('id="sammensaetning"')[1].split('id="medlemmer"')[0]
    assert "§ 10: 2 praktiserende læger udpeget af PLO" in section
    assert "1 for mange" in section and "1 ledig" in section
    assert "Læge Tre" in section


def test_adding_a_membership_that_breaks_a_rule_warns_with_the_rule_named_and_saves_only_when_confirmed(
        structure, rules, plo, secretariat_user, login):
    _gp(structure, plo, "Læge Et")
    _gp(structure, plo, "Læge To")
    third = Person.objects.create(name="Læge Tre")
    client = login(secretariat_user)
    url = f"/organer/{structure.political.slug}/medlemmer/ny/"
    data = {"person": third.pk, "role": Role.MEMBER, "organisation": plo.pk, "start": "2024-01-01"}
    page = client.post(url, data).content.decode()
    assert "Reglen “§ 10: 2 praktiserende læger udpeget af PLO” giver 2 pladser" in page
    assert "Tilføj alligevel" in page
    assert not Membership.objects.filter(person=third).exists()
    response = client.post(url, {**data, "confirm_composition": "on"})
    assert response.status_code == 302
    membership = Membership.objects.get(person=third)
    assert "Tilføjet trods advarsel" in membership.history.first().history_change_reason


def test_a_membership_within_the_rules_is_added_without_a_warning(structure, rules, plo, secretariat_user, login):
    person = Person.objects.create(name="Læge Et")
    response = login(secretariat_user).post(f"/organer/{structure.political.slug}/medlemmer/ny/", {
        "person": person.pk, "role": Role.MEMBER, "organisation": plo.pk, "start": "2024-01-01"})
    assert response.status_code == 302
    assert Membership.objects.filter(person=person).exists()


def test_a_new_version_ends_the_previous_copies_its_rules_and_refuses_an_earlier_date(structure, rules):
    new = composition.add_version(structure.political, D(2024, 7, 1), source="DEMO: en ekstra plads")
    rules.refresh_from_db()
    assert rules.valid_to == D(2024, 6, 30)
    assert new.rules.count() == 2
    assert composition.version_on(structure.political, D(2024, 6, 30)) == rules
    assert composition.version_on(structure.political, D(2024, 7, 1)) == new
    with pytest.raises(ValidationError) as error:
        composition.add_version(structure.political, D(2024, 1, 1))
    assert "efter den gældende version" in str(error.value)
    assert CompositionVersion.objects.filter(body=structure.political).count() == 2


def test_the_version_page_links_the_decision_that_approved_it(structure, rules, client):
    from klynge.meetings.choices import MeetingStatus, Outcome
    from klynge.meetings.models import CompositionApproval
    from tests.meetings.factories import make_item, make_meeting, make_recommendation

    meeting = make_meeting(structure.political, date=D(2024, 6, 12), status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(meeting, title="Ekstra plads til almen praksis")
    recommendation = make_recommendation(item, outcome=Outcome.APPROVED)
    new = composition.add_version(structure.political, D(2024, 7, 1))
    CompositionApproval.objects.create(version=new, item=item, recommendation=recommendation)
    page = client.get(f"/organer/{structure.political.slug}/sammensaetning/").content.decode()
    assert "Godkendt af Klynge A – Politisk niveau 12. juni 2024" in page
    assert item.get_absolute_url() in page


def test_a_term_aligned_with_the_electoral_term_shows_its_current_period(structure, rules):
    from klynge.organisation.models import ElectoralTerm, TermKind

    ElectoralTerm.objects.create(name="Valgperioden 2026-2029", kind=TermKind.MUNICIPAL, start=D(2026, 1, 1),
                                 end=D(2029, 12, 31))
    rule = SeatRule(version=rules, label="kommunal medformand", seats=1, party_kind=OrganisationKind.MUNICIPALITY,
                    role=Role.CO_CHAIR, term_years=2, term_kind=TermKind.MUNICIPAL)
    rule.full_clean()
    assert composition.seat_period(rule, D(2028, 3, 1)) == (D(2028, 1, 1), D(2029, 12, 31))
    rule.term_years = 3
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert "1, 2 eller 4 år" in str(error.value)


def test_only_the_secretariat_edits_the_composition(structure, rules, member_user, login):
    client = login(member_user)
    assert client.get(f"/organer/{structure.political.slug}/sammensaetning/regel/ny/").status_code == 403
    assert client.get(f"/organer/{structure.political.slug}/sammensaetning/ny/").status_code == 403
    rule = rules.rules.first()
    assert client.post(f"/organer/{structure.political.slug}/sammensaetning/",
                       {"delete_rule": rule.pk}).status_code == 403
    assert SeatRule.objects.filter(pk=rule.pk).exists()
