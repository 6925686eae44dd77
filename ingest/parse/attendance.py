"""Who attended: attendance tables, labelled lists ("Present:", "In attendance:",
"Apologies:"), the same lists without a label (name lines under "1. Welcome and
introductions" or straight after the header), and attendance stated in sentences
("Apologies were received from ...", "Cllr B attended as a substitute").

A list runs from its label over the lines that name people, through blank lines and
group headings ("MPA officers", "Durham Constabulary"), to the first line that names
nobody; a label inside a run ("... Officers Present: Mr A Coe ...") changes the status
of the people after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.draft import AttendeeDraft, Span
from ingest.parse.attendance_sentences import parse_sentences
from ingest.parse.chair import sentence_chair
from ingest.parse.lines import Line, next_nonblank
from ingest.parse.name_runs import (
    MIN_INITIALLED_ENTRIES,
    PHRASE_BEFORE_LABEL,
    bracket_attendance_notes,
    label_status,
    name_shape_at,
    split_entries,
    split_initials_run,
    split_labels,
    split_run,
    take_substitutes,
    title_first,
)
from ingest.parse.office_holders import office_holders
from ingest.parse.people import (
    GIVEN_NAMES,
    NameIndex,
    Person,
    has_dot_leader,
    is_prose,
    is_role_word,
    looks_like_name,
    parse_capacity,
    same_person,
    split_person,
    strip_markers,
    strip_titles,
)
from ingest.parse.roles import role_for_name
from ingest.parse.tables import Table, find_tables, name_column
from ingest.parse.text import ATTENDANCE_LIST_END
from records.enums import AttendanceStatus

__all__ = ["Attendance", "include_officers", "parse_attendance", "split_entries"]

_STATUS_LABELS: tuple[tuple[re.Pattern[str], AttendanceStatus], ...] = (
    (
        re.compile(
            r"(?:the\s+following\s+)?apolog(?:ies|y)(?:\s+for\s+absence)?"
            r"(?:\s+(?:were|had been|have been))?"
            r"(?:\s+(?:received|given|noted|tendered))?(?:\s+(?:from|on\s+behalf\s+of))?"
            r"|absent(?:\s+with\s+apologies)?|not present|unable to attend|"
            r"(?:members\s+)?not\s+in\s+attendance",
            re.IGNORECASE,
        ),
        AttendanceStatus.APOLOGIES,
    ),
    (
        re.compile(
            r"(?:also\s+|other\s+members\s+|ex-officio\s+members\s+)?in attend[ae]nce"
            r"|also present|also attending|officers in attendance|officials in attendance|"
            r"officers present|others present|other\s+attendees(?:\s+present)?|"
            r"officer attendance|officers|officials|guests?|"
            r"observers?|supporting officers|advisers|by invitation|together with|presenters?|"
            r"presenting|witnesses|secretariat|minute[- ]?takers?|note[- ]?takers?|"
            r"minutes\s+taken\s+by",
            re.IGNORECASE,
        ),
        AttendanceStatus.IN_ATTENDANCE,
    ),
    (
        re.compile(
            r"(?:(?:main\s+)?(?:board |panel |committee )?members\s+)?present|attendees|"
            r"attendance|attending|attended|those present|sederunt|late\s+arrivals?|arrived\s+late|"
            r"(?:board |panel |committee )?members(?:\s+present)?",
            re.IGNORECASE,
        ),
        AttendanceStatus.PRESENT,
    ),
)
_BILINGUAL_PREFIX = re.compile(r"^[^/:\t]{2,40}?\s/\s*")
_LABEL_END = re.compile(r"\s*(?::|\t|[-–—]\s|$)\s*")
# "PRESENT:Councillor Haworth": a label in capitals run into the first name.
_LABEL_QUALIFIER = re.compile(r"\s*\((?:[a-z][^()]{0,38})\)")
_GLUED_LABEL_END = re.compile(r":(?=[A-Z])")
# A label set in a column beside its first name, with no colon: "Observers   Mrs D Hywel",
# "Members Councillors Arden, Mrs Bexley, ...".
_TITLE_AFTER_LABEL = re.compile(
    r"\s+(?-i:Mr|Mrs|Ms|Miss|Dr|Cllrs?|Councillors?|Messrs|Prof|Professor|Sir|Dame)\.?\s+(?-i:[A-Z])"
)
# "Present from the Office of the PCC (OSPCC): ...", "Also in attendance as an Observer"
# (not "Present as substitute Councillor Ann Bell", whose person follows)
_QUALIFIED_LABEL_END = re.compile(
    r"\s+(?:from|of|at|for|in|as)\s[^:.;]{1,80}:\s*|"
    r"\s+as\s+(?:an?\s+)?(?:observers?|substitutes?|guests?|advis[eo]rs?|witness(?:es)?)\s*$",
    re.IGNORECASE,
)
# An agenda item straight after a list ("1. Holding to account – Rape and ...") ends it.
# "In attendance for specific items DCC Jo Hale ...", "Present for item 5 Mr Roy Tapp": the
# part of the meeting a label's people attended, without a colon before them.
_FOR_ITEMS = re.compile(
    r"\s+for\s+(?:(?:specific|certain|some|particular|individual)\s+items|(?:agenda\s+)?"
    r"items?\s+\d{1,3}(?:[.,]\d{1,2})*(?:\s*(?:,|and|&|-|–|to)\s*\d{1,3}(?:[.,]\d{1,2})*)*|"
    r"part\s+of\s+the\s+meeting)\s*[-–—]?\s*",
    re.IGNORECASE,
)
_ITEM_HEADING = re.compile(r"^(?:item\s+)?\d{1,3}(?:\.\d{1,2})*[.):]?(?:\s|$)", re.IGNORECASE)
_ITEM_NUMBER = re.compile(
    r"^(?:(?:agenda\s+)?item\s+)?\d{1,3}(?:\.\d{1,2})*(?:[a-z](?=[.)]))?[.):]?\s*", re.I
)
_ANY_LABEL = re.compile(r"^[A-Z][A-Za-z /&]{1,30}:(?:\s|$)")
# Item headings that introduce the attendance: the names follow them, with no label.
_ATTENDANCE_HEADING = re.compile(
    r"^(?:welcome(?:\s*(?:,|and|&)\s*introductions?)?|introductions?|attendees|"
    r"attendance(?:\s+(?:details|list|record))?|"
    r"present|sederunt|members present|those present)\.?$",
    re.IGNORECASE,
)
_BARE_LABEL = re.compile(
    r"^(?:apologies(?:\s+for\s+absence)?|present|attendees|attendance|in\s+attendance)\s+"
    r"(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)
_SUBLISTS_HEADING = re.compile(
    r"^(?:attendance|attendees|present|those present|sederunt)\s+"
    r"(?=\d{1,2}\.\d{1,2}\.?\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
# Sentences that end in a colon before a list: "Apologies for absence were received as
# follows:", "The following were in attendance for this item:", "The Chair welcomed these
# guests:".
_SENTENCE_LABEL_APOLOGIES = re.compile(r"^apologies\b[^.]{0,60}\bas follows\s*:$", re.I)
# "4.2 The following guests attended the meeting and answered questions from the
# Committee:" introduces a list of guests below it.
_SENTENCE_LABEL_ATTENDING = re.compile(
    r"^(?:the following (?:were|was) (?:also )?in attendance\b[^.]{0,40}"
    r"|the following (?:guests?|officers?|witnesses|speakers) (?:also )?attended\b[^.:]{0,80}"
    r"|the chair(?:man|person)? welcomed (?:these|the following) guests"
    # ("Those in attendance for this item were:")
    r"|those (?:also )?in attendance (?:for (?:this|the) item )?(?:were|was)):$",
    re.IGNORECASE,
)
# An attendance label of a few words ending in a colon: "Apologies for absence:".
_COLON_LABEL = re.compile(r"^[A-Za-z ]{4,40}:\s")
# "Representing the Highland Council:": a joint board's members under the councils that
# appoint them, the first group heading the list with no "Present" above it.
_REPRESENTING_HEADING = re.compile(
    r"^representing\s+(?:the\s+)?(?-i:[A-Z])[\w'’&,() -]{1,60}?\s*:?$", re.IGNORECASE
)
_APOLOGIES_HEADING = re.compile(
    r"^apologies(?:\s+for\s+absence)?"
    r"(?:\s+(?:and|&)\s+(?:notices?\s+of\s+)?substitut(?:ions?|es))?\.?$",
    re.IGNORECASE,
)
# What an agenda prints between an item's heading and its minute: a note of what the item is
# for ("The Secretary to the Panel to report the receipt (if any).") and the bare minute
# number, read past before the item's list of people.
_AGENDA_NOTE = re.compile(
    r"^(?:\d{1,3}\.?|(?:the\s+[\w\s]{1,40}?\s+)?to\s+(?:report|receive|note)\b[^:]*)$",
    re.IGNORECASE,
)
_AGENDA_NOTES = 2
# A group heading inside a list: "MPA officers", "Durham Constabulary", "Auditors".
_GROUP_HEADING = re.compile(r"^[A-Z][\w'’&,()/ -]{1,60}:?$")
_NOT_GROUP = re.compile(r"^(?:minutes|notes|decisions?|resolved|summary)\s*:?$", re.I)
# (a heading "Others" after the members' group: "Board Directors" ... "Others")
_OFFICERS_HEADING = re.compile(r"\b(?:officers?|officials|staff|secretariat)\b|^others$", re.I)
_MEMBERS_HEADING = re.compile(r"^(?:board\s+|panel\s+|committee\s+)?members\b", re.I)
_MAX_BLANKS = 2
# Lines read past an office named alone inside a list ("Chief Constable") for the next person.
_UNNAMED_OFFICE_REACH = 12
# A label may stand further above its first entry: web pages put a line of a lone space and
# blank lines around it between "The following guests attended:" and the list.
_MAX_BLANKS_BEFORE_LIST = 4
_MEMBERSHIP = re.compile(
    r"membership|who will sit|members of the|appointed to|appointments? (?:to|of)\b|nominated|"
    r"nominations?\b",
    re.I,
)
# Words of a sentence about people, which a list of them does not hold.
_SENTENCE_WORDS = re.compile(
    r"\b(?:was|were|is|are|had|has|have|been|received|presented|sent|noted|welcomed|attended|"
    r"joined|told|said|asked|agreed|thanked|declared|opened|reported|explained|replaced|"
    r"elected|appointed|added|removed|changed)\b"  # ("Cllrs Jo Hale and Ann Bell added as
)  # substitutes": a change to the membership, not a list of those present)
_BRACKETS = re.compile(r"\([^()]*\)")
_FOOTNOTE_LINE = re.compile(r"^(?:\(\d{1,2}\)\s*|\*\s*)+$")
# A long run stops at the first verb of the prose after it.
_PROSE_VERB = re.compile(
    r"\s(?:was|were|is|are|had|has|have|be|been|reported|welcomed|noted|asked|thanked|said|"
    r"told|received|agreed|stood)\s"
)
_LONG_RUN = 200
# "Introductions were made and apologies noted.", "Apologies were given.", "Welcome and
# apologies were made.": apologies said to be made without a name, in the opening part of
# the text.
# "Apologies were noted.", "Apologies were noted as above", "Attendance and Apologies." over
# "As above.": apologies said to be given, their names only in a list above.
_UNNAMED_APOLOGIES = re.compile(
    r"\bapologies\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?"
    r"(?:noted|recorded|given|received|made|offered)"
    r"(?:\s+as\s+(?:listed\s+|shown\s+|recorded\s+)?above)?\s*(?:[.;]|and\b|$)"
    r"|\bapologies\b[^\n]{0,30}\n\s*(?:as\s+(?:listed\s+|shown\s+|recorded\s+)?above|"
    r"see\s+above)\s*\.?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_APOLOGIES_REACH = 6000
_APOLOGIES_WORD = re.compile(r"\bapolog|\babsen(?:t|ce)\b|\bnot\s+present\b", re.IGNORECASE)
_APOLOGIES_GAP = 2
# A field of the header after the names, in a line run together: "... Board Secretary Start:
# 11:00 hrs 1 Agenda ...".
_FIELD_AFTER_RUN = re.compile(
    r"\s(?:Start(?:\s+[Tt]ime)?|Time|Date|Venue|Location|Place|Finish|Close)\s*:\s*(?=\w)"
)
# A clause after the names that is about them: "Apologies were received from Mrs Jo Hale, in
# her absence the meeting was chaired by ...".
_RUN_CLAUSE = re.compile(
    r",?\s+in\s+(?:his|her|their|the)\s+absence\b|,\s+(?:whereupon|although|but)\s",
    re.IGNORECASE,
)
# "P. Councillor Helen Marsh A. Councillor Roger Tapp": present and absent marks.
_MARK = re.compile(
    r"(?<![\w.])(?P<mark>[PA])\.\s+(?=(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|[A-Z][a-z]{2,})\b)"
)
# Where a run of people read across a whole page stops: at the first agenda item in it.
_RUN_END = re.compile(
    r"\s(?:\d{1,3}(?:\.\d{1,2})?\.\s+|item\s+\d)(?=[A-Z])|\s\d{1,2}\)\s+(?-i:(?=[A-Z]{2}))"
    # (a bare item number after the list's full stop: "... Ida Webb (IW). 1 Welcome The ...")
    r"|(?<=[a-z)]\.)\s+\d{1,2}\s+(?-i:(?=[A-Z][a-z]))",
    re.IGNORECASE,
)
# "... Norfolk Main Panel Members Present: Mr Graham Pegg ...": a label inside a long line.
# Without a colon the label needs "Members" and a title after it ("... 1.30pm. Members Present
# Councillor Jo Hale (Rye Council), ..."): "present" alone is a word of any sentence.
_INLINE_LABEL = re.compile(
    r"(?<![\w-])(?:(?:main\s+)?(?:panel\s+|board\s+|committee\s+)?members\s+)?present\s*:\s*"
    r"|(?<![\w-])(?:(?:main\s+)?(?:panel\s+|board\s+|committee\s+)?members\s+)present\s+"
    r"(?=(?-i:Councillor|Cllr|County\s+Councillor|Mr|Mrs|Ms|Miss|Dr|Professor|Prof)\.?\s+[A-Z])"
    r"|(?<![\w-])membership\s*\(\s*A\s*[-–—=]\s*(?:denotes\s+)?absent\s*\)\s*",
    re.IGNORECASE,
)
# An attendance label inside a line that extraction ran together, without a colon and
# perhaps glued to the first name: "... Venue: Room 5 Present Jo Hale (Chair) Ann Bell ...
# Apologies Roy Tapp In Attendance Ida Webb, Head of Legal ...". Written with a capital.
_FLAT_LABEL = re.compile(
    r"(?<![\w-])(?P<label>(?-i:(?:(?:Members|Board Members|Also|Those|Others)\s+)?"
    r"(?:Present|PRESENT)|Attendees|ATTENDEES|(?:Also\s+)?In\s+[Aa]ttendance|IN\s+ATTENDANCE|"
    r"Apologies(?:\s+for\s+[Aa]bsence)?|APOLOGIES|(?:Attendance|ATTENDANCE)(?=\s*:)))"
    r"(?:\s*:\s*|\s+|(?=[A-Z][a-z]))"
)


def _flat_label(content: str) -> tuple[AttendanceStatus, str] | None:
    """(status, the rest of the line) at the first attendance label inside a line that a
    person's name follows, plainly marked (a title, a listed given name, initials, a bracket
    or a comma after it) or with a second label further on."""
    labels = [
        m
        for m in _FLAT_LABEL.finditer(content)
        if name_shape_at(content, m.end())
        and not PHRASE_BEFORE_LABEL.search(content, max(0, m.start() - 20), m.start())
    ]
    for number, match in enumerate(labels):
        if name_shape_at(content, match.end(), strict=True) or number + 1 < len(labels):
            if match["label"].lower() == "attendance":
                return AttendanceStatus.PRESENT, content[match.end() :]  # "Attendance: ..."
            return label_status(match["label"]), content[match.end() :]
    return None


# "MEMBERSHIP (A – denotes absent)": a key that makes the membership list an attendance, an
# "A" after a name marking one who was absent ("Dr Anne Pridmore A").
_ABSENCE_KEY = re.compile(r"\(?\s*\bA\s*[-–—=]\s*(?:denotes\s+)?absent\b", re.IGNORECASE)
_ABSENT_MARK = re.compile(r"\s+A\s*$")
_APOLOGIES_MARK = re.compile(
    r"\s*(?:\(\s*(?:sent\s+)?apologies(?:\s+received)?\s*\)|\s[-–—]\s*apologies\s*$)", re.I
)


@dataclass
class Attendance:
    attendees: list[AttendeeDraft] = field(default_factory=list)
    chair: Person | None = None
    minute_taker: Person | None = None
    end: int = 0
    """Offset just after the last line of an attendance table or list (0 if none)."""
    chair_in_sentences: bool = False
    """The chair is one the minutes' sentences name, not one the attendance names."""
    chair_only_elected: bool = False
    """... and they say only that the meeting elected them, not that they chaired it."""
    invitees: bool = False
    """The text lists those invited or expected (an agenda's), whom no one records as there."""


