"""A chair elected after a nomination, the sentence naming them once and the election under a
pronoun."""

from ingest.parse.chair import sentence_chair
from ingest.parse.lines import split_lines


def _chair(text: str) -> str | None:
    found = sentence_chair(line for line in split_lines(text) if not line.blank)
    assert found is None or not found.chaired  # elected, not said to have chaired
    return found.person.name if found else None


def test_nominated_and_seconded_then_elected_under_a_pronoun() -> None:
    text = (
        "Election of Chairman for the Year\n\n"
        "Cllr Ada Lowe was nominated and seconded and there being no other nominations she "
        "was duly elected Chairman of the Panel for the ensuing year.\n"
    )
    assert _chair(text) == "Ada Lowe"


def test_proposed_then_elected_chair() -> None:
    text = "Mr Ben Roper was proposed by Cllr Hart and, as no one else stood, he was elected Chair."
    assert _chair(text) == "Ben Roper"


def test_a_vice_chair_elected_so_is_no_chair() -> None:
    text = "Cllr Cy Hart was nominated and he was duly elected Vice-Chairman of the Panel.\n"
    assert _chair(text) is None
