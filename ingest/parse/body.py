"""The force or policing body the minutes belong to ("West Mercia", "Northshire").

First from the header's own words ("Police and Crime Commissioner for X", "OPCC for X",
"X Police", "X Constabulary"), then from the territorial forces of England and Wales (and
Police Scotland, PSNI) most often named in the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ingest.parse.people import looks_like_name

FORCES: tuple[str, ...] = (
    "Avon and Somerset", "Bedfordshire", "Cambridgeshire", "Cheshire", "City of London",
    "Cleveland", "Cumbria", "Derbyshire", "Devon and Cornwall", "Dorset", "Durham",
    "Dyfed-Powys", "Essex", "Gloucestershire", "Greater Manchester", "Gwent", "Hampshire",
    "Hertfordshire", "Humberside", "Kent", "Lancashire", "Leicestershire", "Lincolnshire",
    "Merseyside", "Metropolitan", "Norfolk", "North Wales", "North Yorkshire",
    "Northamptonshire", "Northumbria", "Nottinghamshire", "South Wales", "South Yorkshire",
    "Staffordshire", "Suffolk", "Surrey", "Sussex", "Thames Valley", "Warwickshire",
    "West Mercia", "West Midlands", "West Yorkshire", "Wiltshire",
    "Police Scotland", "Police Service of Northern Ireland", "British Transport Police",
)  # fmt: skip

_ALIASES: dict[str, str] = {
    "avon & somerset": "Avon and Somerset",
    "devon & cornwall": "Devon and Cornwall",
    "dyfed powys": "Dyfed-Powys",
    "hampshire and isle of wight": "Hampshire",
    "hampshire & isle of wight": "Hampshire",
    "metropolitan police service": "Metropolitan",
    "met police": "Metropolitan",
    "mopac": "Metropolitan",
    "psni": "Police Service of Northern Ireland",
    "leicester, leicestershire and rutland": "Leicestershire",
    "leicestershire and rutland": "Leicestershire",
    "scottish police authority": "Police Scotland",
    "scottish": "Police Scotland",
    "mayor's office for policing and crime": "Metropolitan",
    "btp": "British Transport Police",
    "btpa": "British Transport Police",
    "british transport police authority": "British Transport Police",
}

_BODY_WORD = r"(?:police|constabulary|opcc|pcc|office|headquarters|commissioner|crime|fire)\b"
_PLACE_WORD = rf"(?!(?i:{_BODY_WORD}|the\b|and\b|of\b))[A-Z][\w'’-]*"
_PLACE = rf"(?P<place>{_PLACE_WORD}(?:(?:[ \t]+(?i:and|&|of)[ \t]+|[ \t]+){_PLACE_WORD}){{0,3}})"
_COMMISSIONER_FOR = re.compile(
    r"(?i:police,?\s+(?:fire\s+)?(?:and|&)\s+crime\s+commissioner|\bO?P(?:F)?CC|commissioner)"
    rf"[ \t]+(?i:for|of)[ \t]+(?:(?i:the)[ \t]+)?{_PLACE}"
)
_PLACE_THEN_BODY = re.compile(
    rf"(?<![\w'’-]){_PLACE}[ \t]+(?i:police(?:,\s*fire)?\s+(?:and|&)\s+crime\s+commissioner|"
    r"police\b|constabulary\b|OPCC\b|PCC\b)"
)
_NOT_PLACES = {
    "the", "office", "deputy", "chief", "national", "local", "neighbourhood", "community",
    "british", "transport", "military", "civil", "nuclear", "special", "of", "and", "for",
    "regional", "metropolitan police", "this", "a", "our", "each", "every", "other", "uk",
    "england", "wales", "england and wales", "home", "college", "state", "all", "former",
}  # fmt: skip
_WORDS_TO_DROP = re.compile(r"\s+(?:police|constabulary|opcc|pcc|office)$", re.IGNORECASE)


def _canonical(place: str) -> str | None:
    place = _WORDS_TO_DROP.sub("", re.sub(r"\s+", " ", place.strip(" ,.;:"))).strip()
    key = place.lower()
    if not place or key in _NOT_PLACES or key.split()[0] in _NOT_PLACES:
        return None
    if key in _ALIASES:
        return _ALIASES[key]
    for force in FORCES:
        if force.lower() == key:
            return force
    # words run in before the place ("Document Pack Devon and Cornwall", "Panel
    # CAMBRIDGESHIRE"): the known force or alias it ends with
    for known, force in (*((f.lower(), f) for f in FORCES), *_ALIASES.items()):
        if key.endswith(" " + known):
            return force
    return place.title() if place.isupper() else place


def _from_patterns(text: str) -> str | None:
    for pattern in (_COMMISSIONER_FOR, _PLACE_THEN_BODY):
        for match in pattern.finditer(text):
            place = _canonical(match.group("place"))
            if place is None:
                continue
            if place not in FORCES and len(place.split()) >= 2 and looks_like_name(place):
                continue  # "John Campion Police and Crime Commissioner": a person, not a place
            return place
    return None


def _force_counts(text: str) -> Counter[str]:
    """How often each force is named, as written or in capitals ("GREATER MANCHESTER")."""
    counts: Counter[str] = Counter()
    for force in FORCES:
        found = len(re.findall(rf"\b(?:{re.escape(force)}|{re.escape(force.upper())})\b", text))
        if found:
            counts[force] += found
    for alias, force in _ALIASES.items():
        found = len(re.findall(rf"\b{re.escape(alias)}\b", text, re.IGNORECASE))
        if found:
            counts[force] += found
    return counts


def detect_body(text: str, header_lines: Sequence[str] = ()) -> str | None:
    """The force or PCC area the document belongs to, or None."""
    head = "\n".join(header_lines)
    from_header = _from_patterns(head) if head else None
    if from_header is not None:
        return from_header
    counts = _force_counts(text)
    if counts:
        return counts.most_common(1)[0][0]
    return _from_patterns(text)
