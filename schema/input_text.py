"""Text no database can store is refused at the edge, in every argument of every request.

PostgreSQL refuses a NUL character in text, and SQLite compares text only up to the
first NUL (a filter of "\\u0000" would match every row); a lone surrogate ("\\ud800",
which JSON escapes can carry) is not a character at all and cannot be encoded for
either. ``RefuseUnstorableText`` looks at every string an operation's arguments hold,
written in the query or sent as variables, before anything is resolved, so no resolver
needs a check of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    ArgumentNode,
    DirectiveNode,
    DocumentNode,
    ExecutionResult,
    FieldNode,
    ListValueNode,
    Node,
    ObjectValueNode,
    OperationDefinitionNode,
    StringValueNode,
    ValueNode,
    VariableNode,
    visit,
)
from graphql.language import Visitor
from strawberry.extensions import SchemaExtension

from schema.errors import PublicError

CODE = "BAD_TEXT"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _problem(text: str) -> str | None:
    """What makes ``text`` unstorable, or None."""
    found = _UNSTORABLE.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return "holds a NUL character (U+0000), which text may not contain"
    return (
        f"holds a lone surrogate (U+{ord(found.group()):04X}), which is not a character: "
        "send text as UTF-8"
    )


class _Arguments(Visitor):
    """Collects (where, argument) for every argument of fields and directives."""

    def __init__(self) -> None:
        super().__init__()
        self.owners: list[str] = []
        self.found: list[tuple[str, ArgumentNode]] = []

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        self.owners.append(node.name.value)

    def leave_field(self, *_: Any) -> None:
        self.owners.pop()

    def enter_directive(self, node: DirectiveNode, *_: Any) -> None:
        self.owners.append(f"@{node.name.value}")

    def leave_directive(self, *_: Any) -> None:
        self.owners.pop()

    def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
        self.found.append((self.owners[-1] if self.owners else "", node))


def _arguments(document: DocumentNode) -> list[tuple[str, ArgumentNode]]:
    visitor = _Arguments()
    visit(document, visitor)
    return visitor.found


def _defaults(document: DocumentNode) -> dict[str, ValueNode]:
    """Default values of the variables the operations declare."""
    return {
        variable.variable.name.value: variable.default_value
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode)
        for variable in definition.variable_definitions or ()
        if variable.default_value is not None
    }


def _strings(
    value: ValueNode, variables: Mapping[str, Any], defaults: Mapping[str, ValueNode]
) -> Iterator[tuple[str, str | None, str]]:
    """(path inside the value, variable it came from, text) of every string in an argument.

    Walked with a stack rather than recursion: a variable may nest as deep as JSON can.
    """
    stack: list[tuple[str, str | None, object]] = [("", None, value)]
    while stack:
        path, variable, item = stack.pop()
        if isinstance(item, StringValueNode):
            yield path, variable, item.value
        elif isinstance(item, str):
            yield path, variable, item
        elif isinstance(item, ListValueNode):
            stack.extend((f"{path}[{n}]", variable, v) for n, v in enumerate(item.values))
        elif isinstance(item, ObjectValueNode):
            stack.extend((f"{path}.{f.name.value}", variable, f.value) for f in item.fields)
        elif isinstance(item, VariableNode):
            name = item.name.value
            if name in variables:
                stack.append((path, name, variables[name]))
            elif name in defaults:
                stack.append((path, name, defaults[name]))
        elif isinstance(item, list):
            stack.extend((f"{path}[{n}]", variable, v) for n, v in enumerate(item))
        elif isinstance(item, dict):
            stack.extend((f"{path}.{key}", variable, v) for key, v in item.items())


def _read_document(
    document: DocumentNode,
) -> tuple[list[tuple[str, ArgumentNode]], dict[str, ValueNode]]:
    """The arguments and the variables' defaults of ``document``, found once per document
    (clients send the same few documents again and again: the parse cache hands back the
    same document for the same text)."""
    found = _DOCUMENTS.get(id(document))
    if found is not None and found[0] is document:
        return found[1], found[2]
    arguments, defaults = _arguments(document), _defaults(document)
    if len(_DOCUMENTS) >= DOCUMENTS_KEPT:
        _DOCUMENTS.clear()
    _DOCUMENTS[id(document)] = (document, arguments, defaults)  # kept: its id is not reused
    return arguments, defaults


DOCUMENTS_KEPT = 256
_DOCUMENTS: dict[
    int, tuple[DocumentNode, list[tuple[str, ArgumentNode]], dict[str, ValueNode]]
] = {}


def unstorable_text(document: DocumentNode, variables: Mapping[str, Any]) -> PublicError | None:
    """The error for the first argument string no database can store, or None."""
    arguments, defaults = _read_document(document)
    for owner, argument in arguments:
        for path, variable, text in _strings(argument.value, variables, defaults):
            problem = _problem(text)
            if problem is None:
                continue
            where = f"argument `{argument.name.value}{path}`"
            if variable is not None:
                where += f" (variable ${variable})"
            nodes: list[Node] = [argument]
            return PublicError(f"{owner}: {where} {problem}", CODE, nodes)
    return None


class RefuseUnstorableText(SchemaExtension):
    """Answers a BAD_TEXT error, and runs nothing, when an argument holds unstorable text."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and context.result is None:
            error = unstorable_text(document, context.variables or {})
            if error is not None:
                context.result = ExecutionResult(data=None, errors=[error])
        yield
