import datetime

from django.core import mail
from django.db import transaction
from django.utils import timezone

from klynge.outbox import queue_mail
from klynge.outbox.delivery import deliver_due
from klynge.outbox.models import MailStatus, OutgoingMail
from klynge.outbox.rules import MAX_ATTEMPTS, RETRY_PAUSES, next_attempt_after

REFUSING = "tests.outbox.failing_backend.RefusingBackend"
DOWN = "tests.outbox.failing_backend.DownBackend"
NOW = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC)


def test_retry_pauses_grow_and_end_in_giving_up():
    times = [next_attempt_after(n, NOW) for n in range(1, MAX_ATTEMPTS + 1)]
    assert times[:-1] == [NOW + pause for pause in RETRY_PAUSES]
    assert times[-1] is None


def test_a_queued_mail_is_sent_after_commit_with_auto_submitted_and_the_sites_message_id(
        structure, settings, django_capture_on_commit_callbacks):
    settings.KLYNGE_SITE_URL = "https://klynge.example.dk"
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail(["a@example.dk", "A@example.dk", "", "b@example.dk"], "Dagsorden", "Hej",
                   body_obj=structure.political, kind="test")
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.dk", "b@example.dk"]
    message = mail.outbox[0].message()
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Message-ID"].endswith("@klynge.example.dk>")
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {MailStatus.SENT}


def test_a_rolled_back_action_queues_and_sends_nothing(structure, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                queue_mail("a@example.dk", "Dagsorden", "Hej", body_obj=structure.political)
                raise RuntimeError("the action failed")
        except RuntimeError:
            pass
    assert mail.outbox == []
    assert not OutgoingMail.objects.exists()


def test_a_refused_mail_is_retried_then_marked_failed_and_never_lost(structure, settings):
    settings.EMAIL_BACKEND = REFUSING
    queue_mail("a@example.dk", "Referat", "Teksten", body_obj=structure.political)
    now = timezone.now()
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert deliver_due(now) == (0, 1)
        row = OutgoingMail.objects.get()
        assert row.attempts == attempt
        assert "550" in row.last_error and "SMTPRecipientsRefused" in row.last_error
        if attempt < MAX_ATTEMPTS:
            assert row.status == MailStatus.QUEUED and row.next_attempt > now
            assert deliver_due(now) == (0, 0), "not tried again before its time"
            now = row.next_attempt
    assert row.status == MailStatus.FAILED
    assert row.text == "Teksten", "the failed mail keeps its text so it can be sent again"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver_due(now + datetime.timedelta(days=1)) == (0, 0), "a failed mail waits for a person"


def test_a_mail_server_that_is_down_marks_every_due_mail(structure, settings):
    settings.EMAIL_BACKEND = DOWN
    queue_mail(["a@example.dk", "b@example.dk"], "Referat", "Teksten", body_obj=structure.political)
    assert deliver_due() == (0, 2)
    assert {(r.attempts, r.status) for r in OutgoingMail.objects.all()} == {(1, MailStatus.QUEUED)}
    assert "Forbindelsen blev afvist" in OutgoingMail.objects.first().last_error


def test_a_one_time_link_is_not_kept_after_sending(structure):
    queue_mail("a@example.dk", "Ny adgangskode", "https://klynge/nulstil/abc-123/", erase_after_send=True)
    deliver_due()
    assert "abc-123" not in OutgoingMail.objects.get().text
    assert "abc-123" in mail.outbox[0].body


def _failed_mail(body):
    return OutgoingMail.objects.create(to="a@example.dk", subject="Dagsorden: Politisk niveau", text="x",
                                       body=body, status=MailStatus.FAILED, attempts=MAX_ATTEMPTS,
                                       last_error="SMTPRecipientsRefused: 550")


def test_the_secretariat_sees_its_failed_mails_on_every_page_and_in_the_outbox(
        client, login, structure, secretariat_user):
    _failed_mail(structure.political)
    login(secretariat_user)
    front = client.get("/").content.decode()
    assert "1 e-mail kunne ikke sendes" in front and "/udbakke/?vis=fejlede" in front
    page = client.get("/udbakke/?vis=fejlede").content.decode()
    assert "a@example.dk" in page and "SMTPRecipientsRefused: 550" in page and "Send igen" in page


def test_members_and_other_secretariats_do_not_see_a_bodys_mails(client, login, structure, member_user,
                                                                  other_cluster_user):
    failed = _failed_mail(structure.political)
    for user in (member_user, other_cluster_user):
        login(user)
        assert "kunne ikke sendes" not in client.get("/").content.decode()
        assert "a@example.dk" not in client.get("/udbakke/").content.decode()
        assert client.post(f"/udbakke/{failed.pk}/send-igen/").status_code == 404
    client.logout()
    assert client.get("/udbakke/").status_code == 302


def test_send_again_puts_a_failed_mail_back_in_the_queue_and_it_is_sent(
        client, login, structure, secretariat_user, django_capture_on_commit_callbacks):
    failed = _failed_mail(structure.political)
    login(secretariat_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/udbakke/{failed.pk}/send-igen/")
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == MailStatus.SENT
    assert [m.to for m in mail.outbox] == [["a@example.dk"]]


def test_many_mails_in_one_transaction_book_one_delivery(structure, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            for n in range(5):
                queue_mail(f"p{n}@example.dk", "Dagsorden", "Hej", body_obj=structure.political)
    assert len(callbacks) == 1
    assert len(mail.outbox) == 5
