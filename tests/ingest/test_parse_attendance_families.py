"""Attendance by family of layout rather than by document: a "PRESENT" heading over
sub-lists, entries that each end at a semicolon with the post before the name, labels
inside one long flattened line or glued to the first name, runs of "Name (INITIALS)" with
no label, and an initials key that names nobody new. Each family is shown in several
variants (separators, labels, name forms)."""

from __future__ import annotations

import pytest

from ingest.clean import clean_text
from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, attendance_of


def _read(raw: str) -> list[tuple[str, str | None, object]]:
    attendance = attendance_of(clean_text(raw).text)
    return [(a.name, a.capacity, a.status) for a in attendance.attendees]


def _names(raw: str) -> list[tuple[str, object]]:
    return [(name, status) for name, _, status in _read(raw)]


# A "PRESENT" heading over sub-lists: the groups under it were present.


def test_present_heading_over_chair_officers_and_minute_taker() -> None:
    raw = (
        "Minutes of the meeting held on 3 May 2016\n\n"
        "PRESENT:-\n"
        "In the Chair: Commissioner Ada Lowe (AL)\n\n"
        "Officers: Chief Constable Ben Roper (BR); Chief Executive Cy Hart (CH)\n\n"
        "Minute taker: Support Officer Dot Vane (DV)\n\n"
        "12. APOLOGIES\n"
    )
    assert _names(raw) == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cy Hart", PRESENT),
        ("Dot Vane", PRESENT),
    ]


def test_present_heading_keeps_an_in_attendance_sub_list_apart() -> None:
    raw = (
        "Present\n"
        "Chair: Councillor Jo Hale\n"
        "Members: Ann Bell (AB); Roy Tapp (RT)\n"
        "Also in attendance: Sam Lee (SL) - Auditor\n"
        "Apologies: Ida Webb\n\n"
        "1. Minutes\n"
    )
    assert _names(raw) == [
        ("Jo Hale", PRESENT),
        ("Ann Bell", PRESENT),
        ("Roy Tapp", PRESENT),
        ("Sam Lee", IN_ATTENDANCE),
        ("Ida Webb", APOLOGIES),
    ]


def test_sub_lists_under_another_heading_keep_their_own_status() -> None:
    raw = (
        "Attendance Details\n\n"
        "Members:\n"
        "Ann Bell - Rye Ward\n"
        "Roy Tapp - Tor Ward\n"
        "Officials:\n"
        "Sam Lee - Chief Executive\n"
        "Ida Webb - Committee Clerk\n\n"
        "1. Minutes\n"
    )
    assert _names(raw) == [
        ("Ann Bell", PRESENT),
        ("Roy Tapp", PRESENT),
        ("Sam Lee", IN_ATTENDANCE),
        ("Ida Webb", IN_ATTENDANCE),
    ]


# Entries ended by semicolons, each a post then a name.


def test_post_before_each_name_between_semicolons() -> None:
    raw = (
        "Present: Chief Constable Ben Roper (BR); Commissioner's Chief Executive Officer "
        "Cy Hart (CH); Acting Head of Legal Services Eve Marr (EM); Head of Estates Tom Rudd\n"
        "1. Minutes\n"
    )
    assert _read(raw) == [
        ("Ben Roper", "Chief Constable", PRESENT),
        ("Cy Hart", "Commissioner's Chief Executive Officer", PRESENT),
        ("Eve Marr", "Acting Head of Legal Services", PRESENT),
        ("Tom Rudd", "Head of Estates", PRESENT),
    ]


def test_post_before_each_name_with_an_entry_that_names_nobody() -> None:
    raw = (
        "In attendance: Director of Finance Ida Webb (IW); Head of Communications (HC); "
        "Treasurer Sam Lee (SL)\n"
        "1. Minutes\n"
    )
    assert _read(raw) == [
        ("Ida Webb", "Director of Finance", IN_ATTENDANCE),
        ("Sam Lee", "Treasurer", IN_ATTENDANCE),
    ]


# Labels inside one long flattened line, with no colons, perhaps glued to the first name.


