"""Shared fixtures: a small structure of two clusters and the four personas.

Personas (see ARCHITECTURE.md): a secretariat member of cluster A, a member of a
body in cluster A, a member of cluster B (another cluster), and an anonymous citizen.
Every persona's password is PASSWORD.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.test.utils import override_settings

from klynge.organisation.choices import OrganisationKind, Role
from klynge.organisation.models import Body, BodyKind, BodyLevel, Membership, Organisation, Person

# Production hashes passwords with PBKDF2 at Django's default cost, about a second per hash on this 2-core
# machine under load: every persona created, every demo user and every login paid it. The tests check who may
# do what, not the hash, so they use Django's fast test hasher (as Django's own docs advise).
override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]).enable()

PASSWORD = "test-adgangskode-1"
D = datetime.date


@dataclass
class Structure:
    region: Organisation
    municipality: Organisation
    hospital: Organisation
    cluster: Body          # cluster A
    political: Body        # political level of A
    working_group: Body    # working group under A's political level
    other_cluster: Body    # cluster B
    other_body: Body       # a level of B


def _kind(name, groups=False):
    return BodyKind.objects.get_or_create(name=name, defaults={"groups_bodies": groups})[0]


@pytest.fixture
def structure(db) -> Structure:
    region = Organisation.objects.create(name="Region Testland", kind=OrganisationKind.REGION)
    municipality = Organisation.objects.create(
        name="Testby Kommune", kind=OrganisationKind.MUNICIPALITY, region=region, municipality_code="999"
    )
    hospital = Organisation.objects.create(
        name="Testby Sygehus", kind=OrganisationKind.HOSPITAL_UNIT, parent=region, region=region
    )
    cluster_kind = _kind("Sundhedsklynge", groups=True)
    political = BodyLevel.objects.get_or_create(name="Politisk", defaults={"rank": 10})[0]
    cluster = Body.objects.create(name="Klynge A", slug="klynge-a", kind=cluster_kind, region=region,
                                  active_from=D(2022, 7, 1))
    cluster.member_organisations.set([region, municipality, hospital])
    political_body = Body.objects.create(name="Klynge A – Politisk niveau", slug="klynge-a-politisk",
                                         kind=_kind("Politisk niveau"), level=political, parent=cluster,
                                         active_from=D(2022, 7, 1))
    working_group = Body.objects.create(name="Arbejdsgruppe A1", slug="arbejdsgruppe-a1",
                                        kind=_kind("Arbejdsgruppe"), parent=political_body,
                                        active_from=D(2023, 1, 1))
    other_cluster = Body.objects.create(name="Klynge B", slug="klynge-b", kind=cluster_kind, region=region,
                                        active_from=D(2022, 7, 1))
    other_body = Body.objects.create(name="Klynge B – Politisk niveau", slug="klynge-b-politisk",
                                     kind=_kind("Politisk niveau"), level=political, parent=other_cluster,
                                     active_from=D(2022, 7, 1))
    return Structure(region, municipality, hospital, cluster, political_body, working_group,
                     other_cluster, other_body)


def make_persona(username: str, body: Body | None, role: str | None, organisation=None):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    person = Person.objects.create(name=username.replace("-", " ").title(), user=user,
                                   email=f"{username}@example.invalid")
    if body is not None:
        Membership.objects.create(person=person, body=body, role=role, organisation=organisation,
                                  start=D(2022, 7, 1))
    return user


@pytest.fixture
def secretariat_user(structure):
    """Secretariat of cluster A: edits everything under it."""
    return make_persona("sekretariat-a", structure.cluster, Role.SECRETARIAT, structure.municipality)


@pytest.fixture
def member_user(structure):
    """A member of cluster A's political level."""
    return make_persona("medlem-a", structure.political, Role.MEMBER, structure.municipality)


@pytest.fixture
def other_cluster_user(structure):
    """A member of cluster B's political level (another cluster)."""
    return make_persona("medlem-b", structure.other_body, Role.MEMBER, structure.region)


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser(username="admin-test", password=PASSWORD)


@pytest.fixture
def login(client):
    """login(user) -> the test client, logged in as that user."""
    def _login(user):
        client.force_login(user)
        return client
    return _login


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files in tests go to a temporary folder, never into ./data."""
    settings.MEDIA_ROOT = tmp_path / "files"


IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _documents_cache_in_memory(settings):
    """The rendered public files (klynge/oparl/documents.py) stay in memory, never in ./data."""
    settings.CACHES = {**settings.CACHES,
                       "documents": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                     "LOCATION": "documents-in-tests"}}


@pytest.fixture(autouse=True)
def _jobs_run_at_once(settings):
    """Background jobs run synchronously, where they are queued, unless a test asks for the queue
    (the ``job_queue`` fixture)."""
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def job_queue(settings):
    """The real database queue of production; ``job_queue()`` runs the jobs waiting in it, once."""
    from klynge.jobs.worker import run_pending_jobs

    settings.TASKS = DATABASE_TASKS
    return run_pending_jobs


@pytest.fixture(autouse=True)
def _reads_never_write(settings):
    """A view answering a GET that writes to the database fails the test (see core/transactions.py)."""
    settings.KLYNGE_WRITES_ON_READ = "refuse"
