"""Which earlier action a status statement names ("Action 3 closed", "all actions from
the last meeting were complete"), from the records alone.

A statement names a meeting: the one its section or sentence names (a stored meeting of
the stating meeting's body held on that day, or in that month when only the month is
known, the closest title first), else the body's previous meeting of the same kind.
Among that meeting's actions it names:

* by number: the action the meeting raised with that number (its reference, or its
  place among the actions a document raises without numbers, as ``match.numbered``
  counts them), the minutes' record before an action log's; the words in brackets
  ("(DASH dip sample)") confirm it or lower the confidence;
* by words alone: the raised action worded most like them, when clearly so;
* every action, or every other one: each action the meeting raised, those the same
  document names by number left out for "all other actions".

The confidence is how plainly the text says it, times how surely the action is found:
a meeting named by day, by month, or taken as the previous one; a number whose words
agree, a number alone, or words alone. Every choice is made in the records' order, so
the same records give the same events however they arrived.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from rapidfuzz import fuzz

from ingest.keys import name_key
from ingest.lifecycle.facts import DOCUMENT_RANK, ActionFacts, MeetingFacts, StatementFacts
from ingest.lifecycle.match import numbered, reference_key, wording
from ingest.parse.action_status_lines import Reach

# How surely the meeting is the one meant.
NAMED_DAY: Final = 1.0
NAMED_MONTH: Final = 0.9
PREVIOUS: Final = 0.85
# How surely the action is the one meant, within the meeting.
NUMBER_AND_WORDS: Final = 1.0
NUMBER_ALONE: Final = 0.95
NUMBER_OTHER_WORDS: Final = 0.6  # the number's action is worded otherwise
COUNT_DIFFERS: Final = 0.6  # "all four actions" of a meeting that raised three
# rapidfuzz scores (0-100).
LABEL_AGREES: Final = 40.0  # the words in brackets within the action's (token set)
WORDED_AT_LEAST: Final = 70.0  # an action named by its words alone


@dataclass(frozen=True)
class SaidDraft:
    """A statement found to name an action, and how sure that is."""

    statement: StatementFacts
    action_id: int
    confidence: float


def origin_meeting(
    statement: StatementFacts, meetings: Sequence[MeetingFacts]
) -> MeetingFacts | None:
    """The stored meeting a dated statement names among ``meetings``: of the stating
    meeting's body, held before it, on its origin day or (for the first of a month) in
    that month; the closest title, then the earliest, first."""
    day = statement.origin_date
    stating = statement.meeting
    if day is None:
        return None
    same = [
        m
        for m in meetings
        if m.identity_key == stating.identity_key
        and m.id != stating.id
        and m.date is not None
        and (stating.date is None or m.date < stating.date)
    ]
    chosen = [m for m in same if m.date == day]
    if not chosen and day.day == 1:
        chosen = [
            m for m in same if m.date and (m.date.year, m.date.month) == (day.year, day.month)
        ]
    title = name_key(statement.origin_title or "")
    chosen.sort(
        key=lambda m: (-fuzz.token_set_ratio(title, name_key(m.title)), m.date, m.kind.value)
    )
    return chosen[0] if chosen else None


def _meeting_confidence(statement: StatementFacts, meeting: MeetingFacts) -> float:
    if statement.origin_date is None:
        return PREVIOUS
    return NAMED_DAY if meeting.date == statement.origin_date else NAMED_MONTH


def _raised(actions: Sequence[ActionFacts]) -> list[ActionFacts]:
    """The actions the meeting raised, each once: those of its highest-ranked document
    (the minutes before an action log or agenda recording the same), in order."""
    raised = [a for a in actions if not a.carried]
    if not raised:
        return []
    best = min(DOCUMENT_RANK[a.document_type] for a in raised)
    return sorted(
        (a for a in raised if DOCUMENT_RANK[a.document_type] == best), key=lambda a: a.order_key
    )


def _words(label: str, action: ActionFacts) -> float:
    return fuzz.token_set_ratio(wording(label), wording(action.text))


def _by_number(
    statement: StatementFacts, actions: Sequence[ActionFacts], numbers: dict[int, str]
) -> tuple[ActionFacts, float] | None:
    """The action of the number the statement gives: one the meeting raised before one it
    carried, the minutes' before an action log's; the statement's words choose between
    two worded differently, and say how sure the match is."""
    key = reference_key(statement.reference)
    matching = [a for a in actions if key is not None and numbers.get(a.id) == key]
    if not matching:
        return None

    def rank(action: ActionFacts) -> tuple[bool, int]:
        return action.carried, DOCUMENT_RANK[action.document_type]

    best = min(rank(a) for a in matching)
    tied = sorted((a for a in matching if rank(a) == best), key=lambda a: a.order_key)
    if len({a.text for a in tied}) > 1:
        if not statement.label:
            return None
        scored = sorted(((_words(statement.label, a), a.order_key, a) for a in tied), key=_first)
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            return None
        tied = [scored[0][2]]
    action = tied[0]
    if not statement.label:
        return action, NUMBER_ALONE
    agrees = _words(statement.label, action) >= LABEL_AGREES
    return action, NUMBER_AND_WORDS if agrees else NUMBER_OTHER_WORDS


def _first(scored: tuple[float, object, ActionFacts]) -> tuple[float, object]:
    return -scored[0], scored[1]


def _by_words(
    statement: StatementFacts, raised: Sequence[ActionFacts]
) -> tuple[ActionFacts, float] | None:
    """The raised action worded most like the statement's words, when clearly so."""
    if not statement.label:
        return None
    scored = sorted(
        ((_words(statement.label, a), a.order_key, a) for a in raised), key=lambda s: _first(s)
    )
    if not scored or scored[0][0] < WORDED_AT_LEAST:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0] and scored[1][2].text != scored[0][2].text:
        return None
    return scored[0][2], scored[0][0] / 100


def said_of_meeting(
    meeting: MeetingFacts,
    actions: Sequence[ActionFacts],
    statements: Sequence[StatementFacts],
) -> list[SaidDraft]:
    """What ``statements`` (each naming ``meeting``) say of its ``actions``: one draft per
    statement and action it names, in the statements' order."""
    numbers = numbered(actions)
    raised = _raised(actions)
    ordered = sorted(statements, key=lambda s: s.order_key)
    found: list[SaidDraft] = []
    named_by_document: dict[int, set[int]] = {}
    for statement in ordered:
        if statement.reach is not Reach.ONE:
            continue
        chosen = (
            _by_number(statement, actions, numbers)
            if statement.reference
            else _by_words(statement, raised)
        )
        if chosen is None:
            continue
        action, sure = chosen
        named_by_document.setdefault(statement.document_id, set()).add(action.id)
        confidence = statement.confidence * _meeting_confidence(statement, meeting) * sure
        found.append(SaidDraft(statement, action.id, round(confidence, 2)))
    for statement in ordered:
        if statement.reach is Reach.ONE:
            continue
        targets = raised
        if statement.reach is Reach.OTHERS:
            left_out = named_by_document.get(statement.document_id, set())
            targets = [a for a in raised if a.id not in left_out]
        sure = _meeting_confidence(statement, meeting)
        if statement.count is not None and statement.count != len(raised):
            sure *= COUNT_DIFFERS
        confidence = round(statement.confidence * sure, 2)
        found += [SaidDraft(statement, a.id, confidence) for a in targets]
    order = {s.id: n for n, s in enumerate(ordered)}
    return sorted(found, key=lambda d: order[d.statement.id])
