import datetime as dt
import re
from pathlib import Path

import pytest

from ingest.clean import clean_text
from ingest.draft import GlossaryEntry, ItemDraft, MeetingDraft, NextMeetingDraft, Span
from ingest.errors import NotMinutesError
from ingest.parse import parse_document
from ingest.parse.lines import split_lines
from ingest.parse.next_meeting import parse_next_meeting
from records.enums import AttendanceStatus, DocumentType, MeetingKind

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "tests" / "data" / "monthly-assurance-2021-02.txt"
SAMPLES = REPO / "samples"


def cleaned(raw: str) -> str:
    return clean_text(raw).text


@pytest.fixture(scope="module")
def seed_text() -> str:
    return cleaned(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed(seed_text: str) -> MeetingDraft:
    glossary = [GlossaryEntry("DA", "Domestic abuse", is_theme=True)]
    return parse_document(seed_text, glossary=glossary, file_name=SEED.name)


def test_seed_header(seed: MeetingDraft) -> None:
    assert seed.document_type is DocumentType.MINUTES
    assert seed.title == "Monthly Assurance Meeting February 2021– Meeting Notes"
    assert seed.kind is MeetingKind.MONTHLY_ASSURANCE
    assert seed.date == dt.date(2021, 2, 26)
    assert "stated weekday Thursday does not match 2021-02-26 (a Friday)" in seed.warnings
    assert seed.start_time == dt.time(10, 0)
    assert seed.venue == "Virtual"
    assert seed.chair == "John Campion"
    assert seed.minute_taker == "Jackie Irvin"
    assert seed.body == "West Mercia"


def test_seed_attendees(seed: MeetingDraft, seed_text: str) -> None:
    assert [(a.name, a.capacity, a.abbreviation, a.status) for a in seed.attendees] == [
        ("John Campion", "Police and Crime Commissioner", "PCC", AttendanceStatus.PRESENT),
        ("Jackie Irvin", "Senior Policy Manager", "SPM", AttendanceStatus.PRESENT),
        ("Charity Pearce", "Policy Assistant", "PO", AttendanceStatus.PRESENT),
        ("Anthony Bangham", "Chief Constable", "CC", AttendanceStatus.PRESENT),
        ("Julian Moss", "Deputy Chief Constable", "DCC", AttendanceStatus.PRESENT),
        ("Catherine Allsopp", "Staff Officer", "SO", AttendanceStatus.PRESENT),
    ]
    for attendee in seed.attendees:
        assert attendee.span is not None
        assert attendee.name in seed_text[attendee.span.start : attendee.span.end]


def test_seed_items(seed: MeetingDraft, seed_text: str) -> None:
    assert [(i.number, i.parent) for i in seed.items] == [
        ("1", None),
        ("1.1", 0),
        ("1.2", 0),
        ("1.3", 0),
        ("1.4", 0),
        ("2", None),
        ("2.1", 5),
        ("2.2", 5),
        ("3", None),
        ("4", None),
    ]
    titles = [i.title for i in seed.items]
    assert titles[:6] == [
        "Holding to account – Domestic Abuse",
        "Prevention and awareness",
        "Actions following a report of domestic abuser (DA)",
        "Outcomes",
        "Repeat Victims and offenders",
        "Outstanding Matters / Matters arising",
    ]
    assert titles[6].startswith("ACTION: Total Recorded Crime: Bring back in 6 months")
    assert titles[7].startswith("ACTION-:Outcomes: PCC wants a discussion")
    assert titles[8:] == ["AOB", "Confirmation of next meeting type / date / time / venue:"]
    for item in seed.items:
        source = seed_text[item.span.start : item.span.end]
        assert source.startswith(item.number or "")
        if item.text:
            assert source.endswith(item.text.splitlines()[-1])
    assert "Action 1: CC to share the outcome of the reality testing" in seed.items[2].text
    assert seed.items[8].text == "Shareholder briefings are ongoing."


def test_seed_next_meeting_and_later_steps(seed: MeetingDraft) -> None:
    assert seed.next_meeting == NextMeetingDraft(
        title="Thematic on Serious and Organised Crime",
        kind=MeetingKind.THEMATIC,
        date=dt.date(2021, 3, 23),
        start_time=dt.time(10, 30),
        venue=None,
    )
    assert seed.actions  # "Action 1: CC to share ..." and the others
    assert seed.metrics  # "43% of cases", "a 75% level" ...
    assert "DA" in seed.themes


def test_raw_seed_without_cleaning_gives_the_same_outline(seed: MeetingDraft) -> None:
    raw = parse_document(SEED.read_text(encoding="utf-8"), file_name=SEED.name)
    assert raw.date == seed.date
    assert [i.number for i in raw.items] == [i.number for i in seed.items]
    assert [a.name for a in raw.attendees] == [a.name for a in seed.attendees]


def test_chair_and_minute_taker_join_the_attendees() -> None:
    draft = parse_document(
        "Dyfed-Powys Police and Crime Commissioner\nPolicing Accountability Board\n"
        "Date: 6 October 2022, 10:00\nChair: Dafydd Llywelyn, Police and Crime Commissioner\n"
        "Minutes: Mr Rhys Evans, Governance Officer\n\n"
        "Present: Richard Lewis, Chief Constable\n\n"
        "1. Welcome\nThe Commissioner welcomed the Chief Constable.\n"
    )
    assert draft.kind is MeetingKind.ACCOUNTABILITY_BOARD
    assert draft.body == "Dyfed-Powys"
    assert draft.chair == "Dafydd Llywelyn"
    assert draft.minute_taker == "Rhys Evans"
    assert [(a.name, a.abbreviation) for a in draft.attendees] == [
        ("Richard Lewis", "CC"),
        ("Dafydd Llywelyn", "PCC"),
        ("Rhys Evans", None),
    ]


def test_not_minutes_without_date_or_content() -> None:
    with pytest.raises(NotMinutesError, match="empty"):
        parse_document("\n \n")
    with pytest.raises(NotMinutesError, match="no meeting date, attendance, agenda items or"):
        parse_document("Shopping list\n\nBread, milk and eggs for the weekend.\n")


def test_minutes_without_a_date_give_a_draft_without_one() -> None:
    draft = parse_document(
        "Monthly Assurance Meeting\n\n1. Welcome\nThe PCC opened.\n2. AOB\nNone.\n"
    )
    assert draft.date is None
    assert [item.number for item in draft.items] == ["1", "2"]
    assert "the text states no meeting date; the meeting is stored without one" in draft.warnings


def _next(
    text: str, meeting_date: dt.date, items: list[ItemDraft] | None = None
) -> NextMeetingDraft | None:
    return parse_next_meeting(split_lines(text), items or [], meeting_date=meeting_date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Date of next meeting: Thursday 5th September 2019, 10.00am, Committee Room 2",
            NextMeetingDraft(None, None, dt.date(2019, 9, 5), dt.time(10, 0), "Committee Room 2"),
        ),
        (
            "Next meeting: Performance Meeting on Wednesday 15 January 2020 at 2pm, Boardroom, "
            "Harnford.",
            NextMeetingDraft(
                "Performance Meeting",
                MeetingKind.PERFORMANCE,
                dt.date(2020, 1, 15),
                dt.time(14, 0),
                "Boardroom, Harnford",
            ),
        ),
        (
            "**Next meeting:** Monthly Assurance, 18 August 2020, 10am (virtual)",
            NextMeetingDraft(
                "Monthly Assurance",
                MeetingKind.MONTHLY_ASSURANCE,
                dt.date(2020, 8, 18),
                dt.time(10, 0),
                "Virtual",
            ),
        ),
        (
            "Date of next meeting: Tuesday 12th July 2022, 10.00am (Monthly Assurance Meeting)",
            NextMeetingDraft(
                "Monthly Assurance Meeting",
                MeetingKind.MONTHLY_ASSURANCE,
                dt.date(2022, 7, 12),
                dt.time(10, 0),
                None,
            ),
        ),
        (
            "The next meeting of the Panel will be held on Thursday 23 March 2023 at 10.30am at "
            "County Hall, Harnford.",
            NextMeetingDraft(
                None, None, dt.date(2023, 3, 23), dt.time(10, 30), "County Hall, Harnford"
            ),
        ),
        (
            "Next Meeting\t14 January\n",  # no year: the first 14 January after the meeting
            NextMeetingDraft(None, None, dt.date(2021, 1, 14), None, None),
        ),
    ],
)
def test_next_meeting_lines(text: str, expected: NextMeetingDraft) -> None:
    meeting_date = dt.date(2020, 11, 17) if "14 January" in text else dt.date(2019, 8, 1)
    assert _next(text, meeting_date) == expected


