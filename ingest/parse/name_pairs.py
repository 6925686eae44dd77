"""Two people read as one entry of a run that lost its separators.

A list printed one person to a table cell, flattened by extraction, runs each name into
the next: "Dr Ann Bell Karan Bhatti Dr Roy Tapp", "C/Supt Ida Webb Tegan Marsh". Titles
part most of it, but a person without a title is left glued to the name before: as four
name words ("Ida Webb Tegan Marsh"), or as two name words after a titled name, which
``split_person`` reads as that person's capacity ("Karan Bhatti" of "Dr Ann Bell").

Neither shape tells a name from a place by itself ("Cllr Jo Hale Tor Vale" names a ward),
so the run decides: where most of its other entries are a name alone (a title, a bracket,
nothing else), a name glued after a name is another person. A run that prints a place or
an office after every name keeps its entries whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.parse.people import (
    Person,
    is_name_token,
    is_role_word,
    looks_like_name,
    split_person,
    strip_titles,
)

_BRACKETED = re.compile(r"\([^()]*\)")
_SEPARATOR = re.compile(r"[,;:()–—]|\s-\s|\d")
_MIN_ENTRIES = 3  # the glued entry and at least two others to judge the run by
_PAIR = 2  # a glued person is a given name and a surname


def part_joined_names(entries: Sequence[str]) -> list[str]:
    """The entries of a run with each one that holds two people glued together parted in
    two; the entries unchanged when the run's other entries are not names alone."""
    if len(entries) < _MIN_ENTRIES:
        return list(entries)
    persons = [split_person(entry) for entry in entries]
    tails = [_tail(entry, person) for entry, person in zip(entries, persons, strict=True)]
    parted: list[str] = []
    for number, (entry, person) in enumerate(zip(entries, persons, strict=True)):
        others = [tail for other, tail in enumerate(tails) if other != number]
        bare = sum(tail == "" for tail in others)
        if person is None or bare * 3 < len(others) * 2:
            parted.append(entry)
            continue
        parted.extend(_part(entry, person, tails[number]))
    return parted


def _tail(entry: str, person: Person | None) -> str | None:
    """What an entry prints after its person's name, brackets left out ("" for a name alone,
    None when the entry names nobody)."""
    if person is None:
        return None
    bare = strip_titles(_BRACKETED.sub(" ", entry))
    at = bare.find(person.name)
    if at < 0:
        return None
    return re.sub(r"\s+", " ", bare[at + len(person.name) :]).strip(" .")


def _part(entry: str, person: Person, tail: str | None) -> list[str]:
    words = person.name.split()
    if len(words) == 2 * _PAIR and all(_full_word(word) for word in words):
        # "C/Supt Ida Webb Tegan Marsh": a name of four full words is two of two (an office
        # after it is the second person's)
        second = " ".join(words[_PAIR:])
        at = entry.rfind(second)
        if at > 0:
            return [entry[:at].rstrip(), entry[at:]]
    if (
        tail
        and strip_titles(entry) != entry
        and len(tail.split()) == _PAIR
        and not _SEPARATOR.search(tail)
        and looks_like_name(tail)
        and not any(is_role_word(word) for word in tail.split())
    ):
        # "Dr Ann Bell Karan Bhatti": a bare name after a titled name of two words
        at = entry.rfind(tail)
        if at > 0:
            return [entry[:at].rstrip(), entry[at:]]
    return [entry]


def _full_word(word: str) -> bool:
    """A word of a name that is no initial and no particle ("Webb", not "J." or "van")."""
    return (
        len(word.strip(".")) > 1 and "." not in word and word[:1].isupper() and is_name_token(word)
    )
