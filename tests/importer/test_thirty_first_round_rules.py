"""Issue 12, thirty-first round (the eleventh session). Invented texts only."""

from tests.importer.conftest import closed_items_of as _items
from tests.importer.conftest import read_normalised as _parse

# two plain items under a header the test writes: where the header's rules are tried
TWO_ITEMS = "1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Eventuelt\n\nIntet.\n"

# a council's item pages: a contents list of 'åbent N Title' lines, then each item under ' Åbent  punkt' with
# its dotless ' N  Title' heading and a form whose two boxes ('Åbent punkt' / 'Lukket punkt') lost their tick
ITEM_PAGES = """Referat
Kommunalbestyrelsen
04-01-2021 kl. 19:00
Rådhuset
Dagsordenspunkter

  åbent 1 Fraværende og bemærkninger til dagsorden
  åbent 2 Valg af formand
  åbent 3 § 17 stk. 4 udvalg om klima - udtræden af medlem
  åbent 4 Orientering fra formanden

Til indholdsfortegnelse

 Åbent  punkt

 1  Fraværende og bemærkninger til dagsorden

00.01.00P35-0098

Behandling

Mødedato

Åbent punkt

Lukket punkt

Kommunalbestyrelsen

Fraværende

Ingen.

Til indholdsfortegnelse

 Åbent  punkt

 2  Valg af formand

00.22.02A30-0026

Behandling

Mødedato

Åbent punkt

Lukket punkt

Resumé

Kommunalbestyrelsen skal vælge en formand blandt sine medlemmer.
"""


def test_a_dotless_heading_that_repeats_a_listed_entry_is_the_items_own_heading():
    items = _items(ITEM_PAGES)
    assert [(number, title) for number, title, _ in items] == [
        (1, "Fraværende og bemærkninger til dagsorden"), (2, "Valg af formand"),
        (3, "§ 17 stk. 4 udvalg om klima - udtræden af medlem"), (4, "Orientering fra formanden")]


def test_a_listed_title_may_begin_with_a_paragraph_sign():
    assert (3, "§ 17 stk. 4 udvalg om klima - udtræden af medlem", False) in _items(ITEM_PAGES)


def test_a_forms_two_boxes_under_an_item_marked_open_close_nothing():
    assert [closed for _, _, closed in _items(ITEM_PAGES)] == [False, False, False, False]


def test_the_same_boxes_under_an_item_marked_closed_above_it_still_close_it():
    text = ITEM_PAGES.replace(" Åbent  punkt\n\n 2  Valg", " Lukket  punkt\n\n 2  Valg")
    assert (2, "Valg af formand", True) in _items(text)


def test_a_closed_box_line_with_no_open_mark_above_the_heading_still_closes_the_item():
    text = "Referat\nBestyrelsen\n4. januar 2021\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n" \
           "2. Salg af ejendom\n\nLukket punkt\n\nSagen blev drøftet.\n\n3. Eventuelt\n\nIntet.\n"
    assert [closed for _, _, closed in _items(text)] == [False, True, False]


def test_a_title_may_begin_with_a_percentage():
    text = "Referat\nProvstiudvalget\n30. november 2016 kl. 16.00\n\n1) Godkendelse af dagsorden.\nGodkendt.\n\n" \
           "2) Kvartalsrapporter.\nTaget til efterretning.\n\n3) 5%-midler samt aktivitetspuljen.\n" \
           "Stengård ansøger om 5%-midler.\n\n4) Eventuelt.\nIntet.\n"
    assert [(number, title) for number, title, _ in _items(text)] == [
        (1, "Godkendelse af dagsorden"), (2, "Kvartalsrapporter"), (3, "5%-midler samt aktivitetspuljen"),
        (4, "Eventuelt")]


def test_a_room_street_and_town_under_the_date_is_the_place_whatever_the_streets_name():
    text = "Referat\nKommunalbestyrelsen\n26-03-2015 kl. 18:00\nkommunalbestyrelsessalen, Landemærket 26, Rønne\n" \
           "Dagsordenspunkter\n\n" + TWO_ITEMS
    assert _parse(text).place == "kommunalbestyrelsessalen, Landemærket 26, Rønne"


def test_a_one_word_room_after_the_hour_is_the_place():
    text = "Provstiudvalgsmøde.\n\nOnsdag d. 30. november 2016 kl. 17, provstikontoret.\nTil stede: Peter Hansen.\n\n" \
           "1) Godkendelse af dagsorden.\nGodkendt.\n\n2) Eventuelt.\nIntet.\n"
    assert _parse(text).place == "provstikontoret"


