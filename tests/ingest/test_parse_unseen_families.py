"""Layout families that unseen minutes showed: a page flattened onto one line under its page
number (its running title or a letter of summons in the run), a police authority's board
named by its initials, resolutions numbered as clauses, an update list inside the body's
running minute numbers, earlier tasks carried with their progress notes, an owner flag that
closes its action's line, and reports that an action is to close. Invented text in, fields
out."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.clean import clean_text
from ingest.draft import MeetingDraft
from ingest.parse import parse_document
from ingest.parse.action_log import status_from_text
from ingest.parse.action_status_lines import find_status_statements
from ingest.parse.kinds import meeting_kind
from records.enums import ActionStatus, MeetingKind


def parsed(text: str) -> MeetingDraft:
    return parse_document(clean_text(text).text)


def numbers(draft: MeetingDraft) -> list[str]:
    """The numbers of the numbered items (headings without a number aside)."""
    return [item.number for item in draft.items if item.number]


# --- a flattened page under its page number ------------------------------------------------

RUNNING_TITLE_PAGE = (
    "{snippet} · 2021. 3. 4. · members were told that a paper would follow...\n\n"
    "14\n"
    "1 {title} {approval} Minutes of the meeting held on {date} Venue: Room 3, {place} "
    "Present Aled Morcom (Chair) Bryony Tasker Lionel Fenwick, Chief Constable Apologies "
    "Petra Gale In Attendance Una Rees, Board Secretary Start: {time} hrs approx. "
    "1 Welcome and Announcements The Chair welcomed members to the meeting and noted that "
    "two appointments were under way. 2 Minutes of the last meeting\n"
)


@pytest.mark.parametrize(
    ("title", "approval", "date", "time", "kind", "day", "start"),
    [
        (
            "CNPA BOARD MEETING",
            "APPROVED",
            "Wednesday, 22 May 2019",
            "11:00",
            MeetingKind.STRATEGIC_BOARD,
            dt.date(2019, 5, 22),
            dt.time(11, 0),
        ),
        (
            "WESTRIDGE POLICE AUTHORITY",
            "DRAFT",
            "Thursday, 9 March 2017",
            "14:30",
            MeetingKind.STRATEGIC_BOARD,
            dt.date(2017, 3, 9),
            dt.time(14, 30),
        ),
        (
            "JOINT AUDIT COMMITTEE",
            "CONFIRMED",
            "Monday 2 October 2023",
            "10:00",
            MeetingKind.AUDIT_COMMITTEE,
            dt.date(2023, 10, 2),
            dt.time(10, 0),
        ),
    ],
)
def test_a_page_flattened_under_its_number_keeps_its_running_title_and_date(
    title: str,
    approval: str,
    date: str,
    time: str,
    kind: MeetingKind,
    day: dt.date,
    start: dt.time,
) -> None:
    text = RUNNING_TITLE_PAGE.format(
        snippet=title.lower(),
        title=title,
        approval=approval,
        date=date,
        time=time,
        place="Harbour House",
    )
    draft = parsed(text)
    assert (draft.kind, draft.date, draft.start_time) == (kind, day, start)
    assert numbers(draft) == ["1", "2"]  # the page's number is none of its items


@pytest.mark.parametrize(
    "title",
    [
        "POLICE & CRIME COMMISSIONER FOR EASTSHIRE MINUTES OF THE LEVEL 1 MEETING HELD",
        "WESTRIDGE POLICE AUTHORITY MINUTES OF THE 2 DAY MEETING HELD",
        "EASTMARCH JOINT AUDIT COMMITTEE DRAFT MINUTES OF THE MEETING HELD",
    ],
)
def test_a_later_pages_number_and_running_title_are_no_item(title: str) -> None:
    text = (
        "Eastmarch Executive Board\n\nTuesday 7 June 2022 at 10:00am\n\n"
        "1. Apologies\n\nNone.\n\n2. Minutes of the last meeting\n\nThe minutes were agreed.\n\n"
        f"3 {title} IN THE MAIN HALL, HEADQUARTERS ON 12 APRIL 2022 Present: A Reader "
        "(Commissioner) B Carver (Chief Constable) The Commissioner opened the meeting and "
        "welcomed the members of the force who were attending for the first time. The Chief "
        "Constable set out the force's position on the budget and the plans for the coming "
        "year, and members asked about the response times in the rural areas.\n"
    )
    assert numbers(parsed(text)) == ["1", "2"]


SUMMONS_PAGE = (
    "1. Apologies - 2. Minutes of the last meeting held on 12 January\n\n"
    "Transcription\n\n"
    "1 Nerys Alban Tel No: Dear Chief Constable Date: {letter} {name} You are requested to "
    "attend {article} {name} on {date} in the Main Hall, Force Headquarters at {time}. Yours "
    "sincerely Owen Pryce Chief Executive Agenda Item Page No. 1. Apologies - 2. Minutes of "
    "the last meeting held on 12 January Revenue Monitoring Report DATE OF NEXT MEETING: "
    "21 July 2022 at 10:30am.\n"
)


@pytest.mark.parametrize(
    ("name", "article", "letter", "date", "time", "kind", "day", "start"),
    [
        (
            "Level 1 meeting",
            "a",
            "14 March 2022",
            "Tuesday 22 March 2022",
            "10.00am",
            MeetingKind.ACCOUNTABILITY_BOARD,
            dt.date(2022, 3, 22),
            dt.time(10, 0),
        ),
        (
            "Joint Audit Committee meeting",
            "the",
            "2 May 2021",
            "Friday 14 May 2021",
            "2.00pm",
            MeetingKind.AUDIT_COMMITTEE,
            dt.date(2021, 5, 14),
            dt.time(14, 0),
        ),
        (
            "Performance Scrutiny meeting",
            "a",
            "1 September 2020",
            "Wednesday 9 September 2020",
            "9.30am",
            MeetingKind.SCRUTINY_COMMITTEE,
            dt.date(2020, 9, 9),
            dt.time(9, 30),
        ),
    ],
)
def test_a_letter_summoning_to_a_named_meeting_gives_the_meetings_date(
    name: str,
    article: str,
    letter: str,
    date: str,
    time: str,
    kind: MeetingKind,
    day: dt.date,
    start: dt.time,
) -> None:
    text = SUMMONS_PAGE.format(name=name, article=article, letter=letter, date=date, time=time)
    draft = parsed(text)
    assert (draft.kind, draft.date, draft.start_time) == (kind, day, start)


# --- a police authority's board by its initials --------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("CNPA Board", MeetingKind.STRATEGIC_BOARD),
        ("BTPA Board Meeting", MeetingKind.STRATEGIC_BOARD),
        ("SPA Authority Meeting", MeetingKind.STRATEGIC_BOARD),
        ("Northern Joint Police Board", MeetingKind.STRATEGIC_BOARD),
        ("Authority Board", MeetingKind.STRATEGIC_BOARD),
        ("SPA Audit, Risk and Assurance Committee", MeetingKind.AUDIT_COMMITTEE),
        ("ICT Board", MeetingKind.OTHER),
    ],
)
def test_the_board_of_a_police_authority_is_its_governing_board(
    name: str, kind: MeetingKind
) -> None:
    assert meeting_kind(name) is kind


# --- numbered clauses of resolutions are no items -----------------------------------------

RESOLUTIONS = (
    "Eastmarch Police and Crime Panel\n\nTuesday 3 November 2020 at 5.00 pm\n\n"
    "Item Description Decision\n"
    "RESOLVED that the minutes of the meeting held on 6 October 2020 be agreed.\n\n"
    "1. {first}\n\n2. {second}\n\n1. {first}\n\n2. {second}\n"
    "RESOLVED that the report be noted.\n"
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The presentation be received.", "The comments made by the Panel be noted."),
        ("The report be approved.", "Cllr Hale be appointed as Vice-Chair."),
        (
            "The following members be appointed to the sub-committee:-",
            "The Commissioner be thanked for her attendance.",
        ),
    ],
)
def test_numbered_clauses_of_resolutions_are_no_items(first: str, second: str) -> None:
    assert numbers(parsed(RESOLUTIONS.format(first=first, second=second))) == []


def test_numbered_headings_that_say_what_is_to_be_done_stay_items() -> None:
    text = (
        "Eastmarch Police and Crime Panel\n\nTuesday 3 November 2020 at 5.00 pm\n\n"
        "1. Apologies for absence\n\nNone were received.\n\n"
        "2. Matters to be raised by members\n\nNone.\n\n"
        "3. Items which may be taken in private\n\nNone.\n\n"
        "4. Date of next meeting to be confirmed\n\nThe Panel noted the date.\n"
    )
    assert numbers(parsed(text)) == ["1", "2", "3", "4"]


def test_an_agenda_entry_receiving_another_bodys_minutes_stays_an_item() -> None:
    text = (
        "Eastmarch Police Authority\n\nTuesday 3 November 2020 at 10.00 am\n\n"
        "1 APOLOGIES\n\nNone.\n\n"
        "2 AUDIT COMMITTEE MINUTES OF THE MEETING HELD ON 6 OCTOBER 2020\n\n"
        "The Authority received the minutes.\n\n"
        "3 Joint Audit Committee Minutes of the meeting held on 1 September 2020\n\n"
        "The Authority received the minutes.\n"
    )
    assert numbers(parsed(text)) == ["1", "2", "3"]


# --- a list numbered from 1 inside the last running minute ---------------------------------

RUNNING_MINUTES = (
    "Eastmarch Executive Board – 16 September 2014\n\n"
    "The meeting was held at Force Headquarters on Tuesday 16 September 2014 at 10:30 am.\n\n"
    "{first}. APOLOGIES\n\nNone recorded.\n\n"
    "{second}.MINUTES OF THE PREVIOUS MEETING\n\n"
    "The minutes were approved for publication. The following updates were provided:\n\n"
    "  1. {a}: OR set out the timetable for the draft plan, which is due this month.\n"
    "  2. {b}: PA explained that the board would meet on Friday with three sites to "
    "consider.\n"
    "  3. {c}: FW confirmed that the pack had been circulated as requested. MP and JP "
    "explained that they were still working through the costs of the"
)


@pytest.mark.parametrize(
    ("first", "a", "b", "c"),
    [
        (569, "Police and Crime Plan", "Estates Strategy", "Communications"),
        (112, "Fleet Review", "Custody Update", "Victims Code"),
        (47, "Budget", "Workforce Plan", "Digital Strategy"),
    ],
)
def test_a_list_under_the_last_running_minute_is_its_text(
    first: int, a: str, b: str, c: str
) -> None:
    text = RUNNING_MINUTES.format(first=first, second=first + 1, a=a, b=b, c=c)
    assert numbers(parsed(text)) == [str(first), str(first + 1)]


# --- actions --------------------------------------------------------------------------------

GOVERNANCE = (
    "Eastmarch Governance Board\n"
    "Tuesday 25th January 2022, 10:00-12:00\n"
    "Conference Room, Force Headquarters\n"
    "- Edwin Caddick (EC) – Chair – Police and Crime Commissioner\n"
    "- {first} ({fi}) – Director of Business Services\n"
    "- {second} ({si}) – ACC Local Policing\n"
    "- Ada Chalk (AC) – Chief Finance Officer\n"
    "Ref 01/25/01/2022\n"
    "Attendance and Apologies.\n"
    "As above.\n"
    "Ref 02/25/01/2022\n"
    "Minutes and Actions Updates from the meeting held on the 21st December 2021 (Paper).\n"
    "Action updates for the meeting held on 21.12.21.\n"
    "{title}\n"
    "{fi} {verb} {task}. Update 25.01.22 – Complete\n"
    "Ref 03/25/01/2022\n"
    "Deep Dive: Rural Crime (Papers)\n"
    "The papers were circulated and discussed.\n"
    "Action: A joint note on {subject} is to be prepared for the next meeting. "
    "Action: {si}/DB/AC\n"
    "Ref 04/25/01/2022\n"
    "Front Counter Opening Hours – for information (Paper) (closed)\n"
    "The paper was circulated, discussed and noted.\n"
)


@pytest.mark.parametrize(
    ("first", "fi", "second", "si", "title", "verb", "task", "subject"),
    [
        (
            "Ruth Hallam",
            "RHL",
            "Rhian Jolly",
            "RJ",
            "Body Worn Video refresh – for decision (Papers)",
            "is to confirm",
            "the licence costs for years 2 and 3",
            "rural crime reporting routes",
        ),
        (
            "Marcus Penrose",
            "MP",
            "Tamsin Ord",
            "TO",
            "Wellbeing Hub Business Case",
            "will re-issue",
            "the staffing costs",
            "wildlife crime",
        ),
        (
            "Gwen Beddoe",
            "GB",
            "Huw Lacey",
            "HL",
            "Fleet Replacement",
            "is to circulate",
            "the revised vehicle schedule",
            "heritage crime",
        ),
    ],
)
def test_earlier_tasks_with_progress_notes_and_an_owner_flag_closing_a_line(
    first: str, fi: str, second: str, si: str, title: str, verb: str, task: str, subject: str
) -> None:
    text = GOVERNANCE.format(
        first=first,
        fi=fi,
        second=second,
        si=si,
        title=title,
        verb=verb,
        task=task,
        subject=subject,
    )
    actions = parsed(text).actions
    summary = [(a.text.split(".")[0], a.owners, a.status) for a in actions]
    assert summary == [
        (f"{fi} {verb} {task}", [first], ActionStatus.COMPLETED),
        (
            f"A joint note on {subject} is to be prepared for the next meeting",
            [second, "DB", "Ada Chalk"],
            ActionStatus.OPEN,
        ),
    ]


REVIEWED = (
    "Eastmarch Executive Board – 15 July 2014\n\n"
    "The meeting was held at Force Headquarters on Tuesday 15 July 2014 at 10:00 am.\n\n"
    "PRESENT:-\nIn the Chair: Commissioner Ivy Sowden (IS)\n"
    "Officers: Deputy Chief Constable {owner} ({initials}); Chief Executive Pam Ash (PA)\n\n"
    "528. APOLOGIES\n\nNone.\n\n529. MINUTES OF THE PREVIOUS MEETING\n\n"
    "The minutes were approved.\n\nACTION LOG\n"
    "  • Action 464 {initials} {intends} {task}.\n"
    "  • Action {closing} {closes}.\n"
)


@pytest.mark.parametrize(
    ("owner", "initials", "intends", "task", "closing", "closes"),
    [
        ("Martin Crane", "MC", "intends to", "brief the inspectors on the custody review",
         497, "to close"),
        ("Rhona Keld", "RK", "plans to", "meet the fleet manager before August", 12,
         "can be closed"),
        ("Seth Ivory", "SI", "undertook to", "circulate the revised plan", 300,
         "to be closed"),
    ],
)  # fmt: skip
def test_owners_who_say_what_they_mean_to_do_and_actions_reported_to_close(
    owner: str, initials: str, intends: str, task: str, closing: int, closes: str
) -> None:
    text = REVIEWED.format(
        owner=owner,
        initials=initials,
        intends=intends,
        task=task,
        closing=closing,
        closes=closes,
    )
    actions = {a.reference: a for a in parsed(text).actions}
    assert actions["464"].owners == [owner]
    # the earlier action reported to close is no new action: its statement closes it
    assert str(closing) not in actions
    [closed] = [s for s in find_status_statements(text, dt.date(2014, 7, 15)) if s.reference]
    assert (closed.reference, closed.status) == (str(closing), ActionStatus.COMPLETED)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("to close.", ActionStatus.COMPLETED),
        ("The Board agreed the action can now be closed.", ActionStatus.COMPLETED),
        ("Action 12 should be closed; report shared.", ActionStatus.COMPLETED),
        ("The PCC wants to close the gap in funding.", None),
    ],
)
def test_a_report_that_an_action_closes(text: str, status: ActionStatus | None) -> None:
    assert status_from_text(text) is status