def test_labels_inside_a_page_read_as_one_line() -> None:
    raw = (
        "upload · 2020\n"
        "1 BOARD MEETING Minutes of the meeting held on Wednesday, 22 May 2019 Venue: Room 5, "
        "Rye House Present Idris Vaughan (Chair) Morwenna Tallis Obi Nwosu Gwen Arkle, Chief "
        "Constable Dafydd Rowe, Director of Finance / T/ACC Apologies Tegan Hollis In "
        "Attendance Priya Lund, Head of Legal Services Sam Orr, Board Secretary [for Ann "
        "Bell, Head of Estates] Start: 10:00 hrs 1 Chairs Announcements The Chair welcomed "
        "members.\n"
    )
    assert _read(raw) == [
        ("Idris Vaughan", None, PRESENT),
        ("Morwenna Tallis", None, PRESENT),
        ("Obi Nwosu", None, PRESENT),
        ("Gwen Arkle", "Chief Constable", PRESENT),
        ("Dafydd Rowe", "Director of Finance / T/ACC", PRESENT),
        ("Tegan Hollis", None, APOLOGIES),
        ("Priya Lund", "Head of Legal Services", IN_ATTENDANCE),
        ("Sam Orr", "Board Secretary", IN_ATTENDANCE),
    ]
    chair = attendance_of(clean_text(raw).text).chair
    assert chair is not None and chair.name == "Idris Vaughan"


def test_labels_glued_to_the_first_name_inside_a_line() -> None:
    raw = (
        "Strategic Board Minutes Tuesday 12 May 2020 10am Room 4 HQ AttendeesGareth Pryce– "
        "Police and Crime Commissioner (Chair)Huw Bevan – Chief ConstableSian Trehearne– "
        "Deputy Chief ConstableTegid Morus – Chief Finance Officer ApologiesBleddyn Rhys – "
        "Chief Executive 1. Minutes of the last meeting The minutes were agreed.\n"
    )
    assert _names(raw) == [
        ("Gareth Pryce", PRESENT),
        ("Huw Bevan", PRESENT),
        ("Sian Trehearne", PRESENT),
        ("Tegid Morus", PRESENT),
        ("Bleddyn Rhys", APOLOGIES),
    ]


def test_labels_in_capitals_and_titled_names_inside_a_line() -> None:
    raw = (
        "Joint Audit Committee 4 June 2021 PRESENT Mrs Ada Lowe (Chair), Mr Ben Roper, "
        "Dr Cy Hart ALSO PRESENT Supt Dot Vane APOLOGIES Mr Eli Ford 2. Declarations of "
        "interest None were declared.\n"
    )
    assert _names(raw) == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cy Hart", PRESENT),
        ("Dot Vane", IN_ATTENDANCE),
        ("Eli Ford", APOLOGIES),
    ]


def test_a_label_inside_an_agenda_items_title_is_no_label() -> None:
    raw = (
        "Agenda Item Lead 1 Welcome and Apologies Dr R Hepworth 2 Minutes of the last "
        "meeting Dr R Hepworth 3 Announcements Ms J Coe\n"
    )
    assert _names(raw) == []


# Names by their shape in a run with no separators.


def test_bare_names_two_words_each_with_a_bracket_after_some() -> None:
    from ingest.parse.name_runs import split_bare_names

    assert split_bare_names("Ann Bell (Chair) Roy Tapp Ida Webb (IW) Sam O'Hara-Lee") == [
        "Ann Bell (Chair)",
        "Roy Tapp",
        "Ida Webb (IW)",
        "Sam O'Hara-Lee",
    ]
    # a title, a word of an office or a name of three words leaves the run whole
    assert split_bare_names("Professor Sir Ann Bell") == ["Professor Sir Ann Bell"]
    assert split_bare_names("Ann Bell Finance Director") == ["Ann Bell Finance Director"]
    assert split_bare_names("Mary Ann Bell Roy Tapp Ida") == ["Mary Ann Bell Roy Tapp Ida"]


# Runs of "Name (INITIALS)" with no label are those present.