STAMPED = """1.      Godkendelse af dagsorden

Sag 306-2013-54105

Sagsfremstilling

Dagsordenen fremlægges.

Beslutning fra Integrationsrådet

Dato: 11. januar 2018

Sted: {place}

Fraværende: Arne Mikkelsen

Godkendt.

2.      Eventuelt

Intet.
"""


def test_an_items_decision_stamped_with_date_and_place_gives_the_place():
    assert _parse(STAMPED.format(place="Kantinen, Administrationscentret")).place == "Kantinen, Administrationscentret"


def test_a_stamps_place_that_is_another_label_gives_no_place():
    assert _parse(STAMPED.format(place="Mødeleder: Johannes Jensen")).place is None


ONE_NAME_A_LINE = """Referat af menighedsrådsmøde 9. februar 2012

Punkt 1: Godkendelse af dagsorden.

Godkendt.

Punkt 2: Indkøb af projektor.

Fraværende: Dorte Troldborg Sandegaard

Hanne Pahuus

Helle Rosenkvist

Peter A. Krogsøe

Alle var enige om at gå videre med projektet.

Punkt 3: Eventuelt.

Intet.
"""


def test_an_absence_list_goes_on_with_one_name_a_line_below_the_label():
    absent = _parse(ONE_NAME_A_LINE).absent
    assert absent[:4] == ["Dorte Troldborg Sandegaard", "Hanne Pahuus", "Helle Rosenkvist", "Peter A. Krogsøe"]
    assert len(absent) == 4


def test_the_list_below_the_label_ends_at_words_the_dictionary_knows():
    text = ONE_NAME_A_LINE.replace("Hanne Pahuus\n\nHelle Rosenkvist\n\nPeter A. Krogsøe", "Godkendt Referat")
    assert _parse(text).absent == ["Dorte Troldborg Sandegaard"]


def test_a_heading_in_capitals_glued_to_the_last_absent_name_is_cut_off():
    text = "Økonomiudvalget\nMødedato: 10. marts 2015\n\n1. Godkendelse af dagsorden\nAfbud: Carsten Fuhr, " \
           "Winnie Sørensen BESLUTNING I ØKONOMIUDVALGET\nGodkendt.\n\n2. Eventuelt\nIntet.\n"
    assert _parse(text).absent == ["Carsten Fuhr", "Winnie Sørensen"]


def test_a_sites_section_heading_dagsordener_og_referater_is_no_title_or_body():
    text = "Dagsordener og referater\n\nStrategiudvalget\n\nOnsdag den 16-01-2019 kl. 16:00\n\n" \
           "1. Godkendelse af dagsorden\n\nSagsfremstilling\n\nDagsordenen udsendes.\n\n2. Eventuelt\n\nIntet.\n"
    document = _parse(text)
    assert (document.title, document.body) == ("Strategiudvalget", "Strategiudvalget")


def test_the_items_lists_label_dagsordenpunkter_does_not_make_a_page_of_decisions_an_agenda():
    text = "Udvalg: Ældrerådet\nMødedato: 21. april 2021\nMødested: Rådhuset\n\nDagsordenpunkter\n\n" \
           "1. Godkendelse af referat fra sidste møde\n\nBeslutning\n\nReferatet blev godkendt.\n\n" \
           "2. Eventuelt\n\nBeslutning\n\nIntet.\n"
    assert _parse(text).kind == "minutes"


GLUED_CLOSED = ("2 Indholdsfortegnelse Punkter til dagsorden Side 1. Godkendelse af dagsorden Meddelelser "
                "Nedrivning af bygning - Brønderslev Allé Deltagelse i Hegnsynsforeningens årsmøde LUKKET SAG "
                "Salg af ejendom - "
                "LUKKET SAG Udlejning af ejendom - LUKKET SAG Udlejning af ejendom - LUKKET SAG Konference Designing "
                "Today LUKKET SAG...25 Bilagsoversigt")


def test_a_glued_contents_lists_closed_entries_end_at_their_lukket_sag_marks():
    from klynge.importer import glued_contents

    _, entries = glued_contents.contents_entries(["TÅRNBY KOMMUNE Åbent referat", GLUED_CLOSED])
    assert [(e.title, e.closed) for e in entries] == [
        ("Godkendelse af dagsorden", False), ("Meddelelser", False),
        ("Nedrivning af bygning - Brønderslev Allé", False),
        ("Deltagelse i Hegnsynsforeningens årsmøde", True), ("Salg af ejendom", True),
        ("Udlejning af ejendom", True), ("Udlejning af ejendom", True), ("Konference Designing Today", True)]


