"""Agenda items: numbered headings ("1.", "1.1", "Item 3", "3)", "Agenda item 4:", minute
numbers "139." and minute references "PCP 23/21" or "PCB 21/03", see ``item_heads``) or, in
documents without numbering, short unnumbered headings followed by prose.

Numbered lines are candidates; the items are the best increasing sequence of them, so
numbered lists inside an item, action-table rows and page numbers that go back to 1 are
not taken for items, nor is a list numbered from 1 inside one of the body's running minute
numbers; a number printed twice (an agenda number, then the minute number on a line of its
own; a decisions table, then the same minute references over their discussion) gives one
item. A numbered paragraph of prose ("2.1 The PCC noted that ... .", the first line of one
wrapped at the page width, or a running minute number "37 The Panel received ...") stays
in its item's text; a sub-numbered heading becomes a child item, and so does a run of
lettered, roman or bracket-numbered headings ("i) Estates strategy", "ii) Fleet", listed
as printed; "(1) Apologies" under item 1 is "1(1)"). Where only paragraph numbers are
left ("8.1", "8.2" under an unnumbered heading), their first part numbers the item. An
action log under a heading of its own after the last
item ("Action Log") belongs to no item.

Layouts read besides "number, title": the number alone with the title on the next line
(council web pages, where a "Minutes:" label follows the title), the title on the line
above a bare "Agenda Item N", a heading in capitals running into its paragraph, every
heading numbered "1." (a list whose numbering was lost), pages run onto one line (see
``run_on``), numbers the run of items misses standing mid-line in a flattened agenda
table, a numbered paragraph run on after a "Minutes:" label, and web pages that lost
their number column but keep "view the full minutes text for item N" links.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from ingest.draft import ItemDraft, Span
from ingest.parse.dates import MONTH_PATTERN
from ingest.parse.item_heads import (
    ROMAN,
    Head,
    HeadKind,
    clean_title,
    is_capitals,
    is_page_furniture,
    parts,
    read_head,
    trailing_item,
)
from ingest.parse.lines import Line, is_prose, next_nonblank
from ingest.parse.meeting_date import page_opening
from ingest.parse.people import looks_like_name
from ingest.parse.reference_lists import reference_entry_lines, schedule_entry_lines
from ingest.parse.run_on import split_run_on
from ingest.parse.tables import Table, find_tables, rows_in_tables
from ingest.parse.text import first_sentence, sentence_count

MAX_NUMBER_GAP = 3
TITLE_MAX_CHARS = 120

_NOT_A_TITLE_START = re.compile(
    rf"^(?:{MONTH_PATTERN}|%|per\s*cent|am\b|pm\b|hrs?\b|(?-i:[a-z])|[,.;:/£$])", re.IGNORECASE
)
_LOWER_START = re.compile(r"^[a-z]")
# "Update:", "Action 3:", "Action AP 21/03/01 -": a label, perhaps with a reference.
_LABEL_TITLE = re.compile(
    r"^[A-Za-z][A-Za-z /&]{0,25}?(?:\s+[A-Z]{0,4}\s?\d[\w./-]*)?\s*(?:-\s*)?:"
)
_FINITE_VERB = re.compile(
    r"\b(?:said|asked|noted|reported|explained|confirmed|agreed|presented|welcomed|referred|"
    r"updated|thanked|stated|advised|informed|responded|replied|questioned|queried|commented|"
    r"highlighted|acknowledged|outlined|described|suggested|requested|accepted|recognised|"
    r"emphasised|indicated|assured|challenged|continued|sought|expressed|felt|thought|"
    r"believed|remained|was|were|had|has|have|is|are|would|will)\b"
    r"|\b(?!held\b)[a-z]{3,}ed\s+(?:that|whether|how|why|if)\b"
)
# A paragraph that opens with what was decided ("2.1 Resolved:") is not a heading.
_BODY_LABEL = re.compile(r"^(?:resolved|agreed|decision|noted)\s*[:.\-–]?$", re.IGNORECASE)
# A paragraph recording a decision ("2.1 Resolved: That the list be noted."), however short.
_DECISION_SENTENCE = re.compile(r"^(?:resolved|agreed)\s*[:.\-–]?\s*that\b", re.IGNORECASE)
# A sentence this long ending in a colon introduces what follows it (a list of guests, a
# list of undertakings): a paragraph, where a heading ending in a colon is a short label.
LEAD_IN_MIN_WORDS = 8
# Lettered entries that are paragraphs of a resolution or a list, not sub-items.
_LETTERED_PROSE = re.compile(r"^that\b|(?:[;,:]|\b(?:and|or))$", re.IGNORECASE)
# "(a) To note the report" is a clause of a resolution after the item's text, but an
# agenda's sub-item where the lettered entries stand right under the item's heading.
_PURPOSE_START = re.compile(r"^to\b", re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^()]*\)?")
# Words without a lower-case letter at the start of a title, each followed by a space.
_CAPITALS_RUN = re.compile(r"(?:[^\sa-z]+ )+")
# A marking between an item's number and its title.
_MARKING = re.compile(
    r"^\W*(?:private and confidential|confidential|exempt|restricted|not for publication)\W*$",
    re.IGNORECASE,
)
# A numbered clause of a resolution ("1. That the scheme be approved.", "1) Agrees to
# co-opt the Members named above; and", "2) Notes that the appointments ..."), not an item.
_RESOLUTION_CLAUSE = re.compile(
    r"^(?:that|(?:agrees|notes|approves|endorses|requests|recommends|resolves|accepts|supports"
    r"|welcomes|asks|instructs|delegates|authori[sz]es|confirms|receives|commends)\s+"
    r"(?:to|that|the|its|a|an|all|any|this|these|those))\s+(?-i:[a-z])",
    re.IGNORECASE,
)
# A clause of a list that the next entry continues ("...; and", "..., or").
_CLAUSE_END = re.compile(r"(?:[;,]|[;,]?\s+(?:and|or))$", re.IGNORECASE)
# A clause of a decision without its "That" ("Cllr Hale be appointed as Chair.", "The
# report be noted."), where "to be" or "may be" is a title's ("Matters to be Raised", "Items
# which may be taken in private").
_DECIDED_CLAUSE = re.compile(
    r"(?<!\bto\s)(?<!\bmay\s)(?<!\bcan\s)(?<!\bwill\s)(?<!\bshould\s)(?<!\bmust\s)"
    r"(?<!\bcould\s)(?<!\bwould\s)(?<!\bmight\s)(?<!\bshall\s)\bbe\s+[a-z]+(?:ed|en|wn)\b"
)
# A word in the past tense after a paragraph's subject ("The Commissioner introduced his
# report."), where a title's "-ed" words open it or stand in brackets ("Revised Standing
# Orders (report attached).").
_PAST_TENSE = re.compile(r"(?<=\s)[a-z]{3,}ed\b")
# Short answers that are paragraphs, not titles ("4.1 None.").
_ANSWER = re.compile(r"^(?:none|nil|noted|agreed|approved|n/a|no|not applicable)\.?$", re.I)
SHORT_ANSWER_MIN_WORDS = 3
# A line of a page wrapped mid-sentence is about as long as the next one; a heading
# over a paragraph of a Word document is much shorter than the paragraph.
WRAPPED_MIN_WORDS = 10
WRAPPED_MIN_CHARS = 60
WRAPPED_LENGTH_RATIO = 1.25
_NEW_LINE_BLOCK = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,2})*[.)]?\s|[A-Z][A-Za-z /&]{0,25}:|action\b|item\s+\d)", re.I
)
_BRACKETED_LINE = re.compile(r"^\([^()]+\)$")
_ENDS_BLOCK = re.compile(r"[.!?:;)\]]$")
_HEADING_STOP = re.compile(r"[.,;]$")
_NON_ITEM_HEADINGS = re.compile(
    r"^(?:attendance|attendees|present|apologies|in attendance|members|contents|"
    r"table of contents|distribution|circulation|minutes|agenda|notes)$",
    re.IGNORECASE,
)


# Labels that follow an item's heading on council web pages ("Minutes:", "Decision:").
_LABEL_AFTER_HEADING = re.compile(
    r"^(?:minutes|decision|additional documents|share this item)\s*:?$", re.IGNORECASE
)
# Council web pages that lost their number column keep the numbers in links after items.
_FULL_TEXT_LINK = re.compile(
    r"view the full (?:minutes|agenda|decision)s? text for item (?P<num>\d{1,3})\b", re.IGNORECASE
)
_NUMBER_COLUMN_HEADER = re.compile(r"^(?:note\s+)?no\.?\s+item$", re.IGNORECASE)
# Headings that all repeat "1." (and few other numbers) are a list whose numbering was lost:
# so many of them are the document's items.
REPEATED_ONES_MIN = 3
TITLE_LINE_MAX_WORDS = 15
TITLE_SCAN_CHARS = 1000
TITLE_LINE_LONG_MAX_WORDS = 25
CAPITALS_TITLE_MIN_LETTERS = 5
CAPITALS_TITLE_MIN_REST = 4
LETTERED_TITLE_MAX_WORDS = 12
TITLE_BEFORE_MAX_WORDS = 25
PARAGRAPH_MAX_GAP = 4
# A title and a colon opening a paragraph ("Treasury Report – Q1 Update: The Board noted").
_COLON_TITLE = re.compile(r"^(?P<label>[A-Z][^:.;!?]{2,90}?):\s+(?P<rest>[A-Z].*)$", re.DOTALL)
# A title citing the minute it follows up, then its paragraph ("Cyber Crime Unit (Item 3.2
# of minutes refers) Members had been sent ...").
_REFERS = re.compile(
    r"^(?P<label>(?-i:[A-Z])[^()]{2,120}?)\s*\((?:agenda\s+)?(?:item|minute|min\.?|paragraph)s?\s+"
    r"[\w./]{1,12}(?:\s+(?:and|&)\s+[\w./]{1,12})?(?:\s+of\s+(?:the\s+)?(?:previous\s+)?"
    r"minutes)?\s+refers?\)\s+(?-i:[A-Z])",
    re.IGNORECASE,
)
COLON_TITLE_MAX_WORDS = 12
COLON_REST_MIN_WORDS = 4
# An item's number with its stop, alone on the text's last line.
_CUT_NUMBER = re.compile(r"^\d{1,3}[.)]$")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# A committee's code alone on the line above a minute reference ("PCP" over "26/20").
_CODE_LINE = re.compile(r"^[A-Z]{2,8}$")
# A web page's label run on into the numbered paragraph it introduces ("To note any
# apologies. Minutes: 4.1 The Chair welcomed ...").
_LABELLED_PARAGRAPH = re.compile(
    r"(?:^|(?<=\s))(?:minutes|decision)\s*:\s+(?P<number>\d{1,3}\.\d{1,2}\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)

_LABELLED_PARAGRAPH_END = re.compile(r"\b(?:minutes|decision)\s*:$", re.IGNORECASE)


@dataclass(frozen=True)
class _Reading:
    """The lines with the number each one opens, and what the document as a whole says
    about reading those numbers."""

    lines: Sequence[Line]
    heads: Sequence[Head | None]
    second_part: bool
    """Minute references put the year first: their second part is the number."""
    title_before: bool
    """Titles stand on the line above a bare "Agenda Item N"."""

    def head(self, line: Line) -> Head | None:
        return self.heads[line.index]


@dataclass(frozen=True)
class _Candidate:
    line: Line
    number: tuple[int, ...]
    number_text: str
    title: str
    title_line: Line | None
    heading: bool
    has_body: bool = False
    """Text follows before the next numbered line (a list entry has none)."""
    kind: HeadKind = "number"
    lead: Line | None = None
    """A line above the number that belongs to it ("PCP" over "26/20")."""
    run_in: bool = False
    """The title runs into its paragraph ("716a Treasury Report: The Board noted ...")."""

    @property
    def first_line(self) -> Line:
        if self.lead is not None:
            return self.lead
        if self.title_line is not None and self.title_line.index < self.line.index:
            return self.title_line
        return self.line

    @property
    def last_line(self) -> Line:
        if self.title_line is not None and self.title_line.index > self.line.index:
            return self.title_line
        return self.line


def _label_follows(lines: Sequence[Line], line: Line) -> bool:
    following = next_nonblank(lines, line.index)
    return (
        following is not None
        and following.index - line.index <= 2
        and bool(_LABEL_AFTER_HEADING.match(following.content))
    )


# A table's number column extracted ahead of its text: the item's number, then the numbers
# of its paragraphs, each alone on a line ("2" / "2.1" / "2.2" / "APOLOGIES FOR ABSENCE").
_STACKED_PARAGRAPH = re.compile(r"^(\d{1,3})\.\d{1,2}$")
STACKED_PARAGRAPHS_MAX = 9


# The last line of an item's text, which no title is: a sentence's stop, a decision's word.
_ITEM_TEXT_END = re.compile(
    r"[.;:,]\s*$|^(?:agreed|noted|resolved|approved|none|nil|n/a)\b", re.IGNORECASE
)


def _stacked_under(lines: Sequence[Line], line: Line) -> Line:
    """The last of the bare paragraph numbers stacked under a bare item number (``line``
    itself when none are)."""
    number = line.content.strip().rstrip(".")
    last = line
    for _ in range(STACKED_PARAGRAPHS_MAX):
        following = next_nonblank(lines, last.index)
        stacked = _STACKED_PARAGRAPH.match(following.content.strip()) if following else None
        if following is None or stacked is None or stacked[1] != number:
            break
        last = following
    return last


def _in_number_stack(lines: Sequence[Line], line: Line) -> bool:
    """Whether ``line`` is a bare paragraph number stacked under its item's bare number,
    part of that item's number column rather than a heading of its own."""
    stacked = _STACKED_PARAGRAPH.match(line.content.strip())
    if stacked is None:
        return False
    for above in reversed(lines[max(0, line.index - 2 * STACKED_PARAGRAPHS_MAX) : line.index]):
        content = above.content.strip()
        if not content:
            continue
        if content.rstrip(".") == stacked[1]:
            return True
        below = _STACKED_PARAGRAPH.match(content)
        if below is None or below[1] != stacked[1]:
            return False
    return False


