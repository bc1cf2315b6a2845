"""One file in: size check -> original kept (SHA-256) -> text -> normalised -> parsed -> loaded.

Used by the CLI (``klynge import-minutes``) and the upload page alike.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from klynge.core.cpr import mask
from klynge.documents.models import SourceDocument
from klynge.organisation.models import Body, Organisation, Person

from .extract import ImportRefused, check_size, extract
from .lexicon import MISSING_MESSAGE, optional_lexicon
from .limits import time_budget
from .load import load, mask_document, match_bodies
from .normalise import normalise
from .parse import DATE_MISSING_MESSAGE, NoMeetingFound, ParsedDocument, ParsedWarning, parse
from .report import to_json

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]

MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]


def danish_date(day) -> str:
    """'7. juni 2023', as everywhere in Klynge."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def future_minutes_warning(document: ParsedDocument, today) -> ParsedWarning | None:
    """Minutes cannot be from a day after today: the date was most likely misread ('25.08.27' for 27 August
    2025 read as 25 August 2027). An agenda may be for a coming meeting."""
    if document.kind != "minutes" or document.date is None or document.date <= today:
        return None
    return ParsedWarning("date_in_future", f"Mødedatoen {danish_date(document.date)} ligger efter i dag, men "
                         "dokumentet er et referat. Kontrollér datoen; den kan rettes under «Gennemse og ret».")


@dataclass
class FileResult:
    filename: str
    status: str  # "imported" | "checked" | "unchanged" | "failed" | "needs_body"
    message: str
    report: dict | None = None
    document: ParsedDocument | None = None
    meeting: object | None = None
    body: Body | None = None
    candidates: list[Body] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status in ("imported", "checked", "unchanged")


def known_names() -> tuple[list[str], list[str]]:
    """(every name OCR repair may restore, organisation names for attendee parsing)."""
    orgs = [n for pair in Organisation.objects.values_list("name", "short_name") for n in pair if n]
    names = list(Person.objects.values_list("name", flat=True))
    names += [n for pair in Body.objects.values_list("name", "short_name") for n in pair if n]
    return names + orgs, orgs


def _no_progress(fraction: float, stage: str) -> None:
    return None


def analyse(filename: str, data: bytes, progress: Progress = _no_progress, *, source: str = "",
            meeting_date=None) -> ParsedDocument:
    """Pure reading: no writes, within the time budget (KLYNGE_IMPORT_TIME_LIMIT).
    Raises ImportRefused with a Danish message. When the text states no date, ``meeting_date`` (the user's)
    and then a date in ``source`` (a web address) or the file name is used, and a warning says so."""
    with time_budget(filename):
        progress(0.05, "Læser teksten i filen")
        extracted = extract(filename, data, settings.UPLOAD_MAX_BYTES)
        progress(0.3, "Retter tekstfejl og fjerner sidehoveder")
        lexicon = optional_lexicon()
        names, orgs = known_names()
        cleaned = normalise(extracted.text, lexicon, names)
        progress(0.6, "Finder mødet, punkterne og beslutningerne")
        try:
            document = parse(cleaned.text, orgs, repairs=cleaned.repairs, changes=cleaned.replacements,
                             source=f"{source} {filename}", meeting_date=meeting_date)
        except NoMeetingFound as exc:
            raise ImportRefused(filename, f"{exc} Filen ligner ikke en dagsorden eller et referat.",
                                "no_meeting") from exc
    if lexicon is None:
        document.warnings.insert(0, ParsedWarning("dictionary_missing", MISSING_MESSAGE, None))
    future = future_minutes_warning(document, timezone.localdate())
    if future is not None:
        document.warnings.insert(0, future)
    mask_document(document, extracted.text)  # before anything (report, preview, load) reads it
    return document


