"""Browser journey (issue 11, point 11): the follow-up group's secretariat creates a round with three
questions and sends it; two contact persons answer through their links without an account (the
second after the deadline, refused in Danish); the cluster secretariat writes and submits the
consolidated answer and puts a written briefing on the next meeting; the owning body exports the
answers (Excel, Word); a status report is generated and its PDF pages rendered to PNG.

Axe runs on every page visited. Time is never simulated with sleeps: the deadline is moved into the
past through the ORM.
"""

import datetime
import io
import re
import subprocess

import pdfplumber
import pytest
from django.core import mail
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect

from klynge.agreements.models import Answer, FollowUpRound, Recipient
from klynge.core import formats
from klynge.meetings.models import AgendaItem
from klynge.organisation.choices import Role
from klynge.organisation.models import Body, BodyKind, Membership, Person
from tests.agreements.factories import make_agreement, make_framework, make_goal, scope
from tests.browser.conftest import ARTIFACTS, axe_violations, log_in, screenshot
from tests.conftest import PASSWORD, make_persona
from tests.meetings.factories import make_meeting

DAY = datetime.timedelta(days=1)
TEXT_ANSWER = "Rygestophold kører i alle distrikter."
CONSOLIDATED = ["Ja, i hele klyngen.", "Holdene er fuldt booket; ventetid under fire uger.", "4"]
FOREWORD = "Forord til statusrapporten om opfølgningen på rygestop."


@pytest.fixture
def world(structure):
    s = structure
    kind = BodyKind.objects.get_or_create(name="Regionalt samarbejdsudvalg")[0]
    region_body = Body.objects.create(name="Sundhedssamarbejdet i Region Testland", slug="sundhedssamarbejdet",
                                      kind=kind, region=s.region, active_from=datetime.date(2019, 1, 1))
    group = Body.objects.create(name="Følgegruppe for forebyggelse", slug="foelgegruppe-forebyggelse",
                                kind=BodyKind.objects.get_or_create(name="Følgegruppe")[0], parent=region_body,
                                region=s.region, active_from=datetime.date(2019, 1, 1))
    owner = make_persona("sekretariat-foelgegruppe", group, Role.SECRETARIAT, s.region)
    # the same regional secretariat serves the body above, which owns the health agreement
    Membership.objects.create(person=Person.objects.get(user=owner), body=region_body, role=Role.SECRETARIAT,
                              organisation=s.region, start=datetime.date(2022, 7, 1))
    make_persona("sekretariat-klynge-a", s.cluster, Role.SECRETARIAT, s.municipality)
    framework = make_framework(region_body)
    make_goal(framework, title="75 % af de ældre over 65 år vaccineres")
    agreement = make_agreement(group, framework, title="Samarbejdsaftale om rygestop")
    scope(agreement, s.cluster, [s.municipality, s.hospital])
    meeting = make_meeting(s.political, date=timezone.localdate() + 14 * DAY)
    return {"agreement": agreement, "framework": framework, "meeting": meeting, "group": group}


def check(page, name):
    """Every page visited: no axe findings, and a screenshot under test-artifacts/ to look at."""
    page.wait_for_load_state()
    violations = axe_violations(page)
    assert violations == [], (page.url, violations)
    screenshot(page, f"agreements-journey-{name}")


def _new_page(browser, live_server, width=1280, height=900):
    context = browser.new_context(base_url=live_server.url, locale="da-DK", viewport={"width": width, "height": height})
    context.set_default_timeout(20_000)
    return context, context.new_page()


def _token(email):
    found = [m for m in mail.outbox if m.to == [email]]
    assert found, f"no invitation to {email}: {[m.to for m in mail.outbox]}"
    return re.search(r"/aftaler/svar/([^/\s]+)/", found[-1].body).group(1)