def test_initialled_names_in_one_line_with_no_label() -> None:
    raw = (
        "Scrutiny Panel - Minutes August2021\n\n"
        "Date: Thursday 19 August 2021\n\n"
        "Chair Delia Ashcombe-Royle (DAR) Tobi Ekwueme (T) Gail Penhallow (GP) Ioana "
        "Radulescu(IR) Kerry Mardle (KM) Phil Orchard-Vane (POV) Nadia Husain(N\n\n"
        "Also In attendance:\n"
        "Sam Lee (SL) - Treasurer\n\n"
        "Welcome and introductions\n\n"
        "The Chair welcomed everyone.\n"
    )
    attendance = attendance_of(clean_text(raw).text)
    assert [(a.name, a.status) for a in attendance.attendees] == [
        ("Delia Ashcombe-Royle", PRESENT),
        ("Tobi Ekwueme", PRESENT),
        ("Gail Penhallow", PRESENT),
        ("Ioana Radulescu", PRESENT),
        ("Kerry Mardle", PRESENT),
        ("Phil Orchard-Vane", PRESENT),
        ("Nadia Husain", PRESENT),
        ("Sam Lee", IN_ATTENDANCE),
    ]
    assert attendance.chair is not None and attendance.chair.name == "Delia Ashcombe-Royle"


def test_initialled_names_with_titles_and_commas() -> None:
    raw = (
        "Executive Group 3 March 2022\n"
        "Mr Jo Hale (JH), Ms Ann Bell (AB), Supt Roy Tapp (RT) and Dr Ida Webb (IW)\n\n"
        "The group met online.\n"
    )
    assert _names(raw) == [
        ("Jo Hale", PRESENT),
        ("Ann Bell", PRESENT),
        ("Roy Tapp", PRESENT),
        ("Ida Webb", PRESENT),
    ]


def test_two_initialled_names_or_posts_between_them_are_no_such_run() -> None:
    from ingest.parse.name_runs import split_initials_run

    assert split_initials_run("Jo Hale (JH) Ann Bell (AB)") == []
    assert split_initials_run("Jo Hale (JH) Treasurer Ann Bell (AB) Roy Tapp (RT)") == []
    assert split_initials_run("Jo Hale (JH) Ann Bell (AB) Roy Tapp (RT) said that") == []


# A key to initials names nobody new.


def test_key_line_under_a_list_adds_nobody() -> None:
    raw = (
        "Attendees: Ann Bell (Chair), Roy Tapp, Ida Webb, Sam Lee\n\n"
        " Key AB: Ann Bell, RT: Roy Tapp, IW: Ida Webbe, SL: Sgt Sam Lee, MOP: Member of "
        "the public\n\n"
        "Welcome\n"
    )
    assert [name for name, _ in _names(raw)] == ["Ann Bell", "Roy Tapp", "Ida Webb", "Sam Lee"]


def test_legend_lines_without_the_word_key() -> None:
    from ingest.parse.attendance import is_legend

    assert is_legend("JH: Jo Hale; AB: Ann Bell; RT: Roy Tapp")
    assert is_legend("DP = Detained person")
    assert is_legend("Glossary of initials used")
    assert not is_legend("OPCC: Jo Hale (JH), Rye Police: Ann Bell (AB)")
    assert not is_legend("Key decisions taken by the Board")


def test_a_comma_list_of_bare_names_after_posts_is_still_parted() -> None:
    raw = (
        "Present: Jo Hale, Treasurer Ann Bell, Chief Constable Roy Tapp, Ida Webb, Sam Lee, "
        "Eve Marr\n"
        "1. Minutes\n"
    )
    assert [name for name, _ in _names(raw)] == [
        "Jo Hale",
        "Ann Bell",
        "Roy Tapp",
        "Ida Webb",
        "Sam Lee",
        "Eve Marr",
    ]


# An office or a group's word before a name in a comma list, with no colon.


def test_chair_before_the_first_name_with_a_space_only() -> None:
    raw = "Attendees: Chair Leona Bright, Gary Mould VC, Ch Insp Rafi Chow, Abi Curt\n\nWelcome\n"
    attendance = attendance_of(clean_text(raw).text)
    assert [a.name for a in attendance.attendees] == [
        "Leona Bright",
        "Gary Mould",
        "Rafi Chow",
        "Abi Curt",
    ]
    assert attendance.chair is not None and attendance.chair.name == "Leona Bright"