def _status_label(content: str) -> tuple[AttendanceStatus, str] | None:
    """(status, rest of line) when the line starts with an attendance label, perhaps after
    the same label in Welsh ("Yn bresennol / Present:"), or is an item heading that
    introduces the attendance ("1. Welcome and introductions", "2. Apologies")."""
    found = _status_label_at(content)
    prefix = _BILINGUAL_PREFIX.match(content) if found is None else None
    if prefix is not None:
        found = _status_label_at(content[prefix.end() :])
    if found is None:
        heading = _ITEM_NUMBER.sub("", content).strip()
        numbered = _status_label_at(heading) if heading != content.strip() else None
        if numbered is not None and heading.endswith(":"):
            return numbered  # "1.   Apologies were received from:", a list below it
        if numbered is not None and numbered[1] and _COLON_LABEL.match(heading):
            # "1.  Apologies for absence: Jo Hale (JH); Ann Bell (AB)": the item's heading
            # is the label, the people follow its colon on the same line.
            return numbered
        if numbered is not None and _capitals_label_run(heading, numbered[1]):
            return numbered  # "ITEM 1: ATTENDANCE CC Hale DCC Bell - Chair ACO Jo Tapp"
        bare = _BARE_LABEL.match(heading) if numbered is None else None
        if bare is not None and _people_in(heading[bare.end() :]) >= 2:
            # "2. Apologies Jo Hale, Chief Constable, Ann Bell, Adviser": the item's heading
            # runs on into its people with no colon.
            return label_status(bare.group()), heading[bare.end() :]
        sublist = _SUBLISTS_HEADING.match(heading)
        if sublist is not None and numbered is None:
            # "1. ATTENDANCE 1.1 Present Sir Jo Hale ... 1.2 In Attendance ...": numbered
            # sub-lists run on after the item's heading; their labels are read in the run.
            return AttendanceStatus.PRESENT, heading[sublist.end() :]
        if _SENTENCE_LABEL_APOLOGIES.match(heading):
            return AttendanceStatus.APOLOGIES, ""
        if _SENTENCE_LABEL_ATTENDING.match(heading):
            return AttendanceStatus.IN_ATTENDANCE, ""
        if _ATTENDANCE_HEADING.match(heading):
            return AttendanceStatus.PRESENT, ""
        if _APOLOGIES_HEADING.match(heading):
            return AttendanceStatus.APOLOGIES, ""
    return found


_ATTENDING_LABEL = re.compile(r"^attending\b", re.IGNORECASE)


def _attending_status(
    collector: _Collector, content: str, status: AttendanceStatus
) -> AttendanceStatus:
    """The status an "Attending:" label gives: those present when it opens the attendance,
    those in attendance when members were already listed as present above it ("Present:
    ..." or "Attended: ...", "Apologies: ...", then "Attending: G Tennant (Chief Executive);
    ...", as Scottish minutes set their officers apart)."""
    if status is not AttendanceStatus.PRESENT or not _ATTENDING_LABEL.match(content):
        return status
    listed_present = any(
        listed and attendee.status is AttendanceStatus.PRESENT
        for attendee, listed in zip(collector.result.attendees, collector.listed, strict=False)
    )
    return AttendanceStatus.IN_ATTENDANCE if listed_present else status


