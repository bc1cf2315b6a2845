"""Issue 12, thirty-fifth round (the fifteenth session). Invented texts only."""

from klynge.importer import glued_contents
from tests.importer.conftest import contents_entries_of, read_normalised


def test_a_quotation_the_transcript_never_closed_opens_a_title_and_does_not_hold_the_rest_together():
    line = ('2 Indholdsfortegnelse Side 1. Trivselsmåling "Sund start for alle børn i kommunen Orientering om '
            "nyt frivilligcenter Høring af skolepolitik Budgetopfølgning Formanden orienterer Underskrifter: "
            "Udvalget - Referat marts 2012 Side 2 af 20")
    assert contents_entries_of(line) == [
        (1, "Trivselsmåling"), (None, '"Sund start for alle børn i kommunen'),
        (None, "Orientering om nyt frivilligcenter"), (None, "Høring af skolepolitik"),
        (None, "Budgetopfølgning"), (None, "Formanden orienterer")]


def test_a_closed_quotation_still_holds_its_words_in_the_title():
    line = ('2 Indholdsfortegnelse 1. Godkendelse af dagsorden Status "Vi Bevæger Ældre" Meddelelser '
            "Eventuelt Underskrifter")
    assert contents_entries_of(line) == [
        (1, "Godkendelse af dagsorden"), (None, 'Status "Vi Bevæger Ældre"'), (None, "Meddelelser"),
        (None, "Eventuelt")]


def test_a_contents_label_in_capitals_and_a_first_number_with_a_dot_leader_open_the_list():
    line = ("1 Møde i Byrådet mandag den 4. juni 2007 REFERAT INDHOLDSFORTEGNELSE 1... Meddelelser "
            "Godkendelse af lokalplan for Nørreparken Forslag til rammeaftale Eventuelt. 25")
    assert contents_entries_of(line) == [
        (1, "Meddelelser"), (None, "Godkendelse af lokalplan for Nørreparken"),
        (None, "Forslag til rammeaftale"), (None, "Eventuelt.")]


def test_an_agenda_announced_with_folgende_dagsorden_loses_the_pages_running_header_and_footer():
    line = ("1 DAGSORDEN Møde i rådet 17. august 2010 kl. 14 Rådhuset Med følgende dagsorden: 1. Godkendelse af "
            "dagsorden Orientering fra jobcenteret Resultatopfølgning Temadrøftelse: Fattigdomsanalyse "
            "Eventuelt/meddelelser Dagsorden til rådsmøde 17. august side 1 af 17")
    assert contents_entries_of(line) == [
        (1, "Godkendelse af dagsorden"), (None, "Orientering fra jobcenteret"), (None, "Resultatopfølgning"),
        (None, "Temadrøftelse: Fattigdomsanalyse"), (None, "Eventuelt/meddelelser")]


def test_a_contents_list_that_lost_every_number_is_read_after_its_signature_sheet_up_to_the_attachments():
    line = ("2 Indholdsfortegnelse Underskriftsark Godkendelse af dagsorden Dialogmøde med styrelsen om ny "
            "kulturaftale Forhandling af ny kulturaftale Evt Samlet bilagsliste... i Kulturgruppen den 4. "
            "september 2014 Side nr. 1")
    assert contents_entries_of(line) == [
        (None, "Godkendelse af dagsorden"), (None, "Dialogmøde med styrelsen om ny kulturaftale"),
        (None, "Forhandling af ny kulturaftale"), (None, "Evt")]


def test_a_numberless_list_whose_first_words_are_no_title_is_not_taken_for_a_contents_list():
    line = ("2 Indholdsfortegnelse Kommunen har i år arbejdet med mange sager om skoler og veje, og byrådet har "
            "besluttet at samle dem i denne rapport til borgerne i kommunen og deres familier i hele landet")
    assert glued_contents.contents_entries([line]) is None


def test_a_transcripts_first_page_running_its_header_into_the_contents_list_keeps_the_headers_date():
    text = ("DAGSORDEN Møde i Det Lokale Beskæftigelsesråd\n\nStørrelse: px\n\nDownload \"DAGSORDEN Møde i Det Lokale "
            "Beskæftigelsesråd\"\n\nTranskript\n\n"
            "1 DAGSORDEN Møde i Det Lokale Beskæftigelsesråd 17. august 2010 kl Rådhuset, Strandstræde 5 "
            "Med følgende dagsorden: 1. Godkendelse af dagsorden Orientering fra jobcenteret "
            "Resultatopfølgning Temadrøftelse: Fattigdomsanalyse Eventuelt/meddelelser Dagsorden til rådsmøde 17. "
            "august side 1 af 17\n\n2 1. Godkendelse af dagsorden Rådet godkender dagsordenen. Dagsorden til "
            "rådsmøde 17. august side 2 af 17\n")
    meeting = read_normalised(text)
    assert str(meeting.date) == "2010-08-17"
    assert [i.title for i in meeting.items] == [
        "Godkendelse af dagsorden", "Orientering fra jobcenteret", "Resultatopfølgning",
        "Temadrøftelse: Fattigdomsanalyse", "Eventuelt/meddelelser"]


