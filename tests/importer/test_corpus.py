"""The corpus minutes, parsed: the facts a person reads in them, asserted exactly."""

import datetime

import pytest

from klynge.importer.normalise import normalise
from klynge.importer.parse import NoMeetingFound, parse
from klynge.importer.report import to_json

from .conftest import LILLEBAELT, RANDERS, STATUS_REPORT

T = datetime.time


def read(path, lexicon=None, names=()):
    cleaned = normalise(path.read_text(encoding="utf-8"), lexicon, names)
    return parse(cleaned.text, repairs=cleaned.repairs), cleaned


@pytest.fixture(scope="module")
def lillebaelt(lexicon):
    return read(LILLEBAELT, lexicon)[0]


@pytest.fixture(scope="module")
def randers(lexicon):
    return read(RANDERS, lexicon)[0]


def test_lillebaelt_header_is_recognised(lillebaelt):
    assert lillebaelt.kind == "minutes"
    assert lillebaelt.title == "REFERAT Sundhedsklynge Lillebælt - Fagligt strategisk niveau d. 07-12-2022"
    assert lillebaelt.cluster == "Sundhedsklynge Lillebælt"
    assert lillebaelt.body == "Fagligt strategisk niveau"
    assert lillebaelt.date == datetime.date(2022, 12, 7)
    assert lillebaelt.start == T(17, 0)
    assert lillebaelt.end == T(20, 0)  # the last item's slot: Eventuelt 19.55-20.00
    assert lillebaelt.place == "Byrådssalen Middelfart Rådhus, Nytorv 9, 5500 Middelfart"


