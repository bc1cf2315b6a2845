"""Issue 12, seventeenth round (rules from the failures of seen16-seen20): a contents table read one cell a line.
Invented texts only."""

from klynge.importer.normalise import normalise
from klynge.importer.parse import parse

from .conftest import items_of

# a Word export saved from a web page: the contents table one cell a line ('1.' / title / page), then the bodies;
# the saved text stops inside the second body
CELL_CONTENTS = (
    "Integrationsrådet\n\nReferat\n\naf mødet den 2. november 2011 fra kl. 16:00\n\ni mødelokale 1, Asylgade 22.\n\n"
    "INDHOLDSFORTEGNELSE:\n\nPkt. nr.\n\nSag\n\nSidetal\n\n"
    "1.\n\nVelkomst ved formanden\n\n3\n\n2.\n\nOrientering om rådets formål\n\n4\n\n3.\n\nVedtægter\n\n5\n\n"
    "4.\n\nValg af formand\n\n6\n\n5.\n\nEventuelt\n\n7\n\n"
    "1.               Velkomst ved formanden\n\nJ.nr.: 00.10.10A30\n\nFormanden bød velkommen, og alle præsenterede "
    "sig.\n\n2.               Orientering om rådets formål\n\nDer blev givet en orientering om rådets arbejde og")


def test_the_item_numbers_of_a_contents_table_read_one_cell_a_line_are_not_taken_for_page_numbers():
    kept = normalise(CELL_CONTENTS).text
    assert "\n1.\n" in kept and "\n5.\n" in kept


def test_a_contents_table_read_one_cell_a_line_gives_every_item_and_the_bodies_give_their_texts():
    parsed = parse(normalise(CELL_CONTENTS).text)
    assert [(i.number, i.title) for i in parsed.items] == [
        (1, "Velkomst ved formanden"), (2, "Orientering om rådets formål"), (3, "Vedtægter"), (4, "Valg af formand"),
        (5, "Eventuelt")]
    first = parsed.items[0]
    assert "bød velkommen" in first.description + first.minutes + first.summary
    # the entries the text has no body for carry no page numbers or other entries as their text
    assert all(not (i.description + i.minutes + i.summary).strip() for i in parsed.items[2:])


def test_a_first_item_written_in_lower_case_opens_the_run_of_the_items_after_it():
    text = ("Referat fra Bestyrelsesmøde mandag d. 22.9.2014\n\nTilstede: Per, Gitta og Jonas.\n\n"
            "1) godkendelse af referat\n\nGodkendt.\n\n2) Status på aktiviteter\n\nDer køres bmx om onsdagen.\n\n"
            "3) Orientering fra formanden\n\nIntet.\n\n4) Orientering fra ledelsen\n\nBørnetal.\n\n5) Eventuelt.\n")
    assert [n for n, _ in items_of(text)] == [1, 2, 3, 4, 5]
    assert items_of(text)[0] == (1, "godkendelse af referat")


def test_a_round_of_the_table_ends_the_title_at_the_first_colon_before_each_members_report():
    text = ("Referat af aktivitetsrådsmøde onsdag den 8. maj 2024 kl. 13.00\n\n"
            "1. Forklæder: Solveig har undersøgt pris og vilkår for indkøb.\n\n"
            "2. Rådsudflugt: Det er bestemt at det bliver fredag den 16. august 2024.\n\n"
            "3. Bordet rundt: Susanne: Holder ferie, så Jonna har regnskabet i 14 dage. Kirsten: Efterlyser "
            "engangshandsker til køkkenet.\n")
    assert items_of(text) == [(1, "Forklæder"), (2, "Rådsudflugt"), (3, "Bordet rundt")]


def test_a_number_written_twice_gives_two_items():
    text = ("Skolebestyrelsesmøde\n\nonsdag d. 24.04.2024\n\nkl. 18.00-20.00\n\n"
            "Pkt. 1. Godkendelse af dagsorden\n\nGodkendt\n\nPkt. 2. Opfølgning fra elevrådet\n\nInviteres løbende.\n\n"
            "Pkt. 2. Orientering fra hverdagen\n\nLedelse: kvalitetsdialog.\n\nPkt. 4. Status på frihedsforsøget\n\n"
            "Mødet i går var godt.\n\nPkt. 5. Skoleårets planlægning\n\nVi er i gang.\n")
    assert items_of(text) == [(1, "Godkendelse af dagsorden"), (2, "Opfølgning fra elevrådet"),
                              (2, "Orientering fra hverdagen"), (4, "Status på frihedsforsøget"),
                              (5, "Skoleårets planlægning")]


