"""Pure seat rules: which memberships fill which seats of a body's composition.

No database here: the caller (organisation/composition.py) turns rows into the small records
below, so the rules are tested as plain functions (tests/organisation/test_seats.py).

- A rule "pr. kommune" expands to one slot per municipality in the cluster's area.
- Only roles that sit in the body count (formand, medformand, medlem, patient- og pårørende-
  repræsentant) unless a rule names a role itself; substitutes, observers and the secretariat
  fill no seat.
- A membership goes to the first slot it matches that has room, named-party slots before
  party-kind slots; when every matching slot is full it goes to the first one (over-filled);
  when no slot matches it is "outside the composition".
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

COUNTED_ROLES = frozenset({"chair", "co_chair", "member", "patient_representative"})


@dataclass(frozen=True)
class Rule:
    id: int
    name: str  # the rule's source text or description: how warnings name it
    label: str  # "praktiserende læger"
    seats: int
    party_id: int | None = None
    party_name: str = ""
    party_kind: str = ""
    per_municipality: bool = False
    role: str = ""


@dataclass(frozen=True)
class Party:
    id: int
    name: str


@dataclass(frozen=True)
class Slot:
    rule: Rule
    party_id: int | None
    party_name: str

    @property
    def seats(self) -> int:
        return self.rule.seats


@dataclass(frozen=True)
class Holder:
    id: int
    person: str
    party_id: int | None
    party_kind: str
    role: str


@dataclass
class SeatStatus:
    slot: Slot
    holders: list[Holder] = field(default_factory=list)

    @property
    def filled(self) -> int:
        return min(len(self.holders), self.slot.seats)

    @property
    def vacant(self) -> int:
        return max(0, self.slot.seats - len(self.holders))

    @property
    def over(self) -> int:
        return max(0, len(self.holders) - self.slot.seats)

    @property
    def state(self) -> str:
        """'over', 'vacant' or 'filled'."""
        return "over" if self.over else "vacant" if self.vacant else "filled"

    @property
    def state_label(self) -> str:
        if self.over:
            return f"{self.over} for mange"
        if self.vacant:
            return f"{self.vacant} ledig" + ("e" if self.vacant > 1 else "")
        return "Besat"


def expand(rules: list[Rule], municipalities: list[Party]) -> list[Slot]:
    """One slot per rule; a rule per municipality gives one slot per municipality."""
    slots = []
    for rule in rules:
        if rule.per_municipality:
            slots.extend(Slot(rule, m.id, m.name) for m in municipalities)
        else:
            slots.append(Slot(rule, rule.party_id, rule.party_name))
    return slots


def counts(holder: Holder, rule: Rule) -> bool:
    return holder.role == rule.role if rule.role else holder.role in COUNTED_ROLES


def matches(slot: Slot, holder: Holder) -> bool:
    if not counts(holder, slot.rule):
        return False
    if slot.party_id is not None:
        return holder.party_id == slot.party_id
    return bool(slot.rule.party_kind) and holder.party_kind == slot.rule.party_kind


def fill(slots: list[Slot], holders: list[Holder]) -> tuple[list[SeatStatus], list[Holder]]:
    """(a status per slot in the slots' order, the counted holders no slot takes)."""
    statuses = [SeatStatus(slot) for slot in slots]
    order = sorted(statuses, key=lambda s: s.slot.party_id is None)  # named parties first (stable)
    unmatched = []
    for holder in holders:
        candidates = [s for s in order if matches(s.slot, holder)]
        if not candidates:
            if holder.role in COUNTED_ROLES:
                unmatched.append(holder)
            continue
        free = next((s for s in candidates if len(s.holders) < s.slot.seats), candidates[0])
        free.holders.append(holder)
    return statuses, unmatched


def totals(statuses: list[SeatStatus]) -> dict[str, int]:
    return {
        "seats": sum(s.slot.seats for s in statuses),
        "filled": sum(s.filled for s in statuses),
        "vacant": sum(s.vacant for s in statuses),
        "over": sum(s.over for s in statuses),
    }


def _seat_word(n: int) -> str:
    return f"{n} plads" if n == 1 else f"{n} pladser"


def warnings_for(slots: list[Slot], holders: list[Holder], candidate: Holder, *,
                 role_label: str = "medlem", party_label: str = "") -> list[str]:
    """Danish warnings when ``candidate`` joins ``holders``: the rule it over-fills, or that no rule has room.

    No rules (an empty composition) gives no warnings: the body has no composition to break.
    """
    if not slots:
        return []
    statuses, unmatched = fill(slots, [*holders, candidate])
    if candidate in unmatched:
        who = party_label or "et medlem uden repræsenteret part"
        return [f"Ingen regel i sammensætningen giver plads til {who} som {role_label}."]
    for status in statuses:
        if candidate in status.holders and status.over:
            others = [h.person for h in status.holders if h is not candidate]
            where = f" for {status.slot.party_name}" if status.slot.rule.per_municipality else ""
            return [f"Reglen “{status.slot.rule.name}” giver {_seat_word(status.slot.seats)}{where}, "
                    f"og den er allerede besat af {_join(others)}."]
    return []


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1] if names else ""


def seat_periods(term_start: datetime.date, term_end: datetime.date, years: int) -> list[tuple]:
    """A term of ``years`` aligned with an electoral term: the term cut into consecutive periods.

    Valgperioden 2026-2029 with 2 years gives 1.1.2026-31.12.2027 and 1.1.2028-31.12.2029; the last
    period ends with the electoral term.
    """
    if years < 1:
        raise ValueError("years must be at least 1")
    periods, start = [], term_start
    while start <= term_end:
        try:
            next_start = start.replace(year=start.year + years)
        except ValueError:  # 29 February
            next_start = start.replace(year=start.year + years, day=28)
        end = min(next_start - datetime.timedelta(days=1), term_end)
        periods.append((start, end))
        start = next_start
    return periods


def seat_period_on(term_start, term_end, years: int, on: datetime.date) -> tuple | None:
    for start, end in seat_periods(term_start, term_end, years):
        if start <= on <= end:
            return start, end
    return None
