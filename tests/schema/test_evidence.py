"""Provenance: every record's evidence is the passage of its document it was read from."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from records.db import session_factory
from records.models import Action
from schema.context import Context
from schema.node import to_global_id
from tests.support.graphql import run
from tests.support.paths import SEED
from tests.support.records import ingest_files

DOCUMENT = "document { id fileName text }"

EVIDENCE = f"""
{{
  meetings(first: 100) {{
    edges {{ node {{
      title
      evidence {{ start end text {DOCUMENT} }}
      attendees {{ person {{ name }} evidence {{ start end text {DOCUMENT} }} }}
      items {{
        title text evidence {{ start end text {DOCUMENT} }}
        children {{ title text evidence {{ start end text {DOCUMENT} }} }}
      }}
      actions {{
        text evidence {{ start end text {DOCUMENT} }}
        history {{ text evidence {{ start end text {DOCUMENT} }} }}
      }}
      metrics {{ value context evidence {{ start end text {DOCUMENT} }} }}
    }} }}
  }}
}}
"""


def words(text: str) -> str:
    """Lower-cased letters and digits, one space between runs: what is compared."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def check(evidence: dict[str, Any] | None, own_words: str) -> None:
    """The passage is the document's text between the offsets, and holds ``own_words``."""
    assert evidence is not None
    start, end, text = evidence["start"], evidence["end"], evidence["text"]
    assert 0 <= start < end <= len(evidence["document"]["text"])
    assert evidence["document"]["text"][start:end] == text
    assert words(own_words) in words(text), (own_words, text)


async def test_evidence_is_the_passage_of_the_document(corpus_context: Context) -> None:
    meetings = [e["node"] for e in (await run(corpus_context, EVIDENCE))["meetings"]["edges"]]
    seen = {"meetings": 0, "attendees": 0, "items": 0, "actions": 0, "updates": 0, "metrics": 0}
    documents: dict[str, str] = {}
    for meeting in meetings:
        check(meeting["evidence"], meeting["title"])  # the header: title, date, venue ...
        seen["meetings"] += 1
        for attendee in meeting["attendees"]:
            check(attendee["evidence"], attendee["person"]["name"].split()[-1])
            seen["attendees"] += 1
        for item in meeting["items"]:
            for record in [item, *item["children"]]:
                check(record["evidence"], record["title"])
                seen["items"] += 1
        for action in meeting["actions"]:
            check(action["evidence"], action["text"][:60])
            seen["actions"] += 1
            for update in action["history"]:
                if update["evidence"] is not None:  # from the minutes, not pushed later
                    check(update["evidence"], update["text"][:60])
                    seen["updates"] += 1
        for metric in meeting["metrics"]:
            check(metric["evidence"], metric["context"])
            seen["metrics"] += 1
        for record in _evidence_in(meeting):
            document = record["document"]
            assert documents.setdefault(document["id"], document["text"]) == document["text"]
    assert all(seen.values()), seen


def _evidence_in(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    found = [meeting["evidence"], *(a["evidence"] for a in meeting["attendees"])]
    for item in meeting["items"]:
        found += [r["evidence"] for r in [item, *item["children"]]]
    for action in meeting["actions"]:
        found.append(action["evidence"])
        found += [u["evidence"] for u in action["history"] if u["evidence"]]
    found += [m["evidence"] for m in meeting["metrics"]]
    return found


PUSH = """
mutation($id: ID!) {
  updateAction(id: $id, note: "Shared with the panel.") {
    action { evidence { start } history { text author evidence { start end text } } }
    errors { code }
  }
}
"""


async def test_an_update_pushed_through_the_api_has_no_evidence(engine: AsyncEngine) -> None:
    await ingest_files(engine, SEED)
    async with session_factory(engine)() as session:
        action_id = await session.scalar(select(Action.id).order_by(Action.position))
    assert action_id is not None
    data = await run(
        Context(engine=engine, role="editor", api_key_name="force-records"),
        PUSH,
        {"id": to_global_id("Action", action_id)},
    )
    payload = data["updateAction"]
    assert payload["errors"] == [] and payload["action"]["evidence"] is not None
    pushed = [h for h in payload["action"]["history"] if h["author"] is not None]
    assert [(h["text"], h["evidence"]) for h in pushed] == [("Shared with the panel.", None)]
