"""Issue 13, points 5-9 in a real browser at desktop (1280x900) and phone (390x844) sizes: no minutes
before the meeting or on a cancelled one; an accepted proposal placed as a numbered item before
Eventuelt with a time; correcting approved minutes; the review round with a mail and comments per
item; attendance as one form of the body's members. axe finds nothing (every impact) on each page;
screenshots go to test-artifacts/minutes-*.png."""

import datetime
import io
import re

import pytest
from django.utils import timezone

from klynge.meetings.choices import ItemKind, MeetingStatus
from klynge.meetings.models import AgendaItem, MinutesComment, MinutesRevision, Proposal
from klynge.outbox.models import OutgoingMail
from tests.conftest import PASSWORD
from tests.meetings.factories import make_item, make_meeting, make_recommendation

from .conftest import axe_violations, log_in, screenshot

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(SIZES))
def size(request, page):
    page.set_viewport_size(SIZES[request.param])
    return request.param


def _check(page, name, size):
    assert axe_violations(page) == [], name
    assert page.locator("footer").get_by_role("link", name="Tilgængelighedserklæring").count() == 1, name
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= SIZES[size]["width"] + 1, f"{name} scrolls sideways at {size}: {width}px"
    screenshot(page, f"minutes-{name}-{size}")


def _alert(page) -> str:
    return page.locator(".alert").first.inner_text()


def _pdf_text(content: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def _download(page, link_name) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name, exact=True).click()
    with open(info.value.path(), "rb") as handle:
        return handle.read()


def test_point5_no_minutes_or_minutes_files_while_only_the_agenda_is_published_nor_on_a_cancelled_meeting(
        page, size, structure, secretariat_user, member_user):
    meeting = make_meeting(structure.political, date=timezone.localdate() + datetime.timedelta(days=10),
                           status=MeetingStatus.AGENDA_PUBLISHED)
    make_item(meeting, title="Status på indsatser")
    log_in(page, "sekretariat-a", PASSWORD)
    page.goto(meeting.get_absolute_url())
    main = page.locator("main")
    assert main.get_by_role("heading", name="Dagsorden", exact=True).count() == 1
    assert main.get_by_role("link", name=re.compile("^Referat")).count() == 0
    assert main.get_by_role("link", name="Ret referat").count() == 0
    _check(page, "agenda-published", size)

    # Cancelled through the page: members are told by e-mail, and still no minutes.
    page.locator("details.klynge-cancel summary").click()
    page.get_by_label("Begrundelse (valgfri)").fill("Formanden er syg")
    page.locator("details.klynge-cancel").get_by_role("button", name="Aflys mødet").click()
    page.wait_for_load_state()
    assert "Mødet er aflyst" in main.inner_text()
    assert main.get_by_role("link", name=re.compile("^Referat")).count() == 0
    assert main.get_by_role("heading", name="Referat", exact=True).count() == 0
    cancelled = OutgoingMail.objects.filter(kind="meeting_cancelled", to=member_user.person.email).get()
    assert cancelled.subject.startswith("Aflyst:") and "Formanden er syg" in cancelled.text
    assert "/mit-overblik/e-mails/" in cancelled.text
    _check(page, "cancelled", size)


def test_point6_an_accepted_proposal_becomes_a_numbered_item_before_eventuelt_with_a_time(
        page, size, structure, secretariat_user):
    meeting = make_meeting(structure.political, date=timezone.localdate() + datetime.timedelta(days=30),
                           start=datetime.time(17, 0), end=datetime.time(20, 0))
    make_item(meeting, title="Velkomst", kind=ItemKind.WELCOME, duration_minutes=5)
    make_item(meeting, title="Status", duration_minutes=30)
    make_item(meeting, title="Pause", kind=ItemKind.BREAK, duration_minutes=10)
    make_item(meeting, title="Eventuelt", kind=ItemKind.ANY_OTHER_BUSINESS, duration_minutes=5)
    proposal = Proposal.objects.create(target_body=structure.political, title="Demensindsats", summary="Oplæg")
    log_in(page, "sekretariat-a", PASSWORD)
    page.goto(f"/forslag/{proposal.pk}/")
    page.get_by_label("Optag på dagsordenen til").select_option(index=1)
    _check(page, "proposal-decide", size)
    page.get_by_role("button", name="Optag på dagsordenen").click()
    page.wait_for_load_state()
    message = _alert(page)
    assert "Forslaget er optaget som punkt 3 på" in message and "kl. 17:45-18:00" in message, message
    assert "punkt 0" not in message.lower()
    assert page.url.endswith("#punkt-3")
    rows = [[c.strip() for c in row.locator("td").all_inner_texts()] for row in page.locator("#agenda-order tr").all()]
    assert [r[:2] for r in rows] == [["1", "Velkomst"], ["2", "Status"], ["", "Pause"], ["3", "Demensindsats"],
                                     ["4", "Eventuelt"]]
    assert rows[3][2] == "kl. 17:45-18:00"
    assert AgendaItem.objects.get(title="Demensindsats").number == 3
    _check(page, "proposal-accepted", size)

    # Breaks are named by their title in dropdowns, never "Punkt 0: Pause".
    page.goto(f"/moeder/{meeting.pk}/deltagere/")
    options = page.locator("main select option").all_inner_texts()
    assert "Pause" in options and not any(o.startswith("Punkt 0") for o in options), options


