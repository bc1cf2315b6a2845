"""Initiatives through their life (issue 14, point 8): phases, progress reports, the final report to
the region-wide body and its decision whether to spread, the patient perspective.

Corpus, Lillebælt item 5: "Evaluering og afrapportering forelægges afslutningsvis
Sundhedssamarbejdsudvalget, som på den baggrund drøfter og beslutter, om den konkrete indsats skal udbredes."
"""

import datetime

import pytest

from klynge.funds import lifecycle
from klynge.funds.lifecycle import FinalReport, InitiativePhase, PatientPerspective, ProgressReport, SpreadDecision
from klynge.funds.models import Initiative
from klynge.meetings.choices import MeetingStatus
from klynge.organisation.models import Body, BodyKind

from ..meetings.factories import make_item, make_meeting

D = datetime.date
URL = "/klyngemidler/klynge-a/indsatser/10a/forloeb/"


# --- pure rules ------------------------------------------------------------------------------

def test_a_phase_may_not_end_before_it_starts_nor_start_before_an_earlier_phase():
    message = lifecycle.phase_problem("pilot", D(2023, 5, 1), D(2023, 4, 1), [])
    assert message == "Fasens slutdato ligger før startdatoen."
    message = lifecycle.phase_problem("pilot", D(2023, 1, 1), None, [("workshops", D(2023, 3, 1))])
    assert message == "Afprøvning (pilot) kan ikke starte før workshops (1. marts 2023)."
    message = lifecycle.phase_problem("problem", D(2023, 6, 1), None, [("pilot", D(2023, 3, 1))])
    assert message.startswith("Problembeskrivelse kan ikke starte efter afprøvning (pilot)")
    assert lifecycle.phase_problem("pilot", D(2023, 5, 1), None, [("workshops", D(2023, 3, 1))]) == ""


def test_the_current_phase_is_the_latest_phase_that_has_started():
    phases = [("problem", D(2023, 1, 1), D(2023, 2, 28)), ("workshops", D(2023, 3, 1), None),
              ("pilot", D(2023, 9, 1), None)]
    assert lifecycle.current_phase(phases, D(2022, 12, 1)) is None
    assert lifecycle.current_phase(phases, D(2023, 4, 1)) == "workshops"
    assert lifecycle.current_phase(phases, D(2024, 1, 1)) == "pilot"


def test_a_spread_decision_needs_its_date_and_cannot_precede_the_report():
    assert lifecycle.decision_problem(SpreadDecision.PENDING, D(2024, 1, 1), None) == ""
    assert lifecycle.decision_problem(SpreadDecision.SPREAD, D(2024, 1, 1), None) == "Angiv datoen for beslutningen."
    assert "før slutrapporten" in lifecycle.decision_problem(SpreadDecision.SPREAD, D(2024, 1, 1), D(2023, 12, 1))
    assert lifecycle.decision_problem(SpreadDecision.NOT_SPREAD, D(2024, 1, 1), D(2024, 2, 1)) == ""


# --- pages -----------------------------------------------------------------------------------

@pytest.fixture
def ssu(funded):
    kind = BodyKind.objects.get_or_create(name="Regionalt udvalg")[0]
    return Body.objects.create(name="Sundhedssamarbejdsudvalget (Testland)", slug="ssu-testland", kind=kind,
                               region=funded.region, active_from=D(2022, 7, 1))


def test_the_secretariat_records_phases_and_a_phase_out_of_order_is_refused_in_danish(funded, secretariat_user, login):
    client = login(secretariat_user)
    assert client.post(URL + "fase/ny/", {"kind": "workshops", "start": "2023-03-01"}).status_code == 302
    page = client.post(URL + "fase/ny/", {"kind": "pilot", "start": "2023-01-01"}).content.decode()
    assert "kan ikke starte før workshops" in page
    page = client.post(URL + "fase/ny/", {"kind": "workshops", "start": "2023-04-01"}).content.decode()
    assert "har allerede fasen workshops" in page
    assert InitiativePhase.objects.count() == 1
    page = client.get(URL).content.decode()
    assert "Indsatsen er i fasen <strong>workshops</strong>" in page


def test_the_final_report_goes_to_the_region_wide_body_and_links_its_decision(funded, ssu, secretariat_user, login,
                                                                              client):
    meeting = make_meeting(ssu, date=D(2024, 5, 8), status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(meeting, title="Udbredelse af Fælles forpligtende forløb")
    secretariat = login(secretariat_user)
    data = {"submitted_to": ssu.pk, "submitted_on": "2024-04-15", "summary": "Bedre koordinering, én indgang.",
            "decision": "spread", "decided_on": "", "decision_item": item.pk, "decision_note": ""}
    page = secretariat.post(URL + "slutrapport/", data).content.decode()
    assert "Angiv datoen for beslutningen." in page and not FinalReport.objects.exists()
    assert secretariat.post(URL + "slutrapport/", {**data, "decided_on": "2024-05-08"}).status_code == 302
    secretariat.logout()
    page = client.get(URL).content.decode()
    assert "Udbredes" in page and "punkt 1" in page and "Sundhedssamarbejdsudvalget (Testland)" in page


def test_the_decision_item_must_be_from_the_body_the_report_went_to(funded, ssu, secretariat_user, login):
    other = make_item(make_meeting(funded.political, date=D(2024, 5, 8), status=MeetingStatus.MINUTES_PUBLISHED))
    page = login(secretariat_user).post(URL + "slutrapport/", {
        "submitted_to": ssu.pk, "submitted_on": "2024-04-15", "summary": "x", "decision": "pending",
        "decision_item": other.pk}).content.decode()
    assert "Vælg et punkt fra et møde i det organ, slutrapporten er forelagt." in page
    assert not FinalReport.objects.exists()


def test_progress_reports_are_for_the_cluster_only_and_the_patient_perspective_is_public(
        funded, secretariat_user, other_cluster_user, member_user, login, client):
    initiative = Initiative.objects.get(number="10a")
    ProgressReport.objects.create(initiative=initiative, reported_on=D(2023, 6, 1),
                                  text="Intern status: rekruttering forsinket.")
    PatientPerspective.objects.create(initiative=initiative, perspective="Færre overgange for familien.",
                                      involvement="To repræsentanter fra Patientinddragelsesudvalget.")
    public = client.get(URL).content.decode()
    assert "Færre overgange for familien." in public and "rekruttering forsinket" not in public
    assert "rekruttering forsinket" not in login(other_cluster_user).get(URL).content.decode()
    assert "rekruttering forsinket" in login(member_user).get(URL).content.decode()


def test_only_the_cluster_secretariat_edits_the_life_of_an_initiative(funded, member_user, other_cluster_user, login,
                                                                     client):
    assert client.post(URL + "fase/ny/", {"kind": "problem", "start": "2023-01-01"}).status_code == 302  # login
    for user in (member_user, other_cluster_user):
        assert login(user).post(URL + "patientperspektiv/", {"perspective": "x"}).status_code == 403
    assert not InitiativePhase.objects.exists() and not PatientPerspective.objects.exists()


def test_the_initiative_page_links_to_its_life(funded, client):
    page = client.get("/klyngemidler/klynge-a/indsatser/10a/").content.decode()
    assert URL in page
