"""The header of minutes: title, kind, date, start time, venue, chair and minute taker.

Headers come as labelled lines ("Date: Thursday 26 February, 10:00 am", "- Venue Virtual",
"**Chair:** ..."), as several labels on one line ("Chair: X. Minute taker: Y."), or as
plain lines ("Wednesday 16 October 2019, 2.00pm" then the venue on the next line), or as a
table flattened into a block of labels over a block of values (``ingest.parse.label_blocks``).
A date without a year takes the year of the title, else of the header, else of the file
name, else of the text; a financial year ("the outturn for 2023/24") is no calendar year and
counts last. A time the header does not give may be told under the attendance ("The meeting
commenced at 10.05am.").
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ingest.parse.dates import (
    MONTH_PATTERN,
    WEEKDAY_NAMES,
    DateMatch,
    TimeMatch,
    find_calendar_year,
    find_date,
    find_time,
    latest_financial_year,
)
from ingest.parse.kinds import chief_officers_body, meeting_kind
from ingest.parse.label_blocks import label_blocks
from ingest.parse.lines import Line, is_prose
from ingest.parse.meeting_date import (
    DateCandidate,
    best_candidate,
    page_opening,
    score_dates,
    time_after,
    time_before,
)
from ingest.parse.meeting_name import (
    body_from_text,
    find_meeting_name,
    is_long_title,
    kind_from_text,
)
from ingest.parse.people import GIVEN_NAMES, Person, looks_like_name, split_person, strip_titles
from records.enums import MeetingKind

HEADER_MAX_LINES = 60
TEXT_LINES = 400
"""Lines read for the body's name when the header gives none."""

