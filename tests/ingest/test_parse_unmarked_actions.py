"""Actions minutes record without an "Action:" marker: reference codes of an action register,
undertakings and requests in sentences, lists after "undertook to:", and reviews of earlier
actions under their heading; with their owners resolved from the attendance."""

import datetime as dt

import pytest

from ingest.clean import clean_text
from ingest.draft import ActionDraft, AttendeeDraft
from ingest.parse.actions import parse_actions
from ingest.parse.owners import resolve_owners
from records.enums import ActionStatus

MAY_2023 = dt.date(2023, 5, 17)

WESTDALE = [
    AttendeeDraft("Helen Prowse", "Chair", None),
    AttendeeDraft("Owen Tarrant", "Police and Crime Commissioner", "PCC"),
    AttendeeDraft("Keith Haslam", "Director of Resources", None),
    AttendeeDraft("Bryony Price", "Democratic Services Manager", None),
    AttendeeDraft("Imran Sadiq", "Deputy Commissioner, MPS", None),
    AttendeeDraft("Ruth Lowell", "Chief Finance Officer", "RL"),
    AttendeeDraft("Dan Carver", "Deputy Chief Constable", "DC"),
]


def actions_in(text: str, attendees: list[AttendeeDraft] | None = None) -> list[ActionDraft]:
    cleaned = clean_text(text).text
    actions, _ = parse_actions(cleaned, [], attendees or [], meeting_date=MAY_2023)
    for action in actions:
        source = " ".join(cleaned[action.span.start : action.span.end].split())
        assert " ".join(action.text.split()) in source
    return actions


def owners_of(actions: list[ActionDraft]) -> list[list[str]]:
    return [a.owners or ([a.owner_text] if a.owner_text else []) for a in actions]


# --- reference codes -------------------------------------------------------------------------


def test_entries_led_by_register_codes_under_a_references_heading() -> None:
    text = (
        "Public Outstanding References\n\n"
        "Members received the list of references carried forward.\n\n"
        "3/2022/P – Street lighting survey\n\n"
        "·  The Assistant Commissioner undertook to send Members the survey results.\n\n"
        "4/2022/P – Cycle theft campaign\n\n"
        "·  Members were told that this reference was complete and could be closed.\n\n"
        "Members were told that the other references had been completed.\n\n"
        "·  7/2022/P (Charge rates)\n"
        "·  8/2022/P (Vetting backlog\n\n"
        "RESOLVED, that the report be noted.\n"
    )
    actions = actions_in(text)
    assert [(a.reference, a.text) for a in actions] == [
        ("3/2022/P", "Street lighting survey"),
        ("4/2022/P", "Cycle theft campaign"),
        ("7/2022/P", "Charge rates"),
        ("8/2022/P", "Vetting backlog"),
    ]
    assert owners_of(actions)[0] == ["Assistant Commissioner"]
    assert actions[0].updates[0].text.startswith("The Assistant Commissioner undertook")
    assert [a.status for a in actions[1:]] == [ActionStatus.COMPLETED] * 3


def test_dated_register_codes_lead_their_updates() -> None:
    text = (
        "Rolling Action Log and Matters Arising\n"
        "20230110 - ACC- 003 - Members had asked for the stop and search figures by ward. "
        "Supt Alan Reid (AReid) explained that the figures would follow in June.\n"
        "20230110 - ACC- 006 – Members agreed that this action could be closed.\n"
    )
    actions = actions_in(text)
    assert [a.reference for a in actions] == ["20230110 - ACC- 003", "20230110 - ACC- 006"]
    assert actions[0].owners == ["Alan Reid"]
    assert actions[1].status is ActionStatus.COMPLETED


def test_codes_cited_in_sentences_and_codes_of_the_same_shape() -> None:
    text = (
        "Outstanding References\n\n"
        "Officers told the Board that action 12/2023/P, on the lease of the boat house, "
        "would be covered by a paper at the next meeting.\n\n"
        "Members heard that actions 14/2023/P and 15/2023/P were complete. On 16/2023/P "
        "the Board heard that the work had slipped to the autumn.\n"
    )
    actions = actions_in(text)
    assert [a.reference for a in actions] == ["12/2023/P", "14/2023/P", "15/2023/P", "16/2023/P"]
    assert [a.status for a in actions[1:3]] == [ActionStatus.COMPLETED] * 2


@pytest.mark.parametrize(
    ("text", "reference", "words", "status"),
    [
        (
            "The Town Clerk said that Outstanding Reference No.6 – Graffiti Removal had "
            "been completed.",
            "6",
            "Graffiti Removal had been completed.",
            ActionStatus.COMPLETED,
        ),
        (
            "Reference Action SPAB220914-011. The draft overtime policy went to the "
            "People Committee in May.",
            "SPAB220914-011",
            "The draft overtime policy went to the People Committee in May.",
            ActionStatus.OPEN,
        ),
        (
            "On Action 20230412-BM-002, the Chief Executive reported the reply she had had.",
            "20230412-BM-002",
            "On Action 20230412-BM-002, the Chief Executive reported the reply she had had.",
            ActionStatus.OPEN,
        ),
    ],
)
def test_a_code_after_action_or_reference(
    text: str, reference: str, words: str, status: ActionStatus
) -> None:
    (action,) = actions_in(text)
    assert (action.reference, action.text, action.status) == (reference, words, status)


