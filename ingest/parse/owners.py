"""Action owners: the phrase that names who does an action, resolved to attendee names.

An owner phrase may hold a role ("CC", "Chief Constable", "ACC LP", "T/Supt Professional
Standards"), initials ("JA", "MJS"), a name ("Neil Mottram", "Supt Smith") or several of
them ("JA and NM", "CC/DCC", "CC & DCC", "PF.SM"), a post before a surname ("DCC Naylor"),
or a post and whose it is ("Commissioner's CFO", "CFO (OPCC)"). Roles resolve to every
attendee who holds them (a temporary or acting holder too); initials and names resolve
only when exactly one attendee fits. A body several attendees serve ("NYP", "OPCC") owns
an action as written, not each of them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import overload

from ingest.draft import AttendeeDraft
from ingest.parse.people import looks_like_name, strip_titles
from ingest.parse.roles import (
    ROLE_NAMES_LONGEST_FIRST,
    expand_abbreviation,
    role_for_abbreviation,
    role_for_name,
)
from ingest.parse.subjects import person_in

__all__ = [
    "OwnerIndex",
    "OwnerResolution",
    "has_role_word",
    "looks_like_owner",
    "resolve_owners",
    "split_owner_parts",
]


def _split_words(words: str) -> list[str]:
    return words.split()


_SMALL_WORDS = frozenset({"of", "and", "the", "for", "to", "in", "on", "at", "with"})
_SEGMENT_SPLIT = re.compile(r"\s*(?:[,;()]|\s[-–—]\s)\s*")
_PART_SPLIT = re.compile(
    r"\s*(?:,|;|\+|&|\band\b|\bor\b|(?<=[A-Za-z]{2})\s*/\s*|\s+/\s+|(?<=[A-Z]{2})\.(?=[A-Z]{2}))\s*"
)
# One office titled by the body it serves, whose "and" joins no two owners: "Clerk to the
# Police and Crime Panel", "Secretary to the Fire and Rescue Authority".
_OFFICE_OF_BODY = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}(?:Clerk|Secretary|Officer|Treasurer|Adviser|Advisor)"
    r"\s+to\s+the\s+[A-Z][\w'’-]*(?:\s+(?:and\s+|&\s+|of\s+)?[A-Z][\w'’-]*)*$"
)
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s?){2,3}$")
_DOUBLE_BARRELLED = re.compile(r"[A-Z][a-z'’]+-[A-Z][a-z'’]+")
_HYPHENED_INITIALS = re.compile(r"[A-Z]{1,2}-[A-Z]")
# Initials or an abbreviation kept as written when it fits no attendee: "SB", "LB-W", "NYP".
_ABBREVIATION_PART = re.compile(r"[A-Z][A-Za-z]?[A-Z]{1,4}(?:-[A-Z]{1,2})?")
_OFFICE = re.compile(
    r"^(?:the\s+)?(?:(?:p|pf)cc(?:s|'s|’s)?\s+office|office\s+of\s+the\s+(?:p|pf)cc|o(?:p|pf)cc)$",
    re.IGNORECASE,
)
# Words that make a capitalised phrase an owner rather than the subject of a sentence.
_ROLE_WORDS = frozenset(
    _split_words(
        """chief constable commissioner deputy assistant head director officer officers manager
    superintendent supt inspector insp sergeant sgt detective det lead leads team department
    unit chair secretary treasurer executive office force board panel committee group all
    members partners clerk analyst adviser advisor coordinator governance finance people
    staff opcc pcc secretariat"""
    )
)


@dataclass(frozen=True)
class OwnerResolution:
    """Names of the attendees an owner phrase stands for, and what could not be settled."""

    owners: list[str]
    warnings: list[str]


# The same post before and after a commissioner took on the fire service.
_OTHER_COMMISSIONER = {
    "pcc": "pfcc", "pfcc": "pcc", "dpcc": "dpfcc", "dpfcc": "dpcc",
    "opcc": "opfcc", "opfcc": "opcc",
}  # fmt: skip
# Posts whose names hold a comma (see ``_segments``).
_COMMA_ROLE = re.compile(
    "(?:"
    + "|".join(
        r"\s*".join(re.escape(w) for w in name.split()).replace("and", "(?:and|&)")
        for name in ROLE_NAMES_LONGEST_FIRST
        if "," in name
    )
    + r")(?!\w)",
    re.IGNORECASE,
)
_DOTS_AND_APOSTROPHES = re.compile(r"[.']")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the ")


def _norm(text: str) -> str:
    text = text.replace("&", " and ").replace("’", "'")
    text = _DOTS_AND_APOSTROPHES.sub("", text.lower())
    text = _SPACES.sub(" ", text).strip(" ,;:-–—")
    return _LEADING_THE.sub("", text)


def _expanded(text: str) -> str:
    """The phrase with a leading rank or office abbreviation written out ("DCS PP" ->
    "detective chief superintendent pp")."""
    tokens = text.split()
    for size in range(min(3, len(tokens)), 0, -1):
        expansion = expand_abbreviation(" ".join(tokens[:size]))
        if expansion:
            return _norm(" ".join([expansion, *tokens[size:]]))
    return _norm(text)


def _initials(words: Sequence[str], *, keep_small: bool = False) -> str:
    letters: list[str] = []
    for word in words:
        if not keep_small and word.lower() in _SMALL_WORDS:
            continue
        if len(word) > 1 and word.isupper():
            letters.append(word.lower())
        elif word[:1].isalpha():
            letters.append(word[0].lower())
    return "".join(letters)


def _forms(segment: str) -> set[str]:
    """A capacity segment as text and as initials ("Local Policing" -> "local policing", "lp")."""
    words = [w for w in re.split(r"[\s\-/]+", segment.replace("&", " and ")) if w]
    forms = {_norm(segment)}
    if len(words) > 1:
        forms.add(_initials(words))
        forms.add(_initials(words, keep_small=True))
    expansion = expand_abbreviation(segment)
    if expansion:
        forms.add(_norm(expansion))
    return {f for f in forms if f}


def _suffix_forms(segment: str) -> set[str]:
    """Forms of the segment and of its trailing words ("Head of Public Protection" -> "pp")."""
    words = [w for w in segment.split() if w]
    forms = _forms(segment)
    for start in range(1, len(words) - 1):
        if words[start].lower() not in _SMALL_WORDS:
            forms |= _forms(" ".join(words[start:]))
    return forms


def _segments(capacity: str | None) -> list[str]:
    """The parts of a capacity ("Chief Finance Officer, OPCC" -> two), a post whose own
    name holds a comma kept whole ("Police, Fire and Crime Commissioner, North Yorkshire")."""
    text = capacity or ""
    whole = _COMMA_ROLE.match(text)
    if whole:
        rest = [s for s in _SEGMENT_SPLIT.split(text[whole.end() :]) if s.strip()]
        return [whole.group(), *rest]
    return [s for s in _SEGMENT_SPLIT.split(text) if s.strip()]


def _role_keys(attendee: AttendeeDraft) -> tuple[set[str], set[str]]:
    """Forms of the attendee's post, and forms of the later parts of their capacity alone
    ("Chief Finance Officer, OPCC" -> "opcc"), which may name the body they belong to."""
    keys: set[str] = set()
    later_keys: set[str] = set()
    if attendee.abbreviation:
        keys.add(_norm(attendee.abbreviation))
        keys.add(_expanded(attendee.abbreviation))
        held = _HELD_FOR_NOW.match(attendee.abbreviation)
        if held:
            keys.add(_norm(attendee.abbreviation[held.end() :]))  # "T/ACC" is an "ACC"
    segments = _segments(attendee.capacity)
    if not segments:
        return keys, later_keys
    held = _HELD_FOR_NOW.match(segments[0])
    # "Acting Chief Constable" is a "CC" (its letters "ACC" name another post).
    head = {_norm(segments[0])} | _forms(segments[0][held.end() :]) if held else _forms(segments[0])
    possessive = _POSSESSIVE.match(segments[0])
    if possessive:
        # "PCC's Chief Finance Officer" is a "CFO" too.
        head |= _forms(segments[0][possessive.end() :])
    short = _deputy_short(_AREA_AFTER.sub("", segments[0]))
    if short:
        head.add(short)  # "Deputy Police and Crime Commissioner" is the "Deputy Commissioner"
    known = role_for_name(_AREA_AFTER.sub("", segments[0]))
    if known is not None:
        head |= {_norm(alias) for alias in known.aliases}  # "Deputy PCC"
    keys |= head
    for later in segments[1:]:
        qualifiers = _suffix_forms(later)
        keys |= {f"{h} {q}" for h in head for q in qualifiers}
        later_keys |= {f for f in _forms(later) if len(f) >= 3}
    return keys, later_keys - keys


# Words before a post that make it another post: a Deputy Commissioner is no Commissioner.
_SECOND_IN_LINE = frozenset({"deputy", "assistant", "vice", "associate", "under"})


def _deputy_short(post: str) -> str | None:
    """The short name minutes give a deputy's or an assistant's commissioner post: "Deputy
    Police and Crime Commissioner" -> "deputy commissioner" ("The Deputy Commissioner
    undertook to ..."), "Assistant Police, Fire and Crime Commissioner" -> "assistant
    commissioner"."""
    words = _norm(post).split()
    if len(words) > 2 and words[0] in _SECOND_IN_LINE and words[-1] == "commissioner":
        return f"{words[0]} commissioner"
    return None


