"""Limits on what one GraphQL request may ask for, and masking of unexpected errors.

Every limit is a setting: tokens (at parsing), then depth, aliases, selections and
cost, all worked out in one walk of the operation that visits each fragment once
(``Shape``). The cost of a query is an estimate made before it runs: each field
counts once for every item of the pages above it, where a page is a field's
``first`` or ``last`` argument (the larger when both are given; the default of
``first``, or ``default_page_size``, when neither is; the variable's default, or
``max_page_size``, when the argument is a variable).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLNamedType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    VariableNode,
    get_named_type,
)
from graphql.type.definition import GraphQLArgument, GraphQLField
from graphql.validation import ASTValidationRule, NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)

from api.readiness import DATABASE_UNAVAILABLE, DATABASE_UNAVAILABLE_MESSAGE, database_unreachable
from api.request_log import current_request_id
from api.settings import Settings

PAGE_ARGUMENT = "first"
# Relay's backward page size: counted as ``first`` is.
BACKWARD_PAGE_ARGUMENT = "last"
# Distinct query texts whose parsed document and validation result are kept: clients
# send the same few operations again and again, with other variables.
CACHED_DOCUMENTS = 256
MASKED_MESSAGE = "Internal server error."

logger = logging.getLogger("assurance.api.errors")

ExtensionFactory = type[SchemaExtension] | Callable[[], SchemaExtension]


# --- the shape of a query: depth, aliases, selections, cost -----------------------------------


@dataclass(frozen=True)
class Shape:
    """What one selection set asks for, with every fragment spread expanded.

    ``depth``: levels of fields (``{ a { b } }`` is 2); ``aliases``, ``selections``:
    aliased fields and fields in all, each counted as often as the spreads repeat it;
    ``cost``: see the module's docstring, at a multiplier of one (cost is linear in
    the multiplier, so a fragment's cost is worked out once and scaled).
    """

    depth: int = 0
    aliases: int = 0
    selections: int = 0
    cost: int = 0

    def __add__(self, other: Shape) -> Shape:
        return Shape(
            max(self.depth, other.depth),
            self.aliases + other.aliases,
            self.selections + other.selections,
            self.cost + other.cost,
        )


EMPTY = Shape()


class _ShapeWalk:
    """Works out the ``Shape`` of one operation, visiting each fragment once.

    Walkers that expand a fragment again at every spread (Strawberry's depth and alias
    limiters among them) take time exponential in the nesting of fragments that each
    spread the next one twice: 30 levels of such fragments fit in 1.3 KB. Here each
    fragment's shape is remembered, so the walk is linear in the document's size, and
    the counts it returns are still those of the fully expanded query.
    """

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variable_defaults: dict[str, int | None],
        default_page_size: int,
        max_page_size: int,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variable_defaults = variable_defaults
        self.default_page_size = default_page_size
        self.max_page_size = max_page_size
        self.known: dict[str, Shape] = {}
        self.walking: set[str] = set()  # a fragment spread inside itself: a cycle

    def selection_set(
        self, selection_set: SelectionSetNode | None, parent: GraphQLNamedType | None
    ) -> Shape:
        shape = EMPTY
        if selection_set is None or parent is None:
            return shape
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                shape += self.field(selection, parent)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                shape += self.selection_set(selection.selection_set, target)
            elif isinstance(selection, FragmentSpreadNode):
                shape += self.fragment(selection.name.value)
        return shape

    def fragment(self, name: str) -> Shape:
        known = self.known.get(name)
        if known is not None:
            return known
        fragment = self.fragments.get(name)
        if fragment is None or name in self.walking:
            return EMPTY  # unknown or cyclic: graphql-core's own rules report it
        self.walking.add(name)
        target = self.schema.get_type(fragment.type_condition.name.value)
        shape = self.selection_set(fragment.selection_set, target)
        self.walking.discard(name)
        self.known[name] = shape
        return shape

    def field(self, node: FieldNode, parent: GraphQLNamedType) -> Shape:
        alias = 1 if node.alias else 0
        name = node.name.value
        fields: dict[str, GraphQLField] = getattr(parent, "fields", {})
        definition = fields.get(name)
        if name.startswith("__") or definition is None:
            # Introspection has a switch of its own; unknown fields are reported by
            # graphql-core. Both still count as selections.
            return Shape(depth=1, aliases=alias, selections=1)
        below = self.selection_set(node.selection_set, get_named_type(definition.type))
        page = self.page_size(node, definition)
        return Shape(
            depth=1 + below.depth,
            aliases=alias + below.aliases,
            selections=1 + below.selections,
            cost=1 + page * below.cost,
        )

    def page_size(self, node: FieldNode, definition: GraphQLField) -> int:
        argument: GraphQLArgument | None = definition.args.get(PAGE_ARGUMENT)
        if argument is None:
            return 1
        sizes = [
            self.given_size(given.value)
            for given in node.arguments or ()
            if given.name.value in (PAGE_ARGUMENT, BACKWARD_PAGE_ARGUMENT)
        ]
        if sizes:
            return max(sizes)
        default_value = argument.default_value
        if isinstance(default_value, int) and not isinstance(default_value, bool):
            return default_value
        return self.default_page_size

    def given_size(self, value: object) -> int:
        if isinstance(value, IntValueNode):
            return max(0, int(value.value))
        if isinstance(value, VariableNode):
            default = self.variable_defaults.get(value.name.value)
            return self.max_page_size if default is None else max(0, default)
        return self.max_page_size


def query_shape(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
    *,
    default_page_size: int,
    max_page_size: int,
) -> Shape:
    """The shape of one operation, fragments expanded (see ``Shape``)."""
    variable_defaults: dict[str, int | None] = {}
    for variable in operation.variable_definitions or ():
        default = variable.default_value
        variable_defaults[variable.variable.name.value] = (
            int(default.value) if isinstance(default, IntValueNode) else None
        )
    root = schema.get_root_type(operation.operation)
    walk = _ShapeWalk(schema, fragments, variable_defaults, default_page_size, max_page_size)
    return walk.selection_set(operation.selection_set, root)


@dataclass(frozen=True)
class QueryLimits:
    """The most one operation may ask for (each is a setting)."""

    max_depth: int
    max_aliases: int
    max_selections: int
    max_cost: int
    default_page_size: int
    max_page_size: int


def query_limits_rule(limits: QueryLimits) -> type[ValidationRule]:
    """A validation rule refusing operations deeper, wider or costlier than ``limits``."""

    class QueryLimitsRule(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            fragments = {
                d.name.value: d
                for d in self.context.document.definitions
                if isinstance(d, FragmentDefinitionNode)
            }
            shape = query_shape(
                self.context.schema,
                node,
                fragments,
                default_page_size=limits.default_page_size,
                max_page_size=limits.max_page_size,
            )
            name = f"'{node.name.value}'" if node.name else "the operation"
            # Strawberry's depth limit counted the levels below the root fields.
            depth = shape.depth - 1
            if depth > limits.max_depth:
                self._refuse(
                    node,
                    f"{name} exceeds maximum operation depth of {limits.max_depth}",
                    "QUERY_TOO_DEEP",
                    depth,
                    limits.max_depth,
                )
            if shape.aliases > limits.max_aliases:
                self._refuse(
                    node,
                    f"{shape.aliases} aliases found. Allowed: {limits.max_aliases}",
                    "TOO_MANY_ALIASES",
                    shape.aliases,
                    limits.max_aliases,
                )
            if shape.selections > limits.max_selections:
                self._refuse(
                    node,
                    f"{name} selects {shape.selections} fields once its fragments are "
                    f"expanded, more than the limit of {limits.max_selections}: spread "
                    "each fragment where it is needed once",
                    "TOO_MANY_SELECTIONS",
                    shape.selections,
                    limits.max_selections,
                )
            if shape.cost > limits.max_cost:
                self._refuse(
                    node,
                    f"{name} has an estimated cost of {shape.cost}, more than the limit of "
                    f"{limits.max_cost}: each field counts once per item of the pages above "
                    "it, so ask for smaller pages (`first`) or fewer nested lists",
                    "QUERY_TOO_COSTLY",
                    shape.cost,
                    limits.max_cost,
                )

        def _refuse(
            self, node: OperationDefinitionNode, message: str, code: str, found: int, limit: int
        ) -> None:
            self.report_error(
                GraphQLError(
                    message, node, extensions={"code": code, **_figures(code, found, limit)}
                )
            )

    return QueryLimitsRule


def _figures(code: str, found: int, limit: int) -> dict[str, int]:
    """The numbers an error carries (the cost one named them ``cost`` and ``limit``)."""
    if code == "QUERY_TOO_COSTLY":
        return {"cost": found, "limit": limit}
    return {"found": found, "limit": limit}


# --- errors ----------------------------------------------------------------------------------


def should_mask_error(error: GraphQLError, on_masked: Callable[[], None] | None = None) -> bool:
    """Mask unexpected exceptions only (and log them with the request id).

    Syntax, validation and limit errors and GraphQL errors raised on purpose (permission
    denied, bad arguments: the schema's ``PublicError`` is one) pass through unchanged.
    """
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return False
    if database_unreachable(original):  # an outage, not a fault: ``_MaskErrors`` says so
        logger.warning(
            "database unreachable at %s (request %s): %s: %s",
            ".".join(str(p) for p in error.path or ()) or "operation",
            current_request_id(),
            type(original).__name__,
            original,
            extra={"request_id": current_request_id()},
        )
        return True
    logger.error(
        "unexpected error at %s (request %s)",
        ".".join(str(p) for p in error.path or ()) or "operation",
        current_request_id(),
        exc_info=(type(original), original, original.__traceback__),
        extra={"request_id": current_request_id()},
    )
    if on_masked is not None:
        on_masked()
    return True


class _MaskErrors(MaskErrors):
    """Masks as ``MaskErrors`` does, but an error of a database that cannot be reached
    (raised while a field resolves, after the request started) says so, with the code
    ``DATABASE_UNAVAILABLE`` that a request finding it at its start is answered with."""

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if original is None or not database_unreachable(original):
            return super().anonymise_error(error)
        return GraphQLError(
            DATABASE_UNAVAILABLE_MESSAGE,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": DATABASE_UNAVAILABLE},
        )


def protection_extensions(
    settings: Settings,
    *,
    on_masked: Callable[[], None] | None = None,
) -> list[ExtensionFactory]:
    """Extension factories (one new instance per request) for the limits in ``settings``."""
    limits = QueryLimits(
        max_depth=settings.max_depth,
        max_aliases=settings.max_aliases,
        max_selections=settings.max_selections,
        max_cost=settings.max_cost,
        default_page_size=settings.default_page_size,
        max_page_size=settings.max_page_size,
    )
    # The rule classes are made once, so that a query validated before is found in the
    # validation cache (its key holds the rules).
    rules: list[type[ASTValidationRule]] = [query_limits_rule(limits)]
    if not settings.introspection:
        rules.append(NoSchemaIntrospectionCustomRule)
    return [
        functools.partial(MaxTokensLimiter, max_token_count=settings.max_tokens),
        functools.partial(ParserCache, maxsize=CACHED_DOCUMENTS),
        functools.partial(AddValidationRules, rules),
        functools.partial(ValidationCache, maxsize=CACHED_DOCUMENTS),
        functools.partial(
            _MaskErrors,
            should_mask_error=functools.partial(should_mask_error, on_masked=on_masked),
            error_message=MASKED_MESSAGE,
        ),
    ]
