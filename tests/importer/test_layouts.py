"""The same minutes in other layouts, encodings and formats parse to the same meeting."""

import datetime
import re

import pytest

from klynge.importer.extract import extract
from klynge.importer.normalise import normalise
from klynge.importer.parse import parse

from .conftest import FIXTURES, LILLEBAELT, RANDERS, make_docx, make_pdf

T = datetime.time


def parsed(text, lexicon, names=()):
    cleaned = normalise(text, lexicon, names)
    return parse(cleaned.text, repairs=cleaned.repairs), cleaned


@pytest.fixture(scope="module")
def reference(lexicon):
    return parsed(LILLEBAELT.read_text(encoding="utf-8"), lexicon)[0]


def summary(doc):
    return [(i.number, i.title, i.presenter, i.start, i.end, i.kind, len(i.recommendations)) for i in doc.items]


def test_plain_text_without_markup_gives_the_same_items(lexicon, reference):
    doc, _ = parsed((FIXTURES / "lillebaelt-plain.txt").read_text(encoding="utf-8"), lexicon)
    assert summary(doc) == summary(reference)
    assert (doc.date, doc.start, doc.place, doc.body, doc.cluster) == (
        reference.date, reference.start, reference.place, reference.body, reference.cluster)
    assert doc.items[4].tables == reference.items[4].tables


def test_numbered_plain_text_with_capital_section_words(lexicon, reference):
    doc, _ = parsed((FIXTURES / "lillebaelt-numbered.txt").read_text(encoding="utf-8"), lexicon)
    assert summary(doc) == summary(reference)
    assert doc.warnings == []
    # the numbered lists inside the items stay recommendations and text, not items
    assert doc.items[3].description.count("\n1. ") + doc.items[3].description.startswith("1. ") >= 1


def test_ocr_damaged_text_is_repaired_and_keeps_every_item(lexicon, reference):
    doc, cleaned = parsed((FIXTURES / "lillebaelt-ocr.txt").read_text(encoding="utf-8"), lexicon,
                          names=["Kurt Æbelø", "Mette Heidemann"])
    assert [(i.number, i.start, i.end, i.kind) for i in doc.items] == [
        (i.number, i.start, i.end, i.kind) for i in reference.items]
    assert cleaned.furniture >= 10 and cleaned.joined >= 5 and cleaned.replaced > 300
    assert doc.repairs == cleaned.repairs
    assert "Referat – Sundhedsklynge Lillebælt" not in cleaned.text  # running headers gone
    assert not re.search(r"^\d{1,2}$", cleaned.text, re.M)  # page numbers gone
    item4 = next(i for i in doc.items if i.number == 4)
    assert any(t.owner_name == "Kurt Æbelø" for t in item4.tasks)


def test_ocr_repair_never_changes_a_correct_word_and_restores_most_damaged_ones(lexicon):
    import difflib

    clean = (FIXTURES / "lillebaelt-plain.txt").read_text(encoding="utf-8")
    damaged = (FIXTURES / "lillebaelt-ocr.txt").read_text(encoding="utf-8")
    repaired = normalise(damaged, lexicon).text
    a, b, d = clean.split(), repaired.split(), damaged.split()
    broken_before = sum(1 for op in difflib.SequenceMatcher(None, a, d, autojunk=False).get_opcodes()
                        if op[0] != "equal" for _ in range(op[2] - op[1]))
    wrong, missed = [], 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        for x, y in zip(a[i1:i2], b[j1:j2], strict=False):
            if any(c in x for c in "æøåÆØÅ"):
                missed += 1  # still damaged; the damaged form is itself a Danish word ("vare", "rad")
            else:
                wrong.append((x, y))
        assert i2 - i1 == j2 - j1, (a[i1:i2], b[j1:j2])
    assert wrong == []
    assert missed < broken_before * 0.15


