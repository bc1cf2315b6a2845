"""Issue 12, fifteenth round (rules from seen16, after its blind measurement): minutes glued to a title, a title
broken after a comma, 'Name Afbud' and 'Name/Role' in a participant list, a dash glued to a name, the meeting's hours
on a line of their own, a start after the place and a place label glued to its value. Invented texts only."""

import datetime

from klynge.importer.parse import parse

from .conftest import items_of


def test_minutes_glued_to_the_title_are_the_items_text():
    text = ("Referat 17.09.2008\n\nTid:17. september 2008 kl. 14-15.30\n\nDagsorden:\n\n"
            "1. Velkomst og præsentationFørste møde blev indledt med en præsentationsrunde af medlemmerne.\n\n"
            "2. Drøftelse af kommissorietDer er enighed om, at det er vigtigt at fokusere på samarbejdet.\n")
    parsed = parse(text)
    assert [(i.number, i.title) for i in parsed.items] == [(1, "Velkomst og præsentation"),
                                                           (2, "Drøftelse af kommissoriet")]
    assert "præsentationsrunde" in parsed.items[0].minutes


def test_a_title_broken_after_a_comma_continues_on_the_next_line():
    text = ("Referat fra brugerrådsmøde den 7. januar 2019\n\n1. Referat fra sidst\n\n"
            "2. Orientering fra div. udvalg: Aktivitetsudvalg, Caféudvalg,\n\nBladudvalg.\n\n3. Evt.\n")
    assert items_of(text)[1] == (2, "Orientering fra div. udvalg: Aktivitetsudvalg, Caféudvalg, Bladudvalg")


def test_afbud_after_a_name_and_a_role_after_a_slash_in_a_participant_list():
    text = ("Skolebestyrelsesmøde\nReferat d. 17. juni 2025.\n17.00 til 19.00. Spisning den sidste del af mødet\n"
            "Deltagende med stemmeret:\nFreja Stevenson\nAnn-Sofie Rosted Afbud\nMarkos Papadopoulos/Elevrådsformand\n"
            "Theo Manel Lund/Elevrådsnæstformand Afbud\nDeltagende uden stemmeret:\nLis Johansen/Ordstyrer\n"
            "****\nPkt. 1. Godkendelse af dagsorden\nReferat: Godkendt.\n****\nPkt. 2. Eventuelt\nReferat: Intet.\n")
    parsed = parse(text)
    assert [p.name for p in parsed.attendees] == ["Freja Stevenson", "Markos Papadopoulos", "Lis Johansen"]
    assert parsed.absent == ["Ann-Sofie Rosted", "Theo Manel Lund"]
    assert (parsed.start, parsed.end) == (datetime.time(17, 0), datetime.time(19, 0))


def test_a_dash_glued_to_a_name_is_no_part_of_it():
    text = ("Referat af møde i Sundhedsudvalget den 28. august 2019 kl. 15.00\n\nDeltagere:\n"
            "Per Nørhave (A)\nLars Hoppe Søe (B)- deltog ikke i behandlingen af punkt: 6, 8\n"
            "Anja Raun- afbud\nClaus Bakke (V)- afbud\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\n")
    parsed = parse(text)
    assert [p.name for p in parsed.attendees] == ["Per Nørhave", "Lars Hoppe Søe"]
    assert sorted(parsed.absent) == ["Anja Raun", "Claus Bakke"]


def test_the_meetings_hours_on_a_line_of_their_own_under_the_date():
    text = ("Referat 23.03.2010\n\nDet lokale Dialogforum\n23. marts 2010\n15.30-17.00\n"
            "Hos Gustav Jensen, Digevej 84\n\nPunkt 1 - Godkendelse af referat\nGodkendt.\n\n"
            "Punkt 2 - Eventuelt\nIntet.\n")
    parsed = parse(text)
    assert (parsed.start, parsed.end) == (datetime.time(15, 30), datetime.time(17, 0))


def test_a_start_written_after_the_place_is_no_part_of_the_place():
    text = ("Referat fra brugerrådsmøde den 7. januar 2019\n\nMødested: Øster Elkjær, Blå Stue kl. 09.30.\n\n"
            "1. Referat fra sidst\nGodkendt.\n\n2. Evt.\n")
    parsed = parse(text)
    assert parsed.place == "Øster Elkjær, Blå Stue"
    assert parsed.start == datetime.time(9, 30)


