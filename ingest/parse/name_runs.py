"""Runs of people written one after another, as attendance lists print them.

A list may separate people with commas, semicolons and "and" ("A Smith (PCC), B Jones,
Chief Constable and C Brown"), or not at all once a PDF's columns are read across
("Mr Graham Pegg (Chairman) Norfolk County Council Mr Daniel Rix Norfolk County Council"):
then the titles before the names ("Mr", "Cllr", "ACC") or the dashes between a name and
its role ("Fiona Rennison – AAP Co-ordinator Colin Meek – Project Officer") mark where one
person ends and the next begins. ``split_run`` gives the entries of such a run, each for
``split_person``; ``split_labels`` cuts a run where a label ("Officers Present:") changes
the attendance status of the people after it.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from ingest.parse.name_pairs import part_joined_names
from ingest.parse.people import (
    GIVEN_NAMES,
    Person,
    is_abbreviation,
    is_name_token,
    is_role_word,
    looks_like_name,
    role_then_name,
    split_person,
    strip_markers,
    strip_postnominals,
    strip_titles,
    surname_first,
    trailing_name,
    unglue_office,
)
from ingest.parse.roles import OFFICE_WORD, role_for_abbreviation
from ingest.parse.text import NAME_LIST_END
from records.enums import AttendanceStatus

_HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Cllr|Councillor|Cty\.?\s+Cllr|"
    r"County\s+Councillor|Alderman|Sir|Dame|Baroness|Rev|Revd|Group\s+Captain|"
    r"MR|MRS|MS|DR|CLLR|COUNCILLOR)\.?"
)
_RANK = (
    r"(?:(?:[A-Z][A-Za-z]?/){0,2}(?:Supt|Superintendent|Insp|Inspector|Sgt|Commander|Chief\s+Supt|"
    r"Chief\s+Superintendent|Chief\s+Inspector|Det\s+Supt|Ch\s+Supt|Detective\s+Supt)"
    r"|DCI|DCS|DI|DS|DC|PC|PS|ACC|DCC|CC|DAC|AC|Cmsr|Commr|PCC|PFCC|DPCC|DPFCC|CFO|ACO|ACFO|CEO|Mayor|Commissioner|Lord|Lady|"
    r"Chief\s+Constable|Deputy\s+Chief\s+Constable|Assistant\s+Chief\s+Constable|"
    r"Detective\s+(?:Chief\s+)?(?:Superintendent|Inspector|Constable|Sergeant)|Sergeant|"
    r"Police\s+Constable|"
    r"(?:[A-Z][A-Za-z]?/){1,2}[A-Za-z]+)\.?"
)
# A title before a name: honorifics (several may follow one another: "Cllr Mrs J Bellamy"),
# or a rank or office, which counts only when a name of two words follows it.
# ("Associate Professor Criminology" is an office, not a professor's name)
_HONORIFIC_ANCHOR = re.compile(
    rf"(?<![\w/])(?<!Associate )(?<!Assistant )(?<!Visiting )(?<!Emeritus )"
    rf"{_HONORIFIC}(?:\s+{_HONORIFIC})*\s+(?=[A-ZÀ-ÖØ-Þ])"
)
_RANK_ANCHOR = re.compile(rf"(?<![\w/]){_RANK}\s+(?=[A-Z])")


def title_first(text: str) -> bool:
    """Whether a title opens ``text``: an honorific, or a rank or office before a name."""
    return bool(_HONORIFIC_ANCHOR.match(text) or _RANK_ANCHOR.match(text))


# "Attending: | Jo Hale (JH) – Treasurer |": the bars of a table's cells, kept in the text.
_CELL_BAR = re.compile(r"\s*\|\s*")
_FOOTNOTE = re.compile(r"\(\d{1,2}\)|(?<=[\w)])\*+")
_GLUED_ROLE = re.compile(
    r"(?<=[a-z])(?=(?:Superintendent|Chief|External|Internal|Audit|Director|Head|Senior|"
    r"Assistant|Deputy|Inspector)\b)"
)  # "R LeachSuperintendent"
# "... Commissioner for EssexJoanna Garside (JG) Deputy ...": extraction ran the end of one
# entry into the next person's given name. A listed given name after a lower-case letter,
# followed by a surname, starts a person; a surname's prefix is not a word it ends
# ("Ann McDonald", "Jo FitzGerald", "Sam DeSouza").
_GLUED_GIVEN_NAME = re.compile(
    r"(?<=[a-z)])(?<!\bMc)(?<!\bMac)(?<!\bFitz)(?<!\bDe)(?<!\bLe)(?<!\bLa)(?<!\bDi)"
    r"(?<!\bDu)(?<!\bVan)(?<!\bVon)(?P<given>[A-Z][a-z]+)(?= [A-Z][a-z])"
)


def _unglue_given_name(match: re.Match[str]) -> str:
    given = match["given"]
    return f" {given}" if given in GIVEN_NAMES else given


# "Mr K Rowntreeand Mr A Midd": "and" run into the surname before the next title. Only after
# a vowel: a surname's own ending ("Sutherland", "Bertrand") has a consonant before "and".
_GLUED_AND = re.compile(
    r"(?<=[a-z]{3}[aeiouy])and(?=\s+(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Prof|Professor)\.?\s)"
)
_GLUED_INITIAL = re.compile(r"(?<![\w'’])([A-Z])(?=[A-Z][a-z]{2,})")  # "Mr BLonsdale"
_DASH_AFTER_WORD = re.compile(r"(?<=[\w)])([-–—])(?=\s)")  # "Councillor Pickles- Kirklees"
_DASH_BEFORE_WORD = re.compile(r"(?<=\s)([–—])(?=\w)")  # "Helen Marsden –Assistant"
_PLURAL_TITLE = re.compile(r"\b(?:Councillors|Cllrs)\.?[\s;:,]+(?=[A-Z])")
_DASH = re.compile(r"\s[-–—]\s")
_SEPARATORS = " ,;:-–—"

_LABEL = re.compile(
    r"(?<![\w-])(?P<label>(?:main\s+)?(?:panel\s+|board\s+|committee\s+|other\s+|ex-officio\s+)?"
    r"members\s+(?:present|in\s+attendance)|(?:officers?|officials|others|staff)\s+"
    r"(?:present|in\s+attendance)|officer\s+attendance|(?:also\s+)?in\s+attend[ae]nce|"
    r"(?:others|also|guests)\s+invited(?:\s+to\s+(?:the|this)\s+meeting)?|"
    r"also\s+present|apologies(?:\s+for\s+absence)?|absent|present|by\s+invitation|members|"
    r"together\s+with|presenters?|presenting|witnesses|attendees|sederunt|attendance|"
    r"officers|officials|secretariat|observers|guests?|advis[eo]rs|minute\s*takers?|"
    r"note\s*takers?|minutes\s+taken\s+by)"
    r"(?P<end>\s*:\s*|(?=\s+(?:\(\d{1,2}\)\s*)*(?:" + _HONORIFIC + r"|" + _RANK + r")\s+[A-Z])"
    r"|(?=\s+[A-Z][a-z]))",  # (a label in capitals: "OFFICERS PRESENT Jo Hale")
    re.IGNORECASE,
)
_APOLOGIES_WORDS = re.compile(r"apolog|absent|unable to attend", re.IGNORECASE)
_ATTENDING_WORDS = re.compile(
    r"attend|officer|official|others|also|staff|invitation|together|presenter|presenting|witness|"
    r"secretariat|guest|observer|advis|office\b|minute|note",
    re.IGNORECASE,
)


# Labels of those at the meeting without a word of their standing: its members.
_ATTENDEES_LABEL = re.compile(r"\s*attendees\s*:?\s*", re.IGNORECASE)


def label_status(label: str) -> AttendanceStatus:
    """The status a label gives the people after it ("Officers present" -> in attendance,
    "Attendees" -> present)."""
    if _APOLOGIES_WORDS.search(label):
        return AttendanceStatus.APOLOGIES
    if _ATTENDEES_LABEL.fullmatch(label):
        return AttendanceStatus.PRESENT
    if _ATTENDING_WORDS.search(label) and not re.search(r"members\s+present", label, re.I):
        return AttendanceStatus.IN_ATTENDANCE
    return AttendanceStatus.PRESENT


# "... Rehabilitation Company Officers Joanne Tebbutt Melton Borough Council ...": a heading
# read into a run, with no colon; it counts when a given name and a surname follow it.
_BARE_OFFICERS = re.compile(r"(?<![\w-])(?:Officers|OFFICERS)\s+(?=(?P<given>[A-Z][a-z]+)\s+[A-Z])")


def _officers_label(match: re.Match[str]) -> str:
    return "Officers in attendance: " if match["given"] in GIVEN_NAMES else match.group()


# Words in capitals, not in brackets: a column's label read across the names beside it.
_CAPITALS_BLOCK = re.compile(
    r"(?<![\w(/&'’-])(?:[A-Z][A-Z&]+(?:\s+[A-Z][A-Z&]*)+|IN)(?![\w)/&'’-])"
)
_CAPITAL_ATTENDANCE = re.compile(r"(?<![\w(])ATTENDANCE\s*:\s*")


def _unsplit_column_label(text: str) -> str:
    """A run whose "IN ATTENDANCE:" label a two-column layout cut around the names beside
    it, with the label put back before them:

        POLICE SERVICE OF Sir Jo Hale (Chief Constable) NORTHERN IRELAND IN Mr Roy Tapp
        (ACC) ATTENDANCE: Mrs Ida Webb (ACC)

    The label's words, from its first block of capitals before "IN", are taken out."""
    end = _CAPITAL_ATTENDANCE.search(text)
    if end is None:
        return text
    blocks = list(_CAPITALS_BLOCK.finditer(text, 0, end.start()))
    ins = [block for block in blocks if re.search(r"(?:^|\s)IN$", block.group())]
    if not ins or not text[ins[-1].end() : end.start()].strip():
        return text  # no label, or "IN ATTENDANCE:" whole
    start = blocks[0].start()
    kept: list[str] = []
    position = start
    for block in blocks:
        kept.append(text[position : block.start()])
        position = block.end()
    kept.append(text[position : end.start()])
    return f"{text[:start]} IN ATTENDANCE: {' '.join(kept)} {text[end.end() :]}"


