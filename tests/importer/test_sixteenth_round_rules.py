"""Issue 12, sixteenth round (rules from seen17, after its blind measurement): section numbers above the meeting's
own labels, dash items followed by 'Beslutning: text', standing items that mark a meeting without a header, and the
kind word before the body's name. Invented texts only."""

import datetime

from klynge.importer.parse import parse

from .conftest import items_of


def test_section_numbers_above_the_meetings_own_labels_are_no_items():
    text = ("1\n\nDeltagere\n\n • Jakob Svane, Danske Havne\n • Eva Nielsen, Søfartsstyrelsen\n2\n\nAfbud\n\n"
            " • Michael Prehn, Danske Maritime\n3\n\nDagsorden:\n\n 1. Velkomst\n 2. Bordrunde\n 3. Eventuelt\n4\n\n"
            "Ad 1 Velkomst:\n\nEva Nielsen bød velkommen til mødet den 24. maj 2019.\n\n5\n\nAd 2: Bordrunde\n\n"
            "Alle fortalte.\n")
    assert items_of(text) == [(1, "Velkomst"), (2, "Bordrunde"), (3, "Eventuelt")]


def test_dash_items_each_followed_by_beslutning_and_its_text_are_items():
    text = ("Beslutningsprotokol fra MR møde 7. December 2021\nOrdinært møde i Mørke Kirke menighedsråd\n"
            "Den 7-12-2021 kl. 19:30\nSted: Sognegården, Kirkevej 30a, 8544 Mørke\n"
            "- Godkendelse af dagsorden\nBeslutning: Dagsorden blev godkendt\n- Siden sidst:\nCorona pas.\n"
            "Beslutning: Punktet udskydes.\n- Orientering fra:\nKirkeværge:\nBeslutning: Intet.\n")
    parsed = parse(text)
    assert [(i.number, i.title) for i in parsed.items] == [(None, "Godkendelse af dagsorden"), (None, "Siden sidst"),
                                                           (None, "Orientering fra")]
    assert parsed.date == datetime.date(2021, 12, 7) and parsed.body == "Mørke Kirke menighedsråd"


def test_numbered_standing_items_mark_a_meeting_without_any_header():
    text = ("1. Godkendelse af dagsorden.\n\nDagsorden godkendt uden yderligere bemærkninger.\n\n"
            "2. Kontaktpersoner\n\nDer nedsættes et udvalg.\n\n3. Årskalender\n\nTine fremlægger et udkast.\n\n"
            "4. Eventuelt\n\nIntet.\n")
    assert [n for n, _ in items_of(text)] == [1, 2, 3, 4]


def test_the_kind_word_before_the_bodys_name_is_no_part_of_it():
    text = ("Beslutningsprotokol Mørke Kirke menighedsråd\nDen 11-04-2023 kl. 19:00\nSted: Sognegården\n\n"
            "1. Godkendelse af dagsorden\nBeslutning: Godkendt.\n\n2. Regnskab\nBeslutning: Godkendt.\n\n"
            "3. Eventuelt\nBeslutning: Intet.\n")
    assert parse(text).body == "Mørke Kirke menighedsråd"


def test_one_absent_person_a_bullet_with_an_organisation_after_a_comma():
    text = ("Referat af møde i branchepanelet den 24. maj 2019\n\nAfbud\n\n • Michael Prehn, Danske Maritime (mail)\n"
            " • Klaus G. Andersen, Fredericia Shipping\n\nDagsorden:\n\n 1. Velkomst\n 2. Bordrunde\n 3. Eventuelt\n\n"
            "Ad 1 Velkomst:\n\nVelkommen.\n")
    assert parse(text).absent == ["Michael Prehn", "Klaus G. Andersen"]


def test_an_agenda_titled_dagsorden_with_a_date_below_is_read_without_items_when_none_are_found():
    text = ("Dagsorden\n\n11. mødedag, tirsdag den 9. May 2023, kl. 11:00\nPunktnummer / Behandlingsdatoer\n"
            "Imm./pkt.: 2\nRedegørelse for dagsordenen.\n\nImm./pkt.: 66\nForslag til beslutning.\n")
    parsed = parse(text)
    assert parsed.date == datetime.date(2023, 5, 9) and parsed.start == datetime.time(11, 0)
    # (since the thirty-fifth round the labelled numbers 'Imm./pkt.: N' are read as the items, numbered through the
    # session; before, this agenda was read without items)
    assert [(i.number, i.title) for i in parsed.items] == [(2, "Redegørelse for dagsordenen"),
                                                           (66, "Forslag til beslutning")]


