"""Actions in minutes: marked statements, action lists, carried actions and action-log tables.

An action needs a marker ("Action 2:", "ACTION -", "AP3:", "Actions:" before a list)
followed by a separator or a number and its text, so a title such as "Actions following a
report of domestic abuse" is not one. Reports on earlier actions count too: "Action 3 from
the 14 March 2022 meeting (DCC to ...) remains open", "Action 1 (DASH dip sample) had been
completed". A passage such as "Two actions arising from the May 2020 Performance Meeting
... were deferred to this meeting" marks the actions after it, within its agenda item, as
carried from that meeting. Tables repeating prose actions are merged with them.

A flag in the margin marks the paragraph it stands under or closes: "ACTION  Duncan
Elmore", "... report back. ACTION: CC", "[Action: DCC]", a bare "ACTION"; "See Action
716a." closing a minute makes that minute action 716a. Owners are read from the action's
own words ("CC to ...", "(Owner: DCC)", "DCC: Report back", "– PF.SM", "with LB-W and MP
working jointly") and from field lines under it ("Owner: DCC", "Due date: June").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from rapidfuzz import fuzz

from ingest.draft import ActionDraft, ActionUpdateDraft, AttendeeDraft, ItemDraft, Span
from ingest.parse.action_candidates import (
    ACTION_MARKER,
    ACTION_REFERENCE,
    UPDATE_LINE,
    Candidate,
    paragraphs,
)
from ingest.parse.action_log import (
    LoggedAction,
    Origin,
    due_date_in,
    find_action_log,
    origin_from_phrase,
    status_from_text,
)
from ingest.parse.action_origins import ORIGIN_END, apply_passages, find_passages
from ingest.parse.action_refs import find_referenced_actions
from ingest.parse.action_reports import DoneReports
from ingest.parse.action_status_lines import reports_done
from ingest.parse.commitments import find_commitments, find_review_paragraphs, owner_in
from ingest.parse.dates import iter_dates
from ingest.parse.lines import split_lines
from ingest.parse.owners import (
    OwnerIndex,
    has_role_word,
    looks_like_owner,
    resolve_owners,
    split_owner_parts,
)
from ingest.parse.positions import ItemLocator, SpanSet, innermost_item
from ingest.parse.roles import role_for_abbreviation, role_for_name
from ingest.parse.scan import space_before, word_ending_at
from ingest.parse.subjects import person_in
from ingest.parse.text import BULLET, LINE_LEAD, sentences
from ingest.parse.text import sentence_end as _sentence_end
from records.enums import ActionStatus

__all__ = ["innermost_item", "parse_actions"]

# "Action 1 was complete and Action 2 remains open": a second report in one sentence.
_CLAUSE_WORDS = frozenset({"and", "but", "while", "whilst", "whereas"})
_SEPARATOR = re.compile(r"\s*(?:\*\*|__)?\s*[:\-–—.)]+\s*(?:\*\*|__)?\s*")
_PAREN = re.compile(r"\s*\((?P<inner>[^()]{1,200})\)")
_FROM = re.compile(r"\s+from\s+")
_STATUS_VERB = re.compile(
    r"\s+(?:was|is|were|are|has\s+been|had\s+been|have\s+been|remains?|"
    # a report of what becomes of it: "Action 497 to close.", "Action 12 can be closed"
    r"(?:to|can|may|should)\s+(?:be\s+)?(?:closed?|discharged|removed|remain\s+open|stay\s+open)|"
    r"closed|completed?|discharged)\b"
)
_COLON_THEN_CAPITAL = re.compile(r":\s+(?=[A-Z])")
_DASH_THEN_CAPITAL = re.compile(r"\s?[-–—]\s+(?=[A-Z])")
_CAPITAL_NEXT = re.compile(r"\s+(?=[A-Z])")
_LIST_ITEM = re.compile(
    rf"\s*(?:(?P<bullet>{BULLET})|(?P<number>\d{{1,2}})[.)]|\((?P<paren>\d{{1,2}})\))\s+"
)
_UPDATE_CUE = re.compile(
    r"(?:during\s+(?:the\s+)?meeting|post[- ]?meeting|since\s+the\s+meeting|after\s+the\s+meeting"
    r"|update|updated|progress|note|completed?|closed|done)\b",
    re.IGNORECASE,
)
_DONE_LINE = re.compile(
    r"(?:Action\s+)?(?:Complete[d]?|Closed|Done|Discharged)(?:\s*[-–:]\s*.*|\.)?\s*$", re.IGNORECASE
)
_ACTION_SENTENCE = re.compile(r"\b(?:the|this|that)\s+action\b", re.IGNORECASE)
# A verbless sentence of status closing a report ("Deferred to the November meeting.",
# "Closed.", "Carried forward."): the status participle first, a few words at most.
_BARE_STATUS_SENTENCE = re.compile(
    r"^(?:deferred|carried\s+(?:forward|over)|rolled\s+(?:forward|over)|postponed|closed|"
    r"complete[d]?|discharged|ongoing|on-going|in\s+progress|withdrawn|cancell?ed)"
    r"(?:\s+(?:to|until|at|for|by|as)\b[^.;]{0,60})?[.;]?$",
    re.IGNORECASE,
)
_OWNER_TOKEN = r"(?:[A-Z][\w'’./&/-]*|\([A-Z][\w/&]*\))"
# Between the words of an owner: "CC/DCC", "CC & DCC", "Head of Finance", "the Chief
# Constable and the PCC", "Ruth Black, Police and Crime Commissioner, to ...".
_OWNER_JOIN = r"(?:\s*(?:,|&|\+|/)\s*|\s+(?:and|of|for|&)(?:\s+the)?\s+|\s+the\s+|\s+)"
_OWNER = re.compile(
    rf"^(?:[Tt]he\s+)?(?P<owner>{_OWNER_TOKEN}(?:{_OWNER_JOIN}{_OWNER_TOKEN}){{0,7}})"
    r",?\s+(?:to|will|(?:has\s+|have\s+)?agreed\s+to|is\s+to|are\s+to|would|"
    # an owner who says what they mean to do: "MC intends to brief ...", "DCC plans to"
    r"(?:intends?|plans?|undert(?:ook|akes)|offered|promised|aims?)\s+to)\s+(?!be\b)(?=[a-z])"
)
_LABEL = re.compile(r"^[A-Z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,4}\s*:\s+")
_OWNER_COLON = re.compile(
    rf"^(?P<owner>{_OWNER_TOKEN}(?:{_OWNER_JOIN}{_OWNER_TOKEN}){{0,4}})\s*(?::|\s[-–—])\s+(?=[A-Z])"
)
# "(Owner: DCC)", "Lead: ACC Kay  Date: June", "Action owner: DCC Naylor. Deadline: ...",
# "Owner: DCC, Due: June 2023", "– Owner DCC – Due June".
_OWNER_LABEL = re.compile(
    r"\b(?:Action\s+[Oo]wner|Owner|Lead|Responsible|Action\s+by)s?"
    r"(?:\s*[:\-–]\s*|\s+(?=[A-Z]{2}))"
    r"(?P<owner>[A-Z][^)\]\n;.]{0,60}?)\s*"
    r"(?=[)\];.]|,?\s*(?:[-–—]\s|(?:Due|Deadline|Date|Target|By|Timescale|Status|Update)\b)|$)"
)
# "A review ... is to be prepared jointly by the Chief Finance Officer and the DCC".
_DONE_BY = re.compile(
    r"\b(?:(?:is|are)\s+)?to\s+be\s+[a-z]+(?:\s+(?:jointly|together|up))?\s+by\s+"
    r"(?P<owner>(?:the\s+)?[A-Z][\w'’&/-]*(?:(?:\s*,\s*|\s+(?:and|&|of|for|the)\s+|\s+)"
    r"(?:the\s+)?[A-Z][\w'’&/-]*){0,7})"
)
# "It was agreed that the Chief Constable would invite ...".
_AGREED_OWNER = re.compile(
    r"\b(?:agreed|decided|requested)\s+that\s+(?:the\s+)?"
    r"(?P<owner>[A-Z][\w'’&/.-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w'’&/.-]*){0,4})"
    r"\s+(?:would|should|will)\s+(?!be\b)(?=[a-z])"
)
# "Members agreed the need for the Force to review ...", "the need for PS to consider".
_NEED_FOR_OWNER = re.compile(
    r"\bneed\s+for\s+(?:the\s+)?"
    rf"(?P<owner>{_OWNER_TOKEN}(?:{_OWNER_JOIN}{_OWNER_TOKEN}){{0,4}})\s+to\s+(?!be\b)(?=[a-z])"
)
# A later sentence or clause of the action that opens with its owner, or the part after
# a dash ("date by which the data will be ready – Chief Inspector Rowe to follow up").
_LATER_OWNER = re.compile(
    r"(?:[.;]|\s[-–—])\s+(?:the\s+)?(?P<owner>[A-Z][\w'’&/.-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w'’&/.-]*){0,3})"
    r"\s+(?:to|is\s+to|are\s+to|will)\s+(?!be\b)(?=[a-z])"
)
_ABBREVIATED = re.compile(r"(?:the\s+)?[A-Z]{2,6}")
# "... and where they would come from (RM) to bring an update paper": initials in brackets
# after a lower-case word (not "the Panel (PCP) to ...", a name and its abbreviation)
# hand the next part of the action to another owner.
_BRACKETED_NEXT_OWNER = re.compile(
    r"(?P<before>\S+)\s+\((?P<owner>[A-Z][A-Za-z]?[A-Z]{1,3})\)\s+to\s+(?!be\b)(?=[a-z])"
)
_ASKED_OWNER = re.compile(
    r"\b(?:asked|requested|invited|tasked)\s+(?:the\s+)?"
    rf"(?P<owner>{_OWNER_TOKEN}(?:{_OWNER_JOIN}{_OWNER_TOKEN}){{0,5}})\s+to\s+(?!be\b)(?=[a-z])"
)
# A phrase closing an action after a dash, in brackets or after its last sentence.
_CLOSING_OWNER = re.compile(
    r"(?:\s[-–—]\s*|\s\(|(?<=[.!?])\s+)"
    rf"(?P<owner>{_OWNER_TOKEN}(?:{_OWNER_JOIN}{_OWNER_TOKEN}){{0,5}})\)?\.?\s*$"
)
_WITH_OWNER = re.compile(
    rf"\bwith\s+(?:the\s+)?(?P<owner>{_OWNER_TOKEN}(?:{_OWNER_JOIN}{_OWNER_TOKEN}){{0,5}})"
    r"\s+(?:working|leading|taking\s+(?:this|it)\s+forward|to\s+lead)\b"
)
# An entry written as a noun phrase that opens with who is to act: "PCC meeting with T/ACC
# Keane next month regarding her portfolio", "DCC visit to the control room in June".
_ACTIVITY_OWNER = re.compile(
    r"^(?:the\s+)?(?P<owner>[A-Z][A-Za-z]?[A-Z]{1,4}|[A-Z][a-z]+\s+[A-Z][a-z]+)\s+"
    r"(?:meeting|visit|call|briefing|presentation|discussion|liaison|session)s?\s+"
    r"(?:with|to|at|for|on)\b"
)
# Initials after a dash that closes an action: "... to include – PF.SM.ST", "- CC/DCC".
_TRAILING_INITIALS = re.compile(
    r"\s[-–—]\s*(?P<owner>[A-Z][A-Za-z]?[A-Z]{1,3}(?:(?:\s*[./,&+]\s*|\s+and\s+)"
    r"[A-Z][A-Za-z]?[A-Z]{1,3}){0,7})\.?\s*$"
)
# "DS send ...", "HO/KM circulate ...": initials straight before a lower-case verb.
_INITIALS_THEN_VERB = re.compile(
    r"(?P<owner>[A-Z][A-Za-z]?[A-Z]{1,3}(?:(?:\s*[/&,]\s*|\s+and\s+)[A-Z][A-Za-z]?[A-Z]{1,3}){0,3})"
    r"\s+(?=[a-z]{3,}\b)(?!(?:and|or|the|was|were|had|has|is|are|who|which)\b)"
)
_TRAILING_OWNER = re.compile(r"\s*[\[(](?P<owner>[A-Z][A-Za-z/&,\s]{1,30})[\])]\.?\s*$")
_STATUS_DASH = re.compile(r"\s[–—-]\s+")
_STATUS_NOTE_WORDS = 3
# The label of a progress note before its status: "Update 18.01.23", "Update (March)".
_UPDATE_LABEL = re.compile(
    r"(?:[.;,]|\s[–—-])?\s*(?P<label>\b[Uu]pdate[sd]?\b(?:\s+[\w()./-]+){0,2}?)\s*$"
)
_MERGE_SCORE = 60
# Characters before an action read to tell apart attendees its owner's initials fit.
_OWNER_CONTEXT = 1500
# Prose actions a table row is compared with, at most (see ``_merge``).
MERGE_CANDIDATES = 250


@dataclass
class _Found:
    """A prose action and what is known about how it was found."""

    draft: ActionDraft
    explicit_status: bool = False
    review: bool = False


# --- small text helpers ----------------------------------------------------------------------


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "*_"):
        end -= 1
    return start, end


def _parentheses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level ``(...)`` groups in ``text[start:end]`` as (open, close) offsets."""
    groups: list[tuple[int, int]] = []
    depth = 0
    opened = start
    for position in range(start, end):
        char = text[position]
        if char == "(":
            if depth == 0:
                opened = position
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append((opened, position))
    return groups