def test_two_unnumbered_entries_of_one_title_are_two_items():
    text = "TÅRNBY KOMMUNE Åbent referat til Økonomiudvalget\n\nMødedato: Tirsdag den 10. marts 2015\n\n" \
           + GLUED_CLOSED + " " + "Referatet følger. " * 12 + "\n"
    titles = [title for _, title, _ in _items(text)]
    assert titles.count("Udlejning af ejendom") == 2


LOWER_CASE_LIST = """Referat / beslutnings protokollat

Vedr. Menighedsrådsmøde d. 15. januar, 2020

Åbent møde:

 1. godkendelse af dagsorden til mødet: Dagsordenen blev godkendt.
 2. godkendelse af referatet fra sidste møde: Referatet blev godkendt og underskrevet.
 3. Nyt fra formanden:
  Renoveringen af muren trækker ud.
 4. : Menighedsrådsvalg: Inger og Kim meddelte at de ikke ønskede at stille op.
 5. Eventuelt: Intet.
"""


def test_a_list_that_begins_in_lower_case_keeps_its_first_items():
    assert [number for number, _, _ in _items(LOWER_CASE_LIST)] == [1, 2, 3, 4, 5]


def test_a_stray_colon_after_the_number_is_no_part_of_the_title():
    assert (4, "Menighedsrådsvalg", False) in _items(LOWER_CASE_LIST)


def test_numbered_recommendations_in_lower_case_above_an_item_are_no_items():
    text = "Referat\nUdvalget\n15. januar 2020\n\n1. Budget\n\nIndstilling\n\n1. at udvalget godkender budgettet\n" \
           "2. at sagen sendes videre\n3. Eventuelt\n\nIntet.\n"
    assert [number for number, _, _ in _items(text)] == [1, 3]


def test_a_meeting_in_a_named_parish_hall_gives_the_place():
    text = "Referat\n\nMenighedsrådsmøde i Vejlby Sognegård tirsdag den 24. september 2024\n\n" + TWO_ITEMS
    assert _parse(text).place == "Vejlby Sognegård"


def test_a_meeting_word_before_the_weekday_is_no_place():
    text = "Referat 7. april 2021\n\n Menighedsrådsmøde onsdag d. 7. april 2021 kl. 19.00-21.30\n\n" + TWO_ITEMS
    assert _parse(text).place is None


DECISION_POINTS = """Ældrerådet
Mødedato: 14. marts 2018

1. Godkendelse af dagsorden

Beslutning
 1. Godkendt
 2. Fraværende: Leif Dræbye og Nanna Westergård-Nielsen
 3. Mødet blev afholdt på Birkevang i Gilleleje og varede fra 13.00 - 16.00

2. Eventuelt

Intet.
"""


def test_absence_and_place_said_in_a_numbered_decision_are_read():
    document = _parse(DECISION_POINTS)
    assert document.absent == ["Leif Dræbye", "Nanna Westergård-Nielsen"]
    assert document.place == "Birkevang i Gilleleje"


def test_an_absence_label_naming_the_body_and_date_heads_the_names_below():
    text = "Kommunalbestyrelsen\n31. maj 2022\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n" \
           "Fraværende i Thisted Kommunalbestyrelsen, 31. maj 2022:\n\nClaus Nybo\n\nTil toppen\n\n" \
           "2. Eventuelt\n\nIntet.\n"
    assert _parse(text).absent == ["Claus Nybo"]


def test_a_portals_dated_news_line_is_no_title():
    text = "31. oktober 2019: Offentlig information om et lukket punkt.\n\nKulturråd\n\nMandag den 04. februar 2019 " \
           "kl. 17:00\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Eventuelt\nBeslutning\nIntet.\n"
    assert _parse(text).title == "Kulturråd"


def test_three_bracketed_first_names_after_one_title_are_its_presenters():
    text = "Referat\nUngerådet\n8. november 2021\n\n1. Opfølgning på quiz\n\nGodt.\n\n" \
           "2. Opfølgning på møde med folkeskolelederne (Emma, Anna, Kristine)\n\nDrøftet.\n\n3. Eventuelt\n\nIntet.\n"
    item = _parse(text).items[1]
    assert (item.title, item.presenter) == ("Opfølgning på møde med folkeskolelederne", "Emma, Anna, Kristine")


def test_one_bracketed_first_name_after_one_title_alone_stays_in_the_title():
    text = "Referat\nUngerådet\n8. november 2021\n\n1. Opfølgning på quiz\n\nGodt.\n\n" \
           "2. Status på Projekt (Aura)\n\nDrøftet.\n\n3. Eventuelt\n\nIntet.\n"
    assert _parse(text).items[1].title == "Status på Projekt (Aura)"


