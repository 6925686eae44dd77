"""Linking inside an ingest's transaction: which actions to link again when a meeting
arrives, changes or goes, the records they are matched against, and the lifecycles
and events rebuilt for every chain the change touched.

A later action's links depend only on stored meetings: the meeting it names as its
origin, the other documents of its own meeting and the ``LOOK_BACK`` meetings of its
body and kind before it. So when a meeting arrives, the actions linked again are its
own, those that name it, and those of the ``LOOK_BACK`` meetings after it; whatever
order the files come in, each ends up matched against the same records. What later
minutes say of earlier actions ("Action 3 closed") is kept and applied the same way
(``statement_link``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import (
    ColumnElement,
    Row,
    String,
    and_,
    cast,
    func,
    literal_column,
    or_,
    select,
    union,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.keys import name_key
from ingest.lifecycle.facts import ActionFacts, MeetingFacts, UpdateFacts
from ingest.lifecycle.history import EventDraft, lifecycle
from ingest.lifecycle.match import (
    LOOK_BACK,
    LinkDraft,
    earlier_meeting_link,
    origin_link,
    same_meeting_link,
)
from ingest.lifecycle.statement_link import (
    actions_stated_about,
    chains_stated_at,
    chains_stated_at_query,
    said_of,
    stating_meetings,
    stating_meetings_around_query,
    store_statements,
)
from ingest.prepare import PreparedDocument
from ingest.store import (
    EarlierReading,
    StoreOutcome,
    StoreResult,
    identity_of,
    same_meeting_query,
    store_document,
)
from records import writes
from records.enums import MeetingKind
from records.models import (
    Action,
    ActionLifecycle,
    ActionLink,
    ActionUpdate,
    Meeting,
    SourceDocument,
    action_owners,
)


async def store_and_link(session: AsyncSession, doc: PreparedDocument) -> StoreResult:
    """Store a document (``ingest.store``) and its statements about earlier actions, and
    link the actions it changes."""
    result, pending = await store_for_linking(session, doc)
    if pending is not None:
        await link_stored(session, [pending])
    return result


@dataclass(frozen=True)
class PendingLink:
    """A stored document's meeting whose actions are still to be linked, with what was
    read before the document was stored: the chains its meeting's actions and the
    statements it may change belonged to (``stale``), and the meetings whose statements
    may name something else now (``stating``)."""

    meeting_id: int
    place: _Place
    stale: frozenset[int]
    stating: frozenset[int]


async def store_for_linking(
    session: AsyncSession, doc: PreparedDocument, *, earlier: EarlierReading | None = None
) -> tuple[StoreResult, PendingLink | None]:
    """Store a document and its statements about earlier actions; what ``link_stored``
    needs to link the actions it changes (None when the file was stored already).
    ``earlier``: see ``ingest.store.store_document``."""
    draft = doc.draft
    identity_key = identity_of(draft)
    same = same_meeting_query(identity_key, draft, doc.file_name, earlier)
    # The meeting it will attach to, and those whose statements its arrival may make
    # name another meeting (storing it changes neither: see ``stating_meetings``), in one
    # statement; then the chains the meeting's actions and those statements belonged to.
    found: dict[int, set[int]] = {0: set(), 1: set()}
    around = stating_meetings_around_query(identity_key, draft.kind, draft.date)
    query: Any = select(literal_column("0"), same.subquery().c.id)
    if around is not None:
        query = union_all(query, select(literal_column("1"), around.subquery().c.id))
    for which, meeting_id in await session.execute(query):
        if meeting_id is not None:
            found[which].add(meeting_id)
    stating = found[1]
    before = await _chain_keys_before(session, found[0], stating | found[0])
    result = await store_document(session, doc, earlier=earlier)
    if result.outcome is StoreOutcome.UNCHANGED:
        return result, None
    await store_statements(session, doc, result.meeting_id, result.document_id)
    place = _Place(identity_key, draft.kind, draft.date)
    pending = PendingLink(
        result.meeting_id, place, frozenset(before), frozenset(stating | {result.meeting_id})
    )
    return result, pending


async def link_stored(session: AsyncSession, pending: Sequence[PendingLink]) -> None:
    """Link the actions that stored documents change, all in one pass: those of their
    meetings, those that name them, those of the ``LOOK_BACK`` meetings after each of
    its body and kind, and the chains their statements may name now. A batch of files
    linked at once ends as each linked on arrival would: an action's links depend only
    on what is stored when it is matched, and every action whose matches a new meeting
    can change is among those read here, after all of them are stored."""
    if not pending:
        return
    wanted = or_(*(_to_link_again(p.meeting_id, p.place) for p in pending))
    later = await _facts(session, wanted)
    meetings = {p.meeting_id for p in pending}
    own = {a.id for a in later if a.meeting.id in meetings}
    stated = await actions_stated_about(session, set().union(*(p.stating for p in pending)))
    stale = set().union(*(p.stale for p in pending))
    await relink(session, {a.id for a in later}, stale, logged=own, stated=stated, later=later)


@dataclass(frozen=True)
class _Place:
    """Where a meeting stands among its body's: what its links depend on."""

    identity_key: str
    kind: MeetingKind
    date: dt.date | None


