"""Lines that hold several agenda entries run together, cut into one line per entry.

Text taken from some PDFs (and document-sharing sites' copies of them) puts a whole page on
one line: "AGENDA 1. Apologies 2. Declarations of Interest 3. Minutes (Pages 1 - 10) To
confirm ...". Such a line, long and with several numbers standing before capitalised
words, is cut before each of them, so each entry opens a line of its own; which cuts open
items is decided later, by the numbering. In any line, cuts are made before an item number
and a heading in capitals ("... (Head of Legal). 1 4. MINUTES", where "1" was the page
number; "... 2019/ 7 POLICE AND CRIME PLAN"), before the numbers that follow the one opening
the line ("3. Road Safety 4. Work Programme"), and before the markers that run on after a
list marker opening the line ("(i) Conflict of interest ... (ii) Pecuniary interests"),
before lettered sub-items inside an item's line ("3 Declarations (a) Pecuniary (b) Other"),
around a page's footer run in between two pages ("... on. Page 1 of 14 a) Revised ..."),
and before the items numbered from 1 without stops in a page flattened under its page number.

The pieces are ``Line`` objects whose offsets point into the original text, so spans stay
exact; the pieces of one line keep its ``start`` and ``end``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from ingest.parse.dates import MONTH_PATTERN
from ingest.parse.item_heads import ROMAN
from ingest.parse.lines import Line
from ingest.parse.meeting_date import page_opening, page_opening_end

# A line this long with this many entry numbers in it is a page run onto one line.
RUN_ON_MIN_CHARS = 400
RUN_ON_MIN_ENTRIES = 3
MAX_LIST_MARKERS = 26

_ENTRY = re.compile(
    r"(?<=\s)(?<!OFFICIAL )(?:"
    r"(?:(?i:(?:agenda\s+)?item)\s+\d{1,3}(?:\.\d{1,2}){0,3}\b\.?"
    r"|[A-Z]{2,8}\s+\d{1,3}(?:\.\d{1,2})?/\d{2,4}(?![\d/])"
    r"|\d{1,3}(?:\.\d{1,2})?/\d{2}(?![\d/])"
    r"|\d{1,3}(?:\.\d{1,2}){0,3}\."
    r"|(?<![-–] )\d{1,3}\)"  # "4) Title", not the end of "(Pages 1 - 10) To ..."
    r"|\d{1,3}(?:\.\d{1,2}){1,3}"
    r"|\(?(?:[a-h]|i{1,3}|iv|vi{0,3}|ix|x)\)"
    r"|\d{1,3}\([a-h]\)"  # "9(a) Title", a sub-item under its item's number
    r")(?=\s+[A-Z])"
    # a bare number before a heading in capitals ("2 MEMBERSHIP 3 APPOINTMENT ...") or a
    # capitalised word ("... Graham Oldroyd 2 Minutes of the previous meeting ...")
    # (a page range's end, "1 - 10", is no entry, but "minutes: - 4 Gwent ..." is; a month
    # after the number is a date, "Declarations" is no month)
    r"|(?<!\d [-–] )(?<!of )\d{1,3}(?!\s+(?i:" + MONTH_PATTERN + "))"
    r"(?=\s+(?:[A-Z][A-Z'’&-]{4,}\b|[A-Z][a-z]|[A-Z][A-Z'’&-]+(?:[\s,–-]+(?:[A-Z][A-Z'’&-]+\b|\d)|$)))"
    r")"
)
# In any line: a bare number before two words in capitals ("... gloucestershire/ 7 POLICE AND
# CRIME PLAN REFRESH"), or a number lettered as a sub-item, which no page range ends with,
# where a table's columns were read out of order ("ESTATES AND FLEET – 9A DECISION SALE OF
# FORMER SECTION OFFICE", "COMMUNITY 12A SAFETY FUND AWARDS").
_CAPITALS_BARE = re.compile(
    r"(?<=\s)(?<!OFFICIAL )(?:(?<![-–] )\d{1,3}|\d{1,3}[A-H])"
    r"(?= [A-Z][A-Z'’&-]+[\s,–-]+[A-Z][A-Z'’&-]+\b)"
)
# A line that opens with an item number ("3. Road Safety ... 4. Work Programme ...").
_OPENING_NUMBER = re.compile(r"(?P<number>\d{1,3})(?P<mark>[.)])\s")
MAX_SUCCESSORS = 100
# "2. Declarations": a number with a stop before a capitalised word, inside a line.
_STOPPED_ENTRY = re.compile(r"(?<=\s)(?P<number>\d{1,3})\.(?= [A-Z][a-z])")
CONSECUTIVE_MIN_CHARS = 60
# A line that opens with an item number, stop or none ("3 Declarations of Interests").
_OPENING_ITEM = re.compile(r"\d{1,3}[.):]?\s+[A-Z]")
_CAPITALS_ENTRY = re.compile(r"(?<=[.)!?;] )(?:\d{1,3} )?(?P<entry>\d{1,3}\.)(?= [A-Z][A-Z'’]+\b)")
_LIST_MARKER = re.compile(r"^(?P<open>\()?(?P<marker>[a-h]|[ivx]{1,4})\)\s")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMANS = tuple(ROMAN)
# A page's footer run into the text between two pages ("... from now on. Page 1 of 14 a)
# Revised Scheme of Delegation"): the next page's text starts after it.
_PAGE_BREAK = re.compile(r"(?<=[.!?:;)] )Page \d{1,4} of \d{1,4}(?= +\S)")


def split_run_on(text: str, lines: Sequence[Line]) -> tuple[list[Line], list[int]]:
    """``lines`` with run-on entries cut into pieces (re-indexed), and for each line of
    ``lines`` the index of its first piece."""
    pieces: list[Line] = []
    first_piece: list[int] = []
    cut_any = False
    for line in lines:
        first_piece.append(len(pieces))
        cuts = _cuts(text, line)
        if not cuts:
            pieces.append(line if line.index == len(pieces) else replace(line, index=len(pieces)))
            continue
        cut_any = True
        content = text[line.content_start : line.content_end]
        bounds = [0, *cuts, len(content)]
        for start, end in pairwise(bounds):
            piece = content[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            offset = line.content_start + start + len(piece) - len(piece.lstrip())
            pieces.append(
                Line(
                    len(pieces),
                    line.start,
                    line.end,
                    offset,
                    offset + len(stripped),
                    stripped,
                    (stripped,),
                )
            )
    if not cut_any:
        return list(lines), first_piece
    return pieces, first_piece


def _cuts(text: str, line: Line) -> list[int]:
    """Positions in the line's text where a new entry starts (none for most lines)."""
    if line.blank or len(line.cells) != 1 or line.heading_level or line.bullet:
        return []
    content = text[line.content_start : line.content_end]
    run_on = len(content) >= RUN_ON_MIN_CHARS
    capitals = _CAPITALS_ENTRY.search(content)
    bare = _CAPITALS_BARE.search(content)
    consecutive = len(content) >= CONSECUTIVE_MIN_CHARS and _STOPPED_ENTRY.search(content)
    opening = (
        _LIST_MARKER.match(content)
        or _OPENING_NUMBER.match(content)
        or _OPENING_ITEM.match(content)
    )
    page_breaks = [
        at for match in _PAGE_BREAK.finditer(content) for at in (match.start(), match.end())
    ]
    if (
        not run_on
        and capitals is None
        and bare is None
        and opening is None
        and not consecutive
        and not page_breaks
    ):
        return []
    cuts: set[int] = set(page_breaks)
    if run_on:
        entries = [match.start() for match in _ENTRY.finditer(content)]
        if len(entries) >= RUN_ON_MIN_ENTRIES:
            cuts.update(entries)
    if capitals is not None:
        cuts.update(match.start("entry") for match in _CAPITALS_ENTRY.finditer(content))
    if bare is not None:
        cuts.update(match.start() for match in _CAPITALS_BARE.finditer(content))
    cuts.update(_list_markers(content))
    cuts.update(_successors(content))
    cuts.update(_inline_sub_items(content))
    cuts.update(_page_entries(content))
    if not run_on:
        cuts.update(_consecutive_entries(content))
    # no entry inside a flattened page's running title ("3 X MINUTES OF THE LEVEL 1 MEETING")
    title_end = page_opening_end(content)
    return sorted(cut for cut in cuts if max(0, title_end - 1) < cut < len(content))


