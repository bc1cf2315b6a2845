"""Property-based tests: the parser never crashes, and never loses an item heading."""

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klynge.importer.normalise import normalise
from klynge.importer.parse import NoMeetingFound, parse

ALPHABET = st.characters(
    codec="utf-8", categories=("L", "N", "P", "S", "Zs"), include_characters="\n\t\f#*_<>|æøåÆØÅ@&3-–.:()"
)
WORDS = ["møde", "sagen", "klyngen", "indsats", "borgere", "status", "økonomi", "året", "plan", "børn", "unge",
         "ældre", "region", "kommune", "samarbejde", "aftale", "drøftelse", "orientering", "opfølgning",
         "tværsektoriel", "implementering", "arbejdsgruppe", "evaluering", "data", "forløb", "sundhed", "trivsel",
         "midler"]
NAMES = ["Mette Heidemann", "Kurt Æbelø", "Anders Kühnau", "Bo Smith", "Lise Krog"]
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=st.text(ALPHABET, max_size=3000))
def test_parser_never_crashes_on_arbitrary_text(lexicon, text):
    cleaned = normalise(text, lexicon, ["Kurt Æbelø", "Anders Kühnau"])
    try:
        doc = parse(cleaned.text)
    except NoMeetingFound:
        return
    assert isinstance(doc.date, datetime.date) or any(w.code == "date_missing" for w in doc.warnings)
    assert all(isinstance(i.title, str) for i in doc.items)


@SETTINGS
@given(lines=st.lists(st.text(ALPHABET, max_size=120), max_size=60), number=st.integers(min_value=1, max_value=30))
def test_parser_never_crashes_on_text_that_looks_like_minutes(lexicon, lines, number):
    text = "\n".join([f"REFERAT Klynge Test d. 0{number % 9 + 1}-05-2023", "Mødedato: 1. maj 2023 kl. 9.00",
                      f"## **Punkt {number}: Noget v. Bo Smith (kl. 9.00-9.30)**", *lines])
    doc = parse(normalise(text, lexicon).text)
    assert doc.items and doc.items[0].number == number


sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
title = st.lists(st.sampled_from(WORDS), min_size=1, max_size=7).map(lambda ws: " ".join(ws).capitalize())


@st.composite
def minutes(draw):
    layout = draw(st.sampled_from(["markdown", "plain", "numbered", "upper"]))
    count = draw(st.integers(min_value=1, max_value=12))
    titles = [draw(title) for _ in range(count)]
    lines = ["Referat af møde i Styregruppen, Sundhedsklynge Prøve", "Dato: 12. juni 2024 kl. 13.00"]
    clock = 13 * 60
    headings = []
    for number, text in enumerate(titles, start=1):
        presenter = draw(st.sampled_from([None, *NAMES]))
        slot = draw(st.booleans())
        heading = text + (f" v. {presenter}" if presenter else "")
        if slot:
            end = clock + draw(st.integers(min_value=5, max_value=40))
            heading += f" (kl. {clock // 60:02d}.{clock % 60:02d}-{end // 60:02d}:{end % 60:02d})"
            clock = end
        if layout == "markdown":
            lines.append(f"## **Punkt {number}: {heading}**")
        elif layout == "plain":
            lines.append(f"Punkt {number}: {heading}")
        elif layout == "upper":
            lines.append(f"PUNKT {number}. {heading}")
        else:
            lines.append(f"{number}. {heading}")
        headings.append((number, text, presenter))
        for section in draw(st.lists(st.sampled_from(["Resumé", "SAGSFREMSTILLING", "Indstilling", "beslutning",
                                                       "Referat", "Bilag"]), max_size=4)):
            lines.append(f"**{section}**" if layout == "markdown" else section)
            lines.extend(draw(st.lists(sentence, min_size=1, max_size=4)))
            lines.append("")
    return "\n".join(lines), headings


@SETTINGS
@given(case=minutes())
def test_parser_never_loses_an_item_heading(lexicon, case):
    text, headings = case
    doc = parse(normalise(text, lexicon).text)
    found = [(i.number, i.title, i.presenter) for i in doc.items]
    assert found == headings
