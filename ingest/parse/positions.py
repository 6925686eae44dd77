"""Which item, or which of some spans, holds a position of the text: one lookup per action,
metric or passage, in logarithmic time where a scan of every item would make the parse
quadratic in the length of the text."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from ingest.draft import ItemDraft, Span


def innermost_item(items: Sequence[ItemDraft], position: int) -> int | None:
    """Index of the smallest item whose span contains ``position`` (the deepest on a tie)."""
    best: int | None = None
    for index, item in enumerate(items):
        if item.span.start <= position < item.span.end and (
            best is None
            or item.span.end - item.span.start <= items[best].span.end - items[best].span.start
        ):
            best = index
    return best


class ItemLocator:
    """``innermost_item`` for many positions of one list of items.

    The items ``parse_items`` gives follow one another without overlapping (an item's span
    ends where the next heading starts): at most one holds a position, found by bisection.
    Items that nest or overlap are scanned as ``innermost_item`` scans them.
    """

    def __init__(self, items: Sequence[ItemDraft]) -> None:
        self._items = items
        self._starts = [item.span.start for item in items]
        self._ordered = all(
            items[index - 1].span.end <= items[index].span.start
            and items[index - 1].span.start <= items[index - 1].span.end
            for index in range(1, len(items))
        )

    def find(self, position: int) -> int | None:
        if not self._ordered:
            return innermost_item(self._items, position)
        index = bisect_right(self._starts, position) - 1
        if index >= 0 and position < self._items[index].span.end:
            return index
        return None


class SpanSet:
    """Whether a position lies in any of some half-open spans (kept as their union)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for span in sorted((s for s in spans if s.start < s.end), key=lambda s: s.start):
            if ends and span.start <= ends[-1]:
                ends[-1] = max(ends[-1], span.end)
            else:
                starts.append(span.start)
                ends.append(span.end)
        self._starts = starts
        self._ends = ends

    def __contains__(self, position: int) -> bool:
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._ends[index]
