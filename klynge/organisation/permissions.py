"""Who may do what: the one place every permission question is answered.

Roles are scoped to bodies and come from the structure itself:
- administrator: a Django superuser; may do everything.
- secretariat: an active membership with role "secretariat" in a body; may edit
  that body and everything under it (a cluster's secretariat edits its levels and groups).
- member: any other active membership in a body; may see the body's members-only
  content (closed items, internal documents).
- archive: a member (any role) of a body that succeeded another under a plan granting
  archive access may read the predecessor's members-only content (read only; never edit).
- the public (anonymous or without memberships): sees only what is public.

A user acts through the Person linked to the account (Person.user).
"""

from __future__ import annotations

import contextvars
import datetime
from contextlib import contextmanager

from .choices import Role
from .models import Body, Membership, Succession

# --- the per-request cache -------------------------------------------------------------
# The sets below (secretariat, member, editable and archive bodies) are asked for many times in
# one page (once per item of a matter's path, per task of a follow-up page, ...). Within a read
# request (GET/HEAD/OPTIONS, which may not write: see core/transactions.py) they cannot change,
# so PermissionCacheMiddleware opens a cache for the request and drops it at the end: never
# shared across requests, threads or users. Requests that write get no cache at all, so a request
# that changes memberships always sees its own changes; and any save or delete of a membership,
# body, succession or person empties an open cache as well (belt and braces for code that
# writes outside a request while a cache is open, e.g. a test calling request_cache()).
_cache: contextvars.ContextVar[dict | None] = contextvars.ContextVar("klynge_permission_cache", default=None)


@contextmanager
def request_cache():
    """Caches the permission sets of every user for the duration of the block."""
    token = _cache.set({})
    try:
        yield
    finally:
        _cache.reset(token)


@contextmanager
def cache_unless_open():
    """A permission cache for a block that reads only (e.g. one search), unless one is open already
    (a request's): the same sets are asked for by every source's visibility rule."""
    if _cache.get() is not None:
        yield
        return
    with request_cache():
        yield


def clear_cache() -> None:
    store = _cache.get()
    if store is not None:
        store.clear()


def _cached(name: str, user, compute):
    return _remembered((name, getattr(user, "pk", None), _person_id(user)), compute)


def _remembered(key, compute):
    store = _cache.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


class PermissionCacheMiddleware:
    """Opens the permission cache for each safe request (see above)."""

    SAFE = ("GET", "HEAD", "OPTIONS")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in self.SAFE:
            return self.get_response(request)
        with request_cache():
            return self.get_response(request)


def _person_id(user) -> int | None:
    if not getattr(user, "is_authenticated", False):
        return None
    person = getattr(user, "person", None) if hasattr(user, "person") else None
    return person.pk if person else None


def _active_memberships(user, on: datetime.date | None = None):
    person_id = _person_id(user)
    if person_id is None:
        return Membership.objects.none()
    return Membership.objects.filter(person_id=person_id).active(on)


def is_administrator(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_superuser)


def _seats(user) -> frozenset[tuple[int, str]]:
    """(body id, role) of the user's active seats: one query answers both the member and the
    secretariat sets below (most pages ask for both). Unordered: the model's default ordering
    would join the bodies only to sort a set."""
    return _cached("seats", user, lambda: frozenset(
        _active_memberships(user).order_by().values_list("body_id", "role")))


def secretariat_body_ids(user) -> set[int]:
    """Bodies where the user holds an active secretariat seat (not yet expanded downwards)."""
    if _person_id(user) is None:
        return set()
    return {body_id for body_id, role in _seats(user) if role == Role.SECRETARIAT}


def member_body_ids(user) -> set[int]:
    if _person_id(user) is None:
        return set()
    return {body_id for body_id, _ in _seats(user)}


def editable_body_ids(user) -> set[int]:
    """Bodies the user's secretariat seats reach: those bodies and everything under them (no administrators)."""
    own = secretariat_body_ids(user)
    if not own:
        return set()
    return set(_cached("editable", user, lambda: frozenset(descendant_ids(own))))


