"""Danish number formatting for indicator values: 17.350 · 16,9 % · 123,4. Pure."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def danish_number(value, decimals: int = 0) -> str:
    """1234567.891 → '1.234.568' (0 decimals) or '1.234.567,9' (1 decimal); '−' for negatives."""
    if value is None:
        return ""
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "−" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


def decimals_for(unit: str, value) -> int:
    if unit == "count":
        return 0 if Decimal(str(value)) == Decimal(str(value)).to_integral_value() else 1
    return 1


def format_value(value, unit: str) -> str:
    """A value as the dashboard shows it, with its unit where the unit is a sign."""
    if value is None:
        return "–"
    text = danish_number(value, decimals_for(unit, value))
    return f"{text} %" if unit == "percent" else text


def format_plain(value, unit: str) -> str:
    """The value for a screen reader or a table cell with the unit in the heading."""
    if value is None:
        return ""
    text = danish_number(value, decimals_for(unit, value))
    return f"{text} procent" if unit == "percent" else text
