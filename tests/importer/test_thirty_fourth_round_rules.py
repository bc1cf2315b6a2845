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


def test_a_numbered_title_ending_in_a_comma_over_bulleted_points_is_an_item():
    text = ("Menighedsrådsmøde d. 12. marts 2013\n\nDeltagere: Ib Hansen, Eva Holm\n\n"
            "1. Godkendelse af dagsorden.\nGodkendt.\n"
            "2. Godkendelse af referat.\nGodkendt.\n"
            "3. Planlægning af sommerens arrangementer herunder,\n• Udflugten i juni.\n• Koncerten i kirken.\n\n"
            "Udflugten går til Ribe. Koncerten holdes den 4. august.\n")
    assert [i[:2] for i in _items(text)] == [(1, "Godkendelse af dagsorden"), (2, "Godkendelse af referat"),
                                            (3, "Planlægning af sommerens arrangementer herunder")]


def test_a_title_ending_in_a_comma_that_wraps_onto_the_next_line_is_still_no_item_of_its_own():
    text = ("Menighedsrådsmøde d. 12. marts 2013\n\n"
            "1. Godkendelse af dagsorden.\nGodkendt.\n"
            "2. Godkendelse af referat.\nGodkendt.\n"
            "Rådet drøftede planerne for 2014. Der var enighed om at rette henvendelse til\n"
            "3. kvartals møde i provstiet,\nhvor sagen tages op.\n")
    assert [i[0] for i in _items(text)] == [1, 2]


def test_a_dotless_heading_further_down_goes_on_with_a_run_of_three_or_more():
    text = ("Menighedsrådsmøde 14. januar 2015\n\n"
            "1 Godkendelse af dagsorden\nGodkendt.\n\n"
            "2 Godkendelse af referat\nGodkendt.\n\n"
            "3 Siden sidst\n \n \n2 Siden sidst\n"
            + "".join(f" • Punkt om aktivitet nummer {k} blev drøftet.\n" for k in range(12)) +
            "\n4 Kirkegårdens hegn\nHegnet skal males til foråret. Kirkeværgen indhenter tilbud.\n")
    assert [i[:2] for i in _items(text)] == [(1, "Godkendelse af dagsorden"), (2, "Godkendelse af referat"),
                                            (3, "Siden sidst"), (4, "Kirkegårdens hegn")]


def test_a_number_alone_in_a_column_of_counts_is_no_item():
    rows = [("Vil vi fortsætte ordningen?", 2, 23, 5), ("Skal der serveres vegetarkost?", 1, 23, 6),
            ("Skal der også serveres fisk?", 12, 10, 8)]
    table = "".join(f"{q}\n\n{a}\n\n{b}\n\n{c}\n\n" for q, a, b, c in rows)
    text = ("Referat af bestyrelsesmøde 9. marts 2010\n\nDeltagere: Ib, Eva, Kim\n\nDagsorden\n\n"
            "1.       Godkendelse af referat\n\n2.       Madordning\n\n3.       Skolestruktur\n\n4.       Eventuelt\n\n"
            "1. Godkendelse af referat\n\nGodkendt.\n\n2. Madordning\n\nSvarene fordelte sig således:\n\n"
            "Spørgsmål\n\nJa\n\nNej\n\nBlank\n\n" + table + "Bestyrelsen besluttede at fortsætte.\n")
    assert [i[0] for i in _items(text)] == [1, 2, 3, 4]


def test_a_pupils_councils_class_and_its_members_are_no_items():
    text = ("Referat af elevrådsmøde\nfredag den 31. oktober 2008\n\n"
            "4.A:Ida Holm - Ali Hassan\n4.B:Emil Berg - Sara Lund\n5.A:Ikke mødt\n5.B:Oskar Friis – Maja Dahl\n\n"
            "Dagsorden:\n\n 1. Referat af skolebestyrelsesmøde:\n  Rampen bliver lavet.\n\n"
            " 2. Ønsker:\n  Flere valgfag.\n\n 3. Ordensregler:\n  Ingen løb på gangene.\n")
    assert [i[:2] for i in _items(text)] == [(1, "Referat af skolebestyrelsesmøde"), (2, "Ønsker"),
                                            (3, "Ordensregler")]


