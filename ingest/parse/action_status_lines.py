"""Status statements about earlier actions: what later minutes say became of the actions
an earlier meeting raised, without raising any.

Matters-arising paragraphs and action-log sections report on an earlier meeting's
actions by their numbers: "Action 3 closed", "Action 1 (DASH dip sample) had been
completed", "Actions 4 and 5 were discharged", "action 7: ongoing", "Update 18.01.22 -
Complete", "The action remains open until ...", "all actions from the last meeting were
complete", a table of numbers and statuses. Each statement read here says which action
it is about (a number, its words, every action of that meeting or every other one), the
meeting that raised it (the one its sentence or section names; None: the body's
previous meeting), what happened to it, the span it was read from and how plainly it
says so. ``ingest.lifecycle`` finds the action it names and makes it an event of that
action's lifecycle; a statement never makes an action.

A number counts only where the text is about earlier actions: in a section or after a
passage that says so ("Matters arising", "Minutes and actions of the last meeting",
"Two actions from the May 2020 Performance Meeting ..."), or when the statement names
the meeting itself ("Action 1 from the 14 March 2022 meeting ..."); elsewhere "Action 3"
is as likely the meeting's own. A status counts only as what the sentence says of the
action ("Action 5 was closed", "the action remains open", "Update: complete"), never a
word near it ("the audit would be completed by June"), nor an order ("Action 4:
Complete the review").
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ingest.draft import Span
from ingest.parse.action_log import Origin, origin_from_phrase, status_from_text
from ingest.parse.dates import iter_dates
from ingest.parse.text import sentence_end
from records.enums import ActionEventKind, ActionStatus

__all__ = ["Reach", "StatusStatement", "find_status_statements", "reports_done"]


class Reach(enum.StrEnum):
    """Which actions of the earlier meeting a statement is about."""

    ONE = "ONE"  # the one numbered ``reference`` (without a number: worded as ``label``)
    ALL = "ALL"  # every action the meeting raised
    OTHERS = "OTHERS"  # every one that the document's other statements about it do not name


@dataclass(frozen=True)
class StatusStatement:
    reach: Reach
    reference: str | None
    label: str | None  # the words naming the action ("DASH dip sample"), if any
    kind: ActionEventKind
    status: ActionStatus
    origin: Origin | None  # the meeting named, with its date; None: the previous meeting
    span: Span
    confidence: float  # how plainly the text says it (0-1)
    count: int | None = None  # "all four actions": how many the text says there were


# How plainly each form says it.
PLAIN = 0.95  # "Action 3 closed", "Action 1 (...) had been completed"
ENTRY = 0.9  # "Action 2 (...): ... The action was closed.", "Update 18.01.22 - Complete"
TABLE = 0.9  # a status cell of a table of earlier actions
LEADING = 0.85  # a sentence of the entry that opens with the status ("Deferred to ...")
MAY_CLOSE = 0.85  # "Action 5 can now be closed"
EVERY = 0.8  # "all actions from the last meeting were complete"
WORDED = 0.8  # no number: "The options for ... (from the meeting of 19 April 2022) ... closed"
OTHERS = 0.75  # "all other actions were closed"
EXCEPTED = 0.7  # "... complete except Action 2": still open

_Said = tuple[ActionEventKind, ActionStatus, int, float]  # kind, status, where, how plainly

# --- what a status is, said of an action -----------------------------------------------------

# (kind, status, phrase): open and negated phrases first, as "not yet completed" is open.
_PHRASES: tuple[tuple[ActionEventKind, ActionStatus, str], ...] = (
    (
        ActionEventKind.UPDATED,
        ActionStatus.OPEN,
        r"not\s+(?:yet\s+)?(?:been\s+)?(?:complete[d]?|closed|done|started|finished|discharged)",
    ),
    (ActionEventKind.REOPENED, ActionStatus.OPEN, r"re-?opened"),
    (ActionEventKind.UPDATED, ActionStatus.OPEN, r"open|outstanding|incomplete|overdue"),
    (
        ActionEventKind.CANCELLED,
        ActionStatus.CANCELLED,
        r"cancell?ed|withdrawn|superseded|no\s+longer\s+(?:required|needed|relevant)",
    ),
    (
        ActionEventKind.DEFERRED,
        ActionStatus.DEFERRED,
        r"deferred|carried\s+(?:forward|over)|rolled\s+(?:forward|over)|postponed|put\s+back"
        r"|on\s+hold",
    ),
    (
        ActionEventKind.IN_PROGRESS,
        ActionStatus.IN_PROGRESS,
        r"in\s+progress|on-?going|on\s+track|under\s*way|progressing"
        r"|part(?:ial)?ly\s+(?:complete[d]?|met|done)",
    ),
    (
        ActionEventKind.CLOSED,
        ActionStatus.COMPLETED,
        r"closed|discharged|signed\s+off|close(?=[ \t]*(?:[.;,)]|$|\r?\n))",
    ),
    (ActionEventKind.COMPLETED, ActionStatus.COMPLETED, r"complete[d]?|done|achieved|fulfilled"),
)
_STATUS = "|".join(f"(?P<s{n}>{words})" for n, (_, _, words) in enumerate(_PHRASES))
# Words between an action and its status: "has now been", "remains", "was agreed as".
_AUX = (
    r"(?:(?:has|have|had|was|were|is|are|been|being|now|also|therefore|duly|all"
    r"|remains?|remained|still|be|can|could|may|to|should"
    r"|(?:agreed|reported|marked|recorded|noted|confirmed|considered|deemed)"
    r"(?:\s+(?:as|to\s+be))?)\s+){0,4}"
)
_MODAL = re.compile(r"\b(?:can|could|may|to|should)\b", re.IGNORECASE)
# The status right where the predicate starts: "remains open", ": ongoing", "– closed".
_PREDICATE = re.compile(
    rf"[ \t]*(?:[:,\-–—][ \t]*)?(?P<aux>{_AUX})(?P<status>{_STATUS})(?![\w-])", re.IGNORECASE
)
# "... The action was closed", "the PCC agreed that the action be deferred", "for the
# action to be closed".
_THE_ACTION = re.compile(
    rf"\b(?:the|this|that)\s+action\s+(?P<aux>{_AUX})(?P<status>{_STATUS})(?![\w-])",
    re.IGNORECASE,
)
# "Action 486 Work is in progress.", "This is complete.", "It remains open."
_SUBJECT = re.compile(
    rf"[ \t]*(?:[:,\-–—][ \t]*)?(?:this\s+work|the\s+work|work|this|it)\s+(?P<aux>{_AUX})"
    rf"(?P<status>{_STATUS})(?![\w-])",
    re.IGNORECASE,
)
# A sentence of an entry that opens with the status: "Deferred to the November meeting."
_LEADING = re.compile(
    r"(?:deferred|closed|completed?|discharged|on-?going|in\s+progress|cancell?ed|withdrawn"
    r"|carried\s+forward|remains\s+open|still\s+open)(?![\w-])",
    re.IGNORECASE,
)
# A progress note: "Update 18.01.22 - Complete", "Update (March): closed".
_UPDATE_NOTE = re.compile(
    rf"\bupdate[sd]?\b(?:[^:\-–—\n]|(?<=\d)-(?=\d)){{0,24}}?[ \t]*[:\-–—][ \t]*(?P<aux>{_AUX})"
    rf"(?P<status>{_STATUS})"
    r"(?![\w-])",
    re.IGNORECASE,
)
# What may follow a status said without a verb ("Action 3 closed."), so that an order
# ("Action 4: Complete the review") is no status: an end, a stop, or a joining word.
_AFTER_BARE = re.compile(
    r"[ \t]*(?:$|\r?\n|[.;:,)–—]|-\s|(?:until|pending|as|and|but|with|while|whilst|because|since"
    r"|at|to|following|after|in|on|when)\b)",
    re.IGNORECASE,
)
# Someone reports the thing asked for as done: "the Chief Constable confirmed the review
# had been done", "AR reported that the figures had now been circulated".
_REPORTED_DONE = re.compile(
    r"\b(?:confirmed|reported|advised|said|stated|explained|informed\s+\w+)\s+(?:that\s+)?"
    r"(?:the|this|these|his|her|their)(?:\s+[\w'’-]+){1,5}?\s+(?:had|has|have)\s+(?:now\s+)?"
    r"been\s+(?:done|completed|carried\s+out|undertaken|finished|circulated|sent|provided"
    r"|delivered|published|shared)(?![\w-])",
    re.IGNORECASE,
)


def reports_done(sentence: str) -> bool:
    """Whether a sentence reports the thing asked for as done ("the Chief Constable
    confirmed the review had been done")."""
    return _REPORTED_DONE.search(sentence) is not None


# "either complete or on the agenda": one of two is no status.
_ALTERNATIVE = re.compile(r"\s*,?\s*or\b", re.IGNORECASE)


def _status_of(
    match: re.Match[str], *, verb_needed: bool = False
) -> tuple[ActionEventKind, ActionStatus] | None:
    """The kind and status a status match states; None for a modal one that does not
    close ("to be completed by June": not yet), for one of two ("complete or ..."), and
    for a status without a verb followed by more words ("Complete the review"), or
    without any verb where ``verb_needed``."""
    aux = match.group("aux") or ""
    bare = not aux.strip()
    if bare and (verb_needed or not _AFTER_BARE.match(match.string, match.end())):
        return None
    if _ALTERNATIVE.match(match.string, match.end()):
        return None
    for number, (kind, status, _) in enumerate(_PHRASES):
        if match.group(f"s{number}") is not None:
            if _MODAL.search(aux) and kind is not ActionEventKind.CLOSED:
                return None
            return kind, status
    return None


# --- where the text is about earlier actions ------------------------------------------------

_EARLIER = re.compile(
    r"\bmatters?\s+arising\b"
    r"|\b(?:actions?|action\s+points?)\s+(?:log\s+)?(?:arising\s+)?(?:from|of|following)\s+"
    r"(?:the\s+)?(?:last|previous|preceding|prior)\b"
    r"|\b(?:minutes|notes|record)\s+(?:and\s+actions\s+)?of\s+(?:the\s+)?(?:last|previous"
    r"|preceding|prior)\b"
    r"|\b(?:outstanding|previous|earlier)\s+actions\b"
    r"|\breview\s+of\s+(?:the\s+)?(?:outstanding\s+)?(?:action\s+log|actions|action\s+tracker)\b"
    r"|\bprogress\s+(?:on|against)\s+(?:the\s+)?actions\b"
    r"|\bactions?\s+(?:update|tracker|progress)\b",
    re.IGNORECASE,
)
# "Two actions from the May 2020 Performance Meeting ... were deferred", "Matters arising
# from the Performance Meeting of 22 September 2022:", "The minutes of the meeting of 17
# July 2019 were approved."
_PASSAGE = re.compile(
    r"\b(?:actions?|action[ \t]+points?|matters?[ \t]+arising|minutes|notes)\b"
    r"(?:[ \t]+[\w'-]+){0,2}?[ \t]+(?:from|of|following)[ \t]+(?P<origin>[^.;()\n]{3,140})",
    re.IGNORECASE,
)
_VERB_END = re.compile(
    r"\s+(?:were|was|had|have|has|are|is|remains?|remained|which|that|and\s+(?:were|had))\b"
)
_MARK_END = re.compile(r"\s*[:(–—]|\s+-\s|,\s")
_PREVIOUS = re.compile(
    r"^(?:the\s+)?(?:last|previous|preceding|prior)\s+(?:[\w&'-]+\s+){0,3}?meeting", re.IGNORECASE
)
_SAME = re.compile(r"^(?:the\s+)?(?:same|that|said|above)\s+meeting", re.IGNORECASE)
_NUMBER_LEAD = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?(?:item[ \t]+)?(?P<top>\d{1,2})(?:\.\d{1,2})*[.):]?(?=\s)"
    r"(?![ \t]*(?:[ap]\.?m\b|hrs\b|%))",
    re.IGNORECASE,
)
_MARKDOWN = re.compile(r"^[ \t]*(?P<marks>#{1,6})[ \t]")
_ENTRY_LEAD = re.compile(
    r"^[ \t]*(?:[-•*–·▪][ \t]*|\(?[a-z0-9]{1,3}[.)][ \t]+|\d{1,2}(?:\.\d{1,2})+[ \t]+|actions?\b)",
    re.IGNORECASE,
)
# An action log section reports on earlier actions in its sentences; its table may be
# the meeting's own actions.
_LOG_SECTION = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?(?:(?:item[ \t]+)?\d{1,2}(?:\.\d{1,2})*[.):]?[ \t]+)?(?:[-–—][ \t]*)?"
    r"(?:the[ \t]+)?action[ \t]+(?:log|schedule|tracker|sheet)\b",
    re.IGNORECASE,
)
# Headings of this meeting's own actions end a stretch about earlier ones.
_OWN_ACTIONS = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?(?:\d{1,2}[.)]?[ \t]+)?(?:new\s+actions|actions\s+agreed"
    r"|action\s+summary|summary\s+of\s+actions|actions\s+arising\s+from\s+this\s+meeting)\b",
    re.IGNORECASE,
)


