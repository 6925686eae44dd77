"""The record pages: a meeting, a theme, and a source document's text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from api.auth import Caller
from api.web import operations
from api.web.chart import Chart, year_chart
from api.web.params import SearchParams
from api.web.site import PageError, Site
from records import clock

# A theme page's lists of actions, by the name of their download. They ask the action's
# lifecycle as of today, not the status its own meeting recorded: an action a later meeting
# closed ("Action 1 had been completed") is neither open nor overdue, and each lifecycle
# is listed once, as the action that raised it.
ACTION_LISTS: dict[str, Callable[[str, dt.date], dict[str, Any]]] = {
    "open-actions": lambda code, today: {"theme": code, "openAt": today.isoformat()},
    "overdue-actions": lambda code, today: {"theme": code, "overdueAt": today.isoformat()},
}


@dataclass(frozen=True)
class MeetingView:
    meeting: dict[str, Any]
    present: list[dict[str, Any]]
    apologies: list[dict[str, Any]]
    others: list[dict[str, Any]]  # in attendance


async def meeting_view(
    site: Site, request: Request, caller: Caller | None, meeting_id: str
) -> MeetingView:
    data = await site.run(request, caller, operations.MEETING, {"id": meeting_id})
    meeting = data["meeting"]
    if meeting is None:
        raise PageError(404, "No such meeting", "No meeting has this address.")
    attendees = meeting["attendees"]
    return MeetingView(
        meeting=meeting,
        present=[a for a in attendees if a["status"] == "PRESENT"],
        apologies=[a for a in attendees if a["status"] == "APOLOGIES"],
        others=[a for a in attendees if a["status"] == "IN_ATTENDANCE"],
    )


@dataclass(frozen=True)
class ThemeView:
    theme: dict[str, Any]
    chart: Chart | None
    meetings_counted: int
    open: dict[str, Any]
    overdue: dict[str, Any]
    search: str  # the search page narrowed to the theme


async def theme_view(site: Site, request: Request, caller: Caller | None, code: str) -> ThemeView:
    code = code.strip()
    if not code or len(code) > 100:
        raise PageError(404, "No such theme", "No theme has this code.")
    today = clock.today(site.state.settings.zone)
    data = await site.run(
        request,
        caller,
        operations.THEME,
        {
            "code": code,
            "themes": [code],
            "open": ACTION_LISTS["open-actions"](code, today),
            "overdue": ACTION_LISTS["overdue-actions"](code, today),
        },
    )
    theme = data["theme"]
    if theme is None:
        raise PageError(404, "No such theme", f"No theme has the code {code!r}.")
    narrowed = SearchParams(themes=(theme["code"],))
    by_year = data["byYear"]
    return ThemeView(
        theme=theme,
        chart=year_chart(
            by_year["facets"]["years"],
            lambda year: SearchParams(
                themes=(theme["code"],), types=("meeting",), years=(year,)
            ).url(),
        ),
        meetings_counted=by_year["totalCount"],
        open=data["open"],
        overdue=data["overdue"],
        search=narrowed.url(),
    )


@dataclass(frozen=True)
class DocumentText:
    file_name: str
    text: str


async def document_text(
    site: Site, request: Request, caller: Caller | None, document_id: str
) -> DocumentText:
    data = await site.run(request, caller, operations.DOCUMENT, {"id": document_id})
    node = data["node"]
    if node is None or node["__typename"] != "SourceDocument":
        raise PageError(404, "No such document", "No source document has this address.")
    return DocumentText(node["fileName"], node["text"])
