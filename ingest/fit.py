"""A draft's strings cut to the lengths their columns hold.

SQLite keeps a string of any length in a VARCHAR(n) column; PostgreSQL refuses it, and
the whole file fails to store ("value too long for type character varying(300)": a page
of names run together into one attendee's capacity). So before a draft is stored, each
value longer than its column is cut (ending in an ellipsis) and the draft says so in a
warning. The lengths are read from the models, so they cannot drift from the tables.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import String
from sqlalchemy.orm import InstrumentedAttribute

from ingest.draft import MeetingDraft
from records import models

ELLIPSIS = "…"


def column_length(attribute: InstrumentedAttribute[str] | InstrumentedAttribute[str | None]) -> int:
    """The length a string column holds."""
    column_type = attribute.property.columns[0].type
    assert isinstance(column_type, String) and column_type.length is not None
    return column_type.length


def fit_draft(draft: MeetingDraft) -> None:
    """Cut the draft's over-long values in place; one warning names what was cut."""
    cut: Counter[str] = Counter()

    def fit(
        value: str | None,
        attribute: InstrumentedAttribute[str] | InstrumentedAttribute[str | None],
        what: str,
    ) -> str | None:
        if value is None:
            return None
        limit = column_length(attribute)
        if len(value) <= limit:
            return value
        cut[what] += 1
        return value[: limit - len(ELLIPSIS)].rstrip() + ELLIPSIS

    def fit_text(value: str, attribute: InstrumentedAttribute[str], what: str) -> str:
        fitted = fit(value, attribute, what)
        assert fitted is not None
        return fitted

    def name(value: str, what: str) -> str:
        return fit_text(value, models.Person.name, what)

    draft.title = fit_text(draft.title, models.Meeting.title, "meeting title")
    draft.body = fit(draft.body, models.Meeting.body, "body")
    draft.venue = fit(draft.venue, models.Meeting.venue, "venue")
    if draft.chair is not None:
        draft.chair = name(draft.chair, "chair")
    if draft.minute_taker is not None:
        draft.minute_taker = name(draft.minute_taker, "minute taker")
    if draft.next_meeting is not None:
        upcoming = draft.next_meeting
        upcoming.title = fit(upcoming.title, models.Meeting.next_title, "next meeting's title")
        upcoming.venue = fit(upcoming.venue, models.Meeting.next_venue, "next meeting's venue")
    for attendee in draft.attendees:
        attendee.name = name(attendee.name, "attendee's name")
        attendee.capacity = fit(attendee.capacity, models.Attendance.capacity, "capacity")
        attendee.abbreviation = fit(
            attendee.abbreviation, models.Attendance.abbreviation, "role abbreviation"
        )
    for item in draft.items:
        item.number = fit(item.number, models.AgendaItem.number, "item number")
        item.title = fit_text(item.title, models.AgendaItem.title, "item title")
    for action in draft.actions:
        action.reference = fit(action.reference, models.Action.reference, "action reference")
        action.owner_text = fit(action.owner_text, models.Action.owner_text, "action owner")
        action.owners = [name(owner, "action owner's name") for owner in action.owners]
        action.origin_title = fit(
            action.origin_title, models.Action.origin_title, "carried action's meeting"
        )
    for metric in draft.metrics:
        metric.label = fit_text(metric.label, models.Metric.label, "figure label")
    longest = column_length(models.Acronym.abbreviation)
    draft.acronyms = {
        abbreviation: fit_text(expansion, models.Acronym.expansion, "acronym expansion")
        for abbreviation, expansion in draft.acronyms.items()
        if len(abbreviation) <= longest
    }
    if cut:
        listed = ", ".join(f"{what} ({count})" for what, count in sorted(cut.items()))
        draft.warnings.append(f"values longer than the database holds were cut: {listed}")