def _is_short_title(line: str) -> bool:
    content = line.strip().strip("*_ ")
    words = content.split()
    return (
        0 < len(words) <= 8
        and not re.search(r"[.!?:;,]$", content)
        and not re.match(r"(?:actions?\b|update\b|[-•*–·▪(])", content, re.IGNORECASE)
    )


@dataclass(frozen=True)
class _Scope:
    """A stretch of text about earlier actions, and the meetings it names as it goes."""

    start: int
    end: int
    origins: tuple[tuple[int, Origin | None], ...]  # (from where, the meeting named)
    tables: bool = True  # whether its tables' numbers are earlier actions' too

    def origin_at(self, position: int) -> Origin | None:
        named: Origin | None = None
        for start, origin in self.origins:
            if start <= position:
                named = origin
        return named


def _scope_at(scopes: Sequence[_Scope], position: int) -> _Scope | None:
    return next((s for s in scopes if s.start <= position < s.end), None)


def _dated(origin: Origin, meeting_date: dt.date) -> Origin | None:
    """The origin when it names an earlier day; a meeting named without a date is, as
    far as this reader can tell, the previous one."""
    if origin.date is None or origin.date >= meeting_date:
        return None
    return origin


def _has_date(text: str, meeting_date: dt.date) -> bool:
    return any(True for _ in iter_dates(text, default_year=meeting_date.year))


