"""Issue 12, tenth round: item-type codes written before the title, the time allotted to an item after it, any
presenter after 'v/', and a closed item named only 'Lukket pkt.'. Invented texts only."""

from klynge.importer.layout import LEADING_TYPE_CODE
from klynge.importer.parse import parse

HEADER = "Dagsorden for menighedsrådets møde\n\nTirsdag den 8. marts 2022 kl. 17.00 i sognegården\n\n"


def items_of(body: str) -> list[tuple]:
    return [(i.number, i.title, i.presenter) for i in parse(HEADER + body).items]


def test_an_item_type_code_before_the_title_is_not_part_of_the_title():
    body = ("O=Orienteringspunkt\nB=Beslutningspunkt\n1. (B) Godkendelse af dagsorden\n"
            "2. (O) Nyt fra formanden\n3. (O/B) Nyt fra udvalgene\n4. Eventuelt\n")
    assert [t for _, t, _ in items_of(body)] == ["Godkendelse af dagsorden", "Nyt fra formanden",
                                                  "Nyt fra udvalgene", "Eventuelt"]


def test_the_time_allotted_to_an_item_and_a_break_after_it_end_the_title_and_v_slash_names_the_presenter():
    body = ("Dagsorden:\n1. Velkomst og godkendelse af dagsorden v/Anne Holm (5 min.)\n"
            "2. Budget 2023 jf. bilag 1 v/Bo Berg (B 10 min.)\n"
            "3. Orientering om kirkegården v/Carl Ravn m.fl. (O 10 min.) Pause 10 min.\n"
            "4. Nyt fra præsterne v/præsterne (O 15 min.)\n5. Eventuelt\n")
    assert items_of(body) == [
        (1, "Velkomst og godkendelse af dagsorden", "Anne Holm"),
        (2, "Budget 2023 jf. bilag 1", "Bo Berg"),
        (3, "Orientering om kirkegården", "Carl Ravn m.fl"),
        (4, "Nyt fra præsterne", "præsterne"),
        (5, "Eventuelt", None),
    ]


def test_a_closed_item_named_only_lukket_pkt_keeps_that_name_and_its_presenter():
    body = ("1. (B) Godkendelse af dagsorden\n2. (O) Lukket pkt. v. Janne\n3. (B) Indsamling til kirken v. Janne\n"
            "a. Hvornår samler vi ind\nb. Hvem samler ind\n4. Eventuelt\n")
    got = parse(HEADER + body).items
    assert [(i.number, i.title) for i in got] == [(1, "Godkendelse af dagsorden"), (2, "Lukket pkt."),
                                                  (3, "Indsamling til kirken"), (4, "Eventuelt")]
    assert got[1].closed and got[1].presenter == "Janne"


def test_only_an_item_type_code_is_taken_from_the_start_of_a_title():
    assert LEADING_TYPE_CODE.sub("", "(B) Budget 2023") == "Budget 2023"
    assert LEADING_TYPE_CODE.sub("", "(O/B) Nyt fra udvalgene") == "Nyt fra udvalgene"
    assert LEADING_TYPE_CODE.sub("", "(Udsat) Budget 2023") == "(Udsat) Budget 2023"
    assert LEADING_TYPE_CODE.sub("", "(BUF) Skolebudget") == "(BUF) Skolebudget"


def test_a_body_phrase_without_a_body_noun_gives_way_to_the_body_the_text_names():
    text = ("Der afholdes ordinært menighedsrådsmøde\n\ni Sognegården\n\nOnsdag, den 26. juni 2019 kl. 19:00\n\n"
            "Dagsorden:\n1. Godkendelse af dagsorden\n2. Budget 2020 til menighedsrådets godkendelse\n"
            "3. Nyt fra menighedsrådet\n4. Eventuelt\n")
    assert parse(text).body == "Menighedsrådet"


