"""`klynge indicators signals FILE.csv`: signals for series in a CSV, without the database.

The CSV has the columns indicator, area, period (YYYY-MM), value and desired (up, down or none).
One object per indicator and area, in the order they first appear in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from . import rules
from .periods import PeriodError, parse_period
from .tabular import TableError, cell_text, parse_number, read_csv

CLI_COLUMNS = ("indicator", "area", "period", "value", "desired")


class SignalsInputError(ValueError):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class _Series:
    indicator: str
    area: str
    desired: str
    desired_line: int
    points: dict = field(default_factory=dict)  # period -> (value, line)


def read_series(data: bytes, name: str) -> list[_Series]:
    try:
        table = read_csv(data, name)
    except TableError as exc:
        raise SignalsInputError([str(exc)]) from exc
    header = [h.strip().lower() for h in table.header]
    errors = [f"{name}, linje 1: kolonnen “{c}” mangler." for c in CLI_COLUMNS if c not in header]
    if errors:
        raise SignalsInputError(errors)
    index = {c: header.index(c) for c in CLI_COLUMNS}
    series: dict[tuple[str, str], _Series] = {}
    for line, cells in table.rows:
        def get(column, cells=cells):
            i = index[column]
            return cell_text(cells[i]) if i < len(cells) else ""

        where = f"{name}, linje {line}"
        indicator, area, desired = get("indicator"), get("area"), get("desired").lower()
        row_errors = []
        if not indicator:
            row_errors.append(f"{where}, kolonne “indicator”: indikatoren mangler.")
        if not area:
            row_errors.append(f"{where}, kolonne “area”: området mangler.")
        if desired not in rules.DIRECTIONS:
            row_errors.append(f"{where}, kolonne “desired”: “{get('desired')}” skal være up, down eller none.")
        try:
            period = parse_period(get("period"), "month")
        except PeriodError as exc:
            row_errors.append(f"{where}, kolonne “period”: {exc}")
            period = None
        try:
            value = parse_number(get("value"))
        except ValueError as exc:
            row_errors.append(f"{where}, kolonne “value”: {exc}")
            value = None
        if row_errors:
            errors += row_errors
            continue
        s = series.setdefault((indicator, area), _Series(indicator, area, desired, line))
        if s.desired != desired:
            errors.append(f"{where}, kolonne “desired”: “{desired}” modsiger “{s.desired}” på linje "
                          f"{s.desired_line} for samme indikator og område.")
        elif period in s.points:
            errors.append(f"{where}, kolonne “period”: perioden {get('period')} for “{indicator}” i “{area}” "
                          f"står allerede på linje {s.points[period][1]}.")
        else:
            s.points[period] = (value, line)
    if errors:
        raise SignalsInputError(errors)
    if not series:
        raise SignalsInputError([f"{name}: filen har ingen datarækker under overskrifterne."])
    return list(series.values())


def _number(value):
    """Decimal → int when whole, else float: plain JSON numbers."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def signals_for_file(data: bytes, name: str) -> list[dict]:
    out = []
    for s in read_series(data, name):
        values = [s.points[p][0] for p in sorted(s.points)]
        result = rules.signals(values, s.desired)
        result["latest"] = _number(result["latest"])
        result["median"] = _number(result["median"])
        out.append({"indicator": s.indicator, "area": s.area, **result})
    return out
