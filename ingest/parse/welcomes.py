"""People present because the minutes say the meeting welcomed them, or was introduced to them.

"The Chair welcomed Mr Jo Hale, Police and Crime Commissioner, to the meeting", "The
Chairman welcomed to the meeting Jo Hale (PCC) and Ann Bell (Chief Constable)", "Particular
welcome was given to the new members of the Committee - Jo Hale, Ann Bell and Dr Roy Tapp",
"Jo Hale and Ann Bell were also welcomed to the meeting as the proposed co-opted members",
"The Chair welcomed Ed Lowe from the Fire Service", "The Panel were introduced to Di Cole,
Head of Legal Services, who would attend future meetings", "The Commissioner introduced Ed
Lowe, Partnerships Officer, OPCC", "The Chair welcomed everyone to the meeting, including new
Member Councillor Jo Hale", "A welcome was extended to Jo Hale, who attended as ...". A welcome
is said to those in the room, however the sentence is turned ("welcomed Cllr Jo Hale to
her first Panel Meeting", "welcomed new Member Jo Hale to her first meeting", "welcomed the
Chief Constable, Jo Hale and Supt Ann Bell from Wessex Police to the meeting"); a member
someone is said to replace ("Cllr Jo Hale replacing Roy Tapp") is not welcomed.

A new member, one at their first meeting or one welcomed to the body itself ("welcomed Mrs
Jo Hale to the Panel"), is present; otherwise a member (a councillor)
is present and anyone else attends (``status_of``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ingest.parse.people import Person, parse_capacity
from ingest.parse.roles import OFFICE_WORD
from ingest.parse.sentence_people import (
    IN_ATTENDANCE,
    PRESENT,
    Stated,
    only_people,
    people_before,
    people_in,
    status_of,
)

_MAX_CLAUSES = 8
_WELCOMED = re.compile(
    r"\b(?:welcomed|greeted)\s+(?P<who>(?:new\s+(?:\w+\s+){0,2}?[Mm]embers?\s+|the\s+"
    r"(?:[A-Z][\w'’&-]*\s+(?:(?:of|for|and|&)\s+)?){0,6}[A-Z][\w'’&-]*,\s+)?[A-Z].{2,240}?)"
    r"(?:,\s*)?\s+(?:to\s+(?:the|this|his|her|their)\s+(?:first\s+)?(?:(?:Panel|Committee|Board)\s+)?"
    r"[Mm]eeting|(?P<body>to\s+the\s+(?:Panel|Committee|Sub-[Cc]ommittee|Board|Group)\b(?!['’]))|"
    r"who\s+was\s+attending|attending\s+(?:his|her|their)\s+first\s+meeting)"
)
# "welcomed the Chief Constable, Jo Hale and Supt Ann Bell from Wessex Police to the
# meeting": the post of the first named, before her name.
_POST_LEAD = re.compile(r"^the\s+(?P<post>[A-Z][^,]{1,80}),\s+(?=[A-Z])")
# "The Chairman welcomed to the meeting Jo Hale (PCC) and Ann Bell (Chief Constable).": the
# people after the place they were welcomed to, to the sentence's end.
_WELCOMED_TO = re.compile(
    r"\b(?:welcomed|greeted)\s+to\s+(?:the|this)\s+meeting[,:]?\s+(?P<who>[A-Z][^.]{2,400}?)"
    r"\.?$"
)
_FIRST_MEETING = re.compile(r"attending\s+(?:his|her|their)\s+first\s+meeting")
# "Jo Hale and Ann Bell were also welcomed to the meeting as ...", "New member Jo Hale was
# welcomed to the group": the people before the verb.
_WERE_WELCOMED = re.compile(
    r"\s+(?:was|were)\s+(?:also\s+|then\s+|warmly\s+)?welcomed\s+(?:to\s+(?:the|this)\s+"
    r"(?:meeting|group|panel|committee|board)\b|by\s+the\s+chair)",
    re.IGNORECASE,
)
_NEW_MEMBER = re.compile(r"^(?:(?:the|a)\s+)?new\s+(?:\w+\s+){0,2}members?\s+", re.IGNORECASE)
# "The Chair welcomed Ed Lowe from the Fire Service.": one named person, then where they are
# from, to the sentence's end.
_WELCOMED_FROM = re.compile(
    r"\b(?:welcomed|greeted)\s+(?P<who>[A-Z][^,;()]{2,60}?)\s+(?:from|of)\s+(?:the\s+)?"
    r"[A-Z][^,;]{2,80}?\.?$"
)
# "The Chair welcomed everyone to the meeting, including new Member Councillor Jo Hale", "The
# Chairman welcomed all to the Meeting, in particular Cllr Ann Bell (Rye Council) replacing
# Roy Tapp", "welcomed the Members of the Panel to the meeting as well as the Commissioner,
# Jo Hale; and Ann Bell from his office": the people singled out after a welcome to all
# (or to the members), to the sentence's end.
_WELCOMED_ALL_BUT = re.compile(
    r"\b(?:welcomed|greeted)\s+(?:everyone|everybody|all(?:\s+those)?(?:\s+present)?|"
    r"those\s+present|(?:the\s+)?(?:[Mm]embers|[Cc]ouncillors)(?:\s+of\s+the\s+(?:Panel|Committee|Board|Authority))?)\s+"
    r"(?:[a-z]+\s+){0,2}?to\s+(?:the|this)\s+[Mm]eeting,?\s+(?:and\s+)?"
    r"(?:including|in\s+particular|particularly|especially|as\s+well\s+as|together\s+with|"
    r"along\s+with)\s+(?P<who>[^.]{2,300}?)\.?$"
)
# "A welcome was extended to Jo Hale and Ann Bell, who attended as the proposed co-opted
# members", "Particular welcome was given to the new members of the Committee – Jo Hale, Ann
# Bell and Dr Roy Tapp": a welcome said in the passive, to the people after "to", who are
# said to attend the meeting or to be new members (a welcome back to the body, "who had
# returned to the Panel", says who belongs to it, not who came).
_WELCOME_GIVEN = re.compile(
    r"\bwelcome\s+(?:was|were)\s+(?:also\s+)?(?:extended|given|offered)\s+to\s+"
    r"(?P<who>[^.]{2,300}?)(?P<why>,?\s+who\s+(?:had\s+|have\s+)?(?:attended|(?:was|were)\s+"
    r"attending|joined\s+the\s+meeting)\b|\s+to\s+(?:the|this|their|his|her)\s+(?:first\s+)?"
    r"[Mm]eeting\b|(?=\.?$))"
)
# "the new members of the Committee – ": a group named before the dash that opens its people.
_GROUP_BEFORE_DASH = re.compile(r"^(?:the\s+)?[a-z][^–—:]{2,80}?\s*(?:[–—:]|\s-)\s+(?=[A-Z])")
# "Cllr Ann Bell replacing Roy Tapp": the member replaced is not the one welcomed.
_REPLACING = re.compile(
    r"\s+(?:replacing|substituting\s+for|in\s+place\s+of|deputising\s+for)\s+"
    r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]+)?"
)
_NEW = re.compile(r"\bnew\b", re.IGNORECASE)
# "The Panel were introduced to Di Cole, Head of Legal Services, who would attend ...": one
# person named with a post.
_INTRODUCED_TO = re.compile(
    r"\b(?:was|were)\s+introduced\s+to\s+(?P<who>[A-Z][^,;()]{2,60},\s+[^,;()]{3,100}?)"
    r"(?:,\s*|\s+)(?:who|which|and|as)\b"
)


# "The APCC introduced Di Cole, Partnerships Officer, West Midlands OPCC.": one named with a
# post, whom someone at the meeting introduces to it, to the sentence's end.
_INTRODUCED_ONE = re.compile(r"\bintroduced\s+(?P<who>[A-Z][^,;()]{2,60},\s+[^;()]{3,160}?)\.?$")
# "The Commissioner introduced Ed Lowe from the OPCC who talked the Panel through ...": one
# named with where they are from, who then speaks to the meeting.
_INTRODUCED_FROM = re.compile(
    r"\bintroduced\s+(?P<who>[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*){1,3})\s+(?:from|of)\s+"
    r"(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[\w'’&-]+){0,6}?,?\s+who\s+"
    r"(?:then\s+)?(?:talked|took|presented|gave|spoke|outlined|explained|introduced|led|walked)\b"
)


def _without_post_lead(who: str) -> str:
    """``who`` without the office named before its first person: "the Chief Constable, Jo
    Hale and ..." -> "Jo Hale and ..."."""
    post = _POST_LEAD.match(who)
    return who[post.end() :] if post is not None and OFFICE_WORD.search(post["post"]) else who


