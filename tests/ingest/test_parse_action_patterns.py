"""Action layouts: flags run into their owner, review notes, new-action headings, owners."""

import datetime as dt

from ingest.draft import ActionDraft, AttendeeDraft
from ingest.parse.actions import parse_actions
from ingest.parse.owners import resolve_owners
from records.enums import ActionStatus

MAY_2019 = dt.date(2019, 5, 14)

BOARD = [
    AttendeeDraft("Petra Lindholm", "Commissioner", None),
    AttendeeDraft("Oswin Harcourt", "Commissioner's Chief of Staff", None),
    AttendeeDraft("Maud Everill", "Head of Communications", None),
    AttendeeDraft("Cyril Tapping", "Policy Officer Police Authority", None),
    AttendeeDraft("Nell Quarry", "Deputy Chief Constable", "DCC"),
]


def actions_in(text: str, attendees: list[AttendeeDraft] | None = None) -> list[ActionDraft]:
    actions, _ = parse_actions(text, [], attendees or [], meeting_date=MAY_2019)
    return actions


def test_a_flag_run_into_initials_without_a_separator() -> None:
    text = (
        "212. PREVIOUS MINUTES\n\n"
        "  2. Records Retention: PL said a national review had begun.\n\n"
        "    Action OH to share the review's scope with the Board\n\n"
        "  3. Action ME to redraft the leaflet after PL's comments\n"
    )
    actions = actions_in(text, BOARD)
    assert [(a.text, a.owners) for a in actions] == [
        ("OH to share the review's scope with the Board", ["Oswin Harcourt"]),
        ("ME to redraft the leaflet after PL's comments", ["Maud Everill"]),
    ]


def test_a_flag_run_into_a_post_and_a_second_owner() -> None:
    text = "ACTION DCC and ME to agree the wording of the press notice by Friday.\n"
    (action,) = actions_in(text, BOARD)
    assert action.owners == ["Nell Quarry", "Maud Everill"]


def test_a_flag_word_before_a_thing_is_no_action() -> None:
    text = (
        "Action Fraud to be invited to the next forum on scams.\n\n"
        "Action Plan to be agreed once the survey has closed.\n"
    )
    assert actions_in(text, BOARD) == []


def test_a_review_heading_over_a_note_that_it_was_not_held() -> None:
    for note in (
        "No discussion held as not completed prior to meeting.",
        "Not discussed, as the log had not been circulated in time.",
        "Nothing to report this month on the open items.",
    ):
        text = f"4. Minutes\n\nThe minutes were approved.\n\n5. ACTION LOG\n\n{note}\n"
        assert actions_in(text, BOARD) == [], note


def test_minutes_to_come_back_are_no_action() -> None:
    for text in (
        "The minutes of the meeting on 2 April are not ready. They will be brought to the "
        "next meeting.\n",
        "Because of leave, the Minutes of 2 April were not available; the Minutes would be "
        "brought to the next meeting of the Panel.\n",
        "The Clerk said the draft minutes of the March meeting would be circulated before "
        "the next meeting.\n",
    ):
        assert actions_in(text) == [], text


def test_a_report_still_to_come_is_an_action() -> None:
    text = "The Treasurer said that a budget statement would be brought to the June meeting.\n"
    assert len(actions_in(text)) == 1


def test_the_owner_of_a_reviewed_action_in_its_later_clause() -> None:
    for text, owner in (
        (
            "Action 8/19 (custody audit) remains open; Nell Quarry will report to the July "
            "meeting.",
            ["Nell Quarry"],
        ),
        ("Action 3 (press protocol) is still open; the DCC is to circulate it.", ["Nell Quarry"]),
    ):
        (action,) = actions_in(text, BOARD)
        assert action.owners == owner, text


def test_paragraphs_under_a_heading_of_the_actions_agreed() -> None:
    text = (
        "Conclusions and actions reached (2)\n\n"
        "Members AGREED the need for PS to consider how the survey results are shown.\n\n"
        "Members AGREED the need for a short paper on vetting delays to come to a future "
        "meeting.\n\n"
        "Other business\n\n"
        "Members thanked the outgoing clerk for her work over many years.\n"
    )
    actions = actions_in(text)
    assert [a.text[:40] for a in actions] == [
        "Members AGREED the need for PS to consid",
        "Members AGREED the need for a short pape",
    ]
    assert actions[0].owner_text == "PS"
    assert {a.status for a in actions} == {ActionStatus.OPEN}