_LABELS: dict[str, str] = {
    "date": r"date\s+and\s+time|date\s*&\s*time|date\s*/\s*time|date\s+of\s+(?:the\s+)?meeting"
    r"|meeting\s+date|date",
    "time": r"start\s+time|meeting\s+time|times?|start",
    "venue": r"meeting\s+venue|meeting\s+location|venue|location|place|where|held\s+at",
    "chair": r"chaired\s+by|chairman|chairperson|chairwoman|chair\s+person|in\s+the\s+chair|chair",
    "minutes": r"minutes\s+taken\s+by|minuted\s+by|minute[- ]?taker|notes\s+taken\s+by"
    r"|note[- ]?taker|minutes\s+by|notes\s+by|recorded\s+by|minute\s+secretary|secretariat"
    r"|secretary|clerk|minutes|notes",
}
_LABEL_KEYS = {
    key: re.compile(rf"^(?:{alternatives})$", re.I) for key, alternatives in _LABELS.items()
}
_LABEL = re.compile(
    r"(?:^|(?<=\s))\s*(?P<label>"
    + "|".join(_LABELS.values())
    + r")\b(?P<sep>\s*(?::|\t|\s[-–—]\s)|(?<=\sby)\s+|\s+(?=\S)|\s*$)",
    re.IGNORECASE,
)
_BARE_LABEL = re.compile(r"^(?P<label>" + "|".join(_LABELS.values()) + r")\s*:?$", re.IGNORECASE)
_LABEL_WITHOUT_COLON = {"date", "time", "venue", "chair"}
_TITLE_WORDS = re.compile(
    r"\b(?:meeting|minutes|notes|board|panel|committee|agenda|action\s+log|action\s+tracker|"
    r"thematic|assurance|forum|briefing|scrutiny|session|conference|workshop|summit)\b",
    re.IGNORECASE,
)
_SUBTITLE = re.compile(
    r"^(?:minutes|meeting notes|notes|agenda(?: pack)?|action (?:log|tracker)|"
    r"record of (?:the )?meeting|summary (?:notes|minutes))$",
    re.IGNORECASE,
)
_MARKING = re.compile(
    r"^(?:official(?:[\s-]*sensitive)?|not protectively marked|restricted|unclassified|"
    r"public|protect|draft|confidential|page \d+(?: of \d+)?|\d+)$",
    re.IGNORECASE,
)
_OTHER_MEETING = re.compile(
    r"\b(?:next|previous|last|future|following|forthcoming|earlier)\s+meeting\b|"
    r"\bnext\s+(?:board|panel|session)\b",
    re.IGNORECASE,
)
_HELD_ON = re.compile(
    r"\b(?:held|meeting|took place)\s+(?:on|at)\b|^(?:minutes|notes)\s+of\b", re.I
)
_HELD_AT = re.compile(r"\bheld\s+(?:at|in)\s+(?P<venue>(?:(?!\s+on\s).)+?)\s+on\s", re.IGNORECASE)
_FIRST_ITEM = re.compile(
    rf"^(?:(?:agenda\s+)?item\s+)?0?1(?:\.0?)?[.):]?(?:\s+|$)(?!\s*(?:st\b|of\b|{MONTH_PATTERN}|(?-i:[a-z])))",
    re.IGNORECASE,
)
# The first minute of a panel or committee: "PCB 21/11 Apologies", "29/22 APOLOGIES",
# "139. Declarations of Interest", or the "Minute No." head of a table of minutes.
_FIRST_MINUTE = re.compile(
    r"^(?:(?:[A-Z]{2,8}\s*)?\d{1,3}/\d{2,4}(?![\d/])[.:]?(?:\s*[-–—:]\s*|\s+)(?-i:[A-Z])"
    r"|\d{2,3}\.\s+(?-i:[A-Z])[^.]{0,80}$"
    r"|minute\s+(?:no\.?|number|ref\.?)(?:\s|$))",
    re.IGNORECASE,
)
# "Agenda item 1" alone above the title and date: the stamp of a paper in a meeting's pack,
# not the first item.
_ITEM_STAMP = re.compile(r"^(?:agenda\s+)?item\s+(?:no\.?\s*)?\d{1,3}[.:]?$", re.IGNORECASE)
# "1 EASTSHIRE POLICE AUTHORITY MINUTES of a meeting of the ...": a page's running title
# after its page number, above the record's date; "minutes of a meeting" names this record,
# where a first item names an earlier one ("1. Minutes of the meeting held on ...").
_RECORD_TITLE = re.compile(r"\bminutes\s+of\s+an?\s+(?:\w+\s+)?meeting\b", re.IGNORECASE)
_HELD_CLAUSE = re.compile(
    r"\s+(?:held|convened|which\s+took\s+place)\s+(?:on|at|in|via|virtually|remotely)\b", re.I
)
# The head of a portal's list of items ("No. Item", "| No. | Item |", "Items").
_ITEMS_HEAD = re.compile(r"^(?:note\s+)?(?:no\.?[\s|]*item|items)\b[\s|]*$", re.IGNORECASE)
_REPORT = re.compile(r"\breport\b", re.IGNORECASE)
_PAGE_LABEL = re.compile(
    r"^(?:contact|venue|link|note|tel|email|e-mail|media|location|address|date|time|web|"
    r"phone|telephone|published|category|upload|share|present|apologies|members|"
    r"in attendance|attendees|chair|minutes|matters arising|item|agenda item)\b[^:]{0,15}:",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"^(?:agenda(?:\s+and\s+(?:draft\s+)?(?:minutes|decisions))?|agenda,\s+decisions\s+and\s+minutes|"
    r"agenda\s+item|meeting\s+(?:documents|details|summary)|issue\s+-\s+(?:decisions|meetings)|"
    r"minutes|draft\s+minutes|report\s+summary|documents)$",
    re.IGNORECASE,
)
# An agenda's instruction, not a title: "To agree the Minutes of the Panel Meeting held on ..."
_INSTRUCTION = re.compile(
    r"^to\s+(?:agree|approve|receive|note|consider|confirm|elect|appoint|discuss|review|sign)\b",
    re.IGNORECASE,
)
# "Minutes:" alone above the text of a minute (a portal's page of one item).
_MINUTE_TEXT_LABEL = re.compile(r"^(?:minutes|decision)\s*:$", re.IGNORECASE)
_GENERIC_TITLE_WORDS = {"minutes", "notes", "of", "the", "a", "meeting", "record"}
_ATTENDANCE_HEADING = re.compile(
    r"^(?:attendance|attendees|present|apologies|in attendance|members)\b", re.IGNORECASE
)
_VENUE_WORDS = re.compile(
    r"\b(?:room|boardroom|chamber|hall|headquarters|hq|offices?|house|centre|center|building|"
    r"street|road|lane|teams|zoom|skype|webex|virtual(?:ly)?|online|station|council|suite|"
    r"court|park|square|avenue|place|video|conference|webinar|teleconference)\b",
    re.IGNORECASE,
)
_REMOTE = re.compile(
    r"\b(?:via|on|using|by)\s+(?P<tool>microsoft teams|ms teams|teams|zoom|skype|webex)\b|"
    r"\b(?P<virtual>held virtually|virtual meeting)\b",
    re.IGNORECASE,
)
_LEADING_CONNECTORS = re.compile(
    r"^(?:[\s,;:.()–—-]|\b(?:at|in|the|venue|location|held|via|by|on)\b)+", re.IGNORECASE
)
# A time that is not the meeting's start ("a private pre-meeting at 10.00 am").
_NOT_START = re.compile(
    r"\b(?:pre[-\s]?meeting|briefing|private|supper|lunch|refreshments?|arrival|arrive|"
    r"coffee|buffet|registration|doors\s+open)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
# A label of when the meeting ended, above a date: "End:", "Finished:".
_END_LABEL = re.compile(r"^(?:end|ends|ended|finish|finished|finishes|close|closed)\b", re.I)
_COMMENCING = re.compile(
    r"(?:^|[,;(]\s*|\bmeeting\s+)(?:commencing|starting|to\s+commence|(?:will\s+)?(?:start|begin)s?|"
    # the record's own word after the attendance: "The meeting commenced at 10.05am."
    r"commenced|started|began)"
    r"\s+(?:at\s+)?",
    re.IGNORECASE,
)
_SENTENCE_VERB = re.compile(r"\b(?:was|were|is|are|will|would|had|has)\b", re.IGNORECASE)
_END_TIME = re.compile(r"^\s*(?:-|–|—|to|until|till)\s*", re.IGNORECASE)
_ALL_CAPS_KEEP = {"PCC", "OPCC", "JAC", "SOC", "VAWG", "DA", "ASB", "CC", "PFCC", "HMICFRS"}
_SMALL_WORDS = {"and", "of", "the", "for", "on", "in", "to", "at", "a", "an", "with"}


@dataclass
class Header:
    title: str
    kind: MeetingKind
    date: dt.date | None = None
    date_match: DateMatch | None = None
    start_time: dt.time | None = None
    venue: str | None = None
    chair: Person | None = None
    minute_taker: Person | None = None
    title_lines: tuple[int, ...] = ()
    end: int = 0
    """Line index just after the header region."""
    last_line: int = -1
    """Index of the last line the header details were read from."""
    marked_chair: Person | None = None
    """A chair marked in the opening ("X in the chair", "X (Chairman)", "X, Chair."),
    for when neither a "Chair:" label nor the attendance names one."""
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Label:
    key: str
    value: str
    line: Line


def header_end(lines: Sequence[Line]) -> int:
    """Index of the first line after the header: the first agenda item or section heading
    (counted from the first line with text)."""
    seen_text = seen_date = False
    first = next((line.index for line in lines if not line.blank), 0)
    for line in lines[first : first + HEADER_MAX_LINES]:
        if line.blank:
            continue
        if not seen_date and _ITEM_STAMP.match(line.content):
            continue
        dated = find_date(line.content) is not None
        if not seen_date and page_opening(line.content):
            seen_text, seen_date = True, dated  # a flattened page under its page number
            continue
        if not seen_date and not dated and _RECORD_TITLE.search(line.content):
            seen_text = True
            continue
        seen_date = seen_date or dated
        if _ITEMS_HEAD.match(line.content):
            return line.index
        if _MINUTE_TEXT_LABEL.match(line.content) and _prose_follows(lines, line):
            return line.index
        starts_items = _FIRST_ITEM.match(line.content) or _FIRST_MINUTE.match(line.content)
        if seen_text and starts_items and not line.bullet:
            return line.index
        if (
            seen_text
            and line.heading_level >= 2
            and not _ATTENDANCE_HEADING.match(line.content)
            and not _TITLE_WORDS.search(line.content)
        ):
            return line.index
        seen_text = True
    return min(len(lines), first + HEADER_MAX_LINES)


NAVIGATION_LINES = 150
"""Lines of the opening searched for a web page's menu."""
NAVIGATION_ENTRIES = 8
"""Short bulleted lines, one after another, that make a menu."""
_MENU_ENTRY_WORDS = 6
NAVIGATION_START = 20
"""Non-blank lines of the opening within which a menu starts."""


# A document-sharing site's page over the document's text: its own title, "Size: px",
# "Start display at page:", "Download "..."", then "Transcription" (or "Citation preview")
# before the document itself; a flip-book viewer's "SHOW MORE", "SHOW LESS", "Create
# successful ePaper yourself", then its advertising line "Turn your PDF publications into a
# flip-book ..." before the document.
_SHARING_CONTROL = re.compile(
    r"^(?:size:\s*px|start\s+display\s+at\s+page:?|download\b|embed\s+size\b|"
    r"show\s+(?:more|less)$|create\s+(?:successful\s+)?e-?paper\b)",
    re.I,
)
_SHARING_TEXT_START = re.compile(
    r"^(?:transcription|citation\s+preview)$|^turn\s+your\s+pdf\s+publications?\s+into\s+an?\s+"
    r"flip-?book\b",
    re.IGNORECASE,
)


def _shared_copy_start(lines: Sequence[Line]) -> int | None:
    """The index just after a document-sharing site's furniture, or None."""
    controls = 0
    for line in [line for line in lines[:NAVIGATION_LINES] if not line.blank][:NAVIGATION_START]:
        if _SHARING_CONTROL.match(line.content):
            controls += 1
        elif controls and _SHARING_TEXT_START.match(line.content.strip()):
            return line.index + 1
    return None


def navigation_end(lines: Sequence[Line]) -> int | None:
    """The index just after a web page's menu at the top of the text, or None.

    A copied web page may open with its site's menu: a run of short bulleted entries
    ("  • About", "    • Newsletters 2019", "  • Contact", "Menu") with no sentence, the
    record's own title and date only under it; a document-sharing site's copy opens with
    the site's title for it and its viewer's controls, the document under "Transcription".
    """
    shared = _shared_copy_start(lines)
    if shared is not None:
        return shared
    run_start: int | None = None
    bullets = 0
    last = -1
    seen = 0
    for line in lines[:NAVIGATION_LINES]:
        if line.blank:
            continue
        seen += 1
        if run_start is None and seen > NAVIGATION_START:
            return None  # a list further down is the record's own (attendance, actions)
        entry = line.words <= _MENU_ENTRY_WORDS and not line.content.endswith((".", ":"))
        if entry and (line.bullet or run_start is not None):
            run_start = line.index if run_start is None else run_start
            bullets += line.bullet
            last = line.index if line.bullet else last
            continue
        if bullets >= NAVIGATION_ENTRIES:
            return last + 1
        run_start, bullets = None, 0
    return None


def _without_navigation(lines: Sequence[Line], start: int) -> list[Line]:
    return [
        replace(line, content="", cells=(), bullet=False) if line.index < start else line
        for line in lines
    ]


def _prose_follows(lines: Sequence[Line], line: Line) -> bool:
    following = next((ln for ln in lines[line.index + 1 : line.index + 4] if not ln.blank), None)
    return following is not None and is_prose(following.content)


def _qualifies(content: str, match: re.Match[str], key: str) -> bool:
    """Whether a label word really starts a labelled value here.

    At the start of a line a colon is optional for some labels ("- Venue Virtual"); inside
    a line a label needs a colon, tab or dash after it, and something that ends the value
    before it (". ", "; ", " | ", a tab, two spaces) unless the line is short.
    """
    label = match.group("label")
    colon_like = bool(re.search(r"[:\t–—-]", match.group("sep"))) or label.lower().endswith("by")
    start = match.start("label")
    if start == 0:
        return colon_like or key in _LABEL_WITHOUT_COLON
    if not colon_like:
        return False
    before = content[:start]
    set_off = before.endswith(("\t", "  ")) or before.rstrip().endswith((".", ";", "|"))
    return set_off or len(content.split()) <= 20


_BLOCK_KEYS = {"duration": "time", "chaired by": "chair"}
"""Keys of labels a flattened header table may have that the header reads under another."""


def _block_labels(lines: Sequence[Line]) -> list[_Label]:
    """Values of a header table flattened into a block of labels and a block of values
    ("Date" / "Location" / "Duration" / "18th December 2015" / "HQ" / "10:35 -11:05")."""
    found: list[_Label] = []
    for value in label_blocks(lines):
        key = _BLOCK_KEYS.get(value.label) or next(
            (k for k, pattern in _LABEL_KEYS.items() if pattern.match(value.label)), None
        )
        if key is not None:
            found.append(_Label(key, value.value, value.line))
    return found


def _labels(lines: Sequence[Line]) -> list[_Label]:
    """Labelled values of the header lines; a label alone on its line ("Time:") takes the
    next line for its value; a block of labels takes the block of values under it."""
    found: list[_Label] = _block_labels(lines)
    blocked = {label.line.index for label in found}
    for position, line in enumerate(lines):
        if line.index in blocked:
            continue
        content = line.content
        bare = _BARE_LABEL.match(content)
        if bare and position + 1 < len(lines):
            following = lines[position + 1]
            key = next(k for k, p in _LABEL_KEYS.items() if p.match(bare.group("label").strip()))
            if not _LABEL.match(following.content) and following.words <= 12:
                found.append(_Label(key, following.content, following))
            continue
        if _OTHER_MEETING.search(content):
            continue
        matches = []
        for match in _LABEL.finditer(content):
            key = next(k for k, p in _LABEL_KEYS.items() if p.match(match.group("label").strip()))
            if _qualifies(content, match, key):
                matches.append((key, match))
        for position, (key, match) in enumerate(matches):
            end = matches[position + 1][1].start() if position + 1 < len(matches) else len(content)
            value = content[match.end() : end].strip(" \t.;|")
            no_colon = not re.search(r"[:\t–—-]", match.group("sep"))
            if not value or (no_colon and len(value.split()) > 12) or len(value.split()) > 40:
                continue
            found.append(_Label(key, value, line))
    return found


def _title_case(title: str) -> str:
    words = []
    for position, word in enumerate(title.split()):
        if word in _ALL_CAPS_KEEP:
            words.append(word)
        elif position and word.lower() in _SMALL_WORDS:
            words.append(word.lower())
        else:
            lead = len(word) - len(word.lstrip("([\"'"))
            words.append(word[:lead] + word[lead:].capitalize())
    return " ".join(words)


def _is_title_candidate(line: Line) -> bool:
    content = line.content
    if line.blank or len(line.cells) > 1 or content.count(" | ") >= 2 or _MARKING.match(content):
        return False
    if len(content.split()) > 24 or (_LABEL.match(content) and ":" in content[:25]):
        return False
    return any(ch.isalpha() for ch in content)


def _without_held_clause(title: str) -> str:
    """ "Minutes of the PCC's Accountability Meeting held on Wednesday ... via Teams" ->
    "Minutes of the PCC's Accountability Meeting", unless that leaves a bare "Minutes of
    the meeting"."""
    clause = _HELD_CLAUSE.search(title)
    if clause is None:
        return title
    kept = title[: clause.start()].rstrip(" ,;–—-")
    named = [w for w in re.findall(r"[A-Za-z']+", kept) if w.lower() not in _GENERIC_TITLE_WORDS]
    return kept if named else title


def find_title(lines: Sequence[Line], end: int) -> tuple[str, tuple[int, ...]]:
    """The title and the indices of the lines it was taken from."""
    candidates = [line for line in lines[: max(end, 1)] if _is_title_candidate(line)][:12]
    if not candidates:
        fallback = next((line for line in lines if not line.blank), None)
        return (fallback.content[:120], (fallback.index,)) if fallback else ("", ())
    chosen = next((line for line in candidates if _TITLE_WORDS.search(line.content)), candidates[0])
    title = chosen.content
    used = [chosen.index]
    following = next((line for line in lines[chosen.index + 1 : end] if not line.blank), None)
    if (
        following is not None
        and _is_title_candidate(following)
        and _SUBTITLE.match(following.content)
        and not re.search(r"\b(?:minutes|notes|agenda)\b", title, re.IGNORECASE)
    ):
        title = f"{title} – {following.content}"
        used.append(following.index)
    title = _without_held_clause(re.sub(r"\s+", " ", title).strip(" #*"))
    if _all_capitals(title):
        title = _title_case(title)
    return title, tuple(used)


def _opening_lines(region: Sequence[Line]) -> list[Line]:
    """The short lines of the header before its first sentence or labelled line."""
    opening: list[Line] = []
    for line in region[:8]:
        if is_prose(line.content) or _LABEL.match(line.content):
            break
        if not _REPORT.search(line.content):
            opening.append(line)
    return opening


def _plausible_title(title: str, *, long_title: bool = False) -> bool:
    """A title rather than page furniture ("Agenda and minutes"), a label ("Contact: ...")
    or a sentence (``long_title``: its line reads as a title however long)."""
    return (
        bool(_TITLE_WORDS.search(title))
        and not _FURNITURE.match(title)
        and not _PAGE_LABEL.match(title)
        and not _INSTRUCTION.match(title)
        and not title.rstrip().endswith((":", ":-"))
        and (long_title or not is_prose(title))
    )


def _all_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _year_hint(
    title: str, region: Sequence[Line], file_name: str | None, text_head: str
) -> int | None:
    """The year of a date written without one: the title's, the header's, the file name's,
    the text's; a financial year ("the outturn for 2023/24") is no calendar year, and gives
    the year only when nothing else does (its first year, of the latest one named)."""
    year = find_calendar_year(title)
    if year is not None:
        return year
    for line in region:
        if not _OTHER_MEETING.search(line.content):
            year = find_calendar_year(line.content)
            if year is not None:
                return year
    if file_name:
        match = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", file_name)
        if match:
            return int(match.group())
    return find_calendar_year(text_head) or latest_financial_year(text_head)


def _weekday_warning(match: DateMatch) -> str | None:
    if match.weekday is None or match.weekday == match.date.weekday():
        return None
    return (
        f"stated weekday {WEEKDAY_NAMES[match.weekday]} does not match "
        f"{match.date.isoformat()} (a {WEEKDAY_NAMES[match.date.weekday()]})"
    )


def _time_and_rest(text: str, found: TimeMatch | None = None) -> tuple[dt.time | None, str]:
    """A time in ``text`` (the first, unless ``found`` is given) and what follows it, an end
    time removed."""
    found = found or find_time(text)
    if found is None:
        return None, text
    rest = text[found.span[1] :]
    connector = _END_TIME.match(rest)
    if connector:
        end_time = find_time(rest[connector.end() :])
        if end_time is not None and end_time.span[0] == 0:
            rest = rest[connector.end() + end_time.span[1] :]
    return found.time, rest


def _clean_venue(text: str) -> str | None:
    venue = re.sub(r"\s+", " ", _LEADING_CONNECTORS.sub("", text).strip(" .,;*"))
    while venue.endswith(")") and venue.count("(") < venue.count(")"):
        venue = venue[:-1].rstrip()
    while venue.startswith("(") and venue.count("(") > venue.count(")"):
        venue = venue[1:].lstrip()
    if not venue or not any(ch.isalpha() for ch in venue) or len(venue.split()) > 20:
        return None
    time = find_time(venue)
    if time is not None and not (venue[: time.span[0]] + venue[time.span[1] :]).strip(" ,;"):
        return None  # "held at 10.00 am, on Friday ...": a time, not a place
    return venue[0].upper() + venue[1:]


def _venue_line(lines: Sequence[Line], after: Line, end: int) -> Line | None:
    """The line under the date line when it names a place ("Boardroom, Force HQ, ...")."""
    following = next((ln for ln in lines[after.index + 1 : end] if not ln.blank), None)
    if following is None or len(following.cells) > 1 or _LABEL.match(following.content):
        return None
    content = following.content
    if is_prose(content) or _SENTENCE_VERB.search(content):
        return None
    if _VENUE_WORDS.search(content) and len(content.split()) <= 16:
        return following
    return None


def _time_line(lines: Sequence[Line], date_line: Line, end: int) -> Line | None:
    """The line under a date line when it starts with the time ("10:30 – 12:30, Teams")."""
    following = next((ln for ln in lines[date_line.index + 1 : end] if not ln.blank), None)
    if following is None or len(following.cells) > 1 or _LABEL.match(following.content):
        return None
    found = find_time(following.content)
    if found is None or found.span[0] > 0 or find_date(following.content) is not None:
        return None
    return following


def _start_time(
    labels: Sequence[_Label], date_line: Line | None, date_span: tuple[int, int]
) -> tuple[dt.time | None, str]:
    """The start time and what follows it on the date's line: a time written next to the
    date, a "Time:" label, a time just before the date, a later time on the date's line
    (not a pre-meeting's or a briefing's)."""
    content = date_line.content if date_line is not None else ""
    after = content[date_span[1] :]
    adjacent = time_after(after)
    if adjacent is not None:
        return _time_and_rest(after, adjacent)
    for label in labels:
        if label.key == "time" and (labelled := find_time(label.value)) is not None:
            return labelled.time, after
    before = time_before(content[: date_span[0]])
    if before is not None:
        return before.time, after
    later = find_time(after)
    if later is not None and not _NOT_START.search(after[: later.span[0]]):
        return _time_and_rest(after, later)
    return None, after


def _venue(
    labels: Sequence[_Label],
    lines: Sequence[Line],
    date_line: Line | None,
    rest_after_time: str,
    end: int,
) -> tuple[str | None, Line | None]:
    """The venue and, when it stands on a line of its own under the date, that line."""
    for label in labels:
        if label.key == "venue" and (venue := _clean_venue(label.value)):
            return venue, None
    region = [line for line in lines[:end] if not line.blank]
    if date_line is None:
        return _remote_venue(region), None
    held_at = _HELD_AT.search(date_line.content)
    if held_at and (venue := _clean_venue(held_at.group("venue"))):
        return venue, None
    rest = rest_after_time.strip()
    if rest and not _LABEL.match(rest) and _VENUE_WORDS.search(rest):
        venue = _clean_venue(rest)
        if venue:
            return venue, None
    line = _venue_line(lines, date_line, end)
    if line is not None:
        return _clean_venue(line.content), line
    return _remote_venue(region), None


def parse_header(
    lines: Sequence[Line], *, file_name: str | None = None, text_head: str = ""
) -> Header:
    """Title, kind, date, time, venue, chair and minute taker from the top of the text.

    A document-sharing site's or flip-book viewer's copy is read from under its title and
    controls when its date stands there. When the opening gives neither a date nor the
    body's name and begins with a web page's menu, the header is read from under the menu;
    when a portal's first item holds the whole minutes under their heading, from that
    heading."""
    shared = _shared_copy_start(lines)
    if shared is not None:
        # a sharing site's title and controls over the document: its own header is below
        # (unless the cleaning left the document only above them, flattened onto one line)
        below = _parse_header(
            _without_navigation(lines, shared), file_name=file_name, text_head=text_head
        )
        if below.date is not None:
            return below
    header = _parse_header(lines, file_name=file_name, text_head=text_head)
    if header.date is None and header.kind is MeetingKind.OTHER:
        start = navigation_end(lines)
        below_lines = _without_navigation(lines, start) if start is not None else None
        cell = _minutes_cell(lines)
        if below_lines is None and cell is not None:
            below_lines = _without_navigation(lines, cell)
            label = _MINUTES_CELL.match(lines[cell].content)
            if label is not None:
                heading = lines[cell].content[label.end() :]
                below_lines[cell] = replace(lines[cell], content=heading, cells=(heading,))
        if below_lines is not None:
            below = _parse_header(below_lines, file_name=file_name, text_head=text_head)
            if below.date is not None or below.kind is not MeetingKind.OTHER:
                return below
    return header


# A portal's first item whose cell holds the whole minutes under their own heading:
# "Minutes: WESTDALE BOROUGH COUNCIL" / "Joint Community Safety Scrutiny Committee" / "17
# January 2017 AT 6.30 pm".
_MINUTES_CELL = re.compile(r"^minutes\s*:\s*(?=(?-i:[A-Z][A-Z&,'’ -]{3,})\s*$)", re.IGNORECASE)
_TABLE_RULE = re.compile(r"^[\s|:-]+$")


def _minutes_cell(lines: Sequence[Line]) -> int | None:
    """The index of the first item's "Minutes:" cell under a portal's head of items ("No. |
    Item |") when it opens on a heading in capitals, or None."""
    opening = [line for line in lines[:NAVIGATION_LINES] if not line.blank][:NAVIGATION_START]
    for position, line in enumerate(opening):
        if not _ITEMS_HEAD.match(line.content):
            continue
        following = [ln for ln in opening[position + 1 :] if not _TABLE_RULE.match(ln.content)]
        if following and _MINUTES_CELL.match(following[0].content):
            return following[0].index
        return None
    return None


def _parse_header(
    lines: Sequence[Line], *, file_name: str | None = None, text_head: str = ""
) -> Header:
    end = header_end(lines)
    region = [line for line in lines[:end] if not line.blank]
    title, title_lines = find_title(lines, end)
    labels = _labels(region)
    header = Header(title=title, kind=MeetingKind.OTHER, title_lines=title_lines, end=end)
    year = _year_hint(title, region, file_name, text_head)
    candidates = score_dates(lines, header_end=end, title_lines=title_lines, year=year)
    chosen = best_candidate(candidates)
    named = find_meeting_name(
        lines,
        end=end,
        date_line=chosen.line if chosen is not None else None,
        date_start=chosen.match.span[0] if chosen is not None else 0,
    )
    if named is not None:
        header.title = _title_case(named.name) if _all_capitals(named.name) else named.name
        header.kind = meeting_kind(named.name)
        if named.line.index < end:
            header.title_lines = tuple(sorted({*title_lines, named.line.index}))
    else:
        long_title = len(title_lines) == 1 and is_long_title(lines[title_lines[0]])
        plausible = _plausible_title(title, long_title=long_title)
        named_lines = [title] if plausible else []
        header.kind = meeting_kind(*named_lines, *(ln.content for ln in _opening_lines(region)))
        if header.kind is MeetingKind.OTHER or not plausible:
            text = "\n".join(line.content for line in lines[:TEXT_LINES])
            name, noun = body_from_text(text)
            if header.kind is MeetingKind.OTHER:
                header.kind = kind_from_text(text, name, noun)
            if not plausible:
                header.title = name or (f"Meeting of the {noun.title()}" if noun else "Meeting")
    if header.kind is MeetingKind.OTHER and _under_chief_officers_body(region):
        header.kind = MeetingKind.STRATEGIC_BOARD
    date_line: Line | None = None
    date_span = (0, 0)
    if chosen is not None:
        match = chosen.match
        header.date, header.date_match = match.date, match
        date_line = chosen.line if chosen.line.index < end else None
        date_span = match.span
        if not match.has_day:
            header.warnings.append(
                f"the meeting day is not stated; the date is taken as {match.date.isoformat()}"
            )
        warning = _weekday_warning(match)
        if warning:
            header.warnings.append(warning)

    header.start_time, rest_after_time = _start_time(labels, date_line, date_span)
    time_line: Line | None = None
    if header.start_time is None and date_line is not None:
        time_line = _time_line(lines, date_line, end)
        if time_line is not None:
            header.start_time, rest_after_time = _time_and_rest(time_line.content)
    if header.start_time is None and chosen is not None:
        header.start_time = _time_by_the_date_elsewhere(lines, candidates, chosen, end)
    if header.start_time is None:
        header.start_time = _commencing_time(region)
    if header.start_time is None:
        header.start_time = _first_item_timing(lines, end)
    if header.start_time is None:
        header.start_time = _stated_start(lines)
    header.venue, venue_line = _venue(labels, lines, time_line or date_line, rest_after_time, end)
    header.chair = _person(labels, "chair")
    header.marked_chair = marked_chair(lines)
    header.minute_taker = _person(labels, "minutes")
    used = [*title_lines, *(label.line.index for label in labels)]
    used += [line.index for line in (date_line, time_line, venue_line) if line is not None]
    header.last_line = max(used, default=-1)
    return header


def _under_chief_officers_body(region: Sequence[Line]) -> bool:
    """Whether a heading of the opening names a national body of chief police officers (a
    banner "ASSOCIATION OF CHIEF POLICE OFFICERS" over "CABINET MINUTES"): its meetings are
    of its kind whatever they are called."""
    return any(chief_officers_body(line.content) for line in region if not is_prose(line.content))


def _time_by_the_date_elsewhere(
    lines: Sequence[Line], candidates: Sequence[DateCandidate], chosen: DateCandidate, end: int
) -> dt.time | None:
    """The start time written by another mention of the meeting's date in the header: a title
    "Board Minutes – 16 July 2024" over "16.07.24" and "09:00 – 12:15 in the Boardroom" (or
    "held ... at 13.30 on Monday 16 July 2024"); a
    page's "Start: / Monday, 14th November 2022 / 2:00 PM" (not its "End:" or "Finished:")."""
    previous: Line | None = None
    for line in lines[:end]:
        if line.blank:
            continue
        above, previous = previous, line
        for candidate in candidates:
            if candidate.line.index != line.index or candidate is chosen:
                continue
            if candidate.match.date != chosen.match.date or candidate.other_meeting:
                continue
            if above is not None and _END_LABEL.match(above.content):
                continue
            adjacent = time_after(line.content[candidate.match.span[1] :]) or time_before(
                line.content[: candidate.match.span[0]]
            )
            if adjacent is not None:
                return adjacent.time
            below = _time_line(lines, line, end)
            if below is not None and candidate.match.span[0] <= 3:
                return _time_and_rest(below.content)[0]
    return None


def _commencing_time(region: Sequence[Line]) -> dt.time | None:
    """The time of a header line that says when the meeting starts ("COMMENCING AT 10.00
    AM"), for a header that writes it apart from the date."""
    for line in region:
        said = _COMMENCING.search(line.content)
        if said is not None:
            found = find_time(line.content[said.end() :])
            if found is not None and found.span[0] == 0:
                return found.time
    return None


ITEM_TIMING_LINES = 4
"""Non-blank lines after the header searched for the first item's timing."""


def _first_item_timing(lines: Sequence[Line], end: int) -> dt.time | None:
    """The time alone on its line over the first item ("5pm" / "1." / "Election of
    Chairman"), where a portal's "Note" column or an agenda's margin times each item: the
    first item's time is the meeting's start."""
    following = [line for line in lines[end:] if not line.blank][:ITEM_TIMING_LINES]
    for timing, item in itertools.pairwise(following):
        found = find_time(timing.content)
        if found is None or not _FIRST_ITEM.match(item.content.strip()):
            continue
        if not (timing.content[: found.span[0]] + timing.content[found.span[1] :]).strip():
            return found.time
    return None


# The record's own sentence on its times, wherever it stands (often its last line): "The
# meeting commenced at 6.30pm and concluded at 8.05pm".
_MEETING_STARTED = re.compile(
    r"\b(?:the|this)\s+meeting\s+(?:commenced|started|began|opened)\s+at\s+", re.IGNORECASE
)


def _stated_start(lines: Sequence[Line]) -> dt.time | None:
    """The time the text says the meeting started at, when only one such sentence is given."""
    said: list[dt.time] = []
    for line in lines:
        for started in _MEETING_STARTED.finditer(line.content):
            found = find_time(line.content[started.end() : started.end() + 20])
            if found is not None and found.span[0] == 0:
                said.append(found.time)
    return said[0] if len(set(said)) == 1 else None


def _remote_venue(region: Sequence[Line]) -> str | None:
    for line in region:
        match = _REMOTE.search(line.content)
        if match:
            return "Virtual" if match.group("virtual") else match.group("tool")
    return None


def _person(labels: Sequence[_Label], key: str) -> Person | None:
    for label in labels:
        if label.key == key:
            person = split_person(label.value)
            if person is not None:
                return person
    return None


CHAIR_LINES = 60
"""Non-blank lines of the opening read for a chair marked beside a name."""
_CHAIR_WORD = r"(?:chair|chairman|chairperson|chairwoman|convener|convenor)"
# "X in the chair", "X (Vice-Chair) was in the Chair", "X (Vice-Chair) chaired the meeting",
# "X (Chair)", "X, Chair.", and in a list of members "X – Chair" or "X – Independent Member
# – Chair" (then the name is the part before the member's post).
_MARKED_CHAIR = re.compile(
    r"(?:\s*\([^()]{1,40}\))?(?:\s+was)?\s+in\s+the\s+chair\b|"
    r"(?:\s*\([^()]{1,40}\))?\s+(?:chaired\s+the\s+meeting|took\s+the\s+chair|presided)\b|"
    # "(Chair)", "(Acting Chair)", "(Meeting Chair)"
    rf"\s*\((?:the\s+|in\s+the\s+)?(?:(?:acting|interim|temporary|meeting)\s+)?{_CHAIR_WORD}\)|"
    # "Ada Reader (AR) Chair Police and Crime Commissioner": initials, then the post
    rf"\s*\((?-i:[A-Z]{{2,5}})\)\s+{_CHAIR_WORD}\b(?!['’]s|\s+of\b)|"
    # in a run-on list, the body's initials and the post before the next entry: "AC Ada
    # Reader NPCC Chair CC Roy Tapp Westshire"
    rf"\s+(?-i:[A-Z]{{2,6}})\s+(?-i:Chair|Chairman|Chairperson|Chairwoman)"
    r"(?=\s+(?-i:[A-Z])[\w'’-]*\s+(?-i:[A-Z]))|"
    rf",\s*(?:(?:committee|panel|board|authority|group|forum)\s+)?{_CHAIR_WORD}\s*(?=[.,;]|$)|"
    rf"(?P<dash>\s+[-–—]\s*{_CHAIR_WORD}\b(?!['’]s|\s+of\b|\s*[-–—]))",
    re.IGNORECASE,
)
# A chair marked absent is not the meeting's chair: "As Councillor Reader (Chair) was absent".
_ABSENT_AFTER = re.compile(
    r"\s*(?:was|were|is)\s+(?:absent|unable|not\s+present)|\s*(?:sent|gave|tendered)\s+"
    r"(?:(?:her|his|their)\s+)?apologies",
    re.IGNORECASE,
)
_DASH_PARTS = re.compile(r"\s[-–—]\s")
_BEFORE_NAME = re.compile(r".*(?:^|[:;()|\t•·]|\s[-–—]\s|[.,]\s|\s[-–—](?=[A-Z]))\s*", re.DOTALL)


def marked_chair(lines: Sequence[Line]) -> Person | None:
    """The person the opening marks as chair: "Mrs H J Whitlock in the chair", "Cllr Jo
    Hale (Chair)", "Jo Hale (Acting Chair)", "Jo Hale – Independent Member – Chair", "Cllr
    Hale (Vice-Chair) chaired the meeting" (not "Cllr Reader (Chair) was absent"), "Members:
    Councillor Trelawney, Chair. Councillor Mabey, Vice-Chair.", "Chair's Opening Remarks -
    Iain Dunlop, Chair, SPA"; never a vice or deputy chair (unless in the chair)."""
    read = 0
    for line in lines:
        if line.blank:
            continue
        read += 1
        if read > CHAIR_LINES:
            return None
        content = line.content[:1500]
        for match in _MARKED_CHAIR.finditer(content):
            before = content[: match.start()]
            if re.search(r"\b(?:vice|deputy)[\s-]*$", before, re.IGNORECASE):
                continue
            if _ABSENT_AFTER.match(content, match.end()):
                continue
            person = _name_at_end(before)
            if person is None and match.group("dash"):
                parts = _DASH_PARTS.split(before)
                person = _name_at_end(parts[-2]) if len(parts) > 1 else None
            if person is not None:
                return Person(person.name, person.capacity, person.abbreviation, is_chair=True)
    return None


# "Mr. Ashfield in the Chair": a title's full stop ends no sentence before the name.
_TITLE_STOP = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Cllr|Prof|Rev|Sir|Capt|Col|Supt|Insp)\.(?=\s)")


