"""The OParl 1.1 endpoints: the System object, one object per URL, and paged lists per Body.

Anonymous and read-only: every answer is the public view (see objects.py), whoever asks, so a
logged-in browser gets the same bytes as any OParl client. Every answer carries
``Access-Control-Allow-Origin: *``, an ETag (and Last-Modified where one object is answered), and
is answered with 304 to a matching conditional request.
"""

from __future__ import annotations

import functools
import json

from django.db.models import Max, Min, Prefetch
from django.http import Http404, HttpResponse
from django.utils.http import http_date
from django.views.decorators.http import conditional_page

from klynge.core.params import query_params
from klynge.meetings import visibility
from klynge.meetings.models import AgendaItem, Attachment, Matter, Meeting
from klynge.organisation import permissions
from klynge.organisation.models import Body, ElectoralTerm, Membership, Person

from . import documents, objects, paging
from .objects import PUBLIC, Out

JSON = "application/json; charset=utf-8"


def _json(data, status: int = 200, modified=None) -> HttpResponse:
    response = HttpResponse(json.dumps(data, ensure_ascii=False), content_type=JSON, status=status)
    if modified is not None:
        response["Last-Modified"] = http_date(modified.timestamp())
    return response


class BadRequest(Exception):
    """A parameter the API cannot use; the message is Danish and names it."""