@dataclass(frozen=True)
class MeetingRemoval:
    """What a meeting's removal changes the links of, read before it is removed."""

    chains: set[int]  # the chains its actions belong to, and those its statements named
    dependents: set[int]  # other meetings' actions whose links may depend on it
    stating: set[int]  # other meetings whose statements may name something else


async def removal_of_meeting(session: AsyncSession, meeting_id: int) -> MeetingRemoval:
    """Read, before a meeting is removed, what ``relink_after_removal`` links again."""
    _, others = await _actions_to_link_again(session, meeting_id)
    chains = await _chain_keys_of_meetings(
        session, select(Meeting.id).where(Meeting.id == meeting_id)
    )
    stating = await stating_meetings(session, meeting_id)
    chains |= await chains_stated_at(session, stating)
    return MeetingRemoval(chains, others, stating - {meeting_id})


async def relink_after_removal(session: AsyncSession, removal: MeetingRemoval) -> None:
    """Link again the actions that the removed meeting's could have been matched in
    place of (those naming it, those of the ``LOOK_BACK`` meetings after it) and rebuild
    the chains it was part of, those its statements named and those the statements
    that named it may name now, so the links and events are those of never having had
    the meeting."""
    stated = await actions_stated_about(session, removal.stating)
    if removal.chains or removal.dependents or stated:
        await relink(session, set(removal.dependents), removal.chains, logged=set(), stated=stated)


async def refresh_action(session: AsyncSession, action_id: int) -> None:
    """Rebuild the lifecycle of an action after an update was pushed to it."""
    await refresh(session, {action_id}, set(), logged={action_id})


async def _place(session: AsyncSession, meeting_id: int) -> _Place | None:
    row = (
        await session.execute(
            select(Meeting.identity_key, Meeting.kind, Meeting.date).where(Meeting.id == meeting_id)
        )
    ).first()
    return None if row is None else _Place(*row)


async def _actions_to_link_again(
    session: AsyncSession, meeting_id: int
) -> tuple[set[int], set[int]]:
    """The actions whose links a meeting's arrival or removal may change: its own, and
    the others' (``_to_link_again``). None of either for a meeting that is not stored."""
    place = await _place(session, meeting_id)
    if place is None:
        return set(), set()
    wanted = _to_link_again(meeting_id, place)
    rows = (await session.execute(select(Action.id, Action.meeting_id).where(wanted))).all()
    own = {action_id for action_id, of in rows if of == meeting_id}
    return own, {action_id for action_id, of in rows if of != meeting_id}


def _to_link_again(meeting_id: int, place: _Place) -> ColumnElement[bool]:
    """The actions whose links a meeting's arrival or removal may change: its own, and
    the others' (naming it as their origin, or of the ``LOOK_BACK`` meetings after it of
    its body and kind)."""
    wanted: ColumnElement[bool] = Action.meeting_id == meeting_id
    if place.date is not None:
        same_body = select(Meeting.id).where(Meeting.identity_key == place.identity_key)
        citing = and_(
            Action.origin_date.in_({place.date, place.date.replace(day=1)}),
            Action.meeting_id.in_(same_body),
        )
        after = (
            select(Meeting.id)
            .where(
                Meeting.identity_key == place.identity_key,
                Meeting.kind == place.kind,
                Meeting.date > place.date,
            )
            .order_by(Meeting.date)
            .limit(LOOK_BACK)
        )
        wanted = or_(wanted, citing, Action.meeting_id.in_(after.scalar_subquery()))
    return wanted


