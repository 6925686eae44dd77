"""SQLAlchemy 2 models: the records that minutes are turned into.

Every relationship is ``lazy="raise"``: callers load what they need explicitly
(``selectinload`` or a batched query), so no query runs behind anyone's back.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from records.enums import (
    ActionEventKind,
    ActionStatus,
    AttendanceStatus,
    ChangeOp,
    DocumentType,
    DueBasis,
    EventSource,
    LinkKind,
    MeetingKind,
    MetricKind,
    MetricUnit,
    RecordKind,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Integer primary keys that are BIGINT on PostgreSQL and INTEGER (rowid) on SQLite.
BigId = BigInteger().with_variant(Integer(), "sqlite")


# SQLite would otherwise reuse the ids of deleted rows; ids are referenced from outside.
NO_ID_REUSE = {"sqlite_autoincrement": True}


def _enum(enum_class: type[Any]) -> Enum:
    """Enums are stored as plain strings (no native type), so adding a value needs no DDL."""
    return Enum(
        enum_class,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
    )


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


item_themes = Table(
    "item_themes",
    Base.metadata,
    Column("item_id", ForeignKey("agenda_items.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True),
)

meeting_themes = Table(
    "meeting_themes",
    Base.metadata,
    Column("meeting_id", ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True),
)

action_themes = Table(
    "action_themes",
    Base.metadata,
    Column("action_id", ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True),
)

action_owners = Table(
    "action_owners",
    Base.metadata,
    Column("action_id", ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
)


class Person(Base):
    __tablename__ = "people"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # Lower-cased, whitespace-collapsed name: one Person per name across meetings.
    name_key: Mapped[str] = mapped_column(String(200), unique=True)


class Theme(Base):
    __tablename__ = "themes"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)


class Acronym(Base):
    """An abbreviation and its long form: the curated base, extended by every document."""

    __tablename__ = "acronyms"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    abbreviation: Mapped[str] = mapped_column(String(32), unique=True)
    expansion: Mapped[str] = mapped_column(String(300))
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("themes.id", ondelete="SET NULL"), index=True
    )
    # None for the curated base; otherwise the document that first defined it.
    source_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_documents.id", ondelete="SET NULL"), index=True
    )

    theme: Mapped[Theme | None] = relationship(lazy="raise")


class Meeting(Base):
    """One meeting, identified by (identity_key, kind, date); documents of it attach to it.

    ``date`` is None when no document of the meeting states it (such a meeting is
    identified by its documents' file name instead: see ``ingest.store``).

    ``identity_key`` is set from the document that creates the meeting: the body's
    key when it names the body; otherwise ``"chair:"`` and the chair's name key, so
    that two bodies' unnamed meetings of the same kind and date stay apart; ``""``
    when neither is known.
    """

    __tablename__ = "meetings"
    __table_args__ = (UniqueConstraint("identity_key", "kind", "date"), NO_ID_REUSE)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[MeetingKind] = mapped_column(_enum(MeetingKind))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    body: Mapped[str | None] = mapped_column(String(200))
    # Lower-cased body, "" when unknown: what the body filter matches.
    body_key: Mapped[str] = mapped_column(String(200), default="")
    # The body key, else "chair:" + the chair's name key, else "" (see the class docstring).
    identity_key: Mapped[str] = mapped_column(String(300), default="", server_default="")
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    venue: Mapped[str | None] = mapped_column(String(300))
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    minute_taker_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    next_title: Mapped[str | None] = mapped_column(String(500))
    next_kind: Mapped[MeetingKind | None] = mapped_column(_enum(MeetingKind))
    next_date: Mapped[dt.date | None] = mapped_column(Date)
    next_start_time: Mapped[dt.time | None] = mapped_column(Time)
    next_venue: Mapped[str | None] = mapped_column(String(300))
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Where the header (title, date, venue, chair ...) was read from: the document that
    # gave it and the span of its cleaned text; None when no lines of it gave the header.
    header_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_documents.id", ondelete="SET NULL", use_alter=True), index=True
    )
    header_span_start: Mapped[int | None] = mapped_column(Integer)
    header_span_end: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_utcnow, onupdate=_utcnow
    )

    chair: Mapped[Person | None] = relationship(foreign_keys=[chair_id], lazy="raise")
    minute_taker: Mapped[Person | None] = relationship(foreign_keys=[minute_taker_id], lazy="raise")
    documents: Mapped[list[SourceDocument]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        foreign_keys="SourceDocument.meeting_id",
        lazy="raise",
    )
    attendances: Mapped[list[Attendance]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="Attendance.position",
        lazy="raise",
    )
    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="AgendaItem.position",
        lazy="raise",
    )
    actions: Mapped[list[Action]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="Action.position",
        lazy="raise",
    )
    metrics: Mapped[list[Metric]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="Metric.position",
        lazy="raise",
    )
    themes: Mapped[list[Theme]] = relationship(secondary=meeting_themes, lazy="raise")


class SourceDocument(Base):
    """A file that was ingested: its identity (sha256), type, cleaned text and the digest of
    the parser's reading of it."""

    __tablename__ = "source_documents"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(500))
    format: Mapped[str] = mapped_column(String(8))
    document_type: Mapped[DocumentType] = mapped_column(_enum(DocumentType))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text)
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    # A digest of what the parser read in ``text`` (``ingest.prepare.reading_of``): the
    # records stored from it, made again only when a new parser reads otherwise. None for
    # documents stored before readings were kept.
    reading: Mapped[str | None] = mapped_column(String(64))
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)

    meeting: Mapped[Meeting] = relationship(
        back_populates="documents", foreign_keys=[meeting_id], lazy="raise"
    )


