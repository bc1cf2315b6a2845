"""Issue 12, eleventh round: a title's final full stop, titles wrapped after a word that needs the next one, item
numbers beside page furniture, a bulleted agenda above numbered item bodies, the item's kind after its title and a
closed part numbered from 1 under its own label. Invented texts only."""

from klynge.importer.normalise import normalise
from klynge.importer.parse import _without_final_full_stop, parse

from .conftest import items_of

HEADER = "Referat af ældrerådets møde\n\nTorsdag den 15. marts 2018 kl. 12.30 på Rådhuset\n\n"


def test_a_titles_final_full_stop_goes_but_an_abbreviations_stays():
    assert _without_final_full_stop("Godkendelse af dagsorden nr. 03-2018 den 15.03.2018.") == \
        "Godkendelse af dagsorden nr. 03-2018 den 15.03.2018"
    assert _without_final_full_stop("Indledning ved Hans, som tager brød med.") == \
        "Indledning ved Hans, som tager brød med"
    assert _without_final_full_stop("Høring vedr. køreplaner 2015 – 16.") == "Høring vedr. køreplaner 2015 – 16"
    for kept in ("Evt.", "Høringer mv.", "Pusleklodser m.v.", "Præstens pkt.", "Budgetsamråd d. 29.8.",
                 "Eventuelt. Intet at berette."):
        assert _without_final_full_stop(kept) == kept


def test_a_title_wrapped_after_a_word_that_needs_the_next_one_is_joined_also_across_a_blank_line():
    body = ("Dagsorden:\n\n1. Godkendelse af dagsorden\n\n2. Lokalplan 12 for et område til boliger ved\n\n"
            "Skovvej i Nørreby\n\n3. Vedtagelse af kommuneplantillæg og lokalplan for\nforlystelsesanlæg\n\n"
            "4. Eventuelt\n")
    assert items_of(HEADER + body) == [
        (1, "Godkendelse af dagsorden"), (2, "Lokalplan 12 for et område til boliger ved Skovvej i Nørreby"),
        (3, "Vedtagelse af kommuneplantillæg og lokalplan for forlystelsesanlæg"), (4, "Eventuelt")]


def test_a_contents_label_run_into_the_first_items_line_is_not_part_of_it():
    body = ("Indholdsfortegnelse:\n\nPunkter på åben dagsorden: 266. Budget 2025 2. behandling\n\n"
            "267. Rammeaftale for det sociale område\n\n268. Praksisplan, høring\n")
    assert items_of(HEADER + body) == [(266, "Budget 2025 2. behandling"), (267, "Rammeaftale for det sociale område"),
                                       (268, "Praksisplan, høring")]


def test_an_item_number_beside_the_page_header_is_kept_and_the_wrapped_cell_joined():
    # a contents table read one cell a line (item number, title, page), a page break with its header inside it
    pages = ["Tønder Kommune\nDagsorden for byrådets møde\nTirsdag den 26. maj 2025 kl. 17.00\nIndhold\n"
             "11\nLæseplan for tidlig tysk\n18\n12\nInvesteringsbehovet på skoleområdet\n20\n13\n"
             "Anlægsmidler - opfølgning på licitation vedr. etablering af\nSundhedshuset i Nørreby\n22",
             "26. maj 2025\n2\nByrådet\nDagsorden\n14\nFritvalgsbeviser til personlig pleje\n24\n15\n"
             "Salg af areal\n26",
             "26. maj 2025\n3\nByrådet\nDagsorden\n16\nEventuelt\n28"]
    text = normalise("\n".join(pages)).text
    lines = text.split("\n")
    assert "14" in lines and "2" not in lines
    assert items_of(text) == [
        (11, "Læseplan for tidlig tysk"), (12, "Investeringsbehovet på skoleområdet"),
        (13, "Anlægsmidler - opfølgning på licitation vedr. etablering af Sundhedshuset i Nørreby"),
        (14, "Fritvalgsbeviser til personlig pleje"), (15, "Salg af areal"), (16, "Eventuelt")]