def test_an_unknown_surname_beside_a_first_name_is_never_repaired_but_a_damaged_word_is(lexicon):
    from klynge.importer.normalise import NameIndex, normalise

    text = "Afbud: Erik Lank og Lone Becker Kjaergaard\n\nPa mgdet blev budgettet vedtaget.\n"
    result = normalise(text, lexicon)
    assert "Erik Lank" in result.text and "Lone Becker Kjaergaard" in result.text
    assert "På mødet blev" in result.text
    known = normalise("Afbud: Kurt Abelg\n", lexicon, ["Kurt Æbelø"])
    assert "Kurt Æbelø" in known.text  # a known person's damaged name is still repaired
    assert NameIndex(["Kurt Æbelø"]).repair("Abelg") == "Æbelø"


def test_a_time_slot_before_the_title_is_read_as_the_items_time():
    body = ("Dagsorden\n\n1 - 09.00-09.05 Godkendelse af dagsordenen\n\nGodkendt\n\n"
            "2 - 09.05-10.00 Budgetopfølgning for 1. kvartal\n\nTaget til efterretning\n\n"
            "3 - 10.00-10.10 Eventuelt\n\nIntet\n")
    got = parse(HEADER + body).items
    assert [(i.number, i.title, i.start.strftime("%H:%M"), i.end.strftime("%H:%M")) for i in got] == [
        (1, "Godkendelse af dagsordenen", "09:00", "09:05"), (2, "Budgetopfølgning for 1. kvartal", "09:05", "10:00"),
        (3, "Eventuelt", "10:00", "10:10")]


def test_presenters_with_their_organisations_code_are_one_presenter_and_not_the_title():
    body = ("1. Velkomst\n2. Præsentation af rådgivernes arbejde v. Pia Bo (ÆHF) og Kaj Ravn (BUF)\n3. Eventuelt\n")
    got = parse(HEADER + body).items
    assert (got[1].title, got[1].presenter) == ("Præsentation af rådgivernes arbejde", "Pia Bo (ÆHF) og Kaj Ravn (BUF)")


def test_text_after_the_allotted_time_is_the_items_own_text_and_a_comma_before_v_slash_goes():
    body = ("1. Velkomst og sang, v/Inge Holm (10 min.) Inge Holm bød velkommen\n"
            "2. Salg af præstegården v/Rasmus Ko (B 10 min.) Det blev besluttet at sælge.\n3. Eventuelt\n")
    got = parse(HEADER + body).items
    assert [(i.title, i.presenter) for i in got[:2]] == [("Velkomst og sang", "Inge Holm"),
                                                         ("Salg af præstegården", "Rasmus Ko")]
    assert "Inge Holm bød velkommen" in got[0].minutes + got[0].description
    assert "besluttet at sælge" in got[1].minutes + got[1].description + got[1].decision


def test_an_agenda_list_with_sub_points_under_its_entries_keeps_the_entries_after_them():
    body = ("Dagsorden:\n1. Godkendelse af dagsorden\n2. Meddelelser\n3. Aktuelle drøftelser\n"
            "a. Valg til rådet v/ Leif Holm\nb. Plejehjemmet, hvor langt er vi? v/ Anna Bo, Erik Mø\nog Arne Ravn\n"
            "c. Opsamlingslisten v/ Arne Ravn\n4. Budget 2017\n5. Eventuelt\n\nReferat:\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n2. Meddelelser\nIngen.\n")
    got = parse(HEADER + body).items
    assert [(i.number, i.title) for i in got] == [(1, "Godkendelse af dagsorden"), (2, "Meddelelser"),
                                                  (3, "Aktuelle drøftelser"), (4, "Budget 2017"), (5, "Eventuelt")]


def test_what_the_item_asks_of_the_meeting_is_not_part_of_its_title():
    body = ("1. Godkendelse af dagsorden\n2. Formandens meddelelser – til orientering\n"
            "3. Valg til rådet 2009 – til beslutning\n4. Budget 2024 (til drøftelse)\n5. Eventuelt\n")
    assert [t for _, t, _ in items_of(body)] == ["Godkendelse af dagsorden", "Formandens meddelelser",
                                                  "Valg til rådet 2009", "Budget 2024", "Eventuelt"]


def test_a_role_before_the_presenters_name_or_a_group_alone_after_v_is_the_presenter():
    body = ("1. Gennemgang af budget og økonomi v. administrativ leder Kristine Juul\n"
            "2. Nyt fra elevrådet v. elevrepræsentanterne\n3. Eventuelt\n")
    assert items_of(body)[:2] == [(1, "Gennemgang af budget og økonomi", "Kristine Juul"),
                                  (2, "Nyt fra elevrådet", "elevrepræsentanterne")]


