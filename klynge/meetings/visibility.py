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
    """The secretariat of the meeting's body (or a body above it), or of any co-host of a joint meeting."""
    if permissions.can_edit_body(user, meeting.body):
        return True
    editable = permissions.editable_body_ids(user)
    return bool(editable) and bool((meeting.host_ids() - {meeting.body_id}) & editable)


def can_see_closed(user, meeting) -> bool:
    """Members-only content of the meeting: of its body, or of any co-host of a joint meeting."""
    if permissions.can_see_members_only(user, meeting.body):
        return True
    mine = permissions.editable_body_ids(user) | permissions.member_body_ids(user) | permissions.archive_body_ids(user)
    return bool(mine) and bool((meeting.host_ids() - {meeting.body_id}) & mine)


def _hosted_q(meeting_path: str, body_ids):
    """Meetings held by one of ``body_ids``, lead host or co-host: ``meeting_path`` is the path from
    the queried model to the meeting (e.g. "meeting__" or "items__meeting__"). The co-hosts are a
    subquery, so no row is repeated."""
    from django.db.models import Q

    from .models import Meeting

    ids = list(body_ids)
    q = Q(**{f"{meeting_path}body_id__in": ids})
    if ids:
        through = Meeting.co_hosts.through.objects.filter(body_id__in=ids).values("meeting_id")
        q |= Q(**{f"{meeting_path}pk__in": through})
    return q


def hosted_q(meeting_path: str, body_ids):
    """Public name of ``_hosted_q``: meetings held by one of ``body_ids`` as lead host or co-host."""
    return _hosted_q(meeting_path, body_ids)


def can_see_agenda(user, meeting) -> bool:
    if meeting.status in AGENDA_PUBLIC:
        return True
    if meeting.status == MeetingStatus.CANCELLED and meeting.agenda_published_at:
        return True
    return can_edit_meeting(user, meeting)


# The secretariat works on the minutes from the meeting on: not while only the agenda is published,
# and never on a cancelled meeting (it has no minutes).
MINUTES_FOR_SECRETARIAT = (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT, *MINUTES_FOR_MEMBERS)


def can_see_minutes(user, meeting) -> bool:
    if meeting.status == MeetingStatus.MINUTES_PUBLISHED:
        return True
    if meeting.status in MINUTES_FOR_MEMBERS and can_see_closed(user, meeting):
        return True
    return can_edit_meeting(user, meeting) and meeting.status in MINUTES_FOR_SECRETARIAT


class MeetingRights:
    """``can_see_agenda``, ``can_see_closed`` and ``can_see_minutes`` for many meetings of one user (a matter's
    hundreds of treatments), worked out once per kind of meeting. The key is everything those three rules
    read from a meeting: change it whenever they start reading something else."""

    def __init__(self, user):
        self.user = user
        self._known = {}

    @staticmethod
    def key(meeting) -> tuple:
        return MeetingRights.key_of(meeting.body_id, meeting.host_ids(), meeting.status, meeting.agenda_published_at)

    @staticmethod
    def key_of(body_id, host_ids, status, agenda_published_at) -> tuple:
        """``key`` from a meeting's values, for pages that read their meetings as values (``of_key``)."""
        return body_id, frozenset(host_ids), status, bool(agenda_published_at)

    def of(self, meeting) -> tuple[bool, bool, bool]:
        """(agenda, closed items, minutes) this user may see of ``meeting``."""
        key = self.key(meeting)
        if key not in self._known:
            self._known[key] = (can_see_agenda(self.user, meeting), can_see_closed(self.user, meeting),
                                can_see_minutes(self.user, meeting))
        return self._known[key]

    def of_key(self, key, meeting) -> tuple[bool, bool, bool]:
        """``of`` for a meeting known by its values: ``key`` is their ``key_of`` and ``meeting()`` gives the
        meeting as a model (with what the rules read), called only when the key is new: the rules always
        decide on a real meeting."""
        if key not in self._known:
            model = meeting()
            if self.key(model) != key:
                raise ValueError(f"Mødet {model.pk} har ikke de værdier, det blev slået op med.")
            self._known[key] = self.of(model)
        return self._known[key]


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
    editable = permissions.editable_body_ids(user)  # not administrators (above): the cached set, no query
    members_only = editable | permissions.member_body_ids(user) | permissions.archive_body_ids(user)
    p = prefix
    agenda_visible = (
        Q(**{f"{p}meeting__status__in": list(AGENDA_PUBLIC)})
        | Q(**{f"{p}meeting__status": MeetingStatus.CANCELLED, f"{p}meeting__agenda_published_at__isnull": False})
        | _hosted_q(f"{p}meeting__", editable)
    )
    return agenda_visible & (Q(**{f"{p}closed": False}) | _hosted_q(f"{p}meeting__", members_only))