def oparl_view(view):
    """GET and HEAD (OPTIONS for CORS preflights), JSON errors, CORS on every answer, ETag and 304."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif request.method not in ("GET", "HEAD"):
            response = _json({"fejl": "OParl-grænsefladen kan kun læses (GET)."}, status=405)
            response["Allow"] = "GET, HEAD, OPTIONS"
        else:
            try:
                response = view(request, *args, **kwargs)
            except Http404:
                response = _json({"fejl": "Objektet findes ikke."}, status=404)
            except BadRequest as error:
                response = _json({"fejl": "Ugyldig forespørgsel.", "detaljer": [str(error)]}, status=400)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response.setdefault("Cache-Control", "public, max-age=60")
        return response

    return conditional_page(wrapped)


# --- lists -----------------------------------------------------------------------------------

FILTER_LABELS = {"created_since": "created_since", "created_until": "created_until",
                 "modified_since": "modified_since", "modified_until": "modified_until"}


def _filters(request) -> dict:
    params = query_params(request)
    found = {name: params.moment(name, label=f"Parameteren {name}") for name in paging.FILTERS}
    if params.errors:
        raise BadRequest(params.errors[0])
    return found


def _filter_live(queryset, f: dict):
    lookups = {"created_since": "created__gte", "created_until": "created__lte",
               "modified_since": "modified__gte", "modified_until": "modified__lte"}
    return queryset.filter(**{lookups[k]: v for k, v in f.items() if v})


def _filter_deleted(queryset, f: dict):
    lookups = {"created_since": "created__gte", "created_until": "created__lte",
               "modified_since": "history_date__gte", "modified_until": "history_date__lte"}
    return queryset.filter(**{lookups[k]: v for k, v in f.items() if v})


def deletions(model, **where):
    """The rows of ``model`` that have been deleted, from its change history (django-simple-history
    writes a row of type "-" when a record is deleted): one per object, the newest deletion."""
    history = model.history.model
    live = model.objects.values("pk")
    return history.objects.filter(history_type="-", **where).exclude(id__in=live).order_by("id", "-history_date")


def _distinct_deleted(rows) -> list:
    seen, result = set(), []
    for row in rows:
        if row.id not in seen:
            seen.add(row.id)
            result.append(row)
    return result


def paged(request, out: Out, base_name: str, args, live, dead, serialize, serialize_dead, size=paging.PAGE_SIZE):
    f = _filters(request)
    live = _filter_live(live, f).order_by("pk")
    dead = _distinct_deleted(_filter_deleted(dead, f)) if dead is not None else []
    live_count = live.count()
    total = live_count + len(dead)
    pages = paging.total_pages(total, size)
    params = query_params(request)
    page = params.integer("page", label="Siden", default=1, minimum=1, maximum=pages)
    if params.errors:
        raise BadRequest(params.errors[0])
    live_part, dead_part = paging.page_window(page, live_count, size)
    data = serialize(list(live[live_part])) + [serialize_dead(row) for row in dead[dead_part]]
    base = out.url(base_name, *args)
    values = {k: request.GET.get(k) for k in paging.FILTERS}
    return _json({
        "data": data,
        "pagination": {"totalElements": total, "elementsPerPage": size, "currentPage": page, "totalPages": pages},
        "links": paging.links(base, values, page, pages),
    })


def _dead(out: Out, type_name: str, url_name: str, key: str = "id"):
    return lambda row: objects.deleted(out, type_name, out.url(url_name, getattr(row, key)), row.created,
                                       row.history_date)


# --- the object sets the lists and single objects share ---------------------------------------

def _root(slug: str) -> Body:
    try:
        return Body.objects.select_related("kind").get(slug=slug, parent__isnull=True)
    except Body.DoesNotExist:
        raise Http404 from None


def _tree(root: Body) -> set[int]:
    return permissions.descendant_ids([root.pk])


def _meetings():
    items = AgendaItem.objects.prefetch_related("recommendations", "attachments", "tasks", "presenters")
    return Meeting.objects.select_related("body").prefetch_related(
        Prefetch("items", queryset=items), "attendance__person", "revisions", "co_hosts")


def _agenda_public_ids(meeting_ids=None) -> list[int]:
    meetings = Meeting.objects.select_related("body")
    if meeting_ids is not None:
        meetings = meetings.filter(pk__in=meeting_ids)
    return [m.pk for m in meetings if visibility.can_see_agenda(PUBLIC, m)]


def _public_items():
    """Items the public may see in full (published agenda, not closed)."""
    return AgendaItem.objects.filter(visibility.visible_items_q(PUBLIC))


def _consultations():
    return _public_items().filter(matter__isnull=False).select_related("meeting__body")


def _hosted(body_ids):
    """The ids of the meetings these bodies hold, as lead host or co-host (a subquery)."""
    return Meeting.objects.for_bodies(body_ids).values("pk")


def _papers(tree: set[int] | None = None):
    items = _public_items()
    if tree is not None:
        items = items.filter(meeting_id__in=_hosted(tree))
    return Matter.objects.filter(pk__in=items.values("matter_id")).select_related("owner_body")


def _once_public_matter_ids(tree: set[int] | None = None):
    """Matters an open item on a published agenda (of a meeting the bodies of ``tree`` host) has been
    linked to at some time, from the items' change history: only such a matter may be listed as a
    deleted Paper. A matter nobody outside could see stays unknown after deletion too (its id would
    tell that it existed)."""
    meetings = _agenda_public_ids(None if tree is None else _hosted(tree))
    return (AgendaItem.history.model.objects
            .filter(matter_id__isnull=False, closed=False, meeting_id__in=meetings)
            .values("matter_id"))


def _paper_items(matter) -> list:
    return list(_consultations().filter(matter=matter).order_by("meeting__date", "meeting__start", "position", "pk"))


def _public_attachments():
    return (Attachment.objects.filter(item__in=_public_items(), contains_cpr=False).exclude(file="")
            .select_related("item__meeting__body"))


def _organizations():
    return Body.objects.select_related("kind", "level", "parent").prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.only("pk", "body_id").order_by("pk"),
                 to_attr="membership_rows"))


def _persons():
    rows = Membership.objects.select_related("body", "organisation", "person").order_by("start", "pk")
    return Person.objects.prefetch_related(Prefetch("memberships", queryset=rows, to_attr="membership_rows"))


def _organization_out(out, forum):
    return objects.organization(out, forum, [m.pk for m in forum.membership_rows])


def _person_out(out, p):
    return objects.person(out, p, p.membership_rows)


def _agenda_item_out(out: Out, item) -> dict:
    """The item from its meeting's agenda, the meeting read once per request with everything prefetched."""
    if item.meeting_id not in out.agendas:
        return objects.agenda_item_alone(out, item, _meetings().get(pk=item.meeting_id))
    return objects.agenda_item_alone(out, item)


