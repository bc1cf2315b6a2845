"""E-mails to members when an agenda or minutes are published."""

import datetime

import pytest
from django.core import mail
from django.db import transaction

from klynge.meetings.choices import MeetingStatus
from klynge.meetings.publishing.notify import notify_agenda_published, notify_minutes_published, recipients
from klynge.organisation.choices import Role

from .factories import CLOSED_SECRETS, make_corpus_meeting, make_membership, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(structure):
    """Two active members with e-mail, one without, one former member, one of another body."""
    people = {
        "active": make_person("Anna Andersen", email="anna@example.invalid"),
        "chair": make_person("Bent Bach", email="bent@example.invalid"),
        "no_mail": make_person("Carl Uden Mail"),
        "former": make_person("Dorte Tidligere", email="dorte@example.invalid"),
        "elsewhere": make_person("Erik Andetsteds", email="erik@example.invalid"),
    }
    make_membership(people["active"], structure.political)
    make_membership(people["chair"], structure.political, role=Role.CO_CHAIR)
    make_membership(people["no_mail"], structure.political)
    make_membership(people["former"], structure.political, end=datetime.date(2023, 1, 1))
    make_membership(people["elsewhere"], structure.other_body)
    return people


def test_only_active_members_with_an_address_get_mail(structure, members):
    meeting = make_corpus_meeting(structure.political)
    assert recipients(meeting) == [("Anna Andersen", "anna@example.invalid"), ("Bent Bach", "bent@example.invalid")]


def test_agenda_mail_goes_to_each_member_after_commit_with_links_and_no_closed_content(
        structure, members, django_capture_on_commit_callbacks):
    meeting = make_corpus_meeting(structure.political)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify_agenda_published(meeting)
        assert mail.outbox == []  # nothing before the publication is committed
    assert len(callbacks) == 2  # the publication's job, which queues the mails; then one outbox delivery
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.invalid", "bent@example.invalid"]
    message = mail.outbox[0]
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mail.outbox)  # no one sees the others
    assert message.subject == "Dagsorden: Klynge A – Politisk niveau 7. december 2022"
    body = message.body
    assert body.startswith("Kære Anna Andersen")
    assert "Mødedato: Onsdag d. 7. december 2022 kl. 17:00-20:00" in body
    assert "Punkt 2: Drøftelse af patient- og pårørendeinddragelse v. Mette Heidemann (kl. 17:05-17:25)" in body
    assert "Punkt 4: Lukket punkt\n" in body
    assert "\nPause (kl. 18:45-18:55)\nPunkt 5: Beslutning om implementeringsstruktur" in body
    assert f"/moeder/{meeting.pk}/\n" in body
    assert f"/moeder/{meeting.pk}/dagsorden.docx" in body and f"/moeder/{meeting.pk}/dagsorden.pdf" in body
    assert "lukkede punkter" in body
    assert "&amp;" not in body and "&#x27;" not in body  # plain text, not HTML-escaped
    for sent in mail.outbox:
        for secret in CLOSED_SECRETS:
            assert secret not in sent.subject and secret not in sent.body, secret


def test_minutes_mail_lists_the_items_and_no_closed_content(structure, members, django_capture_on_commit_callbacks):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    with django_capture_on_commit_callbacks(execute=True):
        notify_minutes_published(meeting)
    assert len(mail.outbox) == 2
    body = mail.outbox[0].body
    assert mail.outbox[0].subject == "Referat: Klynge A – Politisk niveau 7. december 2022"
    assert "Referatet af mødet i Klynge A – Politisk niveau onsdag d. 7. december 2022 er offentliggjort." in body
    assert "Punkt 3: Temadrøftelse om børn og unges trivsel" in body
    assert f"/moeder/{meeting.pk}/referat.pdf" in body
    for sent in mail.outbox:
        for secret in CLOSED_SECRETS:
            assert secret not in sent.body, secret


def test_no_mail_when_the_publication_is_rolled_back(structure, members, django_capture_on_commit_callbacks):
    meeting = make_corpus_meeting(structure.political)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                notify_agenda_published(meeting)
                raise RuntimeError("publication failed")
        except RuntimeError:
            pass
    assert callbacks == [] and mail.outbox == []


def test_a_body_without_members_gets_no_mail(structure, django_capture_on_commit_callbacks):
    meeting = make_corpus_meeting(structure.working_group, date=datetime.date(2023, 3, 1))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify_agenda_published(meeting)
    assert len(callbacks) == 1 and mail.outbox == []