def test_point7_correcting_approved_minutes_shows_the_current_text_and_records_before_after_and_editor(
        page, size, structure, secretariat_user):
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(meeting, title="Budget", minutes="Der var enighed om budgettet.", decision="Godkendt.")
    rec = make_recommendation(item, "godkender budgettet", outcome="approved")
    log_in(page, "sekretariat-a", PASSWORD)
    page.goto(meeting.get_absolute_url())
    page.get_by_role("link", name="Ret referat").click()
    page.get_by_label("Punkt", exact=True).select_option(label=str(item))
    page.get_by_role("button", name="Vis punktet").click()
    page.wait_for_load_state()
    assert page.locator("#id_minutes").input_value() == "Der var enighed om budgettet."
    outcome = page.get_by_label("Udfald for indstilling 1")
    assert outcome.locator("option:checked").inner_text() == "Godkendt"
    outcome.select_option(label="Ikke godkendt")
    page.get_by_label("Begrundelse for rettelsen").fill("Udfaldet var forkert gengivet")
    _check(page, "revise", size)
    page.get_by_role("button", name="Gem rettelse").click()
    page.wait_for_load_state()
    assert "Rettelsen af punkt 1 er gemt" in _alert(page)
    rettelser = page.locator("section[aria-labelledby=rettelser]").inner_text()
    assert "Udfaldet var forkert gengivet" in rettelser and "udfald for indstilling 1" in rettelser
    rec.refresh_from_db()
    assert rec.outcome == "not_approved"
    revision = MinutesRevision.objects.get(meeting=meeting)
    assert revision.made_by == secretariat_user
    assert revision.changes[0]["before"] == "approved" and revision.changes[0]["after"] == "not_approved"
    _check(page, "revised", size)
    pages = _pdf_text(_download(page, "Referat (PDF)"))
    assert any("Rettet " in p and "Udfaldet var forkert gengivet" in p for p in pages)


def test_point8_the_review_round_mails_members_who_comment_per_item_and_the_draft_says_udkast(
        page, size, structure, secretariat_user, member_user, browser, live_server):
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_DRAFT)
    make_item(meeting, title="Budget", minutes="Udkast til referat om budgettet.")
    make_item(meeting, title="Demens", minutes="Udkast til referat om demens.")
    log_in(page, "sekretariat-a", PASSWORD)
    page.goto(meeting.get_absolute_url())
    page.get_by_role("button", name="Send referatet til kommentering").click()
    page.wait_for_load_state()
    assert "Mødets status er nu" in _alert(page)
    review = OutgoingMail.objects.get(kind="minutes_review", to=member_user.person.email)
    assert f"/moeder/{meeting.pk}/" in review.text and "Udkast til referat" not in review.text
    assert "/mit-overblik/e-mails/" in review.text  # where to change one's notification settings

    context = browser.new_context(base_url=live_server.url, locale="da-DK", viewport=SIZES[size])
    context.set_default_timeout(20_000)
    member = context.new_page()
    try:
        log_in(member, "medlem-a", PASSWORD)
        member.goto(meeting.get_absolute_url())
        member.get_by_label("Kommentar til referatet af punkt 2").fill("Husk kommunernes andel.")
        _check(member, "review-member", size)
        member.get_by_role("button", name="Send kommentar til punkt 2").click()
        member.wait_for_load_state()
        assert "Din kommentar til punkt 2 er sendt til sekretariatet" in _alert(member)
        pages = _pdf_text(_download(member, "Referat (PDF)"))
        assert pages and all("UDKAST" in p for p in pages)
    finally:
        context.close()
    assert MinutesComment.objects.get().item.title == "Demens"

    page.reload()
    comments = page.locator("#punkt-2").inner_text()
    assert "Husk kommunernes andel." in comments and "Medlem A" in comments
    assert "Husk kommunernes andel." not in page.locator("#punkt-1").inner_text()
    _check(page, "review-secretariat", size)


def test_point9_attendance_is_one_form_of_the_members_with_party_substitute_and_guests_by_name(
        page, size, structure, secretariat_user, member_user):
    meeting = make_meeting(structure.political, status=MeetingStatus.HELD)
    person = member_user.person
    log_in(page, "sekretariat-a", PASSWORD)
    page.goto(f"/moeder/{meeting.pk}/deltagere/")
    group = page.get_by_role("group", name=f"{person.name} (Testby Kommune)")
    _check(page, "attendance-form", size)
    group.get_by_label("Afbud, stedfortræder deltog").check()
    page.get_by_role("button", name="Gem deltagelse").click()
    page.wait_for_load_state()
    assert f"Skriv navnet på stedfortræderen for {person.name}" in page.locator("main").inner_text()
    _check(page, "attendance-error", size)
    group = page.get_by_role("group", name=f"{person.name} (Testby Kommune)")
    group.get_by_label(f"Stedfortræder for {person.name}").fill("Sofie Stedfortræder")
    page.get_by_label("Gæster").fill("Mette Gæst, Region Testland")
    page.get_by_role("button", name="Gem deltagelse").click()
    page.wait_for_load_state()
    table = page.locator("main table").inner_text()
    assert "Sofie Stedfortræder" in table and f"Deltog på vegne af {person.name}" in table
    assert "Mette Gæst" in table and "Afbud" in table
    rows = {a.person.name: a.status for a in meeting.attendance.select_related("person")}
    assert rows == {person.name: "apologies", "Sofie Stedfortræder": "substitute", "Mette Gæst": "guest"}
    _check(page, "attendance-saved", size)
