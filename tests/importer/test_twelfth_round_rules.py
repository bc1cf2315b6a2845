"""Issue 12, twelfth round: items numbered 'Nr.1 -' or 'Sag: Nr.: 2', the body named in the meeting's own decision
lines, and an organisation in an unclosed bracket after a name. Invented texts only."""

from klynge.importer.layout import labelled_absent
from klynge.importer.parse import parse

from .conftest import items_of


def test_items_numbered_nr_with_a_dash_are_read():
    text = ("12-03-2019 kl. 17:00\nMødelokale 2\n\nNr.1 - Godkendelse af dagsorden\n\nGodkendt.\n\n"
            "Nr.2 - Budget 2020\n\nDrøftet.\n\nNr.3 - Eventuelt\n\nIntet.\n")
    assert items_of(text) == [(1, "Godkendelse af dagsorden"), (2, "Budget 2020"), (3, "Eventuelt")]


def test_items_under_a_case_and_number_label_are_read_also_with_the_number_on_its_own_line():
    text = ("Referat\n\nDato: Mandag den 15. april 2024 kl. 17.00\n\nSag: Nr.: \n1\nGodkendelse af dagsorden\n"
            "v. formanden\nGodkendt.\n\nSag: Nr.: 2 Formandens punkt\nv. formanden\nOrientering.\n\n"
            "Sag: Nr.: 3 Eventuelt\nIntet.\n")
    assert items_of(text) == [(1, "Godkendelse af dagsorden"), (2, "Formandens punkt"), (3, "Eventuelt")]


def test_the_body_named_in_the_meetings_own_decision_lines_is_the_body_not_a_name_with_a_council():
    text = ("27-02-2018 kl. 17:00\nLilletrommen\n\nMedlemmer\n\nAnne Holm (A)\n\nBo Berg (Kulturelt Samråd)\n\n"
            "Afbud\n\nPer Lund (Idrætsrådet\n\nNr.1 - Godkendelse af dagsorden\n\n"
            "Beslutning i Kulturudvalget (18-21) den 27-02-2018\n\nGodkendt.\n\nNr.2 - Tilskud\n\n"
            "Sagsfremstilling\nBeslutning i Fritidsudvalget den 3. januar 2018: Oversendt.\n\n"
            "Beslutning i Kulturudvalget (18-21) den 27-02-2018\n\nBevilget.\n")
    assert parse(text).body == "Kulturudvalget"


def test_a_bracket_never_closed_after_an_absent_name_names_no_one():
    lines = ["Afbud", "", "Kristian Holm (B)", "", "Alice Krag (Børne- og Ungdomsorganisationernes Samråd", "",
             "Signe Bak (Aftenskoleforeningen)", "", "Nr.1 - Træffetid"]
    assert labelled_absent(lines) == ["Kristian Holm", "Alice Krag", "Signe Bak"]


def test_unnumbered_items_sharing_one_template_of_labelled_fields_are_read_and_the_user_is_warned():
    text = ("Referat af skolebestyrelsesmøde\nDato: onsdag den 20. august 2025 kl. 17.00-19.00\n"
            "Afbud: Tem (KBH), Sergej og Naima\n"
            "Opfølgning fra sidste møde - Ansvarlig (alle) - Proces (Information)\nKort status.\n"
            "- Ad 1. Status givet\n"
            "Forretningsorden - Ansvarlig (Mikkel og René) - Proces (Information)\n- Ad 2. Godkendt\n"
            "Årshjul - Ansvarlig (René) - Proces (Drøftelse)\nDrøftet.\n")
    parsed = parse(text)
    assert [(i.number, i.title) for i in parsed.items] == [
        (None, "Opfølgning fra sidste møde"), (None, "Forretningsorden"), (None, "Årshjul")]
    assert any("samme felter efter titlen" in w.message for w in parsed.warnings)
    assert parsed.absent == ["Tem", "Sergej", "Naima"]


def test_two_lines_of_one_template_are_no_items():
    text = ("Referat\nDato: 20. august 2025\n1. Godkendelse af dagsorden\nMødeplan - Ansvarlig (René)\n"
            "Årshjul - Ansvarlig (René)\n2. Eventuelt\n")
    assert items_of(text) == [(1, "Godkendelse af dagsorden"), (2, "Eventuelt")]


def test_a_transcripts_page_number_before_an_item_number_is_not_part_of_the_heading():
    filler = " ".join(["Tekst om sagen."] * 20)
    text = ("1 Referat af skolebestyrelsesmøde Mandag d. 4. februar 2019 1. Godkendelse af dagsorden Beskrivelse: "
            f"Godkendelse. {filler} 2. Godkendelse af referat Beskrivelse: Referatet. {filler}\n\n"
            f"2 3. Orienteringer fra Beskrivelse: orientering. {filler}\n")
    assert items_of(text) == [(1, "Godkendelse af dagsorden"), (2, "Godkendelse af referat"),
                              (3, "Orienteringer fra")]