def _title_on_next_line(reading: _Reading, line: Line) -> Line | None:
    """The line under a bare number (``line``, or the last of the numbers of the item's
    paragraphs stacked under it: see ``_stacked_under``) that holds its title: a heading,
    or on council web pages any line that a "Minutes:" or "Decision:" label follows."""
    lines = reading.lines
    above, following = line, next_nonblank(lines, line.index)
    if following is not None and _MARKING.match(following.content):
        # "*Private and Confidential*" between the number and the title
        above, following = following, next_nonblank(lines, following.index)
    if following is None or following.index - above.index > 2 or len(following.cells) > 1:
        return None
    if reading.head(following) is not None:
        return None
    title = clean_title(following.content)
    if not title or _NOT_A_TITLE_START.match(title):
        return None
    if is_capitals(title) or _label_follows(lines, following):
        return following
    words = len(title.split())
    if words <= TITLE_LINE_MAX_WORDS and (
        not is_prose(title) or (sentence_count(title) == 1 and not _FINITE_VERB.search(title))
    ):
        return following  # also "Exclusion of the Press and Public."
    # a longer heading: no sentence end and no verb of a report ("... Regulations 2012")
    if words > TITLE_LINE_LONG_MAX_WORDS or re.search(r"[.;:,]$", title):
        return None
    return None if _FINITE_VERB.search(title) else following


def _title_before(lines: Sequence[Line], heads: Sequence[Head | None], line: Line) -> Line | None:
    """The line right above a bare "Agenda Item N" when it reads as that item's title."""
    if line.index == 0:
        return None
    previous = lines[line.index - 1]
    if previous.blank or len(previous.cells) > 1 or previous.words > TITLE_BEFORE_MAX_WORDS:
        return None
    if heads[previous.index] is not None or is_prose(previous.content):
        return None
    return previous


def _title_right_under(lines: Sequence[Line], heads: Sequence[Head | None], line: Line) -> bool:
    """Whether the line right under a bare "Item 2 –" reads as its title ("Minutes"), the
    layout where each item's text, not its title, stands above the next number."""
    if line.index + 1 >= len(lines):
        return False
    under = lines[line.index + 1]
    return (
        not under.blank
        and heads[under.index] is None
        and under.words <= TITLE_LINE_MAX_WORDS
        and not is_prose(under.content)
    )


def _reading(lines: Sequence[Line]) -> _Reading:
    """The number each line opens; whether minute references number by their second part
    ("PCB 21/03", "PCB 21/04": the first part is the same in all of them and the second
    changes); whether bare "Agenda Item N" lines mostly sit right under their titles."""
    heads = [None if line.blank else read_head(line.content) for line in lines]
    firsts: set[int] = set()
    seconds: set[int] = set()
    bare = titled_above = 0
    for line, head in zip(lines, heads, strict=True):
        if head is None or line.bullet:
            continue
        if head.kind == "reference" and len(head.parts) == 2:
            firsts.add(head.parts[0])
            seconds.add(head.parts[1])
        elif head.kind == "word" and not head.rest.strip():
            bare += 1
            titled_above += _title_before(
                lines, heads, line
            ) is not None and not _title_right_under(lines, heads, line)
    return _Reading(
        lines,
        heads,
        second_part=len(firsts) == 1 and len(seconds) >= 2,
        title_before=bare >= 2 and 2 * titled_above > bare,
    )


def _wrapped_line(title: str, line: Line, following: Line | None, following_opens: bool) -> bool:
    """Whether the line is the first line of a paragraph wrapped at the page width: the
    next line carries the sentence on (in lower case, or as long a line as this one)
    rather than opening an entry of its own."""
    if following is None or following.index != line.index + 1 or following_opens:
        return False
    if _BRACKETED_LINE.match(following.content):
        return False  # an aside under a heading ("(Agenda item 3)", "(Pages 4 - 9)")
    if re.match(r"^[a-z(]", following.content):
        return True
    return (
        len(title.split()) >= WRAPPED_MIN_WORDS
        and len(line.content) >= WRAPPED_MIN_CHARS
        and len(following.cells) == 1
        and not following.bullet
        and not following.heading_level
        and not _NEW_LINE_BLOCK.match(following.content)
        and len(following.content) <= WRAPPED_LENGTH_RATIO * len(line.content)
        and re.search(r"[.!?:;]$", title) is None
    )


