"""``assurance timeline`` and ``assurance chain`` over the ingested samples and seed: the
timeline the API gives, as a chart; an action followed from raised to closed."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.commands.timeline import TIMELINE
from indexer.storage import IndexStore
from records.db import create_engine
from schema.context import Context
from tests.support.graphql import run, searcher_factory
from tests.support.paths import SAMPLES, SEED


@pytest.fixture
def runner(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("ASSURANCE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("ASSURANCE_DATABASE_URL", database_url)
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(SAMPLES), str(SEED), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return runner


def _api_timeline(database_url: str, index: Path, **variables: Any) -> dict[str, Any]:
    """What the GraphQL API answers for the timeline the command asks for."""

    async def ask() -> dict[str, Any]:
        engine = create_engine(database_url)
        try:
            searcher = await searcher_factory(engine, IndexStore(index))
            return await run(Context(engine=engine, searcher=searcher), TIMELINE, variables)
        finally:
            await engine.dispose()

    return dict(asyncio.run(ask())["theme"])


def _json(runner: CliRunner, *arguments: str) -> Any:
    result = runner.invoke(app, [*arguments, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_timeline_prints_what_the_api_answers_as_a_chart(
    runner: CliRunner, database_url: str, tmp_path: Path
) -> None:
    printed = _json(runner, "timeline", "soc", "--by", "quarter", "--from", "2021-01-01")
    answered = _api_timeline(
        database_url, tmp_path / "var" / "index", code="soc", by="QUARTER", **{"from": "2021-01-01"}
    )
    assert printed == answered
    assert printed["timeline"][0]["period"] == "2021-Q1"
    assert any(p["searchHits"] for p in printed["timeline"])

    everywhere = _json(runner, "timeline", "DA", "--from", "2019-01-01", "--to", "2023-12-31")
    eastmoor = _json(runner, "timeline", "DA", "--from", "2019-01-01", "--to", "2023-12-31",
                     "--body", "eastmoor")  # fmt: skip
    assert [p["period"] for p in everywhere["timeline"]] == ["2019", "2020", "2021", "2022", "2023"]
    assert [p["period"] for p in eastmoor["timeline"]] == ["2019", "2020", "2021", "2022", "2023"]
    for all_bodies, one in zip(everywhere["timeline"], eastmoor["timeline"], strict=True):
        assert one["meetings"] <= all_bodies["meetings"]
    assert sum(p["meetings"] for p in eastmoor["timeline"]) < sum(
        p["meetings"] for p in everywhere["timeline"]
    )

    chart = runner.invoke(app, ["timeline", "DA", "--chart", "open"])
    assert chart.exit_code == 0, chart.output
    periods = _json(runner, "timeline", "DA")["timeline"]
    lines = chart.output.splitlines()
    assert lines[0].startswith(f"DA Domestic Abuse by year, {periods[0]['period']} to ")
    widest = max(p["openActions"] for p in periods)
    for period in periods:
        [line] = [line for line in lines if line.startswith(period["period"] + " ")]
        numbers = re.findall(r"\d+", line.split("█")[0])[1:]
        assert numbers == [
            str(period[k])
            for k in ("meetings", "items", "actionsRaised", "actionsClosed", "openActions")
        ] + [str(period["searchHits"])]
        bar = line.count("█")
        assert bar == (round(40 * period["openActions"] / widest) if period["openActions"] else 0)
    assert lines[1].split()[-3:] == ["open", "hits", "open"] and "hits: records" in chart.output

    missing = runner.invoke(app, ["timeline", "NOSUCH"])
    assert missing.exit_code == 1 and "no theme 'NOSUCH'" in missing.output
    backwards = runner.invoke(app, ["timeline", "DA", "--from", "2022-01-01", "--to", "2021-01-01"])
    assert backwards.exit_code == 2 and "is after `to`" in backwards.output


def test_chain_follows_an_action_from_raised_to_closed(runner: CliRunner) -> None:
    # Action 1 of Eastmoor's performance meeting of 22 September 2022, as its action log
    # numbers it: deferred twice, closed in December.
    followed = _json(runner, "chain", "2022-09-22", "1")
    history = [(e["status"], e["date"], e["actionStatus"]) for e in followed["history"]]
    assert history == [
        ("RAISED", "2022-09-22", "OPEN"),
        ("DEFERRED", "2022-10-20", "DEFERRED"),
        ("DEFERRED", "2022-11-17", "DEFERRED"),
        ("CLOSED", "2022-12-15", "COMPLETED"),
    ]
    assert followed["lifecycle"]["closedOn"] == "2022-12-15"
    assert [c["meeting"]["date"] for c in followed["chain"]][-1] == "2022-12-15"

    found = _json(runner, "search", '"recovery plan"', "--type", "action", "--first", "50")
    ids = {hit["id"] for hit in found["hits"] if hit["meeting_date"] == "2022-10-20"}
    assert ids
    for number in ids:
        assert _json(runner, "chain", str(number))["history"] == followed["history"]
    assert _json(runner, "chain", followed["id"])["history"] == followed["history"]

    shown = runner.invoke(app, ["chain", "2022-09-22", "Action 1"])
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    for event in followed["history"]:
        assert any(
            line.startswith(event["date"])
            and f" {event['status']} " in line
            and f" {event['actionStatus']} " in line
            for line in lines
        ), event
    assert "COMPLETED; raised 2022-09-22; closed 2022-12-15" in shown.output
    assert "deferred 2 times" in shown.output

    # the log's number for an action carried in, which the meeting lists as the minutes
    # record it ("police staff turnover by department", cited as Action 2 of December 2021)
    carried = _json(runner, "chain", "2022-09-22", "5")
    assert carried["text"] == "police staff turnover by department"
    assert carried["meeting"]["date"] == "2022-09-22"

    ambiguous = runner.invoke(app, ["chain", "2022-09-22", "2"])
    assert ambiguous.exit_code == 2
    listed = re.findall(r"(\d+) \(eastmoor-performance-2022-09", ambiguous.output)
    assert len(listed) == 2 and "give the action's id" in ambiguous.output
    chains = [_json(runner, "chain", number)["chain"] for number in listed]
    assert chains[0] != chains[1]

    for arguments, code, message in (
        (["2022-09-22", "9"], 1, "no action '9' at the meeting on 2022-09-22"),
        (["1999-01-01", "1"], 1, "no meeting on 1999-01-01"),
        (["22-09-2022", "1"], 2, "is no meeting date"),
        (["999999"], 1, "no action 999999"),
        (["not-an-id"], 2, "is no action's id"),
    ):
        failed = runner.invoke(app, ["chain", *arguments])
        assert failed.exit_code == code, failed.output
        assert message in " ".join(failed.output.split())