def _capitals_label_run(heading: str, rest: str) -> bool:
    """Whether an item's heading is an attendance label in capitals run on into at least two
    people with no colon, as a flattened table leaves it ("ATTENDANCE CC Hale DCC Bell")."""
    label = heading[: len(heading) - len(rest)].strip()
    return bool(rest) and label.isupper() and _people_in(rest) >= 2


def _status_label_at(content: str) -> tuple[AttendanceStatus, str] | None:
    for pattern, status in _STATUS_LABELS:
        match = pattern.match(content)
        if not match:
            continue
        # "Present (in person):", "In attendance (virtually):": a note on how they attended.
        qualifier = _LABEL_QUALIFIER.match(content, match.end())
        after = qualifier.end() if qualifier else match.end()
        end = _LABEL_END.match(content, after)
        if qualifier is not None and (end is None or not end.group().strip()):
            continue
        if end is None:
            if match.group().lower().endswith(("from", "behalf of")):
                return status, content[match.end() :].strip()
            qualified = _QUALIFIED_LABEL_END.match(content, match.end())
            if qualified is not None:  # "Present from the Office of the PCC (OSPCC): ..."
                label = content[: qualified.end()]
                return label_status(label), content[qualified.end() :].strip()
            items = _FOR_ITEMS.match(content, match.end())
            if items is not None and name_shape_at(content, items.end()):
                return status, content[items.end() :].strip()  # "In attendance for item 5"
            if _TITLE_AFTER_LABEL.match(content, match.end()):
                return status, content[match.end() :].strip()  # "Observers   Mrs D Hywel"
            glued = _GLUED_LABEL_END.match(content, match.end())
            if glued is not None and match.group().isupper():
                return status, content[glued.end() :].strip()
            if match.group().isupper() and name_shape_at(content, match.end()):
                return status, content[match.end() :].strip()  # "APOLOGIESDr Ida Webb"
            continue
        return status, content[end.end() :].strip()
    return None


# A stop after a word or after an entry's bracket: "... Ivor Webb (Treasurer). If you have a
# query please contact ..." ends the list as "... Jo Hale, Treasurer. If you ..." does.
_RUN_SENTENCE_END = re.compile(r"(?:(?<=[a-z]{3})|(?<=\)))\.\s+(?=[A-Z])")


def _before_prose_sentence(run: str) -> str:
    """A run up to the first sentence after it that is prose: "Apologies were received from
    Cllr Jo Hale. In addition, Mrs Ann Bell had also given apologies." keeps "Cllr Jo Hale"
    (the sentence is read as a sentence)."""
    ends = list(_RUN_SENTENCE_END.finditer(run))
    for number, end in enumerate(ends):
        following = ends[number + 1].start() if number + 1 < len(ends) else len(run)
        if _SENTENCE_WORDS.search(_BRACKETS.sub(" ", run[end.end() : following])):
            return run[: end.start()]
    return run


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
        self.absence_key = bool(_ABSENCE_KEY.search(text))
        self.unnamed_apologies = bool(_UNNAMED_APOLOGIES.search(text, 0, _APOLOGIES_REACH))
        # a text that never speaks of apologies: a page may have lost the headings of its
        # "Present" and "Apologies" lists
        self.apologies_unspoken = not _APOLOGIES_WORD.search(text)
        # Whether each attendee was read from a list: two entries that differ, both of those
        # there or both absent, are two people ("R T Jones" and "Rhodri Jones" among sixty
        # councillors), where a name in a sentence is one listed before ("Cllr Jones"), and
        # one sending apologies is one listed as present ("A Ashworth", "Anne Ashworth").
        self.listed: list[bool] = []
        # The indices of the attendees read from a list without a label.
        self.unlabelled: set[int] = set()

    def add(
        self,
        person: Person,
        status: AttendanceStatus,
        span: Span,
        line: Line,
        *,
        listed: bool = True,
    ) -> None:
        present = status is not AttendanceStatus.APOLOGIES
        if person.is_chair and present and self.result.chair is None:
            self.result.chair = person
        if person.is_minute_taker and self.result.minute_taker is None:
            self.result.minute_taker = person
        if listed:
            self.result.end = max(self.result.end, line.end)
        match = self.names.first_match(person.name)
        if match is not None and not (
            listed
            and self.listed[match]
            and (self.result.attendees[match].status is _APOLOGIES) is (status is _APOLOGIES)
            and _distinct_entries(self.result.attendees[match].name, person.name)
        ):
            existing = self.result.attendees[match]
            existing.capacity = existing.capacity or person.capacity
            existing.abbreviation = existing.abbreviation or person.abbreviation
            if (
                not listed
                and status is _APOLOGIES
                and match in self.unlabelled
                and existing.status is not _APOLOGIES
                and _same_full_name(existing.name, person.name)
            ):
                # "Apologies were received from Jo Hale" under a list whose "Present" and
                # "Apologies" headings were lost, naming her: she sent apologies.
                existing.status = _APOLOGIES
            return
        self.names.add(person.name)
        self.listed.append(listed)
        self.result.attendees.append(
            AttendeeDraft(person.name, person.capacity, person.abbreviation, status, span)
        )

    def add_run(
        self,
        run: str,
        status: AttendanceStatus,
        line: Line,
        *,
        listed: bool = True,
        last: Line | None = None,
        group: str | None = None,
    ) -> tuple[int, AttendanceStatus]:
        """Adds the people of a run of text found on ``line`` (to ``last`` when wrapped);
        returns how many, and the status after the run's own labels."""
        added = 0
        end = (last or line).content_end
        cut = _RUN_END.search(run)
        run = run[: cut.start()] if cut else run
        field = _FIELD_AFTER_RUN.search(run)
        run = run[: field.start()] if field else run
        run = _before_prose_sentence(run)
        clause = _RUN_CLAUSE.search(run)
        run = run[: clause.start()] if clause else run
        prose = _PROSE_VERB.search(run, _LONG_RUN) if len(run) > _LONG_RUN else None
        run = run[: prose.start()] if prose else run
        for piece_status, piece in split_labels(run, status):
            status = piece_status
            piece, substitutes = take_substitutes(piece)
            entries = [(entry, status) for entry in split_run(piece)]
            entries += [
                (entry, AttendanceStatus.PRESENT) for sub in substitutes for entry in split_run(sub)
            ]
            marked: list[tuple[str, AttendanceStatus]] = []
            for entry, entry_status in entries:
                if _APOLOGIES_MARK.search(entry):  # "Councillor Roy Tapp (apologies)"
                    entry = _APOLOGIES_MARK.sub("", entry)
                    entry_status = AttendanceStatus.APOLOGIES
                if self.absence_key and _ABSENT_MARK.search(entry):
                    entry = _ABSENT_MARK.sub("", entry)
                    entry_status = AttendanceStatus.APOLOGIES
                marked.append((entry, entry_status))
            persons = _whole_surnames([split_person(entry) for entry, _ in marked])
            persons = _shared_organisations([entry for entry, _ in marked], persons)
            for (entry, entry_status), person in zip(marked, persons, strict=True):
                if person is None or is_prose(person.capacity):
                    continue
                if group and person.capacity is None:
                    capacity, abbreviation = parse_capacity(group)
                    person = Person(
                        person.name,
                        capacity,
                        person.abbreviation or abbreviation,
                        person.is_chair,
                        person.is_minute_taker,
                    )
                span = _span_of(self.text, (entry, person.name), line.content_start, end)
                self.add(person, entry_status, span, last or line, listed=listed)
                added += 1
        return added, status

    def add_row(
        self, cells: Sequence[str], columns: Sequence[str], status: AttendanceStatus, line: Line
    ) -> bool:
        name_cell, capacity_cells = _row_cells(cells, columns)
        person = split_person(name_cell)
        if person is None:
            return False
        # "Ann Bell | Rye Council | Apologies": a column that gives each row's attendance.
        marks = [_STATUS_CELL.match(cell.strip()) for cell in capacity_cells]
        for mark in marks:
            if mark is not None:
                status = _APOLOGIES if mark["apologies"] else status
        capacity_cells = [
            cell for cell, mark in zip(capacity_cells, marks, strict=True) if not mark
        ]
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


def _same_full_name(first: str, second: str) -> bool:
    """Whether two names are the same given name (or initials) and surname, written alike."""
    words = first.casefold().split()
    return len(words) >= 2 and words == second.casefold().split()


def _distinct_entries(first: str, second: str) -> bool:
    """Whether two listed entries that ``same_person`` would join name two people: both have
    a given name or initials, and the names differ ("R T Jones", "Rhodri Jones")."""
    a, b = strip_titles(first).lower().split(), strip_titles(second).lower().split()
    return len(a) > 1 and len(b) > 1 and a != b


_STATUS_CELL = re.compile(
    r"^(?:(?P<apologies>apologies(?:\s+received)?|sent\s+apologies|absent|not\s+present)|"
    r"present|attended|in\s+attendance)$",
    re.IGNORECASE,
)


def _whole_surnames(persons: list[Person | None]) -> list[Person | None]:
    """The people of a list, a surname of two words made whole: where no other entry of
    the list gives an office, a lone capitalised word after a name that starts with an
    initial is the surname's second word ("Mr R Singh Bassi, Ms C Thorne and Mr D Haxby"),
    not an office."""
    named = [p for p in persons if p is not None]
    if len(named) < 2:
        return persons
    whole: list[Person | None] = []
    for person in persons:
        word = person.capacity if person else None
        others = [p for p in named if p is not person]
        if (
            person is None
            or word is None
            or any(p.capacity for p in others)
            or not re.fullmatch(r"[A-Z][a-z'’-]+", word)
            or is_role_word(word)
            or not re.match(r"[A-Z]\.?\s", person.name)
            or len(person.name.split()) > 3
            or not looks_like_name(f"{person.name} {word}")
        ):
            whole.append(person)
            continue
        whole.append(
            Person(
                f"{person.name} {word}",
                None,
                person.abbreviation,
                person.is_chair,
                person.is_minute_taker,
            )
        )
    return whole


# An organisation in brackets after the last of several names: "Ann Bell, Roy Tapp, Ida Webb
# (Rye Borough Council)" names where all three work.
_ORGANISATION = re.compile(
    r"\b(?:Council|Office|Police|Constabulary|Authority|OPCC|Trust|NHS|Partnership|"
    r"Fire|Rescue|Service|Services|University|Commission)\b"
)
_NOT_ORGANISATION = re.compile(r"\b(?:chair|vice|member|sub(?:stitute)?|for|deputising)\b", re.I)


