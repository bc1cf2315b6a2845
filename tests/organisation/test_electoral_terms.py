"""Electoral terms are data: a term of one kind may not overlap another of the same kind."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from klynge.organisation.models import ElectoralTerm, TermKind
from klynge.organisation.models.terms import overlapping_term

D = datetime.date


@pytest.fixture
def term(db):
    return ElectoralTerm.objects.create(name="Valgperioden 2022-2025", kind=TermKind.MUNICIPAL,
                                        start=D(2022, 1, 1), end=D(2025, 12, 31))


def test_an_overlapping_term_of_the_same_kind_is_refused_with_a_danish_message(term):
    clash = ElectoralTerm(name="Forkert periode", kind=TermKind.MUNICIPAL, start=D(2025, 6, 1), end=D(2029, 12, 31))
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "overlapper Valgperioden 2022-2025" in str(error.value.message_dict["start"])


def test_the_next_term_and_a_term_of_the_other_kind_are_accepted(term):
    ElectoralTerm(name="Valgperioden 2026-2029", kind=TermKind.MUNICIPAL, start=D(2026, 1, 1),
                  end=D(2029, 12, 31)).full_clean()
    ElectoralTerm(name="Valgperioden 2022-2025", kind=TermKind.REGIONAL, start=D(2022, 1, 1),
                  end=D(2025, 12, 31)).full_clean()


def test_a_term_that_ends_before_it_starts_is_refused(db):
    with pytest.raises(ValidationError):
        ElectoralTerm(name="Baglæns", kind=TermKind.REGIONAL, start=D(2026, 1, 1), end=D(2025, 1, 1)).full_clean()


def test_the_terms_on_a_day_are_found(term):
    assert list(ElectoralTerm.objects.on(D(2023, 5, 1))) == [term]
    assert not ElectoralTerm.objects.on(D(2026, 5, 1)).exists()


def test_the_overlap_rule_is_a_plain_function():
    class T:
        def __init__(self, name, start, end):
            self.name, self.start, self.end = name, start, end

    others = [T("a", D(2022, 1, 1), D(2025, 12, 31))]
    assert overlapping_term(D(2025, 12, 31), D(2026, 1, 1), others).name == "a"
    assert overlapping_term(D(2026, 1, 1), D(2029, 12, 31), others) is None