# "1.2 Special Advisers Keith Trotman Media Advisor 1.3 In Attendance for Specific Items
# Dermot Gamlin ...": a numbered sub-heading read into the run names the group after it. Its
# words, up to a title or a given name and a surname, are the label.
_SUB_NUMBER = re.compile(r"(?:^|(?<=\s))\d{1,2}\.\d{1,2}\.?\s+(?=[A-Z])")
_TITLE_AHEAD = re.compile(rf"(?:{_HONORIFIC}|{_RANK})\s+[A-Z]")
_LABEL_WORD = re.compile(r"(?:[A-Z][A-Za-z'’/-]*|of|for|the|and|in|to|from)\s+")
_MAX_LABEL_WORDS = 6


def _numbered_labels(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, label) of each numbered sub-heading in a run."""
    for number in _SUB_NUMBER.finditer(text):
        position = number.end()
        for _ in range(_MAX_LABEL_WORDS):
            word = _LABEL_WORD.match(text, position)
            if word is None:
                break
            position = word.end()
            if _TITLE_AHEAD.match(text, position) or _given_name_at(
                list(_WORD.finditer(text[position : position + 60])), 0
            ):
                yield number.start(), position, text[number.end() : position].strip()
                break


def split_labels(text: str, status: AttendanceStatus) -> Iterator[tuple[AttendanceStatus, str]]:
    """Pieces of a run with the status each has: a label inside the run ("... Officers
    Present: Mr Adrian Coe ...") changes the status of what follows it. A label counts when
    a colon or a title and a name follow it, or when it is written in capitals."""
    text = _unsplit_column_label(_BARE_OFFICERS.sub(_officers_label, text))
    position = 0
    found = [*_labels(text), *_numbered_labels(text)]
    for start, end, label in sorted(found, key=lambda found: (found[0], -found[1])):
        if start < position:
            continue
        if start > position:
            yield status, text[position:start]
        status = label_status(label)
        position = end
    if position < len(text):
        yield status, text[position:]


_TAKER = re.compile(r"(?:minute|note)\s*takers?|minutes\s+taken\s+by", re.IGNORECASE)


def _taker_before_name(label: str, text: str, end: int) -> bool:
    """Whether a minute taker's label stands before a given name and a surname ("... Chief
    Finance Officer Minute Taker Jo Hale – Staff Officer"), a label with no colon."""
    if not _TAKER.fullmatch(label):
        return False
    return _given_name_at(list(_WORD.finditer(text[end : end + 60])), 0)


# "Presenting Ethical Dilemmas: ACC Jo Hale", "In attendance for item 4: Ann Bell": a label
# whose words before its colon say what those after it came for.
_QUALIFIED_LABEL = re.compile(
    r"(?<![\w-])(?P<label>presenting|presenters?|(?:also\s+)?in\s+attendance|also\s+present|"
    r"attending)\s+(?=[\w(])(?:for\s+)?[\w&/()' -]{1,40}?:\s*",
    re.IGNORECASE,
)


def _labels(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, label) of each attendance label in a run."""
    for match in _QUALIFIED_LABEL.finditer(text):
        if not _HONORIFIC_ANCHOR.search(match.group()) and not _RANK_ANCHOR.search(match.group()):
            yield match.start(), match.end(), match["label"]
    for match in _LABEL.finditer(text):
        label = match.group("label")
        title_follows = _HONORIFIC_ANCHOR.match(text, match.end() + 1) or _RANK_ANCHOR.match(
            text, match.end() + 1
        )
        if (
            not match.group("end").strip()
            and not label.isupper()
            and not title_follows
            and not _taker_before_name(label, text, match.end())
            and not (
                label[:1].isupper()
                and not PHRASE_BEFORE_LABEL.search(text, max(0, match.start() - 20), match.start())
                and name_shape_at(text, match.end())
            )
        ):
            continue
        before = text[max(0, match.start() - 3) : match.start()].rstrip()
        if label.lower() == "members" and before and before[-1] not in ",;:.":
            continue  # "... and Added Members Mr Jo Hale": a kind of member, not a label
        if label.lower() == "attendance" and not (label.isupper() and match.group("end").strip()):
            continue  # "ATTENDANCE:" ends "IN ATTENDANCE:" cut in two by a column
        yield match.start(), match.end(), label


# A word that makes a label part of a heading or a phrase: "Welcome and Apologies Dr Jo Hale"
# (an agenda's item and its presenter), "Matters of Attendance".
PHRASE_BEFORE_LABEL = re.compile(r"(?:\b(?:and|of|for|to|the|Welcome|Introductions?)|&)\s*$", re.I)
_NAME_WORDS_AHEAD = re.compile(r"\s*(?P<first>[^\s,;()]+)\s+(?P<second>[^\s,;()]+)")


def name_shape_at(text: str, position: int, *, strict: bool = False) -> bool:
    """Whether a person's name starts at ``position`` (after spaces): a title and a name, or
    two name words, neither a word of an office ("Colin Whitlock", "Tegan Hollis"). With
    ``strict``, the shape needs a mark besides: a title, a listed given name, initials, or a
    bracket or a comma after the surname, as a list prints them."""
    ahead = text[position : position + 80]
    if _HONORIFIC_ANCHOR.match(ahead.lstrip()) or _RANK_ANCHOR.match(ahead.lstrip()):
        return True
    words = _NAME_WORDS_AHEAD.match(ahead)
    if words is None:
        return False
    first, second = words["first"], words["second"].rstrip("-–—:.")
    if not looks_like_name(f"{first} {second}") or second.isupper():
        return False
    if not strict:
        return True
    after = ahead[words.end() :].lstrip()
    return (
        first in GIVEN_NAMES
        or bool(re.fullmatch(r"[A-Z]\.?", first))
        or after.startswith(("(", ","))
    )


# A run of bare names with nothing between them ("Ann Bell (Chair) Roy Tapp Ida Webb"): each
# name is two words, a bracket after a name stays with it.
_BARE_NAME = re.compile(
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+\s+(?:(?:de|van|von|la|le|du|da|di|st|St)\s+)?[A-ZÀ-ÖØ-Þ][\w'’-]+)"
    r"(?P<notes>(?:\s*\([^()]{1,40}\))*)\s*"
)
_MIN_BARE_NAMES = 2


def split_bare_names(text: str) -> list[str]:
    """The people of a run that is only names, two words each, perhaps with a bracket after
    ("Jo Hale (Chair) Ann Bell Roy Tapp"); the text whole when it is anything else (a word
    of an office, a separator, a name of one or three words)."""
    entries: list[str] = []
    position = 0
    text = text.strip()
    while position < len(text):
        match = _BARE_NAME.match(text, position)
        if match is None or not looks_like_name(match["name"]):
            return [text]
        name = match["name"]
        if any(is_role_word(word) for word in name.split()) or strip_titles(name) != name:
            return [text]
        first, second = name.split()[0], name.split()[-1]
        if first not in GIVEN_NAMES and second in GIVEN_NAMES:
            return [text]  # pairs out of step: "Mary Ann Bell Roy ..." holds a longer name
        entries.append(text[match.start() : match.end()].strip())
        position = match.end()
    return entries if len(entries) >= _MIN_BARE_NAMES else [text]


# A person's initials in brackets after the name, the last perhaps cut off by extraction:
# "Jo Hale (JH) Ann Bell (AB) Roy Tapp (R".
_INITIALS_AFTER_NAME = re.compile(r"\s*\(\s*[A-Z][A-Za-z]{0,3}(?:-[A-Z][A-Za-z]?)?\s*(?:\)|$)")
_CHAIR_FIRST = re.compile(
    r"^(?P<office>(?:vice[- ]?)?chair(?:man|person|woman)?)\s+(?=[A-Z])", re.I
)
MIN_INITIALLED_ENTRIES = 3


def split_initials_run(text: str) -> list[str]:
    """The people of a run that writes each "Name (INITIALS)" with nothing else between
    them ("Chair Jo Hale (JH) Ann Bell (A) Roy Tapp(RT)"), at least three; else none. An
    office before the first name ("Chair") goes in that entry's brackets."""
    text = text.strip()
    office = _CHAIR_FIRST.match(text)
    body = text[office.end() :] if office else text
    entries: list[str] = []
    position = 0
    for match in _INITIALS_AFTER_NAME.finditer(body):
        piece = body[position : match.start()].strip(" ,;&")
        piece = re.sub(r"^(?:and|&)\s+", "", piece)
        person = split_person(strip_titles(piece)) if piece else None
        if person is None or person.capacity or strip_titles(piece) != person.name:
            return []
        initials = match.group().strip(" ()")
        # (one letter, or letters cased oddly, "(S)", "(Ta)", are no abbreviation to keep)
        entries.append(f"{piece} ({initials})" if is_abbreviation(initials) else piece)
        position = match.end()
    if len(entries) < MIN_INITIALLED_ENTRIES or body[position:].strip(" ,;."):
        return []
    if office:
        entries[0] = f"{entries[0]} ({office['office']})"
    return entries


# An aside in square brackets within a run: "Jo Hale, Manager [for Ann Bell, Head of ...]"
# names someone who was not there.
_SQUARE_ASIDE = re.compile(r"\s*\[[^\[\]]{0,200}\]")


# Initials whose bracket extraction left open before the next name: "Jo Hale,(JH Ann Bell".
_UNCLOSED_INITIALS = re.compile(r"\((?:[A-Z]{1,4})(?=\s+[A-Z][a-z]|\s*$)")
_INITIALS_AFTER_COMMA = re.compile(r"\s*,\s*(\([A-Z]{1,4}\))")


# "Louise Bramley – Wood (LB-W)": a double-barrelled surname that extraction spaced out, as
# the hyphen in the initials after it shows.
_SPACED_BARREL = re.compile(
    r"\b(?P<first>[A-Z][a-z]+) [-–] (?P<second>[A-Z][a-z]+) ?(?P<initials>\([A-Z]{1,3}-[A-Z]\))"
)


# "D Hale attended from Item 5", "S Lee Item 2 only", "A Bell left after minute 7": a note of
# the items a person was there for, printed after the name without brackets.
_ITEM_REF = r"(?:agenda\s+)?(?:items?|minutes?)\s+\d[\w.]*(?:\s*(?:-|–|to|and|&)\s*\d[\w.]*)?"
_ATTENDANCE_NOTE = re.compile(
    rf"(?<=[\w.])\s+(?:[-–—]\s+(?=(?:for\s+)?{_ITEM_REF}))?"
    rf"(?P<note>(?:attended|joined|arrived|present|left|departed)\s+"
    rf"(?:from|for|at|until|after|before|during)\s+(?:the\s+)?{_ITEM_REF}(?:\s+(?:only|onwards))?"
    rf"|(?:for\s+)?{_ITEM_REF}\s+only"
    # ("CC Hale – item 2": after a dash, the items alone)
    rf"|(?<=[-–—]\s)(?:for\s+)?{_ITEM_REF})(?=[\s,;]|$)",
    re.IGNORECASE,
)


def bracket_attendance_notes(text: str) -> str:
    """The run with each unbracketed note of the items a person attended put in brackets, as
    a bracketed note is: it belongs to the name before it and is no sentence about them."""

    def bracketed(match: re.Match[str]) -> str:
        before = text[: match.start()]
        if before.count("(") > before.count(")"):
            return match.group()
        return f" ({match.group('note')})"

    return _ATTENDANCE_NOTE.sub(bracketed, text)


# "Martin MARSDEN London underground duty station manager": a listed given name, then the
# surname in capitals, as some lists print it.
_SURNAME_IN_CAPITALS = re.compile(
    r"(?<![\w'’-])(?P<given>[A-Z][a-z]+)(?P<middle>\s+[A-Z]\.?)?\s+"  # ("Peter J LOWSON")
    r"(?P<surname>[A-Z]{3,}(?:[-'’][A-Z]{2,})?)(?![\w'’-])"
    r"(?P<post>\s+(?=[A-Za-z]))?"
)


def _surname_in_capitals(match: re.Match[str]) -> str:
    surname = match["surname"]
    if (
        match["given"] not in GIVEN_NAMES
        or not re.search(r"[AEIOUY]", surname)
        or role_for_abbreviation(surname) is not None
        or surname.lower() in _NOT_SURNAMES
        or not is_name_token(surname.title())
    ):
        return match.group()
    # (the surname ends the name: what follows it is the post, "Jo Hale – Station Manager")
    given = match["given"] + (match["middle"] or "")
    return f"{given} {surname.title()}{' – ' if match['post'] else ''}"


# Words in capitals after a given name that are no surname ("Jo HALE" is one, "Ann ACC" not).
_NOT_SURNAMES = frozenset(("and", "the", "for", "chair", "vice", "opcc", "apologies"))


# "Priya Banerjee(PB) (Chair)": a person's initials in brackets glued to the surname.
_GLUED_INITIALS_BRACKET = re.compile(r"(?<=[a-z])(?=\([A-Z][A-Za-z]{0,3}\))")


def normalise_run(text: str) -> str:
    """A run with footnote marks removed and words that extraction glued together parted."""
    text = _GLUED_INITIALS_BRACKET.sub(" ", text)
    text = surname_first(text)
    text = _SURNAME_IN_CAPITALS.sub(_surname_in_capitals, text)
    text = bracket_attendance_notes(text)
    text = _SQUARE_ASIDE.sub(" ", text)
    text = _UNCLOSED_INITIALS.sub(r"\g<0>)", text)
    text = _INITIALS_AFTER_COMMA.sub(r" \1,", text)
    text = _SPACED_BARREL.sub(r"\g<first>-\g<second> \g<initials>", text)
    text = _CELL_BAR.sub(", ", text)
    text = _FOOTNOTE.sub(" ", text)
    text = unglue_office(_GLUED_ROLE.sub(" ", text))
    text = _GLUED_GIVEN_NAME.sub(_unglue_given_name, text)
    text = _GLUED_INITIAL.sub(r"\1 ", text)
    text = _GLUED_AND.sub(" and", text)
    text = _DASH_AFTER_WORD.sub(r" \1", text)
    text = _DASH_BEFORE_WORD.sub(r"\1 ", text)
    text = _unglue_wards(text)
    text = _ranks_before_surnames(text)
    return _expand_plural_titles(re.sub(r"\s+", " ", text)).strip()


# "Halloran (CC), Pennock (DCC, Chair), Ormerod (ACO)": surnames alone, each with the rank or
# office it holds in brackets after it.
_SURNAME_THEN_RANK = re.compile(
    r"(?<![\w'’.-])(?<![A-Z]\s)(?P<surname>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)\s*"
    r"\((?P<rank>[A-Za-z/]{2,8})(?P<rest>(?:,\s*[^()]*)?)\)"
)


def _ranks_before_surnames(text: str) -> str:
    """The run with each surname alone and its rank in brackets written as the rank and the
    surname ("CC Halloran", "DCC Pennock (Chair)"), where the run holds two such entries at
    least; a name of more words before the bracket is no surname alone ("Jo Hale (CC)")."""
    found = [m for m in _SURNAME_THEN_RANK.finditer(text) if _rank_after_surname(text, m)]
    if len(found) < 2:
        return text
    out: list[str] = []
    position = 0
    for match in found:
        rest = match["rest"].strip(" ,")
        out += [text[position : match.start()], f"{match['rank']} {match['surname']}"]
        out.append(f" ({rest})" if rest else "")
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def _rank_after_surname(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 40) : match.start()].rstrip()
    return (
        role_for_abbreviation(match["rank"]) is not None
        and match["rank"] != match["rank"].lower()
        and is_name_token(match["surname"])
        and not is_role_word(match["surname"])
        and (not before or before.endswith((",", ";", ":", ")")) or before.endswith(" and"))
    )


