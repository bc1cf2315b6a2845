"""Loading into the meeting models: one transaction, re-import is a no-op, persons never duplicated."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings

from klynge.documents.models import SourceDocument
from klynge.importer import load as load_module
from klynge.importer.service import import_file
from klynge.meetings.choices import AttendanceStatus, ItemKind, MeetingStatus, Outcome, TaskOwnerKind
from klynge.meetings.models import AgendaItem, Attendance, Matter, Meeting, Recommendation, Task
from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import Body, BodyKind, Organisation, Person

from .conftest import LILLEBAELT, RANDERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def lillebaelt_bodies(db):
    cluster_kind = BodyKind.objects.get_or_create(name="Sundhedsklynge", defaults={"groups_bodies": True})[0]
    level_kind = BodyKind.objects.get_or_create(name="Fagligt strategisk niveau")[0]
    cluster = Body.objects.create(name="Sundhedsklynge Lillebælt", short_name="Lillebælt", slug="lillebaelt",
                                  kind=cluster_kind)
    level = Body.objects.create(name="Sundhedsklynge Lillebælt – Fagligt strategisk niveau",
                                short_name="Fagligt strategisk niveau", slug="lillebaelt-fsn", kind=level_kind,
                                parent=cluster)
    politisk = Body.objects.create(name="Sundhedsklynge Lillebælt – Politisk niveau", short_name="Politisk niveau",
                                   slug="lillebaelt-pol", kind=level_kind, parent=cluster)
    randers = Body.objects.create(name="Randersklyngen", slug="randersklyngen", kind=cluster_kind)
    return cluster, level, politisk, randers


def counts():
    return (Meeting.objects.count(), AgendaItem.objects.count(), Attendance.objects.count(), Person.objects.count(),
            Recommendation.objects.count(), Task.objects.count(), SourceDocument.objects.count(),
            Matter.objects.count())


def test_minutes_are_loaded_into_the_body_matched_from_the_title(lexicon, lillebaelt_bodies):
    _, level, _, _ = lillebaelt_bodies
    heidemann = Person.objects.create(name="Mette Heidemann")
    data = LILLEBAELT.read_bytes()
    result = import_file(LILLEBAELT.name, data)
    assert result.status == "imported", result.message
    meeting = result.meeting
    assert meeting.body == level
    assert (meeting.date, meeting.start, meeting.end) == (datetime.date(2022, 12, 7), datetime.time(17),
                                                          datetime.time(20))
    assert meeting.status == MeetingStatus.MINUTES_PUBLISHED
    assert meeting.address == "Byrådssalen Middelfart Rådhus, Nytorv 9, 5500 Middelfart"
    assert meeting.source_document.sha256 == SourceDocument.digest(data)
    with meeting.source_document.file.open("rb") as fh:
        assert fh.read() == data  # kept byte for byte
    items = list(meeting.items.order_by("position"))
    assert len(items) == 15
    assert [i.kind for i in items].count(ItemKind.WRITTEN_BRIEFING) == 4
    assert [i.number for i in items] == [1, 2, 3, 4, 5, 0, *range(6, 15)]  # the break takes no number
    item2 = items[1]
    assert list(item2.presenters.all()) == [heidemann]  # matched, not duplicated
    assert item2.duration_minutes == 20
    assert "<p>" in item2.description and "<script" not in item2.description
    assert Person.objects.filter(name="Mette Heidemann").count() == 1
    item3 = items[2]
    outcomes = list(item3.recommendations.order_by("number").values_list("outcome", flat=True))
    assert outcomes == [Outcome.APPROVED, Outcome.APPROVED, Outcome.APPROVED]
    task = Task.objects.get()
    assert task.owner_kind == TaskOwnerKind.PERSON and task.owner_person.name == "Kurt Æbelø"
    assert task.recommendation.number == 1 and task.item.title.startswith("Erfaringer fra Det Nationale")
    guests = Attendance.objects.filter(meeting=meeting, status=AttendanceStatus.GUEST)
    assert guests.count() == 7
    assert guests.get(person__name="Maria Sloth").item == items[0]


def test_reimporting_the_same_file_changes_nothing_and_says_so(lexicon, lillebaelt_bodies):
    data = RANDERS.read_bytes()
    first = import_file(RANDERS.name, data)
    assert first.status == "imported", first.message
    before = counts()
    again = import_file("kopi-af-" + RANDERS.name, data)
    assert again.status == "unchanged"
    assert "allerede importeret" in again.message and "Intet er ændret" in again.message
    assert counts() == before


def test_persons_are_matched_by_name_and_organisation_never_duplicated(lexicon, lillebaelt_bodies):
    _, _, _, randers = lillebaelt_bodies
    region = Organisation.objects.create(name="Region Midtjylland", kind=OrganisationKind.REGION)
    randers_kommune = Organisation.objects.create(name="Randers Kommune", kind=OrganisationKind.MUNICIPALITY)
    kuhnau = Person.objects.create(name="Anders Kühnau")
    torben = Person.objects.create(name="Torben Hansen")
    torben.affiliations.create(organisation=randers_kommune, title="Borgmester")
    other_torben = Person.objects.create(name="Torben Hansen")
    other_torben.affiliations.create(organisation=region, title="Læge")
    result = import_file(RANDERS.name, RANDERS.read_bytes(), body=randers)
    assert result.status == "imported", result.message
    meeting = result.meeting
    assert meeting.attendance.count() == 19
    assert meeting.attendance.get(person=kuhnau).status == AttendanceStatus.PRESENT
    assert meeting.attendance.filter(person=torben).exists()
    assert not meeting.attendance.filter(person=other_torben).exists()
    assert Person.objects.filter(name="Anders Kühnau").count() == 1
    assert Person.objects.filter(name="Torben Hansen").count() == 2
    created = Person.objects.get(name="Claus Graversen")
    # "Psykiatrien Region Midtjylland" is not a party of its own here: the region it belongs to is
    assert list(created.affiliations.values_list("organisation__name", flat=True)) == ["Region Midtjylland"]
    attendance = meeting.attendance.get(person=created)
    assert attendance.organisation == region
    assert attendance.title == "sygeplejefaglig direktør, Psykiatrien Region Midtjylland"
    # items sharing the journal number form one matter
    matter = Matter.objects.get(case_number="1-31-72-446-22")
    assert matter.items.count() == 9
    # a second, different file naming the same people creates no new persons
    persons = Person.objects.count()
    text = RANDERS.read_text(encoding="utf-8").replace("01-11-2023", "02-11-2023")
    text = text.replace("01. november", "02. november")
    second = import_file("randers-2.txt", text.encode("utf-8"), body=randers)
    assert second.status == "imported", second.message
    assert Person.objects.count() == persons


def test_a_failure_while_loading_leaves_nothing_behind(lexicon, lillebaelt_bodies, monkeypatch):
    _, level, _, _ = lillebaelt_bodies
    before = counts()

    def explode(meeting):
        raise RuntimeError("databasen sagde nej")

    monkeypatch.setattr(load_module, "renumber", explode)
    result = import_file(LILLEBAELT.name, LILLEBAELT.read_bytes(), body=level)
    assert result.status == "failed"
    assert "intet er gemt" in result.message
    assert counts() == before
    media = Path(settings.MEDIA_ROOT)
    assert not [p for p in media.rglob("*") if p.is_file()]  # the stored original is removed again


def test_dry_run_writes_nothing(lexicon, lillebaelt_bodies):
    before = counts()
    result = import_file(LILLEBAELT.name, LILLEBAELT.read_bytes(), dry_run=True)
    assert result.status == "checked" and result.report["items"]
    assert result.body == lillebaelt_bodies[1]
    assert counts() == before


def test_an_agenda_becomes_a_published_agenda(lexicon, lillebaelt_bodies):
    _, _, politisk, _ = lillebaelt_bodies
    text = ("Dagsorden – Sundhedsklynge Lillebælt – Politisk niveau\nMødedato: 16. januar 2023 kl. 16.00-18.00\n"
            "Mødested: Kolding Rådhus\n\nPunkt 1: Velkomst (kl. 16.00-16.05)\n"
            "Punkt 2: Anvendelse af klyngemidler (kl. 16.05-17.00)\nIndstilling\n1. godkender forslaget\n")
    result = import_file("dagsorden.txt", text.encode("utf-8"))
    assert result.status == "imported", result.message
    assert result.meeting.body == politisk
    assert result.meeting.status == MeetingStatus.AGENDA_PUBLISHED
    assert result.meeting.end == datetime.time(18)
    rec = Recommendation.objects.get()
    assert (rec.text, rec.outcome) == ("godkender forslaget", "")


def test_cpr_numbers_in_imported_text_are_masked_and_the_original_flagged(lexicon, lillebaelt_bodies):
    text = ("Referat – Sundhedsklynge Lillebælt – Politisk niveau\nMødedato: 16. januar 2023 kl. 16.00-18.00\n\n"
            "Punkt 1: Borgerhenvendelse (kl. 16.00-16.30)\nBeslutning\n"
            "Henvendelsen fra borgeren med CPR 010203-1234 blev drøftet.\n")
    result = import_file("cpr.txt", text.encode("utf-8"))
    assert result.status == "imported", result.message
    item = result.meeting.items.get()
    assert "010203-1234" not in item.decision and "XXXXXX-XXXX" in item.decision
    assert result.meeting.source_document.contains_cpr
    assert any("CPR" in note for note in result.notes)


def test_an_imported_meeting_link_is_kept_out_of_the_public_address(lexicon, lillebaelt_bodies, client):
    text = ("Dagsorden – Sundhedsklynge Lillebælt – Politisk niveau\nMødedato: 16. januar 2023 kl. 16.00-18.00\n"
            "Mødested: Teams: https://teams.example.invalid/l/meetup-join/hemmeligt\n\n"
            "Punkt 1: Velkomst (kl. 16.00-16.05)\n")
    result = import_file("dagsorden.txt", text.encode("utf-8"))
    assert result.status == "imported", result.message
    meeting = result.meeting
    assert meeting.online_link == "https://teams.example.invalid/l/meetup-join/hemmeligt"
    assert "hemmeligt" not in meeting.address
    assert "hemmeligt" not in client.get(f"/moeder/{meeting.pk}/").content.decode()


AGENDA_TEXT = """Dagsorden
Møde i Fagligt strategisk niveau, Sundhedsklynge Lillebælt
Mødedato: 5. marts 2024 kl. 9.00-11.00
Mødested: Rådhuset, Torvet 1

