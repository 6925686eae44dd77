"""Errors about values written in a query name the field and argument they were written for.

graphql-core's check of literal values ("Int cannot represent non 32-bit signed integer
value", a date our ``Date`` scalar refuses) reports the value and its place in the
text, not the argument. ``NameArgumentsInErrors`` swaps that rule for one that puts
``field: argument `name.path`:`` in front of its messages, keeping each error's code.
A value sent in ``variables`` is named by graphql-core itself (the variable and the
path inside it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    ArgumentNode,
    DirectiveNode,
    FieldNode,
    GraphQLError,
    ListValueNode,
    Node,
    ObjectFieldNode,
    ObjectValueNode,
    ValidationContext,
    VariableDefinitionNode,
)
from graphql.validation import ValuesOfCorrectTypeRule
from strawberry.extensions import SchemaExtension


def _path_to(root: Node, target: Node) -> str | None:
    """Where ``target`` sits inside the value ``root`` ("", ".dateFrom", "[2]"), or None."""
    stack: list[tuple[str, Node]] = [("", root)]
    while stack:
        path, node = stack.pop()
        if node is target:
            return path
        if isinstance(node, ListValueNode):
            stack.extend((f"{path}[{n}]", item) for n, item in enumerate(node.values))
        elif isinstance(node, ObjectValueNode):
            stack.extend((f"{path}.{field.name.value}", field) for field in node.fields)
        elif isinstance(node, ObjectFieldNode):
            stack.append((path, node.value))
    return None


class NamedValuesOfCorrectTypeRule(ValuesOfCorrectTypeRule):
    """``ValuesOfCorrectTypeRule`` whose errors name the field and argument of the value."""

    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        self.owners: list[str] = []
        self.argument: ArgumentNode | None = None
        self.variable: VariableDefinitionNode | None = None

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        self.owners.append(node.name.value)

    def leave_field(self, *_: Any) -> None:
        self.owners.pop()

    def enter_directive(self, node: DirectiveNode, *_: Any) -> None:
        self.owners.append(f"@{node.name.value}")

    def leave_directive(self, *_: Any) -> None:
        self.owners.pop()

    def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
        self.argument = node

    def leave_argument(self, *_: Any) -> None:
        self.argument = None

    def enter_variable_definition(self, node: VariableDefinitionNode, *_: Any) -> None:
        self.variable = node

    def leave_variable_definition(self, *_: Any) -> None:
        self.variable = None

    def where(self, error: GraphQLError) -> str | None:
        """``field: argument `name.path``` (or the variable whose default it is), if known."""
        target = error.nodes[0] if error.nodes else None
        if self.argument is not None:
            path = _path_to(self.argument.value, target) if target is not None else None
            owner = self.owners[-1] if self.owners else ""
            return f"{owner}: argument `{self.argument.name.value}{path or ''}`"
        if self.variable is not None and self.variable.default_value is not None:
            path = _path_to(self.variable.default_value, target) if target is not None else None
            return f"the default of variable ${self.variable.variable.name.value}{path or ''}"
        return None

    def report_error(self, error: GraphQLError) -> None:
        where = self.where(error)
        if where is not None:
            error = GraphQLError(
                f"{where}: {error.message}",
                error.nodes,
                original_error=error.original_error,
                extensions=error.extensions,
            )
        super().report_error(error)


class NameArgumentsInErrors(SchemaExtension):
    """Validates with ``NamedValuesOfCorrectTypeRule`` in place of graphql-core's rule."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.validation_rules = tuple(
            NamedValuesOfCorrectTypeRule if rule is ValuesOfCorrectTypeRule else rule
            for rule in context.validation_rules
        )
        yield
