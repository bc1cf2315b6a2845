"""CPR numbers (Danish personal identity numbers) are never stored in clear text.

The one exception is a flagged original file (``SourceDocument.contains_cpr``, attachments with
``contains_cpr``): its bytes are kept as they came, and only the secretariat sees it.

- :func:`find_cpr` finds them in the written forms people use: ``0101901234``, ``010190-1234``,
  ``020290 4321``, ``010190–1234`` (en/em dash, minus sign, non-breaking hyphen or space, spaces
  around the dash) and ``01.01.90-1234``. The date must be a real date (in 19yy or 20yy; the
  seventh digit's century table is deliberately not applied, so a mistyped century still counts).
- The modulus-11 check is a hint, not a requirement (numbers issued since 2007 may fail it): it
  decides only the doubtful case of ten bare digits in a web address (``/j/1203901234`` is more
  likely a video meeting id), and it is reported on each match.
- Look-alikes are left alone: journal numbers ``1-31-72-446-22``, phone numbers ``12 34 56 78``,
  amounts ``1.022.190``, dates ``01.01.2023``, hexadecimal hashes, longer digit runs.
- :func:`check_instance` is the one guard for every text field of every model (registered as a
  ``pre_save`` signal and in ``full_clean`` by ``core.apps``); importers and uploads call
  :func:`mask_cpr` first, so they pass it.
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass

MASK = "XXXXXX-XXXX"

_SPACE = "[ \u00a0\u2009\u202f]"  # space, no-break space, thin space, narrow no-break space
_DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]"  # hyphen-minus, hyphens, figure/en/em dash, minus
_DAY = r"(?P<day>0[1-9]|[12]\d|3[01])"
_MONTH = r"(?P<month>0[1-9]|1[0-2])"
_YEAR = r"(?P<year>\d{2})"
_SERIAL = r"(?P<serial>\d{4})"
# Not glued to a letter or digit, and not one link in a chain of numbers (journal numbers, dates).
_BEFORE = rf"(?<![^\W_])(?<!\d{_DASH})(?<!\d[./])"
_AFTER = rf"(?![^\W_])(?!{_DASH}\d)(?![./,]\d)"

CPR = re.compile(
    _BEFORE
    + "(?:"
    + rf"{_DAY}{_MONTH}{_YEAR}(?P<sep>{_SPACE}?{_DASH}{_SPACE}?|{_SPACE})?"
    + "|"
    + rf"(?P<dday>0[1-9]|[12]\d|3[01])\.(?P<dmonth>0[1-9]|1[0-2])\.(?P<dyear>\d{{2}}){_SPACE}?{_DASH}{_SPACE}?"
    + ")"
    + _SERIAL
    + _AFTER
)
_URL_CONTEXT = re.compile(r"[/=?#&]$")
_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


@dataclass(frozen=True)
class CprMatch:
    text: str
    start: int
    end: int
    digits: str
    modulus11: bool


def modulus11(digits: str) -> bool:
    """The old check-digit rule: the weighted digit sum is divisible by 11."""
    return len(digits) == 10 and sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11 == 0


def _is_date(day: int, month: int, year: int) -> bool:
    """A real date in 19yy or 20yy (29 February needs a leap year in one of them)."""
    for base in (2000, 1900):
        try:
            datetime.date(base + year, month, day)
            return True
        except ValueError:
            continue
    return False


def _parts(match: re.Match) -> tuple[int, int, int, str]:
    if match.group("day"):
        day, month, year = match.group("day"), match.group("month"), match.group("year")
    else:
        day, month, year = match.group("dday"), match.group("dmonth"), match.group("dyear")
    return int(day), int(month), int(year), f"{day}{month}{year}{match.group('serial')}"


def _is_cpr(match: re.Match, text: str) -> CprMatch | None:
    day, month, year, digits = _parts(match)
    if not _is_date(day, month, year):
        return None
    mod11 = modulus11(digits)
    bare = match.group("day") and not match.group("sep")
    if bare and not mod11 and _URL_CONTEXT.search(text[max(0, match.start() - 1):match.start()]):
        return None  # ten bare digits in a web address that fail modulus 11: an id, not a person
    return CprMatch(match.group(0), match.start(), match.end(), digits, mod11)


def find_cpr(text: str | None) -> list[CprMatch]:
    """Every CPR number in ``text``, in order."""
    if not text:
        return []
    return [m for m in (_is_cpr(match, text) for match in CPR.finditer(text)) if m is not None]


_TAG = re.compile(r"<[^>]*>")


def find_cpr_in_stored(text: str | None) -> list[CprMatch]:
    """CPR numbers in a stored value, which may be HTML: ``010190&nbsp;1234`` and
    ``010190<b>-1234</b>`` count too (matches refer to the unescaped text when found there)."""
    found = find_cpr(text)
    if found or not text or ("&" not in text and "<" not in text):
        return found
    return find_cpr(html.unescape(_TAG.sub("", text)))


def find_cpr_numbers(text: str | None) -> list[str]:
    """Every substring of ``text`` that reads as a CPR number."""
    return [m.text for m in find_cpr(text)]


def contains_cpr(text: str | None) -> bool:
    return bool(find_cpr_in_stored(text))


def mask_cpr(text: str | None) -> tuple[str, int]:
    """``text`` with every CPR number replaced by XXXXXX-XXXX, and how many there were."""
    text = text or ""
    found = find_cpr(text)
    for m in reversed(found):
        text = text[:m.start] + MASK + text[m.end:]
    return text, len(found)


def mask(text: str | None) -> str:
    """``text`` with its CPR numbers masked (for writers that do not need the count)."""
    return mask_cpr(text)[0]


def message(field_label: str, found: CprMatch) -> str:
    """The Danish refusal, showing only the first six digits of what was found."""
    return (f"{field_label} ser ud til at indeholde et CPR-nummer ({found.digits[:6]}-…). "
            "CPR-numre må ikke stå i Klynge: fjern det, før du gemmer.")


def refuse_cpr(text: str, field_label: str):
    """A Danish ValidationError if ``text`` holds a CPR number (for forms)."""
    from django.core.exceptions import ValidationError

    found = find_cpr_in_stored(text)
    if found:
        raise ValidationError(message(field_label, found[0]), code="cpr")
    return text


# --- the one guard for every model ------------------------------------------------------------

def _strings(value):
    """Every string inside a JSON value (keys too)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def text_values(instance, exclude=()):
    """(field, text) for every text the instance would store: char/text fields, JSON strings, file names."""
    from django.db import models

    for field in instance._meta.concrete_fields:
        if field.name in exclude or field.attname in exclude:
            continue
        if isinstance(field, (models.CharField, models.TextField)):
            value = getattr(instance, field.attname, None)
            if isinstance(value, str):
                yield field, value
        elif isinstance(field, models.JSONField):
            for text in _strings(getattr(instance, field.attname, None)):
                yield field, text
        elif isinstance(field, models.FileField):
            file = getattr(instance, field.attname, None)
            name = getattr(file, "name", None) or ""
            if name:
                yield field, name