def test_series_codes_and_minute_references_lead_entries_only_under_a_review() -> None:
    text = (
        "Matters arising\n\n"
        "WSP04 – this action was complete and the outcome was in the delivery plan.\n\n"
        "WSP09 – an update would be given at the next meeting.\n\n"
        "5.\n\nResolutions Tracker\n\n"
        "Minute 41 – March 2022 - Resolutions Report - Night Time Economy\n\n"
        "The Licensing Manager had agreed to arrange a visit to the CCTV suite.\n"
    )
    actions = actions_in(text)
    assert [a.reference for a in actions] == ["WSP04", "WSP09", "41"]
    assert actions[0].status is ActionStatus.COMPLETED
    assert owners_of(actions)[2] == ["Licensing Manager"]
    assert actions_in("Budget\n\nWSP04 – the figures were noted.\n") == []
    decisions = "Decisions taken\n\nPCC-2022-14 – Award of the cleaning contract\n"
    assert actions_in(decisions) == []
    logged = "Action log\n\nPCC-2022-14 – Cleaning contract: the award was delayed.\n"
    assert [a.reference for a in actions_in(logged)] == ["PCC-2022-14"]


def test_paragraphs_tagged_with_a_reference() -> None:
    text = (
        "A Member asked for a correction to the minutes of 4 April. It was agreed that the "
        "corrected minutes would come back to the next meeting. (AP2)\n\n"
        "The Chair sought an assurance that the new rota would be shared with Members. The "
        "Deputy Chief Constable gave that assurance. (3)\n"
    )
    actions = actions_in(text, WESTDALE)
    assert [a.reference for a in actions] == ["AP2", "3"]
    assert actions[1].owners == ["Dan Carver"]


def test_numbers_and_dates_are_not_codes() -> None:
    text = (
        "The report of 12/05/2023 was noted. Members referred to the 2019 reference group.\n"
        "Terms of Reference 2023 were agreed.\n"
    )
    assert actions_in(text) == []


# --- sentences -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "owners"),
    [
        ("Mr Haslam undertook to make sure that a date was fixed before the summer.",
         ["Keith Haslam"]),
        ("The Commissioner agreed to send Councillor Hale the figures for stolen tools.",
         ["Owen Tarrant"]),
        ("In reply to a question on sickness, Mr Haslam will confirm the figures for staff.",
         ["Keith Haslam"]),
        ("The Democratic Services Manager said he would take legal advice and report to the "
         "next meeting.", ["Bryony Price"]),
        ("The Constabulary had offered to share the notes of its own review.", ["Constabulary"]),
        ("It was agreed that a report on the tendering problems would come to the Committee "
         "in September.", []),
        ("It was agreed that the briefing on empty homes would be added to the work "
         "programme.", []),
    ],
)  # fmt: skip
def test_undertakings_and_agreements_in_sentences(sentence: str, owners: list[str]) -> None:
    text = f"Item 4 Performance\n\nMembers discussed the report. {sentence}\n"
    (action,) = actions_in(text, WESTDALE)
    assert sentence.rstrip(".") in action.text
    assert owners_of([action]) == [owners]


def test_a_pronoun_stands_for_the_one_who_spoke_before() -> None:
    text = (
        "The Police and Crime Commissioner said that two of the six posts were still to be "
        "filled. He would update the Panel in the new year.\n"
    )
    (action,) = actions_in(text, WESTDALE)
    assert action.text == "He would update the Panel in the new year."
    assert action.owners == ["Owen Tarrant"]


def test_a_request_answered_by_a_promise() -> None:
    text = (
        "Cllr Moss asked for a breakdown of the funding for each ward. This will be "
        "provided at the next board meeting.\n"
    )
    (action,) = actions_in(text)
    assert action.text.startswith("Cllr Moss asked for a breakdown")