# "Police and Crime Commissioner for Surrey": the area a post serves, after the post.
_AREA_AFTER = re.compile(r"\s+for\s+(?:the\s+)?[A-Z][\w&'’ -]*$")


def _head_word(capacity: str | None) -> str | None:
    """The word a post is named by on its own ("Police and Crime Commissioner" ->
    "commissioner"), when it is a role word and the post is not a deputy's. The area a
    post serves is no part of it: "Police and Crime Commissioner for Surrey" is the
    "Commissioner" of minutes that go on to say "The Commissioner to share ..."."""
    segments = _segments(capacity)
    post = _AREA_AFTER.sub("", segments[0]) if segments else ""
    held = _HELD_FOR_NOW.match(post)
    # "Temporary Assistant Chief Constable" is an assistant's post held for now, no more
    # the "Constable" of "CC to arrange ..." than the Assistant Chief Constable is.
    words = _norm(post[held.end() :] if held else post).split()
    if not words or words[0] in _SECOND_IN_LINE or words[-1] not in _ROLE_WORDS:
        return None
    return words[-1]


_OPENING_WORDS = 8


def _openings(capacity: str | None) -> list[str]:
    """The first words of a post that name it in short: at least one of them a role word,
    not ending in "of" or "and", and two role words alone only when they are the whole
    post ("Deputy Chief" is no short name): "Head of Performance and Governance" -> "head
    of performance"; "Director of Finance and Resources" -> "director of finance"."""
    segments = _segments(capacity)
    words = _norm(segments[0]).split()[:_OPENING_WORDS] if segments else []
    openings: list[str] = []
    for size in range(2, len(words)):
        if words[size - 1] in _SMALL_WORDS or not _has_role_word(words[:size]):
            continue
        if size > 2 or not all(_singular(w) in _ROLE_WORDS for w in words[:size]):
            # "Policy Officer" opens "Policy Officer Police Authority"; "Deputy Chief"
            # opens no post of its own.
            openings.append(" ".join(words[:size]))
    return openings