def test_next_meeting_from_an_item_stops_at_the_date_sentence() -> None:
    text = (
        "6. Date of next meeting\n"
        "Performance Meeting – Thursday 14 January 2021, 2pm. A further thematic meeting on CSE "
        "will be held in the autumn of 2021.\n"
        "Action summary\nNo.\tAction\tOwner\n"
    )
    start = text.index("Performance")
    item = ItemDraft("6", "Date of next meeting", text[start:].strip(), Span(0, len(text) - 1))
    assert _next(text, dt.date(2020, 11, 17), [item]) == NextMeetingDraft(
        "Performance Meeting", MeetingKind.PERFORMANCE, dt.date(2021, 1, 14), dt.time(14, 0), None
    )


@pytest.mark.parametrize(
    ("text", "meeting_date", "next_date"),
    [
        pytest.param(
            "It was agreed that the corrected minutes would come back to the next Board "
            "meeting on 3 June 2021, together with the working group's notes.",
            dt.date(2021, 5, 6),
            dt.date(2021, 6, 3),
            id="mentioned-in-a-sentence",
        ),
        pytest.param(
            "The Chair reminded members that the minutes recorded the next meeting as fixed for "
            "the 26th September 2016, but that the date had since been brought forward to the "
            "19thSeptember 2016.",
            dt.date(2016, 6, 20),
            dt.date(2016, 9, 19),
            id="brought-forward",
        ),
        pytest.param(
            "12. To confirm the Meeting Schedule for 2019/20 17/06/2019 @ 2.00 pm Monday, "
            "30/09/19 @ 10.00 am Monday, 16/12/19 @ 10.00 am",
            dt.date(2019, 6, 17),
            dt.date(2019, 9, 30),
            id="schedule-lists-this-meeting-too",
        ),
        pytest.param(
            "11. Audit Recommendations Tracker [p] Internal Audit Future meeting dates Wed 16 "
            "October 2019 (Force Headquarters, 10:00 – 12:30)",
            dt.date(2019, 7, 23),
            dt.date(2019, 10, 16),
            id="future-meeting-dates",
        ),
    ],
)
def test_next_meeting_mentioned_anywhere(
    text: str, meeting_date: dt.date, next_date: dt.date
) -> None:
    found = _next(text, meeting_date)
    assert found is not None and found.date == next_date