def test_a_bulleted_agenda_above_numbered_item_bodies_names_every_item_in_its_order():
    text = ("Referat: 16. november 2022 kl. 08:00\nDeltagere\n- Anne Holm\n- Bo Berg\nReferat\n"
            "- Godkendelse af dagsorden\n- Center Solbakken\n- Sundhedsklynger\n- Budgetopfølgning oktober 2022\n"
            "- Gensidig orientering\nKopier link til punktet - Print\n1: Godkendelse af dagsorden\nSagsnr:\n"
            "BeslutningDagsordenen blev godkendt.\nKopier link til punktet - Print\n"
            "2LUKKET PUNKT: Center Solbakken\nBeslutningDer blev givet en orientering.\n"
            "Kopier link til punktet - Print\n3: Sundhedsklynger\nSagsnr: 19-027802\nSagsfremstilling\n"
            "Udvalget orienteres om sundhedsklynger.\n")
    got = parse(text).items
    assert [i.title for i in got] == ["Godkendelse af dagsorden", "Center Solbakken", "Sundhedsklynger",
                                      "Budgetopfølgning oktober 2022", "Gensidig orientering"]
    assert got[0].number == 1 and got[2].number == 3
    assert "sundhedsklynger" in got[2].description


def test_the_kind_of_item_after_its_title_is_not_part_of_it():
    body = ("Dagsorden\n1. Godkendelse af dagsorden, beslutningspunkt\n2. Habilitetspolitik, beslutningspunkt\n"
            "3. Status for verserende sager (orienteringspunkt)\n4. Eventuelt\n")
    assert items_of(HEADER + body) == [(1, "Godkendelse af dagsorden"), (2, "Habilitetspolitik"),
                                       (3, "Status for verserende sager"), (4, "Eventuelt")]


def test_a_closed_part_numbered_from_one_under_its_own_label_follows_the_open_items_and_is_closed():
    body = ("1. Valg af formand\n\n2. Valg af næstformand\n\n3. - 8. Valg af enkeltmandsposter\n\n"
            "Valget foretages blandt medlemmerne.\n\n9. Nyt fra formanden\n\n10. Eventuelt\n\nLUKKET MØDE\n"
            "1. Personalesag\n\nDrøftet.\n")
    got = parse(HEADER + body).items
    assert [(i.number, i.title) for i in got] == [
        (1, "Valg af formand"), (2, "Valg af næstformand"), (3, "Valg af enkeltmandsposter"), (9, "Nyt fra formanden"),
        (10, "Eventuelt"), (1, "Personalesag")]
    assert got[-1].closed and not any(i.closed for i in got[:-1])


def test_a_closed_item_legend_far_above_a_list_numbered_from_one_closes_nothing():
    body = ("1. Godkendelse af dagsorden\n\n2. Meddelelser\n\n3. Eventuelt\n\nÅbent punkt\n\nLukket punkt\n\n"
            "Ældrerådet\n\nOrientering til pressen\n\nDer blev ikke givet nogen.\n\n1.\n"
            "Referat af møde 10.3.2025 (DOC)\n")
    got = parse(HEADER + body).items
    assert [(i.number, i.title) for i in got] == [(1, "Godkendelse af dagsorden"), (2, "Meddelelser"),
                                                  (3, "Eventuelt")]


def test_a_day_of_the_month_in_a_list_of_meeting_dates_is_no_item():
    body = ("1. Godkendelse af dagsorden\n\n2. Kalender og næste møde\n\n3. Årshjulet\n\n9.   Juni SR møde\n"
            "18. August SR møde\n15. September SR møde\n\n4. Eventuelt\n")
    assert items_of(HEADER + body) == [(1, "Godkendelse af dagsorden"), (2, "Kalender og næste møde"),
                                       (3, "Årshjulet"), (4, "Eventuelt")]


