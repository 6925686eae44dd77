"""Texts that are not the record of a meeting: news pages, statements and columns, index
pages listing meetings, information pages about a body, decision logs and notices, terms of
reference, annual reports, report papers written for a meeting.

Such texts talk about meetings, name bodies, dates and people, and may even be numbered,
so they are told apart by what records have and they lack: the marks of minutes, agendas
and action logs ("Minutes:", "RESOLVED", "Present:", "Apologies for absence", "Declarations
of interest", "a correct record", "The Chair welcomed", "Venue:", "the subjects covered:",
an attendance list, a "Minutes"/"Agenda" heading). A text with none of those is refused
when it shows the marks of another kind of page: quoted statements ("said: “...”"), a
writer's "I" and "my office", a dateline under a headline, a news site's advertising slots
("Hide Ad") or a blog's comment trailer ("No comments:"), three or more meetings listed
by date, "the panel's role", or a heading such as "Decision Log", "Terms of Reference", a
decision notice's reference ("Title and Reference – PCC/D/071") or its "Police and Crime
Commissioner decision:". A lettered list ("a) must concern ...", "A. Recommendations"),
a remit's "matters arising from scrutiny work" and expense rates for "Attendance at
meetings" are no marks of a record. Single-item pages and
truncated openings of records keep enough of those marks to be kept, and so does a report
paper that is an action log ("Subject: Summary List of Actions"). An onlooker's blog post
retelling a meeting shows the marks of minutes too, and is refused by its narrator's "I"
under a page's news or blog mark, or by a narrator who says more than once what they did and
saw there ("I went along to ...", "whose name I didn't catch"). A page with at most one mark
of a record is refused when it states a body's standing rules ("The quorum of the committee
is ...", "The Committee will meet at least four times a year") or carries a writer's dateline
and their own "I"; a third party's machine-written summary ("AI Generated") whatever it
retells. A report paper with its own header ("Report: 3", "By: Chief Executive") is
refused though it speaks of minutes and of a correct record, as one asking a meeting to
approve minutes does; so is a portal's page of the decisions on one issue ("Issue -
decisions") with no mark of a record: a decision one person took. A heading's words inside
a sentence ("Members considered draft Terms of Reference") head nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.parse.dates import find_time, iter_dates
from ingest.parse.doctype import heads_an_action_log, named_type
from ingest.parse.lines import Line, is_prose, other_documents_from

OPENING_LINES = 8
"""Non-blank lines where a heading says what kind of page the text is."""
READ_LINES = 400
"""Lines read for the marks of records and of other pages."""
LINE_CHARS = 3000
"""Characters of each line read."""

_RECORD_MARKS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    for pattern in (
        r"^minutes\s*:|\s(?:\||minutes\s*:)\s*(?:the|apologies|resolved|members|no\s)",
        r"^(?:supporting|additional)\s+documents\s*:",
        r"\bresolved\b",
        # "Attendance:", "ATTENDANCE", "Attendance (members)"; not "Attendance at meetings - £98"
        r"^(?:present|in\s+attendance|attendees|also\s+present|members\s+present)\b|"
        r"^attendance\s*(?:[:|(]|(?:list|record|register)\b|$)",
        r"\bapologies\s+(?:for\s+absence|were|had\s+been|of\s+absence|received|from)\b|"
        r"^apologies\b|\bsent\s+(?:an\s+)?apolog",
        r"\bdeclarations?\s+of\s+(?:\w+\s+)?interests?\b",
        r"\b(?:correct|true|accurate|fair)\s+record\b",
        r"^(?:agenda\s+item|no\.?[\s|]*item|items?)\s*$",
        # "Matters arising", "no matters arising from the minutes"; not a body's remit of
        # "matters arising from PCC scrutiny activity"
        r"\bmatters\s+arising\b(?!\s+from\s+(?!(?:the\s+|its\s+)?(?:minutes|previous|last|"
        r"earlier|meeting)))",
        r"\b(?:chair(?:man|person|woman)?|convener)\s+(?:welcomed|opened|thanked|closed|invited|"
        r"reminded|agreed|noted|signed|observed|announced|reported|informed|advised|explained)\b|"
        r"\b(?:commissioner|pcc|mayor)\s+(?:welcomed|opened|closed)\s+(?:the\s+meeting|everyone|"
        r"all|those)\b|"
        # who chaired in the chair's absence: "the Vice-Chair took the chair for this meeting"
        r"\btook\s+the\s+chair\b",
        # a question and its answer: "Q1.", "Question:", "A:", "A2 –"; not a lettered list's
        # "a) must concern ..." or section "A. Recommendations"
        r"^(?:(?:q|question|answer|response)\s*\d*\s*[:.)–-]|a\s*:|a\d+\s*[:.)–-])\s*\S",
        r"\burgent\s+business\b|\bany\s+other\s+business\b",
        r"\bthese\s+minutes\b|\bminutes\s+of\s+(?:the|a)\s+(?:\w+\s+){0,6}?meeting\b",
        r"^(?:venue|location|time)\s*:",
        r"^action\s*(?:\d+|point)?\s*[:–-]",
        r"\bminute\s+(?:no|number|ref)\b|\bagenda\s+item\s+\d",
        # a meeting's summary introducing its list of topics: "Every week the Commissioner
        # meets the Chief Constable ... these are some of the subjects covered:"
        r"\b(?:subjects|topics|matters|issues|points)\s+(?:covered|discussed|raised)"
        r"(?:\s+(?:included|were))?\s*:\s*$",
    )
)
# Statements quoted with who said them: 'Stephen said: “...', 'explained:' then a quote.
_QUOTED = re.compile(
    r"\b(?:said|says|added|explained|commented|continued|stated|went\s+on)\b[^“\"]{0,3}[:,]?\s*"
    r"(?:[“\"]|$)|[”\"]\s*,?\s*(?:said|says|added)\b",
    re.IGNORECASE,
)
_QUOTE_OPENS = re.compile(r"^[“\"]\s*[A-Z]")
_FIRST_PERSON = re.compile(
    r"(?<![“\"'])\b(?:I\s+(?:am|was|have|had|will|would|suspect|want|think|believe|hope|met|"
    r"know|made|make|took|take)|my\s+(?:office|thoughts|role|priorities|plan|decisions|aim|"
    r"team|view|report|blog|column|post|article))\b"
)
# A writer telling what they saw of a meeting: "one other Member whose name I did not catch".
_NARRATOR = re.compile(
    r"(?<![“\"'])\bI\s+(?:did|didn['’]t|could|couldn['’]t|saw|heard|noticed|counted|arrived|"
    r"watched|attended|sat)\b"
)
# An onlooker's own words of being there: "I went along to what may be the last meeting",
# "We were the only members of the public there", "whose name I didn't quite catch", "I sat
# in the public gallery".
_ONLOOKER = re.compile(
    r"(?<![“\"'])(?:\bI\s+(?:went|attended|sat|watched|arrived)\b|"
    r"\bI\s+(?:didn['’]t|did\s+not|couldn['’]t|could\s+not)\s+(?:quite\s+)?(?:catch|hear|see)\b|"
    r"\b(?i:we)\s+were\s+the\s+only\b|\bI\s+was\s+the\s+only\b)"
)
# A speaker's label leading a line of a transcript ("Ben Tolland AM: I went to ..."): the "I"
# after it is the speaker's.
_SPEAKER = re.compile(r"^[^:.;!?]{1,60}:\s")
ONLOOKER_LINES = 2
"""Lines in which a writer says they were at the meeting and what they saw, one of them in
the opening, from which the text is their account of it even without a page's news or blog
mark (a speaker's "I went to the station" in a transcript is no scene set by its writer)."""
_NEWS = re.compile(
    r"^(?:news|latest\s+news|press\s+release|news\s+release|media\s+release|blog)\s*$|"
    r"^article\s+published\b|^posted\s+(?:on|by)\b|\bstatement\s+from\s+the\b|"
    # a blog's report on a meeting in parts, with its pictures credited
    r"\bphoto\s+credit\b|\bcontinues\s+from\s+part\s+\d",
    re.IGNORECASE,
)
# What a news site or a blog puts around its articles and posts, wherever it stands: an
# advertising slot ("Hide Ad", "Advertisement"), a post's comment trailer ("No comments:",
# "3 comments:", "Leave a comment"), its "Labels:" line.
_PAGE_FURNITURE = re.compile(
    r"^(?:(?:hide|skip)\s+ad|advertisement|no\s+comments\s*:?|\d+\s+comments?\s*:?|"
    r"leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|labels\s*:.*)$",
    re.IGNORECASE,
)
_INFORMATION = re.compile(
    r"\b(?:panel|committee|board)'?s\s+role\b|\brole\s+of\s+the\s+(?:panel|committee|board)\b|"
    r"\babout\s+the\s+(?:panel|committee|board)\b|\bwhat\s+the\s+(?:panel|committee|board)\s+"
    r"does\b|\blast\s+met\s+on\b|\b(?:panel|committee|board)\s+(?:chairman|chair)\s+is\b|"
    r"\bpublished\s+on\s+this\s+page\b|\bare\s+included\s+in\s+the\s+papers\s+for\b|"
    r"\b(?:are|is|will\s+be)\s+published\s+(?:below|on\s+this\s+(?:page|website))\b|"
    # a site's page about its body: "its dates and papers will be posted on this website",
    # "This website will stop being updated", a trail of links "Home > Meetings" (a
    # record's "placed on our website" speaks of another page)
    r"\b(?:posted|placed|published|put|kept)\s+(?:\w+\s+){0,3}?on\s+this\s+web\s*site\b|"
    r"\bthis\s+web\s*site\s+will\b|^home\s*(?:>|»|›)\s*\w|"
    # a site's notice that it stopped publishing a body's papers, its link to older ones
    r"\bwe\s+will\s+no\s+longer\s+(?:be\s+)?publish|^meetings?\s+archive\s*$|"
    r"\bcan\s+be\s+(?:found|seen|viewed)\s+(?:here|below)\b|\bclick\s+here\b|"
    r"\b(?:purpose|remit)\s+of\s+the\s+(?:panel|committee|board|meetings?)\b|"
    r"\bare\s+listed\s+below\b|"
    # how the public may come: "Authority meetings are open to members of the public. Anyone
    # wishing to attend should contact ...", "Members of the public are welcome to come along
    # and watch" (a notice or news item about a meeting to come)
    r"\bmeetings\s+are\s+open\s+to\s+(?:members\s+of\s+)?the\s+public\b|"
    r"\bpublic\s+(?:are|is|will\s+be)\s+(?:(?:very|most|always)\s+)?(?:welcome|invited)\s+to\s+"
    r"(?:come|attend|watch|observe|join|listen)\b|"
    r"\banyone\s+wishing\s+to\s+attend\b|"
    # "The Panel's powers and responsibilities include:", "Membership of the Panel", "The
    # Panel consists of the following members:"
    r"\b(?:panel|committee|board)['’]?s\s+(?:powers|responsibilities|functions)\b|"
    r"\bmembership\s+of\s+the\s+(?:panel|committee|board)\s*$|"
    r"\bthe\s+(?:panel|committee|board)\s+(?:consists|is\s+made\s+up)\s+of\b",
    re.IGNORECASE,
)
# A body's standing rules, as its terms of reference or its page state them: "The quorum of
# the committee is half the Membership", "The Committee will meet at least four times a
# year", "This committee reviews the force's performance", "The Committee will report
# formally in writing to the Authority".
_BODY = r"(?:committee|sub-committee|panel|board|group|forum)"
_CONSTITUTION = re.compile(
    rf"\bquorum\s+(?:of|for)\s+(?:the\s+|a\s+)?{_BODY}(?:\s+meetings?)?\s+(?:is|shall\s+be|will\s+be)\b|"
    rf"\b{_BODY}\s+(?:will|shall)\s+meet\s+(?:at\s+least\s+)?(?:\w+\s+times\s+(?:a|per|each)\s+"
    r"year|quarterly|monthly|annually|bi-?monthly)\b|"
    rf"^this\s+{_BODY}\s+(?:reviews|oversees|scrutini[sz]es|monitors|considers|exists|"
    r"is\s+responsible\s+for)\b|"
    rf"\b{_BODY}\s+(?:will|shall)\s+report\s+(?:formally\s+|regularly\s+)?(?:in\s+writing\s+)?to\b",
    re.IGNORECASE | re.MULTILINE,
)
CONSTITUTION_STATEMENTS = 2
"""A body's standing rules stated that make a text its terms of reference, when it shows at
most one mark of a record."""
# A third party's machine-written summary of a meeting with its transcript ("AI Generated",
# "View on council website"): an account of the meeting, not its record.
_MACHINE_SUMMARY = re.compile(
    r"^(?:ai|automatically|machine)[- ]generated\b|\bview\s+on\s+(?:the\s+)?council\s+website\b",
    re.IGNORECASE | re.MULTILINE,
)
_REPORT = "a report to a meeting"
_DECISION_LOG = "a decision log or notice"
_DOCUMENT_LIST = "a document-sharing site's list of documents"
_KINDS_BY_HEADING: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        _DECISION_LOG,
        re.compile(
            # (not "Action Notes and Decision Record": a meeting's notes with its decisions)
            r"(?<!notes\sand\s)(?<!minutes\sand\s)"
            r"\bdecision\s+(?:log|notice|record|sheet|report)\b|\brecord\s+of\s+(?:a\s+)?"
            r"(?:executive\s+|officer\s+)?decision\b|\bofficer\s+decision\b|"
            # a notice's reference line: "Title and Reference – PCC/D/071", "Decision No: 12"
            r"^title\s+and\s+reference\b|^decision\s+(?:no|number|ref(?:erence)?)\b\.?\s*[:–-]|"
            # a commissioner's decision form: "Police and Crime Commissioner decision:"
            r"^(?:(?:police,?\s+(?:fire\s+)?and\s+crime\s+)?commissioner|p(?:f)?cc)['’]?s?\s+"
            r"decision\s*:|"
            r"\b(?:o?p(?:f)?cc|mopac|dmpc)\s*/\s*d(?:ecision)?\s*/\s*\d",
            re.IGNORECASE,
        ),
    ),
    ("terms of reference", re.compile(r"\bterms\s*of\s*reference", re.IGNORECASE)),
    # a paper for a meeting, not its record: "Report to: Police and Crime Panel", "Purpose of
    # the Report"
    (
        _REPORT,
        re.compile(r"^report\s+to\s*:|^purpose\s+of\s+(?:the|this)\s+report\b", re.IGNORECASE),
    ),
    (
        "an annual report",
        re.compile(
            r"\bannual\s+report\b|\breport\s+for\s+the\s+(?:financial\s+)?year\s+(?:ending|ended|to)\b",
            re.IGNORECASE,
        ),
    ),
    ("a press release", re.compile(r"\b(?:press|news|media)\s+release\b", re.IGNORECASE)),
    # a news site's article, or a tracker's copy of one: "This article is from the source
    # 'bbc' ...", "The article has changed 4 times"
    (
        "a news article",
        re.compile(
            r"^this\s+article\s+(?:is|was)\b|\bthe\s+article\s+has\s+(?:changed|been\s+updated)\b",
            re.IGNORECASE,
        ),
    ),
    # a briefing sent to others about a body's work: "This is the 9th quarterly bulletin from
    # the county council's nominees", "Panel Newsletter – Spring 2019", "e-Bulletin No. 12"
    (
        "a bulletin or newsletter",
        re.compile(r"\b(?:e-?)?(?:bulletin|newsletter)s?\b", re.IGNORECASE),
    ),
)
# A heading's words mentioned inside a sentence or a list, not heading the page: "Publicly
# scrutinising the PCC's annual report", "to review the terms of reference".
_MENTIONED = re.compile(r"(?:\bthe|\bits|\btheir|\bhis|\bher|['’]s)\s+$", re.IGNORECASE)
_SELF_DESCRIBED = re.compile(
    r"^(?:(?:this|these)\s+(?:is|are|page|document|paper|web\s*page)\b|welcome\s+to\b)",
    re.IGNORECASE,
)
HEADING_LEAD_WORDS = 3
"""Words of a sentence before a heading's words that make them a mention in it ("Members
considered draft Terms of Reference for the Panel.")."""


