"""Whether a word is a common Danish word, for rules that tell names from words ('Vordingborg', 'Vagn' are
names; 'Trafikbestilling', 'Meddelelser' are words). Backed by the Danish dictionary (``lexicon``), loaded once;
without the dictionary every word counts as common, so the rules that ask fall back to their cautious side."""

from __future__ import annotations

from functools import lru_cache


def common_word(word: str, compounds: bool = True) -> bool:
    """A Danish word (or, with ``compounds``, a compound of Danish words) in lower case."""
    lexicon = _lexicon()
    bare = word.strip("\"“”.,:;()-").lower()
    if lexicon is None or not bare.isalpha():
        return True
    return lexicon.knows(bare) if compounds else lexicon.is_word(bare)


@lru_cache(maxsize=1)
def _lexicon():
    from .lexicon import optional_lexicon

    return optional_lexicon()