def test_an_open_or_closed_case_mark_after_a_transcripts_title_is_not_part_of_it():
    filler = " ".join(["sagen beskrives her og fortsætter"] * 20)
    text = ("Referat Handicaprådet den 3. april 2012 kl. 17.30 1. Godkendelse af dagsorden Åben sag "
            f"{filler} 2. Sager fra politiske udvalg - april Åben sag {filler}\n")
    assert items_of(text) == [(1, "Godkendelse af dagsorden"), (2, "Sager fra politiske udvalg - april")]


def test_a_body_keeps_neither_a_page_number_before_it_nor_the_meetings_number_after_it():
    from klynge.importer.layout import body_name

    assert body_name("1   Handicaprådet Møde nr.: 4") == "Handicaprådet"
    assert body_name("Sundhedsudvalget") == "Sundhedsudvalget"


def test_a_table_row_without_edges_gives_its_first_cell_and_the_cases_description_is_cut_off():
    text = ("Provstiudvalgsmøde den 31. maj 2024\nMødepunkt | Referat |\n1 - Godkendelse af dagsorden | Godkendt. |\n"
            "2 - PUK - Budget 2025 Udkast til budget 2025 for kassen. | Godkendt. |\n"
            "3 - Provstesyn 2024 - Præstegård Provstesyn 2024 over Øse præstegård. | Ingen bemærkninger. |\n"
            "4 - Agerbæk - Rådgiverkontrakt til godkendelse Agerbæk menighedsråd anmoder om godkendelse. "
            "| Godkendt |\n")
    assert items_of(text) == [(1, "Godkendelse af dagsorden"), (2, "PUK - Budget 2025"),
                              (3, "Provstesyn 2024 - Præstegård"), (4, "Agerbæk - Rådgiverkontrakt til godkendelse")]


def test_a_sentence_after_the_title_on_its_line_is_cut_off_but_a_proper_noun_is_not_and_a_role_and_name_present():
    text = ("Referat af provstiudvalgsmøde den 16. marts 2022 kl. 15.00\n\n"
            "1 - Godkendelse af dagsorden Dagsorden godkendes.\n\n2 - Status på projekt Sundhedshus Nord.\n\n"
            "3 - Gæsteforelæsning ved udvalgsformand Caroline Holm. Caroline havde meldt afbud.\n\n"
            "4 - Eventuelt\n")
    assert items_of(text) == [(1, "Godkendelse af dagsorden"), (2, "Status på projekt Sundhedshus Nord"),
                              (3, "Gæsteforelæsning"), (4, "Eventuelt")]
    # (since 6 December 2026 'ved <role> <name>' is the item's presenter, as 'v. <role> <name>' was)
    assert parse(text).items[2].presenter == "Caroline Holm"


def test_an_attachment_link_glued_to_the_title_is_not_part_of_it():
    text = ("Referat af bestyrelsesmøde den 8. december 2014\n\n1. Præsentation af medlemmerne-bilag\nGodkendt.\n\n"
            "2. Budgetopfølgning-bilag 2\nTaget til efterretning.\n\n3. Eventuelt\nIntet.\n")
    assert items_of(text) == [(1, "Præsentation af medlemmerne"), (2, "Budgetopfølgning"), (3, "Eventuelt")]


def test_a_body_keeps_no_kind_no_authority_before_it_and_a_sentence_is_no_body():
    from klynge.importer.layout import body_name

    assert body_name("Ældre- og Sundhedsudvalget Beslutningsprotokol") == "Ældre- og Sundhedsudvalget"
    assert body_name("Handicaprådet REFERAT. Mødedato: Onsdag den") == "Handicaprådet"
    assert body_name("Tønder Kommune Kommunalbestyrelsen") == "Kommunalbestyrelsen"
    assert body_name("Der skal nedsættes en arbejdsgruppe") is None
    assert body_name("Særligt udvalg vedr. praksisområdet og samarbejde med kommuner") == \
        "Særligt udvalg vedr. praksisområdet og samarbejde med kommuner"
    assert body_name("Egebjerg Kommune. Kommunalbestyrelsen.") == "Kommunalbestyrelsen"


def test_a_transcripts_run_of_header_labels_is_split_at_start_and_end_labels():
    from klynge.importer.layout import split_header_labels

    line = ("1 REFERAT Handicaprådet Mødedato: Onsdag den 6. juni 2007 Mødested: Mødelokale Øst, Trekanten 7, "
            "6500 Vojens Starttidspunkt: Kl. 15:00 Sluttidspunkt: Kl. 16:30 Afbud: Fraværende: Bemærkninger:")
    parts = split_header_labels(line)
    assert "Mødested: Mødelokale Øst, Trekanten 7, 6500 Vojens" in parts
    assert "Starttidspunkt: Kl. 15:00" in parts and "Sluttidspunkt: Kl. 16:30" in parts


