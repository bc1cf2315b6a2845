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


# --- place ------------------------------------------------------------------------------------------------


def test_a_place_written_over_several_address_lines_is_read_whole():
    doc = parse("Referat af møde i Ungerådet 3. marts 2025\n\nSted\n\nMedborgerhuset (lille sal)\nSkolegade 14\n"
                "4300 Holbæk\n\nReferent\n\nAnne Berg\n" + AGENDA)
    assert doc.place == "Medborgerhuset (lille sal), Skolegade 14, 4300 Holbæk"


def test_a_place_line_is_not_extended_by_a_date_or_a_time():
    doc = parse("Referat af møde i Ungerådet\n\nSted: Medborgerhuset\n3. marts 2025 kl. 17.00\n" + AGENDA)
    assert doc.place == "Medborgerhuset"


def test_mødet_afholdes_i_names_the_place():
    doc = parse("Dagsorden for Ældrerådet den 3. marts 2025 kl. 10.00\n\nMødet afholdes i Byrådssalen.\n" + AGENDA)
    assert doc.place == "Byrådssalen"


# --- presenters after a slash, ordinal titles -------------------------------------------------------------

ORDINALS = ("Dagsorden for Menighedsrådet den 3. marts 2025 kl. 19\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n"
            "2. Kort nyt / ved formanden\n\nIntet.\n\n3. 1. kvartalsrapport / kassereren\n\nBilag eftersendes\n\n"
            "4. 3. behandling af budget\n\nVedtaget.\n\n5. Eventuelt\n\nIntet.\n")


def test_a_presenter_after_a_slash_leaves_the_title():
    doc = parse(ORDINALS)
    assert [(i.number, i.title, i.presenter) for i in doc.items][1:3] == [
        (2, "Kort nyt", "formanden"), (3, "1. kvartalsrapport", "kassereren")]


def test_an_ordinal_title_after_the_item_number_is_one_item_in_a_consistent_run():
    assert _items(parse(ORDINALS)) == [(1, "Godkendelse af dagsorden"), (2, "Kort nyt"), (3, "1. kvartalsrapport"),
                                       (4, "3. behandling af budget"), (5, "Eventuelt")]


def test_an_ordinal_line_inside_an_item_is_no_new_item():
    doc = parse("Referat af Ældrerådet den 3. marts 2025 kl. 10\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n"
                "2. Regnskab\n\nRådet gennemgik:\n\n2. kvartalsrapport / kassereren\n\nTaget til efterretning.\n\n"
                "3. Eventuelt\n\nIntet.\n")
    assert _items(doc) == [(1, "Godkendelse af dagsorden"), (2, "Regnskab"), (3, "Eventuelt")]


def test_a_slash_between_two_topics_is_no_presenter():
    doc = parse("Dagsorden for Ældrerådet den 3. marts 2025 kl. 10\n\n1. Trafik / parkering\n\nDrøftet.\n\n"
                "2. Eventuelt\n\nIntet.\n")
    assert doc.items[0].title == "Trafik / parkering" and doc.items[0].presenter is None


# --- unnumbered items from the document's own recurring labels ---------------------------------------------

UNNUMBERED = ("Referat fra møde i Ungerådet\n\nDato: Tirsdag d. 4.3. 2025\nTid: kl. 17.00-19.00\n\n"
              "Dagsorden med referat:\n\n"
              "Velkommen til nye medlemmer\n\nIndhold:\n\nTo nye medlemmer præsenterede sig.\n\nReferat\n\n"
              "Rådet bød velkommen.\n\n"
              "Skatepark ved havnen\n\nIndhold:\n\nForvaltningen viste tegninger.\n\nReferat\n\nRådet støtter "
              "planen.\n\n"
              "Næste møde\n\nIndhold:\n\nDatoen skal aftales.\n\nReferat\n\nMødet holdes i maj.\n")


def test_unnumbered_items_are_found_from_labels_that_recur_in_every_case():
    doc = parse(UNNUMBERED)
    assert [i.title for i in doc.items] == ["Velkommen til nye medlemmer", "Skatepark ved havnen", "Næste møde"]
    assert any(w.code == "unnumbered_items" for w in doc.warnings)


def test_labels_that_do_not_recur_in_one_order_give_no_items():
    from klynge.importer import layout

    lines = ["Velkommen", "", "Indhold:", "Tekst.", "Referat", "Godkendt.", "Budget", "", "Referat",
             "Tekst.", "Indhold:", "Tekst."]
    assert layout.recurring_label_headings(lines) == []


def test_a_lower_case_phrase_from_a_sentence_gives_way_to_the_body_noun_phrase_in_the_first_lines():
    doc = parse("Referat fra dialogmøde med Kulturudvalget 2. maj 2025\n\n" + AGENDA)
    assert doc.body == "Kulturudvalget"


def test_the_next_label_ends_a_bulleted_apology_list():
    from klynge.importer import layout

    assert layout.labelled_absent(["Afbud:", "- Sofie Holm", "Gæst:", "- Per Vang, Ungdomsskolen"]) == ["Sofie Holm"]
