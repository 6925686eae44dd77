"""Letters of other scripts inside English text: stray tokens, look-alikes, OCR overlays."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Share of Latin letters above which a document counts as Latin-script text.
LATIN_SHARE = 0.9

# Cyrillic and Greek letters that look like Latin ones, used to repair mixed-script words.
_LOOK_ALIKES = str.maketrans(
    {
        "а": "a", "в": "B", "е": "e", "к": "k", "м": "M", "н": "H", "о": "o", "р": "p",
        "с": "c", "т": "T", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o",
    }
)  # fmt: skip
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """The script of a letter: "latin" or "other"; "" for anything but a letter."""
    if not char.isalpha():
        return ""
    if char.isascii() or unicodedata.name(char, "").startswith("LATIN"):
        return "latin"
    return "other"


def is_mostly_latin(text: str) -> bool:
    """True when at least ``LATIN_SHARE`` of the letters in ``text`` are Latin."""
    latin = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))
    other = 0
    for char in _NON_ASCII.findall(text):
        kind = _script(char)
        if kind == "latin":
            latin += 1
        elif kind == "other":
            other += 1
    total = latin + other
    return total == 0 or latin / total >= LATIN_SHARE


def _letter_scripts(token: str) -> set[str]:
    return {kind for kind in map(_script, token) if kind}


def is_foreign_token(token: str) -> bool:
    """A token whose letters are all of a non-Latin script (digits make it ordinary text)."""
    if token.isascii() or any(char.isdigit() for char in token):
        return False
    return _letter_scripts(token) == {"other"}


def _repair_look_alikes(token: str) -> str:
    if token.isascii() or _letter_scripts(token) != {"latin", "other"}:
        return token
    repaired = token.translate(_LOOK_ALIKES)
    return repaired if _letter_scripts(repaired) == {"latin"} else token


def is_overlay(cell: str) -> bool:
    """An OCR overlay: foreign-script tokens at two or more places among Latin words.

    A single run of foreign tokens (say "сс" left at the end of a line) is a stray to
    remove; foreign tokens interleaved with the words mean the whole line is noise.
    """
    if cell.isascii():
        return False
    runs = 0
    latin_words = 0
    previous_foreign = False
    for token in cell.split():
        foreign = is_foreign_token(token)
        if foreign and not previous_foreign:
            runs += 1
        elif not foreign and "latin" in _letter_scripts(token):
            latin_words += 1
        previous_foreign = foreign
    return runs >= 2 and latin_words >= 2


@dataclass(frozen=True)
class ScriptRepair:
    text: str
    removed_tokens: int
    repaired_tokens: int


def remove_stray_script(cell: str) -> ScriptRepair:
    """Drop tokens made only of non-Latin letters; fix look-alike letters inside Latin words."""
    if cell.isascii():
        return ScriptRepair(cell, 0, 0)
    kept: list[str] = []
    removed = repaired = 0
    for token in cell.split(" "):
        if is_foreign_token(token):
            removed += 1
            continue
        fixed = _repair_look_alikes(token)
        repaired += fixed != token
        kept.append(fixed)
    if not removed and not repaired:
        return ScriptRepair(cell, 0, 0)
    return ScriptRepair(" ".join(t for t in kept if t), removed, repaired)
