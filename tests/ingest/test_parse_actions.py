import datetime as dt

import pytest

from ingest.clean import clean_text
from ingest.draft import ActionDraft, AttendeeDraft, ItemDraft, Span
from ingest.parse.action_log import due_date_in, origin_from_phrase, status_from_text
from ingest.parse.actions import innermost_item, parse_actions
from ingest.parse.items import parse_items
from ingest.parse.lines import split_lines
from ingest.parse.owners import resolve_owners
from records.enums import ActionStatus
from tests.conftest import SEED

FEB_2021 = dt.date(2021, 2, 26)

SEED_ATTENDEES = [
    AttendeeDraft("John Campion", "Police and Crime Commissioner", "PCC"),
    AttendeeDraft("Jackie Irvin", "Senior Policy Manager", "SPM"),
    AttendeeDraft("Charity Pearce", "Policy Assistant", "PO"),
    AttendeeDraft("Anthony Bangham", "Chief Constable", "CC"),
    AttendeeDraft("Julian Moss", "Deputy Chief Constable", None),
    AttendeeDraft("Catherine Allsopp", "Staff Officer", "SO"),
]

NORTHSHIRE = [
    AttendeeDraft("Amira Kaur", "Police and Crime Commissioner", "PCC"),
    AttendeeDraft("Deborah Quayle", "Chief Executive, OPCC", "CEx"),
    AttendeeDraft("Tom Eckersley", "Senior Policy Officer, OPCC", None),
    AttendeeDraft("Joanne Ashworth", "Chief Constable", "CC"),
    AttendeeDraft("Neil Mottram", "Deputy Chief Constable", "DCC"),
    AttendeeDraft("Priya Raman", "Assistant Chief Constable, Local Policing", "ACC LP"),
    AttendeeDraft("Stuart Fenwick", "Assistant Chief Constable, Crime and Public Protection", None),
    AttendeeDraft("Karen Oduya", "Detective Chief Superintendent, Head of Public Protection", None),
    AttendeeDraft("Kamal Hussain", "Temporary Superintendent, Professional Standards", None),
    AttendeeDraft("Mary Jane Smith", "Head of Business Services", None),
]


def actions_in(
    text: str,
    attendees: list[AttendeeDraft] | None = None,
    meeting_date: dt.date = FEB_2021,
    items: list[ItemDraft] | None = None,
) -> list[ActionDraft]:
    actions, _ = parse_actions(text, items or [], attendees or [], meeting_date=meeting_date)
    for action in actions:
        source = " ".join(text[action.span.start : action.span.end].split())
        assert action.text and " ".join(action.text.split()) in source
        for update in action.updates:
            assert update.span is not None
            assert text[update.span.start : update.span.end] == update.text
    return actions


def one_action(text: str, attendees: list[AttendeeDraft] | None = None) -> ActionDraft:
    actions = actions_in(text, attendees)
    assert len(actions) == 1, actions
    return actions[0]


# --- the seed --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[ItemDraft], list[ActionDraft], list[str]]:
    text = clean_text(SEED.read_text(encoding="utf-8")).text
    items = parse_items(text, split_lines(text))
    actions, warnings = parse_actions(text, items, SEED_ATTENDEES, meeting_date=FEB_2021)
    return text, items, actions, warnings


def test_seed_numbered_actions(
    seed: tuple[str, list[ItemDraft], list[ActionDraft], list[str]],
) -> None:
    text, items, actions, warnings = seed
    numbered = [a for a in actions if a.reference]
    assert [(a.reference, a.owner_text, a.owners) for a in numbered] == [
        ("1", "CC", ["Anthony Bangham"]),
        ("2", "CC", ["Anthony Bangham"]),
        ("3", "CC", ["Anthony Bangham"]),
        ("4", None, []),
    ]
    assert [items[a.item].number for a in numbered if a.item is not None] == [
        "1.2",
        "1.2",
        "1.3",
        "1.4",
    ]
    assert all(a.status is ActionStatus.OPEN and a.origin_date is None for a in numbered)
    assert warnings == []
    for action in actions:
        assert text[action.span.start : action.span.end].lstrip().upper().startswith("ACTION")


def test_seed_update_made_during_the_meeting(
    seed: tuple[str, list[ItemDraft], list[ActionDraft], list[str]],
) -> None:
    text, _, actions, _ = seed
    action = next(a for a in actions if a.reference == "2")
    assert action.text == "CC to provide details of how many of the 20 posts are filled now."
    assert [u.text for u in action.updates] == [
        "During the meeting the DCC was able to confirm 18 are filled, including 3 which will "
        "be into post mid March. Two posts in Telford have not been recruited"
    ]
    assert action.updates[0].status is None
    assert text[action.span.start : action.span.end].startswith("Action 2: CC to provide")


def test_seed_carried_actions(
    seed: tuple[str, list[ItemDraft], list[ActionDraft], list[str]],
) -> None:
    _, items, actions, _ = seed
    carried = [a for a in actions if a.origin_date]
    assert len(actions) == 6 and len(carried) == 2
    assert [items[a.item].number for a in carried if a.item is not None] == ["2.1", "2.2"]
    for action in carried:
        assert action.origin_title == "Performance Meeting"
        assert action.origin_date == dt.date(2020, 5, 1)
        assert action.status is ActionStatus.DEFERRED
        assert action.reference is None and action.owners == []
    assert carried[0].text.startswith("Total Recorded Crime: Bring back in 6 months")
    assert carried[1].text.startswith("Outcomes: PCC wants a discussion")


