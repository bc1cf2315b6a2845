"""Answers side by side, as a page, an Excel workbook and a Word document; baseline vs follow-up."""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from klynge.core import spreadsheets

from . import rules
from .choices import QuestionKind

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class SideBySide:
    clusters: list          # Body
    rows: list              # [(question, [consolidated text per cluster])]
    status: list            # [(cluster, "Indsendt 7. juni 2023" | "Ikke indsendt")]


def side_by_side(round_) -> SideBySide:
    """The consolidated answers of every cluster, one column per cluster (three queries)."""
    questions = list(round_.questions.all())
    consolidated = list(round_.consolidated.select_related("cluster").prefetch_related("items")
                        .order_by("cluster__name"))
    clusters = [c.cluster for c in consolidated]
    rows = []
    for q in questions:
        texts = []
        for c in consolidated:
            item = next((i for i in c.items.all() if i.question_id == q.pk), None)
            texts.append(item.text if item else "")
        rows.append((q, texts))
    status = [(c.cluster, f"Indsendt {rules.danish_date(c.submitted_at)}" if c.submitted_at
               else "Udkast (ikke indsendt)") for c in consolidated]
    return SideBySide(clusters, rows, status)


def xlsx(round_) -> bytes:
    sheet = side_by_side(round_)
    book = Workbook()
    ws = book.active
    ws.title = "Samlede svar"
    ws.append([round_.title])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([f"Aftale: {round_.agreement.title}", f"Svarfrist: {rules.danish_date(round_.deadline)}"])
    ws.append([])
    ws.append(["Spørgsmål", *[str(c) for c in sheet.clusters]])
    ws.append(["Status", *[s for _, s in sheet.status]])
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for q, texts in sheet.rows:
        ws.append([f"{q.position}. {q.text}", *texts])
    ws.column_dimensions["A"].width = 50
    for column in range(2, len(sheet.clusters) + 2):
        ws.column_dimensions[ws.cell(row=4, column=column).column_letter].width = 40
    for row in ws.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    spreadsheets.fit_row_heights(ws, first_row=4)
    spreadsheets.print_setup(ws, title_row=4)
    answers = book.create_sheet("Svar fra parterne")
    answers.append(["Klynge", "Part", "Kontaktperson", "Besvaret", *[f"{q.position}. {q.text}"
                                                                     for q in round_.questions.all()]])
    for recipient, values in party_answers(round_):
        answers.append([str(recipient.implementation.cluster), recipient.implementation.who, recipient.name,
                        rules.danish_date(recipient.answered_at) if recipient.answered_at else "Ikke besvaret",
                        *values])
    for column, width in zip("ABCD", (24, 24, 24, 14), strict=True):
        answers.column_dimensions[column].width = width
    for column in range(5, answers.max_column + 1):
        answers.column_dimensions[answers.cell(row=1, column=column).column_letter].width = 40
    for row in answers.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in answers[1]:
        cell.font = Font(bold=True)
    spreadsheets.fit_row_heights(answers)
    spreadsheets.print_setup(answers, title_row=1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def party_answers(round_):
    questions = list(round_.questions.all())
    recipients = (round_.recipients.select_related("implementation__cluster", "implementation__party")
                  .prefetch_related("answers__question"))
    for recipient in recipients:
        by_question = {a.question_id: a.display() for a in recipient.answers.all()}
        yield recipient, [by_question.get(q.pk, "") for q in questions]


def docx(round_) -> bytes:
    sheet = side_by_side(round_)
    word = Document()
    word.core_properties.language = "da-DK"
    word.add_heading(round_.title, level=0)
    word.add_paragraph(f"Aftale: {round_.agreement.title}. Svarfrist: {rules.danish_date(round_.deadline)}. "
                       f"Ejes af {round_.owner_body}.")
    for cluster, status in sheet.status:
        word.add_paragraph(f"{cluster}: {status}", style="List Bullet")
    for q, texts in sheet.rows:
        word.add_heading(f"{q.position}. {q.text}", level=2)
        table = word.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Klynge", "Samlet svar"
        for cluster, text in zip(sheet.clusters, texts, strict=True):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = str(cluster), text or "–"
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


@dataclass
class Comparison:
    question: object
    baseline: object | None
    baseline_summary: str
    follow_up_summary: str


def _summary(question, answers) -> str:
    """Yes/no: "3 ja, 1 nej"; numbers and scales: "gennemsnit 3,5 (n=4)"; choices: counts; text: "n svar"."""
    if question.kind == QuestionKind.YES_NO:
        yes = sum(1 for a in answers if a.yes is True)
        no = sum(1 for a in answers if a.yes is False)
        return f"{yes} ja, {no} nej"
    if question.kind in (QuestionKind.NUMBER, QuestionKind.SCALE):
        numbers = [a.number for a in answers if a.number is not None]
        if not numbers:
            return "Ingen svar"
        return f"Gennemsnit {rules.format_number(sum(numbers) / len(numbers))} (n={len(numbers)})"
    if question.kind == QuestionKind.CHOICE:
        counts = {}
        for a in answers:
            if a.text:
                counts[a.text] = counts.get(a.text, 0) + 1
        return ", ".join(f"{k}: {v}" for k, v in counts.items()) or "Ingen svar"
    texts = [a for a in answers if a.text]
    return f"{len(texts)} svar"


def comparison(baseline, follow_up, clusters=None) -> list[Comparison]:
    """Question by question: the follow-up's questions matched to the baseline's by text (or position)."""
    from .models import Answer

    def answers_of(round_):
        rows = Answer.objects.filter(recipient__round=round_).select_related("question")
        if clusters is not None:
            rows = rows.filter(recipient__implementation__cluster_id__in=clusters)
        grouped = {}
        for a in rows:
            grouped.setdefault(a.question_id, []).append(a)
        return grouped

    base_questions = list(baseline.questions.all())
    by_text = {q.text.strip().lower(): q for q in base_questions}
    by_position = {q.position: q for q in base_questions}
    base_answers, follow_answers = answers_of(baseline), answers_of(follow_up)
    out = []
    for q in follow_up.questions.all():
        match = by_text.get(q.text.strip().lower()) or by_position.get(q.position)
        out.append(Comparison(q, match, _summary(match, base_answers.get(match.pk, [])) if match else "–",
                              _summary(q, follow_answers.get(q.pk, []))))
    return out
