"""What a person may see of a meeting: the one place closed items are guarded.

Every page, file, feed, e-mail, search result and API response about meetings
goes through these functions. A closed item reaches only those who may see the
body's members-only content; everyone else gets a ``ClosedItemStub`` that carries
the item's number and nothing else.
"""

from dataclasses import dataclass

from klynge.organisation import permissions

from .choices import AGENDA_PUBLIC, MINUTES_FOR_MEMBERS, MeetingStatus

CLOSED_ITEM_TITLE = "Lukket punkt"


@dataclass(frozen=True)
class ClosedItemStub:
    """What the public sees of a closed item: its number, and that it is closed."""

    pk: int
    number: int
    title: str = CLOSED_ITEM_TITLE
    closed: bool = True
    redacted: bool = True
    kind: str = ""
    duration_minutes: int = 0
    summary: str = ""
    description: str = ""
    minutes: str = ""
    decision: str = ""
    case_number: str = ""


def can_edit_meeting(user, meeting) -> bool:
    return permissions.can_edit_body(user, meeting.body)


def can_see_closed(user, meeting) -> bool:
    return permissions.can_see_members_only(user, meeting.body)


def can_see_agenda(user, meeting) -> bool:
    if meeting.status in AGENDA_PUBLIC:
        return True
    if meeting.status == MeetingStatus.CANCELLED and meeting.agenda_published_at:
        return True
    return can_edit_meeting(user, meeting)


def can_see_minutes(user, meeting) -> bool:
    if meeting.status == MeetingStatus.MINUTES_PUBLISHED:
        return True
    if meeting.status in MINUTES_FOR_MEMBERS and can_see_closed(user, meeting):
        return True
    return can_edit_meeting(user, meeting) and meeting.status not in (MeetingStatus.PLANNED,)


def redact(item, allowed: bool):
    """The item itself when allowed or not closed; a stub with only its number otherwise."""
    if allowed or not item.closed:
        return item
    return ClosedItemStub(pk=item.pk, number=item.number, kind=item.kind)


def visible_items(user, meeting, items):
    """Items as this user may see them (closed ones redacted unless allowed)."""
    allowed = can_see_closed(user, meeting)
    return [redact(item, allowed) for item in items]


def public_items(items):
    """Items as the public sees them: for files, feeds and e-mails that go to everyone."""
    return [redact(item, False) for item in items]


def visible_items_q(user, prefix: str = ""):
    """An ORM filter for the agenda items this user may see in full, for lists and search.

    The same rules as can_see_agenda and can_see_closed, expressed on the database so a
    list over thousands of items does not check them one by one. ``prefix`` is the path
    from the queried model to the item (e.g. "items__").
    """
    from django.db.models import Q

    if permissions.is_administrator(user):
        return Q()
    editable = set(permissions.editable_bodies(user).values_list("pk", flat=True))
    members_only = editable | permissions.member_body_ids(user)
    p = prefix
    agenda_visible = (
        Q(**{f"{p}meeting__status__in": list(AGENDA_PUBLIC)})
        | Q(**{f"{p}meeting__status": MeetingStatus.CANCELLED, f"{p}meeting__agenda_published_at__isnull": False})
        | Q(**{f"{p}meeting__body_id__in": editable})
    )
    return agenda_visible & (Q(**{f"{p}closed": False}) | Q(**{f"{p}meeting__body_id__in": members_only}))
