"""Synthetic minutes as the search index sees them, without a database.

``build_corpus(items)`` takes meetings from ``bench.corpus.iter_meetings`` until it has
``items`` agenda items, and turns each meeting into the records ingest would store:

* items: each heading's own text (the paragraphs, bullets and action lines up to the
  next heading, as ``ingest.parse.items`` cuts them), numbers and parents;
* themes: ``ingest.parse.themes.assign_themes`` over the items and the acronyms the
  minutes define (an action takes its item's themes, a metric its item's first theme,
  as ``ingest.store`` does);
* metrics: ``ingest.parse.metrics.parse_metrics`` over the items (label and sentence as
  the parser gives them);
* actions and attendees: the generator's ground truth.

The records are unsaved ORM objects (ids numbered per table, in meeting order) handed to
``indexer.documents``' own ``meeting_document``, ``item_document``, ``action_document``
and ``metric_document``, with an ``AcronymMatcher`` over the curated glossary as a
database seeded with it holds it (``records.glossary.seeded``). ``fts_row`` gives the
row an SQLite FTS5 table holds for a document. The same ``items`` and ``seed`` always
give the same documents.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from bench.corpus import ActionLine, Bullet, GeneratedMeeting, Heading, Para, iter_meetings
from indexer.documents import (
    IndexDocument,
    MeetingContext,
    action_document,
    item_document,
    meeting_document,
    metric_document,
)
from indexer.glossary import AcronymMatcher
from indexer.schema import ACTION, ITEM, MEETING, METRIC
from ingest.draft import GlossaryEntry, ItemDraft, MetricDraft, Span
from ingest.keys import body_key
from ingest.parse.metrics import parse_metrics
from ingest.parse.themes import assign_themes, load_base_glossary
from records.glossary import seeded, stored_acronyms
from records.models import Action, AgendaItem, Attendance, Meeting, Metric, Person, Theme

# Document types in the order a rebuild adds them (``indexer.sync``).
TYPE_ORDER = (MEETING, ITEM, ACTION, METRIC)
# A little under the generator's mean (9.8), so that its date range is mostly covered.
ITEMS_PER_MEETING = 9.5


class FtsRow(NamedTuple):
    """One document as the FTS5 benchmark table and its side table hold it."""

    key: str
    type: str
    year: int
    day: int
    kind: str
    title: str
    text: str


def fts_row(document: IndexDocument) -> FtsRow:
    fields = document.fields()
    return FtsRow(
        key=fields["key"],
        type=fields["type"],
        year=fields["year"],
        day=fields["day"],
        kind=fields["kind"],
        title=document.title,
        text=document.text,
    )


@dataclass
class SearchCorpus:
    """Index documents of ``items`` agenda items with their meetings, actions and metrics."""

    items: int
    meetings: int
    documents: list[IndexDocument]

    def count(self, record_type: str) -> int:
        return sum(1 for d in self.documents if d.type == record_type)

    def in_build_order(self) -> list[IndexDocument]:
        """Meetings, then items, actions and metrics, each by id (as a rebuild adds them)."""
        rank = {t: i for i, t in enumerate(TYPE_ORDER)}
        return sorted(self.documents, key=lambda d: (rank[d.type], d.record_id))


@dataclass
class _Ids:
    """The next id of each table, as a database would hand them out."""

    next: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPE_ORDER, 1))

    def take(self, record_type: str) -> int:
        value = self.next[record_type]
        self.next[record_type] = value + 1
        return value


@dataclass(frozen=True)
class ItemText:
    """An agenda item as ingest stores it: number, title, its own text, parent number."""

    number: str
    title: str
    text: str
    parent: str | None


def item_texts(meeting: GeneratedMeeting) -> list[ItemText]:
    """Each agenda item with its own text: the blocks between its heading and the next."""
    parents = {item.number: item.parent for item in meeting.items}
    found: list[ItemText] = []
    heading: Heading | None = None
    lines: list[str] = []

    def close() -> None:
        if heading is not None:
            found.append(
                ItemText(
                    heading.number, heading.title, "\n".join(lines), parents.get(heading.number)
                )
            )

    for block in meeting.blocks:
        if isinstance(block, Heading):
            close()
            heading, lines = block, []
        elif heading is None:
            continue
        elif isinstance(block, Para):
            lines.append(f"{block.number} {block.text}" if block.number else block.text)
        elif isinstance(block, Bullet):
            lines.append(block.text)
        elif isinstance(block, ActionLine):
            lines.append(f"{block.label} {block.text}")
        else:
            close()  # a line after the last item ("Date of next meeting: ...")
            heading, lines = None, []
    close()
    return found


class _Converter:
    """Generated meetings -> unsaved records -> index documents."""

    def __init__(self, glossary: Sequence[GlossaryEntry]) -> None:
        self.glossary = list(glossary)
        self.matcher = AcronymMatcher(stored_acronyms(seeded(self.glossary)))
        self.themes = {e.code: Theme(code=e.code, name=e.name) for e in self.glossary if e.is_theme}
        self.people: dict[str, Person] = {}
        self.ids = _Ids()

    def person(self, name: str) -> Person:
        found = self.people.get(name)
        if found is None:
            found = self.people[name] = Person(name=name)
        return found

    def pick_themes(self, codes: Iterable[str]) -> list[Theme]:
        return [self.themes[c] for c in dict.fromkeys(codes) if c in self.themes]

    def documents(self, meeting: GeneratedMeeting, max_items: int) -> list[IndexDocument]:
        """The documents of one meeting, keeping at most its first ``max_items`` items."""
        texts = item_texts(meeting)[:max_items]
        body, drafts = _meeting_text(meeting.title, texts)
        meeting_themes = assign_themes(drafts, body, self.glossary, dict(meeting.acronyms))
        metrics = parse_metrics(body, drafts)

        meeting_id = self.ids.take(MEETING)
        context = MeetingContext(
            meeting_id, meeting.date, meeting.kind.value, body_key(meeting.body)
        )
        record = Meeting(
            id=meeting_id,
            title=meeting.title,
            kind=meeting.kind,
            date=meeting.date,
            body=meeting.body,
            body_key=context.body,
            venue=meeting.venue,
            attendances=[Attendance(person=self.person(a.name)) for a in meeting.attendees],
            themes=self.pick_themes(meeting_themes),
        )
        out = [meeting_document(record, context, self.matcher)]

        items: dict[str, AgendaItem] = {}
        item_themes: dict[str, list[str]] = {}
        for text, draft in zip(texts, drafts, strict=True):
            item = AgendaItem(
                id=self.ids.take(ITEM),
                meeting_id=meeting_id,
                number=text.number,
                title=text.title,
                text=text.text,
                themes=self.pick_themes(draft.themes),
            )
            items[text.number] = item
            item_themes[text.number] = draft.themes
            out.append(item_document(item, context, self.matcher))

        for truth in meeting.actions:
            if truth.item is not None and truth.item not in items:
                continue  # raised under an item left out
            action = Action(
                id=self.ids.take(ACTION),
                meeting_id=meeting_id,
                reference=truth.reference,
                text=truth.text,
                owner_text=truth.owner_text,
                owners=[self.person(name) for name in truth.owners],
                item=items.get(truth.item) if truth.item else None,
                themes=self.pick_themes(item_themes.get(truth.item or "", ())),
            )
            out.append(action_document(action, context, self.matcher))

        for found in metrics:
            out.append(self._metric(found, drafts, texts, items, meeting_id, context))
        return out

    def _metric(
        self,
        found: MetricDraft,
        drafts: Sequence[ItemDraft],
        texts: Sequence[ItemText],
        items: dict[str, AgendaItem],
        meeting_id: int,
        context: MeetingContext,
    ) -> IndexDocument:
        item = items[texts[found.item].number] if found.item is not None else None
        codes = drafts[found.item].themes if found.item is not None else []
        metric = Metric(
            id=self.ids.take(METRIC),
            meeting_id=meeting_id,
            label=found.label,
            context=found.context,
            item=item,
            theme=self.themes.get(codes[0]) if codes else None,
        )
        return metric_document(metric, context, self.matcher)


def _meeting_text(title: str, texts: Sequence[ItemText]) -> tuple[str, list[ItemDraft]]:
    """The meeting's title and items as one text, with an ``ItemDraft`` spanning each item."""
    parts = [title, ""]
    offset = len(title) + 2
    drafts: list[ItemDraft] = []
    index_of: dict[str, int] = {}
    for text in texts:
        number = text.number if "." in text.number else f"{text.number}."
        heading = f"{number} {text.title}"
        block = f"{heading}\n{text.text}" if text.text else heading
        drafts.append(
            ItemDraft(
                number=text.number,
                title=text.title,
                text=text.text,
                span=Span(offset, offset + len(block)),
                parent=index_of.get(text.parent) if text.parent else None,
            )
        )
        index_of[text.number] = len(drafts) - 1
        parts.append(block)
        offset += len(block) + 1
    return "\n".join(parts), drafts


