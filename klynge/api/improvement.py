"""Read endpoints for improvement teams (issue 14, point 7) in the JSON API.

Through ``klynge.improvement.permissions`` like the pages: the public gets selected teams (udvalgt,
indmeldt, i gang, afsluttet) with their framework note, members' names, parties and roles, and the
initiatives that fund them; a proposed team reaches only its cluster's members and secretariat. The
internal note and e-mail addresses are never in the API; report items go through meetings.visibility.

OParl has no natural home for a team (an oparl:Organization is a body that meets, with memberships of
its members; a team is a project group of a programme), so teams are in this API only (docs/oparl.md).
"""

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from klynge.improvement import permissions
from klynge.improvement.models import Team
from klynge.meetings import visibility

router = Router(tags=["Forbedringsteams"])


class TeamMemberOut(Schema):
    name: str
    party: str
    role: str
    role_label: str
    title: str


class TeamOut(Schema):
    id: int
    name: str
    programme: str
    cohort: int
    cluster: str
    cluster_slug: str
    status: str
    status_label: str
    url: str


class InitiativeRefOut(Schema):
    number: str
    title: str
    cluster: str
    url: str


class ReportRefOut(Schema):
    body: str
    date: datetime.date
    item_number: int | None
    title: str
    url: str


class TeamDetailOut(TeamOut):
    theme: str
    anchoring: str
    support: str
    economy: str
    reporting: str
    members: list[TeamMemberOut]
    initiatives: list[InitiativeRefOut]
    reports: list[ReportRefOut]


def _team(t) -> dict:
    return {"id": t.pk, "name": t.name, "programme": t.cohort.programme.name, "cohort": t.cohort.number,
            "cluster": t.cluster.name, "cluster_slug": t.cluster.slug, "status": t.status,
            "status_label": t.get_status_display(), "url": t.get_absolute_url()}


def _teams(user):
    return (Team.objects.filter(permissions.visible_teams_q(user))
            .select_related("cohort__programme", "cluster"))


@router.get("/improvement-teams", response=list[TeamOut], summary="Forbedringsteams")
def list_teams(request, klynge: str = ""):
    teams = _teams(request.user)
    if klynge:
        teams = teams.filter(cluster__slug=klynge)
    return [_team(t) for t in teams.order_by("cohort__programme__name", "cohort__number", "cluster__name", "name")]


@router.get("/improvement-teams/{team_id}", response=TeamDetailOut,
            summary="Et forbedringsteam med rammenotat, deltagere og finansiering")
def get_team(request, team_id: int):
    t = get_object_or_404(_teams(request.user), pk=team_id)
    if not permissions.can_see_team(request.user, t):
        raise Http404
    members = t.members.select_related("person", "organisation").order_by("role", "person__name")
    reports = (t.reports.filter(visibility.visible_items_q(request.user)).select_related("meeting__body")
               .order_by("meeting__date", "position"))
    return {**_team(t), "theme": t.theme, "anchoring": t.anchoring, "support": t.support, "economy": t.economy,
            "reporting": t.reporting,
            "members": [{"name": m.person.name, "party": m.organisation.name, "role": m.role,
                         "role_label": m.get_role_display(), "title": m.title or m.person.title} for m in members],
            "initiatives": [{"number": i.number, "title": i.title, "cluster": i.cluster.name,
                             "url": i.get_absolute_url()}
                            for i in t.initiatives.select_related("cluster").order_by("number")],
            "reports": [{"body": r.meeting.body.name, "date": r.meeting.date, "item_number": r.number,
                         "title": r.title, "url": r.get_absolute_url()} for r in reports]}
