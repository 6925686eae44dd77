"""Who a sentence of minutes says will act: the phrase before "undertook to", after
"to ask", at the head of the sentence, and a person's name inside such a phrase.

"In response to a question, Mr Rowntree will confirm ..." gives "Mr Rowntree"; "the
Deputy Commissioner, MPS, undertook to:" gives "Deputy Commissioner, MPS"; "to ask Chief
Superintendent Alan Forbes, North East Division, Police Scotland to bring ..." gives the
whole phrase after "ask", whose person is "Alan Forbes".
"""

from __future__ import annotations

import re

from ingest.parse.people import looks_like_name, strip_titles

__all__ = ["PRONOUNS", "is_group", "leading_subject", "person_in", "phrase_after", "subject_before"]

PRONOUNS = frozenset({"he", "she", "they"})
# Subjects that stand for the meeting itself or nobody in particular.
_GROUPS = frozenset(
    [
        "it",
        "this",
        "that",
        "these",
        "those",
        "there",
        "members",
        "member",
        "panel",
        "committee",
        "board",
        "meeting",
        "council",
        "authority",
        "sub-committee",
        "partnership",
        "public",
        "group",
        "attendees",
        "everyone",
        "all",
        "we",
        "i",
        "you",
        "who",
        "which",
    ]
)
_DASHES = frozenset({"–", "-", "—"})
_JOINERS = frozenset({"of", "and", "for", "the", "on", "to", "&"} | _DASHES)
# Words between a subject and its verb ("Mr Haslam had agreed to", "He then undertook").
_BETWEEN = frozenset({"had", "has", "have", "also", "then", "subsequently", "kindly", "duly"})
# Words a resolution or clause opens with, before its subject ("That the Officer be asked").
_OPENERS = frozenset({"that", "and", "but", "also", "then", "resolved", "agreed"})
_QUALIFIER_WORDS = frozenset(
    [
        "opcc",
        "opfcc",
        "pcc",
        "mps",
        "ps",
        "psni",
        "hmicfrs",
        "force",
        "constabulary",
        "police",
        "office",
        "services",
        "service",
    ]
)
_TOKEN = re.compile(r"\S+")
_TAG = re.compile(r"^\([^()\s]{1,24}\),?$")
_MAX_TOKENS = 12
# Characters read either side of a cue: a subject is a few words long.
_REACH = 240


def _bare(token: str) -> str:
    return token.strip(",;:\"'’()")


def _capitalised(token: str) -> bool:
    bare = _bare(token)
    return bool(bare) and bare[0].isupper()


def _is_qualifier(tokens: list[str]) -> bool:
    """ "MPS", "OPCC": a short organisation after a comma, not a person's name."""
    words = [_bare(t) for t in tokens if _bare(t).lower() not in _JOINERS]
    return 0 < len(words) <= 3 and all(
        w.isupper() or w.lower() in _QUALIFIER_WORDS for w in words if w
    )


def _trim(tokens: list[str]) -> str:
    while tokens and _bare(tokens[0]).lower() in _JOINERS | _OPENERS:
        tokens = tokens[1:]
    while tokens and _bare(tokens[-1]).lower() in _JOINERS:
        tokens = tokens[:-1]
    return " ".join(t for t in tokens if not _TAG.match(t)).strip(" ,;:")


def subject_before(text: str, start: int, cue: int) -> str | None:
    """The capitalised phrase that ends just before ``cue`` in ``text[start:cue]`` ("The
    Assistant Commissioner", "Deputy Commissioner, MPS", "he"), without "the" before it."""
    window = max(start, cue - _REACH)
    tokens = [m.group() for m in _TOKEN.finditer(text, window, cue)][-(_MAX_TOKENS + 4) :]
    while tokens and tokens[-1].lower() in _BETWEEN:
        tokens.pop()
    if not tokens:
        return None
    if _bare(tokens[-1]).lower() in PRONOUNS:
        return _bare(tokens[-1]).lower()
    post = _lower_case_post(tokens, at_start=window == start)
    if post is not None:
        return post
    taken: list[str] = []
    stopper: str | None = None
    for token in reversed(tokens):
        stopper = token
        bare = _bare(token)
        if _TAG.match(token) and not taken:
            taken.append(token)
            continue
        # Across a comma only to an organisation after a post ("Commissioner, MPS,"), not
        # to a lead-in before "the" ("... under the Coronavirus Regulations, the PCC said").
        if (
            token.endswith(",")
            and taken
            and (not _is_qualifier(taken) or _bare(taken[-1]).lower() == "the")
        ):
            break
        if not bare or (token.endswith((".", ":")) and len(bare) > 3 and not bare.isupper()):
            break
        if (
            bare in _DASHES
            and taken
            and (_bare(taken[-1]) in ("The", "the") or is_group(" ".join(reversed(taken))))
        ):
            # "Appointments - The Authority is asked", "Complaints - Members are asked": a
            # title before the subject
            break
        if (_capitalised(token) and not bare[0].isdigit()) or (bare.lower() in _JOINERS and taken):
            taken.append(token)
        else:
            break
        if len(taken) > _MAX_TOKENS:
            return None
    else:
        stopper = None
    ordered = list(reversed(taken))
    if stopper is not None and stopper.lower() in _PLACE_PREPOSITIONS:
        # "... answering times in Halton and the Commissioner undertook": the place the
        # sentence spoke of, then who acts
        joints = [
            i for i, t in enumerate(ordered[:-1]) if t == "and" and ordered[i + 1] in ("the", "The")
        ]
        if joints:
            ordered = ordered[joints[-1] + 1 :]
    phrase = _trim(ordered)
    return phrase or None


