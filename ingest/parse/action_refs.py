"""Actions cited by a reference code rather than an "Action:" marker.

Committees that keep a register of actions cite its codes: "7/2022/P", "20230308 - CCC-
002", "20240815-BM-001", "SPABM-19034-011", "HSP08", "Minute 96 – February 2017". A
code leads an entry of a review ("2/2018/P – Wellbeing Survey" and the notes under it),
or stands in a sentence after "action", "reference" or "Outstanding Reference No.",
and once a document has cited a code after such a word, its other codes of the same
shape count too ("On 18/2022/P the Board heard ..."). A paragraph closed by a tag such as
"(AP1)" or "(1)" after its last sentence is an action with that reference.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence

from ingest.draft import Span
from ingest.parse.action_candidates import Candidate, Paragraph, is_review_heading
from ingest.parse.action_log import status_from_text
from ingest.parse.lines import split_lines
from ingest.parse.positions import SpanSet
from ingest.parse.reference_lists import ENTRY, reference_entry_lines
from ingest.parse.text import sentences

__all__ = ["find_referenced_actions"]

# Codes no sentence uses for anything else: a number over a year and a series letter,
# a dated code with a series, a series code with a date or long number.
_CODE = (
    r"(?:\d{1,3}/(?:19|20)\d{2}/[A-Z]{1,3}"
    r"|(?:19|20)\d{6}\s?-\s?[A-Z]{2,6}\s?-\s?\d{2,4}"
    r"|[A-Z]{2,8}-?\d{4,8}-\d{2,4})"
)
# Codes that lead an entry anywhere: a series code such as "PCC-2022-14" may number a
# decision or a report, and leads an entry only under a review heading, as do these:
_LEADING_CODE = re.compile(
    r"\d{1,3}/(?:19|20)\d{2}/[A-Z]{1,3}|(?:19|20)\d{6}\s?-\s?[A-Z]{2,6}\s?-\s?\d{2,4}"
)
# Codes that lead an entry only under a review heading: "HSP08", "Minute 96 – May 2017",
# "OR1" (an outstanding reference of the City of London's committees).
_SERIES = r"[A-Z]{2,5}\d{1,4}"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# "Reference 3 – Meeting Dates": a heading over an outstanding reference, by its number.
_ENTRY = re.compile(
    rf"(?P<code>{_CODE}|{_SERIES}|Minute\s+(?P<minute>\d{{1,4}})(?=\s*[-–—]\s*{_MONTH}\s+\d{{4}})"
    r"|Reference\s+(?:No\.?\s*)?(?P<numbered>\d{1,3})(?=\s*[-–—:]))"
    r"(?![\w/])\s*(?P<sep>[-–—:]|\()\s*"
)
_CODE_WORD = r"(?i:reference\s+actions?|actions?|(?:outstanding\s+)?references?|refs?\.?)"
_MENTION = re.compile(
    rf"\b{_CODE_WORD}\s+(?:(?i:no)\.?\s*)?(?P<codes>{_CODE}(?:\s*(?:,|and|&)\s*{_CODE})*)"
    r"(?![\w/])"
)
_NUMBERED = re.compile(
    r"\b(?i:(?:outstanding\s+)?reference\s+no)\.?\s*(?P<code>\d{1,3})(?!\d)\s*[-–—:]\s*"
)
_ONE_CODE = re.compile(_CODE)
_AFTER_CODE = re.compile(r"\s*\)?\s*[.:–—-]+\s*$")
_TAG = re.compile(
    r"(?<=[.!?\"')\]])\s*\((?P<tag>AP\s?\d{1,3}|[Aa]ction\s+\d{1,3}|\d{1,2})\)\.?\s*$"
)
# A paragraph that introduces the review without a heading of its own: "The Committee
# considered a report of the Town Clerk which set out Outstanding References from previous
# meetings", when a page lost its headings.
_REVIEW_LEAD = re.compile(
    r"\b(?i:outstanding\s+(?:references|actions)|action\s+(?:log|tracker|register))\b"
)
_ENTRY_STOP = re.compile(r"(?:RESOLVED|Resolved|AGREED|DECISION)\b|\.\.\.|Supporting\s+documents")
_DIGITS = re.compile(r"\d+")
# Shapes of cited codes looked for bare: a register uses one or two.
_SHAPES = 8
_SPACE = re.compile(r"\s+")


def _shape(code: str) -> re.Pattern[str]:
    """A pattern for codes written like ``code``: "7/2022/P" -> ``\\d+/\\d+/P``."""
    pieces: list[str] = []
    position = 0
    for match in _DIGITS.finditer(code):
        pieces.append(_SPACE.sub(r"\\s?", re.escape(code[position : match.start()])))
        pieces.append(r"\d+")
        position = match.end()
    pieces.append(_SPACE.sub(r"\\s?", re.escape(code[position:])))
    return re.compile(r"(?<![\w/])" + "".join(pieces) + r"(?![\w/])")


def _code_text(code: str) -> str:
    return " ".join(code.split())


def _entry(
    text: str, paragraph: Paragraph, review: bool, numbered: Collection[int] = ()
) -> tuple[str, int, int] | None:
    """(reference, title start, title end) of an entry opened by a code; ``review`` when
    the paragraph stands under a review of actions; ``numbered`` the lines that open an
    entry of a list of outstanding references by the register's number ("2.  Title")."""
    if paragraph.first_line in numbered:
        by_number = ENTRY.match(text, paragraph.start, paragraph.end)
        if by_number is not None:
            line_end = text.find("\n", by_number.end(), paragraph.end)
            title_end = paragraph.end if line_end < 0 else line_end
            return by_number.group("number"), by_number.end(), title_end
    match = _ENTRY.match(text, paragraph.body, paragraph.end)
    if match is None:
        return None
    code = match.group("code")
    if _LEADING_CODE.fullmatch(code) is None and not review:
        return None
    reference = match.group("minute") or match.group("numbered") or _code_text(code)
    title_start = match.end()
    title_end = paragraph.end
    if match.group("sep") == "(":
        close = text.find(")", title_start, paragraph.end)
        title_end = close if close >= 0 else paragraph.end
    return reference, title_start, title_end


