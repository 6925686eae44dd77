"""Line-level repairs: cells, page numbers, running headers, broken lines, blank runs.

A line is a tuple of cells (the tab-separated parts of a table row, or one cell for a
paragraph); a blank line is ``()`` and a page break is ``PAGE_BREAK``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ingest.clean.chars import BULLET, PAGE_BREAK_MARK, normalise_bullet
from ingest.clean.places import Place, RemovalKind
from ingest.clean.sentences import TERMINAL_PUNCTUATION, ends_mid_sentence, join_continuation

Line = tuple[str, ...]
PAGE_BREAK: Line = (PAGE_BREAK_MARK,)
# The places of a line's cells.
Places = tuple[Place, ...]

# Blank lines a broken sentence may span and still be rejoined (more with a page break).
MAX_JOIN_BLANKS = 2
# Blank lines kept of a longer run: one for a paragraph's break, two for a wider gap.
_KEPT_BLANKS = 2
# A running header or footer: a short line seen at least this often, at least this many
# content lines apart each time (once a page).
HEADER_MIN_REPEATS = 3
HEADER_MAX_CHARS = 120
HEADER_MIN_GAP = 3
# Bare numbers counting up by one fewer than this many characters apart number items or
# minutes ("4" / "The Committee approved ..." / "5"), not pages.
PAGE_MIN_CHARS = 1200

_PAGE_NUMBER = re.compile(
    r"(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?"
    r"|[-–—]\s*\d{1,3}\s*[-–—]"
    r"|\d{1,3}\s*\|\s*page"
    r"|page\s*\|\s*\d{1,3}",
    re.IGNORECASE,
)
_PAGE_OF_PAGES = re.compile(r"(?:page\s*)?(\d{1,3})\s*(?:of|/)\s*(\d{1,3})", re.IGNORECASE)
# A number standing alone, perhaps over another ("15/24"): a page's or an item's.
_BARE_NUMBER = re.compile(r"(\d{1,3})(?:\s*/\s*(\d{1,3}))?")
_ITEM_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?")
_NUMBERED_TITLE = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?\s+\S")
# A numbered title led by a label and perhaps a reference: "2.2 Action 7: MM to share ...".
_LABELLED_TITLE = re.compile(
    r"\d{1,3}(?:\.\d{1,3})*\.?\s+[A-Za-z][A-Za-z /&]{0,25}?(?:\s+[A-Z]{0,4}\s?\d[\w./-]*)?\s*:\s*\S"
)
HEADING_MAX_WORDS = 12
LABELLED_HEADING_MAX_WORDS = 40
# Words a line cannot end with unless its sentence goes on in the next line.
_CONNECTOR_END = re.compile(
    r"(?:^|\s)(?:the|a|an|of|to|and|or|at|on|in|by|for|with|from|than|per)$"
)
# A line of prose ending in a figure after a lower-case word ("The DCC said that 25") goes
# on with what the figure counts; a clock time ("closed at 12.40") ends a sentence.
_FIGURE_END = re.compile(r"(?:^|\s)[a-z][\w'’-]*\s+(?![\d]{1,2}[.:]\d\d$)\d[\d,]*(?:\.\d+)?$")
FIGURE_LINE_MIN_WORDS = 6
_SENTENCE_INSIDE = re.compile(r"[a-z)][.!?]\s+[A-Z]")
_THAT_OR_VERB = re.compile(
    r"\b(?:that|was|were|is|are|had|has|have|said|reported|recorded|reached|stood|totalled)\b"
)
# A date broken before its year ("... held on 4 December" / "2023 were agreed ...") or
# before its month ("... by 10" / "August 2018.").
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
_DAY_MONTH_END = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}$")
_YEAR_START = re.compile(r"(?:19|20)\d\d\b")
_DAY_END = re.compile(r"\b(?:by|on|before|from|until|to|of)\s+\d{1,2}(?:st|nd|rd|th)?$")
_MONTH_START = re.compile(rf"{_MONTHS}\b")
_NEW_BLOCK_START = re.compile(r"[\d£(]")
_NUMBERED_START = re.compile(r"\d{1,3}(?:(?:\.\d{1,3})+\.?|[.)])(?:\s|$)")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s")
_LOWER_LIST_MARKER = re.compile(r"(?:[a-z]|[ivx]{1,4})[).]\s|o\s+[A-Z]")
_LETTER = re.compile(r"[^\W\d_]")


def split_lines(text: str) -> tuple[list[Line], list[Places]]:
    """Lines of cells: whitespace inside a cell collapsed, empty cells dropped.

    With each line, the places of its cells: the line's number and each cell's number
    among the tab-separated parts, so removals can be traced back to the text.
    """
    lines: list[Line] = []
    places: list[Places] = []
    for number, raw in enumerate(text.split("\n")):
        if raw.strip(" \t") == PAGE_BREAK_MARK:
            lines.append(PAGE_BREAK)
            places.append(())
            continue
        cells = [" ".join(normalise_bullet(part).split()) for part in raw.split("\t")]
        kept = [index for index, cell in enumerate(cells) if cell]
        lines.append(tuple(cells[index] for index in kept))
        places.append(tuple(Place(number, index) for index in kept))
    return lines, places


def render(lines: list[Line]) -> str:
    """The text of the lines: cells joined by one tab, lines by one line feed."""
    return "\n".join("\t".join(line) for line in lines if line != PAGE_BREAK)


def is_content(line: Line) -> bool:
    return bool(line) and line != PAGE_BREAK


def is_item_heading(line: Line) -> bool:
    """A numbered agenda heading ("1.2<tab>Title" or "2. Title") or a Markdown heading."""
    if not is_content(line):
        return False
    first = line[0]
    if len(line) >= 2 and _ITEM_NUMBER.fullmatch(first):
        return True
    if _MARKDOWN_HEADING.match(first):
        return True
    if len(line) != 1 or not _NUMBERED_TITLE.match(first) or not ends_mid_sentence(first):
        return False
    words = len(first.split())
    return words <= HEADING_MAX_WORDS or (
        words <= LABELLED_HEADING_MAX_WORDS and bool(_LABELLED_TITLE.match(first))
    )


@dataclass
class PageArtifacts:
    page_numbers: int = 0
    headers: Counter[str] = field(default_factory=Counter)
    # The index of each line dropped, and whether it was a page number or a header.
    dropped: list[tuple[int, RemovalKind]] = field(default_factory=list)


def _is_page_number(line: Line) -> bool:
    """A bare page number ("3", "Page 3 of 7", "- 3 -"); "59/16" is a minute number, as no
    page 59 of 16 exists."""
    if len(line) != 1 or not _PAGE_NUMBER.fullmatch(line[0]):
        return False
    of_pages = _PAGE_OF_PAGES.fullmatch(line[0])
    return of_pages is None or int(of_pages.group(1)) <= int(of_pages.group(2))


def _could_be_running_header(line: Line) -> bool:
    """A short line that could head or foot a page: not a sentence, a label leading into
    the text ("The Committee resolved:-"), a line whose sentence goes on ("... more of
    a"), a bullet or an agenda heading."""
    if len(line) != 1:
        return False
    text = line[0]
    return (
        len(text) < HEADER_MAX_CHARS
        and text.rstrip("-–—")[-1:] not in TERMINAL_PUNCTUATION + ","
        and not text.startswith((BULLET, "-", "*"))
        and len(_LETTER.findall(text)) >= 4
        and not _CONNECTOR_END.search(text)
        and not is_item_heading(line)
    )


def _spread_out(lines: list[Line], repeated: set[Line]) -> set[Line]:
    """The repeated lines seen at least ``HEADER_MIN_GAP`` content lines apart each time:
    a page's header comes once a page; a name or label listed again and again does not."""
    last_seen: dict[Line, int] = {}
    close: set[Line] = set()
    content = 0
    for line in lines:
        if not is_content(line):
            continue
        content += 1
        if line in repeated:
            if content - last_seen.get(line, -HEADER_MIN_GAP) < HEADER_MIN_GAP:
                close.add(line)
            last_seen[line] = content
    return repeated - close


def _item_numbers(lines: list[Line], furniture: set[Line]) -> set[int]:
    """Indices of bare numbers that number items or minutes rather than pages.

    Two bare numbers counting up by one ("4" ... "5", "15/24" ... "16/24") fewer than
    ``PAGE_MIN_CHARS`` apart are item numbers, unless a page break or a running header
    or footer stands next to one of them. A bare number over the bare number of its own
    first paragraphs ("2" / "2.1") heads an item wherever it stands: a table's number
    column extracted ahead of its text, under the table's repeated head ("Item", "Minute").
    """
    stacked = {
        index
        for index, line in enumerate(lines)
        if len(line) == 1
        and _BARE_NUMBER.fullmatch(line[0]) is not None
        and (following := _next_content(lines, index, 1)) is not None
        and _first_paragraph_of(line[0], following)
    }
    found: set[int] = set()
    previous: tuple[int, int, str | None, int] | None = None
    position = 0
    for index, line in enumerate(lines):
        if not is_content(line):
            continue
        number = _BARE_NUMBER.fullmatch(line[0]) if len(line) == 1 else None
        if number is not None:
            value, over = int(number.group(1)), number.group(2)
            if (
                previous is not None
                and value == previous[1] + 1
                and over == previous[2]
                and position - previous[3] < PAGE_MIN_CHARS
            ):
                found.update((previous[0], index))
            previous = (index, value, over, position)
        position += sum(map(len, line)) + 1
    kept = {index for index in found if not _beside_furniture(lines, index, furniture)}
    return kept | stacked


def _first_paragraph_of(number: str, line: Line) -> bool:
    """Whether ``line`` is only the number of one of item ``number``'s paragraphs ("2.1")."""
    item, stop, paragraph = line[0].partition(".") if len(line) == 1 else ("", "", "")
    return bool(stop) and item == number and paragraph.isdigit() and len(paragraph) <= 2


def _beside_furniture(lines: list[Line], index: int, furniture: set[Line]) -> bool:
    for step in (-1, 1):
        neighbour = _next_content(lines, index, step)
        if neighbour is None or neighbour == PAGE_BREAK or neighbour in furniture:
            return True
        position = index + step
        while 0 <= position < len(lines) and not lines[position]:
            position += step
        if 0 <= position < len(lines) and lines[position] == PAGE_BREAK:
            return True
    return False


def _near_page_break(lines: list[Line], index: int, reach: int = 3) -> bool:
    """True when a page break (or either end of the text) is within ``reach`` content lines."""
    for step in (-1, 1):
        seen = 0
        position = index + step
        while 0 <= position < len(lines):
            if lines[position] == PAGE_BREAK:
                return True
            if lines[position]:
                seen += 1
                if seen > reach:
                    break
            position += step
        else:
            return True
    return False


def _next_content(lines: list[Line], index: int, step: int) -> Line | None:
    position = index + step
    while 0 <= position < len(lines):
        if lines[position]:
            return lines[position]
        position += step
    return None


def _footers_by_page_numbers(lines: list[Line], counts: Counter[Line]) -> set[Line]:
    """Short lines seen twice, each time beside a bare page number (a two-page footer)."""
    beside: Counter[Line] = Counter()
    for index, line in enumerate(lines):
        if counts[line] != 2:
            continue
        neighbours = (_next_content(lines, index, -1), _next_content(lines, index, 1))
        if any(n is not None and _is_page_number(n) for n in neighbours):
            beside[line] += 1
    return {line for line, count in beside.items() if count == 2}


# A portal's attendance: under "Meeting Attendees", a block per person whose lines give
# their role on the body and their status ("Committee Member" / "Councillor Jo Hale" /
# "Rye Council" / "Present, as expected"). Those lines repeat from block to block as a
# running header does, but each belongs to its person.
_ATTENDANCE_HEADING = re.compile(
    r"(?:meeting\s+)?(?:attendees|attendance|present|members\s+present)\s*:?", re.IGNORECASE
)
_PERSON_STATUS = re.compile(
    r"present(?:,?\s+(?:not\s+)?as\s+expected)?|attended|in\s+attendance|expected|"
    r"apologies(?:\s+received)?|absent|did\s+not\s+attend|not\s+present|substitute|"
    r"(?:(?:committee|panel|board|co-?opted|independent|ex[- ]officio)\s+)*members?|"
    r"(?:vice[- ]?)?chair(?:man|person|woman)?",
    re.IGNORECASE,
)
# Content lines a person's block holds between two status lines, at most.
STATUS_BLOCK_MAX_LINES = 10
# The statuses that close a person's block where no heading stands above the blocks.
_CLOSING_STATUS = re.compile(
    r"present(?:,?\s+(?:not\s+)?as\s+expected)?|attended|in\s+attendance|"
    r"apologies(?:\s+received)?|absent|did\s+not\s+attend|not\s+present|"
    r"not\s+(?:required|expected)",
    re.IGNORECASE,
)
# Content lines of a person's block with no heading above (name, council, role), at most.
UNHEADED_BLOCK_MAX_LINES = 4
# Words of a line of such a block, at most.
UNHEADED_BLOCK_MAX_WORDS = 8


def _is_closing_status(line: Line) -> bool:
    return len(line) == 1 and bool(_CLOSING_STATUS.fullmatch(line[0].strip()))


def _unheaded_statuses(lines: list[Line]) -> set[int]:
    """Indices of the status lines of person blocks that stand with no heading above them
    ("Jo Hale" / "Rye Council" / "Apologies"), when two or more such blocks follow one
    another: each block of one to ``UNHEADED_BLOCK_MAX_LINES`` short lines, one of them
    starting with a capital."""
    found: set[int] = set()
    run: list[int] = []
    block: list[Line] = []
    for index, line in enumerate(lines):
        if not is_content(line):
            continue
        if _is_closing_status(line):
            short = all(len(" ".join(part).split()) <= UNHEADED_BLOCK_MAX_WORDS for part in block)
            if block and short and any(part[0][:1].isupper() for part in block):
                run.append(index)
            else:
                if len(run) >= 2:
                    found.update(run)
                run = []
            block = []
            continue
        block.append(line)
        if len(block) > UNHEADED_BLOCK_MAX_LINES:
            if len(run) >= 2:
                found.update(run)
            run = []
            del block[0]  # (the first block of a run is read back from its status)
    if len(run) >= 2:
        found.update(run)
    return found


def _attendance_statuses(lines: list[Line]) -> set[int]:
    """Indices of the status and role lines of the person blocks under an attendance
    heading: the block goes on while such lines keep coming, at most
    ``STATUS_BLOCK_MAX_LINES`` content lines apart; and of the status lines of blocks
    with no heading (``_unheaded_statuses``)."""
    found = _unheaded_statuses(lines)
    for start, heading in enumerate(lines):
        if len(heading) != 1 or not _ATTENDANCE_HEADING.fullmatch(heading[0].strip()):
            continue
        since = 0
        for index in range(start + 1, len(lines)):
            line = lines[index]
            if not is_content(line):
                continue
            if len(line) == 1 and _PERSON_STATUS.fullmatch(line[0].strip()):
                found.add(index)
                since = 0
                continue
            since += 1
            if since > STATUS_BLOCK_MAX_LINES:
                break
    return found


# A body's name in a running title: "POLICE AND CRIME PANEL – 19 NOVEMBER 2014".
_BODY_NAME = re.compile(
    r"\b(?:panel|committee|sub-committee|board|authority|commission)\b", re.IGNORECASE
)
# Content lines of the first page within which a running title naming the body is the
# record's own title.
TITLE_LINES = 6


def _running_title(lines: list[Line], repeated: set[Line]) -> int:
    """The index of the first printing of a running header that names the body, when it
    stands among the first content lines (under a site's or a viewer's furniture): the
    record's only title, kept once; -1 when there is none."""
    seen = 0
    for index, line in enumerate(lines):
        if not is_content(line):
            continue
        if line in repeated and _BODY_NAME.search(line[0]):
            return index
        seen += 1
        if seen >= TITLE_LINES:
            break
    return -1


def drop_page_artifacts(lines: list[Line]) -> tuple[list[Line], PageArtifacts]:
    """Replace bare page numbers and running headers/footers by page breaks.

    A running header is a short line repeated verbatim at least ``HEADER_MIN_REPEATS``
    times (never twice within ``HEADER_MIN_GAP`` lines), or twice when a bare page number
    stands beside it each time; its first occurrence stays when it is the first line of
    the document (the title), or when it names the body and stands among the first lines
    under a page's furniture (``_running_title``). When the text marks its page breaks,
    only lines next to them count. Bare numbers counting items (``_item_numbers``) stay.
    """
    found = PageArtifacts()
    counts = Counter(line for line in lines if _could_be_running_header(line))
    repeated = {line for line, count in counts.items() if count >= HEADER_MIN_REPEATS}
    repeated = _spread_out(lines, repeated) | _footers_by_page_numbers(lines, counts)
    if PAGE_BREAK in lines and repeated:
        near = Counter(
            line
            for index, line in enumerate(lines)
            if line in repeated and _near_page_break(lines, index)
        )
        repeated = {line for line in repeated if near[line] >= 2}
    first_content = next((index for index, line in enumerate(lines) if is_content(line)), -1)
    title = _running_title(lines, repeated)
    items = _item_numbers(lines, repeated)
    statuses = _attendance_statuses(lines) if repeated else set()
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if _is_page_number(line) and index not in items:
            found.page_numbers += 1
            found.dropped.append((index, RemovalKind.PAGE_NUMBER))
            kept.append(PAGE_BREAK)
        elif line in repeated and index not in (first_content, title) and index not in statuses:
            found.headers[line[0]] += 1
            found.dropped.append((index, RemovalKind.RUNNING_HEADER))
            kept.append(PAGE_BREAK)
        else:
            kept.append(line)
    return kept, found


@dataclass
class Joins:
    broken_lines: int = 0
    hyphenated_words: int = 0


def starts_as_continuation(text: str) -> bool:
    """True when a line starts like the rest of a sentence (lower case, not a list marker)."""
    return text[:1].islower() and not _LOWER_LIST_MARKER.match(text)


def _reads_as_prose(text: str) -> bool:
    """A line of running text rather than a title ending in a figure ("... quarter 3")."""
    return len(text.split()) >= FIGURE_LINE_MIN_WORDS and (
        bool(_SENTENCE_INSIDE.search(text)) or bool(_THAT_OR_VERB.search(text))
    )


def _continues(previous: Line, line: Line) -> bool:
    """True when ``line`` carries on the sentence that ``previous`` left unfinished.

    The line starts in lower case, or the line before ends with a word no sentence ends
    with ("... held on Thursday 8 June 2023 at" / "14:00.", "... referrals to the" /
    "Independent ...") or with a figure ("The DCC said that 25" / "Organised Crime Groups
    ...") and the line does not open an agenda item.
    """
    if len(line) != 1 or not ends_mid_sentence(previous[-1]):
        return False
    text = line[0]
    if starts_as_continuation(text):
        return True
    before = previous[-1]
    if len(previous) != 1 or is_item_heading(previous):
        return False  # a table row or a heading ("Item 5<tab>Report, quarter 3")
    if _DAY_MONTH_END.search(before) and _YEAR_START.match(text):
        return True
    if _DAY_END.search(before) and _MONTH_START.match(text):
        return True
    open_end = bool(_CONNECTOR_END.search(before)) or (
        _reads_as_prose(before) and bool(_FIGURE_END.search(before))
    )
    return (
        open_end
        and (text[:1].isupper() or bool(_NEW_BLOCK_START.match(text)))
        and not text.startswith(BULLET)
        and not is_item_heading(line)
        and not _NUMBERED_START.match(text)
    )


def _join(previous: Line, continuation: str, joins: Joins) -> Line:
    merged, dehyphenated = join_continuation(previous[-1], continuation)
    if dehyphenated:
        joins.hyphenated_words += 1
    else:
        joins.broken_lines += 1
    return (*previous[:-1], merged)


def join_broken_lines(lines: list[Line]) -> tuple[list[Line], Joins]:
    """Rejoin sentences broken across lines, blank lines or page breaks; collapse blank runs.

    A line is joined to the one before when it is a single cell starting with a lower-case
    letter and the one before ends without sentence-final punctuation; at most
    ``MAX_JOIN_BLANKS`` blank lines may lie between, or any number around a page break.
    A word hyphenated at the line end is rejoined without its hyphen. Page breaks go.
    Blank runs become one blank line, or two where there were two or more, except before a
    line left unjoined because of a longer gap: that gap stays longer than ``MAX_JOIN_BLANKS``.
    """
    joins = Joins()
    out: list[Line] = []
    blanks = 0
    page_break = False
    for line in lines:
        if line == PAGE_BREAK:
            page_break = True
            continue
        if not line:
            blanks += 1
            continue
        continues = bool(out) and _continues(out[-1], line)
        if continues and (blanks <= MAX_JOIN_BLANKS or page_break):
            out[-1] = _join(out[-1], line[0], joins)
        else:
            if continues and not page_break:
                # Keep the long gap visible, so cleaning again does not join across it.
                out.extend([()] * (MAX_JOIN_BLANKS + 1))
            elif out and blanks:
                # (a wider gap stays wider than a paragraph's: a page that lost the headings
                # of its tables keeps them apart by it)
                out.extend([()] * min(blanks, _KEPT_BLANKS))
            out.append(line)
        blanks = 0
        page_break = False
    return out, joins