# A word before a capitalised run that makes its head a place or thing the sentence spoke
# of, not the subject: "in Halton and the Commissioner".
_PLACE_PREPOSITIONS = frozenset({"in", "at", "for", "from", "across", "within", "around"})


# Posts minutes write in lower case after "The": "The borough commander agreed to ...".
_POST_NOUNS = frozenset(
    [
        "commander",
        "clerk",
        "chairman",
        "chairwoman",
        "chair",
        "officer",
        "inspector",
        "superintendent",
        "constable",
        "commissioner",
        "secretary",
        "solicitor",
        "director",
        "manager",
        "treasurer",
    ]
)
_LOWER_POST_WORDS = 3


def _lower_case_post(tokens: list[str], *, at_start: bool) -> str | None:
    """ "borough commander" from "The borough commander" opening a sentence: a post in
    lower case, up to three words ending in a post's noun, after "The" (or "the" where the
    sentence opens)."""
    for size in range(1, _LOWER_POST_WORDS + 1):
        if len(tokens) < size + 1:
            return None
        words = tokens[-size:]
        if not all(re.fullmatch(r"[a-z][a-z-]*", w) for w in words):
            return None
        if words[-1] not in _POST_NOUNS:
            return None
        article = tokens[-size - 1]
        opens = len(tokens) == size + 1 and at_start
        if article == "The" or (article == "the" and opens):
            return " ".join(words)
    return None


def phrase_after(text: str, start: int, limit: int) -> tuple[str, int] | None:
    """The capitalised phrase from ``start`` (after "ask" or "that") and where it ends:
    "Chief Superintendent Alan Forbes, North East Division, Police Scotland" before "to
    bring", "Police Scotland" before "report back"."""
    taken: list[str] = []
    end = start
    for match in _TOKEN.finditer(text, start, min(limit, start + _REACH)):
        token = match.group()
        bare = _bare(token)
        if not bare:
            break
        if (_capitalised(token) and not bare[0].isdigit()) or (
            bare.lower() in _JOINERS - {"to"} and (taken or bare.lower() == "the")
        ):
            taken.append(token)
            end = match.end()
            if len(taken) > _MAX_TOKENS or token.endswith((".", ";", ":")):
                break
            continue
        break
    phrase = _trim(taken)
    if phrase and _POSSESSIVE.search(phrase):
        # "The Chief Constable's representative, Superintendent Carys Eifion, responded":
        # the one standing in for the post is named after it
        stand_in = _STAND_IN.match(text, end, min(limit, end + _REACH))
        if stand_in and person_in(stand_in.group("who")):
            phrase = f"{phrase} {stand_in.group('gap')}, {stand_in.group('who')}"
            end = stand_in.end("who")
    return (phrase, end) if phrase else None


_POSSESSIVE = re.compile(r"['’]s$")
# A noun or two after a post's possessive, then a name between commas: " representative,
# Superintendent Carys Eifion,", " deputy, Ann Bell,".
_STAND_IN = re.compile(
    r"\s+(?P<gap>[a-z][\w-]*(?:\s+[a-z][\w-]*)?),\s+"
    r"(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4}),"
)


def leading_subject(text: str, start: int, end: int) -> str | None:
    """The capitalised phrase a sentence opens with ("The Police and Crime Commissioner
    said ...") when it names someone, else None."""
    found = phrase_after(text, start, end)
    if found is None:
        return None
    phrase = found[0]
    return None if is_group(phrase) else phrase


def is_group(phrase: str) -> bool:
    """Whether a subject is the meeting, a pronoun for a thing, or nobody in particular;
    also the meeting by its full name, its short name in brackets after it ("Police and
    Crime Panel ('the Panel')"), where "Chair of the Panel" is a person."""
    words = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip().lower()).split()
    if not words or (len(words) <= 2 and words[-1].strip(",.") in _GROUPS):
        return True
    named = re.sub(r"\s*\([^()]*\)\s*$", "", phrase.strip().lower())
    head = named.split(" of ")[0].split()
    return bool(head) and head[-1].strip(",.") in _BODIES and "of" not in named.split()


# The meeting by its full name: "Police and Crime Panel", "Joint Audit Committee".
_BODIES = frozenset({"panel", "committee", "sub-committee", "board", "council", "authority"})


def person_in(phrase: str) -> str | None:
    """A person's full name inside an owner phrase: "Chief Superintendent Alan Forbes, North
    East Division" -> "Alan Forbes"; "SPA Chief Executive Morag Dalgleish" -> "Morag
    Dalgleish"; None for "Police Scotland" or "Mr Haslam" (a surname alone)."""
    for chunk in re.split(r"\s*[,(]\s*", phrase):
        tokens = strip_titles(chunk.strip(" )")).split()
        for first in range(max(0, len(tokens) - 5), len(tokens) - 1):
            candidate = " ".join(tokens[first:])
            if looks_like_name(candidate):
                return strip_titles(candidate)
    return None
