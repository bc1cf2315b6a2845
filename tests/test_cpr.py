"""CPR numbers are found by their shape and a real date; masking keeps everything else."""

from klynge.core.cpr import find_cpr_numbers, mask_cpr


def test_cpr_numbers_are_found_with_and_without_the_dash():
    assert find_cpr_numbers("CPR 010203-1234 og 3112991234.") == ["010203-1234", "3112991234"]


def test_journal_numbers_dates_and_amounts_are_not_cpr_numbers():
    text = "Journalnr. 1-31-72-446-22, mødet 07-12-2022, 8.310.111 kr., tlf. 12 34 56 78, 320299-1234"
    assert find_cpr_numbers(text) == []  # 32 February is no date


def test_masking_replaces_only_the_cpr_number():
    assert mask_cpr("Borger 290200-1234 klagede.") == ("Borger XXXXXX-XXXX klagede.", 1)
