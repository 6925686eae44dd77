"""Who attended: attendance tables, "Present:"/"In attendance:"/"Apologies:" lists and
apologies given in a sentence ("Apologies had been received from ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ingest.draft import AttendeeDraft, Span
from ingest.parse.lines import Line, next_nonblank
from ingest.parse.people import (
    NameIndex,
    Person,
    looks_like_name,
    parse_capacity,
    role_then_name,
    same_person,
    split_person,
    strip_markers,
)
from ingest.parse.tables import Table, find_tables, name_column
from records.enums import AttendanceStatus

_STATUS_LABELS: tuple[tuple[re.Pattern[str], AttendanceStatus], ...] = (
    (
        re.compile(
            r"apologies(?:\s+for\s+absence)?(?:\s+(?:were|had been|have been))?"
            r"(?:\s+(?:received|given|noted|tendered))?(?:\s+from)?"
            r"|absent|not present|unable to attend",
            re.IGNORECASE,
        ),
        AttendanceStatus.APOLOGIES,
    ),
    (
        re.compile(
            r"(?:also\s+)?in attendance|also present|also attending|officers in attendance|"
            r"officers present|officers|guests?|observers?|supporting officers|advisers",
            re.IGNORECASE,
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        re.compile(
            r"(?:members\s+)?present|attendees|attendance|attending|those present|"
            r"(?:board |panel |committee )?members(?:\s+present)?",
            re.IGNORECASE,
        ),
        AttendanceStatus.PRESENT,
    ),
)
_BILINGUAL_PREFIX = re.compile(r"^[^/:\t]{2,40}?\s/\s*")
_LABEL_END = re.compile(r"\s*(?::|\t|[-–—]\s|$)\s*")
# An agenda item straight after a list ("1. Holding to account – Rape and ...") ends it.
_ITEM_HEADING = re.compile(r"^(?:item\s+)?\d{1,3}(?:\.\d{1,2})*[.):]?(?:\s|$)", re.IGNORECASE)
_ANY_LABEL = re.compile(r"^[A-Z][A-Za-z /&]{1,30}:(?:\s|$)")
_APOLOGIES_SENTENCE = re.compile(
    r"\bapologies\s+(?:for\s+absence\s+)?(?:were\s+|had\s+been\s+|have\s+been\s+|was\s+)?"
    r"(?:received|given|tendered|submitted|noted)\s+(?:from|by|for)\s+(?P<names>[^.;]+)",
    re.IGNORECASE,
)
_SENT_APOLOGIES = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s+(?:had\s+|has\s+)?"
    r"(?:sent|gave|offered|tendered)\s+(?:his\s+|her\s+|their\s+)?apologies"
)
_NAME_RUN = re.compile(r"[\w'’-]+")
_CAPITAL = re.compile(r"[A-Z]")
_AND = re.compile(r"\s+(?:and|&)\s+")
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z])")


@dataclass
class Attendance:
    attendees: list[AttendeeDraft] = field(default_factory=list)
    chair: Person | None = None
    minute_taker: Person | None = None
    end: int = 0
    """Offset just after the last line of an attendance table or list (0 if none)."""


def _status_label(content: str) -> tuple[AttendanceStatus, str] | None:
    """(status, rest of line) when the line starts with an attendance label, perhaps after
    the same label in Welsh ("Yn bresennol / Present:")."""
    found = _status_label_at(content)
    prefix = _BILINGUAL_PREFIX.match(content) if found is None else None
    if prefix is not None:
        found = _status_label_at(content[prefix.end() :])
    return found


def _status_label_at(content: str) -> tuple[AttendanceStatus, str] | None:
    for pattern, status in _STATUS_LABELS:
        match = pattern.match(content)
        if not match:
            continue
        end = _LABEL_END.match(content, match.end())
        if end is None:
            if match.group().lower().endswith("from"):
                return status, content[match.end() :].strip()
            continue
        return status, content[end.end() :].strip()
    return None


def _split_outside_brackets(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == separator and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def _split_and(part: str) -> list[str]:
    """ "John Smith and Jane Doe" -> both; "Chief Constable and Jane Doe" -> role, person."""
    pieces = _AND.split(part)
    if len(pieces) > 1:
        last = split_person(pieces[-1])
        if last is not None and last.capacity is None and len(pieces[-1].split()) <= 4:
            head = " and ".join(pieces[:-1])
            return [head, pieces[-1]]
    return [part]


def _starts_person(piece: str) -> bool:
    """Whether a piece of a list starts a new person rather than going on with a capacity.

    A bilingual capacity ("Prif Weithredwr / Chief Executive") is capitalised like a name
    but its English half is a role.
    """
    if split_person(piece) is None:
        return False
    _, slash, english = piece.partition(" / ")
    return not slash or looks_like_name(strip_markers(english)[0].strip(" ()"))


def split_entries(text: str) -> list[str]:
    """Entries of an inline list: "A Smith (PCC), B Jones, Chief Constable; C Brown"."""
    text = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].rstrip(".")
    if role_then_name(text) is not None:
        return [text]  # "Chief Executive, OPCC – Colin Padgett"
    if ";" in text:
        groups = _split_outside_brackets(text, ";")
    else:
        groups = []
        for part in _split_outside_brackets(text, ","):
            for piece in _split_and(part):
                starts_person = _starts_person(piece)
                if starts_person or not groups:
                    groups.append(piece)
                else:
                    groups[-1] = f"{groups[-1]}, {piece}"
    return [group for group in groups if split_person(group) is not None]


def _span_of(text: str, needles: Sequence[str], start: int, end: int) -> Span:
    """Where the first of ``needles`` occurs in ``text[start:end]`` (else that whole range)."""
    for needle in needles:
        position = text.find(needle, start, end) if needle else -1
        if position >= 0:
            return Span(position, position + len(needle))
    return Span(start, end)


class _Collector:
    def __init__(self, text: str) -> None:
        self.text = text
        self.result = Attendance()
        # The names of ``result.attendees``, in the same order.
        self.names = NameIndex()

    def add(
        self,
        person: Person,
        status: AttendanceStatus,
        span: Span,
        line: Line,
        *,
        listed: bool = True,
    ) -> None:
        if person.is_chair and self.result.chair is None:
            self.result.chair = person
        if person.is_minute_taker and self.result.minute_taker is None:
            self.result.minute_taker = person
        if listed:
            self.result.end = max(self.result.end, line.end)
        match = self.names.first_match(person.name)
        if match is not None:
            existing = self.result.attendees[match]
            existing.capacity = existing.capacity or person.capacity
            existing.abbreviation = existing.abbreviation or person.abbreviation
            return
        self.names.add(person.name)
        self.result.attendees.append(
            AttendeeDraft(person.name, person.capacity, person.abbreviation, status, span)
        )

    def add_entries(
        self,
        entries: str,
        status: AttendanceStatus,
        line: Line,
        *,
        listed: bool = True,
        last: Line | None = None,
    ) -> int:
        """Adds the people of an inline list found on ``line`` (to ``last`` when wrapped)."""
        added = 0
        end = (last or line).content_end
        for entry in split_entries(entries):
            person = split_person(entry)
            if person is not None:
                span = _span_of(self.text, (entry, person.name), line.content_start, end)
                self.add(person, status, span, last or line, listed=listed)
                added += 1
        return added

    def add_row(
        self, cells: Sequence[str], columns: Sequence[str], status: AttendanceStatus, line: Line
    ) -> bool:
        name_cell, capacity_cells = _row_cells(cells, columns)
        person = split_person(name_cell)
        if person is None:
            return False
        capacity_text, is_chair, is_minute_taker = strip_markers(", ".join(capacity_cells))
        capacity, abbreviation = parse_capacity(capacity_text or None)
        person = Person(
            person.name,
            capacity or person.capacity,
            abbreviation or person.abbreviation,
            person.is_chair or is_chair,
            person.is_minute_taker or is_minute_taker,
        )
        self.add(person, status, Span(line.content_start, line.content_end), line)
        return True


def _row_cells(cells: Sequence[str], columns: Sequence[str]) -> tuple[str, list[str]]:
    """(name cell, capacity cells) of a row, using the header's columns when they line up."""
    if len(cells) == len(columns) >= 2:
        name_index = name_column(columns)
        others = [cell for i, cell in enumerate(cells) if i != name_index and cell not in "-–"]
        return cells[name_index], others
    return cells[0], list(cells[1:2])


