"""The sanitised rich-text subset (see klynge.core.text) as plain blocks for Word and PDF.

Case descriptions are stored as sanitised HTML; minutes and decisions may be plain
text. Both become a list of ``Block``s: paragraphs, headings, list items (bulleted or
numbered) and tables, each paragraph a list of ``Run``s with bold/italic flags. The
renderers in docx.py and pdf.py draw these; neither parses HTML itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    kind: str  # "p", "h", "li", "table"
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # heading level (3, 4) or list depth (1..)
    marker: str = ""  # list marker: "•" or "1."
    rows: list[list[str]] = field(default_factory=list)  # for tables
    quote: bool = False
    header: bool = False  # a table whose first row is all <th>: it repeats on every page in Word

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
_SPACE = re.compile(r"[ \t\r\n\f]+")


def clean(value: str) -> str:
    """Text without control characters (pasted from Word they break .docx files and PDFs)."""
    return _CONTROL.sub(" ", value or "")


def to_blocks(value: str) -> list[Block]:
    """Blocks for rich text (HTML subset) or plain text (paragraphs on blank lines, lines kept)."""
    value = clean(value).strip()
    if not value:
        return []
    if not _TAG.search(value):
        return _plain_blocks(value)
    parser = _Parser()
    parser.feed(value)
    parser.close()
    parser.flush()
    return [b for b in parser.blocks if b.kind == "table" or b.text.strip()]


def to_plain(value: str) -> str:
    """Rich or plain text as plain text lines (for e-mails and calendar descriptions)."""
    lines = []
    for block in to_blocks(value):
        if block.kind == "table":
            lines.extend(" | ".join(row) for row in block.rows)
        elif block.kind == "li":
            lines.append(f"{'  ' * (block.level - 1)}{block.marker} {block.text}")
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _plain_blocks(value: str) -> list[Block]:
    blocks = []
    for para in re.split(r"\n\s*\n", value.replace("\r\n", "\n")):
        lines = [line.strip() for line in para.split("\n") if line.strip()]
        for line in lines:
            bullet = re.match(r"^[-•*]\s+(.*)$", line)
            numbered = re.match(r"^(\d{1,2})[.)]\s+(.*)$", line)
            if bullet:
                blocks.append(Block("li", [Run(bullet.group(1))], level=1, marker="•"))
            elif numbered:
                blocks.append(Block("li", [Run(numbered.group(2))], level=1, marker=f"{numbered.group(1)}."))
            else:
                blocks.append(Block("p", [Run(line)]))
    return blocks


class _Parser(HTMLParser):
    BLOCK_TAGS = {"p", "h3", "h4", "li", "blockquote", "div"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.bold = 0
        self.italic = 0
        self.lists: list[list] = []  # stack of [ordered, counter]
        self.quote = 0
        self.table: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.first_row_tags: list[str] = []

    # --- helpers -------------------------------------------------------------------
    def flush(self):
        if self.current is not None:
            if self.current.runs:
                self.current.runs[0].text = self.current.runs[0].text.lstrip()
                self.current.runs[-1].text = self.current.runs[-1].text.rstrip()
            self.blocks.append(self.current)
            self.current = None

    def start_block(self, kind, **kw):
        self.flush()
        self.current = Block(kind, quote=bool(self.quote), **kw)

    # --- parser callbacks ------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if self.table is not None:
            if tag == "tr":
                self.table.append([])
            elif tag in ("td", "th"):
                self.cell = []
                if len(self.table) <= 1:
                    self.first_row_tags.append(tag)
            return
        if tag in ("b", "strong"):
            self.bold += 1
        elif tag in ("i", "em"):
            self.italic += 1
        elif tag in ("ul", "ol"):
            self.flush()
            self.lists.append([tag == "ol", 0])
        elif tag == "li":
            depth = max(1, len(self.lists))
            marker = "•"
            if self.lists and self.lists[-1][0]:
                self.lists[-1][1] += 1
                marker = f"{self.lists[-1][1]}."
            self.start_block("li", level=depth, marker=marker)
        elif tag in ("h3", "h4"):
            self.start_block("h", level=int(tag[1]))
        elif tag in ("p", "div"):
            self.start_block("p")
        elif tag == "blockquote":
            self.quote += 1
            self.flush()
        elif tag == "br":
            if self.current is not None and self.current.kind == "p":
                self.start_block("p")
        elif tag == "table":
            self.flush()
            self.table = []
            self.first_row_tags = []

    def handle_endtag(self, tag):
        if self.table is not None:
            if tag in ("td", "th") and self.cell is not None:
                if not self.table:
                    self.table.append([])
                self.table[-1].append(_SPACE.sub(" ", "".join(self.cell)).strip())
                self.cell = None
            elif tag == "table":
                rows = [row for row in self.table if row]
                if rows:
                    header = bool(self.first_row_tags) and all(t == "th" for t in self.first_row_tags)
                    self.blocks.append(Block("table", rows=rows, header=header and len(rows) > 1))
                self.table = None
            return
        if tag in ("b", "strong"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("i", "em"):
            self.italic = max(0, self.italic - 1)
        elif tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag in ("li", "h3", "h4", "p", "div"):
            self.flush()
        elif tag == "blockquote":
            self.flush()
            self.quote = max(0, self.quote - 1)

    def handle_data(self, data):
        if self.table is not None:
            if self.cell is not None:
                self.cell.append(data)
            return
        text = _SPACE.sub(" ", data)
        if not text.strip() and (self.current is None or not self.current.runs):
            return
        if self.current is None:
            if self.lists:
                self.start_block("li", level=len(self.lists), marker="•")
            else:
                self.start_block("p")
        runs = self.current.runs
        bold, italic = bool(self.bold), bool(self.italic)
        if runs and runs[-1].bold == bold and runs[-1].italic == italic:
            runs[-1].text += text
        else:
            if runs and runs[-1].text.endswith(" ") and text.startswith(" "):
                text = text.lstrip()
            runs.append(Run(text, bold, italic))