def _agenda_entry(title: str, line: Line, following: Line | None, following_opens: bool) -> bool:
    """An entry of an agenda's list, each title closed by a full stop ("4. Opening Statement
    from Mr. D. Hale, Police and Crime Commissioner."): no text before the next number, one
    line, and no verb of a report, where a numbered paragraph says what was done."""
    if following is None or not following_opens or following.index - line.index > 2:
        return False
    words = len(title.split())
    return (
        words <= TITLE_LINE_LONG_MAX_WORDS
        and not _ANSWER.match(title)
        and not _BODY_LABEL.match(title)
        and not _FINITE_VERB.search(title)
        and not _DECIDED_CLAUSE.search(title)
        and not _PAST_TENSE.search(_PARENTHESES.sub("", title))
    )


def _labelled_sentence(candidate: _Candidate) -> bool:
    title = candidate.title
    return bool(_LABEL_TITLE.match(title)) and title.rstrip().endswith(".")


def _is_heading(title: str, line: Line, following: Line | None, following_opens: bool) -> bool:
    """A heading rather than a numbered paragraph of prose."""
    if _BODY_LABEL.match(title) or _DECISION_SENTENCE.match(title):
        return False
    if _DECIDED_CLAUSE.search(title):  # "1. The presentation be received."
        return False
    if _CLAUSE_END.search(title.rstrip()):
        return False
    if line.heading_level or _LABEL_TITLE.match(title):
        return True
    words = len(title.split())
    if words >= LEAD_IN_MIN_WORDS and title.rstrip().endswith(":"):
        return False  # "4.2 The following guests attended and answered questions:"
    if words >= 25 or sentence_count(title) >= 2 or _ANSWER.match(title):
        return False
    # Agenda packs set in capitals close each title with a stop ("4 TO NOTE THE DRAFT
    # ANNUAL REPORT OF THE COMMISSIONER."): one sentence in capitals without a verb of a
    # report is a heading, where "THE PANEL NOTED THE REPORT." is a paragraph.
    if is_capitals(title) and not _FINITE_VERB.search(title.lower()):
        return not _wrapped_line(title, line, following, following_opens)
    if title.rstrip().endswith((".", ";")) and words >= 5:
        return False
    # a short sentence is an answer too ("2.1 No interests were declared.", "4.1 None were
    # made."), where a heading with a stop has no verb ("Exclusion of the Public.")
    if (
        title.rstrip().endswith(".")
        and words >= SHORT_ANSWER_MIN_WORDS
        and _FINITE_VERB.search(title)
    ):
        return False
    if words >= 8 and _FINITE_VERB.search(title):
        return False
    return not _wrapped_line(title, line, following, following_opens)


def _capitals_title(title: str) -> str | None:
    """The heading in capitals that opens a paragraph run onto its line ("APOLOGIES FOR
    ABSENCE Apologies were received from ..." -> "APOLOGIES FOR ABSENCE")."""
    run = _CAPITALS_RUN.match(title)
    if run is None or _LABEL_TITLE.match(title):
        return None  # not "ACTION: Total Recorded Crime: ..." either
    capitals, rest = run.group().strip(), title[run.end() :]
    if sum(c.isalpha() for c in capitals) < CAPITALS_TITLE_MIN_LETTERS:
        return None
    if not rest[:1].isupper() or rest.count(" ") < CAPITALS_TITLE_MIN_REST - 1:
        return None
    return capitals.strip(" -–—:,")


def _colon_title(title: str) -> str | None:
    """The title that opens a paragraph run onto its line and ends with a colon ("MTFP –
    Quarterly Update: MO took the Board through the plan ..." -> "MTFP – Quarterly Update"):
    a few words without a verb of a report, then a sentence in capitals."""
    match = _COLON_TITLE.match(title)
    if match is None:
        return None
    label, rest = match.group("label").strip(), match.group("rest")
    if len(label.split()) > COLON_TITLE_MAX_WORDS or len(rest.split()) < COLON_REST_MIN_WORDS:
        return None
    if _FINITE_VERB.search(label) or _BODY_LABEL.match(label) or looks_like_name(label):
        return None
    return None if _RESOLUTION_CLAUSE.match(rest) else label


def _referring_title(title: str) -> str | None:
    """The title that opens a paragraph run onto its line and ends by citing the minute it
    follows up ("Briefing on the Cyber Crime Unit (Item 3.2 of minutes refers) Members had
    been sent ..." -> "Briefing on the Cyber Crime Unit")."""
    match = _REFERS.match(title)
    if match is None or len(match.group("label").split()) > COLON_TITLE_MAX_WORDS:
        return None
    label = match.group("label").strip()
    return None if _FINITE_VERB.search(label) else label


def _trailing_candidate(line: Line) -> _Candidate | None:
    """A heading that ends with its agenda number ("- CHAIR'S REPORT (ITEM 3)")."""
    if len(line.cells) != 1:
        return None
    trailing = trailing_item(line.content)
    if trailing is None:
        return None
    title = clean_title(trailing[0])
    words = len(title.split())
    if not 1 <= words <= TITLE_LINE_MAX_WORDS or is_prose(title) or looks_like_name(title):
        return None
    if _NOT_A_TITLE_START.match(title):
        return None
    return _Candidate(line, parts(trailing[1]), trailing[1], title, None, True, kind="word")


def _paragraph_after(reading: _Reading, line: Line) -> Line | None:
    """The paragraph under a bare number whose title was lost ("CSC 5/23", then the
    minute's text), past a "Minutes:" label."""
    lines = reading.lines
    following = next_nonblank(lines, line.index)
    if following is not None and _LABEL_AFTER_HEADING.match(following.content):
        following = next_nonblank(lines, following.index)
    if following is None or following.index - line.index > PARAGRAPH_MAX_GAP:
        return None
    if len(following.cells) > 1 or reading.head(following) is not None:
        return None
    return None if _NOT_A_TITLE_START.match(following.content) else following


def _candidate(reading: _Reading, line: Line) -> _Candidate | None:
    """The numbered heading or paragraph that ``line`` opens, if any (letters aside)."""
    head = reading.head(line)
    if head is None or head.kind == "letter":
        return _trailing_candidate(line)
    if line.bullet or (head.kind == "number" and page_opening(line.content)):
        return None  # nor a page's number before its running title or letter, flattened
    if _in_number_stack(reading.lines, line):
        return None
    number = head.parts
    if head.kind == "reference" and len(head.parts) == 2:
        number = (head.parts[1],) if reading.second_part else (head.parts[0],)
    number_text, rest, lead = head.number_text, head.rest, None
    agenda = trailing_item(rest)
    if agenda is not None:  # "561. Chair's Report (Item 3)": numbered as the agenda runs
        rest, number = agenda[0], parts(agenda[1])
    if number[0] == 0:
        return None
    if head.kind == "reference" and number_text[:1].isdigit() and line.index:
        above = reading.lines[line.index - 1]
        if _CODE_LINE.match(above.content):  # "PCP" on the line above "26/20"
            number_text, lead = f"{above.content} {number_text}", above
    # cells apart by tabs, or by bars where a table lost its layout ("2. | Minutes |")
    rest_cells = [cell.strip() for cell in re.split(r"[\t|]", rest) if cell.strip()]
    # a title longer than this is a paragraph whatever follows: read no further
    title = clean_title(rest_cells[0][:TITLE_SCAN_CHARS]) if rest_cells else ""
    title_line: Line | None = None
    prose = False
    if not title:
        bare = _BARE_NUMBER.match(line.content.strip()) is not None
        stack = _stacked_under(reading.lines, line) if bare else line
        if head.kind == "word" and reading.title_before:
            title_line = _title_before(reading.lines, reading.heads, line)
        else:
            title_line = _title_on_next_line(reading, stack)
        if title_line is None and stack is not line:
            # the title's cell extracted above the number column ("Welcome and
            # Introductions" / "2" / "2.1" / "The Chair welcomed ..."), not the end of the
            # item before ("None.", "Agreed")
            title_above = _title_before(reading.lines, reading.heads, line)
            if title_above is not None and not _ITEM_TEXT_END.search(title_above.content):
                title_line = title_above
        paragraph = None if title_line is not None else _paragraph_after(reading, stack)
        if title_line is not None:
            title = clean_title(title_line.content)
        elif head.kind == "word":
            title = line.content  # "Agenda Item 3" whose title was lost
        elif paragraph is not None:
            title, prose = first_sentence(paragraph.content[:TITLE_SCAN_CHARS]), True
        elif _CUT_NUMBER.match(line.content) and next_nonblank(reading.lines, line.index) is None:
            # a text cut off right after an item's number ("8. Exempt Minutes ..." then
            # "9." as the last line): the number stands, its title is lost
            return _Candidate(line, number, number_text, line.content, None, False)
        else:
            return None
    if _NOT_A_TITLE_START.match(title) or not any(ch.isalpha() for ch in title[:40]):
        return None
    if is_page_furniture(title) or _RESOLUTION_CLAUSE.match(title):
        return None
    title = re.sub(r"\s+", " ", title).strip(" -–—")
    last = line if title_line is None or title_line.index < line.index else title_line
    following = next_nonblank(reading.lines, last.index)
    following_opens = following is not None and reading.head(following) is not None
    heading = not prose and (
        _is_heading(title, last, following, following_opens)
        or (
            title_line is not None
            and (title_line.index < line.index or _label_follows(reading.lines, title_line))
        )
        or (len(number) == 1 and _agenda_entry(title, last, following, following_opens))
    )
    capitals = _capitals_title(title) if title_line is None and not prose else None
    if capitals is not None:
        title, heading = clean_title(capitals), True
    run_in = False
    # only for sub-items: a list inside an item ("1. Estates: The Board ...") must not
    # outscore the items around it
    if not heading and not prose and title_line is None and len(number) > 1:
        label = _colon_title(title) or _referring_title(title)
        if label is not None:
            title, heading, run_in = label, True, True
    has_body = following is not None and not following_opens
    return _Candidate(
        line, number, number_text, title, title_line, heading, has_body, head.kind, lead, run_in
    )


