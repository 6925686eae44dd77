"""Keys that tell records apart: names, bodies and meetings, folded for comparison."""

from __future__ import annotations

import re


def name_key(name: str) -> str:
    """White space collapsed and case folded: "John  Campion" and "john campion" are one."""
    return re.sub(r"\s+", " ", name).strip().casefold()


def body_key(body: str | None) -> str:
    return name_key(body) if body else ""


CHAIR_IDENTITY_PREFIX = "chair:"


FIRE_IDENTITY_SUFFIX = "/fire"
_FIRE = re.compile(r"\bfire\b", re.IGNORECASE)
_POLICE = re.compile(r"\bpolic(?:e|ing)\b", re.IGNORECASE)
# The office over both services, whose name says "police" in a fire board's title too:
# "Police, Fire and Crime Commissioner's Fire and Rescue Accountability Board".
_BOTH_SERVICES = re.compile(
    r"\bpolice,?\s+fire\s+(?:and|&)\s+crime\s+(?:commissioner|panel)", re.IGNORECASE
)


def is_fire_board(title: str | None, key: str) -> bool:
    """Whether a meeting of a body (``key``, its body key) that does not name the fire
    service is its fire board: its title names the fire service and not the police ("Fire
    Accountability Board")."""
    if not title or _FIRE.search(key):
        return False
    title = _BOTH_SERVICES.sub(" ", title)
    return bool(_FIRE.search(title) and not _POLICE.search(title))


def meeting_identity_key(body: str | None, chair: str | None, *, title: str | None) -> str:
    """The body's key; for a document naming no body, its chair's; "" when neither is known.

    Without it, two bodies' minutes that name no body, of the same kind and date,
    would be taken for versions of one meeting. A commissioner over police and fire holds
    a board for each, often on the same day: the fire board's key ends in
    ``FIRE_IDENTITY_SUFFIX`` (see ``is_fire_board``), so that its minutes do not replace the
    police board's.
    """
    if body and (key := body_key(body)):
        return key + FIRE_IDENTITY_SUFFIX if is_fire_board(title, key) else key
    if chair and (key := name_key(chair)):
        return CHAIR_IDENTITY_PREFIX + key
    return ""
