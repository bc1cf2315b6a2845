"""A ratchet on the annotated corpus (bench/importer_corpus/): the development documents read at least as well as
they did when the floor was last raised. A rule that helps one layout and quietly breaks another fails here
instead of in a user's archive. The blind split is never read (the bench's own filter).

When a change lifts a figure, raise its floor in the same commit; when a change must trade one document for
another, lower it there too and say why in the commit. Figures: `.venv/bin/python bench/importer_accuracy.py`."""

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"

# right answers (tp) at least; wrong answers read (fp) at most
FLOORS = {"items_exact": 1346, "date": 1743, "start": 1210, "place": 952, "body": 1506, "attendees": 6651,
          "apologies": 2165}
# (attendees 29: 'Fra Herning Kommune: Alis Lunde …' in a list of attendees, an officer its truth calls a guest;
# date 15: seen25's KKR invitation states no year, and its GitHub address gives the date of the meeting it came with;
# attendees 36, apologies 22 and date 19: seen26-seen29, added as measured, read six names, two apologies and three
# dates their truth does not; attendees 37, apologies 28 and date 21: seen31, added as measured, one name, six
# apologies and two dates more, of which the nineteenth round's rules took back six apologies and three dates;
# attendees 42: seen32, added as measured, five names more; attendees 39 and apologies 23: seen33, one name and one
# apology more; attendees 40 and date 19: seen34, one name and one date more, the date taken back by a rule;
# attendees 42 and date 20: seen35, two names and two dates more; apologies 24 and date 22: seen36, one apology
# and two dates more; attendees 47, apologies 25 and date 23: seen37, five names, one apology and one date more;
# apologies 27: seen38, two more, and 26 since the twentieth round's deanery; apologies 27: seen39, one more,
# and 26 since the twenty-first round's 'Punkt' run; attendees 48: seen42, one name more;
# attendees 49 and apologies 33: seen43, one name and seven apologies more; attendees 50: the twenty-fifth round's
# first names, sixteen right and a guest listed among them; attendees 53: seen44, three names more; attendees 60: the
# twenty-sixth round's mixed lists of full and first names, 27 names more right and 7 more wrong, names a line
# break cut in two ('Anna-Lise' / 'Lisbjerg'); attendees 62: seen46, added as measured, two names more;
# attendees 63 and date 24: seen47, added as measured, one name and one date more; apologies 34: seen48, added as
# measured, one apology more; attendees 68, apologies 36 and date 28: seen49, added as measured, five names, two
# apologies and four dates more, of which the session's rules took back four names, one apology and three dates;
# attendees 65: seen51, added as measured, one name more; date 24: the twenty-ninth round's contents lists;
# attendees 67 and apologies 36: seen52, added as measured, two names and one apology more; attendees 76 and
# apologies 37: seen53, added as measured, nine names and one apology more; attendees 78, apologies 38 and date 25:
# seen54, added as measured, two names, one apology and one date more; seen55, added as measured, none more;
# attendees 79: seen56, added as measured, one name more; attendees 85, apologies 40 and date 26: seen57, added as
# measured, six names, two apologies and one date more, the date taken back by a rule; apologies 45: seen58, added
# as measured, five apologies more, which a rule took back; apologies 43: seen59 and seen60, added as measured, one
# and two apologies more, and 42 since the eleventh session's capitals tail; attendees 88: seen61, added as
# measured, three names more, and 87 since the eleventh session's absence label naming the body; seen62, added as
# measured, none more; apologies 44: seen63, added as measured, two more, and 43 since the notes label ends a list;
# attendees 96: seen64, added as measured, nine names more; attendees 99, apologies 47 and date 26: seen65, added as
# measured, three names, four apologies and one date more, the date taken back by the twelfth session's item page;
# attendees 100 and apologies 48: seen66, added as measured, one name and one apology more, since taken back by the
# twelfth session's rules; seen67, added as measured, none more; attendees 109 and apologies 48: seen68, added as
# measured, ten names and four apologies more; attendees 117 and apologies 49: seen69, added as measured, eight
# names and one apology more, six names taken back by the officers' label; apologies 50: seen70, added as measured,
# one more; attendees 115, apologies 51: seen71, added as measured, four names and one apology more; seen72, added
# as measured, none more; apologies 54: seen73, added as measured, three more; seen74, added as measured, none more;
# attendees 117: seen75, added as measured, two names more; attendees 121, apologies 59 and date 26: seen76-seen78,
# added as measured, four names, five apologies and one date more; attendees 127 and apologies 64: seen79-seen84,
# added as measured, six names and five apologies more, of which the session's rules took back five apologies;
# attendees 132: seen85-seen87, added as measured, five names more; attendees 134 and apologies 68: seen88-seen90,
# added as measured, two names and seven apologies more; attendees 135 and apologies 71: seen91-seen93, added as
# measured, one name and three apologies more; attendees 139, apologies 72 and date 27: thirteen dated meetings
# whose items cannot be found are read without items instead of refused (twelve dates, eight apologies and sixteen
# names more right; one date, one apology and four names more wrong); attendees 142 and apologies 80: seen94-seen96,
# added as measured, three names and eight apologies more; attendees 146, apologies 81 and date 28: seen97-seen99,
# added as measured, four names, one apology and one date more; attendees 151 and apologies 93: seen100-seen102,
# added as measured, five names and twelve apologies more, the twelve taken back by the fourteenth session's late
# arrivals ('…, ankom til mødet kl. 17.35'); date 29: the portal page of one item reads Copenhagen's 2012-09-20
# council page, whose date its truth says the text does not state (the page's web address gives it); attendees
# 154, apologies 87 and date 30: seen103-seen105, added as measured, three names, six apologies and one date more;
# attendees 161, apologies 89 and date 31: seen106-seen108, added as measured, seven names, two apologies and one
# date more; apologies 87: the fourteenth session's 'Ingen' list end and remarks field took back two; attendees 166
# and date 32: seen109-seen111, added as measured, five names and one date more; apologies 89: seen113-seen114,
# added as measured, two more; apologies 90: seen112, added as measured, one more; attendees 168 and date 33:
# seen115-seen117, added as measured, two names and one date more; apologies 93: seen118-seen120, added as
# measured, three more; attendees 167: a transcript's first page whose header runs on into its contents list keeps
# the header's people, one wrong name fewer; attendees 187, apologies 100 and date 34: seen121-seen124, added as
# measured, twenty names, seven apologies and one date more; attendees 176 and apologies 95: the heads of a deanery's
# items table ('Mødepunkt Referat') end the list of people above them, eleven names and five apologies fewer;
# attendees 174: two members marked '(afbud)' after their organisation are apologies, not attendees; attendees 185
# and apologies 97: seen125-seen128, added as measured, eleven names and two apologies more; attendees 198 and
# apologies 103: seen129-seen132, added as measured, thirteen names and six apologies more; attendees 213 and
# apologies 104: seen133-seen136, added as measured, fifteen names and one apology more; attendees 210 and
# apologies 103: a portal page's cases under one lone 'Sagsfremstilling' each are items, and the people lists
# above them end at the first, three names and one apology fewer; attendees 211, apologies 105 and date 35:
# seen140-seen143, added as measured, one name, two apologies and one date more; attendees 212: seen144, added as
# measured, one name more; attendees 228, apologies 110 and date 39: seen145-seen149, added as measured, sixteen
# names, five apologies and four dates more; apologies 111: an absence label run on inside a transcript's header
# line gives its names, forty-six right and one wrong ('Vibeke Rivold' for 'Vibeke Rivold Vibe'); attendees 232,
# apologies 115 and date 40: seen150-seen154, added as measured, four names, four apologies and one date more;
# attendees 236, apologies 123 and date 44: seen155-seen158, added as measured, four names, eight apologies and four
# dates more; apologies 121 after the run-on absence label's guards; attendees 239, apologies 123 and date 46:
# seen159-seen162, added as measured, three names, two apologies and two dates more; attendees 240, apologies 125
# and date 48: seen163-seen166, added as measured, one name, two apologies and two dates more; attendees 238: the
# school board's 'Sag 137 / 30 min / …' lines, two wrong names fewer; attendees 225: an apology by first name takes
# that attendee off, thirteen wrong names fewer; apologies 133 and date 52: seen167-seen171, added as measured, eight
# apologies and four dates more; attendees 229 with them, four names more; place 61: the eighteenth session's place
# rules ('Stedfortrædere:' no place label, a body before the day no place, a transcript's place ending before the next
# label), 26 wrong places fewer; attendees 231, apologies 145, date 55 and place 64: seen172-seen176, added as
# measured, two names, twelve apologies, three dates and three places more; apologies 134: a header's member and
# absence columns run together read as such, eleven wrong apologies fewer; place 63: the nineteenth session's place
# rules, one wrong place fewer; attendees 230 and apologies 128: its name rules (a party letter after a name, a role
# before it), one wrong name and six wrong apologies fewer; attendees 256, apologies 130 and place 64: seen177-seen179,
# added as measured, twenty-six names, two apologies and one place more)
CEILINGS = {"attendees": 256, "apologies": 130, "date": 55, "place": 64}


