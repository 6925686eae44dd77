"""Action-log tables, and the action fields that tables and prose share.

A table starts at a header row whose cells name its columns in any order and with the
usual synonyms ("No." / "Ref", "Action" / "Description", "Owner" / "Lead", "Due date" /
"Deadline", "Status" / "RAG", "Update" / "Comments"); the rows below it, up to a blank
or single-cell line, are actions. The field helpers read a status word ("Completed",
"Amber", "carried forward"), a due date ("by the end of March") and the meeting an
action came from ("the May 2020 Performance Meeting").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.draft import ActionDraft, ActionUpdateDraft, AttendeeDraft, Span
from ingest.parse.dates import MONTH_PATTERN, iter_dates, month_number
from ingest.parse.owners import resolve_owners
from records.enums import ActionStatus

__all__ = [
    "LoggedAction",
    "Origin",
    "due_date_in",
    "find_action_log",
    "origin_from_phrase",
    "status_from_text",
]

# --- status ----------------------------------------------------------------------------------

# (status, phrase, whether the phrase counts only in a status cell: "Green", "New")
_STATUS_WORDS: tuple[tuple[ActionStatus, str, bool], ...] = (
    (
        ActionStatus.OPEN,
        r"not\s+(?:yet\s+)?(?:been\s+)?(?:complete[d]?|closed|started|done)",
        False,
    ),
    (ActionStatus.OPEN, r"incomplete|remains?\s+open|still\s+open|re-?opened|outstanding", False),
    (ActionStatus.OPEN, r"overdue|not\s+started", False),
    (ActionStatus.CANCELLED, r"cancell?ed|withdrawn|no\s+longer\s+(?:required|needed)", False),
    (ActionStatus.CANCELLED, r"superseded", False),
    (
        ActionStatus.DEFERRED,
        r"deferred|carried\s+(?:forward|over)|c/f|rolled\s+(?:forward|over)",
        False,
    ),
    (ActionStatus.DEFERRED, r"postponed|on\s+hold", False),
    (
        ActionStatus.IN_PROGRESS,
        r"in\s+progress|on-?going|on\s+track|under\s*way|progressing",
        False,
    ),
    (ActionStatus.IN_PROGRESS, r"partially\s+(?:complete[d]?|met)", False),
    (ActionStatus.COMPLETED, r"complete[d]?|closed|discharged|signed\s+off", False),
    # "Action 497 to close.", "can now be closed": a report that it closes, not "to close
    # the gap in funding"
    (
        ActionStatus.COMPLETED,
        r"(?:to|can|may|should)\s+(?:now\s+)?(?:be\s+)?close(?=\s*(?:[.;,)]|$))",
        False,
    ),
    (ActionStatus.IN_PROGRESS, r"amber|started|brought\s+forward", True),
    (ActionStatus.COMPLETED, r"green|blue|done|achieved|finished|resolved|delivered", True),
    (ActionStatus.OPEN, r"open|new|red|pending|live|due|not\s+due", True),
)
_STATUS_PATTERNS = tuple(
    (status, re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE), cell_only)
    for status, words, cell_only in _STATUS_WORDS
)


def status_from_text(text: str, *, cell: bool = False) -> ActionStatus | None:
    """The status a status cell or a sentence states ("Complete", "Amber", "remains open").

    In a ``cell`` only the first three words count and RAG colours and words such as
    "New" or "Done" are read too ("Closed - report shared"); in a sentence the earliest
    status phrase wins ("remains open until ... is complete" is open).
    """
    scope = " ".join(text.split()[:3]) if cell else text
    best: tuple[int, int, ActionStatus] | None = None
    for rank, (status, pattern, cell_only) in enumerate(_STATUS_PATTERNS):
        if cell_only and not cell:
            continue
        match = pattern.search(scope)
        if match and (best is None or (match.start(), rank) < best[:2]):
            best = (match.start(), rank, status)
    return None if best is None else best[2]


# --- dates -----------------------------------------------------------------------------------

_MONTH_ALONE = re.compile(rf"(?<![\w-])(?P<month>{MONTH_PATTERN})(?!\s*\d)", re.IGNORECASE)
_DUE_CUE = re.compile(
    r"\b(?:by|before|due|deadline|no\s+later\s+than|ahead\s+of|until|end\s+of|in\s+time\s+for)"
    r"(?:\s+(?:the|a|an))?\s*(?:end\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
_END_OF = re.compile(r"\bend\s+(?:of\s+)?$", re.IGNORECASE)
_MEETING_CUE = re.compile(r"\b(?:at|to|for)\s+the\s+$", re.IGNORECASE)
_MEETING_AFTER = re.compile(
    r"\s+(?:[A-Z][\w&'-]*\s+){0,4}(?:meeting|board|panel|committee)\b", re.IGNORECASE
)
_CUE_WINDOW = 24


def _month_end(date: dt.date) -> dt.date:
    return date.replace(day=calendar.monthrange(date.year, date.month)[1])


def _shift_year(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def _on_or_after(date: dt.date, meeting_date: dt.date, *, has_day: bool) -> dt.date:
    """A yearless date moved to its next occurrence from the meeting (a bare month counts
    from the meeting's own month)."""
    threshold = meeting_date if has_day else meeting_date.replace(day=1)
    return date if date >= threshold else _shift_year(date, 1)


@dataclass(frozen=True)
class _DateFound:
    date: dt.date
    start: int
    end: int
    has_year: bool
    has_day: bool = True


def _dates_in(text: str, year: int) -> list[_DateFound]:
    """Dates in the text, and capitalised month names standing alone ("by March")."""
    found = [
        _DateFound(m.date, m.span[0], m.span[1], m.has_year, m.has_day)
        for m in iter_dates(text, default_year=year)
    ]
    taken = [(f.start, f.end) for f in found]
    for match in _MONTH_ALONE.finditer(text):
        token = match.group("month")
        number = month_number(token)
        if number is None or not token[:1].isupper():
            continue
        start = match.start("month")
        if any(s <= start < e for s, e in taken):
            continue
        found.append(_DateFound(dt.date(year, number, 1), start, match.end(), False, False))
    return sorted(found, key=lambda f: f.start)


def due_date_in(text: str, meeting_date: dt.date, *, need_cue: bool = True) -> dt.date | None:
    """The due date an action states ("by 31 March 2021", "by the end of March",
    "to the January Performance Meeting"); None for "by the next meeting".

    A date without a year is the next one after the meeting. "end of <month>" gives the
    last day of that month. In prose, a date after "by", "before", "due" ... wins; else the
    first date that is not before the meeting. A table cell (``need_cue`` False) gives its
    first date, past or not.
    """
    cued: list[dt.date] = []
    later: list[dt.date] = []
    for found in _dates_in(text, meeting_date.year):
        before = text[max(0, found.start - _CUE_WINDOW) : found.start]
        date = found.date
        if not found.has_year:
            date = _on_or_after(date, meeting_date, has_day=found.has_day)
        if _END_OF.search(before) and not found.has_day:
            date = _month_end(date)
        if not need_cue:
            return date
        if _DUE_CUE.search(before):
            cued.append(date)
        elif not found.has_day and not found.has_year:
            if _MEETING_CUE.search(before) and _MEETING_AFTER.match(text, found.end):
                cued.append(date)
        elif date >= meeting_date:
            later.append(date)
    chosen = cued or later
    return chosen[0] if chosen else None


# --- origin ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Origin:
    """The earlier meeting an action was raised at (either part may be unknown)."""

    title: str | None
    date: dt.date | None


_VAGUE_TITLES = {"meeting", "previous meeting", "last meeting", "that meeting", "this meeting"}
_TITLE_EDGES = re.compile(
    r"^(?:the|from|of|on|held\s+on|dated|in|minutes\s+of|notes\s+of)\b\s*"
    r"|\s*\b(?:of|on|held\s+on|held|dated|in|the)$",
    re.I,
)
_MEETING_WORD = re.compile(r"\b(?:meeting|board|panel|committee|group|forum|conference)\b", re.I)


def origin_from_phrase(phrase: str, meeting_date: dt.date) -> Origin:
    """ "the May 2020 Performance Meeting" -> ("Performance Meeting", 2020-05-01);
    "the 14 March 2022 meeting" -> (None, 2022-03-14). A date without a year is the last
    one before the meeting."""
    date: dt.date | None = None
    title_text = phrase
    dates = _dates_in(phrase, meeting_date.year)
    if dates:
        first = dates[0]
        date = first.date
        if not first.has_year and date >= meeting_date:
            date = _shift_year(date, -1)
        title_text = phrase[: first.start] + " " + phrase[first.end :]
    title_text = re.sub(r"\b(?:action|ref)\s+[\w.]*\d[\w.]*", " ", title_text, flags=re.IGNORECASE)
    title_text = re.sub(r"(?:\s*,)+", ",", title_text)
    title = re.sub(r"\s+", " ", title_text).strip(" ,:;.–—-()")
    for _ in range(3):
        title = _TITLE_EDGES.sub("", title).strip(" ,:;.–—-()")
    if title.lower() in _VAGUE_TITLES or not any(c.isupper() for c in title):
        title = ""
    if title and not _MEETING_WORD.search(title) and len(title.split()) > 6:
        title = ""
    return Origin(title or None, date)


# --- tables ----------------------------------------------------------------------------------

_COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "ref": ("no", "number", "ref", "reference", "#", "action no", "action number", "action ref",
            "ref no", "id", "item", "item no", "minute", "minute no", "minute ref"),
    "text": ("action", "actions", "description", "action description", "action required",
             "detail", "details", "action point", "action points", "task", "agreed action",
             "action agreed", "actions agreed", "summary", "action/decision"),
    "owner": ("owner", "owners", "owner(s)", "lead", "leads", "responsible", "responsibility",
              "action owner", "by whom", "who", "assigned to", "lead officer",
              "responsible officer", "action by", "officer", "officer(s)", "lead officer(s)",
              "person responsible", "responsible person", "action lead", "lead(s)", "owner/lead",
              "lead/owner", "who by", "responsible officer(s)", "action owner(s)"),
    "due": ("due", "due date", "deadline", "target date", "date due", "by when", "when",
            "completion date", "target", "timescale", "timescales", "due by", "target completion",
            "target completion date", "date for completion", "when by", "by date"),
    "status": ("status", "rag", "rag status", "current status", "status/update",
               "status / update", "progress"),
    "update": ("update", "updates", "comments", "comment", "progress update", "notes",
               "latest update", "commentary", "update/comments", "outcome"),
    "origin": ("date raised", "raised", "date added", "meeting", "meeting date", "origin",
               "date of meeting", "source", "date", "date agreed", "raised at"),
}  # fmt: skip
_COLUMN_BY_NAME = {name: role for role, names in _COLUMN_NAMES.items() for name in names}
_ORIGIN_NOTE = re.compile(
    r"\s*\((?:from\s+)?(?:(?:action|ref)\s+[\w.]+,?\s*)?(?:from\s+)?(?P<origin>[^()]*?\d{4}[^()]*)\)\s*$",
    re.IGNORECASE,
)
# "3", "3.1", "AP 4", "SRP 21/14", "PAB 22/06-1": a number, perhaps after a series code.
_REF_CELL = re.compile(
    r"^(?:action\s*|ap\s*|no\.?\s*)?(?P<ref>(?:[A-Z]{2,6}\s?)?[A-Z]?\d{1,3}(?:\.\d{1,3})*"
    r"(?:/\d{1,3}){0,2}(?:-\d{1,3})?[a-z]?)\.?$",
    re.I,
)


