"""The matters list's filter and a cluster's follow-up, as reshaped for national scale (issue 16).

The matters list's ``?q=`` is a plain database filter in meetings (journal number and the titles of
the items the user may see, by substring) and links to the search page for words inside texts; the
follow-up of a cluster lists the tasks given at its meetings and the tasks owned by its bodies.
"""

import datetime

from klynge.meetings import actions
from klynge.meetings.choices import MeetingStatus
from klynge.meetings.models import Task

from .factories import make_item, make_meeting

D = datetime.date
MARCH = D(2023, 3, 1)


def _matter(body, title, case_number, date=MARCH):
    meeting = make_meeting(body, date=date, status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(meeting, title=title, case_number=case_number)
    return item, actions.link_item_to_matter(item)


def test_the_matters_filter_finds_a_part_of_an_item_title_and_of_a_journal_number(structure, client):
    _, matter = _matter(structure.political, "Genoptræningsplaner efter udskrivelse", "23/1234")
    _, other = _matter(structure.other_body, "Rekruttering af sygeplejersker", "23/9999")
    for q in ("genoptræning", "udskriv", "23/12"):
        page = client.get("/sager/", {"q": q}).content.decode()
        assert f"/sager/{matter.pk}/" in page, q
        assert f"/sager/{other.pk}/" not in page, q


def test_the_matters_filter_ignores_the_case_of_danish_letters(structure, client):
    _, matter = _matter(structure.political, "Ældre medicinske patienter", "23/3000")
    _, inside = _matter(structure.political, "Forløb for ældre borgere", "23/3001")
    for q in ("ældre", "Ældre", "ÆLDRE"):
        page = client.get("/sager/", {"q": q}).content.decode()
        assert f"/sager/{matter.pk}/" in page and f"/sager/{inside.pk}/" in page, q


def test_the_matters_filter_finds_a_matter_by_the_title_of_a_later_item(structure, client):
    _, matter = _matter(structure.political, "Akutfunktion i kommunerne", "23/2000")
    later = make_meeting(structure.cluster, date=D(2023, 6, 1), status=MeetingStatus.MINUTES_PUBLISHED)
    actions.link_item_to_matter(make_item(later, title="Status på nattevagter", case_number="23/2000"))
    page = client.get("/sager/", {"q": "nattevagter"}).content.decode()
    assert f"/sager/{matter.pk}/" in page


def test_the_matters_filter_links_to_the_search_page_with_the_same_words(structure, client):
    page = client.get("/sager/", {"q": "ældre borgere"}).content.decode()
    assert "/soeg/?q=%C3%A6ldre%20borgere&amp;type=item" in page
    assert "punkternes tekst, referater og bilag" in page


def test_a_cluster_follow_up_lists_tasks_given_at_its_meetings_and_tasks_owned_by_its_bodies(structure, client):
    here, _ = _matter(structure.political, "Punkt i klynge A", "")
    elsewhere, _ = _matter(structure.other_body, "Punkt i klynge B", "")
    Task.objects.create(item=here, description="Opgave givet i klynge A", due=D(2030, 1, 1))
    Task.objects.create(item=elsewhere, description="Opgave fra klynge B til klynge A", due=D(2030, 1, 1),
                        owner_body=structure.working_group)
    Task.objects.create(item=elsewhere, description="Opgave givet i klynge B", due=D(2030, 1, 1))
    Task.objects.create(item=here, description="Opgave fra klynge A til klynge B", due=D(2030, 1, 1),
                        owner_body=structure.other_body)
    page = client.get(f"/opfoelgning/{structure.cluster.slug}/").content.decode()
    assert "Opgave givet i klynge A" in page and "Opgave fra klynge B til klynge A" in page
    assert "Opgave givet i klynge B" not in page and "Opgave fra klynge A til klynge B" not in page