@pytest.fixture(scope="module")
def development(lexicon):
    sys.path.insert(0, str(BENCH))
    try:
        import importer_accuracy as bench
    finally:
        sys.path.remove(str(BENCH))
    manifest = json.loads((bench.CORPUS / "manifest.json").read_text(encoding="utf-8"))
    rows = []
    for doc in manifest["documents"]:
        if doc["split"] == bench.BLIND or doc["split"] not in bench.GROUPS.values():
            continue  # the blind set (and any set not yet named) is never read here
        read, refused, _ = bench.read_document(bench.CORPUS / doc["file"], lexicon, doc.get("url", ""))
        rows.append({"id": doc["id"], "split": doc["split"], "refused": refused,
                     "score": bench.score_document(doc["truth"], read)})
    return bench.summarise(rows)


def test_the_development_corpus_reads_at_least_as_well_as_at_the_last_raised_floor(development):
    below = {field: development[field]["tp"] for field, floor in FLOORS.items() if development[field]["tp"] < floor}
    assert not below, f"below the floor {FLOORS}: {below}"
    above = {field: development[field]["fp"] for field, most in CEILINGS.items() if development[field]["fp"] > most}
    assert not above, f"more wrong answers than {CEILINGS}: {above}"


def test_no_organisation_is_read_as_a_person_and_no_table_total_is_falsely_flagged(development):
    assert development["org_as_person"] == []
    assert development["table_warnings"] == 0