class Attendance(Base):
    """A person's place at a meeting, as the document that gave the meeting's header
    lists it; ``document_id`` and the span locate the listing in that document's cleaned
    text (None when the parser could not place it, or for rows stored before spans were)."""

    __tablename__ = "attendances"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    capacity: Mapped[str | None] = mapped_column(String(300))
    abbreviation: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[AttendanceStatus] = mapped_column(_enum(AttendanceStatus))
    position: Mapped[int] = mapped_column(Integer, default=0)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_documents.id", ondelete="SET NULL"), index=True
    )
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)

    meeting: Mapped[Meeting] = relationship(back_populates="attendances", lazy="raise")
    person: Mapped[Person] = relationship(lazy="raise")


class AgendaItem(Base):
    __tablename__ = "agenda_items"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("source_documents.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str | None] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(1000))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)

    meeting: Mapped[Meeting] = relationship(back_populates="items", lazy="raise")
    parent: Mapped[AgendaItem | None] = relationship(
        remote_side=[id], back_populates="children", lazy="raise"
    )
    children: Mapped[list[AgendaItem]] = relationship(
        back_populates="parent", order_by="AgendaItem.position", lazy="raise"
    )
    themes: Mapped[list[Theme]] = relationship(secondary=item_themes, lazy="raise")


class Action(Base):
    __tablename__ = "actions"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("source_documents.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    reference: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    owner_text: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[ActionStatus] = mapped_column(_enum(ActionStatus), index=True)
    due_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    origin_title: Mapped[str | None] = mapped_column(String(500))
    origin_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    position: Mapped[int] = mapped_column(Integer)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)

    meeting: Mapped[Meeting] = relationship(back_populates="actions", lazy="raise")
    item: Mapped[AgendaItem | None] = relationship(lazy="raise")
    owners: Mapped[list[Person]] = relationship(secondary=action_owners, lazy="raise")
    themes: Mapped[list[Theme]] = relationship(secondary=action_themes, lazy="raise")
    updates: Mapped[list[ActionUpdate]] = relationship(
        back_populates="action",
        cascade="all, delete-orphan",
        order_by="ActionUpdate.id",
        lazy="raise",
    )


class ActionUpdate(Base):
    """A change to an action: from the minutes themselves, or pushed later by a force system."""

    __tablename__ = "action_updates"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[ActionStatus | None] = mapped_column(_enum(ActionStatus))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    author: Mapped[str | None] = mapped_column(String(200))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_documents.id", ondelete="CASCADE"), index=True
    )
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)

    action: Mapped[Action] = relationship(back_populates="updates", lazy="raise")


