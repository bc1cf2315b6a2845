"""The OParl 1.1 API: an OParl client's walk from the System object, schema validation of every
object, the closed-item rule, paging, filters, deleted objects, CORS and conditional requests."""

from __future__ import annotations

import datetime
import json
from collections import deque

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from klynge.meetings import actions
from klynge.meetings.choices import MeetingStatus
from klynge.meetings.models import Meeting
from klynge.oparl import paging
from klynge.organisation.models import ElectoralTerm, Membership, TermKind

from ..meetings.factories import (
    CLOSED_SECRETS,
    make_attachment,
    make_corpus_meeting,
    make_item,
    make_meeting,
    make_membership,
    make_person,
)
from .schema import type_name, validate

BASE = "http://testserver/oparl/v1/"
UNPUBLISHED = "zqupubliceretpunkt"
DRAFT_DECISION = "zqudkastbeslutning"
D = datetime.date


@pytest.fixture
def world(structure):
    """Klynge A with a published meeting (a closed item among nine, a matter, a real attachment),
    a planned meeting whose agenda is not published, draft minutes, a deleted meeting and a
    deleted membership, and the two electoral terms."""
    s = structure
    published = make_corpus_meeting(s.political, status=MeetingStatus.MINUTES_PUBLISHED,
                                    minutes_published_at=timezone.now())
    for item in published.items.filter(case_number__gt=""):
        actions.link_item_to_matter(item)
    open_item = published.items.filter(closed=False).exclude(title="Velkomst").first()
    make_attachment(open_item, "Bilag med fil", file=ContentFile(b"%PDF-1.4 bilag", name="bilag.pdf"), size=14)
    planned = make_meeting(s.political, date=D(2030, 5, 1))
    make_item(planned, title=UNPUBLISHED)
    draft = make_meeting(s.working_group, status=MeetingStatus.MINUTES_DRAFT, date=D(2023, 4, 1))
    make_item(draft, title="Et åbent punkt", decision=DRAFT_DECISION)
    gone = make_meeting(s.political, date=D(2023, 1, 5))
    gone_pk = gone.pk
    gone.delete()
    person = make_person("Medlem Til Sletning")
    make_membership(person, s.political).delete()
    for name, start, end in [("Valgperioden 2022-2025", D(2022, 1, 1), D(2025, 12, 31)),
                             ("Valgperioden 2026-2029", D(2026, 1, 1), D(2029, 12, 31))]:
        ElectoralTerm.objects.create(name=name, kind=TermKind.REGIONAL, start=start, end=end)
    return {"published": published, "planned": planned, "draft": draft, "gone": gone_pk}


def walk(client):
    """An OParl client: from the System object, follow every URL of the API that any answer names
    (lists to their last page, objects, files), validate every object, and return what was read."""
    seen, queue = set(), deque([BASE])
    objects, texts, lists_done = [], {}, []
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code} {response.content[:200]!r}"
        assert response["Access-Control-Allow-Origin"] == "*"
        if not response["Content-Type"].startswith("application/json"):
            texts[url] = response.content.decode("latin-1")
            continue
        text = response.content.decode()
        texts[url] = text
        data = json.loads(text)
        if "data" in data:
            assert set(data) == {"data", "pagination", "links"}
            found = data["data"]
            if "next" not in data["links"]:
                lists_done.append(url)
                assert data["links"]["self"] == data["links"]["last"]
        else:
            found = [data]
        for obj in found:
            validate(obj)
            objects.append(obj)
        queue.extend(u for u in _urls(data) if u not in seen)
    return objects, texts, lists_done