def _shared_organisations(entries: list[str], persons: list[Person | None]) -> list[Person | None]:
    """The people of a list with an organisation in brackets after a run of bare names given
    to each name of that run that has no capacity of its own."""
    shared: list[Person | None] = list(persons)
    pending: list[int] = []
    for number, (entry, person) in enumerate(zip(entries, persons, strict=True)):
        if person is None:
            pending = []
            continue
        if person.capacity is None:
            pending.append(number)
            continue
        bracket = re.search(r"\(([^()]+)\)\s*\.?\s*$", entry)
        organisation = bracket[1].strip() if bracket else ""
        if (
            pending
            and organisation == person.capacity
            and _ORGANISATION.search(organisation)
            and not _NOT_ORGANISATION.search(organisation)
        ):
            for earlier in pending:
                before = shared[earlier]
                if before is not None:
                    shared[earlier] = Person(
                        before.name,
                        organisation,
                        before.abbreviation,
                        before.is_chair,
                        before.is_minute_taker,
                    )
        pending = []
    return shared


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


_BULLET = re.compile(r"^[•·▪●○*–-]\s")
_REPRESENTING = re.compile(r"^(?:representing|on\s+behalf\s+of)\s+(?-i:[A-Z])", re.IGNORECASE)


def _people_in(content: str, *, bullet: bool = False) -> int:
    """How many people a line names as a list does (not in a sentence about them). A bulleted
    line is read to its first full stop: "• Councillor Ken Carter, Rye Council. Councillor
    Alan Webb was in attendance as his deputy." is an entry, then a sentence about another."""
    if _REPRESENTING.match(content):
        return 0  # "Representing Comhairle nan Eilean Siar": a group's heading
    if bullet or _BULLET.match(content):
        content = ATTENDANCE_LIST_END.split(content, maxsplit=1)[0]
    content = bracket_attendance_notes(content)
    if _SENTENCE_WORDS.search(_BRACKETS.sub(" ", content)):
        return 0
    count = 0
    for _, piece in split_labels(content, AttendanceStatus.PRESENT):
        piece, substitutes = take_substitutes(piece)
        for entry in [*split_run(piece), *(e for sub in substitutes for e in split_run(sub))]:
            person = split_person(entry)
            count += person is not None and not is_prose(person.capacity)
    return count


# A key to the initials the minutes use ("Key LB: Leonie Baptiste, GM: Gareth Moult",
# "JH = Jo Hale", "DP = Detained person"): it names the people already listed, or things.
_LEGEND_START = re.compile(
    r"^(?:key|glossary|abbreviations|acronyms|initials)\b(?!\s+(?:issues?|points?|"
    r"decisions?|messages?|risks?|findings?|actions?|lines?|dates?|performance)\b)"
    r"|^[A-Z][A-Za-z]{0,4}\s*=\s*\S",
    re.IGNORECASE,
)
_INITIALS_PAIR = re.compile(
    r"(?<![\w/])(?P<initials>[A-Z]{2,4})\s*[:=]\s*(?:[A-Z][a-z]*\.?\s+){0,2}"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})"
)


def is_legend(content: str) -> bool:
    """Whether a line is a key to initials rather than a list of people: it says so, or
    pairs at least two sets of initials with the names they stand for."""
    if _LEGEND_START.match(content.strip()):
        return True
    pairs = 0
    for match in _INITIALS_PAIR.finditer(content):
        words = match["name"].split()
        initials = match["initials"]
        pairs += initials[0] == words[0][0] and initials[-1] == words[-1][0]
    return pairs >= 2


def _continues(run: _Run, line: Line) -> bool:
    """Whether ``line`` carries on the list entry ``run`` ends with (a wrapped line)."""
    if not run.parts or len(line.cells) > 1:
        return False
    # A bracket left open by extraction ("Cllr Ann Bell (substitute for Cllr Roy Tapp, Cllr
    # Ida Webb.") does not carry the entry past the full stop that ends the line.
    return (
        (run.depth > 0 and not run.parts[-1].rstrip().endswith("."))
        or run.parts[-1].rstrip().endswith((",", " and", "&", "–", "-", "/"))
        or bool(re.match(r"^[a-z(]", line.content))
        or _wrapped_row(run.parts[-1], line.content)
        or _broken_name(run.parts[-1], line.content)
    )


# "..., Mr K" then "Blakemore (Director of IT), ...": a line that ends in a title and
# initials, the name's surname starting the next line.
_DANGLING_TITLE = re.compile(
    r"(?:^|[\s,;])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Sir|Dame|Prof|Professor)\.?"
    r"(?:\s+[A-Z]\.?){0,3}(?:\s+(?P<given>[A-Z][a-z]+))?$"
)
# "..., Sean" then "McKeown, Dr Jo Hale": a given name after a list's comma (or an entry's
# closing bracket: "Jo Hale (Clerk) Wendy" then "Scaife (Secretariat)"), its surname on
# the next line.
_DANGLING_GIVEN = re.compile(r"(?:[,;)]|\sand|\s&)\s+(?:and\s+)?(?P<given>[A-Z][a-z]+)$")
_SURNAME_START = re.compile(r"^[A-Z][\w'’-]+(?:\s+\(|,|\s+and\s|\s+[-–—]\s|\.?$)")
# "Jo Hale – Treasurer Ann" then "Bell – Clerk": a given name after the last word of a post.
_GIVEN_AFTER_POST = re.compile(r"(?P<word>[\w'’/]+)\s+(?P<given>[A-Z][a-z]+)$")


def _broken_name(previous: str, content: str) -> bool:
    """Whether a name is broken across the lines: ``previous`` ends in a title (perhaps with
    initials or a given name) or in a given name after a comma, ``content`` starts with the
    surname (then a bracket, a comma, "and" or its end)."""
    return _dangling_name(previous.rstrip()) and bool(_SURNAME_START.match(content))


def _dangling_name(text: str) -> bool:
    titled = _DANGLING_TITLE.search(text)
    if titled is not None:
        return titled["given"] is None or titled["given"] in GIVEN_NAMES
    given = _DANGLING_GIVEN.search(text) or _GIVEN_AFTER_POST.search(text)
    if given is None or given["given"] not in GIVEN_NAMES:
        return False
    return "word" not in given.groupdict() or is_role_word(given["word"])


def _wrapped_row(previous: str, content: str) -> bool:
    """ "Jo Hale (MT) |" then "Deputy Chief Officer |": a row of a table kept with its bars
    whose second cell the extraction put on a line of its own."""
    return (
        previous.count("|") == 1
        and previous.rstrip().endswith("|")
        and content.count("|") == 1
        and content.rstrip().endswith("|")
        and not _people_in(content)
    )


class _Run:
    """The text of a list entry and the lines that wrap it, kept as parts (joined once)."""

    def __init__(self, text: str = "") -> None:
        self.parts: list[str] = []
        self.depth = 0
        if text:
            self.add(text)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.depth += text.count("(") - text.count(")")

    @property
    def text(self) -> str:
        text = self.parts[0] if self.parts else ""
        for part in self.parts[1:]:
            # (a surname broken at its hyphen is joined whole: "Ben Cole-" then "Harding")
            text += "" if _broken_barrel(text, part) else " "
            text += part
        return text


_BARREL_END = re.compile(r"[a-z]-$")
_BARREL_REST = re.compile(r"[A-Z][a-z'’]+(?=\s*(?:$|[(,;]|[-–—]\s))")


def _broken_barrel(before: str, after: str) -> bool:
    """Whether a line ends in a surname's hyphen and the next opens with the rest of it, a
    bracket or a separator after it; not with a post or a place ("Jo Hale-" then "Treasurer"
    or "Kirklees MBC" is a dash glued to the name)."""
    rest = _BARREL_REST.match(after)
    return bool(_BARREL_END.search(before)) and rest is not None and not is_role_word(rest.group())


