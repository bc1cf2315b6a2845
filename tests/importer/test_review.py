"""«Gennemse og ret»: a dry run's reading is corrected on a page and saved through the normal load."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from klynge.documents.models import SourceDocument
from klynge.importer import review
from klynge.importer.parse import ParsedDocument, ParsedItem, ParsedPerson, ParsedTask
from klynge.jobs.models import Job
from klynge.meetings.models import Meeting

from .conftest import RANDERS

pytestmark = pytest.mark.django_db


def upload(path):
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain")


def dry_run(client, structure, path=RANDERS, **extra):
    """A «Prøv kun» through the page without JavaScript; the job (jobs run at once in tests)."""
    data = {"files": [upload(path)], "dry_run": "on", **extra}
    if "body" not in extra:
        data["body"] = structure.political.pk
    client.post(reverse("importer:upload"), data)
    return Job.objects.get()


def form_data(page):
    """The review form's fields as the browser would send them (without any change)."""
    form = page.context["form"]
    people = page.context["people"]
    items = page.context["items"]
    data = {}
    for f in (form, people):
        for name, field in f.fields.items():
            value = f.initial.get(name, field.initial)
            if isinstance(value, datetime.date):
                value = value.isoformat()
            elif isinstance(value, datetime.time):
                value = value.strftime("%H:%M")
            data[name] = "" if value is None else value
    management = items.management_form
    for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
        data[f"items-{name}"] = management.initial[name]
    for k, row in enumerate(items.forms):
        for name in ("origin", "number", "title"):
            value = row.initial.get(name)
            data[f"items-{k}-{name}"] = "" if value is None else value
        if row.initial.get("closed"):
            data[f"items-{k}-closed"] = "on"
    return data


@pytest.fixture
def reviewed(lexicon, login, secretariat_user, structure):
    client = login(secretariat_user)
    job = dry_run(client, structure)
    url = job.result["files"][0]["review_url"]
    return client, job, url


# --- the pure part: corrections applied to a parsed document ------------------------------------------------

def _doc():
    return ParsedDocument(
        kind="minutes", title="Referat", body=None, cluster=None, date=None, start=None, end=None, place="Rådhuset",
        attendees=[ParsedPerson("Anne Holm", "formand", "Randers Kommune"), ParsedPerson("Bo Berg")],
        absent=["Carl Dam"], substitutes=[("Bo Berg", "Carl Dam")],
        items=[ParsedItem(1, "Godkendelse af dagsorden", decision="Godkendt."),
               ParsedItem(2, "Budget", presenter="Anne Holm", description="Budgettet for 2024.",
                          recommendations=["at budgettet godkendes"], decision="Godkendt.",
                          tasks=[ParsedTask("Sekretariatet sender budgettet", "secretariat", recommendation=1)]),
               ParsedItem(3, "Orientering om økonomi", description="Et underpunkt, der er læst som et punkt.",
                          recommendations=["at orienteringen tages til efterretning"],
                          tasks=[ParsedTask("Anne Holm følger op", "person", "Anne Holm", recommendation=1)]),
               ParsedItem(4, "Eventuelt")])


def _corrections(**changes):
    rows = [review.ItemRow(0, 1, "Godkendelse af dagsorden"), review.ItemRow(1, 2, "Budget 2024"),
            review.ItemRow(2, 3, "Orientering om økonomi", removed=True), review.ItemRow(3, 4, "Eventuelt"),
            review.ItemRow(None, 3, "Personalesag", closed=True)]
    data = {"kind": "minutes", "date": datetime.date(2024, 3, 1), "start": datetime.time(9), "end": None,
            "place": "Rådhuset", "items": rows, "attendees": ["Anne Holm", "Dorte Lund"], "absent": ["Carl Dam"],
            "guests": []}
    data.update(changes)
    return review.Corrections(**data)


def test_a_kept_item_keeps_what_was_read_for_it_under_its_corrected_title():
    doc = _doc()
    corrected, _ = review.apply_corrections(doc, _corrections())
    budget = corrected.items[1]
    assert budget.title == "Budget 2024" and budget.presenter == "Anne Holm"
    assert budget.decision == "Godkendt." and budget.recommendations[0] == "at budgettet godkendes"
    assert doc.items[1].title == "Budget"  # the document as read is left alone


