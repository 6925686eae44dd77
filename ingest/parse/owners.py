"""Action owners: the phrase that names who does an action, resolved to attendee names.

An owner phrase may hold a role ("CC", "Chief Constable", "ACC LP", "T/Supt Professional
Standards"), initials ("JA", "MJS"), a name ("Neil Mottram", "Supt Smith") or several of
them ("JA and NM", "CC/DCC", "CC & DCC"). Roles resolve to every attendee who holds them;
initials and names resolve only when exactly one attendee fits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ingest.draft import AttendeeDraft
from ingest.parse.people import strip_titles
from ingest.parse.roles import expand_abbreviation, role_for_abbreviation

__all__ = ["OwnerResolution", "looks_like_owner", "resolve_owners", "split_owner_parts"]


def _split_words(words: str) -> list[str]:
    return words.split()


_SMALL_WORDS = frozenset({"of", "and", "the", "for", "to", "in", "on", "at", "with"})
_SEGMENT_SPLIT = re.compile(r"\s*(?:[,;()]|\s[-–—]\s)\s*")
_PART_SPLIT = re.compile(r"\s*(?:,|;|\+|&|\band\b|\bor\b|(?<=[A-Za-z]{2})\s*/\s*|\s+/\s+)\s*")
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s?){2,3}$")
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


def _norm(text: str) -> str:
    text = text.replace("&", " and ").replace("’", "'")
    text = re.sub(r"[.']", "", text.lower())
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–—")
    return re.sub(r"^the ", "", text)


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


def _role_keys(attendee: AttendeeDraft) -> set[str]:
    keys: set[str] = set()
    if attendee.abbreviation:
        keys.add(_norm(attendee.abbreviation))
        keys.add(_expanded(attendee.abbreviation))
    segments = [s for s in _SEGMENT_SPLIT.split(attendee.capacity or "") if s.strip()]
    if not segments:
        return keys
    head = _forms(segments[0])
    keys |= head
    for later in segments[1:]:
        qualifiers = _suffix_forms(later)
        keys |= {f"{h} {q}" for h in head for q in qualifiers}
        keys |= {f for f in _forms(later) if len(f) >= 3}
    return keys


def _name_words(name: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'’]*", strip_titles(name).replace("-", " "))


def _name_initials(name: str) -> set[str]:
    words = _name_words(name)
    if len(words) < 2:
        return set()
    return {(words[0][0] + words[-1][0]).upper(), "".join(w[0] for w in words).upper()}


def _matches_name(part: str, attendee: AttendeeDraft) -> bool:
    return _norm(strip_titles(part)) == _norm(strip_titles(attendee.name))


def _matches_one_name(part: str, attendee: AttendeeDraft) -> bool:
    """ "Supt Smith", "Mr Jones" or "Neil": a single surname or first name."""
    words = _name_words(part)
    if len(words) != 1 or len(words[0]) < 3:
        return False
    names = [w.lower() for w in _name_words(attendee.name)]
    return bool(names) and words[0].lower() in (names[0], names[-1])


def _unique(part: str, found: list[AttendeeDraft], what: str) -> tuple[list[str], list[str]]:
    if len(found) == 1:
        return [found[0].name], []
    if len(found) > 1:
        names = ", ".join(a.name for a in found)
        return [], [f"owner {part!r} matches the {what} of several attendees ({names})"]
    return [], []


def _resolve_part(part: str, attendees: Sequence[AttendeeDraft]) -> tuple[list[str], list[str]]:
    key = "opcc" if _OFFICE.match(part.strip()) else _norm(part)
    if not key:
        return [], []
    exact = [a for a in attendees if a.abbreviation and _norm(a.abbreviation) == key]
    if exact:
        return [a.name for a in exact], []
    initials = _INITIALS.match(part.strip()) and role_for_abbreviation(part) is None
    if initials:
        # "DF" is Darren Firth rather than the Director of Finance (written "DoF"): letters
        # that are no standard abbreviation name a person before they spell a capacity.
        letters = part.replace(" ", "").replace(".", "").upper()
        by_initials = [a for a in attendees if letters in _name_initials(a.name)]
        if len(by_initials) == 1:
            return [by_initials[0].name], []
    expanded = _expanded(part)
    by_role = [a for a in attendees if {key, expanded} & _role_keys(a)]
    if by_role:
        return [a.name for a in by_role], []
    by_name = [a for a in attendees if _matches_name(part, a)]
    if by_name:
        return _unique(part, by_name, "name")
    compact = part.replace(" ", "")
    if _INITIALS.match(part.strip()):
        letters = compact.replace(".", "").upper()
        return _unique(
            part, [a for a in attendees if letters in _name_initials(a.name)], "initials"
        )
    return _unique(part, [a for a in attendees if _matches_one_name(part, a)], "name")


def split_owner_parts(owner_text: str) -> list[str]:
    """ "JA and NM" -> ["JA", "NM"]; "CC/DCC" -> ["CC", "DCC"]; "T/Supt X" stays whole."""
    return [p.strip() for p in _PART_SPLIT.split(owner_text) if p and p.strip()]


def resolve_owners(owner_text: str, attendees: Sequence[AttendeeDraft]) -> OwnerResolution:
    """Attendee names for an owner phrase, in the order the phrase names them.

    The whole phrase is tried first ("Head of Contact Management"), then each part.
    Ambiguous initials or names give a warning and no owner.
    """
    owners, warnings = _resolve_part(owner_text, attendees)
    if not owners and not warnings:
        parts = split_owner_parts(owner_text)
        if len(parts) > 1:
            for part in parts:
                found, notes = _resolve_part(part, attendees)
                owners += found
                warnings += notes
    return OwnerResolution(list(dict.fromkeys(owners)), warnings)


def _singular(word: str) -> str:
    """ "Officers" -> "officer", "PCC's" -> "pcc"; other words lower-cased."""
    word = re.sub(r"['’]s$", "", word.lower().strip(".,"))
    return word[:-1] if word.endswith("s") and word[:-1] in _ROLE_WORDS else word


def _has_role_word(words: Iterable[str]) -> bool:
    return any(_singular(w) in _ROLE_WORDS for w in words)


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
