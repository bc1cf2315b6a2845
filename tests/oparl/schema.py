"""Validation against the vendored OParl 1.1 JSON Schemas (klynge/oparl/schema/).

The OParl schemas write an inline object as ``{"type": "object", "schema": "File.json"}`` and a URL
as ``"format": "url"``; neither is standard JSON Schema. Here ``schema`` becomes a ``$ref`` to the
named file, so an inline object (a Meeting's agendaItem, a Body's legislativeTerm) is validated in
full, and ``url``, ``date`` and ``date-time`` are checked strictly: an absolute http(s) address, an
ISO date, an ISO date-time with its offset.
"""

from __future__ import annotations

import datetime
import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "klynge" / "oparl" / "schema"
BASE = "https://schema.oparl.org/1.1/"
TYPE = re.compile(r"^https://schema\.oparl\.org/1\.1/(\w+)$")


def _with_refs(node):
    if isinstance(node, dict):
        node = {k: _with_refs(v) for k, v in node.items()}
        if "schema" in node and isinstance(node["schema"], str):
            return {"$ref": node["schema"]}
        return node
    if isinstance(node, list):
        return [_with_refs(v) for v in node]
    return node


@cache
def _registry() -> Registry:
    resources = []
    for path in SCHEMA_DIR.glob("*.json"):
        schema = _with_refs(json.loads(path.read_text(encoding="utf-8")))
        schema["$id"] = BASE + path.name
        schema.setdefault("$schema", "http://json-schema.org/draft-07/schema#")
        resources.append((BASE + path.name, Resource.from_contents(schema)))
    return Registry().with_resources(resources)


FORMATS = jsonschema.FormatChecker(formats=())


@FORMATS.checks("url")
def _url(value) -> bool:
    parts = urlsplit(value) if isinstance(value, str) else None
    return bool(parts and parts.scheme in ("http", "https") and parts.netloc)


@FORMATS.checks("date")
def _date(value) -> bool:
    return isinstance(value, str) and len(value) == 10 and bool(datetime.date.fromisoformat(value))


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value) -> bool:
    if not isinstance(value, str) or "T" not in value:
        return False
    return datetime.datetime.fromisoformat(value).utcoffset() is not None


def type_name(obj: dict) -> str:
    match = TYPE.match(obj.get("type", ""))
    assert match, f"no OParl 1.1 type: {obj.get('type')!r} on {obj.get('id')}"
    return match.group(1)


def validate(obj: dict) -> None:
    """Raises jsonschema.ValidationError when ``obj`` does not match the schema of its type."""
    name = type_name(obj)
    schema_path = SCHEMA_DIR / f"{name}.json"
    assert schema_path.exists(), f"no schema for {name}"
    validator = jsonschema.Draft7Validator({"$ref": BASE + f"{name}.json"}, registry=_registry(),
                                           format_checker=FORMATS)
    validator.validate(obj)
