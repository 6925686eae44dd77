"""Per-request DataLoaders: one SQL statement per batch, through the request's reads.

The loaders return table rows (SQLAlchemy Core ``Row``s, read by attribute as model
instances are; see ``schema.reads``); the type modules turn them into GraphQL objects.
A batch that loads every agenda item of some meetings also answers, without a
statement of its own, each of those items' sub-items (``item_children``) and each
item by id (``item``): a meeting's sub-items are among its items.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Hashable, Sequence
from functools import cached_property
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Table, bindparam, exists, or_, select
from sqlalchemy.orm import aliased
from strawberry.dataloader import DataLoader

from records.lifecycles import recorded_again
from records.models import (
    Action,
    ActionEvent,
    ActionLifecycle,
    ActionLink,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Meeting,
    Metric,
    Person,
    SourceDocument,
    Theme,
    action_owners,
    action_themes,
    item_themes,
    meeting_themes,
)
from schema.errors import PublicError
from schema.pagination import AnySelect, Page, PageArgs, fetch_pages
from schema.reads import RequestReads
from schema.timeline_counts import PeriodCounts, TimelineKey, load_timelines

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# A table row (``sqlalchemy.Row``) of a model's table, read by attribute as the model's
# instances are: ``row.title``, ``row.meeting_id``.
Record = Any

ThemePageKey = tuple[int, PageArgs]
# The key column of a grouped batch, named apart from the record's own columns.
GROUP = "batch_key"


class Loader(DataLoader[K, V]):
    """A DataLoader that also keeps what the look-ahead loaded (``schema.prefetch``) as
    plain values, with no future per key: a page's relations are hundreds of keys, and
    each field answers from ``values`` at once (``schema.relations.related``)."""

    def __init__(self, load_fn: Callable[[list[K]], Awaitable[Sequence[V]]]) -> None:
        super().__init__(load_fn)
        self.values: dict[K, V] = {}

    def load(self, key: K) -> Awaitable[V]:
        if key in self.values:
            future: asyncio.Future[V] = asyncio.get_running_loop().create_future()
            future.set_result(self.values[key])
            return future
        return super().load(key)

    async def fill(self, keys: Sequence[K]) -> None:
        """Load ``keys`` into ``values``: those not loaded yet in one batch, those a batch
        is loading already by awaiting it."""
        pending = [key for key in keys if key not in self.values]
        if not pending:
            return
        loading = {key: found for key in pending if (found := self.cache_map.get(key))}
        missing = [key for key in pending if key not in loading]
        if missing:
            loaded = await self.load_fn(missing)
            for key, value in zip(missing, loaded, strict=True):
                if isinstance(value, BaseException):  # as DataLoader.load would raise it
                    raise value
                self.values[key] = value
        for key, future in loading.items():
            self.values[key] = await future


def columns(model: type[Any]) -> list[ColumnElement[Any]]:
    """Every column of ``model``'s table, to select its rows with Core."""
    table: Table = model.__table__
    return list(table.columns)


# The name of the bound parameter that holds a batch's keys in the loaders' statements.
KEYS = "keys"
# The loaders' statements, made once per process: building a select costs more than
# running it on a page's few rows (a statement is compiled once either way).
_STATEMENTS: dict[tuple[str, ...], AnySelect] = {}


def keys_in(column: Any) -> ColumnElement[bool]:
    """``column IN (the batch's keys)``, the keys given as ``KEYS`` when the statement runs."""
    condition: ColumnElement[bool] = column.in_(bindparam(KEYS, expanding=True))
    return condition


def prepared(name: tuple[str, ...], build: Callable[[], AnySelect]) -> AnySelect:
    """The statement ``name`` stands for, made by ``build`` the first time."""
    found = _STATEMENTS.get(name)
    if found is None:
        found = _STATEMENTS[name] = build()
    return found


def _histories_statement() -> AnySelect:
    asked = aliased(ActionLifecycle)
    return (
        select(asked.action_id.label(GROUP), *columns(ActionEvent))
        .join(ActionEvent, ActionEvent.chain_key == asked.chain_key)
        .where(keys_in(asked.action_id))
        .order_by(ActionEvent.sequence)
    )


