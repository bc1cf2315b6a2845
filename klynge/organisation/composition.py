"""Database side of the composition: rows in, the pure seat rules (seats.py) applied, results out."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from . import seats
from .choices import OrganisationKind, Role
from .models import Body, CompositionVersion, Membership, SeatRule


@dataclass
class CompositionStatus:
    version: CompositionVersion | None
    rules: list[SeatRule] = field(default_factory=list)
    statuses: list[seats.SeatStatus] = field(default_factory=list)
    unmatched: list[Membership] = field(default_factory=list)
    totals: dict = field(default_factory=dict)


def municipalities(body: Body, on: datetime.date) -> list[seats.Party]:
    """The municipalities of the body's area: the cluster's dated areas, else its municipal parties."""
    for node in [body, *body.ancestors()]:
        areas = list(node.areas.active(on).select_related("municipality").order_by("municipality__name"))
        if areas:
            return [seats.Party(a.municipality_id, a.municipality.name) for a in areas]
        orgs = list(node.member_organisations.filter(kind=OrganisationKind.MUNICIPALITY).order_by("name"))
        if orgs:
            return [seats.Party(o.pk, o.name) for o in orgs]
    return []


def _rule(rule: SeatRule) -> seats.Rule:
    return seats.Rule(id=rule.pk, name=rule.name, label=rule.label, seats=rule.seats, party_id=rule.party_id,
                      party_name=str(rule.party) if rule.party_id else
                      OrganisationKind(rule.party_kind).label if rule.party_kind else "", party_kind=rule.party_kind,
                      per_municipality=rule.per_municipality, role=rule.role)


def _holder(membership: Membership) -> seats.Holder:
    org = membership.organisation
    return seats.Holder(id=membership.pk or 0, person=str(membership.person), party_id=membership.organisation_id,
                        party_kind=org.kind if org else "", role=membership.role)


def version_on(body: Body, on: datetime.date) -> CompositionVersion | None:
    return body.compositions.on(on).order_by("-valid_from").first()


def _slots(body: Body, version: CompositionVersion | None, on: datetime.date):
    rules = list(version.rules.select_related("party", "appointed_by").order_by("position", "pk")) if version else []
    return rules, seats.expand([_rule(r) for r in rules], municipalities(body, on))


def status(body: Body, on: datetime.date | None = None) -> CompositionStatus:
    """Seats filled, vacant and over-filled on ``on`` (today), under the version then in force."""
    on = on or timezone.localdate()
    version = version_on(body, on)
    if version is None:
        return CompositionStatus(None)
    rules, slots = _slots(body, version, on)
    memberships = list(body.memberships.active(on).select_related("person", "organisation")
                       .order_by("start", "pk"))
    by_id = {m.pk: m for m in memberships}
    statuses, unmatched = seats.fill(slots, [_holder(m) for m in memberships])
    for s in statuses:
        s.memberships = [by_id[h.id] for h in s.holders]
    return CompositionStatus(version, rules, statuses, [by_id[h.id] for h in unmatched], seats.totals(statuses))


def warnings_for(membership: Membership) -> list[str]:
    """Danish warnings if adding ``membership`` (not yet saved) breaks the composition on its start date."""
    if not (membership.body_id and membership.start and membership.role):
        return []
    body = membership.body
    version = version_on(body, membership.start)
    if version is None:
        return []
    _, slots = _slots(body, version, membership.start)
    others = [_holder(m) for m in body.memberships.active(membership.start).exclude(pk=membership.pk)
              .select_related("person", "organisation").order_by("start", "pk")]
    candidate = _holder(membership)
    return seats.warnings_for(slots, others, candidate, role_label=Role(membership.role).label.lower(),
                              party_label=str(membership.organisation) if membership.organisation_id else "")


def seat_period(rule: SeatRule, on: datetime.date | None = None):
    """The current period of a seat whose term follows the electoral term, or None."""
    from .models import ElectoralTerm

    if not (rule.term_years and rule.term_kind):
        return None
    on = on or timezone.localdate()
    term = ElectoralTerm.objects.filter(kind=rule.term_kind).on(on).first()
    if term is None:
        return None
    return seats.seat_period_on(term.start, term.end, rule.term_years, on)


@transaction.atomic
def add_version(body: Body, valid_from: datetime.date, *, source: str = "", note: str = "",
                copy_rules: bool = True) -> CompositionVersion:
    """A new version from ``valid_from``: the open previous version ends the day before; its rules are copied
    (to be changed in the new version). Refuses with a Danish ValidationError, nothing saved."""
    from django.core.exceptions import ValidationError

    previous = body.compositions.filter(valid_to__isnull=True).order_by("-valid_from").first()
    if previous is not None:
        if valid_from <= previous.valid_from:
            raise ValidationError({"valid_from": "Den nye version skal gælde fra en dato efter den gældende "
                                                 "version (fra " + previous.valid_from.strftime("%d.%m.%Y") + ")."})
        previous.valid_to = valid_from - datetime.timedelta(days=1)
        previous._change_reason = "Afløst af en ny version af sammensætningen"
        previous.full_clean()
        previous.save()
    version = CompositionVersion(body=body, valid_from=valid_from, source=source, note=note)
    version.full_clean()
    version.save()
    if previous is not None and copy_rules:
        for rule in previous.rules.order_by("position", "pk"):
            rule.pk = None
            rule.id = None
            rule.version = version
            rule._state.adding = True
            rule.save()
    return version