def test_members_word_inside_a_list_before_names() -> None:
    raw = (
        "Present: Chairman Jo Hale, Supt Roy Tapp, Members Desmond Quale, Abi Curt, Fola "
        "Adeyemi\n\n1. Minutes\n"
    )
    assert [name for name, _ in _names(raw)] == [
        "Jo Hale",
        "Roy Tapp",
        "Desmond Quale",
        "Abi Curt",
        "Fola Adeyemi",
    ]


def test_added_members_inside_apologies_keep_the_status() -> None:
    raw = (
        "Apologies for absence were received from Councillors A Brook and R Pine and Added "
        "Members Mr C Mawe and Mrs E Olds.\n"
    )
    assert [status for _, status in _names(raw)] == [APOLOGIES] * 4


# Officers named after a line of titled members, with no label of their own.


def test_untitled_officers_under_mostly_titled_members() -> None:
    raw = (
        "Attendance Details\n\n"
        "Cllr Ada Lowe(Chair), Cllr Ben Roper(Vice-Chair), Cllr Cy Hart, Councillor Dot Vane, "
        "Mr Eli Ford, Cllr Fay Gunn, Martin Storr and Cllr Gil Holt.\n"
        "Ida Jones, Ken Lamb, Lyn Moss (Rye Borough Council).\n"
        "Apologies for absence:\n"
        "Cllr Ned Owen.\n"
    )
    statuses = dict(_names(raw))
    assert statuses["Ada Lowe"] is PRESENT and statuses["Martin Storr"] is PRESENT
    assert [statuses[n] for n in ("Ida Jones", "Ken Lamb", "Lyn Moss")] == [IN_ATTENDANCE] * 3
    assert statuses["Ned Owen"] is APOLOGIES


def test_untitled_names_under_a_mixed_line_stay_present() -> None:
    raw = (
        "Present:\n"
        "Cllr Ada Lowe, Ben Roper, Cy Hart, Dot Vane\n"
        "Ida Jones, Ken Lamb (Rye Borough Council)\n\n"
        "1. Minutes\n"
    )
    assert {status for _, status in _names(raw)} == {PRESENT}


# A page that lost the headings of its "Present" and "Apologies" tables: a wider gap
# parts the blocks, and the text says apologies were noted without naming anyone.


def test_block_after_a_wider_gap_is_the_apologies() -> None:
    raw = (
        "Governance Board\n\nNotes of Meeting\n\nDate: 19th November 2024\n\n\n"
        "Ada Lowe (AL) Chair Police and Crime Commissioner\n\n"
        "Ben Roper (BR) Treasurer\n\n"
        "Cy Hart (CH) Chief Executive Officer\n\n\n"
        "Dot Vane (DV) Deputy Police and Crime Commissioner\n\n"
        "Eli Ford (EF) Assistant Chief Constable\n\n\n\n"
        "Introduction / Attendance / Apologies.\n\n"
        "The PCC welcomed everyone to the meeting and apologies were noted.\n"
    )
    assert _names(raw) == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cy Hart", PRESENT),
        ("Dot Vane", APOLOGIES),
        ("Eli Ford", APOLOGIES),
    ]


def test_blocks_with_commas_and_no_blank_within_them() -> None:
    raw = (
        "Board Notes\n\nWednesday 18 October 2023\n\n\n"
        "Ada Lowe (Chair), Police & Crime Commissioner\n"
        "Ben Roper, T/Chief Constable\n"
        "Cy Hart, Treasurer\n\n\n"
        "Dot Vane, Chief Executive Officer\n\n\n"
        "Welcome\n\nIntroductions were made and apologies noted.\n"
    )
    assert _names(raw)[-1] == ("Dot Vane", APOLOGIES)
    assert {status for _, status in _names(raw)[:-1]} == {PRESENT}