def test_a_heading_too_long_for_a_title_is_taken_when_its_number_is_the_one_missing_between_its_neighbours():
    long_title = "Nyt fra institutionerne, (" + ", ".join(f"plejecenter nummer {n} og dets råd" for n in range(9)) + ")"
    assert len(long_title) > 250
    body = f"11.Meddelelser\n\n12.{long_title}\n\n13.Eventuelt\n"
    got = items_of(HEADER + body)
    assert [n for n, _ in got] == [11, 12, 13] and got[1][1].startswith("Nyt fra institutionerne")


def test_web_furniture_is_neither_the_title_nor_the_body():
    text = ("Gå til hovedindholdet\nMENU\nAula_close Layer 1\nMobil menu\n\nReferat 6-3-2024 PDF Udskriv Email\n\n"
            "Mødedeltagere: LKB, TQF\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Eventuelt\n\nIntet.\n")
    doc = parse(normalise(text).text)
    assert doc.title == "Referat 6-3-2024"
    assert doc.body is None


def test_a_labels_value_is_kept_though_the_same_line_heads_every_page():
    page_header = "26. maj 2025\nByrådet\nDagsorden\n"
    text = ("Dagsorden - Nørreby Kommune\n\nMødedato:\n26. maj 2025\nStarttidspunkt for møde:\n19:00\n\n"
            "1. Godkendelse af dagsorden\nSide 1\n" + page_header + "2. Budget 2026\nSide 2\n" + page_header +
            "3. Eventuelt\nSide 3\n" + page_header)
    doc = parse(normalise(text).text)
    assert str(doc.date) == "2025-05-26"


def test_the_minutes_own_heading_dates_the_meeting_before_a_letterheads_later_date():
    text = ("Torvegade 74\nDato 25. november 2025\nSags id 15/21166\n\n"
            "Referat fra møde i Handicaprådet torsdag, den 19. november 2025 kl. 15.00\n\nRådhuset, mødelokale 1\n\n"
            "1. Bemærkninger til referat\n\nIngen bemærkninger.\n\n2. Eventuelt\n\nIntet.\n")
    assert str(parse(text).date) == "2025-11-19"


def test_a_transcripts_page_number_above_a_numbered_heading_is_no_heading_of_its_own():
    text = ("Referat fra møde i Handicaprådet torsdag, den 19. november 2025 kl. 15.00\n\n"
            "2\n1. Bemærkninger til referat fra møde den 24. september 2025 Ingen bemærkninger.\n"
            "2. Høring om botilbud. Handicaprådet tager orienteringen til efterretning.\n"
            "3. Ressourceforløb i Jobcentret v. Maja Lüthje\nMaja Lüthje orienterede.\n")
    assert [n for n, _ in items_of(text)] == [1, 2, 3]


def test_a_label_of_several_words_ends_the_apologies():
    text = (HEADER + "Afbud:Birgitte, Kateryna\n\nFraværende:\n\nGodkendelse af referat:\n\n1. Efterretninger\n\n"
            "Intet.\n\n2. Eventuelt\n")
    assert parse(text).absent == ["Birgitte", "Kateryna"]


def test_a_substitute_named_in_running_text_keeps_to_its_own_sentence():
    text = (HEADER + "Der var afbud fra Kate Bøgh og Tina Ebler. Ida Götke deltog for Poul Michaelsen.\n\n"
            "I stedet for Jan Kaspersen deltog Morten Grøn. Morten Normann Jørgensen deltog ikke under punkt 2.\n\n"
            "1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Eventuelt\n\nIntet.\n")
    doc = parse(text)
    assert ("Ida Götke", "Poul Michaelsen") in doc.substitutes
    assert ("Morten Grøn", "Jan Kaspersen") in doc.substitutes
    assert {"Ida Götke", "Morten Grøn"} <= {p.name for p in doc.attendees}
    assert {"Kate Bøgh", "Tina Ebler", "Poul Michaelsen", "Jan Kaspersen"} <= set(doc.absent)


