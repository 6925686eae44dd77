"""What every page shares: the caller (a key from the cookie or the header), running a
GraphQL operation in process, and rendering a template.

Pages run ``api.web.operations`` against the schema the GraphQL endpoint serves, with
the context it builds and the limits it applies, so a page shows exactly what a
GraphQL client would be given. Reads follow GraphQL's policy: when they need a key,
the page asks for one once and keeps it in an HttpOnly, SameSite=Strict cookie; a
script may send ``Authorization: Bearer`` instead. No key is ever put in a URL.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from graphql import GraphQLError
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse
from strawberry.schema import BaseSchema

from api.auth import AuthenticationError, Caller, caller_for_key, resolve_caller
from api.web import format as fmt

if TYPE_CHECKING:
    from api.app import AppState

TEMPLATES: Final = Path(__file__).parent / "templates"
STATIC: Final = Path(__file__).parent / "static"
STATIC_PATH: Final = "/static"
KEY_COOKIE: Final = "assurance_key"
# Errors a page reports as the visitor's to fix (400), by GraphQL error code.
INPUT_CODES: Final = frozenset(
    {"SEARCH_SYNTAX", "BAD_YEAR", "BAD_DATE", "BAD_CURSOR", "BAD_ID", "BAD_TEXT"}
    | {"TEXT_TOO_LONG", "TOO_MANY"}
)
HEADERS: Final = {
    "content-security-policy": "default-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "vary": "Cookie, Authorization",
}

logger = logging.getLogger("assurance.web")

ContextFactory = Callable[["AppState", Request, Caller | None], Awaitable[object]]


class PageError(Exception):
    """A page that cannot be shown: its status, a title and a sentence for people."""

    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.title = title
        self.message = message


class KeyNeeded(Exception):
    """Reads need a key and the request has none (or one that is not valid)."""

    def __init__(self, problem: str | None = None) -> None:
        super().__init__(problem or "an API key is needed")
        self.problem = problem


@dataclass
class Site:
    """The pages' shared parts; one per app."""

    schema: BaseSchema
    state: AppState
    context_factory: ContextFactory
    templates: Environment

    @classmethod
    def create(cls, schema: BaseSchema, state: AppState, context_factory: ContextFactory) -> Site:
        templates = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(default=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
        templates.filters.update(fmt.FILTERS)
        templates.globals["static"] = lambda name: f"{STATIC_PATH}/{name}"
        return cls(schema, state, context_factory, templates)

    # --- who is asking --------------------------------------------------------------------

    async def caller(self, request: Request) -> Caller | None:
        """The caller the request's header or cookie names; ``KeyNeeded`` when reads
        need a key and there is none, or when the one given is not valid."""
        _, sessions, _ = self.state.require()
        try:
            header = request.headers.get("authorization")
            if header:
                caller = await resolve_caller(sessions, header)
            elif key := request.cookies.get(KEY_COOKIE):
                caller = await caller_for_key(sessions, key)
            else:
                caller = None
        except AuthenticationError as exc:
            raise KeyNeeded(str(exc)) from exc
        if caller is None and self.state.settings.reads_need_key:
            raise KeyNeeded()
        return caller

    async def check_key(self, key: str) -> Caller:
        _, sessions, _ = self.state.require()
        return await caller_for_key(sessions, key)

    # --- reading ----------------------------------------------------------------------------

    async def run(
        self,
        request: Request,
        caller: Caller | None,
        document: str,
        variables: Mapping[str, Any],
    ) -> dict[str, Any]:
        """The data of one operation, run as the GraphQL endpoint runs it; a PageError for
        errors (400 for input the visitor can fix, 500 for the rest, logged)."""
        context = await self.context_factory(self.state, request, caller)
        result = await self.schema.execute(
            document, variable_values=dict(variables), context_value=context
        )
        if result.errors:
            raise _page_error(result.errors)
        assert result.data is not None
        return result.data

    def render(
        self, request: Request, template: str, status: int = 200, **values: Any
    ) -> HTMLResponse:
        values.setdefault("signed_in", KEY_COOKIE in request.cookies)
        values.setdefault("path", request.url.path)
        html = self.templates.get_template(template).render(**values)
        return HTMLResponse(html, status_code=status, headers=dict(HEADERS))


def _page_error(errors: list[GraphQLError]) -> PageError:
    for error in errors:
        code = (error.extensions or {}).get("code")
        if code in INPUT_CODES:
            return PageError(400, "The search could not be read", error.message)
    logger.error("a page's operation failed: %s", "; ".join(e.message for e in errors))
    return PageError(500, "Something went wrong", "The page could not be made; it was logged.")