def test_items_follow_their_numbers_and_an_added_item_takes_its_place():
    corrected, _ = review.apply_corrections(_doc(), _corrections())
    assert [(i.number, i.title, i.closed) for i in corrected.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Budget 2024", False), (3, "Personalesag", True),
        (4, "Eventuelt", False)]


def test_a_removed_items_text_goes_to_the_kept_item_before_it_and_a_note_says_so():
    corrected, notes = review.apply_corrections(_doc(), _corrections())
    budget = corrected.items[1]
    assert budget.description == ("Budgettet for 2024.\n\nOrientering om økonomi\n\n"
                                  "Et underpunkt, der er læst som et punkt.")
    assert budget.recommendations == ["at budgettet godkendes", "at orienteringen tages til efterretning"]
    assert [t.recommendation for t in budget.tasks] == [1, 2]  # the moved task follows its recommendation
    assert notes == ["Punktet “Orientering om økonomi” er fjernet ved gennemsynet; dets tekst er lagt til punktet "
                     "“Budget 2024”."]


def test_the_first_items_text_goes_to_the_next_kept_item_when_it_is_removed():
    rows = [review.ItemRow(0, 1, "Godkendelse af dagsorden", removed=True), review.ItemRow(1, 2, "Budget")]
    corrected, notes = review.apply_corrections(_doc(), _corrections(items=rows))
    assert [i.title for i in corrected.items] == ["Budget"]
    assert corrected.items[0].decision == "Godkendt.\n\nGodkendt."
    assert "lagt til punktet “Budget”" in notes[0]


def test_attendees_keep_their_title_and_party_and_a_dropped_substitute_is_forgotten():
    corrected, _ = review.apply_corrections(_doc(), _corrections())
    assert corrected.attendees == [ParsedPerson("Anne Holm", "formand", "Randers Kommune"), ParsedPerson("Dorte Lund")]
    assert corrected.substitutes == [] and corrected.absent == ["Carl Dam"]
    assert corrected.date == datetime.date(2024, 3, 1) and corrected.start == datetime.time(9)


def test_names_are_one_a_line_without_blanks_or_repeats():
    assert review.names("Anne Holm\n\n  Bo   Berg \nanne holm\n") == ["Anne Holm", "Bo Berg"]


# --- the pages -----------------------------------------------------------------------------------------------

def test_a_dry_run_offers_the_review_and_keeps_the_reading_and_the_original(reviewed):
    client, job, url = reviewed
    assert job.params["review_kept"] is True
    stored = review.kept(job.pk, 0)
    assert stored["sha256"] == SourceDocument.digest(RANDERS.read_bytes())
    assert default_storage.exists(stored["data"]) and default_storage.exists(stored["name"])
    assert "Gennemse og ret" in client.get(reverse("importer:job", args=[job.pk])).content.decode()


def test_the_review_page_shows_the_items_as_read(reviewed):
    client, job, url = reviewed
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200 and "Gennemse og ret" in html and "Gem mødet" in html
    assert "Orientering om mulighederne ved digitale forløbsgu" in html and "Mødeplan 2024" in html
    assert len(page.context["items"].forms) == 9 + 3  # the items read and three empty rows
    assert 'value="2023-11-01"' in html
    assert Meeting.objects.count() == 0


