"""Issue 12, thirteenth round (rules from seen13 and seen14, after their blind measurements): 'Punkt: 1' with the
title on the next line, a list's own '• 1 Title' numbering above bulleted section labels, a Lotus Notes link after a
title, initials of several presenters, and a list of first names with an initial. Invented texts only."""

from klynge.importer.parse import parse

from .conftest import items_of


def test_punkt_colon_number_with_the_title_on_the_next_line_is_an_item():
    text = ("Referat af fællesbestyrelsesmøde\nd.18.1.2010\nkl.19.00-21.30\n\n"
            "Tilstede: Trine, Peter, Lene\nFraværende: Søren B, Marianne, Andreas\n\n"
            "Punkt: 1\nGodkendelse af referat fra sidste møde\nAnsvarlig:\nSH\nBeslutning:\nReferat godkendt\n\n"
            "Punkt: 2\nOrientering\nAnsvarlig:\nPer\nBeslutning:\nTaget til efterretning\n")
    parsed = parse(text)
    assert [(i.number, i.title) for i in parsed.items] == [(1, "Godkendelse af referat fra sidste møde"),
                                                           (2, "Orientering")]
    assert parsed.absent == ["Søren B", "Marianne", "Andreas"]


def test_a_one_item_page_numbered_by_its_list_above_bulleted_section_labels_is_read():
    text = ("Social- og Sundhedsudvalget - Referat fra mødet den 17-01-2019\n\nReferat\n\n"
            "  • 1 Præsentation af veteranindsatsen\n    • Resume\n\n      En præsentation.\n\n"
            "    • Beslutning i Social- og Sundhedsudvalget den 17-01-2019\n\n      Taget til efterretning.\n")
    parsed = parse(text)
    assert [(i.number, i.title) for i in parsed.items] == [(1, "Præsentation af veteranindsatsen")]
    assert parsed.body == "Social- og Sundhedsudvalget"


def test_a_lotus_notes_link_after_a_title_is_not_part_of_it():
    text = ("Referat af bestyrelsesmøde den 25. oktober 2017\n\n"
            "1. Godkendelse af sidste mødereferat ->Database 'Møder 2017', View 'Alle møder', Document '300817'\n"
            "Godkendt.\n\n2. Eventuelt\nIntet.\n")
    assert items_of(text) == [(1, "Godkendelse af sidste mødereferat"), (2, "Eventuelt")]


def test_initials_of_several_presenters_after_the_title_present_it():
    text = ("Referat af bestyrelsesmødet den 21. marts 2024\n\n1. Meddelelser fra bestyrelsesformand (SMS)\nTekst.\n\n"
            "2. Meddelelser fra elevråd (MEK & RF)\nTekst.\n\n3. Meddelelser fra rektor (MT)\nTekst.\n")
    items = parse(text).items
    assert [(i.title, i.presenter) for i in items] == [("Meddelelser fra bestyrelsesformand", "SMS"),
                                                       ("Meddelelser fra elevråd", "MEK & RF"),
                                                       ("Meddelelser fra rektor", "MT")]


