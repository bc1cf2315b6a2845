"""Issue 12, thirty-third round (the thirteenth session). Invented texts only."""

from pathlib import Path


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