def _origin_phrase(phrase: str, meeting_date: dt.date) -> str:
    """The words naming a meeting at the start of ``phrase``: up to a verb, and up to a
    colon, bracket or dash once the words before it name the meeting ("the Thematic
    Meeting: Domestic Abuse, 19 November 2019" keeps its colon)."""
    verb = _VERB_END.search(phrase)
    phrase = phrase[: verb.start()] if verb else phrase
    for mark in _MARK_END.finditer(phrase):
        head = phrase[: mark.start()].strip()
        if _PREVIOUS.match(head) or _SAME.match(head) or _has_date(head, meeting_date):
            return head
    return phrase.strip()


def _origin_in(phrase: str, meeting_date: dt.date) -> tuple[bool, Origin | None]:
    """What the words after "from"/"of" name: (whether a meeting, the meeting when it is
    dated; None for the previous one)."""
    phrase = _origin_phrase(phrase, meeting_date)
    if _PREVIOUS.match(phrase):
        return True, None
    origin = _dated(origin_from_phrase(phrase, meeting_date), meeting_date)
    return origin is not None, origin


@dataclass(frozen=True)
class _Line:
    start: int
    end: int


def _lines(text: str) -> list[_Line]:
    found: list[_Line] = []
    position = 0
    for raw in text.split("\n"):
        found.append(_Line(position, position + len(raw)))
        position += len(raw) + 1
    return found


def _scopes(
    text: str, lines: Sequence[_Line], meeting_date: dt.date, tables: Sequence[Span]
) -> list[_Scope]:
    """The sections and passages about earlier actions, each to the next heading of its
    level: a line numbered otherwise, a Markdown heading as high, a short title (under a
    heading without a number), or a heading of the meeting's own actions."""
    in_table = [any(t.start <= line.start < t.end for t in tables) for line in lines]
    numbers: list[int | None] = []
    current: int | None = None
    for line, tabled in zip(lines, in_table, strict=True):
        numbered = None if tabled else _NUMBER_LEAD.match(text[line.start : line.end])
        if numbered:
            current = int(numbered.group("top"))
        numbers.append(current)
    scopes: list[_Scope] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        content = text[line.start : line.end]
        opens = not in_table[index] and not _OWN_ACTIONS.match(content)
        log = opens and bool(_LOG_SECTION.match(content))
        if not opens or not (
            log or _EARLIER.search(content) or _names_meeting(content, meeting_date)
        ):
            index += 1
            continue
        markdown = _MARKDOWN.match(content)
        level = len(markdown.group("marks")) if markdown else None
        owner = numbers[index]
        untitled = owner is None and level is None
        end, stop = len(text), len(lines)
        for following in range(index + 1, len(lines)):
            other = text[lines[following].start : lines[following].end]
            if in_table[following] or not other.strip():
                continue
            if _ends_scope(other, owner, level, untitled):
                end, stop = lines[following].start, following
                break
        origins = tuple(_named_origins(text, line.start, end, meeting_date))
        scopes.append(_Scope(line.start, end, origins, tables=not log))
        index = stop
    return scopes


