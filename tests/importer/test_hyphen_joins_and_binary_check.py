"""The faster forms of two text scans give the same answers as the plain regular expressions they replace."""

import random
import re

from klynge.importer import extract, normalise


def _marked(left, right, whole):
    return f"<{left}|{right}|{whole}>"


def test_hyphen_breaks_found_from_the_hyphen_are_the_plain_patterns_matches_on_random_texts():
    rng = random.Random(7)
    alphabet = "abcæøå ABCÆ-\n\t 12_é."
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(5000)]
    texts += ["a" * 50 + "-\nfoo", "a-\nb-\nc", "x" * 45 + "-\n yy-\nzz", "Sund-\nhed og patient- og\npårørende"]
    for text in texts:
        expected = normalise.HYPHEN_BREAK.sub(lambda m: _marked(m[1], m[2], m[0]), text)
        assert normalise._sub_hyphen_breaks(text, _marked) == expected, repr(text)


def test_a_word_broken_over_a_line_is_joined_and_a_hyphen_before_a_conjunction_stays():
    text, count = normalise._join_hyphens("Sundheds-\nklyngen mødes om patient- og\npårørende", None)
    assert text == "Sundhedsklyngen mødes om patient- og\npårørende" and count == 1


def test_the_binary_check_counts_characters_as_the_single_character_patterns_did():
    rng = random.Random(3)
    alphabet = "abcæøå ABC\x01\x02\x7f\x9f123_.,;€½☃\n\t²\u0301\ufeff–😀"
    for _ in range(2000):
        chars = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert extract.CONTROL_CHARS.count(chars) == len(re.findall(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", chars))
        assert len(chars) - extract.NON_LETTERS.count(chars) == len(re.findall(r"[^\W\d_]", chars))
        odd = r"[^\w\s" + re.escape("".join(sorted(extract.PUNCTUATION))) + r"]"
        assert extract.ODD_CHARS.count(chars) == len(re.findall(odd, chars))