def _label(field) -> str:
    label = str(getattr(field, "verbose_name", "") or field.name)
    return f"Feltet “{label}”"


def instance_errors(instance, exclude=()) -> dict[str, list[str]]:
    """Danish messages per field name for every CPR number the instance holds."""
    errors: dict[str, list[str]] = {}
    for field, text in text_values(instance, exclude):
        if field.name in errors:
            continue
        found = find_cpr_in_stored(text)
        if found:
            errors[field.name] = [message(_label(field), found[0])]
    return errors


def check_instance(instance, exclude=()) -> None:
    """Raise a ValidationError naming the field when any text of ``instance`` holds a CPR number."""
    from django.core.exceptions import ValidationError

    errors = instance_errors(instance, exclude)
    if errors:
        raise ValidationError({name: [ValidationError(m, code="cpr") for m in messages]
                               for name, messages in errors.items()})


def guarded(model) -> bool:
    """The models the guard covers: every model of the klynge apps, their history tables included."""
    return model._meta.app_config is not None and model._meta.app_config.name.startswith("klynge.")


_GUARDED: dict[type, bool] = {}


def refuse_cpr_on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """``pre_save`` receiver (registered in ``core.apps``): no row of a klynge model holds a CPR number."""
    covered = _GUARDED.get(sender)
    if covered is None:
        covered = _GUARDED[sender] = guarded(sender)
    if not covered:
        return
    if update_fields is not None:
        names = set(update_fields)
        exclude = [f.name for f in sender._meta.concrete_fields if f.name not in names and f.attname not in names]
    else:
        exclude = ()
    check_instance(instance, exclude)


def mask_all(value):
    """``value`` with CPR numbers masked in every string inside it, and how many there were.

    Walks dataclasses (changed in place), lists (in place), tuples and dicts (rebuilt), so an
    importer masks every text it parsed, including fields added later.
    """
    import dataclasses

    if isinstance(value, str):
        return mask_cpr(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        total = 0
        for f in dataclasses.fields(value):
            new, n = mask_all(getattr(value, f.name))
            if n:
                setattr(value, f.name, new)
                total += n
        return value, total
    if isinstance(value, list):
        total = 0
        for index, item in enumerate(value):
            new, n = mask_all(item)
            if n:
                value[index] = new
                total += n
        return value, total
    if isinstance(value, tuple):
        pairs = [mask_all(item) for item in value]
        total = sum(n for _, n in pairs)
        return (tuple(new for new, _ in pairs) if total else value), total
    if isinstance(value, dict):
        total = 0
        out = {}
        for key, item in value.items():
            new_key, n_key = mask_all(key)
            new, n = mask_all(item)
            out[new_key] = new
            total += n_key + n
        return (out if total else value), total
    return value, 0