@pytest.mark.parametrize(
    "said",
    [
        "Introduction / Attendance / Apologies. Welcome and apologies were made.",
        "Welcome\n\nIntroductions and apologies were made.",
        "Apologies had been offered; the Chair opened the meeting.",
    ],
)
def test_apologies_said_to_be_made_or_offered_mark_the_block_after_the_wider_gap(
    said: str,
) -> None:
    raw = (
        "Strategic Board\n\nNotes of Meeting\n\nDate: 4th March 2022\n\n\n"
        "Ruth Okafor (RO) Chair, Police and Crime Commissioner\n\n"
        "Tom Birch (TB) Treasurer\n\n"
        "Nia Pryce (NP) Head of Estates\n\n\n"
        "Sam Quill (SQ) Chief Executive Officer\n\n\n\n"
        f"{said}\n"
    )
    assert _names(raw) == [
        ("Ruth Okafor", PRESENT),
        ("Tom Birch", PRESENT),
        ("Nia Pryce", PRESENT),
        ("Sam Quill", APOLOGIES),
    ]


def test_a_wider_gap_without_unnamed_apologies_keeps_everyone_present() -> None:
    raw = (
        "Board Notes\n\nWednesday 18 October 2023\n\n\n"
        "Ada Lowe (AL) Chair\n\nBen Roper (BR) Treasurer\n\nCy Hart (CH) Chief Executive\n\n\n"
        "Dot Vane (DV) Deputy Chief Constable\n\n\n"
        "Welcome\n\nApologies were received from Eli Ford.\n"
    )
    statuses = dict(_names(raw))
    assert statuses["Dot Vane"] is PRESENT and statuses["Eli Ford"] is APOLOGIES


def test_names_and_posts_with_particles_and_unlisted_given_names() -> None:
    raw = (
        "Board 3 May 2021 Present Jan van Berg, Chief Constable Maria de Souza, Treasurer "
        "Kwabena Mensah, Clerk Apologies Siobhan O'Neill 1. Minutes\n"
    )
    assert _read(raw) == [
        ("Jan van Berg", "Chief Constable", PRESENT),
        ("Maria de Souza", "Treasurer", PRESENT),
        ("Kwabena Mensah", "Clerk", PRESENT),
        ("Siobhan O'Neill", None, APOLOGIES),
    ]


def test_labels_with_colons_and_semicolons_inside_a_line() -> None:
    raw = (
        "Audit Committee 3 May 2021 Rye Hall Present: Jo Hale (Chair); Ann Bell; Roy Tapp "
        "Apologies: Ida Webb In attendance: Sam Lee, Clerk 1. Minutes were agreed.\n"
    )
    assert _read(raw) == [
        ("Jo Hale", None, PRESENT),
        ("Ann Bell", None, PRESENT),
        ("Roy Tapp", None, PRESENT),
        ("Ida Webb", None, APOLOGIES),
        ("Sam Lee", "Clerk", IN_ATTENDANCE),
    ]


def test_initialled_names_with_posts_and_no_label() -> None:
    raw = (
        "Performance Board\n"
        "Jo Hale (JH), Chief Executive; Ann Bell (AB), Treasurer; Roy Tapp (RT), Chief "
        "Constable; Ida Webb (IW), Clerk\n\n"
        "1. Welcome\n"
    )
    assert _read(raw) == [
        ("Jo Hale", "Chief Executive", PRESENT),
        ("Ann Bell", "Treasurer", PRESENT),
        ("Roy Tapp", "Chief Constable", PRESENT),
        ("Ida Webb", "Clerk", PRESENT),
    ]


def test_initials_that_do_not_agree_with_the_names_start_no_list() -> None:
    raw = (
        "Performance Board\n"
        "Risk Register (RR), Estates Plan (EP), Fleet Review (FR) and Audit (AU)\n\n"
        "1. Welcome\n"
    )
    assert _names(raw) == []


def test_capital_labels_glued_to_a_title() -> None:
    raw = (
        "ACCOUNTABILITY BOARD 4 June 2019\n"
        "PRESENTMrs Jo Hale (Chair)Mr Roy Tapp\n"
        "APOLOGIESDr Ida Webb\n"
        "1. Minutes\n"
    )
    assert _names(raw) == [("Jo Hale", PRESENT), ("Roy Tapp", PRESENT), ("Ida Webb", APOLOGIES)]


def test_a_bare_item_number_after_the_list_ends_it() -> None:
    raw = (
        "Joint Board 5 May 2022 – Attendees Tomasz Hale (TH) Chair, Priya Bell (PB), Rhodri "
        "Tapp (RT), Apologies Ifeoma Webb (IW). 1 Welcome The Chair opened the meeting.\n"
    )
    assert _read(raw)[-1] == ("Ifeoma Webb", None, APOLOGIES)


