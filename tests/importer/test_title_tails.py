"""Issue 12: where an item's title ends, learned (klynge/importer/title_tails.py, title_model.json) instead of one
more rule per layout. Invented texts only."""

import math

import pytest

from klynge.importer import title_tails
from klynge.importer.title_tails import Cut, TitleContext, TitleModel, cuts
from tests.importer.conftest import read_normalised as _parse

PARISH_MINUTES = ("Referat af menighedsrådsmøde\n\nTirsdag den 10. oktober 2017 kl. 19.00\n\nSted: Sognehuset\n\n"
                  "1. Godkendelse af dagsorden\n\nGodkendt.\n\n"
                  "2. Valg af præsterepræsentant til provstiudvalget. Præsten afgav sin stemme.\n\n"
                  "3. Årsregnskab 2021. Regnskabet fremlægges og behandles\n\nGodkendt.\n\n"
                  "4. Eventuelt\n\nIntet.\n")



@pytest.fixture
def model_cutting_after_a_sentence():
    """A model that is sure of every cut after a full stop and of none elsewhere: tests the plumbing, not the
    shipped weights."""
    model = TitleModel(["sep_sentence"], [20.0], -10.0, [0.0], [1.0], threshold=0.9)
    old = title_tails.use_title_model(model)
    yield model
    title_tails.use_title_model(old)


def test_every_kind_of_place_a_title_can_end_is_a_cut():
    title = "Orientering fra formanden. Godkendt – intet nyt (bilag) v/ Anne, referatBordet rundt"
    assert {c.separator for c in cuts(title)} >= {"sentence", "dash", "bracket", "presenter", "comma", "glued"}


def test_an_abbreviation_a_number_or_a_date_is_no_sentence_end():
    for title in ("Evt. forslag til mødet", "Mødet den 9. maj om budgettet", "Pkt. fra sidste møde",
                  "Årsregnskab 2021. Regnskabet fremlægges"):
        assert not [c for c in cuts(title) if c.separator == "sentence"], title


def test_a_cut_leaves_a_title_of_at_least_one_word():
    assert not cuts("A. Nielsen")
    assert all(len(title[:c.at].strip()) >= 3 for title in ("Ok - x", "Budget – status") for c in cuts(title))


def test_a_tail_shape_shared_by_the_documents_other_items_is_counted():
    titles = ["Nyt fra kassereren – intet nyt", "Nyt fra udvalgene – intet nyt", "Kirkegården"]
    context = TitleContext.of(titles, minutes=True)
    cut = next(c for c in cuts(titles[0]) if c.separator == "dash")
    f = title_tails.features(titles[0], cut, context)
    assert f["shape_recurs"] == 1.0 and f["tail_outcome"] == 1.0 and f["minutes"] == 1.0


def test_the_shipped_model_cuts_what_was_said_at_the_meeting_off_the_title():
    items = _parse(PARISH_MINUTES).items
    assert [i.title for i in items] == ["Godkendelse af dagsorden", "Valg af præsterepræsentant til provstiudvalget",
                                        "Årsregnskab 2021. Regnskabet fremlægges og behandles", "Eventuelt"]
    assert items[1].minutes.startswith("Præsten afgav sin stemme.")


def test_every_cut_is_reported_to_the_user_in_danish():
    warnings = [w for w in _parse(PARISH_MINUTES).warnings if w.code == "title_trimmed"]
    assert [(w.item, w.message) for w in warnings] == [
        (2, "Titlen på punkt 2 er afkortet før «Præsten afgav sin stemme.»; resten står først i punktets referat. "
            "Kontrollér det.")]


def test_the_shipped_model_leaves_ordinary_titles_alone():
    text = ("Dagsorden for udvalgsmødet\n\nMandag den 3. februar 2025 kl. 16.00\n\n"
            "1. Temadrøftelse - Nyt speciale i akutmedicin\n\n2. Budget 2026, første behandling\n\n"
            "3. Orientering fra GudenåSamarbejdet\n\n4. Evt. forslag til næste møde\n")
    assert [i.title for i in _parse(text).items] == [
        "Temadrøftelse - Nyt speciale i akutmedicin", "Budget 2026, første behandling",
        "Orientering fra GudenåSamarbejdet", "Evt. forslag til næste møde"]


def test_a_cut_tail_is_kept_as_the_items_text_in_an_agenda(model_cutting_after_a_sentence):
    text = ("Dagsorden for udvalgsmødet\n\nMandag den 3. februar 2025 kl. 16.00\n\n"
            "1. Trafikplan for bymidten. Forvaltningen fremlægger tre modeller\n\nSagen er udsat fra januar.\n\n"
            "2. Eventuelt\n")
    item = _parse(text).items[0]
    assert item.title == "Trafikplan for bymidten"
    assert item.description.startswith("Forvaltningen fremlægger tre modeller")
    assert "Sagen er udsat fra januar." in item.description


def test_a_cut_tail_naming_who_presents_becomes_the_presenter():
    model = TitleModel(["sep_presenter"], [20.0], -10.0, [0.0], [1.0], threshold=0.9)
    old = title_tails.use_title_model(model)
    try:
        text = ("Dagsorden for rådsmødet\n\nMandag den 3. februar 2025 kl. 16.00\n\n"
                "1. Drøftelse af rådets værdigrundlag v. arbejdsgruppen\n\n2. Eventuelt\n")
        item = _parse(text).items[0]
    finally:
        title_tails.use_title_model(old)
    assert (item.title, item.presenter) == ("Drøftelse af rådets værdigrundlag", "arbejdsgruppen")


def test_without_a_model_file_no_title_is_cut():
    assert title_tails.NEVER.threshold == math.inf
    old = title_tails.use_title_model(title_tails.NEVER)
    try:
        titles = [i.title for i in _parse(PARISH_MINUTES).items]
    finally:
        title_tails.use_title_model(old)
    assert titles[1] == "Valg af præsterepræsentant til provstiudvalget. Præsten afgav sin stemme."


def test_the_model_round_trips_through_its_file_format():
    model = TitleModel(["a", "b"], [0.5, -1.0], 0.25, [0.1, 0.2], [1.0, 2.0], threshold=0.9)
    again = TitleModel.from_json(model.to_json())
    assert again == model
    assert TitleModel.from_json({**model.to_json(), "threshold": None}).threshold == math.inf
    assert again.trimmed("Budget", TitleContext()) == ("Budget", "")
    assert isinstance(cuts("Budget - status")[0], Cut)


def test_the_shipped_model_never_saw_the_blind_split_and_cuts_only_where_sure():
    import json
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from importer_accuracy import BLIND

    data = json.loads(title_tails.MODEL_PATH.read_text(encoding="utf-8"))
    assert BLIND not in data["trained_on"] and "dev" in data["trained_on"]
    assert 0.5 <= title_tails.title_model().threshold < 1
