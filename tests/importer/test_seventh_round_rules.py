"""Issue 12, seventh round: general rules for lists, titles, header fields and unnumbered items (invented texts
in the style of the failures, not the corpus's)."""

from klynge.importer import layout
from klynge.importer.parse import parse


def _items(doc):
    return [(i.number, i.title) for i in doc.items]


# --- lists ------------------------------------------------------------------------------------------------


def test_a_contents_list_followed_by_the_first_item_keeps_the_items_only_listed():
    doc = parse("Referat 03-05-2024 - Miljø og teknik\n\nMødedato:\n03-05-2024 kl. 15:00\n\nIndholdsfortegnelse\n\n"
                "1. Ny affaldsplan\n2. Eventuelt\n\n1. Ny affaldsplan\n\nSagsfremstilling\n\n"
                "Planen er sendt i høring.\n\nBeslutning\n\nGodkendt.\n")
    assert _items(doc) == [(1, "Ny affaldsplan"), (2, "Eventuelt")]


def test_a_list_counts_upwards_so_a_number_one_after_a_two_starts_no_list():
    lines = ["1. Ny affaldsplan", "2. Eventuelt", "", "1. Ny affaldsplan", "", "Sagen er sendt i høring.", ""]
    cands = layout._candidates(lines, lines, set())
    assert [c.list_member for c in sorted(cands, key=lambda c: c.index)] == [True, True, False]


# --- titles -----------------------------------------------------------------------------------------------


def test_a_decision_of_several_words_run_onto_the_heading_line_leaves_the_title():
    doc = parse("Referat — bestyrelsesmøde, onsdag den 4.3.2026 kl. 19.00\n\n"
                "Pkt. 1 — Godkendelse af dagsorden\n\nGodkendt.\n\n"
                "Pkt. 2 — Regnskab for 2025 Behandlet og godkendt.\n\n"
                "Pkt. 3 — Budget 2027 Drøftet og taget til efterretning.\n\nPkt. 4 — Evt.\n")
    assert _items(doc) == [(1, "Godkendelse af dagsorden"), (2, "Regnskab for 2025"), (3, "Budget 2027"), (4, "Evt.")]


def test_a_lower_case_participle_in_a_title_is_part_of_the_title():
    assert layout._clean_title("Regnskab for 2025 endeligt godkendt", False) == "Regnskab for 2025 endeligt godkendt"


# --- body -------------------------------------------------------------------------------------------------

AGENDA = ("\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
          "2. Budget 2026\n\nBeslutning\n\nTaget til efterretning.\n")


def test_a_logo_line_at_the_top_of_a_web_page_is_furniture_not_the_title():
    doc = parse("Vejle Kommunes logo\n\nTeknik og miljøs møde den 2. marts 2026\n\nReferat" + AGENDA)
    assert doc.title.startswith("Teknik og miljøs møde")
    assert doc.body != "Vejle Kommunes logo"


def test_a_committee_name_with_a_comma_before_lower_case_words_is_one_name():
    doc = parse("Referat 03-05-2024 - Kultur, fritid og idræt\n\nMødedato:\n03-05-2024 kl. 15:00\n" + AGENDA)
    assert doc.body == "Kultur, fritid og idræt"


def test_the_word_for_the_meeting_alone_is_no_body():
    doc = parse("Referat Møde den 3. marts 2026 kl\n" + AGENDA)
    assert doc.body is None


def test_a_body_in_the_genitive_inside_a_run_together_transcript_line_is_found():
    line = ("4 Egnens Kommune Tirsdag den side 4 4. Kommende møder. Mødeplan: Direktør Hans Hansen deltager i "
            "Handicaprådets møde den 15. april, og formanden for udvalget deltager i et senere møde, når datoen "
            "er fastlagt af sekretariatet.")
    doc = parse("Referat Møde den 3. marts 2026 kl\n\n" + line + AGENDA)
    assert doc.body == "Handicaprådet"


# --- start time and place ---------------------------------------------------------------------------------


