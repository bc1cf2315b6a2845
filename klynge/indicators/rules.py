"""Trend rules for indicator series, as pure functions (no ORM, no Django).

Three readings of a series, each tested alone in tests/indicators/test_rules.py:

- **Clear development** (*tydelig udvikling*), the arrow of the status reports: of the last
  8 of the last 24 monthly points, at least 7 above the median of those 24 points → up, at
  least 7 below → down, otherwise flat; fewer than 24 points → "insufficient".
- **Anhøj's run chart rules**: useful observations are the points not on the centre line;
  a *shift* when the longest run on one side is longer than round(log2(n) + 3); a *crossings*
  signal when the number of crossings is below the lower 5 % quantile of Binomial(n − 1, ½).
- **p-chart** for proportions: 3-sigma limits that vary with the denominator, clamped to 0..1.

Values may be int, float or Decimal; the functions never mix Decimal and float arithmetic.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from numbers import Real

UP, DOWN, FLAT, INSUFFICIENT = "up", "down", "flat", "insufficient"
NONE = "none"
GREEN, RED, NEUTRAL = "green", "red", "neutral"
DIRECTIONS = (UP, DOWN, NONE)

DEVELOPMENT_WINDOW = 24  # months whose median is the reference
RECENT_WINDOW = 8        # the last months looked at ...
RECENT_REQUIRED = 7      # ... of which this many must lie on one side


def median(values: Sequence[Real]):
    """Median without statistics' type juggling: the middle value, or the mean of the two middle
    values (kept as Decimal when the values are Decimal)."""
    if not values:
        raise ValueError("median of an empty series")
    ordered = sorted(values)
    n = len(ordered)
    middle = n // 2
    if n % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


# --- clear development (the arrow) -------------------------------------------------------


@dataclass(frozen=True)
class Development:
    arrow: str            # up | down | flat | insufficient
    colour: str           # green | red | neutral
    median: Real | None   # median of the last 24 points (None when insufficient)
    above: int            # of the last 8 points, how many lie above the median
    below: int            # ... and how many below (points on the median count as neither)


def arrow_colour(arrow: str, desired: str) -> str:
    """Green when the arrow points the desired way, red when the other way, else neutral."""
    if desired not in DIRECTIONS:
        raise ValueError(f"unknown desired direction {desired!r}")
    if arrow not in (UP, DOWN) or desired == NONE:
        return NEUTRAL
    return GREEN if arrow == desired else RED


def clear_development(values: Sequence[Real], desired: str = NONE) -> Development:
    """The status report's arrow over a chronologically ordered series of monthly values."""
    if desired not in DIRECTIONS:
        raise ValueError(f"unknown desired direction {desired!r}")
    if len(values) < DEVELOPMENT_WINDOW:
        return Development(INSUFFICIENT, NEUTRAL, None, 0, 0)
    window = values[-DEVELOPMENT_WINDOW:]
    centre = median(window)
    recent = window[-RECENT_WINDOW:]
    above = sum(1 for v in recent if v > centre)
    below = sum(1 for v in recent if v < centre)
    if above >= RECENT_REQUIRED:
        arrow = UP
    elif below >= RECENT_REQUIRED:
        arrow = DOWN
    else:
        arrow = FLAT
    return Development(arrow, arrow_colour(arrow, desired), centre, above, below)


# --- Anhøj's run chart rules ---------------------------------------------------------------


def longest_run_limit(n: int) -> int:
    """Upper limit for the longest run: round(log2(n) + 3). A longer run is a shift signal.

    log2(n) + 3 is never exactly x.5 for an integer n, so rounding half up or half to even agree.
    """
    if n < 1:
        return 0
    return math.floor(math.log2(n) + 3 + 0.5)


@lru_cache(maxsize=1024)
def crossings_limit(n: int) -> int:
    """Lower limit for the number of crossings: the lower 5 % quantile of Binomial(n − 1, ½),
    i.e. the smallest k with P(X ≤ k) ≥ 0.05 (R's ``qbinom(0.05, n - 1, 0.5)``).

    Computed exactly in integers: P(X ≤ k) ≥ 1/20  ⇔  20 · Σ_{i≤k} C(n−1, i) ≥ 2^(n−1).
    Fewer crossings than this is a signal.
    """
    if n < 2:
        return 0
    trials = n - 1
    total = 1 << trials
    cumulative = 0
    for k in range(trials + 1):
        cumulative += math.comb(trials, k)
        if 20 * cumulative >= total:
            return k
    return trials  # not reached: the cumulative sum ends at 2^(n−1)