# "29 July 2020": a date on a line of its own (a cover sheet's "Date created"), which the
# numbering of an item does not start.
_DATE_LINE = re.compile(
    r"^\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)


def _is_stop(line: Line) -> bool:
    """A line that ends a list: an agenda item or a heading of the document."""
    if line.heading_level:
        return True
    return bool(_ITEM_HEADING.match(line.content)) and _status_label(line.content) is None


def _group_heading(lines: Sequence[Line], index: int) -> str | None:
    """A short heading inside a list that names the group the next people belong to."""
    content = lines[index].content
    if (
        len(content.split()) > 7
        or not _GROUP_HEADING.match(content)
        or re.search(r"\d", content)
        or len(lines[index].cells) > 1
    ):
        return None
    following = next_nonblank(lines, index)
    if following is None or _is_stop(following) or not _people_in(following.content):
        return None
    if _NOT_GROUP.match(content):
        return None  # "Minutes:" over the text of an item on a ModernGov page
    return content.rstrip(":").strip()


# "Community Co-opted Members: Nadia Farrell, Owen Bradshaw": a group's name and a colon
# before its people, inside a list.
# The colon may touch the first name: "OPCC:Edwin Carthew, Louise Pengelly".
_GROUP_LABEL = re.compile(
    r"^(?P<head>[A-Z][\w'’&,() -]{1,50}?)\s*:(?:\s+|(?=[A-Z][a-z]))(?P<rest>\S.*)$"
)


def _group_label(content: str) -> tuple[str, str] | None:
    """(group, people) for a line that names a group before its people."""
    match = _GROUP_LABEL.match(content)
    # The words of an abbreviation in brackets do not count: "Office of the Police and
    # Crime Commissioner (OPCC): Chief Executive Jo Hale (JH)".
    if match is None or len(_BRACKETS.sub("", match["head"]).split()) > 7:
        return None
    if re.search(r"\d", match["head"]):
        return None
    if split_person(match["head"]) is not None or not _people_in(match["rest"]):
        return None
    return match["head"].strip(), match["rest"]


# "Alasdair Kerr (Convener)-Annandale North", "Moira Gilchrist-Abbey": a list whose entries
# join each name to its ward with a hyphen and no spaces. A hyphen after a bracket, or before
# a ward of two words, shows the list is written so; then every entry's first hyphen parts
# the name from the ward (a double-barrelled surname alone cannot show it).
_GLUED_DASH = re.compile(r"(?<=[a-z)])-(?=[A-Z])")
_GLUED_DASH_SIGN = re.compile(
    r"^[A-Z][\w'’]+ [A-Z][\w'’]+(?: \([^()]+\)-| ?-[A-Z][a-z]+ (?:[A-Z][a-z]+|and)\b)"
)


def _glued_dashes(lines: Sequence[Line], start: int) -> bool:
    """Whether the list lines from ``start`` (up to its first blank line, a bounded look)
    join names to wards with bare hyphens."""
    strong = 0
    for line in lines[start : start + 40]:
        if line.blank:
            break
        strong += bool(_GLUED_DASH_SIGN.match(line.content))
    return strong >= 2


def _parse_list(
    collector: _Collector,
    lines: Sequence[Line],
    start: int,
    status: AttendanceStatus,
    rest: str,
    *,
    unlabelled: bool = False,
) -> int:
    """Reads a list (see ``_read_list``), noting which attendees a list without a label
    gave."""
    before = len(collector.result.attendees)
    after = _read_list(collector, lines, start, status, rest, unlabelled=unlabelled)
    if unlabelled:
        collector.unlabelled.update(range(before, len(collector.result.attendees)))
    return after


def _read_list(
    collector: _Collector,
    lines: Sequence[Line],
    start: int,
    status: AttendanceStatus,
    rest: str,
    *,
    unlabelled: bool = False,
) -> int:
    """Reads a list from its label on ``lines[start]`` (from its first entry there when
    ``unlabelled``); returns the index after it.

    A list without labels whose blocks a wider gap parts, in a text that says apologies
    were noted without naming anyone there, gives its last block as the apologies: a web
    page that lost the headings of its "Present" and "Apologies" tables."""
    widest = 0  # the widest gap between entries of the list so far, in blank lines
    run, first, last = _Run(rest), lines[start], lines[start]
    group: str | None = None
    inline_group = False
    members_group = False
    found = 0
    glued = _glued_dashes(lines, start + 1)
    paired = _paired_lines(lines, start) or _paired_lines(lines, start + 1)
    form = _in_form(lines, start)

    def flush() -> None:
        nonlocal found, status
        if run.parts:
            added, status = collector.add_run(run.text, status, first, last=last, group=group)
            found += added

    # "PRESENT:" as a heading over sub-lists ("In the Chair:", "Officers:", "Minute taker:"):
    # the groups under it were present; only a label of its own kind ("Also in attendance:",
    # "Apologies:") changes the status.
    umbrella = status is AttendanceStatus.PRESENT and _heads_sub_lists(lines, start, rest)
    index = start + 1
    blanks = 0
    while index < len(lines):
        line = lines[index]
        if is_legend(line.content):
            break
        if _FOOTNOTE_LINE.match(line.content):
            index += 1  # "(3)": a note mark left on its own line by a two-column layout
            continue
        if _NOT_GROUP.match(line.content) and not found and not run.parts:
            index += 1  # "Apologies" / "Minutes:" / the people: a ModernGov item's label
            continue
        before_entries = not found and not run.parts
        if before_entries and form and index - start <= _FORM_VALUES and _form_value(lines, index):
            index += 1  # a form's other values between its "Attendees:" label and the names
            continue
        if (
            before_entries
            and not rest
            and index - start <= _AGENDA_NOTES
            and _AGENDA_NOTE.match(line.content.strip())
        ):
            index += 1  # "1 Apologies ..." / "The Secretary to report ..." / "1" / the names
            continue
        if before_entries and not line.blank:
            paired = paired or _paired_lines(lines, index)
        if line.blank or line.table_rule:
            blanks += 1
            if blanks > (_MAX_BLANKS if found or run.parts else _MAX_BLANKS_BEFORE_LIST):
                break
            index += 1
            continue
        if status is not AttendanceStatus.APOLOGIES and _reasoned_apology(line.content):
            break  # "Cllr Jo Hale - leave" after those present: the apologies, read apart
        if _is_stop(line):
            carried = _run_after_page_number(run, line.content)
            if carried is None:
                break
            run.add(carried)  # the page's number before the rest of a run a page broke
            last = line
            blanks = 0
            index += 1
            continue
        if (
            unlabelled
            and (collector.unnamed_apologies or collector.apologies_unspoken)
            and status is AttendanceStatus.PRESENT
            and blanks >= _APOLOGIES_GAP
            and blanks > widest
            and found + bool(run.parts) >= _MIN_BLOCK_ENTRIES
            and _status_label(line.content) is None
            and _group_label(line.content) is None
            and _people_in(line.content)
            # (read last: it searches the rest of the text, once a block's gap is seen)
            and (collector.unnamed_apologies or _may_be_absent(collector.text, line))
        ):
            flush()
            run, first, last = _Run(), line, line
            status = AttendanceStatus.APOLOGIES
        if found or run.parts:
            widest = max(widest, blanks) if status is AttendanceStatus.PRESENT else widest
        if (
            blanks == 0
            and paired
            and run.parts
            and (_capacity_line(lines, index) or _office_like_a_name(lines, index, run))
        ):
            run.add(f"– {line.content}")  # "CC Jo Hale" then "Avon and Somerset"
            last = line
            index += 1
            continue
        if blanks == 0 and _continues(run, line) and not _status_label(line.content):
            run.add(line.content)
            last = line
            index += 1
            continue
        labelled = _status_label(line.content)
        if labelled is not None:
            flush()
            glued = _glued_dashes(lines, index + 1)
            status, rest = labelled
            status = _attending_status(collector, line.content, status)
            if umbrella and _GROUP_UNDER_PRESENT.match(line.content):
                status = AttendanceStatus.PRESENT
            run = _Run(rest)
            first = last = line
            group = None
            members_group = bool(_MEMBERS_HEADING.match(line.content))
        elif (grouped := _group_label(line.content)) is not None:
            flush()
            group_name, rest = grouped
            group = None if _MEMBERS_HEADING.match(group_name) else group_name
            inline_group = True  # it names the people on its own line only
            if _OFFICERS_HEADING.search(group_name):
                status = AttendanceStatus.IN_ATTENDANCE
            elif re.search(r"\bmembers?\b", group_name, re.I):
                status = AttendanceStatus.PRESENT
                members_group = True
            elif members_group and status is AttendanceStatus.PRESENT:
                # "Members: Jo Hale; Ann Bell" then "RSM: Sam Lee": once the members are
                # named as a group, an organisation's group lists those attending.
                status = AttendanceStatus.IN_ATTENDANCE
            run, first, last = _Run(rest), line, line
        elif len(line.cells) >= 2 and split_person(line.cells[0]) is not None:
            flush()
            run = _Run()
            found += collector.add_row(line.cells, (), status, line)
        elif _people_in(line.content, bullet=line.bullet):
            officers = _councillors_only(run.text) and _officers_only(line.content)
            flush()
            if officers and status is AttendanceStatus.PRESENT:
                status = AttendanceStatus.IN_ATTENDANCE
            content = _GLUED_DASH.sub(" - ", line.content, count=1) if glued else line.content
            run, first, last = _Run(content), line, line
            group = None if inline_group else group
            inline_group = False
        elif _unnamed_office(lines, index):
            flush()  # "Chief Constable" alone among named officials: nobody to record
            run = _Run()
        elif (heading := _group_heading(lines, index)) is not None:
            flush()
            run = _Run()
            group = None if _MEMBERS_HEADING.match(heading) else heading
            if _OFFICERS_HEADING.search(heading):
                status = AttendanceStatus.IN_ATTENDANCE
            elif _MEMBERS_HEADING.match(heading):
                status = AttendanceStatus.PRESENT
        else:
            break
        blanks = 0
        index += 1
    flush()
    return index


def _unnamed_office(lines: Sequence[Line], index: int) -> bool:
    """Whether ``lines[index]`` names an office and nobody holding it ("Chief Constable",
    "Deputy Chief Constable" above "Chief Superintendent R Wilson"), with the list's people
    on the next lines: the office attended, its holder unnamed, and the list goes on."""
    for line in lines[index : index + _UNNAMED_OFFICE_REACH]:
        if line.blank:
            continue
        if role_for_name(line.content.strip().rstrip(".,;:")) is None:
            # (a plain name below is the office's holder: "Chief Executive" over "Ann Bell")
            return line is not lines[index] and _strong_person_line(line)
    return False


_PAGE_NUMBER = re.compile(r"^\d{1,3}\s+(?=[A-Z])")


def _run_after_page_number(run: _Run, content: str) -> str | None:
    """The rest of a line that a page's number opens when it carries on a run of people that
    filled the page before ("... CC Jo Hale Kent" then "1 DAC Ann Bell Metropolitan Police
    Service CC Roy Tapp Gwent"): a title and a name straight after the number, two people at
    least and no sentence. An agenda item's number opens a heading, not a run of people."""
    number = _PAGE_NUMBER.match(content)
    if number is None or not run.parts or len(run.text) < _LONG_RUN:
        return None
    rest = content[number.end() :]
    if not title_first(rest) or _people_in(rest) < 2:
        return None
    return rest


# Sub-labels that name a group of those present rather than a status of their own.
_GROUP_UNDER_PRESENT = re.compile(
    r"^(?:in\s+the\s+chair|chair(?:man|person)?|members?|officers?|officials|staff|"
    r"secretariat|(?:minute|note)[- ]?takers?|minutes)\b[^:]{0,30}:",
    re.IGNORECASE,
)


_PRESENT_HEADING = re.compile(r"^(?:those\s+)?present\s*:?[-–—]?\s*$", re.IGNORECASE)


def _heads_sub_lists(lines: Sequence[Line], start: int, rest: str) -> bool:
    """Whether a "PRESENT" label names nobody itself and its next line opens a sub-list
    ("In the Chair: ...", "Members: ...")."""
    if rest.strip(" :-–—") or not _PRESENT_HEADING.match(lines[start].content):
        return False  # ("Attendance Details" over "Members:" and "Officials:" heads two lists)
    following = next_nonblank(lines, start)
    return following is not None and bool(_GROUP_UNDER_PRESENT.match(following.content))


_COUNCILLOR = re.compile(r"^(?:County\s+)?(?:Cllr|Councillor|Mayor)\.?\s", re.IGNORECASE)


# A name with its own initials in brackets after it: "Jo Hale (JH)", "Ann Bell-Rye (ABR)".
_NAME_AND_INITIALS = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s*\((?P<initials>[A-Z]{2,4})\)"
)