def test_cp1252_ocr_text_is_detected_and_repaired(lexicon):
    data = (FIXTURES / "randers-ocr-cp1252.txt").read_bytes()
    extracted = extract("randers.txt", data)
    assert extracted.encoding == "cp1252"
    doc, cleaned = parsed(extracted.text, lexicon)
    assert len(doc.items) == 9 and doc.date == datetime.date(2023, 11, 1)
    assert all(i.case_number == "1-31-72-446-22" for i in doc.items)
    assert "Anders Kühnau" in [a.name for a in doc.attendees]
    assert cleaned.repairs > 100


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""),
                                          ("latin-1", b"")])
def test_text_encodings_are_detected(lexicon, encoding, bom):
    text = RANDERS.read_text(encoding="utf-8").replace("”", '"').replace("’", "'").replace("–", "-")
    extracted = extract("referat.txt", bom + text.encode(encoding, errors="replace"))
    assert "Anders Kühnau" in extracted.text and "Mødeplan 2024" in extracted.text
    assert not extracted.text.startswith("\ufeff")


def test_headings_in_any_case_with_inline_sections(lexicon):
    text = """Referat af møde i Chefforum, Sundhedsklynge Nordvest
Dato: 14. marts 2024, kl. 9.00-11.30
Sted: Holstebro Rådhus, mødelokale 2
Deltagere: Anne Holm, direktør Holstebro Kommune; Bo Ravn, vicedirektør Regionshospital Gødstrup
Afbud: Carl Dam, Struer Kommune
Hanne Lund deltog på vegne af Carl Dam.

PUNKT 1 - GODKENDELSE AF DAGSORDEN (kl. 9.00-9.05) Beslutning: Dagsordenen blev godkendt.
punkt 2: Orientering om akutfunktionen v. Bo Ravn (kl. 9.05-9.30)
Journalnr.: 23/4567
resumé: Kort status på akutfunktionen.
Indstilling: Det indstilles, at orienteringen tages til efterretning.
BESLUTNING: Taget til efterretning. Sekretariatet udarbejder et notat senest den 1. april 2024.
Punkt 4: Eventuelt (kl. 9.20-9.40)
Beslutning: Intet.
"""
    doc, _ = parsed(text, lexicon)
    assert doc.kind == "minutes" and doc.body == "Chefforum" and doc.cluster == "Sundhedsklynge Nordvest"
    assert (doc.date, doc.start, doc.end) == (datetime.date(2024, 3, 14), T(9, 0), T(11, 30))
    assert doc.place == "Holstebro Rådhus, mødelokale 2"
    assert [a.name for a in doc.attendees] == ["Anne Holm", "Bo Ravn", "Hanne Lund"]
    assert doc.attendees[0].organisation == "Holstebro Kommune" and doc.attendees[0].title == "direktør"
    assert doc.absent == ["Carl Dam"]
    assert doc.substitutes == [("Hanne Lund", "Carl Dam")]
    first, second, last = doc.items
    assert (first.number, first.title, first.kind, first.decision) == (
        1, "GODKENDELSE AF DAGSORDEN", "agenda_approval", "Dagsordenen blev godkendt.")
    assert (second.title, second.presenter, second.case_number) == (
        "Orientering om akutfunktionen", "Bo Ravn", "23/4567")
    assert second.recommendations == ["orienteringen tages til efterretning."]
    assert second.summary == "Kort status på akutfunktionen."
    assert second.tasks[0].owner_kind == "secretariat" and second.tasks[0].due == datetime.date(2024, 4, 1)
    codes = [(w.code, w.item) for w in doc.warnings]
    assert ("item_number_skipped", 4) in codes
    assert ("time_slot_overlap", 4) in codes