def test_a_place_label_glued_to_a_room_is_read():
    text = ("Ældreråd\n\nReferat\n\nMandag d. 5 september 2022, kl. 10:15\nMødestedMødelokale 1, Rådhuset\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert parse(text).place == "Mødelokale 1, Rådhuset"


CLEAN_PROSE = ("Mødet blev holdt på Psykiatrisk Center Amager. Deltagere: Tom Steffens, Lone Borberg og overlæge Kim "
               "Nalders. Lokaludvalget i Kgs. Enghave drøftede også mødet i TradeCity og sagen om børnenes trivsel, "
               "og udvalget vil følge op på sagen ved næste møde. Det blev besluttet at sende et høringssvar til "
               "forvaltningen, så det når frem før fristen. Økonomien blev gennemgået, og der var enighed om, at "
               "årets budget holder. Næste møde holdes i lokalet på første sal, hvor der også serveres kaffe og "
               "brød. Formanden takkede for et godt møde, og alle var glade for de mange gode forslag.")


def test_a_clean_danish_text_keeps_names_the_dictionary_does_not_know(lexicon):
    from klynge.importer.normalise import normalise, writes_letters_intact

    assert writes_letters_intact(CLEAN_PROSE)
    cleaned = normalise(CLEAN_PROSE, lexicon)
    assert cleaned.replacements == []
    assert "Kim Nalders" in cleaned.text and "Kgs. Enghave" in cleaned.text and "TradeCity" in cleaned.text


def test_a_text_that_lost_its_letters_is_still_repaired(lexicon):
    from klynge.importer.normalise import normalise, writes_letters_intact

    damaged = CLEAN_PROSE.replace("æ", "z").replace("ø", "g").replace("å", "a")
    assert not writes_letters_intact(damaged)
    replacements = normalise(damaged, lexicon).replacements
    assert ("drgftede", "drøftede") in replacements and ("hgringssvar", "høringssvar") in replacements


def test_names_among_organisations_and_job_titles_in_one_list_are_the_attendees():
    text = ("Referat 17.09.2008\n\nTid:17. september 2008 kl. 14-15.30\n"
            "Deltagere:Tom Fastrup Steffens, LAP, Kirsten Elise Hove, SIND, Centerchef Lone Borberg, "
            "afdelingssygeplejerske Anne Rosenquist og overlæge Kim Nalders.\n"
            "Fraværende:Dorte Nielsen, PS LANDSFORENING\n\n1. Velkomst\nTekst.\n\n2. Eventuelt\n")
    parsed = parse(text)
    assert [p.name for p in parsed.attendees] == ["Tom Fastrup Steffens", "Kirsten Elise Hove", "Lone Borberg",
                                                  "Anne Rosenquist", "Kim Nalders"]
    assert parsed.absent == ["Dorte Nielsen"]


def test_a_place_under_the_date_and_the_bodys_name_is_read():
    text = ("Dagsorden\n\nTorsdag 10. nov 2016 kl. 10:30\n\nÆldrerådet\n\nNicolaiplads 6 - Festsalen\n\nReferat\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n")
    assert parse(text).place == "Nicolaiplads 6 - Festsalen"


def test_names_each_marked_by_a_party_or_deltog_without_commas_are_the_attendees():
    text = ("Byrådet\nReferat\nMøde den 6. oktober 2008 kl. 18.00\n\n"
            "Medlemmer Birgit Lund Terp (A) Carsten Bering (u.p.) Carsten Rasmussen (A) Dorthe Lynderup (V)\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\n")
    assert [p.name for p in parse(text).attendees] == ["Birgit Lund Terp", "Carsten Bering", "Carsten Rasmussen",
                                                       "Dorthe Lynderup"]
    text = ("Kommunalbestyrelsen\nReferat\nMøde den 21. januar 2016 kl. 18.00\n\n"
            "Medlemmer Sofia Osmani deltog Søren P. Rasmussen deltog Simon Pihl Sørensen deltog\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\n")
    assert [p.name for p in parse(text).attendees] == ["Sofia Osmani", "Søren P. Rasmussen", "Simon Pihl Sørensen"]


def test_group_labels_and_remarks_inside_one_list_of_attendees():
    text = ("Ordinært menighedsrådsmøde\n\nTorsdag, den 23. november 2017 kl. 19:00 – 21:00\n\n"
            "Tilstede: Menighedsrådet: Sonja Dygaard, Inge Frandsen, Anette Vennervald (ankom 19.30). "
            "Stedfortrædere: Erik Ancker, Anny D. Jessen Sognepræster: Line Rudbeck, Heidi Torp.\n\n"
            "Dagsorden:\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\n")
    assert [p.name for p in parse(text).attendees] == ["Sonja Dygaard", "Inge Frandsen", "Anette Vennervald",
                                                       "Erik Ancker", "Anny D. Jessen", "Line Rudbeck", "Heidi Torp"]


def test_a_name_followed_by_a_colon_and_what_the_person_represents_is_an_attendee():
    text = ("Referat af møde i Udsatterådet den 4. april 2022\n\nDeltagere:\n\n"
            " • Karen Thestrup Clausen: Kommunalbestyrelsesmedlem for Enhedslisten\n"
            " • Susanne Lodberg: Kirkens Korshær\n\nAfbud:\n\n • Martin Vibe\n\n"
            "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\n")
    parsed = parse(text)
    assert [p.name for p in parsed.attendees] == ["Karen Thestrup Clausen", "Susanne Lodberg"]


def test_guests_with_job_titles_in_one_list_are_read_whole():
    text = ("Referat af møde i Social- og psykiatriudvalget den 11. oktober 2007\n\nØvrige deltagere:\n"
            "Psykiatridirektør Agnete Philipsen, socialdirektør Anders Møller Jensen, fuldmægtig Jonas Svane Jakobsen "
            "og planlægger Julia Egebæk.\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\n")
    assert [g.name for g in parse(text).guests] == ["Agnete Philipsen", "Anders Møller Jensen", "Jonas Svane Jakobsen",
                                                    "Julia Egebæk"]


def test_people_who_take_part_under_an_item_are_guests():
    text = ("Referat af bestyrelsesmøde den 10. september 2009\n\n1. Budget\n"
            "Jakob Holm og Jørgen Kyed deltager på mødet under dette punkt.\nBudgettet blev godkendt.\n\n"
            "2. Tilsyn\nVisitationschef Ellen Lykke, Faglig koordinator Vicki Schultz Lund og jurist Charlotte "
            "Andersen deltager under dette punkt.\nTaget til efterretning.\n\n3. Eventuelt\n")
    assert [g.name for g in parse(text).guests] == ["Jakob Holm", "Jørgen Kyed", "Ellen Lykke", "Vicki Schultz Lund",
                                                    "Charlotte Andersen"]


def test_the_invited_of_an_agenda_are_its_members_not_guests():
    text = ("Dagsorden\nSkolebestyrelsesmøde onsdag den 29.03.2023\nKl. 17:00-19.30\n\nInviterede:\n\n"
            "Forældrerepræsentanter: René Jensen, Johnny Hejdemann\n\n1. Godkendelse af dagsorden\n\n2. Eventuelt\n")
    parsed = parse(text)
    assert parsed.guests == []
    assert [p.name for p in parsed.attendees] == ["René Jensen", "Johnny Hejdemann"]


def test_a_meetings_labelled_header_without_readable_items_is_read_without_items():
    text = ("1 Dagsorden Sundhedsudvalget Ordinært møde Dato 15. marts 2011 Tid 14:00 Sted Sydbycentret "
            "\n2 Indholdsfortegnelse Side Sundhedsprofilundersøgelse Orientering om "
            "midler\n3 Sundhedsprofilundersøgelse 2010 Åben sag Sagsfremstilling Hvordan har du det?\n")
    parsed = parse(text)
    assert parsed.date == datetime.date(2011, 3, 15)
    assert parsed.items == [] and [w.code for w in parsed.warnings if w.code == "no_items"] == ["no_items"]


def test_a_report_without_a_meetings_header_is_still_refused():
    import pytest

    from klynge.importer.parse import NoMeetingFound

    with pytest.raises(NoMeetingFound):
        parse("Statusrapport for sundhedsaftalen\n\nJanuar 2024\n\nRapporten beskriver status på indsatserne.\n")


def test_a_closed_item_in_capitals_glued_to_its_number_is_an_item():
    text = ("Social- og Sundhedsudvalget\nReferat 16. november 2022 kl. 13.00\n\n1Godkendelse af dagsorden\n"
            "BeslutningGodkendt.\n2LUKKET PUNKT: Center Bakkehuset\nBeslutningDer blev givet en orientering.\n"
            "3Sundhedsklynger\nBeslutningTaget til efterretning.\n")
    items = parse(text).items
    assert [(i.number, i.closed) for i in items] == [(1, False), (2, True), (3, False)]
    assert items[1].title == "Center Bakkehuset"
