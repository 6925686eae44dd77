"""Lists whose "Present" and "Apologies" headings were lost: the apologies minute names who
of those listed sent apologies."""

from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, attendance_of, people


def test_apologies_minute_names_the_second_block_of_an_unheaded_list() -> None:
    text = (
        "Wessex Strategy Board\n\nNotes of Meeting\n\nTuesday 3 March 2020, 10:00-12:00\n\n\n"
        "  • Ada Lowe (AL) Co-Chair – Police and Crime Commissioner\n"
        "  • Ben Roper (BR) Co-Chair – Chief Constable\n"
        "  • Cy Hart (CH) – Chief Executive Officer\n"
        "  • Dee Wolfe (DW) – Head of Estates\n\n\n"
        "  • Eve Marr (EM) – ACC Operations\n"
        "  • Fay Nunn (FN) – Treasurer\n\n\n"
        "Ref 01/03/03/2020\n\n"
        "Apologies received from Eve Marr and Fay Nunn.\n\n"
        "Ref 02/03/03/2020\n\nMinutes of the last meeting were agreed.\n"
    )
    statuses = {a.name: a.status for a in attendance_of(text).attendees}
    assert statuses["Ada Lowe"] is PRESENT
    assert statuses["Dee Wolfe"] is PRESENT
    assert statuses["Eve Marr"] is APOLOGIES
    assert statuses["Fay Nunn"] is APOLOGIES


def test_a_labelled_list_keeps_its_status_when_a_sentence_names_apologies() -> None:
    # ("... subject to adding apologies from ...": a correction to an earlier meeting's minutes)
    text = (
        "Present:\nCllr Ada Lowe\nCllr Ben Roper\n\nIn attendance:\nCy Hart (Treasurer)\n\n"
        "1. Minutes\n\nThe minutes of the meeting held on 2 February were agreed subject to "
        "adding apologies from Cllr Ben Roper.\n"
    )
    statuses = {a.name: a.status for a in attendance_of(text).attendees}
    assert statuses == {"Ada Lowe": PRESENT, "Ben Roper": PRESENT, "Cy Hart": IN_ATTENDANCE}


# A council page's apologies item whose heading was lost: each line a member and the reason
# they are away after a dash.


def test_members_with_a_reason_for_absence_sent_apologies() -> None:
    for text, expected in (
        (
            "Agenda and minutes\n\nScrutiny Committee\nWednesday, 5th June, 2019 2.00 pm\n\n"
            "No. Item\n\n\n\nCouncillor Ada Lowe - leave\n\n\n\n"
            "1 MINUTES\n\nThe minutes were confirmed.\n",
            ["Ada Lowe"],
        ),
        (
            "Scrutiny Panel\n\nMonday 3 May 2021\n\n"
            "Cllr Ben Roper – work commitments\nCouncillor Cy Hart – unwell\n\n"
            "2. Declarations of interest\n\nNone.\n",
            ["Ben Roper", "Cy Hart"],
        ),
        (
            "Panel Meeting 4 April 2022\n\nPresent: Cllr Dee Wolfe (Chair), Cllr Eve Marr\n\n"
            "Mrs Fay Nunn - other council business\n\n1. Minutes\n",
            ["Fay Nunn"],
        ),
    ):
        attendees = attendance_of(text).attendees
        assert [a.name for a in attendees if a.status is APOLOGIES] == expected


def test_a_dash_before_a_post_or_in_the_minutes_is_no_apology() -> None:
    text = (
        "Panel Meeting 4 April 2022\n\nPresent:\nCllr Dee Wolfe - Chair\nCllr Eve Marr\n\n"
        "1. Minutes\n\nCouncillor Fay Nunn - leave was granted to the officer.\n"
    )
    attendees = attendance_of(text).attendees
    assert [a.status for a in attendees] == [PRESENT, PRESENT]


def test_a_second_block_set_apart_is_the_apologies_where_the_text_never_names_any() -> None:
    """A page that lost both headings and says nothing of apologies: the block the wider gap
    sets apart is the apologies; where the text speaks of apologies, it is not."""
    lists = (
        "Executive Board Minutes – 20 December 2016\n\nRecord of meeting\n\n"
        "Meeting: Executive Board\nDate and Time: Tuesday 20th December 2016, 09:25-13:00.\n"
        "Chair: Orla Penrose\n\n\n"
        "Orla Penrose (OP) – Police & Crime Commissioner\n"
        "Bram Kell (BK) – Chief Constable\n"
        "Ivo Dane (ID) – Chief Finance Officer\n\n\n"
        "Tess Muir (TM) – Chief Executive Officer\n"
        "Colm Rennie (CR) – Head of Estates\n\n"
        "Items and Decisions\n\n826 Previous Minutes\nThe Minutes were approved.\n"
    )
    assert people(lists) == [
        ("Orla Penrose", PRESENT),
        ("Bram Kell", PRESENT),
        ("Ivo Dane", PRESENT),
        ("Tess Muir", APOLOGIES),
        ("Colm Rennie", APOLOGIES),
    ]
    named = lists.replace("The Minutes were approved.", "Apologies were received from Jo Hale.")
    assert ("Tess Muir", APOLOGIES) not in people(named)
