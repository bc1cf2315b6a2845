"""Issue 13, points 14-17 in a real browser at desktop (1280x800) and phone (390x844) sizes: a member's
overview, apologies with a substitute, the personal calendar address, the members' packet; the
secretariat sees the apologies and creates and invites a person; a forgotten password is reset from
the e-mail. axe must find nothing at all (every impact) on each page reached; screenshots go to
test-artifacts/portal-*.png."""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone
from fpdf import FPDF

from klynge.meetings.choices import MeetingStatus
from klynge.meetings.models import Attachment, Attendance
from klynge.organisation.models import Affiliation, Person
from tests.conftest import PASSWORD
from tests.meetings.factories import make_item, make_meeting, make_person

from .conftest import ARTIFACTS, axe_violations, log_in, screenshot

ALL_IMPACTS = ("minor", "moderate", "serious", "critical")
SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def _pdf(text):
    pdf = FPDF()
    pdf.set_font("helvetica", size=16)
    pdf.add_page()
    pdf.cell(0, 10, text)
    return bytes(pdf.output())


@pytest.fixture
def world(structure, member_user, secretariat_user, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    meeting = make_meeting(structure.political, date=timezone.localdate() + datetime.timedelta(days=14),
                           status=MeetingStatus.AGENDA_PUBLISHED)
    item = make_item(meeting, title="Fælles indsats for genoptræning")
    attachment = Attachment(item=item, title="Notat om genoptræning")
    attachment.file.save("notat.pdf", ContentFile(_pdf("Notat om genoptraening")), save=True)
    closed = make_item(meeting, title="Lukket sag om en aftale", closed=True)
    secret = Attachment(item=closed, title="Fortroligt bilag")
    secret.file.save("fortroligt.pdf", ContentFile(_pdf("Fortroligt bilag")), save=True)
    deputy = make_person("Dorthe Stedfortræder")
    Affiliation.objects.create(person=deputy, organisation=structure.municipality)
    member_user.email = "medlem-a@example.invalid"
    member_user.save()
    return meeting


def _check(page, name, size, sideways=True):
    problems = axe_violations(page, impacts=ALL_IMPACTS)
    assert problems == [], f"{name}: {problems}"
    width = page.evaluate("document.documentElement.scrollWidth")
    if sideways:
        assert width <= SIZES[size]["width"] + 1, f"{name} scrolls sideways at {size}: {width}px"
    screenshot(page, f"portal-{name}-{size}")


@pytest.mark.parametrize("size", list(SIZES))
def test_a_member_uses_the_overview_sends_apologies_and_gets_the_packet_and_calendar(page, world, size):
    page.set_viewport_size(SIZES[size])
    log_in(page, "medlem-a", PASSWORD)
    page.goto("/mit-overblik/")
    page.get_by_role("heading", name="Mit overblik").wait_for()
    assert page.get_by_text("Notat om genoptræning").count() == 1
    _check(page, "overblik", size)

    page.get_by_role("link", name=re.compile("^Meld afbud")).first.click()
    page.get_by_label("Stedfortræder").select_option(label="Dorthe Stedfortræder")
    _check(page, "afbud", size)
    page.get_by_role("button", name="Send afbud").click()
    page.get_by_text("Dit afbud er sendt til sekretariatet. Dorthe Stedfortræder deltager på dine vegne.").wait_for()
    assert Attendance.objects.filter(meeting=world, status="apologies", person__name="Medlem A").exists()
    assert Attendance.objects.filter(meeting=world, status="substitute", person__name="Dorthe Stedfortræder",
                                     on_behalf_of__name="Medlem A").exists()

    page.goto("/mit-overblik/")
    page.get_by_role("button", name="Opret min kalenderadresse").click()
    address = page.get_by_label("Din kalenderadresse").input_value()
    assert re.search(r"/kalender/mit/\d+\.[0-9a-f]{64}\.ics$", address)  # id and key; the key is never stored
    feed = page.request.get(address)
    assert feed.ok and "Lukket sag om en aftale" in feed.text().replace("\r\n ", "")

    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^Medlemspakke")).first.click()
    target = ARTIFACTS / f"portal-medlemspakke-{size}.pdf"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    download.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")
    _check(page, "overblik-med-kalender", size)


@pytest.mark.parametrize("size", list(SIZES))
def test_the_secretariat_sees_apologies_and_creates_and_invites_a_person(page, world, size, member_user):
    Attendance.objects.create(meeting=world, person=member_user.person, status="apologies")
    page.set_viewport_size(SIZES[size])
    log_in(page, "sekretariat-a", PASSWORD)
    page.goto(f"/moeder/{world.pk}/deltagere/")
    page.get_by_text("Medlem A").first.wait_for()
    # The attendance page is rebuilt for defect 9 (one form for all members) in a parallel branch, which
    # also owns its phone layout (defect 1); here it is checked with axe only.
    _check(page, "deltagere-med-afbud", size, sideways=False)

    page.goto("/organer/klynge-a-politisk/")
    page.get_by_role("link", name="Opret ny person").click()
    page.get_by_label("Navn").fill("Nina Nyvalgt")
    page.get_by_role("textbox", name=re.compile("^E-mail")).fill("nina@example.invalid")
    page.get_by_label("Repræsenterer").select_option(label="Testby Kommune")
    page.get_by_label(re.compile("^Invitér som bruger")).check()
    _check(page, "opret-person", size)
    page.get_by_role("button", name="Opret person").click()
    page.get_by_text("En invitation er sendt til nina@example.invalid.").wait_for()
    assert Person.objects.get(name="Nina Nyvalgt").user is not None
    assert any(m.to == ["nina@example.invalid"] for m in mail.outbox)

    page.goto("/mit-overblik/")
    page.get_by_text("Du er sekretariat").first.wait_for()
    _check(page, "overblik-sekretariat", size)


@pytest.mark.parametrize("size", list(SIZES))
def test_a_forgotten_password_is_reset_from_the_mail_and_works(page, world, size, live_server):
    page.set_viewport_size(SIZES[size])
    page.goto("/log-ind/")
    page.get_by_role("link", name="Glemt adgangskode?").click()
    _check(page, "glemt-adgangskode", size)
    page.get_by_label("E-mail").fill("medlem-a@example.invalid")
    page.get_by_role("button", name="Send link").click()
    page.get_by_role("heading", name="Tjek din e-mail").wait_for()
    link = re.search(r"/ny-adgangskode/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("heading", name="Vælg ny adgangskode").wait_for()
    _check(page, "ny-adgangskode", size)
    page.get_by_label("Ny adgangskode", exact=True).fill("Grøn-Kaffe-2026!")
    page.get_by_label("Bekræftelse af ny adgangskode").fill("Grøn-Kaffe-2026!")
    page.get_by_role("button", name="Gem adgangskode").click()
    page.get_by_role("heading", name="Adgangskoden er gemt").wait_for()
    log_in(page, "medlem-a", "Grøn-Kaffe-2026!")
    page.goto("/mit-overblik/")
    page.get_by_role("heading", name="Mit overblik").wait_for()

    page.goto("/skift-adgangskode/")
    _check(page, "skift-adgangskode", size)
    page.goto("/mit-overblik/e-mails/")
    _check(page, "mine-emails", size)
    page.goto("/tilgaengelighed/")
    _check(page, "tilgaengelighed", size)