def welcomes(sentence: str) -> Iterator[Stated]:
    """The people a sentence says the meeting welcomed or was introduced to."""
    found = itertools.chain(_WELCOMED.finditer(sentence), _WELCOMED_TO.finditer(sentence))
    for welcome in itertools.islice(found, _MAX_CLAUSES):
        who = welcome.group("who")
        new = _NEW_MEMBER.match(who)
        if new is not None:
            who = who[new.end() :]
        who = _without_post_lead(who)
        people = people_in(who)
        if people and only_people(who, people):
            # a new member, one at their first meeting or one welcomed to the body itself
            # ("welcomed Mrs Jo Hale to the Panel") sits on it
            first = bool(
                new or _FIRST_MEETING.search(welcome.group()) or welcome.groupdict().get("body")
            )
            for entry, person in people:
                yield entry, person, PRESENT if first else status_of(entry)
    for welcomed in itertools.islice(_WERE_WELCOMED.finditer(sentence), _MAX_CLAUSES):
        head = sentence[: welcomed.start()]
        new = _NEW_MEMBER.match(head)
        if new is not None:
            head = head[new.end() :]
        for entry, person in people_before(head, len(head)):
            yield entry, person, PRESENT if new else status_of(entry)
    welcome_to_all = _WELCOMED_ALL_BUT.search(sentence)
    if welcome_to_all is not None:
        yield from _singled_out(welcome_to_all["who"])
    given = _WELCOME_GIVEN.search(sentence)
    if given is not None:
        yield from _singled_out(given["who"], attending=bool(given["why"]))
    welcomed_from = _WELCOMED_FROM.search(sentence)
    if welcomed_from is not None:
        people = people_in(welcomed_from["who"])
        if len(people) == 1 and only_people(welcomed_from["who"], people):
            yield people[0][0], people[0][1], status_of(people[0][0])
    for introduced in (_INTRODUCED_TO.search(sentence), _INTRODUCED_ONE.search(sentence)):
        people = people_in(introduced["who"]) if introduced is not None else []
        if len(people) == 1 and OFFICE_WORD.search(people[0][1].capacity or ""):
            yield people[0][0], people[0][1], IN_ATTENDANCE
    introduced_from = _INTRODUCED_FROM.search(sentence)
    if introduced_from is not None:
        people = people_in(introduced_from["who"])
        if len(people) == 1 and only_people(introduced_from["who"], people):
            yield people[0][0], people[0][1], IN_ATTENDANCE


