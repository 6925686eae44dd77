"""Reading the people a sentence names: the whole of a list of names, or the names just before
a verb ("In addition, Mrs A Bell and Colonel R Tapp had also given apologies"), and the
status one named in passing has.

The attendance sentences and the chair's sentences share these: both look for the people a
clause is about and must not take a sentence's other words for a name.
"""

from __future__ import annotations

import re

from ingest.parse.name_runs import split_run
from ingest.parse.people import Person, is_prose, split_person
from records.enums import AttendanceStatus

PRESENT = AttendanceStatus.PRESENT
IN_ATTENDANCE = AttendanceStatus.IN_ATTENDANCE

_NUMBERING = re.compile(r"^(?:\(?[a-z\d]{1,3}(?:\.\d{1,2})*[.)]?\s+)+")
# Where a clause before a verb starts: the names are after the last of these.
_CLAUSE_START = re.compile(
    r"(?:,\s*and\s+|;\s*(?:and\s+)?|(?:^|[\s,])that\s+|:-?\s+|,\s+while\s+|[-–]\s+that\s+|"
    r"\s[-–—]\s+|"  # ("09:55 – T/ACC Jo Hale entered the meeting")
    r"\bnoted\s+(?:that\s+)?(?=[A-Z])|"  # ("That it be noted Councillor Jo Hale was ...")
    r"\b(?:named|nominated)\s+(?=[A-Z]))",  # ("... had named Cllr Jo Hale as replacement")
    re.IGNORECASE,
)
_LEADING_THAT = re.compile(r"^that\s+", re.IGNORECASE)
# Where a titled name starts: "Following a vote Cllr Jo Hale was elected", "At 11am Mr Jo Hale
# and Mr Roy Tapp returned to the room" (the words before it are no clause of their own).
_TITLE_START = re.compile(
    r"(?<![\w/'’-])(?:(?:County\s+)?Councillors?|Cllrs?|Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|"
    r"Sir|Dame|Lord|Lady|Baroness|Revd?|Reverend|Alderman)\.?\s+(?=[A-Z])"
)
MEMBER = re.compile(r"\b(?:Councillors?|Cllrs?|AM|MLA|MSP|MP|Member)\b")

_LINKS = frozenset(("and", "of", "for", "the", "to", "in", "on", "at", "de", "van", "von"))

Stated = tuple[str, Person, AttendanceStatus]
"""The words naming a person in a sentence, the person, and the attendance it states."""


def people_in(text: str) -> list[tuple[str, Person]]:
    """The people a run of text names, each with the words naming them."""
    found: list[tuple[str, Person]] = []
    for entry in split_run(text):
        person = split_person(entry)
        if person is not None and not is_prose(person.capacity):
            found.append((entry, person))
    return found


def people_before(sentence: str, end: int, *, narrowest: bool = False) -> list[tuple[str, Person]]:
    """The people named before ``end``: the whole start of the sentence when it is a list of
    people, else the words after the last clause boundary, "and" or comma before ``end``, or
    from the first title after words that name no one, when nothing but names follows it
    (the widest such tail, or with ``narrowest`` the shortest)."""
    head = _NUMBERING.sub("", sentence[:end]).strip().rstrip(",").rstrip()
    people = people_in(head)
    if people and only_people(head, people):
        return people
    starts = [m.end() for m in _CLAUSE_START.finditer(head)]
    ands = [m.end() for m in re.finditer(r"\s+and\s+", head)]
    commas = [m.end() for m in re.finditer(r",\s+", head)]
    # (a title after words naming no one: "At 11am Mr Jo Hale and Mr Roy Tapp returned", not
    # "Cllr Jo Hale attended as a substitute for Cllr Roy Tapp and Cllr Ann Bell ...")
    titled = [m.start() for m in _TITLE_START.finditer(head) if not people_in(head[: m.start()])][
        :1
    ]
    # The widest tail that is only people: "In addition, Mrs A Bell and Colonel R Tapp had
    # also given apologies" is both of them, not only the last; a tail from a title on has
    # nothing but names.
    tails = {start: False for start in titled} | {
        start: True for start in starts[-1:] + ands[-1:] + commas[-2:]
    }
    for start in sorted(tails, reverse=narrowest):
        tail = _LEADING_THAT.sub("", head[start:]) if tails[start] else head[start:]
        people = people_in(tail)
        if people and (only_people if tails[start] else _names_only)(tail, people):
            return people
    return []


def _names_only(text: str, people: list[tuple[str, Person]]) -> bool:
    """Whether ``text`` names ``people`` and says nothing else: no word in lower case but the
    links of names and posts ("and", "of", "the" ...)."""
    return bool(people) and all(
        not word[:1].islower() or word in _LINKS for word in re.findall(r"[\w'’-]+", text)
    )


def only_people(text: str, people: list[tuple[str, Person]]) -> bool:
    """Whether ``text`` is a list of the people found in it and nothing else: no word in
    lower case outside their entries but "and"."""
    words = len(text.split())
    named = sum(len(entry.split()) for entry, _ in people)
    return words - named <= len(people)  # separators such as "and"


def status_of(who: str, verb: str = "") -> AttendanceStatus:
    """A member (a councillor, an Assembly member) is present; anyone else, an observer,
    and councillors said to be "in attendance" (not members of the body: "Councillors Ash
    and Bly were in attendance"), attend."""
    if "observer" in verb or "in attendance" in verb:
        return IN_ATTENDANCE
    return PRESENT if MEMBER.search(who) else IN_ATTENDANCE
