"""Look-ahead loading: the same answers as field-by-field loading, linked fields at once."""

from __future__ import annotations

import inspect
from typing import Any

from strawberry.types.nodes import InlineFragment, SelectedField, Selection

from records import models
from schema.context import Context
from schema.meetings import Meeting
from schema.prefetch import prefetch, selections_at
from schema.relations import related
from tests.support.graphql import nodes, run
from tests.support.records import IndexedCorpus

MEETING_FIELDS = """
  id title chair { name } minuteTaker { name }
  attendees { person { name } status }
  themes { code } source { sha256 }
  items {
    number
    meeting { id }
    children { number parent { number } actions { reference } }
    actions {
      reference owners { name } themes { code } history { text }
      item { number } meeting { title }
    }
    metrics { value theme { code } item { number } }
  }
  ... on Meeting { actions { reference } metrics { label } }
"""
PAGE = f"{{ meetings(first: 50) {{ edges {{ node {{ {MEETING_FIELDS} }} }} }} }}"
ONE_PREFETCHED = f"query One($id: ID!) {{ meeting(id: $id) {{ {MEETING_FIELDS} }} }}"
# node(id) does no look-ahead: every relation is loaded as it is resolved.
ONE_AS_RESOLVED = (
    f"query One($id: ID!) {{ node(id: $id) {{ ... on Meeting {{ {MEETING_FIELDS} }} }} }}"
)


async def test_prefetched_answers_equal_answers_loaded_field_by_field(
    indexed_corpus: IndexedCorpus,
) -> None:
    engine = indexed_corpus.engine
    page = nodes((await run(Context(engine=engine), PAGE))["meetings"])
    assert len(page) > 5
    assert any(item["actions"] for meeting in page for item in meeting["items"])
    for meeting in page:
        variables = {"id": meeting["id"]}
        prefetched = (await run(Context(engine=engine), ONE_PREFETCHED, variables))["meeting"]
        as_resolved = (await run(Context(engine=engine), ONE_AS_RESOLVED, variables))["node"]
        assert prefetched == as_resolved == meeting


async def test_related_answers_at_once_only_when_loaded(indexed_corpus: IndexedCorpus) -> None:
    loaders = Context(engine=indexed_corpus.engine).loaders
    pending: Any = related(loaders.meeting, 1, _title)
    assert inspect.isawaitable(pending)
    title = await pending
    assert isinstance(title, str)
    assert related(loaders.meeting, 1, _title) == title  # cached: no awaitable
    missing: Any = related(loaders.meeting, 10**9, lambda m: m)
    assert await missing is None


def _title(meeting: models.Meeting | None) -> str:
    assert meeting is not None
    return meeting.title


def _field(name: str, *selections: Selection) -> SelectedField:
    return SelectedField(name=name, directives={}, arguments={}, selections=list(selections))


async def test_prefetch_loads_what_the_selection_names(indexed_corpus: IndexedCorpus) -> None:
    loaders = Context(engine=indexed_corpus.engine).loaders
    meeting = await loaders.meeting.load(1)
    assert meeting is not None
    page = _field(
        "edges",
        _field(
            "node",
            InlineFragment(
                type_condition="Meeting",
                directives={},
                selections=[_field("items", _field("actions", _field("owners", _field("name"))))],
            ),
            InlineFragment(type_condition="Action", directives={}, selections=[_field("metrics")]),
        ),
    )
    await prefetch(
        loaders, Meeting, [meeting], selections_at([_field("meetings", page)], "edges", "node")
    )

    items: Any = related(loaders.meeting_items, meeting.id, lambda rows: rows)
    assert not inspect.isawaitable(items) and items
    for item in items:
        actions: Any = related(loaders.item_actions, item.id, lambda rows: rows)
        assert not inspect.isawaitable(actions)
        for action in actions:
            owners: Any = related(loaders.action_owners, action.id, lambda rows: rows)
            assert not inspect.isawaitable(owners)
    # A fragment on another type is not followed: the meeting's metrics are not loaded.
    metrics: Any = related(loaders.meeting_metrics, meeting.id, lambda rows: rows)
    assert inspect.isawaitable(metrics)
    await metrics