# --- markers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reference", "owner", "text"),
    [
        ("Action 2: CC to provide details.", "2", "CC", "CC to provide details."),
        ("Action 1 – DCC to review the rota.", "1", "DCC", "DCC to review the rota."),
        ("ACTION: JA and NM to share the plan.", None, "JA and NM", "JA and NM to share the plan."),
        ("Action: PCC to write to the chair.", None, "PCC", "PCC to write to the chair."),
        ("AP3: CEx to circulate the bid.", "3", "CEx", "CEx to circulate the bid."),
        ("**Action 4:** DCC to report back.", "4", "DCC", "DCC to report back."),
        ("- Action point 5: ACC LP to brief members.", "5", "ACC LP", "ACC LP to brief members."),
        (
            "2.1\tACTION-:Outcomes: DCC to report in 3 months.",
            None,
            "DCC",
            "Outcomes: DCC to report in 3 months.",
        ),
        ("Action 6 CC to confirm the figures.", "6", "CC", "CC to confirm the figures."),
        ("The DCC agreed. Action 7: DCC to confirm.", "7", "DCC", "DCC to confirm."),
    ],
)
def test_action_markers(line: str, reference: str | None, owner: str, text: str) -> None:
    action = one_action(line, NORTHSHIRE)
    assert (action.reference, action.owner_text, action.text) == (reference, owner, text)


@pytest.mark.parametrize(
    "line",
    [
        "1.2\tActions following a report of domestic abuser (DA)",
        "2.\tOutstanding Matters / Matters arising\tACTION",
        "Action Fraud received 1,200 reports in the quarter.",
        "The action plan was agreed: partners to review it.",
        "See action 1.3 above.",
        "Action 4 is covered at item 3 below.",
        "TRANSACTION: the force bought new vehicles.",
    ],
)
def test_lines_that_are_not_actions(line: str) -> None:
    assert actions_in(line, NORTHSHIRE) == []


def test_actions_listed_under_a_heading() -> None:
    text = "Actions:\n• CC to share the review.\n• DCC to brief the panel.\n\nThe meeting closed.\n"
    actions = actions_in(text, NORTHSHIRE)
    assert [(a.reference, a.owners) for a in actions] == [
        (None, ["Joanne Ashworth"]),
        (None, ["Neil Mottram"]),
    ]
    numbered = actions_in(
        "Agreed actions\n1. CC to share the review.\n2) DCC to brief the panel.\n"
    )
    assert [a.reference for a in numbered] == ["1", "2"]
    arising = actions_in("Actions arising:\n- PCC to write to the chair.\nAOB\n", NORTHSHIRE)
    assert [a.owners for a in arising] == [["Amira Kaur"]]


def test_action_text_on_the_next_line() -> None:
    action = one_action("Action 1:\nDCC to review the rota by 31 March 2021.\n", NORTHSHIRE)
    assert action.text == "DCC to review the rota by 31 March 2021."
    assert action.due_date == dt.date(2021, 3, 31)


def test_a_sentence_broken_over_two_lines_is_one_action() -> None:
    text = (
        "Action 2: CC to set out plans for recruitment at the next Accountability\n"
        "Board.\nNext item\n"
    )
    action = one_action(text, NORTHSHIRE)
    assert action.text == "CC to set out plans for recruitment at the next Accountability Board."


# --- owners ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("owner_text", "owners"),
    [
        ("CC", ["Joanne Ashworth"]),
        ("Chief Constable", ["Joanne Ashworth"]),
        ("the DCC", ["Neil Mottram"]),
        ("CC/DCC", ["Joanne Ashworth", "Neil Mottram"]),
        ("CC & DCC", ["Joanne Ashworth", "Neil Mottram"]),
        ("DCC / PCC", ["Neil Mottram", "Amira Kaur"]),
        ("JA and NM", ["Joanne Ashworth", "Neil Mottram"]),
        ("MJS", ["Mary Jane Smith"]),
        ("MS", ["Mary Jane Smith"]),
        ("ACC LP", ["Priya Raman"]),
        ("ACC CPP", ["Stuart Fenwick"]),
        ("ACC", ["Priya Raman", "Stuart Fenwick"]),
        ("DCS PP", ["Karen Oduya"]),
        ("T/Supt Professional Standards", ["Kamal Hussain"]),
        ("Head of Business Services", ["Mary Jane Smith"]),
        ("Neil Mottram", ["Neil Mottram"]),
        ("Supt Hussain", ["Kamal Hussain"]),
        # The office two attendees work for owns the action, not each of them.
        ("OPCC", []),
        ("PCC's Office", []),
        ("DCC Mottram", ["Neil Mottram"]),
        ("T/ACC Raman", ["Priya Raman"]),
        ("Chief Constable Ashworth", ["Joanne Ashworth"]),
        ("NM and XY", ["Neil Mottram", "XY"]),
        ("XY and ZW", []),
        ("Head of Estates", []),
    ],
)
def test_owner_resolution(owner_text: str, owners: list[str]) -> None:
    assert resolve_owners(owner_text, NORTHSHIRE).owners == owners


def test_owner_by_capacity_initials_when_no_abbreviation_is_given() -> None:
    action = one_action("Action 3: DCC to report back.", SEED_ATTENDEES)
    assert action.owners == ["Julian Moss"]


def test_ambiguous_initials_are_left_unresolved_with_a_warning() -> None:
    attendees = [
        AttendeeDraft("Sarah Moore", "Head of Finance", None),
        AttendeeDraft("Steve Mills", "Inspector", None),
    ]
    actions, warnings = parse_actions(
        "Action 1: SM to circulate the paper.", [], attendees, meeting_date=FEB_2021
    )
    assert actions[0].owner_text == "SM"
    assert actions[0].owners == []
    assert len(warnings) == 1 and "action 1" in warnings[0] and "Sarah Moore" in warnings[0]


def test_unknown_owner_keeps_its_text() -> None:
    action = one_action(
        "Action 5: Head of Business Services to confirm the figures.", SEED_ATTENDEES
    )
    assert (action.owner_text, action.owners) == ("Head of Business Services", [])