def test_a_portal_page_of_one_unnumbered_item_is_read_as_that_item():
    text = ("Mødedato: 12.05.2020, kl. 12:30\nMødested: Rådhuset\nGodkendelse af dagsorden\nSe alle bilag\nTil top\n"
            "Beslutning\nUdvalgsmødet begyndte kl. 12.30 og sluttede kl. 13.45.\nDagsordenen blev godkendt.\n")
    assert [i[:2] for i in _items(text)] == [(None, "Godkendelse af dagsorden")]


def test_a_page_of_minutes_whose_first_label_is_its_kind_is_no_item_page():
    text = ("Ferieplan for skolerne 2014\n\nREFERAT\nUNGDOMSSKOLEBESTYRELSEN\nDATO: 05-12-2012\n\n"
            "Orientering om skolens internationale arbejde. Bestyrelsen tog orienteringen til efterretning.\n")
    read = layout.item_page_heading([ln for ln in text.split("\n")])
    assert read == []


def test_members_who_arrived_late_are_not_read_as_apologies():
    from tests.importer.conftest import read_normalised

    text = ("Referat af byrådets møde 20.09.2012, kl. 17:30\n\nFraværende med afbud:\n"
            "Anne Vang, A (sygdom)\nBjarne Fey, F, (arbejde)\n"
            "Jan Andersen, A, ankom til mødet kl. 17.35 under behandlingen af punkt 2.\n\n"
            "1. Godkendelse af dagsordenen\nDagsordenen blev godkendt.\n\n2. Eventuelt\nIntet.\n")
    meeting = read_normalised(text)
    assert list(meeting.absent) == ["Anne Vang", "Bjarne Fey"]


def test_titles_run_together_where_a_transcript_lost_their_numbers_fill_the_gap():
    text = ("Bestyrelse Fredag 27. januar 2017 kl. 10.00 Mødelokale K\n\nTranskript\n\n"
            "1 Bestyrelse Fredag 27. januar 2017 kl. 10.00 Mødelokale K Niels Bohrs Vej Aalborg Øst\n\n"
            "2 Dagsorden 1. Godkendelse af dagsordenen 2. Temadrøftelse om interessevaretagelse "
            "3. Fælles platform for velfærdsinnovation 4. Strategi Opfølgning på turismemøde den 10. januar Økonomi "
            "7. Nordjysk Open Data indsats 8. Status på studiejobs 9. Eventuelt\n\n"
            "3 1. Godkendelse af dagsordenen Sekretariatet indstiller, at bestyrelsen godkender dagsordenen. "
            "Dagsordenen godkendes. 3\n\n"
            "4 2. Temadrøftelse om interessevaretagelse Bestyrelsen drøftede, hvordan landsdelens interesser bedst "
            "varetages over for staten. 4\n")
    assert [i[:2] for i in _items(text)][3:7] == [(4, "Strategi"), (None, "Opfølgning på turismemøde den 10. januar"),
                                                 (None, "Økonomi"), (7, "Nordjysk Open Data indsats")]


def test_a_committees_case_reference_glued_after_a_title_is_not_part_of_it():
    assert layout._clean_title("Godkendelse af dagsorden(KFU 463/2007)", False) == "Godkendelse af dagsorden"
    assert layout._clean_title("Meddelelser (FOU 35/2008)", False) == "Meddelelser"
    assert layout._clean_title("Budget (2024/25)", False) == "Budget (2024/25)"


PORTAL_CASE = ("Børne- og Skoleudvalget\nReferat • 2. oktober 2024 kl. 13.30\n{first}\n"
               "Beslutning i Børne- og Skoleudvalget den 02-10-2024\nGodkendt.\nIndstilling\n"
               "Formanden foreslår, at priserne fastsættes efter laveste sats.\nSagsfremstilling\n"
               "Udvalget besluttede i 2022 at fastsætte priserne efter byens laveste pris.\n")


def test_a_portals_contents_tab_is_no_item_and_the_dated_minutes_are_read_without_items():
    meeting = read_normalised_text(PORTAL_CASE.format(first="Indhold"))
    assert meeting.items == [] and str(meeting.date) == "2024-10-02"


def test_a_header_tables_rows_without_colons_are_no_items_title():
    text = ("Referat\n\ntorsdag den 27. august 2020 kl. 15:00\n\nMødested M.1.3/rådhuset\nUdvalg Viborg Udsatteråd\n"
            "Mødedeltagere Christel Pape, Connie Jensen\nFraværende Christian Bach, Poul Christensen\nBemærkninger\n\n"
            "Sagsid.: 19/36231\nIndstilling\nFormanden indstiller,\n1. at orienteringen tages til efterretning.\n"
            "Beslutning i Udsatterådet den 27-08-2020\nUdsatterådet tog orienteringen til efterretning.\n")
    assert all(not i.title.startswith(("Fraværende", "Udvalg", "Mødested")) for i in read_normalised_text(text).items)