def test_agenda_without_decisions_is_an_agenda(lexicon):
    text = """Dagsorden
Temagruppe for ældre, Midtklyngen
Mødedato: 3. oktober 2024 kl. 13.00-15.00
Mødested: Microsoft Teams

1. Velkomst og præsentation v. Lise Krog (kl. 13.00-13.10)
2. Opfølgning på handleplanen v. Per Mose (kl. 13.10-13.50)
Sagsfremstilling
Handleplanen blev vedtaget i foråret.
Indstilling
1. At temagruppen drøfter status.
2. At temagruppen godkender den reviderede tidsplan.
Beslutning

3. Lukket punkt: Personsag (kl. 13.50-14.00)
4. Eventuelt (kl. 14.00-14.10)
"""
    doc, _ = parsed(text, lexicon)
    assert doc.kind == "agenda" and doc.place == "Microsoft Teams"
    assert doc.body == "Temagruppe for ældre" and doc.cluster == "Midtklyngen"
    assert [i.number for i in doc.items] == [1, 2, 3, 4]
    assert doc.items[1].recommendations == ["temagruppen drøfter status.",
                                            "temagruppen godkender den reviderede tidsplan."]
    assert doc.items[2].closed and doc.items[2].title == "Personsag"


def test_tables_with_wrong_totals_are_reported(lexicon):
    text = """Referat, Sundhedsklynge Test – Politisk niveau, 5. maj 2023 kl. 10.00

Punkt 1: Klyngemidler (kl. 10.00-10.30)
Sagsfremstilling
Part\tKommune\tRegion\tI alt
Indsats A\t1.022.190\t500.000\t1.522.190
Indsats B\t-22.190\t2,5 mio. kr.\t2.477.810
Indsats C\t100\t200\t400
I alt\t1.000.100\t3.000.200\t4.400.000
Beslutning
Godkendt.
"""
    doc, _ = parsed(text, lexicon)
    rows = doc.items[0].tables[0]
    assert rows[1] == ["Indsats A", 1022190, 500000, 1522190]
    assert rows[2] == ["Indsats B", -22190, 2500000, 2477810]
    messages = [w.message for w in doc.warnings if w.code == "table_total"]
    assert messages == [
        "Tabellen: række 4 angiver 400 i kolonnen “I alt” (kolonne 4), men delene giver 300.",
        "Tabellen: totalrækken (række 5) angiver 4.400.000 i kolonnen “I alt” (kolonne 4), men tallene over den "
        "giver 4.000.400.",
    ]
    assert all(w.item == 1 for w in doc.warnings)


def test_docx_with_headings_numbered_lists_and_a_table(lexicon, reference):
    paragraphs = [
        ("Title", "Referat – Sundhedsklynge Lillebælt – Fagligt strategisk niveau d. 07-12-2022"),
        ("", "Mødedato: Onsdag d. 07. december 2022 kl. 17:00"),
        ("", "Mødested: Byrådssalen Middelfart Rådhus, Nytorv 9, 5500 Middelfart"),
        ("Heading 2", "Punkt 1: Velkomst v. Mette Heidemann (kl. 17:00-17:05)"),
        ("Heading 3", "Referat"),
        ("", "En særlig velkomst til dagens gæster."),
        ("Heading 2", "Punkt 2: Drøftelse af anbefalinger til udmøntning af klyngemidler v. Mette Heidemann "
                      "(kl. 17.05-17:25)"),
        ("Heading 3", "Sagsfremstilling"),
        ("", "Klyngemidlerne fordeler sig sådan:"),
        ("TABLE", ""),
        ("Heading 3", "Indstilling"),
        ("", "Det indstilles, at Fagligt strategisk niveau:"),
        ("List Number", "prioriterer anbefalinger til anvendelse af klyngemidler"),
        ("List Number", "godkender den videre proces"),
        ("Heading 3", "Beslutning"),
        ("", "Godkendt. Sekretariatet udarbejder et oplæg."),
    ]
    table = [["År", "Kommune", "Region", "I alt (kr.)"], ["2022", "2.069.103", "2.061.670", "4.130.773"],
             ["2023", "2.069.103", "2.110.235", "4.179.338"], ["", "", "", "8.310.111"]]
    extracted = extract("referat.docx", make_docx(paragraphs, table))
    assert extracted.format == "docx"
    doc, _ = parsed(extracted.text, lexicon)
    assert (doc.date, doc.start, doc.place) == (reference.date, reference.start, reference.place)
    assert [(i.number, i.title, i.presenter, i.start) for i in doc.items] == [
        (1, "Velkomst", "Mette Heidemann", T(17, 0)),
        (2, "Drøftelse af anbefalinger til udmøntning af klyngemidler", "Mette Heidemann", T(17, 5))]
    assert doc.items[1].recommendations == ["prioriterer anbefalinger til anvendelse af klyngemidler",
                                            "godkender den videre proces"]
    assert doc.items[1].tables == reference.items[4].tables
    assert doc.items[1].tasks[0].owner_kind == "secretariat"


