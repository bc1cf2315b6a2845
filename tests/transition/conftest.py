"""Two clusters (A and B of the shared structure) about to become one health council.

The transition date is a week ago, so the council is active today and the personas can be
tested as they will be on the day after the reform; nothing in the fixture happens after it.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from klynge.funds.choices import InitiativeStatus
from klynge.funds.models import BudgetLine, Grant, Initiative
from klynge.meetings.choices import MeetingStatus, ProposalStatus, TaskOwnerKind
from klynge.meetings.models import Matter, Proposal, Task
from klynge.organisation.choices import OrganisationKind, Role
from klynge.organisation.models import Body, BodyArea, BodyKind, Mandate, Membership, Organisation
from tests.conftest import make_persona
from tests.meetings.factories import make_item, make_meeting

D = datetime.date


def transition_date() -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=7)


CSV = """handling;forgænger;efterfølger;ny_type;region;kommune;person;rolle;part;arkivadgang;overtager;indsatser
afløsning;Klynge A;Sundhedsråd Test;Sundhedsråd;Region Testland;;;;;{access};;flyt
afløsning;klynge-b;Sundhedsråd Test;Sundhedsråd;Region Testland;;;;;{access};;flyt
kommune;;Sundhedsråd Test;;;Testby Kommune;;;;;;
kommune;;Sundhedsråd Test;;;998;;;;;;
medlem;;Sundhedsråd Test;;;;Raadssekretaer;Sekretariat;Region Testland;;;
medlem;;Sundhedsråd Test;;;;Medlem A;Medlem;;;;
"""


@dataclass
class Reform:
    s: object
    date: datetime.date
    north: Organisation
    closed_item: object
    open_item: object
    task_closed_item: Task
    task_secretariat: Task
    done_task: Task
    proposal: Proposal
    matter: Matter
    running: Initiative
    ended: Initiative
    council_secretary: object      # a user with a person but no membership yet
    mandate_a: Mandate


@pytest.fixture
def reform(structure, secretariat_user, member_user, other_cluster_user):
    s = structure
    date = transition_date()
    BodyKind.objects.get_or_create(name="Sundhedsråd", defaults={"groups_bodies": True, "slug": "sundhedsraad"})
    north = Organisation.objects.create(name="Nordby Kommune", kind=OrganisationKind.MUNICIPALITY, region=s.region,
                                        municipality_code="998")
    BodyArea.objects.create(body=s.cluster, municipality=s.municipality, start=D(2022, 7, 1))
    BodyArea.objects.create(body=s.other_cluster, municipality=north, start=D(2022, 7, 1))
    mandate_a = Mandate.objects.create(body=s.cluster, text="Klynge A's kommissorium.", valid_from=D(2022, 7, 1))

    meeting = make_meeting(s.political, date=D(2024, 5, 1), status=MeetingStatus.MINUTES_PUBLISHED)
    closed_item = make_item(meeting, title="Lukket: personsag om ansættelse", closed=True,
                            description="Fortroligt indhold")
    open_item = make_item(meeting, title="Sammenhængende forløb for ældre", case_number="1-31-72-446-22")
    matter = Matter.objects.create(case_number="1-31-72-446-22", title="Sammenhængende forløb for ældre")
    open_item.matter = matter
    open_item.save()
    later = make_meeting(s.cluster, date=D(2024, 9, 1), status=MeetingStatus.MINUTES_PUBLISHED)
    make_item(later, title="Sammenhængende forløb: opfølgning", matter=matter)
    task_closed_item = Task.objects.create(item=closed_item, description="Sekretariatet afklarer sagen fortroligt",
                                           owner_kind=TaskOwnerKind.SECRETARIAT)
    task_secretariat = Task.objects.create(item=open_item, description="Sekretariatet udarbejder forslag til forløb",
                                           owner_kind=TaskOwnerKind.SECRETARIAT, due=D(2027, 3, 1))
    done_task = Task.objects.create(item=open_item, description="Allerede løst", status="done", closed_note="Løst")
    proposal = Proposal.objects.create(source_item=open_item, target_body=s.political, title="Forslag om forløb",
                                       status=ProposalStatus.PENDING)

    Grant.objects.create(cluster=s.cluster, year=2024, party=s.municipality, amount=1_000_000)
    Grant.objects.create(cluster=s.cluster, year=2024, party=s.region, amount=800_000)
    running = Initiative.objects.create(cluster=s.cluster, number="1", title="Løbende indsats",
                                        status=InitiativeStatus.RUNNING)
    ended = Initiative.objects.create(cluster=s.cluster, number="2", title="Afsluttet indsats",
                                      status=InitiativeStatus.ENDED)
    BudgetLine.objects.create(initiative=running, year=2024, party=s.municipality, amount=300_000)
    BudgetLine.objects.create(initiative=running, year=2024, party=s.region, amount=200_000)
    BudgetLine.objects.create(initiative=ended, year=2024, party=s.region, amount=100_000)
    Grant.objects.create(cluster=s.other_cluster, year=2024, party=s.region, amount=500_000)
    Initiative.objects.create(cluster=s.other_cluster, number="1", title="B's løbende indsats",
                              status=InitiativeStatus.APPROVED)

    council_secretary = make_persona("raadssekretaer", None, None)
    return Reform(s, date, north, closed_item, open_item, task_closed_item, task_secretariat, done_task, proposal,
                  matter, running, ended, council_secretary, mandate_a)


@pytest.fixture
def load(reform):
    """load(access='ja', csv=None) -> a loaded plan."""
    from klynge.transition import actions

    def _load(access="ja", csv=None):
        return actions.load_plan(csv or CSV.format(access=access), name="Test-overgang", date=reform.date,
                                 region=reform.s.region)
    return _load


def council():
    return Body.objects.get(name="Sundhedsråd Test")


def active_roles(person_name, body):
    return set(Membership.objects.filter(person__name=person_name, body=body).active().values_list("role", flat=True))


__all__ = ["CSV", "Role", "active_roles", "council"]
