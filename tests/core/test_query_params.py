"""Query parameters never cause a server error: a bad number or date gives a Danish notice."""

import datetime

import pytest

from klynge.core.params import QueryParams, parse_integer
from klynge.meetings.models import Meeting

BAD_YEARS = ["99999", "0", "10000", "-1", "abc", "2.023", "1e3", "1_000", "٢٠٢٣", "9" * 40]


@pytest.mark.parametrize("value", BAD_YEARS)
def test_meeting_calendar_with_an_impossible_year_shows_this_year_and_a_danish_notice(client, structure, value):
    response = client.get("/moeder/", {"aar": value})
    assert response.status_code == 200
    text = response.content.decode()
    assert f"Mødekalender {datetime.date.today().year}" in text
    assert "alert-warning" in text
    assert "Året" in text and ("helt tal" in text or "mellem 1900 og 2100" in text)


def test_meeting_calendar_with_a_good_year_shows_that_year_without_a_notice(client, structure):
    Meeting.objects.create(body=structure.political, date=datetime.date(2023, 6, 7), start=datetime.time(17),
                           end=datetime.time(19), title="Junimødet")
    response = client.get("/moeder/", {"aar": "2023"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Mødekalender 2023" in text and structure.political.name in text
    assert "alert-warning" not in text


@pytest.mark.parametrize("value", ["99999", "0", "abc", "2.023", "2022,abc", "-1"])
def test_funds_overview_ignores_an_impossible_year_with_a_danish_notice(client, structure, value):
    response = client.get(f"/klyngemidler/{structure.cluster.slug}/", {"aar": value})
    assert response.status_code == 200
    assert "alert-warning" in response.content.decode()


def test_funds_overview_keeps_the_good_years_of_a_list(client, structure):
    response = client.get(f"/klyngemidler/{structure.cluster.slug}/", {"aar": "2022,2023"})
    assert response.status_code == 200
    assert "alert-warning" not in response.content.decode()
    assert response.context["selected_years"] == [2022, 2023]


def test_reader_accepts_only_plain_digits_within_bounds():
    assert parse_integer("2023") == 2023 and parse_integer("-1") == -1
    for raw in ["2.023", "1e3", "1_000", "", None, "٢٠٢٣", "12a", "+5"]:
        assert parse_integer(raw) is None, raw
    reader = QueryParams({"aar": "3000"})
    assert reader.year("aar", default=2024) == 2024
    assert reader.errors == ["Året 3000 kan ikke vises: det skal ligge mellem 1900 og 2100."]


def test_reader_refuses_a_date_that_is_not_a_date():
    reader = QueryParams({"periode": "2023-02-30"})
    assert reader.date("periode", label="Perioden") is None
    assert "ikke en gyldig dato" in reader.errors[0]
    assert QueryParams({"periode": "2023-02-28"}).date("periode", label="Perioden") == datetime.date(2023, 2, 28)