@pytest.mark.parametrize(
    "line",
    [
        "Action 4: Future briefing notes to attribute PCC / CC statements to findings.",
        "Action 5: Report to be brought to the next meeting.",
        "ACTION: Total Recorded Crime: Bring back in 6 months to understand the impact.",
    ],
)
def test_no_owner_when_the_action_names_none(line: str) -> None:
    action = one_action(line, NORTHSHIRE)
    assert action.owner_text is None and action.owners == []


def test_owner_given_after_the_text() -> None:
    action = one_action("Action 8: Review the rota for the summer (Owner: DCC).", NORTHSHIRE)
    assert (action.owner_text, action.owners) == ("DCC", ["Neil Mottram"])


# --- dates, updates and status ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "meeting", "due"),
    [
        ("DCC to report by 31 March 2021.", FEB_2021, dt.date(2021, 3, 31)),
        ("DCC to report by the end of March.", FEB_2021, dt.date(2021, 3, 31)),
        ("DCC to report by March.", dt.date(2021, 5, 20), dt.date(2022, 3, 1)),
        ("DCC to report by 14 January.", dt.date(2021, 11, 2), dt.date(2022, 1, 14)),
        (
            "DCC to report at the January Performance Meeting.",
            dt.date(2019, 10, 16),
            dt.date(2020, 1, 1),
        ),
        (
            "DCC to report to the Monthly Assurance Meeting in June 2021.",
            FEB_2021,
            dt.date(2021, 6, 1),
        ),
        ("DCC to report by next meeting.", FEB_2021, None),
        ("DCC to review repeat callers flagged in September.", dt.date(2019, 10, 16), None),
        ("DCC to review the audit of 14 January 2021.", FEB_2021, None),
    ],
)
def test_due_dates(text: str, meeting: dt.date, due: dt.date | None) -> None:
    assert due_date_in(text, meeting) == due


def test_update_lines_after_an_action() -> None:
    text = (
        "Action 1: DCC to share the audit.\n"
        "Update: Complete – shared on 3 March.\n"
        "Action 2: CC to confirm the budget.\n"
        "Complete.\n"
        "Action 3: PCC to write to the chair.\n"
        "(Post-meeting note: the letter was sent on 2 March.)\n"
        "The meeting moved on.\n"
    )
    first, second, third = actions_in(text, NORTHSHIRE)
    assert first.status is ActionStatus.COMPLETED
    assert [u.text for u in first.updates] == ["Complete – shared on 3 March."]
    assert second.status is ActionStatus.COMPLETED and second.updates[0].text == "Complete."
    assert third.status is ActionStatus.OPEN
    assert third.updates[0].text == "Post-meeting note: the letter was sent on 2 March"


def test_a_note_before_an_action_is_not_its_update() -> None:
    text = (
        "The PCC asked about call handling.\n"
        "(During the meeting NM confirmed that 97% of calls were answered.)\n"
        "ACTION: GL to share the quality review.\n"
    )
    assert one_action(text).updates == []


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("Open", ActionStatus.OPEN),
        ("Complete", ActionStatus.COMPLETED),
        ("Completed", ActionStatus.COMPLETED),
        ("Closed - report shared", ActionStatus.COMPLETED),
        ("Done", ActionStatus.COMPLETED),
        ("In progress", ActionStatus.IN_PROGRESS),
        ("Ongoing", ActionStatus.IN_PROGRESS),
        ("Amber", ActionStatus.IN_PROGRESS),
        ("Green", ActionStatus.COMPLETED),
        ("Red", ActionStatus.OPEN),
        ("Deferred", ActionStatus.DEFERRED),
        ("Carried forward", ActionStatus.DEFERRED),
        ("Cancelled", ActionStatus.CANCELLED),
        ("Withdrawn", ActionStatus.CANCELLED),
        ("Not yet complete", ActionStatus.OPEN),
        ("See minutes", None),
    ],
)
def test_status_cells(cell: str, status: ActionStatus | None) -> None:
    assert status_from_text(cell, cell=True) is status


def test_status_words_in_sentences() -> None:
    assert (
        status_from_text("The action remains open until the evaluation is complete.")
        is ActionStatus.OPEN
    )
    assert (
        status_from_text("The PCC was content for the action to be closed.")
        is ActionStatus.COMPLETED
    )
    assert status_from_text("The report went live in June.") is None


# --- carried actions -------------------------------------------------------------------------


def test_origin_phrases() -> None:
    meeting = dt.date(2021, 3, 25)
    assert origin_from_phrase("the May 2020 Performance Meeting", meeting) == (
        origin_from_phrase("the Performance Meeting of 1 May 2020", meeting)
    )
    found = origin_from_phrase("the Thematic Meeting: Domestic Abuse, 19 November 2019", meeting)
    assert (found.title, found.date) == ("Thematic Meeting: Domestic Abuse", dt.date(2019, 11, 19))
    found = origin_from_phrase("the 14 March 2022 meeting", meeting)
    assert (found.title, found.date) == (None, dt.date(2022, 3, 14))
    found = origin_from_phrase("the June Performance Meeting", meeting)
    assert (found.title, found.date) == ("Performance Meeting", dt.date(2020, 6, 1))


def test_action_from_a_dated_meeting_remains_open() -> None:
    action = one_action("1.1\tAction 3 from the 14 March 2022 meeting remains open.")
    assert action.reference == "3"
    assert action.origin_date == dt.date(2022, 3, 14)
    assert action.status is ActionStatus.OPEN


