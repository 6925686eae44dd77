"""The kind of a meeting from its own name ("Joint Audit Committee", "Police, Fire and Crime
Panel", "Thematic on Serious and Organised Crime").

The patterns are tried in order, the more particular first: "Performance and Accountability
Board" is an accountability board, "Strategic Planning and Performance Committee" a
performance meeting, "Audit, Risk and Assurance Committee" an audit committee, and the
London Assembly's "Police and Crime Committee" a scrutiny committee, not a panel; a
"Strategic Priorities Assurance Board" a strategic board, while another "... Assurance
Board" is a monthly assurance meeting. A board or authority named bare ("Public Board
Meeting", "Authority Meeting") is the body's own governing board, and so are the chief
officers' national bodies ("Chief Constables' Council") and a force's chief officers
meeting as its executive ("Chief Officer Group", "Chief Officers Strategic Meeting", "COT
Board", "Command Team", "Management Board"). A police authority's board named by its
initials ("CNPA Board") is its governing board. A sub-committee named with its parent ("...
Sub-committee of the Police Authority") is of its own kind, not its parent's. A company's or
college's "Board of Directors" is its governing board, and so are the meetings of the police
authorities' national association; a network of the authorities' officers ("Association of
Police Authority Chief Executives") is not an authority. A Scottish council's board or
sub-committee for police and fire and rescue, and a legislature's justice committee ("Committee
for Justice"), scrutinise; so do a council's committees named by their task ("Policy and
Accountability Committee", "Crime and Disorder Committee", "Public Safety Sub-Committee") and
select committees. A Welsh "Public Services Board" and an English "Health and Wellbeing
Board" are their area's strategic boards.
"""

from __future__ import annotations

import re

from records.enums import MeetingKind