# "Cllr Ann Bell-Rye North, Cllr Ben Cole-Tor Vale, ...", "Jo Hale (Convener)-Annandale": a
# run that joins each name to its ward with a bare hyphen, as a hyphen after a bracket or
# before a ward of two words shows where it is written so at least twice.
_WARD_SIGN = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’]+ [A-Z][\w'’]+"
    r"(?: \([^()]+\)-[A-Z]| ?-[A-Z][a-z]+ (?:[A-Z][a-z]+|and)\b)"
)
_GLUED_HYPHEN = re.compile(r"(?<=[a-z)])-(?=[A-Z])")


def _unglue_wards(text: str) -> str:
    """The run with the hyphen that joins each name to its ward made a dash, when the run is
    written so; else the run unchanged (a double-barrelled surname alone shows nothing)."""
    if len(_WARD_SIGN.findall(text)) < 2:
        return text
    return _GLUED_HYPHEN.sub(" - ", text)


def _expand_plural_titles(text: str) -> str:
    """ "Councillors Holt (Vice-Chair), Sandhu and Wragg" -> each name with its own title, so
    that surnames alone count as names."""
    out: list[str] = []
    position = 0
    for match in _PLURAL_TITLE.finditer(text):
        if match.start() < position:
            continue
        out.append(text[position : match.start()])
        position = match.end()
        after_comma = False
        while True:
            word = re.match(r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}", text[position:])
            if word is None or (
                after_comma and any(map(is_role_word, strip_postnominals(word.group()).split()))
            ):
                break  # "Cllrs Naz Akhtar, Bradford MDC; ...": an organisation, not a name
            out.append("Councillor ")
            separator = _next_list_separator(text, position)
            if separator is None:
                out.append(text[position:])
                position = len(text)
                break
            out.append(text[position : separator.end()])
            after_comma = separator.group().strip() in (",", ";")
            position = separator.end()
            if separator.group().strip() in ("", "."):
                break
    out.append(text[position:])
    return "".join(out)