def test_items_printed_all_as_one_are_items_even_when_one_has_no_text_of_its_own():
    body = ("\n 1. Godkendelse af dagsorden – 18.30 – 18.35\n 1. Registrering af mødedeltagere – 18.35 – 18.40\n\n"
            "Til stede: Mia Holm, Jens Bo.\n\n 1. Nyt fra elevråd – 18.40 – 18.45\n\nUdgår.\n\n"
            " 1. Debat og beslutningspunkter – 18.45 – 19.30\n\nDrøftet.\n")
    assert [(n, t) for n, t, _ in items_of(body)] == [(1, "Godkendelse af dagsorden"),
                                                     (2, "Registrering af mødedeltagere"), (3, "Nyt fra elevråd"),
                                                     (4, "Debat og beslutningspunkter")]


def test_minutes_allotted_before_a_punkt_title_and_a_title_that_starts_with_an_ordinal():
    body = ("Punkt 1 5 min Godkendelse af dagsorden\nGodkendt\n\nPunkt 2 15 min Elevrådet har ordet\nFint.\n\n"
            "Punkt 3 1. og 2. viceborgmester\nValgt.\n\nPunkt 4 20 min\n\nMad og måltidspolitik\nDrøftet.\n")
    assert [(n, t) for n, t, _ in items_of(body)] == [(1, "Godkendelse af dagsorden"), (2, "Elevrådet har ordet"),
                                                     (3, "1. og 2. viceborgmester"), (4, "Mad og måltidspolitik")]


def test_people_named_like_a_month_are_persons_and_dates_are_not():
    from klynge.importer.layout import is_organisation

    assert not is_organisation("Jan Kaspersen") and not is_organisation("Maj Britt Hansen")
    assert is_organisation("4. jan") and is_organisation("marts 2024") and is_organisation("Onsdag den")


def test_apologies_written_as_med_afbud_or_as_a_substitution():
    text = (HEADER + "Deltagere: Ole Berg, Kaj Holm\n\nJette Erichsen og Mogens Rasmussen m. afbud\n\n"
            "I stedet for Jan Kaspersen deltog Morten Grøn.\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n"
            "2. Eventuelt\n\nIntet.\n")
    doc = parse(text)
    assert {"Jette Erichsen", "Mogens Rasmussen", "Jan Kaspersen"} <= set(doc.absent)
    assert "Morten Grøn" not in doc.absent
    assert ("Morten Grøn", "Jan Kaspersen") in doc.substitutes  # one substitution rule for both word orders
    assert "Morten Grøn" in [p.name for p in doc.attendees]


def test_an_agenda_that_says_when_the_meeting_begins_gives_the_start():
    text = ("Byrådsmøde onsdag den 8. marts 2023\n\nMødet begynder kl. 16.00 og er færdigt, når det sidste punkt er "
            "behandlet.\n\n1. Godkendelse af dagsorden\n\n2. Budget 2024\n\n3. Eventuelt\n")
    assert parse(text).start.strftime("%H:%M") == "16:00"


def test_the_date_the_items_decisions_give_is_the_meetings_date_when_the_header_has_none():
    text = ("Referat af Seniorrådsmøde\n\nDeltagere: Ole Berg, Kaj Holm\n\n1. Godkendelse af dagsorden\n\n"
            "Beslutning i Seniorrådet den 31-08-2020\nGodkendt.\n\n2. Budget\n\nBeslutning i Seniorrådet den "
            "31-08-2020\nTaget til efterretning.\n")
    doc = parse(text)
    assert doc.date.isoformat() == "2020-08-31"
    assert [w.code for w in doc.warnings if "taget fra punkternes beslutninger" in w.message] == ["date_from_decisions"]