def test_glued_links_to_several_attachments_after_a_title_are_cut():
    text = ("Referat fra mødet den 29. maj 2007\n\n  1. Konstituering af udvalget\n"
            "  2. Orientering om jordforurening Bilag 2Bilag 3Bilag 4\n  3. Eventuelt\n")
    assert [i.title for i in read_normalised(text).items] == [
        "Konstituering af udvalget", "Orientering om jordforurening", "Eventuelt"]


def test_a_date_in_a_title_wrapped_before_its_year_gets_its_year_back():
    text = ("Referat fra mødet den 29. maj 2007\n\n  1. Konstituering af udvalget\n"
            "  2. Indhold af møderne frem til 31. marts\n    2008\n  3. Eventuelt\n")
    assert [i.title for i in read_normalised(text).items] == [
        "Konstituering af udvalget", "Indhold af møderne frem til 31. marts 2008", "Eventuelt"]


def test_a_dash_between_two_full_names_parts_them_in_a_list_of_apologies():
    text = ("REFERAT fra brugerrådsmøde den 1. april 2019 kl. 9,30:\n\nDELTAGERE: Anna Holm og Bo Lund\n\n"
            "AFBUD: Tinne Hansen – Sussie Enghøj Bruun.\n\n1. REFERAT fra sidst:\nGodkendt.\n\n2. Eventuelt:\nIntet.\n")
    assert read_normalised(text).absent == ["Tinne Hansen", "Sussie Enghøj Bruun"]


def test_the_heads_of_the_items_table_end_the_list_of_apologies_above_them():
    text = ("Referat af 27. juni 2023\n\nProvstiudvalgsmøde den 27. juni kl. 8.30-11.30\n"
            "Deltagere: Anne Holm, Bente Lund, Ejnar Kudsk\nAfbud: Erik Juhl\n\nMødepunkt Referat\n"
            "1 - Godkendelse af dagsorden\n \nGodkendt.\n\n2 - Eventuelt\n\nIntet.\n")
    meeting = read_normalised(text)
    assert meeting.absent == ["Erik Juhl"]
    assert "Mødepunkt" not in " ".join(p.name for p in meeting.attendees)


