import pytest

from ingest.clean import clean_text
from ingest.draft import ItemDraft, MetricDraft
from ingest.parse.items import parse_items
from ingest.parse.lines import split_lines
from ingest.parse.metrics import parse_metrics, sentence_spans
from records.enums import MetricKind, MetricUnit
from tests.conftest import SEED


def metrics_in(text: str, items: list[ItemDraft] | None = None) -> list[MetricDraft]:
    metrics = parse_metrics(text, items or [])
    for metric in metrics:
        assert text[metric.span.start : metric.span.end] == metric.context
        assert metric.label.strip()
    return metrics


def figures(text: str) -> list[tuple[float, MetricUnit]]:
    return [(m.value, m.unit) for m in metrics_in(text)]


# --- the seed --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[ItemDraft], list[MetricDraft]]:
    text = clean_text(SEED.read_text(encoding="utf-8")).text
    items = parse_items(text, split_lines(text))
    return text, items, metrics_in(text, items)


def test_seed_figures(seed: tuple[str, list[ItemDraft], list[MetricDraft]]) -> None:
    _, _, metrics = seed
    found = [(m.value, m.unit, m.kind) for m in metrics]
    for expected in [
        (43, MetricUnit.PERCENT, MetricKind.OBSERVED),
        (75, MetricUnit.PERCENT, MetricKind.TARGET),
        (60, MetricUnit.PERCENT, MetricKind.OBSERVED),
        (6, MetricUnit.PERCENT, MetricKind.OBSERVED),
        (425, MetricUnit.COUNT, MetricKind.OBSERVED),
        (20, MetricUnit.COUNT, MetricKind.OBSERVED),
        (18, MetricUnit.COUNT, MetricKind.OBSERVED),
        (88, MetricUnit.COUNT, MetricKind.OBSERVED),
    ]:
        assert expected in found
    values = {m.value for m in metrics}
    assert not values & {1, 3, 12, 30, 2021}  # 5 years, 12 months, 30 years, 1 March ...


def test_seed_labels_and_items(seed: tuple[str, list[ItemDraft], list[MetricDraft]]) -> None:
    _, items, metrics = seed
    labels = {(m.value, m.label) for m in metrics}
    assert {
        (43, "no supervisory input"),
        (6, "BWV evidence uploaded"),
        (425, "victims VAL unable to contact"),
        (20, "posts"),
        (18, "posts filled"),
        (88, "additional officers"),
    } <= labels
    by_value = {m.value: m for m in metrics}
    assert by_value[43].context.startswith("The PCC commented that the DA reality testing")
    assert by_value[60].context == by_value[75].context
    assert by_value[60].context.endswith("currently its around 60 %.")
    numbers = {m.value: items[m.item].number for m in metrics if m.item is not None}
    assert (numbers[43], numbers[6], numbers[425], numbers[88]) == ("1.2", "1.3", "1.4", "2.1")