def _names_meeting(line: str, meeting_date: dt.date) -> bool:
    """Whether a line says the actions after it come from a meeting it names ("Two
    actions from the Performance Meeting of 12 March 2020 ...", "To confirm the actions
    following the Panel meeting held on 4th February 2022.")."""
    return any(
        not found.group().lower().startswith(("minutes", "notes"))
        and _origin_in(found.group("origin"), meeting_date)[0]
        for found in _PASSAGE.finditer(line)
    )


def _ends_scope(line: str, owner: int | None, level: int | None, untitled: bool) -> bool:
    if _OWN_ACTIONS.match(line) or (untitled and _LOG_SECTION.match(line)):
        return True
    markdown = _MARKDOWN.match(line)
    if markdown:
        return level is None or len(markdown.group("marks")) <= level
    numbered = _NUMBER_LEAD.match(line)
    if numbered:
        return owner is None or int(numbered.group("top")) != owner
    return untitled and _is_short_title(line)


def _named_origins(
    text: str, start: int, end: int, meeting_date: dt.date
) -> Iterator[tuple[int, Origin | None]]:
    """The meetings a stretch names as it goes: its heading's ("Matters arising from the
    Thematic Meeting: Domestic Abuse, 19 November 2019", "Minutes of the meeting held on
    18 October 2022 and matters arising"), then each passage's ("Matters arising from the
    Performance Meeting of 20 October 2022:"); None where it names the previous one."""
    line_end = text.find("\n", start, end)
    heading = text[start : end if line_end < 0 else line_end]
    yield start, _dated(origin_from_phrase(heading, meeting_date), meeting_date)
    for found in _PASSAGE.finditer(text, start, end):
        names, origin = _origin_in(found.group("origin"), meeting_date)
        if names and found.start() > start:
            yield found.start(), origin


# --- tables ----------------------------------------------------------------------------------

_COLUMNS: dict[str, tuple[str, ...]] = {
    "ref": ("no", "no.", "number", "ref", "ref.", "reference", "#", "action no", "action no.",
            "action number", "action ref", "item", "item no"),
    "text": ("action", "actions", "description", "action description", "detail", "details",
             "task", "action point", "action required", "summary"),
    "status": ("status", "rag", "rag status", "current status", "status/update",
               "status / update", "progress", "outcome"),
    "update": ("update", "updates", "comments", "comment", "progress update", "notes",
               "latest update", "commentary"),
    "origin": ("date raised", "raised", "meeting", "meeting date", "origin", "date of meeting",
               "raised at", "date agreed", "date added"),
    "other": ("owner", "owners", "owner(s)", "lead", "responsible", "by whom", "who", "due",
              "due date", "deadline", "target date", "date due", "by when", "when", "timescale"),
}  # fmt: skip
_ROLE = {name: role for role, names in _COLUMNS.items() for name in names}
_REF_CELL = re.compile(
    r"^(?:action\s*)?(?:no\.?\s*)?(?P<ref>(?:[A-Z]{2,6}\s?)?\d{1,3}(?:\.\d{1,3})*(?:/\d{1,3}){0,2}"
    r"[a-z]?)\.?$",
    re.IGNORECASE,
)
_REGISTER = re.compile(r"[A-Za-z/]")
_ORIGIN_NOTE = re.compile(r"\((?:from\s+|raised\s+)?(?P<origin>[^()]*\d{4}[^()]*)\)")
_CITED = re.compile(r"\b(?:action|ref)\.?\s*(?:no\.?\s*)?(?P<ref>\w*\d[\w.]*)", re.IGNORECASE)
_RULE = re.compile(r"\s*\|?[\s:|-]*-{3,}[\s:|-]*\|?\s*")


@dataclass(frozen=True)
class _Cell:
    text: str
    start: int
    end: int


def _cells(text: str, line: _Line) -> list[_Cell]:
    """The cells of a tab- or pipe-separated line, with their offsets."""
    raw = text[line.start : line.end]
    stripped = raw.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        first, last = raw.index("|"), raw.rindex("|")
        pieces, offset, separator = raw[first + 1 : last], line.start + first + 1, "|"
    elif "\t" in raw:
        pieces, offset, separator = raw, line.start, "\t"
    else:
        return []
    cells: list[_Cell] = []
    for piece in pieces.split(separator):
        core = piece.strip().strip("*_").strip()
        start = offset + piece.find(core) if core else offset
        cells.append(_Cell(core, start, start + len(core)))
        offset += len(piece) + 1
    return cells


@dataclass(frozen=True)
class _Table:
    span: Span
    roles: tuple[str | None, ...]
    rows: tuple[tuple[_Cell, ...], ...]


def _tables(text: str, lines: Sequence[_Line]) -> list[_Table]:
    """Tables whose header names a number column and a status or update column."""
    tables: list[_Table] = []
    index = 0
    while index < len(lines):
        header = _cells(text, lines[index])
        roles = tuple(_ROLE.get(re.sub(r"\s+", " ", c.text.lower()).strip(" :")) for c in header)
        named = {r for r in roles if r}
        if "ref" not in named or not {"status", "update"} & named:
            index += 1
            continue
        start, end = lines[index].start, lines[index].end
        rows: list[tuple[_Cell, ...]] = []
        index += 1
        while index < len(lines):
            line = lines[index]
            if _RULE.fullmatch(text, line.start, line.end):
                index += 1
                continue
            cells = _cells(text, line)
            if sum(1 for c in cells if c.text) < 2:
                break
            rows.append(tuple(cells))
            end = line.end
            index += 1
        tables.append(_Table(Span(start, end), roles, tuple(rows)))
    return tables