def test_reports_on_earlier_actions() -> None:
    text = (
        "1.\tMatters arising\n"
        "Action 3 from the 14 March 2022 meeting (DCC to provide a summary of the misconduct "
        "review) remains open. The DCC said decisions were awaited.\n"
        "Action 1 from the Thematic Meeting: Violence Against Women and Girls of 14 June 2022 "
        "(measuring women's feelings of safety) was completed; the measure starts in April.\n"
        "Action 2 from 14 June 2022 (quarterly MARAC reporting) is in progress: the first "
        "report was received.\n"
    )
    first, second, third = actions_in(text, NORTHSHIRE, dt.date(2023, 1, 24))
    assert (first.reference, first.owners, first.status) == (
        "3",
        ["Neil Mottram"],
        ActionStatus.OPEN,
    )
    assert first.text == "DCC to provide a summary of the misconduct review"
    assert second.origin_title == "Thematic Meeting: Violence Against Women and Girls"
    assert (second.text, second.status) == (
        "measuring women's feelings of safety",
        ActionStatus.COMPLETED,
    )
    assert (third.origin_date, third.status) == (dt.date(2022, 6, 14), ActionStatus.IN_PROGRESS)


def test_carried_actions_take_the_origin_of_the_passage_before_them() -> None:
    text = (
        "1.\tMatters arising\n"
        "Two actions from the Performance Meeting of 12 March 2020 had been deferred and were "
        "brought to this meeting.\n"
        "1.1\tAction 2 (12 March 2020) – repeat referrals to MARAC. JA said the rate had risen. "
        "The PCC was content for the action to be closed.\n"
        "1.2\tAction 4 (12 March 2020) – benefits of the camera replacement. The action remains "
        "open until the evaluation is received.\n"
        "1.3\tAction 5: DCC to report on the rota.\n"
        "2.\tBody Worn Video\n"
        "ACTION: NM to report on the options.\n"
    )
    items = parse_items(text, split_lines(text))
    actions = actions_in(text, NORTHSHIRE, dt.date(2021, 3, 25), items)
    closed, still_open, deferred, new = actions
    assert (closed.text, closed.status) == ("repeat referrals to MARAC.", ActionStatus.COMPLETED)
    assert closed.updates[0].text == "The PCC was content for the action to be closed."
    assert still_open.status is ActionStatus.OPEN
    assert {a.origin_title for a in (closed, still_open)} == {"Performance Meeting"}
    assert deferred.origin_date is None  # only two actions were carried
    assert (new.origin_date, new.status) == (None, ActionStatus.OPEN)


def test_item_title_names_the_meeting_actions_came_from() -> None:
    text = (
        "1.\tMatters arising from the Thematic Meeting: Domestic Abuse, 19 November 2019\n"
        "Action 1 (DASH dip sample) had been completed. Action 2 (MARAC review) remains open: "
        "the review was extended.\n"
        "2.\tCrime\n"
        "Action 1: DCC to share the audit.\n"
    )
    items = parse_items(text, split_lines(text))
    dip, review, audit = actions_in(text, NORTHSHIRE, dt.date(2020, 3, 12), items)
    assert (dip.text, dip.status, dip.origin_date) == (
        "DASH dip sample",
        ActionStatus.COMPLETED,
        dt.date(2019, 11, 19),
    )
    assert (review.status, review.origin_title) == (
        ActionStatus.OPEN,
        "Thematic Meeting: Domestic Abuse",
    )
    assert audit.origin_date is None


# --- action-log tables -----------------------------------------------------------------------


def test_action_log_table() -> None:
    text = (
        "5.\tAction log\n"
        "No.\tAction\tOwner\tDue date\tStatus\n"
        "1\tSummary of misconduct review (from 14 March 2022)\tDCC\t14/06/2022\tOpen\n"
        "2\tMonthly control room report\tDCC\tMonthly\tIn progress\n"
        "3\tReview of ASB follow-up\tJA, NM\t31/07/2022\tCompleted\n"
        "\n6.\tAOB\n"
    )
    first, second, third = actions_in(text, NORTHSHIRE, dt.date(2022, 4, 19))
    assert (first.reference, first.text, first.owners) == (
        "1",
        "Summary of misconduct review",
        ["Neil Mottram"],
    )
    assert (first.due_date, first.origin_date, first.status) == (
        dt.date(2022, 6, 14),
        dt.date(2022, 3, 14),
        ActionStatus.OPEN,
    )
    assert (second.due_date, second.status) == (None, ActionStatus.IN_PROGRESS)
    assert third.owner_text == "JA, NM" and third.owners == ["Joanne Ashworth", "Neil Mottram"]
    assert third.status is ActionStatus.COMPLETED
    assert text[first.span.start : first.span.end].startswith("1\tSummary")


def test_action_log_headers_in_other_words_and_orders() -> None:
    text = (
        "Ref\tLead\tDescription\tDeadline\tRAG\n"
        "A1\tCC\tPublish the plan\tend of May 2021\tGreen\n"
        "A2\tDCC\tRecruit call handlers\t30 June\tAmber\n"
        "A3\tPCC\tWrite to the minister\t\tRed\n"
    )
    actions = actions_in(text, NORTHSHIRE, FEB_2021)
    assert [(a.reference, a.text, a.owners, a.status) for a in actions] == [
        ("A1", "Publish the plan", ["Joanne Ashworth"], ActionStatus.COMPLETED),
        ("A2", "Recruit call handlers", ["Neil Mottram"], ActionStatus.IN_PROGRESS),
        ("A3", "Write to the minister", ["Amira Kaur"], ActionStatus.OPEN),
    ]
    assert [a.due_date for a in actions] == [dt.date(2021, 5, 31), dt.date(2021, 6, 30), None]


def test_action_log_with_an_update_column_and_markdown_rows() -> None:
    text = (
        "| # | Action required | Responsible | Target date | Update |\n"
        "|---|---|---|---|---|\n"
        "| 7 | Share the audit | DCC | 01/04/2021 | Complete - audit shared on 20 March |\n"
        "| 8 | Brief the panel | PCC | 01/05/2021 | Deferred to the May meeting |\n"
    )
    shared, briefing = actions_in(text, NORTHSHIRE, FEB_2021)
    assert shared.status is ActionStatus.COMPLETED
    assert shared.updates[0].text == "Complete - audit shared on 20 March"
    assert briefing.status is ActionStatus.DEFERRED and briefing.due_date == dt.date(2021, 5, 1)


