"""Lists whose "Present" and "Apologies" headings were lost: the apologies minute names who
of those listed sent apologies."""

from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, attendance_of


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
