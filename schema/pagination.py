"""Keyset (cursor) pagination in the Relay shape, with ``totalCount``.

Lists are ordered by meeting date, then by record id, both in the same direction; a
cursor holds the order and a row's (date, id), so pages neither repeat nor skip rows
when records are added between requests. As the Relay cursor connections spec has it,
``after`` and ``before`` bound the list (either, both or neither), ``first`` takes rows
from the start of what lies between and ``last`` from its end: a backward page is read
in the reverse order (still keyset, ``LIMIT last + 1``) and handed back in the list's
own order. Records of meetings without a date sort
as if held on ``UNDATED`` (last newest-first, first oldest-first), the same on SQLite
and PostgreSQL, whose own orders of NULL differ. A page of one parent (a theme's
meetings) and pages of many parents at once (every theme's meetings) use the same
ordering; the batched form numbers rows per parent with ``ROW_NUMBER()`` (from the
list's end when paging backward).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry
from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    Table,
    and_,
    bindparam,
    func,
    literal,
    or_,
    select,
)

from records import paging
from schema.enums import DateOrder
from schema.errors import PublicError, shown
from schema.node import MAX_RECORD_ID
from schema.reads import RequestReads

UNDATED = dt.date.min
# The label of a page's sort date beside the record's columns.
PAGE_DATE = "page_date"
PAGE_ID = "page_id"
PAGE_TOTAL = "page_total"

# Descriptions of the page arguments every connection field takes.
FIRST_DOC = (
    "Rows from the start of the list (past `after`, when given): 20 by default, at most "
    "100. Not together with `last`."
)
LAST_DOC = (
    "Rows from the end of the list (short of `before`, when given), to page backward: at "
    "most 100. The rows come in the list's own order. Not together with `first`."
)
AFTER_DOC = "Only rows after this cursor (an edge's cursor, such as pageInfo.endCursor)."
BEFORE_DOC = "Only rows before this cursor (an edge's cursor, such as pageInfo.startCursor)."

T = TypeVar("T")
M = TypeVar("M")

# A select of any columns (SQLAlchemy 2.1 types a select by the columns it returns).
AnySelect = Select[*tuple[Any, ...]]


@strawberry.type(
    description="Where a page starts and ends within its list, and whether rows lie beyond "
    "either end."
)
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="True when rows follow this page. Paging forward (`first`), whether the "
        "list goes on past the last edge (within `before`, when given); paging backward "
        "(`last`), true whenever `before` was given (the rows from `before` on follow) and "
        "false otherwise."
    )
    has_previous_page: bool = strawberry.field(
        description="True when rows precede this page. Paging backward (`last`), whether the "
        "list has rows before the first edge (within `after`, when given); paging forward "
        "(`first`), true whenever `after` was given (the rows up to `after` precede) and "
        "false otherwise."
    )
    start_cursor: str | None = strawberry.field(
        description="The first edge's cursor: pass it as `before` (with `last`) for the page "
        "before this one. Null when the page is empty."
    )
    end_cursor: str | None = strawberry.field(
        description="The last edge's cursor: pass it as `after` (with `first`) for the next "
        "page. Null when the page is empty."
    )


@strawberry.type(description="One row of a connection and its place in the list.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(
        description="This row's place: pass as `after` for the rows that follow it, or as "
        "`before` for the rows that precede it."
    )
    node: T = strawberry.field(description="The record.")


@strawberry.type(description="A page of a list that grows with the archive.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(
        description="The rows of this page, in the list's order (backward pages too)."
    )
    page_info: PageInfo = strawberry.field(
        description="The page's first and last cursors, and whether rows precede or follow it."
    )
    total_count: int = strawberry.field(
        description="Rows in the whole list (every page, regardless of `after` and `before`), "
        "after filters."
    )


@dataclass(frozen=True)
class PageArgs:
    """A validated page request: size, order, the (date, id) bounds, and its direction
    (``backward``: the last ``size`` rows before ``before``, rather than the first after
    ``after``)."""

    size: int
    order: DateOrder = DateOrder.DATE_DESC
    after: tuple[str, int] | None = None
    before: tuple[str, int] | None = None
    backward: bool = False


@dataclass(frozen=True)
class Page(Generic[M]):
    """Rows of one page with their sort dates, in the list's order; whether rows follow
    and precede it; and the full count."""

    rows: list[tuple[M, dt.date | None]]
    has_next: bool
    total: int
    has_previous: bool = False


def page_size(first: int | None, field: str, argument: str = "first") -> int:
    """``first`` (or ``last``, as ``argument`` says), or the default page size; a
    PublicError naming ``field`` when out of range."""
    try:
        return paging.page_size(first, argument)
    except paging.PageSizeError as exc:
        raise PublicError(f"{field}: {exc}", "PAGE_SIZE") from exc


def page_window(first: int | None, last: int | None, field: str) -> tuple[int, bool]:
    """The page size and whether the page is read backward (``last``); a PublicError
    naming ``field`` when both are given or either is out of range."""
    if first is not None and last is not None:
        raise PublicError(
            f"{field}: arguments `first` and `last` cannot be used together: "
            "give `first` to page forward or `last` to page backward",
            "PAGE_DIRECTION",
        )
    if last is not None:
        return page_size(last, field, "last"), True
    return page_size(first, field), False


def page_args(
    first: int | None,
    after: str | None,
    order: DateOrder = DateOrder.DATE_DESC,
    *,
    field: str,
    last: int | None = None,
    before: str | None = None,
) -> PageArgs:
    """Check the page arguments of ``field``; raise a PublicError naming the argument."""
    size, backward = page_window(first, last, field)
    order = DateOrder(order)
    return PageArgs(
        size,
        order,
        read_cursor(after, order, field) if after else None,
        read_cursor(before, order, field, "before") if before else None,
        backward,
    )


def row_cursor(order: DateOrder, day: dt.date, record_id: int) -> str:
    return paging.encode_cursor(order.value, day.isoformat(), record_id)


def _record_id(value: object) -> int:
    record_id = paging.whole_field(value)
    if not 1 <= record_id <= MAX_RECORD_ID:
        raise ValueError("not a record id")
    return record_id


def read_cursor(
    cursor: str, order: DateOrder, field: str, argument: str = "after"
) -> tuple[str, int]:
    """The (day, record id) a cursor of ``row_cursor`` holds, checked before any SQL sees it."""
    try:
        day, record_id = paging.decode_cursor(cursor, order.value, paging.day_field, _record_id)
    except paging.OtherOrderCursorError as exc:
        raise PublicError(
            f"{field}: argument `{argument}` belongs to another order ({shown(exc.order)})",
            "BAD_CURSOR",
        ) from exc
    except paging.CursorError as exc:
        raise PublicError(
            f"{field}: argument `{argument}` is not a cursor of this list", "BAD_CURSOR"
        ) from exc
    return day, record_id


def sort_date(date_col: Any) -> ColumnElement[dt.date]:
    """The date a record sorts by: its meeting's, or ``UNDATED``."""
    return func.coalesce(date_col, literal(UNDATED, Date()))