def visible_minutes_q(user, prefix: str = ""):
    """An ORM filter for the items whose minutes this user may read: minutes text, decisions,
    outcomes and the follow-up tasks they give. The same rule as ``can_see_minutes``: the public
    only once the minutes are published; members from review on; the secretariat from the meeting on.
    ``prefix`` is the path from the queried model to the item, as in ``visible_items_q``.
    """
    from django.db.models import Q

    if permissions.is_administrator(user):
        return Q()
    editable = permissions.editable_body_ids(user)  # not administrators (above): the cached set, no query
    members_only = editable | permissions.member_body_ids(user) | permissions.archive_body_ids(user)
    m = f"{prefix}meeting__"
    return (
        Q(**{f"{m}status": MeetingStatus.MINUTES_PUBLISHED})
        | (Q(**{f"{m}status__in": list(MINUTES_FOR_MEMBERS)}) & _hosted_q(m, members_only))
        | (Q(**{f"{m}status__in": list(MINUTES_FOR_SECRETARIAT)}) & _hosted_q(m, editable))
    )


def visible_tasks_q(user, prefix: str = ""):
    """An ORM filter for the follow-up tasks this user may see: a task is part of the minutes, so it
    needs both its item (closed, agenda published) and the minutes of its meeting to be visible.
    ``prefix`` is the path from the queried model to the task (e.g. "tasks__")."""
    return visible_items_q(user, f"{prefix}item__") & visible_minutes_q(user, f"{prefix}item__")


def visible_tasks(user, queryset=None):
    """Tasks as this user may see them; every list of tasks goes through here."""
    from .models import Task

    queryset = Task.objects.all() if queryset is None else queryset
    return queryset.filter(visible_tasks_q(user))


# --- matters -------------------------------------------------------------------------------

def matter_label(matter) -> str:
    """A name for a matter that tells nothing: for logs, the admin and anywhere without a user."""
    return f"Sag #{matter.pk}"


def matter_title_for(user, matter) -> str:
    """A matter's title as this user may see it.

    A matter takes its title from the item that created it, often a closed one. Whoever may see
    every item of the matter sees its own title; whoever may see some of them sees the title of
    the first of those; whoever may see none sees only ``matter_label``.
    """
    from .models import AgendaItem

    items = AgendaItem.objects.filter(matter=matter)
    total = items.count()
    visible = items.filter(visible_items_q(user)).order_by("meeting__date", "meeting__start", "position", "pk")
    titles = list(visible.values_list("title", flat=True))
    if total and len(titles) == total:
        return matter.title
    if titles:
        return titles[0]
    return matter_label(matter)


def matter_case_number_for(user, matter) -> str:
    """The matter's journal number, only when an item the user may see carries it."""
    from .models import AgendaItem

    if not matter.case_number:
        return ""
    seen = AgendaItem.objects.filter(visible_items_q(user), matter=matter, case_number=matter.case_number)
    return matter.case_number if seen.exists() else ""


def label_for(user, obj) -> str:
    """How to name a meeting-cycle record to this user (history pages, form choices)."""
    from .models import AgendaItem, Matter

    if isinstance(obj, Matter):
        return matter_title_for(user, obj)
    if isinstance(obj, AgendaItem):
        meeting = obj.meeting
        if not can_see_agenda(user, meeting):
            return f"Punkt {obj.number}" if obj.number else "Pause"
        if obj.closed and not can_see_closed(user, meeting):
            return f"Punkt {obj.number}: {CLOSED_ITEM_TITLE}" if obj.number else CLOSED_ITEM_TITLE
        return str(obj)
    return str(obj)