# An organisation in brackets after a run of bare names is each one's.


def test_an_organisation_after_a_run_of_names_is_each_ones() -> None:
    raw = (
        "In Attendance:\n"
        "Ann Bell (Acting Commissioner), Roy Tapp, Ida Webb, Sam Lee (Commissioner's Office), "
        "Eve Marr (Rye Borough Council).\n"
        "Apologies for absence:\n"
        "Cllr Ned Owen.\n"
    )
    assert _read(raw)[:5] == [
        ("Ann Bell", "Acting Commissioner", IN_ATTENDANCE),
        ("Roy Tapp", "Commissioner's Office", IN_ATTENDANCE),
        ("Ida Webb", "Commissioner's Office", IN_ATTENDANCE),
        ("Sam Lee", "Commissioner's Office", IN_ATTENDANCE),
        ("Eve Marr", "Rye Borough Council", IN_ATTENDANCE),
    ]


def test_an_office_in_brackets_after_the_last_name_is_its_own() -> None:
    raw = "Present:\nCllr Jo Hale, Cllr Roy Tapp, Cllr Ida Webb (Vice-Chair)\n\n1. Minutes\n"
    assert [capacity for _, capacity, _ in _read(raw)] == [None, None, "Vice-Chair"]


def test_a_block_after_the_lists_and_a_wider_gap_is_the_apologies() -> None:
    raw = (
        "Panel Minutes\n\nDate: Thursday 19 August 2021\n\n"
        "Chair Delia Ashcombe (DA) Tobi Ekwueme (TE) Gail Penhallow (GP)\n\n"
        "Also In attendance:\n"
        "Sam Lee (SL) - Treasurer\n"
        "Observers from the county's other panels.\n\n\n\n"
        "Yasmin Qadri (YQ) Duncan Wrey (DW) Leah Coxall (LC)\n\n\n"
        "Welcome, introductions & apologies\n\n"
        "The Chair welcomed everyone and apologies were given.\n"
    )
    assert _names(raw)[-4:] == [
        ("Sam Lee", IN_ATTENDANCE),
        ("Yasmin Qadri", APOLOGIES),
        ("Duncan Wrey", APOLOGIES),
        ("Leah Coxall", APOLOGIES),
    ]


def test_a_block_after_the_lists_stays_out_when_apologies_are_named() -> None:
    raw = (
        "Panel Minutes\n\nDate: Thursday 19 August 2021\n\n"
        "Present: Delia Ashcombe (DA), Tobi Ekwueme (TE), Gail Penhallow (GP)\n\n\n"
        "Yasmin Qadri (YQ) Duncan Wrey (DW) Leah Coxall (LC)\n\n\n"
        "Apologies were received from Eli Ford.\n"
    )
    statuses = dict(_names(raw))
    assert statuses["Eli Ford"] is APOLOGIES
    assert statuses.get("Yasmin Qadri") is not APOLOGIES


def test_a_block_far_below_the_lists_is_not_the_apologies() -> None:
    raw = (
        "Panel Minutes\n\nPresent: Delia Ashcombe (DA), Tobi Ekwueme (TE), Gail Penhallow (GP)\n"
        "\n\nWelcome\n\nApologies were noted.\n\nItem one\n\nText of the item.\n\n"
        "Item two\n\nMore text.\n\nItem three\n\nMore text again.\n\n\n"
        "Yasmin Qadri (YQ) Duncan Wrey (DW) Leah Coxall (LC)\n"
    )
    assert APOLOGIES not in {status for _, status in _names(raw)}


# "Late Arrivals:" under the lists: those who came late were there; one already listed keeps
# the status the lists gave, and the label is nobody's name.