def _mentioned(content: str, start: int) -> bool:
    """Whether a heading's words at ``start`` are mentioned in a sentence or list rather than
    heading the page."""
    before = content[:start]
    if _MENTIONED.search(before):
        return True
    if _SELF_DESCRIBED.match(content):
        return False  # the page saying what it is: "This is the 6th quarterly bulletin ..."
    return is_prose(content) and len(before.split()) >= HEADING_LEAD_WORDS


_ITEM_NUMBER = re.compile(r"^\(?\d{1,3}(?:\.\d{1,2})*[.):]?\s")


def _read(lines: Sequence[Line]) -> list[str]:
    return [line.content[:LINE_CHARS] for line in lines[:READ_LINES] if not line.blank]


def record_marks(contents: Sequence[str]) -> int:
    """How many different marks of a meeting record the text shows."""
    text = "\n".join(contents)
    return sum(1 for pattern in _RECORD_MARKS if pattern.search(text))


def _news_marks(contents: Sequence[str]) -> int:
    quoted = sum(
        1 for content in contents if _QUOTED.search(content) or _QUOTE_OPENS.match(content)
    )
    first_person = sum(
        1 for content in contents if _FIRST_PERSON.search(content) or _NARRATOR.search(content)
    )
    news = sum(1 for content in contents[: OPENING_LINES * 2] if _NEWS.search(content))
    news += sum(1 for content in contents if _PAGE_FURNITURE.match(content.strip()))
    return min(quoted, 3) + min(first_person, 3) + 2 * min(news, 1) + _dateline(contents)