def read_normalised_text(text):
    from tests.importer.conftest import read_normalised

    return read_normalised(text)


def test_an_items_kind_code_e_and_a_footnote_star_are_not_part_of_its_title():
    text = ("Referat Øudvalget 1. september 2015 kl. 16.00\n\n1. Godkendelse af dagsorden (B)\nGodkendt.\n\n"
            "2. Orientering til udvalget (O)\nTaget til efterretning.\n\n3. Gensidig orientering *\nIntet.\n\n"
            "4. Eventuelt (E)\nIntet.\n")
    assert [i[1] for i in _items(text)] == ["Godkendelse af dagsorden", "Orientering til udvalget",
                                          "Gensidig orientering", "Eventuelt"]


def test_a_long_title_above_a_case_number_with_its_committee_reference_is_the_items_title():
    title = ("Tilslutning af ny forbruger til fjernvarmen. Etablering af fjernvarmestik og brugerinstallation for "
             "bruger 5-27, Roskildevej 303A og 303B - ansøgning om anlægsbevilling")
    text = ("Økonomiudvalget\n\n19-05-2010\n\nSager 109 - 111\n\nMeddelelser\nSag nr. 109\n\nSagens kerne\n\n"
            "Oversigt fremlægges.\n\nBeslutning\n\nTaget til efterretning.\n\n"
            f"{title}\nSag nr. 110 (RKF 8/2010)\n\nSagens kerne\n\nGodkendelse af projektforslag.\n\nBeslutning\n\n"
            "Indstilles godkendt.\n\nGodkendelse af regnskab for 2009\nSag nr. 111 (BE 5/2010)\n\nSagens kerne\n\n"
            "Godkendelse af regnskab.\n\nBeslutning\n\nIndstilles godkendt.\n")
    assert [i[:2] for i in _items(text)] == [(109, "Meddelelser"), (110, title),
                                            (111, "Godkendelse af regnskab for 2009")]


