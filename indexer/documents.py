"""Records -> index documents, a batch at a time (a fixed number of queries per batch).

Every document carries its meeting's date, day, year, kind and body, the record's
theme codes and the glossary acronyms its text mentions. Its ``text`` begins with
its title, so ``exact`` (title + text) is the same string, analysed without stemming:

* item: title; text = title + item text; ``item_number`` its number;
* meeting: title; text = title, venue, kind, body and attendee names;
* action: "Action <reference>"; text = that, the action text, the owner text and the
  owners' names; ``item_number`` the number of the item it was raised under;
* metric: its label; text = label + the sentence it came from; ``item_number`` as for actions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from indexer.analysis import AnalysedText
from indexer.glossary import AcronymMatcher
from indexer.schema import ACTION, ITEM, MEETING, METRIC, RECORD_TYPES, document_key
from records.models import Action, AgendaItem, Attendance, Meeting, Metric, Theme

# Largest IN list sent in one query.
MAX_IDS_PER_QUERY = 1000

T = TypeVar("T")


@dataclass(frozen=True)
class MeetingContext:
    """What every document of a meeting carries about it."""

    id: int
    date: dt.date | None  # None for a meeting whose documents state no date
    kind: str
    body: str


@dataclass(frozen=True)
class IndexDocument:
    """One record as the index holds it."""

    type: str
    record_id: int
    meeting: MeetingContext
    title: str
    text: str
    themes: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    item_number: str = ""

    @property
    def key(self) -> str:
        return document_key(self.type, self.record_id)

    def fields(self) -> dict[str, Any]:
        """Keyword arguments for ``IndexWriter.add_document``. ``text``, ``exact`` and
        ``pairs`` share one tokenization of the text; ``text`` stores the string."""
        date = self.meeting.date
        analysed = AnalysedText(self.text)
        dated: dict[str, Any] = {}
        if date is not None:  # an undated record has no date, day or year to filter on
            dated = {
                "date": dt.datetime.combine(date, dt.time.min),
                "day": date.year * 10_000 + date.month * 100 + date.day,
                "year": date.year,
            }
        return {
            "key": self.key,
            "type": self.type,
            "record_id": self.record_id,
            "meeting_id": self.meeting.id,
            **dated,
            "kind": self.meeting.kind,
            "body": self.meeting.body,
            "themes": ",".join(self.themes),
            "acronyms": ",".join(self.acronyms),
            "item_number": self.item_number,
            "title": self.title,
            "text": analysed,
            "_stored_text": self.text,
            "exact": analysed,
            "pairs": analysed,
        }


def empty_ids() -> dict[str, set[int]]:
    return {record_type: set() for record_type in RECORD_TYPES}


async def build_documents(
    session: AsyncSession, matcher: AcronymMatcher, ids: Mapping[str, Collection[int]]
) -> list[IndexDocument]:
    """Documents for the records named by ``ids`` (record type -> ids) that still exist.

    A record that no longer exists yields no document. The number of queries
    depends on the number of record types and ids per query, not on the records.
    """
    items = await _load(
        session,
        select(AgendaItem).options(selectinload(AgendaItem.themes)),
        AgendaItem.id,
        ids.get(ITEM, ()),
    )
    actions = await _load(
        session,
        select(Action).options(
            selectinload(Action.themes),
            selectinload(Action.owners),
            selectinload(Action.item).load_only(AgendaItem.id, AgendaItem.number),
        ),
        Action.id,
        ids.get(ACTION, ()),
    )
    metrics = await _load(
        session,
        select(Metric).options(
            selectinload(Metric.theme),
            selectinload(Metric.item).load_only(AgendaItem.id, AgendaItem.number),
        ),
        Metric.id,
        ids.get(METRIC, ()),
    )
    meetings = await _load(
        session,
        select(Meeting).options(
            selectinload(Meeting.themes),
            selectinload(Meeting.attendances).selectinload(Attendance.person),
        ),
        Meeting.id,
        ids.get(MEETING, ()),
    )
    contexts = {m.id: meeting_context(m) for m in meetings}
    needed = {r.meeting_id for r in (*items, *actions, *metrics)} - contexts.keys()
    contexts.update(await _meeting_contexts(session, needed))

    documents = [meeting_document(m, contexts[m.id], matcher) for m in meetings]
    documents += [item_document(i, contexts[i.meeting_id], matcher) for i in items]
    documents += [action_document(a, contexts[a.meeting_id], matcher) for a in actions]
    documents += [metric_document(m, contexts[m.meeting_id], matcher) for m in metrics]
    return documents


def meeting_context(meeting: Meeting) -> MeetingContext:
    return MeetingContext(meeting.id, meeting.date, meeting.kind.value, meeting.body_key)


def kind_label(kind: str) -> str:
    """``"MONTHLY_ASSURANCE"`` -> ``"Monthly Assurance"``."""
    return kind.replace("_", " ").title()


def meeting_document(
    meeting: Meeting, context: MeetingContext, matcher: AcronymMatcher
) -> IndexDocument:
    names = [a.person.name for a in meeting.attendances]
    text = _lines(meeting.title, meeting.venue, kind_label(context.kind), meeting.body, *names)
    return _document(MEETING, meeting.id, context, meeting.title, text, meeting.themes, matcher)


def item_document(
    item: AgendaItem, context: MeetingContext, matcher: AcronymMatcher
) -> IndexDocument:
    text = _lines(item.title, item.text)
    return _document(
        ITEM, item.id, context, item.title, text, item.themes, matcher, item.number or ""
    )


def action_document(
    action: Action, context: MeetingContext, matcher: AcronymMatcher
) -> IndexDocument:
    title = f"Action {action.reference}" if action.reference else "Action"
    owners = [p.name for p in action.owners]
    text = _lines(f"{title}: {action.text}", action.owner_text, *owners)
    number = action.item.number if action.item is not None else None
    return _document(ACTION, action.id, context, title, text, action.themes, matcher, number or "")


def metric_document(
    metric: Metric, context: MeetingContext, matcher: AcronymMatcher
) -> IndexDocument:
    text = _lines(metric.label, metric.context)
    themes = [metric.theme] if metric.theme is not None else []
    number = metric.item.number if metric.item is not None else None
    return _document(METRIC, metric.id, context, metric.label, text, themes, matcher, number or "")


def _document(
    record_type: str,
    record_id: int,
    context: MeetingContext,
    title: str,
    text: str,
    themes: Iterable[Theme],
    matcher: AcronymMatcher,
    item_number: str = "",
) -> IndexDocument:
    return IndexDocument(
        type=record_type,
        record_id=record_id,
        meeting=context,
        title=title,
        text=text,
        themes=tuple(sorted({t.code for t in themes})),
        acronyms=tuple(matcher.find(text)),
        item_number=item_number,
    )


def _lines(*parts: str | None) -> str:
    return "\n".join(p.strip() for p in parts if p and p.strip())


async def _load(
    session: AsyncSession, query: Any, id_column: Any, ids: Collection[int]
) -> list[Any]:
    rows: list[Any] = []
    for chunk in _chunks(sorted(ids), MAX_IDS_PER_QUERY):
        rows.extend((await session.scalars(query.where(id_column.in_(chunk)))).all())
    return rows


async def _meeting_contexts(
    session: AsyncSession, meeting_ids: Collection[int]
) -> dict[int, MeetingContext]:
    contexts: dict[int, MeetingContext] = {}
    query = select(Meeting.id, Meeting.date, Meeting.kind, Meeting.body_key)
    for chunk in _chunks(sorted(meeting_ids), MAX_IDS_PER_QUERY):
        for meeting_id, date, kind, body in await session.execute(
            query.where(Meeting.id.in_(chunk))
        ):
            contexts[meeting_id] = MeetingContext(meeting_id, date, kind.value, body)
    return contexts


def _chunks(values: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