def _writer_speaks(contents: Sequence[str]) -> bool:
    """Whether a writer speaks in the text in their own words ("I have", "my office")."""
    return any(_FIRST_PERSON.search(content) or _NARRATOR.search(content) for content in contents)


def _observers_report(contents: Sequence[str]) -> bool:
    """Whether an onlooker reports the meeting: a page's news or blog mark (a "Photo
    credit", a "Posted by" line) and a writer's "I" telling what they saw or missed. Such a
    report carries the marks of minutes (apologies, declarations, "The Chair welcomed") that
    it retells, so it is told apart by its narrator."""
    page = any(_NEWS.search(content) for content in contents[: OPENING_LINES * 2])
    narrated = any(
        _NARRATOR.search(content) or _FIRST_PERSON.search(content) for content in contents
    )
    # minutes may quote a speaker's "I", but no record has a writer who sets the scene of
    # going to the meeting and tells again what they saw there
    told = [
        position
        for position, content in enumerate(contents)
        if _ONLOOKER.search(content) and not _SPEAKER.match(content)
    ]
    scene_set = bool(told) and told[0] < OPENING_LINES
    return (page and narrated) or (scene_set and len(told) >= ONLOOKER_LINES)


_BYLINE = re.compile(r"^(?:by\s+)?(?-i:[A-Z][\w'’.-]+)(?:\s+(?-i:[A-Z][\w'’.-]+)){1,3}$", re.I)
_TIME_LEAD = re.compile(r"[\s.,;@|–-]*(?:at\s*)?", re.IGNORECASE)


