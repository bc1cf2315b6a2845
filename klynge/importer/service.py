"""One file in: size check -> original kept (SHA-256) -> text -> normalised -> parsed -> loaded.

Used by the CLI (``klynge import-minutes``) and the upload page alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from klynge.core.cpr import mask
from klynge.documents.models import SourceDocument
from klynge.organisation.models import Body, Organisation, Person

from .extract import ImportRefused, check_size, extract
from .lexicon import MISSING_MESSAGE, optional_lexicon
from .load import load, mask_document, match_bodies
from .normalise import normalise
from .parse import NoMeetingFound, ParsedDocument, ParsedWarning, parse
from .report import to_json

MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]


def danish_date(day) -> str:
    """'7. juni 2023', as everywhere in Klynge."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


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


def analyse(filename: str, data: bytes) -> ParsedDocument:
    """Pure reading: no writes. Raises ImportRefused with a Danish message."""
    extracted = extract(filename, data, settings.UPLOAD_MAX_BYTES)
    lexicon = optional_lexicon()
    names, orgs = known_names()
    cleaned = normalise(extracted.text, lexicon, names)
    try:
        document = parse(cleaned.text, orgs, repairs=cleaned.repairs)
    except NoMeetingFound as exc:
        raise ImportRefused(filename, f"{exc} Filen ligner ikke en dagsorden eller et referat.", "no_meeting") from exc
    if lexicon is None:
        document.warnings.insert(0, ParsedWarning("dictionary_missing", MISSING_MESSAGE, None))
    mask_document(document, extracted.text)  # before anything (report, preview, load) reads it
    return document


def import_file(filename: str, data: bytes, *, body: Body | None = None, dry_run: bool = False, user=None,
                content_type: str = "", accept_match: bool = True) -> FileResult:
    """Import one file. Never raises for bad input: the result says what happened, in Danish."""
    original, filename = filename, mask(filename)  # messages and reports never repeat a CPR number
    try:
        check_size(filename, len(data), settings.UPLOAD_MAX_BYTES)
        existing = SourceDocument.objects.filter(sha256=SourceDocument.digest(data)).first()
        document = analyse(filename, data)
    except ImportRefused as exc:
        return FileResult(filename, "failed", str(exc))
    report = to_json(document)
    if existing is not None and not dry_run:
        meeting = existing.meetings.first()
        where = f" som mødet {danish_date(meeting.date)} i {meeting.body}" if meeting else ""
        return FileResult(filename, "unchanged", f"{filename}: Filen er allerede importeret{where} "
                          f"(samme SHA-256). Intet er ændret.", report, document, meeting,
                          meeting.body if meeting else None)
    candidates = match_bodies(document) if body is None else [body]
    if dry_run:
        found = f" Organ: {candidates[0]}." if len(candidates) == 1 else ""
        return FileResult(filename, "checked", f"{filename}: Læst uden at gemme: {len(document.items)} punkter, "
                          f"{len(document.warnings)} advarsler.{found}", report, document,
                          body=candidates[0] if len(candidates) == 1 else None, candidates=candidates)
    if body is None:
        if len(candidates) == 1 and accept_match:
            body = candidates[0]
        else:
            problem = ("Organet kunne ikke findes ud fra titlen" if not candidates
                       else "Titlen passer på flere organer: " + ", ".join(str(b) for b in candidates))
            return FileResult(filename, "needs_body", f"{filename}: {problem}. Vælg organet, og prøv igen.",
                              report, document, candidates=candidates)
    try:
        with transaction.atomic():
            meeting, notes = load(document, body, filename=original, data=data, content_type=content_type, user=user)
    except Exception as exc:  # noqa: BLE001 - anything the database refuses: nothing is left behind
        return FileResult(filename, "failed", f"{filename}: Importen mislykkedes, og intet er gemt "
                          f"({type(exc).__name__}: {exc}).", report, document)
    kind = "Referatet" if document.kind == "minutes" else "Dagsordenen"
    return FileResult(filename, "imported", f"{filename}: {kind} er importeret som mødet {danish_date(meeting.date)} "
                      f"i {body} "
                      f"({len(document.items)} punkter, {document.repairs} rettelser, "
                      f"{len(document.warnings)} advarsler).", report, document, meeting, body, notes=notes)