# --- owners and fields -----------------------------------------------------------------------


def _owner_phrase(body: str, attendees: Sequence[AttendeeDraft]) -> str | None:
    """The owner an action text names: "CC to ...", "JA and NM to ...", "(Owner: DCC)"."""
    for candidate in (body, _LABEL.sub("", body, count=1)):
        match = _OWNER.match(candidate)
        if match and looks_like_owner(match.group("owner"), attendees):
            return match.group("owner").strip()
    labelled = _OWNER_LABEL.search(body)
    if labelled:
        return labelled.group("owner").strip()
    named = _OWNER_COLON.match(body)
    if named and _names_attendees(named.group("owner"), attendees):
        # "Action 5 – DCC: Report back on the pilot", not "Update: ..." or "Finance: ...".
        return named.group("owner").strip()
    for pattern in (_DONE_BY, _AGREED_OWNER, _NEED_FOR_OWNER):
        found = pattern.search(body)
        if found and looks_like_owner(found.group("owner"), attendees):
            return found.group("owner").strip()
    trailing = _TRAILING_OWNER.search(body)
    if trailing:
        phrase = trailing.group("owner").strip()
        tokens = re.split(r"[\s,/&]+", phrase)
        if all(sum(c.isupper() for c in t) >= 2 for t in tokens if t and t != "and"):
            return phrase
    closing = _CLOSING_OWNER.search(body)
    if closing and _resolves_whole(closing.group("owner"), attendees):
        # "... response times – Jane Smith", "(Head of Performance)", ". ACC Kay".
        return closing.group("owner")
    dashed = _TRAILING_INITIALS.search(body)
    if dashed and _names_attendees(dashed.group("owner"), attendees):
        # "... recommendation in the spreadsheet – PF.SM.ST": owners after a closing dash.
        return dashed.group("owner")
    asked = _ASKED_OWNER.search(body)
    if asked and _names_attendees(asked.group("owner"), attendees):
        # "The Commissioner asked the Chief Constable to provide the figures".
        return asked.group("owner")
    activity = _ACTIVITY_OWNER.match(body)
    if activity and _names_attendees(activity.group("owner"), attendees):
        return activity.group("owner")
    alongside = _WITH_OWNER.search(body)
    if alongside and _names_attendees(alongside.group("owner"), attendees):
        # "..., with LB-W and MP working jointly on any grant bid".
        return alongside.group("owner")
    for later in _LATER_OWNER.finditer(body):
        # "The Force should keep monitoring outcomes. Sarah to obtain this ...".
        owner = later.group("owner")
        if resolve_owners(owner, attendees).owners or _ABBREVIATED.fullmatch(owner):
            return owner
    return None


def _with_bracketed_owners(
    owner: str | None, words: str, attendees: Sequence[AttendeeDraft]
) -> str | None:
    """The owner phrase with the attendees that bracketed initials later in the action
    hand a part of it to ("Force to set out ... (RM) to bring an update")."""
    if owner is None:
        return None
    named = split_owner_parts(owner)
    for match in _BRACKETED_NEXT_OWNER.finditer(words):
        initials, before = match.group("owner"), match.group("before")
        if not (before[0].islower() or before[-1] in ",;"):
            continue
        if initials not in named and resolve_owners(initials, attendees).owners:
            named.append(initials)
            owner = f"{owner} and {initials}"
    return owner


def _resolves_whole(phrase: str, attendees: Sequence[AttendeeDraft]) -> bool:
    """Whether every part of a phrase names an attendee ("Jane Smith", "CC/DCC"), not a
    place or a person the attendance does not list ("(North Yorkshire)")."""
    parts = split_owner_parts(phrase)
    names = {attendee.name for attendee in attendees}
    for part in parts:
        owners = resolve_owners(part, attendees).owners
        if not owners or not set(owners) <= names:
            return False
    return bool(parts)


