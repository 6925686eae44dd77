"""Reports that an earlier meeting's action is done are no actions of the meeting reporting.

Later minutes run through what became of the actions an earlier meeting raised: "Action
3 - complete", "Actions 1 and 3 were discharged", "Action 24 had been completed.",
"Action 3 – the Chief Constable confirmed the review had been done." Read as an action of
the later meeting, each would be a new action whose words are only its status, raised
and done in one breath, beside the one it reports on. ``ingest.parse.action_status_lines``
reads these sentences as statements about the earlier action, and ``ingest.lifecycle``
closes that action with them; so an action whose words are such a statement is dropped
here. An entry that repeats what was asked ("Action 2: CC to confirm the rota. Update
18.01.23 - Complete", "Action 1 (dip sample) was completed") stays, the earlier action as
this record lists it with its status; so does a report that an action is still open or
carried forward, and one that names the meeting it came from (the lifecycle links it).
"""

from __future__ import annotations

import datetime as dt

from ingest.draft import ActionDraft
from ingest.parse.action_log import status_from_text
from ingest.parse.action_status_lines import find_status_statements, reports_done
from ingest.parse.positions import SpanSet
from records.enums import ActionEventKind, ActionStatus

__all__ = ["DoneReports"]

# What a statement says happened, when it says the earlier action is finished with.
_DONE_KINDS = frozenset(
    {ActionEventKind.COMPLETED, ActionEventKind.CLOSED, ActionEventKind.CANCELLED}
)
_DONE = frozenset({ActionStatus.COMPLETED, ActionStatus.CANCELLED})


class DoneReports:
    """Where the text says an earlier action was completed, closed or cancelled."""

    def __init__(self, text: str, meeting_date: dt.date) -> None:
        self._spans = SpanSet(
            statement.span
            for statement in find_status_statements(text, meeting_date)
            if statement.kind in _DONE_KINDS
        )

    def only_reports(self, action: ActionDraft) -> bool:
        """Whether an action read from such a report holds nothing but the report: no
        meeting it came from, and words that state it done rather than what was asked."""
        if action.origin_date is not None or action.origin_title is not None:
            return False
        if action.span.start not in self._spans:
            return False
        return status_from_text(action.text) in _DONE or reports_done(action.text)