# Honours after a name, no part of it: "Harun Qadir OBE" is "Mr Qadir" and "HQ".
_POST_NOMINALS = frozenset(
    {"obe", "mbe", "cbe", "kbe", "dbe", "qpm", "kpm", "jp", "dl", "kc", "qc"}
)


def _name_words(name: str) -> list[str]:
    words = re.findall(r"[A-Za-z][A-Za-z'’]*", strip_titles(name).replace("-", " "))
    while len(words) > 1 and words[-1].lower() in _POST_NOMINALS:
        words.pop()
    return words


def _name_initials(name: str) -> set[str]:
    words = _name_words(name)
    if len(words) < 2:
        return set()
    return {(words[0][0] + words[-1][0]).upper(), "".join(w[0] for w in words).upper()}


def _one_name(part: str) -> str | None:
    """The single surname or first name a part names ("Supt Smith", "Neil"), lower case."""
    words = _name_words(part)
    if len(words) != 1 or len(words[0]) < 3:
        return None
    return words[0].lower()


def _named_in(context: str, found: list[AttendeeDraft]) -> list[AttendeeDraft]:
    """The attendees among ``found`` whom ``context`` names: by surname when their
    surnames differ, else by the name in full."""
    surnames = [_name_words(a.name)[-1:] for a in found]
    by_surname = len({tuple(s) for s in surnames}) == len(found) and all(surnames)
    named: list[AttendeeDraft] = []
    for attendee, surname in zip(found, surnames, strict=True):
        words = surname if by_surname else _name_words(attendee.name)
        pattern = r"\b" + r"\W+".join(re.escape(w) for w in words) + r"\b"
        if words and re.search(pattern, context, re.IGNORECASE):
            named.append(attendee)
    return named


