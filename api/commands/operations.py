"""GraphQL operations run in process by the commands that print records.

``timeline`` and ``chain`` read through the schema the server serves, as the search
page does, so that what they print is what the API answers for the same arguments.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

from api.commands.common import runtime
from api.searchers import SearcherPool
from api.settings import Settings
from indexer.sync import apply_changes
from records import clock
from records.db import session_factory
from schema import build_schema
from schema.context import Context
from schema.permissions import READER

Execute = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]
# Where Strawberry logs each error of an operation, with its traceback.
_STRAWBERRY_ERRORS = logging.getLogger("strawberry.execution")


class OperationError(Exception):
    """An operation answered with errors: the first one's message and code."""

    def __init__(self, message: str, code: str | None) -> None:
        super().__init__(message)
        self.code = code


@asynccontextmanager
async def operations(settings: Settings, *, search: bool = False) -> AsyncIterator[Execute]:
    """``execute(document, variables)``: the data of one operation, or an OperationError.

    With ``search`` the index first applies what it has not seen of the database (as
    ``assurance search`` does) and the operations may search it."""
    async with runtime(settings) as rt:
        pool: SearcherPool | None = None
        if search:
            await apply_changes(rt.engine, rt.index)
            pool = SearcherPool(rt.index)
            await pool.load_glossary(session_factory(rt.engine))
        schema = build_schema()

        async def execute(document: str, variables: dict[str, Any]) -> dict[str, Any]:
            context = Context(
                engine=rt.engine,
                searcher=pool.get if pool else None,
                role=READER,
                today=clock.today(settings.zone),
            )
            with _unlogged_errors():
                result = await schema.execute(
                    document, variable_values=variables, context_value=context
                )
            if result.errors:
                first = result.errors[0]
                raise OperationError(first.message, (first.extensions or {}).get("code"))
            assert result.data is not None
            return result.data

        try:
            yield execute
        finally:
            if pool is not None:
                pool.close()


@contextmanager
def _unlogged_errors() -> Iterator[None]:
    """Errors are the command's to report, in one line, not Strawberry's to log."""

    def drop(record: logging.LogRecord) -> bool:
        return False

    _STRAWBERRY_ERRORS.addFilter(drop)
    try:
        yield
    finally:
        _STRAWBERRY_ERRORS.removeFilter(drop)