def test_a_sentence_with_skulle_after_the_title_is_the_items_text():
    text = ("Referat af forældrebestyrelsesmøde den 21. februar 2022\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "2. Opfølgning: Værdier i forældresamarbejdet. Der skulle tilrettes lidt i folderen.\n\n3. Eventuelt\n")
    assert items_of(text) == [(1, "Godkendelse af dagsorden"), (2, "Opfølgning: Værdier i forældresamarbejdet"),
                              (3, "Eventuelt")]


def test_ad_n_with_a_bracket_under_an_items_sub_list_is_no_item():
    text = ("251017 bestyrelsesmøde\nDagsorden/Referat\nMødeforumKulturskolens bestyrelse\n"
            "PktDagsorden og referat.\n1Godkendelse af sidste mødereferat\nRef.Godkendt\n"
            "2Godkendelse af dagsorden\nRef.Godkendt\n3Meddelelser\n  1. Formand\n  2. Leder\n  3. Andre\n"
            "Ref.ad 1)\nFormanden orienterede.\nad 2)\nMusikskolen koordinerer Spil Dansk 2017 med andre musikskoler.\n"
            "ad 3)\nMusikskole og ungdomsskole holder projekt med 6. klasser\n"
            "4Budget 2018 som grundlag for ansøgning\nRef.Godkendt.\n5Opfølgning på dialogmøde\nRef.Tak.\n")
    titles = [t for _, t in items_of(text)]
    assert "Musikskolen koordinerer Spil Dansk 2017 med andre musikskoler" not in titles
    assert "Godkendelse af dagsorden" in titles


def test_two_items_both_printed_as_one_each_with_its_own_sections_are_numbered_one_and_two():
    text = ("Referat af skolebestyrelsesmøde den 27. august 2025\n\nSted: Personalerummet\n\n"
            "  1. Godkendelse af dagsorden\n\n    (16:30 - 16:35)\n\n    Ansvarlig:\n\n    Forpersonskabet\n\n"
            "Sagsfremstilling\n\nDagsorden godkendt.\n\n"
            "  1. Samarbejde mellem personale og skolebestyrelsen\n\n    Ansvarlig:\n\n    Skolelederen\n\n"
            "Sagsfremstilling\n\nDrøftet.\n")
    assert [n for n, _ in items_of(text)] == [1, 2]


def test_two_lines_numbered_one_without_sections_stay_one_item_and_its_list():
    text = ("Referat af mødet den 27. august 2025\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "2. Budget\nVi drøftede to ting:\n1. Løn\n\n1. Drift\n\n3. Eventuelt\n")
    assert [n for n, _ in items_of(text)] == [1, 2, 3]


def test_the_place_in_a_sentence_about_where_the_meeting_takes_place_and_an_absence_line_without_colon():
    text = ("Referat af bestyrelsesmøde den 27. marts 2023 kl. 17.00\n\n"
            "Mødet foregår på Ungdomsskolen, Oslovej 2, 8600 Silkeborg\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n"
            "2. Budget\nFraværende Gitte Carlsberg.\nBevilget.\n\n3. Eventuelt\nFraværende uden afbud: Bo Berg\n")
    parsed = parse(text)
    assert parsed.place == "Ungdomsskolen, Oslovej 2, 8600 Silkeborg"
    assert parsed.absent == ["Gitte Carlsberg"]


def test_an_apologies_list_ends_at_a_line_that_names_no_one():
    from klynge.importer.layout import labelled_absent

    text = ("Referat af møde 15. september 2005 kl. 14.00\n\nTil stede:\n\nJens Bigum, formand\n\nKirsten Jakobsen\n\n"
            "Afbud fra:\n\nJohannes Riis\n\nDina Bloch\n\nDekaner og andre\n\nDekan Bodil Due, deltog i pkt. 4\n\n"
            "Rektor Lauritz Holm\n\n1. Godkendelse af dagsorden\nGodkendt.\n")
    assert parse(text).absent == ["Johannes Riis", "Dina Bloch"]
    lines = ["Afbud:", "Johannes Riis", "Dekaner og andre", "Bodil Due"]
    assert labelled_absent(lines) == ["Johannes Riis"]


def test_a_group_label_inside_an_apologies_list_does_not_end_it():
    text = ("Referat af skolebestyrelsesmøde den 2. december 2008\n\nFraværende:\n"
            "Forældrevalgte: Afbud fra Rikke Søndergaard.\n"
            "Elevrepræsentanter: Marie Braad Carstens, Nicolaj Hansen.\n\n"
            "1. Godkendelse af referat\nGodkendt.\n")
    assert set(parse(text).absent) >= {"Rikke Søndergaard"}


def test_the_agendas_edition_is_no_item_and_a_sentence_after_a_bracket_is_cut_off():
    text = ("Møde i Sundheds- og Ældreudvalget\n\nMødedato: 19-2-2019\nMødetidspunkt: kl. 14.00\nSted: 2-011\n"
            "5. UDGAVE\n\n1. Åbent samråd med ministeren om kræftpatienter.\n\n"
            "2. Fortsat politisk drøftelse af B 9 (Mindstealder for omskæring (borgerforslag)). Udkast til betænkning "
            "er omdelt på bilag 12.\n\n3. Eventuelt.\n\n"
            "    1. Åbent samråd med ministeren om kræftpatienter.\n\n    Bilag:\n\n    Samrådsspørgsmål.\n")
    assert items_of(text) == [(1, "Åbent samråd med ministeren om kræftpatienter"),
                              (2, "Fortsat politisk drøftelse af B 9 (Mindstealder for omskæring (borgerforslag))"),
                              (3, "Eventuelt")]


def test_minutes_dated_after_today_are_warned_about_and_an_agenda_is_not():
    import datetime

    from klynge.importer.service import future_minutes_warning

    text = ("25.08.27 - Referat af skolebestyrelsesmøde\n\nSted: Personalerummet\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n")
    minutes = parse(text)
    assert minutes.date == datetime.date(2027, 8, 25)
    warning = future_minutes_warning(minutes, datetime.date(2026, 12, 5))
    assert warning.code == "date_in_future" and "25. august 2027 ligger efter i dag" in warning.message
    assert future_minutes_warning(minutes, datetime.date(2027, 9, 1)) is None
    minutes.kind = "agenda"
    assert future_minutes_warning(minutes, datetime.date(2026, 12, 5)) is None


def test_correcting_a_future_date_in_the_review_drops_its_warning():
    import datetime

    from klynge.importer.parse import ParsedWarning
    from klynge.importer.review import Corrections, apply_corrections

    doc = parse("Referat af bestyrelsesmøde 25.08.27\n\n1. Godkendelse af dagsorden\nGodkendt.\n")
    doc.warnings.append(ParsedWarning("date_in_future", "…", None))
    fixed, _ = apply_corrections(doc, Corrections(kind="minutes", date=datetime.date(2025, 8, 27), start=None,
                                                  end=None, place=""))
    assert not any(w.code == "date_in_future" for w in fixed.warnings)
