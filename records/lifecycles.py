"""What a lifecycle's summary (``ActionLifecycle``) says about a day, as SQL conditions.

A lifecycle's summary is written from its status events (``ActionEvent``) when its
actions are linked: ``raised_on`` is the day of the event that raised it, ``closed_on``
the day of the event that last took it to completed or cancelled (cleared when a later
one reopens it). The action filters (``openAt``, ``overdueAt``) and the theme timelines
read "open on a day" through ``open_on`` (or ``open_spell``, the same days worked out
from a summary's values), so that an action is open on the same days whichever of them
is asked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, or_
from sqlalchemy.orm import aliased

from records.enums import ActionStatus, DocumentType, LinkKind
from records.models import Action, ActionLifecycle, ActionLink, SourceDocument

# Statuses that end a lifecycle.
DONE = (ActionStatus.COMPLETED, ActionStatus.CANCELLED)
_DONE_VALUES = frozenset(str(status) for status in DONE)


def head() -> ColumnElement[bool]:
    """The summary row of the action that raised its lifecycle: each lifecycle once."""
    return ActionLifecycle.chain_key == ActionLifecycle.action_id


# Documents of one meeting in the order their records stand for it: the minutes first.
DOCUMENT_RANK = {DocumentType.MINUTES: 0, DocumentType.ACTION_LOG: 1, DocumentType.AGENDA: 2}


def _rank(document: Any) -> ColumnElement[int]:
    """``DOCUMENT_RANK`` of a document's type, in SQL."""
    return case(*((document.document_type == kind, rank) for kind, rank in DOCUMENT_RANK.items()))


def recorded_again(action: Any = Action) -> ColumnElement[bool]:
    """An action that another document of its meeting records first: an action-log row
    repeating an action of the minutes (linked to it as ``SAME_MEETING``), or, for an
    action both carry in from an earlier meeting, continuing the same earlier action as
    the minutes' record of it does (each linked to it as ``ORIGIN``, however far apart
    their wordings: "Police staff turnover by department refreshed with staff survey
    results" in the log, "police staff turnover by department" in the minutes). A meeting
    lists the action once, as the minutes give it; the row stays, linked as it was."""
    same_meeting = exists().where(
        ActionLink.later_action_id == action.id, ActionLink.kind == LinkKind.SAME_MEETING
    )
    own, sibling = aliased(ActionLink), aliased(ActionLink)
    other = aliased(Action)
    own_document, other_document = aliased(SourceDocument), aliased(SourceDocument)
    carried_twice = exists().where(
        own.later_action_id == action.id,
        own.kind == LinkKind.ORIGIN,
        sibling.earlier_action_id == own.earlier_action_id,
        sibling.kind == LinkKind.ORIGIN,
        sibling.later_action_id == other.id,
        other.id != action.id,
        other.meeting_id == action.meeting_id,
        other.document_id == other_document.id,
        own_document.id == action.document_id,
        _rank(other_document) < _rank(own_document),
    )
    return or_(same_meeting, carried_twice)


def open_on(day: dt.date | ColumnElement[Any], cycle: Any = ActionLifecycle) -> ColumnElement[bool]:
    """Raised by ``day`` (a date, or a column of dates) and not closed by it: a condition
    on ``cycle``, the summaries' table or the columns of a selection of its rows.

    A lifecycle whose raising day is not known (its meeting has no date) counts as
    raised, as the ``overdue`` field has it; one closed on a day not known (it is done
    and has no ``closed_on``) is open on no day.
    """
    raised = or_(cycle.raised_on.is_(None), cycle.raised_on <= day)
    not_closed = or_(
        and_(cycle.closed_on.is_(None), cycle.status.not_in(DONE)), cycle.closed_on > day
    )
    return and_(raised, not_closed)


def open_spell(
    raised_on: dt.date | None, closed_on: dt.date | None, status: ActionStatus | str | None
) -> tuple[dt.date | None, dt.date | None] | None:
    """The days ``open_on`` holds a lifecycle open, from what its summary says: (from,
    until), open on a day that is on or after ``from`` (any day when None) and before
    ``until`` (for ever when None); None when it is open on no day (done, on a day not
    known)."""
    if closed_on is not None:
        return raised_on, closed_on
    if status is not None and str(status) in _DONE_VALUES:
        return None
    return raised_on, None
