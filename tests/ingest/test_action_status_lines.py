"""Status statements about earlier actions: what later minutes say became of an earlier
meeting's actions ("Action 3 closed", "all actions from the last meeting were complete"),
each with the action it names, the meeting that raised it, what happened, where it is said
and how plainly. Invented text in, statements out; beside each family, text that says no
such thing."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.parse.action_status_lines import Reach, StatusStatement, find_status_statements
from records.enums import ActionEventKind, ActionStatus

MARCH_2023 = dt.date(2023, 3, 14)
JANUARY_10 = dt.date(2023, 1, 10)


def statements(text: str) -> list[StatusStatement]:
    return find_status_statements(text, MARCH_2023)


def said(text: str) -> list[tuple[str | None, ActionEventKind, str]]:
    """(number, kind, the words it was read from) of each statement."""
    return [(s.reference, s.kind, text[s.span.start : s.span.end]) for s in statements(text)]


def section(body: str, heading: str = "1. Matters arising") -> str:
    return f"{heading}\n{body}\n\n2. Finance\nThe CFO presented the outturn.\n"


@pytest.mark.parametrize(
    "line",
    ["Action 3 closed.", "Action 3: closed.", "ACTION 3 – Closed", "Action 3 was discharged."],
)
def test_an_action_closed(line: str) -> None:
    text = section(line, "1. Matters arising from the meeting of 10 January 2023")
    [statement] = statements(text)
    assert (statement.reach, statement.reference) == (Reach.ONE, "3")
    assert (statement.kind, statement.status) == (ActionEventKind.CLOSED, ActionStatus.COMPLETED)
    assert statement.origin is not None and statement.origin.date == JANUARY_10
    assert text[statement.span.start : statement.span.end] == line
    assert statement.confidence >= 0.9


@pytest.mark.parametrize(
    ("line", "label"),
    [
        (
            "Action 1 (grubble dip sample) had been completed and the findings circulated on "
            "20 February.",
            "grubble dip sample",
        ),
        (
            "Action 1 (zibbet posts) was completed: the board agreed funding for 4 posts.",
            "zibbet posts",
        ),
        ("Action 1, on the quangle rota by district, has now been completed.", None),
    ],
)
def test_an_action_completed_with_the_words_naming_it(line: str, label: str | None) -> None:
    [statement] = statements(section(line))
    assert (statement.reference, statement.kind) == ("1", ActionEventKind.COMPLETED)
    assert statement.status is ActionStatus.COMPLETED
    assert statement.label == (label or "on the quangle rota by district")
    assert statement.origin is None  # the section names no meeting: the previous one


@pytest.mark.parametrize(
    "line",
    [
        "Action 2 (frob review) remains open: the partnership had extended the review.",
        "Action No. 2 remained open and would be reported to the next meeting.",
        "Action 2: still open",
        "Action 2 has not yet been completed.",
    ],
)
def test_an_action_still_open(line: str) -> None:
    [statement] = statements(section(line))
    assert (statement.reference, statement.kind) == ("2", ActionEventKind.UPDATED)
    assert statement.status is ActionStatus.OPEN


@pytest.mark.parametrize(
    "line",
    [
        "Action 2: CC to confirm the zibbet rota. Update 18.01.23 - Complete",
        "Action 2: CC to confirm the zibbet rota. Update (February): complete.",
        "Action 2: CC to confirm the zibbet rota. Update 02-02-23 – Complete",
    ],
)
def test_a_progress_note_after_the_task(line: str) -> None:
    [statement] = statements(section(line))
    assert (statement.reference, statement.kind) == ("2", ActionEventKind.COMPLETED)
    assert statement.label == "CC to confirm the zibbet rota"


@pytest.mark.parametrize(
    ("line", "numbers", "kind"),
    [
        ("Actions 4 and 5 were discharged.", ["4", "5"], ActionEventKind.CLOSED),
        ("Actions 1, 2 and 6 are complete.", ["1", "2", "6"], ActionEventKind.COMPLETED),
        ("Actions 7-9 remain open.", ["7", "8", "9"], ActionEventKind.UPDATED),
        ("Actions 3 & 4 closed.", ["3", "4"], ActionEventKind.CLOSED),
    ],
)
def test_several_actions_in_one_sentence(
    line: str, numbers: list[str], kind: ActionEventKind
) -> None:
    found = said(section(line))
    assert found == [(number, kind, line) for number in numbers]


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Action 6 was deferred to the next meeting.", "6"),
        ("Action 21 Carried forward to the next meeting.", "21"),
        ("Action 5/25 - carried forward to 25 April 2023.", "5/25"),
    ],
)
def test_an_action_deferred(line: str, number: str) -> None:
    assert said(section(line)) == [(number, ActionEventKind.DEFERRED, line)]


@pytest.mark.parametrize(
    "line", ["action 7: ongoing", "Action 7 - in progress", "Action 7 Work is in progress."]
)
def test_an_action_in_progress(line: str) -> None:
    assert said(section(line, "1. Review of the action log")) == [
        ("7", ActionEventKind.IN_PROGRESS, line)
    ]


def test_statements_on_one_line_each_keep_their_own_sentence() -> None:
    line = (
        "\tAction 1 (blorp sample) had been completed and the findings circulated. Action 2 "
        "(frob review) remains open: the review was extended to April. Action 3 (zibbet "
        "posts) was completed. Action 4 is covered at item 3 below."
    )
    text = section(
        line, "1.\tMatters arising from the Thematic Meeting: Rural Crime, 10 January 2023"
    )
    found = statements(text)
    assert [(s.reference, s.kind, s.label) for s in found] == [
        ("1", ActionEventKind.COMPLETED, "blorp sample"),
        ("2", ActionEventKind.UPDATED, "frob review"),
        ("3", ActionEventKind.COMPLETED, "zibbet posts"),
    ]
    assert text[found[1].span.start : found[1].span.end].endswith("extended to April.")
    assert {s.origin.date for s in found if s.origin} == {JANUARY_10}
    assert found[0].origin is not None and found[0].origin.title == "Thematic Meeting: Rural Crime"


@pytest.mark.parametrize(
    ("entry", "kind"),
    [
        (
            "- Action 2 (exit interviews): AR presented the results. The action was closed.",
            ActionEventKind.CLOSED,
        ),
        (
            "- Action 2 (recovery plan): OR said the review had not reported. The PCC agreed, "
            "reluctantly, that the action be deferred again, to the June meeting.",
            ActionEventKind.DEFERRED,
        ),
        (
            "- Action 2 (call handling): FS said the plan depended on the review. Deferred to "
            "the May meeting.",
            ActionEventKind.DEFERRED,
        ),
        (
            "1.1 Action 2 (12 January 2023) – repeat referrals. JA said the rate had risen. The "
            "PCC was content for the action to be closed.",
            ActionEventKind.CLOSED,
        ),
    ],
)
def test_the_end_of_an_entry_says_what_became_of_it(entry: str, kind: ActionEventKind) -> None:
    text = section(f"Matters arising from the Performance Meeting of 12 January 2023:\n{entry}")
    [statement] = statements(text)
    assert (statement.reference, statement.kind) == ("2", kind)
    assert statement.origin is not None and statement.origin.date == dt.date(2023, 1, 12)


@pytest.mark.parametrize(
    ("sentence", "reach", "numbers"),
    [
        ("All actions from the last meeting were complete.", Reach.ALL, []),
        ("All of the actions from the previous meeting had been completed:", Reach.ALL, []),
        ("All other actions were closed.", Reach.OTHERS, []),
        (
            "All actions from that meeting were complete except Action 2 (zibbet rota), which "
            "is due in April.",
            Reach.OTHERS,
            ["2"],
        ),
    ],
)
def test_every_action_of_a_meeting(sentence: str, reach: Reach, numbers: list[str]) -> None:
    text = section(
        f"The minutes of the meeting held on 10 January 2023 were agreed. {sentence}",
        "1. Minutes of the previous meeting",
    )
    found = statements(text)
    assert (found[0].reach, found[0].reference, found[0].status) == (
        reach,
        None,
        ActionStatus.COMPLETED,
    )
    assert text[found[0].span.start : found[0].span.end] == sentence
    excepted = found[1:]
    assert [(s.reference, s.status, s.reach) for s in excepted] == [
        (n, ActionStatus.OPEN, Reach.ONE) for n in numbers
    ]
    if "that meeting" in sentence:
        assert found[0].origin is not None and found[0].origin.date == JANUARY_10


def test_a_count_of_the_actions_is_kept() -> None:
    text = (
        "1) Minutes of the previous meeting\nThe minutes of the meeting of 10 January 2023 were "
        "approved. The action log was noted; all four actions were complete.\n"
    )
    [statement] = statements(text)
    assert (statement.reach, statement.count) == (Reach.ALL, 4)
    assert statement.origin is not None and statement.origin.date == JANUARY_10


@pytest.mark.parametrize("separator", ["\t", " | "])
def test_a_table_of_earlier_actions_and_their_status(separator: str) -> None:
    def row(*cells: str) -> str:
        line = separator.join(cells)
        return f"| {line} |" if separator != "\t" else line

    table = "\n".join(
        [
            row("Ref", "Update", "Status"),
            row("1", "Findings circulated to members", "Complete"),
            row("2", "Review extended to April", "Open"),
            row("3", "Awaiting the partnership", ""),
        ]
    )
    found = statements(section(table, "1. Actions from the previous meeting"))
    assert [(s.reference, s.kind, s.status) for s in found] == [
        ("1", ActionEventKind.COMPLETED, ActionStatus.COMPLETED),
        ("2", ActionEventKind.UPDATED, ActionStatus.OPEN),
    ]


def test_a_table_row_citing_its_origin_names_that_action() -> None:
    text = (
        "5. Action log\nNo.\tAction\tOwner\tStatus\n"
        "1\tBlorp survey results (Performance Board, 10 January 2023, Action 4)\tAR\tCompleted\n"
        "2\tQuangle rota by district (from 10 January 2023)\tDCC\tIn progress\n"
        "3\tZibbet plan for the summer\tCFO\tOpen\n"
    )
    found = statements(text)
    assert [(s.reference, s.label, s.kind) for s in found] == [
        ("4", "Blorp survey results", ActionEventKind.COMPLETED),
        (None, "Quangle rota by district", ActionEventKind.IN_PROGRESS),
    ]
    assert all(s.origin is not None and s.origin.date == JANUARY_10 for s in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "The options for managing a higher frob award (from the Monthly Assurance Meeting of "
        "10 January 2023) were considered at the February board and the action is closed.",
        "The options for managing a higher frob award (from the Monthly Assurance\nMeeting of "
        "10 January 2023) were closed.",
    ],
)
def test_an_earlier_action_named_by_its_words(sentence: str) -> None:
    [statement] = statements(section(sentence))
    assert (statement.reference, statement.kind) == (None, ActionEventKind.CLOSED)
    assert statement.label == "options for managing a higher frob award"
    assert statement.origin is not None and statement.origin.date == JANUARY_10


@pytest.mark.parametrize(
    "line",
    [
        "Action 3 from the 10 January 2023 meeting (student leavers) was completed.",
        "Action 3 (10 January 2023) – student leavers. The action remains open.",
        "The Officer reported that Action No. 3 of the meeting held on 10 January 2023 had "
        "been completed.",
    ],
)
def test_a_statement_naming_its_meeting_counts_outside_matters_arising(line: str) -> None:
    text = f"3. Workforce\n{line}\n"
    [statement] = statements(text)
    assert statement.reference == "3"
    assert statement.origin is not None and statement.origin.date == JANUARY_10


@pytest.mark.parametrize(
    "text",
    [
        # orders, not statuses
        section("Action 4: Complete the review of custody by June."),
        section("Action 5: Open the consultation on the blorp strategy."),
        section("Action 6 (frob audit): the DCC said the audit would be completed by June."),
        section("Action 6 is to be completed by the next meeting."),
        # the status of some other thing, or none
        section("Action 3 of the blorp plan was completed."),
        section("Action 4 is covered at item 3 below."),
        section("All actions were either complete or on the agenda."),
        section("All actions from this meeting would be circulated."),
        # a number with no earlier meeting in sight: as likely this meeting's own
        "3. Finance\nThe CFO reported.\nAction 2 closed.\n",
        # this meeting's own actions, in a table after its heading
        "6. Action summary\nNo.\tAction\tOwner\tStatus\n1\tCirculate the plan\tCFO\tOpen\n",
    ],
)
def test_text_that_states_no_earlier_action_s_status(text: str) -> None:
    assert statements(text) == []


def test_a_section_about_earlier_actions_ends_at_the_next_heading() -> None:
    text = (
        "## Matters arising\nAction 1 closed.\n\n## Finance\nAction 2 closed.\n\n"
        "Matters arising\nAction 3 closed.\nFinance update\nAction 4 closed.\n"
    )
    assert [s.reference for s in statements(text)] == ["1", "3"]
