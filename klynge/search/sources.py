"""What the search covers: bodies, persons, parties, agenda items (their agenda text, and their
minutes and decisions separately), attachments, initiatives and indicators.

Documents of agenda items are seen through ``meetings.visibility`` on the database: an item's
agenda text with ``visible_items_q``; its minutes and decisions also need ``visible_minutes_q``;
an attachment goes with its item, and one flagged for a CPR number is not indexed at all.
"""

from __future__ import annotations

from django.db.models import Q
from django.db.models.signals import post_save
from django.urls import reverse

from klynge.meetings import visibility
from klynge.meetings.models import AgendaItem, Attachment, Meeting, Recommendation
from klynge.organisation.models import Body, Organisation, Person, Succession

from .models import SearchDocument
from .registry import Doc, Source, register
from .text import plain


def cluster_ids() -> dict[int, int | None]:
    """Each body's cluster (the nearest body, itself included, whose kind groups bodies): one query."""
    rows = {pk: (parent, groups) for pk, parent, groups in
            Body.objects.values_list("pk", "parent_id", "kind__groups_bodies")}
    found = {}
    for pk in rows:
        node, seen = pk, set()
        while node is not None and node not in seen:
            seen.add(node)
            parent, groups = rows[node]
            if groups:
                break
            node = parent
        found[pk] = node if node is not None and rows[node][1] else None
    return found


def _clusters(objects) -> dict:
    return {"clusters": cluster_ids()}


def _join(*parts) -> str:
    return "\n".join(p for p in parts if p)


# --- visibility, computed once per search (memo) ---------------------------------------------

def item_visible(user, memo) -> Q:
    if "items" not in memo:
        memo["items"] = visibility.visible_items_q(user, "item__")
    return memo["items"]


def minutes_visible(user, memo) -> Q:
    if "minutes" not in memo:
        memo["minutes"] = item_visible(user, memo) & visibility.visible_minutes_q(user, "item__")
    return memo["minutes"]


# --- structure -------------------------------------------------------------------------------

def _body_context(objects) -> dict:
    """Clusters, and the successors' names, so an ended body is found under its successor's name too."""
    successors: dict[int, list[str]] = {}
    for predecessor, name in (Succession.objects.filter(predecessor__in=[b.pk for b in objects])
                              .order_by("successor__name").values_list("predecessor_id", "successor__name")):
        successors.setdefault(predecessor, []).append(name)
    return {"clusters": cluster_ids(), "successors": successors}


def archive_note(name: str) -> str:
    return f"Arkiv fra forgænger til {name}"


def _body(body, context):
    archives = [archive_note(name) for name in context.get("successors", {}).get(body.pk, [])]
    return Doc(title=body.name, text=_join(body.short_name, plain(body.description), *archives),
               url=body.get_absolute_url(), body_id=body.pk, cluster_id=context["clusters"].get(body.pk))


def _person(person, context):
    return Doc(title=person.name, text=person.title, url=person.get_absolute_url())


def _organisation(org, context):
    return Doc(title=org.name, text=_join(org.short_name, org.get_kind_display()), url=org.get_absolute_url())


# --- meetings --------------------------------------------------------------------------------

def _items_context(items) -> dict:
    recommendations = {}
    for rec in Recommendation.objects.filter(item__in=[i.pk for i in items]).order_by("item", "number"):
        recommendations.setdefault(rec.item_id, []).append(rec)
    return {"clusters": cluster_ids(), "recommendations": recommendations}


def _on_item(item, context, title, text) -> Doc:
    meeting = item.meeting
    return Doc(title=title, text=text, date=meeting.date, body_id=meeting.body_id,
               cluster_id=context["clusters"].get(meeting.body_id), item_id=item.pk)


def _item(item, context):
    recs = context["recommendations"].get(item.pk, [])
    return _on_item(item, context, item.title, _join(
        item.summary, plain(item.description), item.case_number, *(f"{r.number}. {r.text}" for r in recs)))


