"""The pure rules: the status report's arrow, Anhøj's run chart rules and the p-chart."""

import math
from decimal import Decimal

import pytest

from klynge.indicators import rules

# Anhøj J, Olesen AV (2014), "Run charts revisited", PLoS ONE 9(11): e113825, Table 1:
# critical values for the longest run and the number of crossings by useful observations n.
ANHOEJ_TABLE = {
    10: (6, 2), 11: (6, 2), 12: (7, 3), 13: (7, 3), 14: (7, 4), 15: (7, 4), 16: (7, 4), 17: (7, 5),
    18: (7, 5), 19: (7, 6), 20: (7, 6), 21: (7, 6), 22: (7, 7), 23: (8, 7), 24: (8, 8), 25: (8, 8),
    26: (8, 8), 27: (8, 9), 28: (8, 9), 29: (8, 10), 30: (8, 10), 31: (8, 11), 32: (8, 11), 33: (8, 11),
    34: (8, 12), 35: (8, 12), 36: (8, 13), 37: (8, 13), 38: (8, 14), 39: (8, 14), 40: (8, 14),
    41: (8, 15), 42: (8, 15), 43: (8, 16), 44: (8, 16), 45: (8, 17), 46: (9, 17), 47: (9, 17),
    48: (9, 18), 49: (9, 18), 50: (9, 19), 60: (9, 23),
}


@pytest.mark.parametrize("n, expected", sorted(ANHOEJ_TABLE.items()))
def test_limits_match_the_published_anhoej_table(n, expected):
    assert (rules.longest_run_limit(n), rules.crossings_limit(n)) == expected


def test_crossings_limit_is_the_exact_lower_five_percent_binomial_quantile():
    for n in range(2, 120):
        k = rules.crossings_limit(n)
        cdf = lambda x, n=n: sum(math.comb(n - 1, i) for i in range(x + 1)) / 2 ** (n - 1)  # noqa: E731
        assert cdf(k) >= 0.05
        assert k == 0 or cdf(k - 1) < 0.05


def test_arrow_points_up_when_seven_of_the_last_eight_lie_above_the_median():
    values = [10] * 16 + [12, 12, 12, 9, 12, 12, 12, 12]
    development = rules.clear_development(values, "down")
    assert development.arrow == "up"
    assert development.above == 7
    assert development.colour == "red"


def test_arrow_points_down_and_is_green_when_falling_is_desired():
    values = [10, 11] * 8 + [5, 5, 6, 5, 5, 4, 5, 12]
    development = rules.clear_development(values, "down")
    assert (development.arrow, development.colour, development.below) == ("down", "green", 7)


def test_arrow_is_flat_with_only_six_of_eight_on_one_side():
    values = [10, 11] * 8 + [20, 20, 20, 20, 20, 20, 1, 1]
    assert rules.clear_development(values, "up").arrow == "flat"
    assert rules.clear_development(values, "up").colour == "neutral"


def test_points_equal_to_the_median_count_as_neither_side():
    # median of the last 24 is 10; six above and two on the median: not 7 of 8.
    values = [10] * 16 + [11, 11, 11, 11, 11, 11, 10, 10]
    development = rules.clear_development(values, "up")
    assert development.median == 10
    assert (development.above, development.below, development.arrow) == (6, 0, "flat")


def test_only_the_last_24_points_count_for_the_median():
    values = [1000] * 12 + [10, 11] * 8 + [20] * 8
    development = rules.clear_development(values, "up")
    assert development.median == 11  # sorted: eight 10s, eight 11s, eight 20s
    assert development.arrow == "up" and development.colour == "green"


def test_fewer_than_24_points_is_insufficient():
    development = rules.clear_development(list(range(23)), "up")
    assert development.arrow == "insufficient"
    assert development.colour == "neutral"
    assert development.median is None


def test_no_desired_direction_gives_a_neutral_colour():
    values = [10] * 16 + [20] * 8
    development = rules.clear_development(values, "none")
    assert development.arrow == "up" and development.colour == "neutral"


def test_unknown_desired_direction_is_refused():
    with pytest.raises(ValueError):
        rules.clear_development([1] * 24, "sideways")