def _chains_statement() -> AnySelect:
    asked, member = aliased(ActionLifecycle), aliased(ActionLifecycle)
    return (
        select(asked.action_id.label(GROUP), *columns(Action))
        .join(member, member.chain_key == asked.chain_key)
        .join(Action, Action.id == member.action_id)
        .join(Meeting, Meeting.id == Action.meeting_id)
        .where(keys_in(asked.action_id), member.in_chain)
        .order_by(Meeting.date, Action.position, Action.id)
    )


def _meeting_actions_statement() -> AnySelect:
    """A meeting's actions in order, each once (see ``records.lifecycles.recorded_again``)."""
    return (
        select(Action.meeting_id.label(GROUP), *columns(Action))
        .where(keys_in(Action.meeting_id), ~recorded_again())
        .order_by(Action.position, Action.id)
    )


def _carried_statement(*, into: bool) -> AnySelect:
    other = aliased(Action)
    if into:
        linked = exists().where(
            ActionLink.later_action_id == Action.id,
            other.id == ActionLink.earlier_action_id,
            other.meeting_id != Action.meeting_id,
        )
        condition = or_(linked, Action.origin_date.is_not(None), Action.origin_title.is_not(None))
    else:
        condition = exists().where(
            ActionLink.earlier_action_id == Action.id,
            other.id == ActionLink.later_action_id,
            other.meeting_id != Action.meeting_id,
        )
    return (
        select(Action.meeting_id.label(GROUP), *columns(Action))
        .where(keys_in(Action.meeting_id), condition, ~recorded_again())
        .order_by(Action.position, Action.id)
    )


