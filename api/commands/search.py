"""``assurance search``: the search index at a terminal, as a table or as JSON."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import asdict
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from api.commands.common import consoles, run, runtime
from api.settings import Settings
from indexer.highlights import join_fragments
from indexer.search import (
    FacetCount,
    Searcher,
    SearchFilter,
    SearchPage,
    SearchSyntaxError,
    SortOrder,
)
from indexer.sync import apply_changes
from records.db import session_factory
from records.glossary import load_glossary
from records.paging import MAX_PAGE_SIZE
from records.queries import RecordSummary, summarise

_MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


class Sort(StrEnum):
    relevance = "relevance"
    date_desc = "date-desc"
    date_asc = "date-asc"


SORT_ORDERS = {
    Sort.relevance: SortOrder.RELEVANCE,
    Sort.date_desc: SortOrder.DATE_DESC,
    Sort.date_asc: SortOrder.DATE_ASC,
}


def search(
    query: Annotated[
        str, typer.Argument(help='Words, "phrases", AND/OR/NOT, field:value, prefix*')
    ],
    year: Annotated[list[int] | None, typer.Option(help="Meeting year (repeatable).")] = None,
    date_from: Annotated[
        dt.datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], help="From date.")
    ] = None,
    date_to: Annotated[
        dt.datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], help="To date.")
    ] = None,
    theme: Annotated[list[str] | None, typer.Option(help="Theme code, e.g. DA.")] = None,
    kind: Annotated[list[str] | None, typer.Option(help="Meeting kind, e.g. THEMATIC.")] = None,
    record_type: Annotated[
        list[str] | None,
        typer.Option("--type", help="Record type: item, meeting, action or metric."),
    ] = None,
    exact: Annotated[bool, typer.Option(help="Match words as written.")] = False,
    sort: Annotated[Sort, typer.Option(help="Order of hits.")] = Sort.relevance,
    first: Annotated[int, typer.Option(min=1, max=MAX_PAGE_SIZE, help="Hits to show.")] = 10,
    by_year: Annotated[
        bool, typer.Option("--by-year", help="Hits per year as a bar chart.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Search meetings, agenda items, actions and metrics."""
    search_filter = SearchFilter(
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None,
        years=tuple(year or ()),
        themes=tuple(t.upper() for t in theme or ()),
        kinds=tuple(k.upper() for k in kind or ()),
        types=tuple(t.lower() for t in record_type or ()),
    )
    console, err_console = consoles()
    try:
        page, trend, records = run(
            _search(Settings(), query, search_filter, SORT_ORDERS[sort], first, exact, by_year)
        )
    except SearchSyntaxError as exc:
        err_console.print(f"[red]error:[/red] search query: {exc}")
        raise typer.Exit(2) from exc
    if as_json:
        console.print_json(json.dumps(_as_json(page, trend, records)))
    else:
        _print(console, page, trend, records)


async def _search(
    settings: Settings,
    query: str,
    search_filter: SearchFilter,
    sort: SortOrder,
    first: int,
    exact: bool,
    by_year: bool,
) -> tuple[SearchPage, list[FacetCount] | None, dict[tuple[str, int], RecordSummary]]:
    async with runtime(settings) as rt:
        await apply_changes(rt.engine, rt.index)  # catch up before answering
        async with session_factory(rt.engine)() as session:
            glossary = await load_glossary(session)
        searcher = Searcher(rt.index.open(), glossary)
        page = searcher.search(query, filter=search_filter, sort=sort, first=first, exact=exact)
        trend = searcher.trend(query, filter=search_filter, exact=exact) if by_year else None
        async with session_factory(rt.engine)() as session:
            records = await summarise(session, ((h.type, h.record_id) for h in page.hits))
        return page, trend, records


def _print(
    console: Console,
    page: SearchPage,
    trend: list[FacetCount] | None,
    records: dict[tuple[str, int], RecordSummary],
) -> None:
    table = Table(title=f"{page.total} hits", show_lines=True)
    for column in ("score", "date", "meeting", "record", "passage"):
        table.add_column(column, justify="right" if column == "score" else "left")
    for hit in page.hits:
        record = records.get((hit.type, hit.record_id))
        passage = _terminal_markup(join_fragments(hit.highlights))
        table.add_row(
            f"{hit.score:.2f}",
            (record.meeting_date or "") if record else "",
            escape(record.meeting_title) if record else "",
            _record_cell(hit.type, record, hit.record_id),
            passage,
        )
    console.print(table)
    if page.suggestion:
        console.print(f"did you mean [bold]{escape(page.suggestion)}[/bold]?")
    for name, counts in asdict(page.facets).items():
        shown = ", ".join(f"{c['value']} {c['count']}" for c in counts[:10])
        console.print(f"[dim]{name}:[/dim] {escape(shown)}")
    if trend:
        console.print("\nhits per year")
        widest = max(c.count for c in trend) or 1
        for count in trend:
            bar = "█" * max(1, round(40 * count.count / widest)) if count.count else ""
            console.print(f"{count.value:>7} {bar} {count.count}")


def _record_cell(record_type: str, record: RecordSummary | None, record_id: int) -> str:
    """What the hit is, and the agenda item an action or a figure belongs to."""
    cell = f"[dim]{record_type}[/dim] " + escape(record.label if record else str(record_id))
    if record is not None and record.item:
        cell += f"\n[dim]in item[/dim] {escape(record.item)}"
    return cell


def _terminal_markup(fragment: str) -> str:
    """An HTML highlight fragment as Rich markup: <mark> in bold, entities decoded."""
    parts = _MARK.split(fragment)  # odd positions are the marked words
    return "".join(
        f"[bold yellow]{escape(html.unescape(part))}[/]" if i % 2 else escape(html.unescape(part))
        for i, part in enumerate(parts)
    )


def _as_json(
    page: SearchPage,
    trend: list[FacetCount] | None,
    records: dict[tuple[str, int], RecordSummary],
) -> dict[str, Any]:
    hits = []
    for hit in page.hits:
        record = records.get((hit.type, hit.record_id))
        hits.append(
            {
                "type": hit.type,
                "id": hit.record_id,
                "meeting_id": hit.meeting_id,
                "score": round(hit.score, 4),
                "highlights": hit.highlights,
                "passage": join_fragments(hit.highlights),
                "label": record.label if record else None,
                "item": record.item if record else None,
                "meeting_title": record.meeting_title if record else None,
                "meeting_date": record.meeting_date if record else None,
            }
        )
    return {
        "total": page.total,
        "hits": hits,
        "facets": asdict(page.facets),
        "suggestion": page.suggestion,
        "trend": [asdict(c) for c in trend] if trend is not None else None,
    }