def _next_list_separator(text: str, position: int) -> re.Match[str] | None:
    """The separator after the list entry at ``position`` (a comma, "and", ";"), if the entry
    is a name with perhaps a bracket after it; None if it is the run's last entry."""
    entry = re.compile(r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}(?:\s*\([^()]{0,60}\))?").match(
        text, position
    )
    if entry is None:
        return None
    separator = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|;\s*|&\s*)").match(text, entry.end())
    if separator is None:
        return re.compile(r"").match(text, entry.end()) if entry.end() < len(text) else None
    return separator


# "Owen Pickles (OP) – Deputy Chief Constable, NYP Graham Lister (GL) – Chief Fire Officer":
# a name followed by its own initials in brackets starts an entry, even with no title.
_INITIALS_BRACKET = re.compile(r"\s\((?P<initials>[A-Z][A-Za-z]{1,3}(?:-[A-Z])?)\)")
_WORD_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")


def _initialled_names(text: str) -> Iterator[int]:
    """Where names start that their initials in brackets follow ("Graham Lister (GL)"): the
    two or three words before the bracket whose first letters the initials begin and end
    with."""
    for match in _INITIALS_BRACKET.finditer(text):
        initials = match["initials"].replace("-", "").upper()
        starts: list[int] = []
        position = match.start() + 1
        for _ in range(3):
            word = _WORD_BEFORE.search(text, max(0, position - 40), position)
            if word is None:
                break
            position = word.start()
            starts.append(position)
        for count in (2, 3):
            if len(starts) < count:
                break
            words = text[starts[count - 1] : match.start()].split()
            if (
                all(is_name_token(w) for w in words)
                and words[0][0] == initials[0]
                and words[-1][0] in initials[1:]
            ):
                yield starts[count - 1]
                break


# "P Gadsby, Rye Police Authority N Corrie, Tor Council D A Soames, Tor Council": a person
# named by initials and surname, a comma after, starts where the organisation before ends.
_INITIALS_AFTER_WORD = re.compile(
    r"(?<=[a-z]\s)(?:[A-Z]\.?\s){1,3}[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?=\s*[,;]|\s*$)"
)
_INITIALS_NAME = re.compile(
    r"(?<![\w'’.-])(?<![A-Z]\s)(?<![A-Z]\.\s)(?:[A-Z]\.?\s){1,3}[A-Z][a-z]{2,}"
)
# A given name and a surname with a comma after them: a person whose office follows the
# comma. Straight after a word of the text before (not after a comma), it shows a run that
# joins each office to the next name with no separator.
_NAME_THEN_COMMA = re.compile(
    r"(?:(?<=[\w).’',] )|^)(?P<given>[A-Z][a-z]+) (?:(?:van|von|de|da|di|du|le|la|der|den) )?"
    r"(?:[A-Z][a-z]*['’]?)?[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?,"
)
_WORD_BEFORE_NAME = re.compile(r"(\S+)\s+$")


def _given_or_after_post(text: str, match: re.Match[str]) -> bool:
    """Whether a name before a comma starts a person: its given name is listed, or the word
    before it ends a post ("..., Treasurer Kwabena Mensah, Clerk") and the name's own words
    are no words of a post."""
    if match["given"] in GIVEN_NAMES:
        return True
    before = _WORD_BEFORE_NAME.search(text, max(0, match.start() - 40), match.start())
    words = match.group().rstrip(",").split()
    return (
        before is not None
        and is_role_word(before[1])
        and not any(is_role_word(word) for word in words)
    )