def iter_documents(
    items: int, *, seed: int = 7, glossary: Sequence[GlossaryEntry] | None = None
) -> Iterator[tuple[GeneratedMeeting, list[IndexDocument]]]:
    """Each meeting with its documents, until ``items`` agenda items are covered.

    The generator spreads the meetings it is asked for over its whole date range, so it
    is asked for about as many as ``items`` needs (``ITEMS_PER_MEETING``); should they
    fall short, more come from the next seed.
    """
    if items < 1:
        raise ValueError("items must be at least 1")
    converter = _Converter(load_base_glossary() if glossary is None else glossary)
    left = items
    round_seed = seed
    while True:
        planned = max(1, math.ceil(left / ITEMS_PER_MEETING))
        for meeting in iter_meetings(planned, seed=round_seed):
            documents = converter.documents(meeting, left)
            left -= sum(1 for d in documents if d.type == ITEM)
            yield meeting, documents
            if left <= 0:
                return
        round_seed += 1


def build_corpus(
    items: int, *, seed: int = 7, glossary: Sequence[GlossaryEntry] | None = None
) -> SearchCorpus:
    """Index documents for ``items`` agenda items (and their meetings, actions, metrics)."""
    documents: list[IndexDocument] = []
    meetings = 0
    for _, found in iter_documents(items, seed=seed, glossary=glossary):
        documents.extend(found)
        meetings += 1
    return SearchCorpus(items=items, meetings=meetings, documents=documents)


__all__ = [
    "ITEMS_PER_MEETING",
    "TYPE_ORDER",
    "FtsRow",
    "ItemText",
    "SearchCorpus",
    "build_corpus",
    "fts_row",
    "item_texts",
    "iter_documents",
]
