"""Issue 12, thirty-sixth round (the sixteenth session). Invented texts only."""

import pytest

from klynge.importer.parse import NoMeetingFound
from tests.importer.conftest import read_normalised

PORTAL_PAGE = """310821 - Ordinært møde

Udvalg
Kommunalbestyrelsen
Dato
31. August 2021 -
Titel
Forside

Sagsfremstilling

Medlemmer:
Aviaja Olsen (IA)
Hans Berthelsen (S)

Godkendelse af dagsorden

Sagsfremstilling

Dagsordenen godkendes.

Meddelelser

Sagsfremstilling

Borgmesteren orienterede om mødet med naboerne.

Budgetopfølgning for 2. kvartal

Sagsfremstilling

Der er et mindreforbrug på driften.
"""


def test_a_portal_page_whose_cases_each_carry_one_description_label_has_those_cases_as_items():
    meeting = read_normalised(PORTAL_PAGE)
    assert [(i.number, i.title) for i in meeting.items] == [
        (None, "Godkendelse af dagsorden"), (None, "Meddelelser"), (None, "Budgetopfølgning for 2. kvartal")]


def test_two_lone_description_labels_are_too_few_to_make_the_lines_above_them_items():
    text = ("Referat af mødet i rådet\n\nGodkendelse af dagsorden\n\nSagsfremstilling\n\nGodkendt.\n\n"
            "Eventuelt\n\nSagsfremstilling\n\nIntet.\n")
    with pytest.raises(NoMeetingFound):
        read_normalised(text)


def test_lone_minutes_labels_do_not_make_the_line_above_each_an_item():
    text = ("Referat af mødet i rådet\n\nGodkendelse af dagsorden\nIndhold:\nGodkendt uden ændringer\n"
            "Referat\nGodkendt\n\nGodkendelse af referat\nIndhold:\nReferat fra mødet den 1.2.2022\nReferat\n"
            "Godkendt\n\nEventuelt\nIndhold:\nIntet at bemærke her\nReferat\nIntet\n")
    try:
        titles = [i.title for i in read_normalised(text).items]
    except NoMeetingFound:
        titles = []
    assert "Referat fra mødet den 1.2.2022" not in titles
