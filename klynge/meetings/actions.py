"""Writes that touch several rows of the meeting cycle, each in one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from . import rules, timeplan
from .choices import TRANSITIONS, ItemKind, MeetingStatus, ProposalStatus
from .models import AgendaItem, Matter, Meeting, Proposal


@transaction.atomic
def renumber(meeting: Meeting) -> None:
    """Give the items positions and numbers 1..n: main items first, written briefings last."""
    items = list(meeting.items.order_by("position", "pk"))
    changed = []
    for item, position, number in timeplan.numbering(items):
        if item.position != position or item.number != number:
            item.position, item.number = position, number
            changed.append(item)
    if changed:
        AgendaItem.objects.bulk_update(changed, ["position", "number"])


@transaction.atomic
def move_item(item: AgendaItem, new_index: int) -> None:
    """Move an item to ``new_index`` among its meeting's items (0-based) and renumber."""
    items = [i for i in item.meeting.items.order_by("position", "pk") if i.pk != item.pk]
    new_index = max(0, min(new_index, len(items)))
    items.insert(new_index, item)
    for position, each in enumerate(items):
        each.position = position
    AgendaItem.objects.bulk_update(items, ["position"])
    renumber(item.meeting)


def link_item_to_matter(item: AgendaItem, title: str | None = None) -> Matter | None:
    """Items sharing a journal number form one matter; create it on first sight."""
    number = (item.case_number or "").strip()
    if not number:
        return item.matter
    # The title may come from a closed item: pages show it only to those who may see every
    # item of the matter (views/matters.py); everywhere else a matter is named by its items.
    matter, _ = Matter.objects.get_or_create(case_number=number, defaults={"title": title or item.title})
    if item.matter_id != matter.pk:
        item.matter = matter
        # A save, not an update(): the item's history must record the link, so that OParl can
        # tell later whether a deleted matter was ever public (oparl.views._once_public_matter_ids).
        item.save(update_fields=["matter", "modified"])
    return matter


def missing_decisions(meeting: Meeting) -> list[AgendaItem]:
    """Items that need a recorded outcome before the minutes can be approved or published."""
    missing = []
    items = meeting.items.prefetch_related("recommendations")
    for item in items:
        if not item.needs_decision:
            continue
        recommendations = list(item.recommendations.all())
        if recommendations:
            if any(not r.outcome for r in recommendations):
                missing.append(item)
        elif not item.decision.strip() and not item.minutes.strip():
            missing.append(item)
    return missing


@transaction.atomic
def transition(meeting: Meeting, new_status: str, user=None, reason: str = "") -> Meeting:
    """Move a meeting along its cycle, refusing moves the cycle does not allow."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    allowed = TRANSITIONS.get(meeting.status, set())
    if new_status not in allowed or not rules.moves_forward(meeting.status, new_status):
        raise ValidationError(
            f"Mødet kan ikke gå fra “{meeting.get_status_display()}” til “{MeetingStatus(new_status).label}”."
        )
    if new_status == MeetingStatus.HELD:
        refusal = rules.held_too_early(meeting.date, meeting.start,
                                       timezone.localtime().replace(tzinfo=None))
        if refusal:
            raise ValidationError(refusal)
    if new_status == MeetingStatus.AGENDA_PUBLISHED:
        refusal = rules.empty_agenda(list(meeting.items.values_list("kind", flat=True)))
        if refusal:
            raise ValidationError(refusal)
    if new_status in (MeetingStatus.MINUTES_APPROVED, MeetingStatus.MINUTES_PUBLISHED):
        missing = missing_decisions(meeting)
        if missing:
            numbers = ", ".join(str(i.number) for i in missing)
            raise ValidationError(
                f"Referatet mangler en beslutning eller et udfald for punkt {numbers}. Udfyld dem først."
            )
    now = timezone.now()
    if new_status == MeetingStatus.AGENDA_PUBLISHED:
        meeting.agenda_published_at = meeting.agenda_published_at or now
    elif new_status == MeetingStatus.MINUTES_APPROVED:
        meeting.minutes_approved_at = now
    elif new_status == MeetingStatus.MINUTES_PUBLISHED:
        meeting.minutes_published_at = now
    if new_status == MeetingStatus.CANCELLED:
        meeting.cancelled_reason = reason
        meeting.sequence += 1
    elif meeting.status == MeetingStatus.CANCELLED:
        meeting.sequence += 1
    meeting.status = new_status
    meeting._change_reason = reason or f"Status: {MeetingStatus(new_status).label}"
    meeting.save()
    return meeting


@transaction.atomic
def accept_proposal(proposal: Proposal, meeting: Meeting, user) -> AgendaItem:
    """Take a proposal into a meeting's agenda, its text carried over."""
    if proposal.status != ProposalStatus.PENDING:
        raise ValidationError("Forslaget er allerede behandlet.")
    if meeting.body_id != proposal.target_body_id:
        raise ValidationError("Mødet hører ikke til det organ, forslaget er sendt til.")
    # Before "Eventuelt" (and the written briefings), with time in the plan.
    items = timeplan.order_items(list(meeting.items.order_by("position", "pk")))
    index = timeplan.insertion_index(items)
    item = AgendaItem.objects.create(
        meeting=meeting, position=index, title=proposal.title, kind=ItemKind.DECISION,
        duration_minutes=timeplan.DEFAULT_NEW_ITEM_MINUTES,
        summary=proposal.summary, description=proposal.description, case_number=proposal.case_number,
        closed=proposal.closed or bool(proposal.source_item and proposal.source_item.closed),
    )
    items.insert(index, item)
    for position, each in enumerate(items):
        each.position = position
    AgendaItem.objects.bulk_update(items, ["position"])
    source = proposal.source_item
    if source is not None and source.matter_id and not item.case_number:
        item.matter_id = source.matter_id
        item.save(update_fields=["matter"])
    link_item_to_matter(item)
    renumber(meeting)
    item.refresh_from_db()  # its number and place as renumbering gave them
    proposal.status = ProposalStatus.ACCEPTED
    proposal.resulting_item = item
    proposal.target_meeting = meeting
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal.save()
    return item


