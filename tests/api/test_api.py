"""The open API: the same visibility as the pages, Danish errors, an OpenAPI schema."""

import json

from klynge.meetings.choices import MeetingStatus

from ..meetings.factories import CLOSED_SECRETS, make_corpus_meeting


def test_bodies_are_listed_and_filtered(structure, client):
    data = client.get("/api/v1/bodies?q=Klynge A").json()
    assert {b["slug"] for b in data} == {"klynge-a", "klynge-a-politisk"}


def test_body_detail_lists_current_members(structure, client, member_user):
    data = client.get("/api/v1/bodies/klynge-a-politisk").json()
    assert data["members"][0]["person"] == "Medlem A" and data["parent"] == "klynge-a"


def test_public_api_never_returns_closed_content(structure, client):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    body = client.get(f"/api/v1/meetings/{meeting.pk}").content.decode()
    data = json.loads(body)
    assert any(i["title"] == "Lukket punkt" and i["closed"] for i in data["items"])
    for secret in CLOSED_SECRETS:
        assert secret not in body and secret not in json.dumps(data, ensure_ascii=False)


def test_member_session_sees_the_closed_item(structure, login, member_user):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    data = login(member_user).get(f"/api/v1/meetings/{meeting.pk}").json()
    assert any(i["title"] == CLOSED_SECRETS[0] for i in data["items"])


def test_unpublished_agenda_has_no_items_in_the_api(structure, client):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.PLANNED)
    assert client.get(f"/api/v1/meetings/{meeting.pk}").json()["items"] == []


def test_malformed_api_call_gets_a_danish_message(db, client):
    response = client.get("/api/v1/meetings?date_from=ikke-en-dato")
    assert response.status_code == 400
    assert response.json()["fejl"] == "Ugyldig forespørgsel." and "date_from" in response.json()["detaljer"][0]
    missing = client.get("/api/v1/bodies/findes-ikke")
    assert missing.status_code == 404 and missing.json() == {"fejl": "Findes ikke."}


def test_openapi_schema_is_published(db, client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Klynge API" and "/api/v1/meetings/{meeting_id}" in schema["paths"]
