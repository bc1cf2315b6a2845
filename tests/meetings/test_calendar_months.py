"""The national calendar shows one month at a time (issue 16: a year of every cluster is ~1,000 meetings)."""

import datetime

from .factories import make_meeting

D = datetime.date


def _main(page: str) -> str:
    return page.split("<h1>")[1].split("</main>")[0]


def test_calendar_of_every_cluster_shows_the_chosen_month_and_counts_the_others(structure, client):
    make_meeting(structure.political, date=D(2024, 5, 3))
    make_meeting(structure.other_body, date=D(2024, 5, 4))
    make_meeting(structure.working_group, date=D(2024, 9, 3))
    page = _main(client.get("/moeder/?aar=2024&maaned=9").content.decode())
    assert "September 2024" in page and "Maj 2024</h2>" not in page
    assert "Maj (2)" in page and "September (1)" in page and "?aar=2024&amp;maaned=5" in page


def test_calendar_of_every_cluster_opens_on_the_first_month_with_meetings_in_another_year(structure, client):
    make_meeting(structure.political, date=D(2023, 6, 7))
    make_meeting(structure.political, date=D(2023, 11, 7))
    page = _main(client.get("/moeder/?aar=2023").content.decode())
    assert "Juni 2023</h2>" in page and "November 2023</h2>" not in page


def test_calendar_of_a_cluster_still_shows_the_whole_year(structure, client):
    make_meeting(structure.political, date=D(2024, 5, 3))
    make_meeting(structure.working_group, date=D(2024, 9, 3))
    page = _main(client.get(f"/moeder/?aar=2024&maaned=5&klynge={structure.cluster.slug}").content.decode())
    assert "Maj 2024" in page and "September 2024" in page and "(1)" not in page


def test_calendar_with_an_impossible_month_shows_a_danish_notice(structure, client):
    page = client.get("/moeder/?aar=2024&maaned=13").content.decode()
    assert "alert-warning" in page and "Måneden" in page


def test_calendar_counts_the_first_and_last_day_of_a_month_in_that_month_and_no_other_year(structure, client):
    for day in (D(2023, 12, 31), D(2024, 1, 1), D(2024, 1, 31), D(2024, 2, 1), D(2024, 12, 31), D(2025, 1, 1)):
        make_meeting(structure.political, date=day)
    page = _main(client.get("/moeder/?aar=2024&maaned=12").content.decode())
    assert "Januar (2)" in page and "Februar (1)" in page and "December (1)" in page
    assert "Tirsdag 31. december" in page and "1. januar" not in page
