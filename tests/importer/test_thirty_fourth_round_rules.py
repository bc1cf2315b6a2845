"""Issue 12, thirty-fourth round (the fourteenth session). Invented texts only."""

from klynge.importer import layout
from tests.importer.conftest import closed_items_of as _items

GLUED_PAGE = (
    "Dagsorden for mødet i udvalget den 12. marts 2024.1. Godkendelse af dagsorden2. Budgetopfølgning for "
    "første kvartalÆndringsforslag fra Ib Hansen (V): At sagen udsættes til næste møde3. Trafikplan for "
    "bydelen 20244. Høring om skolestruktur i nord5. Orientering fra direktionen om PROJEKT GRØN6. Eventuelt "
    "og næste mødes tid og sted i rådhuset")


def test_a_long_line_of_items_each_glued_to_the_title_before_it_is_cut_into_its_items():
    pieces = layout.split_glued_run(GLUED_PAGE)
    assert pieces[0] == "Dagsorden for mødet i udvalget den 12. marts 2024."
    assert [p.split(".")[0] for p in pieces if p[:1].isdigit()] == ["1", "2", "3", "4", "5", "6"]
    # the year before a glued number stays with its title, the glued line break before the text under a title is cut
    assert "3. Trafikplan for bydelen 2024" in pieces
    assert "2. Budgetopfølgning for første kvartal" in pieces
    assert "Ændringsforslag fra Ib Hansen (V): At sagen udsættes til næste møde" in pieces


def test_a_glued_item_list_on_a_web_page_is_read_as_its_items():
    text = "Udvalget for Teknik\n\n" + GLUED_PAGE + "\n"
    assert [i[:2] for i in _items(text)] == [
        (1, "Godkendelse af dagsorden"), (2, "Budgetopfølgning for første kvartal"),
        (3, "Trafikplan for bydelen 2024"), (4, "Høring om skolestruktur i nord"),
        (5, "Orientering fra direktionen om PROJEKT GRØN"), (6, "Eventuelt og næste mødes tid og sted i rådhuset")]


def test_a_long_paragraph_with_two_glued_numbers_stays_whole():
    line = ("Udvalget drøftede sagen grundigt og besluttede at sende den videre til byrådet med de bemærkninger "
            "der fremgår af bilag2. Desuden blev det aftalt at følge op på punkt3. Herefter orienterede formanden "
            "om det videre forløb i sagen og om de næste skridt i processen frem mod sommerferien.")
    assert layout.split_glued_run(line) == [line]