def test_text_pdf_with_a_ruled_table(lexicon, reference):
    lines = LILLEBAELT.read_text(encoding="utf-8").split("\n")
    plain = (FIXTURES / "lillebaelt-plain.txt").read_text(encoding="utf-8")
    body = [ln for ln in plain.split("\n") if "\t" not in ln and not ln.startswith("8.310.111")]
    half = len(body) // 2
    pages = ["\n".join(body[:half]), "\n".join(body[half:])]
    assert lines  # the corpus copy is there
    table = [["År", "Kommune", "Region", "I alt (kr.)"], ["2022", "2.069.103", "2.061.670", "4.130.773"],
             ["2023", "2.069.103", "2.110.235", "4.179.338"], ["", "", "", "8.310.111"]]
    extracted = extract("referat.pdf", make_pdf(pages, table))
    assert extracted.format == "pdf" and extracted.pages > 2
    doc, _ = parsed(extracted.text, lexicon)
    assert [(i.number, i.start, i.end, i.kind) for i in doc.items] == [
        (i.number, i.start, i.end, i.kind) for i in reference.items]
    assert (doc.date, doc.start) == (reference.date, reference.start)
    assert reference.items[4].tables[0] in [t for i in doc.items for t in i.tables]


def test_ad_headings_hours_without_minutes_and_unlabelled_minutes(lexicon):
    text = """Beslutningsreferat
Direktørforum, Sundhedsklynge Vest
Tidspunkt: Fredag den 8. september 2023, kl. 9-11
Sted: Regionshuset, lokale 3
Til stede: Anne Hansen, Bo Jensen, Carl Madsen
Fraværende: Dorte Friis (Ikast-Brande Kommune), Erik Lund

Ad 1. Godkendelse af dagsorden
Dagsordenen blev godkendt.

Ad 2. Klyngemidler 2024
Sekretariatet fremlagde budgettet.
Konklusion: Forumet godkendte budgettet. Anne Hansen sender budgettet til kommunerne senest den 1. oktober 2023.

Ad 3. Eventuelt
Intet.
"""
    doc, _ = parsed(text, lexicon)
    assert (doc.kind, doc.body, doc.cluster) == ("minutes", "Direktørforum", "Sundhedsklynge Vest")
    assert (doc.start, doc.end) == (T(9, 0), T(11, 0))
    assert [a.name for a in doc.attendees] == ["Anne Hansen", "Bo Jensen", "Carl Madsen"]
    assert doc.absent == ["Dorte Friis", "Erik Lund"]
    assert [(i.number, i.title, i.kind) for i in doc.items] == [
        (1, "Godkendelse af dagsorden", "agenda_approval"), (2, "Klyngemidler 2024", "decision"),
        (3, "Eventuelt", "any_other_business")]
    assert doc.items[0].minutes == "Dagsordenen blev godkendt." and doc.items[0].description == ""
    assert doc.items[1].decision.startswith("Forumet godkendte budgettet.")
    [task] = doc.items[1].tasks
    assert (task.owner_kind, task.owner_name, task.due) == ("person", "Anne Hansen", datetime.date(2023, 10, 1))