def test_a_member_absent_with_a_substitute_named_after_the_sentence_is_an_apology():
    text = ("Byrådet\n\nReferat fra mødet den 25. juni 2025 kl. 17.00\n\nDeltagere\n"
            "Jacob Ejs (A) var fraværende. Som stedfortræder deltog Helle Mortensen (A)\n"
            "Hanne Lund (V) var fraværende.\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert read_normalised(text).absent == ["Jacob Ejs", "Hanne Lund"]


def test_a_member_marked_absent_after_the_organisation_beside_the_name_is_the_apology():
    text = ("Referat af brugerrådsmøde den 20. maj 2008 kl. 15.00\n\nDeltagere\n\nMads Skau, Haderslev Kommune\n\n"
            "Svend Hansen Tarp, Aabenraa Kommune (afbud)\n\nGert Hulvej, Sønderborg Kommune\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    meeting = read_normalised(text)
    assert meeting.absent == ["Svend Hansen Tarp"]
    assert "Svend Hansen Tarp" not in [p.name for p in meeting.attendees]


def test_the_minutes_allotted_and_the_kind_of_item_before_a_title_or_after_a_dash_are_no_part_of_it():
    text = ("Deltagere:\nAnna Holm, Bo Lund\nMødedato: 1/11- 2022\nMødetid: Kl. 17-19.15\nMødested: Mødelokalet\n"
            "Punkt 1\n2 min B: Godkendelse af dagsorden\nIndhold\nTil referat Godkendt\nAnsvar\n"
            "Punkt 2\n35 min O+D. Lejrskoler\nIndhold Rammer for forældrebetaling\nTil referat Drøftet.\nAnsvar\n"
            "Punkt 3\nBestyrelsen orienteres om enkeltsag – 30 min.\nIndhold\nTil referat Orienteret.\nAnsvar\n")
    assert [i.title for i in read_normalised(text).items] == [
        "Godkendelse af dagsorden", "Lejrskoler", "Bestyrelsen orienteres om enkeltsag"]


def test_run_on_titles_are_cut_after_the_last_word_of_a_name_but_not_after_an_adjective_alone():
    assert glued_contents.split_titles(
        "Ombygning af bolig til eget tilbud i Tønder Kommune Sydtrafik budget 2015 høring "
        "Genafsættelse af skel ved Elborg Allé Manglende økonomi i projektet Kommunal Redegørelse for socialområdet "
        "Henstand til Økomuseum Samsø for ydelser på lån") == [
        "Ombygning af bolig til eget tilbud i Tønder Kommune", "Sydtrafik budget 2015 høring",
        "Genafsættelse af skel ved Elborg Allé", "Manglende økonomi i projektet",
        "Kommunal Redegørelse for socialområdet", "Henstand til Økomuseum Samsø for ydelser på lån"]


def test_two_plain_nouns_in_a_run_on_list_end_one_title_and_open_the_next_but_a_name_stays_whole():
    assert glued_contents.split_titles(
        "Indledende drøftelse - Udbudsplan Driftsaftale mellem kommunen og vandrerhjemmet "
        "Forslag til Regional Udviklingsplan Anlægsmidler til Kragelund Plejehjem "
        "Godkendelse af Haderslev Kommunes Planstrategi") == [
        "Indledende drøftelse - Udbudsplan", "Driftsaftale mellem kommunen og vandrerhjemmet",
        "Forslag til Regional Udviklingsplan", "Anlægsmidler til Kragelund Plejehjem",
        "Godkendelse af Haderslev Kommunes Planstrategi"]


def test_bulleted_item_numbers_on_their_own_lines_are_the_items_not_the_numbered_lines_in_their_text():
    text = ("Referat\n\nOnsdag den 1. april 2020 kl. 19:00\n\nMødested: Mødesalen\nUdvalg: Kommunalbestyrelsen\n\n"
            "  • 1\n    Spørgetid\n    Sagsid.:\n\n    BESLUTNING: Kommunalbestyrelsen den 01-04-2020\n\n"
            "    Der var ingen spørgsmål.\n\n  • 2\n"
            "    Indtræden i kommunalbestyrelsen og udpegning til diverse poster\n    Sagsid.: 20/985\n\n"
            "    BESLUTNING: Kommunalbestyrelsen den 01-04-2020\n\n    Ad 1\n\n    Godkendt.\n\n    Ad 2\n\n"
            "    V fremsætter ændringsforslag: At sagen udsættes.\n\n    Godkendt.\n")
    assert [(i.number, i.title) for i in read_normalised(text).items] == [
        (1, "Spørgetid"), (2, "Indtræden i kommunalbestyrelsen og udpegning til diverse poster")]


GOVERNMENT_DAY = (
    "9. december 2009\n\n"
    "Oplæg til Naalakkersuisut om, at udsendelse af nye pengesedler stilles i bero.\n\n"
    "Naalakkersuisut besluttede:\n\n • at udsendelsen sættes i bero.\n • at oplægget sendes til orientering.\n\n"
    "For yderligere oplysninger kontakt Departementschef Ole Berg på telefon 34 50 00\n\n"
    "Forslag til beslutning om, at tilskuddet forhøjes med 7,9 mio. kr. og reserven nedsættes med 7,9 mio. kr.\n\n"
    "Naalakkersuisut besluttede ,at godkende forslaget.\n\n"
    "For yderligere oplysninger kontakt Departementschef Eva Lund på telefon 34 50 00\n\n"
    "Udbudsrunde af ambulanceflyvning.\n\n"
    "Naalakkersuisut besluttede, at udbuddet aflyses.\n\n"
    "For yderligere oplysninger kontakt Departementschef Eva Lund på telefon 34 50 00\n")


def test_a_governments_decisions_of_the_day_are_read_as_a_meeting_each_case_above_its_decision():
    meeting = read_normalised(GOVERNMENT_DAY)
    assert str(meeting.date) == "2009-12-09"
    assert [i.title for i in meeting.items] == [
        "Oplæg til Naalakkersuisut om, at udsendelse af nye pengesedler stilles i bero",
        "Forslag til beslutning om, at tilskuddet forhøjes med 7,9 mio. kr. og reserven nedsættes med 7,9 mio. kr",
        "Udbudsrunde af ambulanceflyvning"]


def test_the_committee_a_case_comes_from_is_no_rest_of_its_title_nor_is_an_allotment_without_a_dash():
    text = ("Åben dagsorden\n\nKommunalbestyrelsen\n\nMandag den 20. april 2015 kl. 19.00 - 23.55\n\n"
            "81.  Kommunale test på folkeskolerne\n\nFra Undervisningsudvalget\n\nTaget til efterretning.\n\n"
            "82.  Anlægsregnskaber for projekter på Undervisningsudvalgets område i 2014\n\nFra Magistraten\n\n"
            "Godkendt.\n\n83.  Velkommen til nye medlemmer 10 min\n\nIntet.\n")
    assert [i.title for i in read_normalised(text).items] == [
        "Kommunale test på folkeskolerne", "Anlægsregnskaber for projekter på Undervisningsudvalgets område i 2014",
        "Velkommen til nye medlemmer"]


def test_contents_entries_wrapped_before_their_leader_and_page_keep_their_place_in_the_list():
    text = ("Referat af Byrådets møde d. 14.09.2009\n\nMødedato 14.09.2009\n\nTid 18:30\n\nIndholdsfortegnelse:\n\n"
            "Punkter på åben dagsorden: 190. 1. behandling af budget 2010-2013.................... 449\n\n"
            "191. Bilag til Kasse- og regnskabsregulativet ........................ 454\n\n"
            "192. Fornyet behandling af forslag om indførelse af sunde\n\n"
            "madordninger i alle dagtilbud......................................... 456\n\n"
            "193. Evaluering af sommerferielukning i 2009 på daginstitutionerne\n\n"
            "....................................................................... 459\n\n"
            "194. Godkendelse af byggeprogram til den nye SFO\n\nbygning ved Susålandets Skole ........ 462\n\n"
            "195. Eventuelt ................................................. 470\n")
    assert [(i.number, i.title) for i in read_normalised(text).items] == [
        (190, "1. behandling af budget 2010-2013"), (191, "Bilag til Kasse- og regnskabsregulativet"),
        (192, "Fornyet behandling af forslag om indførelse af sunde madordninger i alle dagtilbud"),
        (193, "Evaluering af sommerferielukning i 2009 på daginstitutionerne"),
        (194, "Godkendelse af byggeprogram til den nye SFO bygning ved Susålandets Skole"), (195, "Eventuelt")]


def test_a_bare_numbered_contents_line_may_open_with_a_paragraph_sign_or_a_groups_label_in_capitals():
    text = ("Idrætsrådet\n\nTirsdag den 27-09-2016 kl. 17:30\n\nIndholdsfortegnelse:\n\nÅbne\n"
            "38 Evaluering af Idrætsrådets Dialogmøder i 2016\n39 Fordeling af tider i hallerne marts 2017\n"
            "40 §79-tilskud: Motionstilbud til ældre\n41 FÆLLES KULTURRÅDS- OG IDRÆTSRÅDSMØDE: Lokaletilskud 2017\n"
            "42 Eventuelt - Idrætsrådet\n\nMedlemmer:\n\nFlemming Larsen Allan Toft Jensen\n")
    assert [i.number for i in read_normalised(text).items] == [38, 39, 40, 41, 42]


def test_a_parliaments_agenda_numbered_through_the_session_reads_each_labelled_number_with_its_title():
    text = ("Dagsorden\n\n8. mødedag, tirsdag den 4. oktober 2011, kl. 10:00\nPunktnummer / Behandlingsdatoer\n"
            "Forslagstitler\nImm./pkt.: 2\nRedegørelse for dagsordenen.\n(Formandskabet for Inatsisartut)\n\n"
            "Imm./pkt.: 53\nBortfaldt, da 13 stemte for 13 imod\nForslag til beslutning om en redegørelse om "
            "valgsystemet. Den skal forelægges i 2012.\n(Medlem af Inatsisartut Naaja Hansen, Inuit Ataqatigiit)\n\n"
            "Imm./pkt.: 43\nRedegørelse om børne- og ungestrategien.\n(Medlem af Naalakkersuisut for Familie)\n")
    assert [(i.number, i.title) for i in read_normalised(text).items] == [
        (2, "Redegørelse for dagsordenen"), (53, "Forslag til beslutning om en redegørelse om valgsystemet"),
        (43, "Redegørelse om børne- og ungestrategien")]


def test_the_marker_that_numbers_the_next_item_is_no_part_of_the_text_before_it():
    text = ("Dagsorden\n\n8. mødedag, tirsdag den 4. oktober 2011, kl. 10:00\n"
            "Imm./pkt.: 2\nRedegørelse for dagsordenen.\n(Formandskabet for Inatsisartut)\n\n"
            "Imm./pkt.: 43\nRedegørelse om børne- og ungestrategien.\n(Medlem af Naalakkersuisut for Familie)\n")
    first = read_normalised(text).items[0]
    assert "Imm./pkt." not in first.description + first.minutes + first.decision


def test_a_portals_page_of_one_item_is_that_item_not_the_numbered_points_of_its_decision():
    text = ("Mødedato: 11.05.2023, kl. 18:30\nMødested: Sognehuset\n\nEtablering af en arbejdsgruppe\n\n"
            "Indstilling\n\nLokaludvalget skal tage stilling til en arbejdsgruppe.\n\nBeslutning\n\n"
            "  1. Lokaludvalget besluttede at nedsætte en arbejdsgruppe om trafik.\n\n"
            "  2. Lokaludvalget godkendte gruppens kommissorium.\n")
    assert [(i.number, i.title) for i in read_normalised(text).items] == [(None, "Etablering af en arbejdsgruppe")]