async def relink(
    session: AsyncSession,
    later_ids: set[int],
    stale: Collection[int],
    *,
    logged: set[int],
    stated: Collection[int] = (),
    later: Sequence[ActionFacts] | None = None,
) -> None:
    """Match each of ``later_ids`` again, write its links and rebuild the chains touched:
    those of the actions matched, those they were part of before, and those of the
    ``stated`` actions (which statements may name now). ``later``: the facts of
    ``later_ids``, when read already."""
    neighbours = select(ActionLink.earlier_action_id).where(
        ActionLink.later_action_id.in_(later_ids)
    )
    touched = select(ActionLifecycle.chain_key).where(
        or_(
            ActionLifecycle.action_id.in_(later_ids),
            ActionLifecycle.action_id.in_(neighbours),
            ActionLifecycle.chain_key.in_(stale),
        )
    )
    before = (
        await session.execute(
            select(ActionLifecycle.action_id, ActionLifecycle.chain_key).where(
                ActionLifecycle.chain_key.in_(touched)
            )
        )
    ).all()
    if later is None:
        later = await _facts(session, Action.id.in_(later_ids))
    drafts, known, whole = await _match(session, later)
    await writes.replace_action_links(
        session,
        later_ids,
        [
            {
                "earlier_action_id": d.earlier_id,
                "later_action_id": d.later_id,
                "kind": d.kind,
                "confidence": d.confidence,
                "reason": d.reason[:500],
            }
            for d in drafts
        ],
    )
    seeds = set(later_ids) | {d.earlier_id for d in drafts} | {i for i, _ in before} | set(stated)
    old_keys = set(stale) | {key for _, key in before}
    await refresh(session, seeds, old_keys, logged=logged, known=known, whole=whole)


# --- matching --------------------------------------------------------------------------------


async def _match(
    session: AsyncSession, later: Sequence[ActionFacts]
) -> tuple[list[LinkDraft], dict[int, ActionFacts], set[int]]:
    """The links of each later action, every action read to find them, and the meetings
    whose actions were all read."""
    origins = await _origin_meetings(session, later)
    previous = await _previous_meetings(session, later)
    meeting_ids = {a.meeting.id for a in later}
    meeting_ids |= {m.id for found in origins.values() for m in found}
    meeting_ids |= {m.id for found in previous.values() for m in found}
    known = {a.id: a for a in await _facts(session, Action.meeting_id.in_(meeting_ids))}
    known.update((a.id, a) for a in later)
    by_meeting: dict[int, list[ActionFacts]] = defaultdict(list)
    for action in known.values():
        by_meeting[action.meeting.id].append(action)
    for actions in by_meeting.values():
        actions.sort(key=lambda a: a.order_key)

    drafts: list[LinkDraft] = []
    for action in sorted(later, key=lambda a: a.order_key):
        found: LinkDraft | None = None
        if action.carried:
            for meeting in origins.get(action.id, ()):
                found = origin_link(action, meeting, by_meeting[meeting.id])
                if found:
                    break
        if found is None:
            others = [a for a in by_meeting[action.meeting.id] if a.id != action.id]
            found = same_meeting_link(action, others)
        if found is None and not action.carried:
            meetings = previous.get(action.meeting.id, ())
            found = earlier_meeting_link(action, [(m, by_meeting[m.id]) for m in meetings])
        if found is not None:
            drafts.append(found)
    return drafts, known, meeting_ids