@pytest.mark.parametrize(
    ("clause", "owners"),
    [
        ("(2) That the Temporary Scrutiny Officer be asked to consult Members on a date.",
         ["Temporary Scrutiny Officer"]),
        ("(ii) to note the concerns raised, and to ask Chief Inspector Mary Lowe, Central "
         "Division, Police Scotland to bring a report to the meeting in June;",
         ["Mary Lowe"]),
        ("(iii) to ask that the Fire Service report back on the road casualty figures;",
         ["Fire Service"]),
        ("RESOLVED that the Commissioner be asked to report back on the precept.",
         ["Owen Tarrant"]),
    ],
)  # fmt: skip
def test_resolutions_that_ask_someone_to_act(clause: str, owners: list[str]) -> None:
    (action,) = actions_in(f"The Committee resolved:-\n{clause}\n", WESTDALE)
    assert owners_of([action]) == [owners]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chairman will answer any questions from the public.",
        "The Panel will be asked to confirm the minutes of its last meeting.",
        "Ms Lang signed her declaration of office and undertook to abide by the Code.",
        "Marking kits were being offered to tradespeople free of charge.",
        "It was agreed that this would be taken as declared at each meeting he attends.",
        "To report any other business the Chairman has agreed to take.",
        "RESOLVED – That Mrs Okafor be invited to continue as a co-opted member.",
        "MOTION - That the public be asked to leave for the items below.",
        "Mr Aldridge asked whether future reports could include benchmarking.",
        "The Chair confirmed that the April meeting would be replaced by a workshop.",
    ],
)
def test_sentences_that_record_no_action(sentence: str) -> None:
    assert actions_in(f"Item 2 Business\n\nMembers discussed the report. {sentence}\n") == []


def test_minutes_that_mark_their_actions_are_not_read_for_more() -> None:
    text = (
        "The DCC agreed to provide the figures for each district.\n"
        "Action 1: DCC to provide the figures by 30 June 2023.\n"
    )
    (action,) = actions_in(text, WESTDALE)
    assert (action.reference, action.owners) == ("1", ["Dan Carver"])


def test_a_resolution_printed_twice_is_one_action() -> None:
    clause = "(2) That the Scrutiny Officer be asked to arrange a site visit.\n\n"
    text = f"Decision:\n\n{clause}Minutes:\n\nThe item was discussed.\n\nRESOLVED:\n\n{clause}"
    assert len(actions_in(text)) == 1


# --- lists -----------------------------------------------------------------------------------


def test_bullets_after_undertook_to() -> None:
    text = (
        "5.4  In the course of the session the Deputy Commissioner, MPS, undertook to:\n"
        "·  Provide the cost of policing the summer festivals;\n"
        "·  Look into whether volunteers could use the online training.\n\n"
        "5.5  In the course of the session the Commissioner undertook to:\n"
        "·  To consider how knife crime figures are shown\n"
    )
    actions = actions_in(text, WESTDALE)
    assert [(a.reference, a.owners) for a in actions] == [
        ("5.4", ["Imran Sadiq"]),
        ("5.4", ["Imran Sadiq"]),
        ("5.5", ["Owen Tarrant"]),
    ]
    assert actions[1].text.startswith("Look into whether volunteers")


def test_lines_after_a_sentence_about_the_actions() -> None:
    text = (
        "All of the actions from the previous meeting had been completed:\n\n"
        "- figures on the fuel theft campaign\n"
        "- a briefing on retail crime\n\n"
        "36.\n\nDeclarations of Interest\n"
    )
    actions = actions_in(text)
    assert [a.text for a in actions] == [
        "figures on the fuel theft campaign",
        "a briefing on retail crime",
    ]
    assert {a.status for a in actions} == {ActionStatus.COMPLETED}


def test_bullets_run_together_in_a_review_of_actions() -> None:
    text = (
        "Review of Actions from Previous meeting Minutes: In answer to points raised the "
        "Commissioner reported that; • The draft plan now covered rural isolation. • Members "
        "had been sent the split of patrol funding. |\n"
    )
    actions = actions_in(text, WESTDALE)
    assert [a.text for a in actions] == [
        "The draft plan now covered rural isolation.",
        "Members had been sent the split of patrol funding.",
    ]
    assert [a.owners for a in actions] == [["Owen Tarrant"], ["Owen Tarrant"]]


# --- reviews of earlier actions --------------------------------------------------------------


def test_paragraphs_under_a_review_of_actions_heading() -> None:
    text = (
        "Review Actions and Recommendations from Previous Meeting\n\n"
        "In March the Panel had asked for a briefing on call handling – the Commissioner "
        "advised that a report appeared later on the agenda.\n\n"
        "Public Questions\n\n"
        "None had been received by the deadline.\n"
    )
    (action,) = actions_in(text, WESTDALE)
    assert action.text.startswith("In March the Panel had asked")
    assert action.owners == ["Owen Tarrant"]


def test_action_updates_section_with_dated_update_lines() -> None:
    text = (
        "Action updates:-\n\n"
        "RL is to clarify the funding position with the Home Office.\n"
        "Update 18.01.23 – Complete\n\n"
        "Action 21 Carried forward to the next meeting.\n\n"
        "The action log was noted.\n"
    )
    actions = actions_in(text, WESTDALE)
    assert [(a.reference, a.owners, a.status) for a in actions] == [
        (None, ["Ruth Lowell"], ActionStatus.COMPLETED),
        ("21", [], ActionStatus.DEFERRED),
    ]
    assert actions[0].updates[0].text == "Update 18.01.23 – Complete"


