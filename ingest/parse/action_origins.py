"""Carried actions: passages that say the actions after them come from an earlier meeting.

A passage such as "Two actions arising from the May 2020 Performance Meeting ... were
deferred to this meeting" marks the actions after it, within its agenda item (or up to
the next heading when items are unknown), as carried from that meeting; "Actions from
that meeting" takes the meeting a sentence just before it names. A count ("Two actions")
limits how many are marked, and "deferred", "carried forward" mark them deferred unless
they state a status of their own.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ingest.draft import ActionDraft, ItemDraft, Span
from ingest.parse.action_candidates import ACTION_MARKER
from ingest.parse.action_log import Origin, origin_from_phrase
from ingest.parse.dates import iter_dates
from ingest.parse.positions import ItemLocator, SpanSet
from ingest.parse.text import sentence_end as _sentence_end
from records.enums import ActionStatus

__all__ = ["ORIGIN_END", "CarriedAction", "Passage", "apply_passages", "find_passages"]

_PASSAGE = re.compile(
    r"\b(?:actions?|matters[ \t]+arising)\b(?:[ \t]+[\w'-]+){0,2}?[ \t]+from[ \t]+"
    r"(?P<origin>[^.;()\n]{3,140})",
    re.IGNORECASE,
)
ORIGIN_END = re.compile(
    r"\s+(?:were|was|had|have|has|are|is|remains?|remained|which|that|and\s+(?:were|had))\b"
)
_ANAPHORIC = re.compile(
    r"^(?:that|the\s+(?:last|previous|preceding|above|said))\s+meeting$", re.IGNORECASE
)
_ANAPHORA_REACH = 300
_DEFERRED = re.compile(
    r"\b(?:deferred|carried\s+(?:forward|over)|brought\s+forward|postponed|rolled\s+(?:forward|over))\b",
    re.IGNORECASE,
)
_COUNT_BEFORE = re.compile(
    r"(?P<count>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+$", re.IGNORECASE
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


class CarriedAction(Protocol):
    """An action a passage may mark: its draft, and whether its status was stated."""

    draft: ActionDraft
    explicit_status: bool


@dataclass(frozen=True)
class Passage:
    start: int
    origin: Origin
    deferred: bool
    count: int | None


def _subtree_end(items: Sequence[ItemDraft], index: int) -> int:
    end = items[index].span.end
    changed = True
    members = {index}
    while changed:
        changed = False
        for child, item in enumerate(items):
            if child not in members and item.parent in members:
                members.add(child)
                end = max(end, item.span.end)
                changed = True
    return end


def _subtree_ends(items: Sequence[ItemDraft]) -> list[int]:
    """``_subtree_end`` of every item: where the last of its descendants ends.

    Items from ``parse_items`` come after their parents, so one pass from the last item
    to the first gives them all; other parent links are followed as ``_subtree_end`` does.
    """
    if any(item.parent is not None and not 0 <= item.parent < i for i, item in enumerate(items)):
        return [_subtree_end(items, index) for index in range(len(items))]
    ends = [item.span.end for item in items]
    for index in range(len(items) - 1, -1, -1):
        parent = items[index].parent
        if parent is not None:
            ends[parent] = max(ends[parent], ends[index])
    return ends


def _meeting_named_before(text: str, meeting_date: dt.date, position: int) -> Origin | None:
    """The earlier meeting a sentence names just before "Actions from that meeting", in the
    same paragraph: "The minutes of the Performance Meeting held on 7 January 2015 were
    agreed. Actions from that meeting were reviewed"."""
    window_start = max(0, position - _ANAPHORA_REACH)
    paragraph = text.rfind("\n\n", window_start, position)
    before = text[paragraph + 2 if paragraph >= 0 else window_start : position]
    dated = [m for m in iter_dates(before, default_year=meeting_date.year) if m.has_day]
    if not dated:
        return None
    last = dated[-1]
    clause_start = max(
        (m.end() for m in re.finditer(r"[.;:]\s|\n", before[: last.span[0]])), default=0
    )
    origin = origin_from_phrase(before[clause_start : last.span[1]], meeting_date)
    return origin if origin.date is not None and origin.date <= meeting_date else None


