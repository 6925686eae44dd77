"""The meeting's own name as the record gives it ("Police and Crime Panel", "Joint Audit
Committee", "Resources Committee").

Read, best first, from a "Meeting:" label; from "Minutes of (a meeting of) the X held on
..." (where an organisation named before "Minutes" is the parent, not the meeting: "Policing
Board Minutes of the Performance Committee"; "the X's meeting" names X; and "a meeting of the
X" names X even without a body word: "Community Engagement & External Relations"); from the
words before the date on a portal's title line ("Moved from 9th October, Cabinet - Tuesday,
2nd October ..." gives "Cabinet"; a place it was "held in" is no name); from a short line of
the opening that names a body ("NORTHERN POLICING BOARD"; not a label over its value,
"Coordination Committee:"). A name is a body's only when it ends in, or holds, a word such
as panel, committee, board, authority.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.parse.dates import find_time, iter_dates
from ingest.parse.kind_marks import council_scrutiny, furniture_kind
from ingest.parse.kinds import chief_officers_meetings, find_meeting_kind
from ingest.parse.lines import Line, is_prose
from ingest.parse.meeting_date import page_opening
from records.enums import MeetingKind

NAME_LINES = 12
"""Non-blank lines of the opening read for the name."""
LINE_CHARS = 400
"""Characters of a line read for the name."""
SUMMONS_CHARS = 1000
"""Characters of a line read for a summons ("A meeting of the X will be held ...")."""
MINUTES_OF_LINES = 8
TITLE_LINE_MAX_WORDS = 12
HEADING_LINE_MAX_WORDS = 24
"""A heading line (marked up as one, or in parts between dashes) may be longer than a plain
title line: web pages join the organisation, the body and the document ("Office of ... –
Accountability Board June 2023 – Meeting Notes")."""
_TITLE_PARTS = re.compile(r"\s+[–—|-]\s+")
"""Non-blank lines of the opening where "Minutes of the X" names the meeting itself."""

_BODY_NOUN = (
    r"panel|committee|sub-committee|board|authority|cabinet|partnership|forum|commission|"
    r"conference|assembly|council|executive|group|meeting|session|hearing|thematic"
)
_BODY = re.compile(rf"\b(?:{_BODY_NOUN})s?\b", re.IGNORECASE)
_NAMED_BODY = re.compile(
    r"\b(?:panel|committee|sub-committee|board|authority|cabinet|partnership|forum|"
    r"commission|conference|assembly)s?\b",
    re.IGNORECASE,
)
# A line that is a body's name ends with its body word: "NORTHERN POLICING BOARD", "Joint
# Audit Panel (Police and Crime)", "Police and Crime Panel for Lancashire".
_ENDS_AS_NAME = re.compile(
    r"\b(?:panel|committee|sub-committee|board|authority|cabinet|partnership|forum|"
    r"commission|conference|assembly)s?(?:\s*\([^()]{1,40}\)|\s+(?:for|of)\s+[A-Z][\w ]{2,30})?$",
    re.IGNORECASE,
)
# A site's heading over many bodies ("Councillors and committees", "Boards and panels"), not
# one body's name.
_LISTS_BODIES = re.compile(
    r"\b\w+s\s+(?:and|&)\s+(?:panel|committee|sub-committee|board|authoritie|partnership|forum|"
    r"commission)s$",
    re.IGNORECASE,
)
_MEETING_LABEL = re.compile(
    r"^(?:meeting|committee|meeting\s+name|body|report\s+to)\s*(?::|\t)\s*(?P<name>.+)$",
    re.IGNORECASE,
)
# Labels run on after the meeting's name: "Meeting: Executive Board Venue: Room 2 Date: ..."
_NEXT_LABEL = re.compile(r"\s+(?:venue|date|time|location|chair|place)\s*:", re.IGNORECASE)
# "Minutes of", "Draft notes from", "Record of": what a record's title calls it.
_RECORD_OF = (
    r"(?:approved\s+|draft\s+|confirmed\s+|unconfirmed\s+)?(?:minutes?|notes|record)\s+"
    r"(?:of|from)\b"
)
_MINUTES_OF = re.compile(
    rf"(?P<parent>^.*?)\b{_RECORD_OF}\s+(?:(?:the|a|an)\s+)?"
    r"(?:(?:special|extraordinary|annual|ordinary|public|private|formal|informal)\s+)?"
    r"(?:meeting\s+of\s+(?:the\s+)?)?"
    r"(?P<name>[^.;:]{2,160}?)"
    r"(?=\s+(?:held|convened|which\s+took\s+place|that\s+took\s+place|taking\s+place|on|at|"
    r"in)\b|\s+[-–—]\s|\s*[–—(]|\s*$)",
    re.IGNORECASE,
)
# "The Monthly Meeting of the Corporate Services Committee will take place ... on ..."
_SUMMONS = re.compile(
    r"\b(?:meeting|session)\s+of\s+(?:the\s+)?(?P<name>[^.;:]{2,120}?)\s+(?:(?:which|that)\s+)?"
    r"(?:will|is\s+to|shall)"
    r"\s+(?:take\s+place|be\s+held|meet)\b",
    re.IGNORECASE,
)
# A letter calling its readers to the meeting by its name: "You are requested to attend a
# Level 1 meeting on Friday ...", "invited to attend the Joint Audit Committee meeting".
_ATTEND_SUMMONS = re.compile(
    r"\b(?:invited|summoned|requested|asked|required)\s+to\s+attend\s+(?:the|a|an)\s+"
    r"(?:(?:special|extraordinary|virtual|remote|hybrid|public|formal|annual)\s+)*"
    r"(?P<name>(?-i:[A-Z0-9])[\w&'’-]*(?:\s+(?:(?:and|&|of)\s+)?(?-i:[A-Z0-9])[\w&'’-]*){0,6}"
    r"\s+meeting)\b",
    re.IGNORECASE,
)
# The last body word of a long run of words, with a bracketed part after it ("PANEL (POLICE
# AND CRIME)").
_BODY_AT_END = re.compile(
    r"\b(?:panel|committee|sub-committee|board|authority|cabinet|partnership|forum|"
    r"commission|conference|assembly)s?\b(?:\s*\([^()]{1,40}\))?",
    re.IGNORECASE,
)
# "... held in Conference Room Two, Headquarters at 9:00am on": a place, not a name.
# "held at", and "held following" another body's meeting: "the impromptu meeting held
# following the Police and Crime Panel Meeting at 2pm on ..." names that body, not its own.
_HELD_AT_PLACE = re.compile(
    r"\s+(?:held|convened|(?:which\s+)?took\s+place)\s+(?:at|in|(?:immediately\s+|directly\s+|"
    r"shortly\s+|straight\s+)?(?:following|after|before)|prior\s+to)\b",
    re.IGNORECASE,
)
# A title line that stops inside a name, on the word that joins it to its next line.
_BROKEN_NAME = re.compile(r"(?:\s&|\s(?:and|of|for|the))\s*$", re.IGNORECASE)
_MEETING_OF = re.compile(r"\bmeeting\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_AGENDA_FOR = re.compile(r"^agenda\s+for\s+(?P<name>.+?)\s+on\s*$", re.I)
_LEADING = re.compile(
    r"^(?:(?:(?:agenda\s+)?item\s+(?:no\.?\s*:?\s*)?\d+|public\s+document(?:\s+pack)?|agenda\s+and\s+"
    r"(?:draft\s+)?minutes|transcript\s+of|agenda\s+document\s+for|"
    r"meeting\s+of(?:\s+the)?|the)\b[\s:,.-]*)+",
    re.IGNORECASE,
)
# Parts of a portal's title line before the body's name: "Moved from 9th October 2018,",
# "MS Teams/Virtual,", "AGM, followed by DPCC Confirmation Hearing,".
_PREFIX_PART = re.compile(
    r"^(?:(?:moved|rescheduled|postponed)\s+from\b.*|(?:ms\s+)?teams(?:\s*/\s*virtual)?|"
    r"virtual|remote|online|hybrid|agm|annual\s+general\s+meeting|annual\s+meeting|"
    r"extraordinary(?:\s+meeting)?|special(?:\s+meeting)?|reconvened(?:\s+meeting)?|"
    r"informal(?:\s+meeting)?|budget(?:\s+meeting)?|followed\s+by\b.*)$",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:[\s,.:;–—-]+(?:draft\s+)?(?:minutes|notes|agenda|agenda\s+pack|action\s+log)|"
    r"\s+(?:date|dated|on|held|of\s+meeting)|\s*\((?:item|agenda\s+item)\s+[\w.]+\)|"
    r"\s+(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?)+\s*$|[\s,.:;–—|-]+$",
    re.IGNORECASE,
)
_MEETING_AFTER_BODY = re.compile(
    r"(\b(?:panel|committee|sub-committee|board|authority|partnership|forum))\s+meeting$",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"^(?:(?:the|a|an|of|board|panel|committee|meeting|"
    r"minutes?|notes|public|private|formal|closed|open|draft)\s*)+$",
    re.IGNORECASE,
)
_ONE_ITEM_PAGE = re.compile(r"^(?:agenda\s+item|issue\s+-\s+(?:decisions|meetings))$", re.I)
_ITEM_NUMBER = re.compile(r"^\(?\d{1,3}(?:\.\d{1,2})*[.):]?\s")
_LABELLED = re.compile(r"^[A-Za-z][\w /&]{0,30}:\s")
_RECORD_OF_START = re.compile(_RECORD_OF, re.IGNORECASE)
_POSSESSIVE_MEETING = re.compile(r"^(?P<body>.+?)['’]s?\s+meetings?$", re.IGNORECASE)
_NOT_OWN = re.compile(
    r"^(?:this|that|its|their|our|your|his|her|last|previous|next|future|earlier|the\s+"
    r"(?:last|previous|next|same))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MeetingName:
    name: str
    line: Line


# A date in figures that no day-first reading takes: a viewer's print date "7/31/2019"
# before the title it prints.
_FIGURES_DATE = re.compile(r"(?<![\w/])\d{1,2}/\d{1,2}/\d{2,4}(?![\w/])")


def _clean(name: str) -> str:
    for found in reversed(list(iter_dates(name))):
        name = name[: found.span[0]] + " " + name[found.span[1] :]
    name = _FIGURES_DATE.sub(" ", name)
    name = re.sub(r"\(\s*\)", " ", name)  # the brackets a removed date stood in
    name = re.sub(r"\s+", " ", name).strip(" \t|*#–—-")
    if name.count("(") > name.count(")"):  # "Eastshire Police Authority (30th August 2012)"
        name = name[: name.rindex("(")].rstrip()
    previous = None
    while previous != name:
        previous = name
        name = _LEADING.sub("", name).strip()
        name = _TRAILING.sub("", name).strip()
    parts = [part.strip() for part in re.split(r",\s+", name)]
    while len(parts) > 1 and _PREFIX_PART.match(parts[0]):
        parts.pop(0)
    name = ", ".join(parts)
    return _MEETING_AFTER_BODY.sub(r"\1", _body_part(name))


def _body_part(name: str) -> str:
    """Of a name in parts between dashes, the one part that names a body: the others are
    its organisation or the document ("Office of the Commissioner for Oakmere – Accountability
    Board" -> "Accountability Board"). Two parts naming bodies ("Police and Crime Panel –
    Complaints Sub-Committee") are kept together."""
    parts = _TITLE_PARTS.split(name)
    named = [part for part in parts if _NAMED_BODY.search(part)]
    return named[0].strip() if len(parts) > 1 and len(named) == 1 else name


def _acceptable(name: str) -> bool:
    """A body's name: short, naming a body ("... Committee") or a kind of meeting
    ("Performance Meeting"), not a bare or borrowed one ("the meeting", "this panel's")."""
    words = name.split()
    return (
        0 < len(words) <= 14
        and (_NAMED_BODY.search(name) is not None or find_meeting_kind(name) is not None)
        and not _GENERIC.match(name)
        and not _NOT_OWN.match(name)
    )


def _from_minutes_of(content: str) -> str | None:
    """ "Minutes of a Meeting of the X held on ..." -> X; "P Minutes of the Board Meeting"
    -> "P Board" (a bare body word takes the organisation named before it)."""
    summons = _SUMMONS.search(content[:SUMMONS_CHARS])
    if summons is None and (attend := _ATTEND_SUMMONS.search(content[:SUMMONS_CHARS])):
        name = _clean(attend.group("name"))
        if _acceptable(name) and find_meeting_kind(name) is not None:
            return name  # "a Level 1 meeting": the kind is in the name, with no body word
    content = content[:LINE_CHARS]
    first_date = next(iter_dates(content), None)
    if first_date is not None:
        content = content[: first_date.span[0]]
    # a letter's own date may stand before its summons: "Date: 16th May Dear Sir/Madam, A
    # meeting of the X will be held ..."
    match = _MINUTES_OF.search(content) or summons
    if match is None:
        return None
    # "Record of the Board's meeting in ...", "Minutes of the Northern Joint Police Board's
    # meeting": the body whose meeting it was
    name = _POSSESSIVE_MEETING.sub(r"\g<body>", _clean(match.group("name")))
    parent = _clean(match.groupdict().get("parent") or "")
    if re.fullmatch(rf"(?:{_BODY_NOUN})", name, re.IGNORECASE) and _organisation(parent):
        # "X Board Minutes of the meeting held on" names X Board; "X Minutes of the Board", X Board
        bare_meeting = name.lower() == "meeting" and _NAMED_BODY.search(parent) is not None
        name = parent if bare_meeting else _clean(f"{parent} {name}")
    if _acceptable(name) and _NAMED_BODY.search(name):
        return name
    meeting_of = (
        _MEETING_OF.search(content[: match.start("name")]) if match is not summons else None
    )
    return name if meeting_of is not None and _proper_name(name) else None


def _proper_name(name: str) -> bool:
    """A body's name written as one ("Community Engagement & External Relations"): two or
    more words, each capitalised or a joining word, where the text's own "a meeting of the"
    says it names a body though it has no body word."""
    words = name.split()
    return (
        2 <= len(words) <= 8
        and words[0][:1].isupper()
        and words[-1].lower() not in _NAME_JOINERS  # cut short: "the Avon And"
        and all(word[:1].isupper() or word.lower() in _NAME_JOINERS for word in words)
        and not _GENERIC.match(name)
    )


def _organisation(parent: str) -> bool:
    """Words before "Minutes of the Board" that name an organisation ("Westdale Rural Area
    Partnership"), not a sentence's opening ("To agree the Minutes of the Panel Meeting")."""
    words = parent.split()
    return (
        bool(words)
        and all(word[:1].isupper() or word.lower() in _NAME_JOINERS for word in words)
        and words[0].lower() not in {"to", "the", "that", "approve", "agree"}
    )


def name_before_date(content: str, date_start: int) -> str | None:
    """The body's name in the words before the date on a title line ("Surrey Police and
    Crime Panel - Thursday, 8 December ...", "Agenda for X on Thursday ...")."""
    parts = re.split(r":\s+|\.\s+(?=[A-Z])", content[:date_start])
    before = parts[-1] if parts[-1].strip() or len(parts) == 1 else parts[-2]
    before = re.sub(
        r"(?:\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b[\s,]*)$", "", before, flags=re.I
    )
    agenda_for = _AGENDA_FOR.search(before.strip())
    if agenda_for:
        before = agenda_for.group("name")
    before = _HELD_AT_PLACE.split(before, maxsplit=1)[0]
    if _RECORD_OF_START.match(before.strip()):
        return None  # "Record of the Board's meeting in ...": no name (``_from_minutes_of``)
    while (time := find_time(before)) is not None:
        before = before[: time.span[0]] + " " + before[time.span[1] :]
    name = _clean(before)
    if _acceptable(name) and name[:1].isalnum():
        return name
    # a long run: the words that end in the last body word ("... GREATER MANCHESTER JOINT
    # AUDIT PANEL (POLICE AND CRIME)")
    bodies = list(_BODY_AT_END.finditer(before))
    if not bodies:
        return None
    found = _name_before(before, bodies[-1].start(), bodies[-1].group())
    tail = _clean(found[0]) if found else ""
    return tail if tail and _acceptable(tail) else None


def find_meeting_name(
    lines: Sequence[Line], *, end: int, date_line: Line | None = None, date_start: int = 0
) -> MeetingName | None:
    """The meeting's own name, or None when the opening does not give it."""
    opening = [line for line in lines[: max(end, 1)] if not line.blank][:NAME_LINES]
    if opening and _ONE_ITEM_PAGE.match(opening[0].content):
        opening = opening[2:]  # the line under "Agenda item" is the item's title
    if opening and not _ITEM_NUMBER.match(opening[0].content):
        # the title line's own "Minutes of the X held on ..." comes before any label under it
        from_title = _from_minutes_of(opening[0].content)
        if from_title is not None:
            return MeetingName(from_title, opening[0])
    for line in opening:
        label = _MEETING_LABEL.match(line.content)
        if label is None:
            continue
        value = _NEXT_LABEL.split(label.group("name"), maxsplit=1)[0]
        if _acceptable(name := _clean(value)):
            return MeetingName(name, line)
    for position, line in enumerate(opening[:MINUTES_OF_LINES]):
        content = line.content
        if page_opening(content):  # a page flattened under its number: "1 X BOARD Minutes ..."
            content = content.split(None, 1)[1]
        elif _ITEM_NUMBER.match(content):
            continue
        if _BROKEN_NAME.search(content) and position + 1 < len(opening):
            # a title broken inside the name: "... SHADOW POLICE AND FIRE &" / "RESCUE BOARD"
            content = f"{content} {opening[position + 1].content}"
        from_minutes = _from_minutes_of(content)
        if from_minutes is not None:
            return MeetingName(from_minutes, line)
    if opening and (before_labels := _name_before_labels(opening[0].content)) is not None:
        return MeetingName(before_labels, opening[0])
    if date_line is not None:
        before_date = name_before_date(date_line.content, date_start)
        if before_date is not None:
            return MeetingName(before_date, date_line)
    for line in opening:
        content = line.content
        if not _short_title_line(line):
            continue
        dated = next(iter_dates(content), None)
        if dated is not None and dated.span[0] > 0:
            # a short title line with its date: "Executive Board Minutes: 19 November 2013"
            before_date = name_before_date(content, dated.span[0])
            if before_date is not None and _NAMED_BODY.search(before_date):
                return MeetingName(before_date, line)
            continue
        if _LABELLED.match(content) or content.rstrip().endswith(":"):
            continue  # a label ("Coordination Committee:") over its value
        if not _NAMED_BODY.search(content):
            continue
        name = _clean(content)
        if _acceptable(name) and _ENDS_AS_NAME.search(name) and not _LISTS_BODIES.search(name):
            return MeetingName(name, line)
    return None


# The first label of a header table run onto the title's line: "POLICE AND CRIME PANEL Venue:
# Town Hall Date: Friday ...", "Resources Committee Date: 3 May".
_FIRST_HEADER_LABEL = re.compile(
    r"\s(?:venue|date|time|location|place|meeting\s+date)\s*:", re.IGNORECASE
)


def _name_before_labels(content: str) -> str | None:
    """The body's name a flattened header gives before its first label, when those words end
    as a body's name does ("POLICE AND CRIME PANEL Venue: ..." -> "POLICE AND CRIME PANEL")."""
    label = _FIRST_HEADER_LABEL.search(content[:LINE_CHARS])
    if label is None:
        return None
    before = content[: label.start()].strip()
    if not before or is_prose(before) or len(before.split()) > TITLE_LINE_MAX_WORDS:
        return None
    name = _clean(before)
    if _acceptable(name) and _ENDS_AS_NAME.search(name) and not _LISTS_BODIES.search(name):
        return name
    return None


def _short_title_line(line: Line) -> bool:
    """A line short enough, and not a sentence, to be a title."""
    if len(line.cells) > 1:
        return False
    short = line.words <= TITLE_LINE_MAX_WORDS and not is_prose(line.content)
    return short or is_long_title(line)


def is_long_title(line: Line) -> bool:
    """A title longer than a sentence-free line usually is: a marked-up heading, or parts
    between dashes each short ("Office of the ... for X – Thematic Meeting – May 2014")."""
    content = line.content
    if line.words > HEADING_LINE_MAX_WORDS or content.endswith((".", ";", ":")):
        return False
    if line.heading_level:
        return True
    parts = _TITLE_PARTS.split(content)
    return len(parts) > 1 and all(len(part.split()) <= TITLE_LINE_MAX_WORDS for part in parts)


# "the Panel noted", "Panel Members", "Board members": the body word the text acts under; not
# its staff or rooms ("the Committee Manager", "the Committee Room").
_ACTING_BODY = re.compile(
    r"\bthe\s+(panel|committee|sub-committee|board)\b(?!\s+(?-i:Room|Manager|Clerk|Officer|"
    r"Services|Administrator|Secretary|Support)\b)|"
    r"(?-i:\b(Panel|Committee|Sub-[Cc]ommittee|Board)\s+[Mm]embers\b)",
    re.IGNORECASE,
)
_BODY_WORD = re.compile(r"\b(panel|committee|sub-committee|board)s?\b", re.IGNORECASE)
_NAME_JOINERS = {"and", "&", "of", "for", "the", "on"}
_SELF_REFERENCE = re.compile(r"\b(?:meetings?|members?|minutes)\s+of\s+the\s+$", re.IGNORECASE)
# the commissioner by the initials of the office: "PCC", "OPFCC", "PCVC" (Police, Crime and
# Victims' Commissioner)
_COMMISSIONER = re.compile(r"\bcommissioner\b|\bo?p(?:f)?c(?:v)?c\b", re.IGNORECASE)
# Words that say which sitting, not which body: "the Extraordinary Panel Meeting", "the
# Exempt Minutes of the Special Committee" name no body ("Public" may: "Public
# Accountability Board").
_OCCASION = re.compile(
    r"extraordinary|special|annual|ordinary|informal|reconvened|adjourned|exempt|"
    r"confidential|previous|last|next|future",
    re.IGNORECASE,
)
# The body's own next sitting: "a future accountability board agenda", "the next Strategic
# Board meeting".
_LATER_SITTING = re.compile(
    r"\b(?:next|future|following|forthcoming)\s+(?P<name>(?:[\w&,'-]+\s+){0,5}?"
    r"(?:board|panel|committee|meeting|session))\s+(?:meeting|agenda|session)s?\b",
    re.IGNORECASE,
)
# What marks a panel as the police and crime panel when the commissioner goes unnamed: the
# chief constable before it, its independent (lay) members, the force it oversees named
# ("a serving officer with West Mercia Police").
_POLICE_PANEL_MARK = re.compile(
    r"\bthe\s+chief\s+constable\b|\bindependent\s+(?:lay\s+|co-opted\s+)?members?\b|"
    r"(?-i:\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s+Police)\b(?!\s+(?:and|&|,|authority|federation|"
    r"scotland|service\s+of\s+northern))",
    re.IGNORECASE,
)
_CHIEF = r"(?:(?-i:CC)|chief\s+constable)"
_CHIEF_ANSWERS = re.compile(
    rf"\b{_CHIEF}\s+(?:reported|said|explained|confirmed|responded|replied|updated|advised|"
    r"described|told)\b",
    re.IGNORECASE,
)
_COMMISSIONER_ASKS = re.compile(
    rf"\b(?:(?-i:P(?:F)?CC)|commissioner|he|she)\s+(?:asked|questioned|challenged|pressed)\s+"
    rf"(?:the\s+)?{_CHIEF}\b|\b(?:(?-i:P(?:F)?CC)|commissioner)\s+(?:asked|questioned)\s+whether\b",
    re.IGNORECASE,
)
# "Chair: PCC Ada Reader" over a list where the chief constable attends: the commissioner's
# own meeting with the force.
_COMMISSIONER_CHAIRS = re.compile(
    r"^(?:chair(?:ed\s+by)?|chairman|chairperson)\s*[:\t–—-]\s*(?:the\s+)?(?:(?-i:P(?:F)?CC)\b|"
    r"police(?:,\s+fire)?\s+(?:and|&)\s+crime\s+commissioner\b|commissioner\b)",
    re.IGNORECASE | re.MULTILINE,
)
# The commissioner taking assurance from the force: "The Commissioner was assured about the
# strength of the budget monitoring", "He asked for clarification and assurance", "the PCC
# sought assurance that ...".
_COMMISSIONER_ASSURED = re.compile(
    r"\b(?:(?-i:P(?:F)?CC)|commissioner)\s+(?:was|is|felt|remained)\s+(?:not\s+|fully\s+|"
    r"partially\s+)?(?:re)?assured\b|\b(?:(?-i:P(?:F)?CC)|commissioner|he|she)\s+(?:sought|"
    r"asked\s+for|requested)\s+(?:[\w,]+\s+){0,4}?assurances?\b",
    re.IGNORECASE,
)
_CHIEF_ATTENDS = re.compile(
    r"\b(?:(?:temporary|t/|acting)\s*)?chief\s+constable\b|\(t?/?cc\)", re.IGNORECASE
)
TEXT_CHARS = 40_000
"""Characters of the text read for the body's name when the opening gives none."""
CHIEF_OFFICERS_NAMED = 2
"""Times a record naming no body names the force's chief officers' meeting (its group,
team or board) to be that meeting's own."""


# Membership of a body, as an interest is declared: "was a member of the Office of the".
_MEMBER_OF = re.compile(
    r"\b(?:was|is|were|are)\s+(?:a|an)\s+(?:\w+\s+)?(?:member|trustee|director)\s+of\s+"
    r"(?:the\s+)?(?:[\w'’()]+\s+){0,10}$",
    re.IGNORECASE,
)


def _name_before(text: str, noun_start: int, noun: str) -> tuple[str, int] | None:
    """ "... of the Police Authority Board" -> "Police Authority Board" and where it starts:
    the capitalised words (and joining words) just before a body word."""
    window_start = max(0, noun_start - 100)
    window = text[window_start:noun_start]
    words = list(re.finditer(r"\S+", window))
    kept: list[re.Match[str]] = []
    for word in reversed(words[-8:]):
        bare = word.group().strip(",")
        if word.group().endswith((".", ":", ";")) or not bare:
            break
        if bare.lower() == "the":
            break
        if bare[0].isupper() or (kept and bare.lower() in _NAME_JOINERS):
            kept.insert(0, word)
            continue
        break
    while kept and (
        kept[0].group().lower() in _NAME_JOINERS or _OCCASION.fullmatch(kept[0].group())
    ):
        kept.pop(0)
    if not kept:
        return None
    name = " ".join([*(word.group().strip(",") for word in kept), noun])
    return name, window_start + kept[0].start()


def body_from_text(text: str) -> tuple[str | None, str | None]:
    """For a record whose opening names no body: the body's name as the text uses it
    ("the Police Authority Board", named twice or as "a meeting of the X", or the only one
    named under the word it acts as: "the Board" and "the Safer Communities Board"), and the body
    word it acts under most ("the Panel noted ..."): panel, committee or board."""
    text = text[:TEXT_CHARS]
    acting: dict[str, int] = {}
    for match in _ACTING_BODY.finditer(text):
        noun = (match.group(1) or match.group(2)).lower().replace("sub-committee", "committee")
        acting[noun] = acting.get(noun, 0) + 1
    # A text that never says "the Panel" may still name its body in full, twice or as "the
    # meeting of the Eastshire Police and Crime Panel held on ...": any body word is read.
    noun = max(acting, key=lambda key: acting[key]) if acting else None
    counts: dict[str, int] = {}
    self_named: set[str] = set()
    for match in _BODY_WORD.finditer(text):
        word = match.group(1)
        if noun is not None and word.lower().replace("sub-committee", "committee") != noun:
            continue
        found = _name_before(text, match.start(), word)
        if found is None:
            continue
        name, start = found
        if _MEMBER_OF.search(text[max(0, start - 80) : start]):
            continue  # "X declared that he was a member of the OPCC's Audit Panel": another's
        counts[name] = counts.get(name, 0) + 1
        if _SELF_REFERENCE.search(text[max(0, start - 40) : start]):
            self_named.add(name)
    if noun is None:  # no "the Panel" to go by: named twice, once as the body meeting
        chosen = [name for name in counts if counts[name] >= 2 and name in self_named]
    else:
        chosen = [name for name in counts if counts[name] >= 2 or name in self_named]
        if not chosen and len(counts) == 1 and len(acting) == 1:
            # the one body named in full under the one word the text acts as ("the Board
            # thanked ... for her contribution to the Westdale Safer Communities Board"; a
            # text that speaks of "the Committee" too may be another body's)
            chosen = list(counts)
    if not chosen:
        return None, noun
    return max(chosen, key=lambda name: counts[name]), noun


def kind_from_text(text: str, name: str | None, noun: str | None) -> MeetingKind:
    """The kind of a record that names no body in its opening: from the name its text uses,
    else from the name its furniture prints (a contact line, a running title: see
    ``ingest.parse.kind_marks``), else a panel that deals with a commissioner (or the chief
    constable, or that has independent members) is a police and crime panel; else a
    committee with a council scrutiny committee's standing business (call-ins, an update
    from the Cabinet) is one; else the kind of its own later sitting ("to add a paper to a
    future accountability board agenda"); else a meeting under no body where the
    commissioner asks and the chief constable answers ("He asked CC whether ... CC reported
    that ..."), or that the commissioner chairs or takes assurance in ("Chair: PCC Ada
    Reader", "The Commissioner was assured") with the chief constable attending, is the
    commissioner holding the chief constable to account; else a
    record that names the force's chief officers' meeting twice ("the terms of reference
    for COG", "future COG meetings") is that meeting's, a strategic board."""
    named = find_meeting_kind(name) if name is not None else None
    if named is not None:
        return named
    text = text[:TEXT_CHARS]
    contents = text.splitlines()
    furniture = furniture_kind(contents)
    if furniture is not None:
        return furniture
    if noun == "panel" and (_COMMISSIONER.search(text) or _POLICE_PANEL_MARK.search(text)):
        return MeetingKind.POLICE_AND_CRIME_PANEL
    if noun != "panel" and council_scrutiny(contents):
        return MeetingKind.SCRUTINY_COMMITTEE
    for sitting in _LATER_SITTING.finditer(text):
        later_name = sitting.group("name")
        if noun is not None and noun not in later_name.lower():
            continue  # another body's sitting: "the Board heard that the next Audit Committee"
        later = find_meeting_kind(later_name)
        if later is not None:
            return later
    if noun is None and (
        (_CHIEF_ANSWERS.search(text) and _COMMISSIONER_ASKS.search(text))
        or (
            (_COMMISSIONER_CHAIRS.search(text) or _COMMISSIONER_ASSURED.search(text))
            and _CHIEF_ATTENDS.search(text)
        )
    ):
        return MeetingKind.ACCOUNTABILITY_BOARD
    if noun != "panel" and chief_officers_meetings(text) >= CHIEF_OFFICERS_NAMED:
        return MeetingKind.STRATEGIC_BOARD
    return MeetingKind.OTHER
