"""Resource limits for reading a file: unpacked size, text size, lines and time.

Each refusal is an ImportRefused with a Danish message naming the problem. The limits come
from settings (KLYNGE_IMPORT_* in the environment, see README) and are checked before the
expensive work: a .docx's members by their declared sizes before anything is unpacked
(zipfile never reads past a member's declared size), the text before it is normalised,
and the clock at checkpoints inside the normalise and parse loops.
"""

from __future__ import annotations

import contextvars
import io
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings

from .extract import ImportRefused

XML_SUFFIXES = (".xml", ".rels")
MAX_ZIP_MEMBERS = 5000


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def check_zip(filename: str, data: bytes, limit: int | None = None) -> None:
    """Refuse a .docx whose XML unpacks to more than ``limit`` bytes (a zip bomb), by the sizes
    in its directory, before any member is read."""
    limit = settings.IMPORT_MAX_UNPACKED_BYTES if limit is None else limit
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportRefused(filename, "Filen er en ZIP-fil, men ikke et Word-dokument (.docx), eller den er "
                            "beskadiget.", "garbage") from exc
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise ImportRefused(filename, f"Word-filen består af {_number(len(members))} dele; et dokument har "
                                f"højst {_number(MAX_ZIP_MEMBERS)}. Filen er ikke et almindeligt Word-dokument.",
                                "too_large")
        xml = sum(m.file_size for m in members if m.filename.lower().endswith(XML_SUFFIXES))
        other = sum(m.file_size for m in members if not m.filename.lower().endswith(XML_SUFFIXES))
    if xml > limit:
        raise ImportRefused(filename, f"Word-filen pakker ud til {_mb(xml)} tekst (XML), men grænsen er {_mb(limit)}. "
                            "Filen er ikke læst. Er dokumentet meget langt, så del det op; ellers kan filen være "
                            "lavet til at overbelaste systemet (en såkaldt zip-bombe).", "too_large")
    # pictures and other media are stored compressed already: far more than the file's own size
    # unpacked is a bomb hidden outside the XML
    if other > limit + 4 * len(data):
        raise ImportRefused(filename, f"Word-filen pakker ud til {_mb(other)} billeder og andre dele, langt mere end "
                            f"filens egen størrelse ({_mb(len(data))}). Filen er ikke læst; den kan være lavet til "
                            "at overbelaste systemet (en såkaldt zip-bombe).", "too_large")


def check_text(filename: str, text: str, *, max_chars: int | None = None, max_lines: int | None = None) -> None:
    """Refuse text too long or with too many lines to be one meeting's agenda or minutes."""
    max_chars = settings.IMPORT_MAX_TEXT_CHARS if max_chars is None else max_chars
    max_lines = settings.IMPORT_MAX_LINES if max_lines is None else max_lines
    if len(text) > max_chars:
        raise ImportRefused(filename, f"Filen indeholder {_number(len(text))} tegn tekst, men grænsen for ét møde er "
                            f"{_number(max_chars)}. Del filen op i ét møde pr. fil, og prøv igen.", "too_long")
    lines = text.count("\n") + 1
    if lines > max_lines:
        raise ImportRefused(filename, f"Filen har {_number(lines)} linjer, men grænsen for ét møde er "
                            f"{_number(max_lines)}. Del filen op i ét møde pr. fil, og prøv igen.", "too_long")


# --- time ------------------------------------------------------------------------------------

class TimeBudget:
    def __init__(self, filename: str, seconds: float, clock: Callable[[], float] | None = None):
        self.filename = filename
        self.seconds = seconds
        self.clock = clock or (lambda: time.monotonic())
        self.deadline = self.clock() + seconds

    def check(self) -> None:
        if self.clock() > self.deadline:
            shown = f"{self.seconds:g}".replace(".", ",")
            raise ImportRefused(self.filename, f"Det tog over {shown} sekunder at læse filen, så importen er stoppet, "
                                "og intet er gemt. Del filen op, eller bed en administrator hæve grænsen "
                                "(KLYNGE_IMPORT_TIME_LIMIT).", "too_slow")


_budget: contextvars.ContextVar[TimeBudget | None] = contextvars.ContextVar("import_time_budget", default=None)


@contextmanager
def time_budget(filename: str, seconds: float | None = None,
                clock: Callable[[], float] | None = None) -> Iterator[TimeBudget]:
    """Within the block, ``checkpoint()`` refuses the file once ``seconds`` have passed."""
    budget = TimeBudget(filename, settings.IMPORT_TIME_LIMIT_SECONDS if seconds is None else seconds, clock)
    token = _budget.set(budget)
    try:
        yield budget
    finally:
        _budget.reset(token)


def checkpoint() -> None:
    """Called inside the reading loops; cheap when no budget is set."""
    budget = _budget.get()
    if budget is not None:
        budget.check()
