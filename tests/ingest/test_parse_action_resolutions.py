"""Tasks that resolutions set, owners joined in one flag, and sentences that set no task."""

import datetime as dt

import pytest

from ingest.draft import ActionDraft, AttendeeDraft
from ingest.parse.actions import parse_actions
from ingest.parse.owners import resolve_owners

MARCH_2021 = dt.date(2021, 3, 3)

PANEL = [
    AttendeeDraft("Hilda Brampton", "Chairman", None),
    AttendeeDraft("Oswin Pargeter", None, None),
    AttendeeDraft("Petra Lindqvist", "Police and Crime Commissioner", "PCC"),
]


def actions_in(text: str, attendees: list[AttendeeDraft] | None = None) -> list[ActionDraft]:
    actions, _ = parse_actions(text, [], attendees or PANEL, meeting_date=MARCH_2021)
    return actions


def owned(actions: list[ActionDraft]) -> list[tuple[str, str | None]]:
    return [(a.text, a.owner_text) for a in actions]


def test_an_owner_and_the_bare_verb_of_a_decision() -> None:
    for decision in (
        "RESOLVED that the Clerk write to the Home Office about the grant.",
        "AGREED that the Clerk write to the Home Office about the grant.",
        "Resolved:- That the Clerk write to the Home Office about the grant.",
        "It was agreed that the Clerk write to the Home Office about the grant.",
    ):
        (action,) = actions_in(f"7. Grant\n\n{decision}\n")
        assert action.owner_text == "Clerk", decision
        assert "write to the Home Office" in action.text


def test_each_clause_of_a_decision_is_a_task_of_its_own() -> None:
    text = (
        "5. Membership\n\n"
        "RESOLVED that the panel delegate authority to the Monitoring Officer to settle the "
        "wording of the protocol; and that the Monitoring Officer circulate the final version "
        "to Members.\n\n"
        "6. Survey\n\n"
        "Resolved – That the report be noted and the Assistant Secretary report to the next "
        "meeting on the outstanding vacancies.\n"
    )
    assert owned(actions_in(text)) == [
        (
            "RESOLVED that the panel delegate authority to the Monitoring Officer to settle the "
            "wording of the protocol",
            "Monitoring Officer",
        ),
        ("the Monitoring Officer circulate the final version to Members.", "Monitoring Officer"),
        (
            "Resolved – That the report be noted and the Assistant Secretary report to the next "
            "meeting on the outstanding vacancies.",
            "Assistant Secretary",
        ),
    ]


def test_and_inside_an_owners_name_joins_no_clause() -> None:
    text = (
        "(b) That the Consultation and Partnership Manager report to the July meeting on the "
        "reply rate.\n"
    )
    (action,) = actions_in(text)
    assert action.owner_text == "Consultation and Partnership Manager"


def test_someone_requested_or_asked_to_act_in_a_decision() -> None:
    text = (
        "3. Fire Performance\n\n"
        "3.1     NOTED the performance of the service for the quarter; and\n\n"
        "3.2     REQUESTED the Local Senior Officer to provide Members with a breakdown of "
        "false alarms by premises type for the next meeting.\n\n"
        "4. Custody\n\n"
        "RESOLVED that the Panel ask the Commissioner to report back on the custody review.\n"
    )
    assert [a.owner_text for a in actions_in(text)] == ["Local Senior Officer", "Commissioner"]


def test_lettered_tasks_of_one_request_share_its_owner() -> None:
    for joint in ("; and (b) ", ";\n(b) "):
        text = (
            "4. Panel membership\n\n"
            "RESOLVED that the Head of Democratic Services be asked to (a) take the steps "
            f"needed to restore the political balance of the Panel{joint}arrange the "
            "recruitment of a further independent member.\n"
        )
        actions = actions_in(text)
        assert [a.owner_text for a in actions] == ["Head of Democratic Services"] * 2, joint
        assert actions[1].text.startswith("arrange the recruitment")


