"""The quick completion of subtrees answers exactly as graphql-core's own execution does:
the application's schema over the seed minutes run with and without it, and a small
schema whose values break their types (errors, paths and nulls compared)."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Sequence
from typing import Any

import pytest
import strawberry
from graphql.execution.executor import Executor
from strawberry.extensions import FieldExtension, SchemaExtension
from strawberry.permission import BasePermission
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from api.protection import protection_extensions
from api.settings import Settings
from schema import build_schema
from schema.argument_errors import NameArgumentsInErrors
from schema.context import Context
from schema.documents import SourceDocument
from schema.execution import LeanExecutor, plan_leaves
from schema.input_text import RefuseUnstorableText
from schema.mutations import Mutation
from schema.people import Person
from schema.queries import Query as AppQuery
from schema.reads import OneReadConnection
from schema.scalars import SCALAR_MAP


def stock_schema(extensions: Sequence[Any] = ()) -> strawberry.Schema:
    """The schema as ``build_schema`` makes it, run by graphql-core and Strawberry alone:
    no quick completion, no direct relation resolvers, no planned leaves."""
    return strawberry.Schema(
        query=AppQuery,
        mutation=Mutation,
        types=[Person, SourceDocument],
        extensions=[NameArgumentsInErrors, RefuseUnstorableText, OneReadConnection, *extensions],
        config=StrawberryConfig(scalar_map=SCALAR_MAP),
    )


LEAN = build_schema()
STOCK = stock_schema()

MEETING = """
  id __typename title t2: title kind date startTime venue body warnings
  chair { __typename id name } minuteTaker { name }
  attendees { person { id name } capacity abbreviation status }
  items { id number title children { number title parent { number } meeting { date } } }
  items { id text m: meeting { id kind } }
  actions {
    id reference status dueDate origin { title date kind }
    owners { name } history { id status actionStatus date createdAt source }
    item { number } themes { code } meeting { date }
  }
  metrics { id value unit label kind meeting { date } item { number } theme { code } }
  themes { code name aliases }
  nextMeeting { title kind date startTime }