def _names_attendees(phrase: str, attendees: Sequence[AttendeeDraft]) -> bool:
    """Whether initials or abbreviations name people: one of them fits an attendee or
    is a known post ("PF/SM", "CC & DCC")."""
    if resolve_owners(phrase, attendees).owners:
        return True
    parts = split_owner_parts(phrase)
    return any(role_for_abbreviation(part) is not None for part in parts)


def _new_action(
    text: str,
    reference: str | None,
    start: int,
    end: int,
    body: tuple[int, int],
    attendees: Sequence[AttendeeDraft],
    meeting_date: dt.date,
) -> _Found:
    """An action from ``text[start:end]`` whose own words are ``text[body[0]:body[1]]``;
    parenthesised notes from the meeting become updates."""
    start, end = _strip_span(text, start, end)
    body_start, body_end = _strip_span(text, *body)
    pieces: list[str] = []
    updates: list[ActionUpdateDraft] = []
    status_note = _dash_status(text, body_start, body_end)
    if status_note is not None:
        body_end = status_note[0]
    cursor = body_start
    for opened, closed in _parentheses(text, body_start, body_end):
        inner_start, inner_end = _strip_span(text, opened + 1, closed)
        inner = text[inner_start:inner_end]
        after_sentence = re.search(r"[.!?]\s*$", text[body_start:opened]) is not None
        if _UPDATE_CUE.match(inner) or (after_sentence and len(inner.split()) >= 4):
            pieces.append(text[cursor:opened])
            cursor = closed + 1
            while cursor < body_end and text[cursor] in " .;,":
                cursor += 1
            updates.append(_note(text, inner_start, inner_end))
    pieces.append(text[cursor:body_end])
    if status_note is not None:
        _, note_start, note_end, note_status = status_note
        note = _note(text, *_strip_span(text, note_start, note_end))
        updates.append(ActionUpdateDraft(note.text, note_status, note.span))
    words = " ".join(" ".join(pieces).split())
    draft = ActionDraft(reference=reference, text=words, span=Span(start, end), updates=updates)
    draft.owner_text = _with_bracketed_owners(_owner_phrase(words, attendees), words, attendees)
    draft.due_date = due_date_in(words, meeting_date)
    found = _Found(draft)
    for update in updates:
        if update.status is not None:
            draft.status, found.explicit_status = update.status, True
    return found


def _dash_status(text: str, start: int, end: int) -> tuple[int, int, int, ActionStatus] | None:
    """A status after a dash at the end of an action ("... by 23 March – Ongoing. An interim
    update was given."): where the dash starts, where the note after it starts and ends,
    and the status it states."""
    for dash in reversed(list(_STATUS_DASH.finditer(text, start, end))):
        note = text[dash.end() : end]
        first = re.match(r"[^.;]*", note)
        head = first.group() if first else note
        status = status_from_text(head, cell=True)
        if len(head.split()) <= _STATUS_NOTE_WORDS and status is not None:
            label = _UPDATE_LABEL.search(text, start, dash.start())
            if label is not None:
                # "... rota. Update 18.01.23 - Complete": the dated label opens the note
                return label.start(), label.start("label"), end, status
            return dash.start(), dash.end(), end, status
    return None


def _note(text: str, start: int, end: int) -> ActionUpdateDraft:
    """An update from a note in the minutes, without its closing full stop."""
    while end > start and text[end - 1] in " .":
        end -= 1
    note = text[start:end]
    return ActionUpdateDraft(note, _done_status(note), Span(start, end))


def _done_status(note: str) -> ActionStatus | None:
    """The status a short note opens with ("Complete.", "Closed - shared 3 May")."""
    return status_from_text(note, cell=True) if len(note.split()) <= 6 else None


# --- statements ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    text: str
    attendees: Sequence[AttendeeDraft]
    meeting_date: dt.date


def _status_sentences(ctx: _Context, found: _Found, start: int, limit: int) -> None:
    """Sentences after a statement about "the action" ("The action was closed."), or a
    bare status ("Deferred to the November meeting."), update it."""
    position = start
    while position < limit:
        end = _sentence_end(ctx.text, position, limit)
        s_start, s_end = _strip_span(ctx.text, position, end)
        sentence = ctx.text[s_start:s_end]
        if sentence and (
            _ACTION_SENTENCE.search(sentence) or _BARE_STATUS_SENTENCE.match(sentence)
        ):
            status = status_from_text(sentence)
            if status is not None:
                found.draft.updates.append(
                    ActionUpdateDraft(sentence, status, Span(s_start, s_end))
                )
                found.draft.status, found.explicit_status = status, True
        if end <= position:
            break
        position = end


def _review(
    ctx: _Context,
    reference: str,
    marker_start: int,
    after: int,
    limit: int,
    origin: Origin | None,
) -> _Found | None:
    """A report on an earlier action: "(description) remains open", ": text", "was completed"."""
    text = ctx.text
    description: tuple[int, int] | None = None
    paren = _PAREN.match(text, after, limit)
    if paren:
        description = (paren.start("inner"), paren.end("inner"))
        after = paren.end()
    separator = _SEPARATOR.match(text, after, limit)
    if separator and separator.group().strip() and not text[after:limit].lstrip().startswith("."):
        sentence_end = _sentence_end(text, separator.end(), limit)
        body = description or (separator.end(), sentence_end)
        found = _new_action(
            text, reference, marker_start, sentence_end, body, ctx.attendees, ctx.meeting_date
        )
        status_text = text[separator.end() : sentence_end] if description else ""
    else:
        sentence_end = _sentence_end(text, after, limit)
        status_text = text[after:sentence_end]
        if description is None and origin is None and status_from_text(status_text) is None:
            return None
        body = description or (marker_start, sentence_end)
        found = _new_action(
            text, reference, marker_start, sentence_end, body, ctx.attendees, ctx.meeting_date
        )
    found.review = True
    if origin is not None:
        found.draft.origin_title, found.draft.origin_date = origin.title, origin.date
    status = status_from_text(status_text) if status_text else None
    if status is None and reports_done(status_text):
        status = ActionStatus.COMPLETED  # "the Chief Constable confirmed it had been done"
    if status is not None:
        found.draft.status, found.explicit_status = status, True
    elif origin is None and description is not None and not separator:
        return None  # "Action 4 (MARAC) is covered below": a mention, not a report
    if found.draft.owner_text is None:
        found.draft.owner_text = _reporting_owner(ctx, after, sentence_end)
    _status_sentences(ctx, found, sentence_end, limit)
    return found


def _reporting_owner(ctx: _Context, start: int, end: int) -> str | None:
    """The owner a later clause of a report on an action names: "Action 14/10 (the
    survey) remains open; Jo Hale will report to the April meeting"."""
    for later in _LATER_OWNER.finditer(ctx.text, start, end):
        owner = later.group("owner")
        if resolve_owners(owner, ctx.attendees).owners or _ABBREVIATED.fullmatch(owner):
            return owner
    return None


def _origin_phrase_end(text: str, start: int, limit: int) -> int:
    """Where "Action 3 from <origin>" stops: a bracket, a verb, ": <owner> to", a sentence end."""
    end = _sentence_end(text, start, limit)
    candidates = [end]
    bracket = text.find("(", start, end)
    if bracket >= 0:
        candidates.append(bracket)
    verb = ORIGIN_END.search(text, start, end)
    if verb:
        candidates.append(verb.start())
    for colon in re.finditer(r"[:–—]\s+", text[start:end]):
        if _OWNER.match(text[start + colon.end() : end]):
            candidates.append(start + colon.start())
            break
    return min(candidates)


def _title_only(words: str) -> bool:
    """Whether what follows "Actions arising –" is a title word or two ("Summary",
    "Update"), not an action ("CC to review", "Review the rota.")."""
    content = words.strip()
    return len(content.split()) <= 2 and content[-1:] not in ".!?;:" and " to " not in content


def _names_a_list(marker: re.Match[str]) -> bool:
    """ "Actions", "Action points", "Agreed actions", "Actions arising" head a list."""
    return bool(re.search(r"actions|points", (marker.group("word") or "").lower()))


