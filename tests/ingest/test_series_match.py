"""Metric series from a body's figures alone: wordings of one measure, units apart, one
figure a meeting, targets worded as the series or stated in its sentences, in any order."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest

from ingest.series.labels import closeness, measure_of, words_of
from ingest.series.match import FigureFacts, SeriesDraft, is_ceiling, series_of
from records.enums import MetricKind, MetricUnit

PERCENT, COUNT, MONEY = MetricUnit.PERCENT, MetricUnit.COUNT, MetricUnit.MONEY
_ids = itertools.count(1)


def figure(
    label: str,
    value: float,
    day: str,
    *,
    unit: MetricUnit = PERCENT,
    kind: MetricKind = MetricKind.OBSERVED,
    theme: str | None = "DA",
    position: int = 0,
    sentence: int | None = None,
    context: str | None = None,
) -> FigureFacts:
    """A figure of Kestrelshire's meeting on ``day`` (one meeting a day), quoted in
    sentence ``sentence`` of its minutes (its own sentence unless given)."""
    figure_id = next(_ids)
    date = dt.date.fromisoformat(day)
    start = (sentence if sentence is not None else figure_id) * 100
    return FigureFacts(
        id=figure_id,
        meeting_id=date.toordinal(),
        date=date,
        body="Kestrelshire",
        body_key="kestrelshire",
        unit=unit,
        kind=kind,
        label=label,
        value=value,
        theme_id={"DA": 1, "CONTACT": 2}.get(theme or ""),
        theme_code=theme,
        document_id=date.toordinal(),
        document_rank=0,
        position=position,
        span_start=start,
        span_end=start + 80,
        context=context,
    )


def values(series: SeriesDraft) -> list[tuple[str, float, float]]:
    return [(p.date.isoformat(), p.value, p.confidence) for p in series.points]


def test_wordings_of_one_measure_have_the_same_words() -> None:
    same = {
        words_of("DA cases with supervisory input"),
        words_of("Domestic abuse cases with supervisory input"),
        words_of("the proportion of DA cases with supervisory input"),
        words_of("percentage of domestic-abuse cases with supervisory input"),
    }
    assert len(same) == 1
    assert words_of("no supervisory input") != words_of("supervisory input")
    assert words_of("without supervisory input") == words_of("no supervisory input")
    assert words_of("capital programme for 2023/24") == words_of("capital programme")
    assert words_of("DVPNs") == words_of("Domestic Violence Protection Notices")
    assert words_of("999 calls answered") == words_of("999 call answered")


def test_labels_of_generic_words_name_no_measure() -> None:
    for label in ("cases", "increase", "the force's target", "In the year 1 612 cases", ""):
        assert measure_of(label) is None, label
    assert measure_of("Stalking Protection Orders") is not None


def test_closeness_asks_for_the_words_of_one_within_the_other() -> None:
    calls, answered = measure_of("999 calls"), measure_of("999 calls answered")
    assert calls and answered
    assert closeness(calls, answered) == pytest.approx(2 / 3)
    others = ["101 calls", "calls answered within 10 seconds", "999 answer times"]
    for label in others:
        other = measure_of(label)
        assert other and closeness(calls, other) is None, label
    short, negated = measure_of("supervisory input"), measure_of("no supervisory input")
    assert short and negated and closeness(short, negated) is None


def test_a_target_is_a_ceiling_only_when_its_own_words_say_so() -> None:
    assert is_ceiling("The aim is to bring repeat victims below 25% by March.", 25)
    assert is_ceiling("a target to reduce repeat victims to 25 per cent", 25)
    assert is_ceiling("a ceiling of no more than 3 complaints a month", 3)
    assert not is_ceiling("88% in December, still below the target of 90%.", 90)
    assert not is_ceiling("against a target of 75%", 75)
    assert not is_ceiling("below 25% of cases, against a target of 40%", 40)


def test_a_series_of_one_measure_worded_three_ways_against_its_target() -> None:
    found = series_of(
        [
            figure("Domestic abuse cases with supervisory input", 57, "2023-01-12", sentence=1),
            figure("target", 75, "2023-01-12", kind=MetricKind.TARGET, sentence=1),
            figure("DA cases with supervisory input", 60, "2023-02-09"),
            figure("proportion of DA cases with supervisory input", 64, "2023-03-09"),
            figure("DA cases with supervisory input", 68, "2023-04-13"),
        ]
    )
    [series] = found
    assert series.label == "DA cases with supervisory input"
    assert values(series) == [
        ("2023-01-12", 57, 0.9),
        ("2023-02-09", 60, 1.0),
        ("2023-03-09", 64, 0.9),
        ("2023-04-13", 68, 1.0),
    ]
    assert series.points[0].reason == (
        '"Domestic abuse cases with supervisory input": the same words as '
        '"DA cases with supervisory input"'
    )
    assert series.target is not None
    assert (series.target.value, series.target.at_most) == (75, False)
    assert series.target.reason == "stated in the sentence of the figure of 2023-01-12"
    assert series.meets_target is False
    assert series.confidence == 0.9
    assert series.theme_id == 1


def test_a_near_wording_joins_with_less_confidence_and_a_ceiling_can_be_met() -> None:
    [series] = series_of(
        [
            figure("repeat victims of domestic abuse", 31, "2023-01-12", sentence=1),
            figure(
                "reduce them",
                25,
                "2023-01-12",
                kind=MetricKind.TARGET,
                sentence=1,
                context="Repeat victims were 31%, against a target to reduce them to 25%.",
            ),
            figure("repeat victims of domestic abuse", 29, "2023-02-09"),
            figure("repeat victim rate for domestic abuse", 24, "2023-03-09"),
        ]
    )
    assert values(series) == [
        ("2023-01-12", 31, 1.0),
        ("2023-02-09", 29, 1.0),
        ("2023-03-09", 24, 0.82),
    ]
    assert "80% of its words" in series.points[-1].reason
    assert series.target is not None and series.target.at_most
    assert series.meets_target is True


def test_units_never_join_and_a_series_needs_two_meetings() -> None:
    found = series_of(
        [
            figure("repeat victims of domestic abuse", 31, "2023-01-12"),
            figure("repeat victims of domestic abuse", 29, "2023-02-09"),
            figure("repeat victims of domestic abuse", 412, "2023-01-12", unit=COUNT),
            figure("repeat victims of domestic abuse", 398, "2023-02-09", unit=COUNT),
            figure("drone flights over the marsh", 14, "2023-02-09"),
        ]
    )
    assert [(s.unit, [p.value for p in s.points]) for s in found] == [
        (COUNT, [412, 398]),
        (PERCENT, [31, 29]),
    ]


def test_one_figure_a_meeting_the_first_of_other_values_less_sure() -> None:
    [series] = series_of(
        [
            figure("rape charge rate", 7, "2023-01-12", position=1),
            figure("rape charge rate", 4, "2023-01-12", position=2),
            figure("rape charge rate", 8, "2023-02-09"),
            figure("rape charge rate", 8, "2023-03-09", position=1),
            figure("rape charge rate", 8, "2023-03-09", position=2),
        ]
    )
    assert values(series) == [
        ("2023-01-12", 7, 0.8),
        ("2023-02-09", 8, 1.0),
        ("2023-03-09", 8, 1.0),
    ]
    assert "one of 2 values so worded at the meeting" in series.points[0].reason


def test_counts_far_from_the_others_are_another_measure() -> None:
    found = series_of(
        [
            figure("Band D property", 10, "2023-01-12", unit=MONEY),
            figure("Band D property", 4_400_000, "2023-02-09", unit=MONEY),
        ]
    )
    assert found == []
    [series] = series_of(
        [
            figure("call handlers recruited", 18, "2023-01-12", unit=COUNT),
            figure("call handlers recruited", 22, "2023-02-09", unit=COUNT),
            figure("call handlers recruited", 1600, "2023-03-09", unit=COUNT),
        ]
    )
    assert [p.value for p in series.points] == [18, 22]


def test_the_latest_target_stated_counts() -> None:
    [series] = series_of(
        [
            figure("999 calls answered", 81, "2023-01-12"),
            figure("999 calls answered", 90, "2023-01-12", kind=MetricKind.TARGET),
            figure("999 calls answered", 84, "2023-02-09"),
            figure("999 calls answered", 85, "2023-02-09", kind=MetricKind.TARGET, theme=None),
        ]
    )
    assert series.target is not None
    assert (series.target.value, series.target.reason) == (
        85,
        'a target worded "999 calls answered"',
    )
    assert series.meets_target is False


def test_the_same_figures_in_any_order_give_the_same_series() -> None:
    figures = [
        figure("DA cases with supervisory input", 57, "2023-01-12", sentence=1),
        figure("target", 75, "2023-01-12", kind=MetricKind.TARGET, sentence=1),
        figure("Domestic abuse cases with supervisory input", 60, "2023-02-09"),
        figure("supervisory input in DA cases reviewed", 61, "2023-02-09", position=2),
        figure("999 calls", 88, "2023-01-12", theme="CONTACT"),
        figure("999 calls answered", 90, "2023-02-09", theme="CONTACT"),
        figure("999 answer times", 91, "2023-03-09", theme="CONTACT"),
        figure("999 calls answered within 10 seconds", 89, "2023-03-09", theme="CONTACT"),
        figure("call handlers", 18, "2023-01-12", unit=COUNT, theme="CONTACT"),
        figure("additional call handlers", 22, "2023-02-09", unit=COUNT, theme="CONTACT"),
        figure("call handler posts", 160, "2023-03-09", unit=COUNT, theme="CONTACT"),
    ]
    expected = series_of(figures)
    assert len(expected) == 3
    for seed in range(3):
        shuffled = list(figures)
        random.Random(seed).shuffle(shuffled)
        assert series_of(shuffled) == expected
