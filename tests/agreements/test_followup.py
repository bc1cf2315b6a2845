"""Follow-up rounds end to end through the pages: links, answers, deadlines, consolidated answers."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from klynge.agreements import actions
from klynge.agreements.choices import ConsolidatedStatus, ImplementationStatus
from klynge.agreements.models import (
    Answer,
    ConsolidatedAnswer,
    FollowUpRound,
    Goal,
    Implementation,
    ImplementationUpdate,
    Recipient,
)
from klynge.meetings.choices import ItemKind

from ..meetings.factories import make_meeting
from .factories import make_agreement, make_framework, make_goal, make_round, scope

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def world(structure):
    s = structure
    agreement = make_agreement(s.political, make_framework(s.political))
    scope(agreement, s.cluster, [s.municipality, s.hospital])
    return agreement


def _links(outbox):
    return [re.search(r"/aftaler/svar/([^/\s]+)/", m.body).group(1) for m in outbox]


def test_sending_a_round_mails_each_contact_person_a_personal_link_and_stores_only_its_hash(
        world, django_capture_on_commit_callbacks):
    round_ = make_round(world, TODAY + 10 * DAY)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_round(round_) == 2
    tokens = _links(mail.outbox)
    assert len(set(tokens)) == 2
    stored = set(Recipient.objects.values_list("token_hash", flat=True))
    assert not stored & set(tokens), "the token itself is never stored"
    assert all(Recipient.by_token(t) is not None for t in tokens)


def test_a_round_with_no_recipients_is_refused_in_danish_and_stays_a_draft(structure):
    agreement = make_agreement(structure.political)
    scope(agreement, structure.cluster, [structure.municipality], emails=False)
    round_ = make_round(agreement, TODAY + 10 * DAY)
    with pytest.raises(ValidationError, match="ingen modtagere"):
        actions.send_round(round_)
    round_.refresh_from_db()
    assert round_.status == "draft" and not Recipient.objects.exists()


def test_a_contact_person_answers_through_the_link_without_an_account_and_may_edit_until_the_deadline(
        world, django_capture_on_commit_callbacks):
    round_ = make_round(world, TODAY + 10 * DAY)
    with django_capture_on_commit_callbacks(execute=True):
        actions.send_round(round_)
    token = _links(mail.outbox)[0]
    q1, q2, q3 = round_.questions.all()
    client = Client()
    page = client.get(f"/aftaler/svar/{token}/")
    assert page.status_code == 200 and "Spørgsmål 1" in page.content.decode()
    response = client.post(f"/aftaler/svar/{token}/", {f"q{q1.pk}": "ja", f"q{q2.pk}": "Vi er i gang",
                                                      f"q{q3.pk}": "4"})
    assert response.status_code == 302
    response = client.post(f"/aftaler/svar/{token}/", {f"q{q1.pk}": "nej", f"q{q2.pk}": "Rettet",
                                                      f"q{q3.pk}": "5"})
    assert response.status_code == 302
    answers = {a.question_id: a for a in Answer.objects.all()}
    assert len(answers) == 3 and answers[q1.pk].yes is False and answers[q2.pk].text == "Rettet"
    assert answers[q3.pk].number == 5


def test_a_scale_answer_out_of_range_is_refused_with_the_question_named_and_nothing_saved(
        world, django_capture_on_commit_callbacks):
    round_ = make_round(world, TODAY + 10 * DAY)
    with django_capture_on_commit_callbacks(execute=True):
        actions.send_round(round_)
    token = _links(mail.outbox)[0]
    q1, q2, q3 = round_.questions.all()
    response = Client().post(f"/aftaler/svar/{token}/", {f"q{q1.pk}": "ja", f"q{q3.pk}": "9"})
    assert response.status_code == 400
    assert "Spørgsmål 3: vælg et tal fra 1 til 5" in response.content.decode()
    assert not Answer.objects.exists()


def test_an_answer_after_the_deadline_is_refused_in_danish_and_nothing_is_saved(
        world, django_capture_on_commit_callbacks):
    round_ = make_round(world, TODAY + 10 * DAY)
    with django_capture_on_commit_callbacks(execute=True):
        actions.send_round(round_)
    token = _links(mail.outbox)[0]
    FollowUpRound.objects.filter(pk=round_.pk).update(deadline=TODAY - DAY)
    q1 = round_.questions.first()
    response = Client().post(f"/aftaler/svar/{token}/", {f"q{q1.pk}": "ja"})
    text = response.content.decode()
    assert response.status_code == 400 and "Svarfristen udløb" in text
    assert not Answer.objects.exists()


def test_an_expired_or_unknown_link_shows_a_danish_message_and_nothing_of_the_questionnaire(
        world, django_capture_on_commit_callbacks):
    round_ = make_round(world, TODAY + 10 * DAY)
    with django_capture_on_commit_callbacks(execute=True):
        actions.send_round(round_)
    token = _links(mail.outbox)[0]
    Recipient.objects.update(expires_at=timezone.now() - DAY)
    response = Client().get(f"/aftaler/svar/{token}/")
    assert response.status_code == 410 and "Linket er udløbet" in response.content.decode()
    assert "Spørgsmål 1" not in response.content.decode()
    response = Client().post(f"/aftaler/svar/{token}/", {})
    assert response.status_code == 410 and not Answer.objects.exists()
    unknown = Client().get("/aftaler/svar/findes-ikke/")
    assert unknown.status_code == 404 and "Linket er ugyldigt" in unknown.content.decode()


def test_the_cluster_secretariat_writes_and_submits_the_consolidated_answer_once(
        world, structure, secretariat_user, django_capture_on_commit_callbacks):
    round_ = make_round(world, TODAY + 10 * DAY)
    with django_capture_on_commit_callbacks(execute=True):
        actions.send_round(round_)
    client = Client()
    client.force_login(secretariat_user)
    q1, q2, q3 = round_.questions.all()
    url = f"/aftaler/runder/{round_.pk}/klynge/{structure.cluster.slug}/"
    assert client.post(url, {f"q{q1.pk}": "Ja i alle kommuner", f"q{q2.pk}": "Samlet tekst"}).status_code == 302
    assert client.post(url + "indsend/").status_code == 302
    consolidated = ConsolidatedAnswer.objects.get()
    assert consolidated.status == ConsolidatedStatus.SUBMITTED and consolidated.submitted_by == secretariat_user
    with pytest.raises(ValidationError, match="allerede indsendt"):
        actions.submit_consolidated(round_, structure.cluster, secretariat_user)
    response = client.post(url + "indsend/", follow=True)
    assert "allerede indsendt" in response.content.decode()
    response = client.post(url, {f"q{q1.pk}": "Ændret bagefter"})
    assert response.status_code == 400 and "kan ikke ændres" in response.content.decode()
    assert consolidated.items.get(question=q1).text == "Ja i alle kommuner"


def test_a_status_for_a_party_not_in_scope_is_refused_in_danish_and_nothing_is_saved(world, structure):
    with pytest.raises(ValidationError, match="er ikke omfattet af aftalen"):
        actions.set_status(world, structure.other_cluster, structure.municipality, ImplementationStatus.IMPLEMENTED)
    assert not ImplementationUpdate.objects.exists()
    row = actions.set_status(world, structure.cluster, structure.municipality, ImplementationStatus.IMPLEMENTING,
                             "I gang", TODAY)
    assert row.status == "implementing" and ImplementationUpdate.objects.count() == 1


def test_a_goal_without_a_unit_is_refused_with_a_danish_message(structure):
    framework = make_framework(structure.political)
    with pytest.raises(ValidationError, match="enhed"):
        make_goal(framework, unit="  ")
    goal = Goal(framework=framework, title="Mål", unit="")
    with pytest.raises(ValidationError) as error:
        goal.full_clean()
    assert "skal have en enhed" in str(error.value)
    assert not Goal.objects.exists()


def test_a_written_briefing_goes_on_the_coming_meeting_with_the_text_and_the_agreement_linked(
        world, structure, secretariat_user, django_capture_on_commit_callbacks):
    round_ = make_round(world, TODAY + 10 * DAY)
    meeting = make_meeting(structure.political, date=TODAY + 20 * DAY)
    client = Client()
    client.force_login(secretariat_user)
    response = client.post(f"/aftaler/runder/{round_.pk}/skriftlig-orientering/", {
        "meeting": meeting.pk, "title": "Opfølgning på rygestop", "summary": "Resumé",
        "description": "Status fra klyngen"})
    assert response.status_code == 302
    item = meeting.items.get()
    assert item.kind == ItemKind.WRITTEN_BRIEFING and item.title == "Skriftlig orientering: Opfølgning på rygestop"
    assert list(world.treated_in.all()) == [item]
    page = client.get(world.get_absolute_url()).content.decode()
    assert "Skriftlig orientering: Opfølgning på rygestop" in page


def test_the_owning_body_exports_the_consolidated_answers_as_excel_and_word(
        world, structure, secretariat_user):
    import io

    from docx import Document
    from openpyxl import load_workbook

    round_ = make_round(world, TODAY + 10 * DAY)
    q1 = round_.questions.first()
    actions.save_consolidated(round_, structure.cluster, {q1.pk: "Klyngens svar zz"}, "", secretariat_user)
    client = Client()
    client.force_login(secretariat_user)
    book = load_workbook(io.BytesIO(client.get(f"/aftaler/runder/{round_.pk}/svar.xlsx").content))
    assert book["Samlede svar"]["B6"].value == "Klyngens svar zz"
    word = Document(io.BytesIO(client.get(f"/aftaler/runder/{round_.pk}/svar.docx").content))
    assert any("Klyngens svar zz" in c.text for t in word.tables for r in t.rows for c in r.cells)


def test_reminders_go_only_to_those_who_have_not_answered_when_one_is_due(
        world, django_capture_on_commit_callbacks):
    round_ = make_round(world, TODAY + 2 * DAY, reminder_days="7, 2")
    with django_capture_on_commit_callbacks(execute=True):
        actions.send_round(round_)
    first = Recipient.objects.first()
    first.answered_at = timezone.now()
    first.save()
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_reminders(round_) == 1
        assert actions.send_reminders(round_) == 1  # the 2-day point, also passed
        assert actions.send_reminders(round_) == 0
    assert len(mail.outbox) == 2 and all("Påmindelse" in m.subject for m in mail.outbox)


def test_implementation_rows_are_unique_per_agreement_cluster_and_party(world, structure):
    actions.set_scope(world, structure.cluster, [structure.municipality])
    assert Implementation.objects.filter(agreement=world).count() == 3


def test_invitations_go_through_the_outbox_owned_by_the_rounds_body_and_the_link_is_erased_once_sent(
        world, structure, django_capture_on_commit_callbacks):
    from klynge.outbox.models import OutgoingMail

    round_ = make_round(world, TODAY + 10 * DAY)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        actions.send_round(round_)
    rows = list(OutgoingMail.objects.filter(kind="agreements_invitation"))
    assert len(rows) == 2 and {r.body_id for r in rows} == {structure.political.pk}
    assert len(mail.outbox) == 2
    assert all("/aftaler/svar/" not in r.text for r in OutgoingMail.objects.all()), "the link is not kept"


def test_a_status_change_goes_on_a_coming_meeting_as_a_written_briefing(world, structure, secretariat_user):
    actions.set_status(world, structure.cluster, structure.municipality, ImplementationStatus.IMPLEMENTED,
                       "Alle hold i gang", TODAY)
    meeting = make_meeting(structure.political, date=TODAY + 20 * DAY)
    client = Client()
    client.force_login(secretariat_user)
    form = client.get(f"/aftaler/aftale/{world.slug}/skriftlig-orientering/").content.decode()
    assert "Testby Kommune (Klynge A): Implementeret" in form and "Alle hold i gang" in form
    response = client.post(f"/aftaler/aftale/{world.slug}/skriftlig-orientering/", {
        "meeting": meeting.pk, "title": "Status på rygestop", "description": "Implementeret i Testby"})
    assert response.status_code == 302
    item = meeting.items.get()
    assert item.title == "Skriftlig orientering: Status på rygestop" and world.treated_in.filter(pk=item.pk).exists()


def test_the_briefing_form_names_each_coming_meeting_with_a_danish_date(world, structure, secretariat_user):
    from klynge.core import formats

    round_ = make_round(world, TODAY + 10 * DAY)
    meeting = make_meeting(structure.political, date=TODAY + 20 * DAY)
    client = Client()
    client.force_login(secretariat_user)
    form = client.get(f"/aftaler/runder/{round_.pk}/skriftlig-orientering/").content.decode()
    assert f"{structure.political} – {formats.date(meeting.date)}" in form
    assert f"{meeting.date:%d.%m.%Y}" not in form


def test_each_consolidated_answer_field_says_which_question_it_answers(world, structure, secretariat_user):
    round_ = make_round(world, TODAY + 10 * DAY)
    client = Client()
    client.force_login(secretariat_user)
    page = client.get(f"/aftaler/runder/{round_.pk}/klynge/{structure.cluster.slug}/").content.decode()
    for position in (1, 2, 3):
        assert f'Klyngens samlede svar<span class="sr-only"> på spørgsmål {position}</span>' in page


def test_an_answer_submitted_just_after_midnight_danish_time_carries_that_day_in_the_exports(
        world, structure, secretariat_user):
    import io

    from openpyxl import load_workbook

    from klynge.agreements import exports

    round_ = make_round(world, TODAY + 10 * DAY)
    q1 = round_.questions.first()
    actions.save_consolidated(round_, structure.cluster, {q1.pk: "Svar"}, "", secretariat_user)
    # 22:30 UTC on 6 June is 00:30 on 7 June in Denmark (summer time)
    just_after_midnight = datetime.datetime(2023, 6, 6, 22, 30, tzinfo=datetime.UTC)
    actions.submit_consolidated(round_, structure.cluster, secretariat_user, now=just_after_midnight)
    assert exports.side_by_side(round_).status[0][1] == "Indsendt 7. juni 2023"
    book = load_workbook(io.BytesIO(exports.xlsx(round_)))
    assert book["Samlede svar"]["B5"].value == "Indsendt 7. juni 2023"