def _table_statements(
    table: _Table, scopes: Sequence[_Scope], meeting_date: dt.date
) -> Iterator[StatusStatement]:
    """A statement for each row that gives a status: about the action of the number in
    its first column, of the meeting its section names; or, in a row that names its own
    origin ("(from 14 March 2022)", a "Date raised" column), about the action it cites
    ("Action 2") or, citing none, by its words."""
    for cells in table.rows:
        by_role = {
            role: cell for role, cell in zip(table.roles, cells, strict=False) if role and cell.text
        }
        ref_cell = by_role.get("ref")
        ref = _REF_CELL.match(ref_cell.text) if ref_cell else None
        said = _cell_status(by_role)
        if ref is None or said is None:
            continue
        label = by_role["text"].text if "text" in by_role else None
        reference: str | None = ref.group("ref")
        note = _ORIGIN_NOTE.search(label or "")
        phrase = note.group("origin") if note else None
        if phrase is None and "origin" in by_role:
            phrase = by_role["origin"].text
        start = min(c.start for c in cells if c.text)
        origin = _dated(origin_from_phrase(phrase, meeting_date), meeting_date) if phrase else None
        if origin is not None:
            # The row's number is the log's own unless it is a register's ("SRP 21/14").
            cited = _CITED.search(phrase or "")
            if cited:
                reference = cited.group("ref")
            elif not _REGISTER.search(reference or ""):
                reference = None
            if note and label:
                label = label[: note.start()].strip(" ,;") or None
        else:
            scope = _scope_at(scopes, start)
            if scope is None or not scope.tables:
                continue
            origin = scope.origin_at(start)
        if reference is None and not label:
            continue
        kind, status = said
        end = max(c.end for c in cells if c.text)
        yield StatusStatement(
            Reach.ONE, reference, label, kind, status, origin, Span(start, end), TABLE
        )


def _cell_status(by_role: dict[str, _Cell]) -> tuple[ActionEventKind, ActionStatus] | None:
    for role in ("status", "update"):
        cell = by_role.get(role)
        status = status_from_text(cell.text, cell=True) if cell else None
        if cell is not None and status is not None:
            if status is ActionStatus.COMPLETED and re.search(
                r"\bclosed?\b|\bdischarged\b|\bsigned\s+off\b", cell.text, re.IGNORECASE
            ):
                return ActionEventKind.CLOSED, status
            return _KIND_OF[status], status
    return None


_KIND_OF = {
    ActionStatus.OPEN: ActionEventKind.UPDATED,
    ActionStatus.IN_PROGRESS: ActionEventKind.IN_PROGRESS,
    ActionStatus.DEFERRED: ActionEventKind.DEFERRED,
    ActionStatus.CANCELLED: ActionEventKind.CANCELLED,
    ActionStatus.COMPLETED: ActionEventKind.COMPLETED,
}

# --- numbered statements ---------------------------------------------------------------------

_REF = r"(?-i:[A-Z]{2,6}\s?)?\d{1,3}(?:[./]\d{1,3})?[a-z]?(?![\w/])"
_REFS = rf"{_REF}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*[-–]\s*|\s+to\s+){_REF})*"
_HEAD = re.compile(
    rf"\b(?:actions?|action\s+points?)[ \t]+(?:nos?\.?[ \t]*|numbers?[ \t]+)?(?P<refs>{_REFS})",
    re.IGNORECASE,
)
_REF_PART = re.compile(rf"{_REF}|\s+to\s+|\s*[-–]\s*", re.IGNORECASE)
_SENTENCE_BEFORE = re.compile(r"(?:[.;!?:][ \t]+|\n)[ \t]*(?:[-•*–·▪][ \t]*)?$")
# "The officer reported that Action No. 27 ... had been completed": a clause of its own.
_CLAUSE_BEFORE = re.compile(
    r"\b(?:reported|confirmed|noted|said|advised|explained|updated|stated)\s+that\s+$",
    re.IGNORECASE,
)
_LINE_LEAD = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]+)?(?:(?:item[ \t]+)?\d{1,2}(?:\.\d{1,2})*[.)]?[ \t]+"
    r"|\(?[a-z0-9]{1,3}[.)][ \t]+)?(?:[-•*–·▪][ \t]*)?(?:\*\*)?",
    re.IGNORECASE,
)
_ORIGIN_AFTER = re.compile(r"\s+(?:from|of|raised\s+at|agreed\s+at)\s+", re.IGNORECASE)
_PAREN = re.compile(r"\s*\((?P<inner>[^()]{1,200})\)")
_LABEL_LEAD = re.compile(r"[ \t]*(?::|[-–—][ \t])[ \t]*")


def _references(refs: str) -> list[str]:
    """ "4 and 5" -> ["4", "5"]; "7-9" -> ["7", "8", "9"]; "1, 2 and 6" -> ["1", "2", "6"]."""
    found: list[str] = []
    ranged = False
    for part in _REF_PART.finditer(refs):
        token = part.group().strip()
        if token in {"-", "–"} or token.lower() == "to":
            ranged = True
            continue
        if ranged and found and found[-1].isdigit() and token.isdigit():
            first, last = int(found[-1]), int(token)
            if first < last <= first + 20:
                found += [str(n) for n in range(first + 1, last + 1)]
                ranged = False
                continue
        ranged = False
        found.append(token)
    return found


def _opens_sentence(text: str, position: int, *, clause: bool = False) -> bool:
    """Whether ``position`` opens a sentence or a line (after its number or bullet), or
    (``clause``) a reported clause ("reported that ...")."""
    line_start = text.rfind("\n", 0, position) + 1
    if _LINE_LEAD.fullmatch(text, line_start, position):
        return True
    if clause and _CLAUSE_BEFORE.search(text, max(0, position - 20), position):
        return True
    return bool(_SENTENCE_BEFORE.search(text, max(0, position - 12), position))


