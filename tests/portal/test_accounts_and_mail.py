"""Accounts (17) and notification choices and cancellations (19) of issue 13."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from klynge.meetings.choices import MeetingStatus
from klynge.meetings.models import MailPreference
from klynge.meetings.publishing.notify import recipients, send_meeting_cancelled
from klynge.organisation.models import Membership, Person
from tests.conftest import PASSWORD
from tests.meetings.factories import make_meeting, make_membership, make_person

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _link(body: str) -> str:
    return re.search(r"http://[^\s]+/ny-adgangskode/[^\s]+/", body).group(0)


def test_forgotten_password_mails_a_one_use_link_to_the_site_address_and_it_sets_a_new_password(
        structure, member_user, settings, django_capture_on_commit_callbacks):
    settings.KLYNGE_SITE_URL = "http://klynge.example.invalid"
    settings.ALLOWED_HOSTS = ["*"]  # even where any Host is accepted, the link uses the site's address
    member_user.email = "medlem@example.invalid"
    member_user.save()
    client = Client()
    page = client.get(reverse("login")).content.decode()
    assert reverse("password_reset") in page and "Glemt adgangskode?" in page
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        response = client.post(reverse("password_reset"), {"email": "medlem@example.invalid"},
                               HTTP_HOST="evil.example.invalid")
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Ny adgangskode til Klynge"
    assert "evil.example" not in message.body
    link = _link(message.body)
    assert link.startswith("http://klynge.example.invalid/ny-adgangskode/")
    assert "Vælg, hvilke e-mails du får fra Klynge: http://klynge.example.invalid/mit-overblik/e-mails/" in message.body
    form = client.get(link.replace("http://klynge.example.invalid", ""), follow=True)
    assert "Vælg ny adgangskode" in form.content.decode()
    done = client.post(form.redirect_chain[-1][0], {"new_password1": "Grøn-Kaffe-2026!", "new_password2":
                                                    "Grøn-Kaffe-2026!"})
    assert done.status_code == 302
    member_user.refresh_from_db()
    assert member_user.check_password("Grøn-Kaffe-2026!")
    again = client.get(link.replace("http://klynge.example.invalid", ""), follow=True).content.decode()
    assert "Linket virker ikke" in again


def test_repeated_reset_requests_for_one_address_stop_mailing_after_the_hourly_limit_with_the_same_answer(
        structure, member_user, settings, django_capture_on_commit_callbacks):
    settings.KLYNGE_PASSWORD_RESET_PER_HOUR = 2
    member_user.email = "medlem@example.invalid"
    member_user.save()
    client = Client()
    answers = []
    for _ in range(4):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("password_reset"), {"email": "MEDLEM@example.invalid"})
        answers.append((response.status_code, response["Location"]))
    assert answers == [(302, reverse("password_reset_done"))] * 4
    assert len(mail.outbox) == 2


def test_an_unknown_address_gets_the_same_answer_and_no_mail(structure):
    response = Client().post(reverse("password_reset"), {"email": "ingen@example.invalid"})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_a_user_changes_their_own_password_with_the_old_one(structure, member_user):
    client = _client(member_user)
    wrong = client.post(reverse("password_change"), {"old_password": "forkert", "new_password1": "Blå-Te-2026!!",
                                                     "new_password2": "Blå-Te-2026!!"})
    assert wrong.status_code == 200 and "form-error-message" in wrong.content.decode()
    right = client.post(reverse("password_change"), {"old_password": PASSWORD, "new_password1": "Blå-Te-2026!!",
                                                     "new_password2": "Blå-Te-2026!!"})
    assert right.status_code == 302
    member_user.refresh_from_db()
    assert member_user.check_password("Blå-Te-2026!!")


def test_the_secretariat_creates_a_person_in_its_body_and_invites_them(
        structure, secretariat_user, settings, django_capture_on_commit_callbacks):
    settings.KLYNGE_SITE_URL = "http://klynge.example.invalid"
    client = _client(secretariat_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("person_add", args=[structure.political.slug]), {
            "name": "Nina Ny", "title": "Byrådsmedlem", "email": "nina@example.invalid",
            "organisation": structure.municipality.pk, "role": "member", "start": "2026-12-01", "invite": "on",
        })
    assert response.status_code == 302
    person = Person.objects.get(name="Nina Ny")
    membership = Membership.objects.get(person=person)
    assert membership.body == structure.political and membership.organisation == structure.municipality
    assert person.user is not None and not person.user.has_usable_password()
    assert person.affiliations.filter(organisation=structure.municipality).exists()
    message = mail.outbox[-1]
    assert message.to == ["nina@example.invalid"] and message.subject == "Invitation til Klynge"
    assert "Sekretariat A har oprettet dig" in message.body and "nina@example.invalid" in message.body
    link = _link(message.body).replace("http://klynge.example.invalid", "")
    invited = Client()
    form = invited.get(link, follow=True)
    invited.post(form.redirect_chain[-1][0], {"new_password1": "Rød-Saft-2026!", "new_password2": "Rød-Saft-2026!"})
    person.user.refresh_from_db()
    assert person.user.check_password("Rød-Saft-2026!")


def test_creating_a_person_is_refused_outside_the_bodies_one_serves_and_a_duplicate_address_is_named(
        structure, secretariat_user, other_cluster_user, member_user):
    data = {"name": "Nina Ny", "email": "medlem-a@example.invalid", "role": "member", "start": "2026-12-01",
            "invite": "on"}
    assert _client(other_cluster_user).post(reverse("person_add", args=[structure.political.slug]),
                                            data).status_code == 403
    assert _client(member_user).post(reverse("person_add", args=[structure.political.slug]),
                                     data).status_code == 403
    response = _client(secretariat_user).post(reverse("person_add", args=[structure.political.slug]), data)
    assert response.status_code == 200 and "Der findes allerede" in response.content.decode()
    assert not Person.objects.filter(name="Nina Ny").exists() and mail.outbox == []


def test_a_member_opts_out_of_agenda_mails_but_still_gets_cancellations(structure, member_user):
    client = _client(member_user)
    page = client.get(reverse("meetings:mail_settings")).content.decode()
    assert "Dagsordener, når de offentliggøres" in page
    client.post(reverse("meetings:mail_settings"), {"minutes": "on", "review": "on", "cancellation": "on",
                                                    "reminders": "on"})
    preference = MailPreference.objects.get(person=member_user.person)
    assert preference.agenda is False and preference.cancellation is True
    meeting = make_meeting(structure.political)
    assert ("Medlem A", "medlem-a@example.invalid") not in recipients(meeting, "agenda")
    assert ("Medlem A", "medlem-a@example.invalid") in recipients(meeting, "cancellation")


def test_cancelling_a_meeting_mails_the_members_with_the_reason_and_the_settings_link(
        structure, secretariat_user, django_capture_on_commit_callbacks, settings):
    settings.KLYNGE_SITE_URL = "http://klynge.example.invalid"
    anna = make_person("Anna Andersen", email="anna@example.invalid")
    make_membership(anna, structure.political)
    meeting = make_meeting(structure.political, status=MeetingStatus.PLANNED)
    with django_capture_on_commit_callbacks(execute=True):
        _client(secretariat_user).post(reverse("meetings:meeting_status", args=[meeting.pk]),
                                       {"status": "cancelled", "reason": "For få punkter"})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    message = next(m for m in mail.outbox if m.to == ["anna@example.invalid"])
    assert message.subject.startswith("Aflyst: Klynge A – Politisk niveau")
    assert "For få punkter" in message.body and "er aflyst" in message.body
    assert "http://klynge.example.invalid/mit-overblik/e-mails/" in message.body


def test_a_cancellation_resumed_before_the_job_runs_sends_nothing(structure):
    meeting = make_meeting(structure.political, status=MeetingStatus.PLANNED)
    make_membership(make_person("Anna Andersen", email="anna@example.invalid"), structure.political)
    assert send_meeting_cancelled(meeting.pk) == 0 and mail.outbox == []


def test_the_accessibility_statement_is_linked_from_every_footer(structure):
    front = Client().get(reverse("front")).content.decode()
    assert reverse("accessibility") in front
    page = Client().get(reverse("accessibility")).content.decode()
    for heading in ("Overensstemmelsesstatus", "Indhold, der ikke er tilgængeligt", "Feedback og kontaktoplysninger",
                    "Håndhævelsesprocedure", "Udarbejdelse af tilgængelighedserklæringen"):
        assert heading in page


def test_no_user_is_created_when_invite_is_off(structure, secretariat_user):
    before = get_user_model().objects.count()
    _client(secretariat_user).post(reverse("person_add", args=[structure.political.slug]), {
        "name": "Uden Bruger", "role": "member", "start": "2026-12-01"})
    assert Person.objects.filter(name="Uden Bruger", user__isnull=True).exists()
    assert get_user_model().objects.count() == before


def test_a_failing_mail_server_loses_no_invitation_and_shows_the_failure_to_the_bodys_secretariat(
        structure, secretariat_user, settings, django_capture_on_commit_callbacks):
    from klynge.outbox.models import MailStatus, OutgoingMail

    settings.EMAIL_BACKEND = "tests.outbox.failing_backend.RefusingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        _client(secretariat_user).post(reverse("person_add", args=[structure.political.slug]), {
            "name": "Nina Ny", "email": "nina@example.invalid", "role": "member", "start": "2026-12-01",
            "invite": "on"})
    row = OutgoingMail.objects.get(to="nina@example.invalid")
    assert row.kind == "invitation" and row.body == structure.political and row.status != MailStatus.SENT
    assert row.attempts >= 1 and row.last_error
    page = _client(secretariat_user).get("/udbakke/").content.decode()
    assert "nina@example.invalid" in page
