"""Imports and publication mails run as background jobs on the database queue, never in the
request; the user follows an import on its own page. The queue is worked once, deterministically,
by ``job_queue()``."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from klynge.jobs.models import Job, JobStatus
from klynge.meetings.models import Meeting
from tests.importer.conftest import RANDERS, STATUS_REPORT
from tests.meetings.factories import make_item, make_meeting, make_membership, make_person

pytestmark = pytest.mark.django_db


def upload(path, name=None):
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="text/plain")


def test_the_upload_only_queues_a_job_and_its_page_follows_it_to_the_meeting(
        lexicon, job_queue, login, secretariat_user, structure):
    client = login(secretariat_user)
    response = client.post(reverse("importer:upload"), {"files": [upload(RANDERS), upload(STATUS_REPORT)],
                                                        "body": structure.political.pk})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("importer:job", args=[job.pk])
    # nothing was read in the request: the job waits in the database queue
    assert Meeting.objects.count() == 0 and DBTaskResult.objects.count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "Status: I kø" in page and 'http-equiv="refresh"' in page and 'value="0"' in page

    job_queue()

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.progress == 100
    assert job.message == "2 filer: 1 importeret, 1 mislykkedes."
    meeting = Meeting.objects.get()
    page = client.get(reverse("importer:job", args=[job.pk])).content.decode()
    assert "Status: Færdig" in page and 'http-equiv="refresh"' not in page
    assert f'href="{meeting.get_absolute_url()}"' in page and "Gå til mødet 1. november 2023" in page
    assert "Der blev ikke genkendt noget møde" in page  # the other file's Danish reason
    # the stored uploads are gone once read; the original lives on as the meeting's source document
    assert all("path" not in f for f in job.params["files"])


def test_the_script_gets_a_status_address_and_follows_progress_to_the_result(
        lexicon, job_queue, login, secretariat_user, structure):
    client = login(secretariat_user)
    queued = client.post(reverse("importer:upload-file"), {"file": upload(RANDERS), "body": structure.political.pk})
    assert queued.status_code == 202
    status_url = queued.json()["job"]["status_url"]
    before = client.get(status_url).json()
    assert before["status"] == "queued" and before["finished"] is False and before["files"] == []

    job_queue()

    after = client.get(status_url).json()
    assert after["status"] == "succeeded" and after["progress"] == 100 and after["finished"]
    [result] = after["files"]
    assert result["status"] == "imported" and result["summary"]["items"] == 9
    assert result["meeting_url"] == Meeting.objects.get().get_absolute_url()


def test_progress_is_written_as_the_work_goes(lexicon, job_queue, login, secretariat_user, structure, monkeypatch):
    from klynge.jobs import progress

    seen = []
    real = progress.Reporter.update

    def spy(self, fraction, stage):
        real(self, fraction, stage)
        job = Job.objects.get(pk=self.job.pk)
        seen.append((job.status, job.progress, job.stage))

    monkeypatch.setattr(progress.Reporter, "update", spy)
    login(secretariat_user).post(reverse("importer:upload-file"), {"file": upload(RANDERS),
                                                                    "body": structure.political.pk})
    job_queue()
    assert all(status == "running" for status, _, _ in seen)
    percents = [p for _, p, _ in seen]
    assert percents == sorted(percents) and percents[-1] >= 85
    assert any("Fil 1 af 1 (randersklyngen-2023-11-01.txt): Gemmer mødet" == stage for _, _, stage in seen)


def test_only_the_user_who_started_a_job_can_follow_it(job_queue, login, secretariat_user, member_user, client,
                                                       structure):
    login(secretariat_user).post(reverse("importer:upload"), {"files": [upload(STATUS_REPORT)]})
    job = Job.objects.get()
    page, status = reverse("importer:job", args=[job.pk]), reverse("importer:job-status", args=[job.pk])
    client.logout()
    assert client.get(page).status_code == 302  # to the login page
    other = login(member_user)
    assert other.get(page).status_code == 404 and other.get(status).status_code == 404


def test_a_fault_inside_klynge_fails_the_file_in_danish_without_the_exception_name(
        lexicon, job_queue, login, secretariat_user, structure, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("klynge.importer.jobs.import_file", broken)
    client = login(secretariat_user)
    client.post(reverse("importer:upload"), {"files": [upload(RANDERS)], "body": structure.political.pk})
    job_queue()
    job = Job.objects.get()
    page = client.get(reverse("importer:job", args=[job.pk])).content.decode()
    assert "Importen mislykkedes på grund af en fejl i Klynge, og intet er gemt" in page
    assert "ZeroDivisionError" not in page and "division by zero" not in page
    assert Meeting.objects.count() == 0


def test_a_job_that_cannot_go_on_is_marked_failed_with_a_danish_message(
        job_queue, login, secretariat_user, structure, monkeypatch):
    client = login(secretariat_user)
    client.post(reverse("importer:upload"), {"files": [upload(STATUS_REPORT)], "body": structure.political.pk})

    def storage_gone(path):
        raise OSError("No space left on device")

    monkeypatch.setattr("klynge.importer.jobs.default_storage.delete", storage_gone)
    job_queue()
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED
    assert job.message.startswith("Importen stoppede på grund af en fejl i Klynge")
    page = client.get(reverse("importer:job", args=[job.pk])).content.decode()
    assert "Status: Mislykkedes" in page and "OSError" not in page and "No space" not in page


def test_file_names_with_a_cpr_number_are_shown_and_kept_masked(job_queue, login, secretariat_user, structure):
    client = login(secretariat_user)
    client.post(reverse("importer:upload"), {"files": [upload(STATUS_REPORT, name="Journal 010190-1234.txt")]})
    job_queue()
    job = Job.objects.get()
    page = client.get(reverse("importer:job", args=[job.pk])).content.decode()
    assert "010190-1234" not in page and "010190-1234" not in str(job.params) + str(job.result) + job.message
    assert "Journal XXXXXX-XXXX.txt" in page


def test_publication_mail_is_sent_by_a_background_job_after_commit(job_queue, structure,
                                                                   django_capture_on_commit_callbacks):
    from klynge.meetings.publishing.notify import notify_agenda_published

    make_membership(make_person("Anna Andersen", email="anna@example.invalid"), structure.political)
    meeting = make_meeting(structure.political, status="agenda_published")
    make_item(meeting, title="Fælles akutfunktion")
    with django_capture_on_commit_callbacks(execute=True):
        notify_agenda_published(meeting)
    assert mail.outbox == [] and DBTaskResult.objects.count() == 1  # queued, not sent in the request
    with django_capture_on_commit_callbacks(execute=True):
        job_queue()  # the publication's job puts the mails in the outbox and books its delivery job
    assert mail.outbox == [] and DBTaskResult.objects.count() == 2
    job_queue()
    assert [m.to for m in mail.outbox] == [["anna@example.invalid"]]
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_klynge_worker_batch_runs_the_waiting_jobs_and_stops(job_queue, login, secretariat_user, structure):
    login(secretariat_user).post(reverse("importer:upload"), {"files": [upload(STATUS_REPORT)]})
    call_command("worker", "--batch")
    assert Job.objects.get().status == JobStatus.SUCCEEDED
