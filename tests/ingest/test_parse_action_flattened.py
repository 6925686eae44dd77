"""Actions in text that lost its layout: tables flattened with " / " between cells,
numbered flags glued to the sentence before them, entries led by a register's code."""

import datetime as dt

from ingest.draft import ActionDraft, AttendeeDraft
from ingest.parse.actions import parse_actions
from ingest.parse.document import parse_document
from ingest.parse.owners import resolve_owners
from records.enums import ActionStatus

JUNE_2020 = dt.date(2020, 6, 24)

TEAM = [
    AttendeeDraft("Dorian Feld", "Chief Constable", "CC"),
    AttendeeDraft("Ines Marr", "Deputy Chief Constable", "DCC"),
    AttendeeDraft("Edna Pilling", "Head of HR", None),
    AttendeeDraft("Rhodri Vaughan-Tate", "Assistant Chief Constable", "ACC"),
]


def actions_in(text: str) -> list[ActionDraft]:
    actions, _ = parse_actions(text, [], TEAM, meeting_date=JUNE_2020)
    return actions


def test_an_action_log_flattened_with_slashes_between_its_cells() -> None:
    for header in ("Ref / Action / Owner / Status", "No. / Action required / Lead / RAG"):
        text = (
            "4. Action log\n\n"
            f"{header}\n"
            "1 / Provide the overtime figures by directorate / DCC / Open\n"
            "2 / Review the Risk / Performance report for the Board / CC / Complete\n"
            "3 / Circulate the estates strategy to all members / Ines Marr / Ongoing\n\n"
            "5. Finance\n\nThe budget was noted.\n"
        )
        actions = actions_in(text)
        assert [(a.reference, a.text, a.owners, a.status) for a in actions] == [
            ("1", "Provide the overtime figures by directorate", ["Ines Marr"], ActionStatus.OPEN),
            (
                "2",
                "Review the Risk / Performance report for the Board",
                ["Dorian Feld"],
                ActionStatus.COMPLETED,
            ),
            (
                "3",
                "Circulate the estates strategy to all members",
                ["Ines Marr"],
                ActionStatus.IN_PROGRESS,
            ),
        ], header


def test_rows_of_a_flattened_log_are_no_items() -> None:
    text = (
        "Minutes of the Chief Officer Group held on 3 March 2021\n\n"
        "4. Action log\n\n"
        "Ref / Action / Owner / Status\n"
        "1 / Provide the overtime figures by directorate / DCC / Open\n"
        "2 / Circulate the estates strategy to all members / CC / Ongoing\n\n"
        "5. Finance\n\nThe budget was noted.\n"
    )
    assert [item.number for item in parse_document(text).items] == ["4", "5"]


def test_a_flag_cell_flattened_with_its_action_owner_and_status() -> None:
    text = (
        "3. / Finance\n"
        "Ms Marr set out the first quarter position.\n"
        "ACTION / Mrs Pilling to look again at PCSO intake and training / EP\n"
        "Officer pay is forecast to be over budget.\n"
        "Action 4 / Bring the overtime figures to the next meeting / DCC / Open\n"
    )
    actions = actions_in(text)
    assert [(a.reference, a.text, a.owners) for a in actions] == [
        (None, "Mrs Pilling to look again at PCSO intake and training", ["Edna Pilling"]),
        ("4", "Bring the overtime figures to the next meeting", ["Ines Marr"]),
    ]
    assert actions[1].status is ActionStatus.OPEN


def test_a_list_lead_joined_to_its_words_by_a_slash_is_no_row() -> None:
    text = (
        "Actions/ further information to be provided:\n\n"
        "R21/20 - The Commissioner to provide the Panel with the number of speeding offences "
        "detected by community groups in each borough since April 2020.\n\n"
        "R22/20 – The Chief Finance Officer to circulate a breakdown of the unreclaimed costs "
        "by category.\n"
    )
    actions = actions_in(text)
    assert [(a.reference, (a.owner_text or "").removeprefix("The ")) for a in actions] == [
        ("R21/20", "Commissioner"),
        ("R22/20", "Chief Finance Officer"),
    ]


def test_numbered_flags_glued_to_the_sentence_before_them() -> None:
    text = (
        "3. Minutes and Actions ChairMinutes:The minutes were agreed as accurate.Action "
        "Updates: The actions were updated as outlined below.Action 11032020.2 Chair to write "
        "to the Liaison Officer about the protocol – complete.Action 11032020.4 DCC to "
        "circulate the revised guidance – carried forward.4. Enforcement ACC Vaughan-TateThe "
        "ACC outlined the approach.Action 24062020.1 ACC Vaughan-Tate to share the breakdown "
        "of notices by age group with the Committee.\n"
    )
    actions = actions_in(text)
    assert [(a.reference, a.owners) for a in actions] == [
        ("11032020.2", []),
        ("11032020.4", ["Ines Marr"]),
        ("24062020.1", ["Rhodri Vaughan-Tate"]),
    ]
    assert [a.status for a in actions[:2]] == [ActionStatus.COMPLETED, ActionStatus.DEFERRED]


def test_a_double_barrelled_surname_after_a_rank() -> None:
    for owner in ("ACC Vaughan-Tate", "Vaughan-Tate", "Mr Vaughan-Tate"):
        assert resolve_owners(owner, TEAM).owners == ["Rhodri Vaughan-Tate"], owner
    assert resolve_owners("Supt Tate-Lyle", TEAM).owners == []