def test_a_next_meeting_without_the_meeting_date_takes_the_first_date() -> None:
    found = parse_next_meeting(
        split_lines("Date of next meeting: 14 March 2024"), [], meeting_date=None
    )
    assert found is not None and found.date == dt.date(2024, 3, 14)


def test_no_next_meeting() -> None:
    assert (
        _next("The PCC asked that figures come to the next meeting.", dt.date(2021, 1, 1)) is None
    )
    assert _next("Date of next meeting: TBC", dt.date(2021, 1, 1)) is None


def _sample_files() -> list[Path]:
    if not SAMPLES.is_dir():
        return []
    return sorted(
        path
        for path in SAMPLES.iterdir()
        if path.suffix in (".txt", ".md") and not path.name.lower().startswith("readme")
    )


@pytest.mark.parametrize("path", _sample_files(), ids=lambda path: path.name)
def test_every_sample_parses(path: Path) -> None:
    text = cleaned(path.read_text(encoding="utf-8"))
    draft = parse_document(text, file_name=path.name)
    stamp = re.search(r"(\d{4})-(\d{2})", path.name)
    assert stamp is not None
    assert draft.date is not None
    assert (draft.date.year, draft.date.month) == (int(stamp.group(1)), int(stamp.group(2)))
    assert draft.kind is not MeetingKind.OTHER
    assert draft.items or draft.actions
    assert draft.title
    for item in draft.items:
        assert 0 <= item.span.start < item.span.end <= len(text)
        assert item.parent is None or item.parent < draft.items.index(item)
    if "action-log" in path.name:
        assert draft.document_type is DocumentType.ACTION_LOG
    elif "agenda" in path.name:
        assert draft.document_type is DocumentType.AGENDA
    else:
        assert draft.document_type is DocumentType.MINUTES
        assert draft.attendees


