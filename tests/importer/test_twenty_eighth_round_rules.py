"""Issue 12, twenty-eighth round (the eighth session): general rules, not a layout's. Invented texts only."""

from klynge.importer import layout
from tests.importer.conftest import read_normalised as _parse

HEAD = "Referat\nBørne- og skoleudvalget\nMødedato: 5. maj 2026 kl. 17.00\nSted: Rådhuset\n\n"


def _closed(text: str) -> list[tuple[int | None, bool]]:
    return [(i.number, i.closed) for i in _parse(HEAD + text).items]


def test_a_title_that_says_it_is_treated_behind_closed_doors_closes_its_item():
    text = ("1. Godkendelse af dagsorden\nBeslutning: Godkendt\n\n"
            "2. Ansættelse af direktør (behandles for lukkede døre)\nBeslutning: Godkendt\n\n"
            "3. Eventuelt\nBeslutning: Intet\n")
    items = _parse(HEAD + text).items
    assert [(i.number, i.closed) for i in items] == [(1, False), (2, True), (3, False)]
    assert items[1].title == "Ansættelse af direktør (behandles for lukkede døre)"  # the title keeps its words


def test_the_items_own_sentence_about_closed_doors_closes_it():
    text = ("1. Godkendelse af dagsorden\nBeslutning: Godkendt\n\n"
            "2. Personalesag\nSagen behandles for lukkede døre.\nBeslutning: Godkendt\n\n"
            "3. Eventuelt\nBeslutning: Intet\n")
    assert _closed(text) == [(1, False), (2, True), (3, False)]


def test_an_items_text_that_names_other_items_as_closed_closes_those():
    text = ("1. Godkendelse af dagsorden\nBeslutning: Godkendt. Punkt 3 og 4 behandles for lukkede døre.\n\n"
            "2. Budget 2027\nBeslutning: Drøftet\n\n3. Salg af grund\nBeslutning: Godkendt\n\n"
            "4. Personalesag\nBeslutning: Godkendt\n\n5. Eventuelt\nBeslutning: Intet\n")
    assert _closed(text) == [(1, False), (2, False), (3, True), (4, True), (5, False)]


def test_a_sentence_about_closed_doors_in_general_or_in_the_negative_closes_nothing():
    text = ("1. Spørgetid for borgerne\nDer kan ikke stilles spørgsmål til sager, der normalt behandles for "
            "lukkede døre.\nBeslutning: Ingen spørgsmål\n\n"
            "2. Budget 2027\nSagen behandles ikke for lukkede døre.\nBeslutning: Drøftet\n\n"
            "3. Eventuelt\nBeslutning: Intet\n")
    assert _closed(text) == [(1, False), (2, False), (3, False)]


def test_an_item_moved_to_the_closed_part_is_closed_and_the_line_is_no_part_of_its_title():
    text = ("1. Godkendelse af dagsorden\nGodkendt\n \n"
            "2. Diskussion af biskoppens fremsendte forslag til ændring af provstistillingen\n"
            "Overføres til lukket del\n \n3. Eventuelt\nIntet\n")
    items = _parse(HEAD + text).items
    assert items[1].title == "Diskussion af biskoppens fremsendte forslag til ændring af provstistillingen"
    assert [(i.number, i.closed) for i in items] == [(1, False), (2, True), (3, False)]


def test_a_closed_mark_between_the_titles_own_words_stays_in_the_title_and_closes_the_item():
    text = "Dagsorden:\n1. Elevråd\n2. Bygningsrenovering\n3. Eventuelt\n4. Evt. lukket møde (uden elevdeltagelse)\n"
    items = _parse("Dagsorden til skolebestyrelsesmøde d. 11. september 2026\n\n" + text).items
    assert items[-1].title == "Evt. lukket møde (uden elevdeltagelse)"
    assert items[-1].closed
    assert not any(i.closed for i in items[:-1])


