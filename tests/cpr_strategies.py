"""Hypothesis strategies: CPR numbers in the forms people write them."""

import datetime

from hypothesis import strategies as st

SEPARATORS = ["", "-", " ", "\u2013", "\u2014", "\u00a0", " - ", " \u2013 ", "\u2011", "\u2212"]
DOTTED_SEPARATORS = ["-", "\u2013", "\u2014", " - "]


@st.composite
def cpr_numbers(draw) -> str:
    """A CPR number (a real date and four digits), written in one of the forms found in minutes."""
    born = draw(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2025, 12, 31)))
    serial = draw(st.integers(min_value=0, max_value=9999))
    if draw(st.booleans()):
        return f"{born:%d.%m.%y}{draw(st.sampled_from(DOTTED_SEPARATORS))}{serial:04d}"
    return f"{born:%d%m%y}{draw(st.sampled_from(SEPARATORS))}{serial:04d}"
