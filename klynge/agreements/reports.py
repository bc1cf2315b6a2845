"""Status reports (like the corpus' midtvejsstatus): one document built for a date, rendered as a
web page, Word and PDF in the layout of the agendas (meetings/publishing building blocks).

``build`` reads everything as it stood on ``report.as_of``: agreements approved by then, the
agreement status and the cluster statuses in force then (the dated logs), and indicator points up to
then. Rendering the same report again gives the same document.
"""

from __future__ import annotations

import datetime
import io
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from klynge.indicators import queries as indicator_queries
from klynge.indicators.choices import ARROW_SYMBOL, Level
from klynge.indicators.models import Point, Series
from klynge.organisation.models import Body

from . import queries, rules
from .choices import ImplementationStatus
from .models import CollaborationAgreement

COLOUR_WORD = {"green": "grøn: i den ønskede retning", "red": "rød: i den forkerte retning", "neutral": ""}


@dataclass
class IndicatorRow:
    goal: str
    name: str
    area: str
    latest: str
    latest_label: str
    arrow: str
    arrow_symbol: str
    colour: str
    arrow_text: str
    met: str


@dataclass
class AgreementEntry:
    title: str
    kind: str
    summary: str
    for_citizens: str
    for_collaboration: str
    status_label: str
    status_text: str
    clusters: list  # [(cluster name, status label)]


@dataclass
class ReportDocument:
    title: str
    framework: str
    period: str
    as_of_label: str
    foreword: list
    visions: list
    principles: list
    areas: list                                   # [(title, focus, [goal texts])]
    indicators: list                              # [IndicatorRow]
    agreements: dict = field(default_factory=dict)  # priority area -> [AgreementEntry]
    ongoing: list = field(default_factory=list)
    organisation: list = field(default_factory=list)
    published: bool = False

    # what the meetings' renderers read for header and metadata
    @property
    def draft(self) -> bool:
        """The meetings' "UDKAST" mark is for draft minutes; a report says "Udkast" in its own heading."""
        return False

    @property
    def document_label(self) -> str:
        return "Statusrapport"

    @property
    def date_label(self) -> str:
        return f"Status pr. {self.as_of_label}"

    @property
    def heading(self) -> str:
        return f"{self.title} – {self.framework}"

    @property
    def body_name(self) -> str:
        return self.framework

    kind = "status_report"


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in (text or "").replace("\r", "").split("\n\n") if p.strip()]


def _loose_goals(fw) -> list:
    """Goals outside any priority area, under "Øvrige mål" as on the framework's page (else left out)."""
    titles = list(fw.goals.filter(priority_area__isnull=True).values_list("title", flat=True))
    return [("Øvrige mål", "", titles)] if titles else []


def build(report) -> ReportDocument:
    fw = report.framework
    on = report.as_of
    areas = list(fw.priority_areas.prefetch_related("goals__indicators"))
    doc = ReportDocument(
        title=report.title, framework=fw.title,
        period=f"{fw.period_start.year}-{fw.period_end.year}",
        as_of_label=report.period_label or rules.danish_date(on),
        foreword=paragraphs(report.foreword), visions=fw.vision_list, principles=fw.principle_list,
        areas=[(a.title, a.focus, [g.title for g in a.goals.all()]) for a in areas] + _loose_goals(fw),
        indicators=_indicator_rows(fw, on), ongoing=paragraphs(report.ongoing_work),
        organisation=paragraphs(report.organisation_text), published=report.is_published)
    agreements = list(CollaborationAgreement.objects.filter(framework=fw, approved_on__lte=on)
                      .select_related("kind", "priority_area")
                      .order_by("priority_area__sort_order", "sort_order", "title"))
    ids = [a.pk for a in agreements]
    statuses = queries.status_on(ids, on)
    clusters = queries.implementation_on(ids, on)
    names = dict(Body.objects.filter(pk__in={c for v in clusters.values() for c in v}).values_list("pk", "name"))
    groups = defaultdict(list)
    for a in agreements:
        status = statuses.get(a.pk)
        groups[a.priority_area.title if a.priority_area else (a.theme or "Øvrige aftaler")].append(AgreementEntry(
            title=a.title, kind=a.kind.name, summary=a.summary, for_citizens=a.for_citizens,
            for_collaboration=a.for_collaboration,
            status_label=ImplementationStatus(status.status).label if status else "Ingen status",
            status_text=status.text if status else "",
            clusters=sorted((names[c], ImplementationStatus(s).label) for c, s in clusters.get(a.pk, {}).items()
                            if s)))
    doc.agreements = dict(groups)
    return doc