def test_a_closed_mark_at_the_end_of_a_title_is_still_cut_from_it():
    items = _parse(HEAD + "1. Budget 2027\nBeslutning: Drøftet\n\n2. Salg af grund (lukket punkt)\n"
                          "Beslutning: Godkendt\n").items
    assert [(i.title, i.closed) for i in items] == [("Budget 2027", False), ("Salg af grund", True)]


def test_a_capital_v_slash_names_the_presenter():
    items = _parse(HEAD + "1. Godkendelse af referat\nGodkendt\n\n2. Kvalitetsrapport V/ Kirsten Vej Petersen:\n"
                          "Rapporten blev gennemgået.\n").items
    assert (items[-1].title, items[-1].presenter) == ("Kvalitetsrapport", "Kirsten Vej Petersen")


PEOPLE = ("Referat af skolebestyrelsesmøde 6. oktober 2026 kl. 19.00\n"
          "Deltagere: Peter Knappmann, Nette Schultz, Bo Høier\n\n")


def test_a_listed_persons_name_after_the_titles_last_comma_presents_the_item():
    items = _parse(PEOPLE + "1. Kort præsentation af trivselsgruppen, Nette Schultz:\nGruppen blev præsenteret.\n\n"
                            "2. Nyt fra elevrådet, Bo:\nIntet nyt.\n").items
    assert [(i.title, i.presenter) for i in items] == [("Kort præsentation af trivselsgruppen", "Nette Schultz"),
                                                       ("Nyt fra elevrådet", "Bo")]


def test_a_name_after_a_comma_that_the_document_does_not_list_stays_in_the_title():
    items = _parse(PEOPLE + "1. Besøg fra nabokommunen, Anne Jensen:\nHun fortalte.\n\n"
                            "2. Samarbejde med Region Midtjylland, Psykiatrien:\nDrøftet.\n").items
    assert [(i.title, i.presenter) for i in items] == [("Besøg fra nabokommunen, Anne Jensen", None),
                                                       ("Samarbejde med Region Midtjylland, Psykiatrien", None)]


def _portal_item(number: int, title: str, case: str, text: str) -> str:
    return f"Hent som PDF\nKopier link\n{number}\n{title}\n{case}\n{text}\n"


def test_two_item_titles_that_differ_only_in_a_digit_are_no_running_header():
    # '3' / '… 1. tekniske behandling …' / '4' / '… 2. tekniske behandling …': the bare numbers stand beside lines of
    # one shape, as page numbers beside a running header do; the case number under each title says they are items
    text = ("Byrådet\nMødedato:\nonsdag den 8. oktober 2026 kl. 16.00\nMødested:\nByrådssalen\nPunkt\nTitel\n"
            + _portal_item(1, "Godkendelse af dagsorden", "EMN-2026-000101", "Resume\nDagsordenen godkendes.")
            + _portal_item(2, "Forslag til budget 2027-2030", "EMN-2026-000102", "Resume\nBudgettet behandles.")
            + _portal_item(3, "Materiale til Magistratens 1. tekniske behandling af budget 2027", "EMN-2026-000102",
                           "Resume\nMaterialet fremlægges.")
            + _portal_item(4, "Materiale til Magistratens 2. tekniske behandling af budget 2027", "EMN-2026-000102",
                           "Resume\nMaterialet fremlægges igen.")
            + _portal_item(5, "Eventuelt", "EMN-2026-000103", "Resume\nIntet."))
    items = _parse(text).items
    assert [(i.number, i.title) for i in items] == [
        (1, "Godkendelse af dagsorden"), (2, "Forslag til budget 2027-2030"),
        (3, "Materiale til Magistratens 1. tekniske behandling af budget 2027"),
        (4, "Materiale til Magistratens 2. tekniske behandling af budget 2027"), (5, "Eventuelt")]
    assert items[2].case_number == "EMN-2026-000102"