class Loaders:
    """Every DataLoader of one request, each made when first used (a request uses a few)."""

    def __init__(self, reads: RequestReads) -> None:
        self._reads = reads
        self._items_of_meetings = self._by_parent(
            AgendaItem, AgendaItem.meeting_id, AgendaItem.position
        )

    @cached_property
    def meeting(self) -> Loader[int, Record | None]:
        return Loader(self._by_id(Meeting))

    @cached_property
    def person(self) -> Loader[int, Record | None]:
        return Loader(self._by_id(Person))

    @cached_property
    def item(self) -> Loader[int, Record | None]:
        return Loader(self._by_id(AgendaItem))

    @cached_property
    def action(self) -> Loader[int, Record | None]:
        return Loader(self._by_id(Action))

    @cached_property
    def metric(self) -> Loader[int, Record | None]:
        return Loader(self._by_id(Metric))

    @cached_property
    def theme(self) -> Loader[int, Record | None]:
        return Loader(self._by_id(Theme))

    @cached_property
    def action_update(self) -> Loader[int, Record | None]:
        return Loader(self._by_id(ActionUpdate))

    @cached_property
    def document(self) -> Loader[int, Record | None]:
        return Loader(self._by_id(SourceDocument))

    @cached_property
    def theme_by_code(self) -> Loader[str, Record | None]:
        return Loader(self._themes_by_code)

    @cached_property
    def meeting_items(self) -> Loader[int, list[Record]]:
        return Loader(self._meeting_items)

    @cached_property
    def meeting_actions(self) -> Loader[int, list[Record]]:
        statement = prepared(("meeting_actions",), _meeting_actions_statement)

        async def load(meetings: list[int]) -> list[list[Record]]:
            return await self._grouped(meetings, statement)

        return Loader(load)

    @cached_property
    def meeting_metrics(self) -> Loader[int, list[Record]]:
        return Loader(self._by_parent(Metric, Metric.meeting_id, Metric.position))

    @cached_property
    def meeting_attendances(self) -> Loader[int, list[Record]]:
        return Loader(self._by_parent(Attendance, Attendance.meeting_id, Attendance.position))

    @cached_property
    def meeting_documents(self) -> Loader[int, list[Record]]:
        return Loader(self._by_parent(SourceDocument, SourceDocument.meeting_id, SourceDocument.id))

    @cached_property
    def item_children(self) -> Loader[int, list[Record]]:
        return Loader(self._by_parent(AgendaItem, AgendaItem.parent_id, AgendaItem.position))

    @cached_property
    def item_actions(self) -> Loader[int, list[Record]]:
        return Loader(self._by_parent(Action, Action.item_id, Action.position))

    @cached_property
    def item_metrics(self) -> Loader[int, list[Record]]:
        return Loader(self._by_parent(Metric, Metric.item_id, Metric.position))

    @cached_property
    def action_continues(self) -> Loader[int, list[Record]]:
        return Loader(self._by_parent(ActionLink, ActionLink.later_action_id, ActionLink.kind))

    @cached_property
    def action_continued_by(self) -> Loader[int, list[Record]]:
        return Loader(self._by_parent(ActionLink, ActionLink.earlier_action_id, ActionLink.kind))

    @cached_property
    def action_lifecycle(self) -> Loader[int, Record | None]:
        return Loader(self._lifecycles)

    @cached_property
    def action_history(self) -> Loader[int, list[Record]]:
        return Loader(self._histories)

    @cached_property
    def action_chain(self) -> Loader[int, list[Record]]:
        return Loader(self._chains)

    @cached_property
    def meeting_actions_carried_in(self) -> Loader[int, list[Record]]:
        return Loader(self._carried(into=True))

    @cached_property
    def meeting_actions_carried_out(self) -> Loader[int, list[Record]]:
        return Loader(self._carried(into=False))

    @cached_property
    def meeting_themes(self) -> Loader[int, list[Record]]:
        return Loader(self._linked(Theme, meeting_themes, "meeting_id", "theme_id", Theme.code))

    @cached_property
    def item_themes(self) -> Loader[int, list[Record]]:
        return Loader(self._linked(Theme, item_themes, "item_id", "theme_id", Theme.code))

    @cached_property
    def action_themes(self) -> Loader[int, list[Record]]:
        return Loader(self._linked(Theme, action_themes, "action_id", "theme_id", Theme.code))

    @cached_property
    def action_owners(self) -> Loader[int, list[Record]]:
        return Loader(self._linked(Person, action_owners, "action_id", "person_id", Person.id))

    @cached_property
    def theme_meetings(self) -> Loader[ThemePageKey, Page[Record]]:
        return Loader(
            self._theme_pages(
                Meeting,
                select(Meeting).join(meeting_themes, meeting_themes.c.meeting_id == Meeting.id),
                meeting_themes.c.theme_id,
                Meeting.date,
                Meeting.id,
            )
        )

    @cached_property
    def theme_items(self) -> Loader[ThemePageKey, Page[Record]]:
        return Loader(
            self._theme_pages(
                AgendaItem,
                select(AgendaItem)
                .join(item_themes, item_themes.c.item_id == AgendaItem.id)
                .join(Meeting, Meeting.id == AgendaItem.meeting_id),
                item_themes.c.theme_id,
                Meeting.date,
                AgendaItem.id,
            )
        )

    @cached_property
    def theme_actions(self) -> Loader[ThemePageKey, Page[Record]]:
        return Loader(
            self._theme_pages(
                Action,
                select(Action)
                .join(action_themes, action_themes.c.action_id == Action.id)
                .join(Meeting, Meeting.id == Action.meeting_id)
                .where(~recorded_again()),
                action_themes.c.theme_id,
                Meeting.date,
                Action.id,
            )
        )

    @cached_property
    def theme_metrics(self) -> Loader[ThemePageKey, Page[Record]]:
        return Loader(
            self._theme_pages(
                Metric,
                select(Metric).join(Meeting, Meeting.id == Metric.meeting_id),
                Metric.theme_id,
                Meeting.date,
                Metric.id,
            )
        )

    @cached_property
    def theme_timeline(self) -> Loader[TimelineKey, list[PeriodCounts] | PublicError]:
        return Loader(functools.partial(load_timelines, self._reads))

    # --- batch functions -----------------------------------------------------------------

    def _by_id(self, model: type[Any]) -> Callable[[list[int]], Awaitable[list[Record | None]]]:
        table: Table = model.__table__
        statement = prepared(
            ("by_id", table.name), lambda: select(*table.columns).where(keys_in(table.c.id))
        )

        async def load(ids: list[int]) -> list[Record | None]:
            rows = await self._reads.rows(statement, {KEYS: ids})
            found = {row.id: row for row in rows}
            return [found.get(i) for i in ids]

        return load

    async def _themes_by_code(self, codes: list[str]) -> list[Record | None]:
        wanted = sorted({code.strip().upper() for code in codes})
        statement = prepared(
            ("themes_by_code",), lambda: select(*columns(Theme)).where(keys_in(Theme.code))
        )
        rows = await self._reads.rows(statement, {KEYS: wanted})
        found = {row.code: row for row in rows}
        return [found.get(code.strip().upper()) for code in codes]

    def _by_parent(
        self, model: type[Any], parent_col: Any, order_col: Any
    ) -> Callable[[list[int]], Awaitable[list[list[Record]]]]:
        key = parent_col.key
        # Then by id: records of two documents of one meeting share positions.
        statement = prepared(
            ("by_parent", model.__tablename__, key, order_col.key),
            lambda: (
                select(*columns(model)).where(keys_in(parent_col)).order_by(order_col, model.id)
            ),
        )

        async def load(parents: list[int]) -> list[list[Record]]:
            rows = await self._reads.rows(statement, {KEYS: parents})
            grouped: dict[int, list[Record]] = {p: [] for p in parents}
            for row in rows:
                grouped[getattr(row, key)].append(row)
            return [grouped[p] for p in parents]

        return load

    async def _meeting_items(self, meetings: list[int]) -> list[list[Record]]:
        """Each meeting's items in order, which also gives each of them its sub-items and
        itself by id (primed into ``item_children`` and ``item``)."""
        found = await self._items_of_meetings(meetings)
        children: dict[int, list[Record]] = {}
        for items in found:
            for row in items:
                children[row.id] = []
            for row in items:
                if row.parent_id is not None and row.parent_id in children:
                    children[row.parent_id].append(row)
        self.item.values.update((row.id, row) for items in found for row in items)
        self.item_children.values.update(children)
        return found

    async def _lifecycles(self, ids: list[int]) -> list[Record | None]:
        statement = prepared(
            ("lifecycles",),
            lambda: select(*columns(ActionLifecycle)).where(keys_in(ActionLifecycle.action_id)),
        )
        found = {row.action_id: row for row in await self._reads.rows(statement, {KEYS: ids})}
        return [found.get(i) for i in ids]

    async def _histories(self, ids: list[int]) -> list[list[Record]]:
        """Every event of each action's lifecycle (all the actions linked to it), in order."""
        return await self._grouped(ids, prepared(("histories",), _histories_statement))

    async def _chains(self, ids: list[int]) -> list[list[Record]]:
        """The actions of each action's lifecycle that stand for their meetings, in order."""
        return await self._grouped(ids, prepared(("chains",), _chains_statement))

    def _carried(self, *, into: bool) -> Callable[[list[int]], Awaitable[list[list[Record]]]]:
        """A meeting's actions that continue an earlier meeting's (``into``), or that a
        later meeting's continue."""
        statement = prepared(("carried", str(into)), lambda: _carried_statement(into=into))

        async def load(meetings: list[int]) -> list[list[Record]]:
            return await self._grouped(meetings, statement)

        return load

    async def _grouped(self, keys: Sequence[int], query: AnySelect) -> list[list[Record]]:
        """The rows of ``query`` (its keys bound as ``KEYS``) by the key it selects as
        ``GROUP``, for each of ``keys``."""
        grouped: dict[int, list[Record]] = {k: [] for k in keys}
        for row in await self._reads.rows(query, {KEYS: list(keys)}):
            grouped[getattr(row, GROUP)].append(row)
        return [grouped[k] for k in keys]

    def _linked(
        self, model: type[Any], table: Table, parent_key: str, child_key: str, order_col: Any
    ) -> Callable[[list[int]], Awaitable[list[list[Record]]]]:
        parent_col, child_col = table.c[parent_key], table.c[child_key]
        statement = prepared(
            ("linked", table.name, model.__tablename__),
            lambda: (
                select(parent_col.label(GROUP), *columns(model))
                .join(table, child_col == model.id)
                .where(keys_in(parent_col))
                .order_by(order_col)
            ),
        )

        async def load(parents: list[int]) -> list[list[Record]]:
            return await self._grouped(parents, statement)

        return load

    def _theme_pages(
        self, model: type[Any], query: AnySelect, parent_col: Any, date_col: Any, id_col: Any
    ) -> Callable[[list[ThemePageKey]], Awaitable[list[Page[Record]]]]:
        async def load(keys: list[ThemePageKey]) -> list[Page[Record]]:
            by_args: dict[PageArgs, list[int]] = {}
            for theme_id, args in keys:
                by_args.setdefault(args, []).append(theme_id)
            pages: dict[ThemePageKey, Page[Record]] = {}
            for args, theme_ids in by_args.items():
                found = await fetch_pages(
                    self._reads,
                    model,
                    query,
                    parent_col=parent_col,
                    parents=theme_ids,
                    date_col=date_col,
                    id_col=id_col,
                    args=args,
                )
                for theme_id in theme_ids:
                    pages[theme_id, args] = found[theme_id]
            return [pages[key] for key in keys]

        return load
