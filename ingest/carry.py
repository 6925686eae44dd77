"""Updates pushed by force systems, carried from an old version of a document to the new one.

A new version of a document replaces the old one's records. The updates that came
from the minutes are parsed again from the new text; the ones pushed later through
the API (``updateAction``: no source document) exist nowhere else, so before the old
actions go their pushed updates are read, and afterwards each is appended to the
matching action of the new version, whose status and due date it sets again. An
action is matched by its text as written, else by its reference ("3"), else by a
text at least ``SIMILAR_TEXT`` similar; updates of an action that the new version no
longer has are dropped with a warning on the new document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Protocol, TypeVar

from rapidfuzz import fuzz
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.keys import name_key
from records.enums import ActionStatus, DocumentType
from records.models import Action, ActionUpdate, SourceDocument

# rapidfuzz token_sort_ratio (0-100) at which two action texts are taken as one action.
SIMILAR_TEXT: Final = 85.0


@dataclass(frozen=True)
class PushedUpdate:
    """An update pushed through the API, with what identified its action."""

    action_reference: str | None
    action_text: str
    text: str
    status: ActionStatus | None
    due_date: dt.date | None
    author: str | None
    created_at: dt.datetime


async def pushed_updates(
    session: AsyncSession, meeting_id: int, document_type: DocumentType
) -> list[PushedUpdate]:
    """The pushed updates of the actions of ``meeting_id``'s documents of this type, in order."""
    documents = select(SourceDocument.id).where(
        SourceDocument.meeting_id == meeting_id, SourceDocument.document_type == document_type
    )
    return await pushed_updates_of(session, documents)


async def pushed_updates_of(
    session: AsyncSession, documents: Select[Any] | Sequence[int]
) -> list[PushedUpdate]:
    """The pushed updates of the actions made from ``documents`` (ids, or a query of
    them), in order."""
    rows = await session.execute(
        select(ActionUpdate, Action.reference, Action.text)
        .join(Action, Action.id == ActionUpdate.action_id)
        .where(Action.document_id.in_(documents), ActionUpdate.document_id.is_(None))
        .order_by(ActionUpdate.created_at, ActionUpdate.id)
    )
    return [
        PushedUpdate(
            action_reference=reference,
            action_text=action_text,
            text=update.text,
            status=update.status,
            due_date=update.due_date,
            author=update.author,
            created_at=update.created_at,
        )
        for update, reference, action_text in rows
    ]


class WrittenAction(Protocol):
    """An action as written: a stored ``Action`` or a parsed ``ActionDraft``."""

    @property
    def reference(self) -> str | None: ...

    @property
    def text(self) -> str: ...


A = TypeVar("A", bound=WrittenAction)


@dataclass(frozen=True)
class CarryPlan:
    """Where the pushed updates go among a new version's actions (by place), in the order
    they were pushed, and a warning per old action the new version does not have."""

    updates: list[tuple[int, PushedUpdate]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def status_and_due(
        self, place: int, status: ActionStatus, due_date: dt.date | None
    ) -> tuple[ActionStatus, dt.date | None]:
        """An action's status and due date once its carried updates set them again."""
        for carried_to, update in self.updates:
            if carried_to == place:
                status = update.status if update.status is not None else status
                due_date = update.due_date if update.due_date is not None else due_date
        return status, due_date


def carry_plan(pushed: Sequence[PushedUpdate], actions: Sequence[WrittenAction]) -> CarryPlan:
    """Match each pushed update to one of a new version's ``actions`` (before they are
    written, so that they are written with them)."""
    plan = CarryPlan()
    dropped: dict[tuple[str | None, str], int] = {}
    for update in pushed:
        action = match_action(update.action_reference, update.action_text, actions)
        if action is None:
            key = (update.action_reference, update.action_text)
            dropped[key] = dropped.get(key, 0) + 1
            continue
        plan.updates.append((next(n for n, a in enumerate(actions) if a is action), update))
    plan.warnings.extend(_dropped_warning(ref, text, n) for (ref, text), n in dropped.items())
    return plan


def match_action(reference: str | None, text: str, actions: Sequence[A]) -> A | None:
    """The action of a new version that is the old action with this reference and text."""
    wanted = name_key(text)
    same_text = [a for a in actions if name_key(a.text) == wanted]
    if len(same_text) == 1:
        return same_text[0]
    if reference:
        same_reference = [a for a in actions if a.reference == reference]
        if len(same_reference) == 1:
            return same_reference[0]
    scored = [(fuzz.token_sort_ratio(wanted, name_key(a.text)), a) for a in actions]
    best = max(scored, key=lambda pair: pair[0], default=None)
    if best is None or best[0] < SIMILAR_TEXT:
        return None
    if sum(1 for score, _ in scored if score == best[0]) > 1:
        return None  # two equally good candidates: not sure which
    return best[1]


def _dropped_warning(reference: str | None, text: str, count: int) -> str:
    what = f"action {reference}" if reference else "an action"
    updates = "update" if count == 1 else "updates"
    shown = text if len(text) <= 60 else text[:57] + "..."
    return (
        f"{count} {updates} pushed to {what} ({shown!r}) dropped: "
        "this version has no matching action"
    )