def _initialled_entries(content: str) -> bool:
    """Whether a line is a run of people each written with their initials in brackets and
    perhaps a post ("Jo Hale (JH), Chief Executive; Ann Bell (AB), Treasurer; ..."): three
    such names at least, whose initials agree with them, and no sentence."""
    agreeing = 0
    for match in _NAME_AND_INITIALS.finditer(content):
        words = match["name"].replace("-", " ").split()
        initials = match["initials"]
        agreeing += initials[0] == words[0][0] and initials[-1] in {w[0] for w in words[1:]}
    return agreeing >= MIN_INITIALLED_ENTRIES and _people_in(content) >= MIN_INITIALLED_ENTRIES


def _councillors_only(run: str) -> bool:
    """Whether a run names members: each with a councillor's or mayor's title, or, in a
    longer run, three in four of them at least with such a title and the rest with an
    honorific ("Cllr Jo Hale, Mr Roy Tapp (independent member), ...")."""
    entries = split_run(run) if run else []
    councillors = sum(bool(_COUNCILLOR.match(entry)) for entry in entries)
    if len(entries) < 2 or councillors * 4 < len(entries) * 3:
        return False
    titled = sum(strip_titles(entry) != entry for entry in entries)
    return councillors == len(entries) or (len(entries) >= 6 and titled * 4 >= len(entries) * 3)


def _officers_only(content: str) -> bool:
    """Whether a line names people without a title, one at least with the body they work for
    ("Alison Garbutt, Neil Etherington (Stockton Borough Council)"): under a line of titled
    councillors, the officers who support them."""
    entries = split_run(content)
    persons = [split_person(entry) for entry in entries]
    return (
        bool(entries)
        and all(strip_titles(entry) == entry for entry in entries)
        and all(person is not None for person in persons)
        and any(person is not None and person.capacity for person in persons)
    )


# A line under a person's that names nobody and is short: "CC Jo Hale" then "Avon and
# Somerset", the person's force or office on the line below the name.
_MAX_CAPACITY_WORDS = 6


def _capacity_line(lines: Sequence[Line], index: int) -> bool:
    """Whether ``lines[index]`` is the office of the person on the line above it."""
    line = lines[index]
    above = lines[index - 1] if index > 0 else None
    return (
        not line.blank
        and above is not None
        and not above.blank
        and not above.content.rstrip().endswith((".", ",", ";"))
        and _people_in(above.content) == 1
        and len(line.content.split()) <= _MAX_CAPACITY_WORDS
        and ":" not in line.content
        and len(line.cells) <= 1
        and not _is_stop(line)
        and _status_label(line.content) is None
        and not _people_in(line.content)
        and not _OFFICERS_HEADING.search(line.content)
        and not _MEMBERS_HEADING.match(line.content)
    )


def _office_like_a_name(lines: Sequence[Line], index: int, run: _Run) -> bool:
    """Whether, in a list that sets each person's office on the line below the name, a line
    that reads like a name is the office of the person above ("Sandra Ellis" then "Liverpool
    Citysafe" then "Ian McGowan"): the person above has no office yet, the line has no title
    and opens with no listed given name, and a person's line follows it."""
    content = lines[index].content.strip()
    person = split_person(run.text)
    following = next_nonblank(lines, index)
    words = content.split()
    return (
        person is not None
        and person.capacity is None
        and len(words) <= _MAX_CAPACITY_WORDS // 2
        and not re.search(r"[,;:().]", content)
        and strip_titles(content) == content
        and words[0] not in GIVEN_NAMES
        and following is not None
        and following.index == index + 1
        and _plainly_named(following.content)
    )


def _paired_lines(lines: Sequence[Line], index: int) -> bool:
    """Whether a list is written a person to a line, each with their office on the line
    below (where it has one): a person's line, an office's, then a person's again, and
    among the next two lines another person's."""
    window = lines[index : index + 5]
    if len(window) < 4 or any(line.blank for line in window[:3]):
        return False
    return (
        _strong_person_line(window[0])
        and _capacity_line(lines, index + 1)
        and _strong_person_line(window[2])
        and any(_plainly_named(line.content) for line in window[3:])
    )


# A form sets its labels in one column and their values in the next, which extraction
# reads one after the other: "Date:" / "Time:" / "Venue:" / "Attendees:" / "12 May 2014" /
# "10:00am" / "Rye Town Hall" / "(CHAIR) Jo Hale" / ... The values before the names are
# passed over, at most this many.
_FORM_VALUES = 4
_TIME_OR_DATE = re.compile(
    r"^[\d:.\s]+(?:am|pm|hrs)?(?:\s*[-–]\s*[\d:.]+\s*(?:am|pm|hrs)?)?$", re.IGNORECASE
)


_EMPTY_LABEL = re.compile(r"^[A-Z][\w /()&'’-]{1,40}:$")


def _in_form(lines: Sequence[Line], start: int) -> bool:
    """Whether a list's label is the last of a form's labels set in a column, their values
    after them ("Date:" / "Time:" / "Attendees:" / "12 May 2014" / ...): another label with
    nothing after its colon stands just above it (a list of names under "Present:" alone
    has no values to pass over: "Kwabena Mensah" is its first person)."""
    above = [line for line in lines[max(0, start - 8) : start] if not line.blank][-4:]
    return any(_EMPTY_LABEL.match(line.content.strip()) for line in above)


def _form_value(lines: Sequence[Line], index: int) -> bool:
    """Whether ``lines[index]`` is a form's value (a date, a time or a place) before the
    names under the label above it: it names nobody plainly, and a line within the next
    two does."""
    content = lines[index].content
    if lines[index].blank or len(content.split()) > 6:
        return False
    if not _form_value_only(content) and (":" in content or _named(lines[index])):
        return False
    ahead = [line for line in lines[index + 1 : index + 4] if not line.blank][:2]
    return any(_named(line) for line in ahead) or (
        bool(ahead) and _form_value_only(ahead[0].content)
    )


def _named(line: Line) -> bool:
    return _strong_person_line(line) or _plainly_named(line.content)


def _form_value_only(content: str) -> bool:
    return bool(_DATE_LINE.match(content) or _TIME_OR_DATE.match(content))


def _marked_run(collector: _Collector, line: Line) -> bool:
    """Reads a run whose people are marked "P." (present) or "A." (absent) before each name;
    False when the line has no such marks."""
    marks = list(_MARK.finditer(line.content))
    if sum(mark.group("mark") == "P" for mark in marks) < 3:
        return False
    ends = [mark.start() for mark in marks[1:]] + [len(line.content)]
    status = AttendanceStatus.PRESENT
    for mark, end in zip(marks, ends, strict=True):
        status = AttendanceStatus.PRESENT if mark.group("mark") == "P" else _APOLOGIES
        _, status = collector.add_run(line.content[mark.end() : end], status, line)
    return True


_APOLOGIES = AttendanceStatus.APOLOGIES


def _strong_person_line(line: Line) -> bool:
    """A line that is plainly one person's attendance entry: a name with a title, a role, a
    bracketed abbreviation or a role after a separator ("Jane Doe (JD)", "CC Jane Doe")."""
    content = line.content
    if line.blank or ":" in content or len(content.split()) > 14 or len(line.cells) > 1:
        return False
    person = split_person(content)
    if person is None or is_prose(person.capacity):
        return False
    return bool(person.capacity or person.abbreviation) or person.name != content.strip(" -•")


# "Councillors Jo Hale in the Chair (Rye Council); Ann Bell (Vice Chair), ...": a list of
# members after the header, without a label, that starts with the plural title.
_PLURAL_TITLE_START = re.compile(r"^(?:Councillors|Cllrs\.?)\s+(?=[A-Z])")


def _group_lines(lines: Sequence[Line], index: int) -> bool:
    """Whether an unlabelled list starts here as groups, each on its own line, naming at
    least two people after the group's name and a colon:

        Police:Jo Hale, Ann Bell, Sam Lee
        OPCC:Ida Webb, Roy Tapp
    """
    following = next_nonblank(lines, index)
    return following is not None and all(
        (grouped := _group_label(line.content)) is not None
        and not _OFFICE_GROUP.match(grouped[0])
        and _people_in(grouped[1]) >= 2
        for line in (lines[index], following)
    )


# "Chairman: Councillor Jo Hale", "Aldermen: Ann Bell and Roy Tapp": groups by office, which
# an agenda's front sheet prints as the body's membership, not who attended.
_OFFICE_GROUP = re.compile(
    r"^(?:vice[- ]?)?chair(?:man|person|woman)?$|^(?:councillors?|cllrs?|aldermen|alderman|"
    r"members?|ex[- ]officio)\b",
    re.IGNORECASE,
)


def _unlabelled_run(lines: Sequence[Line], index: int) -> bool:
    """Whether a list of people starts here without a label: two strong entry lines, not
    under a heading about the body's membership."""
    if _PLURAL_TITLE_START.match(lines[index].content):
        return _people_in(lines[index].content) >= 2 and not any(
            _MEMBERSHIP.search(content) for content in _lines_before_block(lines, index)
        )
    if not _strong_person_line(lines[index]) or not _plainly_named(lines[index].content):
        return False
    if _paired_lines(lines, index):
        return True
    before = _lines_before_block(lines, index)
    if any(_MEMBERSHIP.search(c) for c in before) and not any(
        _ABSENCE_KEY.search(c) for c in before
    ):
        return False
    following = next_nonblank(lines, index)
    if following is None or not (
        # (or the rest of the list run onto one line: "Jo Hale - Rye Council Ann Bell - ...")
        _strong_person_line(following) or _people_in(following.content) >= _MIN_BLOCK_ENTRIES
    ):
        return False
    # A page banner repeated by extraction ("Jo Hale - Deputy Mayor for Policing" twice) names
    # one person twice: it is not a list.
    first, second = split_person(lines[index].content), split_person(following.content)
    return first is None or second is None or not same_person(first.name, second.name)


_NAME_START = re.compile(r"^(?:[A-Z]\.?\s|[A-Z]\.?[A-Z]\.?\s)")
_MIN_BLOCK_ENTRIES = 3
_BLOCK_REACH = 3  # a block of people far into the text is about them, not who attended
_MIN_BLOCK_REACH = 30  # (a short text's opening part is its first lines)