class ActionLink(Base):
    """One action continuing another recorded earlier (or in another document of the same
    meeting): how it was matched, how sure the match is and why (``reason``).

    Links are derived by ``ingest.lifecycle`` from the records alone, so the same files
    give the same links in whatever order they arrive.
    """

    __tablename__ = "action_links"
    __table_args__ = (UniqueConstraint("earlier_action_id", "later_action_id"), NO_ID_REUSE)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    earlier_action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), index=True
    )
    later_action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[LinkKind] = mapped_column(_enum(LinkKind))
    confidence: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(String(500))


class ActionLifecycle(Base):
    """What an action's whole lifecycle (the actions linked to it, across meetings) comes
    to, kept on each of its actions so that filters read one row: when it was raised and
    closed, its status now, how often it was deferred and when it is due.

    ``chain_key`` is the id of the lifecycle's first action, shared by all its actions
    and their events; ``in_chain`` marks the one action that stands for its meeting.
    """

    __tablename__ = "action_lifecycles"

    action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True
    )
    chain_key: Mapped[int] = mapped_column(BigInteger, index=True)
    in_chain: Mapped[bool] = mapped_column(Boolean)
    raised_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[ActionStatus] = mapped_column(_enum(ActionStatus))
    times_deferred: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    due_basis: Mapped[DueBasis | None] = mapped_column(_enum(DueBasis))
    last_seen_on: Mapped[dt.date | None] = mapped_column(Date)


class ActionEvent(Base):
    """A step in a lifecycle: from the minutes of a meeting (with the span that says so) or
    from an update pushed through the API. Derived, like the links, and rebuilt with them."""

    __tablename__ = "action_events"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    chain_key: Mapped[int] = mapped_column(BigInteger, index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    update_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_updates.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_documents.id", ondelete="CASCADE"), index=True
    )
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[ActionEventKind] = mapped_column(_enum(ActionEventKind))
    status: Mapped[ActionStatus | None] = mapped_column(_enum(ActionStatus))
    source: Mapped[EventSource] = mapped_column(_enum(EventSource))
    date: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(200))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)
    # How sure it is that a later meeting's statement ("Action 3 closed") names this
    # action; null for what the action's own records and pushed updates say.
    confidence: Mapped[float | None] = mapped_column(Float)


class ActionStatement(Base):
    """What a document says became of an earlier meeting's action ("Action 3 closed",
    "all actions from the last meeting were complete"), read by
    ``ingest.parse.action_status_lines`` and kept whether or not that meeting is stored:
    when both are, the action it names has it as an event of its lifecycle. ``reach``
    says which actions (``Reach``: the one numbered ``reference`` or worded as ``label``,
    all, or all the others); no ``origin_date``: the body's previous meeting."""

    __tablename__ = "action_statements"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("source_documents.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    reach: Mapped[str] = mapped_column(String(8))
    reference: Mapped[str | None] = mapped_column(String(32))
    label: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[ActionEventKind] = mapped_column(_enum(ActionEventKind))
    status: Mapped[ActionStatus] = mapped_column(_enum(ActionStatus))
    origin_title: Mapped[str | None] = mapped_column(String(500))
    origin_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    count: Mapped[int | None] = mapped_column(Integer)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)


class Metric(Base):
    __tablename__ = "metrics"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("source_documents.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("themes.id", ondelete="SET NULL"), index=True
    )
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[MetricUnit] = mapped_column(_enum(MetricUnit))
    kind: Mapped[MetricKind] = mapped_column(_enum(MetricKind))
    label: Mapped[str] = mapped_column(String(500))
    context: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)

    meeting: Mapped[Meeting] = relationship(back_populates="metrics", lazy="raise")
    item: Mapped[AgendaItem | None] = relationship(lazy="raise")
    theme: Mapped[Theme | None] = relationship(lazy="raise")