def test_a_portals_labels_on_lines_of_their_own_mark_a_meeting():
    text = ("200225 – Nittende ordinære kommunalbestyrelsesmøde\n\nUdvalg\nKommunalbestyrelsen\nDato\n"
            "25. February 2020 -\nTitel\nForside\n\nSagsfremstilling\n\nAfbud: Justus Hansen (D)\n")
    parsed = parse(text)
    assert parsed.date == datetime.date(2020, 2, 25) and parsed.body == "Kommunalbestyrelsen"


def test_a_start_at_midnight_is_a_portals_empty_time():
    text = ("Dagsorden\n\n4. mødedag, tirsdag den 4. October 2011, kl. 00:00\nImm./pkt.: 2\nRedegørelse.\n")
    assert parse(text).start is None


def test_eventuelt_followed_by_a_full_stop_and_its_text_keeps_its_short_title():
    text = ("Referat af møde i kirkegårdsbestyrelsen den 3. marts 2015\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "2. Eventuelt. Intet at berette.\n")
    items = parse(text).items
    assert items[1].title == "Eventuelt" and "Intet at berette" in (items[1].minutes + items[1].description)


def test_the_time_of_the_next_meeting_in_a_title_is_no_slot_of_the_item():
    text = ("Referat af menighedsrådsmøde den 24. september 2020 kl. 17.00\n\nDagsorden:\n"
            "1. Godkendelse af dagsorden\n2. Næste menighedsrådsmøde torsdag den 29. oktober 2020 kl. 17.30.\n"
            "3. Eventuelt\n\nAd 1.\nGodkendt.\n")
    item = parse(text).items[1]
    assert item.title == "Næste menighedsrådsmøde torsdag den 29. oktober 2020 kl. 17.30" and item.start is None


def test_one_heading_for_two_items_ad_3_4():
    text = ("Referat af fællesmøde den 29. marts 2017\n\nAd 1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "Ad 2. Orientering\nTaget til efterretning.\n\n"
            "Ad 3-4. Godkendelse af regnskab og budget\nGodkendt.\n\nAd 5. Eventuelt\nIntet.\n")
    assert items_of(text) == [(1, "Godkendelse af dagsorden"), (2, "Orientering"),
                              (3, "Godkendelse af regnskab og budget"), (5, "Eventuelt")]
    assert "item_number_skipped" not in [w.code for w in parse(text).warnings]  # the heading covers item 4


def test_the_place_before_the_weekday_and_date_of_the_meetings_line():
    for line, place in (("Sengeløse Sognegård, onsdag den 19. maj 2021 kl. 19:00", "Sengeløse Sognegård"),
                        ("Sognegården onsdag 9. juni 2021 kl. 19:00", "Sognegården")):
        text = (f"Referat af menighedsrådsmøde\n{line}\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n"
                "2. Eventuelt\nIntet.\n")
        assert parse(text).place == place


def test_an_address_after_mødet_afholdtes_is_the_place():
    text = ("Der var indkaldt til møde i menighedsrådet tirsdag den 13. juni 2017 kl. 19.00. Mødet afholdtes Bag "
            "Kirken 5, 4573 Højby.\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert parse(text).place == "Bag Kirken 5, 4573 Højby"


def test_du_er_her_is_web_furniture():
    text = ("Du er her: \n\nReferat af menighedsmøde den 9. juni 2020\n\n1. Velkomst\nTekst.\n\n2. Eventuelt\nIntet.\n")
    parsed = parse(text)
    assert parsed.title.startswith("Referat af menighedsmøde") and parsed.body != "Du er her"


def test_absent_names_run_together_are_split_by_the_names_the_document_writes_elsewhere():
    text = ("Bestyrelsen\n\nJesper Balle Kristensen – repræsentant for udvalget\n\n"
            "Søren Lahn Sloth – personalerepræsentant\n\nReferat af bestyrelsesmøde afholdt 27. september 2022.\n\n"
            "Til stede var:\n\nHolger Schmedes, Anne Mette Schrader og Bent Hjort\n\nAfbud fra:\n\n"
            "Jesper Balle Kristensen Søren Lahn Sloth.\n\nDagsorden\n\n1. Bordet rundt\nTekst.\n\n2. Eventuelt\n")
    assert parse(text).absent == ["Jesper Balle Kristensen", "Søren Lahn Sloth"]


def test_the_minutes_approval_date_is_no_meeting_date_and_no_title():
    text = ("Behandlet og godkendt af menighedsrådet 9. oktober 2019.\n\n"
            "Bilag kan rekvireres ved henvendelse til kirkekontoret.\n\n"
            "Menighedsrådets budget: se under dagsordenen for 8. maj 2019.\n\n"
            "AKTIVITETSUDVALGETS MØDE 12. JUNI 2018\n\nDato og tid: Tirsdag d. 12. juni kl. 14.00, Sognehuset\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    parsed = parse(text)
    assert parsed.date == datetime.date(2018, 6, 12)
    assert not parsed.title.startswith("Behandlet") and parsed.body != "Behandlet og godkendt af menighedsrådet"


# --- from seen19 ---------------------------------------------------------------------------------------------

def test_a_bare_number_before_an_ordinal_title_is_an_item():
    text = ("Kommunalbestyrelsen\nReferat 5. november 2019\n\nIndholdsfortegnelse\n342 Godkendelse af dagsorden\n"
            "343 Kirkelig ligning\n344 2. behandling af budget 2020-23\n345 Spørgetid\n\n"
            "342. Godkendelse af dagsorden\nSagsnr.: 1\nGodkendt.\n\n343. Kirkelig ligning\nSagsnr.: 2\nGodkendt.\n\n"
            "345. Spørgetid\nSagsnr.: 4\nIngen.\n")  # item 344's body is not in the text; the contents list has it
    assert [n for n, _ in items_of(text)] == [342, 343, 344, 345]


def test_varighed_gives_the_hours_and_indkaldt_lists_the_members_called():
    text = ("Referat af forældremøde den 7. juni 2017\n\nSted: Børnehuset\n\nDato: 7. juni 2017\n\n"
            "Varighed: kl. 18:15-20:30\n\nIndkaldt/tilstedeværende:\n\nJulie Tofte Johnsen\nSune Cording\n\n"
            "Fraværende:\n\n1. Velkomst\nTekst.\n\n2. Eventuelt\n")
    parsed = parse(text)
    assert (parsed.start, parsed.end) == (datetime.time(18, 15), datetime.time(20, 30))
    assert [p.name for p in parsed.attendees] == ["Julie Tofte Johnsen", "Sune Cording"]


def test_the_kind_of_meeting_after_the_place_is_no_part_of_it():
    text = ("Kommunalbestyrelsen\nReferat 5. november 2019\nSted: Mødesalen, Ringe - Ekstraordinært\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\n")
    assert parse(text).place == "Mødesalen, Ringe"


def test_a_flattened_table_header_row_is_no_body_its_row_names_it():
    text = ("Mødedetaljer\n\nUdvalg Dato Type Hent\nByrådet 24-06-2020 16:00 Referat Samlet dokument\n\n"
            "Punkt 571 Spørgetid\n  • Sagsfremstilling\n    Ingen.\n"
            "Punkt 572 Revisionsberetning\n  • Sagsfremstilling\n    Taget til efterretning.\n")
    assert parse(text).body == "Byrådet"


def test_the_meetings_weekday_date_and_time_line_beats_a_portals_dated_news_line():
    text = ("Dagsordener og referater\n\n31. oktober 2019: Offentlig information om et lukket punkt.\n\nKulturråd\n\n"
            "Mandag den 04-02-2019 kl. 17:30\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
            "2. Kulturpris\nBeslutning\nGodkendt.\n\n3. Eventuelt\nBeslutning\nIntet.\n")
    assert parse(text).date == datetime.date(2019, 2, 4)


def test_an_item_number_glued_to_the_year_ending_the_item_before_is_cut_off():
    text = ("Referat af forældremøde den 7. juni 2017\n\n1. Velkomst\n"
            "2. Oplæg – Møde om bestyrelsesarbejde 9. maj 20173.    Forældrebestyrelsens principper\n4. Eventuelt\n")
    assert [n for n, _ in items_of(text)] == [1, 2, 3, 4]
    assert items_of(text)[1] == (2, "Oplæg – Møde om bestyrelsesarbejde 9. maj 2017")


def test_a_lower_case_last_item_after_a_numbered_run_and_text_after_a_glued_bilag_are_read():
    text = ("Ungdomsskolebestyrelsesmøde mandag den 8. dec 2014, kl. 18-21\n\nreferat\n\n"
            "1. Præsentation af bestyrelsesmedlemmerne-bilag\nok\n\n"
            "2. Ungdomsskolens og ungdomsskolebestyrelsens opgaver-bilag\n"
            "På baggrund af bilaget udsprang en livlig drøftelse fra en engageret bestyrelse\n\n"
            "3.  Godkendelse af referat\nReferatet godkendt\n\n4.  Budgetopfølgning-bilag\nTekst.\n\n"
            "5. orientering fra afdelingerne\n • Ungdomsklubberne\n")
    items = parse(text).items
    assert [(i.number, i.title) for i in items] == [
        (1, "Præsentation af bestyrelsesmedlemmerne"), (2, "Ungdomsskolens og ungdomsskolebestyrelsens opgaver"),
        (3, "Godkendelse af referat"), (4, "Budgetopfølgning"), (5, "orientering fra afdelingerne")]
    assert items[1].attachments == [] and "livlig drøftelse" in items[1].minutes + items[1].description


# --- from seen20 ---------------------------------------------------------------------------------------------

def test_a_decision_after_a_colon_ends_the_title_but_a_kind_before_a_colon_does_not():
    text = ("Referat af aktivitetsrådsmøde onsdag den 8. juni 2022\n\n"
            "1. Godkendelse af referat: Referatet blev godkendt\n\n"
            "2. Forsikring - Jeanette: Punktet blev udsat pga fravær\n\n"
            "3. Beslutning: Kriterier for udmøntning af puljen\n\n4. Eventuelt\n")
    assert items_of(text) == [(1, "Godkendelse af referat"), (2, "Forsikring - Jeanette"),
                              (3, "Beslutning: Kriterier for udmøntning af puljen"), (4, "Eventuelt")]


def test_an_all_ones_list_whose_entries_carry_their_minutes_after_a_colon_is_the_items():
    text = ("• Aktivitetsrådsmøde onsdag den 8. maj 2024 kl. 13 på Bavnehøj\n\n"
            "  Deltagere: Anna Nielsen, Inger Holm\n\n"
            "  1. Velkomst og kaffe: – Jonna bød velkommen, og der var kage.\n\n   \n\n"
            "  1. Godkendelse af referat: Referat godkendt\n\n   \n\n"
            "  1. Udflugt d. 15. maj: Der er kun 29 tilmeldte, men turen gennemføres.\n\n   \n\n"
            "  1. Rådsudflugt: Det er bestemt at det bliver fredag den 16. august 2024.\n")
    assert items_of(text) == [(1, "Velkomst og kaffe"), (2, "Godkendelse af referat"), (3, "Udflugt d. 15. maj"),
                              (4, "Rådsudflugt")]


def test_a_list_of_first_names_is_the_attendees_but_roles_and_units_are_not_names():
    text = ("Referat af skolebestyrelsesmøde\nDato: Torsdag d. 8. september 2022 kl. 18:00-20:00\n"
            "Tilstede: Louise, Lucas, Palle, Rikke og Preben\nAfbud: Karl-Martin og Pernille\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\n")
    assert [p.name for p in parse(text).attendees] == ["Louise", "Lucas", "Palle", "Rikke", "Preben"]
    text = text.replace("Louise, Lucas, Palle, Rikke og Preben", "Socialchef, Sekretær, Jura og Fælles Stabe")
    assert parse(text).attendees == []


def test_a_list_label_glued_to_the_end_of_the_title_line_opens_the_list():
    text = ("Referat fra Handicaprådsmøde torsdag den 5. december 2013Deltagere:\nHenrik Lam, DH\n"
            "Arvid Westad, DH\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\n")
    assert [p.name for p in parse(text).attendees] == ["Henrik Lam", "Arvid Westad"]