def _parse_table(
    collector: _Collector,
    lines: Sequence[Line],
    table: Table,
    status: AttendanceStatus = AttendanceStatus.PRESENT,
) -> None:
    if table.label:
        labelled = _status_label(table.label + ":")
        status = labelled[0] if labelled else status
    for index in table.rows:
        line = lines[index]
        cells = list(line.cells)
        labelled = _status_label(cells[0]) if cells[0].rstrip().endswith(":") else None
        if labelled is not None:
            status = labelled[0]
            cells.pop(0)
        if not cells or not collector.add_row(cells, table.columns, status, line):
            break


def _parse_list(
    collector: _Collector, lines: Sequence[Line], start: int, status: AttendanceStatus, rest: str
) -> int:
    """Reads a labelled list from ``lines[start]``; returns the index after it."""
    line = lines[start]
    found = 0
    if rest and "\t" not in rest:
        rest, last = _join_wrapped(lines, start, rest)
        if last > start:
            found += collector.add_entries(rest, status, line, last=lines[last])
            return last + 1
    if rest:
        cells = [cell for cell in rest.split("\t") if cell.strip()]
        if len(cells) == 2 and split_person(cells[0]) is not None:
            found += collector.add_row(cells, (), status, line)
        else:
            found += collector.add_entries(rest, status, line)
    index = start + 1
    skipped_blank = False
    while index < len(lines):
        current = lines[index]
        if current.blank:
            if found or skipped_blank:
                break
            skipped_blank = True
            index += 1
            continue
        if (
            current.heading_level
            or _status_label(current.content)
            or _ANY_LABEL.match(current.content)
            or _ITEM_HEADING.match(current.content)
        ):
            break
        if len(current.cells) >= 2 and split_person(current.cells[0]) is not None:
            added = int(collector.add_row(current.cells, (), status, current))
        else:
            added = collector.add_entries(current.content, status, current)
        if not added:
            break
        found += added
        index += 1
    return index


