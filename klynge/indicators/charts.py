"""Geometry for server-rendered SVG charts (run chart, p-chart). Pure: no ORM, no templates.

The template draws what these functions compute: points, the centre line, optional limits,
tick marks and labels, and which points carry a signal.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 800, 340
LEFT, RIGHT, TOP, BOTTOM = 72, 20, 20, 70
MAX_X_LABELS = 12


@dataclass
class ChartPoint:
    x: float
    y: float
    label: str
    text: str
    signal: bool

    @property
    def marker_x(self) -> float:
        return round(self.x - 6, 1)

    @property
    def marker_y(self) -> float:
        return round(self.y - 6, 1)


@dataclass
class Chart:
    width: int
    height: int
    left: int
    right: float
    top: int
    bottom: float
    points: list[ChartPoint]
    line: str                      # "x,y x,y ..." through every point
    centre_y: float | None
    centre_text: str
    upper: str                     # step line of the upper limit ("" when none)
    lower: str
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    recent: tuple[float, float, float, float] | None = None  # x, y, width, height of the shaded band

    @property
    def tick_text_x(self) -> float:
        return self.left - 8

    @property
    def tick_end_y(self) -> float:
        return self.bottom + 5

    @property
    def label_y(self) -> float:
        return self.bottom + 14


def nice_step(span: float, target: int = 5) -> float:
    """A step of 1, 2, 2.5 or 5 times a power of ten giving about ``target`` intervals."""
    if span <= 0:
        return 1.0
    raw = span / target
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power  # pragma: no cover


def build_chart(labels: Sequence[str], values: Sequence[float], *, centre: float | None,
                signals: set[int] | frozenset[int] = frozenset(),
                limits: Sequence[tuple[float, float]] | None = None,
                fmt: Callable[[float], str] = lambda v: f"{v:g}",
                floor: float | None = None, ceiling: float | None = None,
                recent_from: int | None = None) -> Chart:
    """Lay out a line chart of ``values`` over ``labels`` in a WIDTH × HEIGHT box."""
    if len(labels) != len(values):
        raise ValueError("labels and values differ in length")
    numbers = [float(v) for v in values]
    extent = list(numbers)
    if centre is not None:
        extent.append(float(centre))
    if limits:
        extent += [float(lo) for lo, _ in limits] + [float(hi) for _, hi in limits]
    low, high = (min(extent), max(extent)) if extent else (0.0, 1.0)
    if low == high:
        low, high = low - 1, high + 1
    step = nice_step(high - low)
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step
    if floor is not None:
        low = max(low, floor)
    if ceiling is not None:
        high = min(high, ceiling)

    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM
    plot_w, plot_h = right - LEFT, bottom - TOP
    count = len(numbers)

    def x_at(i: int) -> float:
        return round(LEFT + (plot_w * (i + 0.5) / count if count else 0), 1)

    def y_at(v: float) -> float:
        return round(bottom - (float(v) - low) / (high - low) * plot_h, 1)

    points = [ChartPoint(x_at(i), y_at(v), labels[i], fmt(v), i in signals) for i, v in enumerate(numbers)]
    ticks = []
    tick = low
    while tick <= high + step / 1000:
        ticks.append((y_at(tick), fmt(tick)))
        tick += step
    every = max(1, math.ceil(count / MAX_X_LABELS))
    x_ticks = [(x_at(i), labels[i]) for i in range(count - 1, -1, -every)][::-1]

    def step_line(bounds: list[float]) -> str:
        half = plot_w / count / 2 if count else 0
        coords = []
        for i, bound in enumerate(bounds):
            y = y_at(min(max(bound, low), high))
            coords.append(f"{round(x_at(i) - half, 1)},{y}")
            coords.append(f"{round(x_at(i) + half, 1)},{y}")
        return " ".join(coords)

    recent = None
    if recent_from is not None and 0 <= recent_from < count:
        start = round(x_at(recent_from) - plot_w / count / 2, 1)
        recent = (start, TOP, round(right - start, 1), plot_h)

    return Chart(
        WIDTH, HEIGHT, LEFT, right, TOP, bottom, points,
        " ".join(f"{p.x},{p.y}" for p in points),
        y_at(centre) if centre is not None else None, fmt(centre) if centre is not None else "",
        step_line([hi for _, hi in limits]) if limits else "",
        step_line([lo for lo, _ in limits]) if limits else "",
        ticks, x_ticks, recent,
    )
