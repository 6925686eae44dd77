"""What a database holds, by content: the same files ingested into two databases give equal
contents though their ids differ."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncEngine

from records.db import session_factory
from records.models import Action, ActionUpdate, AgendaItem, Meeting, Metric, SourceDocument

# Columns that differ between two databases holding the same records.
_NOT_CONTENT = {"created_at", "updated_at", "ingested_at"}
_MODELS: tuple[type[Any], ...] = (Meeting, SourceDocument, AgendaItem, Action, ActionUpdate, Metric)


async def record_contents(engine: AsyncEngine) -> dict[str, list[tuple[Any, ...]]]:
    """Each record table's rows, sorted, as tuples of their own columns (ids, links and
    times left out) with the identity of the meeting they belong to."""
    contents: dict[str, list[tuple[Any, ...]]] = {}
    async with session_factory(engine)() as session:
        meetings = dict((await session.execute(select(Meeting.id, Meeting.identity_key))).all())
        documents = dict(
            (await session.execute(select(SourceDocument.id, SourceDocument.sha256))).all()
        )
        for model in _MODELS:
            columns = [
                attribute.key
                for attribute in inspect(model).column_attrs
                if not attribute.columns[0].primary_key
                and not attribute.columns[0].foreign_keys
                and attribute.columns[0].name not in _NOT_CONTENT
            ]
            records = await session.scalars(select(model))
            contents[model.__name__] = sorted(
                (
                    (
                        *(_plain(getattr(record, column)) for column in columns),
                        meetings.get(getattr(record, "meeting_id", None)),
                        documents.get(getattr(record, "document_id", None)),
                    )
                    for record in records
                ),
                key=repr,
            )
    return contents


def _plain(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, sort_keys=True)
    return value