def _join_wrapped(lines: Sequence[Line], start: int, rest: str) -> tuple[str, int]:
    """An inline list with the lines that continue it (a wrapped "Present: A (PCC), B (Deputy
    Police and" / "Crime Commissioner), ..."); returns the text and the last line used.
    """
    text = rest
    last = start
    for line in lines[start + 1 :]:
        if line.blank or len(line.cells) > 1 or line.heading_level:
            break
        if (
            _status_label(line.content)
            or _ANY_LABEL.match(line.content)
            or _ITEM_HEADING.match(line.content)
        ):
            break
        unbalanced = text.count("(") > text.count(")")
        continues = unbalanced or text.rstrip().endswith((",", " and", "&"))
        if continues or re.match(r"^[a-z(]", line.content):
            text = f"{text} {line.content}"
        elif split_person(line.content) is not None:
            text = f"{text}, {line.content}"
        else:
            break
        last = line.index
    return text, last


def _sent_apologies(content: str) -> Iterator[re.Match[str]]:
    """The matches of ``_SENT_APOLOGIES.finditer(content)``, in time linear in the line.

    A name's first word runs from a capital to the end of its run of word characters, so
    whether a match starts inside a run depends on what follows the run alone: only the
    first capital of each run is tried, where ``finditer`` would try every capital and read
    the rest of the run again from each (quadratic in a long run of capitals).
    """
    position = 0
    while (run := _NAME_RUN.search(content, position)) is not None:
        capital = _CAPITAL.search(content, run.start(), run.end() - 1)
        match = _SENT_APOLOGIES.match(content, capital.start()) if capital else None
        if match is None:
            position = run.end()
            continue
        yield match
        position = match.end()


def _parse_sentences(collector: _Collector, lines: Iterable[Line]) -> None:
    for line in lines:
        for match in _APOLOGIES_SENTENCE.finditer(line.content):
            collector.add_entries(
                match.group("names"), AttendanceStatus.APOLOGIES, line, listed=False
            )
        for match in _sent_apologies(line.content):
            person = split_person(match.group("name"))
            if person is not None:
                span = _span_of(
                    collector.text, (match.group("name"),), line.content_start, line.content_end
                )
                collector.add(person, AttendanceStatus.APOLOGIES, span, line, listed=False)


def parse_attendance(text: str, lines: Sequence[Line]) -> Attendance:
    """Attendees from tables and labelled lists (``lines`` from ``split_lines(text)``), then
    apologies stated in sentences anywhere.
    """
    collector = _Collector(text)
    tables = {t.header: t for t in find_tables(lines) if t.kind == "attendance"}
    index = 0
    while index < len(lines):
        line = lines[index]
        table = tables.get(index)
        if table is not None:
            _parse_table(collector, lines, table)
            index = table.last + 1
            continue
        labelled = _status_label(line.content) if not line.blank else None
        if labelled is not None and not _looks_like_prose_label(line.content):
            status, rest = labelled
            following = next_nonblank(lines, index)
            if not rest and following is not None and following.index in tables:
                # "Apologies" over a "Role | Name" table: the table's rows take that status.
                table = tables[following.index]
                _parse_table(collector, lines, table, status)
                index = table.last + 1
                continue
            if rest and (header := _inline_header(rest)) is not None:
                inline = Table("attendance", index, header, _following_rows(lines, index), None)
                _parse_table(collector, lines, inline)
                index = inline.last + 1
                continue
            index = max(_parse_list(collector, lines, index, status, rest), index + 1)
            continue
        index += 1
    _parse_sentences(collector, (line for line in lines if not line.blank))
    return collector.result


def _looks_like_prose_label(content: str) -> bool:
    """ "Present were the PCC and ..." or "Members of the public ..." are sentences, not labels."""
    return len(content.split()) > 40 and ":" not in content[:40]


def _inline_header(rest: str) -> tuple[str, ...] | None:
    cells = [cell.strip().rstrip(":").lower() for cell in rest.split("\t") if cell.strip()]
    if len(cells) >= 2 and cells[0] in ("name", "names") and len(" ".join(cells).split()) <= 6:
        return tuple(cells)
    return None


def _following_rows(lines: Sequence[Line], header: int) -> tuple[int, ...]:
    rows: list[int] = []
    for index in range(header + 1, len(lines)):
        if len(lines[index].cells) < 2:
            break
        rows.append(index)
    return tuple(rows)


def include_officers(attendance: Attendance, *officers: Person | None) -> None:
    """Adds the chair and the minute taker as attendees when the lists left them out."""
    for officer in officers:
        if officer is None:
            continue
        if any(same_person(a.name, officer.name) for a in attendance.attendees):
            continue
        attendance.attendees.append(
            AttendeeDraft(officer.name, officer.capacity, officer.abbreviation)
        )