def _urls(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _urls(value)
    elif isinstance(node, list):
        for value in node:
            yield from _urls(value)
    elif isinstance(node, str) and node.startswith(BASE):
        yield node


def _inline(objects):
    """Every object, the inline ones (agendaItem, legislativeTerm, membership, files) included."""
    stack = list(objects)
    while stack:
        obj = stack.pop()
        if isinstance(obj, dict):
            if "type" in obj and str(obj["type"]).startswith("https://schema.oparl.org/"):
                yield obj
            stack.extend(obj.values())
        elif isinstance(obj, list):
            stack.extend(obj)


def test_an_oparl_client_walks_every_list_and_link_validates_every_object_and_finds_no_closed_content(  # noqa: E501
        world, client):
    objects, texts, lists_done = walk(client)
    kinds = {type_name(o) for o in _inline(objects)}
    assert kinds >= {"System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper",
                     "Consultation", "File", "Location", "LegislativeTerm"}
    assert any(u.endswith("/meetings") for u in lists_done) and len(lists_done) >= 20
    everything = "\n".join(texts.values())
    for secret in [*CLOSED_SECRETS, UNPUBLISHED, DRAFT_DECISION]:
        assert secret not in everything, f"{secret} is in the OParl answers"
    closed = [o for o in _inline(objects) if type_name(o) == "AgendaItem" and o.get("public") is False]
    assert closed and all(set(o) <= {"id", "type", "meeting", "number", "order", "public"} for o in closed)
    # Every object has an absolute id, its type, and time stamps with an offset.
    for obj in _inline(objects):
        assert obj["id"].startswith(BASE)
        if type_name(obj) == "AgendaItem" and obj.get("public") is False:
            continue
        for stamp in ("created", "modified"):
            assert datetime.datetime.fromisoformat(obj[stamp]).utcoffset() is not None, (obj["id"], stamp)


def test_a_meeting_has_danish_times_with_offset_its_files_and_an_inline_agenda(world, client):
    meeting = world["published"]
    data = client.get(f"{BASE}meetings/{meeting.pk}").json()
    assert data["start"] == "2022-12-07T17:00:00+01:00" and data["end"] == "2022-12-07T20:00:00+01:00"
    assert data["cancelled"] is False and data["location"]["streetAddress"].startswith("Byrådssalen")
    assert data["invitation"]["mimeType"] == "application/pdf"
    assert data["resultsProtocol"]["name"] == "Referat (PDF)"
    assert {f["mimeType"] for f in data["auxiliaryFile"]} == {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    orders = [i["order"] for i in data["agendaItem"]]
    assert orders == list(range(1, len(orders) + 1))
    closed = [i for i in data["agendaItem"] if not i["public"]]
    assert len(closed) == 1 and "name" not in closed[0]
    assert any(i.get("result") for i in data["agendaItem"])


def test_a_summer_meeting_has_the_summer_offset(structure, client):
    meeting = make_meeting(structure.political, date=D(2023, 6, 7))
    assert client.get(f"{BASE}meetings/{meeting.pk}").json()["start"] == "2023-06-07T17:00:00+02:00"


def test_a_files_size_is_the_length_of_the_bytes_its_access_url_serves(world, client):
    data = client.get(f"{BASE}meetings/{world['published'].pk}").json()
    files = [data["invitation"], data["resultsProtocol"], *data["auxiliaryFile"]]
    for file in files:
        body = client.get(file["accessUrl"])
        assert body.status_code == 200 and len(body.content) == file["size"], file["id"]
        assert body["Content-Type"] == file["mimeType"]


def test_unpublished_agendas_and_draft_minutes_are_not_in_the_api(world, client):
    planned = client.get(f"{BASE}meetings/{world['planned'].pk}").json()
    assert "agendaItem" not in planned and "invitation" not in planned
    draft = client.get(f"{BASE}meetings/{world['draft'].pk}").json()
    assert "resultsProtocol" not in draft and all("result" not in i for i in draft["agendaItem"])
    item = world["planned"].items.get()
    assert client.get(f"{BASE}agenda-items/{item.pk}").status_code == 404


def test_a_closed_item_alone_is_public_false_with_no_title(world, client):
    item = world["published"].items.get(closed=True)
    data = client.get(f"{BASE}agenda-items/{item.pk}").json()
    assert data["public"] is False and "name" not in data and data["number"] == str(item.number)


def test_a_deleted_meeting_answers_200_with_deleted_and_is_in_the_list(world, client):
    data = client.get(f"{BASE}meetings/{world['gone']}").json()
    assert data["deleted"] is True and data["type"].endswith("/Meeting")
    validate(data)
    listed = client.get(f"{BASE}bodies/klynge-a/meetings").json()["data"]
    assert any(o["id"] == data["id"] and o["deleted"] for o in listed)
    memberships = client.get(f"{BASE}bodies/klynge-a/memberships").json()["data"]
    assert any(o.get("deleted") for o in memberships)


def test_lists_filter_by_created_and_modified(world, client):
    url = f"{BASE}bodies/klynge-a/meetings"
    everything = client.get(url).json()["pagination"]["totalElements"]
    assert everything >= 3
    future = "2099-01-01T00:00:00+01:00"
    assert client.get(url, {"modified_since": future}).json()["data"] == []
    assert client.get(url, {"created_until": future}).json()["pagination"]["totalElements"] == everything
    Meeting.objects.filter(pk=world["draft"].pk).update(modified=timezone.now() + datetime.timedelta(days=1))
    later = (timezone.now() + datetime.timedelta(hours=12)).isoformat()
    ids = [o["id"] for o in client.get(url, {"modified_since": later}).json()["data"]]
    assert ids == [f"{BASE}meetings/{world['draft'].pk}"]


def test_a_bad_filter_or_page_is_refused_with_a_danish_400(world, client):
    response = client.get(f"{BASE}bodies/klynge-a/meetings", {"modified_since": "i går"})
    assert response.status_code == 400 and "modified_since" in response.json()["detaljer"][0]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.get(f"{BASE}bodies/klynge-a/meetings", {"page": "9"}).status_code == 400


def test_a_long_list_is_paged_with_next_links_to_the_last_page(structure, client):
    person = make_person("Mange Medlemskaber")
    Membership.objects.bulk_create([Membership(person=person, body=structure.political, start=D(2000, 1, 1) +
                                               datetime.timedelta(days=i), end=D(2000, 1, 1) +
                                               datetime.timedelta(days=i)) for i in range(paging.PAGE_SIZE + 5)])
    first = client.get(f"{BASE}bodies/klynge-a/memberships").json()
    assert first["pagination"]["totalPages"] == 2 and len(first["data"]) == paging.PAGE_SIZE
    second = client.get(first["links"]["next"]).json()
    assert len(second["data"]) == 5 and "next" not in second["links"]
    ids = {o["id"] for o in first["data"]} | {o["id"] for o in second["data"]}
    assert len(ids) == paging.PAGE_SIZE + 5


def test_only_a_root_body_is_an_oparl_body_and_every_forum_is_an_organization(world, client):
    bodies = {b["name"] for b in client.get(f"{BASE}bodies").json()["data"]}
    assert bodies == {"Klynge A", "Klynge B"}
    assert client.get(f"{BASE}bodies/klynge-a-politisk").status_code == 404
    names = {o["name"] for o in client.get(f"{BASE}bodies/klynge-a/organizations").json()["data"]}
    assert names == {"Klynge A", "Klynge A – Politisk niveau", "Arbejdsgruppe A1"}


def test_the_api_answers_cors_head_and_a_conditional_request_with_304(world, client):
    response = client.get(BASE)
    assert response["Access-Control-Allow-Origin"] == "*" and response["ETag"]
    assert client.get(BASE, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.head(f"{BASE}bodies").status_code == 200
    meeting = client.get(f"{BASE}meetings/{world['published'].pk}")
    assert client.get(f"{BASE}meetings/{world['published'].pk}",
                      HTTP_IF_MODIFIED_SINCE=meeting["Last-Modified"]).status_code == 304
    assert client.post(BASE).status_code in (403, 405)


def test_a_logged_in_member_gets_the_public_view(world, login, member_user):
    item = world["published"].items.get(closed=True)
    data = login(member_user).get(f"{BASE}agenda-items/{item.pk}").json()
    assert data["public"] is False and "name" not in data


def test_a_deleted_matter_that_was_public_is_a_deleted_paper(world, client):
    item = world["published"].items.filter(closed=False, matter__isnull=False).first()
    matter_pk = item.matter_id
    item.matter.delete()
    data = client.get(f"{BASE}papers/{matter_pk}").json()
    assert data["deleted"] is True and data["type"].endswith("/Paper")
    listed = client.get(f"{BASE}bodies/klynge-a/papers").json()["data"]
    assert any(o["id"] == data["id"] and o.get("deleted") for o in listed)


def test_a_deleted_matter_nobody_outside_could_see_stays_unknown(world, client, structure):
    planned = world["planned"]
    hidden = make_item(planned, title="Sag på en ikke offentliggjort dagsorden", case_number="99-HEMMELIG")
    matter = actions.link_item_to_matter(hidden)
    closed = world["published"].items.get(closed=True)
    closed.case_number = "99-LUKKET"
    closed.save()
    closed_matter = actions.link_item_to_matter(closed)
    gone = [matter.pk, closed_matter.pk]
    matter.delete()
    closed_matter.delete()
    for pk in gone:
        assert client.get(f"{BASE}papers/{pk}").status_code == 404
    listed = client.get(f"{BASE}bodies/klynge-a/papers").json()["data"]
    assert not any(o["id"] in {f"{BASE}papers/{pk}" for pk in gone} for o in listed)