def import_file(filename: str, data: bytes, *, body: Body | None = None, dry_run: bool = False, user=None,
                content_type: str = "", accept_match: bool = True, progress: Progress = _no_progress,
                source: str = "", meeting_date=None) -> FileResult:
    """Import one file. Never raises for bad input: the result says what happened, in Danish.
    Reading runs outside any transaction; only the final load takes the write lock."""
    original, filename = filename, mask(filename)  # messages and reports never repeat a CPR number
    try:
        check_size(filename, len(data), settings.UPLOAD_MAX_BYTES)
        existing = SourceDocument.objects.filter(sha256=SourceDocument.digest(data)).first()
        document = analyse(filename, data, progress, source=source, meeting_date=meeting_date)
    except ImportRefused as exc:
        return FileResult(filename, "failed", str(exc))
    report = to_json(document)
    if existing is not None and not dry_run:
        return _unchanged(filename, existing, report, document)
    candidates = match_bodies(document) if body is None else [body]
    if dry_run:
        found = f" Organ: {candidates[0]}." if len(candidates) == 1 else ""
        ask = f" {DATE_MISSING_MESSAGE}" if document.date is None else ""
        return FileResult(filename, "checked", f"{filename}: Læst uden at gemme: {len(document.items)} punkter, "
                          f"{len(document.warnings)} advarsler.{found}{ask}", report, document,
                          body=candidates[0] if len(candidates) == 1 else None, candidates=candidates)
    if document.date is None:  # no meeting without a date: refused before anything is written
        return FileResult(filename, "failed", f"{filename}: {DATE_MISSING_MESSAGE} Intet er gemt.", report, document,
                          body=candidates[0] if len(candidates) == 1 else None, candidates=candidates)
    if body is None:
        if len(candidates) == 1 and accept_match:
            body = candidates[0]
        else:
            problem = ("Organet kunne ikke findes ud fra titlen" if not candidates
                       else "Titlen passer på flere organer: " + ", ".join(str(b) for b in candidates))
            return FileResult(filename, "needs_body", f"{filename}: {problem}. Vælg organet, og prøv igen.",
                              report, document, candidates=candidates)
    return _save(filename, original, data, document, body, user, content_type, report, progress)


def _unchanged(filename: str, existing: SourceDocument, report: dict | None, document) -> FileResult:
    meeting = existing.meetings.first()
    where = f" som mødet {danish_date(meeting.date)} i {meeting.body}" if meeting else ""
    return FileResult(filename, "unchanged", f"{filename}: Filen er allerede importeret{where} "
                      f"(samme SHA-256). Intet er ændret.", report, document, meeting,
                      meeting.body if meeting else None)


def already_imported(filename: str, sha256: str | None) -> FileResult | None:
    """The "unchanged" answer for a file whose SHA-256 Klynge already keeps; None when it does not."""
    existing = SourceDocument.objects.filter(sha256=sha256).first() if sha256 else None
    return None if existing is None else _unchanged(mask(filename), existing, None, None)


def import_reviewed(filename: str, data: bytes, document: ParsedDocument, *, body: Body, user=None,
                    content_type: str = "", notes: list[str] | None = None) -> FileResult:
    """Save a document the user corrected on the review page (importer.review) through the same load as
    ``import_file``: the original kept with its SHA-256, CPR numbers masked, minutes completing their agenda.
    A file already imported answers "unchanged", so a second «Gem mødet» makes no second meeting."""
    original, filename = filename, mask(filename)
    report = to_json(document)
    existing = SourceDocument.objects.filter(sha256=SourceDocument.digest(data)).first()
    if existing is not None:
        return _unchanged(filename, existing, report, document)
    if document.date is None:
        return FileResult(filename, "failed", f"{filename}: {DATE_MISSING_MESSAGE} Intet er gemt.", report, document)
    result = _save(filename, original, data, document, body, user, content_type, report, _no_progress)
    if result.status == "imported":
        result.notes = list(notes or []) + result.notes
        result.message = result.message.replace(" er importeret som mødet ", " er gemt efter gennemsyn som mødet ", 1)
    return result


def _save(filename: str, original: str, data: bytes, document: ParsedDocument, body: Body, user,
          content_type: str, report: dict, progress: Progress) -> FileResult:
    """The load of one read document, in its own transaction; every failure answered in Danish."""
    progress(0.85, "Gemmer mødet")
    try:
        with transaction.atomic():
            meeting, notes = load(document, body, filename=original, data=data, content_type=content_type, user=user)
    except ValidationError as exc:  # the models' own rules, in Danish
        return FileResult(filename, "failed", f"{filename}: Importen mislykkedes, og intet er gemt: "
                          f"{' '.join(exc.messages)}", report, document)
    except DatabaseError:
        log.exception("Import of %s refused by the database", filename)
        return FileResult(filename, "failed", f"{filename}: Importen mislykkedes, og intet er gemt: databasen afviste "
                          "mødet (det kan være optaget af en anden import; prøv igen om lidt). Fejlen er logget.",
                          report, document)
    except Exception:  # noqa: BLE001 - a fault in Klynge: nothing is left behind, the user gets Danish
        log.exception("Import of %s failed", filename)
        return FileResult(filename, "failed", f"{filename}: Importen mislykkedes på grund af en fejl i Klynge, og "
                          "intet er gemt. Fejlen er logget, så en administrator kan se den.", report, document)
    kind = "Referatet" if document.kind == "minutes" else "Dagsordenen"
    return FileResult(filename, "imported", f"{filename}: {kind} er importeret som mødet {danish_date(meeting.date)} "
                      f"i {body} "
                      f"({len(document.items)} punkter, {document.repairs} rettelser, "
                      f"{len(document.warnings)} advarsler).", report, document, meeting, body, notes=notes)
