"""CPR numbers are found in every written form people use, and look-alikes are left alone."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klynge.core.cpr import MASK, find_cpr, find_cpr_numbers, mask_all, mask_cpr, modulus11

from .cpr_strategies import cpr_numbers


def test_cpr_numbers_are_found_with_and_without_the_dash():
    assert find_cpr_numbers("CPR 010203-1234 og 3112991234.") == ["010203-1234", "3112991234"]


@pytest.mark.parametrize("written", [
    "020290 4321",            # a space
    "010190–1234",            # en dash
    "010190—1234",            # em dash
    "010190\u22121234",       # minus sign
    "010190\u20111234",       # non-breaking hyphen
    "010190\u00a01234",       # no-break space
    "010190 - 1234",          # spaces around the dash
    "010190 – 1234",
    "01.01.90-1234",          # a dotted date
    "01.01.90 – 1234",
    "0101901234",             # ten digits that start with a real date
])
def test_every_written_form_of_a_cpr_number_is_found(written):
    assert find_cpr_numbers(f"Borgeren ({written}) klagede.") == [written]


@pytest.mark.parametrize("written", [
    "CPR-nr.: 010190-1234", "cpr:0101901234.", "Journal_010190-1234.pdf", "«010190-1234»",
])
def test_cpr_numbers_are_found_next_to_punctuation_and_underscores(written):
    assert len(find_cpr(written)) == 1


@pytest.mark.parametrize("text", [
    "tlf. 12 34 56 78",                 # phone number
    "tlf. 12345678",
    "Journalnr. 1-31-72-446-22",        # journal numbers
    "sag 2023-010190-1234-01",
    "1.022.190 kr.",                    # amounts
    "8.310.111 kr.",
    "mødet 01.01.2023",                 # dates
    "mødet 07-12-2022",
    "01.01.2023-31.12.2024",
    "320299-1234",                      # 32 February is no date
    "290201-1234",                      # 29 February 1901/2001 is no date
    "0113901234",                       # month 13
    "EAN 57980001234567",               # a longer digit run
    "a3f0101901234be",                  # inside a hexadecimal hash
    "https://zoom.us/j/1203901234",     # a meeting id in a web address failing modulus 11
    "kl. 16.00-18.00",
])
def test_look_alikes_are_not_cpr_numbers(text):
    assert find_cpr_numbers(text) == []


def test_modulus_11_is_a_hint_not_a_requirement():
    assert modulus11("0707614285") and not modulus11("0101901234")
    assert [m.modulus11 for m in find_cpr("0707614285 og 0101901234")] == [True, False]
    # in a web address ten bare digits count only when they pass it
    assert find_cpr_numbers("https://example.dk/?cpr=0707614285") == ["0707614285"]


def test_masking_replaces_only_the_cpr_number():
    assert mask_cpr("Borger 290200-1234 klagede.") == ("Borger XXXXXX-XXXX klagede.", 1)
    assert mask_cpr("01.01.90 – 1234 og 020290 4321") == (f"{MASK} og {MASK}", 2)


def test_mask_all_reaches_every_string_in_nested_values():
    value = {"a": ["x 010190-1234", ("020290 4321", 3)], "010190-1234": None}
    masked, count = mask_all(value)
    assert count == 3
    assert masked == {"a": [f"x {MASK}", (MASK, 3)], MASK: None}


@settings(max_examples=60, deadline=None)
@given(cpr=cpr_numbers(), before=st.sampled_from(["", "CPR ", "(", "Borger: "]),
       after=st.sampled_from(["", ".", ")", " har klaget", ", og"]))
def test_a_generated_cpr_number_in_any_written_form_is_found_and_masked(cpr, before, after):
    text = before + cpr + after
    assert find_cpr_numbers(text) == [cpr]
    masked, count = mask_cpr(text)
    assert (masked, count) == (before + MASK + after, 1)
    assert find_cpr_numbers(masked) == []


@pytest.mark.parametrize("stored", [
    "<p>Borger 010190&nbsp;1234</p>", "<p>010190&ndash;1234</p>", "<p>010190&#8211;1234</p>",
    "<p>010190<strong>-1234</strong></p>",
])
def test_cpr_numbers_hidden_in_stored_html_are_found(stored):
    from klynge.core.cpr import find_cpr_in_stored

    assert len(find_cpr_in_stored(stored)) == 1


def test_an_item_description_with_a_no_break_space_is_refused_after_it_becomes_html(structure):
    from django.core.exceptions import ValidationError

    from klynge.meetings.models import AgendaItem

    from .meetings.factories import make_meeting

    item = AgendaItem(meeting=make_meeting(structure.political), title="Klage", position=0, number=1,
                      description="Borgeren 080303\u00a00476 har klaget.")
    with pytest.raises(ValidationError) as refused:
        item.save()
    assert "description" in refused.value.message_dict
