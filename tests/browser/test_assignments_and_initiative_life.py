"""Browser journeys for issue 14, points 6 and 8, at desktop size and on a phone (390x844), axe clean.

Point 6: the region-wide secretariat fans a task out to the clusters; a cluster's secretariat records
its part; the owner sees the whole. Point 8: a cluster secretariat records a phase of an initiative
and the public sees its life.
"""

import datetime

import pytest

from klynge.funds.models import Initiative
from klynge.meetings.choices import MeetingStatus
from klynge.organisation.choices import Role
from klynge.organisation.models import Body, BodyKind
from tests.browser.conftest import axe_violations, log_in, screenshot
from tests.conftest import PASSWORD, make_persona
from tests.meetings.factories import make_item, make_meeting, make_task

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("size", SIZES)
def test_a_task_is_fanned_out_to_the_clusters_and_a_cluster_records_its_part(page, structure, size):
    page.set_viewport_size(SIZES[size])
    ssu = Body.objects.create(name="Sundhedssamarbejdsudvalget (Testland)", slug="ssu-testland",
                              kind=BodyKind.objects.get_or_create(name="Regionalt udvalg")[0],
                              region=structure.region, active_from=datetime.date(2022, 7, 1))
    meeting = make_meeting(ssu, date=datetime.date(2022, 10, 12), status=MeetingStatus.MINUTES_PUBLISHED)
    task = make_task(make_item(meeting, title="Børn, unge og trivsel"), owner_body=ssu,
                     description="Sikre et lettilgængeligt overblik over tilbud til børn og unge.",
                     due=datetime.date(2023, 3, 1))
    make_persona("sekretariat-ssu", ssu, Role.SECRETARIAT, structure.region)
    make_persona("sekretariat-a", structure.cluster, Role.SECRETARIAT, structure.municipality)

    log_in(page, "sekretariat-ssu", PASSWORD)
    page.goto(f"/opgaver/{task.pk}/")
    page.get_by_role("button", name="Fordel opgaven").click()
    page.get_by_text("Opgaven er fordelt til 2 klynger.").wait_for()
    page.context.clear_cookies()

    log_in(page, "sekretariat-a", PASSWORD)
    page.goto(f"/opgaver/{task.pk}/")
    page.get_by_role("link", name="Opdater status for Klynge A").click()
    page.get_by_label("Status", exact=True).select_option(label="I gang")
    page.get_by_label("Statusnote").fill("Overblikket samles af sekretariatet.")
    page.get_by_role("button", name="Gem status").click()
    page.get_by_text("Status for Klynge A er gemt.").wait_for()
    assert "Overblikket samles af sekretariatet." in page.content()
    assert "2 dele: 0 løst, 1 i gang, 1 åben" in page.content()
    screenshot(page, f"assignment-{size}")
    assert axe_violations(page) == []
    wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not wide, "Siden ruller sidelæns"


@pytest.mark.parametrize("size", SIZES)
def test_a_secretariat_records_a_phase_and_the_public_sees_the_initiative_life(page, structure, size):
    page.set_viewport_size(SIZES[size])
    Initiative.objects.create(cluster=structure.cluster, number="3", title="Fælles forpligtende forløb")
    make_persona("sekretariat-a", structure.cluster, Role.SECRETARIAT, structure.municipality)
    log_in(page, "sekretariat-a", PASSWORD)
    page.goto("/klyngemidler/klynge-a/indsatser/3/")
    page.get_by_role("link", name="Forløb, rapporter og patientperspektiv").click()
    page.get_by_role("link", name="Ny fase").click()
    page.get_by_label("Fase", exact=True).select_option(label="Afprøvning (pilot)")
    page.get_by_label("Start", exact=True).fill("2023-05-01")
    page.get_by_role("button", name="Gem fase").click()
    page.get_by_text("Fasen er gemt.").wait_for()
    page.get_by_role("link", name="Beskriv patientperspektiv").click()
    page.get_by_label("Patientperspektiv").fill("Færre overgange for familien.")
    page.get_by_role("button", name="Gem patientperspektiv").click()
    page.get_by_text("Patientperspektivet er gemt.").wait_for()
    page.context.clear_cookies()

    page.goto("/klyngemidler/klynge-a/indsatser/3/forloeb/")
    assert "Indsatsen er i fasen" in page.content() and "Færre overgange for familien." in page.content()
    screenshot(page, f"initiative-life-{size}")
    assert axe_violations(page) == []
    wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not wide, "Siden ruller sidelæns"
