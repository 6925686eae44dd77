"""Officers present because the minutes name who holds an office, and have the office (or
the person) speak.

Minutes often name an officer once, beside the office ("Verbal Update by Jo Hale, Overview
and Scrutiny Officer", "Contributors: Ann Bell, Scrutiny Manager", "The Chair congratulated
Mr Tapp on his re-election as the Police and Crime Commissioner"), and afterwards write only
the office: "The Scrutiny Manager reported that ...", "The Commissioner advised ...", or the
name alone ("Mr. Hale advised the panel ..."). The one the office names is the one the
document named in it, and speaking to the meeting, attended.

The office that speaks must be the one named, whole ("The Overview and Scrutiny Officer") or
by its last word ("The Commissioner" for "Police and Crime Commissioner"), and only one named
person may hold it: two holders ("Commissioner" and "Deputy Commissioner") name no one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.parse.people import Person, parse_capacity
from ingest.parse.roles import OFFICE_WORD
from ingest.parse.sentence_people import MEMBER, people_in

_MAX_MATCHES = 200
_POST = r"[A-Z][\w'’&/-]*(?:\s+(?:[A-Z][\w'’&/-]*|of|for|to|and|the|&)){0,8}"
_TITLED = r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)"
# "Jo Hale, Scrutiny Manager" on a line of its own or closing a sentence, or after "by" or
# "of" ("Verbal Update by Jo Hale, Overview and Scrutiny Officer.").
_NAME_AND_OFFICE = re.compile(
    rf"(?:^|(?<=\bby\s)|(?<=\bof\s))(?P<who>{_TITLED}?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}}),"
    rf"\s+(?:the\s+)?(?P<post>{_POST})(?=\s*(?:[,.;]|$))",
    re.MULTILINE,
)
# "... congratulated Mr Tapp on his recent re-election as the Police and Crime Commissioner
# for the Rye Police Force area"
_ELECTED_AS = re.compile(
    rf"(?P<who>{_TITLED}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+on\s+(?:his|her|their)\s+"
    rf"(?:recent\s+)?(?:re-?)?(?:election|appointment)\s+as\s+(?:the\s+)?(?P<post>{_POST})"
)
_AREA = re.compile(r"\s+for\s+.*$")
# "The Scrutiny Manager reported that ...", "3.1 The Commissioner advised ...": the office
# opening a sentence, speaking.
_OFFICE_SPEAKS = re.compile(
    rf"(?:^|(?<=[.;:]\s))\s*(?:\d{{1,3}}(?:\.\d{{1,2}})*\.?\s+)?The\s+(?P<post>{_POST})\s+"
    r"(?:then\s+|also\s+)?(?:reported|advised|gave|presented|introduced|explained|outlined|"
    r"updated|informed|responded|confirmed|said|stated|undertook|agreed)\b",
    re.MULTILINE,
)


# "Mr. Jo Hale advised the panel that ...", "Ms Hale agreed to ...": one named opening a
# sentence, speaking.
_NAME_SPEAKS = re.compile(
    rf"(?:^|(?<=[.;:]\s))\s*(?:\d{{1,3}}(?:\.\d{{1,2}})*\.?\s+)?{_TITLED}?"
    r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:then\s+|also\s+)?"
    r"(?:reported|advised|gave|presented|introduced|explained|outlined|updated|informed|"
    r"responded|confirmed|said|stated|undertook|agreed)\b",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Holder:
    person: Person
    start: int
    """Where the sentence that has the office speak starts in the text."""


def _holders(text: str) -> dict[str, dict[str, Person]]:
    """The people the text names beside an office, by the office in lower case."""
    named: dict[str, dict[str, Person]] = {}
    found = itertools.chain(
        itertools.islice(_NAME_AND_OFFICE.finditer(text), _MAX_MATCHES),
        itertools.islice(_ELECTED_AS.finditer(text), _MAX_MATCHES),
    )
    for match in found:
        post = _AREA.sub("", match["post"].strip())
        people = people_in(match["who"])
        if not OFFICE_WORD.search(post) or len(people) != 1 or MEMBER.search(match["who"]):
            continue
        person = people[0][1]
        capacity, abbreviation = parse_capacity(post)
        holder = Person(person.name, capacity, abbreviation)
        named.setdefault(post.lower(), {}).setdefault(person.name, holder)
    return named


def office_holders(text: str) -> Iterator[Holder]:
    """Each person the text names beside an office that a sentence has speak to the meeting."""
    named = _holders(text)
    if not named:
        return
    for match in itertools.islice(_OFFICE_SPEAKS.finditer(text), _MAX_MATCHES):
        post = match["post"].strip().lower()
        holders = named.get(post)
        if holders is None and " " not in post:  # "The Commissioner": the office's last word
            holders = {
                name: person
                for office, people in named.items()
                if office.split()[-1] == post
                for name, person in people.items()
            }
        if holders is not None and len(holders) == 1:
            yield Holder(next(iter(holders.values())), match.start("post"))
    # (or the one named beside the office speaks by name: "Report of Jo Hale, Senior
    # Solicitor" then "Mr. Hale advised the panel that ...")
    by_name = {
        key: person
        for people in named.values()
        for person in people.values()
        for key in {person.name, person.name.split()[-1]}
    }
    for match in itertools.islice(_NAME_SPEAKS.finditer(text), _MAX_MATCHES):
        person = by_name.get(match["who"])
        if person is not None:
            yield Holder(person, match.start("who"))