class MetricSeries(Base):
    """Figures that measure the same thing at meetings of one body, over time: "DA cases
    with supervisory input" at 57%, then 60%, then 68%, against a stated target of 75%.

    Series are derived by ``ingest.series`` from a body's figures alone (their labels,
    units, meetings and sentences), rebuilt whenever a meeting of the body arrives,
    changes or goes, so the same files give the same series in whatever order they
    arrive. ``identity_key`` is the body's meeting identity (``Meeting.identity_key``):
    figures of different bodies, or of different units, are never one series.
    ``label_key`` is the label's normalised words, which tells series of a body and
    unit apart. The target columns hold the stated target the series is measured
    against (the latest one stated), how sure that link is and why.
    """

    __tablename__ = "metric_series"
    __table_args__ = (UniqueConstraint("identity_key", "unit", "label_key"), NO_ID_REUSE)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    identity_key: Mapped[str] = mapped_column(String(300))
    body: Mapped[str | None] = mapped_column(String(200))
    # Lower-cased body, "" when unknown: what the body filter matches.
    body_key: Mapped[str] = mapped_column(String(200), index=True)
    unit: Mapped[MetricUnit] = mapped_column(_enum(MetricUnit))
    label: Mapped[str] = mapped_column(String(500))
    label_key: Mapped[str] = mapped_column(String(500))
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("themes.id", ondelete="SET NULL"), index=True
    )
    first_date: Mapped[dt.date] = mapped_column(Date)
    last_date: Mapped[dt.date] = mapped_column(Date, index=True)
    point_count: Mapped[int] = mapped_column(Integer)
    latest_value: Mapped[float] = mapped_column(Float)
    # The lowest confidence of its points: how sure it is that they all measure one thing.
    confidence: Mapped[float] = mapped_column(Float)
    target_metric_id: Mapped[int | None] = mapped_column(
        ForeignKey("metrics.id", ondelete="SET NULL"), index=True
    )
    target_value: Mapped[float | None] = mapped_column(Float)
    # True when the target is a ceiling ("below 10%"), False when a floor ("a target of 75%").
    target_at_most: Mapped[bool | None] = mapped_column(Boolean)
    target_confidence: Mapped[float | None] = mapped_column(Float)
    target_reason: Mapped[str | None] = mapped_column(String(500))
    meets_target: Mapped[bool | None] = mapped_column(Boolean)

    theme: Mapped[Theme | None] = relationship(lazy="raise")
    points: Mapped[list[MetricPoint]] = relationship(
        back_populates="series",
        cascade="all, delete-orphan",
        order_by="MetricPoint.sequence",
        lazy="raise",
    )


class MetricPoint(Base):
    """One figure of a series: the metric, its meeting and date, its place in the series,
    and how sure it is that the figure measures what the series does (and why)."""

    __tablename__ = "metric_series_points"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    series_id: Mapped[int] = mapped_column(
        ForeignKey("metric_series.id", ondelete="CASCADE"), index=True
    )
    # A figure is a point of one series at most.
    metric_id: Mapped[int] = mapped_column(
        ForeignKey("metrics.id", ondelete="CASCADE"), unique=True
    )
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    sequence: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    confidence: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(String(500))

    series: Mapped[MetricSeries] = relationship(back_populates="points", lazy="raise")


class ChangeLogEntry(Base):
    """Append-only log of changed records; ``position`` only ever grows.

    The search index and incremental sync clients follow it by position. Entries are
    written by ``records.writes`` alone.
    """

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_entity", "entity", "entity_id"), NO_ID_REUSE)

    position: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    entity: Mapped[RecordKind] = mapped_column(_enum(RecordKind))
    entity_id: Mapped[int] = mapped_column(BigInteger)
    op: Mapped[ChangeOp] = mapped_column(_enum(ChangeOp))
    meeting_id: Mapped[int | None] = mapped_column(BigInteger)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)


class ApiKey(Base):
    """An API key for force systems; only a hash of the key is stored."""

    __tablename__ = "api_keys"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    key_hash: Mapped[str] = mapped_column(String(128), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
