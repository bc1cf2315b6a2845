"""The audience-filtered document behind every Word file, PDF and e-mail."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from klynge.meetings.choices import ItemKind, MeetingStatus
from klynge.meetings.publishing.document import build_agenda, build_minutes, danish_date
from klynge.meetings.publishing.richtext import to_blocks, to_plain

from .factories import (
    CLOSED_SECRETS,
    CLOSED_TITLE,
    make_attachment,
    make_corpus_meeting,
    make_item,
    make_meeting,
    make_person,
    make_recommendation,
)

pytestmark = pytest.mark.django_db


def _text_of(document) -> str:
    """Every string reachable in the document, flattened (to look for leaks)."""
    return repr(document)


def test_danish_dates_are_written_out():
    assert danish_date(datetime.date(2022, 12, 7)) == "7. december 2022"
    assert danish_date(datetime.date(2023, 6, 7), weekday=True) == "onsdag 7. juni 2023"


def test_agenda_items_carry_numbers_presenters_and_time_slots(structure):
    meeting = make_corpus_meeting(structure.political, start=datetime.time(17, 0), end=datetime.time(20, 0))
    doc = build_agenda(meeting, None)
    headings = [item.heading for item in doc.items]
    assert headings[0] == "Punkt 1: Velkomst v. Mette Heidemann (kl. 17:00-17:05)"
    assert headings[1] == "Punkt 2: Drøftelse af patient- og pårørendeinddragelse v. Mette Heidemann (kl. 17:05-17:25)"
    assert headings[4] == "Pause (kl. 18:45-18:55)"  # a break takes a place but no number
    assert headings[5].startswith("Punkt 5: Beslutning om implementeringsstruktur")
    assert headings[7] == "Punkt 7: Skriftlig orientering: Mødekalender 2023"
    assert doc.weekday_date == "Onsdag 7. december 2022"
    assert doc.time_label == "kl. 17:00-20:00"
    assert [i.number for i in doc.later_items] == [7, 8]


def test_recommendations_are_introduced_the_danish_way(structure):
    meeting = make_meeting(structure.political, status=MeetingStatus.AGENDA_PUBLISHED)
    plain = make_item(meeting, title="Plain")
    make_recommendation(plain, "godkender planen")
    with_at = make_item(meeting, title="With at")
    make_recommendation(with_at, "at orienteringen tages til efterretning")
    doc = build_agenda(meeting, None)
    assert doc.items[0].recommendation_intro == f"Det indstilles, at {structure.political.name}:"
    assert doc.items[1].recommendation_intro == "Det indstilles,"


def test_closed_item_is_only_a_numbered_stub_for_the_public(structure, other_cluster_user):
    meeting = make_corpus_meeting(structure.political)
    for user in (None, other_cluster_user):
        doc = build_minutes(meeting, user)
        closed = doc.items[3]
        assert (closed.number, closed.title, closed.redacted) == (4, "Lukket punkt", True)
        assert closed.heading == "Punkt 4: Lukket punkt"
        assert not doc.includes_closed and doc.public
        flat = _text_of(doc)
        for secret in CLOSED_SECRETS:
            assert secret not in flat, secret


def test_closed_item_is_whole_for_members_and_marks_the_document(structure, member_user, secretariat_user):
    meeting = make_corpus_meeting(structure.political)
    for user in (member_user, secretariat_user):
        doc = build_minutes(meeting, user)
        closed = doc.items[3]
        assert closed.title == CLOSED_TITLE and closed.closed and not closed.redacted
        assert closed.attachments == ["Lejekontrakt udkast.pdf"]
        assert "Bodil Fortrolig" in closed.guests
        assert doc.includes_closed


def test_public_variant_hides_closed_content_even_from_members(structure, member_user):
    meeting = make_corpus_meeting(structure.political)
    doc = build_agenda(meeting, member_user, public=True)
    assert doc.items[3].redacted
    assert CLOSED_TITLE not in _text_of(doc)


def test_minutes_carry_outcomes_tasks_and_attendance(structure, member_user):
    meeting = make_corpus_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    doc = build_minutes(meeting, member_user)
    theme = doc.items[2]
    assert [(r.number, r.outcome) for r in theme.recommendations] == [
        (1, "Taget til efterretning"), (2, "Godkendt"), (3, "Udsat")]
    assert theme.tasks[0].owner == "Sekretariatet" and theme.tasks[0].due == "21. februar 2023"
    groups = {g.label: g.lines for g in doc.attendance}
    assert groups["Afbud"] == ["Søren Ølgaard"]
    assert groups["Stedfortrædere"] == ["Birgitte Aagaard (deltog på vegne af Søren Ølgaard)"]
    assert "Alice Skaarup Jepsen (punkt 3)" in groups["Gæster"]
    # The agenda itself carries no decisions.
    agenda = build_agenda(meeting, member_user)
    assert all(not r.outcome for item in agenda.items for r in item.recommendations)


def _big_meeting(body, n):
    meeting = make_meeting(body, status=MeetingStatus.AGENDA_PUBLISHED, end=datetime.time(23, 59))
    person = make_person("Oplægsholder")
    for i in range(n):
        item = make_item(meeting, title=f"Punkt {i}", presenters=[person], closed=(i % 7 == 3),
                         kind=ItemKind.WRITTEN_BRIEFING if i >= n - 2 else ItemKind.DECISION, duration_minutes=5)
        make_recommendation(item, "godkender")
        make_attachment(item, f"Bilag {i}a.pdf")
        make_attachment(item, f"Bilag {i}b.pdf")
    return meeting


@pytest.mark.parametrize("builder", [build_agenda, build_minutes])
def test_building_a_30_item_document_takes_as_few_queries_as_a_3_item_one(
        structure, member_user, builder, django_assert_max_num_queries):
    small = _big_meeting(structure.political, 3)
    big = _big_meeting(structure.political, 30)
    with CaptureQueriesContext(connection) as few:
        builder(small, member_user)
    with django_assert_max_num_queries(12):
        doc = builder(big, member_user)
    with CaptureQueriesContext(connection) as many:
        builder(big, member_user)
    assert len(doc.items) == 30
    assert len(many) == len(few), (len(many), len(few))
    assert len(few) <= 12, [q["sql"][:80] for q in few.captured_queries]


def test_rich_text_becomes_blocks_and_plain_text_keeps_its_lines():
    blocks = to_blocks("<h4>Baggrund</h4><p>Et <strong>fedt</strong> ord.</p><ol><li>en</li><li>to</li></ol>"
                       "<table><tr><td>Part</td><td>Beløb</td></tr><tr><td>Region</td><td>10</td></tr></table>")
    assert [(b.kind, b.text or b.rows) for b in blocks] == [
        ("h", "Baggrund"), ("p", "Et fedt ord."), ("li", "en"), ("li", "to"),
        ("table", [["Part", "Beløb"], ["Region", "10"]])]
    assert [r.bold for r in blocks[1].runs] == [False, True, False]
    assert [b.marker for b in blocks[2:4]] == ["1.", "2."]
    assert to_plain("Første linje\n- punkt\n\nAnden afsnit") == "Første linje\n• punkt\nAnden afsnit"
