"""Bytes -> text, per format: PDF (text layer and tables), .docx (paragraphs, lists, tables), text.

Every refusal is an ImportRefused with a Danish message that names the file and the problem.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass

from .charcount import CharClass

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
SUPPORTED = "PDF med tekstlag, Word (.docx) og tekst (.txt, .md)"


class ImportRefused(Exception):
    """A file that cannot be imported; ``str()`` is the Danish message for the user."""

    def __init__(self, filename: str, problem: str, code: str = "refused"):
        self.filename = filename
        self.problem = problem
        self.code = code
        super().__init__(f"{filename}: {problem}")


@dataclass
class Extracted:
    text: str
    format: str  # "pdf" | "docx" | "text"
    encoding: str | None = None
    pages: int | None = None


def _suffix(name: str) -> str:
    m = re.search(r"(\.[A-Za-z0-9]+)$", name or "")
    return m.group(1).lower() if m else ""


def _human_size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")


def check_size(filename: str, size: int, limit: int) -> None:
    if size == 0:
        raise ImportRefused(filename, "Filen er tom.", "empty")
    if size > limit:
        raise ImportRefused(filename, f"Filen fylder {_human_size(size)}, men grænsen er {_human_size(limit)}. "
                            "Del filen op, eller bed en administrator hæve grænsen (KLYNGE_UPLOAD_MAX_MB).",
                            "too_large")


def extract(filename: str, data: bytes, limit: int | None = None) -> Extracted:
    """The file's text, within the limits of ``limits.py`` (text size, lines, unpacked size, time)."""
    from .limits import check_text

    extracted = _extract(filename, data, limit)
    check_text(filename, extracted.text)
    return extracted


def _extract(filename: str, data: bytes, limit: int | None = None) -> Extracted:
    if limit is not None:
        check_size(filename, len(data), limit)
    elif not data:
        raise ImportRefused(filename, "Filen er tom.", "empty")
    suffix = _suffix(filename)
    if data.startswith(b"%PDF") or suffix in PDF_SUFFIXES:
        if not data.lstrip()[:5].startswith(b"%PDF"):
            raise ImportRefused(filename, "Filen hedder .pdf, men er ikke en PDF (den kan være beskadiget).", "garbage")
        return _pdf(filename, data)
    if suffix in DOCX_SUFFIXES or (data[:2] == b"PK" and suffix not in TEXT_SUFFIXES):
        return _docx(filename, data)
    if suffix == ".doc" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ImportRefused(filename, "Gamle Word-filer (.doc) kan ikke læses. Gem filen som .docx i Word, "
                            "og prøv igen.", "unsupported")
    if suffix in TEXT_SUFFIXES or suffix == "":
        return _text(filename, data)
    raise ImportRefused(filename, f"Filtypen “{suffix}” understøttes ikke. Importen læser {SUPPORTED}.",
                        "unsupported")


# --- text -------------------------------------------------------------------------------

