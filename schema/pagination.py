"""Keyset (cursor) pagination in the Relay shape, with ``totalCount``.

Lists are ordered by meeting date, then by record id, both in the same direction; a
cursor holds the order and the last row's (date, id), so pages neither repeat nor skip
rows when records are added between requests. Records of meetings without a date sort
as if held on ``UNDATED`` (last newest-first, first oldest-first), the same on SQLite
and PostgreSQL, whose own orders of NULL differ. A page of one parent (a theme's
meetings) and pages of many parents at once (every theme's meetings) use the same
ordering; the batched form numbers rows per parent with ``ROW_NUMBER()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry
from sqlalchemy import ColumnElement, Date, Select, and_, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from records import paging
from schema.enums import DateOrder
from schema.errors import PublicError, shown
from schema.node import MAX_RECORD_ID

UNDATED = dt.date.min

T = TypeVar("T")
M = TypeVar("M")

# A select of any columns (SQLAlchemy 2.1 types a select by the columns it returns).
AnySelect = Select[*tuple[Any, ...]]


@strawberry.type(description="Where a page ends and whether more follow.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="True when rows follow this page.")
    end_cursor: str | None = strawberry.field(
        description="The last edge's cursor: pass it as `after` for the next page."
    )


@strawberry.type(description="One row of a connection and its place in the list.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Pass as `after` to continue after this row.")
    node: T = strawberry.field(description="The record.")


@strawberry.type(description="A page of a list that grows with the archive.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The rows of this page, in order.")
    page_info: PageInfo = strawberry.field(description="Whether more rows follow.")
    total_count: int = strawberry.field(
        description="Rows in the whole list (every page), after filters."
    )


@dataclass(frozen=True)
class PageArgs:
    """A validated page request: size, order and the (date, id) to continue after."""

    first: int
    order: DateOrder = DateOrder.DATE_DESC
    after: tuple[str, int] | None = None


@dataclass(frozen=True)
class Page(Generic[M]):
    """Rows of one page with their sort dates, whether more follow, and the full count."""

    rows: list[tuple[M, dt.date | None]]
    has_next: bool
    total: int


def page_size(first: int | None, field: str) -> int:
    """``first``, or the default page size; a PublicError naming ``field`` when out of range."""
    try:
        return paging.page_size(first)
    except paging.PageSizeError as exc:
        raise PublicError(f"{field}: {exc}", "PAGE_SIZE") from exc


def page_args(
    first: int | None,
    after: str | None,
    order: DateOrder = DateOrder.DATE_DESC,
    *,
    field: str,
) -> PageArgs:
    """Check ``first`` and ``after`` of ``field``; raise a PublicError naming the argument."""
    size = page_size(first, field)
    order = DateOrder(order)
    return PageArgs(size, order, read_cursor(after, order, field) if after else None)


def row_cursor(order: DateOrder, day: dt.date, record_id: int) -> str:
    return paging.encode_cursor(order.value, day.isoformat(), record_id)


def _record_id(value: object) -> int:
    record_id = paging.whole_field(value)
    if not 1 <= record_id <= MAX_RECORD_ID:
        raise ValueError("not a record id")
    return record_id


def read_cursor(cursor: str, order: DateOrder, field: str) -> tuple[str, int]:
    """The (day, record id) a cursor of ``row_cursor`` holds, checked before any SQL sees it."""
    try:
        day, record_id = paging.decode_cursor(cursor, order.value, paging.day_field, _record_id)
    except paging.OtherOrderCursorError as exc:
        raise PublicError(
            f"{field}: argument `after` belongs to another order ({shown(exc.order)})",
            "BAD_CURSOR",
        ) from exc
    except paging.CursorError as exc:
        raise PublicError(
            f"{field}: argument `after` is not a cursor of this list", "BAD_CURSOR"
        ) from exc
    return day, record_id


def sort_date(date_col: Any) -> ColumnElement[dt.date]:
    """The date a record sorts by: its meeting's, or ``UNDATED``."""
    return func.coalesce(date_col, literal(UNDATED, Date()))