def _names_then_commas(text: str) -> list[int]:
    """Where each person starts in a run written "Jo Hale, Adviser Ann Bell, Chief
    Constable, Rye Police Roy Tapp, ...": at each given name and surname followed by a comma,
    when at least two of them follow a word; else none."""
    found = [
        m
        for m in _NAME_THEN_COMMA.finditer(text)
        if _given_or_after_post(text, m) and not _inside_name(text, m.start())
    ]
    titles = {m.end() for m in _HONORIFIC_ANCHOR.finditer(text)}
    titles.update(m.end() for m in _RANK_ANCHOR.finditer(text))
    # (a name after a rank counts when a post follows its comma: "Jo Hale, Chief Constable
    # Ann Bell, Director of Finance" reads as names and posts, the rank ending a post)
    after_words = [
        m
        for m in found
        if (_post_follows(text, m.end()) if m.start() == 0 else text[m.start() - 2] != ",")
        and (m.start() not in titles or _post_follows(text, m.end()))
    ]
    return [m.start() for m in found] if len(after_words) >= 2 else []


def _names_and_posts(piece: str) -> list[str]:
    """A piece of a "Name, Post" run parted at each comma that a bare name follows rather
    than a post: "Jo Hale, Ann Bell, Roy Tapp" is three people, "Jo Hale, Chief Constable,
    Rye Police" one."""
    parts = _split_outside_brackets(piece, ",")
    entries: list[str] = []
    after_name = False  # whether the part before is a name alone
    for part in parts:
        bare = strip_titles(part) == part and looks_like_name(part)
        person = split_person(part) if strip_titles(part) == part else None
        given_first = (
            person is not None
            and part.startswith(person.name)
            and person.name.split()[0] in GIVEN_NAMES
        )
        if entries and not ((bare and after_name) or given_first):
            entries[-1] = f"{entries[-1]}, {part}"
        else:
            entries.append(part)
        after_name = bare or (given_first and person is not None and person.name == part)
    return entries


def _post_follows(text: str, position: int) -> bool:
    """Whether the word at ``position`` (after spaces) is the first of an office."""
    word = re.match(r"\s*([^\s,;]+)", text[position : position + 40])
    rest = text[position : position + 80].strip()
    return word is not None and is_role_word(word[1]) and strip_titles(rest) == rest


_OFFICE_BEFORE = re.compile(r"\b(?:Crime|Rescue|City)\s+$")


def _ends_office(text: str, match: re.Match[str]) -> bool:
    """Whether a rank such as "Commissioner" or "Mayor" is the last word of an office
    ("Police & Crime Commissioner Derek Hale", "Salford City Mayor Jo Bell") rather than a
    title before the name after it."""
    if _strong_rank(match):
        return False
    return bool(_OFFICE_BEFORE.search(text, max(0, match.start() - 30), match.start()))


# "CC Hale (item 2) DCC Bell - Chair ACO Jo Tapp": a rank and a surname alone, then a
# bracket, a dash, a comma or the end.
_SURNAME_THEN_MARK = re.compile(r"(?P<surname>[A-Z][\w'’-]+)(?=\s*(?:\(|[-–—]\s|[,;]|$))")


_OFFICE_RANK = re.compile(r"(?:D?P(?:F)?CC|CFO|CEO|Commissioner|Mayor|Lord|Lady)\b")
_LINK_BEFORE = re.compile(r"\b(?:for|of|to|the|by)\s+$")


def _surname_after_rank(text: str, rank: re.Match[str]) -> bool:
    """Whether a police rank is followed by a surname alone, which the mark after it ends (not
    an office's initials inside a post: "Programme Manager for PCC Transition, ...")."""
    found = _SURNAME_THEN_MARK.match(text, rank.end())
    return (
        found is not None
        and not _OFFICE_RANK.match(rank.group())
        and not _LINK_BEFORE.search(text, max(0, rank.start() - 8), rank.start())
        and is_name_token(found["surname"])
        and not is_role_word(found["surname"])
    )


def _anchors(text: str) -> list[int]:
    """Where titles start in ``text``: honorifics, ranks with a two-word name after them, and
    names with their initials after them."""
    starts: list[int] = []
    ends: set[int] = set()
    for match in _HONORIFIC_ANCHOR.finditer(text):
        starts.append(match.start())
        ends.add(match.end())
    titled = set(ends)
    name_commas = set(_names_then_commas(text))
    for match in _RANK_ANCHOR.finditer(text):
        if match.end() in name_commas:
            continue  # "Jo Hale, Chief Constable Ann Bell, ...": the rank ends a post
        following = text[match.end() : match.end() + 80].split(" ", 2)[:2]
        named = len(following) == 2 and all(is_name_token(w.strip(",;")) for w in following)
        named = named or _surname_after_rank(text, match)
        if (
            named
            and match.start() not in ends
            and not _ends_office(text, match)
            and not _LINK_BEFORE.search(text, max(0, match.start() - 8), match.start())
        ):
            starts.append(match.start())  # ("Mr Det Supt Jo Hale" is one title)
        titled.add(match.end())
    # A name with its initials after it starts an entry unless a title before it does; so
    # do initials and a surname after an organisation's last word.
    starts.extend(start for start in _initialled_names(text) if start not in titled)
    # "Mark Coombes (MC) Tariq (TM)": a name of one word and its initials after an entry's
    starts.extend(  # bracket
        m.start("name")
        for m in _LONE_AFTER_BRACKET.finditer(text)
        if m["initials"][0] == m["name"][0] and not is_role_word(m["name"])
    )
    starts.extend(
        m.start()
        for m in _INITIALS_AFTER_WORD.finditer(text)
        if m.start() not in titled and not _inside_name(text, m.start())
    )
    # "Jo Hale, Special Adviser Ann Bell, Chief Constable, Rye Police Roy Tapp, ...": each
    # name is followed by its comma, its office runs on to the next name.
    starts.extend(start for start in name_commas if start not in titled)
    if not re.search(r"[,;]", text):
        # "K Armstrong J A Pringle D Ferguson": with no separators, each initials and surname
        initialled = [
            m.start()
            for m in _INITIALS_NAME.finditer(text)
            if m.start() not in titled and not _inside_name(text, m.start())
        ]
        starts.extend(initialled if len(initialled) >= 2 else [])
    return sorted(set(starts))


_TITLE_AT_END = re.compile(rf"(?<![\w/])(?:{_HONORIFIC}|{_RANK})$")
_WORD_BEFORE_START = re.compile(r"(?:^|(?<=[\s,;(]))(?P<word>[A-Z][a-z]*\.?)\s+$")


def _inside_name(text: str, start: int) -> bool:
    """Whether the words at ``start`` go on a name begun before them rather than starting
    the next person after an organisation ("Rye Council N Corrie", "Rye Police Jo Hale,"):
    the word before is a listed given name or an initial, with a title, a separator or
    nothing before it ("Robert J Wynne", "Cllr J Emlyn Baines,"), or any name's word with a
    title before it ("Cllr Aneurin M Jones")."""
    before = _WORD_BEFORE_START.search(text, max(0, start - 60), start)
    if before is None:
        return False
    word = before["word"]
    head = text[: before.start("word")].rstrip()
    if _TITLE_AT_END.search(head):
        return is_name_token(word) and not is_role_word(word)  # "Cllr Aneurin M Jones"
    if word not in GIVEN_NAMES and not re.fullmatch(r"[A-Z]\.?", word):
        return False
    return not head or head.endswith((",", ";", "("))


_LEADING_CHAIR = re.compile(
    r"^(?P<office>(?:vice[- ]?)?chair(?:man|person|woman)?)(?:\s*[-–—:]\s*|(?P<space>\s+))"
    r"(?=[A-Z])",
    re.I,
)


def _with_chair_office(text: str, entries: tuple[str, ...]) -> tuple[str, ...]:
    """ "Chair – Jo Hale (JH), Rye Council": the office printed before a run's first name is
    that entry's, put where an office in brackets goes ("Jo Hale (JH), Rye Council (Chair)")."""
    match = _LEADING_CHAIR.match(text)
    if match is None or (match["space"] and not name_shape_at(text, match.end(), strict=True)):
        return entries  # ("Chair Jo Hale, ..." with a space only when a name plainly follows)
    if not entries or _LEADING_CHAIR.match(entries[0]):
        entries = _split_run(text[match.end() :])
    if not entries:
        return entries
    return (f"{entries[0].rstrip(' .')} ({match.group('office')})", *entries[1:])


