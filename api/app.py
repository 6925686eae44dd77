"""The Starlette application: GraphQL, health, readiness and metrics, put together here.

``create_app(settings)`` builds one app; the lifespan opens the database (migrating
an empty one), opens the search index, applies the change-log entries the index
has not seen, and keeps applying them while the app runs (changes made by other
processes sharing the database).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.http.parse_content_type import parse_content_type
from strawberry.schema import BaseSchema

from api.auth import AuthenticationError, Caller, resolve_caller
from api.database import open_database
from api.deadline import RequestDeadlineMiddleware
from api.graphiql import ASSETS, ASSETS_PATH, page_html
from api.graphql_body import (
    BAD_CONTENT_TYPE,
    BAD_REQUEST,
    RequestBodyError,
    decode_json,
    error_code,
    graphql_request,
    request_data,
    upload_operations,
)
from api.metrics import CONTENT_TYPE, AppMetrics
from api.middleware import BodySizeLimitMiddleware, RequestMiddleware, send_json_error
from api.protection import ExtensionFactory, protection_extensions
from api.request_log import REQUEST_ID_HEADER, configure_json_logging
from api.searchers import SearcherPool
from api.settings import Settings
from indexer.storage import IndexStore
from indexer.sync import apply_changes, check
from ingest.workers import WorkerPool
from records.db import session_factory

GRAPHQL_PATH = "/graphql"
ROUTES = (GRAPHQL_PATH, "/healthz", "/readyz", "/metrics")
# Headers a browser cannot send cross-site without a CORS preflight; multipart
# requests (uploads) must carry one, so that a plain HTML form cannot post them.
PREFLIGHT_HEADERS = ("apollo-require-preflight", "x-apollo-operation-name", "graphql-preflight")

logger = logging.getLogger("assurance.api")

SchemaFactory = Callable[[Sequence[ExtensionFactory]], BaseSchema]
ContextFactory = Callable[["AppState", Request, Caller | None], Awaitable[object]]


@dataclass
class AppState:
    """What the lifespan opens and every request uses."""

    settings: Settings
    metrics: AppMetrics = field(default_factory=AppMetrics)
    engine: AsyncEngine | None = None
    sessions: async_sessionmaker[AsyncSession] | None = None
    index: IndexStore | None = None
    searchers: SearcherPool | None = None
    uploads: WorkerPool | None = None

    def require(self) -> tuple[AsyncEngine, async_sessionmaker[AsyncSession], IndexStore]:
        if self.engine is None or self.sessions is None or self.index is None:
            raise RuntimeError("the app is not started (its lifespan has not run)")
        return self.engine, self.sessions, self.index

    def searcher_pool(self) -> SearcherPool:
        if self.searchers is None:
            raise RuntimeError("the app is not started (its lifespan has not run)")
        return self.searchers


def _default_schema(extensions: Sequence[ExtensionFactory]) -> BaseSchema:
    from schema import build_schema

    return build_schema(extensions=list(extensions))


async def _default_context(state: AppState, request: Request, caller: Caller | None) -> object:
    from schema.context import Context

    engine, _, index = state.require()
    return Context(
        engine=engine,
        searcher=state.searcher_pool().get,
        role=None if caller is None else caller.role.value,
        index=index,
        uploads=state.uploads,
        api_key_name=None if caller is None else caller.key_name,
        request=request,
    )


class GraphQLApp(GraphQL[object, None]):
    """Strawberry's ASGI view, with API keys and a CSRF rule for multipart requests.

    A request it cannot read (a body that is not a GraphQL request in JSON, a wrong
    content type, a method it does not serve) gets a JSON error with a code, in the
    shape of the app's other refusals, where Strawberry answers in plain text or 500.
    """

    def __init__(
        self, schema: BaseSchema, state: AppState, context_factory: ContextFactory
    ) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if state.settings.graphiql else None,
            allow_queries_via_get=False,
            multipart_uploads_enabled=True,
        )
        self.state = state
        self.context_factory = context_factory

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL loading its files from this app (``api.graphiql``), not from a CDN."""
        return HTMLResponse(page_html())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            request = Request(scope, receive)
            content_type = request.headers.get("content-type", "").lower()
            if content_type.startswith("multipart/form-data") and not any(
                request.headers.get(name) for name in PREFLIGHT_HEADERS
            ):
                await send_json_error(
                    send,
                    400,
                    "multipart requests need the header `Apollo-Require-Preflight: true`",
                    "PREFLIGHT_REQUIRED",
                )
                return
            try:
                caller = await self._caller(request)
            except AuthenticationError as exc:
                await _unauthorized(send, str(exc))
                return
            if caller is None and self.state.settings.reads_need_key:
                await _unauthorized(send, "an API key is required (Authorization: Bearer <key>)")
                return
            request.state.caller = caller
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope, receive))
        except HTTPException as exc:
            await send_json_error(send, exc.status_code, exc.reason, error_code(exc))
            return
        await response(scope, receive, send)

    def decode_json(self, data: str | bytes) -> object:
        """JSON in a GET's parameters or a multipart field, strictly; refused with a 400."""
        return decode_json(data, "a JSON value of the request")

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        """A POST's GraphQL request, from a JSON body or a multipart upload, checked."""
        if request.method != "POST":
            return await super().parse_http_body(request)
        content_type = parse_content_type(request.content_type or "")[0].lower()
        if content_type == "multipart/form-data":
            return request_data(await self.parse_multipart(request), "`operations`")
        if content_type != "application/json":
            raise RequestBodyError(
                "a GraphQL request is sent as JSON (Content-Type: application/json), or "
                f"as a multipart upload, not as {content_type or 'a body of no type'}",
                BAD_CONTENT_TYPE,
            )
        return graphql_request(await request.get_body())

    async def parse_multipart(self, request: AsyncHTTPRequestAdapter) -> dict[str, Any]:
        """An upload's operations with its files in place (``upload_operations``)."""
        try:
            form = await request.get_form_data()
        except (ValueError, StarletteHTTPException) as exc:
            detail = getattr(exc, "detail", None) or str(exc)
            raise RequestBodyError(
                f"the multipart body cannot be read: {detail}", BAD_REQUEST
            ) from exc
        return upload_operations(form.form, form.files)

    async def _caller(self, request: Request) -> Caller | None:
        _, sessions, _ = self.state.require()
        return await resolve_caller(sessions, request.headers.get("authorization"))

    async def get_context(self, request: Request | WebSocket, response: Any) -> object:
        assert isinstance(request, Request), "subscriptions are not served"
        caller: Caller | None = getattr(request.state, "caller", None)
        return await self.context_factory(self.state, request, caller)