def test_a_transcripts_download_title_gives_the_time_and_place_its_first_line_lost():
    doc = parse('Referat MØDE Egnens Ældreråd. Tirsdag den 3. marts 2026 kl Salen, Rådhuset\n\nSave this PDF as:\n\n'
                'Download "Referat MØDE 3-2026. Egnens Ældreråd. Tirsdag den 3. marts 2026 kl. 13.00. Salen, Rådhuset"'
                '\n'
                '\nTranskript\n' + AGENDA)
    assert str(doc.start) == "13:00:00"
    assert doc.place == "Salen, Rådhuset"


def test_a_sentence_after_the_time_is_no_place():
    from klynge.importer.layout import search_header
    found = search_header(["Bestyrelsesmøde 3. marts 2026 kl. 13.00. Mødet blev holdt som videomøde"], "")
    assert found.place is None


def test_a_meeting_line_without_a_date_gives_the_start_and_the_room():
    doc = parse("Teknik og miljøs møde den 2. marts 2026\n\nEkstraordinært møde - Mødelokale B12 kl. 12.00\n\n"
                "Referat" + AGENDA)
    assert str(doc.start) == "12:00:00"
    assert doc.place == "Mødelokale B12"


def test_the_next_meeting_line_gives_no_start():
    assert not layout.meeting_time_line("Næste møde kl. 10.00 i Salen")


# --- date -------------------------------------------------------------------------------------------------


def test_a_web_pages_own_date_above_the_meetings_date_is_not_the_meeting_date():
    doc = parse("Fredag, 14 marts 2025\n3. juni 2013 (ekstraordinært)\n\nREFERAT\n\n"
                "1. Godkendelse af dagsorden.\nGodkendt.\n\n2. Sommerudflugten den 20. juni 2013.\nPlanlagt.\n")
    assert str(doc.date) == "2013-06-03"


def test_a_date_line_at_the_top_stays_the_meeting_date_when_the_text_talks_about_its_year():
    doc = parse("Tirsdag, 3. marts 2026\nNæste møde: 5. maj 2026\n\nREFERAT\n\n"
                "1. Godkendelse af dagsorden.\nGodkendt.\n\n2. Budget 2026.\nGodkendt.\n")
    assert str(doc.date) == "2026-03-03"


# --- contents lists ---------------------------------------------------------------------------------------


def test_an_access_mark_between_number_and_title_is_no_part_of_the_title():
    assert layout.open_or_closed("3 (Åben) Budget 2026 7") == "3. Budget 2026 7"
    assert layout.open_or_closed("4 (Lukket) Salg af grund 9") == "4. Salg af grund 9 (Lukket)"
    assert layout.open_or_closed("3. Budget 2026") == "3. Budget 2026"


def test_a_contents_list_with_page_numbers_gives_the_items_when_the_text_stops_before_their_bodies():
    doc = parse("Referat\n\nReferat - Egnsrådet 2022-2025\n\n08-03-2024 16:00\n\nMedlemmer af udvalget:\n\n"
                "Hans Hansen\n\nFraværende:\n\nIngen\n\nIndholdsfortegnelse\n\n"
                "1 (Åben) Godkendelse af dagsorden 4\n\n2 (Åben) Plan for dialysen 2024-2028 5\n\n"
                "3 (Lukket) Køb af ejendom 9\n\n4 (Åben) Udpegning af delegerede t")
    assert _items(doc) == [(1, "Godkendelse af dagsorden"), (2, "Plan for dialysen 2024-2028"),
                           (3, "Køb af ejendom"), (4, "Udpegning af delegerede t")]
    assert doc.items[2].closed
    assert doc.body == "Egnsrådet"
    assert str(doc.date) == "2024-03-08" and str(doc.start) == "16:00:00"


def test_titles_ending_in_numbers_that_do_not_grow_are_no_page_numbers():
    lines = ["1. Valg af 2 revisorer", "", "2. Valg af 1 suppleant", "", "3. Valg af 3 medlemmer", ""]
    cands = layout._candidates(lines, lines, set())
    assert not any(c.toc for c in cands)


# --- unnumbered items written as bullets ------------------------------------------------------------------