def test_a_heading_over_future_meeting_dates_gives_the_next_meeting() -> None:
    draft = parse_document(
        "EASTSHIRE POLICE AND CRIME PANEL\n\nFriday, 20 September 2019\n\nAGENDA\n\n"
        "1 APOLOGIES\n\n2 MINUTES (Pages 1 - 6)\n\nFUTURE MEETINGS\n\n15 November 2019\n\n"
        "7 February 2020 20 March 2020 10 July 2020\n\nMeetings begin at 10.00am in Shire Hall.\n"
    )
    assert draft.next_meeting is not None
    assert draft.next_meeting.date == dt.date(2019, 11, 15)


def test_an_extra_sitting_announced_ahead_is_the_next_meeting() -> None:
    draft = parse_document(
        "Eastshire Police and Crime Panel\n\n2 February 2024\n\n1. Welcome\n\nThe Chairman "
        "reminded everyone that the Confirmation Hearing for the Chief Constable would be held "
        "as an extraordinary meeting on Wednesday 28th February starting at 11am.\n\n"
        "2. Minutes\n\nThe minutes of the extraordinary meeting held on 25 August 2023 were "
        "agreed as a correct record.\n"
    )
    assert draft.next_meeting is not None
    assert draft.next_meeting.date == dt.date(2024, 2, 28)


def test_an_extraordinary_meeting_held_before_is_not_the_next_meeting() -> None:
    draft = parse_document(
        "Eastshire Police and Crime Panel\n\n1. Minutes\n\nThe minutes of the extraordinary "
        "meeting held on 25 August 2023 were agreed as a correct record. RESOLVED that the "
        "minutes be signed.\n"
    )
    assert draft.next_meeting is None


@pytest.mark.parametrize(
    "said",
    [
        "8. Date of next meeting\n\n3 March 2022\n",
        "The Panel will next meet on 3 March 2022.\n",
        "The Committee agreed to meet again on Thursday 3 March 2022 at 2pm.\n",
        "The Panel agreed to adjourn the hearing and to reconvene on 3 March 2022 at "
        "10.00am, when a quorum was expected.\n",
        "The Chair said the meeting would be reconvened on Thursday 3rd March 2022 in Room 2.\n",
    ],
)
def test_the_next_meeting_said_in_other_words(said: str) -> None:
    lines = split_lines(f"Members noted the report.\n\n{said}")
    found = parse_next_meeting(lines, [], meeting_date=dt.date(2022, 1, 10))
    assert found is not None and found.date == dt.date(2022, 3, 3)


def test_a_clause_after_the_next_meetings_date_is_no_venue() -> None:
    lines = split_lines(
        "The Board agreed to reconvene on 3 March 2022 at 2pm, subject to the papers being ready.\n"
    )
    found = parse_next_meeting(lines, [], meeting_date=dt.date(2022, 1, 10))
    assert found is not None and found.start_time == dt.time(14, 0) and found.venue is None


def test_someone_elses_next_meeting_is_not_the_bodys() -> None:
    lines = split_lines("The Commissioner would meet again with residents on 3 March 2022.\n")
    assert parse_next_meeting(lines, [], meeting_date=dt.date(2022, 1, 10)) is None


def test_a_next_meeting_heading_over_a_bare_date_is_not_the_meetings_own() -> None:
    draft = parse_document(
        "1. Standing Items Ada Reader, Committee Chair\n1.1 Welcome and Apologies\n"
        "1.2 Declarations of Interest\n2. Staffing Matter\n"
        "Report for Discussion presented by Ben Tolland, Director\n"
        "Next meeting\n(From the date of this meeting)\n14 March 2022\nLocation : online\n"
    )
    assert draft.date is None
    assert draft.next_meeting == NextMeetingDraft(None, None, dt.date(2022, 3, 14), None, "Virtual")


