"""Agenda items: numbered headings ("1.", "1.1", "Item 3", "3)", "Agenda item 4:", minute
numbers "139." and minute references "PCP 23/21" or "PCB 21/03") or, in documents without
numbering, short unnumbered headings followed by prose.

Numbered lines are candidates; the items are the best increasing sequence of them, so
numbered lists inside an item, action-table rows and page numbers that go back to 1 are
not taken for items. A sub-numbered line that is a paragraph of prose ("2.1 The PCC
noted that ... .", or the first line of one wrapped at the page width) stays in its
parent's text; a sub-numbered heading becomes a child item. An action log under a heading
of its own after the last item ("Action Log") belongs to no item.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.draft import ItemDraft, Span
from ingest.parse.dates import MONTH_PATTERN
from ingest.parse.lines import Line, first_sentence, is_prose, next_nonblank, sentence_count
from ingest.parse.people import looks_like_name
from ingest.parse.tables import Table, find_tables, rows_in_tables

MAX_NUMBER_GAP = 3
TITLE_MAX_CHARS = 120

# Minute numbers of councils and panels run into the hundreds ("139. Declarations").
_NUMBER = r"(?P<num>\d{1,3}(?:\.\d{1,2}){0,3})"
_ITEM_WORD = re.compile(
    rf"^(?:agenda\s+)?item\s+(?:no\.?\s*)?{_NUMBER}\.?(?:\s*[:.)\-–—]\s*|\t|\s+|$)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_NUMBERED = re.compile(
    rf"^\(?{_NUMBER}(?:\.(?=\s|$)|\)|:)?(?:\s*[-–—:]\s+|\s+|$)(?P<rest>.*)$", re.DOTALL
)
# "PCP 23/21" (number/year) or "PCB 21/03" (year/number): whichever part changes from
# minute to minute is the number.
_MINUTE_REFERENCE = re.compile(
    r"^(?:minute\s+)?(?:[A-Z]{2,8}\s*)?(?P<num>\d{1,3})/(?P<second>\d{4}|\d{2,3})(?![\d/])[.:]?"
    r"(?:\s*[-–—:]\s*|\s+)(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_NOT_A_TITLE_START = re.compile(
    rf"^(?:{MONTH_PATTERN}|%|per\s*cent|am\b|pm\b|hrs?\b|(?-i:[a-z])|[,.;:/£$])", re.IGNORECASE
)
_LOWER_START = re.compile(r"^[a-z]")
# "Update:", "Action 3:", "Action AP 21/03/01 -": a label, perhaps with a reference.
_LABEL_TITLE = re.compile(
    r"^[A-Za-z][A-Za-z /&]{0,25}?(?:\s+[A-Z]{0,4}\s?\d[\w./-]*)?\s*(?:-\s*)?:"
)
_FINITE_VERB = re.compile(
    r"\b(?:said|asked|noted|reported|explained|confirmed|agreed|presented|welcomed|referred|"
    r"updated|thanked|stated|advised|informed|responded|replied|questioned|queried|commented|"
    r"highlighted|acknowledged|outlined|described|suggested|requested|accepted|recognised|"
    r"emphasised|indicated|assured|challenged|continued|sought|expressed|felt|thought|"
    r"believed|remained|was|were|had|has|have|is|are|would|will)\b"
    r"|\b(?!held\b)[a-z]{3,}ed\s+(?:that|whether|how|why|if)\b"
)
# Short answers that are paragraphs, not titles ("4.1 None.").
_ANSWER = re.compile(r"^(?:none|nil|noted|agreed|approved|n/a|no|not applicable)\.?$", re.I)
# A line of a page wrapped mid-sentence is about as long as the next one; a heading
# over a paragraph of a Word document is much shorter than the paragraph.
WRAPPED_MIN_WORDS = 10
WRAPPED_MIN_CHARS = 60
WRAPPED_LENGTH_RATIO = 1.25
_NEW_LINE_BLOCK = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,2})*[.)]?\s|[A-Z][A-Za-z /&]{0,25}:|action\b|item\s+\d)", re.I
)
_ENDS_BLOCK = re.compile(r"[.!?:;)\]]$")
_HEADING_STOP = re.compile(r"[.,;]$")
_NON_ITEM_HEADINGS = re.compile(
    r"^(?:attendance|attendees|present|apologies|in attendance|members|contents|"
    r"table of contents|distribution|circulation|minutes|agenda|notes)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Candidate:
    line: Line
    number: tuple[int, ...]
    number_text: str
    title: str
    title_line: Line | None
    heading: bool
    has_body: bool = False
    """Text follows before the next numbered line (a list entry has none)."""

    @property
    def last_line(self) -> Line:
        return self.title_line or self.line


def _title_on_next_line(lines: Sequence[Line], line: Line) -> Line | None:
    following = next_nonblank(lines, line.index)
    if following is None or following.index - line.index > 2 or len(following.cells) > 1:
        return None
    content = following.content
    numbered = _NUMBERED.match(content) or _ITEM_WORD.match(content)
    if numbered or _MINUTE_REFERENCE.match(content) or len(content.split()) > 15:
        return None
    if _NOT_A_TITLE_START.match(content) or is_prose(content):
        return None
    return following


def _wrapped_line(title: str, line: Line, following: Line | None) -> bool:
    """Whether the line is the first line of a paragraph wrapped at the page width: the
    next line carries the sentence on (in lower case, or as long a line as this one)."""
    if following is None or following.index != line.index + 1:
        return False
    if re.match(r"^[a-z(]", following.content):
        return True
    return (
        len(title.split()) >= WRAPPED_MIN_WORDS
        and len(line.content) >= WRAPPED_MIN_CHARS
        and len(following.cells) == 1
        and not following.bullet
        and not following.heading_level
        and not _NEW_LINE_BLOCK.match(following.content)
        and len(following.content) <= WRAPPED_LENGTH_RATIO * len(line.content)
        and re.search(r"[.!?:;]$", title) is None
    )


def _labelled_sentence(candidate: _Candidate) -> bool:
    title = candidate.title
    return bool(_LABEL_TITLE.match(title)) and title.rstrip().endswith(".")


def _is_heading(title: str, line: Line, following: Line | None) -> bool:
    """A heading rather than a numbered paragraph of prose."""
    if line.heading_level or _LABEL_TITLE.match(title):
        return True
    words = len(title.split())
    if words >= 25 or sentence_count(title) >= 2 or _ANSWER.match(title):
        return False
    if title.rstrip().endswith((".", ";")) and words >= 5:
        return False
    if words >= 8 and _FINITE_VERB.search(title):
        return False
    return not _wrapped_line(title, line, following)


def _numbered_by_second_part(lines: Sequence[Line]) -> bool:
    """Whether minute references put the year first ("PCB 21/03", "PCB 21/04"): the first
    part is the same in all of them and the second part changes."""
    firsts: set[str] = set()
    seconds: set[str] = set()
    for line in lines:
        reference = _MINUTE_REFERENCE.match(line.content)
        if reference is not None and not line.bullet:
            firsts.add(reference.group("num"))
            seconds.add(reference.group("second"))
    return len(firsts) == 1 and len(seconds) >= 2


def _candidate(
    lines: Sequence[Line], line: Line, *, second_part: bool = False
) -> _Candidate | None:
    if line.blank or line.bullet:
        return None
    content = line.content
    reference = _MINUTE_REFERENCE.match(content)
    match = _ITEM_WORD.match(content) or reference or _NUMBERED.match(content)
    if match is None:
        return None
    number_text = match.group("num")
    numbering = number_text
    if reference is not None and match is reference:
        number_text = content[: reference.start("rest")].strip(" \t.:-–—")
        if second_part:
            numbering = reference.group("second")
    rest_cells = [cell.strip() for cell in match.group("rest").split("\t") if cell.strip()]
    title = rest_cells[0] if rest_cells else ""
    title_line: Line | None = None
    if not title:
        title_line = _title_on_next_line(lines, line)
        if title_line is None:
            return None
        title = title_line.content
    if _NOT_A_TITLE_START.match(title) or not any(ch.isalpha() for ch in title[:40]):
        return None
    number = tuple(int(part) for part in numbering.split("."))
    if number[0] == 0:
        return None
    title = re.sub(r"\s+", " ", title).strip(" -–—")
    following = next_nonblank(lines, (title_line or line).index)
    heading = _is_heading(title, title_line or line, following)
    has_body = following is not None and not (
        _NUMBERED.match(following.content)
        or _ITEM_WORD.match(following.content)
        or _MINUTE_REFERENCE.match(following.content)
    )
    return _Candidate(line, number, number_text, title, title_line, heading, has_body)


def _best_chain(candidates: Sequence[_Candidate], depth: int) -> list[_Candidate]:
    """The highest-scoring sequence of increasing numbers at ``depth`` (0 = top level).

    A candidate follows the best chain ending at a number up to ``MAX_NUMBER_GAP + 1``
    below its own (the earliest such chain on a tie), so the best chain ending at each
    number is kept as the candidates are read: linear in their count.
    """
    if not candidates:
        return []
    scores: list[float] = []
    previous: list[int | None] = []
    # Per number: the index of the earliest candidate with the highest score so far.
    best_at: dict[int, int] = {}
    for i, current in enumerate(candidates):
        value = current.number[depth]
        own = (3.0 if current.heading else 1.0) + (0.5 if current.has_body else 0.0)
        best_score = own - (value - 1) * 0.5 if value <= MAX_NUMBER_GAP + 1 else own - 2.0
        best_previous: int | None = None
        options = sorted(
            (j, value - candidates[j].number[depth])
            for gap in range(1, MAX_NUMBER_GAP + 2)
            if (j := best_at.get(value - gap)) is not None
        )
        for j, gap in options:
            score = scores[j] + own - (gap - 1) * 0.5
            if score > best_score:
                best_score, best_previous = score, j
        scores.append(best_score)
        previous.append(best_previous)
        holder = best_at.get(value)
        if holder is None or best_score > scores[holder]:
            best_at[value] = i
    end: int | None = max(range(len(candidates)), key=lambda k: (scores[k], -k))
    chain: list[_Candidate] = []
    while end is not None:
        chain.append(candidates[end])
        end = previous[end]
    return chain[::-1]


def _accept_top_level(chain: Sequence[_Candidate]) -> bool:
    if len(chain) >= 2:
        return sum(c.heading for c in chain) >= 1 or len(chain) >= 3
    return bool(chain) and chain[0].heading and chain[0].number[0] == 1


@dataclass(frozen=True)
class _Family:
    """Numbered candidates (in line order) under each number they extend by one part."""

    members: dict[tuple[int, ...], list[_Candidate]]
    lines: dict[tuple[int, ...], list[int]]

    @classmethod
    def of(cls, candidates: Sequence[_Candidate]) -> _Family:
        members: dict[tuple[int, ...], list[_Candidate]] = defaultdict(list)
        for candidate in candidates:
            members[candidate.number[:-1]].append(candidate)
        lines = {number: [c.line.index for c in group] for number, group in members.items()}
        return cls(dict(members), lines)

    def under(self, parent: _Candidate, stop_line: int) -> list[_Candidate]:
        """The candidates numbered ``parent.number`` + one part between its line and
        ``stop_line``."""
        group = self.members.get(parent.number, [])
        lines = self.lines.get(parent.number, [])
        return group[bisect_right(lines, parent.line.index) : bisect_left(lines, stop_line)]


def _children(parent: _Candidate, family: _Family, stop_line: int) -> list[_Candidate]:
    """Sub-items of ``parent`` (headings only) with their own sub-items, in order."""
    depth = len(parent.number)
    own = family.under(parent, stop_line)
    chosen: list[_Candidate] = []
    chain = _best_chain(own, depth)
    # Where some siblings are paragraphs of prose, a labelled sentence among them
    # ("4.2 ACTION 2: CFO to report the reserves strategy.") is one more paragraph.
    paragraphs = any(not child.heading for child in chain)
    for position, child in enumerate(chain):
        if not child.heading or (paragraphs and _labelled_sentence(child)):
            continue
        next_start = chain[position + 1].line.index if position + 1 < len(chain) else stop_line
        chosen.append(child)
        chosen.extend(_children(child, family, next_start))
    return chosen


def _numbered(lines: Sequence[Line], excluded: set[int]) -> list[_Candidate]:
    second_part = _numbered_by_second_part(lines)
    candidates = [
        c
        for line in lines
        if line.index not in excluded and (c := _candidate(lines, line, second_part=second_part))
    ]
    top = _best_chain([c for c in candidates if len(c.number) == 1], 0)
    if not _accept_top_level(top):
        return []
    family = _Family.of(candidates)
    chosen: list[_Candidate] = []
    for position, item in enumerate(top):
        stop = top[position + 1].line.index if position + 1 < len(top) else len(lines)
        chosen.append(item)
        chosen.extend(_children(item, family, stop))
    return chosen


def _plain_heading(lines: Sequence[Line], line: Line) -> bool:
    content = line.content
    words = len(content.split())
    if line.bullet or len(line.cells) != 1 or not 1 <= words <= 10 or len(content) > 90:
        return False
    if _LOWER_START.match(content) or not content[0].isalpha() or _HEADING_STOP.search(content):
        return False
    if (
        re.search(r":\s*\S", content)
        or looks_like_name(content)
        or _NON_ITEM_HEADINGS.match(content)
    ):
        return False
    previous = lines[line.index - 1] if line.index else None
    after_blank = previous is None or previous.blank
    if not after_blank and not _ENDS_BLOCK.search(previous.content if previous else ""):
        return False
    following = next_nonblank(lines, line.index)
    if following is None or len(following.cells) > 1:
        return False
    if is_prose(following.content) or following.bullet or following.words >= 8:
        return True
    # a heading set off by a blank line, over a short answer ("Any Other Business" / "None.")
    return after_blank and following.index == line.index + 1


def _unnumbered(lines: Sequence[Line], start: int, excluded: set[int]) -> list[_Candidate]:
    body = [line for line in lines[start:] if not line.blank and line.index not in excluded]
    marked = [
        line
        for line in body
        if line.heading_level
        and len(line.content.split()) <= 15
        and not _NON_ITEM_HEADINGS.match(line.content)
    ]
    headings = (
        marked if len(marked) >= 2 else [line for line in body if _plain_heading(lines, line)]
    )
    return [_Candidate(line, (), "", line.content.strip(" :"), None, True) for line in headings]


def _title_of(candidate: _Candidate) -> str:
    title = candidate.title
    if not candidate.heading:
        title = first_sentence(title)
    if len(title) > TITLE_MAX_CHARS:
        cut = title[:TITLE_MAX_CHARS].rsplit(" ", 1)[0]
        title = f"{cut}…"
    return title


def _trailing_section(lines: Sequence[Line], last: _Candidate, tables: Sequence[Table]) -> int:
    """Where the last numbered item ends when an action log follows it under a heading of
    its own ("Action Log", "Camau Gweithredu / Actions"): at that heading."""
    for table in tables:
        if table.kind != "action" or table.header <= last.last_line.index:
            continue
        heading = next((line for line in reversed(lines[: table.header]) if not line.blank), None)
        if (
            heading is not None
            and heading.index > last.last_line.index
            and len(heading.cells) == 1
            and heading.words <= 6
            and not re.search(r"[.:;,]$", heading.content)
            and _candidate(lines, heading) is None
        ):
            return heading.index
        break
    return len(lines)


def _build(
    text: str, lines: Sequence[Line], chosen: Sequence[_Candidate], end_line: int
) -> list[ItemDraft]:
    items: list[ItemDraft] = []
    index_by_number: dict[tuple[int, ...], int] = {}
    for position, candidate in enumerate(chosen):
        stop = chosen[position + 1].line.index if position + 1 < len(chosen) else end_line
        body = [line for line in lines[candidate.last_line.index + 1 : stop] if not line.blank]
        end = body[-1].content_end if body else candidate.last_line.content_end
        item_text = "\n".join(text[line.content_start : line.content_end] for line in body)
        parent = None
        for size in range(len(candidate.number) - 1, 0, -1):
            parent = index_by_number.get(candidate.number[:size])
            if parent is not None:
                break
        if candidate.number:
            index_by_number[candidate.number] = len(items)
        items.append(
            ItemDraft(
                number=candidate.number_text or None,
                title=_title_of(candidate),
                text=item_text,
                span=Span(candidate.line.content_start, end),
                parent=parent,
            )
        )
    return items


def parse_items(
    text: str, lines: Sequence[Line], *, body_start: int = 0, skip: Sequence[int] = ()
) -> list[ItemDraft]:
    """The agenda items of ``text`` (``lines`` from ``split_lines(text)``).

    ``body_start`` is the index of the first line after the header and attendance, where
    unnumbered headings may start; ``skip`` lists lines that are never item headings (the
    title lines).
    """
    tables = find_tables(lines)
    excluded = rows_in_tables(tables) | set(skip)
    chosen = _numbered(lines, excluded)
    if chosen:
        return _build(text, lines, chosen, _trailing_section(lines, chosen[-1], tables))
    return _build(text, lines, _unnumbered(lines, body_start, excluded), len(lines))