def test_recommendations_numbered_inside_an_item_are_not_taken_for_a_repeated_number():
    text = ("Referat af mødet den 3. marts 2024\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Budget 2025\n\n"
            "Det indstilles,\n\n2. at budgettet godkendes\n\n3. Eventuelt\n\nIntet.\n")
    assert items_of(text) == [(1, "Godkendelse af dagsorden"), (2, "Budget 2025"), (3, "Eventuelt")]


# an agenda as a table saved as text: each row's first cell the number and the time slot, then the title's cell;
# the minutes below restate the items as 'Ad.1 …' (the saved text stops in the second)
SLOT_TABLE = (
    "Agenda for skolebestyrelsesmøde\nDato: 19.08.2024 kl. 17.00-20.00\nSted: Mødelokalet ved kontoret\n"
    "Punkt | Emne (hvad)\n| Formål (hvorfor) | Tid | Hvem |\n"
    "1. 17.00-17.05 | Velkomst | Gennemgang af dagsorden\n| Plenum | 5 min | Arne |\n"
    "2. 17.05-17.20 | Velkommen til de nye | Bestyrelsen skal vælge en næstforperson\n| Plenum/\n| 15 min\n|\n"
    "3. 17.20-17.30 | Årshjul | Orientering om årshjul\nBilag: årshjul | Plenum/\n| 10 min | Anja |\n"
    "4. 17.30-17.40 | Spisning |\n|\n| 10 min |\n"
    "4. 17.40-18.25 | Roller og forventninger | Drøftelse af roller\n| 45 min | Anja |\n"
    "5. 18.25-18.30 | Eventuelt |\n| 5 min | Arne |\n"
    "Tilstede: Arne Raun (x), Anja Horst (x)\n"
    "Ad.1 Velkomst\nArne bød velkommen og gennemgik dagsorden.\nAd. 2 Velkommen til de nye\nVi var fuldtallige.")


def test_an_agenda_table_with_number_and_time_slot_cells_gives_the_items_and_the_minutes_their_texts():
    parsed = parse(SLOT_TABLE)
    assert [(i.number, i.title) for i in parsed.items] == [
        (1, "Velkomst"), (2, "Velkommen til de nye"), (3, "Årshjul"), (4, "Spisning"), (4, "Roller og forventninger"),
        (5, "Eventuelt")]
    assert [str(i.start) for i in parsed.items[:2]] == ["17:00:00", "17:05:00"]
    first, last = parsed.items[0], parsed.items[-1]
    assert "bød velkommen" in first.description + first.minutes
    assert "Ad. 2" not in last.description + last.minutes  # no other item's minutes under the last entry


# an Aula page whose agenda table was flattened one cell a line: number, time slot, presenter or kind, title, text
FLATTENED_ROWS = (
    "Skolebestyrelsesreferat 28.08.20\n\nDeltagere: Mette Hansen, Peter Wager, Tina Andreasen\n\nDagsorden:\n\n"
    "1.\n\n19.00 – 19.10\n\nVelkomst\n\nFormålet med det konstituerende møde er:\n\n • At vælge et formandskab\n\n"
    "2.\n\n19.10 – 19.30\n\nNick\n\nCheck in\n\nEn lille øvelse, hvor hvert medlem præsenterer sig.\n\n"
    "3.\n\n19.30 – 19.50\n\nNick\n\nOrientering\n\nIntro til skolebestyrelsens arbejde\n\nKort intro til "
    "skolebestyrelsens arbejdsområde.\n\n4.\n\n19.50 – 20.05 Valg\n\nValg af formandskab\n\nDer skal vælges en "
    "formand.\n")


