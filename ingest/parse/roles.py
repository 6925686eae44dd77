"""Police governance roles and their usual abbreviations (PCC, CC, DCC ...).

``abbreviation_for("Deputy Chief Constable")`` gives ``"DCC"``;
``role_for_abbreviation("PCC")`` gives the full capacity. Ranks and offices are matched
on the head of a capacity ("Chief Executive, OPCC" -> "Chief Executive"), with the usual
prefixes: Temporary (T/), Acting (A/) and "Director of ..." (DoF, DoP ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word that makes a post an office someone holds: at least one closes the post named
# beside a person ("Jo Hale, Scrutiny Manager"; "The Chief Constable's representative").
OFFICE_WORD = re.compile(
    r"\b(?:Commissioner|Constable|Officer|Executive|Director|Treasurer|Clerk|Solicitor|"
    r"Secretary|Manager|Superintendent|Inspector|Head|Adviser|Advisor|Auditor|Accountant|Lead)\b"
)


@dataclass(frozen=True)
class Role:
    name: str
    abbreviation: str
    aliases: tuple[str, ...] = ()


ROLES: tuple[Role, ...] = (
    Role("Police, Fire and Crime Commissioner", "PFCC", ("Police Fire and Crime Commissioner",)),
    Role(
        "Deputy Police, Fire and Crime Commissioner",
        "DPFCC",
        ("Deputy Police Fire and Crime Commissioner", "Deputy PFCC"),
    ),
    Role("Police and Crime Commissioner", "PCC", ("Police & Crime Commissioner",)),
    Role("Deputy Police and Crime Commissioner", "DPCC", ("Deputy PCC",)),
    Role("Assistant Police and Crime Commissioner", "APCC", ("Assistant PCC",)),
    Role(
        "Office of the Police and Crime Commissioner",
        "OPCC",
        ("Office of the PCC", "Office of the Police & Crime Commissioner"),
    ),
    Role("Mayor's Office for Policing and Crime", "MOPAC"),
    Role("Chief Constable", "CC"),
    Role("Deputy Chief Constable", "DCC"),
    Role("Assistant Chief Constable", "ACC"),
    Role("Assistant Chief Officer", "ACO"),
    Role("Detective Chief Superintendent", "DCS", ("Det Ch Supt", "Det Chief Supt", "D/Ch Supt")),
    Role("Chief Superintendent", "Ch Supt", ("Chief Supt", "C/Supt", "Ch/Supt")),
    Role(
        "Detective Superintendent",
        "Det Supt",
        ("D/Supt", "DSupt", "D Supt", "Detective Supt", "DC/Supt"),
    ),
    Role("Superintendent", "Supt"),
    Role("Detective Chief Inspector", "DCI", ("D/Chief Inspector", "D/Ch Insp", "D/CI")),
    Role("Chief Inspector", "CI", ("Ch Insp", "Chief Insp", "C/Insp", "Ch/Insp")),
    Role("Detective Inspector", "DI"),
    Role("Inspector", "Insp"),
    Role("Detective Sergeant", "DS"),
    Role("Sergeant", "Sgt", ("Police Sergeant",)),
    Role("Detective Constable", "DC"),
    Role("Police Constable", "PC"),
    Role("Police Community Support Officer", "PCSO"),
    Role("Chief Executive", "CEO", ("Chief Executive Officer", "Chief Exec")),
    Role("Deputy Chief Executive", "DCE", ("Deputy Chief Executive Officer",)),
    Role("Chief Finance Officer", "CFO", ("Chief Financial Officer",)),
    Role("Chief Operating Officer", "COO"),
    Role("Assistant Chief Fire Officer", "ACFO"),
    Role("Monitoring Officer", "MO"),
    Role("Senior Policy Manager", "SPM"),
    Role("Senior Policy Officer", "SPO"),
    Role("Senior Policy Adviser", "SPA", ("Senior Policy Advisor",)),
    Role("Policy Manager", "PM"),
    Role("Policy Officer", "PO"),
    Role("Policy Adviser", "PA", ("Policy Advisor",)),
    Role("Policy Assistant", "PA"),
    Role("Staff Officer", "SO"),
    Role("Head of Professional Standards", "HoPS"),
    Role("Professional Standards Department", "PSD"),
)

_SMALL_WORDS = {"and", "of", "the", "for", "&", "to", "in"}
_HEAD_SPLIT = re.compile(r"\s*(?:,|;|\(|\s[-–—]\s|\bfor\b|\bto the\b|\bto\b)\s*", re.IGNORECASE)
_TEMPORARY = re.compile(r"^(?P<prefix>temporary|temp\.?|acting|interim)\s+(?P<rest>.+)$", re.I)
_DIRECTOR_OF = re.compile(r"^director of\s+(?P<area>.+)$", re.IGNORECASE)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("&", "and")).strip(" .").lower()


_BY_NAME: dict[str, Role] = {}
_BY_ABBREVIATION: dict[str, Role] = {}
for _role in ROLES:
    for _name in (_role.name, *_role.aliases):
        _BY_NAME.setdefault(_key(_name), _role)
    _BY_ABBREVIATION.setdefault(_key(_role.abbreviation), _role)
_BY_ABBREVIATION.update({"cex": _BY_NAME["chief executive"], "ceo": _BY_NAME["chief executive"]})

ROLE_NAMES_LONGEST_FIRST: tuple[str, ...] = tuple(
    sorted({name for role in ROLES for name in (role.name, *role.aliases)}, key=len, reverse=True)
)


def role_for_abbreviation(abbreviation: str) -> Role | None:
    """The role an abbreviation stands for ("PCC", "Ch Supt", "T/Supt" -> Superintendent)."""
    key = _key(abbreviation)
    if key in _BY_ABBREVIATION:
        return _BY_ABBREVIATION[key]
    if "/" in key and key in _BY_NAME:  # an alias written as an abbreviation ("Ch/Supt")
        return _BY_NAME[key]
    if key[:2] in ("t/", "a/"):
        return _BY_ABBREVIATION.get(key[2:])
    return None


def role_for_name(capacity: str) -> Role | None:
    """The role a capacity names exactly, ignoring case, '&' and spacing."""
    return _BY_NAME.get(_key(capacity))


def capacity_head(capacity: str) -> str:
    """The rank or office a capacity starts with: "Chief Executive, OPCC" -> "Chief Executive"."""
    return _HEAD_SPLIT.split(capacity.strip(), maxsplit=1)[0].strip(" .")


def _director_abbreviation(area: str) -> str:
    initials = "".join(word[0].upper() for word in area.split() if word.lower() not in _SMALL_WORDS)
    return f"Do{initials}" if initials else ""


def abbreviation_for(capacity: str) -> str | None:
    """The usual abbreviation of a capacity, or None when the role is not a known one."""
    text = capacity.strip()
    if not text:
        return None
    whole = role_for_name(text)
    if whole is not None:
        return whole.abbreviation
    if role_for_abbreviation(text) is not None:
        return text
    head = capacity_head(text)
    role = role_for_name(head)
    if role is not None:
        return role.abbreviation
    temporary = _TEMPORARY.match(head)
    if temporary:
        inner = abbreviation_for(temporary.group("rest"))
        prefix = "A/" if temporary.group("prefix").lower() == "acting" else "T/"
        return f"{prefix}{inner}" if inner else None
    director = _DIRECTOR_OF.match(head)
    if director:
        return _director_abbreviation(director.group("area")) or None
    return None


def expand_abbreviation(abbreviation: str) -> str | None:
    """The full capacity for a known abbreviation, keeping a T/ or A/ prefix in words."""
    role = role_for_abbreviation(abbreviation)
    if role is None:
        return None
    key = _key(abbreviation)
    if key.startswith("t/") and key[2:] in _BY_ABBREVIATION:
        return f"Temporary {role.name}"
    if key.startswith("a/") and key[2:] in _BY_ABBREVIATION:
        return f"Acting {role.name}"
    return role.name