# --- System and Body ---------------------------------------------------------------------------

@oparl_view
def system(request):
    stamps = Body.objects.aggregate(created=Min("created"), modified=Max("modified"))
    return _json(objects.system(Out(request), stamps["created"], stamps["modified"]))


@oparl_view
def body_list(request):
    out = Out(request)
    terms = list(ElectoralTerm.objects.all())
    roots = Body.objects.filter(parent__isnull=True).select_related("kind")
    dead = deletions(Body, parent_id__isnull=True)
    return paged(request, out, "body_list", [], roots,
                 dead, lambda rows: [objects.body(out, r, terms) for r in rows], _dead(out, "Body", "body", "slug"))


@oparl_view
def body(request, slug):
    out = Out(request)
    try:
        root = _root(slug)
    except Http404:
        return _deleted_or_404(out, Body, "Body", "body", "slug", slug=slug, parent_id__isnull=True)
    return _json(objects.body(out, root, list(ElectoralTerm.objects.all())), modified=root.modified)


def _deleted_or_404(out: Out, model, type_name: str, url_name: str, key: str = "id", **where):
    row = deletions(model, **where).first()
    if row is None:
        raise Http404
    return _json(objects.deleted(out, type_name, out.url(url_name, getattr(row, key)), row.created, row.history_date),
                 modified=row.history_date)


@oparl_view
def body_organizations(request, slug):
    out, tree = Out(request), _tree(_root(slug))
    return paged(request, out, "body_organizations", [slug], _organizations().filter(pk__in=tree),
                 deletions(Body, parent_id__in=tree), lambda rows: [_organization_out(out, r) for r in rows],
                 _dead(out, "Organization", "organization", "slug"))


@oparl_view
def body_persons(request, slug):
    out, tree = Out(request), _tree(_root(slug))
    live = _persons().filter(pk__in=Membership.objects.filter(body_id__in=tree).values("person_id"))
    gone = Membership.history.model.objects.filter(body_id__in=tree).values("person_id")
    return paged(request, out, "body_persons", [slug], live, deletions(Person, id__in=gone),
                 lambda rows: [_person_out(out, r) for r in rows], _dead(out, "Person", "person", "slug"))


@oparl_view
def body_memberships(request, slug):
    out, tree = Out(request), _tree(_root(slug))
    live = Membership.objects.filter(body_id__in=tree).select_related("person", "body", "organisation")
    return paged(request, out, "body_memberships", [slug], live, deletions(Membership, body_id__in=tree),
                 lambda rows: [objects.membership(out, m) for m in rows], _dead(out, "Membership", "membership"))


MEETING_PAGE_SIZE = 25  # a meeting carries its whole agenda and files


@oparl_view
def body_meetings(request, slug):
    out, tree = Out(request), _tree(_root(slug))
    return paged(request, out, "body_meetings", [slug], _meetings().for_bodies(tree),
                 deletions(Meeting, body_id__in=tree), lambda rows: [objects.meeting(out, m) for m in rows],
                 _dead(out, "Meeting", "meeting"), size=MEETING_PAGE_SIZE)


@oparl_view
def body_locations(request, slug):
    out, tree = Out(request), _tree(_root(slug))
    return paged(request, out, "body_locations", [slug], Meeting.objects.for_bodies(tree),
                 deletions(Meeting, body_id__in=tree), lambda rows: [objects.location(out, m) for m in rows],
                 _dead(out, "Location", "location"))


