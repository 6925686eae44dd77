"""The Starlette application: GraphQL, health, readiness and metrics, put together here.

``create_app(settings)`` builds one app; the lifespan opens the database (migrating
an empty one), opens the search index, applies the change-log entries the index
has not seen, and keeps applying them while the app runs (``api.follower``: changes
made by other processes sharing the database).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import importlib.metadata
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError, OperationType, get_operation_ast, parse
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
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http.parse_content_type import parse_content_type
from strawberry.schema import BaseSchema
from strawberry.types import ExecutionResult

from api.auth import AuthenticationError, Caller, resolve_caller
from api.database import open_database
from api.deadline import RequestDeadlineMiddleware
from api.export.http import EXPORT_ROUTES, EXPORT_ROWS_HEADER, export_routes
from api.follower import IndexFollower
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
from api.http_cache import (
    PERSISTED_QUERY_NOT_FOUND,
    PERSISTED_QUERY_NOT_FOUND_MESSAGE,
    PersistedQueries,
    PersistedQueryNotFound,
    ReadKey,
    ResponseCache,
    etag_matches,
    query_hash,
)
from api.metrics import CONTENT_TYPE, AppMetrics
from api.middleware import BodySizeLimitMiddleware, RequestMiddleware, send_json_error
from api.positions import Positions, open_positions
from api.protection import CACHED_DOCUMENTS, ExtensionFactory, protection_extensions
from api.readiness import (
    DATABASE_UNAVAILABLE,
    DATABASE_UNAVAILABLE_MESSAGE,
    RETRY_AFTER_SECONDS,
    database_unreachable,
    readiness,
)
from api.request_log import REQUEST_ID_HEADER, configure_json_logging
from api.searchers import SearcherPool
from api.settings import Settings
from api.web import WEB_ROUTES, web_routes
from api.write_limits import WriteLimiter, WriteLimits, mutation_writes
from indexer.storage import IndexStore
from indexer.sync import apply_changes
from ingest.workers import WorkerPool
from records import clock
from records.db import session_factory

GRAPHQL_PATH = "/graphql"
ROUTES = (GRAPHQL_PATH, "/healthz", "/readyz", "/metrics", *WEB_ROUTES, *EXPORT_ROUTES)
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
    positions: Positions | None = None
    follower: IndexFollower | None = None

    def require(self) -> tuple[AsyncEngine, async_sessionmaker[AsyncSession], IndexStore]:
        if self.engine is None or self.sessions is None or self.index is None:
            raise RuntimeError("the app is not started (its lifespan has not run)")
        return self.engine, self.sessions, self.index

    def searcher_pool(self) -> SearcherPool:
        if self.searchers is None:
            raise RuntimeError("the app is not started (its lifespan has not run)")
        return self.searchers

    def following(self) -> tuple[Positions, IndexFollower]:
        if self.positions is None or self.follower is None:
            raise RuntimeError("the app is not started (its lifespan has not run)")
        return self.positions, self.follower


def _default_schema(extensions: Sequence[ExtensionFactory]) -> BaseSchema:
    from schema import build_schema

    return build_schema(extensions=list(extensions))


async def default_context(state: AppState, request: Request, caller: Caller | None) -> object:
    """A request's GraphQL context (``schema.context.Context``) on the app's engine,
    searchers, index and upload workers: what ``create_app`` gives unless told otherwise."""
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
        today=clock.today(state.settings.zone),
    )


# The request a GET or a JSON POST carried, read (and its persisted query resolved) before
# Strawberry's view runs; ``parse_http_body`` hands it on.
_PREPARED: ContextVar[GraphQLRequestData | None] = ContextVar("graphql_request", default=None)
# Set on a request's state when its execution gave errors: such an answer is not kept.
ERRORS_STATE = "graphql_errors"
GET_JSON_PARAMETERS = ("variables", "extensions")
# Documents longer than this are parsed for their operation type but not remembered.
REMEMBERED_DOCUMENT_CHARS = 64 * 1024
VARY = "Authorization"
NO_STORE = "no-store"
OPEN_READ = "public, no-cache"  # any cache may keep it, and revalidates it (ETag) each time
KEYED_READ = "private, no-cache"  # only the caller's own cache may keep it


def error_response(
    status: int, message: str, code: str, headers: dict[str, str] | None = None
) -> Response:
    """The app's JSON error (``api.middleware.send_json_error``) as a response."""
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return JSONResponse(body, status_code=status, headers=headers)


