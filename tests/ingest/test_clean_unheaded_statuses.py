"""Person blocks that each end in their status, with no attendance heading above them: the
status lines repeat as a running header would, yet each belongs to its person and stays."""

from ingest.clean import clean_text
from records.enums import AttendanceStatus
from tests.support.attendance import attendance_of

PRESENT = AttendanceStatus.PRESENT
APOLOGIES = AttendanceStatus.APOLOGIES


def _blocks(*people: tuple[str, str, str]) -> str:
    return "".join(f"{name}\n{council}\n{status}\n" for name, council, status in people)


def _people(text: str) -> list[tuple[str, AttendanceStatus]]:
    cleaned = clean_text(text).text
    return [(a.name, a.status) for a in attendance_of(cleaned).attendees]


OPENING = (
    "Meeting\nWestvale Scrutiny Panel - Westvale\nConfirmed\n04 Mar 2022\nCivic Hall, Ember Road\n"
)
MINUTES = "Declarations of Interest\nNo declarations were made.\n"


def test_status_lines_of_blocks_without_a_heading_stay() -> None:
    text = (
        OPENING
        + _blocks(
            ("Councillor Idris Mallory", "Northgate Borough Council", "Present, as expected"),
            ("Councillor Tamsin Prowse", "Eastmere District Council", "Apologies"),
            ("Councillor Orla Venn", "Southby City Council", "Present, as expected"),
            ("Councillor Bram Kettle", "Westford Council", "Present, as expected"),
            ("Councillor Nell Ashgrove", "Lowmoor Council", "Apologies"),
            ("Councillor Piet Darrow", "Highcombe Council", "Apologies"),
            ("Councillor Rhys Tallent", "Northgate Borough Council", "Not required"),
            ("Councillor Una Fairlie", "Eastmere District Council", "Not required"),
            ("Councillor Cato Brindle", "Southby City Council", "Not required"),
        )
        + MINUTES
    )
    cleaned = clean_text(text).text
    assert cleaned.count("Present, as expected") == 3
    assert cleaned.count("Apologies") == 3
    assert cleaned.count("Not required") == 3
    assert _people(text) == [
        ("Idris Mallory", PRESENT),
        ("Tamsin Prowse", APOLOGIES),
        ("Orla Venn", PRESENT),
        ("Bram Kettle", PRESENT),
        ("Nell Ashgrove", APOLOGIES),
        ("Piet Darrow", APOLOGIES),
    ]


def test_a_co_opted_member_without_a_title_opens_the_blocks() -> None:
    text = (
        OPENING
        + _blocks(
            ("Wilhelmina Crane", "Independent Co-opted Member", "Present"),
            ("Councillor Edmund Hale", "Ridgeway Council", "Apologies"),
            ("Councillor Fenella Broom", "Marsh Council", "Present"),
            ("Councillor Gideon Pike", "Quarry Council", "Present"),
            ("Councillor Hester Lamb", "Fenby Council", "Apologies"),
            ("Councillor Ivo Strand", "Dunmore Council", "Apologies"),
        )
        + MINUTES
    )
    assert _people(text) == [
        ("Wilhelmina Crane", PRESENT),
        ("Edmund Hale", APOLOGIES),
        ("Fenella Broom", PRESENT),
        ("Gideon Pike", PRESENT),
        ("Hester Lamb", APOLOGIES),
        ("Ivo Strand", APOLOGIES),
    ]


def test_a_running_footer_between_pages_still_goes() -> None:
    page = "Westvale Scrutiny Panel minutes\n{}\nThe panel noted the report on {}.\n\f"
    text = "".join(page.format(n, topic) for n, topic in enumerate(("roads", "parks", "budgets")))
    cleaned = clean_text(text).text
    assert "Westvale Scrutiny Panel minutes" not in cleaned.split("\n", 1)[1]
    assert "The panel noted the report on parks." in cleaned