def test_the_bench_counts_item_text_filed_under_the_wrong_heading(monkeypatch):
    from pathlib import Path

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[2] / "bench"))
    import importer_accuracy

    items = [{"number": 1, "title": "Fraværende og bemærkninger", "description": "", "minutes": ""},
             {"number": 2, "title": "Udvalgets sammensætning",
              "description": "Til indholdsfortegnelse\n1 Fraværende og bemærkninger\nAfbud fra Jonna Nielsen"}]
    assert importer_accuracy.misfiled_texts(items) == ["2: Fraværende og bemærkninger"]
    items[1]["description"] = "Udvalget består af 7 medlemmer."
    assert importer_accuracy.misfiled_texts(items) == []


def test_the_kind_of_item_in_capitals_before_the_title_is_not_part_of_it():
    body = ("1. DEBAT: Oplæg fra biskoppen om samarbejdet\n\nDrøftet.\n\n2. BESLUTNING: Godkendelse af dagsorden\n\n"
            "Godkendt.\n\n3. ORIENTERING: Økonomi\n\nTaget til efterretning.\n\n4. Eventuelt\n\nIntet.\n")
    assert items_of(HEADER + body) == [(1, "Oplæg fra biskoppen om samarbejdet"), (2, "Godkendelse af dagsorden"),
                                       (3, "Økonomi"), (4, "Eventuelt")]


def test_a_table_saved_as_text_with_the_item_in_its_first_cell():
    body = ("| Mødepunkt | Referat |\n| 1 – Godkendelse af referat fra mødet 31. januar 2024 | Godkendt. |\n"
            "| 2 – Orientering fra provstiet | Intet nyt. |\n| 3 - Fra Farup MR, Projekt kirkemur | Udsat. |\n")
    assert items_of(HEADER + body) == [(1, "Godkendelse af referat fra mødet 31. januar 2024"),
                                       (2, "Orientering fra provstiet"), (3, "Fra Farup MR, Projekt kirkemur")]


def test_a_one_word_outcome_after_the_title_is_the_items_minutes_not_its_title():
    text = ("Referat af menighedsrådsmøde\n\nOnsdag den 2. juni 2021 kl. 19.00\n\n1) Indledning\n\n"
            "2) Forventningsafstemningssamtale - udgået\n\n3) Økonomi\n\nDrøftet.\n\n"
            "4) City kirke samarbejdet - drøftet\n\n5) Eventuelt - intet\n")
    got = parse(text).items
    assert [i.title for i in got] == ["Indledning", "Forventningsafstemningssamtale", "Økonomi",
                                      "City kirke samarbejdet", "Eventuelt"]
    assert [i.minutes for i in got[3:]] == ["Drøftet.", "Intet."]


def test_bodies_after_an_agenda_list_get_their_own_text_though_fewer_than_its_entries():
    entries = ["Godkendelse af dagsorden", "Whistleblowerordning", "Budgetopfølgning 2. kvartal", "Nyt regulativ",
               "Gensidig orientering"]
    agenda = "\n".join(f"{446 + k}. {t}" for k, t in enumerate(entries))
    text = (HEADER + "Dagsorden:\n" + agenda + "\n\n446. Godkendelse af dagsorden\n\nDagsorden godkendt.\n\n"
            "447. Whistleblowerordning\n\nByrådet besluttede at indføre en ordning.\n")
    got = parse(text).items
    assert [(i.number, i.title) for i in got] == [(446 + k, t) for k, t in enumerate(entries)]
    assert "godkendt" in (got[0].minutes + got[0].description + got[0].decision).lower()
    assert "ordning" in (got[1].minutes + got[1].description + got[1].decision)
    assert not any(i.minutes or i.description or i.decision for i in got[2:])


def test_an_item_called_lukket_moede_is_closed_and_keeps_its_whole_title():
    body = "1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Lukket møde – status for præsteansættelse\n\nDrøftet.\n"
    got = parse(HEADER + body).items
    assert got[1].title == "Lukket møde – status for præsteansættelse" and got[1].closed
