"""The importer masks CPR numbers in every field it writes and flags the original file."""

import pytest
from django.apps import apps

from klynge.core.cpr import MASK, find_cpr, guarded, text_values
from klynge.importer.service import import_file
from klynge.meetings.models import Attachment, Attendance
from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import Affiliation, Body, BodyKind, Organisation, Person

from .conftest import LILLEBAELT

pytestmark = pytest.mark.django_db

PLACE = "Byrådssalen Middelfart Rådhus, Nytorv 9, 5500 Middelfart"


@pytest.fixture
def lillebaelt(db):
    cluster_kind = BodyKind.objects.get_or_create(name="Sundhedsklynge", defaults={"groups_bodies": True})[0]
    level_kind = BodyKind.objects.get_or_create(name="Fagligt strategisk niveau")[0]
    cluster = Body.objects.create(name="Sundhedsklynge Lillebælt", short_name="Lillebælt", slug="lillebaelt",
                                  kind=cluster_kind)
    Organisation.objects.create(name="Vejen Kommune", kind=OrganisationKind.MUNICIPALITY)
    return Body.objects.create(name="Sundhedsklynge Lillebælt – Fagligt strategisk niveau",
                               short_name="Fagligt strategisk niveau", slug="lillebaelt-fsn", kind=level_kind,
                               parent=cluster)


def _with_cpr_numbers() -> bytes:
    text = LILLEBAELT.read_text(encoding="utf-8")
    replacements = {
        PLACE: f"{PLACE} (nøgle 020290 4321)",
        "- Bo Smith, Leder af Sygeplejen, Vejen Kommune": "- Bo Smith, Leder af Sygeplejen 010190–1234, Vejen Kommune",
        "- Dorte Lunding, oversygeplejerske Psykiatrisk afdeling, Vejle":
            "- Dorte Lunding, oversygeplejerske Psykiatrisk afdeling 01.01.90-1234, Vejle",
        "Tværasektoriel aftale på børne- og ungeområdet i Region Syddanmark.pdf": "Journal 0101901234.pdf",
        "En særlig velkomst til dagens gæster": "En særlig velkomst (borger 150375\u00a01234) til dagens gæster",
    }
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    return text.encode("utf-8")


def stored_cpr_numbers() -> list[str]:
    """Every CPR number in any text of any row of any klynge model (history tables too)."""
    found = []
    for model in apps.get_models():
        if guarded(model):
            for row in model._default_manager.all():
                found += [f"{model._meta.label}.{f.name}: {t}" for f, t in text_values(row) if find_cpr(t)]
    return found


def test_every_field_the_importer_writes_is_masked_and_the_original_flagged(lexicon, lillebaelt):
    data = _with_cpr_numbers()
    result = import_file("Referat 311299-4321.txt", data)
    assert result.status == "imported", result.message
    meeting = result.meeting
    assert stored_cpr_numbers() == []
    assert meeting.address == f"{PLACE} (nøgle {MASK})"
    assert meeting.minutes_note == f"Importeret fra Referat {MASK}.txt."
    source = meeting.source_document
    assert source.contains_cpr and source.original_name == f"Referat {MASK}.txt"
    assert "311299" not in source.file.name
    with source.file.open("rb") as fh:
        assert fh.read() == data  # the flagged original keeps its bytes
    bo = Person.objects.get(name="Bo Smith")
    assert bo.title == f"Leder af Sygeplejen {MASK}"
    assert Affiliation.objects.get(person=bo).title == f"Leder af Sygeplejen {MASK}"
    assert Attendance.objects.get(person=bo).title == f"Leder af Sygeplejen {MASK}"
    assert MASK in Attendance.objects.get(person__name="Dorte Lunding").title
    assert Attachment.objects.filter(title=f"Journal {MASK}.pdf").exists()
    first = meeting.items.order_by("position").first()
    assert f"borger {MASK}" in first.minutes + first.decision
    assert any("CPR" in note for note in result.notes)


def test_the_report_and_the_dry_run_show_masked_text_only(lexicon, lillebaelt):
    result = import_file("referat.txt", _with_cpr_numbers(), dry_run=True)
    assert result.status == "checked", result.message
    assert find_cpr(str(result.report)) == []
    assert result.document.cpr_found == 5


def test_a_cpr_number_only_in_the_file_name_flags_the_original(lexicon, lillebaelt):
    result = import_file("Referat 010190-1234.txt", LILLEBAELT.read_bytes())
    assert result.status == "imported", result.message
    assert result.meeting.source_document.contains_cpr
    assert stored_cpr_numbers() == []


def test_the_import_messages_do_not_repeat_a_cpr_number_from_the_file_name(lexicon, lillebaelt):
    result = import_file("Referat 020290 4321.txt", LILLEBAELT.read_bytes())
    assert result.status == "imported", result.message
    assert find_cpr(result.message) == [] and find_cpr(result.filename) == []
    assert MASK in result.message
