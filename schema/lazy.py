"""Records made into GraphQL objects only as far as a query reads them.

A relation field turns each row its loader holds into an object of its GraphQL type
(``from_model``): every field copied, the evidence and the announced meeting made into
objects of their own. A list page asks a meeting's items and actions for their ids
alone, yet hundreds of them were made in full. ``lazily(Type, db_id="id", ...)``
registers a cheaper way for a type: the object holds the row and the keys named (what
its id and its relations are read from, copied at once), and the first read of any
other attribute makes the full object with ``from_model`` and takes its attributes.
What a query gets is the same either way; only when the work is done differs.
"""

from __future__ import annotations

import dataclasses
import inspect
import keyword
from collections.abc import Callable
from typing import Any, TypeVar

from strawberry.types.cast import TYPE_CAST_ATTRIBUTE
from strawberry.types.field import StrawberryField

T = TypeVar("T")

# The lazy constructors registered, by GraphQL type.
_LAZY: dict[type[Any], Callable[[Any], Any]] = {}
# The attribute of a lazy object that holds its row until it is made in full.
_ROW = "_lazy_row"


def lazily(graphql_type: type[T], **keys: str) -> None:
    """Register a lazy constructor for ``graphql_type`` (a Strawberry type with a
    ``from_model(row)`` class method): ``keys`` maps each attribute copied at once to
    the row's attribute it is read from (``db_id="id"``, ``meeting_id="meeting_id"``).
    Every other field must have no class-level default (else reading it would find the
    default rather than make the object)."""
    names = [f.name for f in dataclasses.fields(graphql_type)]  # type: ignore[arg-type]
    unknown = set(keys) - set(names)
    shadowed = [name for name in names if name not in keys and hasattr(graphql_type, name)]
    shadowed = [name for name in shadowed if _is_data(graphql_type, name)]
    if unknown or shadowed:
        raise TypeError(f"{graphql_type.__name__}: cannot be made lazily ({unknown or shadowed})")
    full: Callable[[Any], Any] = graphql_type.from_model  # type: ignore[attr-defined]

    def made(self: Any, name: str) -> Any:
        if name.startswith("__") or name == _ROW:
            raise AttributeError(name)
        state = self.__dict__
        row = state.get(_ROW)
        if row is None:
            raise AttributeError(name)
        # The row is dropped only once the object is made: a read that fails (and is
        # read again by graphql-core after the quick completion) fails the same way.
        state.update(full(row).__dict__)
        del state[_ROW]
        return state[name] if name in state else object.__getattribute__(self, name)

    lazy = type(
        graphql_type.__name__,
        (graphql_type,),
        {
            "__init__": _copying(keys),
            "__getattr__": made,
            # Read by Strawberry's type checks (``strawberry.cast`` sets it on an object):
            # found here, it is not looked for through ``__getattr__``.
            TYPE_CAST_ATTRIBUTE: None,
            "__module__": graphql_type.__module__,
            "__qualname__": graphql_type.__qualname__,
        },
    )
    _LAZY[graphql_type] = lazy


def _copying(keys: dict[str, str]) -> Callable[[Any, Any], None]:
    """An ``__init__(self, row)`` that keeps the row and copies ``keys`` (attribute: the
    row's attribute) from it: written out, as a dataclass's ``__init__`` is."""
    for name in (*keys, *keys.values()):
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError(f"not an attribute name: {name!r}")
    lines = [f"    self.{_ROW} = row"]
    lines += [f"    self.{name} = row.{column}" for name, column in keys.items()]
    namespace: dict[str, Any] = {}
    exec("def __init__(self, row):\n" + "\n".join(lines), namespace)
    made: Callable[[Any, Any], None] = namespace["__init__"]
    return made


def _is_data(graphql_type: type[Any], name: str) -> bool:
    """Whether the class attribute ``name`` would answer an instance's read of it with a
    value (a default), rather than being a field's resolver or declaration."""
    found = inspect.getattr_static(graphql_type, name)
    return not (callable(found) or isinstance(found, StrawberryField | classmethod | staticmethod))


def lazy_constructor(graphql_type: type[Any]) -> Callable[[Any], Any] | None:
    """``graphql_type``'s lazy constructor (row -> object), if one is registered."""
    return _LAZY.get(graphql_type)
