"""The synthetic corpus: reproducible, varied, internally consistent, and readable by the parser."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from bench.corpus import (
    FORCES,
    ROLES,
    GeneratedMeeting,
    generate_meeting,
    iter_meetings,
    main,
    write_corpus,
)
from ingest.clean import clean_text
from ingest.parse import parse_document
from ingest.parse.themes import load_base_glossary
from ingest.read import read_document
from records.enums import AttendanceStatus, MeetingKind

REAL_FORCE_WORDS = {
    "Avon", "Somerset", "Devon", "Cornwall", "Dorset", "Wiltshire", "Gloucestershire",
    "Thames", "Hampshire", "Surrey", "Sussex", "Kent", "Essex", "Hertfordshire",
    "Bedfordshire", "Cambridgeshire", "Norfolk", "Suffolk", "Lincolnshire", "Leicestershire",
    "Northamptonshire", "Warwickshire", "Mercia", "Staffordshire", "Derbyshire",
    "Nottinghamshire", "Cheshire", "Merseyside", "Lancashire", "Cumbria", "Northumbria",
    "Durham", "Cleveland", "Yorkshire", "Humberside", "Manchester", "Midlands", "Dyfed",
    "Powys", "Gwent", "Wales", "London", "Scotland",
}  # fmt: skip


@pytest.fixture(scope="module")
def meetings() -> list[GeneratedMeeting]:
    return list(iter_meetings(300, seed=7))


def _file_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_writes_the_same_bytes_in_every_format(tmp_path: Path) -> None:
    formats = ("txt", "md", "docx")
    first = write_corpus(tmp_path / "a", 9, seed=3, formats=formats)
    second = write_corpus(tmp_path / "b", 9, seed=3, formats=formats)

    assert [p.name for p in first] == [p.name for p in second]
    assert {p.suffix for p in first} == {".txt", ".md", ".docx"}
    assert _file_bytes(tmp_path / "a") == _file_bytes(tmp_path / "b")


def test_a_different_seed_writes_a_different_corpus(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 20, seed=3)
    write_corpus(tmp_path / "b", 20, seed=4)

    first, second = _file_bytes(tmp_path / "a"), _file_bytes(tmp_path / "b")
    assert set(first) != set(second)
    assert sorted(first.values()) != sorted(second.values())


def test_generate_meeting_depends_only_on_its_random_state() -> None:
    one = generate_meeting(random.Random(11), 5)
    two = generate_meeting(random.Random(11), 5)
    other = generate_meeting(random.Random(12), 5)

    assert one.text == two.text
    assert one.file_name == two.file_name
    assert one.text != other.text


def test_meetings_vary_over_years_forces_kinds_and_layouts(
    meetings: list[GeneratedMeeting],
) -> None:
    years = {m.date.year for m in meetings}
    assert max(years) - min(years) >= 10
    assert len(years) >= 10
    assert len({m.force for m in meetings}) >= 30
    kinds = Counter(m.kind for m in meetings)
    assert set(kinds) == {
        MeetingKind.MONTHLY_ASSURANCE,
        MeetingKind.THEMATIC,
        MeetingKind.PERFORMANCE,
        MeetingKind.ACCOUNTABILITY_BOARD,
        MeetingKind.POLICE_AND_CRIME_PANEL,
    }
    assert min(kinds.values()) >= 10
    assert len({m.theme for m in meetings if m.kind == MeetingKind.THEMATIC}) >= 4
    assert len({m.style for m in meetings}) >= 5
    top_level_counts = {sum(1 for i in m.items if i.parent is None) for m in meetings}
    assert min(top_level_counts) >= 4
    assert max(top_level_counts) <= 9
    assert any(m.paragraphs for m in meetings)
    assert sum(1 for m in meetings if any(a.carried for a in m.actions)) >= 100


def test_force_names_are_invented() -> None:
    assert len(FORCES) >= 40
    assert len({f.area for f in FORCES}) == len(FORCES)
    for force in FORCES:
        assert not set(force.area.split()) & REAL_FORCE_WORDS, force.area


def test_every_action_owner_attends_the_meeting(meetings: list[GeneratedMeeting]) -> None:
    owned = 0
    for meeting in meetings:
        present = {a.name for a in meeting.present}
        for action in meeting.actions:
            assert set(action.owners) <= present, (meeting.file_name, action)
            assert bool(action.owners) == bool(action.owner_text)
            owned += bool(action.owners)
    assert owned >= 500


def test_owners_are_named_by_role_or_unique_initials(meetings: list[GeneratedMeeting]) -> None:
    for meeting in meetings:
        initials = [a.initials for a in meeting.attendees]
        assert len(initials) == len(set(initials)), meeting.file_name
        by_reference: dict[str, str] = {}
        for person in meeting.present:
            by_reference[person.initials] = person.name
            role = ROLES.get(person.role)
            if person.abbreviation or (role and role.standard):
                by_reference[role.abbreviation if role else ""] = person.name
        for action in meeting.actions:
            references = re.split(r" and | / ", action.owner_text or "")
            named = tuple(by_reference.get(r) for r in references if r)
            assert named == action.owners, (meeting.file_name, action)


def test_attendance_has_a_chair_a_minute_taker_and_apologies(
    meetings: list[GeneratedMeeting],
) -> None:
    for meeting in meetings:
        present = {a.name for a in meeting.present}
        assert meeting.chair in present
        assert meeting.minute_taker in present
    assert any(a.status == AttendanceStatus.APOLOGIES for m in meetings for a in m.attendees)


def test_items_are_numbered_in_order_and_appear_in_the_text(
    meetings: list[GeneratedMeeting],
) -> None:
    for meeting in meetings:
        top = [i.number for i in meeting.items if i.parent is None]
        assert top == [str(n) for n in range(1, len(top) + 1)], meeting.file_name
        numbers = meeting.item_numbers
        assert len(numbers) == len(set(numbers))
        for item in meeting.items:
            if item.parent is not None:
                assert numbers.index(item.parent) < numbers.index(item.number)
                assert item.number.startswith(f"{item.parent}.")
            line = re.compile(
                rf"^(?:\t|Item )?{re.escape(item.number)}[.)]?\s+{re.escape(item.title)}$",
                re.MULTILINE,
            )
            assert line.search(meeting.text), (meeting.file_name, item)


def test_header_names_the_month_year_and_the_date(meetings: list[GeneratedMeeting]) -> None:
    for meeting in meetings:
        month = meeting.date.strftime("%B")
        assert f"{month} {meeting.date.year}" in meeting.title
        assert meeting.title.upper() in meeting.text.upper()
        assert month in meeting.text
    files = [m.file_name for m in meetings]
    assert len(files) == len(set(files))
    assert len({(m.force, m.kind, m.date) for m in meetings}) == len(meetings)


def test_matters_arising_carry_actions_of_the_same_forces_previous_meeting(
    meetings: list[GeneratedMeeting],
) -> None:
    earlier: dict[str, GeneratedMeeting] = {}
    carried = 0
    for meeting in meetings:
        previous = earlier.get(meeting.force)
        for action in meeting.actions:
            if not action.carried:
                continue
            carried += 1
            assert previous is not None
            assert action.origin_date == previous.date < meeting.date
            assert action.origin_title == previous.title
            assert action.text in {a.text for a in previous.actions if not a.carried}
        earlier[meeting.force] = meeting
    assert carried >= 100


def test_metrics_are_written_as_the_ground_truth_says(meetings: list[GeneratedMeeting]) -> None:
    units = Counter(metric.unit for m in meetings for metric in m.metrics)
    assert len(units) == 4
    for meeting in meetings[:50]:
        text = " ".join(meeting.text.split())  # wrapped lines may split a figure
        for metric in meeting.metrics:
            assert metric.text in text, (meeting.file_name, metric)


def test_policing_vocabulary_follows_a_few_common_acronyms(
    meetings: list[GeneratedMeeting],
) -> None:
    text = "\n".join(m.text for m in meetings)
    counts = {code: len(re.findall(rf"\b{code}s?\b", text)) for code in ("DA", "MARAC", "DVPN")}
    assert counts["DA"] > counts["MARAC"] > 0
    assert counts["DVPN"] > 0
    for code in ("SOC", "VAWG", "DASH", "BWV", "IDVA", "ASB", "CSE"):
        assert re.search(rf"\b{code}s?\b", text), code
    assert "Multi-Agency Risk Assessment Conference (MARAC)" in text
    assert re.search(r"\bHMICFRS\b", text) and re.search(r"\bHMIC\b", text)
    for pattern in (r"\b\d+% of\b", r"£\d+(?:\.\d)?m\b", r"£\d{1,3},\d{3}\b", r"^Action \d+: "):
        assert re.search(pattern, text, re.MULTILINE), pattern


GLOSSARY = load_base_glossary()


def test_parser_recovers_date_kind_and_items_of_generated_text(
    meetings: list[GeneratedMeeting],
) -> None:
    for meeting in meetings[:20]:
        cleaned = clean_text(meeting.text)
        draft = parse_document(cleaned.text, glossary=GLOSSARY, file_name=meeting.file_name)
        assert draft.date == meeting.date, meeting.file_name
        assert draft.kind == meeting.kind, meeting.file_name
        assert [i.number for i in draft.items] == list(meeting.item_numbers), meeting.file_name


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_parser_recovers_date_kind_and_items_of_written_files(tmp_path: Path, fmt: str) -> None:
    chosen = list(iter_meetings(40, seed=21))[::4]
    for meeting in chosen:
        path = tmp_path / f"{meeting.stem}.{fmt}"
        path.write_bytes(meeting.render(fmt))
        raw = read_document(path)
        draft = parse_document(clean_text(raw.text).text, glossary=GLOSSARY, file_name=path.name)
        assert draft.date == meeting.date, path.name
        assert draft.kind == meeting.kind, path.name
        assert [i.number for i in draft.items] == list(meeting.item_numbers), path.name


def test_command_line_writes_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "out"), "--meetings", "6", "--formats", "txt,md"]) == 0

    written = sorted(p.suffix for p in (tmp_path / "out").iterdir())
    assert written == [".md", ".md", ".md", ".txt", ".txt", ".txt"]
    assert "wrote 6 files" in capsys.readouterr().out