def test_lillebaelt_has_fifteen_items_with_a_break_and_four_written_briefings(lillebaelt):
    items = lillebaelt.items
    assert len(items) == 15
    assert [i.number for i in items] == [1, 2, 3, 4, 5, None, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    pause = items[5]
    assert (pause.title, pause.kind, pause.start, pause.end) == ("Pause", "break", T(19, 10), T(19, 20))
    briefings = [i for i in items if i.kind == "written_briefing"]
    assert [i.number for i in briefings] == [11, 12, 13, 14]
    assert all(i.title.startswith("SKRIFTLIG ORIENTERING") for i in briefings)
    assert items[0].kind == "welcome" and items[10].kind == "any_other_business"


def test_lillebaelt_item_two_has_presenter_and_slot_written_with_a_dot(lillebaelt):
    item = lillebaelt.items[1]
    assert item.number == 2
    assert item.title == "Drøftelse af patient- og pårørendeinddragelse"
    assert item.presenter == "Mette Heidemann"
    assert (item.start, item.end) == (T(17, 5), T(17, 25))
    assert item.summary.startswith("Sundhedsklyngerne skal inddrage patientinddragelsesudvalget")
    assert "Loven om etablering af sundhedsklynger" in item.description
    assert item.recommendations == [
        "drøfter hvordan klyngen sikrer et fokus på patient og pårørendeperspektiver, herunder involvering af "
        "patient- og pårørenderepræsentanter."
    ]
    assert item.minutes.startswith("Fagligt strategisk niveau godkendte indstillingen")


def test_lillebaelt_slots_titles_and_sections(lillebaelt):
    by_number = {i.number: i for i in lillebaelt.items if i.number}
    assert by_number[3].title == "Temadrøftelse om børn og unges trivsel"
    assert (by_number[3].start, by_number[3].end) == (T(17, 25), T(18, 25))
    assert len(by_number[3].recommendations) == 3
    assert by_number[3].decision.startswith("Fagligt strategisk niveau godkendte indstillingen til punkt 1 og 2")
    assert by_number[3].attachments == ["Tværasektoriel aftale på børne- og ungeområdet i Region Syddanmark.pdf"]
    assert len(by_number[6].recommendations) == 5
    assert by_number[7].attachments[2] == "Notat_monitorering og evaluering af IV-aftale (23.8.21).pdf"
    assert len(by_number[7].attachments) == 4
    assert by_number[10].title == "Eventuelt" and (by_number[10].start, by_number[10].end) == (T(19, 55), T(20, 0))
    assert by_number[10].minutes == "Ingen punkter til eventuelt."


def test_lillebaelt_grants_table_is_parsed_with_danish_numbers(lillebaelt):
    item = next(i for i in lillebaelt.items if i.number == 5)
    assert item.tables == [[
        ["År", "Kommune", "Region", "I alt (kr.)"],
        [2022, 2069103, 2061670, 4130773],
        [2023, 2069103, 2110235, 4179338],
        [None, None, None, 8310111],
    ]]
    # the table adds up: no total warning
    assert not [w for w in lillebaelt.warnings if w.code == "table_total"]


def test_lillebaelt_guests_and_follow_up_task(lillebaelt):
    names = [g.name for g in lillebaelt.guests]
    assert names[:2] == ["Maria Sloth", "Birgitte Aagaard"]
    assert {"Alice Skaarup Jepsen", "Jeanett Dorthe Wraa", "Gitte Sparke", "Bo Smith", "Dorte Lunding"} <= set(names)
    item4 = next(i for i in lillebaelt.items if i.number == 4)
    owners = [(t.owner_kind, t.owner_name) for t in item4.tasks]
    assert ("person", "Kurt Æbelø") in owners
    task = next(t for t in item4.tasks if t.owner_name == "Kurt Æbelø")
    assert task.description.startswith("Kurt Æbelø undersøger, hvordan der samles op")
    assert task.recommendation == 1


def test_lillebaelt_table_of_contents_is_not_an_item(lillebaelt):
    assert not any("....." in i.title or "Indholdsfortegnelse" in i.title for i in lillebaelt.items)
    assert lillebaelt.warnings == []


def test_randers_header_attendees_and_no_apologies(randers):
    assert randers.kind == "minutes"
    assert randers.title == "REFERAT Randersklyngen d. 01-11-2023"
    assert randers.cluster == "Randersklyngen"
    assert randers.date == datetime.date(2023, 11, 1)
    assert randers.start == T(14, 0)
    assert randers.place == "Virtuelt møde"
    names = [a.name for a in randers.attendees]
    assert "Anders Kühnau" in names
    assert len(names) == 19
    assert randers.absent == []  # "Ingen afbud."
    torben = next(a for a in randers.attendees if a.name == "Torben Hansen")
    assert torben.organisation == "Randers Kommune"
    assert torben.title == "borgmester (kommunal formand)"
    kise = next(a for a in randers.attendees if a.name == "Henrik Idriss Kise")
    assert kise.organisation == "PLO-Midtjylland"
    fogh = next(a for a in randers.attendees if a.name == "Marie Nygård Fogh")
    assert (fogh.organisation, fogh.title) == ("PLO-Midtjylland", "praktiserende læge i Assentoft")


def test_randers_has_nine_items_with_the_journal_number(randers):
    assert len(randers.items) == 9
    assert [i.number for i in randers.items] == list(range(1, 10))
    assert all(i.case_number == "1-31-72-446-22" for i in randers.items)
    assert randers.items[0].title == "Mødedeltagere"
    item2 = randers.items[1]
    assert item2.title == "Orientering om mulighederne ved digitale forløbsguide"
    assert item2.kind == "orientation"
    assert item2.recommendations == ["orienteringen tages til efterretning"]
    assert item2.decision == "Orientering blev taget til efterretning."
    item4 = randers.items[3]
    assert len(item4.recommendations) == 2
    assert item4.attachments == ["Anbefalinger mental sundhed og forebyggelse af mistrivsel børn og unge"]
    assert randers.items[8].title == "Eventuelt" and randers.items[8].decision == "Ingen."


def test_clean_corpus_text_is_never_changed(lexicon):
    for path in (LILLEBAELT, RANDERS):
        original = path.read_text(encoding="utf-8")
        cleaned = normalise(original, lexicon)
        assert cleaned.repairs == 0, cleaned.replacements
        assert cleaned.text.strip() == original.replace("\r\n", "\n").strip()


def test_known_names_repair_an_ocr_damaged_name(lexicon):
    doc, cleaned = read(RANDERS, lexicon, names=["Kristine Lindeneg Drejø"])
    assert "Kristine Lindeneg Drejø" in [a.name for a in doc.attendees]
    assert cleaned.replacements == [("DrejØ", "Drejø")]
    assert doc.repairs == 1


def test_status_report_is_not_a_meeting(lexicon):
    with pytest.raises(NoMeetingFound):
        read(STATUS_REPORT, lexicon)


def test_report_has_exactly_the_documented_shape(lillebaelt):
    report = to_json(lillebaelt)
    assert list(report) == ["kind", "title", "body", "cluster", "date", "start", "end", "place", "attendees",
                            "absent", "guests", "items", "repairs", "changes", "warnings"]
    assert list(report["items"][0]) == ["number", "title", "presenter", "start", "end", "kind", "closed",
                                        "case_number", "summary", "description", "recommendations", "minutes",
                                        "decision", "attachments", "tables"]
    assert report["date"] == "2022-12-07" and report["start"] == "17:00"
    assert report["items"][1]["start"] == "17:05"
    assert report["items"][4]["tables"][0]["rows"][3] == [None, None, None, 8310111]