def _unique(
    part: str, found: list[AttendeeDraft], what: str, context: str | None = None
) -> tuple[list[str], list[str]]:
    if len(found) > 1 and context:
        # "JS" is John Smith or Jane Swift: the one the passage names, if only one is.
        named = _named_in(context, found)
        found = named if len(named) == 1 else found
    if len(found) == 1:
        return [found[0].name], []
    if len(found) > 1:
        names = ", ".join(a.name for a in found)
        return [], [f"owner {part!r} matches the {what} of several attendees ({names})"]
    return [], []


class OwnerIndex(Sequence[AttendeeDraft]):
    """Attendees with what an owner phrase is compared to, worked out once.

    Resolving the owners of every action in a long text compares each phrase with each
    attendee; here each form an attendee can be named by (abbreviation, role, initials,
    name) leads to the attendees who have it, in their order, so one lookup replaces the
    comparisons. The attendees must not change while the index is in use.
    """

    def __init__(self, attendees: Sequence[AttendeeDraft]) -> None:
        self._attendees = list(attendees)
        self._abbreviations: dict[str, list[int]] = defaultdict(list)
        self._initials: dict[str, list[int]] = defaultdict(list)
        self._roles: dict[str, list[int]] = defaultdict(list)
        self._later: dict[str, list[int]] = defaultdict(list)
        self._openings: dict[str, list[int]] = defaultdict(list)
        self._names: dict[str, list[int]] = defaultdict(list)
        self._one_names: dict[str, list[int]] = defaultdict(list)
        self._heads: dict[str, list[int]] = defaultdict(list)
        for position, attendee in enumerate(self._attendees):
            head = _head_word(attendee.capacity)
            if head:
                self._heads[head].append(position)
            for opening in _openings(attendee.capacity):
                self._openings[opening].append(position)
            if attendee.abbreviation:
                self._abbreviations[_norm(attendee.abbreviation)].append(position)
            for letters in _name_initials(attendee.name):
                self._initials[letters].append(position)
            keys, later_keys = _role_keys(attendee)
            for key in keys:
                self._roles[key].append(position)
            for key in later_keys:
                self._later[key].append(position)
            self._names[_norm(strip_titles(attendee.name))].append(position)
            names = [w.lower() for w in _name_words(attendee.name)]
            for name in dict.fromkeys(names[:1] + names[-1:]):
                self._one_names[name].append(position)

    def __len__(self) -> int:
        return len(self._attendees)

    @overload
    def __getitem__(self, index: int) -> AttendeeDraft: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[AttendeeDraft]: ...

    def __getitem__(self, index: int | slice) -> AttendeeDraft | Sequence[AttendeeDraft]:
        return self._attendees[index]

    def _take(self, *groups: list[int]) -> list[AttendeeDraft]:
        positions = sorted(set().union(*groups)) if len(groups) > 1 else groups[0]
        return [self._attendees[position] for position in positions]

    def with_abbreviation(self, key: str) -> list[AttendeeDraft]:
        return self._take(self._abbreviations.get(key, []))

    def with_initials(self, letters: str) -> list[AttendeeDraft]:
        return self._take(self._initials.get(letters, []))

    def with_role(self, *keys: str) -> list[AttendeeDraft]:
        return self._take(*(self._roles.get(key, []) for key in keys))

    def with_later_part(self, *keys: str) -> list[AttendeeDraft]:
        """ "NYP": the attendees a later part of whose capacity it is ("Chief Constable, NYP")."""
        return self._take(*(self._later.get(key, []) for key in keys))

    def with_opening(self, part: str) -> list[AttendeeDraft]:
        """ "Head of Performance": the attendees whose post opens with those words ("Head
        of Performance and Governance")."""
        return self._take(self._openings.get(_norm(part), []))

    def with_head_word(self, part: str) -> list[AttendeeDraft]:
        """ "Commissioner": the attendees whose post is some kind of commissioner."""
        return self._take(self._heads.get(_norm(part), []))

    def with_name(self, part: str) -> list[AttendeeDraft]:
        return self._take(self._names.get(_norm(strip_titles(part)), []))

    def with_one_name(self, part: str) -> list[AttendeeDraft]:
        name = _one_name(part)
        if name is None and _DOUBLE_BARRELLED.fullmatch(bare := strip_titles(part).strip()):
            # "Vaughan-Tate": the attendees whose surname it is, looked up by its last part
            found = self._take(self._one_names.get(bare.rsplit("-", 1)[1].lower(), []))
            return [a for a in found if bare.lower() in a.name.lower()]
        return self._take(self._one_names.get(name, []) if name else [])