def _beyond(
    which: str, order: DateOrder, later: bool, date_col: Any, id_col: Any
) -> ColumnElement[bool]:
    """Rows that come after (``later``) or before the row at the bound ``which`` (``after``
    or ``before``) in ``order``; the bound's day and id are the statement's parameters
    ``<which>_day`` and ``<which>_id`` (``_bound_values``)."""
    day = bindparam(f"{which}_day", type_=Date())
    record_id = bindparam(f"{which}_id", type_=Integer())
    if (order is DateOrder.DATE_DESC) is later:
        return or_(date_col < day, and_(date_col == day, id_col < record_id))
    return or_(date_col > day, and_(date_col == day, id_col > record_id))


def _bounds(args: PageArgs, date_col: Any, id_col: Any) -> list[ColumnElement[bool]]:
    """The conditions of ``after`` and ``before``: rows strictly between them."""
    bounds = []
    if args.after is not None:
        bounds.append(_beyond("after", args.order, True, date_col, id_col))
    if args.before is not None:
        bounds.append(_beyond("before", args.order, False, date_col, id_col))
    return bounds


def _bound_values(args: PageArgs) -> dict[str, Any]:
    """The parameters of ``_bounds``' conditions."""
    values: dict[str, Any] = {}
    for which, key in (("after", args.after), ("before", args.before)):
        if key is not None:
            values[f"{which}_day"] = dt.date.fromisoformat(key[0])
            values[f"{which}_id"] = key[1]
    return values


def _ordering(args: PageArgs, date_col: Any, id_col: Any) -> tuple[Any, Any]:
    """The order rows are read in: the list's, or its reverse when paging backward."""
    if (args.order is DateOrder.DATE_DESC) is not args.backward:
        return date_col.desc(), id_col.desc()
    return date_col.asc(), id_col.asc()


def _cut(
    rows: list[tuple[Any, dt.date | None]], args: PageArgs, total: int, more: bool | None = None
) -> Page[Any]:
    """A page of up to ``args.size + 1`` rows read in ``_ordering``'s order (``more``:
    whether rows lie beyond the page, when known otherwise)."""
    if more is None:
        more = len(rows) > args.size
    rows = rows[: args.size]
    if args.backward:
        rows.reverse()
        return Page(rows, args.before is not None, total, has_previous=more)
    return Page(rows, more, total, has_previous=args.after is not None)


@dataclass(frozen=True)
class PreparedQuery:
    """A list's query made of bound parameters, so that its page statements are made
    once per shape rather than per request: ``build()`` makes the query (as
    ``fetch_page`` takes it) whatever the values, ``key`` names its shape (which
    conditions it has: the same key, the same statement), ``params`` are this request's
    values of its parameters."""

    key: Hashable
    build: Callable[[], AnySelect]
    params: Mapping[str, Any]


# Page statements of prepared queries, by shape: building a page's statement and its
# cache key cost more than running it on an indexed table.
_PAGE_STATEMENTS: dict[Hashable, tuple[AnySelect, AnySelect]] = {}
PAGE_STATEMENTS_KEPT = 512


