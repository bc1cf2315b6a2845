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


def test_a_recommendations_points_inside_a_committees_through_numbered_case_are_not_the_items():
    text = ("Referat\n\n"
            "  • 423. Dagsorden - Godkendelse\n\n    Resume\n\n"
            "    Godkendelse af dagsorden for udvalget den 7. december 2021.\n\n\n    Beslutning\n\n    Godkendt.\n\n"
            "  • 424. Spildevandsplan, tillæg 1 - Godkendelse\n\n"
            "    application/pdf icon forslag_til_tillaeg_1.pdfapplication/pdf icon screening_tillaeg_1.pdf\n\n"
            "    Resume\n\n    Forslag til tillæg 1 skal godkendes af kommunalbestyrelsen.\n\n\n"
            "    Indstilling\n\n    Forvaltningen indstiller, at\n\n"
            "    1. godkende høringsudkastet og sende det i høring.\n\n"
            "    1. bemyndige forvaltningen til at foretage redaktionelle ændringer\n\n"
            "    Beslutning fra Plan og Teknik, 30. november 2021, pkt. 563:\n\n"
            "    1. Anbefales af et flertal.\n\n\n    1. Anbefales.\n\n\n    Beslutning\n\n"
            "    Ad 1.\n\n    Et flertal anbefaler indstillingen.\n\n\n    Ad 2.\n\n    Anbefales.\n")
    assert [i[:2] for i in _items(text)] == [(423, "Dagsorden - Godkendelse"),
                                            (424, "Spildevandsplan, tillæg 1 - Godkendelse")]


def test_an_agenda_numbered_from_one_keeps_its_items_beside_an_inner_list():
    text = ("Referat af bestyrelsesmøde den 3. marts 2022\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "2. Budget 2023\nBestyrelsen besluttede:\n  1. at budgettet godkendes\n  2. at det sendes videre\n\n"
            "3. Eventuelt\nIntet.\n")
    assert [i[:2] for i in _items(text)] == [(1, "Godkendelse af dagsorden"), (2, "Budget 2023"), (3, "Eventuelt")]


def test_a_bare_ad_n_line_under_heading_n_opens_that_items_minutes():
    text = ("Dagsorden og referat fra skolebestyrelsesmøde onsdag den 2. november 2022 kl. 17.00-19.00\n\n"
            "  1. Regnskab for skoleåret 2021/22 v. SH\n\nAD 1:\n\nSkolelederen orienterede om regnskabet.\n\n \n\n"
            "2. Budgetopfølgning for skoleåret 2022/23\n\n \n\nAD 2:\n\n"
            "Skolelederen viste det nye system og lavede opfølgning på budgettet.\n\n \n\n"
            "3. Status på legepladsen v. SH\n\nAD 3:\n\nDer var møde med forvaltningen i oktober.\n\n \n\n"
            "4. Eventuelt\n\nAD 4:\n\nIntet.\n")
    assert [i[:2] for i in _items(text)] == [(1, "Regnskab for skoleåret 2021/22"),
                                            (2, "Budgetopfølgning for skoleåret 2022/23"),
                                            (3, "Status på legepladsen"), (4, "Eventuelt")]


def test_an_items_kind_minutes_and_presenters_initials_after_slashes_are_not_its_title():
    text = ("Referat Skolebestyrelsesmøde nr. 1\n\nTirsdag d. 27.08.19, kl. 18.00- ca. 21.00\n\n"
            "439. Referat fra sidste møde/ 3 min.           Slut kl. 18.03\n\n • Intet at bemærke\n\n"
            "440. Bemærkninger til dagsordenen/ 2 min. Slut kl. 18.05\n\n • Intet at bemærke\n\n"
            "441. Elevrådet /(O), (D) / 5 min / AM            Slut kl. 18.10\n\n • Ikke repræsenteret\n\n"
            "442. Budget, status skole/SFO\n\n • Gennemgået\n")
    assert [i[:2] for i in _items(text)] == [(439, "Referat fra sidste møde"), (440, "Bemærkninger til dagsordenen"),
                                            (441, "Elevrådet"), (442, "Budget, status skole/SFO")]