@dataclass(frozen=True)
class _Cell:
    text: str
    start: int
    end: int


@dataclass
class LoggedAction:
    """An action read from a table row; ``origin_reference`` is the earlier number it cites."""

    draft: ActionDraft
    origin_reference: str | None = None
    status_given: bool = False
    warnings: list[str] = field(default_factory=list)


_SLASH = re.compile(r"(?<=\s)/(?=\s)")


def _slash_cells(text: str, start: int, end: int) -> list[_Cell]:
    """The cells of a line flattened with " / " between them ("3 / Provide the figures /
    DCC / Open"), empty ones kept, with exact offsets."""
    cells: list[_Cell] = []
    position = start
    for separator in [*_SLASH.finditer(text, start, end), None]:
        stop = separator.start() if separator else end
        piece = text[position:stop]
        lead = len(piece) - len(piece.lstrip())
        core = piece.strip()
        cells.append(_Cell(core, position + lead, position + lead + len(core)))
        position = separator.end() if separator else end
    return cells


def _row_cells(text: str, start: int, end: int, *, slashed: bool = False) -> list[_Cell]:
    """The cells of one line, empty ones kept, with exact offsets; ``slashed`` for a table
    flattened with " / " between its cells."""
    line = text[start:end]
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        first = line.index("|")
        last = line.rindex("|")
        pieces, offset, separator = line[first + 1 : last], start + first + 1, "|"
    elif "\t" in line:
        pieces, offset, separator = line, start, "\t"
    elif slashed:
        return _slash_cells(
            text, start + len(line) - len(line.lstrip()), start + len(line.rstrip())
        )
    else:
        return []
    cells: list[_Cell] = []
    position = offset
    for piece in pieces.split(separator):
        lead = len(piece) - len(piece.lstrip())
        core = piece.strip().strip("*_").strip()
        inner_start = position + lead + (len(piece.strip()) - len(piece.strip().lstrip("*_")))
        cells.append(_Cell(core, inner_start, inner_start + len(core)))
        position += len(piece) + 1
    return cells