def test_a_table_row_flattened_one_cell_a_line_gives_the_title_after_the_time_slot_presenter_and_kind():
    parsed = parse(FLATTENED_ROWS)
    assert [(i.number, i.title) for i in parsed.items] == [
        (1, "Velkomst"), (2, "Check in"), (3, "Intro til skolebestyrelsens arbejde"), (4, "Valg af formandskab")]
    assert [str(i.start) for i in parsed.items] == ["19:00:00", "19:10:00", "19:30:00", "19:50:00"]


def test_the_first_items_time_slot_is_the_meetings_start_when_the_header_states_none():
    text = ("Referat af bestyrelsesmøde den 3. marts 2024\n\n1. 19.00-19.10 Velkomst\n\nVelkommen.\n\n"
            "2. 19.10-19.40 Budget\n\nGodkendt.\n\n3. 19.40-20.00 Eventuelt\n\nIntet.\n")
    parsed = parse(text)
    assert str(parsed.start) == "19:00:00" and str(parsed.end) == "20:00:00"


def test_a_time_mentioned_in_a_later_items_title_is_not_the_meetings_start():
    text = ("Referat af menighedsrådsmøde den 3. marts 2024\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n"
            "2. Gudstjeneste kl. 11.00 i kirken\n\nDrøftet.\n")
    assert parse(text).start is None


# a meeting table saved from a Lotus Notes page: the item numbers glued to the titles, 'Ref.' cells below
GLUED_TABLE = (
    "251017 bestyrelsesmøde\nDagsorden/Referat\nMødeforumKulturskolens bestyrelse\nPktDagsorden og referat.\n"
    "1Godkendelse af sidste mødereferat\nRef.Godkendt\n2Godkendelse af dagsorden\nRef.Godkendt\n3Meddelelser\n"
    "  1. Formand\n  2. Leder\n    Billedskolen\n  3. Andre\nRef.ad 1)\nDer stilles krav til repræsentanter.\n"
    "ad 2)\nBilledskolen laver en udstilling.\n4Budget 2018 som grundlag for ansøgning\nRef.Budgettet er godkendt.\n"
    "5Opfølgning på dialogmøde med lærerne\nRef.Bestyrelsen arbejder videre.\n6Punkter på næste møde\n"
    "7Eventuelt\n")


def test_an_items_own_numbered_points_go_on_after_a_nested_line_and_are_no_items():
    assert (3, "Meddelelser") in items_of(GLUED_TABLE)


def test_the_last_items_standing_close_together_go_on_with_the_runs_numbering():
    assert [n for n, _ in items_of(GLUED_TABLE)] == [1, 2, 3, 4, 5, 6, 7]
    assert items_of(GLUED_TABLE)[-2:] == [(6, "Punkter på næste møde"), (7, "Eventuelt")]


def test_a_time_inside_the_titles_sentence_stays_in_the_title_and_is_no_time_slot():
    text = ("Referat af fællesmøde den 29. marts 2017\n\nAd 1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "Ad 2. Gudstjenestetider: forsøgsordning med en månedlig gudstjeneste kl. 11.00 i Elev Kirke\n"
            "Forsøget fortsætter.\n")
    item = parse(text).items[1]
    assert item.title == "Gudstjenestetider: forsøgsordning med en månedlig gudstjeneste kl. 11.00 i Elev Kirke"
    assert item.start is None


def test_a_heading_line_longer_than_a_page_line_is_not_joined_with_the_line_below():
    text = ("Referat af fællesmøde den 29. marts 2017\n\nAd 1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "Ad 2. Tema, jf. referatet af mødet den 21. september 2016: Gudstjenestetider, igangværende "
            "forsøgsordning med en månedlig gudstjeneste i Elev Kirke\nEfter Karsten Mumms gennemgang af "
            "forsøgsordningens historie")
    assert parse(text).items[1].title.endswith("i Elev Kirke")


