"""Issue 12, fourteenth round (rules from seen15, after its blind measurement): an edition line with a glued
remark, a list's first entry that scores low on its own, 'Lukket samråd' as a title of its own words, a reference
sentence after a title, a recurring kind label under each heading, lettered sub-points between list entries and
'4.A.' sub-items. Invented texts only."""

from klynge.importer.parse import parse

from .conftest import items_of


def test_an_edition_line_with_a_glued_remark_is_no_item_and_hides_no_list():
    text = ("Møde i Trafikudvalget\n\nMødedato: 13-3-2025\nMødetidspunkt: kl. 13.00\nSted: 2-133\n"
            "3. UDGAVE(Ændret lokale)\n\n1. Modtagelse af deputationer:\n\na) Foreningen X om sagen.\n\n"
            "b) Foreningen Y om sagen.\n\n\n2. Politisk drøftelse af følgende forslag:\n\na) B 60.\n\n\n"
            "3. Drøftelse af proces med samråd.\n\n\n4. Drøftelse af henvendelser.\n\n\n5. Eventuelt.\n")
    assert items_of(text) == [(1, "Modtagelse af deputationer"), (2, "Politisk drøftelse af følgende forslag"),
                              (3, "Drøftelse af proces med samråd"), (4, "Drøftelse af henvendelser"),
                              (5, "Eventuelt")]


def test_lukket_samraad_keeps_its_words_and_closes_the_item():
    text = ("Møde i Sundhedsudvalget\n\nMødedato: 19-2-2019\nMødetidspunkt: kl. 14.00\n\n"
            "1. Lukket samråd med ministeren om bevillinger.\n\n2. Åbent samråd med ministeren om kræftpakker.\n\n"
            "3. Eventuelt.\n")
    items = parse(text).items
    assert [(i.number, i.title, i.closed) for i in items] == [
        (1, "Lukket samråd med ministeren om bevillinger", True),
        (2, "Åbent samråd med ministeren om kræftpakker", False), (3, "Eventuelt", False)]


def test_a_se_ogsaa_reference_after_the_title_is_no_part_of_it():
    text = ("Møde i Sundhedsudvalget\n\nMødedato: 19-2-2019\n\n"
            "1. Samråd med ministeren om bevillinger, jf. SUU samrådsspm. W og X. Se også SUU alm. del - svar på "
            "spm. 129.\n\n2. Politisk drøftelse af L 127 (Digitalt samarbejde m.v.). Udkast til betænkning er "
            "omdelt på bilag 8.\n\n3. Eventuelt.\n")
    assert items_of(text) == [(1, "Samråd med ministeren om bevillinger, jf. SUU samrådsspm. W og X"),
                              (2, "Politisk drøftelse af L 127 (Digitalt samarbejde m.v.)"), (3, "Eventuelt")]


def test_a_kind_label_under_every_heading_is_not_the_rest_of_a_long_title():
    text = ("Dagsorden for bestyrelsesmøde den 19. september 2016\n\n"
            " 1. Bemærkninger til dagsordenen\n  Beslutning\n\n"
            " 2. Eftersyn af universitetets erhvervsunderstøttende aktiviteter\n  Orientering\n\n"
            " 3. Status for optagelsen 2016\n  Orientering\n\n 4. Eventuelt\n  Orientering\n")
    assert items_of(text) == [(1, "Bemærkninger til dagsordenen"),
                              (2, "Eftersyn af universitetets erhvervsunderstøttende aktiviteter"),
                              (3, "Status for optagelsen 2016"), (4, "Eventuelt")]


def test_lettered_sub_points_between_two_list_entries_keep_the_list_whole():
    text = ("Referat af bestyrelsesmøde den 10. november 2008\n\nDagsorden:\n"
            " 1. Godkendelse af dagsorden\n 2. Stillingen som direktør\n 3. Meddelelser fra\n  - Formanden\n"
            "  - Rektoratet\n  A. Revision af universiteterne 2008 ( bilag )\n  B. Væsentlige opgaver ( bilag )\n"
            " 4. Eventuelt\n\nAd 1\nDagsordenen blev godkendt.\n\nAd 2\nDirektøren fortalte.\n")
    assert [n for n, _ in items_of(text)] == [1, 2, 3, 4]
    assert items_of(text)[3] == (4, "Eventuelt")


def test_a_number_dot_letter_sub_item_is_part_of_its_item():
    text = ("Referat af bestyrelsesmøde den 15. september 2005\n\nDagsorden:\n"
            " 1. Godkendelse af dagsorden\n 2. Udviklingskontrakten\n  2.A. Status for kontrakten (bilag)\n"
            "  2.B. Status for de 6 fokusområder (bilag)\n 3. Ansøgninger om nye uddannelser\n"
            "  3.A. Bacheloruddannelse i arabisk (bilag)\n 4. Eventuelt\n")
    assert items_of(text) == [(1, "Godkendelse af dagsorden"), (2, "Udviklingskontrakten"),
                              (3, "Ansøgninger om nye uddannelser"), (4, "Eventuelt")]
