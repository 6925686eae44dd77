"""Linked queries cost a number of SQL statements set by their depth, not by their rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.corpus import write_corpus
from records import models
from schema.context import Context
from tests.support.graphql import run
from tests.support.records import ingest_files

# Each loader appears at one depth only: a loader shared by two depths may batch in one
# round or two depending on which rows exist, which is scheduling, not growth.
NESTED = """
{
  meetings(first: 100) {
    totalCount
    edges { node {
      date chair { name }
      items {
        number
        children { number title }
        actions { reference owners { name } history { text } themes { code } }
        metrics { value theme { code } }
      }
      themes { code }
      source { sha256 }
    } }
  }
  themes {
    code
    metrics(first: 5) { totalCount edges { node { label meeting { date } } } }
  }
}
"""

# Every record's evidence: the passages come from the documents' loader, which
# `document` shares (records of several meetings and documents, one batch).
EVIDENCE = """
{
  meetings(first: 100) {
    totalCount
    edges { node {
      evidence { start text document { fileName } }
      attendees { evidence { text } }
      items {
        evidence { start end text document { fileName } }
        children { title }
      }
      actions { evidence { text } history { evidence { start text } } }
      metrics { evidence { end text document { sha256 } } }
    } }
  }
}
"""


async def count_statements(engine: AsyncEngine, query: str = NESTED) -> tuple[int, dict[str, Any]]:
    """Statements one execution of ``query`` sends, with a fresh context, and its data."""
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        data = await run(Context(engine=engine), query)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)
    return len(statements), data


async def test_statements_do_not_grow_with_meetings(engine: AsyncEngine, tmp_path: Path) -> None:
    files = write_corpus(tmp_path / "corpus", 50, seed=11)
    await ingest_files(engine, *files[:5])
    small, small_data = await count_statements(engine)
    small_evidence, _ = await count_statements(engine, EVIDENCE)
    await ingest_files(engine, *files[5:])
    large, large_data = await count_statements(engine)
    large_evidence, evidence_data = await count_statements(engine, EVIDENCE)

    assert small_data["meetings"]["totalCount"] == 5
    assert large_data["meetings"]["totalCount"] == 50
    async with Context(engine=engine).sessionmaker() as session:
        owned = await session.scalar(select(func.count()).select_from(models.action_owners))
        metrics = await session.scalar(select(func.count()).select_from(models.Metric))
    assert owned and metrics  # the query really crosses every relation
    assert small == large, (small, large)
    assert small_evidence == large_evidence, (small_evidence, large_evidence)
    cited = [
        record["evidence"]
        for edge in evidence_data["meetings"]["edges"]
        for field in ("attendees", "items", "actions", "metrics")
        for record in edge["node"][field]
    ]
    assert len(cited) > 50 and all(e is not None and e["text"] for e in cited)
