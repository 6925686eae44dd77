"""Every mutation the schema has, called with no key and with a reader, an editor and an
admin key, is refused or run as the policy says.

The policy (``api.auth.Role``): a reader reads; an editor also changes records; an admin
also removes them. So every mutation needs a key; one that removes records (its name
starts with ``delete`` or ``remove``) needs the admin role, the others the editor role.
The fields come from the schema itself and their arguments are made from their types,
so a mutation added without a permission, or with the wrong one, fails here.
"""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    get_named_type,
)

from api.auth import Role
from api.settings import Settings
from schema import build_schema
from schema.permissions import IsAdmin, IsEditor
from tests.support.api import ClientFactory, make_key
from tests.support.paths import SAMPLES

SCHEMA = build_schema()
MUTATION = SCHEMA._schema.mutation_type
assert MUTATION is not None
FIELDS = sorted(MUTATION.fields)
REMOVING = ("delete", "remove")
UPLOAD_FILE = SAMPLES / "eastmoor-performance-2021-06.txt"
# A well-formed global id of no record: a resolver that is reached answers in its payload.
NO_RECORD = base64.b64encode(b"Nothing:0").decode()
SCALAR_VALUES: dict[str, object] = {
    "ID": NO_RECORD,
    "String": "checked",
    "Int": 1,
    "Float": 1.0,
    "Boolean": True,
    "Date": "2021-02-03",
    "DateTime": "2021-02-03T10:00:00+00:00",
    "Time": "10:00",
}


def required_role(field_name: str) -> Role:
    return Role.ADMIN if field_name.startswith(REMOVING) else Role.EDITOR


def allowed(role: Role | None, field_name: str) -> bool:
    ranks = list(Role)
    return role is not None and ranks.index(role) >= ranks.index(required_role(field_name))


@dataclass(frozen=True)
class Call:
    """One mutation field called with made-up values for its required arguments."""

    field: str
    query: str
    variables: dict[str, object]
    uploads: tuple[str, ...]  # variables that are files (sent as a multipart upload)

    @classmethod
    def of(cls, name: str, field: GraphQLField) -> Call:
        variables: dict[str, object] = {}
        uploads: list[str] = []
        declared: list[str] = []
        passed: list[str] = []
        for arg_name, argument in field.args.items():
            if not isinstance(argument.type, GraphQLNonNull):
                continue  # optional: left out
            declared.append(f"${arg_name}: {argument.type}")
            passed.append(f"{arg_name}: ${arg_name}")
            if get_named_type(argument.type).name == "Upload":
                variables[arg_name] = None
                uploads.append(arg_name)
            else:
                variables[arg_name] = value_for(argument.type)
        head = f"mutation Call({', '.join(declared)})" if declared else "mutation Call"
        call = f"{name}({', '.join(passed)})" if passed else name
        return cls(name, f"{head} {{ {call} {{ __typename }} }}", variables, tuple(uploads))

    async def send(self, client: httpx.AsyncClient, key: str | None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        if not self.uploads:
            body = {"query": self.query, "variables": self.variables}
            return await client.post("/graphql", json=body, headers=headers)
        operations = {"query": self.query, "variables": self.variables}
        files_map = {str(i): [f"variables.{name}"] for i, name in enumerate(self.uploads)}
        files = {
            str(i): (UPLOAD_FILE.name, UPLOAD_FILE.read_bytes(), "text/plain")
            for i in range(len(self.uploads))
        }
        return await client.post(
            "/graphql",
            data={"operations": json.dumps(operations), "map": json.dumps(files_map)},
            files=files,
            headers={**headers, "Apollo-Require-Preflight": "true"},
        )


def value_for(kind: GraphQLInputType) -> object:
    """A valid value of a non-null input type, made from the type alone."""
    if isinstance(kind, GraphQLNonNull):
        return value_for(kind.of_type)
    if isinstance(kind, GraphQLList):
        return [value_for(kind.of_type)]
    if isinstance(kind, GraphQLEnumType):
        return next(iter(kind.values))
    if isinstance(kind, GraphQLInputObjectType):
        return {
            name: value_for(field.type)
            for name, field in kind.fields.items()
            if isinstance(field.type, GraphQLNonNull)
        }
    assert isinstance(kind, GraphQLScalarType)
    assert kind.name in SCALAR_VALUES, f"no test value for the scalar {kind.name}: add one"
    return SCALAR_VALUES[kind.name]


@pytest.fixture
async def keyed(
    settings: Settings, client_for: ClientFactory
) -> AsyncIterator[tuple[httpx.AsyncClient, dict[Role, str]]]:
    keys = {role: await make_key(settings, role) for role in Role}
    async with client_for() as client:
        yield client, keys


def test_the_schema_has_mutations_to_check() -> None:
    assert {"ingestDocument", "updateAction", "deleteMeeting"} <= set(FIELDS)


@pytest.mark.parametrize("name", FIELDS)
def test_each_mutation_declares_the_permission_of_its_role(name: str) -> None:
    [field] = [
        f
        for f in SCHEMA.get_type_by_name("Mutation").fields  # type: ignore[union-attr]
        if SCHEMA.config.name_converter.get_graphql_name(f) == name
    ]
    expected = IsAdmin if required_role(name) is Role.ADMIN else IsEditor
    assert list(field.permission_classes) == [expected], (
        f"Mutation.{name} must carry permission_classes=[{expected.__name__}]"
    )


async def test_every_mutation_refuses_or_runs_as_the_policy_says(
    keyed: tuple[httpx.AsyncClient, dict[Role, str]],
) -> None:
    client, keys = keyed
    outcomes: dict[tuple[str, str], str] = {}
    expected: dict[tuple[str, str], str] = {}
    for name in FIELDS:
        field = MUTATION.fields[name]
        call = Call.of(name, field)
        payload = get_named_type(field.type).name
        for role in (None, *Role):
            who = "no key" if role is None else f"{role} key"
            answer = await call.send(client, None if role is None else keys[role])
            assert answer.status_code == 200, (name, who, answer.text)
            body = answer.json()
            codes = [e.get("extensions", {}).get("code") for e in body.get("errors") or []]
            data = (body.get("data") or {}).get(name)
            if codes:
                assert data is None, (name, who, body)
                outcomes[name, who] = "/".join(codes)
            else:
                assert data == {"__typename": payload}, (name, who, body)
                outcomes[name, who] = "RUN"
            if allowed(role, name):
                expected[name, who] = "RUN"
            else:
                expected[name, who] = "UNAUTHENTICATED" if role is None else "FORBIDDEN"
    assert outcomes == expected
