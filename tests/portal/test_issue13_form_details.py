"""Issue 13, point 13's smaller defects: the favicon, "Mødested" required only for a physical meeting,
the distribution key's inputs styled by the design system, and no "---------" as an empty choice."""

import datetime
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from klynge.meetings.models import Meeting
from tests.meetings.factories import make_item, make_meeting

pytestmark = pytest.mark.django_db


def test_every_page_links_the_favicon_and_the_file_is_an_svg_icon(client):
    page = client.get("/").content.decode()
    link = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', page)
    assert link, "forsiden linker ikke til et favicon"
    assert link.group(1).startswith("/static/klynge/favicon")
    path = finders.find("klynge/favicon.svg")
    assert path and open(path, encoding="utf-8").read().lstrip().startswith(("<svg", "<?xml"))
    login_page = client.get(reverse("login")).content.decode()
    assert 'rel="icon"' in login_page


def test_the_favicon_is_served_by_whitenoise_as_in_production(settings):
    from django.test import Client

    settings.WHITENOISE_USE_FINDERS = True  # read when the middleware starts: a fresh client below
    settings.WHITENOISE_AUTOREFRESH = True
    answer = Client().get("/static/klynge/favicon.svg")
    assert answer.status_code == 200
    body = b"".join(answer.streaming_content) if answer.streaming else answer.content
    assert b"<svg" in body and answer["Content-Type"].startswith("image/svg")


def _meeting_post(**kw):
    data = {"title": "", "date": "2027-03-01", "start": "17:00", "end": "19:00", "place_kind": "physical",
            "address": "", "online_link": ""}
    data.update(kw)
    return data


def test_a_physical_meeting_needs_a_meeting_place_with_a_danish_message(login, secretariat_user, structure):
    client = login(secretariat_user)
    url = reverse("meetings:meeting_add", args=[structure.political.slug])
    page = client.get(url).content.decode()
    assert "Mødested (valgfri)" not in page  # neither required nor optional in the label: the hint says when
    assert "Skal udfyldes ved fysisk møde" in page
    answer = client.post(url, _meeting_post(place_kind="physical"))
    assert answer.status_code == 200
    assert "Angiv mødestedet." in answer.content.decode()
    assert not Meeting.objects.exists()
    answer = client.post(url, _meeting_post(place_kind="hybrid", online_link="https://møde.example/1"))
    assert "Angiv mødestedet." in answer.content.decode() and not Meeting.objects.exists()


@pytest.mark.parametrize("kind,link", [("virtual", "https://teams.example/moede"), ("virtual", "")])
def test_a_virtual_meeting_needs_no_meeting_place(login, secretariat_user, structure, kind, link):
    client = login(secretariat_user)
    url = reverse("meetings:meeting_add", args=[structure.political.slug])
    answer = client.post(url, _meeting_post(place_kind=kind, online_link=link))
    if link:
        assert answer.status_code == 302, answer.content.decode()[:2000]
        assert Meeting.objects.get().address == ""
    else:  # no place and no link: then the link is asked for, in Danish
        assert "Angiv et link til det virtuelle møde." in answer.content.decode()
        assert "Angiv mødestedet." not in answer.content.decode()


@pytest.fixture
def funded(structure):
    """Cluster A with an initiative "10a" budgeted for two parties."""
    from klynge.funds.models import BudgetLine, Initiative

    initiative = Initiative.objects.create(cluster=structure.cluster, number="10a", title="Første indsats",
                                           project_owner=structure.municipality)
    BudgetLine.objects.create(initiative=initiative, year=2023, party=structure.municipality, amount=300_000)
    BudgetLine.objects.create(initiative=initiative, year=2023, party=structure.region, amount=200_000)
    return structure


def test_the_distribution_key_form_draws_every_input_with_the_design_systems_classes(
        login, secretariat_user, funded):
    client = login(secretariat_user)
    page = client.get(reverse("funds:distribution_key", args=[funded.cluster.slug, "10a"])).content.decode()
    inputs = re.findall(r"<input[^>]*>", page)
    visible = [i for i in inputs if 'type="hidden"' not in i]
    assert len(visible) >= 4  # three parties and the reason
    assert all('class="form-input' in i for i in visible), visible
    assert re.search(r'<label class="form-label" for="id_party_\d+"', page)


def test_no_form_a_secretariat_opens_shows_dashes_as_its_empty_choice(
        login, secretariat_user, structure, funded):
    meeting = make_meeting(structure.political, date=datetime.date.today() + datetime.timedelta(days=7))
    item = make_item(meeting, title="Status")
    client = login(secretariat_user)
    urls = [
        reverse("meetings:meeting_add", args=[structure.political.slug]),
        reverse("meetings:item_add", args=[meeting.pk]),
        reverse("meetings:item_edit", args=[item.pk]),
        reverse("meetings:attendance", args=[meeting.pk]),
        reverse("meetings:task_add", args=[item.pk]),
        reverse("meetings:propose", args=[item.pk]),
        reverse("funds:distribution_key", args=[funded.cluster.slug, "10a"]),
    ]
    for url in urls:
        answer = client.get(url)
        assert answer.status_code == 200, url
        page = answer.content.decode()
        assert "---------" not in page, url
        assert re.search(r'<option value=""[^>]*>\s*</option>', page) is None, f"tomt valg uden tekst på {url}"