def _entries(text: str, found: list[Paragraph], skip: SpanSet) -> Iterator[Candidate]:
    """Entries led by a code, each with the paragraphs under it as its notes."""
    numbered = reference_entry_lines(split_lines(text))
    review = False
    index = 0
    lead: Paragraph | None = None
    while index < len(found):
        paragraph = found[index]
        index += 1
        if paragraph.start in skip:
            continue
        entry = _entry(text, paragraph, review, numbered)
        if entry is None:
            if paragraph.heading:
                review = is_review_heading(text[paragraph.start : paragraph.end])
            elif not paragraph.bullet:
                lead = paragraph
                review = review or bool(_REVIEW_LEAD.search(text, paragraph.body, paragraph.end))
            continue
        reference, title_start, title_end = entry
        candidate = Candidate(
            start=paragraph.start,
            end=paragraph.end,
            body=(title_start, title_end),
            reference=reference,
        )
        review = True  # the codes after one are entries too
        notes: list[tuple[int, int]] = []
        first_note: Paragraph | None = None
        # An entry's notes: the bullets under it, or the plain paragraphs under it; an
        # entry that is itself a bullet has none.
        while index < len(found) and not paragraph.bullet:
            note = found[index]
            if note.heading or _entry(text, note, review, numbered) is not None:
                break
            if _ENTRY_STOP.match(text, note.body, note.end):
                break
            if first_note is not None and note.bullet != first_note.bullet:
                break
            first_note = first_note or note
            notes.append((note.body, note.end))
            candidate.end = note.end
            index += 1
        candidate.updates = notes
        said = [text[title_start:title_end], *(text[s:e] for s, e in notes)]
        status = None
        for piece in said:
            status = status_from_text(piece) or status
        if status is None and paragraph.bullet and not notes and lead is not None:
            # "... the other references had been completed and could be closed." and bullets
            status = status_from_text(text[lead.start : lead.end])
        candidate.status = status
        yield candidate