def test_saving_the_review_creates_one_meeting_with_exactly_the_corrected_items(
        reviewed, structure, django_capture_on_commit_callbacks):
    client, job, url = reviewed
    data = form_data(client.get(url))
    data["items-1-title"] = "Digitale forløbsguides"  # a corrected title
    data["items-7-remove"] = "on"  # «Mødeplan 2024» removed
    data["items-5-closed"] = "on"  # a closed item
    data["items-9-number"], data["items-9-title"] = "10", "Personalesag"  # an added item
    data["attendees"] += "\nNy Deltager"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    titles = [i.title for i in meeting.items.order_by("position")]
    assert len(titles) == 9 and "Digitale forløbsguides" in titles and "Mødeplan 2024" not in titles
    assert titles[-1] == "Personalesag"
    closed = meeting.items.get(closed=True)
    assert closed.title.startswith("Orientering om fælles model for patientinddragelse")
    assert meeting.items.filter(closed=True).count() == 1
    kept = meeting.items.get(title="Digitale forløbsguides")
    assert kept.recommendations.count() == 1 and kept.decision  # what was read stays with the item
    assert "Mødeplan 2024" in meeting.items.get(title__startswith="Orientering fra seneste møder").description
    assert meeting.attendance.filter(person__name="Ny Deltager").exists()
    assert meeting.source_document.sha256 == SourceDocument.digest(RANDERS.read_bytes())
    assert meeting.source_document.uploaded_by is not None
    # the original is kept by the meeting now; the review's copy is gone, only a mark is left
    assert review.kept(job.pk, 0) == {"saved": True, "sha256": meeting.source_document.sha256,
                                      "file": "randersklyngen-2023-11-01.txt"}
    job.refresh_from_db()
    entry = job.result["files"][0]
    assert entry["status"] == "imported" and "gemt efter gennemsyn" in entry["message"]
    assert "review_url" not in entry and entry["meeting_url"] == meeting.get_absolute_url()
    followed = client.get(response["Location"]).content.decode()
    assert "gemt efter gennemsyn" in followed


