"""The bar chart of counts per year, laid out for an SVG drawn by the template.

Every year from the first to the last with a count gets a bar (years between with none
show as gaps, so the chart reads as a time line); each bar is a link that narrows the
search to its year. The SVG scales with its viewBox, so it fits a narrow screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Final

BAR_WIDTH: Final = 34
GAP: Final = 8
PLOT_HEIGHT: Final = 120
TOP: Final = 18  # room for the counts above the bars
BOTTOM: Final = 22  # room for the years below them
MAX_YEARS: Final = 80


@dataclass(frozen=True)
class Bar:
    year: int
    count: int
    x: int
    y: int
    height: int
    href: str
    selected: bool

    @property
    def middle(self) -> float:
        return self.x + BAR_WIDTH / 2


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    baseline: int
    total: int

    @property
    def bar_width(self) -> int:
        return BAR_WIDTH


def year_chart(
    counts: Iterable[Mapping[str, object]],
    link: Callable[[int], str],
    selected: Iterable[int] = (),
) -> Chart | None:
    """The chart of ``counts`` (``{"value": "2021", "count": 7}`` as GraphQL gives them);
    None when there is nothing to draw."""
    by_year = {int(str(c["value"])): int(str(c["count"])) for c in counts}
    by_year = {year: count for year, count in by_year.items() if count > 0}
    if not by_year:
        return None
    first, last = min(by_year), max(by_year)
    # Every year between, unless a stray date lies far off: then the years with counts.
    years = sorted(by_year) if last - first >= MAX_YEARS else list(range(first, last + 1))
    highest = max(by_year.values())
    chosen = set(selected)
    bars = []
    for n, year in enumerate(years):
        count = by_year.get(year, 0)
        height = round(PLOT_HEIGHT * count / highest) if count else 0
        if count and height < 2:
            height = 2  # a count is never drawn as nothing
        bars.append(
            Bar(
                year=year,
                count=count,
                x=GAP + n * (BAR_WIDTH + GAP),
                y=TOP + PLOT_HEIGHT - height,
                height=height,
                href=link(year),
                selected=year in chosen,
            )
        )
    width = GAP + len(years) * (BAR_WIDTH + GAP)
    return Chart(
        bars=bars,
        width=width,
        height=TOP + PLOT_HEIGHT + BOTTOM,
        baseline=TOP + PLOT_HEIGHT,
        total=sum(by_year.values()),
    )