def test_a_place_and_a_time_on_the_line_under_the_date_and_two_labels_on_one_line():
    text = ("Rådets møde den 24. november 2025\n\nRehabiliteringsafdelingen, Hospitalet, Hospitalsvej 30, Byen "
            "kl. 16.00\n\nDagsorden\n\n1. Godkendelse af dagsorden\n\n2. Eventuelt\n")
    doc = parse(text)
    assert (doc.start.strftime("%H:%M"), doc.place) == ("16:00", "Rehabiliteringsafdelingen, Hospitalet, Hospitalsvej "
                                                                  "30, Byen")
    two = parse("Referat af Seniorrådsmøde den 11. januar 2010\nTidspunkt: Kl. 9.00 – 13.00, Mødelokale: B101\n\n"
                "1. Godkendelse af dagsorden\n\n2. Eventuelt\n")
    assert (two.start.strftime("%H:%M"), two.end.strftime("%H:%M"), two.place) == ("09:00", "13:00", "B101")


def test_ved_a_place_stays_in_the_title_and_ved_a_persons_full_name_is_the_presenter():
    body = ("1. Ekspropriation. Cykelsti ved Nymindegab\n2. Lokalplan for ny skole ved Ortenvej, Varde\n"
            "3. Lokalplan 259 for boliger ved Virum Station\n4. Orientering om budgettet ved Jens Hansen\n")
    assert items_of(body) == [(1, "Ekspropriation. Cykelsti ved Nymindegab", None),
                              (2, "Lokalplan for ny skole ved Ortenvej, Varde", None),
                              (3, "Lokalplan 259 for boliger ved Virum Station", None),
                              (4, "Orientering om budgettet", "Jens Hansen")]


def test_a_dotless_item_number_before_a_title_that_starts_with_an_acronym():
    body = ("9 Indsatsplan for jordforurening\n\nSagen drøftes.\n\n10 EU's Socialfond 2021-2027\n\nSagen drøftes.\n\n"
            "11 KL-rapport om ældre\n\nSagen drøftes.\n\n12 Eventuelt\n\nIntet.\n")
    assert [(n, t) for n, t, _ in items_of(body)] == [(9, "Indsatsplan for jordforurening"),
                                                     (10, "EU's Socialfond 2021-2027"), (11, "KL-rapport om ældre"),
                                                     (12, "Eventuelt")]


def test_a_contents_table_read_one_cell_a_line_keeps_its_item_numbers_and_wrapped_titles(lexicon):
    from klynge.importer.normalise import normalise

    cells = ["Indholdsfortegnelse", "Pkt.", "Tekst", "Side"]
    rows = [(1, ["Kvartalsregnskab pr. 31. marts 2015"], 4), (2, ["Frigivelse af anlægsmidler til rådhus"], 5),
            (3, ["Tønder Forsyning A/S - Ændring af vandtakst for Tønder Vand", "A/S"], 7),
            (4, ["Ansøgning om sammenlægning af Club Westküste", "og Kindergarten Tondern"], 9),
            (5, ["Læseplan for tidlig tysk"], 11)]
    for number, title, page in rows:
        cells += [str(number), *title, str(page)]
    text = "Dagsorden for Kommunalbestyrelsen\nMødedato:\n26. maj 2015\n" + "\n".join(cells) + "\n"
    cleaned = normalise(text, lexicon).text
    assert [(i.number, i.title) for i in parse(cleaned).items] == [
        (1, "Kvartalsregnskab pr. 31. marts 2015"), (2, "Frigivelse af anlægsmidler til rådhus"),
        (3, "Tønder Forsyning A/S - Ændring af vandtakst for Tønder Vand A/S"),
        (4, "Ansøgning om sammenlægning af Club Westküste og Kindergarten Tondern"), (5, "Læseplan for tidlig tysk")]


def test_a_one_line_decision_under_a_lone_numbers_title_is_not_taken_for_a_wrapped_title():
    from klynge.importer.layout import _wrapped_cell_title

    lines = ["1", "Godkendelse af dagsorden", "Godkendt", "2", "Budget 2024"]
    assert _wrapped_cell_title(lines, 1, 1, "Godkendelse af dagsorden") == "Godkendelse af dagsorden"
    table = ["7", "Ændring af vandtakst for Tønder Vand", "A/S", "12", "8"]
    assert _wrapped_cell_title(table, 1, 7, table[1]) == "Ændring af vandtakst for Tønder Vand A/S"