BULLETED = ("Referat af Handicaprådets møde den 12. marts 2026\n\nDeltagere\nAnne Hansen, Bo Jensen\nAfbud:\n"
            "Carl Olsen\nOrdstyrer:\nAnne Hansen\n"
            "- Godkendelse af dagsorden\nBeslutning\nDagsordenen blev godkendt.\n"
            "- Høringer\nDer er modtaget to høringer:\na. Trafikplan\nb. Skolestruktur\nBeslutning\n"
            "Høringerne blev taget til efterretning.\n"
            "- Økonomisk status\nFormanden orienterede om regnskabet for 2025.\n")


def test_bullet_lines_each_followed_by_a_section_label_are_unnumbered_items():
    doc = parse(BULLETED)
    assert _items(doc) == [(None, "Godkendelse af dagsorden"), (None, "Høringer"), (None, "Økonomisk status")]
    assert any(w.code == "unnumbered_items" for w in doc.warnings)


def test_another_label_line_ends_the_list_of_apologies():
    assert parse(BULLETED).absent == ["Carl Olsen"]


def test_a_bulleted_list_inside_a_text_gives_no_items():
    lines = ["Orientering om året", "", "- Trafikplan", "- Skolestruktur", "- Budget", "- Boliger", "", "Beslutning",
             "", "Taget til efterretning."]
    assert layout.bulleted_headings(lines) == []


# --- dates and times in more phrasings --------------------------------------------------------------------


def test_a_date_is_read_in_the_common_danish_and_english_phrasings():
    for text in ("d. 3/3-2026", "3 March 2026", "Dato: 3. marts, 2026", "torsdag d. 3 . marts 2026", "03-mar-2026",
                 "3. marts 2026", "03.03.2026"):
        assert [str(d) for _, d in layout.dates_in(text)] == ["2026-03-03"], text
        assert str(parse_date(text)) == "2026-03-03", text


def parse_date(text):
    from klynge.importer.parse import find_date
    return find_date(text)


def test_a_header_line_that_opens_with_the_date_gives_the_time_after_it():
    found = layout.search_header(["3. marts 2026, 14.00-16.00"], "Referat")
    assert (str(found.start), str(found.end)) == ("14:00:00", "16:00:00")


def test_a_time_line_of_its_own_gives_the_start_and_end():
    found = layout.search_header(["Tirsdag den 3. marts 2026", "Fra kl. 9 til 11"], "Referat")
    assert (str(found.start), str(found.end)) == ("09:00:00", "11:00:00")
    assert str(layout.search_header(["Mødet starter kl. 17"], "Referat 3. marts 2026").start) == "17:00:00"


def test_whole_hours_after_a_time_label_are_the_start_and_end():
    found = layout.search_header(["Dato: 3. marts 2026", "Tid: 14-16"], "Referat")
    assert (str(found.start), str(found.end)) == ("14:00:00", "16:00:00")


# --- item numbers in more forms ---------------------------------------------------------------------------

HEADER = "Referat\n\nSocial- og Sundhedsudvalget\n\nDato: 12. januar 2026\nTid: 16:00 - 18:00\n\n"


def _three_items(first, second, third):
    return (f"{first} Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\n{second} Budget 2026\n\nBeslutning\n"
            f"Taget til efterretning.\n\n{third} Eventuelt\n\nIntet.\n")


def test_items_numbered_with_roman_numerals_are_read_with_their_numbers():
    doc = parse(HEADER + _three_items("I.", "II.", "III."))
    assert _items(doc) == [(1, "Godkendelse af dagsorden"), (2, "Budget 2026"), (3, "Eventuelt")]


def test_a_malformed_roman_numeral_is_no_number():
    assert layout.roman_number("IV") == 4 and layout.roman_number("XIX") == 19
    assert layout.roman_number("IIII") is None and layout.roman_number("VX") is None


def test_items_numbered_as_paragraphs_or_after_ad_with_a_dot_are_read():
    for first, second, third in (("§ 1.", "§ 2.", "§ 3."), ("Ad. 1", "Ad. 2", "Ad. 3")):
        doc = parse(HEADER + _three_items(first, second, third))
        assert _items(doc) == [(1, "Godkendelse af dagsorden"), (2, "Budget 2026"), (3, "Eventuelt")], first


# --- web furniture and place phrasings --------------------------------------------------------------------


