"""One search across everything, never showing what the user may not see."""

import re

from klynge.meetings.choices import MeetingStatus

from ..meetings.factories import CLOSED_TITLE, make_corpus_meeting, make_item, make_meeting


def text_of(response) -> str:
    """The page without the <mark> elements that highlight the words searched for."""
    return re.sub(r"</?mark>", "", response.content.decode())


def test_search_finds_bodies_persons_and_items(structure, client):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    make_item(meeting, title="Samarbejdsaftale om IV-behandling", case_number="1-31-72-446-22")
    page = text_of(client.get("/soeg/?q=IV-behandling"))
    assert "Samarbejdsaftale om IV-behandling" in page and "Punkt ·" in page
    assert "Klynge A – Politisk niveau" in text_of(client.get("/soeg/?q=Politisk"))
    assert "Samarbejdsaftale om IV-behandling" in text_of(client.get("/soeg/?q=1-31-72-446-22"))


def test_public_search_never_finds_a_closed_item(structure, client):
    make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    for words in ("Lejemål akutklinik", "forhandlingsmandat", "Formandskabet forhandler"):
        page = text_of(client.get("/soeg/", {"q": words}))
        assert CLOSED_TITLE not in page and "Ingen resultater" in page, page[page.find("<main"):]


def test_member_finds_the_closed_item(structure, login, member_user):
    make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    assert CLOSED_TITLE in text_of(login(member_user).get("/soeg/?q=forhandlingsmandat"))


def test_member_of_another_cluster_does_not_find_the_closed_item(structure, login, other_cluster_user):
    make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    assert CLOSED_TITLE not in text_of(login(other_cluster_user).get("/soeg/?q=forhandlingsmandat"))


def test_unpublished_agenda_is_not_searchable_by_the_public(structure, client, login, secretariat_user):
    make_item(make_meeting(structure.political, status=MeetingStatus.PLANNED), title="Udkast om nærhospitaler")
    assert "Udkast om nærhospitaler" not in text_of(client.get("/soeg/?q=nærhospitaler"))
    assert "Udkast om nærhospitaler" in text_of(login(secretariat_user).get("/soeg/?q=nærhospitaler"))


def test_a_too_short_query_says_so(db, client):
    assert "Skriv mindst ét ord på to bogstaver" in client.get("/soeg/?q=a").content.decode()
    assert "Skriv mindst ét ord på to bogstaver" in client.get("/soeg/?q=og").content.decode()


def test_search_uses_danish_stemming_on_both_databases(structure, client):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    make_item(meeting, title="Forebyggelige indlæggelser blandt ældre")
    assert "Forebyggelige indlæggelser" in text_of(client.get("/soeg/?q=indlæggelse"))