def decode_text(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 or Latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


PUNCTUATION = set(".,;:!?-–—()[]{}/\\'\"«»”“’*#_%&@+=<>|§$€½…•·")
CONTROL_CHARS = CharClass(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
NON_LETTERS = CharClass(r"[\W\d_]")
ODD_CHARS = CharClass(r"[^\w\s" + re.escape("".join(sorted(PUNCTUATION))) + r"]")


def _looks_binary(data: bytes, text: str, encoding: str = "") -> bool:
    # UTF-16 has a zero byte beside every ASCII letter: judge its decoded text instead
    if encoding.startswith("utf-16"):
        if "\x00" in text[:32768]:
            return True
    elif b"\x00" in data[:65536]:
        return True
    if not text.strip():
        return True
    chars = text[:65536]
    control = CONTROL_CHARS.count(chars)
    letters = len(chars) - NON_LETTERS.count(chars)
    odd = ODD_CHARS.count(chars)
    return control > len(chars) * 0.01 or letters < len(chars) * 0.4 or odd > len(chars) * 0.15


def _text(filename: str, data: bytes) -> Extracted:
    text, encoding = decode_text(data)
    if _looks_binary(data, text, encoding):
        raise ImportRefused(filename, "Filen indeholder ikke læsbar tekst (den ligner binære data). "
                            f"Importen læser {SUPPORTED}.", "garbage")
    return Extracted(text, "text", encoding)


# --- PDF --------------------------------------------------------------------------------

def _pdf(filename: str, data: bytes) -> Extracted:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    from .limits import checkpoint

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ImportRefused(filename, "PDF'en er krypteret og beskyttet med en adgangskode. Fjern beskyttelsen, "
                            "og prøv igen.", "encrypted") from exc
    except (PDFSyntaxError, Exception) as exc:  # noqa: BLE001 - pdfminer raises many kinds
        causes = [exc, *getattr(exc, "args", ())]
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes) \
                or "password" in repr(exc).lower() or "encrypt" in repr(exc).lower():
            raise ImportRefused(filename, "PDF'en er krypteret og beskyttet med en adgangskode. Fjern "
                                "beskyttelsen, og prøv igen.", "encrypted") from exc
        raise ImportRefused(filename, "PDF'en kan ikke læses; den er beskadiget eller ikke en PDF.", "garbage") from exc
    pages_text: list[str] = []
    try:
        with pdf:
            count = len(pdf.pages)
            workers = min(os.cpu_count() or 1, MAX_WORKERS, count // PAGES_PER_WORKER)
            if workers > 1:
                pages_text = _pdf_parallel(data, count, workers)
            if not pages_text:
                pages_text = []
                for page in pdf.pages:
                    checkpoint()
                    pages_text.append(_pdf_page(page))
                    page.close()  # pdfplumber keeps every page's objects otherwise
    except ImportRefused:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ImportRefused(filename, "PDF'en er krypteret og beskyttet med en adgangskode.", "encrypted") from exc
    except Exception as exc:  # noqa: BLE001
        raise ImportRefused(filename, "PDF'en kan ikke læses: den er beskadiget eller bygget på en måde, Klynge ikke "
                            "kan læse. Gem den som PDF igen (eller som Word), og prøv igen.", "garbage") from exc
    text = "\f".join(pages_text)
    if not re.search(r"\w{2,}", text):
        raise ImportRefused(filename, "PDF'en har intet tekstlag (den er sikkert skannet). Den kræver OCR først: "
                            "kør den gennem et OCR-program, og importér resultatet.", "needs_ocr")
    return Extracted(text, "pdf", None, len(pages_text))


MAX_WORKERS = 4
PAGES_PER_WORKER = 15


def _pdf_range(data: bytes, start: int, stop: int) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data), pages=list(range(start + 1, stop + 1))) as pdf:
        texts = []
        for page in pdf.pages:
            texts.append(_pdf_page(page))
            page.close()  # frees the page's parsed objects; otherwise every page stays in memory
        return texts


def _pdf_parallel(data: bytes, count: int, workers: int) -> list[str]:
    """Long PDFs: page ranges read in parallel processes (pdfminer is pure Python and slow).
    Returns [] when processes cannot be used here; the caller then reads page by page."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return []
    step = -(-count // workers)
    ranges = [(i, min(count, i + step)) for i in range(0, count, step)]
    try:
        with ProcessPoolExecutor(len(ranges), mp_context=multiprocessing.get_context("fork")) as pool:
            parts = list(pool.map(_pdf_range, [data] * len(ranges), [a for a, _ in ranges], [b for _, b in ranges]))
    except (OSError, RuntimeError):
        return []
    return [text for part in parts for text in part]


def _pdf_page(page) -> str:
    """The page's text with its ruled tables as tab-separated rows, in reading order."""
    has_rules = bool(page.rects or page.lines)
    tables = []
    if has_rules:
        try:
            tables = [t for t in page.find_tables() if t.rows and len(t.rows) >= 2]
        except Exception:  # noqa: BLE001 - a strange table must not stop the page
            tables = []
    if not tables:
        return page.extract_text() or ""
    tables.sort(key=lambda t: t.bbox[1])
    out, top = [], page.bbox[1]
    for table in tables:
        x0, t_top, x1, t_bottom = table.bbox
        if t_top > top:
            out.append(page.crop((page.bbox[0], top, page.bbox[2], t_top)).extract_text() or "")
        rows = table.extract()
        out.append("\n".join("\t".join((c or "").replace("\n", " ").strip() for c in row) for row in rows))
        top = max(top, t_bottom)
    if top < page.bbox[3]:
        out.append(page.crop((page.bbox[0], top, page.bbox[2], page.bbox[3])).extract_text() or "")
    return "\n\n".join(part for part in out if part.strip())


# --- Word -------------------------------------------------------------------------------

