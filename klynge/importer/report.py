"""The report: a parsed document as the JSON object of ``--json`` (docs/importer.md)."""

from __future__ import annotations

from .parse import ParsedDocument, ParsedPerson


def _t(value) -> str | None:
    return value.strftime("%H:%M") if value else None


def _person(p: ParsedPerson) -> dict:
    return {"name": p.name, "title": p.title, "organisation": p.organisation}


def to_json(doc: ParsedDocument) -> dict:
    """Exactly the documented shape, keys in the documented order."""
    return {
        "kind": doc.kind,
        "title": doc.title,
        "body": doc.body,
        "cluster": doc.cluster,
        "date": doc.date.isoformat() if doc.date else None,
        "start": _t(doc.start),
        "end": _t(doc.end),
        "place": doc.place,
        "attendees": [_person(p) for p in doc.attendees],
        "absent": list(doc.absent),
        "guests": list(dict.fromkeys(p.name for p in doc.guests)),
        "items": [
            {
                "number": item.number,
                "title": item.title,
                "presenter": item.presenter,
                "start": _t(item.start),
                "end": _t(item.end),
                "kind": item.kind,
                "closed": item.closed,
                "case_number": item.case_number,
                "summary": item.summary,
                "description": item.description,
                "recommendations": list(item.recommendations),
                "minutes": item.minutes,
                "decision": item.decision,
                "attachments": list(item.attachments),
                "tables": [{"rows": rows} for rows in item.tables],
            }
            for item in doc.items
        ],
        "repairs": doc.repairs,
        "changes": [{"from": a, "to": b} for a, b in doc.changes],
        "warnings": [{"code": w.code, "message": w.message, "item": w.item} for w in doc.warnings],
    }
