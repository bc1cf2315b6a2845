"""Scan a file's contents for CPR numbers, so an upload holding one is flagged (never refused).

PDF and Word (.docx) go through the importer's text extraction; plain text and CSV are decoded;
other Office Open XML and OpenDocument files (.xlsx, .pptx, .odt, ...) have their XML text read
with a cap on the unpacked size; anything else (old .doc/.xls/.ppt) is read as Windows-1252 and
UTF-16 text runs, which is where those formats keep their words. The scan never raises.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from klynge.core.cpr import contains_cpr

UNPACKED_LIMIT = 50 * 1024 * 1024  # bytes of XML read from one zip-based file
TEXT_SUFFIXES = {"txt", "csv", "md", "text"}
EXTRACTED_SUFFIXES = {"pdf", "docx"}
_TAG = re.compile(rb"<[^>]*>")


def _suffix(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _zip_text(data: bytes) -> str:
    parts: list[str] = []
    read = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if not info.filename.endswith(".xml"):
                continue
            read += info.file_size
            if read > UNPACKED_LIMIT:
                break
            # tags become nothing, not a space: Word splits "010190-" and "1234" over two runs
            parts.append(_TAG.sub(b"", archive.read(info)).decode("utf-8", errors="replace"))
    return "\n".join(parts)


def _raw_text(data: bytes) -> str:
    return data.decode("cp1252", errors="replace") + "\n" + data.decode("utf-16-le", errors="replace")


def file_text(name: str, data: bytes) -> str:
    """The text a person would read in the file, as well as it can be had without failing."""
    text = readable_text(name, data)
    return _raw_text(data) if text is None else text


def readable_text(name: str, data: bytes) -> str | None:
    """The file's text when its format could be read (PDF, Word, text, Office/OpenDocument XML);
    None when only the raw byte runs are left (images, old binary formats, unreadable files)."""
    from klynge.importer.extract import ImportRefused, decode_text, extract

    suffix = _suffix(name)
    try:
        if suffix in EXTRACTED_SUFFIXES:
            return extract(name, data).text
        if suffix in TEXT_SUFFIXES:
            return decode_text(data)[0]
        if data[:2] == b"PK":
            return _zip_text(data)
    except (ImportRefused, Exception):  # noqa: BLE001 - an unreadable file is read as raw text
        pass
    return None


def file_contains_cpr(name: str, data: bytes) -> bool:
    """True when the file's name or contents hold a CPR number."""
    return contains_cpr(name) or contains_cpr(file_text(name, data))


SEARCH_TEXT_LIMIT = 200_000  # characters of an attachment's text kept for the search


@dataclass(frozen=True)
class UploadScan:
    contains_cpr: bool
    text: str  # the readable text for the search; "" when the file holds a CPR number or has none


def scan_upload(name: str, data: bytes) -> UploadScan:
    """Read an uploaded file once: whether it holds a CPR number, and its text for the search
    (whitespace collapsed, at most SEARCH_TEXT_LIMIT characters; never the text of a file with
    a CPR number)."""
    text = readable_text(name, data)
    flagged = contains_cpr(name) or contains_cpr(_raw_text(data) if text is None else text)
    if flagged or not text:
        return UploadScan(flagged, "")
    return UploadScan(False, " ".join(text.split())[:SEARCH_TEXT_LIMIT])
