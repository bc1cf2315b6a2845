"""Who may do what with indicators. Built on klynge.organisation.permissions.

- Everyone (also the public) may read dashboards, run charts and benchmarks: the figures are
  aggregate statistics of the kind published in the status reports.
- A cluster's secretariat (can_edit_body on the cluster) may import series for the cluster
  itself and for its member municipalities.
- An administrator may import series for any region, cluster or municipality.
"""

from __future__ import annotations

from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import Body
from klynge.organisation.permissions import can_edit_body, editable_bodies, is_administrator

from .choices import Level
from .loading import Target


def uploadable_clusters(user):
    """Clusters whose series the user may import (all clusters for an administrator)."""
    if not getattr(user, "is_authenticated", False):
        return Body.objects.none()
    return editable_bodies(user).filter(kind__groups_bodies=True).select_related("kind").order_by("name")


def can_import(user) -> bool:
    return is_administrator(user) or uploadable_clusters(user).exists()


def can_import_for_cluster(user, cluster: Body) -> bool:
    return cluster.kind.groups_bodies and can_edit_body(user, cluster)


def import_targets(user, cluster: Body | None) -> set[Target] | None:
    """The areas an import may touch: None (no limit) for an administrator without a chosen
    cluster; otherwise the cluster and its member municipalities. Raises PermissionError when
    the user may not import for the cluster."""
    if cluster is None:
        if is_administrator(user):
            return None
        raise PermissionError("Vælg den klynge, tallene hører til.")
    if not can_import_for_cluster(user, cluster):
        raise PermissionError(f"Du kan ikke indlæse tal for {cluster.name}.")
    return cluster_targets(cluster)


def cluster_targets(cluster: Body) -> set[Target]:
    """A cluster and its member municipalities: what a cluster-scoped import may touch."""
    targets = {Target("body", cluster.pk, cluster.name, Level.CLUSTER)}
    for org in cluster.member_organisations.filter(kind=OrganisationKind.MUNICIPALITY):
        targets.add(Target("org", org.pk, org.name, Level.MUNICIPALITY))
    return targets
