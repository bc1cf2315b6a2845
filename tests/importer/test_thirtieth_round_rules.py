"""Issue 12, thirtieth round (the tenth session). Invented texts only."""

from tests.importer.conftest import closed_items_of as _items
from tests.importer.conftest import read_normalised as _parse

CLOSED_LAST = """Dagsorden
Forretningsudvalget
Mødedato: 14. august 2020 kl. 9.00

1.

Godkendelse af dagsorden

3

2.

Budgetforslag 2021, 1. behandling

4

3.

Revisionsberetninger

9

6.

Meddelelser

12
Lukket møde

4.

Udbud af lægehelikoptere (Lukket punkt)

10

5.

Salg af ejendom i Nakskov (Lukket punkt)

11
"""


def test_the_open_parts_last_item_numbered_after_the_closed_items_placed_last_is_kept_in_its_place():
    assert _items(CLOSED_LAST) == [
        (1, "Godkendelse af dagsorden", False),
        (2, "Budgetforslag 2021, 1. behandling", False),
        (3, "Revisionsberetninger", False),
        (6, "Meddelelser", False),
        (4, "Udbud af lægehelikoptere", True),
        (5, "Salg af ejendom i Nakskov", True),
    ]


def test_a_number_one_above_the_run_before_open_items_is_not_taken_in():
    text = CLOSED_LAST.replace(" (Lukket punkt)", "").replace("Lukket møde", "Øvrige sager")
    assert 6 not in [number for number, _title, _closed in _items(text)]


def test_an_items_starting_hour_written_before_its_number_does_not_hide_the_heading():
    text = ("Referat af skolebestyrelsesmøde\nOnsdag den 25. september 2019 kl. 19.00 – 21.30\n\n"
            "Mødt: Anne Holm, Bo Lund\nAfbud: Carl Bak\n\n"
            "19:00 4. Nyt fra elevrådet\n\nElevrådet fremlagde sin prioritetsliste.\n\n"
            "kl. 19.30 5. Konstitutering af bestyrelsen\n\nAnne Holm blev valgt som formand.\n\n"
            "20.00-20.30 6. Skolens budget\n\nBudgettet blev gennemgået.\n")
    assert [(number, title) for number, title, _closed in _items(text)] == [
        (4, "Nyt fra elevrådet"), (5, "Konstitutering af bestyrelsen"), (6, "Skolens budget")]


CONTENTS_ONE_CELL_A_LINE = """Dagsorden
Kommunalbestyrelsen
Torsdag den 25. juni 2015 kl. 19.00
Indholdsfortegnelse
1
Høring af trafikselskabets budget 2016
3
2
Boligforeningen ansøger om fritagelse for
dispositionsfondens automatiske dækning af lejetab og tab ved
fraflytning i afdelingerne
5
3
Spildevandsplan
7
Lukkede dagsordenspunkter
4
Salg af areal
9
"""


def test_a_contents_title_wrapped_onto_three_lines_is_read_whole_and_the_closed_part_is_closed():
    assert _items(CONTENTS_ONE_CELL_A_LINE) == [
        (1, "Høring af trafikselskabets budget 2016", False),
        (2, "Boligforeningen ansøger om fritagelse for dispositionsfondens automatiske dækning af lejetab og tab "
            "ved fraflytning i afdelingerne", False),
        (3, "Spildevandsplan", False),
        (4, "Salg af areal", True),
    ]


def test_an_item_body_after_a_contents_lists_closed_part_is_not_closed_by_it():
    text = CONTENTS_ONE_CELL_A_LINE + ("\n1. Høring af trafikselskabets budget 2016\nSagsfremstilling\n"
                                       "Trafikselskabet har sendt sit budgetforslag i høring.\n")
    assert _items(text)[0] == (1, "Høring af trafikselskabets budget 2016", False)


def test_a_topic_label_with_its_colon_after_a_place_name_starts_a_new_contents_title():
    from klynge.importer.glued_contents import split_titles

    assert split_titles("Budget 2009 for Møllegården, Kjølskevej, Brønderslev Ældreområdet: Fravalg af "
                        "visitationsret til boliger Status på bilsager") == [
        "Budget 2009 for Møllegården, Kjølskevej, Brønderslev", "Ældreområdet: Fravalg af visitationsret til boliger",
        "Status på bilsager"]