_SENTENCE_DONE = re.compile(r"[.!?][\"')\]]*[ \t]*$")


def _hard_wrapped(text: str, lines: Sequence[_Line]) -> bool:
    """Whether the text's lines were cut at a width (most long lines stop mid-sentence),
    so that a line ending a sentence may still go on with the paragraph."""
    long = [text[x.start : x.end].rstrip() for x in lines if x.end - x.start >= 50]
    cut = sum(1 for line in long if not re.search(r"[.!?:;][\"')\]]*$", line))
    return len(long) >= 4 and cut * 2 >= len(long)


def _entry_end(text: str, start: int, limit: int, heads: Sequence[int], *, wrapped: bool) -> int:
    """Where the entry a numbered statement opens ends: at the next statement's number,
    a blank line, a line that opens another entry (a bullet, a number, "Action ..."), or,
    unless the text is hard-wrapped, the end of a line that ends a sentence."""
    later = bisect_right(heads, start)
    end = min(limit, heads[later]) if later < len(heads) else limit
    newline = text.find("\n", start, end)
    while newline >= 0:
        if not wrapped and _SENTENCE_DONE.search(text, max(start, newline - 4), newline):
            return newline
        following_end = text.find("\n", newline + 1, end)
        following = text[newline + 1 : end if following_end < 0 else following_end]
        if not following.strip() or _ENTRY_LEAD.match(following) or _NUMBER_LEAD.match(following):
            return newline
        newline = following_end
    return end


def _sentence_span(text: str, start: int, position: int, limit: int) -> Span:
    """From ``start`` to the end of the sentence that holds ``position``."""
    end = start
    while end < limit:
        end = sentence_end(text, end, limit)
        if end > position:
            break
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, max(end, min(position + 1, limit)))


@dataclass
class _Head:
    """What stands between an action's number and what is said of it."""

    origin: Origin | None
    named: bool  # the sentence names the meeting itself
    label: str | None
    end: int
    more: list[tuple[str, str | None]] = field(default_factory=list)  # "... and action 5 (...)"


# "Action 3 (...) and action 5 (...) remain open": another number with its own words.
_AND_HEAD = re.compile(rf"\s*(?:,|\s+and)\s+actions?\s+(?P<refs>{_REFS})", re.IGNORECASE)
# "Action No. 27, on the breakdown of rural crime figures, had been completed".
_APPOSITIVE = re.compile(r",[ \t]*(?P<label>[^,;.()\n]{3,120}),")


def _read_head(
    text: str, head: re.Match[str], scope: _Scope | None, meeting_date: dt.date
) -> _Head | None:
    """The meeting and words after "Action 2": "from the 14 March 2022 meeting", "(12 March
    2020)", "(DASH dip sample)". None when it is some other thing's action ("Action 3 of
    the action plan")."""
    head_info = _Head(scope.origin_at(head.start()) if scope else None, False, None, head.end())
    after = _ORIGIN_AFTER.match(text, head_info.end)
    if after:
        line_end = text.find("\n", after.end())
        phrase = _origin_phrase(
            text[after.end() : len(text) if line_end < 0 else line_end], meeting_date
        )
        if _SAME.match(phrase):
            if scope is None:
                return None
        else:
            names, origin = _origin_in(phrase, meeting_date)
            if not names:
                return None
            head_info.named, head_info.origin = True, origin
        head_info.end = after.end() + len(phrase)
    head_info.label = _read_brackets(text, head_info, meeting_date)
    while another := _AND_HEAD.match(text, head_info.end):
        head_info.end = another.end()
        label = _read_brackets(text, head_info, meeting_date)
        head_info.more += [(ref, label) for ref in _references(another.group("refs"))]
    appositive = _APPOSITIVE.match(text, head_info.end)
    if appositive and head_info.label is None and _PREDICATE.match(text, appositive.end()):
        head_info.label = appositive.group("label").strip()
        head_info.end = appositive.end()
    return head_info


def _read_brackets(text: str, head: _Head, meeting_date: dt.date) -> str | None:
    """The brackets after a number: a date names the meeting ("(12 March 2020)"), other
    words the action ("(DASH dip sample)"); moves ``head.end`` past them."""
    label: str | None = None
    paren = _PAREN.match(text, head.end)
    while paren:
        inner = paren.group("inner").strip()
        dated = _dated(origin_from_phrase(inner, meeting_date), meeting_date)
        if dated is not None and len(inner.split()) <= 8 and _has_date(inner, meeting_date):
            head.named, head.origin = True, dated
        elif label is None:
            label = inner
        head.end = paren.end()
        paren = _PAREN.match(text, head.end)
    return label


def _numbered(
    text: str,
    meeting_date: dt.date,
    scopes: Sequence[_Scope],
    tables: Sequence[Span],
    *,
    wrapped: bool,
) -> Iterator[StatusStatement]:
    heads = [
        m
        for m in _HEAD.finditer(text)
        if _opens_sentence(text, m.start(), clause=True)
        and not any(t.start <= m.start() < t.end for t in tables)
    ]
    starts = [m.start() for m in heads]
    for head in heads:
        scope = _scope_at(scopes, head.start())
        read = _read_head(text, head, scope, meeting_date)
        if read is None or (scope is None and not read.named):
            continue
        limit = scope.end if scope and scope.end > head.start() else len(text)
        entry_end = _entry_end(text, head.start(), limit, starts, wrapped=wrapped)
        said = _predicate(text, read.end, entry_end)
        if said is None:
            continue
        kind, status, where, confidence = said
        label = read.label
        lead = _LABEL_LEAD.match(text, read.end, entry_end)
        if label is None and lead and where > lead.end() + 3:
            said_first = text[lead.end() : sentence_end(text, lead.end(), entry_end)]
            label = said_first.strip(" .;") or None
        span = _sentence_span(text, head.start(), where, entry_end)
        named = [(reference, label) for reference in _references(head.group("refs"))]
        for reference, words in named + read.more:
            yield StatusStatement(
                Reach.ONE, reference, words, kind, status, read.origin, span, confidence
            )