class GraphQLApp(GraphQL[object, None]):
    """Strawberry's ASGI view, with API keys, a CSRF rule for multipart requests, queries
    over GET, automatic persisted queries, ETags, a cache of answers to reads and rate
    limits on writes (``api.write_limits``).

    A request it cannot read (a body that is not a GraphQL request in JSON, a wrong
    content type, a method it does not serve) gets a JSON error with a code, in the
    shape of the app's other refusals, where Strawberry answers in plain text or 500.
    Uploads and mutations are never cached; mutations are refused over GET.
    """

    def __init__(
        self, schema: BaseSchema, state: AppState, context_factory: ContextFactory
    ) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if state.settings.graphiql else None,
            allow_queries_via_get=True,
            multipart_uploads_enabled=True,
        )
        self.state = state
        self.context_factory = context_factory
        settings = state.settings
        self.responses = ResponseCache(
            settings.response_cache_entries, settings.response_cache_bytes
        )
        self.persisted = PersistedQueries(
            settings.persisted_queries, settings.persisted_queries_bytes
        )
        self.writes = WriteLimiter(
            WriteLimits(settings.write_rate, settings.write_burst),
            on_refused=lambda reason: state.metrics.writes_refused.labels(reason).inc(),
        )
        # ETags also name the schema served: another version's answers differ.
        self.build = query_hash(f"{_version()}\n{schema.as_str()}")
        self._remembered_operation = functools.lru_cache(maxsize=CACHED_DOCUMENTS)(
            self._find_operation
        )

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL loading its files from this app (``api.graphiql``), not from a CDN."""
        return HTMLResponse(page_html())

    def should_render_graphql_ide(self, request: Any) -> bool:
        return _PREPARED.get() is None and super().should_render_graphql_ide(request)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            response = await self._respond(request)
        except HTTPException as exc:
            await send_json_error(send, exc.status_code, exc.reason, error_code(exc))
            return
        except Exception as exc:
            if not database_unreachable(exc):
                raise
            logger.warning("database unreachable: %s: %s", type(exc).__name__, exc)
            response = error_response(
                503,
                DATABASE_UNAVAILABLE_MESSAGE,
                DATABASE_UNAVAILABLE,
                {"retry-after": str(RETRY_AFTER_SECONDS), "cache-control": NO_STORE},
            )
        await response(scope, receive, send)

    async def _respond(self, request: Request) -> Response:
        method = request.method
        content_type = request.headers.get("content-type", "").lower()
        if method == "POST" and content_type.startswith("multipart/form-data"):
            if not any(request.headers.get(name) for name in PREFLIGHT_HEADERS):
                return error_response(
                    400,
                    "multipart requests need the header `Apollo-Require-Preflight: true`",
                    "PREFLIGHT_REQUIRED",
                )
            return (
                await self._authenticated(request)
                or self._write_limited(request, 1)
                or await self._run(request, None)
            )
        params = request.query_params
        if method == "GET" and "query" not in params and "extensions" not in params:
            return await self.run(request)  # GraphiQL
        if method not in ("GET", "POST"):
            return await self.run(request)  # refused by the view
        refusal = await self._authenticated(request)
        if refusal is not None:
            return refusal
        if method == "POST" and parse_content_type(content_type)[0] != "application/json":
            return await self._run(request, None)  # refused by parse_http_body
        data = await self._request_members(request)
        try:
            if isinstance(data, dict):
                data = self.persisted.resolve(data)
        except PersistedQueryNotFound:
            # 200, as Apollo's servers answer it, and never kept by a cache.
            return error_response(
                200,
                PERSISTED_QUERY_NOT_FOUND_MESSAGE,
                PERSISTED_QUERY_NOT_FOUND,
                {"cache-control": NO_STORE, "vary": VARY},
            )
        prepared = request_data(data, "the request body" if method == "POST" else "the request")
        operation = self._operation(prepared.query, prepared.operation_name)
        if operation is None or operation is not OperationType.QUERY:
            if method == "GET" and operation is not None:
                return error_response(
                    405,
                    f"a {operation.value} cannot be sent with GET, which only reads: send it "
                    "with POST",
                    "METHOD_NOT_ALLOWED",
                    {"allow": "POST", "cache-control": NO_STORE},
                )
            if operation is OperationType.MUTATION:
                assert prepared.query is not None
                writes = mutation_writes(
                    prepared.query, prepared.operation_name, self.state.settings.max_tokens
                )
                if limited := self._write_limited(request, writes):
                    return limited
            return self._not_kept(await self._run(request, prepared))
        return await self._read(request, prepared)

    async def _read(self, request: Request, prepared: GraphQLRequestData) -> Response:
        """A query: answered from the cache when it can be, by ``304`` when the caller's
        copy is current; an answer without errors is kept."""
        caller: Caller | None = request.state.caller
        _, _, index = self.state.require()
        positions, _ = self.state.following()
        assert prepared.query is not None
        key = ReadKey.of(
            prepared.query,
            prepared.variables,
            prepared.operation_name,
            None if caller is None else caller.role.value,
            await positions.latest(),
            index.position(),
            clock.today(self.state.settings.zone),
        )
        headers = {
            "etag": key.etag(self.build),
            "cache-control": OPEN_READ if caller is None else KEYED_READ,
            "vary": VARY,
        }
        if request.method == "GET" and etag_matches(
            request.headers.get("if-none-match"), headers["etag"]
        ):
            self.state.metrics.graphql_cache.labels("not_modified").inc()
            return Response(status_code=304, headers=headers)
        body = self.responses.get(key)
        if body is not None:
            self.state.metrics.graphql_cache.labels("hit").inc()
            return Response(body, media_type="application/json", headers=headers)
        self.state.metrics.graphql_cache.labels("miss").inc()
        response = await self._run(request, prepared)
        if response.status_code != 200 or getattr(request.state, ERRORS_STATE, False):
            return self._not_kept(response)
        self.responses.put(key, bytes(response.body))
        response.headers.update(headers)
        return response

    @staticmethod
    def _not_kept(response: Response) -> Response:
        response.headers["cache-control"] = NO_STORE
        response.headers["vary"] = VARY
        return response

    async def _run(self, request: Request, prepared: GraphQLRequestData | None) -> Response:
        token = _PREPARED.set(prepared)
        try:
            response = await self.run(request)
        finally:
            _PREPARED.reset(token)
        assert isinstance(response, Response)
        return response

    def _write_limited(self, request: Request, writes: int) -> Response | None:
        """A 429 answer when the caller's writes are over their limit (``api.write_limits``)."""
        caller: Caller | None = request.state.caller
        return self.writes.refuse(caller, request.client.host if request.client else None, writes)

    async def _authenticated(self, request: Request) -> Response | None:
        """Resolves the caller onto the request; a 401 answer when it cannot be."""
        try:
            caller = await self._caller(request)
        except AuthenticationError as exc:
            return _unauthorized_response(str(exc))
        if caller is None and self.state.settings.reads_need_key:
            return _unauthorized_response("an API key is required (Authorization: Bearer <key>)")
        request.state.caller = caller
        return None

    @staticmethod
    async def _request_members(request: Request) -> object:
        """The request's members: a JSON body's, or a GET's URL parameters."""
        if request.method == "POST":
            return decode_json(await request.body())
        data: dict[str, Any] = {}
        for name, value in request.query_params.items():
            if name in GET_JSON_PARAMETERS:
                data[name] = decode_json(value, f"the URL parameter `{name}`") if value else None
            else:
                data[name] = value or None
        return data

    def _operation(self, query: str | None, operation_name: str | None) -> OperationType | None:
        if query is None:
            return None
        if len(query) > REMEMBERED_DOCUMENT_CHARS:
            return self._find_operation(query, operation_name)
        return self._remembered_operation(query, operation_name)

    def _find_operation(self, query: str, operation_name: str | None) -> OperationType | None:
        """The type of the operation a request runs; None when the document cannot say
        (the view reports why)."""
        try:
            document = parse(query, no_location=True, max_tokens=self.state.settings.max_tokens)
        except GraphQLError:
            return None
        operation = get_operation_ast(document, operation_name)
        return None if operation is None else operation.operation

    def decode_json(self, data: str | bytes) -> object:
        """JSON in a multipart field, strictly; refused with a 400."""
        return decode_json(data, "a JSON value of the request")

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        """The request read before the view ran, or a multipart upload's, checked."""
        prepared = _PREPARED.get()
        if prepared is not None:
            return prepared
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

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        if result.errors:
            setattr(request.state, ERRORS_STATE, True)
        return await super().process_result(request, result)

    async def _caller(self, request: Request) -> Caller | None:
        _, sessions, _ = self.state.require()
        return await resolve_caller(sessions, request.headers.get("authorization"))

    async def get_context(self, request: Request | WebSocket, response: Any) -> object:
        assert isinstance(request, Request), "subscriptions are not served"
        caller: Caller | None = getattr(request.state, "caller", None)
        return await self.context_factory(self.state, request, caller)