def _absent_in(header: str) -> list[str]:
    text = ("Referat af menighedsrådsmøde 18. april 2012 kl. 19.00\n\n" + header +
            "\n\n1. Godkendelse af dagsordenen\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    return list(read_normalised_text(text).absent)


def test_a_sentence_after_a_list_of_absent_members_does_not_end_the_list_early():
    assert _absent_in("Fraværende: Henning Holm, Hanne Møller og Lajla Berg. Erwin Hansen er indkaldt.") == [
        "Henning Holm", "Hanne Møller", "Lajla Berg"]


def test_apologies_written_in_a_portals_remarks_field_are_read():
    assert _absent_in("Bemærkninger: Afbud: Svend Hansen Tarp. Kirsten B. Rasmussen") == [
        "Svend Hansen Tarp", "Kirsten B. Rasmussen"]


def test_a_tick_after_a_name_in_a_table_of_apologies_is_not_part_of_the_name():
    assert _absent_in("Afbud:\n\nBørge Mogensen (BM) X\nIrene Johansen (IJo) X") == ["Børge Mogensen", "Irene Johansen"]


def test_ingen_under_a_bare_apologies_label_ends_the_list():
    header = ("Medlemmer\n\nThomas Lykke Pedersen (A)\n\nUlla Hardy-Hansen (C)\n\nAfbud\n\nIngen\n\n"
              "17-11-2014 kl. 17:30\nByrådssalen\n\nMedlemmer\n\nThomas Lykke Pedersen (A)\n\n"
              "Ulla Hardy-Hansen (C)\n\nAfbud\n\nIngen")
    assert _absent_in(header) == []


def test_a_date_and_an_hour_above_three_numbered_items_mark_a_meeting():
    text = ("Teknisk Udvalg\n\nPubliceret 26-10-2016\n\nOnsdag den 26-10-2016 kl. 15:00\n\nIndholdsfortegnelse:\n\n"
            "Åbne\n100 Budget 2017-2020 - udmøntning\n101 Delegationsplan - høring\n102 Rammer for events\n"
            "103 Storskrald - evaluering\n")
    meeting = read_normalised_text(text)
    assert [i.number for i in meeting.items] == [100, 101, 102, 103] and str(meeting.date) == "2016-10-26"


def test_a_time_slot_in_brackets_that_lost_its_dash_is_cut_with_the_presenter():
    text = ("Referat fra møde i komitéen 7. juni 2013\n\nDagsorden:\n"
            "1. Velkomst v/ Anne Holm (kl. 09:00 09:05)\nFormanden bød velkommen.\n"
            "2. Godkendelse af referat v/ Anne Holm (kl. 09:05-09:10)\nGodkendt.\n"
            "3. Evaluering af studieturen v. Ann Berg (kl. 09:20 09:35)\nTuren var god.\n")
    assert [i[1] for i in _items(text)] == ["Velkomst", "Godkendelse af referat", "Evaluering af studieturen"]


def test_a_numbered_line_under_a_recommendations_lead_is_no_item():
    text = ("Udvalgets møde den 18. december 2025\n\nKonstituerende møde kl. 18.30\n\nDagsorden\n\n"
            "1Godkendelse af dagsorden\n\n2Valg af formand\n\nIndstilling\n\n"
            "Administrationen indstiller til udvalget, at:\n\n"
            "  1. Der vælges en formand.\n\nSagsfremstilling\n\nUdvalget vælger selv sin formand.\n\n"
            "3Valg af næstformand\n\nIndstilling\n\nAdministrationen indstiller til udvalget, at:\n\n"
            "  1. Der vælges en næstformand.\n\nSagsfremstilling\n\nNæstformanden vælges som formanden.\n")
    assert [i[:2] for i in _items(text)] == [(1, "Godkendelse af dagsorden"), (2, "Valg af formand"),
                                            (3, "Valg af næstformand")]


def test_the_kind_words_dated_and_timed_line_dates_the_meeting_over_a_later_deadline_named_in_its_text():
    text = ("Økonomiudvalget\nReferat • 12. september 2023 kl. 15.00\nIndhold\n"
            "Beslutning i Økonomiudvalget den 12-09-2023\nDer var afbud fra Dorthe Holm (O).\n"
            "Fristen for ændringsforslag fastsættes til mandag den 25. september 2023 kl. 23.59.\n")
    assert str(read_normalised_text(text).date) == "2023-09-12"


def test_a_contents_list_with_leaders_after_the_numbers_names_the_items_the_cut_text_has_no_bodies_for():
    entries = ["Meddelelser fra Udvalgsformanden. 3", "Meddelelser 4", "Folkeskolen - Skolestrukturanalyse. 5",
               "Folkeskolen - Lukning af Thorsminde Skole. 6", "Eventuelt 8"]
    contents = "".join(f"{k}......... {e}\n\n" for k, e in enumerate(entries, 1))
    text = ("Referat\n\nfra møde i\n\nUdvalget for Børn og Unge\n\nMødedato 27. januar 2011\n\nMødetidspunkt 12.00\n\n"
            "Indholdsfortegnelse\n\nÅben del 3\n\n" + contents +
            "Åben del\n\n1.         Meddelelser fra Udvalgsformanden\n\nSagsnr.: 11/1\n\nBeslutning\n\n"
            "Taget til efterretning.\n\n"
            "2.         Meddelelser\n\nSagsnr.: 11/2\n\nBeslutning\n\nIntet.\n")
    assert [i[:2] for i in _items(text)] == [
        (1, "Meddelelser fra Udvalgsformanden"), (2, "Meddelelser"), (3, "Folkeskolen - Skolestrukturanalyse"),
        (4, "Folkeskolen - Lukning af Thorsminde Skole"), (5, "Eventuelt")]


def test_a_disclosure_buttons_text_glued_to_a_title_is_cut():
    assert layout._clean_title("Ændring af styrelsesvedtægt for Solrød KommuneÅbn/luk punkt", False) == \
        "Ændring af styrelsesvedtægt for Solrød Kommune"


def test_a_transcripts_run_on_contents_loses_its_page_footer_and_a_dropped_year_and_page_before_a_number():
    from klynge.importer import glued_contents

    line = ("2 Indholdsfortegnelse 1. Mødeplan 2010 for forretningsudvalget og regionsrådet samt offentliggørelse af "
            "møder Nedsættelse af særlige midlertidige udvalg for årene 2010 og Udpegning af medlemmer til de "
            "videnskabsetiske komiteer 9 4. Regionsrådets stedfortræderordning Meddelelser Henvendelse fra "
            "regionsrådsmedlem Henrik Holm (O) om pulje til ambulanceberedskabet Side 2")
    found = glued_contents.contents_entries([line])
    assert found is not None
    assert [(e.number, e.title) for e in found[1]] == [
        (1, "Mødeplan 2010 for forretningsudvalget og regionsrådet samt offentliggørelse af møder"),
        (None, "Nedsættelse af særlige midlertidige udvalg for årene 2010 og"),
        (None, "Udpegning af medlemmer til de videnskabsetiske komiteer"),
        (4, "Regionsrådets stedfortræderordning"), (None, "Meddelelser"),
        (None, "Henvendelse fra regionsrådsmedlem Henrik Holm (O) om pulje til ambulanceberedskabet")]


def test_minutes_whose_items_are_short_title_lines_with_their_text_right_under_them_are_read():
    text = ("Referat af Seniorrådsmøde 2. marts 2009 i mødelokale B104\n\nTil stede\nAnna Holm\nBente Berg\n\n"
            "Afbud\n\nBørge Anker\n\n\nGodkendelse af dagsorden\nDagsorden udsendt af formanden blev godkendt\n\n"
            "Valg af mødeleder til næste møde\nBente Berg\n\n"
            "Formandens meddelelser\nForretningsudvalget har holdt møde med formanden for Ældreudvalget.\n")
    meeting = read_normalised_text(text)
    assert [(i.number, i.title) for i in meeting.items] == [
        (None, "Godkendelse af dagsorden"), (None, "Valg af mødeleder til næste møde"),
        (None, "Formandens meddelelser")]
    assert any(w.code == "unnumbered_items" for w in meeting.warnings)


def test_a_letter_of_short_paragraphs_without_a_people_or_agenda_label_gets_no_paragraph_items():
    lines = ["Kære forældre", "", "Sommerferie", "Skolen holder lukket i uge 29 og 30.", "", "Ny leder",
             "Vi byder velkommen til vores nye leder."]
    assert layout.paragraph_headings(lines) == []


def test_a_run_on_contents_whose_titles_open_with_committee_codes_is_cut_at_the_codes():
    from klynge.importer import glued_contents

    line = ("2 Indholdsfortegnelse 1. ØU - Godkendelse af dagsorden ØU - Orientering ØU - Ejendomsanalyse "
            "BU - Frigivelse af anlægsmidler til Kirke Hyllinge Skole8 5. TM - Busbestilling "
            "Lukket - TM - Udbud af affaldsbeholdere Person - BU - Personsag...15")
    found = glued_contents.contents_entries([line])
    assert found is not None
    assert [(e.number, e.title) for e in found[1]] == [
        (1, "ØU - Godkendelse af dagsorden"), (None, "ØU - Orientering"), (None, "ØU - Ejendomsanalyse"),
        (None, "BU - Frigivelse af anlægsmidler til Kirke Hyllinge Skole"), (5, "TM - Busbestilling"),
        (None, "Lukket - TM - Udbud af affaldsbeholdere"), (None, "Person - BU - Personsag")]


def test_a_case_lists_column_heads_open_a_run_on_contents_list_and_a_month_left_by_a_dropped_year_is_cut():
    from klynge.importer import glued_contents

    line = ("1 MØDESTED: MØDEDATO: Skive Rådhus REFERAT Underudvalg for Økonomi Deltagere: Else Holm, Frede Berg "
            "Fraværende: Per Lund Sag nr.: Emne: 1. Godkendelse af dagsorden januar Forlængelse af lån i "
            "KommuneKredit Opførelse af 4 nye klasselokaler ved Nr. Søby Skole Etablering af Strandpark - "
            "bevillingssag Opfølgning på turismemøde den 10. januar")
    found = glued_contents.contents_entries([line])
    assert found is not None
    assert [e.title for e in found[1]] == [
        "Godkendelse af dagsorden", "Forlængelse af lån i KommuneKredit",
        "Opførelse af 4 nye klasselokaler ved Nr. Søby Skole", "Etablering af Strandpark - bevillingssag",
        "Opfølgning på turismemøde den 10. januar"]


def test_stedfortraeder_before_a_name_is_a_role_not_part_of_the_name():
    assert layout.strip_roles("Stedfortræder Jacob Rosenberg") == "Jacob Rosenberg"