def test_a_contents_list_of_punkt_numbers_without_stops_run_into_one_line_is_split_into_its_items():
    text = ("Kommunia - Referat af kommunalbestyrelsens ordinære møde 01/2010, den 23. februar 2010 1 Oversigt – åbent "
            "møde: Punkt 01 Godkendelse af dagsorden. Orienteringssager Punkt 02 Orientering om vederlag for 2010. "
            "Punkt 03 Orientering om ansøgning om tillægsbevilling til rengøring i dagplejecentrene. Økonomisager "
            "Punkt 04 Budgetkorrektioner til budget 2010. Punkt 05 Renovering af skolerne i byen.\n")
    assert [i[:2] for i in _items(text)] == [
        (1, "Godkendelse af dagsorden"), (2, "Orientering om vederlag for 2010"),
        (3, "Orientering om ansøgning om tillægsbevilling til rengøring i dagplejecentrene"),
        (4, "Budgetkorrektioner til budget 2010"), (5, "Renovering af skolerne i byen")]


def test_punkt_numbers_a_sentence_refers_to_do_not_split_its_line():
    from klynge.importer import layout

    line = ("Udvalget drøftede sagen grundigt og besluttede at sagerne behandles samlet under Punkt 5 Økonomi og "
            "Punkt 6 Eventuelt på næste møde, hvor også regnskabet for det forløbne år og budgettet for det kommende "
            "år skal fremlægges af forvaltningen.")
    assert layout.split_run_on(line) == [line]


def test_a_document_number_label_run_onto_a_transcripts_heading_ends_the_title():
    text = ("Referat Udvalget for Børn og Undervisning Mødedato: 26. november 2012, kl. 15:00 Mødested: Rådhuset\n"
            "3 1. Godkendelse af dagsorden Dok.nr.: 330 Sagsid.: Initialer: bilc Åben sag Sagsfremstilling "
            "Godkendelse af dagsorden Beslutning Udvalget for Børn og Undervisning den Fraværende: Ingen Godkendt. "
            "Side 2\n"
            "4 2. Scenarier for skolestruktur i byen Dok.nr.: 327 Sagsid.: 12/8461 Initialer: Åben sag "
            "Sagsfremstilling I foråret 2012 blev der iværksat en række undersøgelser af indeklimaet på skolen.\n")
    assert [i[:2] for i in _items(text)] == [(1, "Godkendelse af dagsorden"), (2, "Scenarier for skolestruktur i byen")]


def test_a_last_item_written_in_lower_case_after_the_numbered_items_is_kept():
    text = ("Referat af menighedsrådsmøde torsdag den 3. februar 2022 kl. 19.00\n\n"
            "1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Økonomi\n\nKassereren gennemgik regnskabet.\n\n"
            "3. Diverse information\n\n   1. Kirkebladet er udkommet.\n\n   2. Udvalget har mødtes.\n\n"
            "4. eventuelt\n\nNæste gang bestiller referenten kage\n")
    assert [i[:2] for i in _items(text)] == [(1, "Godkendelse af dagsorden"), (2, "Økonomi"),
                                            (3, "Diverse information"), (4, "eventuelt")]


def test_a_lower_case_point_in_a_sentence_after_the_last_item_is_not_an_item():
    text = ("Referat af menighedsrådsmøde torsdag den 3. februar 2022 kl. 19.00\n\n"
            "1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Budget\n\nRådet besluttede:\n\n"
            "3. at budgettet sendes til provstiet.\n")
    assert [i[:2] for i in _items(text)] == [(1, "Godkendelse af dagsorden"), (2, "Budget")]