def split_run(text: str) -> list[str]:
    """The entries of a run of people, each for ``split_person``."""
    return list(_with_chair_office(text.strip(), _split_run(text)))


@functools.lru_cache(maxsize=1024)
def _split_run(text: str) -> tuple[str, ...]:
    """``split_run``, kept for the latest runs: a list line is read to decide whether it
    belongs to the list, then again to add its people."""
    text = normalise_run(text)
    initialled = split_initials_run(text)
    if initialled:
        return tuple(initialled)
    groups = _split_outside_brackets(text, ";") if ";" in text else []
    named = sum(split_person(group) is not None for group in groups)
    if named >= 2 and named >= len(groups) - 1:
        # "Chief Constable Jo Hale (JH); Chief Executive Ann Bell (AB)": a semicolon ends
        # each person's entry, so a post before the next name is that name's, not an office
        # run on from the entry before.
        return tuple(entry for group in groups for entry in _split_run(group))
    if ";" not in text and _HONORIFIC_ANCHOR.search(text) is None:
        # "Jo Hale – Police and Crime Commissioner (Chair) Roy Tapp – Chief Constable Ann
        # Bell – Deputy Chief Constable": each dash parts a name from its post, and each post
        # runs on into the next name, ranks and all (a rank there ends a post; titles such as
        # "Cllr" start a name, and the runs that hold them are parted at them below).
        pairs = _split_dash_run(text, strict=True)
        if len(pairs) >= 2:
            return tuple(pairs)
    starts = _anchors(text)
    by_given_names = split_on_given_names(text) if not re.search(r"[,;]", text) else [text]
    if len(by_given_names) >= max(2, len(starts)):
        # A run without separators whose given names part it at least as finely as its
        # titles: "... Police and Crime Commissioner Fiona Neale Office of the ..." is not
        # cut at "Commissioner".
        starts = [0]
        pieces = by_given_names
    elif len(starts) >= 2 or (starts and starts[0] > 0 and split_person(text) is None):
        # (one title after words that name nobody: "POLICING BOARD Ms Jo Hale ADVISER", a
        # column's heading read into the line before the person)
        cuts = [0, *[s for s in starts if s > 0], len(text)]
        pieces = [text[a:b] for a, b in itertools.pairwise(cuts)]
    else:
        pieces = [text]
    # "Jo Hale, Adviser Ann Bell, Chief Constable, Rye Police": cut at each name and its
    # comma, a piece is one person and the office after the comma, commas and all.
    whole_pieces = len(pieces) > 1 and bool(_names_then_commas(text))
    entries: list[str] = []
    for number, piece in enumerate(pieces):
        piece = re.sub(r"(?:\s+(?:and|&))+\s*$", "", piece.strip(_SEPARATORS))
        if not piece:
            continue
        if whole_pieces and split_person(piece) is not None:
            for part in _names_and_posts(piece):
                entries.extend(_split_and(part))
            continue
        titled = len(pieces) > 1 and (number > 0 or starts[0] == 0)
        # A piece with no commas may be a whole run without separators: part it by its given
        # names first, so that "and" inside an organisation's name does not part it.
        pieces_of = split_on_given_names(piece) if not re.search(r"[,;]", piece) else [piece]
        for sub in pieces_of:
            for part in split_entries(sub, names_only=titled):
                for dashed in _split_dash_run(part):
                    entries.extend(split_on_given_names(dashed))
    return tuple(part_joined_names([bare for entry in entries for bare in split_bare_names(entry)]))


def _split_dash_run(text: str, *, strict: bool = False) -> list[str]:
    """ "Fiona Rennison – AAP Co-ordinator Colin Meek – Project Officer" -> two entries: the
    words before each dash after the first end with the next person's name. With
    ``strict``, the whole text when one of those parts does not."""
    segments = _DASH.split(text)
    first = re.sub(r"\s*\([^()]*\)", "", segments[0])  # "Megan Chapman (MC)"
    if len(segments) < 3 or not looks_like_name(strip_titles(first)):
        return [text]
    entries: list[str] = []
    current = segments[0]
    for segment in segments[1:-1]:
        found = trailing_name(segment)
        if found is None:
            if strict:
                return [text]
            current = f"{current} – {segment}"
            continue
        name, capacity = found
        entries.append(f"{current} – {capacity}")
        current = name
    entries.append(f"{current} – {segments[-1]}")
    return entries


_WORD = re.compile(r"\S+")
# A word in lower case that is not one of an organisation's small words: the text is a
# sentence ("Ann Bell – attending for Roy Tapp"), not a run of names and organisations.
_PROSE_WORD = re.compile(r"(?<![\w'’-])(?!(?:of|and|the|for|to|in|on|at|de|van|von)\b)[a-z]+\b")
_BRACKETED = re.compile(r"\([^()]*\)")
_ENTRY_EDGES = " ,;:-–—&"


def _prose(text: str) -> bool:
    """Whether a run holds a word of a sentence: a word in lower case that is neither an
    organisation's small word nor a word of an office ("Staff representative")."""
    words = _PROSE_WORD.findall(_BRACKETED.sub(" ", text))
    return any(not is_role_word(word) for word in words)


def _given_name_at(words: list[re.Match[str]], index: int) -> bool:
    """Whether a person starts at ``words[index]``: a given name, then a surname, and not
    itself the surname of a given name before it ("Sian James"). A surname that is also a
    given name counts where a post or nothing follows it ("... Area Beverley Spencer Head of
    ..."), not a third name word ("Mary Ann Bell")."""
    if index + 1 >= len(words) or words[index].group() not in GIVEN_NAMES:
        return False
    surname = words[index + 1].group().rstrip(",;")
    if surname.isupper() or not is_name_token(surname):
        return False
    if surname in GIVEN_NAMES and not _post_or_end_at(words, index + 2):
        return False
    return index == 0 or words[index - 1].group() not in GIVEN_NAMES


def _post_or_end_at(words: list[re.Match[str]], index: int) -> bool:
    """Whether no word of a name stands at ``words[index]``: the run's end or a post's word."""
    if index >= len(words):
        return True
    word = words[index].group().strip(",;")
    return is_role_word(word) or not is_name_token(word)


def _bracketed_names(text: str, words: list[re.Match[str]], starts: list[int]) -> list[int]:
    """Where people start whose given names are not listed, in a run that writes each
    person "Given Surname (post)" as its listed given names show: "... – Minutes Tomas
    Kowal (Comms Manager) ..." starts at "Tomas". Two name words, neither a word of a post,
    and a bracket straight after them; not inside a bracket."""
    bracketed = [i for i in starts if text.startswith(" (", words[i + 1].end())]
    if len(bracketed) < 2:
        return []
    found: list[int] = []
    for index in range(len(words) - 1):
        first, second = words[index], words[index + 1]
        if index in starts or not text.startswith(" (", second.end()):
            continue
        pair = (first.group(), second.group())
        if text.count("(", 0, first.start()) > text.count(")", 0, first.start()):
            continue
        if all(is_name_token(w) and not is_role_word(w) and not w.isupper() for w in pair):
            found.append(index)
    return found


def _strong_rank(match: re.Match[str]) -> bool:
    """A rank that is a title before a name, not the last word of an office ("Police and
    Crime Commissioner", "City Mayor") that ends the organisation before it."""
    return not re.match(r"(?:Commissioner|Mayor|Lord|Lady|CEO)\b", match.group())


def _bare_name(text: str) -> bool:
    """Whether a text is two name words and nothing else ("Meinir Hollis")."""
    words = text.split()
    return (
        len(words) == 2
        and looks_like_name(text)
        and strip_titles(text) == text
        and not any(is_role_word(word) or word.isupper() for word in words)
    )


