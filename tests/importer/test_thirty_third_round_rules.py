"""Issue 12, thirty-third round (the thirteenth session). Invented texts only."""

from pathlib import Path

from tests.importer.conftest import closed_items_of as _items


def _bench(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[2] / "bench"))
    import importer_accuracy

    return importer_accuracy


def test_the_bench_counts_a_bare_lukket_after_a_dash_as_the_read_items_closed_flag(monkeypatch):
    bench = _bench(monkeypatch)
    truth = {"number": 6, "title": "Bestyrelsen har ordet - LUKKET"}
    assert bench.title_right(truth, {"number": 6, "title": "Bestyrelsen har ordet", "closed": True})
    assert not bench.title_right(truth, {"number": 6, "title": "Bestyrelsen har ordet", "closed": False})
    # a title ending in the plain word is no mark without the dash
    assert not bench.title_right({"number": 2, "title": "Vejen er nu lukket"},
                                 {"number": 2, "title": "Vejen er nu", "closed": True})


def test_an_items_kind_beside_its_allotted_minutes_is_not_part_of_its_title():
    text = ("Referat - Skolebestyrelsesmøde\n\nTirsdag den 5. september 2023, kl. 16.30 - 19.30\n\n"
            "1. Godkendelse af dagsorden (2 min, beslutning)\nGodkendt.\n\n"
            "2. Forretningsorden (10 min, orientering)\nSkolelederen gennemgik forretningsordenen.\n\n"
            "3. Årshjul for skolebestyrelsen (Drøftelse - 5 min.)\nÅrshjulet blev drøftet.\n")
    assert [i[:2] for i in _items(text)] == [(1, "Godkendelse af dagsorden"), (2, "Forretningsorden"),
                                            (3, "Årshjul for skolebestyrelsen")]


def test_a_bracket_of_minutes_and_other_words_stays_in_the_title():
    text = ("Referat - Skolebestyrelsesmøde\n\nTirsdag den 5. september 2023, kl. 16.30 - 19.30\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "2. Forslag om 10 min. frikvarter (10 min, elevrådet)\nElevrådet fremlagde forslaget.\n")
    assert _items(text)[1][1] == "Forslag om 10 min. frikvarter (10 min, elevrådet)"