def test_what_an_items_allotted_minutes_include_is_not_part_of_its_title():
    text = ("Referat af stiftsrådsmøde 5. september 2017 kl. 16.00\n\n"
            "1. DEBAT: Oplæg fra provsten om projekt kirken i byen (30 min. inkl. spørgsmål)\nDrøftet.\n\n"
            "2. Eventuelt\nIntet.\n")
    assert [i[:2] for i in _items(text)] == [(1, "Oplæg fra provsten om projekt kirken i byen"), (2, "Eventuelt")]


def test_a_label_in_capitals_run_onto_the_last_apology_is_cut_off():
    from klynge.importer import layout

    assert layout.trim_name("Helge Tang Holbek ENDVIDERE DELTOG") == "Helge Tang Holbek"
    assert layout.trim_name("Anne Marie HANSEN") == "Anne Marie HANSEN"  # a surname in capitals stays


def test_a_member_of_parliaments_and_a_bishops_title_before_a_name_are_roles():
    from klynge.importer import layout

    assert layout.strip_roles("MF Jan Johansen") == "Jan Johansen"
    assert layout.strip_roles("Biskop Henrik Wigh-Poulsen") == "Henrik Wigh-Poulsen"
    assert layout.strip_roles("Jonna Præst") == "Jonna Præst"  # a surname, not a role