def test_an_item_of_meeting_dates_gives_the_first_after_the_meeting() -> None:
    draft = parse_document(
        "Northmoor Police and Crime Panel\n\nDate: Monday, 7 February 2022 Time: 10.30 am\n\n"
        "1. Apologies To note apologies\n\n2. Work Programme 11 - 14 To update the programme.\n\n"
        "3. Dates of Meetings 2022/23 To note the dates set for future meetings.\n\n"
        "Monday 28 March 2022 Thursday 23 June 2022 Thursday 6 October 2022\n\n"
        "4. Any Urgent Items\n"
    )
    assert draft.next_meeting is not None
    assert draft.next_meeting.date == dt.date(2022, 3, 28)
    assert draft.next_meeting.venue is None


def test_a_page_written_after_the_meeting_gives_no_next_meeting() -> None:
    draft = parse_document(
        "Northmoor Police and Crime Panel Meeting\n\nMay 6, 2022, 10 a.m.\n\n"
        "This is a meeting of the Northmoor Police and Crime Panel held on the 6th May 2022.\n\n"
        "The last meeting of the Northmoor Police and Crime Panel was on the 8th Mar 2023, and "
        "the next meeting will be 21st Jul 2023.\n\n1 Apologies for Absence\n\n"
        "Apologies were received from Councillor Ada Reader.\n"
    )
    assert draft.date == dt.date(2022, 5, 6)
    assert draft.next_meeting is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "EASTMOOR POLICE AND CRIME PANEL\n\nAGENDA\n\nDate: Monday 4 March 2024, 10.00am\n"
            "Venue: Council Chamber\n\nChairman: Councillor Ada Reader\n\n"
            "Members: Councillor Ben Tolland, Councillor Cara Quayle, Mr Dev Hale\n\n"
            "1. Apologies for absence\n\n2. To receive the minutes of the last meeting\n\n"
            "3. To consider the proposed precept (Pages 5 - 12)\n\n"
            "4. To note the work programme\n",
            id="chairman-and-members-of-an-agenda",
        ),
        pytest.param(
            "Westshire Assurance Board\nAgenda\n10 June 2024, 14:00 – 16:00, Teams\n\n"
            "Attendees:\n  • Ada Reader, Commissioner (Chair)\n  • Ben Tolland, Chief Constable\n"
            "  • Cara Quayle, Chief Executive\n\n1. Welcome\n2. Action tracker\n"
            "3. Quarterly performance report – to note\n4. Any other business\n",
            id="attendees-bullets-of-an-agenda",
        ),
    ],
)
def test_an_agenda_lists_who_is_expected_not_who_attended(text: str) -> None:
    draft = parse_document(text)
    assert draft.document_type is DocumentType.AGENDA
    assert draft.attendees == []


def test_an_agenda_keeps_the_apologies_it_records() -> None:
    draft = parse_document(
        "NORTHMOOR RESOURCES MEETING\n\nAGENDA\n\nTuesday 9 April 2024 at 2.00pm\n\n"
        "Members: Ada Reader (Chair), Ben Tolland\n\n1. Apologies for absence: Cara Quayle\n\n"
        "2. To approve the minutes of the meeting held on 5 March 2024\n\n"
        "3. To receive the budget report\n\n4. To note the risk register\n"
    )
    assert draft.document_type is DocumentType.AGENDA
    assert [(person.name, person.status) for person in draft.attendees] == [
        ("Cara Quayle", AttendanceStatus.APOLOGIES)
    ]


def test_a_mention_of_the_next_meeting_takes_no_date_from_later_sentences() -> None:
    for text in (
        "Action: the patrol figures to be brought to the next panel meeting: Sgt Orme said "
        "three patrols had run. Members asked for more. (Note: from 1st Feb this moves to "
        "the control room).",
        "The review will come back to the next Board meeting. Since 3 March the team has "
        "been smaller.",
    ):
        assert _next(text, dt.date(2021, 12, 4)) is None, text
    found = _next("The report will go to the next Board meeting on 3 March.", dt.date(2021, 12, 4))
    assert found is not None and found.date == dt.date(2022, 3, 3)