def _statement(
    ctx: _Context, marker: re.Match[str], limit: int
) -> tuple[_Found | None, str | None]:
    """The action a marker opens, or (None, "list"/"next") when its text is on later lines."""
    text = ctx.text
    reference = marker.group("ref") or marker.group("apref")
    after = marker.end()
    owned = _PAREN.match(text, after, limit) if reference is None else None
    if owned and _names_attendees(owned.group("inner"), ctx.attendees):
        # "Action (DCC): Provide the figures": the owner in brackets after the flag.
        tail = _SEPARATOR.match(text, owned.end(), limit)
        if tail and tail.group().strip() and text[tail.end() : limit].strip():
            found = _new_action(
                text,
                None,
                marker.start(),
                limit,
                (tail.end(), limit),
                ctx.attendees,
                ctx.meeting_date,
            )
            found.draft.owner_text = found.draft.owner_text or owned.group("inner").strip()
            return found, None
    rest = text[after:limit]
    separator = _SEPARATOR.match(text, after, limit)
    if separator and separator.group().strip():
        if separator.end() >= limit or not text[separator.end() : limit].strip():
            plural = reference is None and _names_a_list(marker)
            return None, "list" if plural else "next"
        if rest.lstrip().startswith(".") and reference is None:
            return None, None
        if (
            reference is None
            and _names_a_list(marker)
            and _title_only(text[separator.end() : limit])
        ):
            # "5. Actions Arising – Summary": an agenda's heading names the actions, not one.
            return None, None
        closing = _flag_closing(ctx, marker, separator.end(), limit) if reference is None else None
        if closing is not None:
            return closing, None
        found = _new_action(
            text,
            reference,
            marker.start(),
            limit,
            (separator.end(), limit),
            ctx.attendees,
            ctx.meeting_date,
        )
        return found, None
    if reference is None:
        if not rest.strip() and _names_a_list(marker):
            return None, "list"
        return _owner_after_flag(ctx, marker, limit), None
    paren = _PAREN.match(text, after, limit)
    if paren:
        inner = paren.group("inner")
        dates = list(iter_dates(inner, default_year=ctx.meeting_date.year))
        if dates and len(inner.strip()) <= len(text[dates[0].span[0] : dates[0].span[1]]) + 12:
            origin = origin_from_phrase(inner, ctx.meeting_date)
            return _review(ctx, reference, marker.start(), paren.end(), limit, origin), None
        return _review(ctx, reference, marker.start(), after, limit, None), None
    from_match = _FROM.match(text, after, limit)
    if from_match:
        origin_end = _origin_phrase_end(text, from_match.end(), limit)
        origin = origin_from_phrase(text[from_match.end() : origin_end], ctx.meeting_date)
        if origin.title is None and origin.date is None:
            return None, None
        return _review(ctx, reference, marker.start(), origin_end, limit, origin), None
    if _STATUS_VERB.match(text, after, limit):
        return _review(ctx, reference, marker.start(), after, limit, None), None
    if _CAPITAL_NEXT.match(text, after, limit):
        found = _new_action(
            text, reference, marker.start(), limit, (after, limit), ctx.attendees, ctx.meeting_date
        )
        if found.draft.owner_text is None:
            # "Action 4/24 Custody review update / T/ACC Kay gave a verbal update ...".
            found.draft.owner_text = owner_in(text, _line_spans(text, after, limit))
        # "Action 21 Carried forward to the next meeting": a report that opens with a status.
        status = status_from_text(text[after:limit], cell=True)
        if status is not None and status is not ActionStatus.OPEN:
            found.draft.status, found.explicit_status, found.review = status, True, True
        return found, None
    return None, None


# What may open a line before the words of the sentence a closing flag marks.
_LINE_BULLET = re.compile(r"[ \t]*(?:[•●▪*-]|\(?[a-z0-9]{1,3}[.)])?[ \t]*")


def _flag_closing(ctx: _Context, marker: re.Match[str], owner_at: int, limit: int) -> _Found | None:
    """ "Members asked that future reports set out ... decision. ACTION: Board Secretary":
    a flag closing the sentence it marks, followed by no more than its owner. The action
    is the sentence before the flag on its line; the words after it name who holds it."""
    text = ctx.text
    owner = text[owner_at:limit].strip().rstrip(".")
    if (
        not owner
        or len(owner.split()) > 5
        or not all(w[:1].isupper() or w in ("and", "of", "&") for w in owner.split())
    ):
        return None
    if not looks_like_owner(owner, ctx.attendees):
        return None
    line_start = text.rfind("\n", 0, marker.start()) + 1
    lead = _LINE_BULLET.match(text, line_start, marker.start())
    body_start = lead.end() if lead else line_start
    before = text[body_start : marker.start()].rstrip()
    if not before.endswith((".", ";")) or len(before.split()) < 4:
        return None
    found = _new_action(
        text,
        None,
        body_start,
        limit,
        (body_start, body_start + len(before)),
        ctx.attendees,
        ctx.meeting_date,
    )
    found.draft.owner_text = owner
    return found


def _owner_after_flag(ctx: _Context, marker: re.Match[str], limit: int) -> _Found | None:
    """ "Action WN to provide the terms of reference", "ACTION CC and DCC to review ...": a
    flag with no separator, run straight into an owner who names attendees or known posts
    (not "Action Fraud to ..." nor "Action plan to be ...")."""
    if _names_a_list(marker):
        return None
    body_start = _body_start(ctx.text, marker.end(), limit)
    owned = _OWNER.match(ctx.text[body_start:limit])
    if owned is None:
        initials = _INITIALS_THEN_VERB.match(ctx.text, body_start, limit)
        if initials is None or not _resolves_whole(initials.group("owner"), ctx.attendees):
            return None
        # "Action DS send the summary to GT": initials the attendance gives in brackets,
        # run straight into the verb, with no "to" between them.
        found = _new_action(
            ctx.text,
            None,
            marker.start(),
            limit,
            (initials.end(), limit),
            ctx.attendees,
            ctx.meeting_date,
        )
        found.draft.owner_text = initials.group("owner")
        return found
    if not _names_attendees(owned.group("owner"), ctx.attendees):
        return None
    return _new_action(
        ctx.text,
        None,
        marker.start(),
        limit,
        (body_start, limit),
        ctx.attendees,
        ctx.meeting_date,
    )


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of ``text[start:end]`` as spans: a title line run into the report under
    it ("Custody update / DCC Kay gave ...") holds no subject of the report."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        spans.append((start + line.start(), start + line.end()))
    return spans


_FIELD_AFTER = re.compile(r"\s*(?:[Oo]wners?|OWNERS?|[Bb]y|BY|[Ll]ead|LEAD)\s*[:\-–]")


