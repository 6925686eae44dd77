"""Members named as replacing others: the newcomers attend, the members they replace do not."""

from tests.support.attendance import APOLOGIES, PRESENT, attendance_of


def test_bulleted_membership_changes_give_the_incoming_members() -> None:
    text = (
        "Welcome and Introductions\n\n"
        "The Chairman welcomed everyone to the meeting. The changes to the membership were:\n\n"
        "·         Ada Lowe was replacing Ben Roper (Rye)\n\n"
        "·         Cy Hart was replacing Dee Wolfe (Tor Vale)\n\n"
        "Thanks were recorded to the members who had left the Panel.\n"
    )
    attendees = [(a.name, a.status) for a in attendance_of(text).attendees]
    assert attendees == [("Ada Lowe", PRESENT), ("Cy Hart", PRESENT)]


def test_a_councillor_replacing_another_for_the_meeting() -> None:
    text = (
        "Apologies for absence were received from Councillor Eve Marr. Councillor Fay Nunn "
        "was replacing Councillor Eve Marr for this meeting.\n"
    )
    statuses = {a.name: a.status for a in attendance_of(text).attendees}
    assert statuses == {"Eve Marr": APOLOGIES, "Fay Nunn": PRESENT}