def _mentions(
    text: str, found: Sequence[Paragraph], covered: SpanSet
) -> tuple[list[Candidate], list[str]]:
    """Codes cited after "action" or "reference" in sentences, and the codes themselves."""
    candidates: list[Candidate] = []
    codes: list[str] = []
    for paragraph in found:
        if paragraph.heading or paragraph.start in covered:
            continue
        spans = list(sentences(text, paragraph.body, paragraph.end))
        for position, (start, end) in enumerate(spans):
            for pattern in (_MENTION, _NUMBERED):
                for match in pattern.finditer(text, start, end):
                    group = "codes" if pattern is _MENTION else "code"
                    cited = (
                        [m.group() for m in _ONE_CODE.finditer(match.group(group))]
                        if pattern is _MENTION
                        else [match.group(group)]
                    )
                    body = (
                        _body_after(text, match.end(), end, spans, position)
                        if pattern is _MENTION
                        else (match.end(), end)
                    )
                    for code in cited:
                        if pattern is _MENTION:
                            codes.append(code)
                        words = body if body[0] < body[1] else (start, end)
                        candidates.append(
                            Candidate(
                                start=start,
                                end=max(end, body[1]),
                                body=words,
                                reference=_code_text(code),
                                status=status_from_text(text[words[0] : words[1]]),
                            )
                        )
    return candidates, codes


def _body_after(
    text: str, after: int, end: int, spans: Sequence[tuple[int, int]], position: int
) -> tuple[int, int]:
    """The action's words after a code: the rest of the sentence after a separator
    ("Reference No.4 – Repeat Victim Contact had been completed"), the next sentence when
    the code closes its own ("Reference Action SPABM110913-007. Police Scotland's ..."),
    else nothing (the caller takes the whole sentence)."""
    rest = text[after:end]
    if _AFTER_CODE.fullmatch(rest) and position + 1 < len(spans):
        return spans[position + 1]
    separator = re.match(r"\s*\)?\s*[:–—-]\s*(?=\S)", rest)
    if separator:
        return after + separator.end(), end
    return after, after


def _same_shape(
    text: str, found: Sequence[Paragraph], codes: Sequence[str], covered: SpanSet
) -> list[Candidate]:
    """Codes cited without a word before them, of a shape the document has cited with one."""
    shapes = list({_shape(code).pattern: _shape(code) for code in codes}.values())[:_SHAPES]
    if not shapes:
        return []
    candidates: list[Candidate] = []
    for paragraph in found:
        if paragraph.heading or paragraph.start in covered:
            continue
        for start, end in sentences(text, paragraph.body, paragraph.end):
            for shape in shapes:
                for match in shape.finditer(text, start, end):
                    if match.start() in covered:
                        continue
                    candidates.append(
                        Candidate(start, end, (start, end), reference=_code_text(match.group()))
                    )
    return candidates


def _tagged(text: str, found: Sequence[Paragraph], covered: SpanSet) -> list[Candidate]:
    """Paragraphs closed by "(AP1)" or "(1)" after their last sentence."""
    candidates: list[Candidate] = []
    for paragraph in found:
        if paragraph.heading or paragraph.start in covered:
            continue
        tail_start = max(paragraph.body, paragraph.end - 24)
        tag = _TAG.search(text, tail_start, paragraph.end)
        if tag is None or tag.start() <= paragraph.body:
            continue
        reference = _SPACE.sub("", tag.group("tag").replace("Action", "").replace("action", ""))
        candidates.append(
            Candidate(paragraph.start, paragraph.end, (paragraph.body, tag.start()), reference)
        )
    return candidates


def find_referenced_actions(
    text: str, found: Sequence[Paragraph], skip: SpanSet
) -> list[Candidate]:
    """Entries led by codes, codes cited in sentences, and tagged paragraphs, in order."""
    entries = list(_entries(text, list(found), skip))
    covered = SpanSet(
        [*(_span(c) for c in entries), *(_paragraph_span(p) for p in found if p.start in skip)]
    )
    mentions, codes = _mentions(text, found, covered)
    covered = SpanSet([*(_span(c) for c in entries), *(_mention_spans(text, mentions))])
    shaped = _same_shape(text, found, codes, covered)
    cited = {(c.reference, c.start) for c in mentions}
    shaped = [c for c in shaped if (c.reference, c.start) not in cited]
    in_actions = SpanSet(_span(c) for c in [*entries, *mentions, *shaped])
    tagged = _tagged(text, found, in_actions)
    return sorted([*entries, *mentions, *shaped, *tagged], key=lambda c: c.start)


def _span(candidate: Candidate) -> Span:
    return Span(candidate.start, candidate.end)


def _paragraph_span(paragraph: Paragraph) -> Span:
    return Span(paragraph.start, paragraph.end)


def _mention_spans(text: str, mentions: Sequence[Candidate]) -> list[Span]:
    return [
        Span(match.start(), match.end())
        for candidate in mentions
        for match in _ONE_CODE.finditer(text, candidate.start, candidate.end)
    ]
