"""Attendance stated in sentences rather than listed.

"Apologies were received from Councillors Tapp and Veale", "Mr K Dewhurst had sent
apologies", "Councillor Okoro attended as a substitute for Councillor Sandhu", "Priya Mehta
AM was present as his substitute", "ACC James Andronov joined the meeting", "The Chair
welcomed Mr Nigel Carew, Police and Crime Commissioner, to the meeting". Each sentence is
read once; the names before or after its verb are read as a list (``split_run``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ingest.parse.lines import Line
from ingest.parse.movements import movements
from ingest.parse.name_runs import take_substitutes
from ingest.parse.people import (
    Person,
    split_person,
)
from ingest.parse.sentence_people import (
    MEMBER,
    only_people,
    people_before,
    people_in,
    status_of,
)
from ingest.parse.speakers import speakers
from ingest.parse.text import ATTENDANCE_SENTENCE_END
from ingest.parse.welcomes import welcomed_offices, welcomes
from records.enums import AttendanceStatus

# Clauses read per sentence: each reads the sentence up to its verb again, so a sentence of
# thousands of clauses is read a bounded number of times.
_MAX_CLAUSES = 8
PRESENT = AttendanceStatus.PRESENT
IN_ATTENDANCE = AttendanceStatus.IN_ATTENDANCE
APOLOGIES = AttendanceStatus.APOLOGIES


@dataclass(frozen=True)
class SentenceAttendee:
    person: Person
    status: AttendanceStatus
    text: str
    """The words naming the person, to find in the line."""
    line: Line


_APOLOGIES = re.compile(
    r"(?<![a-z])apolog(?:y|ies)\b(?:\s+(?:for|of|absence|their|his|her|the|meeting|had|have|has|been|"
    r"were|was|received|given|tendered|submitted|presented|sent|noted|accepted|recorded|made|"
    r"reported|before|also|further|an|are|is|non-attendance|came|come|and|intimated))*?"
    r"\s+(?:from|by|for|on\s+behalf\s+of|of)\b[\s:;,]*"
    r"(?:(?:the\s+following|these)(?:\s+(?:members|councillors|people|persons|officers))?\s*:?\s*)?"
    r"(?:(?:substitute|co-opted|independent)\s+members?\s+|substitutes\s+)?"
    r"(?:the\s+(?=(?:Rt\.?\s+Hon|Right\s+Hon|Revd|Reverend)\b))?"  # ("from the Rt Hon Jo Hale")
    r"(?-i:(?=[A-Z]))(?!absence\b)",
    re.IGNORECASE,
)
_SENT_APOLOGIES = re.compile(
    r"\s+(?:had\s+|has\s+|have\s+)?(?:also\s+)?(?:sent|given|gave|offered|tendered|submitted)\s+"
    r"(?:his\s+|her\s+|their\s+|an\s+)?apolog",
    re.IGNORECASE,
)
_SUBSTITUTE_VERB = re.compile(
    r"(?:\s+|(?<=[a-z]))(?:attended\s+as\s+(?:a\s+|the\s+|his\s+|her\s+|their\s+)?substitute|"
    r"(?:was|were)\s+in\s+attendance\s+as\s+(?:a\s+|the\s+)?substitute|"
    r"(?:was|were)\s+present\s+as\s+(?:a\s+|the\s+|his\s+|her\s+|their\s+)?substitute|"
    r"(?:confirmed\s+(?:that\s+)?(?:he|she|they)\s+)?(?:was|were)\s+attending\s+"
    r"(?:(?:his|her|their)\s+first\s+meeting\s+)?as\s+"
    r"(?:a\s+|the\s+)?substitute|"
    r"attended\s+in\s+(?:his|her|their)\s+place|attended\s+in\s+place\s+of|"
    r"substituted\s+for|deputised\s+for|replaced\s+(?:County\s+)?(?:Councillors?|Cllrs?|Mr|Mrs|Ms|Miss|Dr)\b|"
    # "Councillor Scarrow was substituting for", "Cllr Mrs Ferrand would be substituting for"
    r"(?:was|were|is|are|would\s+be)\s+substituting\s+for|"
    r"(?:was|is)\s+replacing\s+(?=(?-i:[A-Z]))|"  # "Jo Hale was replacing Roy Tapp (Rye)"
    r"as\s+(?:a\s+|the\s+)?(?:replacement|substitute)\s+members?\b)",  # "named Cllr Jo Hale as ..."
)
# "Councillor Jo Hale and Councillor Ann Bell were unable to attend because of ...": the
# people before it sent apologies (not when it speaks of another meeting).
_UNABLE_TO_ATTEND = re.compile(
    r"\s+(?:was|were)\s+unable\s+to\s+attend\b(?!\s+the\s+(?:next|previous|last)\b)"
)
# "Mr Jo Hale, Police and Crime Commissioner, had advised the Panel that he would be unable to
# attend": the people before the verb of telling sent apologies.
_ADVISED_UNABLE = re.compile(
    r",?\s+(?:had|has|have)\s+(?:advised|informed|notified|told|indicated)\b"
    r"(?=.*?\b(?:he|she|they)\s+(?:would\s+be|was|were|is|are)\s+unable\s+to\s+attend\b)"
)
# "Councillor Stanhope was substituted by Councillor Okafor": the people after "by" came.
# (Not "Mr Jo Hale had been replaced by Mr Roy Tapp": a change in the body's membership,
# reported, says nothing of who came to this meeting.)
_SUBSTITUTED_BY = re.compile(
    r"\s(?:(?:was|were)\s+(?:substituted|replaced|deputised)|(?:had|has)\s+been\s+"
    r"(?:substituted|deputised))\s+(?:for\s+)?by\s+(?=[A-Z])"
)
# "... a question from Councillor Roy Tapp's substitute, Councillor Jo Hale, ...": the one
# named after it came.
_POSSESSIVE_SUBSTITUTE = re.compile(r"(?<=[a-z])['’]s\s+substitute,?\s+(?=[A-Z])")
_PRESENCE_VERB = re.compile(
    r"\s+(?:joined\s+the\s+meeting|attended\s+the\s+meeting|arrived\s+(?:late|at\s+\d)|"
    r"(?:entered|rejoined)\s+the\s+meeting|"
    r"(?:would\s+)?attend(?:ed)?\s+as\s+an?\s+observer|"
    r"(?:was|were)\s+(?:also\s+)?(?:present|in\s+attendance)(?!\s+(?:at|for)\s+the\s+"
    r"(?:last|previous|next)))\b",
)
# "Also in attendance were Jo Hale (PCC) and Roy Tapp (CFO)", "Present were Councillors Ann
# Bell and Ed Lowe": the presence stated first, the names after it to the sentence's end.
_PRESENT_WERE = re.compile(
    r"(?:^|(?<=[.;:]\s))\s*(?:\d{1,3}(?:\.\d{1,2})*\.?\s+)?(?:also\s+)?"
    r"(?:present|in\s+attendance|attending)\s+"
    r"(?:at\s+the\s+meeting\s+|for\s+(?:this|the)\s+item\s+)?(?:was|were)\s+(?:also\s+)?"
    r"(?:(?:the\s+)?following:?\s+)?(?=[A-Z])",
    re.IGNORECASE,
)
# "Mr Jo Hale, Police and Crime Commissioner, introduced the annual report together with Ms
# Ann Bell, Deputy Commissioner": one named with a role who presents a report to the meeting
# attends it (so do those named with their roles after "together with").
_PRESENTED = re.compile(r",\s+(?:introduced|presented)\s+(?:the|a|an|his|her|their)\s")
_TOGETHER_WITH = re.compile(r"\btogether\s+with[;:,]?\s+(?=[A-Z])")
# "The Chair introduced Jo Hale, the Police and Crime Commissioner, to present his update":
# one named with a post whom the chair brings in to speak attends.
_INTRODUCED = re.compile(
    r"\b(?:introduced|invited|welcomed)\s+(?P<who>[A-Z][^,;()]{2,60},\s+[^,;]{3,100}?),?\s+"
    r"(?:to\s+(?:present|introduce|give|speak|update|address|provide)|who\s+(?:presented|"
    r"introduced|gave))\b"
)
# "He was supported by Ann Bell, Deputy Commissioner, and Roy Tapp, Chief Executive": those
# named with their posts who support one presenting attend.
_SUPPORTED_BY = re.compile(
    r"\b(?:was|were)\s+(?:supported|accompanied|assisted)\s+(?:at\s+the\s+meeting\s+|in\s+"
    r"this\s+)?by\s+(?=[A-Z])"
)
# Where the names after "apologies were received from" stop: the verb that follows them.
# (Not at the stop of an initial or a title: "Councillor R. J. Laight", "Cllr. Jo Hale".)
_NAMES_END = re.compile(
    r"\s+(?:be|were|was|had|has|have|who|which|would|will|are|is)\s+[a-z]|"
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bCllr)(?<!\bProf)\.\s|"
    r"\s+(?:attended|substituted|joined|confirmed)\b|"
    # ("... from Mrs Jo Hale, in her absence the meeting was chaired by ...")
    r",?\s+in\s+(?:his|her|their|the)\s+absence\b"
)
_MORE_FROM = re.compile(
    r"\s+(?:were|was)\s+(?:received|given|sent|presented|submitted|tendered)\s+(?:from|by)\s+"
)
# A member attending in another's place: "... as the deputy for Rye Council", "... from
# Item 7, as a substitute".
_STANDING_IN = re.compile(
    r"[^.]{0,40}?\bas\s+(?:a\s+|an\s+|the\s+|his\s+|her\s+|their\s+)?"
    r"(?:deputy|substitute|representative|named\s+substitute)\b",
    re.IGNORECASE,
)


def _apologies(sentence: str) -> Iterator[tuple[str, AttendanceStatus]]:
    for match in itertools.islice(_APOLOGIES.finditer(sentence), _MAX_CLAUSES):
        names = sentence[match.end() :]
        names, substitutes = take_substitutes(names)
        end = _NAMES_END.search(names)
        more = _MORE_FROM.match(names, end.start()) if end else None
        if more is not None:  # "presented for A and B, and were received from C"
            rest = names[more.end() :]
            rest_end = _NAMES_END.search(rest)
            yield rest[: rest_end.start()] if rest_end else rest, APOLOGIES
        names = names[: end.start()] if end else names
        yield names, APOLOGIES
        for substitute in substitutes:
            yield substitute, PRESENT


# "Apologies had been sent by Cllr Jo Hale for the September meeting but had not been
# recorded": a correction about another meeting, not this one's attendance.
_OTHER_MEETING = re.compile(
    r"\bfor\s+the\s+(?:previous|last|next|earlier|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\s+meeting\b|"
    r"\bhad\s+not\s+been\s+recorded\b|"
    # ("subject to amending the attendance to show Cllr Jo Hale was present at the 11th
    # November 2014 meeting"): a correction to an earlier meeting's minutes
    r"\b(?:at|for)\s+the\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+(?:\d{4}\s+)?meeting\b|"
    r"\bamend(?:ing|ed)?\s+the\s+(?:attendance|apologies)\b"
)


# "Ms Jo Hale (Chief Executive, OPCC) and Supt Roy Tapp (Rye Police)": where one named with
# a bracketed post ends and the next begins (a comma inside the brackets parts nothing).
_AFTER_BRACKET = re.compile(r"(?<=\))\s*(?:[,;]\s*(?:and\s+|&\s+)?|and\s+|&\s+)(?=[A-Z])")


def _after_brackets(names: str) -> list[str]:
    """The parts of a list of names cut after each closed bracket that a separator follows,
    outside any other brackets: each part a person or a list of its own."""
    parts: list[str] = []
    depth, start = 0, 0
    for position, char in enumerate(names):
        depth += (char == "(") - (char == ")")
        if char == ")" and depth == 0:
            cut = _AFTER_BRACKET.match(names, position + 1)
            if cut is not None:
                parts.append(names[start : position + 1])
                start = cut.end()
    return [*parts, names[start:]]


def _sentence_people(sentence: str) -> Iterator[tuple[str, Person, AttendanceStatus]]:
    if _OTHER_MEETING.search(sentence):
        return
    for names, status in _apologies(sentence):
        for part in _after_brackets(names):
            for entry, person in people_in(part):
                yield entry, person, status
    sent = _SENT_APOLOGIES.search(sentence)
    if sent is not None:
        for entry, person in people_before(sentence, sent.start()):
            yield entry, person, APOLOGIES
    unable = _UNABLE_TO_ATTEND.search(sentence) or _ADVISED_UNABLE.search(sentence)
    if unable is not None:
        for entry, person in people_before(sentence, unable.start()):
            yield entry, person, APOLOGIES
    for named in itertools.islice(_POSSESSIVE_SUBSTITUTE.finditer(sentence), _MAX_CLAUSES):
        names = re.split(r"[,;(]", sentence[named.end() :], maxsplit=1)[0]
        people = people_in(names)
        if len(people) == 1 and only_people(names, people):
            yield people[0][0], people[0][1], PRESENT
    for by in itertools.islice(_SUBSTITUTED_BY.finditer(sentence), _MAX_CLAUSES):
        names = sentence[by.end() :]
        end = _NAMES_END.search(names)
        names = re.split(r"\s+respectively\b", names[: end.start()] if end else names)[0]
        for entry, person in people_in(names):
            yield entry, person, PRESENT
    for verb in itertools.islice(_SUBSTITUTE_VERB.finditer(sentence), _MAX_CLAUSES):
        for entry, person in people_before(sentence, verb.start()):
            yield entry, person, PRESENT
    presence = _PRESENCE_VERB.search(sentence)
    if presence is not None:
        stated = presence.group()
        if _STANDING_IN.match(sentence, presence.end()):
            stated = ""  # "Cllr Jo Hale was in attendance as the deputy for Rye Council"
        for entry, person in people_before(sentence, presence.start()):
            yield entry, person, status_of(entry, stated)
        together = _TOGETHER_WITH.search(sentence, presence.end())
        if together is not None:
            for entry, person in people_in(sentence[together.end() :]):
                yield entry, person, IN_ATTENDANCE
    inverted = _PRESENT_WERE.search(sentence)
    if inverted is not None:  # "Also in attendance were Jo Hale (PCC) and Roy Tapp (CFO)."
        names = sentence[inverted.end() :].rstrip(" .")
        people = [p for part in _after_brackets(names) for p in people_in(part)]
        if people and only_people(names, people):
            for entry, person in people:
                yield entry, person, status_of(entry, inverted.group().lower())
    presented = _PRESENTED.search(sentence)
    if presented is not None:
        people = people_before(sentence, presented.start())
        # (a member presenting a working group's notes is one of the body, not a guest)
        if len(people) == 1 and people[0][1].capacity and not MEMBER.search(people[0][0]):
            yield people[0][0], people[0][1], IN_ATTENDANCE
            together = _TOGETHER_WITH.search(sentence, presented.end())
            if together is not None:
                for entry, person in people_in(sentence[together.end() :]):
                    if person.capacity:
                        yield entry, person, IN_ATTENDANCE
    yield from _introduced(sentence)
    yield from movements(sentence)
    yield from speakers(sentence)
    yield from welcomes(sentence)


def _introduced(sentence: str) -> Iterator[tuple[str, Person, AttendanceStatus]]:
    """Those the chair brings in to present, and those named with their posts who support
    them: each is named with a post, and nothing else is in the list."""
    introduced = _INTRODUCED.search(sentence)
    if introduced is not None:
        people = people_in(introduced["who"])
        if len(people) == 1 and people[0][1].capacity:
            yield people[0][0], people[0][1], IN_ATTENDANCE
    supported = _SUPPORTED_BY.search(sentence)
    if supported is not None:
        names = sentence[supported.end() :].rstrip(" .")
        people = people_in(names)
        if people and only_people(names, people) and all(p.capacity for _, p in people):
            for entry, person in people:
                yield entry, person, IN_ATTENDANCE


# "Inspector Jo Hale-Rudd explained that ...", "39.1 Supt Hale reported ...": a police
# officer named by rank who speaks to the meeting at the start of a sentence attends it.
_RANKED_SPEAKER = re.compile(
    r"(?:^|(?<=[.!?]\s)|^\d{1,3}(?:\.\d{1,2})*\.?\s+)"
    r"(?P<who>(?:(?:T/|A/|Acting\s+|Temporary\s+|Detective\s+)?(?:Chief\s+)?"
    r"(?:Inspector|Superintendent|Insp|Supt|Sergeant|Sgt)|Ch\.?\s*Supt|Det\.?\s*Supt|DCI|DI|"
    r"DS|PS|PC)\.?\s+(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
    r"\s+(?:explained|reported|presented|outlined|introduced|updated|informed|advised|"
    r"gave|confirmed|responded|answered|said|stated|highlighted|provided)\b"
)


def _ranked_speakers(line: Line) -> Iterator[SentenceAttendee]:
    for match in itertools.islice(_RANKED_SPEAKER.finditer(line.content), _MAX_CLAUSES):
        person = split_person(match["who"])
        if person is not None and person.capacity is not None:
            yield SentenceAttendee(person, IN_ATTENDANCE, match["who"], line)


# A sentence wrapped onto the next line: the line stops short of a sentence's end, and the
# next one goes on in lower case or with a bracket ("... welcomed Mr Jo Hale, Police and
# Crime Commissioner" / "(PCC), to the meeting ...").
_SENTENCE_STOP = re.compile(r"[.!?:;]['\"’”)]*$")
_GOES_ON = re.compile(r"^(?:[a-z(]|&\s)")
_MAX_WRAPPED = 2000


def _wrapped(lines: Iterable[Line]) -> Iterator[Line]:
    """The non-blank lines, each joined with the lines its sentence wraps onto."""
    held: Line | None = None
    for line in lines:
        if line.blank:
            if held is not None:
                yield held
            held = None
        elif (
            held is not None
            and not _SENTENCE_STOP.search(held.content)
            and _GOES_ON.match(line.content)
            and len(held.content) < _MAX_WRAPPED
        ):
            held = replace(
                held,
                end=line.end,
                content_end=line.content_end,
                content=f"{held.content} {line.content}",
                cells=(),
            )
        else:
            if held is not None:
                yield held
            held = line
    if held is not None:
        yield held


def parse_sentences(lines: Iterable[Line]) -> Iterator[SentenceAttendee]:
    """The people whose attendance or apologies the sentences of ``lines`` state (a sentence
    wrapped over lines read whole)."""
    for line in _wrapped(lines):
        yield from _ranked_speakers(line)
        if not _may_state_attendance(line.content):
            continue
        for entry, person, status in welcomed_offices(line.content):
            yield SentenceAttendee(person, status, entry, line)
        for sentence in ATTENDANCE_SENTENCE_END.split(line.content):
            for entry, person, status in _sentence_people(sentence):
                yield SentenceAttendee(person, status, entry, line)


_KEYWORDS = re.compile(
    r"apolog|substitut|replacement|attend|unable|introduced|presented|joined|arrived|present|welcomed|"
    r"greeted|replaced|replacing|deputised|entered|supported|accompanied|assisted|invited|left|"
    r"returned|withdrew|exited|arrive|leave|said|explained|answered|reported|responded|replied|"
    r"confirmed|outlined|informed|advised|updated|told|gave|highlighted|stated|assured|"
    r"acknowledged|added|clarified|summari|spoke|addressed|set out|took|welcome|thanked|"
    r"questions",
    re.IGNORECASE,
)


def _may_state_attendance(content: str) -> bool:
    return bool(_KEYWORDS.search(content))