@oparl_view
def body_agenda_items(request, slug):
    out, tree = Out(request), _tree(_root(slug))
    public = _agenda_public_ids(_hosted(tree))
    live = AgendaItem.objects.filter(meeting_id__in=public).select_related("meeting__body")
    return paged(request, out, "body_agenda_items", [slug], live, deletions(AgendaItem, meeting_id__in=public),
                 lambda rows: [_agenda_item_out(out, i) for i in rows], _dead(out, "AgendaItem", "agenda_item"))


def _dead_consultations(meeting_ids):
    return deletions(AgendaItem, meeting_id__in=meeting_ids, matter_id__isnull=False, closed=False)


@oparl_view
def body_consultations(request, slug):
    out, tree = Out(request), _tree(_root(slug))
    public = _agenda_public_ids(_hosted(tree))
    return paged(request, out, "body_consultations", [slug], _consultations().filter(meeting_id__in=_hosted(tree)),
                 _dead_consultations(public), lambda rows: [objects.consultation(out, i) for i in rows],
                 _dead(out, "Consultation", "consultation"))


@oparl_view
def body_papers(request, slug):
    out, tree = Out(request), _tree(_root(slug))
    return paged(request, out, "body_papers", [slug], _papers(tree),
                 deletions(Matter, id__in=_once_public_matter_ids(tree)),
                 lambda rows: [objects.paper(out, m, _paper_items(m)) for m in rows], _dead(out, "Paper", "paper"))


@oparl_view
def body_files(request, slug):
    out, tree = Out(request), _tree(_root(slug))
    live = _public_attachments().filter(item__meeting_id__in=_hosted(tree))
    open_items = _public_items().filter(meeting_id__in=_hosted(tree)).values("pk")
    return paged(request, out, "body_files", [slug], live, deletions(Attachment, item_id__in=open_items),
                 lambda rows: [objects.attachment_file(out, a, a.item) for a in rows], _dead(out, "File", "file"))


@oparl_view
def body_legislative_terms(request, slug):
    out = Out(request)
    own = out.url("body", _root(slug).slug)
    return paged(request, out, "body_legislative_terms", [slug], ElectoralTerm.objects.all(),
                 deletions(ElectoralTerm), lambda rows: [objects.legislative_term(out, t, own) for t in rows],
                 _dead(out, "LegislativeTerm", "legislative_term"))


# --- Organization ------------------------------------------------------------------------------

@oparl_view
def organization(request, slug):
    out = Out(request)
    forum = _organizations().filter(slug=slug).first()
    if forum is None:
        return _deleted_or_404(out, Body, "Organization", "organization", "slug", slug=slug)
    return _json(_organization_out(out, forum), modified=forum.modified)


def _forum(slug) -> Body:
    forum = Body.objects.filter(slug=slug).first()
    if forum is None:
        raise Http404
    return forum


@oparl_view
def organization_meetings(request, slug):
    out, forum = Out(request), _forum(slug)
    return paged(request, out, "organization_meetings", [slug], _meetings().for_bodies([forum.pk]),
                 deletions(Meeting, body_id=forum.pk), lambda rows: [objects.meeting(out, m) for m in rows],
                 _dead(out, "Meeting", "meeting"), size=MEETING_PAGE_SIZE)


@oparl_view
def organization_consultations(request, slug):
    out, forum = Out(request), _forum(slug)
    public = _agenda_public_ids(_hosted([forum.pk]))
    return paged(request, out, "organization_consultations", [slug],
                 _consultations().filter(meeting_id__in=_hosted([forum.pk])),
                 _dead_consultations(public), lambda rows: [objects.consultation(out, i) for i in rows],
                 _dead(out, "Consultation", "consultation"))


# --- single objects ----------------------------------------------------------------------------

@oparl_view
def person(request, slug):
    out = Out(request)
    p = _persons().filter(slug=slug).first()
    if p is None:
        return _deleted_or_404(out, Person, "Person", "person", "slug", slug=slug)
    return _json(_person_out(out, p), modified=p.modified)


