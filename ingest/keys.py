"""Keys that tell records apart: names, bodies and meetings, folded for comparison."""

from __future__ import annotations

import re


def name_key(name: str) -> str:
    """White space collapsed and case folded: "John  Campion" and "john campion" are one."""
    return re.sub(r"\s+", " ", name).strip().casefold()


def body_key(body: str | None) -> str:
    return name_key(body) if body else ""


CHAIR_IDENTITY_PREFIX = "chair:"


def meeting_identity_key(body: str | None, chair: str | None) -> str:
    """The body's key; for a document naming no body, its chair's; "" when neither is known.

    Without it, two bodies' minutes that name no body, of the same kind and date,
    would be taken for versions of one meeting.
    """
    if body and (key := body_key(body)):
        return key
    if chair and (key := name_key(chair)):
        return CHAIR_IDENTITY_PREFIX + key
    return ""