def test_a_dot_leader_cut_off_before_its_page_is_no_part_of_the_last_contents_title():
    text = ("Transkript\n\n1 Socialudvalget Beslutningsprotokol Dato: 22. april 2009 Lokale: 124, Rådhuset "
            "Tidspunkt: Kl. 8:30-11:15 Anne Hansen, Formand (A) Bo Jensen (V) Carl Holm (O)\n\n"
            "2 Indholdsfortegnelse Sag nr. Side Åbne sager: 01 Status på misbrugsområdet og krisecentre Budget 2009 "
            "for plejecentret Status på bilsager Klage over madordning for beboere Orientering Lukket sag - "
            "Orientering...\n\n"
            "3 Socialudvalget, den 22. april 2009 Side Status på misbrugsområdet og krisecentre 09/12378 Åben sag SO "
            "På mødet vil der blive givet en status for området. Beslutning: Orienteringen blev taget til "
            "efterretning.\n")
    assert _items(text)[-1] == (None, "Lukket sag - Orientering", True)


def test_a_staff_role_of_two_words_before_the_presenters_name_after_ved_makes_a_presenter():
    from klynge.importer.parse import _split_heading

    title, presenter, *_rest = _split_heading("Set og sket siden sidst ved Ledende graver Ann Britt Møller.")
    assert (title, presenter) == ("Set og sket siden sidst", "Ann Britt Møller")



def test_a_capitalised_word_that_is_no_role_before_a_name_after_ved_makes_no_presenter():
    from klynge.importer.parse import _split_heading

    title, presenter, *_rest = _split_heading("Ny legeplads ved Kirkevej bag Søndre Skole")
    assert (title, presenter) == ("Ny legeplads ved Kirkevej bag Søndre Skole", None)


def test_a_comma_between_hours_and_minutes_after_kl_gives_the_start_and_the_place_after_it():
    text = ("Referat\n\nDer er afholdt kirkegårdsbestyrelsesmøde torsdag den 10. september 2015 kl. 15,30 i "
            "Sognehuset.\n\nFraværende: Ole Holm\n\n1. Godkendelse af dagsorden\n\nDagsordenen blev godkendt.\n\n"
            "2. Budget for 2016\n\nBudgettet blev gennemgået og godkendt.\n\n3. Eventuelt\n\nIntet.\n")
    meeting = _parse(text)
    assert (str(meeting.start), meeting.place) == ("15:30:00", "Sognehuset")


def test_lokale_and_tidspunkt_labels_inside_a_run_on_header_line_part_the_place_from_the_hours():
    text = ("Socialudvalget Beslutningsprotokol Dato: 22. april 2009 Lokale: 124, Rådhuset Tidspunkt: Kl. "
            "8:30-11:15 Medlemmer: Anne Hansen, Formand (A)\n\n1. Godkendelse af dagsorden\n\nDagsordenen blev "
            "godkendt.\n\n2. Budget for 2010\n\nBudgettet blev gennemgået og godkendt.\n\n3. Eventuelt\n\nIntet.\n")
    meeting = _parse(text)
    assert (meeting.place, str(meeting.start), str(meeting.end)) == ("124, Rådhuset", "08:30:00", "11:15:00")


def test_a_group_named_by_one_lower_case_word_after_the_absent_names_leaves_the_names():
    text = ("Referat af skolebestyrelsesmøde\nTirsdag den 17. juni 2025 kl. 17.00\nSted: Personalerummet\n\n"
            "Fraværende: Birthe, Anders F, elevrådsrepræsentanter\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n"
            "2. Budget\n\nGennemgået.\n\n3. Eventuelt\n\nIntet.\n")
    assert _parse(text).absent == ["Birthe", "Anders F"]


def test_the_documents_kind_after_the_body_and_a_full_stop_is_no_part_of_the_body():
    from klynge.importer.layout import body_name

    assert body_name("Socialudvalget. Beslutningsprotokol") == "Socialudvalget"


RUNNING_NUMBERS = """Referat
for
Kommunalbestyrelsen
torsdag den 24. juni 2004 kl. 17:00
Blåt mødelokale
Indholdsfortegnelse

Åben sag:

49 /1

Spørgetid

Åben sag:

50 /2

Ansøgning om udtræden af skolebestyrelsen

Lukket sag:

51 /3

Køb og salg.
49/1. Spørgetid (Åben sag)
Der er ikke indkommet skriftlige spørgsmål til mødet.
50/2. Ansøgning om udtræden af skolebestyrelsen (Åben sag)
Et medlem er fraflyttet kommunen og søger om at udtræde.
51/3. Køb og salg. (Lukket sag)
Sagen er behandlet for lukkede døre.
"""