async def _origin_meetings(
    session: AsyncSession, later: Sequence[ActionFacts]
) -> dict[int, list[MeetingFacts]]:
    """For each carried action, the stored meetings of its body it may name: held on its
    origin date, or in that month when the date is a month's first day ("May 2020"),
    the best title first."""
    carried = [a for a in later if a.origin_date is not None]
    if not carried:
        return {}
    # The days asked about, by body: one condition of each body's key and its days.
    days: dict[str, list[ColumnElement[bool]]] = defaultdict(list)
    for action in carried:
        assert action.origin_date is not None
        day = action.origin_date
        if day.day == 1:
            next_month = (day + dt.timedelta(days=32)).replace(day=1)
            days[action.meeting.identity_key].append(
                and_(Meeting.date >= day, Meeting.date < next_month)
            )
        else:
            days[action.meeting.identity_key].append(Meeting.date == day)
    conditions = [and_(Meeting.identity_key == key, or_(*on)) for key, on in days.items()]
    rows = await session.execute(_meeting_columns().where(or_(*conditions)))
    meetings = [_meeting_facts(row) for row in rows]
    found: dict[int, list[MeetingFacts]] = {}
    for action in carried:
        wanted = action.origin_date
        assert wanted is not None
        same = [
            m
            for m in meetings
            if m.identity_key == action.meeting.identity_key and m.id != action.meeting.id
        ]
        exact = [m for m in same if m.date == wanted]
        month = [
            m for m in same if m.date and (m.date.year, m.date.month) == (wanted.year, wanted.month)
        ]
        chosen = exact or (month if wanted.day == 1 else [])
        title = name_key(action.origin_title or "")
        chosen.sort(
            key=lambda m: (-fuzz.token_set_ratio(title, name_key(m.title)), m.date, m.kind.value)
        )
        if chosen:
            found[action.id] = chosen
    return found


async def _previous_meetings(
    session: AsyncSession, later: Sequence[ActionFacts]
) -> dict[int, list[MeetingFacts]]:
    """For each meeting of an action not carried: the ``LOOK_BACK`` meetings of its body
    and kind before it, newest first. The meetings asked about for one body and kind
    follow each other, so one statement reads the meetings before the latest of them."""
    wanted = {a.meeting.id: a.meeting for a in later if not a.carried and a.meeting.date}
    groups: dict[tuple[str, str], list[MeetingFacts]] = defaultdict(list)
    for meeting in wanted.values():
        groups[meeting.identity_key, meeting.kind.value].append(meeting)
    found: dict[int, list[MeetingFacts]] = {}
    for meetings in groups.values():
        latest = max(m.date for m in meetings if m.date)
        first = meetings[0]
        rows = await session.execute(
            _meeting_columns()
            .where(
                Meeting.identity_key == first.identity_key,
                Meeting.kind == first.kind,
                Meeting.date < latest,
            )
            .order_by(Meeting.date.desc())
            .limit(LOOK_BACK * len(meetings) + len(meetings))
        )
        before = [_meeting_facts(row) for row in rows]
        for meeting in meetings:
            assert meeting.date is not None
            day = meeting.date
            found[meeting.id] = [m for m in before if m.date and m.date < day][:LOOK_BACK]
    return found


# --- lifecycles ------------------------------------------------------------------------------


