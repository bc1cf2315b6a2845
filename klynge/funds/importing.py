"""Import grants and budget lines from CSV: validate everything first, then write in one transaction.

Columns: ``kind,year,party,initiative,title,amount`` (any order; comma or semicolon separated;
UTF-8, UTF-16 with BOM, Windows-1252 or Latin-1). ``kind`` is ``grant`` or ``budget``. Every problem is reported in
Danish with its row (line number in the file, the header being row 1) and column, and
nothing is written if there is any.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field

from django.db import transaction

from klynge.core.cpr import find_cpr, mask
from klynge.core.text import danish_slugify
from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import Body, BodyKind, Organisation

from .calculations import parse_kroner
from .choices import InitiativeStatus
from .models import BudgetLine, Grant, Initiative

COLUMNS = ["kind", "year", "party", "initiative", "title", "amount"]
KINDS = {"grant": "grant", "bevilling": "grant", "budget": "budget"}


class FundsImportError(Exception):
    """Bad input: ``errors`` is a list of Danish messages naming row and column."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class ImportResult:
    cluster: Body
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    new_parties: list[str] = field(default_factory=list)
    new_initiatives: list[str] = field(default_factory=list)
    cluster_created: bool = False

    def summary(self) -> str:
        parts = [f"{self.created} nye linjer", f"{self.updated} ændrede", f"{self.unchanged} uændrede"]
        text = f"Importeret til {self.cluster.name}: " + ", ".join(parts) + "."
        if self.cluster_created:
            text += f" Klyngen {self.cluster.name} blev oprettet."
        if self.new_parties:
            text += " Nye parter: " + ", ".join(self.new_parties) + "."
        if self.new_initiatives:
            text += " Nye indsatser: " + ", ".join(self.new_initiatives) + "."
        return text


@dataclass
class _Row:
    number: int
    kind: str
    year: int
    party: str
    initiative: str
    title: str
    amount: int