def _column_role(cell: str) -> str | None:
    """The role of a header cell; a bilingual cell ("Perchennog / Owner") by either half."""
    key = re.sub(r"\s+", " ", cell.lower().replace("’", "'")).strip(" .:*")
    role = _COLUMN_BY_NAME.get(key)
    if role is None and " / " in key:
        halves = (_COLUMN_BY_NAME.get(half.strip(" .:*")) for half in key.split(" / "))
        role = next((found for found in halves if found), None)
    return role


def _header_roles(cells: Sequence[_Cell]) -> list[str | None] | None:
    roles = [_column_role(c.text) if c.text else None for c in cells]
    named = [r for r in roles if r]
    unknown = sum(1 for c, r in zip(cells, roles, strict=True) if c.text and r is None)
    if "text" not in named or len(named) < 2 or unknown > 1 or len(set(named)) != len(named):
        return None
    if not {"owner", "due", "status", "update"} & set(named):
        return None
    return roles


def _is_rule(line: str) -> bool:
    return bool(re.fullmatch(r"\s*\|?[\s:|-]*-{3,}[\s:|-]*\|?\s*", line))


def _line_bounds(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    position = 0
    for raw in text.split("\n"):
        bounds.append((position, position + len(raw)))
        position += len(raw) + 1
    return bounds


def _logged(
    text: str,
    roles: Sequence[str | None],
    cells: Sequence[_Cell],
    span: Span,
    attendees: Sequence[AttendeeDraft],
    meeting_date: dt.date,
) -> LoggedAction | None:
    by_role: dict[str, _Cell] = {}
    for role, cell in zip(roles, cells, strict=False):
        if role and cell.text:
            by_role[role] = cell
    body = by_role.get("text")
    if body is None:
        return None
    description = body.text
    origin = Origin(None, None)
    origin_reference: str | None = None
    note = _ORIGIN_NOTE.search(description)
    if note:
        origin = origin_from_phrase(note.group("origin"), meeting_date)
        cited = re.search(r"\b(?:action|ref)\s+([\w.]+)", note.group(0), re.IGNORECASE)
        origin_reference = cited.group(1) if cited else None
        description = description[: note.start()].strip()
    if "origin" in by_role and origin.date is None:
        origin = origin_from_phrase(by_role["origin"].text, meeting_date)
    if origin.date is not None and origin.date >= meeting_date:
        origin = Origin(origin.title, None)
    reference = None
    if "ref" in by_role:
        ref_match = _REF_CELL.match(by_role["ref"].text)
        reference = ref_match.group("ref") if ref_match else None
    draft = ActionDraft(reference=reference, text=description, span=span)
    draft.origin_title, draft.origin_date = origin.title, origin.date
    logged = LoggedAction(draft, origin_reference)
    if "owner" in by_role:
        draft.owner_text = by_role["owner"].text
        resolution = resolve_owners(draft.owner_text, attendees)
        draft.owners = resolution.owners
        logged.warnings += resolution.warnings
    if "due" in by_role:
        draft.due_date = due_date_in(by_role["due"].text, meeting_date, need_cue=False)
    _apply_status_cells(draft, logged, by_role)
    return logged


def _apply_status_cells(
    draft: ActionDraft, logged: LoggedAction, by_role: dict[str, _Cell]
) -> None:
    status_cell = by_role.get("status")
    if status_cell is not None:
        status = status_from_text(status_cell.text, cell=True)
        if status is not None:
            draft.status, logged.status_given = status, True
        if len(status_cell.text.split()) > 3:
            draft.updates.append(
                ActionUpdateDraft(
                    status_cell.text, status, Span(status_cell.start, status_cell.end)
                )
            )
    update_cell = by_role.get("update")
    if update_cell is not None:
        status = status_from_text(update_cell.text, cell=True)
        if status is not None and not logged.status_given:
            draft.status, logged.status_given = status, True
        draft.updates.append(
            ActionUpdateDraft(update_cell.text, status, Span(update_cell.start, update_cell.end))
        )


def _fit_to_columns(cells: list[_Cell], roles: Sequence[str | None]) -> list[_Cell]:
    """A flattened row's cells fitted to the header's columns: an action's words that hold
    " / " themselves ("Risk / Performance report") make more cells than columns, and the
    extra ones are joined back into the action's cell."""
    extra = len(cells) - len(roles)
    if extra <= 0 or "text" not in roles:
        return cells
    at = list(roles).index("text")
    joined = _Cell(
        " / ".join(c.text for c in cells[at : at + extra + 1]),
        cells[at].start,
        cells[at + extra].end,
    )
    return [*cells[:at], joined, *cells[at + extra + 1 :]]


def find_action_log(
    text: str, attendees: Sequence[AttendeeDraft], meeting_date: dt.date
) -> tuple[list[LoggedAction], list[Span]]:
    """Actions from every action-log table in the text, and the spans the tables cover."""
    bounds = _line_bounds(text)
    actions: list[LoggedAction] = []
    regions: list[Span] = []
    index = 0
    while index < len(bounds):
        start, end = bounds[index]
        roles = _header_roles(_row_cells(text, start, end))
        slashed = False
        if roles is None and not _row_cells(text, start, end):
            # "Ref / Action / Owner / Status": a table flattened by a document-sharing site
            roles = _header_roles(_row_cells(text, start, end, slashed=True))
            slashed = True
        if roles is None:
            index += 1
            continue
        region_end = end
        index += 1
        while index < len(bounds):
            row_start, row_end = bounds[index]
            line = text[row_start:row_end]
            if _is_rule(line):
                index += 1
                continue
            cells = _row_cells(text, row_start, row_end, slashed=slashed)
            if sum(1 for c in cells if c.text) < 2:
                break
            if slashed:
                cells = _fit_to_columns(cells, roles)
            content_start = row_start + len(line) - len(line.lstrip())
            content_end = row_start + len(line.rstrip())
            logged = _logged(
                text, roles, cells, Span(content_start, content_end), attendees, meeting_date
            )
            if logged is not None:
                actions.append(logged)
            region_end = row_end
            index += 1
        regions.append(Span(start, region_end))
    return actions, regions
