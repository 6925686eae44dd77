"""Reading order of the words on a PDF page, and removal of page furniture.

Pure functions over word boxes (no PDF library here), so they can be tested alone.
Coordinates are PDF points with ``top`` growing down the page, as pdfplumber gives them.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)


@dataclass(frozen=True)
class TableBlock:
    """A table found on the page, already rendered as tab-separated rows."""

    top: float
    bottom: float
    rows: tuple[str, ...]


# A space wider than this many times the text height separates cells, not words.
_TAB_GAP = 1.0
# Gaps narrower than this many times the text height are spaces inside a line of prose.
_GUTTER = 0.9
# Column detection: the gutter lies in the middle of the text block ...
_GUTTER_ZONE = (0.3, 0.7)
# ... few lines may cross it, many must have words on both sides of it ...
_MAX_CROSSING_SHARE = 0.2
_MIN_TWO_SIDED_SHARE = 0.3
_MIN_TWO_SIDED_LINES = 5
# ... and both sides must read as prose, not as a label/value list.
_MIN_WORDS_PER_SIDE = 4
# A vertical gap this much wider than usual (in text heights) shows an empty line.
_PARAGRAPH_GAP = 1.0
# Up to this many lines at the top or bottom of a page, set apart from the body by a
# gap this much wider than usual (in text heights), are running headers or footers.
_MARGIN_LINES = 2
_MARGIN_GAP = 1.5

_ROMAN = r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_PAGE_NUMBER = re.compile(
    rf"^(?:page\s*)?[-–—(\[]?\s*(?:\d{{1,4}}|{_ROMAN})\s*[-–—)\]]?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)


def group_lines(words: Sequence[Word]) -> list[Line]:
    """Words that share a baseline band, left to right, top to bottom."""
    if not words:
        return []
    tolerance = max(2.0, 0.5 * statistics.median(w.height for w in words))
    ordered = sorted(words, key=lambda w: (w.top, w.x0))
    lines: list[list[Word]] = []
    line_top = -math.inf
    for word in ordered:
        if lines and word.top - line_top <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
            line_top = word.top
    return [Line(tuple(sorted(line, key=lambda w: w.x0))) for line in lines]


def render_line(line: Line) -> str:
    """Words joined by spaces; a gap as wide as the text is high becomes a tab."""
    parts: list[str] = []
    previous: Word | None = None
    for word in line.words:
        if previous is not None:
            gap = word.x0 - previous.x1
            parts.append("\t" if gap > _TAB_GAP * max(word.height, previous.height) else " ")
        parts.append(word.text)
        previous = word
    return "".join(parts)


def _segments(line: Line, gutter: float) -> list[tuple[float, float]]:
    """Horizontal extents of the runs of words separated by less than ``gutter``."""
    runs: list[tuple[float, float]] = []
    for word in line.words:
        if runs and word.x0 - runs[-1][1] < gutter:
            runs[-1] = (runs[-1][0], max(runs[-1][1], word.x1))
        else:
            runs.append((word.x0, word.x1))
    return runs


def find_column_split(lines: Sequence[Line]) -> float | None:
    """The x of the gutter of a two-column page, or None for a single column."""
    if len(lines) < 2 * _MIN_TWO_SIDED_LINES:
        return None
    heights = [w.height for line in lines for w in line.words]
    gutter = _GUTTER * statistics.median(heights)
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    width = right - left
    if width <= 0:
        return None
    line_runs = [_segments(line, gutter) for line in lines]
    best: tuple[int, int, float] | None = None
    x = left + _GUTTER_ZONE[0] * width
    while x <= left + _GUTTER_ZONE[1] * width:
        crossing = sum(1 for runs in line_runs if any(a <= x <= b for a, b in runs))
        two_sided = sum(
            1 for runs in line_runs if runs[0][0] < x and runs[-1][1] > x and len(runs) > 1
        )
        key = (crossing, -two_sided, x)
        if best is None or key < best:
            best = key
        x += 1.0
    if best is None:
        return None
    crossing, negative_two_sided, split = best
    two_sided = -negative_two_sided
    if crossing > _MAX_CROSSING_SHARE * len(lines):
        return None
    if two_sided < max(_MIN_TWO_SIDED_LINES, _MIN_TWO_SIDED_SHARE * len(lines)):
        return None
    split = _centre_of_gap(line_runs, split)
    if not _reads_as_prose(lines, split):
        return None
    return split


def _centre_of_gap(line_runs: list[list[tuple[float, float]]], x: float) -> float:
    """Move ``x`` to the middle of the empty band around it."""
    left_edge = max((b for runs in line_runs for a, b in runs if b < x), default=x)
    right_edge = min((a for runs in line_runs for a, b in runs if a > x), default=x)
    return (left_edge + right_edge) / 2


def _reads_as_prose(lines: Sequence[Line], split: float) -> bool:
    left_counts: list[int] = []
    right_counts: list[int] = []
    for line in lines:
        left = sum(1 for w in line.words if w.centre < split)
        right = len(line.words) - left
        if left and right:
            left_counts.append(left)
            right_counts.append(right)
    if not left_counts:
        return False
    return (
        statistics.median(left_counts) >= _MIN_WORDS_PER_SIDE
        and statistics.median(right_counts) >= _MIN_WORDS_PER_SIDE
    )


def _crosses(line: Line, split: float, gutter: float) -> bool:
    return any(a <= split <= b for a, b in _segments(line, gutter))


def _margin_counts(lines: Sequence[Line]) -> tuple[int, int]:
    """How many lines at the top and bottom stand apart from the body (running headers,
    footers): separated from the next line by a gap far wider than the usual line gap."""
    if len(lines) < 4:
        return 0, 0
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(lines)]
    usual = max(0.0, statistics.median(gaps))
    height = statistics.median(w.height for line in lines for w in line.words)
    wide = usual + _MARGIN_GAP * height
    top = 0
    for index in range(min(_MARGIN_LINES, len(gaps))):
        if gaps[index] > wide:
            top = index + 1
    bottom = 0
    for index in range(min(_MARGIN_LINES, len(gaps) - top)):
        if gaps[len(gaps) - 1 - index] > wide:
            bottom = index + 1
    return top, bottom


def order_page(lines: Sequence[Line], tables: Sequence[TableBlock]) -> list[Line | TableBlock]:
    """Lines and tables in reading order; two-column stretches read column by column.

    Header and footer lines set apart from the body keep their place at the top and
    bottom. In the body, lines that cross the gutter (titles) and tables divide the
    page into bands; within a band the left column is read before the right one.
    """
    ordered_lines = sorted(lines, key=lambda line: line.top)
    top_count, bottom_count = _margin_counts(ordered_lines)
    head = ordered_lines[:top_count]
    foot = ordered_lines[len(ordered_lines) - bottom_count :]
    body = ordered_lines[top_count : len(ordered_lines) - bottom_count]
    items: list[Line | TableBlock] = sorted([*body, *tables], key=lambda item: item.top)
    split = find_column_split(body)
    if split is None:
        return [*head, *items, *foot]
    gutter = _GUTTER * statistics.median(w.height for line in body for w in line.words)
    ordered: list[Line | TableBlock] = list(head)
    left_column: list[Line] = []
    right_column: list[Line] = []

    def flush() -> None:
        ordered.extend(left_column)
        ordered.extend(right_column)
        left_column.clear()
        right_column.clear()

    for item in items:
        if isinstance(item, TableBlock) or _crosses(item, split, gutter):
            flush()
            ordered.append(item)
            continue
        left_words = tuple(w for w in item.words if w.centre < split)
        right_words = tuple(w for w in item.words if w.centre >= split)
        if left_words:
            left_column.append(Line(left_words))
        if right_words:
            right_column.append(Line(right_words))
    flush()
    ordered.extend(foot)
    return ordered


def render_page(items: Sequence[Line | TableBlock]) -> list[str]:
    """Text lines of a page, with a blank line where the page shows an empty line."""
    lines = [item for item in items if isinstance(item, Line)]
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(lines) if b.top > a.bottom]
    usual_gap = statistics.quantiles(gaps, n=4)[0] if len(gaps) >= 2 else 0.0
    heights = [w.height for line in lines for w in line.words]
    height = statistics.median(heights) if heights else 0.0
    out: list[str] = []
    previous: Line | TableBlock | None = None
    for item in items:
        if isinstance(item, TableBlock):
            out.extend(item.rows)
        else:
            if (
                isinstance(previous, Line)
                and len(gaps) >= 2
                and item.top - previous.bottom > usual_gap + _PARAGRAPH_GAP * height
                and out
                and out[-1]
            ):
                out.append("")
            out.append(render_line(item))
        previous = item
    return out


def _furniture_key(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.lower())).strip()


def _numbers(line: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", line))


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line.strip()))


def _repeated_keys(zones: Sequence[Sequence[str]]) -> set[str]:
    """Keys of the lines that repeat in the zones of many pages: word for word on more than
    half of the pages, or on at least three pages with one number that counts the pages
    (a running header with the page number, which may change with each chapter)."""
    seen: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
    for page_index, zone in enumerate(zones):
        for key, digits in {(_furniture_key(line), _numbers(line)) for line in zone}:
            seen.setdefault(key, []).append((page_index, digits))
    exact_needed = max(2, len(zones) // 2 + 1)
    counting_needed = max(2, min(3, len(zones)))
    repeated: set[str] = set()
    for key, found in seen.items():
        if len({page for page, _ in found}) != len(found):
            continue  # twice on one page: body text, not furniture
        found.sort()
        numbers = {digits for _, digits in found}
        if len(numbers) == 1:
            if len(found) >= exact_needed:
                repeated.add(key)
            continue
        if len(found) < counting_needed:
            continue
        first = found[0][1]
        varying = [i for i in range(len(first)) if len({d[i] for _, d in found}) > 1]
        if len(varying) == 1:
            position = varying[0]
            steps = itertools.pairwise(found)
            if all(b[1][position] - a[1][position] == b[0] - a[0] for a, b in steps):
                repeated.add(key)
    return repeated


def drop_page_furniture(pages: Sequence[Sequence[str]], depth: int = 3) -> list[list[str]]:
    """Remove running headers/footers and page numbers from the top and bottom of pages.

    A line is furniture when it is a bare page number ("3", "Page 3 of 9", "- 3 -"), or
    when the same line stands among the first or last ``depth`` lines of many pages
    (word for word on more than half of them, or with a page number that counts up).
    """
    top_zones: list[list[str]] = []
    bottom_zones: list[list[str]] = []
    for page in pages:
        content = [line for line in page if line.strip()]
        top_zones.append(content[:depth])
        bottom_zones.append(content[-depth:])
    repeated_top = _repeated_keys(top_zones)
    repeated_bottom = _repeated_keys(bottom_zones)
    cleaned: list[list[str]] = []
    for page in pages:
        lines = list(page)
        content_indexes = [i for i, line in enumerate(lines) if line.strip()]
        top_zone = set(content_indexes[:depth])
        bottom_zone = set(content_indexes[-depth:])
        drop = {
            i
            for i in top_zone | bottom_zone
            if is_page_number(lines[i])
            or (i in top_zone and _furniture_key(lines[i]) in repeated_top)
            or (i in bottom_zone and _furniture_key(lines[i]) in repeated_bottom)
        }
        kept = [line for i, line in enumerate(lines) if i not in drop]
        while kept and not kept[0].strip():
            kept.pop(0)
        while kept and not kept[-1].strip():
            kept.pop()
        cleaned.append(kept)
    return cleaned
