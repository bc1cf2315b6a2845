"""The report: a parsed document as the JSON object of ``--json`` (docs/importer.md)."""

from __future__ import annotations

import datetime

from .parse import ParsedDocument, ParsedItem, ParsedPerson, ParsedTask, ParsedWarning


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


# --- back again: the review step (importer.review) keeps a dry run's document between two requests ---------

def _time(value: str | None) -> datetime.time | None:
    return datetime.time.fromisoformat(value) if value else None


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _parsed_person(data: dict | str) -> ParsedPerson:
    if isinstance(data, str):
        return ParsedPerson(data)
    return ParsedPerson(data["name"], data.get("title"), data.get("organisation"))


def _task(data: dict) -> ParsedTask:
    return ParsedTask(data["description"], data["owner_kind"], data.get("owner_name"), _date(data.get("due")),
                      data.get("recommendation"))


def to_stored(doc: ParsedDocument) -> dict:
    """The report plus what it leaves out (guests' titles, substitutes, tasks, the CPR count), so that
    ``from_json(to_stored(doc)) == doc``: what a review keeps between the dry run and the save."""
    data = to_json(doc)
    data["stored"] = {
        "guests": [_person(p) for p in doc.guests],
        "substitutes": [list(pair) for pair in doc.substitutes],
        "cpr_found": doc.cpr_found,
        "items": [
            {"guests": [_person(p) for p in item.guests],
             "tasks": [{"description": t.description, "owner_kind": t.owner_kind, "owner_name": t.owner_name,
                        "due": t.due.isoformat() if t.due else None, "recommendation": t.recommendation}
                       for t in item.tasks],
             "through": item.through}
            for item in doc.items
        ],
    }
    return data


def from_json(data: dict) -> ParsedDocument:
    """A ParsedDocument from ``to_json`` (what it holds) or ``to_stored`` (all of it)."""
    stored = data.get("stored") or {}
    extra = stored.get("items") or [{} for _ in data["items"]]
    items = []
    for item, more in zip(data["items"], extra, strict=True):
        items.append(ParsedItem(
            number=item["number"], title=item["title"], presenter=item["presenter"], start=_time(item["start"]),
            end=_time(item["end"]), kind=item["kind"], closed=item["closed"], case_number=item["case_number"],
            summary=item["summary"], description=item["description"],
            recommendations=list(item["recommendations"]), minutes=item["minutes"], decision=item["decision"],
            attachments=list(item["attachments"]), tables=[table["rows"] for table in item["tables"]],
            guests=[_parsed_person(p) for p in more.get("guests", [])],
            tasks=[_task(t) for t in more.get("tasks", [])], through=more.get("through")))
    return ParsedDocument(
        kind=data["kind"], title=data["title"], body=data["body"], cluster=data["cluster"], date=_date(data["date"]),
        start=_time(data["start"]), end=_time(data["end"]), place=data["place"],
        attendees=[_parsed_person(p) for p in data["attendees"]], absent=list(data["absent"]),
        substitutes=[(a, b) for a, b in stored.get("substitutes", [])],
        guests=[_parsed_person(p) for p in stored.get("guests", data["guests"])],
        items=items, repairs=data["repairs"], cpr_found=stored.get("cpr_found", 0),
        warnings=[ParsedWarning(w["code"], w["message"], w["item"]) for w in data["warnings"]],
        changes=[(c["from"], c["to"]) for c in data["changes"]])
