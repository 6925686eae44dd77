"""Officers present because the minutes name them, with their office, speaking to the meeting.

"The Commissioner, Mrs Jo Hale, introduced her draft plan", "The Deputy Chief Constable, Ann
Bell, said that ...", "Roy Tapp, Chief Finance Officer to the Commissioner, explained ...",
"Di Cole, Devon and Cornwall Police and Crime Commissioner introduced this item", "members put
questions to Ed Lowe, Chief Executive of the OPCC". Panels and
committees hear the Commissioner and the officers who support them without always listing
them: one named beside an office, in the sentence that has them speak, attends.

Members are left out, whether named alone ("Cllr Hale asked ...") or with an office
("Councillor Jo Hale, Chair of the Working Group, presented ..."): minutes name members in
passing who sat in another meeting or none, and a member present is in the body's own list.
The officers named attend.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ingest.parse.people import Person, parse_capacity
from ingest.parse.roles import OFFICE_WORD
from ingest.parse.sentence_people import (
    IN_ATTENDANCE,
    MEMBER,
    Stated,
    only_people,
    people_in,
)

_MAX_CLAUSES = 4
_SPOKE = (
    r"(?:introduced|presented|explained|answered|said|reported|responded|replied|confirmed|"
    r"outlined|informed|advised|updated|told|gave|highlighted|stated|assured|acknowledged|"
    r"added|clarified|summarised|summarized|spoke|addressed|thanked|set\s+out|took\s+(?:the\s+)?"
    r"(?:Panel|Committee|Board|members|Members)\s+through|provided|agreed|"
    r"undertook)\b"
)
# "Ann Bell, Chief Finance Officer, also provided a presentation": an adverb before the verb.
_ALSO = r"(?:(?:also|then|further|briefly|verbally)\s+)?"
# A sentence's start, after any paragraph number ("3.2 The Commissioner, ...").
_START = r"(?:^|(?<=[.;:]\s))\s*(?:\d{1,3}(?:\.\d{1,2})*\.?\s+)?"
_POST = r"[A-Z][\w'’&/-]*(?:,?\s+(?:[A-Z][\w'’&/-]*|of|for|to|and|the|&|Police|Crime)){0,9}"
# "The Commissioner, Mrs Jo Hale, introduced ...", "The Commissioner's Chief Executive, Mr
# Roy Tapp, said ..."
# (the office's holder's deputy or representative: "The Chief Constable's representative,
# Superintendent Jo Hale, responded ..."; "The Commissioner, Jo Hale attended to describe ...")
_THE_OFFICE_THEN_NAME = re.compile(
    rf"{_START}[Tt]he\s+(?P<post>{_POST}(?:['’]s\s+(?:{_POST}|[a-z]+))?)"
    rf",\s+(?P<who>[A-Z][^,;()]{{2,60}}?)(?:,\s+{_ALSO}{_SPOKE}|,?\s+attended\s+(?:the\s+meeting|to)\b)"
)
# "Roy Tapp, Chief Finance Officer to the Commissioner, explained ...", "Di Cole, Devon and
# Cornwall Police and Crime Commissioner introduced this item"
_NAME_THEN_OFFICE = re.compile(
    rf"{_START}(?P<who>[A-Z][^,;()]{{2,60}}?,\s+"
    rf"(?:the\s+)?(?P<post>{_POST}))(?:,\s+|\s+){_ALSO}{_SPOKE}"
)
# "Jo Hale, Partner, Rye LLP (Independent Legal Adviser) presented the report": an office in
# brackets after the post's organisation.
_NAME_THEN_POST_AND_OFFICE = re.compile(
    rf"{_START}(?P<who>[A-Z][^,;()]{{2,60}}?),\s+(?P<post>{_POST}\s+\([^()]{{2,60}}\))"
    rf"\s+{_ALSO}{_SPOKE}"
)
# "The Commissioner introduced the plan and was supported by his Chief Executive, Ms Jo
# Hale.": the office before the name of the one supporting the speaker.
_SUPPORTED_BY_OFFICE = re.compile(
    rf"\b(?:was|were)\s+(?:supported|accompanied|assisted)\s+by\s+(?:his|her|their|the)\s+"
    rf"(?P<post>{_POST}),\s+(?P<who>[A-Z][^,;()]{{2,60}}?)\s*(?:[.;]|,\s|$)"
)


# "Members put questions to Di Cole, Chief Executive of the OPCC.": the one who answers them.
_QUESTIONED = re.compile(
    rf"\b(?:put\s+(?:their\s+|further\s+)?questions\s+to|questioned|asked\s+questions\s+of)\s+"
    rf"(?P<who>[A-Z][^,;()]{{2,60}}?,\s+(?:the\s+)?(?P<post>{_POST}))\s*(?:[.;]|,\s|$)"
)


# Members and their offices: a member is named in passing wherever they sat.
_MEMBER_POST = re.compile(r"\b(?:Chair(?:man|person|woman)?|Alderman|Member|Leader|Mayor)\b")


def speakers(sentence: str) -> Iterator[Stated]:
    """The people a sentence names beside their office as speaking to the meeting, or
    answering its questions."""
    for match in itertools.islice(_THE_OFFICE_THEN_NAME.finditer(sentence), _MAX_CLAUSES):
        yield from _one_named(match["who"], match["post"])
    for match in itertools.islice(_NAME_THEN_OFFICE.finditer(sentence), _MAX_CLAUSES):
        yield from _one_named(match["who"], match["post"])
    for match in itertools.islice(_QUESTIONED.finditer(sentence), _MAX_CLAUSES):
        yield from _one_named(match["who"], match["post"])
    for pattern in (_SUPPORTED_BY_OFFICE, _NAME_THEN_POST_AND_OFFICE):
        for match in itertools.islice(pattern.finditer(sentence), _MAX_CLAUSES):
            yield from _one_named(match["who"], match["post"])


def _one_named(who: str, post: str) -> Iterator[Stated]:
    if not OFFICE_WORD.search(post):
        return
    people = people_in(who)
    if len(people) != 1 or not only_people(who, people):
        return
    entry, person = people[0]
    if person.capacity is None:  # "The Commissioner, Mrs Jo Hale, ...": the office before
        capacity, abbreviation = parse_capacity(post)
        person = Person(person.name, capacity, person.abbreviation or abbreviation)
    if MEMBER.search(entry) or _MEMBER_POST.search(f"{entry} {post}"):
        return  # a member reporting ("Councillor Jo Hale, Chair of the Working Group, ...")
    yield entry, person, IN_ATTENDANCE