def test_attendance_tables_are_not_action_logs() -> None:
    assert actions_in("Name\tCapacity\nJohn Campion\tPolice and Crime Commissioner (PCC)\n") == []


def test_a_table_repeating_the_minutes_adds_nothing_but_its_details() -> None:
    text = (
        "2.\tRisk assessment\n"
        "Action 1: DCS PP to share the findings of the DASH dip sample by area.\n"
        "3.\tProtective orders\n"
        "Action 2: ACC CPP to include DVPN figures in the quarterly report.\n"
        "Action summary\n"
        "No.\tAction\tOwner\tDue date\tStatus\n"
        "1\tShare findings of the DASH dip sample, broken down by area\tDCS PP\t31/12/2019\tOpen\n"
        "2\tDVPN figures in the quarterly performance report\tACC CPP\t12/03/2020\tOpen\n"
        "3\tCosted option for IDVA posts\tCEx\tJanuary 2020\tOpen\n"
    )
    actions = actions_in(text, NORTHSHIRE, dt.date(2019, 11, 19))
    assert [(a.reference, a.due_date) for a in actions] == [
        ("1", dt.date(2019, 12, 31)),
        ("2", dt.date(2020, 3, 12)),
        ("3", dt.date(2020, 1, 1)),
    ]
    assert actions[0].text.startswith("DCS PP to share")
    assert actions[0].owners == ["Karen Oduya"]


def test_a_table_row_citing_an_earlier_action_merges_with_its_report() -> None:
    text = (
        "Matters arising\n"
        "Action 3 from the Monthly Assurance Meeting of 14 March 2022 had been deferred to this "
        "meeting. The DCC presented the summary. The action was closed.\n"
        "Action log\n"
        "No.\tAction\tOwner\tDue date\tStatus\n"
        "4\tSummary of VAWG misconduct review (Action 3, 14 March 2022)\tDCC\t14/06/2022"
        "\tCompleted\n"
    )
    (action,) = actions_in(text, NORTHSHIRE, dt.date(2022, 6, 14))
    assert (action.reference, action.status, action.owners) == (
        "3",
        ActionStatus.COMPLETED,
        ["Neil Mottram"],
    )
    assert action.origin_title == "Monthly Assurance Meeting"


# --- items -----------------------------------------------------------------------------------


def test_innermost_item_contains_the_position() -> None:
    items = [
        ItemDraft("1", "One", "", Span(0, 100)),
        ItemDraft("1.1", "One one", "", Span(20, 60), parent=0),
        ItemDraft("2", "Two", "", Span(100, 150)),
    ]
    assert [innermost_item(items, p) for p in (5, 20, 59, 60, 100, 149, 150)] == [
        0,
        1,
        1,
        0,
        2,
        2,
        None,
    ]


# --- references, statuses and origins in other house styles ---------------------------------

SUSSEX = [
    AttendeeDraft("Leah Forsyth", "Assistant Chief Constable", "ACC"),
    AttendeeDraft("Tom Wakeling", "Deputy Chief Constable", "DCC"),
    AttendeeDraft("Colin Padgett", "Chief Executive, OPCC", "CEO"),
]


def test_action_points_with_year_month_number_references() -> None:
    text = (
        "1. Public Contact\nThe PCC asked about the 101 service.\n"
        "AP 22/09/01 – ACC to provide the contact centre recruitment plan by 31 October 2022.\n"
        "AP 22/09/02 – DCC to share the results of the community engagement survey.\n"
    )
    actions = actions_in(text, SUSSEX, meeting_date=dt.date(2022, 9, 14))
    assert [(a.reference, a.owners, a.due_date) for a in actions] == [
        ("22/09/01", ["Leah Forsyth"], dt.date(2022, 10, 31)),
        ("22/09/02", ["Tom Wakeling"], None),
    ]


def test_reports_on_earlier_actions_with_slash_references_and_joined_clauses() -> None:
    text = (
        "3.1 Action 12/20 (rural response times) was closed. Action 02/21 remains open and "
        "will be reported to the April meeting.\n"
        "2.1 The minutes were agreed. Action 1 (custody healthcare contract) was complete and "
        "Action 2 remains open.\n"
    )
    actions = actions_in(text)
    assert [(a.reference, a.status) for a in actions] == [
        ("12/20", ActionStatus.COMPLETED),
        ("02/21", ActionStatus.OPEN),
        ("1", ActionStatus.COMPLETED),
        ("2", ActionStatus.OPEN),
    ]


def test_a_status_after_a_dash_ends_the_action() -> None:
    text = (
        "Action 3: AH to report back on the exploitation of vulnerable adults, by 23 March 2021 "
        "– Ongoing. An interim update was given at the meeting.\n"
        "Action 4: PCC to provide details of the reviews, by 15 March 2021 – Closed.\n"
        "ACTION: DCC to review the policy – open to all staff from April.\n"
    )
    actions = actions_in(text)
    assert [(a.text, a.status) for a in actions] == [
        (
            "AH to report back on the exploitation of vulnerable adults, by 23 March 2021",
            ActionStatus.IN_PROGRESS,
        ),
        ("PCC to provide details of the reviews, by 15 March 2021", ActionStatus.COMPLETED),
        ("DCC to review the policy – open to all staff from April.", ActionStatus.OPEN),
    ]
    assert actions[0].updates[0].text == "Ongoing. An interim update was given at the meeting"