# a government's published decisions: unnumbered case titles, each followed by the same decision label
DECISION_LIST = (
    "2. marts\n\nNaalakkersuisut besluttede følgende på sit møde 2. marts\n\n"
    "Oplæg om procedure for hjemtagelse af sagsområder\n\nNaalakkersuisut besluttede:\n\n"
    " • at ønsker om en dialog skal forelægges for Naalakkersuisut\n\n"
    "For yderligere oplysninger kontakt Departementschef NN i Formandens Departement\n\n"
    "Tillægsbevillingsansøgning om tilskud til familiecentre\n\nNaalakkersuisut besluttede:\n\n"
    " • at tiltræde indstillingerne\n\n"
    "For yderligere oplysninger kontakt Departementschef NN i Departementet for Sociale Anliggender\n")


def test_unnumbered_titles_each_followed_by_the_same_decision_label_are_the_items():
    parsed = parse(DECISION_LIST)
    assert [(i.number, i.title) for i in parsed.items] == [
        (None, "Oplæg om procedure for hjemtagelse af sagsområder"),
        (None, "Tillægsbevillingsansøgning om tilskud til familiecentre")]


def test_the_body_that_decided_on_its_meeting_is_the_meetings_body():
    text = ("Ældrerådet besluttede følgende på sit møde den 2. marts 2017\n\n1. Godkendelse af dagsorden\n\n"
            "Godkendt.\n\n2. Eventuelt\n\nIntet.\n")
    assert parse(text).body == "Ældrerådet"
    assert parse(DECISION_LIST).body == "Naalakkersuisut"


def test_a_standing_item_with_its_decision_on_the_heading_line_keeps_the_decision_as_its_text():
    text = ("Referat fra Beboerrådsmøde\n\nDen 11. maj 2022 kl. 10-11.\n\n"
            "Ad 1. Dagsorden godkendt. Tidligere referat er godkendt af udvalgte deltagere.\n\n"
            "Ad 2 Siden sidst med formanden\na. Har deltaget i møde for alle råd.\n\nAd 3. Siden sidst med leder\n"
            "a. Sidste nyt om brandrapporten.\n")
    items = parse(text).items
    assert [(i.number, i.title) for i in items] == [(1, "Dagsorden"), (2, "Siden sidst med formanden"),
                                                    (3, "Siden sidst med leder")]
    assert (items[0].minutes + items[0].description).startswith("Godkendt. Tidligere referat")
    assert "møde for alle råd" in items[1].minutes + items[1].description  # 'Ad' lines close together: no list


def test_the_bench_counts_a_presenter_written_in_the_annotated_title_as_the_read_items_presenter(monkeypatch):
    from pathlib import Path

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[2] / "bench"))
    import importer_accuracy

    truth = {"number": 2, "title": "Aktiviteter busture mm. v/Martine"}
    assert importer_accuracy.title_right(truth, {"number": 2, "title": "Aktiviteter busture mm",
                                                 "presenter": "Martine"})
    assert not importer_accuracy.title_right(truth, {"number": 2, "title": "Aktiviteter busture mm",
                                                     "presenter": None})
    assert not importer_accuracy.title_right(truth, {"number": 2, "title": "Aktiviteter busture mm",
                                                     "presenter": "Else"})


def _attendees(line: str) -> list[str]:
    text = (f"Referat fra Beboerrådsmøde\nDen 11. maj 2022 kl. 10-11.\n\nDeltagere:\n{line}\n\n"
            "1. Dagsorden\n\n2. Eventuelt\n")
    return [p.name for p in parse(text).attendees]


def test_an_attendee_list_ending_in_samt_and_a_full_stop_gives_every_name_without_the_stop():
    assert _attendees("Preben Møller, Ellen Larsen, Tove Poulsen samt Berit Hvilsom.") == [
        "Preben Møller", "Ellen Larsen", "Tove Poulsen", "Berit Hvilsom"]
    assert _attendees("Preben Møller, Ellen Larsen, Tove Poulsen.") == ["Preben Møller", "Ellen Larsen", "Tove Poulsen"]


def test_an_ampersand_joins_two_names_but_stays_inside_an_organisations_name():
    assert _attendees("Sine Kamstrup, Ea Schou Petersen, Vicky Glumsøe Jensen & Preben Krogsgaard") == [
        "Sine Kamstrup", "Ea Schou Petersen", "Vicky Glumsøe Jensen", "Preben Krogsgaard"]
    names = _attendees("Brith Nøhr, Center for Børn & Familier, Camilla Meyer, Center for Sundhed & Pleje")
    assert "Familier" not in names and "Pleje" not in names