BULLETED_NUMBERS = """Skip navigationen

Referat

Onsdag den 02. december 2015 kl. 16:00

Mødested: Havnestuen
Udvalg: Børne-, Fritids- og Kulturudvalget
Afbud fra: Ole K. Svendsen (A)
Bemærkninger: Godkendelse af dagsorden:
Godkendt
  • 1
    Status på læringsmål
    Sagsid.: 15/2555

    BESLUTNING:

    Taget til efterretning.

  • 2
    3. Budgetopfølgning 2015
    Sagsid.: 15/1606

    BESLUTNING:

    Godkendt.
"""


def test_a_bulleted_lone_number_takes_the_next_line_as_title_even_an_ordinal_one():
    assert [(number, title) for number, title, _ in _items(BULLETED_NUMBERS)] == [
        (1, "Status på læringsmål"), (2, "3. Budgetopfølgning 2015")]


def test_one_bulleted_lone_number_is_an_item_and_skip_navigationen_is_furniture():
    text = BULLETED_NUMBERS[:BULLETED_NUMBERS.index("  • 2")]
    document = _parse(text)
    assert [(i.number, i.title) for i in document.items] == [(1, "Status på læringsmål")]
    assert document.title != "Skip navigationen" and document.place == "Havnestuen"


def test_a_notes_label_ends_the_absence_list_above_it():
    assert _parse(BULLETED_NUMBERS).absent == ["Ole K. Svendsen"]


def test_a_run_on_line_is_cut_before_a_number_with_a_bracketed_type_code():
    from klynge.importer import layout

    line = ("Dagsorden (B) = beslutningspunkt 1. Godkendelse af dagsorden Dagsordenen blev godkendt. 2. Godkendelse "
            "og underskrift af protokollen Protokollen blev godkendt og underskrevet af alle. 3. (B) Ny "
            "måneds-kalender til afløsning af kirkefolder Menighedsrådet vedtog forslaget.")
    assert [p.split()[0] for p in layout.split_run_on(line)][-3:] == ["1.", "2.", "3."]


def test_a_glued_contents_list_skips_numbers_it_lost_and_ends_at_its_closed_part():
    from klynge.importer import glued_contents

    line = ("2 Indholdsfortegnelse Pkt. Tekst Side Åbne dagsordenspunkter 1 Anden placering af Skærbæk Bibliotek 3 2 "
            "Halvårsregnskab for udvalget Høringssvar evaluering af halmodellen 6 5 Ikke folkeoplysende foreningers "
            "brug af haller 8 6 Henvendelse fra foreningen Stjernen 9 7 Årshjul for udvalget Sager til orientering "
            "12 Lukkede dagsordenspunkter 4. september")
    _, entries = glued_contents.contents_entries(["Referat", line])
    assert [(e.number, e.title) for e in entries] == [
        (1, "Anden placering af Skærbæk Bibliotek"), (2, "Halvårsregnskab for udvalget"),
        (None, "Høringssvar evaluering af halmodellen"), (5, "Ikke folkeoplysende foreningers brug af haller"),
        (6, "Henvendelse fra foreningen Stjernen"), (7, "Årshjul for udvalget"), (None, "Sager til orientering")]


PARTS = """Referat af menighedsrådsmøde 19. marts 2013

1. Velkomst og meddelelser
Intet.

2. Godkendelse af referat
Godkendt.

3a. Gennemgang af regnskab for 2012
Regnskabet blev gennemgået.

4). Sognepræsterne orienterer
Intet.

5). Eventuelt
Intet.
"""


def test_an_items_first_part_stands_for_the_item_and_a_bracket_then_stop_is_one_mark():
    assert [(n, t) for n, t, _ in _items(PARTS)] == [
        (1, "Velkomst og meddelelser"), (2, "Godkendelse af referat"), (3, "Gennemgang af regnskab for 2012"),
        (4, "Sognepræsterne orienterer"), (5, "Eventuelt")]


def test_lettered_parts_a_and_b_are_a_list_not_items():
    text = PARTS.replace("4). Sognepræsterne", "3b. Budget 2014\nIntet.\n\n4). Sognepræsterne")
    assert 3 not in [n for n, _, _ in _items(text)]


def test_a_meeting_held_in_good_order_has_no_place():
    text = DECISION_POINTS.replace("Mødet blev afholdt på Birkevang i Gilleleje og varede fra 13.00 - 16.00",
                                   "Mødet blev afholdt i god ro og orden")
    assert _parse(text).place is None