def test_an_update_after_a_blank_line_and_an_origin_named_in_the_sentence_before() -> None:
    text = (
        "1. Minutes and actions of the last meeting\n\n"
        "The minutes of the Monthly Assurance Meeting held on 23 April 2015 were agreed as an "
        "accurate record. Actions from that meeting were reviewed:\n\n"
        "1.1 Action 2: LR to circulate the findings on the SOC strategy\n\n"
        "Update: Deferred.\n\n"
        "1.2 Action 3: DCC to provide details of the quality of supervision\n\n"
        "Update: Closed. The update was provided in the briefing note.\n\n"
        "2. Any other business\n\nNone.\n"
    )
    items = parse_items(text, split_lines(text))
    actions = actions_in(text, meeting_date=dt.date(2015, 8, 6), items=items)
    assert [(a.reference, a.status, a.origin_title, a.origin_date) for a in actions] == [
        ("2", ActionStatus.DEFERRED, "Monthly Assurance Meeting", dt.date(2015, 4, 23)),
        ("3", ActionStatus.COMPLETED, "Monthly Assurance Meeting", dt.date(2015, 4, 23)),
    ]


def test_action_log_rows_with_series_references_and_bilingual_headers() -> None:
    text = (
        "Cyf / Ref\tCam Gweithredu / Action\tPerchennog / Owner\tDyddiad Cau / Deadline\n"
        "PAB 22/06-1\tReport on joint work with Natural Resources Wales\tDCC\t05/09/2022\n"
        "SRP 21/14\tProvide a breakdown of the 999 call answering times\tACC\tSep 2022\n"
    )
    actions = actions_in(text, SUSSEX, meeting_date=dt.date(2022, 6, 6))
    assert [(a.reference, a.owners, a.due_date) for a in actions] == [
        ("PAB 22/06-1", ["Tom Wakeling"], dt.date(2022, 9, 5)),
        ("SRP 21/14", ["Leah Forsyth"], dt.date(2022, 9, 1)),
    ]


def test_initials_name_a_person_before_they_spell_a_capacity() -> None:
    attendees = [
        AttendeeDraft("Darren Firth", "Police and Crime Commissioner", "PCC"),
        AttendeeDraft("James Delaney", "Director of Finance", "DoF"),
        AttendeeDraft("Wendy Dewhurst", "Chief Executive, OPCC", "CEx"),
        AttendeeDraft("Claire Ellery", "Assistant Chief Constable", "ACC"),
    ]
    assert resolve_owners("DF", attendees).owners == ["Darren Firth"]
    assert resolve_owners("CE", attendees).owners == ["Claire Ellery"]
    assert resolve_owners("DoF", attendees).owners == ["James Delaney"]
    assert resolve_owners("CEx", attendees).owners == ["Wendy Dewhurst"]


def test_a_secretariat_owns_an_action() -> None:
    action = one_action("Action: Secretariat to invite the Chief Constable to the June meeting.")
    assert action.owner_text == "Secretariat"


def test_a_force_several_attendees_serve_owns_an_action_as_written() -> None:
    attendees = [
        AttendeeDraft("Ruth Fane", "Police, Fire and Crime Commissioner, Westshire – Chair"),
        AttendeeDraft("Owen Pell", "Deputy Chief Constable, WSP"),
        AttendeeDraft("Lena Marsh", "Head of Finance, WSP"),
        AttendeeDraft("Ivo Crane", "Director of Estates, WSFRS"),
    ]
    action = one_action("Actions – WSP to convene the communications leads.", attendees)
    assert action.owner_text == "WSP"
    assert action.owners == []
    assert resolve_owners("WSFRS", attendees).owners == ["Ivo Crane"]
    # A commissioner's post named in the old way, or by its last word.
    assert resolve_owners("PCC", attendees).owners == ["Ruth Fane"]
    assert resolve_owners("Commissioner", attendees).owners == ["Ruth Fane"]
    assert resolve_owners("Police", attendees).owners == []


def test_owners_in_initials_after_a_closing_dash() -> None:
    attendees = [
        AttendeeDraft("Pia Frost", None, "PF"),
        AttendeeDraft("Sam Moor", "Police, Fire and Crime Commissioner", "PFCC"),
    ]
    action = one_action(
        "Action – meeting to go through each recommendation in the review to include – PF.SM",
        attendees,
    )
    assert action.owner_text == "PF.SM"
    assert action.owners == ["Pia Frost", "Sam Moor"]
    # A closing dash before letters that name nobody is no owner.
    assert one_action("Action – refresh the plan for the NHS – ICB", attendees).owner_text is None


def test_numbered_actions_after_a_colon_that_introduces_them() -> None:
    actions = actions_in(
        "The following updates was given:- Action 002 – the revised terms of reference were "
        "now going through sign-off. Action 005 – action is complete."
    )
    assert [a.reference for a in actions] == ["002", "005"]
    assert actions[0].text.startswith("the revised terms of reference")


def test_a_minute_that_points_to_an_action_by_number_is_that_action() -> None:
    text = (
        "716 Decisions Required\n"
        "716a Finance Plan – Quarterly Update: the Board noted the report. The plan will be "
        "put on the website.\n"
        "See Action 716a.\n"
        "716b Treasury Report: the Board noted the report. See action 716b.\n"
    )
    actions = actions_in(text)
    assert [a.reference for a in actions] == ["716a", "716b"]
    assert actions[0].text.startswith("716a Finance Plan")
    assert actions[1].text == "716b Treasury Report: the Board noted the report."


def test_an_action_flag_with_only_an_owner_marks_the_paragraph_above() -> None:
    text = (
        "Two actions from the last meeting were still open. A list of the abbreviations in "
        "the plan would be sent to members.\n\n"
        "ACTION                     Duncan Elmore\n\n"
        "Chairman's Update\n\n"
        "The Chairman thanked the Chief Constable for her service to the county.\n\n"
        "ACTION: DCC\n"
    )
    actions = actions_in(text, NORTHSHIRE)
    assert len(actions) == 2
    assert actions[0].text.startswith("A list of the abbreviations")
    assert actions[0].owners == ["Duncan Elmore"]
    assert actions[1].text.startswith("The Chairman thanked")
    assert actions[1].owners == ["Neil Mottram"]
    # An owner line under an action that names none gives it its owner.
    flagged = actions_in("Action: review the estates plan.\nAction: CC\n", NORTHSHIRE)
    assert [a.owners for a in flagged] == [["Joanne Ashworth"]]