async def refresh(
    session: AsyncSession,
    seeds: set[int],
    old_keys: set[int],
    *,
    logged: set[int],
    known: dict[int, ActionFacts] | None = None,
    whole: Collection[int] = (),
) -> None:
    """Rebuild the lifecycles and events of the chains holding ``seeds``; an action whose
    lifecycle changes is logged, unless it is in ``logged`` (logged already). ``known``:
    actions read already in this transaction, not read again, every action of the
    meetings of ``whole`` among them."""
    members, edges = await _components(session, seeds)
    known = known or {}
    facts = {i: known[i] for i in members if i in known}
    if missing := members - facts.keys():
        facts.update((a.id, a) for a in await _facts(session, Action.id.in_(missing)))
    compared = [getattr(ActionLifecycle, name) for name in _COMPARED]
    old = {
        row.action_id: row
        for row in await session.execute(
            select(ActionLifecycle.action_id, *compared).where(
                ActionLifecycle.action_id.in_(members)
            )
        )
    }
    old_keys = old_keys | {row.chain_key for row in old.values()}
    updates: dict[int, list[UpdateFacts]] = defaultdict(list)
    for update in await _updates(session, facts):
        updates[update.action_id].append(update)
    of_meeting: dict[int, list[ActionFacts]] = {meeting_id: [] for meeting_id in whole}
    for action in known.values():
        if action.meeting.id in of_meeting:
            of_meeting[action.meeting.id].append(action)
    said = await said_of(session, facts, lambda where: _facts(session, where), of_meeting)

    lifecycles: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    changed: dict[int, int] = {}
    now = dt.datetime.now(dt.UTC)  # when the events the minutes give are recorded
    for component in _split(facts, edges):
        draft, drafted = lifecycle([facts[i] for i in component], updates, said)
        for action_id in component:
            row = {
                "action_id": action_id,
                "chain_key": draft.chain_key,
                "in_chain": action_id in draft.in_chain,
                "raised_on": draft.raised_on,
                "closed_on": draft.closed_on,
                "status": draft.status,
                "times_deferred": draft.times_deferred,
                "due_date": draft.due_date,
                "due_basis": draft.due_basis,
                "last_seen_on": draft.last_seen_on,
            }
            lifecycles.append(row)
            if action_id not in logged and _values(old.get(action_id)) != _values(row):
                changed[action_id] = facts[action_id].meeting.id
        events += [_event_row(draft.chain_key, n, e, now) for n, e in enumerate(drafted)]
    await writes.replace_lifecycles(session, members, old_keys, lifecycles, events, changed)


# What a lifecycle comes to: an action whose values change is logged (its document too).
_COMPARED = (
    "chain_key",
    "in_chain",
    "raised_on",
    "closed_on",
    "status",
    "times_deferred",
    "due_date",
    "due_basis",
    "last_seen_on",
)


def _values(row: Row[Any] | dict[str, Any] | None) -> tuple[Any, ...] | None:
    if row is None:
        return None
    if isinstance(row, dict):
        return tuple(row[name] for name in _COMPARED)
    return tuple(getattr(row, name) for name in _COMPARED)


def _event_row(
    chain_key: int, sequence: int, event: EventDraft, now: dt.datetime
) -> dict[str, Any]:
    """An event's column values: a pushed update's keeps the update's time."""
    return {
        "chain_key": chain_key,
        "sequence": sequence,
        "action_id": event.action_id,
        "update_id": event.update_id,
        "meeting_id": event.meeting_id,
        "document_id": event.document_id,
        "span_start": event.span_start,
        "span_end": event.span_end,
        "kind": event.kind,
        "status": event.status,
        "source": event.source,
        "date": event.date,
        "text": event.text,
        "author": event.author,
        "due_date": event.due_date,
        "created_at": event.created_at or now,
        "confidence": event.confidence,
    }


async def _components(
    session: AsyncSession, seeds: set[int]
) -> tuple[set[int], list[tuple[int, int]]]:
    """Every action linked to the seeds, however far, and the links between them."""
    members = set(seeds)
    frontier = set(seeds)
    edges: set[tuple[int, int]] = set()
    while frontier:
        rows = await session.execute(
            select(ActionLink.earlier_action_id, ActionLink.later_action_id).where(
                or_(
                    ActionLink.earlier_action_id.in_(frontier),
                    ActionLink.later_action_id.in_(frontier),
                )
            )
        )
        found = {(earlier, later) for earlier, later in rows}
        edges |= found
        reached = {i for edge in found for i in edge}
        frontier = reached - members
        members |= reached
    return members, sorted(edges)