def test_notes_on_the_log_itself_are_no_actions() -> None:
    text = "ACTION LOG AND MATTERS ARISING\nThe action log was noted.\n\nAUDIT UPDATE\n"
    assert actions_in(text) == []


# --- owners ----------------------------------------------------------------------------------


def test_two_owners_with_an_action_each() -> None:
    text = "Actions – DC to review the rota by June and RL to write to the Home Office.\n"
    first, second = actions_in(text, WESTDALE)
    assert (first.text, first.owners) == ("DC to review the rota by June", ["Dan Carver"])
    assert first.due_date == dt.date(2023, 6, 1)
    assert (second.text, second.owners) == ("RL to write to the Home Office.", ["Ruth Lowell"])


def test_an_action_done_jointly_by_two_roles() -> None:
    text = (
        "Action: A review of custody provision is to be prepared jointly by the Chief "
        "Finance Officer and the DCC.\n"
    )
    (action,) = actions_in(text, WESTDALE)
    assert action.owners == ["Ruth Lowell", "Dan Carver"]


def test_a_person_named_in_full_who_is_no_attendee() -> None:
    assert resolve_owners("Chief Superintendent Alan Forbes, North Division", []).owners == [
        "Alan Forbes"
    ]
    assert resolve_owners("SPA Chief Executive Morag Dalgleish", []).owners == ["Morag Dalgleish"]
    assert resolve_owners("Police Scotland", []).owners == []
    assert resolve_owners("Mr Haslam", []).owners == []


def test_same_initials_resolved_by_the_passage_or_left_alone() -> None:
    attendees = [
        AttendeeDraft("John Smith", "Head of Estates", None),
        AttendeeDraft("Jane Swift", "Head of Finance", None),
    ]
    named = resolve_owners("JS", attendees, context="John Smith presented the estates plan.")
    assert named.owners == ["John Smith"]
    both = resolve_owners("JS", attendees, context="John Smith and Jane Swift presented.")
    assert both.owners == [] and both.warnings
    assert resolve_owners("JS", attendees).owners == []


def test_a_surname_two_attendees_share_is_left_unresolved() -> None:
    attendees = [
        AttendeeDraft("H J Whitlock", "Chair", None),
        AttendeeDraft("S Whitlock", "Office of the Police and Crime Commissioner", None),
    ]
    text = (
        "Mrs Whitlock told the committee that a note on the shared post would be added to "
        "the scheme and brought to the next meeting.\n"
    )
    (action,) = actions_in(text, attendees)
    assert (action.owner_text, action.owners) == ("Mrs Whitlock", [])


def test_owners_named_later_in_a_marked_action() -> None:
    attendees = [
        AttendeeDraft("Peter Lund", "Chief Constable", "PL"),
        AttendeeDraft("Rita Moss", "Head of Partnerships", "RM"),
        AttendeeDraft("Sarah Tolley", "Performance Analyst", "ST"),
    ]
    text = (
        "Action – It was agreed that the Chief Constable would invite Rita Moss to the "
        "partnership meetings.\n"
        "Action – PL to pick up with the Head of Crime. RM to pick up with the schools team.\n"
        "Action – The Force should keep monitoring outcomes; the Commissioner wants to know "
        "how it compares. Sarah to obtain this and share it with the Commissioner.\n"
    )
    actions = actions_in(text, attendees)
    assert [(a.text[:22], a.owners) for a in actions] == [
        ("It was agreed that the", ["Peter Lund"]),
        ("PL to pick up with the", ["Peter Lund"]),
        ("RM to pick up with the", ["Rita Moss"]),
        ("The Force should keep ", ["Sarah Tolley"]),
    ]


def test_a_review_that_finds_nothing_outstanding() -> None:
    text = (
        "2. Matters arising\n"
        "The minutes of the meeting held on 3 May 2023 were agreed. Actions from that "
        "meeting were reviewed:\n"
        "There were no outstanding actions.\n\n"
        "3. Domestic Abuse\n"
        "3.1 The DCC said that referrals had risen.\n"
    )
    assert actions_in(text) == []


def test_numbered_headings_end_a_review_of_actions() -> None:
    text = (
        "1. Review of actions\n"
        "Action 2: PCC to present a paper on hate crime\n"
        "Update: Complete. The paper was received.\n"
        "2. Holding to account – Violence Against Women and Girls\n"
        "The Deputy Chief Constable said that overtime of £1.1m had been spent.\n"
    )
    (action,) = actions_in(text, WESTDALE)
    assert (action.reference, action.status) == ("2", ActionStatus.COMPLETED)


def test_questions_about_what_someone_would_do_are_no_promises() -> None:
    text = (
        "Councillor Hale asked whether the Commissioner would provide the figures. Mr Jones "
        "questioned how the OPCC would monitor the contract. The OPCC will share the survey "
        "results with Members.\n"
    )
    (action,) = actions_in(text, WESTDALE)
    assert (action.text, action.owner_text) == (
        "The OPCC will share the survey results with Members.",
        "OPCC",
    )


