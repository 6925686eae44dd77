"""The analysts' web pages: search, meetings, themes and downloads, rendered on the server.

| path | what |
| --- | --- |
| ``/`` | the search page (``?q=`` and filters, ``api.web.params``) |
| ``/search.csv``, ``/search.json`` | every hit of a search, streamed |
| ``/meetings/{id}`` (``.json``) | a meeting: header, attendance, agenda, actions, figures |
| ``/themes/{code}`` (``.json``) | a theme: meetings over time, open and overdue actions, items |
| ``/themes/{code}/open-actions.csv`` | every open (``overdue-actions``: overdue) action; .json |
| ``/documents/{id}.txt`` | a source document's text, as the records were read from it |
| ``/key`` | the form that keeps an API key in a cookie, when reads need one |
| ``/static/...`` | the pages' own style sheet and script; nothing is loaded from elsewhere |

Every page is a GraphQL operation run in process (``api.web.site``); the pages work
without JavaScript, which only adds conveniences.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from strawberry.schema import BaseSchema

from api.auth import AuthenticationError, Caller
from api.web.exports import actions_download, search_download
from api.web.params import ParameterError, SearchParams
from api.web.records import ACTION_LISTS, document_text, meeting_view, theme_view
from api.web.search import search_view
from api.web.site import HEADERS, KEY_COOKIE, STATIC, STATIC_PATH, KeyNeeded, PageError, Site
from records import clock

if TYPE_CHECKING:
    from api.app import AppState
    from api.web.site import ContextFactory

# The app's routes the request metrics name (others are counted together).
WEB_ROUTES: Final = ("/", "/search.csv", "/search.json", "/key")
KEY_MAX_AGE: Final = 8 * 3600

Handler = Callable[[Request, Caller | None], Awaitable[Response]]


def web_routes(
    schema: BaseSchema, state: AppState, context_factory: ContextFactory
) -> list[BaseRoute]:
    """The pages' routes, running operations on ``schema`` with ``context_factory``."""
    site = Site.create(schema, state, context_factory)

    def page(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            try:
                caller = await site.caller(request)
                return await handler(request, caller)
            except KeyNeeded as needed:
                response = site.render(
                    request, "key.html", 401, problem=needed.problem, next=_here(request)
                )
                if needed.problem:
                    response.delete_cookie(KEY_COOKIE, path="/")
                return response
            except ParameterError as exc:
                return site.render(
                    request, "error.html", 400, title="The search could not be read", message=exc
                )
            except PageError as exc:
                return site.render(
                    request, "error.html", exc.status, title=exc.title, message=exc.message
                )

        return endpoint

    async def search(request: Request, caller: Caller | None) -> Response:
        params = SearchParams.read(request.query_params)
        if request.url.query and request.url.query != params.url().partition("?")[2]:
            return RedirectResponse(params.url(), status_code=303)  # the search's one link
        view = await search_view(site, request, caller, params)
        return site.render(request, "search.html", view=view, params=params)

    async def csv_download(request: Request, caller: Caller | None) -> Response:
        params = SearchParams.read(request.query_params)
        return await search_download(site, request, caller, params, "csv")

    async def json_download(request: Request, caller: Caller | None) -> Response:
        params = SearchParams.read(request.query_params)
        return await search_download(site, request, caller, params, "json")

    async def theme_list(request: Request, caller: Caller | None) -> Response:
        name, _, extension = request.path_params["name"].rpartition(".")
        if name not in ACTION_LISTS or extension not in ("csv", "json"):
            raise PageError(
                404,
                "No such list",
                "A theme's lists are open-actions and overdue-actions, as .csv or .json.",
            )
        code = request.path_params["code"].strip()
        await theme_view(site, request, caller, code)  # a 404 page for an unknown theme
        action_filter = ACTION_LISTS[name](code, clock.today(site.state.settings.zone))
        return await actions_download(
            site, request, caller, action_filter, f"{_slug_code(code)}-{name}", extension
        )

    async def meeting(request: Request, caller: Caller | None) -> Response:
        meeting_id, as_json = _split(request.path_params["id"], ".json")
        view = await meeting_view(site, request, caller, meeting_id)
        if as_json:
            return _json(view.meeting)
        return site.render(request, "meeting.html", view=view, m=view.meeting)

    async def theme(request: Request, caller: Caller | None) -> Response:
        code, as_json = _split(request.path_params["code"], ".json")
        view = await theme_view(site, request, caller, code)
        if as_json:
            return _json({k: v for k, v in dataclasses.asdict(view).items() if k != "chart"})
        return site.render(request, "theme.html", view=view, t=view.theme)

    async def document(request: Request, caller: Caller | None) -> Response:
        document_id, as_text = _split(request.path_params["id"], ".txt")
        if not as_text:
            raise PageError(404, "No such page", "A document's text is at its address + .txt.")
        found = await document_text(site, request, caller, document_id)
        name = quote(found.file_name + ".txt")
        return PlainTextResponse(
            found.text,
            headers={**HEADERS, "content-disposition": f"inline; filename*=UTF-8''{name}"},
        )

    async def key_form(request: Request) -> Response:
        next_page = _local(request.query_params.get("next"))
        if request.method == "GET":
            return site.render(request, "key.html", problem=None, next=next_page)
        if not _same_origin(request):
            return site.render(
                request,
                "error.html",
                403,
                title="Refused",
                message="A key can only be given from this site's own form.",
            )
        form = await request.form()
        key = str(form.get("key") or "").strip()
        next_page = _local(str(form.get("next") or ""))
        try:
            await site.check_key(key)
        except AuthenticationError:
            return site.render(
                request, "key.html", 401, problem="That key is not valid.", next=next_page
            )
        response = RedirectResponse(next_page, status_code=303)
        response.set_cookie(
            KEY_COOKIE,
            key,
            max_age=KEY_MAX_AGE,
            path="/",
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response

    async def forget_key(request: Request) -> Response:
        if not _same_origin(request):
            return PlainTextResponse("refused", status_code=403)
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(KEY_COOKIE, path="/", httponly=True, samesite="strict")
        return response

    return [
        Route("/", page(search), methods=["GET"]),
        Route("/search.csv", page(csv_download), methods=["GET"]),
        Route("/search.json", page(json_download), methods=["GET"]),
        Route("/meetings/{id:path}", page(meeting), methods=["GET"]),
        Route("/themes/{code}", page(theme), methods=["GET"]),
        Route("/themes/{code}/{name}", page(theme_list), methods=["GET"]),
        Route("/documents/{id:path}", page(document), methods=["GET"]),
        Route("/key", key_form, methods=["GET", "POST"]),
        Route("/key/forget", forget_key, methods=["POST"]),
        Mount(STATIC_PATH, StaticFiles(directory=STATIC), name="web-static"),
    ]


def _slug_code(code: str) -> str:
    return "".join(c if c.isascii() and c.isalnum() else "-" for c in code.lower()) or "theme"


def _split(value: str, suffix: str) -> tuple[str, bool]:
    if value.endswith(suffix):
        return value[: -len(suffix)], True
    return value, False


def _json(data: Any) -> Response:
    body = json.dumps(data, ensure_ascii=False, default=str, indent=1)
    return Response(body, media_type="application/json", headers=dict(HEADERS))


def _here(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def _local(target: str | None) -> str:
    """A page of this site to go back to (never another site's)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _same_origin(request: Request) -> bool:
    """Whether a form was sent from this site (browsers send Origin with every POST)."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    own = f"{request.url.scheme}://{request.url.netloc}"
    return origin == own