# --- units -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Only 43% of victims were contacted.", 43, MetricUnit.PERCENT),
        ("Compliance is currently around 60 %.", 60, MetricUnit.PERCENT),
        ("The charge rate was 12.5 per cent.", 12.5, MetricUnit.PERCENT),
        ("Satisfaction stood at 43 percent.", 43, MetricUnit.PERCENT),
        ("The project cost £1.2m in total.", 1_200_000, MetricUnit.MONEY),
        ("The force seized £350,000 in cash.", 350_000, MetricUnit.MONEY),
        ("The grant is worth £2.5 million a year.", 2_500_000, MetricUnit.MONEY),
        ("The PCC agreed funding of £40k for the project.", 40_000, MetricUnit.MONEY),
        ("The net budget is £1.5bn.", 1_500_000_000, MetricUnit.MONEY),
        ("ASB stood at 4.2 per 1,000 population.", 4.2, MetricUnit.RATE),
        ("There were 12 crimes per 1,000 residents.", 12, MetricUnit.RATE),
        ("Officers attended 1,250 incidents in May.", 1250, MetricUnit.COUNT),
        ("The force recruited 88 officers.", 88, MetricUnit.COUNT),
        ("The force issued 212 DVPNs in the year.", 212, MetricUnit.COUNT),
    ],
)
def test_units(sentence: str, value: float, unit: MetricUnit) -> None:
    assert figures(sentence) == [(value, unit)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The new code comes into force on 1 March.",
        "Processes will be in place for 1 April 2021.",
        "The Victims Code is in place in April 2021.",
        "This was the position in 2021.",
        "The meeting starts at 10:30am and ends at 12.15pm.",
        "DA has featured over the previous 5 years.",
        "The focus grew in the past 12 months.",
        "In 30 years there will still be risk.",
        "Bring back in 6 months and report in 3 months.",
        "Answer times averaged 4 minutes 55 seconds.",
        "See item 3 and Action 2 on page 4.",
        "Callers may use 101 or 999 at any time.",
        "The service runs 24/7 from the control room.",
        "The budget for 2020/21 was agreed.",
        "Call 01905 331545 for details.",
        "This was the 3rd review of the plan.",
        "The panel met in Committee Room 2.",
        "Covid-19 changed demand.",
        "Two posts in Telford have not been recruited.",
        "Including 3 which will be into post mid March.",
        "1 in 5 forms had been graded wrongly.",
        "The offices are at 12 Abbey Street, Dunmere.",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert figures(sentence) == []


# --- kinds and labels ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("The force has a target of 90% for 999 calls.", [MetricKind.TARGET]),
        ("The force aimed to reach 85% by the end of September.", [MetricKind.TARGET]),
        ("The ambition is 95% of victims contacted within a day.", [MetricKind.TARGET]),
        (
            "Footage was uploaded for 64% of incidents, against the force's own "
            "expectation of 85%.",
            [MetricKind.OBSERVED, MetricKind.TARGET],
        ),
        (
            "The aim is 90% and currently the force is at 85%.",
            [MetricKind.TARGET, MetricKind.OBSERVED],
        ),
        ("The abandonment rate was 19%.", [MetricKind.OBSERVED]),
        ("The target was 90%.", [MetricKind.TARGET]),
        ("The aim is 90% and the force was at 85%.", [MetricKind.TARGET, MetricKind.OBSERVED]),
        (
            "The CC would envisage a 75% level to be achievable for these, currently its "
            "around 60 %.",
            [MetricKind.TARGET, MetricKind.OBSERVED],
        ),
        ("The force expected to receive 60 officers.", [MetricKind.TARGET]),
        ("The uplift of a further 20 posts by the end of March.", [MetricKind.OBSERVED]),
        ("A sample of 120 forms found a standard risk grading.", [MetricKind.OBSERVED]),
    ],
)
def test_kinds(sentence: str, kinds: list[MetricKind]) -> None:
    assert [m.kind for m in metrics_in(sentence)] == kinds


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        (
            "The testing found there was no supervisory input in 43% of cases.",
            "no supervisory input",
        ),
        ("Only 6% of body worn video (BWV) evidence had been uploaded.", "BWV evidence uploaded"),
        ("VAL were unable to contact 425 victims safely.", "victims VAL unable to contact"),
        ("This allows for an additional 88 officers in this area.", "additional officers"),
        ("The abandonment rate was 19%.", "abandonment rate"),
        ("He said the vacancy rate was now 3%.", "vacancy rate"),
        (
            "MO said the positive outcome rate for burglary was 4.9%.",
            "positive outcome rate for burglary",
        ),
        ("The force would aim to bring 101 abandonment below 10% by March.", "101 abandonment"),
        ("The force had 1,742 officers against an establishment of 1,760.", "officers"),
        ("A precept increase of £15 was proposed.", "precept increase"),
        ("£500,000 of the underspend would move to reserves.", "underspend"),
        ("The force paused recruitment, saving £230,000.", "saving"),
        (
            "Force-wide the rate of ASB incidents was 4.2 per 1,000 population.",
            "rate of ASB incidents per 1,000 population",
        ),
        ("There were 12 crimes per 1,000 residents.", "crimes per 1,000 residents"),
        ("The force issued 27 Community Protection Notices.", "Community Protection Notices"),
        ("The force has 14 vacancies among 160 call handler posts.", "vacancies"),
        ("Recorded CSE crimes in the twelve months to October were 246.", "Recorded CSE crimes"),
        ("A dip sample of 120 forms found that some were wrong.", "forms"),
    ],
)
def test_labels(sentence: str, label: str) -> None:
    assert metrics_in(sentence)[0].label == label


def test_a_count_without_a_noun_takes_the_noun_counted_just_before() -> None:
    text = (
        "Action 2: CC to say how many of the 20 posts are filled now. "
        "(During the meeting the DCC confirmed 18 are filled.)"
    )
    assert [(m.value, m.label) for m in metrics_in(text)] == [(20, "posts"), (18, "posts filled")]


