"""``parse_document``: cleaned minutes text -> ``MeetingDraft``.

The steps run in this order, each reading the text and what the earlier ones found:
header -> body -> attendance -> items -> acronyms -> themes -> actions -> metrics ->
next meeting. Warnings from every step are collected on the draft. An agenda keeps of its
names only the apologies: the others are expected, not present.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ingest.draft import AttendeeDraft, GlossaryEntry, MeetingDraft, Span
from ingest.errors import NotMinutesError
from ingest.parse.actions import parse_actions
from ingest.parse.attendance import include_officers, parse_attendance
from ingest.parse.body import detect_body
from ingest.parse.chair import meeting_chair
from ingest.parse.dates import iter_dates
from ingest.parse.doctype import agenda_end, detect_document_type
from ingest.parse.header import Header, parse_header
from ingest.parse.items import parse_items
from ingest.parse.lines import Line, split_lines
from ingest.parse.metrics import parse_metrics
from ingest.parse.next_meeting import parse_next_meeting
from ingest.parse.not_records import has_record_marks, not_a_record
from ingest.parse.people import Person
from ingest.parse.themes import assign_themes, find_acronym_definitions
from records import clock
from records.enums import AttendanceStatus, DocumentType

_ACTION_LINE = re.compile(r"^(?:action(?:\s+(?:point\s+)?\d+)?\s*[:\-–.]|actions?\s+agreed)", re.I)


def _has_action_lines(lines: Sequence[Line]) -> bool:
    return any(_ACTION_LINE.match(line.content) for line in lines)


def _attended(
    attendees: Sequence[AttendeeDraft], document_type: DocumentType
) -> list[AttendeeDraft]:
    """Who the record says attended. An agenda names those expected (its members, its
    invitees, its chair), not who came: of its names only the apologies it records are
    facts of attendance."""
    if document_type is not DocumentType.AGENDA:
        return list(attendees)
    return [person for person in attendees if person.status is AttendanceStatus.APOLOGIES]


def _named_in(own: str, person: Person | None) -> Person | None:
    """``person`` when the agenda's ``own`` text names them: the header may have read a
    chair's label or mark from the minutes its pack encloses."""
    return person if person is not None and person.name in own else None


def _latest_date(text: str) -> dt.date:
    """The latest full date in ``text`` (today's when it has none)."""
    return max((m.date for m in iter_dates(text)), default=clock.today())


def _line_after(lines: Sequence[Line], offset: int) -> int:
    """Index of the first line that starts at or after ``offset``."""
    return next((line.index for line in lines if line.start >= offset), len(lines))


def parse_document(
    text: str, *, glossary: Sequence[GlossaryEntry] = (), file_name: str | None = None
) -> MeetingDraft:
    """Parses cleaned minutes text into a ``MeetingDraft``.

    A text that states no meeting date gives a draft without one (and a warning) when it
    records a meeting all the same: attendance, numbered agenda items, actions or minute
    text. Raises ``NotMinutesError`` when it has none of those either, and when the text is
    not a meeting record at all (a news page, an index of meetings, a decision log: see
    ``ingest.parse.not_records``), saying what it looks like.
    """
    lines = split_lines(text)
    if all(line.blank for line in lines):
        raise NotMinutesError("the text is empty")

    header = parse_header(lines, file_name=file_name, text_head=text[:3000])
    body = detect_body(text, [line.content for line in lines[: header.end]])
    attendance = parse_attendance(text, lines)
    body_start = max(
        header.last_line + 1, _line_after(lines, attendance.end) if attendance.end else 0
    )
    items = parse_items(text, lines, body_start=body_start, skip=header.title_lines)

    reason = not_a_record(lines, attendees=len(attendance.attendees))
    if reason is not None:
        raise NotMinutesError(reason)
    warnings = list(header.warnings)
    if header.date is None:
        numbered = any(item.number for item in items)
        recorded = numbered or attendance.attendees or _has_action_lines(lines)
        if not recorded and not has_record_marks(lines):
            raise NotMinutesError(
                "no meeting date, attendance, agenda items or actions, and no minute text, "
                "were found: the text does not describe a meeting"
            )
        warnings.append("the text states no meeting date; the meeting is stored without one")
    # Dates without a year, due dates and "the previous meeting" are read relative to the
    # meeting's date; without one, relative to the latest date the text gives.
    reference_date = header.date or _latest_date(text)

    document_type = detect_document_type(
        header.title, lines, header_lines=lines[: header.end], item_count=len(items)
    )
    labelled_chair, marked_chair = header.chair, header.marked_chair
    if document_type is DocumentType.AGENDA:
        # a pack enclosing an earlier meeting's minutes carries that meeting's chair and
        # apologies, not this one's: read them from the agenda's own text (its own
        # "Membership: ... (Chair)" stays)
        own = text[: agenda_end(text, lines, header_lines=lines[: header.end])]
        if len(own) < len(text):
            attendance = parse_attendance(own, split_lines(own))
            labelled_chair = _named_in(own, labelled_chair)
            marked_chair = _named_in(own, marked_chair)
    chair = meeting_chair(
        labelled_chair,
        attendance.chair,
        marked_chair,
        from_sentences=attendance.chair_in_sentences,
        agenda=document_type is DocumentType.AGENDA,
    )
    minute_taker = header.minute_taker or attendance.minute_taker
    include_officers(attendance, chair, minute_taker)

    acronyms = find_acronym_definitions(text)
    themes = assign_themes(items, text, glossary, acronyms)
    actions, action_warnings = parse_actions(
        text, items, attendance.attendees, meeting_date=reference_date
    )
    metrics = parse_metrics(text, items)
    next_meeting = parse_next_meeting(
        lines, items, meeting_date=header.date, reference_date=reference_date, kind=header.kind
    )

    return MeetingDraft(
        document_type=document_type,
        title=header.title,
        kind=header.kind,
        date=header.date,
        body=body,
        start_time=header.start_time,
        venue=header.venue,
        chair=chair.name if chair else None,
        minute_taker=minute_taker.name if minute_taker else None,
        attendees=_attended(attendance.attendees, document_type),
        items=items,
        actions=actions,
        metrics=metrics,
        themes=themes,
        acronyms=acronyms,
        next_meeting=next_meeting,
        warnings=[*warnings, *action_warnings],
        header_span=_header_span(lines, header),
    )


def _header_span(lines: Sequence[Line], header: Header) -> Span | None:
    """From the first line of the title to the last line the header's details were read
    from; None when the header was read from no line (a title from the file name)."""
    used = [index for index in (*header.title_lines, header.last_line) if index >= 0]
    if not used:
        return None
    first, last = lines[min(used)], lines[max(used)]
    return Span(first.content_start, last.content_end)