def test_arrow_works_on_decimals_as_stored():
    values = [Decimal("16.9")] * 16 + [Decimal("18.1")] * 8
    assert rules.clear_development(values, "down").arrow == "up"


def test_runs_analysis_counts_longest_run_and_crossings_ignoring_points_on_the_median():
    values = [1, 2, 3, 5, 5, 7, 8, 9, 1, 9]  # median 5: the two fives are not useful
    runs = rules.runs_analysis(values)
    assert runs.centre == 5
    assert runs.useful == 8
    assert runs.longest_run == 3            # 1,2,3 and 7,8,9
    assert runs.crossings == 3              # below→above→below→above
    assert (runs.longest_run_limit, runs.crossings_limit) == (6, 1)  # n = 8
    assert not runs.runs_signal


def test_a_long_run_is_a_shift_signal_and_its_points_are_marked():
    values = [1, 9, 1] + [9] * 8 + [1, 2, 1, 9, 1, 2, 1, 2, 1]  # ten above, ten below: median (2 + 9) / 2
    runs = rules.runs_analysis(values)
    assert runs.centre == 5.5 and runs.useful == 20
    assert runs.longest_run == 8 > runs.longest_run_limit == 7
    assert runs.shift and runs.runs_signal
    assert runs.crossings == 6 and not runs.too_few_crossings
    assert runs.signal_points == tuple(range(3, 11))


def test_too_few_crossings_is_a_signal():
    values = [1] * 5 + [9] * 5 + [1] * 5 + [9] * 5  # 20 useful, 3 crossings < 6
    runs = rules.runs_analysis(values)
    assert runs.crossings == 3 and runs.crossings_limit == 6
    assert runs.too_few_crossings and runs.runs_signal


def test_runs_baseline_sets_the_centre_line_from_the_first_points():
    runs = rules.runs_analysis([1, 2, 3, 10, 11, 12], baseline=3)
    assert runs.centre == 2
    assert runs.useful == 5


def test_runs_analysis_of_an_empty_or_flat_series_gives_no_signal():
    assert not rules.runs_analysis([]).runs_signal
    flat = rules.runs_analysis([4, 4, 4, 4])
    assert flat.useful == 0 and not flat.runs_signal


def test_signals_combines_the_arrow_and_the_runs_over_the_last_24_points():
    values = [500] * 12 + [10, 11] * 8 + [20] * 8
    result = rules.signals(values, "down")
    assert result["latest"] == 20
    assert result["median"] == 11
    assert result["arrow"] == "up" and result["colour"] == "red"
    # the eleven-s lie on the median: 16 useful points, all 10s one run below, all 20s one run above
    assert result["longest_run"] == 8 and result["longest_run_limit"] == 7
    assert result["crossings"] == 1 and result["crossings_limit"] == 4
    assert result["runs_signal"] is True


def test_p_chart_limits_widen_for_small_denominators_and_are_clamped():
    chart = rules.p_chart([10, 10, 50, 3], [100, 25, 500, 3])
    assert chart.centre == pytest.approx(73 / 628)
    big, small = chart.points[2], chart.points[1]
    assert (small.upper - small.lower) > (big.upper - big.lower)
    p = 73 / 628
    assert big.upper == pytest.approx(p + 3 * math.sqrt(p * (1 - p) / 500))
    assert all(0 <= pt.lower <= pt.upper <= 1 for pt in chart.points)
    assert chart.points[3].lower == 0.0 and chart.points[3].outside  # 3 of 3 is far above p̄
    assert chart.any_outside
    high = rules.p_chart([99, 2], [100, 2])
    assert high.points[1].upper == 1.0


def test_p_chart_marks_a_point_outside_its_limits():
    chart = rules.p_chart([10, 11, 9, 10, 40], [100, 100, 100, 100, 100])
    assert [pt.outside for pt in chart.points] == [False, False, False, False, True]


def test_p_chart_refuses_impossible_fractions():
    with pytest.raises(ValueError):
        rules.p_chart([5], [0])
    with pytest.raises(ValueError):
        rules.p_chart([6], [5])
    with pytest.raises(ValueError):
        rules.p_chart([1, 2], [3])
