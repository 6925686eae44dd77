"""The chair named in sentences: who took the chair, who the meeting elected to it, who the
text names beside the office.

"Cllr Dunmore took the Chair", "In the absence of Cllr Lee, Cllr Dunmore chaired the
meeting", "RESOLVED - That Mr A Tunney be appointed Chairman of the Panel", "The Chairman,
Cllr Jo Hale, thanked members". Lists mark their chair themselves ("Jo Hale (Chair)"); these
are read only when no list does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ingest.parse.lines import Line
from ingest.parse.people import Person, is_role_word, looks_like_name, strip_titles
from ingest.parse.sentence_people import only_people, people_before, people_in
from ingest.parse.text import ATTENDANCE_SENTENCE_END

_NUMBERING = re.compile(r"^\s*(?:[•·*-]|\(?[a-z\d]{1,3}[.)])?\s*")
# "That Mr R Gatenby be elected Chair of the Panel", "Cllr A Dacre was elected Chairman",
# "Resolved that: Cllr Jo Hale to be the Chair of the Panel for the following year".
# "Mr Jo Hale was chosen as Chairman of the Panel", "Councillor Jo Hale be appointed as the
# Panel Chair" (the body's words before "Chair", not "Vice" or "Deputy").
_ELECTED_CHAIR = re.compile(
    r"\s+(?:(?:was|be|is|were)\s+(?:(?:therefore|duly|unanimously|accordingly|then)\s+)?"
    r"(?:re-?)?(?:elected|appointed|chosen|selected)\s+(?:(?:unanimously|duly|accordingly)\s+)?"
    r"(?:as\s+)?|to\s+be\s+)(?:the\s+)?"
    r"(?:(?!Vice\b|Deputy\b|Co-)(?:[A-Z][\w&'’]*|and|of|&)\s+){0,6}"
    r"(?:Chair|Chairman|Chairperson|Chairwoman|Convener)\b(?!\s*-)"
)
# "Cllr Jo Hale was nominated and seconded and there being no other nominations he was duly
# elected Chairman": the one nominated, then elected under a pronoun.
_NOMINATED_THEN_ELECTED = re.compile(
    r"\s+(?:was|were)\s+(?:duly\s+)?(?:nominated|proposed)\b(?=[^.;]{0,160}\b(?:he|she|they)\s+"
    r"(?:was|were)\s+(?:(?:therefore|duly|unanimously|accordingly|then)\s+)?elected\s+(?:as\s+)?"
    r"(?:the\s+)?(?:Chair|Chairman|Chairperson|Chairwoman|Convener)\b(?!\s*-))"
)
# "The Panel agreed the appointment of Councillor Jo Hale as Police and Crime Panel Chairman
# for the year": the one named between "of" and "as".
_APPOINTMENT_AS_CHAIR = re.compile(
    r"\b(?:appointment|election|re-?election)\s+of\s+(?P<who>[A-Z][^,;()]{2,60}?)\s+as\s+"
    r"(?:the\s+)?(?:(?!Vice\b|Deputy\b|Co-)(?:[A-Z][\w&'’]*|and|of|&)\s+){0,6}"
    r"(?:Chair|Chairman|Chairperson|Chairwoman|Convener)\b(?!\s*-)"
)
# "As Cllr Lockley had sent apologies, Cllr Dunmore took the Chair.", "Councillor R Ilsley
# (Panel Vice-Chair) was in the Chair.", "Jo Hale assumed the Chair.", "It was agreed that
# Cllr Jo Hale would chair the meeting": whoever first took the chair chaired this meeting,
# whoever was elected.
_TOOK_CHAIR = re.compile(
    r"(?:\s*\([^()]{1,40}\))?\s+(?:(?:thereupon\s+|then\s+)?(?:took|assumed)|was\s+in)\s+"
    r"the\s+chair\b|\s+would\s+chair\s+the\s+meeting\b"
    r"|(?:\s*\([^()]{1,40}\))?\s+(?:chaired|presided\s+over)\s+the\s+(?:remainder|rest)\s+of\s+"
    r"the\s+meeting\b",  # ("In the absence of Mr Roy Tapp, Cllr Jo Hale chaired the remainder")
    re.IGNORECASE,
)


# "... took the Chair for Items 1 to 4", "... for the election of the Chair", "... for this
# item": the chair taken for part of the meeting only.
_FOR_SOME_ITEMS = re.compile(
    r"\s+(?:for|during)\s+(?:the\s+)?(?:items?|minutes?|agenda\s+items?|this\s+item|"
    r"the\s+(?:election|appointment)\b)",
    re.IGNORECASE,
)


# "In her absence the meeting was chaired by the Panel's Deputy Chair, Councillor Jo Hale",
# "The meeting was chaired by Cllr Jo Hale (Vice-Chair)": the one named after "by".
_CHAIRED_BY = re.compile(
    r"\b(?:was|were|is|being)\s+(?:then\s+|therefore\s+)?(?:chaired|presided\s+over)\s+by\s+",
    re.IGNORECASE,
)


def _chaired_by(sentence: str) -> Person | None:
    """The one person a sentence says chaired the meeting ("... was chaired by ..."): the
    words after "by" when they name one person only, else the one part of them between
    commas that does ("by the Deputy Chair, Cllr Jo Hale, as ...")."""
    match = _CHAIRED_BY.search(sentence)
    if match is None:
        return None
    rest = sentence[match.end() :].strip().rstrip(".")
    for candidate in (rest, *(part.strip() for part in rest.split(","))):
        people = people_in(candidate)
        if len(people) == 1 and only_people(candidate, people):
            entry, person = people[0]
            if looks_like_name(strip_titles(person.name), single_token=True):
                return _chair_named(entry, person)
    return None


# "That Mrs Jo Hale be appointed Chairman for the meeting": the chair of this meeting, whoever
# the motions before it sought to elect for the year.
_FOR_THIS_MEETING = re.compile(
    r"\bfor\s+(?:this|the)\s+meeting\b|\bfor\s+the\s+(?:duration|remainder)\s+of\s+the\s+meeting",
    re.IGNORECASE,
)
_CHAIR_SENTENCE_WORDS = re.compile(
    r"ppointed|lected|chosen|the\s+chair|would\s+chair|chaired|presided|appointment|election|"
    r"welcomed|opened",
    re.I,
)
# "Jo Hale (in the Chair from item 3 - not for item 15)", "Ann Bell (in the Chair for item
# 14)": a list's mark of one who chaired from some point on (the meeting's chair) or for some
# items only (one standing in).
_IN_THE_CHAIR_FROM = re.compile(
    r"\(\s*(?:was\s+)?in\s+the\s+chair\s+(?P<part>from|after|for|during|until|between)\b[^()]*\)",
    re.IGNORECASE,
)
# "Jo Hale welcomed everyone to the meeting", "Cllr Jo Hale opened the meeting", "Jo Hale,
# Partnership chair opened the December meeting": the one who opens the meeting chairs it,
# the last resort when nothing else names the chair.
_MEETING_NAMED = r"(?:(?-i:[A-Z])[a-z]+\s+)?meeting\b"
_OPENED = re.compile(
    r",?\s+(?:(?:opened\s+the\s+meeting\s+and\s+)?welcomed\s+(?:everyone|everybody|all|"
    r"those\s+present|all\s+present|all\s+those\s+present|attendees|colleagues|members)\b|"
    rf"opened\s+the\s+{_MEETING_NAMED})"
)
# "The Chairman, Cllr Jo Hale, thanked members ...": the chair named beside the office, the
# last resort when no sentence says who took the chair or was elected to it.
_CHAIR_APPOSITION = re.compile(
    r"\b[Tt]he\s+Chair(?:man|person|woman)?,\s+(?P<who>[A-Z][^,;()]{2,60}?),\s+(?-i:[a-z])"
)
# "Cllr Jo Moulton Hale chaired ...": in a sentence, a titled name's third word before the
# verb is its own, not the start of a capacity.
_TITLED = re.compile(r"^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Professor|Prof)\.?\s", re.I)


def _chair_named(entry: str, person: Person) -> Person:
    """The person who took the chair, with the whole of a titled name of three words."""
    capacity = person.capacity or ""
    whole = f"{person.name} {capacity}"
    if (
        _TITLED.match(entry)
        and capacity
        and " " not in capacity
        and not is_role_word(capacity)
        and looks_like_name(whole)
    ):
        return Person(whole)
    return person


@dataclass(frozen=True)
class SentenceChair:
    """The chair the minutes' sentences name, and whether they say this person chaired the
    meeting (took the chair, opened it, spoke as its chair) rather than only that the
    meeting elected them: one who chaired attended, one elected may not have."""

    person: Person
    chaired: bool


def sentence_chair(
    lines: Iterable[Line], absent: Callable[[str], bool] = lambda _: False
) -> SentenceChair | None:
    """The person who took the chair ("Cllr Dunmore took the Chair", "In the absence of Cllr
    Lee, Cllr Dunmore chaired the meeting"), else the one the meeting elected or appointed
    its chair ("RESOLVED – That Mr A Tunney be appointed Chairman of the Panel") unless
    ``absent`` (they sent apologies), else the one named beside the office ("The Chairman,
    Cllr Jo Hale, thanked ..."), else the one who opened the meeting ("Jo Hale welcomed
    everyone"), if it says so. A list's "(in the Chair from item 3)" is the one who took
    the chair; "(in the Chair for item 14)", one standing in for some items."""
    elected: Person | None = None
    named: Person | None = None
    interim: Person | None = None
    opener: Person | None = None
    election_lines = 0  # lines still to read under an item "Appointment of Chair"
    for line in lines:
        content = line.content
        election_lines = ELECTION_LINES if _CHAIR_ELECTION_ITEM.match(content) else election_lines
        election_lines = max(0, election_lines - 1)
        if not _CHAIR_SENTENCE_WORDS.search(content):
            continue
        if election_lines and elected is None:
            elected = _elected_under_item(content, absent)
        for marked in _IN_THE_CHAIR_FROM.finditer(content):
            people = people_in(_NUMBERING.sub("", content[: marked.start()]))
            if not people:
                continue
            if marked["part"].lower() in ("from", "after"):
                return SentenceChair(people[-1][1], chaired=True)
            interim = interim or people[-1][1]
        for sentence in ATTENDANCE_SENTENCE_END.split(content):
            opened = _OPENED.search(sentence) if opener is None else None
            if opened is not None:
                opener = _opener(people_before(sentence, opened.start(), narrowest=True))
            if named is None and (apposed := _CHAIR_APPOSITION.search(sentence)) is not None:
                people = people_in(apposed["who"])
                named = (
                    people[0][1]
                    if len(people) == 1 and only_people(apposed["who"], people)
                    else None
                )
            chaired_by = _chaired_by(sentence)
            if chaired_by is not None and not _FOR_SOME_ITEMS.search(sentence):
                return SentenceChair(chaired_by, chaired=True)
            took = _TOOK_CHAIR.search(sentence)
            people = people_before(sentence, took.start(), narrowest=True) if took else []
            part_only = took is not None and _FOR_SOME_ITEMS.match(sentence, took.end())
            if len(people) == 1 and part_only:
                # "Mr Jo Hale took the Chair for Items One to Four": until the meeting's
                # chair, elected in those items, takes it
                interim = interim or _chair_named(*people[0])
            elif len(people) == 1:
                return SentenceChair(_chair_named(*people[0]), chaired=True)
            for_meeting = _FOR_THIS_MEETING.search(sentence)
            match = _ELECTED_CHAIR.search(sentence) if elected is None or for_meeting else None
            people = people_before(sentence, match.start()) if match else []
            nominated = _NOMINATED_THEN_ELECTED.search(sentence) if match and not people else None
            people = people_before(sentence, nominated.start()) if nominated else people
            appointed = _APPOINTMENT_AS_CHAIR.search(sentence) if not people else None
            if appointed is not None and elected is None:
                people = people_in(appointed["who"])
                people = people if only_people(appointed["who"], people) else []
            if len(people) == 1 and not absent(people[0][1].name):
                if for_meeting:
                    return SentenceChair(people[0][1], chaired=True)
                elected = people[0][1]
    if elected is not None:
        return SentenceChair(elected, chaired=False)
    found = interim or named or opener
    return None if found is None else SentenceChair(found, chaired=True)


ELECTION_LINES = 6
"""Non-blank lines of an item "Appointment of Chair" read for who was elected."""
# The item that elects the chair: "1.Appointment of Chair", "2. Election of Chairman".
_CHAIR_ELECTION_ITEM = re.compile(
    r"^\s*(?:\d{1,3}[.)]?\s*)?(?:appointment|election|re-?election)\s+of\s+(?:the\s+)?"
    r"(?:chair|chairman|chairperson|chairwoman|convener)\s*$",
    re.IGNORECASE,
)
# Under it, who was elected, the office unsaid: "AGREED: Jo Hale was duly elected for a
# period ending with the Annual General Meeting".
_ELECTED_BARE = re.compile(
    r"\s+(?:was|were|is|be)\s+(?:(?:duly|unanimously|accordingly)\s+)?(?:re-?)?elected\b"
    r"(?!\s+(?:as\s+)?(?:the\s+)?(?:vice|deputy))",
    re.IGNORECASE,
)


def _elected_under_item(content: str, absent: Callable[[str], bool]) -> Person | None:
    """The one person a line under an item electing the chair says was elected."""
    # a decision's label glued to the name: "AGREED:Jo Hale was duly elected"
    content = re.sub(r"^((?-i:[A-Z]{3,})):(?=[A-Z])", r"\1: ", content.strip())
    for sentence in ATTENDANCE_SENTENCE_END.split(content):
        match = _ELECTED_BARE.search(sentence)
        people = people_before(sentence, match.start()) if match else []
        if len(people) == 1 and not absent(people[0][1].name):
            return people[0][1]
    return None


def _opener(people: list[tuple[str, Person]]) -> Person | None:
    """The one person named in full (not by initials or a first name alone) who opened the
    meeting."""
    if len(people) != 1:
        return None
    person = people[0][1]
    return person if looks_like_name(strip_titles(person.name)) else None


def meeting_chair(
    labelled: Person | None,
    listed: Person | None,
    marked: Person | None,
    *,
    from_sentences: bool,
    agenda: bool,
) -> Person | None:
    """The meeting's chair: the one a header label names, else the one the attendance marks
    or its sentences name (``from_sentences``), else the one the opening marks beside a name.

    An agenda calls a meeting not yet held: the chair it names is its body's ("Membership:
    Cllr Jo Hale (Chair)"), while a chair found in its sentences was elected or took the
    chair at an earlier meeting whose minutes the agenda pack encloses."""
    if agenda and from_sentences:
        listed = None
    return labelled or listed or marked