def _best_chain(candidates: Sequence[_Candidate], depth: int) -> list[_Candidate]:
    """The highest-scoring sequence of increasing numbers at ``depth`` (0 = top level).

    A candidate follows the best chain ending at a number up to ``MAX_NUMBER_GAP + 1``
    below its own (the earliest such chain on a tie), so the best chain ending at each
    number is kept as the candidates are read: linear in their count.
    """
    if not candidates:
        return []
    scores: list[float] = []
    previous: list[int | None] = []
    # Per number: the index of the earliest candidate with the highest score so far.
    best_at: dict[int, int] = {}
    for i, current in enumerate(candidates):
        value = current.number[depth]
        own = (3.0 if current.heading else 1.0) + (0.5 if current.has_body else 0.0)
        best_score = own - (value - 1) * 0.5 if value <= MAX_NUMBER_GAP + 1 else own - 2.0
        best_previous: int | None = None
        options = sorted(
            (j, value - candidates[j].number[depth])
            for gap in range(1, MAX_NUMBER_GAP + 2)
            if (j := best_at.get(value - gap)) is not None
        )
        for j, gap in options:
            score = scores[j] + own - (gap - 1) * 0.5
            if score > best_score:
                best_score, best_previous = score, j
        scores.append(best_score)
        previous.append(best_previous)
        holder = best_at.get(value)
        if holder is None or best_score > scores[holder]:
            best_at[value] = i
    end: int | None = max(range(len(candidates)), key=lambda k: (scores[k], -k))
    chain: list[_Candidate] = []
    while end is not None:
        chain.append(candidates[end])
        end = previous[end]
    return chain[::-1]


def _accept_top_level(chain: Sequence[_Candidate], family: _Family, lines: Sequence[Line]) -> bool:
    """Whether the chain is the document's numbering: several entries, one of them a heading
    (or three at least); or a single heading numbered 1, or numbered beyond 1 with
    paragraphs numbered under it ("31." and "31.1") or with the page naming it ("(Item 27)"),
    or by a committee's minute reference ("SEAC/18/24 Policing Update" on a page of its own)
    or a lettered agenda number ("2a. Action 4/24 update" over its minute).
    """
    if len(chain) >= 2:
        return sum(c.heading for c in chain) >= 1 or len(chain) >= 3
    if not chain or not chain[0].heading:
        return False
    only = chain[0]
    if only.number[0] == 1 or family.under(only, len(lines)):
        return True
    if only.title_line is not None and _label_follows(lines, only.title_line):
        # a council web page's minute: the number alone, its title, then "Minutes:" ("145."
        # / "Chairman's Announcement." / "Minutes:"), however far the numbering has run
        return True
    if re.search(r"[A-Za-z]", only.number_text) and (only.kind == "reference" or only.has_body):
        # a committee's minute reference ("SEAC/18/24 Policing Update"), or an agenda's
        # lettered sub-item number ("2a. Action 4/24 update") that no paragraph carries
        return True
    named = re.compile(rf"\bitem\s+{only.number[0]}\b", re.IGNORECASE)
    return any(named.search(line.content) for line in lines if line.index != only.line.index)


@dataclass(frozen=True)
class _Family:
    """Numbered candidates (in line order) under each number they extend by one part."""

    members: dict[tuple[int, ...], list[_Candidate]]
    lines: dict[tuple[int, ...], list[int]]

    @classmethod
    def of(cls, candidates: Sequence[_Candidate]) -> _Family:
        members: dict[tuple[int, ...], list[_Candidate]] = defaultdict(list)
        for candidate in candidates:
            members[candidate.number[:-1]].append(candidate)
        lines = {number: [c.line.index for c in group] for number, group in members.items()}
        return cls(dict(members), lines)

    def under(self, parent: _Candidate, stop_line: int) -> list[_Candidate]:
        """The candidates numbered ``parent.number`` + one part between its line and
        ``stop_line``."""
        group = self.members.get(parent.number, [])
        lines = self.lines.get(parent.number, [])
        return group[bisect_right(lines, parent.line.index) : bisect_left(lines, stop_line)]


def _sentence_lead_in(title: str) -> bool:
    """A sentence ending in a colon that introduces a list ("The points raised included:"),
    in sentence case, where a heading with a colon capitalises its words ("Capital
    Programme:")."""
    words = [word for word in title.split() if word[:1].isalpha()]
    if not title.rstrip().endswith(":") or len(words) < SHORT_ANSWER_MIN_WORDS:
        return False
    return sum(word[0].isupper() for word in words[1:]) * 2 < len(words) - 1


def _children(parent: _Candidate, family: _Family, stop_line: int) -> list[_Candidate]:
    """Sub-items of ``parent`` (headings only) with their own sub-items, in order."""
    depth = len(parent.number)
    own = family.under(parent, stop_line)
    chosen: list[_Candidate] = []
    chain = _best_chain(own, depth)
    # Where some siblings are paragraphs of prose, a labelled sentence among them
    # ("4.2 ACTION 2: CFO to report the reserves strategy.") is one more paragraph.
    paragraphs = any(not child.heading for child in chain)
    for position, child in enumerate(chain):
        if not child.heading or (
            paragraphs
            and (_labelled_sentence(child) or child.run_in or _sentence_lead_in(child.title))
        ):
            continue
        following = chain[position + 1].first_line.index if position + 1 < len(chain) else None
        chosen.append(child)
        chosen.extend(_children(child, family, stop_line if following is None else following))
    return chosen


def _letter_value(marker: str, roman: bool) -> int:
    if marker.isdigit():
        return int(marker)
    return ROMAN[marker] if roman else ord(marker.lower()) - ord("a") + 1


def _marker_text(item: _Candidate, marker: str) -> str:
    """A sub-item's reference: a letter as printed ("a" for "(a)", even beside another
    item's printed "9(a)"); a number in brackets under its item's number ("1(2)"), as the
    bodies that number so cite them (a bare "2" would be item 2)."""
    return f"{item.number_text}({marker})" if marker.isdigit() else marker


def _lettered_heading(title: str, reading: _Reading, line: Line, under_heading: bool) -> bool:
    """A lettered entry that names a sub-item ("i) Body worn video business case"), not a
    clause of a resolution ("(a) That the report be noted; and"). ``under_heading``: the
    run starts right under its item's heading, where "(a) To agree the minutes" is an
    agenda's sub-item."""
    if _NOT_A_TITLE_START.match(title) or _LETTERED_PROSE.search(title.strip()):
        return False
    if _PURPOSE_START.match(title) and not under_heading:
        return False
    # counted without a presenter in brackets and the dash before it ("Estates Strategy
    # Annual Report - (Head of Estates)")
    words = [word for word in _PARENTHESES.sub("", title).split() if any(map(str.isalnum, word))]
    if len(words) > LETTERED_TITLE_MAX_WORDS:
        return False
    following = next_nonblank(reading.lines, line.index)
    opens = following is not None and reading.head(following) is not None
    return _is_heading(title, line, following, opens)


LIST_LEAD_MIN_WORDS = 6


def _introduced_list(lines: Sequence[Line], first: Line, item: _Candidate) -> bool:
    """Whether a sentence of the item's text ending in a colon introduces the lettered
    entries: then they are a list inside the item ("The following decisions have been
    published since the last meeting:" over "a. Decision 005 - Custody system", "b.
    Decision 006 - ..."), not its sub-items, which follow the item's heading or text."""
    for position in range(first.index - 1, item.last_line.index, -1):
        above = lines[position]
        if not above.blank:
            content = above.content.rstrip()
            return content.endswith(":") and len(content.split()) >= LIST_LEAD_MIN_WORDS
    return False


def _right_under(lines: Sequence[Line], item: _Candidate, first: Line) -> bool:
    """Whether ``first`` is the first line of text under the item's heading."""
    between = lines[item.last_line.index + 1 : first.index]
    return not any(not line.blank for line in between)