async def fetch_page(
    reads: RequestReads,
    query: AnySelect | PreparedQuery,
    *,
    date_col: Any,
    id_col: Any,
    args: PageArgs,
) -> Page[Any]:
    """One page of ``query`` (selecting ``(record, meeting date)``, filters applied): rows
    of the record's table (see ``schema.reads``) with their sort dates."""
    values = _bound_values(args)
    if isinstance(query, PreparedQuery):
        shape = (
            query.key,
            id(date_col),
            id(id_col),
            args.size,
            args.order,
            args.backward,
            args.after is not None,
            args.before is not None,
        )
        statements = _PAGE_STATEMENTS.get(shape)
        if statements is None:
            statements = _page_statements(query.build(), date_col, id_col, args)
            if len(_PAGE_STATEMENTS) >= PAGE_STATEMENTS_KEPT:
                _PAGE_STATEMENTS.clear()
            _PAGE_STATEMENTS[shape] = statements
        values.update(query.params)
    else:
        statements = _page_statements(query, date_col, id_col, args)
    paged, counted = statements
    found = await reads.rows(paged, values)
    total = getattr(found[0], PAGE_TOTAL) if found else await reads.scalar(counted, values)
    rows = [(row, getattr(row, PAGE_DATE)) for row in found]
    return _cut(rows, args, int(total or 0))


def _page_statements(
    query: AnySelect, date_col: Any, id_col: Any, args: PageArgs
) -> tuple[AnySelect, AnySelect]:
    """The statement of a page of ``query`` (its rows with their sort dates and the full
    count) and that of the count alone, the bounds as ``_bounds`` parameters."""
    date_col = sort_date(date_col)
    counted = query.with_only_columns(func.count(id_col), maintain_column_froms=True).order_by(None)
    # The page's ids are chosen first and its rows read after, in one statement: sorting
    # whole rows (a meeting's are wide) costs more than sorting keys.
    keys = (
        query.with_only_columns(
            id_col.label(PAGE_ID), date_col.label(PAGE_DATE), maintain_column_froms=True
        )
        .order_by(*_ordering(args, date_col, id_col))
        .limit(args.size + 1)
    )
    for condition in _bounds(args, date_col, id_col):
        keys = keys.where(condition)
    chosen = keys.subquery()
    table = id_col.table
    # The full count rides along (not correlated with the page's rows); an empty page
    # asks for it on its own.
    paged = (
        select(
            *table.columns,
            chosen.c[PAGE_DATE],
            counted.correlate(None).scalar_subquery().label(PAGE_TOTAL),
        )
        .join_from(table, chosen, table.c.id == chosen.c[PAGE_ID])
        .order_by(*_ordering(args, chosen.c[PAGE_DATE], chosen.c[PAGE_ID]))
    )
    return paged, counted


async def fetch_pages(
    reads: RequestReads,
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
    need; every parent gets its own first (or, paging backward, last) ``args.size``
    rows between the bounds, rows of ``model``'s table.
    """
    date_col = sort_date(date_col)
    query = query.where(parent_col.in_(parents))
    counted = query.with_only_columns(
        parent_col, func.count(id_col), maintain_column_froms=True
    ).group_by(parent_col)
    counts: Sequence[Any] = await reads.rows(counted)  # (parent, count) rows
    totals: dict[Hashable, int] = {row[0]: int(row[1]) for row in counts}
    if args.size == 0:
        # Whether rows lie beyond the empty page is told by the count alone.
        return {p: _cut([], args, totals.get(p, 0), totals.get(p, 0) > 0) for p in parents}
    number = func.row_number().over(
        partition_by=parent_col, order_by=_ordering(args, date_col, id_col)
    )
    ranked = query.add_columns(
        date_col.label(PAGE_DATE), parent_col.label("page_parent"), number.label("page_row")
    )
    for condition in _bounds(args, date_col, id_col):
        ranked = ranked.where(condition)
    values = _bound_values(args)
    sub = ranked.subquery()
    table: Table = model.__table__
    statement = (
        select(*(sub.c[column.name] for column in table.columns), sub.c[PAGE_DATE])
        .add_columns(sub.c.page_parent)
        .where(sub.c.page_row <= args.size + 1)
        .order_by(sub.c.page_parent, sub.c.page_row)
    )
    grouped: dict[Hashable, list[tuple[Any, dt.date | None]]] = {}
    for row in await reads.rows(statement, values):
        grouped.setdefault(row.page_parent, []).append((row, getattr(row, PAGE_DATE)))
    return {
        parent: _cut(grouped.get(parent, []), args, totals.get(parent, 0)) for parent in parents
    }


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
        page_info=page_info(edges, has_next=page.has_next, has_previous=page.has_previous),
        total_count=page.total,
    )


def page_info(edges: Sequence[Any], *, has_next: bool, has_previous: bool) -> PageInfo:
    """The PageInfo of a page of ``edges`` (anything with a ``cursor``)."""
    return PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