async def _unauthorized(send: Send, message: str) -> None:
    await send_json_error(
        send, 401, message, "UNAUTHENTICATED", headers=[(b"www-authenticate", b"Bearer")]
    )


async def _keep_index_in_step(state: AppState, seconds: float) -> None:
    """Apply change-log entries made by other processes, every ``seconds``."""
    engine, sessions, index = state.require()
    while True:
        await asyncio.sleep(seconds)
        try:
            if await apply_changes(engine, index):
                await state.searcher_pool().load_glossary(sessions)
        except Exception:
            logger.exception("applying changes to the search index failed")


def create_app(
    settings: Settings,
    *,
    schema_factory: SchemaFactory = _default_schema,
    context_factory: ContextFactory = _default_context,
) -> Starlette:
    """The whole API as one ASGI app; nothing is opened until its lifespan starts."""
    state = AppState(settings)
    extensions = protection_extensions(settings, on_masked=state.metrics.graphql_errors.inc)
    graphql = GraphQLApp(schema_factory(extensions), state, context_factory)

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        engine = await open_database(settings)
        syncing: asyncio.Task[None] | None = None
        try:
            sessions = session_factory(engine)
            state.engine, state.sessions = engine, sessions
            state.index = IndexStore(settings.index_dir)
            await apply_changes(engine, state.index)
            state.searchers = SearcherPool(state.index)
            await state.searchers.load_glossary(sessions)
            state.uploads = WorkerPool(settings.upload_workers, settings.ingest_limits)
            if settings.index_sync_seconds > 0:
                syncing = asyncio.create_task(
                    _keep_index_in_step(state, settings.index_sync_seconds)
                )
            yield
        finally:
            if syncing is not None:
                syncing.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await syncing
            if state.uploads is not None:
                await asyncio.to_thread(state.uploads.close)
            if state.searchers is not None:
                state.searchers.close()
            await engine.dispose()

    async def healthz(_: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(_: Request) -> Response:
        reasons = await _unready_reasons(state)
        if reasons:
            return JSONResponse({"status": "unavailable", "reasons": reasons}, status_code=503)
        return JSONResponse({"status": "ready"})

    async def metrics(_: Request) -> Response:
        with contextlib.suppress(Exception):  # an unreachable database must not hide metrics
            engine, _sessions, index = state.require()
            state.metrics.index_lag.set((await check(engine, index)).lag)
        return Response(state.metrics.render(), media_type=CONTENT_TYPE)

    middleware = [Middleware(RequestMiddleware, metrics=state.metrics, routes=ROUTES)]
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "POST", "OPTIONS"],
                allow_headers=[
                    "Authorization",
                    "Content-Type",
                    "X-Request-ID",
                    "Apollo-Require-Preflight",
                ],
                expose_headers=[REQUEST_ID_HEADER],
                max_age=600,
            )
        )
    middleware.append(
        Middleware(
            RequestDeadlineMiddleware,
            seconds=settings.request_seconds,
            upload_seconds=settings.request_seconds + settings.ingest_seconds,
        )
    )
    middleware.append(
        Middleware(
            BodySizeLimitMiddleware,
            max_bytes=settings.max_body_bytes,
            upload_bytes=settings.max_bytes,
        )
    )
    routes: list[BaseRoute] = [
        Route(GRAPHQL_PATH, graphql, methods=["GET", "POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/metrics", metrics, methods=["GET"]),
    ]
    if settings.graphiql:
        page_html()  # a missing GraphiQL file stops the app here, not in a browser
        routes.append(Mount(ASSETS_PATH, StaticFiles(directory=ASSETS), name="graphiql"))
    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
    )
    app.state.assurance = state
    return app


async def _unready_reasons(state: AppState) -> list[str]:
    if state.engine is None or state.index is None:
        return ["the app has not finished starting"]
    try:
        async with state.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as exc:
        return [f"database unreachable: {type(exc).__name__}"]
    try:
        status = await check(state.engine, state.index)
    except Exception as exc:
        return [f"search index unreadable: {type(exc).__name__}"]
    if status.lag:
        return [f"search index is {status.lag} change(s) behind the database"]
    return []


def app_from_environment() -> Starlette:
    """The app with settings from ``ASSURANCE_*`` variables (uvicorn's factory, per worker)."""
    configure_json_logging()
    return create_app(Settings())
