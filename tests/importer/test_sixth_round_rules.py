"""Issue 12, sixth round: general finders for the body, the place and unnumbered items (invented texts, not the
corpus's)."""

from klynge.importer import bodies
from klynge.importer.parse import parse


def _items(doc):
    return [(i.number, i.title) for i in doc.items]


AGENDA = ("\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
          "2. Budget 2026\n\nBeslutning\n\nTaget til efterretning.\n")


# --- body -------------------------------------------------------------------------------------------------


def test_a_body_named_in_the_genitive_before_its_meetings_is_found():
    doc = parse("Hjem Politik Råd og nævn Referater af Ungerådets møder i 2025\n\n3. marts 2025 – Ordinært møde\n"
                + AGENDA)
    assert doc.body == "Ungerådet"


def test_a_breadcrumb_line_full_of_body_nouns_gives_no_body_of_its_own():
    assert bodies.find_body(["Hjem Politik Byråd og udvalg Råd og nævn Kontakt"]) is None


def test_a_label_left_empty_does_not_make_the_next_label_the_body():
    doc = parse("Miljøudvalget - 12-02-2025\n\nReferat\nUdvalg:\nDato:\nOnsdag, 12 februar, 2025 - 17:00\n" + AGENDA)
    assert doc.body == "Miljøudvalget"


def test_a_month_and_year_are_never_the_body():
    doc = parse("Udvalget for grøn omstilling - Referat - 4. november 2025\n" + AGENDA)
    assert doc.body == "Udvalget for grøn omstilling"


def test_a_meeting_compound_names_its_body_in_the_definite_form():
    doc = parse("Skolebestyrelsesmøde torsdag den 6. februar 2025 kl. 17\n" + AGENDA)
    assert doc.body == "Skolebestyrelsen"


def test_a_generic_rådsmøde_names_no_particular_body():
    doc = parse("Rådsmøde 06.02.2025\n" + AGENDA)
    assert doc.body is None


def test_a_paired_compound_keeps_both_halves_of_its_name():
    assert bodies.find_body(["Referat", "Teknik- og Miljøudvalget, 03-04-2025, pkt. 7"]) \
        == "Teknik- og Miljøudvalget"


def test_a_body_noun_in_running_text_is_no_body():
    assert bodies.find_body(["Forslag til ny struktur for lokaludvalg"]) is None


def test_a_municipal_prefix_is_kept_as_written():
    assert bodies.find_body(["Dagsorden for Nordby Handicapråd"]) == "Nordby Handicapråd"


def test_a_room_in_the_town_hall_is_no_body():
    assert not bodies.is_body("Rådhuset, mødelokale 3")
    assert not bodies.is_body("Dato:")
    assert bodies.is_body("Styregruppe")


def test_a_title_part_without_a_body_noun_may_still_name_the_body():
    assert bodies.plausible_name("Fagligt strategisk niveau")
    assert not bodies.plausible_name("oktober 2025")
    assert not bodies.plausible_name("på Havnehuset samt frokost")
