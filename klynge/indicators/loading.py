"""Import of series from CSV and Excel: validate every row, then write all or nothing.

Columns (English or Danish headings, any order, case does not matter):

    indicator / indikator        the indicator's name or short name (slug)
    area / område                a region, municipality or cluster: name, short name or municipality code
    period / periode             2024-01 (month), 2024-K1 (quarter) or 2024 (year), by the indicator
    value / værdi                the value; may be empty when numerator and denominator are given
    numerator / tæller           optional, a whole number
    denominator / nævner         optional, a whole number
    age_band / aldersgruppe      optional, one of the indicator's age bands (e.g. 65-79 or 80+)

Every problem is reported with file, line and column; if there is one, nothing is written.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from klynge.core.cpr import mask
from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import Body, Organisation

from .choices import Level, Unit
from .models import Area, Indicator, Point, Series
from .periods import PeriodError, parse_period, period_code
from .tabular import TableError, cell_text, parse_count, parse_number, read_table

COLUMNS = {
    "indicator": ("indicator", "indikator"),
    "area": ("area", "område", "omraade", "omrade"),
    "period": ("period", "periode"),
    "value": ("value", "værdi", "vaerdi"),
    "numerator": ("numerator", "tæller", "taeller"),
    "denominator": ("denominator", "nævner", "naevner"),
    "age_band": ("age_band", "age band", "aldersgruppe", "alder"),
}
IGNORED_COLUMNS = {"desired", "ønsket retning", "note", "bemærkning"}
REQUIRED = ("indicator", "area", "period")
LABELS = {"indicator": "indikator", "area": "område", "period": "periode", "value": "værdi",
          "numerator": "tæller", "denominator": "nævner", "age_band": "aldersgruppe"}
MAX_REPORTED = 200
LEVEL_DEFINITE = {Level.MUNICIPALITY: "kommunen", Level.CLUSTER: "klyngen", Level.REGION: "regionen"}
LEVEL_WORD = {Level.MUNICIPALITY: "kommuneniveau", Level.CLUSTER: "klyngeniveau", Level.REGION: "regionsniveau"}
VALUE_PLACES = Decimal("0.0001")


class ImportFailed(Exception):
    """Nothing was imported; ``errors`` holds every problem as a Danish sentence."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    series: list[Series] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged


# --- lookups ------------------------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def indicator_lookup() -> dict[str, Indicator]:
    lookup: dict[str, Indicator] = {}
    for indicator in Indicator.objects.all():
        lookup[_key(indicator.name)] = indicator
        lookup[_key(indicator.slug)] = indicator
    return lookup


@dataclass(frozen=True)
class Target:
    """An area as named in a file, before any Area row exists: ('org'|'body', pk)."""

    source: str
    pk: int
    name: str = field(compare=False)
    level: str = field(compare=False)


def area_lookup() -> dict[str, Target | None]:
    """Every way a file may name a region, municipality or cluster; None marks an ambiguous name."""
    lookup: dict[str, Target | None] = {}

    def add(key, target):
        key = _key(key or "")
        if not key:
            return
        if key in lookup and lookup[key] != target:
            lookup[key] = None
        else:
            lookup[key] = target

    organisations = Organisation.objects.filter(kind__in=[OrganisationKind.REGION, OrganisationKind.MUNICIPALITY])
    for org in organisations:
        level = Level.REGION if org.kind == OrganisationKind.REGION else Level.MUNICIPALITY
        target = Target("org", org.pk, org.name, level)
        for key in (org.name, org.slug, org.short_name, org.municipality_code):
            add(key, target)
    for body in Body.objects.filter(kind__groups_bodies=True):
        target = Target("body", body.pk, body.name, Level.CLUSTER)
        for key in (body.name, body.slug, body.short_name):
            add(key, target)
    for area in Area.objects.all():
        target = Target("org", area.organisation_id, area.name, area.level) if area.organisation_id else \
            Target("body", area.body_id, area.name, area.level)
        add(area.slug, target)
    return lookup


def area_for(target: Target) -> Area:
    if target.source == "org":
        return Area.for_organisation(Organisation.objects.get(pk=target.pk))
    return Area.for_body(Body.objects.select_related("kind").get(pk=target.pk))


# --- validation -----------------------------------------------------------------------------


@dataclass
class Row:
    line: int
    indicator: Indicator
    target: Target
    age_band: str
    period: datetime.date
    value: Decimal
    numerator: int | None
    denominator: int | None


