"""Limits on what one GraphQL request may ask for, and masking of unexpected errors.

Every limit is a setting. The cost of a query is an estimate made before it runs:
each field counts once for every item of the pages above it, where a page is a
field's ``first`` argument (its default, or ``default_page_size``, when absent; the
variable's default, or ``max_page_size``, when ``first`` is a variable).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Collection, Sequence
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
from strawberry.extensions.max_aliases import create_validator as max_aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as max_depth_rule

from api.request_log import current_request_id
from api.settings import Settings

PAGE_ARGUMENT = "first"
# Distinct query texts whose parsed document and validation result are kept: clients
# send the same few operations again and again, with other variables.
CACHED_DOCUMENTS = 256
MASKED_MESSAGE = "Internal server error."

logger = logging.getLogger("assurance.api.errors")

ExtensionFactory = type[SchemaExtension] | Callable[[], SchemaExtension]


# --- cost ----------------------------------------------------------------------------------


class _CostWalk:
    """Adds up the cost of one operation's selections."""

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

    def selections(
        self,
        selection_set: SelectionSetNode | None,
        parent: GraphQLNamedType | None,
        multiplier: int,
        seen_fragments: frozenset[str] = frozenset(),
    ) -> int:
        if selection_set is None or parent is None:
            return 0
        cost = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                cost += self.field(selection, parent, multiplier, seen_fragments)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                cost += self.selections(selection.selection_set, target, multiplier, seen_fragments)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen_fragments:
                    continue  # unknown or cyclic: other validation rules report it
                target = self.schema.get_type(fragment.type_condition.name.value)
                cost += self.selections(
                    fragment.selection_set, target, multiplier, seen_fragments | {name}
                )
        return cost

    def field(
        self,
        node: FieldNode,
        parent: GraphQLNamedType,
        multiplier: int,
        seen_fragments: frozenset[str],
    ) -> int:
        name = node.name.value
        if name.startswith("__"):
            return 0  # introspection has a switch of its own
        fields: dict[str, GraphQLField] = getattr(parent, "fields", {})
        definition = fields.get(name)
        if definition is None:
            return 0  # unknown field: other validation rules report it
        page = self.page_size(node, definition)
        below = self.selections(
            node.selection_set, get_named_type(definition.type), multiplier * page, seen_fragments
        )
        return multiplier + below

    def page_size(self, node: FieldNode, definition: GraphQLField) -> int:
        argument: GraphQLArgument | None = definition.args.get(PAGE_ARGUMENT)
        if argument is None:
            return 1
        for given in node.arguments or ():
            if given.name.value != PAGE_ARGUMENT:
                continue
            value = given.value
            if isinstance(value, IntValueNode):
                return max(0, int(value.value))
            if isinstance(value, VariableNode):
                default = self.variable_defaults.get(value.name.value)
                return self.max_page_size if default is None else max(0, default)
            return self.max_page_size
        default_value = argument.default_value
        if isinstance(default_value, int) and not isinstance(default_value, bool):
            return default_value
        return self.default_page_size


def query_cost(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
    *,
    default_page_size: int,
    max_page_size: int,
) -> int:
    """The estimated cost of one operation (see the module's docstring)."""
    variable_defaults: dict[str, int | None] = {}
    for variable in operation.variable_definitions or ():
        default = variable.default_value
        variable_defaults[variable.variable.name.value] = (
            int(default.value) if isinstance(default, IntValueNode) else None
        )
    root = schema.get_root_type(operation.operation)
    walk = _CostWalk(schema, fragments, variable_defaults, default_page_size, max_page_size)
    return walk.selections(operation.selection_set, root, 1)


def cost_limit_rule(
    max_cost: int, *, default_page_size: int, max_page_size: int
) -> type[ValidationRule]:
    """A validation rule rejecting operations whose estimated cost exceeds ``max_cost``."""

    class CostLimitRule(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            fragments = {
                d.name.value: d
                for d in self.context.document.definitions
                if isinstance(d, FragmentDefinitionNode)
            }
            cost = query_cost(
                self.context.schema,
                node,
                fragments,
                default_page_size=default_page_size,
                max_page_size=max_page_size,
            )
            if cost > max_cost:
                name = f"'{node.name.value}'" if node.name else "the operation"
                self.report_error(
                    GraphQLError(
                        f"{name} has an estimated cost of {cost}, more than the limit of "
                        f"{max_cost}: each field counts once per item of the pages above it, "
                        "so ask for smaller pages (`first`) or fewer nested lists",
                        node,
                        extensions={"code": "QUERY_TOO_COSTLY", "cost": cost, "limit": max_cost},
                    )
                )

    return CostLimitRule


# --- errors ----------------------------------------------------------------------------------


def should_mask_error(
    error: GraphQLError,
    public: Sequence[type[BaseException]] = (),
    on_masked: Callable[[], None] | None = None,
) -> bool:
    """Mask unexpected exceptions only (and log them with the request id).

    Syntax, validation and limit errors, GraphQL errors raised on purpose (permission
    denied, bad arguments) and the public error classes pass through unchanged.
    """
    original = error.original_error
    if original is None or isinstance(original, (GraphQLError, *public)):
        return False
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


def _public_errors() -> tuple[type[BaseException], ...]:
    """The schema's own error class(es) whose messages are meant for clients."""
    try:
        from schema import errors
    except ImportError:
        return ()
    found = getattr(errors, "PublicError", None)
    return (found,) if isinstance(found, type) and issubclass(found, BaseException) else ()


def protection_extensions(
    settings: Settings,
    *,
    public_errors: Collection[type[BaseException]] | None = None,
    on_masked: Callable[[], None] | None = None,
) -> list[ExtensionFactory]:
    """Extension factories (one new instance per request) for the limits in ``settings``."""
    public = tuple(public_errors) if public_errors is not None else _public_errors()
    rule = cost_limit_rule(
        settings.max_cost,
        default_page_size=settings.default_page_size,
        max_page_size=settings.max_page_size,
    )
    # The rule classes are made once, so that a query validated before is found in the
    # validation cache (its key holds the rules).
    rules: list[type[ASTValidationRule]] = [
        max_depth_rule(settings.max_depth, None, None),
        max_aliases_rule(settings.max_aliases),
        rule,
    ]
    if not settings.introspection:
        rules.append(NoSchemaIntrospectionCustomRule)
    return [
        functools.partial(MaxTokensLimiter, max_token_count=settings.max_tokens),
        functools.partial(ParserCache, maxsize=CACHED_DOCUMENTS),
        functools.partial(AddValidationRules, rules),
        functools.partial(ValidationCache, maxsize=CACHED_DOCUMENTS),
        functools.partial(
            MaskErrors,
            should_mask_error=functools.partial(
                should_mask_error, public=public, on_masked=on_masked
            ),
            error_message=MASKED_MESSAGE,
        ),
    ]