def test_remarks_under_a_review_of_actions_are_no_actions() -> None:
    text = (
        "Review of actions from the previous meeting\n\n"
        "The Chair thanked officers for the progress made since March.\n\n"
        "Members had asked for the victim survey results; these were circulated in April.\n\n"
        "Next item\n"
    )
    (action,) = actions_in(text)
    assert action.text.startswith("Members had asked for the victim survey")


def test_a_review_title_run_into_its_first_entry_and_the_bullets_under_it() -> None:
    attendees = [
        AttendeeDraft("Sarah Whitlow", "Chief Inspector", "SW"),
        AttendeeDraft("Darren Hale", "Inspector", "DH"),
    ]
    text = (
        "Action updates:- Terms of reference see below.\n"
        "- SW said she had met the neighbourhood teams in two towns. SW found no difference.\n"
        "- SW confirmed she had told the officer concerned about the grounds recorded.\n"
        "Chair Introduction and Welcome.\n"
        "Action – DH to circulate the terms of reference to all members.\n"
    )
    actions = actions_in(text, attendees)
    assert [a.text[:28] for a in actions] == [
        "Terms of reference see below",
        "SW said she had met the neig",
        "SW confirmed she had told th",
        "DH to circulate the terms of",
    ]
    assert owners_of(actions) == [[], ["Sarah Whitlow"], ["Sarah Whitlow"], ["Darren Hale"]]
    # A title such as "Minutes:" before its text is no review of actions.
    assert actions_in("Minutes: the minutes were agreed as a correct record.") == []


def test_lettered_sub_headings_end_a_review_of_actions() -> None:
    text = (
        "2. Action Log/Minutes\n"
        "The minutes of the last meeting were approved.\n"
        "3. Westdale Police\n"
        "a. Current and significant issues emerging\n\n"
        "No significant issues were raised.\n\n"
        "b. For Information and Discussion\n\n"
        "This being the first meeting in the new format, the CC asked the office to say "
        "exactly what it wanted from the weekly meeting.\n"
    )
    assert actions_in(text, WESTDALE) == []


def test_resolutions_that_something_be_brought_or_supplied() -> None:
    text = (
        "RESOLVED that the presentation be received.\n\n"
        "1. The Members' questions and the Commissioner's answers be noted.\n\n"
        "2. The further information asked for above be supplied\n\n"
        "It was agreed that a report on the pilot be brought to the next meeting.\n\n"
        "It was proposed that a letter of thanks be sent to each former member.\n\n"
        "The figures will be provided once they are published.\n"
    )
    actions = actions_in(text)
    assert [(a.reference, a.text[:29]) for a in actions] == [
        ("2", "The further information asked"),
        (None, "It was agreed that a report o"),
    ]


def test_numbered_recommendations_that_someone_do_something() -> None:
    attendees = [AttendeeDraft("Martin Rowe", "Commissioner"), AttendeeDraft("Clare Hebb", None)]
    text = (
        "RESOLVED that the task group's recommendations be noted:\n\n"
        "1. The Force and the PCC report to the Panel every six months on the programme.\n\n"
        "2. Members raise any further questions through the Chair.\n\n"
        "3. The Chief Constable reports that the programme is on track.\n"
    )
    actions = actions_in(text, attendees)
    assert [(a.reference, a.owner_text) for a in actions] == [("1", "Force and the PCC")]
    assert owners_of(actions) == [["Force", "Martin Rowe"]]


# --- sentences: who acts, and what the meeting decides ------------------------------------


def test_an_undertaking_joined_to_what_the_speaker_said() -> None:
    text = (
        "Item 5 Performance\n\nA Member asked why satisfaction had fallen. The Police and "
        "Crime Commissioner explained that the survey provider had changed and undertook "
        "to report the comparable figures at the next meeting.\n"
    )
    (action,) = actions_in(text, WESTDALE)
    assert action.owners == ["Owen Tarrant"]


def test_what_the_meeting_itself_agrees_to_do_is_its_decision() -> None:
    text = (
        "RESOLVED:\n\nThe Panel noted the draft Plan and agreed to submit its comments to "
        "the Commissioner in writing.\n"
    )
    assert actions_in(text, WESTDALE) == []


def test_an_undertaking_whose_words_a_text_extraction_ran_together() -> None:
    text = (
        "42.    The Panelconsidered the annual report. The Commissioner agreedto provide "
        "the comparison table to Panel members before the next meeting.\n"
    )
    (action,) = actions_in(text, WESTDALE)
    assert action.text.startswith("The Commissioner agreedto provide")
    assert action.owners == ["Owen Tarrant"]


