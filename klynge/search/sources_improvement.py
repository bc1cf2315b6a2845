"""Search source for improvement teams (forbedringsteams).

Only a public team is indexed (``improvement.choices.PUBLIC_STATUSES``: udvalgt, indmeldt, i gang,
afsluttet), the same rule the team pages apply to the public: a proposed team, or one not selected, is
the cluster's internal preparation and never goes into the index (``document`` returns None, so a team
set back to "foreslået" leaves the index at once). The document holds what the public team page shows:
name, programme and cohort, the framework note and the members' names and parties; never the internal
note and never e-mail addresses.
"""

from __future__ import annotations

from .registry import Doc, Source, register
from .sources import _join


def _register():
    from klynge.improvement.choices import PUBLIC_STATUSES
    from klynge.improvement.models import Cohort, Programme, Team, TeamMember

    def _context(teams) -> dict:
        members = {}
        for m in (TeamMember.objects.filter(team__in=[t.pk for t in teams]).select_related("person", "organisation")
                  .order_by("team", "role", "person__name")):
            members.setdefault(m.team_id, []).append(f"{m.person.name} ({m.organisation.name})")
        return {"members": members}

    def team(obj, context):
        if obj.status not in PUBLIC_STATUSES:
            return None  # proposed or not selected: for the cluster only, never in the index
        cohort = obj.cohort
        return Doc(title=obj.name, text=_join(
            f"Forbedringsteam på {cohort} i {cohort.programme.name}", obj.get_status_display(), obj.theme,
            obj.anchoring, obj.support, obj.economy, obj.reporting, *context["members"].get(obj.pk, [])),
            url=obj.get_absolute_url(), date=cohort.start, body_id=obj.cluster_id, cluster_id=obj.cluster_id)

    register(Source(
        kind="improvement_team", label="Forbedringsteam", model=Team, document=team, prepare=_context,
        queryset=lambda: Team.objects.select_related("cohort__programme"),
        depends={TeamMember: lambda member: [member.team_id],
                 Cohort: lambda cohort: list(cohort.teams.values_list("pk", flat=True)),
                 Programme: lambda programme: list(Team.objects.filter(cohort__programme=programme)
                                                   .values_list("pk", flat=True))}))


_register()
