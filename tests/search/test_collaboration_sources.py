"""Agreements, goals, status reports, offers, delegations and written procedures in the one search,
and the canaries: a draft agreement, a questionnaire and its answers, an unpublished report, an
inactive offer and a procedure that is not public are never found by those who may not see them."""

import datetime
import re

from django.core.management import call_command
from django.utils import timezone

from klynge.agreements import actions as agreement_actions
from klynge.agreements.models import AgreementStatus, Answer, StatusReport
from klynge.governance import actions as governance
from klynge.governance.models import Delegation
from klynge.offers.models import Offer
from klynge.search.models import SearchDocument

from ..agreements.factories import make_agreement, make_framework, make_goal, make_round, scope

DAY = datetime.timedelta(days=1)


def text_of(response) -> str:
    return re.sub(r"</?mark>", "", response.content.decode())


def found(client, word) -> bool:
    page = text_of(client.get("/soeg/", {"q": word}))
    return "Ingen resultater" not in page and word in page.lower()


def _offer(structure, **fields):
    values = {"cluster": structure.cluster, "provider": structure.municipality, "title": "Ung i trivsel",
              "theme": "Børn og unge", "target_group": "children", "description": "Samtaleforløb zqtilbudstekst.",
              "entry_point": "Ring til visitationen.", "contact": "70 00 00 00"}
    values.update(fields)
    return Offer.objects.create(**values)


def test_an_approved_agreement_its_framework_goal_and_status_are_found_by_everyone(structure, client):
    fw = make_framework(structure.political, overall_goal="Mere lighed zqrammemaal")
    agreement = make_agreement(structure.political, fw, title="Samarbejdsaftale om zqrygestop",
                               summary="Fælles indsats zqaftaleresume")
    AgreementStatus.objects.create(agreement=agreement, as_of=datetime.date(2021, 6, 30), status="implementing",
                                   text="Implementeres i alle kommuner zqaftalestatus")
    make_goal(fw, title="75 % af de ældre zqvaccineres")
    page = text_of(client.get("/soeg/?q=zqrygestop"))
    assert "Samarbejdsaftale om zqrygestop" in page and "Aftale ·" in page
    assert agreement.get_absolute_url() in page
    for word in ("zqaftaleresume", "zqaftalestatus", "zqrammemaal", "zqvaccineres"):
        assert found(client, word), word
    goal_page = text_of(client.get("/soeg/?q=zqvaccineres&type=goal"))
    assert "Mål ·" in goal_page and "Mindst 75 %" in goal_page


def test_a_published_status_report_is_found_and_a_draft_report_is_not(structure, client, login, member_user):
    fw = make_framework(structure.political)
    report = StatusReport.objects.create(framework=fw, as_of=datetime.date(2021, 6, 30),
                                         foreword="Forord zqrapportforord")
    assert not found(client, "zqrapportforord")
    assert not found(login(member_user), "zqrapportforord"), "drafts are never indexed, not even for insiders"
    report.published_at = timezone.now()
    report.save()
    assert found(client, "zqrapportforord")
    assert report.get_absolute_url() in text_of(client.get("/soeg/?q=zqrapportforord"))


def test_an_active_offer_is_found_and_an_inactive_one_is_not(structure, client):
    offer = _offer(structure)
    page = text_of(client.get("/soeg/?q=zqtilbudstekst"))
    assert "Ung i trivsel" in page and "Tilbud til almen praksis" in page and f"#tilbud-{offer.pk}" in page
    offer.active = False
    offer.save()
    assert not found(client, "zqtilbudstekst")


def test_a_delegation_is_found_in_the_public_register(structure, client):
    Delegation.objects.create(body=structure.political, delegate="det politiske formandskab",
                              authority="at godkende zqbemyndigelse", valid_from=datetime.date(2024, 1, 1))
    page = text_of(client.get("/soeg/?q=zqbemyndigelse"))
    assert "Bemyndigelse: det politiske formandskab" in page and "#delegation-" in page