def test_clauses_under_a_decisions_lead_without_the_word_that() -> None:
    text = (
        "165 FIRST FLOOR WORKS\n"
        "ORDERED that:\n"
        "1.\n"
        "2.\n"
        "The survey be commissioned at a cost not\n"
        "exceeding £4,500.\n"
        "The Chief Executive report the business case\n"
        "to the March meeting of the Authority.\n"
    )
    (action,) = actions_in(text)
    assert action.owner_text == "Chief Executive"
    assert action.text.startswith("The Chief Executive report the business case")


def test_a_numbered_clause_of_a_resolution_list_with_a_slip_of_grammar() -> None:
    text = (
        "9/13 PERFORMANCE UPDATE\n"
        "RESOLVED that:\n\n"
        "1. the figures presented be noted.\n\n"
        "2. the Commissioner brings reports to the Panel relating to:\n\n"
        "- his review of the dog unit.\n"
    )
    (action,) = actions_in(text)
    assert action.owner_text == "Commissioner"


def test_decisions_that_set_nobody_a_task() -> None:
    text = (
        "RESOLVED that Councillor Hilda Brampton be appointed Chairman for 2021/22.\n\n"
        "RESOLVED that the Panel write to the Home Secretary.\n\n"
        "RESOLVED that the Commissioner's Annual Report 2020/21 be endorsed.\n\n"
        "Officers provide a monthly update to the Commissioner on demand.\n\n"
        "AGREED that the Chief Constable report be noted.\n"
    )
    assert actions_in(text) == []


def test_agenda_purposes_and_errands_in_the_room_are_no_actions() -> None:
    text = (
        "    2. Appointments to the Authority - The Authority is asked to make member "
        "appointments including:\n\n"
        "Cllr Oswin Pargeter and Cllr Hilda Brampton left the room at 10:55am to invite the "
        "Commissioner and his team to join the meeting.\n\n"
        "2. URGENT BUSINESS AND EXCLUSION OF THE PRESS To consider any urgent items of "
        "business.\n\n"
        "1. Performance Committee Brief update from the meeting held on 4th November.\n\n"
        "2. The Commissioner set out her proposal to raise the precept by 1.96%.\n"
    )
    assert actions_in(text) == []


def test_a_promise_joined_to_a_sentence_opened_by_a_pronoun() -> None:
    text = (
        "The PCC said she kept those areas under review. She added that she held the Chief "
        "Constable to account through the Scrutiny Board and would share the board's terms "
        "of reference with Members.\n"
    )
    (action,) = actions_in(text)
    assert action.owner_text == "PCC"
    assert action.owners == ["Petra Lindqvist"]


def test_promises_to_draw_up_or_ensure_something() -> None:
    text = (
        "The Chairman said that Oswin Pargeter would draw up a short summary of the findings "
        "for the Panel.\n\n"
        "In answer to a question, the Police and Crime Commissioner confirmed he would ensure "
        "the wording in the Plan was changed.\n"
    )
    assert [a.owner_text for a in actions_in(text)] == [
        "Oswin Pargeter",
        "Police and Crime Commissioner",
    ]


def test_two_owners_named_in_full_both_kept() -> None:
    for joined in ("Ruth Halloway/ Dafydd Price", "Ruth Halloway and Dafydd Price"):
        assert resolve_owners(joined, PANEL).owners == ["Ruth Halloway", "Dafydd Price"]
    mixed = resolve_owners("Oswin Pargeter / Dafydd Price", PANEL)
    assert mixed.owners == ["Oswin Pargeter", "Dafydd Price"]


def test_a_flag_line_with_two_owners_under_its_paragraph() -> None:
    text = (
        "22.3  The Panel asked for confirmation that the inspectorate would be coming back in "
        "September and for news of its report.\n"
        "ACTION                       Ruth Halloway/ Oswin Pargeter\n"
    )
    (action,) = actions_in(text)
    assert action.owners == ["Ruth Halloway", "Oswin Pargeter"]