def test_an_items_number_through_the_year_before_its_place_on_the_agenda_is_its_number():
    numbered = [(number, title) for number, title, _closed in _items(RUNNING_NUMBERS)]
    assert [number for number, _title in numbered] == [49, 50, 51]
    assert numbered[1][1].startswith("Ansøgning om udtræden af skolebestyrelsen")


def test_a_first_number_above_the_second_is_no_page_number():
    from klynge.importer.normalise import normalise

    kept = normalise(RUNNING_NUMBERS).text
    assert "49 /1" in kept and "50 /2" in kept
    assert "3 / 9" not in normalise("Referat\n\nGodkendt.\n\n3 / 9\n\nMere tekst.\n").text


def test_a_one_item_page_under_sager_til_beslutning_keeps_its_numbered_heading():
    text = ("Mødedato: 18.05.2006, kl. 14:00\n\nSundheds- og Omsorgsudvalget\n\u00a0\nBESLUTNINGSPROTOKOL\n\n"
            "fra ordinært møde torsdag den 18. maj 2006\n\u00a0\n\u00a0\nSager til beslutning\n\u00a0\n"
            "8.      Evaluering af udvalgets mødeplan\n\u00a0\nSOU 145/2006  J.nr. 103/1998\n\u00a0\n"
            "INDSTILLING OG BESLUTNING\nBorgmesteren indstiller,\nat udvalget evaluerer mødeplanen.\n\n"
            "Udvalgets beslutning i mødet den 18. maj 2006\nIndstillingen blev godkendt.\n")
    assert [(number, title) for number, title, _closed in _items(text)] == [(8, "Evaluering af udvalgets mødeplan")]


def test_an_outer_lists_next_point_right_after_a_nested_list_is_the_next_item():
    text = ("Ungerådsmøde d. 10. december 2020\n\n"
            " 1. Opfølgning på fødselsdagen\n\n  1. Vellykket og hyggeligt\n  2. God idé med croissanter\n"
            " 2. Koncert med Ruben d. 16. december\n\n  1. Scenen sættes op på langs\n  2. Han skal præsenteres\n"
            " 3. ASU\n\n  1. Rykkes til næste møde\n 4. Rekruttering\n\n  1. Vi laver opslag\n")
    assert [(number, title) for number, title, _closed in _items(text)] == [
        (1, "Opfølgning på fødselsdagen"), (2, "Koncert med Ruben d. 16. december"), (3, "ASU"), (4, "Rekruttering")]


def test_a_rooms_own_name_mødelokale_f2_before_the_hour_is_the_place_whole():
    text = ("Referat\nRådet for handicap, psykiatri og udsathed\nmandag den 8. august 2022\nMødelokale F2 kl. 16.00\n\n"
            "1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Budget\n\nDrøftet.\n\n3. Eventuelt\n\nIntet.\n")
    assert _parse(text).place == "Mødelokale F2"


def test_a_single_type_code_letter_glued_to_the_items_bracket_is_no_part_of_the_title():
    text = ("Referat af skolebestyrelsesmøde 12. september 2018\n\n851)B Godkendelse af dagsorden\n\nGodkendt.\n\n"
            "852)O Kort nyt\n\nFra skolen: ny sekretær.\n\n853)D Budgethøring\n\nBestyrelsen drøftede høringen.\n")
    assert [(number, title) for number, title, _closed in _items(text)] == [
        (851, "Godkendelse af dagsorden"), (852, "Kort nyt"), (853, "Budgethøring")]


def test_a_persons_full_name_after_a_slash_is_the_presenter_but_an_organisation_is_not():
    from klynge.importer.parse import _split_heading

    assert _split_heading("Kvartalsregnskab / Kirsten Schou")[:2] == ("Kvartalsregnskab", "Kirsten Schou")
    assert _split_heading("Budget / Region Syddanmark")[:2] == ("Budget / Region Syddanmark", None)