def test_a_second_save_makes_no_second_meeting(reviewed, django_capture_on_commit_callbacks):
    client, job, url = reviewed
    data = form_data(client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
        again = client.post(url, data, follow=True)
    assert Meeting.objects.count() == 1 and SourceDocument.objects.count() == 1
    assert "Filen er allerede importeret som mødet 1. november 2023" in again.content.decode()


def test_a_second_save_before_the_copy_is_removed_is_answered_unchanged(reviewed):
    client, job, url = reviewed
    data = form_data(client.get(url))
    client.post(url, data)  # the clean-up after the commit does not run here: the file is still there
    again = client.post(url, data, follow=True)
    assert Meeting.objects.count() == 1
    assert "Filen er allerede importeret" in again.content.decode()


def test_an_invalid_review_saves_nothing_and_says_why_in_danish(reviewed, structure):
    client, job, url = reviewed
    data = form_data(client.get(url))
    data["date"] = ""
    data["items-2-title"] = ""
    data["items-4-number"] = "2"
    data["body"] = str(structure.other_body.pk)
    page = client.post(url, data)
    html = page.content.decode()
    assert page.status_code == 200 and Meeting.objects.count() == 0 and SourceDocument.objects.count() == 0
    assert "Angiv mødedatoen. Mødet kan ikke gemmes uden en dato." in html
    assert "Skriv punktets titel, eller sæt kryds i «Fjern»." in html
    assert "Nummeret 2 står ved flere punkter." in html
    assert "Du kan ikke gemme møder i det valgte organ." in html
    assert review.kept(job.pk, 0)["document"]  # still there to be corrected


def test_a_new_row_with_only_a_number_asks_for_its_title(reviewed):
    client, job, url = reviewed
    data = form_data(client.get(url))
    data["items-10-number"] = "12"
    html = client.post(url, data).content.decode()
    assert "Skriv det nye punkts titel, eller lad hele rækken stå tom." in html and Meeting.objects.count() == 0


def test_another_user_gets_404_and_saves_nothing(reviewed, structure, django_user_model, admin_user):
    client, job, url = reviewed
    data = form_data(client.get(url))
    other = Client()
    from tests.conftest import make_persona
    colleague = make_persona("kollega", structure.political, "secretariat")
    other.force_login(colleague)
    assert other.get(url).status_code == 404
    assert other.post(url, data).status_code == 404
    other.force_login(admin_user)  # an administrator may follow the job, not save another's review
    assert other.post(url, data).status_code == 404
    assert Meeting.objects.count() == 0


def test_the_review_is_not_reachable_anonymously(reviewed):
    client, job, url = reviewed
    anonymous = Client()
    response = anonymous.get(url)
    assert response.status_code == 302 and "/log-ind/" in response["Location"]
    assert anonymous.post(url, {}).status_code == 302 and Meeting.objects.count() == 0


def test_the_review_needs_the_csrf_token(reviewed, secretariat_user):
    client, job, url = reviewed
    data = form_data(client.get(url))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(secretariat_user)
    assert strict.post(url, data).status_code == 403 and Meeting.objects.count() == 0


def test_a_reading_without_a_date_is_saved_once_the_date_is_given(lexicon, login, secretariat_user, structure):
    client = login(secretariat_user)
    text = (b"Referat\n\nMedlemmer: Anne Hansen, Bo Jensen\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\n"
            b"Godkendt.\n\n2. Budget\n\nBeslutning\n\nGodkendt.\n")
    client.post(reverse("importer:upload"), {"files": [SimpleUploadedFile("punkt.txt", text)], "dry_run": "on",
                                             "body": structure.political.pk})
    job = Job.objects.get()
    entry = job.result["files"][0]
    assert "Mødedatoen står ikke i teksten" in entry["message"] and entry["review_url"]
    page = client.get(entry["review_url"])
    assert "Angiv mødedatoen, før mødet kan gemmes." in page.content.decode()
    data = form_data(page)
    assert client.post(entry["review_url"], data).status_code == 200 and Meeting.objects.count() == 0
    data["date"] = "2022-05-12"
    response = client.post(entry["review_url"], data)
    assert response.status_code == 302
    assert Meeting.objects.get().date == datetime.date(2022, 5, 12)


def test_a_body_to_be_chosen_is_chosen_on_the_review(lexicon, login, secretariat_user, structure):
    client = login(secretariat_user)
    client.post(reverse("importer:upload"), {"files": [upload(RANDERS)], "dry_run": "on"})
    entry = Job.objects.get().result["files"][0]
    page = client.get(entry["review_url"])
    data = form_data(page)
    assert data["body"] == ""  # no body found from the title: the user chooses
    assert "Vælg organet, mødet hører til." in client.post(entry["review_url"], data).content.decode()
    data["body"] = str(structure.political.pk)
    assert client.post(entry["review_url"], data).status_code == 302
    assert Meeting.objects.get().body == structure.political


def test_what_a_dry_run_kept_is_removed_after_seven_days_by_the_next_import(reviewed, structure):
    client, job, url = reviewed
    stored = review.kept(job.pk, 0)
    Job.objects.filter(pk=job.pk).update(created=job.created - datetime.timedelta(days=8))
    client.post(reverse("importer:upload"), {"files": [upload(RANDERS)], "dry_run": "on",
                                             "body": structure.political.pk})
    assert review.kept(job.pk, 0) is None
    assert not default_storage.exists(stored["data"]) and not default_storage.exists(stored["name"])
    job.refresh_from_db()
    assert "review_url" not in job.result["files"][0] and job.params["review_kept"] is False
    assert client.get(url).status_code == 404


def test_an_import_that_is_not_a_dry_run_keeps_nothing(lexicon, login, secretariat_user, structure):
    client = login(secretariat_user)
    client.post(reverse("importer:upload"), {"files": [upload(RANDERS)], "body": structure.political.pk})
    job = Job.objects.get()
    assert "review_url" not in job.result["files"][0] and not job.params.get("review_kept")
    assert review.kept(job.pk, 0) is None


def test_the_review_of_a_saved_file_leads_to_its_meeting(reviewed, django_capture_on_commit_callbacks):
    client, job, url = reviewed
    data = form_data(client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
    response = client.get(url, follow=True)
    meeting = Meeting.objects.get()
    assert response.redirect_chain[-1][0] == meeting.get_absolute_url()
    assert "Filen er allerede importeret" in response.content.decode()


def test_the_upload_scripts_answer_carries_the_review_link(lexicon, login, secretariat_user, structure):
    data = login(secretariat_user).post(reverse("importer:upload-file"), {
        "file": upload(RANDERS), "body": structure.political.pk, "dry_run": "1"}).json()
    job = Job.objects.get()
    assert data["status"] == "checked" and data["review_url"] == reverse("importer:review", args=[job.pk, 0])
    status = login(secretariat_user).get(reverse("importer:job-status", args=[job.pk])).json()
    assert status["files"][0]["review_url"] == data["review_url"]


def test_an_item_closed_in_the_review_of_minutes_closes_the_item_its_agenda_created(lexicon, structure,
                                                                                      secretariat_user):
    from klynge.importer.service import import_file, import_reviewed

    from .test_load import AGENDA_TEXT, MINUTES_TEXT

    agenda = import_file("dagsorden.txt", AGENDA_TEXT.encode(), body=structure.political)
    assert agenda.status == "imported" and not agenda.meeting.items.filter(closed=True).exists()
    read = import_file("referat.txt", MINUTES_TEXT.encode(), body=structure.political, dry_run=True).document
    rows = [review.ItemRow(k, item.number, item.title, closed=k == 1) for k, item in enumerate(read.items)]
    corrected, _ = review.apply_corrections(read, review.Corrections(
        kind="minutes", date=read.date, start=read.start, end=read.end, place=read.place or "", items=rows,
        attendees=[p.name for p in read.attendees], absent=read.absent, guests=[]))
    saved = import_reviewed("referat.txt", MINUTES_TEXT.encode(), corrected, body=structure.political,
                            user=secretariat_user)
    assert saved.status == "imported", saved.message
    assert saved.meeting.pk == agenda.meeting.pk and Meeting.objects.count() == 1
    assert [i.closed for i in saved.meeting.items.order_by("position")] == [False, True]
    assert "gemt efter gennemsyn" in saved.message


def test_the_starter_who_may_no_longer_edit_any_body_gets_404(reviewed, secretariat_user):
    from klynge.organisation.models import Membership

    client, job, url = reviewed
    data = form_data(client.get(url))
    Membership.objects.filter(person__user=secretariat_user).delete()
    assert client.get(url).status_code == 404
    assert client.post(url, data).status_code == 404 and Meeting.objects.count() == 0


def test_a_cpr_number_typed_into_a_title_or_a_name_is_refused(reviewed):
    client, job, url = reviewed
    data = form_data(client.get(url))
    data["items-0-title"] = "Sag om 010190-1234"
    data["guests"] = "Gæst 010190-1234"
    html = client.post(url, data).content.decode()
    assert Meeting.objects.count() == 0
    assert "Titlen ser ud til at indeholde et CPR-nummer (010190-…)" in html
    assert "Gæster ser ud til at indeholde et CPR-nummer (010190-…)" in html


def test_more_empty_rows_keep_what_was_typed_and_save_nothing(reviewed):
    client, job, url = reviewed
    data = form_data(client.get(url))
    data["items-1-title"] = "Digitale forløbsguides"
    data["items-10-number"], data["items-10-title"] = "11", "Personalesag"
    data["more_rows"] = "1"
    page = client.post(url, data)
    html = page.content.decode()
    assert page.status_code == 200 and Meeting.objects.count() == 0
    assert len(page.context["items"].forms) == 9 + 3 + 10
    assert 'value="Digitale forløbsguides"' in html and 'value="Personalesag"' in html
    assert review.kept(job.pk, 0)["document"]
    data.pop("more_rows")  # the longer form, as the browser sends it, saves like the short one
    data["items-TOTAL_FORMS"] = page.context["items"].management_form["TOTAL_FORMS"].value()
    data["items-20-number"], data["items-20-title"] = "12", "Eventuelt igen"
    page = client.post(url, data)
    titles = [i.title for i in Meeting.objects.get().items.order_by("position")]
    assert "Personalesag" in titles and "Eventuelt igen" in titles


def test_a_reading_without_items_gets_its_items_typed_in_the_review(lexicon, login, secretariat_user, structure):
    client = login(secretariat_user)
    text = ("1 Referat Sundhedsudvalget Ordinært møde Dato 15. marts 2011 Tid 14:00 Sted Sydbycentret\n"
            "2 Indholdsfortegnelse Side Sundhedsprofil Orientering om midler\n").encode()
    client.post(reverse("importer:upload"), {"files": [SimpleUploadedFile("sammenloebet.txt", text)],
                                             "dry_run": "on", "body": structure.political.pk})
    entry = Job.objects.get().result["files"][0]
    assert entry["review_url"]
    page = client.get(entry["review_url"])
    assert "Der blev ikke fundet nogen punkter i teksten" in page.content.decode()
    data = form_data(page)
    data.update({"items-0-number": "1", "items-0-title": "Sundhedsprofil",
                 "items-1-number": "2", "items-1-title": "Orientering om midler"})
    assert client.post(entry["review_url"], data).status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.date == datetime.date(2011, 3, 15)
    assert [(i.number, i.title) for i in meeting.items.order_by("number")] == [(1, "Sundhedsprofil"),
                                                                              (2, "Orientering om midler")]