def test_a_figure_without_a_label_takes_the_one_before_it_in_the_sentence() -> None:
    (first, second) = metrics_in("The 999 answer rate was 86% in June, down from 91% in April.")
    assert first.label == second.label == "999 answer rate"


# --- spans, duplicates and items -------------------------------------------------------------


def test_identical_figures_in_one_sentence_are_kept_once() -> None:
    text = "Compliance was 43% in May and 43% in June. Compliance was 43% in July."
    metrics = metrics_in(text)
    assert [m.value for m in metrics] == [43, 43]
    assert metrics[0].span != metrics[1].span


def test_each_figure_lies_under_its_item() -> None:
    text = (
        "1.\tCalls\nThe FCR answered 86% of calls.\n2.\tStaff\nThe force recruited 40 officers.\n"
    )
    items = parse_items(text, split_lines(text))
    metrics = metrics_in(text, items)
    assert [items[m.item].number for m in metrics if m.item is not None] == ["1", "2"]


def test_sentences_skip_numbers_bullets_and_cells() -> None:
    text = "2.1\tThe rate was 19%. Calls fell.\n• 88 officers joined.\nName\tCapacity\n"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "The rate was 19%.",
        "Calls fell.",
        "88 officers joined.",
        "Name",
        "Capacity",
    ]


def test_a_sentence_broken_by_the_page_is_one_context() -> None:
    text = "Net revenue expenditure would be\n£241.7m, an increase of £17.4m (7.8%) on 2022/23.\n"
    metrics = metrics_in(text)
    assert [m.value for m in metrics] == [241_700_000, 17_400_000, 7.8]
    assert metrics[0].label == "Net revenue expenditure"
    assert metrics[0].context.startswith("Net revenue expenditure would be\n£241.7m")


# --- rates, service numbers and counts from other forces' minutes ---------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "label"),
    [
        (
            "The DCC said that the rate was 19.4 anti-social behaviour (ASB) incidents per 1,000 "
            "population.",
            19.4,
            "ASB incidents per 1,000 population",
        ),
        (
            "The force recorded 19.4 ASB incidents per 1,000 population in 2022.",
            19.4,
            "ASB incidents per 1,000 population",
        ),
        (
            "There were 4.2 domestic abuse related crimes per 1,000 population.",
            4.2,
            "domestic abuse related crimes per 1,000 population",
        ),
    ],
)
def test_rates_with_nouns_of_several_words(sentence: str, value: float, label: str) -> None:
    metrics = metrics_in(sentence)
    assert [(m.value, m.unit, m.label) for m in metrics] == [(value, MetricUnit.RATE, label)]


def test_the_base_of_a_rate_is_never_a_count() -> None:
    assert figures("It was 7 per 1,000 last year.") == [(7.0, MetricUnit.RATE)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("HMICFRS identified 112 areas for improvement.", [(112.0, "areas")]),
        ("The DCS said that 112 MARAC referrals had been made.", [(112.0, "MARAC referrals")]),
        ("The CC said that 101 children were open to the panel.", [(101.0, "children")]),
        ("The PCC asked about 101 waiting times and 999 calls.", []),
        ("Prosecutions would use body worn video footage and 999 recordings.", []),
        ("Call 101 or 999 in an emergency.", []),
    ],
)
def test_service_numbers_count_only_when_they_count_something(
    sentence: str, expected: list[tuple[float, str]]
) -> None:
    counts = [(m.value, m.label) for m in metrics_in(sentence) if m.unit is MetricUnit.COUNT]
    assert counts == expected


def test_a_count_in_a_state_takes_the_noun_counted_before() -> None:
    metrics = metrics_in("Of the 21 measures in the Police and Crime Plan, 15 were on track.")
    assert [(m.value, m.label) for m in metrics] == [
        (21.0, "measures"),
        (15.0, "measures on track"),
    ]


def test_a_period_between_a_noun_and_its_amount_is_skipped() -> None:
    metrics = metrics_in("The CFO reported an outturn for 2022/23 of £158.2m, an underspend.")
    assert [(m.value, m.unit, m.label) for m in metrics] == [
        (158_200_000.0, MetricUnit.MONEY, "outturn")
    ]


@pytest.mark.parametrize("run", ["9" * 5000 + " per cent", "9" * 5000 + " officers", "1" * 5000])
def test_a_run_of_thousands_of_digits_is_not_a_figure(run: str) -> None:
    assert figures(f"The figure quoted was {run} this year.") == []


def test_service_numbers_with_leading_zeros_are_services() -> None:
    assert figures("The force answered 0999 calls on time.") == []