def _dateline(contents: Sequence[str]) -> int:
    """1 when a line of only a date stands under a headline and above prose, as on a news
    page ("6th March 2013"), perhaps with the time it was posted ("Thursday, March 27th,
    2014. 1:47am")."""
    for position, content in enumerate(contents[1:4], start=1):
        found = next(iter_dates(content), None)
        if found is None or len(content.split()) > 6:
            continue
        rest = content[found.span[1] :]
        posted = find_time(rest)
        if posted is not None and _TIME_LEAD.fullmatch(rest[: posted.span[0]]):
            rest = rest[posted.span[1] :]
        if len(rest.strip()) > 2:
            continue
        following = contents[position + 1] if position + 1 < len(contents) else ""
        if _BYLINE.match(following) and not is_prose(following):
            # the writer's name between the date and the text: "Jo Hale", "By Jo Hale"
            following = contents[position + 2] if position + 2 < len(contents) else ""
        if is_prose(contents[position - 1]) or not is_prose(following):
            continue
        return 1
    return 0


def _listed_meetings(contents: Sequence[str]) -> int:
    """How many different dates head short lines ("24 August 2023 - Performance and Risk -
    Minutes", "BCB 3rd March 2022"): the entries of a page that lists meetings."""
    dates = set()
    for content in contents:
        # a link named by its file: "Ninth_Meeting_in_Public_27_January_05"
        content = content.replace("_", " ")
        if len(content.split()) > 10 or is_prose(content):
            continue
        found = next(iter_dates(content), None)
        if found is None or (found.span[0] > 0 and _ITEM_NUMBER.match(content)):
            continue
        if found.has_day and found.has_year:
            dates.add(found.date)
    return len(dates)