def _decision(item, context):
    recs = context["recommendations"].get(item.pk, [])
    text = _join(plain(item.decision), plain(item.minutes),
                 *(f"{r.number}. {r.get_outcome_display()} {r.decision_text}".strip() for r in recs
                   if r.decision_text or r.outcome))
    return _on_item(item, context, item.title, text) if text else None


def _attachment(attachment, context):
    if attachment.contains_cpr:
        return None
    doc = _on_item(attachment.item, context, attachment.title, attachment.text)
    return doc


def _item_url(doc) -> str:
    return doc.item.get_absolute_url() if doc.item_id else ""


def _recommendation_item(rec):
    return [rec.item_id]


ITEMS = register(Source(
    kind="item", label="Punkt", model=AgendaItem, document=_item, prepare=_items_context,
    queryset=lambda: AgendaItem.objects.select_related("meeting"), visible=item_visible,
    depends={Recommendation: _recommendation_item}, url_of=_item_url))
DECISIONS = register(Source(
    kind="decision", label="Beslutning og referat", model=AgendaItem, document=_decision, prepare=_items_context,
    queryset=lambda: AgendaItem.objects.select_related("meeting"), visible=minutes_visible,
    depends={Recommendation: _recommendation_item}, url_of=_item_url))
ATTACHMENTS = register(Source(
    kind="attachment", label="Bilag", model=Attachment, document=_attachment, prepare=_clusters,
    queryset=lambda: Attachment.objects.select_related("item__meeting"), visible=item_visible,
    url_of=_item_url))
register(Source(kind="body", label="Organ", model=Body, document=_body, prepare=_body_context,
                depends={Succession: lambda succession: [succession.predecessor_id]}))
register(Source(kind="person", label="Person", model=Person, document=_person))
register(Source(kind="organisation", label="Part", model=Organisation, document=_organisation))


def _meeting_moved(sender, instance, raw=False, **kwargs):
    """A meeting's date or body is on its items' documents: follow a move (one UPDATE, usually none)."""
    if raw:
        return
    cluster = cluster_ids().get(instance.body_id) if instance.body_id else None
    (SearchDocument.objects.filter(item__meeting=instance)
     .exclude(date=instance.date, body_id=instance.body_id, cluster_id=cluster)
     .update(date=instance.date, body_id=instance.body_id, cluster_id=cluster))


def _body_moved(sender, instance, raw=False, **kwargs):
    """A body placed under another parent can change the cluster of everything below it."""
    if raw:
        return
    clusters = cluster_ids()
    below = {instance.pk}
    children = {}
    for pk, parent in Body.objects.values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    stack = [instance.pk]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in below:
                below.add(child)
                stack.append(child)
    by_cluster = {}
    for pk in below:
        by_cluster.setdefault(clusters.get(pk), []).append(pk)
    for cluster, bodies in by_cluster.items():
        SearchDocument.objects.filter(body_id__in=bodies).exclude(cluster_id=cluster).update(cluster_id=cluster)


post_save.connect(_meeting_moved, sender=Meeting, dispatch_uid="search:meeting-moved")
post_save.connect(_body_moved, sender=Body, dispatch_uid="search:body-moved")


# --- funds and indicators ----------------------------------------------------------------------

def _register_funds_and_indicators():
    from klynge.funds.models import Initiative
    from klynge.indicators.models import Indicator

    def initiative(obj, context):
        return Doc(title=f"{obj.number}. {obj.title}", text=_join(obj.focus_area, plain(obj.description)),
                   url=obj.get_absolute_url(), body_id=obj.responsible_body_id or obj.cluster_id,
                   cluster_id=obj.cluster_id)

    def indicator(obj, context):
        return Doc(title=obj.name, text=plain(obj.description),
                   url=reverse("indicators:definitions") + f"#{obj.slug}")

    register(Source(kind="initiative", label="Indsats", model=Initiative, document=initiative,
                    queryset=lambda: Initiative.objects.select_related("cluster")))
    register(Source(kind="indicator", label="Indikator", model=Indicator, document=indicator))


_register_funds_and_indicators()