def test_a_decided_written_procedure_is_found_by_everyone_and_a_closed_one_only_by_insiders(
        structure, client, login, member_user, other_cluster_user, secretariat_user):
    deadline = timezone.now() + 3 * DAY
    member = member_user.person
    public = governance.start_procedure(body=structure.political, title="Procedure om zqaabenprocedure",
                                        proposal="Forslag", deadline=deadline, persons=[member])
    assert not found(client, "zqaabenprocedure"), "no outcome while it runs"
    assert not found(login(member_user), "zqaabenprocedure")
    governance.close_procedure(public, "Beslutning zqproceduresvar")
    assert found(client, "zqaabenprocedure") and found(client, "zqproceduresvar")

    closed = governance.start_procedure(body=structure.political, title="Procedure om zqlukketudfald",
                                        proposal="Forslag", deadline=deadline, persons=[member], closed_item=True)
    governance.close_procedure(closed, "Beslutning zqlukketudfald")
    client.logout()
    assert not found(client, "zqlukketudfald")
    assert not found(login(other_cluster_user), "zqlukketudfald")
    assert found(login(member_user), "zqlukketudfald")
    assert found(login(secretariat_user), "zqlukketudfald")


def test_a_procedure_marked_closed_later_disappears_from_public_search_at_once(structure, client, member_user):
    procedure = governance.start_procedure(body=structure.political, title="Procedure om zqsenerelukket",
                                           proposal="Forslag", deadline=timezone.now() + DAY,
                                           persons=[member_user.person])
    governance.close_procedure(procedure, "Godkendt")
    assert found(client, "zqsenerelukket")
    type(procedure).objects.filter(pk=procedure.pk).update(closed_item=True)  # no signal: the rule still holds
    assert not found(client, "zqsenerelukket")


def test_canary_drafts_questionnaires_and_answers_never_appear_in_search_for_anonymous_users(
        structure, client, django_capture_on_commit_callbacks):
    fw = make_framework(structure.political)
    make_agreement(structure.political, fw, approved=False, title="Aftaleudkast zqkanariudkast",
                   summary="zqkanariresume")
    approved = make_agreement(structure.political, fw, title="Godkendt aftale om diabetes")
    scope(approved, structure.cluster, [structure.municipality])
    round_ = make_round(approved, timezone.localdate() + 10 * DAY, title="Runde zqkanarirunde",
                        intro="zqkanariintro")
    question = round_.questions.first()
    question.text = "Spørgsmål zqkanarispoergsmaal"
    question.save()
    with django_capture_on_commit_callbacks(execute=True):
        agreement_actions.send_round(round_)
    recipient = round_.recipients.get()
    Answer.objects.create(recipient=recipient, question=round_.questions.get(position=2), text="zqkanarisvar")
    agreement_actions.save_consolidated(round_, structure.cluster, {question.pk: "zqkanarisamlet"}, "", None)
    StatusReport.objects.create(framework=fw, as_of=datetime.date(2021, 6, 30), foreword="zqkanarirapport")
    _offer(structure, description="zqkanaritilbud", active=False)
    call_command("search", "reindex")  # the rebuilt index holds none of them either
    for word in ("zqkanariudkast", "zqkanariresume", "zqkanarirunde", "zqkanariintro", "zqkanarispoergsmaal",
                 "zqkanarisvar", "zqkanarisamlet", "zqkanarirapport", "zqkanaritilbud"):
        assert not found(client, word), word
        assert not SearchDocument.objects.filter(text__icontains=word).exists(), word
        assert not SearchDocument.objects.filter(title__icontains=word).exists(), word
    assert found(client, "diabetes")


def test_reindex_covers_the_new_sources_and_initiatives_and_indicators_are_indexed(structure, client):
    from klynge.funds.models import Initiative
    from klynge.indicators.models import Indicator

    fw = make_framework(structure.political)
    make_agreement(structure.political, fw)
    make_goal(fw)
    StatusReport.objects.create(framework=fw, as_of=datetime.date(2021, 6, 30), published_at=timezone.now())
    _offer(structure)
    Delegation.objects.create(body=structure.political, delegate="formandskabet", authority="at godkende",
                              valid_from=datetime.date(2024, 1, 1))
    Initiative.objects.create(cluster=structure.cluster, number="7", title="Fælles zqindsats",
                              project_owner=structure.municipality)
    Indicator.objects.create(name="Genindlæggelser zqindikator", slug="genindlaeggelser")
    SearchDocument.objects.all().delete()
    call_command("search", "reindex")
    kinds = set(SearchDocument.objects.values_list("kind", flat=True))
    assert {"agreement", "framework", "goal", "status_report", "offer", "delegation", "initiative",
            "indicator"} <= kinds
    assert found(client, "zqindsats") and found(client, "zqindikator")
