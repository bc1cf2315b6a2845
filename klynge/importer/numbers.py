"""Danish numbers and tables: '1.022.190', '-1.022.190', '2,5', '6,348 mio. kr.'.

Pure functions. A table is a list of rows; each cell is a str, an int, a float or None.
"""

from __future__ import annotations

import re

NUMBER = re.compile(
    r"""^\s*(?P<sign>[-−–+])?\s*(?:kr\.?\s*)?
        (?P<int>\d{1,3}(?:(?:\.|[ \u00a0\u202f])\d{3})+|\d+)
        (?:,(?P<dec>\d+))?
        \s*(?P<unit>mio\.?|millioner|mia\.?|milliarder|t\.?\s?kr\.?|tkr\.?|tusind)?
        \s*(?:kr\.?|dkk|%|pct\.?|procent)?\s*$""",
    re.I | re.X,
)
SCALE = {"mio": 1_000_000, "millioner": 1_000_000, "mia": 1_000_000_000, "milliarder": 1_000_000_000,
         "tkr": 1000, "t.kr": 1000, "tusind": 1000}
TOTAL_WORDS = re.compile(r"\b(i alt|total|totalt|sum|samlet|samlede|subtotal)\b", re.I)


def parse_number(text: str) -> int | float | None:
    """A Danish number as int or float; None when the text is not a number."""
    if text is None:
        return None
    m = NUMBER.match(text)
    if not m:
        return None
    integer = re.sub(r"[.\s\u00a0\u202f]", "", m.group("int"))
    if len(m.group("int")) > 1 and m.group("int").startswith("0") and "." not in m.group("int") and not m.group("dec"):
        # "0123" is a code, not a number; "0" and "0,5" are numbers
        return None
    value: int | float
    if m.group("dec"):
        value = float(f"{integer}.{m.group('dec')}")
    else:
        value = int(integer)
    unit = (m.group("unit") or "").lower().replace(" ", "").rstrip(".")
    if unit:
        key = unit if unit in SCALE else unit.replace(".", "")
        factor = SCALE.get(key, SCALE.get(unit, 1))
        value = value * factor
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        elif isinstance(value, float):
            value = round(value, 6)
    if m.group("sign") in ("-", "−", "–"):
        value = -value
    return value


def decimals(text) -> int:
    m = NUMBER.match(text or "") if isinstance(text, str) else None
    return len(m.group("dec")) if m and m.group("dec") else 0


def cell_value(raw: str):
    text = re.sub(r"</?[a-z][^>]*>", "", raw or "").replace("**", "").replace("__", "").strip()
    if not text:
        return None
    number = parse_number(text)
    return number if number is not None else text


def _is_year(value) -> bool:
    return isinstance(value, int) and 1900 <= value <= 2100


def _fmt(value) -> str:
    if isinstance(value, float) and not value.is_integer():
        whole, _, frac = f"{value:.6f}".rstrip("0").partition(".")
        return f"{int(whole):,}".replace(",", ".") + "," + frac
    return f"{int(value):,}".replace(",", ".")


def check_totals(rows: list[list], raw_rows: list[list[str]] | None = None) -> list[dict]:
    """Stated totals that differ from the sum of their parts.

    A total column is one whose header says 'I alt', 'Total', 'Sum' or 'Samlet'; its parts
    are the numeric columns between the row label and it. A total row is one whose label
    says so, or a last row whose label cell is empty under a table of figures.
    Returns dicts with row, column (1-based), label, stated and computed values.
    """
    problems: list[dict] = []
    if len(rows) < 3:
        return problems
    width = max(len(r) for r in rows)
    grid = [list(r) + [None] * (width - len(r)) for r in rows]
    header = grid[0]
    header_is_text = any(isinstance(c, str) for c in header) and not any(
        isinstance(c, (int, float)) and not _is_year(c) for c in header)
    body_start = 1 if header_is_text else 0
    # The first column is a label when it holds text or years.
    label_col = 0 if all(c is None or isinstance(c, str) or _is_year(c) for c in (r[0] for r in grid[body_start:])) \
        else None

    def tolerance(cells, values=()) -> float:
        d = max((decimals(c) for c in cells if isinstance(c, str)), default=0)
        d = max([d] + [len(repr(v).split(".")[1]) for v in values if isinstance(v, float) and not v.is_integer()])
        return 0.5 * 10 ** (-d) * max(1, len(cells)) if d else 0.5

    total_cols = [j for j, h in enumerate(header) if header_is_text and isinstance(h, str) and TOTAL_WORDS.search(h)]
    # total row: labelled, or the last row with an empty label
    total_rows = []
    for i in range(body_start, len(grid)):
        label = grid[i][label_col] if label_col is not None else None
        if isinstance(label, str) and TOTAL_WORDS.search(label):
            total_rows.append(i)
    last = len(grid) - 1
    if not total_rows and label_col is not None and grid[last][label_col] is None and last - body_start >= 2 \
            and any(isinstance(c, (int, float)) for c in grid[last]):
        total_rows.append(last)
    first_part = (label_col + 1) if label_col is not None else 0

    def raw(i, j):
        if raw_rows and i < len(raw_rows) and j < len(raw_rows[i]):
            return raw_rows[i][j]
        return None

    for j in total_cols:
        for i in range(body_start, len(grid)):
            if i in total_rows:
                continue
            stated = grid[i][j]
            parts = [grid[i][k] for k in range(first_part, j) if isinstance(grid[i][k], (int, float))
                     and not (TOTAL_WORDS.search(str(header[k] or "")))]
            if not isinstance(stated, (int, float)) or len(parts) < 2:
                continue
            computed = sum(parts)
            if abs(computed - stated) > tolerance([raw(i, k) for k in range(first_part, j + 1)], parts + [stated]):
                problems.append({"row": i + 1, "column": j + 1, "label": _label(grid, i, j, label_col, header),
                                 "stated": stated, "computed": _tidy(computed), "kind": "column"})
    for i in total_rows:
        for j in range(first_part, width):
            stated = grid[i][j]
            if not isinstance(stated, (int, float)):
                continue
            parts = [grid[k][j] for k in range(body_start, i) if k not in total_rows
                     and isinstance(grid[k][j], (int, float))]
            if len(parts) < 2:
                continue
            computed = sum(parts)
            if abs(computed - stated) > tolerance([raw(k, j) for k in range(body_start, i + 1)], parts + [stated]):
                problems.append({"row": i + 1, "column": j + 1, "label": _label(grid, i, j, label_col, header),
                                 "stated": stated, "computed": _tidy(computed), "kind": "row"})
    return problems


def _tidy(value):
    if isinstance(value, float):
        value = round(value, 6)
        if value.is_integer():
            return int(value)
    return value


def _label(grid, i, j, label_col, header) -> str:
    column = header[j] if isinstance(header[j], str) else f"kolonne {j + 1}"
    return str(column)


def describe(problem: dict) -> str:
    if problem["kind"] == "row":
        return (f"Tabellen: totalrækken (række {problem['row']}) angiver {_fmt(problem['stated'])} i kolonnen "
                f"“{problem['label']}” (kolonne {problem['column']}), men tallene over den giver "
                f"{_fmt(problem['computed'])}.")
    return (f"Tabellen: række {problem['row']} angiver {_fmt(problem['stated'])} i kolonnen "
            f"“{problem['label']}” (kolonne {problem['column']}), men delene giver {_fmt(problem['computed'])}.")