def test_a_run_on_list_that_goes_on_at_the_top_of_the_next_page_keeps_its_items():
    first_page = ("1 Referat af bestyrelsesmøde den 27. februar 2014 Dato: 27. februar 2014 Sted: Rådhuset Dagsorden "
                  "1. Godkendelse af dagsorden 2. Formanden orienterer 3. Direktionen orienterer 4. Forretningsorden "
                  "for selskabet 5. Ansøgning om lånegaranti 6. Kontrol af vandkvalitet")
    text = (f"Transkript\n\n{first_page}\n\n"
            "2 Regulering og økonomi 7. Status for årsregnskab 8. Prislofter for vand 9. Markedsrapport:\n")
    assert [number for number, _title, _closed in _items(text)] == list(range(1, 10))


def test_the_closing_time_on_the_line_under_modet_haevet_on_a_twelve_hour_clock_is_the_end():
    text = ("Beredskabskommissionen\nReferat\nOnsdag den 16. december 2015\n\n1. Godkendelse af dagsorden\n\n"
            "Godkendt.\n\n2. Risikobaseret dimensionering\n\nTaget til efterretning.\n\nMødet startet:\n04:00 PM\n\n"
            "Mødet hævet:\n05:00 PM\n")
    meeting = _parse(text)
    assert str(meeting.end) == "17:00:00"


def test_a_councils_term_before_its_name_and_a_members_seat_are_no_part_of_the_body():
    from klynge.importer.layout import body_name

    assert body_name("År 2014-2017 Integrationsrådet") == "Integrationsrådet"
    assert body_name("Byråd: Kai Nielsen (V)") is None


def test_an_items_line_below_an_empty_place_label_is_no_place():
    text = ("Referat\nIntegrationsrådet\nDato: 26. marts 2015\nSted:\n • Pkt. 9 Beslutninger om dagsordenen\n\n"
            "1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Eventuelt\n\nIntet.\n")
    assert _parse(text).place is None


def test_a_meetings_weekday_date_and_hour_with_a_full_stop_after_the_year_beat_the_letters_date():
    text = ("Ungdomsrådet Ballerup\nDato: 9. september 2014\nReferat af Ungdomsrådsmøde\n"
            "Torsdag den 4. september 2014. kl. 19.00\ni Ungdomshuset.\n\n1. Valg af ordstyrer\n\nKatharina.\n\n"
            "2. Eventuelt\n\nIntet.\n")
    assert str(_parse(text).date) == "2014-09-04"


def test_apologies_under_foelgende_havde_meldt_afbud_after_a_blank_line_are_read_inside_an_item():
    text = ("1. Godkendelse af dagsorden\n\nBeslutning\n\nI mødet deltog:\n\nRikke Lauritzen og Caroline Stage.\n\n"
            "Følgende havde meldt afbud:\n\nBadar Shah, Mara Frej og John Kalo.\n\n"
            "Folkeoplysningsudvalgets beslutning på mødet den 5. april 2019:\n\nDagsordenen blev godkendt.\n")
    assert _parse(text).absent == ["Badar Shah", "Mara Frej", "John Kalo"]


def test_a_sentence_of_apologies_inside_the_attendees_line_takes_only_its_own_names():
    text = ("Referat af menighedsrådsmødet onsdag d. 23. november 2016 kl. 19.30.\n\n"
            "Tilstede: Helga Blomgreen, Thomas Lauenstein og Hans Hansen. Viggo Schmidt havde meldt afbud. "
            "Endvidere var præsten til stede.\n\n1. Godkendelse af dagsorden. Blev godkendt.\n2. Eventuelt. Intet.\n")
    meeting = _parse(text)
    assert meeting.absent == ["Viggo Schmidt"]
    assert [p.name for p in meeting.attendees] == ["Helga Blomgreen", "Thomas Lauenstein", "Hans Hansen"]


def test_one_first_name_after_the_absence_label_is_an_apology_but_an_abbreviation_is_not():
    from klynge.importer.parse import _listed_names

    assert _listed_names("Inger.") == ["Inger"]
    assert _listed_names("Pkt. 4") == []


def test_lettered_sub_points_after_the_titles_full_stop_are_the_minutes():
    from klynge.importer.parse import _split_heading

    title, *_rest, tail = _split_heading("Siden sidst. A) Organistens fagforening har meldt tilbage")
    assert (title, tail) == ("Siden sidst", "A) Organistens fagforening har meldt tilbage")


def test_open_and_closed_case_marks_in_brackets_after_the_title_are_no_part_of_it():
    assert _items(RUNNING_NUMBERS) == [
        (49, "Spørgetid", False), (50, "Ansøgning om udtræden af skolebestyrelsen", False), (51, "Køb og salg", True)]
