"""Who sees and changes improvement teams (on organisation.permissions, never re-derived).

Decided (see docs/architecture.md, "Improvement teams"):
- Programmes, cohorts, seats and the programme calendar are public: they are the programme's plan.
- A team is public once selected (udvalgt, indmeldt, i gang, afsluttet): its name, cluster, status, framework
  note (theme, anchoring, support, economy, reporting), its members' names, parties and roles, and its links
  to funded initiatives. Persons are public in Klynge (person pages list every membership), so a member list
  tells nothing new; e-mail addresses are shown only to those inside the collaboration
  (``can_see_contact_details``), as on person pages.
- A proposed team, or one not selected, is the cluster's internal preparation: only the cluster's members
  (any body in it) and its secretariat see it. The team's internal note is for them too, always.
- Report items (meeting items where a team was reported to the political level) are shown through
  meetings.visibility, so a closed or unpublished item is never named to someone who may not see it.
- Any secretariat creates a programme run by one of its own bodies (an administrator: by any body, or by
  none); the secretariat of the programme's body edits it (never moving it to a body it does not keep).
- The secretariat of the programme's body edits the programme's cohorts, seats and calendar; a cluster's
  secretariat adds and edits its own teams and their members, and the calendar rows that apply to its cluster.
"""

from __future__ import annotations

from django.db.models import Q

from klynge.organisation import permissions as org
from klynge.organisation.models import Body

from .choices import PUBLIC_STATUSES


def programme_bodies(user):
    """The bodies a user may let run a programme: every body for an administrator, else the bodies the
    user's secretariat seats reach."""
    bodies = Body.objects.all() if org.is_administrator(user) else Body.objects.filter(
        pk__in=org.editable_body_ids(user))
    return bodies.order_by("name")


def can_add_programme(user) -> bool:
    return user.is_authenticated and (org.is_administrator(user) or bool(org.editable_body_ids(user)))


def can_manage_programme(user, programme) -> bool:
    if org.is_administrator(user):
        return True
    return programme.body_id is not None and org.can_edit_body(user, programme.body)


def can_manage_team(user, team) -> bool:
    return org.can_edit_body(user, team.cluster) or can_manage_programme(user, team.cohort.programme)


def can_add_team(user, cohort) -> bool:
    return bool(team_clusters(user, cohort).exists())


def team_clusters(user, cohort):
    """The clusters a user may add teams for: every cluster for the programme's managers, else those the
    user's secretariat seats reach."""
    clusters = Body.objects.filter(kind__groups_bodies=True)
    if can_manage_programme(user, cohort.programme):
        return clusters.order_by("name")
    return clusters.filter(pk__in=org.editable_body_ids(user)).order_by("name")


def can_manage_deadline(user, deadline) -> bool:
    if can_manage_programme(user, deadline.cohort.programme):
        return True
    return deadline.cluster_id is not None and org.can_edit_body(user, deadline.cluster)


def insider_cluster_ids(user) -> set[int]:
    """Clusters whose internal improvement work the user may see: those the user's secretariat seats reach,
    and those holding (at any depth) a body the user is an active member of."""
    ids = set(org.editable_body_ids(user))
    members = org.member_body_ids(user) | org.archive_body_ids(user)
    if members:
        for body in Body.objects.filter(pk__in=members).select_related("parent"):
            ids.add(body.pk)
            ids.update(body.ancestor_ids())
    return ids


def can_see_internal(user, team) -> bool:
    return org.is_administrator(user) or team.cluster_id in insider_cluster_ids(user)


def can_see_team(user, team) -> bool:
    return team.status in PUBLIC_STATUSES or can_see_internal(user, team)


def visible_teams_q(user, prefix: str = "") -> Q:
    """The same rule as ``can_see_team``, as a filter for lists."""
    if org.is_administrator(user):
        return Q()
    return Q(**{f"{prefix}status__in": list(PUBLIC_STATUSES)}) | Q(
        **{f"{prefix}cluster_id__in": insider_cluster_ids(user)})