def _dated(content: str) -> bool:
    return next(iter_dates(content), None) is not None


_DECISION_WORD = re.compile(r"\bdecision", re.IGNORECASE)
_CELL_SEPARATOR = re.compile(r"\s*(?:\||\t)\s*")
DECISION_HEAD_CELLS = 2
"""Cells of a table's head that name decisions ("Summary of Decision", "Decision agreed")."""
DECISION_LINKS = 3
"""Lines of a link to a decision ("View Decision") that make a list of decisions."""
_DECISION_LINK = re.compile(
    r"^(?:view|read|see|open|download)\s+(?:the\s+)?(?:full\s+)?decision(?:\s+notice)?\s*\|?$",
    re.IGNORECASE,
)


def _decision_table(contents: Sequence[str]) -> bool:
    """Whether the text is a table of decisions without a heading naming it: a head row
    whose cells name decisions ("Reference number | Originator of decision | Summary of
    Decision | Decision agreed"), or an entry per decision each with its link ("View
    Decision")."""
    for content in contents[:OPENING_LINES]:
        cells = [cell for cell in _CELL_SEPARATOR.split(content) if cell]
        named = sum(bool(_DECISION_WORD.search(cell)) for cell in cells)
        if len(cells) >= 3 and named >= DECISION_HEAD_CELLS:
            return True
    links = sum(1 for content in contents if _DECISION_LINK.match(content.strip()))
    return links >= DECISION_LINKS


