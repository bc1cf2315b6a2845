"""Pure fund arithmetic: no ORM, no Django. Whole kroner as ``int`` throughout.

Inputs are plain tuples/dataclasses so the same functions serve the pages, the
exports, the CLI and the tests:

- grants:    ``Grant(year, party, amount)``
- transfers: ``Transfer(party, from_year, to_year, amount)`` (carry-over of a party's funds)
- budget:    ``Line(initiative, year, party, amount)`` (committed funds)

A party is any hashable label (the views use organisation names).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Grant:
    year: int
    party: str
    amount: int


@dataclass(frozen=True)
class Transfer:
    party: str
    from_year: int
    to_year: int
    amount: int


@dataclass(frozen=True)
class Line:
    initiative: str
    year: int
    party: str
    amount: int


@dataclass
class PartyBalance:
    party: str
    funds: int
    committed: int

    @property
    def balance(self) -> int:
        return self.funds - self.committed


@dataclass
class MatrixRow:
    initiative: str
    by_party: dict[str, int]
    total: int


@dataclass
class Move:
    """A suggested redistribution: ``amount`` from a party with a surplus to one with a deficit."""

    from_party: str
    to_party: str
    amount: int


@dataclass
class Overview:
    years: list[int]
    parties: list[str]
    rows: list[MatrixRow]
    column_totals: dict[str, int]
    balances: list[PartyBalance]
    redistribution: int
    moves: list[Move] = field(default_factory=list)

    @property
    def total_committed(self) -> int:
        return sum(self.column_totals.values())

    @property
    def total_funds(self) -> int:
        return sum(b.funds for b in self.balances)

    @property
    def total_balance(self) -> int:
        return self.total_funds - self.total_committed

    @property
    def overcommitted(self) -> int:
        """How much more is committed than the cluster has in all (0 when it fits)."""
        return max(0, -self.total_balance)


# --- money in and out -------------------------------------------------------------------

def _in_years(year: int, years: set[int] | None) -> bool:
    return years is None or year in years


def funds_by_party(grants: Iterable[Grant], transfers: Iterable[Transfer] = (),
                   years: Iterable[int] | None = None) -> dict[str, int]:
    """Funds available per party in the chosen years.

    A grant counts in its own year. A transfer moves money from ``from_year`` to
    ``to_year``: it adds to the selection when only the target year is chosen and
    subtracts when only the source year is chosen; within the selection it nets out.
    """
    chosen = None if years is None else set(years)
    funds: dict[str, int] = defaultdict(int)
    for g in grants:
        if _in_years(g.year, chosen):
            funds[g.party] += g.amount
    for t in transfers:
        into, out_of = _in_years(t.to_year, chosen), _in_years(t.from_year, chosen)
        if into and not out_of:
            funds[t.party] += t.amount
        elif out_of and not into:
            funds[t.party] -= t.amount
    return dict(funds)


def funds_by_year(grants: Iterable[Grant], transfers: Iterable[Transfer] = ()) -> dict[int, dict[str, int]]:
    """Funds per year and party after carry-over (what each year really has to spend)."""
    grants, transfers = list(grants), list(transfers)
    years = sorted({g.year for g in grants} | {t.from_year for t in transfers} | {t.to_year for t in transfers})
    return {year: funds_by_party(grants, transfers, [year]) for year in years}


def committed_by_party(lines: Iterable[Line], years: Iterable[int] | None = None) -> dict[str, int]:
    chosen = None if years is None else set(years)
    committed: dict[str, int] = defaultdict(int)
    for line in lines:
        if _in_years(line.year, chosen):
            committed[line.party] += line.amount
    return dict(committed)


def balances(funds: Mapping[str, int], committed: Mapping[str, int],
             parties: Iterable[str] | None = None) -> list[PartyBalance]:
    """Funds minus committed per party, in the order of ``parties`` (default: sorted by name)."""
    order = list(parties) if parties is not None else sorted(set(funds) | set(committed))
    return [PartyBalance(p, funds.get(p, 0), committed.get(p, 0)) for p in order]


def redistribution(party_balances: Iterable[PartyBalance]) -> tuple[int, list[Move]]:
    """The amount that must move between parties so no party is committed beyond its funds.

    Parties with a surplus cover parties with a deficit; the amount is the smaller of
    total surplus and total deficit (if the deficit is larger, the cluster as a whole is
    over-committed and the rest cannot be redistributed). Moves are suggested greedily,
    largest surplus to largest deficit, in whole kroner.
    """
    surplus = sorted(((b.balance, b.party) for b in party_balances if b.balance > 0), key=lambda x: (-x[0], x[1]))
    deficit = sorted(((-b.balance, b.party) for b in party_balances if b.balance < 0), key=lambda x: (-x[0], x[1]))
    amount = min(sum(a for a, _ in surplus), sum(a for a, _ in deficit))
    moves: list[Move] = []
    s = [[a, p] for a, p in surplus]
    d = [[a, p] for a, p in deficit]
    i = j = 0
    while i < len(s) and j < len(d):
        step = min(s[i][0], d[j][0])
        if step:
            moves.append(Move(s[i][1], d[j][1], step))
        s[i][0] -= step
        d[j][0] -= step
        if s[i][0] == 0:
            i += 1
        if d[j][0] == 0:
            j += 1
    return amount, moves


def matrix(lines: Iterable[Line], years: Iterable[int] | None = None,
           initiatives: Iterable[str] | None = None,
           parties: Iterable[str] | None = None) -> tuple[list[MatrixRow], dict[str, int]]:
    """Initiatives by party: one row per initiative with its total, and the column totals.

    ``initiatives`` fixes the row order (default: natural order of the numbers); rows
    without any line in the chosen years are left out unless listed explicitly.
    """
    chosen = None if years is None else set(years)
    cells: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    seen_parties: set[str] = set()
    for line in lines:
        if _in_years(line.year, chosen):
            cells[line.initiative][line.party] += line.amount
            seen_parties.add(line.party)
    party_order = list(parties) if parties is not None else sorted(seen_parties)
    row_order = list(initiatives) if initiatives is not None else sorted(cells, key=natural_key)
    rows = []
    for initiative in row_order:
        by_party = {p: cells[initiative][p] for p in party_order if p in cells.get(initiative, {})}
        rows.append(MatrixRow(initiative, by_party, sum(by_party.values())))
    totals = {p: sum(r.by_party.get(p, 0) for r in rows) for p in party_order}
    return rows, totals


def overview(grants: Iterable[Grant], transfers: Iterable[Transfer], lines: Iterable[Line],
             years: Iterable[int] | None = None, initiatives: Iterable[str] | None = None,
             parties: Iterable[str] | None = None) -> Overview:
    """Everything on the overview page: matrix, funds, balances and redistribution."""
    grants, transfers, lines = list(grants), list(transfers), list(lines)
    chosen = sorted(set(years)) if years is not None else all_years(grants, transfers, lines)
    funds = funds_by_party(grants, transfers, chosen)
    committed = committed_by_party(lines, chosen)
    if parties is None:
        parties = sorted({p for p, v in funds.items() if v} | set(committed))
    parties = list(parties)
    rows, totals = matrix(lines, chosen, initiatives, parties)
    bal = balances(funds, committed, parties)
    amount, moves = redistribution(bal)
    return Overview(chosen, parties, rows, totals, bal, amount, moves)


def all_years(grants: Iterable[Grant] = (), transfers: Iterable[Transfer] = (),
              lines: Iterable[Line] = ()) -> list[int]:
    years = {g.year for g in grants} | {line.year for line in lines}
    for t in transfers:
        years |= {t.from_year, t.to_year}
    return sorted(years)


# --- distribution keys and invoices ------------------------------------------------------

def split_by_key(total: int, weights: Mapping[str, int]) -> dict[str, int]:
    """Split ``total`` kroner by integer weights so the parts always sum exactly to ``total``.

    Largest-remainder method (Hamilton): everyone gets the floor of their exact share,
    the kroner left over go one each to the largest remainders (ties by the order of
    ``weights``). Negative totals (credit notes) are split like positive ones, mirrored.
    """
    if not isinstance(total, int):
        raise TypeError("Beløbet skal være hele kroner (int).")
    if any(w < 0 for w in weights.values()):
        raise ValueError("En fordelingsnøgle kan ikke have negative andele.")
    weight_sum = sum(weights.values())
    if weight_sum == 0:
        if total == 0:
            return {p: 0 for p in weights}
        raise ValueError("Fordelingsnøglen er tom: alle andele er 0.")
    if total < 0:
        return {p: -v for p, v in split_by_key(-total, weights).items()}
    floors = {p: total * w // weight_sum for p, w in weights.items()}
    remainders = {p: total * w % weight_sum for p, w in weights.items()}
    left = total - sum(floors.values())
    order = list(weights)
    for p in sorted(order, key=lambda p: (-remainders[p], order.index(p)))[:left]:
        floors[p] += 1
    return floors


def key_from_budget(lines: Iterable[Line]) -> dict[str, int]:
    """A distribution key derived from an initiative's budget: each party's share of the total."""
    key: dict[str, int] = defaultdict(int)
    for line in lines:
        key[line.party] += line.amount
    return {p: w for p, w in sorted(key.items()) if w > 0}


def percentages(weights: Mapping[str, int]) -> dict[str, float]:
    """Shares in per cent, for display only (never used for money)."""
    total = sum(weights.values())
    return {p: (100 * w / total if total else 0.0) for p, w in weights.items()}


# --- numbers and sorting -----------------------------------------------------------------

_NUMBER_PART = re.compile(r"(\d+)")


def natural_key(number: str) -> tuple:
    """Sort key for initiative numbers: 2 < 9 < 10 < 10a < 10b < 11."""
    parts = _NUMBER_PART.split((number or "").strip().lower())
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p != "")


_GROUPED = re.compile(r"^\d{1,3}([.\s ]\d{3})+$")

# The largest amount Klynge keeps, in whole kroner (12 digits: just under a trillion). The columns
# are 64-bit integers; this bound keeps every sum of amounts far inside them on both databases.
MAX_KRONER = 999_999_999_999


def kroner_out_of_range(amount: int) -> str | None:
    """A Danish message when an amount lies beyond ±MAX_KRONER, else None."""
    if abs(amount) > MAX_KRONER:
        return f"Beløbet er for stort: et beløb kan højst være {format_kroner(MAX_KRONER)}"
    return None


def validate_kroner(value) -> None:
    """Model field validator: the same bound in the admin and in every form."""
    from django.core.exceptions import ValidationError

    if isinstance(value, int) and (message := kroner_out_of_range(value)):
        raise ValidationError(message, code="max_value")


def parse_kroner(text: str) -> int:
    """Parse whole kroner as secretariats write them: '2.069.103', '2069103', '2 069 103',
    '-500', '1.000,00', '1.000 kr.'. Raises ValueError with a Danish message otherwise."""
    raw = (text or "").strip()
    value = raw
    if not value:
        raise ValueError("Beløbet mangler.")
    for suffix in ("kr.", "kr", "dkk", "DKK"):
        if value.endswith(suffix):
            value = value[: -len(suffix)].strip()
    sign = 1
    if value[:1] in "-−":
        sign, value = -1, value[1:].strip()
    elif value[:1] == "+":
        value = value[1:].strip()
    if "," in value:
        whole, _, decimals = value.partition(",")
        if decimals.strip("0") not in ("", "-"):
            raise ValueError(f"“{raw}” er ikke hele kroner; skriv beløbet uden øre.")
        value = whole
    digits = re.sub(r"[.\s ]", "", value) if (value.isdigit() or _GROUPED.match(value)) else ""
    if digits.isascii() and digits.isdigit():
        digits = digits.lstrip("0") or "0"
        if len(digits) > len(str(MAX_KRONER)) or int(digits) > MAX_KRONER:
            raise ValueError(f"“{raw[:40]}” er for stort: et beløb kan højst være {format_kroner(MAX_KRONER)}")
        return sign * int(digits)
    raise ValueError(f"“{raw}” er ikke et gyldigt beløb i hele kroner (f.eks. 2.069.103).")


def format_kroner(amount: int) -> str:  # same as klynge.core.formats.kroner
    """1022190 -> '1.022.190 kr.' (for CLI output; pages use the ``kroner`` filter)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,}".replace(",", ".") + " kr."
