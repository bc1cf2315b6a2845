"""Pure rules of improvement teams: no ORM, so pages, forms, the demo and tests share them.

- ``team_warnings``: a team should have 2-6 members from more than one party (the corpus: "Det optimale er
  tre til seks deltagere pr. projekt", teams "på tværs af regioner, kommuner og almen praksis"). These are
  warnings, never refusals: a team may be registered while it is still being put together.
- ``deadline_state``: where a deadline of the selection process stands on a given day.
- ``seat_warnings``: the seats given to the clusters of a region add up to no more than the region's.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MIN_MEMBERS = 2
MAX_MEMBERS = 6
SOON_DAYS = 14


@dataclass(frozen=True)
class Seat:
    """One member of a team as the rules see it: the party (organisation) and its kind (sector)."""

    party: str          # the party's name, e.g. "Kolding Kommune"
    kind: str = ""      # the party's kind label, e.g. "Kommune"
    chair: bool = False


def team_warnings(seats: Sequence[Seat], *, minimum: int = MIN_MEMBERS, maximum: int = MAX_MEMBERS) -> list[str]:
    """Danish warnings for a team's composition (empty when it looks right)."""
    out = []
    count = len(seats)
    if count < minimum:
        out.append(f"Teamet har {count} {_members(count)}; et forbedringsteam bør have {minimum}-{maximum} "
                   "deltagere.")
    elif count > maximum:
        out.append(f"Teamet har {count} deltagere; et forbedringsteam bør have {minimum}-{maximum} deltagere.")
    parties = {s.party for s in seats}
    if count >= 2 and len(parties) == 1:
        out.append(f"Alle deltagere kommer fra samme part ({next(iter(parties))}). Et forbedringsteam skal "
                   "have deltagere fra flere parter.")
    elif count >= 2 and len({s.kind for s in seats}) == 1 and seats[0].kind:
        out.append(f"Alle deltagere kommer fra samme sektor ({seats[0].kind.lower()}). Forbedringsteams arbejder "
                   "på tværs af region, kommuner og almen praksis.")
    if count and not any(s.chair for s in seats):
        out.append("Teamet har ingen formand.")
    return out


def _members(count: int) -> str:
    return "deltager" if count == 1 else "deltagere"


# --- deadlines -----------------------------------------------------------------------------------------

DONE, MISSED, SOON, LATER = "done", "missed", "soon", "later"
STATE_LABELS = {DONE: "Overholdt", MISSED: "Overskredet", SOON: "Snart", LATER: "Kommende"}


def deadline_state(due: datetime.date, done_on: datetime.date | None, today: datetime.date,
                   soon_days: int = SOON_DAYS) -> str:
    """``done`` once met (whenever), ``missed`` when the day has passed without it, ``soon`` within
    ``soon_days`` (the day itself included), else ``later``."""
    if done_on is not None:
        return DONE
    if due < today:
        return MISSED
    if (due - today).days <= soon_days:
        return SOON
    return LATER


def next_deadline(deadlines: Iterable[tuple[datetime.date, datetime.date | None]], today: datetime.date):
    """The first (due, done_on) pair not yet met and not passed, or None."""
    open_ = sorted(d for d in deadlines if d[1] is None and d[0] >= today)
    return open_[0] if open_ else None


# --- seats ---------------------------------------------------------------------------------------------

def seat_warnings(region_seats: dict[str, int], cluster_seats: Iterable[tuple[str, str, int]],
                  used: dict[str, int] | None = None) -> list[str]:
    """Warnings for a cohort's seats. ``region_seats``: region -> seats; ``cluster_seats``: (region, cluster,
    seats); ``used``: cluster -> members registered in its teams."""
    out = []
    given: dict[str, int] = {}
    for region, cluster, seats in cluster_seats:
        given[region] = given.get(region, 0) + seats
        taken = (used or {}).get(cluster, 0)
        if taken > seats:
            out.append(f"{cluster} har {taken} deltagere i sine teams, men kun {seats} pladser.")
    for region, total in given.items():
        if region in region_seats and total > region_seats[region]:
            out.append(f"Klyngerne i {region} har fået {total} pladser i alt, men regionen har kun "
                       f"{region_seats[region]}.")
    return out