def _predicate(text: str, position: int, entry_end: int) -> _Said | None:
    """What the entry says became of its action in the end: the last status it gives,
    right after the action ("was completed", ": ongoing"), of "the action" ("The action
    was closed"), as an update ("Update 18.01.22 - Complete") or opening a sentence
    ("Deferred to the November meeting"), or as done in someone's report ("the Chief
    Constable confirmed the review had been done")."""
    last: _Said | None = None
    immediate = _PREDICATE.match(text, position, entry_end)
    status = _status_of(immediate) if immediate else None
    if immediate and status is not None:
        plain = MAY_CLOSE if _MODAL.search(immediate.group("aux") or "") else PLAIN
        last = (*status, immediate.start("status"), plain)
    for pattern, plain in ((_THE_ACTION, ENTRY), (_UPDATE_NOTE, ENTRY)):
        for found in pattern.finditer(text, position, entry_end):
            status = _status_of(found)
            if status is not None:
                last = _later(last, (*status, found.start("status"), plain))
    for found in _REPORTED_DONE.finditer(text, position, entry_end):
        done = (ActionEventKind.COMPLETED, ActionStatus.COMPLETED)
        last = _later(last, (*done, found.end(), ENTRY))
    subject = _SUBJECT.match(text, position, entry_end)
    status = _status_of(subject, verb_needed=True) if subject else None
    if subject and status is not None:
        last = _later(last, (*status, subject.start("status"), ENTRY))
    for found in _LEADING.finditer(text, position, entry_end):
        if not _SENTENCE_BEFORE.search(text, max(position, found.start() - 12), found.start()):
            continue
        if text[max(0, found.start() - 3) : found.start()].strip().endswith(":"):
            continue  # "Action 2: Closed" is the immediate status, read above
        leading = _PREDICATE.match(text, found.start(), entry_end)
        status = _status_of(leading) if leading else None
        if status is not None:
            last = _later(last, (*status, found.start(), LEADING))
    return last


def _later(one: _Said | None, other: _Said) -> _Said:
    return other if one is None or other[2] > one[2] else one


# --- every action of a meeting ---------------------------------------------------------------

