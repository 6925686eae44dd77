"""Records made into GraphQL objects lazily are the objects ``from_model`` makes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import namedtuple
from typing import Any

import pytest
import strawberry

import schema  # noqa: F401  (every type defined, the lazy ones registered)
from records import models
from records.enums import ActionStatus, MetricKind, MetricUnit
from schema.actions import Action
from schema.items import AgendaItem
from schema.lazy import lazily, lazy_constructor
from schema.metrics import Metric


def _row(model: type[Any], **values: Any) -> Any:
    """A row of ``model``'s table as the loaders hand it on: every column, by attribute."""
    columns = [column.key for column in model.__table__.columns]  # type: ignore[attr-defined]
    return namedtuple("Row", columns)(**{name: values.get(name) for name in columns})


ROWS = [
    (
        AgendaItem,
        _row(models.AgendaItem, id=7, meeting_id=2, document_id=3, parent_id=5, number="1.2",
             title="Domestic abuse", text="The Chief Constable said ...", position=4,
             span_start=10, span_end=40),
    ),
    (
        AgendaItem,
        _row(models.AgendaItem, id=8, meeting_id=2, title="Apologies", text="", position=0),
    ),
    (
        Action,
        _row(models.Action, id=11, meeting_id=2, document_id=3, item_id=7, reference="2",
             text="CC to provide details", owner_text="CC", status=ActionStatus.OPEN,
             due_date=dt.date(2021, 5, 1), origin_title="Assurance meeting",
             origin_date=dt.date(2021, 1, 4), span_start=50, span_end=80, position=1),
    ),
    (
        Metric,
        _row(models.Metric, id=21, meeting_id=2, item_id=None, theme_id=4, value=43.0,
             unit=MetricUnit.PERCENT, label="no supervisory input", kind=MetricKind.OBSERVED,
             context="in 43% of cases", position=0),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("graphql_type", "row"), ROWS)
def test_a_lazy_object_reads_as_the_full_one(graphql_type: type[Any], row: Any) -> None:
    made = lazy_constructor(graphql_type)
    assert made is not None
    full = graphql_type.from_model(row)
    lazy = made(row)
    assert isinstance(lazy, graphql_type)
    assert type(lazy).__name__ == graphql_type.__name__
    # The keys are there at once, the rest when first read.
    assert lazy.db_id == row.id
    for field in dataclasses.fields(graphql_type):
        if not field.init:  # a resolver's field: a method, not a value
            continue
        assert getattr(lazy, field.name) == getattr(full, field.name), field.name
    assert {name: getattr(lazy, name) for name in vars(full)} == vars(full)
    with pytest.raises(AttributeError):
        lazy.no_such_attribute  # noqa: B018


def test_a_lazy_object_that_is_cast_keeps_its_cast() -> None:
    made = lazy_constructor(AgendaItem)
    assert made is not None
    item = made(ROWS[0][1])
    assert strawberry.cast(AgendaItem, item).__as_strawberry_type__ is AgendaItem
    assert made(ROWS[0][1]).__as_strawberry_type__ is None


def test_a_type_whose_fields_have_defaults_is_not_made_lazily() -> None:
    @strawberry.type
    class WithDefault:
        db_id: strawberry.Private[int]
        note: str = "none"

        @classmethod
        def from_model(cls, row: Any) -> WithDefault:
            return cls(db_id=row.id, note=row.note)

    with pytest.raises(TypeError, match="cannot be made lazily"):
        lazily(WithDefault, db_id="id")
    with pytest.raises(TypeError, match="cannot be made lazily"):
        lazily(WithDefault, db_id="id", owner="owner_id")


def test_a_lazy_object_that_cannot_be_made_fails_alike_on_every_read() -> None:
    @strawberry.type
    class Broken:
        db_id: int
        title: str

        @classmethod
        def from_model(cls, row: Any) -> Broken:
            raise ValueError(f"bad row {row.id}")

    lazily(Broken, db_id="id")
    made = lazy_constructor(Broken)
    assert made is not None
    lazy = made(namedtuple("Row", ["id"])(id=3))
    assert lazy.db_id == 3
    for _ in range(2):  # read again (as graphql-core does after a quick completion fails)
        with pytest.raises(ValueError, match="bad row 3"):
            _ = lazy.title
