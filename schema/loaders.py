"""Per-request DataLoaders: one SQL statement per batch, each batch in its own session.

Sibling resolvers run concurrently, so no batch shares a session with another. The
loaders return model instances; the type modules turn them into GraphQL objects.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import Table, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import aliased
from strawberry.dataloader import DataLoader

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
from schema.pagination import AnySelect, Page, PageArgs, fetch_pages

R = TypeVar("R")
K = TypeVar("K", bound=Hashable)

ThemePageKey = tuple[int, PageArgs]


class Loaders:
    """Every DataLoader of one request."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self._sessionmaker = sessionmaker
        by_id = self._by_id
        self.meeting: DataLoader[int, Meeting | None] = DataLoader(by_id(Meeting))
        self.person: DataLoader[int, Person | None] = DataLoader(by_id(Person))
        self.item: DataLoader[int, AgendaItem | None] = DataLoader(by_id(AgendaItem))
        self.action: DataLoader[int, Action | None] = DataLoader(by_id(Action))
        self.metric: DataLoader[int, Metric | None] = DataLoader(by_id(Metric))
        self.theme: DataLoader[int, Theme | None] = DataLoader(by_id(Theme))
        self.action_update: DataLoader[int, ActionUpdate | None] = DataLoader(by_id(ActionUpdate))
        self.document: DataLoader[int, SourceDocument | None] = DataLoader(by_id(SourceDocument))
        self.theme_by_code: DataLoader[str, Theme | None] = DataLoader(self._themes_by_code)

        many = self._by_parent
        self.meeting_items: DataLoader[int, list[AgendaItem]] = DataLoader(
            many(AgendaItem, AgendaItem.meeting_id, AgendaItem.position)
        )
        self.meeting_actions: DataLoader[int, list[Action]] = DataLoader(
            many(Action, Action.meeting_id, Action.position)
        )
        self.meeting_metrics: DataLoader[int, list[Metric]] = DataLoader(
            many(Metric, Metric.meeting_id, Metric.position)
        )
        self.meeting_attendances: DataLoader[int, list[Attendance]] = DataLoader(
            many(Attendance, Attendance.meeting_id, Attendance.position)
        )
        self.meeting_documents: DataLoader[int, list[SourceDocument]] = DataLoader(
            many(SourceDocument, SourceDocument.meeting_id, SourceDocument.id)
        )
        self.item_children: DataLoader[int, list[AgendaItem]] = DataLoader(
            many(AgendaItem, AgendaItem.parent_id, AgendaItem.position)
        )
        self.item_actions: DataLoader[int, list[Action]] = DataLoader(
            many(Action, Action.item_id, Action.position)
        )
        self.item_metrics: DataLoader[int, list[Metric]] = DataLoader(
            many(Metric, Metric.item_id, Metric.position)
        )
        self.action_continues: DataLoader[int, list[ActionLink]] = DataLoader(
            many(ActionLink, ActionLink.later_action_id, ActionLink.kind)
        )
        self.action_continued_by: DataLoader[int, list[ActionLink]] = DataLoader(
            many(ActionLink, ActionLink.earlier_action_id, ActionLink.kind)
        )
        self.action_lifecycle: DataLoader[int, ActionLifecycle | None] = DataLoader(
            self._lifecycles
        )
        self.action_history: DataLoader[int, list[ActionEvent]] = DataLoader(self._histories)
        self.action_chain: DataLoader[int, list[Action]] = DataLoader(self._chains)
        self.meeting_actions_carried_in: DataLoader[int, list[Action]] = DataLoader(
            self._carried(into=True)
        )
        self.meeting_actions_carried_out: DataLoader[int, list[Action]] = DataLoader(
            self._carried(into=False)
        )

        linked = self._linked
        self.meeting_themes: DataLoader[int, list[Theme]] = DataLoader(
            linked(Theme, meeting_themes, "meeting_id", "theme_id", Theme.code)
        )
        self.item_themes: DataLoader[int, list[Theme]] = DataLoader(
            linked(Theme, item_themes, "item_id", "theme_id", Theme.code)
        )
        self.action_themes: DataLoader[int, list[Theme]] = DataLoader(
            linked(Theme, action_themes, "action_id", "theme_id", Theme.code)
        )
        self.action_owners: DataLoader[int, list[Person]] = DataLoader(
            linked(Person, action_owners, "action_id", "person_id", Person.id)
        )

        self.theme_meetings: DataLoader[ThemePageKey, Page[Meeting]] = DataLoader(
            self._theme_pages(
                Meeting,
                select(Meeting).join(meeting_themes, meeting_themes.c.meeting_id == Meeting.id),
                meeting_themes.c.theme_id,
                Meeting.date,
                Meeting.id,
            )
        )
        self.theme_items: DataLoader[ThemePageKey, Page[AgendaItem]] = DataLoader(
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
        self.theme_actions: DataLoader[ThemePageKey, Page[Action]] = DataLoader(
            self._theme_pages(
                Action,
                select(Action)
                .join(action_themes, action_themes.c.action_id == Action.id)
                .join(Meeting, Meeting.id == Action.meeting_id),
                action_themes.c.theme_id,
                Meeting.date,
                Action.id,
            )
        )
        self.theme_metrics: DataLoader[ThemePageKey, Page[Metric]] = DataLoader(
            self._theme_pages(
                Metric,
                select(Metric).join(Meeting, Meeting.id == Metric.meeting_id),
                Metric.theme_id,
                Meeting.date,
                Metric.id,
            )
        )

    # --- batch functions -----------------------------------------------------------------

    def _by_id(self, model: type[R]) -> Callable[[list[int]], Awaitable[list[R | None]]]:
        async def load(ids: list[int]) -> list[R | None]:
            async with self._sessionmaker() as session:
                column: Any = model.id  # type: ignore[attr-defined]
                rows = (await session.scalars(select(model).where(column.in_(ids)))).all()
            found = {row.id: row for row in rows}  # type: ignore[attr-defined]
            return [found.get(i) for i in ids]

        return load

    async def _themes_by_code(self, codes: list[str]) -> list[Theme | None]:
        wanted = {code.strip().upper() for code in codes}
        async with self._sessionmaker() as session:
            rows = (await session.scalars(select(Theme).where(Theme.code.in_(wanted)))).all()
        found = {row.code: row for row in rows}
        return [found.get(code.strip().upper()) for code in codes]

    def _by_parent(
        self, model: type[R], parent_col: Any, order_col: Any
    ) -> Callable[[list[int]], Awaitable[list[list[R]]]]:
        async def load(parents: list[int]) -> list[list[R]]:
            # Then by id: records of two documents of one meeting share positions.
            ids: Any = model.id  # type: ignore[attr-defined]
            query = select(model).where(parent_col.in_(parents)).order_by(order_col, ids)
            async with self._sessionmaker() as session:
                rows = (await session.scalars(query)).all()
            grouped: dict[int, list[R]] = {p: [] for p in parents}
            key = parent_col.key
            for row in rows:
                grouped[getattr(row, key)].append(row)
            return [grouped[p] for p in parents]

        return load

    async def _lifecycles(self, ids: list[int]) -> list[ActionLifecycle | None]:
        query = select(ActionLifecycle).where(ActionLifecycle.action_id.in_(ids))
        async with self._sessionmaker() as session:
            found = {row.action_id: row for row in await session.scalars(query)}
        return [found.get(i) for i in ids]

    async def _histories(self, ids: list[int]) -> list[list[ActionEvent]]:
        """Every event of each action's lifecycle (all the actions linked to it), in order."""
        asked = aliased(ActionLifecycle)
        query = (
            select(asked.action_id, ActionEvent)
            .join(ActionEvent, ActionEvent.chain_key == asked.chain_key)
            .where(asked.action_id.in_(ids))
            .order_by(ActionEvent.sequence)
        )
        return await self._grouped(ids, query)

    async def _chains(self, ids: list[int]) -> list[list[Action]]:
        """The actions of each action's lifecycle that stand for their meetings, in order."""
        asked, member = aliased(ActionLifecycle), aliased(ActionLifecycle)
        query = (
            select(asked.action_id, Action)
            .join(member, member.chain_key == asked.chain_key)
            .join(Action, Action.id == member.action_id)
            .join(Meeting, Meeting.id == Action.meeting_id)
            .where(asked.action_id.in_(ids), member.in_chain)
            .order_by(Meeting.date, Action.position, Action.id)
        )
        return await self._grouped(ids, query)

    def _carried(self, *, into: bool) -> Callable[[list[int]], Awaitable[list[list[Action]]]]:
        """A meeting's actions that continue an earlier meeting's (``into``), or that a
        later meeting's continue."""
        other = aliased(Action)
        if into:
            linked = exists().where(
                ActionLink.later_action_id == Action.id,
                other.id == ActionLink.earlier_action_id,
                other.meeting_id != Action.meeting_id,
            )
            condition = or_(
                linked, Action.origin_date.is_not(None), Action.origin_title.is_not(None)
            )
        else:
            condition = exists().where(
                ActionLink.earlier_action_id == Action.id,
                other.id == ActionLink.later_action_id,
                other.meeting_id != Action.meeting_id,
            )

        async def load(meetings: list[int]) -> list[list[Action]]:
            query = (
                select(Action.meeting_id, Action)
                .where(Action.meeting_id.in_(meetings), condition)
                .order_by(Action.position, Action.id)
            )
            return await self._grouped(meetings, query)

        return load

    async def _grouped(self, keys: list[int], query: AnySelect) -> list[list[Any]]:
        async with self._sessionmaker() as session:
            rows = (await session.execute(query)).all()
        grouped: dict[int, list[Any]] = {k: [] for k in keys}
        for key, record in rows:
            grouped[key].append(record)
        return [grouped[k] for k in keys]

    def _linked(
        self, model: type[R], table: Table, parent_key: str, child_key: str, order_col: Any
    ) -> Callable[[list[int]], Awaitable[list[list[R]]]]:
        parent_col, child_col = table.c[parent_key], table.c[child_key]

        async def load(parents: list[int]) -> list[list[R]]:
            column: Any = model.id  # type: ignore[attr-defined]
            query = (
                select(parent_col, model)
                .join(table, child_col == column)
                .where(parent_col.in_(parents))
                .order_by(order_col)
            )
            async with self._sessionmaker() as session:
                rows = (await session.execute(query)).all()
            grouped: dict[int, list[R]] = {p: [] for p in parents}
            for parent, record in rows:
                grouped[parent].append(record)
            return [grouped[p] for p in parents]

        return load

    def _theme_pages(
        self, model: type[R], query: AnySelect, parent_col: Any, date_col: Any, id_col: Any
    ) -> Callable[[list[ThemePageKey]], Awaitable[list[Page[R]]]]:
        async def load(keys: list[ThemePageKey]) -> list[Page[R]]:
            by_args: dict[PageArgs, list[int]] = {}
            for theme_id, args in keys:
                by_args.setdefault(args, []).append(theme_id)
            pages: dict[ThemePageKey, Page[R]] = {}
            async with self._sessionmaker() as session:
                for args, theme_ids in by_args.items():
                    found = await fetch_pages(
                        session,
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
