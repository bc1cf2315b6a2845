"""klynge import-minutes: the exact --json shape, dry runs, bodies."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from klynge.meetings.models import Meeting

from .conftest import LILLEBAELT, RANDERS

pytestmark = pytest.mark.django_db

TOP = ["kind", "title", "body", "cluster", "date", "start", "end", "place", "attendees", "absent", "guests", "items",
       "repairs", "changes", "warnings"]
ITEM = ["number", "title", "presenter", "start", "end", "kind", "closed", "case_number", "summary", "description",
        "recommendations", "minutes", "decision", "attachments", "tables"]


def run(capsys, *args):
    call_command("import-minutes", *args)
    return capsys.readouterr()


def check_shape(report):
    assert list(report) == TOP
    assert report["kind"] in ("minutes", "agenda")
    for key in ("title", "date"):
        assert isinstance(report[key], str)
    for person in report["attendees"]:
        assert list(person) == ["name", "title", "organisation"]
    assert all(isinstance(n, str) for n in report["absent"] + report["guests"])
    assert isinstance(report["repairs"], int)
    for warning in report["warnings"]:
        assert list(warning) == ["code", "message", "item"]
    for item in report["items"]:
        assert list(item) == ITEM
        assert item["number"] is None or isinstance(item["number"], int)
        assert isinstance(item["closed"], bool)
        for table in item["tables"]:
            assert list(table) == ["rows"]
            assert all(c is None or isinstance(c, (str, int, float)) for row in table["rows"] for c in row)


def test_json_for_one_file_is_one_object(lexicon, capsys):
    out = run(capsys, str(LILLEBAELT), "--dry-run", "--json").out
    report = json.loads(out)
    check_shape(report)
    assert report["date"] == "2022-12-07" and report["start"] == "17:00" and report["end"] == "20:00"
    assert report["body"] == "Fagligt strategisk niveau" and report["cluster"] == "Sundhedsklynge Lillebælt"
    item2 = report["items"][1]
    assert (item2["number"], item2["presenter"], item2["start"], item2["end"]) == (2, "Mette Heidemann", "17:05",
                                                                                  "17:25")
    assert report["items"][5]["number"] is None and report["items"][5]["kind"] == "break"
    assert report["items"][4]["tables"] == [{"rows": [["År", "Kommune", "Region", "I alt (kr.)"],
                                                      [2022, 2069103, 2061670, 4130773],
                                                      [2023, 2069103, 2110235, 4179338],
                                                      [None, None, None, 8310111]]}]
    assert Meeting.objects.count() == 0


def test_json_for_several_files_is_a_list(lexicon, capsys):
    out = run(capsys, str(LILLEBAELT), str(RANDERS), "--dry-run", "--json").out
    reports = json.loads(out)
    assert [r["title"][:20] for r in reports] == ["REFERAT Sundhedsklyn", "REFERAT Randersklyng"]
    for report in reports:
        check_shape(report)
    randers = reports[1]
    assert randers["absent"] == [] and "Anders Kühnau" in [a["name"] for a in randers["attendees"]]
    assert {i["case_number"] for i in randers["items"]} == {"1-31-72-446-22"}


def test_import_into_a_given_body_then_again_is_a_no_op(lexicon, capsys, structure):
    out = run(capsys, str(RANDERS), "--body", structure.political.slug).out
    assert "er importeret" in out and "Klynge A – Politisk niveau" in out
    meeting = Meeting.objects.get()
    assert meeting.body == structure.political and meeting.items.count() == 9
    out = run(capsys, str(RANDERS), "--body", structure.political.slug).out
    assert "allerede importeret" in out and Meeting.objects.count() == 1


def test_unknown_body_is_refused(capsys, db):
    with pytest.raises(CommandError, match="Organet “findes-ikke” findes ikke"):
        call_command("import-minutes", str(RANDERS), "--body", "findes-ikke")


def test_without_a_body_and_no_match_the_cli_says_what_to_do(lexicon, capsys, structure):
    with pytest.raises(SystemExit) as exit_info:
        call_command("import-minutes", str(RANDERS))
    assert exit_info.value.code == 1
    assert "Angiv organet med --body" in capsys.readouterr().err
    assert Meeting.objects.count() == 0


def test_a_folder_is_imported_with_a_progress_bar_and_a_summary(lexicon, tmp_path, capsys):
    folder = tmp_path / "arkiv"
    (folder / "2022").mkdir(parents=True)
    (folder / "2022" / LILLEBAELT.name).write_bytes(LILLEBAELT.read_bytes())
    (folder / "statusrapport.txt").write_text("Ingen møde her, kun en rapport.\n", encoding="utf-8")
    (folder / "billede.png").write_bytes(b"\x89PNG")  # not an importable file: skipped
    with pytest.raises(SystemExit) as exit_info:
        call_command("import-minutes", str(folder), "--dry-run")
    assert exit_info.value.code == 1  # one file failed; the good one was still read
    err = capsys.readouterr().err
    assert "[##############################] 2/2 filer" in err
    assert "Færdig: 2 filer" in err and "1 kontrolleret (prøv kun)" in err
    assert "1 mislykkedes (statusrapport.txt)" in err
    assert Meeting.objects.count() == 0


def test_an_empty_folder_is_refused_with_a_danish_message(tmp_path):
    with pytest.raises(CommandError, match="ingen filer at importere"):
        call_command("import-minutes", str(tmp_path))


UNDATED = ("Mødested: Rådhuset\n\nOrientering om trafikplan\n\nIndstilling\n\nForvaltningen indstiller,\n\n"
           "1. at orienteringen tages til efterretning\n\nBeslutning\n\nTaget til efterretning.\n")


def test_a_text_without_a_date_takes_the_date_given_with_date_and_says_so(tmp_path, capsys):
    path = tmp_path / "punkt.txt"
    path.write_text(UNDATED, encoding="utf-8")
    out = run(capsys, str(path), "--dry-run", "--json", "--date", "2022-05-12")
    report = json.loads(out.out)
    assert report["date"] == "2022-05-12"
    assert "date_from_source" in [w["code"] for w in report["warnings"]]


def test_a_text_without_a_date_takes_the_date_in_its_source_address(tmp_path, capsys):
    path = tmp_path / "punkt.txt"
    path.write_text(UNDATED, encoding="utf-8")
    out = run(capsys, str(path), "--dry-run", "--json", "--source", "https://example.dk/udvalg/12052022/punkt-3")
    assert json.loads(out.out)["date"] == "2022-05-12"


def test_a_malformed_date_option_is_refused_in_danish(tmp_path):
    path = tmp_path / "punkt.txt"
    path.write_text(UNDATED, encoding="utf-8")
    with pytest.raises(CommandError, match="ikke en dato"):
        call_command("import-minutes", str(path), "--dry-run", "--date", "12/5")