def test_owners_by_rank_or_grade_and_surname() -> None:
    staff = [
        AttendeeDraft("F Ambrose", "ACC, Central Operations", None),
        AttendeeDraft("C Fairlie", "Port Policing", None),
        AttendeeDraft("Ruth Dimmock", "PSE, Service Delivery Manager", None),
    ]
    assert resolve_owners("ACC Ambrose and T/D/Supt Fairlie", staff).owners == [
        "F Ambrose",
        "C Fairlie",
    ]
    assert resolve_owners("PSE Dimmock", staff).owners == ["Ruth Dimmock"]
    # someone the attendance does not list, named by rank and surname, is kept as written
    assert resolve_owners("ACC Ambrose and A/Supt Kettle", staff).owners == [
        "F Ambrose",
        "A/Supt Kettle",
    ]


def test_a_post_held_for_now_is_not_the_post_it_assists() -> None:
    team = [
        AttendeeDraft("Graham Leyland", "Temporary Assistant Chief Constable", "T/ACC"),
        AttendeeDraft("Helen Ackroyd", "Chief Finance Officer", "CFO"),
    ]
    assert resolve_owners("CC", team).owners == []
    assert resolve_owners("ACC", team).owners == ["Graham Leyland"]


def test_lettered_tasks_run_together_or_listed_under_the_request() -> None:
    for tasks in (
        "be asked to (a) take the steps needed to restore the balance and (b) arrange the "
        "recruitment of a further member.",
        "be requested to a) take the steps needed to restore the balance, b) arrange the "
        "recruitment of a further member.",
        "be asked to:\n(a) take the steps needed to restore the balance; and\n(b) arrange the "
        "recruitment of a further member.",
    ):
        text = f"127. Membership\n\nRESOLVED that the Head of Democratic Services {tasks}\n"
        actions = actions_in(text)
        assert [a.owner_text for a in actions] == ["Head of Democratic Services"] * 2, tasks
        assert "take the steps" in actions[0].text and "arrange" not in actions[0].text
        assert "arrange the recruitment" in actions[1].text


def test_a_task_with_the_bare_verb_carried_under_matters_arising() -> None:
    text = (
        "3.\nMATTERS ARISING\n"
        "NEIGHBOURHOOD BASES\n"
        "Head of Estates look at shared front counters as Neighbourhood bases, working "
        "alongside the review of the team footprint. Options are being worked up.\n"
        "RELOCATION OF MEMORIALS\n"
        "Head of Estates to set out the options to the families.\n"
        "4.\nFINANCE\n"
        "The Force set out how the budget had been spent.\n"
    )
    assert [a.owner_text for a in actions_in(text)] == ["Head of Estates", "Head of Estates"]


def test_a_pronoun_stands_for_a_person_not_a_scheme_named_in_capitals() -> None:
    text = (
        "The Commissioner, Petra Lindqvist, introduced her quarterly update.\n\n"
        "·       The Community Speedwatch scheme now covered 118 villages.\n\n"
        "·       She would ask the Chief Constable to bring figures on rural burglary to the "
        "February meeting.\n"
    )
    (action,) = actions_in(text)
    assert action.owners == ["Petra Lindqvist"]


def test_honours_after_an_attendees_name_are_no_part_of_it() -> None:
    members = [AttendeeDraft("Harun Qadri OBE", None, None), *PANEL]
    for owner in ("Harun Qadri", "Mr Qadri", "HQ"):
        assert resolve_owners(owner, members).owners == ["Harun Qadri OBE"], owner


def test_a_flag_and_its_owner_flattened_into_two_cells() -> None:
    text = (
        "22.2  Members asked that from now on an action sheet be sent out with the minutes.\n"
        "ACTION / Oswin Pargeter\n\n"
        "22.3  The Panel asked for news of the inspection report and when it would be out.\n"
        "ACTION: Ruth Halloway / Oswin Pargeter\n"
    )
    assert [a.owners for a in actions_in(text)] == [
        ["Oswin Pargeter"],
        ["Ruth Halloway", "Oswin Pargeter"],
    ]


