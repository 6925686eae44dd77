"""The next meeting: kind, title, date, time and venue.

Read from a labelled line ("Date of next meeting: Thursday 5th September 2019, 10.00am,
Committee Room 2"), a heading over a list of dates ("FUTURE MEETINGS"), an agenda item
about it ("Confirmation of next meeting type / date / time / venue:", "Next meeting"), a
sentence ("The next meeting will be held on ..."), or any other mention ("the next Board
meeting on 3 June", "Update to be provided at next Executive Board 15th January 2016",
"agreed to adjourn and to reconvene on 14 September", "Future meeting dates Wed 16
October", "Meeting Schedule for 2019/20 ... 30/09/19", "further meetings of the Panel on 15
and 22 March", "Deferred to executive Board on 15 October"), also where its sentence wraps
onto the next line. The first of those that
gives a date after the meeting's own wins: a schedule lists this meeting too, and a change
("brought forward to the 19th September") names the date that holds. The text before the
date names the meeting, the text after the time is the venue (not a clause such as "when a
quorum was expected"); a date without a year takes the first such date after the meeting.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

from ingest.draft import ItemDraft, NextMeetingDraft
from ingest.parse.dates import find_date, find_time, iter_dates
from ingest.parse.kinds import find_meeting_kind
from ingest.parse.lines import Line
from ingest.parse.text import sentence_end
from records import clock
from records.enums import MeetingKind

MAX_SECTION_LINES = 4
MENTION_LINE_CHARS = 20_000
"""Characters of a line searched for a mention of the next meeting."""
MENTION_CHARS = 200
"""Characters after a mention read for its date."""

_NEXT_TITLE = re.compile(r"\bnext\s+meeting\b|\bfuture\s+meeting\s+dates?\b", re.IGNORECASE)
# An item that lists the dates set for the body's meetings: "Dates of Meetings 2020/21", "Dates
# of future meetings", "Meeting dates for 2024/25".
_DATES_TITLE = re.compile(
    r"^(?:dates?\s+of\s+(?:future\s+|forthcoming\s+)?meetings|meeting\s+dates)\b", re.I
)
# "The last meeting of the Panel was on the 15th Mar 2024, and the next meeting will be ...":
# a page written later than the meeting, its last and next meetings not this one's.
_LAST_MEETING = re.compile(
    r"\b(?:last|previous)\s+meeting\b[^.;]{0,120}?\b(?:was|were|took\s+place)\s+(?:held\s+)?"
    r"(?:on\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
_NEXT_LABEL = re.compile(
    r"^(?:(?:date|details|time|venue|arrangements|confirmation)(?:,?\s+(?:and|&|/)?\s*\w+)*"
    r"\s+of\s+(?:the\s+)?)?next\s+meeting\b[^:\t]{0,40}?(?::|\t|\s[-–—]\s)\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_NEXT_SENTENCE = re.compile(
    r"\b(?:the\s+)?next\s+meeting(?:\s+of\s+the\s+[\w ]{1,40}?)?\s+"
    r"(?:will\s+be|is|would\s+be|was\s+(?:set|arranged|agreed)"
    r"(?:\s+for)?|to\s+be)\b(?P<value>.+)$",
    re.IGNORECASE,
)
# "the next Board meeting on 3 June", "Future meeting dates Wed 16 October 2019",
# "Meeting Schedule for 2019/20 17/06/2019 ... 30/09/19", "next meeting as fixed for ...".
_MENTION = re.compile(
    r"\bnext\s+(?:[A-Za-z]+\s+){0,2}?meeting\b|\bfuture\s+meeting\s+dates?\b|"
    # the body's own sittings still to come: "there were further meetings of the Panel on 15
    # and 22 March"
    r"\b(?:further|forthcoming|upcoming)\s+meetings?\s+of\s+the\s+(?:panel|committee|"
    r"sub-committee|board|group|forum)\b|"
    # the body's next sitting by its name, in a sentence or an action's update: "Update to
    # be provided at next Executive Board 15th January 2016"
    r"\bnext\s+(?:(?-i:[A-Z])[\w&'’-]*\s+){1,4}?(?:board|panel|committee|sub-committee|"
    r"group|forum)\b|"
    r"\bdates?\s+of\s+(?:future|forthcoming)\s+meetings\b|\bmeeting\s+schedule\b|"
    r"\bschedule\s+of\s+meetings\b|"
    # an extra sitting announced ahead: "the hearing would be held as an extraordinary
    # meeting on Wednesday 28th February", "a special meeting will be held on 3 May"
    r"\b(?:will|would|is\s+to|are\s+to)\s+be\s+held\s+as\s+an?\s+(?:extraordinary|special|"
    r"additional)\s+meeting\b|\b(?:extraordinary|special|additional)\s+meeting\s+"
    # "That an additional meeting of the Eastshire Police and Crime Panel be scheduled to take
    # place on 12 January"
    r"(?:of\s+(?:the\s+)?[\w ,&'’]{1,60}?\s+)?(?:will|would|is\s+to|should|be)\s+(?:be\s+)?"
    r"(?:held|scheduled|arranged|convened|take\s+place)\b|"
    # "The Panel will next meet on ...", "The Committee agreed to meet again on ..." (the
    # body itself, not "the Commissioner would meet again with residents")
    r"\b(?:panel|committee|board|members|group|forum)\s+(?:will|would|shall|(?:agreed\s+)?to)\s+"
    r"(?:next\s+meet|meet\s+(?:next|again))\b|"
    # an adjourned meeting called back: "agreed to adjourn and to reconvene on 14 September",
    # "the meeting would be reconvened on ..."
    r"\b(?:to|will|would|shall)\s+(?:be\s+)?reconvened?\b|"
    # business put off to the body's next sitting: "Paper not available. Deferred to
    # executive Board on 15 October 2013", "held over to the Panel on 3 May"
    r"\b(?:deferred|held\s+over|carried\s+(?:forward|over))\s+(?:un)?to\s+(?:the\s+)?"
    r"(?:[\w&'’-]+\s+){0,3}?(?:board|panel|committee|sub-committee|group|forum)\b",
    re.IGNORECASE,
)
# A heading alone on its line over the dates: "FUTURE MEETINGS", "Dates of forthcoming
# meetings", "To Confirm the Venues of Future Meetings", "Next meeting:" (an agenda front
# sheet's list, the first is the next).
_SCHEDULE_HEADING = re.compile(
    r"^(?:\d{1,3}[.)]?\s+)?(?:to\s+(?:confirm|agree|note|approve|set|fix)(?:\s+or\s+vary)?\s+"
    r"(?:the\s+)?)?(?:(?:(?:dates?|venues?|times?|programme|schedule|calendar)"
    r"(?:,?\s+(?:(?:and|&)\s+)?(?:dates?|venues?|times?))*\s+of\s+)?"
    r"(?:future|forthcoming)\s+meetings?"
    r"(?:\s+dates?)?|(?:(?:dates?|details)(?:\s+and\s+times?)?\s+of\s+(?:the\s+)?)?next\s+"
    r"meetings?(?:\s+dates?)?)\s*:?$",
    re.IGNORECASE,
)
LEAD_IN_MIN_WORDS = 4
"""Words of a sentence ending in a colon that leads into a list of dates."""
_CHANGED_TO = re.compile(
    r"\b(?:brought\s+forward|moved|changed|rearranged|rescheduled|put\s+back|postponed|"
    r"deferred|re-?arranged)\s+(?:un)?to\b",
    re.IGNORECASE,
)
_KIND_WORDS = re.compile(
    r"\b(?:meeting|thematic|board|panel|committee|assurance|performance|accountability|"
    r"session|forum|briefing|review)\b",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\x00|[,;()\n]|\s[-–—]\s|\s*[-–—]\s*(?=\x00)")
_EDGE_WORDS = re.compile(
    r"^(?:(?:on|at|from|in|via|the|held|be|will|is|to|venue|location|time|date|and)\b[\s:]*)+|"
    r"(?:\b(?:on|at|from|in|via|the|held|be|will|is|to|and|take\s+place|scheduled))+$",
    re.IGNORECASE,
)
_VENUE_WORDS = re.compile(
    r"\b(?:room|boardroom|chamber|hall|headquarters|hq|offices?|house|centre|building|street|"
    r"road|teams|zoom|virtual(?:ly)?|online|station|suite)\b",
    re.IGNORECASE,
)
_DETAIL_LABEL = re.compile(r"^(?:venue|location|place|time|start time|where)\b", re.IGNORECASE)
_PARAGRAPH_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,2})*\.?")
_TO_BE_CONFIRMED = re.compile(
    r"^(?:tbc|tba|to be (?:confirmed|arranged|agreed|advised)|none)$", re.I
)
# "(From the date of this meeting)": a note on the date, not the next meeting's name.
_THIS_MEETING = re.compile(r"\bthis\s+meeting\b", re.IGNORECASE)
# A clause after the date says why or on what terms, not where: "..., when a quorum was
# expected", "..., subject to the Chair's agreement".
_CLAUSE = re.compile(
    r"^(?:when|where|which|who|if|unless|subject\s+to|because|provided|so\s+that)\b", re.I
)
_VIRTUAL = re.compile(r"^(?:to be held\s+)?(?:virtual(?:ly)?|online|remote(?:ly)?)$", re.IGNORECASE)


# A body named in a sentence: by its name in capitals ("the Police Accountability Board",
# "Joint Audit Committee"), or by its kind alone ("the Panel", "the Committee's"), which is
# the body whose record this is.
_BODY = re.compile(
    r"(?P<named>(?-i:\b(?:[A-Z][\w&'’-]*\s+(?:(?:and|&|of|for)\s+)?){1,5}"
    r"(?:Board|Panel|Committee|Sub-Committee|Group|Forum|Authority))\b)|"
    r"(?P<own>\b(?:the|this|our)\s+(?:board|panel|committee|sub-committee|group|forum|"
    r"authority|meeting)\b)",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?;]\s+(?=[A-Z])")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
BODY_AFTER_CHARS = 80
"""Characters after "next meeting of the" read for the body it names."""


def _another_body(content: str, start: int, end: int, kind: MeetingKind | None) -> bool:
    """Whether the mention of a next meeting at ``content[start:end]`` is another body's:
    the body its sentence names last before it or in it ("the next Force Executive Board
    on 3 June"), or right after it ("next meeting of the Audit Committee"), is of another
    kind than this meeting's ("... how often the Police Accountability Board met ... the
    next meeting to be held on 12th November" in a panel's minutes). A body named by its
    kind alone ("the Panel") is this one."""
    if kind is None:
        return False
    breaks = list(_SENTENCE_BREAK.finditer(content, 0, start))
    sentence_start = breaks[-1].end() if breaks else 0
    after = _OF_THE.match(content, end)
    stretch_end = after.end() + BODY_AFTER_CHARS if after else end
    last: re.Match[str] | None = None
    for body in _BODY.finditer(content, sentence_start, stretch_end):
        if body.end() > end and after is None:
            break
        last = body
        if after is not None and body.start() >= after.end():
            break
    if last is None or last.group("named") is None:
        return False
    other = find_meeting_kind(last.group("named"))
    return other is not None and other is not kind


def _written_later(line: Line, meeting_date: dt.date | None) -> bool:
    """Whether a line gives a "last meeting" after the meeting's own date: it speaks from a
    later time than the meeting, so its "next meeting" is not this meeting's next."""
    if meeting_date is None:
        return False
    for said in _LAST_MEETING.finditer(line.content):
        found = find_date(line.content[said.end() :])
        if found is not None and found.span[0] == 0 and found.date > meeting_date:
            return True
    return False


def _sections(
    lines: Sequence[Line],
    items: Sequence[ItemDraft],
    meeting_date: dt.date | None = None,
    kind: MeetingKind | None = None,
) -> Iterator[str]:
    """The words about the next meeting, best first: a labelled line, an item about it, a
    sentence saying when it will be, and any other mention ("the next Board meeting on
    3 June", "Future meeting dates Wed 16 October", "Meeting Schedule ... 30/09/19")."""
    lines = [line for line in lines if not _written_later(line, meeting_date)]
    for line in reversed(lines):
        label = _NEXT_LABEL.match(line.content)
        if label:
            yield _with_following(lines, line, label.group("value"))
    for line in reversed(lines):
        if _SCHEDULE_HEADING.match(line.content):
            under = _lines_under(lines, line)
            if find_date(under, default_year=2000) is not None:
                yield under
    for item in reversed(items):
        named = _NEXT_TITLE.search(item.title) or _DATES_TITLE.match(item.title)
        if named and item.text.strip():
            section = _item_section(lines, item)
            if section:
                yield section
    for line in reversed(lines):
        sentence = _NEXT_SENTENCE.search(line.content)
        if sentence and _another_body(
            line.content, sentence.start(), sentence.start("value"), kind
        ):
            continue
        value = sentence.group("value")[:MENTION_CHARS] if sentence else ""
        if value and find_date(value, default_year=2000) is not None:
            yield value
    for position in range(len(lines) - 1, -1, -1):
        content = _with_wrapped(lines, position)
        for mention in _MENTION.finditer(content[:MENTION_LINE_CHARS]):
            if _another_body(content, mention.start(), mention.end(), kind):
                continue
            # A bare mention gives a date in its own sentence: "to be brought to the next
            # meeting. ... from 1st May this will move ..." names no date for it.
            limit = min(len(content), mention.end() + MENTION_CHARS)
            rest = content[mention.end() : sentence_end(content, mention.end(), limit)]
            if find_date(rest, default_year=2000) is not None:
                yield rest


# A line that stops on a word that asks for what follows: "The next meeting will be held on"
# / "12 March 2024".
_ASKS_FOR_MORE = re.compile(
    r"\b(?:on|at|for|of|the|next|be|held|until|from|to|is|was|will|dated|meeting|meet|"
    r"in|by|and|&|scheduled|arranged|set|fixed|reconvene|reconvened|place)\s*[,–—-]?\s*$",
    re.IGNORECASE,
)


def _with_wrapped(lines: Sequence[Line], position: int) -> str:
    """A line's text, with the next line's when its sentence runs on there ("Update to be
    provided at next" / "Executive Board 15th January 2016.")."""
    content = lines[position].content
    following = lines[position + 1] if position + 1 < len(lines) else None
    if (
        not content
        or content.endswith((".", ";", ":", "!", "?"))
        or following is None
        or following.blank
        or following.index != lines[position].index + 1
        or len(following.cells) > 1
    ):
        return content
    opens_dated = next(iter_dates(following.content), None)
    if opens_dated is not None and opens_dated.span[0] == 0 and not _ASKS_FOR_MORE.search(content):
        # a new dated entry ("Vote to be held at the next meeting – Action ongoing" /
        # "February 2024 - review in 12 months."), not the date the sentence was waiting for
        return content
    return f"{content} {following.content}"


def _lines_under(lines: Sequence[Line], heading: Line) -> str:
    """The first non-blank lines under a heading, blank lines between them and a sentence
    leading into the list ("that the meetings and venues be confirmed as follows:") kept
    out."""
    under = [
        line.content
        for line in lines[heading.index + 1 : heading.index + 1 + 2 * MAX_SECTION_LINES]
        if not line.blank and not _leads_in(line.content)
    ]
    return "\n".join(under[: MAX_SECTION_LINES - 1])


def _leads_in(content: str) -> bool:
    return content.rstrip().endswith(":") and len(content.split()) >= LEAD_IN_MIN_WORDS


def _up_to_next_dated_line(value: str, after: int) -> str:
    """``value`` up to the line of the next date after ``after``: a schedule's later
    entries ("· Wednesday 23 January 2019, 7pm – Holywells ward") are no venue of the
    next meeting."""
    later = find_date(value[after:], default_year=2000)
    if later is None:
        return value
    cut = value.rfind("\n", after, after + later.span[0])
    return value[:cut] if cut >= 0 else value


def _item_section(lines: Sequence[Line], item: ItemDraft) -> str:
    """The first lines under a next-meeting item, up to the line with the date (and any
    venue/time label lines after it); blank lines between them (paragraphs of a Word or
    Markdown document) do not end it."""
    body = [
        line
        for line in lines
        if item.span.start < line.start and line.content_end <= item.span.end and not line.blank
    ]
    parts: list[str] = []
    dated = False
    for line in body[:MAX_SECTION_LINES]:
        content = _without_paragraph_number(line)
        if content is None:
            if parts:
                break
            continue
        if dated and not _DETAIL_LABEL.match(content):
            break
        parts.append(content)
        dated = dated or find_date(content, default_year=2000) is not None
    return "\n".join(parts)


def _without_paragraph_number(line: Line) -> str | None:
    """A line's text without a paragraph number cell ("7.1<tab>Wednesday 7th April ...");
    None for a blank line or a table row."""
    if line.blank:
        return None
    if len(line.cells) == 1:
        return line.content
    if len(line.cells) == 2 and _PARAGRAPH_NUMBER.fullmatch(line.cells[0]):
        return line.cells[1]
    return None


def _first_sentence_with_date(value: str) -> str:
    """Cuts what follows the sentence that gives the date ("..., 2pm. A further ...")."""
    found = find_date(value, default_year=2000)
    if found is None:
        return value
    return value[: sentence_end(value, found.span[1], len(value))]


def _with_following(lines: Sequence[Line], line: Line, value: str) -> str:
    """A label's value plus the short lines right under it (a venue on its own line)."""
    parts = [value]
    for following in lines[line.index + 1 : line.index + MAX_SECTION_LINES]:
        if following.blank or len(following.cells) > 1 or len(following.content.split()) > 12:
            break
        if not _DETAIL_LABEL.match(following.content):
            break
        parts.append(following.content)
    return "\n".join(parts)


def _clean(segment: str) -> str:
    cleaned = segment.strip(" \t.:*")
    previous = None
    while previous != cleaned:
        previous = cleaned
        cleaned = _EDGE_WORDS.sub("", cleaned).strip(" \t.:*")
    return re.sub(r"\s+", " ", cleaned)


def _next_date(
    value: str, meeting_date: dt.date | None, reference: dt.date
) -> tuple[dt.date | None, tuple[int, int]]:
    """The next meeting's date in ``value``: the one a change names ("brought forward to the
    19th September"), else the first after the meeting's own date (a schedule lists both),
    a date without a year taking the first such date after the meeting."""
    changed = _CHANGED_TO.search(value)
    start = changed.end() if changed else 0
    for found in iter_dates(value[start:], default_year=reference.year):
        date = found.date
        if not found.has_year and date <= reference:
            try:
                date = date.replace(year=date.year + 1)
            except ValueError:  # 29 February
                date = date.replace(year=date.year + 1, day=28)
        if meeting_date is None or date > meeting_date:
            return date, (found.span[0] + start, found.span[1] + start)
    return None, (0, 0)


def parse_next_meeting(
    lines: Sequence[Line],
    items: Sequence[ItemDraft],
    *,
    meeting_date: dt.date | None,
    reference_date: dt.date | None = None,
    kind: MeetingKind | None = None,
) -> NextMeetingDraft | None:
    """What the text says about the next meeting, or None when it says nothing.

    The next meeting's date comes after ``meeting_date`` when that is known; dates without
    a year are read from ``reference_date`` (the meeting's date, else a date of the text).
    A sentence about the next meeting of a body of another ``kind`` than this meeting's
    is skipped.
    """
    reference = meeting_date or reference_date or clock.today()
    first: str | None = None
    value: str | None = None
    date: dt.date | None = None
    date_span = (0, 0)
    for section in _sections(lines, items, meeting_date, kind):
        candidate = _first_sentence_with_date(section)
        first = first if first is not None else candidate
        date, date_span = _next_date(candidate, meeting_date, reference)
        if date is not None:
            value = candidate
            break
    if value is None:
        if first is None:
            return None
        value = first
    if date is not None:
        value = _up_to_next_dated_line(value, date_span[1])
    masked = value
    if date is not None:
        masked = value[: date_span[0]] + "\x00" + _without_dates(value[date_span[1] :])
    time_match = find_time(masked)
    start_time = time_match.time if time_match else None
    while time_match is not None:
        masked = masked[: time_match.span[0]] + "\x00" + masked[time_match.span[1] :]
        time_match = find_time(masked)
    marker = masked.find("\x00")
    before = masked[:marker] if marker >= 0 else ""
    after = masked[marker:] if marker >= 0 else masked
    title, venue_parts = _title_and_venue(before, after)
    kind = find_meeting_kind(title) if title else None
    if title and kind is None:
        kind = MeetingKind.OTHER
    venue = ", ".join(venue_parts) or None
    if date is None and start_time is None and title is None and venue is None:
        return None
    return NextMeetingDraft(title=title, kind=kind, date=date, start_time=start_time, venue=venue)


def _without_dates(text: str) -> str:
    """``text`` with its dates taken out (the later dates of a schedule are no venue)."""
    for found in reversed(list(iter_dates(text, default_year=2000))):
        text = text[: found.span[0]] + "\n" + text[found.span[1] :]
    return text


def _segments(text: str) -> list[str]:
    return [
        cleaned
        for part in _SEPARATORS.split(text)
        if (cleaned := _clean(part)) and any(ch.isalpha() for ch in cleaned)
    ]


def _title_and_venue(before: str, after: str) -> tuple[str | None, list[str]]:
    before_parts = [
        part
        for part in _segments(before)
        if not _NEXT_TITLE.search(part)
        and not _TO_BE_CONFIRMED.match(part)
        and not _THIS_MEETING.search(part)
    ]
    after_parts = [
        part
        for part in _segments(after)
        if not _TO_BE_CONFIRMED.match(part) and not _CLAUSE.match(part)
    ]
    title: str | None = None
    named = before_parts + [part for part in after_parts if not _VENUE_WORDS.search(part)]
    for part in named:
        if _KIND_WORDS.search(part) and not _NEXT_TITLE.search(part):
            title = part
            break
    if title is None and before_parts:
        title = before_parts[0]
    venue_parts = [part for part in after_parts if part != title]
    venue_parts = ["Virtual" if _VIRTUAL.match(part) else part for part in venue_parts]
    return title, venue_parts
