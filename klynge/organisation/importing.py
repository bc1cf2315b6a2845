"""Import parties (organisations) from CSV: all rows or none.

Columns: name,kind[,parent,region,municipality_code,sor_code]. ``kind`` is a code
(``municipality``) or its Danish label (``Kommune``); parent and region name other
rows in the file or existing parties.
"""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from .choices import OrganisationKind
from .models import Organisation

REQUIRED = ["name", "kind"]
OPTIONAL = ["parent", "region", "municipality_code", "sor_code"]
_KINDS = {**{c.value: c.value for c in OrganisationKind}, **{c.label.lower(): c.value for c in OrganisationKind}}


class ImportError_(ValueError):
    """A Danish message naming the line and the problem."""


@dataclass
class ImportResult:
    created: int
    updated: int


def decode(data: bytes, filename: str) -> str:
    if not data.strip():
        raise ImportError_(f"Filen {filename} er tom.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportError_(f"Filen {filename} er ikke en tekstfil i UTF-8 eller Windows-1252.")


def import_organisations(text: str, filename: str = "filen") -> ImportResult:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportError_(f"{filename}: kolonnen “{missing[0]}” mangler i første linje.")
    rows = []
    for line, raw in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        if not row.get("name"):
            raise ImportError_(f"{filename}, linje {line}: navnet mangler.")
        kind = _KINDS.get(row["kind"].lower())
        if kind is None:
            known = ", ".join(c.label for c in OrganisationKind)
            raise ImportError_(
                f"{filename}, linje {line}: ukendt type “{row['kind']}” for {row['name']}. Kendte typer: {known}."
            )
        rows.append((line, row, kind))
    names = [row["name"] for _, row, _ in rows]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise ImportError_(f"{filename}: {sorted(duplicates)[0]} står mere end én gang.")
    return _save(rows, filename)


@transaction.atomic
def _save(rows, filename) -> ImportResult:
    created = updated = 0
    saved = {}
    for line, row, kind in rows:
        org = Organisation.objects.filter(name=row["name"]).first() or Organisation(name=row["name"])
        was_new = org.pk is None
        org.kind = kind
        org.municipality_code = row.get("municipality_code", "")
        org.sor_code = row.get("sor_code", "")
        try:
            org.full_clean(exclude=["slug", "parent", "region"])
        except ValidationError as error:
            raise ImportError_(f"{filename}, linje {line}: {'; '.join(error.messages)}") from error
        org.save()
        saved[org.name] = (line, row, org)
        created += was_new
        updated += not was_new
    for line, row, org in saved.values():
        for field in ("parent", "region"):
            if row.get(field):
                target = Organisation.objects.filter(name=row[field]).first()
                if target is None:
                    raise ImportError_(f"{filename}, linje {line}: {field_label(field)} “{row[field]}” findes ikke.")
                setattr(org, field, target)
        try:
            org.full_clean(exclude=["slug"])
        except ValidationError as error:
            raise ImportError_(f"{filename}, linje {line}: {'; '.join(error.messages)}") from error
        org.save()
    return ImportResult(created, updated)


def field_label(field: str) -> str:
    return {"parent": "overordnet part", "region": "region"}[field]
