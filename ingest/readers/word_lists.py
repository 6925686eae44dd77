"""Labels of Word list paragraphs ("•", "1.", "2.3") from the numbering definitions.

Word stores list numbers as definitions, not text: a paragraph (or its style) names
a list (``numId``) and a level (``ilvl``); the list's abstract definition gives the
format and the label pattern of each level ("%1.%2"). ``ListLabeller`` replays the
counters in document order so numbered minutes keep their item numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

_LEVELS = 9


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int
    suffix: str


def _val(element: Any, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    if child is None:
        return None
    value = child.get(qn("w:val"))
    return str(value) if value is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _roman(number: int) -> str:
    numerals = (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    )
    out = []
    for value, letters in numerals:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    # Word repeats the letter past z: 27 -> "aa", 28 -> "bb".
    if number < 1:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


class ListLabeller:
    """Gives each list paragraph of one document its label, in document order."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}
        self._abstract_of: dict[str, str] = {}
        self._restart: dict[str, dict[int, int]] = {}
        self._style_numbering: dict[str, tuple[str, int]] = {}
        self._counters: dict[str, list[int]] = {}
        self._started: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, numbering: Any) -> None:
        for abstract in numbering.findall(qn("w:abstractNum")):
            abstract_id = abstract.get(qn("w:abstractNumId"))
            levels: dict[int, _Level] = {}
            for lvl in abstract.findall(qn("w:lvl")):
                ilvl = _int(lvl.get(qn("w:ilvl")), 0)
                levels[ilvl] = _Level(
                    fmt=_val(lvl, "w:numFmt") or "decimal",
                    text=_val(lvl, "w:lvlText") or "",
                    start=_int(_val(lvl, "w:start"), 1),
                    suffix=_val(lvl, "w:suff") or "tab",
                )
            self._levels[str(abstract_id)] = levels
        for num in numbering.findall(qn("w:num")):
            num_id = str(num.get(qn("w:numId")))
            abstract_id = _val(num, "w:abstractNumId")
            if abstract_id is None:
                continue
            self._abstract_of[num_id] = abstract_id
            overrides: dict[int, int] = {}
            for override in num.findall(qn("w:lvlOverride")):
                start = _val(override, "w:startOverride")
                if start is not None:
                    overrides[_int(override.get(qn("w:ilvl")), 0)] = _int(start, 1)
            if overrides:
                self._restart[num_id] = overrides

    def _read_styles(self, styles: Any) -> None:
        raw: dict[str, tuple[str | None, int | None, str | None]] = {}
        for style in styles.findall(qn("w:style")):
            style_id = str(style.get(qn("w:styleId")))
            ppr = style.find(qn("w:pPr"))
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            num_id = _val(num_pr, "w:numId")
            ilvl = _val(num_pr, "w:ilvl")
            raw[style_id] = (num_id, _int(ilvl, 0) if ilvl else None, _val(style, "w:basedOn"))
        for style_id in raw:
            seen: set[str] = set()
            current: str | None = style_id
            while current is not None and current in raw and current not in seen:
                seen.add(current)
                style_num_id, style_ilvl, based_on = raw[current]
                if style_num_id is not None:
                    self._style_numbering[style_id] = (style_num_id, style_ilvl or 0)
                    break
                current = based_on

    def label(self, paragraph: Any) -> tuple[str, str] | None:
        """(label, separator) for a list paragraph ``w:p`` element, or None."""
        found = self._numbering_of(paragraph)
        if found is None:
            return None
        num_id, ilvl = found
        abstract_id = self._abstract_of.get(num_id)
        levels = self._levels.get(abstract_id or "")
        if not levels or ilvl not in levels:
            return None
        level = levels[ilvl]
        separator = {"tab": "\t", "space": " "}.get(level.suffix, "")
        if level.fmt == "bullet":
            return "•", " "
        if level.fmt == "none":
            self._advance(num_id, str(abstract_id), ilvl, levels)
            return None
        counters = self._advance(num_id, str(abstract_id), ilvl, levels)
        text = level.text
        for index in range(_LEVELS - 1, -1, -1):
            placeholder = f"%{index + 1}"
            if placeholder in text:
                fmt = levels[index].fmt if index in levels else "decimal"
                text = text.replace(placeholder, format_number(counters[index], fmt))
        return (text.strip(), separator or " ") if text.strip() else None

    def _numbering_of(self, paragraph: Any) -> tuple[str, int] | None:
        ppr = paragraph.find(qn("w:pPr"))
        if ppr is None:
            return None
        num_pr = ppr.find(qn("w:numPr"))
        if num_pr is not None:
            num_id = _val(num_pr, "w:numId")
            ilvl = _val(num_pr, "w:ilvl")
            if num_id is not None:
                if num_id == "0":
                    return None
                style_ilvl = self._style_numbering.get(_val(ppr, "w:pStyle") or "", ("", 0))[1]
                return num_id, _int(ilvl, style_ilvl)
        style = _val(ppr, "w:pStyle")
        if style is None:
            return None
        found = self._style_numbering.get(style)
        if found is None or found[0] == "0":
            return None
        if num_pr is not None and _val(num_pr, "w:ilvl") is not None:
            return found[0], _int(_val(num_pr, "w:ilvl"), found[1])
        return found

    def _advance(
        self, num_id: str, abstract_id: str, ilvl: int, levels: dict[int, _Level]
    ) -> list[int]:
        starts = [levels[i].start if i in levels else 1 for i in range(_LEVELS)]
        counters = self._counters.get(abstract_id)
        restart = self._restart.get(num_id)
        if counters is None or (restart is not None and num_id not in self._started):
            counters = [s - 1 for s in starts]
            for index, start in (restart or {}).items():
                if 0 <= index < _LEVELS:
                    counters[index] = start - 1
                    starts[index] = start
            self._counters[abstract_id] = counters
        self._started.add(num_id)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, _LEVELS):
            counters[deeper] = starts[deeper] - 1
        for shallower in range(ilvl):
            if counters[shallower] < starts[shallower]:
                counters[shallower] = starts[shallower]
        return counters