def descendant_ids(root_ids) -> set[int]:
    """The bodies given and every body under them."""
    children = _children()
    ids = set(root_ids)
    frontier = list(ids)
    while frontier:
        below = [child for parent in frontier for child in children.get(parent, ()) if child not in ids]
        ids.update(below)
        frontier = below
    return ids


def _children() -> dict[int, list[int]]:
    """Parent id -> the ids of the bodies directly under it, for every body: one query whatever the
    depth, read once per request (a page asks for the bodies under several roots: the user's seats,
    a cluster, the successors of an archive). The bodies are a few hundred rows at national scale."""
    def read():
        children: dict[int, list[int]] = {}
        for pk, parent_id in Body.objects.order_by().exclude(parent=None).values_list("pk", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        return children
    return _remembered(("children",), read)


def archive_body_ids(user) -> set[int]:
    if _person_id(user) is None:
        return set()
    return set(_cached("archive", user, lambda: frozenset(_archive_body_ids(user))))


def _archive_body_ids(user) -> set[int]:
    """Predecessor bodies (and everything under them) whose members-only content the user may read.

    Granted only by a succession with ``grants_archive_access``, and only to active members of
    the successor or of a body under it. Read access only: editing stays with the predecessor's
    own (ended) secretariat and administrators.
    """
    grants = list(Succession.objects.filter(grants_archive_access=True).values_list("successor_id", "predecessor_id"))
    if not grants:
        return set()
    mine = member_body_ids(user)
    if not mine:
        return set()
    roots = set()
    for successor_id in {s for s, _ in grants}:
        if mine & descendant_ids([successor_id]):
            roots |= {p for s, p in grants if s == successor_id}
    return descendant_ids(roots) if roots else set()


def members_only_body_ids(user) -> set[int]:
    """Every body whose members-only content the user may read (not counting administrators)."""
    if is_administrator(user):
        return set(Body.objects.values_list("pk", flat=True)) | member_body_ids(user) | archive_body_ids(user)
    return editable_body_ids(user) | member_body_ids(user) | archive_body_ids(user)


def can_edit_body(user, body: Body) -> bool:
    """Secretariat of the body or of any body above it, or an administrator."""
    if is_administrator(user):
        return True
    # The same as "a secretariat seat in the body or a body above it", without walking up the parents.
    return body.pk in editable_body_ids(user)


def can_see_members_only(user, body: Body) -> bool:
    """Members-only content of a body (closed items, internal papers)."""
    if is_administrator(user):
        return True
    if body.pk in member_body_ids(user):
        return True
    if can_edit_body(user, body):
        return True
    return body.pk in archive_body_ids(user)


def can_see_contact_details(user) -> bool:
    """E-mail addresses are for people inside the collaboration, not the public web."""
    return is_administrator(user) or bool(member_body_ids(user))


def editable_bodies(user):
    """Every body the user may edit (for menus and form choices)."""
    if is_administrator(user):
        return Body.objects.all()
    return Body.objects.filter(pk__in=editable_body_ids(user))




def administered_region_ids(user) -> set[int]:
    """Regions the user administers: a secretariat seat in a region-level body of the region.

    A region-level body has no parent and a kind that does not group other bodies (e.g. the
    regional sundhedssamarbejdsudvalg); its ``region`` is the region. Administrators
    (superusers) administer every region; see ``can_administer_region``.
    """
    ids = secretariat_body_ids(user)
    if not ids:
        return set()
    return set(Body.objects.filter(pk__in=ids, parent__isnull=True, kind__groups_bodies=False,
                                   region__isnull=False).values_list("region_id", flat=True))


def can_administer_region(user, region) -> bool:
    """May run the transition of ``region`` (None: a plan without a region, administrators only)."""
    if is_administrator(user):
        return True
    return region is not None and region.pk in administered_region_ids(user)


def can_use_transition(user) -> bool:
    return is_administrator(user) or bool(administered_region_ids(user))