def test_a_pronoun_stands_for_a_person_not_a_thing() -> None:
    text = (
        "The Commissioner gave the following answers to questions:\n\n"
        "·  Operation Harvest used money recovered from criminals to fund local groups.\n\n"
        "·  Options were being drawn up for the empty police houses. She agreed to liaise "
        "with Councillor Robson.\n"
    )
    (action,) = actions_in(text, WESTDALE)
    assert action.owners == ["Owen Tarrant"]


def test_an_invitation_to_speak_at_the_meeting_is_no_action() -> None:
    text = (
        "After the Chairman had explained how the precept would be considered, the Police "
        "and Crime Commissioner was invited to present his budget.\n\n"
        "The PCC was invited to provide the Panel with the figures at its next meeting.\n"
    )
    (action,) = actions_in(text, WESTDALE)
    assert action.text.startswith("The PCC was invited to provide")


def test_a_numbered_title_or_a_noun_run_into_a_verb_is_no_recommendation() -> None:
    text = (
        "10. Police and Crime Commissioner for Westdale – HMIC Inspection report on Stop "
        "and Search\n\n"
        "To consider the findings of the inspectorate.\n\n"
        "40.    The Panelreceiveda report fromthe Commissioner regardingroadsafety which "
        "outlined the role of the Force.\n\n"
        "41.    Members raised the following points.\n"
    )
    assert actions_in(text, WESTDALE) == []


def test_lettered_clauses_after_an_undertaking_to_write() -> None:
    text = (
        "4.4  During the discussion, the Deputy Commissioner, MPS, undertook to write to the "
        "Committee:\n\n"
        "(a)  Setting out how many front counters would remain open after 10pm; and\n\n"
        "(b)  With the number of officers moved into neighbourhood teams since April.\n\n"
        "4.5  Resolved:\n"
    )
    actions = actions_in(text, WESTDALE)
    assert [(a.reference, a.text[:20], a.owners) for a in actions] == [
        ("4.4", "Setting out how many", ["Imran Sadiq"]),
        ("4.4", "With the number of o", ["Imran Sadiq"]),
    ]


def test_open_actions_taken_in_turn_is_the_log_not_an_action() -> None:
    text = (
        "1. Action Tracker Review\n\n"
        "Open actions were taken in turn and moved on in line with the tracker. The CC "
        "gave firmer dates for the actions still outstanding.\n\n"
        "2. Introductions\n"
    )
    assert actions_in(text, WESTDALE) == []


def test_register_codes_of_one_digit_after_a_report_on_outstanding_references() -> None:
    text = (
        "The Committee considered a report of the Town Clerk which set out Outstanding "
        "References from previous meetings of the Committee.\n\n\n"
        "OR1 – Street Lighting Survey\n\n"
        "The Chair asked when this action would be delivered. A deadline of June was "
        "agreed.\n\n\n"
        "OR4 – Cycle Theft Evaluation\n\n"
        "The Commissioner confirmed that the evaluation had been received and would be "
        "presented to the Board in November. The reference could be closed.\n\n\n"
        "RESOLVED – That the report be received.\n"
    )
    actions = actions_in(text, WESTDALE)
    assert [(a.reference, a.text) for a in actions] == [
        ("OR1", "Street Lighting Survey"),
        ("OR4", "Cycle Theft Evaluation"),
    ]
    assert actions[1].status == ActionStatus.COMPLETED


# --- owners the passage introduces -----------------------------------------------------------


def test_a_post_the_passage_names_before_or_beside_a_person() -> None:
    before = (
        "The Police and Crime Commissioner, Lionel Drax, introduced the report. A Member "
        "asked about waiting times. The Commissioner said that he would confirm the figure "
        "in writing to the Panel.\n"
    )
    (action,) = actions_in(before)
    assert action.owners == ["Lionel Drax"]
    bracketed = "Nadia Crum (Chief Finance Officer, OPCC) presented the accounts."
    assert resolve_owners("Chief Finance Officer", [], context=bracketed).owners == ["Nadia Crum"]


def test_a_place_before_the_subject_of_a_sentence_is_no_name() -> None:
    text = (
        "A Member asked about the grant to each partnership within Brynmawr Vale, the "
        "Commissioner confirmed the grant would be paid in September.\n\n"
        "The Commissioner advised that the review had finished and that he would circulate "
        "a summary to members before the October meeting.\n"
    )
    (action,) = actions_in(text)
    assert (action.owner_text, action.owners) == ("Commissioner", [])


# --- sentences: what counts as an undertaking ---------------------------------------------------


def test_a_sentence_that_opens_with_who_is_to_do_what() -> None:
    attendees = [AttendeeDraft("P Quilley", "Borough Council", None)]
    text = (
        "4 INDUCTION DAY\n\n"
        "(i) Members asked whether a visit to the control room could be arranged.\n\n"
        "(ii) P Quilley to circulate the slides of the induction day to all members by the "
        "end of the month.\n\n"
        "5 FORWARD PLAN\n\n"
        "The Commissioner to update the Panel orally on his work since it last met.\n"
    )
    (action,) = actions_in(text, attendees)
    assert action.text.startswith("P Quilley to circulate the slides")
    assert action.owners == ["P Quilley"]


