"""The linked graph of actions (links, lifecycles, events) named by file and position, so
that two databases holding the same records under other ids compare equal."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from records.db import session_factory
from records.models import Action, ActionEvent, ActionLifecycle, ActionLink, SourceDocument

ActionKey = tuple[str, int]  # (file name, position): an action, whatever its id


async def action_keys(engine: AsyncEngine) -> dict[int, ActionKey]:
    """Every action's id, and its key: the file it was read from and its place there."""
    async with session_factory(engine)() as session:
        rows = await session.execute(
            select(Action.id, SourceDocument.file_name, Action.position).join(
                SourceDocument, SourceDocument.id == Action.document_id
            )
        )
        return {action_id: (name, position) for action_id, name, position in rows}


async def linked_graph(engine: AsyncEngine) -> dict[str, Any]:
    """Links, lifecycles and events, named by file and position instead of ids."""
    key = await action_keys(engine)
    async with session_factory(engine)() as session:
        links = await session.scalars(select(ActionLink))
        lifecycles = await session.scalars(select(ActionLifecycle))
        events = await session.scalars(select(ActionEvent))
        return {
            "links": sorted(
                (key[x.earlier_action_id], key[x.later_action_id], x.kind, x.confidence, x.reason)
                for x in links
            ),
            "lifecycles": sorted(
                (
                    key[x.action_id],
                    key[x.chain_key],
                    x.in_chain,
                    x.raised_on,
                    x.closed_on,
                    x.status,
                    x.times_deferred,
                    x.due_date,
                    x.due_basis,
                    x.last_seen_on,
                )
                for x in lifecycles
            ),
            "events": sorted(
                (key[x.chain_key], x.sequence, key[x.action_id], x.kind, x.status, x.date, x.text)
                for x in events
            ),
        }