@oparl_view
def membership(request, pk):
    out = Out(request)
    m = Membership.objects.select_related("person", "body", "organisation").filter(pk=pk).first()
    if m is None:
        return _deleted_or_404(out, Membership, "Membership", "membership", id=pk)
    return _json(objects.membership(out, m), modified=m.modified)


@oparl_view
def meeting(request, pk):
    out = Out(request)
    m = _meetings().filter(pk=pk).first()
    if m is None:
        return _deleted_or_404(out, Meeting, "Meeting", "meeting", id=pk)
    return _json(objects.meeting(out, m), modified=m.modified)


@oparl_view
def location(request, pk):
    out = Out(request)
    m = Meeting.objects.select_related("body").filter(pk=pk).first()
    if m is None:
        return _deleted_or_404(out, Meeting, "Location", "location", id=pk)
    return _json(objects.location(out, m), modified=m.modified)


@oparl_view
def agenda_item(request, pk):
    out = Out(request)
    item = AgendaItem.objects.select_related("meeting__body").filter(pk=pk).first()
    if item is None:
        return _deleted_or_404(out, AgendaItem, "AgendaItem", "agenda_item", id=pk,
                               meeting_id__in=_agenda_public_ids())
    if not out.agenda_public(item.meeting):
        raise Http404
    return _json(_agenda_item_out(out, item), modified=None if item.closed else item.modified)


@oparl_view
def consultation(request, pk):
    out = Out(request)
    item = _consultations().filter(pk=pk).first()
    if item is None:
        return _deleted_or_404(out, AgendaItem, "Consultation", "consultation", id=pk,
                               meeting_id__in=_agenda_public_ids(), matter_id__isnull=False, closed=False)
    return _json(objects.consultation(out, item), modified=item.modified)


@oparl_view
def paper(request, pk):
    out = Out(request)
    matter = _papers().filter(pk=pk).first()
    if matter is None:
        if Matter.objects.filter(pk=pk).exists():
            raise Http404  # exists, but nothing of it is public
        return _deleted_or_404(out, Matter, "Paper", "paper", id=pk, id__in=_once_public_matter_ids())
    return _json(objects.paper(out, matter, _paper_items(matter)), modified=matter.modified)


@oparl_view
def file(request, pk):
    out = Out(request)
    attachment = _public_attachments().filter(pk=pk).first()
    if attachment is None:
        if Attachment.objects.filter(pk=pk).exists():
            raise Http404
        return _deleted_or_404(out, Attachment, "File", "file", id=pk, item_id__in=_public_items().values("pk"))
    return _json(objects.attachment_file(out, attachment, attachment.item), modified=attachment.modified)


def _meeting_document(pk, document):
    kind = documents.KINDS.get(document)
    m = _meetings().filter(pk=pk).first()
    if kind is None or m is None or not documents.is_public(m, kind):
        raise Http404
    return m, kind


@oparl_view
def meeting_file(request, pk, document):
    m, kind = _meeting_document(pk, document)
    return _json(objects.meeting_file(Out(request), m, kind), modified=m.modified)


@oparl_view
def meeting_file_content(request, pk, document):
    """The bytes the File object describes (the public version), from the same cache as its size."""
    m, kind = _meeting_document(pk, document)
    response = HttpResponse(documents.content(m, kind), content_type=kind.mime_type)
    response["Content-Disposition"] = f'attachment; filename="{documents.filename(m, kind)}"'
    return response


@oparl_view
def legislative_term(request, pk):
    out = Out(request)
    term = ElectoralTerm.objects.filter(pk=pk).first()
    if term is None:
        return _deleted_or_404(out, ElectoralTerm, "LegislativeTerm", "legislative_term", id=pk)
    return _json(objects.legislative_term(out, term), modified=term.modified)