def test_a_bare_case_number_under_a_title_counts_for_its_heading_as_a_labelled_case_number_does():
    # Aarhus's agenda portal: '5' / 'Budgetforslag Ældre og sundhed' / 'EMN-2025-008294' / a list of 1-230 budget
    # proposals running through six items; without this the long list outscored the 33 items
    def score(after_title: str) -> float:
        lines = ["Punkt", "Titel", "5", "Budgetforslag Ældre og sundhed", after_title, "Resume", "Tekst."]
        return next(c.score for c in layout._raw_candidates(lines, lines, set()) if c.number == 5)

    assert score("EMN-2025-008294") == score("Sagsnr.: 25/8294") > score("Budgettet for ældreområdet.")


def test_headings_above_bare_case_numbers_outweigh_a_long_numbered_list_inside_the_items():
    proposals_a = "\n".join(f"{n} Forslag nummer {n} om bedre velfærd S" for n in range(23, 123))
    proposals_b = "\n".join(f"{n} Forslag nummer {n} om renere by V" for n in range(123, 223))
    text = ("Byrådet\nMødedato:\nonsdag den 8. oktober 2026 kl. 16.00\nMødested:\nByrådssalen\nPunkt\nTitel\n"
            + _portal_item(1, "Godkendelse af dagsorden", "EMN-2026-000101", "Resume\nDagsordenen godkendes.")
            + _portal_item(2, "Budgetforslag Ældre og sundhed", "EMN-2026-000102", proposals_a)
            + _portal_item(3, "Budgetforslag Miljø og teknik", "EMN-2026-000102", proposals_b)
            + _portal_item(4, "Lokalplan 1204, Trige Syd - Endelig", "EMN-2026-000104", "Resume\nPlanen vedtages."))
    assert [(i.number, i.title) for i in _parse(text).items] == [
        (1, "Godkendelse af dagsorden"), (2, "Budgetforslag Ældre og sundhed"), (3, "Budgetforslag Miljø og teknik"),
        (4, "Lokalplan 1204, Trige Syd - Endelig")]


PAGE_TEXT = ("Som følge af at skolelederen går på pension, er viceskolelederen konstitueret som skoleleder i det "
             "kommende år, og en ny viceskoleleder er ansat fra en tilsvarende stilling på en anden skole. Formanden "
             "lagde op til en refleksion over, hvad der er sket i det forløbne år i forhold til skolestrukturen, og "
             "bestyrelsen drøftede, hvordan informationsbreve til forældrene skal sendes rundt inden udsendelse.")


def test_a_transcript_whose_items_cannot_be_found_is_read_without_items_when_its_header_is_a_meetings():
    # a flattened PDF transcript: the labels run on in one paragraph and no item heading can be found; the meeting is
    # read (date) with the 'no items' warning, for the user to add the items, rather than refused
    text = ("Det Lokale Beskæftigelsesråd. Referat\n\nTranskript\n\n1 Brønderslev Kommune Det Lokale "
            "Beskæftigelsesråd Referat Dato: 12. december 2026 Lokale: Jobcentret, Brønderslev Tidspunkt: 15.00\n\n"
            f"2 Åbne sager: 01/66 Godkendelse af referat /67 Læse/stave projekt for ledige {PAGE_TEXT}\n\n"
            f"3 Det Lokale Beskæftigelsesråd, 12. december 2026 Side 96 {PAGE_TEXT}\n")
    doc = _parse(text)
    assert str(doc.date) == "2026-12-12"
    assert doc.items == []
    assert "no_items" in [w.code for w in doc.warnings]


def test_two_labels_only_a_meeting_has_mark_a_meeting_without_a_kind_word():
    text = ("Skolebestyrelsen Nordskolen\n\nTranskript\n\n1 Skolebestyrelsen Nordskolen Mødedato 18. maj 2026 kl "
            "Mødelokale Skolens personalerum Fraværende Karina Hansen, elevrådet pga. følsomme sager Åbne sager "
            f"Lukkede sager Mødet hævet\n\n2 Skolebestyrelsen Nordskolen den 18. maj 2026 {PAGE_TEXT}\n\n"
            f"3 Skolebestyrelsen Nordskolen den 18. maj 2026 {PAGE_TEXT}\n")
    doc = _parse(text)
    assert str(doc.date) == "2026-05-18" and doc.items == []


