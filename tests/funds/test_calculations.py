import random

import pytest

from klynge.funds import calculations as calc
from klynge.funds.calculations import Grant, Line, Transfer


def test_split_by_key_sums_exactly_to_the_total_with_largest_remainder():
    assert calc.split_by_key(100, {"a": 1, "b": 1, "c": 1}) == {"a": 34, "b": 33, "c": 33}
    assert calc.split_by_key(10, {"a": 2, "b": 1}) == {"a": 7, "b": 3}  # 6.67 -> 7, 3.33 -> 3
    assert calc.split_by_key(399_346, {"h": 5000, "k": 1250, "v": 3750}) == {"h": 199_673, "k": 49_918, "v": 149_755}


def test_split_by_key_never_loses_or_invents_a_krone():
    rng = random.Random(7)
    for _ in range(500):
        total = rng.randint(-10**9, 10**9)
        weights = {f"p{i}": rng.randint(0, 10_000) for i in range(rng.randint(1, 12))}
        if not any(weights.values()):
            weights["p0"] = 1
        split = calc.split_by_key(total, weights)
        assert sum(split.values()) == total
        weight_sum = sum(weights.values())
        for party, amount in split.items():
            exact = total * weights[party] / weight_sum
            assert abs(amount - exact) < 1


def test_split_by_key_rejects_empty_keys_and_floats():
    with pytest.raises(ValueError):
        calc.split_by_key(100, {"a": 0})
    with pytest.raises(ValueError):
        calc.split_by_key(100, {"a": -1, "b": 2})
    with pytest.raises(TypeError):
        calc.split_by_key(10.5, {"a": 1})


def test_carry_over_moves_funds_between_years_and_nets_out_inside_the_selection():
    grants = [Grant(2022, "K", 100), Grant(2023, "K", 50)]
    transfers = [Transfer("K", 2022, 2023, 100)]
    assert calc.funds_by_party(grants, transfers, [2022]) == {"K": 0}
    assert calc.funds_by_party(grants, transfers, [2023]) == {"K": 150}
    assert calc.funds_by_party(grants, transfers, [2022, 2023]) == {"K": 150}
    assert calc.funds_by_party(grants, transfers) == {"K": 150}


def test_overview_has_row_and_column_totals_balances_and_redistribution():
    grants = [Grant(2023, "K", 1000), Grant(2023, "R", 1000)]
    lines = [Line("1", 2023, "K", 700), Line("1", 2023, "R", 300), Line("10a", 2023, "K", 600),
             Line("9", 2023, "R", 100), Line("9", 2024, "R", 999)]
    o = calc.overview(grants, [], lines, years=[2023])
    assert [r.initiative for r in o.rows] == ["1", "9", "10a"]
    assert [r.total for r in o.rows] == [1000, 100, 600]
    assert o.column_totals == {"K": 1300, "R": 400}
    assert [(b.party, b.funds, b.committed, b.balance) for b in o.balances] == [
        ("K", 1000, 1300, -300), ("R", 1000, 400, 600)]
    assert o.redistribution == 300
    assert [(m.from_party, m.to_party, m.amount) for m in o.moves] == [("R", "K", 300)]
    assert o.total_balance == 300 and o.overcommitted == 0


def test_redistribution_is_limited_by_the_surplus_when_the_cluster_is_overcommitted():
    balances = [calc.PartyBalance("A", 100, 500), calc.PartyBalance("B", 100, 0)]
    amount, moves = calc.redistribution(balances)
    assert amount == 100
    assert [(m.from_party, m.to_party, m.amount) for m in moves] == [("B", "A", 100)]


def test_natural_order_of_initiative_numbers():
    numbers = ["10b", "2", "10", "1", "10a", "11", "9"]
    assert sorted(numbers, key=calc.natural_key) == ["1", "2", "9", "10", "10a", "10b", "11"]


@pytest.mark.parametrize("text,value", [
    ("2.069.103", 2_069_103), ("2069103", 2_069_103), ("2 069 103", 2_069_103), ("-500", -500),
    ("1.000,00", 1000), ("1.000 kr.", 1000), ("0", 0),
])
def test_parse_kroner_accepts_danish_notation(text, value):
    assert calc.parse_kroner(text) == value


@pytest.mark.parametrize("text", ["", "12,50", "1.23.4", "abc", "1,000,000", "2.069.10"])
def test_parse_kroner_rejects_malformed_numbers(text):
    with pytest.raises(ValueError):
        calc.parse_kroner(text)


def test_key_from_budget_uses_each_partys_share():
    lines = [Line("1", 2023, "K", 600), Line("1", 2024, "K", 400), Line("1", 2023, "R", 1000), Line("1", 2023, "X", 0)]
    assert calc.key_from_budget(lines) == {"K": 1000, "R": 1000}