def _resolve_part(
    part: str, attendees: OwnerIndex, context: str | None = None
) -> tuple[list[str], list[str]]:
    key = "opcc" if _OFFICE.match(part.strip()) else _norm(part)
    if not key:
        return [], []
    exact = attendees.with_abbreviation(key)
    if exact:
        return [a.name for a in exact], []
    initials = _INITIALS.match(part.strip()) and role_for_abbreviation(part) is None
    if initials:
        # "DF" is Darren Firth rather than the Director of Finance (written "DoF"): letters
        # that are no standard abbreviation name a person before they spell a capacity.
        letters = part.replace(" ", "").replace(".", "").upper()
        by_initials = attendees.with_initials(letters)
        if len(by_initials) == 1:
            return [by_initials[0].name], []
        if by_initials and context and len(_named_in(context, by_initials)) == 1:
            return _unique(part, by_initials, "initials", context)
    by_role = attendees.with_role(key, _expanded(part))
    if by_role:
        return [a.name for a in by_role], []
    by_later = attendees.with_later_part(key, _expanded(part))
    if by_later and _is_body(part):
        # "the Force and OPCC to draft ...": the office owns it even when one attendee
        # alone is listed as of it ("Notetaker, OPCC"); it stays as written.
        return [], []
    if len(by_later) == 1:
        return [by_later[0].name], []
    if by_later:
        # "NYP to convene ...": the force several attendees serve ("Chief Constable, NYP",
        # "Head of Finance, NYP") owns it, not each of them; it stays as written.
        return [], []
    by_name = attendees.with_name(part)
    if by_name:
        return _unique(part, by_name, "name", context)
    by_head = attendees.with_head_word(part)
    if len(by_head) == 1:
        return [by_head[0].name], []
    spelled = role_for_abbreviation(re.sub(r"^the\s+", "", part.strip(), flags=re.IGNORECASE))
    if spelled is not None and not _norm(spelled.name).startswith(tuple(_SECOND_IN_LINE)):
        # "PCC" where the attendance says only "Commissioner": the one commissioner.
        by_post = attendees.with_head_word(_norm(spelled.name).split()[-1])
        if len(by_post) == 1:
            return [by_post[0].name], []
    qualified = _QUALIFIED.match(part.strip())
    if qualified:
        # "Commissioner's Chief Finance Officer", "OPCC Chief Executive", "CFO (OPCC)": a
        # post and whose it is; among several holders of the post, the one it names.
        post = qualified.group("post") or qualified.group("post2")
        whose = qualified.group("whose") or qualified.group("org") or qualified.group("whose2")
        holders = attendees.with_role(_norm(post), _expanded(post))
        if holders:
            narrowed = [a for a in holders if _serves(a, whose)]
            return [a.name for a in narrowed or holders], []
    other = _OTHER_COMMISSIONER.get(key)
    if other:
        # "PCC" where the post is now a Police, Fire and Crime Commissioner, and back.
        by_other = attendees.with_abbreviation(other) or attendees.with_role(other)
        if by_other:
            return [a.name for a in by_other], []
    by_opening = attendees.with_opening(part)
    if len(by_opening) == 1:
        return [by_opening[0].name], []
    ranked = _after_rank(part)
    if ranked:
        # "DCC Naylor", "T/ACC Kay", "Commissioner Kaur": a post before a surname.
        by_rank = attendees.with_name(ranked) or attendees.with_one_name(ranked)
        if by_rank:
            return _unique(part, by_rank, "name", context)
    compact = part.replace(" ", "")
    if _INITIALS.match(part.strip()):
        letters = compact.replace(".", "").upper()
        return _unique(part, attendees.with_initials(letters), "initials", context)
    if _HYPHENED_INITIALS.fullmatch(compact):
        # "LB-W": the initials of a double-barrelled name (Louise Bramley-Wood).
        letters = compact.replace("-", "").upper()
        return _unique(part, attendees.with_initials(letters), "initials", context)
    return _unique(part, attendees.with_one_name(part), "name", context)


