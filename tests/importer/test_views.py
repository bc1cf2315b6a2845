"""The upload page: permissions, one file at a time as JSON, confirmation of a matched body, CSRF."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from klynge.meetings.models import Meeting
from klynge.organisation.models import Body, BodyKind

from .conftest import LILLEBAELT, RANDERS, STATUS_REPORT

pytestmark = pytest.mark.django_db


def upload(path, name=None):
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="text/plain")


def test_the_page_needs_a_secretariat(client, structure, member_user, login):
    url = reverse("importer:upload")
    assert client.get(url).status_code == 302
    assert login(member_user).get(url).status_code == 403


def test_the_page_offers_only_bodies_the_user_may_edit(login, secretariat_user, structure):
    page = login(secretariat_user).get(reverse("importer:upload"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Klynge A – Politisk niveau" in html and "Klynge B" not in html
    assert 'type="file"' in html and "multiple" in html and "Find organet ud fra dokumentets titel" in html


def test_one_file_is_imported_and_answered_as_json(lexicon, login, secretariat_user, structure):
    client = login(secretariat_user)
    response = client.post(reverse("importer:upload-file"), {"file": upload(RANDERS), "body": structure.political.pk})
    data = response.json()
    assert data["status"] == "imported", data["message"]
    assert data["summary"]["items"] == 9 and data["summary"]["date"] == "1. november 2023"
    meeting = Meeting.objects.get()
    assert data["meeting_url"] == meeting.get_absolute_url()
    assert meeting.source_document.uploaded_by == secretariat_user
    assert data["report"]["title"] == "REFERAT Randersklyngen d. 01-11-2023"


def test_importing_into_another_clusters_body_is_refused(lexicon, login, secretariat_user, structure):
    response = login(secretariat_user).post(reverse("importer:upload-file"),
                                            {"file": upload(RANDERS), "body": structure.other_body.pk})
    assert response.status_code == 403
    assert "Du kan ikke importere i det valgte organ" in response.json()["message"]
    assert Meeting.objects.count() == 0


def test_a_body_matched_from_the_title_must_be_confirmed(lexicon, login, secretariat_user, structure):
    kind = BodyKind.objects.get(name="Sundhedsklynge")
    randers = Body.objects.create(name="Randersklyngen", slug="randers-test", kind=kind, parent=structure.cluster)
    client = login(secretariat_user)
    first = client.post(reverse("importer:upload-file"), {"file": upload(RANDERS)}).json()
    assert first["status"] == "confirm"
    assert first["candidates"] == [{"id": randers.pk, "name": "Randersklyngen"}]
    assert "Bekræft organet" in first["message"] and Meeting.objects.count() == 0
    second = client.post(reverse("importer:upload-file"), {"file": upload(RANDERS), "body": randers.pk}).json()
    assert second["status"] == "imported"
    assert Meeting.objects.get().body == randers


def test_a_match_the_user_may_not_edit_is_not_offered(lexicon, login, secretariat_user, structure):
    kind = BodyKind.objects.get(name="Sundhedsklynge")
    Body.objects.create(name="Randersklyngen", slug="randers-b", kind=kind, parent=structure.other_cluster)
    result = login(secretariat_user).post(reverse("importer:upload-file"), {"file": upload(RANDERS)}).json()
    assert result["status"] == "needs_body" and result["candidates"] == []


def test_without_javascript_the_form_posts_all_files_and_shows_each_report_on_the_jobs_page(
        lexicon, login, secretariat_user, structure):
    response = login(secretariat_user).post(reverse("importer:upload"), {
        "files": [upload(RANDERS), upload(STATUS_REPORT)], "body": structure.political.pk}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and response.redirect_chain[0][0].startswith("/import/job/")
    assert "Status: Færdig" in html and "Gå til mødet" in html
    assert "randersklyngen-2023-11-01.txt: Referatet er importeret" in html
    assert "midtvejsstatus-sundhedsaftalen-2019-2023.txt: Der blev ikke genkendt noget møde" in html
    assert Meeting.objects.count() == 1


def test_dry_run_from_the_page_saves_nothing(lexicon, login, secretariat_user, structure):
    data = login(secretariat_user).post(reverse("importer:upload-file"), {
        "file": upload(LILLEBAELT), "body": structure.political.pk, "dry_run": "1"}).json()
    assert data["status"] == "checked" and data["summary"]["items"] == 15
    assert Meeting.objects.count() == 0


def test_csrf_is_required(secretariat_user, structure):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat_user)
    response = client.post(reverse("importer:upload-file"), {"file": upload(RANDERS)})
    assert response.status_code == 403
    page = client.get(reverse("importer:upload"))
    token = page.cookies["csrftoken"].value
    ok = client.post(reverse("importer:upload-file"), {"file": upload(RANDERS), "body": structure.political.pk,
                                                        "dry_run": "1"}, HTTP_X_CSRFTOKEN=token)
    assert ok.status_code == 200


def test_a_queued_import_job_can_be_stopped_by_the_user_who_started_it(client, django_user_model):
    from klynge.importer.jobs import run_import_job
    from klynge.jobs.models import Job, JobStatus

    user = django_user_model.objects.create_user("stopper", password="x")
    other = django_user_model.objects.create_user("andre", password="x")
    job = Job.objects.create(kind="import", created_by=user, params={"files": []})
    client.force_login(other)
    assert client.post(f"/import/job/{job.pk}/stop/").status_code == 404
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED
    client.force_login(user)
    assert client.get(f"/import/job/{job.pk}/stop/").status_code == 405  # a GET never writes
    response = client.post(f"/import/job/{job.pk}/stop/")
    assert response.status_code == 302 and response["Location"].endswith(f"/import/job/{job.pk}/")
    job.refresh_from_db()
    assert job.status == JobStatus.CANCELLED and job.is_finished
    assert "stoppet" in job.message
    page = client.get(f"/import/job/{job.pk}/").content.decode()
    assert "Stoppet" in page and "Stop importen" not in page
    run_import_job.func(str(job.pk))
    job.refresh_from_db()
    assert job.status == JobStatus.CANCELLED  # the worker does not start a stopped job


UNDATED = (b"Referat\n\nMedlemmer: Anne Hansen, Bo Jensen\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
           b"2. Budget\n\nBeslutning\n\nGodkendt.\n")


def test_a_meeting_date_given_on_the_page_dates_a_text_without_one(lexicon, login, secretariat_user, structure):
    client = login(secretariat_user)
    data = client.post(reverse("importer:upload-file"), {
        "file": SimpleUploadedFile("punkt.txt", UNDATED, content_type="text/plain"), "body": structure.political.pk,
        "dry_run": "1", "meeting_date": "2022-05-12"}).json()
    assert data["status"] == "checked", data["message"]
    assert data["report"]["date"] == "2022-05-12"
    assert "date_from_source" in [w["code"] for w in data["report"]["warnings"]]


def test_a_malformed_meeting_date_is_answered_in_danish(lexicon, login, secretariat_user, structure):
    response = login(secretariat_user).post(reverse("importer:upload-file"), {
        "file": SimpleUploadedFile("punkt.txt", UNDATED, content_type="text/plain"), "meeting_date": "12/5"})
    assert response.status_code == 400
    assert "ikke en dato" in response.json()["message"]