def test_an_undertaking_given() -> None:
    for given in ("gave an undertaking to", "gave his undertaking to", "undertook to"):
        text = f"The Chief Finance Officer {given} circulate the reserves strategy to Members.\n"
        (action,) = actions_in(text)
        assert action.owner_text == "Chief Finance Officer", given


def test_what_an_agenda_asks_of_the_meeting_is_no_action() -> None:
    for line in (
        "3. Complaints - Members are asked to consider the report of the Monitoring Officer.",
        "2. Precept – The Panel is asked to review the proposed precept and make a report.",
        "4. Appointments — The Authority is asked to make appointments to its committees.",
    ):
        assert actions_in(f"{line}\n") == [], line


def test_a_promise_in_an_answer_by_someone_named_with_their_post() -> None:
    text = (
        "The Police and Crime Panel ('the Panel') took questions from the public.\n\n"
        "The Commissioner, Petra Lindqvist, answered that 14 officers had joined the "
        "neighbourhood teams, and that she would send the questioner the figures for each "
        "district.\n"
    )
    (action,) = actions_in(text)
    assert action.owners == ["Petra Lindqvist"]


def test_the_meeting_by_its_full_name_is_no_owner() -> None:
    from ingest.parse.subjects import is_group

    assert is_group("Police and Crime Panel ('the Panel')")
    assert is_group("Joint Audit Committee")
    assert not is_group("Chair of the Panel")
    assert not is_group("Chairman of the Pensions Sub-Committee")
    assert not is_group("Police and Crime Commissioner")


def test_decisions_worded_other_ways() -> None:
    text = (
        "6. Precept\n\n"
        "RESOLVED:\n"
        "(1) That the report be noted.\n"
        "(2) That the Scrutiny Officer circulate the Panel's report to all Members.\n\n"
        "8. Estates\n\n"
        "It was RESOLVED that the Panel's Support Officer arranges a briefing on estates.\n\n"
        "9. Budget\n\n"
        "DECISION: The Chief Finance Officer to provide the reserves forecast for February.\n\n"
        "10. Performance\n\n"
        "The Panel RESOLVED to ask the Commissioner to report back on call answering times.\n\n"
        "11. Victims\n\n"
        "Members AGREED that the Commissioner should bring a report on victim satisfaction to "
        "the June meeting.\n"
    )
    assert [a.owner_text for a in actions_in(text)] == [
        "Scrutiny Officer",
        "Panel's Support Officer",
        "Chief Finance Officer",
        "Commissioner",
        "Commissioner",
    ]


def test_an_aside_after_a_comma_in_a_decision_owns_nothing() -> None:
    text = (
        "1.      That authority be delegated to the Chief Executive, NPCC & CoP, "
        "to take forward the creation of the post for an initial period.\n"
    )
    assert all(a.owner_text != "NPCC & CoP" for a in actions_in(text))


@pytest.mark.parametrize(
    "decision",
    [
        "That an additional meeting of the Marrowshire Police and Crime Panel be scheduled to "
        "take place on 12 January 2022, at 10am.",
        "RESOLVED: That a special meeting be arranged in February to consider the precept.",
        "1. The Panel's comments on the draft Police and Crime Plan be submitted to the "
        "Commissioner in a report from the Chairman.",
        "RESOLVED: That the report be noted and that a further update be brought to the next "
        "meeting of the Committee.",
        "That the response of the Commissioner be noted and a further report be submitted to "
        "the Panel in July.",
        "Resolved – that the progress made be welcomed and further progress reports be "
        "presented to the Board every six months.",
    ],
)
def test_a_resolution_about_the_meetings_own_business_is_no_action(decision: str) -> None:
    assert actions_in(f"8. Police and Crime Plan\n\n{decision}\n") == []


@pytest.mark.parametrize(
    "decision",
    [
        "RESOLVED: That a report on the quangle rota be brought to the next meeting of the Panel.",
        "That the further figures asked for by the Panel's members be supplied before the "
        "next meeting.",
    ],
)
def test_something_to_be_brought_to_the_meeting_is_still_an_action(decision: str) -> None:
    assert len(actions_in(f"8. Police and Crime Plan\n\n{decision}\n")) == 1