def test_bold_numbered_headings_with_inline_bold_labels(lexicon):
    text = """**REFERAT**
**Temagruppe Børn og Unge – Midtklyngen**
**Dato:** 12.06.2024 **kl.** 13.00-15.30
**Sted:** Teams

**1. Velkommen og præsentationsrunde**
Alle blev budt velkommen.
**2. Status på samarbejdsaftalen v. Lise Krog**
**Referat:** Lise Krog gav status. Der er fremdrift.
- Kommunerne har udpeget kontaktpersoner.
**Beslutning:** Status taget til efterretning.
**3. Evt.**
Næste møde holdes 1. oktober.
"""
    doc, _ = parsed(text, lexicon)
    assert (doc.title, doc.body, doc.cluster) == ("REFERAT Temagruppe Børn og Unge – Midtklyngen",
                                                  "Temagruppe Børn og Unge", "Midtklyngen")
    assert (doc.date, doc.start, doc.end, doc.place) == (datetime.date(2024, 6, 12), T(13, 0), T(15, 30), "Teams")
    assert [(i.number, i.title, i.presenter, i.kind) for i in doc.items] == [
        (1, "Velkommen og præsentationsrunde", None, "welcome"),
        (2, "Status på samarbejdsaftalen", "Lise Krog", "orientation"), (3, "Evt.", None, "any_other_business")]
    assert doc.items[1].minutes == "Lise Krog gav status. Der er fremdrift.\n- Kommunerne har udpeget kontaktpersoner."
    assert doc.items[1].decision == "Status taget til efterretning."


def test_pdf_running_headers_and_page_numbers_are_removed(lexicon, reference):
    from fpdf import FPDF

    from .conftest import FONT_DIR

    class Minutes(FPDF):
        def header(self):
            self.set_font("Plex", size=8)
            self.cell(0, 5, "Referat – Sundhedsklynge Lillebælt – Fagligt strategisk niveau – 7. december 2022",
                      new_x="LMARGIN", new_y="NEXT")

        def footer(self):
            self.set_y(-12)
            self.set_font("Plex", size=8)
            self.cell(0, 5, f"Side {self.page_no()} af {{nb}}")

    pdf = Minutes(format="A4")
    pdf.add_font("Plex", "", str(FONT_DIR / "IBMPlexSans-Regular.ttf"))
    pdf.add_page()
    pdf.set_font("Plex", size=10)
    plain = (FIXTURES / "lillebaelt-plain.txt").read_text(encoding="utf-8")
    pdf.multi_cell(0, 5, "\n".join(ln for ln in plain.split("\n") if "\t" not in ln and not ln.startswith("8.310")))
    extracted = extract("referat.pdf", bytes(pdf.output()))
    assert extracted.pages > 5
    doc, cleaned = parsed(extracted.text, lexicon)
    assert "Side 3 af" not in cleaned.text and cleaned.text.count("Referat – Sundhedsklynge Lillebælt") == 0
    assert cleaned.furniture >= 2 * extracted.pages - 2
    assert [(i.number, i.title, i.start) for i in doc.items] == [(i.number, i.title, i.start) for i in reference.items]


def test_attendees_with_their_organisations_on_one_line_are_separate_people():
    from klynge.importer.parse import parse

    text = ("Referat af møde i Chefforum, Sundhedsklynge Nordsjælland\nDato: 12. marts 2024, kl. 9.00-11.30\n\n"
            "Deltagere: Jens Hansen (Hillerød Kommune), Lone Berg (Region Hovedstaden)\n\n"
            "1. Godkendelse af dagsorden\nBeslutning: Godkendt.\n")
    document = parse(text, organisations=["Hillerød Kommune", "Region Hovedstaden"])
    assert [(p.name, p.title, p.organisation) for p in document.attendees] == [
        ("Jens Hansen", None, "Hillerød Kommune"), ("Lone Berg", None, "Region Hovedstaden")]