def test_a_flag_closing_a_paragraph_names_its_owner() -> None:
    text = (
        "The Chief Constable agreed to provide an update on response times. ACTION: CC\n\n"
        "The Board discussed the backlog. A briefing will be given at the next meeting. "
        "[Action: DCC]\n\n"
        "Action: review the custody estate. ACTION: ACC LP\n"
    )
    actions = actions_in(text, NORTHSHIRE)
    assert [(a.text[:30], a.owners) for a in actions] == [
        ("The Chief Constable agreed to ", ["Joanne Ashworth"]),
        ("A briefing will be given at th", ["Neil Mottram"]),
        ("review the custody estate.", ["Priya Raman"]),
    ]


def test_an_owner_before_a_colon_after_the_action_number() -> None:
    action = one_action("Action 5 – DCC: Report back on the pilot.", NORTHSHIRE)
    assert (action.reference, action.owners) == ("5", ["Neil Mottram"])
    assert one_action("Action 6 – Update: the pilot has started.", NORTHSHIRE).owners == []


@pytest.mark.parametrize(
    ("owner_text", "owners"),
    [
        ("Commissioner's Chief Executive", ["Deborah Quayle"]),
        ("OPCC Senior Policy Officer", ["Tom Eckersley"]),
        ("Senior Policy Officer (OPCC)", ["Tom Eckersley"]),
    ],
)
def test_a_post_and_whose_it_is(owner_text: str, owners: list[str]) -> None:
    assert resolve_owners(owner_text, NORTHSHIRE).owners == owners


def test_a_post_held_for_someone_is_that_post_too() -> None:
    attendees = [
        AttendeeDraft("Mia Oates", "PCC’s Chief Finance Officer"),
        AttendeeDraft("Jan Sugg", "Chief Constable’s Chief Finance Officer"),
    ]
    assert resolve_owners("CFO", attendees).owners == ["Mia Oates", "Jan Sugg"]
    assert resolve_owners("PCC's CFO", attendees).owners == ["Mia Oates"]


@pytest.mark.parametrize(
    "text",
    [
        "Action: Provide the figures. Owner: DCC, Due: June 2021",
        "Action: Provide the figures – Owner DCC – Due June 2021",
        "Action: Provide the figures. Action owner: DCC Mottram. Deadline: June 2021.",
        "Action: Provide the figures\nOwner: DCC\nDue: June 2021",
        "ACTION 3: Provide the figures.  Lead: DCC  Date: June 2021",
    ],
)
def test_owner_and_due_date_fields_after_the_action(text: str) -> None:
    action = one_action(text, NORTHSHIRE)
    assert action.owners == ["Neil Mottram"]
    assert action.text.startswith("Provide the figures")


def test_owners_joined_with_the_and_named_with_their_post() -> None:
    joined = one_action("Action: The Chief Constable and the PCC to meet.", NORTHSHIRE)
    assert joined.owners == ["Joanne Ashworth", "Amira Kaur"]
    named = one_action(
        "Action: Amira Kaur, Police and Crime Commissioner, to write to the minister.",
        NORTHSHIRE,
    )
    assert named.owners == ["Amira Kaur"]


@pytest.mark.parametrize(
    "header",
    [
        "No\tAction\tOfficer\tTarget Date",
        "Minute\tAction\tPerson Responsible\tTarget completion date",
        "Ref\tAction\tAction Lead\tDate for completion",
    ],
)
def test_action_log_owner_and_due_columns_in_more_words(header: str) -> None:
    action = one_action(f"{header}\n5\tProvide the figures\tACC LP\t30 June 2021", NORTHSHIRE)
    assert (action.reference, action.owners) == ("5", ["Priya Raman"])
    assert action.due_date == dt.date(2021, 6, 30)


def test_a_table_row_gives_its_number_to_the_unnumbered_action_it_repeats() -> None:
    text = (
        "Action: DCS PP to share the findings of the DASH dip sample by area.\n\n"
        "Ref\tAction\tOwner\tDeadline\n"
        "PAB 19/11-1\tShare findings of the DASH dip sample by area\tDCS PP\t31/12/2019\n"
    )
    action = one_action(text, NORTHSHIRE)
    assert (action.reference, action.due_date) == ("PAB 19/11-1", dt.date(2019, 12, 31))
    assert action.text.startswith("DCS PP to share")


def test_sentences_after_actions_each_open_an_action() -> None:
    attendees = [
        AttendeeDraft("Lena Brook-Ward", "Head of Finance"),
        AttendeeDraft("Mo Pell", "Assistant Director of Resources"),
    ]
    text = (
        "The force briefed members on an item taken in private. Actions – WSP to bring "
        "together communications leads to plan the messaging. This was welcomed. Initial "
        "funding to be found from savings, with LB-W and MP working jointly on any bid.\n"
    )
    actions = actions_in(text, attendees)
    assert [(a.text[:24], a.owner_text, a.owners) for a in actions] == [
        ("WSP to bring together co", "WSP", []),
        ("Initial funding to be fo", "LB-W and MP", ["Lena Brook-Ward", "Mo Pell"]),
    ]
    assert actions[0].text.endswith("This was welcomed.")


def test_a_post_in_letters_and_a_body_beside_people() -> None:
    attendees = [AttendeeDraft("Martin Rowe", "Commissioner"), AttendeeDraft("Ann Lee", None)]
    assert resolve_owners("PCC", attendees).owners == ["Martin Rowe"]
    assert resolve_owners("the Force and the PCC", attendees).owners == ["Force", "Martin Rowe"]
    assert resolve_owners("DPCC", attendees).owners == []


