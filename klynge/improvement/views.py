"""Pages of improvement teams: programme overview, cohort, team, and the secretariats' forms.

Every write is one POST, run inside one transaction by core.transactions.AtomicWritesMiddleware: a form
that does not validate writes nothing, and a new person is created only together with the seat.
"""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from klynge.meetings import visibility
from klynge.organisation import permissions as org

from . import permissions, rules
from .choices import COUNTED_ROLES, PUBLIC_STATUSES
from .forms import CohortForm, DeadlineForm, ProgrammeForm, SeatForm, TeamForm, TeamMemberForm
from .models import Cohort, Deadline, Programme, SeatAllocation, Team, TeamMember


def _cohort(slug, number) -> Cohort:
    return get_object_or_404(Cohort.objects.select_related("programme__body"), programme__slug=slug, number=number)


def _require(allowed: bool):
    if not allowed:
        raise PermissionDenied


def _calendar(user, deadlines, today):
    """Deadline rows with their state and the meeting item only when the user may see it."""
    deadlines = list(deadlines)
    item_ids = {d.item_id for d in deadlines if d.item_id}
    from klynge.meetings.models import AgendaItem

    visible = set(AgendaItem.objects.filter(pk__in=item_ids).filter(visibility.visible_items_q(user))
                  .values_list("pk", flat=True)) if item_ids else set()
    rows = []
    for d in deadlines:
        state = d.state(today)
        rows.append({"deadline": d, "state": state, "state_label": rules.STATE_LABELS[state],
                     "item": d.item if d.item_id in visible else None,
                     "can_edit": permissions.can_manage_deadline(user, d)})
    return rows


def index(request):
    programmes = Programme.objects.prefetch_related("cohorts").order_by("name")
    return render(request, "improvement/index.html", {
        "programmes": programmes, "can_add": permissions.can_add_programme(request.user)})


def programme(request, slug):
    prog = get_object_or_404(Programme.objects.select_related("body"), slug=slug)
    today = timezone.localdate()
    cohorts = list(prog.cohorts.order_by("number"))
    teams = Team.objects.filter(cohort__programme=prog).filter(permissions.visible_teams_q(request.user))
    counts = defaultdict(int)
    for cohort_id in teams.values_list("cohort_id", flat=True):
        counts[cohort_id] += 1
    for cohort in cohorts:
        cohort.team_count = counts[cohort.pk]
        cohort.region_seats = [s for s in cohort.seats.select_related("region") if s.cluster_id is None]
    deadlines = (Deadline.objects.filter(cohort__programme=prog).select_related("cohort", "cluster", "item__meeting")
                 .order_by("date", "pk"))
    return render(request, "improvement/programme.html", {
        "programme": prog, "cohorts": cohorts, "calendar": _calendar(request.user, deadlines, today),
        "can_manage": permissions.can_manage_programme(request.user, prog), "today": today,
    })


def cohort(request, slug, number):
    c = _cohort(slug, number)
    user = request.user
    today = timezone.localdate()
    teams = list(c.teams.filter(permissions.visible_teams_q(user)).select_related("cluster", "cohort__programme")
                 .prefetch_related("members__organisation", "members__person").order_by("cluster__name", "name"))
    used = defaultdict(int)
    by_cluster = defaultdict(list)
    for team in teams:
        members = [m for m in team.members.all() if m.role in COUNTED_ROLES]
        team.member_count = len(members)
        team.warning_list = rules.team_warnings(
            [rules.Seat(m.organisation.name, m.organisation.get_kind_display(), m.role in ("chair", "co_chair"))
             for m in members])
        team.is_public = team.status in PUBLIC_STATUSES
        team.can_manage = permissions.can_manage_team(user, team)
        by_cluster[team.cluster].append(team)
        if team.is_public:
            used[team.cluster.name] += team.member_count
    seats = list(c.seats.select_related("region", "cluster").order_by("region__name", "cluster__name"))
    region_seats = {s.region.name: s.seats for s in seats if s.cluster_id is None}
    cluster_seats = [(s.region.name, s.cluster.name, s.seats) for s in seats if s.cluster_id]
    for s in seats:
        s.used = used.get(s.cluster.name, 0) if s.cluster_id else None
    deadlines = c.deadlines.select_related("cluster", "item__meeting").order_by("date", "pk")
    return render(request, "improvement/cohort.html", {
        "cohort": c, "programme": c.programme, "seats": seats,
        "seat_warnings": rules.seat_warnings(region_seats, cluster_seats, used),
        "teams_by_cluster": sorted(by_cluster.items(), key=lambda kv: kv[0].name),
        "calendar": _calendar(user, deadlines, today), "today": today,
        "can_manage": permissions.can_manage_programme(user, c.programme),
        "can_add_team": user.is_authenticated and permissions.can_add_team(user, c),
        "can_add_deadline": user.is_authenticated and (permissions.can_manage_programme(user, c.programme)
                                                         or permissions.team_clusters(user, c).exists()),
    })


