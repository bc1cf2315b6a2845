"""One search across everything, never showing what the user may not see."""

import pytest
from django.db import connection

from klynge.meetings.choices import MeetingStatus

from ..meetings.factories import CLOSED_TITLE, make_corpus_meeting, make_item, make_meeting


def test_search_finds_bodies_persons_and_items(structure, client):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    make_item(meeting, title="Samarbejdsaftale om IV-behandling", case_number="1-31-72-446-22")
    page = client.get("/soeg/?q=IV-behandling").content.decode()
    assert "Samarbejdsaftale om IV-behandling" in page and "Punkter og beslutninger" in page
    assert "Klynge A – Politisk niveau" in client.get("/soeg/?q=Politisk").content.decode()
    assert "Samarbejdsaftale om IV-behandling" in client.get("/soeg/?q=1-31-72-446-22").content.decode()


def test_public_search_never_finds_a_closed_item(structure, client):
    make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    for words in ("Lejemål akutklinik", "forhandlingsmandat", "Formandskabet forhandler"):
        page = client.get("/soeg/", {"q": words}).content.decode()
        assert CLOSED_TITLE not in page and "Ingen resultater" in page, page[page.find("<main"):]


def test_member_finds_the_closed_item(structure, login, member_user):
    make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    assert CLOSED_TITLE in login(member_user).get("/soeg/?q=forhandlingsmandat").content.decode()


def test_member_of_another_cluster_does_not_find_the_closed_item(structure, login, other_cluster_user):
    make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    assert CLOSED_TITLE not in login(other_cluster_user).get("/soeg/?q=forhandlingsmandat").content.decode()


def test_unpublished_agenda_is_not_searchable_by_the_public(structure, client, login, secretariat_user):
    make_item(make_meeting(structure.political, status=MeetingStatus.PLANNED), title="Udkast om nærhospitaler")
    assert "Udkast om nærhospitaler" not in client.get("/soeg/?q=nærhospitaler").content.decode()
    assert "Udkast om nærhospitaler" in login(secretariat_user).get("/soeg/?q=nærhospitaler").content.decode()


def test_a_too_short_query_says_so(db, client):
    assert "Skriv mindst to tegn" in client.get("/soeg/?q=a").content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Danish stemming is PostgreSQL's full-text search")
def test_postgresql_search_uses_danish_stemming(structure, client):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    make_item(meeting, title="Forebyggelige indlæggelser blandt ældre")
    assert "Forebyggelige indlæggelser" in client.get("/soeg/?q=indlæggelse").content.decode()