def _person_block(lines: Sequence[Line], index: int) -> bool:
    """Whether a block of people starts here wherever it stands in the opening part of the
    text (after an agenda's list of items, say): its lines run without a gap and each names
    one person, at least three of them plainly (a title, initials, a given name or an office
    after the name), not under a heading about the body's membership."""
    if index > max(len(lines) // _BLOCK_REACH, _MIN_BLOCK_REACH) or lines[index].blank:
        return False
    previous = lines[index - 1] if index else None
    if previous is not None and not previous.blank and _people_in(previous.content):
        return False  # not the block's first line
    block = []
    for line in lines[index:]:
        if line.blank or _is_stop(line) or _status_label(line.content) is not None:
            break
        block.append(line)
    plain = [line for line in block if _strong_person_line(line) and _plainly_named(line.content)]
    if len(plain) < _MIN_BLOCK_ENTRIES or len(plain) * 3 < len(block) * 2:
        return False
    if not all(_people_in(line.content, bullet=line.bullet) for line in block):
        return False
    return not any(_MEMBERSHIP.search(content) for content in _lines_before_block(lines, index))


def _plainly_named(content: str) -> bool:
    """Whether an entry plainly names a person, not words that only look like a name
    ("Emerging Risks County Lines (Drug Supply)"): a title, initials, a given name or an
    office after it."""
    entry = content.lstrip(" -•*·").strip()
    if strip_titles(entry) != entry:
        return True
    person = split_person(entry)
    if person is None:
        return False
    if _NAME_START.match(person.name) or person.name.split()[0] in GIVEN_NAMES:
        return True
    # or an office after the name: "Ada Lowe – Police and Crime Commissioner"
    office = (person.capacity or "").split()
    return bool(office) and is_role_word(office[-1])


_COUNCIL_LINE = re.compile(
    r"(?:[A-Z][\w'’-]*\s+){1,5}(?:(?:City|County|Borough|District|Metropolitan|Parish|Town)\s+)*"
    r"Council"
)


def _lines_before_block(lines: Sequence[Line], index: int) -> list[str]:
    """The two lines before the block of person lines that ``lines[index]`` is in: a list
    under "Members are asked to note who will sit on the Committee:" is a membership from
    its first line to its last, not only at its first. The look back is bounded."""
    before: list[str] = []
    position = index - 1
    while position >= max(0, index - 40) and len(before) < 2:
        line = lines[position]
        # (a council's name above each member, as a table of nominees sets them, is the
        # block's own line)
        if not line.blank and (
            before or not (_strong_person_line(line) or _COUNCIL_LINE.fullmatch(line.content))
        ):
            before.append(line.content)
        position -= 1
    return before


def parse_attendance(text: str, lines: Sequence[Line]) -> Attendance:
    """Attendees from tables and lists (``lines`` from ``split_lines(text)``), then
    attendance stated in sentences anywhere.
    """
    collector = _Collector(text)
    tables = {t.header: t for t in find_tables(lines) if t.kind == "attendance"}
    first_item = next(
        (line.index for line in lines if _is_stop(line) and not _DATE_LINE.match(line.content)),
        len(lines),
    )
    index = 0
    while index < len(lines):
        line = lines[index]
        table = tables.get(index)
        if table is not None:
            _parse_table(collector, lines, table)
            index = table.last + 1
            continue
        if index <= first_item and (reasoned := _reasoned_apology(line.content)) is not None:
            collector.add_run(reasoned, AttendanceStatus.APOLOGIES, line)
            index += 1
            continue
        if (
            not line.blank
            and not collector.result.attendees
            and (after := _unheaded_blocks(collector, lines, index))
        ):
            index = after
            continue
        labelled = _status_label(line.content) if not line.blank else None
        if labelled is not None and (
            _invitees_of_membership(lines, index) or _agenda_invitees(lines, index)
        ):
            collector.result.invitees = True
            index = _parse_list(_Collector(text), lines, index, labelled[0], labelled[1])
            continue  # the invitees' list is read past, into nothing
        if labelled is not None and not _looks_like_prose_label(line.content):
            status, rest = labelled
            status = _attending_status(collector, line.content, status)
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
        if _BLOCKS_HEADING.match(line.content) and (
            after := _status_blocks(collector, lines, index)
        ):
            index = after
            continue
        if not collector.result.attendees and _run_on_attendance(collector, line):
            index += 1
            continue
        if index <= first_item and not collector.result.attendees and _marked_run(collector, line):
            index += 1
            continue
        label = _INLINE_LABEL.search(line.content) if index <= first_item else None
        if label is not None and not collector.result.attendees:
            rest = line.content[label.end() :]
            index = max(
                _parse_list(collector, lines, index, AttendanceStatus.PRESENT, rest), index + 1
            )
            continue
        flat = _flat_label(line.content) if index <= first_item else None
        if flat is not None and not collector.result.attendees:
            status, rest = flat
            index = max(_parse_list(collector, lines, index, status, rest), index + 1)
            continue
        if (
            not collector.result.attendees
            and 0 < index <= first_item
            and _REPRESENTING_HEADING.match(line.content.strip())
            and _group_heading(lines, index) is not None
        ):
            # the list opens with its first group's heading, read from the line before as
            # the groups after it are; under a label, such a heading is a group's and keeps
            # the label's status
            index = max(
                _parse_list(collector, lines, index - 1, AttendanceStatus.PRESENT, ""), index + 1
            )
            continue
        if 0 < index < first_item and not collector.result.attendees and _group_lines(lines, index):
            # the list is read from the line before, so that its first line is a group's
            index = _parse_list(collector, lines, index - 1, AttendanceStatus.PRESENT, "")
            continue
        if (
            not collector.result.attendees
            and index <= max(first_item, len(lines) // _BLOCK_REACH, _MIN_BLOCK_REACH)
            and (split_initials_run(line.content) or _initialled_entries(line.content))
        ):
            # "Chair Jo Hale (JH) Ann Bell (AB) Roy Tapp (RT)": people with their initials,
            # one after another with no label, are those present.
            index = _parse_list(
                collector, lines, index, AttendanceStatus.PRESENT, line.content, unlabelled=True
            )
            continue
        # A front sheet's offices set with dot leaders ("Chairman……… Mr Jo Hale") start a list
        # wherever the numbering of the page's banner puts the first item.
        before_items = index < first_item or has_dot_leader(line.content)
        if not collector.result.attendees and (
            (before_items and _unlabelled_run(lines, index)) or _person_block(lines, index)
        ):
            index = _parse_list(
                collector, lines, index, AttendanceStatus.PRESENT, line.content, unlabelled=True
            )
            continue
        if _unlabelled_apologies(collector, lines, index):
            index = _parse_list(
                collector, lines, index, AttendanceStatus.APOLOGIES, line.content, unlabelled=True
            )
            continue
        index += 1
    for found in parse_sentences(lines):
        collector.add(
            found.person,
            found.status,
            _span_of(text, (found.text, found.person.name), found.line.start, found.line.end),
            found.line,
            listed=False,
        )
    for holder in office_holders(text):
        line = next((line for line in reversed(lines) if line.start <= holder.start), lines[0])
        span = _span_of(text, (holder.person.name,), 0, len(text))
        collector.add(holder.person, AttendanceStatus.IN_ATTENDANCE, span, line, listed=False)
    result = collector.result
    if result.chair is None:
        apologies = NameIndex()
        for attendee in result.attendees:
            if attendee.status is AttendanceStatus.APOLOGIES:
                apologies.add(attendee.name)
        named = sentence_chair(
            (line for line in lines if not line.blank),
            absent=lambda name: apologies.first_match(name) is not None,
        )
        if named is not None:
            result.chair = named.person
            result.chair_in_sentences = True
            result.chair_only_elected = not named.chaired
    return result


# A page run onto one line, its attendance an item among the others: "MINUTES 21 May 2014 1.
# Attendance West Area Committee Jo Hale Chairman Roy Tapp 2. Opening of Meeting The ...".
_RUN_ON_LINE = 400
_RUN_ON_HEADING = re.compile(
    r"(?:^|(?<=\s))(?P<number>\d{1,2})\.?\s+(?:attendance|present|sederunt|those\s+present)\s+"
    r"(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)


def _run_on_attendance(collector: _Collector, line: Line) -> bool:
    """Reads the people an attendance item run into a long line lists, to the next item's
    number; whether there were any."""
    if len(line.content) < _RUN_ON_LINE:
        return False
    heading = _RUN_ON_HEADING.search(line.content)
    if heading is None:
        return False
    following = re.compile(rf"(?<=\s){int(heading['number']) + 1}\.?\s+(?=[A-Z])")
    end = following.search(line.content, heading.end())
    if end is None:
        return False
    run = line.content[heading.end() : end.start()]
    added, _ = collector.add_run(run, AttendanceStatus.PRESENT, line)
    return added > 0


# Who takes the minutes, or speaks under their initials later ("TM presented ..."), was there.
_MINUTE_TAKING = re.compile(r"\b(?:minutes?|minute[- ]taker|note[- ]taker|secretary|clerk)\b", re.I)
_OWN_INITIALS = re.compile(r"\(([A-Z][A-Za-z]{1,3})\)")


def _may_be_absent(text: str, line: Line) -> bool:
    """Whether the person a block's first line names may be among the absent: not the
    minute taker, not one the text speaks of later by their initials."""
    if _MINUTE_TAKING.search(line.content):
        return False
    initials = _OWN_INITIALS.search(line.content)
    return initials is None or re.compile(rf"\b{initials[1]}\b").search(text, line.end) is None


_APOLOGIES_BLOCK_REACH = 8  # lines after the attendance lists


def _unlabelled_apologies(collector: _Collector, lines: Sequence[Line], index: int) -> bool:
    """Whether a block of people without a label, set apart from the attendance lists just
    above it by a wider gap, is the apologies: the text says apologies were given without
    naming anyone, and no apologies are listed (a page that lost the block's heading)."""
    result = collector.result
    if (
        not result.attendees
        or not collector.unnamed_apologies
        or lines[index].blank
        or index < 2
        or not (lines[index - 1].blank and lines[index - 2].blank)
        or any(a.status is AttendanceStatus.APOLOGIES for a in result.attendees)
    ):
        return False
    after_lists = next((line.index for line in lines if line.start >= result.end), len(lines))
    if not 0 <= index - after_lists <= _APOLOGIES_BLOCK_REACH:
        return False
    content = lines[index].content
    return bool(split_initials_run(content) or _initialled_entries(content)) or _person_block(
        lines, index
    )


# "Councillor Jo Hale - leave", "Cllr Ann Bell – work commitments": a member and the reason
# they sent apologies, on a line of their own, as a council page prints its apologies item
# (whose heading a capture may lose).
_ABSENCE_REASON = re.compile(
    r"\s+[-–—]\s+(?:(?:annual\s+|on\s+|parental\s+|maternity\s+|paternity\s+)?leave|holiday|"
    r"personal(?:\s+reasons)?|unwell|illness|ill\s+health|sickness|work(?:\s+commitments?)?|"
    r"(?:other\s+)?(?:council\s+)?(?:business|commitments?)|family\s+(?:reasons|commitments?)|"
    r"medical\s+appointment|bereavement|caring\s+responsibilities)\.?\s*$",
    re.IGNORECASE,
)


def _reasoned_apology(content: str) -> str | None:
    """The person of a line that is one titled name and an absence's reason after a dash
    ("Councillor Jo Hale - leave"), else None."""
    reason = _ABSENCE_REASON.search(content)
    if reason is None:
        return None
    entry = content[: reason.start()].strip(" •*·-")
    person = split_person(entry)
    if person is None or person.capacity or not _BLOCK_TITLE.match(entry):
        return None
    return entry


# A council-data page's attendance: under "Meeting Attendees", one block per person (their
# role on the body, the name, the council or party), each closed by the person's status.
_BLOCKS_HEADING = re.compile(r"^(?:meeting\s+)?(?:attendees|attendance)$", re.IGNORECASE)
_BLOCK_STATUS = re.compile(
    r"^(?:(?P<present>present(?:,?\s+(?:not\s+)?as\s+expected)?|attended)|"
    r"(?P<attending>in\s+attendance)|"
    r"(?P<apologies>apologies(?:\s+received|,?\s+sent\s+(?:a\s+)?(?:representative|substitute|"
    r"deputy))?|absent|did\s+not\s+attend|not\s+present)|"
    # (a deputy not called: the block names no attendee)
    r"(?P<none>not\s+required|not\s+expected))$",
    re.IGNORECASE,
)
_BLOCK_CHAIR = re.compile(r"^chair(?:man|person|woman)?$", re.IGNORECASE)
_MAX_BLOCK_LINES = 8


def _status_blocks(collector: _Collector, lines: Sequence[Line], start: int) -> int:
    """Reads blocks that each end in a status line ("Present, as expected", "Apologies",
    "Absent") from the heading at ``start``; returns the index after the last block, or 0
    when fewer than two blocks follow. A block cut off before its status is left out."""
    return _read_blocks(collector, lines, start + 1, _MAX_BLOCK_LINES, headed=True)


# Lines of a person's block where no heading stands above the blocks, at most.
_UNHEADED_BLOCK_LINES = 4


def _unheaded_blocks(collector: _Collector, lines: Sequence[Line], start: int) -> int:
    """Reads blocks with no heading above them, from the line at ``start``: one person's
    name, council or role, then the status ("Jo Hale" / "Rye Council" / "Apologies").
    Two or more blocks must follow one another, each of at most ``_UNHEADED_BLOCK_LINES``
    lines naming one person; returns the index after the last block, or 0."""
    if _BLOCK_STATUS.match(lines[start].content) or _BLOCKS_HEADING.match(lines[start].content):
        return 0
    return _read_blocks(collector, lines, start, _UNHEADED_BLOCK_LINES, headed=False)


def _read_blocks(
    collector: _Collector, lines: Sequence[Line], first: int, most_lines: int, *, headed: bool
) -> int:
    """Blocks closed by a status line, from the line at ``first``, added to ``collector``
    when two or more follow one another; the index after the last, or 0. Without a heading
    (``headed`` False) a heading ends the run (blocks under it are read from it) and each
    block must name one person."""
    blocks: list[tuple[list[Line], re.Match[str]]] = []
    block: list[Line] = []
    index = after = first
    while index < len(lines) and len(block) <= most_lines:
        line = lines[index]
        index += 1
        if line.blank:
            continue
        if _is_stop(line) or (not headed and _BLOCKS_HEADING.match(line.content)):
            break
        status = _BLOCK_STATUS.match(line.content)
        if status is None:
            block.append(line)
            continue
        if not headed and len(_block_people(block)) != 1 and (blocks or not _block_people(block)):
            break
        blocks.append((block, status))
        block = []
        after = index
    if len(blocks) < 2:
        return 0
    for block, status in blocks:
        _add_block(collector, block, status)
    return after


def _block_people(block: list[Line]) -> list[tuple[int, Person]]:
    """The lines of a block that are a person's name: titled ("Councillor Jo Hale"), or a
    name alone, perhaps with its honours ("Malcolm Ashdown MBE")."""
    named = [
        (n, p)
        for n, line in enumerate(block)
        if _TITLED_OR_FULL.match(line.content) and (p := split_person(line.content)) is not None
    ]
    titled = [(n, p) for n, p in named if _BLOCK_TITLE.match(block[n].content)]
    if titled:
        return titled
    return [(n, p) for n, p in named if looks_like_name(p.name) and _honours_after(block[n], p)]


def _add_block(collector: _Collector, block: list[Line], status: re.Match[str]) -> None:
    if status["none"]:
        return
    named = [
        (n, p)
        for n, line in enumerate(block)
        if _TITLED_OR_FULL.match(line.content) and (p := split_person(line.content)) is not None
    ]
    titled = [(n, p) for n, p in named if _BLOCK_TITLE.match(block[n].content)]
    # (a name alone, perhaps with its honours: "Malcolm Ashdown MBE")
    bare = [(n, p) for n, p in named if looks_like_name(p.name) and _honours_after(block[n], p)]
    if not titled and not bare:
        return
    number, person = titled[-1] if titled else bare[0]
    following = block[number + 1].content if number + 1 < len(block) else None
    capacity = person.capacity or (following and parse_capacity(following)[0])
    chair = any(_BLOCK_CHAIR.match(line.content) for line in block[:number])
    found = (
        AttendanceStatus.APOLOGIES
        if status["apologies"]
        else (AttendanceStatus.IN_ATTENDANCE if status["attending"] else AttendanceStatus.PRESENT)
    )
    line = block[number]
    collector.add(
        Person(person.name, capacity, person.abbreviation, chair or person.is_chair),
        found,
        Span(line.content_start, line.content_end),
        line,
    )


def _honours_after(line: Line, person: Person) -> bool:
    """Whether a line is the person's name and nothing but letters of honours after it."""
    content = line.content.strip()
    return content.startswith(person.name) and bool(
        re.fullmatch(r"(?:\s+[A-Z]{2,4})*", content[len(person.name) :])
    )


# A line that is only a name, with or without a title ("Councillor Jo Hale", "Jo Hale").
_BLOCK_TITLE = re.compile(r"^(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|Prof)\.?\s+")
_TITLED_OR_FULL = re.compile(
    rf"^(?:{_BLOCK_TITLE.pattern[1:]})?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{1,3}}$"
)


_BY_INVITATION = re.compile(r"^by\s+invitation\b", re.IGNORECASE)
# (the label may be inside a line that extraction ran together: "... Page 1: MEMBERSHIP: ...")
_MEMBERSHIP_LINE = re.compile(r"(?:^|\s)membership\s*:", re.IGNORECASE)


def _invitees_of_membership(lines: Sequence[Line], index: int) -> bool:
    """Whether a "By Invitation" label follows an agenda's membership list within a few lines:

        MEMBERSHIP: Councillor Jo Hale, Rye Council Councillor Ann Bell, ...
        By Invitation
        Mr S. Lee - Police and Crime Commissioner

    those invited to a meeting yet to be held, not those who attended (the look back is
    bounded)."""
    if not _BY_INVITATION.match(lines[index].content):
        return False
    seen = 0
    for line in reversed(lines[max(0, index - 12) : index]):
        if line.blank:
            continue
        if _MEMBERSHIP_LINE.search(line.content):
            return True
        seen += 1
        if seen >= 3:
            break
    return False


_INVITEES_LABEL = re.compile(r"^(?:attendees|invitees|invited|expected\s+attendance)\s*:?$", re.I)
_AGENDA_HEADING = re.compile(r"^(?:#+\s*)?agenda\s*:?$", re.IGNORECASE)


def _agenda_invitees(lines: Sequence[Line], index: int) -> bool:
    """Whether an "Attendees:" label stands just under an "AGENDA" heading: an agenda's
    front sheet names those expected, not those who attended (the look back is bounded)."""
    if not _INVITEES_LABEL.match(lines[index].content):
        return False
    before = [line for line in lines[max(0, index - 6) : index] if not line.blank][-2:]
    return any(_AGENDA_HEADING.match(line.content) for line in before)


def _looks_like_prose_label(content: str) -> bool:
    """ "Present were the PCC and ..." or "Members of the public ..." are sentences, not labels."""
    if _SUBLISTS_HEADING.match(_ITEM_NUMBER.sub("", content)):
        return False  # a heading with its numbered lists run on after it
    words = content.split()
    if len(words) <= 40 or ":" in content[:40]:
        return False
    # "Attendees AC Jo Hale NPCC Chair CC Ann Bell Avon and Somerset ...": a page of people
    # run onto the label's line has capitals and the links of places and posts, no sentence.
    return any(word[:1].islower() and word not in _RUN_LINKS for word in words)


# The small words of posts and places inside a run of people ("Avon and Somerset", "Police
# Service for Northern Ireland").
_RUN_LINKS = frozenset(("and", "of", "for", "the", "to", "in", "on", "at", "&", "de", "van"))


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
    """Adds the chair and the minute taker as attendees when the lists left them out (not a
    chair the sentences say only the meeting elected, whom no list names, nor the chair of
    a meeting whose text lists only those invited). A chair the sentences say chaired
    ("Cllr Jo Hale took the Chair", "The Chairman, Mr Hale, thanked ...") was there."""
    if attendance.invitees and not attendance.attendees:
        return
    for officer in officers:
        if officer is None or (attendance.chair_only_elected and officer is attendance.chair):
            continue
        if any(same_person(a.name, officer.name) for a in attendance.attendees):
            continue
        attendance.attendees.append(
            AttendeeDraft(officer.name, officer.capacity, officer.abbreviation)
        )
