"""Who may see and change cluster funds. Built on klynge.organisation.permissions.

Decided:
- Everyone (also the public) sees the overview: grants, carry-over, initiatives, budgets,
  balances and redistribution, and may export and print it. These are public funds.
- Members of the cluster (an active membership in the cluster or any body under it),
  its secretariat and administrators also see spending, invoices and the change history.
- Only the cluster's secretariat (can_edit_body on the cluster) and administrators edit.
"""

from klynge.organisation import permissions as org_permissions
from klynge.organisation.models import Body


def can_edit_funds(user, cluster: Body) -> bool:
    return org_permissions.can_edit_body(user, cluster)


def is_cluster_member(user, cluster: Body) -> bool:
    ids = org_permissions.member_body_ids(user)
    if not ids:
        return False
    if cluster.pk in ids:
        return True
    for body in Body.objects.filter(pk__in=ids).select_related("parent", "kind"):
        if cluster.pk in body.ancestor_ids():
            return True
    return False


def can_see_internal(user, cluster: Body) -> bool:
    """Spending, invoices and the change history."""
    return can_edit_funds(user, cluster) or is_cluster_member(user, cluster)