def decode(data: bytes | str) -> str:
    """The file's text: UTF-8 (with or without BOM), UTF-16 with a BOM, Windows-1252, then Latin-1.

    Raises FundsImportError naming the line when the text holds characters no CSV of amounts
    has (control characters, NUL bytes of a binary or UTF-16 file without BOM)."""
    if isinstance(data, str):
        text = data.lstrip("\ufeff")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise FundsImportError(["Filen begynder som UTF-16-tekst, men kan ikke læses som det. "
                                    "Gem den som CSV (UTF-8) og prøv igen."]) from None
        text = text.lstrip("\ufeff")
    else:
        for encoding in ("utf-8-sig", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        bad = next((ch for ch in line if _UNREADABLE.match(ch)), None)
        if bad is not None:
            problems.append(f"Række {number}: tegnet U+{ord(bad):04X} kan ikke læses som tekst. Filen er ikke en "
                            "tekstfil i UTF-8 eller Windows-1252; gem den som CSV (UTF-8) og prøv igen.")
            if len(problems) == 5:
                break
    if problems:
        raise FundsImportError(problems)
    return text


# Control characters (tab aside) and the C1 range Latin-1 gives for bytes Windows-1252 leaves undefined.
_UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def infer_kind(name: str) -> str:
    """'Vejle Kommune' -> municipality, 'Region Syddanmark' -> region, else other."""
    words = name.split()
    if words and words[-1].lower() == "kommune":
        return OrganisationKind.MUNICIPALITY
    if words and words[0].lower() == "region":
        return OrganisationKind.REGION
    return OrganisationKind.OTHER


def find_cluster(name: str) -> Body | None:
    clusters = Body.objects.filter(kind__groups_bodies=True)
    return clusters.filter(name__iexact=name.strip()).first() or clusters.filter(slug=name.strip()).first()


def _col(name: str) -> str:
    return f"kolonne “{name}”"


def _parse(text: str, cluster: Body | None, create: bool) -> tuple[list[_Row], list[str], dict, dict]:
    errors: list[str] = []
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise FundsImportError(["Filen er tom: række 1 skal have kolonnerne " + ",".join(COLUMNS) + "."]) from None
    header = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        names = ", ".join(f"“{c}”" for c in missing)
        raise FundsImportError([
            f"Række 1: {'kolonnen' if len(missing) == 1 else 'kolonnerne'} {names} mangler. "
            f"Første række skal være: {','.join(COLUMNS)}."
        ])
    index = {c: header.index(c) for c in COLUMNS}

    parties: dict[str, Organisation | None] = {}
    initiatives: dict[str, Initiative | None] = {}
    own = {i.number.lower(): i for i in Initiative.objects.filter(cluster=cluster)} if cluster else {}
    rows: list[_Row] = []
    seen: dict[tuple, int] = {}
    for values in reader:
        n = reader.line_num
        if not any(v.strip() for v in values):
            continue
        row_errors = []

        def value(column, values=values):
            i = index[column]
            return values[i].strip() if i < len(values) else None

        cells = {c: value(c) for c in COLUMNS}
        for c in COLUMNS:
            if cells[c] is None:
                row_errors.append(f"Række {n}, {_col(c)}: kolonnen mangler i rækken (for få felter).")
        if row_errors:
            errors.extend(row_errors)
            continue
        for c in COLUMNS:
            found = find_cpr(cells[c])
            if found:
                row_errors.append(f"Række {n}, {_col(c)}: ser ud til at indeholde et CPR-nummer "
                                  f"({found[0].digits[:6]}-…). CPR-numre må ikke stå i Klynge: "
                                  "ret filen, og prøv igen.")
        if row_errors:  # the other checks would repeat the number in their messages
            errors.extend(row_errors)
            continue

        kind = KINDS.get(cells["kind"].lower())
        if kind is None:
            row_errors.append(f"Række {n}, {_col('kind')}: “{cells['kind']}” skal være grant eller budget.")

        year = None
        if not cells["year"].isdigit() or not 2000 <= int(cells["year"]) <= 2100:
            row_errors.append(f"Række {n}, {_col('year')}: “{cells['year']}” er ikke et årstal (f.eks. 2023).")
        else:
            year = int(cells["year"])

        party = cells["party"]
        if not party:
            row_errors.append(f"Række {n}, {_col('party')}: parten mangler.")
        elif party.lower() not in parties:
            found = Organisation.objects.filter(name__iexact=party).first()
            parties[party.lower()] = found
            if found is None and not create:
                row_errors.append(
                    f"Række {n}, {_col('party')}: parten “{party}” findes ikke. "
                    "Ret navnet, eller brug --create for at oprette den."
                )
        elif parties[party.lower()] is None and not create:
            row_errors.append(f"Række {n}, {_col('party')}: parten “{party}” findes ikke.")

        amount = None
        try:
            amount = parse_kroner(cells["amount"])
        except ValueError as exc:
            row_errors.append(f"Række {n}, {_col('amount')}: {exc}")
        if amount is not None and amount < 0:
            what = "En bevilling" if kind == "grant" else "Et budget"
            ending = "" if kind == "grant" else "t"
            row_errors.append(f"Række {n}, {_col('amount')}: {what} kan ikke være negativ{ending} ({cells['amount']}).")

        number, title = cells["initiative"], cells["title"]
        if kind == "grant":
            if number:
                row_errors.append(f"Række {n}, {_col('initiative')}: skal være tom for en bevilling (grant).")
            if title:
                row_errors.append(f"Række {n}, {_col('title')}: skal være tom for en bevilling (grant).")
        elif kind == "budget":
            row_errors.extend(_check_initiative(n, number, title, cluster, own, initiatives))

        if not row_errors and kind:
            key = (kind, year, party.lower(), number.lower())
            if key in seen:
                what = "bevilling" if kind == "grant" else f"budgetlinje for indsats {number}"
                row_errors.append(
                    f"Række {n}: dobbelt linje; række {seen[key]} har allerede en {what} for {party} i {year}."
                )
            else:
                seen[key] = n
        if row_errors:
            errors.extend(row_errors)
        else:
            rows.append(_Row(n, kind, year, party, number, title, amount))
    if not rows and not errors:
        errors.append("Filen har ingen linjer under overskriftsrækken.")
    return rows, errors, parties, initiatives


def _check_initiative(n, number, title, cluster, own, planned) -> list[str]:
    if not number:
        return [f"Række {n}, {_col('initiative')}: indsatsens nummer mangler for en budgetlinje."]
    key = number.lower()
    initiative = own.get(key)
    if initiative is not None:
        planned[key] = initiative
        if initiative.budget_locked:
            return [f"Række {n}, {_col('initiative')}: budgettet for indsats {initiative.number} er godkendt ved "
                    f"en beslutning og låst; det kan ikke ændres ved import."]
        return []
    elsewhere = Initiative.objects.filter(number__iexact=number).exclude(cluster=cluster).select_related("cluster")
    if title:
        elsewhere = elsewhere.filter(title__iexact=title)
    other = elsewhere.first()
    if other is not None:
        cluster_name = cluster.name if cluster else "klyngen"
        return [f"Række {n}, {_col('initiative')}: indsats {other.number} “{other.title}” hører til "
                f"{other.cluster.name}, ikke {cluster_name}. Et budget kan kun lægges på klyngens egne indsatser."]
    if not title:
        return [f"Række {n}, {_col('title')}: indsats {number} findes ikke i klyngen; "
                "angiv en titel for at oprette den."]
    if key in planned and planned[key] is None:
        return []
    planned[key] = None  # created in the write phase
    return []


def import_csv(data: bytes | str, cluster_name: str, *, create: bool = False, user=None,
               source: str = "fil") -> ImportResult:
    """Validate the whole file, then write it in one transaction; raise FundsImportError on bad input."""
    text = decode(data)
    cluster = find_cluster(cluster_name)
    if cluster is None and not create:
        raise FundsImportError([f"Klyngen “{cluster_name}” findes ikke. Brug --create for at oprette den."])
    rows, errors, parties, initiatives = _parse(text, cluster, create)
    if errors:
        raise FundsImportError(errors)
    with transaction.atomic():
        result = ImportResult(cluster=cluster)
        if cluster is None:
            cluster = _create_cluster(cluster_name, user)
            result.cluster, result.cluster_created = cluster, True
        reason = f"Import fra {mask(source)}"[:100]  # a file name may hold a CPR number
        for row in rows:
            party = parties.get(row.party.lower())
            if party is None:
                kind = infer_kind(row.party)
                party = Organisation(name=row.party, slug=_free_slug(Organisation, row.party), kind=kind,
                                     region=cluster.region if kind != OrganisationKind.REGION else None)
                _save(party, reason, user)
                parties[row.party.lower()] = party
                result.new_parties.append(party.name)
                if create:
                    cluster.member_organisations.add(party)
            if row.kind == "grant":
                outcome = _upsert(Grant, {"cluster": cluster, "year": row.year, "party": party},
                                  row.amount, reason, user)
            else:
                initiative = initiatives.get(row.initiative.lower())
                if initiative is None:
                    initiative = Initiative(cluster=cluster, number=row.initiative, title=row.title,
                                            status=InitiativeStatus.PROPOSED)
                    _save(initiative, reason, user)
                    initiatives[row.initiative.lower()] = initiative
                    result.new_initiatives.append(f"{initiative.number}. {initiative.title}")
                outcome = _upsert(BudgetLine, {"initiative": initiative, "year": row.year, "party": party},
                                  row.amount, reason, user)
            setattr(result, outcome, getattr(result, outcome) + 1)
    return result


def _save(instance, reason, user):
    instance._change_reason = reason
    if user is not None and getattr(user, "is_authenticated", False):
        instance._history_user = user
    instance.full_clean()
    instance.save()


def _upsert(model, lookup: dict, amount: int, reason: str, user) -> str:
    existing = model.objects.filter(**lookup).first()
    if existing is not None and existing.amount == amount:
        return "unchanged"
    instance = existing or model(**lookup)
    instance.amount = amount
    _save(instance, reason, user)
    return "updated" if existing else "created"


def _create_cluster(name: str, user) -> Body:
    kind = BodyKind.objects.filter(groups_bodies=True).order_by("sort_order").first()
    if kind is None:
        kind = BodyKind(name="Sundhedsklynge", plural="Sundhedsklynger", slug="sundhedsklynge", groups_bodies=True)
        _save(kind, "Oprettet ved import af klyngemidler", user)
    body = Body(name=name.strip(), slug=_free_slug(Body, name), kind=kind)
    _save(body, "Oprettet ved import af klyngemidler", user)
    return body


def _free_slug(model, name: str) -> str:
    base = danish_slugify(name)[:190] or "ny"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