_LEADING_BRACKETS = re.compile(r"(?:\s*\([^()]*\))+")
_LONE_INITIALLED = re.compile(r"[A-Z][a-z]{2,}\s*\([A-Z]{1,3}\)")
_LONE_AFTER_BRACKET = re.compile(
    r"(?<=\))\s+(?P<name>[A-Z][a-z]{2,})\s*\((?P<initials>[A-Z]{1,3})\)(?=\s|$)"
)
_HONOURS = re.compile(r"(?:\s+(?:OBE|MBE|CBE|KBE|DBE|BEM|QPM|KPM|DL|JP|TD))+\s*$")


def _name_with_honours(text: str) -> bool:
    """Whether a text is a person's name of two or three words, with a title before it or
    letters of honours after it ("Harun Qadir OBE", "Dr Ann Bell"), and nothing else."""
    bare = _HONOURS.sub("", text).strip()
    marked = bare != text.strip() or strip_titles(bare) != bare
    name = strip_titles(bare)
    return (
        marked
        and 2 <= len(name.split()) <= 3
        and looks_like_name(name)
        and not any(is_role_word(word) for word in name.split())
    )


def _titled_opening(text: str, words: list[re.Match[str]]) -> int | None:
    """The index of the first word of a name that a title opens the run with ("CC Ada Marsh
    Avon and Somerset ..."), whether or not its given name is listed."""
    title = _HONORIFIC_ANCHOR.match(text) or _RANK_ANCHOR.match(text)
    if title is None or (title.re is _RANK_ANCHOR and not _strong_rank(title)):
        return None
    index = next((i for i, word in enumerate(words) if word.start() >= title.end()), None)
    if index is None or index + 1 >= len(words):
        return None
    first, second = words[index].group(), words[index + 1].group().rstrip(",;")
    if not (is_name_token(first) and is_name_token(second)) or is_role_word(second):
        return None
    return index


def split_on_given_names(text: str) -> list[str]:
    """The people of a run that extraction left with no separators, parted where a given
    name and a surname start each: "Alison Kerr Rye Police Nadia Rahman Public Health" (name
    first) or "Bolton Andrew Pilling Bury Helen Rothwell" (organisation first). Each entry
    is written "name – organisation". A run with fewer than two such names is left whole."""
    words = list(_WORD.finditer(text))
    starts = [i for i in range(len(words)) if _given_name_at(words, i)]
    opening = _titled_opening(text, words)
    if starts and opening is not None and opening + 2 <= starts[0]:
        starts.insert(0, opening)  # "CC Ada Marsh Avon CC Ben Roper Kent": a title opens it
    if len(starts) >= 2:
        starts = sorted({*starts, *_bracketed_names(text, words, starts)})
    if len(starts) < 2 or _prose(text):
        return [text]
    # A title just before a given name belongs to it ("... Rye Council Cllr Ann Bell ...").
    titles = {m.end(): m.start() for m in _HONORIFIC_ANCHOR.finditer(text)}
    titles.update({m.end(): m.start() for m in _RANK_ANCHOR.finditer(text) if _strong_rank(m)})
    begins = [titles.get(words[i].start(), words[i].start()) for i in starts]
    prefix = text[: begins[0]]
    adjacent = all(
        not text[words[i + 1].end() : begin].strip()
        for i, begin in zip(starts, begins[1:], strict=False)
    )
    if _name_with_honours(prefix) or (adjacent and _bare_name(prefix.strip())):
        # "Harun Qadir OBE Colin Wrigley Denis Oldroyd (Chair)", "Kwabena Mensah Ifeoma Obi
        # Tariq Shah Chief Executive ...": a person whose given name is not listed opens the
        # run, marked by honours or followed by names with nothing between them (names
        # first, their posts after); the others follow as names first.
        return [prefix.strip(), *split_on_given_names(text[begins[0] :])]
    if not prefix.strip() or strip_titles(text[: words[starts[0]].start()] + "X") == "X":
        # Name first: what follows each name, to the next name, is its organisation.
        cuts = [0, *begins[1:], len(text)]
        entries = []
        for number, (a, b) in enumerate(itertools.pairwise(cuts)):
            name_end = words[starts[number] + 1].end()
            rest = text[name_end:b].strip(_ENTRY_EDGES)
            # (a bare name after it is left unmarked: another person glued to this one,
            # which ``part_joined_names`` parts where the run shows it)
            dash = " " if _bare_name(rest) else " – "
            entries.append(f"{text[a:name_end].strip()}{dash}{rest}" if rest else text[a:b].strip())
        return entries
    # Organisation first: the words before each name, after the one before, are its own;
    # brackets straight after a name are that name's ("Chair Jo Hale (JH) Vice Chair Ann
    # Bell (AB)").
    entries = []
    previous_end = 0
    for i, begin in zip(starts, begins, strict=True):
        organisation = text[previous_end:begin].strip(_ENTRY_EDGES)
        brackets = _LEADING_BRACKETS.match(organisation)
        if entries and brackets is not None:
            entries[-1] = f"{entries[-1]} {brackets.group().strip()}"
            organisation = organisation[brackets.end() :].strip(_ENTRY_EDGES)
        name = f"{text[begin : words[i].start()]}{words[i].group()} {words[i + 1].group()}"
        person = split_person(organisation) if _LONE_INITIALLED.fullmatch(organisation) else None
        if person is not None and person.name == organisation.split()[0]:
            entries.append(organisation)  # "(PDE) Mirela (M) Conrad Stebbings (CS)"
            organisation = ""
        entries.append(f"{name} – {organisation}" if organisation else name)
        previous_end = words[i + 1].end()
    trailing = text[previous_end:].strip(_ENTRY_EDGES)
    if trailing:
        entries[-1] = f"{entries[-1]} {trailing}"
    return entries


