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


def test_a_cluster_follow_up_pages_its_visible_open_tasks_by_due_date_and_counts_only_those(structure, client):
    from klynge.meetings.choices import TaskStatus
    from klynge.meetings.views.followup import FOLLOWUP_PAGE

    open_item, _ = _matter(structure.political, "Punkt med mange opgaver", "")
    closed_item = make_item(open_item.meeting, title="Lukket punkt", closed=True)
    draft = make_meeting(structure.political, date=D(2023, 4, 1), status=MeetingStatus.MINUTES_DRAFT)
    first = D(2030, 1, 1)
    for n in range(FOLLOWUP_PAGE + 5):  # created last-due first: the page must order them, not the insert
        Task.objects.create(item=open_item, description=f"Synlig opgave {FOLLOWUP_PAGE + 4 - n:03d}",
                            due=first + datetime.timedelta(days=FOLLOWUP_PAGE + 4 - n))
    Task.objects.create(item=closed_item, description="Opgave fra et lukket punkt", due=first)
    Task.objects.create(item=make_item(draft, title="Udkast"), description="Opgave fra et udkast", due=first)
    Task.objects.create(item=open_item, description="Lukket opgave", due=first, status=TaskStatus.DONE,
                        closed_note="Færdig")
    url = f"/opfoelgning/{structure.cluster.slug}/"
    one, two = client.get(url).content.decode(), client.get(url, {"side": 2}).content.decode()
    beyond = client.get(url, {"side": 99}).content.decode()  # past the end: the last page
    assert "Synlig opgave 000" in one and f"Synlig opgave {FOLLOWUP_PAGE - 1:03d}" in one
    assert f"Synlig opgave {FOLLOWUP_PAGE:03d}" not in one and "Synlig opgave 000" not in two
    assert f"Synlig opgave {FOLLOWUP_PAGE:03d}" in two and f"Synlig opgave {FOLLOWUP_PAGE + 4:03d}" in two
    assert one.index("Synlig opgave 000") < one.index("Synlig opgave 001") < one.index("Synlig opgave 099")
    assert beyond == two
    for page in (one, two):
        assert str(FOLLOWUP_PAGE + 5) in page  # the count: only the visible open tasks
        for hidden in ("Opgave fra et lukket punkt", "Opgave fra et udkast", "Lukket opgave"):
            assert hidden not in page


def _listed(client, q):
    return client.get("/sager/", {"q": q}).content.decode()


def test_the_matters_filter_follows_an_item_renamed_or_deleted_after_it_was_indexed(structure, client):
    item, matter = _matter(structure.political, "Udskrivning af ældre medicinske patienter", "24/0101")
    assert f"/sager/{matter.pk}/" in _listed(client, "medicinske")
    item.title = "Hjemmebehandling efter udskrivning"
    item.save()
    assert f"/sager/{matter.pk}/" not in _listed(client, "medicinske")
    assert f"/sager/{matter.pk}/" in _listed(client, "hjemmebehandling")
    item.delete()
    assert f"/sager/{matter.pk}/" not in _listed(client, "hjemmebehandling")


def test_the_matters_filter_takes_short_words_quotes_and_operators_as_plain_text(structure, client):
    _, matter = _matter(structure.political, 'Projekt "Tryg hjem" for KOL-patienter', "24/0202")
    assert f"/sager/{matter.pk}/" in _listed(client, "KO")  # under three characters: no trigram to look up
    assert f"/sager/{matter.pk}/" in _listed(client, '"tryg hjem"')
    assert f"/sager/{matter.pk}/" in _listed(client, "24/02")
    for operators in ('NEAR(" OR *', "hjem* AND"):
        response = client.get("/sager/", {"q": operators})
        assert response.status_code == 200 and f"/sager/{matter.pk}/" not in response.content.decode()


def test_a_lost_title_index_is_recreated_and_rebuilt_after_migrate(structure, client):
    from django.db import connection

    from klynge.meetings import title_index
    from klynge.meetings.apps import _repair_title_index

    if connection.vendor != "sqlite":  # PostgreSQL reads its pg_trgm indexes: nothing to keep
        assert title_index.is_complete(connection) and not title_index.ensure(connection)
        return
    assert title_index.is_complete(connection)
    with connection.cursor() as cursor:  # what a later migration's rebuild of the items table does
        for name in title_index.TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
        cursor.execute(f"DROP INDEX {title_index.MATCH_COLUMNS}")
        cursor.execute("ANALYZE")  # a database that keeps planner statistics
    _, matter = _matter(structure.political, "Telemedicinsk hjemmemonitorering", "24/0303")
    assert f"/sager/{matter.pk}/" not in _listed(client, "hjemmemonitorering")  # the index missed the write
    _repair_title_index(sender=None)  # connected to post_migrate
    assert title_index.is_complete(connection)
    with connection.cursor() as cursor:  # the new index has statistics too, or the planner would not use it
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE idx = %s", [title_index.MATCH_COLUMNS])
        assert cursor.fetchone()[0] == 1
    assert f"/sager/{matter.pk}/" in _listed(client, "hjemmemonitorering")
