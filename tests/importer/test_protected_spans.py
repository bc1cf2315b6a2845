"""The normaliser's address finder gives exactly the matches of the pattern it stands in for."""

from hypothesis import given, settings
from hypothesis import strategies as st

from klynge.importer.normalise import PROTECTED, protected_spans

ADDRESS_PIECES = st.sampled_from(["@", ".", "+", "-", "_", " ", "\n", "a", "Z", "ø", "3", "www.", "WwW.", "http://",
                                  "https://", "HTTPS://", "dk", "x@y.dk", "a@b.dk+c@d.dk", "ww", ":", "/", "(", "é"])


def spans(text):
    return [m.span() for m in protected_spans(text)]


def test_protected_spans_are_the_patterns_matches_in_written_examples():
    for text in ["Skriv til post@klynge.dk eller se www.klynge.dk/moeder.", "a@b.dk+c@d.dk", "x.y@z.dk.",
                 "@@a@b.dk", "M@de i Sundhedsklyngen", "https://a.dk/x@y.dk www.b.dk", "Ingen adresser her."]:
        assert spans(text) == [m.span() for m in PROTECTED.finditer(text)], text


@settings(max_examples=600, deadline=None)
@given(st.lists(ADDRESS_PIECES, max_size=30).map("".join))
def test_protected_spans_are_the_patterns_matches_in_any_text(text):
    assert spans(text) == [m.span() for m in PROTECTED.finditer(text)]