@transaction.atomic
def decline_proposal(proposal: Proposal, reason: str, user) -> Proposal:
    if proposal.status != ProposalStatus.PENDING:
        raise ValidationError("Forslaget er allerede behandlet.")
    if not reason.strip():
        raise ValidationError("Skriv en begrundelse, som forslagsstilleren kan se.")
    proposal.status = ProposalStatus.DECLINED
    proposal.decline_reason = reason.strip()
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal.save()
    return proposal


def _person_named(name: str):
    from klynge.organisation.models import Person

    person = Person.objects.filter(name__iexact=name).order_by("pk").first()
    return person or Person.objects.create(name=name)


@transaction.atomic
def save_attendance_roster(meeting: Meeting, members, statuses: dict, substitutes: dict, guests) -> int:
    """Attendance of the body's members in one go (``statuses``: person pk -> status or ''), a named
    substitute for a member with apologies, and guests by name (``guests``: (name, party text)).
    Returns how many rows were written."""
    from .choices import AttendanceStatus
    from .models import Attendance

    written = 0
    for membership in members:
        person = membership.person
        status = statuses.get(person.pk, "")
        # Whatever was registered for the member, and a substitute on their behalf, is replaced.
        Attendance.objects.filter(meeting=meeting, on_behalf_of=person).delete()
        if not status:
            Attendance.objects.filter(meeting=meeting, person=person).exclude(status=AttendanceStatus.GUEST).delete()
            continue
        own = AttendanceStatus.APOLOGIES if status == AttendanceStatus.SUBSTITUTE else status
        Attendance.objects.update_or_create(meeting=meeting, person=person, defaults={
            "status": own, "organisation": membership.organisation, "on_behalf_of": None, "item": None})
        written += 1
        if status == AttendanceStatus.SUBSTITUTE:
            substitute = _person_named(substitutes[person.pk])
            Attendance.objects.update_or_create(meeting=meeting, person=substitute, defaults={
                "status": AttendanceStatus.SUBSTITUTE, "organisation": membership.organisation,
                "on_behalf_of": person, "item": None})
            written += 1
    for name, party in guests:
        guest = _person_named(name)
        Attendance.objects.get_or_create(meeting=meeting, person=guest, defaults={
            "status": AttendanceStatus.GUEST, "title": party})
        written += 1
    return written


@transaction.atomic
def save_meeting_roles(meeting, chair, minute_takers) -> None:
    """Set the meeting's chair and minute-takers: rows removed and added, unchanged rows kept (history)."""
    from .models import MeetingRole, MeetingRoleKind

    wanted = {(MeetingRoleKind.CHAIR, chair.pk)} if chair else set()
    wanted |= {(MeetingRoleKind.MINUTE_TAKER, p.pk) for p in minute_takers}
    existing = {(r.role, r.person_id): r for r in MeetingRole.objects.filter(meeting=meeting)}
    for key, row in existing.items():
        if key not in wanted:
            row.delete()
    order = {p.pk: n for n, p in enumerate(minute_takers, start=1)}
    for role, person_id in sorted(wanted - set(existing), key=lambda k: (k[0], order.get(k[1], 0))):
        row = MeetingRole(meeting=meeting, person_id=person_id, role=role, position=order.get(person_id, 0)
                          if role == MeetingRoleKind.MINUTE_TAKER else 0)
        row.full_clean()
        row.save()
