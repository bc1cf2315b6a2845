"""The page "Overgang til sundhedsråd": who may use it, load a plan, read the dry run, run it."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from klynge.organisation.choices import OrganisationKind, Role
from klynge.organisation.models import Body, BodyKind, Organisation
from klynge.transition.models import PlanStatus, TransitionPlan
from tests.conftest import make_persona

from .conftest import CSV, council


def region_secretariat(structure, username="regionssekretariat"):
    committee = Body.objects.create(name="Sundhedssamarbejdsudvalget Testland", region=structure.region,
                                    kind=BodyKind.objects.get_or_create(name="Udvalg")[0])
    return make_persona(username, committee, Role.SECRETARIAT)


def post_plan(client, reform, csv=None):
    upload = SimpleUploadedFile("plan.csv", (csv or CSV.format(access="ja")).encode("utf-8"), "text/csv")
    return client.post(reverse("transition:plan_new"), {
        "name": "Testland 2027", "date": reform.date.isoformat(), "region": reform.s.region.pk, "csv_file": upload,
    })


def test_only_administrators_and_a_regions_secretariat_may_open_the_transition(reform, login, client, admin_user,
                                                                              secretariat_user, member_user):
    url = reverse("transition:index")
    assert client.get(url).status_code == 302                      # anonymous: to the login page
    assert login(member_user).get(url).status_code == 403
    assert login(secretariat_user).get(url).status_code == 403     # a cluster's secretariat is not the region's
    assert login(region_secretariat(reform.s)).get(url).status_code == 200
    assert login(admin_user).get(url).status_code == 200


def test_a_regions_secretariat_cannot_open_another_regions_plan(reform, login, load):
    plan = load()
    other = Organisation.objects.create(name="Region Andetland", kind=OrganisationKind.REGION)
    plan.region = other
    plan.save()
    client = login(region_secretariat(reform.s))
    assert client.get(plan.get_absolute_url()).status_code == 403
    assert client.post(reverse("transition:plan_run", args=[plan.pk]), {"reason": "x", "confirm": "on"}
                       ).status_code == 403
    assert not Body.objects.filter(name="Sundhedsråd Test").exists()


def test_an_administrator_loads_a_plan_reads_the_dry_run_and_runs_it_with_a_reason(reform, login, admin_user):
    client = login(admin_user)
    response = post_plan(client, reform)
    plan = TransitionPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Prøvekørsel: det vil blive flyttet" in page and "Intet er ændret endnu." in page
    assert "Sekretariatet udarbejder forslag til forløb" in page
    assert not Body.objects.filter(name="Sundhedsråd Test").exists()
    refused = client.post(reverse("transition:plan_run", args=[plan.pk]), {"reason": ""})
    assert refused.status_code == 400 and not Body.objects.filter(name="Sundhedsråd Test").exists()
    client.post(reverse("transition:plan_run", args=[plan.pk]), {"reason": "Reformen 2027", "confirm": "on"})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.RUN and plan.run_by == admin_user and plan.reason == "Reformen 2027"
    assert council().is_active()
    again = client.post(reverse("transition:plan_run", args=[plan.pk]), {"reason": "Igen", "confirm": "on"},
                        follow=True)
    assert "er allerede gennemført" in again.content.decode()


def test_a_plan_with_errors_shows_them_by_row_and_offers_no_run(reform, login, admin_user):
    client = login(admin_user)
    post_plan(client, reform, "handling;forgænger;efterfølger\nafløsning;Randersklyngen;Sundhedsråd Test\n")
    plan = TransitionPlan.objects.get()
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Række 2: organet »Randersklyngen« findes ikke." in page
    assert "Gennemfør overgangen</button>" not in page


def test_an_unreadable_csv_is_refused_on_the_form_and_nothing_is_saved(reform, login, admin_user):
    response = post_plan(login(admin_user), reform, "bare tekst uden overskrifter\n")
    assert response.status_code == 200
    assert "Første række skal være overskrifter" in response.content.decode()
    assert not TransitionPlan.objects.exists()


def test_the_dry_run_never_shows_a_closed_items_task_to_the_regions_secretariat(reform, login):
    client = login(region_secretariat(reform.s))
    post_plan(client, reform)
    page = client.get(TransitionPlan.objects.get().get_absolute_url()).content.decode()
    assert "Sekretariatet udarbejder forslag til forløb" in page
    assert "Sekretariatet afklarer sagen fortroligt" not in page
    assert "Opgave fra et lukket punkt (punkt 1)" in page


def test_a_cpr_number_in_the_plan_is_refused(reform, login, admin_user):
    response = post_plan(login(admin_user), reform,
                         CSV.format(access="ja") + "medlem;;Sundhedsråd Test;;;;Person 010190-1234;Medlem;;;;\n")
    assert "CPR-nummer" in response.content.decode()
    assert not TransitionPlan.objects.exists()