def _split(facts: dict[int, ActionFacts], edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected parts of the actions that still exist (ids of deleted ones are gone)."""
    parent = {i: i for i in facts}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for earlier, later in edges:
        if earlier in parent and later in parent:
            parent[root(earlier)] = root(later)
    parts: dict[int, list[int]] = defaultdict(list)
    for i in facts:
        parts[root(i)].append(i)
    return list(parts.values())


# --- reading ---------------------------------------------------------------------------------

# How far past an action's span its line is read for what the meeting made of it.
LINE_REST = 400


def _to_line_end(excerpt: str, length: int) -> str:
    rest = excerpt[length:]
    end = rest.find("\n")
    return excerpt[:length] + (rest if end < 0 else rest[:end])


def _meeting_columns() -> Any:
    return select(
        Meeting.id,
        Meeting.identity_key,
        Meeting.kind,
        Meeting.date,
        Meeting.title,
        Meeting.next_date,
    )


def _meeting_facts(row: Any) -> MeetingFacts:
    return MeetingFacts(row[0], row[1], row[2], row[3], row[4], row[5])


async def _facts(session: AsyncSession, where: ColumnElement[bool]) -> list[ActionFacts]:
    # The span and the rest of its line: "Action 1 (...): ... Deferred to the November meeting."
    excerpt = func.substr(
        SourceDocument.text,
        Action.span_start + 1,
        Action.span_end - Action.span_start + LINE_REST,
    )
    # Its owners' ids, in the same statement: "12,40".
    owners = (
        select(func.aggregate_strings(cast(action_owners.c.person_id, String), ","))
        .where(action_owners.c.action_id == Action.id)
        .scalar_subquery()
    )
    query = (
        _meeting_columns()
        .add_columns(
            Action.id,
            Action.document_id,
            SourceDocument.document_type,
            Action.position,
            Action.reference,
            Action.text,
            excerpt,
            Action.status,
            Action.due_date,
            Action.origin_title,
            Action.origin_date,
            Action.span_start,
            Action.span_end,
            owners,
        )
        .join(Action, Action.meeting_id == Meeting.id)
        .join(SourceDocument, SourceDocument.id == Action.document_id)
        .where(where)
    )
    rows = (await session.execute(query)).all()
    meetings: dict[int, MeetingFacts] = {}
    found: list[ActionFacts] = []
    for row in rows:
        meeting = meetings.setdefault(row[0], _meeting_facts(row))
        found.append(
            ActionFacts(
                id=row[6],
                meeting=meeting,
                document_id=row[7],
                document_type=row[8],
                position=row[9],
                reference=row[10],
                text=row[11],
                excerpt=_to_line_end(row[12] or "", row[18] - row[17]),
                owner_ids=frozenset(int(i) for i in row[19].split(",")) if row[19] else frozenset(),
                status=row[13],
                due_date=row[14],
                origin_title=row[15],
                origin_date=row[16],
                span_start=row[17],
                span_end=row[18],
            )
        )
    return found


async def _updates(session: AsyncSession, facts: dict[int, ActionFacts]) -> list[UpdateFacts]:
    rows = await session.execute(
        select(
            ActionUpdate.id,
            ActionUpdate.action_id,
            ActionUpdate.text,
            ActionUpdate.status,
            ActionUpdate.due_date,
            ActionUpdate.author,
            ActionUpdate.document_id,
            ActionUpdate.span_start,
            ActionUpdate.span_end,
            ActionUpdate.created_at,
        )
        .where(ActionUpdate.action_id.in_(facts))
        .order_by(ActionUpdate.id)
    )
    return [
        UpdateFacts(
            id=row[0],
            action_id=row[1],
            text=row[2],
            status=row[3],
            due_date=row[4],
            author=row[5],
            document_id=row[6],
            span_start=row[7],
            span_end=row[8],
            created_at=row[9],
        )
        for row in rows
    ]


async def _chain_keys_before(
    session: AsyncSession, meeting_ids: Collection[int], stating: Collection[int]
) -> set[int]:
    """The chains the actions of ``meeting_ids`` belong to, and those with events from
    the statements of ``stating`` (``chains_stated_at``), in one statement."""
    parts: list[Any] = []
    if meeting_ids:
        parts.append(
            select(ActionLifecycle.chain_key)
            .join(Action, Action.id == ActionLifecycle.action_id)
            .where(Action.meeting_id.in_(meeting_ids))
        )
    if stating:
        parts.append(chains_stated_at_query(stating))
    if not parts:
        return set()
    query: Any = union(*parts) if len(parts) > 1 else parts[0].distinct()
    found: set[int] = set(await session.scalars(query))
    return found


async def _chain_keys_of_meetings(session: AsyncSession, meeting_ids: Any) -> set[int]:
    return set(
        await session.scalars(
            select(ActionLifecycle.chain_key)
            .join(Action, Action.id == ActionLifecycle.action_id)
            .where(Action.meeting_id.in_(meeting_ids))
            .distinct()
        )
    )