def team(request, pk):
    t = get_object_or_404(Team.objects.select_related("cohort__programme", "cluster"), pk=pk)
    user = request.user
    if not permissions.can_see_team(user, t):
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    members = list(t.members.select_related("person", "organisation").order_by("role", "person__name"))
    reports = t.reports.filter(visibility.visible_items_q(user)).select_related("meeting__body") \
        .order_by("meeting__date", "position")
    return render(request, "improvement/team.html", {
        "team": t, "cohort": t.cohort, "programme": t.cohort.programme, "members": members,
        "chairs": [m for m in members if m.role in ("chair", "co_chair")],
        "warnings": t.warnings(), "initiatives": t.initiatives.select_related("cluster").order_by("number"),
        "reports": reports, "internal": permissions.can_see_internal(user, t),
        "can_manage": permissions.can_manage_team(user, t),
        "show_contact": org.can_see_contact_details(user),
    })


# --- forms ------------------------------------------------------------------------------------------

class _Crumb:
    """A breadcrumb that is not a model object (the index page)."""

    def __init__(self, name: str, url: str):
        self.name, self.url = name, url

    def get_absolute_url(self) -> str:
        return self.url

    def __str__(self) -> str:
        return self.name


def _form_page(request, form, title, submit, back, trail=()):
    crumbs = [_Crumb("Forbedringsteams", reverse("improvement:index")), *trail]
    return render(request, "improvement/form.html", {"form": form, "title": title, "submit": submit, "back": back,
                                                     "breadcrumbs": crumbs})


def _form_view(request, form, *, title, submit, back, saved, go=None, trail=()):
    """Every add and edit page here: a valid POST saves, says ``saved(obj)`` and goes to ``go(obj)``
    (default the saved object's page); otherwise the form is shown (again, with its errors), under
    breadcrumbs through ``trail`` (the programme, hold and team above the form)."""
    if request.method == "POST" and form.is_valid():
        obj = form.save()
        messages.success(request, saved(obj))
        return redirect(go(obj) if go else obj)
    return _form_page(request, form, title, submit, back, trail)


@login_required
def programme_add(request):
    _require(permissions.can_add_programme(request.user))
    form = ProgrammeForm(request.POST or None, instance=Programme(), user=request.user)
    return _form_view(request, form, title="Nyt forbedringsprogram", submit="Opret program",
                      back=reverse("improvement:index"),
                      saved=lambda p: f"Programmet “{p.name}” er oprettet. Opret holdene herunder.")


@login_required
def programme_edit(request, slug):
    prog = get_object_or_404(Programme.objects.select_related("body"), slug=slug)
    _require(permissions.can_manage_programme(request.user, prog))
    form = ProgrammeForm(request.POST or None, instance=prog, user=request.user)
    return _form_view(request, form, title=f"Ret {prog}", submit="Gem program", back=prog.get_absolute_url(),
                      saved=lambda p: f"Programmet “{p.name}” er gemt.", trail=[prog])


@login_required
def cohort_add(request, slug):
    prog = get_object_or_404(Programme, slug=slug)
    _require(permissions.can_manage_programme(request.user, prog))
    form = CohortForm(request.POST or None, instance=Cohort(programme=prog))
    return _form_view(request, form, title=f"Nyt hold i {prog}", submit="Gem hold", back=prog.get_absolute_url(),
                      saved=lambda c: f"{c} er oprettet.", trail=[prog])


