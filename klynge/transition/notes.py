"""The provenance provider registered with organisation.provenance: notes from TransferRecords."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from klynge.organisation.provenance import Note

from .models import TransferKind, TransferRecord
from .rules import danish_date


def provider(objects) -> dict:
    by_type = defaultdict(list)
    for obj in objects:
        by_type[ContentType.objects.get_for_model(obj)].append(obj.pk)
    found = defaultdict(list)
    for ctype, ids in by_type.items():
        label = f"{ctype.app_label}.{ctype.model}"
        records = (TransferRecord.objects.filter(content_type=ctype, object_id__in=ids)
                   .select_related("from_body", "to_body").order_by("date", "pk"))
        if label == "organisation.body":
            # A body's own page: what came in, what went out (counts per kind), and successions.
            found.update(_body_notes(ids))
            continue
        for record in records:
            text = _object_text(record)
            if text:
                url = record.from_body.get_absolute_url() if record.from_body_id else ""
                found[(label, record.object_id)].append(Note(text, url))
    return found


def _object_text(record) -> str:
    when = danish_date(record.date)
    if record.kind == TransferKind.MEMBERSHIP:
        return f"Ophørt ved overgangen {when}" if not record.to_body_id else \
            f"Videreført fra {record.from_body} {when}"
    if record.from_body_id and record.to_body_id:
        return f"Overført fra {record.from_body} til {record.to_body} {when}"
    return ""


def _body_notes(ids) -> dict:
    found = defaultdict(list)
    counts = defaultdict(lambda: defaultdict(int))
    kinds = dict(TransferKind.choices)
    rows = (TransferRecord.objects.filter(kind__in=[TransferKind.TASK, TransferKind.PROPOSAL, TransferKind.MATTER,
                                                    TransferKind.INITIATIVE, TransferKind.BALANCE])
            .filter(from_body_id__in=ids) | TransferRecord.objects.filter(
                to_body_id__in=ids, kind__in=[TransferKind.TASK, TransferKind.PROPOSAL, TransferKind.MATTER,
                                              TransferKind.INITIATIVE, TransferKind.BALANCE]))
    for from_id, to_id, kind, date in rows.values_list("from_body_id", "to_body_id", "kind", "date"):
        if from_id in ids:
            counts[("out", from_id, to_id, date)][kind] += 1
        if to_id in ids:
            counts[("in", to_id, from_id, date)][kind] += 1
    from klynge.organisation.models import Body

    names = {b.pk: b for b in Body.objects.filter(pk__in={k[2] for k in counts})}
    for (direction, own, other, date), per_kind in sorted(counts.items(), key=lambda kv: (kv[0][3], kv[0][2])):
        parts = ", ".join(f"{n} × {kinds[k].lower()}" for k, n in sorted(per_kind.items()))
        body = names.get(other)
        if direction == "out":
            text = f"Overført til {body} {danish_date(date)}: {parts}"
        else:
            text = f"Overført fra {body} {danish_date(date)}: {parts}"
        found[("organisation.body", own)].append(Note(text, body.get_absolute_url() if body else ""))
    return found