def test_follow_up_round_from_questionnaire_to_status_report(page, browser, live_server, world, structure, tmp_path):
    s = structure
    agreement, meeting = world["agreement"], world["meeting"]

    # 1. The follow-up group's secretariat creates the round with three questions and sends it.
    log_in(page, "sekretariat-foelgegruppe", PASSWORD)
    page.goto(agreement.get_absolute_url())
    check(page, "01-agreement")
    page.get_by_role("link", name="Ny opfølgningsrunde").click()
    check(page, "02-round-form")
    page.locator("#id_deadline").fill((timezone.localdate() + 10 * DAY).isoformat())
    page.locator("#id_intro").fill("Svar venligst for jeres organisation.")
    page.get_by_role("button", name="Opret runde").click()
    expect(page.get_by_text("Runden er oprettet.")).to_be_visible()
    round_url = page.url
    for text, kind in [("Tilbyder I rygestop til alle borgere?", "yes_no"),
                       ("Beskriv status for rygestopindsatsen.", "text"),
                       ("Hvor godt fungerer samarbejdet (1-5)?", "scale")]:
        page.get_by_role("link", name="Tilføj spørgsmål").click()
        page.locator("#id_text").fill(text)
        page.locator("#id_kind").select_option(kind)
        page.get_by_role("button", name="Tilføj spørgsmål").click()
        expect(page.get_by_text(text)).to_be_visible()
    check(page, "03-round-draft")
    page.get_by_role("button", name="Send til kontaktpersonerne").click()
    expect(page.get_by_text("Spørgeskemaet er sendt til 2 kontaktpersoner.")).to_be_visible()
    check(page, "04-round-sent")
    round_ = FollowUpRound.objects.get(agreement=agreement)
    questions = list(round_.questions.order_by("position"))
    assert [q.kind for q in questions] == ["yes_no", "text", "scale"]

    municipality_email = f"kontakt-{s.municipality.pk}-{s.cluster.pk}@example.invalid"
    hospital_email = f"kontakt-{s.hospital.pk}-{s.cluster.pk}@example.invalid"
    municipality_token, hospital_token = _token(municipality_email), _token(hospital_email)

    # 2. The municipality's contact person answers through the link, without an account.
    context, contact = _new_page(browser, live_server)
    contact.goto(f"/aftaler/svar/{municipality_token}/")
    check(contact, "05-answer-form")
    contact.get_by_label("Ja", exact=True).check()
    contact.get_by_label("2. Beskriv status for rygestopindsatsen.").fill(TEXT_ANSWER)
    contact.get_by_label("3. Hvor godt fungerer samarbejdet (1-5)?").fill("4")
    contact.get_by_role("button", name="Gem svar").click()
    expect(contact.get_by_text("Tak! Dine svar er gemt.")).to_be_visible()
    check(contact, "06-answer-saved")
    # the same page on a phone: no sideways scrolling
    contact.set_viewport_size({"width": 390, "height": 844})
    contact.reload()
    widths = contact.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
    check(contact, "07-answer-phone")
    context.close()
    assert Recipient.objects.get(email=municipality_email).answered_at is not None

    # 3. The deadline passes (moved into the past through the ORM); the hospital's contact is refused.
    FollowUpRound.objects.filter(pk=round_.pk).update(deadline=timezone.localdate() - DAY)
    context, late = _new_page(browser, live_server)
    late.goto(f"/aftaler/svar/{hospital_token}/")
    expect(late.get_by_text("Svar kan ikke længere gemmes")).to_be_visible()
    expect(late.get_by_text("Svarfristen udløb")).to_be_visible()
    assert late.get_by_role("button", name="Gem svar").count() == 0
    assert "Du kan rette dine svar" not in late.content(), "no promise of edits after the deadline"
    check(late, "08-answer-late")
    csrf = late.locator("input[name=csrfmiddlewaretoken]").input_value()
    refused = late.request.post(f"/aftaler/svar/{hospital_token}/", form={
        "csrfmiddlewaretoken": csrf, f"q{questions[0].pk}": "nej", f"q{questions[1].pk}": "For sent"})
    assert refused.status == 400 and "Svarfristen udløb" in refused.text()
    context.close()
    assert not Answer.objects.filter(recipient__email=hospital_email).exists()

    # 4. The cluster secretariat writes and submits the consolidated answer, and briefs the next meeting.
    context, cluster = _new_page(browser, live_server)
    log_in(cluster, "sekretariat-klynge-a", PASSWORD)
    cluster.goto(round_url)
    check(cluster, "09-round-cluster")
    cluster.get_by_role("link", name="Klynge A", exact=True).click()
    expect(cluster.get_by_role("cell", name=TEXT_ANSWER)).to_be_visible()
    check(cluster, "10-consolidated-form")
    for q, text in zip(questions, CONSOLIDATED, strict=True):
        cluster.get_by_label(f"Klyngens samlede svar på spørgsmål {q.position}").fill(text)
    cluster.get_by_role("button", name="Gem udkast").click()
    expect(cluster.get_by_text("Klyngens samlede svar er gemt som udkast.")).to_be_visible()
    cluster.get_by_role("button", name="Indsend klyngens samlede svar").click()
    expect(cluster.get_by_text("samlede svar er indsendt til Følgegruppe for forebyggelse")).to_be_visible()
    check(cluster, "11-consolidated-submitted")
    cluster.goto(round_url)
    cluster.get_by_role("link", name="Tilføj som skriftlig orientering til et kommende møde").click()
    check(cluster, "12-briefing-form")
    cluster.locator("#id_meeting").select_option(label=f"{s.political} – {formats.date(meeting.date)}")
    expect(cluster.locator("#id_title")).to_have_value("Opfølgning på Samarbejdsaftale om rygestop")
    cluster.get_by_role("button", name="Sæt på dagsordenen").click()
    title = "Skriftlig orientering: Opfølgning på Samarbejdsaftale om rygestop"
    expect(cluster.get_by_role("heading", name=title)).to_be_visible()
    check(cluster, "13-briefing-item")
    context.close()
    item = AgendaItem.objects.get(meeting=meeting)
    assert item.title == title and "Klynge A indsendte sit samlede svar" in item.description
    assert agreement.treated_in.filter(pk=item.pk).exists()

    # 5. The owning body reads the answers side by side and exports them.
    page.goto(round_url)
    check(page, "14-round-owner")
    page.get_by_role("link", name="Samlede svar side om side").click()
    expect(page.get_by_text(CONSOLIDATED[1])).to_be_visible()
    check(page, "15-side-by-side")
    page.goto(round_url)
    with page.expect_download() as info:
        page.get_by_role("link", name="Hent som Excel").click()
    workbook = load_workbook(io.BytesIO(open(info.value.path(), "rb").read()))
    cells = {str(c.value) for ws in workbook.worksheets for row in ws.iter_rows() for c in row if c.value is not None}
    for text in CONSOLIDATED[:2] + [TEXT_ANSWER]:
        assert any(text in cell for cell in cells), (text, cells)
    with page.expect_download() as info:
        page.get_by_role("link", name="Hent som Word").click()
    document = Document(info.value.path())
    words = "\n".join([p.text for p in document.paragraphs]
                      + [c.text for t in document.tables for r in t.rows for c in r.cells])
    for text in CONSOLIDATED[:2]:
        assert text in words, (text, words[:2000])
    assert "Klynge A" in words

    # 6. A status report on the framework agreement: generated, its PDF pages rendered and kept.
    page.goto(world["framework"].get_absolute_url())
    check(page, "16-framework")
    page.get_by_role("link", name="Ny statusrapport").click()
    check(page, "17-report-form")
    page.locator("#id_as_of").fill(timezone.localdate().isoformat())
    page.locator("#id_period_label").fill(f"{formats.date(timezone.localdate())}")
    page.locator("#id_foreword").fill(FOREWORD)
    page.locator("#id_publish").check()
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Statusrapporten er gemt.")).to_be_visible()
    expect(page.get_by_text(FOREWORD)).to_be_visible()
    check(page, "18-report")
    pdf_url = page.get_by_role("link", name="Hent som PDF").get_attribute("href")
    response = page.request.get(pdf_url)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / "agreements-journey-report.pdf"
    pdf.write_bytes(response.body())
    for old in ARTIFACTS.glob("agreements-journey-report-page*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(ARTIFACTS / "agreements-journey-report-page")],
                   check=True, timeout=120)
    pages = sorted(ARTIFACTS.glob("agreements-journey-report-page*.png"))
    assert pages, "pdftoppm rendered no page"
    with pdfplumber.open(pdf) as opened:
        text = "\n".join(p.extract_text() or "" for p in opened.pages)
    assert "Samarbejdsaftale om rygestop" in text and "Forord til statusrapporten" in text
    assert "75 % af de ældre over 65 år vaccineres" in text
