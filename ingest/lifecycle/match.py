"""Which earlier action a later one continues, from the records alone.

Three ways, tried in this order for each action:

* Carried: it names the meeting it came from ("Action 3 from the 14 March 2022
  meeting", an action log's "Date raised"). That meeting, a stored meeting of the same
  body on that date (or in that month when only the month is known), holds the
  earlier action: the one with the reference it cites and the closest wording.
* Same meeting: a row of a meeting's action log (or agenda) and the minutes' action it
  records, by reference and wording.
* Earlier meetings of the same body and kind (the last ``LOOK_BACK``): the same
  register reference ("SRP 21/14"), or the same wording and owner.

Every choice is made in the records' own order (``ActionFacts.order_key``), never by
database ids, so the same records give the same links however they arrived.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from rapidfuzz import fuzz

from ingest.keys import name_key
from ingest.lifecycle.facts import DOCUMENT_RANK, ActionFacts, MeetingFacts
from records.enums import LinkKind

# Earlier meetings of the same body and kind searched for an action not carried by name.
LOOK_BACK: Final = 3
# rapidfuzz scores (0-100).
CITED_WORDING: Final = 40.0  # with the cited reference: wording at least this close
CARRIED_WORDING: Final = 80.0  # without it: a carried action's words within the earlier one's
SAME_WORDING: Final = 88.0  # not carried: the whole wording this close (and the same owner)
SAME_MEETING_WORDING: Final = 75.0
# Register references ("SRP 21/14", "COG/A/014/2016") name one action across meetings;
# plain numbers ("3") start again at every meeting.
_REGISTER = re.compile(r"[A-Za-z/]")
# Owner prefixes ("FS and OR to ...") and joining words say nothing about what is asked.
_OWNER_LEAD = re.compile(r"^[\w/&.,' -]{1,60}?\bto\s+", re.IGNORECASE)


@dataclass(frozen=True)
class LinkDraft:
    earlier_id: int
    later_id: int
    kind: LinkKind
    confidence: float
    reason: str


def _reference_key(reference: str | None) -> str | None:
    if not reference:
        return None
    return re.sub(r"[\s.]+", "", reference).lower() or None


def _wording(text: str) -> str:
    key = name_key(text)
    lead = _OWNER_LEAD.match(key)
    return key[lead.end() :] if lead and len(key) - lead.end() > 12 else key


def reference_key(reference: str | None) -> str | None:
    """A reference as references are compared: spaces and stops left out, case folded
    ("SRP 21/14" and "srp21/14" alike, "3." and "3")."""
    return _reference_key(reference)


def wording(text: str) -> str:
    """What an action asks, as wordings are compared: its owner prefix left out."""
    return _wording(text)


def _contained(later: ActionFacts, earlier: ActionFacts) -> float:
    return fuzz.token_set_ratio(_wording(later.text), _wording(earlier.text))


def _alike(later: ActionFacts, earlier: ActionFacts) -> float:
    return fuzz.token_sort_ratio(_wording(later.text), _wording(earlier.text))


def _owners_agree(later: ActionFacts, earlier: ActionFacts) -> bool:
    return not later.owner_ids or not earlier.owner_ids or bool(later.owner_ids & earlier.owner_ids)


def _meeting_name(meeting: MeetingFacts) -> str:
    day = meeting.date.isoformat() if meeting.date else "undated"
    return f"{meeting.title} ({day})"


def _best(
    scored: Sequence[tuple[float, float, ActionFacts, str]],
) -> tuple[float, ActionFacts, str] | None:
    """The candidate with the highest confidence, then wording, then earliest in the
    records' order; None when two differ in nothing but their ids."""
    if not scored:
        return None
    ranked = sorted(scored, key=lambda s: (-s[0], -s[1], s[2].order_key))
    top = ranked[0]
    if len(ranked) > 1 and ranked[1][:2] == top[:2] and ranked[1][2].text == top[2].text:
        return None
    return top[0], top[2], top[3]


def numbered(candidates: Sequence[ActionFacts]) -> dict[int, str]:
    """The number each action goes by at its meeting: its reference; for the actions a
    document raises without numbers ("ACTION: AR to ..."), their place among them, as a
    later meeting counts them ("Action 1")."""
    numbers: dict[int, str] = {}
    by_document: dict[int, list[ActionFacts]] = {}
    for candidate in candidates:
        if key := _reference_key(candidate.reference):
            numbers[candidate.id] = key
        if not candidate.carried:
            by_document.setdefault(candidate.document_id, []).append(candidate)
    for raised in by_document.values():
        if all(c.reference is None for c in raised):
            for place, candidate in enumerate(sorted(raised, key=lambda c: c.position), 1):
                numbers[candidate.id] = str(place)
    return numbers


