"""The involvement journey in a real browser (issue 14, point 11).

A cluster's secretariat sees its political level's involvement obligations for the electoral term, one
of them missed; schedules the joint meeting with the Patientinddragelsesudvalg from that page; runs a
written procedure that the members answer; and the outcome appears on the next agenda (the joint
meeting's). At desktop and phone size, with axe and screenshots.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from klynge.involvement.choices import Cadence, GroupKind, Part
from klynge.involvement.models import CitizenGroup, Obligation
from klynge.meetings.choices import MeetingStatus, PlaceKind
from klynge.meetings.models import AgendaItem, Meeting
from klynge.organisation.choices import OrganisationKind, Role
from klynge.organisation.models import Body, BodyKind, BodyLevel, ElectoralTerm, Membership, Organisation, Person
from klynge.organisation.models.terms import TermKind

from .conftest import axe_violations, log_in, screenshot

PASSWORD = "rejse-adgangskode-1"
DAY = datetime.timedelta(days=1)
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _user(username, person_name, body, role):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    person = Person.objects.create(name=person_name, user=user, email=f"{username}@example.invalid")
    Membership.objects.create(person=person, body=body, role=role, start=datetime.date(2022, 1, 1))
    return user


def _world():
    today = timezone.localdate()
    region = Organisation.objects.create(name="Region Midtjylland", kind=OrganisationKind.REGION)
    cluster_kind = BodyKind.objects.create(name="Sundhedsklynge", groups_bodies=True)
    cluster = Body.objects.create(name="Randersklyngen", slug="randersklyngen", kind=cluster_kind, region=region,
                                  active_from=datetime.date(2022, 7, 1))
    political = Body.objects.create(
        name="Randersklyngen – Politisk niveau", slug="randersklyngen-politisk-niveau", parent=cluster,
        kind=BodyKind.objects.create(name="Politisk niveau"), level=BodyLevel.objects.create(name="Politisk"),
        active_from=datetime.date(2022, 7, 1))
    committee = Body.objects.create(name="Patientinddragelsesudvalget", slug="patientinddragelsesudvalget",
                                    kind=BodyKind.objects.create(name="Regionalt udvalg"), region=region,
                                    active_from=datetime.date(2022, 7, 1))
    group = CitizenGroup.objects.create(name="Patientinddragelsesudvalget", kind=GroupKind.PATIENT_COMMITTEE,
                                        body=committee, region=region)
    ElectoralTerm.objects.create(name="Valgperioden nu", kind=TermKind.REGIONAL, start=today - 300 * DAY,
                                 end=today + 1000 * DAY)
    for part, cadence, title in [
        (Part.JOINT_MEETING, Cadence.PER_TERM,
         "Fællesmøde mellem klyngernes politiske niveau og Patientinddragelsesudvalget"),
        (Part.STATUS_BRIEFING, Cadence.EVERY_MEETING, "Løbende orientering om status på patientinddragelse"),
    ]:
        Obligation.objects.create(body=political, group=group, part=part, cadence=cadence, title=title,
                                  valid_from=today - 300 * DAY,
                                  source_text="Den fælles model for patientinddragelse (godkendt 6. oktober 2023)")
    held = Meeting.objects.create(body=political, title="Randersklyngen", date=today - 40 * DAY,
                                  start=datetime.time(14), end=datetime.time(16), place_kind=PlaceKind.VIRTUAL,
                                  address="Virtuelt møde", status=MeetingStatus.MINUTES_PUBLISHED,
                                  agenda_published_at=timezone.now() - 50 * DAY)
    AgendaItem.objects.create(meeting=held, position=0, number=1, title="Mødeplan", kind="orientation")
    _user("sekretariat", "Stinna Andreasen", cluster, Role.SECRETARIAT)
    _user("torben", "Torben Hansen", political, Role.CO_CHAIR)
    _user("anders", "Anders Kühnau", political, Role.CO_CHAIR)
    return political, committee


def _no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_secretariat_schedules_the_joint_meeting_and_a_written_procedure_reaches_the_next_agenda(page):
    political, committee = _world()
    today = timezone.localdate()

    # 1. The obligations for the term: one missed (no status briefing at the last political meeting).
    log_in(page, "sekretariat", PASSWORD)
    page.goto(f"/organer/{political.slug}/inddragelse/")
    main = page.locator("main")
    assert "1 forpligtelse er ikke opfyldt i Valgperioden nu" in main.inner_text()
    assert main.get_by_text("Ikke opfyldt", exact=True).count() == 1
    assert main.get_by_text("Skal opfyldes", exact=True).count() == 1
    assert axe_violations(page) == []
    screenshot(page, "involvement-obligations-desktop")
    page.set_viewport_size(PHONE)
    assert _no_sideways_scroll(page)
    assert axe_violations(page) == []
    screenshot(page, "involvement-obligations-phone")
    page.set_viewport_size(DESKTOP)

    # 2. Schedule the joint meeting from the page: the co-host and the title come filled in.
    page.get_by_role("link", name="Planlæg fællesmøde med Patientinddragelsesudvalget").click()
    page.wait_for_url(f"**/organer/{political.slug}/moeder/ny/**")
    assert page.get_by_label("Titel").input_value() == "Fællesmøde med Patientinddragelsesudvalget"
    selected = page.locator("#id_co_hosts option:checked").all_inner_texts()
    assert selected == ["Patientinddragelsesudvalget"]
    assert axe_violations(page) == []
    meeting_day = today + 21 * DAY
    page.get_by_label("Dato").fill(meeting_day.isoformat())
    page.get_by_label("Start").fill("15:00")
    page.get_by_label("Slut").fill("17:00")
    page.get_by_label("Mødested").fill("Regionshuset Viborg")
    page.get_by_role("button", name="Opret møde").click()
    page.wait_for_url("**/moeder/*/")
    assert "Fællesmøde: Randersklyngen – Politisk niveau og Patientinddragelsesudvalget" in page.locator(
        "main").inner_text()
    joint = Meeting.objects.get(title="Fællesmøde med Patientinddragelsesudvalget")
    assert list(joint.co_hosts.all()) == [committee]
    page.goto(f"/organer/{committee.slug}/moeder/")
    assert "Fællesmøde: Randersklyngen – Politisk niveau og Patientinddragelsesudvalget" in page.locator(
        "main").inner_text()
    page.goto(f"/organer/{political.slug}/inddragelse/")
    assert "Planlagt: Fællesmøde" in page.locator("main").inner_text()
    screenshot(page, "involvement-joint-meeting-planned")

    # 3. A written procedure to the political level's members, started from the same page.
    page.get_by_role("link", name="Start skriftlig procedure").click()
    page.get_by_label("Titel").fill("Plan for patientinddragelse i klyngen")
    page.get_by_label("Forslag").fill("Det indstilles, at klyngen vedtager planen for patientinddragelse.")
    deadline = timezone.localtime() + 3 * DAY
    page.get_by_label("Svarfrist").fill(deadline.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Torben Hansen").check()
    page.get_by_label("Anders Kühnau").check()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Send til medlemmerne").click()
    page.wait_for_url("**/skriftlige-procedurer/*/")
    procedure_url = page.url

    # 4. The members answer.
    for username, vote in [("torben", "Tiltræder"), ("anders", "Tiltræder")]:
        page.context.clear_cookies()
        log_in(page, username, PASSWORD)
        page.goto(procedure_url)
        page.get_by_label(vote, exact=True).check()
        page.get_by_role("button", name="Gem svar").click()
        assert "Dit svar er gemt" in page.locator("main").inner_text()
    page.set_viewport_size(PHONE)
    assert _no_sideways_scroll(page)
    assert axe_violations(page) == []
    screenshot(page, "involvement-procedure-answer-phone")
    page.set_viewport_size(DESKTOP)

    # 5. The secretariat closes it; the outcome goes on the next agenda: the joint meeting.
    page.context.clear_cookies()
    log_in(page, "sekretariat", PASSWORD)
    page.goto(procedure_url)
    page.get_by_label("Beslutning").fill("Klyngen vedtog planen for patientinddragelse.")
    page.get_by_role("button", name="Afslut og registrér beslutningen").click()
    assert "Den skriftlige procedure er afsluttet" in page.locator("main").inner_text()
    page.goto(joint.get_absolute_url())
    agenda = page.locator("main").inner_text()
    assert "Skriftlig orientering: Resultat af skriftlig procedure om Plan for patientinddragelse i klyngen" in agenda
    assert axe_violations(page) == []
    screenshot(page, "involvement-outcome-on-agenda-desktop")
    page.set_viewport_size(PHONE)
    assert _no_sideways_scroll(page)
    screenshot(page, "involvement-outcome-on-agenda-phone")
