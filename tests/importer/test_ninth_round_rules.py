"""Issue 12, ninth round: structural rules. A meeting whose text states no full date is read all the same (date
None, warning ``date_missing``); only saving it needs the date, which the user gives. Invented texts only."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from klynge.documents.models import SourceDocument
from klynge.importer.load import load
from klynge.importer.parse import DATE_MISSING_MESSAGE, NoMeetingFound, parse
from klynge.importer.report import to_json
from klynge.importer.service import import_file
from klynge.meetings.models import Meeting

from .conftest import RANDERS

UNDATED = (
    "Referat af bestyrelsesmøde\n\nSted: Sognegården\nTid: kl. 19.00\nDeltagere: Anne Hansen, Bo Jensen\n"
    "Afbud: Carl Nielsen\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n2. Budget 2027\n\n"
    "Beslutning\n\nBudgettet blev vedtaget.\n\n3. Eventuelt\n\nIntet.\n"
)
UNDATED_BYTES = UNDATED.encode()


# --- parse -------------------------------------------------------------------------------------------------

def test_a_meeting_without_a_date_is_read_with_its_items_header_and_attendance():
    doc = parse(UNDATED)
    assert doc.date is None
    assert [(i.number, i.title) for i in doc.items] == [(1, "Godkendelse af dagsorden"), (2, "Budget 2027"),
                                                        (3, "Eventuelt")]
    assert doc.place == "Sognegården" and doc.start == datetime.time(19, 0)
    assert "Carl Nielsen" in doc.absent
    assert {"Anne Hansen", "Bo Jensen"} <= {p.name for p in doc.attendees}


def test_a_missing_date_is_the_first_warning_and_says_in_danish_that_the_date_must_be_given():
    doc = parse(UNDATED)
    assert doc.warnings[0].code == "date_missing"
    assert doc.warnings[0].message == "Mødedatoen står ikke i teksten. Angiv mødedatoen for at importere mødet."


def test_a_date_given_by_the_user_still_dates_an_undated_text_and_no_date_warning_is_left():
    doc = parse(UNDATED, meeting_date=datetime.date(2026, 3, 3))
    assert doc.date == datetime.date(2026, 3, 3)
    assert "date_missing" not in [w.code for w in doc.warnings]


def test_the_report_of_an_undated_meeting_has_date_null():
    assert to_json(parse(UNDATED))["date"] is None


def test_an_undated_text_without_items_is_still_refused():
    with pytest.raises(NoMeetingFound, match="ingen dagsordenspunkter"):
        parse("Referat af bestyrelsesmøde\n\nVi talte om mange ting, og alle var enige.\n")


def test_an_undated_report_whose_only_section_word_is_an_appendix_is_still_refused():
    text = ("STATUSNOTAT\n\nIndhold\n\nForord\t3\nBilag: Organisering\t9\n\n1. Forord\n\nNotatet samler status.\n\n"
            "2. Indsatser\n\nDer er sket meget i perioden.\n\nBilag: Organisering\n\nSe figuren.\n")
    with pytest.raises(NoMeetingFound):
        parse(text)


# --- service and load --------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_saving_an_undated_meeting_is_refused_naming_the_file_and_nothing_is_written(structure):
    result = import_file("bestyrelse.txt", UNDATED_BYTES, body=structure.political)
    assert result.status == "failed"
    assert result.message == f"bestyrelse.txt: {DATE_MISSING_MESSAGE} Intet er gemt."
    assert result.document is not None and len(result.document.items) == 3  # what was read is still shown
    assert Meeting.objects.count() == 0 and SourceDocument.objects.count() == 0


@pytest.mark.django_db
def test_a_dry_run_of_an_undated_meeting_shows_what_was_read_and_asks_for_the_date(structure):
    result = import_file("bestyrelse.txt", UNDATED_BYTES, body=structure.political, dry_run=True)
    assert result.status == "checked"
    assert "Læst uden at gemme: 3 punkter" in result.message and result.message.endswith(DATE_MISSING_MESSAGE)
    assert result.report["date"] is None


@pytest.mark.django_db
def test_an_undated_meeting_is_imported_once_the_user_gives_the_date(structure):
    result = import_file("bestyrelse.txt", UNDATED_BYTES, body=structure.political,
                         meeting_date=datetime.date(2026, 3, 3))
    assert result.status == "imported", result.message
    assert Meeting.objects.get().date == datetime.date(2026, 3, 3)


@pytest.mark.django_db
def test_load_itself_refuses_a_document_without_a_date_before_writing_anything(structure):
    with pytest.raises(ValidationError, match="Mødedatoen står ikke i teksten"):
        load(parse(UNDATED), structure.political, filename="bestyrelse.txt", data=UNDATED_BYTES)
    assert Meeting.objects.count() == 0 and SourceDocument.objects.count() == 0


# --- the upload page and the background job ----------------------------------------------------------------

def _file():
    return SimpleUploadedFile("bestyrelse.txt", UNDATED_BYTES, content_type="text/plain")


@pytest.mark.django_db
def test_the_upload_pages_preview_shows_what_was_read_and_asks_for_the_date(login, secretariat_user, structure):
    data = login(secretariat_user).post(reverse("importer:upload-file"), {
        "file": _file(), "body": structure.political.pk, "dry_run": "1"}).json()
    assert data["status"] == "checked"
    assert data["summary"]["items"] == 3 and data["summary"]["date"] == "uden mødedato"
    assert DATE_MISSING_MESSAGE in data["message"] and DATE_MISSING_MESSAGE in data["warnings"]
    assert Meeting.objects.count() == 0


@pytest.mark.django_db
def test_without_javascript_the_jobs_page_shows_the_undated_preview_and_asks_for_the_date(
        login, secretariat_user, structure):
    response = login(secretariat_user).post(reverse("importer:upload"), {
        "files": [_file()], "body": structure.political.pk, "dry_run": "on"}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and "Status: Færdig" in html
    assert "uden mødedato: 3 punkter" in html and DATE_MISSING_MESSAGE in html
    assert Meeting.objects.count() == 0


@pytest.mark.django_db
def test_importing_an_undated_file_from_the_page_fails_with_the_message_and_saves_nothing(
        login, secretariat_user, structure):
    data = login(secretariat_user).post(reverse("importer:upload-file"), {
        "file": _file(), "body": structure.political.pk}).json()
    assert data["status"] == "failed" and data["message"] == f"bestyrelse.txt: {DATE_MISSING_MESSAGE} Intet er gemt."
    assert Meeting.objects.count() == 0


@pytest.mark.django_db
def test_the_date_given_on_the_page_lets_the_undated_file_be_imported(login, secretariat_user, structure):
    data = login(secretariat_user).post(reverse("importer:upload-file"), {
        "file": _file(), "body": structure.political.pk, "meeting_date": "2026-03-03"}).json()
    assert data["status"] == "imported", data["message"]
    assert Meeting.objects.get().date == datetime.date(2026, 3, 3)


@pytest.mark.django_db
def test_the_background_job_records_the_missing_date_per_file_and_imports_the_others(
        lexicon, secretariat_user, structure):
    from klynge.importer.jobs import run_import_job, start_import
    from klynge.jobs.models import Job

    randers = SimpleUploadedFile(RANDERS.name, RANDERS.read_bytes(), content_type="text/plain")
    job = start_import(secretariat_user, [_file(), randers], body=structure.political, dry_run=False,
                       accept_match=False)
    run_import_job.func(str(job.pk))
    job = Job.objects.get(pk=job.pk)
    files = {f["file"]: f for f in job.result["files"]}
    assert files["bestyrelse.txt"]["status"] == "failed"
    assert DATE_MISSING_MESSAGE in files["bestyrelse.txt"]["message"]
    assert files[RANDERS.name]["status"] == "imported"
    assert Meeting.objects.count() == 1


# --- the command line --------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_the_cli_prints_the_message_for_the_undated_file_and_goes_on_with_the_others(
        lexicon, tmp_path, capsys, structure):
    undated = tmp_path / "bestyrelse.txt"
    undated.write_bytes(UNDATED_BYTES)
    with pytest.raises(SystemExit):
        call_command("import-minutes", str(undated), str(RANDERS), "--body", structure.political.slug)
    captured = capsys.readouterr()
    assert f"bestyrelse.txt: {DATE_MISSING_MESSAGE} Intet er gemt. Angiv mødedatoen med --date ÅÅÅÅ-MM-DD." \
        in captured.err
    assert "randersklyngen-2023-11-01.txt: Referatet er importeret" in captured.out
    assert Meeting.objects.count() == 1


@pytest.mark.django_db
def test_the_cli_imports_the_undated_file_with_date(tmp_path, capsys, structure):
    undated = tmp_path / "bestyrelse.txt"
    undated.write_bytes(UNDATED_BYTES)
    call_command("import-minutes", str(undated), "--body", structure.political.slug, "--date", "2026-03-03")
    assert "er importeret som mødet 3. marts 2026" in capsys.readouterr().out


# --- general layout rules ----------------------------------------------------------------------------------

def test_an_access_word_before_a_contents_lines_number_is_no_part_of_the_title():
    text = ("Referat\nSeniorrådet\n12-05-2026 kl. 10:00\nRådhuset\nDagsordenspunkter\n\n"
            "  åbent 1 Godkendelse af dagsorden\n  åbent 2 Nyt fra formanden\n  lukket 3 Klagesag\n"
            "  åbent 4 Eventuelt\n\nTil indholdsfortegnelse\n\n"
            " 1  Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n")
    doc = parse(text)
    assert [(i.number, i.title) for i in doc.items] == [(1, "Godkendelse af dagsorden"), (2, "Nyt fra formanden"),
                                                        (3, "Klagesag"), (4, "Eventuelt")]
    assert [i.closed for i in doc.items] == [False, False, True, False]


def test_a_disclosure_links_text_that_repeats_the_title_is_cut_from_the_heading():
    text = ("Landdistriktsrådet - Dagsordener og referater\nMødedato: 4. maj 2026\nMødested: Rådhuset\n"
            "Dagsordenpunkter\n1. Godkendelse af dagsordenKlik her for at folde ud og læse mere om Godkendelse af "
            "dagsorden\nBeslutning\nGodkendt\n2. Cykelstier i landsbyerneVis mere om Cykelstier i landsbyerne\n"
            "Beslutning\nGodkendt\n")
    assert [i.title for i in parse(text).items] == ["Godkendelse af dagsorden", "Cykelstier i landsbyerne"]


def test_names_in_a_sentence_saying_they_did_not_take_part_in_the_meeting_are_apologies():
    text = ("Referat\nMødedato: 4. maj 2026\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"
            "Peter Holm, Eva lund og Lise Bach deltog ikke på mødet.\n2. Eventuelt\nBeslutning\nIntet.\n"
            "Peter Holm, Eva lund og Lise Bach deltog ikke på mødet.\n")
    assert parse(text).absent == ["Peter Holm", "Lise Bach"]  # 'Eva lund' is left out rather than cut


def test_a_partial_absence_sentence_names_no_apology():
    text = ("Referat\nMødedato: 4. maj 2026\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"
            "Peter Holm deltog ikke i mødet under punkt 2.\n2. Eventuelt\nBeslutning\nIntet.\n")
    assert parse(text).absent == []


def test_a_bodys_code_before_every_item_number_is_no_part_of_the_items():
    text = ("Referat\nÆldrerådet, 4. maj 2026\n\nIndholdsfortegnelse\n\n • ÆR 1.......... Velkomst\n"
            " • ÆR 2.......... Budget 2027\n • ÆR 3.......... Eventuelt\n\nÆR 1.          Velkomst\n\nBeslutning:\n\n"
            "Godkendt.\n\nÆR 2.          Budget 2027\n\nBeslutning:\n\nGodkendt.\n\nÆR 3.          Eventuelt\n\n"
            "Beslutning:\n\nIntet.\n")
    assert [(i.number, i.title) for i in parse(text).items] == [(1, "Velkomst"), (2, "Budget 2027"), (3, "Eventuelt")]


def test_a_single_acronym_before_a_number_is_left_alone():
    from klynge.importer.parse import _without_item_codes

    lines = ["KL 2. Udspil om sundhed", "1. Velkomst"]
    assert _without_item_codes(lines) == lines


def test_ikke_tilstede_written_as_one_word_labels_apologies():
    text = ("Referat\nMødedato: 4. maj 2026\n\nIkke tilstede: Maria Holm, Bo Berg og Lise Bach\n\n1. Velkomst\n"
            "Beslutning\nGodkendt.\n2. Eventuelt\nBeslutning\nIntet.\n")
    assert parse(text).absent == ["Maria Holm", "Bo Berg", "Lise Bach"]


def test_a_role_without_a_name_after_v_slash_presents_the_item():
    text = ("Dagsorden\nMødedato: 4. maj 2026\n\n1. Godkendelse af dagsorden\n2. Orientering om økonomien i 2027 "
            "v/ formanden for rådet\n3. Eventuelt\n\nAd 1\nGodkendt.\n\nAd 2\nTaget til efterretning.\n\n"
            "Ad 3\nIntet.\n")
    item = parse(text).items[1]
    assert (item.title, item.presenter) == ("Orientering om økonomien i 2027", "formanden for rådet")


def test_a_role_word_inside_a_title_after_ved_is_no_presenter():
    text = ("Dagsorden\nMødedato: 4. maj 2026\n\n1. Godkendelse af dagsorden\n2. Samarbejde ved formanden for "
            "rådet og borgerne i byen om nye cykelstier\n3. Eventuelt\n\nAd 1\nGodkendt.\n\nAd 2\nGodkendt.\n\n"
            "Ad 3\nIntet.\n")
    assert parse(text).items[1].presenter is None


def test_an_item_titled_only_lukket_punkt_keeps_that_title_and_is_closed():
    text = ("Referat\nMødedato: 4. maj 2026\n\n 1. Godkendelse af dagsorden\n 2. Lukket punkt.\n 3. Underskriftsark\n\n"
            "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Lukket punkt.\n\n3. Underskriftsark\nIntet.\n")
    item = parse(text).items[1]
    assert (item.number, item.title, item.closed) == (2, "Lukket punkt", True)


def test_an_agenda_list_merged_with_one_items_page_keeps_the_lists_order():
    text = ("Udvalget for sundhed - mødesag\n\n  1. Beslutning: Kriterier for puljen\n  2. Lukket punkt.\n"
            "  3. Orientering: Status på vaccination\n  4. Beslutning: Arbejdsplan for udvalget 2027\n"
            "  5. Lukket punkt.\n  6. Eventuelt\n\n\n\n1. Beslutning: Kriterier for puljen\n\nIndstilling\n\n"
            "  1. At godkende modellen.\n  2. At godkende, at administrationen bemyndiges.\n\nBeslutning\n\n"
            "  1. Godkendt\n  2. Godkendt\n")
    doc = parse(text)
    assert [i.number for i in doc.items] == [1, 2, 3, 4, 5, 6]
    assert doc.items[0].decision


def test_a_labels_icon_alt_text_is_dropped_so_the_label_reads_the_value_below_it():
    text = ("Møde i regionsrådet den 4. maj 2026\n\nUdvalg Ikon\nRegionsrådet\nTidspunkt Ikon\nDato: 04-05-2026\n"
            "Tid: 17:00 - 19:10\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n2. Eventuelt\nBeslutning\n"
            "Intet.\n")
    doc = parse(text)
    assert doc.body == "Regionsrådet" and doc.start == datetime.time(17, 0)


def test_list_labels_glued_to_the_first_name_are_read_and_the_next_role_label_ends_the_list():
    text = ("Referat\nMødeBestyrelsesmøde\nTid\n\n04-05-2026, kl. 17.00 – 19.00\n\nStedSkolen\n"
            "DeltagereSine Holm, Ea Berg\nAfbudClaus Kroman Sørensen, Christine Nielsen\n"
            "MødelederLouise Agnete Madsen\nSekretær\n\nPreben Krogh, Vicky Jensen\n\n1. Godkendelse af dagsorden\n\n"
            "Godkendt\n\n2. Eventuelt\n\nIntet\n")
    assert parse(text).absent == ["Claus Kroman Sørensen", "Christine Nielsen"]


def test_a_member_marked_afbud_after_a_colon_in_the_members_list_is_an_apology():
    text = ("Referat\nMødedato: 4. maj 2026\n\nMedlemmer\n • Eva Holm: Afbud (Stedfortræder Bo Berg)\n • Per Lund\n\n"
            "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n2. Eventuelt\nBeslutning\nIntet.\n")
    assert parse(text).absent == ["Eva Holm"]


def test_an_item_title_with_a_colon_and_afbud_is_no_apology():
    text = ("Referat\nMødedato: 4. maj 2026\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"
            "Regler om fravær: afbud skal meldes i god tid.\n2. Eventuelt\nBeslutning\nIntet.\n")
    assert parse(text).absent == []


def test_an_apology_label_after_a_sentence_on_a_short_line_starts_its_own_list():
    text = ("Referat af menighedsrådsmøde torsdag den 4. maj 2026 kl. 17.00\nDeltagere\n"
            "Anna Madsen, Henrik Kusk (på teams), Ole Pedersen. Afbud: Jesper Knudsen, Conny Berg,\n"
            "Gitte Lang, Ove Johnsen. Fraværende: Rasmus Larsson\nDagsorden og beslutning\n"
            "1. Godkendelse af dagsorden\nBeslutning: Godkendt\n2. Meddelelser\nBeslutning: Ingen\n")
    assert sorted(parse(text).absent) == ["Conny Berg", "Gitte Lang", "Jesper Knudsen", "Ove Johnsen",
                                          "Rasmus Larsson"]


def test_a_lettered_sub_list_after_the_title_is_no_part_of_the_title():
    text = ("Referat\nMødedato: 4. maj 2026\n\n1. Godkendelse af dagsorden\nBeslutning: Godkendt\n"
            "2. Vedtægt og takster. a. Vedtægt: Forslag til ny tekst. Bilag\nBeslutning: Godkendt\n")
    assert parse(text).items[1].title == "Vedtægt og takster"


def test_an_agenda_written_as_bullets_under_its_label_gives_unnumbered_items():
    text = ("Mødet holdes i kantinen på Rådhuset tirsdag den 5. maj 2026 klokken 17:30\n\nDagsorden - åbent møde:\n\n"
            " • Budgetopfølgning for det sociale område pr. 31.3.2026\n • Budgetopfølgning pr. 31.3.2026\n"
            " • Kommuneplan 2026\n • Eventuelt\n\nLukket møde:\n\n • Salg af grund\n • Eventuelt\n\n"
            "Dagsordenen er fremlagt på Rådhuset.\n")
    doc = parse(text)
    assert [i.title for i in doc.items] == ["Budgetopfølgning for det sociale område pr. 31.3.2026",
                                            "Budgetopfølgning pr. 31.3.2026", "Kommuneplan 2026", "Eventuelt",
                                            "Salg af grund", "Eventuelt"]
    assert all(i.number is None for i in doc.items)
    assert "unnumbered_items" in [w.code for w in doc.warnings]


def test_two_bullets_under_a_dagsorden_label_are_no_agenda():
    with pytest.raises(NoMeetingFound):
        parse("Mødet holdes tirsdag den 5. maj 2026\n\nDagsorden:\n\n • Budget\n • Eventuelt\n\nVel mødt.\n")