def _docx(filename: str, data: bytes) -> Extracted:
    import docx
    from docx.oxml.ns import qn

    from .limits import check_zip, checkpoint

    if data[:2] == b"PK":
        check_zip(filename, data)  # by the declared sizes, before anything is unpacked
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, Exception) as exc:  # noqa: BLE001
        if data[:2] == b"PK":
            raise ImportRefused(filename, "Filen er en ZIP-fil, men ikke et Word-dokument (.docx), eller den er "
                                "beskadiget.", "garbage") from exc
        raise ImportRefused(filename, "Word-filen kan ikke læses; den er beskadiget eller krypteret.",
                            "garbage") from exc
    formats = _numbering_formats(document, qn)
    counters: dict[tuple[str, str], int] = {}
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        checkpoint()
        if child.tag == qn("w:p"):
            lines.append(_docx_paragraph(child, document, formats, counters, qn))
        elif child.tag == qn("w:tbl"):
            lines.append("")
            for row in child.iter(qn("w:tr")):
                cells = []
                for cell in row.iter(qn("w:tc")):
                    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in cell.iter(qn("w:p"))]
                    cells.append(" ".join(t.strip() for t in texts if t.strip()))
                lines.append("\t".join(cells))
            lines.append("")
    text = "\n".join(lines)
    if not text.strip():
        raise ImportRefused(filename, "Word-dokumentet indeholder ingen tekst.", "empty")
    return Extracted(text, "docx")


def _numbering_formats(document, qn) -> dict[tuple[str, str], str]:
    """(numId, level) -> numFmt ('decimal', 'bullet', ...)."""
    formats: dict[tuple[str, str], str] = {}
    try:
        numbering = document.part.numbering_part.element
    except Exception:  # noqa: BLE001 - no numbering part
        return formats
    abstract = {}
    for a in numbering.iter(qn("w:abstractNum")):
        levels = {}
        for lvl in a.iter(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            levels[lvl.get(qn("w:ilvl"))] = fmt.get(qn("w:val")) if fmt is not None else "decimal"
        abstract[a.get(qn("w:abstractNumId"))] = levels
    for num in numbering.iter(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is None:
            continue
        for level, fmt in abstract.get(ref.get(qn("w:val")), {}).items():
            formats[(num.get(qn("w:numId")), level)] = fmt
    return formats


def _docx_paragraph(p, document, formats, counters, qn) -> str:
    text = "".join(node.text or "" if node.tag == qn("w:t") else "\t" if node.tag == qn("w:tab") else "\n"
                   for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")))
    style = p.find(qn("w:pPr"))
    style_name = ""
    num_id = level = None
    if style is not None:
        ps = style.find(qn("w:pStyle"))
        if ps is not None:
            style_id = ps.get(qn("w:val"))
            try:
                style_name = document.styles.get_by_id(style_id, 1).name or style_id
            except Exception:  # noqa: BLE001
                style_name = style_id or ""
        numpr = style.find(qn("w:numPr"))
        if numpr is not None:
            nid, ilvl = numpr.find(qn("w:numId")), numpr.find(qn("w:ilvl"))
            num_id = nid.get(qn("w:val")) if nid is not None else None
            level = ilvl.get(qn("w:val")) if ilvl is not None else "0"
    m = re.match(r"(?:heading|overskrift)\s*(\d)", style_name or "", re.I)
    if m and text.strip():
        return "#" * int(m.group(1)) + " " + text.strip()
    if style_name.lower() == "title" and text.strip():
        return "# " + text.strip()
    if num_id and num_id != "0" and text.strip():
        fmt = formats.get((num_id, level), "decimal")
        indent = "  " * int(level or 0)
        if fmt == "bullet":
            return f"{indent}- {text.strip()}"
        key = (num_id, level)
        counters[key] = counters.get(key, 0) + 1
        for (other, other_level) in list(counters):
            if other == num_id and int(other_level) > int(level or 0):
                del counters[(other, other_level)]
        return f"{indent}{counters[key]}. {text.strip()}"
    lowered = (style_name or "").lower()
    if lowered.startswith("list bullet") and text.strip():
        return f"- {text.strip()}"
    if lowered.startswith("list number") and text.strip():
        key = ("style", lowered)
        counters[key] = counters.get(key, 0) + 1
        return f"{counters[key]}. {text.strip()}"
    if text.strip():
        counters.pop(("style", "list number"), None)  # a new list starts after other text
    return text