def test_a_post_held_for_the_time_being_answers_to_the_post() -> None:
    attendees = [
        AttendeeDraft("Jo Hale", "Temporary Deputy Chief Constable"),
        AttendeeDraft("Al Day", "Acting Chief Constable", "A/CC"),
        AttendeeDraft("Cy Fox", "T/ACC", "T/ACC"),
    ]
    assert resolve_owners("DCC", attendees).owners == ["Jo Hale"]
    assert resolve_owners("Chief Constable", attendees).owners == ["Al Day"]
    # The letters of "Acting Chief Constable" are no Assistant Chief Constable.
    assert resolve_owners("ACC", attendees).owners == ["Cy Fox"]


def test_owner_and_due_date_lines_under_an_action() -> None:
    text = (
        "Action 1\nProvide the figures on response times.\nOwner: DCC\nDue date: June 2021\n\n"
        "Action 2: Review the custody plan.\nLead: ACC LP\n"
    )
    actions = actions_in(text, NORTHSHIRE)
    assert [(a.reference, a.owners, a.due_date) for a in actions] == [
        ("1", ["Neil Mottram"], dt.date(2021, 6, 1)),
        ("2", ["Priya Raman"], None),
    ]


def test_a_bare_flag_marks_the_paragraph_it_closes_or_stands_under() -> None:
    text = (
        "The Commissioner asked the Chief Constable to provide the figures on response times "
        "at the next meeting. ACTION\n\n"
        "The Board asked the DCC to report back on the custody pilot in the spring.\n\n"
        "ACTION\n\n"
        "No.\nAction\nOwner\n"
    )
    actions = actions_in(text, NORTHSHIRE)
    assert [(a.text[:28], a.owners) for a in actions] == [
        ("The Commissioner asked the C", ["Joanne Ashworth"]),
        ("The Board asked the DCC to r", ["Neil Mottram"]),
    ]


def test_a_post_named_by_its_first_words() -> None:
    attendees = [
        AttendeeDraft("Tia Baxter", "Head of Performance and Governance, OPCC"),
        AttendeeDraft("Jo Ray", "Director of Finance and Resources"),
        AttendeeDraft("Al Fox", "Deputy Chief Constable"),
    ]
    assert resolve_owners("Head of Performance", attendees).owners == ["Tia Baxter"]
    assert resolve_owners("Director of Finance", attendees).owners == ["Jo Ray"]
    assert resolve_owners("Deputy Chief", attendees).owners == []


@pytest.mark.parametrize(
    "text",
    [
        "Action: Provide the figures on response times – Neil Mottram",
        "Action: Provide the figures on response times (Deputy Chief Constable)",
        "Action: Provide the figures on response times. DCC Mottram",
        "Action (DCC): Provide the figures on response times.",
        "Action – DCC – Provide the figures on response times.",
        "Action: Figures on response times to be provided by the DCC.",
    ],
)
def test_owners_that_close_or_open_an_action(text: str) -> None:
    assert one_action(text, NORTHSHIRE).owners == ["Neil Mottram"]


def test_a_closing_phrase_that_names_no_attendee_is_no_owner() -> None:
    action = one_action("Action: Share the rural crime survey (North Yorkshire)", NORTHSHIRE)
    assert action.owner_text is None


def test_a_bracketed_flag_closes_a_paragraph_without_a_full_stop() -> None:
    action = one_action(
        "The DCC agreed to provide the figures on response times (Action DCC)", NORTHSHIRE
    )
    assert action.text == "The DCC agreed to provide the figures on response times"
    assert action.owners == ["Neil Mottram"]


def test_a_post_named_with_its_area_answers_to_its_head_word() -> None:
    attendees = [
        AttendeeDraft("Edda Marsh", "Police and Crime Commissioner for Westshire"),
        AttendeeDraft(
            "Rolf Tander", "Chief Executive, Office of the Police and Crime Commissioner"
        ),
    ]
    action = one_action(
        "Actions/ further information to be provided:\n"
        "1. The Commissioner to share the agreed indicators with the Panel.\n",
        attendees,
    )
    assert action.owners == ["Edda Marsh"]


def test_an_office_owns_an_action_though_one_attendee_is_listed_as_of_it() -> None:
    attendees = [
        AttendeeDraft("Nell Pardoe", "Chief Constable"),
        AttendeeDraft("Ivo Brant", "Notetaker, OPCC"),
    ]
    assert resolve_owners("the Force and OPCC", attendees).owners == ["Force", "OPCC"]
    assert resolve_owners("OPCC", attendees).owners == []
    assert resolve_owners("CC and OPCC", attendees).owners == ["Nell Pardoe", "OPCC"]
    # Initials that fit nobody still give no owner.
    assert resolve_owners("XY and ZW", attendees).owners == []


def test_an_agenda_heading_naming_the_actions_is_no_action() -> None:
    text = (
        "4. Quarterly Inspection Update\n"
        "5. Actions Arising – Summary\n"
        "6. AOB\n\n"
        "Actions arising – CC to review the rota.\n"
    )
    (action,) = actions_in(text, NORTHSHIRE)
    assert (action.text, action.owners) == ("CC to review the rota.", ["Joanne Ashworth"])


def test_an_owner_by_post_introduced_in_the_passage_but_not_listed() -> None:
    text = (
        "4.1 Members put their questions to Orla Denning, Chief Executive of the OPCC, and "
        "to Ms Bea Corran, Deputy Police and Crime Commissioner.\n\n"
        "4.3 A Member asked about shared stations. The Chief Executive agreed to send Panel "
        "members the latest annual report before the next meeting.\n\n"
        "4.4 The Commissioner undertook to provide the figures at the next meeting.\n"
    )
    actions = actions_in(text, [])
    # The Deputy Commissioner is no Commissioner: that owner stays as written.
    assert [a.owners for a in actions] == [["Orla Denning"], []]
