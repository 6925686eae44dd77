"""Minutes in the house styles of many forces, read -> cleaned -> parsed end to end.

Each file in tests/data/layouts/ imitates one published layout (fictional people, real
force names): a "held on ... via Microsoft Teams" header with ALL CAPS headings, a
Strategic Policing and Crime Board with "PCB 21/11" minute numbers, a Joint Audit
Committee with "29/22" minutes and RESOLVED paragraphs, a one-paragraph "Present:" list,
an "Attendees" table with the role before the name, "AP 22/09/01 – ACC to ..." actions,
a date only in the first line, a PDF wrapped at 90 columns with OFFICIAL and "Page 1 of 3",
bilingual Welsh and English headings and tables, an agenda, a stand-alone action log,
a police and crime panel under a capitals banner, and a final action log table.
``EXPECTED`` holds what a reader of each file finds in it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from ingest.clean import CleanedText, clean_text
from ingest.draft import MeetingDraft
from ingest.parse import parse_document
from ingest.read import read_document
from records.enums import (
    ActionStatus,
    AttendanceStatus,
    DocumentType,
    MeetingKind,
    MetricKind,
    MetricUnit,
)

LAYOUTS = Path(__file__).resolve().parents[1] / "data" / "layouts"

P = AttendanceStatus.PRESENT
A = AttendanceStatus.APOLOGIES
IN = AttendanceStatus.IN_ATTENDANCE
OPEN, DONE = ActionStatus.OPEN, ActionStatus.COMPLETED
GOING, DEFERRED = ActionStatus.IN_PROGRESS, ActionStatus.DEFERRED
COUNT, PERCENT = MetricUnit.COUNT, MetricUnit.PERCENT
MONEY, RATE = MetricUnit.MONEY, MetricUnit.RATE
SEEN, AIM = MetricKind.OBSERVED, MetricKind.TARGET


@dataclass(frozen=True)
class Expected:
    """What a reader finds in one file. ``metrics`` are key figures that must be among the
    parsed ones (value, unit, kind); ``not_counts`` are numbers that must not be counts."""

    file: str
    document_type: DocumentType
    kind: MeetingKind
    date: dt.date
    start_time: dt.time | None
    chair: str | None
    attendees: tuple[tuple[str, AttendanceStatus], ...]
    items: tuple[tuple[str | None, str], ...]
    actions: tuple[tuple[str | None, tuple[str, ...], ActionStatus], ...]
    metrics: tuple[tuple[float, MetricUnit, MetricKind], ...]
    next_meeting: tuple[dt.date, dt.time | None] | None
    not_counts: tuple[float, ...] = ()


EXPECTED: tuple[Expected, ...] = (
    Expected(
        file="derbyshire-accountability-2021-03.txt",
        document_type=DocumentType.MINUTES,
        kind=MeetingKind.ACCOUNTABILITY_BOARD,
        date=dt.date(2021, 3, 3),
        start_time=dt.time(10, 0),
        chair="H Whitcombe",
        attendees=(
            ("H Whitcombe", P), ("L Brannigan", P), ("S Okafor", P), ("R Pennock", P),
            ("M Lisle", P), ("T Varley", P), ("K Doyle", A),
        ),
        items=(
            ("1", "APOLOGIES AND DECLARATIONS OF INTEREST"),
            ("2", "MINUTES OF THE MEETING HELD ON 3 FEBRUARY 2021"),
            ("3", "ACTION LOG"),
            ("4", "NEIGHBOURHOOD POLICING"),
            ("5", "FINANCE REPORT – QUARTER 3"),
            ("6", "ANY OTHER BUSINESS"),
            ("7", "DATE OF NEXT MEETING"),
        ),
        actions=(
            ("12/20", (), DONE),
            ("02/21", (), OPEN),
            (None, ("M Lisle",), OPEN),
            (None, ("S Okafor", "R Pennock"), OPEN),
        ),
        metrics=((148, COUNT, SEEN), (62, PERCENT, SEEN), (14, PERCENT, SEEN),
                 (1_300_000, MONEY, SEEN)),
        next_meeting=(dt.date(2021, 4, 7), dt.time(10, 0)),
    ),
    Expected(
        file="west-midlands-strategic-board-2021-03.txt",
        document_type=DocumentType.MINUTES,
        kind=MeetingKind.STRATEGIC_BOARD,
        date=dt.date(2021, 3, 16),
        start_time=dt.time(10, 0),
        chair="Jasmine Ould",
        attendees=(
            ("Jasmine Ould", P), ("Ravi Sandhu", P), ("Bernadette Coyle", P),
            ("Gareth Imrie", P), ("Leonard Achebe", IN), ("Fiona Marsh", IN),
            ("Nadia Kerrigan", IN), ("Philip Aston", IN), ("Yusuf Rahman", A),
        ),
        items=(
            ("PCB 21/11", "Apologies"),
            ("PCB 21/12", "Declarations of Interest"),
            ("PCB 21/13", "Minutes of the previous meeting held on 16 February 2021"),
            ("PCB 21/14", "Chief Constable's Update: Tackling Knife Crime"),
            ("PCB 21/15", "Finance Report – Month 10"),
            ("PCB 21/16", "Any Other Business"),
            ("PCB 21/17", "Date of Next Meeting"),
        ),
        actions=((None, ("Fiona Marsh",), OPEN), (None, ("Philip Aston",), OPEN)),
        metrics=((11, PERCENT, SEEN), (2145, COUNT, SEEN), (18, COUNT, SEEN),
                 (27, PERCENT, SEEN), (2_400_000, MONEY, SEEN), (31_600_000, MONEY, SEEN),
                 (38_000_000, MONEY, SEEN)),
        next_meeting=(dt.date(2021, 4, 20), dt.time(10, 0)),
    ),
    Expected(
        file="avon-somerset-joint-audit-committee-2022-07.txt",
        document_type=DocumentType.MINUTES,
        kind=MeetingKind.AUDIT_COMMITTEE,
        date=dt.date(2022, 7, 27),
        start_time=dt.time(14, 0),
        chair="Alan Fairweather",
        attendees=(
            ("Alan Fairweather", P), ("Priya Chandran", P), ("Owen Tully", P),
            ("Gillian Roe", P), ("Helen Arkwright", IN), ("Vikram Dasgupta", IN),
            ("Joanna Pell", IN), ("Ben Stroud", IN), ("Carla Whyte", IN),
        ),
        items=(
            ("29/22", "APOLOGIES FOR ABSENCE"),
            ("30/22", "DECLARATIONS OF INTEREST"),
            ("31/22", "MINUTES OF THE PREVIOUS MEETING HELD ON 25 MAY 2022"),
            ("32/22", "INTERNAL AUDIT PROGRESS REPORT"),
            ("33/22", "HMICFRS INSPECTION UPDATE"),
            ("34/22", "STRATEGIC RISK REGISTER"),
            ("35/22", "ANY OTHER BUSINESS"),
        ),
        actions=((None, ("Joanna Pell",), OPEN), (None, ("Helen Arkwright",), OPEN)),
        metrics=((9, COUNT, SEEN), (14, COUNT, SEEN), (6, COUNT, SEEN), (3, COUNT, SEEN),
                 (112, COUNT, SEEN), (5, COUNT, SEEN), (71, PERCENT, SEEN)),
        next_meeting=(dt.date(2022, 10, 12), dt.time(14, 0)),
    ),
    Expected(
        file="lancashire-performance-accountability-board-2022-11.txt",
        document_type=DocumentType.MINUTES,
        kind=MeetingKind.ACCOUNTABILITY_BOARD,
        date=dt.date(2022, 11, 17),
        start_time=dt.time(10, 0),
        chair="J Ashcroft",
        attendees=(
            ("J Ashcroft", P), ("A Kowalski", P), ("D Ferris", P), ("C Hartley", P),
            ("N Obi", P), ("P Greenhalgh", P), ("R Yates", P), ("L Mbeki", A),
        ),
        items=(
            ("1", "Welcome and Apologies"),
            ("2", "Minutes and Action Log"),
            ("3", "Chief Constable's Update"),
            ("4", "Performance Report (Quarter 2)"),
            ("5", "Any Other Business"),
        ),
        actions=((None, ("N Obi",), OPEN), (None, ("P Greenhalgh",), OPEN)),
        metrics=((340, COUNT, SEEN), (21, COUNT, SEEN), (15, COUNT, SEEN),
                 (91.2, PERCENT, SEEN), (90, PERCENT, AIM), (18, PERCENT, SEEN),
                 (74, PERCENT, SEEN), (9.5, PERCENT, SEEN)),
        next_meeting=(dt.date(2022, 12, 15), dt.time(10, 0)),
        not_counts=(101,),
    ),
    Expected(
        file="surrey-performance-2021-01.txt",
        document_type=DocumentType.MINUTES,
        kind=MeetingKind.PERFORMANCE,
        date=dt.date(2021, 1, 12),
        start_time=dt.time(10, 30),
        chair="Graham Redfern",
        attendees=(
            ("Graham Redfern", P), ("Alison Thorne", P), ("Martin Kehoe", P),
            ("Susan Prowse", P), ("Daniel Ifield", P), ("Kirsty Lamb", P),
            ("Neil Ormerod", A),
        ),
        items=(
            ("1", "Matters arising from the meeting of 8 December 2020"),
            ("1.1", "Action 1: SP to confirm the number of officers trained in stalking "
                    "protection orders"),
            ("1.2", "Action 2: GR to share the OPCC victims survey with the Force"),
            ("1.3", "Action 3: DI to report on the use of Clare's Law disclosures in the county "
                    "to the next performance meeting, including…"),
            ("2", "Violence against women and girls"),
            ("3", "Road safety"),
            ("4", "Any other business"),
        ),
        actions=(
            ("1", ("Susan Prowse",), DONE),
            ("2", ("Graham Redfern",), DONE),
            ("3", ("Daniel Ifield",), GOING),
            ("4", ("Susan Prowse",), OPEN),
            ("5", ("Daniel Ifield",), OPEN),
        ),
        metrics=((210, COUNT, SEEN), (23, PERCENT, SEEN), (96, COUNT, SEEN),
                 (3.1, PERCENT, SEEN), (19, COUNT, SEEN), (1870, COUNT, SEEN)),
        next_meeting=None,
    ),
    Expected(
        file="sussex-holding-to-account-2022-09.txt",
        document_type=DocumentType.MINUTES,
        kind=MeetingKind.ACCOUNTABILITY_BOARD,
        date=dt.date(2022, 9, 14),
        start_time=None,
        chair="Donna Jeffers",
        attendees=(
            ("Donna Jeffers", P), ("Amrit Basra", P), ("Tom Wakeling", P),
            ("Leah Forsyth", P), ("Colin Padgett", P), ("Hannah Reeve", P),
        ),
        items=(
            ("1", "Public Contact – 101 and 999"),
            ("2", "Neighbourhood Policing"),
            ("3", "Violence Against Women and Girls"),
            ("4", "Any Other Business"),
        ),
        actions=(
            ("22/09/01", ("Leah Forsyth",), OPEN),
            ("22/09/02", ("Tom Wakeling",), OPEN),
            ("22/09/03", ("Leah Forsyth", "Colin Padgett"), OPEN),
        ),
        metrics=((88, PERCENT, SEEN), (90, PERCENT, AIM), (32, PERCENT, SEEN),
                 (40, COUNT, SEEN), (96, PERCENT, SEEN), (6.2, PERCENT, SEEN),
                 (4.1, PERCENT, SEEN)),
        next_meeting=None,
        not_counts=(101, 999),
    ),
    Expected(
        file="northamptonshire-accountability-board-2023-05.txt",
        document_type=DocumentType.MINUTES,
        kind=MeetingKind.ACCOUNTABILITY_BOARD,
        date=dt.date(2023, 5, 11),
        start_time=dt.time(14, 0),
        chair="Stephen Marlow",
        attendees=(
            ("Stephen Marlow", P), ("Ivan Petrakis", P), ("Rachel Goodall", P),
            ("Moses Adeyemi", P), ("Clare Haddon", P), ("Jonathan Tebbs", P),
        ),
        items=(
            ("1", "Welcome and apologies"),
            ("2", "Minutes and actions from the previous meeting"),
            ("3", "Domestic abuse"),
            ("4", "Finance and efficiency"),
            ("5", "Any other business"),
        ),
        actions=(
            ("1", (), DONE),
            ("2", (), OPEN),
            ("1", ("Rachel Goodall",), OPEN),
            ("2", ("Clare Haddon",), OPEN),
        ),
        metrics=((31, PERCENT, SEEN), (46, COUNT, SEEN), (412, COUNT, SEEN),
                 (38, PERCENT, SEEN), (158_200_000, MONEY, SEEN), (640_000, MONEY, SEEN),
                 (2_100_000, MONEY, SEEN)),
        next_meeting=(dt.date(2023, 6, 8), dt.time(14, 0)),
        not_counts=(1, 2, 3, 7),
    ),
    Expected(
        file="dyfed-powys-policing-accountability-board-2022-06.txt",
        document_type=DocumentType.MINUTES,
        kind=MeetingKind.ACCOUNTABILITY_BOARD,
        date=dt.date(2022, 6, 6),
        start_time=dt.time(14, 0),
        chair="Emyr Pugh-Llywelyn",
        attendees=(
            ("Emyr Pugh-Llywelyn", P), ("Rhian Gwyther", P), ("Mark Eccleston", P),
            ("Siân Pemberton", P), ("Owain Tudur", P),
        ),
        items=(
            ("1", "Ymddiheuriadau / Apologies"),
            ("2", "Datgan Buddiant / Declarations of Interest"),
            ("3", "Cofnodion y cyfarfod blaenorol / Minutes of the previous meeting"),
            ("4", "Troseddau Gwledig / Rural Crime"),
            ("5", "Cyllid / Finance"),
            ("6", "Unrhyw Fater Arall / Any Other Business"),
        ),
        actions=(
            ("PAB 22/06-1", ("Siân Pemberton",), OPEN),
            ("PAB 22/06-2", ("Rhian Gwyther",), OPEN),
        ),
        metrics=((1214, COUNT, SEEN), (8, PERCENT, SEEN), (640_000, MONEY, SEEN),
                 (1_100_000, MONEY, SEEN)),
        next_meeting=None,
        not_counts=(6,),
    ),
    Expected(
        file="kent-agenda-2021-01.txt",
        document_type=DocumentType.AGENDA,
        kind=MeetingKind.PERFORMANCE,
        date=dt.date(2021, 1, 12),
        start_time=dt.time(10, 0),
        chair=None,
        attendees=(),
        items=(
            ("1", "Introduction and apologies"),
            ("2", "Minutes of the meeting held on 10 November 2020 and action log"),
            ("3", "Chief Constable's update"),
            ("4", "Performance Report (Quarter 2)"),
            ("5", "Victims' Code compliance"),
            ("6", "Policing the Covid-19 regulations"),
            ("7", "Any other business"),
        ),
        actions=(),
        metrics=(),
        next_meeting=(dt.date(2021, 3, 9), None),
    ),
    Expected(
        file="nottinghamshire-action-log-2022-01.txt",
        document_type=DocumentType.ACTION_LOG,
        kind=MeetingKind.PERFORMANCE,
        date=dt.date(2022, 1, 12),
        start_time=None,
        chair=None,
        attendees=(),
        items=(),
        actions=(
            ("SRP 21/14", (), DONE),
            ("SRP 21/19", (), GOING),
            ("SRP 21/22", (), GOING),
            ("SRP 21/23", (), OPEN),
        ),
        metrics=(),
        next_meeting=None,
        not_counts=(999,),
    ),
    Expected(
        file="north-yorkshire-police-fire-crime-panel-2022-02.txt",
        document_type=DocumentType.MINUTES,
        kind=MeetingKind.POLICE_AND_CRIME_PANEL,
        date=dt.date(2022, 2, 3),
        start_time=dt.time(10, 30),
        chair="Peter Sowerby",
        attendees=(
            ("Peter Sowerby", P), ("Aisha Malik", P), ("Derek Holroyd", P),
            ("Janet Byers", P), ("Tom Featherstone", P), ("Zoe Metcalfe", IN),
            ("Simon Dennison", IN), ("Ruth Hallam", IN), ("Neil Fawcett", A),
        ),
        items=(
            ("139", "Declarations of Interest"),
            ("140", "Minutes of the meeting held on 25 November 2021"),
            ("141", "Proposed Police Precept 2022/23"),
            ("142", "Complaints Update"),
            ("143", "Work Programme"),
        ),
        actions=((None, (), OPEN),),
        metrics=((10, MONEY, SEEN), (3.8, PERCENT, SEEN), (3_200_000, MONEY, SEEN),
                 (2156, COUNT, SEEN), (58, PERCENT, SEEN), (1630, COUNT, SEEN),
                 (200, COUNT, SEEN), (279.88, MONEY, SEEN), (2, COUNT, SEEN)),
        next_meeting=None,
    ),
    Expected(
        file="hampshire-thematic-vawg-2021-01.txt",
        document_type=DocumentType.MINUTES,
        kind=MeetingKind.THEMATIC,
        date=dt.date(2021, 1, 12),
        start_time=dt.time(10, 0),
        chair="Yvonne Castellan",
        attendees=(
            ("Yvonne Castellan", P), ("Leo Brightwell", P), ("Olivia Strand", P),
            ("Hugo Rennard", P), ("Patrick Dunne", P),
        ),
        items=(
            ("1", "Introduction"),
            ("2", "Rape and serious sexual offences"),
            ("3", "Safer streets"),
            ("4", "Any other business"),
        ),
        actions=(
            ("1", ("Hugo Rennard",), OPEN),
            ("2", ("Leo Brightwell", "Hugo Rennard"), OPEN),
            ("THEM 20/07", ("Olivia Strand",), DONE),
        ),
        metrics=((1482, COUNT, SEEN), (4.6, PERCENT, SEEN), (10, PERCENT, AIM),
                 (41, PERCENT, SEEN), (96_000, MONEY, SEEN), (420_000, MONEY, SEEN)),
        next_meeting=None,
    ),
    Expected(
        file="gloucestershire-accountability-board-2022-10.txt",
        document_type=DocumentType.MINUTES,
        kind=MeetingKind.ACCOUNTABILITY_BOARD,
        date=dt.date(2022, 10, 12),
        start_time=dt.time(14, 0),
        chair="Christopher Hale",
        attendees=(
            ("Christopher Hale", P), ("Ruth Kingsbury", P), ("Anil Moorcroft", P),
            ("Joanna Treharne", P), ("Philippa Stroud", P),
        ),
        items=(
            ("1", "Matters arising"),
            ("1.1", "Action 2: JT to report back on the use of Out of Court Resolutions for "
                    "domestic abuse offences committed by first-time…"),
            ("1.2", "Action 4: AM to present the estates strategy, including the future of the "
                    "front counters at Cirencester and Stroud"),
            ("1.3", "Action 5: RK to circulate the victims' needs assessment"),
            ("2", "Neighbourhood policing"),
            ("2.1", "Problem solving"),
            ("2.2", "Rural crime"),
            ("3", "Any other business"),
        ),
        actions=(
            ("2", ("Joanna Treharne",), DEFERRED),
            ("4", ("Anil Moorcroft",), DEFERRED),
            ("5", ("Ruth Kingsbury",), DONE),
            ("1", ("Joanna Treharne",), OPEN),
        ),
        metrics=((64, COUNT, SEEN), (22, COUNT, SEEN), (19.4, RATE, SEEN),
                 (410_000, MONEY, SEEN)),
        next_meeting=(dt.date(2022, 11, 9), dt.time(14, 0)),
    ),
)  # fmt: skip

BY_FILE = {expected.file: expected for expected in EXPECTED}


@cache
def cleaned(file: str) -> CleanedText:
    return clean_text(read_document(LAYOUTS / file).text)


@cache
def parsed(file: str) -> MeetingDraft:
    return parse_document(cleaned(file).text, file_name=file)


def expectations() -> list[object]:
    return [pytest.param(expected, id=expected.file.removesuffix(".txt")) for expected in EXPECTED]


def test_every_layout_file_has_expectations() -> None:
    files = sorted(path.name for path in LAYOUTS.iterdir())
    assert len(files) >= 12
    assert files == sorted(BY_FILE)


@pytest.mark.parametrize("expected", expectations())
def test_header(expected: Expected) -> None:
    draft = parsed(expected.file)
    assert draft.document_type is expected.document_type
    assert draft.kind is expected.kind
    assert draft.date == expected.date
    assert draft.start_time == expected.start_time
    assert draft.chair == expected.chair


@pytest.mark.parametrize("expected", expectations())
def test_attendees(expected: Expected) -> None:
    draft = parsed(expected.file)
    assert [(a.name, a.status) for a in draft.attendees] == list(expected.attendees)
    text = cleaned(expected.file).text
    for attendee in draft.attendees:
        assert attendee.span is not None
        assert attendee.name in text[attendee.span.start : attendee.span.end]


@pytest.mark.parametrize("expected", expectations())
def test_items(expected: Expected) -> None:
    draft = parsed(expected.file)
    assert [(item.number, item.title) for item in draft.items] == list(expected.items)
    text = cleaned(expected.file).text
    for item in draft.items:
        heading = text[item.span.start : item.span.end].split("\n", 1)[0]
        assert (item.number or item.title) in heading


@pytest.mark.parametrize("expected", expectations())
def test_actions(expected: Expected) -> None:
    draft = parsed(expected.file)
    found = [(a.reference, tuple(a.owners), a.status) for a in draft.actions]
    assert found == list(expected.actions)


@pytest.mark.parametrize("expected", expectations())
def test_key_metrics(expected: Expected) -> None:
    draft = parsed(expected.file)
    found = {(m.value, m.unit, m.kind) for m in draft.metrics}
    for metric in expected.metrics:
        assert metric in found
    counts = {m.value for m in draft.metrics if m.unit is MetricUnit.COUNT}
    assert counts.isdisjoint(expected.not_counts)


@pytest.mark.parametrize("expected", expectations())
def test_next_meeting(expected: Expected) -> None:
    draft = parsed(expected.file)
    if expected.next_meeting is None:
        assert draft.next_meeting is None
    else:
        assert draft.next_meeting is not None
        assert (draft.next_meeting.date, draft.next_meeting.start_time) == expected.next_meeting


@pytest.mark.parametrize("expected", expectations())
def test_cleaning_is_idempotent(expected: Expected) -> None:
    text = cleaned(expected.file).text
    assert clean_text(text).text == text


# -- what each house style needed --------------------------------------------------------


def test_held_on_header_gives_title_time_and_remote_venue() -> None:
    draft = parsed("derbyshire-accountability-2021-03.txt")
    assert draft.title == "Minutes of the Police and Crime Commissioner's Accountability Meeting"
    assert draft.venue == "Microsoft Teams"
    assert draft.body == "Derbyshire"
    assert draft.minute_taker == "T Varley"
    # "Apologies were received from ACC Doyle." is the same person as the listed K Doyle
    assert [a.name for a in draft.attendees].count("K Doyle") == 1


def test_minute_numbers_with_the_year_first_are_items() -> None:
    draft = parsed("west-midlands-strategic-board-2021-03.txt")
    # the date of the meeting, not of "Minutes of the previous meeting held on 16 February"
    assert draft.date == dt.date(2021, 3, 16)
    assert draft.actions[0].item == 3  # raised under PCB 21/14
    assert draft.actions[1].item == 4


def test_inspection_findings_are_counted() -> None:
    draft = parsed("avon-somerset-joint-audit-committee-2022-07.txt")
    labels = {m.value: m.label for m in draft.metrics}
    assert labels[112] == "areas"
    assert draft.items[0].number == "29/22"


def test_one_paragraph_present_list_and_chair_inside_brackets() -> None:
    draft = parsed("lancashire-performance-accountability-board-2022-11.txt")
    pcc = draft.attendees[0]
    assert (pcc.capacity, pcc.abbreviation) == ("Police and Crime Commissioner", "PCC")
    assert draft.minute_taker == "R Yates"
    assert draft.venue == "Conference Room 2, Police Headquarters, Hutton"
    labels = {m.value: m.label for m in draft.metrics}
    assert labels[15] == "measures on track"


def test_role_first_attendance_table_with_apologies_table() -> None:
    draft = parsed("surrey-performance-2021-01.txt")
    assert draft.minute_taker == "Kirsty Lamb"
    assert draft.venue == "Microsoft Teams"
    lamb = next(a for a in draft.attendees if a.name == "Kirsty Lamb")
    assert lamb.capacity == "Head of Performance and Governance, OPCC"
    # matters arising carried from the meeting of 8 December 2020
    assert [a.origin_date for a in draft.actions[:3]] == [dt.date(2020, 12, 8)] * 3
    assert [a.item for a in draft.actions] == [1, 2, 3, 4, 5]


def test_date_only_in_the_first_line_and_inline_action_points() -> None:
    draft = parsed("sussex-holding-to-account-2022-09.txt")
    assert draft.title == "Holding to Account Meeting"  # the body's name, not its date
    assert draft.minute_taker == "Hannah Reeve"
    padgett = next(a for a in draft.attendees if a.name == "Colin Padgett")
    assert (padgett.capacity, padgett.abbreviation) == ("Chief Executive, OPCC", "CEO")
    first = draft.actions[0]
    assert first.due_date == dt.date(2022, 10, 31)
    assert first.text.startswith("ACC to provide the Commissioner with the contact centre")
    assert [a.item for a in draft.actions] == [0, 1, 2]


def test_wrapped_pdf_text_with_page_furniture() -> None:
    result = cleaned("northamptonshire-accountability-board-2023-05.txt")
    lines = result.text.split("\n")
    assert not any(line.startswith("Page ") for line in lines)
    assert lines.count("OFFICIAL") == 1  # the marking above the title stays once
    assert any("dropped 3 page numbers" in warning for warning in result.warnings)
    assert (
        "4.1 The Chief Finance Officer reported an outturn for 2022/23 of £158.2m, an underspend"
        " of £640,000 against the revised budget. The Chief Constable said that the efficiency"
        " plan had delivered savings of £2.1m in the year." in lines
    )
    draft = parsed("northamptonshire-accountability-board-2023-05.txt")
    # "3.2 The Commissioner questioned ... Violence" wraps before a capital: no sub-item
    assert "3.2" not in [item.number for item in draft.items]
    labels = {m.value: m.label for m in draft.metrics}
    assert labels[158_200_000] == "outturn"


def test_bilingual_welsh_and_english_labels_and_tables() -> None:
    draft = parsed("dyfed-powys-policing-accountability-board-2022-06.txt")
    assert draft.minute_taker == "Owain Tudur"
    assert [(a.capacity, a.abbreviation) for a in draft.attendees[:3]] == [
        ("Police and Crime Commissioner", "PCC"),
        ("Chief Executive, OPCC", "CEO"),
        ("Chief Constable", "CC"),
    ]
    # the action table under "Camau Gweithredu / Actions" belongs to no agenda item
    assert [(a.owner_text, a.due_date, a.item) for a in draft.actions] == [
        ("DCC", dt.date(2022, 9, 5), None),
        ("Chief Executive", dt.date(2022, 6, 30), None),
    ]


def test_agenda_with_month_first_date() -> None:
    draft = parsed("kent-agenda-2021-01.txt")
    assert draft.venue == "Microsoft Teams"
    assert all(item.parent is None for item in draft.items)


def test_stand_alone_action_log_with_rag_column() -> None:
    draft = parsed("nottinghamshire-action-log-2022-01.txt")
    assert [(a.origin_date, a.due_date) for a in draft.actions] == [
        (dt.date(2021, 7, 14), dt.date(2021, 9, 1)),
        (dt.date(2021, 9, 15), dt.date(2021, 11, 30)),
        (dt.date(2021, 11, 10), dt.date(2022, 1, 12)),
        (dt.date(2021, 11, 10), dt.date(2022, 3, 31)),
    ]
    assert [a.owner_text for a in draft.actions] == [
        "ACC",
        "Chief Finance Officer",
        "DCC",
        "Chief Constable",
    ]
    assert draft.actions[0].updates[0].text == "Presented to the September meeting."


def test_panel_banner_in_capitals_is_kept() -> None:
    result = cleaned("north-yorkshire-police-fire-crime-panel-2022-02.txt")
    lines = result.text.split("\n")
    assert lines[0] == (
        "Minutes of the meeting of the North Yorkshire Police, Fire and Crime Panel held on "
        "3 February 2022"
    )
    assert lines[3].startswith("MINUTES OF THE MEETING OF THE NORTH YORKSHIRE POLICE")
    assert result.warnings == []
    draft = parsed("north-yorkshire-police-fire-crime-panel-2022-02.txt")
    assert draft.venue == "COUNTY HALL, NORTHALLERTON"
    malik = next(a for a in draft.attendees if a.name == "Aisha Malik")
    assert malik.capacity == "Vice-Chair"
    assert draft.actions[0].owner_text == "Secretariat"


def test_final_action_log_table_merges_with_the_minuted_actions() -> None:
    draft = parsed("hampshire-thematic-vawg-2021-01.txt")
    first, second, carried = draft.actions
    assert (first.due_date, first.item) == (dt.date(2021, 2, 26), 1)
    assert (second.due_date, second.item) == (dt.date(2021, 4, 30), 2)
    assert (carried.origin_date, carried.item) == (dt.date(2020, 11, 10), None)


def test_repeated_update_lines_are_both_kept() -> None:
    result = cleaned("gloucestershire-accountability-board-2022-10.txt")
    update = "Update: Deferred. The lead officer had been on leave and the update was deferred."
    assert result.text.split("\n").count(update) == 2
    assert result.warnings == []
    draft = parsed("gloucestershire-accountability-board-2022-10.txt")
    assert [a.origin_title for a in draft.actions[:3]] == ["Accountability Board"] * 3
    assert [a.origin_date for a in draft.actions[:3]] == [dt.date(2022, 9, 14)] * 3
    rate = next(m for m in draft.metrics if m.unit is MetricUnit.RATE)
    assert rate.label == "ASB incidents per 1,000 population"
