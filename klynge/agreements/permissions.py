"""Who may see and change agreements and their follow-up: the one place it is decided.

Built on ``organisation.permissions`` (never re-derived):
- Everyone (the public too) sees framework agreements, goals, approved collaboration agreements,
  their statuses per cluster and party, and published status reports.
- A draft (not yet approved) agreement and a draft status report: those who may see the owning
  body's members-only content (its members and secretariat, the secretariat above it) and
  administrators. They are edited by those who may edit the owning body.
- A follow-up round, its answers and consolidated answers: the owning body (members read, its
  secretariat edits) and, for their own cluster only, the cluster's secretariat, who writes and
  submits the cluster's consolidated answer. Contact persons get no account: their link (token)
  shows one questionnaire to one party, and nothing else (``views.answer``).
- Implementation status of a cluster and its parties: set by the cluster's secretariat or by
  those who edit the owning body.
"""

from __future__ import annotations

from django.db.models import Q

from klynge.organisation import permissions as org
from klynge.organisation.models import Body


def can_manage(user, body: Body) -> bool:
    """Edit agreements, rounds and reports owned by ``body``."""
    return org.can_edit_body(user, body)


def can_read_internal(user, body: Body) -> bool:
    """Read drafts and answers owned by ``body``."""
    return org.can_see_members_only(user, body)


def can_see_agreement(user, agreement) -> bool:
    return agreement.is_approved or can_read_internal(user, agreement.owner_body)


def visible_agreements_q(user) -> Q:
    """The same rule as ``can_see_agreement`` as an ORM filter, for lists and the matrix."""
    if org.is_administrator(user):
        return Q()
    owners = org.members_only_body_ids(user)
    return Q(approved_on__isnull=False) | Q(owner_body_id__in=owners)


def can_set_status(user, agreement, cluster: Body) -> bool:
    return can_manage(user, agreement.owner_body) or org.can_edit_body(user, cluster)


def can_see_round(user, round_) -> bool:
    return can_read_internal(user, round_.owner_body) or bool(round_clusters_for(user, round_))


def can_manage_round(user, round_) -> bool:
    return can_manage(user, round_.owner_body)


def round_clusters_for(user, round_) -> set[int]:
    """Clusters of the round whose answers this user reads as the cluster's secretariat."""
    if not getattr(user, "is_authenticated", False):
        return set()
    editable = set(org.editable_bodies(user).values_list("pk", flat=True))
    if not editable:
        return set()
    clusters = set(round_.agreement.implementations.values_list("cluster_id", flat=True))
    return clusters & editable


def answer_clusters_for(user, round_) -> set[int] | None:
    """Clusters whose answers the user may read in this round; None means all of them."""
    if can_read_internal(user, round_.owner_body):
        return None
    return round_clusters_for(user, round_)


def can_edit_consolidated(user, round_, cluster: Body) -> bool:
    return org.can_edit_body(user, cluster) and cluster.pk in set(
        round_.agreement.implementations.values_list("cluster_id", flat=True))


def can_see_consolidated(user, round_, cluster: Body) -> bool:
    return can_read_internal(user, round_.owner_body) or can_edit_consolidated(user, round_, cluster)


def visible_rounds_q(user) -> Q:
    if org.is_administrator(user):
        return Q()
    owners = org.members_only_body_ids(user)
    editable = set(org.editable_bodies(user).values_list("pk", flat=True)) if owners else set()
    return Q(owner_body_id__in=owners) | Q(agreement__implementations__cluster_id__in=editable)


def can_see_report(user, report) -> bool:
    return report.is_published or can_read_internal(user, report.framework.owner_body)


def can_manage_report(user, report_or_framework) -> bool:
    framework = getattr(report_or_framework, "framework", report_or_framework)
    return can_manage(user, framework.owner_body)


def visible_reports_q(user) -> Q:
    if org.is_administrator(user):
        return Q()
    return Q(published_at__isnull=False) | Q(framework__owner_body_id__in=org.members_only_body_ids(user))