def _heading_kind(contents: Sequence[str]) -> str | None:
    if _decision_table(contents):
        return _DECISION_LOG
    for content in contents[:OPENING_LINES]:
        if _ITEM_NUMBER.match(content):
            continue
        for kind, pattern in _KINDS_BY_HEADING:
            found = pattern.search(content[:200])
            if found and not _mentioned(content, found.start()):
                return kind
    return None


# A report paper's own header: "Report: 3" with "By: Chief Executive" (or "Author:").
_REPORT_NUMBER = re.compile(r"^report\s*(?:no\.?|number)?\s*:\s*\d", re.IGNORECASE)
_REPORT_AUTHOR = re.compile(r"^(?:by|author|report\s+author)\s*:", re.IGNORECASE)
REPORT_PAPER_MARKS = 2
"""Marks of a record a report paper may show and still be one: a report asking a meeting to
approve minutes speaks of "the minutes of the meeting" and of "a correct record"."""
# A council portal's page of the decisions taken on one issue ("Issue - decisions", "Issue
# history"): with no mark of a record, a decision taken by one person, not a meeting's.
_ISSUE_DECISIONS = re.compile(r"^issue\s*[-–—]\s*decisions?$|^issue\s+history\b", re.IGNORECASE)


def _report_paper(contents: Sequence[str]) -> bool:
    """Whether the text opens with a report paper's header: its number and its author,
    among the opening lines (not under an item of minutes further down)."""
    opening = contents[:OPENING_LINES]
    return any(_REPORT_NUMBER.match(c) for c in opening) and any(
        _REPORT_AUTHOR.match(c) for c in opening
    )


