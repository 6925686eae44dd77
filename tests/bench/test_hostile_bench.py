"""The hostile-input benchmark end to end at tiny sizes: real servers, uploads, the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import FragmentDefinitionNode, FragmentSpreadNode, parse

from bench.hostile_bench import CASES, Options, fanout_query, run

# Sizes at which every case is cheap: fragment levels on each side of the selection
# limit (2^7 and 2^13 fields; the limit is 5,000), a bomb the ratio limit refuses, a
# PDF one page over the page limit, a small text, a 1 MB size limit for the folder.
TINY = Options(
    levels=(8, 14),
    concurrent=(2,),
    concurrent_levels=14,
    docx_mb=(2,),
    pdf_pages=(501,),
    text_mb=(0.05,),
    limits=("default",),
    max_file_mb=1,
    kill_files=2,
    kill_text_mb=1,
    timeout=120,
)
BAD_REASONS = {
    "binary.txt": "not a text file: binary content",
    "bomb-2mb.docx": "Word document part word/document.xml is compressed ",
    "broken.docx": "not a valid Word .docx file",
    "broken.pdf": "not a valid PDF",
    "empty.txt": "file is empty",
    "over-the-limit.txt": "file is 2.0 MB, over the 1.0 MB limit",
    "pages-501.pdf": "PDF has 501 pages, over the 500-page limit",
    "shopping-list.txt": "not meeting minutes: ",
}


def test_fanout_query_spreads_each_fragment_twice() -> None:
    document = parse(fanout_query(5, variant=3))
    fragments = [d for d in document.definitions if isinstance(d, FragmentDefinitionNode)]
    assert [f.name.value for f in fragments] == ["G0", "G1", "G2", "G3", "G4"]
    for level, fragment in enumerate(fragments[:-1]):
        spreads = fragment.selection_set.selections
        assert [s.name.value for s in spreads if isinstance(s, FragmentSpreadNode)] == [
            f"G{level + 1}"
        ] * 2
    assert "query Fan3" in fanout_query(5, variant=3)
    assert fanout_query(5) != fanout_query(5, variant=1)


def test_every_case_reports_its_outcome_by_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run(CASES, TINY, tmp_path)
    output = capsys.readouterr().out

    codes = {(r.group, r.name): r.codes for r in report.cases}
    assert codes == {
        ("fanout", "8 levels"): ["OK"],
        ("fanout", "14 levels"): ["TOO_MANY_SELECTIONS"],
        ("fanout", "14 levels x2 at once"): ["TOO_MANY_SELECTIONS"] * 2,
        ("upload, default", "docx 2 MB of XML"): ["TOO_LARGE"],
        ("upload, default", "pdf 501 pages"): ["TOO_LARGE"],
        ("upload, default", "text 0.05 MB"): ["STORED"],
        ("pool, default", "docx 2 MB of XML"): ["TOO_LARGE"],
        ("pool, default", "pdf 501 pages"): ["TOO_LARGE"],
        ("pool, default", "text 0.05 MB"): ["PARSED"],
    }
    added = {r.name: r.changes_added for r in report.cases if r.group == "upload, default"}
    assert added["docx 2 MB of XML"] == 0 and added["pdf 501 pages"] == 0
    assert (added["text 0.05 MB"] or 0) > 0
    for result in report.cases:
        assert result.peak_process_mb > 0  # the processes doing the work were found
        assert all(o.status in (200, None) for o in result.outcomes), result.outcomes
        if result.group.startswith(("fanout", "upload")):
            assert result.health is not None and result.health.probes >= 1
            assert result.health.timeouts == 0 and result.health.failures == 0

    assert report.folder is not None
    lines = {line.name: line for line in report.folder.files}
    samples = [line for line in lines.values() if line.kind == "sample"]
    assert samples and all(line.result in ("stored", "attached") for line in samples)
    assert all(not line.reason for line in samples)
    for name, reason in BAD_REASONS.items():
        assert lines[name].result not in ("stored", "attached"), lines[name]
        assert lines[name].reason.startswith(reason), lines[name]
    assert len(lines) == len(samples) + len(BAD_REASONS)
    assert re.fullmatch(
        rf"{len(lines)} files in .*: {len(samples)} ingested, {len(BAD_REASONS)} failed; .*",
        report.folder.summary,
    )
    assert report.folder.exit_code == 1 and report.folder.left_behind == 0

    assert report.kill is not None and not report.kill.note
    assert report.kill.busy_workers == 2
    assert report.kill.descendants["worker"] == 2
    assert [check.seconds for check in report.kill.checks] == [1.0, 2.0, 5.0, 10.0]
    assert report.kill.checks[-1].running == 0

    assert "fragment fan-out: assurance serve --workers 2" in output
    assert "ingestDocument uploads, default limits" in output
    assert "kill -9 of assurance ingest while its workers are busy" in output


def test_raised_limits_leave_the_time_limit_to_stop_a_bomb(tmp_path: Path) -> None:
    raised = Options(
        docx_mb=(20,),
        pdf_pages=(501,),
        text_mb=(),
        limits=("raised",),
        ingest_seconds=0.2,
        timeout=120,
    )
    report = run(("upload", "pool"), raised, tmp_path)

    codes = {(r.group, r.name): r.codes for r in report.cases}
    assert codes == {
        ("upload, raised", "docx 20 MB of XML"): ["RESOURCE_LIMIT"],
        ("upload, raised", "pdf 501 pages"): ["RESOURCE_LIMIT"],
        ("pool, raised", "docx 20 MB of XML"): ["RESOURCE_LIMIT"],
        ("pool, raised", "pdf 501 pages"): ["RESOURCE_LIMIT"],
    }
    messages = {o.message for r in report.cases for o in r.outcomes}
    assert messages == {
        "bomb-20mb.docx: reading and parsing it took longer than the 0.2 s limit",
        "pages-501.pdf: reading and parsing it took longer than the 0.2 s limit",
    }


pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc")