"""

QUERIES = [
    "{ meetings(first: 3) { totalCount edges { cursor node { " + MEETING + " } } } }",
    # Fragments, inline fragments on the object, the interface and none, aliases.
    """
    fragment M on Meeting { title items { title } }
    fragment N on Node { id }
    { meetings(first: 2) { edges { node {
        ...M ...N ... on Meeting { kind items { number ...N } }
        ... { date } again: items { id } __typename
    } } } }
    """,
    # The same field twice with different selections, merged; __typename everywhere.
    """{ meetings(first: 2) { __typename edges { __typename node {
        actions { id owners { name } } actions { status owners { id __typename } }
        metrics { unit } metrics { value theme { name } }
    } } } }""",
    # Directives with literals and variables, both ways.
    """query ($yes: Boolean!, $no: Boolean!) { meetings(first: 2) { edges { node {
        title @skip(if: $yes) kind @include(if: $yes) date @include(if: $no)
        items @include(if: true) { title @skip(if: false) number @skip(if: true) }
        actions @skip(if: $no) { status dueDate @include(if: $no) }
        ... on Meeting @include(if: $no) { venue }
        ... @skip(if: $no) { body }
    } } } }""",
    # Interfaces and unions: node(s) and search results of several types.
    """{ actions(first: 4) { edges { node { id status meeting { id title }
        item { number meeting { kind } } } } } }""",
    """{ metrics(first: 4) { edges { node { __typename id unit kind value
        meeting { items { title } } } } } }""",
]


def _context(corpus: Context) -> Context:
    return Context(engine=corpus.engine, searcher=corpus.searcher, role=corpus.role)


def _answer(result: Any) -> tuple[str, list[Any]]:
    errors = sorted((e.message, e.path) for e in result.errors or [])
    return repr(result.data), errors


async def _both(corpus: Context, query: str, variables: dict[str, Any] | None = None) -> Any:
    stock = await STOCK.execute(query, variable_values=variables, context_value=_context(corpus))
    lean = await LEAN.execute(query, variable_values=variables, context_value=_context(corpus))
    assert _answer(lean) == _answer(stock), query
    return lean


async def test_the_schema_answers_as_graphql_core_does(
    corpus_context: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {LeanExecutor: 0, StrawberryGraphQLCoreExecutionContext: 0}
    execute_field = Executor.execute_field

    def counted(self: Any, *args: Any) -> Any:
        calls[type(self)] += 1
        return execute_field(self, *args)

    monkeypatch.setattr(Executor, "execute_field", counted)
    for query in QUERIES:
        for variables in ({"yes": True, "no": False}, {"yes": False, "no": True}):
            result = await _both(corpus_context, query, variables)
            assert result.errors is None, result.errors
    # The quick completion answered most fields (else this compares nothing).
    assert calls[LeanExecutor] * 3 < calls[StrawberryGraphQLCoreExecutionContext], calls
    found = await _both(corpus_context, QUERIES[0])
    edges = found.data["meetings"]["edges"]
    assert edges and edges[0]["node"]["items"], "the seed has meetings with items"


async def test_nodes_of_each_type_answer_as_graphql_core_does(corpus_context: Context) -> None:
    listed = await _both(
        corpus_context,
        """{ meetings(first: 2) { edges { node { id items { id } actions { id }
            metrics { id } } } } }""",
    )
    ids: list[str] = []
    for edge in listed.data["meetings"]["edges"]:
        node = edge["node"]
        ids.append(node["id"])
        for name in ("items", "actions", "metrics"):
            ids.extend(one["id"] for one in node[name][:2])
    query = """query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id
        ... on Meeting { title kind items { title } }
        ... on AgendaItem { number meeting { date kind } children { title } }
        ... on Action { status dueDate owners { name } meeting { title } }
        ... on Metric { unit value theme { code } }
    } }"""
    found = await _both(corpus_context, query, {"ids": ids})
    assert found.errors is None
    assert len(found.data["nodes"]) == len(ids)


# --- a small schema whose values break their types ---


@strawberry.enum
class Shade(enum.Enum):
    LIGHT = "light"
    DARK = "dark"


@strawberry.interface
class Named:
    name: str


class Denied(BasePermission):
    message = "not allowed"

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        return bool(info.context and info.context.get("allowed"))


class Upper(FieldExtension):
    def resolve(self, next_: Any, source: Any, info: strawberry.Info, **kwargs: Any) -> Any:
        return str(next_(source, info, **kwargs)).upper()


@strawberry.type
class Leaf(Named):
    name: str
    shade: Shade
    day: datetime.date | None
    at: datetime.datetime | None
    key: strawberry.ID
    old: str | None = strawberry.field(deprecation_reason="gone", default=None)
    secret: str = strawberry.field(permission_classes=[Denied], default="hidden")
    loud: str = strawberry.field(extensions=[Upper()], default="quiet")

    @strawberry.field
    def where(self, info: strawberry.Info) -> str:
        return ".".join(str(key) for key in info.path.as_list())

    @strawberry.field
    def broken(self) -> str | None:
        raise ValueError("broken resolver")


@strawberry.type
class Branch:
    title: str
    leaf: Leaf | None
    leaves: list[Leaf | None]
    strict: list[Leaf]
    named: Named | None


@strawberry.type
class Tree:
    branch: Branch
    branches: list[Branch] | None


def _leaf(name: Any = "oak", shade: Any = Shade.LIGHT) -> Leaf:
    return Leaf(
        name=name,
        shade=shade,
        day=datetime.date(2021, 2, 26),
        at=datetime.datetime(2021, 2, 26, 18, 30, tzinfo=datetime.UTC),
        key=strawberry.ID("leaf:1"),
    )


def _branch(leaf: Any) -> Branch:
    return Branch(title="b", leaf=leaf, leaves=[leaf, None], strict=[_leaf(), leaf], named=leaf)


@strawberry.type
class Query:
    @strawberry.field
    def good(self) -> Tree:
        return Tree(branch=_branch(_leaf()), branches=[_branch(_leaf())])

    @strawberry.field
    def null_name(self) -> Tree | None:
        return Tree(branch=_branch(_leaf()), branches=[_branch(_leaf(name=None))])

    @strawberry.field
    def bad_shade(self) -> list[Tree | None]:
        return [Tree(branch=_branch(_leaf(shade="purple")), branches=None)]


SMALL = [
    "{ good { branch { title leaf { name shade day at key old } } } }",
    "{ good { branch { leaf { name secret } } } }",
    "{ good { branch { leaf { name loud } strict { loud } } } }",
    "{ good { branch { leaf { where } leaves { where name } } } }",
    "{ good { branch { leaf { name broken } strict { broken } } } }",
    "{ good { branch { named { name __typename ... on Leaf { shade } } } } }",
    "{ good { branch { leaf { name } leaf { shade day } l: leaf { n: name } } } }",
    "{ nullName { branch { title } branches { title strict { name } leaf { name } } } }",
    "{ nullName { branches { leaves { name } } } }",
    "{ nullName { branches { leaf { name } } } }",
    "{ badShade { branch { strict { shade } } branches { title } } }",
    "{ badShade { branch { leaf { shade } leaves { shade } } } }",
    "query ($on: Boolean!) { good { branch { leaf { name @include(if: $on) shade } } } }",
]


class Resolving(SchemaExtension):
    """A schema extension that sees every field's resolution (middleware)."""

    def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
        return _next(root, info, *args, **kwargs)