def _singled_out(who: str, *, attending: bool = True) -> Iterator[Stated]:
    """The people a welcome names, without a group's name before them or the members they
    replace; a new member is present, anyone else as ``status_of`` says. Unless the welcome
    says they attend, only new members are taken."""
    group = _GROUP_BEFORE_DASH.match(who)
    new = bool(group and _NEW.search(group.group()))
    who = who[group.end() :] if group else who
    lead = _NEW_MEMBER.match(who)
    if lead is not None:
        new, who = True, who[lead.end() :]
    if not (new or attending):
        return
    who = _REPLACING.sub("", who).strip(" ,")
    who = _without_post_lead(who)
    people = people_in(who)
    if not people or not _only_people_and_posts(who, people):
        return
    for entry, person in people:
        yield entry, person, PRESENT if new else status_of(entry)


def _only_people_and_posts(who: str, people: list[tuple[str, Person]]) -> bool:
    """Whether ``who`` names ``people`` and nothing else, a post after a name between commas
    ("Jo Hale, the new co-opted member") counted as the name's."""
    return only_people(re.sub(r",\s+the\s+[^,]+$", "", who), people) or only_people(who, people)


# "The Chairman welcomed the Police and Crime Commissioner (PCC) for Rye to the meeting. Mr
# Hale provided a comprehensive update ...": an office welcomed, then the one the next
# sentence names speaking to the meeting holds it.
_WELCOMED_OFFICE = re.compile(
    r"\b(?:welcomed|greeted)\s+the\s+(?P<post>[A-Z][\w'’&/-]*(?:\s+(?:[A-Z][\w'’&/-]*|\([A-Z]{2,6}\)|"
    r"of|for|to|and|the|&)){0,9})\s+to\s+the\s+meeting\.\s+"
    r"(?P<who>(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+"
    r"(?:then\s+|also\s+)?(?:provided|gave|presented|introduced|reported|updated|outlined|"
    r"explained|spoke)\b"
)


def welcomed_offices(text: str) -> Iterator[Stated]:
    """The holder of an office the meeting welcomed, named speaking in the next sentence."""
    for match in itertools.islice(_WELCOMED_OFFICE.finditer(text), _MAX_CLAUSES):
        if not OFFICE_WORD.search(match["post"]):
            continue
        people = people_in(match["who"])
        if len(people) != 1:
            continue
        entry, person = people[0]
        capacity, abbreviation = parse_capacity(match["post"])
        yield entry, Person(person.name, capacity, abbreviation), IN_ATTENDANCE