def find_passages(
    text: str, meeting_date: dt.date, action_spans: Iterable[Span], tables: SpanSet
) -> list[Passage]:
    """Sentences and titles that say the actions after them come from an earlier meeting."""
    passages: list[Passage] = []
    in_actions = SpanSet(action_spans)
    for match in _PASSAGE.finditer(text):
        if match.start() in tables or match.start() in in_actions:
            continue
        phrase = match.group("origin")
        verb = ORIGIN_END.search(phrase)
        phrase = phrase[: verb.start()] if verb else phrase
        origin = origin_from_phrase(phrase, meeting_date)
        if origin.date is None and _ANAPHORIC.match(phrase.strip()):
            origin = _meeting_named_before(text, meeting_date, match.start()) or origin
        if origin.date is None and origin.title is None:
            continue
        line_end = text.find("\n", match.end())
        sentence_end = _sentence_end(text, match.start(), len(text) if line_end < 0 else line_end)
        count = _COUNT_BEFORE.search(text, max(0, match.start() - 12), match.start())
        number = None
        if count:
            word = count.group("count").lower()
            number = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        deferred = bool(_DEFERRED.search(text, match.start(), sentence_end))
        passages.append(Passage(match.start(), origin, deferred, number))
    return passages


_TOP_HEADING = re.compile(r"\s*(?:#{1,6}\s|(?:Item\s+)?\d{1,2}[.)]?\s)")


def _is_heading(line: str) -> bool:
    content = line.strip().strip("*_").strip()
    words = len(content.split())
    short_title = (
        0 < words <= 8
        and not re.search(r"[.!?:;,]$", content)
        and "\t" not in content
        and not ACTION_MARKER.match(content)
    )
    return short_title or bool(_TOP_HEADING.match(content))


def _next_heading(text: str, position: int) -> int:
    """Where the next heading after ``position`` starts (a fallback when items are unknown)."""
    line_start = text.find("\n", position)
    while line_start >= 0:
        line_start += 1
        line_end = text.find("\n", line_start)
        if _is_heading(text[line_start : len(text) if line_end < 0 else line_end]):
            return line_start
        line_start = line_end
    return len(text)


class _Headings:
    """``_next_heading`` for positions taken in increasing order: the lines read for one
    position are not read again for the next."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = -1
        self.heading = -1

    def after(self, position: int) -> int:
        newline = self.text.find("\n", position)
        first_line = len(self.text) + 1 if newline < 0 else newline + 1
        if not self.position <= position or first_line > self.heading:
            self.heading = _next_heading(self.text, position)
        self.position = position
        return self.heading


def apply_passages(
    text: str,
    passages: Sequence[Passage],
    found: Sequence[CarriedAction],
    items: Sequence[ItemDraft],
) -> None:
    if not passages:
        return
    locator = ItemLocator(items)
    headings = _Headings(text)
    subtree_ends: list[int] | None = None
    ordered = sorted(found, key=lambda f: f.draft.span.start)
    starts = [f.draft.span.start for f in ordered]
    following = sorted(p.start for p in passages)
    for passage in passages:
        holder = locator.find(passage.start)
        if holder is not None:
            subtree_ends = subtree_ends or _subtree_ends(items)
            scope_end = subtree_ends[holder]
        else:
            scope_end = headings.after(passage.start)
        # The next passage ("Matters arising from <another meeting>:") starts a scope of its own.
        later = bisect_right(following, passage.start)
        if later < len(following):
            scope_end = min(scope_end, following[later])
        first = bisect_right(starts, passage.start)
        in_scope = ordered[first : bisect_left(starts, scope_end, lo=first)]
        for action in in_scope if passage.count is None else in_scope[: passage.count]:
            draft = action.draft
            if draft.origin_date is None or draft.origin_date == passage.origin.date:
                draft.origin_date = draft.origin_date or passage.origin.date
                draft.origin_title = draft.origin_title or passage.origin.title
            if not action.explicit_status:
                draft.status = ActionStatus.DEFERRED if passage.deferred else draft.status
