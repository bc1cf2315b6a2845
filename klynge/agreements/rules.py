"""Pure rules for agreements and follow-up: no ORM, no Django models. Tested alone."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from klynge.core import formats

from .choices import STATUS_RANK, GoalComparison, QuestionKind

LATE = ("Svarfristen udløb {deadline}. Svar kan ikke længere indsendes eller rettes. "
        "Kontakt sekretariatet, hvis du har spørgsmål.")
EXPIRED = "Linket er udløbet. Kontakt sekretariatet for at få et nyt link."
UNKNOWN = "Linket er ugyldigt. Kontrollér, at du har kopieret hele linket fra e-mailen."
NOT_SENT = "Spørgeskemaet er ikke sendt ud endnu."


def danish_date(value: datetime.date | datetime.datetime | None) -> str:
    """'7. juni 2023' through ``core.formats`` (a date-time on its day in Danish time)."""
    return formats.date(value)


def reminder_days(text: str) -> list[int]:
    """'7, 2' -> [7, 2] (largest first); a Danish ValueError for anything else."""
    days = []
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or int(part) > 365:
            raise ValueError(f"“{part[:20]}” er ikke et antal dage (skriv tal mellem 0 og 365 adskilt af komma).")
        days.append(int(part))
    return sorted(set(days), reverse=True)


def answer_refusal(now: datetime.datetime, closes_at: datetime.datetime, expires_at: datetime.datetime,
                   deadline: datetime.date, sent: bool) -> str:
    """Why an answer through a link is refused now ("" when it is accepted)."""
    if not sent:
        return NOT_SENT
    if now >= expires_at:
        return EXPIRED
    if now >= closes_at:
        return LATE.format(deadline=danish_date(deadline))
    return ""


def reminders_due(today: datetime.date, deadline: datetime.date, days: list[int], already_sent: int) -> bool:
    """Is a reminder due today? ``days`` largest first; one reminder per passed point not yet sent."""
    passed = [d for d in days if today >= deadline - datetime.timedelta(days=d) and today <= deadline]
    return len(passed) > already_sent


def parse_number(raw: str) -> Decimal | None:
    """Danish or plain: '1.234,5', '1234.5', '75' -> Decimal; None when empty; ValueError otherwise."""
    text = (raw or "").strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"“{raw[:30]}” er ikke et tal.") from None
    if not value.is_finite() or abs(value) >= Decimal("1e10"):
        raise ValueError(f"“{raw[:30]}” er ikke et tal, der kan bruges.")
    return value


def answer_text(kind: str, text: str, number, yes) -> str:
    if kind == QuestionKind.YES_NO:
        return "" if yes is None else ("Ja" if yes else "Nej")
    if kind in (QuestionKind.NUMBER, QuestionKind.SCALE):
        if number is None:
            return ""
        return format_number(number)
    return text or ""


def format_number(value) -> str:
    from klynge.indicators.formatting import danish_number

    value = Decimal(str(value))
    decimals = 0 if value == value.to_integral_value() else 1
    return danish_number(value, decimals)


def goal_met(comparison: str, target, value) -> bool | None:
    """Is a target met by a value? None when there is no target or no value."""
    if target is None or value is None:
        return None
    if comparison == GoalComparison.AT_LEAST:
        return Decimal(str(value)) >= Decimal(str(target))
    if comparison == GoalComparison.AT_MOST:
        return Decimal(str(value)) <= Decimal(str(target))
    raise ValueError(f"unknown comparison {comparison!r}")


def goal_met_text(met: bool | None) -> str:
    return {True: "Målet er nået", False: "Målet er ikke nået", None: "Kan ikke vurderes"}[met]


def target_text(comparison: str, target, unit: str) -> str:
    """'Mindst 75 %' / 'Højst 2.500 indlæggelser' / 'Ingen måltal (retning)'."""
    if target is None:
        return "Intet måltal"
    word = "Mindst" if comparison == GoalComparison.AT_LEAST else "Højst"
    number = format_number(target)
    return f"{word} {number} {unit}".strip() if unit != "%" else f"{word} {number} %"


def cluster_status(statuses: list[str]) -> str | None:
    """A matrix cell for a cluster: as far as its least advanced row (ended counts only when all ended)."""
    if not statuses:
        return None
    return min(statuses, key=STATUS_RANK.__getitem__)  # TextChoices members hash as their values


def status_counts(statuses: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    return counts


def latest_on(updates: list[tuple[datetime.date, int, str]], on: datetime.date) -> str | None:
    """The status on a date from (date, order, status) updates: the last one dated on or before it."""
    dated = [u for u in updates if u[0] <= on]
    return max(dated)[2] if dated else None


def quarter_label(on: datetime.date) -> str:
    return f"{(on.month - 1) // 3 + 1}. kvartal {on.year}"