_KIND_PATTERNS: tuple[tuple[MeetingKind, re.Pattern[str]], ...] = (
    (
        MeetingKind.POLICE_AND_CRIME_PANEL,
        re.compile(
            r"\bpolice,?\s+(?:fire\s+)?(?:and|&)\s+crime\s+panels?\b|\bfire\s+(?:and|&)\s+crime\s+"
            r"panel\b|\bcrime\s+panel\b|(?-i:\bP(?:F)?CP\b)",
            re.IGNORECASE,
        ),
    ),
    (
        MeetingKind.AUDIT_COMMITTEE,
        re.compile(
            r"\baudit\b[\w ,&()-]{0,40}?\b(?:committee|panel)\b|\bjoint\s+audit\b|"
            r"\baudit,?\s+(?:and|&)\s+(?:risk|standards|ethics|assurance)\b|"
            r"(?-i:\bJAC\b|\bJARAC\b|\bJARAP\b|\bJIAC\b|\bARAC\b)",
            re.IGNORECASE,
        ),
    ),
    (
        # a council's scrutiny committee named by its task, with no word of scrutiny in its
        # name: a borough's "Policy and Accountability Committee" or "Policy Overview
        # Committee", the statutory "Crime and Disorder Committee" that scrutinises the
        # community safety partnership
        MeetingKind.SCRUTINY_COMMITTEE,
        re.compile(
            r"\bpolicy\s+(?:and|&)\s+accountability\s+(?:committee|panel)\b|"
            # a borough's scrutiny by its other name: "... Policy Overview Committee"
            r"\bpolicy\s+overview\s+(?:committee|panel)\b|"
            r"\bcrime\s+(?:and|&)\s+disorder\s+(?:select\s+)?(?:sub-?)?committee\b|"
            # a council's or a parliament's select committee ("Safer Stronger Communities
            # Select Committee"), a council's committee over community or public safety
            # ("Public Safety Sub-Committee"; a partnership's own board is no committee)
            r"\bselect\s+committee\b|"
            r"\b(?:community|public)\s+safety\b[\w ,&]{0,60}?\b(?:sub-?)?committee\b",
            re.IGNORECASE,
        ),
    ),
    (
        MeetingKind.ACCOUNTABILITY_BOARD,
        re.compile(
            r"\baccountability\b|\bholding\s+(?:the\s+chief\s+constable\s+)?to\s+account\b"
            r"[\w ]{0,20}?\b(?:board|meeting|forum|session)\b|"
            r"\bhold(?:ing)?\s+to\s+account\s+(?:board|meeting)\b|\blevel\s+(?:1|one)\s+meeting\b",
            re.IGNORECASE,
        ),
    ),
    # (a standing "Safer and Stronger Communities Thematic Partnership" is no thematic meeting)
    (
        MeetingKind.THEMATIC,
        re.compile(r"\bthematic\b(?!\s+partnerships?\b)|\bdeep[- ]dive\b", re.IGNORECASE),
    ),
    (
        MeetingKind.SCRUTINY_COMMITTEE,
        re.compile(
            r"\bscrutiny\b|\bpolice\s+(?:and|&)\s+crime\s+committee\b|"
            # a Scottish council's local scrutiny of the national police and fire services:
            # "Police, Fire and Rescue and Safer Communities Board", "Police, Fire and Rescue
            # Sub Committee" (a council's committee of that name may be its own police
            # authority of old, and is left to its other words)
            r"\bpolice,?\s+(?:and\s+)?fire\s+(?:and|&)\s+rescue\b[\w ,&]{0,40}?"
            r"\b(?:board|sub[- ]?committee)\b|"
            # a legislature's committee over justice: the Northern Ireland Assembly's
            # "Committee for Justice", a parliament's "Justice Committee" or "Home Affairs
            # Committee"
            r"\bcommittee\s+for\s+justice\b|\b(?:criminal\s+)?justice\s+(?:sub-?)?committee\b|"
            r"\bhome\s+affairs\s+committee\b",
            re.IGNORECASE,
        ),
    ),
    (
        MeetingKind.STRATEGIC_BOARD,
        re.compile(r"\bstrateg(?:ic|y)\b[\w ,&]{0,40}?\bassurance\s+board\b", re.IGNORECASE),
    ),
    (
        MeetingKind.MONTHLY_ASSURANCE,
        re.compile(r"\bmonthly\s+assurance\b|\bassurance\s+(?:meeting|board|session)\b", re.I),
    ),
    (MeetingKind.PERFORMANCE, re.compile(r"\bperformance\b", re.IGNORECASE)),
    (
        MeetingKind.STRATEGIC_BOARD,
        re.compile(
            r"\bstrateg(?:ic|y)\b[\w ,&]{0,40}?\b(?:board|committee)\b|\bstrategic\s+policing\b|"
            r"\bpolicing\s+board\b|\b(?:governance|executive|oversight)\s+board\b|"
            # a Welsh area's statutory partnership of its public bodies: "Public Services Board"
            r"\bpublic\s+services?\s+board\b|"
            # an English area's statutory partnership for health: "Health and Wellbeing Board"
            r"\bhealth\s+(?:and|&)\s+well-?being\s+board\b|"
            # a company's or college's governing board: "College Board of Directors"
            r"\bboard\s+of\s+(?:directors|trustees|governors)\b|"
            # not the officers' own network: "Association of Police Authority Chief Executives"
            r"\bpolice\s+authority\b(?!\s+(?:chief\s+executives|treasurers|clerks|solicitors)\b)|\bfull\s+authority\b|\bpolice\s+committee\b|"
            # the governing board of a police authority or joint board named by its type or
            # by its initials: "Authority Board", "Joint Police Board", "Police Board", "CNPA
            # Board", "SPA Authority Meeting"
            r"\b(?:authority|commission)\s+board\b|\b(?:joint\s+)?police\s+(?:joint\s+)?board\b|"
            r"(?-i:\b[A-Z]{1,4}PA\b)\s+(?:board|authority)(?:\s+meeting)?\s*$|"
            # a force's chief officers meeting as its executive: "Chief Officer Group", "Chief
            # Officers' Team", "Command Team", "Force Executive Team", "Management Board"
            r"\bchief\s+officers?['’]?\s+(?:(?:strategic|management|executive|leadership)\s+)?"
            r"(?:group|team|board|meeting)\b|\bcommand\s+team\b|"
            # and by its initials: "COT Board", "COG", "COMB" (Chief Officer Team, Group,
            # Management Board)
            r"(?-i:\bCO(?:G|T|MB)\b)|"
            r"\bexecutive\s+(?:team|group|committee)\b|\b(?:force\s+)?management\s+(?:board|team)\b|"
            # "Chief Officers' Management Board - Strategic"
            r"\b(?:board|committee)\s*[-–—:]\s*strateg(?:ic|y)\b|"
            # the body's own board or authority, named bare: "Public Board Meeting - Hamilton",
            # "Authority Meeting"
            r"^(?:(?:the|public|private|full|formal|open)\s+)*(?:authority|board)(?:\s+meeting)?"
            r"(?:\s*[-–—:]\s*.*)?$",
            re.IGNORECASE,
        ),
    ),
    (MeetingKind.MONTHLY_ASSURANCE, re.compile(r"\bassurance\b", re.IGNORECASE)),
)