def not_a_record(lines: Sequence[Line], *, attendees: int = 0) -> str | None:
    """Why the text is not the record of a meeting, or None when it may be one."""
    contents = _read(lines)
    if not contents:
        return None
    listing = other_documents_from(contents[:OPENING_LINES])
    if listing is not None:
        # a document-sharing page: the titles under its list are other documents'
        line, column = listing
        contents = [*contents[:line], contents[line].strip()[:column]]
        if not any(map(_dated, contents)):
            return f"the text looks like {_DOCUMENT_LIST}, not the record of a meeting"
    written = record_marks(contents)
    marks = written + (1 if attendees >= 2 else 0)
    undated = [content for content in contents[:OPENING_LINES] if not _dated(content)]
    if named_type(undated) is not None:
        marks += 1
    heading = _heading_kind(contents)
    if heading == _REPORT and heads_an_action_log(contents[:OPENING_LINES]):
        heading = None  # a paper that is the action log: "Subject: Summary List of Actions"
    if heading is not None and marks <= 1:
        return f"the text looks like {heading}, not the record of a meeting"
    if written <= REPORT_PAPER_MARKS and attendees < 2 and _report_paper(contents):
        # (its title may say "Minutes": "Minutes of the Authority and its committees")
        return f"the text looks like {_REPORT}, not the record of a meeting"
    if not written and any(_ISSUE_DECISIONS.match(c) for c in contents[:OPENING_LINES]):
        return f"the text looks like {_DECISION_LOG}, not the record of a meeting"
    if _MACHINE_SUMMARY.search("\n".join(contents[:OPENING_LINES])):
        # it retells the meeting, and so shows the marks of its minutes
        return (
            "the text looks like an automated summary of a meeting published by a third "
            "party, not the record of a meeting"
        )
    if marks and _observers_report(contents):
        return (
            "the text looks like a blog post or news report of a meeting (a writer's own "
            "account of it under a page's credit or heading), not the record of a meeting"
        )
    if marks <= 1 and len(_CONSTITUTION.findall("\n".join(contents))) >= CONSTITUTION_STATEMENTS:
        return "the text looks like terms of reference, not the record of a meeting"
    if marks == 1 and _dateline(contents) and _writer_speaks(contents):
        # a writer's dated page ("Sunday, February 15th, 2009. 4:19am" under its headline,
        # then "I have also spotted ..."): one mention of minutes does not make it a record
        return (
            "the text looks like a blog post or news page (a dateline under its headline and "
            "a writer's own words), not the record of a meeting"
        )
    if marks and not written and any(_INFORMATION.search(content) for content in contents):
        # names read from its lists of topics ("- Speed Camera Partnership") are no attendance
        return "the text looks like an information page about a body, not the record of a meeting"
    if marks:
        return None
    if _news_marks(contents) >= 2:
        return (
            "the text looks like a news page or statement (quoted remarks, a dateline or a "
            "writer's own words) and shows none of the marks of minutes, an agenda or an "
            "action log"
        )
    if _listed_meetings(contents) >= 3:
        return (
            "the text looks like an index page listing several meetings by date, not the "
            "record of one meeting"
        )
    if any(_INFORMATION.search(content) for content in contents):
        return "the text looks like an information page about a body, not the record of a meeting"
    return None


def has_record_marks(lines: Sequence[Line]) -> bool:
    """Whether the text shows any mark of a meeting record (see ``record_marks``)."""
    return record_marks(_read(lines)) > 0