def _version() -> str:
    try:
        return importlib.metadata.version("assurance-records")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _unauthorized_response(message: str) -> Response:
    return error_response(401, message, "UNAUTHENTICATED", {"www-authenticate": "Bearer"})


def create_app(
    settings: Settings,
    *,
    schema_factory: SchemaFactory = _default_schema,
    context_factory: ContextFactory = default_context,
) -> Starlette:
    """The whole API as one ASGI app; nothing is opened until its lifespan starts."""
    state = AppState(settings)
    extensions = protection_extensions(settings, on_masked=state.metrics.graphql_errors.inc)
    graphql = GraphQLApp(schema_factory(extensions), state, context_factory)

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        engine = await open_database(settings)
        try:
            sessions = session_factory(engine)
            state.engine, state.sessions = engine, sessions
            state.index = IndexStore(settings.index_dir)
            await IndexFollower.rebuild_if_unreadable(engine, state.index)  # damaged files
            await apply_changes(engine, state.index)
            state.searchers = SearcherPool(state.index)
            await state.searchers.load_glossary(sessions)
            state.uploads = WorkerPool(settings.upload_workers, settings.ingest_limits)
            state.positions = await open_positions(engine)
            state.follower = IndexFollower(
                engine,
                state.index,
                state.positions,
                bound=settings.index_sync_seconds,
                on_applied=functools.partial(state.searchers.load_glossary, sessions),
            )
            state.follower.start()
            yield
        finally:
            if state.follower is not None:
                await state.follower.stop()
            if state.positions is not None:
                await state.positions.close()
            if state.uploads is not None:
                await asyncio.to_thread(state.uploads.close)
            if state.searchers is not None:
                state.searchers.close()
            await engine.dispose()

    async def healthz(_: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(_: Request) -> Response:
        if state.index is None or state.follower is None:
            return JSONResponse(
                {"status": "unavailable", "reasons": ["the app has not finished starting"]},
                status_code=503,
            )
        ready = await readiness(
            state.index, state.follower, max_lag_seconds=settings.index_ready_lag_seconds
        )
        return JSONResponse(ready.as_json(), status_code=200 if ready.ready else 503)

    async def metrics(_: Request) -> Response:
        with contextlib.suppress(Exception):  # an unreachable database must not hide metrics
            lag = await state.following()[1].lag()
            state.metrics.index_lag.set(lag.behind)
            state.metrics.index_lag_seconds.set(lag.seconds)
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
                    "If-None-Match",
                ],
                expose_headers=[REQUEST_ID_HEADER, "ETag", EXPORT_ROWS_HEADER],
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
    routes += web_routes(graphql.schema, state, context_factory)  # the analysts' pages
    routes += export_routes(state)  # whole tables of records, streamed
    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
    )
    app.state.assurance = state
    return app


def app_from_environment() -> Starlette:
    """The app with settings from ``ASSURANCE_*`` variables (uvicorn's factory, per worker)."""
    configure_json_logging()
    return create_app(Settings())