# "Professional Standards Sub-committee of the Metropolitan Police Authority": a body of a
# parent body, whose kind is its own, not its parent's ("Board of Directors" names no parent).
_BODY_OF_PARENT = re.compile(
    r"^(?P<own>.*?\b(?:sub-?committee|committee|panel|board|group|sub-group|forum))\s+of\s+"
    r"(?:the\s+)?(?!(?:directors|trustees|governors)\b)(?-i:[A-Z])",
    re.IGNORECASE,
)
# The chief officers' own national bodies: "Association of Chief Police Officers" (its
# Cabinet), "Chief Constables' Council", "Police Chiefs' Council".
_CHIEF_OFFICERS_BODY = re.compile(
    r"\bassociation\s+of\s+chief\s+police\s+officers\b|"
    r"\b(?:chief\s+constables|police\s+chiefs|chief\s+police\s+officers)['’]?\s+council\b|"
    # and the police authorities' own: its council and general meetings govern as theirs do
    r"\bassociation\s+of\s+police\s+authorities\b",
    re.IGNORECASE,
)


# A force's chief officers meeting as its executive, named in a record's text: "the terms of
# reference for COG", "attend Chief Officer Group as observers", "brief the COT".
_CHIEF_OFFICERS_MEETING = re.compile(
    r"\bchief\s+officers?['’]?\s+(?:(?:strategic|management|executive|leadership)\s+)?"
    r"(?:group|team|board)\b|(?-i:\bCO(?:G|T|MB)\b)|\bcommand\s+team\s+meetings?\b",
    re.IGNORECASE,
)


def chief_officers_meetings(text: str) -> int:
    """How often ``text`` names a force's chief officers meeting as its executive."""
    return len(_CHIEF_OFFICERS_MEETING.findall(text))


def chief_officers_body(text: str) -> bool:
    """Whether ``text`` names a national body of chief police officers, whose meetings
    (its cabinet, its council) govern policing as a strategic board does."""
    return _CHIEF_OFFICERS_BODY.search(text) is not None


# A prefix an extraction parted from its word at a line's end: "Crime & Disorder Sub-
# Committee", read as "Sub-Committee".
_BROKEN_PREFIX = re.compile(r"\b(sub|co)-\s+(?=[a-z])", re.IGNORECASE)


def find_meeting_kind(text: str) -> MeetingKind | None:
    """The kind a title or phrase names, or None when it names none. A body named as
    another's ("X Sub-committee of the Y Authority") is of its own kind."""
    text = _BROKEN_PREFIX.sub(r"\1-", text)
    of_parent = _BODY_OF_PARENT.match(text)
    if of_parent is not None:
        text = of_parent.group("own")
    if chief_officers_body(text):
        return MeetingKind.STRATEGIC_BOARD
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(text):
            return kind
    return None


def meeting_kind(*texts: str) -> MeetingKind:
    """The kind named by the first of ``texts`` that names one, else ``OTHER``."""
    for text in texts:
        kind = find_meeting_kind(text)
        if kind is not None:
            return kind
    return MeetingKind.OTHER