def test_a_groups_label_before_a_list_of_names_is_no_person():
    assert _attendees("Seniorråd Syd: Henning Poulsen, Grethe Sprogøe, Klara Søndergaard og Bertha Olsen.") == [
        "Henning Poulsen", "Grethe Sprogøe", "Klara Søndergaard", "Bertha Olsen"]


def test_the_members_roster_is_not_the_attendance_when_the_minutes_say_who_came():
    text = ("Medlemmer af Seniorråd Øst\n\nFormand\nElsbeth Happle Sørensen\n\nReferent\nAngela Thygesen\n\n"
            "Karen Hjorth\n\nReferat fra mødet den 18. maj 2022\n\n"
            "Tilstede: Karin Lintrup, Hanne Østergaard og Elsbeth Happle Sørensen.\n\n1. Velkomst\n\n2. Eventuelt\n")
    assert [p.name for p in parse(text).attendees] == ["Karin Lintrup", "Hanne Østergaard", "Elsbeth Happle Sørensen"]


def test_a_members_list_is_the_attendance_when_nothing_else_says_who_came():
    text = ("Referat af mødet den 18. maj 2022\n\nMedlemmer:\nKarin Lintrup\nHanne Østergaard\n\n"
            "1. Velkomst\n\n2. Eventuelt\n")
    assert [p.name for p in parse(text).attendees] == ["Karin Lintrup", "Hanne Østergaard"]


def test_a_pages_date_line_above_the_meetings_title_is_not_the_title():
    text = ("19. marts 2024\n\nBestyrelsesmøde, Institut for Syn og Hørelse\n\n19. marts 2024, kl. 08:30-10.00\n\n"
            "Mødedeltagere\n\nGitte Bundgaard Andersen (GB), Regionsrådet\n\nUlla Flintholm (UF), KKR\n\n"
            "1. Godkendelse af dagsorden\n\nGodkendt. Regionsrådet orienteres.\n\n2. Eventuelt\n\nRegionsrådet.\n")
    parsed = parse(text)
    assert parsed.title == "Bestyrelsesmøde, Institut for Syn og Hørelse" and parsed.body == "Bestyrelsen"



def test_an_address_line_under_the_date_and_time_is_the_place_with_its_directions():
    text = ("Referat af møde i Landdistriktsudvalget\nmandag den 26. november 2007 kl. 19.00 – 22.00.\n\n"
            "Rådhustorvet 5, 2. sal – indgang gennem gården.\n\nTilstede: Inger Hansen, Ole Nissen\n\n"
            "1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Eventuelt\n")
    assert parse(text).place == "Rådhustorvet 5, 2. sal – indgang gennem gården"


def test_a_line_beginning_i_under_the_dated_title_is_the_place():
    text = ("Referat fra Landdistriktsudvalgsmøde den 17. juni\ni Arrild Feriecenters Restaurant\n"
            "Tilstede: Finn Hansen, Mogens Gabs\n\n1. Foreningskonsulenten\n\nOrienterede.\n\n2. Ansøgninger\n")
    assert parse(text).place == "Arrild Feriecenters Restaurant"


def test_a_referat_line_below_a_pages_roster_makes_the_document_minutes():
    text = ("Seniorråd Øst\n\nMedlemmer af Seniorråd Øst\n\nFormand\nElsbeth Sørensen\n\nNæstformand\nErik Rabæk\n\n"
            "Kasserer\nKaren Hjorth\n\nSekretær\nInge Thomassen\n\nReferat fra 18. maj 2022\n\nReferat\n\n"
            "Sted: Holtbjerg Aktivitetshus\n\n1. Velkomst\n\nFormanden bød velkommen.\n\n2. Eventuelt\n\nIntet.\n")
    assert parse(text).kind == "minutes"