# --- corrections of approved minutes -----------------------------------------------------------

CLOSED_REVISION_REASON = "Rettelse af et lukket punkt"


@dataclass(frozen=True)
class RevisionStub:
    """What someone who may not see a closed item sees of a correction to it."""

    created: object
    reason: str = CLOSED_REVISION_REASON
    changes: tuple = ()
    redacted: bool = True


def revision_touches_closed(revision, closed_numbers: set[int], closed_pks: set[int]) -> bool:
    for change in revision.changes or []:
        if change.get("item_pk") in closed_pks or change.get("item") in closed_numbers:
            return True
    return False


def visible_revisions(user, meeting) -> list:
    """The corrections of a meeting's approved minutes as this user may see them.

    A correction of a closed item keeps its date, but its reason and the item's number are shown
    only to those who may see the closed item: the reason often repeats what the item is about.
    """
    if not can_see_minutes(user, meeting):
        return []
    revisions = list(meeting.revisions.all())
    if not revisions or can_see_closed(user, meeting):
        return revisions
    closed = list(meeting.items.filter(closed=True).values_list("pk", "number"))
    closed_pks, closed_numbers = {pk for pk, _ in closed}, {n for _, n in closed}
    return [RevisionStub(created=r.created) if revision_touches_closed(r, closed_numbers, closed_pks) else r
            for r in revisions]


# --- the virtual meeting link ------------------------------------------------------------------

def can_see_online_link(user, meeting) -> bool:
    """The link to a virtual meeting is for the body's members (and its secretariat), unless the
    body publishes it (``Body.publishes_online_link``)."""
    if not meeting.online_link:
        return False
    if getattr(meeting.body, "publishes_online_link", False):
        return True
    return user is not None and can_see_closed(user, meeting)


def online_link_for(user, meeting) -> str:
    """The link as this user may see it; "" otherwise. ``user=None`` means the public."""
    return meeting.online_link if can_see_online_link(user, meeting) else ""


def public_online_link(meeting) -> str:
    """The link for channels that reach everyone (feeds, public files)."""
    return meeting.online_link if getattr(meeting.body, "publishes_online_link", False) else ""


# --- proposals ---------------------------------------------------------------------------------

CLOSED_PROPOSAL_TITLE = "Lukket forslag"


def can_see_proposal(user, proposal) -> bool:
    """A proposal made from a closed item is closed too: shown in full only to those who may see
    closed content of the body it comes from, and to the secretariat of the body it is sent to
    (who must decide on it). Open proposals are for everyone who reaches them."""
    if not proposal.closed:
        return True
    if permissions.can_edit_body(user, proposal.target_body):
        return True
    source = proposal.source_item
    return source is not None and can_see_closed(user, source.meeting)


def visible_proposals_q(user, prefix: str = ""):
    """The same rule as ``can_see_proposal`` as an ORM filter, for lists of proposals."""
    from django.db.models import Q

    if permissions.is_administrator(user):
        return Q()
    editable = permissions.editable_body_ids(user)  # not administrators (above): the cached set, no query
    members_only = editable | permissions.member_body_ids(user) | permissions.archive_body_ids(user)
    p = prefix
    return (Q(**{f"{p}closed": False}) | Q(**{f"{p}target_body_id__in": editable})
            | _hosted_q(f"{p}source_item__meeting__", members_only))


def online_link_for_members(meeting) -> str:
    """The link for channels addressed only to the body's active members (the e-mails of
    publishing/notify.py go to them and nobody else)."""
    return meeting.online_link or ""


def can_download_attachment(user, attachment) -> bool:
    """A file whose contents hold a CPR number (``contains_cpr``) is for the secretariat only,
    like a flagged original document; otherwise the item's own rule applies (checked by the caller)."""
    return not attachment.contains_cpr or can_edit_meeting(user, attachment.item.meeting)