# Words before the last title in a run ("Shire Hall Membership Councillor Jo Hale"): a
# heading or a venue run on before the name, no part of it.
_BEFORE_LAST_TITLE = re.compile(
    r".*\s(?=(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Rev)\.?\s+[A-Z])",
    re.DOTALL,
)


def _name_at_end(before: str) -> Person | None:
    before = _TITLE_STOP.sub(r"\1", before)
    cut = _BEFORE_NAME.match(before)
    candidate = before[cut.end() :] if cut else before
    titled = _BEFORE_LAST_TITLE.match(candidate)
    if titled is not None:
        candidate = candidate[titled.end() :]
    person = split_person(candidate)
    if person is not None and looks_like_name(strip_titles(person.name), single_token=True):
        return _listed_after_group(person) or person
    return _bare_name_at_end(candidate)


# A list's group heading run on after its last member: "... J Quaife Independent Members".
_GROUP_HEADING = re.compile(
    r"\b(?:members|councillors|officers|substitutes|attendees)\s+(?=\S)", re.IGNORECASE
)


def _listed_after_group(person: Person) -> Person | None:
    """The name that follows a group heading inside what reads as a person's capacity: from
    "A Lee Co-opted Members Jo Hale (Chair)" the chair is Jo Hale, the first of the group the
    heading opens, not A Lee, the last of the list before it."""
    headings = list(_GROUP_HEADING.finditer(person.capacity or ""))
    if not headings:
        return None
    tail = (person.capacity or "")[headings[-1].end() :]
    found = _bare_name_at_end(tail)
    return found if found is not None and found.name == tail.strip() else None


def _bare_name_at_end(text: str) -> Person | None:
    """The name that ends words with no separator before it: "1.Standing Items Jo Hale" (an
    item's title and the chair's name, run together on an agenda's line)."""
    tokens = text.split()
    if any(token[:1].islower() for token in tokens):
        return None  # a sentence: "Apologies were received from Jo Hale (Chair)"
    if len(tokens) >= 3 and tokens[-3] in GIVEN_NAMES and looks_like_name(" ".join(tokens[-3:])):
        return Person(" ".join(tokens[-3:]))
    if len(tokens) >= 2 and looks_like_name(" ".join(tokens[-2:])):
        return Person(" ".join(tokens[-2:]))
    return None
