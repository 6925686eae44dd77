"""A council-data page's person blocks with no attendance heading above them: each block
names one person and their council or role, and ends in the person's status."""

from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, people

OPENING = "Meeting\nGreyholm Police and Crime Panel\nConfirmed\n11 Oct 2023\nThe Guildhall\n"


def test_blocks_closed_by_present_and_apologies() -> None:
    text = OPENING + (
        "Councillor Aldo Varga\nKestrel Borough Council\nPresent, as expected\n"
        "Councillor Bettina Rowe\nLinden District Council\nApologies\n"
        "Dorcas Pell\nIndependent Co-opted Member\nPresent, as expected\n"
        "Welcome and Apologies\nThe Chairman welcomed everyone.\n"
    )
    assert people(text) == [
        ("Aldo Varga", PRESENT),
        ("Bettina Rowe", APOLOGIES),
        ("Dorcas Pell", PRESENT),
    ]


def test_deputies_not_required_are_no_attendees() -> None:
    text = OPENING + (
        "Councillor Emrys Holt\nOakhurst City Council\nPresent\n"
        "Councillor Fern Adair\nOakhurst City Council\nNot required\n"
        "Councillor Gus Merriman\nBrackwater Council\nIn attendance\n"
        "Councillor Hana Sowerby\nBrackwater Council\nNot required\n"
    )
    assert people(text) == [("Emrys Holt", PRESENT), ("Gus Merriman", IN_ATTENDANCE)]


def test_an_absent_member_is_recorded_with_the_apologies() -> None:
    text = OPENING + (
        "Councillor Ines Calloway\nPortly Council\nAbsent\n"
        "Councillor Jory Fenn\nPortly Council\nPresent, as expected\n"
    )
    assert people(text) == [("Ines Calloway", APOLOGIES), ("Jory Fenn", PRESENT)]


def test_a_list_under_labels_is_no_run_of_blocks() -> None:
    text = (
        "Minutes of the panel\nPresent\nCouncillor Kit Marlowe\nCouncillor Lena Brisk\n"
        "Apologies\nCouncillor Moss Tiller\n\n1. Welcome\nThe chair welcomed members.\n"
    )
    assert people(text) == [
        ("Kit Marlowe", PRESENT),
        ("Lena Brisk", PRESENT),
        ("Moss Tiller", APOLOGIES),
    ]
