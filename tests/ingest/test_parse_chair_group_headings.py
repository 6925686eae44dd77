"""A chair marked in a membership list that runs its groups together: the group's heading
stands between the last name of one group and the chair, who opens the next."""

import pytest

from ingest.parse.header import parse_header
from ingest.parse.lines import split_lines


def _chair(text: str) -> str | None:
    header = parse_header(split_lines(text))
    return header.marked_chair.name if header.marked_chair else None


@pytest.mark.parametrize(
    ("text", "chair"),
    [
        (
            "Northmere Police and Crime Panel\nMembership Councillors: A Brook, T Vane, "
            "P Orme Independent Co-opted Members Delphine Marsh (Chairperson) Otto Wilde "
            "Substitutes Councillors: R Hay, S Lowe\n",
            "Delphine Marsh",
        ),
        (
            "Southmere Panel\nMembership: Councillor K Lomax, Councillor E Pratt "
            "Co-opted Members Hamish Rourke (Chair) Ivy Senn\n",
            "Hamish Rourke",
        ),
        (
            "Eastmere Panel\nMembers Present: Councillor Jo Tarrant (Chair), Councillor B Lyle\n",
            "Jo Tarrant",
        ),
    ],
)
def test_the_chair_is_the_name_before_the_mark(text: str, chair: str) -> None:
    assert _chair(text) == chair