def test_an_absence_label_saying_no_one_ends_the_list():
    from tests.importer.conftest import read_normalised

    text = ("DAGSORDEN for møde i bestyrelsen tirsdag 25. oktober 2011 kl. 9.00\n"
            "Fraværende: Ingen\n"
            "Ansættelse af ny direktør\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert read_normalised(text).absent == []


def test_an_absence_label_glued_to_the_word_before_it_starts_its_own_line():
    from tests.importer.conftest import read_normalised

    text = ("Menighedsrådsmøde onsdag 23. januar 2013 kl. 19.00 i konfirmandhusetAfbud: Ib Rasmussen\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert read_normalised(text).absent == ["Ib Rasmussen"]
    text = ("Referat af menighedsrådsmøde 21. april 2015 kl. 19.00\n"
            "Afbud: Helga Blomgreen.Dagsorden:\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert read_normalised(text).absent == ["Helga Blomgreen"]


def test_a_word_ending_in_a_labels_letters_in_lower_case_is_not_split():
    from tests.importer.conftest import read_normalised

    text = ("Referat af møde 21. april 2015 kl. 19.00\nMødedeltagere: Anna Holm, Bo Berg\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n")
    assert [p.name for p in read_normalised(text).attendees] == ["Anna Holm", "Bo Berg"]


def test_a_presenters_name_written_again_at_once_begins_the_items_text():
    from tests.importer.conftest import read_normalised

    text = ("Referat fra budgetsamråd 2. september 2021 kl. 19.00\n\n"
            "1 - Velkommen v/Lise Holm Lise Holm bød forsamlingen velkommen.\n\n2 - Eventuelt\nIntet.\n")
    first = read_normalised(text).items[0]
    assert (first.title, first.presenter) == ("Velkommen", "Lise Holm")


def test_a_full_stop_after_div_ends_no_sentence_in_a_long_title():
    text = ("Referat af brugerrådsmøde 3. januar 2018 kl. 10.00\n\n4. Orientering fra kasserer\n\n"
            "Regnskabet er fint.\n\n"
            "5. Orientering fra div. Udvalg – aktivitetsudvalg, caféudvalg, bladudvalg, kioskudvalg.\n\n"
            "Møde på tværs af udvalg.\n\n6. Eventuelt\nIntet.\n")
    assert _items(text)[1][1].startswith("Orientering fra div. Udvalg – aktivitetsudvalg, caféudvalg")


def test_a_news_pages_bullets_of_what_was_on_the_agenda_are_the_items_and_its_byline_no_meeting_date():
    from tests.importer.conftest import read_normalised

    text = ("Skip to main content\n\nAkademisk Råd\n\nSeneste nyt fra Akademisk Råd\n\n"
            "Af Bente Holm, 14-12-2022\n\n"
            "På mødet i Akademisk Råd den 29. november 2022 var følgende på dagsordenen:\n\n"
            "  • Strategi for ekstern forskningsfinansiering. Se bilag: Fundingstrategi \n"
            "  • Forfremmelsesprogram for lektorer\n  • Brugen af MCQ til eksamener\n\n"
            "Herudover var der punkter til orientering fra:\n\n  • Formanden\n  • Dekanen\n\n"
            "Læs referat fra mødet her.\n\nRedaktionen afsluttet: 14.12.2022\n")
    doc = read_normalised(text)
    assert [i.title for i in doc.items] == ["Strategi for ekstern forskningsfinansiering",
                                            "Forfremmelsesprogram for lektorer", "Brugen af MCQ til eksamener",
                                            "Formanden", "Dekanen"]
    assert str(doc.date) == "2022-11-29"


def test_a_meeting_portals_cover_sheet_is_not_an_item():
    text = ("210126 – Femogtyvende ordinære kommunalbestyrelsesmøde\n\nUdvalg\nKommunalbestyrelsen\nDato\n"
            "26. January 2021 -\nTitel\nForside\n\nSagsfremstilling\n\nBeslutning\n\n"
            "Godkendelse af dagsorden\n\nSagsfremstilling\n\nBeslutning\n\nDagsorden godkendt.\n\n"
            "Meddelelser\n\nSagsfremstilling\n\nBeslutning\n\nBorgmesteren orienterede.\n")
    assert [i[1] for i in _items(text)] == ["Godkendelse af dagsorden", "Meddelelser"]


def test_an_agenda_in_lower_case_with_numbers_without_stops_keeps_its_first_items():
    text = ("Lokalrådsmøde i Folkemusikhuset\n\nTorsdag d. 22. september 2011 kl. 14.00\n\nDagsorden:\n\n"
            "1 valg af ordstyrer\n\n2 godkendelse af referat\n\n3 fra kassereren\n\n4 naturbase\n\n"
            "5 Idéer til arbejdsområder\n\n6 Næste møde\n\n7 Evt.\n\nReferat af Lokalrådsmøde 22. september 2011\n\n"
            "Til stede: Randi, Curtie, Peter\n\nOrdstyrer blev Peter, referatet blev godkendt.\n")
    assert [i[:2] for i in _items(text)] == [(1, "valg af ordstyrer"), (2, "godkendelse af referat"),
                                            (3, "fra kassereren"), (4, "naturbase"), (5, "Idéer til arbejdsområder"),
                                            (6, "Næste møde"), (7, "Evt.")]


def test_counted_lines_in_lower_case_above_a_numbered_line_are_no_items():
    text = ("Referat af bestyrelsesmøde 3. marts 2015 kl. 19.00\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "2. Økonomi\nVi mødes\n\n2 gange om året\n\n3 Kirkebladet\n\nKassereren orienterede.\n")
    assert [i[0] for i in _items(text)] == [1, 2]


def test_a_dated_meeting_whose_items_cannot_be_found_is_read_without_items_not_refused():
    from tests.importer.conftest import read_normalised

    text = ("17.07.2023\n\nNyt fra Ældrerådet juli 2023\n\n"
            "Her kan du læse referat af møde i Ældrerådet den 28. juni 2023\n\n"
            "Møde med formanden for udvalget\n\n"
            "Ældrerådet havde inviteret udvalgets formand til mødet for at drøfte samarbejdet. Ældrerådet gav udtryk "
            "for, at man fremover ønskede mere kontakt.\n")
    doc = read_normalised(text)
    assert str(doc.date) == "2023-06-28" and doc.items == []
    assert "no_items" in [w.code for w in doc.warnings]


def test_a_dated_letter_without_meeting_words_is_still_refused():
    import pytest

    from klynge.importer.parse import NoMeetingFound
    from tests.importer.conftest import read_normalised

    with pytest.raises(NoMeetingFound):
        read_normalised("Kære Anna\n\nTak for dit brev af 17. september 2025. Vi vender tilbage snarest.\n\n"
                        "Venlig hilsen\nForvaltningen\n")
