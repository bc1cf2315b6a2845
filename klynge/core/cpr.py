"""CPR numbers (Danish personal identity numbers) must never be stored unflagged.

Free text typed into Klynge is refused when it holds one; imported text has them masked
and its original document flagged (visible to the secretariat only).
"""

import datetime
import re

CPR = re.compile(r"(?<![\d-])(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(\d{2})-?(\d{4})(?![\d-])")
MASK = "XXXXXX-XXXX"


def _is_date(match: re.Match) -> bool:
    day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    for century in (2000, 1900):  # 29 February needs a leap year in one of them
        try:
            datetime.date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


def find_cpr_numbers(text: str) -> list[str]:
    """Every substring of ``text`` that reads as a CPR number (a valid date and four digits)."""
    return [m.group(0) for m in CPR.finditer(text or "") if _is_date(m)]


def mask_cpr(text: str) -> tuple[str, int]:
    """``text`` with every CPR number replaced by XXXXXX-XXXX, and how many there were."""
    count = 0

    def replace(match):
        nonlocal count
        if not _is_date(match):
            return match.group(0)
        count += 1
        return MASK

    return CPR.sub(replace, text or ""), count


def refuse_cpr(text: str, field_label: str):
    """A Danish ValidationError if ``text`` holds a CPR number (for forms)."""
    from django import forms

    found = find_cpr_numbers(text)
    if found:
        shown = found[0][:6] + "-…"
        raise forms.ValidationError(
            f"{field_label} ser ud til at indeholde et CPR-nummer ({shown}). "
            "CPR-numre må ikke stå i Klynge: fjern det, før du gemmer."
        )
    return text
