"""The open API's HTTP behaviour (issue 15, point 2): times with offsets, bad parameters refused with
a Danish 400, 400 and 404 in the OpenAPI schema, paging instead of a cut, HEAD, ETag/Last-Modified
and 304, on the API and on the calendar feeds."""

import datetime

import pytest

from klynge.meetings.choices import MeetingStatus
from klynge.meetings.models import Meeting

from ..meetings.factories import make_meeting


def test_a_meeting_starts_and_ends_with_the_danish_offset_of_its_day(structure, client):
    winter = make_meeting(structure.political, date=datetime.date(2023, 1, 10))
    summer = make_meeting(structure.political, date=datetime.date(2023, 6, 7))
    assert client.get(f"/api/v1/meetings/{winter.pk}").json()["start"] == "2023-01-10T17:00:00+01:00"
    data = client.get(f"/api/v1/meetings/{summer.pk}").json()
    assert (data["start"], data["end"]) == ("2023-06-07T17:00:00+02:00", "2023-06-07T20:00:00+02:00")


@pytest.mark.parametrize(("query", "named"), [
    ("foo=1", "Ukendt parameter: foo"),
    ("body=findes-ikke", "findes-ikke"),
    ("date_from=2024-01-01&date_to=2023-01-01", "ligger efter"),
    ("date_from=0001-01-01", "uden for"),
    ("date_from=2023-02-30", "date_from"),
    ("page=0", "page"),
    ("page_size=100000", "page_size"),
    ("page=7", "page 7 findes ikke"),
])
def test_a_bad_parameter_is_refused_with_a_danish_400_naming_it(structure, client, query, named):
    response = client.get(f"/api/v1/meetings?{query}")
    assert response.status_code == 400
    data = response.json()
    assert data["fejl"] == "Ugyldig forespørgsel." and named in " ".join(data["detaljer"])
    assert "Input should" not in response.content.decode()  # never pydantic's English


def test_unknown_parameters_on_single_objects_are_refused_too(structure, client):
    assert client.get("/api/v1/bodies/klynge-a?x=1").status_code == 400
    assert client.get("/api/v1/bodies?q=" + "x" * 500).status_code == 400


def test_the_openapi_schema_documents_400_and_404_with_unique_operation_ids(db, client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/meetings"]["get"]["responses"]) >= {"200", "400"}
    for path in ("/api/v1/meetings/{meeting_id}", "/api/v1/bodies/{slug}", "/api/v1/persons/{slug}"):
        assert set(paths[path]["get"]["responses"]) >= {"200", "400", "404"}
    ids = [operation["operationId"] for operations in paths.values() for operation in operations.values()]
    assert len(ids) == len(set(ids))


def test_the_meetings_are_paged_instead_of_cut(structure, client):
    Meeting.objects.bulk_create([Meeting(body=structure.political, date=datetime.date(2020, 1, 1)
                                         + datetime.timedelta(days=i), start=datetime.time(9),
                                         end=datetime.time(10), address="Et sted") for i in range(7)])
    first = client.get("/api/v1/meetings?page_size=3").json()
    assert (first["count"], first["pages"], len(first["items"])) == (7, 3, 3) and first["previous"] is None
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()
    assert len(third["items"]) == 1 and third["next"] is None
    ids = [m["id"] for page in (first, second, third) for m in page["items"]]
    assert len(set(ids)) == 7


def test_the_api_answers_head_and_a_conditional_request_with_304(structure, client):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    for url in ("/api/v1/bodies", "/api/v1/bodies/klynge-a", "/api/v1/meetings", f"/api/v1/meetings/{meeting.pk}"):
        response = client.get(url)
        assert response.status_code == 200 and response["ETag"], url
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304, url
        assert client.head(url).status_code == 200, url
    listed = client.get("/api/v1/meetings")
    assert client.get("/api/v1/meetings", HTTP_IF_MODIFIED_SINCE=listed["Last-Modified"]).status_code == 304
    Meeting.objects.filter(pk=meeting.pk).update(address="Et nyt sted")
    assert client.get("/api/v1/meetings", HTTP_IF_NONE_MATCH=listed["ETag"]).status_code == 200


def test_the_calendar_feeds_answer_head_etag_last_modified_and_304(structure, client):
    make_meeting(structure.political, date=datetime.date.today() + datetime.timedelta(days=10))
    for url in ("/kalender/organ/klynge-a-politisk.ics", "/kalender/klynge/klynge-a.ics"):
        response = client.get(url)
        assert response.status_code == 200 and response["ETag"] and response["Last-Modified"], url
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304
        assert client.head(url).status_code == 200