@dataclass(frozen=True)
class RunsAnalysis:
    centre: Real | None        # median of the baseline
    useful: int                # n: observations not on the centre line
    longest_run: int
    longest_run_limit: int
    crossings: int
    crossings_limit: int
    shift: bool                # longest run > its limit
    too_few_crossings: bool    # crossings < their limit
    # indices (into the analysed values) of the points in runs longer than the limit
    signal_points: tuple[int, ...] = field(default=())

    @property
    def runs_signal(self) -> bool:
        """Non-random variation: a shift or too few crossings."""
        return self.shift or self.too_few_crossings


def runs_analysis(values: Sequence[Real], baseline: int | None = None) -> RunsAnalysis:
    """Anhøj's rules over ``values``, the centre line being the median of the first
    ``baseline`` values (all of them when ``baseline`` is None)."""
    if not values:
        return RunsAnalysis(None, 0, 0, 0, 0, 0, False, False)
    base = values[:baseline] if baseline else values
    centre = median(base)
    runs: list[list[int]] = []  # indices of the useful points, one list per run
    side = 0
    for i, value in enumerate(values):
        s = 1 if value > centre else (-1 if value < centre else 0)
        if s == 0:
            continue  # on the centre line: not a useful observation
        if s == side:
            runs[-1].append(i)
        else:
            runs.append([i])
            side = s
    useful = sum(len(run) for run in runs)
    longest = max((len(run) for run in runs), default=0)
    crossings = max(len(runs) - 1, 0)
    run_limit = longest_run_limit(useful)
    cross_limit = crossings_limit(useful)
    shift = useful > 0 and longest > run_limit
    few = useful > 1 and crossings < cross_limit
    marked = [i for run in runs if len(run) > run_limit for i in run] if shift else []
    return RunsAnalysis(centre, useful, longest, run_limit, crossings, cross_limit, shift, few, tuple(marked))


# --- the CLI's and the dashboard's combined reading -----------------------------------------


def signals(values: Sequence[Real], desired: str = NONE) -> dict:
    """Everything the CLI reports for one series: the arrow over the last 24 points and
    Anhøj's rules with the median of those same (up to) 24 points as centre line."""
    development = clear_development(values, desired)
    window = values[-DEVELOPMENT_WINDOW:]
    runs = runs_analysis(window)
    return {
        "latest": values[-1] if values else None,
        "median": runs.centre,
        "arrow": development.arrow,
        "colour": development.colour,
        "longest_run": runs.longest_run,
        "longest_run_limit": runs.longest_run_limit,
        "crossings": runs.crossings,
        "crossings_limit": runs.crossings_limit,
        "runs_signal": runs.runs_signal,
    }


# --- p-chart -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PChartPoint:
    proportion: float
    lower: float
    upper: float
    outside: bool


@dataclass(frozen=True)
class PChart:
    centre: float
    points: tuple[PChartPoint, ...]

    @property
    def any_outside(self) -> bool:
        return any(p.outside for p in self.points)


def p_chart(numerators: Sequence[int], denominators: Sequence[int]) -> PChart:
    """p-chart: centre p̄ = Σ numerators / Σ denominators; for each point the limits
    p̄ ± 3·√(p̄(1 − p̄)/nᵢ), clamped to 0..1; a point outside its limits is marked."""
    if len(numerators) != len(denominators):
        raise ValueError("numerators and denominators differ in length")
    if not numerators:
        raise ValueError("p-chart of an empty series")
    for num, den in zip(numerators, denominators, strict=True):
        if den <= 0:
            raise ValueError("a denominator must be positive")
        if num < 0 or num > den:
            raise ValueError("a numerator must lie between 0 and its denominator")
    p_bar = sum(numerators) / sum(denominators)
    spread = p_bar * (1 - p_bar)
    points = []
    for num, den in zip(numerators, denominators, strict=True):
        p = num / den
        sigma = math.sqrt(spread / den)
        lower = max(0.0, p_bar - 3 * sigma)
        upper = min(1.0, p_bar + 3 * sigma)
        points.append(PChartPoint(p, lower, upper, p < lower or p > upper))
    return PChart(p_bar, tuple(points))