def test_a_second_layout_of_agreed_actions() -> None:
    text = (
        "7. Outcomes & Actions\n\n"
        "The Board agreed that the DCC would write to the three councils about CCTV.\n\n"
        "The Board agreed the need for the Force to refresh the custody guidance.\n"
    )
    actions = actions_in(text, BOARD)
    assert [a.owner_text for a in actions] == ["DCC", "Force"]


def test_a_report_titled_decisions_and_actions_lists_none() -> None:
    text = (
        "Commissioner's Decisions and Actions\n\n"
        "The Commissioner introduced the report, which set out the decisions he had taken "
        "since the last meeting of the Panel.\n"
    )
    assert actions_in(text) == []


def test_a_post_named_by_its_first_two_words() -> None:
    assert resolve_owners("Policy Officer", BOARD).owners == ["Cyril Tapping"]
    assert resolve_owners("the Head of Communications", BOARD).owners == ["Maud Everill"]
    assert resolve_owners("Deputy Chief", BOARD).owners == []


def test_bracketed_initials_hand_on_the_next_part_of_an_action() -> None:
    for text, owners in (
        (
            "Action – Force to cost the extra patrols and where the officers would come "
            "from (OH) to bring a paper to the Board in June",
            ["Force", "Oswin Harcourt"],
        ),
        (
            "Action: DCC to draft the letter to the three councils, (ME) to circulate it to "
            "members once agreed.",
            ["Nell Quarry", "Maud Everill"],
        ),
    ):
        (action,) = actions_in(text, BOARD)
        assert action.owners == owners, text


def test_an_abbreviation_in_brackets_after_a_name_hands_on_nothing() -> None:
    text = "Action: DCC to ask the Police and Crime Panel (ME) to review the protocol."
    (action,) = actions_in(text, BOARD)
    assert action.owners == ["Nell Quarry"]


def test_the_one_who_reports_on_a_numbered_action_owns_it() -> None:
    for text in (
        "2a. Action 7/19 Custody Refurbishment update\nDCC Quarry gave a verbal update on "
        "the tender.\n",
        "Action 12 Body Worn Video Rollout\nNell Quarry said the last cameras would arrive "
        "in June.\n",
    ):
        (action,) = actions_in(text, BOARD)
        assert action.owners == ["Nell Quarry"], text


def test_a_register_code_after_the_action_flag_is_its_reference() -> None:
    for text, reference, owners in (
        (
            "3. Finance\nThe overspend was discussed.\n"
            "ACTION EXB/B/022/2019 - Oswin Harcourt to review the overtime budget and report "
            "back.\n",
            "EXB/B/022/2019",
            ["Oswin Harcourt"],
        ),
        (
            "4. Estates\nThe move was delayed.\n"
            "Action SLT-14: Maud Everill to brief staff on the new timetable.\n",
            "SLT-14",
            ["Maud Everill"],
        ),
    ):
        (action,) = actions_in(text, BOARD)
        assert action.reference == reference, text
        assert action.owners == owners, text


def test_the_owner_named_after_a_dash_in_the_action() -> None:
    for text, owners in (
        (
            "Action: a date for the new custody figures – Oswin Harcourt to follow up",
            ["Oswin Harcourt"],
        ),
        (
            "Action: whether the survey can be repeated next spring - DCC Quarry to confirm.",
            ["Nell Quarry"],
        ),
    ):
        (action,) = actions_in(text, BOARD)
        assert action.owners == owners, text


def test_one_line_citing_several_action_numbers_gives_one_action_each() -> None:
    for text, references in (
        (
            "Completed actions:\n\n  • Action Nos. 12, 14 and 19 from the meeting held on 3rd "
            "March 2019.\n",
            ["12", "14", "19"],
        ),
        ("Action Numbers 7 & 8 were completed and closed.\n", ["7", "8"]),
    ):
        actions = actions_in(text, BOARD)
        assert [a.reference for a in actions] == references, text
        assert len({a.text for a in actions}) == 1, text
