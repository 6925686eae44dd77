"""What opens an agenda item's line: its number or minute reference, and the title after it.

Numbers: "5." "5)" "5:" "5" "1.2.3", "5. / Title" (a table's number and title cells
joined by a slash or bar), "1.Title" where extraction lost the space, and
sub-items lettered or numbered after their number ("9a", "5A", "5(a)", "5 (b)", "1(2)").
Words: "Item 5", "Agenda Item 4.1.1", "ITEM 3 –", "Minute No. 23" (not "Minute 6 - Annual
Report", which cites a minute of a previous meeting), and a heading that ends with its
agenda number ("CHAIR'S REPORT (ITEM 3)").
Minute references carry a year or a committee code beside the running number: "PCP 32/16",
"59/16", "PCB 21/11", "GMCA 71/19", "34.12/13", "SEAC/18/24", "18.OS.23", "Ref
01/18/01/2022", "Minute 45/21" ("7/2022/P" is an action's reference, not a minute's); or a
code joined to the running number alone ("P/2412", "CE01").
Sub-items may be lettered or roman: "a)", "(ii)", "b." (before a capital); or numbered in
brackets under their item ("(2)", read as "1(2)" under item 1). A time slot
("10:50 – 11:05 6."), a page footer ("Page 1 of 120") or the word "AGENDA" before a number
opens the line but belongs to neither number nor title.

Titles lose the furniture that web pages and agenda packs add to them ("pdf icon PDF 79
KB", "Pdf Minutes (68Kb)", "(Pages 1 - 9)", "[p] [14 - 41]", a trailing page range).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

HeadKind = Literal["number", "word", "reference", "letter"]

# "4.1.2", or "9a" (a sub-item lettered after its item's number).
_NUMBER = (
    r"(?P<num>\d{1,3} ?\([a-hA-H]\)|\d{1,3}\(\d{1,2}\)|\d{1,3}(?:\.\d{1,2}){0,3}"
    r"|\d{1,3}[a-hA-H](?![A-Za-z]))"
)
_LEAD = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?[-–—]\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?"
    r"|agenda|page\s+\d{1,3}\s+of\s+\d{1,3})\s+(?=(?:item\s+)?\d)",
    re.IGNORECASE,
)
_ITEM_WORD = re.compile(
    rf"^(?:(?:agenda\s+)?item\s+(?:no\.?\s*)?|(?:minute|min\.?)\s+no\.?\s*){_NUMBER}"
    r"\.?(?:\s*[:.)\-–—]\s*|\t|\s+|$)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_NUMBERED = re.compile(
    rf"^{_NUMBER}(?:(?:\.(?=\s|$)|\)|:)?(?:\s*[-–—:]\s+|\s+[/|]\s+|\s+|$)|\.?(?=[A-Z][A-Za-z]))"
    r"(?P<rest>.*)$",
    re.DOTALL,
)
# Two parts, one of which is the running number: which one is decided over the document.
_REFERENCE = re.compile(
    r"^(?:minute\s+(?:no\.?\s*)?)?(?P<ref>"
    r"(?:(?-i:[A-Z]{2,8})\s*)?(?P<a1>\d{1,3})(?:\.\d{1,2})?/(?P<b1>\d{4}|\d{2,3})(?![\d/])"
    r"|(?-i:[A-Z]{2,8})/(?P<a2>\d{2})/(?P<b2>\d{1,3})(?![\d/])"
    r"|(?P<a3>\d{2})\.(?-i:[A-Z]{1,4})\.(?P<b3>\d{1,3})(?!\d)"
    r"|ref\.?\s*(?P<a4>\d{1,3})/(?P<b4>\d{1,2})/\d{1,2}/\d{2,4}(?![\d/])"
    r")[.:]?(?:\s*[-–—:]\s*|\s+|$)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# A committee's code joined to its running minute number, by a slash or nothing ("P/2412
# Apologies", "CE01 Appointment of Chair"): the code is the same on every minute, so the
# number alone orders them. Glued, the code needs two letters and the number two digits,
# and a capital must open the title ("A1 road" and "CF82 7PG" are not minutes).
_CODED_REFERENCE = re.compile(
    r"^(?P<ref>(?-i:[A-Z]{1,6})/(?P<slashed>\d{1,4})(?![\d/])"
    r"|(?-i:[A-Z]{2,6})(?P<glued>\d{2,4})(?![\d/\w]))"
    r"[.:]?(?:(?:\s*[-–—:]\s*|\s+)(?P<rest>(?-i:[A-Z]).*))?$",
    re.DOTALL,
)
_WORD_STARTS = ("item", "agenda", "minute", "min.", "ref", "page")
# A heading that names its agenda number at its end: "Chair's Report (Item 3)".
_TRAILING_ITEM = re.compile(
    r"\s*\((?:agenda\s+)?item\s+(?P<num>\d{1,3}(?:\.\d{1,2})?)\)\s*$", re.IGNORECASE
)
# "a)", "(ii)", "B)", "m)" (a long run); or "a." and "ii." before a capital ("b. For
# Information"); or "(2)", a sub-item numbered in brackets under its item's number.
_LETTER = re.compile(
    r"^(?P<open>\()?(?P<num>[a-h]|[ivx]{1,4}|[A-H](?=\))|[j-z](?=\)))"
    r"(?(open)\)\s+|(?:\)\s+|\.\s+(?=[A-Z])))"
    r"(?P<rest>\S.*)$"
    r"|^\((?P<digit>\d{1,2})\)\s+(?P<digit_rest>\S.*)$",
    re.DOTALL,
)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}

_FURNITURE = (
    re.compile(r"\s*\bpdf icon\b.*$", re.IGNORECASE),
    re.compile(r"^pdf\s+(?=\S)", re.IGNORECASE),
    re.compile(r"\s*\(\d+(?:\.\d+)?\s*[km]b\)", re.IGNORECASE),
    re.compile(r"\s*\(pages?\s+\d{1,4}(?:\s*[-–]\s*\d{1,4})?\)", re.IGNORECASE),
    re.compile(r"\s*\[p\](?:\s*\[\d{1,4}\s*[-–]\s*\d{1,4}\])?", re.IGNORECASE),
    re.compile(r"(?<=[A-Za-z)\d])\s+\d{1,3}\s*[-–]\s*\d{1,3}$"),
    re.compile(
        r"\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?[-–]\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?$"
    ),
)
# Page furniture that opens with a number: "1 OFFICIAL 452317", "2 of 7".
_PAGE_FURNITURE = re.compile(
    r"^(?:(?:official(?:[- ]sensitive)?|not protectively marked|protect|restricted"
    r"|unclassified)(?:\W+\d+)*|of\s+\d+|page\s+\d+(?:\s+of\s+\d+)?)\W*$",
    re.IGNORECASE,
)
PAGE_FURNITURE_MAX_CHARS = 60


@dataclass(frozen=True)
class Head:
    """The number that opens a line and the text after it on the same line.

    ``parts`` are the number's parts ("4.1.2" -> (4, 1, 2)); for a minute reference, its
    two numeric parts (running number and year or code, in printed order), or the running
    number alone after a code of letters ("P/2412" -> (2412,)); for a letter,
    empty (its value depends on its neighbours: "i" is roman after "h)" is not).
    """

    kind: HeadKind
    number_text: str
    parts: tuple[int, ...]
    rest: str


def read_head(content: str) -> Head | None:
    """The number or reference opening ``content`` (a line without markup), if any."""
    if not _may_open_with_number(content):
        return None
    lead = _LEAD.match(content)
    if lead is not None:
        content = content[lead.end() :]
    word = _ITEM_WORD.match(content)
    if word is not None:
        return Head("word", word.group("num"), parts(word.group("num")), word.group("rest"))
    reference = _REFERENCE.match(content)
    if reference is not None:
        first, second = next(
            (reference.group(f"a{k}"), reference.group(f"b{k}"))
            for k in range(1, 5)
            if reference.group(f"a{k}") is not None
        )
        return Head(
            "reference",
            reference.group("ref"),
            (int(first), int(second)),
            reference.group("rest"),
        )
    coded = _CODED_REFERENCE.match(content)
    if coded is not None:
        running = int(coded.group("slashed") or coded.group("glued"))
        return Head("reference", coded.group("ref"), (running,), coded.group("rest") or "")

    numbered = _NUMBERED.match(content)
    if numbered is not None:
        return Head(
            "number", numbered.group("num"), parts(numbered.group("num")), numbered.group("rest")
        )
    letter = _LETTER.match(content)
    if letter is None:
        return None
    marker = letter.group("num") or letter.group("digit")
    if marker in ROMAN or len(marker) == 1 or marker.isdigit():
        return Head("letter", marker, (), letter.group("rest") or letter.group("digit_rest"))
    return None


def trailing_item(content: str) -> tuple[str, str] | None:
    """(title, agenda number) of a heading ending in "(Item N)", if ``content`` is one."""
    if not content.endswith(")"):
        return None
    match = _TRAILING_ITEM.search(content)
    return (content[: match.start()], match.group("num")) if match else None


def _may_open_with_number(content: str) -> bool:
    """A cheap first look, so lines of prose ("The PCC asked ...") skip the patterns."""
    first = content[:1]
    if first.isdigit() or first == "(":
        return True
    if not first.isalpha():
        return False
    second = content[1:2]
    return (
        second in (")", "/", ".")
        or second.isupper()
        or content[:6].lower().startswith(_WORD_STARTS)
        or (first in "ivx" and (")" in content[1:5] or "." in content[1:5]))
    )


def parts(number: str) -> tuple[int, ...]:
    """The parts of an item number: "4.1.2" -> (4, 1, 2); "9a" and "9(a)" -> (9, 1);
    "1(2)" -> (1, 2)."""
    number = number.rstrip(")")
    if number[-1].isalpha():  # "9a", "5 (b)"
        return (int(number[:-1].rstrip(" (")), ord(number[-1].lower()) - ord("a") + 1)
    if "(" in number:  # "1(2)"
        item, sub = number.split("(")
        return (int(item), int(sub))
    return tuple(int(part) for part in number.split("."))


def clean_title(title: str) -> str:
    """``title`` without attachment sizes, page ranges and paper markers (and runs of
    whitespace, which the patterns then never meet)."""
    title = " ".join(title.split())
    for pattern in _FURNITURE:
        title = pattern.sub("", title)
    return title.strip(" -–—\t|")  # "|": a cell's bar where a table lost its layout


def is_page_furniture(title: str) -> bool:
    """A footer or marking after a page number ("1 OFFICIAL 452317"), not a title."""
    title = title.strip()
    return len(title) <= PAGE_FURNITURE_MAX_CHARS and bool(_PAGE_FURNITURE.match(title))


def is_capitals(text: str) -> bool:
    """Written in capitals (a heading), not a sentence."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