def test_common_web_furniture_is_neither_title_nor_body():
    doc = parse("Til hovedindhold\nLog ind\nEnglish\nDel på Facebook\nCookie-indstillinger\n"
                "Hjem > Politik > Udvalg > Handicaprådet\nHandicaprådet, 3. marts 2026\nReferat" + AGENDA)
    assert doc.title == "Handicaprådet, 3. marts 2026"
    assert doc.body == "Handicaprådet"


def test_a_place_in_a_sentence_ends_before_the_weekday_and_date():
    doc = parse("Referat\nÆldrerådet\nMødet holdes på Rådhuset, lokale 2, tirsdag den 3. marts 2026 kl. 17.00" + AGENDA)
    assert doc.place == "Rådhuset, lokale 2"


def test_a_room_line_with_its_building_is_the_whole_place():
    doc = parse("Referat fra Klyngestyregruppen\n3. marts 2026 kl. 13-15\nMødelokale 1.2, Hospitalet" + AGENDA)
    assert doc.place == "Mødelokale 1.2, Hospitalet"


def test_the_attachments_link_text_after_a_title_is_no_part_of_it():
    assert layout._clean_title("Forslag til indkøbspolitik, Bilag 4", False) == "Forslag til indkøbspolitik"
    assert layout._clean_title("Sundhedsaftaler med kommunerne Bilag 1616.1.216.2", False) \
        == "Sundhedsaftaler med kommunerne"
    assert layout._clean_title("Godkendelse af bilag 3", False) == "Godkendelse af bilag 3"


def test_a_body_named_only_in_running_text_and_as_its_meeting_is_found():
    doc = parse("14. august 2025\n\nREFERAT\n\n1. Godkendelse af referat fra sidste skolebestyrelsesmøde.\n"
                "Godkendt.\n\n2. Brev fra forældre.\nDer er kommet brev til skolebestyrelsen om trafikken.\n")
    assert doc.body == "Skolebestyrelsen"


def test_a_body_named_in_running_text_but_never_as_the_meeting_is_no_body():
    from klynge.importer.bodies import body_in_text
    assert body_in_text("Menighedsrådet besluttede at male kirken. Brev til menighedsrådet fra naboer.") is None
    assert body_in_text("indstilles til kommunalbestyrelsen ... sendes til kommunalbestyrelsesmødet") is None


# --- items that open with their time, and access marks before the number ----------------------------------

TIMED_HEADER = "Dagsorden\n\nStyregruppen for Sundhedsklynge Nord\n\nDato: 12. januar 2026\nTid: 13:00 - 16:00\n\n"


def test_an_agenda_of_time_slots_without_numbers_gives_unnumbered_items_with_their_times():
    doc = parse(TIMED_HEADER + "13.00-13.10 Velkomst og godkendelse af dagsorden\n\n13.10-13.40 Orientering om "
                "budget\n\nSekretariatet orienterer.\n\n13.40-14.00 Eventuelt\n")
    assert [(i.number, i.title, str(i.start), str(i.end)) for i in doc.items] == [
        (None, "Velkomst og godkendelse af dagsorden", "13:00:00", "13:10:00"),
        (None, "Orientering om budget", "13:10:00", "13:40:00"), (None, "Eventuelt", "13:40:00", "14:00:00")]
    assert any(w.code == "unnumbered_items" for w in doc.warnings)


def test_start_times_alone_or_in_a_table_row_open_items_too():
    doc = parse(TIMED_HEADER + "Kl. 13.00 Velkomst\n\nKl. 13.10 Orientering om budget\n\nKl. 13.40 Eventuelt\n")
    assert [(i.title, str(i.start)) for i in doc.items] == [
        ("Velkomst", "13:00:00"), ("Orientering om budget", "13:10:00"), ("Eventuelt", "13:40:00")]
    doc = parse(TIMED_HEADER + "13.00\tVelkomst\tFormand\n13.10\tOrientering om budget\tSekretariatet\n")
    assert [i.title for i in doc.items] == ["Velkomst", "Orientering om budget"]


def test_times_that_go_back_or_sentences_after_a_time_are_no_items():
    assert layout.slot_headings(["14.00 Velkomst", "13.00 Eventuelt"]) == []
    assert layout.slot_headings(["13.00 Mødet blev åbnet af formanden", "15.00 Mødet blev hævet"]) == []


