"""Small factories for improvement teams (shared by tests/improvement and tests/security)."""

import datetime

from klynge.improvement.choices import DeadlineKind, TeamRole, TeamStatus
from klynge.improvement.models import Cohort, Deadline, Programme, SeatAllocation, Team, TeamMember
from klynge.organisation.models import Person

D = datetime.date
FIRST_OF_FEBRUARY = D(2023, 2, 1)


def make_programme(body=None, slug="ledelsesprogrammet", **kw) -> Programme:
    kw.setdefault("name", "Det Nationale Ledelsesprogram")
    return Programme.objects.create(slug=slug, body=body, **kw)


def make_cohort(programme, number=2, **kw) -> Cohort:
    return Cohort.objects.create(programme=programme, number=number, **kw)


def make_team(cohort, cluster, name="Sektorovergange i akutområdet", status=TeamStatus.SELECTED, **kw) -> Team:
    return Team.objects.create(cohort=cohort, cluster=cluster, name=name, status=status, **kw)


def add_member(team, name, party, role=TeamRole.MEMBER, **kw) -> TeamMember:
    person = Person.objects.filter(name=name).first() or Person.objects.create(name=name, **kw)
    return TeamMember.objects.create(team=team, person=person, organisation=party, role=role)


def make_deadline(cohort, kind=DeadlineKind.PROPOSALS, date=FIRST_OF_FEBRUARY, **kw) -> Deadline:
    return Deadline.objects.create(cohort=cohort, kind=kind, date=date, **kw)


def make_seats(cohort, region, seats=43, cluster=None) -> SeatAllocation:
    return SeatAllocation.objects.create(cohort=cohort, region=region, cluster=cluster, seats=seats)