def _lettered(
    reading: _Reading, chosen: Sequence[_Candidate], excluded: set[int]
) -> list[tuple[int, list[_Candidate]]]:
    """Lettered, roman or bracket-numbered sub-items ("a)", "(ii)", "(1)") under the chosen
    items: a run from "a)", "i)" or "(1)" whose entries are all headings. Pairs of
    (position in ``chosen``, sub-items)."""
    lines = reading.lines
    marked: list[tuple[Line, str, str]] = []
    for line, head in zip(lines, reading.heads, strict=True):
        if line.bullet or line.index in excluded:
            continue
        if head is not None and head.kind == "letter":
            marked.append((line, head.number_text, clean_title(head.rest.split("\t")[0])))
    if not marked or not chosen:
        return []
    if _numbers_paragraphs(reading, marked):
        marked = [entry for entry in marked if not entry[1].isdigit()]
    if not marked:
        return []
    indexes = [line.index for line, _, _ in marked]
    found: list[tuple[int, list[_Candidate]]] = []
    for position, item in enumerate(chosen):
        stop = chosen[position + 1].first_line.index if position + 1 < len(chosen) else len(lines)
        group = marked[bisect_right(indexes, item.last_line.index) : bisect_left(indexes, stop)]
        roman = any(len(marker) > 1 and marker.isalpha() for _, marker, _ in group) or (
            bool(group) and group[0][1] == "i"
        )
        if group and _introduced_list(lines, group[0][0], item):
            continue
        under_heading = bool(group) and _right_under(lines, item, group[0][0])
        run: list[_Candidate] = []
        for line, marker, title in group:
            if (roman and marker not in ROMAN) or marker.isdigit() != group[0][1].isdigit():
                break
            if _letter_value(marker, roman) != len(run) + 1:
                break
            if not _lettered_heading(title, reading, line, under_heading):
                break
            number = (*item.number, len(run) + 1)
            text = _marker_text(item, marker)
            run.append(_Candidate(line, number, text, title, None, True, kind="letter"))
        if run:
            found.append((position, run))
    return found


def _numbers_paragraphs(reading: _Reading, marked: Sequence[tuple[Line, str, str]]) -> bool:
    """Whether the document numbers its paragraphs in brackets ("(1)  Answering a question
    from the Chairman, the Commissioner said ...", "(2) ..." under each minute): most of its
    "(1)", "(2)" entries are prose, so a short one among them ("(1) The Chairman", where the
    text is cut) is one more paragraph, not a sub-item "20(1)"."""
    prose = headings = 0
    for line, marker, title in marked:
        if not marker.isdigit():
            continue
        if _lettered_heading(title, reading, line, under_heading=False):
            headings += 1
        else:
            prose += 1
    return prose > headings


def _lettered_tops(candidates: Sequence[_Candidate]) -> list[_Candidate]:
    """The candidates numbered at the top level, with the first sub-item of an item whose
    number is never printed alone standing for it: agendas that group items under headings
    ("MINUTES AND MATTERS ARISING", then "5A SPA BUDGET MEETING", "5B MINUTES - JARAC")
    number every entry that way, and "5A" is then the first entry of item 5; and minutes
    may number an item's heading as its first paragraph ("1. APOLOGIES ...", then "2.1
    DRAFT MINUTES OF THE MEETING HELD ON 3 MAY", then "3. MATTERS ARISING"). A paragraph
    of prose numbered so ("2.1 The Panel agreed ...") does not stand for its item."""
    tops = [c for c in candidates if len(c.number) == 1]
    printed = {c.number for c in tops}
    first: dict[tuple[int, ...], _Candidate] = {}
    for c in candidates:
        if c.kind not in ("number", "word") or len(c.number) != 2:
            continue
        if c.number_text.rstrip(")")[-1:].isalpha() or (c.number[1] == 1 and c.heading):
            first.setdefault(c.number[:1], c)  # the first entry of the item stands for it
    promoted = [replace(c, number=n) for n, c in first.items() if n not in printed]
    if not promoted:
        return tops
    return sorted([*tops, *promoted], key=lambda c: c.line.index)


def _restarting_paragraphs(top: Sequence[_Candidate], tops: Sequence[_Candidate]) -> bool:
    """Whether the numbers are paragraphs numbered afresh under each (unnumbered) item:
    no entry of the chain is a heading and the numbering starts again at 1 ("Rural
    Crime Strategy" / "1. The Commissioner introduced ..." / "2. A Member asked ...", then
    "Decisions" / "1. The Commissioner set out ...")."""
    if not top or any(c.heading for c in top):
        return False
    return sum(c.number == (1,) and c.kind == "number" for c in tops) >= 2


def _paragraph_numbers(candidates: Sequence[_Candidate]) -> list[_Candidate]:
    """The numbered paragraphs of minutes whose items' own numbers were lost, the only
    numbers left: web pages that drop the number column but keep the minutes' paragraph
    numbers ("Minutes of the previous meeting" / "2.1 The minutes were approved.", then
    "Declarations of Interest" / "3.1 Cllr Hale declared ...", "3.2 The Chair ..."), or a
    minute printed as paragraphs of its minute number ("56.1.", "56.2."). Those numbers
    are the minute references. Every two-part number must run on from the one before it
    ("3.2" after "3.1", "4.1" after "3.2"), two at least, and no number stands alone."""
    if any(len(c.number) == 1 for c in candidates):
        return []
    numbered = [c for c in candidates if c.kind in ("number", "word") and len(c.number) == 2]
    if len(numbered) < 2 or len(numbered) != len(candidates):
        return []
    for before, after in pairwise(numbered):
        (item, paragraph), (next_item, next_paragraph) = before.number, after.number
        same_item = next_item == item and next_paragraph == paragraph + 1
        if not same_item and not (next_item > item and next_paragraph == 1):
            return []
    if numbered[0].number[1] != 1:
        return []
    return numbered


MINUTE_RUN_MIN = 2
# An earlier list scoring this share of the best one is the page's first meeting.
FIRST_LIST_SHARE = 0.8


def _chain_score(chain: Sequence[_Candidate]) -> float:
    return sum((3.0 if c.heading else 1.0) + (0.5 if c.has_body else 0.0) for c in chain)


def _one_list(top: list[_Candidate], tops: Sequence[_Candidate]) -> list[_Candidate]:
    """The chain of one numbered list where the best chain runs from one list into another
    that starts again at 1: a page listing several meetings, newest first ("18th June
    2024" / "1. Welcome" ... "10. Exclusion of Press and Public", then "13th March 2024" /
    "1. Welcome" ... "11. Exclusion ..."), whose numbers would otherwise join the first
    meeting's 1 and 2 to the second's 3 to 11. The first list is the record, unless a
    later one scores far higher (an agenda's membership numbered above the items) or the
    first is an index of titles without text that the later one repeats with the minutes
    under them (an agenda's list, then the minutes)."""
    ones = [
        position
        for position, c in enumerate(tops)
        if position and c.number == (1,) and c.heading and c.kind in ("number", "word")
    ]
    # a list that starts again goes on to its 2: a lone "1" is no list ("Revenue Report -
    # Quarter 1 Neil Barraclough 83 - 98" cut at its "1" in a flattened agenda table)
    starts = [
        position
        for index, position in enumerate(ones)
        if any(
            c.number == (2,)
            for c in tops[position + 1 : ones[index + 1] if index + 1 < len(ones) else None]
        )
    ]
    if not starts or not top:
        return top
    chained = {id(c) for c in top}
    bounds = [0, *starts, len(tops)]
    # the chain leaves a list for a later one while its own next number follows in it
    # (not a list inside an item, which the chain passes over whole, nor minute numbers
    # running on past paragraphs numbered 1, 2, 3 under each)
    crosses = False
    for a, b in pairwise(bounds[:-1]):
        segment = tops[a:b]
        last = max((p for p, c in enumerate(segment) if id(c) in chained), default=None)
        if last is None or id(tops[b - 1]) in chained:
            continue
        following = (segment[last].number[0] + 1,)
        if any(c.heading and c.number == following for c in segment[last + 1 :]):
            crosses = True
            break
    later_only = not any(id(c) in chained for c in tops[: starts[0]])
    if not (crosses or later_only) or not any(id(c) in chained for c in tops[starts[0] :]):
        return top
    chains = [_best_chain(tops[a:b], 0) for a, b in pairwise(bounds)]
    scores = [_chain_score(chain) for chain in chains]
    best = max(range(len(chains)), key=lambda k: (scores[k], -k))
    for k in range(best):
        if scores[k] < FIRST_LIST_SHARE * scores[best]:
            continue
        titles = {c.title.casefold() for c in chains[k]}
        repeated = sum(c.title.casefold() in titles for c in chains[best])
        index = 2 * sum(c.has_body for c in chains[k]) < len(chains[k])
        return chains[best] if index and 2 * repeated >= len(chains[best]) else chains[k]
    return chains[best]


def _enclosing_chain(top: list[_Candidate], tops: Sequence[_Candidate]) -> list[_Candidate]:
    """The chain of headings around a list that outscored it: where the best chain lies
    wholly inside one item of another (the body's running minute numbers "599. APOLOGIES",
    "600. MINUTES", with the updates under 600 numbered 1 to 7, then "601. DECISIONS"),
    and that other chain's numbers run straight on across it (600, then 601), the list
    is the item's text and the other chain the items."""
    if not top:
        return top
    first, last = top[0].first_line.index, top[-1].last_line.index
    outside = [c for c in tops if c.line.index < first or c.first_line.index > last]
    outer = _best_chain(outside, 0)
    if len(outer) < MINUTE_RUN_MIN or not all(c.heading for c in outer):
        return top
    before = [c for c in outer if c.line.index < first]
    if not before:
        return top
    if len(before) == len(outer):
        # the text ends inside the last minute: its list counts from 1 where the minutes
        # run on in the body's own series ("528. APOLOGIES", "529. MINUTES", then updates
        # "1." to "3."), which agenda positions never reach
        running = all(b.number[0] == a.number[0] + 1 for a, b in pairwise(outer))
        series = outer[0].number[0] > MAX_NUMBER_GAP + 1 and top[0].number == (1,)
        return outer if running and series else top
    after = outer[len(before)]
    return outer if after.number[0] == before[-1].number[0] + 1 else top