def test_a_transcripts_page_number_before_the_documents_own_header_is_no_item():
    text = ("1 Referat Handicaprådet Møde nr.: 4/2012 Mødedato: Tirsdag den 3. april 2012\n\n"
            "2. Sager fra politiske udvalg\nTekst.\n\n3. Eventuelt\nIntet.\n")
    assert items_of(text) == [(2, "Sager fra politiske udvalg"), (3, "Eventuelt")]


def test_a_lone_first_name_after_ved_presents_the_item_when_the_document_names_someone_so():
    text = ("Referat af forældrerådsmøde den 8. november 2018\n\nMedlemmer:\n\nHanne (Ellas mor)\n\n"
            "Martin (Jes' far)\n\n"
            "1. Orientering fra bestyrelsen ved Hanne\nTekst.\n\n2. Cykelsti ved Nymindegab\nTekst.\n\n3. Eventuelt\n")
    items = parse(text).items
    assert [(i.title, i.presenter) for i in items] == [
        ("Orientering fra bestyrelsen", "Hanne"), ("Cykelsti ved Nymindegab", None), ("Eventuelt", None)]


def test_an_allotment_with_an_end_time_gives_the_items_end_and_a_title_label_goes():
    text = ("Referat af skolebestyrelsesmøde den 12. april 2023 kl. 18.30\n\n"
            "1. Godkendelse af dagsorden (5 min)\nGodkendt\n\n"
            "2. Nyt fra elevrådet (10 min - slut kl. 18.45)\nTekst.\n\n"
            "3. Emne: Ungekongres\nTekst.\n")
    items = parse(text).items
    assert [i.title for i in items] == ["Godkendelse af dagsorden", "Nyt fra elevrådet", "Ungekongres"]
    assert str(items[1].end) == "18:45:00"


def test_a_break_in_a_list_printed_all_as_ones_takes_its_place_but_no_number():
    text = ("Referat af skolebestyrelsesmøde den 12. april 2023\n\n 1. Godkendelse af dagsorden\n\nGodkendt\n\n"
            " 1. Skolefesten\n\nDrøftet.\n\n 1. PAUSE - 10 min\n\n \n\n 1. Høringssvar\n\nVedtaget.\n\n"
            " 1. Eventuelt\n\nIntet.\n")
    # (the minutes allotted after a dash are no part of the title since the thirty-fifth round)
    assert items_of(text) == [(1, "Godkendelse af dagsorden"), (2, "Skolefesten"), (None, "PAUSE"),
                              (3, "Høringssvar"), (4, "Eventuelt")]


def test_any_other_business_keeps_its_short_title_and_its_text_goes_to_the_item():
    text = ("Referat af bestyrelsesmøde den 26. oktober 2015\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "2. Evt. Kommende møderække: 12.1 og 13.4 Skal bestyrelsen oprette en tænketank?\n\n")
    items = parse(text).items
    assert [(i.number, i.title) for i in items] == [(1, "Godkendelse af dagsorden"), (2, "Evt.")]
    assert "Kommende møderække" in items[1].minutes + items[1].description
    assert items_of("Referat den 3. juni 2013\n\n38. Budget\nTekst.\n\n39. Evt. afholdelse af orienteringsmøde\n"
                    "Tekst.\n") == [(38, "Budget"), (39, "Evt. afholdelse af orienteringsmøde")]


def test_a_sentence_under_a_long_heading_is_the_items_text_not_the_rest_of_its_title():
    text = ("Referat af bestyrelsesmøde den 26. oktober 2015\n\n"
            "1. Evaluering af den økonomiske tildelingsmodel til udlægning af ressourcer til støtteområdet\n"
            "Dagplejen får tilsyneladende lov til at beholde den nuværende tildeling\n\n2. Eventuelt\n")
    assert items_of(text) == [
        (1, "Evaluering af den økonomiske tildelingsmodel til udlægning af ressourcer til støtteområdet"),
        (2, "Eventuelt")]


def test_minutes_titled_as_the_minutes_of_a_meeting_are_read_without_items_rather_than_refused():
    text = ("Referat fra opstartsmøde\n\nDato: 20. august 2020\nTid: Kl. 19.00\n\nVelkommen til\n\n"
            "Præsentationsrunde\n\nVi konstituerer os selv\n\nFormand: Mads fortsætter\n")
    parsed = parse(text)
    assert str(parsed.date) == "2020-08-20" and parsed.items == []
    assert any(w.code == "no_items" for w in parsed.warnings)


def test_a_dated_text_that_is_not_minutes_of_a_meeting_is_still_refused():
    import pytest

    from klynge.importer.parse import NoMeetingFound

    with pytest.raises(NoMeetingFound):
        parse("Statusrapport for projektet\n\nDato: 20. august 2020\n\nProjektet går godt.\n")