@login_required
def cohort_edit(request, slug, number):
    c = _cohort(slug, number)
    _require(permissions.can_manage_programme(request.user, c.programme))
    form = CohortForm(request.POST or None, instance=c)
    return _form_view(request, form, title=f"Ret {c} i {c.programme}", submit="Gem hold", back=c.get_absolute_url(),
                      saved=lambda c: f"{c} er gemt.", trail=[c.programme, c])


@login_required
def seat_add(request, slug, number):
    c = _cohort(slug, number)
    _require(permissions.can_manage_programme(request.user, c.programme))
    form = SeatForm(request.POST or None, instance=SeatAllocation(cohort=c))
    return _form_view(request, form, title=f"Pladser på {c} i {c.programme}", submit="Gem pladser",
                      back=c.get_absolute_url(), go=lambda seat: c,
                      saved=lambda seat: f"Pladserne til {seat.cluster or seat.region} er gemt.",
                      trail=[c.programme, c])


@login_required
def deadline_add(request, slug, number):
    c = _cohort(slug, number)
    user = request.user
    _require(permissions.can_manage_programme(user, c.programme) or permissions.team_clusters(user, c).exists())
    form = DeadlineForm(request.POST or None, instance=Deadline(cohort=c), user=user)
    return _form_view(request, form, title=f"Ny frist for {c} i {c.programme}", submit="Gem frist",
                      back=c.get_absolute_url(), go=lambda d: c,
                      saved=lambda d: f"{d.get_kind_display()} er sat i programkalenderen.", trail=[c.programme, c])


@login_required
def deadline_edit(request, pk):
    deadline = get_object_or_404(Deadline.objects.select_related("cohort__programme", "cluster"), pk=pk)
    _require(permissions.can_manage_deadline(request.user, deadline))
    form = DeadlineForm(request.POST or None, instance=deadline, user=request.user)
    return _form_view(request, form, title=f"Ret frist: {deadline.get_kind_display()}", submit="Gem frist",
                      back=deadline.cohort.get_absolute_url(), go=lambda d: d.cohort,
                      saved=lambda d: f"{d.get_kind_display()} er gemt.",
                      trail=[deadline.cohort.programme, deadline.cohort])


@login_required
def team_add(request, slug, number):
    c = _cohort(slug, number)
    _require(permissions.can_add_team(request.user, c))
    form = TeamForm(request.POST or None, instance=Team(cohort=c), user=request.user)
    return _form_view(request, form, title=f"Nyt forbedringsteam på {c} i {c.programme}", submit="Gem team",
                      back=c.get_absolute_url(),
                      saved=lambda t: f"Forbedringsteamet “{t.name}” er oprettet. Tilføj deltagerne.",
                      trail=[c.programme, c])


@login_required
def team_edit(request, pk):
    t = get_object_or_404(Team.objects.select_related("cohort__programme", "cluster"), pk=pk)
    _require(permissions.can_manage_team(request.user, t))
    form = TeamForm(request.POST or None, instance=t, user=request.user)
    return _form_view(request, form, title=f"Ret forbedringsteam: {t.name}", submit="Gem team",
                      back=t.get_absolute_url(), saved=lambda t: f"Forbedringsteamet “{t.name}” er gemt.",
                      trail=[t.cohort.programme, t.cohort, t])


# A team's composition warnings (2-6 members, several parties) stand on the team page itself, where the
# member forms lead back to: they are not flashed as messages as well (that showed each one twice).

@login_required
def member_add(request, pk):
    t = get_object_or_404(Team.objects.select_related("cohort__programme", "cluster"), pk=pk)
    _require(permissions.can_manage_team(request.user, t))
    form = TeamMemberForm(request.POST or None, instance=TeamMember(team=t))
    return _form_view(request, form, title=f"Tilføj deltager til {t.name}", submit="Tilføj deltager",
                      back=t.get_absolute_url(), go=lambda m: t,
                      saved=lambda m: f"{m.person} er tilføjet som {m.get_role_display().lower()}.",
                      trail=[t.cohort.programme, t.cohort, t])


@login_required
@require_POST
def member_remove(request, pk):
    member = get_object_or_404(TeamMember.objects.select_related("team__cohort__programme", "team__cluster",
                                                                 "person"), pk=pk)
    t = member.team
    _require(permissions.can_manage_team(request.user, t))
    member._change_reason = "Fjernet fra teamet"
    member.delete()
    messages.success(request, f"{member.person} er fjernet fra teamet.")
    return redirect(t)
