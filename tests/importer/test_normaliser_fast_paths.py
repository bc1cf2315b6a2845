"""The normaliser's fast paths give exactly what the patterns they stand in for give: the address finder the
matches of PROTECTED, the word finder the distinct tokens of TOKEN."""

from hypothesis import given, settings
from hypothesis import strategies as st

from klynge.importer.normalise import PROTECTED, TOKEN, _distinct_tokens, protected_spans

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


WORD_PIECES = st.sampled_from(["@", "&", "3", "1", "_", "-", " ", "\n", "\t", "a", "Ø", "å", "ord", "M@de", "3d", "x&y",
                               "\u00a0", "\u2028", ".", "é", "ß"])


@settings(max_examples=600, deadline=None)
@given(st.lists(WORD_PIECES, max_size=40).map("".join))
def test_distinct_tokens_are_the_token_patterns_matches_in_any_text(text):
    assert _distinct_tokens(text) == set(TOKEN.findall(text))