def origin_link(
    later: ActionFacts, origin: MeetingFacts, candidates: Sequence[ActionFacts]
) -> LinkDraft | None:
    """The action of ``origin`` (the meeting ``later`` names) that ``later`` carries."""
    cited = _reference_key(later.cited_reference)
    numbers = numbered(candidates)
    with_reference = [c for c in candidates if cited and numbers.get(c.id) == cited]
    raised_here = [c for c in with_reference if not c.carried]
    scored: list[tuple[float, float, ActionFacts, str]] = []
    for candidate in candidates:
        words = _contained(later, candidate)
        owners = bool(later.owner_ids & candidate.owner_ids)
        if candidate in with_reference and words >= CITED_WORDING:
            confidence, why = 0.95, f"cites action {later.cited_reference}, wording {words:.0f}%"
        elif raised_here == [candidate]:
            confidence, why = 0.85, f"cites action {later.cited_reference}"
        elif words >= CARRIED_WORDING and _owners_agree(later, candidate):
            confidence = round(0.5 + (words - CARRIED_WORDING) / 100 + (0.1 if owners else 0), 2)
            why = f"wording {words:.0f}%" + (", same owner" if owners else "")
        else:
            continue
        # The minutes' record ranks above an action log's, and the action raised at the
        # origin above one carried into it; then the closer wording.
        preference = (
            words - (1 if candidate.carried else 0) - 1000 * DOCUMENT_RANK[candidate.document_type]
        )
        scored.append((confidence, preference, candidate, why))
    best = _best(scored)
    if best is None:
        return None
    confidence, earlier, why = best
    return LinkDraft(
        earlier.id,
        later.id,
        LinkKind.ORIGIN,
        confidence,
        f"carried from {_meeting_name(origin)}: {why}",
    )


def same_meeting_link(later: ActionFacts, candidates: Sequence[ActionFacts]) -> LinkDraft | None:
    """The action of another, higher-ranked document of the same meeting (its minutes)
    that ``later``, an action-log or agenda row, records again."""
    rank = DOCUMENT_RANK[later.document_type]
    scored: list[tuple[float, float, ActionFacts, str]] = []
    for candidate in candidates:
        if DOCUMENT_RANK[candidate.document_type] >= rank:
            continue
        if later.carried != candidate.carried or later.origin_date != candidate.origin_date:
            continue
        same_reference = _reference_key(later.cited_reference) is not None and _reference_key(
            later.cited_reference
        ) == _reference_key(candidate.reference)
        words = _contained(later, candidate)
        if same_reference and words >= CITED_WORDING:
            confidence, why = 0.95, f"same reference {candidate.reference}, wording {words:.0f}%"
        elif words >= SAME_MEETING_WORDING and _owners_agree(later, candidate):
            confidence, why = round(words / 100 * 0.9, 2), f"wording {words:.0f}%"
        else:
            continue
        scored.append((confidence, words, candidate, why))
    best = _best(scored)
    if best is None:
        return None
    confidence, earlier, why = best
    kind = later.document_type.value.lower().replace("_", " ")
    return LinkDraft(
        earlier.id, later.id, LinkKind.SAME_MEETING, confidence, f"the {kind} records it: {why}"
    )


def earlier_meeting_link(
    later: ActionFacts, meetings: Sequence[tuple[MeetingFacts, Sequence[ActionFacts]]]
) -> LinkDraft | None:
    """For an action that names no origin: the action it repeats at the latest of the
    earlier meetings (newest first) that has one."""
    reference = _reference_key(later.reference)
    register = reference if reference and _REGISTER.search(reference) else None
    for meeting, candidates in meetings:
        scored: list[tuple[float, float, ActionFacts, str]] = []
        for candidate in candidates:
            if register and _reference_key(candidate.reference) == register:
                scored.append((0.9, 100.0, candidate, f"register reference {later.reference}"))
                continue
            words = _alike(later, candidate)
            if words >= SAME_WORDING and _owners_agree(later, candidate):
                shared = bool(later.owner_ids & candidate.owner_ids)
                confidence = round(words / 100 * (0.8 if shared else 0.7), 2)
                why = f"wording {words:.0f}%" + (", same owner" if shared else "")
                scored.append((confidence, words, candidate, why))
        best = _best(scored)
        if best is not None:
            confidence, earlier, why = best
            by_register = register is not None and _reference_key(earlier.reference) == register
            kind = LinkKind.REFERENCE if by_register else LinkKind.WORDING
            return LinkDraft(
                earlier.id,
                later.id,
                kind,
                confidence,
                f"again at {_meeting_name(later.meeting)} after {_meeting_name(meeting)}: {why}",
            )
    return None