def _interleaved_chain(top: list[_Candidate], tops: Sequence[_Candidate]) -> list[_Candidate]:
    """The chain of headings whose numbers run straight on (74, 75, 76) with the best chain's
    paragraphs standing between them: a council page numbers its minutes in the year's
    series and the paragraphs under them afresh across the meeting ("74." / "Appointment
    of Chairman" / "1. The Panel proposed ...", "75." / "Chairman's Welcome" / "5. The
    Chairman welcomed ..."). Paragraphs of prose that outscore such a run by their count
    are its items' text, not the items."""
    if not top or 2 * sum(c.heading for c in top) >= len(top):
        return top
    chained = {id(c) for c in top}
    outer = _best_chain([c for c in tops if id(c) not in chained and c.heading], 0)
    if len(outer) < MINUTE_RUN_MIN or any(
        b.number[0] != a.number[0] + 1 for a, b in pairwise(outer)
    ):
        return top
    first, last = outer[0].line.index, outer[-1].line.index
    between = any(first < c.line.index < last for c in top)
    return outer if between else top


def _lost_number_column(lines: Sequence[Line], reading: _Reading) -> bool:
    """Whether a council page printed its items under a "No. Item" column header but lost
    the number column: the first line under the header is an unnumbered title and no
    number stands alone on a line anywhere (the form that column takes). Its numbered
    lines are then lists inside items ("1 PFCC written response", "1) Agrees to ...")."""
    header = next((ln for ln in lines if _NUMBER_COLUMN_HEADER.match(ln.content)), None)
    if header is None:
        return False
    first = next_nonblank(lines, header.index)
    if first is None or reading.head(first) is not None:
        return False
    return not any(
        head is not None and head.kind != "letter" and not head.rest.strip()
        for head in reading.heads
    )


def _numbered(lines: Sequence[Line], excluded: set[int]) -> list[_Candidate]:
    reading = _reading(lines)
    candidates = [
        c for line in lines if line.index not in excluded and (c := _candidate(reading, line))
    ]
    if _lost_number_column(lines, reading):
        candidates = [c for c in candidates if len(c.number) > 1 or c.kind != "number"]
    tops = _lettered_tops(candidates)
    top = _best_chain(tops, 0)
    numbered = [c for c in tops if c.kind == "number"]
    ones = [c for c in numbered if c.number == (1,) and c.heading]
    others = sum(c.number != (1,) for c in numbered)
    if len(ones) >= REPEATED_ONES_MIN and len(ones) > len(top) and 2 * others < len(ones):
        top = ones
    else:
        top = _interleaved_chain(_enclosing_chain(_one_list(top, tops), tops), tops)
    family = _Family.of(candidates)
    if _restarting_paragraphs(top, tops) or not _accept_top_level(top, family, lines):
        return _paragraph_numbers(candidates)
    top = _with_lost_heads(_with_repeated_numbers(top, tops), tops, lines)
    chosen: list[_Candidate] = []
    for position, item in enumerate(top):
        stop = top[position + 1].first_line.index if position + 1 < len(top) else len(lines)
        chosen.append(item)
        chosen.extend(_children(item, family, stop))
    lettered = _lettered(reading, chosen, excluded)
    if not lettered:
        return chosen
    merged: list[_Candidate] = []
    runs = dict(lettered)
    for position, item in enumerate(chosen):
        merged.append(item)
        merged.extend(runs.get(position, ()))
    return merged


def _with_repeated_numbers(
    top: Sequence[_Candidate], tops: Sequence[_Candidate]
) -> list[_Candidate]:
    """The chain with a heading that repeats an item's number over another title and text
    of its own before the next item ("4. Exclusion of press and public" / text, then "4.
    Summary of exempt items" / text, then "5."): two minutes printed with one number, both
    kept. A repeat under the same title is the number printed twice for one item; one
    indented under its item is an entry of a list ("1. Report.pdf")."""
    result: list[_Candidate] = []
    for position, item in enumerate(top):
        result.append(item)
        stop = top[position + 1].first_line.index if position + 1 < len(top) else None
        repeats = [
            c
            for c in tops
            if c.number == item.number
            and c.line.index > item.last_line.index
            and (stop is None or c.last_line.index < stop)
        ]
        if position == 0 or len(repeats) != 1 or not (item.heading and item.has_body):
            continue  # a first number repeated may be a list starting inside item 1
        repeat = repeats[0]
        between = [
            c for c in tops if item.line.index < c.line.index < repeat.line.index
        ]  # a list that starts again in between is another list
        if (
            not between
            and repeat.heading
            and repeat.kind == item.kind
            and _indent(repeat.line) == _indent(item.line)
            and repeat.title.casefold() != item.title.casefold()
        ):
            result.append(repeat)
    return result


def _indent(line: Line) -> int:
    return line.content_start - line.start


def _furniture_numbered(lines: Sequence[Line], start: int) -> list[_Candidate]:
    """Items of a council web page that lost its number column, numbered by the links
    after each one (" ...  view the full minutes text for item 3."): an item runs from
    the line after the previous item's last link to its own last link."""
    items: list[_Candidate] = []
    region_start = start
    current = 0
    for line in lines[start:]:
        link = _FULL_TEXT_LINK.search(line.content) if not line.blank else None
        if link is None:
            continue
        number = int(link.group("num"))
        if number == current:
            region_start = line.index + 1
            continue
        if number < current:
            continue
        first = next(
            (ln for ln in lines[region_start : line.index] if not ln.blank and ln.words), None
        )
        region_start = line.index + 1
        if first is None:
            continue
        current = number
        title = clean_title(first.content) or first.content
        heading = not is_prose(title) and first.words <= TITLE_LINE_MAX_WORDS
        items.append(_Candidate(first, (number,), str(number), title, None, heading))
    return items if len(items) >= 2 else []


def _labelled(content: str) -> bool:
    """A label under an item's heading ("Additional documents:", "Resolved –")."""
    content = clean_title(content) or content
    return bool(_BODY_LABEL.match(content) or _LABEL_AFTER_HEADING.match(content))


def _plain_heading(lines: Sequence[Line], line: Line) -> bool:
    # judged without attachment links ("Minutes of the Hearing - 18 January pdf icon PDF
    # 211 KB"); a decision's label ("Resolved –") opens text, and a web page's labels
    # ("Additional documents:") sit under an item: neither is an item
    content = clean_title(line.content) or line.content
    if _labelled(content):
        return False
    words = len(content.split())
    if line.bullet or len(line.cells) != 1 or not 1 <= words <= 10 or len(content) > 90:
        return False
    if _LOWER_START.match(content) or not content[0].isalpha() or _HEADING_STOP.search(content):
        return False
    if (
        re.search(r":\s*\S", content)
        or looks_like_name(content)
        or _NON_ITEM_HEADINGS.match(content)
        or _NUMBER_COLUMN_HEADER.match(content)  # "No. Item" over a lost number column
    ):
        return False
    previous = lines[line.index - 1] if line.index else None
    after_blank = previous is None or previous.blank
    if not after_blank and not _ENDS_BLOCK.search(previous.content if previous else ""):
        return False
    following = next_nonblank(lines, line.index)
    for _ in range(2):  # past the labels between a heading and its text
        if following is None or not _labelled(following.content):
            break
        following = next_nonblank(lines, following.index)
    if following is None:
        return False
    if len(following.cells) > 1 and read_head(following.content) is None:
        return False  # a table row, not a paragraph numbered "6.1<tab>The Chair ..."
    if is_prose(following.content) or following.bullet or following.words >= 8:
        return True
    # a heading set off by a blank line, over a short answer ("Any Other Business" / "None.")
    return after_blank and following.index == line.index + 1


def _unnumbered(lines: Sequence[Line], start: int, excluded: set[int]) -> list[_Candidate]:
    body = [line for line in lines[start:] if not line.blank and line.index not in excluded]
    marked = [
        line
        for line in body
        if line.heading_level
        and len(line.content.split()) <= 15
        and not _NON_ITEM_HEADINGS.match(line.content)
    ]
    headings = (
        marked if len(marked) >= 2 else [line for line in body if _plain_heading(lines, line)]
    )
    return [
        _Candidate(line, (), "", clean_title(line.content).strip(" :") or line.content, None, True)
        for line in headings
    ]


def _title_of(candidate: _Candidate) -> str:
    title = candidate.title
    if not candidate.heading:
        title = first_sentence(title)
    if len(title) > TITLE_MAX_CHARS:
        cut = title[:TITLE_MAX_CHARS].rsplit(" ", 1)[0]
        title = f"{cut}…"
    return title


def _trailing_section(lines: Sequence[Line], last: _Candidate, tables: Sequence[Table]) -> int:
    """Where the last numbered item ends when an action log follows it under a heading of
    its own ("Action Log", "Camau Gweithredu / Actions"): at that heading."""
    for table in tables:
        if table.kind != "action" or table.header <= last.last_line.index:
            continue
        heading = next((line for line in reversed(lines[: table.header]) if not line.blank), None)
        if (
            heading is not None
            and heading.index > last.last_line.index
            and len(heading.cells) == 1
            and heading.words <= 6
            and not re.search(r"[.:;,]$", heading.content)
            and read_head(heading.content) is None
        ):
            return heading.index
        break
    return len(lines)