def _markers(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Markers that open a line (after an item number or bullet) or follow a sentence."""
    accepted: list[re.Match[str]] = []
    for match in ACTION_MARKER.finditer(text, start, end):
        if _FIELD_AFTER.match(text, match.end(), end):
            continue  # "Action owner: DCC", "Action by: June": a field of the action before
        if (
            LINE_LEAD.fullmatch(text, start, match.start())
            or _after_sentence(text, start, match.start())
            or _colon_marker(text, match, end)
            or ((match.group("ref") or match.group("apref")) and _after_colon(text, start, match))
            or ((match.group("ref") or match.group("apref")) and _glued(text, start, match))
            or _flag_then_initials(text, match, end)
            or (
                (match.group("ref") or match.group("apref"))
                and _after_clause(text, start, match.start())
                and _STATUS_VERB.match(text, match.end(), end)
            )
        ):
            accepted.append(match)
    return accepted


def _flag_then_initials(text: str, match: re.Match[str], end: int) -> bool:
    """ "... confirmed that it had been and Action HO circulate the note": a flag run into
    the unfinished sentence above it by the extraction, then initials and a verb. Whether
    the initials name attendees is checked when the action is read."""
    return (
        match.group("word") in ("Action", "ACTION")
        and match.group("ref") is None
        and match.start() > 0
        and text[match.start() - 1] == " "
        and _INITIALS_THEN_VERB.match(text, match.end(), end) is not None
    )


def _glued(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether a numbered marker is glued to the end of the sentence before it, as text
    extractions that lose line breaks leave it: "... in the table below.Action 11032020.2
    Chair to write ...", "... – complete.Action 4 DCC to ..."."""
    return (
        match.start() > start
        and text[match.start() - 1] in ".;"
        and match.group("word")
        in (
            "Action",
            "ACTION",
        )
    )


def _colon_marker(text: str, match: re.Match[str], end: int) -> bool:
    """ "Action:" before a capital opens an action wherever it stands: cells and pages run
    several together ("... from the previous meeting: Action: PCC to include ..."); so
    does "Action -" before an owner's initials and what they are to do."""
    word = match.group("word") or ""
    if not (
        word in ("Action", "ACTION")
        and (match.start() == 0 or text[match.start() - 1].isspace())
        and match.group("ref") is None
    ):
        return False
    if _COLON_THEN_CAPITAL.match(text, match.end(), end) is not None:
        return True
    # "... as Vice Chair Action- DF to collect names ...": a dash in place of the colon, then
    # an owner and what they are to do
    dash = _DASH_THEN_CAPITAL.match(text, match.end(), end)
    owner = _OWNER.match(text[dash.end() : end]) if dash is not None else None
    return owner is not None and re.fullmatch(r"[A-Z]{2,4}", owner["owner"]) is not None


def _after_colon(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether a numbered marker follows a colon that introduces it: "The following
    updates were given:- Action 002 – the terms of reference ...", "Updates: Action 4 ..."."""
    space = space_before(text, start, match.start())
    return space not in (start, match.start()) and text[max(start, space - 2) : space].rstrip(
        "-–"
    ).endswith(":")


def _after_sentence(text: str, start: int, stop: int) -> bool:
    """Whether ``_AFTER_SENTENCE`` is found in ``text[start:stop]``: space after the end of
    a sentence or a bracket (or bold marks), or a tab then space."""
    space = space_before(text, start, stop)
    if space == stop:
        return False
    return (
        (space > start and text[space - 1] in ".!?;)")
        or (space - 2 >= start and text[space - 2 : space] == "**")
        or "\t" in text[space:stop]
    )


def _after_clause(text: str, start: int, stop: int) -> bool:
    """Whether ``_AFTER_CLAUSE`` is found in ``text[start:stop]``: space after a comma or
    after "and", "but", "while", "whilst" or "whereas" (a whole word)."""
    space = space_before(text, start, stop)
    if space in (start, stop):
        return False
    if text[space - 1] == ",":
        return True
    word = word_ending_at(text, start, space)
    return word in _CLAUSE_WORDS


def _body_start(text: str, position: int, limit: int) -> int:
    separator = _SEPARATOR.match(text, position, limit)
    position = separator.end() if separator else position
    while position < limit and text[position].isspace():
        position += 1
    return position


def _first_cell_end(text: str, start: int, end: int) -> tuple[int, str | None]:
    """The end of the first tab-separated cell, and a short trailing cell (a margin owner)."""
    tab = text.find("\t", start, end)
    if tab < 0:
        return end, None
    cells = [c.strip() for c in text[tab:end].split("\t") if c.strip()]
    return tab, (cells[0] if cells and len(cells[0].split()) <= 4 else None)


# --- lines -----------------------------------------------------------------------------------


def _update_from_line(text: str, start: int, end: int) -> ActionUpdateDraft | None:
    """An "Update: ..." line, a "(During the meeting ...)" line or a "Complete." line."""
    start, end = _strip_span(text, start, end)
    lead = LINE_LEAD.match(text, start, end)
    content_start = lead.end() if lead else start
    content = text[content_start:end]
    labelled = UPDATE_LINE.match(content)
    if labelled:
        body_start = content_start + labelled.start("body")
        body = text[body_start:end]
        status = status_from_text(body, cell=True) or status_from_text(body)
        return ActionUpdateDraft(body, status, Span(body_start, end))
    if content.startswith("(") and content.rstrip(".").endswith(")"):
        inner_start, inner_end = _strip_span(
            text, content_start + 1, content_start + content.rstrip(".").rindex(")")
        )
        if _UPDATE_CUE.match(text, inner_start, inner_end):
            return _note(text, inner_start, inner_end)
    if _DONE_LINE.fullmatch(content):
        return ActionUpdateDraft(
            content, status_from_text(content, cell=True), Span(content_start, end)
        )
    return None


def _list_actions(
    ctx: _Context, lines: Sequence[tuple[int, int]], first: int
) -> tuple[list[_Found], int]:
    """Bulleted or numbered actions below an "Actions:" line; returns them and the next line."""
    found: list[_Found] = []
    index = first
    while index < len(lines):
        start, end = lines[index]
        if not ctx.text[start:end].strip():
            if found or index > first:
                break
            index += 1
            continue
        item = _LIST_ITEM.match(ctx.text, start, end)
        owner = _OWNER.match(ctx.text[start:end].strip())
        if item is None and owner is None:
            break
        body_start = item.end() if item else start
        reference = (item.group("number") or item.group("paren")) if item else None
        found.append(
            _new_action(
                ctx.text,
                reference,
                body_start,
                end,
                (body_start, end),
                ctx.attendees,
                ctx.meeting_date,
            )
        )
        index += 1
    return found, index


def _next_line_action(
    ctx: _Context, lines: Sequence[tuple[int, int]], index: int, marker: re.Match[str]
) -> tuple[_Found | None, int]:
    """The text of "Action 1:" alone on its line is the next non-blank line."""
    while index < len(lines) and not ctx.text[lines[index][0] : lines[index][1]].strip():
        index += 1
    if index >= len(lines):
        return None, index
    start, end = lines[index]
    if _markers(ctx.text, start, end):
        return None, index
    reference = marker.group("ref") or marker.group("apref")
    lead = LINE_LEAD.match(ctx.text, start, end)
    body_start = lead.end() if lead else start
    action = _new_action(
        ctx.text, reference, marker.start(), end, (body_start, end), ctx.attendees, ctx.meeting_date
    )
    return action, index + 1


_NEW_BLOCK = re.compile(rf"\s*(?:#|{BULLET}\s|\(?\d{{1,2}}(?:\.\d{{1,2}})*[.)]?\s|Item\s+\d)")
_CONTINUATION_LINES = 3


def _continued(text: str, lines: Sequence[tuple[int, int]], index: int) -> tuple[int, int]:
    """The end of line ``index`` stretched over the lines that finish its last sentence
    (a text extraction may break a line anywhere), and the index after them."""
    start, end = lines[index]
    following = index + 1
    while following < len(lines) and following - index <= _CONTINUATION_LINES:
        if re.search(r"[.!?:;][\"')\]]*$", text[start:end].rstrip()):
            break
        next_start, next_end = lines[following]
        line = text[next_start:next_end]
        if (
            not line.strip()
            or "\t" in line.strip()
            or _NEW_BLOCK.match(line)
            or _markers(text, next_start, next_end)
            or _update_from_line(text, next_start, next_end)
        ):
            break
        end = next_end
        following += 1
    return end, following


_FLAG_OWNER = (
    r"(?P<owner>[A-Z][\w'’./&-]*(?:(?:\s*[,/&]\s*|\s+(?:and|of|the|for)\s+|\s+)"
    r"[A-Z][\w'’./&-]*){0,5})"
)
# "ACTION / Duncan Elmore": the two cells of a flattened row joined by a slash, too.
_OWNER_LINE = re.compile(
    r"(?:\*\*|__)?(?:ACTIONS?|Actions?)(?:\*\*|__)?(?:\s*[:\-–—]\s*|\s+/\s+|\s+)(?:\*\*|__)?"
    rf"{_FLAG_OWNER}(?:\*\*|__)?\.?\s*$"
)
# "... an update on response times. ACTION: CC", "... next meeting. [Action: DCC]",
# "... on response times (Action DCC)".
_TRAILING_FLAG = re.compile(
    r"(?:(?<=[.!?;)])\s*|\s+(?=[\[(]))(?P<open>[\[(])?\s*(?:\*\*|__)?(?:ACTIONS?|Actions?)(?:\*\*|__)?"
    rf"(?:\s*[:\-–—]\s*|\s+)(?:\*\*|__)?{_FLAG_OWNER}(?:\*\*|__)?\s*(?P<close>[\])])?\.?\s*$"
)
_FLAG_WORD = re.compile(r"ACTION|[Aa]ction")
# A flag with no owner: alone on its line, or closing a paragraph.
_BARE_FLAG_LINE = re.compile(r"\s*(?:\*\*|__)?(?:ACTION|Action)(?:\*\*|__)?\s*")
_BARE_FLAG = re.compile(
    r"(?<=[.!?;])\s*(?P<open>[\[(])?\s*(?:\*\*|__)?(?:ACTION|Action)(?:\*\*|__)?\s*"
    r"(?(open)[\])])\s*$"
)
_FLAG_CUE = re.compile(
    r"\b(?:would|will|to\s+be|agreed|undert(?:ook|akes)|offered|asked|requested|to\s+provide)\b"
)


def _flag_owner(ctx: _Context, phrase: str) -> str | None:
    """The owner an action flag names when that is all it holds ("CC", "Duncan Elmore",
    "PCC/CC"): a phrase that resolves, names a person, or is made of known posts."""
    owner = phrase.strip()
    if _OWNER.match(owner + " to x") is None:
        return None
    if resolve_owners(owner, ctx.attendees).owners or person_in(owner) is not None:
        return owner
    parts = split_owner_parts(owner)
    known = [p for p in parts if role_for_abbreviation(p) or role_for_name(p)]
    return owner if known and len(known) == len(parts) else None


def _owner_line(
    ctx: _Context, markers: Sequence[re.Match[str]], start: int, end: int
) -> str | None:
    """The owner a line names when it is only an action flag and an owner ("ACTION  Duncan
    Elmore", "Action: DCC"): a margin column of the page, run onto its own line under the
    paragraph it flags."""
    if len(markers) != 1 or markers[0].group("ref") or markers[0].group("apref"):
        return None
    lead = LINE_LEAD.match(ctx.text, start, markers[0].start())
    if lead is None or lead.end() != markers[0].start():
        return None
    line = _OWNER_LINE.fullmatch(ctx.text, markers[0].start(), end)
    return _flag_owner(ctx, line.group("owner")) if line else None


def _trailing_flag(ctx: _Context, start: int, end: int) -> tuple[int, str] | None:
    """Where a flag that closes a paragraph starts and the owner it names ("The Chief
    Constable agreed to report back. ACTION: CC"), with brackets that pair."""
    flag = _TRAILING_FLAG.search(ctx.text, start, end)
    if flag is None or bool(flag.group("open")) != bool(flag.group("close")):
        return None
    owner = _flag_owner(ctx, flag.group("owner"))
    return (flag.start("open") if flag.group("open") else flag.start(), owner) if owner else None


def _bracketed(text: str, position: int) -> bool:
    return text[position : position + 1] in ("(", "[")


def _flagged(
    ctx: _Context,
    found: list[_Found],
    body: tuple[int, int],
    flag_end: int,
    owner: str | None,
    *,
    bracketed: bool = False,
) -> _Found | None:
    """The action a flag with an owner marks: the paragraph ``body``, from the sentence that
    promises something ("... were still open. A list of ... would be sent to members"), or
    the action found in it already, which takes the owner if it names none."""
    text = ctx.text
    start, end = _strip_span(text, *body)
    if found and found[-1].draft.span.end > start:
        last = found[-1].draft
        if last.owner_text is None:
            last.owner_text = owner
        return None
    if not _is_prose(text, start, end, closed=not bracketed):
        return None
    sentence_spans = list(sentences(text, start, end))
    first = next((s for s, e in sentence_spans if _FLAG_CUE.search(text, s, e)), start)
    action = _new_action(text, None, first, flag_end, (first, end), ctx.attendees, ctx.meeting_date)
    action.draft.owner_text = owner or action.draft.owner_text
    return action


def _line_above(text: str, line_start: int) -> tuple[int, int] | None:
    """The last non-blank line before ``line_start`` (a paragraph, once cleaned)."""
    end = line_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return None
    return text.rfind("\n", 0, end) + 1, end


def _is_prose(text: str, start: int, end: int, *, closed: bool = True) -> bool:
    """Whether ``text[start:end]`` reads as a paragraph of minutes, not a heading: six
    words or more, ending a sentence unless a bracketed flag closes it (not ``closed``)."""
    content = text[start:end]
    ended = content.rstrip()[-1:] in ".!?;:)\"'’”" or not closed
    return len(content.split()) >= 6 and ended


# A sentence that opens another action: "Initial funding to be found from savings".
_TO_BE = re.compile(r"[A-Z][\w'’/-]*(?:\s+[\w'’/-]+){0,7}?\s+to\s+be\s+[a-z]")


def _each_sentence(ctx: _Context, action: _Found, marker: re.Match[str]) -> list[_Found]:
    """The actions after "Actions –" run into one paragraph: each sentence that names an
    owner ("NYP to bring together the leads.") or says what is to be done ("Initial funding
    to be found from savings, with LB-W and MP working jointly.") opens the next one; other
    sentences stay with the action before them."""
    draft = action.draft
    if not _names_a_list(marker) or draft.reference is not None or action.draft.updates:
        return [action]
    text = ctx.text
    body_start = _body_start(text, marker.end(), draft.span.end)
    starts = [
        start
        for start, end in sentences(text, body_start, draft.span.end)
        if start > body_start
        and (_TO_BE.match(text, start, end) or _owner_opens(ctx, text[start:end]))
    ]
    if not starts:
        return [action]
    bounds = [body_start, *starts, draft.span.end]
    parts: list[_Found] = []
    for index in range(len(bounds) - 1):
        first = draft.span.start if index == 0 else bounds[index]
        part = _new_action(
            text,
            None,
            first,
            bounds[index + 1],
            (bounds[index], bounds[index + 1]),
            ctx.attendees,
            ctx.meeting_date,
        )
        part.draft.origin_title, part.draft.origin_date = draft.origin_title, draft.origin_date
        parts.append(part)
    return parts


def _owner_opens(ctx: _Context, sentence: str) -> bool:
    match = _OWNER.match(sentence)
    return match is not None and looks_like_owner(match.group("owner"), ctx.attendees)


def _prose_actions(ctx: _Context, tables: SpanSet) -> list[_Found]:
    text = ctx.text
    lines = [(line.start, line.end) for line in split_lines(text)]
    found: list[_Found] = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        index += 1
        if start in tables:
            continue
        markers = _markers(text, start, end)
        if (
            markers
            and _trailing_flag(ctx, start, end) is None
            and not _FLAT_CELL.match(text, markers[0].end(), end)
        ):
            # a line closed by its owner's flag ("... for the next meeting. Action: RJ/AC")
            # ends its action; another runs on to the lines that continue its sentence; a
            # table's row flattened onto its line ends with it
            end, index = _continued(text, lines, index - 1)
        on_line: list[_Found] = []
        owner_line = _owner_line(ctx, markers, start, end) if markers else None
        bare = markers and _BARE_FLAG_LINE.fullmatch(text, start, end)
        above = _line_above(text, start) if owner_line or bare else None
        if above:
            # "ACTION  Duncan Elmore" or a bare "ACTION" under the paragraph it flags.
            flagged = _flagged(ctx, found, above, end, owner_line)
            found += [flagged] if flagged else []
            continue
        closing = markers and _BARE_FLAG.search(text, start, end)
        if closing:
            # "... figures at the next meeting. ACTION": the paragraph before the flag.
            lead = LINE_LEAD.match(text, start, end)
            body = (lead.end() if lead else start, closing.start())
            flagged = _flagged(ctx, found, body, end, None)
            found += [flagged] if flagged else []
            continue
        trailing = _trailing_flag(ctx, start, end) if _FLAG_WORD.search(text, start, end) else None
        if trailing is not None:
            # The flag closes the line: the markers before it, if any, open its action.
            markers = [m for m in markers if m.start() < trailing[0]]
            if not markers:
                lead = LINE_LEAD.match(text, start, end)
                body = (lead.end() if lead else start, trailing[0])
                flagged = _flagged(
                    ctx, found, body, end, trailing[1], bracketed=_bracketed(text, trailing[0])
                )
                found += [flagged] if flagged else []
                continue
            end = trailing[0]
        for position, marker in enumerate(markers):
            limit = markers[position + 1].start() if position + 1 < len(markers) else end
            flat = _flattened_row(ctx, marker, limit)
            if flat is not None:
                on_line.append(flat)
                continue
            cell_end, margin = _first_cell_end(text, _body_start(text, marker.end(), limit), limit)
            action, pending = _statement(ctx, marker, cell_end)
            if pending == "list":
                listed, index = _list_actions(ctx, lines, index)
                on_line += listed
            elif pending == "next":
                action, index = _next_line_action(ctx, lines, index, marker)
            if action is not None:
                if (
                    margin
                    and action.draft.owner_text is None
                    and looks_like_owner(margin, ctx.attendees)
                ):
                    action.draft.owner_text = margin
                on_line += _each_sentence(ctx, action, marker)
                on_line += _also_cited(action, marker)
        if not on_line:
            continue
        if trailing is not None and on_line[-1].draft.owner_text is None:
            on_line[-1].draft.owner_text = trailing[1]
        found += on_line
        while index < len(lines):
            # A blank line may stand between an action and its "Update:" (Word, Markdown).
            following = index
            while following < len(lines) and not text[slice(*lines[following])].strip():
                following += 1
            if following - index > 1 or following >= len(lines):
                break
            if following == index and _field_line(ctx, on_line[-1], *lines[following]):
                index = following + 1
                continue
            update = _update_from_line(text, *lines[following])
            if update is None:
                break
            last = on_line[-1]
            last.draft.updates.append(update)
            if update.status is not None:
                last.draft.status, last.explicit_status = update.status, True
            index = following + 1
    return found


_MORE_REFERENCES = re.compile(ACTION_REFERENCE)
# A table's cells flattened onto one line with " / " between them: "ACTION / Mrs Hale to
# review the rota / EH / Open".
_FLAT_CELL = re.compile(r"(?:(?<=\s)|\s+)/\s+")
_FLAT_SEPARATOR = re.compile(r"(?<=\s)/(?=\s)")
_SHORT_CELL_WORDS = 4


def _flattened_row(ctx: _Context, marker: re.Match[str], limit: int) -> _Found | None:
    """The action of a table row flattened onto its line, its flag the first cell: the next
    cell is the action, and short cells after it give its owner and its status ("ACTION /
    Mrs Hale to review the rota / EH", "Action 3 / Bring the figures / DCC / Open")."""
    text = ctx.text
    if not _FLAT_CELL.match(text, marker.end(), limit):
        return None
    cells: list[tuple[int, int]] = []
    position = marker.end()
    for separator in [*_FLAT_SEPARATOR.finditer(text, marker.end(), limit), None]:
        stop = separator.start() if separator else limit
        span = _strip_span(text, position, stop)
        if span[0] < span[1]:
            cells.append(span)
        position = separator.end() if separator else limit
    if not cells or len(text[slice(*cells[0])].split()) < _SHORT_CELL_WORDS - 1:
        return None
    reference = marker.group("ref") or marker.group("apref")
    found = _new_action(
        text, reference, marker.start(), limit, cells[0], ctx.attendees, ctx.meeting_date
    )
    draft = found.draft
    for start, end in cells[1:]:
        cell = text[start:end]
        if len(cell.split()) > _SHORT_CELL_WORDS:
            continue
        status = status_from_text(cell, cell=True)
        if status is not None:
            draft.status, found.explicit_status = status, True
        elif draft.owner_text is None and looks_like_owner(cell, ctx.attendees):
            draft.owner_text = cell
        else:
            draft.due_date = draft.due_date or due_date_in(cell, ctx.meeting_date, need_cue=False)
    return found


def _also_cited(action: _Found, marker: re.Match[str]) -> list[_Found]:
    """The same report for each further number a marker cites ("Action Nos. 34, 35 and 38
    ... completed"): each is an action of the register, all sharing the one text."""
    more = marker.group("more")
    if not more or action.draft.reference != marker.group("ref"):
        return []
    return [
        _Found(
            replace(action.draft, reference=number.group(), updates=list(action.draft.updates)),
            action.explicit_status,
            action.review,
        )
        for number in _MORE_REFERENCES.finditer(more)
    ]


_FIELD_LINE = re.compile(
    r"(?:\*\*|__)?(?:(?P<owner>(?:Action\s+)?[Oo]wners?|Lead(?:\s+[Oo]fficer)?|By\s+whom"
    r"|Responsible(?:\s+[Oo]fficer)?|Action\s+by)"
    r"|(?P<due>Due(?:\s+[Dd]ate)?|Deadline|Target\s+[Dd]ate|Timescale|By\s+when))"
    r"(?:\*\*|__)?\s*[:\-–]\s*(?:\*\*|__)?(?P<value>\S.*?)\s*$"
)


def _field_line(ctx: _Context, action: _Found, start: int, end: int) -> bool:
    """A line right under an action that gives its owner or due date ("Owner: DCC",
    "Due date: June 2023"); it is read into the action."""
    lead = LINE_LEAD.match(ctx.text, start, end)
    field = _FIELD_LINE.fullmatch(ctx.text, lead.end() if lead else start, end)
    if field is None:
        return False
    draft = action.draft
    value = field.group("value").strip(" .")
    if field.group("due"):
        draft.due_date = due_date_in(value, ctx.meeting_date, need_cue=False) or draft.due_date
    elif draft.owner_text is None:
        draft.owner_text = value
    draft.span = Span(draft.span.start, max(draft.span.end, end))
    return True


# --- actions without a marker ---------------------------------------------------------------

# "See Action 716a." closing a minute: the minute raised that action.
_SEE_ACTION = re.compile(
    rf"\(?\b(?:[Ss]ee|SEE)\s+(?:[Aa]ction|ACTION)\s+(?:[Nn]o\.?\s*)?"
    rf"(?P<ref>[A-Z]?{ACTION_REFERENCE}[a-z]?)(?![\w/])\s*\)?\.?\s*$"
)


def _cross_referenced(ctx: _Context, tables: SpanSet, known: set[str]) -> list[_Found]:
    """Minutes whose last words point to an action by number ("The MTFP will be put on
    the website.\nSee Action 716a."): each is that action, its text the minute it closes
    (the words before the pointer on its line, else the line above). A number some other
    action already carries is left to that one."""
    text = ctx.text
    found: list[_Found] = []
    previous: tuple[int, int] | None = None
    for line in split_lines(text):
        if line.blank or line.start in tables:
            previous = None if line.start in tables else previous
            continue
        see = _SEE_ACTION.search(text, line.content_start, line.content_end)
        if see and see.group("ref") not in known:
            before = text[line.content_start : see.start()].rstrip()
            if before and before[-1] in ".!?;":
                body: tuple[int, int] | None = (line.content_start, see.start())
            elif not before:
                body = previous
            else:
                body = None
            if body is not None:
                action = _new_action(
                    text, see.group("ref"), body[0], see.end(), body, ctx.attendees,
                    ctx.meeting_date,
                )  # fmt: skip
                found.append(action)
                known.add(see.group("ref"))
        previous = (line.content_start, line.content_end)
    return found


def _from_candidate(ctx: _Context, candidate: Candidate) -> _Found:
    found = _new_action(
        ctx.text,
        candidate.reference,
        candidate.start,
        candidate.end,
        candidate.body,
        ctx.attendees,
        ctx.meeting_date,
    )
    draft = found.draft
    for start, end in candidate.updates:
        draft.updates.append(_note(ctx.text, *_strip_span(ctx.text, start, end)))
    if candidate.decided and candidate.owner:
        draft.owner_text = candidate.owner
    if draft.owner_text is None:
        draft.owner_text = candidate.owner or (
            owner_in(ctx.text, [candidate.body, *candidate.updates])
            if candidate.reference and candidate.owner is None
            else None
        )
    if candidate.status is not None:
        draft.status, found.explicit_status = candidate.status, True
    found.review = candidate.status is not None
    return found


def _unmarked_actions(
    ctx: _Context, tables: SpanSet, marked: Sequence[_Found], *, tables_given: bool
) -> list[_Found]:
    """Actions cited by reference codes, recorded in sentences and lists, or reviewed under
    a heading, outside the marked ones. Sentences of narrative are read only when the
    minutes mark none of their new actions."""
    text = ctx.text
    found = paragraphs(text, split_lines(text), tables)
    taken = _Taken(f.draft.span for f in marked)
    referenced = taken.outside(find_referenced_actions(text, found, tables))
    narrative = not tables_given and all(f.review for f in marked)
    committed = taken.outside(find_commitments(text, found, taken.spans(), narrative=narrative))
    reviewed = taken.outside(find_review_paragraphs(text, found, taken.spans()))
    return [_from_candidate(ctx, c) for c in [*referenced, *committed, *reviewed]]


class _Taken:
    """Spans of the actions found so far; a candidate overlapping one is not another."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self._spans: list[Span] = []
        self._starts: list[int] = []
        self._reach: list[int] = []
        self._add(spans)

    def _add(self, spans: Iterable[Span]) -> None:
        self._spans = sorted([*self._spans, *spans], key=lambda s: s.start)
        self._starts = [s.start for s in self._spans]
        self._reach = list(accumulate((s.end for s in self._spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span found so far shares a character with ``[start, end)``."""
        before = bisect_left(self._starts, end) - 1
        return before >= 0 and self._reach[before] > start

    def outside(self, candidates: Sequence[Candidate]) -> list[Candidate]:
        """The candidates that overlap no span found so far; they are taken in turn."""
        kept = [c for c in candidates if not self.overlaps(c.start, c.end)]
        self._add(Span(c.start, c.end) for c in kept)
        return kept

    def spans(self) -> SpanSet:
        return SpanSet(self._spans)


_SECOND_OWNER = re.compile(
    r"(?:\s+and|[.;])\s+(?P<owner>(?:the\s+)?[A-Z][\w'’&/.-]*(?:\s+[A-Z][\w'’&/.-]*){0,3})"
    r"\s+(?:to|is\s+to|are\s+to|will)\s+(?=[a-z])"
)


def _joint_parts(ctx: _Context, found: _Found) -> list[_Found]:
    """ "NM to review the policy and JD to write to the Home Office" (or ". JD to write
    ..."): two actions, one for each owner, when the second owner is an attendee or an
    abbreviation."""
    draft = found.draft
    if not draft.owner_text:
        return [found]
    first = _OWNER.match(draft.text)
    if first is None or first.group("owner").strip() != draft.owner_text:
        return [found]
    for match in _SECOND_OWNER.finditer(draft.text, first.end()):
        owner = match.group("owner")
        resolution = resolve_owners(owner, ctx.attendees)
        if not (resolution.owners or _ABBREVIATED.fullmatch(owner)):
            continue
        source = ctx.text.find(f" {owner} ", draft.span.start, draft.span.end)
        if source < 0:
            continue
        first_end = match.start() + (draft.text[match.start()] == ".")
        first_text = draft.text[:first_end].rstrip(" ,;")
        second_text = draft.text[match.start("owner") :]
        second = ActionDraft(
            reference=draft.reference,
            text=second_text,
            span=Span(source + 1, draft.span.end),
            owner_text=owner,
            status=draft.status,
            due_date=due_date_in(second_text, ctx.meeting_date),
            origin_title=draft.origin_title,
            origin_date=draft.origin_date,
        )
        draft.text = first_text
        draft.span = Span(draft.span.start, source)
        draft.due_date = due_date_in(draft.text, ctx.meeting_date)
        return [found, *_joint_parts(ctx, _Found(second, found.explicit_status, found.review))]
    return [found]


def _distinct(actions: list[ActionDraft]) -> list[ActionDraft]:
    """Actions without repeats: a resolution printed twice on a page is one action."""
    seen: set[tuple[str | None, str]] = set()
    kept: list[ActionDraft] = []
    for action in actions:
        key = (action.reference, " ".join(re.findall(r"\w+", action.text.lower())))
        if key in seen:
            continue
        seen.add(key)
        kept.append(action)
    return kept


# --- tables and prose together ---------------------------------------------------------------


def _comparable(text: str) -> str:
    text = _OWNER.sub("", text)
    text = re.sub(r"\([^()]*\)", " ", text)
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _same_action(
    prose: _Found, logged: LoggedAction, comparable: tuple[str, str] | None = None
) -> int:
    """How well a table row matches a prose action (0-100), 0 when they cannot be one.

    ``comparable`` holds the two texts as ``_comparable`` gives them, when known.
    """
    a, b = prose.draft, logged.draft
    if a.origin_date and b.origin_date and a.origin_date != b.origin_date:
        return 0
    if bool(a.origin_date) != bool(b.origin_date) and not (prose.review or logged.origin_reference):
        return 0
    prose_text, row_text = comparable or (_comparable(a.text), _comparable(b.text))
    score = fuzz.token_set_ratio(prose_text, row_text)
    cited = logged.origin_reference if b.origin_date else b.reference
    if cited and a.reference == cited:
        if a.origin_date and a.origin_date == b.origin_date:
            return 100
        score += 15
    return int(score)


def _merge_candidates(unmerged: list[int], starts: list[int], row: LoggedAction) -> list[int]:
    """The prose actions a table row is compared with: all those not merged yet, or when
    there are more than ``MERGE_CANDIDATES``, that many of them nearest to the row."""
    if len(unmerged) <= MERGE_CANDIDATES:
        return unmerged
    at = bisect_left(starts, row.draft.span.start)
    first = min(max(0, at - MERGE_CANDIDATES // 2), len(unmerged) - MERGE_CANDIDATES)
    return sorted(unmerged[first : first + MERGE_CANDIDATES])


def _merge(found: list[_Found], logged: Sequence[LoggedAction]) -> list[ActionDraft]:
    """Prose actions, each enriched by the table row that repeats it, then the other rows.

    Each row is compared with at most ``MERGE_CANDIDATES`` prose actions (see
    ``_merge_candidates``): every one in minutes of ordinary length, and a bounded number
    in a text with thousands of actions, which would otherwise cost rows x actions.
    """
    extra: list[ActionDraft] = []
    comparable = [_comparable(prose.draft.text) for prose in found]
    # The prose actions not merged yet, by position.
    unmerged = sorted(range(len(found)), key=lambda index: found[index].draft.span.start)
    starts = [found[index].draft.span.start for index in unmerged]
    for row in logged:
        row_text = _comparable(row.draft.text)
        scores = [
            (_same_action(found[index], row, (comparable[index], row_text)), index)
            for index in _merge_candidates(unmerged, starts, row)
        ]
        best = max(scores, default=(0, -1))
        if best[0] < _MERGE_SCORE:
            extra.append(row.draft)
            continue
        position = unmerged.index(best[1])
        del unmerged[position], starts[position]
        target, source = found[best[1]].draft, row.draft
        if not target.owner_text and source.owner_text:
            target.owner_text, target.owners = source.owner_text, source.owners
        target.due_date = source.due_date or target.due_date
        target.reference = target.reference or source.reference  # the row's number
        target.origin_date = target.origin_date or source.origin_date
        target.origin_title = target.origin_title or source.origin_title
        if row.status_given and (
            source.status != ActionStatus.OPEN or not found[best[1]].explicit_status
        ):
            target.status = source.status
        target.updates += source.updates
    return [f.draft for f in found] + extra


def parse_actions(
    text: str,
    items: Sequence[ItemDraft],
    attendees: Sequence[AttendeeDraft],
    *,
    meeting_date: dt.date,
) -> tuple[list[ActionDraft], list[str]]:
    """The actions in the text, in order, each under its innermost item, and warnings
    (owners that fit several attendees)."""
    attendees = OwnerIndex(attendees)
    ctx = _Context(text, attendees, meeting_date)
    logged, table_spans = find_action_log(text, attendees, meeting_date)
    tables = SpanSet(table_spans)
    found = _prose_actions(ctx, tables)
    found += _unmarked_actions(ctx, tables, found, tables_given=bool(logged))
    known = {a.draft.reference for a in found if a.draft.reference}
    known |= {row.draft.reference for row in logged if row.draft.reference}
    found += _cross_referenced(ctx, tables, known)
    found = [part for action in found for part in _joint_parts(ctx, action)]
    passages = find_passages(text, meeting_date, (f.draft.span for f in found), tables)
    apply_passages(text, passages, found, items)
    done = DoneReports(text, meeting_date)
    found = [f for f in found if not done.only_reports(f.draft)]
    warnings: list[str] = []
    for prose in found:
        if prose.draft.owner_text:
            span = prose.draft.span
            context = text[max(0, span.start - _OWNER_CONTEXT) : span.end]
            resolution = resolve_owners(prose.draft.owner_text, attendees, context=context)
            prose.draft.owners = resolution.owners
            if not resolution.owners and not resolution.warnings:
                prose.draft.owner_text = _full_title(prose.draft.owner_text, context)
            warnings += [_warning(prose.draft, w) for w in resolution.warnings]
    for row in logged:
        warnings += [_warning(row.draft, w) for w in row.warnings]
    actions = _distinct(sorted(_merge(found, logged), key=lambda a: a.span.start))
    locator = ItemLocator(items)
    for action in actions:
        action.item = locator.find(action.span.start)
    return actions, list(dict.fromkeys(warnings))


_MEETING_BODIES = frozenset(
    [
        "panel",
        "committee",
        "sub-committee",
        "board",
        "council",
        "authority",
        "meeting",
        "group",
        "partnership",
    ]
)
_BARE_POST = re.compile(r"(?:the\s+)?(?P<post>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")


def _full_title(owner: str, context: str) -> str:
    """A post named short ("the Commissioner") by the title the passage before the action
    gives it in full ("The Commissioner of Police noted ..."), when it gives only one; a
    post no attendee holds is kept as that post, and the full title says which."""
    bare = _BARE_POST.fullmatch(owner.strip())
    if bare is None or not has_role_word(bare.group("post").split()):
        return owner
    post = bare.group("post")
    titles = {
        " ".join(m.group().split())
        for m in re.finditer(
            rf"(?<![\w-]){re.escape(post)}\s+of\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
            r"(?![\w-])",
            context,
        )
    }
    # "Chair of the Panel": the meeting's own officer, whom minutes call "the Chair".
    titles = {t for t in titles if t.split()[-1].lower() not in _MEETING_BODIES}
    return titles.pop() if len(titles) == 1 else owner


def _warning(action: ActionDraft, message: str) -> str:
    name = f"action {action.reference}" if action.reference else "an action"
    return f"{name}: {message}"
