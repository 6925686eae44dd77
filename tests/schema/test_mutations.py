"""Mutations and the change feed, executed against real databases and a real index."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.datastructures import UploadFile

from indexer.schema import ACTION, ITEM, MEETING, METRIC, document_key
from indexer.storage import IndexStore
from indexer.sync import apply_changes, rebuild
from ingest.read import ReadLimits
from ingest.workers import IngestLimits, WorkerPool
from records.db import session_factory
from records.enums import ActionStatus, ChangeOp
from records.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    ChangeLogEntry,
    Meeting,
    Metric,
    SourceDocument,
)
from schema import build_schema
from schema.context import Context
from schema.mutations.ingest_document import CHUNK_BYTES
from schema.node import from_global_id, to_global_id
from tests.support.paths import SAMPLES, SEED
from tests.support.records import counts, index_snapshot, ingest_files, last_position

SECOND = SAMPLES / "eastmoor-performance-2021-06.txt"


SCHEMA = build_schema()


@dataclass
class Api:
    engine: AsyncEngine
    store: IndexStore

    async def run(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        role: str | None = "editor",
        name: str | None = "force-records",
        max_upload_bytes: int = 5 * 1024 * 1024,
    ) -> tuple[dict[str, Any] | None, list[Any]]:
        limits = IngestLimits(read=ReadLimits(max_bytes=max_upload_bytes))
        with WorkerPool(0, limits) as uploads:
            context = Context(
                engine=self.engine,
                role=role,
                index=self.store,
                uploads=uploads,
                api_key_name=name,
            )
            result = await SCHEMA.execute(query, variable_values=variables, context_value=context)
        return result.data, list(result.errors or [])

    async def ok(self, query: str, variables: dict[str, Any] | None = None, **kw: Any) -> Any:
        data, errors = await self.run(query, variables, **kw)
        assert not errors, errors
        assert data is not None
        return data


@pytest.fixture
async def api(engine: AsyncEngine, tmp_path: Path) -> Api:
    return Api(engine, IndexStore(tmp_path / "index"))


async def entries_after(engine: AsyncEngine, position: int) -> list[ChangeLogEntry]:
    async with session_factory(engine)() as session:
        return list(
            await session.scalars(
                select(ChangeLogEntry)
                .where(ChangeLogEntry.position > position)
                .order_by(ChangeLogEntry.position)
            )
        )


def upload(name: str, data: bytes, *, declare_size: bool = False) -> UploadFile:
    return UploadFile(io.BytesIO(data), filename=name, size=len(data) if declare_size else None)


INGEST = """
mutation Ingest($file: Upload!) {
  ingestDocument(file: $file) {
    meeting { id title date kind }
    outcome
    warnings
    errors { field code message }
  }
}
"""

UPDATE = """
mutation Update($id: ID!, $status: ActionStatus, $note: String, $due: Date) {
  updateAction(id: $id, status: $status, note: $note, dueDate: $due) {
    action { id status dueDate history { text status dueDate author createdAt } }
    errors { field code message }
  }
}
"""

DELETE = """
mutation Delete($id: ID!) {
  deleteMeeting(id: $id) { deletedId removedRecords errors { field code message } }
}
"""

CHANGES = """
query Changes($since: Int, $first: Int, $after: String) {
  changes(since: $since, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { position entity entityId op meetingId changedAt } }
  }
}
"""


# ingestDocument ---------------------------------------------------------------------------


async def test_ingest_document_stores_the_meeting_logs_it_and_indexes_it(api: Api) -> None:
    data = await api.ok(INGEST, {"file": upload(SEED.name, SEED.read_bytes())})
    payload = data["ingestDocument"]
    assert payload["errors"] == []
    assert payload["outcome"] == "STORED"
    meeting = payload["meeting"]
    assert meeting["date"] == "2021-02-26"
    assert meeting["kind"] == "MONTHLY_ASSURANCE"
    _, meeting_id = from_global_id(meeting["id"])

    async with session_factory(api.engine)() as session:
        document = await session.scalar(select(SourceDocument))
        actions = list(await session.scalars(select(Action.id)))
    assert document is not None
    assert document.file_name == SEED.name and document.meeting_id == meeting_id
    assert len(actions) >= 4

    logged = {(e.entity, e.entity_id, e.op) for e in await entries_after(api.engine, 0)}
    assert ("meeting", meeting_id, ChangeOp.UPSERT) in logged
    assert {("action", a, ChangeOp.UPSERT) for a in actions} <= logged

    keys = set(index_snapshot(api.store))
    assert document_key(MEETING, meeting_id) in keys
    assert {document_key(ACTION, a) for a in actions} <= keys
    assert api.store.current() is not None
    assert api.store.current().position() == await last_position(api.engine)  # type: ignore[union-attr]


async def test_ingesting_the_same_file_again_changes_nothing(api: Api) -> None:
    first = await api.ok(INGEST, {"file": upload(SEED.name, SEED.read_bytes())})
    before = await counts(api.engine)
    again = await api.ok(INGEST, {"file": upload(f"copy/{SEED.name}", SEED.read_bytes())})
    assert again["ingestDocument"]["outcome"] == "UNCHANGED"
    assert again["ingestDocument"]["meeting"]["id"] == first["ingestDocument"]["meeting"]["id"]
    assert await counts(api.engine) == before


BINARY = bytes(range(256)) * 64


@pytest.mark.parametrize(
    ("name", "data", "code", "reason"),
    [
        ("empty-minutes.txt", b"", "EMPTY_FILE", "file is empty"),
        ("scan.txt", BINARY, "UNREADABLE", ""),
        ("minutes.doc", b"old word file", "UNSUPPORTED_TYPE", "unsupported file type '.doc'"),
        ("minutes", b"no extension", "UNSUPPORTED_TYPE", "file has no extension"),
        (
            "notes.txt",
            b"Shopping list\n\nMilk, bread and eggs. Call the plumber about the sink.\n",
            "NOT_MINUTES",
            "not meeting minutes",
        ),
    ],
)
async def test_ingest_document_refuses_a_bad_file_by_name_and_changes_nothing(
    api: Api, name: str, data: bytes, code: str, reason: str
) -> None:
    await ingest_files(api.engine, SECOND)
    await apply_changes(api.engine, api.store)
    before, index_before = await counts(api.engine), index_snapshot(api.store)

    payload = (await api.ok(INGEST, {"file": upload(name, data)}))["ingestDocument"]

    assert payload["meeting"] is None and payload["outcome"] is None
    [error] = payload["errors"]
    assert error["field"] == "file"
    assert error["code"] == code
    assert error["message"].startswith(f"{name}: ")
    assert reason in error["message"]
    assert await counts(api.engine) == before
    assert index_snapshot(api.store).keys() == index_before.keys()


@pytest.mark.parametrize("declare_size", [False, True])
async def test_ingest_document_stops_reading_an_upload_over_the_limit(
    api: Api, declare_size: bool
) -> None:
    limit = CHUNK_BYTES  # one chunk: the file is three
    file = upload(SEED.name, b"Minutes\n" * (3 * CHUNK_BYTES // 8), declare_size=declare_size)
    before = await counts(api.engine)

    data = await api.ok(INGEST, {"file": file}, max_upload_bytes=limit)

    [error] = data["ingestDocument"]["errors"]
    assert error["code"] == "TOO_LARGE" and error["field"] == "file"
    assert error["message"].startswith(f"{SEED.name}: file is ")
    assert "over the 256.0 KB limit" in error["message"]
    # Reading stopped at the first chunk past the limit (or, with a declared size, never began).
    assert file.file.tell() == (0 if declare_size else 2 * CHUNK_BYTES)
    assert await counts(api.engine) == before


# updateAction ------------------------------------------------------------------------------


async def seeded(api: Api) -> tuple[int, int]:
    """The seed ingested and indexed: (meeting id, the id of its first action)."""
    await ingest_files(api.engine, SEED)
    await apply_changes(api.engine, api.store)
    async with session_factory(api.engine)() as session:
        action = await session.scalar(select(Action).order_by(Action.position))
    assert action is not None
    return action.meeting_id, action.id


async def test_update_action_appends_history_sets_status_logs_and_indexes(api: Api) -> None:
    meeting_id, action_id = await seeded(api)
    position = await last_position(api.engine)
    global_id = to_global_id("Action", action_id)

    first = await api.ok(
        UPDATE,
        {"id": global_id, "status": "IN_PROGRESS", "note": "Reality testing under way."},
        name="Northshire RMS",
    )
    second = await api.ok(
        UPDATE,
        {"id": global_id, "status": "COMPLETED", "due": "2021-04-30", "note": " Shared. "},
        name="Northshire RMS",
    )

    assert first["updateAction"]["errors"] == []
    action = second["updateAction"]["action"]
    assert action["id"] == global_id
    assert action["status"] == "COMPLETED" and action["dueDate"] == "2021-04-30"
    pushed = [h for h in action["history"] if h["author"] == "Northshire RMS"]
    assert [(h["text"], h["status"], h["dueDate"]) for h in pushed] == [
        ("Reality testing under way.", "IN_PROGRESS", None),
        ("Shared.", "COMPLETED", "2021-04-30"),
    ]
    assert pushed[0]["createdAt"] <= pushed[1]["createdAt"]

    async with session_factory(api.engine)() as session:
        stored = await session.get(Action, action_id)
        updates = list(
            await session.scalars(
                select(ActionUpdate)
                .where(ActionUpdate.action_id == action_id, ActionUpdate.author.is_not(None))
                .order_by(ActionUpdate.id)
            )
        )
    assert stored is not None and stored.status is ActionStatus.COMPLETED
    assert [u.status for u in updates] == [ActionStatus.IN_PROGRESS, ActionStatus.COMPLETED]
    assert all(u.created_at is not None and u.document_id is None for u in updates)

    logged = [
        (e.entity, e.entity_id, e.op, e.meeting_id)
        for e in await entries_after(api.engine, position)
    ]
    assert logged == [("action", action_id, ChangeOp.UPSERT, meeting_id)] * 2
    current = api.store.current()
    assert current is not None and current.position() == await last_position(api.engine)
    # The index applied the entries (action documents hold no status: the record is rebuilt).
    assert document_key(ACTION, action_id) in index_snapshot(api.store)


@pytest.mark.parametrize(
    ("variables", "field", "code"),
    [
        ({}, None, "NOTHING_TO_UPDATE"),
        ({"note": "   "}, None, "NOTHING_TO_UPDATE"),
        ({"note": "x" * 10_001}, "note", "NOTE_TOO_LONG"),
        ({"id": to_global_id("Action", 999_999), "status": "COMPLETED"}, "id", "NOT_FOUND"),
        ({"id": "not-an-id", "status": "COMPLETED"}, "id", "BAD_ID"),
        ({"id": to_global_id("Meeting", 1), "status": "COMPLETED"}, "id", "BAD_ID"),
    ],
)
async def test_update_action_reports_bad_input_and_changes_nothing(
    api: Api, variables: dict[str, Any], field: str | None, code: str
) -> None:
    _, action_id = await seeded(api)
    before = await counts(api.engine)
    data = await api.ok(UPDATE, {"id": to_global_id("Action", action_id), **variables})
    payload = data["updateAction"]
    assert payload["action"] is None
    [error] = payload["errors"]
    assert (error["field"], error["code"]) == (field, code)
    assert error["message"]
    assert await counts(api.engine) == before


# deleteMeeting -----------------------------------------------------------------------------


async def record_ids(engine: AsyncEngine, meeting_id: int) -> dict[str, set[int]]:
    async with session_factory(engine)() as session:
        ids = {
            "document": set(
                await session.scalars(
                    select(SourceDocument.id).where(SourceDocument.meeting_id == meeting_id)
                )
            ),
            "agenda_item": set(
                await session.scalars(
                    select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id)
                )
            ),
            "action": set(
                await session.scalars(select(Action.id).where(Action.meeting_id == meeting_id))
            ),
            "metric": set(
                await session.scalars(select(Metric.id).where(Metric.meeting_id == meeting_id))
            ),
            "meeting": set(
                await session.scalars(select(Meeting.id).where(Meeting.id == meeting_id))
            ),
        }
        ids["action_update"] = set(
            await session.scalars(
                select(ActionUpdate.id).where(ActionUpdate.action_id.in_(ids["action"]))
            )
        )
    return ids


def index_keys(ids: dict[str, set[int]]) -> set[str]:
    types = {"meeting": MEETING, "agenda_item": ITEM, "action": ACTION, "metric": METRIC}
    return {
        document_key(types[e], i) for e, record_ids in ids.items() if e in types for i in record_ids
    }


async def test_delete_meeting_removes_its_records_logs_them_and_clears_the_index(
    api: Api, tmp_path: Path
) -> None:
    meeting_id, action_id = await seeded(api)
    await api.ok(UPDATE, {"id": to_global_id("Action", action_id), "note": "Chased."})
    await ingest_files(api.engine, SECOND)
    await apply_changes(api.engine, api.store)
    async with session_factory(api.engine)() as session:
        other_id = await session.scalar(select(Meeting.id).where(Meeting.id != meeting_id))
    assert other_id is not None
    doomed = await record_ids(api.engine, meeting_id)
    kept = await record_ids(api.engine, other_id)
    assert doomed["action_update"] and doomed["metric"] and doomed["agenda_item"]
    position = await last_position(api.engine)

    data = await api.ok(DELETE, {"id": to_global_id("Meeting", meeting_id)}, role="admin")

    payload = data["deleteMeeting"]
    assert payload["errors"] == []
    assert payload["deletedId"] == to_global_id("Meeting", meeting_id)
    assert payload["removedRecords"] == sum(len(ids) for ids in doomed.values())
    assert all(not ids for ids in (await record_ids(api.engine, meeting_id)).values())
    assert await record_ids(api.engine, other_id) == kept

    logged = await entries_after(api.engine, position)
    assert all(e.op is ChangeOp.DELETE and e.meeting_id == meeting_id for e in logged)
    by_entity: dict[str, set[int]] = {}
    for entry in logged:
        by_entity.setdefault(entry.entity, set()).add(entry.entity_id)
    assert by_entity == {entity: ids for entity, ids in doomed.items() if ids}
    assert logged[-1].entity == "meeting"

    keys = set(index_snapshot(api.store))
    assert not keys & index_keys(doomed)
    assert index_keys(kept) <= keys
    rebuilt = IndexStore(tmp_path / "rebuilt")
    await rebuild(api.engine, rebuilt)
    assert keys == set(index_snapshot(rebuilt))


async def test_delete_meeting_reports_an_unknown_or_wrong_id(api: Api) -> None:
    meeting_id, action_id = await seeded(api)
    before = await counts(api.engine)
    for global_id, code in (
        (to_global_id("Meeting", meeting_id + 1000), "NOT_FOUND"),
        (to_global_id("Action", action_id), "BAD_ID"),
        ("###", "BAD_ID"),
    ):
        data = await api.ok(DELETE, {"id": global_id}, role="admin")
        payload = data["deleteMeeting"]
        assert payload["deletedId"] is None and payload["removedRecords"] == 0
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [("id", code)]
    assert await counts(api.engine) == before


# permissions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mutation", "role", "code"),
    [
        ("update", None, "UNAUTHENTICATED"),
        ("update", "reader", "FORBIDDEN"),
        ("ingest", "reader", "FORBIDDEN"),
        ("ingest", None, "UNAUTHENTICATED"),
        ("delete", "reader", "FORBIDDEN"),
        ("delete", "editor", "FORBIDDEN"),
    ],
)
async def test_mutations_are_refused_without_the_role_they_need(
    api: Api, mutation: str, role: str | None, code: str
) -> None:
    meeting_id, action_id = await seeded(api)
    before = await counts(api.engine)
    requests: dict[str, tuple[str, dict[str, Any]]] = {
        "update": (UPDATE, {"id": to_global_id("Action", action_id), "status": "COMPLETED"}),
        "ingest": (INGEST, {"file": upload(SECOND.name, SECOND.read_bytes())}),
        "delete": (DELETE, {"id": to_global_id("Meeting", meeting_id)}),
    }
    query, variables = requests[mutation]
    data, errors = await api.run(query, variables, role=role)
    assert data is None
    [error] = errors
    assert error.extensions == {"code": code}
    assert "role" in error.message
    assert await counts(api.engine) == before


# changes -----------------------------------------------------------------------------------


async def test_changes_pages_through_the_log_in_order(api: Api) -> None:
    meeting_id, action_id = await seeded(api)
    await api.ok(UPDATE, {"id": to_global_id("Action", action_id), "status": "DEFERRED"})
    log = await entries_after(api.engine, 0)

    seen: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        page = (await api.ok(CHANGES, {"first": 7, "after": after}, role="reader"))["changes"]
        assert page["totalCount"] == len(log)
        seen += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert [node["position"] for node in seen] == [e.position for e in log]
    last = seen[-1]
    assert (last["entity"], last["op"]) == ("action", "UPSERT")
    assert last["entityId"] == to_global_id("Action", action_id)
    assert last["meetingId"] == to_global_id("Meeting", meeting_id)
    assert last["changedAt"]


async def test_changes_cursors_handed_out_before_still_page_on(api: Api) -> None:
    await seeded(api)
    page = (await api.ok(CHANGES, {"first": 3}, role="reader"))["changes"]
    third = page["edges"][-1]["node"]["position"]
    old_cursor = base64.urlsafe_b64encode(f"change:{third}".encode()).decode("ascii")
    after_new = await api.ok(CHANGES, {"first": 3, "after": page["pageInfo"]["endCursor"]})
    after_old = await api.ok(CHANGES, {"first": 3, "after": old_cursor})
    assert after_old == after_new
    assert after_new["changes"]["edges"][0]["node"]["position"] == third + 1


async def test_changes_since_a_position_gives_only_later_entries(api: Api) -> None:
    _, action_id = await seeded(api)
    position = await last_position(api.engine)
    assert (await api.ok(CHANGES, {"since": position}))["changes"] == {
        "totalCount": 0,
        "pageInfo": {"hasNextPage": False, "endCursor": None},
        "edges": [],
    }
    await api.ok(UPDATE, {"id": to_global_id("Action", action_id), "note": "Update."})
    page = (await api.ok(CHANGES, {"since": position}))["changes"]
    assert page["totalCount"] == 1
    assert [edge["node"]["position"] for edge in page["edges"]] == [position + 1]


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"first": 101}, "PAGE_SIZE"),
        ({"first": -1}, "PAGE_SIZE"),
        ({"since": -5}, "BAD_SINCE"),
        ({"after": "bm90IGEgY3Vyc29y"}, "BAD_CURSOR"),
    ],
)
async def test_changes_rejects_bad_arguments_by_name(
    api: Api, variables: dict[str, Any], code: str
) -> None:
    data, errors = await api.run(CHANGES, variables)
    assert data is None
    [error] = errors
    assert error.extensions == {"code": code}
    assert error.message.startswith("changes: ")
