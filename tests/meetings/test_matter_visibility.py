"""A matter named after a closed item must not carry that title to the public (found by the browser journey).

A matter takes its title from the first item linked to it. When that item is closed, the
title is the closed item's title; the matter pages and the matter search showed it to anyone.
"""

import datetime

from klynge.meetings import actions
from klynge.meetings.choices import ItemKind, MeetingStatus

from .factories import make_item, make_meeting

D = datetime.date
SECRET = "Lejemål til akutklinik i Fredericia"


def _closed_matter(structure, **kw):
    meeting = make_meeting(structure.political, date=D(2023, 1, 10), status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(meeting, title=SECRET, closed=True, case_number="22/4711")
    matter = actions.link_item_to_matter(item)
    return meeting, item, matter


def test_public_neither_finds_nor_opens_a_matter_known_only_from_a_closed_item(structure, client):
    _, _, matter = _closed_matter(structure)
    assert matter.title == SECRET
    assert client.get(f"/sager/{matter.pk}/").status_code == 404
    for url in ["/sager/", "/sager/?q=Lejem%C3%A5l", "/sager/?q=22/4711"]:
        page = client.get(url).content.decode()
        assert SECRET not in page and "<td>22/4711</td>" not in page, url
        assert f"/sager/{matter.pk}/" not in page, url


def test_a_later_open_item_names_the_matter_for_the_public(structure, client):
    _, _, matter = _closed_matter(structure)
    later = make_meeting(structure.cluster, date=D(2023, 3, 1), status=MeetingStatus.AGENDA_PUBLISHED)
    actions.link_item_to_matter(make_item(later, title="Akutklinik i Fredericia: status", case_number="22/4711",
                                          kind=ItemKind.ORIENTATION))
    page = client.get(f"/sager/{matter.pk}/").content.decode()
    assert SECRET not in page
    assert "<h1>Akutklinik i Fredericia: status</h1>" in page
    assert "Lukket punkt" in page  # the closed treatment shows only as that
    assert "2 gange i 2 organer" in page  # the closed treatment counts, as "Lukket punkt"
    listing = client.get("/sager/?q=akutklinik").content.decode()
    assert "Akutklinik i Fredericia: status" in listing and SECRET not in listing
    assert client.get("/sager/?q=Lejem%C3%A5l").content.decode().count(f"/sager/{matter.pk}/") == 0


def test_members_and_the_secretariat_see_the_real_title(structure, login, member_user, secretariat_user):
    _, _, matter = _closed_matter(structure)
    for user in (member_user, secretariat_user):
        client = login(user)
        assert f"<h1>{SECRET}</h1>" in client.get(f"/sager/{matter.pk}/").content.decode()
        assert SECRET in client.get("/sager/?q=Lejem%C3%A5l").content.decode()


def test_items_on_an_unpublished_agenda_do_not_name_a_matter_for_the_public(structure, client, login,
                                                                           secretariat_user):
    planned = make_meeting(structure.political, date=D(2023, 5, 1))
    item = make_item(planned, title="Udkast: ny akutfunktion", case_number="23/1")
    matter = actions.link_item_to_matter(item)
    assert client.get(f"/sager/{matter.pk}/").status_code == 404
    assert "Udkast: ny akutfunktion" not in client.get("/sager/").content.decode()
    assert "Udkast: ny akutfunktion" in login(secretariat_user).get("/sager/").content.decode()


def test_a_co_hosts_member_does_not_see_the_lead_bodys_own_closed_item_through_a_joint_meeting(structure, login):
    from klynge.organisation.choices import Role
    from tests.conftest import make_persona

    # The matter is named after a closed item of the lead body's own meeting ...
    _, _, matter = _closed_matter(structure)
    # ... and was treated earlier at a joint meeting with cluster B's level, also in a closed item.
    joint = make_meeting(structure.political, date=D(2022, 11, 1), status=MeetingStatus.MINUTES_PUBLISHED)
    joint.co_hosts.add(structure.other_body)
    actions.link_item_to_matter(make_item(joint, title="Fælles lukket drøftelse", closed=True, case_number="22/4711"))
    client = login(make_persona("medlem-b", structure.other_body, Role.MEMBER))
    page = client.get(f"/sager/{matter.pk}/").content.decode()
    assert SECRET not in page
    assert "<h1>Fælles lukket drøftelse</h1>" in page  # the closed item of the joint meeting it may see