def test_an_access_word_before_the_item_number_is_no_part_of_the_title():
    doc = parse(TIMED_HEADER + "Åbent punkt 1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\n"
                "Lukket punkt 2. Salg af grund\n\nBeslutning\nGodkendt.\n")
    assert _items(doc) == [(1, "Godkendelse af dagsorden"), (2, "Salg af grund")]
    assert doc.items[1].closed


# --- apologies in more phrasings --------------------------------------------------------------------------

APOLOGY_HEADER = "Referat\n\nÆldrerådet\n\nDato: 12. januar 2026 kl. 10.00\n\n"


def test_apologies_are_read_in_more_phrasings():
    for said in ("Forfald: Hans Hansen, Grete Jensen", "Ikke til stede: Hans Hansen, Grete Jensen",
                 "Meldt fravær: Hans Hansen, Grete Jensen", "Hans Hansen og Grete Jensen havde meldt forfald."):
        doc = parse(APOLOGY_HEADER + said + AGENDA)
        assert doc.absent == ["Hans Hansen", "Grete Jensen"], said


def test_names_marked_afbud_in_the_list_of_attendees_are_apologies_not_attendees():
    doc = parse(APOLOGY_HEADER + "Deltagere: Ole Olsen, Hans Hansen (afbud), Grete Jensen (V) (afbud)" + AGENDA)
    assert doc.absent == ["Hans Hansen", "Grete Jensen"]
    assert [p.name for p in doc.attendees] == ["Ole Olsen"]


def test_a_role_before_a_name_in_a_list_of_apologies_is_no_part_of_the_name():
    doc = parse(APOLOGY_HEADER + "Afbud: Formand Hans Hansen, næstformand Grete Jensen" + AGENDA)
    assert doc.absent == ["Hans Hansen", "Grete Jensen"]


def test_a_short_line_under_a_line_of_only_date_and_time_is_the_place():
    assert layout.place_under_date(["Referat - Egnsrådet", "", "08-03-2024 16:00", "", "Skype", "",
                                    "Medlemmer af udvalget:"]) == "Skype"


def test_a_label_or_a_body_under_the_date_and_time_is_no_place():
    assert layout.place_under_date(["29-02-2012 kl. 15:00 - 17:00", "Mødested", "Mødet afholdes"]) is None
    assert layout.place_under_date(["08-03-2024 16:00", "Regionsrådet"]) is None


def test_item_numbers_written_as_decimals_or_in_brackets_are_read():
    for first, second, third in (("1.0", "2.0", "3.0"), ("1.)", "2.)", "3.)"), ("(1)", "(2)", "(3)"),
                                 ("[1]", "[2]", "[3]")):
        doc = parse(HEADER + _three_items(first, second, third))
        assert _items(doc) == [(1, "Godkendelse af dagsorden"), (2, "Budget 2026"), (3, "Eventuelt")], first
    assert layout.plain_number("(1) at udvalget godkender") == "(1) at udvalget godkender"


def test_the_meetings_header_is_never_taken_for_an_unnumbered_items_title():
    lines = ["Referat", "", "Ældrerådet", "", "Dato: 12. januar 2026", "Tid: 16:00 - 18:00", "",
             "a) Godkendelse af dagsorden", "", "Beslutning", "Godkendt.", "", "b) Budget", "", "Beslutning", "Taget."]
    assert all(h.title != "Ældrerådet" for h in layout.unnumbered_headings(lines))


def test_a_labelled_date_below_what_was_taken_for_the_first_item_is_still_the_date():
    doc = parse("Referat\n\nÆldrerådet\n\nPunkt 1: Godkendelse af dagsorden\n\nDato: 12. januar 2026\n\nGodkendt.\n\n"
                "Punkt 2: Budget\n\nGodkendt.\n")
    assert str(doc.date) == "2026-01-12"


def test_an_item_about_a_logo_is_no_furniture():
    assert layout.strip_furniture("3. Nyt logo") == "3. Nyt logo"
    assert layout.strip_furniture("Forslag til kommunens logo") == "Forslag til kommunens logo"
    assert layout.strip_furniture("Egnens Kommunes logo") == ""