_QUALIFIED = re.compile(
    r"(?:(?:the\s+)?(?P<whose>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})['’]s?\s+|(?P<org>[A-Z]{2,6})\s+)"
    r"(?P<post>[A-Z][\w&/ -]+)"
    r"|(?P<post2>[A-Z][\w&/ -]+?)\s*\((?P<whose2>[^()]+)\)",
)
# A post held for the time being: "Temporary", "Acting", "Interim", "T/", "A/".
_HELD_FOR_NOW = re.compile(r"(?:temporary|temp\.?|acting|interim)\s+|[TA]/\s*", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}['’]s?\s+(?=[A-Z])")
_COMMISSIONER_WORDS = re.compile(r"\b(?:o?p(?:f)?cc|commissioner)\b")


def _serves(attendee: AttendeeDraft, whose: str) -> bool:
    """Whether the attendee's capacity names the body or post ``whose`` ("OPCC", "the
    Commissioner's" for an officer of the OPCC)."""
    capacity = _norm(re.sub(r"['’]s\b", "", attendee.capacity or ""))
    key = _norm(re.sub(r"['’]s?$", "", whose))
    if key and re.search(rf"\b{re.escape(key)}\b", capacity):
        return True
    return bool(_COMMISSIONER_WORDS.fullmatch(key)) and bool(_COMMISSIONER_WORDS.search(capacity))


# A rank held for now or as a detective, before the rank itself: "T/D/Supt", "A/DCI".
_RANK_PREFIX = re.compile(r"^(?:[TAD]/)+", re.IGNORECASE)
# A short grade in capitals before a surname, as staff are written: "PSE Dimmock".
_GRADE = re.compile(r"[A-Z]{2,4}")


def _known_rank(lead: str) -> bool:
    """Whether ``lead`` is a post or rank, also held for now or as a detective ("T/D/Supt")."""
    if role_for_abbreviation(lead) or role_for_name(lead):
        return True
    bare = _RANK_PREFIX.sub("", lead)
    return bare != lead and bool(bare) and role_for_abbreviation(bare) is not None


def _after_rank(part: str) -> str | None:
    """The name after a post or rank that opens the part ("DCC Naylor" -> "Naylor",
    "Chief Constable Jo Hale" -> "Jo Hale", "T/D/Supt Fairlie" -> "Fairlie", a staff grade
    "PSE Dimmock" -> "Dimmock"), or None when no post opens it."""
    tokens = part.split()
    for size in range(min(3, len(tokens) - 1), 0, -1):
        lead = " ".join(tokens[:size])
        known = _known_rank(lead) or (size == 1 and _GRADE.fullmatch(lead) is not None)
        if known or all(_singular(t) in _ROLE_WORDS for t in tokens[:size]):
            rest = tokens[size:]
            if all(t[:1].isupper() and not t.isupper() for t in rest):
                return " ".join(rest)
            return None
    return None


_BODY_WORDS = frozenset(
    _split_words("force constabulary office panel committee board team unit department")
)


def _kept_as_written(part: str) -> bool:
    """Whether a part that fits no attendee still names an owner: initials or an
    abbreviation ("SB"), a body ("the Force", "Police Scotland"), or a known rank before
    a surname ("T/D/Supt Fairlie", someone the attendance does not list)."""
    if _ABBREVIATION_PART.fullmatch(part):
        return True
    tokens = part.split()
    if len(tokens) == 2 and _known_rank(tokens[0]) and _one_name(tokens[1]) is not None:
        return tokens[1][0].isupper() and not tokens[1].isupper()
    words = re.sub(r"^the\s+", "", part.strip(), flags=re.IGNORECASE).split()
    return (
        0 < len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and words[-1].lower() in _BODY_WORDS
    )


def _is_body(part: str) -> bool:
    """Whether a part names an office or a body rather than a person: "OPCC", "the
    PCC's Office", "the Force", "Essex Police"."""
    bare = re.sub(r"^the\s+", "", part.strip(), flags=re.IGNORECASE)
    if _OFFICE.match(bare):
        return True
    known = role_for_abbreviation(bare)
    if known is not None and known.name.lower().startswith("office of"):
        return True
    words = bare.split()
    return 0 < len(words) <= 3 and words[-1].lower() in _BODY_WORDS | {"police"}


def split_owner_parts(owner_text: str) -> list[str]:
    """ "JA and NM" -> ["JA", "NM"]; "CC/DCC" -> ["CC", "DCC"]; "PF.SM" -> ["PF", "SM"];
    "T/Supt X" stays whole."""
    return [p.strip() for p in _PART_SPLIT.split(owner_text) if p and p.strip()]


def resolve_owners(
    owner_text: str, attendees: Sequence[AttendeeDraft], *, context: str | None = None
) -> OwnerResolution:
    """Attendee names for an owner phrase, in the order the phrase names them.

    The whole phrase is tried first ("Head of Contact Management"), then each part.
    Initials or names that fit several attendees resolve to the one ``context`` (the
    passage around the action) names, if it names only one; else they give a warning
    and no owner. A person named in full who is no attendee is an owner as written.
    """
    index = attendees if isinstance(attendees, OwnerIndex) else OwnerIndex(attendees)
    owners, warnings = _resolve_part(owner_text, index, context)
    if not owners and not warnings and not _OFFICE_OF_BODY.match(owner_text):
        parts = split_owner_parts(owner_text)
        if len(parts) > 1:
            unresolved: list[int] = []
            bodies = 0
            for part in parts:
                found, notes = _resolve_part(part, index, context)
                person = None if found or notes else person_in(part)
                if person is not None and len(person.split()) == len(strip_titles(part).split()):
                    # "Rachel Penhaligon/ Owen Treharne": each person named in full is an
                    # owner, an attendee or as written, as when named alone.
                    found, notes = _named_person(person, index)
                elif not found and not notes and _kept_as_written(part):
                    unresolved.append(len(owners))
                    owners.append(re.sub(r"^the\s+", "", part, flags=re.IGNORECASE))
                    bodies += _is_body(part)
                owners += found
                warnings += notes
            if len(unresolved) == len(owners) and bodies < len(owners):
                # "AB and CD" fitting nobody: no owner resolved at all; but "the Force and
                # OPCC" are two bodies that own it as written.
                owners = []
    if not owners and not warnings:
        person = person_in(owner_text)
        if person is not None:
            owners, warnings = _named_person(person, index)
    if not owners and not warnings and context:
        introduced = _introduced(owner_text, context)
        owners = [introduced] if introduced else []
    return OwnerResolution(list(dict.fromkeys(owners)), warnings)


_INTRODUCED_NAME = (
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?[A-Z][a-z'’-]+"
    r"(?:\s+[A-Z][a-z'’-]+){1,2})"
)
# Capitalised words and the small words between them: "Chief Executive of the OPCC".
_INTRODUCED_POST = (
    r"(?P<post>[A-Z][\w'’&/-]*(?:(?:\s+(?:of|and|for|the|at|to|in|on|&))*\s+[A-Z][\w'’&/-]*)*)"
)
# A person the passage introduces with their post, set off by commas or brackets:
# "Imelda Kersey, Chief Executive of the OPCC.", "Mr Rhys Talfan, Police and Crime
# Commissioner,", "The Commissioner, Dora Pell, introduced ...", "Vera Cole (Chief Finance
# Officer, OPCC)". The post must close the phrase: in "across Dyfed Powys, the Commissioner
# confirmed ..." a place stands before the subject of a sentence, not a name before a post.
_INTRODUCED = (
    re.compile(rf"{_INTRODUCED_NAME},\s+(?:the\s+)?{_INTRODUCED_POST}(?=\s*(?:[,;.()\n]|$))"),
    re.compile(
        rf"(?<![\w,])\s*(?:[Tt]he\s+)?{_INTRODUCED_POST},\s+{_INTRODUCED_NAME}\s*(?=[,(]|\.(?:\s|$))"
    ),
    re.compile(rf"{_INTRODUCED_NAME}\s+\((?:the\s+)?{_INTRODUCED_POST}\s*(?=[,)])"),
)


_NOT_ONE_PERSON = frozenset(
    _split_words("""force office panel committee board team unit department group all members
    partners staff officers leads secretariat governance finance people opcc""")
)


# "Central East BCU Commander" is the Borough Commander minutes then speak of.
_UNIT_WORDS = {"bcu": "borough", "bocu": "borough"}


def _introduced(owner_text: str, context: str) -> str | None:
    """The one person the passage before an action introduces with the post the owner
    phrase names, when the attendance does not list them: "The Chief Executive agreed to
    send ..." after "questions were put to Imelda Kersey, Chief Executive of the OPCC"."""
    spelled = role_for_abbreviation(re.sub(r"^the\s+", "", owner_text.strip(), flags=re.I))
    wanted = _norm(spelled.name if spelled else owner_text).split()
    wanted = [_UNIT_WORDS.get(word, word) for word in wanted]
    if (
        not wanted
        or _singular(wanted[-1]) in _NOT_ONE_PERSON
        or not (_has_role_word(wanted) or wanted[-1] == "commander")
    ):
        return None  # "the Panel", "the Force": no one person
    found: set[str] = set()
    for match in (m for pattern in _INTRODUCED for m in pattern.finditer(context)):
        post = _norm(_AREA_AFTER.sub("", match.group("post"))).split()
        post = post[: post.index("of")] if "of" in post[1:] else post
        post = [_UNIT_WORDS.get(word, word) for word in post]
        if not post or (post[0] in _SECOND_IN_LINE and wanted[0] not in _SECOND_IN_LINE):
            continue  # a Deputy Commissioner is no Commissioner
        short = _deputy_short(" ".join(post))
        if (
            post[-len(wanted) :] == wanted
            or post[: len(wanted)] == wanted
            or (short is not None and short.split() == wanted)
        ):
            name = strip_titles(match.group("name"))
            if len(name.split()) >= 2 and looks_like_name(name):
                found.add(name)
    if not found and " ".join(wanted) in _RANKS:
        found = _ranked(" ".join(wanted), context)
    return found.pop() if len(found) == 1 else None


# Ranks written before a name ("Superintendent Nathan Reeve"), which minutes then use alone.
_RANKS = frozenset(["superintendent", "chief superintendent", "inspector", "chief inspector"])
_RANK_BEFORE = frozenset(["chief", "detective", "det", "acting", "temporary", "t/", "assistant"])


def _ranked(rank: str, context: str) -> set[str]:
    """People the passage names with exactly that rank before their name: "the
    Superintendent" after "Superintendent Nathan Reeve, Neighbourhood Lead, presented ...",
    not a Chief or Detective Superintendent."""
    title = " ".join(word.capitalize() for word in rank.split())
    pattern = re.compile(
        rf"(?<![\w/])(?P<before>[\w/]+\.?\s+)?{re.escape(title)}\s+"
        r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})"
    )
    found: set[str] = set()
    for match in pattern.finditer(context):
        before = (match.group("before") or "").strip().lower().rstrip(".")
        if before in _RANK_BEFORE:
            continue
        name = strip_titles(match.group("name"))
        if looks_like_name(name):
            found.add(name)
    return found