def _after(args: PageArgs, date_col: Any, id_col: Any) -> ColumnElement[bool] | None:
    if args.after is None:
        return None
    day, record_id = dt.date.fromisoformat(args.after[0]), args.after[1]
    if args.order is DateOrder.DATE_DESC:
        return or_(date_col < day, and_(date_col == day, id_col < record_id))
    return or_(date_col > day, and_(date_col == day, id_col > record_id))


def _ordering(args: PageArgs, date_col: Any, id_col: Any) -> tuple[Any, Any]:
    if args.order is DateOrder.DATE_DESC:
        return date_col.desc(), id_col.desc()
    return date_col.asc(), id_col.asc()


async def fetch_page(
    session: AsyncSession,
    query: AnySelect,
    *,
    date_col: Any,
    id_col: Any,
    args: PageArgs,
) -> Page[Any]:
    """One page of ``query`` (selecting ``(record, meeting date)``, filters applied)."""
    date_col = sort_date(date_col)
    total = await session.scalar(
        query.with_only_columns(func.count(id_col), maintain_column_froms=True).order_by(None)
    )
    paged = query.order_by(*_ordering(args, date_col, id_col)).limit(args.first + 1)
    if (condition := _after(args, date_col, id_col)) is not None:
        paged = paged.where(condition)
    rows = [(record, day) for record, day in (await session.execute(paged)).all()]
    return Page(rows[: args.first], len(rows) > args.first, int(total or 0))


async def fetch_pages(
    session: AsyncSession,
    model: type[Any],
    query: AnySelect,
    *,
    parent_col: Any,
    parents: Sequence[Hashable],
    date_col: Any,
    id_col: Any,
    args: PageArgs,
) -> dict[Hashable, Page[Any]]:
    """The same page of ``query`` for many parents: two statements however many parents.

    ``query`` selects ``(model,)`` and may join whatever ``parent_col``, ``date_col``
    need; every parent gets its own first ``args.first`` rows.
    """
    date_col = sort_date(date_col)
    query = query.where(parent_col.in_(parents))
    counted = query.with_only_columns(
        parent_col, func.count(id_col), maintain_column_froms=True
    ).group_by(parent_col)
    totals: dict[Hashable, int] = {
        parent: int(n) for parent, n in (await session.execute(counted)).all()
    }
    if args.first == 0:
        return {p: Page([], totals.get(p, 0) > 0, totals.get(p, 0)) for p in parents}
    number = func.row_number().over(
        partition_by=parent_col, order_by=_ordering(args, date_col, id_col)
    )
    ranked = query.add_columns(
        date_col.label("page_date"), parent_col.label("page_parent"), number.label("page_row")
    )
    if (condition := _after(args, date_col, id_col)) is not None:
        ranked = ranked.where(condition)
    sub = ranked.subquery()
    record = aliased(model, sub)
    statement = (
        select(record, sub.c.page_date, sub.c.page_parent)
        .where(sub.c.page_row <= args.first + 1)
        .order_by(sub.c.page_parent, sub.c.page_row)
    )
    grouped: dict[Hashable, list[tuple[Any, dt.date | None]]] = {}
    for row, day, parent in (await session.execute(statement)).all():
        grouped.setdefault(parent, []).append((row, day))
    pages: dict[Hashable, Page[Any]] = {}
    for parent in parents:
        rows = grouped.get(parent, [])
        pages[parent] = Page(rows[: args.first], len(rows) > args.first, totals.get(parent, 0))
    return pages


def to_connection(
    page: Page[M], convert: Callable[[M], T], args: PageArgs, id_of: Callable[[M], int]
) -> Connection[T]:
    """Strawberry connection of a page, with cursors in the page's order."""
    edges = [
        Edge(cursor=row_cursor(args.order, day or UNDATED, id_of(row)), node=convert(row))
        for row, day in page.rows
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next, end_cursor=edges[-1].cursor if edges else None
        ),
        total_count=page.total,
    )