def _indicator_rows(fw, on: datetime.date) -> list[IndicatorRow]:
    """Each goal's indicators, read at region level with points up to the report's date."""
    rows = []
    goals = list(fw.goals.prefetch_related("indicators"))
    indicator_ids = {i.pk for g in goals for i in g.indicators.all()}
    series = (Series.objects.filter(indicator_id__in=indicator_ids, area__level=Level.REGION, age_band="")
              .select_related("indicator", "area")
              .prefetch_related(Prefetch("points", queryset=Point.objects.filter(period__lte=on).order_by("period"),
                                         to_attr="ordered_points")))
    by_indicator = defaultdict(list)
    for s in series:
        by_indicator[s.indicator_id].append(s)
    for g in goals:
        for indicator in g.indicators.all():
            for s in by_indicator.get(indicator.pk, []):
                reading = indicator_queries.read(s, s.ordered_points)
                value = reading.latest.value if reading.latest else None
                rows.append(IndicatorRow(
                    goal=g.title, name=indicator.name, area=s.area.name, latest=reading.latest_text,
                    latest_label=reading.latest_label, arrow=reading.arrow, arrow_symbol=ARROW_SYMBOL[reading.arrow],
                    colour=reading.colour, arrow_text=reading.arrow_text,
                    met=rules.goal_met_text(rules.goal_met(g.comparison, g.target_value, value))
                    if g.target_value is not None else ""))
    return rows


# --- Word ---------------------------------------------------------------------------------------

def render_docx(doc: ReportDocument) -> bytes:
    from docx import Document
    from docx.shared import RGBColor

    from klynge.meetings.publishing import docx as meeting_docx

    word = Document()
    meeting_docx._setup(word, doc)
    word.add_paragraph(doc.framework)
    word.add_heading(doc.title.upper(), level=0)
    word.add_paragraph(f"Status pr. {doc.as_of_label}")
    if not doc.published:
        word.add_paragraph("UDKAST – ikke offentliggjort")
    if doc.foreword:
        word.add_heading("Forord", level=1)
        for p in doc.foreword:
            word.add_paragraph(p)
    word.add_heading("Visioner", level=1)
    for v in doc.visions:
        word.add_paragraph(v, style="List Bullet")
    word.add_heading("Prioriterede indsatsområder og mål", level=1)
    for title, focus, goals in doc.areas:
        word.add_heading(f"{title}{' – ' + focus if focus else ''}", level=2)
        for g in goals:
            word.add_paragraph(g, style="List Bullet")
    word.add_heading("Principper", level=1)
    for p in doc.principles:
        word.add_paragraph(p, style="List Bullet")
    word.add_heading("Afrapportering på mål", level=1)
    if doc.indicators:
        table = word.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ["Indikator", "Seneste", "Udvikling", "Mål"], strict=True):
            cell.text = text
        for row in doc.indicators:
            cells = table.add_row().cells
            cells[0].text = f"{row.name} ({row.area})"
            cells[1].text = f"{row.latest} ({row.latest_label})"
            run = cells[2].paragraphs[0].add_run(f"{row.arrow_symbol} {row.arrow_text}")
            if row.colour in ("green", "red"):
                run.font.color.rgb = RGBColor(0x00, 0x7A, 0x33) if row.colour == "green" else RGBColor(0xB0, 0x1C, 0x1C)
            cells[3].text = row.met
    else:
        word.add_paragraph("Der er ingen indikatordata for perioden.")
    word.add_heading("Overblik over indgåede aftaler", level=1)
    for area, entries in doc.agreements.items():
        word.add_heading(area, level=2)
        for e in entries:
            word.add_heading(e.title, level=3)
            if e.summary:
                word.add_paragraph(e.summary)
            if e.for_citizens:
                word.add_heading("Betydning for borgerne", level=4)
                word.add_paragraph(e.for_citizens)
            if e.for_collaboration:
                word.add_heading("Betydning for det tværsektorielle samarbejde", level=4)
                word.add_paragraph(e.for_collaboration)
            word.add_heading(f"Status pr. {doc.as_of_label}: {e.status_label}", level=4)
            if e.status_text:
                word.add_paragraph(e.status_text)
            for name, label in e.clusters:
                word.add_paragraph(f"{name}: {label}", style="List Bullet")
    for heading, texts in (("Igangværende arbejde", doc.ongoing), ("Organisering af samarbejdet", doc.organisation)):
        if texts:
            word.add_heading(heading, level=1)
            for p in texts:
                word.add_paragraph(p)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# --- PDF ----------------------------------------------------------------------------------------

def render_pdf(doc: ReportDocument) -> bytes:
    """The report as a tagged PDF (klynge.core.pdf, the one PDF route), laid out like the agendas."""
    from django.template.loader import render_to_string

    from klynge.core.pdf import css_string
    from klynge.core.pdf import render_pdf as render_html_pdf

    html = render_to_string("agreements/pdf/report.html", {
        "doc": doc,
        "running_header": css_string(f"{doc.document_label} · {doc.title} · {doc.date_label}"),
        "closing": [(heading, texts) for heading, texts in (("Igangværende arbejde", doc.ongoing),
                                                             ("Organisering af samarbejdet", doc.organisation))
                    if texts],
    })
    return render_html_pdf(html, doc.heading, subject=doc.framework)
