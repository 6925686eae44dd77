"""Undertakings by a post written in lower case ("The borough commander agreed to ..."):
the post, as written, owns the action."""

import datetime as dt

from ingest.draft import ActionDraft
from ingest.parse.actions import parse_actions
from ingest.parse.subjects import subject_before

JUNE_2024 = dt.date(2024, 6, 11)


def actions_in(text: str) -> list[ActionDraft]:
    actions, _ = parse_actions(text, [], [], meeting_date=JUNE_2024)
    return actions


def test_a_lower_case_post_opening_the_sentence_is_its_subject() -> None:
    for sentence, post in (
        ("The area commander agreed to", "area commander"),
        ("Questions followed. The licensing officer undertook to", "licensing officer"),
        ("the district police inspector would", "district police inspector"),
    ):
        cue = sentence.index(post) + len(post) + 1
        assert subject_before(sentence, 0, cue) == post


def test_lower_case_words_that_are_no_post_give_no_subject() -> None:
    for sentence in ("Figures on the night-time economy would", "The figures agreed to"):
        cue = sentence.rindex(" ", 0, sentence.rindex(" ")) + 1
        assert subject_before(sentence, 0, cue) is None


def test_the_post_owns_what_it_agreed_to_provide() -> None:
    text = (
        "16. Retail Crime\n\n"
        "The committee welcomed the area commander, who presented the figures asked for "
        "at the last meeting. The area commander agreed to provide comparable figures for "
        "the neighbouring districts.\n"
    )
    (action,) = actions_in(text)
    assert action.owner_text == "area commander"
