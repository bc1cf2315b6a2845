"""Issue 12, twenty-sixth round (rules from the failures of seen44): a first name may carry an accent ('René'); a
list of full names that ends in a first name is a list of people, not one person with a title; an all-'1.' list
keeps its items when each has its own indented '1.' sub-point. Invented texts only."""

from klynge.importer.parse import FIRST_NAME
from tests.importer.conftest import read_normalised as _parse

SCHOOL_BOARD = ("Referat 19/9 2023\n\nDato: 19. september 2023\n\nDeltagere: \n\n"
                "Jan Skrubbeltrang, Anne Marie Lomartire, René Flou, Peter Nielsen og Jesper \n\n"
                "Fraværende: René, Peter, Anders\n\nDagsorden\n\n 1. Elevrådet\n\nPræsentation af elevrådet.\n\n"
                " 1. Ekskursioner\n  1. Præcision af princippet\n\nGennemgang af princippet.\n\n"
                " 1. Budget 2024-2027\n  1. Punkter til høringssvar drøftes\n\nDrøftet.\n")



def test_a_first_name_may_carry_an_accent():
    assert FIRST_NAME.match("René") and FIRST_NAME.match("Zoë")
    assert _parse(SCHOOL_BOARD).absent == ["René", "Peter", "Anders"]


def test_full_names_ending_in_a_first_name_are_a_list_of_people():
    # (with 'Fraværende: René, Peter' the attendees of those first names are absent: the thirty-seventh round)
    text = SCHOOL_BOARD.replace("Fraværende: René, Peter, Anders", "Fraværende: Anders")
    assert [p.name for p in _parse(text).attendees] == [
        "Jan Skrubbeltrang", "Anne Marie Lomartire", "René Flou", "Peter Nielsen", "Jesper"]


def test_a_name_with_a_role_and_an_organisation_stays_one_person():
    text = SCHOOL_BOARD.replace("Jan Skrubbeltrang, Anne Marie Lomartire, René Flou, Peter Nielsen og Jesper",
                                "Jan Skrubbeltrang, formand, Holbæk Kommune")
    assert [p.name for p in _parse(text).attendees] == ["Jan Skrubbeltrang"]


def test_an_all_ones_list_keeps_its_items_beside_their_indented_sub_points():
    assert [(i.number, i.title) for i in _parse(SCHOOL_BOARD).items] == [
        (1, "Elevrådet"), (2, "Ekskursioner"), (3, "Budget 2024-2027")]
