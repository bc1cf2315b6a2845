"""The search engine on whichever database the suite runs on (SQLite FTS5 or PostgreSQL tsvector):
stemming, case folding, ranking, paging, snippets, filters, visibility and keeping the index current."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from klynge.core.signals import bulk_changed
from klynge.meetings.choices import MeetingStatus, Outcome
from klynge.meetings.models import Recommendation
from klynge.search import schema
from klynge.search.engine import PAGE_SIZE, Filters, search
from klynge.search.models import SearchDocument
from klynge.search.text import fts5_query, highlight, marked_to_html, query_terms

from ..meetings.factories import make_attachment, make_item, make_meeting, make_recommendation

ANONYMOUS = None


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def titles(results) -> list[str]:
    return [re.sub(r"</?mark>", "", str(hit.title)) for hit in results.hits]


def published(body, **kw):
    return make_meeting(body, status=MeetingStatus.MINUTES_PUBLISHED, **kw)


# --- pure text rules ---------------------------------------------------------------------------

def test_query_terms_are_danish_stems_case_folded_without_stop_words():
    assert query_terms("Ældre og indlæggelser") == [["ældr"], ["indlæg"]]
    assert query_terms('"akut klinik" 1-31-72') == [["akut", "klinik"], ["1", "31", "72"]]


def test_the_fts5_query_quotes_every_stem_so_user_syntax_is_inert():
    assert fts5_query('NEAR(a b) OR x* "') == '"near a" AND "or"'
    assert fts5_query("og i") == ""


def test_the_highlighter_escapes_html_and_marks_only_the_words_searched_for():
    html = str(highlight('<script>alert("x")</script> Ældre borgere & sundhed', {"ældr"}))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html
    assert "<mark>Ældre</mark>" in html
    assert re.sub(r"</?mark>", "", html).count("<") == 0


def test_postgresql_headlines_become_escaped_html_with_only_marks():
    html = str(marked_to_html("a <b>\x02klyngemark\x03hit\x02/klyngemark\x03 & c"))
    assert html == "a &lt;b&gt;<mark>hit</mark> &amp; c"


# --- the engine on the database ----------------------------------------------------------------

def test_stemming_finds_other_forms_of_a_word(structure, anonymous):
    make_item(published(structure.political), title="Forebyggelige indlæggelser blandt ældre")
    assert titles(search("indlæggelse", anonymous)) == ["Forebyggelige indlæggelser blandt ældre"]


def test_upper_and_lower_case_ae_oe_aa_find_the_same_rows(structure, anonymous):
    meeting = published(structure.political)
    make_item(meeting, title="ÆLDRE MEDICINSKE PATIENTER")
    make_item(meeting, title="Tilbud til ældre på Ørby og Åstrup")
    for a, b in (("Ældre", "ældre"), ("ØRBY", "ørby"), ("åstrup", "ÅSTRUP")):
        assert titles(search(a, anonymous)) == titles(search(b, anonymous)) != []
    assert len(search("ældre", anonymous).hits) == 2


def test_a_hit_in_the_title_ranks_above_a_hit_in_the_text(structure, anonymous):
    meeting = published(structure.political)
    make_item(meeting, title="Status på økonomien", summary="Der er også et afsnit om hjerteredning.")
    make_item(meeting, title="Hjerteredning i kommunerne", summary="Oplæg.")
    assert titles(search("hjerteredning", anonymous)) == ["Hjerteredning i kommunerne", "Status på økonomien"]


def test_results_come_in_pages(structure, anonymous):
    meeting = published(structure.political)
    for n in range(PAGE_SIZE + 5):
        make_item(meeting, title=f"Rehabilitering nummer {n}")
    first, second = search("rehabilitering", anonymous, page=1), search("rehabilitering", anonymous, page=2)
    assert len(first.hits) == PAGE_SIZE and first.has_next
    assert len(second.hits) == 5 and not second.has_next and second.first == PAGE_SIZE + 1
    assert not set(titles(first)) & set(titles(second))


def test_snippets_escape_the_text_and_mark_the_hit(structure, client):
    make_item(published(structure.political), title="Punkt om data",
              summary='<img src=x onerror="alert(1)"> Vi drøfter telemedicin i hjemmeplejen.')
    page = client.get("/soeg/?q=telemedicin").content.decode()
    main = page[page.find("<main"):page.find("</main>")]
    assert "<mark>telemedicin</mark>" in main
    assert "<img" not in main and "onerror=" not in main.replace("onerror=&quot;", "")


def test_filters_by_kind_body_cluster_and_date(structure, anonymous):
    early = published(structure.political, date=datetime.date(2022, 5, 1))
    late = published(structure.other_body, date=datetime.date(2024, 5, 1))
    make_item(early, title="Diabetes i Klynge A")
    make_item(late, title="Diabetes i Klynge B")

    def found(**kw):
        return sorted(titles(search("diabetes", anonymous, Filters(**kw))))

    assert found() == ["Diabetes i Klynge A", "Diabetes i Klynge B"]
    assert found(cluster_id=structure.cluster.pk) == ["Diabetes i Klynge A"]
    assert found(body_id=structure.other_body.pk) == ["Diabetes i Klynge B"]
    assert found(date_from=datetime.date(2023, 1, 1)) == ["Diabetes i Klynge B"]
    assert found(date_to=datetime.date(2023, 1, 1)) == ["Diabetes i Klynge A"]
    assert found(kind="decision") == []
    assert found(kind="item") == ["Diabetes i Klynge A", "Diabetes i Klynge B"]


def test_the_search_page_reads_its_filters_and_names_a_bad_one(structure, client):
    make_item(published(structure.political, date=datetime.date(2022, 5, 1)), title="Diabetes i Klynge A")
    make_item(published(structure.other_body, date=datetime.date(2024, 5, 1)), title="Diabetes i Klynge B")
    page = client.get("/soeg/", {"q": "diabetes", "klynge": "klynge-b", "type": "item", "fra": "2024-01-01"})
    text = re.sub(r"</?mark>", "", page.content.decode())
    assert "Diabetes i Klynge B" in text and "Diabetes i Klynge A" not in text
    bad = client.get("/soeg/", {"q": "diabetes", "klynge": "findes-ikke", "fra": "1. maj"})
    assert bad.status_code == 200
    assert "Klyngen “findes-ikke” findes ikke" in bad.content.decode()
    assert "Fra-datoen “1. maj” er ikke en gyldig dato" in bad.content.decode()


def test_closed_items_are_filtered_on_the_database_before_paging(structure, anonymous, secretariat_user):
    meeting = published(structure.political)
    for n in range(PAGE_SIZE + 5):
        make_item(meeting, title=f"Fortroligt lejemål {n}", closed=True)
    for n in range(3):
        make_item(meeting, title=f"Åbent lejemål {n}")
    public = search("lejemål", anonymous)
    assert sorted(titles(public)) == ["Åbent lejemål 0", "Åbent lejemål 1", "Åbent lejemål 2"]
    assert not public.has_next
    assert len(search("lejemål", secretariat_user).hits) == PAGE_SIZE


def test_recommendations_are_found_with_the_agenda_and_decisions_only_with_the_minutes(
        structure, anonymous, secretariat_user):
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_DRAFT)
    item = make_item(meeting, title="Fælles akutfunktion")
    make_recommendation(item, text="at klyngen etablerer en akutfunktion i nattetimerne",
                        outcome=Outcome.APPROVED, decision_text="Godkendt med tilføjelsen om weekendvagter.")
    assert titles(search("nattetimerne", anonymous)) == ["Fælles akutfunktion"]
    assert titles(search("weekendvagter", anonymous)) == []
    assert titles(search("weekendvagter", secretariat_user)) == ["Fælles akutfunktion"]
    meeting.status = MeetingStatus.MINUTES_PUBLISHED
    meeting.save()
    hits = search("weekendvagter", anonymous).hits
    assert [h.label for h in hits] == ["Beslutning og referat"] and "<mark>weekendvagter</mark>" in hits[0].snippet


def test_an_unpublished_agenda_is_found_only_by_its_secretariat(structure, anonymous, secretariat_user,
                                                                  other_cluster_user):
    make_item(make_meeting(structure.political), title="Forslag om nærhospital")
    assert titles(search("nærhospital", anonymous)) == []
    assert titles(search("nærhospital", other_cluster_user)) == []
    assert titles(search("nærhospital", secretariat_user)) == ["Forslag om nærhospital"]


# --- keeping the index current -------------------------------------------------------------------

def test_the_index_follows_create_update_and_delete(structure, anonymous):
    meeting = published(structure.political)
    item = make_item(meeting, title="Sundhedsaftalen")
    assert titles(search("sundhedsaftale", anonymous)) == ["Sundhedsaftalen"]
    item.title = "Praksisplanen"
    item.save()
    assert titles(search("sundhedsaftale", anonymous)) == []
    assert titles(search("praksisplan", anonymous)) == ["Praksisplanen"]
    rec = make_recommendation(item, text="at planen sendes i høring hos kommunalbestyrelserne")
    assert titles(search("kommunalbestyrelserne", anonymous)) == ["Praksisplanen"]
    rec.delete()
    assert titles(search("kommunalbestyrelserne", anonymous)) == []
    meeting.date = datetime.date(2021, 1, 4)
    meeting.save()
    assert titles(search("praksisplan", anonymous, Filters(date_to=datetime.date(2021, 12, 31)))) == ["Praksisplanen"]
    item.delete()
    assert titles(search("praksisplan", anonymous)) == []
    assert not SearchDocument.objects.filter(kind="item").exists()


def test_bulk_writes_that_announce_themselves_are_indexed(structure, anonymous):
    item = make_item(published(structure.political), title="Importeret punkt")
    recs = Recommendation.objects.bulk_create([Recommendation(item=item, number=1, text="at tolkebistand styrkes")])
    assert titles(search("tolkebistand", anonymous)) == []  # bulk_create sends no signal by itself
    bulk_changed.send(Recommendation, instances=recs)
    assert titles(search("tolkebistand", anonymous)) == ["Importeret punkt"]


def test_an_uploaded_attachment_is_found_by_its_text(structure, login, secretariat_user, client):
    item = make_item(make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED), title="Bilagspunkt")
    upload = SimpleUploadedFile("notat.txt", b"Notatet handler om lungesygdomme og KOL.", "text/plain")
    url = reverse("meetings:attachment_add", args=[item.pk])
    response = login(secretariat_user).post(url, {"file": upload, "title": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    hits = search("lungesygdom", secretariat_user).hits
    assert [(h.label, str(h.title)) for h in hits] == [("Bilag", "notat.txt")]
    assert "<mark>lungesygdomme</mark>" in hits[0].snippet


def test_an_attachment_with_a_cpr_number_is_not_indexed(structure, anonymous):
    item = make_item(published(structure.political), title="Bilagspunkt")
    make_attachment(item, title="Sagsakt", text="", contains_cpr=True)
    assert not SearchDocument.objects.filter(kind="attachment").exists()


def test_reindex_rebuilds_the_index_and_the_engine_objects(structure, anonymous):
    make_item(published(structure.political), title="Genoptræningsplaner")
    SearchDocument.objects.all().delete()
    assert titles(search("genoptræningsplan", anonymous)) == []
    call_command("search", "reindex", verbosity=0)
    assert schema.is_complete(connection)
    assert titles(search("genoptræningsplan", anonymous)) == ["Genoptræningsplaner"]


def test_the_number_of_queries_does_not_grow_with_the_hits(structure, secretariat_user):
    meeting = published(structure.political)
    make_item(meeting, title="Tandpleje 1")
    make_attachment(make_item(meeting, title="Andet punkt"), title="Tandpleje bilag", text="tandpleje")

    def count():
        with CaptureQueriesContext(connection) as queries:
            results = search("tandpleje", secretariat_user)
        return len(queries), len(results.hits)

    few = count()
    for n in range(15):
        make_item(meeting, title=f"Tandpleje {n + 2}", summary="om tandpleje", decision="Tandpleje godkendt.")
    many = count()
    assert few[1] == 2 and many[1] == PAGE_SIZE
    assert few[0] == many[0]


# --- bounded ranking (issue 16: common words in milliseconds) ------------------------------------

def test_a_documents_id_follows_its_date_and_undated_documents_come_after_every_dated_one():
    from klynge.search.models import FIRST_UNDATED_ID, document_id

    old, new = datetime.date(2017, 3, 1), datetime.date(2026, 1, 5)
    assert document_id("item", 10**6, old) < document_id("attachment", 1, new) < FIRST_UNDATED_ID
    assert document_id("body", 1, None) >= FIRST_UNDATED_ID
    assert document_id("item", 7, new) != document_id("decision", 7, new)
    with pytest.raises(ValueError):
        document_id("item", 2**40, new)


def test_a_common_word_ranks_the_newest_matches_the_user_may_see_and_says_so(
        structure, anonymous, monkeypatch, client):
    from klynge.search import engine

    monkeypatch.setattr(engine, "RANK_WINDOW", 3)
    for year in (2019, 2020, 2021, 2022, 2023):
        meeting = published(structure.political, date=datetime.date(year, 5, 1))
        make_item(meeting, title=f"Genoptræning {year}")
        make_item(meeting, title=f"Lukket genoptræning {year}", closed=True)
    results = search("genoptræning", anonymous)
    # The three newest open items (closed ones are not counted in the window), best rank first.
    assert sorted(titles(results)) == ["Genoptræning 2021", "Genoptræning 2022", "Genoptræning 2023"]
    assert results.windowed and not results.has_next
    # An older one is found by narrowing the period.
    older = search("genoptræning", anonymous, Filters(date_to=datetime.date(2019, 12, 31)))
    assert titles(older) == ["Genoptræning 2019"] and not older.windowed
    page = client.get(reverse("search"), {"q": "genoptræning"}).content.decode()
    assert "de 3 nyeste er sorteret efter relevans" in page


def test_a_rare_word_is_ranked_over_all_its_matches(structure, anonymous, monkeypatch):
    from klynge.search import engine

    monkeypatch.setattr(engine, "RANK_WINDOW", 3)
    meeting = published(structure.political)
    make_item(meeting, title="Hjertestop i kommunerne")
    make_item(meeting, title="Status", summary="Om hjertestop.")
    results = search("hjertestop", anonymous)
    assert titles(results) == ["Hjertestop i kommunerne", "Status"] and not results.windowed