def test_an_agendas_numbered_paragraph_wrapped_in_lower_case_is_one_title():
    text = ("Dagsorden for Byrådets møde mandag den 5. februar 2024 kl. 18.00\n\n1. Godkendelse af dagsorden.\n\n"
            "2. Svar til Ankestyrelsen vedrørende\nudtalelse om kommunens administration af forskellige "
            "bestemmelser i\nkommunestyrelsesloven.\n\n3. Aqtiv Esbjerg Strand - igangsætning af 2.\n"
            "fase, bevillinger og finansiering.\n\n"
            "4. Snak om Tro\nPunktet udgik.\n\n5. Eventuelt.\n")
    titles = [t for _, t in items_of(text)]
    assert titles[1] == ("Svar til Ankestyrelsen vedrørende udtalelse om kommunens administration af forskellige "
                         "bestemmelser i kommunestyrelsesloven")
    assert titles[2] == "Aqtiv Esbjerg Strand - igangsætning af 2. fase, bevillinger og finansiering"
    assert titles[3] == "Snak om Tro"  # its one line of minutes stays its text


def test_the_meetings_own_dated_and_timed_line_outranks_an_earlier_date_in_prose_and_gives_the_place():
    text = ("Bestyrelsesmøder\n\nKirkeministeriet godkendte den 1. januar 2019 nye vedtægter for bestyrelsen.\n\n"
            "Bestyrelsesmøde nr. 3 den 18.03.2024 kl. 18.30 afholdes i Sct. Nicolai Kirke, Lokale Øst.\n\n"
            "Dagsorden:\n\nPkt. 1 – Godkendelse af dagsorden\n\nPkt. 2 – Godkendelse af regnskab 2023\n\n"
            "Pkt. 3 – Evt.\n")
    parsed = parse(text)
    assert str(parsed.date) == "2024-03-18" and str(parsed.start) == "18:30:00"
    assert parsed.place == "Sct. Nicolai Kirke, Lokale Øst"


def test_the_people_listed_between_the_agenda_and_the_first_items_minutes_are_read():
    assert [p.name for p in parse(SLOT_TABLE).attendees] == ["Arne Raun", "Anja Horst"]


# a notice of a meeting: its agenda as dash bullets under a sentence, some bullets wrapped in lower case
NOTICE = ("Mandag den 25. august kl. 17 til 18:30 i Margrethekirkens lokaler.\n"
          "Mødet har følgende dagsorden jfr. ”Bekendtgørelse om valg af medlemmer til provstiudvalg\n"
          "og stiftsråd” nr. 906 af 25. juni 2025.\n- Valg af dirigent.\n"
          "- Redegørelse for provstiudvalgets virksomhed.\n- Valg af valgbestyrelse, som har ansvar for valg af\n"
          "- præsterepræsentant til provstiudvalg.\n- Eventuelt.\n"
          "Med venlig hilsen\npå provstiudvalgets vegne\n")


def test_dash_bullets_under_an_agenda_sentence_are_the_items_and_a_wrapped_bullet_joins_the_one_above():
    assert [t for _, t in items_of(NOTICE)] == [
        "Valg af dirigent", "Redegørelse for provstiudvalgets virksomhed",
        "Valg af valgbestyrelse, som har ansvar for valg af præsterepræsentant til provstiudvalg", "Eventuelt"]


def test_a_regulations_date_is_never_the_meetings_and_a_time_range_with_til_gives_the_place():
    parsed = parse(NOTICE)
    assert parsed.date is None and str(parsed.start) == "17:00:00" and str(parsed.end) == "18:30:00"
    assert parsed.place == "Margrethekirkens lokaler"


def test_bullets_under_programmet_er_saaledes_are_the_items_of_a_meetings_notice():
    text = ("Ilulissat: Borgermøde 6. september 2017\n31. august 2017\nBorgmesteren afholder borgermøde i Ilulissat:\n"
            "Onsdag den 6. september 2017 kl. 19:00-22:00 i Majoriaq\nProgrammet er således:\n"
            "• Formålet med mødet\n• Information om status på kommunedelingen\n• Bemærkninger fra borgerne\n"
            "• Eventuelt\nVelmødt\n")
    parsed = parse(text)
    assert [i.title for i in parsed.items] == ["Formålet med mødet", "Information om status på kommunedelingen",
                                               "Bemærkninger fra borgerne", "Eventuelt"]
    assert str(parsed.date) == "2017-09-06" and parsed.place == "Majoriaq"
