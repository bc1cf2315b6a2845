"""The structure pages: front, body, person, organisation, co-chairs; the in-app edit forms."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from klynge.organisation.choices import Role
from klynge.organisation.models import Body, ChairRotation, Mandate, Membership, Person

D = datetime.date


def test_front_page_lists_regions_with_their_clusters_and_bodies(structure, client):
    page = client.get("/").content.decode()
    assert "Region Testland" in page
    assert "Klynge A" in page and "Klynge A – Politisk niveau" in page and "Klynge B" in page
    assert '<html lang="da">' in page


def test_body_page_shows_mandate_members_by_party_former_members_and_sub_bodies(structure, client):
    body = structure.political
    current = Person.objects.create(name="Nuværende Medlem")
    former = Person.objects.create(name="Tidligere Medlem")
    Membership.objects.create(person=current, body=body, role=Role.CO_CHAIR, organisation=structure.municipality,
                              start=D(2022, 7, 1))
    Membership.objects.create(person=former, body=body, role=Role.MEMBER, organisation=structure.region,
                              start=D(2022, 7, 1), end=D(2023, 6, 30))
    Mandate.objects.create(body=body, title="Kommissorium v1", text="Første tekst", valid_from=D(2022, 7, 1),
                           valid_to=D(2023, 12, 31))
    Mandate.objects.create(body=body, title="Kommissorium v2", text="Anden tekst", valid_from=D(2024, 1, 1),
                           approved_by=structure.cluster, approved_on=D(2023, 12, 1))
    page = client.get(f"/organer/{body.slug}/").content.decode()
    assert "Kommissorium v2" in page and "Anden tekst" in page and "(gældende)" in page
    assert "Kommissorium v1" in page  # history
    members_section = page.split('id="medlemmer"')[1].split('id="tidligere"')[0]
    assert "Nuværende Medlem" in members_section and "Testby Kommune" in members_section
    assert "Tidligere Medlem" not in members_section
    former_section = page.split('id="tidligere"')[1]
    assert "Tidligere Medlem" in former_section
    assert "Arbejdsgruppe A1" in page  # sub-body
    assert "Klynge A" in page  # parent


def test_person_page_shows_memberships_over_time(structure, client):
    person = Person.objects.create(name="Ole Olsen", title="Borgmester")
    Membership.objects.create(person=person, body=structure.political, role=Role.MEMBER, start=D(2022, 7, 1),
                              end=D(2023, 1, 31))
    Membership.objects.create(person=person, body=structure.working_group, role=Role.CHAIR, start=D(2023, 2, 1))
    page = client.get(f"/personer/{person.slug}/").content.decode()
    assert "Klynge A – Politisk niveau" in page and "Arbejdsgruppe A1" in page
    assert "Tidligere" in page and "Nuværende" in page
    assert "1. juli 2022" in page  # Danish dates


def test_organisation_page_lists_bodies_and_representatives(structure, client):
    person = Person.objects.create(name="Repræsentant Rasmussen")
    Membership.objects.create(person=person, body=structure.political, role=Role.MEMBER,
                              organisation=structure.municipality, start=D(2022, 7, 1))
    page = client.get(f"/parter/{structure.municipality.slug}/").content.decode()
    assert "Kommune" in page and "Klynge A" in page and "Repræsentant Rasmussen" in page


def test_co_chair_view_shows_terms_and_planned_rotation(structure, client):
    person = Person.objects.create(name="Medformand Mikkelsen")
    Membership.objects.create(person=person, body=structure.political, role=Role.CO_CHAIR,
                              organisation=structure.municipality, start=D(2022, 7, 1), end=D(2023, 12, 31))
    ChairRotation.objects.create(body=structure.political, seat="Kommunal medformand",
                                 organisation=structure.municipality, start=D(2028, 1, 1), end=D(2029, 12, 31))
    page = client.get(f"/organer/{structure.political.slug}/formandskab/").content.decode()
    assert "Medformand Mikkelsen" in page and "Kommunal medformand" in page
    assert "31. december 2029" in page and "Planlagt" in page


def test_unknown_pages_give_a_danish_404(db, client):
    response = client.get("/organer/findes-ikke/")
    assert response.status_code == 404
    assert "Siden findes ikke" in response.content.decode()


def test_secretariat_adds_a_membership_with_an_end_date(structure, login, secretariat_user):
    client = login(secretariat_user)
    person = Person.objects.create(name="Ny Person")
    response = client.post(f"/organer/{structure.political.slug}/medlemmer/ny/", {
        "person": person.pk, "role": Role.MEMBER, "organisation": structure.hospital.pk,
        "start": "2024-01-01", "end": "2024-06-30",
    })
    assert response.status_code == 302
    membership = Membership.objects.get(person=person)
    assert membership.end == D(2024, 6, 30)
    assert membership.history.first().history_user == secretariat_user


def test_secretariat_ends_a_membership(structure, login, secretariat_user):
    person = Person.objects.create(name="Går Af")
    membership = Membership.objects.create(person=person, body=structure.political, role=Role.MEMBER,
                                           start=D(2022, 7, 1))
    client = login(secretariat_user)
    response = client.post(f"/medlemskaber/{membership.pk}/afslut/", {"end": "2024-03-31",
                                                                     "loaded_version": membership.version})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.end == D(2024, 3, 31)
    assert membership.history.first().history_change_reason == "Medlemskab afsluttet"


def test_new_mandate_version_closes_the_previous_open_version(structure, login, secretariat_user):
    old = Mandate.objects.create(body=structure.political, text="Gammel", valid_from=D(2022, 7, 1))
    client = login(secretariat_user)
    response = client.post(f"/organer/{structure.political.slug}/kommissorium/ny/", {
        "title": "Revideret kommissorium", "text": "Ny tekst", "approved_by": structure.cluster.pk,
        "approved_on": "2024-01-15", "valid_from": "2024-02-01", "loaded_version": old.version,
        "loaded_record": old.pk,
    })
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.valid_to == D(2024, 1, 31)
    assert structure.political.current_mandate().title == "Revideret kommissorium"


def test_mandate_upload_over_the_size_limit_is_refused(structure, login, secretariat_user, settings):
    settings.UPLOAD_MAX_BYTES = 10
    client = login(secretariat_user)
    response = client.post(f"/organer/{structure.political.slug}/kommissorium/ny/", {
        "title": "Stor", "valid_from": "2024-02-01",
        "file": SimpleUploadedFile("kommissorium.pdf", b"%PDF-1.4 " + b"x" * 100),
    })
    assert response.status_code == 200
    assert "grænsen er" in response.content.decode()
    assert not Mandate.objects.exists()


def test_mandate_needs_text_or_file(structure, login, secretariat_user):
    client = login(secretariat_user)
    response = client.post(f"/organer/{structure.political.slug}/kommissorium/ny/", {
        "title": "Tom", "valid_from": "2024-02-01",
    })
    assert "skal have en tekst, en fil eller begge dele" in response.content.decode()
    assert not Mandate.objects.exists()


def test_secretariat_creates_a_sub_body(structure, login, secretariat_user):
    client = login(secretariat_user)
    response = client.post(f"/organer/{structure.political.slug}/underorgan/ny/", {
        "name": "Temagruppe om ældre", "kind": structure.working_group.kind.pk, "active_from": "2024-01-01",
    })
    assert response.status_code == 302
    body = Body.objects.get(name="Temagruppe om ældre")
    assert body.parent == structure.political and body.slug == "temagruppe-om-aeldre"


def test_sub_body_with_a_taken_slug_is_refused(structure, login, secretariat_user):
    client = login(secretariat_user)
    response = client.post(f"/organer/{structure.political.slug}/underorgan/ny/", {
        "name": "Dublet", "slug": structure.cluster.slug, "kind": structure.working_group.kind.pk,
    })
    assert "bruges allerede" in response.content.decode()
    assert not Body.objects.filter(name="Dublet").exists()


def test_forms_require_csrf(structure, secretariat_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat_user)
    response = client.post(f"/organer/{structure.political.slug}/underorgan/ny/", {"name": "X"})
    assert response.status_code == 403


def test_body_page_queries_do_not_grow_with_members(structure, client, django_assert_max_num_queries):
    for n in range(30):
        person = Person.objects.create(name=f"Medlem {n}")
        Membership.objects.create(person=person, body=structure.political, role=Role.MEMBER,
                                  organisation=structure.municipality, start=D(2022, 7, 1))
    with django_assert_max_num_queries(20):
        client.get(f"/organer/{structure.political.slug}/")


def test_history_records_who_changed_what(structure, admin_user):
    from simple_history.utils import update_change_reason

    body = structure.political
    body.description = "Ny beskrivelse"
    body._history_user = admin_user
    body.save()
    update_change_reason(body, "Rettet beskrivelse")
    record = body.history.first()
    assert record.history_user == admin_user and record.description == "Ny beskrivelse"
    assert record.history_change_reason == "Rettet beskrivelse"
    assert record.created is not None and record.modified >= record.created


def test_demo_builds_the_corpus_structure_and_is_idempotent(db):
    call_command("demo", stdout=open("/dev/null", "w"))
    counts = (Body.objects.count(), Person.objects.count(), Membership.objects.count())
    call_command("demo", stdout=open("/dev/null", "w"))
    assert (Body.objects.count(), Person.objects.count(), Membership.objects.count()) == counts
    lillebaelt = Body.objects.get(slug="sundhedsklynge-lillebaelt")
    children = {b.name for b in Body.objects.filter(parent=lillebaelt)}
    assert "Sundhedsklynge Lillebælt – Politisk niveau" in children
    assert "Sundhedsklynge Lillebælt – Fagligt strategisk niveau" in children
    coordinating = Body.objects.get(slug="lillebaelt-koordinerende-niveau")
    assert coordinating.active_from == D(2023, 1, 1)
    assert Body.objects.filter(slug="lillebaelt-arbejdsgruppe-iv-behandling").exists()
    randers = Body.objects.get(slug="randersklyngen-politisk-niveau")
    names = set(randers.memberships.values_list("person__name", flat=True))
    assert {"Anders Kühnau", "Torben Hansen", "Henrik Idriss Kise"} <= names
    assert randers.memberships.get(person__name="Torben Hansen").role == Role.CO_CHAIR


def test_demo_users_can_log_in(db, client):
    call_command("demo", stdout=open("/dev/null", "w"))
    for username in ["admin", "sekretariat", "sekretariat-lillebaelt", "medlem", "anden-klynge"]:
        response = client.post("/log-ind/", {"username": username, "password": "klynge-demo"})
        assert response.status_code == 302 and client.session.get("_auth_user_id"), username
        client.post("/log-ud/")


def test_dates_render_in_danish(structure, client):
    structure.political.active_from = D(2023, 6, 7)
    structure.political.save()
    assert "7. juni 2023" in client.get(f"/organer/{structure.political.slug}/").content.decode()


def test_today_is_used_for_current_and_former(structure):
    assert structure.political.is_active(timezone.localdate())


def test_change_history_shows_who_changed_what_and_when(structure, login, secretariat_user, member_user, client):
    person = Person.objects.create(name="Historisk Person")
    secretariat = login(secretariat_user)
    secretariat.post(f"/organer/{structure.political.slug}/medlemmer/ny/", {
        "person": person.pk, "role": Role.MEMBER, "start": "2024-01-01"})
    membership = Membership.objects.get(person=person)
    secretariat.post(f"/medlemskaber/{membership.pk}/afslut/", {"end": "2024-06-30",
                                                               "loaded_version": membership.version})
    page = secretariat.get(f"/organer/{structure.political.slug}/historik/").content.decode()
    assert "Medlemskab: Historisk Person ændret" in page and "Medlemskab afsluttet" in page
    assert "Sekretariat A" in page and "30. juni 2024" in page
    client.logout()
    assert client.get(f"/organer/{structure.political.slug}/historik/").status_code == 403