def _item_text(text: str, body: Sequence[Line]) -> str:
    """The body lines' text, one per line; pieces of one run-on line keep what joined them."""
    parts: list[str] = []
    previous: Line | None = None
    for line in body:
        if previous is not None:
            same = previous.start == line.start
            parts.append(text[previous.content_end : line.content_start] if same else "\n")
        parts.append(text[line.content_start : line.content_end])
        previous = line
    return "".join(parts)


def _build(
    text: str, lines: Sequence[Line], chosen: Sequence[_Candidate], end_line: int
) -> list[ItemDraft]:
    items: list[ItemDraft] = []
    index_by_number: dict[tuple[int, ...], int] = {}
    for position, candidate in enumerate(chosen):
        stop = chosen[position + 1].first_line.index if position + 1 < len(chosen) else end_line
        body = [line for line in lines[candidate.last_line.index + 1 : stop] if not line.blank]
        end = body[-1].content_end if body else candidate.last_line.content_end
        parent = None
        for size in range(len(candidate.number) - 1, 0, -1):
            parent = index_by_number.get(candidate.number[:size])
            if parent is not None:
                break
        if candidate.number and candidate.kind != "letter":
            index_by_number[candidate.number] = len(items)
        items.append(
            ItemDraft(
                number=candidate.number_text or None,
                title=_title_of(candidate),
                text=_item_text(text, body),
                span=Span(candidate.first_line.content_start, end),
                parent=parent,
            )
        )
    return items


def _cut_lines(
    text: str, lines: Sequence[Line], cuts: dict[int, list[int]]
) -> tuple[list[Line], list[int]]:
    """``lines`` cut at ``cuts`` (offsets into each line's content, by line index) and
    re-indexed, and for each line the index of its first piece."""
    pieces: list[Line] = []
    first_piece: list[int] = []
    for line in lines:
        first_piece.append(len(pieces))
        content = text[line.content_start : line.content_end]
        at = sorted({cut for cut in cuts.get(line.index, ()) if 0 < cut < len(content)})
        if not at:
            pieces.append(replace(line, index=len(pieces)))
            continue
        for start, end in pairwise([0, *at, len(content)]):
            piece = content[start:end].strip()
            if piece:
                offset = line.content_start + content.index(piece, start)
                pieces.append(
                    Line(
                        len(pieces),
                        line.start,
                        line.end,
                        offset,
                        offset + len(piece),
                        piece,
                        (piece,),
                    )
                )
    return pieces, first_piece


def _labelled_paragraph_cuts(text: str, lines: Sequence[Line]) -> dict[int, list[int]]:
    """Where a numbered paragraph runs on after a "Minutes:" label: such a paragraph's
    number is the only minute reference a flattened web page keeps."""
    cuts: dict[int, list[int]] = {}
    for line in lines:
        if len(line.cells) != 1:
            continue
        label = _LABELLED_PARAGRAPH.search(text[line.content_start : line.content_end])
        if label is not None:
            cuts[line.index] = [label.start("number")]
    return cuts


def _after_lower_word(content: str, position: int) -> bool:
    """Whether a word in lower case stands right before ``position``: a number in a
    sentence ("the Panel noted 3 Recommendations"), not one opening an entry."""
    before = content[:position].split()
    return bool(before) and before[-1].isalpha() and before[-1].islower()


# A title may open with an acronym or a financial year before its first capitalised word.
_LEADING_TOKEN = r"(?:[A-Z]{2,5}|\d{4}/\d{2}(?:\d{2})?)\s+[A-Z][a-z]+\b"


def _missing_number_cuts(
    text: str, lines: Sequence[Line], chosen: Sequence[_Candidate]
) -> dict[int, list[int]]:
    """Where the item numbers missing from the run of items stand inside a line before a
    capitalised word: an agenda table flattened into running text puts some numbers
    mid-line ("... 15 Mins 128 Actions Log Chair"). Only numbers that fit the run are
    looked for, each between the items before and after it (the one before the first
    item on the line above it, the one after the last on its line or the next)."""
    tops = [c for c in chosen if len(c.number) == 1 and c.kind in ("number", "word")]
    if len(tops) < 2:
        return {}
    wanted: list[tuple[int, int, int]] = []  # (number, first line, last line) to look in
    first, last = tops[0], tops[-1]
    if first.number[0] > 1:
        above = max(first.line.index - 2, 0)
        wanted.append((first.number[0] - 1, above, first.line.index))
    for before, after in pairwise(tops):
        for number in range(before.number[0] + 1, after.number[0]):
            wanted.append((number, before.line.index, after.line.index))
    wanted.append((last.number[0] + 1, last.line.index, min(last.line.index + 2, len(lines) - 1)))
    cuts: dict[int, list[int]] = defaultdict(list)
    for number, start, stop in wanted:
        # "... 15 Mins 128 Actions Log", "Gwent. 5 PCC Verbal Update", "9 Performance
        # Report 10 2019/20 Charging Rates", or "Declarations of Interest item 4" where
        # the line under a title was joined to it
        pattern = re.compile(
            rf"(?<=[\s.])(?:{number}\.?\s+(?=[A-Z][a-z]+\b(?! \d)|{_LEADING_TOKEN})"
            rf"|(?i:item)\s+{number}$)"
        )
        for line in lines[start : stop + 1]:
            content = text[line.content_start : line.content_end]
            found = next(
                (m for m in pattern.finditer(content) if not _after_lower_word(content, m.start())),
                None,
            )
            if found is not None:
                cuts[line.index].append(found.start())
                break
    for index, at in _missing_letter_cuts(text, lines, chosen).items():
        cuts[index].extend(at)
    return cuts


_LETTER_NUMBER = re.compile(r"^(?P<parent>\d{1,3})(?P<letter>[A-Za-z])$")


def _missing_letter_cuts(
    text: str, lines: Sequence[Line], chosen: Sequence[_Candidate]
) -> dict[int, list[int]]:
    """Where the sub-items that follow a numbered one by letter ("5B", then "5C", "5D")
    stand inside its line or the lines before the next item found: a flattened agenda
    table runs some rows on ("5B ISA 260 Report EXTERNAL AUDITOR 5C Letters of
    Representation ..."). Each letter is looked for in turn, before a capitalised word."""
    cuts: dict[int, list[int]] = defaultdict(list)
    for position, item in enumerate(chosen):
        marked = _LETTER_NUMBER.match(item.number_text.strip())
        if len(item.number) != 2 or marked is None:
            continue
        following = chosen[position + 1] if position + 1 < len(chosen) else None
        stop = following.line.index if following is not None else item.line.index + 1
        letter, parent = marked["letter"], marked["parent"]
        line_index, offset = item.line.index, 1
        while letter.lower() != "z":
            letter = chr(ord(letter) + 1)
            if following is not None and following.number_text.strip() == parent + letter:
                break
            pattern = re.compile(rf"(?<=\s){parent}{letter}\.?\s+(?=[A-Z])")
            at = _next_match(text, lines, pattern, line_index, offset, stop)
            if at is None:
                break
            cuts[at[0]].append(at[1])
            line_index, offset = at[0], at[1] + 1
    return cuts


def _next_match(
    text: str,
    lines: Sequence[Line],
    pattern: re.Pattern[str],
    line_index: int,
    offset: int,
    stop: int,
) -> tuple[int, int] | None:
    """The first match of ``pattern`` from ``offset`` in line ``line_index`` on, in the
    lines before ``stop``: its line's index and its start within the line."""
    for line in lines[line_index:stop]:
        content = text[line.content_start : line.content_end]
        match = pattern.search(content, offset if line.index == line_index else 0)
        if match is not None:
            return line.index, match.start()
    return None


def _inline_letter_cuts(
    text: str, lines: Sequence[Line], chosen: Sequence[_Candidate]
) -> dict[int, list[int]]:
    """Where lettered sub-items stand inside the lines of an item in a flattened agenda
    table ("10 Mins a. Internal Audit Overview ... b. Internal Audit Plan 2025-26"): "a."
    or "a)", then "b." ... in order before capitals, two of them at least."""
    cuts: dict[int, list[int]] = defaultdict(list)
    tops = [c for c in chosen if len(c.number) == 1]
    for position, item in enumerate(tops):
        stop = tops[position + 1].line.index if position + 1 < len(tops) else len(lines)
        found: list[tuple[int, int]] = []
        line_index, offset = item.line.index, 1
        for letter in _LETTERS:
            pattern = re.compile(rf"(?<=\s){letter}[.)]\s+(?=[A-Z])")
            at = _next_match(text, lines, pattern, line_index, offset, stop)
            if at is None:
                break
            found.append(at)
            line_index, offset = at[0], at[1] + 1
        if len(found) >= 2:
            for index, cut in found:
                cuts[index].append(cut)
    return cuts