def _successors(content: str) -> list[int]:
    """Where the next item numbers run on in a line that opens with one ("3. Road Safety
    Priorities 4. Work Programme"): each before a capital letter."""
    opening = _OPENING_NUMBER.match(content)
    if opening is None:
        return []
    found: list[int] = []
    position = opening.end()
    mark = opening.group("mark")
    for number in range(int(opening.group("number")) + 1, 1000)[:MAX_SUCCESSORS]:
        at = content.find(f" {number}{mark} ", position)
        if at < 0 or not content[at + len(str(number)) + 3 : at + len(str(number)) + 4].isupper():
            break
        found.append(at + 1)
        position = at + 1
    return found


def _page_entries(content: str) -> list[int]:
    """Where the items of a page flattened under its page number run on, numbered without
    stops from 1 ("1 EASTSHIRE BOARD MEETING ... Minutes of the meeting held on ... Start:
    11:00 hrs approx. 1 Agenda and Announcements The Chair ... noted. 2 Minutes of the
    Board"): each number after a sentence's end, before a capital, in turn."""
    if not page_opening(content):
        return []
    found: list[int] = []
    position = len(content.split(None, 1)[0])
    for number in range(1, MAX_SUCCESSORS + 1):
        entry = re.compile(rf"(?<=[.!?)\]] ){number} (?=[A-Z])")
        match = entry.search(content, position)
        if match is None:
            break
        found.append(match.start())
        position = match.end()
    return found


