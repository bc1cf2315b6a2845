"""`klynge agreements import FILE.csv`: agreements and their status per cluster and party.

One row per agreement, cluster and party (columns in docs/aftaler.md). Every row is checked
before anything is written; a malformed row gives a Danish message naming the row and the column,
and nothing is saved. The load is one transaction.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from klynge.organisation.models import Body, Organisation

from . import actions
from .choices import ImplementationStatus
from .models import AgreementKind, CollaborationAgreement, ensure_default_kinds

REQUIRED = ["aftale", "type", "ejer", "klynge", "status"]
OPTIONAL = ["part", "status_dato", "note", "godkendt_af", "godkendt_den", "indsatsomraade"]
STATUS_BY_LABEL = {label.lower(): value for value, label in ImplementationStatus.choices}
STATUS_BY_LABEL.update({value: value for value in ImplementationStatus.values})


class AgreementImportError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Row:
    number: int
    title: str
    kind: AgreementKind
    owner: Body
    cluster: Body
    party: Organisation | None
    status: str
    status_date: datetime.date | None
    note: str
    approved_by: Body | None
    approved_on: datetime.date | None


def parse_date(raw: str) -> datetime.date | None:
    raw = raw.strip()
    if not raw:
        return None
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"“{raw[:30]}” er ikke en dato (skriv 2021-06-30 eller 30.06.2021)")


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AgreementImportError(["Filen kan ikke læses som tekst (brug UTF-8)."])


def _find_body(name: str):
    return Body.objects.filter(Q(slug=name) | Q(name__iexact=name) | Q(short_name__iexact=name)).first()


def check(data: bytes) -> list[Row]:
    text = _text(data)
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text.strip() else ";", delimiters=";,\t")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise AgreementImportError([f"Række 1: kolonnen “{c}” mangler." for c in missing])
    kinds = {k.name.lower(): k for k in AgreementKind.objects.all()} or {
        k.name.lower(): k for k in ensure_default_kinds().values()}
    rows, errors = [], []
    for number, raw in enumerate(reader, start=2):
        values = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        if not any(values.values()):
            continue
        problems = []

        def need(column, values=values, problems=problems, number=number):
            value = values.get(column, "")
            if not value:
                problems.append(f"Række {number}, kolonne “{column}”: skal udfyldes.")
            return value

        title, kind_name, owner_name = need("aftale"), need("type"), need("ejer")
        cluster_name, status_raw = need("klynge"), need("status")
        kind = kinds.get(kind_name.lower()) if kind_name else None
        if kind_name and kind is None:
            problems.append(f"Række {number}, kolonne “type”: “{kind_name[:40]}” er ikke en aftaletype "
                            f"({', '.join(k.name for k in kinds.values())}).")
        owner = _find_body(owner_name) if owner_name else None
        if owner_name and owner is None:
            problems.append(f"Række {number}, kolonne “ejer”: organet “{owner_name[:60]}” findes ikke.")
        cluster = _find_body(cluster_name) if cluster_name else None
        if cluster_name and (cluster is None or not cluster.kind.groups_bodies):
            problems.append(f"Række {number}, kolonne “klynge”: “{cluster_name[:60]}” er ikke en klynge.")
        party = None
        if values.get("part"):
            party = Organisation.objects.filter(Q(name__iexact=values["part"]) | Q(slug=values["part"])).first()
            if party is None:
                problems.append(f"Række {number}, kolonne “part”: parten “{values['part'][:60]}” findes ikke.")
        status = STATUS_BY_LABEL.get(status_raw.lower()) if status_raw else None
        if status_raw and status is None:
            problems.append(f"Række {number}, kolonne “status”: “{status_raw[:40]}” er ikke en status "
                            f"({', '.join(ImplementationStatus.labels)}).")
        dates = {}
        for column in ("status_dato", "godkendt_den"):
            try:
                dates[column] = parse_date(values.get(column, ""))
            except ValueError as error:
                problems.append(f"Række {number}, kolonne “{column}”: {error}.")
        approved_by = None
        if values.get("godkendt_af"):
            approved_by = _find_body(values["godkendt_af"])
            if approved_by is None:
                problems.append(f"Række {number}, kolonne “godkendt_af”: organet “{values['godkendt_af'][:60]}” "
                                "findes ikke.")
        if dates.get("godkendt_den") and not values.get("godkendt_af"):
            problems.append(f"Række {number}, kolonne “godkendt_af”: skal udfyldes, når godkendt_den er udfyldt.")
        if len(title) > 300:
            problems.append(f"Række {number}, kolonne “aftale”: titlen er længere end 300 tegn.")
        if problems:
            errors.extend(problems)
            continue
        rows.append(Row(number, title, kind, owner, cluster, party, status, dates.get("status_dato"),
                        values.get("note", "")[:2000], approved_by, dates.get("godkendt_den")))
    if errors:
        raise AgreementImportError(errors)
    if not rows:
        raise AgreementImportError(["Filen har ingen rækker med aftaler."])
    return rows


@dataclass
class Result:
    agreements: int
    rows: int

    def summary(self) -> str:
        return f"{self.rows} rækker importeret: {self.agreements} aftaler med status pr. klynge og part."


def import_csv(data: bytes, today: datetime.date | None = None) -> Result:
    rows = check(data)
    with transaction.atomic():
        agreements = {}
        for row in rows:
            agreement = agreements.get(row.title)
            if agreement is None:
                agreement = CollaborationAgreement.objects.filter(title=row.title).order_by("-pk").first()
                if agreement is None:
                    agreement = CollaborationAgreement(title=row.title, kind=row.kind, owner_body=row.owner)
                    from klynge.core.text import danish_slugify

                    base = danish_slugify(row.title)[:190] or "aftale"
                    slug, n = base, 2
                    while CollaborationAgreement.objects.filter(slug=slug).exists():
                        slug, n = f"{base}-{n}", n + 1
                    agreement.slug = slug
                if row.approved_on:
                    agreement.approved_on, agreement.approved_by = row.approved_on, row.approved_by
                agreement.full_clean()
                agreement.save()
                agreements[row.title] = agreement
            actions.set_scope(agreement, row.cluster, [row.party] if row.party else [])
            actions.set_status(agreement, row.cluster, row.party, row.status, row.note,
                               row.status_date or today)
    return Result(len(agreements), len(rows))