def _split_outside_brackets(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == separator and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


_AND = re.compile(r"\s+(?:and|&)\s+")


def _split_and_outside_brackets(text: str) -> list[str]:
    """The text parted at each "and" that is not inside brackets: "S Parkin and F Topliss
    (Office of the Police and Crime Commissioner)" -> two pieces, not three."""
    pieces: list[str] = []
    start = counted = depth = 0
    for match in _AND.finditer(text):
        depth += text.count("(", counted, match.start()) - text.count(")", counted, match.start())
        counted = match.start()
        if depth > 0:
            continue
        pieces.append(text[start : match.start()])
        start = match.end()
    pieces.append(text[start:])
    return pieces


def _split_and(part: str) -> list[str]:
    """ "John Smith and Jane Doe" -> both; "Chief Constable and Jane Doe" -> role, person;
    "Fiona Gledhill - Treasurer and Ruth Ambler - Manager" -> both."""
    pieces = _split_and_outside_brackets(part)
    if len(pieces) < 2:
        return [part]
    head, last = " and ".join(pieces[:-1]), pieces[-1]
    person = split_person(last)
    if person is None:
        return [part]
    if person.capacity is None and len(last.split()) <= 4:
        return [head, last]
    before = split_person(head)
    if before is None:
        return [part]
    if strip_titles(last).startswith(person.name):
        return [head, last]
    # "Deputy Chief Constable Jo Hale and Director of Finance Ann Bell": each a post and
    # the name after it, so both halves end with their own person's name.
    if trailing_name(last) is not None and head.rstrip(" .").endswith(before.name):
        return [head, last]
    rank, _, surname = last.strip().partition(" ")
    if surname == person.name and role_for_abbreviation(rank) is not None:
        return [head, last]  # "DCC Pennick (Chair) and ACO Ormond"
    return [part]


def _bare_then_bracket(piece: str, name: str) -> bool:
    """Whether a piece is a name and its capacity in brackets only ("Jo Hale (Independent
    Member)"), as the titled entries of the same list write theirs."""
    head = piece.split("(", 1)[0].strip()
    return head == name and bool(re.fullmatch(r"[^()]+(?:\s*\([^()]*\))+", piece.strip()))


def _given_name_and_post(piece: str, person: Person) -> bool:
    """Whether a piece is a listed given name and a surname, then words of a post only
    ("Priscilla Hamblin Police Crime Commissioner"), as a run of titled names writes a
    person without a title."""
    office = (person.capacity or "").split()
    return (
        piece.startswith(person.name)
        and person.name.split()[0] in GIVEN_NAMES
        and bool(office)
        and all(is_role_word(word) for word in office)
    )


def _starts_person(piece: str, *, names_only: bool = False) -> bool:
    """Whether a piece of a list starts a new person rather than going on with a capacity.

    A bilingual capacity ("Prif Weithredwr / Chief Executive") is capitalised like a name
    but its English half is a role. With ``names_only`` (after a titled name in a run such
    as "Cllr P Ashworth, East Herts District Council Cllr ...") only a bare name does.
    """
    person = split_person(piece)
    if person is None or (
        names_only
        and person.capacity is not None
        and not _bare_then_bracket(piece, person.name)
        and not _given_name_and_post(piece, person)
    ):
        return False
    _, slash, english = piece.partition(" / ")
    return not slash or looks_like_name(strip_markers(english)[0].strip(" ()"))


_TRAILING_INITIALS = re.compile(r"\([A-Z][A-Za-z]?[A-Z]{1,3}\)\s*$")


def _post_after_initials(before: str, piece: str) -> bool:
    """Whether ``piece`` is the post of the person ``before`` names with their initials:
    "Ed Lowe (EL), Change Delivery Programme Director", where the words before the office
    are no given name."""
    if _TRAILING_INITIALS.search(before) is None or "(" in piece:
        return False
    first = piece.split()[0]
    last = piece.split()[-1]
    return first not in GIVEN_NAMES and OFFICE_WORD.fullmatch(last) is not None


def _comma_groups(text: str, *, names_only: bool, only_people: bool = False) -> list[str]:
    """The entries of a list parted by commas: a piece that does not start a person goes on
    with the entry before it ("Jo Hale, Treasurer"). With ``only_people`` the text is one
    entry unless every piece after a comma starts a person."""
    parts: list[list[str]] = []  # each group's pieces, joined once at the end
    for part in _split_outside_brackets(text, ","):
        for piece in _split_and(re.sub(r"^(?:and|&)\s+", "", part)):
            starts_person = _starts_person(piece, names_only=names_only) and not (
                parts and _post_after_initials(parts[-1][-1], piece)
            )
            if starts_person or not parts:
                parts.append([piece])
            elif only_people:
                return _split_and(text)
            else:
                parts[-1].append(piece)
    return [", ".join(group) for group in parts]


def split_entries(text: str, *, names_only: bool = False) -> list[str]:
    """Entries of an inline list: "A Smith (PCC), B Jones, Chief Constable; C Brown"."""
    text = NAME_LIST_END.split(text.strip(), maxsplit=1)[0].rstrip(".")
    if role_then_name(text) is not None:
        return [text]  # "Chief Executive, OPCC – Colin Padgett"
    if ";" in text:
        # "Jo Hale (Chair); Ann Bell (Vice Chair), Roy Tapp (Rye Council)": each group after
        # a semicolon may itself be a list parted by commas.
        groups: list[str] = []
        for group in _split_outside_brackets(text, ";"):
            if (
                groups
                and split_person(group) is None
                and is_role_word(group.split()[0])
                and not any(split_person(piece) for piece in _split_and(group)[1:])
            ):
                # "Jo Hale; Police and Crime Commissioner": a post after the semicolon
                groups[-1] = f"{groups[-1]}, {group}"
                continue
            groups.extend(_comma_groups(group, names_only=names_only, only_people=True))
    else:
        groups = _comma_groups(text, names_only=names_only)
    groups = [re.sub(r"^(?:and|&)\s+", "", group) for group in groups]
    return [group for group in groups if split_person(group) is not None]


_SUBSTITUTE_IN_BRACKETS = re.compile(
    r"\(\s*(?:substituted\s+by|substitute[d:]?|sub(?:stituting)?\s*:)\s+(?P<who>[^()]+)\)"
    r"|\(\s*(?P<subbing>[^()]+?)\s+(?:subbing|substituting|deputising)\s*\)",
    re.IGNORECASE,
)
# "Cllr Ann Bell (substitute for Cllr Roy Tapp)": the member named in the bracket is the one
# who was absent, not another attendee. Extraction sometimes drops the closing bracket
# ("(substitute for Mayor Roy Tapp, Cllr ..."): the note then ends at the next comma.
_SUBSTITUTE_FOR = re.compile(
    r"\(\s*(?:as\s+)?(?:a\s+)?(?:substitute|substituting|sub|deputising|deputy)\s+for\s+"
    r"[^(),;]*(?:\)|(?=[,;])|$)",
    re.IGNORECASE,
)
_SUBSTITUTE_AFTER_DASH = re.compile(
    r"\s[-–—]\s+(?P<who>[^-–—]+?)\s+(?:substituted|subbing|substituting)\b\.?", re.IGNORECASE
)
_SUBSTITUTED_BY = re.compile(r",?\s*(?:who\s+was\s+)?substituted\s+by\s+", re.IGNORECASE)
_FOR_WHOM = re.compile(
    r",?\s*for\s+whom\s+(?P<who>.+?)\s+(?:attended|was\s+present|substituted)"
    r"(?:\s+as\s+(?:a\s+|his\s+|her\s+|their\s+)?substitute)?",
    re.IGNORECASE,
)


# "Cllr Vivienne Parry for Cllr Roger Evans (Rye Council)": a named substitute and the member
# they stood in for, who was absent.
_FOR_MEMBER = re.compile(
    r"(?<=[a-z])\s+(?:(?:as\s+)?(?:a\s+)?(?:substitute|deputy)\s+)?for\s+(?:Cllrs?|Councillors?|Mr|Mrs|Ms|"
    r"Miss|Dr)\.?\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:\s*\([^()]*\))?"
)


# "Howard Pell with" / "Marcus Tilby as his substitute": the substitute on a line of their
# own, the member they stood in for on the line before.
_AS_SUBSTITUTE = re.compile(
    r"^(?:with\s+)?(?P<who>[A-Z][^,;()]{2,60}?)\s+as\s+(?:a\s+|the\s+|his\s+|her\s+|their\s+)?"
    r"(?:substitute|deputy)\b[.,;]?\s*$",
    re.IGNORECASE,
)
# "Councillor Ann Bell, with Councillor Roy Tapp attending as substitute", "Howard Pell with
# Marcus Tilby as his substitute".
# ", with Cllr B attending as a substitute", ", with Councillor B substituting"
_WITH_ATTENDING = re.compile(
    r",?\s+with\s+(?P<who>[A-Z].+?)\s+(?:(?:(?:attending|present|in\s+attendance)\s+)?as\s+"
    r"(?:a\s+|the\s+|his\s+|her\s+|their\s+)?(?:substitute|deputy)\b|substituting\b"
    r"(?!\s+for\b))",
    re.IGNORECASE,
)


def take_substitutes(text: str) -> tuple[str, list[str]]:
    """(the text without its substitutes, the substitutes): "Cllr A (Cllr B subbing)",
    "Cllr A (substituted by Cllr B)", "A - B substituted", "A, for whom B attended as a
    substitute; and by C", "A and B, substituted by C and D respectively"."""
    substitutes: list[str] = []

    def take(match: re.Match[str]) -> str:
        substitutes.append(match.group("who") or match.group("subbing"))
        return " "

    text = _SUBSTITUTE_FOR.sub(" ", text)
    text = _FOR_MEMBER.sub(" ", text)
    text = _SUBSTITUTE_IN_BRACKETS.sub(take, text)
    text = _SUBSTITUTE_AFTER_DASH.sub(take, text)
    text = _FOR_WHOM.sub(take, text)
    text = _WITH_ATTENDING.sub(take, text)
    text = _AS_SUBSTITUTE.sub(take, text.strip())
    text = re.sub(r";\s*and\s+by\s+", "; ", text)
    by = _SUBSTITUTED_BY.search(text)
    if by is not None:
        substitutes.append(re.sub(r"\s+respectively\b.*$", "", text[by.end() :]))
        text = text[: by.start()]
    return text, [s.strip() for s in substitutes if s.strip()]