def _consecutive_entries(content: str) -> list[int]:
    """Where a short agenda run onto one line numbers its entries one after another ("AGENDA
    1. Apologies 2. Declarations of Interest 3. Minutes 4. Precept"): before each number
    of the longest run of consecutive numbers with a stop, three at least."""
    matches = list(_STOPPED_ENTRY.finditer(content))
    if len(matches) < RUN_ON_MIN_ENTRIES:
        return []
    # per number: the positions of the longest run of consecutive numbers ending there
    runs: dict[int, list[int]] = {}
    for match in matches:
        number = int(match.group("number"))
        run = [*runs.get(number - 1, []), match.start()]
        if len(run) > len(runs.get(number, [])):
            runs[number] = run
    best = max(runs.values(), key=len)
    return best if len(best) >= RUN_ON_MIN_ENTRIES else []


def _inline_sub_items(content: str) -> list[int]:
    """Where lettered sub-items run on in an item's line ("3 Declarations of Interests (a)
    Disclosable Pecuniary Interests (b) Other Interests"): "(a)", "(b)" ... in turn, each
    before a capital, two of them at least."""
    if _OPENING_ITEM.match(content) is None:
        return []
    found: list[int] = []
    position = 0
    for letter in _LETTERS[:MAX_LIST_MARKERS]:
        at = content.find(f" ({letter}) ", position)
        if at < 0 or not content[at + 5 : at + 6].isupper():
            break
        found.append(at + 1)
        position = at + 1
    return found if len(found) >= 2 else []


def _list_markers(content: str) -> list[int]:
    """Where the successors of the list marker opening ``content`` run on in it."""
    opening = _LIST_MARKER.match(content)
    if opening is None:
        return []
    marker = opening.group("marker")
    if marker in _ROMANS[:1] or (len(marker) > 1 and marker in ROMAN):
        sequence: Sequence[str] = _ROMANS
    elif len(marker) == 1:
        sequence = _LETTERS
    else:
        return []
    left = "(" if opening.group("open") else ""
    found: list[int] = []
    position = opening.end()
    for following in sequence[sequence.index(marker) + 1 :][:MAX_LIST_MARKERS]:
        at = content.find(f" {left}{following}) ", position)
        if at < 0:
            break
        found.append(at + 1)
        position = at + 1
    return found