def _columns(header: list[str], name: str, errors: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, heading in enumerate(header):
        key = _key(heading)
        if not key or key in IGNORED_COLUMNS:
            continue
        for column, aliases in COLUMNS.items():
            if key in aliases:
                if column in found:
                    errors.append(f"{name}, linje 1: kolonnen “{heading}” står to gange.")
                found[column] = index
                break
        else:
            known = ", ".join(aliases[0] for aliases in COLUMNS.values())
            errors.append(f"{name}, linje 1: ukendt kolonne “{heading}”. Kendte kolonner: {known}.")
    for column in REQUIRED:
        if column not in found:
            errors.append(f"{name}, linje 1: kolonnen “{column}” ({LABELS[column]}) mangler.")
    if "value" not in found and not {"numerator", "denominator"} <= found.keys():
        errors.append(f"{name}, linje 1: kolonnen “value” (værdi) mangler, og der er heller ikke både "
                      f"tæller og nævner.")
    return found


def _band(text: str) -> str:
    text = " ".join(text.split())
    for suffix in (" år", "år"):
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
    return text.replace(" ", "").replace("–", "-")


def validate(data: bytes, name: str, allowed: set[Target] | None = None,
             scope_name: str = "") -> list[Row]:
    """Read and check every row; raise ImportFailed with every problem found."""
    try:
        table = read_table(data, name)
    except TableError as exc:
        raise ImportFailed([str(exc)]) from exc
    errors: list[str] = []
    columns = _columns(table.header, name, errors)
    if errors:
        raise ImportFailed(errors)
    if not table.rows:
        raise ImportFailed([f"{name}: filen har ingen datarækker under overskrifterne."])
    indicators = indicator_lookup()
    areas = area_lookup()
    seen: dict[tuple, int] = {}
    rows: list[Row] = []

    for line, cells in table.rows:
        def cell(column, cells=cells):
            index = columns.get(column)
            return cells[index] if index is not None and index < len(cells) else None

        def fail(column, message, line=line):
            errors.append(f"{name}, linje {line}, kolonne “{table.header[columns[column]]}”: {message}")

        ok = True
        indicator_name = cell_text(cell("indicator"))
        indicator = indicators.get(_key(indicator_name))
        if not indicator_name:
            fail("indicator", "indikatoren mangler.")
            ok = False
        elif indicator is None:
            fail("indicator", f"ukendt indikator “{indicator_name}”.")
            ok = False

        area_name = cell_text(cell("area"))
        target = areas.get(_key(area_name)) if area_name else None
        if not area_name:
            fail("area", "området mangler.")
            ok = False
        elif _key(area_name) in areas and target is None:
            fail("area", f"området “{area_name}” er tvetydigt; brug det fulde navn eller kommunekoden.")
            ok = False
        elif target is None:
            fail("area", f"ukendt område “{area_name}” (hverken en region, en kommune eller en klynge).")
            ok = False
        else:
            if indicator is not None and not indicator.allows_level(target.level):
                fail("area", f"“{indicator.name}” opgøres på {LEVEL_WORD[indicator.level]} og "
                             f"kan ikke indlæses for {LEVEL_DEFINITE[target.level]} {target.name}.")
                ok = False
            if allowed is not None and target not in allowed:
                fail("area", f"du kan ikke indlæse tal for {target.name}; kun for {scope_name}.")
                ok = False

        band = _band(cell_text(cell("age_band")))
        if band and indicator is not None:
            bands = indicator.age_band_list()
            if band not in bands:
                listed = ", ".join(bands) if bands else "ingen"
                fail("age_band", f"aldersgruppen “{band}” findes ikke for “{indicator.name}” (mulige: {listed}).")
                ok = False

        period = None
        frequency = indicator.frequency if indicator is not None else "month"
        try:
            period = parse_period(cell("period"), frequency)
        except PeriodError as exc:
            fail("period", str(exc))
            ok = False

        numerator = denominator = None
        for column in ("numerator", "denominator"):
            raw = cell(column)
            if raw is None or cell_text(raw) == "":
                continue
            try:
                number = parse_count(raw)
            except ValueError as exc:
                fail(column, str(exc))
                ok = False
                continue
            if column == "numerator":
                numerator = number
            else:
                denominator = number
        has_num, has_den = cell_text(cell("numerator")) != "", cell_text(cell("denominator")) != ""
        if has_num != has_den:
            fail("numerator" if not has_num else "denominator",
                 "tæller og nævner skal angives sammen (eller begge udelades).")
            ok = False
        if denominator == 0:
            fail("denominator", "nævneren må ikke være 0.")
            ok = False
        elif (numerator is not None and denominator is not None and indicator is not None
              and indicator.unit == Unit.PERCENT and numerator > denominator):
            fail("numerator", f"tælleren ({numerator}) er større end nævneren ({denominator}) for en andel.")
            ok = False

        value = None
        raw_value = cell("value")
        if raw_value is not None and cell_text(raw_value) != "":
            try:
                value = parse_number(raw_value)
            except ValueError as exc:
                fail("value", str(exc))
                ok = False
        elif numerator is not None and denominator and indicator is not None and indicator.unit != Unit.COUNT:
            factor = 100 if indicator.unit == Unit.PERCENT else 1000
            value = (Decimal(numerator) * factor / Decimal(denominator)).quantize(VALUE_PLACES)
        elif ok:
            column = "value" if "value" in columns else "numerator"
            fail(column, "værdien mangler.")
            ok = False
        if value is not None and abs(value) >= Decimal(10) ** 14:
            fail("value", "tallet er for stort.")
            ok = False

        if not ok:
            continue
        key = (indicator.pk, target, band, period)
        if key in seen:
            fail("period", f"perioden {period_code(period, frequency)} for “{indicator.name}” i {target.name}"
                           f"{f' ({band} år)' if band else ''} står allerede på linje {seen[key]}.")
            continue
        seen[key] = line
        rows.append(Row(line, indicator, target, band, period, value.quantize(VALUE_PLACES),
                        numerator, denominator))

    if errors:
        if len(errors) > MAX_REPORTED:
            errors = [*errors[:MAX_REPORTED], f"… og {len(errors) - MAX_REPORTED} fejl mere."]
        raise ImportFailed(errors)
    return rows


# --- writing --------------------------------------------------------------------------------


def sync_points(series: Series, points: list[tuple[datetime.date, Decimal, int | None, int | None]],
                user=None, reason: str = "") -> tuple[int, int, int]:
    """Create missing points and update changed ones (with history); returns (created, updated, unchanged)."""
    existing = {p.period: p for p in series.points.all()}
    new, changed = [], []
    unchanged = 0
    now = timezone.now()
    for period, value, numerator, denominator in points:
        value = Decimal(value).quantize(VALUE_PLACES)
        point = existing.get(period)
        if point is None:
            new.append(Point(series=series, period=period, value=value, numerator=numerator,
                             denominator=denominator))
        elif (point.value, point.numerator, point.denominator) != (value, numerator, denominator):
            point.value, point.numerator, point.denominator, point.modified = value, numerator, denominator, now
            changed.append(point)
        else:
            unchanged += 1
    if new:
        bulk_create_with_history(new, Point, default_user=user, default_change_reason=reason or None)
    if changed:
        bulk_update_with_history(changed, Point, ["value", "numerator", "denominator", "modified"],
                                 default_user=user, default_change_reason=reason or None)
    return len(new), len(changed), unchanged


def import_series(data: bytes, name: str, *, user=None, allowed: set[Target] | None = None,
                  scope_name: str = "") -> ImportResult:
    """Validate ``data`` (CSV or .xlsx) and write every point in one transaction, or nothing."""
    rows = validate(data, name, allowed, scope_name)
    grouped: dict[tuple, list[Row]] = {}
    for row in rows:
        grouped.setdefault((row.indicator.pk, row.target, row.age_band), []).append(row)
    result = ImportResult()
    reason = f"Import fra {mask(name)}"[:100]  # history written in bulk: the guard does not see it
    with transaction.atomic():
        areas: dict[Target, Area] = {}
        for (_, target, band), series_rows in grouped.items():
            area = areas.get(target) or areas.setdefault(target, area_for(target))
            series, created = Series.objects.get_or_create(
                indicator=series_rows[0].indicator, area=area, age_band=band, defaults={"synthetic": False}
            )
            if not created and series.synthetic:
                # Real figures replace synthetic demo figures entirely; never a mix of the two.
                series.points.all().delete()
                series.synthetic = False
                series.save(update_fields=["synthetic", "modified"])
            counts = sync_points(series, [(r.period, r.value, r.numerator, r.denominator) for r in series_rows],
                                 user=user, reason=reason)
            result.created += counts[0]
            result.updated += counts[1]
            result.unchanged += counts[2]
            result.series.append(series)
    return result