1. Godkendelse af dagsorden
Indstilling
Det indstilles, at dagsordenen godkendes.

2. Drøftelse af klyngemidler
Indstilling
Det indstilles, at klyngemidlerne drøftes.
"""

MINUTES_TEXT = AGENDA_TEXT.replace("Dagsorden\n", "Referat\n", 1).replace(
    "Det indstilles, at dagsordenen godkendes.\n",
    "Det indstilles, at dagsordenen godkendes.\nBeslutning\nGodkendt.\n").replace(
    "Det indstilles, at klyngemidlerne drøftes.\n",
    "Det indstilles, at klyngemidlerne drøftes.\nBeslutning\nDrøftet.\n").replace(
    "Mødested: Rådhuset, Torvet 1\n", "Mødested: Rådhuset, Torvet 1\nAfbud: Anne Holm\n")


def test_an_agenda_and_its_later_minutes_become_one_meeting(lexicon, lillebaelt_bodies):
    _, level, _, _ = lillebaelt_bodies
    agenda = import_file("dagsorden.txt", AGENDA_TEXT.encode(), body=level)
    assert agenda.status == "imported", agenda.message
    assert agenda.meeting.status == MeetingStatus.AGENDA_PUBLISHED
    minutes = import_file("referat.txt", MINUTES_TEXT.encode(), body=level)
    assert minutes.status == "imported", minutes.message
    assert Meeting.objects.filter(body=level, date=datetime.date(2024, 3, 5)).count() == 1
    meeting = Meeting.objects.get(body=level, date=datetime.date(2024, 3, 5))
    assert meeting.pk == agenda.meeting.pk and meeting.status == MeetingStatus.MINUTES_PUBLISHED
    assert [i.decision for i in meeting.items.order_by("position")] == ["Godkendt.", "Drøftet."]
    assert meeting.items.count() == 2
    assert Attendance.objects.get(meeting=meeting, person__name="Anne Holm").status == AttendanceStatus.APOLOGIES
    assert meeting.source_document.original_name == "referat.txt"


def test_prose_minutes_load_as_a_meeting_without_items_with_attendance(lexicon, lillebaelt_bodies):
    _, _, _, randers = lillebaelt_bodies
    text = ("Referat Randersklyngen 26. januar 2017\n\nTil stede var Peter Dahl og Lone Krog.\n\n"
            "Afbud fra Ole Vinther og Eva Lind\n\nØkonomi og budget blev gennemgået.\n")
    result = import_file("prosa-referat.txt", text.encode("utf-8"), body=randers)
    assert result.status == "imported", result.message
    meeting = result.meeting
    assert meeting.date == datetime.date(2017, 1, 26) and meeting.items.count() == 0
    absent = Attendance.objects.filter(meeting=meeting, status=AttendanceStatus.APOLOGIES)
    assert {a.person.name for a in absent} == {"Ole Vinther", "Eva Lind"}
    assert "no_items" in [w.code for w in result.document.warnings]
