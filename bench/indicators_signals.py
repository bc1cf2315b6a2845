"""Benchmark: indicator signals for 10,000 series of 36 monthly points each.

    .venv/bin/python bench/indicators_signals.py            # the figures
    .venv/bin/python bench/indicators_signals.py --csv      # also through the CLI's CSV path

Prints the seconds for the signals (arrow over the last 24 points + Anhøj's runs and crossings,
exactly what `klynge indicators signals` computes per series) and exits with status 1 when
they take longer than the limit (2 s by default). Series are synthetic and seeded: every run
computes the same numbers. The time includes neither generating the data nor (without --csv)
reading a file.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from klynge.indicators import rules  # noqa: E402


def make_series(count: int, length: int, seed: int = 2024) -> list[tuple[list[Decimal], str]]:
    """Monthly counts around a level, some with a late shift, as Decimals (as stored)."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        level = rng.uniform(20, 2000)
        shift = rng.choice([0, 0, 0, 0.1, -0.1, 0.2, -0.2])
        values = []
        for month in range(length):
            mean = level * (1 + (shift if month >= length - 9 else 0))
            values.append(Decimal(max(0, round(rng.gauss(mean, mean ** 0.5)))))
        out.append((values, rng.choice(rules.DIRECTIONS)))
    return out


def bench_rules(series) -> tuple[float, Counter]:
    start = time.perf_counter()
    arrows = Counter()
    for values, desired in series:
        result = rules.signals(values, desired)
        arrows[result["arrow"]] += 1
    return time.perf_counter() - start, arrows


def bench_csv(series) -> float:
    from klynge.indicators.cli_signals import signals_for_file

    buffer = io.StringIO()
    buffer.write("indicator,area,period,value,desired\n")
    for i, (values, desired) in enumerate(series):
        for month, value in enumerate(values):
            buffer.write(f"Indikator {i % 6},Område {i},{2024 + month // 12}-{month % 12 + 1:02d},{value},{desired}\n")
    data = buffer.getvalue().encode()
    start = time.perf_counter()
    results = signals_for_file(data, "bench.csv")
    elapsed = time.perf_counter() - start
    assert len(results) == len(series)
    return elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=10_000)
    parser.add_argument("--points", type=int, default=36)
    parser.add_argument("--limit", type=float, default=2.0, help="seconds allowed for the signals")
    parser.add_argument("--csv", action="store_true", help="also time the CLI's path from CSV bytes")
    args = parser.parse_args(argv)

    series = make_series(args.series, args.points)
    seconds, arrows = bench_rules(series)
    per_series = seconds / args.series * 1e6
    print(f"serier: {args.series}, punkter pr. serie: {args.points}, kerner: {os.cpu_count()}")
    print(f"signaler (pil + Anhøj): {seconds:.3f} s ({per_series:.1f} µs pr. serie), grænse {args.limit:.1f} s")
    print("pile: " + ", ".join(f"{k} {v}" for k, v in sorted(arrows.items())))
    if args.csv:
        csv_seconds = bench_csv(series)
        print(f"CLI-vejen fra CSV ({args.series * args.points} rækker læst og tjekket): {csv_seconds:.3f} s")
    if seconds > args.limit:
        print(f"FOR LANGSOMT: {seconds:.3f} s > {args.limit:.1f} s")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
