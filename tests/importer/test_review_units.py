"""The review step's pure parts: a dry run's document kept as JSON and read back, and the
secretariat's corrections applied to it."""

import datetime
import json
from pathlib import Path

import pytest

from klynge.importer.normalise import normalise
from klynge.importer.parse import parse
from klynge.importer.report import from_json, to_json, to_stored

from .conftest import LILLEBAELT, RANDERS

CORPUS = Path(__file__).resolve().parents[2] / "bench" / "importer_corpus" / "docs"
SAMPLES = [LILLEBAELT, RANDERS] + [CORPUS / name for name in (
    "aarhus-stiftsraad-2018-02-08.txt", "affaldplus-bestyrelse-2016-01-29.txt",
    "albertslund-handicapraad-2018-03-14.txt", "bornholm-aeldreraad-2021-03-23.txt",
    "birkeroed-menighedsraad-2019-11-26-dagsorden.txt")]


def read(path):
    cleaned = normalise(path.read_text(encoding="utf-8"), None, [])
    return parse(cleaned.text, repairs=cleaned.repairs, changes=cleaned.replacements, source=path.name)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_the_report_read_back_gives_the_same_report(path):
    report = json.loads(json.dumps(to_json(read(path))))
    assert to_json(from_json(report)) == report


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_the_stored_form_read_back_is_the_very_same_document(path):
    doc = read(path)
    assert from_json(json.loads(json.dumps(to_stored(doc)))) == doc


def test_the_stored_form_keeps_what_the_report_leaves_out():
    doc = read(LILLEBAELT)
    back = from_json(json.loads(json.dumps(to_stored(doc))))
    assert [i.tasks for i in back.items] == [i.tasks for i in doc.items]
    assert back.guests == doc.guests and back.substitutes == doc.substitutes
    assert isinstance(back.date, datetime.date) and back.items[1].start == datetime.time(17, 5)