def _named_person(person: str, attendees: OwnerIndex) -> tuple[list[str], list[str]]:
    """A person the phrase names in full ("Chief Superintendent Alan Forbes"): the attendee
    of that surname whose first name or initial agrees, else the name as written."""
    words = _name_words(person)
    fitting = [
        a
        for a in attendees.with_one_name(words[-1])
        if _name_words(a.name)[-1].lower() == words[-1].lower()
        and _name_words(a.name)[0][0].lower() == words[0][0].lower()
    ]
    if len(fitting) > 1:
        names = ", ".join(a.name for a in fitting)
        return [], [f"owner {person!r} matches the name of several attendees ({names})"]
    return [fitting[0].name if fitting else person], []


def _singular(word: str) -> str:
    """ "Officers" -> "officer", "PCC's" -> "pcc"; other words lower-cased."""
    word = re.sub(r"['’]s$", "", word.lower().strip(".,"))
    return word[:-1] if word.endswith("s") and word[:-1] in _ROLE_WORDS else word


def _has_role_word(words: Iterable[str]) -> bool:
    return any(_singular(w) in _ROLE_WORDS for w in words)


def has_role_word(words: Iterable[str]) -> bool:
    """Whether one of the words names a post or a body ("Head", "Commissioner", "Officers")."""
    return _has_role_word(words)


def looks_like_owner(phrase: str, attendees: Sequence[AttendeeDraft]) -> bool:
    """Whether a capitalised phrase before "to ..." names an owner rather than a thing
    ("Report to be ..."): it resolves, holds an abbreviation or a role word, or reads as
    a name of two or more words."""
    if resolve_owners(phrase, attendees).owners:
        return True
    words = phrase.replace("/", " ").split()
    if any(sum(c.isupper() for c in w) >= 2 for w in words):
        return True
    if _has_role_word(words):
        return True
    capitalised = [w for w in words if w[:1].isupper() and w.lower() not in _SMALL_WORDS]
    return 2 <= len(capitalised) <= 4 and len(capitalised) == len(
        [w for w in words if w.lower() not in _SMALL_WORDS]
    )