_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_EVERY = re.compile(
    r"\b(?P<all>all|both)\s+(?:of\s+)?(?:the\s+)?(?P<others>other\s+|remaining\s+)?"
    r"(?:(?P<count>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?"
    r"(?P<others2>other\s+|remaining\s+)?actions?\b"
    r"|\b(?:the\s+)?(?P<plain>actions)\s+(?:arising\s+)?(?:from|of)\s+(?:the\s+)?"
    r"(?:last|previous|preceding|prior)\s+(?:[\w&'-]+\s+){0,3}?meeting\s+(?:were|are|had\s+been"
    r"|have\s+been)\s+(?=all\b)",
    re.IGNORECASE,
)
_THIS_MEETING = re.compile(
    r"\s*(?:(?:agreed|raised|arising)\s+)?(?:at|from|of|in)\s+(?:this|today)", re.IGNORECASE
)
_EXCEPT = re.compile(
    r"\b(?:except(?:\s+for)?|apart\s+from|other\s+than|save\s+for|with\s+the\s+exception\s+of"
    rf"|but\s+not)\s+actions?\s+(?:nos?\.?\s*)?(?P<refs>{_REFS})",
    re.IGNORECASE,
)
_EVERY_ORIGIN = re.compile(
    r"\s*(?:(?:arising|raised|agreed)\s+)?(?:from|of|at)\s+(?:the\s+)?(?P<phrase>[^.;()\n]{3,120})"
    r"|\s*on\s+the\s+action\s+(?:log|tracker)",
    re.IGNORECASE,
)
_THAT_MEETING = re.compile(r"^(?:that|the\s+same|this\s+earlier)\s+meeting", re.IGNORECASE)
_LOG_NOTED = re.compile(r"\baction\s+(?:log|tracker)\b|\bminutes\b", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?][ \t]+(?=[A-Z(\"'])|\n")
_PARAGRAPH_REACH = 400


def _sentence_start(text: str, position: int) -> int:
    window = max(0, position - 300)
    stops = [m.end() for m in _SENTENCE_STOP.finditer(text, window, position + 1)]
    return stops[-1] if stops else window


def _meeting_before(text: str, position: int, meeting_date: dt.date) -> Origin | None:
    """The earlier meeting a sentence names just before "All actions from that meeting"
    in the same paragraph ("The minutes of the meeting held on 15 February 2022 were
    agreed.")."""
    start = max(0, position - _PARAGRAPH_REACH)
    paragraph = text.rfind("\n\n", start, position)
    before = text[paragraph + 2 if paragraph >= 0 else start : position]
    if not re.search(r"\bmeeting|\bboard|\bminutes", before, re.IGNORECASE):
        return None
    dated = [m for m in iter_dates(before, default_year=meeting_date.year) if m.has_day]
    return _dated(Origin(None, dated[-1].date), meeting_date) if dated else None


def _trimmed(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _every(
    text: str, meeting_date: dt.date, scopes: Sequence[_Scope], tables: Sequence[Span]
) -> Iterator[StatusStatement]:
    """ "All actions from the last meeting were complete", "All other actions were
    closed", "all four actions were complete", "... except Action 2"."""
    for found in _EVERY.finditer(text):
        if any(t.start <= found.start() < t.end for t in tables):
            continue
        if _THIS_MEETING.match(text, found.end()):
            continue
        start = _sentence_start(text, found.start())
        line_end = text.find("\n", found.end())
        end = sentence_end(text, found.end(), len(text) if line_end < 0 else line_end)
        scope = _scope_at(scopes, found.start())
        origin = scope.origin_at(found.start()) if scope else None
        named = scope is not None
        position = found.end()
        where = _EVERY_ORIGIN.match(text, position, end)
        if where and where.group("phrase") is not None:
            phrase = _origin_phrase(where.group("phrase"), meeting_date)
            if _THAT_MEETING.match(phrase):
                origin = _meeting_before(text, start, meeting_date) or origin
                named = origin is not None or named
            else:
                names, said_origin = _origin_in(phrase, meeting_date)
                if not names:
                    continue
                named, origin = True, said_origin
            position = where.start("phrase") + len(phrase)
        elif where:
            position = where.end()
        if found.group("plain"):
            named = True
        if not named and _LOG_NOTED.search(text, start, found.start()):
            named = True  # "The action log was noted; all four actions were complete."
            origin = _meeting_before(text, start, meeting_date)
        predicate = _PREDICATE.match(text, position, end)
        said = _status_of(predicate, verb_needed=True) if predicate else None
        if not named or predicate is None or said is None:
            continue
        if _MODAL.search(predicate.group("aux") or ""):
            continue
        kind, status = said
        word = (found.group("count") or "").lower()
        count = int(word) if word.isdigit() else _NUMBERS.get(word)
        if (found.group("all") or "").lower() == "both":
            count = 2
        span = _trimmed(text, start, end)
        excepted = list(_EXCEPT.finditer(text, predicate.end(), end))
        others = bool(found.group("others") or found.group("others2"))
        reach = Reach.OTHERS if others or excepted else Reach.ALL
        plain = OTHERS if others else EVERY
        yield StatusStatement(reach, None, None, kind, status, origin, span, plain, count)
        for exception in excepted:
            for reference in _references(exception.group("refs")):
                yield StatusStatement(
                    Reach.ONE,
                    reference,
                    None,
                    ActionEventKind.UPDATED,
                    ActionStatus.OPEN,
                    origin,
                    span,
                    EXCEPTED,
                )


# --- an earlier action by its words ----------------------------------------------------------

# "(from the Monthly Assurance Meeting of 19 April 2022)" after an action's words.
_WORDED_ORIGIN = re.compile(
    r"[ \t]*\((?:from|raised\s+at|agreed\s+at)\s+(?:the\s+)?"
    r"(?P<origin>(?:[^()\n]|\n(?!\s*\n)){3,120}?\d{4}[^()\n]{0,40})\)",
    re.IGNORECASE,
)
# Where the words before it start: after a stop, or at a line that opens with a capital
# (a line broken mid-sentence goes on in lower case).
_WORDS_START = re.compile(r"[.;!?][ \t]+(?=[A-Z])|\n[ \t]*(?:[-•*–·▪][ \t]*)?(?=[A-Z])")


def _worded(
    text: str, meeting_date: dt.date, numbered: Sequence[Span]
) -> Iterator[StatusStatement]:
    """ "The options for managing a higher pay award (from the Monthly Assurance Meeting of
    19 April 2022) were considered ... and the action is closed": an action named by its
    words and the meeting that raised it."""
    for found in _WORDED_ORIGIN.finditer(text):
        window = max(0, found.start() - 200)
        starts = [m.end() for m in _WORDS_START.finditer(text, window, found.start())]
        start = starts[-1] if starts else (0 if window == 0 else -1)
        words = text[start : found.start()] if start >= 0 else ""
        if len(words) < 10 or not words[:1].isupper() or re.search(r"[.;()]", words):
            continue
        if not _opens_sentence(text, start) or _HEAD.match(text, start):
            continue
        if any(s.start <= start < s.end for s in numbered):
            continue
        origin = _dated(origin_from_phrase(found.group("origin"), meeting_date), meeting_date)
        if origin is None:
            continue
        line_end = text.find("\n", found.end())
        end = sentence_end(text, found.end(), len(text) if line_end < 0 else line_end)
        predicate = _PREDICATE.match(text, found.end(), end)
        said = _status_of(predicate, verb_needed=True) if predicate else None
        if said is None:
            for the_action in _THE_ACTION.finditer(text, found.end(), end):
                said = _status_of(the_action) or said
        label = re.sub(r"^(?:the|a|an)\s+", "", " ".join(words.split()), flags=re.IGNORECASE)
        if said is None or len(label.split()) < 3:
            continue
        yield StatusStatement(
            Reach.ONE, None, label, *said, origin, _trimmed(text, start, end), WORDED
        )


# --- all of them -----------------------------------------------------------------------------


def find_status_statements(text: str, meeting_date: dt.date) -> list[StatusStatement]:
    """The statements ``text`` (of a meeting held on ``meeting_date``) makes about what
    became of earlier meetings' actions, in the order of the text."""
    lines = _lines(text)
    tables = _tables(text, lines)
    table_spans = [t.span for t in tables]
    scopes = _scopes(text, lines, meeting_date, table_spans)
    found: list[StatusStatement] = []
    for table in tables:
        found += _table_statements(table, scopes, meeting_date)
    numbered = list(
        _numbered(text, meeting_date, scopes, table_spans, wrapped=_hard_wrapped(text, lines))
    )
    found += numbered
    found += _every(text, meeting_date, scopes, table_spans)
    found += _worded(text, meeting_date, [s.span for s in numbered])
    unique: dict[tuple[int, str | None, Reach, str | None], StatusStatement] = {}
    for statement in sorted(found, key=lambda s: (s.span.start, s.span.end)):
        key = (statement.span.start, statement.reference, statement.reach, statement.label)
        unique.setdefault(key, statement)
    return list(unique.values())