def _schemas(**kwargs: Any) -> tuple[strawberry.Schema, strawberry.Schema]:
    stock = strawberry.Schema(query=Query, **kwargs)
    lean = strawberry.Schema(query=Query, execution_context_class=LeanExecutor, **kwargs)
    plan_leaves(lean)
    return stock, lean


@pytest.mark.parametrize("extensions", [[], [Resolving]])
@pytest.mark.parametrize("allowed", [False, True])
async def test_broken_values_fail_as_graphql_core_does(
    extensions: list[Any], allowed: bool
) -> None:
    stock, lean = _schemas(extensions=extensions)
    for query in SMALL:
        for on in (True, False):
            context = {"allowed": allowed}
            variables = {"on": on}
            expected = await stock.execute(query, variables, context_value=context)
            found = await lean.execute(query, variables, context_value=context)
            assert _answer(found) == _answer(expected), query


async def test_the_small_schema_checks_what_it_should() -> None:
    _, lean = _schemas()
    found = await lean.execute("{ good { branch { leaf { loud where } } } }")
    assert found.errors is None
    assert found.data == {
        "good": {"branch": {"leaf": {"loud": "QUIET", "where": "good.branch.leaf.where"}}}
    }
    found = await lean.execute("{ good { branch { leaf { secret } } } }")
    assert found.data == {"good": {"branch": {"leaf": None}}}
    assert [e.message for e in found.errors or []] == ["not allowed"]
    found = await lean.execute("{ nullName { branches { leaf { name } } } }")
    assert found.data == {"nullName": {"branches": [{"leaf": None}]}}
    assert [e.path for e in found.errors or []] == [["nullName", "branches", 0, "leaf", "name"]]


async def test_the_api_limits_and_masking_apply_alike(corpus_context: Context) -> None:
    settings = Settings(max_depth=4, max_aliases=2)
    lean = build_schema(extensions=protection_extensions(settings))
    stock = stock_schema(extensions=protection_extensions(settings))
    queries = [
        "{ meetings(first: 2) { edges { node { items { meeting { title } } } } } }",
        "{ meetings(first: 2) { edges { node { a: title b: title c: title } } } }",
        "{ meetings(first: 2) { edges { node { title kind } } } }",
        '{ node(id: "not-an-id") { id } }',
    ]
    answers = []
    for query in queries:
        found = await lean.execute(query, context_value=_context(corpus_context))
        expected = await stock.execute(query, context_value=_context(corpus_context))
        assert _answer(found) == _answer(expected), query
        answers.append(found)
    assert answers[0].data is None and "depth" in str(answers[0].errors)
    assert answers[1].data is None and answers[1].errors
    assert answers[2].errors is None
