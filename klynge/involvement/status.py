"""The involvement overview of one body for one electoral term: each obligation's periods and status.

What counts as meeting an obligation (documented in docs/brugervejledning.md):
- **A joint meeting counts by itself** for dialogue and joint-meeting obligations: a meeting (not
  cancelled) held by the body together with the group's body (``Meeting.co_hosts``), within the period.
  A planned one shows as planned until its date has passed.
- **Everything else counts only when the secretariat records it** (``Fulfilment``): an item (e.g. the
  status briefing on a political cluster meeting), a meeting, a membership or a sub-body, or a note.
  The page suggests items whose title or summary speak of patient involvement, or name the group.
- **Invitations** (cadence "on setup"): every sub-body set up in the cluster in the term, and every
  initiative answered through the creation question, is one period: met when representatives are
  invited (the recorded answer, a recorded fulfilment, or a representative's membership in it), or
  when the secretariat recorded with a reason that they are not; missed when nothing is recorded.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from klynge.core import formats
from klynge.meetings import visibility
from klynge.meetings.choices import MeetingStatus
from klynge.meetings.models import AgendaItem, Meeting
from klynge.organisation.choices import Role
from klynge.organisation.models import Body, ElectoralTerm, Membership
from klynge.organisation.models.terms import TermKind
from klynge.organisation.permissions import descendant_ids

from . import rules
from .choices import Answer, Cadence, Part
from .models import Appointment, Fulfilment, InvitationAnswer, Obligation

# Words that suggest an item is about involvement (case-insensitive, in title or summary).
SUGGESTION_WORDS = ["patientinddragelse", "pårørendeinddragelse", "patient- og pårørende", "inddragelse af patient"]
AUTO_PARTS = (Part.DIALOGUE_MEETING, Part.JOINT_MEETING)


@dataclass
class ObligationView:
    obligation: Obligation
    periods: list[rules.Period]
    counts: dict
    suggestions: list = field(default_factory=list)
    fulfilments: list = field(default_factory=list)

    @property
    def missed(self) -> int:
        return self.counts.get("missed", 0)

    @property
    def planned(self) -> bool:
        return any(p.planned for p in self.periods)


def terms():
    """One row per electoral period (regional and municipal terms share their dates: the regional one
    is shown, else the municipal)."""
    seen, out = set(), []
    for term in ElectoralTerm.objects.order_by("start", "kind"):
        if (term.start, term.end) in seen:
            continue
        if term.kind != TermKind.REGIONAL and ElectoralTerm.objects.filter(
                start=term.start, end=term.end, kind=TermKind.REGIONAL).exists():
            continue
        seen.add((term.start, term.end))
        out.append(term)
    return out


def default_term(choices, today: datetime.date):
    for term in choices:
        if term.start <= today <= term.end:
            return term
    return choices[-1] if choices else None


def scope_ids(body: Body) -> set[int]:
    """Where "working groups and initiatives in the cluster" are set up: the cluster the body belongs to
    (or the body itself outside a cluster) and everything under it, except the body and its ancestors."""
    root = body.cluster() or body
    return descendant_ids([root.pk]) - {body.pk, *body.ancestor_ids()}


def overview(body: Body, term, user, today: datetime.date | None = None, can_edit: bool = False):
    today = today or timezone.localdate()
    obligations = list(Obligation.objects.filter(body=body).select_related("group__body", "source_item__meeting")
                       .order_by("part", "pk"))
    if not obligations or term is None:
        return [ObligationView(o, [], rules.summary([])) for o in obligations]
    meetings = list(Meeting.objects.for_bodies([body.pk]).filter(date__gte=term.start, date__lte=term.end)
                    .exclude(status=MeetingStatus.CANCELLED).select_related("body").prefetch_related("co_hosts")
                    .order_by("date", "start"))
    fulfilments = list(Fulfilment.objects.filter(obligation__in=obligations)
                       .select_related("meeting__body", "item__meeting__body", "membership__person", "subject_body")
                       .order_by("date", "pk"))
    setups = _setups(body, term) if any(o.cadence == Cadence.ON_SETUP for o in obligations) else None
    views = []
    for obligation in obligations:
        own = [f for f in fulfilments if f.obligation_id == obligation.pk]
        evidence = [_recorded(f, user) for f in own]
        if obligation.cadence == Cadence.EVERY_MEETING:
            periods = _meeting_periods(obligation, meetings, own, user, today)
        elif obligation.cadence == Cadence.ON_SETUP:
            periods = _setup_periods(obligation, setups, own, user, today)
        else:
            if obligation.part in AUTO_PARTS and obligation.group.body_id:
                evidence += [_joint(m) for m in meetings if obligation.group.body_id in m.host_ids()]
            periods = [rules.judge(p, evidence, today) for p in rules.calendar_periods(
                obligation.cadence, term.start, term.end, obligation.valid_from, obligation.valid_to)]
        view = ObligationView(obligation, periods, rules.summary(periods), fulfilments=own)
        if can_edit and obligation.cadence != Cadence.ON_SETUP:
            view.suggestions = _suggestions(obligation, term, user, own)
        views.append(view)
    return views


def _recorded(f: Fulfilment, user) -> rules.Evidence:
    if f.item_id:
        label, url = visibility.label_for(user, f.item), f.item.get_absolute_url()
        label = f"{label} ({f.item.meeting.display_title} {formats.date(f.item.meeting.date)})"
    elif f.meeting_id:
        label, url = str(f.meeting), f.meeting.get_absolute_url()
    elif f.membership_id:
        label, url = f"{f.membership.person} ({f.membership.get_role_display().lower()})", \
            f.membership.person.get_absolute_url()
    elif f.subject_body_id:
        label, url = str(f.subject_body), f.subject_body.get_absolute_url()
    else:
        label, url = "Registreret", ""
    return rules.Evidence(date=f.date, label=label, url=url, recorded=True, fulfilment_id=f.pk, note=f.note)


def _joint(m: Meeting) -> rules.Evidence:
    return rules.Evidence(date=m.date, label=f"Fællesmøde {formats.date(m.date)}: {m.hosts_text()}",
                          url=m.get_absolute_url(),
                          planned=m.status in (MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED)
                          and m.date >= timezone.localdate())


def _meeting_periods(obligation, meetings, own, user, today):
    out = []
    for m in meetings:
        if not (obligation.valid_from <= m.date and (obligation.valid_to is None or m.date <= obligation.valid_to)):
            continue
        period = rules.Period(label=f"{m.display_title} {formats.date(m.date)}", start=m.date, end=m.date,
                              key=f"meeting-{m.pk}", url=m.get_absolute_url())
        evidence = [_recorded(f, user) for f in own if f.meeting_id == m.pk]
        for e in evidence:
            e.date = m.date
        out.append(rules.judge(period, evidence, today))
    return out


@dataclass
class Setups:
    bodies: list
    answers: list
    representatives: dict  # body pk -> [Membership]


def _setups(body, term) -> Setups:
    ids = scope_ids(body)
    bodies = list(Body.objects.filter(pk__in=ids, active_from__gte=term.start, active_from__lte=term.end)
                  .order_by("active_from", "name"))
    answers = list(InvitationAnswer.objects.filter(body_id__in=ids | {body.pk}, date__gte=term.start,
                                                   date__lte=term.end).select_related("group", "subject_type")
                   .order_by("date", "pk"))
    body_type = ContentType.objects.get_for_model(Body)
    answers += list(InvitationAnswer.objects.filter(subject_type=body_type, subject_id__in=[b.pk for b in bodies])
                    .exclude(pk__in=[a.pk for a in answers]).select_related("group", "subject_type"))
    reps = {}
    for m in (Membership.objects.filter(body_id__in=[b.pk for b in bodies], role=Role.PATIENT_REPRESENTATIVE)
              .select_related("person")):
        reps.setdefault(m.body_id, []).append(m)
    return Setups(bodies, answers, reps)


def _answer_evidence(a: InvitationAnswer, day) -> rules.Evidence:
    if a.answer == Answer.INVITED:
        label = "Repræsentanter inviteres" + (f" ({a.group})" if a.group_id else "")
    else:
        label = "Fravalgt med begrundelse"
    return rules.Evidence(date=day, label=label, note=a.reason)


def _setup_periods(obligation, setups: Setups, own, user, today):
    body_type = ContentType.objects.get_for_model(Body)
    out = []

    def valid(d):
        return obligation.valid_from <= d and (obligation.valid_to is None or d <= obligation.valid_to)

    for b in setups.bodies:
        if not valid(b.active_from):
            continue
        period = rules.Period(label=b.name, start=b.active_from, end=b.active_from, key=f"body-{b.pk}",
                              url=b.get_absolute_url(),
                              action_url=reverse("involvement:invitation_add", args=[b.slug]))
        evidence = [_answer_evidence(a, b.active_from) for a in setups.answers
                    if a.subject_type_id == body_type.pk and a.subject_id == b.pk]
        evidence += [rules.Evidence(date=b.active_from, label=f"{m.person} (patient- og pårørenderepræsentant)",
                                    url=m.person.get_absolute_url()) for m in setups.representatives.get(b.pk, [])]
        for f in own:
            if f.subject_body_id == b.pk:
                e = _recorded(f, user)
                e.date = b.active_from
                evidence.append(e)
        out.append(_setup_status(period, evidence, today))
    for a in setups.answers:
        if a.subject_type_id == body_type.pk or not valid(a.date):
            continue
        period = rules.Period(label=a.subject_label, start=a.date, end=a.date, key=f"answer-{a.pk}")
        out.append(_setup_status(period, [_answer_evidence(a, a.date)], today))
    out.sort(key=lambda p: p.start)
    return out


def _setup_status(period, evidence, today):
    """Something set up is met once answered (invited, or not with a reason); missed once set up without."""
    period.evidence = evidence
    if evidence:
        period.status = rules.Status.MET
    else:
        period.status = rules.Status.MISSED if period.start <= today else rules.Status.DUE
    return period


def _suggestions(obligation, term, user, own) -> list[AgendaItem]:
    words = Q()
    for word in [*SUGGESTION_WORDS, obligation.group.name]:
        words |= Q(title__icontains=word) | Q(summary__icontains=word)
    linked = {f.item_id for f in own if f.item_id}
    meeting_ids = Meeting.objects.for_bodies([obligation.body_id]).filter(
        date__gte=max(term.start, obligation.valid_from), date__lte=term.end).exclude(
        status=MeetingStatus.CANCELLED).values("pk")
    items = (AgendaItem.objects.filter(words, visibility.visible_items_q(user), meeting_id__in=meeting_ids)
             .exclude(pk__in=linked).select_related("meeting__body").order_by("meeting__date", "position")[:10])
    return list(items)


def appointments(body, term):
    """Representatives appointed to the body or under it for the term (who appointed them, when)."""
    ids = descendant_ids([body.pk])
    return list(Appointment.objects.filter(term__start=term.start, membership__body_id__in=ids)
                .select_related("membership__person", "membership__body", "appointed_by", "term")
                .order_by("membership__body__name", "membership__person__name"))


def representatives_without_appointment(body, term):
    ids = descendant_ids([body.pk])
    return list(Membership.objects.filter(body_id__in=ids, role=Role.PATIENT_REPRESENTATIVE, appointment__isnull=True)
                .filter(Q(end__isnull=True) | Q(end__gte=term.start), start__lte=term.end)
                .select_related("person", "body").order_by("body__name", "person__name"))
