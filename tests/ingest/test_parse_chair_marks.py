"""The chair marked beside a name by a word for the sitting ("(Acting Chair)", "(Meeting
Chair)") or after a post joined by a slash ("Director General/Chair"); a vice or deputy chair
so marked is not the chair."""

import pytest

from ingest.parse.document import parse_document
from ingest.parse.header import parse_header
from ingest.parse.lines import split_lines
from ingest.parse.people import split_person


def _chair(text: str) -> str | None:
    draft = parse_document(text)
    return draft.chair


@pytest.mark.parametrize(
    ("text", "chair"),
    [
        (
            "Wessex Board\n\nMinutes of the meeting held on 4 March 2021\n\nPresent:\n"
            "Orla Penrose (OP) (Meeting Chair)\nBram Kell (BK)\nIvo Dane (ID)\n\n"
            "1. Minutes of the last meeting\n\nThe minutes were agreed.\n",
            "Orla Penrose",
        ),
        (
            "Wessex Board\n\nMinutes of the meeting held on 4 March 2021\n\nPresent:\n\n"
            "Tamsin Rook Chief Executive/Chair\n\nBram Kell Non-Executive Director\n"
            "Ivo Dane Non-Executive Director\n\n1. Minutes of the last meeting\n\n"
            "The minutes were agreed.\n",
            "Tamsin Rook",
        ),
        (
            "Wessex Forum General Meeting\n\nMinutes – 4 March 2021\n\n1.0 Item Title: Welcome "
            "Key Updates (speakers): ▪ Petra Quill (Acting Chair): Noted that she chaired in "
            "the Chair's absence and welcomed colleagues. ▪ The Acting Chair asked for comments "
            "on the minutes.\n",
            "Petra Quill",
        ),
    ],
)
def test_a_chair_marked_for_the_sitting_or_after_a_post_chairs(text: str, chair: str) -> None:
    assert _chair(text) == chair


@pytest.mark.parametrize(
    "entry", ["Bram Kell (Vice Chair)", "Bram Kell V/Chair", "Bram Kell (Deputy Chair)"]
)
def test_a_vice_or_deputy_chair_so_marked_is_not_the_chair(entry: str) -> None:
    person = split_person(entry)
    assert person is not None and not person.is_chair


def test_an_acting_chair_in_the_opening_is_its_marked_chair() -> None:
    header = parse_header(
        split_lines("Wessex Forum\n\nPresent: Ivo Dane (Interim Chair), Bram Kell\n")
    )
    assert header.marked_chair is not None and header.marked_chair.name == "Ivo Dane"


@pytest.mark.parametrize(
    ("entry", "name", "capacity"),
    [
        ("Orla Penrose, Independent Chair", "Orla Penrose", "Independent Chair"),
        ("Dr O Penrose, Chairman presiding", "O Penrose", None),
        ("Orla Penrose - Chair / Kingsbridge Trust", "Orla Penrose", "Kingsbridge Trust"),
    ],
)
def test_a_board_s_independent_chair_or_a_presiding_chair_chairs(
    entry: str, name: str, capacity: str | None
) -> None:
    person = split_person(entry)
    assert person is not None and person.is_chair
    assert (person.name, person.capacity) == (name, capacity)


def test_an_independent_member_is_not_the_chair() -> None:
    person = split_person("Bram Kell, Independent Member")
    assert person is not None and not person.is_chair