_LOST_HEAD_RUN_MIN = 3
_BARE_NUMBER = re.compile(r"^\d{1,3}\.?$")
# What a lost agenda entry leaves above its minute: its standing description ("To consider
# report NPP/07/25.") or its attachment links ("3. Pdf Appendix C (14Kb)").
_AGENDA_REMNANT = re.compile(r"^to\s+[a-z]+\b|\bpdf\b|\(\d+\s*kb\)$", re.IGNORECASE)


def _with_lost_heads(
    top: Sequence[_Candidate], tops: Sequence[_Candidate], lines: Sequence[Line]
) -> list[_Candidate]:
    """The chain with the minutes whose agenda heading was lost: a page that prints each
    agenda item ("3 Declarations of Interest") and then its minute's number alone on a
    line ("2" / "The Chairman reminded ...") runs a second series of bare numbers, one to
    an item. Where the last item holds two of that series' numbers in turn ("3" / "There
    were no questions.", then "4" / "The Panel considered ..."), the second is the minute
    of a further item whose number and title did not survive, where what that item's
    entry left (its description, its attachment links) stands right above it."""
    if len(top) < _LOST_HEAD_RUN_MIN:
        return list(top)
    first = top[0].line.index
    chained = {id(c) for c in top}
    bare = [
        c
        for c in tops
        if id(c) not in chained
        and c.line.index > first
        and not c.heading
        and c.kind == "number"
        and len(c.number) == 1
        and _BARE_NUMBER.match(c.line.content.strip())
    ]
    if len(bare) < _LOST_HEAD_RUN_MIN or any(
        b.number[0] != a.number[0] + 1 for a, b in pairwise(bare)
    ):
        return list(top)
    held: list[list[_Candidate]] = [[] for _ in top]
    for minute in bare:
        owner = bisect_right([c.line.index for c in top], minute.line.index) - 1
        held[owner].append(minute)
    if any(len(h) > 1 for h in held[:-1]) or len(held[-1]) != 2:
        return list(top)
    if sum(len(h) == 1 for h in held) < _LOST_HEAD_RUN_MIN - 1:
        return list(top)
    lost = held[-1][1]
    above = next((ln for ln in reversed(lines[: lost.line.index]) if ln.content.strip()), None)
    if above is None or not _AGENDA_REMNANT.search(above.content.strip()):
        return list(top)  # the item's own minutes numbered on, not a lost entry's
    return [*top, lost]


def parse_items(
    text: str, lines: Sequence[Line], *, body_start: int = 0, skip: Sequence[int] = ()
) -> list[ItemDraft]:
    """The agenda items of ``text`` (``lines`` from ``split_lines(text)``).

    ``body_start`` is the index of the first line after the header and attendance, where
    unnumbered headings may start; ``skip`` lists lines that are never item headings (the
    title lines).
    """
    lines, run_on_piece = split_run_on(text, lines)
    lines, labelled_piece = _cut_lines(text, lines, _labelled_paragraph_cuts(text, lines))
    first_piece = [labelled_piece[piece] for piece in run_on_piece]
    tables, excluded = _excluded(lines, first_piece, skip)
    chosen = _numbered(lines, excluded)
    missing = _missing_number_cuts(text, lines, chosen)
    for index, at in _inline_letter_cuts(text, lines, chosen).items():
        missing.setdefault(index, []).extend(at)
    if missing:
        lines, cut_piece = _cut_lines(text, lines, missing)
        first_piece = [cut_piece[piece] for piece in first_piece]
        tables, excluded = _excluded(lines, first_piece, skip)
        chosen = _numbered(lines, excluded)
    body_start = first_piece[body_start] if body_start < len(first_piece) else len(lines)
    if chosen and all(len(c.number) == 2 for c in chosen):  # paragraph numbers only
        return _under_headings(text, lines, chosen, _unnumbered(lines, body_start, excluded))
    if chosen:
        return _build(text, lines, chosen, _trailing_section(lines, chosen[-1], tables))
    linked = _furniture_numbered(lines, _first_item_line(lines, body_start))
    if linked:
        return _build(text, lines, linked, len(lines))
    return _build(text, lines, _unnumbered(lines, body_start, excluded), len(lines))


def _excluded(
    lines: Sequence[Line], first_piece: Sequence[int], skip: Sequence[int]
) -> tuple[list[Table], set[int]]:
    """The tables, and the lines that open no item: table rows and the title lines."""
    tables = find_tables(lines)
    titles = {first_piece[i] for i in skip if 0 <= i < len(first_piece)}
    # "2.   Police Pensions Sub-Committee" under "Outstanding References": a register's
    # number, not an item's
    references = reference_entry_lines(lines) | schedule_entry_lines(lines)
    return tables, rows_in_tables(tables) | references | {
        i for i in titles if not _opens_item(lines, i)
    }


def _opens_item(lines: Sequence[Line], index: int) -> bool:
    """Whether a line taken for the title opens an item: item 1 ("1.Standing Items": a
    page that starts with its agenda has no title of its own), or an item whose numbers
    before and after it stand above and below it ("102 MINUTES OF THE MEETING HELD ON 9
    JULY 2008" between 101 and 103)."""
    head = _top_number(lines[index])
    if head is None or head.kind != "number":
        return False
    number = head.parts[0]
    if number == 1:
        return True
    before = any(_number_of(line) == number - 1 for line in lines[:index])
    return before and any(_number_of(line) == number + 1 for line in lines[index + 1 :])


def _top_number(line: Line) -> Head | None:
    """The head of a line numbered at the top level ("102 MINUTES", "3. Budget")."""
    head = read_head(line.content) if not line.blank else None
    return head if head is not None and len(head.parts) == 1 else None


def _number_of(line: Line) -> int | None:
    head = _top_number(line)
    return head.parts[0] if head is not None and head.kind == "number" else None


def _under_headings(
    text: str,
    lines: Sequence[Line],
    paragraphs: Sequence[_Candidate],
    headings: Sequence[_Candidate],
) -> list[ItemDraft]:
    """Minutes whose items lost their numbers but not their paragraphs' (see
    ``_paragraph_numbers``): the paragraphs' first part is their item's number ("8.1",
    "8.2" are item 8's text), given to the unnumbered heading above them, or to the first
    paragraph where no heading stands above it (a page for one minute). A heading between
    paragraphs of one number is a sub-heading in its item's text; a numbered paragraph
    that is itself a heading stays a sub-item."""
    taken = {c.line.index for c in paragraphs}
    merged = sorted(
        [*paragraphs, *(h for h in headings if h.line.index not in taken)],
        key=lambda c: c.line.index,
    )
    chosen: list[_Candidate] = []
    opened: set[int] = set()  # paragraphs that open their item, their line in its text
    pending: _Candidate | None = None  # the last heading since the last paragraph
    current: int | None = None  # the number of the item the last paragraph belongs to
    for candidate in merged:
        if not candidate.number:
            if current is None or pending is not None or _next_number(merged, candidate) != current:
                pending = candidate
                chosen.append(candidate)
            continue
        number = candidate.number[0]
        if number != current:
            current = number
            label = _label_before(lines, candidate.line)
            if label is not None:  # "Apologies To note any. Minutes: 3.1 The Chair ..."
                chosen.append(_Candidate(label, (number,), str(number), label.content, None, False))
                pending = None
                continue
            if pending is not None:
                chosen[chosen.index(pending)] = replace(
                    pending, number=(number,), number_text=str(number)
                )
            else:
                opened.add(candidate.line.index)
                chosen.append(replace(candidate, number=(number,), number_text=str(number)))
                pending = None
                continue
        pending = None
        if _paragraph_heading(candidate):
            chosen.append(candidate)
    items = _build(text, lines, chosen, len(lines))
    parent: int | None = None
    for position, candidate in enumerate(chosen):
        if len(candidate.number) == 2:
            items[position].parent = parent
            continue
        parent = position
        if candidate.line.index in opened and not candidate.heading:
            line = lines[candidate.line.index]
            own = text[line.content_start : line.content_end]
            items[position].text = f"{own}\n{items[position].text}".rstrip("\n")
    return items


def _label_before(lines: Sequence[Line], line: Line) -> Line | None:
    """The piece of the same line before a paragraph cut from it after a "Minutes:" label:
    the item's heading and description, which the flattened page ran onto one line."""
    if line.index == 0:
        return None
    before = lines[line.index - 1]
    if before.blank or before.start != line.start:
        return None
    return before if _LABELLED_PARAGRAPH_END.search(before.content) else None


def _paragraph_heading(candidate: _Candidate) -> bool:
    """A numbered paragraph that heads a part of its item ("3.2 Estates Strategy"), not a
    sentence introducing a list ("5.2 The Chair welcomed these guests:") or a labelled
    sentence among paragraphs of prose."""
    return candidate.heading and not (
        _labelled_sentence(candidate) or candidate.run_in or _sentence_lead_in(candidate.title)
    )


def _next_number(merged: Sequence[_Candidate], heading: _Candidate) -> int | None:
    """The item number of the first numbered paragraph after ``heading``."""
    after = (c for c in merged if c.line.index > heading.line.index and c.number)
    return next((c.number[0] for c in after), None)


def _first_item_line(lines: Sequence[Line], body_start: int) -> int:
    """The line after a web page's "No. Item" column header, else ``body_start``."""
    header = next((ln for ln in lines if _NUMBER_COLUMN_HEADER.match(ln.content)), None)
    return header.index + 1 if header is not None else body_start