def test_something_to_come_to_a_named_meeting_or_the_next_report() -> None:
    text = (
        "(ii) Mr Haslam explained the grant and said that a budget statement would be "
        "brought to the December meeting.\n\n"
        "Councillor Brant asked how the figures compared. Ruth Lowell said that the "
        "comparison would be included in the next quarterly performance report.\n\n"
        "The Chairman reminded members that the annual report would be considered at the "
        "September meeting.\n"
    )
    actions = actions_in(text, WESTDALE)
    assert [a.text[:30] for a in actions] == [
        "Mr Haslam explained the grant ",
        "Ruth Lowell said that the comp",
    ]
    assert owners_of(actions) == [["Keith Haslam"], ["Ruth Lowell"]]


def test_what_the_meeting_arranges_for_itself_or_is_told_is_no_action() -> None:
    text = (
        "(iii) It was agreed that the Panel should meet on a Thursday afternoon where "
        "possible.\n\n"
        "The Chairman confirmed that questions had been received from a resident, and that "
        "a written answer would be published with the minutes.\n"
    )
    assert actions_in(text, WESTDALE) == []


def test_a_person_who_agrees_to_include_something() -> None:
    text = (
        "Points made included:\n\n"
        "·  That the Panel asked for the figures by ward. The Commissioner agreed to "
        "include them from the next report.\n\n"
        "·  Members agreed to include the amendment in their response.\n"
    )
    (action,) = actions_in(text, WESTDALE)
    assert action.text == "The Commissioner agreed to include them from the next report."
    assert action.owners == ["Owen Tarrant"]


def test_an_undertaking_in_an_item_the_marked_actions_leave_alone() -> None:
    text = (
        "2. Urgent items\n\n"
        "Mr Tarrant asked that papers be circulated a week before each meeting.\n\n"
        "ACTION: Ms Price to issue a revised timetable for papers to all attendees.\n\n"
        "3. Performance\n\n"
        "Mr Carver introduced the report and noted that burglary had fallen.\n\n"
        "Mr Carver agreed to bring a short paper on call waiting times to the next meeting.\n\n"
        "4. Finance\n\n"
        "Mr Haslam agreed to circulate the outturn figures.\n\n"
        "ACTION: Mr Haslam to circulate the outturn figures to members.\n"
    )
    actions = actions_in(text, WESTDALE)
    assert [a.text[:28] for a in actions] == [
        "Ms Price to issue a revised ",
        "Mr Carver agreed to bring a ",
        "Mr Haslam to circulate the o",
    ]
    assert owners_of(actions) == [["Bryony Price"], ["Dan Carver"], ["Keith Haslam"]]


def test_what_the_next_report_is_to_hold() -> None:
    text = (
        "In reply to a Member, Officers said that the next quarterly performance report "
        "would include trend charts and a short dashboard for each priority.\n\n"
        "Members noted that the last report had included a dashboard.\n"
    )
    (action,) = actions_in(text, WESTDALE)
    assert action.text.startswith("In reply to a Member, Officers said that the next")


# --- entries and sentences that set no task --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ref 04/2023\nMinutes and action updates (for agreement)\n"
        "Decision: The minutes were accepted.\n"
        "Action updates: Refer to the spreadsheet for updates.\n",
        "Action updates:- Please see the tracker circulated with the papers.\n"
        "Item 5 Estates strategy\nThe paper was noted.\n",
    ],
)
def test_a_review_entry_pointing_to_another_document_is_no_action(text: str) -> None:
    assert actions_in(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Please note: the Chairman will confirm at the start of the meeting that the webcast "
        "is running.",
        "The Clerk would confirm at this meeting whether substitutes had been notified.",
    ],
)
def test_a_promise_kept_within_the_meeting_is_no_action(sentence: str) -> None:
    assert actions_in(f"1. Welcome\n\n{sentence}\n") == []


@pytest.mark.parametrize(
    ("discussion", "resolution", "owner"),
    [
        (
            "Members asked about rural crime. Mr Haslam said the Force had run a survey of "
            "400 farmers last year and would share the survey results with the Panel.",
            "Resolved:- That Mr Haslam be thanked and that the farmers survey results be "
            "circulated to Members.",
            "Mr Haslam",
        ),
        (
            "The Commissioner said the Force would count monthly the hours officers spent "
            "on custody escorts and he would send those hours to the Committee.",
            "RESOLVED – (a) That the report be noted.\n\n(b) That the Commissioner send the "
            "Committee the monthly hours spent on custody escorts.",
            "Commissioner",
        ),
    ],
)
def test_an_undertaking_the_resolution_repeats_is_one_action(
    discussion: str, resolution: str, owner: str
) -> None:
    text = f"4. Rural Crime Report\n\n{discussion}\n\n{resolution}\n\n5. Any Other Business\n"
    actions = actions_in(text)
    assert len(actions) == 1
    assert actions[0].text in resolution
    assert owner in (actions[0].owner_text or "")