def test_a_report_with_a_date_and_no_meeting_labels_is_still_refused():
    import pytest

    from klynge.importer.parse import NoMeetingFound

    with pytest.raises(NoMeetingFound):
        _parse("Årsrapport for sundhedsområdet\n\nDato: 18. maj 2026\n\nRapporten beskriver året, der gik, og "
               "de mål, der blev nået.\n")


def test_a_place_after_i_on_the_line_below_the_meetings_date_and_time_is_the_place():
    doc = _parse("Referat 12. april 2026\n\nOnsdag den 12. april 2026 kl. 18.30 - 21.00\n\ni personalerummet\n\n"
                 "Deltagere: Marianne, Lars\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert doc.place == "personalerummet"


def test_a_place_after_i_on_the_line_above_the_meetings_date_and_time_is_the_place():
    doc = _parse("Der afholdes ordinært menighedsrådsmøde\n\ni Kirkecenter Højvangen\n\n"
                 "Onsdag, den 26. juni 2026 kl. 19:00\n\nDagsorden:\n1. Godkendelse af dagsorden\n2. Eventuelt\n")
    assert doc.place == "Kirkecenter Højvangen"


def test_a_sentence_after_the_date_line_is_no_place():
    doc = _parse("Referat 12. april 2026\n\nOnsdag den 12. april 2026 kl. 18.30 - 21.00\n\n"
                 "i mødet deltog hele bestyrelsen\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert doc.place is None


def test_a_heading_admitted_into_a_gap_counts_for_the_lower_case_last_item_after_it():
    # '2. Budget 2015,' (gated: it ends in a comma) is admitted between 1 and 3; the lower-case '5. orientering …'
    # after 2, 3 and 4 is then the run's last item
    text = ("Referat fra bestyrelsesmøde mandag den 21. september 2026\n\n1. Godkendelse af referat\nGodkendt\n"
            "2. Budget 2027,\nGodkendt\n3. Notat vedr. ungdomsskolens budget\nTaget til efterretning\n"
            "4. Høringssvar vedr. budget 2027\nHøringssvar, se bilag\n5. orientering fra formanden\n"
            "Julie orienterede fra dialogmødet.\n")
    assert [i.number for i in _parse(text).items] == [1, 2, 3, 4, 5]


def test_a_meeting_line_dates_the_meeting_before_the_later_date_the_minutes_were_sent():
    doc = _parse("Referat af bestyrelsesmøde\n\nENDELIGT referat Udsendt 3. maj 2026\n\n"
                 "Møde i Nationalparkbestyrelsen 17. april 2026\n\nMødested: Lamhuset, Nørrebyen 5\n\n"
                 "Punkter på dagsordenen:\n\n1. Velkomst og godkendelse af dagsorden\n\nGodkendt.\n\n2. Eventuelt\n\n"
                 "Intet.\n")
    assert str(doc.date) == "2026-04-17"


def test_a_weekday_date_and_time_in_an_invitation_dates_the_meeting_not_the_letters_earlier_date():
    doc = _parse("Centralkommunernes Transmissionsselskab 25. november 2026 J.nr.: /75379\n\nEfter aftale med "
                 "formanden indkaldes der herved til bestyrelsesmøde Onsdag d. 3. december 2026 kl. 13.00 hos CTR.\n\n"
                 "Følgende dagsorden foreslås:\n1. Godkendelse af referat\n2. Udbygningsplan\n3. Eventuelt\n")
    assert str(doc.date) == "2026-12-03"


def test_the_next_meetings_weekday_and_time_do_not_date_this_meeting():
    doc = _parse("Referat\nDato: 5. november 2026\n\nNæste møde er torsdag den 3. december 2026 kl. 17.00.\n\n"
                 "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert str(doc.date) == "2026-11-05"


def test_a_persons_initials_in_brackets_separate_the_name_from_the_organisation_before_it():
    from klynge.importer.parse import name_by_initials

    assert name_by_initials("Esbjerg Kommune Kurt Jakobsen (KJ)") == ("Kurt Jakobsen", "Esbjerg Kommune")
    assert name_by_initials("Danmarks Jægerforbund Hans Christian Fuglsang (HCF)") == (
        "Hans Christian Fuglsang", "Danmarks Jægerforbund")
    assert name_by_initials("Nationalparksekretariatet Alette Houman Dyhrfjeld (AHD, Referent)") == (
        "Alette Houman Dyhrfjeld", "Nationalparksekretariatet")
    assert name_by_initials("Anne-Marie Holm (AMH)") == ("Anne-Marie Holm", "")
    assert name_by_initials("Region Midtjylland (RM)") is None  # an organisation's letters
    assert name_by_initials("Kurt Jakobsen (formand)") is None


def test_attendees_with_organisations_and_initials_and_the_ones_marked_afbud():
    doc = _parse("Referat af bestyrelsesmøde\n\nMøde i Nationalparkbestyrelsen 17. april 2026\n\nDeltagere:\n\n"
                 "Formand Bent Poulsen (BP)\n\nEsbjerg Kommune Kurt Jakobsen (KJ) Afbud\n\n"
                 "Friluftsrådet Hanne Voetmann (HV)\n\nNationalparkrådet Svend Tougaard (ST) Afbud\n\n"
                 "Punkter på dagsordenen:\n\n1. Velkomst\n\nBent Poulsen bød velkommen.\n\n2. Eventuelt\n\nIntet.\n")
    assert [p.name for p in doc.attendees] == ["Bent Poulsen", "Hanne Voetmann"]
    assert doc.absent == ["Kurt Jakobsen", "Svend Tougaard"]


LABEL_BULLET_MINUTES = ("Beslutningsreferat Nørre menighedsråd d. 12. januar 2026\n\n"
                        "Tilstede: Morten Alm, Peter Poulsen, Maj Olsson\n\n"
                        "Mødet blev afholdt over Teams fra kl. 19.00-21.00\n\n"
                        " •  Godkendelse dagsorden: Godkendt med en tilføjelse.\n"
                        " • Referent: Maj Olsson\n"
                        " • Meddelser:\n\n"
                        "Formand: Intet at bemærke\n\nPræster: God december, trods restriktioner.\n\n"
                        " • Byggeudvalg: Spær opsat.\n"
                        " • Aktivitetsudvalg: Intet at bemærke\n")


def test_bullets_that_begin_with_the_items_name_and_a_colon_are_the_items():
    doc = _parse(LABEL_BULLET_MINUTES)
    assert [(i.number, i.title) for i in doc.items] == [
        (None, "Godkendelse dagsorden"), (None, "Referent"), (None, "Meddelser"), (None, "Byggeudvalg"),
        (None, "Aktivitetsudvalg")]
    assert any(w.code == "unnumbered_items" and "begynder med punktets navn og et kolon" in w.message
               for w in doc.warnings)
    assert "Spær opsat" in (doc.items[3].minutes + doc.items[3].description)


def test_one_block_of_such_bullets_under_a_title_is_a_list_inside_an_item_not_the_items():
    text = ("Referat fra Landdistriktsudvalgsmøde den 17. juni 2026\n\ni Arrild Feriecenters Restaurant\n\n"
            "Tilstede: Finn Hansen, Mogens Gabs\n\nReferat:\n\nForeningskonsulenten\n\nKonsulenten orienterede.\n\n"
            "Ansøgninger\n\n • Ottersbøl Rideklub: Sendt til vurdering.\n • Visby lokalråd: Støttes med 30.000 kr.\n"
            " • Frivillig Fredag: Bevilget 15.000 kr.\n")
    assert [i.title for i in _parse(text).items] != ["Ottersbøl Rideklub", "Visby lokalråd", "Frivillig Fredag"]


def test_lettered_points_in_sentences_after_a_titles_colon_are_the_items_minutes():
    items = _parse(HEAD + "1) Godkendelse af dagsorden. Blev godkendt.\n\n"
                          "2) Siden sidst: A) Kirkelige tællinger skal ske i 3 kategorier.\n"
                          "B) Helga gav redegørelse fra formandsmødet.\n3) Eventuelt\n\nIntet\n").items
    assert items[1].title == "Siden sidst"
    assert "Kirkelige tællinger" in items[1].minutes + items[1].description


def test_lettered_points_that_are_no_sentences_stay_in_an_agenda_title():
    items = _parse("Dagsorden til menighedsrådsmøde den 24. september 2026\n\n1. Godkendelse af dagsorden\n"
                   "2. Gudstjenester: a) Julegudstjenester i lyset af corona-situationen? b) Aftenandagter?\n"
                   "3. Eventuelt\n").items
    assert items[1].title.startswith("Gudstjenester: a) Julegudstjenester")


def test_a_contents_list_run_into_one_line_is_cut_where_each_page_number_meets_the_next_items_number():
    line = ("1. Referat fra sidste møde januar...............22. Godkendelse af dagsorden februar.........23. "
            "Meddelelser fra administrationen februar.......124. Budget 2027")
    assert layout.split_contents_glued(line) == [
        "1. Referat fra sidste møde januar...............2", "2. Godkendelse af dagsorden februar.........2",
        "3. Meddelelser fra administrationen februar.......12", "4. Budget 2027"]
    assert layout.split_contents_glued("1. Budget 2027 og 2028") == ["1. Budget 2027 og 2028"]


def test_a_sites_count_above_the_minutes_title_is_no_item_and_the_header_is_read():
    text = ("35\nReferat Ældrerådet Møde nr.: 02/2026 Dannet den: Onsdag den 19-02-2026\n"
            "Mødedato: Mandag den 16-02-2026\nMødetidspunkt: 09:00 - 11:00\n"
            "Mødested: Blåt mødelokale Amtstue Alle 71 Medlemmer Hanne Hyldgaard Henrik Carlsen\n\n"
            "Indholdsfortegnelse\n\nPunkt nr. Side\n\n1. Referat fra sidste møde januar...............22. "
            "Godkendelse af dagsorden februar.........23. Meddelelser fra administrationen februar.......2\n")
    doc = _parse(text)
    assert (str(doc.date), str(doc.start), str(doc.end)) == ("2026-02-16", "09:00:00", "11:00:00")
    assert doc.place == "Blåt mødelokale Amtstue Alle 71"
    assert [(i.number, i.title) for i in doc.items] == [
        (1, "Referat fra sidste møde januar"), (2, "Godkendelse af dagsorden februar"),
        (3, "Meddelelser fra administrationen februar")]


def test_an_absence_item_with_the_names_on_its_first_line_gives_the_apologies():
    doc = _parse("Referat menighedsrådsmøde 12. april 2026\n\nReferat møde nr. 5, den 12. april 2026\n\n"
                 "1. Fraværende:\nOle Jørgensen, Kirsten Larsen\n\n2. Bemærkninger til dagsordenen:\nIngen.\n\n"
                 "3. Eventuelt\nIntet.\n")
    assert doc.absent == ["Ole Jørgensen", "Kirsten Larsen"]
    assert doc.items[0].title == "Fraværende"


def test_a_time_and_place_label_gives_the_place_after_the_time():
    doc = _parse("Mødereferat for Psykiatrirådet den 23. februar 2026.\n\nTidspunkt og sted: Kl. 17-19. Phønix, "
                 "Schacksgade 39, 5000 Odense.\n\nAfbud: Helle Sibbersen\n\n1. Velkommen\nFormanden bød velkommen.\n\n"
                 "2. Eventuelt\nIntet.\n")
    assert doc.place == "Phønix, Schacksgade 39, 5000 Odense"
    doc = _parse("Referat: Den Kommunale Sundhedsstrategiske gruppe\nTid & Sted:\n3. marts 2026, kl. 13-15\n"
                 "Viborg Rådhus, Prinsens Allé 5, 8800 Viborg, Multisalen\n\n1. Velkommen\nGodkendt.\n\n"
                 "2. Eventuelt\nIntet.\n")
    assert doc.place == "Viborg Rådhus, Prinsens Allé 5, 8800 Viborg, Multisalen"


def test_the_address_under_a_kind_labelled_date_and_time_line_is_the_place():
    doc = _parse("Referat: 20. september 2026 kl. 14:00\n\nInnovest, Ånumvej 28, Skjern\nSundhedsrådet\n\n"
                 "Deltagere\n\n • Janne Nielsen\n • Ulla Svendsen\n\n1: Introduktion til Sundhedsråd\n\n"
                 "Sagsnr: 22-020223\n\nDrøftet.\n\n2: Eventuelt\n\nIntet.\n")
    assert doc.place == "Innovest, Ånumvej 28, Skjern"


def test_an_agenda_portals_citation_with_the_meetings_date_names_the_body():
    # the running text names another council again and again (a joint meeting with it); the citation under each
    # item names the body whose meeting this is
    item = ("  • Pkt. {n} {title}\n\n    Pkt. {n}\n\n    {title}\n\n    Sagsnr. 2307{n} Sundheds- og Omsorgsudvalget "
            "Åbent punkt\n\n    Resume\n\n    {text}\n\n    Sundheds- og Omsorgsudvalget, 03-04-2026, pkt. {n}\n\n"
            "    {decision}\n\n")
    text = ("You are here\n\nReferat\n\nDato: Torsdag, April 3, 2026 - 08:00\nSted: Rådhuset, mødelokale 2A\n"
            + item.format(n=34, title="Beslutninger om dagsordenen", text="Dagsordenen godkendes.",
                          decision="Godkendt.")
            + item.format(n=35, title="Fællesmøde med Handicaprådet",
                          text="Udvalget holder det årlige fællesmøde med Handicaprådet. Handicaprådet er et "
                               "dialogforum. Dagsordenen er aftalt med formanden for Handicaprådet. Det er aftalt "
                               "med Handicaprådet, at mødet varer en halv time.", decision="Drøftet."))
    assert _parse(text).body == "Sundheds- og Omsorgsudvalget"


def test_the_citation_names_the_body_only_on_the_meetings_own_date():
    import datetime

    from klynge.importer.parse import _body_deciding_on

    lines = ["    Sundheds- og Omsorgsudvalget, 03-04-2026, pkt. 35", "    Drøftet."]
    assert _body_deciding_on(lines, datetime.date(2026, 4, 3)) == "Sundheds- og Omsorgsudvalget"
    assert _body_deciding_on(["Handicaprådet, 12-01-2026, pkt. 4"], datetime.date(2026, 4, 3)) is None


def test_time_labels_inside_a_transcripts_run_on_first_page_give_the_start_and_end():
    doc = _parse("Kommunalbestyrelsen. Referat\n\nTranskript\n\n1 Kommunalbestyrelsen Referat Dato 27. februar 2026 "
                 "Mødetidspunkt 18:00 Sluttidspunkt 20:25 Sted Byrådssalen\n\n2 Indholdsfortegnelse\n\n"
                 "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert (str(doc.start), str(doc.end)) == ("18:00:00", "20:25:00")


def test_a_programmes_first_slot_after_a_time_label_is_no_start():
    from klynge.importer import layout as lay

    assert lay.INLINE_START.search("Tidspunkt:  13.00  13.45 Rundvisning  driftscenteret") is None
    assert lay.INLINE_START.search("Referat Dato: 12. december 2026 Tidspunkt: 15.00 Lokale: Jobcentret")