@pytest.mark.parametrize(
    ("label", "late"),
    [
        ("Late Arrivals: Councillor Ben Roper at 5.38 pm.", "Ben Roper"),
        ("Late arrival: Cllr Ben Roper (from item 4)", "Ben Roper"),
        ("Arrived late: Councillor Ben Roper", "Ben Roper"),
    ],
)
def test_late_arrivals_were_present(label: str, late: str) -> None:
    raw = (
        "PRESENT: Councillor Ada Lowe in the Chair. Councillor Ben Roper, Councillor Cy Hart "
        "and Councillor Dot Vane.\n\n"
        "In Attendance: Councillors Eli Ford and Fay Gale\n\n"
        f"{label}\n\n"
        "53/19 – APOLOGIES FOR ABSENCE: Apologies had been received from Councillor Ida Webb.\n"
    )
    assert _names(raw) == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cy Hart", PRESENT),
        ("Dot Vane", PRESENT),
        ("Eli Ford", IN_ATTENDANCE),
        ("Fay Gale", IN_ATTENDANCE),
        ("Ida Webb", APOLOGIES),
    ]


def test_a_late_arrival_not_listed_before_was_present() -> None:
    raw = (
        "Present: Jo Hale (Chair), Ann Bell\n"
        "Late arrival: Roy Tapp\n"
        "Apologies: Sam Lee\n\n"
        "1. Minutes\n"
    )
    assert _names(raw) == [
        ("Jo Hale", PRESENT),
        ("Ann Bell", PRESENT),
        ("Roy Tapp", PRESENT),
        ("Sam Lee", APOLOGIES),
    ]


# "Attended:" as the label of those present, as "Present:" is; with councils as groups
# inside it ("Attended: : City of Rye: Councillor ...").


@pytest.mark.parametrize(
    "raw",
    [
        "Attended: : City of Rye: Councillor Ada Lowe (Convener) Councillor Ben Roper "
        "East Wessex: Councillor Cy Hart\n\nApologies: Councillor Dot Vane (Inverclyde).\n\n"
        "1. Minutes\n",
        "Attended:\nCllr Ada Lowe (Convener)\nCllr Ben Roper\nCllr Cy Hart\n\n"
        "Apologies: Cllr Dot Vane\n\n1. Minutes\n",
        "ATTENDED: Ada Lowe (Chair), Ben Roper, Cy Hart\nAPOLOGIES: Dot Vane\n\n1. Minutes\n",
    ],
)
def test_attended_labels_those_present(raw: str) -> None:
    assert _names(raw) == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cy Hart", PRESENT),
        ("Dot Vane", APOLOGIES),
    ]


# "Attending:" after members listed as present sets the officers apart (as Scottish minutes
# do); opening the attendance, it lists those present.


@pytest.mark.parametrize(
    "raw",
    [
        "Present: Councillor Ada Lowe (Convener), Councillor Ben Roper\n\n"
        "Apologies: Councillor Dot Vane\n\n"
        "Attending : G Hale (Chief Executive); P Bell (Assistant Clerk)\n\n1. Minutes\n",
        "Attended: Councillor Ada Lowe (Convener) Councillor Ben Roper\n"
        "Apologies: Councillor Dot Vane\n"
        "Attending: G Hale (Chief Executive) and P Bell (Assistant Clerk).\n\n1. Minutes\n",
        "SEDERUNT\nCouncillor Ada Lowe (Convener)\nCouncillor Ben Roper\n\n"
        "APOLOGIES\nCouncillor Dot Vane\n\nATTENDING\nG Hale, Chief Executive\n"
        "P Bell, Assistant Clerk\n\n1. MINUTES\n",
    ],
)
def test_attending_after_those_present_is_in_attendance(raw: str) -> None:
    assert _names(raw) == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Dot Vane", APOLOGIES),
        ("G Hale", IN_ATTENDANCE),
        ("P Bell", IN_ATTENDANCE),
    ]


def test_attending_that_opens_the_attendance_is_those_present() -> None:
    raw = (
        "MINUTES EXECUTIVE BOARD\n16.07.24\n"
        "Attending: Ada Lowe (AL) – Police and Crime Commissioner – Chair\n"
        "Ben Roper (BR) – Chief Executive\n\n"
        "Apologies: Dot Vane (DV) – Treasurer\n\n1. Minutes\n"
    )
    assert _names(raw) == [("Ada Lowe", PRESENT), ("Ben Roper", PRESENT), ("Dot Vane", APOLOGIES)]