@pytest.mark.parametrize(
    "recommendation",
    [
        "2. SMT is asked to consider whether the stations in Kelby and Orton should be "
        "refurbished or replaced and to agree a direction of travel",
        "3. The Board is asked to review the draft estates strategy and to provide any "
        "comments to the Director of Resources.",
        "(b) Members are invited to consider the options set out in section 4.",
    ],
)
def test_a_recommendation_put_to_the_meeting_in_the_present_is_no_action(
    recommendation: str,
) -> None:
    text = (
        "CUSTODY ESTATE\n\n"
        "The Deputy Chief Constable presented the report.\n\n"
        "The following recommendations were put forward:\n\n"
        f"{recommendation}\n\n"
        "The Commissioner was asked to provide the revised costings to the next meeting.\n"
    )
    (action,) = actions_in(text, WESTDALE)
    assert action.text.startswith("The Commissioner was asked to provide")


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("In response to the question from Mrs Varga, the Commissioner said that response "
         "times had improved, but she accepted that they varied and undertook to provide the "
         "Panel with the figures for each district.", "Owen Tarrant"),
        ("Following a question on overtime, the Director of Resources explained the rise and "
         "undertook to circulate a breakdown by command.", "Keith Haslam"),
        ("In reply to Councillor Ames, the Deputy Chief Constable set out the timetable and "
         "agreed to send Members the consultation dates.", "Dan Carver"),
    ],
)  # fmt: skip
def test_a_verb_joined_to_a_sentence_that_opens_with_a_lead_in(sentence: str, owner: str) -> None:
    (action,) = actions_in(f"Item 5 Questions\n\n{sentence}\n", WESTDALE)
    assert action.owners == [owner]


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("Members asked about the 999 call answering times in Halton and the Commissioner "
         "undertook to provide the Panel with the monthly figures.", "Commissioner"),
        ("A member raised the closure of the front counter at Kelby and the Director of "
         "Resources agreed to circulate the footfall figures.", "Director of Resources"),
        ("Concern was expressed about patrols across Westdale and the Deputy Chief Constable "
         "undertook to report back on the new shift pattern.", "Deputy Chief Constable"),
    ],
)  # fmt: skip
def test_a_place_the_sentence_spoke_of_is_not_part_of_who_undertook(
    sentence: str, owner: str
) -> None:
    (action,) = actions_in(f"Item 5 Questions\n\n{sentence}\n")
    assert action.owner_text == owner


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("In response to a question on the fixed penalty notices issued under the Coronavirus "
         "Regulations, the PCC said he would circulate the latest figures.", "PCC"),
        ("Asked about the delays on the A40 Westdale Bypass, the CFO undertook to send Members "
         "the cost of the works.", "CFO"),
        ("On the question of the Quarry Lane Depot, the DCC agreed to provide a note on its "
         "future use.", "DCC"),
    ],
)  # fmt: skip
def test_a_lead_in_ending_in_capitals_before_a_comma_and_the_post(
    sentence: str, owner: str
) -> None:
    (action,) = actions_in(f"Item 5 Questions\n\n{sentence}\n")
    assert action.owner_text == owner


@pytest.mark.parametrize(
    "sentence",
    [
        "The Commissioner outlined his priorities. He indicated that he would bring his draft "
        "Police and Crime Plan to the Panel in the autumn.",
        "The Commissioner said that he would bring the outline budget and the survey results "
        "to the Panel in February.",
        "She hoped she would bring both local and national experience to the role.",
    ],
)
def test_what_someone_would_bring_to_a_later_meeting_is_no_promise(sentence: str) -> None:
    assert actions_in(f"Item 4 Commissioner's update\n\n{sentence}\n", WESTDALE) == []


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        # a promise made on a condition still names who acts
        (
            "Keith Haslam, Director of Resources, informed the Committee that he had written to "
            "the County Council and was still waiting for a reply. If a satisfactory reply was "
            "not received, he would invite representatives from the County Council to attend "
            "the next meeting.",
            "Keith Haslam",
        ),
        (
            "The Chair said that she would invite the Chief Constable to the next meeting.",
            "Helen Prowse",
        ),
    ],
)
def test_a_promise_to_invite_someone_is_an_action(sentence: str, owner: str) -> None:
    actions = actions_in(f"4. Matters arising\n\n{sentence}\n", WESTDALE)
    assert owners_of(actions) == [[owner]]


def test_a_group_agreed_to_design_something_is_an_action() -> None:
    text = (
        "5. Performance\n\nThe Panel welcomed the report. It agreed that the working group "
        "would design a summary format in consultation with the OPCC.\n"
    )
    assert [a.text for a in actions_in(text, WESTDALE)] == [
        "It agreed that the working group would design a summary format in consultation with "
        "the OPCC."
    ]