def test_lone_numbers_above_titles_are_items_with_or_without_a_line_of_text_under_each():
    with_text = "1\nGodkendelse af dagsorden\nGodkendt\n2\nBudget 2024\nVedtaget\n3\nEventuelt\nIntet\n"
    only_list = "1\nGodkendelse af dagsorden\n2\nBudget 2024\n3\nEventuelt\n\nReferat følger.\n"
    for body in (with_text, only_list):
        assert [(n, t) for n, t, _ in items_of(body)] == [(1, "Godkendelse af dagsorden"), (2, "Budget 2024"),
                                                         (3, "Eventuelt")]


def test_the_next_items_number_glued_to_the_end_of_the_text_before_it():
    text = ("Referat fra møde i Ældrerådet torsdag den 19. marts 2015\n\nFraværende:\n"
            "Jette Holm og Mogens Bo m. afbud\n\n1. \nUnderskrift af referatet fra mødet den 19. februar 2015\n\n"
            "Underskrevet.2. \nGodkendelse af dagsordenen\n\nGodkendt.3. \nHøring vedr. renovationsordning.\n"
            "Høringssvaret taget til efterretning.4. \nTilsynsrapporter. \nForslaget anbefales – formanden svarer5. \n"
            "Eventuelt\n\nIntet.\n")
    doc = parse(text)
    assert [(i.number, i.title) for i in doc.items] == [
        (1, "Underskrift af referatet fra mødet den 19. februar 2015"), (2, "Godkendelse af dagsordenen"),
        (3, "Høring vedr. renovationsordning"), (4, "Tilsynsrapporter"), (5, "Eventuelt")]
    assert sorted(doc.absent) == ["Jette Holm", "Mogens Bo"]  # the numbered line ends the list under the label
    # a date's day number ending a line has a space before it: no item number
    assert [(n, t) for n, t, _ in items_of("1. Budget\nVi ses til mødet den 7.\n2. Eventuelt\n")] == [
        (1, "Budget"), (2, "Eventuelt")]


def test_closed_items_numbered_in_a_series_of_their_own_continue_the_agenda_without_a_warning():
    body = ("Dagsordenspunkter\n\n  åbent 1 Valg af formand\n  åbent 2 Mødeplan for 2010\n  åbent 3 Sager til høring\n"
            "  lukket 101 Lukket punkt - Personsag\n  lukket 102 Lukket punkt - Personsag\n\nÅbent møde\n\n"
            "1 Valg af formand\n\nBeslutning\nValgt.\n\n2 Mødeplan for 2010\n\nBeslutning\nGodkendt.\n\n"
            "3 Sager til høring\n\nBeslutning\nIngen.\n")
    doc = parse(HEADER + body)
    assert [(i.number, i.closed) for i in doc.items] == [(1, False), (2, False), (3, False), (101, True), (102, True)]
    assert not [w for w in doc.warnings if w.code == "item_number_skipped"]


def test_a_long_jump_in_the_item_numbers_is_named_in_one_short_warning():
    from klynge.importer.parse import ParsedItem, check_items

    items = [ParsedItem(number=n, title=f"Punkt {n}") for n in (1, 2, 40)]
    assert [w.message for w in check_items(items)] == ["Punktnummeret springer fra 2 til 40."]


def test_standing_items_lettered_a_b_c_before_the_numbered_ones_are_items_without_a_number():
    body = ("A. Godkendelse af referat (1 bilag)\n\nIngen bemærkninger.\n\nB. Godkendelse af dagsorden\n\nGodkendt.\n\n"
            "C. Elevråd\n\nIntet nyt.\n\nBeslutningspunkter\n\n1. Høring om budgetforslag 2022\n\nDrøftet.\n\n"
            "2. Skolens ordensregler\n\nVedtaget.\n")
    assert [(n, t) for n, t, _ in items_of(body)] == [
        (None, "Godkendelse af referat (1 bilag)"), (None, "Godkendelse af dagsorden"), (None, "Elevråd"),
        (1, "Høring om budgetforslag 2022"), (2, "Skolens ordensregler")]
    options = "1. Valg af model\n\nA. Model 1\nB. Model 2\nC. Model 3\n\nDrøftet.\n\n2. Eventuelt\n"
    assert [n for n, _, _ in items_of(options)] == [1, 2]  # a lettered list without text is no items
